//! Drills against each service's tier (docs/metrics.md, "Drills and disaster recovery"):
//! when each service was last drilled, when it is next due by its tier's cadence, and how
//! the recovery tests measured against the tier's RTO and RPO. Pure: "as of" is passed in.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use model::duration::Duration;
use model::{Config, DrillKind, DrillOutcome, DrillStatus, DrillSummary, TierTargets};

/// A drill as the figures name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillRef {
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    pub kind: DrillKind,
    pub services: Vec<String>,
    pub status: DrillStatus,
    pub outcome: Option<DrillOutcome>,
}

impl DrillRef {
    pub fn of(drill: &DrillSummary) -> DrillRef {
        let m = &drill.meta;
        DrillRef {
            id: m.id.clone(),
            title: m.title.clone(),
            date: m.date,
            kind: m.kind,
            services: m.services.clone(),
            status: m.status,
            outcome: m.outcome,
        }
    }
}

/// One catalog service's drills as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceDrills {
    pub service: String,
    pub targets: TierTargets,
    /// The latest drill dated on or before "as of", whatever its status.
    pub latest: Option<DrillRef>,
    /// The latest drill held (status `done`) on or before "as of": the cadence counts from it.
    pub last_done: Option<DrillRef>,
    /// `last_done`'s date plus the tier's cadence; `None` when it was never drilled.
    pub next_due: Option<NaiveDate>,
    /// "As of" is after `next_due`, or the service was never drilled.
    pub overdue: bool,
    /// The earliest drill planned after "as of".
    pub next_planned: Option<DrillRef>,
}

/// A done `dr-test` drill's measured recovery against one of its services' tier targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryTest {
    pub drill: DrillRef,
    pub service: String,
    pub targets: TierTargets,
    pub measured_rto: Option<Duration>,
    pub measured_rpo: Option<Duration>,
    /// Measured at or under the target; `None` when nothing was measured.
    pub rto_met: Option<bool>,
    pub rpo_met: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillReport {
    pub as_of: NaiveDate,
    /// Every drill, newest first (planned ones included).
    pub timeline: Vec<DrillRef>,
    /// Each catalog service, in the catalog's order.
    pub services: Vec<ServiceDrills>,
    /// Done dr-test drills, newest first, one row per catalog service they name.
    pub recovery_tests: Vec<RecoveryTest>,
}

pub fn drill_report(drills: &[DrillSummary], config: &Config, as_of: NaiveDate) -> DrillReport {
    let mut timeline: Vec<DrillRef> = drills.iter().map(DrillRef::of).collect();
    timeline.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let services = config.services.keys().map(|service| service_drills(service, config, &timeline, as_of)).collect();
    DrillReport { as_of, recovery_tests: recovery_tests(drills, config), timeline, services }
}

/// Each done dr-test against the tier of each catalog service it names, newest first. A
/// measured duration meets its target when it is at most the target.
fn recovery_tests(drills: &[DrillSummary], config: &Config) -> Vec<RecoveryTest> {
    let mut tests: Vec<RecoveryTest> = drills
        .iter()
        .filter(|d| d.meta.kind == DrillKind::DrTest && d.meta.status == DrillStatus::Done)
        .flat_map(|d| {
            let (rto, rpo) = (d.meta.measured_rto, d.meta.measured_rpo);
            d.meta.services.iter().filter_map(move |service| {
                let targets = config.tier_of(service)?;
                Some(RecoveryTest {
                    drill: DrillRef::of(d),
                    service: service.clone(),
                    targets,
                    measured_rto: rto,
                    measured_rpo: rpo,
                    rto_met: rto.map(|m| m <= targets.rto),
                    rpo_met: rpo.map(|m| m <= targets.rpo),
                })
            })
        })
        .collect();
    tests.sort_by(|a, b| b.drill.date.cmp(&a.drill.date).then_with(|| a.drill.id.cmp(&b.drill.id)));
    tests
}

