//! Service level objectives, as read from OpenSLO v1 (`content/slos/*.yaml`), and the SLI
//! events they are judged on. Threshold SLIs (latency under 300 ms) are turned into events
//! when read — a sample is one event, good when its threshold holds — so every budgeting
//! method works on the same good/total counts.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

impl Slo {
    /// `name`, of checkout's requests at `target` over a rolling window of `days`, by
    /// Occurrences, with the default alerts: for the analytics', views' and compile's unit
    /// tests to adjust.
    pub fn example(name: &str, days: i64, target: f64) -> Slo {
        Slo {
            name: name.to_owned(),
            display_name: "Checkout availability".to_owned(),
            service: "checkout".to_owned(),
            window: SloWindow::Rolling { seconds: days * 86400 },
            method: BudgetingMethod::Occurrences,
            objective: Objective {
                display_name: "Requests succeed".to_owned(),
                target,
                time_slice_target: None,
                time_slice_seconds: None,
                threshold: None,
            },
            alerts: Vec::new(),
            prometheus: None,
            path: "content/slos/checkout.yaml".to_owned(),
            line: 1,
        }
    }
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
    pub const NAMES: [&'static str; 3] = ["Occurrences", "Timeslices", "RatioTimeslices"];

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
    /// For a threshold SLI (latency under 300 ms): the condition that makes a sample good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
}

/// `value op threshold`, as OpenSLO's objective `op` and `value` write it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub op: ThresholdOp,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThresholdOp {
    Lt,
    Lte,
    Gt,
    Gte,
}

impl ThresholdOp {
    pub const NAMES: [&'static str; 4] = ["lt", "lte", "gt", "gte"];

    pub fn parse(text: &str) -> Option<ThresholdOp> {
        match text {
            "lt" => Some(ThresholdOp::Lt),
            "lte" => Some(ThresholdOp::Lte),
            "gt" => Some(ThresholdOp::Gt),
            "gte" => Some(ThresholdOp::Gte),
            _ => None,
        }
    }
}

impl Threshold {
    /// Whether a sample of `sample` is good.
    pub fn holds(&self, sample: f64) -> bool {
        match self.op {
            ThresholdOp::Lt => sample < self.value,
            ThresholdOp::Lte => sample <= self.value,
            ThresholdOp::Gt => sample > self.value,
            ThresholdOp::Gte => sample >= self.value,
        }
    }
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

/// The error-budget policy's states, by the share of budget left (thresholds in
/// `[slo]` of `firebreak.toml`). Named in `firebreak.toml` (`freeze_states`) and in
/// `report --json` by their labels; an unknown name is refused with the closest one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum PolicyState {
    /// More than half the budget left: normal velocity.
    Healthy,
    /// Extra scrutiny for risky changes.
    Caution,
    /// Non-critical changes frozen.
    Warning,
    /// Only reliability fixes; a postmortem for the largest consumers.
    Exhausted,
}

impl PolicyState {
    pub const ALL: [PolicyState; 4] =
        [PolicyState::Healthy, PolicyState::Caution, PolicyState::Warning, PolicyState::Exhausted];

    pub fn label(self) -> &'static str {
        match self {
            PolicyState::Healthy => "healthy",
            PolicyState::Caution => "caution",
            PolicyState::Warning => "warning",
            PolicyState::Exhausted => "exhausted",
        }
    }
}

impl TryFrom<String> for PolicyState {
    type Error = String;

    fn try_from(name: String) -> Result<PolicyState, String> {
        PolicyState::ALL.into_iter().find(|s| s.label() == name).ok_or_else(|| {
            let labels = PolicyState::ALL.map(PolicyState::label);
            let hint = crate::suggest::did_you_mean(&name, labels);
            format!("unknown error-budget policy state `{name}`{hint} (one of {})", labels.join(", "))
        })
    }
}

impl From<PolicyState> for &'static str {
    fn from(state: PolicyState) -> &'static str {
        state.label()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrometheusQueries {
    /// Good (or bad, when `bad` is set) and total event queries.
    pub errors_or_good: String,
    pub total: String,
    pub bad: bool,
}

/// What an SLO is judged on, as read from its export: the events, and the rows of the
/// export that were reported and left out (reason, such as "unreadable rows of
/// sli/checkout-requests.csv" → rows), so a figure never hides what it lacks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SliData {
    pub events: SliEvents,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub excluded: BTreeMap<String, usize>,
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
