//! Service level objectives, as read from OpenSLO v1 (`content/slos/*.yaml`), and the SLI
//! events they are judged on. Threshold SLIs (latency under 300 ms) are turned into events
//! when read — a sample is one event, good when its threshold holds — so every budgeting
//! method works on the same good/total counts.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slo {
    pub name: String,
    pub display_name: String,
    pub service: String,
    pub window: SloWindow,
    pub method: BudgetingMethod,
    pub objective: Objective,
    /// Burn-rate alerts from `alertPolicies`; empty means the SRE workbook's defaults.
    pub alerts: Vec<BurnRateAlert>,
    /// The PromQL the rules generator uses, when the metric source is Prometheus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prometheus: Option<PrometheusQueries>,
    /// The file and line of its `kind: SLO` document.
    pub path: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SloWindow {
    /// The `seconds` ending at the end of the as-of day.
    Rolling { seconds: i64 },
    /// The calendar period holding the as-of day, in `time_zone` (the team's when absent).
    Calendar {
        period: CalendarPeriod,
        /// The first month of a period: quarters and years start in this month (1–12).
        start_month: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        time_zone: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarPeriod {
    Month,
    Quarter,
    Year,
}

impl CalendarPeriod {
    pub fn months(self) -> u32 {
        match self {
            CalendarPeriod::Month => 1,
            CalendarPeriod::Quarter => 3,
            CalendarPeriod::Year => 12,
        }
    }

    /// The period's length for burn-rate factors, as Sloth counts it: 30, 90 or 365 days.
    pub fn nominal_hours(self) -> f64 {
        match self {
            CalendarPeriod::Month => 30.0 * 24.0,
            CalendarPeriod::Quarter => 90.0 * 24.0,
            CalendarPeriod::Year => 365.0 * 24.0,
        }
    }
}

impl SloWindow {
    /// The hours a burn rate of 1 takes to spend the whole budget.
    pub fn nominal_hours(&self) -> f64 {
        match self {
            SloWindow::Rolling { seconds } => *seconds as f64 / 3600.0,
            SloWindow::Calendar { period, .. } => period.nominal_hours(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BudgetingMethod {
    Occurrences,
    Timeslices,
    RatioTimeslices,
}

impl BudgetingMethod {
    pub fn parse(text: &str) -> Option<BudgetingMethod> {
        match text {
            "Occurrences" => Some(BudgetingMethod::Occurrences),
            "Timeslices" => Some(BudgetingMethod::Timeslices),
            "RatioTimeslices" => Some(BudgetingMethod::RatioTimeslices),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub display_name: String,
    /// In [0, 1): the share of events (or slices) that must be good.
    pub target: f64,
    /// Timeslices: the share of a slice's events that makes it good (1 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_slice_target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_slice_seconds: Option<i64>,
}

/// One multiwindow burn-rate condition: it fires while the burn rate over both windows is at
/// least the factor a `budget_share` spent in `long_seconds` gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BurnRateAlert {
    pub name: String,
    pub severity: AlertSeverity,
    pub budget_share: f64,
    pub long_seconds: i64,
    pub short_seconds: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertSeverity {
    Page,
    Ticket,
}

impl BurnRateAlert {
    /// The SRE workbook's four conditions, as Sloth generates them.
    pub fn defaults() -> Vec<BurnRateAlert> {
        let alert = |name: &str, severity, budget_share, long_hours: i64, short_minutes: i64| BurnRateAlert {
            name: name.to_owned(),
            severity,
            budget_share,
            long_seconds: long_hours * 3600,
            short_seconds: short_minutes * 60,
        };
        vec![
            alert("page-fast", AlertSeverity::Page, 0.02, 1, 5),
            alert("page-slow", AlertSeverity::Page, 0.05, 6, 30),
            alert("ticket-fast", AlertSeverity::Ticket, 0.10, 24, 120),
            alert("ticket-slow", AlertSeverity::Ticket, 0.10, 72, 360),
        ]
    }

    /// The burn rate both windows must reach: budget share × period hours ÷ long-window hours.
    pub fn factor(&self, window: &SloWindow) -> f64 {
        self.budget_share * window.nominal_hours() / (self.long_seconds as f64 / 3600.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrometheusQueries {
    /// Good (or bad, when `bad` is set) and total event queries.
    pub errors_or_good: String,
    pub total: String,
    pub bad: bool,
}

/// An SLI's events in time order: `good[i]` of `total[i]` in the interval ending at `at[i]`
/// (unix seconds). Cumulative counters are already turned into increases.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SliEvents {
    pub at: Vec<i64>,
    pub good: Vec<f64>,
    pub total: Vec<f64>,
}

impl SliEvents {
    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    pub fn push(&mut self, at: i64, good: f64, total: f64) {
        self.at.push(at);
        self.good.push(good);
        self.total.push(total);
    }
}
