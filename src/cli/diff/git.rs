//! The repo as it was at a Git ref: `git archive` of the source folder, unpacked into a
//! temporary folder that is removed when dropped. The working tree is never touched.

use std::path::Path;
use std::process::Command;

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
    let located = git(source, &["rev-parse", "--show-toplevel", "--show-prefix"]).map_err(|e| {
        format!("{} is not inside a Git repository, so there is no base to compare with ({e})", source.display())
    })?;
    let located = String::from_utf8_lossy(&located).into_owned();
    let mut lines = located.lines();
    let (top, prefix) = (lines.next().unwrap_or_default(), lines.next().unwrap_or_default());
    if reference.starts_with('-') || reference.trim().is_empty() {
        return Err(format!("`{reference}` (from --base) is not a Git ref"));
    }
    let commit = git(source, &["rev-parse", "--verify", "--quiet", &format!("{reference}^{{commit}}")])
        .map_err(|_| {
            format!(
                "the base ref `{reference}` (from --base) does not exist in the Git repository at {}; fetch it first \
                 (on GitHub Actions: actions/checkout with `fetch-depth: 0`) or name a branch, tag or commit that exists",
                source.display()
            )
        })?;
    let commit = String::from_utf8_lossy(&commit).trim().to_owned();
    // From the top: in a subfolder, `git archive` would look for that subfolder inside the tree.
    let tar = git(Path::new(top), &["archive", "--format=tar", &format!("{commit}:{prefix}")])
        .map_err(|e| format!("cannot read {} at `{reference}`: {e}", source.display()))?;
    let dir = tempfile::tempdir().map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    tar::Archive::new(tar.as_slice())
        .unpack(dir.path())
        .map_err(|e| format!("cannot unpack {} at `{reference}`: {e}", source.display()))?;
    Ok(Snapshot { dir })
}

/// Runs git in `dir`; its standard output, or its standard error as the message.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output =
        Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}
