//! A repo written to a scratch folder and loaded, for the tests that read whole repos.

use crate::diagnostics::Diagnostic;
use model::Repo;

/// Loads a repo of these `(path, text)` files; the findings sorted, their paths and
/// messages relative to the repo.
pub fn load(files: &[(&str, &str)]) -> (Repo, Vec<Diagnostic>) {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let (repo, diagnostics) = crate::load(dir.path());
    let root = format!("{}/", dir.path().to_string_lossy());
    let mut found = diagnostics.sorted();
    for d in &mut found {
        d.path = d.path.trim_start_matches(&root).to_owned();
        d.message = d.message.replace(&root, "");
    }
    (repo, found)
}

/// Each finding as `path:line:col: message`, for asserting positions and words together.
pub fn shown(found: &[Diagnostic]) -> Vec<String> {
    found.iter().map(|d| format!("{}:{}:{}: {}", d.path, d.line, d.col, d.message)).collect()
}
