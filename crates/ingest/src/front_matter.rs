//! YAML front matter: split it from the body, then read it into a typed struct reporting
//! every problem — syntax, unknown keys (with the closest known key), wrong types — at the
//! line of the offending key.

use serde::de::DeserializeOwned;
use serde_yaml_ng::{Mapping, Value};
use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Diagnostics};
use model::suggest::did_you_mean;

/// A document split at its `---` fences.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line (the line after the opening `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

pub fn split<'a>(label: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let missing = || {
        Diagnostic::error(
            label,
            1,
            1,
            "missing front matter: the file must start with a `---` line, the YAML keys, and a closing `---` line",
        )
    };
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or_else(missing)?;
    if first.trim_end() != "---" {
        return Err(missing());
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[offset + line.len()..],
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(label, 1, 1, "front matter is never closed: add a `---` line after the last key"))
}

/// Reads the front matter into `T`. `known_keys` are the keys `T` accepts; anything else is
/// reported rather than silently ignored. Returns `None` when any error was found.
pub fn parse<T: DeserializeOwned>(
    label: &str,
    split: &Split,
    known_keys: &[&str],
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    let mut mapping = read_mapping(label, split, diagnostics)?;
    let key_lines = top_level_key_lines(split.yaml, split.yaml_line);
    let line_of = |key: &str| key_lines.get(key).copied().unwrap_or(split.yaml_line);
    let known = drop_unknown_keys(label, &mut mapping, known_keys, &line_of, diagnostics);
    let value = deserialize_reporting(label, split, mapping, &line_of, diagnostics)?;
    known.then_some(value)
}

/// The YAML as a mapping of keys (an empty file is an empty one), or `None` once its syntax
/// or shape is reported.
fn read_mapping(label: &str, split: &Split, diagnostics: &mut Diagnostics) -> Option<Mapping> {
    if let Some((line, col)) = crate::yaml_depth::too_deep(split.yaml) {
        let message = format!("invalid YAML: {}", crate::yaml_depth::MESSAGE);
        diagnostics.push(Diagnostic::error(label, split.yaml_line + line - 1, col, message));
        return None;
    }
    match serde_yaml_ng::from_str::<Value>(split.yaml) {
        Ok(Value::Mapping(mapping)) => Some(mapping),
        Ok(Value::Null) => Some(Mapping::new()),
        Ok(_) => {
            diagnostics.push(Diagnostic::error(
                label,
                split.yaml_line,
                1,
                "front matter must be a set of `key: value` lines",
            ));
            None
        }
        Err(e) => {
            let (line, col) = e.location().map_or((0, 1), |l| (l.line() - 1, l.column()));
            diagnostics.push(Diagnostic::error(
                label,
                split.yaml_line + line,
                col,
                format!("invalid YAML: {}", strip_location(&e.to_string())),
            ));
            None
        }
    }
}

/// Reports and removes each key `T` does not accept, so the values of the known keys are
/// still checked. Returns whether every key was known.
fn drop_unknown_keys(
    label: &str,
    mapping: &mut Mapping,
    known_keys: &[&str],
    line_of: &impl Fn(&str) -> usize,
    diagnostics: &mut Diagnostics,
) -> bool {
    let unknown: Vec<Value> =
        mapping.keys().filter(|k| !k.as_str().is_some_and(|k| known_keys.contains(&k))).cloned().collect();
    for key in &unknown {
        mapping.remove(key);
        let name = key.as_str().map_or_else(|| format!("{key:?}"), str::to_owned);
        let mut hint = did_you_mean(&name, known_keys.iter().copied());
        if hint.is_empty() {
            hint = format!("; known keys: {}", known_keys.join(", "));
        }
        diagnostics.push(Diagnostic::error(label, line_of(&name), 1, format!("unknown key `{name}`{hint}")));
    }
    unknown.is_empty()
}

