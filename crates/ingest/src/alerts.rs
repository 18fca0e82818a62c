//! `content/alerts.yaml`: the team's alerts, so `check` can ask for a runbook for each.
//!
//! ```yaml
//! - name: CheckoutHighErrorRate
//!   service: checkout
//! ```

use std::path::Path;

use super::Labels;
use super::source_file::SourceFile;
use crate::diagnostics::{Diagnostic, Diagnostics};
use model::{Alert, RowSource};

pub fn load(path: &Path, labels: &Labels, diagnostics: &mut Diagnostics) -> Vec<Alert> {
    if !crate::source_file::is_present(path) {
        return Vec::new();
    }
    let file = match SourceFile::read_in_repo(labels, path, None) {
        Ok(file) => file,
        Err(d) => {
            diagnostics.push(d);
            return Vec::new();
        }
    };
    if let Some((line, col)) = crate::yaml_depth::too_deep(&file.text) {
        let message = format!("invalid alert list: {}", crate::yaml_depth::MESSAGE);
        diagnostics.push(Diagnostic::error(&file.label, line, col, message));
        return Vec::new();
    }
    match serde_yaml_ng::from_str::<Vec<Alert>>(&file.text) {
        Ok(mut alerts) => {
            for alert in &mut alerts {
                let line = file.text.lines().position(|l| l.contains(&alert.name)).map_or(1, |i| i + 1);
                alert.source = RowSource { path: file.label.clone(), line };
            }
            alerts
        }
        Err(e) => {
            let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            diagnostics.push(Diagnostic::error(
                &file.label,
                line,
                col,
                format!(
                    "invalid alert list: {e}; write a list of `- name: AlertName` entries (with an optional `service`)"
                ),
            ));
            Vec::new()
        }
    }
}
