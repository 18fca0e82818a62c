//! `/oncall?since=&until=&rotation=&team=`: the load on each rotation and person against
//! the limits of `[oncall]`, week by week. The figures are `analytics::oncall`, what the page
//! shows of them `views::oncall` — the same as `firebreak report`'s `oncall` section.

use yew::prelude::*;
use yew_router::prelude::*;

use analytics::oncall::{OncallData, OncallHealth, oncall_health};
use views::html_table::Table;
use views::oncall::{OncallChoices, OncallQuery, OncallView, WeeklyLoad};

use crate::app::components::{FilterSelect, Problem, StackedBarChart, when_loaded};
use crate::app::data::{Oncall, SiteHandle, timed, today, use_oncall, use_site};
use crate::app::query::query_setter;
use crate::app::route::Route;
use crate::app::shared::Shared;

#[component]
pub fn OncallPage() -> Html {
    let site = use_site();
    let oncall = use_oncall();
    let query: OncallQuery = use_location().and_then(|l| l.query::<OncallQuery>().ok()).unwrap_or_default();
    let body = when_loaded(&oncall, "the on-call data", |oncall| {
        if oncall.pages.is_empty() && oncall.shifts.is_empty() {
            return html! { <Problem title="No on-call data" message="This repo has no content/metrics/pages.csv or oncall.csv yet; docs/formats.md describes them." /> };
        }
        html! { <OncallFigures site={site.clone()} oncall={Shared(oncall.clone())} query={query.clone()} /> }
    });
    html! {
        <>
            <h1>{ "On-call health" }</h1>
            { body }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FiguresProps {
    site: SiteHandle,
    oncall: Shared<Oncall>,
    query: OncallQuery,
}

#[component]
fn OncallFigures(props: &FiguresProps) -> Html {
    let (site, oncall) = (&props.site, &props.oncall);
    // The rotations and teams are read once per data, the figures once per window: a
    // rotation or team only narrows what is shown.
    let choices = {
        let site = site.clone();
        use_memo(oncall.clone(), move |oncall| {
            OncallChoices::of(&OncallData::new(&oncall.pages, &oncall.shifts, &site.config))
        })
    };
    let filter = props.query.filter(&choices, today(site));
    let window = filter.as_ref().ok().map(|f| f.window);
    let (site, oncall) = (site.clone(), oncall.clone());
    let health = use_memo(window, move |window| {
        let data = OncallData::new(&oncall.pages, &oncall.shifts, &site.config);
        window.map(|w| timed(|| oncall_health(&data, &w, &site.config.oncall)))
    });
    let form = html! { <OncallFilters query={props.query.clone()} choices={(*choices).clone()} /> };
    match (filter, &*health) {
        (Ok(filter), Some((health, compute_ms))) => {
            let (view, view_ms) = timed(|| OncallView::of(health, &filter));
            let ms = format!("{:.3}", compute_ms + view_ms);
            html! { <>{ form }{ figures(&view, health, &ms, props) }</> }
        }
        (Err(e), _) => html! { <>{ form }<Problem title="This filter cannot be applied" message={e.to_string()} /></> },
        (Ok(_), None) => form,
    }
}

fn figures(view: &OncallView, health: &OncallHealth, ms: &str, props: &FiguresProps) -> Html {
    let load = WeeklyLoad::of(&view.weeks);
    let layers = vec![
        ("business hours".to_owned(), load.business),
        ("off hours".to_owned(), load.off_hours),
        ("sleep hours".to_owned(), load.sleep),
    ];
    let (since, until) = (view.window.since, view.window.until);
    html! {
        <>
            <p class="muted" data-as-of={today(&props.site).to_string()} data-filter-ms={ms.to_owned()} data-load-ms={format!("{:.3}", props.oncall.load_ms)} data-loaded-at={format!("{:.3}", props.oncall.loaded_at)}>
                { format!("{} page(s) from {since} to {until}, {} on no shift. Limits: {}.", view.pages, view.no_shift_pages, view.limits) }
            </p>
            <p><Link<Route> to={Route::Alerts}>{ "Alert quality: which alerts paged, noisiest first →" }</Link<Route>></p>
            <StackedBarChart labels={load.weeks} {layers} caption="Pages per week, by the responder's hour" />
            <h2>{ "Rotations" }</h2>
            { table("Rotations", view.rotation_table(), false) }
            <h2>{ "People" }</h2>
            { table("People", view.people_table(), false) }
            <h2>{ "Week by week" }</h2>
            { table("Week by week", view.weeks_table(), true) }
            { all_weeks_link(view, &props.query) }
            <p class="muted">{ format!("Sleep hours are {} every day and business hours {} on weekdays, on each person's own clock.", health.limits.sleep_hours, health.limits.business_hours) }</p>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FiltersProps {
    query: OncallQuery,
    choices: OncallChoices,
}

#[component]
fn OncallFilters(props: &FiltersProps) -> Html {
    let navigator = use_navigator();
    let set =
        |update: fn(&mut OncallQuery, String)| query_setter(navigator.clone(), Route::Oncall, &props.query, update);
    let date = |update: fn(&mut OncallQuery, String)| {
        set(update).reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
    };
    let q = &props.query;
    html! {
        <form class="filters" aria-label="Filter the on-call figures">
            <label>{ "From " }<input type="date" name="since" value={q.since.clone()} onchange={date(|q, v| q.since = v)} /></label>
            <label>{ "To " }<input type="date" name="until" value={q.until.clone()} onchange={date(|q, v| q.until = v)} /></label>
            <FilterSelect label="Rotation" name="rotation" options={props.choices.rotations.clone()} selected={q.rotation.clone()} onchange={set(|q, v| q.rotation = v)} />
            <FilterSelect label="Team" name="team" options={props.choices.teams.clone()} selected={q.team.clone()} onchange={set(|q, v| q.team = v)} />
        </form>
    }
}

/// Under a table cut to the latest weeks, the link to every week (the same filter otherwise).
fn all_weeks_link(view: &OncallView, query: &OncallQuery) -> Html {
    if view.weeks_hidden == 0 {
        return Html::default();
    }
    let all = OncallQuery { weeks: "all".to_owned(), ..query.clone() };
    let text = format!("Show every week ({} earlier row(s)) →", view.weeks_hidden);
    html! { <p class="all-weeks"><Link<Route, OncallQuery> to={Route::Oncall} query={Some(all)}>{ text }</Link<Route, OncallQuery>></p> }
}

/// A table of the views layer, inserted in one piece: at hundreds of rows, building it
/// element by element took most of the page's first view (`views::html_table` says more).
/// Its box scrolls sideways, so it can be focused to scroll with the keyboard; one `below`
/// the others is laid out only once it nears the screen (`.wide-table` in style.css).
fn table(name: &'static str, table: Table, below: bool) -> Html {
    let class = classes!("wide-table", below.then_some("below"));
    let table = Html::from_html_unchecked(AttrValue::from(table.to_html()));
    html! { <div {class} role="region" aria-label={name} tabindex="0">{ table }</div> }
}
