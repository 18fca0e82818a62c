//! The filter of the DORA and incidents pages and of `firebreak report`: one parser from the
//! text a reader typed — the page's URL query or the CLI's flags — to the analytics'
//! [`Filter`], with one set of errors. The page shows the error where the CLI prints it, so
//! a team that owns nothing or a window that ends before it starts is the same mistake in
//! both, never an empty page in one and an error in the other.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use analytics::{DEFAULT_ENVIRONMENT, DEFAULT_WINDOW_DAYS, Filter, ReportYear, Window};
use model::bundle::Site;
use model::dates;

/// The filter as text, keyed as in the page's URL (`?since=&until=&service=&team=&environment=&levels=`).
/// Empty means "the default": the 90 days ending on the as-of day, every service, production,
/// the 2023 report's levels.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub since: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub until: String,
    /// One service, or several separated by commas (`report --service a,b`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub environment: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub levels: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    /// `field` is "since" or "until".
    NotADate {
        field: &'static str,
        text: String,
    },
    Backwards {
        since: NaiveDate,
        until: NaiveDate,
    },
    TeamOwnsNothing {
        team: String,
        teams: Vec<String>,
    },
    NotAReportYear {
        text: String,
    },
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FilterError::NotADate { field, text } => write!(f, "{field} `{text}` is not a date; write it YYYY-MM-DD"),
            FilterError::Backwards { since, until } => {
                write!(f, "the window starts on {since}, after it ends on {until}")
            }
            FilterError::TeamOwnsNothing { team, teams } if teams.is_empty() => {
                write!(f, "no service in the catalog belongs to team `{team}`: the catalog names no team")
            }
            FilterError::TeamOwnsNothing { team, teams } => write!(
                f,
                "no service in the catalog belongs to team `{team}`; its teams are {}",
                teams.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
            ),
            FilterError::NotAReportYear { text } => {
                write!(f, "`{text}` is not a report year; use {}", year_labels().join(", "))
            }
        }
    }
}

impl std::error::Error for FilterError {}

fn year_labels() -> Vec<&'static str> {
    ReportYear::ALL.iter().map(|y| y.label()).collect()
}

impl FilterQuery {
    /// The filter these words describe over `site`, as of `as_of`.
    pub fn filter(&self, site: &Site, as_of: NaiveDate) -> Result<Filter, FilterError> {
        let window = window(&self.since, &self.until, as_of)?;
        let mut services = self.services();
        if !self.team.is_empty() {
            let owned = owned_by(site, &self.team);
            if owned.is_empty() {
                return Err(FilterError::TeamOwnsNothing { team: self.team.clone(), teams: teams(site) });
            }
            services.extend(owned);
        }
        let year = match self.levels.trim() {
            "" => ReportYear::Y2023,
            text => ReportYear::parse(text).ok_or_else(|| FilterError::NotAReportYear { text: text.to_owned() })?,
        };
        let environment = match self.environment.trim() {
            "" => DEFAULT_ENVIRONMENT.to_owned(),
            name => name.to_owned(),
        };
        Ok(Filter { window, services, environment, year })
    }

    /// The services named, in order, without blanks.
    pub fn services(&self) -> Vec<String> {
        self.service.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    }
}

/// The window `since` and `until` say (either may be empty): by default the 90 days ending
/// on `until`, which defaults to `as_of`. Every page with a From/To reads it here.
pub fn window(since: &str, until: &str, as_of: NaiveDate) -> Result<Window, FilterError> {
    let until = day("until", until)?.unwrap_or(as_of);
    let since = day("since", since)?.unwrap_or(Window::ending(until, DEFAULT_WINDOW_DAYS).since);
    if since > until {
        return Err(FilterError::Backwards { since, until });
    }
    Ok(Window::new(since, until))
}

fn day(field: &'static str, text: &str) -> Result<Option<NaiveDate>, FilterError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    dates::parse_date(text).map(Some).ok_or_else(|| FilterError::NotADate { field, text: text.to_owned() })
}

/// The catalog's services `team` owns.
pub fn owned_by(site: &Site, team: &str) -> Vec<String> {
    site.config.services.iter().filter(|(_, s)| s.team == team).map(|(name, _)| name.clone()).collect()
}

/// The catalog's teams, sorted, each once.
pub fn teams(site: &Site) -> Vec<String> {
    let mut teams: Vec<String> = site.config.services.values().map(|s| s.team.clone()).collect();
    teams.sort();
    teams.dedup();
    teams
}

/// What the filter form shows: each control's value and choices. From the filter when the
/// query parsed, else from the query's own text, so the reader sees what to correct.
#[derive(Debug, Clone, PartialEq)]
pub struct Controls {
    pub since: String,
    pub until: String,
    pub service: String,
    pub team: String,
    pub environment: String,
    pub levels: String,
    pub services: Vec<String>,
    pub teams: Vec<String>,
    pub environments: Vec<String>,
    pub years: Vec<String>,
}

