use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use super::use_folding_menus;
use crate::app::route::{NAV_GROUPS, NavGroup, Route};

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub title: AttrValue,
}

/// `/` anywhere but in a text field opens the search, as on GitHub or MDN.
#[hook]
fn use_search_shortcut() {
    let navigator = use_navigator();
    use_effect_with((), move |_| {
        // Not passive (gloo's default): the `/` must not also be typed into the box it focuses.
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        let document =
            gloo_events::EventListener::new_with_options(&gloo_utils::document(), "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() || typing(event) {
                    return;
                }
                event.prevent_default();
                match gloo_utils::document().get_element_by_id("search-input") {
                    Some(input) => {
                        let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                    // The search page focuses its box when it opens.
                    None => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Search);
                        }
                    }
                }
            });
        move || drop(document)
    });
}

/// Whether the key went to a field that takes text.
fn typing(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || element.is_content_editable()
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    use_search_shortcut();
    let header = use_node_ref();
    use_folding_menus(&header);
    // Native disclosures: they open and close with the keyboard, say whether they are open to
    // screen readers, and work before the app starts. `name` lets one group open at a time.
    // The bar of groups shows on wide screens and the one Menu on narrow ones (style.css):
    // the same list rendered twice, rather than markup that only script could reshape.
    html! {
        <header class="site-header" ref={header}>
            <nav aria-label="Main">
                <Link<Route> to={Route::Home} classes="brand">{ props.title.clone() }</Link<Route>>
                <ul class="nav-bar">
                    { for NAV_GROUPS.iter().map(|group| html! {
                        <li><details class="nav-group" name="nav-group">
                            <summary>{ group.label }</summary>
                            { pages(group, None) }
                        </details></li>
                    }) }
                </ul>
                <details class="nav-menu">
                    <summary>{ "Menu" }</summary>
                    <div class="nav-panel">
                        { for NAV_GROUPS.iter().map(|group| {
                            let id = format!("menu-{}", group.label.to_lowercase());
                            html! { <div class="nav-panel-group">
                                <p class="nav-heading" id={id.clone()}>{ group.label }</p>
                                { pages(group, Some(id)) }
                            </div> }
                        }) }
                    </div>
                </details>
                <Link<Route> to={Route::Search} classes="nav-search">{ "Search " }<kbd title="Press / on any page">{ "/" }</kbd></Link<Route>>
            </nav>
        </header>
    }
}

/// A group's links; named by the element `labelled_by` where no `<summary>` names them.
fn pages(group: &NavGroup, labelled_by: Option<String>) -> Html {
    html! {
        <ul class="nav-pages" aria-labelledby={labelled_by}>
            { for group.pages.iter().map(|(text, route)| html! { <li><Link<Route> to={route.clone()}>{ *text }</Link<Route>></li> }) }
        </ul>
    }
}
