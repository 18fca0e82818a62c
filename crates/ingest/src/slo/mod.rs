//! Service level objectives from `content/slos/*.yaml` (OpenSLO v1; docs/formats.md).
//! Every problem is a `slo-definition` finding at its line and column, and leaves its SLO
//! out; the other SLOs still load.

mod alerts;
mod convert;
mod documents;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::openslo::SliSpec;
use crate::rule_ids::RuleId;
use crate::sli::{Place, SliPlan};
use crate::source_file::SourceFile;
use documents::Library;
use model::suggest::did_you_mean;
use model::{Config, Slo};

/// The SLOs that read, how to read each one's events, and every export any definition
/// names (the SLOs left out included).
#[derive(Default)]
pub struct Definitions {
    pub slos: Vec<Slo>,
    pub plans: Vec<SliPlan>,
    pub named_exports: BTreeSet<String>,
}

pub fn load(
    dir: &Path,
    labels: &crate::Labels,
    config: &Config,
    config_label: &str,
    diagnostics: &mut Diagnostics,
) -> Definitions {
    let mut library = Library::default();
    for path in crate::files_under(labels, dir, diagnostics) {
        let label = labels.of(&path);
        if !matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            let message = "the SLO folder holds OpenSLO YAML files (.yaml) only; move this file elsewhere".to_owned();
            diagnostics.push(Place { label, line: 1, col: 1 }.finding(RuleId::SloDefinition, message));
            continue;
        }
        match SourceFile::read(&path, label, Some(crate::MAX_DOCUMENT_BYTES)) {
            Ok(file) => library.read_file(&file.label, &file.text, diagnostics),
            Err(d) => diagnostics.push(d.rule(RuleId::SloDefinition)),
        }
    }
    define(&library, config, config_label, diagnostics)
}

/// The SLOs of one OpenSLO file's text, as if it were the folder's only file.
pub fn read_text(
    label: &str,
    text: &str,
    config: &Config,
    config_label: &str,
    diagnostics: &mut Diagnostics,
) -> Definitions {
    let mut library = Library::default();
    library.read_file(label, text, diagnostics);
    define(&library, config, config_label, diagnostics)
}

/// Turns the documents read into SLOs, each with its problems reported or it kept.
fn define(library: &Library, config: &Config, config_label: &str, diagnostics: &mut Diagnostics) -> Definitions {
    let mut definitions = Definitions { named_exports: named_exports(library), ..Definitions::default() };
    let mut first: BTreeMap<String, Place> = BTreeMap::new();
    for doc in &library.slos {
        let mut problems = Vec::new();
        let name = &doc.value.metadata.name;
        let name_place = doc.place(&["metadata", "name"]);
        if let Some(earlier) = first.get(name) {
            let message = format!("a second SLO named `{name}` (first at {}:{})", earlier.label, earlier.line);
            problems.push(name_place.finding(RuleId::SloDefinition, message));
        }
        problems.extend(name_problem(name, &name_place));
        problems.extend(service_problem(&doc.value.spec.service, config, doc.place(&["spec", "service"])));
        let read = convert::slo(doc, library, &mut problems);
        first.entry(name.clone()).or_insert(name_place);
        match read.filter(|_| problems.is_empty()) {
            Some((slo, plan)) => {
                definitions.slos.push(slo);
                definitions.plans.push(plan);
            }
            None => problems.into_iter().for_each(|p| diagnostics.push(p)),
        }
    }
    coverage(&definitions.slos, config, config_label, diagnostics);
    definitions
}

/// Names become page URLs (`/slos/<name>`), so they keep to the alphabet of ids.
fn name_problem(name: &str, place: &Place) -> Option<Diagnostic> {
    let mut found = Diagnostics::default();
    crate::front_matter::check_id(&place.label, place.line, "an SLO name", name, &mut found);
    found.sorted().into_iter().next().map(|d| place.finding(RuleId::SloDefinition, d.message))
}

/// With a service catalog, an SLO is of one of its services.
fn service_problem(service: &str, config: &Config, place: Place) -> Option<Diagnostic> {
    if config.services.is_empty() || config.services.contains_key(service) {
        return None;
    }
    let hint = did_you_mean(service, config.services.keys().map(String::as_str));
    let message = format!("service `{service}` is not in the service catalog ([services] of firebreak.toml){hint}");
    Some(place.finding(RuleId::SloDefinition, message))
}

/// Each tier-1 service without an SLO, once the repo has any SLO: a repo that does not use
/// SLOs yet is not told so once per service.
fn coverage(slos: &[Slo], config: &Config, label: &str, diagnostics: &mut Diagnostics) {
    if slos.is_empty() {
        return;
    }
    for (name, _) in config.services.iter().filter(|(_, s)| s.tier == 1) {
        if !slos.iter().any(|slo| &slo.service == name) {
            let line = config.service_lines.get(name).copied().unwrap_or(1);
            let message = format!("tier-1 service `{name}` has no SLO: add one to the SLO folder");
            diagnostics.push(Place { label: label.to_owned(), line, col: 1 }.finding(RuleId::SloCoverage, message));
        }
    }
}

/// Every export path an SLI of the folder names, whether its SLO reads or not.
fn named_exports(library: &Library) -> BTreeSet<String> {
    let inline = library.slos.iter().filter_map(|doc| doc.value.spec.indicator.as_ref().map(|i| &i.spec));
    let referenced = library.slis.values().map(|doc| &doc.value.spec);
    inline.chain(referenced).flat_map(export_paths).collect()
}

fn export_paths(sli: &SliSpec) -> Vec<String> {
    let ratio = sli.ratio_metric.iter().flat_map(|r| [r.good.as_ref(), r.bad.as_ref(), Some(&r.total)]);
    let threshold = sli.threshold_metric.as_ref();
    ratio.chain([threshold]).flatten().filter_map(|holder| holder.metric_source.spec.path.clone()).collect()
}

#[cfg(test)]
mod tests;
