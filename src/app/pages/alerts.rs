//! `/alerts?since=&until=`: every alert that paged in the window, noisiest first, then the
//! listed alerts that stayed quiet and the ones no runbook covers. The figures are
//! `analytics::oncall::alert_quality`, as in `firebreak report`'s `alerts` section.

use yew::prelude::*;
use yew_router::prelude::*;

use analytics::oncall::{OncallData, alert_quality};
use views::alert_quality::{AlertRow, AlertsQuery, AlertsView};

use crate::app::components::{PathLink, Problem, when_loaded};
use crate::app::data::{Oncall, SiteHandle, timed, today, use_oncall, use_site};
use crate::app::route::Route;

#[component]
pub fn AlertsPage() -> Html {
    let site = use_site();
    let oncall = use_oncall();
    let query: AlertsQuery = use_location().and_then(|l| l.query::<AlertsQuery>().ok()).unwrap_or_default();
    let body = when_loaded(&oncall, "the on-call data", |oncall| match alerts_view(&site, oncall, &query) {
        Ok((view, ms)) => table(&site, &view, ms),
        Err(problem) => problem,
    });
    html! {
        <>
            <h1>{ "Alert quality" }</h1>
            { body }
        </>
    }
}

/// The alert figures over the query's window, and how long they took in milliseconds; or
/// the problem to show instead.
pub fn alerts_view(site: &SiteHandle, oncall: &Oncall, query: &AlertsQuery) -> Result<(AlertsView, f64), Html> {
    let window = query.window(today(site)).map_err(|e| {
        html! { <Problem title="This window cannot be applied" message={e.to_string()} /> }
    })?;
    let data = OncallData::new(&oncall.pages, &oncall.shifts, &site.config);
    Ok(timed(|| AlertsView::of(&alert_quality(&data, &window, &site.alerts, &site.runbooks))))
}

fn table(site: &SiteHandle, view: &AlertsView, ms: f64) -> Html {
    let (since, until) = (view.window.since, view.window.until);
    let names = |names: &[String]| -> Html {
        if names.is_empty() {
            return html! { <p class="muted">{ "None." }</p> };
        }
        html! { <ul class="alert-names">{ for names.iter().map(|n| html! {
            <li data-alert={n.clone()}><Link<Route> to={Route::Alert { name: n.clone() }}>{ n.clone() }</Link<Route>></li>
        }) }</ul> }
    };
    html! {
        <>
            <p class="muted" data-as-of={today(site).to_string()} data-filter-ms={format!("{ms:.3}")}>
                { format!("{} alert(s) paged from {since} to {until}, noisiest first: pages × (1 − actionable share).", view.rows.len()) }
            </p>
            <table class="list alerts">
                <thead><tr>
                    <th>{ "Alert" }</th><th>{ "Pages" }</th><th>{ "Actionable" }</th><th>{ "Noise" }</th>
                    <th>{ "Median time to acknowledge" }</th><th>{ "Sleep-hour pages" }</th><th>{ "Runbook" }</th><th>{ "Last fired" }</th>
                </tr></thead>
                <tbody>{ for view.rows.iter().map(row) }</tbody>
            </table>
            <h2 id="quiet">{ "Quiet: listed in content/alerts.yaml, never paged in the window" }</h2>
            <section class="quiet">{ names(&view.quiet) }</section>
            <h2 id="uncovered">{ "Uncovered: paged, and in no runbook" }</h2>
            <section class="uncovered">{ names(&view.uncovered) }</section>
        </>
    }
}

fn row(r: &AlertRow) -> Html {
    html! {
        <tr data-alert={r.alert.clone()}>
            <td><Link<Route> to={Route::Alert { name: r.alert.clone() }}>{ r.alert.clone() }</Link<Route>>
                if r.unlisted { { " " }<span class="chip muted" title="Not in content/alerts.yaml">{ "unlisted" }</span> }</td>
            <td class="pages">{ r.pages }</td><td class="actionable">{ r.actionable.clone() }</td>
            <td class="noise">{ r.noise.clone() }</td><td class="acknowledge">{ r.acknowledge_median.clone() }</td>
            <td class="sleep">{ r.sleep_pages }</td>
            <td class="runbooks">{ runbooks(r) }</td>
            <td class="last-fired">{ r.last_fired.clone() }</td>
        </tr>
    }
}

/// The runbooks listing the alert, or a mark that none does.
pub fn runbooks(r: &AlertRow) -> Html {
    if r.runbooks.is_empty() {
        return html! { <span class="chip state-exhausted">{ "none" }</span> };
    }
    let links = r.runbooks.iter().enumerate().map(|(i, (slug, path))| {
        html! { <>if i > 0 { { ", " } }<PathLink path={path.clone()} text={slug.clone()} /></> }
    });
    html! { { for links } }
}
