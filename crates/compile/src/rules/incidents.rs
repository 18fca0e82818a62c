//! `sev-needs-postmortem` and `action-item-owner` (a person, not a team).

use super::{Context, Finding};
use model::Severity;

/// Every SEV1/SEV2 incident in the exports has a postmortem (matched by id).
pub fn check(context: &Context) -> Vec<Finding> {
    let repo = context.repo;
    repo.metrics
        .incidents
        .iter()
        .filter(|i| i.severity <= Severity::Sev2)
        .filter(|i| !repo.postmortems.iter().any(|pm| pm.meta.id == i.incident_id))
        .map(|i| {
            Finding::new(
                &i.source.path,
                i.source.line,
                1,
                format!(
                    "{} incident `{}` has no postmortem; write one (`firebreak new postmortem`) and set its `id: {}`",
                    i.severity, i.incident_id, i.incident_id
                ),
            )
        })
        .collect()
}

/// An owner that is a team (a team of the service catalog, or named "… team") owns nothing:
/// an item needs one person who will see it through.
pub fn owners_are_people(context: &Context) -> Vec<Finding> {
    let repo = context.repo;
    let teams: Vec<String> = repo.config.services.values().map(|s| s.team.to_lowercase()).collect();
    let mut findings = Vec::new();
    for pm in &repo.postmortems {
        for item in &pm.action_items {
            let owner = item.owner.trim_start_matches('@').to_lowercase();
            let is_team = teams.contains(&owner) || owner.split([' ', '-', '_']).any(|w| w == "team" || w == "squad");
            if !owner.is_empty() && is_team {
                findings.push(Finding::new(
                    &pm.path,
                    item.line,
                    1,
                    format!(
                        "action item owner `{}` is a team; name the one person who will see it through",
                        item.owner
                    ),
                ));
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at};
    use super::*;

    #[test]
    fn sev1_and_sev2_incidents_without_postmortems_are_found() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/metrics")).unwrap();
        std::fs::create_dir_all(dir.path().join("postmortems")).unwrap();
        std::fs::write(
            dir.path().join("content/metrics/incidents.csv"),
            "incident_id,service,severity,started_at\nINC-1,s,SEV1,2026-06-01T10:00:00Z\nINC-2,s,SEV3,2026-06-01T10:00:00Z\nINC-3,s,SEV2,2026-06-01T10:00:00Z\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("postmortems/x.md"),
            "---\nid: INC-3\ntitle: T\ndate: 2026-06-01\nseverity: SEV2\n---\n",
        )
        .unwrap();
        let repo = repo_at(dir.path());
        let f = check(&context_of(&repo));
        assert_eq!(f.len(), 1);
        assert!(f[0].path.ends_with("content/metrics/incidents.csv"));
        assert_eq!(f[0].line, 2);
    }

    #[test]
    fn team_owners_are_found() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("postmortems")).unwrap();
        std::fs::write(dir.path().join("firebreak.toml"), "[services.checkout]\nteam = \"payments\"\n").unwrap();
        std::fs::write(
            dir.path().join("postmortems/x.md"),
            "---\ntitle: T\ndate: 2026-06-01\nseverity: SEV2\n---\n## Action Items\n| # | Action Item | Owner | Due Date | Status |\n|---|---|---|---|---|\n| 1 | a | @payments | 2026-07-01 | Pending |\n| 2 | b | SRE team | 2026-07-01 | Pending |\n| 3 | c | @priya | 2026-07-01 | Pending |\n",
        )
        .unwrap();
        let repo = repo_at(dir.path());
        let lines: Vec<usize> = owners_are_people(&context_of(&repo)).iter().map(|f| f.line).collect();
        assert_eq!(lines, [9, 10]);
    }
}
