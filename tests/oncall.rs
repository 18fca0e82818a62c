//! `firebreak report` on a small repo of pages and shifts: two weeks of March 2026 for a
//! responder in Tokyo and one in Los Angeles, whose clocks spring forward on the night of
//! the 8th, which Ben spends paged and on no shift. Every figure below is computed by hand
//! from the rows, as docs/metrics.md ("On-call health", "Alert quality") defines it.

mod support;

use serde_json::Value;

use support::firebreak;

const CONFIG: &str = r#"title = "On-call test"

[services.checkout]
team = "payments"

[people."@aiko"]
team = "payments"
time_zone = "Asia/Tokyo"

[people."@ben"]
team = "payments"
time_zone = "America/Los_Angeles"
"#;

/// Aiko's week runs Thursday to Thursday, across the window's week boundary (Monday the
/// 9th); Ben's two shifts are cut by the window's two ends.
const SHIFTS: &str = "rotation,responder,level,start,end
payments,@ben,primary,2026-02-26T00:00:00Z,2026-03-05T00:00:00Z
payments,@aiko,primary,2026-03-05T00:00:00Z,2026-03-12T00:00:00Z
payments,@ben,primary,2026-03-12T00:00:00Z,2026-03-19T00:00:00Z
";

/// Local times: Tokyo is UTC+9; Los Angeles UTC−8 until 10:00Z on Sunday the 8th, UTC−7 after.
const PAGES: &str = "page_id,alert,service,responder,urgency,triggered_at,acknowledged_at,resolved_at,escalated,incident_id,actionable,auto_resolved
PG-1,CheckoutHighErrorRate,checkout,@aiko,high,2026-03-05T13:00:00Z,2026-03-05T13:04:00Z,,false,INC-1,true,false
PG-2,CheckoutHighErrorRate,checkout,@aiko,high,2026-03-05T23:00:00Z,2026-03-05T23:02:00Z,,false,,true,false
PG-3,DiskFull,checkout,@aiko,high,2026-03-06T17:10:00Z,2026-03-06T17:20:00Z,,false,,false,false
PG-4,DiskFull,checkout,@aiko,high,2026-03-06T17:50:00Z,,2026-03-06T17:55:00Z,false,,,true
PG-5,DiskFull,checkout,@aiko,high,2026-03-07T03:00:00Z,2026-03-07T03:06:00Z,,true,,true,false
PG-6,CheckoutHighErrorRate,checkout,@ben,high,2026-03-03T06:00:00Z,2026-03-03T06:03:00Z,,false,,,false
PG-7,CheckoutHighErrorRate,checkout,@ben,high,2026-03-03T16:00:00Z,2026-03-03T16:05:00Z,,false,,true,false
PG-8,DiskFull,checkout,@ben,high,2026-03-08T09:30:00Z,,,false,,,false
PG-9,DiskFull,checkout,@ben,high,2026-03-08T10:30:00Z,,,false,,,false
PG-10,CheckoutHighErrorRate,checkout,@ben,high,2026-03-13T15:00:00Z,2026-03-13T15:08:00Z,,false,,true,false
PG-11,CheckoutHighErrorRate,checkout,@ben,high,2026-03-14T05:00:00Z,2026-03-14T05:01:00Z,,false,,,false
PG-12,CheckoutHighErrorRate,checkout,@aiko,high,2026-03-16T00:00:00Z,,,false,,true,false
PG-13,OldAlert,checkout,@ben,high,2026-03-01T23:59:00Z,,,false,,true,false
";

const ALERTS: &str = "- name: CheckoutHighErrorRate\n  service: checkout\n- name: OldAlert\n- name: NeverFired\n";

const RUNBOOK: &str = "---
title: \"Checkout: high error rate\"
service: checkout
owner: \"@aiko\"
last_reviewed: 2026-03-01
alerts: [CheckoutHighErrorRate, OldAlert, NeverFired]
---

