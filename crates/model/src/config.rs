use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::clock_span::ClockSpan;
use super::tiers::{ReadinessPolicy, TierSettings, TierTargets};
use super::{PolicyState, Severity};

/// `firebreak.toml` at the root of a source repo. Every key has a default, so an
/// empty file (or none at all) is a valid configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub title: String,
    pub base_url: String,
    /// IANA time-zone name used for day / week / month buckets.
    pub time_zone: String,
    pub week_start: WeekStart,
    pub paths: Paths,
    /// The service catalog: service name → owner and tier.
    pub services: BTreeMap<String, Service>,
    /// Person → team (and time zone), for action-item owners (otherwise the team of the
    /// postmortem's first service owns the item) and on-call responders.
    pub people: BTreeMap<String, Person>,
    pub action_items: ActionItemPolicy,
    /// Rule id → level, to change or switch off a `check` rule (see docs/checks.md).
    pub rules: BTreeMap<String, RuleLevel>,
    /// When set, the only tags postmortems may use.
    pub taxonomy: Taxonomy,
    /// Series name (or its file's name) → its capacity settings.
    pub capacity: BTreeMap<String, CapacitySettings>,
    /// `[slo]`: the error-budget policy and the low-traffic minimum every SLO is judged with.
    pub slo: SloPolicy,
    /// `[oncall]`: the limits on-call load is judged against.
    pub oncall: OncallPolicy,
    /// `[tiers.<n>]`: a tier's RTO, RPO, drill cadence and restore target, over the defaults
    /// (see [`TierTargets::default_for`]). Keys are tier numbers, checked when read.
    pub tiers: BTreeMap<String, TierSettings>,
    /// `[readiness]`: the rest of what the readiness stages ask.
    pub readiness: ReadinessPolicy,
    /// The line of each key under `[rules]`, for reporting an unknown rule id.
    #[serde(skip)]
    pub rule_lines: BTreeMap<String, usize>,
    /// The line of each `[capacity.<series>]` header, for reporting a series that is not there.
    #[serde(skip)]
    pub capacity_lines: BTreeMap<String, usize>,
    /// The line of each `[services.<name>]` header, for findings about a service.
    #[serde(skip)]
    pub service_lines: BTreeMap<String, usize>,
}

