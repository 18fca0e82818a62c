//! `firebreak build` and `firebreak check` on one repo: cold, again with nothing changed,
//! after one postmortem is edited, and `check` alone.

use crate::repos::Repo;
use crate::support::measure::{Run, measure};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every run of each measure, in the order taken.
pub struct Figures {
    /// From nothing left by an earlier build.
    pub cold: Vec<Run>,
    /// Right after a build, with nothing changed: what `trunk serve` does on a save that
    /// changes nothing the site shows.
    pub unchanged: Vec<Run>,
    /// Right after a build, with one postmortem's text changed.
    pub one_edit: Vec<Run>,
    pub check: Vec<Run>,
}

pub fn measure_all(repo: &Repo, repeats: usize) -> Figures {
    let out = repo.work.join("site-data");
    let mut figures = Figures { cold: Vec::new(), unchanged: Vec::new(), one_edit: Vec::new(), check: Vec::new() };
    for _ in 0..repeats {
        forget_earlier_builds(&out);
        figures.cold.push(build(repo, &out));
        figures.unchanged.push(build(repo, &out));
    }
    let edited = Restore::after_editing(repo.a_postmortem());
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("a clock").as_nanos();
    for round in 0..repeats {
        edited.edit(&format!("{stamp}-{round}"));
        figures.one_edit.push(build(repo, &out));
    }
    drop(edited);
    for _ in 0..repeats {
        figures.check.push(measure(firebreak(repo).arg("check").arg("--source").arg(&repo.source)));
    }
    figures
}

/// Removes everything a build leaves for the next one, so the next is cold: the site's
/// data now, and any build cache once there is one.
fn forget_earlier_builds(out: &Path) {
    match std::fs::remove_dir_all(out) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("cannot remove {}: {e}", out.display()),
    }
}

fn build(repo: &Repo, out: &Path) -> Run {
    measure(firebreak(repo).arg("build").arg("--source").arg(&repo.source).arg("--out").arg(out))
}

/// The release binary Cargo built for this bench, run from the repo's work folder so that
/// nothing it writes relative to where it runs lands in the project.
fn firebreak(repo: &Repo) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("firebreak"));
    command.current_dir(&repo.work);
    command
}

/// The postmortem the one-edit builds change, written back as it was when dropped, so the
/// repo stays as generated even if a build fails.
struct Restore {
    path: PathBuf,
    original: String,
}

impl Restore {
    fn after_editing(path: PathBuf) -> Restore {
        let original = std::fs::read_to_string(&path).expect("a readable postmortem");
        assert!(original.contains(SUMMARY), "{} has no `## Summary` to edit", path.display());
        Restore { path, original }
    }

    /// A sentence in the summary that no earlier build has seen (`tag` is new each round
    /// and each run), so a cache keyed by content must redo this postmortem.
    fn edit(&self, tag: &str) {
        let edited =
            self.original.replacen(SUMMARY, &format!("{SUMMARY}Edited by the build benchmark ({tag}).\n\n"), 1);
        std::fs::write(&self.path, edited).expect("the postmortem edited");
    }
}

const SUMMARY: &str = "## Summary\n";

impl Drop for Restore {
    fn drop(&mut self) {
        if let Err(e) = std::fs::write(&self.path, &self.original) {
            eprintln!("cannot restore {}: {e}", self.path.display());
        }
    }
}
