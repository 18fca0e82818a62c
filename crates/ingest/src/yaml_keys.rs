//! Where a value is written in a YAML document, found by its key path. serde keeps no
//! positions, and problems found after parsing (an unknown budgeting method, a reference to
//! nothing) must still point at their line and column.

use super::source_file::LineIndex;

/// One YAML document of a file, with the file line of its first line.
#[derive(Clone, Copy)]
pub struct YamlDocument<'a> {
    pub text: &'a str,
    pub first_line: usize,
}

impl YamlDocument<'_> {
    /// The file `(line, col)` of the value at `path`, or of its key when the value starts on a
    /// later line (a block). A number in the path is a sequence index: the next key is looked
    /// for that many times more. Keys are found in order, each after the one before, in block
    /// and flow style alike; what cannot be found falls back to the last key found, or the
    /// document's first line.
    pub fn position(&self, path: &[&str]) -> (usize, usize) {
        let index = LineIndex::new(self.text);
        let mut cursor = 0;
        let mut found = None;
        let mut skip = 0;
        for segment in path {
            if let Ok(n) = segment.parse::<usize>() {
                skip = n;
                continue;
            }
            let mut next = None;
            for _ in 0..=skip {
                next = key_at(self.text, cursor, segment);
                match next {
                    Some((_, value)) => cursor = value,
                    None => break,
                }
            }
            skip = 0;
            match next {
                Some(place) => found = Some(place),
                None => break,
            }
        }
        let Some((key, value)) = found else { return (self.first_line, 1) };
        let rest = &self.text[value..];
        let at = if rest.starts_with(['\n', '\r', '#']) || rest.is_empty() { key } else { value };
        let (line, col) = index.position(at);
        (self.first_line + line - 1, col)
    }
}

/// The first `key:` at or after `from`, as (offset of the key, offset of its value).
fn key_at(text: &str, from: usize, key: &str) -> Option<(usize, usize)> {
    let mut start = from;
    while let Some(offset) = text.get(start..)?.find(key) {
        let at = start + offset;
        start = at + key.len();
        let before = text[..at].chars().next_back();
        if !before.is_none_or(|c| c.is_whitespace() || matches!(c, '{' | ',' | '-' | '[')) {
            continue;
        }
        let after = text[start..].trim_start_matches([' ', '\t']);
        let Some(value) = after.strip_prefix(':') else { continue };
        if !value.is_empty() && !value.starts_with([' ', '\t', '\n', '\r']) {
            continue;
        }
        let value_at = text.len() - value.trim_start_matches([' ', '\t']).len();
        return Some((at, value_at));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "kind: SLO
metadata: { name: checkout, displayName: Checkout }
spec:
  service: checkout
  objectives:
    - displayName: a
      target: 0.9
    - displayName: b
      target: 1.5
  good:  { metricSource: { type: file, spec: { path: x.csv, column: total } } }
  total: { metricSource: { type: file, spec: { path: x.csv, column: good } } }
";

    fn at(path: &[&str]) -> (usize, usize) {
        YamlDocument { text: DOC, first_line: 10 }.position(path)
    }

    #[test]
    fn finds_block_and_flow_values_by_their_path() {
        assert_eq!(at(&["kind"]), (10, 7));
        assert_eq!(at(&["metadata", "name"]), (11, 19));
        assert_eq!(at(&["spec", "service"]), (13, 12));
        assert_eq!(at(&["spec"]), (12, 1), "a block value points at its key");
        assert_eq!(at(&["spec", "total", "metricSource", "spec", "column"]), (20, 69), "not `column: total`");
    }

    #[test]
    fn an_index_skips_earlier_items() {
        assert_eq!(at(&["spec", "objectives", "0", "target"]), (16, 15));
        assert_eq!(at(&["spec", "objectives", "1", "target"]), (18, 15));
    }

    #[test]
    fn what_is_not_written_falls_back_to_what_is() {
        assert_eq!(at(&["spec", "budgetingMethod"]), (12, 1));
        assert_eq!(at(&["nothing"]), (10, 1));
    }
}
