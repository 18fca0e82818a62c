//! The DORA page: what it shows is `views::dora::DoraView`; this file lays it out and draws
//! the charts.

use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

use super::dora_filters::DoraFilters;
use crate::app::components::{BarChart, Problem, deploy_id_cell};
use crate::app::data::{Load, Slos, now_ms, timed, today, use_deploy_ids, use_site, use_slos};
use crate::app::route::Route;
use analytics::slo::{FreezeBreaks, freeze_breaks};
use analytics::{Dora, Filter, Prepared, Report, week_label};
use model::TextColumn;
use model::bundle::Site;
use model::dates;
use views::dora::{Card, DoraView};
use views::filter::{Controls, FilterQuery};

/// DORA's four keys for the chosen window, services and environment, recomputed in the
/// browser on every change of filter.
#[component]
pub fn DoraPage() -> Html {
    let site = use_site();
    let ids = use_deploy_ids();
    let slos = use_slos();
    let query: FilterQuery = use_location().and_then(|l| l.query::<FilterQuery>().ok()).unwrap_or_default();
    let as_of = today(&site);
    let parsed = query.filter(&site, as_of);
    // Timed inside the memos: a re-render that computes nothing must not report 0 ms.
    let prepared = use_memo(site.clone(), |site| timed(|| Prepared::new(site)));
    let report = use_memo((site.clone(), parsed.clone().ok()), |(site, filter)| {
        let filter = filter.as_ref()?;
        let (report, elapsed) = timed(|| Report::prepared(site, &prepared.0, as_of, filter));
        // Milliseconds since the navigation began: what a visitor waits for the figures.
        Some((report, elapsed, now_ms()))
    });
    if site.deploys.is_empty() {
        return html! { <Problem title="No deployments" message="This repo has no content/metrics/deployments.csv yet; docs/formats.md describes it." /> };
    }
    let controls = Controls::of(&query, parsed.as_ref(), &site, site.deploys.services.clone());
    let body = match (&parsed, report.as_ref()) {
        (Err(e), _) => html! { <Problem title="These filters cannot be applied" message={e.to_string()} /> },
        (Ok(filter), Some((report, elapsed, ready))) => {
            let timing = Timing { compute: *elapsed, ready: *ready, prepare: prepared.1, load: site.1 };
            let freezes = breaks(&site, &slos, filter);
            figures(&site, &report.dora, freezes.as_ref(), &ids, &timing)
        }
        (Ok(_), None) => Html::default(),
    };
    html! {
        <>
            <h1>{ "Delivery performance (DORA)" }</h1>
            <DoraFilters {query} {controls} route={Route::Dora} />
            { body }
        </>
    }
}

/// The freeze-breaking deployments under the same filter, once the SLOs are assessed; none
/// for a repo without SLOs, which has no freezes to break.
fn breaks(site: &Site, slos: &Load<Rc<Slos>>, filter: &Filter) -> Option<FreezeBreaks> {
    match slos {
        Load::Ready(slos) if !site.slos.is_empty() => Some(freeze_breaks(&slos.statuses, filter)),
        _ => None,
    }
}

/// Milliseconds, exposed as `data-*` attributes for the benchmarks.
struct Timing {
    compute: f64,
    ready: f64,
    prepare: f64,
    load: crate::app::data::LoadTime,
}

fn figures(
    site: &Site,
    dora: &Dora,
    freezes: Option<&FreezeBreaks>,
    ids: &Rc<Load<Rc<TextColumn>>>,
    timing: &Timing,
) -> Html {
    let view = DoraView::of(dora, freezes);
    let ms = |v: f64| format!("{v:.3}");
    html! {
        <>
            <p class="muted" data-compute-ms={ms(timing.compute)} data-ready-ms={ms(timing.ready)} data-prepare-ms={ms(timing.prepare)}
                data-fetch-ms={ms(timing.load.fetch_ms)} data-parse-ms={ms(timing.load.parse_ms)} data-decode-ms={ms(timing.load.decode_ms)}>
                { format!("{} · computed in {:.1} ms", view.scope, timing.compute) }
            </p>
            <section class="cards" aria-label="DORA metrics">{ for view.cards.iter().map(card) }</section>
            { details(&view) }
            if let Some(text) = &view.freezes {
                <p class="freeze-breaks">
                    <Link<Route> to={Route::Slos}>{ text.clone() }</Link<Route>>
                </p>
            }
            if !view.excluded.is_empty() {
                <p class="notice excluded">{ "Left out of these figures: " }
                    { for view.excluded.iter().map(|text| html! { <span class="chip">{ text.clone() }</span> }) }
                    { " — `firebreak check` lists each with its file and line." }
                </p>
            }
            { charts(dora) }
            { per_service(&view) }
            { failed_deployments(site, dora, ids) }
        </>
    }
}

