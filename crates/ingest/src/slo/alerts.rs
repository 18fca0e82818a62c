//! An SLO's `alertPolicies`: burn-rate conditions, written inside the SLO or named by
//! `alertPolicyRef` / `conditionRef`, as [`BurnRateAlert`]s. None means the defaults.

use super::convert::{DURATION_FORM, Problems, seconds};
use super::documents::{Library, Site};
use crate::openslo::{AlertConditionSpec, AlertPolicyEntry, AlertPolicySpec};
use model::suggest::did_you_mean;
use model::{AlertSeverity, BurnRateAlert, SloWindow};

pub fn read(
    site: &Site,
    entries: &[AlertPolicyEntry],
    library: &Library,
    window: &SloWindow,
    problems: &mut Problems,
) -> Vec<BurnRateAlert> {
    let mut alerts = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let entry_site = site.nested(&["alertPolicies", &index.to_string()]);
        let Some((policy_name, policy_site, policy)) = policy(&entry_site, entry, library, index, problems) else {
            continue;
        };
        for (index, condition) in policy.conditions.iter().enumerate() {
            let condition_site = policy_site.nested(&["conditions", &index.to_string()]);
            let (name, spec_site, spec) = match (&condition.condition_ref, &condition.spec) {
                (Some(name), None) => match library.conditions.get(name) {
                    Some(found) => (name.clone(), found.site(&["spec"]), &found.value.spec),
                    None => {
                        let hint = did_you_mean(name, library.conditions.keys().map(String::as_str));
                        let message = format!("conditionRef `{name}` names no `kind: AlertCondition` document{hint}");
                        problems.push(condition_site.error(&["conditionRef"], message));
                        continue;
                    }
                },
                (None, Some(spec)) => {
                    let name = condition
                        .metadata
                        .as_ref()
                        .map_or_else(|| format!("{policy_name}-{}", index + 1), |m| m.name.clone());
                    (name, condition_site.nested(&["spec"]), spec)
                }
                _ => {
                    problems
                        .push(condition_site.error(&[], "a condition is a `conditionRef` or has a `spec`, not both"));
                    continue;
                }
            };
            alerts.extend(condition_of(&spec_site, name, spec, window, problems));
        }
    }
    alerts
}

fn policy<'a>(
    site: &Site<'a>,
    entry: &'a AlertPolicyEntry,
    library: &'a Library,
    index: usize,
    problems: &mut Problems,
) -> Option<(String, Site<'a>, &'a AlertPolicySpec)> {
    match (&entry.alert_policy_ref, &entry.spec) {
        (Some(name), None) => match library.policies.get(name) {
            Some(found) => Some((name.clone(), found.site(&["spec"]), &found.value.spec)),
            None => {
                let hint = did_you_mean(name, library.policies.keys().map(String::as_str));
                let message = format!("alertPolicyRef `{name}` names no `kind: AlertPolicy` document{hint}");
                problems.push(site.error(&["alertPolicyRef"], message));
                None
            }
        },
        (None, Some(spec)) => {
            let name = entry.metadata.as_ref().map_or_else(|| format!("policy-{}", index + 1), |m| m.name.clone());
            Some((name, site.nested(&["spec"]), spec))
        }
        _ => {
            problems.push(site.error(&[], "an alert policy is an `alertPolicyRef` or has a `spec`, not both"));
            None
        }
    }
}

/// A burn-rate condition: `threshold` is the burn rate over `lookbackWindow`; the short
/// window is `alertAfter`, or a twelfth of the long one as the SRE workbook pairs them
/// (1 h with 5 min, 6 h with 30 min).
fn condition_of(
    site: &Site,
    name: String,
    spec: &AlertConditionSpec,
    window: &SloWindow,
    problems: &mut Problems,
) -> Option<BurnRateAlert> {
    let condition = &spec.condition;
    let mut ok = true;
    let mut problem = |path: &[&str], message: String| {
        problems.push(site.error(path, message));
        ok = false;
    };
    if !condition.kind.eq_ignore_ascii_case("burnrate") {
        problem(
            &["condition", "kind"],
            format!("condition kind `{}`: firebreak reads `burnrate` conditions", condition.kind),
        );
    }
    if !matches!(condition.op.as_deref(), None | Some("gte" | "gt")) {
        problem(&["condition", "op"], "a burn-rate condition fires at or above its threshold: `op: gte`".into());
    }
    let severity = match spec.severity.to_ascii_lowercase().as_str() {
        "page" => Some(AlertSeverity::Page),
        "ticket" => Some(AlertSeverity::Ticket),
        other => {
            problem(&["severity"], format!("severity `{other}`: use page or ticket"));
            None
        }
    };
    if !(condition.threshold.is_finite() && condition.threshold > 0.0) {
        problem(&["condition", "threshold"], format!("threshold {} is not a positive burn rate", condition.threshold));
    }
    let long = seconds(&condition.lookback_window);
    if long.is_none() {
        problem(
            &["condition", "lookbackWindow"],
            format!("`{}` is not a window: {DURATION_FORM}", condition.lookback_window),
        );
    }
    let short = match &condition.alert_after {
        Some(text) => seconds(text).filter(|s| long.is_none_or(|long| *s < long)).or_else(|| {
            problem(
                &["condition", "alertAfter"],
                format!("`{text}` is not a window shorter than lookbackWindow: {DURATION_FORM}"),
            );
            None
        }),
        None => long.map(|long| long / 12),
    };
    let (long, short, severity) = (long?, short?, severity?);
    ok.then(|| BurnRateAlert {
        name,
        severity,
        budget_share: condition.threshold * (long as f64 / 3600.0) / window.nominal_hours(),
        long_seconds: long,
        short_seconds: short,
    })
}
