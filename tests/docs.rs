//! The examples in docs/formats.md are real: written out as a repo, they must pass `check`;
//! and docs/checks.md lists the rules `check` has.

mod support;

use compile::load_and_check;
use firebreak_fuzz::documented_files;
use ingest::rule_ids::RULES;
use model::{
    ActionKind, ActionStatus, BudgetingMethod, CalendarPeriod, DeployStatus, DocumentRef, DrillKind, DrillOutcome,
    DrillStatus, PolicyState, RuleLevel, Severity, ShiftLevel, SloWindow, Threshold, ThresholdOp,
};
use support::root;

#[test]
fn every_documented_example_is_valid_and_means_what_the_docs_say() {
    let markdown = std::fs::read_to_string(root().join("docs/formats.md")).unwrap();
    let files = documented_files(&markdown);
    assert!(files.len() >= 8, "found only {} examples", files.len());
    let repo_dir = tempfile::tempdir().unwrap();
    for (path, content) in &files {
        let target = repo_dir.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, content).unwrap();
    }
    let (repo, diagnostics) = load_and_check(repo_dir.path(), support::AS_OF);
    assert!(diagnostics.is_empty(), "{:?}", diagnostics.sorted());

    assert_eq!(repo.config.services["checkout"].tier, 1);
    let pm = &repo.postmortems[0];
    assert_eq!(pm.meta.id, "2026-06-12-checkout-payment-timeouts");
    assert_eq!(pm.timeline.len(), 3);
    assert_eq!(pm.timeline[2].at.to_rfc3339(), "2026-06-13T00:20:00+00:00", "rolled over midnight");
    assert_eq!(
        pm.action_items.iter().map(|i| i.status).collect::<Vec<_>>(),
        [ActionStatus::Done, ActionStatus::InProgress]
    );
    assert_eq!(pm.action_items[0].completed_on, chrono::NaiveDate::from_ymd_opt(2026, 6, 20));
    assert_eq!(pm.action_items[0].ticket.as_deref(), Some("OPS-412"));
    assert_eq!(pm.action_items[1].kind, Some(ActionKind::Prevent));
    assert_eq!(repo.config.people["@tomas"].team, "payments");
    the_documented_oncall_inputs_mean_what_the_docs_say(&repo);
    assert_eq!(repo.config.rules["blameless-language"], RuleLevel::Error);
    assert_eq!(repo.config.taxonomy.tags.len(), 5);
    assert_eq!(
        repo.alerts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["CheckoutHighErrorRate", "CheckoutPaymentLatencyHigh"]
    );
    assert_eq!(repo.config.action_items.due_within_days[&Severity::Sev2], 30);
    assert_eq!(repo.runbooks[0].meta.review_every.days, 90);
    assert_eq!(repo.metrics.deployments.len(), 3);
    assert_eq!(repo.metrics.deployments[0].status, DeployStatus::RolledBack);
    assert_eq!(
        repo.metrics.changes[0].extra.get("author").map(String::as_str),
        Some("priya"),
        "extra columns are kept"
    );
    assert_eq!(repo.metrics.incidents.len(), 2, "CSV and JSON Lines both read");
    assert_eq!(
        repo.metrics.series.iter().map(|s| (s.name.as_str(), s.points.len())).collect::<Vec<_>>(),
        [
            ("checkout-cpu-cores", 3),
            ("checkout-pool-clients{instance=\"pgbouncer-2:9127\"}", 3),
            ("checkout-pool-clients{instance=\"pgbouncer-1:9127\"}", 3),
        ],
        "one series per label set of a Prometheus export, in the file's order"
    );
    assert_eq!(repo.metrics.series[1].points[2].value, 44.0);
    assert!(repo.metrics.series.iter().all(|s| s.problems.is_empty()));
    let cpu = &repo.config.capacity["checkout-cpu-cores"];
    assert_eq!((cpu.limit, cpu.headroom, cpu.lead_time_days, cpu.horizon_days()), (Some(96.0), 0.3, 21, 120));
    assert_eq!(cpu.resample.map(|r| r.seconds), Some(3600));
    let policy = &repo.config.slo;
    assert_eq!((policy.caution, policy.warning, policy.exhausted, policy.min_events), (0.5, 0.25, 0.1, 50.0));
    assert_eq!(policy.freeze_states, [PolicyState::Warning, PolicyState::Exhausted]);
    let onboarding = &repo.onboarding;
    assert_eq!(onboarding.title, "Joining the payments on-call");
    assert_eq!(
        onboarding.reading_list.iter().map(|e| e.document.clone()).collect::<Vec<_>>(),
        [
            DocumentRef::Postmortem("2026-06-12-checkout-payment-timeouts".into()),
            DocumentRef::Runbook("checkout-high-error-rate".into())
        ]
    );
    assert_eq!(onboarding.progression.iter().map(|s| s.tasks.len()).collect::<Vec<_>>(), [1, 1]);
    assert!(onboarding.glossary.iter().any(|t| t.name == "PSP"), "the team's term");
    assert!(onboarding.glossary.iter().any(|t| t.name == "MTTR"), "and the standard ones");
    the_documented_slos_mean_what_the_docs_say(&repo);
    the_documented_drill_means_what_the_docs_say(&repo);
}

