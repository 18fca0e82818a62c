//! `content/onboarding.md`: the team's reading list, on-call progression and glossary. What
//! the file leaves out comes from firebreak's defaults (`defaults/onboarding.md`, read by
//! the same code), so a repo without the file still gets a useful page.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::{Component, Path};

use super::markdown::{self, RawSection};
use super::source_file::{LineIndex, SourceFile};
use super::terms::Terms;
use crate::diagnostics::{Diagnostic, Diagnostics};
use model::suggest::did_you_mean;
use model::{DocumentRef, Onboarding, Postmortem, ReadingEntry, Runbook, Stage, Task, Term};

const DEFAULTS: &str = include_str!("defaults/onboarding.md");
const DEFAULTS_LABEL: &str = "firebreak's default onboarding.md";

/// The onboarding page before its reading list is checked against the documents, which are
/// read after it (they need its glossary).
pub struct Draft {
    pub onboarding: Onboarding,
    entries: Vec<PendingEntry>,
    /// The folder links are relative to, from the repo root.
    dir: String,
}

struct PendingEntry {
    line: usize,
    /// As written.
    target: String,
    note_html: String,
}

/// What one file says; `None` for a section it does not have.
#[derive(Default)]
struct Parsed {
    title: Option<String>,
    sections: Vec<RawSection>,
    entries: Vec<PendingEntry>,
    progression: Option<Vec<Stage>>,
    glossary: Vec<Term>,
}

/// Reads `relative` (from `paths.onboarding`) in the repo, or the defaults alone when the
/// repo has no such file.
pub fn read(labels: &crate::Labels, relative: &str, diagnostics: &mut Diagnostics) -> Draft {
    let defaults = parse(DEFAULTS_LABEL, DEFAULTS, &mut Diagnostics::default());
    let dir = Path::new(relative).parent().map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
    let path = labels.root.join(relative);
    if !crate::source_file::is_present(&path) {
        return Draft { onboarding: merge(defaults, Parsed::default(), None, ""), entries: Vec::new(), dir };
    }
    let file = match SourceFile::read_in_repo(labels, &path, Some(super::MAX_DOCUMENT_BYTES)) {
        Ok(file) => file,
        Err(d) => {
            diagnostics.push(d);
            return Draft { onboarding: merge(defaults, Parsed::default(), None, ""), entries: Vec::new(), dir };
        }
    };
    let mut own = parse(&file.label, &file.text, diagnostics);
    let entries = std::mem::take(&mut own.entries);
    Draft { onboarding: merge(defaults, own, Some(&file.label), &file.text), entries, dir }
}

/// The repo's file over the defaults: its title, prose and progression when it has them,
/// and the default glossary with its own terms added (a term of the same name replaces the
/// default's definition).
fn merge(defaults: Parsed, own: Parsed, label: Option<&str>, text: &str) -> Onboarding {
    let mut glossary = own.glossary;
    for term in defaults.glossary {
        if !glossary.iter().any(|t| t.name.eq_ignore_ascii_case(&term.name)) {
            glossary.push(term);
        }
    }
    glossary.sort_by_key(|t| t.name.to_lowercase());
    Onboarding {
        title: own.title.or(defaults.title).unwrap_or_else(|| "Onboarding".into()),
        path: label.map(str::to_owned),
        sections: markdown::render_sections(text, &own.sections, &Terms::default()),
        reading_list: Vec::new(),
        progression: own.progression.or(defaults.progression).unwrap_or_default(),
        glossary,
    }
}

