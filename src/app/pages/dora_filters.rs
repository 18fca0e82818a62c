//! The filters of the DORA and incidents pages, kept in the URL and turned into the same
//! [`Filter`] that `firebreak report` builds from its flags.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use yew::prelude::*;

use analytics::{DEFAULT_ENVIRONMENT, DEFAULT_WINDOW_DAYS, Filter, ReportYear, Window};
use yew_router::prelude::*;

use crate::app::components::FilterSelect;
use crate::app::query::query_setter;
use crate::app::route::Route;
use model::bundle::Site;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DoraQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub since: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub until: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub environment: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub levels: String,
}

impl DoraQuery {
    pub fn filter(&self, site: &Site, today: NaiveDate) -> Filter {
        let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        let until = date(&self.until).unwrap_or(today);
        let since =
            date(&self.since).filter(|s| *s <= until).unwrap_or(Window::ending(until, DEFAULT_WINDOW_DAYS).since);
        let mut services: Vec<String> = Vec::new();
        if !self.service.is_empty() {
            services.push(self.service.clone());
        }
        if !self.team.is_empty() {
            services
                .extend(site.config.services.iter().filter(|(_, s)| s.team == self.team).map(|(name, _)| name.clone()));
            if services.is_empty() {
                // A team owning nothing matches nothing, not everything.
                services.push(String::new());
            }
        }
        Filter {
            window: Window::new(since, until),
            services,
            environment: if self.environment.is_empty() {
                DEFAULT_ENVIRONMENT.to_owned()
            } else {
                self.environment.clone()
            },
            year: ReportYear::parse(&self.levels).unwrap_or(ReportYear::Y2023),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub query: DoraQuery,
    pub filter: Filter,
    pub services: Vec<String>,
    pub teams: Vec<String>,
    pub environments: Vec<String>,
    /// The page whose URL holds the query.
    pub route: Route,
}

#[component]
pub fn DoraFilters(props: &FiltersProps) -> Html {
    let navigator = use_navigator();
    let setter =
        |update: fn(&mut DoraQuery, String)| query_setter(navigator.clone(), props.route.clone(), &props.query, update);
    let date = |update: fn(&mut DoraQuery, String)| {
        setter(update).reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
    };
    let years: Vec<String> = ReportYear::ALL.iter().map(|y| y.label().to_owned()).collect();
    html! {
        <form class="filters" aria-label="Filter the figures">
            <label>{ "From " }<input type="date" name="since" value={props.filter.window.since.to_string()} onchange={date(|q, v| q.since = v)} /></label>
            <label>{ "To " }<input type="date" name="until" value={props.filter.window.until.to_string()} onchange={date(|q, v| q.until = v)} /></label>
            <FilterSelect label="Service" name="service" options={props.services.clone()} selected={props.query.service.clone()} onchange={setter(|q, v| q.service = v)} />
            <FilterSelect label="Team" name="team" options={props.teams.clone()} selected={props.query.team.clone()} onchange={setter(|q, v| q.team = v)} />
            <FilterSelect label="Environment" name="environment" all={false} options={props.environments.clone()} selected={props.filter.environment.clone()} onchange={setter(|q, v| q.environment = v)} />
            <FilterSelect label="DORA levels of" name="levels" all={false} options={years} selected={props.filter.year.label().to_owned()} onchange={setter(|q, v| q.levels = v)} />
        </form>
    }
}
