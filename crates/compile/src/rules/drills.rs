//! `unknown-participant`: a drill's facilitator or participant that `[people]` does not
//! list — usually a misspelt handle, which would leave the drill off that person's record.

use super::{Context, Finding};
use model::suggest::did_you_mean;

/// One finding per name, on the line of its front-matter key.
pub fn unknown_participants(context: &Context) -> Vec<Finding> {
    let people = &context.repo.config.people;
    if people.is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for drill in &context.repo.drills {
        let facilitator = drill.meta.facilitator.iter().map(|name| ("facilitator", name));
        let participants = drill.meta.participants.iter().map(|name| ("participants", name));
        for (key, name) in facilitator.chain(participants).filter(|(_, name)| !people.contains_key(*name)) {
            let hint = did_you_mean(name, people.keys().map(String::as_str));
            let line = drill.key_lines.get(key).copied().unwrap_or(1);
            let role = if key == "facilitator" { "facilitator" } else { "participant" };
            findings.push(Finding::new(&drill.path, line, 1, format!("{role} `{name}` is not in [people]{hint}")));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at};
    use super::*;

    fn repo(front: &str) -> model::Repo {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("firebreak.toml"),
            "[people]\n\"@priya\" = \"payments\"\n\"@tomas\" = \"payments\"\n",
        )
        .unwrap();
        let drills = dir.path().join("content/drills");
        std::fs::create_dir_all(&drills).unwrap();
        let text = format!("---\ntitle: Fail over\ndate: 2026-06-01\nkind: game-day\n{front}---\n## Scenario\nx\n");
        std::fs::write(drills.join("failover.md"), text).unwrap();
        repo_at(dir.path())
    }

    #[test]
    fn facilitators_and_participants_missing_from_people_are_found_at_their_key() {
        let repo = repo("facilitator: \"@pria\"\nparticipants:\n  - \"@tomas\"\n  - \"@sam\"\n");
        let findings = unknown_participants(&context_of(&repo));
        let found: Vec<(usize, &str)> = findings.iter().map(|f| (f.line, f.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (5, "facilitator `@pria` is not in [people]; did you mean `@priya`?"),
                (6, "participant `@sam` is not in [people]"),
            ]
        );
        assert!(findings[0].path.ends_with("content/drills/failover.md"), "{}", findings[0].path);
    }

    #[test]
    fn known_people_and_repos_without_people_pass() {
        let repo = repo("facilitator: \"@priya\"\nparticipants: [\"@tomas\"]\n");
        assert!(unknown_participants(&context_of(&repo)).is_empty());
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/drills")).unwrap();
        let text = "---\ntitle: Fail over\ndate: 2026-06-01\nkind: game-day\nfacilitator: \"@anyone\"\n---\n";
        std::fs::write(dir.path().join("content/drills/failover.md"), text).unwrap();
        assert!(unknown_participants(&context_of(&repo_at(dir.path()))).is_empty());
    }
}
