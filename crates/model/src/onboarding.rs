use serde::{Deserialize, Serialize};

use super::Section;

/// The `/onboarding` page: `content/onboarding.md` read with firebreak's defaults for what
/// it leaves out (the on-call progression and the standard glossary).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Onboarding {
    pub title: String,
    /// The source file, when the repo has one.
    pub path: Option<String>,
    /// Prose: the text before the first `##` and any section firebreak does not read.
    pub sections: Vec<Section>,
    /// The team's curated list, in its order.
    pub reading_list: Vec<ReadingEntry>,
    /// Week by week, from reading to primary on-call.
    pub progression: Vec<Stage>,
    /// By name.
    pub glossary: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadingEntry {
    pub document: DocumentRef,
    /// Why to read it, as the list entry says (sanitised inline HTML); may be empty.
    pub note_html: String,
}

/// A postmortem or runbook of the repo, by the id its page is found at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum DocumentRef {
    Postmortem(String),
    Runbook(String),
}

impl DocumentRef {
    /// The key reading progress is stored under in the browser.
    pub fn progress_key(&self) -> String {
        match self {
            DocumentRef::Postmortem(id) => format!("postmortem:{id}"),
            DocumentRef::Runbook(slug) => format!("runbook:{slug}"),
        }
    }
}

/// One step of the on-call progression (`### Week 1 — Architecture and dashboards`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub heading: String,
    pub anchor: String,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Stable while the task's wording is: `<stage anchor>/<slug of the text>`.
    pub key: String,
    pub html: String,
    /// Plain text, for screen readers' name of its checkbox.
    pub text: String,
}

/// A glossary entry; pages link the first use of `name` to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub name: String,
    /// The element id on the onboarding page, `term-<slug>`.
    pub anchor: String,
    pub html: String,
    /// The definition as plain text, shown as the link's tooltip.
    pub text: String,
}
