//! Deployments, changes, incidents and capacity series.

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, Utc, Weekday};
use model::dates;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, Normal};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::{Plan, SERVICES};

/// A generated production deployment, for later references from incidents and postmortems.
/// Written last, once hotfixes know which incident they fix.
pub struct Deploy {
    pub id: String,
    pub service: &'static str,
    pub finished_at: DateTime<Utc>,
    /// Its row of deployments.csv up to the `fixes_incident` column.
    row: String,
    fixes_incident: Option<String>,
}

/// An incident of incidents.csv or of a postmortem: for the hotfixes that follow it, and
/// for the bad events it puts into its service's SLI exports.
pub struct Incident {
    pub id: String,
    pub service: String,
    pub severity: &'static str,
    pub started_at: DateTime<Utc>,
    pub mitigated_at: DateTime<Utc>,
    pub resolved_at: DateTime<Utc>,
}

fn weekdays(plan: &Plan) -> Vec<NaiveDate> {
    (0..plan.days)
        .map(|d| plan.from + Days::new(d.into()))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.format(dates::RFC3339_UTC).to_string()
}

/// Writes changes.csv and returns the deployments they ship in, for [`write_deployments`].
pub fn write_changes(rng: &mut ChaCha8Rng, plan: &Plan, dir: &Path) -> io::Result<Vec<Deploy>> {
    std::fs::create_dir_all(dir)?;
    let mut changes = BufWriter::new(File::create(dir.join("changes.csv"))?);
    writeln!(changes, "change_id,service,committed_at,deploy_id")?;

    let days = weekdays(plan);
    let slots = (days.len() * SERVICES.len()).max(1);
    // Each service deploys at least once every weekday; the rest are spread at random.
    let per_slot = plan.deploys.max(slots) as f64 / slots as f64;
    let lead_hours: LogNormal<f64> = LogNormal::new(2.5, 1.0).expect("valid parameters");
    let mut produced = Vec::new();
    let mut change_number = 0u64;
    for day in &days {
        for (service, _, _) in SERVICES {
            let count = 1 + (per_slot - 1.0 + rng.random::<f64>()).floor().max(0.0) as usize;
            // Numbered in time order within the day, as a deploy tool would.
            let mut minutes: Vec<u32> = (0..count).map(|_| 9 * 60 + rng.random_range(0..9 * 60)).collect();
            minutes.sort_unstable();
            for (n, minute) in (1..).zip(minutes) {
                let finished_at =
                    day.and_hms_opt(minute / 60, minute % 60, rng.random_range(0..60)).expect("valid time").and_utc();
                let started_at = finished_at - Duration::minutes(rng.random_range(4..25));
                let roll: f64 = rng.random();
                let status = if roll < 0.03 {
                    "rolled_back"
                } else if roll < 0.05 {
                    "failed"
                } else {
                    "success"
                };
                let id = format!("{service}-{}-{n}", day.format(dates::COMPACT_DATE));
                let sha: u32 = rng.random();
                let row = format!(
                    "{id},{service},production,{},{status},{},{sha:08x},",
                    rfc3339(finished_at),
                    rfc3339(started_at)
                );
                for _ in 0..rng.random_range(1..=plan.max_changes) {
                    change_number += 1;
                    let lead = Duration::minutes((lead_hours.sample(rng) * 60.0).clamp(5.0, 24.0 * 60.0 * 20.0) as i64);
                    writeln!(changes, "c{change_number:07},{service},{},{id}", rfc3339(finished_at - lead))?;
                }
                produced.push(Deploy { id, service, finished_at, row, fixes_incident: None });
            }
        }
    }
    changes.flush()?;
    Ok(produced)
}

/// Some incidents are fixed forward: the service's next deployment after mitigation is a
/// hotfix naming the incident (`fixes_incident`, what DORA 2024's rework rate counts).
pub fn mark_hotfixes(rng: &mut ChaCha8Rng, deploys: &mut [Deploy], incidents: &[Incident]) {
    for incident in incidents {
        if !rng.random_bool(0.4) {
            continue;
        }
        let next = deploys
            .iter_mut()
            .filter(|d| d.service == incident.service && d.finished_at > incident.mitigated_at)
            .min_by_key(|d| d.finished_at);
        if let Some(hotfix) = next.filter(|d| d.fixes_incident.is_none()) {
            hotfix.fixes_incident = Some(incident.id.clone());
        }
    }
}

