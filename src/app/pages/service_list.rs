use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::data::use_site;
use crate::app::route::Route;

/// The service catalog, with how much each service appears in the repo.
#[component]
pub fn ServiceList() -> Html {
    let site = use_site();
    html! {
        <>
            <h1>{ "Services" }</h1>
            <table class="list">
                <thead><tr><th>{ "Service" }</th><th>{ "Team" }</th><th>{ "Tier" }</th><th>{ "Postmortems" }</th><th>{ "Runbooks" }</th></tr></thead>
                <tbody>
                    { for site.config.services.iter().map(|(name, service)| {
                        let postmortems = site.postmortems.iter().filter(|pm| pm.meta.services.contains(name)).count();
                        let runbooks = site.runbooks.iter().filter(|rb| &rb.meta.service == name).count();
                        html! {
                            <tr>
                                <td><Link<Route> to={Route::Service { name: name.clone() }}>{ name.clone() }</Link<Route>></td>
                                <td>{ service.team.clone() }</td>
                                <td>{ service.tier }</td>
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