impl Draft {
    /// Resolves each reading-list link to a postmortem or runbook. `label_of` turns a path
    /// from the repo root into the label documents carry (their `path`).
    pub fn resolve(
        self,
        label_of: impl Fn(&str) -> String,
        postmortems: &[Postmortem],
        runbooks: &[Runbook],
        diagnostics: &mut Diagnostics,
    ) -> Onboarding {
        let mut onboarding = self.onboarding;
        let file = onboarding.path.clone().unwrap_or_default();
        for entry in self.entries {
            let Some(relative) = repo_path(&self.dir, &entry.target) else {
                diagnostics.push(Diagnostic::error(
                    &file,
                    entry.line,
                    1,
                    format!("`{}` leaves the repo; link to a postmortem or runbook file inside it", entry.target),
                ));
                continue;
            };
            let label = label_of(&relative);
            let document = postmortems
                .iter()
                .find(|p| p.path == label)
                .map(|p| DocumentRef::Postmortem(p.meta.id.clone()))
                .or_else(|| runbooks.iter().find(|r| r.path == label).map(|r| DocumentRef::Runbook(r.slug.clone())));
            match document {
                Some(document) => onboarding.reading_list.push(ReadingEntry { document, note_html: entry.note_html }),
                None => {
                    let known =
                        postmortems.iter().map(|p| p.path.as_str()).chain(runbooks.iter().map(|r| r.path.as_str()));
                    let hint = did_you_mean(&label, known);
                    diagnostics.push(Diagnostic::error(
                        &file,
                        entry.line,
                        1,
                        format!(
                            "the reading list names `{}` ({relative} in the repo), which is not a postmortem or runbook{hint}",
                            entry.target
                        ),
                    ));
                }
            }
        }
        onboarding
    }
}

/// `target` (relative to `dir`, or to the repo root when it starts with `/`, as GitHub reads
/// links) as a path from the repo root; `None` when it climbs out of the repo.
fn repo_path(dir: &str, target: &str) -> Option<String> {
    let target = target.split(['#', '?']).next().unwrap_or(target);
    let joined = match target.strip_prefix('/') {
        Some(rooted) => rooted.to_owned(),
        None if dir.is_empty() => target.to_owned(),
        None => format!("{dir}/{target}"),
    };
    let mut parts: Vec<String> = Vec::new();
    for component in Path::new(&joined).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            _ => {}
        }
    }
    Some(parts.join("/"))
}

fn parse(label: &str, text: &str, diagnostics: &mut Diagnostics) -> Parsed {
    let mut parsed = Parsed { title: title(text), ..Parsed::default() };
    let index = LineIndex::new(text);
    for section in markdown::sections(text, 1) {
        let blocks = blocks(text, section.content.clone(), &index);
        match heading_key(&section.heading).as_str() {
            "reading list" => parsed.entries = reading_list(label, &section, blocks, diagnostics),
            "on call progression" => parsed.progression = Some(progression(label, &section, blocks, diagnostics)),
            "glossary" => parsed.glossary = glossary(label, &section, blocks, diagnostics),
            _ => parsed.sections.push(section),
        }
    }
    parsed
}

fn title(text: &str) -> Option<String> {
    let mut heading: Option<String> = None;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) if heading.is_some() => heading.as_mut()?.push_str(&t),
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => return heading.map(|h| h.trim().to_owned()),
            _ => {}
        }
    }
    None
}

fn heading_key(heading: &str) -> String {
    heading.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// What a list section holds, block by block.
enum Block {
    Heading {
        line: usize,
        text: String,
    },
    Item {
        line: usize,
        text: String,
    },
    /// Anything else: a paragraph, a table, a code block.
    Other {
        line: usize,
    },
}

fn blocks(text: &str, range: Range<usize>, index: &LineIndex) -> Vec<Block> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut heading: Option<(usize, String)> = None;
    for (event, span) in Parser::new_ext(&text[range.clone()], markdown::options()).into_offset_iter() {
        let start = range.start + span.start;
        match event {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Item) if depth == 1 => {
                let source = markdown::strip_marker(&text[start..range.start + span.end]).trim_end();
                // A task-list box (`- [ ] Shadow…`): progress is kept per reader, not in the file.
                let source = ["[ ]", "[x]", "[X]"].iter().find_map(|b| source.strip_prefix(b)).unwrap_or(source);
                found.push(Block::Item { line: index.line(start), text: source.trim().to_owned() });
            }
            Event::Start(Tag::Heading { .. }) if depth == 0 => heading = Some((index.line(start), String::new())),
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t)
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((line, text)) = heading.take() {
                    found.push(Block::Heading { line, text: text.trim().to_owned() });
                }
            }
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_) | Tag::Table(_) | Tag::BlockQuote(_) | Tag::HtmlBlock)
            | Event::Rule
                if depth == 0 && heading.is_none() =>
            {
                found.push(Block::Other { line: index.line(start) })
            }
            _ => {}
        }
    }
    found
}

