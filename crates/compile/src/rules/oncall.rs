//! `unknown-responder`: pages and on-call shifts of people `[people]` does not list, so
//! their team and time zone are unknown (an alias, or a handle exported without its `@`).

use std::collections::BTreeMap;

use super::{Context, Finding};
use model::RowSource;
use model::suggest::did_you_mean;

/// One finding per responder and file, on their first row, counting the others: a
/// responder missing from `[people]` is one mistake however many pages they took.
pub fn unknown_responders(context: &Context) -> Vec<Finding> {
    let people = &context.repo.config.people;
    if people.is_empty() {
        return Vec::new();
    }
    let metrics = &context.repo.metrics;
    let rows = metrics
        .pages
        .iter()
        .map(|p| (&p.responder, &p.source))
        .chain(metrics.shifts.iter().map(|s| (&s.responder, &s.source)));
    let mut unknown: BTreeMap<(&str, &str), (&RowSource, usize)> = BTreeMap::new();
    for (responder, source) in rows.filter(|(responder, _)| !people.contains_key(*responder)) {
        let entry = unknown.entry((source.path.as_str(), responder.as_str())).or_insert((source, 0));
        if source.line < entry.0.line {
            entry.0 = source;
        }
        entry.1 += 1;
    }
    unknown
        .into_iter()
        .map(|((path, responder), (first, rows))| {
            let hint = did_you_mean(responder, people.keys().map(String::as_str));
            let others = match rows {
                1 => String::new(),
                n => format!(" (and {} more row(s) of this file)", n - 1),
            };
            Finding::new(
                path,
                first.line,
                1,
                format!(
                    "responder `{responder}` is not in [people], so their team and time zone are unknown{others}{hint}"
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at};
    use super::*;

    #[test]
    fn responders_missing_from_people_are_found_once_per_file_with_a_suggestion() {
        let dir = tempfile::tempdir().unwrap();
        let metrics = dir.path().join("content/metrics");
        std::fs::create_dir_all(&metrics).unwrap();
        std::fs::write(dir.path().join("firebreak.toml"), "[people]\n\"@priya\" = \"payments\"\n").unwrap();
        let page = |id: &str, who: &str| format!("{id},A,checkout,{who},high,2026-06-01T10:00:00Z,,\n");
        let pages = format!(
            "page_id,alert,service,responder,urgency,triggered_at,acknowledged_at,resolved_at\n{}{}{}{}",
            page("p1", "@priya"),
            page("p2", "@pirya"),
            page("p3", "@pirya"),
            page("p4", "@ghost")
        );
        std::fs::write(metrics.join("pages.csv"), pages).unwrap();
        std::fs::write(
            metrics.join("oncall.csv"),
            "rotation,responder,level,start,end\npayments,@ghost,primary,2026-06-01T09:00:00Z,2026-06-08T09:00:00Z\n",
        )
        .unwrap();
        let repo = repo_at(dir.path());
        let found: Vec<(String, usize, String)> =
            unknown_responders(&context_of(&repo)).into_iter().map(|f| (f.path, f.line, f.message)).collect();
        let path = |file: &str| metrics.join(file).to_string_lossy().into_owned();
        assert_eq!(
            found,
            [
                (path("oncall.csv"), 2, "responder `@ghost` is not in [people], so their team and time zone are unknown".to_owned()),
                (path("pages.csv"), 5, "responder `@ghost` is not in [people], so their team and time zone are unknown".to_owned()),
                (
                    path("pages.csv"),
                    3,
                    "responder `@pirya` is not in [people], so their team and time zone are unknown (and 1 more row(s) of this file); did you mean `@priya`?".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn without_people_no_responder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let metrics = dir.path().join("content/metrics");
        std::fs::create_dir_all(&metrics).unwrap();
        std::fs::write(
            metrics.join("oncall.csv"),
            "rotation,responder,level,start,end\npayments,@ghost,primary,2026-06-01T09:00:00Z,2026-06-08T09:00:00Z\n",
        )
        .unwrap();
        let repo = repo_at(dir.path());
        assert_eq!(repo.metrics.shifts.len(), 1);
        assert!(unknown_responders(&context_of(&repo)).is_empty());
    }
}
