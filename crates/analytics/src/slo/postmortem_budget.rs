//! What one incident cost each SLO of its services: the budget a postmortem's Impact
//! section reports ("used 38 % of its 30-day error budget"). Judged against the window the
//! incident was spent from — the SLO's window as of the local day it was resolved — not
//! today's, so an old postmortem keeps its figure (docs/metrics.md, "Budget spent per
//! postmortem").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::budget::{budget, spent_between};
use super::sums::Sums;
use super::window::span;
use crate::Calendar;
use model::{SliEvents, Slo};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentBudget {
    pub slo: String,
    pub display_name: String,
    /// Of the window's budget; `None` when that window has no events, hence no budget.
    pub share: Option<f64>,
}

/// For every SLO of `services` (with its events), the share of its budget spent between
/// `began` and `resolved`. Nothing for an incident not yet resolved: its cost is not known.
pub fn budget_spent_by_incident<'a>(
    slos: impl IntoIterator<Item = (&'a Slo, &'a SliEvents)>,
    services: &[String],
    began: Option<DateTime<Utc>>,
    resolved: Option<DateTime<Utc>>,
    calendar: &Calendar,
) -> Vec<IncidentBudget> {
    let Some((began, resolved)) = began.zip(resolved) else { return Vec::new() };
    let day = calendar.date_of(resolved);
    slos.into_iter()
        .filter(|(slo, _)| services.contains(&slo.service))
        .map(|(slo, events)| {
            let sums = Sums::new(events);
            let whole = budget(&sums, slo.method, &slo.objective, span(&slo.window, calendar, day));
            let share =
                spent_between(&sums, slo.method, &slo.objective, &whole, began.timestamp(), resolved.timestamp());
            IncidentBudget { slo: slo.name.clone(), display_name: slo.display_name.clone(), share }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    /// Hourly samples of 100 events from 2026-06-01 to 06-10; 30 bad at 06-02 10:00.
    fn events() -> SliEvents {
        let mut e = SliEvents::default();
        for hour in 1..=240 {
            let when = at("2026-06-01T00:00:00Z").timestamp() + hour * 3600;
            let bad = if when == at("2026-06-02T10:00:00Z").timestamp() { 30.0 } else { 0.0 };
            e.push(when, 100.0 - bad, 100.0);
        }
        e
    }

    #[test]
    fn an_incident_is_charged_against_the_window_of_the_day_it_was_resolved() {
        // Two-day rolling window as of 06-02: 4,800 events, 1 % allowed, 48 of budget.
        let slo = Slo::example("checkout-availability", 2, 0.99);
        let other = Slo { name: "search-availability".into(), service: "search".into(), ..slo.clone() };
        let e = events();
        let slos = [(&slo, &e), (&other, &e)];
        let services = ["checkout".to_owned()];
        let spent = budget_spent_by_incident(
            slos,
            &services,
            Some(at("2026-06-02T09:10:00Z")),
            Some(at("2026-06-02T10:20:00Z")),
            &Calendar::utc(),
        );
        assert_eq!(spent.len(), 1, "search's SLO is not checkout's");
        assert_eq!(spent[0].slo, "checkout-availability");
        assert!((spent[0].share.unwrap() - 30.0 / 48.0).abs() < 1e-12, "{:?}", spent[0].share);
        // Eight days later the same events are still that window's: the figure holds.
        let open = budget_spent_by_incident(slos, &services, Some(at("2026-06-02T09:10:00Z")), None, &Calendar::utc());
        assert!(open.is_empty(), "an unresolved incident has no cost yet");
    }

    #[test]
    fn a_window_without_events_has_no_share() {
        let slo = Slo::example("checkout-availability", 2, 0.99);
        let none = SliEvents::default();
        let spent = budget_spent_by_incident(
            [(&slo, &none)],
            &["checkout".to_owned()],
            Some(at("2026-06-02T09:10:00Z")),
            Some(at("2026-06-02T10:20:00Z")),
            &Calendar::utc(),
        );
        assert_eq!(spent[0].share, None);
    }
}