fn the_documented_drill_means_what_the_docs_say(repo: &model::Repo) {
    let drill = &repo.drills[0];
    assert_eq!(drill.meta.id, "2026-10-14-restore-checkout-db");
    assert_eq!((drill.meta.kind, drill.meta.status), (DrillKind::DrTest, DrillStatus::Done));
    assert_eq!(drill.meta.outcome, Some(DrillOutcome::Failed));
    assert_eq!(drill.meta.measured_rto.map(|d| d.seconds), Some(95 * 60));
    assert_eq!(drill.meta.measured_rpo.map(|d| d.seconds), Some(4 * 60));
    assert_eq!(drill.sections.len(), 8, "every template section is recognised");
    assert!(drill.sections.iter().all(|s| s.kind != model::SectionKind::Other));
    assert_eq!(drill.action_items[0].status, ActionStatus::Done);
}

fn the_documented_oncall_inputs_mean_what_the_docs_say(repo: &model::Repo) {
    assert_eq!(repo.config.people["@hannah"].time_zone.as_deref(), Some("Europe/Berlin"));
    let limits = &repo.config.oncall;
    assert_eq!((limits.max_pages_per_12_hours, limits.max_on_call_share), (2.0, 0.3));
    assert_eq!(
        (limits.business_hours.to_string(), limits.sleep_hours.to_string()),
        ("09:00-17:30".into(), "23:00-07:00".into())
    );
    let one = repo.config.tier_of("checkout").unwrap();
    assert_eq!(
        (one.rto.seconds, one.rpo.seconds, one.drill_every_days, one.restore_under.seconds),
        (900, 300, 60, 1200)
    );
    let two = repo.config.tier_of("search").unwrap();
    assert_eq!((two.rto.seconds, two.restore_under.seconds, two.drill_every_days), (7200, 7200, 180), "defaults kept");
    assert_eq!((repo.config.readiness.overdue_grace_days, repo.config.readiness.require_slo), (7, true));
    assert_eq!(
        repo.metrics.pages.iter().map(|p| (p.page_id.as_str(), p.acknowledged_at.is_some())).collect::<Vec<_>>(),
        [("PG-1001", true), ("PG-1002", false), ("PG-1003", false)],
        "CSV and JSON Lines both read"
    );
    assert!(repo.metrics.pages[1].auto_resolved && repo.metrics.pages[2].escalated);
    assert_eq!(repo.metrics.pages[1].triggered_at.to_rfc3339(), "2026-06-14T01:10:00+00:00");
    assert_eq!(
        repo.metrics.shifts.iter().map(|s| (s.responder.as_str(), s.level)).collect::<Vec<_>>(),
        [("@priya", ShiftLevel::Primary), ("@tomas", ShiftLevel::Secondary), ("@hannah", ShiftLevel::Primary)]
    );
}

