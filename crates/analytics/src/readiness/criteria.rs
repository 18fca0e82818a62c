//! The criteria of each readiness stage and the evidence each one is judged on.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ReadinessData, Stage};
use crate::Window;
use crate::drills::{DrillRef, ServiceDrills};
use crate::stats::percentile_unsorted;
use model::duration::Duration;
use model::{ActionItem, DrillStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Criterion {
    AlertsHaveRunbooks,
    RunbooksReviewed,
    HasSlo,
    ActionItemsOnTime,
    RestoreUnderTarget,
    DrillsOnCadence,
    LastDrillDone,
    DrillItemsOnTime,
}

impl Criterion {
    /// The stage the criterion is part of.
    pub fn stage(self) -> Stage {
        match self {
            Criterion::DrillsOnCadence | Criterion::LastDrillDone | Criterion::DrillItemsOnTime => Stage::FireStarting,
            _ => Stage::FirePrevention,
        }
    }
}

/// An open action item past its due date (and the grace), with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenItem {
    /// `postmortem` or `drill`.
    pub source: String,
    /// The postmortem's or drill's id.
    pub id: String,
    pub number: String,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    Alerts { alerts: Vec<String>, without_runbook: Vec<String> },
    Runbooks { runbooks: Vec<String>, review_overdue: Vec<String> },
    Slos { slos: Vec<String> },
    ActionItems { overdue: Vec<OpenItem> },
    Restore { incidents: usize, median_minutes: Option<f64>, under: Duration },
    Cadence { last_done: Option<DrillRef>, next_due: Option<NaiveDate>, every_days: u32 },
    LatestDrill { latest: Option<DrillRef> },
    DrillItems { drill: Option<DrillRef>, overdue: Vec<OpenItem> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub criterion: Criterion,
    pub holds: bool,
    pub evidence: Evidence,
}

pub fn checks(data: &ReadinessData, drills: &ServiceDrills, window: &Window, as_of: NaiveDate) -> Vec<Check> {
    let service = drills.service.as_str();
    let late = Late { as_of, grace: data.config.readiness.overdue_grace_days };
    let mut checks = vec![alerts(data, service), runbooks(data, service, as_of)];
    // Only a repo that keeps SLOs can ask each service for one.
    if data.config.readiness.require_slo && !data.slos.is_empty() {
        checks.push(slos(data, service));
    }
    checks.extend([
        action_items(data, service, late),
        restore(data, drills, window),
        cadence(drills),
        latest_drill(drills),
        drill_items(data, drills, late),
    ]);
    checks
}

fn check(criterion: Criterion, holds: bool, evidence: Evidence) -> Check {
    Check { criterion, holds, evidence }
}

fn alerts(data: &ReadinessData, service: &str) -> Check {
    let covered = |name: &str| data.runbooks.iter().any(|rb| rb.meta.alerts.iter().any(|a| a == name));
    let alerts: Vec<String> =
        data.alerts.iter().filter(|a| a.service.as_deref() == Some(service)).map(|a| a.name.clone()).collect();
    let without_runbook: Vec<String> = alerts.iter().filter(|a| !covered(a)).cloned().collect();
    check(Criterion::AlertsHaveRunbooks, without_runbook.is_empty(), Evidence::Alerts { alerts, without_runbook })
}

fn runbooks(data: &ReadinessData, service: &str, as_of: NaiveDate) -> Check {
    let own: Vec<_> = data.runbooks.iter().filter(|rb| rb.meta.service == service).collect();
    let review_overdue: Vec<String> =
        own.iter().filter(|rb| rb.meta.review_overdue(as_of)).map(|rb| rb.slug.clone()).collect();
    let runbooks = own.iter().map(|rb| rb.slug.clone()).collect();
    check(Criterion::RunbooksReviewed, review_overdue.is_empty(), Evidence::Runbooks { runbooks, review_overdue })
}

fn slos(data: &ReadinessData, service: &str) -> Check {
    let slos: Vec<String> = data.slos.iter().filter(|s| s.service == service).map(|s| s.name.clone()).collect();
    check(Criterion::HasSlo, !slos.is_empty(), Evidence::Slos { slos })
}

/// When an open item counts against its service: due before "as of" by more than the grace.
#[derive(Clone, Copy)]
struct Late {
    as_of: NaiveDate,
    grace: u32,
}

impl Late {
    fn item(&self, source: &str, id: &str, item: &ActionItem) -> Option<OpenItem> {
        let due = item.due?;
        let late = item.status.is_open() && due + Days::new(self.grace.into()) < self.as_of;
        late.then(|| OpenItem {
            source: source.to_owned(),
            id: id.to_owned(),
            number: item.number.clone(),
            text: item.text.clone(),
            owner: item.owner.clone(),
            due,
        })
    }
}

/// The postmortems' items and those of every drill naming the service.
fn action_items(data: &ReadinessData, service: &str, late: Late) -> Check {
    let names = |services: &[String]| services.iter().any(|s| s == service);
    let from_postmortems = data
        .action_items
        .iter()
        .filter(|row| names(&row.services))
        .filter_map(|row| late.item("postmortem", &row.postmortem_id, &row.item));
    let from_drills = data
        .drills
        .iter()
        .filter(|d| names(&d.meta.services))
        .flat_map(|d| d.action_items.iter().filter_map(|item| late.item("drill", &d.meta.id, item)));
    let overdue: Vec<OpenItem> = from_postmortems.chain(from_drills).collect();
    check(Criterion::ActionItemsOnTime, overdue.is_empty(), Evidence::ActionItems { overdue })
}

/// The median time to restore of the service's incidents that began in the window, under
/// the tier's `restore_under`; a window without incidents holds.
fn restore(data: &ReadinessData, drills: &ServiceDrills, window: &Window) -> Check {
    let mut minutes: Vec<f64> = data
        .incidents
        .iter()
        .filter(|i| i.services.contains(&drills.service))
        .filter(|i| i.began().is_some_and(|t| data.calendar.contains(window, t)))
        .filter_map(|i| i.restore_hours())
        .filter(|h| *h >= 0.0)
        .map(|h| h * 60.0)
        .collect();
    let under = drills.targets.restore_under;
    let median_minutes = percentile_unsorted(&mut minutes, 0.5);
    let holds = median_minutes.is_none_or(|m| m * 60.0 < under.seconds as f64);
    check(Criterion::RestoreUnderTarget, holds, Evidence::Restore { incidents: minutes.len(), median_minutes, under })
}

fn cadence(drills: &ServiceDrills) -> Check {
    let evidence = Evidence::Cadence {
        last_done: drills.last_done.clone(),
        next_due: drills.next_due,
        every_days: drills.targets.drill_every_days,
    };
    check(Criterion::DrillsOnCadence, !drills.overdue, evidence)
}

fn latest_drill(drills: &ServiceDrills) -> Check {
    let holds = drills.latest.as_ref().is_some_and(|d| d.status == DrillStatus::Done);
    check(Criterion::LastDrillDone, holds, Evidence::LatestDrill { latest: drills.latest.clone() })
}

/// The last done drill's action items: closed, or open and not yet late.
fn drill_items(data: &ReadinessData, drills: &ServiceDrills, late: Late) -> Check {
    let Some(drill) = &drills.last_done else {
        return check(Criterion::DrillItemsOnTime, false, Evidence::DrillItems { drill: None, overdue: vec![] });
    };
    let overdue: Vec<OpenItem> = data
        .drills
        .iter()
        .filter(|d| d.meta.id == drill.id)
        .flat_map(|d| d.action_items.iter().filter_map(|item| late.item("drill", &d.meta.id, item)))
        .collect();
    check(Criterion::DrillItemsOnTime, overdue.is_empty(), Evidence::DrillItems { drill: Some(drill.clone()), overdue })
}
