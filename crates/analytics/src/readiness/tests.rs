//! Three services, one in each stage, and the edges of each criterion, computed by hand.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::drill_report;
use model::duration::Duration;
use model::{
    ActionItem, ActionStatus, DrillKind, DrillMeta, DrillStatus, ReviewPeriod, RowSource, RunbookMeta, Service,
    Severity,
};

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

const AS_OF: &str = "2026-11-30";

fn config() -> Config {
    let mut config = Config::default();
    for (name, tier) in [("calm", 3), ("steady", 2), ("busy", 1)] {
        config.services.insert(name.into(), Service { team: "t".into(), tier, description: String::new() });
    }
    config
}

pub fn drill(id: &str, date: &str, services: &[&str], status: DrillStatus) -> DrillSummary {
    DrillSummary {
        meta: DrillMeta {
            id: id.into(),
            title: format!("Drill {id}"),
            date: day(date),
            kind: DrillKind::GameDay,
            services: services.iter().map(|s| s.to_string()).collect(),
            status,
            outcome: None,
            measured_rto: None,
            measured_rpo: None,
            facilitator: None,
            participants: vec![],
        },
        path: format!("content/drills/{id}.md"),
        action_items: vec![],
    }
}

fn item(number: &str, due: &str, status: ActionStatus) -> ActionItem {
    ActionItem { due: Some(day(due)), ..ActionItem::example(number, status) }
}

fn runbook(slug: &str, service: &str, reviewed: &str, alerts: &[&str]) -> RunbookSummary {
    RunbookSummary {
        slug: slug.into(),
        meta: RunbookMeta {
            title: slug.into(),
            service: service.into(),
            owner: "@a".into(),
            last_reviewed: day(reviewed),
            review_every: ReviewPeriod { days: 90 },
            alerts: alerts.iter().map(|a| a.to_string()).collect(),
        },
        path: format!("content/runbooks/{slug}.md"),
        words: 10,
    }
}

fn alert(name: &str, service: &str) -> Alert {
    Alert { name: name.into(), service: Some(service.into()), source: RowSource::default() }
}

/// An incident of `service` that began at `start` and was restored after `minutes`.
fn incident(id: &str, service: &str, start: &str, minutes: i64) -> IncidentRecord {
    let began = at(start);
    IncidentRecord {
        id: id.into(),
        services: vec![service.into()],
        severity: Severity::Sev2,
        started_at: Some(began),
        detected_at: None,
        acknowledged_at: None,
        mitigated_at: None,
        resolved_at: Some(began + chrono::Duration::minutes(minutes)),
        caused_by_deploys: vec![],
        has_postmortem: false,
    }
}

struct Fixture {
    config: Config,
    alerts: Vec<Alert>,
    runbooks: Vec<RunbookSummary>,
    slos: Vec<Slo>,
    incidents: Vec<IncidentRecord>,
    drills: Vec<DrillSummary>,
}

fn fixture() -> Fixture {
    let slo = |name: &str, service: &str| Slo { service: service.into(), ..Slo::example(name, 28, 0.999) };
    let mut done = drill("calm-gameday", "2026-10-01", &["calm"], DrillStatus::Done);
    done.action_items =
        vec![item("1", "2026-11-01", ActionStatus::Done), item("2", "2026-12-15", ActionStatus::Pending)];
    Fixture {
        config: config(),
        alerts: vec![alert("CalmDown", "calm"), alert("SteadyDown", "steady"), alert("BusyDown", "busy")],
        runbooks: vec![
            runbook("calm", "calm", "2026-10-01", &["CalmDown"]),
            runbook("steady", "steady", "2026-09-01", &["SteadyDown"]),
            runbook("busy", "busy", "2026-11-01", &["BusyDown"]),
        ],
        slos: vec![slo("calm-ok", "calm"), slo("steady-ok", "steady"), slo("busy-ok", "busy")],
        incidents: vec![
            // busy (tier 1, restore under 20 min): 10, 30 and 45 minutes, median 30.
            incident("B1", "busy", "2026-10-02T10:00:00Z", 10),
            incident("B2", "busy", "2026-10-09T10:00:00Z", 30),
            incident("B3", "busy", "2026-10-16T10:00:00Z", 45),
            // steady (tier 2, under 4 h): median 3 h 59 min.
            incident("S1", "steady", "2026-10-02T10:00:00Z", 239),
        ],
        drills: vec![done, drill("steady-planned", "2026-12-20", &["steady"], DrillStatus::Planned)],
    }
}

