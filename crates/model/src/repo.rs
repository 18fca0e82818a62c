use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{
    ActionItem, Config, Drill, Facts, Impact, Metrics, Milestones, Onboarding, PostmortemMeta, RowSource, RunbookMeta,
    Section, SliData, Slo, TimelineEntry,
};

/// A whole source repo, parsed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Repo {
    pub config: Config,
    pub postmortems: Vec<Postmortem>,
    pub runbooks: Vec<Runbook>,
    /// `content/drills/*.md`: game days, chaos experiments, DR tests, tabletops.
    #[serde(default)]
    pub drills: Vec<Drill>,
    pub metrics: Metrics,
    /// From `content/alerts.yaml`, when the repo keeps its alert list there.
    pub alerts: Vec<Alert>,
    /// `content/onboarding.md` over firebreak's defaults.
    pub onboarding: Onboarding,
    /// The SLOs of `content/slos/*.yaml` that read without a `slo-definition` finding.
    #[serde(default)]
    pub slos: Vec<Slo>,
    /// Each SLO's events (by SLO name), read from the exports under the metrics folder.
    #[serde(default)]
    pub sli: BTreeMap<String, SliData>,
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
    /// Words in the body, for the reading time.
    pub words: usize,
}

impl From<&Postmortem> for PostmortemSummary {
    fn from(pm: &Postmortem) -> Self {
        PostmortemSummary {
            meta: pm.meta.clone(),
            path: pm.path.clone(),
            action_items: pm.action_items.clone(),
            times: pm.times.clone(),
            impact: pm.facts.impact.clone(),
            words: words(&pm.sections),
        }
    }
}

impl PostmortemSummary {
    /// A final postmortem of `checkout` with nothing else recorded, for the analytics' and
    /// views' unit tests to adjust.
    pub fn example(id: &str, date: chrono::NaiveDate, severity: super::Severity) -> PostmortemSummary {
        PostmortemSummary {
            meta: PostmortemMeta {
                id: id.into(),
                title: id.into(),
                date,
                status: super::PostmortemStatus::Final,
                severity,
                services: vec!["checkout".into()],
                authors: vec![],
                incident_commander: None,
                tags: vec![],
                started_at: None,
                detected_at: None,
                acknowledged_at: None,
                mitigated_at: None,
                resolved_at: None,
                caused_by_deploys: vec![],
                runbooks: vec![],
                related: vec![],
            },
            path: format!("{id}.md"),
            action_items: vec![],
            times: Milestones::default(),
            impact: Impact::default(),
            words: 0,
        }
    }
}

fn words(sections: &[Section]) -> usize {
    sections.iter().map(|s| s.text.split_whitespace().count()).sum()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunbookSummary {
    pub slug: String,
    pub meta: RunbookMeta,
    pub path: String,
    /// Words in the body, for the reading time.
    pub words: usize,
}

impl From<&Runbook> for RunbookSummary {
    fn from(rb: &Runbook) -> Self {
        RunbookSummary {
            slug: rb.slug.clone(),
            meta: rb.meta.clone(),
            path: rb.path.clone(),
            words: words(&rb.sections),
        }
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
