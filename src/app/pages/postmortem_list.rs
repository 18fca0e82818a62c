use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{FilterSelect, SeverityBadge};
use crate::app::data::use_site;
use crate::app::query::query_setter;
use crate::app::route::Route;
use model::{PostmortemStatus, PostmortemSummary, Severity};

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
            "severity" => {
                list.sort_by(|a, b| a.meta.severity.cmp(&b.meta.severity).then(b.meta.date.cmp(&a.meta.date)))
            }
            "title" => list.sort_by_cached_key(|pm| pm.meta.title.to_lowercase()),
            _ => list.sort_by_key(|pm| std::cmp::Reverse(pm.meta.date)),
        }
    }
}

#[component]
pub fn PostmortemList() -> Html {
    let site = use_site();
    let location = use_location();
    let navigator = use_navigator();
    let query: ListQuery = location.and_then(|l| l.query::<ListQuery>().ok()).unwrap_or_default();

    let mut shown: Vec<&PostmortemSummary> = site.postmortems.iter().filter(|pm| query.keeps(pm)).collect();
    query.sort(&mut shown);

    let set = |update: fn(&mut ListQuery, String)| query_setter(navigator.clone(), Route::Postmortems, &query, update);
    let services: Vec<String> = site.postmortems.iter().flat_map(|pm| pm.meta.services.iter().cloned()).collect();
    let labels = |labels: &[&str]| labels.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    let sort = if query.sort.is_empty() { "newest" } else { query.sort.as_str() };

    html! {
        <>
            <h1>{ "Postmortems" }</h1>
            <form class="filters" aria-label="Filter postmortems">
                <FilterSelect label="Severity" name="severity" options={labels(&Severity::ALL.map(Severity::label))} selected={query.severity.clone()} onchange={set(|q, v| q.severity = v)} />
                <FilterSelect label="Service" name="service" options={services} selected={query.service.clone()} onchange={set(|q, v| q.service = v)} />
                <FilterSelect label="Status" name="status" options={labels(&PostmortemStatus::ALL.map(PostmortemStatus::label))} selected={query.status.clone()} onchange={set(|q, v| q.status = v)} />
                <FilterSelect label="Sort" name="sort" all={false} options={labels(&["newest", "oldest", "severity", "title"])} selected={sort.to_owned()} onchange={set(|q, v| q.sort = v)} />
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
    let open = pm.action_items.iter().filter(|i| i.status.is_open()).count();
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
