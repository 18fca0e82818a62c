//! The few words of a result's best section around the query's words, with those words
//! marked. Plain text pieces, not HTML: the page renders marks as elements, so nothing a
//! document says can become markup.

use std::collections::BTreeSet;

use super::text::{Stems, words};

/// Words shown around the matches.
const WINDOW_WORDS: usize = 28;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snippet {
    /// Text pieces in order; `true` marks a matched word.
    pub parts: Vec<(String, bool)>,
}

impl Snippet {
    /// The snippet as text with matches in `[brackets]`, for terminals and tests.
    pub fn bracketed(&self) -> String {
        self.parts.iter().map(|(text, hit)| if *hit { format!("[{text}]") } else { text.clone() }).collect()
    }
}

/// The window of `text` holding the most distinct matched words. A word matches when it, or
/// its stem, is one of `matched` (index words) or their stems.
pub fn snippet(text: &str, matched: &BTreeSet<String>, stems: &mut Stems) -> Snippet {
    let matched_stems: BTreeSet<String> = matched.iter().map(|m| stems.of(m).to_owned()).collect();
    let found: Vec<(usize, &str)> = words(text).collect();
    let hits: Vec<Option<String>> = found
        .iter()
        .map(|(_, w)| {
            let lower = w.to_lowercase();
            let stem = stems.of(&lower).to_owned();
            (matched.contains(&lower) || matched_stems.contains(&stem)).then_some(stem)
        })
        .collect();
    let start = best_window(&hits);
    let end = (start + WINDOW_WORDS).min(found.len());
    let mut parts = Vec::new();
    let mut at = if start == 0 { 0 } else { found[start].0 };
    if start > 0 {
        parts.push(("… ".to_owned(), false));
    }
    for i in start..end {
        let (offset, word) = found[i];
        push(&mut parts, &text[at..offset], false);
        push(&mut parts, word, hits[i].is_some());
        at = offset + word.len();
    }
    if end < found.len() {
        push(&mut parts, " …", false);
    } else {
        push(&mut parts, &text[at..], false);
    }
    Snippet { parts }
}

/// Appends, merging neighbouring pieces of the same kind.
fn push(parts: &mut Vec<(String, bool)>, text: &str, hit: bool) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some((last, last_hit)) if *last_hit == hit => last.push_str(text),
        _ => parts.push((text.to_owned(), hit)),
    }
}

/// The first word of the window with the most distinct matched stems (the earliest of
/// equals), a few words before the first match so it reads in context.
fn best_window(hits: &[Option<String>]) -> usize {
    if hits.len() <= WINDOW_WORDS {
        return 0;
    }
    let mut best = (0, 0);
    for (start, hit) in hits.iter().enumerate() {
        if hit.is_none() {
            continue;
        }
        let end = (start + WINDOW_WORDS).min(hits.len());
        let distinct: BTreeSet<&String> = hits[start..end].iter().flatten().collect();
        if distinct.len() > best.1 {
            best = (start, distinct.len());
        }
    }
    best.0.saturating_sub(3).min(hits.len() - WINDOW_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(words: &[&str]) -> BTreeSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn marks_matched_words_and_their_other_forms() {
        let s = snippet(
            "We rolled back. Rollbacks are rare; the rollback took 5 minutes.",
            &matched(&["rollback"]),
            &mut Stems::default(),
        );
        assert_eq!(s.bracketed(), "We rolled back. [Rollbacks] are rare; the [rollback] took 5 minutes.");
    }

    #[test]
    fn long_text_is_cut_around_the_matches() {
        let text = format!("{} the disk filled up {}", "filler ".repeat(100), "tail ".repeat(100));
        let s = snippet(&text, &matched(&["disk"]), &mut Stems::default());
        let shown = s.bracketed();
        assert!(shown.starts_with("… ") && shown.ends_with(" …"), "{shown}");
        assert!(shown.contains("[disk] filled up"), "{shown}");
        assert!(shown.split_whitespace().count() <= WINDOW_WORDS + 2);
    }

    #[test]
    fn a_match_near_the_end_is_shown() {
        let text = format!("{} the last word is rollback", "filler ".repeat(100));
        let shown = snippet(&text, &matched(&["rollback"]), &mut Stems::default()).bracketed();
        assert!(shown.ends_with("[rollback]"), "{shown}");
    }

    #[test]
    fn prefers_the_window_with_more_distinct_words() {
        let text = format!("disk {} disk full here {}", "x ".repeat(60), "y ".repeat(60));
        let shown = snippet(&text, &matched(&["disk", "full"]), &mut Stems::default()).bracketed();
        assert!(shown.contains("[disk] [full]"), "{shown}");
    }

    #[test]
    fn text_without_matches_shows_its_beginning() {
        let shown = snippet("Nothing to see.", &matched(&["disk"]), &mut Stems::default()).bracketed();
        assert_eq!(shown, "Nothing to see.");
        assert_eq!(snippet("", &matched(&["disk"]), &mut Stems::default()).parts, vec![]);
    }
}
