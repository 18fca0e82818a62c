//! The readiness stage of each service on the path from firefighting to fire prevention to
//! fire-starting (docs/metrics.md, "Readiness"): every criterion with its evidence, so the
//! page can say what holds a service back. Pure: "as of" and the window are passed in.

mod criteria;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::drills::{DrillReport, ServiceDrills, drill_report};
use super::recovery::{OverRto, over_rto};
use super::{ActionItemRow, Calendar, IncidentRecord, Prepared, Window, action_item_rows};
use model::bundle::Site;
use model::{Alert, Config, DrillSummary, RunbookSummary, Slo, TierTargets};

pub use criteria::{Check, Criterion, Evidence, OpenItem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Firefighting,
    FirePrevention,
    FireStarting,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Firefighting, Stage::FirePrevention, Stage::FireStarting];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Firefighting => "firefighting",
            Stage::FirePrevention => "fire prevention",
            Stage::FireStarting => "fire-starting",
        }
    }
}

/// Everything the criteria read. The browser has each of these in its bundle.
pub struct ReadinessData<'a> {
    pub config: &'a Config,
    pub alerts: &'a [Alert],
    pub runbooks: &'a [RunbookSummary],
    pub slos: &'a [Slo],
    /// The postmortems' action items (analytics' rows, as of the same day).
    pub action_items: &'a [ActionItemRow],
    pub incidents: &'a [IncidentRecord],
    pub drills: &'a [DrillSummary],
    pub calendar: Calendar,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceReadiness {
    pub service: String,
    pub targets: TierTargets,
    pub stage: Stage,
    /// Every criterion of fire prevention, then of fire-starting.
    pub checks: Vec<Check>,
    /// The criteria of the next stage that do not hold (empty at fire-starting).
    pub held_back_by: Vec<Criterion>,
}

/// Drills, recovery and readiness of a whole site, as `report --json` prints them
/// (`drills`, `readiness`) and the pages show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteReadiness {
    pub drills: DrillReport,
    /// Incidents of the window restored slower than their tier's RTO.
    pub over_rto: Vec<OverRto>,
    pub services: Vec<ServiceReadiness>,
}

/// Every catalog service as of `as_of`, its time to restore read over `window`.
pub fn assess_site(site: &Site, prepared: &Prepared, window: &Window, as_of: NaiveDate) -> SiteReadiness {
    let action_items = action_item_rows(&site.postmortems, &site.config, as_of);
    let data = ReadinessData {
        config: &site.config,
        alerts: &site.alerts,
        runbooks: &site.runbooks,
        slos: &site.slos,
        action_items: &action_items,
        incidents: &prepared.incidents,
        drills: &site.drills,
        calendar: prepared.calendar,
    };
    let drills = drill_report(&site.drills, &site.config, as_of);
    let services = readiness(&data, &drills, window, as_of);
    let over_rto = over_rto(&prepared.incidents, &site.config, &prepared.calendar, window);
    SiteReadiness { drills, over_rto, services }
}

/// Each catalog service's stage, in the catalog's order. `drills` is the drill report of
/// the same "as of".
pub fn readiness(
    data: &ReadinessData,
    drills: &DrillReport,
    window: &Window,
    as_of: NaiveDate,
) -> Vec<ServiceReadiness> {
    drills.services.iter().map(|service| service_readiness(data, service, window, as_of)).collect()
}

fn service_readiness(
    data: &ReadinessData,
    drills: &ServiceDrills,
    window: &Window,
    as_of: NaiveDate,
) -> ServiceReadiness {
    let checks = criteria::checks(data, drills, window, as_of);
    let holds = |stage: Stage| checks.iter().filter(|c| c.criterion.stage() == stage).all(|c| c.holds);
    let stage = match (holds(Stage::FirePrevention), holds(Stage::FireStarting)) {
        (true, true) => Stage::FireStarting,
        (true, false) => Stage::FirePrevention,
        (false, _) => Stage::Firefighting,
    };
    let next = match stage {
        Stage::Firefighting => Some(Stage::FirePrevention),
        Stage::FirePrevention => Some(Stage::FireStarting),
        Stage::FireStarting => None,
    };
    let held_back_by =
        checks.iter().filter(|c| Some(c.criterion.stage()) == next && !c.holds).map(|c| c.criterion).collect();
    ServiceReadiness { service: drills.service.clone(), targets: drills.targets, stage, checks, held_back_by }
}

#[cfg(test)]
pub(crate) mod tests;
