//! The short SLO table the home and service pages show: each SLO's name, policy state and
//! budget left, linked to its page. The full list, with filters, is the SLO list page.

use yew::prelude::*;
use yew_router::prelude::*;

use std::rc::Rc;

use crate::app::data::{Load, Slos};
use crate::app::route::Route;
use views::slo::SloRow;

/// What `ready` renders once the SLI data is in and assessed.
pub fn when_assessed(slos: &Load<Rc<Slos>>, ready: impl FnOnce(&Rc<Slos>) -> Html) -> Html {
    super::when_loaded(slos, "the SLI data", ready)
}

/// An error-budget policy state, coloured by urgency (static/style.css, `.chip.state-*`).
pub fn state_chip(state: &str) -> Html {
    html! { <span class={classes!("chip", "state", format!("state-{state}"))}>{ state.to_owned() }</span> }
}

#[derive(Properties, PartialEq)]
pub struct SloRowsProps {
    pub rows: Vec<SloRow>,
    /// Adds the service column (the home page lists every service's SLOs).
    #[prop_or_default]
    pub with_service: bool,
}

#[component]
pub fn SloRows(props: &SloRowsProps) -> Html {
    html! {
        <table class="list slo-rows">
            <thead><tr>
                <th>{ "SLO" }</th>
                if props.with_service { <th>{ "Service" }</th> }
                <th>{ "Policy" }</th><th>{ "Error budget" }</th><th>{ "Attainment" }</th>
            </tr></thead>
            <tbody>{ for props.rows.iter().map(|s| html! {
                <tr data-slo={s.name.clone()}>
                    <td><Link<Route> to={Route::Slo { name: s.name.clone() }}>{ s.display_name.clone() }</Link<Route>></td>
                    if props.with_service {
                        <td><Link<Route> to={Route::Service { name: s.service.clone() }}>{ s.service.clone() }</Link<Route>></td>
                    }
                    <td>{ state_chip(s.state) }</td>
                    <td class="remaining">{ s.remaining.clone() }</td>
                    <td class="attainment">{ format!("{} of {}", s.attainment, s.target) }</td>
                </tr>
            }) }</tbody>
        </table>
    }
}
