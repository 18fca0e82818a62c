//! `/search?q=…&severity=SEV1`: results as you type, facets whose counts follow the query,
//! ↑ / ↓ / Enter to pick a result. The query and facets live in the URL so a search can be
//! shared.

use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{Problem, SearchFacets, SnippetText};
use crate::app::data::Load;
use crate::app::query::SectionQuery;
use crate::app::route::Route;
use crate::app::search_client::{Answer, PAGE, answer};
use search::{Facet, Query, Shown};

/// The URL's query: `q` and one key per facet, values separated by commas.
pub type SearchParams = BTreeMap<String, String>;

fn query_of(params: &SearchParams) -> Query {
    let mut query = Query::new(params.get("q").map_or("", String::as_str));
    for facet in Facet::ALL {
        for value in params.get(facet.key()).into_iter().flat_map(|v| v.split(',')).filter(|v| !v.is_empty()) {
            query = query.with(facet, value);
        }
    }
    query
}

fn params_of(query: &Query) -> SearchParams {
    let mut params = SearchParams::new();
    if !query.text.is_empty() {
        params.insert("q".into(), query.text.clone());
    }
    for (facet, values) in query.filters.iter().filter(|(_, v)| !v.is_empty()) {
        params.insert(facet.key().into(), values.iter().cloned().collect::<Vec<_>>().join(","));
    }
    params
}

/// The page a result opens, at its section.
fn target(row: &Shown) -> (Route, SectionQuery) {
    let route = Route::recognize(&row.path).unwrap_or(Route::NotFound);
    (route, SectionQuery { section: row.anchor.clone().unwrap_or_default() })
}

/// How long the URL waits for typing to pause before it follows the query: replacing it on
/// every keystroke re-renders the whole app through the router, and Chromium stops
/// honouring history changes after 200 in ten seconds.
const URL_DELAY_MS: u32 = 300;

#[component]
pub fn SearchPage() -> Html {
    let navigator = use_navigator();
    let params = use_location().and_then(|l| l.query::<SearchParams>().ok()).unwrap_or_default();
    let from_url = query_of(&params);
    // The query on screen leads; the URL follows it once typing pauses.
    let query = use_state(|| from_url.clone());
    let url_update = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    // The answer and the query it answers; `None` before the first query.
    let state = use_state(|| None::<(Query, Load<Rc<Answer>>)>);
    let attempt = use_state(|| 0u32);
    let shown = use_state(|| PAGE);
    let selected = use_state(|| 0usize);
    let latest = use_mut_ref(|| 0u64);
    let input = use_node_ref();

    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    {
        // A link, or back and forward, to another search: show that one.
        let query = query.clone();
        use_effect_with(from_url, move |from_url| {
            if *from_url != *query {
                query.set(from_url.clone());
            }
        });
    }
    {
        let (state, selected, latest) = (state.clone(), selected.clone(), latest.clone());
        use_effect_with(((*query).clone(), *attempt, *shown), move |(query, _, shown)| {
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            selected.set(0);
            if query.text.trim().is_empty() {
                state.set(None);
                return;
            }
            // Earlier results stay on screen while the next ones load: no flicker as you type.
            if !matches!(&*state, Some((_, Load::Ready(_)))) {
                state.set(Some((query.clone(), Load::Loading)));
            }
            let (query, shown) = (query.clone(), *shown);
            wasm_bindgen_futures::spawn_local(async move {
                let result = answer(&query, shown).await;
                // A slower, older query must not overwrite a newer one.
                if *latest.borrow() == mine {
                    state.set(Some((query, result.map(Rc::new).map_or_else(Load::Failed, Load::Ready))));
                }
            });
        });
    }

    // Puts `query` in the URL now, instead of when typing pauses: before leaving the page,
    // so going back returns to the search as it was.
    let update_url_now = {
        let (navigator, url_update) = (navigator.clone(), url_update.clone());
        move |query: &Query| {
            url_update.borrow_mut().take();
            if let Some(navigator) = &navigator {
                let _ = navigator.replace_with_query(&Route::Search, &params_of(query));
            }
        }
    };
    let set_query = {
        let (query_state, shown, url_update, update_url_now) =
            (query.clone(), shown.clone(), url_update.clone(), update_url_now.clone());
        Callback::from(move |next: Query| {
            shown.set(PAGE);
            query_state.set(next.clone());
            let update_url_now = update_url_now.clone();
            // Replacing the pending update cancels it.
            *url_update.borrow_mut() =
                Some(gloo_timers::callback::Timeout::new(URL_DELAY_MS, move || update_url_now(&next)));
        })
    };
    let query = (*query).clone();
    let oninput = {
        let (set_query, query) = (set_query.clone(), query.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            set_query.emit(Query { text, ..query.clone() });
        })
    };
    // The results on screen, shared (not copied) with the keyboard handler.
    let answered: Option<Rc<Answer>> = match &*state {
        Some((_, Load::Ready(answer))) => Some(answer.clone()),
        _ => None,
    };
    let onkeydown = {
        let (selected, navigator, answered, query) =
            (selected.clone(), navigator.clone(), answered.clone(), query.clone());
        let update_url_now = update_url_now.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" if answered.as_ref().is_some_and(|a| !a.rows.is_empty()) => {
                e.prevent_default();
                let last = answered.as_ref().map_or(0, |a| a.rows.len() - 1);
                selected.set((*selected + 1).min(last));
            }
            "ArrowUp" => {
                e.prevent_default();
                selected.set(selected.saturating_sub(1));
            }
            "Enter" => {
                e.prevent_default();
                let row = answered.as_ref().and_then(|a| a.rows.get(*selected));
                if let (Some(row), Some(navigator)) = (row, &navigator) {
                    update_url_now(&query);
                    let (route, section) = target(row);
                    let _ = navigator.push_with_query(&route, &section);
                }
            }
            _ => {}
        })
    };
    let toggle = {
        let (set_query, query) = (set_query.clone(), query.clone());
        Callback::from(move |(facet, value): (Facet, String)| {
            let mut next = query.clone();
            let values = next.filters.entry(facet).or_default();
            if !values.remove(&value) {
                values.insert(value);
            }
            set_query.emit(next);
        })
    };
    // Pressing on a result is about to open it: the URL must hold the search first.
    let leaving = {
        let query = query.clone();
        Callback::from(move |_: MouseEvent| update_url_now(&query))
    };
    let active = answered.as_ref().and_then(|a| a.rows.get(*selected)).map(|_| format!("result-{}", *selected));

    html! {
        <div class="search-page">
            <h1>{ "Search" }</h1>
            <form role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <input id="search-input" ref={input} type="search" value={query.text.clone()} {oninput} {onkeydown}
                    placeholder="An alert, a service, a symptom…" aria-label="Search postmortems, runbooks and services"
                    aria-controls="search-results" aria-activedescendant={active} autocomplete="off" spellcheck="false" />
            </form>
            { body(&state, &query, *selected, &toggle, &shown, &attempt, &leaving) }
        </div>
    }
}

