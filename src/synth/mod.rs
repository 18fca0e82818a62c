//! A deterministic generator of realistic repos: the example's metric exports, and the
//! large repos the benchmarks need (10,000 postmortems, a million deployments, 50 SLOs,
//! a year of 200,000 pages).
//!
//! Deployment ids are `<service>-<YYYYMMDD>-<n>` and every service deploys at least once
//! on every weekday, so hand-written postmortems can name `<service>-<date>-1` safely.

mod documents;
mod exports;
mod oncall;
mod sli;
mod slos;

use chrono::{Days, NaiveDate};
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
    /// SLO definitions, each with its export of the last 90 days.
    pub slos: usize,
    /// Pages over the history, and shifts of 12 hours from its first day.
    pub pages: usize,
    pub shifts: usize,
}

/// Writes the repo and returns how many files it wrote.
pub fn generate(plan: &Plan, out: &Path) -> io::Result<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
    let mut written = 0;
    std::fs::create_dir_all(out)?;
    let config = out.join(ingest::CONFIG_FILE);
    if !config.exists() {
        std::fs::write(&config, documents::config() + &oncall::people(plan))?;
        written += 1;
    }
    let metrics = out.join("content/metrics");
    let mut deploys = exports::write_changes(&mut rng, plan, &metrics)?;
    let incidents = exports::write_incidents(&mut rng, plan, &deploys, &metrics)?;
    written += 3;
    written += exports::write_series(&mut rng, plan, &metrics.join("series"))?;
    written += documents::write_runbooks(&mut rng, plan.runbooks, &out.join("content/runbooks"))?;
    let postmortems = documents::write_postmortems(&mut rng, plan, &deploys, &out.join("postmortems"))?;
    written += postmortems.len();
    // Last, so the random draws above (and the repos they make) stay as they were.
    exports::mark_hotfixes(&mut rng, &mut deploys, &incidents);
    exports::write_deployments(&deploys, &metrics)?;
    let all_incidents: Vec<exports::Incident> = incidents.into_iter().chain(postmortems).collect();
    written += write_slos(plan, &all_incidents, out)?;
    // From a random stream of its own, like the SLOs.
    let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
    rng.set_stream(2);
    written += oncall::write(&mut rng, plan, &metrics)?;
    Ok(written)
}

/// The SLOs and their exports, from a random stream of their own: asking for SLOs leaves
/// every other file as it was without them.
fn write_slos(plan: &Plan, incidents: &[exports::Incident], out: &Path) -> io::Result<usize> {
    if plan.slos == 0 {
        return Ok(0);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
    rng.set_stream(1);
    let (definitions, exports) = (out.join("content/slos"), out.join("content/metrics/sli"));
    std::fs::create_dir_all(&definitions)?;
    std::fs::create_dir_all(&exports)?;
    // The exports end where the history does: at the midnight after its last day.
    let end = (plan.from + Days::new(plan.days.into())).and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    let steps = sli::Steps::until(end);
    for n in 0..plan.slos {
        let slo = slos::SyntheticSlo::draw(&mut rng, n);
        slo.write(&definitions)?;
        sli::write_export(&mut rng, &slo, incidents, &steps, &exports)?;
    }
    Ok(2 * plan.slos)
}
