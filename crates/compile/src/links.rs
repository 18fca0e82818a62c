//! Checks that span documents: unique ids, and references that must resolve.

use std::collections::{HashMap, HashSet};

use ingest::diagnostics::{Diagnostic, Diagnostics};
use ingest::rule_ids::RuleId;
use model::Repo;
use model::suggest::did_you_mean;

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

    let mut missing = |path: &str, line: Option<&usize>, what: &str, name: &str, known: &[&str]| {
        let hint = did_you_mean(name, known.iter().copied());
        diagnostics.push(
            Diagnostic::error(path, line.copied().unwrap_or(1), 1, format!("{what} `{name}` does not exist{hint}"))
                .rule(RuleId::Link),
        );
    };
    for pm in &repo.postmortems {
        // The catalog is optional: without one, any service name is accepted.
        if !services.is_empty() {
            for s in pm.meta.services.iter().filter(|s| !services.contains(&s.as_str())) {
                missing(&pm.path, pm.key_lines.get("services"), "service", s, &services);
            }
        }
        for r in pm.meta.runbooks.iter().filter(|r| !runbooks.contains(&r.as_str())) {
            missing(&pm.path, pm.key_lines.get("runbooks"), "runbook", r, &runbooks);
        }
        for r in pm.meta.related.iter().filter(|r| !postmortems.contains(&r.as_str())) {
            missing(&pm.path, pm.key_lines.get("related"), "related postmortem", r, &postmortems);
        }
        for d in pm.meta.caused_by_deploys.iter().filter(|d| !deploys.contains(d.as_str())) {
            missing(&pm.path, pm.key_lines.get("caused_by_deploys"), "deployment", d, &[]);
        }
    }
    for rb in &repo.runbooks {
        if !services.is_empty() && !services.contains(&rb.meta.service.as_str()) {
            missing(&rb.path, rb.key_lines.get("service"), "service", &rb.meta.service, &services);
        }
    }
    diagnostics
}