impl Controls {
    pub fn of(
        query: &FilterQuery,
        parsed: Result<&Filter, &FilterError>,
        site: &Site,
        services: Vec<String>,
    ) -> Controls {
        let (since, until, environment, levels) = match parsed {
            Ok(f) => (
                f.window.since.to_string(),
                f.window.until.to_string(),
                f.environment.clone(),
                f.year.label().to_owned(),
            ),
            Err(_) => (query.since.clone(), query.until.clone(), query.environment.clone(), query.levels.clone()),
        };
        Controls {
            since,
            until,
            service: query.service.clone(),
            team: query.team.clone(),
            environment,
            levels,
            services,
            teams: teams(site),
            environments: site.deploys.environments.clone(),
            years: year_labels().into_iter().map(str::to_owned).collect(),
        }
    }
}

/// The incidents page's services: the catalog's and any that deployed, each once.
pub fn incident_services(site: &Site) -> Vec<String> {
    let mut services: Vec<String> = site.config.services.keys().cloned().collect();
    services.extend(site.deploys.services.iter().cloned());
    services.sort();
    services.dedup();
    services
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Service;

    fn day(text: &str) -> NaiveDate {
        dates::parse_date(text).unwrap()
    }

    fn site() -> Site {
        let mut site = Site::default();
        for (name, team) in [("checkout", "payments"), ("ledger", "payments"), ("search", "discovery")] {
            let service: Service = serde_json::from_value(serde_json::json!({ "team": team })).unwrap();
            site.config.services.insert(name.into(), service);
        }
        site
    }

    fn query(pairs: &[(&str, &str)]) -> FilterQuery {
        let map: serde_json::Map<String, serde_json::Value> =
            pairs.iter().map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v))).collect();
        serde_json::from_value(serde_json::Value::Object(map)).unwrap()
    }

    #[test]
    fn empty_is_the_default_view() {
        let filter = FilterQuery::default().filter(&site(), day("2026-11-30")).unwrap();
        assert_eq!(filter, Filter::default_for(day("2026-11-30")));
    }

    #[test]
    fn a_team_becomes_its_services_after_the_named_ones() {
        let q = query(&[("service", "search"), ("team", "payments"), ("levels", "2021"), ("environment", "staging")]);
        let filter = q.filter(&site(), day("2026-11-30")).unwrap();
        assert_eq!(filter.services, ["search", "checkout", "ledger"]);
        assert_eq!((filter.year, filter.environment.as_str()), (ReportYear::Y2021, "staging"));
        let several = query(&[("service", "checkout, ledger,")]).filter(&site(), day("2026-11-30")).unwrap();
        assert_eq!(several.services, ["checkout", "ledger"]);
    }

    #[test]
    fn a_window_defaults_to_ninety_days_ending_on_its_last_day() {
        let filter = query(&[("until", "2026-06-30")]).filter(&site(), day("2026-11-30")).unwrap();
        assert_eq!(filter.window, Window::new(day("2026-04-02"), day("2026-06-30")));
        let one_day = query(&[("since", "2026-06-30"), ("until", "2026-06-30")]).filter(&site(), day("2026-11-30"));
        assert_eq!(one_day.unwrap().window.days(), 1);
    }

    #[test]
    fn mistakes_are_errors_with_the_same_words_everywhere() {
        let as_of = day("2026-11-30");
        let error = |pairs: &[(&str, &str)]| query(pairs).filter(&site(), as_of).unwrap_err().to_string();
        assert_eq!(
            error(&[("since", "2026-07-01"), ("until", "2026-06-01")]),
            "the window starts on 2026-07-01, after it ends on 2026-06-01"
        );
        assert_eq!(error(&[("since", "2026-13-01")]), "since `2026-13-01` is not a date; write it YYYY-MM-DD");
        assert_eq!(
            error(&[("team", "payment")]),
            "no service in the catalog belongs to team `payment`; its teams are `discovery`, `payments`"
        );
        assert_eq!(error(&[("levels", "2022")]), "`2022` is not a report year; use 2021, 2023, 2024");
        let empty = query(&[("team", "x")]).filter(&Site::default(), as_of).unwrap_err().to_string();
        assert!(empty.ends_with("the catalog names no team"), "{empty}");
    }

    #[test]
    fn the_controls_show_the_filter_or_else_what_was_typed() {
        let site = site();
        let q = query(&[("since", "2026-07-01"), ("until", "2026-06-01"), ("team", "payments")]);
        let parsed = q.filter(&site, day("2026-11-30"));
        let controls = Controls::of(&q, parsed.as_ref(), &site, Vec::new());
        assert_eq!((controls.since.as_str(), controls.until.as_str()), ("2026-07-01", "2026-06-01"));
        assert_eq!(controls.teams, ["discovery", "payments"]);
        let ok = FilterQuery::default();
        let filter = ok.filter(&site, day("2026-11-30")).unwrap();
        let controls = Controls::of(&ok, Ok(&filter), &site, Vec::new());
        assert_eq!((controls.since.as_str(), controls.levels.as_str()), ("2026-09-02", "2023"));
        assert_eq!(controls.environment, "production");
    }
}
