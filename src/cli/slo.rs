//! `firebreak slo …`: the SLOs of `content/slos/` for other tools. `slo rules` writes the
//! Prometheus recording and alerting rules of every SLO whose metric source is Prometheus.

use std::path::PathBuf;

use super::Source;
use super::output::{Format, print_diagnostics};
use compile::load_and_check;
use compile::prometheus_rules::prometheus_rules;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Write Prometheus recording and multiwindow burn-rate alerting rules (as Sloth does)
    Rules(RulesArgs),
}

#[derive(clap::Args)]
pub struct RulesArgs {
    #[command(flatten)]
    source: Source,
    /// Write the rules file here instead of standard output
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(command: Command) -> Result<i32, String> {
    match command {
        Command::Rules(args) => rules(args),
    }
}

fn rules(args: RulesArgs) -> Result<i32, String> {
    let (repo, diagnostics) = load_and_check(&args.source.source, args.source.today());
    print_diagnostics(&diagnostics, Format::Human);
    if diagnostics.blocks_build() {
        return Ok(1);
    }
    let generated = prometheus_rules(&repo.slos);
    // Never silently: an SLO without rules is one nobody is paged for.
    for (slo, reason) in &generated.skipped {
        eprintln!("{}:{}: skipped SLO `{}`: {reason}", slo.path, slo.line, slo.name);
    }
    let written = repo.slos.len() - generated.skipped.len();
    match &args.out {
        Some(file) => {
            std::fs::write(file, &generated.yaml).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            eprintln!("wrote the rules of {written} SLO(s) to {}", file.display());
        }
        None => print!("{}", generated.yaml),
    }
    Ok(0)
}
