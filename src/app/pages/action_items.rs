use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use super::postmortem::ItemQuery;
use crate::app::components::{ActionStatusBadge, BarChart, Card, FilterSelect, ItemExtras, SeverityBadge};
use crate::app::data::{now_ms, today, use_site};
use crate::app::query::query_setter;
use crate::app::route::Route;
use analytics::{ActionItemRow, GroupStats, NO_TEAM, action_item_rows, action_item_stats, group_by, trend};
use model::bundle::Site;
use model::{ActionStatus, Severity};
use views::format::format_percent;

/// Filters, sort and "as of" live in the URL: `?owner=@priya` is a person's own view, and
/// any view can be shared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    /// A status label, or `open` for Pending + In Progress.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub severity: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service: String,
    /// `1` keeps only overdue items.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub overdue: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub as_of: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sort: String,
}

impl Filters {
    pub fn keeps(&self, row: &ActionItemRow) -> bool {
        let team = row.team.as_deref().unwrap_or(NO_TEAM);
        let status = match self.status.as_str() {
            "" => true,
            "open" => row.is_open(),
            label => row.item.status.label() == label,
        };
        (self.owner.is_empty() || row.item.owner == self.owner)
            && (self.team.is_empty() || team == self.team)
            && status
            && (self.severity.is_empty() || row.severity.label() == self.severity)
            && (self.service.is_empty() || row.services.contains(&self.service))
            && (self.overdue != "1" || row.overdue)
    }

    fn sort(&self, rows: &mut [&ActionItemRow]) {
        match self.sort.as_str() {
            "owner" => rows.sort_by(|a, b| a.item.owner.cmp(&b.item.owner).then(a.item.due.cmp(&b.item.due))),
            "severity" => rows.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.item.due.cmp(&b.item.due))),
            "incident" => rows.sort_by_key(|r| std::cmp::Reverse(r.incident_date)),
            // Soonest due first; undated (invalid) items last.
            _ => rows.sort_by_key(|r| (r.item.due.is_none(), r.item.due)),
        }
    }

    fn as_of(&self, site: &Site) -> NaiveDate {
        NaiveDate::parse_from_str(&self.as_of, "%Y-%m-%d").unwrap_or_else(|_| today(site))
    }
}

