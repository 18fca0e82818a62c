use yew::prelude::*;
use yew_router::prelude::*;

use super::service_readiness::{ServiceDrills, ServiceReadiness};
use crate::app::components::{Problem, SeverityBadge, SloRows, deploy_id_cell, when_assessed};
use crate::app::data::{use_deploy_ids, use_site, use_slos};
use crate::app::route::Route;
use model::dates;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: AttrValue,
}

/// Deployments shown on a service page, newest first.
const RECENT_DEPLOYS: usize = 15;

/// One service: its owner, incidents, runbooks and deployments, each linked.
#[component]
pub fn ServicePage(props: &Props) -> Html {
    let site = use_site();
    let ids = use_deploy_ids();
    let name = props.name.to_string();
    let catalog = site.config.services.get(&name);
    let postmortems: Vec<_> = site.postmortems.iter().filter(|pm| pm.meta.services.contains(&name)).collect();
    let runbooks: Vec<_> = site.runbooks.iter().filter(|rb| rb.meta.service == name).collect();
    let has_slos = site.slos.iter().any(|slo| slo.service == name);
    let incidents: Vec<_> = site.incidents.iter().filter(|i| i.service == name).collect();
    let log = &site.deploys;
    // Newest first: the log is in time order.
    let code = log.services.iter().position(|s| *s == name).map(|code| code as u16);
    let deploys: Vec<usize> = (0..log.len()).rev().filter(|row| Some(log.kind_of(*row).service) == code).collect();
    if catalog.is_none() && postmortems.is_empty() && runbooks.is_empty() && deploys.is_empty() && !has_slos {
        return html! { <Problem title="No such service" message={format!("Nothing in this repo mentions the service `{name}`.")} /> };
    }
    let has_postmortem = |id: &str| site.postmortems.iter().any(|pm| pm.meta.id == id);
    html! {
        <article class="document service">
            <h1>{ name.clone() }</h1>
            if let Some(service) = catalog {
                <dl class="facts">
                    <dt>{ "Team" }</dt><dd>{ service.team.clone() }</dd>
                    <dt>{ "Tier" }</dt><dd>{ service.tier }</dd>
                    if !service.description.is_empty() { <dt>{ "About" }</dt><dd>{ service.description.clone() }</dd> }
                </dl>
            }
            if catalog.is_some() { <ServiceReadiness name={name.clone()} /> }
            if has_slos { <ServiceSlos name={name.clone()} /> }
            if catalog.is_some() { <ServiceDrills name={name.clone()} /> }
            <h2>{ format!("Postmortems ({})", postmortems.len()) }</h2>
            <ul class="latest">
                { for postmortems.iter().map(|pm| html! {
                    <li>
                        <SeverityBadge severity={pm.meta.severity} />
                        <Link<Route> to={Route::Postmortem { id: pm.meta.id.clone() }}>{ pm.meta.title.clone() }</Link<Route>>
                        <span class="muted">{ format!(" · {}", pm.meta.date) }</span>
                    </li>
                }) }
            </ul>
            <h2>{ format!("Runbooks ({})", runbooks.len()) }</h2>
            <ul>
                { for runbooks.iter().map(|rb| html! {
                    <li><Link<Route> to={Route::Runbook { slug: rb.slug.clone() }}>{ rb.meta.title.clone() }</Link<Route>></li>
                }) }
            </ul>
            <h2>{ format!("Other incidents ({})", incidents.len()) }</h2>
            <p class="muted">{ "From incidents.csv: incidents without a postmortem." }</p>
            <ul>
                { for incidents.iter().map(|i| html! {
                    <li><SeverityBadge severity={i.severity} />{ format!(" {} · {}", i.incident_id, i.started_at.format(dates::DATE_TIME_UTC)) }</li>
                }) }
            </ul>
            <h2>{ format!("Deployments ({}; latest {RECENT_DEPLOYS})", deploys.len()) }</h2>
            <table class="list">
                <thead><tr><th>{ "Finished" }</th><th>{ "Deploy" }</th><th>{ "Environment" }</th><th>{ "Status" }</th><th>{ "Caused" }</th></tr></thead>
                <tbody>
                    { for deploys.iter().take(RECENT_DEPLOYS).map(|row| html! {
                        <tr>
                            <td class="nowrap">{ log.finished(*row).format(dates::DATE_TIME).to_string() }</td>
                            <td>{ deploy_id_cell(&ids, *row, None) }</td>
                            <td>{ log.environment_name(*row).to_owned() }</td>
                            <td>{ log.status(*row).label() }</td>
                            <td>{ for log.incidents_named(*row).map(|id| if has_postmortem(id) {
                                html! { <Link<Route> to={Route::Postmortem { id: id.to_owned() }}>{ id.to_owned() }</Link<Route>> }
                            } else {
                                html! { <code>{ id.to_owned() }</code> }
                            }) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </article>
    }
}

/// The service's SLOs with their policy state: where its reliability stands today.
#[component]
fn ServiceSlos(props: &Props) -> Html {
    let slos = use_slos();
    let body =
        when_assessed(&slos, |slos| html! { <SloRows rows={views::slo::of_service(&slos.statuses, &props.name)} /> });
    html! { <><h2>{ "Service level objectives" }</h2>{ body }</> }
}