/// Deserialises, and on a bad value reports it, drops that key and tries again, so every
/// bad value of the file is reported in one run. `None` when any value was bad.
fn deserialize_reporting<T: DeserializeOwned>(
    label: &str,
    split: &Split,
    mut mapping: Mapping,
    line_of: &impl Fn(&str) -> usize,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    let mut removed: Vec<String> = Vec::new();
    loop {
        let e = match serde_path_to_error::deserialize::<_, T>(Value::Mapping(mapping.clone())) {
            Ok(value) => return removed.is_empty().then_some(value),
            Err(e) => e,
        };
        let field = e.path().iter().next().map(|segment| segment.to_string());
        let inner = strip_location(&e.inner().to_string());
        match field.filter(|f| mapping.contains_key(f.as_str())) {
            Some(field) => {
                let raw = mapping.get(field.as_str()).map(describe).unwrap_or_default();
                diagnostics.push(Diagnostic::error(
                    label,
                    line_of(&field),
                    1,
                    format!("`{field}`: {}", explain(&field, &raw, &inner)),
                ));
                mapping.remove(field.as_str());
                removed.push(field);
            }
            None => {
                let missing = inner.strip_prefix("missing field ").map(|name| name.trim_matches('`').to_owned());
                // A key dropped above for its bad value is reported already.
                if !missing.as_ref().is_some_and(|name| removed.contains(name)) {
                    let message = match missing {
                        Some(name) => format!("missing required key `{name}`"),
                        None => inner,
                    };
                    diagnostics.push(Diagnostic::error(label, split.yaml_line.saturating_sub(1).max(1), 1, message));
                }
                return None;
            }
        }
    }
}

/// The file line of each top-level key, for diagnostics about values found later on.
pub fn key_lines(split: &Split) -> BTreeMap<String, usize> {
    top_level_key_lines(split.yaml, split.yaml_line)
}

/// Ids and slugs become file names and URL segments, so they are kept to a safe alphabet.
pub fn check_id(label: &str, line: usize, what: &str, id: &str, diagnostics: &mut Diagnostics) -> bool {
    let ok = !id.is_empty()
        && !id.starts_with('.')
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        diagnostics.push(Diagnostic::error(
            label,
            line,
            1,
            format!("{what} `{id}` may use only letters, digits, `-`, `_` and `.`, and must not start with `.`"),
        ));
    }
    ok
}

/// Known-key lists come from the struct itself, so the list can never drift from it.
pub fn keys_of<T: DeserializeOwned>() -> &'static [&'static str] {
    serde_aux::serde_introspection::serde_introspect::<T>()
}

/// Top-level keys start in column 1; that is enough to find the line of each.
fn top_level_key_lines(yaml: &str, first_line: usize) -> BTreeMap<String, usize> {
    let mut lines = BTreeMap::new();
    for (index, line) in yaml.lines().enumerate() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some((key, _)) = line.split_once(':') {
            let key = key.trim().trim_matches(['"', '\'']);
            lines.entry(key.to_owned()).or_insert(first_line + index);
        }
    }
    lines
}

fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => serde_yaml_ng::to_string(other).unwrap_or_default().trim().to_owned(),
    }
}

/// Replaces the terse messages of date parsers with what the writer should type.
fn explain(field: &str, raw: &str, inner: &str) -> String {
    if field.ends_with("_at") && !inner.contains("invalid type") {
        format!("`{raw}` is not an RFC 3339 timestamp with a time zone, such as 2026-06-12T14:02:00Z")
    } else if (field == "date" || field == "last_reviewed") && !inner.contains("invalid type") {
        format!("`{raw}` is not a date in the form YYYY-MM-DD")
    } else if field == "severity" {
        format!("`{raw}` is not a severity; use SEV1, SEV2, SEV3 or SEV4")
    } else if let Some(known) = expected_variants(inner) {
        let listed = match known.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        let hint = did_you_mean(raw, known.iter().copied());
        format!("`{raw}` is not a {}; use {listed}{hint}", field.replace('_', " "))
    } else {
        inner.to_owned()
    }
}

/// The names serde lists after "unknown variant `x`, expected one of `a`, `b`" (or
/// "expected `a` or `b`"), so the message can suggest the closest: one list, the enum's own.
fn expected_variants(inner: &str) -> Option<Vec<&str>> {
    let (_, expected) = inner.strip_prefix("unknown variant ")?.split_once("expected")?;
    Some(expected.split('`').skip(1).step_by(2).collect())
}

