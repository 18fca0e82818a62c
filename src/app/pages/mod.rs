//! One file per route.

mod action_items;
mod alert;
mod capacity;
mod digest;
mod dora;
mod dora_filters;
mod home;
mod incidents;
mod not_found;
mod onboarding;
mod patterns;
mod postmortem;
mod postmortem_list;
mod runbook;
mod runbook_list;
mod search;
mod service;
mod service_list;

pub use action_items::ActionItems;
pub use alert::AlertPage;
pub use capacity::CapacityPage;
pub use digest::DigestPage;
pub use dora::DoraPage;
pub use home::Home;
pub use incidents::IncidentsPage;
pub use not_found::NotFound;
pub use onboarding::OnboardingPage;
pub use patterns::Patterns;
pub use postmortem::PostmortemPage;
pub use postmortem_list::PostmortemList;
pub use runbook::RunbookPage;
pub use runbook_list::RunbookList;
pub use search::SearchPage;
pub use service::ServicePage;
pub use service_list::ServiceList;
