use yew::prelude::*;

use model::{ActionItem, ActionKind};

#[derive(Properties, PartialEq)]
pub struct ItemExtrasProps {
    pub item: ActionItem,
}

/// An action item's type and ticket, when it has them. Only http(s) tickets become links.
#[component]
pub fn ItemExtras(props: &ItemExtrasProps) -> Html {
    let kind = props.item.kind.map(|k| match k {
        ActionKind::Mitigate => "mitigate",
        ActionKind::Prevent => "prevent",
    });
    let ticket = props.item.ticket.as_ref().map(|t| {
        if t.starts_with("https://") || t.starts_with("http://") {
            html! { <a class="chip" href={t.clone()} rel="noopener noreferrer">{ "ticket" }</a> }
        } else {
            html! { <code class="chip">{ t.clone() }</code> }
        }
    });
    html! {
        <>
            { for kind.map(|k| html! { <span class="chip">{ k }</span> }) }
            { for ticket }
        </>
    }
}
