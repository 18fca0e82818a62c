//! `/drills/<id>`: one drill, rendered like a postmortem. Its facts are decided by
//! `views::drill_list`, its sections by the postmortem page's shared `DocumentBody`.

use std::rc::Rc;
use yew::prelude::*;

use crate::app::components::{DocumentBody, PathLink, Problem, outcome_chip};
use crate::app::data::{Load, use_document, use_readiness, use_site};
use model::Drill;
use model::bundle::drill_file;
use views::drill_list::{DrillFacts, ServiceLink};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

#[component]
pub fn DrillPage(props: &Props) -> Html {
    let site = use_site();
    let known = site.drills.iter().any(|d| d.meta.id == props.id.as_str());
    let (doc, retry) = use_document::<Drill>(drill_file(&props.id));
    if !known {
        return html! { <Problem title="No such drill" message={format!("There is no drill with the id `{}`.", props.id)} /> };
    }
    match &*doc {
        Load::Loading => html! { <p class="loading" aria-busy="true">{ "Loading the drill…" }</p> },
        Load::Failed(message) => {
            html! { <Problem title="The drill could not be loaded" message={message.clone()} retry={retry} /> }
        }
        Load::Ready(drill) => html! { <DrillView drill={drill.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    drill: Rc<Drill>,
}

#[component]
fn DrillView(props: &ViewProps) -> Html {
    let site = use_site();
    let ready = use_readiness();
    let drill = &props.drill;
    let facts = DrillFacts::of(&drill.meta, &site.config, &ready.drills);
    html! {
        <article class="document drill" data-as-of={ready.drills.as_of.to_string()}>
            <header>
                <p class="kicker">{ outcome_chip(facts.outcome) }{ facts.kicker.clone() }</p>
                <h1>{ drill.meta.title.clone() }</h1>
            </header>
            <dl class="facts">{ facts_list(&facts) }</dl>
            <DocumentBody sections={drill.sections.clone()} action_items={drill.action_items.clone()} />
            <p class="muted source">{ format!("Source: {}", drill.path) }</p>
        </article>
    }
}

/// The services a drill names, as chips linking to their pages.
pub fn service_chips(services: &[ServiceLink]) -> Html {
    services
        .iter()
        .map(|s| html! { <span class="chip"><PathLink path={s.path.clone()} text={s.label.clone()} /></span> })
        .collect()
}

/// What kind of drill, how it went, who ran it, and what it measured against the tier.
fn facts_list(facts: &DrillFacts) -> Html {
    html! {
        <>
            <dt>{ "Kind" }</dt><dd>{ facts.kind }</dd>
            <dt>{ "Status" }</dt><dd class="drill-status">{ facts.status }</dd>
            <dt>{ "Outcome" }</dt><dd>{ facts.outcome.unwrap_or("—") }</dd>
            <dt>{ "Services" }</dt><dd>{ service_chips(&facts.services) }</dd>
            if let Some(who) = &facts.facilitator { <dt>{ "Facilitator" }</dt><dd>{ who.clone() }</dd> }
            if let Some(who) = &facts.participants { <dt>{ "Participants" }</dt><dd>{ who.clone() }</dd> }
            { for facts.recovery.iter().map(|r| html! {
                <>
                    <dt>{ format!("Recovery of {} (tier {})", r.service, r.tier) }</dt>
                    <dd class={classes!("recovery", r.missed.then_some("overdue"))} data-service={r.service.clone()}>
                        <span class="rto">{ format!("RTO {}", r.rto) }</span>{ " · " }<span class="rpo">{ format!("RPO {}", r.rpo) }</span>
                    </dd>
                </>
            }) }
            if let Some(measured) = &facts.measured { <dt>{ "Measured" }</dt><dd>{ measured.clone() }</dd> }
        </>
    }
}
