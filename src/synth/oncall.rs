//! Pages and the worked schedule at scale: rotations of six people across time zones, each
//! with a primary and a secondary on 12-hour shifts, and pages through the day that go to
//! whoever is primary then.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::{Plan, SERVICES};

const PEOPLE_PER_ROTATION: usize = 6;
const TIME_ZONES: [&str; 6] =
    ["Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "America/New_York", "Europe/London", "Asia/Kolkata"];
const ALERTS_PER_ROTATION: usize = 8;
const SHIFT_HOURS: i64 = 12;

/// Enough rotations for the shifts asked for: each has two shifts every 12 hours.
pub fn rotations(plan: &Plan) -> usize {
    let per_rotation = 2 * 2 * plan.days as usize;
    plan.shifts.div_ceil(per_rotation.max(1)).max(usize::from(plan.pages > 0))
}

fn person(rotation: usize, n: usize) -> String {
    format!("@r{rotation}-p{n}")
}

/// The `[people]` tables of everyone on a rotation, for `firebreak.toml`.
pub fn people(plan: &Plan) -> String {
    let mut text = String::new();
    for rotation in 0..rotations(plan) {
        let (_, team, _) = SERVICES[rotation % SERVICES.len()];
        for n in 0..PEOPLE_PER_ROTATION {
            let zone = TIME_ZONES[(rotation + n) % TIME_ZONES.len()];
            let _ = write!(text, "\n[people.\"{}\"]\nteam = \"{team}\"\ntime_zone = \"{zone}\"\n", person(rotation, n));
        }
    }
    text
}

fn start(plan: &Plan) -> DateTime<Utc> {
    plan.from.and_hms_opt(9, 0, 0).expect("09:00").and_utc()
}

/// Who is primary (and secondary) in the `slot`th 12 hours of a rotation.
fn on_call(rotation: usize, slot: usize) -> (String, String) {
    (person(rotation, slot % PEOPLE_PER_ROTATION), person(rotation, (slot + 1) % PEOPLE_PER_ROTATION))
}

/// Writes oncall.csv (`plan.shifts` rows, by start) and pages.csv (`plan.pages` rows, by
/// trigger time); returns how many files it wrote.
pub fn write(rng: &mut ChaCha8Rng, plan: &Plan, dir: &Path) -> io::Result<usize> {
    if plan.pages == 0 && plan.shifts == 0 {
        return Ok(0);
    }
    std::fs::create_dir_all(dir)?;
    let rotations = rotations(plan);
    let mut shifts = BufWriter::new(File::create(dir.join("oncall.csv"))?);
    writeln!(shifts, "rotation,responder,level,start,end")?;
    for n in 0..plan.shifts {
        let (slot, rotation, level) = (n / (2 * rotations), n / 2 % rotations, n % 2);
        let begins = start(plan) + Duration::hours(SHIFT_HOURS * slot as i64);
        let (primary, secondary) = on_call(rotation, slot);
        let (who, level) = if level == 0 { (primary, "primary") } else { (secondary, "secondary") };
        let (from, to) =
            (super::exports::rfc3339(begins), super::exports::rfc3339(begins + Duration::hours(SHIFT_HOURS)));
        writeln!(shifts, "rotation-{rotation},{who},{level},{from},{to}")?;
    }
    shifts.flush()?;
    write_pages(rng, plan, rotations, dir)?;
    Ok(2)
}

fn write_pages(rng: &mut ChaCha8Rng, plan: &Plan, rotations: usize, dir: &Path) -> io::Result<()> {
    let mut pages = BufWriter::new(File::create(dir.join("pages.csv"))?);
    writeln!(
        pages,
        "page_id,alert,service,responder,urgency,triggered_at,acknowledged_at,resolved_at,escalated,incident_id,actionable,auto_resolved"
    )?;
    let seconds = i64::from(plan.days) * 86_400;
    let mut times: Vec<i64> = (0..plan.pages).map(|_| rng.random_range(0..seconds)).collect();
    times.sort_unstable();
    let acknowledge = LogNormal::new(5f64.ln(), 0.8).expect("valid");
    for (n, offset) in times.into_iter().enumerate() {
        let rotation = rng.random_range(0..rotations);
        let (service, _, _) = SERVICES[rotation % SERVICES.len()];
        let alert = format!("Rotation{rotation}Alert{}", rng.random_range(0..ALERTS_PER_ROTATION));
        let at = start(plan) + Duration::seconds(offset);
        let (responder, _) = on_call(rotation, (offset / (SHIFT_HOURS * 3600)) as usize);
        let acked = rng.random_bool(0.9);
        let ack_at = acked.then(|| at + Duration::seconds((acknowledge.sample(rng) * 60.0) as i64));
        let resolved = at + Duration::minutes(rng.random_range(3..240));
        let escalated = !acked && rng.random_bool(0.5);
        let incident = if rng.random_bool(0.05) { format!("INC-P{n}") } else { String::new() };
        let actionable =
            ["true", "true", "true", "true", "true", "true", "true", "false", "false", ""][rng.random_range(0..10)];
        let auto_resolved = !acked && !escalated;
        writeln!(
            pages,
            "PG-{n},{alert},{service},{responder},{urgency},{at},{ack},{resolved},{escalated},{incident},{actionable},{auto_resolved}",
            urgency = if rng.random_bool(0.2) { "low" } else { "high" },
            at = super::exports::rfc3339(at),
            ack = ack_at.map(super::exports::rfc3339).unwrap_or_default(),
            resolved = super::exports::rfc3339(resolved),
        )?;
    }
    pages.flush()
}
