//! Checks that span documents: unique ids, and references that must resolve. The
//! references are listed once ([`references`]), for this check and for what
//! `check --changed-since` adds to a change: the documents that link to it.

use std::collections::{HashMap, HashSet};

use ingest::diagnostics::{Diagnostic, Diagnostics};
use ingest::rule_ids::RuleId;
use model::Repo;
use model::suggest::did_you_mean;

/// What a front-matter key names, which must exist elsewhere in the repo.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target<'a> {
    /// A service of the catalog (`[services]` in firebreak.toml).
    Service(&'a str),
    /// A runbook, by its file name without `.md`.
    Runbook(&'a str),
    /// A postmortem, by its id.
    Postmortem(&'a str),
    /// A deployment of the exports, by its `deploy_id`.
    Deployment(&'a str),
}

/// One name a document's front matter gives: in which file, at which key's line.
pub struct Reference<'a> {
    pub path: &'a str,
    pub line: Option<&'a usize>,
    pub target: Target<'a>,
}

/// Every reference of every document: `services` of postmortems and drills, `runbooks`,
/// `related` and `caused_by_deploys` of postmortems, and the `service` of runbooks.
pub fn references(repo: &Repo) -> impl Iterator<Item = Reference<'_>> {
    let services_of_postmortems = repo.postmortems.iter().flat_map(|pm| {
        pm.meta.services.iter().map(|s| Reference {
            path: &pm.path,
            line: pm.key_lines.get("services"),
            target: Target::Service(s),
        })
    });
    let services_of_drills = repo.drills.iter().flat_map(|d| {
        d.meta.services.iter().map(|s| Reference {
            path: &d.path,
            line: d.key_lines.get("services"),
            target: Target::Service(s),
        })
    });
    let of_postmortems = repo.postmortems.iter().flat_map(|pm| {
        let at = |key: &str, target| Reference { path: &pm.path, line: pm.key_lines.get(key), target };
        let runbooks = pm.meta.runbooks.iter().map(move |r| at("runbooks", Target::Runbook(r)));
        let related = pm.meta.related.iter().map(move |r| at("related", Target::Postmortem(r)));
        let deploys = pm.meta.caused_by_deploys.iter().map(move |d| at("caused_by_deploys", Target::Deployment(d)));
        runbooks.chain(related).chain(deploys)
    });
    let of_runbooks = repo.runbooks.iter().map(|rb| Reference {
        path: &rb.path,
        line: rb.key_lines.get("service"),
        target: Target::Service(&rb.meta.service),
    });
    services_of_postmortems.chain(services_of_drills).chain(of_postmortems).chain(of_runbooks)
}

pub fn check(repo: &Repo) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    let mut first: HashMap<&str, &str> = HashMap::new();
    for pm in &repo.postmortems {
        if let Some(other) = first.insert(&pm.meta.id, &pm.path) {
            let line = pm.key_lines.get("id").copied().unwrap_or(1);
            diagnostics.push(Diagnostic::error(
                &pm.path,
                line,
                1,
                format!("duplicate postmortem id `{}` (also used by {other})", pm.meta.id),
            ));
        }
    }

    let services: Vec<&str> = repo.config.services.keys().map(String::as_str).collect();
    let runbooks: Vec<&str> = repo.runbooks.iter().map(|r| r.slug.as_str()).collect();
    let postmortems: Vec<&str> = repo.postmortems.iter().map(|p| p.meta.id.as_str()).collect();
    let deploys: HashSet<&str> = repo.metrics.deployments.iter().map(|d| d.deploy_id.as_str()).collect();
    for reference in references(repo) {
        let (what, name, known): (&str, &str, &[&str]) = match reference.target {
            // The catalog is optional: without one, any service name is accepted.
            Target::Service(name) if services.is_empty() || services.contains(&name) => continue,
            Target::Service(name) => ("service", name, &services),
            Target::Runbook(name) if runbooks.contains(&name) => continue,
            Target::Runbook(name) => ("runbook", name, &runbooks),
            Target::Postmortem(name) if postmortems.contains(&name) => continue,
            Target::Postmortem(name) => ("related postmortem", name, &postmortems),
            Target::Deployment(name) if deploys.contains(name) => continue,
            Target::Deployment(name) => ("deployment", name, &[]),
        };
        let hint = did_you_mean(name, known.iter().copied());
        let line = reference.line.copied().unwrap_or(1);
        diagnostics.push(
            Diagnostic::error(reference.path, line, 1, format!("{what} `{name}` does not exist{hint}"))
                .rule(RuleId::Link),
        );
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drill_naming_a_service_outside_the_catalog_is_a_link_error_at_its_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("firebreak.toml"), "[services.checkout]\nteam = \"payments\"\n").unwrap();
        let drills = dir.path().join("content/drills");
        std::fs::create_dir_all(&drills).unwrap();
        let text = "---\ntitle: Fail over\ndate: 2026-06-01\nkind: game-day\nservices: [checkout, chekout]\n---\n";
        std::fs::write(drills.join("failover.md"), text).unwrap();
        let diagnostics = check(&ingest::load(dir.path()).0);
        let root = format!("{}/", dir.path().display());
        let found: Vec<String> = diagnostics.iter().map(|d| d.to_string().replace(&root, "")).collect();
        assert_eq!(
            found,
            [
                "content/drills/failover.md:5:1: error: service `chekout` does not exist; did you mean `checkout`? [link]"
            ]
        );
    }
}
