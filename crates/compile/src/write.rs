//! Writes the bundle: `site.json`, the deployment columns, the SLOs' events, the on-call
//! exports, one JSON file per document (postmortems, runbooks, drills), the postmortem feed
//! and the search index.

use std::io;
use std::path::Path;

use serde::Serialize;

use model::Repo;
use model::bundle::{self, Site};

/// Replaces `out` with the bundle of `repo`, for a site served at `public_url`. Stale files of deleted documents never linger
/// because the directory is written afresh.
pub fn write_bundle(repo: &Repo, out: &Path, public_url: &super::PublicUrl) -> io::Result<Site> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out.join("postmortems"))?;
    std::fs::create_dir_all(out.join("runbooks"))?;
    std::fs::create_dir_all(out.join("drills"))?;
    let site = crate::site_of(repo);
    write_json(&out.join(bundle::SITE_FILE), &site)?;
    write_json(&out.join(bundle::SERIES_FILE), &repo.metrics.series)?;
    let columns = bundle::write_deploy_columns(&site.deploys).map_err(io::Error::other)?;
    std::fs::write(out.join(bundle::DEPLOYS_FILE), columns)?;
    std::fs::write(out.join(bundle::DEPLOY_IDS_FILE), bundle::write_deploy_ids(&site.deploys))?;
    std::fs::write(out.join(bundle::SLI_FILE), bundle::write_sli_columns(&crate::sli_of(repo)))?;
    let oncall = bundle::write_oncall_columns(&repo.metrics.pages, &repo.metrics.shifts);
    std::fs::write(out.join(bundle::ONCALL_FILE), oncall)?;
    for pm in &repo.postmortems {
        write_json(&out.join(bundle::postmortem_file(&pm.meta.id)), pm)?;
    }
    for rb in &repo.runbooks {
        write_json(&out.join(bundle::runbook_file(&rb.slug)), rb)?;
    }
    for drill in &repo.drills {
        write_json(&out.join(bundle::drill_file(&drill.meta.id)), drill)?;
    }
    std::fs::write(out.join(bundle::FEED_FILE), super::feed::atom(repo, public_url))?;
    std::fs::create_dir_all(out.join(search::format::DIRECTORY))?;
    for (name, bytes) in search::build(&search::documents(repo)) {
        std::fs::write(out.join(name), bytes)?;
    }
    Ok(site)
}

fn write_json(path: &Path, value: &impl Serialize) -> io::Result<()> {
    let file = io::BufWriter::new(std::fs::File::create(path)?);
    serde_json::to_writer(file, value).map_err(io::Error::other)
}
