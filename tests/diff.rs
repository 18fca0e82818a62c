//! `firebreak diff --base REF` on a two-commit repo: documents added, changed and removed,
//! the new `check` finding, and headline figures that match the analytics on each side.

mod support;

use analytics::Report;
use compile::load_and_check;
use std::path::Path;
use std::process::Command;
use support::{AS_OF, firebreak, git, root};

const NEW: &str = "postmortems/2026-11-10-checkout-quote-retries-again.md";
const CHANGED: &str = "content/runbooks/deploy-rollback.md";
const REMOVED: &str = "postmortems/2026-09-03-notifications-duplicate-push.md";

fn copy_example(to: &Path) {
    for item in ["firebreak.toml", "postmortems", "content"] {
        let status = Command::new("cp").arg("-R").arg(root().join(item)).arg(to).status().unwrap();
        assert!(status.success());
    }
}

fn open_items(dir: &Path) -> usize {
    let (repo, _) = load_and_check(dir, AS_OF);
    Report::compute(&compile::site_of(&repo), AS_OF).action_items.stats.open
}

#[test]
fn diff_summarises_documents_findings_and_figures_against_the_base() {
    let repo = tempfile::tempdir().unwrap();
    // The site lives in a folder of the Git repo, as in a monorepo.
    let site = repo.path().join("reliability");
    std::fs::create_dir(&site).unwrap();
    copy_example(&site);
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "base"]);
    let open_before = open_items(&site);

    // The change: one postmortem added (naming a related postmortem that does not exist),
    // a runbook edited, a postmortem removed.
    let original =
        std::fs::read_to_string(root().join("postmortems/2026-10-28-checkout-shipping-quote-retries.md")).unwrap();
    let added = original
        .replace(
            "title: \"Checkout shipping step failed for 31% of customers after retries amplified a carrier-API slowdown\"",
            "title: \"Shipping quotes failed again\"",
        )
        .replace("related: [2026-06-12-checkout-payment-timeouts]", "related: [2026-06-12-checkout-payment-timeout]");
    std::fs::write(site.join(NEW), added).unwrap();
    let mut runbook = std::fs::read_to_string(site.join(CHANGED)).unwrap();
    runbook.push_str("\nOne more line.\n");
    std::fs::write(site.join(CHANGED), runbook).unwrap();
    std::fs::remove_file(site.join(REMOVED)).unwrap();
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "change"]);
    let open_after = open_items(&site);
    assert!(open_after > open_before, "the added postmortem has open items");

    let output = firebreak()
        .current_dir(&site)
        .args(["diff", "--base", "HEAD~1", "--as-of", &AS_OF.to_string()])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let markdown = String::from_utf8(output).unwrap();
    let expected = [
        "**Documents**: 1 new, 1 changed, 1 removed".to_owned(),
        format!(
            "| new postmortem | Shipping quotes failed again (`/postmortems/2026-11-10-checkout-quote-retries-again`) | `{NEW}` |"
        ),
        format!("| changed runbook | Deploy rollback (all services) (`/runbooks/deploy-rollback`) | `{CHANGED}` |"),
        format!(
            "| removed postmortem | Customers received up to nine copies of shipping push notifications after a consumer deploy | `{REMOVED}` |"
        ),
        "**`firebreak check`**: 1 new error(s), 0 new warning(s)".to_owned(),
        format!(
            "- `{NEW}:17` error: related postmortem `2026-06-12-checkout-payment-timeout` does not exist; did you mean `2026-06-12-checkout-payment-timeouts`? `[link]`"
        ),
        format!("| Open action items | {open_before} | {open_after} | +{} |", open_after - open_before),
    ];
    for line in &expected {
        assert!(markdown.lines().any(|l| l == line), "missing `{line}` in:\n{markdown}");
    }

    // Against itself: nothing to report.
    let same = firebreak()
        .current_dir(&site)
        .args(["diff", "--base", "HEAD", "--as-of", &AS_OF.to_string()])
        .assert()
        .success();
    let same = String::from_utf8(same.get_output().stdout.clone()).unwrap();
    assert!(same.contains("No postmortem or runbook is added, changed or removed."), "{same}");
    assert!(same.contains("no new findings"), "{same}");
}

#[test]
fn a_base_that_does_not_exist_is_named_with_where_it_came_from() {
    let repo = tempfile::tempdir().unwrap();
    copy_example(repo.path());
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "base"]);
    firebreak()
        .current_dir(repo.path())
        .args(["diff", "--base", "origin/no-such-branch"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("the base ref `origin/no-such-branch` (from --base) does not exist"));
    let outside = tempfile::tempdir().unwrap();
    firebreak()
        .current_dir(outside.path())
        .args(["diff", "--base", "main"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is not inside a Git repository"));
}
