//! One SLO's page: its definition, headline figures, burn-down and burn-rate charts, its
//! compliance history, and the tables joining it to incidents and deployments. What it shows is
//! `views::slo_detail`; this file lays it out.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{BurnDownChart, BurnRateChart, Card, Problem, when_assessed};
use crate::app::data::{SiteHandle, Slos, now_ms, timed, use_site, use_slos};
use crate::app::route::Route;
use crate::app::shared::Shared;
use analytics::Prepared;
use views::slo_compliance::ComplianceRow;
use views::slo_detail::{Alerted, AlertingRow, ConsumerRow, FreezeRow, PolicyRow, SloDetail};

#[derive(Properties, PartialEq)]
pub struct SloPageProps {
    pub name: AttrValue,
}

#[component]
pub fn SloPage(props: &SloPageProps) -> Html {
    let site = use_site();
    let slos = use_slos();
    let Some(index) = site.slos.iter().position(|s| s.name == props.name.as_str()) else {
        let hint = model::suggest::did_you_mean(&props.name, site.slos.iter().map(|s| s.name.as_str()));
        return html! { <Problem title="No such SLO" message={format!("no SLO is named `{}`{hint}", props.name)} /> };
    };
    when_assessed(&slos, |slos| html! { <SloFigures site={site.clone()} slos={Shared(slos.clone())} {index} /> })
}

#[derive(Properties, PartialEq)]
struct FiguresProps {
    site: SiteHandle,
    slos: Shared<Slos>,
    index: usize,
}

#[component]
fn SloFigures(props: &FiguresProps) -> Html {
    let detail = use_memo((props.site.clone(), props.index), |(site, index)| {
        let prepared = Prepared::new(site);
        let (slo, status, events) = (&site.slos[*index], &props.slos.statuses[*index], &props.slos.events[*index]);
        let (detail, elapsed) = timed(|| SloDetail::of(site, &prepared.incidents, slo, status, events));
        (detail, elapsed, now_ms())
    });
    let (d, elapsed, ready) = (&detail.0, detail.1, detail.2);
    let ms = |v: f64| format!("{v:.3}");
    html! {
        <article class="slo" data-slo={d.row.name.clone()}>
            <h1>{ d.row.display_name.clone() }</h1>
            <p class="muted" data-compute-ms={ms(elapsed)} data-ready-ms={ms(ready)}>
                <Link<Route> to={Route::Service { name: d.row.service.clone() }}>{ d.row.service.clone() }</Link<Route>>
                { format!(" · {} · ", d.definition) }<code>{ d.row.name.clone() }</code>
            </p>
            <section class="cards" aria-label="SLO figures">
                { for d.cards.iter().map(|(label, value)| html! { <Card label={label.clone()} value={value.clone()} /> }) }
            </section>
            <h2>{ "Error budget" }</h2>
            <BurnDownChart days={Shared::new(d.burn_down.clone())} />
            { compliance(&d.compliance) }
            <h2>{ "Burn rate and alerts" }</h2>
            <BurnRateChart chart={Shared::new(d.chart.clone())} />
            { alerting(&d.policies, &d.alerting) }
            { consumers(&d.consumers) }
            { freezes(&d.freezes) }
        </article>
    }
}

fn incident_link(id: &str, path: &Option<String>) -> Html {
    match path {
        Some(_) => html! { <Link<Route> to={Route::Postmortem { id: id.to_owned() }}>{ id.to_owned() }</Link<Route>> },
        None => html! { id.to_owned() },
    }
}

fn compliance(rows: &[ComplianceRow]) -> Html {
    html! {
        <>
            <h2>{ "Compliance history" }</h2>
            if rows.is_empty() {
                <p class="muted">{ "No events yet, so no period to judge." }</p>
            } else {
                <table class="list compliance">
                    <thead><tr><th>{ "Period" }</th><th>{ "Attainment" }</th><th>{ "Error budget" }</th><th>{ "Target met" }</th></tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! {
                        <tr data-period={r.period.clone()} data-to-date={r.to_date.to_string()}>
                            <th>{ r.period.clone() }if r.to_date { <span class="muted">{ " to date" }</span> }</th>
                            <td class="attainment">{ r.attainment.clone() }</td>
                            <td class="remaining">{ r.remaining.clone() }</td>
                            <td class={classes!("verdict", r.verdict.replace(' ', "-"))}>{ r.verdict }</td>
                        </tr>
                    }) }</tbody>
                </table>
            }
        </>
    }
}

fn alerting(policies: &[PolicyRow], rows: &[AlertingRow]) -> Html {
    html! {
        <>
            <h2>{ "Would the alerts have caught it?" }</h2>
            <table class="list alert-policies">
                <thead><tr><th>{ "Alerts" }</th><th>{ "Precision" }</th><th>{ "Recall" }</th><th>{ "Incidents missed" }</th><th>{ "Firings with no incident" }</th></tr></thead>
                <tbody>{ for policies.iter().map(|p| html! {
                    <tr data-severity={p.severity}><th>{ p.severity }</th><td class="precision">{ p.precision.clone() }</td><td class="recall">{ p.recall.clone() }</td><td>{ p.missed }</td><td>{ p.false_alarms }</td></tr>
                }) }</tbody>
            </table>
            if !rows.is_empty() {
                <table class="list alert-backtest">
                    <thead><tr><th>{ "Incident" }</th>{ for policies.iter().map(|p| html! { <th>{ format!("{} alerts", p.severity) }</th> }) }</tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! {
                        <tr><td>{ incident_link(&r.incident, &r.path) }</td>{ for r.policies.iter().map(alerted) }</tr>
                    }) }</tbody>
                </table>
            }
        </>
    }
}

fn alerted(a: &Alerted) -> Html {
    html! {
        <td>{ a.alerted.clone() }if !a.against_detection.is_empty() { <br /><span class="muted">{ a.against_detection.clone() }</span> }</td>
    }
}

fn consumers(rows: &[ConsumerRow]) -> Html {
    if rows.is_empty() {
        return html! { <><h2>{ "Top budget consumers" }</h2><p class="muted">{ "No incident of this service spent budget in the window." }</p></> };
    }
    html! {
        <>
            <h2>{ "Top budget consumers" }</h2>
            <table class="list consumers">
                <thead><tr><th>{ "Incident" }</th><th>{ "Budget spent" }</th><th>{ "Caused by deployments" }</th></tr></thead>
                <tbody>{ for rows.iter().map(|r| html! {
                    <tr data-incident={r.incident.clone()}><td>{ incident_link(&r.incident, &r.path) }</td><td class="share">{ r.share.clone() }</td><td>{ r.caused_by_deploys.join(", ") }</td></tr>
                }) }</tbody>
            </table>
        </>
    }
}

fn freezes(rows: &[FreezeRow]) -> Html {
    html! {
        <>
            <h2>{ "Deployments during a freeze" }</h2>
            if rows.is_empty() {
                <p class="muted">{ "None: no production deployment of the service shipped while its policy froze changes." }</p>
            } else {
                <table class="list freezes">
                    <thead><tr><th>{ "Deployment" }</th><th>{ "Day" }</th><th>{ "Policy" }</th><th>{ "Budget" }</th></tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! {
                        <tr><td><code>{ r.deploy.clone() }</code></td><td>{ r.day.to_string() }</td><td>{ r.state }</td><td>{ r.remaining.clone() }</td></tr>
                    }) }</tbody>
                </table>
            }
        </>
    }
}
