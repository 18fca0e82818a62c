//! The Action Items table: `| # | Action Item | Owner | Due Date | Status |`, optionally with
//! `Ticket`, `Type` (mitigate / prevent) and `Completed` columns. A completion date may also
//! follow the status: `Done 2026-03-01`.

use chrono::NaiveDate;

use super::markdown::{self, RawSection, Table};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;
use model::dates::parse_date;
use model::{ActionItem, ActionKind, ActionStatus};

const REQUIRED: [&str; 5] = ["#", "Action Item", "Owner", "Due Date", "Status"];
const OPTIONAL: [&str; 3] = ["Ticket", "Type", "Completed"];

/// The items of a document's Action Items section (postmortems and drills share it): the
/// section's first table, nothing when the section is absent or empty, and an error when it
/// holds something other than a table, which would otherwise lose the items unnoticed.
pub fn of_section(
    label: &str,
    body: &str,
    body_line: usize,
    section: Option<&RawSection>,
    diagnostics: &mut Diagnostics,
) -> Vec<ActionItem> {
    let Some(s) = section else { return Vec::new() };
    match markdown::first_table(body, s.content.clone(), body_line) {
        Some(table) => parse(label, &table, diagnostics),
        None if body[s.content.clone()].trim().is_empty() => Vec::new(),
        None => {
            diagnostics.push(Diagnostic::error(
                label,
                s.line,
                1,
                "the Action Items section must hold a table with columns | # | Action Item | Owner | Due Date | Status |",
            ));
            Vec::new()
        }
    }
}

pub fn parse(label: &str, table: &Table, diagnostics: &mut Diagnostics) -> Vec<ActionItem> {
    let position = |name: &str| table.header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let missing: Vec<&str> = REQUIRED.iter().copied().filter(|c| position(c).is_none()).collect();
    if !missing.is_empty() {
        diagnostics.push(Diagnostic::error(
            label,
            table.line,
            1,
            format!(
                "action-item table lacks column(s) {}; its header must be | {} | (optional: {})",
                missing.join(", "),
                REQUIRED.join(" | "),
                OPTIONAL.join(", ")
            ),
        ));
        return Vec::new();
    }
    table
        .rows
        .iter()
        .map(|(line, row)| {
            let cell = |name: &str| position(name).and_then(|i| row.get(i)).cloned().unwrap_or_default();
            let mut error = |rule: RuleId, message: String| diagnostics.push(Diagnostic::error(label, *line, 1, message).rule(rule));
            let owner = cell("Owner");
            if owner.is_empty() {
                error(RuleId::ActionItemOwner, "action item has no owner; name exactly one person".into());
            } else if is_several_people(&owner) {
                error(RuleId::ActionItemOwner, format!("action item owner `{owner}` names several people; give it exactly one owner"));
            }
            let due_text = cell("Due Date");
            let due = parse_date(&due_text);
            if due.is_none() {
                error(RuleId::ActionItemDueDate, format!("due date `{due_text}` is not a date in the form YYYY-MM-DD"));
            }
            let (status, status_date) = status_and_date(&cell("Status"));
            if status == ActionStatus::Invalid {
                error(
                    RuleId::ActionItemStatus,
                    format!(
                    "unknown status `{}`; use Pending, In Progress, Done or Won't Do (optionally `Done YYYY-MM-DD`)",
                    cell("Status")
                    ),
                );
            }
            let completed_text = cell("Completed");
            let completed_on = match parse_date(&completed_text) {
                Some(date) => Some(date),
                None if completed_text.is_empty() => status_date,
                None => {
                    error(RuleId::ActionItemCompleted, format!("completion date `{completed_text}` is not a date in the form YYYY-MM-DD"));
                    status_date
                }
            };
            let kind_text = cell("Type");
            let kind = ActionKind::parse(&kind_text);
            if kind.is_none() && !kind_text.is_empty() {
                error(RuleId::ActionItemType, format!("unknown type `{kind_text}`; use mitigate or prevent"));
            }
            let ticket = Some(cell("Ticket")).filter(|t| !t.is_empty());
            ActionItem {
                number: cell("#"),
                text: cell("Action Item"),
                owner,
                due,
                status,
                completed_on,
                ticket,
                kind,
                line: *line,
            }
        })
        .collect()
}

/// `Done 2026-03-01` → (Done, 2026-03-01); `In Progress` → (InProgress, None).
fn status_and_date(text: &str) -> (ActionStatus, Option<NaiveDate>) {
    let text = text.trim();
    if let Some((status, date)) = text.rsplit_once(char::is_whitespace)
        && let Some(date) = parse_date(date.trim_matches(['(', ')']))
    {
        return (ActionStatus::parse(status), Some(date));
    }
    (ActionStatus::parse(text), None)
}

fn is_several_people(owner: &str) -> bool {
    owner.contains([',', '/', '&', ';']) || owner.to_lowercase().split_whitespace().any(|w| w == "and")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            line: 20,
            header: header.iter().map(|c| c.to_string()).collect(),
            rows: rows.iter().enumerate().map(|(i, r)| (22 + i, r.iter().map(|c| c.to_string()).collect())).collect(),
        }
    }

    #[test]
    fn reads_rows() {
        let mut d = Diagnostics::default();
        let items =
            parse("pm.md", &table(&REQUIRED, &[&["1", "Add alert", "@priya", "2026-06-26", "in progress"]]), &mut d);
        assert!(d.is_empty());
        assert_eq!(items[0].owner, "@priya");
        assert_eq!(items[0].due, NaiveDate::from_ymd_opt(2026, 6, 26));
        assert_eq!(items[0].status, ActionStatus::InProgress);
        assert_eq!(items[0].line, 22);
    }

    #[test]
    fn reads_optional_columns_and_completion_dates() {
        let mut d = Diagnostics::default();
        let header = ["#", "Action Item", "Owner", "Due Date", "Status", "Ticket", "Type", "Completed"];
        let items = parse(
            "pm.md",
            &table(
                &header,
                &[
                    &["1", "a", "@a", "2026-06-26", "Done 2026-06-20", "OPS-12", "prevent", ""],
                    &["2", "b", "@b", "2026-06-26", "Done", "", "Mitigation", "2026-06-25"],
                ],
            ),
            &mut d,
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(items[0].completed_on, NaiveDate::from_ymd_opt(2026, 6, 20));
        assert_eq!(items[0].ticket.as_deref(), Some("OPS-12"));
        assert_eq!(items[0].kind, Some(ActionKind::Prevent));
        assert_eq!(items[1].completed_on, NaiveDate::from_ymd_opt(2026, 6, 25));
        assert_eq!(items[1].kind, Some(ActionKind::Mitigate));
        assert_eq!(items[1].ticket, None);
    }

    #[test]
    fn bad_rows_are_kept_and_reported_on_their_line() {
        let mut d = Diagnostics::default();
        let items = parse(
            "pm.md",
            &table(
                &REQUIRED,
                &[
                    &["1", "a", "@a, @b", "2026-06-26", "Done"],
                    &["2", "b", "@c", "next week", "Done"],
                    &["3", "c", "@d", "2026-07-01", "maybe"],
                ],
            ),
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
        parse("pm.md", &table(&["#", "Action Item"], &[]), &mut d);
        let message = &d.iter().next().unwrap().message;
        assert!(message.contains("Owner, Due Date, Status"), "{message}");
    }
}
