//! The `firebreak` command end to end, on the example repo and on fixtures.

mod support;

use analytics::Report;
use ingest::rule_ids::{RULES, RuleId};
use model::bundle::Site;
use model::{Postmortem, Runbook};
use predicates::prelude::*;
use support::{firebreak, fixture, root};

#[test]
fn check_is_clean_on_the_example_repo() {
    firebreak()
        .args(["check", "--source"])
        .arg(root())
        .assert()
        .success()
        .stderr(predicate::str::contains("12 postmortem(s), 8 runbook(s), 6 drill(s): no errors"));
}

/// Every problem of every file, not only the first, each as `path:line:col: error: message`.
#[test]
fn check_reports_every_error_of_a_broken_repo_with_its_position() {
    let output = firebreak()
        .current_dir(fixture("broken"))
        .args(["check", "--as-of", "2026-06-10"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(output).unwrap();
    let expected = [
        "content/metrics/deployments.csv:3:1: error: row has 4 field(s) but the header has 5",
        "content/metrics/deployments.csv:4:32: error: `finished_at`: `2026-06-03 10:00:00` is not an RFC 3339 timestamp with a time zone",
        "content/metrics/deployments.csv:5:1: error: duplicate deploy_id `checkout-1` (first on line 2)",
        "content/metrics/notes.txt:1:1: error: not a known metrics export",
        "postmortems/2026-06-01-unknown-key.md:4:1: error: unknown key `sevrity`; did you mean `severity`?",
        "postmortems/2026-06-02-bad-dates.md:3:1: error: `date`: `2026-13-01` is not a date in the form YYYY-MM-DD",
        "postmortems/2026-06-02-bad-dates.md:5:1: error: `started_at`: `2026-06-02 14:02` is not an RFC 3339 timestamp with a time zone",
        "postmortems/2026-06-03-invalid-yaml.md:6:1: error: invalid YAML",
        "postmortems/2026-06-05-second.md:2:1: error: duplicate postmortem id `shared-id` (also used by postmortems/2026-06-04-first.md)",
        "postmortems/2026-06-05-second.md:6:1: error: service `chekout` does not exist; did you mean `checkout`?",
        "postmortems/2026-06-05-second.md:12:1: error: action item owner `@priya, @tomas` names several people",
        "postmortems/2026-06-05-second.md:13:1: error: due date `soon` is not a date in the form YYYY-MM-DD",
        "postmortems/2026-06-05-second.md:13:1: error: unknown status `Maybe`",
        "firebreak.toml:6:1: error: [capacity.checkout-cpu] names no series of the metrics folder",
        "content/onboarding.md:6:1: error: the reading list names `../postmortems/2026-06-04-frist.md` (postmortems/2026-06-04-frist.md in the repo), which is not a postmortem or runbook; did you mean `postmortems/2026-06-04-first.md`?",
    ];
    for line in expected {
        assert!(stderr.lines().any(|l| l.starts_with(line)), "missing `{line}` in:\n{stderr}");
    }
    // Nothing about the valid runbook: one bad file never taints another.
    assert!(!stderr.contains("checkout-errors.md"), "{stderr}");
}

#[test]
fn build_refuses_a_broken_repo_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let data = out.path().join("data");
    firebreak()
        .current_dir(fixture("broken"))
        .args(["build", "--out"])
        .arg(&data)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("build stopped"));
    assert!(!data.exists());
}

