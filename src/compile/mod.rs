//! The pipeline the CLI runs: load → validate across documents → write the bundle.

mod links;
mod write;

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::model::Repo;
pub use write::write_bundle;

/// Loads the repo at `root` and checks it, file by file and across files.
pub fn load_and_check(root: &Path) -> (Repo, Diagnostics) {
    let (repo, mut diagnostics) = crate::ingest::load(root);
    diagnostics.extend(links::check(&repo));
    (repo, diagnostics)
}
