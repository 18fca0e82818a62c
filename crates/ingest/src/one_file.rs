//! One source file's text through the parser [`crate::load`] uses for that kind of file,
//! with no repo around it. The fuzz targets (`fuzz/`) and the test that replays their
//! inputs (`tests/fuzz_inputs.rs`) feed these arbitrary text: whatever it is, each returns
//! the model or diagnostics naming file and line, and a panic is a bug in the parser.

use crate::diagnostics::Diagnostics;
use crate::{export_of, front_matter, postmortem, read_export, runbook, slo, terms::Terms, unknown_export};
use model::{Config, Metrics, Postmortem, PostmortemMeta, Runbook, RunbookMeta, Slo, Term};

/// Reads the front matter alone, as a postmortem's and as a runbook's.
pub fn front_matter(label: &str, text: &str) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    match front_matter::split(label, text) {
        Ok(split) => {
            let _: Option<PostmortemMeta> =
                front_matter::parse(label, &split, front_matter::keys_of::<PostmortemMeta>(), &mut diagnostics);
            let _: Option<RunbookMeta> =
                front_matter::parse(label, &split, front_matter::keys_of::<RunbookMeta>(), &mut diagnostics);
        }
        Err(d) => diagnostics.push(d),
    }
    diagnostics
}

/// A postmortem file named `<id>.md`, its first uses of `glossary` linked.
pub fn postmortem(label: &str, id: &str, text: &str, glossary: &[Term]) -> (Option<Postmortem>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let read = postmortem::parse(label, id, text, &Terms::new(glossary), &mut diagnostics);
    (read, diagnostics)
}

/// A runbook file named `<slug>.md`, its first uses of `glossary` linked.
pub fn runbook(label: &str, slug: &str, text: &str, glossary: &[Term]) -> (Option<Runbook>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let read = runbook::parse(label, slug, text, &Terms::new(glossary), &mut diagnostics);
    (read, diagnostics)
}

/// The export at `relative` under the metrics folder (`deployments.csv`, `pages.jsonl`,
/// `series/cpu.json`, …), or an error when no export has that name.
pub fn metrics_export(relative: &str, label: &str, text: &str) -> (Metrics, Diagnostics) {
    let mut metrics = Metrics::default();
    let mut diagnostics = Diagnostics::default();
    match export_of(relative) {
        Some(export) => read_export(&mut metrics, relative, export, label, text, &mut diagnostics),
        None => diagnostics.push(unknown_export(label)),
    }
    (metrics, diagnostics)
}

/// The SLOs of one OpenSLO YAML file, as if it were the SLO folder's only file, checked
/// against `config` (its service catalog; `config_label` is where findings about it point).
pub fn slos(label: &str, text: &str, config: &Config, config_label: &str) -> (Vec<Slo>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let definitions = slo::read_text(label, text, config, config_label, &mut diagnostics);
    (definitions.slos, diagnostics)
}
