use std::collections::BTreeSet;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{ProgressCheck, RawHtml, SeverityBadge, use_section_scroll};
use crate::app::data::use_site;
use crate::app::progress::use_progress;
use crate::app::route::Route;
use analytics::{ImpactScore, most_impactful, reading_minutes};
use model::bundle::Site;
use model::{DocumentRef, Stage, Term};
use views::format::impact_reason;

/// How many of the most impactful postmortems a new hire is asked to read.
const IMPACTFUL: usize = 5;

/// `/onboarding`: the team's reading list, the most impactful postmortems, the on-call
/// progression and the glossary, with ticks kept in the browser.
#[component]
pub fn OnboardingPage() -> Html {
    let site = use_site();
    let (done, toggle) = use_progress();
    use_section_scroll(true);
    let impactful = use_memo(site.clone(), |site| most_impactful(&site.postmortems, IMPACTFUL));
    let onboarding = &site.onboarding;

    let mut keys: BTreeSet<String> = onboarding.reading_list.iter().map(|e| e.document.progress_key()).collect();
    keys.extend(impactful.iter().map(|s| DocumentRef::Postmortem(s.id.clone()).progress_key()));
    keys.extend(onboarding.progression.iter().flat_map(|s| s.tasks.iter().map(|t| t.key.clone())));
    let ticked = keys.iter().filter(|k| done.contains(*k)).count();

    let check = |key: String, label: String| {
        html! { <ProgressCheck done={done.contains(&key)} key_name={key} label={label} on_toggle={toggle.clone()} /> }
    };
    html! {
        <article class="onboarding">
            <h1>{ onboarding.title.clone() }</h1>
            <p class="progress-summary" data-ticked={ticked.to_string()} data-total={keys.len().to_string()}>
                <progress max={keys.len().to_string()} value={ticked.to_string()} />
                { format!(" {ticked} of {} done — kept in this browser", keys.len()) }
            </p>
            { for onboarding.sections.iter().map(|s| html! {
                <section id={s.anchor.clone()}>
                    if s.heading != "Introduction" { <h2>{ s.heading.clone() }</h2> }
                    <RawHtml html={s.html.clone()} />
                </section>
            }) }
            if !onboarding.reading_list.is_empty() {
                <section id="reading-list">
                    <h2>{ "Reading list" }</h2>
                    <ol class="reading-list">
                        { for onboarding.reading_list.iter().map(|entry| {
                            let (title, route, kind, words) = document(&site, &entry.document);
                            html! {
                                <li>
                                    { check(entry.document.progress_key(), title.clone()) }
                                    <Link<Route> to={route}>{ title }</Link<Route>>
                                    <span class="muted">{ format!(" · {kind} · {} min read", reading_minutes(words)) }</span>
                                    if !entry.note_html.is_empty() { <RawHtml class="note" html={entry.note_html.clone()} /> }
                                </li>
                            }
                        }) }
                    </ol>
                </section>
            }
            <ImpactList scores={impactful.clone()} done={done.clone()} on_toggle={toggle.clone()} />
            <section id="progression">
                <h2>{ "On-call progression" }</h2>
                { for onboarding.progression.iter().map(|stage| stage_view(stage, &check)) }
            </section>
            <section id="glossary">
                <h2>{ "Glossary" }</h2>
                <dl class="glossary">{ for onboarding.glossary.iter().map(term_view) }</dl>
            </section>
        </article>
    }
}

/// (title, page, kind, words) of a reading-list document; the compiler checked it exists.
fn document(site: &Site, document: &DocumentRef) -> (String, Route, &'static str, usize) {
    match document {
        DocumentRef::Postmortem(id) => {
            let pm = site.postmortems.iter().find(|p| &p.meta.id == id);
            let (title, words) = pm.map_or((id.clone(), 0), |p| (p.meta.title.clone(), p.words));
            (title, Route::Postmortem { id: id.clone() }, "Postmortem", words)
        }
        DocumentRef::Runbook(slug) => {
            let rb = site.runbooks.iter().find(|r| &r.slug == slug);
            let (title, words) = rb.map_or((slug.clone(), 0), |r| (r.meta.title.clone(), r.words));
            (title, Route::Runbook { slug: slug.clone() }, "Runbook", words)
        }
    }
}

#[derive(Properties, PartialEq)]
struct ImpactListProps {
    scores: std::rc::Rc<Vec<ImpactScore>>,
    done: std::rc::Rc<BTreeSet<String>>,
    on_toggle: Callback<String>,
}

/// The postmortems with the highest impact score, each with what the score came from.
#[component]
fn ImpactList(props: &ImpactListProps) -> Html {
    let site = use_site();
    if props.scores.is_empty() {
        return html! {};
    }
    html! {
        <section id="most-impactful">
            <h2>{ format!("The {} most impactful postmortems", props.scores.len()) }</h2>
            <p class="muted">{ "Ranked by impact score: severity, duration, users affected, error budget consumed and recurrence (see docs/metrics.md)." }</p>
            <ol class="impact-list">
                { for props.scores.iter().filter_map(|score| {
                    let pm = site.postmortems.iter().find(|p| p.meta.id == score.id)?;
                    let key = DocumentRef::Postmortem(score.id.clone()).progress_key();
                    let reasons = score.reasons.iter().map(|r| format!("{} (+{:.0})", impact_reason(&r.why), r.points)).collect::<Vec<_>>().join(" · ");
                    Some(html! {
                        <li data-impact={format!("{:.1}", score.score)}>
                            <ProgressCheck done={props.done.contains(&key)} key_name={key} label={pm.meta.title.clone()} on_toggle={props.on_toggle.clone()} />
                            <SeverityBadge severity={pm.meta.severity} />{ " " }
                            <Link<Route> to={Route::Postmortem { id: score.id.clone() }}>{ pm.meta.title.clone() }</Link<Route>>
                            <span class="muted">{ format!(" · {} min read", reading_minutes(pm.words)) }</span>
                            <p class="reason">{ format!("Impact {:.0}: {reasons}", score.score) }</p>
                        </li>
                    })
                }) }
            </ol>
        </section>
    }
}

fn stage_view(stage: &Stage, check: &impl Fn(String, String) -> Html) -> Html {
    html! {
        <section id={stage.anchor.clone()} class="stage">
            <h3>{ stage.heading.clone() }</h3>
            <ul class="tasks">
                { for stage.tasks.iter().map(|task| html! {
                    <li>
                        <label>
                            { check(task.key.clone(), task.text.clone()) }
                            <RawHtml class="task" html={task.html.clone()} />
                        </label>
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn term_view(term: &Term) -> Html {
    html! {
        <>
            <dt id={term.anchor.clone()}>{ term.name.clone() }</dt>
            <dd><RawHtml html={term.html.clone()} /></dd>
        </>
    }
}
