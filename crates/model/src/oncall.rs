//! On-call inputs: the pages responders received (`pages.csv`) and the schedule as it was
//! worked (`oncall.csv`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{Extra, RowSource};

/// One page (a notification that woke or interrupted a responder), from `pages.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub page_id: String,
    pub alert: String,
    pub service: String,
    pub responder: String,
    pub urgency: Urgency,
    pub triggered_at: DateTime<Utc>,
    /// Absent when nobody acknowledged it (it escalated or resolved on its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub escalated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident_id: Option<String>,
    /// Whether the responder had something to do; `None` when the export does not say,
    /// which is not the same as "no".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actionable: Option<bool>,
    #[serde(default)]
    pub auto_resolved: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: Extra,
    #[serde(skip)]
    pub source: RowSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    High,
    Low,
}

impl Urgency {
    pub const NAMES: [&str; 2] = ["high", "low"];

    pub fn parse(text: &str) -> Option<Urgency> {
        match text.trim().to_lowercase().as_str() {
            "high" => Some(Urgency::High),
            "low" => Some(Urgency::Low),
            _ => None,
        }
    }
}

/// One person on call for one stretch of a rotation, from `oncall.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shift {
    pub rotation: String,
    pub responder: String,
    pub level: ShiftLevel,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[serde(skip)]
    pub source: RowSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShiftLevel {
    Primary,
    Secondary,
}

impl ShiftLevel {
    pub const NAMES: [&str; 2] = ["primary", "secondary"];

    pub fn parse(text: &str) -> Option<ShiftLevel> {
        match text.trim().to_lowercase().as_str() {
            "primary" => Some(ShiftLevel::Primary),
            "secondary" => Some(ShiftLevel::Secondary),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_urgencies_parse_their_names_in_any_case_only() {
        for name in ShiftLevel::NAMES {
            assert!(ShiftLevel::parse(&name.to_uppercase()).is_some());
        }
        for name in Urgency::NAMES {
            assert!(Urgency::parse(name).is_some());
        }
        assert_eq!(ShiftLevel::parse("primray"), None);
        assert_eq!(Urgency::parse("critical"), None);
    }
}
