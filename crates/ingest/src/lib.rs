//! Reading a source repo into the [`Repo`] model, collecting every problem on the way.
//!
//! Every file under the configured directories is either read into the model or reported:
//! nothing is skipped silently.

mod action_items;
mod alerts;
mod config;
pub mod diagnostics;
mod drill;
mod exports;
mod facts;
mod front_matter;
mod markdown;
mod onboarding;
mod oncall;
pub mod one_file;
mod openslo;
mod postmortem;
mod prometheus;
mod query_range;
pub mod rule_ids;
mod runbook;
mod sli;
mod slo;
mod source_file;
mod table;
mod terms;
#[cfg(test)]
mod test_repo;
mod timeline;
mod yaml_depth;
mod yaml_keys;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::rule_ids::RuleId;
pub use config::FILE_NAME as CONFIG_FILE;
pub use markdown::slug;
use model::suggest::did_you_mean;
use model::{Config, Metrics, Repo, Series};
pub use source_file::MAX_DOCUMENT_BYTES;

/// Loads the repo at `root`. Documents with errors are left out of the returned repo, and
/// each of their errors is in the diagnostics, so a caller that refuses to build on errors
/// never publishes a site with a document missing.
pub fn load(root: &Path) -> (Repo, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let labels = Labels { root };
    let Some(config) = config::load(root, labels.of(&root.join(CONFIG_FILE)), &mut diagnostics) else {
        return (Repo::default(), diagnostics);
    };
    // The onboarding file first: documents link the first use of its glossary's terms.
    let draft = onboarding::read(&labels, &config.paths.onboarding, &mut diagnostics);
    let terms = terms::Terms::new(&draft.onboarding.glossary);
    let postmortems = load_documents(&labels, &config.paths.postmortems, &terms, &mut diagnostics, postmortem::parse);
    let runbooks = load_documents(&labels, &config.paths.runbooks, &terms, &mut diagnostics, runbook::parse);
    let drills = load_documents(&labels, &config.paths.drills, &terms, &mut diagnostics, drill::parse);
    let onboarding = draft.resolve(|path| labels.of(&root.join(path)), &postmortems, &runbooks, &mut diagnostics);
    let metrics = load_metrics(&labels, &root.join(&config.paths.metrics), &mut diagnostics);
    diagnostics.extend(capacity_without_series(&config, &metrics, &labels.of(&root.join(CONFIG_FILE))));
    let alerts = alerts::load(&root.join(&config.paths.alerts), &labels, &mut diagnostics);
    let config_label = labels.of(&root.join(CONFIG_FILE));
    let definitions = slo::load(&root.join(&config.paths.slos), &labels, &config, &config_label, &mut diagnostics);
    let metrics_dir = root.join(&config.paths.metrics);
    let sli = sli::read(&metrics_dir, &labels, &definitions.plans, &definitions.named_exports, &mut diagnostics);
    let slos = definitions.slos;
    (Repo { config, postmortems, runbooks, drills, metrics, alerts, onboarding, slos, sli }, diagnostics)
}

/// Paths in diagnostics are the repo root as the user gave it joined with the file's path,
/// so they can be clicked in a terminal and match GitHub annotations when run from the root.
struct Labels<'a> {
    root: &'a Path,
}

impl Labels<'_> {
    fn of(&self, path: &Path) -> String {
        let shown = if self.root == Path::new(".") { path.strip_prefix(self.root).unwrap_or(path) } else { path };
        shown.to_string_lossy().replace('\\', "/")
    }
}

/// The files under `dir`, sorted, hidden ones left out. A symlink (`dir` itself, or a folder
/// on its way from the root, included) is reported with its target and not followed: it may
/// lead out of the repo, into files that would be published (`../../etc/passwd`), or round
/// in a loop.
fn files_under(labels: &Labels, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let not_followed =
        |link: &Path| Diagnostic::warning(labels.of(link), 1, 1, source_file::symlink_not_followed(link));
    if let Some(link) = source_file::symlink_on_the_way(labels.root, dir) {
        // Every folder under one symlinked folder (`content/`) finds it: it is reported once.
        let warning = not_followed(&link);
        if !diagnostics.iter().any(|d| *d == warning) {
            diagnostics.push(warning);
        }
        return Vec::new();
    }
    let mut files = Vec::new();
    let entries = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok);
    for entry in entries {
        if entry.path_is_symlink() {
            diagnostics.push(not_followed(entry.path()));
        } else if entry.file_type().is_file() {
            files.push(entry.into_path());
        }
    }
    files.sort();
    files
}

