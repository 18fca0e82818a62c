//! The Action Items table: `| # | Action Item | Owner | Due Date | Status |`.

use chrono::NaiveDate;

use super::markdown::Table;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{ActionItem, ActionStatus};

const COLUMNS: [&str; 5] = ["#", "Action Item", "Owner", "Due Date", "Status"];

pub fn parse(label: &str, table: &Table, diagnostics: &mut Diagnostics) -> Vec<ActionItem> {
    let position = |name: &str| {
        table
            .header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    };
    let columns: Vec<Option<usize>> = COLUMNS.iter().map(|c| position(c)).collect();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(&columns)
        .filter(|(_, p)| p.is_none())
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        diagnostics.push(Diagnostic::error(
            label,
            table.line,
            1,
            format!(
                "action-item table lacks column(s) {}; its header must be | {} |",
                missing.join(", "),
                COLUMNS.join(" | ")
            ),
        ));
        return Vec::new();
    }
    let cell = |row: &[String], column: usize| {
        columns[column]
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    };
    table
        .rows
        .iter()
        .map(|(line, row)| {
            let owner = cell(row, 2);
            let due_text = cell(row, 3);
            let status_text = cell(row, 4);
            let error = |message: String| Diagnostic::error(label, *line, 1, message);
            if owner.is_empty() {
                diagnostics.push(error(
                    "action item has no owner; name exactly one person".into(),
                ));
            } else if is_several_people(&owner) {
                diagnostics.push(error(format!(
                    "action item owner `{owner}` names several people; give it exactly one owner"
                )));
            }
            let due = NaiveDate::parse_from_str(&due_text, "%Y-%m-%d").ok();
            if due.is_none() {
                diagnostics.push(error(format!(
                    "due date `{due_text}` is not a date in the form YYYY-MM-DD"
                )));
            }
            let status = ActionStatus::parse(&status_text);
            if status == ActionStatus::Invalid {
                diagnostics.push(error(format!(
                    "unknown status `{status_text}`; use Pending, In Progress, Done or Won't Do"
                )));
            }
            ActionItem {
                number: cell(row, 0),
                text: cell(row, 1),
                owner,
                due,
                status,
                line: *line,
            }
        })
        .collect()
}

fn is_several_people(owner: &str) -> bool {
    owner.contains([',', '/', '&', ';'])
        || owner.to_lowercase().split_whitespace().any(|w| w == "and")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[[&str; 5]]) -> Table {
        Table {
            line: 20,
            header: COLUMNS.iter().map(|c| c.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (22 + i, r.iter().map(|c| c.to_string()).collect()))
                .collect(),
        }
    }

    #[test]
    fn reads_rows() {
        let mut d = Diagnostics::default();
        let items = parse(
            "pm.md",
            &table(&[["1", "Add alert", "@priya", "2026-06-26", "in progress"]]),
            &mut d,
        );
        assert!(d.is_empty());
        assert_eq!(items[0].owner, "@priya");
        assert_eq!(items[0].due, NaiveDate::from_ymd_opt(2026, 6, 26));
        assert_eq!(items[0].status, ActionStatus::InProgress);
        assert_eq!(items[0].line, 22);
    }

    #[test]
    fn bad_rows_are_kept_and_reported_on_their_line() {
        let mut d = Diagnostics::default();
        let items = parse(
            "pm.md",
            &table(&[
                ["1", "a", "@a, @b", "2026-06-26", "Done"],
                ["2", "b", "@c", "next week", "Done"],
                ["3", "c", "@d", "2026-07-01", "maybe"],
            ]),
            &mut d,
        );
        assert_eq!(items.len(), 3, "invalid items are kept");
        assert_eq!(items[2].status, ActionStatus::Invalid);
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [22, 23, 24]);
    }

    #[test]
    fn missing_columns_are_named() {
        let mut d = Diagnostics::default();
        let t = Table {
            line: 5,
            header: vec!["#".into(), "Action Item".into()],
            rows: vec![],
        };
        parse("pm.md", &t, &mut d);
        let message = &d.iter().next().unwrap().message;
        assert!(message.contains("Owner, Due Date, Status"), "{message}");
    }
}
