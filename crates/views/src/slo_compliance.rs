//! The compliance history table of an SLO's page: met or missed in each calendar period,
//! newest first, written as the page's other SLO figures are.

use chrono::{Datelike, Months, NaiveDate};

use super::slo::{attainment, remaining};
use analytics::slo::PeriodCompliance;
use model::dates::{MONTH, YEAR};

#[derive(Debug, Clone, PartialEq)]
pub struct ComplianceRow {
    /// "2026-11", "2026-Q3", "2026", or the first and last month: "2025-11 – 2026-01".
    pub period: String,
    /// "99.953 %", or "—" without events.
    pub attainment: String,
    /// "62.5 % left", "overspent by 12.0 %", or "—" without events.
    pub remaining: String,
    /// "met", "missed" or "no data".
    pub verdict: &'static str,
    /// The period runs past the as-of day: its figures are so far.
    pub to_date: bool,
}

/// The history newest first: the period still running heads the table.
pub fn rows(history: &[PeriodCompliance]) -> Vec<ComplianceRow> {
    history.iter().rev().map(ComplianceRow::of).collect()
}

impl ComplianceRow {
    pub fn of(period: &PeriodCompliance) -> ComplianceRow {
        ComplianceRow {
            period: label(period.start, period.months),
            attainment: attainment(period.attainment),
            remaining: period.remaining.map_or("—".to_owned(), remaining),
            verdict: match period.met {
                Some(true) => "met",
                Some(false) => "missed",
                None => "no data",
            },
            to_date: period.to_date,
        }
    }
}

/// Months by their month, quarters and years by their usual names when they begin where
/// the calendar's do; a fiscal quarter or year by its first and last month, since "Q1"
/// would read as January to March.
fn label(start: NaiveDate, months: u32) -> String {
    match months {
        1 => start.format(MONTH).to_string(),
        3 if start.month0().is_multiple_of(3) => format!("{}-Q{}", start.year(), start.month0() / 3 + 1),
        12 if start.month() == 1 => start.format(YEAR).to_string(),
        _ => {
            let last = start + Months::new(months - 1);
            format!("{} – {}", start.format(MONTH), last.format(MONTH))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use analytics::slo::Span;

    fn day(text: &str) -> NaiveDate {
        model::dates::parse_date(text).unwrap()
    }

    fn period(start: &str, months: u32, attainment: Option<f64>, remaining: Option<f64>) -> PeriodCompliance {
        PeriodCompliance {
            start: day(start),
            months,
            span: Span { start: 0, end: 1 },
            to_date: false,
            attainment,
            remaining,
            met: remaining.map(|r| r >= 0.0),
        }
    }

    #[test]
    fn periods_are_named_as_the_calendar_names_them() {
        assert_eq!(label(day("2026-11-01"), 1), "2026-11");
        assert_eq!(label(day("2026-07-01"), 3), "2026-Q3");
        assert_eq!(label(day("2026-01-01"), 3), "2026-Q1");
        assert_eq!(label(day("2025-11-01"), 3), "2025-11 – 2026-01", "a quarter beginning in November");
        assert_eq!(label(day("2026-01-01"), 12), "2026");
        assert_eq!(label(day("2025-04-01"), 12), "2025-04 – 2026-03");
    }

    #[test]
    fn rows_run_newest_first_with_met_missed_and_no_data() {
        let mut running = period("2026-12-01", 1, None, None);
        running.to_date = true;
        let history = [
            period("2026-10-01", 1, Some(0.99953), Some(0.53)),
            period("2026-11-01", 1, Some(0.998), Some(-0.12)),
            running,
        ];
        let shown: Vec<(String, String, String, &str, bool)> =
            rows(&history).into_iter().map(|r| (r.period, r.attainment, r.remaining, r.verdict, r.to_date)).collect();
        let row = |p: &str, a: &str, r: &str, v, t| (p.to_owned(), a.to_owned(), r.to_owned(), v, t);
        assert_eq!(
            shown,
            [
                row("2026-12", "—", "—", "no data", true),
                row("2026-11", "99.8 %", "overspent by 12.0 %", "missed", false),
                row("2026-10", "99.953 %", "53.0 % left", "met", false),
            ]
        );
    }
}
