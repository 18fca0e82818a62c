//! Page state kept in the URL query, so every view can be shared and survives a reload.

use serde::Serialize;
use yew::Callback;
use yew_router::prelude::Navigator;

use super::route::Route;

/// A callback that sets one field of `query` (via `update`) and replaces the URL with it.
pub fn query_setter<Q: Serialize + Clone + 'static>(
    navigator: Option<Navigator>,
    route: Route,
    query: &Q,
    update: fn(&mut Q, String),
) -> Callback<String> {
    let query = query.clone();
    Callback::from(move |value: String| {
        let mut next = query.clone();
        update(&mut next, value);
        if let Some(navigator) = &navigator {
            // A query that cannot be encoded would be a bug in Q's Serialize; keep the page.
            let _ = navigator.replace_with_query(&route, &next);
        }
    })
}

/// `?section=anchor`: a link (a search result) to one section of a document page.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SectionQuery {
    pub section: String,
}