fn only_a_list(label: &str, section: &RawSection, line: usize) -> Diagnostic {
    Diagnostic::error(
        label,
        line,
        1,
        format!(
            "`## {}` holds a list only; put other text in a section of its own (it is shown on the page)",
            section.heading
        ),
    )
}

fn reading_list(
    label: &str,
    section: &RawSection,
    blocks: Vec<Block>,
    diagnostics: &mut Diagnostics,
) -> Vec<PendingEntry> {
    let mut entries = Vec::new();
    for block in blocks {
        match block {
            Block::Item { line, text } => match leading_link(&text) {
                Some((target, rest)) => entries.push(PendingEntry {
                    line,
                    target,
                    note_html: markdown::render_inline(rest.trim_start_matches([' ', '—', '–', '-', ':']).trim()),
                }),
                None => diagnostics.push(Diagnostic::error(
                    label,
                    line,
                    1,
                    "a reading-list entry starts with a link to a postmortem or runbook file, then an optional note: `[Ledger disk full](../postmortems/2026-08-22-ledger-disk-full.md) — why to read it`",
                )),
            },
            Block::Heading { line, .. } | Block::Other { line } => diagnostics.push(only_a_list(label, section, line)),
        }
    }
    entries
}

/// `[text](target) rest` → (target, rest).
fn leading_link(item: &str) -> Option<(String, &str)> {
    let mut events =
        Parser::new(item).into_offset_iter().skip_while(|(e, _)| matches!(e, Event::Start(Tag::Paragraph)));
    let (Event::Start(Tag::Link { dest_url, .. }), span) = events.next()? else { return None };
    if span.start != 0 {
        return None;
    }
    Some((dest_url.into_string(), &item[span.end..]))
}

fn progression(label: &str, section: &RawSection, blocks: Vec<Block>, diagnostics: &mut Diagnostics) -> Vec<Stage> {
    let mut stages: Vec<Stage> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. } => {
                stages.push(Stage { anchor: format!("stage-{}", markdown::slug(&text)), heading: text, tasks: Vec::new() })
            }
            Block::Item { line, text } => match stages.last_mut() {
                Some(stage) => stage.tasks.push(Task {
                    key: format!("{}/{}", stage.anchor, markdown::slug(&text).chars().take(60).collect::<String>()),
                    html: markdown::render_inline(&text),
                    text: markdown::plain_text(&text),
                }),
                None => diagnostics.push(Diagnostic::error(
                    label,
                    line,
                    1,
                    "a progression task belongs under a stage heading such as `### Week 1 — Architecture and dashboards`",
                )),
            },
            Block::Other { line } => diagnostics.push(only_a_list(label, section, line)),
        }
    }
    stages
}

