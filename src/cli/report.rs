use chrono::NaiveDate;

use super::Source;
use super::output::{Format, print_diagnostics};
use analytics::oncall::{AlertQuality, OncallData, OncallHealth, alert_quality, oncall_health};
use analytics::readiness::{self, ServiceReadiness};
use analytics::slo::{self, FreezeBreaks, SloStatus};
use analytics::{Assessment, Calendar, DrillReport, Outlook, OverRto, Prepared, Report, assess, settings_for};
use compile::load_and_check;
use model::CapacitySettings;
use views::filter::FilterQuery;
use views::format::{format_hours, format_percent};
use views::headline::{self, Headline};

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
    // The filter's flags stay text: the DORA page's URL and these flags go through one
    // parser (views::filter), so both accept and refuse the same things in the same words.
    /// First day of the window (default: 89 days before --until)
    #[arg(long, value_name = "YYYY-MM-DD", default_value = "")]
    since: String,
    /// Last day of the window (default: --as-of)
    #[arg(long, value_name = "YYYY-MM-DD", default_value = "")]
    until: String,
    /// Only these services (repeat or separate with commas)
    #[arg(long)]
    service: Vec<String>,
    /// Only the services this team owns in the catalog
    #[arg(long, default_value = "")]
    team: String,
    /// The deployment environment to measure [default: production]
    #[arg(long, default_value = "")]
    environment: String,
    /// Whose DORA levels: 2021, 2023 or 2024 [default: 2023]
    #[arg(long, default_value = "")]
    levels: String,
}

impl Args {
    /// The flags as the page's URL query holds them.
    fn query(&self) -> FilterQuery {
        FilterQuery {
            since: self.since.clone(),
            until: self.until.clone(),
            service: self.service.join(","),
            team: self.team.clone(),
            environment: self.environment.clone(),
            levels: self.levels.clone(),
        }
    }
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
    let filter = match args.query().filter(&site, as_of) {
        Ok(filter) => filter,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(2);
        }
    };
    let prepared = Prepared::new(&site);
    let report = Report::prepared(&site, &prepared, as_of, &filter);
    let headlines = headline::all(&report.dora.current, &report.action_items.stats);
    let slos = slo::assess_site(&site, &compile::sli_of(&repo), &prepared, as_of);
    let freeze_breaks = slo::freeze_breaks(&slos, &filter);
    // The capacity page's reading of every series, as of the same day.
    let calendar = Calendar::of(&repo.config);
    let capacity: Vec<CapacityLine> = repo
        .metrics
        .series
        .iter()
        .map(|s| CapacityLine::of(assess(s, &settings_for(s, &repo.config.capacity), &calendar, as_of)))
        .collect();
    // On-call load is a person's, not a service's: only the window applies to it.
    let metrics = &repo.metrics;
    let oncall_data = OncallData::new(&metrics.pages, &metrics.shifts, &site.config);
    let oncall = oncall_health(&oncall_data, &filter.window, &site.config.oncall);
    let alerts = alert_quality(&oncall_data, &filter.window, &repo.alerts, &site.runbooks);
    // Readiness is each catalog service's: the report's services and team do not narrow it.
    let ready = readiness::assess_site(&site, &prepared, &filter.window, as_of);
    if args.json {
        let drills = DrillsSection { report: ready.drills, incidents_over_rto: ready.over_rto };
        let readiness = ready.services;
        let json =
            Printed { report: &report, headlines, freeze_breaks, slos, capacity, oncall, alerts, drills, readiness };
        println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
    } else {
        print_human(&report, &headlines);
        if !slos.is_empty() {
            println!("freeze breaks: {} production deployments during an error-budget freeze", freeze_breaks.total);
        }
        for row in views::slo::rows(&slos) {
            println!("slo {}: {}, {} ({} target), {}", row.name, row.state, row.remaining, row.target, row.burn);
        }
        if !metrics.pages.is_empty() || !metrics.shifts.is_empty() {
            views::oncall::report_lines(&oncall, &alerts).iter().for_each(|line| println!("{line}"));
        }
        readiness_lines(&ready).iter().for_each(|line| println!("{line}"));
        for line in &capacity {
            let status = line.outlook.as_ref().map_or("no forecast", |o| o.status.label());
            let order_by =
                line.outlook.as_ref().and_then(|o| o.order_by).map(|d| format!(", order by {d}")).unwrap_or_default();
            println!("capacity {}: {status}{order_by}", line.series);
        }
    }
    Ok(0)
}

