use yew::prelude::*;
use yew_router::prelude::*;

use super::{ActionStatusBadge, AnchorLink, ItemExtras, RawHtml, scroll_to, use_section_scroll};
use crate::app::data::{today, use_site};
use model::{ActionItem, Section, TimelineEntry};
use views::postmortem::{SectionBody, is_overdue, item_anchor, section_body, timeline_time};

/// `?item=3` deep-links to row 3 of a document's action items (from the action-items page).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ItemQuery {
    pub item: String,
}

#[derive(Properties, PartialEq)]
pub struct DocumentBodyProps {
    pub sections: Vec<Section>,
    /// Parsed timeline entries; a document without them shows its Timeline section as written.
    #[prop_or_default]
    pub timeline: Vec<TimelineEntry>,
    pub action_items: Vec<ActionItem>,
}

/// A postmortem's or drill's table of contents and sections: the same template sections
/// render the same way on both pages, the action-item table included.
#[component]
pub fn DocumentBody(props: &DocumentBodyProps) -> Html {
    let item = use_location().and_then(|l| l.query::<ItemQuery>().ok()).map(|q| q.item).filter(|i| !i.is_empty());
    use_effect_with(item.clone(), |item| {
        if let Some(item) = item {
            scroll_to(&item_anchor(item));
        }
    });
    use_section_scroll(true);
    html! {
        <>
            <nav class="toc" aria-label="Sections">
                { for props.sections.iter().map(|s| html! { <AnchorLink anchor={s.anchor.clone()}>{ html! { s.heading.clone() } }</AnchorLink> }) }
            </nav>
            { for props.sections.iter().map(|s| section(props, s, &item)) }
        </>
    }
}

/// One section, under its heading; `highlight` is the action item the URL points at.
fn section(doc: &DocumentBodyProps, s: &Section, highlight: &Option<String>) -> Html {
    let body = match section_body(s.kind, &doc.timeline, &doc.action_items) {
        SectionBody::Timeline => timeline(&doc.timeline),
        SectionBody::ActionItems => {
            html! { <ActionItems items={doc.action_items.clone()} highlight={highlight.clone()} /> }
        }
        SectionBody::Html => html! { <RawHtml html={s.html.clone()} /> },
    };
    html! { <section id={s.anchor.clone()}><h2>{ s.heading.clone() }</h2>{ body }</section> }
}

fn timeline(entries: &[TimelineEntry]) -> Html {
    html! {
        <ol class="timeline">
            { for entries.iter().map(|e| html! {
                <li>
                    <time datetime={e.at.to_rfc3339()}>{ timeline_time(e) }</time>
                    <RawHtml html={e.html.clone()} class="entry" />
                </li>
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct ItemsProps {
    items: Vec<ActionItem>,
    highlight: Option<String>,
}

#[component]
fn ActionItems(props: &ItemsProps) -> Html {
    let site = use_site();
    let as_of = today(&site);
    html! {
        <table class="list action-items">
            <thead><tr><th>{ "#" }</th><th>{ "Action item" }</th><th>{ "Owner" }</th><th>{ "Due" }</th><th>{ "Status" }</th></tr></thead>
            <tbody>
                { for props.items.iter().map(|item| {
                    let overdue = is_overdue(item, as_of);
                    html! {
                        <tr id={item_anchor(&item.number)} class={classes!((props.highlight.as_ref() == Some(&item.number)).then_some("highlight"))}>
                            <td>{ item.number.clone() }</td>
                            <td>{ item.text.clone() }<ItemExtras item={item.clone()} /></td>
                            <td>{ item.owner.clone() }</td>
                            <td class="nowrap">{ item.due.map_or("—".to_owned(), |d| d.to_string()) }</td>
                            <td><ActionStatusBadge status={item.status} overdue={overdue} /></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
