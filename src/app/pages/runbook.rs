use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::route::Route;

use super::runbook_list::review_age;
use crate::app::components::{Problem, RichHtml, use_section_scroll};
use crate::app::data::{Load, today, use_document, use_site};
use model::bundle::{Site, runbook_file};
use model::{Runbook, RunbookSummary};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub slug: AttrValue,
}

#[component]
pub fn RunbookPage(props: &Props) -> Html {
    let site = use_site();
    let summary = site.runbooks.iter().find(|r| r.slug == props.slug.as_str()).cloned();
    let (doc, retry) = use_document::<Runbook>(runbook_file(&props.slug));
    use_section_scroll(matches!(*doc, Load::Ready(_)));
    let Some(summary) = summary else {
        return html! { <Problem title="No such runbook" message={format!("There is no runbook named `{}`.", props.slug)} /> };
    };
    match &*doc {
        Load::Loading => {
            html! { <p class="loading" aria-busy="true">{ "Loading the runbook…" }</p> }
        }
        Load::Failed(message) => {
            html! { <Problem title="The runbook could not be loaded" message={message.clone()} retry={retry} /> }
        }
        Load::Ready(rb) => view(rb, &summary, &site),
    }
}

fn view(rb: &Runbook, summary: &RunbookSummary, site: &Site) -> Html {
    // Postmortems that used this runbook: what happened last time it was needed.
    let used_in: Vec<_> = site.postmortems.iter().filter(|pm| pm.meta.runbooks.contains(&rb.slug)).collect();
    let (days, stale) = review_age(summary, today(site));
    let m = &rb.meta;
    html! {
        <article class="document runbook">
            <header>
                <p class="kicker">{ "Runbook · " }<Link<Route> to={Route::Service { name: m.service.clone() }}>{ m.service.clone() }</Link<Route>></p>
                <h1>{ m.title.clone() }</h1>
                <p class={classes!("review", stale.then_some("stale"))}>
                    { format!("Last reviewed {} ({days} days ago; review every {} days)", m.last_reviewed, m.review_every.days) }
                    if stale { <strong>{ " — overdue for review" }</strong> }
                </p>
            </header>
            <dl class="facts">
                <dt>{ "Owner" }</dt><dd>{ m.owner.clone() }</dd>
                if !m.alerts.is_empty() { <dt>{ "Alerts" }</dt><dd>{ for m.alerts.iter().map(|a| html! { <code class="chip">{ a.clone() }</code> }) }</dd> }
                if !used_in.is_empty() {
                    <dt>{ "Used in" }</dt>
                    <dd>{ for used_in.iter().map(|pm| html! { <Link<Route> to={Route::Postmortem { id: pm.meta.id.clone() }} classes="chip">{ pm.meta.title.clone() }</Link<Route>> }) }</dd>
                }
            </dl>
            { for rb.sections.iter().map(|s| html! {
                <section id={s.anchor.clone()} class={classes!(format!("section-{}", s.anchor))}>
                    <h2>{ s.heading.clone() }</h2>
                    <RichHtml html={s.html.clone()} />
                </section>
            }) }
            <p class="muted source">{ format!("Source: {}", rb.path) }</p>
        </article>
    }
}