/// serde_yaml_ng appends "at line N column M"; the diagnostic already says where.
pub fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::PostmortemMeta;

    fn parse_meta(text: &str) -> (Option<PostmortemMeta>, Vec<Diagnostic>) {
        let mut diagnostics = Diagnostics::default();
        let split = split("pm.md", text).unwrap();
        let meta = parse::<PostmortemMeta>("pm.md", &split, keys_of::<PostmortemMeta>(), &mut diagnostics);
        (meta, diagnostics.sorted())
    }

    #[test]
    fn splits_front_matter_and_body_with_line_numbers() {
        let split = split("x.md", "---\ntitle: A\n---\n\n## Summary\n").unwrap();
        assert_eq!(split.yaml, "title: A\n");
        assert_eq!(split.body, "\n## Summary\n");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_an_error() {
        assert!(split("x.md", "# Title\n").unwrap_err().message.contains("missing front matter"));
        assert!(split("x.md", "---\ntitle: A\n").unwrap_err().message.contains("never closed"));
        assert!(split("x.md", "").is_err());
    }

    #[test]
    fn reads_a_valid_postmortem_header() {
        let (meta, diagnostics) = parse_meta(
            "---\ntitle: Outage\ndate: 2026-06-12\nseverity: SEV2\nstatus: final\nservices: [checkout]\nstarted_at: 2026-06-12T14:02:00Z\n---\n",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let meta = meta.unwrap();
        assert_eq!(meta.title, "Outage");
        assert_eq!(meta.services, ["checkout"]);
        assert_eq!(meta.started_at.unwrap().to_rfc3339(), "2026-06-12T14:02:00+00:00");
    }

    #[test]
    fn unknown_key_names_its_line_and_the_closest_key() {
        let (meta, diagnostics) = parse_meta("---\ntitle: Outage\ndate: 2026-06-12\nsevrity: SEV2\n---\n");
        assert!(meta.is_none());
        let unknown = diagnostics.iter().find(|d| d.message.contains("unknown key")).unwrap();
        assert_eq!(unknown.line, 4);
        assert!(unknown.message.contains("did you mean `severity`"), "{}", unknown.message);
    }

    #[test]
    fn every_bad_value_is_reported_not_only_the_first() {
        let (meta, diagnostics) =
            parse_meta("---\ntitle: Outage\ndate: 12/06/2026\nseverity: SEV9\nstarted_at: 2026-06-12 14:02\n---\n");
        assert!(meta.is_none());
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 4, 5], "{diagnostics:?}");
        assert!(diagnostics[0].message.contains("YYYY-MM-DD"));
        assert!(diagnostics[1].message.contains("SEV9"));
        assert!(diagnostics[2].message.contains("time zone"));
    }

    #[test]
    fn an_unknown_value_lists_the_known_ones_and_the_closest() {
        let (_, diagnostics) =
            parse_meta("---\ntitle: Outage\ndate: 2026-06-12\nseverity: SEV2\nstatus: in review\n---\n");
        assert_eq!(diagnostics[0].line, 5);
        assert_eq!(
            diagnostics[0].message,
            "`status`: `in review` is not a status; use draft, in-review or final; did you mean `in-review`?"
        );
        assert_eq!(expected_variants("unknown variant `x`, expected `a` or `b`"), Some(vec!["a", "b"]));
    }

    #[test]
    fn invalid_yaml_points_into_the_file() {
        let (meta, diagnostics) = parse_meta("---\ntitle: Outage\nservices: [checkout\n---\n");
        assert!(meta.is_none());
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].message.starts_with("invalid YAML"));
        assert!(diagnostics[0].line >= 3, "{diagnostics:?}");
    }

    #[test]
    fn missing_required_key_is_named() {
        let (_, diagnostics) = parse_meta("---\ndate: 2026-06-12\nseverity: SEV2\n---\n");
        assert!(diagnostics[0].message.contains("missing required key `title`"), "{diagnostics:?}");
    }
}