fn body(
    state: &Option<(Query, Load<Rc<Answer>>)>,
    query: &Query,
    selected: usize,
    toggle: &Callback<(Facet, String)>,
    shown: &UseStateHandle<usize>,
    attempt: &UseStateHandle<u32>,
    leaving: &Callback<MouseEvent>,
) -> Html {
    match state {
        None => html! {
            <p class="muted search-hint">
                { "Type an alert name, a service or a symptom: results appear as you type. " }
                { "Words are matched in any form (rollbacks finds rollback) and small typos are forgiven. " }
                { "Press " }<kbd>{ "/" }</kbd>{ " on any page to search, " }<kbd>{ "↑" }</kbd>{ " " }<kbd>{ "↓" }</kbd>
                { " to choose a result and " }<kbd>{ "Enter" }</kbd>{ " to open it." }
            </p>
        },
        Some((_, Load::Loading)) => html! { <p class="loading" aria-busy="true">{ "Searching…" }</p> },
        Some((_, Load::Failed(message))) => {
            let attempt = attempt.clone();
            let retry = Callback::from(move |_| attempt.set(*attempt + 1));
            html! { <Problem title="The search index could not be loaded" message={message.clone()} retry={retry} /> }
        }
        Some((answered, Load::Ready(answer))) => {
            let more = {
                let shown = shown.clone();
                Callback::from(move |_| shown.set(*shown + PAGE))
            };
            html! {
                <div class="search-layout" data-search-query={answered.text.clone()} data-search-total={answer.total.to_string()} data-search-ms={format!("{:.1}", answer.ms)}>
                    <SearchFacets facets={answer.facets.clone()} toggle={toggle.clone()} />
                    <section class="search-results-pane" aria-live="polite">
                        { status(answer, query) }
                        <ol id="search-results" class="search-results" role="listbox" onmousedown={leaving.clone()}>
                            { for answer.rows.iter().enumerate().map(|(i, row)| result(i, row, i == selected)) }
                        </ol>
                        if answer.total > answer.rows.len() {
                            <button onclick={more}>{ format!("Show more ({} of {})", answer.rows.len(), answer.total) }</button>
                        }
                    </section>
                </div>
            }
        }
    }
}

fn status(answer: &Answer, query: &Query) -> Html {
    let unmatched = (!answer.unmatched.is_empty()).then(|| {
        html! { <p class="muted">{ format!("Not found anywhere: {}.", answer.unmatched.join(", ")) }</p> }
    });
    let filtered = query.filters.values().any(|v| !v.is_empty());
    let summary = match (answer.total, filtered) {
        (0, true) => "No results with these filters: clear some to see more.".to_owned(),
        (0, false) => "No results. Try fewer words, or another word for the same thing.".to_owned(),
        (1, _) => "1 result".to_owned(),
        (n, _) => format!("{n} results"),
    };
    html! { <>{ for unmatched }<p class="search-status">{ summary }</p></> }
}

fn result(i: usize, row: &Shown, selected: bool) -> Html {
    let (route, section) = target(row);
    html! {
        <li id={format!("result-{i}")} role="option" aria-selected={selected.to_string()} class={classes!("result", selected.then_some("selected"))}>
            <Link<Route, SectionQuery> to={route} query={Some(section)} classes="result-title">{ row.title.clone() }</Link<Route, SectionQuery>>
            <span class="chip">{ row.kind.label() }</span>
            if let Some(heading) = &row.section { <span class="muted result-section">{ format!("› {heading}") }</span> }
            <SnippetText parts={row.snippet.parts.clone()} />
        </li>
    }
}
