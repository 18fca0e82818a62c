//! `runbook-stale` and `alert-without-runbook`: a page at 3 AM must lead to a runbook, and
//! that runbook must still be true.

use super::{Context, Finding};

pub fn stale(context: &Context) -> Vec<Finding> {
    context
        .repo
        .runbooks
        .iter()
        .filter_map(|rb| {
            let (age, period) = (rb.meta.days_since_review(context.as_of), rb.meta.review_every.days);
            rb.meta.review_overdue(context.as_of).then(|| {
                let line = rb.key_lines.get("last_reviewed").copied().unwrap_or(1);
                Finding::new(
                    &rb.path,
                    line,
                    1,
                    format!("last reviewed {age} days ago (on {}), beyond its {period}-day review period; review it and update `last_reviewed`", rb.meta.last_reviewed),
                )
            })
        })
        .collect()
}

pub fn alerts_have_runbooks(context: &Context) -> Vec<Finding> {
    let repo = context.repo;
    let covered = |name: &str| repo.runbooks.iter().any(|rb| rb.meta.alerts.iter().any(|a| a == name));
    repo.alerts
        .iter()
        .filter(|alert| !covered(&alert.name))
        .map(|alert| {
            Finding::new(
                &alert.source.path,
                alert.source.line,
                1,
                format!(
                    "alert `{}` has no runbook; list it under `alerts:` in the runbook the on-call should open",
                    alert.name
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at};
    use super::*;

    fn repo(reviewed: &str, alerts_yaml: &str) -> model::Repo {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/runbooks")).unwrap();
        std::fs::write(
            dir.path().join("content/runbooks/r.md"),
            format!("---\ntitle: R\nservice: s\nowner: \"@a\"\nlast_reviewed: {reviewed}\nreview_every: 30d\nalerts: [Covered]\n---\n"),
        )
        .unwrap();
        std::fs::write(dir.path().join("content/alerts.yaml"), alerts_yaml).unwrap();
        repo_at(dir.path())
    }

    #[test]
    fn stale_after_the_review_period() {
        let old = repo("2026-10-22", "[]");
        let f = stale(&context_of(&old));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 5);
        assert!(f[0].message.contains("31 days ago"));
        assert!(stale(&context_of(&repo("2026-10-23", "[]"))).is_empty(), "30 days is within a 30-day period");
    }

    #[test]
    fn alerts_without_runbooks_point_at_the_alert_list() {
        let r = repo("2026-11-01", "- name: Covered\n- name: Orphan\n  service: s\n");
        let f = alerts_have_runbooks(&context_of(&r));
        assert_eq!(f.len(), 1);
        assert!(f[0].path.ends_with("content/alerts.yaml"));
        assert_eq!(f[0].line, 2);
        assert!(f[0].message.contains("Orphan"));
    }
}
