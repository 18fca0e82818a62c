//! `timeline-order`: the timeline runs forward, the front-matter milestones are in order
//! (started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved), and the timeline sits around
//! the incident the front matter describes.

use chrono::{DateTime, Duration, Utc};

use super::{Context, Finding};
use model::Postmortem;
use model::dates;

const MILESTONES: [&str; 5] = ["started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at"];

/// How far a timeline entry may lie outside started..resolved: deploys before, follow-ups after.
const SLACK_DAYS: i64 = 2;

pub fn check(context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for pm in &context.repo.postmortems {
        milestones_in_order(pm, &mut findings);
        for pair in pm.timeline.windows(2) {
            if pair[1].at < pair[0].at {
                findings.push(Finding::new(
                    &pm.path,
                    pair[1].line,
                    1,
                    format!(
                        "timeline entry at {} comes after one at {}; keep the timeline in order",
                        hm(pair[1].at),
                        hm(pair[0].at)
                    ),
                ));
            }
        }
        let m = &pm.meta;
        if let (Some(start), Some(end)) = (m.started_at, m.resolved_at.or(m.mitigated_at).or(m.started_at)) {
            let slack = Duration::days(SLACK_DAYS);
            for entry in pm.timeline.iter().filter(|e| e.at < start - slack || e.at > end + slack) {
                findings.push(Finding::new(
                    &pm.path,
                    entry.line,
                    1,
                    format!(
                        "timeline entry falls on {}, more than {SLACK_DAYS} days from the incident in the front matter ({} to {}); is its date right?",
                        hm(entry.at),
                        hm(start),
                        hm(end)
                    ),
                ));
            }
        }
    }
    findings
}

fn milestones_in_order(pm: &Postmortem, findings: &mut Vec<Finding>) {
    let m = &pm.meta;
    let values = [m.started_at, m.detected_at, m.acknowledged_at, m.mitigated_at, m.resolved_at];
    let mut latest: Option<(&str, DateTime<Utc>)> = None;
    for (key, value) in MILESTONES.iter().zip(values) {
        let Some(value) = value else { continue };
        if let Some((earlier_key, earlier)) = latest
            && value < earlier
        {
            let line = pm.key_lines.get(*key).copied().unwrap_or(1);
            findings.push(Finding::new(
                &pm.path,
                line,
                1,
                format!("`{key}` ({}) is before `{earlier_key}` ({})", hm(value), hm(earlier)),
            ));
        }
        if latest.is_none_or(|(_, t)| value >= t) {
            latest = Some((key, value));
        }
    }
}

fn hm(t: DateTime<Utc>) -> String {
    t.format(dates::DATE_TIME).to_string()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at};
    use super::*;

    fn findings(front: &str, timeline: &str) -> Vec<Finding> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("postmortems")).unwrap();
        let text = format!("---\ntitle: T\ndate: 2026-06-01\nseverity: SEV3\n{front}---\n## Timeline\n{timeline}");
        std::fs::write(dir.path().join("postmortems/p.md"), text).unwrap();
        let repo = repo_at(dir.path());
        check(&context_of(&repo))
    }

    #[test]
    fn milestones_out_of_order_point_at_the_later_key() {
        let f = findings(
            "started_at: 2026-06-01T10:00:00Z\ndetected_at: 2026-06-01T09:00:00Z\nresolved_at: 2026-06-01T12:00:00Z\n",
            "",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 6);
        assert!(f[0].message.contains("`detected_at`"));
    }

    #[test]
    fn entries_out_of_order_are_found() {
        let f = findings("started_at: 2026-06-01T10:00:00Z\n", "- 10:10 — a\n- 10:05 — b\n");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 9);
    }

    #[test]
    fn entries_far_from_the_incident_are_questioned() {
        let f = findings("started_at: 2026-06-01T10:00:00Z\n", "- 2026-06-09 10:00 — follow-up\n");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("is its date right"));
        assert!(findings("started_at: 2026-06-01T10:00:00Z\n", "- 09:40 — deploy\n- 10:00 — errors\n").is_empty());
    }
}