fn card(card: &Card) -> Html {
    let h = &card.headline;
    html! {
        <div class="card">
            <span class="value">{ h.text.clone() }</span>
            <span class="label">{ h.name.clone() }</span>
            if let Some(level) = card.level { <span class={classes!("level", level.label().to_lowercase())}>{ level.label() }</span> }
            if !card.change.is_empty() { <span class="change">{ card.change.clone() }</span> }
        </div>
    }
}

fn details(view: &DoraView) -> Html {
    html! {
        <table class="list details">
            <tbody>{ for view.details.iter().map(|row| html! {
                <tr>{ for row.iter().map(|(label, value)| html! { <><th>{ label.clone() }</th><td>{ value.clone() }</td></> }) }</tr>
            }) }</tbody>
        </table>
    }
}

fn charts(dora: &Dora) -> Html {
    let weekly = |value: fn(&analytics::WeekFigures) -> usize| {
        dora.weekly.iter().map(|w| (week_label(w.week), value(w))).collect::<Vec<_>>()
    };
    let histogram =
        |h: &analytics::Histogram| h.labels.iter().cloned().zip(h.counts.iter().copied()).collect::<Vec<_>>();
    html! {
        <div class="chart-row">
            <BarChart bars={weekly(|w| w.deployments)} caption="Deployments per week" />
            <BarChart bars={weekly(|w| percent(w.failed, w.deployments))} caption="Change failure rate per week (%)" />
            <BarChart bars={weekly(|w| w.lead_time_median_hours.unwrap_or(0.0).round() as usize)} caption="Median lead time per week (hours)" />
            <BarChart bars={histogram(&dora.lead_time_histogram)} caption="Lead time for changes" />
            <BarChart bars={histogram(&dora.restore_histogram)} caption="Time to restore service" />
        </div>
    }
}

fn per_service(view: &DoraView) -> Html {
    let freezes = view.freezes.is_some();
    html! {
        <>
            <h2>{ "By service" }</h2>
            <table class="list per-service">
                <thead><tr>
                    <th>{ "Service" }</th><th>{ "Deployments" }</th><th>{ "Failed" }</th><th>{ "Change failure rate" }</th><th>{ "Lead time (median)" }</th>
                    if freezes { <th>{ "During a freeze" }</th> }
                </tr></thead>
                <tbody>{ for view.per_service.iter().map(|s| html! {
                    <tr>
                        <td><Link<Route> to={Route::Service { name: s.service.clone() }}>{ s.service.clone() }</Link<Route>></td>
                        <td>{ s.deployments }</td><td>{ s.failed }</td>
                        <td>{ s.change_failure_rate.clone() }</td><td>{ s.lead_time.clone() }</td>
                        if let Some(count) = s.freeze_breaks { <td>{ count }</td> }
                    </tr>
                }) }</tbody>
            </table>
        </>
    }
}

fn failed_deployments(site: &Site, dora: &Dora, ids: &Rc<Load<Rc<TextColumn>>>) -> Html {
    let incident = |id: &String| {
        if site.postmortems.iter().any(|pm| &pm.meta.id == id) {
            html! { <Link<Route> to={Route::Postmortem { id: id.clone() }} classes="chip">{ id.clone() }</Link<Route>> }
        } else {
            html! { <code class="chip">{ id.clone() }</code> }
        }
    };
    html! {
        <>
            <h2>{ format!("Failed deployments ({})", dora.failed_deployments.len()) }</h2>
            <table class="list failed-deployments">
                <thead><tr><th>{ "Finished" }</th><th>{ "Deployment" }</th><th>{ "Service" }</th><th>{ "Status" }</th><th>{ "Incidents" }</th></tr></thead>
                <tbody>{ for dora.failed_deployments.iter().map(|d| html! {
                    <tr>
                        <td class="nowrap">{ d.finished_at.format(dates::DATE_TIME).to_string() }</td>
                        <td>{ deploy_id_cell(ids, d.row, d.deploy_id.as_deref()) }</td>
                        <td>{ d.service.clone() }</td>
                        <td>{ d.status.label() }</td>
                        <td>{ for d.incidents.iter().map(incident) }</td>
                    </tr>
                }) }</tbody>
            </table>
        </>
    }
}

fn percent(part: usize, whole: usize) -> usize {
    if whole == 0 { 0 } else { (part as f64 / whole as f64 * 100.0).round() as usize }
}
