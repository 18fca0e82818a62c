//! On-call exports: `pages.csv` (what paged whom) and `oncall.csv` (the schedule as
//! worked), read row by row as the other exports are.

use std::collections::BTreeMap;

use super::exports::{Cells, rfc3339, unique};
use super::table::Row;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;
use model::suggest::did_you_mean;
use model::{Page, RowSource, Shift, ShiftLevel, Urgency};

pub const PAGE_COLUMNS: [&str; 8] =
    ["page_id", "alert", "service", "responder", "urgency", "triggered_at", "acknowledged_at", "resolved_at"];
const PAGE_OPTIONAL: [&str; 4] = ["escalated", "incident_id", "actionable", "auto_resolved"];
pub const SHIFT_COLUMNS: [&str; 5] = ["rotation", "responder", "level", "start", "end"];

fn urgency(text: &str) -> Result<Urgency, String> {
    Urgency::parse(text)
        .ok_or_else(|| format!("unknown urgency `{text}`; use high or low{}", did_you_mean(text, Urgency::NAMES)))
}

fn level(text: &str) -> Result<ShiftLevel, String> {
    ShiftLevel::parse(text).ok_or_else(|| {
        format!("unknown level `{text}`; use primary or secondary{}", did_you_mean(text, ShiftLevel::NAMES))
    })
}

fn boolean(text: &str) -> Result<bool, String> {
    match text.to_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(format!("`{text}` is neither true nor false")),
    }
}

pub fn pages(label: &str, rows: &[Row], diagnostics: &mut Diagnostics) -> Vec<Page> {
    let known: Vec<&str> = PAGE_COLUMNS.iter().chain(&PAGE_OPTIONAL).copied().collect();
    let records = rows.iter().filter_map(|row| {
        let mut c = Cells::new(label, row, diagnostics);
        let page_id = c.required("page_id");
        let alert = c.required("alert");
        let service = c.required("service");
        let responder = c.required("responder");
        let urgency = c.required_parsed("urgency", urgency);
        let triggered_at = c.required_parsed("triggered_at", rfc3339);
        let acknowledged_at = c.parsed("acknowledged_at", rfc3339);
        let resolved_at = c.parsed("resolved_at", rfc3339);
        // A time before the trigger is a broken export (or a zone lost on the way): any
        // response time from it would be negative.
        for (name, at) in [("acknowledged_at", acknowledged_at), ("resolved_at", resolved_at)] {
            if let (Some(at), Some(triggered)) = (at, triggered_at)
                && at < triggered
            {
                let col = c.optional(name).map_or(1, |v| v.1);
                c.fail(col, format!("`{name}` is before `triggered_at`: the page cannot be answered before it fired"));
            }
        }
        let page = Page {
            page_id,
            alert,
            service,
            responder,
            urgency: urgency?,
            triggered_at: triggered_at?,
            acknowledged_at,
            resolved_at,
            escalated: c.parsed("escalated", boolean).unwrap_or(false),
            incident_id: c.optional("incident_id").map(|v| v.0),
            actionable: c.parsed("actionable", boolean),
            auto_resolved: c.parsed("auto_resolved", boolean).unwrap_or(false),
            extra: c.extra(&known),
            source: RowSource { path: label.to_owned(), line: row.line },
        };
        c.ok.then_some((row.line, page))
    });
    unique(label, "page_id", records.collect(), |p| &p.page_id, diagnostics)
}

pub fn shifts(label: &str, rows: &[Row], diagnostics: &mut Diagnostics) -> Vec<Shift> {
    let shifts: Vec<Shift> = rows
        .iter()
        .filter_map(|row| {
            let mut c = Cells::new(label, row, diagnostics);
            let rotation = c.required("rotation");
            let responder = c.required("responder");
            let level = c.required_parsed("level", level);
            let start = c.required_parsed("start", rfc3339);
            let end = c.required_parsed("end", rfc3339);
            if let (Some(start), Some(end)) = (start, end)
                && end <= start
            {
                let col = c.optional("end").map_or(1, |v| v.1);
                c.fail(col, "`end` is not after `start`: a shift ends after it begins".to_owned());
            }
            let shift = Shift {
                rotation,
                responder,
                level: level?,
                start: start?,
                end: end?,
                source: RowSource { path: label.to_owned(), line: row.line },
            };
            c.ok.then_some(shift)
        })
        .collect();
    overlaps(label, &shifts, diagnostics);
    shifts
}

