//! Words as the index and the queries see them: Unicode word boundaries, lowercase, English
//! stems. The compiler and the browser must split text identically, so both use this.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Words too common to tell documents apart; left out of the index so their long posting
/// lists never have to be downloaded. Deliberately short: "down", "not", "no" matter here.
const STOP_WORDS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on", "or",
    "that", "the", "this", "to", "was", "with",
];

/// Words longer than this are not indexed: base64 blobs and hashes, not words anyone types.
const MAX_WORD_CHARS: usize = 40;

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The words of `text` with their byte offsets, as written.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices().filter(|(_, w)| w.chars().count() <= MAX_WORD_CHARS)
}

/// The forms a written word is indexed under, lowercase: the word itself and, for an
/// identifier such as `CheckoutHighErrorRate` or `disk_full`, each of its parts — so the
/// alert name and the words in it both find the runbook.
pub fn surface_forms(word: &str, out: &mut Vec<String>) {
    let lower = word.to_lowercase();
    let parts = identifier_parts(word);
    out.push(lower);
    if parts.len() > 1 {
        out.extend(parts.into_iter().map(|p| p.to_lowercase()));
    }
}

/// Splits at underscores, dots and colons (which Unicode keeps inside a word, as in
/// `signing.active_kid` or `db:5432`) and at lower-to-upper case changes.
fn identifier_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for piece in word.split(['_', '.', ':']).filter(|p| !p.is_empty()) {
        let mut start = 0;
        let mut previous: Option<char> = None;
        for (i, c) in piece.char_indices() {
            if previous.is_some_and(char::is_lowercase) && c.is_uppercase() {
                parts.push(&piece[start..i]);
                start = i;
            }
            previous = Some(c);
        }
        parts.push(&piece[start..]);
    }
    parts
}

/// English stems, remembered: a corpus has few distinct words and many occurrences.
pub struct Stems {
    stemmer: Stemmer,
    known: HashMap<String, String>,
}

impl Default for Stems {
    fn default() -> Self {
        Stems { stemmer: Stemmer::create(Algorithm::English), known: HashMap::new() }
    }
}

impl Stems {
    /// The stem of a lowercase word. Words with digits (`sev1`, `503`, ids) are kept whole:
    /// a stemmer would only mangle them.
    pub fn of(&mut self, word: &str) -> &str {
        if !self.known.contains_key(word) {
            let stem = if word.chars().any(|c| c.is_numeric()) {
                word.to_owned()
            } else {
                self.stemmer.stem(word).into_owned()
            };
            self.known.insert(word.to_owned(), stem);
        }
        &self.known[word]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        surface_forms(word, &mut out);
        out
    }

    #[test]
    fn identifiers_are_indexed_whole_and_in_parts() {
        assert_eq!(forms("CheckoutHighErrorRate"), ["checkouthigherrorrate", "checkout", "high", "error", "rate"]);
        assert_eq!(forms("disk_full"), ["disk_full", "disk", "full"]);
        assert_eq!(forms("signing.active_kid"), ["signing.active_kid", "signing", "active", "kid"]);
        assert_eq!(forms("Rollback"), ["rollback"]);
        assert_eq!(forms("HTTP"), ["http"]);
    }

    #[test]
    fn stems_english_words_and_keeps_numbers() {
        let mut stems = Stems::default();
        assert_eq!(stems.of("rollbacks"), "rollback");
        assert_eq!(stems.of("running"), "run");
        assert_eq!(stems.of("sev1"), "sev1");
    }

    #[test]
    fn words_split_at_unicode_boundaries_and_skip_blobs() {
        let text = format!("Disk full: the p99 — ошибка; {}", "x".repeat(41));
        let found: Vec<&str> = words(&text).map(|(_, w)| w).collect();
        assert_eq!(found, ["Disk", "full", "the", "p99", "ошибка"]);
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && !is_stop_word("down"));
    }
}
