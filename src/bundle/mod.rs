//! The data the compiler writes and the app loads: one `site.json` fetched at start-up,
//! and one file per document fetched when a reader opens it.

use serde::{Deserialize, Serialize};

use crate::model::{Config, Metrics, PostmortemSummary, Repo, RunbookSummary};

/// Bumped whenever the shape of the bundle changes, so a stale bundle is reported rather
/// than misread.
pub const FORMAT_VERSION: u32 = 1;
pub const SITE_FILE: &str = "site.json";

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
    pub metrics: Metrics,
}

impl Site {
    pub fn from_repo(repo: &Repo) -> Site {
        let mut postmortems: Vec<PostmortemSummary> = repo.postmortems.iter().map(PostmortemSummary::from).collect();
        postmortems.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then_with(|| a.meta.id.cmp(&b.meta.id)));
        let mut runbooks: Vec<RunbookSummary> = repo.runbooks.iter().map(RunbookSummary::from).collect();
        runbooks.sort_by(|a, b| a.meta.title.cmp(&b.meta.title));
        Site {
            format_version: FORMAT_VERSION,
            config: repo.config.clone(),
            postmortems,
            runbooks,
            metrics: repo.metrics.clone(),
        }
    }
}
