use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::route::Route;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub label: AttrValue,
    pub value: AttrValue,
    /// Makes the whole card a link.
    #[prop_or_default]
    pub to: Option<Route>,
}

/// One headline figure.
#[component]
pub fn Card(props: &CardProps) -> Html {
    let inner = html! { <><span class="value">{ props.value.clone() }</span><span class="label">{ props.label.clone() }</span></> };
    match &props.to {
        Some(to) => html! { <Link<Route> to={to.clone()} classes="card">{ inner }</Link<Route>> },
        None => html! { <div class="card">{ inner }</div> },
    }
}
