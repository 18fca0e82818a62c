use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{
    ActionItem, Config, Facts, Impact, Metrics, Milestones, PostmortemMeta, RowSource, RunbookMeta, Section,
    TimelineEntry,
};

/// A whole source repo, parsed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Repo {
    pub config: Config,
    pub postmortems: Vec<Postmortem>,
    pub runbooks: Vec<Runbook>,
    pub metrics: Metrics,
    /// From `content/alerts.yaml`, when the repo keeps its alert list there.
    pub alerts: Vec<Alert>,
}

/// An alert the team has, so `check` can insist every one has a runbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alert {
    pub name: String,
    #[serde(default)]
    pub service: Option<String>,
    /// Where it is listed, for diagnostics.
    #[serde(skip)]
    pub source: RowSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Postmortem {
    pub meta: PostmortemMeta,
    /// Path of the source file, relative to the repo root, with `/` separators.
    pub path: String,
    /// Source line of each front-matter key, for diagnostics found after parsing.
    #[serde(skip)]
    pub key_lines: BTreeMap<String, usize>,
    /// The file as written, for rules that read text (blameless language, secrets).
    #[serde(skip)]
    pub source: String,
    /// File line where the body starts, after the front matter.
    #[serde(skip)]
    pub body_line: usize,
    pub sections: Vec<Section>,
    pub timeline: Vec<TimelineEntry>,
    pub action_items: Vec<ActionItem>,
    pub facts: Facts,
    pub times: Milestones,
}

/// What lists, the dashboard and the analytics need of a postmortem: everything but the
/// rendered body, which the app fetches on demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostmortemSummary {
    pub meta: PostmortemMeta,
    pub path: String,
    pub action_items: Vec<ActionItem>,
    /// Milestones with the timeline's fallbacks, which the analytics use.
    pub times: Milestones,
    pub impact: Impact,
}

impl From<&Postmortem> for PostmortemSummary {
    fn from(pm: &Postmortem) -> Self {
        PostmortemSummary {
            meta: pm.meta.clone(),
            path: pm.path.clone(),
            action_items: pm.action_items.clone(),
            times: pm.times.clone(),
            impact: pm.facts.impact.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunbookSummary {
    pub slug: String,
    pub meta: RunbookMeta,
    pub path: String,
}

impl From<&Runbook> for RunbookSummary {
    fn from(rb: &Runbook) -> Self {
        RunbookSummary { slug: rb.slug.clone(), meta: rb.meta.clone(), path: rb.path.clone() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Runbook {
    /// The file name without `.md`; what postmortems' `runbooks:` and URLs use.
    pub slug: String,
    pub meta: RunbookMeta,
    pub path: String,
    #[serde(skip)]
    pub key_lines: BTreeMap<String, usize>,
    #[serde(skip)]
    pub source: String,
    #[serde(skip)]
    pub body_line: usize,
    pub sections: Vec<Section>,
}
