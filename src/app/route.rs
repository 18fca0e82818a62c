use yew::prelude::*;
use yew_router::prelude::*;

use super::pages::{ActionItems, Home, NotFound, PostmortemList, PostmortemPage, RunbookList, RunbookPage};

/// Every page of the site. Only routes for what exists: no placeholders.
#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/postmortems")]
    Postmortems,
    #[at("/postmortems/:id")]
    Postmortem { id: String },
    #[at("/runbooks")]
    Runbooks,
    #[at("/action-items")]
    ActionItems,
    #[at("/runbooks/:slug")]
    Runbook { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Postmortems => html! { <PostmortemList /> },
        Route::Postmortem { id } => html! { <PostmortemPage id={id} /> },
        Route::Runbooks => html! { <RunbookList /> },
        Route::ActionItems => html! { <ActionItems /> },
        Route::Runbook { slug } => html! { <RunbookPage slug={slug} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}
