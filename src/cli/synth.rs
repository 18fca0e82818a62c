use chrono::NaiveDate;
use std::path::PathBuf;

use crate::synth::{Plan, generate};

#[derive(clap::Args)]
pub struct Args {
    /// Seed: the same seed and counts always give the same repo
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Directory to write into (firebreak.toml is written only if absent)
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 12)]
    postmortems: usize,
    #[arg(long, default_value_t = 8)]
    runbooks: usize,
    /// Production deployments in all (at least one per service per weekday)
    #[arg(long, default_value_t = 1500)]
    deploys: usize,
    /// Each deployment ships between one and this many changes
    #[arg(long, default_value_t = 4)]
    max_changes: usize,
    /// First day of the generated history
    #[arg(long, default_value = "2026-05-01")]
    from: NaiveDate,
    /// Length of the history in days
    #[arg(long, default_value_t = 205)]
    days: u32,
    /// OpenSLO definitions on the generated services, each with an export of five-minute
    /// steps over the 90 days ending with the history
    #[arg(long, default_value_t = 0)]
    slos: usize,
    /// Pages over the history (pages.csv), each to whoever is primary on its rotation then
    #[arg(long, default_value_t = 0)]
    pages: usize,
    /// 12-hour shifts from the first day (oncall.csv): a primary and a secondary on each
    /// rotation of six people, as many rotations as that takes
    #[arg(long, default_value_t = 0)]
    shifts: usize,
}

pub fn run(args: Args) -> Result<i32, String> {
    let plan = Plan {
        seed: args.seed,
        postmortems: args.postmortems,
        runbooks: args.runbooks,
        deploys: args.deploys,
        max_changes: args.max_changes.max(1),
        from: args.from,
        days: args.days,
        slos: args.slos,
        pages: args.pages,
        shifts: args.shifts,
    };
    let written = generate(&plan, &args.out).map_err(|e| format!("cannot write into {}: {e}", args.out.display()))?;
    eprintln!("wrote {written} file(s) into {}", args.out.display());
    Ok(0)
}
