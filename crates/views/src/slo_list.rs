//! The SLO list (`/slos?service=&team=`): every SLO's row with its team and a sparkline of
//! the budget left, narrowed to one service or one team's services. The statuses are
//! assessed once; a filter change only selects rows, so it costs no recomputation.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::filter::{FilterError, owned_by, teams};
use super::slo::SloRow;
use analytics::slo::SloStatus;
use model::bundle::Site;
use model::paths;

/// The list's filter as the URL holds it; empty means every SLO.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SloQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SloFilterError {
    /// The team owns no service in the catalog (the DORA filter's words).
    Team(FilterError),
    /// No SLO is defined for the service.
    NoSloFor { service: String, services: Vec<String> },
}

impl fmt::Display for SloFilterError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            SloFilterError::Team(e) => e.fmt(f),
            SloFilterError::NoSloFor { service, services } => {
                let hint = model::suggest::did_you_mean(service, services.iter().map(String::as_str));
                write!(f, "no SLO is defined for service `{service}` (SLOs cover {}){hint}", services.join(", "))
            }
        }
    }
}

impl std::error::Error for SloFilterError {}

#[derive(Debug, Clone, PartialEq)]
pub struct SloList {
    pub rows: Vec<ListRow>,
    /// The services that have SLOs, and the catalog's teams: the filter's choices.
    pub services: Vec<String>,
    pub teams: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    pub row: SloRow,
    /// The service's team in the catalog, or "" without one.
    pub team: String,
    pub path: String,
    /// SVG polyline points of the budget left at each day's end (see [`sparkline`]).
    pub sparkline: String,
}

/// The sparkline's size in SVG units.
pub const SPARKLINE_WIDTH: f64 = 120.0;
pub const SPARKLINE_HEIGHT: f64 = 24.0;

impl SloQuery {
    /// The rows this query selects of `statuses` (assessed from `site.slos`).
    pub fn apply(&self, site: &Site, statuses: &[SloStatus]) -> Result<SloList, SloFilterError> {
        let mut services: Vec<String> = statuses.iter().map(|s| s.service.clone()).collect();
        services.sort();
        services.dedup();
        let service = self.service.trim();
        if !service.is_empty() && !services.iter().any(|s| s == service) {
            return Err(SloFilterError::NoSloFor { service: service.to_owned(), services });
        }
        let team = self.team.trim();
        let owned = if team.is_empty() { Vec::new() } else { owned_by(site, team) };
        if !team.is_empty() && owned.is_empty() {
            let teams = teams(site);
            return Err(SloFilterError::Team(FilterError::TeamOwnsNothing { team: team.to_owned(), teams }));
        }
        let selected = |s: &SloStatus| {
            (service.is_empty() || s.service == service) && (team.is_empty() || owned.contains(&s.service))
        };
        let list_rows = statuses.iter().filter(|s| selected(s)).map(|status| ListRow {
            team: site.config.services.get(&status.service).map(|s| s.team.clone()).unwrap_or_default(),
            path: paths::slo(&status.name),
            sparkline: sparkline(status.burn_down.iter().map(|(_, left)| *left)),
            row: SloRow::of(status),
        });
        Ok(SloList { rows: list_rows.collect(), services, teams: teams(site) })
    }
}

/// Points of a polyline through `values` (shares of budget left), left to right across the
/// sparkline, with 100 % at the top and 0 % at the bottom; an overspent day sits on the bottom.
pub fn sparkline(values: impl ExactSizeIterator<Item = f64>) -> String {
    let last = values.len().saturating_sub(1).max(1) as f64;
    let points: Vec<String> = values
        .enumerate()
        .map(|(i, left)| {
            let x = i as f64 / last * SPARKLINE_WIDTH;
            let y = (1.0 - left.clamp(0.0, 1.0)) * SPARKLINE_HEIGHT;
            format!("{x:.1},{y:.1}")
        })
        .collect();
    points.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use analytics::Calendar;
    use analytics::slo::{Joined, SloSettings, assess};
    use model::{Service, SliEvents, Slo};

    fn site() -> Site {
        let mut site = Site::default();
        for (name, team) in [("checkout", "payments"), ("ledger", "payments"), ("search", "discovery")] {
            site.config
                .services
                .insert(name.into(), Service { team: team.into(), tier: 2, description: String::new() });
        }
        site
    }

    fn statuses() -> Vec<SloStatus> {
        let day = model::dates::parse_date("2026-06-02").unwrap();
        let joined = Joined { incidents: &[], deploys: &model::DeployLog::default() };
        let mut events = SliEvents::default();
        let start = day.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
        for hour in 1..=24 {
            events.push(start + hour * 3600, if hour == 12 { 95.0 } else { 100.0 }, 100.0);
        }
        ["checkout", "search", "ledger"]
            .iter()
            .map(|service| {
                let slo = Slo { service: (*service).into(), ..Slo::example(&format!("{service}-slo"), 2, 0.99) };
                assess(&slo, &events, &Calendar::utc(), day, &SloSettings::default(), joined)
            })
            .collect()
    }

    fn names(list: &SloList) -> Vec<&str> {
        list.rows.iter().map(|r| r.row.name.as_str()).collect()
    }

    #[test]
    fn an_empty_query_lists_every_slo_with_its_team_and_path() {
        let list = SloQuery::default().apply(&site(), &statuses()).unwrap();
        assert_eq!(names(&list), ["checkout-slo", "search-slo", "ledger-slo"]);
        assert_eq!(list.rows[1].team, "discovery");
        assert_eq!(list.rows[1].path, "/slos/search-slo");
        assert_eq!(list.services, ["checkout", "ledger", "search"]);
        assert_eq!(list.teams, ["discovery", "payments"]);
    }

    #[test]
    fn a_team_selects_the_slos_of_the_services_it_owns() {
        let query = SloQuery { team: "payments".into(), ..SloQuery::default() };
        assert_eq!(names(&query.apply(&site(), &statuses()).unwrap()), ["checkout-slo", "ledger-slo"]);
        let query = SloQuery { service: "ledger".into(), team: "payments".into() };
        assert_eq!(names(&query.apply(&site(), &statuses()).unwrap()), ["ledger-slo"]);
    }

    #[test]
    fn a_service_without_slos_or_a_team_without_services_is_an_error() {
        let query = SloQuery { service: "serch".into(), ..SloQuery::default() };
        let error = query.apply(&site(), &statuses()).unwrap_err().to_string();
        assert_eq!(
            error,
            "no SLO is defined for service `serch` (SLOs cover checkout, ledger, search); did you mean `search`?"
        );
        let query = SloQuery { team: "growth".into(), ..SloQuery::default() };
        let error = query.apply(&site(), &statuses()).unwrap_err().to_string();
        assert_eq!(error, "no service in the catalog belongs to team `growth`; its teams are `discovery`, `payments`");
    }

    #[test]
    fn the_sparkline_runs_from_full_at_the_top_to_overspent_at_the_bottom() {
        assert_eq!(sparkline([1.0, 0.5, -0.2].into_iter()), "0.0,0.0 60.0,12.0 120.0,24.0");
        assert_eq!(sparkline([0.75].into_iter()), "0.0,6.0");
        assert_eq!(sparkline(std::iter::empty()), "");
    }
}
