use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::data::{today, use_site};
use crate::app::route::Route;
use model::RunbookSummary;

/// Days since the runbook was last reviewed, and whether that exceeds its review period.
pub fn review_age(rb: &RunbookSummary, as_of: chrono::NaiveDate) -> (i64, bool) {
    let days = (as_of - rb.meta.last_reviewed).num_days();
    (days, days > i64::from(rb.meta.review_every.days))
}

#[component]
pub fn RunbookList() -> Html {
    let site = use_site();
    let as_of = today(&site);
    html! {
        <>
            <h1>{ "Runbooks" }</h1>
            <table class="list">
                <thead><tr><th>{ "Title" }</th><th>{ "Service" }</th><th>{ "Owner" }</th><th>{ "Alerts" }</th><th>{ "Last reviewed" }</th></tr></thead>
                <tbody>
                    { for site.runbooks.iter().map(|rb| {
                        let (days, stale) = review_age(rb, as_of);
                        html! {
                            <tr>
                                <td><Link<Route> to={Route::Runbook { slug: rb.slug.clone() }}>{ rb.meta.title.clone() }</Link<Route>></td>
                                <td>{ rb.meta.service.clone() }</td>
                                <td>{ rb.meta.owner.clone() }</td>
                                <td>{ for rb.meta.alerts.iter().map(|a| html! { <code class="chip">{ a.clone() }</code> }) }</td>
                                <td class={classes!("nowrap", stale.then_some("stale"))}>{ format!("{} ({days} days ago)", rb.meta.last_reviewed) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </>
    }
}
