//! One file per route.

mod action_items;
mod home;
mod not_found;
mod postmortem;
mod postmortem_list;
mod runbook;
mod runbook_list;

pub use action_items::ActionItems;
pub use home::Home;
pub use not_found::NotFound;
pub use postmortem::PostmortemPage;
pub use postmortem_list::PostmortemList;
pub use runbook::RunbookPage;
pub use runbook_list::RunbookList;
