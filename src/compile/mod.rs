//! The pipeline the CLI runs: load → validate across documents → write the bundle (with
//! the postmortem feed).

mod feed;
mod links;
mod public_url;
pub mod rules;
mod write;

use chrono::NaiveDate;
use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::model::Repo;
pub use public_url::PublicUrl;
pub use write::write_bundle;

/// Loads the repo at `root` and checks it, file by file and across files. `as_of` is the day
/// time-based rules (stale runbooks) judge by.
pub fn load_and_check(root: &Path, as_of: NaiveDate) -> (Repo, Diagnostics) {
    let (repo, mut diagnostics) = crate::ingest::load(root);
    diagnostics.extend(links::check(&repo));
    let diagnostics = rules::run(&rules::Context { repo: &repo, as_of }, diagnostics);
    (repo, diagnostics)
}