/// `report --json`: the report and, beside it, the headline figures every page shows,
/// every series' capacity outlook, and the on-call and alert figures.
#[derive(serde::Serialize)]
struct Printed<'a> {
    #[serde(flatten)]
    report: &'a Report,
    headlines: Vec<Headline>,
    /// Production deployments under the report's filter made while an SLO froze changes.
    freeze_breaks: FreezeBreaks,
    slos: Vec<SloStatus>,
    capacity: Vec<CapacityLine>,
    /// On-call load over the report's window (its services and team do not narrow it).
    oncall: OncallHealth,
    /// Alert quality over the report's window.
    alerts: AlertQuality,
    drills: DrillsSection,
    /// Each catalog service's readiness stage.
    readiness: Vec<ServiceReadiness>,
}

/// Drills as of the report's day, and the window's incidents over their tier's RTO.
#[derive(serde::Serialize)]
struct DrillsSection {
    #[serde(flatten)]
    report: DrillReport,
    incidents_over_rto: Vec<OverRto>,
}

/// `report`'s human lines for drills and readiness: each service's stage and what holds it
/// back, the overdue drills and missed recovery targets.
fn readiness_lines(ready: &readiness::SiteReadiness) -> Vec<String> {
    let mut lines: Vec<String> = views::readiness::rows(&ready.services)
        .iter()
        .map(|row| match row.held_back_by.as_slice() {
            [] => format!("readiness {}: {}", row.service, row.stage_label),
            held => format!("readiness {}: {} (next stage needs: {})", row.service, row.stage_label, held.join("; ")),
        })
        .collect();
    let status = views::drill_status::DrillStatusView::of(&ready.drills);
    for row in status.services.iter().filter(|s| s.overdue) {
        lines.push(format!(
            "drill overdue {}: last {}, due {} ({})",
            row.service, row.last_done_text, row.next_due, row.every
        ));
    }
    for row in status.recovery.iter().filter(|r| r.missed) {
        lines.push(format!("recovery test {} ({}): RTO {}, RPO {}", row.drill.0, row.service, row.rto, row.rpo));
    }
    for row in views::drill_status::over_rto_rows(&ready.over_rto, |_| true) {
        lines
            .push(format!("over RTO {} ({}): restored in {}, RTO {}", row.incident, row.service, row.restore, row.rto));
    }
    lines
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

/// The headline figures first, named as every page names them, then the spreads behind them.
fn print_human(r: &Report, headlines: &[Headline]) {
    let window = &r.dora.filter.window;
    println!("as of {} (window {} – {}, {})", r.as_of, window.since, window.until, r.dora.filter.environment);
    println!("postmortems {}  runbooks {}  incidents {}", r.counts.postmortems, r.counts.runbooks, r.counts.incidents);
    for h in headlines {
        let level = h.measure.level(&r.dora.levels, r.dora.filter.year);
        let level = level.map(|l| format!("  ({} in {})", l.label(), r.dora.levels.year)).unwrap_or_default();
        println!("{}: {}{level}", h.name, h.text);
    }
    let f = &r.dora.current;
    let p90 = |d: &analytics::Distribution| format_hours(d.p90);
    println!(
        "deployments {}, failed {}, rework rate {}",
        f.deployments,
        f.failed_deployments,
        format_percent(f.rework_rate)
    );
    println!(
        "p90: lead time {}, failed-deployment recovery {}, time to restore {}",
        p90(&f.lead_time_hours),
        p90(&f.failed_deployment_recovery_hours),
        p90(&f.time_to_restore_hours)
    );
}
