//! The OpenSLO documents of the SLO folder, each read by its kind into the [`Library`]
//! the SLOs are then built from (an SLO may name an SLI or alert policy of another file).

use serde::de::{DeserializeOwned, IgnoredAny};
use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::front_matter::strip_location;
use crate::openslo::{API_VERSION, AlertConditionSpec, AlertPolicySpec, Document, Head, KINDS, SliSpec, SloSpec};
use crate::rule_ids::RuleId;
use crate::sli::Place;
use crate::yaml_keys::YamlDocument;
use model::suggest::did_you_mean;

/// A document read as `T`, with the text it was read from, for positions found later.
pub struct Parsed<T> {
    pub value: T,
    pub label: String,
    pub text: String,
    pub first_line: usize,
}

impl<T> Parsed<T> {
    /// Positions under the key path `prefix` of this document.
    pub fn site(&self, prefix: &[&str]) -> Site<'_> {
        Site {
            label: &self.label,
            yaml: YamlDocument { text: &self.text, first_line: self.first_line },
            prefix: prefix.iter().map(|key| (*key).to_owned()).collect(),
        }
    }

    pub fn place(&self, path: &[&str]) -> Place {
        self.site(&[]).place(path)
    }

    /// Where the document says what it is, for findings about the whole of it.
    pub fn start(&self) -> Place {
        self.place(&["kind"])
    }
}

/// A part of a document (an SLO's `spec`, an SLI written inside it): positions of the keys
/// under it, and findings there.
pub struct Site<'a> {
    label: &'a str,
    yaml: YamlDocument<'a>,
    prefix: Vec<String>,
}

impl<'a> Site<'a> {
    pub fn nested(&self, path: &[&str]) -> Site<'a> {
        let mut prefix = self.prefix.clone();
        prefix.extend(path.iter().map(|key| (*key).to_owned()));
        Site { label: self.label, yaml: self.yaml, prefix }
    }

    pub fn place(&self, path: &[&str]) -> Place {
        let full: Vec<&str> = self.prefix.iter().map(String::as_str).chain(path.iter().copied()).collect();
        let (line, col) = self.yaml.position(&full);
        Place { label: self.label.to_owned(), line, col }
    }

    /// A `slo-definition` finding at `path` under this part.
    pub fn error(&self, path: &[&str], message: impl Into<String>) -> Diagnostic {
        self.place(path).finding(RuleId::SloDefinition, message.into())
    }
}

#[derive(Default)]
pub struct Library {
    /// In file order: the first SLO of a name wins.
    pub slos: Vec<Parsed<Document<SloSpec>>>,
    pub slis: BTreeMap<String, Parsed<Document<SliSpec>>>,
    pub policies: BTreeMap<String, Parsed<Document<AlertPolicySpec>>>,
    pub conditions: BTreeMap<String, Parsed<Document<AlertConditionSpec>>>,
}

impl Library {
    /// Reads every document of one file.
    pub fn read_file(&mut self, label: &str, text: &str, diagnostics: &mut Diagnostics) {
        for (first_line, document) in split(text) {
            let yaml = YamlDocument { text: document, first_line };
            let Some(kind) = kind_of(label, &yaml, diagnostics) else { continue };
            let (yaml, d) = (&yaml, &mut *diagnostics);
            match kind.as_str() {
                "SLO" => self.slos.extend(read(label, yaml, d)),
                "SLI" => named(&mut self.slis, read(label, yaml, d), d),
                "AlertPolicy" => named(&mut self.policies, read(label, yaml, d), d),
                "AlertCondition" => named(&mut self.conditions, read(label, yaml, d), d),
                // A service is the catalog's in firebreak.toml; its document is only checked.
                _ => drop(read::<Document<IgnoredAny>>(label, yaml, d)),
            }
        }
    }
}

/// The document read as `T`, kept with its text.
fn read<T: DeserializeOwned>(label: &str, yaml: &YamlDocument, diagnostics: &mut Diagnostics) -> Option<Parsed<T>> {
    typed(label, yaml, diagnostics).map(|value| Parsed {
        value,
        label: label.to_owned(),
        text: yaml.text.to_owned(),
        first_line: yaml.first_line,
    })
}