#[test]
fn build_writes_every_document_and_a_site_the_app_can_read() {
    let out = tempfile::tempdir().unwrap();
    firebreak().args(["build", "--source"]).arg(root()).arg("--out").arg(out.path()).assert().success();
    let site: Site = serde_json::from_slice(&std::fs::read(out.path().join("site.json")).unwrap()).unwrap();
    assert_eq!(site.postmortems.len(), std::fs::read_dir(root().join("postmortems")).unwrap().count());
    assert_eq!(site.runbooks.len(), std::fs::read_dir(root().join("content/runbooks")).unwrap().count());
    assert!(site.postmortems.windows(2).all(|w| w[0].meta.date >= w[1].meta.date), "newest first");
    // Each SLO's events travel in sli.bin, in the order of `site.slos`, exactly as read.
    let sli = std::fs::read(out.path().join(model::bundle::SLI_FILE)).unwrap();
    let sli = model::bundle::read_sli_columns(&sli).unwrap();
    let (repo, _) = ingest::load(root());
    assert_eq!(site.slos.len(), 6, "the example repo's six SLOs");
    assert_eq!(sli, site.slos.iter().map(|slo| repo.sli[&slo.name].events.clone()).collect::<Vec<_>>());
    assert!(sli.iter().all(|events| events.len() > 1000), "every SLO has its export");
    for pm in &site.postmortems {
        let doc: Postmortem = serde_json::from_slice(
            &std::fs::read(out.path().join(format!("postmortems/{}.json", pm.meta.id))).unwrap(),
        )
        .unwrap();
        assert!(!doc.sections.is_empty(), "{} has sections", pm.meta.id);
    }
    for rb in &site.runbooks {
        let doc: Runbook =
            serde_json::from_slice(&std::fs::read(out.path().join(format!("runbooks/{}.json", rb.slug))).unwrap())
                .unwrap();
        assert_eq!(doc.meta.title, rb.meta.title);
    }
    assert_eq!(site.drills.len(), std::fs::read_dir(root().join("content/drills")).unwrap().count());
    for drill in &site.drills {
        let file = out.path().join(model::bundle::drill_file(&drill.meta.id));
        let doc: model::Drill = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        assert_eq!((&doc.meta, &doc.action_items), (&drill.meta, &drill.action_items));
        assert!(doc.sections.iter().all(|s| !s.html.is_empty()), "{} has its sections rendered", drill.meta.id);
    }
    // The Atom feed: well-formed, one entry per postmortem, newest first, each with its summary.
    let feed: atom_syndication::Feed = std::fs::read_to_string(out.path().join("feed.xml")).unwrap().parse().unwrap();
    let titles: Vec<&str> = feed.entries.iter().map(|e| e.title.value.as_str()).collect();
    let expected: Vec<&str> = site.postmortems.iter().map(|pm| pm.meta.title.as_str()).collect();
    assert_eq!(titles, expected);
    assert!(feed.entries.iter().all(|e| e.summary.as_ref().is_some_and(|s| !s.value.is_empty())));
}

