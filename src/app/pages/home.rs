use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{BarChart, Card, SeverityBadge};
use crate::app::data::{SiteHandle, today, use_site};
use crate::app::route::Route;
use analytics::{Report, week_label};
use views::format::{format_hours, format_percent};

/// The dashboard: headline counts and figures as of today, the latest postmortems, and a
/// way into every section.
#[component]
pub fn Home() -> Html {
    let site = use_site();
    let as_of = today(&site);
    let report = use_memo((as_of, site.clone()), |(as_of, site)| Report::compute(site, *as_of));
    let dora = &report.dora.current;
    let actions = &report.action_items.stats;
    html! {
        <>
            <h1>{ site.config.title.clone() }</h1>
            <p class="muted">{ format!("As of {} · last {} days ({} – {})", report.as_of, report.dora.filter.window.days(), report.dora.filter.window.since, report.dora.filter.window.until) }</p>
            <section class="cards" aria-label="Counts">
                <Card label="Postmortems" value={report.counts.postmortems.to_string()} to={Route::Postmortems} />
                <Card label="Runbooks" value={report.counts.runbooks.to_string()} to={Route::Runbooks} />
                <Card label="Incidents" value={report.counts.incidents.to_string()} />
                <Card label="Deployments" value={report.counts.deployments.to_string()} />
            </section>
            <h2>{ "Delivery and recovery" }</h2>
            <section class="cards" aria-label="DORA metrics">
                <Card label="Deployments / week" value={format!("{:.1}", dora.deployments_per_week)} />
                <Card label="Lead time (median)" value={format_hours(dora.lead_time_hours.median)} />
                <Card label="Change failure rate" value={format_percent(dora.change_failure_rate)} />
                <Card label="Time to restore (median)" value={format_hours(dora.time_to_restore_hours.median)} />
            </section>
            <BarChart
                bars={report.dora.weekly.iter().map(|w| (week_label(w.week), w.deployments)).collect::<Vec<_>>()}
                caption="Production deployments per week" />
            <h2>{ "Action items" }</h2>
            <section class="cards" aria-label="Action items">
                <Card label="Open" value={actions.open.to_string()} />
                <Card label="Overdue" value={actions.overdue.to_string()} />
                <Card label="Completion" value={format_percent(actions.completion_rate)} />
            </section>
            <h2>{ "Latest postmortems" }</h2>
            <LatestPostmortems site={site.clone()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LatestProps {
    site: SiteHandle,
}

#[component]
fn LatestPostmortems(props: &LatestProps) -> Html {
    html! {
        <ul class="latest">
            { for props.site.postmortems.iter().take(5).map(|pm| html! {
                <li>
                    <SeverityBadge severity={pm.meta.severity} />
                    <Link<Route> to={Route::Postmortem { id: pm.meta.id.clone() }}>{ pm.meta.title.clone() }</Link<Route>>
                    <span class="muted">{ format!(" · {}", pm.meta.date) }</span>
                </li>
            }) }
        </ul>
    }
}