#[component]
pub fn ActionItems() -> Html {
    let site = use_site();
    let navigator = use_navigator();
    let filters: Filters = use_location().and_then(|l| l.query::<Filters>().ok()).unwrap_or_default();
    let as_of = filters.as_of(&site);

    // Rows depend on "as of" only; filters then slice them. Both are timed, for the
    // benchmark (docs/benchmarks.md) and for anyone curious.
    let rows =
        use_memo((site.clone(), as_of), |(site, as_of)| action_item_rows(&site.postmortems, &site.config, *as_of));
    let started = now_ms();
    let mut shown: Vec<&ActionItemRow> = rows.iter().filter(|r| filters.keeps(r)).collect();
    filters.sort(&mut shown);
    let stats = action_item_stats(shown.iter().copied(), as_of);
    let by_team =
        group_by(shown.iter().copied(), as_of, |r| vec![r.team.clone().unwrap_or_else(|| NO_TEAM.to_owned())]);
    let by_quarter = group_by(shown.iter().copied(), as_of, |r| vec![r.quarter()]);
    let over_time = trend(&shown, as_of);
    let elapsed = now_ms() - started;

    // Only a page of rows is rendered at a time: 100,000 table rows would freeze the tab.
    let limit = use_state(|| PAGE);
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    let set = |update: fn(&mut Filters, String)| query_setter(navigator.clone(), Route::ActionItems, &filters, update);
    let on_date =
        set(|f, v| f.as_of = v).reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    let overdue_toggle = set(|f, v| f.overdue = v).reform(|e: Event| {
        let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
        if checked { "1".to_owned() } else { String::new() }
    });
    let owners: Vec<String> = rows.iter().map(|r| r.item.owner.clone()).collect();
    let teams: Vec<String> = rows.iter().map(|r| r.team.clone().unwrap_or_else(|| NO_TEAM.to_owned())).collect();
    let services: Vec<String> = rows.iter().flat_map(|r| r.services.clone()).collect();
    let statuses: Vec<String> =
        std::iter::once("open".to_owned()).chain(ActionStatus::ALL.iter().map(|s| s.label().to_owned())).collect();
    let oversized: Vec<_> = site
        .postmortems
        .iter()
        .filter(|pm| pm.action_items.len() > site.config.action_items.max_per_postmortem)
        .collect();

    html! {
        <>
            <h1>{ "Action items" }</h1>
            <form class="filters" aria-label="Filter action items">
                <label>{ "As of " }<input type="date" name="as_of" value={as_of.to_string()} onchange={on_date} /></label>
                <FilterSelect label="Owner" name="owner" options={owners} selected={filters.owner.clone()} onchange={set(|f, v| f.owner = v)} />
                <FilterSelect label="Team" name="team" options={teams} selected={filters.team.clone()} onchange={set(|f, v| f.team = v)} />
                <FilterSelect label="Status" name="status" options={statuses} selected={filters.status.clone()} onchange={set(|f, v| f.status = v)} />
                <FilterSelect label="Severity" name="severity" options={Severity::ALL.map(|s| s.label().to_owned()).to_vec()} selected={filters.severity.clone()} onchange={set(|f, v| f.severity = v)} />
                <FilterSelect label="Service" name="service" options={services} selected={filters.service.clone()} onchange={set(|f, v| f.service = v)} />
                <label><input type="checkbox" name="overdue" checked={filters.overdue == "1"} onchange={overdue_toggle} />{ " Overdue only" }</label>
                <FilterSelect label="Sort" name="sort" all={false} options={vec!["due".to_owned(), "owner".into(), "severity".into(), "incident".into()]} selected={if filters.sort.is_empty() { "due".to_owned() } else { filters.sort.clone() }} onchange={set(|f, v| f.sort = v)} />
            </form>
            <section class="cards" aria-label="Action-item figures">
                <Card label="Items" value={stats.total.to_string()} />
                <Card label="Open" value={stats.open.to_string()} />
                <Card label="Overdue" value={stats.overdue.to_string()} />
                <Card label="Due soon" value={stats.due_soon.to_string()} />
                <Card label="Completion" value={format_percent(stats.completion_rate)} />
                <Card label="Median days to close" value={stats.days_to_close.median.map_or("—".to_owned(), |d| format!("{d:.0}"))} />
                <Card label="Median age of open items (days)" value={stats.open_age_days.median.map_or("—".to_owned(), |d| format!("{d:.0}"))} />
                <Card label="Beyond due-date policy" value={stats.beyond_policy.to_string()} />
                <Card label="Invalid" value={stats.invalid.to_string()} />
            </section>
            <p class="muted" data-compute-ms={format!("{elapsed:.3}")}>{ format!("{} of {} items · as of {as_of} · computed in {elapsed:.1} ms", shown.len(), rows.len()) }</p>
            <div class="chart-row">
                <BarChart bars={over_time.iter().map(|p| (p.on.format("%b %Y").to_string(), (p.completion_rate.unwrap_or(0.0) * 100.0).round() as usize)).collect::<Vec<_>>()} caption="Completion at each month's end (%)" />
                <BarChart bars={over_time.iter().map(|p| (p.on.format("%b %Y").to_string(), p.overdue)).collect::<Vec<_>>()} caption="Overdue items at each month's end" />
            </div>
            <div class="chart-row">
                <Breakdown title="By team" groups={by_team} />
                <Breakdown title="By quarter of the incident" groups={by_quarter} />
            </div>
            if !oversized.is_empty() {
                <p class="notice">{ format!("{} postmortem(s) have more than {} action items — three to five high-impact items beat a dozen aspirational ones: ", oversized.len(), site.config.action_items.max_per_postmortem) }
                    { for oversized.iter().map(|pm| html! { <Link<Route> to={Route::Postmortem { id: pm.meta.id.clone() }} classes="chip">{ pm.meta.id.clone() }</Link<Route>> }) }
                </p>
            }
            if shown.is_empty() {
                <p class="empty">{ "No action item matches these filters." }</p>
            } else {
                <table class="list action-items">
                    <thead><tr><th>{ "Due" }</th><th>{ "Action item" }</th><th>{ "Owner" }</th><th>{ "Team" }</th><th>{ "Status" }</th><th>{ "Incident" }</th></tr></thead>
                    <tbody>{ for shown.iter().take(*limit).map(|r| row(r, &filters)) }</tbody>
                </table>
                if shown.len() > *limit {
                    <p><button onclick={show_more}>{ format!("Show {} more of {}", PAGE.min(shown.len() - *limit), shown.len() - *limit) }</button></p>
                }
            }
        </>
    }
}

fn row(r: &ActionItemRow, filters: &Filters) -> Html {
    let mut owner_view = Filters { as_of: filters.as_of.clone(), ..Filters::default() };
    owner_view.owner = r.item.owner.clone();
    let policy = r.beyond_policy.then(|| html! { <span class="chip warn" title="Due later than the severity's policy allows">{ "beyond policy" }</span> });
    html! {
        <tr>
            <td class="nowrap">{ r.item.due.map_or("—".to_owned(), |d| d.to_string()) }{ for policy }</td>
            <td>
                <Link<Route, ItemQuery> to={Route::Postmortem { id: r.postmortem_id.clone() }} query={Some(ItemQuery { item: r.item.number.clone() })}>{ r.item.text.clone() }</Link<Route, ItemQuery>>
                <ItemExtras item={r.item.clone()} />
            </td>
            <td><Link<Route, Filters> to={Route::ActionItems} query={Some(owner_view)}>{ r.item.owner.clone() }</Link<Route, Filters>></td>
            <td>{ r.team.clone().unwrap_or_else(|| NO_TEAM.to_owned()) }</td>
            <td><ActionStatusBadge status={r.item.status} overdue={r.overdue} /></td>
            <td><SeverityBadge severity={r.severity} />{ format!(" {}", r.incident_date) }</td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct BreakdownProps {
    title: AttrValue,
    groups: Vec<GroupStats>,
}

#[component]
fn Breakdown(props: &BreakdownProps) -> Html {
    html! {
        <table class="list breakdown">
            <caption>{ props.title.clone() }</caption>
            <thead><tr><th></th><th>{ "Items" }</th><th>{ "Open" }</th><th>{ "Overdue" }</th><th>{ "Completion" }</th></tr></thead>
            <tbody>
                { for props.groups.iter().map(|g| html! {
                    <tr><th>{ g.key.clone() }</th><td>{ g.total }</td><td>{ g.open }</td><td>{ g.overdue }</td><td>{ format_percent(g.completion_rate) }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

/// Rows rendered per page of the table.
const PAGE: usize = 200;
