use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::route::Route;

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
    html! {
        <header class="site-header">
            <nav aria-label="Main">
                <Link<Route> to={Route::Home} classes="brand">{ props.title.clone() }</Link<Route>>
                <Link<Route> to={Route::Postmortems}>{ "Postmortems" }</Link<Route>>
                <Link<Route> to={Route::Runbooks}>{ "Runbooks" }</Link<Route>>
                <Link<Route> to={Route::Dora}>{ "DORA" }</Link<Route>>
                <Link<Route> to={Route::Incidents}>{ "Incidents" }</Link<Route>>
                <Link<Route> to={Route::Slos}>{ "SLOs" }</Link<Route>>
                <Link<Route> to={Route::Oncall}>{ "On-call" }</Link<Route>>
                <Link<Route> to={Route::ActionItems}>{ "Action items" }</Link<Route>>
                <Link<Route> to={Route::Services}>{ "Services" }</Link<Route>>
                <Link<Route> to={Route::Patterns}>{ "Patterns" }</Link<Route>>
                <Link<Route> to={Route::Drills}>{ "Drills" }</Link<Route>>
                <Link<Route> to={Route::Capacity}>{ "Capacity" }</Link<Route>>
                <Link<Route> to={Route::Digests}>{ "Digest" }</Link<Route>>
                <Link<Route> to={Route::Onboarding}>{ "Onboarding" }</Link<Route>>
                <Link<Route> to={Route::Search} classes="nav-search">{ "Search " }<kbd title="Press / on any page">{ "/" }</kbd></Link<Route>>
            </nav>
        </header>
    }
}
