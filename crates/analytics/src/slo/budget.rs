//! Attainment and error budget of one SLO over its window, by each budgeting method
//! (definitions in docs/metrics.md, "SLOs").

use serde::{Deserialize, Serialize};

use super::sums::Sums;
use super::window::Span;
use model::{BudgetingMethod, Objective};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    pub span: Span,
    /// Good ÷ total (Occurrences), good slices ÷ slices (Timeslices), the mean per-slice
    /// ratio (RatioTimeslices); `None` without events or slices.
    pub attainment: Option<f64>,
    pub good_events: f64,
    pub total_events: f64,
    /// In events for Occurrences, in slices otherwise: (1 − target) × events or slices.
    pub budget: f64,
    pub spent: f64,
    /// 1 − spent ÷ budget: 1 is untouched, below 0 overspent. Exactly 0 when spent equals
    /// the budget up to rounding, and 1 when there is nothing to spend.
    pub remaining: f64,
    /// Slices in the window (time-slice methods only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slices: Option<usize>,
}

/// Rounding noise below this is no budget at all: "−4.7e−12 %" reads as a fault, not a figure.
const ZERO: f64 = 1e-9;

pub fn budget(sums: &Sums, method: BudgetingMethod, objective: &Objective, span: Span) -> Budget {
    let (good, total) = sums.within(span);
    let allowance = 1.0 - objective.target;
    let (attainment, budget, spent, slices) = match method {
        BudgetingMethod::Occurrences => ((total > 0.0).then(|| good / total), allowance * total, total - good, None),
        BudgetingMethod::Timeslices | BudgetingMethod::RatioTimeslices => {
            let ratios = slice_ratios(sums, span, objective.time_slice_seconds.unwrap_or(60));
            let n = ratios.len();
            let spent = match method {
                BudgetingMethod::Timeslices => {
                    let target = objective.time_slice_target.unwrap_or(1.0);
                    ratios.iter().filter(|r| **r < target).count() as f64
                }
                _ => ratios.iter().map(|r| 1.0 - r).sum(),
            };
            ((n > 0).then(|| 1.0 - spent / n as f64), allowance * n as f64, spent, Some(n))
        }
    };
    Budget {
        span,
        attainment,
        good_events: good,
        total_events: total,
        budget,
        spent,
        remaining: remaining(spent, budget),
        slices,
    }
}

/// The share of `of`'s budget spent by what went wrong between `from` and `to` (unix
/// seconds): bad events of samples closing in `(from, to]`, or for the time-slice methods the
/// spent part of slices overlapping it. `None` when the window has no budget.
pub fn spent_between(
    sums: &Sums,
    method: BudgetingMethod,
    objective: &Objective,
    of: &Budget,
    from: i64,
    to: i64,
) -> Option<f64> {
    if of.budget <= 0.0 {
        return None;
    }
    let span = of.span;
    let spent: f64 = match method {
        BudgetingMethod::Occurrences => {
            let inside = Span { start: span.start.max(from), end: span.end.min(to) };
            let (good, total) = sums.within(inside);
            total - good
        }
        BudgetingMethod::Timeslices | BudgetingMethod::RatioTimeslices => {
            let seconds = objective.time_slice_seconds.unwrap_or(60).max(1);
            let target = objective.time_slice_target.unwrap_or(1.0);
            slice_ratios(sums, span, seconds)
                .into_iter()
                .enumerate()
                .filter(|(k, _)| {
                    let start = span.start + *k as i64 * seconds;
                    start < to && from < start + seconds
                })
                .map(|(_, r)| match method {
                    BudgetingMethod::Timeslices => f64::from(u8::from(r < target)),
                    _ => 1.0 - r,
                })
                .sum()
        }
    };
    Some(spent / of.budget)
}

pub fn remaining(spent: f64, budget: f64) -> f64 {
    if budget <= 0.0 {
        return if spent > 0.0 { f64::NEG_INFINITY } else { 1.0 };
    }
    let left = 1.0 - spent / budget;
    if left.abs() < ZERO { 0.0 } else { left }
}