/// Keeps the first document of each name, reporting a second one.
fn named<S>(
    documents: &mut BTreeMap<String, Parsed<Document<S>>>,
    document: Option<Parsed<Document<S>>>,
    diagnostics: &mut Diagnostics,
) {
    let Some(document) = document else { return };
    let name = document.value.metadata.name.clone();
    match documents.get(&name) {
        Some(first) => {
            let first = first.start();
            let message =
                format!("a second document of this kind named `{name}` (first at {}:{})", first.label, first.line);
            diagnostics.push(document.place(&["metadata", "name"]).finding(RuleId::SloDefinition, message));
        }
        None => {
            documents.insert(name, document);
        }
    }
}

/// The documents of a YAML stream, each with the file line it starts on. Empty ones (a
/// leading `---`, comments only) are left out.
fn split(text: &str) -> Vec<(usize, &str)> {
    let mut documents = Vec::new();
    let (mut start, mut start_line, mut offset) = (0, 1, 0);
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            documents.push((start_line, &text[start..offset]));
            start = offset + line.len();
            start_line = index + 2;
        }
        offset += line.len();
    }
    documents.push((start_line, &text[start..]));
    documents.retain(|(_, d)| d.lines().any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')));
    documents
}

/// The document's kind, once its YAML and `apiVersion` are checked.
fn kind_of(label: &str, yaml: &YamlDocument, diagnostics: &mut Diagnostics) -> Option<String> {
    let at = |path: &[&str], message: String| {
        let (line, col) = yaml.position(path);
        Place { label: label.to_owned(), line, col }.finding(RuleId::SloDefinition, message)
    };
    if let Some((line, col)) = crate::yaml_depth::too_deep(yaml.text) {
        let place = Place { label: label.to_owned(), line: yaml.first_line + line - 1, col };
        diagnostics.push(place.finding(RuleId::SloDefinition, format!("invalid YAML: {}", crate::yaml_depth::MESSAGE)));
        return None;
    }
    let value: serde_yaml_ng::Value = match serde_yaml_ng::from_str(yaml.text) {
        Ok(value) => value,
        Err(e) => {
            diagnostics.push(yaml_error(label, yaml, &e, "invalid YAML: ".to_owned()));
            return None;
        }
    };
    if !value.is_mapping() {
        diagnostics.push(at(&[], "an OpenSLO document is a mapping of apiVersion, kind, metadata and spec".to_owned()));
        return None;
    }
    let Ok(head) = serde_yaml_ng::from_value::<Head>(value) else {
        diagnostics.push(at(&["apiVersion"], "`apiVersion` and `kind` are text, such as `kind: SLO`".to_owned()));
        return None;
    };
    if head.api_version.as_deref() != Some(API_VERSION) {
        let found = head.api_version.map_or_else(|| "none".to_owned(), |v| format!("`{v}`"));
        diagnostics.push(at(&["apiVersion"], format!("apiVersion is {found}: firebreak reads `{API_VERSION}`")));
        return None;
    }
    match head.kind {
        Some(kind) if KINDS.contains(&kind.as_str()) => Some(kind),
        kind => {
            let hint = kind.as_deref().map(|k| did_you_mean(k, KINDS)).unwrap_or_default();
            let found = kind.map_or_else(|| "no `kind`".to_owned(), |k| format!("unknown kind `{k}`"));
            diagnostics.push(at(&["kind"], format!("{found}{hint}; firebreak reads {}", KINDS.join(", "))));
            None
        }
    }
}

/// The document read as `T`, or `None` once its problem is reported at its line and column
/// (serde_yaml_ng's message names the key path, such as `spec.objectives[0]`).
fn typed<T: DeserializeOwned>(label: &str, yaml: &YamlDocument, diagnostics: &mut Diagnostics) -> Option<T> {
    T::deserialize(serde_yaml_ng::Deserializer::from_str(yaml.text))
        .map_err(|e| diagnostics.push(yaml_error(label, yaml, &e, String::new())))
        .ok()
}

fn yaml_error(label: &str, yaml: &YamlDocument, e: &serde_yaml_ng::Error, prefix: String) -> Diagnostic {
    let (line, col) = e.location().map_or((yaml.first_line, 1), |l| (yaml.first_line + l.line() - 1, l.column()));
    let message = strip_location(&e.to_string());
    Place { label: label.to_owned(), line, col }.finding(RuleId::SloDefinition, format!("{prefix}{message}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_splits_into_its_documents_with_their_lines() {
        let text = "---\nkind: SLO\n---\n# only a comment\n---\nkind: SLI\n...\n";
        assert_eq!(split(text), [(2, "kind: SLO\n"), (6, "kind: SLI\n")]);
        assert_eq!(split("kind: SLO\n"), [(1, "kind: SLO\n")]);
    }
}
