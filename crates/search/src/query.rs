//! A query as typed: its words (the last one possibly unfinished) and the facet values it
//! is narrowed to.

use std::collections::{BTreeMap, BTreeSet};

use super::document::Facet;
use super::text::{Stems, is_stop_word, words};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub text: String,
    /// Within a facet any selected value matches; across facets all must.
    pub filters: BTreeMap<Facet, BTreeSet<String>>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        Query { text: text.to_owned(), filters: BTreeMap::new() }
    }

    pub fn with(mut self, facet: Facet, value: &str) -> Query {
        self.filters.entry(facet).or_default().insert(value.to_owned());
        self
    }
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryWord {
    /// Lowercase, as typed.
    pub form: String,
    pub stem: String,
    /// The word being typed: it also matches the words it begins.
    pub prefix: bool,
}

/// Words shorter than this are not completed: one letter would match a fifth of the index.
const MIN_PREFIX_CHARS: usize = 2;

/// The words to search for: common words dropped, at most `MAX_WORDS` (a pasted paragraph
/// is not a query), and the last word treated as unfinished unless the text ends after it.
pub fn query_words(text: &str, stems: &mut Stems) -> Vec<QueryWord> {
    const MAX_WORDS: usize = 12;
    let found: Vec<(usize, &str)> = words(text).collect();
    let last_ends_text = found.last().is_some_and(|(at, w)| at + w.len() == text.len());
    let mut out: Vec<QueryWord> = Vec::new();
    for (i, (_, word)) in found.iter().enumerate() {
        let form = word.to_lowercase();
        if is_stop_word(&form) || out.iter().any(|w| w.form == form) {
            continue;
        }
        let prefix = i + 1 == found.len() && last_ends_text && form.chars().count() >= MIN_PREFIX_CHARS;
        out.push(QueryWord { stem: stems.of(&form).to_owned(), form, prefix });
        if out.len() == MAX_WORDS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<(String, bool)> {
        query_words(text, &mut Stems::default()).into_iter().map(|w| (w.form, w.prefix)).collect()
    }

    #[test]
    fn the_last_word_is_a_prefix_until_the_text_moves_on() {
        assert_eq!(parse("Disk ful"), [("disk".into(), false), ("ful".into(), true)]);
        assert_eq!(parse("disk full "), [("disk".into(), false), ("full".into(), false)]);
        assert_eq!(parse("d"), [("d".into(), false)]);
    }

    #[test]
    fn common_words_repeats_and_punctuation_are_dropped() {
        assert_eq!(parse("the disk, the DISK!"), [("disk".into(), false)]);
        assert!(parse("").is_empty());
        assert!(parse("?!… ---").is_empty());
        assert_eq!(parse(&"word ".repeat(100)).len(), 1);
    }

    #[test]
    fn words_are_stemmed() {
        let words = query_words("rollbacks", &mut Stems::default());
        assert_eq!(words[0].stem, "rollback");
    }
}