fn glossary(label: &str, section: &RawSection, blocks: Vec<Block>, diagnostics: &mut Diagnostics) -> Vec<Term> {
    let mut terms = Vec::new();
    for block in blocks {
        match block {
            Block::Item { line, text } => {
                let parsed = text.strip_prefix("**").and_then(|t| t.split_once("**"));
                match parsed {
                    Some((name, definition)) if !name.trim().is_empty() => {
                        let definition = definition.trim_start_matches([' ', '—', '–', '-', ':']).trim();
                        terms.push(Term {
                            name: name.trim().to_owned(),
                            anchor: format!("term-{}", markdown::slug(name)),
                            html: markdown::render_inline(definition),
                            text: markdown::plain_text(definition),
                        });
                    }
                    _ => diagnostics.push(Diagnostic::error(
                        label,
                        line,
                        1,
                        "a glossary entry is `- **Term** — definition`",
                    )),
                }
            }
            Block::Heading { line, .. } | Block::Other { line } => diagnostics.push(only_a_list(label, section, line)),
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_read_cleanly() {
        let mut d = Diagnostics::default();
        let parsed = parse(DEFAULTS_LABEL, DEFAULTS, &mut d);
        assert!(d.is_empty(), "{:?}", d.sorted());
        let stages = parsed.progression.unwrap();
        assert_eq!(stages.len(), 4);
        assert!(stages[1].heading.contains("Shadow"));
        assert!(stages.iter().all(|s| !s.tasks.is_empty()));
        for needed in
            ["SLI", "SLO", "SLA", "Error budget", "MTTR", "MTTA", "MTBF", "Toil", "Incident commander", "Blameless"]
        {
            assert!(parsed.glossary.iter().any(|t| t.name == needed), "{needed}");
        }
    }

    const OWN: &str = "# Welcome to payments on-call\n\nStart here.\n\n## Reading list\n\n1. [Disk full](../postmortems/a.md) — alert on growth, not level.\n2. [Rollback](runbooks/rollback.md)\n3. [Gone](../postmortems/gone.md)\n4. Just text\n\n## Glossary\n\n- **SLO** — Our own words.\n- **Ledger** — The order book.\n- no bold\n\n## House rules\n\nBe kind.\n";

    fn documents() -> (Vec<Postmortem>, Vec<Runbook>) {
        let terms = Terms::default();
        let mut d = Diagnostics::default();
        let pm = super::super::postmortem::parse(
            "postmortems/a.md",
            "a",
            "---\ntitle: A\ndate: 2026-01-02\nseverity: SEV2\n---\n## Summary\nx\n",
            &terms,
            &mut d,
        );
        let rb = super::super::runbook::parse(
            "content/runbooks/rollback.md",
            "rollback",
            "---\ntitle: R\nservice: s\nowner: o\nlast_reviewed: 2026-01-01\n---\n## Overview\nx\n",
            &terms,
            &mut d,
        );
        (pm.into_iter().collect(), rb.into_iter().collect())
    }

    #[test]
    fn reads_the_file_over_the_defaults_and_resolves_links() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/onboarding.md"), OWN).unwrap();
        let mut d = Diagnostics::default();
        let draft = read(&crate::Labels { root: dir.path() }, "content/onboarding.md", &mut d);
        let (postmortems, runbooks) = documents();
        let onboarding = draft.resolve(str::to_owned, &postmortems, &runbooks, &mut d);

        assert_eq!(onboarding.title, "Welcome to payments on-call");
        assert_eq!(
            onboarding.reading_list.iter().map(|e| e.document.clone()).collect::<Vec<_>>(),
            [DocumentRef::Postmortem("a".into()), DocumentRef::Runbook("rollback".into())]
        );
        assert_eq!(onboarding.reading_list[0].note_html, "alert on growth, not level.");
        assert_eq!(onboarding.progression.len(), 4, "the default progression, as the file has none");
        let slo = onboarding.glossary.iter().find(|t| t.name == "SLO").unwrap();
        assert_eq!(slo.text, "Our own words.", "the file's definition wins");
        assert!(onboarding.glossary.iter().any(|t| t.name == "Ledger"));
        assert!(onboarding.glossary.iter().any(|t| t.name == "MTTA"), "defaults kept");
        let headings: Vec<&str> = onboarding.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["Introduction", "House rules"]);

        let found: Vec<(usize, String)> = d.sorted().iter().map(|d| (d.line, d.message.clone())).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].0, 9);
        assert!(found[0].1.contains("`../postmortems/gone.md` (postmortems/gone.md in the repo)"), "{}", found[0].1);
        assert_eq!(found[1].0, 10);
        assert!(found[1].1.starts_with("a reading-list entry starts with a link"), "{}", found[1].1);
        assert_eq!(found[2].0, 16);
    }

    #[test]
    fn paths_resolve_as_github_reads_them() {
        assert_eq!(repo_path("content", "../postmortems/a.md#impact").as_deref(), Some("postmortems/a.md"));
        assert_eq!(repo_path("content", "/postmortems/a.md").as_deref(), Some("postmortems/a.md"));
        assert_eq!(repo_path("", "./runbooks/x.md").as_deref(), Some("runbooks/x.md"));
        assert_eq!(repo_path("content", "../../etc/passwd"), None);
    }

    #[test]
    fn prose_inside_a_list_section_is_an_error_not_lost() {
        let mut d = Diagnostics::default();
        parse("o.md", "## On-call progression\n\nSome words.\n\n- early task\n\n### Week 1\n- ok\n", &mut d);
        let lines: Vec<usize> = d.sorted().iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 5]);
    }
}
