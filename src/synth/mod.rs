//! A deterministic generator of realistic repos: the example's metric exports, and the
//! large repos the benchmarks need (10,000 postmortems, a million deployments).
//!
//! Deployment ids are `<service>-<YYYYMMDD>-<n>` and every service deploys at least once
//! on every weekday, so hand-written postmortems can name `<service>-<date>-1` safely.

mod documents;
mod exports;

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::io;
use std::path::Path;

/// The example organisation's services: (name, team, tier).
pub const SERVICES: [(&str, &str, u8); 5] = [
    ("checkout", "payments", 1),
    ("ledger", "payments", 1),
    ("auth", "identity", 1),
    ("search", "discovery", 2),
    ("notifications", "platform", 3),
];

pub struct Plan {
    pub seed: u64,
    pub postmortems: usize,
    pub runbooks: usize,
    pub deploys: usize,
    /// Each deployment ships 1 to this many changes.
    pub max_changes: usize,
    pub from: NaiveDate,
    pub days: u32,
}

/// Writes the repo and returns how many files it wrote.
pub fn generate(plan: &Plan, out: &Path) -> io::Result<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
    let mut written = 0;
    std::fs::create_dir_all(out)?;
    let config = out.join(ingest::CONFIG_FILE);
    if !config.exists() {
        std::fs::write(&config, documents::config())?;
        written += 1;
    }
    let metrics = out.join("content/metrics");
    let mut deploys = exports::write_changes(&mut rng, plan, &metrics)?;
    let incidents = exports::write_incidents(&mut rng, plan, &deploys, &metrics)?;
    written += 3;
    written += exports::write_series(&mut rng, plan, &metrics.join("series"))?;
    written += documents::write_runbooks(&mut rng, plan.runbooks, &out.join("content/runbooks"))?;
    written += documents::write_postmortems(&mut rng, plan, &deploys, &out.join("postmortems"))?;
    // Last, so the random draws above (and the repos they make) stay as they were.
    exports::mark_hotfixes(&mut rng, &mut deploys, &incidents);
    exports::write_deployments(&deploys, &metrics)?;
    Ok(written)
}
