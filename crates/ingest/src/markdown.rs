//! Markdown bodies: split into `##` sections, rendered to sanitised HTML, and the
//! structured parts (tables, list items) read with their source lines.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

use super::source_file::LineIndex;
use super::terms::{FirstUses, Terms};
use model::{Section, SectionKind};

pub(super) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES
}

/// A section's heading and the byte range of its content within the body.
#[derive(Debug, Clone)]
pub struct RawSection {
    pub kind: SectionKind,
    pub heading: String,
    pub line: usize,
    pub content: Range<usize>,
}

/// Splits a body at its `##` headings. Text before the first `##` (other than a `#` title)
/// becomes an "Introduction" section so nothing the writer wrote is dropped.
pub fn sections(body: &str, body_line: usize) -> Vec<RawSection> {
    let index = LineIndex::new(body);
    let mut found: Vec<RawSection> = Vec::new();
    let mut preamble_end = body.len();
    let mut heading: Option<(usize, String)> = None;
    let mut title_end = 0;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => heading = Some((range.start, String::new())),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                let (start, text) = heading.take().unwrap_or_default();
                if let Some(previous) = found.last_mut() {
                    previous.content.end = start;
                } else {
                    preamble_end = start;
                }
                let text = text.trim().to_owned();
                found.push(RawSection {
                    kind: SectionKind::from_heading(&text),
                    heading: text,
                    line: body_line + index.line(start) - 1,
                    content: range.end..body.len(),
                });
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if found.is_empty() => title_end = range.end,
            _ => {}
        }
    }
    let preamble = title_end.min(preamble_end)..preamble_end;
    if !body[preamble.clone()].trim().is_empty() {
        let line = body_line + index.line(preamble.start + leading_blank(&body[preamble.clone()])) - 1;
        found.insert(
            0,
            RawSection { kind: SectionKind::Other, heading: "Introduction".into(), line, content: preamble },
        );
    }
    found
}

fn leading_blank(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// Renders the sections to sanitised HTML with unique anchors, the first use of each
/// glossary term in the document linked to its definition.
pub fn render_sections(body: &str, raw: &[RawSection], terms: &Terms) -> Vec<Section> {
    let mut anchors: Vec<String> = Vec::new();
    let mut first_uses = terms.first_uses();
    raw.iter()
        .map(|s| {
            let mut anchor = slug(&s.heading);
            if anchor.is_empty() || anchors.contains(&anchor) {
                anchor = format!("{anchor}-{}", anchors.len() + 1);
            }
            anchors.push(anchor.clone());
            Section {
                kind: s.kind,
                heading: s.heading.clone(),
                anchor,
                line: s.line,
                html: render_linking(&body[s.content.clone()], &mut first_uses),
                text: plain_text(&body[s.content.clone()]),
            }
        })
        .collect()
}

/// Markdown → HTML, then through ammonia: committers' Markdown (PR previews from forks
/// included) must never be able to run script in a reader's browser.
pub fn render(markdown: &str) -> String {
    sanitized(Parser::new_ext(markdown, options()))
}

fn render_linking(markdown: &str, first_uses: &mut FirstUses) -> String {
    sanitized(first_uses.link(Parser::new_ext(markdown, options())).into_iter())
}

fn sanitized<'a>(events: impl Iterator<Item = Event<'a>>) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, mark_decisions(events));
    sanitizer().clean(&html).to_string()
}

/// Marks list items that start with "If " or "Otherwise" — a runbook's decision points —
/// so the engineer at 3 AM sees where the path forks.
fn mark_decisions<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut item_opened = false;
    events.flat_map(move |event| {
        let decision =
            item_opened && matches!(&event, Event::Text(t) if t.starts_with("If ") || t.starts_with("Otherwise"));
        match &event {
            Event::Start(Tag::Item) => item_opened = true,
            Event::Start(Tag::Paragraph) => {}
            _ => item_opened = false,
        }
        let badge = decision.then(|| Event::InlineHtml(r#"<span class="decision">Decision</span> "#.into()));
        badge.into_iter().chain(std::iter::once(event))
    })
}

/// Built once: a fresh builder allocates its allow-lists on every call.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .link_rel(Some("noopener noreferrer"))
            .add_allowed_classes("span", &["decision"])
            .add_allowed_classes("a", &["term"]);
        builder
    })
}

/// The words of some Markdown without its markup, for the search index: text, code and
/// table cells, one space between blocks so words never run together.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            // Inline markup starts and ends inside a word (`**fail**over`); everything else
            // starts or ends a block (a code block right after a list item's text included).
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image) => {}
            Event::SoftBreak | Event::HardBreak | Event::Start(_) | Event::End(_) if !text.ends_with(' ') => {
                text.push(' ')
            }
            _ => {}
        }
    }
    // Runs of spaces and newlines (code blocks keep theirs) as one space: snippets are prose.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renders a single line of Markdown without the surrounding paragraph.
pub fn render_inline(markdown: &str) -> String {
    let html = render(markdown);
    let trimmed = html.trim();
    trimmed.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")).unwrap_or(trimmed).to_owned()
}

