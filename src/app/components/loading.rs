use yew::prelude::*;

use super::Problem;
use crate::app::data::Load;

/// What `ready` renders once `load` is in; meanwhile a line saying `what` is loading, or why
/// it could not be.
pub fn when_loaded<T>(load: &Load<T>, what: &str, ready: impl FnOnce(&T) -> Html) -> Html {
    match load {
        Load::Loading => html! { <p class="loading" aria-busy="true">{ format!("Loading {what}…") }</p> },
        Load::Failed(e) => {
            html! { <Problem title={format!("{} could not be loaded", capitalised(what))} message={e.clone()} /> }
        }
        Load::Ready(value) => ready(value),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
