//! `blameless-language`: blame phrasing in postmortems and drills, and people named as a
//! postmortem's root cause. Blameless write-ups ask what made an action possible, not who
//! took it; a drill's findings are read by the same team, in the same spirit.

use super::{Context, Finding, position};
use model::{Postmortem, SectionKind};

/// (phrase, lowercase; what to write instead).
const PHRASES: [(&str, &str); 10] = [
    ("human error", "name the condition that made the action easy to get wrong (a missing guard, an unclear tool)"),
    ("operator error", "name the condition that made the action easy to get wrong (a missing guard, an unclear tool)"),
    ("careless", "describe what the tooling or process allowed, not the person's care"),
    ("should have known", "describe what information was missing or hard to find at the time"),
    ("should have caught", "describe which safeguard did not catch it, and why"),
    ("failed to", "say what did or did not happen and why, e.g. \"the check did not run because…\""),
    ("fault of", "describe the contributing conditions instead of assigning fault"),
    ("negligen", "describe the contributing conditions instead of judging people"),
    ("blame", "describe the contributing conditions instead of assigning blame"),
    ("mistake by", "describe the system conditions that allowed the mistake"),
];

pub fn check(context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for pm in &context.repo.postmortems {
        blame_phrases(&pm.path, &pm.source, pm.body_line, &mut findings);
        people_in_root_cause(pm, &context.repo.config.people, &mut findings);
    }
    for drill in &context.repo.drills {
        blame_phrases(&drill.path, &drill.source, drill.body_line, &mut findings);
    }
    findings
}

/// Each blame phrase that starts a word of the body (the file after its front matter).
fn blame_phrases(path: &str, source: &str, body_line: usize, findings: &mut Vec<Finding>) {
    let lower = body_of(source, body_line).to_lowercase();
    for (phrase, advice) in PHRASES {
        for (offset, _) in lower.match_indices(phrase) {
            if !starts_word(&lower, offset) {
                continue;
            }
            let (line, col) = position(&lower, offset, body_line);
            findings.push(Finding::new(path, line, col, format!("blame phrasing \"{phrase}\": {advice}")));
        }
    }
}

/// The body after the front matter. Lowercasing can change byte lengths, so positions are
/// taken in the lowercased text; it has the same lines.
fn body_of(source: &str, body_line: usize) -> &str {
    let skip: usize = source.split_inclusive('\n').take(body_line.saturating_sub(1)).map(str::len).sum();
    &source[skip.min(source.len())..]
}

fn starts_word(text: &str, offset: usize) -> bool {
    text[..offset].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

/// A handle (`@priya`) or a known person in the Root Cause section points at a person.
fn people_in_root_cause(
    pm: &Postmortem,
    people: &std::collections::BTreeMap<String, model::Person>,
    findings: &mut Vec<Finding>,
) {
    let Some(index) = pm.sections.iter().position(|s| s.kind == SectionKind::RootCause) else { return };
    let start = pm.sections[index].line;
    let end = pm.sections.get(index + 1).map_or(usize::MAX, |s| s.line);
    let mut names: Vec<String> = people.keys().cloned().collect();
    names.extend(pm.meta.authors.iter().cloned());
    names.extend(pm.meta.incident_commander.iter().cloned());
    for (index, line) in pm.source.lines().enumerate() {
        let number = index + 1;
        if number <= start || number >= end {
            continue;
        }
        let handle = line.match_indices('@').find(|(i, _)| {
            starts_word(line, *i) && line[i + 1..].chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        });
        let named = names.iter().find_map(|n| line.find(n.as_str()));
        if let Some(col) = handle.map(|(i, _)| i).or(named) {
            findings.push(Finding::new(
                &pm.path,
                number,
                line[..col].chars().count() + 1,
                "the root cause names a person; describe the system condition that allowed what happened",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at, repo_with};
    use super::*;

    #[test]
    fn blame_phrases_are_found_with_position_and_advice() {
        let repo = repo_with(&[(
            "p.md",
            "draft",
            "## Summary\nThe outage was human error.\nNothing else; defailed tolerance is fine.\n",
        )]);
        let f = check(&context_of(&repo));
        assert_eq!(f.len(), 1, "word starts only: {:?}", f.iter().map(|f| &f.message).collect::<Vec<_>>());
        assert_eq!((f[0].line, f[0].col), (10, 16));
        assert!(f[0].message.contains("missing guard"));
    }

    #[test]
    fn people_in_the_root_cause_are_flagged_but_not_elsewhere() {
        let body = "## Summary\n@ann led the response.\n## Root Cause Analysis (5 Whys)\n1. Why? Because @bob ran the script.\n2. Why? Because the script had no dry run.\n## Lessons Learned\n- x\n";
        let repo = repo_with(&[("p.md", "draft", body)]);
        let f = check(&context_of(&repo));
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].col), (12, 17));
    }

    #[test]
    fn blame_phrases_in_a_drill_are_found_at_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let drills = dir.path().join("content/drills");
        std::fs::create_dir_all(&drills).unwrap();
        let text = "---\ntitle: Fail over\ndate: 2026-06-01\nkind: game-day\n---\n## Findings\nThe standby was fine.\nThe on-call engineer failed to page the DBA.\n";
        std::fs::write(drills.join("failover.md"), text).unwrap();
        let f = check(&context_of(&repo_at(dir.path())));
        assert_eq!(f.len(), 1, "{:?}", f.iter().map(|f| &f.message).collect::<Vec<_>>());
        assert!(f[0].path.ends_with("content/drills/failover.md"), "{}", f[0].path);
        assert_eq!((f[0].line, f[0].col), (8, 22));
        assert!(f[0].message.starts_with("blame phrasing \"failed to\""), "{}", f[0].message);
    }
}
