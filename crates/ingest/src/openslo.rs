//! The OpenSLO v1 documents firebreak reads, as serde types. Keys OpenSLO defines that
//! firebreak has no use for (descriptions, labels, annotations) are accepted and ignored;
//! any other key is an error, so a misspelt key is never silently without effect.

use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::BTreeMap;

pub const API_VERSION: &str = "openslo/v1";
pub const KINDS: [&str; 5] = ["SLO", "SLI", "Service", "AlertPolicy", "AlertCondition"];

/// What every document starts with, read first so its kind decides how the rest is read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Head {
    pub api_version: Option<String>,
    pub kind: Option<String>,
}

/// A whole document of one kind: `spec` is the kind's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document<S> {
    #[serde(rename = "apiVersion")]
    _api_version: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub metadata: Metadata,
    pub spec: S,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Metadata {
    pub name: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(rename = "labels", default)]
    _labels: Option<IgnoredAny>,
    #[serde(rename = "annotations", default)]
    _annotations: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SloSpec {
    #[serde(rename = "description", default)]
    _description: Option<IgnoredAny>,
    pub service: String,
    #[serde(default)]
    pub indicator: Option<Indicator>,
    #[serde(default)]
    pub indicator_ref: Option<String>,
    pub time_window: Vec<TimeWindow>,
    pub budgeting_method: String,
    pub objectives: Vec<ObjectiveSpec>,
    #[serde(default)]
    pub alert_policies: Vec<AlertPolicyEntry>,
}

/// An SLI written inside its SLO: its name is OpenSLO's, the SLO's is the one used.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    #[serde(rename = "metadata")]
    _metadata: Metadata,
    pub spec: SliSpec,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SliSpec {
    #[serde(rename = "description", default)]
    _description: Option<IgnoredAny>,
    #[serde(default)]
    pub threshold_metric: Option<MetricHolder>,
    #[serde(default)]
    pub ratio_metric: Option<RatioMetric>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatioMetric {
    #[serde(default)]
    pub counter: bool,
    #[serde(default)]
    pub good: Option<MetricHolder>,
    #[serde(default)]
    pub bad: Option<MetricHolder>,
    pub total: MetricHolder,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MetricHolder {
    pub metric_source: MetricSource,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricSource {
    #[serde(rename = "type")]
    pub source_type: String,
    pub spec: SourceSpec,
}

/// `type: file` names `path`, and `column` of a CSV or JSON Lines export or `labels` of the
/// series of a Prometheus one; `type: prometheus` names its `query` and, for the site, the
/// export of that query in the same way.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub column: Option<String>,
    #[serde(default)]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub query: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimeWindow {
    pub duration: String,
    #[serde(default)]
    pub is_rolling: bool,
    #[serde(default)]
    pub calendar: Option<CalendarSpec>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CalendarSpec {
    pub start_time: String,
    pub time_zone: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ObjectiveSpec {
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub op: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub target_percent: Option<f64>,
    #[serde(default)]
    pub time_slice_target: Option<f64>,
    #[serde(default)]
    pub time_slice_window: Option<String>,
}

/// An alert policy written inside its SLO, or `alertPolicyRef` to a `kind: AlertPolicy`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlertPolicyEntry {
    #[serde(default)]
    pub alert_policy_ref: Option<String>,
    #[serde(rename = "kind", default)]
    _kind: Option<IgnoredAny>,
    #[serde(default)]
    pub metadata: Option<Metadata>,
    #[serde(default)]
    pub spec: Option<AlertPolicySpec>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlertPolicySpec {
    #[serde(rename = "description", default)]
    _description: Option<IgnoredAny>,
    #[serde(rename = "alertWhenBreaching", default)]
    _alert_when_breaching: Option<IgnoredAny>,
    #[serde(rename = "alertWhenResolved", default)]
    _alert_when_resolved: Option<IgnoredAny>,
    #[serde(rename = "alertWhenNoData", default)]
    _alert_when_no_data: Option<IgnoredAny>,
    #[serde(rename = "notificationTargets", default)]
    _notification_targets: Option<IgnoredAny>,
    pub conditions: Vec<ConditionEntry>,
}

/// A condition written inside its policy, or `conditionRef` to a `kind: AlertCondition`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConditionEntry {
    #[serde(default)]
    pub condition_ref: Option<String>,
    #[serde(rename = "kind", default)]
    _kind: Option<IgnoredAny>,
    #[serde(default)]
    pub metadata: Option<Metadata>,
    #[serde(default)]
    pub spec: Option<AlertConditionSpec>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlertConditionSpec {
    #[serde(rename = "description", default)]
    _description: Option<IgnoredAny>,
    pub severity: String,
    pub condition: BurnRateCondition,
}

/// A burn-rate condition: firing while the burn rate over `lookbackWindow` (and over the
/// short window `alertAfter`, a twelfth of it when absent) is at least `threshold`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BurnRateCondition {
    pub kind: String,
    #[serde(default)]
    pub op: Option<String>,
    pub threshold: f64,
    pub lookback_window: String,
    #[serde(default)]
    pub alert_after: Option<String>,
}
