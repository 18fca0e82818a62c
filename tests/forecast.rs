//! `firebreak forecast --series FILE`: a series of known growth crosses its headroom line
//! when arithmetic says it will; the JSON carries every step with both bands; bad files
//! are named with their line.

mod support;

use serde_json::Value;
use std::fmt::Write;
use support::firebreak;

/// Hourly for five weeks from 2026-01-05 (a Monday): level 40 rising 0.5 a day, a daily
/// swing of ±5 peaking at 15:00, no noise. Its peaks reach 70 when 40 + 0.5 d + 5 = 70,
/// on day 50: 2026-02-24.
fn series_csv() -> String {
    let mut csv = String::from("timestamp,value\n");
    for hour in 0..24 * 35 {
        let day = f64::from(hour) / 24.0;
        let value = 40.0 + 0.5 * day + 5.0 * (std::f64::consts::TAU * (f64::from(hour % 24) - 9.0) / 24.0).sin();
        let at = chrono::DateTime::from_timestamp(1_767_571_200 + i64::from(hour) * 3600, 0).unwrap();
        writeln!(csv, "{},{value:.4}", at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)).unwrap();
    }
    csv
}

#[test]
fn exhaustion_and_order_by_dates_of_a_known_series() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cpu.csv");
    std::fs::write(&file, series_csv()).unwrap();
    // Limit 100 with 30 % headroom: the line is at 70.
    let out = firebreak()
        .args(["forecast", "--json", "--limit", "100", "--lead-time", "10", "--as-of", "2026-02-09", "--series"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let series = &json[0];
    assert_eq!(series["series"], "cpu");
    let steps = series["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 90 * 24);
    assert_eq!(steps[0]["at"], "2026-02-09T00:00:00Z");
    for step in steps {
        let v = |k: &str| step[k].as_f64().unwrap();
        assert!(
            v("lower95") <= v("lower80")
                && v("lower80") <= v("point")
                && v("point") <= v("upper80")
                && v("upper80") <= v("upper95")
        );
    }
    let outlook = &series["outlook"];
    let exhaustion: chrono::DateTime<chrono::Utc> = outlook["exhaustion"].as_str().unwrap().parse().unwrap();
    let expected = chrono::NaiveDate::from_ymd_opt(2026, 2, 24).unwrap();
    assert!((exhaustion.date_naive() - expected).num_days().abs() <= 1, "exhaustion {exhaustion}");
    let order_by: chrono::NaiveDate = outlook["order_by"].as_str().unwrap().parse().unwrap();
    assert_eq!(order_by, exhaustion.date_naive() - chrono::Days::new(10));
    assert_eq!(outlook["status"], "plan");
    assert_eq!(outlook["effective_limit"], 70.0);

    // For CI: fail when a series is at the given status or worse.
    let fail_on = |status: &str| {
        let args = ["forecast", "--limit", "100", "--lead-time", "10", "--as-of", "2026-02-09", "--fail-on", status];
        firebreak().args(args).arg("--series").arg(&file).assert()
    };
    fail_on("plan").code(1);
    fail_on("act-now").success();
}

#[test]
fn a_file_too_short_to_forecast_is_named_with_its_line_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.csv");
    std::fs::write(&file, "timestamp,value\n2026-01-05T00:00:00Z,12\n").unwrap();
    let output = firebreak().args(["forecast", "--series"]).arg(&file).assert().code(1).get_output().clone();
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(stderr.contains(&format!("{}:1:1: warning:", file.display())), "{stderr}");
    assert!(stdout.contains("one: no forecast: 1 usable sample(s): a forecast needs at least 3"), "{stdout}");
    firebreak()
        .args(["forecast", "--series", "notes.txt"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("notes.txt:1:1: error: a series is a .csv"));
}
