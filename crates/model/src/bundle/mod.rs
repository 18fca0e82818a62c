//! The data the compiler writes and the app loads: `site.json` and `deploys.bin` fetched
//! at start-up; one file per document, the deploy ids and the SLOs' events (`sli.bin`),
//! fetched when a page shows them.

mod columns;
mod deploy_columns;
mod oncall_columns;
mod sli_columns;

pub use deploy_columns::{
    DEPLOY_IDS_FILE, DEPLOYS_FILE, TooFarApart, read as read_deploy_columns, read_ids as read_deploy_ids,
    write as write_deploy_columns, write_ids as write_deploy_ids,
};
pub use oncall_columns::{ONCALL_FILE, read as read_oncall_columns, write as write_oncall_columns};
pub use sli_columns::{SLI_FILE, read as read_sli_columns, write as write_sli_columns};

use serde::{Deserialize, Serialize};

use crate::{
    Alert, Config, DeployLog, DrillSummary, Excluded, Incident, Onboarding, PostmortemSummary, RunbookSummary, Slo,
};

/// Bumped whenever the shape of the bundle changes, so a stale bundle is reported rather
/// than misread.
pub const FORMAT_VERSION: u32 = 8;
pub const SITE_FILE: &str = "site.json";
/// The metric time series, apart from `site.json` because only the capacity views read them
/// and they outweigh everything else in it.
pub const SERIES_FILE: &str = "series.json";

/// The Atom feed of postmortems (`<link rel="alternate">` in index.html points at it).
pub const FEED_FILE: &str = "feed.xml";

pub fn postmortem_file(id: &str) -> String {
    format!("postmortems/{id}.json")
}

pub fn runbook_file(slug: &str) -> String {
    format!("runbooks/{slug}.json")
}

/// A drill with its rendered sections, fetched by its page.
pub fn drill_file(id: &str) -> String {
    format!("drills/{id}.json")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub format_version: u32,
    pub config: Config,
    /// Newest first.
    pub postmortems: Vec<PostmortemSummary>,
    /// By title.
    pub runbooks: Vec<RunbookSummary>,
    /// Deployments and changes, in columns; `site.json` holds only its dictionaries and
    /// links, the columns are in [`DEPLOYS_FILE`].
    pub deploys: DeployLog,
    /// Incidents without a postmortem, from `incidents.csv`.
    pub incidents: Vec<Incident>,
    /// Export rows left out of the metrics, by reason.
    pub excluded: Excluded,
    pub onboarding: Onboarding,
    /// The SLOs of `content/slos/`, as defined; their events are in [`SLI_FILE`], in
    /// this order.
    pub slos: Vec<Slo>,
    /// `content/alerts.yaml`: what the alert and readiness figures judge coverage by.
    pub alerts: Vec<Alert>,
    /// Each drill without its text, newest first.
    pub drills: Vec<DrillSummary>,
}

/// An empty site of the current format: what a repo with nothing in it compiles to.
impl Default for Site {
    fn default() -> Site {
        Site {
            format_version: FORMAT_VERSION,
            config: Config::default(),
            postmortems: Vec::new(),
            runbooks: Vec::new(),
            deploys: DeployLog::default(),
            incidents: Vec::new(),
            excluded: Excluded::default(),
            onboarding: Onboarding::default(),
            slos: Vec::new(),
            alerts: Vec::new(),
            drills: Vec::new(),
        }
    }
}
