//! `firebreak check --changed-since REF` on a real Git repo: findings in the documents a
//! change touched and in those that name them are reported; the rest of the repo's are not.

mod support;

use std::path::{Path, PathBuf};
use support::{AS_OF, firebreak, git};

/// A synthetic repo in a folder of a new Git repository (as in a monorepo), committed as
/// `base`: four postmortems, each naming a missing related postmortem, the first naming the
/// second runbook and the others the first.
struct Fixture {
    _dir: tempfile::TempDir,
    top: PathBuf,
    site: PathBuf,
    postmortems: Vec<PathBuf>,
    runbooks: Vec<String>,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().to_path_buf();
        let site = top.join("reliability");
        firebreak().args(["synth", "--postmortems", "4", "--runbooks", "2", "--out"]).arg(&site).assert().success();
        let postmortems = sorted_files(&site.join("postmortems"));
        let runbooks: Vec<String> = sorted_files(&site.join("content/runbooks"))
            .iter()
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!((postmortems.len(), runbooks.len()), (4, 2));
        let fixture = Fixture { _dir: dir, top, site, postmortems, runbooks };
        for (i, pm) in fixture.postmortems.iter().enumerate() {
            let runbook = &fixture.runbooks[usize::from(i == 0)];
            let text = std::fs::read_to_string(pm).unwrap();
            let (start, end) = (text.find("\nrunbooks: [").unwrap() + 1, text.find("]\n---").unwrap() + 1);
            let keys = format!("runbooks: [{runbook}]\nrelated: [{}]", missing(i));
            std::fs::write(pm, format!("{}{keys}{}", &text[..start], &text[end..])).unwrap();
        }
        git(&fixture.top, &["init", "-q"]);
        git(&fixture.top, &["add", "-A"]);
        git(&fixture.top, &["commit", "-q", "-m", "base"]);
        git(&fixture.top, &["tag", "base"]);
        fixture
    }

    /// Appends `line` to the file at `path` (relative to the site).
    fn touch(&self, path: &str, line: &str) {
        let path = self.site.join(path);
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&format!("\n{line}\n"));
        std::fs::write(path, text).unwrap();
    }

    fn postmortem(&self, i: usize) -> String {
        format!("postmortems/{}", self.postmortems[i].file_name().unwrap().to_string_lossy())
    }

    fn commit(&self) {
        git(&self.top, &["add", "-A"]);
        git(&self.top, &["commit", "-q", "-m", "change"]);
    }

    /// `check` in the site's folder with `args`: its exit code and standard error.
    fn check(&self, args: &[&str]) -> (i32, String) {
        let output = firebreak()
            .current_dir(&self.site)
            .args(["check", "--as-of", &AS_OF.to_string()])
            .args(args)
            .output()
            .unwrap();
        (output.status.code().unwrap(), String::from_utf8(output.stderr).unwrap())
    }

    /// Which postmortems' missing related postmortem `stderr` reports, by index.
    fn reported(&self, stderr: &str) -> Vec<usize> {
        (0..self.postmortems.len())
            .filter(|&i| stderr.lines().any(|l| l.starts_with(&self.postmortem(i)) && l.contains(&missing(i))))
            .collect()
    }
}

const SENTENCE: &str = "One more sentence.";

