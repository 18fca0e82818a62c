use super::Source;
use super::output::print_diagnostics;
use crate::compile::load_and_check;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
}

pub fn run(args: Args) -> Result<i32, String> {
    let (repo, diagnostics) = load_and_check(&args.source.source);
    if print_diagnostics(diagnostics) {
        return Ok(1);
    }
    eprintln!(
        "checked {} postmortem(s), {} runbook(s): no errors",
        repo.postmortems.len(),
        repo.runbooks.len()
    );
    Ok(0)
}
