use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A postmortem's YAML front matter. Unknown keys are rejected by the ingest step with a
/// suggestion, so a typo never silently drops a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostmortemMeta {
    /// Defaults to the file name without `.md`.
    #[serde(default)]
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub status: PostmortemStatus,
    pub severity: Severity,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub incident_commander: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub detected_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub acknowledged_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub mitigated_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub resolved_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub caused_by_deploys: Vec<String>,
    #[serde(default)]
    pub runbooks: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    #[serde(rename = "SEV1")]
    Sev1,
    #[serde(rename = "SEV2")]
    Sev2,
    #[serde(rename = "SEV3")]
    Sev3,
    #[serde(rename = "SEV4")]
    Sev4,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4];

    pub fn label(self) -> &'static str {
        match self {
            Severity::Sev1 => "SEV1",
            Severity::Sev2 => "SEV2",
            Severity::Sev3 => "SEV3",
            Severity::Sev4 => "SEV4",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.label().eq_ignore_ascii_case(text.trim()))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PostmortemStatus {
    #[default]
    Draft,
    InReview,
    Final,
}

impl PostmortemStatus {
    pub const ALL: [PostmortemStatus; 3] =
        [PostmortemStatus::Draft, PostmortemStatus::InReview, PostmortemStatus::Final];

    pub fn label(self) -> &'static str {
        match self {
            PostmortemStatus::Draft => "draft",
            PostmortemStatus::InReview => "in-review",
            PostmortemStatus::Final => "final",
        }
    }
}

/// One `- HH:MM — text` line of the Timeline section, placed on a UTC date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    /// Sanitised inline HTML.
    pub html: String,
    pub line: usize,
}

/// One row of the Action Items table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionItem {
    /// The `#` column as written.
    pub number: String,
    pub text: String,
    pub owner: String,
    /// `None` when the cell is not a `YYYY-MM-DD` date (a `check` error says so).
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// From a `Done 2026-03-01` status cell or a `Completed` column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<NaiveDate>,
    /// A ticket key or URL from an optional `Ticket` column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
    /// From an optional `Type` column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActionKind>,
    pub line: usize,
}

impl ActionItem {
    /// Item `number`, "item <number>", owned by `@mei`, with nothing else recorded: for the
    /// analytics' and views' unit tests to adjust.
    pub fn example(number: &str, status: ActionStatus) -> ActionItem {
        ActionItem {
            number: number.to_owned(),
            text: format!("item {number}"),
            owner: "@mei".to_owned(),
            due: None,
            status,
            completed_on: None,
            ticket: None,
            kind: None,
            line: 1,
        }
    }
}

/// Mitigate: reduce the impact next time. Prevent: stop it happening again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionKind {
    Mitigate,
    Prevent,
}

impl ActionKind {
    pub fn parse(text: &str) -> Option<ActionKind> {
        match text.trim().to_lowercase().as_str() {
            "mitigate" | "mitigation" => Some(ActionKind::Mitigate),
            "prevent" | "prevention" => Some(ActionKind::Prevent),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    Pending,
    InProgress,
    Done,
    WontDo,
    /// The cell held none of the known statuses; the item is still shown and counted.
    Invalid,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Pending,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::WontDo,
        ActionStatus::Invalid,
    ];

    /// Case-insensitive, with the synonyms teams commonly write.
    pub fn parse(text: &str) -> ActionStatus {
        let t: String = text.trim().to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
        match t.as_str() {
            "pending" | "todo" | "open" | "notstarted" | "new" => ActionStatus::Pending,
            "inprogress" | "started" | "doing" | "wip" => ActionStatus::InProgress,
            "done" | "complete" | "completed" | "closed" | "fixed" | "resolved" => ActionStatus::Done,
            "wontdo" | "wontfix" | "cancelled" | "canceled" | "dropped" => ActionStatus::WontDo,
            _ => ActionStatus::Invalid,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Pending => "Pending",
            ActionStatus::InProgress => "In Progress",
            ActionStatus::Done => "Done",
            ActionStatus::WontDo => "Won't Do",
            ActionStatus::Invalid => "Invalid",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Pending | ActionStatus::InProgress)
    }
}
