use yew::prelude::*;

use super::RunbookPage;
use crate::app::components::Problem;
use crate::app::data::use_site;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: AttrValue,
}

/// `/alerts/<AlertName>`: the runbook that lists this alert, so an alert's `runbook_url` can
/// point at the site.
#[component]
pub fn AlertPage(props: &Props) -> Html {
    let site = use_site();
    match site.runbooks.iter().find(|rb| rb.meta.alerts.iter().any(|a| a == props.name.as_str())) {
        Some(rb) => html! { <RunbookPage slug={rb.slug.clone()} /> },
        None => html! {
            <Problem title="No runbook for this alert" message={format!("No runbook lists the alert `{}` under `alerts:`.", props.name)} />
        },
    }
}
