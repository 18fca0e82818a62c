//! Burn rates and the multiwindow, multi-burn-rate alert backtest: when would the SRE
//! workbook's alerts (as Sloth generates them) have fired on this SLI's history?

use serde::{Deserialize, Serialize};

use super::sums::Sums;
use model::{AlertSeverity, BurnRateAlert, SliEvents, SloWindow};

/// Burn rates over any window ending at any sample, from running sums: each is two lookups,
/// so backtesting every step of 90 days of 5-minute data stays linear.
pub struct Rates<'a> {
    sums: Sums<'a>,
    allowance: f64,
}

impl<'a> Rates<'a> {
    pub fn new(events: &'a SliEvents, target: f64) -> Rates<'a> {
        Rates { sums: Sums::new(events), allowance: 1.0 - target }
    }

    /// The first of the samples closing intervals in `(at[step] − seconds, at[step]]`.
    fn first(&self, step: usize, seconds: i64) -> usize {
        let from = self.sums.at[step] - seconds;
        self.sums.at.partition_point(|a| *a <= from)
    }

    /// (bad ÷ total over the window) ÷ (1 − target); `None` without events.
    pub fn burn(&self, step: usize, seconds: i64) -> Option<f64> {
        self.burn_over(self.first(step, seconds), step)
    }

    /// The burn over the samples `first..=step`.
    fn burn_over(&self, first: usize, step: usize) -> Option<f64> {
        let (good, total) = self.sums.of(first..step + 1);
        (total > 0.0).then(|| (total - good) / total / self.allowance)
    }

    pub fn events(&self, step: usize, seconds: i64) -> f64 {
        self.sums.of(self.first(step, seconds)..step + 1).1
    }

    /// The running sums under the rates, for figures over other spans of the same events.
    pub fn sums(&self) -> &Sums<'a> {
        &self.sums
    }
}

/// The first sample of the `seconds` ending with each step, as the steps advance: what
/// [`Rates::first`] bisects for one step, found for every step in one pass, since both ends
/// of the window only move forward.
struct Trailing {
    seconds: i64,
    first: usize,
}

impl Trailing {
    fn new(seconds: i64) -> Trailing {
        Trailing { seconds, first: 0 }
    }

    /// Steps must not go back; they may skip.
    fn first(&mut self, at: &[i64], step: usize) -> usize {
        while self.first <= step && at[self.first] <= at[step] - self.seconds {
            self.first += 1;
        }
        self.first
    }
}

/// One stretch of an alert firing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Firing {
    pub alert: String,
    pub severity: AlertSeverity,
    /// The first step where both windows reached the factor.
    pub from: i64,
    /// The first step where either fell below it; `None` while still firing at the last step.
    pub until: Option<i64>,
    /// Its long window held fewer events than the minimum when it started: a burn rate over
    /// so few events is noise.
    pub low_traffic: bool,
}

