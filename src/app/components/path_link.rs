use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::route::Route;
use model::paths;

#[derive(Properties, PartialEq)]
pub struct PathLinkProps {
    /// A rooted path of `model::paths`, as the views give them.
    pub path: String,
    pub text: String,
}

/// A link to a page named by its path (the views hold paths, not routes): through the router
/// when it knows the page, else a plain link resolved against the site's root, which the
/// 404 fallback hands back to the app.
#[component]
pub fn PathLink(props: &PathLinkProps) -> Html {
    let text = props.text.clone();
    match Route::recognize(&props.path).filter(|route| *route != Route::NotFound) {
        Some(route) => html! { <Link<Route> to={route}>{ text }</Link<Route>> },
        None => html! { <a href={paths::relative(&props.path).to_owned()}>{ text }</a> },
    }
}