fn service_drills(service: &str, config: &Config, timeline: &[DrillRef], as_of: NaiveDate) -> ServiceDrills {
    let targets = config.tier_of(service).expect("a catalog service has a tier");
    // The timeline is newest first.
    let of_service: Vec<&DrillRef> = timeline.iter().filter(|d| d.services.iter().any(|s| s == service)).collect();
    let past = || of_service.iter().copied().filter(|d| d.date <= as_of);
    let last_done = past().find(|d| d.status == DrillStatus::Done).cloned();
    let next_due = last_done.as_ref().map(|d| d.date + Days::new(targets.drill_every_days.into()));
    ServiceDrills {
        service: service.to_owned(),
        targets,
        latest: past().next().cloned(),
        overdue: next_due.is_none_or(|due| as_of > due),
        next_due,
        last_done,
        next_planned: of_service
            .iter()
            .rev()
            .find(|d| d.date > as_of && d.status == DrillStatus::Planned)
            .map(|d| (*d).clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::tests::{day, drill};
    use model::Service;

    fn config() -> Config {
        let mut config = Config::default();
        for (name, tier) in [("ledger", 1), ("search", 2)] {
            config.services.insert(name.into(), Service { team: "t".into(), tier, description: String::new() });
        }
        config
    }

    fn dr_test(id: &str, rto_minutes: i64, rpo_minutes: Option<i64>) -> DrillSummary {
        let mut d = drill(id, "2026-10-14", &["ledger", "search", "unknown"], DrillStatus::Done);
        d.meta.kind = DrillKind::DrTest;
        d.meta.measured_rto = Some(Duration { seconds: rto_minutes * 60 });
        d.meta.measured_rpo = rpo_minutes.map(|m| Duration { seconds: m * 60 });
        d
    }

    #[test]
    fn measured_recovery_against_each_services_tier() {
        // Tier 1: RTO 15 min, RPO 5 min; tier 2: 4 h and 1 h. The unknown service has no tier.
        let report = drill_report(&[dr_test("restore", 95, Some(5))], &config(), day("2026-11-30"));
        let met: Vec<(&str, Option<bool>, Option<bool>)> =
            report.recovery_tests.iter().map(|t| (t.service.as_str(), t.rto_met, t.rpo_met)).collect();
        assert_eq!(met, [("ledger", Some(false), Some(true)), ("search", Some(true), Some(true))]);
        let exact = drill_report(&[dr_test("exact", 15, None)], &config(), day("2026-11-30"));
        assert_eq!((exact.recovery_tests[0].rto_met, exact.recovery_tests[0].rpo_met), (Some(true), None));
    }

    #[test]
    fn next_due_counts_from_the_last_done_drill() {
        let drills = [
            drill("old", "2026-06-01", &["ledger"], DrillStatus::Done),
            drill("aborted", "2026-09-01", &["ledger"], DrillStatus::Aborted),
            drill("later", "2027-01-10", &["ledger"], DrillStatus::Planned),
            drill("sooner", "2026-12-10", &["ledger"], DrillStatus::Planned),
        ];
        let report = drill_report(&drills, &config(), day("2026-08-30"));
        let ledger = &report.services[0];
        assert_eq!(ledger.next_due, Some(day("2026-08-30")), "2026-06-01 + 90 days");
        assert!(!ledger.overdue, "due today is not yet overdue");
        let later = drill_report(&drills, &config(), day("2026-09-02"));
        let ledger = &later.services[0];
        assert!(ledger.overdue);
        assert_eq!(ledger.latest.as_ref().map(|d| d.id.as_str()), Some("aborted"));
        assert_eq!(ledger.last_done.as_ref().map(|d| d.id.as_str()), Some("old"));
        assert_eq!(ledger.next_planned.as_ref().map(|d| d.id.as_str()), Some("sooner"));
        let search = &later.services[1];
        assert!(search.overdue && search.next_due.is_none(), "never drilled");
        let ids: Vec<&str> = later.timeline.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["later", "sooner", "aborted", "old"]);
    }
}