/// `shift-overlap`: one person on call twice at once (a swap written without removing the
/// shift it replaced, say) would count their hours twice. Both shifts are kept.
fn overlaps(label: &str, shifts: &[Shift], diagnostics: &mut Diagnostics) {
    let mut by_person: BTreeMap<&str, Vec<&Shift>> = BTreeMap::new();
    for shift in shifts {
        by_person.entry(shift.responder.as_str()).or_default().push(shift);
    }
    for mut own in by_person.into_values() {
        own.sort_by_key(|s| (s.start, s.source.line));
        // The shift reaching furthest so far: a long one may overlap several after it.
        let mut reach: Option<&Shift> = None;
        for shift in own {
            match reach {
                Some(earlier) if shift.start < earlier.end => {
                    let message = format!(
                        "{}'s shift overlaps their shift on line {} (until {}); their hours there count twice",
                        shift.responder,
                        earlier.source.line,
                        earlier.end.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
                    );
                    diagnostics
                        .push(Diagnostic::warning(label, shift.source.line, 1, message).rule(RuleId::ShiftOverlap));
                    if shift.end > earlier.end {
                        reach = Some(shift);
                    }
                }
                _ => reach = Some(shift),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{self, Format};
    use super::*;
    use crate::diagnostics::Level;

    fn read<T>(
        text: &str,
        format: Format,
        columns: &[&str],
        f: fn(&str, &[Row], &mut Diagnostics) -> Vec<T>,
    ) -> (Vec<T>, Vec<Diagnostic>) {
        let mut d = Diagnostics::default();
        let rows = table::read("x", text, format, columns, &mut d);
        let records = f("x", &rows, &mut d);
        (records, d.sorted())
    }

    const PAGES: &str =
        "page_id,alert,service,responder,urgency,triggered_at,acknowledged_at,resolved_at,escalated,actionable,team\n";

    #[test]
    fn reads_pages_with_optional_fields_and_extra_columns() {
        let text = format!(
            "{PAGES}p1,HighErrors,checkout,@priya,high,2026-06-12T02:00:00Z,2026-06-12T02:04:00Z,2026-06-12T02:30:00Z,true,false,pay\np2,DiskFull,ledger,@tomas,low,2026-06-12T03:00:00+02:00,,,,,\n"
        );
        let (pages, d) = read(&text, Format::Csv, &PAGE_COLUMNS, pages);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(pages.len(), 2);
        assert!(pages[0].escalated);
        assert_eq!(pages[0].actionable, Some(false));
        assert_eq!(pages[0].extra["team"], "pay");
        assert_eq!(pages[1].urgency, Urgency::Low);
        assert_eq!(pages[1].triggered_at.to_rfc3339(), "2026-06-12T01:00:00+00:00");
        assert_eq!((pages[1].acknowledged_at, pages[1].actionable, pages[1].escalated), (None, None, false));
    }

    #[test]
    fn json_lines_pages_read_the_same_fields() {
        let text = r#"{"page_id":"p1","alert":"A","service":"s","responder":"@priya","urgency":"high","triggered_at":"2026-06-12T02:00:00Z","acknowledged_at":null,"resolved_at":"2026-06-12T02:10:00Z","auto_resolved":true}"#;
        let (pages, d) = read(text, Format::JsonLines, &PAGE_COLUMNS, pages);
        assert!(d.is_empty(), "{d:?}");
        assert!(pages[0].auto_resolved);
        assert_eq!(pages[0].acknowledged_at, None);
    }

    #[test]
    fn bad_pages_are_left_out_with_an_export_row_error_at_their_cell() {
        let text = format!(
            "{PAGES}p1,A,s,@priya,hihg,2026-06-12T02:00:00Z,,,,,\np2,A,s,@priya,high,2026-06-12 02:00:00,,,,,\np3,A,s,@priya,high,2026-06-12T02:00:00Z,2026-06-12T01:59:00Z,,,,\np4,A,s,@priya,high,2026-06-12T02:00:00Z,,,yes,,\np5,A,s,@priya,high,2026-06-12T02:00:00Z,,,,,\np5,A,s,@priya,high,2026-06-12T03:00:00Z,,,,,\n"
        );
        let (pages, d) = read(&text, Format::Csv, &PAGE_COLUMNS, pages);
        assert_eq!(pages.iter().map(|p| p.page_id.as_str()).collect::<Vec<_>>(), ["p5"]);
        let found: Vec<(usize, usize, &str)> = d.iter().map(|d| (d.line, d.col, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (2, 15, "`urgency`: unknown urgency `hihg`; use high or low; did you mean `high`?"),
                (
                    3,
                    20,
                    "`triggered_at`: `2026-06-12 02:00:00` is not an RFC 3339 timestamp with a time zone, such as 2026-06-12T14:02:00Z"
                ),
                (4, 41, "`acknowledged_at` is before `triggered_at`: the page cannot be answered before it fired"),
                (5, 43, "`escalated`: `yes` is neither true nor false"),
                (7, 1, "duplicate page_id `p5` (first on line 6)"),
            ]
        );
        assert!(d.iter().all(|d| d.level == Level::Error && d.rule == Some(RuleId::ExportRow)));
    }

    const SHIFTS: &str = "rotation,responder,level,start,end\n";

    #[test]
    fn shifts_need_a_known_level_and_an_end_after_the_start() {
        let text = format!(
            "{SHIFTS}payments,@priya,primary,2026-06-08T09:00:00Z,2026-06-15T09:00:00Z\npayments,@tomas,secnodary,2026-06-08T09:00:00Z,2026-06-15T09:00:00Z\npayments,@tomas,primary,2026-06-15T09:00:00Z,2026-06-15T08:00:00Z\n"
        );
        let (shifts, d) = read(&text, Format::Csv, &SHIFT_COLUMNS, shifts);
        assert_eq!(shifts.len(), 1);
        assert_eq!(shifts[0].level, ShiftLevel::Primary);
        let found: Vec<(usize, usize, &str)> = d.iter().map(|d| (d.line, d.col, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (3, 17, "`level`: unknown level `secnodary`; use primary or secondary; did you mean `secondary`?"),
                (4, 46, "`end` is not after `start`: a shift ends after it begins"),
            ]
        );
    }

    #[test]
    fn one_persons_overlapping_shifts_are_kept_with_a_warning_naming_the_other() {
        let text = format!(
            "{SHIFTS}payments,@priya,primary,2026-06-08T09:00:00Z,2026-06-22T09:00:00Z\nledger,@priya,secondary,2026-06-10T09:00:00Z,2026-06-11T09:00:00Z\npayments,@priya,primary,2026-06-21T09:00:00Z,2026-06-23T09:00:00Z\npayments,@tomas,primary,2026-06-10T09:00:00Z,2026-06-11T09:00:00Z\npayments,@priya,primary,2026-06-23T09:00:00Z,2026-06-24T09:00:00Z\n"
        );
        let (shifts, d) = read(&text, Format::Csv, &SHIFT_COLUMNS, shifts);
        assert_eq!(shifts.len(), 5, "nothing dropped");
        let found: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (
                    3,
                    "@priya's shift overlaps their shift on line 2 (until 2026-06-22T09:00:00Z); their hours there count twice"
                ),
                (
                    4,
                    "@priya's shift overlaps their shift on line 2 (until 2026-06-22T09:00:00Z); their hours there count twice"
                ),
            ]
        );
        assert!(d.iter().all(|d| d.level == Level::Warning && d.rule == Some(RuleId::ShiftOverlap)));
    }

    #[test]
    fn a_repo_reads_pages_jsonl_and_oncall_csv_and_counts_the_rows_left_out() {
        let pages = concat!(
            r#"{"page_id":"p1","alert":"A","service":"s","responder":"@priya","urgency":"high","triggered_at":"2026-06-12T02:00:00Z","acknowledged_at":"2026-06-12T02:03:00Z","resolved_at":null}"#,
            "\n",
            r#"{"page_id":"p2","alert":"A","service":"s","responder":"@priya","urgency":"urgent","triggered_at":"2026-06-12T02:00:00","acknowledged_at":null,"resolved_at":null}"#,
            "\n",
        );
        let oncall = format!(
            "{SHIFTS}payments,@priya,primary,2026-06-08T09:00:00Z,2026-06-15T09:00:00Z\npayments,@priya,primary,2026-06-15T09:00:00,2026-06-22T09:00:00Z\n"
        );
        let (repo, found) =
            crate::test_repo::load(&[("content/metrics/pages.jsonl", pages), ("content/metrics/oncall.csv", &oncall)]);
        assert_eq!((repo.metrics.pages.len(), repo.metrics.shifts.len()), (1, 1));
        assert_eq!(found.len(), 3, "{found:?}");
        let excluded = &repo.metrics.excluded;
        assert_eq!(excluded["unreadable rows of pages.jsonl"], 1, "one row, however many problems");
        assert_eq!(excluded["unreadable rows of oncall.csv"], 1);
    }
}
