//! What a page or `firebreak report` shows, decided once for both: the filters read from a
//! page's URL or the CLI's flags, the headline figures, how figures are written, and the
//! path of every page. Host-compiled and unit-tested; no yew, so the app's pages only
//! render what these view models hold.

pub mod action_items;
pub mod alert_quality;
pub mod dora;
pub mod drill_items;
pub mod drill_list;
pub mod drill_status;
pub mod filter;
pub mod format;
pub mod headline;
pub mod html_table;
pub mod oncall;
pub mod oncall_tables;
pub mod postmortem;
pub mod readiness;
pub mod search;
pub mod slo;
pub mod slo_chart;
pub mod slo_compliance;
pub mod slo_detail;
pub mod slo_list;
pub mod slo_overview;

pub use model::paths;
