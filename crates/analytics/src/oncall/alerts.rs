//! Alert quality per alert name (docs/metrics.md, "Alert quality"): which alerts page
//! people for something to do, which only wake them, and which never fire.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use super::OncallData;
use super::clock::Interruption;
use super::paged::{Paged, paged};
use crate::{Distribution, Window};
use model::{Alert, RunbookSummary};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertQuality {
    pub window: Window,
    /// Every alert that paged in the window, noisiest first.
    pub alerts: Vec<AlertFigures>,
    /// Alerts of the alert list that never paged in the window, in the list's order.
    pub quiet: Vec<String>,
    /// Alerts that paged but that no runbook lists, noisiest first.
    pub uncovered: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertFigures {
    pub alert: String,
    pub pages: usize,
    /// Pages known to be actionable or false: `actionable` says so, or the page is false
    /// (resolved on its own before anyone acknowledged it).
    pub pages_judged: usize,
    /// Actionable pages (`actionable` true and not false) ÷ pages judged; `None` when none
    /// was judged. The false-page rate's complement, so the two never disagree.
    pub actionable_share: Option<f64>,
    /// `pages × (1 − actionable share)`; `None` with no share.
    pub noise: Option<f64>,
    pub time_to_acknowledge_median_minutes: Option<f64>,
    pub sleep_pages: usize,
    /// Slugs of the runbooks that list the alert.
    pub runbooks: Vec<String>,
    pub last_fired: DateTime<Utc>,
    /// Whether the alert list (`content/alerts.yaml`) has it.
    pub listed: bool,
}

fn figures(alert: &str, pages: &[&Paged], runbooks: Vec<String>, listed: bool) -> AlertFigures {
    let judged: Vec<bool> = pages.iter().filter_map(|p| p.actionable()).collect();
    let actionable_share =
        (!judged.is_empty()).then(|| judged.iter().filter(|a| **a).count() as f64 / judged.len() as f64);
    let acknowledge = pages.iter().filter_map(|p| p.acknowledge_minutes()).collect();
    AlertFigures {
        alert: alert.to_owned(),
        pages: pages.len(),
        pages_judged: judged.len(),
        actionable_share,
        noise: actionable_share.map(|share| pages.len() as f64 * (1.0 - share)),
        time_to_acknowledge_median_minutes: Distribution::of(acknowledge).median,
        sleep_pages: pages.iter().filter(|p| p.class == Interruption::Sleep).count(),
        runbooks,
        last_fired: pages.iter().map(|p| p.page.triggered_at).max().expect("an alert here paged"),
        listed,
    }
}

/// Noisiest first: by noise, alerts without one after those with one, then by pages, then
/// by name.
fn noisiest_first(a: &AlertFigures, b: &AlertFigures) -> std::cmp::Ordering {
    let noise = |f: &AlertFigures| f.noise.unwrap_or(f64::NEG_INFINITY);
    noise(b).total_cmp(&noise(a)).then(b.pages.cmp(&a.pages)).then_with(|| a.alert.cmp(&b.alert))
}

/// Alert quality over `window`: the pages of the window against the alert list and the
/// runbooks' `alerts:`.
pub fn alert_quality(
    data: &OncallData,
    window: &Window,
    alerts: &[Alert],
    runbooks: &[RunbookSummary],
) -> AlertQuality {
    let pages = paged(data, window).pages;
    let mut by_alert: BTreeMap<&str, Vec<&Paged>> = BTreeMap::new();
    for paged in &pages {
        by_alert.entry(paged.page.alert.as_str()).or_default().push(paged);
    }
    let listed: BTreeSet<&str> = alerts.iter().map(|a| a.name.as_str()).collect();
    let runbooks_of = |alert: &str| -> Vec<String> {
        runbooks.iter().filter(|rb| rb.meta.alerts.iter().any(|a| a == alert)).map(|rb| rb.slug.clone()).collect()
    };
    let mut figures: Vec<AlertFigures> = by_alert
        .iter()
        .map(|(alert, pages)| figures(alert, pages, runbooks_of(alert), listed.contains(alert)))
        .collect();
    figures.sort_by(noisiest_first);
    let mut seen = BTreeSet::new();
    let quiet = alerts
        .iter()
        .filter(|a| !by_alert.contains_key(a.name.as_str()) && seen.insert(a.name.as_str()))
        .map(|a| a.name.clone())
        .collect();
    AlertQuality {
        window: *window,
        uncovered: figures.iter().filter(|f| f.runbooks.is_empty()).map(|f| f.alert.clone()).collect(),
        alerts: figures,
        quiet,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Calendar;
    use crate::oncall::Hours;
    use crate::oncall::tests::{acknowledged, at, day, page, people};
    use model::{Page, RowSource, RunbookMeta};

    fn fired(alert: &str, id: &str, triggered_at: &str, actionable: Option<bool>) -> Page {
        let mut page = page(id, "@aiko", triggered_at);
        page.alert = alert.into();
        page.actionable = actionable;
        page
    }

    fn listed(name: &str) -> Alert {
        Alert { name: name.into(), service: None, source: RowSource::default() }
    }

    fn runbook(slug: &str, alerts: &[&str]) -> RunbookSummary {
        RunbookSummary {
            slug: slug.into(),
            meta: RunbookMeta {
                title: slug.into(),
                service: "checkout".into(),
                owner: "@aiko".into(),
                last_reviewed: day("2026-05-01"),
                review_every: Default::default(),
                alerts: alerts.iter().map(|a| (*a).to_owned()).collect(),
            },
            path: format!("content/runbooks/{slug}.md"),
            words: 0,
        }
    }

    fn pages() -> Vec<Page> {
        let mut pages = Vec::new();
        // Noisy: four pages, one actionable: 4 × (1 − 0.25) = 3.
        for (i, actionable) in [true, false, false, false].into_iter().enumerate() {
            pages.push(fired("Noisy", &format!("n{i}"), &format!("2026-06-0{}T03:00:00Z", i + 1), Some(actionable)));
        }
        // Useful: six pages, every one actionable: 0.
        for i in 0..6 {
            pages.push(acknowledged(fired("Useful", &format!("u{i}"), "2026-06-02T01:00:00Z", Some(true)), i + 1));
        }
        // Unjudged pages are left out of the share: one false of one judged, 2 × 1 = 2.
        pages.push(fired("Flaky", "f0", "2026-06-03T01:00:00Z", Some(false)));
        pages.push(fired("Flaky", "f1", "2026-06-04T01:00:00Z", None));
        // Nobody said: no share, no noise; ranked after the rest, by pages.
        pages.push(fired("Unknown", "k0", "2026-06-03T01:00:00Z", None));
        for i in 0..3 {
            pages.push(fired("Unjudged", &format!("j{i}"), "2026-06-03T01:00:00Z", None));
        }
        // Flapping: resolved on its own before anyone acknowledged it, so false whatever the
        // export says, except the one acknowledged, which nothing judges: 0 of 3, 4 × 1 = 4.
        for (i, actionable) in [None, None, Some(true), None].into_iter().enumerate() {
            let mut page = fired("Flapping", &format!("l{i}"), "2026-06-05T01:00:00Z", actionable);
            page.auto_resolved = true;
            pages.push(if i == 3 { acknowledged(page, 1) } else { page });
        }
        pages.push(fired("Quiet", "q0", "2026-05-31T23:59:00Z", Some(false))); // before the window
        pages
    }

    fn quality() -> AlertQuality {
        let (pages, people) = (pages(), people());
        let data = OncallData {
            pages: &pages,
            shifts: &[],
            people: &people,
            calendar: Calendar::utc(),
            hours: Hours::default(),
        };
        let alerts = [listed("Noisy"), listed("Useful"), listed("Quiet"), listed("Silent"), listed("Quiet")];
        let runbooks = [runbook("checkout-errors", &["Noisy", "Useful"]), runbook("noise", &["Noisy"])];
        alert_quality(&data, &Window::new(day("2026-06-01"), day("2026-06-14")), &alerts, &runbooks)
    }

    #[test]
    fn noisiest_first_by_pages_times_the_share_not_actionable() {
        let q = quality();
        let order: Vec<(&str, Option<f64>)> = q.alerts.iter().map(|a| (a.alert.as_str(), a.noise)).collect();
        assert_eq!(
            order,
            [
                ("Flapping", Some(4.0)),
                ("Noisy", Some(3.0)),
                ("Flaky", Some(2.0)),
                ("Useful", Some(0.0)),
                ("Unjudged", None),
                ("Unknown", None)
            ]
        );
        let flapping = &q.alerts[0];
        assert_eq!((flapping.pages, flapping.pages_judged, flapping.actionable_share), (4, 3, Some(0.0)));
        let flaky = &q.alerts[2];
        assert_eq!((flaky.pages, flaky.pages_judged, flaky.actionable_share), (2, 1, Some(0.0)));
    }

    #[test]
    fn each_alerts_own_figures() {
        let q = quality();
        let noisy = &q.alerts[1];
        assert_eq!((noisy.pages, noisy.actionable_share, noisy.listed), (4, Some(0.25), true));
        // 03:00 UTC is 12:00 in Tokyo: none at night there.
        assert_eq!(noisy.sleep_pages, 0);
        assert_eq!(noisy.runbooks, ["checkout-errors", "noise"]);
        assert_eq!(noisy.last_fired, at("2026-06-04T03:00:00Z"));
        assert_eq!(noisy.time_to_acknowledge_median_minutes, None);
        // Acknowledged after 1 to 6 minutes: median 3.5. 01:00 UTC is 10:00 in Tokyo.
        let useful = &q.alerts[3];
        assert_eq!((useful.time_to_acknowledge_median_minutes, useful.sleep_pages), (Some(3.5), 0));
        assert!(!q.alerts[2].listed);
    }

    #[test]
    fn quiet_alerts_never_paged_and_uncovered_ones_have_no_runbook() {
        let q = quality();
        assert_eq!(q.quiet, ["Quiet", "Silent"], "Quiet paged only before the window; listed twice, named once");
        assert_eq!(q.uncovered, ["Flapping", "Flaky", "Unjudged", "Unknown"]);
    }

    #[test]
    fn sleep_pages_are_read_in_the_responders_zone() {
        // 15:00 UTC is midnight in Tokyo.
        let pages = [fired("Night", "x", "2026-06-02T15:00:00Z", Some(true))];
        let people = people();
        let data = OncallData {
            pages: &pages,
            shifts: &[],
            people: &people,
            calendar: Calendar::utc(),
            hours: Hours::default(),
        };
        let q = alert_quality(&data, &Window::new(day("2026-06-01"), day("2026-06-14")), &[], &[]);
        assert_eq!(q.alerts[0].sleep_pages, 1);
    }
}
