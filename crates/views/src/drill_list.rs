//! `/drills` and a drill's page without their markup: each drill as the timeline lists it,
//! the facts a drill's page shows, and its measured recovery against the tier's targets.

use analytics::DrillReport;
use model::{Config, DrillMeta, DrillSummary};

use crate::drill_status::{DrillStatusView, RecoveryRow};
use crate::paths;
use crate::postmortem::service_label;

/// A service a drill names: its label ("ledger (payments)") and its page.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceLink {
    pub label: String,
    pub path: String,
}

fn service_links(config: &Config, services: &[String]) -> Vec<ServiceLink> {
    services.iter().map(|s| ServiceLink { label: service_label(config, s), path: paths::service(s) }).collect()
}

/// One drill on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillTimelineRow {
    pub id: String,
    pub path: String,
    pub date: String,
    pub title: String,
    pub kind: &'static str,
    pub status: &'static str,
    /// The outcome's label, when it has one.
    pub outcome: Option<&'static str>,
    pub services: Vec<ServiceLink>,
    /// "RTO 95m · RPO 4m", or "—" when nothing was measured.
    pub measured: String,
}

impl DrillTimelineRow {
    pub fn of(drill: &DrillSummary, config: &Config) -> DrillTimelineRow {
        let m = &drill.meta;
        DrillTimelineRow {
            id: m.id.clone(),
            path: paths::drill(&m.id),
            date: m.date.to_string(),
            title: m.title.clone(),
            kind: m.kind.label(),
            status: m.status.label(),
            outcome: m.outcome.map(|o| o.label()),
            services: service_links(config, &m.services),
            measured: measured(m),
        }
    }
}

/// Every drill, newest first (ties by id), planned ones included.
pub fn timeline(drills: &[DrillSummary], config: &Config) -> Vec<DrillTimelineRow> {
    let mut rows: Vec<(&DrillSummary, DrillTimelineRow)> =
        drills.iter().map(|d| (d, DrillTimelineRow::of(d, config))).collect();
    rows.sort_by(|(a, _), (b, _)| b.meta.date.cmp(&a.meta.date).then_with(|| a.meta.id.cmp(&b.meta.id)));
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The line under the page's title: "6 drill(s) · 2 of 5 service(s) overdue · as of 2026-11-30".
pub fn summary(drills: usize, status: &DrillStatusView, report: &DrillReport) -> String {
    format!(
        "{drills} drill(s) · {} of {} service(s) overdue · as of {}",
        status.overdue,
        status.services.len(),
        report.as_of
    )
}

/// What was measured, as the timeline writes it.
fn measured(m: &DrillMeta) -> String {
    let parts: Vec<String> = [("RTO", m.measured_rto), ("RPO", m.measured_rpo)]
        .into_iter()
        .filter_map(|(label, value)| value.map(|v| format!("{label} {v}")))
        .collect();
    if parts.is_empty() { "—".to_owned() } else { parts.join(" · ") }
}

/// A drill page's facts list, label and value, in the order shown.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillFacts {
    pub kicker: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub outcome: Option<&'static str>,
    pub services: Vec<ServiceLink>,
    pub facilitator: Option<String>,
    pub participants: Option<String>,
    /// The measured recovery against each named service's tier, when it was a done dr-test.
    pub recovery: Vec<RecoveryRow>,
    /// What was measured when no tier judges it (not a done dr-test, or no catalog tier).
    pub measured: Option<String>,
}

