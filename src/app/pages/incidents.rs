use yew::prelude::*;
use yew_router::prelude::*;

use super::dora_filters::{DoraFilters, DoraQuery};
use crate::app::components::BarChart;
use crate::app::data::{today, use_site};
use crate::app::route::Route;
use analytics::{Distribution, Prepared, Report};
use views::format::format_hours;

/// Incident response: how long each phase takes, the severity mix, and how often each
/// service breaks. Medians and p90s, never a mean alone: durations are heavily skewed.
#[component]
pub fn IncidentsPage() -> Html {
    let site = use_site();
    let query: DoraQuery = use_location().and_then(|l| l.query::<DoraQuery>().ok()).unwrap_or_default();
    let as_of = today(&site);
    let filter = query.filter(&site, as_of);
    let prepared = use_memo(site.clone(), |site| Prepared::new(site));
    let report =
        use_memo((site.clone(), filter.clone()), |(site, filter)| Report::prepared(site, &prepared, as_of, filter));
    let s = &report.incidents;
    let teams: Vec<String> = site.config.services.values().map(|s| s.team.clone()).collect();
    let mut services: Vec<String> = site.config.services.keys().cloned().collect();
    services.extend(site.deploys.services.iter().cloned());
    let row = |name: &str, d: &Distribution| {
        html! {
            <tr><th>{ name.to_owned() }</th><td>{ format_hours(d.median) }</td><td>{ format_hours(d.p90) }</td><td>{ d.count }</td></tr>
        }
    };
    html! {
        <>
            <h1>{ "Incidents" }</h1>
            <DoraFilters query={query.clone()} filter={filter.clone()} {services} {teams} environments={site.deploys.environments.clone()} route={Route::Incidents} />
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
                <BarChart bars={s.severity_by_month.iter().map(|m| (m.month.format("%b %Y").to_string(), m.counts.iter().sum())).collect::<Vec<_>>()} caption="Incidents per month" />
            </div>
            <h2>{ "Severity mix by month" }</h2>
            <table class="list severity-mix">
                <thead><tr><th>{ "Month" }</th><th>{ "SEV1" }</th><th>{ "SEV2" }</th><th>{ "SEV3" }</th><th>{ "SEV4" }</th></tr></thead>
                <tbody>{ for s.severity_by_month.iter().map(|m| html! {
                    <tr><th>{ m.month.format("%B %Y").to_string() }</th>{ for m.counts.iter().map(|c| html! { <td>{ *c }</td> }) }</tr>
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
