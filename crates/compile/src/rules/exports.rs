//! Rows of the metric exports that cannot count: each is reported here and left out of the
//! figures, where the DORA page shows how many.

use std::collections::HashSet;

use super::{Context, Finding};

/// `unknown-service`: a deployment of a service the catalog does not list.
pub fn unknown_services(context: &Context) -> Vec<Finding> {
    let catalog = &context.repo.config.services;
    if catalog.is_empty() {
        return Vec::new();
    }
    context
        .repo
        .metrics
        .deployments
        .iter()
        .filter(|d| !catalog.contains_key(&d.service))
        .map(|d| {
            Finding::new(
                &d.source.path,
                d.source.line,
                1,
                format!("deployment `{}` is of service `{}`, which is not in the service catalog; it is left out of the metrics", d.deploy_id, d.service),
            )
        })
        .collect()
}

/// `change-deploy`: a change whose deployment does not exist.
pub fn changes_without_deployments(context: &Context) -> Vec<Finding> {
    let metrics = &context.repo.metrics;
    let deploys: HashSet<&str> = metrics.deployments.iter().map(|d| d.deploy_id.as_str()).collect();
    metrics
        .changes
        .iter()
        .filter(|c| !deploys.contains(c.deploy_id.as_str()))
        .map(|c| {
            Finding::new(
                &c.source.path,
                c.source.line,
                1,
                format!(
                    "change `{}` names deployment `{}`, which does not exist; it is left out of lead time",
                    c.change_id, c.deploy_id
                ),
            )
        })
        .collect()
}

/// `incident-times`: an exported incident resolved before it started.
pub fn incident_times(context: &Context) -> Vec<Finding> {
    context
        .repo
        .metrics
        .incidents
        .iter()
        .filter(|i| i.resolved_at.is_some_and(|r| r < i.started_at))
        .map(|i| {
            Finding::new(
                &i.source.path,
                i.source.line,
                1,
                format!(
                    "incident `{}` is resolved before it started; it is left out of time to restore",
                    i.incident_id
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at};
    use super::*;

    #[test]
    fn bad_rows_are_found_on_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let metrics = dir.path().join("content/metrics");
        std::fs::create_dir_all(&metrics).unwrap();
        std::fs::write(dir.path().join("firebreak.toml"), "[services.checkout]\nteam = \"payments\"\n").unwrap();
        std::fs::write(
            metrics.join("deployments.csv"),
            "deploy_id,service,environment,finished_at,status\nd1,checkout,production,2026-06-01T10:00:00Z,success\nd2,ghost,production,2026-06-01T11:00:00Z,success\n",
        )
        .unwrap();
        std::fs::write(metrics.join("changes.csv"), "change_id,service,committed_at,deploy_id\nc1,checkout,2026-06-01T09:00:00Z,d1\nc2,checkout,2026-06-01T09:00:00Z,d9\n").unwrap();
        std::fs::write(
            metrics.join("incidents.csv"),
            "incident_id,service,severity,started_at,resolved_at\ni1,checkout,SEV3,2026-06-01T10:00:00Z,2026-06-01T09:00:00Z\n",
        )
        .unwrap();
        let repo = repo_at(dir.path());
        let context = context_of(&repo);
        let line = |f: Vec<Finding>| f.iter().map(|f| f.line).collect::<Vec<_>>();
        assert_eq!(line(unknown_services(&context)), [3]);
        assert_eq!(line(changes_without_deployments(&context)), [3]);
        assert_eq!(line(incident_times(&context)), [2]);
    }
}