fn missing(i: usize) -> String {
    format!("missing-from-{i}")
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

#[test]
fn only_touched_documents_report_their_findings() {
    let repo = Fixture::new();
    let (code, stderr) = repo.check(&[]);
    assert_eq!((code, repo.reported(&stderr)), (1, vec![0, 1, 2, 3]), "without the flag, every finding: {stderr}");
    let (code, stderr) = repo.check(&["--changed-since", "base"]);
    assert_eq!((code, repo.reported(&stderr)), (0, vec![]), "nothing changed: {stderr}");
    assert!(stderr.contains("checked 0 document(s) changed since base or naming them, of 4 postmortem(s)"), "{stderr}");

    repo.touch(&repo.postmortem(2), SENTENCE);
    repo.commit();
    let (code, stderr) = repo.check(&["--changed-since", "base"]);
    assert_eq!((code, repo.reported(&stderr)), (1, vec![2]), "{stderr}");

    // Not committed yet: changed, staged, and a new file git does not track.
    repo.touch(&repo.postmortem(3), SENTENCE);
    let new = repo.site.join("postmortems/2026-11-30-new.md");
    std::fs::write(&new, std::fs::read_to_string(&repo.postmortems[1]).unwrap().replace(&missing(1), "missing-new"))
        .unwrap();
    let (_, stderr) = repo.check(&["--changed-since", "base"]);
    assert_eq!(repo.reported(&stderr), [2, 3], "{stderr}");
    assert!(stderr.contains("postmortems/2026-11-30-new.md:"), "the untracked postmortem is checked: {stderr}");
    assert!(stderr.contains("related postmortem `missing-new` does not exist"), "{stderr}");
}

#[test]
fn documents_naming_a_touched_runbook_are_checked() {
    let repo = Fixture::new();
    let second = format!("content/runbooks/{}.md", repo.runbooks[1]);
    repo.touch(&second, SENTENCE);
    repo.commit();
    // From outside the site, with its path: findings are named from where check runs.
    let output = firebreak()
        .current_dir(&repo.top)
        .args(["check", "--as-of", &AS_OF.to_string(), "--changed-since", "base", "--source", "reliability"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains(&format!("reliability/{}:", repo.postmortem(0))), "{stderr}");
    assert!(!stderr.contains(&missing(1)), "the others name the other runbook: {stderr}");

    // Removed: the postmortem that names it now names nothing, and says so.
    std::fs::remove_file(repo.site.join(&second)).unwrap();
    let (code, stderr) = repo.check(&["--changed-since", "base"]);
    assert_eq!((code, repo.reported(&stderr)), (1, vec![0]), "{stderr}");
    assert!(stderr.contains(&format!("runbook `{}` does not exist", repo.runbooks[1])), "{stderr}");
}

#[test]
fn a_new_duplicate_id_is_reported_wherever_it_lands() {
    let repo = Fixture::new();
    let first = repo.postmortems[1].file_stem().unwrap().to_string_lossy().into_owned();
    // Sorted first, so the duplicate is reported at the untouched postmortem it copies.
    let text =
        std::fs::read_to_string(&repo.postmortems[1]).unwrap().replacen("---\n", &format!("---\nid: {first}\n"), 1);
    std::fs::write(repo.site.join("postmortems/0000-copy.md"), text).unwrap();
    let (code, stderr) = repo.check(&["--changed-since", "base"]);
    assert_eq!(code, 1);
    let duplicate = format!("{}:1:1: error: duplicate postmortem id `{first}`", repo.postmortem(1));
    assert!(stderr.lines().any(|l| l.starts_with(&duplicate)), "{stderr}");
}

#[test]
fn a_changed_config_checks_every_document() {
    let repo = Fixture::new();
    repo.touch("firebreak.toml", "# A comment changes the file, if not what it means.");
    let (code, stderr) = repo.check(&["--changed-since", "base"]);
    assert_eq!((code, repo.reported(&stderr)), (1, vec![0, 1, 2, 3]), "{stderr}");
}

#[test]
fn a_ref_that_does_not_exist_or_no_repository_is_a_clear_error() {
    let repo = Fixture::new();
    let (code, stderr) = repo.check(&["--changed-since", "origin/no-such-branch"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("the ref `origin/no-such-branch` (from --changed-since) does not exist"), "{stderr}");
    let outside = tempfile::tempdir().unwrap();
    firebreak()
        .current_dir(outside.path())
        .args(["check", "--changed-since", "main"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is not inside a Git repository, so there is no change to check"));
}