pub fn write_deployments(deploys: &[Deploy], dir: &Path) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(dir.join("deployments.csv"))?);
    writeln!(out, "deploy_id,service,environment,finished_at,status,started_at,commit_sha,fixes_incident")?;
    for d in deploys {
        writeln!(out, "{}{}", d.row, d.fixes_incident.as_deref().unwrap_or(""))?;
    }
    out.flush()
}

/// SEV3 / SEV4 incidents without postmortems, some caused by a deployment.
pub fn write_incidents(rng: &mut ChaCha8Rng, plan: &Plan, deploys: &[Deploy], dir: &Path) -> io::Result<Vec<Incident>> {
    let mut out = BufWriter::new(File::create(dir.join("incidents.csv"))?);
    writeln!(
        out,
        "incident_id,service,severity,started_at,detected_at,acknowledged_at,mitigated_at,resolved_at,caused_by_deploy"
    )?;
    let count = (plan.days as usize / 4).max(1);
    let minutes: LogNormal<f64> = LogNormal::new(3.5, 0.9).expect("valid parameters");
    let mut incidents = Vec::with_capacity(count);
    for n in 1..=count {
        let deploy = &deploys[rng.random_range(0..deploys.len().max(1))];
        let caused = rng.random_bool(0.3);
        let started = deploy.finished_at + Duration::minutes(rng.random_range(1..600));
        let mut t = started;
        let mut step = |rng: &mut ChaCha8Rng, scale: f64| {
            t += Duration::minutes((minutes.sample(rng) * scale).max(1.0) as i64);
            t
        };
        let (detected, acknowledged, mitigated) = (step(rng, 0.3), step(rng, 0.1), step(rng, 0.8));
        let resolved = step(rng, 1.5);
        let severity = if rng.random_bool(0.35) { "SEV3" } else { "SEV4" };
        writeln!(
            out,
            "INC-{n:04},{},{severity},{},{},{},{},{},{}",
            deploy.service,
            rfc3339(started),
            rfc3339(detected),
            rfc3339(acknowledged),
            rfc3339(mitigated),
            rfc3339(resolved),
            if caused { deploy.id.as_str() } else { "" }
        )?;
        incidents.push(Incident {
            id: format!("INC-{n:04}"),
            service: deploy.service.to_owned(),
            severity,
            started_at: started,
            mitigated_at: mitigated,
            resolved_at: resolved,
        });
    }
    out.flush()?;
    Ok(incidents)
}

/// Hourly capacity series with daily and weekly seasonality, growth and noise.
pub fn write_series(rng: &mut ChaCha8Rng, plan: &Plan, dir: &Path) -> io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    // (name, base level, growth per day, daily amplitude, weekend dip, noise sd)
    let series = [
        ("checkout-cpu-cores", 38.0, 0.06, 14.0, 0.25, 1.5),
        ("ledger-db-disk-gb", 1450.0, 3.2, 4.0, 0.1, 2.0),
        ("search-qps", 2100.0, 4.0, 900.0, 0.35, 60.0),
    ];
    let start = plan.from.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    for (name, base, growth, daily, weekend, noise) in series {
        let noise = Normal::new(0.0, noise).expect("valid parameters");
        let mut out = BufWriter::new(File::create(dir.join(format!("{name}.csv")))?);
        writeln!(out, "timestamp,value")?;
        for hour in 0..plan.days * 24 {
            let t = start + Duration::hours(hour.into());
            let day_phase = (f64::from(hour % 24) - 15.0) / 24.0 * std::f64::consts::TAU;
            let weekend_factor = if matches!(t.weekday(), Weekday::Sat | Weekday::Sun) { 1.0 - weekend } else { 1.0 };
            let level = base + growth * f64::from(hour) / 24.0;
            let value = (level + daily * day_phase.cos()) * weekend_factor + noise.sample(rng);
            writeln!(out, "{},{value:.2}", rfc3339(t))?;
        }
        out.flush()?;
    }
    Ok(series.len())
}
