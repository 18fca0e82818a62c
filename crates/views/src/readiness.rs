//! Each service's readiness stage as its page, `/services` and the home page show it: the
//! stage, and every criterion in words with its evidence and where to look.

use analytics::DrillRef;
use analytics::readiness::{Check, Criterion, Evidence, OpenItem, ServiceReadiness, Stage};
use model::duration::Duration;

use crate::format::format_hours;
use crate::paths;

#[derive(Debug, Clone, PartialEq)]
pub struct ReadinessRow {
    pub service: String,
    pub service_path: String,
    pub tier: u8,
    pub stage: Stage,
    /// "fire prevention".
    pub stage_label: &'static str,
    /// What the next stage still needs, in words; empty at fire-starting.
    pub held_back_by: Vec<&'static str>,
    pub checks: Vec<CheckRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    /// "Every alert has a runbook".
    pub criterion: &'static str,
    /// The stage it belongs to.
    pub stage: &'static str,
    pub holds: bool,
    pub evidence: String,
    /// (text, path) of the page that shows the evidence.
    pub link: Option<(String, String)>,
}

impl ReadinessRow {
    pub fn of(r: &ServiceReadiness) -> ReadinessRow {
        ReadinessRow {
            service: r.service.clone(),
            service_path: paths::service(&r.service),
            tier: r.targets.tier,
            stage: r.stage,
            stage_label: r.stage.label(),
            held_back_by: r.held_back_by.iter().map(|c| criterion_label(*c)).collect(),
            checks: r.checks.iter().map(CheckRow::of).collect(),
        }
    }
}

pub fn rows(all: &[ServiceReadiness]) -> Vec<ReadinessRow> {
    all.iter().map(ReadinessRow::of).collect()
}

/// How many services are in each stage, for the home page: (label, count), in path order.
pub fn stage_counts(all: &[ServiceReadiness]) -> Vec<(&'static str, usize)> {
    Stage::ALL.iter().map(|stage| (stage.label(), all.iter().filter(|r| r.stage == *stage).count())).collect()
}

pub fn criterion_label(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::AlertsHaveRunbooks => "Every alert has a runbook",
        Criterion::RunbooksReviewed => "Runbooks reviewed on time",
        Criterion::HasSlo => "Has an SLO",
        Criterion::ActionItemsOnTime => "No action item overdue",
        Criterion::RestoreUnderTarget => "Median time to restore under target",
        Criterion::DrillsOnCadence => "Drilled on cadence",
        Criterion::LastDrillDone => "Latest drill done",
        Criterion::DrillItemsOnTime => "Drill action items on time",
    }
}

impl CheckRow {
    fn of(c: &Check) -> CheckRow {
        let (evidence, link) = evidence(&c.evidence);
        CheckRow {
            criterion: criterion_label(c.criterion),
            stage: c.criterion.stage().label(),
            holds: c.holds,
            evidence,
            link,
        }
    }
}

type Link = Option<(String, String)>;

fn evidence(e: &Evidence) -> (String, Link) {
    match e {
        Evidence::Alerts { alerts, without_runbook } => alert_evidence(alerts, without_runbook),
        Evidence::Runbooks { runbooks, review_overdue } => runbook_evidence(runbooks, review_overdue),
        Evidence::Slos { slos } => match slos.first() {
            Some(first) => (format!("SLOs: {}", slos.join(", ")), Some((first.clone(), paths::slo(first)))),
            None => ("no SLO names this service".to_owned(), Some(("SLOs".to_owned(), paths::slos().to_owned()))),
        },
        Evidence::ActionItems { overdue } => items_evidence(overdue, "no open action item is past due"),
        Evidence::Restore { incidents, median_minutes, under } => {
            (restore_evidence(*incidents, *median_minutes, *under), None)
        }
        Evidence::Cadence { last_done, next_due, every_days } => {
            let text = match (last_done, next_due) {
                (Some(d), Some(due)) => {
                    format!("last done {} ({}); next due {due}, every {every_days} days", d.date, d.title)
                }
                _ => format!("never drilled; due every {every_days} days"),
            };
            (text, last_done.as_ref().map(drill_link))
        }
        Evidence::LatestDrill { latest } => match latest {
            Some(d) => (format!("latest: {} on {}, {}", d.title, d.date, d.status.label()), Some(drill_link(d))),
            None => ("no drill yet".to_owned(), Some(("Drills".to_owned(), paths::drills().to_owned()))),
        },
        Evidence::DrillItems { drill: None, .. } => ("no drill done yet".to_owned(), None),
        Evidence::DrillItems { drill: Some(d), overdue } => {
            let (text, link) = items_evidence(overdue, "every item closed or not yet due");
            (format!("{}: {text}", d.title), link.or_else(|| Some(drill_link(d))))
        }
    }
}

fn drill_link(d: &DrillRef) -> (String, String) {
    (d.title.clone(), paths::drill(&d.id))
}