fn assess(f: &Fixture) -> Vec<ServiceReadiness> {
    let data = ReadinessData {
        config: &f.config,
        alerts: &f.alerts,
        runbooks: &f.runbooks,
        slos: &f.slos,
        action_items: &[],
        incidents: &f.incidents,
        drills: &f.drills,
        calendar: Calendar::utc(),
    };
    let as_of = day(AS_OF);
    readiness(&data, &drill_report(&f.drills, &f.config, as_of), &Window::ending(as_of, 90), as_of)
}

fn stage_of<'a>(all: &'a [ServiceReadiness], service: &str) -> &'a ServiceReadiness {
    all.iter().find(|r| r.service == service).unwrap()
}

#[test]
fn one_service_in_each_stage() {
    let all = assess(&fixture());
    let calm = stage_of(&all, "calm");
    assert_eq!((calm.stage, calm.held_back_by.as_slice()), (Stage::FireStarting, &[][..]));
    let steady = stage_of(&all, "steady");
    assert_eq!(steady.stage, Stage::FirePrevention);
    assert_eq!(
        steady.held_back_by,
        [Criterion::DrillsOnCadence, Criterion::LastDrillDone, Criterion::DrillItemsOnTime],
        "never drilled: its only drill is planned for after as-of"
    );
    let busy = stage_of(&all, "busy");
    assert_eq!((busy.stage, busy.held_back_by.as_slice()), (Stage::Firefighting, &[Criterion::RestoreUnderTarget][..]));
    let restore = busy.checks.iter().find(|c| c.criterion == Criterion::RestoreUnderTarget).unwrap();
    let expected = Evidence::Restore { incidents: 3, median_minutes: Some(30.0), under: Duration { seconds: 1200 } };
    assert_eq!(restore.evidence, expected);
}

#[test]
fn a_median_at_the_target_is_not_under_it() {
    let mut f = fixture();
    f.incidents.push(incident("S2", "steady", "2026-10-03T10:00:00Z", 241)); // median 240 = 4 h
    assert_eq!(stage_of(&assess(&f), "steady").stage, Stage::Firefighting);
}

#[test]
fn a_stale_runbook_an_alert_without_one_and_a_missing_slo_each_hold_back() {
    let mut f = fixture();
    f.runbooks[0].meta.last_reviewed = day("2026-09-01"); // 90 days before as-of: still within
    assert_eq!(stage_of(&assess(&f), "calm").stage, Stage::FireStarting);
    f.runbooks[0].meta.last_reviewed = day("2026-08-31"); // 91 days
    f.alerts.push(alert("CalmLatency", "calm"));
    f.slos.retain(|s| s.service != "calm");
    let calm = assess(&f).into_iter().find(|r| r.service == "calm").unwrap();
    assert_eq!(calm.held_back_by, [Criterion::AlertsHaveRunbooks, Criterion::RunbooksReviewed, Criterion::HasSlo]);
}

#[test]
fn without_any_slo_in_the_repo_none_is_asked() {
    let mut f = fixture();
    f.slos.clear();
    let calm = assess(&f).into_iter().find(|r| r.service == "calm").unwrap();
    assert_eq!(calm.stage, Stage::FireStarting);
    assert!(calm.checks.iter().all(|c| c.criterion != Criterion::HasSlo));
}

#[test]
fn overdue_drill_items_hold_back_after_the_grace() {
    let mut f = fixture();
    f.drills[0].action_items.push(item("3", "2026-11-27", ActionStatus::Pending)); // 3 days late
    let calm = assess(&f).into_iter().find(|r| r.service == "calm").unwrap();
    assert_eq!(calm.stage, Stage::Firefighting, "a drill's late item is a late item of the service");
    assert_eq!(calm.held_back_by, [Criterion::ActionItemsOnTime]);
    f.config.readiness.overdue_grace_days = 3;
    assert_eq!(stage_of(&assess(&f), "calm").stage, Stage::FireStarting, "due + 3 days is not before as-of");
}

#[test]
fn an_aborted_latest_drill_and_a_lapsed_cadence_hold_back() {
    let mut f = fixture();
    f.drills.push(drill("calm-aborted", "2026-11-20", &["calm"], DrillStatus::Aborted));
    let calm = assess(&f).into_iter().find(|r| r.service == "calm").unwrap();
    assert_eq!(calm.held_back_by, [Criterion::LastDrillDone]);
    // Tier 3 drills yearly: a done drill 366 days before as-of is overdue, 365 is not.
    let mut f = fixture();
    f.drills[0].meta.date = day("2025-11-30");
    assert_eq!(stage_of(&assess(&f), "calm").stage, Stage::FireStarting);
    f.drills[0].meta.date = day("2025-11-29");
    assert_eq!(stage_of(&assess(&f), "calm").held_back_by, [Criterion::DrillsOnCadence]);
}
