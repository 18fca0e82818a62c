use yew::prelude::*;
use yew_router::prelude::*;

use super::pages::{
    ActionItems, AlertPage, AlertsPage, CapacityPage, DigestPage, DoraPage, DrillList, DrillPage, Home, IncidentsPage,
    NotFound, OnboardingPage, OncallPage, Patterns, PostmortemList, PostmortemPage, RunbookList, RunbookPage,
    SearchPage, ServiceList, ServicePage, SloListPage, SloPage,
};

/// Every page of the site. Only routes for what exists: no placeholders.
#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/postmortems")]
    Postmortems,
    #[at("/postmortems/:id")]
    Postmortem { id: String },
    #[at("/runbooks")]
    Runbooks,
    #[at("/action-items")]
    ActionItems,
    #[at("/dora")]
    Dora,
    #[at("/incidents")]
    Incidents,
    #[at("/services")]
    Services,
    #[at("/services/:name")]
    Service { name: String },
    /// `?service=&team=`.
    #[at("/slos")]
    Slos,
    #[at("/slos/:name")]
    Slo { name: String },
    #[at("/patterns")]
    Patterns,
    /// Every drill, and each service's drills against its tier.
    #[at("/drills")]
    Drills,
    #[at("/drills/:id")]
    Drill { id: String },
    /// `?growth=&lead_time=&headroom=`: the what-ifs.
    #[at("/capacity")]
    Capacity,
    /// The current month's digest.
    #[at("/digest")]
    Digests,
    /// `YYYY-MM`.
    #[at("/digest/:month")]
    Digest { month: String },
    /// `?section=term-slo` scrolls to a glossary term (pages link terms there).
    #[at("/onboarding")]
    Onboarding,
    /// `?q=` and one key per facet: see `pages/search.rs`.
    #[at("/search")]
    Search,
    /// `?since=&until=&rotation=&team=`.
    #[at("/oncall")]
    Oncall,
    /// `?since=&until=`: the alert-quality table.
    #[at("/alerts")]
    Alerts,
    /// For Prometheus `runbook_url` annotations: `/alerts/<AlertName>` opens its runbook,
    /// then the alert's own figures.
    #[at("/alerts/:name")]
    Alert { name: String },
    #[at("/runbooks/:slug")]
    Runbook { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// A heading of the site's menu and the pages under it.
pub struct NavGroup {
    pub label: &'static str,
    /// (link text, page), in the order the menu lists them.
    pub pages: &'static [(&'static str, Route)],
}

/// The site's menu, grouped so that the header is one row on a laptop and one "Menu" on a
/// phone (`components::Nav` renders both from this). Pages reached only from another page
/// (a postmortem, a month's digest) are not listed; every other page belongs in a group.
pub const NAV_GROUPS: &[NavGroup] = &[
    NavGroup {
        label: "Reliability",
        pages: &[
            ("SLOs", Route::Slos),
            ("Incidents", Route::Incidents),
            ("Services", Route::Services),
            ("Capacity", Route::Capacity),
        ],
    },
    NavGroup { label: "Delivery", pages: &[("DORA", Route::Dora), ("Monthly digest", Route::Digests)] },
    NavGroup {
        label: "Learning",
        pages: &[
            ("Postmortems", Route::Postmortems),
            ("Action items", Route::ActionItems),
            ("Patterns", Route::Patterns),
            ("Onboarding", Route::Onboarding),
        ],
    },
    NavGroup {
        label: "Operations",
        pages: &[
            ("Runbooks", Route::Runbooks),
            ("On-call", Route::Oncall),
            ("Alerts", Route::Alerts),
            ("Drills", Route::Drills),
        ],
    },
];

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Postmortems => html! { <PostmortemList /> },
        Route::Postmortem { id } => html! { <PostmortemPage id={id} /> },
        Route::Runbooks => html! { <RunbookList /> },
        Route::ActionItems => html! { <ActionItems /> },
        Route::Dora => html! { <DoraPage /> },
        Route::Incidents => html! { <IncidentsPage /> },
        Route::Services => html! { <ServiceList /> },
        Route::Service { name } => html! { <ServicePage name={name} /> },
        Route::Slos => html! { <SloListPage /> },
        Route::Slo { name } => html! { <SloPage name={name} /> },
        Route::Patterns => html! { <Patterns /> },
        Route::Drills => html! { <DrillList /> },
        Route::Drill { id } => html! { <DrillPage id={id} /> },
        Route::Onboarding => html! { <OnboardingPage /> },
        Route::Capacity => html! { <CapacityPage /> },
        Route::Digests => html! { <DigestPage /> },
        Route::Digest { month } => html! { <DigestPage month={month} /> },
        Route::Search => html! { <SearchPage /> },
        Route::Oncall => html! { <OncallPage /> },
        Route::Alerts => html! { <AlertsPage /> },
        Route::Alert { name } => html! { <AlertPage name={name} /> },
        Route::Runbook { slug } => html! { <RunbookPage slug={slug} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}
