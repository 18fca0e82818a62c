//! `firebreak diff --base REF`: what the working tree changes in the site compared with a
//! Git ref, as Markdown for a pull-request comment.

mod compare;
mod git;
mod markdown;

use chrono::NaiveDate;

use super::Source;
use compare::{Side, compare};
use compile::load_and_check;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// The Git ref to compare with: the pull request's base (e.g. origin/main) or a commit
    #[arg(long, value_name = "REF")]
    base: String,
    /// Compute the figures as of this day (YYYY-MM-DD); defaults to today in the repo's time zone
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<NaiveDate>,
}

pub fn run(args: Args) -> Result<i32, String> {
    let as_of = args.as_of.unwrap_or_else(|| args.source.today());
    let snapshot = git::snapshot(&args.source.source, &args.base)?;
    let (before, before_findings) = load_and_check(snapshot.root(), as_of);
    let (after, after_findings) = load_and_check(&args.source.source, as_of);
    let comparison = compare(
        &Side { repo: &before, diagnostics: &before_findings, root: snapshot.root() },
        &Side { repo: &after, diagnostics: &after_findings, root: &args.source.source },
        as_of,
    );
    print!("{}", markdown::render(&comparison));
    Ok(0)
}
