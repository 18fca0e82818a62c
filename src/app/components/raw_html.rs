use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::query::SectionQuery;
use crate::app::route::Route;

#[derive(Properties, PartialEq)]
pub struct RawHtmlProps {
    pub html: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

/// HTML rendered and sanitised (ammonia) by the compiler; see `ingest::markdown::render`.
/// Links into the app (such as a glossary term's `onboarding?section=term-slo`) open
/// without reloading the site.
#[component]
pub fn RawHtml(props: &RawHtmlProps) -> Html {
    let navigator = use_navigator();
    let onclick = Callback::from(move |event: MouseEvent| {
        if event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0 {
            return; // A new tab or window: the browser's to open.
        }
        let Some(href) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.get_attribute("href"))
        else {
            return;
        };
        if let (Some((route, section)), Some(navigator)) = (app_link(&href), &navigator) {
            event.prevent_default();
            match section {
                Some(section) => {
                    let _ = navigator.push_with_query(&route, &SectionQuery { section });
                }
                None => navigator.push(&route),
            }
        }
    });
    html! { <div class={props.class.clone()} {onclick}>{ Html::from_html_unchecked(props.html.clone()) }</div> }
}

/// A relative link to a page of the app, with its `?section=` if any. Anything else —
/// another site, a file, another query — is left to the browser.
fn app_link(href: &str) -> Option<(Route, Option<String>)> {
    if href.starts_with(['/', '#', '.']) || href.split(['/', '?', '#']).next()?.contains(':') {
        return None;
    }
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    let route = Route::recognize(&format!("/{path}")).filter(|r| *r != Route::NotFound)?;
    match query {
        "" => Some((route, None)),
        _ => {
            let section = query.strip_prefix("section=")?;
            section.chars().all(|c| c.is_ascii_alphanumeric() || c == '-').then(|| (route, Some(section.to_owned())))
        }
    }
}
