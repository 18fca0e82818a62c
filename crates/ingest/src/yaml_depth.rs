//! Flow collections nested too deep, refused before a YAML parser sees the text. libyaml's
//! scanner (under serde_yaml_ng) does work in proportion to the nesting for every token, and
//! reads the whole document before serde_yaml_ng's recursion limit applies, so `[[[[…`
//! takes time quadratic in its length: fuzzing the front matter found 5,000 levels taking
//! 1.3 s per parse, and 40,000 levels (an 80 KB file) took 8.8 s to reject in `check`.

/// serde_yaml_ng refuses deeper nesting anyway (its recursion limit), so no YAML that it
/// reads is refused here.
const MAX_DEPTH: usize = 128;

/// What the finding says, after `invalid YAML: ` (the words serde_yaml_ng uses, so a file is
/// reported alike whichever check stops it).
pub const MESSAGE: &str = "recursion limit exceeded: `[` and `{` nest more than 128 deep";

/// The 1-based `(line, col)` where `[` and `{` first nest deeper than [`MAX_DEPTH`], if they
/// do. Brackets in quotes and comments count too: YAML cannot nest them, so the count only
/// errs on the safe side, and a text needs over a hundred unclosed ones to be refused.
pub fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let (mut line, mut line_start) = (1, 0);
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((line, text[line_start..at].chars().count() + 1));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => (line, line_start) = (line + 1, at + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_found_where_it_passes_the_limit() {
        let text = format!("title: x\ntags: {}", "[".repeat(200));
        assert_eq!(too_deep(&text), Some((2, 7 + MAX_DEPTH)));
        assert_eq!(too_deep(&format!("a: {}{}", "{".repeat(MAX_DEPTH), "}".repeat(MAX_DEPTH))), None);
    }

    #[test]
    fn closed_collections_do_not_add_up() {
        let text = "tags: [a, [b]]\n".repeat(1000);
        assert_eq!(too_deep(&text), None);
    }
}
