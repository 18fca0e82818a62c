//! Whether an SLO met its target in each calendar period of its history, so a rolling SLO
//! too can answer "did we meet it in March?". A calendar SLO is judged per its own period
//! (month, quarter or year) in its own time zone; a rolling SLO per calendar month in the
//! team's. Definitions in docs/metrics.md ("Compliance history").

use chrono::{DateTime, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::budget::budget;
use super::sums::Sums;
use super::window::{Span, local_calendar, period_start};
use crate::Calendar;
use model::{Slo, SloWindow};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodCompliance {
    /// The period's first local day.
    pub start: NaiveDate,
    /// Its length in months: 1, 3 or 12.
    pub months: u32,
    /// What was judged: the whole period, or for the one holding the as-of day, up to its end.
    pub span: Span,
    /// The period runs past the as-of day, so its figures are so far.
    pub to_date: bool,
    /// Over the period, by the SLO's budgeting method; `None` when it holds no events.
    pub attainment: Option<f64>,
    /// The period's own budget left at the end of `span`; `None` without events.
    pub remaining: Option<f64>,
    /// Attainment at least the target; `None` without events.
    pub met: Option<bool>,
}

/// Every period from the first holding an event to the one holding `as_of`, oldest first;
/// empty when no event closes by the end of the as-of day. `events` are sorted by time.
pub fn compliance(slo: &Slo, sums: &Sums, calendar: &Calendar, as_of: NaiveDate) -> Vec<PeriodCompliance> {
    let (months, start_month) = match &slo.window {
        SloWindow::Rolling { .. } => (1, 1),
        SloWindow::Calendar { period, start_month, .. } => (period.months(), *start_month),
    };
    let local = local_calendar(&slo.window, calendar);
    let end = local.start_of(as_of + Days::new(1));
    let Some(&first) = sums.at.first().filter(|at| **at <= end) else { return Vec::new() };
    // A sample closes the interval before it: one at a period's first midnight is the previous period's.
    let first_day = local.date_of(DateTime::from_timestamp(first - 1, 0).unwrap_or_default());
    let mut periods = Vec::new();
    let mut start = period_start(first_day, months, start_month);
    while local.start_of(start) < end {
        let next = start + Months::new(months);
        let whole = Span { start: local.start_of(start), end: local.start_of(next) };
        let span = Span { end: whole.end.min(end), ..whole };
        let (attainment, remaining) = judge(slo, sums, span);
        periods.push(PeriodCompliance {
            start,
            months,
            span,
            to_date: span.end < whole.end,
            attainment,
            // Remaining ≥ 0 is attainment ≥ target by every method, without the rounding
            // noise of comparing the ratio: spending exactly the budget meets the target.
            met: remaining.map(|r| r >= 0.0),
            remaining,
        });
        start = next;
    }
    periods
}

/// Attainment and budget left over `span`, or neither when nothing happened in it: a
/// time-slice method would otherwise call a period without events fully good.
fn judge(slo: &Slo, sums: &Sums, span: Span) -> (Option<f64>, Option<f64>) {
    if sums.within(span).1 <= 0.0 {
        return (None, None);
    }
    let b = budget(sums, slo.method, &slo.objective, span);
    (b.attainment, Some(b.remaining))
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::SliEvents;
    use model::{BudgetingMethod, CalendarPeriod, WeekStart};

    fn ts(text: &str) -> i64 {
        DateTime::parse_from_rfc3339(text).unwrap().timestamp()
    }

    fn day(text: &str) -> NaiveDate {
        model::dates::parse_date(text).unwrap()
    }

    fn in_zone(zone: chrono_tz::Tz) -> Calendar {
        Calendar { zone, week_start: WeekStart::Monday }
    }

    fn samples(rows: &[(&str, f64, f64)]) -> SliEvents {
        let mut e = SliEvents::default();
        for (at, good, total) in rows {
            e.push(ts(at), *good, *total);
        }
        e
    }

    fn calendar_slo(period: CalendarPeriod, start_month: u32, zone: &str, method: BudgetingMethod) -> Slo {
        let mut slo = Slo::example("ledger-writes", 28, 0.99);
        slo.window = SloWindow::Calendar { period, start_month, time_zone: Some(zone.into()) };
        slo.method = method;
        slo
    }

    /// October's last half hour in New York is already November in UTC; the sample at
    /// December's first midnight (EST, after the fall-back) closes November.
    fn new_york_history() -> SliEvents {
        samples(&[
            ("2026-10-15T12:00:00Z", 990.0, 1000.0),
            ("2026-11-01T03:30:00Z", 0.0, 10.0),
            ("2026-11-01T04:30:00Z", 1000.0, 1000.0),
            ("2026-12-01T05:00:00Z", 995.0, 1000.0),
        ])
    }

    #[test]
    fn a_rolling_slo_is_judged_per_month_in_the_team_zone() {
        let slo = Slo::example("checkout-availability", 28, 0.99);
        let periods = compliance(
            &slo,
            &Sums::new(&new_york_history()),
            &in_zone(chrono_tz::America::New_York),
            day("2026-12-10"),
        );
        let starts: Vec<NaiveDate> = periods.iter().map(|p| p.start).collect();
        assert_eq!(starts, [day("2026-10-01"), day("2026-11-01"), day("2026-12-01")]);
        let [october, november, december] = &periods[..] else { unreachable!() };
        assert_eq!(october.span, Span { start: ts("2026-10-01T04:00:00Z"), end: ts("2026-11-01T04:00:00Z") });
        // 990 good of 1,010: a budget of 10.1 events, 20 spent.
        assert_eq!(october.attainment, Some(990.0 / 1010.0));
        assert!((october.remaining.unwrap() - (1.0 - 20.0 / 10.1)).abs() < 1e-12);
        assert_eq!(october.met, Some(false));
        assert_eq!(november.span.seconds(), (30 * 24 + 1) * 3600, "November gains the fall-back hour");
        assert_eq!(november.attainment, Some(1995.0 / 2000.0));
        assert!((november.remaining.unwrap() - 0.75).abs() < 1e-12, "5 of a budget of 20 spent");
        assert_eq!((november.met, november.to_date), (Some(true), false));
        assert_eq!(december.span, Span { start: ts("2026-12-01T05:00:00Z"), end: ts("2026-12-11T05:00:00Z") });
        assert_eq!((december.attainment, december.remaining, december.met), (None, None, None), "no events");
        assert!(december.to_date);
    }

    #[test]
    fn the_same_history_in_utc_moves_the_late_sample_into_november() {
        let slo = Slo::example("checkout-availability", 28, 0.99);
        let periods = compliance(&slo, &Sums::new(&new_york_history()), &Calendar::utc(), day("2026-11-30"));
        assert_eq!(periods.len(), 2);
        // 990 of 1,000 spends exactly the budget of 10: met, nothing left.
        assert_eq!((periods[0].attainment, periods[0].remaining, periods[0].met), (Some(0.99), Some(0.0), Some(true)));
        assert_eq!(periods[1].attainment, Some(1000.0 / 1010.0));
        assert!(!periods[1].to_date, "November is whole at the end of the 30th");
    }

    #[test]
    fn a_calendar_month_across_a_dst_change_has_its_own_number_of_slices() {
        // Berlin falls back on 2026-10-25: October has 745 hours, 745 slices of an hour.
        let slo = calendar_slo(CalendarPeriod::Month, 1, "Europe/Berlin", BudgetingMethod::Timeslices);
        let slo = Slo { objective: model::Objective { time_slice_seconds: Some(3600), ..slo.objective }, ..slo };
        let mut rows = vec![("2026-09-30T22:30:00Z", 1.0, 1.0)];
        let bad = ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z"];
        rows.extend(bad.iter().map(|at| (*at, 0.0, 1.0)));
        let periods = compliance(&slo, &Sums::new(&samples(&rows)), &Calendar::utc(), day("2026-10-31"));
        assert_eq!(periods.len(), 1, "September ends at 22:00 UTC on the 30th in Berlin");
        let october = &periods[0];
        assert_eq!(october.span, Span { start: ts("2026-09-30T22:00:00Z"), end: ts("2026-10-31T23:00:00Z") });
        assert_eq!(october.attainment, Some(1.0 - 3.0 / 745.0));
        assert!((october.remaining.unwrap() - (1.0 - 3.0 / 7.45)).abs() < 1e-12, "a budget of 1 % of 745 slices");
        assert_eq!((october.met, october.to_date), (Some(true), false));
    }

    #[test]
    fn quarters_start_in_their_first_month_and_the_last_is_to_date() {
        let slo = calendar_slo(CalendarPeriod::Quarter, 2, "UTC", BudgetingMethod::Occurrences);
        let events = samples(&[
            ("2026-01-15T00:00:00Z", 97.0, 100.0),
            ("2026-03-10T00:00:00Z", 100.0, 100.0),
            ("2026-05-20T00:00:00Z", 0.0, 100.0),
        ]);
        let periods = compliance(&slo, &Sums::new(&events), &Calendar::utc(), day("2026-05-05"));
        let seen: Vec<(NaiveDate, u32, Option<bool>, bool)> =
            periods.iter().map(|p| (p.start, p.months, p.met, p.to_date)).collect();
        assert_eq!(
            seen,
            [
                (day("2025-11-01"), 3, Some(false), false),
                (day("2026-02-01"), 3, Some(true), false),
                (day("2026-05-01"), 3, None, true), // the 20th is after the as-of day
            ]
        );
        assert!(compliance(&slo, &Sums::new(&events), &Calendar::utc(), day("2026-01-13")).is_empty(), "no event yet");
        assert!(compliance(&slo, &Sums::new(&SliEvents::default()), &Calendar::utc(), day("2026-05-05")).is_empty());
    }
}
