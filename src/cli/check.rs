use chrono::NaiveDate;

use super::Source;
use super::git;
use super::output::{Format, print_diagnostics};
use analytics::action_item_rows;
use compile::{Scope, load_and_check};
use ingest::diagnostics::{Diagnostic, Diagnostics};
use ingest::rule_ids::RuleId;
use model::{Repo, Severity};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// Also fail while action items of this severity or worse are overdue (e.g. SEV2)
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    fail_on_overdue: Option<Severity>,
    /// The day overdue items and stale runbooks are judged on (YYYY-MM-DD); defaults to today in the repo's time zone
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<NaiveDate>,
    /// How to print findings
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Report only the findings in documents changed since this Git ref (since its merge
    /// base with HEAD, committed or not) and in the documents that name them; findings in
    /// other files are always reported
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
}

fn parse_severity(text: &str) -> Result<Severity, String> {
    Severity::parse(text).ok_or_else(|| format!("`{text}` is not a severity; use SEV1, SEV2, SEV3 or SEV4"))
}

pub fn run(args: Args) -> Result<i32, String> {
    let as_of = args.as_of.unwrap_or_else(|| args.source.today());
    let source = &args.source.source;
    // Before reading the repo, so a mistyped ref fails at once.
    let touched = args.changed_since.as_deref().map(|reference| git::changed_since(source, reference)).transpose()?;
    let (repo, mut diagnostics) = load_and_check(source, as_of);
    if let Some(worst) = args.fail_on_overdue {
        diagnostics.extend(overdue(&repo, worst, as_of));
    }
    let scope = touched.map(|touched| Scope::of_change(&repo, source, &touched));
    if let Some(scope) = &scope {
        diagnostics.retain_map(|d| scope.keeps(&d).then_some(d));
    }
    print_diagnostics(&diagnostics, args.format);
    if diagnostics.has_errors() {
        return Ok(1);
    }
    let (postmortems, runbooks, drills) = (repo.postmortems.len(), repo.runbooks.len(), repo.drills.len());
    let repo_counts = format!("{postmortems} postmortem(s), {runbooks} runbook(s), {drills} drill(s)");
    match (scope.as_ref().and_then(Scope::document_count), &args.changed_since) {
        (Some(count), Some(reference)) => {
            eprintln!(
                "checked {count} document(s) changed since {reference} or naming them, of {repo_counts}: no errors"
            );
        }
        _ => eprintln!("checked {repo_counts}: no errors"),
    }
    Ok(0)
}

/// One error per overdue item of severity `worst` or worse, on the item's table row.
fn overdue(repo: &Repo, worst: Severity, as_of: NaiveDate) -> Diagnostics {
    let site = compile::site_of(repo);
    let mut found = Diagnostics::default();
    for row in action_item_rows(&site.postmortems, &site.config, as_of) {
        if row.overdue && row.severity <= worst {
            let path =
                site.postmortems.iter().find(|pm| pm.meta.id == row.postmortem_id).map_or("", |pm| pm.path.as_str());
            let due = row.item.due.map(|d| d.to_string()).unwrap_or_default();
            found.push(Diagnostic::error(
                path,
                row.item.line,
                1,
                format!(
                    "{} action item {} owned by {} was due {due} and is {} (--fail-on-overdue {worst}, as of {as_of})",
                    row.severity,
                    row.item.number,
                    row.item.owner,
                    row.item.status.label()
                ),
            )
            .rule(RuleId::OverdueActionItem));
        }
    }
    found
}
