//! One file per route.

mod action_items;
mod alert;
mod home;
mod not_found;
mod patterns;
mod postmortem;
mod postmortem_list;
mod runbook;
mod runbook_list;
mod service;
mod service_list;

pub use action_items::ActionItems;
pub use alert::AlertPage;
pub use home::Home;
pub use not_found::NotFound;
pub use patterns::Patterns;
pub use postmortem::PostmortemPage;
pub use postmortem_list::PostmortemList;
pub use runbook::RunbookPage;
pub use runbook_list::RunbookList;
pub use service::ServicePage;
pub use service_list::ServiceList;
