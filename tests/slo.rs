//! `firebreak report` on a repo with one SLO in OpenSLO's minimal form: the budget, policy
//! state, burn-down and alerts as hand-computed from its export, and how they meet the
//! repo's one incident and two deployments.

mod support;

use serde_json::Value;
use std::fmt::Write;

use support::{firebreak, report_json};

/// OpenSLO's minimal form, verbatim (shared with ingest's unit tests).
const SLO: &str = include_str!("fixtures/slo/minimal.yaml");

/// The same SLO reading a Prometheus export (shared with ingest's unit tests).
const PROMETHEUS_SLO: &str = include_str!("fixtures/slo/prometheus.yaml");

/// Hourly: 1,000 requests over 2026-06-01 and 06-02; 30 fail in the hour to 10:00 on the 2nd.
fn hours() -> impl Iterator<Item = (chrono::DateTime<chrono::FixedOffset>, u32)> {
    let start = chrono::DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z").unwrap();
    (1..=48).map(move |hour| (start + chrono::Duration::hours(hour), if hour == 34 { 970 } else { 1000 }))
}

fn export() -> String {
    let mut csv = String::from("timestamp,good,total\n");
    for (at, good) in hours() {
        writeln!(csv, "{},{good},1000", at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)).unwrap();
    }
    csv
}

/// The same hours as Prometheus's `sum by (code)` of them: a series of 200s, one of 500s.
fn prometheus_export() -> String {
    let series = |code: &str, count: &dyn Fn(u32) -> u32| {
        let values: Vec<String> =
            hours().map(|(at, good)| format!("[{},\"{}\"]", at.timestamp(), count(good))).collect();
        format!("{{\"metric\":{{\"code\":\"{code}\"}},\"values\":[{}]}}", values.join(","))
    };
    let result = [series("200", &|good| good), series("500", &|good| 1000 - good)];
    format!("{{\"status\":\"success\",\"data\":{{\"resultType\":\"matrix\",\"result\":[{}]}}}}", result.join(","))
}

/// From 09:20 to 10:30 on the 2nd, noticed at 10:12, caused by the deployment at 09:00.
const INCIDENTS: &str = "incident_id,service,severity,started_at,detected_at,resolved_at,caused_by_deploy
INC-1,checkout,SEV2,2026-06-02T09:20:00Z,2026-06-02T10:12:00Z,2026-06-02T10:30:00Z,checkout-2
";

const DEPLOYMENTS: &str = "deploy_id,service,environment,finished_at,status
checkout-1,checkout,production,2026-06-01T12:00:00Z,success
checkout-2,checkout,production,2026-06-02T09:00:00Z,success
";

const CONFIG: &str = "title = \"SLO test\"\n\n[services.checkout]\nteam = \"payments\"\n";

fn repo() -> tempfile::TempDir {
    repo_with(CONFIG)
}

fn repo_with(config: &str) -> tempfile::TempDir {
    repo_of(config, SLO, ("content/metrics/sli/checkout-requests.csv", &export()))
}

fn repo_of(config: &str, slo: &str, (export_path, export): (&str, &str)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("firebreak.toml", config);
    write("content/slos/checkout.yaml", slo);
    write(export_path, export);
    write("content/metrics/incidents.csv", INCIDENTS);
    write("content/metrics/deployments.csv", DEPLOYMENTS);
    dir
}

fn slos_of(repo: &tempfile::TempDir) -> Value {
    report_of(repo)["slos"].clone()
}

fn report_of(repo: &tempfile::TempDir) -> Value {
    report_json(repo.path(), "2026-06-02", &[])
}

#[test]
fn report_json_carries_each_slos_budget_state_and_alerts() {
    let repo = repo();
    let slos = slos_of(&repo);
    let slo = &slos[0];
    assert_eq!(slo["name"], "checkout-availability");
    assert_eq!(slo["service"], "checkout");
    let budget = &slo["budget"];
    assert_eq!(budget["total_events"], 48_000.0, "only the two days have data");
    // 0.1 % of 48,000 is 48 failures allowed; 30 spent leaves 37.5 %: caution.
    assert!((budget["budget"].as_f64().unwrap() - 48.0).abs() < 1e-9);
    assert!((budget["remaining"].as_f64().unwrap() - 0.375).abs() < 1e-9);
    assert_eq!(slo["state"], "caution");
    let burn_down = slo["burn_down"].as_array().unwrap();
    assert_eq!(burn_down.len(), 28, "one point per day of the 28-day window");
    assert_eq!(burn_down[0][1], 1.0, "the window starts with the whole budget");
    // 3 % failing for an hour burns 30 × the allowance: past page-fast's 13.44 for 28 days.
    let page = slo["firings"].as_array().unwrap().iter().find(|f| f["alert"] == "page-fast").unwrap();
    let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).unwrap().timestamp();
    assert_eq!(page["from"], at("2026-06-02T10:00:00Z"));
    assert_eq!(page["until"], at("2026-06-02T11:00:00Z"));

    let human = firebreak().args(["report", "--as-of", "2026-06-02", "--source"]).arg(repo.path()).assert().success();
    let text = String::from_utf8(human.get_output().stdout.clone()).unwrap();
    assert!(text.contains("slo checkout-availability: caution, 37.5 % left (99.9 % target)"), "{text}");
}

