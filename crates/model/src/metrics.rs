use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{Page, Severity, Shift};

/// Everything under `content/metrics/`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub deployments: Vec<Deployment>,
    pub changes: Vec<Change>,
    pub incidents: Vec<Incident>,
    pub series: Vec<Series>,
    /// `pages.csv`: what paged responders.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Page>,
    /// `oncall.csv`: who was on call when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shifts: Vec<Shift>,
    /// Rows that could not be read, by file: left out and counted, never dropped silently.
    pub excluded: BTreeMap<String, usize>,
}

/// Extra columns of an export row, kept verbatim rather than rejected.
pub type Extra = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    pub deploy_id: String,
    pub service: String,
    pub environment: String,
    pub finished_at: DateTime<Utc>,
    pub status: DeployStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit_sha: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixes_incident: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: Extra,
    #[serde(skip)]
    pub source: RowSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeployStatus {
    Success,
    Failed,
    RolledBack,
}

impl DeployStatus {
    /// Failed and rolled-back deployments count as failures (change failure rate).
    pub fn is_failure(self) -> bool {
        self != DeployStatus::Success
    }

    pub fn label(self) -> &'static str {
        match self {
            DeployStatus::Success => "success",
            DeployStatus::Failed => "failed",
            DeployStatus::RolledBack => "rolled back",
        }
    }

    pub fn parse(text: &str) -> Option<DeployStatus> {
        match text.trim() {
            "success" => Some(DeployStatus::Success),
            "failed" => Some(DeployStatus::Failed),
            "rolled_back" => Some(DeployStatus::RolledBack),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub change_id: String,
    pub service: String,
    pub committed_at: DateTime<Utc>,
    pub deploy_id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: Extra,
    #[serde(skip)]
    pub source: RowSource,
}

/// An incident from `incidents.csv` (one without a postmortem).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub incident_id: String,
    pub service: String,
    pub severity: Severity,
    pub started_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigated_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caused_by_deploy: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: Extra,
    /// Where the row was read from, for diagnostics.
    #[serde(skip)]
    pub source: RowSource,
}

/// The file and line a row came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowSource {
    pub path: String,
    pub line: usize,
}

/// A capacity time series from `series/<name>.csv` (or one label set of a Prometheus export).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    pub points: Vec<SeriesPoint>,
    /// The file it came from, for the page and for settings that name the file.
    #[serde(default)]
    pub path: String,
    /// What was wrong with its rows (`line 7: …`), shown beside the series: a series with
    /// problems is listed with them, never dropped.
    #[serde(default)]
    pub problems: Vec<String>,
}

impl Series {
    /// Its file's name without the extension: settings named after a file apply to each of
    /// its series.
    pub fn file_stem(&self) -> Option<&str> {
        Some(self.path.rsplit('/').next()?.rsplit_once('.')?.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    pub at: DateTime<Utc>,
    pub value: f64,
}