/// A person of `[people]`: `"@priya" = "payments"` names the team alone, a
/// `[people."@priya"]` table adds where they live, for on-call hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "PersonEntry")]
pub struct Person {
    pub team: String,
    /// IANA name (checked when the config is read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

/// Both ways firebreak.toml may write a person.
#[derive(Deserialize)]
#[serde(untagged)]
enum PersonEntry {
    Team(String),
    Table(PersonTable),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonTable {
    team: String,
    time_zone: Option<String>,
}

impl From<PersonEntry> for Person {
    fn from(entry: PersonEntry) -> Person {
        match entry {
            PersonEntry::Team(team) => Person { team, time_zone: None },
            PersonEntry::Table(PersonTable { team, time_zone }) => Person { team, time_zone },
        }
    }
}

/// A person known by team alone, as the short form writes them.
impl From<&str> for Person {
    fn from(team: &str) -> Person {
        Person { team: team.to_owned(), time_zone: None }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Error,
    Warning,
    Off,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Taxonomy {
    /// Allowed postmortem tags; empty means any tag is fine.
    pub tags: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Reliability".into(),
            base_url: String::new(),
            time_zone: "UTC".into(),
            week_start: WeekStart::Monday,
            paths: Paths::default(),
            services: BTreeMap::new(),
            people: BTreeMap::new(),
            action_items: ActionItemPolicy::default(),
            rules: BTreeMap::new(),
            taxonomy: Taxonomy::default(),
            capacity: BTreeMap::new(),
            slo: SloPolicy::default(),
            oncall: OncallPolicy::default(),
            tiers: BTreeMap::new(),
            readiness: ReadinessPolicy::default(),
            rule_lines: BTreeMap::new(),
            capacity_lines: BTreeMap::new(),
            service_lines: BTreeMap::new(),
        }
    }
}

impl Config {
    /// The targets of `service`'s tier; `None` for a service outside the catalog.
    pub fn tier_of(&self, service: &str) -> Option<TierTargets> {
        Some(TierTargets::of(self.services.get(service)?.tier, &self.tiers))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStart {
    Monday,
    Sunday,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Paths {
    pub postmortems: String,
    pub runbooks: String,
    pub metrics: String,
    /// The team's alert list (optional file).
    pub alerts: String,
    /// The onboarding page's reading list, progression and glossary (optional file).
    pub onboarding: String,
    /// OpenSLO definitions (optional folder).
    pub slos: String,
    /// Drill write-ups (optional folder).
    pub drills: String,
}

impl Default for Paths {
    fn default() -> Self {
        Paths {
            postmortems: "postmortems".into(),
            runbooks: "content/runbooks".into(),
            metrics: "content/metrics".into(),
            alerts: "content/alerts.yaml".into(),
            onboarding: "content/onboarding.md".into(),
            slos: "content/slos".into(),
            drills: "content/drills".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub team: String,
    /// 1 is the most critical.
    #[serde(default = "default_tier")]
    pub tier: u8,
    #[serde(default)]
    pub description: String,
}

fn default_tier() -> u8 {
    3
}

/// `[capacity.<series>]`: what a series measures against. Without a `limit` the series is
/// forecast but has no exhaustion date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CapacitySettings {
    /// Display name; the series name when empty.
    pub name: String,
    pub unit: String,
    /// What the resource can take.
    pub limit: Option<f64>,
    /// The share of `limit` kept free: capacity is "exhausted" at `limit × (1 − headroom)`.
    pub headroom: f64,
    /// Days from ordering capacity to having it.
    pub lead_time_days: u32,
    /// How far to forecast; default the larger of 90 days and four lead times.
    pub horizon_days: Option<u32>,
    /// Resample before forecasting, e.g. `1h max` (peaks are what capacity must hold).
    pub resample: Option<Resample>,
}

impl Default for CapacitySettings {
    fn default() -> Self {
        CapacitySettings {
            name: String::new(),
            unit: String::new(),
            limit: None,
            headroom: 0.3,
            lead_time_days: 30,
            horizon_days: None,
            resample: None,
        }
    }
}

impl CapacitySettings {
    pub fn horizon_days(&self) -> u32 {
        self.horizon_days.unwrap_or((4 * self.lead_time_days).max(90))
    }
}

/// `<interval> <aggregate>`: `1h max`, `5m mean`, `1d last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Resample {
    pub seconds: i64,
    pub aggregate: Aggregate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregate {
    Mean,
    Max,
    Min,
    Last,
}

impl TryFrom<String> for Resample {
    type Error = String;

    fn try_from(text: String) -> Result<Resample, String> {
        let bad =
            || format!("`{text}` is not a resampling: write an interval and an aggregate, e.g. `1h max` or `5m mean`");
        let (interval, aggregate) = text.trim().split_once(' ').ok_or_else(bad)?;
        let split = interval.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        let count: i64 = interval[..split].parse().map_err(|_| bad())?;
        let unit = match &interval[split..] {
            "s" => 1,
            "m" | "min" => 60,
            "h" => 3600,
            "d" => 86400,
            _ => return Err(bad()),
        };
        let aggregate = match aggregate.trim() {
            "mean" | "avg" => Aggregate::Mean,
            "max" => Aggregate::Max,
            "min" => Aggregate::Min,
            "last" => Aggregate::Last,
            _ => return Err(bad()),
        };
        (count > 0).then_some(Resample { seconds: count * unit, aggregate }).ok_or_else(bad)
    }
}

impl From<Resample> for String {
    fn from(r: Resample) -> String {
        let aggregate = match r.aggregate {
            Aggregate::Mean => "mean",
            Aggregate::Max => "max",
            Aggregate::Min => "min",
            Aggregate::Last => "last",
        };
        format!("{}s {aggregate}", r.seconds)
    }
}

/// `[slo]`: what the budget left allows (docs/metrics.md, "Error-budget policy"). Each
/// threshold is the share of budget remaining at or below which its state begins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SloPolicy {
    pub caution: f64,
    pub warning: f64,
    pub exhausted: f64,
    /// The states in which a production deployment of the service breaks the freeze.
    pub freeze_states: Vec<PolicyState>,
    /// A burn rate over fewer events than this is noise (the workbook's low-traffic case).
    pub min_events: f64,
}

impl Default for SloPolicy {
    fn default() -> Self {
        SloPolicy {
            caution: 0.50,
            warning: 0.25,
            exhausted: 0.10,
            freeze_states: vec![PolicyState::Exhausted],
            min_events: 100.0,
        }
    }
}

/// `[oncall]`: the limits of a sustainable on-call (docs/metrics.md, "On-call health"),
/// by default the SRE book's: at most two incidents per 12-hour shift, and on call at most
/// a quarter of the time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OncallPolicy {
    /// More pages than this per 12 hours on call is a breach.
    pub max_pages_per_12_hours: f64,
    /// A larger share of the window on call is a breach.
    pub max_on_call_share: f64,
    /// Business hours on a responder's clock, Monday to Friday (PagerDuty's 08:00–18:00).
    pub business_hours: ClockSpan,
    /// Sleep hours on a responder's clock, every day (PagerDuty's 22:00–08:00); they win
    /// over business hours where the two overlap.
    pub sleep_hours: ClockSpan,
}

impl Default for OncallPolicy {
    fn default() -> Self {
        OncallPolicy {
            max_pages_per_12_hours: 2.0,
            max_on_call_share: 0.25,
            business_hours: ClockSpan::hours(8, 18),
            sleep_hours: ClockSpan::hours(22, 8),
        }
    }
}

/// What the team expects of action items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionItemPolicy {
    /// Severity → the most days after the incident an item may be due.
    pub due_within_days: BTreeMap<Severity, u32>,
    /// Open items due within this many days of "as of" are "due soon".
    pub due_soon_days: u32,
    /// Postmortems with more items are flagged: three to five high-impact items beat a
    /// dozen aspirational ones.
    pub max_per_postmortem: usize,
}

impl Default for ActionItemPolicy {
    fn default() -> Self {
        ActionItemPolicy {
            due_within_days: BTreeMap::from([(Severity::Sev1, 15), (Severity::Sev2, 30)]),
            due_soon_days: 14,
            max_per_postmortem: 5,
        }
    }
}
