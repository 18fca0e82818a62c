//! The data the compiler writes and the app loads: `site.json` and `deploys.bin` fetched
//! at start-up; one file per document, and the deploy ids, fetched when a page shows them.

mod deploy_columns;

pub use deploy_columns::{
    DEPLOY_IDS_FILE, DEPLOYS_FILE, TooFarApart, read as read_deploy_columns, read_ids as read_deploy_ids,
    write as write_deploy_columns, write_ids as write_deploy_ids,
};

use serde::{Deserialize, Serialize};

use crate::analytics::incident_records;
use crate::model::{
    Config, DeployLog, Deployment, Excluded, Incident, Onboarding, PostmortemSummary, Repo, RunbookSummary,
};

/// Bumped whenever the shape of the bundle changes, so a stale bundle is reported rather
/// than misread.
pub const FORMAT_VERSION: u32 = 4;
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
}

impl Site {
    pub fn from_repo(repo: &Repo) -> Site {
        let mut postmortems: Vec<PostmortemSummary> = repo.postmortems.iter().map(PostmortemSummary::from).collect();
        postmortems.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then_with(|| a.meta.id.cmp(&b.meta.id)));
        let mut runbooks: Vec<RunbookSummary> = repo.runbooks.iter().map(RunbookSummary::from).collect();
        runbooks.sort_by(|a, b| a.meta.title.cmp(&b.meta.title));
        // With a catalog, deployments of services it lacks are left out (and `check` says so).
        let catalog = &repo.config.services;
        let (known, unknown): (Vec<Deployment>, Vec<Deployment>) = repo
            .metrics
            .deployments
            .iter()
            .cloned()
            .partition(|d| catalog.is_empty() || catalog.contains_key(&d.service));
        let (mut deploys, mut excluded) = DeployLog::build(&known, &repo.metrics.changes);
        let incidents = incident_records(&postmortems, &repo.metrics.incidents);
        deploys.link_incidents(incidents.iter().map(|i| (i.id.as_str(), i.caused_by_deploys.as_slice())));
        if !unknown.is_empty() {
            excluded.insert("deployments of services not in the catalog".into(), unknown.len());
        }
        for (reason, count) in &repo.metrics.excluded {
            *excluded.entry(reason.clone()).or_insert(0) += count;
        }
        Site {
            format_version: FORMAT_VERSION,
            config: repo.config.clone(),
            postmortems,
            runbooks,
            deploys,
            incidents: repo.metrics.incidents.clone(),
            excluded,
            onboarding: repo.onboarding.clone(),
        }
    }
}
