use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// Makes the `<details>` menus inside `container` fold as menus do: on Escape (focus goes back
/// to the menu's `<summary>`), on a click outside them, and after a link in one navigates —
/// the router changes the page without a reload, so nothing else would close them.
#[hook]
pub fn use_folding_menus(container: &NodeRef) {
    let path = use_location().map(|location| location.path().to_owned());
    let after_navigation = container.clone();
    use_effect_with(path, move |_| fold_except(&after_navigation, None));
    let container = container.clone();
    use_effect_with((), move |_| {
        let document = gloo_utils::document();
        let on_escape = container.clone();
        let keys = gloo_events::EventListener::new(&document, "keydown", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if event.key() == "Escape" {
                fold_on_escape(&on_escape);
            }
        });
        let clicks = gloo_events::EventListener::new(&document, "click", move |event| {
            let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            // A link folds its menu even when it opens the page already shown.
            let on_link = target.as_ref().is_some_and(|t| t.closest("a[href]").ok().flatten().is_some());
            let keep = target.filter(|_| !on_link).map(web_sys::Node::from);
            fold_except(&container, keep.as_ref());
        });
        move || drop((keys, clicks))
    });
}

/// The open menus in `container`, outermost first.
fn open_menus(container: &NodeRef) -> Vec<web_sys::Element> {
    let Some(root) = container.cast::<web_sys::Element>() else { return Vec::new() };
    let Ok(found) = root.query_selector_all("details[open]") else { return Vec::new() };
    (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Closes every open menu that does not hold `inside`.
fn fold_except(container: &NodeRef, inside: Option<&web_sys::Node>) {
    for menu in open_menus(container) {
        if !inside.is_some_and(|node| menu.contains(Some(node))) {
            let _ = menu.remove_attribute("open");
        }
    }
}

/// Closes every open menu; if the focus was in one, it returns to that menu's summary, so a
/// keyboard user is where they opened it.
fn fold_on_escape(container: &NodeRef) {
    let menus = open_menus(container);
    let focused = gloo_utils::document().active_element().map(web_sys::Node::from);
    let holding_focus = menus.iter().find(|menu| focused.as_ref().is_some_and(|f| menu.contains(Some(f))));
    let summary = holding_focus.and_then(|menu| menu.query_selector(":scope > summary").ok().flatten());
    for menu in &menus {
        let _ = menu.remove_attribute("open");
    }
    if let Some(summary) = summary.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = summary.focus();
    }
}
