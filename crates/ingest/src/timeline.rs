//! Timeline entries: `- HH:MM — what happened`, in UTC.
//!
//! An entry may start with a full date (`2026-06-12 23:58`); otherwise it is placed on the
//! day of the previous entry, anchored at `started_at` (or the postmortem `date`). When a
//! time is more than twelve hours earlier than the one before it (23:58 then 00:04), the
//! timeline has rolled over midnight; a smaller step back (14:10 then 14:05) is an entry out
//! of order, which the `timeline-order` rule reports.

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, Utc};

use super::markdown::render_inline;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;
use model::TimelineEntry;
use model::dates;

pub fn parse(
    label: &str,
    items: &[(usize, String)],
    anchor: NaiveDate,
    diagnostics: &mut Diagnostics,
) -> Vec<TimelineEntry> {
    let mut day = anchor;
    let mut previous: Option<DateTime<Utc>> = None;
    let mut entries = Vec::new();
    for (line, item) in items {
        let Some((date, time, text)) = split_entry(item) else {
            diagnostics.push(
                Diagnostic::warning(
                    label,
                    *line,
                    3,
                    "timeline entry has no time; start it with `HH:MM` (UTC), e.g. `- 14:02 — alert fired`",
                )
                .rule(RuleId::TimelineTime),
            );
            continue;
        };
        if let Some(date) = date {
            day = date;
        }
        let mut at = day.and_time(time).and_utc();
        if date.is_none() && previous.is_some_and(|p| p - at > Duration::hours(12)) {
            day = day + Days::new(1);
            at = day.and_time(time).and_utc();
        }
        previous = Some(at);
        entries.push(TimelineEntry { at, html: render_inline(text), line: *line });
    }
    entries
}

/// `[**]YYYY-MM-DD ]HH:MM[:SS][ UTC|Z][**] <sep> text`, separators `—`, `–`, `-`, `:` or `|`.
fn split_entry(item: &str) -> Option<(Option<NaiveDate>, NaiveTime, &str)> {
    let rest = item.trim_start_matches('*').trim_start();
    let (date, rest) = match rest.get(..10).and_then(dates::parse_date) {
        Some(date) => (Some(date), rest[10..].trim_start_matches('T').trim_start()),
        None => (None, rest),
    };
    let seconds = rest.get(..8).and_then(|t| NaiveTime::parse_from_str(t, dates::TIME_SECONDS).ok());
    let (time, time_len) = match seconds {
        Some(time) => (time, 8),
        None => (NaiveTime::parse_from_str(rest.get(..5)?, dates::TIME).ok()?, 5),
    };
    let rest = rest[time_len..].trim_start();
    let rest = rest.strip_prefix("UTC").or_else(|| rest.strip_prefix('Z')).unwrap_or(rest);
    let rest = rest.trim_start_matches('*').trim_start();
    let text = ["—", "–", "-", ":", "|"].iter().find_map(|sep| rest.strip_prefix(sep)).unwrap_or(rest);
    Some((date, time, text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(lines: &[&str]) -> Vec<(usize, String)> {
        lines.iter().enumerate().map(|(i, l)| (i + 1, l.to_string())).collect()
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 12).unwrap()
    }

    #[test]
    fn reads_times_and_separators() {
        let mut d = Diagnostics::default();
        let e = parse(
            "pm.md",
            &items(&["14:02 — deploy", "**14:09 UTC** – alert", "14:10:30 - page", "14:11: ack"]),
            day(),
            &mut d,
        );
        assert!(d.is_empty());
        let times: Vec<String> = e.iter().map(|e| e.at.format(dates::TIME_SECONDS).to_string()).collect();
        assert_eq!(times, ["14:02:00", "14:09:00", "14:10:30", "14:11:00"]);
        assert_eq!(e[1].html, "alert");
        assert_eq!(e[3].html, "ack");
    }

    #[test]
    fn rolls_over_midnight() {
        let mut d = Diagnostics::default();
        let e = parse("pm.md", &items(&["23:58 — a", "00:04 — b", "01:00 — c"]), day(), &mut d);
        assert_eq!(e[0].at.to_rfc3339(), "2026-06-12T23:58:00+00:00");
        assert_eq!(e[1].at.to_rfc3339(), "2026-06-13T00:04:00+00:00");
        assert_eq!(e[2].at.to_rfc3339(), "2026-06-13T01:00:00+00:00");
    }

    #[test]
    fn a_small_step_back_is_out_of_order_not_the_next_day() {
        let mut d = Diagnostics::default();
        let e = parse("pm.md", &items(&["14:10 — a", "14:05 — b"]), day(), &mut d);
        assert_eq!(e[1].at.to_rfc3339(), "2026-06-12T14:05:00+00:00");
    }

    #[test]
    fn explicit_dates_win() {
        let mut d = Diagnostics::default();
        let e = parse("pm.md", &items(&["2026-06-14 09:00 — later", "09:30 — same day"]), day(), &mut d);
        assert_eq!(e[0].at.to_rfc3339(), "2026-06-14T09:00:00+00:00");
        assert_eq!(e[1].at.to_rfc3339(), "2026-06-14T09:30:00+00:00");
    }

    #[test]
    fn an_entry_without_a_time_is_a_warning_with_its_line() {
        let mut d = Diagnostics::default();
        let e = parse("pm.md", &items(&["14:02 — a", "then things happened", "25:00 — nope"]), day(), &mut d);
        assert_eq!(e.len(), 1);
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3]);
    }
}
