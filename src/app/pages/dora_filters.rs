//! The filter form of the DORA and incidents pages. What the form's words mean — defaults,
//! teams, report years, and the errors — is `views::filter`, shared with `firebreak report`.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::FilterSelect;
use crate::app::query::query_setter;
use crate::app::route::Route;
use views::filter::{Controls, FilterQuery};

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub query: FilterQuery,
    pub controls: Controls,
    /// The page whose URL holds the query.
    pub route: Route,
}

#[component]
pub fn DoraFilters(props: &FiltersProps) -> Html {
    let navigator = use_navigator();
    let setter = |update: fn(&mut FilterQuery, String)| {
        query_setter(navigator.clone(), props.route.clone(), &props.query, update)
    };
    let date = |update: fn(&mut FilterQuery, String)| {
        setter(update).reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
    };
    let c = &props.controls;
    html! {
        <form class="filters" aria-label="Filter the figures">
            <label>{ "From " }<input type="date" name="since" value={c.since.clone()} onchange={date(|q, v| q.since = v)} /></label>
            <label>{ "To " }<input type="date" name="until" value={c.until.clone()} onchange={date(|q, v| q.until = v)} /></label>
            <FilterSelect label="Service" name="service" options={c.services.clone()} selected={c.service.clone()} onchange={setter(|q, v| q.service = v)} />
            <FilterSelect label="Team" name="team" options={c.teams.clone()} selected={c.team.clone()} onchange={setter(|q, v| q.team = v)} />
            <FilterSelect label="Environment" name="environment" all={false} options={c.environments.clone()} selected={c.environment.clone()} onchange={setter(|q, v| q.environment = v)} />
            <FilterSelect label="DORA levels of" name="levels" all={false} options={c.years.clone()} selected={c.levels.clone()} onchange={setter(|q, v| q.levels = v)} />
        </form>
    }
}