fn the_documented_slos_mean_what_the_docs_say(repo: &model::Repo) {
    let names: Vec<&str> = repo.slos.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["checkout-api", "checkout-availability", "checkout-payments", "search-latency"],
        "in file order"
    );
    let [availability, payments, latency] = [1, 2, 3].map(|i| &repo.slos[i]);
    assert_eq!(availability.window, SloWindow::Rolling { seconds: 28 * 86_400 });
    assert_eq!((availability.objective.target, availability.method), (0.999, BudgetingMethod::Occurrences));
    let requests = &repo.sli["checkout-availability"].events;
    assert_eq!((requests.len(), requests.good[2], requests.total[2]), (3, 41220.0, 58007.0));
    assert_eq!(
        payments.window,
        SloWindow::Calendar { period: CalendarPeriod::Month, start_month: 1, time_zone: Some("Europe/Berlin".into()) }
    );
    assert!(
        payments.prometheus.as_ref().is_some_and(|p| p.bad && p.total == "sum(rate(psp_payments_total[{{.window}}]))")
    );
    let rules = compile::prometheus_rules::prometheus_rules(&repo.slos);
    let skipped: Vec<&str> = rules.skipped.iter().map(|(slo, _)| slo.name.as_str()).collect();
    assert_eq!(skipped, ["checkout-api", "checkout-availability", "search-latency"], "only the payments SLO has rules");
    // The alert formats.md shows is the one written.
    let page = r#"(slo:sli_error:ratio_rate5m{slo="checkout-payments", service="checkout"} >= (14.4 * 0.005))"#;
    assert!(rules.yaml.contains(page), "{}", rules.yaml);
    assert_eq!(payments.alerts.len(), 1);
    assert_eq!(payments.alerts[0].factor(&payments.window), 14.4);
    let counted = &repo.sli["checkout-payments"].events;
    assert_eq!(counted.total, [2510.0, 2210.0], "increases, the reset's new value all counted");
    assert_eq!(counted.good, [2507.0, 2209.0], "good = total − bad");
    assert_eq!((latency.method, latency.objective.time_slice_seconds), (BudgetingMethod::Timeslices, Some(300)));
    assert_eq!(latency.objective.threshold, Some(Threshold { op: ThresholdOp::Lte, value: 300.0 }));
    assert_eq!(repo.sli["search-latency"].events.good, [1.0, 0.0], "305 ms is over 300");
    let api = &repo.sli["checkout-api"].events;
    assert_eq!(api.total, [59924.0, 59991.0, 57995.0], "every series, both instances summed");
    assert_eq!(api.good, [59912.0, 59991.0, 41208.0], "good = total − the server errors");
    assert_eq!(api.at[0], 1_781_273_100, "2026-06-12T14:05:00Z");
    assert!(repo.sli.values().all(|s| s.excluded.is_empty()));
}

/// docs/checks.md's table of rules is the registry's: every rule, in its order, at its
/// default level.
#[test]
fn the_rules_table_of_checks_md_is_the_registry() {
    let markdown = std::fs::read_to_string(root().join("docs/checks.md")).unwrap();
    let documented: Vec<(String, String)> = markdown
        .lines()
        .filter_map(|line| {
            let mut cells = line.strip_prefix("| `")?.split(" | ");
            let name = cells.next()?.strip_suffix('`')?;
            Some((name.to_owned(), cells.next()?.to_owned()))
        })
        .collect();
    let registered: Vec<(String, String)> = RULES.iter().map(|r| (r.name.to_owned(), r.level.to_string())).collect();
    assert_eq!(documented, registered);
}
