//! What the DORA page shows of a [`Dora`]: its cards, the details table, the per-service
//! rows and what was left out, as text. The page only lays these out (and draws the charts).

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
}

impl DoraView {
    pub fn of(dora: &Dora) -> DoraView {
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
                })
                .collect(),
            excluded: dora.excluded.iter().map(|(reason, count)| format!("{count} {reason}")).collect(),
        }
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
