//! Small repos for rule tests, written as files and loaded the way users' repos are.

use chrono::NaiveDate;

use super::Context;
use model::Repo;

/// Postmortems as (file name, status, body); each gets valid front matter.
pub fn repo_with(postmortems: &[(&str, &str, &str)]) -> Repo {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir_all(dir.path().join("postmortems")).unwrap();
    for (name, status, body) in postmortems {
        let text = format!(
            "---\ntitle: Test\ndate: 2026-06-01\nstatus: {status}\nseverity: SEV2\nauthors: [\"@ann\"]\nstarted_at: 2026-06-01T10:00:00Z\n---\n{body}"
        );
        std::fs::write(dir.path().join("postmortems").join(name), text).unwrap();
    }
    repo_at(dir.path())
}

pub fn repo_at(root: &std::path::Path) -> Repo {
    ingest::load(root).0
}

pub fn context_of(repo: &Repo) -> Context<'_> {
    Context { repo, as_of: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap() }
}
