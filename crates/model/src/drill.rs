//! A drill: a tabletop exercise, game day, chaos experiment or disaster-recovery test, kept
//! as Markdown like a postmortem (docs/formats.md, "Drills"). Deliberately starting small
//! fires is the last stage of the maturity path; a drill records the hypothesis it tested,
//! what was found, and the action items that came of it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::duration::Duration;
use super::{ActionItem, Section};

/// A drill's YAML front matter. Unknown keys are rejected by the ingest step with a
/// suggestion, as for postmortems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillMeta {
    /// Defaults to the file name without `.md`.
    #[serde(default)]
    pub id: String,
    pub title: String,
    /// The day it ran or is planned for.
    pub date: NaiveDate,
    pub kind: DrillKind,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub status: DrillStatus,
    /// How the system held up; expected once the drill is done.
    #[serde(default)]
    pub outcome: Option<DrillOutcome>,
    /// Recovery time and recovery point as measured (dr-test drills), against the tier's targets.
    #[serde(default)]
    pub measured_rto: Option<Duration>,
    #[serde(default)]
    pub measured_rpo: Option<Duration>,
    #[serde(default)]
    pub facilitator: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrillKind {
    Tabletop,
    GameDay,
    Chaos,
    DrTest,
}

impl DrillKind {
    pub const ALL: [DrillKind; 4] = [DrillKind::Tabletop, DrillKind::GameDay, DrillKind::Chaos, DrillKind::DrTest];

    pub fn label(self) -> &'static str {
        match self {
            DrillKind::Tabletop => "tabletop",
            DrillKind::GameDay => "game-day",
            DrillKind::Chaos => "chaos",
            DrillKind::DrTest => "dr-test",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrillStatus {
    #[default]
    Planned,
    Done,
    Aborted,
}

impl DrillStatus {
    pub fn label(self) -> &'static str {
        match self {
            DrillStatus::Planned => "planned",
            DrillStatus::Done => "done",
            DrillStatus::Aborted => "aborted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrillOutcome {
    /// The system behaved as the hypothesis said.
    Held,
    Partial,
    Failed,
}

impl DrillOutcome {
    pub fn label(self) -> &'static str {
        match self {
            DrillOutcome::Held => "held",
            DrillOutcome::Partial => "partial",
            DrillOutcome::Failed => "failed",
        }
    }
}

/// One drill file, parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drill {
    pub meta: DrillMeta,
    /// Relative to the repo root, for diagnostics and the source link.
    pub path: String,
    /// Front-matter key → file line, for checks that report on a key.
    #[serde(skip)]
    pub key_lines: BTreeMap<String, usize>,
    /// The file as written, for rules that read text (blameless language).
    #[serde(skip)]
    pub source: String,
    /// The file's first body line (after the front matter).
    #[serde(skip)]
    pub body_line: usize,
    pub sections: Vec<Section>,
    /// The Action Items table, read as a postmortem's is.
    pub action_items: Vec<ActionItem>,
}

/// What the site and the figures need of a drill without its text: the front matter, where
/// it lives, and its action items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillSummary {
    pub meta: DrillMeta,
    pub path: String,
    pub action_items: Vec<ActionItem>,
}

impl From<&Drill> for DrillSummary {
    fn from(drill: &Drill) -> DrillSummary {
        DrillSummary { meta: drill.meta.clone(), path: drill.path.clone(), action_items: drill.action_items.clone() }
    }
}
