//! The example repo's on-call quarter (content/metrics/pages.csv and oncall.csv, 2026-09-01
//! to 2026-11-30) tells a story the site is meant to make plain: one flapping alert drowns
//! the rest, one alert pages with no runbook, some never page, one week of the payments
//! rotation carries far more than the others, and one Tokyo night is broken six times.
//! These tests read that story back from `report --json`, so the data keeps telling it.

mod support;

use serde_json::Value;

use support::{report_json, root};

fn quarter() -> Value {
    report_json(root(), "2026-11-30", &["--since", "2026-09-01"])
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect()
}

#[test]
fn the_flapping_yellow_cluster_is_the_noisiest_alert_by_far() {
    let alerts = quarter()["alerts"].clone();
    let rows = alerts["alerts"].as_array().unwrap();
    let (first, second) = (&rows[0], &rows[1]);
    assert_eq!(first["alert"], "SearchClusterYellow");
    assert!(first["pages"].as_u64().unwrap() >= 50, "{first}");
    assert!(first["actionable_share"].as_f64().unwrap() < 0.25, "mostly not actionable: {first}");
    assert!(first["noise"].as_f64().unwrap() > 3.0 * second["noise"].as_f64().unwrap(), "{first} against {second}");
}

#[test]
fn a_listed_alert_that_never_paged_is_quiet_and_an_unlisted_one_uncovered() {
    let alerts = quarter()["alerts"].clone();
    assert!(names(&alerts["quiet"]).contains(&"LedgerPrimaryUnavailable"), "{}", alerts["quiet"]);
    assert_eq!(names(&alerts["uncovered"]), ["NotificationsWebhookRetries"]);
    let paged: Vec<&str> = alerts["alerts"].as_array().unwrap().iter().map(|a| a["alert"].as_str().unwrap()).collect();
    assert!(!paged.contains(&"LedgerPrimaryUnavailable"));
}

#[test]
fn the_shipping_quote_week_makes_the_payments_rotation_unfair() {
    let oncall = quarter()["oncall"].clone();
    let rotations = oncall["rotations"].as_array().unwrap();
    let payments = rotations.iter().find(|r| r["rotation"] == "payments").unwrap();
    let pages = &payments["fairness"]["pages"];
    assert_eq!(pages["most"], "@hannah");
    assert!(pages["max_over_median"].as_f64().unwrap() > 1.5, "{pages}");
    // Her week of 26 October against the median of the rotation's other weeks.
    let mut weeks: Vec<(&str, &str, u64)> = oncall["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["rotation"] == "payments" && w["load"]["pages"].as_u64().unwrap() > 0)
        .map(|w| (w["week"].as_str().unwrap(), w["responder"].as_str().unwrap(), w["load"]["pages"].as_u64().unwrap()))
        .collect();
    weeks.sort_by_key(|w| w.2);
    let (week, responder, busiest) = weeks.pop().unwrap();
    assert_eq!((week, responder), ("2026-10-26", "@hannah"));
    let median = weeks[weeks.len() / 2].2;
    assert!(busiest > 4 * median, "{busiest} pages against a median of {median}");
}

#[test]
fn mei_is_woken_six_times_in_one_tokyo_night() {
    let oncall = quarter()["oncall"].clone();
    let week = oncall["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["week"] == "2026-11-16" && w["responder"] == "@mei")
        .unwrap();
    // 22:10 to 06:40 local, each in a different clock hour.
    assert!(week["load"]["interruptions"]["sleep"].as_u64().unwrap() >= 6, "{week}");
    assert!(week["load"]["distinct_sleep_hours"].as_u64().unwrap() >= 6, "{week}");
}

#[test]
fn the_quarter_has_escalations_incidents_and_pages_that_healed_on_their_own() {
    let oncall = quarter()["oncall"].clone();
    assert_eq!(oncall["no_shift_pages"], 0, "every page is on a shift");
    for rotation in ["payments", "identity", "discovery-platform"] {
        let row = oncall["rotations"].as_array().unwrap().iter().find(|r| r["rotation"] == rotation).unwrap();
        let load = &row["load"];
        assert!(load["escalation_rate"].as_f64().unwrap() > 0.0, "{rotation}: {load}");
        assert!(load["incident_share"].as_f64().unwrap() > 0.0, "{rotation}: {load}");
        assert!(load["false_page_rate"].as_f64().unwrap() > 0.0, "{rotation}: {load}");
    }
}
