use chrono::NaiveDate;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{Card, Problem, SeverityBadge};
use crate::app::data::{today, use_site};
use crate::app::route::Route;
use analytics::{Digest, ItemRef, Prepared, digest, digest_months, first_of};
use model::bundle::Site;
use model::dates;
use views::headline;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// `YYYY-MM`; the current month when absent.
    #[prop_or_default]
    pub month: Option<AttrValue>,
}

/// `/digest` and `/digest/2026-11`: a month's new postmortems, action items opened and
/// closed, incidents, and the DORA change against the month before.
#[component]
pub fn DigestPage(props: &Props) -> Html {
    let site = use_site();
    let as_of = today(&site);
    let month = match &props.month {
        None => Some(first_of(as_of)),
        Some(text) => dates::parse_date(&format!("{text}-01")),
    };
    let digest = use_memo((site.clone(), month, as_of), |(site, month, as_of)| {
        month.map(|m| digest(site, &Prepared::new(site), m, *as_of))
    });
    let Some(digest) = digest.as_ref() else {
        let text = props.month.clone().unwrap_or_default();
        return html! { <Problem title="No such month" message={format!("`{text}` is not a month; months are written YYYY-MM, e.g. 2026-11.")} /> };
    };
    let months = digest_months(&site, as_of);
    view(&site, digest, &months)
}

fn month_name(month: NaiveDate) -> String {
    month.format(dates::MONTH_NAME).to_string()
}

fn month_route(month: NaiveDate) -> Route {
    Route::Digest { month: month.format(dates::MONTH).to_string() }
}

fn view(site: &Site, d: &Digest, months: &[NaiveDate]) -> Html {
    let at = months.iter().position(|m| *m == d.month);
    let newer = at.and_then(|i| i.checked_sub(1)).map(|i| months[i]);
    let older = at.and_then(|i| months.get(i + 1)).copied();
    let title =
        |id: &str| site.postmortems.iter().find(|p| p.meta.id == id).map_or(id.to_owned(), |p| p.meta.title.clone());
    let items = |items: &[ItemRef], empty: &str| {
        if items.is_empty() {
            return html! { <p class="empty">{ empty.to_owned() }</p> };
        }
        html! {
            <ul class="digest-items">
                { for items.iter().map(|i| html! {
                    <li>
                        { format!("{} — {} ", i.text, i.owner) }
                        <span class="muted">{ "(" }<Link<Route> to={Route::Postmortem { id: i.postmortem.clone() }}>{ title(&i.postmortem) }</Link<Route>>{ ")" }</span>
                    </li>
                }) }
            </ul>
        }
    };
    let previous = d.month - chrono::Months::new(1);
    html! {
        <article class="digest" data-month={d.month.format(dates::MONTH).to_string()}>
            <h1>{ format!("Digest: {}", month_name(d.month)) }</h1>
            <nav class="months" aria-label="Months">
                if let Some(m) = older { <Link<Route> to={month_route(m)}>{ format!("← {}", month_name(m)) }</Link<Route>> }
                if let Some(m) = newer { <Link<Route> to={month_route(m)}>{ format!("{} →", month_name(m)) }</Link<Route>> }
            </nav>
            <p class="muted">{ format!("{} to {}", d.window.since, d.window.until) }</p>
            <section class="cards" aria-label="The month in numbers">
                <Card label="New postmortems" value={d.postmortems.len().to_string()} />
                <Card label="Incidents" value={d.incidents.to_string()} />
                <Card label="Action items opened" value={d.opened.len().to_string()} />
                <Card label="Action items closed" value={d.closed.len().to_string()} />
            </section>
            <h2>{ "New postmortems" }</h2>
            if d.postmortems.is_empty() { <p class="empty">{ "No postmortem this month." }</p> }
            <ul class="latest">
                { for d.postmortems.iter().filter_map(|id| site.postmortems.iter().find(|p| &p.meta.id == id)).map(|pm| html! {
                    <li>
                        <SeverityBadge severity={pm.meta.severity} />{ " " }
                        <Link<Route> to={Route::Postmortem { id: pm.meta.id.clone() }}>{ pm.meta.title.clone() }</Link<Route>>
                        <span class="muted">{ format!(" · {}", pm.meta.date) }</span>
                    </li>
                }) }
            </ul>
            <h2>{ "Action items closed" }</h2>
            { items(&d.closed, "No action item was completed this month.") }
            if d.closed_undated > 0 {
                <p class="muted">{ format!("{} done item(s) have no completion date, so no month can count them: record it as `Done YYYY-MM-DD`.", d.closed_undated) }</p>
            }
            <h2>{ "Action items opened" }</h2>
            { items(&d.opened, "No action item was opened this month.") }
            <h2>{ format!("Delivery and recovery against {}", month_name(previous)) }</h2>
            <table class="digest-dora">
                <thead><tr><th>{ "" }</th><th>{ month_name(previous) }</th><th>{ month_name(d.month) }</th><th>{ "Change" }</th></tr></thead>
                <tbody>
                    { for headline::compare(&headline::delivery(&d.dora_before), &headline::delivery(&d.dora)).into_iter().map(|h| html! {
                        <tr><th scope="row">{ h.name }</th><td>{ h.before }</td><td>{ h.after }</td><td>{ h.change }</td></tr>
                    }) }
                </tbody>
            </table>
            <p class="muted">{ "Production, every service; the current month runs to today." }</p>
        </article>
    }
}
