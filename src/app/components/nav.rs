use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::route::Route;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub title: AttrValue,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    html! {
        <header class="site-header">
            <nav aria-label="Main">
                <Link<Route> to={Route::Home} classes="brand">{ props.title.clone() }</Link<Route>>
                <Link<Route> to={Route::Postmortems}>{ "Postmortems" }</Link<Route>>
                <Link<Route> to={Route::Runbooks}>{ "Runbooks" }</Link<Route>>
                <Link<Route> to={Route::Dora}>{ "DORA" }</Link<Route>>
                <Link<Route> to={Route::Incidents}>{ "Incidents" }</Link<Route>>
                <Link<Route> to={Route::ActionItems}>{ "Action items" }</Link<Route>>
                <Link<Route> to={Route::Services}>{ "Services" }</Link<Route>>
                <Link<Route> to={Route::Patterns}>{ "Patterns" }</Link<Route>>
            </nav>
        </header>
    }
}
