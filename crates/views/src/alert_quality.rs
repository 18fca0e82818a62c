//! The alerts page (`/alerts`) and each alert's own page: the alert-quality table noisiest
//! first, the quiet alerts and the uncovered ones.

use analytics::Window;
use analytics::oncall::{AlertFigures, AlertQuality};
use chrono::NaiveDate;
use model::dates::DATE_TIME_UTC;
use serde::{Deserialize, Serialize};

use crate::filter::{FilterError, window};
use crate::format::{format_hours, format_percent};
use crate::paths;

/// The window as text, keyed as in the URL of `/alerts` and `/alerts/<name>`
/// (`?since=&until=`); empty: the 90 days ending on the as-of day, as everywhere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AlertsQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub since: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub until: String,
}

impl AlertsQuery {
    pub fn window(&self, as_of: NaiveDate) -> Result<Window, FilterError> {
        window(&self.since, &self.until, as_of)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlertRow {
    pub alert: String,
    pub pages: usize,
    /// "25.0 %", or "unknown" when no page of it is judged.
    pub actionable: String,
    /// "3.0", or "—" without an actionable share.
    pub noise: String,
    pub acknowledge_median: String,
    pub sleep_pages: usize,
    /// (slug, path) of each runbook listing it; empty: uncovered.
    pub runbooks: Vec<(String, String)>,
    pub last_fired: String,
    /// Not in `content/alerts.yaml`.
    pub unlisted: bool,
}

impl AlertRow {
    pub fn of(a: &AlertFigures) -> AlertRow {
        AlertRow {
            alert: a.alert.clone(),
            pages: a.pages,
            actionable: a.actionable_share.map_or("unknown".to_owned(), |s| format_percent(Some(s))),
            noise: a.noise.map_or("—".to_owned(), |n| format!("{n:.1}")),
            acknowledge_median: format_hours(a.time_to_acknowledge_median_minutes.map(|m| m / 60.0)),
            sleep_pages: a.sleep_pages,
            runbooks: a.runbooks.iter().map(|slug| (slug.clone(), paths::runbook(slug))).collect(),
            last_fired: a.last_fired.format(DATE_TIME_UTC).to_string(),
            unlisted: !a.listed,
        }
    }
}

/// Everything `/alerts` shows over a window.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertsView {
    pub window: Window,
    /// Noisiest first, as the figures are.
    pub rows: Vec<AlertRow>,
    /// Listed, and never paged in the window.
    pub quiet: Vec<String>,
    /// Paged, and in no runbook.
    pub uncovered: Vec<String>,
}

impl AlertsView {
    pub fn of(quality: &AlertQuality) -> AlertsView {
        AlertsView {
            window: quality.window,
            rows: quality.alerts.iter().map(AlertRow::of).collect(),
            quiet: quality.quiet.clone(),
            uncovered: quality.uncovered.clone(),
        }
    }

    /// One alert's figures, for its own page; `None` when it did not page in the window.
    pub fn row(&self, alert: &str) -> Option<&AlertRow> {
        self.rows.iter().find(|row| row.alert == alert)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::tests::figures;

    #[test]
    fn alert_rows_come_noisiest_first_with_links_to_their_runbooks() {
        let view = AlertsView::of(&figures().1);
        let names: Vec<&str> = view.rows.iter().map(|r| r.alert.as_str()).collect();
        assert_eq!(names, ["Noisy", "Covered"]);
        // One of Noisy's two pages was actionable: 2 × (1 − 0.5) = 1.
        let noisy = &view.rows[0];
        assert_eq!((noisy.actionable.as_str(), noisy.noise.as_str()), ("50.0 %", "1.0"));
        // Acknowledged after 4 and 10 minutes: median 7. Both at night in Tokyo.
        assert_eq!((noisy.acknowledge_median.as_str(), noisy.sleep_pages), ("7 min", 2));
        assert_eq!(
            (noisy.runbooks.len(), noisy.last_fired.as_str(), noisy.unlisted),
            (0, "2026-06-01 14:40 UTC", true)
        );
        let covered = view.row("Covered").unwrap();
        assert_eq!(covered.runbooks, [("checkout-errors".to_owned(), "/runbooks/checkout-errors".to_owned())]);
        // Ben never acknowledged; Cara after 3 minutes.
        assert_eq!(
            (covered.actionable.as_str(), covered.noise.as_str(), covered.acknowledge_median.as_str()),
            ("100.0 %", "0.0", "3 min")
        );
    }

    #[test]
    fn the_query_reads_the_window_as_every_page_does() {
        let as_of: NaiveDate = "2026-06-07".parse().unwrap();
        assert_eq!(AlertsQuery::default().window(as_of), Ok(Window::ending(as_of, 90)));
        let june = AlertsQuery { since: "2026-06-01".into(), until: String::new() };
        assert_eq!(june.window(as_of).map(|w| w.days()), Ok(7));
        let backwards = AlertsQuery { since: "2026-06-09".into(), until: String::new() };
        assert!(backwards.window(as_of).is_err());
    }

    #[test]
    fn quiet_and_uncovered_alerts_are_listed_and_an_alert_that_did_not_page_has_no_row() {
        let view = AlertsView::of(&figures().1);
        assert_eq!(
            (view.quiet.as_slice(), view.uncovered.as_slice()),
            (&["Quiet".to_owned()][..], &["Noisy".to_owned()][..])
        );
        assert_eq!(view.row("Quiet"), None);
    }
}
