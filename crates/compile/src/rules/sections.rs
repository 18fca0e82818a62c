//! `required-sections`: a final postmortem has every template section; one in review has
//! the story so far; a draft needs only its front matter. Runbooks have every section the
//! engineer at 3 AM looks for. A done drill says what it tested and what it found: without a
//! hypothesis a drill cannot have held or failed, and without findings it taught nothing.

use super::{Context, Finding};
use model::{DrillStatus, PostmortemStatus, Section, SectionKind};

const FINAL: [SectionKind; 8] = [
    SectionKind::Summary,
    SectionKind::Impact,
    SectionKind::Timeline,
    SectionKind::RootCause,
    SectionKind::ContributingFactors,
    SectionKind::WhatWentWell,
    SectionKind::ActionItems,
    SectionKind::LessonsLearned,
];
const IN_REVIEW: [SectionKind; 4] =
    [SectionKind::Summary, SectionKind::Impact, SectionKind::Timeline, SectionKind::RootCause];
const RUNBOOK: [SectionKind; 5] = [
    SectionKind::Overview,
    SectionKind::Diagnosis,
    SectionKind::Mitigation,
    SectionKind::Escalation,
    SectionKind::Related,
];
const DONE_DRILL: [SectionKind; 2] = [SectionKind::Hypothesis, SectionKind::Findings];

pub fn check(context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for pm in &context.repo.postmortems {
        let required: &[SectionKind] = match pm.meta.status {
            PostmortemStatus::Final => &FINAL,
            PostmortemStatus::InReview => &IN_REVIEW,
            PostmortemStatus::Draft => &[],
        };
        if let Some(missing) = missing(&pm.sections, required) {
            let status = pm.meta.status.label();
            findings.push(Finding::new(
                &pm.path,
                pm.body_line,
                1,
                format!("a {status} postmortem needs these sections: {missing}"),
            ));
        }
    }
    for rb in &context.repo.runbooks {
        if let Some(missing) = missing(&rb.sections, &RUNBOOK) {
            findings.push(Finding::new(
                &rb.path,
                rb.body_line,
                1,
                format!("a runbook needs these sections: {missing}"),
            ));
        }
    }
    for drill in context.repo.drills.iter().filter(|d| d.meta.status == DrillStatus::Done) {
        if let Some(missing) = missing(&drill.sections, &DONE_DRILL) {
            findings.push(Finding::new(
                &drill.path,
                drill.body_line,
                1,
                format!("a done drill needs these sections: {missing}"),
            ));
        }
    }
    findings
}

/// The headings of required sections that are absent or empty, or `None` when all are there.
fn missing(sections: &[Section], required: &[SectionKind]) -> Option<String> {
    let present = |kind: &SectionKind| sections.iter().any(|s| s.kind == *kind && !s.html.trim().is_empty());
    let absent: Vec<&str> = required.iter().filter(|k| !present(k)).map(heading).collect();
    (!absent.is_empty()).then(|| absent.join(", "))
}

fn heading(kind: &SectionKind) -> &'static str {
    match kind {
        SectionKind::Summary => "Summary",
        SectionKind::Impact => "Impact",
        SectionKind::Timeline => "Timeline",
        SectionKind::RootCause => "Root Cause Analysis (5 Whys)",
        SectionKind::ContributingFactors => "Contributing Factors",
        SectionKind::WhatWentWell => "What Went Well",
        SectionKind::ActionItems => "Action Items",
        SectionKind::LessonsLearned => "Lessons Learned",
        SectionKind::Overview => "Overview",
        SectionKind::Prerequisites => "Prerequisites",
        SectionKind::Diagnosis => "Diagnosis Steps",
        SectionKind::Mitigation => "Mitigation Steps",
        SectionKind::Escalation => "Escalation",
        SectionKind::Related => "Related",
        SectionKind::Scenario => "Scenario",
        SectionKind::Hypothesis => "Hypothesis",
        SectionKind::BlastRadius => "Blast Radius",
        SectionKind::AbortCriteria => "Abort Criteria",
        SectionKind::Findings => "Findings",
        SectionKind::Other => "",
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at, repo_with};
    use super::*;

    #[test]
    fn final_postmortems_need_every_section_and_drafts_none() {
        let repo = repo_with(&[("final.md", "final", "## Summary\nx\n## Impact\n\n## Timeline\n- 10:00 — a\n")]);
        let findings = check(&context_of(&repo));
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("Impact, Root Cause"),
            "an empty section counts as missing: {}",
            findings[0].message
        );
        assert!(!findings[0].message.contains("Timeline"));
        let repo = repo_with(&[("draft.md", "draft", "## Summary\nx\n")]);
        assert!(check(&context_of(&repo)).is_empty());
    }

    #[test]
    fn a_done_drill_needs_its_hypothesis_and_findings_and_a_planned_one_neither() {
        let dir = tempfile::tempdir().unwrap();
        let drills = dir.path().join("content/drills");
        std::fs::create_dir_all(&drills).unwrap();
        let front = "---\ntitle: Fail over\ndate: 2026-06-01\nkind: game-day\n";
        std::fs::write(drills.join("done.md"), format!("{front}status: done\n---\n## Hypothesis\nIt holds.\n"))
            .unwrap();
        std::fs::write(drills.join("planned.md"), format!("{front}status: planned\n---\n## Scenario\nx\n")).unwrap();
        let repo = repo_at(dir.path());
        assert_eq!(repo.drills.len(), 2);
        let findings = check(&context_of(&repo));
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(findings[0].path.ends_with("content/drills/done.md"), "{}", findings[0].path);
        assert_eq!(
            (findings[0].line, findings[0].message.as_str()),
            (7, "a done drill needs these sections: Findings")
        );
    }
}
