use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::SeverityBadge;
use crate::app::data::use_site;
use crate::app::route::Route;
use crate::model::{PostmortemStatus, PostmortemSummary, Severity};

/// Filters and sort order live in the URL, so a filtered list can be shared and survives a
/// reload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct ListQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    severity: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    service: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    status: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    sort: String,
}

impl ListQuery {
    fn keeps(&self, pm: &PostmortemSummary) -> bool {
        (self.severity.is_empty() || pm.meta.severity.label() == self.severity)
            && (self.service.is_empty() || pm.meta.services.contains(&self.service))
            && (self.status.is_empty() || pm.meta.status.label() == self.status)
    }

    fn sort(&self, list: &mut [&PostmortemSummary]) {
        match self.sort.as_str() {
            "oldest" => list.sort_by_key(|pm| pm.meta.date),
            "severity" => list.sort_by(|a, b| {
                a.meta
                    .severity
                    .cmp(&b.meta.severity)
                    .then(b.meta.date.cmp(&a.meta.date))
            }),
            "title" => list.sort_by(|a, b| {
                a.meta
                    .title
                    .to_lowercase()
                    .cmp(&b.meta.title.to_lowercase())
            }),
            _ => list.sort_by_key(|pm| std::cmp::Reverse(pm.meta.date)),
        }
    }
}

#[component]
pub fn PostmortemList() -> Html {
    let site = use_site();
    let location = use_location();
    let navigator = use_navigator();
    let query: ListQuery = location
        .and_then(|l| l.query::<ListQuery>().ok())
        .unwrap_or_default();

    let mut shown: Vec<&PostmortemSummary> = site
        .postmortems
        .iter()
        .filter(|pm| query.keeps(pm))
        .collect();
    query.sort(&mut shown);

    // One handler per select: it rewrites its own field of the query.
    let on_change = |set: fn(&mut ListQuery, String)| {
        let (navigator, query) = (navigator.clone(), query.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = query.clone();
            set(&mut next, value);
            if let Some(navigator) = &navigator {
                let _ = navigator.replace_with_query(&Route::Postmortems, &next);
            }
        })
    };
    let services: Vec<String> = {
        let mut s: Vec<String> = site
            .postmortems
            .iter()
            .flat_map(|pm| pm.meta.services.iter().cloned())
            .collect();
        s.sort();
        s.dedup();
        s
    };
    let options = |values: Vec<String>, selected: &str| -> Html {
        values
            .into_iter()
            .map(|v| html! { <option value={v.clone()} selected={v == selected}>{ v }</option> })
            .collect()
    };

    html! {
        <>
            <h1>{ "Postmortems" }</h1>
            <form class="filters" aria-label="Filter postmortems">
                <label>{ "Severity " }
                    <select name="severity" onchange={on_change(|q, v| q.severity = v)}>
                        <option value="">{ "All" }</option>
                        { options(Severity::ALL.iter().map(|s| s.label().to_owned()).collect(), &query.severity) }
                    </select>
                </label>
                <label>{ "Service " }
                    <select name="service" onchange={on_change(|q, v| q.service = v)}>
                        <option value="">{ "All" }</option>
                        { options(services, &query.service) }
                    </select>
                </label>
                <label>{ "Status " }
                    <select name="status" onchange={on_change(|q, v| q.status = v)}>
                        <option value="">{ "All" }</option>
                        { options(PostmortemStatus::ALL.iter().map(|s| s.label().to_owned()).collect(), &query.status) }
                    </select>
                </label>
                <label>{ "Sort " }
                    <select name="sort" onchange={on_change(|q, v| q.sort = v)}>
                        { options(vec!["newest".into(), "oldest".into(), "severity".into(), "title".into()], &query.sort) }
                    </select>
                </label>
            </form>
            <p class="muted" aria-live="polite">{ format!("{} of {} postmortems", shown.len(), site.postmortems.len()) }</p>
            if shown.is_empty() {
                <p class="empty">{ "No postmortem matches these filters." }</p>
            } else {
                <table class="list">
                    <thead><tr><th>{ "Date" }</th><th>{ "Severity" }</th><th>{ "Title" }</th><th>{ "Services" }</th><th>{ "Status" }</th><th>{ "Open items" }</th></tr></thead>
                    <tbody>
                        { for shown.iter().map(|pm| row(pm)) }
                    </tbody>
                </table>
            }
        </>
    }
}

fn row(pm: &PostmortemSummary) -> Html {
    let open = pm
        .action_items
        .iter()
        .filter(|i| i.status.is_open())
        .count();
    html! {
        <tr>
            <td class="nowrap">{ pm.meta.date.to_string() }</td>
            <td><SeverityBadge severity={pm.meta.severity} /></td>
            <td><Link<Route> to={Route::Postmortem { id: pm.meta.id.clone() }}>{ pm.meta.title.clone() }</Link<Route>></td>
            <td>{ pm.meta.services.join(", ") }</td>
            <td>{ pm.meta.status.label() }</td>
            <td>{ open }</td>
        </tr>
    }
}
