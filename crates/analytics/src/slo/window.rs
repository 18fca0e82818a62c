//! Which stretch of time an SLO is judged over, as of a day (docs/metrics.md, "SLOs").

use chrono::{Datelike, Days, NaiveDate};
use chrono_tz::Tz;
use std::ops::Range;

use crate::Calendar;
use model::SloWindow;

/// `[start, end)` in unix seconds: the budget's window as of the end of `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: i64,
    pub end: i64,
}

impl Span {
    pub fn seconds(&self) -> i64 {
        self.end - self.start
    }

    /// The indices of the samples closing intervals inside the span (a sample counts for the
    /// interval it closes: `start < at <= end`), found by bisection of their sorted times, so
    /// a figure over one window of a long history reads only that window.
    pub fn indices(&self, at: &[i64]) -> Range<usize> {
        let from = at.partition_point(|a| *a <= self.start);
        from..at.partition_point(|a| *a <= self.end).max(from)
    }
}

/// Rolling: the duration ending at the end of the as-of day in the team's time zone.
/// Calendar: from the start of the period holding the as-of day to the end of that day, in
/// the SLO's own time zone when it names one.
pub fn span(window: &SloWindow, calendar: &Calendar, as_of: NaiveDate) -> Span {
    let next_day = as_of + Days::new(1);
    match window {
        SloWindow::Rolling { seconds } => {
            let end = calendar.start_of(next_day);
            Span { start: end - seconds, end }
        }
        SloWindow::Calendar { period, start_month, .. } => {
            let local = local_calendar(window, calendar);
            let first = period_start(as_of, period.months(), *start_month);
            Span { start: local.start_of(first), end: local.start_of(next_day) }
        }
    }
}

/// The calendar an SLO's days and periods are cut in: a calendar SLO's own time zone when it
/// names one, the team's otherwise.
pub fn local_calendar(window: &SloWindow, calendar: &Calendar) -> Calendar {
    let own = match window {
        SloWindow::Calendar { time_zone: Some(zone), .. } => zone.parse::<Tz>().ok(),
        _ => None,
    };
    Calendar { zone: own.unwrap_or(calendar.zone), ..*calendar }
}

/// The first day of the `months`-long period holding `day`, periods starting in `start_month`.
pub fn period_start(day: NaiveDate, months: u32, start_month: u32) -> NaiveDate {
    let index = day.year() * 12 + day.month0() as i32;
    let offset = (index - (start_month.clamp(1, 12) as i32 - 1)).rem_euclid(months as i32);
    let first = index - offset;
    NaiveDate::from_ymd_opt(first.div_euclid(12), first.rem_euclid(12) as u32 + 1, 1).expect("a first of month")
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{CalendarPeriod, WeekStart};

    fn day(text: &str) -> NaiveDate {
        model::dates::parse_date(text).unwrap()
    }

    fn ts(text: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(text).unwrap().timestamp()
    }

    #[test]
    fn a_rolling_window_ends_with_the_as_of_day_in_the_team_zone() {
        let berlin = Calendar { zone: chrono_tz::Europe::Berlin, week_start: WeekStart::Monday };
        let s = span(&SloWindow::Rolling { seconds: 28 * 86400 }, &berlin, day("2026-06-30"));
        assert_eq!(s.end, ts("2026-06-30T22:00:00Z"), "midnight in Berlin is 22:00 UTC in summer");
        assert_eq!(s.seconds(), 28 * 86400);
    }

    #[test]
    fn a_calendar_month_runs_from_its_first_local_midnight_across_a_dst_change() {
        let month = SloWindow::Calendar {
            period: CalendarPeriod::Month,
            start_month: 1,
            time_zone: Some("America/New_York".into()),
        };
        // New York falls back on 2026-11-01: November's first midnight is still EDT (UTC−4).
        let s = span(&month, &Calendar::utc(), day("2026-11-15"));
        assert_eq!(s.start, ts("2026-11-01T04:00:00Z"));
        assert_eq!(s.end, ts("2026-11-16T05:00:00Z"), "by the 16th it is EST (UTC−5)");
    }

    #[test]
    fn quarters_and_years_start_in_their_first_month() {
        assert_eq!(period_start(day("2026-05-20"), 3, 1), day("2026-04-01"));
        assert_eq!(period_start(day("2026-05-20"), 3, 2), day("2026-05-01"));
        assert_eq!(period_start(day("2026-01-20"), 3, 2), day("2025-11-01"));
        assert_eq!(period_start(day("2026-03-31"), 12, 4), day("2025-04-01"));
        assert_eq!(period_start(day("2026-12-31"), 1, 1), day("2026-12-01"));
    }
}
