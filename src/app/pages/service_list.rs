use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::stage_chip;
use crate::app::data::{use_readiness, use_site};
use crate::app::route::Route;
use views::readiness;

/// The service catalog, with each service's readiness stage and how much it appears in the repo.
#[component]
pub fn ServiceList() -> Html {
    let site = use_site();
    let ready = use_readiness();
    let stages = readiness::rows(&ready.services);
    html! {
        <>
            <h1>{ "Services" }</h1>
            <p class="muted">{ format!("Readiness as of {}: time to restore over the last 90 days.", ready.drills.as_of) }</p>
            <table class="list services" data-as-of={ready.drills.as_of.to_string()}>
                <thead><tr><th>{ "Service" }</th><th>{ "Team" }</th><th>{ "Tier" }</th><th>{ "Readiness" }</th><th>{ "Next stage needs" }</th><th>{ "Postmortems" }</th><th>{ "Runbooks" }</th></tr></thead>
                <tbody>
                    { for site.config.services.iter().map(|(name, service)| {
                        let postmortems = site.postmortems.iter().filter(|pm| pm.meta.services.contains(name)).count();
                        let runbooks = site.runbooks.iter().filter(|rb| &rb.meta.service == name).count();
                        let stage = stages.iter().find(|r| &r.service == name);
                        html! {
                            <tr data-service={name.clone()}>
                                <td><Link<Route> to={Route::Service { name: name.clone() }}>{ name.clone() }</Link<Route>></td>
                                <td>{ service.team.clone() }</td>
                                <td>{ service.tier }</td>
                                <td>{ stage.map(stage_chip).unwrap_or_default() }</td>
                                <td class="muted">{ stage.map(|r| r.held_back_by.join("; ")).unwrap_or_default() }</td>
                                <td>{ postmortems }</td>
                                <td>{ runbooks }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </>
    }
}
