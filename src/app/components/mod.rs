//! Small reusable pieces, one concern each.

mod badges;
mod nav;
mod problem;
mod raw_html;

pub use badges::{ActionStatusBadge, SeverityBadge};
pub use nav::Nav;
pub use problem::Problem;
pub use raw_html::RawHtml;
