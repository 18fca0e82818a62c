//! `/alerts/<AlertName>`: the runbook that lists this alert, so an alert's `runbook_url` can
//! point at the site, and then how the alert has paged over the window (`?since=&until=`).

use yew::prelude::*;
use yew_router::prelude::*;

use super::RunbookPage;
use super::alerts::{alerts_view, runbooks};
use crate::app::components::{Problem, when_loaded};
use crate::app::data::{use_oncall, use_site};
use views::alert_quality::AlertsQuery;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: AttrValue,
}

#[component]
pub fn AlertPage(props: &Props) -> Html {
    let site = use_site();
    let runbook = match site.runbooks.iter().find(|rb| rb.meta.alerts.iter().any(|a| a == props.name.as_str())) {
        Some(rb) => html! { <RunbookPage slug={rb.slug.clone()} /> },
        None => html! {
            <Problem title="No runbook for this alert" message={format!("No runbook lists the alert `{}` under `alerts:`.", props.name)} />
        },
    };
    html! {
        <>
            { runbook }
            <AlertFigures name={props.name.clone()} />
        </>
    }
}

#[component]
fn AlertFigures(props: &Props) -> Html {
    let site = use_site();
    let oncall = use_oncall();
    let query: AlertsQuery = use_location().and_then(|l| l.query::<AlertsQuery>().ok()).unwrap_or_default();
    let name = props.name.as_str();
    let body = when_loaded(&oncall, "the on-call data", |oncall| match alerts_view(&site, oncall, &query) {
        Err(problem) => problem,
        Ok((view, _)) => {
            let window = format!("from {} to {}", view.window.since, view.window.until);
            match view.row(name) {
                None if view.quiet.iter().any(|q| q == name) => {
                    html! { <p class="alert-quiet">{ format!("It never paged {window}: a quiet alert.") }</p> }
                }
                None => html! { <p class="alert-quiet">{ format!("It never paged {window}.") }</p> },
                Some(r) => html! {
                    <dl class="facts alert-figures" data-alert={r.alert.clone()}>
                        <dt>{ "Pages" }</dt><dd class="pages">{ format!("{} {window}", r.pages) }</dd>
                        <dt>{ "Actionable" }</dt><dd class="actionable">{ r.actionable.clone() }</dd>
                        <dt>{ "Noise" }</dt><dd class="noise">{ r.noise.clone() }</dd>
                        <dt>{ "Median time to acknowledge" }</dt><dd class="acknowledge">{ r.acknowledge_median.clone() }</dd>
                        <dt>{ "Sleep-hour pages" }</dt><dd class="sleep">{ r.sleep_pages }</dd>
                        <dt>{ "Runbook" }</dt><dd>{ runbooks(r) }</dd>
                        <dt>{ "Last fired" }</dt><dd class="last-fired">{ r.last_fired.clone() }</dd>
                    </dl>
                },
            }
        }
    });
    html! {
        <section class="alert-paging" aria-labelledby="alert-paging">
            <h2 id="alert-paging">{ format!("How {name} has paged") }</h2>
            { body }
        </section>
    }
}
