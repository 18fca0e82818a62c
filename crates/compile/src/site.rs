//! The bundle's `Site` from a loaded repo: the compile-time policy the app never runs —
//! which deployments count (with a catalog, only its services'), which incident each
//! deployment caused, and what was left out and why.

use analytics::incident_records;
use model::bundle::{FORMAT_VERSION, Site};
use model::{DeployLog, Deployment, DrillSummary, PostmortemSummary, Repo, RunbookSummary, SliEvents};

/// What `site.json` and `deploys.bin` hold for `repo`.
pub fn site_of(repo: &Repo) -> Site {
    let mut postmortems: Vec<PostmortemSummary> = repo.postmortems.iter().map(PostmortemSummary::from).collect();
    postmortems.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then_with(|| a.meta.id.cmp(&b.meta.id)));
    let mut runbooks: Vec<RunbookSummary> = repo.runbooks.iter().map(RunbookSummary::from).collect();
    runbooks.sort_by(|a, b| a.meta.title.cmp(&b.meta.title));
    // With a catalog, deployments of services it lacks are left out (and `check` says so).
    let catalog = &repo.config.services;
    let (known, unknown): (Vec<Deployment>, Vec<Deployment>) =
        repo.metrics.deployments.iter().cloned().partition(|d| catalog.is_empty() || catalog.contains_key(&d.service));
    let (mut deploys, mut excluded) = DeployLog::build(&known, &repo.metrics.changes);
    let incidents = incident_records(&postmortems, &repo.metrics.incidents);
    deploys.link_incidents(incidents.iter().map(|i| (i.id.as_str(), i.caused_by_deploys.as_slice())));
    if !unknown.is_empty() {
        excluded.insert("deployments of services not in the catalog".into(), unknown.len());
    }
    let sli_excluded = repo.sli.values().flat_map(|data| &data.excluded);
    for (reason, count) in repo.metrics.excluded.iter().chain(sli_excluded) {
        *excluded.entry(reason.clone()).or_insert(0) += count;
    }
    Site {
        format_version: FORMAT_VERSION,
        config: repo.config.clone(),
        postmortems,
        runbooks,
        deploys,
        incidents: repo.metrics.incidents.clone(),
        excluded,
        onboarding: repo.onboarding.clone(),
        slos: repo.slos.clone(),
        alerts: repo.alerts.clone(),
        drills: drill_summaries(repo),
    }
}

fn drill_summaries(repo: &Repo) -> Vec<DrillSummary> {
    let mut drills: Vec<DrillSummary> = repo.drills.iter().map(DrillSummary::from).collect();
    drills.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then_with(|| a.meta.id.cmp(&b.meta.id)));
    drills
}

/// What `sli.bin` holds for `repo`: each SLO's events, in the order of the site's `slos`
/// (empty when its export is missing).
pub fn sli_of(repo: &Repo) -> Vec<SliEvents> {
    repo.slos.iter().map(|slo| repo.sli.get(&slo.name).map(|d| d.events.clone()).unwrap_or_default()).collect()
}
