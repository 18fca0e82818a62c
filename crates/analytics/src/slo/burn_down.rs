//! The budget left at the end of each local day of an SLO's window, from 1 at its start: the
//! burn-down chart and the list's sparkline. From running sums (or one pass over the window's
//! slices), so a 90-day export of five-minute steps is read once rather than once per day.

use chrono::{DateTime, Days, NaiveDate};

use super::budget::{Budget, remaining, slice_ratios};
use super::sums::Sums;
use super::window::Span;
use crate::Calendar;
use model::{BudgetingMethod, Slo};

/// Remaining at each local day's end: what was spent from the window's start to then, of
/// the whole window's budget.
pub fn burn_down(slo: &Slo, sums: &Sums, calendar: &Calendar, whole: &Budget) -> Vec<(NaiveDate, f64)> {
    let ends = day_ends(calendar, whole.span);
    let spent = spent_by(slo, sums, whole.span, ends.iter().map(|(_, end)| *end));
    ends.into_iter().zip(spent).map(|((day, _), spent)| (day, remaining(spent, whole.budget))).collect()
}

/// Each local day touching the window, with the instant it ends (or the window does).
fn day_ends(calendar: &Calendar, window: Span) -> Vec<(NaiveDate, i64)> {
    let mut day = calendar.date_of(DateTime::from_timestamp(window.start, 0).unwrap_or_default());
    let mut ends = Vec::new();
    loop {
        let end = calendar.start_of(day + Days::new(1)).min(window.end);
        if end > window.start {
            ends.push((day, end));
        }
        if end >= window.end {
            return ends;
        }
        day = day + Days::new(1);
    }
}

/// What was spent from the window's start to each of `ends` (ascending): bad events of the
/// samples closing by then, or the spent part of the slices wholly over by then.
fn spent_by(slo: &Slo, sums: &Sums, window: Span, ends: impl Iterator<Item = i64>) -> Vec<f64> {
    if slo.method == BudgetingMethod::Occurrences {
        let spent = |end| {
            let (good, total) = sums.within(Span { end, ..window });
            total - good
        };
        return ends.map(spent).collect();
    }
    let seconds = slo.objective.time_slice_seconds.unwrap_or(60).max(1);
    let target = slo.objective.time_slice_target.unwrap_or(1.0);
    let ratios = slice_ratios(sums, window, seconds);
    let (mut spent, mut done) = (0.0, 0);
    ends.map(|end| {
        let whole_slices = (((end - window.start) / seconds) as usize).min(ratios.len());
        for r in &ratios[done..whole_slices.max(done)] {
            spent += match slo.method {
                BudgetingMethod::Timeslices => f64::from(u8::from(*r < target)),
                _ => 1.0 - r,
            };
        }
        done = done.max(whole_slices);
        spent
    })
    .collect()
}