## Overview
Checkout fails.
";

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in [
        ("firebreak.toml", CONFIG),
        ("content/metrics/oncall.csv", SHIFTS),
        ("content/metrics/pages.csv", PAGES),
        ("content/alerts.yaml", ALERTS),
        ("content/runbooks/checkout-high-error-rate.md", RUNBOOK),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// `report` over Monday 2026-03-02 to Sunday 2026-03-15, as of the last day.
fn report(repo: &tempfile::TempDir, json: bool) -> Vec<u8> {
    let mut command = firebreak();
    command.args(["report", "--as-of", "2026-03-15", "--since", "2026-03-02", "--source"]).arg(repo.path());
    if json {
        command.arg("--json");
    }
    command.assert().success().get_output().stdout.clone()
}

fn json() -> Value {
    serde_json::from_slice(&report(&repo(), true)).unwrap()
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

fn responder<'a>(oncall: &'a Value, handle: &str) -> &'a Value {
    let rows = oncall["responders"].as_array().unwrap();
    &rows.iter().find(|r| r["responder"] == handle).unwrap()["load"]
}

#[test]
fn tokyo_nights_start_at_22_and_mornings_at_8() {
    let oncall = json()["oncall"].clone();
    assert_eq!(
        (oncall["pages"].as_u64(), oncall["no_shift_pages"].as_u64()),
        (Some(11), Some(2)),
        "PG-12 and PG-13 are outside"
    );
    let aiko = responder(&oncall, "@aiko");
    // PG-1 Thursday 22:00 and PG-3, PG-4 Saturday 02:10, 02:50: sleep; PG-2 Friday 08:00:
    // business; PG-5 Saturday noon: off hours.
    assert_eq!(aiko["interruptions"], serde_json::json!({"business": 1, "off_hours": 1, "sleep": 3}));
    assert_eq!(aiko["distinct_sleep_hours"], 2);
    assert_eq!((aiko["shifts"].as_u64(), aiko["hours_on_call"].as_f64()), (Some(1), Some(168.0)));
    assert!(close(&aiko["on_call_share"], 0.5), "168 of the window's 336 hours");
    assert!(close(&aiko["pages_per_shift"], 5.0));
    assert!(close(&aiko["pages_per_12_hours"], 5.0 / 14.0));
    // 4, 2, 10, 6 minutes: sorted 2, 4, 6, 10; p90 at rank 2.7 is 6 + 0.7 × 4.
    assert!(close(&aiko["time_to_acknowledge_minutes"]["median"], 5.0));
    assert!(close(&aiko["time_to_acknowledge_minutes"]["p90"], 8.8));
    assert!(close(&aiko["escalation_rate"], 0.2));
    assert!(close(&aiko["false_page_rate"], 0.4), "PG-3 not actionable, PG-4 resolved on its own unacknowledged");
    assert!(close(&aiko["incident_share"], 0.2));
    assert_eq!(aiko["breaches"], serde_json::json!({"pages_per_12_hours": false, "on_call_share": true}));
}

#[test]
fn los_angeles_keeps_its_own_clock_through_the_spring_forward_night() {
    let oncall = json()["oncall"].clone();
    let ben = responder(&oncall, "@ben");
    // PG-6 Monday 22:00 PST and PG-11 Friday 22:00 PDT: sleep; PG-7 Tuesday 08:00 PST and
    // PG-10 Friday 08:00 PDT: business; PG-8 01:30 PST and PG-9 03:30 PDT on the 8th: sleep,
    // in two clock hours an hour apart (02:00 never happened).
    assert_eq!(ben["interruptions"], serde_json::json!({"business": 2, "off_hours": 0, "sleep": 4}));
    assert_eq!(ben["distinct_sleep_hours"], 4);
    // 72 hours of the first shift and 96 of the second are inside the window.
    assert_eq!((ben["shifts"].as_u64(), ben["hours_on_call"].as_f64()), (Some(2), Some(168.0)));
    // Only the four pages on a shift count towards the rates.
    assert!(close(&ben["pages_per_shift"], 2.0));
    assert!(close(&ben["pages_per_12_hours"], 4.0 / 14.0));
    // 3, 5, 8, 1 minutes: sorted 1, 3, 5, 8; p90 5 + 0.7 × 3.
    assert!(close(&ben["time_to_acknowledge_minutes"]["median"], 4.0));
    assert!(close(&ben["time_to_acknowledge_minutes"]["p90"], 7.1));
    assert!(close(&ben["false_page_rate"], 0.0));
}

