//! The pull-request workflow is real: valid YAML, and every command it runs exists.

mod support;

use serde_yaml_ng::Value;
use support::{firebreak, root};

fn workflow() -> Value {
    let text = std::fs::read_to_string(root().join(".github/workflows/pull-request.yml")).unwrap();
    serde_yaml_ng::from_str(&text).expect("the workflow is valid YAML")
}

fn steps(workflow: &Value) -> Vec<&Value> {
    workflow["jobs"]["check-and-preview"]["steps"].as_sequence().expect("a list of steps").iter().collect()
}

fn run_of<'a>(steps: &[&'a Value], needle: &str) -> &'a str {
    steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .find(|run| run.contains(needle))
        .unwrap_or_else(|| panic!("no step runs `{needle}`"))
}

#[test]
fn runs_on_pull_requests_and_lints_with_annotations() {
    let workflow = workflow();
    assert!(workflow["on"].get("pull_request").is_some(), "triggered by pull requests");
    let steps = steps(&workflow);
    let check = run_of(&steps, "check --format github");
    assert!(check.starts_with("cargo run --quiet --bin firebreak -- "));
    // What the change touches, against the base branch it fetched (tests/changed_since.rs).
    assert!(check.ends_with(" --changed-since \"origin/${{ github.base_ref }}\""), "{check}");
    // The command as the workflow runs it, on the example repo: GitHub annotations, exit 0.
    firebreak().args(["check", "--format", "github", "--source"]).arg(root()).assert().success();
    // A failed check still lets the preview build, then fails the job.
    let check_step = steps.iter().find(|s| s["id"].as_str() == Some("check")).unwrap();
    assert_eq!(check_step["continue-on-error"].as_bool(), Some(true));
    let last = steps.last().unwrap();
    assert_eq!(last["if"].as_str(), Some("steps.check.outcome == 'failure'"));
}

#[test]
fn builds_the_preview_under_the_pull_requests_path_with_the_projects_tools() {
    let workflow = workflow();
    let steps = steps(&workflow);
    let install = run_of(&steps, "install-tools.sh");
    let script = std::fs::read_to_string(root().join("scripts/install-tools.sh")).unwrap();
    for function in install.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| w.starts_with("install_")) {
        assert!(script.contains(&format!("{function}() {{")), "install-tools.sh has no {function}");
    }
    let build = run_of(&steps, "trunk build");
    assert!(build.contains("--release --public-url \"/pr-${{ github.event.number }}/\""), "{build}");
    let upload =
        steps.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/upload-artifact@"))).unwrap();
    assert_eq!(upload["with"]["path"].as_str(), Some("dist"));
}

#[test]
fn summarises_the_change_against_the_base_branch_it_fetched() {
    let workflow = workflow();
    let steps = steps(&workflow);
    let checkout =
        steps.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/checkout@"))).unwrap();
    assert_eq!(checkout["with"]["fetch-depth"].as_i64(), Some(0), "the base branch must be fetched for check and diff");
    let diff = run_of(&steps, " diff --base ");
    assert!(
        diff.starts_with("cargo run --quiet --bin firebreak -- diff --base \"origin/${{ github.base_ref }}\""),
        "{diff}"
    );
    // The command itself is tested on a two-commit repo in tests/diff.rs.
    assert!(diff.ends_with(">> \"$GITHUB_STEP_SUMMARY\""), "{diff}");
}
