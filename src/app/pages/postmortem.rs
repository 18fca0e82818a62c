use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{
    ActionStatusBadge, AnchorLink, ItemExtras, Problem, RawHtml, SeverityBadge, scroll_to, use_section_scroll,
    when_assessed,
};
use crate::app::data::{Load, today, use_document, use_site, use_slos};
use crate::app::route::Route;
use analytics::slo::budget_spent_by_incident;
use model::bundle::{Site, postmortem_file};
use model::{ActionItem, Postmortem, PostmortemMeta, Section};
use views::postmortem::{
    SectionBody, budget_rows, from_timeline, is_overdue, item_anchor, kicker, milestones, postmortem_title,
    recurrences, referenced_by, runbook_title, section_body, service_label, timeline_time,
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

/// `?item=3` deep-links to row 3 of the action items (from the action-items page).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ItemQuery {
    pub item: String,
}

#[component]
fn PostmortemView(props: &ViewProps) -> Html {
    let site = use_site();
    let item = use_location().and_then(|l| l.query::<ItemQuery>().ok()).map(|q| q.item).filter(|i| !i.is_empty());
    use_effect_with(item.clone(), |item| {
        if let Some(item) = item {
            scroll_to(&item_anchor(item));
        }
    });
    use_section_scroll(true);
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
            <nav class="toc" aria-label="Sections">
                { for pm.sections.iter().map(|s| html! { <AnchorLink anchor={s.anchor.clone()}>{ html! { s.heading.clone() } }</AnchorLink> }) }
            </nav>
            { for pm.sections.iter().map(|s| section(pm, s, &item)) }
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

/// One section, under its heading; `highlight` is the action item the URL points at.
fn section(pm: &Postmortem, s: &Section, highlight: &Option<String>) -> Html {
    let body = match section_body(s.kind, &pm.timeline, &pm.action_items) {
        SectionBody::Timeline => timeline(pm),
        SectionBody::ActionItems => {
            html! { <ActionItems items={pm.action_items.clone()} highlight={highlight.clone()} /> }
        }
        SectionBody::Html => html! { <RawHtml html={s.html.clone()} /> },
    };
    html! { <section id={s.anchor.clone()}><h2>{ s.heading.clone() }</h2>{ body }</section> }
}

fn timeline(pm: &Postmortem) -> Html {
    html! {
        <ol class="timeline">
            { for pm.timeline.iter().map(|e| html! {
                <li>
                    <time datetime={e.at.to_rfc3339()}>{ timeline_time(e) }</time>
                    <RawHtml html={e.html.clone()} class="entry" />
                </li>
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct ItemsProps {
    items: Vec<ActionItem>,
    highlight: Option<String>,
}

#[component]
fn ActionItems(props: &ItemsProps) -> Html {
    let site = use_site();
    let as_of = today(&site);
    html! {
        <table class="list action-items">
            <thead><tr><th>{ "#" }</th><th>{ "Action item" }</th><th>{ "Owner" }</th><th>{ "Due" }</th><th>{ "Status" }</th></tr></thead>
            <tbody>
                { for props.items.iter().map(|item| {
                    let overdue = is_overdue(item, as_of);
                    html! {
                        <tr id={item_anchor(&item.number)} class={classes!((props.highlight.as_ref() == Some(&item.number)).then_some("highlight"))}>
                            <td>{ item.number.clone() }</td>
                            <td>{ item.text.clone() }<ItemExtras item={item.clone()} /></td>
                            <td>{ item.owner.clone() }</td>
                            <td class="nowrap">{ item.due.map_or("—".to_owned(), |d| d.to_string()) }</td>
                            <td><ActionStatusBadge status={item.status} overdue={overdue} /></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