#[test]
fn the_rotation_its_weeks_and_the_pages_on_no_shift() {
    let oncall = json()["oncall"].clone();
    let rotations = oncall["rotations"].as_array().unwrap();
    assert_eq!(
        rotations.iter().map(|r| r["rotation"].as_str().unwrap()).collect::<Vec<_>>(),
        ["(no shift)", "payments"]
    );
    let none = &rotations[0];
    assert_eq!((none["load"]["pages"].as_u64(), none["fairness"].is_null()), (Some(2), true));
    let payments = &rotations[1];
    assert!(close(&payments["load"]["pages_per_12_hours"], 9.0 / 28.0));
    // Pages 5 and 4 (median 4.5); sleep interruptions 3 and 2 (median 2.5).
    assert!(close(&payments["fairness"]["pages"]["max_over_median"], 5.0 / 4.5));
    assert!(close(&payments["fairness"]["sleep_interruptions"]["max_over_median"], 1.2));
    let weeks: Vec<(&str, &str, &str, u64, f64)> = oncall["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let load = &w["load"];
            (
                w["week"].as_str().unwrap(),
                w["rotation"].as_str().unwrap(),
                w["responder"].as_str().unwrap(),
                load["pages"].as_u64().unwrap(),
                load["hours_on_call"].as_f64().unwrap(),
            )
        })
        .collect();
    // Aiko's shift is split at Monday 00:00: 96 hours in the first week, 72 in the second.
    assert_eq!(
        weeks,
        [
            ("2026-03-02", "(no shift)", "@ben", 2, 0.0),
            ("2026-03-02", "payments", "@aiko", 5, 96.0),
            ("2026-03-02", "payments", "@ben", 2, 72.0),
            ("2026-03-09", "payments", "@aiko", 0, 72.0),
            ("2026-03-09", "payments", "@ben", 2, 96.0),
        ]
    );
}

#[test]
fn alert_quality_ranks_the_noisiest_and_names_the_quiet_and_the_uncovered() {
    let alerts = json()["alerts"].clone();
    let rows = alerts["alerts"].as_array().unwrap();
    assert_eq!(
        rows.iter().map(|a| a["alert"].as_str().unwrap()).collect::<Vec<_>>(),
        ["DiskFull", "CheckoutHighErrorRate"]
    );
    // DiskFull: PG-3 not actionable, PG-4 a false page, PG-5 actionable, PG-8 and PG-9 unjudged.
    let disk = &rows[0];
    assert_eq!(
        (disk["pages"].as_u64(), disk["pages_judged"].as_u64(), disk["sleep_pages"].as_u64()),
        (Some(5), Some(3), Some(4))
    );
    assert!(close(&disk["actionable_share"], 1.0 / 3.0));
    assert!(close(&disk["noise"], 5.0 * 2.0 / 3.0));
    assert!(close(&disk["time_to_acknowledge_median_minutes"], 8.0));
    assert_eq!((disk["last_fired"].as_str(), disk["listed"].as_bool()), (Some("2026-03-08T10:30:00Z"), Some(false)));
    // Four judged pages, all actionable; 1, 2, 3, 4, 5, 8 minutes to acknowledge.
    let checkout = &rows[1];
    assert!(close(&checkout["actionable_share"], 1.0) && close(&checkout["noise"], 0.0));
    assert!(close(&checkout["time_to_acknowledge_median_minutes"], 3.5));
    assert_eq!(
        (checkout["sleep_pages"].as_u64(), checkout["runbooks"].clone()),
        (Some(3), serde_json::json!(["checkout-high-error-rate"]))
    );
    assert_eq!(alerts["quiet"], serde_json::json!(["OldAlert", "NeverFired"]), "OldAlert paged only before the window");
    assert_eq!(alerts["uncovered"], serde_json::json!(["DiskFull"]));
}

#[test]
fn the_human_report_says_the_same() {
    let text = String::from_utf8(report(&repo(), false)).unwrap();
    for line in [
        "on-call: 11 page(s), 7 in sleep hours, 2 on no shift; over a limit: @aiko, @ben",
        "alerts: 2 paged, noisiest DiskFull (5 page(s), 33.3 % actionable); 2 quiet, 1 without a runbook",
        "oncall @aiko: 5 page(s), 0.36 per 12 h on call, 50.0 % of the window on call, sleep 3 page(s) in 2 hour(s), acknowledged 5 min (p90 9 min); on call over 25 % of the time",
    ] {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in:\n{text}");
    }
}
