//! The service page's readiness, drills and disaster-recovery sections.

use yew::prelude::*;

use crate::app::components::{PathLink, ReadinessChecks};
use crate::app::data::use_readiness;
use views::drill_status::{DrillStatusView, OverRtoRow, over_rto_rows};
use views::readiness::ReadinessRow;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: AttrValue,
}

/// Where the service stands from firefighting to fire-starting, and why.
#[component]
pub fn ServiceReadiness(props: &Props) -> Html {
    let ready = use_readiness();
    let Some(row) = ready.services.iter().find(|r| r.service == props.name.as_str()).map(ReadinessRow::of) else {
        return Html::default();
    };
    html! {
        <section class="readiness" data-as-of={ready.drills.as_of.to_string()}>
            <h2>{ "Readiness" }</h2>
            <ReadinessChecks {row} />
        </section>
    }
}

/// The service's drills against its tier's cadence, its recovery tests, and the incidents of
/// the last 90 days that took longer than its RTO.
#[component]
pub fn ServiceDrills(props: &Props) -> Html {
    let ready = use_readiness();
    let status = DrillStatusView::of(&ready.drills);
    let Some(row) = status.service(&props.name) else { return Html::default() };
    let recovery: Vec<_> = status.recovery.iter().filter(|r| r.service == props.name.as_str()).collect();
    let over = over_rto_rows(&ready.over_rto, |s| s == props.name.as_str());
    html! {
        <section class="service-drills">
            <h2>{ "Drills" }</h2>
            <dl class="facts">
                <dt>{ "Last done" }</dt>
                <dd>
                    { row.last_done_text.clone() }
                    if let Some((title, path)) = &row.last_done { { " · " }<PathLink path={path.clone()} text={title.clone()} /> }
                </dd>
                <dt>{ "Next due" }</dt>
                <dd class={classes!(row.overdue.then_some("overdue"))}>
                    { format!("{} ({})", row.next_due, row.every) }
                    if row.overdue { <strong>{ " · overdue" }</strong> }
                </dd>
                if let Some((title, path, date)) = &row.next_planned {
                    <dt>{ "Planned" }</dt><dd>{ format!("{date} · ") }<PathLink path={path.clone()} text={title.clone()} /></dd>
                }
                { for recovery.iter().map(|r| html! {
                    <>
                        <dt>{ "Recovery test" }</dt>
                        <dd class={classes!(r.missed.then_some("overdue"))}>
                            <PathLink path={r.drill.1.clone()} text={r.drill.0.clone()} />
                            { format!(" ({}): RTO {}, RPO {}", r.date, r.rto, r.rpo) }
                        </dd>
                    </>
                }) }
            </dl>
            <OverRtoTable rows={over} caption="Incidents of the last 90 days restored slower than the tier's RTO" />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct OverRtoProps {
    pub rows: Vec<OverRtoRow>,
    pub caption: AttrValue,
}

/// Incidents restored slower than their service's RTO; the service page and the incidents
/// page both list them.
#[component]
pub fn OverRtoTable(props: &OverRtoProps) -> Html {
    if props.rows.is_empty() {
        return html! { <p class="muted over-rto">{ format!("{}: none.", props.caption) }</p> };
    }
    html! {
        <table class="list over-rto">
            <caption>{ props.caption.clone() }</caption>
            <thead><tr><th>{ "Incident" }</th><th>{ "Service" }</th><th>{ "Began" }</th><th>{ "Restored in" }</th><th>{ "RTO" }</th></tr></thead>
            <tbody>
                { for props.rows.iter().map(|r| html! {
                    <tr>
                        <td>{ match &r.path {
                            Some(path) => html! { <PathLink path={path.clone()} text={r.incident.clone()} /> },
                            None => html! { <code>{ r.incident.clone() }</code> },
                        } }</td>
                        <td>{ r.service.clone() }</td>
                        <td class="nowrap">{ r.began.clone() }</td>
                        <td>{ r.restore.clone() }</td>
                        <td>{ r.rto.clone() }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
