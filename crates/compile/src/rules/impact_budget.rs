//! `impact-budget`: a postmortem's Impact section that says what share of an error budget
//! the incident used ("used **38%** of its 30-day error budget") is held to what the SLI
//! exports say it spent. A hand-computed share drifts from the data as exports are
//! corrected; more than five points apart, the reader is told which figure to trust.

use regex::Regex;
use std::sync::LazyLock;

use super::{Context, Finding};
use analytics::Calendar;
use analytics::slo::{IncidentBudget, budget_spent_by_incident};
use model::{Postmortem, SectionKind, SliEvents};
use views::format::format_percent;

/// How far, in percentage points, a stated share may be from the computed one.
const TOLERANCE_POINTS: f64 = 5.0;

/// "38% of its 30-day error budget", "17.6 % of the budget": a share of a budget, the
/// number possibly in bold.
static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d+(?:\.\d+)?)\s?%(?:\*\*|__)?\s+of\s+(?:the|its|our|their)\b[^.\n]{0,60}?\bbudget\b")
        .expect("a valid pattern")
});

pub fn check(context: &Context) -> Vec<Finding> {
    let repo = context.repo;
    if repo.slos.is_empty() {
        return Vec::new();
    }
    let calendar = Calendar::of(&repo.config);
    let none = SliEvents::default();
    let slos: Vec<_> =
        repo.slos.iter().map(|slo| (slo, repo.sli.get(&slo.name).map_or(&none, |data| &data.events))).collect();
    let mut findings = Vec::new();
    for pm in &repo.postmortems {
        let times = &pm.times;
        let spent = budget_spent_by_incident(
            slos.iter().copied(),
            &pm.meta.services,
            times.started_at.or(times.detected_at),
            times.resolved_at,
            &calendar,
        );
        let known: Vec<(&IncidentBudget, f64)> = spent.iter().filter_map(|b| Some((b, b.share?))).collect();
        if !known.is_empty() {
            stated_shares(pm, &known, &mut findings);
        }
    }
    findings
}

/// Each share the Impact section states that no SLO of the incident's services is within
/// [`TOLERANCE_POINTS`] of, with the closest computed one.
fn stated_shares(pm: &Postmortem, known: &[(&IncidentBudget, f64)], findings: &mut Vec<Finding>) {
    let Some(index) = pm.sections.iter().position(|s| s.kind == SectionKind::Impact) else { return };
    let start = pm.sections[index].line;
    let end = pm.sections.get(index + 1).map_or(usize::MAX, |s| s.line);
    for (index, line) in pm.source.lines().enumerate().filter(|(i, _)| start < i + 1 && i + 1 < end) {
        for found in STATED.captures_iter(line) {
            let number = found.get(1).expect("the pattern has one group");
            let Ok(stated) = number.as_str().parse::<f64>() else { continue };
            let distance = |share: f64| (share * 100.0 - stated).abs();
            let (closest, share) =
                known.iter().min_by(|a, b| distance(a.1).total_cmp(&distance(b.1))).expect("known is not empty");
            if distance(*share) > TOLERANCE_POINTS {
                let col = line[..number.start()].chars().count() + 1;
                let message = format!(
                    "the Impact section says {stated} % of the budget, but the SLI export says {} spent {}; \
                     correct the figure or the export (within {TOLERANCE_POINTS} points passes)",
                    closest.slo,
                    format_percent(Some(*share))
                );
                findings.push(Finding::new(&pm.path, index + 1, col, message));
            }
        }
    }
}