/// Each slice's good ÷ total, slices of `slice_seconds` from the window's start (the last one
/// may be shorter); a slice without events counts as good (ratio 1).
pub fn slice_ratios(sums: &Sums, span: Span, slice_seconds: i64) -> Vec<f64> {
    let slice_seconds = slice_seconds.max(1);
    let n = (span.seconds().max(0) as u64).div_ceil(slice_seconds as u64) as usize;
    // The interval ending at a sample's time is the slice holding the instant just before
    // it: slice k holds the samples closing in (its start, its end].
    let mut first = span.indices(sums.at).start;
    (0..n as i64)
        .map(|k| {
            let end = (span.start + (k + 1) * slice_seconds).min(span.end);
            // A linear walk, not a bisection per slice: slices usually hold a sample or two.
            let mut last = first;
            while sums.at.get(last).is_some_and(|at| *at <= end) {
                last += 1;
            }
            let (good, total) = sums.of(first..last);
            first = last;
            if total > 0.0 { good / total } else { 1.0 }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::SliEvents;

    fn objective(target: f64, slice: Option<(f64, i64)>) -> Objective {
        Objective {
            display_name: "ok".into(),
            target,
            time_slice_target: slice.map(|s| s.0),
            time_slice_seconds: slice.map(|s| s.1),
            threshold: None,
        }
    }

    /// One sample an hour over a 4-hour window starting at 0.
    fn hourly(rows: &[(f64, f64)]) -> SliEvents {
        let mut e = SliEvents::default();
        for (i, (good, total)) in rows.iter().enumerate() {
            e.push((i as i64 + 1) * 3600, *good, *total);
        }
        e
    }

    const SPAN: Span = Span { start: 0, end: 4 * 3600 };

    #[test]
    fn occurrences_count_events() {
        let e = hourly(&[(1000.0, 1000.0), (990.0, 1000.0), (1000.0, 1000.0), (1000.0, 1000.0)]);
        let b = budget(&Sums::new(&e), BudgetingMethod::Occurrences, &objective(0.99, None), SPAN);
        assert_eq!(b.attainment, Some(3990.0 / 4000.0));
        assert!((b.budget - 40.0).abs() < 1e-9, "1 % of 4,000 events");
        assert_eq!(b.spent, 10.0);
        assert!((b.remaining - 0.75).abs() < 1e-12);
    }

    #[test]
    fn spending_exactly_the_budget_leaves_zero_not_rounding_noise() {
        let e = hourly(&[(999.0, 1000.0), (1000.0, 1000.0), (1000.0, 1000.0), (1000.0, 1000.0)]);
        let b = budget(&Sums::new(&e), BudgetingMethod::Occurrences, &objective(0.99975, None), SPAN);
        assert_eq!(b.remaining, 0.0);
        let over = hourly(&[(900.0, 1000.0)]);
        assert!(
            (budget(&Sums::new(&over), BudgetingMethod::Occurrences, &objective(0.95, None), SPAN).remaining + 1.0)
                .abs()
                < 1e-12
        );
        // Nothing happened: nothing spent, the whole budget left.
        let none =
            budget(&Sums::new(&SliEvents::default()), BudgetingMethod::Occurrences, &objective(0.99, None), SPAN);
        assert_eq!((none.attainment, none.remaining), (None, 1.0));
    }

    #[test]
    fn timeslices_count_bad_slices_and_empty_slices_are_good() {
        // Two-hour slices: [0, 2h) holds 198 good of 200 (0.99); [2h, 4h) holds nothing.
        let e = hourly(&[(100.0, 100.0), (98.0, 100.0)]);
        let at = |slice_target| {
            budget(&Sums::new(&e), BudgetingMethod::Timeslices, &objective(0.5, Some((slice_target, 7200))), SPAN)
        };
        let met = at(0.99);
        assert_eq!((met.slices, met.spent, met.attainment, met.remaining), (Some(2), 0.0, Some(1.0), 1.0));
        let missed = at(0.995);
        assert_eq!((missed.spent, missed.attainment), (1.0, Some(0.5)));
        assert_eq!(missed.budget, 1.0, "half of two slices");
        assert_eq!(missed.remaining, 0.0);
    }

    #[test]
    fn ratio_timeslices_average_the_slices() {
        let e = hourly(&[(90.0, 100.0), (1.0, 1.0), (0.0, 0.0), (50.0, 100.0)]);
        let b = budget(&Sums::new(&e), BudgetingMethod::RatioTimeslices, &objective(0.9, Some((0.0, 3600))), SPAN);
        assert_eq!(b.slices, Some(4));
        assert_eq!(b.attainment, Some((0.9 + 1.0 + 1.0 + 0.5) / 4.0));
        assert!((b.spent - 0.6).abs() < 1e-12);
        assert!((b.remaining - (1.0 - 0.6 / 0.4)).abs() < 1e-9, "overspent by half");
    }

    #[test]
    fn an_incident_spends_the_bad_events_or_slices_inside_it() {
        let e = hourly(&[(1000.0, 1000.0), (990.0, 1000.0), (995.0, 1000.0), (1000.0, 1000.0)]);
        let occurrences = objective(0.99, None);
        let whole = budget(&Sums::new(&e), BudgetingMethod::Occurrences, &occurrences, SPAN);
        // 40 events of budget; the incident from 1 h to 2 h holds the sample closing at 2 h.
        let share =
            spent_between(&Sums::new(&e), BudgetingMethod::Occurrences, &occurrences, &whole, 3600, 7200).unwrap();
        assert!((share - 10.0 / 40.0).abs() < 1e-12, "{share}");
        let slices = objective(0.5, Some((0.999, 3600)));
        let by_slice = budget(&Sums::new(&e), BudgetingMethod::Timeslices, &slices, SPAN);
        let share =
            spent_between(&Sums::new(&e), BudgetingMethod::Timeslices, &slices, &by_slice, 3600, 3 * 3600).unwrap();
        assert_eq!(share, 1.0, "both bad hours, of a budget of two slices");
    }

    #[test]
    fn samples_belong_to_the_interval_they_close() {
        let mut e = SliEvents::default();
        e.push(0, 0.0, 10.0); // closes the interval before the window
        e.push(4 * 3600, 5.0, 10.0); // closes the window's last interval
        let b = budget(&Sums::new(&e), BudgetingMethod::Occurrences, &objective(0.9, None), SPAN);
        assert_eq!((b.good_events, b.total_events), (5.0, 10.0));
    }
}