impl DrillFacts {
    pub fn of(meta: &DrillMeta, config: &Config, report: &DrillReport) -> DrillFacts {
        let recovery: Vec<RecoveryRow> =
            report.recovery_tests.iter().filter(|t| t.drill.id == meta.id).map(RecoveryRow::of).collect();
        let measured = measured(meta);
        DrillFacts {
            kicker: format!("{} · {}", meta.date, meta.kind.label()),
            kind: meta.kind.label(),
            status: meta.status.label(),
            outcome: meta.outcome.map(|o| o.label()),
            services: service_links(config, &meta.services),
            facilitator: meta.facilitator.clone(),
            participants: (!meta.participants.is_empty()).then(|| meta.participants.join(", ")),
            measured: (recovery.is_empty() && measured != "—").then_some(measured),
            recovery,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::duration::Duration;
    use model::{DrillKind, DrillOutcome, DrillStatus, Service};

    fn config() -> Config {
        let mut config = Config::default();
        config
            .services
            .insert("ledger".into(), Service { team: "payments".into(), tier: 1, description: String::new() });
        config
    }

    fn drill(id: &str, date: &str, kind: DrillKind, status: DrillStatus) -> DrillSummary {
        DrillSummary {
            meta: DrillMeta {
                id: id.into(),
                title: format!("Drill {id}"),
                date: date.parse().unwrap(),
                kind,
                services: vec!["ledger".into(), "search".into()],
                status,
                outcome: None,
                measured_rto: None,
                measured_rpo: None,
                facilitator: Some("@olu".into()),
                participants: vec!["@priya".into(), "@dmitri".into()],
            },
            path: format!("content/drills/{id}.md"),
            action_items: Vec::new(),
        }
    }

    fn restore() -> DrillSummary {
        let mut d = drill("restore", "2026-10-14", DrillKind::DrTest, DrillStatus::Done);
        d.meta.outcome = Some(DrillOutcome::Failed);
        d.meta.measured_rto = Some(Duration { seconds: 95 * 60 });
        d.meta.measured_rpo = Some(Duration { seconds: 4 * 60 });
        d
    }

    #[test]
    fn the_timeline_is_newest_first_with_planned_drills_and_measurements() {
        let drills = [restore(), drill("next", "2026-12-10", DrillKind::GameDay, DrillStatus::Planned)];
        let rows = timeline(&drills, &config());
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["next", "restore"]);
        let (next, done) = (&rows[0], &rows[1]);
        assert_eq!((next.status, next.outcome, next.measured.as_str()), ("planned", None, "—"));
        assert_eq!((done.kind, done.outcome, done.measured.as_str()), ("dr-test", Some("failed"), "RTO 95m · RPO 4m"));
        assert_eq!(done.path, "/drills/restore");
        let labels: Vec<&str> = done.services.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["ledger (payments)", "search"], "a service outside the catalog keeps its bare name");
        assert_eq!(done.services[0].path, "/services/ledger");
    }

    #[test]
    fn a_done_dr_test_is_judged_against_its_tier_and_others_only_say_what_was_measured() {
        let drills = [restore()];
        let report = analytics::drill_report(&drills, &config(), "2026-11-30".parse().unwrap());
        let facts = DrillFacts::of(&drills[0].meta, &config(), &report);
        let rto: Vec<(&str, &str)> = facts.recovery.iter().map(|r| (r.service.as_str(), r.rto.as_str())).collect();
        assert_eq!(rto, [("ledger", "95m against 15m — missed")], "only catalog services have a tier");
        assert_eq!(facts.measured, None);
        let status = DrillStatusView::of(&report);
        assert_eq!(summary(1, &status, &report), "1 drill(s) · 0 of 1 service(s) overdue · as of 2026-11-30");
        assert_eq!(facts.participants.as_deref(), Some("@priya, @dmitri"));
        assert_eq!(facts.kicker, "2026-10-14 · dr-test");
        let mut chaos = restore();
        chaos.meta.kind = DrillKind::Chaos;
        let report = analytics::drill_report(std::slice::from_ref(&chaos), &config(), "2026-11-30".parse().unwrap());
        let facts = DrillFacts::of(&chaos.meta, &config(), &report);
        assert!(facts.recovery.is_empty());
        assert_eq!(facts.measured.as_deref(), Some("RTO 95m · RPO 4m"));
    }
}
