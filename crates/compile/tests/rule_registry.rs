//! The every-rule fixture (tests/fixtures/every-rule) breaks every rule once: here each of
//! its findings must name a registered rule at that rule's default level (the fixture sets
//! no `[rules]`), and every rule that loading and checking can find must fire.

use std::path::Path;

use chrono::NaiveDate;
use ingest::rule_ids::{RULES, RuleId};

#[test]
fn every_finding_names_a_registered_rule_and_every_rule_fires() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/every-rule");
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let (_, diagnostics) = compile::load_and_check(&fixture, as_of);
    let mut fired = Vec::new();
    for d in diagnostics.iter() {
        let Some(rule) = &d.rule else { continue };
        let registered = RULES.iter().find(|r| r.id == *rule);
        assert!(
            registered.is_some_and(|r| RuleId::parse(r.name).as_ref() == Some(rule)),
            "{d} names no registered rule"
        );
        assert_eq!(d.level, rule.default_level(), "{d}");
        fired.push(rule);
    }
    fired.sort_unstable();
    fired.dedup();
    // Overdue items are the CLI's finding, with `check --fail-on-overdue` (tests/cli.rs).
    let expected: Vec<&RuleId> = RULES.iter().map(|r| &r.id).filter(|id| **id != RuleId::OverdueActionItem).collect();
    assert_eq!(fired, expected, "{diagnostics:#?}");
}
