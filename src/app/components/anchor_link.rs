use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::query::SectionQuery;

#[derive(Properties, PartialEq)]
pub struct AnchorLinkProps {
    /// The id of the element to scroll to.
    pub anchor: AttrValue,
    pub children: Children,
}

/// An in-page link. A bare `href="#x"` would resolve against `<base href>` and leave the
/// page, so the click scrolls instead.
#[component]
pub fn AnchorLink(props: &AnchorLinkProps) -> Html {
    let anchor = props.anchor.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        scroll_to(&anchor);
    });
    html! { <a href={format!("#{}", props.anchor)} {onclick}>{ props.children.clone() }</a> }
}

/// Scrolls the element with this id into view, if it exists.
pub fn scroll_to(id: &str) {
    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        element.scroll_into_view();
    }
}

/// Scrolls to the section a `?section=` link names, once the page is `ready` (rendered).
#[hook]
pub fn use_section_scroll(ready: bool) {
    let section =
        use_location().and_then(|l| l.query::<SectionQuery>().ok()).map(|q| q.section).filter(|s| !s.is_empty());
    use_effect_with((section, ready), |(section, ready)| {
        if let (Some(section), true) = (section, *ready) {
            scroll_to(section);
        }
    });
}
