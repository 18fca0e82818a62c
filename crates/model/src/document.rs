use serde::{Deserialize, Serialize};

/// The template sections firebreak understands. Any other `##` heading is kept as
/// [`SectionKind::Other`] so nothing a writer adds is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    // Postmortem template.
    Summary,
    Impact,
    Timeline,
    RootCause,
    ContributingFactors,
    WhatWentWell,
    ActionItems,
    LessonsLearned,
    // Runbook template.
    Overview,
    Prerequisites,
    Diagnosis,
    Mitigation,
    Escalation,
    Related,
    // Drill template (with Timeline, Action Items and Lessons Learned above).
    Scenario,
    Hypothesis,
    BlastRadius,
    AbortCriteria,
    Findings,
    Other,
}

impl SectionKind {
    /// Recognises a heading case-insensitively, ignoring a parenthesised suffix such as
    /// "Root Cause Analysis (5 Whys)".
    pub fn from_heading(heading: &str) -> SectionKind {
        let base = heading.split('(').next().unwrap_or(heading);
        let normalized: String = base
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        match normalized.as_str() {
            "summary" => SectionKind::Summary,
            "impact" => SectionKind::Impact,
            "timeline" => SectionKind::Timeline,
            "root cause analysis" | "root cause" | "root causes" | "5 whys" | "five whys" => SectionKind::RootCause,
            "contributing factors" => SectionKind::ContributingFactors,
            "what went well" => SectionKind::WhatWentWell,
            "action items" => SectionKind::ActionItems,
            "lessons learned" | "lessons" => SectionKind::LessonsLearned,
            "overview" => SectionKind::Overview,
            "prerequisites" => SectionKind::Prerequisites,
            "diagnosis steps" | "diagnosis" => SectionKind::Diagnosis,
            "mitigation steps" | "mitigation" => SectionKind::Mitigation,
            "escalation" => SectionKind::Escalation,
            "related" | "related links" => SectionKind::Related,
            "scenario" => SectionKind::Scenario,
            "hypothesis" => SectionKind::Hypothesis,
            "blast radius" => SectionKind::BlastRadius,
            "abort criteria" => SectionKind::AbortCriteria,
            "findings" => SectionKind::Findings,
            _ => SectionKind::Other,
        }
    }
}

/// One `##` section of a document, rendered to sanitised HTML at compile time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    /// URL fragment for deep links, e.g. `action-items`.
    pub anchor: String,
    /// Source line of the heading.
    pub line: usize,
    pub html: String,
    /// The section's words without markup, for the search index; only the compiler has it.
    #[serde(skip)]
    pub text: String,
}
