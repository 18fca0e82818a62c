//! The repo as it was at a Git ref: `git archive` of the source folder, unpacked into a
//! temporary folder that is removed when dropped. The working tree is never touched.

use std::path::Path;

use crate::cli::git::{commit_of, git, locate};

pub struct Snapshot {
    dir: tempfile::TempDir,
}

impl Snapshot {
    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

/// The source folder at `reference` (`--base`), as it is inside the repository.
pub fn snapshot(source: &Path, reference: &str) -> Result<Snapshot, String> {
    let (top, prefix) = locate(source, "there is no base to compare with")?;
    let commit = commit_of(source, reference, "--base", "the base ref")?;
    // From the top: in a subfolder, `git archive` would look for that subfolder inside the tree.
    let tar = git(&top, &["archive", "--format=tar", &format!("{commit}:{prefix}")])
        .map_err(|e| format!("cannot read {} at `{reference}`: {e}", source.display()))?;
    let dir = tempfile::tempdir().map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    tar::Archive::new(tar.as_slice())
        .unpack(dir.path())
        .map_err(|e| format!("cannot unpack {} at `{reference}`: {e}", source.display()))?;
    Ok(Snapshot { dir })
}
