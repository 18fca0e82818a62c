//! What the home page shows of the SLOs: how many are in each error-budget policy state,
//! and the ones that need attention, worst first — the executive overview's lead.

use analytics::slo::SloStatus;
use model::PolicyState;

use crate::slo::SloRow;

/// SLOs needing attention shown on the home page; the list page has the rest.
pub const ATTENTION_ROWS: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct SloOverview {
    /// Every policy state, healthiest first, with its SLO count (zeros included, so the
    /// tiles keep their places).
    pub states: Vec<(PolicyState, usize)>,
    /// "4 of 6 SLOs healthy".
    pub summary: String,
    /// The SLOs not healthy, least budget left first (then by name), at most [`ATTENTION_ROWS`].
    pub attention: Vec<SloRow>,
    /// How many more need attention than are listed.
    pub more: usize,
}

impl SloOverview {
    pub fn of(statuses: &[SloStatus]) -> SloOverview {
        let count = |state: PolicyState| statuses.iter().filter(|s| s.state == state).count();
        let states: Vec<(PolicyState, usize)> = PolicyState::ALL.into_iter().map(|s| (s, count(s))).collect();
        let mut needing: Vec<&SloStatus> = statuses.iter().filter(|s| s.state != PolicyState::Healthy).collect();
        needing.sort_by(|a, b| a.budget.remaining.total_cmp(&b.budget.remaining).then_with(|| a.name.cmp(&b.name)));
        let more = needing.len().saturating_sub(ATTENTION_ROWS);
        SloOverview {
            summary: format!("{} of {} SLOs healthy", count(PolicyState::Healthy), statuses.len()),
            states,
            attention: needing.into_iter().take(ATTENTION_ROWS).map(SloRow::of).collect(),
            more,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use analytics::Calendar;
    use analytics::slo::{Joined, SloSettings, assess};
    use model::{DeployLog, SliEvents, Slo};

    fn status(name: &str, state: PolicyState, remaining: f64) -> SloStatus {
        let joined = Joined { incidents: &[], deploys: &DeployLog::default() };
        let day = model::dates::parse_date("2026-06-01").unwrap();
        let slo = Slo::example(name, 28, 0.999);
        let mut status = assess(&slo, &SliEvents::default(), &Calendar::utc(), day, &SloSettings::default(), joined);
        status.state = state;
        status.budget.remaining = remaining;
        status
    }

    #[test]
    fn the_overview_counts_every_state_and_lists_the_worst_first() {
        let statuses = [
            status("fine", PolicyState::Healthy, 0.9),
            status("tight", PolicyState::Warning, 0.2),
            status("gone", PolicyState::Exhausted, -0.5),
            status("wary", PolicyState::Caution, 0.4),
            status("also-gone", PolicyState::Exhausted, -0.5),
        ];
        let overview = SloOverview::of(&statuses);
        assert_eq!(overview.summary, "1 of 5 SLOs healthy");
        assert_eq!(
            overview.states,
            [
                (PolicyState::Healthy, 1),
                (PolicyState::Caution, 1),
                (PolicyState::Warning, 1),
                (PolicyState::Exhausted, 2)
            ]
        );
        let names: Vec<&str> = overview.attention.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["also-gone", "gone", "tight", "wary"], "least left first, equal ones by name");
        assert_eq!(overview.more, 0);
    }

    #[test]
    fn only_the_first_few_are_listed_and_the_rest_counted() {
        let statuses: Vec<SloStatus> =
            (0..8).map(|i| status(&format!("slo-{i}"), PolicyState::Warning, 0.1 + f64::from(i) / 100.0)).collect();
        let overview = SloOverview::of(&statuses);
        assert_eq!(overview.attention.len(), ATTENTION_ROWS);
        assert_eq!(overview.attention[0].name, "slo-0");
        assert_eq!(overview.more, 3);
        let none = SloOverview::of(&[]);
        assert_eq!((none.summary.as_str(), none.attention.len()), ("0 of 0 SLOs healthy", 0));
    }
}
