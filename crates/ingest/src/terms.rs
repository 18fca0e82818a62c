//! Links the first use of each glossary term in a document to its definition on the
//! onboarding page, so a new hire reading a postmortem is one click from "what is MTTA?".

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use model::{Term, paths};

/// The glossary, ready to match. Acronyms (`SLO`) match only in capitals, so the word "sla"
/// in a URL-ish text does not; other terms match in any case. A trailing `s` (plurals) is
/// part of the match.
#[derive(Debug, Default)]
pub struct Terms {
    terms: Vec<Needle>,
}

#[derive(Debug)]
struct Needle {
    /// Lowercase unless `exact`.
    text: String,
    exact: bool,
    link: String,
}

impl Terms {
    pub fn new(glossary: &[Term]) -> Terms {
        let terms = glossary
            .iter()
            .map(|t| {
                let exact = t.name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
                Needle {
                    text: if exact { t.name.clone() } else { t.name.to_lowercase() },
                    exact,
                    // Relative, so it resolves against `<base href>` on a preview too.
                    link: format!(
                        r#"<a class="term" href="{}" title="{}">"#,
                        paths::relative(&paths::onboarding_section(&t.anchor)),
                        escape_attribute(&t.text)
                    ),
                }
            })
            .collect();
        Terms { terms }
    }

    /// What one document has linked so far: each term is linked once per document.
    pub fn first_uses(&self) -> FirstUses<'_> {
        FirstUses { terms: self, used: vec![false; self.terms.len()] }
    }
}

pub struct FirstUses<'a> {
    terms: &'a Terms,
    used: Vec<bool>,
}

impl FirstUses<'_> {
    /// Wraps first uses in text outside links, code and headings.
    pub fn link<'e>(&mut self, events: impl Iterator<Item = Event<'e>>) -> Vec<Event<'e>> {
        let mut out = Vec::new();
        let mut blocked = 0usize;
        for event in events {
            match &event {
                Event::Start(Tag::Link { .. } | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Image { .. }) => {
                    blocked += 1
                }
                Event::End(TagEnd::Link | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Image) => {
                    blocked = blocked.saturating_sub(1)
                }
                Event::Text(text) if blocked == 0 => {
                    self.split(text.clone(), &mut out);
                    continue;
                }
                _ => {}
            }
            out.push(event);
        }
        out
    }

    /// Pushes `text` with every first use in it linked.
    fn split<'e>(&mut self, text: CowStr<'e>, out: &mut Vec<Event<'e>>) {
        let mut rest: &str = &text;
        let mut pieces: Vec<Event<'e>> = Vec::new();
        while let Some((index, start, end)) = self.earliest(rest) {
            self.used[index] = true;
            if start > 0 {
                pieces.push(Event::Text(rest[..start].to_owned().into()));
            }
            pieces.push(Event::InlineHtml(self.terms.terms[index].link.clone().into()));
            pieces.push(Event::Text(rest[start..end].to_owned().into()));
            pieces.push(Event::InlineHtml("</a>".into()));
            rest = &rest[end..];
        }
        if pieces.is_empty() {
            out.push(Event::Text(text));
            return;
        }
        if !rest.is_empty() {
            pieces.push(Event::Text(rest.to_owned().into()));
        }
        out.extend(pieces);
    }

    /// The unused term found first in `text`: (term index, byte start, byte end).
    fn earliest(&self, text: &str) -> Option<(usize, usize, usize)> {
        // ASCII lowercasing keeps byte offsets, so positions carry over to `text`.
        let lower = text.to_ascii_lowercase();
        let mut best: Option<(usize, usize, usize)> = None;
        for (index, needle) in self.terms.terms.iter().enumerate().filter(|(i, _)| !self.used[*i]) {
            let haystack = if needle.exact { text } else { lower.as_str() };
            let found = haystack.match_indices(needle.text.as_str()).find_map(|(start, m)| {
                let end = start + m.len();
                let end = if haystack[end..].starts_with('s') { end + 1 } else { end };
                (boundary_before(text, start) && boundary_after(text, end)).then_some((start, end))
            });
            if let Some((start, end)) = found
                && best.is_none_or(|(_, s, e)| start < s || (start == s && end > e))
            {
                best = Some((index, start, end));
            }
        }
        best
    }
}

fn boundary_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(name: &str) -> Term {
        let anchor = format!("term-{}", crate::slug(name));
        Term { name: name.into(), anchor, html: String::new(), text: format!("About {name} \"quoted\"") }
    }

    fn linked(markdown: &str, names: &[&str]) -> String {
        let glossary: Vec<Term> = names.iter().map(|n| term(n)).collect();
        let terms = Terms::new(&glossary);
        let mut uses = terms.first_uses();
        let events = uses.link(pulldown_cmark::Parser::new(markdown));
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    }

    #[test]
    fn links_only_the_first_use_of_each_term() {
        let html = linked("Our SLO burned its error budget; the SLO held.", &["SLO", "Error budget"]);
        assert_eq!(html.matches("class=\"term\"").count(), 2, "{html}");
        assert!(html.contains(r#"<a class="term" href="onboarding?section=term-slo" title="About SLO &quot;quoted&quot;">SLO</a> burned"#), "{html}");
        assert!(html.contains(">error budget</a>;"), "{html}");
    }

    #[test]
    fn matches_whole_words_and_plurals_and_acronyms_only_in_capitals() {
        assert!(linked("Two SLOs were missed.", &["SLO"]).contains(">SLOs</a>"));
        assert!(!linked("The slo word and SLOW pages.", &["SLO"]).contains("term"));
        assert!(linked("Much Toil here.", &["Toil"]).contains(">Toil</a>"));
        assert!(!linked("A toilet.", &["Toil"]).contains("term"));
    }

    #[test]
    fn leaves_links_code_and_headings_alone() {
        let html = linked("# SLO\n\n[the SLO](x) and `SLO` then\n\n```\nSLO\n```\n\nfinally SLO", &["SLO"]);
        assert_eq!(html.matches("class=\"term\"").count(), 1, "{html}");
        assert!(html.contains("finally <a class=\"term\""), "{html}");
    }

    #[test]
    fn prefers_the_longer_term_at_the_same_place() {
        let html = linked("Lead time for changes fell.", &["Lead time", "Lead time for changes"]);
        assert!(html.contains(">Lead time for changes</a>"), "{html}");
    }
}
