//! BM25F (Robertson & Zaragoza): a term counts for more in short bodies and in rare terms,
//! saturates with repetition, and counts several times over in the title and keywords.

use super::format::{IN_BODY, IN_HEADINGS, IN_KEYWORDS, IN_TITLE, Posting};

/// How much one occurrence weighs per field, against one in the body. Titles and keywords
/// (ids, services, alerts) are what people search by.
const TITLE_WEIGHT: f32 = 6.0;
const KEYWORDS_WEIGHT: f32 = 4.0;
const HEADINGS_WEIGHT: f32 = 2.0;
/// Saturation and length normalisation, the usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Inverse document frequency, in Lucene's form (never negative).
pub fn idf(docs: usize, with_term: usize) -> f32 {
    let (n, df) = (docs as f32, with_term as f32);
    ((n - df + 0.5) / (df + 0.5)).ln_1p()
}

/// The score of one term in one document. `body_words` is the document's body length and
/// `average_body_words` the corpus's; only the body is length-normalised, the other fields
/// are short.
pub fn bm25f(idf: f32, posting: &Posting, body_words: f32, average_body_words: f32) -> f32 {
    let field = |bit: u8, weight: f32| if posting.fields & bit != 0 { weight } else { 0.0 };
    let body = if posting.fields & IN_BODY != 0 {
        posting.body_count as f32 / (1.0 - B + B * body_words / average_body_words.max(1.0))
    } else {
        0.0
    };
    let tf = field(IN_TITLE, TITLE_WEIGHT)
        + field(IN_KEYWORDS, KEYWORDS_WEIGHT)
        + field(IN_HEADINGS, HEADINGS_WEIGHT)
        + body;
    idf * tf * (K1 + 1.0) / (K1 + tf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(fields: u8, body_count: u32) -> Posting {
        Posting { doc: 0, fields, body_count, sections: 0 }
    }

    #[test]
    fn rare_terms_weigh_more() {
        assert!(idf(1000, 1) > idf(1000, 100));
        assert!(idf(1000, 1000) > 0.0);
    }

    #[test]
    fn a_title_match_beats_a_body_mention_and_repetition_saturates() {
        let body_once = bm25f(1.0, &posting(IN_BODY, 1), 100.0, 100.0);
        let title = bm25f(1.0, &posting(IN_TITLE, 0), 100.0, 100.0);
        let body_often = bm25f(1.0, &posting(IN_BODY, 50), 100.0, 100.0);
        assert!(title > body_once);
        assert!(body_often > body_once && body_often < 1.0 * (K1 + 1.0));
    }

    #[test]
    fn short_bodies_weigh_more() {
        let short = bm25f(1.0, &posting(IN_BODY, 2), 50.0, 100.0);
        let long = bm25f(1.0, &posting(IN_BODY, 2), 400.0, 100.0);
        assert!(short > long);
    }
}
