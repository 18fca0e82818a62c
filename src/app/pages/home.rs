use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{BarChart, Card, SeverityBadge, SloRows, when_assessed};
use crate::app::data::{SiteHandle, today, use_readiness, use_site, use_slos};
use crate::app::route::Route;
use analytics::{Report, week_label};
use views::headline::{self, Headline};
use views::slo_overview::SloOverview;

/// The dashboard: headline counts and figures as of today, the latest postmortems, and a
/// way into every section.
#[component]
pub fn Home() -> Html {
    let site = use_site();
    let as_of = today(&site);
    let report = use_memo((as_of, site.clone()), |(as_of, site)| Report::compute(site, *as_of));
    let delivery = headline::delivery(&report.dora.current);
    let actions = headline::action_items(&report.action_items.stats);
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
            if !site.config.services.is_empty() { <Readiness /> }
            if !site.slos.is_empty() { <ErrorBudgets /> }
            <h2>{ "Delivery and recovery" }</h2>
            <section class="cards" aria-label="DORA metrics">{ for delivery.iter().map(card) }</section>
            <BarChart
                bars={report.dora.weekly.iter().map(|w| (week_label(w.week), w.deployments)).collect::<Vec<_>>()}
                caption="Production deployments per week" />
            <h2>{ "Action items" }</h2>
            <section class="cards" aria-label="Action items">{ for actions.iter().map(card) }</section>
            <h2>{ "Latest postmortems" }</h2>
            <LatestPostmortems site={site.clone()} />
        </>
    }
}

/// How many SLOs are in each policy state, and the ones needing attention, worst first.
#[component]
fn ErrorBudgets() -> Html {
    let site = use_site();
    let slos = use_slos();
    let body = when_assessed(&slos, |slos| {
        let overview = SloOverview::of(&slos.statuses);
        html! {
            <>
                <section class="cards" aria-label="SLO policy states">
                    { for overview.states.iter().map(|(state, count)| html! {
                        <Card label={state.label()} value={count.to_string()} to={Route::Slos} />
                    }) }
                </section>
                <p class="slo-summary" data-as-of={today(&site).to_string()}>{ overview.summary.clone() }</p>
                if !overview.attention.is_empty() {
                    <SloRows rows={overview.attention.clone()} with_service=true />
                }
                if overview.more > 0 {
                    <p><Link<Route> to={Route::Slos}>{ format!("and {} more needing attention", overview.more) }</Link<Route>></p>
                }
            </>
        }
    });
    html! { <><h2>{ "Error budgets" }</h2>{ body }</> }
}

/// How many catalog services are at each stage from firefighting to fire-starting.
#[component]
fn Readiness() -> Html {
    let counts = views::readiness::stage_counts(&use_readiness().services);
    html! {
        <>
            <h2>{ "Readiness" }</h2>
            <section class="cards" aria-label="Readiness stages">
                { for counts.iter().map(|(stage, count)| html! {
                    <Card label={*stage} value={count.to_string()} to={Route::Services} />
                }) }
            </section>
        </>
    }
}

fn card(h: &Headline) -> Html {
    html! { <Card label={h.name.clone()} value={h.text.clone()} /> }
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