type DocumentParser<T> = fn(&str, &str, &str, &terms::Terms, &mut Diagnostics) -> Option<T>;

/// Reads every document under `dir`, in parallel: parsing and sanitising is the bulk of a
/// build. Results keep the sorted file order, so output is the same on every run.
fn load_documents<T: Send>(
    labels: &Labels,
    dir: &str,
    terms: &terms::Terms,
    diagnostics: &mut Diagnostics,
    parse: DocumentParser<T>,
) -> Vec<T> {
    use rayon::prelude::*;
    let files = files_under(labels, &labels.root.join(dir), diagnostics);
    let results: Vec<(Option<T>, Diagnostics)> = files
        .par_iter()
        .map(|path| {
            let mut found = Diagnostics::default();
            let label = labels.of(path);
            if path.extension().and_then(|e| e.to_str()) != Some("md") {
                found.push(Diagnostic::error(
                    &label,
                    1,
                    1,
                    format!("`{dir}/` holds Markdown documents only; move this file elsewhere or rename it to .md"),
                ));
                return (None, found);
            }
            let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let document = match source_file::SourceFile::read(path, label, Some(MAX_DOCUMENT_BYTES)) {
                Ok(file) => parse(&file.label, &id, &file.text, terms, &mut found),
                Err(d) => {
                    found.push(d);
                    None
                }
            };
            (document, found)
        })
        .collect();
    let mut documents = Vec::with_capacity(results.len());
    for (document, found) in results {
        documents.extend(document);
        diagnostics.extend(found);
    }
    documents
}

/// The export each file name stands for.
enum Export {
    Deployments(table::Format),
    Changes(table::Format),
    Incidents(table::Format),
    Pages(table::Format),
    Shifts(table::Format),
    Series(String, table::Format),
    /// A Prometheus `query_range` response: one series per label set.
    Prometheus(String),
}

/// The export at `relative` (a path under the metrics folder), if it is one.
fn export_of(relative: &str) -> Option<Export> {
    let (stem, extension) = relative.rsplit_once('.')?;
    let series = stem.strip_prefix("series/").filter(|name| !name.contains('/')).map(str::to_owned);
    if extension == "json" {
        return series.map(Export::Prometheus);
    }
    let format = table::Format::of(relative)?;
    Some(match stem {
        "deployments" => Export::Deployments(format),
        "changes" => Export::Changes(format),
        "incidents" => Export::Incidents(format),
        "pages" => Export::Pages(format),
        "oncall" => Export::Shifts(format),
        _ => Export::Series(series?, format),
    })
}