/// Lowercase ASCII words joined by `-`: `Checkout: timeouts!` → `checkout-timeouts`. Used for
/// heading anchors and for the file names of new documents.
pub fn slug(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A table in a section: header cells, then rows of plain-text cells with their line.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub line: usize,
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The first table within `range` of `body`. Lines are file lines.
pub fn first_table(body: &str, range: Range<usize>, body_line: usize) -> Option<Table> {
    let index = LineIndex::new(body);
    let file_line = |offset: usize| body_line + index.line(offset) - 1;
    let mut table: Option<Table> = None;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    for (event, span) in Parser::new_ext(&body[range.clone()], options()).into_offset_iter() {
        let offset = range.start + span.start;
        match event {
            Event::Start(Tag::Table(_)) if table.is_none() => {
                table = Some(Table { line: file_line(offset), header: Vec::new(), rows: Vec::new() })
            }
            Event::Start(Tag::TableCell) => cell.clear(),
            Event::Text(t) | Event::Code(t) => cell.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cell.push(' '),
            Event::End(TagEnd::TableCell) => row.push(cell.trim().to_owned()),
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.header = std::mem::take(&mut row);
                }
            }
            Event::Start(Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    let line = file_line(offset);
                    t.rows.push((line, std::mem::take(&mut row)));
                }
            }
            Event::End(TagEnd::Table) => return table,
            _ => {}
        }
    }
    table
}

/// The source text and file line of every top-level list item within `range`.
pub fn list_items(body: &str, range: Range<usize>, body_line: usize) -> Vec<(usize, String)> {
    let index = LineIndex::new(body);
    let mut depth = 0usize;
    let mut items = Vec::new();
    for (event, span) in Parser::new_ext(&body[range.clone()], options()).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Item) if depth == 1 => {
                let start = range.start + span.start;
                let source = &body[start..range.start + span.end];
                let text = strip_marker(source).trim_end().to_owned();
                items.push((body_line + index.line(start) - 1, text));
            }
            _ => {}
        }
    }
    items
}

/// A list item's text without its marker: `- `, `* `, `+ `, `1. ` or `1) `.
pub(super) fn strip_marker(item: &str) -> &str {
    let item = item.trim_start();
    let digits = item.len() - item.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = if digits > 0 {
        item[digits..].strip_prefix(['.', ')']).unwrap_or(item)
    } else {
        item.trim_start_matches(['-', '*', '+'])
    };
    rest.trim_start()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "# Title\n\n## Summary\nShort.\n\n## Root Cause Analysis (5 Whys)\n1. Why?\n\n## Notes\nkept\n";

    #[test]
    fn plain_text_keeps_words_apart_across_blocks_but_not_across_inline_markup() {
        let md = "1. Check the dashboard.\n   ```bash\n   kubectl get pods\n   ```\n2. **Fail**over with `deployctl`.\n\n| a | b |\n|---|---|\n| x | y |\n";
        assert_eq!(plain_text(md), "Check the dashboard. kubectl get pods Failover with deployctl. a b x y");
    }

    #[test]
    fn splits_sections_with_kinds_and_lines() {
        let s = sections(BODY, 10);
        let kinds: Vec<_> = s.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SectionKind::Summary, SectionKind::RootCause, SectionKind::Other]);
        assert_eq!(s[0].line, 12);
        assert_eq!(s[1].line, 15);
        assert_eq!(BODY[s[0].content.clone()].trim(), "Short.");
        assert_eq!(BODY[s[2].content.clone()].trim(), "kept");
    }

    #[test]
    fn text_before_the_first_section_is_kept() {
        let s = sections("Some context.\n\n## Summary\nx\n", 1);
        assert_eq!(s[0].heading, "Introduction");
        assert_eq!(s[0].line, 1);
        assert!(sections("# Only a title\n\n## Summary\nx\n", 1).iter().all(|s| s.heading != "Introduction"));
    }

    #[test]
    fn rendering_strips_script_and_javascript_urls() {
        let html = render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn decision_points_are_marked() {
        let html =
            render("1. Check the pods.\n2. If pods restart, go to step 4.\n3. Otherwise, page the database on-call.\n");
        assert_eq!(html.matches(r#"<span class="decision">Decision</span>"#).count(), 2, "{html}");
        assert!(!render("If this is prose, no badge.").contains("decision"));
    }

    #[test]
    fn glossary_links_survive_sanitising_once_per_document() {
        let slo = model::Term {
            name: "SLO".into(),
            anchor: "term-slo".into(),
            html: String::new(),
            text: "Service level objective".into(),
        };
        let body = "## Summary\nThe SLO held.\n## Impact\nThe SLO again.\n";
        let rendered = render_sections(body, &sections(body, 1), &Terms::new(&[slo]));
        assert!(
            rendered[0].html.contains(r#"<a class="term" href="onboarding?section=term-slo" title="Service level objective" rel="noopener noreferrer">SLO</a>"#),
            "{}",
            rendered[0].html
        );
        assert!(!rendered[1].html.contains("<a"), "only the first use: {}", rendered[1].html);
    }

    #[test]
    fn anchors_are_unique() {
        let body = "## Notes\na\n## Notes\nb\n";
        let rendered = render_sections(body, &sections(body, 1), &Terms::default());
        assert_eq!(rendered[0].anchor, "notes");
        assert_ne!(rendered[1].anchor, "notes");
    }

    #[test]
    fn reads_a_table_with_lines() {
        let body = "intro\n\n| # | Item |\n|---|---|\n| 1 | Fix `x` |\n| 2 | Other |\n";
        let table = first_table(body, 0..body.len(), 5).unwrap();
        assert_eq!(table.line, 7);
        assert_eq!(table.header, ["#", "Item"]);
        assert_eq!(
            table.rows,
            [(9, vec!["1".to_owned(), "Fix x".to_owned()]), (10, vec!["2".to_owned(), "Other".to_owned()])]
        );
    }

    #[test]
    fn lists_top_level_items_only() {
        let body = "- 14:02 — a\n  - nested\n- 14:05 — b\n";
        let items = list_items(body, 0..body.len(), 1);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1], (3, "14:05 — b".to_owned()));
        assert!(items[0].1.starts_with("14:02 — a"));
    }
}
