//! A runbook file: front matter and sections.

use super::terms::Terms;
use super::{front_matter, markdown};
use crate::diagnostics::Diagnostics;
use model::{Runbook, RunbookMeta};

pub fn parse(label: &str, slug: &str, text: &str, terms: &Terms, diagnostics: &mut Diagnostics) -> Option<Runbook> {
    let split = front_matter::split(label, text).map_err(|d| diagnostics.push(d)).ok()?;
    let meta: RunbookMeta = front_matter::parse(label, &split, front_matter::keys_of::<RunbookMeta>(), diagnostics)?;
    if !front_matter::check_id(label, 1, "runbook file name", slug, diagnostics) {
        return None;
    }
    let key_lines = front_matter::key_lines(&split);
    let sections = markdown::render_sections(split.body, &markdown::sections(split.body, split.body_line), terms);
    Some(Runbook {
        slug: slug.to_owned(),
        meta,
        path: label.to_owned(),
        key_lines,
        source: text.to_owned(),
        body_line: split.body_line,
        sections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::SectionKind;

    #[test]
    fn parses_a_runbook() {
        let text = "---\ntitle: Checkout errors\nservice: checkout\nowner: \"@priya\"\nlast_reviewed: 2026-09-30\nreview_every: 90d\nalerts: [CheckoutHighErrorRate]\n---\n## Overview\nx\n## Diagnosis Steps\n1. look\n";
        let mut d = Diagnostics::default();
        let rb = parse("content/runbooks/a.md", "a", text, &Terms::default(), &mut d).unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(rb.meta.review_every.days, 90);
        assert_eq!(rb.sections[1].kind, SectionKind::Diagnosis);
    }

    #[test]
    fn a_bad_review_period_is_reported_on_its_line() {
        let text = "---\ntitle: T\nservice: s\nowner: o\nlast_reviewed: 2026-09-30\nreview_every: quarterly\n---\n";
        let mut d = Diagnostics::default();
        assert!(parse("a.md", "a", text, &Terms::default(), &mut d).is_none());
        let found = d.sorted();
        assert_eq!(found[0].line, 6);
        assert!(found[0].message.contains("90d"), "{}", found[0].message);
    }
}
