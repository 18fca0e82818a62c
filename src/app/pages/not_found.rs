use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::route::Route;

#[component]
pub fn NotFound() -> Html {
    html! {
        <section class="problem">
            <h1>{ "Page not found" }</h1>
            <p>{ "Nothing lives at this address. " }<Link<Route> to={Route::Home}>{ "Go to the dashboard" }</Link<Route>></p>
        </section>
    }
}
