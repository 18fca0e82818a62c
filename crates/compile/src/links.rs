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
    // The catalog is optional: without one, any service name is accepted.
    if !services.is_empty() {
        let in_postmortems = repo.postmortems.iter().map(|pm| (&pm.path, &pm.meta.services, &pm.key_lines));
        let in_drills = repo.drills.iter().map(|d| (&d.path, &d.meta.services, &d.key_lines));
        for (path, named, key_lines) in in_postmortems.chain(in_drills) {
            for s in named.iter().filter(|s| !services.contains(&s.as_str())) {
                missing(path, key_lines.get("services"), "service", s, &services);
            }
        }
    }
    for pm in &repo.postmortems {
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
