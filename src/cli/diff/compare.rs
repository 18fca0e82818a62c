//! What a change does to the site: documents added, changed and removed, `check` findings
//! it brings or fixes, and the headline figures before and after. Pure: both repos are
//! loaded by the caller.

use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use analytics::Report;
use ingest::diagnostics::{Diagnostic, Diagnostics, Level};
use model::Repo;
use views::headline::{self, Compared};
use views::paths;

/// One side of the comparison: a loaded repo, its findings and where it was read from.
pub struct Side<'a> {
    pub repo: &'a Repo,
    pub diagnostics: &'a Diagnostics,
    pub root: &'a Path,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    New,
    Changed,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocumentChange {
    pub change: Change,
    /// "postmortem" or "runbook".
    pub kind: &'static str,
    pub title: String,
    /// From the repo root.
    pub path: String,
    /// Where the site shows it (`/postmortems/<id>`); none once removed.
    pub page: Option<String>,
}

pub struct Comparison {
    pub as_of: NaiveDate,
    pub documents: Vec<DocumentChange>,
    /// Findings of the change that the base did not have (lines may move: a finding is the
    /// same when its file, level, rule and message are).
    pub new_findings: Vec<Diagnostic>,
    pub fixed_findings: usize,
    /// Whether the change stops `firebreak build`.
    pub blocks_build: bool,
    /// The headline figures before and after.
    pub headlines: Vec<Compared>,
    /// The headline window, in days.
    pub window_days: i64,
}

pub fn compare(before: &Side, after: &Side, as_of: NaiveDate) -> Comparison {
    let mut documents = documents(before, after);
    documents.sort();
    let key =
        |d: &Diagnostic, root: &Path| (from_root(&d.path, root), d.level == Level::Error, d.rule, d.message.clone());
    let old: BTreeSet<_> = before.diagnostics.iter().map(|d| key(d, before.root)).collect();
    let new: BTreeSet<_> = after.diagnostics.iter().map(|d| key(d, after.root)).collect();
    let new_findings = after
        .diagnostics
        .clone()
        .sorted()
        .into_iter()
        .filter(|d| !old.contains(&key(d, after.root)))
        .map(|d| Diagnostic { path: from_root(&d.path, after.root), ..d })
        .collect();
    let (report_before, report_after) = (report(before.repo, as_of), report(after.repo, as_of));
    let headlines = |r: &Report| headline::all(&r.dora.current, &r.action_items.stats);
    Comparison {
        as_of,
        documents,
        new_findings,
        fixed_findings: old.difference(&new).count(),
        blocks_build: after.diagnostics.blocks_build(),
        headlines: headline::compare(&headlines(&report_before), &headlines(&report_after)),
        window_days: report_after.dora.filter.window.days(),
    }
}

fn report(repo: &Repo, as_of: NaiveDate) -> Report {
    Report::compute(&compile::site_of(repo), as_of)
}

/// (kind, id) → (title, path, source, page) of every document on one side.
type Documents = BTreeMap<(&'static str, String), (String, String, String, String)>;

fn documents_of(side: &Side) -> Documents {
    let postmortems = side.repo.postmortems.iter().map(|p| {
        let page = paths::postmortem(&p.meta.id);
        (
            ("postmortem", p.meta.id.clone()),
            (p.meta.title.clone(), from_root(&p.path, side.root), p.source.clone(), page),
        )
    });
    let runbooks = side.repo.runbooks.iter().map(|r| {
        let page = paths::runbook(&r.slug);
        (("runbook", r.slug.clone()), (r.meta.title.clone(), from_root(&r.path, side.root), r.source.clone(), page))
    });
    postmortems.chain(runbooks).collect()
}

fn documents(before: &Side, after: &Side) -> Vec<DocumentChange> {
    let (old, new) = (documents_of(before), documents_of(after));
    let mut changes = Vec::new();
    for ((kind, id), (title, path, source, page)) in &new {
        let change = match old.get(&(*kind, id.clone())) {
            None => Change::New,
            Some((_, _, old_source, _)) if old_source != source => Change::Changed,
            Some(_) => continue,
        };
        changes.push(DocumentChange {
            change,
            kind,
            title: title.clone(),
            path: path.clone(),
            page: Some(page.clone()),
        });
    }
    for ((kind, id), (title, path, _, _)) in &old {
        if !new.contains_key(&(*kind, id.clone())) {
            changes.push(DocumentChange {
                change: Change::Removed,
                kind,
                title: title.clone(),
                path: path.clone(),
                page: None,
            });
        }
    }
    changes
}

/// A label (a diagnostic's or document's path) as read from the repo root.
fn from_root(label: &str, root: &Path) -> String {
    let prefix = format!("{}/", root.display());
    label.strip_prefix(&prefix).unwrap_or(label).to_owned()
}
