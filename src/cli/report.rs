use chrono::NaiveDate;

use super::Source;
use super::output::{Format, print_diagnostics};
use crate::analytics::Report;
use crate::bundle::Site;
use crate::compile::load_and_check;
use crate::display::{format_hours, format_percent};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// Print JSON (the same figures the app computes)
    #[arg(long)]
    json: bool,
    /// Compute as of this day (YYYY-MM-DD); defaults to today in UTC
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<NaiveDate>,
}

pub fn run(args: Args) -> Result<i32, String> {
    let as_of = args.as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let (repo, diagnostics) = load_and_check(&args.source.source, as_of);
    print_diagnostics(&diagnostics, Format::Human);
    if diagnostics.blocks_build() {
        return Ok(1);
    }
    // Through the bundle, exactly as the browser sees the data.
    let report = Report::compute(&Site::from_repo(&repo), as_of);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    } else {
        print_human(&report);
    }
    Ok(0)
}

fn print_human(r: &Report) {
    let (pct, hours) = (format_percent, format_hours);
    println!("as of {} (window {} – {})", r.as_of, r.window.since, r.window.until);
    println!("postmortems {}  runbooks {}  incidents {}", r.counts.postmortems, r.counts.runbooks, r.counts.incidents);
    println!("deployments {} ({:.1}/week)", r.dora.deployments, r.dora.deployments_per_week);
    println!("lead time    median {}  p90 {}", hours(r.dora.lead_time_hours.median), hours(r.dora.lead_time_hours.p90));
    println!("change failure rate {}", pct(r.dora.change_failure_rate));
    println!(
        "time to restore median {}  p90 {}",
        hours(r.dora.time_to_restore_hours.median),
        hours(r.dora.time_to_restore_hours.p90)
    );
    println!(
        "action items {} open, {} overdue, completion {}",
        r.action_items.stats.open,
        r.action_items.stats.overdue,
        pct(r.action_items.stats.completion_rate)
    );
}
