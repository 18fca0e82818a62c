//! The Yew app: routes, pages and components. It fetches `data/site.json` once at start-up
//! and each document when a reader opens it; every figure comes from [`analytics`].

mod components;
mod data;
mod pages;
mod progress;
mod query;
mod route;
mod search_client;
mod shared;
mod warm_up;

use yew::prelude::*;
use yew_router::prelude::*;

use components::{Nav, Problem};
use data::{SiteHandle, use_site_loader};
use route::{Route, switch};

pub fn start() {
    yew::Renderer::<App>::new().render();
}

#[component]
fn App() -> Html {
    let site = use_site_loader();
    let body = match &*site {
        data::Load::Loading => {
            html! { <p class="loading" aria-busy="true">{ "Loading the site data…" }</p> }
        }
        data::Load::Failed(message) => {
            html! { <Problem title="The site data could not be loaded" message={message.clone()} /> }
        }
        data::Load::Ready(site) => html! {
            <ContextProvider<SiteHandle> context={site.clone()}>
                <Switch<Route> render={switch} />
            </ContextProvider<SiteHandle>>
        },
    };
    let title = match &*site {
        data::Load::Ready(site) => site.0.config.title.clone(),
        _ => "firebreak".to_owned(),
    };
    html! {
        <BrowserRouter>
            <Nav title={title} />
            <main>{ body }</main>
        </BrowserRouter>
    }
}
