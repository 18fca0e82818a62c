//! `required-sections`: a final postmortem has every template section; one in review has
//! the story so far; a draft needs only its front matter. Runbooks have every section the
//! engineer at 3 AM looks for.

use super::{Context, Finding};
use model::{PostmortemStatus, Section, SectionKind};

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
        SectionKind::Other => "",
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_with};
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
}
