//! The pipeline the CLI runs: load → validate across documents → write the bundle (with
//! the postmortem feed); the findings a change is answerable for (`check
//! --changed-since`); and the Prometheus rules of the SLOs (`firebreak slo rules`).

mod feed;
mod links;
pub mod prometheus_rules;
mod public_url;
pub mod rules;
mod scope;
mod site;
mod write;

use chrono::NaiveDate;
use std::path::Path;

use ingest::diagnostics::Diagnostics;
use model::Repo;
pub use public_url::PublicUrl;
pub use scope::Scope;
pub use site::{site_of, sli_of};
pub use write::write_bundle;

/// Loads the repo at `root` and checks it, file by file and across files. `as_of` is the day
/// time-based rules (stale runbooks) judge by.
pub fn load_and_check(root: &Path, as_of: NaiveDate) -> (Repo, Diagnostics) {
    let (repo, mut diagnostics) = ingest::load(root);
    diagnostics.extend(links::check(&repo));
    let diagnostics = rules::run(&rules::Context { repo: &repo, as_of }, diagnostics);
    (repo, diagnostics)
}
