//! The serde types shared by the compiler, the analytics and the browser app, the
//! [`bundle`] format the compiler writes and the app reads, and the [`paths`] of the pages
//! the bundle links to.

pub mod bundle;
mod clock_span;
mod config;
pub mod dates;
mod deploy_log;
mod document;
mod drill;
pub mod duration;
mod facts;
mod metrics;
mod onboarding;
mod oncall;
pub mod paths;
mod postmortem;
mod runbook;
mod slo;
pub mod suggest;
mod tiers;

pub use clock_span::ClockSpan;
pub use config::{
    ActionItemPolicy, Aggregate, CapacitySettings, Config, OncallPolicy, Paths, Person, Resample, RuleLevel, Service,
    SloPolicy, Taxonomy, WeekStart,
};
pub use deploy_log::{DeployLog, Excluded, Kind, TextColumn};
pub use document::{Section, SectionKind};
pub use drill::{Drill, DrillKind, DrillMeta, DrillOutcome, DrillStatus, DrillSummary};
pub use facts::{Facts, Impact, Milestones};
pub use metrics::{Change, DeployStatus, Deployment, Extra, Incident, Metrics, RowSource, Series, SeriesPoint};
pub use onboarding::{DocumentRef, Onboarding, ReadingEntry, Stage, Task, Term};
pub use oncall::{Page, Shift, ShiftLevel, Urgency};
pub use postmortem::{ActionItem, ActionKind, ActionStatus, PostmortemMeta, PostmortemStatus, Severity, TimelineEntry};
pub use runbook::{ReviewPeriod, RunbookMeta};
pub use slo::{
    AlertSeverity, BudgetingMethod, BurnRateAlert, CalendarPeriod, Objective, PolicyState, PrometheusQueries, SliData,
    SliEvents, Slo, SloWindow, Threshold, ThresholdOp,
};
pub use tiers::{ReadinessPolicy, TierSettings, TierTargets};
mod repo;
pub use repo::{Alert, Postmortem, PostmortemSummary, Repo, Runbook, RunbookSummary};
