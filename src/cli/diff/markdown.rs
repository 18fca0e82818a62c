//! The comparison as GitHub-flavoured Markdown, ready for a pull-request comment or the job
//! summary (`$GITHUB_STEP_SUMMARY`).

use std::fmt::Write;

use super::compare::{Change, Comparison};
use ingest::diagnostics::Level;

pub fn render(c: &Comparison) -> String {
    let mut out = String::from("### firebreak: what this change does to the site\n\n");
    if c.blocks_build {
        out.push_str("**The site does not build with this change**: fix the errors below.\n\n");
    }
    documents(c, &mut out);
    findings(c, &mut out);
    headlines(c, &mut out);
    out
}

fn documents(c: &Comparison, out: &mut String) {
    if c.documents.is_empty() {
        out.push_str("No postmortem or runbook is added, changed or removed.\n\n");
        return;
    }
    let count = |change| c.documents.iter().filter(|d| d.change == change).count();
    let _ = writeln!(
        out,
        "**Documents**: {} new, {} changed, {} removed\n\n| | document | file |\n|---|---|---|",
        count(Change::New),
        count(Change::Changed),
        count(Change::Removed)
    );
    for d in &c.documents {
        let change = match d.change {
            Change::New => "new",
            Change::Changed => "changed",
            Change::Removed => "removed",
        };
        let page = d.page.as_ref().map(|p| format!(" (`{p}`)")).unwrap_or_default();
        let _ = writeln!(out, "| {change} {} | {}{page} | `{}` |", d.kind, cell(&d.title), d.path);
    }
    out.push('\n');
}

fn findings(c: &Comparison, out: &mut String) {
    let errors = c.new_findings.iter().filter(|d| d.level == Level::Error).count();
    let warnings = c.new_findings.len() - errors;
    let fixed = match c.fixed_findings {
        0 => String::new(),
        n => format!("; {n} fixed"),
    };
    if c.new_findings.is_empty() {
        let _ = writeln!(out, "**`firebreak check`**: no new findings{fixed}.\n");
        return;
    }
    let _ = writeln!(out, "**`firebreak check`**: {errors} new error(s), {warnings} new warning(s){fixed}\n");
    for d in &c.new_findings {
        let rule = d.rule.as_ref().map(|r| format!(" `[{r}]`")).unwrap_or_default();
        let _ = writeln!(out, "- `{}:{}` {}: {}{rule}", d.path, d.line, d.level, single_line(&d.message));
    }
    out.push('\n');
}

fn headlines(c: &Comparison, out: &mut String) {
    let _ = writeln!(
        out,
        "**Headline figures** as of {}, production, last {} days\n\n| | before | after | change |\n|---|---|---|---|",
        c.as_of, c.window_days
    );
    for h in &c.headlines {
        let _ = writeln!(out, "| {} | {} | {} | {} |", h.name, h.before, h.after, h.change);
    }
}

/// Text safe inside a table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    single_line(text).replace('|', "\\|")
}

fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