/// Every alert's firings over the whole history, evaluated at every data step.
pub fn backtest(rates: &Rates, window: &SloWindow, alerts: &[BurnRateAlert], min_events: f64) -> Vec<Firing> {
    let at = rates.sums.at;
    let mut firings = Vec::new();
    for alert in alerts {
        let factor = alert.factor(window);
        let (mut long, mut short) = (Trailing::new(alert.long_seconds), Trailing::new(alert.short_seconds));
        let mut open: Option<Firing> = None;
        for step in 0..at.len() {
            let reaches =
                |trailing: &mut Trailing| rates.burn_over(trailing.first(at, step), step).is_some_and(|b| b >= factor);
            let firing = reaches(&mut long) && reaches(&mut short);
            match (firing, open.take()) {
                (true, None) => {
                    let low_traffic = rates.events(step, alert.long_seconds) < min_events;
                    let from = at[step];
                    open = Some(Firing {
                        alert: alert.name.clone(),
                        severity: alert.severity,
                        from,
                        until: None,
                        low_traffic,
                    });
                }
                (true, Some(f)) => open = Some(f),
                (false, Some(f)) => firings.push(Firing { until: Some(at[step]), ..f }),
                (false, None) => {}
            }
        }
        firings.extend(open);
    }
    firings.sort_by(|a, b| a.from.cmp(&b.from).then_with(|| a.alert.cmp(&b.alert)));
    firings
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: i64 = 60;

    /// Five-minute samples of 1,000 events; `bad(i)` of step i are bad.
    fn five_minutes(steps: usize, bad: impl Fn(usize) -> f64) -> SliEvents {
        let mut e = SliEvents::default();
        for i in 0..steps {
            e.push((i as i64 + 1) * 5 * MINUTE, 1000.0 - bad(i), 1000.0);
        }
        e
    }

    fn thirty_days() -> SloWindow {
        SloWindow::Rolling { seconds: 30 * 86400 }
    }

    #[test]
    fn the_workbooks_factors_follow_from_the_period() {
        let factors: Vec<f64> = BurnRateAlert::defaults().iter().map(|a| a.factor(&thirty_days())).collect();
        let expected = [14.4, 6.0, 3.0, 1.0];
        for (f, e) in factors.iter().zip(expected) {
            assert!((f - e).abs() < 1e-9, "{factors:?}");
        }
        let four_weeks = BurnRateAlert::defaults()[0].factor(&SloWindow::Rolling { seconds: 28 * 86400 });
        assert!((four_weeks - 13.44).abs() < 1e-9);
    }

    #[test]
    fn one_pass_finds_the_window_starts_bisection_finds() {
        // Irregular steps: gaps of 1 to 9 minutes.
        let mut e = SliEvents::default();
        let mut at = 0;
        for i in 0..200 {
            at += (i % 9 + 1) * MINUTE;
            e.push(at, 10.0, 10.0);
        }
        let rates = Rates::new(&e, 0.99);
        for seconds in [0, 1, MINUTE, 5 * MINUTE, 5 * MINUTE + 1, 3600, 86400] {
            let mut trailing = Trailing::new(seconds);
            for step in 0..e.len() {
                assert_eq!(trailing.first(&e.at, step), rates.first(step, seconds), "step {step} over {seconds} s");
            }
        }
    }

    #[test]
    fn burn_rate_is_the_error_ratio_over_the_allowance() {
        let e = five_minutes(12, |i| if i < 6 { 0.0 } else { 20.0 });
        let rates = Rates::new(&e, 0.99);
        assert!((rates.burn(11, 3600).unwrap() - 1.0).abs() < 1e-12, "10 of 1,000 over the hour: 1 % ÷ 1 %");
        assert!((rates.burn(11, 30 * MINUTE).unwrap() - 2.0).abs() < 1e-12);
        assert_eq!(rates.burn(0, 0), None, "no samples in an empty window");
    }

    #[test]
    fn a_page_fires_while_both_windows_burn_fast_and_stops_when_the_short_one_cools() {
        // 99.9 %: 1 h of 10 % errors (burn 100), then clean. Page-fast needs ≥ 14.4 over 1 h
        // and over 5 min: the 5-minute window drops at the first clean step.
        let e = five_minutes(36, |i| if (12..24).contains(&i) { 100.0 } else { 0.0 });
        let fast = &BurnRateAlert::defaults()[..1];
        let firings = backtest(&Rates::new(&e, 0.999), &thirty_days(), fast, 0.0);
        assert_eq!(firings.len(), 1);
        // One bad step among an hour of clean ones burns 8.3: the page starts at the second.
        assert_eq!(firings[0].from, 14 * 5 * MINUTE);
        assert_eq!(firings[0].until, Some(25 * 5 * MINUTE), "the first clean step");
        assert!(!firings[0].low_traffic);
    }

    #[test]
    fn a_firing_at_the_end_stays_open_and_low_traffic_is_flagged() {
        let e = five_minutes(12, |i| if i >= 10 { 1000.0 } else { 0.0 });
        let firings = backtest(&Rates::new(&e, 0.999), &thirty_days(), &BurnRateAlert::defaults()[..1], 1e6);
        assert_eq!((firings[0].from, firings[0].until), (11 * 5 * MINUTE, None));
        assert!(firings[0].low_traffic, "12,000 events in the hour is under the minimum given");
    }
}
