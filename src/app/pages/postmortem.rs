use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{DocumentBody, Problem, SeverityBadge, when_assessed};
use crate::app::data::{Load, use_document, use_site, use_slos};
use crate::app::route::Route;
use analytics::slo::budget_spent_by_incident;
use model::bundle::{Site, postmortem_file};
use model::{Postmortem, PostmortemMeta};
use views::postmortem::{
    budget_rows, from_timeline, kicker, milestones, postmortem_title, recurrences, referenced_by, runbook_title,
    service_label,
};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

#[component]
pub fn PostmortemPage(props: &Props) -> Html {
    let site = use_site();
    let known = site.postmortems.iter().any(|pm| pm.meta.id == props.id.as_str());
    let (doc, retry) = use_document::<Postmortem>(postmortem_file(&props.id));
    if !known {
        return html! { <Problem title="No such postmortem" message={format!("There is no postmortem with the id `{}`.", props.id)} /> };
    }
    match &*doc {
        Load::Loading => {
            html! { <p class="loading" aria-busy="true">{ "Loading the postmortem…" }</p> }
        }
        Load::Failed(message) => {
            html! { <Problem title="The postmortem could not be loaded" message={message.clone()} retry={retry} /> }
        }
        Load::Ready(pm) => html! { <PostmortemView pm={pm.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    pm: std::rc::Rc<Postmortem>,
}

#[component]
fn PostmortemView(props: &ViewProps) -> Html {
    let site = use_site();
    let pm = &props.pm;
    let m = &pm.meta;
    html! {
        <article class="document postmortem">
            <header>
                <p class="kicker"><SeverityBadge severity={m.severity} />{ kicker(m) }</p>
                <h1>{ m.title.clone() }</h1>
            </header>
            { recurrence_notice(recurrences(&site.postmortems, &m.id)) }
            <dl class="facts">
                { facts(pm, &site) }
                { links(m, &site) }
            </dl>
            if site.slos.iter().any(|slo| m.services.contains(&slo.service)) { <BudgetSpent pm={pm.clone()} /> }
            <DocumentBody sections={pm.sections.clone()} timeline={pm.timeline.clone()} action_items={pm.action_items.clone()} />
            <p class="muted source">{ format!("Source: {}", pm.path) }</p>
        </article>
    }
}

/// This incident's place among earlier ones like it, when it is not the first.
/// What the incident cost each SLO of its services ("Budget spent per postmortem" in
/// docs/metrics.md), the figure the `impact-budget` check holds the Impact section to.
#[component]
fn BudgetSpent(props: &ViewProps) -> Html {
    let site = use_site();
    let slos = use_slos();
    let pm = &props.pm;
    let body = when_assessed(&slos, |slos| {
        let calendar = analytics::Calendar::of(&site.config);
        let began = pm.times.started_at.or(pm.times.detected_at);
        let spent = budget_spent_by_incident(
            site.slos.iter().zip(&slos.events),
            &pm.meta.services,
            began,
            pm.times.resolved_at,
            &calendar,
        );
        if spent.is_empty() {
            return html! { <p class="muted">{ "Not yet resolved: what it spent is known once it is." }</p> };
        }
        html! {
            <ul class="budget-spent">{ for budget_rows(&spent).into_iter().map(|row| html! {
                <li data-slo={row.slo.clone()}>
                    <Link<Route> to={Route::Slo { name: row.slo }}>{ row.display_name }</Link<Route>>{ format!(": {}", row.share) }
                </li>
            }) }</ul>
        }
    });
    html! { <section class="budget" aria-label="Error budget spent"><h2>{ "Error budget spent" }</h2>{ body }</section> }
}

fn recurrence_notice(recurrences: Vec<String>) -> Html {
    if recurrences.is_empty() {
        return Html::default();
    }
    html! {
        <p class="notice recurrence">
            { for recurrences.into_iter().map(|line| html! { <span>{ line }</span> }) }
            <Link<Route> to={Route::Patterns}>{ "Earlier fixes were not enough: see the patterns" }</Link<Route>>
        </p>
    }
}

/// Who, what and when.
fn facts(pm: &Postmortem, site: &Site) -> Html {
    let m = &pm.meta;
    let services = m.services.iter().map(|s| {
        html! { <Link<Route> to={Route::Service { name: s.clone() }} classes="chip">{ service_label(&site.config, s) }</Link<Route>> }
    });
    html! {
        <>
            <dt>{ "Services" }</dt><dd>{ for services }</dd>
            if let Some(ic) = &m.incident_commander { <dt>{ "Incident commander" }</dt><dd>{ ic.clone() }</dd> }
            if !m.authors.is_empty() { <dt>{ "Authors" }</dt><dd>{ m.authors.join(", ") }</dd> }
            if !m.tags.is_empty() { <dt>{ "Tags" }</dt><dd>{ for m.tags.iter().map(|t| html! { <span class="chip">{ t.clone() }</span> }) }</dd> }
            { for milestones(&pm.times).into_iter().map(|(label, value)| html! { <><dt>{ label }</dt><dd>{ value }</dd></> }) }
            if let Some(note) = from_timeline(&pm.times) {
                <dt>{ "From the timeline" }</dt>
                <dd class="muted">{ note }</dd>
            }
            if !m.caused_by_deploys.is_empty() { <dt>{ "Caused by deploys" }</dt><dd>{ for m.caused_by_deploys.iter().map(|d| html! { <code class="chip">{ d.clone() }</code> }) }</dd> }
        </>
    }
}

/// Runbooks and postmortems this one names, and the postmortems naming it.
fn links(m: &PostmortemMeta, site: &Site) -> Html {
    let to_postmortem = |id: &String, title: String| {
        html! { <Link<Route> to={Route::Postmortem { id: id.clone() }} classes="chip">{ title }</Link<Route>> }
    };
    let referenced_by = referenced_by(&site.postmortems, &m.id);
    html! {
        <>
            if !m.runbooks.is_empty() {
                <dt>{ "Runbooks" }</dt>
                <dd>{ for m.runbooks.iter().map(|r| html! { <Link<Route> to={Route::Runbook { slug: r.clone() }} classes="chip">{ runbook_title(&site.runbooks, r) }</Link<Route>> }) }</dd>
            }
            if !m.related.is_empty() {
                <dt>{ "Related" }</dt>
                <dd>{ for m.related.iter().map(|r| to_postmortem(r, postmortem_title(&site.postmortems, r))) }</dd>
            }
            if !referenced_by.is_empty() {
                <dt>{ "Referenced by" }</dt>
                <dd>{ for referenced_by.iter().map(|p| to_postmortem(&p.meta.id, p.meta.title.clone())) }</dd>
            }
        </>
    }
}
