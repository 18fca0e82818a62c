//! What the search indexes: one document per postmortem, runbook, drill, service and SLO page, each
//! with the sections a result can deep-link to and the facet values it can be filtered by.

use serde::{Deserialize, Serialize};

use model::{Config, Drill, Postmortem, Repo, Runbook, Slo, dates, paths};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Postmortem,
    Runbook,
    Drill,
    Service,
    Slo,
}

impl DocKind {
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Postmortem => "postmortem",
            DocKind::Runbook => "runbook",
            DocKind::Drill => "drill",
            DocKind::Service => "service",
            DocKind::Slo => "slo",
        }
    }
}

/// The facets results can be narrowed by; their names are the URL's query keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    Kind,
    Severity,
    Service,
    Team,
    Tag,
    Year,
    Status,
}

impl Facet {
    pub const ALL: [Facet; 7] =
        [Facet::Kind, Facet::Severity, Facet::Service, Facet::Team, Facet::Tag, Facet::Year, Facet::Status];

    pub fn key(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Severity => "severity",
            Facet::Service => "service",
            Facet::Team => "team",
            Facet::Tag => "tag",
            Facet::Year => "year",
            Facet::Status => "status",
        }
    }

    pub fn parse(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// One `##` section: what a result links to and its snippet is cut from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocSection {
    /// URL fragment of the section on its page.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocKind,
    /// The page's path in the app, such as `/runbooks/disk-full`.
    pub path: String,
    pub title: String,
    /// Short identifying words weighted close to the title: ids, services, tags, alerts,
    /// owners — what an on-call engineer types from a page or an alert.
    pub keywords: Vec<String>,
    pub sections: Vec<DocSection>,
    pub facets: Vec<(Facet, String)>,
}

/// Every searchable page of the repo: postmortems, then runbooks, drills, services and SLOs.
pub fn documents(repo: &Repo) -> Vec<Document> {
    let postmortems = repo.postmortems.iter().map(|pm| postmortem(&repo.config, pm));
    let runbooks = repo.runbooks.iter().map(|rb| runbook(&repo.config, rb));
    let drills = repo.drills.iter().map(|d| drill(&repo.config, d));
    let services = service_names(repo).into_iter().map(|name| service(&repo.config, &name));
    let slos = repo.slos.iter().map(|s| slo(&repo.config, s));
    postmortems.chain(runbooks).chain(drills).chain(services).chain(slos).collect()
}

fn postmortem(config: &Config, pm: &Postmortem) -> Document {
    let meta = &pm.meta;
    let mut facets = vec![
        (Facet::Severity, meta.severity.label().to_owned()),
        (Facet::Year, meta.date.format(dates::YEAR).to_string()),
        (Facet::Status, meta.status.label().to_owned()),
    ];
    facets.extend(service_facets(config, &meta.services));
    facets.extend(meta.tags.iter().map(|t| (Facet::Tag, t.clone())));
    let keywords = [&meta.id]
        .into_iter()
        .chain(&meta.services)
        .chain(&meta.tags)
        .chain(&meta.caused_by_deploys)
        .chain(&meta.incident_commander)
        .chain(&meta.authors)
        .cloned()
        .collect();
    page(DocKind::Postmortem, &meta.id, &meta.title, keywords, sections(&pm.sections), facets)
}

fn runbook(config: &Config, rb: &Runbook) -> Document {
    let meta = &rb.meta;
    let facets = service_facets(config, std::slice::from_ref(&meta.service)).collect();
    let keywords = [&rb.slug, &meta.service, &meta.owner].into_iter().chain(&meta.alerts).cloned().collect();
    page(DocKind::Runbook, &rb.slug, &meta.title, keywords, sections(&rb.sections), facets)
}

/// A drill is found by its words, its kind and who ran it; its status narrows results as a
/// postmortem's does.
fn drill(config: &Config, drill: &Drill) -> Document {
    let meta = &drill.meta;
    let mut facets =
        vec![(Facet::Year, meta.date.format(dates::YEAR).to_string()), (Facet::Status, meta.status.label().to_owned())];
    facets.extend(service_facets(config, &meta.services));
    let keywords = [&meta.id]
        .into_iter()
        .chain(&meta.services)
        .chain(&meta.facilitator)
        .chain(&meta.participants)
        .cloned()
        .chain(std::iter::once(meta.kind.label().to_owned()))
        .collect();
    page(DocKind::Drill, &meta.id, &meta.title, keywords, sections(&drill.sections), facets)
}

fn service(config: &Config, name: &str) -> Document {
    let catalog = config.services.get(name);
    let keywords = std::iter::once(name.to_owned()).chain(catalog.map(|s| s.team.clone())).collect();
    let sections = catalog
        .filter(|s| !s.description.trim().is_empty())
        .map(|s| DocSection { anchor: String::new(), heading: "About".into(), text: s.description.clone() })
        .into_iter()
        .collect();
    let facets = service_facets(config, &[name.to_owned()]).collect();
    page(DocKind::Service, name, name, keywords, sections, facets)
}

/// An SLO is found by its name, service, team and what its objective promises; its figures
/// change daily and are the page's, not the index's.
fn slo(config: &Config, slo: &Slo) -> Document {
    let team = config.services.get(&slo.service).map(|s| s.team.clone());
    let keywords = [slo.name.clone(), slo.service.clone()].into_iter().chain(team).collect();
    let objective =
        DocSection { anchor: String::new(), heading: "Objective".into(), text: slo.objective.display_name.clone() };
    let facets = service_facets(config, std::slice::from_ref(&slo.service)).collect();
    page(DocKind::Slo, &slo.name, &slo.display_name, keywords, vec![objective], facets)
}

/// The document of the page of `kind` named `name`; its kind is a facet too.
fn page(
    kind: DocKind,
    name: &str,
    title: &str,
    keywords: Vec<String>,
    sections: Vec<DocSection>,
    mut facets: Vec<(Facet, String)>,
) -> Document {
    facets.insert(0, (Facet::Kind, kind.label().to_owned()));
    let path = match kind {
        DocKind::Postmortem => paths::postmortem(name),
        DocKind::Runbook => paths::runbook(name),
        DocKind::Drill => paths::drill(name),
        DocKind::Service => paths::service(name),
        DocKind::Slo => paths::slo(name),
    };
    Document { kind, path, title: title.to_owned(), keywords, sections, facets }
}

fn sections(sections: &[model::Section]) -> Vec<DocSection> {
    sections
        .iter()
        .map(|s| DocSection { anchor: s.anchor.clone(), heading: s.heading.clone(), text: s.text.clone() })
        .collect()
}

/// Each service and, from the catalog, its team.
fn service_facets<'a>(config: &'a Config, services: &'a [String]) -> impl Iterator<Item = (Facet, String)> + 'a {
    services.iter().flat_map(|name| {
        let team = config.services.get(name).map(|s| (Facet::Team, s.team.clone()));
        std::iter::once((Facet::Service, name.clone())).chain(team)
    })
}

/// The services with a page: the catalog's and any a document names.
fn service_names(repo: &Repo) -> Vec<String> {
    let mut names: Vec<String> = repo.config.services.keys().cloned().collect();
    names.extend(repo.postmortems.iter().flat_map(|pm| pm.meta.services.iter().cloned()));
    names.extend(repo.runbooks.iter().map(|rb| rb.meta.service.clone()));
    names.sort();
    names.dedup();
    names
}
