//! The benchmark repos: each written once by `firebreak synth` into target/bench and kept,
//! with a folder beside it for what the builds write.

use std::path::PathBuf;
use views::format::thousands;

/// Written last, so a run stopped half-way through generating starts again from scratch.
const COMPLETE: &str = ".complete";

/// What grows from one repo to the next of its kind.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Grows {
    /// Postmortems, with a runbook for every ten and a small deployment history.
    Documents,
    /// The deployment history, with a handful of documents (as `cargo bench --bench dora`).
    Deployments,
}

#[derive(Clone, Copy)]
pub struct Size {
    pub grows: Grows,
    pub postmortems: usize,
    pub runbooks: usize,
    pub deploys: usize,
    /// Left out by `--quick`: minutes each on two cores.
    pub large: bool,
}

pub const SIZES: &[Size] = &[
    Size { grows: Grows::Documents, postmortems: 1_000, runbooks: 100, deploys: 2_000, large: false },
    Size { grows: Grows::Documents, postmortems: 10_000, runbooks: 1_000, deploys: 2_000, large: false },
    Size { grows: Grows::Documents, postmortems: 50_000, runbooks: 5_000, deploys: 2_000, large: true },
    Size { grows: Grows::Deployments, postmortems: 20, runbooks: 5, deploys: 200_000, large: false },
    Size { grows: Grows::Deployments, postmortems: 20, runbooks: 5, deploys: 1_000_000, large: true },
];

impl Size {
    pub fn is_documents(&self) -> bool {
        self.grows == Grows::Documents
    }

    /// The Markdown pages Hugo is given: the postmortems and runbooks.
    pub fn pages(&self) -> usize {
        self.postmortems + self.runbooks
    }

    /// The count that grows, as the table names the repo.
    pub fn label(&self) -> String {
        match self.grows {
            Grows::Documents => {
                format!(
                    "{} postmortems + {} runbooks",
                    thousands(self.postmortems as u64),
                    thousands(self.runbooks as u64)
                )
            }
            Grows::Deployments => format!("{} deployments", thousands(self.deploys as u64)),
        }
    }

    /// How many of what grows, to compare one repo's cost with the next one's.
    pub fn scale(&self) -> usize {
        match self.grows {
            Grows::Documents => self.pages(),
            Grows::Deployments => self.deploys,
        }
    }
}

/// A generated repo and its work folder.
pub struct Repo {
    pub source: PathBuf,
    /// Where the builds write and run from (the site's data, Hugo's site), beside the repo.
    pub work: PathBuf,
}

impl Repo {
    /// The first postmortem in file order: the one the one-edit builds change.
    pub fn a_postmortem(&self) -> PathBuf {
        let dir = self.source.join("postmortems");
        let files = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        files.map(|entry| entry.expect("a readable folder").path()).min().expect("a postmortem")
    }
}

/// The repo of `size`, generated unless it is there from an earlier run.
pub fn generate(size: &Size) -> Repo {
    let dir = crate::support::root()
        .join("target/bench")
        .join(format!("build-{}pm-{}rb-{}deploys", size.postmortems, size.runbooks, size.deploys));
    let source = dir.join("repo");
    if !source.join(COMPLETE).exists() {
        let _ = std::fs::remove_dir_all(&source);
        println!("generating {} …", size.label());
        crate::support::firebreak()
            .args(["synth", "--seed", "1"])
            .args(["--postmortems", &size.postmortems.to_string(), "--runbooks", &size.runbooks.to_string()])
            .args(["--deploys", &size.deploys.to_string()])
            .arg("--out")
            .arg(&source)
            .assert()
            .success();
        std::fs::write(source.join(COMPLETE), "").expect("the marker file");
    }
    let work = dir.join("work");
    std::fs::create_dir_all(&work).expect("the work folder");
    Repo { source, work }
}
