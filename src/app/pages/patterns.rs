use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::data::use_site;
use crate::app::route::Route;
use analytics::recurring;

/// Classes of incident seen more than once: recurrence means earlier fixes were not enough.
#[component]
pub fn Patterns() -> Html {
    let site = use_site();
    let patterns = use_memo(site.clone(), |site| recurring(&site.postmortems));
    let title = |id: &str| {
        site.postmortems.iter().find(|pm| pm.meta.id == id).map_or(id.to_owned(), |pm| pm.meta.title.clone())
    };
    html! {
        <>
            <h1>{ "Recurring patterns" }</h1>
            <p class="muted">{ "Incidents grouped by service × tag, and by tag across services. A class seen a second or third time means earlier fixes were not enough." }</p>
            if patterns.is_empty() {
                <p class="empty">{ "No class of incident has recurred." }</p>
            }
            { for patterns.iter().map(|p| html! {
                <section class="pattern">
                    <h2>{ format!("{} — seen {} times", p.label(), p.occurrences.len()) }</h2>
                    <ol>
                        { for p.occurrences.iter().map(|(id, date)| html! {
                            <li><Link<Route> to={Route::Postmortem { id: id.clone() }}>{ title(id) }</Link<Route>><span class="muted">{ format!(" · {date}") }</span></li>
                        }) }
                    </ol>
                </section>
            }) }
        </>
    }
}
