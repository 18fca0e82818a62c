//! Small reusable pieces, one concern each.

mod anchor_link;
mod badges;
mod bar_chart;
mod card;
mod deploy_id;
mod filter_select;
mod forecast_chart;
mod item_extras;
mod nav;
mod problem;
mod progress_check;
mod raw_html;
mod rich_html;
mod search_facets;
mod slo_charts;
mod slo_rows;
mod snippet_text;

pub use anchor_link::{AnchorLink, scroll_to, use_section_scroll};
pub use badges::{ActionStatusBadge, SeverityBadge};
pub use bar_chart::BarChart;
pub use card::Card;
pub use deploy_id::deploy_id_cell;
pub use filter_select::FilterSelect;
pub use forecast_chart::ForecastChart;
pub use item_extras::ItemExtras;
pub use nav::Nav;
pub use problem::Problem;
pub use progress_check::ProgressCheck;
pub use raw_html::RawHtml;
pub use rich_html::RichHtml;
pub use search_facets::SearchFacets;
pub use slo_charts::{BurnDownChart, BurnRateChart};
pub use slo_rows::{SloRows, state_chip, when_assessed};
pub use snippet_text::SnippetText;
