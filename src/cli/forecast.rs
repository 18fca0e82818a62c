//! `firebreak forecast --series FILE`: the capacity page's forecast of any `timestamp,value`
//! CSV (or Prometheus export), for terminals and CI jobs that should warn before a resource
//! runs out.

use chrono::NaiveDate;
use serde::Serialize;
use std::path::PathBuf;

use super::output::{Format, print_diagnostics};
use analytics::forecast::Forecast;
use analytics::{Assessment, Calendar, Status, assess};
use model::{CapacitySettings, Resample};

#[derive(clap::Args)]
pub struct Args {
    /// A `timestamp,value` CSV, or a Prometheus query_range JSON export
    #[arg(long, value_name = "FILE")]
    series: PathBuf,
    /// Days to forecast
    #[arg(long, value_name = "DAYS", default_value_t = 90)]
    horizon: u32,
    /// The capacity limit, for exhaustion and order-by dates
    #[arg(long)]
    limit: Option<f64>,
    /// Share of the limit kept free (0.3 is 30 %)
    #[arg(long, default_value_t = 0.3)]
    headroom: f64,
    /// Days from ordering capacity to having it
    #[arg(long, value_name = "DAYS", default_value_t = 30)]
    lead_time: u32,
    /// Resample first, e.g. `1h max`
    #[arg(long, value_parser = |s: &str| Resample::try_from(s.to_owned()))]
    resample: Option<Resample>,
    /// Judge the order-by date as of this day (YYYY-MM-DD); defaults to today (UTC)
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<NaiveDate>,
    /// Exit 1 when a series is at this status or worse (plan or act-now)
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    fail_on: Option<Status>,
    /// Print JSON: every step's forecast with its 80 % and 95 % bands
    #[arg(long)]
    json: bool,
}

fn parse_status(text: &str) -> Result<Status, String> {
    match text {
        "plan" => Ok(Status::Plan),
        "act-now" => Ok(Status::ActNow),
        _ => Err(format!("`{text}` is not a status to fail on; use plan or act-now")),
    }
}

pub fn run(args: Args) -> Result<i32, String> {
    if !(0.0..1.0).contains(&args.headroom) {
        return Err(format!("--headroom is a share of the limit from 0 up to 1 (0.3 is 30 %), not {}", args.headroom));
    }
    let (series, diagnostics) = ingest::read_series_file(&args.series);
    print_diagnostics(&diagnostics, Format::Human);
    if series.is_empty() {
        return Ok(1);
    }
    let settings = CapacitySettings {
        limit: args.limit,
        headroom: args.headroom,
        lead_time_days: args.lead_time,
        horizon_days: Some(args.horizon),
        resample: args.resample,
        ..CapacitySettings::default()
    };
    let as_of = args.as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let assessments: Vec<Assessment> = series.iter().map(|s| assess(s, &settings, &Calendar::utc(), as_of)).collect();
    if args.json {
        let out: Vec<JsonSeries> = assessments.iter().map(JsonSeries::of).collect();
        println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    } else {
        assessments.iter().for_each(print_human);
    }
    let failing =
        |a: &Assessment| a.outlook.as_ref().is_some_and(|o| args.fail_on.is_some_and(|worst| o.status <= worst));
    let failed = assessments.iter().any(|a| a.forecast.is_err() || failing(a));
    Ok(i32::from(failed))
}

/// One series in `--json`: the forecast step by step rather than in parallel arrays.
#[derive(Serialize)]
struct JsonSeries<'a> {
    series: &'a str,
    problems: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    method: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    step_seconds: Option<i64>,
    warnings: &'a [String],
    outlook: Option<&'a analytics::Outlook>,
    steps: Vec<Step>,
}

#[derive(Serialize)]
struct Step {
    at: chrono::DateTime<chrono::Utc>,
    point: f64,
    lower80: f64,
    upper80: f64,
    lower95: f64,
    upper95: f64,
}

impl<'a> JsonSeries<'a> {
    fn of(a: &'a Assessment) -> JsonSeries<'a> {
        let forecast = a.forecast.as_ref().ok();
        let steps = forecast.map(steps).unwrap_or_default();
        JsonSeries {
            series: &a.series,
            problems: &a.problems,
            error: a.forecast.as_ref().err().map(String::as_str),
            method: forecast.map(|f| f.method.label()),
            step_seconds: forecast.map(|f| f.step_seconds),
            warnings: forecast.map_or(&[], |f| &f.warnings),
            outlook: a.outlook.as_ref(),
            steps,
        }
    }
}

fn steps(f: &Forecast) -> Vec<Step> {
    (0..f.point.len())
        .map(|i| Step {
            at: f.time(i),
            point: f.point[i],
            lower80: f.lower80[i],
            upper80: f.upper80[i],
            lower95: f.lower95[i],
            upper95: f.upper95[i],
        })
        .collect()
}

fn print_human(a: &Assessment) {
    let f = match &a.forecast {
        Ok(f) => f,
        Err(reason) => {
            println!("{}: no forecast: {reason}", a.series);
            return;
        }
    };
    let scores = f.scores.iter().map(|(m, s)| format!("{} {s:.2}", m.label())).collect::<Vec<_>>().join(", ");
    println!("{}: {} (hold-out MASE: {scores})", a.series, f.method.label());
    for warning in &f.warnings {
        println!("  note: {warning}");
    }
    if let Some(last) = f.point.len().checked_sub(1) {
        println!(
            "  {}: {:.2} (80 %: {:.2} – {:.2}; 95 %: {:.2} – {:.2})",
            f.time(last).format(model::dates::DATE_TIME_UTC),
            f.point[last],
            f.lower80[last],
            f.upper80[last],
            f.lower95[last],
            f.upper95[last]
        );
    }
    if let Some(o) = &a.outlook {
        let date = |d: Option<chrono::DateTime<chrono::Utc>>| {
            d.map_or("none within the horizon".to_owned(), |d| d.date_naive().to_string())
        };
        match o.effective_limit {
            Some(line) => println!(
                "  headroom line {line:.2}: exhaustion {}, conservative {}, order by {}: {}",
                date(o.exhaustion),
                date(o.conservative),
                o.order_by.map_or("—".to_owned(), |d| d.to_string()),
                o.status.label()
            ),
            None => println!("  no --limit: no exhaustion date"),
        }
    }
}
