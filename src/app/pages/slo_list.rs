//! The SLO list: every SLO's attainment, budget left, policy state and burn, narrowed by
//! service or team (`/slos?service=&team=`). What it shows is `views::slo_list`.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{FilterSelect, Problem};
use crate::app::data::{Load, Slos, timed, use_site, use_slos};
use crate::app::query::query_setter;
use crate::app::route::Route;
use crate::app::shared::Shared;
use model::bundle::Site;
use views::slo_list::{ListRow, SPARKLINE_HEIGHT, SPARKLINE_WIDTH, SloList, SloQuery};

#[component]
pub fn SloListPage() -> Html {
    let site = use_site();
    let slos = use_slos();
    let query: SloQuery = use_location().and_then(|l| l.query::<SloQuery>().ok()).unwrap_or_default();
    if site.slos.is_empty() {
        return html! { <Problem title="No SLOs" message="This repo has no content/slos/*.yaml yet; docs/formats.md describes them." /> };
    }
    let body = match slos.as_ref() {
        Load::Loading => html! { <p class="loading" aria-busy="true">{ "Loading the SLI data…" }</p> },
        Load::Failed(e) => html! { <Problem title="The SLI data could not be loaded" message={e.clone()} /> },
        Load::Ready(slos) => {
            html! { <SloTable site={site.clone()} slos={Shared(slos.clone())} query={query.clone()} /> }
        }
    };
    html! {
        <>
            <h1>{ "Service level objectives" }</h1>
            { body }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    site: crate::app::data::SiteHandle,
    slos: Shared<Slos>,
    query: SloQuery,
}

#[component]
fn SloTable(props: &TableProps) -> Html {
    let navigator = use_navigator();
    let (list, elapsed) = timed(|| props.query.apply(&props.site, &props.slos.statuses));
    let set = |update: fn(&mut SloQuery, String)| query_setter(navigator.clone(), Route::Slos, &props.query, update);
    let filters = |services: Vec<String>, teams: Vec<String>| {
        html! {
            <form class="filters" aria-label="Filter SLOs">
                <FilterSelect label="Service" name="service" options={services} selected={props.query.service.clone()} onchange={set(|q, v| q.service = v)} />
                <FilterSelect label="Team" name="team" options={teams} selected={props.query.team.clone()} onchange={set(|q, v| q.team = v)} />
            </form>
        }
    };
    match list {
        Err(e) => {
            let all = SloQuery::default().apply(&props.site, &props.slos.statuses).ok();
            let (services, teams) = all.map(|l| (l.services, l.teams)).unwrap_or_default();
            html! { <>{ filters(services, teams) }<Problem title="This filter cannot be applied" message={e.to_string()} /></> }
        }
        Ok(list) => html! {
            <>
                { filters(list.services.clone(), list.teams.clone()) }
                { table(&props.site, &list, elapsed, props.slos.assess_ms) }
            </>
        },
    }
}

fn table(site: &Site, list: &SloList, filter_ms: f64, assess_ms: f64) -> Html {
    let ms = |v: f64| format!("{v:.3}");
    html! {
        <>
            <p class="muted" data-filter-ms={ms(filter_ms)} data-assess-ms={ms(assess_ms)} data-as-of={crate::app::data::today(site).to_string()}>
                { format!("{} of {} SLOs, as of {}", list.rows.len(), site.slos.len(), crate::app::data::today(site)) }
            </p>
            <table class="list slos">
                <thead><tr>
                    <th>{ "SLO" }</th><th>{ "Service" }</th><th>{ "Team" }</th><th>{ "Attainment" }</th>
                    <th>{ "Error budget" }</th><th>{ "Policy" }</th><th>{ "Burn" }</th><th>{ "Budget over the window" }</th>
                </tr></thead>
                <tbody>{ for list.rows.iter().map(row) }</tbody>
            </table>
        </>
    }
}

fn row(r: &ListRow) -> Html {
    let s = &r.row;
    let viewbox = format!("0 -1 {SPARKLINE_WIDTH} {}", SPARKLINE_HEIGHT + 2.0);
    html! {
        <tr data-slo={s.name.clone()}>
            <td><Link<Route> to={Route::Slo { name: s.name.clone() }}>{ s.display_name.clone() }</Link<Route>></td>
            <td><Link<Route> to={Route::Service { name: s.service.clone() }}>{ s.service.clone() }</Link<Route>></td>
            <td>{ r.team.clone() }</td>
            <td class="attainment">{ format!("{} of {}", s.attainment, s.target) }</td>
            <td class="remaining"><meter min="0" max="1" low="0.25" optimum="1" value={s.remaining_bar.to_string()}></meter>{ format!(" {}", s.remaining) }</td>
            <td><span class={classes!("chip", "state", format!("state-{}", s.state))}>{ s.state }</span></td>
            <td class="burn">{ s.burn.clone() }</td>
            <td><svg class="sparkline" viewBox={viewbox} width="120" height="26" role="img" aria-label="Budget left, day by day">
                <polyline points={r.sparkline.clone()} fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg></td>
        </tr>
    }
}
