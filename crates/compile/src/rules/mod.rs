//! `check` rules: each has a stable id, a default level, and a function that finds its
//! problems. A repo changes a rule's level, or switches it off, under `[rules]` in
//! firebreak.toml. docs/checks.md lists them all.

mod exports;
mod incidents;
mod language;
mod runbooks;
mod secrets;
mod sections;
mod tags;
mod times;

#[cfg(test)]
mod testing;

use chrono::NaiveDate;

use ingest::diagnostics::{Diagnostic, Diagnostics, Level};
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

pub struct Rule {
    pub id: &'static str,
    pub level: Level,
    pub summary: &'static str,
    /// `None` for rules applied while reading files (their findings arrive tagged already).
    pub check: Option<fn(&Context) -> Vec<Finding>>,
}

pub const RULES: &[Rule] = &[
    Rule {
        id: "required-sections",
        level: Level::Error,
        summary: "sections a postmortem or runbook of its status must have",
        check: Some(sections::check),
    },
    Rule {
        id: "sev-needs-postmortem",
        level: Level::Error,
        summary: "every SEV1/SEV2 incident has a postmortem",
        check: Some(incidents::check),
    },
    Rule {
        id: "action-item-owner",
        level: Level::Error,
        summary: "each action item has exactly one owner, a person",
        check: Some(incidents::owners_are_people),
    },
    Rule {
        id: "action-item-due-date",
        level: Level::Error,
        summary: "each action item has a YYYY-MM-DD due date",
        check: None,
    },
    Rule { id: "action-item-status", level: Level::Error, summary: "each action item has a known status", check: None },
    Rule { id: "action-item-completed", level: Level::Error, summary: "completion dates are YYYY-MM-DD", check: None },
    Rule {
        id: "action-item-type",
        level: Level::Error,
        summary: "action-item types are mitigate or prevent",
        check: None,
    },
    Rule {
        id: "timeline-time",
        level: Level::Warning,
        summary: "each timeline entry starts with a UTC time",
        check: None,
    },
    Rule {
        id: "timeline-order",
        level: Level::Error,
        summary: "the timeline is in order and agrees with the front matter",
        check: Some(times::check),
    },
    Rule {
        id: "link",
        level: Level::Error,
        summary: "runbooks, related postmortems, deploys and services named exist",
        check: None,
    },
    Rule {
        id: "blameless-language",
        level: Level::Warning,
        summary: "no blame phrasing; describe systems, not people",
        check: Some(language::check),
    },
    Rule {
        id: "secrets",
        level: Level::Error,
        summary: "no access keys, tokens, private keys or passwords",
        check: Some(secrets::check_secrets),
    },
    Rule {
        id: "personal-data",
        level: Level::Error,
        summary: "no e-mail addresses or phone numbers",
        check: Some(secrets::check_personal_data),
    },
    Rule {
        id: "runbook-stale",
        level: Level::Warning,
        summary: "runbooks reviewed within their review period",
        check: Some(runbooks::stale),
    },
    Rule {
        id: "alert-without-runbook",
        level: Level::Error,
        summary: "every alert has a runbook",
        check: Some(runbooks::alerts_have_runbooks),
    },
    Rule {
        id: "unknown-tag",
        level: Level::Error,
        summary: "tags come from the taxonomy, when one is set",
        check: Some(tags::check),
    },
    Rule {
        id: "export-row",
        level: Level::Error,
        summary: "each export row reads: its fields, timestamps with a time zone, a unique id",
        check: None,
    },
    Rule {
        id: "capacity-series",
        level: Level::Warning,
        summary: "capacity series are in time order, without repeated timestamps, long enough to forecast",
        check: None,
    },
    Rule {
        id: "unknown-service",
        level: Level::Error,
        summary: "deployments are of services in the catalog",
        check: Some(exports::unknown_services),
    },
    Rule {
        id: "change-deploy",
        level: Level::Error,
        summary: "each change names a deployment that exists",
        check: Some(exports::changes_without_deployments),
    },
    Rule {
        id: "incident-times",
        level: Level::Error,
        summary: "exported incidents are resolved after they started",
        check: Some(exports::incident_times),
    },
    Rule {
        id: "overdue-action-item",
        level: Level::Error,
        summary: "with --fail-on-overdue: no overdue items of that severity",
        check: None,
    },
];

/// Runs every rule, then applies the repo's levels to every rule-tagged diagnostic
/// (including those found while reading files).
pub fn run(context: &Context, mut diagnostics: Diagnostics) -> Diagnostics {
    for rule in RULES {
        if let Some(check) = rule.check {
            for f in check(context) {
                diagnostics.push(Diagnostic::new(rule.level, f.path, f.line, f.col, f.message).rule(rule.id));
            }
        }
    }
    let config = &context.repo.config;
    for (id, line) in &config.rule_lines {
        if !RULES.iter().any(|r| r.id == id) {
            let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
            let hint = did_you_mean(id, known.iter().copied());
            diagnostics.push(Diagnostic::error(ingest::CONFIG_FILE, *line, 1, format!("unknown rule `{id}`{hint}")));
        }
    }
    diagnostics.retain_map(|mut d| {
        match d.rule.as_ref().and_then(|r| config.rules.get(r)) {
            Some(RuleLevel::Off) => return None,
            Some(RuleLevel::Error) => d.level = Level::Error,
            Some(RuleLevel::Warning) => d.level = Level::Warning,
            None => {}
        }
        Some(d)
    });
    diagnostics
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
    fn rule_ids_are_unique_and_kebab_case() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        assert!(ids.iter().all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len());
    }

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position("ab\ncé d", 7, 10), (11, 4));
    }
}