fn load_metrics(labels: &Labels, dir: &Path, diagnostics: &mut Diagnostics) -> Metrics {
    let mut metrics = Metrics::default();
    for path in files_under(labels, dir, diagnostics) {
        let label = labels.of(&path);
        let relative = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        // SLI exports are read for the SLOs that name them (`sli::read`).
        if relative.starts_with(sli::FOLDER) {
            continue;
        }
        let Some(export) = export_of(&relative) else {
            diagnostics.push(unknown_export(&label));
            continue;
        };
        let file = match source_file::SourceFile::read(&path, label, None) {
            Ok(file) => file,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        read_export(&mut metrics, &relative, export, &file.label, &file.text, diagnostics);
    }
    metrics
}

/// Reads one export's text into `metrics`, counting the rows that problems left out.
fn read_export(
    metrics: &mut Metrics,
    relative: &str,
    export: Export,
    label: &str,
    text: &str,
    diagnostics: &mut Diagnostics,
) {
    let before = diagnostics.len();
    // A JSON export is often one line: there the column tells its samples apart.
    let by_column = matches!(export, Export::Prometheus(_));
    match export {
        Export::Deployments(format) => {
            let rows = table::read(label, text, format, &exports::DEPLOYMENT_COLUMNS, diagnostics);
            metrics.deployments.extend(exports::deployments(label, &rows, diagnostics));
        }
        Export::Changes(format) => {
            let rows = table::read(label, text, format, &exports::CHANGE_COLUMNS, diagnostics);
            metrics.changes.extend(exports::changes(label, &rows, diagnostics));
        }
        Export::Incidents(format) => {
            let rows = table::read(label, text, format, &exports::INCIDENT_COLUMNS, diagnostics);
            metrics.incidents.extend(exports::incidents(label, &rows, diagnostics));
        }
        Export::Pages(format) => {
            let rows = table::read(label, text, format, &oncall::PAGE_COLUMNS, diagnostics);
            metrics.pages.extend(oncall::pages(label, &rows, diagnostics));
        }
        Export::Shifts(format) => {
            let rows = table::read(label, text, format, &oncall::SHIFT_COLUMNS, diagnostics);
            metrics.shifts.extend(oncall::shifts(label, &rows, diagnostics));
        }
        series => metrics.series.extend(read_series(series, label, text, diagnostics)),
    }
    // Every row a problem left out is counted, once however many problems it had.
    let mut lines: Vec<(usize, usize)> = diagnostics
        .iter()
        .skip(before)
        .filter(|d| d.rule == Some(RuleId::ExportRow))
        .map(|d| (d.line, if by_column { d.col } else { 0 }))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    if !lines.is_empty() {
        *metrics.excluded.entry(format!("unreadable rows of {relative}")).or_insert(0) += lines.len();
    }
}

/// `[capacity.<name>]` settings that no series (nor series file) has: a typo would leave a
/// series without its limit, silently.
fn capacity_without_series(config: &Config, metrics: &Metrics, label: &str) -> Diagnostics {
    let mut names: Vec<String> = metrics.series.iter().map(|s| s.name.clone()).collect();
    names.extend(metrics.series.iter().filter_map(|s| s.file_stem().map(str::to_owned)));
    let known: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut found = Diagnostics::default();
    for name in config.capacity.keys().filter(|n| !known.contains(&n.as_str())) {
        let hint = did_you_mean(name, known.iter().copied());
        let line = config.capacity_lines.get(name).copied().unwrap_or(1);
        found.push(
            Diagnostic::error(label, line, 1, format!("[capacity.{name}] names no series of the metrics folder{hint}"))
                .rule(RuleId::Link),
        );
    }
    found
}

/// The series of a series export (other exports have none).
fn read_series(export: Export, label: &str, text: &str, diagnostics: &mut Diagnostics) -> Vec<Series> {
    let before = diagnostics.len();
    match export {
        Export::Series(name, format) => {
            let rows = table::read(label, text, format, &exports::SERIES_COLUMNS, diagnostics);
            let samples = exports::series_samples(label, &rows, diagnostics);
            exports::series_warnings(label, "", "row", &samples, diagnostics);
            let problems = exports::problems(diagnostics.iter().skip(before), "; the row is left out");
            let points = samples.into_iter().map(|s| s.point).collect();
            vec![Series { name, points, path: label.to_owned(), problems }]
        }
        Export::Prometheus(name) => prometheus::read(&name, label, text, diagnostics),
        Export::Deployments(_) | Export::Changes(_) | Export::Incidents(_) | Export::Pages(_) | Export::Shifts(_) => {
            Vec::new()
        }
    }
}

/// One series file on its own, outside a repo (`firebreak forecast --series FILE`): a
/// `timestamp,value` CSV (or JSON Lines) or a Prometheus export, named after the file.
pub fn read_series_file(path: &Path) -> (Vec<Series>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let label = path.to_string_lossy().replace('\\', "/");
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let Some(export) = export_of(&format!("series/{name}.{}", path.extension().unwrap_or_default().to_string_lossy()))
    else {
        diagnostics.push(Diagnostic::error(
            &label,
            1,
            1,
            "a series is a .csv or .jsonl of `timestamp,value`, or a Prometheus query_range .json",
        ));
        return (Vec::new(), diagnostics);
    };
    let series = match source_file::SourceFile::read(path, label, None) {
        Ok(file) => read_series(export, &file.label, &file.text, &mut diagnostics),
        Err(d) => {
            diagnostics.push(d);
            Vec::new()
        }
    };
    (series, diagnostics)
}

fn unknown_export(label: &str) -> Diagnostic {
    Diagnostic::error(
        label,
        1,
        1,
        "not a known metrics export: expected deployments, changes, incidents, pages or oncall (.csv or .jsonl), \
         series/<name>.csv, \
         or series/<name>.json (a Prometheus query_range response)",
    )
}

/// The config alone, for commands that only need paths (such as `new`).
pub fn load_config(root: &Path) -> Result<Config, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let labels = Labels { root };
    config::load(root, labels.of(&root.join(CONFIG_FILE)), &mut diagnostics).ok_or(diagnostics)
}
