//! `/search?q=…&severity=SEV1`: results as you type, facets whose counts follow the query,
//! ↑ / ↓ / Enter to pick a result. The query and facets live in the URL so a search can be
//! shared.

use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{Problem, SearchFacets, SnippetText};
use crate::app::data::Load;
use crate::app::query::SectionQuery;
use crate::app::route::Route;
use crate::app::search_client::{Answer, PAGE, answer};
use model::paths;
use search::{Facet, Query, Shown};
use views::search::{
    SearchParams, moved_selection, params_of, query_of, result_id, show_more, summary, toggled, unmatched_notice,
};

/// The answer and the query it answers; `None` before the first query.
type Answered = Option<(Query, Load<Rc<Answer>>)>;

/// The page a result opens, at its section.
fn target(row: &Shown) -> (Route, SectionQuery) {
    let route = Route::recognize(&row.path).unwrap_or(Route::NotFound);
    (route, SectionQuery { section: row.anchor.clone().unwrap_or_default() })
}

/// How long the URL waits for typing to pause before it follows the query: replacing it on
/// every keystroke re-renders the whole app through the router, and Chromium stops
/// honouring history changes after 200 in ten seconds.
const URL_DELAY_MS: u32 = 300;

/// Puts the query on screen in the URL: once typing pauses, or at once before leaving the
/// page, so that going back returns to the search as it was.
#[derive(Clone)]
struct UrlFollower {
    navigator: Option<Navigator>,
    /// The update waiting for typing to pause.
    pending: Rc<RefCell<Option<Timeout>>>,
}

impl UrlFollower {
    fn now(&self, query: &Query) {
        self.pending.borrow_mut().take();
        if let Some(navigator) = &self.navigator {
            let _ = navigator.replace_with_query(&Route::Search, &params_of(query));
        }
    }

    /// Replacing the pending update cancels it.
    fn after_a_pause(&self, query: Query) {
        let follower = self.clone();
        *self.pending.borrow_mut() = Some(Timeout::new(URL_DELAY_MS, move || follower.now(&query)));
    }
}

#[hook]
fn use_url_follower() -> UrlFollower {
    UrlFollower { navigator: use_navigator(), pending: use_mut_ref(|| None) }
}

/// Runs `query` (again when `attempt` or `shown` change) and holds its answer; a new query
/// selects its first result.
#[hook]
fn use_answer(query: &Query, attempt: u32, shown: usize, selected: &UseStateHandle<usize>) -> UseStateHandle<Answered> {
    let state = use_state(|| None);
    let latest = use_mut_ref(|| 0u64);
    let (answered, selected) = (state.clone(), selected.clone());
    use_effect_with((query.clone(), attempt, shown), move |(query, _, shown)| {
        *latest.borrow_mut() += 1;
        let mine = *latest.borrow();
        selected.set(0);
        if query.text.trim().is_empty() {
            answered.set(None);
            return;
        }
        // Earlier results stay on screen while the next ones load: no flicker as you type.
        if !matches!(&*answered, Some((_, Load::Ready(_)))) {
            answered.set(Some((query.clone(), Load::Loading)));
        }
        let (query, shown) = (query.clone(), *shown);
        wasm_bindgen_futures::spawn_local(async move {
            let result = answer(&query, shown).await;
            // A slower, older query must not overwrite a newer one.
            if *latest.borrow() == mine {
                answered.set(Some((query, result.map(Rc::new).map_or_else(Load::Failed, Load::Ready))));
            }
        });
    });
    state
}

/// The query on screen. The URL's at first, and again after a link, or Back or Forward, to
/// another search; typing changes it before the URL follows.
#[hook]
fn use_query_from_url() -> UseStateHandle<Query> {
    let params = use_location().and_then(|l| l.query::<SearchParams>().ok()).unwrap_or_default();
    let from_url = query_of(&params);
    let query = use_state(|| from_url.clone());
    let shown = query.clone();
    use_effect_with(from_url, move |from_url| {
        if *from_url != *shown {
            shown.set(from_url.clone());
        }
    });
    query
}

/// Focuses `input` once, when the page opens.
#[hook]
fn use_focus_on_open(input: &NodeRef) {
    let input = input.clone();
    use_effect_with((), move |_| {
        if let Some(input) = input.cast::<HtmlInputElement>() {
            let _ = input.focus();
        }
    });
}