#[test]
fn report_json_is_the_shared_analytics_of_the_bundle() {
    let mut printed: serde_json::Value = support::report_json(root(), "2026-11-22", &[]);
    let report: Report = serde_json::from_value(printed.clone()).unwrap();
    let (repo, _) = compile::load_and_check(root(), support::AS_OF);
    let expected = Report::compute(&compile::site_of(&repo), chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    // As JSON: what the CLI prints is the whole contract (in-memory row indexes are not in it).
    let capacity = printed.as_object_mut().unwrap().remove("capacity").expect("capacity beside the report");
    let headlines = printed.as_object_mut().unwrap().remove("headlines").expect("the headlines beside the report");
    let slos = printed.as_object_mut().unwrap().remove("slos").expect("the SLOs beside the report");
    assert_eq!(slos.as_array().map(Vec::len), Some(repo.slos.len()));
    let breaks = printed.as_object_mut().unwrap().remove("freeze_breaks").expect("the DORA page's freeze count");
    let statuses: Vec<analytics::slo::SloStatus> = serde_json::from_value(slos).unwrap();
    let filter = analytics::Filter::default_for(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    assert_eq!(breaks, serde_json::to_value(analytics::slo::freeze_breaks(&statuses, &filter)).unwrap());
    // On-call load and alert quality over the report's window, from the same pages and shifts.
    let oncall = printed.as_object_mut().unwrap().remove("oncall").expect("on-call load beside the report");
    let alerts = printed.as_object_mut().unwrap().remove("alerts").expect("alert quality beside the report");
    let site = compile::site_of(&repo);
    let data = analytics::oncall::OncallData::new(&repo.metrics.pages, &repo.metrics.shifts, &site.config);
    assert_eq!(
        oncall,
        serde_json::to_value(analytics::oncall::oncall_health(&data, &filter.window, &site.config.oncall)).unwrap()
    );
    let quality = analytics::oncall::alert_quality(&data, &filter.window, &repo.alerts, &site.runbooks);
    assert_eq!(alerts, serde_json::to_value(quality).unwrap());
    // Drills and readiness, as the service pages compute them from the bundle.
    let drills = printed.as_object_mut().unwrap().remove("drills").expect("drills beside the report");
    let readiness = printed.as_object_mut().unwrap().remove("readiness").expect("readiness beside the report");
    let prepared = analytics::Prepared::new(&site);
    let ready = analytics::readiness::assess_site(&site, &prepared, &filter.window, support::AS_OF);
    assert_eq!(readiness, serde_json::to_value(&ready.services).unwrap());
    assert_eq!(drills["services"], serde_json::to_value(&ready.drills.services).unwrap());
    assert_eq!(drills["incidents_over_rto"], serde_json::to_value(&ready.over_rto).unwrap());
    assert_eq!(printed, serde_json::to_value(&expected).unwrap());
    let shown = views::headline::all(&expected.dora.current, &expected.action_items.stats);
    assert_eq!(headlines, serde_json::to_value(&shown).unwrap());
    // Every series, read as the capacity page reads it.
    let calendar = analytics::Calendar::of(&repo.config);
    let lines = capacity.as_array().unwrap();
    assert_eq!(lines.len(), repo.metrics.series.len());
    for (line, series) in lines.iter().zip(&repo.metrics.series) {
        let settings = analytics::settings_for(series, &repo.config.capacity);
        let outlook = analytics::assess(series, &settings, &calendar, support::AS_OF).outlook;
        assert_eq!(line["series"], series.name.as_str());
        assert_eq!(line["outlook"], serde_json::to_value(&outlook).unwrap(), "{}", series.name);
    }
    assert_eq!(report.counts.postmortems, 12);
    assert_eq!(report.dora.filter.window.days(), 90);
    let rate = report.dora.current.change_failure_rate.unwrap();
    assert!(rate > 0.0 && rate < 1.0, "{rate}");
}

#[test]
fn new_documents_come_from_the_templates_and_pass_check() {
    let repo = tempfile::tempdir().unwrap();
    let created = firebreak()
        .args(["new", "postmortem", "Checkout: payment timeouts", "--source"])
        .arg(repo.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let path = String::from_utf8(created).unwrap();
    let today = chrono::Utc::now().date_naive();
    assert!(path.trim().ends_with(&format!("postmortems/{today}-checkout-payment-timeouts.md")), "{path}");
    firebreak().args(["new", "runbook", "Ledger disk full", "--source"]).arg(repo.path()).assert().success();
    assert!(repo.path().join("content/runbooks/ledger-disk-full.md").exists());
    firebreak().args(["new", "drill", "Fail over the ledger", "--source"]).arg(repo.path()).assert().success();
    let drill = repo.path().join(format!("content/drills/{today}-fail-over-the-ledger.md"));
    firebreak().args(["check", "--source"]).arg(repo.path()).assert().success();
    // Once it has run, the template's sections are what a done drill needs.
    let done = std::fs::read_to_string(&drill).unwrap().replace("status: planned", "status: done");
    std::fs::write(&drill, done).unwrap();
    firebreak().args(["check", "--source"]).arg(repo.path()).assert().success();
    // Never overwrite somebody's work.
    firebreak()
        .args(["new", "runbook", "Ledger disk full", "--source"])
        .arg(repo.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    firebreak().arg("frobnicate").assert().code(2);
    firebreak().args(["report", "--as-of", "yesterday"]).assert().code(2);
    firebreak().arg("--help").assert().success().stdout(predicate::str::contains("check"));
    firebreak().args(["build", "--help"]).assert().success().stdout(predicate::str::contains("--out"));
}

#[test]
fn synth_is_deterministic_and_its_repos_are_valid() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        firebreak()
            .args([
                "synth",
                "--seed",
                "7",
                "--postmortems",
                "30",
                "--runbooks",
                "6",
                "--deploys",
                "400",
                "--days",
                "60",
                "--slos",
                "6",
                "--out",
            ])
            .arg(dir.path())
            .assert()
            .success();
    }
    let mut files: Vec<String> =
        ["deployments.csv", "changes.csv", "incidents.csv"].map(|f| format!("content/metrics/{f}")).to_vec();
    for dir in ["content/slos", "content/metrics/sli"] {
        for entry in std::fs::read_dir(a.path().join(dir)).unwrap() {
            files.push(format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy()));
        }
    }
    assert_eq!(files.len(), 3 + 2 * 6, "{files:?}");
    for file in &files {
        assert_eq!(std::fs::read(a.path().join(file)).unwrap(), std::fs::read(b.path().join(file)).unwrap(), "{file}");
    }
    firebreak()
        .args(["check", "--source"])
        .arg(a.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("30 postmortem(s), 6 runbook(s)"));
}

#[test]
fn synth_slos_leave_the_rest_of_the_repo_as_it_was() {
    let synth = |dir: &std::path::Path, slos: &str| {
        firebreak()
            .args(["synth", "--seed", "3", "--postmortems", "4", "--runbooks", "0", "--deploys", "100"])
            .args(["--days", "20", "--slos", slos, "--out"])
            .arg(dir)
            .assert()
            .success();
    };
    let (without, with) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    synth(without.path(), "0");
    synth(with.path(), "12");
    assert!(!without.path().join("content/slos").exists());
    for file in
        walkdir::WalkDir::new(without.path()).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file())
    {
        let relative = file.path().strip_prefix(without.path()).unwrap();
        assert_eq!(
            std::fs::read(file.path()).unwrap(),
            std::fs::read(with.path().join(relative)).unwrap(),
            "{relative:?}"
        );
    }
    let export = std::fs::read_to_string(with.path().join("content/metrics/sli/checkout-availability-0.csv")).unwrap();
    let rows: Vec<&str> = export.lines().collect();
    assert_eq!(rows.len(), 1 + 90 * 288, "a header and 90 days of five-minute steps");
    assert_eq!(rows[0], "timestamp,good,total");
    // The history runs from 2026-05-01 for 20 days: the exports end at its last midnight.
    assert!(rows[rows.len() - 1].starts_with("2026-05-21T00:00:00Z,"), "{}", rows[rows.len() - 1]);
}

