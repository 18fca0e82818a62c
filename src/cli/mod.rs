//! Command-line interface. Exit codes: 0 ok, 1 findings or errors, 2 usage.

mod build;
mod check;
mod diff;
mod forecast;
mod git;
mod new;
mod output;
mod post_build;
mod report;
mod search;
mod slo;
mod synth;

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "firebreak",
    version,
    about = "Compile a repo of postmortems, runbooks and metric exports into a reliability site"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// `--source`, shared by every command that reads a repo. `FIREBREAK_SOURCE` lets trunk's
/// build hook compile another repo without editing Trunk.toml.
#[derive(clap::Args)]
pub struct Source {
    /// Root of the repo to read (where firebreak.toml lives)
    #[arg(long, env = "FIREBREAK_SOURCE", default_value = ".")]
    pub source: PathBuf,
}

impl Source {
    /// Today in the repo's time zone (`time_zone` in firebreak.toml), the default "as of",
    /// as in the app. A broken config falls back to UTC here; loading reports it.
    pub fn today(&self) -> chrono::NaiveDate {
        today_at(&self.source)
    }
}

fn today_at(root: &Path) -> chrono::NaiveDate {
    let config = ingest::load_config(root).unwrap_or_default();
    analytics::Calendar::of(&config).date_of(chrono::Utc::now())
}

#[derive(Subcommand)]
enum Command {
    /// Compile the repo into the data the app loads
    Build(build::Args),
    /// Validate every document and export; exit 1 on errors
    Check(check::Args),
    /// Summarise what the working tree changes in the site since a Git ref, as Markdown
    Diff(diff::Args),
    /// Forecast a metric series: exhaustion and order-by dates against a limit
    Forecast(forecast::Args),
    /// Write a new postmortem or runbook from the template, dated today
    New(new::Args),
    /// Print the computed analytics — the numbers the app shows
    Report(report::Args),
    /// Search postmortems, runbooks and services as the site does
    Search(search::Args),
    /// The SLOs for other tools: `slo rules` writes Prometheus rules
    #[command(subcommand)]
    Slo(slo::Command),
    /// Generate a deterministic synthetic repo (examples and benchmarks)
    Synth(synth::Args),
    /// Finish a trunk build: Content-Security-Policy and 404.html (run by Trunk.toml's hook)
    #[command(hide = true)]
    PostBuild(post_build::Args),
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let result = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Check(args) => check::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Forecast(args) => forecast::run(args),
        Command::New(args) => new::run(args),
        Command::Report(args) => report::run(args),
        Command::Search(args) => search::run(args),
        Command::Slo(command) => slo::run(command),
        Command::Synth(args) => synth::run(args),
        Command::PostBuild(args) => post_build::run(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            1
        }
    }
}
