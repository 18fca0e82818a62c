//! `bidi-control`: characters that make text show in another order than it is stored
//! (Trojan Source, CVE-2021-42574). In a command a reader copies from a runbook, what
//! runs is not what they read.

use super::{Context, Finding, documents, position};

/// The characters that open or close a run of reordered text, as rustc's
/// `text_direction_codepoint_in_literal` lists them. The marks U+200E, U+200F and U+061C are
/// left out: writers of right-to-left languages need them, and a mark only sets the
/// direction of the characters around it, it does not open a run that reverses what follows.
const CONTROLS: [(char, &str); 9] = [
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
];

/// Whether `c` reorders the text after it, so that printing it (in `check`'s excerpt of
/// a line) would reorder the output too.
pub fn is_bidi_control(c: char) -> bool {
    CONTROLS.iter().any(|(control, _)| *control == c)
}

pub fn check(context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (path, source) in documents(context.repo) {
        for (offset, c) in source.char_indices() {
            let Some((_, name)) = CONTROLS.iter().find(|(control, _)| *control == c) else { continue };
            let (line, col) = position(source, offset, 1);
            let message = format!(
                "U+{:04X} {name} makes this line show in another order than it is stored; remove it",
                u32::from(c)
            );
            findings.push(Finding::new(path, line, col, message));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::testing::{context_of, repo_with};
    use super::*;

    #[test]
    fn names_each_control_character_where_it_is() {
        let body = "## Summary\nrun `rm -rf /tmp/\u{202E}cod.sh` then\n\u{2066}isolated\u{2069} text\n";
        let repo = repo_with(&[("p.md", "draft", body)]);
        let found: Vec<(usize, usize, String)> =
            check(&context_of(&repo)).into_iter().map(|f| (f.line, f.col, f.message)).collect();
        let name = |text: &str| format!("{text} makes this line show in another order than it is stored; remove it");
        assert_eq!(
            found,
            [
                (10, 18, name("U+202E RIGHT-TO-LEFT OVERRIDE")),
                (11, 1, name("U+2066 LEFT-TO-RIGHT ISOLATE")),
                (11, 10, name("U+2069 POP DIRECTIONAL ISOLATE")),
            ]
        );
    }

    #[test]
    fn right_to_left_text_and_its_marks_are_not_reported() {
        let body = "## Summary\nשלום \u{200F}(Hebrew), مرحبا \u{061C}and \u{200E}marks\n";
        let repo = repo_with(&[("p.md", "draft", body)]);
        assert!(check(&context_of(&repo)).is_empty());
    }
}