#[test]
fn fail_on_overdue_lists_each_overdue_item_of_that_severity_or_worse() {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let (repo, _) = compile::load_and_check(root(), support::AS_OF);
    let site = compile::site_of(&repo);
    let expected = analytics::action_item_rows(&site.postmortems, &site.config, as_of)
        .into_iter()
        .filter(|r| r.overdue && r.severity <= model::Severity::Sev2)
        .count();
    assert!(expected > 0, "the example has overdue SEV1/SEV2 items");
    let output = firebreak()
        .args(["check", "--fail-on-overdue", "SEV2", "--as-of", "2026-11-22", "--source"])
        .arg(root())
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(output).unwrap();
    assert_eq!(stderr.lines().filter(|l| l.contains("(--fail-on-overdue SEV2")).count(), expected, "{stderr}");
    // Before anything was due, the same check passes.
    firebreak()
        .args(["check", "--fail-on-overdue", "SEV2", "--as-of", "2026-05-01", "--source"])
        .arg(root())
        .assert()
        .success();
    firebreak().args(["check", "--fail-on-overdue", "SEV7"]).assert().code(2);
}

/// A bad action-item row fails `check` but is still published, marked invalid and counted.
#[test]
fn invalid_action_items_fail_check_but_still_appear_in_the_site() {
    let repo = fixture("invalid-items");
    let stderr = firebreak().args(["check", "--source"]).arg(&repo).assert().code(1).get_output().stderr.clone();
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(stderr.contains(
        "2026-06-01-cache-outage.md:15:1: error: action item owner `@priya and @tomas` names several people"
    ));
    assert!(stderr.contains("2026-06-01-cache-outage.md:16:1: error: due date `someday`"));
    assert!(stderr.contains("[action-item-status]"), "{stderr}");

    let out = tempfile::tempdir().unwrap();
    firebreak().args(["build", "--source"]).arg(&repo).arg("--out").arg(out.path()).assert().success();
    let site: Site = serde_json::from_slice(&std::fs::read(out.path().join("site.json")).unwrap()).unwrap();
    let items = &site.postmortems[0].action_items;
    assert_eq!(items.len(), 3, "every row is kept");
    assert_eq!(items[2].status, model::ActionStatus::Invalid);

    let report = support::report_json::<Report>(&repo, "2026-07-01", &[]);
    assert_eq!(report.action_items.stats.invalid, 1);
    assert_eq!(report.action_items.stats.completion_rate, Some(0.5), "done ÷ (all − invalid)");
}

