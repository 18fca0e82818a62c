use yew::prelude::*;
use yew_router::prelude::*;

use super::dora_filters::DoraFilters;
use super::service_readiness::OverRtoTable;
use crate::app::components::{BarChart, Problem};
use crate::app::data::{today, use_site};
use crate::app::route::Route;
use analytics::{Distribution, Filter, IncidentStats, Prepared, Report};
use model::bundle::Site;
use model::dates;
use views::filter::{Controls, FilterQuery, incident_services};
use views::format::format_hours;

/// Incident response: how long each phase takes, the severity mix, and how often each
/// service breaks. Medians and p90s, never a mean alone: durations are heavily skewed.
#[component]
pub fn IncidentsPage() -> Html {
    let site = use_site();
    let query: FilterQuery = use_location().and_then(|l| l.query::<FilterQuery>().ok()).unwrap_or_default();
    let as_of = today(&site);
    let parsed = query.filter(&site, as_of);
    let prepared = use_memo(site.clone(), |site| Prepared::new(site));
    let report = use_memo((site.clone(), parsed.clone().ok()), |(site, filter)| {
        filter.as_ref().map(|filter| Report::prepared(site, &prepared, as_of, filter))
    });
    let controls = Controls::of(&query, parsed.as_ref(), &site, incident_services(&site));
    let body = match (&parsed, report.as_ref()) {
        (Err(e), _) => html! { <Problem title="These filters cannot be applied" message={e.to_string()} /> },
        (Ok(filter), Some(report)) => html! {
            <>{ response(filter, &report.incidents) }{ over_rto(&site, &prepared, filter) }</>
        },
        (Ok(_), None) => Html::default(),
    };
    html! {
        <>
            <h1>{ "Incidents" }</h1>
            <DoraFilters {query} {controls} route={Route::Incidents} />
            { body }
        </>
    }
}

/// The window's incidents of the filter's services restored slower than their tier's RTO.
fn over_rto(site: &Site, prepared: &Prepared, filter: &Filter) -> Html {
    let over = analytics::over_rto(&prepared.incidents, &site.config, &prepared.calendar, &filter.window);
    let rows = views::drill_status::over_rto_rows(&over, |service| filter.keeps_service(service));
    html! {
        <>
            <h2>{ "Over their tier's RTO" }</h2>
            <OverRtoTable {rows} caption="Incidents restored slower than their service tier's recovery time objective" />
        </>
    }
}

fn response(filter: &Filter, s: &IncidentStats) -> Html {
    let row = |name: &str, d: &Distribution| {
        html! {
            <tr><th>{ name.to_owned() }</th><td>{ format_hours(d.median) }</td><td>{ format_hours(d.p90) }</td><td>{ d.count }</td></tr>
        }
    };
    html! {
        <>
            <p class="muted">{ format!("{} incidents from {} to {}: {}", s.count, filter.window.since, filter.window.until,
                s.by_severity.iter().map(|(sev, n)| format!("{n} {sev}")).collect::<Vec<_>>().join(", ")) }</p>
            <table class="list response">
                <thead><tr><th>{ "Phase" }</th><th>{ "Median" }</th><th>{ "p90" }</th><th>{ "Incidents" }</th></tr></thead>
                <tbody>
                    { row("Time to detect (detected − started)", &s.time_to_detect_hours) }
                    { row("Time to acknowledge (acknowledged − detected)", &s.time_to_acknowledge_hours) }
                    { row("Time to mitigate (mitigated − acknowledged)", &s.time_to_mitigate_hours) }
                    { row("Time to resolve (resolved − started)", &s.time_to_resolve_hours) }
                </tbody>
            </table>
            <div class="chart-row">
                <BarChart bars={s.time_to_resolve_histogram.labels.iter().cloned().zip(s.time_to_resolve_histogram.counts.iter().copied()).collect::<Vec<_>>()} caption="Time to resolve" />
                <BarChart bars={s.severity_by_month.iter().map(|m| (m.month.format(dates::MONTH_SHORT).to_string(), m.counts.iter().sum())).collect::<Vec<_>>()} caption="Incidents per month" />
            </div>
            <h2>{ "Severity mix by month" }</h2>
            <table class="list severity-mix">
                <thead><tr><th>{ "Month" }</th><th>{ "SEV1" }</th><th>{ "SEV2" }</th><th>{ "SEV3" }</th><th>{ "SEV4" }</th></tr></thead>
                <tbody>{ for s.severity_by_month.iter().map(|m| html! {
                    <tr><th>{ m.month.format(dates::MONTH_NAME).to_string() }</th>{ for m.counts.iter().map(|c| html! { <td>{ *c }</td> }) }</tr>
                }) }</tbody>
            </table>
            <h2>{ "Mean time between failures, by service" }</h2>
            <table class="list mtbf">
                <thead><tr><th>{ "Service" }</th><th>{ "Incidents" }</th><th>{ "MTBF" }</th></tr></thead>
                <tbody>{ for s.mtbf_by_service.iter().map(|m| html! {
                    <tr>
                        <td><Link<Route> to={Route::Service { name: m.service.clone() }}>{ m.service.clone() }</Link<Route>></td>
                        <td>{ m.incidents }</td><td>{ format_hours(m.mtbf_hours) }</td>
                    </tr>
                }) }</tbody>
            </table>
        </>
    }
}
