use yew::prelude::*;

use model::{ActionStatus, Severity};

#[derive(Properties, PartialEq)]
pub struct SeverityProps {
    pub severity: Severity,
}

#[component]
pub fn SeverityBadge(props: &SeverityProps) -> Html {
    let label = props.severity.label();
    html! { <span class={classes!("badge", label.to_lowercase())}>{ label }</span> }
}

#[derive(Properties, PartialEq)]
pub struct ActionStatusProps {
    pub status: ActionStatus,
    #[prop_or_default]
    pub overdue: bool,
}

#[component]
pub fn ActionStatusBadge(props: &ActionStatusProps) -> Html {
    let class = match props.status {
        ActionStatus::Done => "done",
        ActionStatus::WontDo => "wont-do",
        ActionStatus::Invalid => "invalid",
        _ if props.overdue => "overdue",
        _ => "open",
    };
    html! {
        <span class={classes!("status", class)}>
            { props.status.label() }
            if props.overdue { { " · overdue" } }
        </span>
    }
}

/// A drill's outcome (held, partial, failed) as a coloured chip; nothing before it has one.
pub fn outcome_chip(outcome: Option<&str>) -> Html {
    let Some(label) = outcome else { return Html::default() };
    html! { <span class={classes!("chip", "outcome", format!("outcome-{label}"))}>{ label.to_owned() }</span> }
}
