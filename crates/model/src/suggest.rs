//! "Did you mean" suggestions for a name that is not known: a front-matter key, a tag, a
//! rule id, a link target. Every layer words them the same way, the browser app included,
//! which is why this sits in the lowest crate.

/// How alike (normalised Damerau–Levenshtein, 1.0 = equal) a known name must be to count as
/// a plausible typo; below it a suggestion would mislead more than it helps.
const MIN_SIMILARITY: f64 = 0.6;

/// The known name nearest to `word`, when it is near enough to be a plausible typo. Of
/// equally near names the last is taken.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::normalized_damerau_levenshtein(word, candidate), candidate))
        .filter(|(score, _)| *score >= MIN_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The suffix a message about an unknown `word` ends with: "; did you mean `ledger`?", or
/// nothing when no known name is near.
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, known).map(|c| format!("; did you mean `{c}`?")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_gets_the_nearest_known_name() {
        assert_eq!(closest("sevrity", ["title", "severity", "services"]), Some("severity"));
        assert_eq!(did_you_mean("chekout", ["checkout", "ledger"]), "; did you mean `checkout`?");
    }

    #[test]
    fn a_name_unlike_every_known_one_gets_no_suggestion() {
        assert_eq!(closest("zzz", ["checkout", "ledger"]), None);
        assert_eq!(did_you_mean("zzz", ["checkout"]), "");
        assert_eq!(did_you_mean("checkout", []), "");
    }

    #[test]
    fn the_threshold_is_inclusive() {
        // 2 edits over 5 characters: similarity exactly 0.6.
        assert_eq!(closest("abcde", ["abxye"]), Some("abxye"));
        // 3 edits over 5 characters: 0.4.
        assert_eq!(closest("abcde", ["axyze"]), None);
    }

    #[test]
    fn of_equally_near_names_the_last_is_taken() {
        assert_eq!(closest("cat", ["bat", "hat"]), Some("hat"));
    }
}
