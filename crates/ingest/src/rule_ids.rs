//! The id of every `check` rule, with its default level and what it asks: the one table
//! that ingest (which finds some rules' problems while reading files), compile (which runs
//! the other rules' checks) and the CLI tag findings from. A finding's rule is a [`RuleId`],
//! so none can carry an id that docs/checks.md and `[rules]` in firebreak.toml do not know.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::diagnostics::Level;

/// A rule, written as its kebab-case name (`timeline-order`) in output, JSON and
/// firebreak.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum RuleId {
    RequiredSections,
    SevNeedsPostmortem,
    ActionItemOwner,
    ActionItemDueDate,
    ActionItemStatus,
    ActionItemCompleted,
    ActionItemType,
    TimelineTime,
    TimelineOrder,
    Link,
    BlamelessLanguage,
    Secrets,
    PersonalData,
    /// A character that reorders how text shows (Trojan Source).
    BidiControl,
    RunbookStale,
    AlertWithoutRunbook,
    UnknownTag,
    /// A problem with one row of an export: the row is left out of the metrics and counted,
    /// the rest of the file is used.
    ExportRow,
    /// A problem of a capacity series that is still forecast: its rows are kept (sorted,
    /// repeated timestamps averaged), but the forecast may not mean what its owner thinks.
    CapacitySeries,
    UnknownService,
    ChangeDeploy,
    IncidentTimes,
    /// A problem of an OpenSLO definition: that SLO is left out, the others still load.
    SloDefinition,
    /// A problem of an SLI export or of how an SLO names it: a bad row is left out and
    /// counted on its SLO.
    SliExport,
    SloCoverage,
    ImpactBudget,
    /// A page or shift whose responder `[people]` does not list: their team and time zone
    /// are unknown.
    UnknownResponder,
    /// One person's on-call shifts overlap: both are kept, so those hours count twice.
    ShiftOverlap,
    /// A drill's facilitator or participant `[people]` does not list.
    UnknownParticipant,
    OverdueActionItem,
}

/// One row of [`RULES`].
#[derive(Debug)]
pub struct Rule {
    pub id: RuleId,
    /// The stable name users see and write under `[rules]`.
    pub name: &'static str,
    /// The level before firebreak.toml changes it.
    pub level: Level,
    pub summary: &'static str,
}

const fn rule(id: RuleId, name: &'static str, level: Level, summary: &'static str) -> Rule {
    Rule { id, name, level, summary }
}