#[test]
fn rule_levels_come_from_the_config_and_unknown_rules_are_named() {
    let out = firebreak()
        .current_dir(fixture("rules"))
        .args(["check", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let found: Vec<ingest::diagnostics::Diagnostic> = serde_json::from_slice(&out).unwrap();
    let summary: Vec<(String, usize, String, Option<String>)> = found
        .iter()
        .map(|d| (d.path.clone(), d.line, d.level.to_string(), d.rule.as_ref().map(|r| r.name().to_owned())))
        .collect();
    assert_eq!(
        summary,
        [
            ("firebreak.toml".to_owned(), 5, "error".to_owned(), None),
            ("postmortems/2026-06-01-disk.md".to_owned(), 8, "error".to_owned(), Some("blameless-language".to_owned())),
        ],
        "{found:#?}"
    );
    assert!(found[0].message.contains("did you mean `blameless-language`"));
}

#[test]
fn github_format_annotates_the_diff() {
    let stderr = firebreak()
        .current_dir(fixture("rules"))
        .args(["check", "--format", "github"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(
        stderr.lines().any(|l| l.starts_with("::error file=postmortems/2026-06-01-disk.md,line=8,col=")
            && l.contains("title=blameless-language::blame phrasing")),
        "{stderr}"
    );
}

/// Every rule of the registry finds its problem in this fixture: removing a rule (or
/// breaking it) fails this test.
#[test]
fn every_rule_fires_on_the_every_rule_fixture() {
    let out = firebreak()
        .current_dir(fixture("every-rule"))
        .args(["check", "--format", "json", "--as-of", "2026-11-22", "--fail-on-overdue", "SEV4"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let found: Vec<ingest::diagnostics::Diagnostic> = serde_json::from_slice(&out).unwrap();
    let mut fired: Vec<&RuleId> = found.iter().filter_map(|d| d.rule.as_ref()).collect();
    fired.sort_unstable();
    fired.dedup();
    let all: Vec<&RuleId> = RULES.iter().map(|r| &r.id).collect();
    assert_eq!(fired, all, "{found:#?}");
}

/// Bad export rows are reported by `check` and left out of the figures, where the report
/// counts them: never dropped silently, and they do not stop the build.
#[test]
fn bad_export_rows_are_excluded_and_counted() {
    let repo = fixture("every-rule");
    let out = tempfile::tempdir().unwrap();
    firebreak().args(["build", "--source"]).arg(&repo).arg("--out").arg(out.path()).assert().success();
    let report = support::report_json::<Report>(&repo, "2026-06-30", &[]);
    let excluded = &report.dora.excluded;
    assert_eq!(excluded["unreadable rows of deployments.csv"], 1, "{excluded:?}");
    assert_eq!(excluded["deployments of services not in the catalog"], 1);
    assert_eq!(excluded["changes naming an unknown deployment"], 1);
    assert_eq!(excluded["incidents resolved before they started"], 1);
    assert_eq!(report.dora.current.deployments, 1, "only d1 counts");
}

/// `firebreak … | head`: when the reader goes away, the command stops quietly (killed by
/// SIGPIPE, as Unix tools are), not with a panic.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_output_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let program = assert_cmd::cargo::cargo_bin("firebreak");
    let mut child = std::process::Command::new(program)
        .args(["search", "rollback", "--source"])
        .arg(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Closed before the repo is even loaded, so the first line printed meets no reader.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.signal(), Some(libc::SIGPIPE), "{:?}", output.status);
}

/// A preview's public URL must be a path with its slashes (or an absolute URL): without
/// them every link and data fetch of the app would resolve elsewhere.
#[test]
fn a_public_url_without_slashes_is_refused_naming_the_value_and_its_source() {
    let out = tempfile::tempdir().unwrap();
    for (flag, env) in [(Some("pr-123"), None), (None, Some("pr-7"))] {
        let mut command = firebreak();
        command.args(["build", "--source"]).arg(root()).arg("--out").arg(out.path().join("data"));
        if let Some(value) = flag {
            command.args(["--public-url", value]);
        }
        if let Some(value) = env {
            command.env("TRUNK_PUBLIC_URL", value);
        }
        let value = flag.or(env).unwrap();
        command.assert().code(1).stderr(predicate::str::contains(format!(
            "error: the public URL `{value}` (from --public-url, or trunk's --public-url as TRUNK_PUBLIC_URL) must start and end with `/`"
        )));
    }
    assert!(!out.path().join("data").exists(), "nothing written");
    // A preview's feed links to the preview's pages.
    firebreak()
        .args(["build", "--public-url", "/pr-7/", "--source"])
        .arg(root())
        .arg("--out")
        .arg(out.path().join("data"))
        .assert()
        .success();
    let feed = std::fs::read_to_string(out.path().join("data/feed.xml")).unwrap();
    assert!(feed.contains("href=\"https://sre.larkspur.example/pr-7/postmortems/"), "{feed}");
}

/// `slo rules` writes the rules of Prometheus-sourced SLOs to stdout, names every other SLO
/// on stderr, and refuses a repo whose content cannot be read.
#[test]
fn slo_rules_covers_prometheus_slos_and_names_the_skipped_ones() {
    let repo = tempfile::tempdir().unwrap();
    let slo = |name: &str, source: &str| {
        format!(
            "apiVersion: openslo/v1\nkind: SLO\nmetadata: {{ name: {name} }}\nspec:\n  service: checkout\n  \
             indicator:\n    metadata: {{ name: {name} }}\n    spec:\n      ratioMetric:\n        \
             good: {{ metricSource: {{ type: {source}, spec: {{ path: sli/requests.csv, column: good }} }} }}\n        \
             total: {{ metricSource: {{ type: {source}, spec: {{ path: sli/requests.csv, column: total }} }} }}\n  \
             timeWindow: [ {{ duration: 28d, isRolling: true }} ]\n  budgetingMethod: Occurrences\n  \
             objectives: [ {{ target: 0.999 }} ]\n"
        )
    };
    let prometheus = slo("from-prometheus", "prometheus").replace(
        "type: prometheus, spec: {",
        "type: prometheus, spec: { query: 'sum(rate(requests_total[{{.window}}]))',",
    );
    std::fs::create_dir_all(repo.path().join("content/slos")).unwrap();
    std::fs::create_dir_all(repo.path().join("content/metrics/sli")).unwrap();
    std::fs::write(repo.path().join("content/slos/a.yaml"), slo("from-a-file", "file")).unwrap();
    std::fs::write(repo.path().join("content/slos/b.yaml"), prometheus).unwrap();
    std::fs::write(
        repo.path().join("content/metrics/sli/requests.csv"),
        "timestamp,good,total\n2026-06-01T00:00:00Z,9,10\n",
    )
    .unwrap();
    firebreak()
        .current_dir(repo.path())
        .args(["slo", "rules"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("groups:\n- name: slo-from-prometheus\n"))
        .stdout(predicate::str::contains("record: slo:sli_error:ratio_rate3d"))
        .stderr(predicate::str::contains(
            "content/slos/a.yaml:1: skipped SLO `from-a-file`: its metric source is `type: file`, not `type: prometheus`",
        ));
    let out = repo.path().join("rules.yml");
    firebreak()
        .current_dir(repo.path())
        .args(["slo", "rules", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote the rules of 1 SLO(s) to"));
    assert!(std::fs::read_to_string(&out).unwrap().contains("alert: SloErrorBudgetBurn"));
    firebreak().args(["slo", "rules", "--source"]).arg(fixture("broken")).assert().code(1).stdout("");
}

/// A symlink in the repo's folders may lead out of it (to `/etc/passwd`, which the site would
/// publish) or round in a loop: each is reported, naming its target, and none is followed.
#[cfg(unix)]
#[test]
fn symlinks_are_reported_with_their_target_and_not_followed() {
    use std::os::unix::fs::symlink;
    let repo = tempfile::tempdir().unwrap();
    firebreak().args(["new", "postmortem", "Disk full", "--source"]).arg(repo.path()).assert().success();
    let postmortems = repo.path().join("postmortems");
    symlink("/etc/passwd", postmortems.join("passwd.md")).unwrap();
    symlink("../../..", postmortems.join("loop")).unwrap();
    std::fs::create_dir_all(repo.path().join("content")).unwrap();
    symlink("/etc", repo.path().join("content/runbooks")).unwrap();
    let stderr =
        firebreak().args(["check", "--source"]).arg(repo.path()).assert().success().get_output().stderr.clone();
    let stderr = String::from_utf8(stderr).unwrap();
    for (link, target) in
        [("postmortems/passwd.md", "/etc/passwd"), ("postmortems/loop", "../../.."), ("content/runbooks", "/etc")]
    {
        let expected = format!("{link}:1:1: warning: symlink to {target} is not followed");
        assert!(stderr.contains(&expected), "{expected} in {stderr}");
    }
    let out = tempfile::tempdir().unwrap();
    firebreak().args(["build", "--source"]).arg(repo.path()).arg("--out").arg(out.path()).assert().success();
    let report = support::report_json::<Report>(repo.path(), "2026-06-30", &[]);
    assert_eq!((report.counts.postmortems, report.counts.runbooks), (1, 0), "only the postmortem written");
}

/// A folder on the way to the configured ones (`content/`, holding runbooks, alerts and
/// metrics) that is a symlink is reported once; the files the config names through it are
/// not read, and that is an error, as an unreadable file is.
#[cfg(unix)]
#[test]
fn a_symlinked_content_folder_is_reported_once_and_not_read_through() {
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(elsewhere.path().join("runbooks")).unwrap();
    std::fs::write(elsewhere.path().join("alerts.yaml"), "- name: DiskFull\n").unwrap();
    let repo = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), repo.path().join("content")).unwrap();
    let out = firebreak().args(["check", "--format", "json", "--source"]).arg(repo.path()).assert().code(1);
    let found: Vec<ingest::diagnostics::Diagnostic> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let shown: Vec<String> =
        found.iter().map(|d| d.to_string().replace(&repo.path().to_string_lossy().to_string(), "")).collect();
    let target = elsewhere.path().to_string_lossy();
    assert_eq!(
        shown,
        [
            format!(
                "/content:1:1: warning: symlink to {target} is not followed; put the file itself in the repo, or remove the link"
            ),
            format!(
                "/content/alerts.yaml:1:1: error: not read: its folder /content is a symlink to {target}, which is not followed"
            ),
        ]
    );
}
