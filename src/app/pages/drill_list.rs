//! `/drills`: every drill on a timeline, each service's drills against its tier's cadence,
//! and the recovery tests against the tier's targets. What is shown is decided by
//! `views::drill_list` and `views::drill_status`; this file renders it.

use yew::prelude::*;

use super::drill::service_chips;
use crate::app::components::{PathLink, outcome_chip};
use crate::app::data::{use_readiness, use_site};
use views::drill_list::{DrillTimelineRow, summary, timeline};
use views::drill_status::{DrillStatusView, RecoveryRow, ServiceDrillRow};

#[component]
pub fn DrillList() -> Html {
    let site = use_site();
    let ready = use_readiness();
    let rows = timeline(&site.drills, &site.config);
    let status = DrillStatusView::of(&ready.drills);
    html! {
        <>
            <h1>{ "Drills" }</h1>
            <p class="muted" data-as-of={ready.drills.as_of.to_string()}>{ summary(rows.len(), &status, &ready.drills) }</p>
            <section aria-label="Timeline">
                <h2>{ "Timeline" }</h2>
                if rows.is_empty() {
                    <p class="empty">{ "No drills yet: `firebreak new drill \"Title\"` writes one." }</p>
                } else {
                    <table class="list drill-timeline">
                        <thead><tr><th>{ "Date" }</th><th>{ "Drill" }</th><th>{ "Kind" }</th><th>{ "Status" }</th><th>{ "Outcome" }</th><th>{ "Services" }</th><th>{ "Measured" }</th></tr></thead>
                        <tbody>{ for rows.iter().map(timeline_row) }</tbody>
                    </table>
                }
            </section>
            <ServiceTable rows={status.services.clone()} />
            <RecoveryTable rows={status.recovery.clone()} />
        </>
    }
}

fn timeline_row(r: &DrillTimelineRow) -> Html {
    html! {
        <tr data-drill={r.id.clone()} class={classes!(format!("status-{}", r.status))}>
            <td class="nowrap">{ r.date.clone() }</td>
            <td><PathLink path={r.path.clone()} text={r.title.clone()} /></td>
            <td>{ r.kind }</td>
            <td>{ r.status }</td>
            <td>{ outcome_chip(r.outcome) }</td>
            <td>{ service_chips(&r.services) }</td>
            <td class="measured">{ r.measured.clone() }</td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct ServiceProps {
    rows: Vec<ServiceDrillRow>,
}

/// Each catalog service's last drill and when the next is due by its tier's cadence.
#[component]
fn ServiceTable(props: &ServiceProps) -> Html {
    html! {
        <section aria-label="By service">
            <h2>{ "By service" }</h2>
            <table class="list drill-services">
                <thead><tr><th>{ "Service" }</th><th>{ "Tier" }</th><th>{ "Last drill" }</th><th>{ "Next due" }</th><th>{ "Planned" }</th></tr></thead>
                <tbody>
                    { for props.rows.iter().map(|r| html! {
                        <tr data-service={r.service.clone()} class={classes!(r.overdue.then_some("overdue"))}>
                            <td><PathLink path={r.service_path.clone()} text={r.service.clone()} /></td>
                            <td>{ r.tier }</td>
                            <td>
                                { r.last_done_text.clone() }
                                if let Some((title, path)) = &r.last_done { { " · " }<PathLink path={path.clone()} text={title.clone()} /> }
                            </td>
                            <td class="next-due">
                                <span class="due">{ r.next_due.clone() }</span>{ format!(" ({})", r.every) }
                                if r.overdue { <strong class="overdue-mark">{ " · overdue" }</strong> }
                            </td>
                            <td>{ match &r.next_planned {
                                Some((title, path, date)) => html! { <>{ format!("{date} · ") }<PathLink path={path.clone()} text={title.clone()} /></> },
                                None => html! { "—" },
                            } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RecoveryProps {
    rows: Vec<RecoveryRow>,
}

/// Done dr-test drills' measurements against each service's tier targets.
#[component]
fn RecoveryTable(props: &RecoveryProps) -> Html {
    html! {
        <section aria-label="Recovery tests">
            <h2>{ "Recovery tests against the tier's targets" }</h2>
            if props.rows.is_empty() {
                <p class="empty">{ "No dr-test drill has been done yet." }</p>
            } else {
                <table class="list recovery-tests">
                    <thead><tr><th>{ "Drill" }</th><th>{ "Date" }</th><th>{ "Service" }</th><th>{ "Tier" }</th><th>{ "RTO" }</th><th>{ "RPO" }</th></tr></thead>
                    <tbody>
                        { for props.rows.iter().map(|r| html! {
                            <tr data-drill={r.drill.1.clone()} data-service={r.service.clone()} class={classes!(r.missed.then_some("overdue"))}>
                                <td><PathLink path={r.drill.1.clone()} text={r.drill.0.clone()} /></td>
                                <td class="nowrap">{ r.date.clone() }</td>
                                <td>{ r.service.clone() }</td>
                                <td>{ r.tier }</td>
                                <td class="rto">{ r.rto.clone() }</td>
                                <td class="rpo">{ r.rpo.clone() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
