//! The pipeline on synthetic series whose trend and cycles are known.

use chrono::{DateTime, Utc};

use super::accuracy::{coverage, mase};
use super::*;

/// Deterministic noise, uniform in ±0.5.
fn noise(i: usize) -> f64 {
    ((i as f64 * 12.9898).sin() * 43_758.547).fract() - 0.5
}

/// 2026-01-05 00:00 UTC, a Monday.
const MONDAY: i64 = 1_767_571_200;

/// A level of 100 rising 2 a day, a daily swing of ±10 peaking mid-afternoon, weekends 15
/// lower, noise of ±1.
fn truth(step: i64, i: usize) -> f64 {
    let t = MONDAY + step * i as i64;
    let days = (t - MONDAY) as f64 / 86400.0;
    let hour = (t % 86400) as f64 / 3600.0;
    let weekend = if ((t - MONDAY) / 86400) % 7 >= 5 { -15.0 } else { 0.0 };
    100.0 + 2.0 * days + 10.0 * (std::f64::consts::TAU * (hour - 9.0) / 24.0).sin() + weekend
}

fn points(step: i64, n: usize, value: impl Fn(usize) -> f64) -> Vec<SeriesPoint> {
    (0..n)
        .map(|i| SeriesPoint {
            at: DateTime::<Utc>::from_timestamp(MONDAY + step * i as i64, 0).unwrap(),
            value: value(i),
        })
        .collect()
}

#[test]
fn recovers_trend_daily_and_weekly_cycles_of_hourly_data() {
    let (n, h) = (24 * 35, 24 * 7);
    let observed = |i: usize| truth(3600, i) + 2.0 * noise(i);
    let history = points(3600, n, observed);
    let forecast = forecast(&history, 7 * 86400).unwrap();
    assert_eq!(forecast.point.len(), h);
    assert_eq!(forecast.start.timestamp(), MONDAY + 3600 * n as i64);
    assert!(
        matches!(forecast.method, Method::MstlEts | Method::MstlTheta | Method::SeasonalNaiveWeekDrift),
        "{:?}",
        forecast.method
    );
    let actual: Vec<f64> = (n..n + h).map(observed).collect();
    let train: Vec<f64> = (0..n).map(observed).collect();
    // Within the stated tolerance: a third of seasonal naive's error, 3 % at worst.
    let score = mase(&train, &actual, &forecast.point, 24);
    assert!(score < 0.35, "MASE {score}");
    for (i, (p, a)) in forecast.point.iter().zip(&actual).enumerate() {
        assert!((p - a).abs() / a < 0.03, "step {i}: {p} against {a}");
    }
    let covered = coverage(&actual, &forecast.lower95, &forecast.upper95);
    assert!(covered >= 0.9, "95 % band held {covered}");
    assert!(forecast.warnings.is_empty(), "{:?}", forecast.warnings);
}

#[test]
fn five_minute_data_under_two_weeks_keeps_the_daily_cycle_and_says_so() {
    let n = 4000; // 13.9 days
    let history = points(300, n, |i| truth(300, i) + noise(i));
    let forecast = forecast(&history, 2 * 86400).unwrap();
    assert_eq!(forecast.step_seconds, 300);
    assert!(forecast.warnings.iter().any(|w| w.contains("less than two weeks")), "{:?}", forecast.warnings);
    let actual: Vec<f64> = (n..n + 576).map(|i| truth(300, i)).collect();
    let worst = forecast.point.iter().zip(&actual).map(|(p, a)| (p - a).abs() / a).fold(0.0, f64::max);
    assert!(worst < 0.12, "worst relative error {worst}");
}

#[test]
fn a_level_shift_is_found_and_the_forecast_starts_from_the_new_level() {
    let n = 24 * 28;
    let history = points(3600, n, |i| truth(3600, i) + noise(i) + if i >= 24 * 20 { 40.0 } else { 0.0 });
    let forecast = forecast(&history, 86400).unwrap();
    let (at, delta) = forecast.level_shift.expect("the shift");
    assert!((at.timestamp() - (MONDAY + 3600 * 24 * 20)).abs() <= 3 * 3600, "{at}");
    assert!((delta - 40.0).abs() < 5.0, "{delta}");
    assert!(forecast.warnings.iter().any(|w| w.contains("level shifted")));
    let next_day: Vec<f64> = (n..n + 24).map(|i| truth(3600, i) + 40.0).collect();
    let mean_error = forecast.point.iter().zip(&next_day).map(|(p, a)| (p - a).abs()).sum::<f64>() / 24.0;
    assert!(mean_error < 5.0, "mean error {mean_error}");
}

#[test]
fn a_short_history_falls_back_to_a_trend_method_and_says_so() {
    let history = points(3600, 30, |i| 50.0 + i as f64 + noise(i));
    let forecast = forecast(&history, 10 * 3600).unwrap();
    assert!(matches!(forecast.method, Method::Theta | Method::Linear), "{:?}", forecast.method);
    assert!(forecast.warnings.iter().any(|w| w.contains("less than two days")), "{:?}", forecast.warnings);
    assert!(forecast.point[9] > 80.0 && forecast.point[9] < 95.0, "{:?}", forecast.point);
}

#[test]
fn bands_nest_and_widen() {
    let history = points(3600, 24 * 21, |i| truth(3600, i) + 3.0 * noise(i));
    let f = forecast(&history, 14 * 86400).unwrap();
    for i in 0..f.point.len() {
        assert!(f.lower95[i] <= f.lower80[i] && f.lower80[i] <= f.point[i], "step {i}");
        assert!(f.point[i] <= f.upper80[i] && f.upper80[i] <= f.upper95[i], "step {i}");
    }
    let width = |i: usize| f.upper95[i] - f.lower95[i];
    assert!(width(f.point.len() - 1) > width(0));
}

#[test]
fn too_little_data_is_an_error_not_a_guess() {
    let error = forecast(&points(3600, 2, |_| 1.0), 3600).unwrap_err();
    assert!(error.contains("at least 3"), "{error}");
}

#[test]
fn periods_follow_the_step() {
    assert_eq!(periods(3600), [24, 168]);
    assert_eq!(periods(300), [288, 2016]);
    assert_eq!(periods(86400), [7]);
    assert_eq!(periods(7 * 3600), [24], "a week of 7-hour steps");
    assert_eq!(periods(5 * 3600), Vec::<usize>::new(), "five hours divide neither");
}
