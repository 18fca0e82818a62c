//! A drill file: front matter, the drill template's sections and its action items
//! (docs/formats.md, "Drills").

use super::markdown::{self, RawSection};
use super::terms::Terms;
use super::{action_items, front_matter};
use crate::diagnostics::Diagnostics;
use model::{Drill, DrillMeta, SectionKind};

/// Parses one drill. `file_id` (the file name without `.md`) is the id unless the front
/// matter sets one. `None` only when the front matter is unreadable; errors in the body are
/// reported and the drill kept, as for postmortems.
pub fn parse(label: &str, file_id: &str, text: &str, terms: &Terms, diagnostics: &mut Diagnostics) -> Option<Drill> {
    let split = front_matter::split(label, text).map_err(|d| diagnostics.push(d)).ok()?;
    let mut meta: DrillMeta = front_matter::parse(label, &split, front_matter::keys_of::<DrillMeta>(), diagnostics)?;
    let key_lines = front_matter::key_lines(&split);
    if meta.id.trim().is_empty() {
        meta.id = file_id.to_owned();
    }
    let id_line = key_lines.get("id").copied().unwrap_or(1);
    front_matter::check_id(label, id_line, "drill id", &meta.id, diagnostics);
    let raw = markdown::sections(split.body, split.body_line);
    let items = raw.iter().find(|s: &&RawSection| s.kind == SectionKind::ActionItems);
    let action_items = action_items::of_section(label, split.body, split.body_line, items, diagnostics);
    Some(Drill {
        meta,
        path: label.to_owned(),
        key_lines,
        source: text.to_owned(),
        body_line: split.body_line,
        sections: markdown::render_sections(split.body, &raw, terms),
        action_items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{DrillKind, DrillOutcome, DrillStatus};

    const DOC: &str = "---
title: Restore the ledger database from backup
date: 2026-10-14
kind: dr-test
services: [ledger]
status: done
outcome: failed
measured_rto: 95m
measured_rpo: 4m
facilitator: \"@priya\"
participants: [\"@sam\", \"@lee\"]
---

## Hypothesis
A restore from last night's snapshot finishes within the tier's 15 minutes.

## Findings
The restore took 95 minutes: the snapshot was throttled.

## Action Items
| # | Action Item | Owner | Due Date | Status |
|---|---|---|---|---|
| 1 | Raise snapshot restore throughput | @sam | 2026-11-01 | Open |
";

    fn parsed(text: &str) -> (Option<Drill>, Diagnostics) {
        let mut d = Diagnostics::default();
        let drill = parse("content/drills/ledger-restore.md", "ledger-restore", text, &Terms::default(), &mut d);
        (drill, d)
    }

    #[test]
    fn parses_a_done_dr_test() {
        let (drill, d) = parsed(DOC);
        let drill = drill.unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(drill.meta.id, "ledger-restore");
        assert_eq!((drill.meta.kind, drill.meta.status), (DrillKind::DrTest, DrillStatus::Done));
        assert_eq!(drill.meta.outcome, Some(DrillOutcome::Failed));
        assert_eq!(drill.meta.measured_rto.map(|d| d.seconds), Some(95 * 60));
        assert_eq!(drill.meta.measured_rpo.map(|d| d.seconds), Some(4 * 60));
        let kinds: Vec<SectionKind> = drill.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SectionKind::Hypothesis, SectionKind::Findings, SectionKind::ActionItems]);
        assert_eq!((drill.action_items.len(), drill.action_items[0].line), (1, 23));
    }

    #[test]
    fn an_unknown_kind_is_reported_on_its_line_with_the_closest() {
        let (drill, d) = parsed(&DOC.replace("kind: dr-test", "kind: gameday"));
        assert!(drill.is_none());
        let found = d.sorted();
        assert_eq!(found[0].line, 4);
        assert!(found[0].message.contains("did you mean `game-day`?"), "{}", found[0].message);
    }

    #[test]
    fn a_measured_time_not_a_duration_is_reported_on_its_line() {
        let (_, d) = parsed(&DOC.replace("measured_rto: 95m", "measured_rto: an hour and a half"));
        let found = d.sorted();
        assert_eq!(found[0].line, 8);
        assert!(found[0].message.contains("such as 5m"), "{}", found[0].message);
    }
}
