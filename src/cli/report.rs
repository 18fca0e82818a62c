use chrono::NaiveDate;

use super::Source;
use super::output::{Format, print_diagnostics};
use analytics::{Assessment, Calendar, Filter, Outlook, Report, ReportYear, Window, assess, settings_for};
use compile::load_and_check;
use model::CapacitySettings;
use model::bundle::Site;
use views::format::{format_hours, format_percent};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// Print JSON (the same figures the app computes)
    #[arg(long)]
    json: bool,
    /// Compute as of this day (YYYY-MM-DD); defaults to today in the repo's time zone
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<NaiveDate>,
    /// First day of the window (default: 89 days before --until)
    #[arg(long, value_name = "YYYY-MM-DD")]
    since: Option<NaiveDate>,
    /// Last day of the window (default: --as-of)
    #[arg(long, value_name = "YYYY-MM-DD")]
    until: Option<NaiveDate>,
    /// Only these services (repeat or separate with commas)
    #[arg(long, value_delimiter = ',')]
    service: Vec<String>,
    /// Only the services this team owns in the catalog
    #[arg(long)]
    team: Option<String>,
    /// The deployment environment to measure
    #[arg(long, default_value = "production")]
    environment: String,
    /// Whose DORA levels: 2021, 2023 or 2024
    #[arg(long, default_value = "2023", value_parser = parse_year)]
    levels: ReportYear,
}

fn parse_year(text: &str) -> Result<ReportYear, String> {
    ReportYear::parse(text).ok_or_else(|| format!("`{text}` is not a report year; use 2021, 2023 or 2024"))
}

pub fn run(args: Args) -> Result<i32, String> {
    let as_of = args.as_of.unwrap_or_else(|| args.source.today());
    let (repo, diagnostics) = load_and_check(&args.source.source, as_of);
    print_diagnostics(&diagnostics, Format::Human);
    if diagnostics.blocks_build() {
        return Ok(1);
    }
    // Through the bundle, exactly as the browser sees the data.
    let site = compile::site_of(&repo);
    let filter = filter(&args, &site, as_of)?;
    let report = Report::filtered(&site, as_of, &filter);
    // The capacity page's reading of every series, as of the same day.
    let calendar = Calendar::of(&repo.config);
    let capacity: Vec<CapacityLine> = repo
        .metrics
        .series
        .iter()
        .map(|s| CapacityLine::of(assess(s, &settings_for(s, &repo.config.capacity), &calendar, as_of)))
        .collect();
    if args.json {
        let json = WithCapacity { report: &report, capacity };
        println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
    } else {
        print_human(&report);
        for line in &capacity {
            let status = line.outlook.as_ref().map_or("no forecast", |o| o.status.label());
            let order_by =
                line.outlook.as_ref().and_then(|o| o.order_by).map(|d| format!(", order by {d}")).unwrap_or_default();
            println!("capacity {}: {status}{order_by}", line.series);
        }
    }
    Ok(0)
}

/// `report --json`: the report and, beside it, every series' capacity outlook.
#[derive(serde::Serialize)]
struct WithCapacity<'a> {
    #[serde(flatten)]
    report: &'a Report,
    capacity: Vec<CapacityLine>,
}

/// A series' outlook without its forecast's steps (`firebreak forecast --json` has those).
#[derive(serde::Serialize)]
struct CapacityLine {
    series: String,
    settings: CapacitySettings,
    problems: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    method: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    warnings: Vec<String>,
    outlook: Option<Outlook>,
}

impl CapacityLine {
    fn of(a: Assessment) -> CapacityLine {
        let (method, warnings, error) = match a.forecast {
            Ok(f) => (Some(f.method.label()), f.warnings, None),
            Err(e) => (None, Vec::new(), Some(e)),
        };
        CapacityLine {
            series: a.series,
            settings: a.settings,
            problems: a.problems,
            method,
            error,
            warnings,
            outlook: a.outlook,
        }
    }
}

/// The same filter the DORA page builds from its controls.
fn filter(args: &Args, site: &Site, as_of: NaiveDate) -> Result<Filter, String> {
    let mut filter = Filter::default_for(as_of);
    let until = args.until.unwrap_or(as_of);
    let since = args.since.unwrap_or(Window::ending(until, analytics::DEFAULT_WINDOW_DAYS).since);
    if since > until {
        return Err(format!("--since {since} is after --until {until}"));
    }
    filter.window = Window::new(since, until);
    filter.environment = args.environment.clone();
    filter.year = args.levels;
    filter.services = args.service.clone();
    if let Some(team) = &args.team {
        let owned: Vec<String> =
            site.config.services.iter().filter(|(_, s)| &s.team == team).map(|(name, _)| name.clone()).collect();
        if owned.is_empty() {
            return Err(format!("no service in the catalog belongs to team `{team}`"));
        }
        filter.services.extend(owned);
    }
    Ok(filter)
}

fn print_human(r: &Report) {
    let (pct, hours) = (format_percent, format_hours);
    let f = &r.dora.current;
    let window = &r.dora.filter.window;
    println!("as of {} (window {} – {})", r.as_of, window.since, window.until);
    println!("postmortems {}  runbooks {}  incidents {}", r.counts.postmortems, r.counts.runbooks, r.counts.incidents);
    println!("deployments {} ({:.1}/week)", f.deployments, f.deployments_per_week);
    println!("lead time    median {}  p90 {}", hours(f.lead_time_hours.median), hours(f.lead_time_hours.p90));
    println!("change failure rate {}", pct(f.change_failure_rate));
    println!("rework rate {}", pct(f.rework_rate));
    println!(
        "time to restore median {}  p90 {}",
        hours(f.time_to_restore_hours.median),
        hours(f.time_to_restore_hours.p90)
    );
    let a = &r.action_items.stats;
    println!("action items {} open, {} overdue, completion {}", a.open, a.overdue, pct(a.completion_rate));
}