#[component]
pub fn SearchPage() -> Html {
    let query = use_query_from_url();
    let url = use_url_follower();
    let attempt = use_state(|| 0u32);
    let shown = use_state(|| PAGE);
    let selected = use_state(|| 0usize);
    let input = use_node_ref();
    use_focus_on_open(&input);
    let state = use_answer(&query, *attempt, *shown, &selected);
    let set_query = {
        let (query, shown, url) = (query.clone(), shown.clone(), url.clone());
        Callback::from(move |next: Query| {
            shown.set(PAGE);
            query.set(next.clone());
            url.after_a_pause(next);
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
    let active = answered.as_ref().and_then(|a| a.rows.get(*selected)).map(|_| result_id(*selected));
    let opening = {
        let (answered, url, query) = (answered.clone(), url.clone(), query.clone());
        Callback::from(move |i: usize| open(answered.as_deref(), i, &url, &query))
    };
    let answered_rows = answered.as_ref().map_or(0, |a| a.rows.len());
    let onkeydown = keyboard(&selected, answered_rows, &opening);
    let toggle = {
        let query = query.clone();
        set_query.reform(move |(facet, value): (Facet, String)| toggled(&query, facet, &value))
    };
    html! {
        <div class="search-page">
            <h1>{ "Search" }</h1>
            <form role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <input id="search-input" ref={input} type="search" value={query.text.clone()} {oninput} {onkeydown}
                    placeholder="An alert, a service, a symptom…" aria-label="Search postmortems, runbooks and services"
                    role="combobox" aria-autocomplete="list" aria-expanded={(answered_rows > 0).to_string()}
                    aria-controls="search-results" aria-activedescendant={active} autocomplete="off" spellcheck="false" />
            </form>
            { body(&state, &query, *selected, &toggle, &shown, &attempt, &opening) }
        </div>
    }
}

/// Opens result `i`, with the search put in the URL first so that Back returns to it.
fn open(answered: Option<&Answer>, i: usize, url: &UrlFollower, query: &Query) {
    let row = answered.and_then(|a| a.rows.get(i));
    if let (Some(row), Some(navigator)) = (row, &url.navigator) {
        url.now(query);
        let (route, section) = target(row);
        let _ = navigator.push_with_query(&route, &section);
    }
}

/// ↑ / ↓ choose a result and Enter opens it.
fn keyboard(selected: &UseStateHandle<usize>, results: usize, opening: &Callback<usize>) -> Callback<KeyboardEvent> {
    let (selected, opening) = (selected.clone(), opening.clone());
    Callback::from(move |e: KeyboardEvent| {
        if let Some(next) = moved_selection(&e.key(), *selected, results) {
            e.prevent_default();
            selected.set(next);
        } else if e.key() == "Enter" {
            e.prevent_default();
            opening.emit(*selected);
        }
    })
}

fn body(
    state: &Answered,
    query: &Query,
    selected: usize,
    toggle: &Callback<(Facet, String)>,
    shown: &UseStateHandle<usize>,
    attempt: &UseStateHandle<u32>,
    opening: &Callback<usize>,
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
                        <ol id="search-results" class="search-results" role="listbox" aria-labelledby="search-status">
                            { for answer.rows.iter().enumerate().map(|(i, row)| result(i, row, i == selected, opening)) }
                        </ol>
                        if let Some(label) = show_more(answer.rows.len(), answer.total) {
                            <button onclick={more}>{ label }</button>
                        }
                    </section>
                </div>
            }
        }
    }
}

fn status(answer: &Answer, query: &Query) -> Html {
    let unmatched = unmatched_notice(&answer.unmatched).map(|notice| html! { <p class="muted">{ notice }</p> });
    html! { <>{ for unmatched }<p class="search-status" id="search-status">{ summary(answer.total, query) }</p></> }
}

/// A result is one link that is the listbox's option: an option may hold no control of its
/// own, so its title is not a second link inside it.
fn result(i: usize, row: &Shown, selected: bool, opening: &Callback<usize>) -> Html {
    let page = row.anchor.as_deref().map_or_else(|| row.path.clone(), |anchor| paths::section(&row.path, anchor));
    let opening = opening.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        // With a modifier the browser opens a new tab or window, as for any link.
        if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
            e.prevent_default();
            opening.emit(i);
        }
    });
    html! {
        <li role="none">
            <a id={result_id(i)} role="option" aria-selected={selected.to_string()} href={paths::relative(&page).to_owned()}
                class={classes!("result", selected.then_some("selected"))} {onclick}>
                <span class="result-title">{ row.title.clone() }</span>
                <span class="chip">{ row.kind.label() }</span>
                if let Some(heading) = &row.section { <span class="muted result-section">{ format!("› {heading}") }</span> }
                <SnippetText parts={row.snippet.parts.clone()} />
            </a>
        </li>
    }
}
