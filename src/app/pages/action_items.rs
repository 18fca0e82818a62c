//! `/action-items`: every postmortem's action items, filtered from the URL, then the drills'
//! under the same filters, each with its drill. What is shown is decided by
//! `views::action_items` and `views::drill_items`; this file reads the URL and renders that.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{ActionStatusBadge, BarChart, Card, FilterSelect, ItemExtras, ItemQuery, SeverityBadge};
use crate::app::data::{now_ms, today, use_site};
use crate::app::query::query_setter;
use crate::app::route::Route;
use analytics::{ActionItemRow, GroupStats, action_item_rows};
use views::action_items::{
    ActionItemsQuery, ActionItemsView, Choices, Filters, OVERDUE_ONLY, Oversized, PAGE, due_text, oversized, team_of,
};
use views::drill_items::{DrillItemRow, drill_item_rows, keeps};
use views::format::format_percent;

#[component]
pub fn ActionItems() -> Html {
    let site = use_site();
    let query = use_location().and_then(|l| l.query::<ActionItemsQuery>().ok()).unwrap_or_default();
    let (filters, problems) = query.filters(today(&site));
    // Rows depend on "as of" only; filters then slice them. Filtering is timed, for the
    // benchmark (docs/benchmarks.md) and for anyone curious.
    let rows = use_memo((site.clone(), filters.as_of), |(site, as_of)| {
        action_item_rows(&site.postmortems, &site.config, *as_of)
    });
    let started = now_ms();
    let view = ActionItemsView::of(&rows, &filters);
    let elapsed = now_ms() - started;
    let limit = use_state(|| PAGE);
    let oversized = oversized(&site.postmortems, site.config.action_items.max_per_postmortem);
    let drill_rows =
        use_memo((site.clone(), filters.as_of), |(site, as_of)| drill_item_rows(&site.drills, &site.config, *as_of));
    let drill_rows: Vec<&DrillItemRow> = drill_rows.iter().filter(|r| keeps(&filters, r)).collect();

    html! {
        <>
            <h1>{ "Action items" }</h1>
            <FilterForm query={query.clone()} filters={filters} choices={Choices::of(&rows)} />
            if !problems.is_empty() {
                <ul class="notice" role="alert">{ for problems.into_iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            }
            <section class="cards" aria-label="Action-item figures">
                { for view.cards().into_iter().map(|(label, value)| html! { <Card {label} {value} /> }) }
            </section>
            <p class="muted" data-compute-ms={format!("{elapsed:.3}")}>{ view.summary(elapsed) }</p>
            <div class="chart-row">
                <BarChart bars={view.completion_bars()} caption="Completion at each month's end (%)" />
                <BarChart bars={view.overdue_bars()} caption="Overdue items at each month's end" />
            </div>
            <div class="chart-row">
                <Breakdown title="By team" groups={view.by_team.clone()} />
                <Breakdown title="By quarter of the incident" groups={view.by_quarter.clone()} />
            </div>
            { for oversized.map(oversized_notice) }
            { table(&view, &query, &limit) }
            { drill_table(&drill_rows, &query) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FilterFormProps {
    /// As in the URL: each control replaces one of its fields.
    query: ActionItemsQuery,
    /// As read from it: what the controls show.
    filters: Filters,
    choices: Choices,
}

#[component]
fn FilterForm(props: &FilterFormProps) -> Html {
    let navigator = use_navigator();
    let (query, filters, choices) = (&props.query, &props.filters, &props.choices);
    let set =
        |update: fn(&mut ActionItemsQuery, String)| query_setter(navigator.clone(), Route::ActionItems, query, update);
    let on_date =
        set(|q, v| q.as_of = v).reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    let overdue_toggle = set(|q, v| q.overdue = v).reform(|e: Event| {
        let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
        if checked { OVERDUE_ONLY.to_owned() } else { String::new() }
    });
    let chosen = |value: &Option<String>| AttrValue::from(value.clone().unwrap_or_default());
    html! {
        <form class="filters" aria-label="Filter action items">
            <label>{ "As of " }<input type="date" name="as_of" value={filters.as_of.to_string()} onchange={on_date} /></label>
            <FilterSelect label="Owner" name="owner" options={choices.owners.clone()} selected={chosen(&filters.owner)} onchange={set(|q, v| q.owner = v)} />
            <FilterSelect label="Team" name="team" options={choices.teams.clone()} selected={chosen(&filters.team)} onchange={set(|q, v| q.team = v)} />
            <FilterSelect label="Status" name="status" options={choices.statuses.clone()} selected={chosen(&filters.status)} onchange={set(|q, v| q.status = v)} />
            <FilterSelect label="Severity" name="severity" options={choices.severities.clone()} selected={chosen(&filters.severity)} onchange={set(|q, v| q.severity = v)} />
            <FilterSelect label="Service" name="service" options={choices.services.clone()} selected={chosen(&filters.service)} onchange={set(|q, v| q.service = v)} />
            <label><input type="checkbox" name="overdue" checked={filters.overdue_only} onchange={overdue_toggle} />{ " Overdue only" }</label>
            <FilterSelect label="Sort" name="sort" all={false} options={choices.sorts.clone()} selected={filters.sort.key()} onchange={set(|q, v| q.sort = v)} />
        </form>
    }
}

fn oversized_notice(oversized: Oversized) -> Html {
    html! {
        <p class="notice">{ oversized.notice }
            { for oversized.ids.into_iter().map(|id| html! { <Link<Route> to={Route::Postmortem { id: id.clone() }} classes="chip">{ id }</Link<Route>> }) }
        </p>
    }
}

/// The rows shown, a page at a time.
fn table(view: &ActionItemsView, query: &ActionItemsQuery, limit: &UseStateHandle<usize>) -> Html {
    if view.shown.is_empty() {
        return html! { <p class="empty">{ "No action item matches these filters." }</p> };
    }
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    html! {
        <>
            <table class="list action-items">
                <thead><tr><th>{ "Due" }</th><th>{ "Action item" }</th><th>{ "Owner" }</th><th>{ "Team" }</th><th>{ "Status" }</th><th>{ "Incident" }</th></tr></thead>
                <tbody>{ for view.shown.iter().take(**limit).map(|r| row(r, query)) }</tbody>
            </table>
            if let Some(label) = view.show_more(**limit) {
                <p><button onclick={show_more}>{ label }</button></p>
            }
        </>
    }
}

fn row(r: &ActionItemRow, query: &ActionItemsQuery) -> Html {
    let policy = r.beyond_policy.then(|| html! { <span class="chip warn" title="Due later than the severity's policy allows">{ "beyond policy" }</span> });
    html! {
        <tr>
            <td class="nowrap">{ due_text(r) }{ for policy }</td>
            <td>
                <Link<Route, ItemQuery> to={Route::Postmortem { id: r.postmortem_id.clone() }} query={Some(ItemQuery { item: r.item.number.clone() })}>{ r.item.text.clone() }</Link<Route, ItemQuery>>
                <ItemExtras item={r.item.clone()} />
            </td>
            <td><Link<Route, ActionItemsQuery> to={Route::ActionItems} query={Some(query.owner_view(&r.item.owner))}>{ r.item.owner.clone() }</Link<Route, ActionItemsQuery>></td>
            <td>{ team_of(r) }</td>
            <td><ActionStatusBadge status={r.item.status} overdue={r.overdue} /></td>
            <td><SeverityBadge severity={r.severity} />{ format!(" {}", r.incident_date) }</td>
        </tr>
    }
}

/// The drills' items the filters keep, each linked to its row on the drill's page. They are
/// not in the figures above (docs/metrics.md, "Action items").
fn drill_table(rows: &[&DrillItemRow], query: &ActionItemsQuery) -> Html {
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <section class="drill-items" aria-label="Action items from drills">
            <h2>{ "From drills" }</h2>
            <p class="muted">{ "Not counted in the figures above, which are over postmortems' action items." }</p>
            <table class="list action-items drill-items">
                <thead><tr><th>{ "Due" }</th><th>{ "Action item" }</th><th>{ "Owner" }</th><th>{ "Team" }</th><th>{ "Status" }</th><th>{ "Source" }</th></tr></thead>
                <tbody>{ for rows.iter().map(|r| html! {
                    <tr data-drill={r.drill_id.clone()}>
                        <td class="nowrap">{ r.due_text() }</td>
                        <td>
                            <Link<Route, ItemQuery> to={Route::Drill { id: r.drill_id.clone() }} query={Some(ItemQuery { item: r.item.number.clone() })}>{ r.item.text.clone() }</Link<Route, ItemQuery>>
                            <ItemExtras item={r.item.clone()} />
                        </td>
                        <td><Link<Route, ActionItemsQuery> to={Route::ActionItems} query={Some(query.owner_view(&r.item.owner))}>{ r.item.owner.clone() }</Link<Route, ActionItemsQuery>></td>
                        <td>{ r.team() }</td>
                        <td><ActionStatusBadge status={r.item.status} overdue={r.overdue} /></td>
                        <td class="source">{ "Drill: " }<Link<Route> to={Route::Drill { id: r.drill_id.clone() }}>{ r.drill_title.clone() }</Link<Route>>{ format!(" ({})", r.drill_date) }</td>
                    </tr>
                }) }</tbody>
            </table>
        </section>
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
