//! Git, for the commands that compare the working tree with a ref: `diff --base` and
//! `check --changed-since`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where `source` is in its Git repository: the repository's top folder and the path of
/// `source` inside it (empty at the top, else ending in `/`). `why` ends the error when
/// `source` is in none: what the repository was needed for.
pub fn locate(source: &Path, why: &str) -> Result<(PathBuf, String), String> {
    let located = git(source, &["rev-parse", "--show-toplevel", "--show-prefix"])
        .map_err(|e| format!("{} is not inside a Git repository, so {why} ({e})", source.display()))?;
    let located = String::from_utf8_lossy(&located).into_owned();
    let mut lines = located.lines();
    let (top, prefix) = (lines.next().unwrap_or_default(), lines.next().unwrap_or_default());
    Ok((PathBuf::from(top), prefix.to_owned()))
}

/// The commit `reference` names in the repository of `source`. `named` is how the error
/// names it, with the option it came from: "the base ref `main` (from --base)".
pub fn commit_of(source: &Path, reference: &str, option: &str, named: &str) -> Result<String, String> {
    if reference.starts_with('-') || reference.trim().is_empty() {
        return Err(format!("`{reference}` (from {option}) is not a Git ref"));
    }
    let commit =
        git(source, &["rev-parse", "--verify", "--quiet", &format!("{reference}^{{commit}}")]).map_err(|_| {
            format!(
                "{named} `{reference}` (from {option}) does not exist in the Git repository at {}; fetch it first \
             (on GitHub Actions: actions/checkout with `fetch-depth: 0`) or name a branch, tag or commit that exists",
                source.display()
            )
        })?;
    Ok(String::from_utf8_lossy(&commit).trim().to_owned())
}

/// The files under `source` that the working tree changes since it left `reference`: in
/// commits since the merge base of `reference` and HEAD, staged, unstaged, or new and not
/// ignored, relative to `source`. The merge base, not `reference` itself, so a pull request
/// is not answerable for what its base branch did since it branched.
pub fn changed_since(source: &Path, reference: &str) -> Result<Vec<PathBuf>, String> {
    locate(source, "there is no change to check")?;
    let commit = commit_of(source, reference, "--changed-since", "the ref")?;
    let base = git(source, &["merge-base", &commit, "HEAD"]).map_err(|e| {
        format!("`{reference}` (from --changed-since) and HEAD share no history, so there is no change to check ({e})")
    })?;
    let base = String::from_utf8_lossy(&base).trim().to_owned();
    // Against the merge base's tree, the working tree holds the commits since and what is
    // staged or not; the files git does not track yet are listed apart.
    let tracked = git(source, &["diff", "--name-only", "--no-renames", "--relative", "-z", &base])?;
    let untracked = git(source, &["ls-files", "--others", "--exclude-standard", "-z"])?;
    let mut paths: Vec<PathBuf> = [tracked, untracked]
        .iter()
        .flat_map(|listing| listing.split(|&b| b == 0))
        .filter(|path| !path.is_empty())
        .map(|path| PathBuf::from(String::from_utf8_lossy(path).into_owned()))
        .collect();
    paths.sort();
    paths.dedup();
    Ok(paths)
}

/// Runs git in `dir`; its standard output, or its standard error as the message.
pub fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output =
        Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}
