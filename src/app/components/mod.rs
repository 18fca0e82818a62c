//! Small reusable pieces, one concern each.

mod badges;
mod bar_chart;
mod nav;
mod problem;
mod raw_html;

pub use badges::{ActionStatusBadge, SeverityBadge};
pub use bar_chart::BarChart;
pub use nav::Nav;
pub use problem::Problem;
pub use raw_html::RawHtml;
