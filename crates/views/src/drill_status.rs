//! Drills against each service's tier, as `/drills`, the service pages and the incidents
//! page show them: when each service was last drilled and is next due, the recovery tests'
//! measurements against the targets, and the incidents that took longer than the RTO.

use analytics::{DrillRef, DrillReport, OverRto, RecoveryTest, ServiceDrills};
use model::dates::DATE_TIME_UTC;
use model::duration::Duration;

use crate::format::format_hours;
use crate::paths;

#[derive(Debug, Clone, PartialEq)]
pub struct ServiceDrillRow {
    pub service: String,
    pub service_path: String,
    pub tier: u8,
    /// (title, path) of the last drill held.
    pub last_done: Option<(String, String)>,
    /// "2026-10-14 · failed", or "never".
    pub last_done_text: String,
    /// "2027-01-12", or "now" when never drilled.
    pub next_due: String,
    pub overdue: bool,
    pub every: String,
    /// (title, path, date) of the next planned drill.
    pub next_planned: Option<(String, String, String)>,
}

impl ServiceDrillRow {
    pub fn of(s: &ServiceDrills) -> ServiceDrillRow {
        let last_text = s.last_done.as_ref().map_or("never".to_owned(), |d| match d.outcome {
            Some(outcome) => format!("{} · {}", d.date, outcome.label()),
            None => d.date.to_string(),
        });
        ServiceDrillRow {
            service: s.service.clone(),
            service_path: paths::service(&s.service),
            tier: s.targets.tier,
            last_done: s.last_done.as_ref().map(titled),
            last_done_text: last_text,
            next_due: s.next_due.map_or("now".to_owned(), |d| d.to_string()),
            overdue: s.overdue,
            every: format!("every {} days", s.targets.drill_every_days),
            next_planned: s.next_planned.as_ref().map(|d| (d.title.clone(), paths::drill(&d.id), d.date.to_string())),
        }
    }
}

fn titled(d: &DrillRef) -> (String, String) {
    (d.title.clone(), paths::drill(&d.id))
}

/// One measurement against its target: "95m against 15m — missed".
fn measured(value: Option<Duration>, target: Duration, met: Option<bool>) -> String {
    match (value, met) {
        (Some(v), Some(true)) => format!("{v} against {target} — met"),
        (Some(v), _) => format!("{v} against {target} — missed"),
        (None, _) => format!("not measured (target {target})"),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryRow {
    pub drill: (String, String),
    pub date: String,
    pub service: String,
    pub tier: u8,
    pub rto: String,
    pub rpo: String,
    /// Either measurement missed its target.
    pub missed: bool,
}

impl RecoveryRow {
    pub fn of(t: &RecoveryTest) -> RecoveryRow {
        RecoveryRow {
            drill: titled(&t.drill),
            date: t.drill.date.to_string(),
            service: t.service.clone(),
            tier: t.targets.tier,
            rto: measured(t.measured_rto, t.targets.rto, t.rto_met),
            rpo: measured(t.measured_rpo, t.targets.rpo, t.rpo_met),
            missed: t.rto_met == Some(false) || t.rpo_met == Some(false),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverRtoRow {
    pub incident: String,
    /// The postmortem, when one documents it.
    pub path: Option<String>,
    pub service: String,
    pub began: String,
    pub restore: String,
    pub rto: String,
}

impl OverRtoRow {
    pub fn of(o: &OverRto) -> OverRtoRow {
        OverRtoRow {
            incident: o.incident_id.clone(),
            path: o.has_postmortem.then(|| paths::postmortem(&o.incident_id)),
            service: o.service.clone(),
            began: o.began.format(DATE_TIME_UTC).to_string(),
            restore: format_hours(Some(o.restore_minutes / 60.0)),
            rto: o.rto.to_string(),
        }
    }
}

/// What `/drills` shows besides its timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillStatusView {
    pub services: Vec<ServiceDrillRow>,
    pub recovery: Vec<RecoveryRow>,
    pub overdue: usize,
}

impl DrillStatusView {
    pub fn of(report: &DrillReport) -> DrillStatusView {
        let services: Vec<ServiceDrillRow> = report.services.iter().map(ServiceDrillRow::of).collect();
        DrillStatusView {
            overdue: services.iter().filter(|s| s.overdue).count(),
            recovery: report.recovery_tests.iter().map(RecoveryRow::of).collect(),
            services,
        }
    }

    /// One service's row, for its page.
    pub fn service(&self, name: &str) -> Option<&ServiceDrillRow> {
        self.services.iter().find(|s| s.service == name)
    }
}

/// The incidents over their tier's RTO of the services `keep` keeps.
pub fn over_rto_rows(over: &[OverRto], keep: impl Fn(&str) -> bool) -> Vec<OverRtoRow> {
    over.iter().filter(|o| keep(&o.service)).map(OverRtoRow::of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{DrillKind, DrillOutcome, DrillStatus, TierTargets};

    fn drill(outcome: Option<DrillOutcome>) -> DrillRef {
        DrillRef {
            id: "2026-10-14-ledger-restore".into(),
            title: "Restore the ledger".into(),
            date: "2026-10-14".parse().unwrap(),
            kind: DrillKind::DrTest,
            services: vec!["ledger".into()],
            status: DrillStatus::Done,
            outcome,
        }
    }

    #[test]
    fn a_missed_recovery_target_and_an_overdue_service() {
        let targets = TierTargets::default_for(1);
        let test = RecoveryTest {
            drill: drill(Some(DrillOutcome::Failed)),
            service: "ledger".into(),
            targets,
            measured_rto: Some(Duration { seconds: 95 * 60 }),
            measured_rpo: None,
            rto_met: Some(false),
            rpo_met: None,
        };
        let row = RecoveryRow::of(&test);
        assert_eq!(
            (row.rto.as_str(), row.rpo.as_str(), row.missed),
            ("95m against 15m — missed", "not measured (target 5m)", true)
        );
        let service = ServiceDrills {
            service: "ledger".into(),
            targets,
            latest: Some(drill(Some(DrillOutcome::Failed))),
            last_done: Some(drill(Some(DrillOutcome::Failed))),
            next_due: Some("2027-01-12".parse().unwrap()),
            overdue: false,
            next_planned: None,
        };
        let row = ServiceDrillRow::of(&service);
        assert_eq!(
            (row.last_done_text.as_str(), row.next_due.as_str(), row.every.as_str()),
            ("2026-10-14 · failed", "2027-01-12", "every 90 days")
        );
        assert_eq!(row.last_done, Some(("Restore the ledger".into(), "/drills/2026-10-14-ledger-restore".into())));
        let never = ServiceDrills { last_done: None, latest: None, next_due: None, overdue: true, ..service };
        let row = ServiceDrillRow::of(&never);
        assert_eq!((row.last_done_text.as_str(), row.next_due.as_str(), row.overdue), ("never", "now", true));
    }
}
