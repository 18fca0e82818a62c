//! A service's readiness stage and the criteria behind it, as the service page, `/services`
//! and the home page show them (`views::readiness`).

use yew::prelude::*;

use super::PathLink;
use views::readiness::ReadinessRow;

/// The stage, coloured by how far along the path it is (static/style.css, `.chip.stage-*`).
pub fn stage_chip(row: &ReadinessRow) -> Html {
    let class = format!("stage-{}", row.stage_label.replace(' ', "-"));
    html! { <span class={classes!("chip", "stage", class)}>{ row.stage_label }</span> }
}

#[derive(Properties, PartialEq)]
pub struct ReadinessChecksProps {
    pub row: ReadinessRow,
}

/// Every criterion: which stage it belongs to, whether it holds, and its evidence.
#[component]
pub fn ReadinessChecks(props: &ReadinessChecksProps) -> Html {
    let row = &props.row;
    html! {
        <>
            <p class="readiness-stage">{ "Stage: " }{ stage_chip(row) }
                if !row.held_back_by.is_empty() {
                    <span class="muted">{ format!(" · the next stage needs: {}", row.held_back_by.join("; ")) }</span>
                }
            </p>
            <table class="list readiness">
                <thead><tr><th>{ "Criterion" }</th><th>{ "Stage" }</th><th>{ "Holds" }</th><th>{ "Evidence" }</th></tr></thead>
                <tbody>
                    { for row.checks.iter().map(|check| html! {
                        <tr class={classes!((!check.holds).then_some("fails"))}>
                            <td>{ check.criterion }</td>
                            <td>{ check.stage }</td>
                            <td>{ if check.holds { "yes" } else { "no" } }</td>
                            <td>
                                { check.evidence.clone() }
                                if let Some((text, path)) = &check.link {
                                    { " · " }<PathLink path={path.clone()} text={text.clone()} />
                                }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}