#[test]
fn report_json_joins_each_slo_to_its_incidents_and_deployments() {
    let slos = slos_of(&repo());
    let slo = &slos[0];
    // The page fired at 10:00, 40 minutes into the incident and 12 before it was noticed.
    let page = &slo["alert_reviews"][0];
    assert_eq!(page["severity"], "page");
    assert_eq!(page["incidents"][0]["incident"], "INC-1");
    assert_eq!(page["incidents"][0]["minutes_after_start"], 40.0);
    assert_eq!(page["incidents"][0]["minutes_before_detection"], 12.0);
    assert_eq!((page["precision"].as_f64(), page["recall"].as_f64()), (Some(1.0), Some(1.0)));
    assert_eq!(page["false_alarms"].as_array().unwrap().len(), 0);
    // Over three days 30 failures burn 0.88, under ticket-slow's 0.93: no ticket.
    let ticket = &slo["alert_reviews"][1];
    assert_eq!(ticket["missed"], serde_json::json!(["INC-1"]));
    assert_eq!((ticket["precision"].as_f64(), ticket["recall"].as_f64()), (None, Some(0.0)));
    // The 10:00 sample's 30 failures, of 48 allowed.
    let top = &slo["top_consumers"];
    assert_eq!(top["incidents"][0]["incident"], "INC-1");
    assert!((top["incidents"][0]["share"].as_f64().unwrap() - 0.625).abs() < 1e-12);
    assert_eq!(top["deployments"][0]["caused_by_deploys"], serde_json::json!(["checkout-2"]));
    assert_eq!(slo["freeze_violations"], serde_json::json!([]), "caution freezes nothing by default");
}

#[test]
fn the_policy_in_firebreak_toml_sets_the_states_the_freeze_and_low_traffic() {
    let config =
        format!("{CONFIG}\n[slo]\nwarning = 0.4\nfreeze_states = [\"warning\", \"exhausted\"]\nmin_events = 1e6\n");
    let report = report_of(&repo_with(&config));
    let slo = &report["slos"][0];
    assert_eq!(slo["state"], "warning", "37.5 % left is at or below 40 %");
    let frozen = slo["freeze_violations"].as_array().unwrap();
    assert_eq!(frozen.len(), 1, "the 1st was healthy: {frozen:?}");
    assert_eq!((&frozen[0]["deploy_id"], &frozen[0]["day"]), (&Value::from("checkout-2"), &Value::from("2026-06-02")));
    assert_eq!(slo["firings"][0]["low_traffic"], true, "an hour of 1,000 requests is under a million");
    // The DORA page's count, over the report's filter.
    assert_eq!(report["freeze_breaks"], serde_json::json!({ "total": 1, "per_service": { "checkout": 1 } }));
}

#[test]
fn a_prometheus_export_of_the_same_events_gives_the_same_report() {
    let json = repo_of(CONFIG, PROMETHEUS_SLO, ("content/metrics/sli/checkout-requests.json", &prometheus_export()));
    let (from_json, from_csv) = (slos_of(&json), slos_of(&repo()));
    assert_eq!(from_json[0]["budget"]["total_events"], 48_000.0);
    assert_eq!(from_json, from_csv);
}

/// A postmortem of INC-1's hour whose Impact section states `share` of the budget.
fn postmortem_stating(share: &str) -> String {
    format!(
        "---\ntitle: Checkout failures\ndate: 2026-06-02\nstatus: draft\nseverity: SEV2\nservices: [checkout]\n\
         authors: [\"@ann\"]\nstarted_at: 2026-06-02T09:20:00Z\nresolved_at: 2026-06-02T10:30:00Z\n---\n\n\
         ## Summary\n\nCheckout failed.\n\n## Impact\n\n- **SLO:** checkout availability used **{share}%** of its \
         28-day error budget.\n"
    )
}

fn check_of(repo: &tempfile::TempDir) -> String {
    let out = firebreak().args(["check", "--source"]).arg(repo.path()).output().unwrap();
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

#[test]
fn an_impact_section_is_held_to_the_budget_the_export_says_the_incident_spent() {
    // The hour to 10:00 on the 2nd: 30 failures of 48 allowed, 62.5 %.
    let repo = repo();
    let path = repo.path().join("postmortems/2026-06-02-checkout-failures.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, postmortem_stating("60")).unwrap();
    let near = check_of(&repo);
    assert!(!near.contains("[impact-budget]"), "2.5 points apart passes:\n{near}");
    std::fs::write(&path, postmortem_stating("38")).unwrap();
    let far = check_of(&repo);
    let expected = "postmortems/2026-06-02-checkout-failures.md:18:41: warning: the Impact section \
                    says 38 % of the budget, but the SLI export says checkout-availability spent 62.5 %";
    assert!(far.contains(expected) && far.contains("[impact-budget]"), "{far}");
}
