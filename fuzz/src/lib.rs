//! What each fuzz target does with one input, and where its seeds come from. The AFL++
//! binaries (`fuzz/afl`) and the replay test (`tests/replay.rs`) call these same
//! functions, so a target that stops compiling or panicking on its corpus fails CI.

mod seeds;

pub use seeds::{Seed, documented_files, seeds};

use ingest::diagnostics::Diagnostic;
use ingest::one_file;
use model::{Config, Term};

/// One fuzz target: its name (the binary's), what it runs, and which files seed it.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]) -> Vec<Diagnostic>,
    /// Folders under the repo root whose files (these extensions, searched recursively)
    /// are its seeds; `tests/hostile` first, then the example repo and fixtures.
    pub seed_folders: &'static [&'static str],
    pub seed_extensions: &'static [&'static str],
}

const DOCUMENT_FOLDERS: &[&str] = &["tests/hostile", "postmortems", "content/runbooks", "tests/fixtures"];
const METRICS_FOLDERS: &[&str] = &["tests/hostile", "content/metrics", "tests/fixtures"];

pub const TARGETS: [Target; 5] = [
    Target { name: "front_matter", run: front_matter, seed_folders: DOCUMENT_FOLDERS, seed_extensions: &["md"] },
    Target { name: "markdown", run: markdown, seed_folders: DOCUMENT_FOLDERS, seed_extensions: &["md"] },
    Target { name: "exports", run: exports, seed_folders: METRICS_FOLDERS, seed_extensions: &["csv", "jsonl"] },
    Target { name: "prometheus", run: prometheus, seed_folders: METRICS_FOLDERS, seed_extensions: &["json"] },
    Target {
        name: "openslo",
        run: openslo,
        seed_folders: &["tests/hostile", "content/slos", "tests/fixtures"],
        seed_extensions: &["yaml", "yml"],
    },
];

/// The text a file of these bytes is read as. Invalid UTF-8 is refused before any parser
/// sees it (the hostile corpus's `not-utf8.md` holds the reader to that), so the targets
/// spend no time on it; a byte-order mark is dropped as the reader drops it.
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok().map(|text| text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The YAML front matter, as a postmortem's and as a runbook's.
pub fn front_matter(data: &[u8]) -> Vec<Diagnostic> {
    let Some(text) = text(data) else { return Vec::new() };
    one_file::front_matter("postmortems/fuzz.md", text).sorted()
}

/// A whole document into the model, as a postmortem and as a runbook, with glossary terms
/// to link (an acronym and a phrase match differently).
pub fn markdown(data: &[u8]) -> Vec<Diagnostic> {
    let Some(text) = text(data) else { return Vec::new() };
    let glossary = [term("SLO", "service level objective"), term("error budget", "what may fail")];
    let (_, mut found) = one_file::postmortem("postmortems/fuzz.md", "fuzz", text, &glossary);
    let (_, runbook) = one_file::runbook("content/runbooks/fuzz.md", "fuzz", text, &glossary);
    found.extend(runbook);
    found.sorted()
}

fn term(name: &str, text: &str) -> Term {
    let anchor = format!("term-{}", ingest::slug(name));
    Term { name: name.to_owned(), anchor, html: format!("<p>{text}</p>"), text: text.to_owned() }
}

/// The CSV and JSON Lines exports that share one table reader.
const TABLE_EXPORTS: [&str; 12] = [
    "deployments.csv",
    "deployments.jsonl",
    "changes.csv",
    "changes.jsonl",
    "incidents.csv",
    "incidents.jsonl",
    "pages.csv",
    "pages.jsonl",
    "oncall.csv",
    "oncall.jsonl",
    "series/fuzz.csv",
    "series/fuzz.jsonl",
];

/// The bytes as every table export: each reads its own columns out of the same rows.
pub fn exports(data: &[u8]) -> Vec<Diagnostic> {
    let Some(text) = text(data) else { return Vec::new() };
    TABLE_EXPORTS.iter().flat_map(|relative| metrics_export(relative, text)).collect()
}

/// A Prometheus `query_range` response saved as a capacity series.
pub fn prometheus(data: &[u8]) -> Vec<Diagnostic> {
    let Some(text) = text(data) else { return Vec::new() };
    metrics_export("series/fuzz.json", text)
}

fn metrics_export(relative: &str, text: &str) -> Vec<Diagnostic> {
    let (_, found) = one_file::metrics_export(relative, &format!("content/metrics/{relative}"), text);
    found.sorted()
}

/// An OpenSLO file as the SLO folder's only one, against a catalog of one service.
pub fn openslo(data: &[u8]) -> Vec<Diagnostic> {
    let Some(text) = text(data) else { return Vec::new() };
    let mut config = Config::default();
    let checkout = model::Service { team: "payments".to_owned(), tier: 1, description: String::new() };
    config.services.insert("checkout".to_owned(), checkout);
    let (_, found) = one_file::slos("content/slos/fuzz.yaml", text, &config, "firebreak.toml");
    found.sorted()
}
