//! A postmortem file: front matter, template sections, timeline and action items.

use super::markdown::{self, RawSection};
use super::terms::Terms;
use super::{action_items, facts, front_matter, timeline};
use crate::diagnostics::Diagnostics;
use model::{Postmortem, PostmortemMeta, SectionKind};

/// Parses one postmortem. `file_id` (the file name without `.md`) is the id unless the
/// front matter sets one. Returns `None` only when the front matter is unreadable; errors in
/// the body are reported but the document is kept, so checks across documents (duplicate
/// ids, links) still see it. Any error stops `build` either way.
pub fn parse(
    label: &str,
    file_id: &str,
    text: &str,
    terms: &Terms,
    diagnostics: &mut Diagnostics,
) -> Option<Postmortem> {
    let split = front_matter::split(label, text).map_err(|d| diagnostics.push(d)).ok()?;
    let mut meta: PostmortemMeta =
        front_matter::parse(label, &split, front_matter::keys_of::<PostmortemMeta>(), diagnostics)?;
    let key_lines = front_matter::key_lines(&split);
    if meta.id.trim().is_empty() {
        meta.id = file_id.to_owned();
    }
    let id_line = key_lines.get("id").copied().unwrap_or(1);
    front_matter::check_id(label, id_line, "postmortem id", &meta.id, diagnostics);
    let raw = markdown::sections(split.body, split.body_line);
    let section = |kind| raw.iter().find(|s: &&RawSection| s.kind == kind);

    let anchor = meta.started_at.map_or(meta.date, |t| t.date_naive());
    let timeline = section(SectionKind::Timeline)
        .map(|s| {
            timeline::parse(
                label,
                &markdown::list_items(split.body, s.content.clone(), split.body_line),
                anchor,
                diagnostics,
            )
        })
        .unwrap_or_default();

    let action_items =
        action_items::of_section(label, split.body, split.body_line, section(SectionKind::ActionItems), diagnostics);

    let facts = facts::facts(split.body, split.body_line, &raw);
    let times = facts::milestones(&meta, &timeline);
    let sections = markdown::render_sections(split.body, &raw, terms);
    Some(Postmortem {
        meta,
        path: label.to_owned(),
        key_lines,
        source: text.to_owned(),
        body_line: split.body_line,
        sections,
        timeline,
        action_items,
        facts,
        times,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{ActionStatus, Severity};

    const DOC: &str = "---
title: Checkout timeouts
date: 2026-06-12
status: final
severity: SEV2
services: [checkout]
started_at: 2026-06-12T23:50:00Z
---

## Summary
Payments timed out.

## Timeline
- 23:50 — deploy finished
- 00:05 — rolled back

## Action Items
| # | Action Item | Owner | Due Date | Status |
|---|---|---|---|---|
| 1 | Add alert | @priya | 2026-06-26 | Done |
";

    #[test]
    fn parses_a_complete_postmortem() {
        let mut d = Diagnostics::default();
        let pm = parse("postmortems/x.md", "x", DOC, &Terms::default(), &mut d).unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(pm.meta.id, "x");
        assert_eq!(pm.meta.severity, Severity::Sev2);
        assert_eq!(pm.sections.len(), 3);
        assert_eq!(pm.timeline[1].at.to_rfc3339(), "2026-06-13T00:05:00+00:00");
        assert_eq!(pm.timeline[0].line, 14);
        assert_eq!(pm.action_items[0].status, ActionStatus::Done);
        assert_eq!(pm.action_items[0].line, 20);
    }

    #[test]
    fn a_bad_action_item_is_reported_on_its_line_and_kept() {
        let mut d = Diagnostics::default();
        let bad = DOC.replace("| @priya |", "| |");
        let pm = parse("x.md", "x", &bad, &Terms::default(), &mut d).unwrap();
        assert_eq!(pm.action_items.len(), 1);
        assert!(d.has_errors());
        assert_eq!(d.sorted()[0].line, 20);
    }

    #[test]
    fn action_items_must_be_a_table() {
        let mut d = Diagnostics::default();
        let list = DOC.split("| #").next().unwrap().to_owned() + "- fix it\n";
        parse("x.md", "x", &list, &Terms::default(), &mut d);
        assert!(d.sorted()[0].message.contains("must hold a table"));
    }
}
