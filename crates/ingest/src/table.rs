//! Metric exports as rows of named text cells, from CSV (with a header row) or JSON Lines
//! (one object per line, same field names), so one typed reader serves both.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    /// (column name, value, 1-based column of the value in the source line).
    pub cells: Vec<(String, String, usize)>,
}

impl Row {
    pub fn get(&self, name: &str) -> Option<&(String, String, usize)> {
        self.cells.iter().find(|(n, _, _)| n == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    JsonLines,
}

impl Format {
    pub fn of(file_name: &str) -> Option<Format> {
        if file_name.ends_with(".csv") {
            Some(Format::Csv)
        } else if file_name.ends_with(".jsonl") || file_name.ends_with(".ndjson") {
            Some(Format::JsonLines)
        } else {
            None
        }
    }
}

/// Reads every row, reporting malformed ones; `required` columns must all be present.
pub fn read(label: &str, text: &str, format: Format, required: &[&str], diagnostics: &mut Diagnostics) -> Vec<Row> {
    match format {
        Format::Csv => read_csv(label, text, required, diagnostics),
        Format::JsonLines => read_json_lines(label, text, required, diagnostics),
    }
}

fn read_csv(label: &str, text: &str, required: &[&str], diagnostics: &mut Diagnostics) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Err(e) => {
            diagnostics.push(Diagnostic::error(label, 1, 1, format!("cannot read the CSV header: {e}")));
            return Vec::new();
        }
    };
    if header.iter().all(String::is_empty) {
        diagnostics.push(Diagnostic::error(
            label,
            1,
            1,
            format!("the file is empty; it needs a header row: {}", required.join(",")),
        ));
        return Vec::new();
    }
    let missing: Vec<&str> = required.iter().copied().filter(|r| !header.iter().any(|h| h == r)).collect();
    if !missing.is_empty() {
        diagnostics.push(Diagnostic::error(
            label,
            1,
            1,
            format!("missing column(s) {} in the header row", missing.join(", ")),
        ));
        return Vec::new();
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                diagnostics
                    .push(Diagnostic::error(label, line, 1, format!("malformed CSV row: {e}")).rule(RuleId::ExportRow));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() != header.len() {
            diagnostics.push(
                Diagnostic::error(
                    label,
                    line,
                    1,
                    format!("row has {} field(s) but the header has {}", record.len(), header.len()),
                )
                .rule(RuleId::ExportRow),
            );
            continue;
        }
        let mut col = 1;
        let cells = header
            .iter()
            .zip(record.iter())
            .map(|(name, value)| {
                let cell = (name.clone(), value.trim().to_owned(), col);
                col += value.chars().count() + 1;
                cell
            })
            .collect();
        rows.push(Row { line, cells });
    }
    rows
}

fn read_json_lines(label: &str, text: &str, required: &[&str], diagnostics: &mut Diagnostics) -> Vec<Row> {
    let mut rows = Vec::new();
    for (index, source) in text.lines().enumerate() {
        let line = index + 1;
        if source.trim().is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<serde_json::Value>(source) {
            Ok(serde_json::Value::Object(object)) => object,
            Ok(_) => {
                diagnostics
                    .push(Diagnostic::error(label, line, 1, "each line must be a JSON object").rule(RuleId::ExportRow));
                continue;
            }
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(label, line, e.column().max(1), format!("invalid JSON: {e}"))
                        .rule(RuleId::ExportRow),
                );
                continue;
            }
        };
        let missing: Vec<&str> = required.iter().copied().filter(|r| !object.contains_key(*r)).collect();
        if !missing.is_empty() {
            diagnostics.push(
                Diagnostic::error(label, line, 1, format!("missing field(s) {}", missing.join(", ")))
                    .rule(RuleId::ExportRow),
            );
            continue;
        }
        let cells = object
            .into_iter()
            .map(|(name, value)| {
                let text = match value {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                (name, text, 1)
            })
            .collect();
        rows.push(Row { line, cells });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_carry_lines_and_columns() {
        let mut d = Diagnostics::default();
        let rows = read("a.csv", "id,name\n1,alpha\n22,beta\n", Format::Csv, &["id"], &mut d);
        assert!(d.is_empty());
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].get("name").unwrap(), &("name".to_owned(), "beta".to_owned(), 4));
    }

    #[test]
    fn wrong_field_counts_are_reported_on_every_bad_row() {
        let mut d = Diagnostics::default();
        let rows = read("a.csv", "id,name\n1\n2,b\n3,c,extra\n", Format::Csv, &["id"], &mut d);
        assert_eq!(rows.len(), 1);
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn missing_columns_and_empty_files_are_errors() {
        let mut d = Diagnostics::default();
        read("a.csv", "name\nx\n", Format::Csv, &["id"], &mut d);
        read("b.csv", "", Format::Csv, &["id"], &mut d);
        assert_eq!(d.error_count(), 2);
    }

    #[test]
    fn json_lines_use_the_same_names() {
        let mut d = Diagnostics::default();
        let rows =
            read("a.jsonl", "{\"id\":\"1\",\"n\":2}\n\nnot json\n[1]\n{\"n\":1}\n", Format::JsonLines, &["id"], &mut d);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get("n").unwrap().1, "2");
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 4, 5]);
    }
}
