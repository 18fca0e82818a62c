//! `check` rules: each has a stable id and a default level, registered in
//! `ingest::rule_ids` (reading files finds some rules' problems), and each rule whose
//! problems show only across documents has a function here that finds them. A repo changes
//! a rule's level, or switches it off, under `[rules]` in firebreak.toml. docs/checks.md
//! lists them all.

mod bidi;
mod drills;
mod exports;
mod impact_budget;
mod incidents;
mod language;
mod oncall;
mod runbooks;
mod secrets;
mod sections;
mod tags;
mod times;

#[cfg(test)]
mod testing;

use chrono::NaiveDate;

pub use bidi::is_bidi_control;

use ingest::diagnostics::{Diagnostic, Diagnostics, Level};
use ingest::rule_ids::{RULES, RuleId};
use model::suggest::did_you_mean;
use model::{Repo, RuleLevel};

/// What rules may look at besides the repo.
pub struct Context<'a> {
    pub repo: &'a Repo,
    /// "Today" for rules about time (stale runbooks).
    pub as_of: NaiveDate,
}

/// A problem a rule found: where and what.
pub struct Finding {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Finding {
    pub fn new(path: &str, line: usize, col: usize, message: impl Into<String>) -> Finding {
        Finding { path: path.to_owned(), line, col, message: message.into() }
    }
}

/// A rule whose problems are found across the loaded repo. The other rules of
/// [`RULES`] have theirs found while reading files (ingest) or by
/// `check --fail-on-overdue` (the CLI); their findings arrive tagged already.
pub struct Check {
    pub rule: RuleId,
    pub find: fn(&Context) -> Vec<Finding>,
}

pub const CHECKS: &[Check] = &[
    Check { rule: RuleId::RequiredSections, find: sections::check },
    Check { rule: RuleId::SevNeedsPostmortem, find: incidents::check },
    Check { rule: RuleId::ActionItemOwner, find: incidents::owners_are_people },
    Check { rule: RuleId::TimelineOrder, find: times::check },
    Check { rule: RuleId::BlamelessLanguage, find: language::check },
    Check { rule: RuleId::Secrets, find: secrets::check_secrets },
    Check { rule: RuleId::PersonalData, find: secrets::check_personal_data },
    Check { rule: RuleId::BidiControl, find: bidi::check },
    Check { rule: RuleId::RunbookStale, find: runbooks::stale },
    Check { rule: RuleId::AlertWithoutRunbook, find: runbooks::alerts_have_runbooks },
    Check { rule: RuleId::UnknownTag, find: tags::check },
    Check { rule: RuleId::UnknownService, find: exports::unknown_services },
    Check { rule: RuleId::ChangeDeploy, find: exports::changes_without_deployments },
    Check { rule: RuleId::IncidentTimes, find: exports::incident_times },
    Check { rule: RuleId::ImpactBudget, find: impact_budget::check },
    Check { rule: RuleId::UnknownResponder, find: oncall::unknown_responders },
    Check { rule: RuleId::UnknownParticipant, find: drills::unknown_participants },
];

/// Runs every check, then applies the repo's levels to every rule-tagged diagnostic
/// (including those found while reading files).
pub fn run(context: &Context, mut diagnostics: Diagnostics) -> Diagnostics {
    for check in CHECKS {
        for f in (check.find)(context) {
            let level = check.rule.default_level();
            diagnostics.push(Diagnostic::new(level, f.path, f.line, f.col, f.message).rule(check.rule));
        }
    }
    let config = &context.repo.config;
    for (name, line) in &config.rule_lines {
        if RuleId::parse(name).is_none() {
            let hint = did_you_mean(name, RULES.iter().map(|r| r.name));
            diagnostics.push(Diagnostic::error(ingest::CONFIG_FILE, *line, 1, format!("unknown rule `{name}`{hint}")));
        }
    }
    diagnostics.retain_map(|mut d| {
        match d.rule.as_ref().and_then(|r| config.rules.get(r.name())) {
            Some(RuleLevel::Off) => return None,
            Some(RuleLevel::Error) => d.level = Level::Error,
            Some(RuleLevel::Warning) => d.level = Level::Warning,
            None => {}
        }
        Some(d)
    });
    diagnostics
}

/// Every document's (path, text as written) that people write prose in: postmortems,
/// runbooks and drills, for the rules that read text.
fn documents(repo: &Repo) -> impl Iterator<Item = (&str, &str)> {
    let postmortems = repo.postmortems.iter().map(|p| (p.path.as_str(), p.source.as_str()));
    let runbooks = repo.runbooks.iter().map(|r| (r.path.as_str(), r.source.as_str()));
    let drills = repo.drills.iter().map(|d| (d.path.as_str(), d.source.as_str()));
    postmortems.chain(runbooks).chain(drills)
}

/// The 1-based (line, col) of byte `offset` in `text`, counted from file line `first_line`.
pub fn position(text: &str, offset: usize, first_line: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = first_line + before.matches('\n').count();
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_rule_has_two_checks() {
        let mut rules: Vec<&RuleId> = CHECKS.iter().map(|c| &c.rule).collect();
        rules.sort_unstable();
        rules.dedup();
        assert_eq!(rules.len(), CHECKS.len());
    }

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position("ab\ncé d", 7, 10), (11, 4));
    }
}
