use yew::prelude::*;
use yew_router::prelude::*;

use super::dora_filters::{DoraFilters, DoraQuery};
use crate::app::components::{BarChart, Problem, deploy_id_cell};
use crate::app::data::{now_ms, timed, today, use_deploy_ids, use_site};
use crate::app::route::Route;
use analytics::{DoraLevel, Figures, Prepared, Report, week_label};
use views::format::{format_hours, format_percent};

/// DORA's four keys for the chosen window, services and environment, recomputed in the
/// browser on every change of filter.
#[component]
pub fn DoraPage() -> Html {
    let site = use_site();
    let ids = use_deploy_ids();
    let query: DoraQuery = use_location().and_then(|l| l.query::<DoraQuery>().ok()).unwrap_or_default();
    let as_of = today(&site);
    let filter = query.filter(&site, as_of);
    // Timed inside the memos: a re-render that computes nothing must not report 0 ms.
    let prepared = use_memo(site.clone(), |site| timed(|| Prepared::new(site)));
    let report = use_memo((site.clone(), filter.clone()), |(site, filter)| {
        let (report, elapsed) = timed(|| Report::prepared(site, &prepared.0, as_of, filter));
        // Milliseconds since the navigation began: what a visitor waits for the figures.
        (report, elapsed, now_ms())
    });
    let (report, elapsed, ready) = (&report.0, report.1, report.2);
    let dora = &report.dora;
    let (now, before) = (&dora.current, &dora.previous);
    let teams: Vec<String> = site.config.services.values().map(|s| s.team.clone()).collect();
    let environments = site.deploys.environments.clone();
    if site.deploys.is_empty() {
        return html! { <Problem title="No deployments" message="This repo has no content/metrics/deployments.csv yet; docs/formats.md describes it." /> };
    }
    html! {
        <>
            <h1>{ "Delivery performance (DORA)" }</h1>
            <DoraFilters query={query.clone()} filter={filter.clone()} services={site.deploys.services.clone()} {teams} {environments} route={Route::Dora} />
            <p class="muted" data-compute-ms={format!("{elapsed:.3}")} data-ready-ms={format!("{ready:.3}")} data-prepare-ms={format!("{:.3}", prepared.1)} data-fetch-ms={format!("{:.3}", site.1.fetch_ms)} data-parse-ms={format!("{:.3}", site.1.parse_ms)} data-decode-ms={format!("{:.3}", site.1.decode_ms)}>
                { format!("{} – {} ({} days) · levels of the {} State of DevOps report · computed in {elapsed:.1} ms",
                    filter.window.since, filter.window.until, filter.window.days(), dora.levels.year) }
            </p>
            <section class="cards" aria-label="DORA metrics">
                <Headline label="Deployments / week" value={format!("{:.1}", now.deployments_per_week)} level={Some(dora.levels.deployment_frequency)}
                    change={change(now.deployments_per_week, before.deployments_per_week)} />
                <Headline label="Lead time (median)" value={format_hours(now.lead_time_hours.median)} level={dora.levels.lead_time}
                    change={now.lead_time_hours.median.zip(before.lead_time_hours.median).map(|(a, b)| change(a, b)).unwrap_or_default()} />
                <Headline label="Change failure rate" value={format_percent(now.change_failure_rate)} level={dora.levels.change_failure_rate}
                    change={now.change_failure_rate.zip(before.change_failure_rate).map(|(a, b)| points(a, b)).unwrap_or_default()} />
                <Headline label="Recovery (median)" value={format_hours(now.recovery_hours.median.or(now.time_to_restore_hours.median))} level={dora.levels.recovery}
                    change={String::new()} />
            </section>
            <Details figures={now.clone()} />
            if !dora.excluded.is_empty() {
                <p class="notice excluded">{ "Left out of these figures: " }
                    { for dora.excluded.iter().map(|(reason, count)| html! { <span class="chip">{ format!("{count} {reason}") }</span> }) }
                    { " — `firebreak check` lists each with its file and line." }
                </p>
            }
            <div class="chart-row">
                <BarChart bars={dora.weekly.iter().map(|w| (week_label(w.week), w.deployments)).collect::<Vec<_>>()} caption="Deployments per week" />
                <BarChart bars={dora.weekly.iter().map(|w| (week_label(w.week), percent(w.failed, w.deployments))).collect::<Vec<_>>()} caption="Change failure rate per week (%)" />
                <BarChart bars={dora.weekly.iter().map(|w| (week_label(w.week), w.lead_time_median_hours.unwrap_or(0.0).round() as usize)).collect::<Vec<_>>()} caption="Median lead time per week (hours)" />
                <BarChart bars={dora.lead_time_histogram.labels.iter().cloned().zip(dora.lead_time_histogram.counts.iter().copied()).collect::<Vec<_>>()} caption="Lead time for changes" />
                <BarChart bars={dora.restore_histogram.labels.iter().cloned().zip(dora.restore_histogram.counts.iter().copied()).collect::<Vec<_>>()} caption="Time to restore service" />
            </div>
            <h2>{ "By service" }</h2>
            <table class="list per-service">
                <thead><tr><th>{ "Service" }</th><th>{ "Deployments" }</th><th>{ "Failed" }</th><th>{ "Change failure rate" }</th><th>{ "Lead time (median)" }</th></tr></thead>
                <tbody>{ for dora.per_service.iter().map(|s| html! {
                    <tr>
                        <td><Link<Route> to={Route::Service { name: s.service.clone() }}>{ s.service.clone() }</Link<Route>></td>
                        <td>{ s.deployments }</td><td>{ s.failed }</td>
                        <td>{ format_percent(s.change_failure_rate) }</td><td>{ format_hours(s.lead_time_median_hours) }</td>
                    </tr>
                }) }</tbody>
            </table>
            <h2>{ format!("Failed deployments ({})", dora.failed_deployments.len()) }</h2>
            <table class="list failed-deployments">
                <thead><tr><th>{ "Finished" }</th><th>{ "Deployment" }</th><th>{ "Service" }</th><th>{ "Status" }</th><th>{ "Incidents" }</th></tr></thead>
                <tbody>{ for dora.failed_deployments.iter().map(|d| html! {
                    <tr>
                        <td class="nowrap">{ d.finished_at.format("%Y-%m-%d %H:%M").to_string() }</td>
                        <td>{ deploy_id_cell(&ids, d.row, d.deploy_id.as_deref()) }</td>
                        <td>{ d.service.clone() }</td>
                        <td>{ d.status.label() }</td>
                        <td>{ for d.incidents.iter().map(|id| {
                            if site.postmortems.iter().any(|pm| &pm.meta.id == id) {
                                html! { <Link<Route> to={Route::Postmortem { id: id.clone() }} classes="chip">{ id.clone() }</Link<Route>> }
                            } else {
                                html! { <code class="chip">{ id.clone() }</code> }
                            }
                        }) }</td>
                    </tr>
                }) }</tbody>
            </table>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct HeadlineProps {
    label: AttrValue,
    value: AttrValue,
    level: Option<DoraLevel>,
    change: AttrValue,
}

#[component]
fn Headline(props: &HeadlineProps) -> Html {
    html! {
        <div class="card">
            <span class="value">{ props.value.clone() }</span>
            <span class="label">{ props.label.clone() }</span>
            if let Some(level) = props.level { <span class={classes!("level", level.label().to_lowercase())}>{ level.label() }</span> }
            if !props.change.is_empty() { <span class="change">{ props.change.clone() }</span> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    figures: Figures,
}

#[component]
fn Details(props: &DetailsProps) -> Html {
    let f = &props.figures;
    html! {
        <table class="list details">
            <tbody>
                <tr><th>{ "Deployments" }</th><td>{ f.deployments }</td><th>{ "Deploy days / week" }</th><td>{ format!("{:.1}", f.deploy_days_per_week) }</td></tr>
                <tr><th>{ "Per day" }</th><td>{ format!("{:.2}", f.deployments_per_day) }</td><th>{ "Per month" }</th><td>{ format!("{:.1}", f.deployments_per_month) }</td></tr>
                <tr><th>{ "Lead time p90" }</th><td>{ format_hours(f.lead_time_hours.p90) }</td><th>{ "Changes measured" }</th><td>{ f.lead_time_hours.count }</td></tr>
                <tr><th>{ "Failed deployments" }</th><td>{ f.failed_deployments }</td><th>{ "Rework rate" }</th><td>{ format_percent(f.rework_rate) }</td></tr>
                <tr><th>{ "Time to restore (median · p90)" }</th><td>{ format!("{} · {}", format_hours(f.time_to_restore_hours.median), format_hours(f.time_to_restore_hours.p90)) }</td>
                    <th>{ "Failed-deployment recovery (median · p90)" }</th><td>{ format!("{} · {}", format_hours(f.recovery_hours.median), format_hours(f.recovery_hours.p90)) }</td></tr>
            </tbody>
        </table>
    }
}

/// "+12 % vs previous period", or nothing when there was nothing before.
fn change(now: f64, before: f64) -> String {
    if before == 0.0 {
        return String::new();
    }
    format!("{:+.0} % vs previous period", (now - before) / before * 100.0)
}

/// Rates change in percentage points, not percent.
fn points(now: f64, before: f64) -> String {
    format!("{:+.1} pts vs previous period", (now - before) * 100.0)
}

fn percent(part: usize, whole: usize) -> usize {
    if whole == 0 { 0 } else { (part as f64 / whole as f64 * 100.0).round() as usize }
}
