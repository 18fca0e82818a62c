//! What the DORA page shows of a [`Dora`]: its cards, the details table, the per-service
//! rows and what was left out, as text. The page only lays these out (and draws the charts).

use analytics::slo::FreezeBreaks;
use analytics::{Dora, Figures};

use crate::format::{format_change, format_hours, format_percent};
use crate::headline::{self, Headline};

/// A headline figure with its DORA level and its change against the previous period.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub headline: Headline,
    pub level: Option<analytics::DoraLevel>,
    /// "+1.5 h vs previous period"; empty when either period has no value or nothing changed.
    pub change: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServiceRow {
    pub service: String,
    pub deployments: usize,
    pub failed: usize,
    pub change_failure_rate: String,
    pub lead_time: String,
    /// Production deployments made while one of the service's SLOs froze changes; `None`
    /// until the SLOs are assessed, or when the repo has none.
    pub freeze_breaks: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DoraView {
    /// "2026-09-02 – 2026-11-30 (90 days) · levels of the 2023 State of DevOps report".
    pub scope: String,
    pub cards: Vec<Card>,
    /// (label, value) pairs, two to a row.
    pub details: Vec<[(String, String); 2]>,
    pub per_service: Vec<ServiceRow>,
    /// "12 incidents not yet resolved (no time to restore)".
    pub excluded: Vec<String>,
    /// "3 production deployments during an error-budget freeze"; `None` as `freeze_breaks`.
    pub freezes: Option<String>,
}

impl DoraView {
    /// `freezes` counts freeze-breaking deployments over the same filter
    /// ([`analytics::slo::freeze_breaks`]); `None` leaves them out.
    pub fn of(dora: &Dora, freezes: Option<&FreezeBreaks>) -> DoraView {
        let window = &dora.filter.window;
        let before = headline::delivery(&dora.previous);
        let cards = headline::delivery(&dora.current)
            .into_iter()
            .zip(before)
            .map(|(now, before)| Card {
                level: now.measure.level(&dora.levels, dora.filter.year),
                change: change(&before, &now),
                headline: now,
            })
            .collect();
        DoraView {
            scope: format!(
                "{} – {} ({} days) · levels of the {} State of DevOps report",
                window.since,
                window.until,
                window.days(),
                dora.levels.year
            ),
            cards,
            details: details(&dora.current),
            per_service: dora
                .per_service
                .iter()
                .map(|s| ServiceRow {
                    service: s.service.clone(),
                    deployments: s.deployments,
                    failed: s.failed,
                    change_failure_rate: format_percent(s.change_failure_rate),
                    lead_time: format_hours(s.lead_time_median_hours),
                    freeze_breaks: freezes.map(|f| f.per_service.get(&s.service).copied().unwrap_or(0)),
                })
                .collect(),
            excluded: dora.excluded.iter().map(|(reason, count)| format!("{count} {reason}")).collect(),
            freezes: freezes.map(|f| freeze_text(f.total)),
        }
    }
}

fn freeze_text(total: usize) -> String {
    match total {
        1 => "1 production deployment during an error-budget freeze".to_owned(),
        n => format!("{n} production deployments during an error-budget freeze"),
    }
}

fn change(before: &Headline, now: &Headline) -> String {
    match format_change(before.value, now.value, now.unit) {
        text if text.is_empty() => text,
        text => format!("{text} vs previous period"),
    }
}

fn details(f: &Figures) -> Vec<[(String, String); 2]> {
    let pair = |label: &str, value: String| (label.to_owned(), value);
    let spread = |d: &analytics::Distribution| format!("{} · {}", format_hours(d.median), format_hours(d.p90));
    vec![
        [
            pair("Deployments", f.deployments.to_string()),
            pair("Deploy days / week", format!("{:.1}", f.deploy_days_per_week)),
        ],
        [
            pair("Per day", format!("{:.2}", f.deployments_per_day)),
            pair("Per month", format!("{:.1}", f.deployments_per_month)),
        ],
        [
            pair("Lead time p90", format_hours(f.lead_time_hours.p90)),
            pair("Changes measured", f.lead_time_hours.count.to_string()),
        ],
        [
            pair("Failed deployments", f.failed_deployments.to_string()),
            pair("Rework rate", format_percent(f.rework_rate)),
        ],
        [
            pair("Failed-deployment recovery time (median · p90)", spread(&f.failed_deployment_recovery_hours)),
            pair("Time to restore (median · p90)", spread(&f.time_to_restore_hours)),
        ],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use analytics::{Report, ServiceFigures};
    use model::bundle::Site;
    use std::collections::BTreeMap;

    fn dora() -> Dora {
        let mut dora = Report::compute(&Site::default(), model::dates::parse_date("2026-06-03").unwrap()).dora;
        let service = |name: &str| ServiceFigures {
            service: name.into(),
            deployments: 4,
            failed: 1,
            change_failure_rate: Some(0.25),
            lead_time_median_hours: Some(2.0),
        };
        dora.per_service = vec![service("checkout"), service("search")];
        dora
    }

    #[test]
    fn freeze_breaks_are_counted_per_service_once_the_slos_are_assessed() {
        let breaks = FreezeBreaks { total: 3, per_service: BTreeMap::from([("checkout".to_owned(), 3)]) };
        let view = DoraView::of(&dora(), Some(&breaks));
        assert_eq!(view.freezes.as_deref(), Some("3 production deployments during an error-budget freeze"));
        let counts: Vec<Option<usize>> = view.per_service.iter().map(|s| s.freeze_breaks).collect();
        assert_eq!(counts, [Some(3), Some(0)], "a service without breaks shows zero, not nothing");
        let one = FreezeBreaks { total: 1, per_service: BTreeMap::from([("search".to_owned(), 1)]) };
        assert_eq!(
            DoraView::of(&dora(), Some(&one)).freezes.as_deref(),
            Some("1 production deployment during an error-budget freeze")
        );
        let unknown = DoraView::of(&dora(), None);
        assert_eq!(unknown.freezes, None);
        assert!(unknown.per_service.iter().all(|s| s.freeze_breaks.is_none()));
    }
}