/// Every rule, in the order of [`RuleId`]'s variants (a test holds it to that), as
/// docs/checks.md lists them.
pub const RULES: [Rule; 30] = {
    use Level::{Error, Warning};
    use RuleId::*;
    [
        rule(
            RequiredSections,
            "required-sections",
            Error,
            "sections a postmortem, runbook or drill of its status must have",
        ),
        rule(SevNeedsPostmortem, "sev-needs-postmortem", Error, "every SEV1/SEV2 incident has a postmortem"),
        rule(ActionItemOwner, "action-item-owner", Error, "each action item has exactly one owner, a person"),
        rule(ActionItemDueDate, "action-item-due-date", Error, "each action item has a YYYY-MM-DD due date"),
        rule(ActionItemStatus, "action-item-status", Error, "each action item has a known status"),
        rule(ActionItemCompleted, "action-item-completed", Error, "completion dates are YYYY-MM-DD"),
        rule(ActionItemType, "action-item-type", Error, "action-item types are mitigate or prevent"),
        rule(TimelineTime, "timeline-time", Warning, "each timeline entry starts with a UTC time"),
        rule(TimelineOrder, "timeline-order", Error, "the timeline is in order and agrees with the front matter"),
        rule(Link, "link", Error, "runbooks, related postmortems, deploys and services named exist"),
        rule(BlamelessLanguage, "blameless-language", Warning, "no blame phrasing; describe systems, not people"),
        rule(Secrets, "secrets", Error, "no access keys, tokens, private keys or passwords"),
        rule(PersonalData, "personal-data", Error, "no e-mail addresses or phone numbers"),
        rule(
            BidiControl,
            "bidi-control",
            Warning,
            "no characters that make text show in another order than it is stored",
        ),
        rule(RunbookStale, "runbook-stale", Warning, "runbooks reviewed within their review period"),
        rule(AlertWithoutRunbook, "alert-without-runbook", Error, "every alert has a runbook"),
        rule(UnknownTag, "unknown-tag", Error, "tags come from the taxonomy, when one is set"),
        rule(
            ExportRow,
            "export-row",
            Error,
            "each export row reads: its fields, timestamps with a time zone, a unique id",
        ),
        rule(
            CapacitySeries,
            "capacity-series",
            Warning,
            "capacity series are in time order, without repeated timestamps, long enough to forecast",
        ),
        rule(UnknownService, "unknown-service", Error, "deployments are of services in the catalog"),
        rule(ChangeDeploy, "change-deploy", Error, "each change names a deployment that exists"),
        rule(IncidentTimes, "incident-times", Error, "exported incidents are resolved after they started"),
        rule(SloDefinition, "slo-definition", Error, "SLO definitions are valid OpenSLO v1 that firebreak reads"),
        rule(
            SliExport,
            "sli-export",
            Error,
            "each SLO's export exists, has its columns or series, and each row or sample reads",
        ),
        rule(SloCoverage, "slo-coverage", Warning, "once a repo has SLOs, every tier-1 service has one"),
        rule(
            ImpactBudget,
            "impact-budget",
            Warning,
            "a share of the error budget an Impact section states is within 5 points of the computed one",
        ),
        rule(
            UnknownResponder,
            "unknown-responder",
            Warning,
            "once [people] lists anyone, every page and on-call responder is in it",
        ),
        rule(ShiftOverlap, "shift-overlap", Warning, "one person's on-call shifts do not overlap"),
        rule(
            UnknownParticipant,
            "unknown-participant",
            Warning,
            "once [people] lists anyone, a drill's facilitator and participants are in it",
        ),
        rule(
            OverdueActionItem,
            "overdue-action-item",
            Error,
            "with --fail-on-overdue: no overdue items of that severity",
        ),
    ]
};

impl RuleId {
    /// The rule called `name`, or `None` when no rule is.
    pub fn parse(name: &str) -> Option<RuleId> {
        RULES.iter().find(|r| r.name == name).map(|r| r.id)
    }

    pub fn name(&self) -> &'static str {
        self.registered().name
    }

    pub fn default_level(&self) -> Level {
        self.registered().level
    }

    fn registered(&self) -> &'static Rule {
        RULES.iter().find(|r| r.id == *self).expect("every rule id has its row in RULES (tested)")
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl From<RuleId> for &'static str {
    fn from(id: RuleId) -> &'static str {
        id.name()
    }
}

impl TryFrom<String> for RuleId {
    type Error = String;

    fn try_from(name: String) -> Result<RuleId, String> {
        RuleId::parse(&name).ok_or_else(|| format!("unknown rule `{name}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_sits_at_its_variants_index() {
        for (index, rule) in RULES.iter().enumerate() {
            assert_eq!(rule.id as usize, index, "{} is out of place", rule.name);
        }
    }

    #[test]
    fn names_are_unique_and_kebab_case() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')), "{names:?}");
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }

    #[test]
    fn ids_are_written_and_read_as_their_names() {
        for rule in &RULES {
            assert_eq!(RuleId::parse(rule.name).as_ref(), Some(&rule.id));
            let json = serde_json::to_string(&rule.id).unwrap();
            assert_eq!(json, format!("\"{}\"", rule.name));
            assert_eq!(serde_json::from_str::<RuleId>(&json).unwrap(), rule.id);
        }
        assert_eq!(RuleId::TimelineOrder.to_string(), "timeline-order");
        assert_eq!(RuleId::parse("timeline-ordr"), None);
        assert!(serde_json::from_str::<RuleId>("\"timeline-ordr\"").unwrap_err().to_string().contains("unknown rule"));
    }
}
