use chrono::{DateTime, Utc};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{
    ActionStatusBadge, AnchorLink, ItemExtras, Problem, RawHtml, SeverityBadge, scroll_to, use_section_scroll,
};
use crate::app::data::{Load, today, use_document, use_site};
use crate::app::route::Route;
use analytics::recurring;
use model::bundle::postmortem_file;
use model::{ActionItem, Postmortem, SectionKind};
use views::format::format_hours;

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
            scroll_to(&format!("item-{item}"));
        }
    });
    use_section_scroll(true);
    let pm = &props.pm;
    let m = &pm.meta;
    let t = &pm.times;
    let hours = |from: Option<DateTime<Utc>>, to: Option<DateTime<Utc>>| {
        format_hours(from.zip(to).map(|(a, b)| (b - a).num_seconds() as f64 / 3600.0))
    };
    let time = |t: Option<DateTime<Utc>>| t.map_or("—".to_owned(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string());
    let services = m.services.iter().map(|s| {
        let team = site.config.services.get(s).map(|svc| format!(" ({})", svc.team)).unwrap_or_default();
        html! { <Link<Route> to={Route::Service { name: s.clone() }} classes="chip">{ format!("{s}{team}") }</Link<Route>> }
    });
    // Links both ways: postmortems that name this one as related.
    let referenced_by: Vec<_> = site.postmortems.iter().filter(|p| p.meta.related.contains(&m.id)).collect();
    // Recurrence: this incident's place in each class seen more than once.
    let recurrences: Vec<(String, usize, usize)> = recurring(&site.postmortems)
        .iter()
        .filter(|p| p.service.is_some())
        .filter_map(|p| p.occurrence_of(&m.id).map(|n| (p.label(), n, p.occurrences.len())))
        .filter(|(_, n, _)| *n > 1)
        .collect();
    let runbook_title =
        |slug: &String| site.runbooks.iter().find(|r| &r.slug == slug).map_or(slug.clone(), |r| r.meta.title.clone());
    let related_title =
        |id: &String| site.postmortems.iter().find(|p| &p.meta.id == id).map_or(id.clone(), |p| p.meta.title.clone());

    html! {
        <article class="document postmortem">
            <header>
                <p class="kicker"><SeverityBadge severity={m.severity} />{ format!(" {} · {}", m.date, m.status.label()) }</p>
                <h1>{ m.title.clone() }</h1>
            </header>
            if !recurrences.is_empty() {
                <p class="notice recurrence">
                    { for recurrences.iter().map(|(label, n, total)| html! {
                        <span>{ format!("{} occurrence of {label} (of {total} so far). ", ordinal(*n)) }</span>
                    }) }
                    <Link<Route> to={Route::Patterns}>{ "Earlier fixes were not enough: see the patterns" }</Link<Route>>
                </p>
            }
            <dl class="facts">
                <dt>{ "Services" }</dt><dd>{ for services }</dd>
                if let Some(ic) = &m.incident_commander { <dt>{ "Incident commander" }</dt><dd>{ ic.clone() }</dd> }
                if !m.authors.is_empty() { <dt>{ "Authors" }</dt><dd>{ m.authors.join(", ") }</dd> }
                if !m.tags.is_empty() { <dt>{ "Tags" }</dt><dd>{ for m.tags.iter().map(|t| html! { <span class="chip">{ t.clone() }</span> }) }</dd> }
                <dt>{ "Started" }</dt><dd>{ time(t.started_at) }</dd>
                <dt>{ "Time to detect" }</dt><dd>{ hours(t.started_at, t.detected_at) }</dd>
                <dt>{ "Time to acknowledge" }</dt><dd>{ hours(t.detected_at, t.acknowledged_at) }</dd>
                <dt>{ "Time to mitigate" }</dt><dd>{ hours(t.acknowledged_at, t.mitigated_at) }</dd>
                <dt>{ "Time to resolve" }</dt><dd>{ hours(t.started_at.or(t.detected_at), t.resolved_at) }</dd>
                if !t.from_timeline.is_empty() {
                    <dt>{ "From the timeline" }</dt>
                    <dd class="muted">{ format!("{} (not in the front matter)", t.from_timeline.join(", ")) }</dd>
                }
                if !m.caused_by_deploys.is_empty() { <dt>{ "Caused by deploys" }</dt><dd>{ for m.caused_by_deploys.iter().map(|d| html! { <code class="chip">{ d.clone() }</code> }) }</dd> }
                if !m.runbooks.is_empty() {
                    <dt>{ "Runbooks" }</dt>
                    <dd>{ for m.runbooks.iter().map(|r| html! { <Link<Route> to={Route::Runbook { slug: r.clone() }} classes="chip">{ runbook_title(r) }</Link<Route>> }) }</dd>
                }
                if !m.related.is_empty() {
                    <dt>{ "Related" }</dt>
                    <dd>{ for m.related.iter().map(|r| html! { <Link<Route> to={Route::Postmortem { id: r.clone() }} classes="chip">{ related_title(r) }</Link<Route>> }) }</dd>
                }
                if !referenced_by.is_empty() {
                    <dt>{ "Referenced by" }</dt>
                    <dd>{ for referenced_by.iter().map(|p| html! { <Link<Route> to={Route::Postmortem { id: p.meta.id.clone() }} classes="chip">{ p.meta.title.clone() }</Link<Route>> }) }</dd>
                }
            </dl>
            <nav class="toc" aria-label="Sections">
                { for pm.sections.iter().map(|s| html! { <AnchorLink anchor={s.anchor.clone()}>{ html! { s.heading.clone() } }</AnchorLink> }) }
            </nav>
            { for pm.sections.iter().map(|s| {
                let body = match s.kind {
                    SectionKind::Timeline if !pm.timeline.is_empty() => timeline(pm),
                    SectionKind::ActionItems if !pm.action_items.is_empty() => html! { <ActionItems items={pm.action_items.clone()} highlight={item.clone()} /> },
                    _ => html! { <RawHtml html={s.html.clone()} /> },
                };
                html! { <section id={s.anchor.clone()}><h2>{ s.heading.clone() }</h2>{ body }</section> }
            }) }
            <p class="muted source">{ format!("Source: {}", pm.path) }</p>
        </article>
    }
}

fn ordinal(n: usize) -> String {
    match n {
        2 => "Second".to_owned(),
        3 => "Third".to_owned(),
        n => format!("{n}th"),
    }
}

fn timeline(pm: &Postmortem) -> Html {
    html! {
        <ol class="timeline">
            { for pm.timeline.iter().map(|e| html! {
                <li>
                    <time datetime={e.at.to_rfc3339()}>{ e.at.format("%Y-%m-%d %H:%M").to_string() }</time>
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
                    let overdue = item.status.is_open() && item.due.is_some_and(|d| d < as_of);
                    html! {
                        <tr id={format!("item-{}", item.number)} class={classes!((props.highlight.as_ref() == Some(&item.number)).then_some("highlight"))}>
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