fn alert_evidence(alerts: &[String], without: &[String]) -> (String, Link) {
    match without.first() {
        None if alerts.is_empty() => ("no alert names this service".to_owned(), None),
        None => (format!("{} alerts, each in a runbook", alerts.len()), None),
        Some(first) => (
            format!("{} of {} alerts in no runbook: {}", without.len(), alerts.len(), without.join(", ")),
            Some((first.clone(), paths::alert(first))),
        ),
    }
}

fn runbook_evidence(runbooks: &[String], overdue: &[String]) -> (String, Link) {
    match overdue.first() {
        None if runbooks.is_empty() => ("no runbook for this service".to_owned(), None),
        None => (format!("{} runbooks, each within its review period", runbooks.len()), None),
        Some(first) => {
            (format!("past their review period: {}", overdue.join(", ")), Some((first.clone(), paths::runbook(first))))
        }
    }
}

fn items_evidence(overdue: &[OpenItem], none: &str) -> (String, Link) {
    let Some(oldest) = overdue.iter().min_by_key(|i| i.due) else { return (none.to_owned(), None) };
    let path = if oldest.source == "drill" { paths::drill(&oldest.id) } else { paths::postmortem(&oldest.id) };
    let text = format!(
        "{} past due; oldest: {} #{} “{}” ({}, due {})",
        plural(overdue.len(), "item"),
        oldest.id,
        oldest.number,
        oldest.text,
        oldest.owner,
        oldest.due
    );
    (text, Some((oldest.id.clone(), path)))
}

fn restore_evidence(incidents: usize, median: Option<f64>, under: Duration) -> String {
    let target = format_hours(Some(under.seconds as f64 / 3600.0));
    match median {
        None => format!("no incident in the window (under {target} needed)"),
        Some(m) => format!(
            "median {} over {} (under {target} needed)",
            format_hours(Some(m / 60.0)),
            plural(incidents, "incident")
        ),
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::TierTargets;

    fn late(source: &str, id: &str, due: &str) -> OpenItem {
        OpenItem {
            source: source.into(),
            id: id.into(),
            number: "2".into(),
            text: "Add a canary".into(),
            owner: "@mei".into(),
            due: due.parse().unwrap(),
        }
    }

    fn readiness(checks: Vec<Check>) -> ServiceReadiness {
        let held_back_by = checks.iter().filter(|c| !c.holds).map(|c| c.criterion).collect();
        ServiceReadiness {
            service: "checkout".into(),
            targets: TierTargets::default_for(1),
            stage: Stage::Firefighting,
            checks,
            held_back_by,
        }
    }

    #[test]
    fn evidence_in_words_with_a_link_to_where_it_is() {
        let restore = Evidence::Restore { incidents: 3, median_minutes: Some(30.0), under: Duration { seconds: 1200 } };
        let items = Evidence::ActionItems {
            overdue: vec![
                late("postmortem", "2026-10-01-a", "2026-11-01"),
                late("drill", "2026-09-10-b", "2026-10-20"),
            ],
        };
        let row = ReadinessRow::of(&readiness(vec![
            Check { criterion: Criterion::RestoreUnderTarget, holds: false, evidence: restore },
            Check { criterion: Criterion::ActionItemsOnTime, holds: false, evidence: items },
        ]));
        assert_eq!((row.stage_label, row.service_path.as_str()), ("firefighting", "/services/checkout"));
        assert_eq!(row.held_back_by, ["Median time to restore under target", "No action item overdue"]);
        assert_eq!(row.checks[0].evidence, "median 30 min over 3 incidents (under 20 min needed)");
        assert_eq!(row.checks[0].link, None);
        assert_eq!(
            row.checks[1].evidence,
            "2 items past due; oldest: 2026-09-10-b #2 “Add a canary” (@mei, due 2026-10-20)"
        );
        assert_eq!(row.checks[1].link, Some(("2026-09-10-b".into(), "/drills/2026-09-10-b".into())));
    }

    #[test]
    fn a_service_never_drilled_and_one_without_alerts() {
        let never = Evidence::Cadence { last_done: None, next_due: None, every_days: 90 };
        let none = Evidence::Alerts { alerts: vec![], without_runbook: vec![] };
        let uncovered = Evidence::Alerts { alerts: vec!["A".into(), "B".into()], without_runbook: vec!["B".into()] };
        let (text, _) = evidence(&never);
        assert_eq!(text, "never drilled; due every 90 days");
        assert_eq!(evidence(&none), ("no alert names this service".to_owned(), None));
        assert_eq!(
            evidence(&uncovered),
            ("1 of 2 alerts in no runbook: B".to_owned(), Some(("B".to_owned(), "/alerts/B".to_owned())))
        );
        let restore = Evidence::Restore { incidents: 0, median_minutes: None, under: Duration { seconds: 4 * 3600 } };
        assert_eq!(evidence(&restore).0, "no incident in the window (under 4.0 h needed)");
    }

    #[test]
    fn stage_counts_in_path_order() {
        let mut prevention = readiness(vec![]);
        prevention.stage = Stage::FirePrevention;
        let counts = stage_counts(&[readiness(vec![]), prevention.clone(), prevention]);
        assert_eq!(counts, [("firefighting", 1), ("fire prevention", 2), ("fire-starting", 0)]);
    }
}
