//! `secrets` and `personal-data`: credentials and personal details must never be committed
//! to a repo everyone reads, nor published in its site.

mod kinds;
#[cfg(test)]
mod tests;
mod values;

use regex::{Regex, RegexSet};
use std::ops::Range;
use std::sync::OnceLock;

use super::{Context, Finding, documents, position};
use kinds::{Kind, PERSONAL, SECRETS};

pub fn check_secrets(context: &Context) -> Vec<Finding> {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    let scanner = SCANNER.get_or_init(|| Scanner::new(&SECRETS));
    scan(context, scanner, |what| format!("{what} is committed here; remove it and rotate the credential"))
}

pub fn check_personal_data(context: &Context) -> Vec<Finding> {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    let scanner = SCANNER.get_or_init(|| Scanner::new(&PERSONAL));
    scan(context, scanner, |what| format!("{what} is personal data; refer to people by handle or role instead"))
}

fn scan(context: &Context, scanner: &Scanner, message: impl Fn(&str) -> String) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (path, source) in documents(context.repo) {
        for (span, what) in scanner.hits(source) {
            let (line, col) = position(source, span.start, 1);
            findings.push(Finding::new(path, line, col, message(what)));
        }
    }
    findings.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    findings
}

/// A table of kinds, compiled once. One pass of the set tells which kinds occur in a text
/// at all; only those are searched for where, so a document without credentials is read
/// once rather than once per kind.
struct Scanner {
    kinds: &'static [Kind],
    set: RegexSet,
    regexes: Vec<Regex>,
}

impl Scanner {
    fn new(kinds: &'static [Kind]) -> Scanner {
        let patterns = kinds.iter().map(|k| k.pattern);
        let set = RegexSet::new(patterns.clone()).expect("valid patterns");
        let regexes = patterns.map(|p| Regex::new(p).expect("valid pattern")).collect();
        Scanner { kinds, set, regexes }
    }

    /// Each accepted match in `text` with what it is. Where matches of two kinds overlap,
    /// only the kind listed first is kept: an AWS secret key is not also a generic secret.
    fn hits(&self, text: &str) -> Vec<(Range<usize>, &'static str)> {
        let mut hits: Vec<(Range<usize>, &'static str)> = Vec::new();
        for index in self.set.matches(text).iter() {
            let kind = &self.kinds[index];
            for found in self.regexes[index].captures_iter(text) {
                let span = found.get(0).expect("group 0 is the match").range();
                let overlaps = hits.iter().any(|(kept, _)| kept.start < span.end && span.start < kept.end);
                if !overlaps && (kind.accept)(&found) {
                    hits.push((span, kind.what));
                }
            }
        }
        hits
    }
}
