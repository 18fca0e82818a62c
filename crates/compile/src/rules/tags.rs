//! `unknown-tag`: with a vocabulary set under `[taxonomy]`, postmortems use only its tags,
//! so incidents group into patterns instead of near-duplicate spellings.

use super::{Context, Finding};
use model::suggest::did_you_mean;

pub fn check(context: &Context) -> Vec<Finding> {
    let vocabulary: Vec<&str> = context.repo.config.taxonomy.tags.iter().map(String::as_str).collect();
    if vocabulary.is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for pm in &context.repo.postmortems {
        for tag in pm.meta.tags.iter().filter(|t| !vocabulary.contains(&t.as_str())) {
            let hint = did_you_mean(tag, vocabulary.iter().copied());
            let line = pm.key_lines.get("tags").copied().unwrap_or(1);
            findings.push(Finding::new(&pm.path, line, 1, format!("tag `{tag}` is not in the taxonomy{hint}")));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_at};
    use super::*;

    #[test]
    fn unknown_tags_get_the_nearest_known_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("postmortems")).unwrap();
        std::fs::write(dir.path().join("firebreak.toml"), "[taxonomy]\ntags = [\"config-change\", \"capacity\"]\n")
            .unwrap();
        std::fs::write(
            dir.path().join("postmortems/x.md"),
            "---\ntitle: T\ndate: 2026-06-01\nseverity: SEV2\ntags: [capacity, config-chnage]\n---\n",
        )
        .unwrap();
        let repo = repo_at(dir.path());
        let f = check(&context_of(&repo));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 5);
        assert!(f[0].message.contains("did you mean `config-change`"));
        std::fs::write(dir.path().join("firebreak.toml"), "").unwrap();
        assert!(check(&context_of(&repo_at(dir.path()))).is_empty(), "no vocabulary, no rule");
    }
}
