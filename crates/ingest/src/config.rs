//! `firebreak.toml`: optional; every key has a default.

use std::path::Path;

use super::source_file::{LineIndex, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use model::suggest::did_you_mean;
use model::{Config, OncallPolicy, Person, SloPolicy, TierSettings};
use std::collections::BTreeMap;

pub const FILE_NAME: &str = "firebreak.toml";

/// Reads the config, or the defaults when the file is absent. Returns `None` on errors,
/// which are reported: guessing paths from a broken config would drop documents silently.
pub fn load(root: &Path, label: String, diagnostics: &mut Diagnostics) -> Option<Config> {
    let path = root.join(FILE_NAME);
    if !crate::source_file::is_present(&path) {
        return Some(Config::default());
    }
    let file = SourceFile::read(&path, label, None).map_err(|d| diagnostics.push(d)).ok()?;
    parse(&file.label, &file.text, diagnostics)
}

pub fn parse(label: &str, text: &str, diagnostics: &mut Diagnostics) -> Option<Config> {
    let mut config: Config = match toml::from_str(text) {
        Ok(config) => config,
        Err(e) => {
            let (line, col) = e.span().map_or((1, 1), |span| LineIndex::new(text).position(span.start));
            diagnostics.push(Diagnostic::error(label, line, col, e.message().to_owned()));
            return None;
        }
    };
    if config.time_zone.parse::<chrono_tz::Tz>().is_err() {
        let line = text.lines().position(|l| l.trim_start().starts_with("time_zone")).map_or(1, |i| i + 1);
        diagnostics.push(Diagnostic::error(label, line, 1, unknown_zone(&config.time_zone)));
        return None;
    }
    config.rule_lines = section_key_lines(text, "rules");
    config.capacity_lines = table_header_lines(text, "capacity");
    config.service_lines = table_header_lines(text, "services");
    let mut valid = true;
    for (series, settings) in &config.capacity {
        let problem = match (settings.limit, settings.headroom) {
            (Some(limit), _) if !(limit.is_finite() && limit > 0.0) => {
                Some(format!("`limit` must be a positive number, not {limit}"))
            }
            (_, headroom) if !(0.0..1.0).contains(&headroom) => Some(format!(
                "`headroom` is a share of the limit kept free, from 0 up to 1 (0.3 is 30 %), not {headroom}"
            )),
            _ => None,
        };
        if let Some(problem) = problem {
            let line = config.capacity_lines.get(series).copied().unwrap_or(1);
            diagnostics.push(Diagnostic::error(label, line, 1, format!("capacity of `{series}`: {problem}")));
            valid = false;
        }
    }
    valid &= check_slo_policy(label, text, &config.slo, diagnostics);
    valid &= check_people_zones(label, text, &config.people, diagnostics);
    valid &= check_oncall_policy(label, text, &config.oncall, diagnostics);
    valid &= check_tiers(label, text, &config.tiers, diagnostics);
    valid.then_some(config)
}

fn unknown_zone(zone: &str) -> String {
    let hint = did_you_mean(zone, chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()));
    format!("unknown time zone `{zone}`; use an IANA name such as UTC or Europe/Berlin{hint}")
}

/// Each person's time zone is an IANA name: on-call hours are split into their day and night.
fn check_people_zones(
    label: &str,
    text: &str,
    people: &BTreeMap<String, Person>,
    diagnostics: &mut Diagnostics,
) -> bool {
    let headers = table_header_lines(text, "people");
    let mut valid = true;
    for (handle, person) in people {
        let Some(zone) = &person.time_zone else { continue };
        if zone.parse::<chrono_tz::Tz>().is_ok() {
            continue;
        }
        let header = headers.get(handle).copied().unwrap_or(1);
        let (line, col) =
            section_keys(text, &format!("people.\"{handle}\"")).get("time_zone").copied().unwrap_or((header, 1));
        diagnostics.push(Diagnostic::error(label, line, col, format!("[people.\"{handle}\"]: {}", unknown_zone(zone))));
        valid = false;
    }
    valid
}

/// `[slo]`'s numbers: thresholds are shares of the budget left, each stricter state's no
/// higher than the one before (equal ones skip a state); the low-traffic minimum is a count.
/// Freeze states are checked as they are read (`PolicyState`'s names).
fn check_slo_policy(label: &str, text: &str, policy: &SloPolicy, diagnostics: &mut Diagnostics) -> bool {
    let keys = section_keys(text, "slo");
    let thresholds = [("caution", policy.caution), ("warning", policy.warning), ("exhausted", policy.exhausted)];
    let mut problems = Vec::new();
    for (key, value) in thresholds {
        if !(0.0..=1.0).contains(&value) {
            problems
                .push((key, format!("`{key}` is a share of the budget left, from 0 to 1 (0.25 is 25 %), not {value}")));
        }
    }
    for pair in thresholds.windows(2) {
        let [(looser, above), (stricter, below)] = [pair[0], pair[1]];
        if below > above {
            problems.push((
                stricter,
                format!("`{stricter}` ({below}) is above `{looser}` ({above}): each stricter state begins with less budget left"),
            ));
        }
    }
    if !(policy.min_events.is_finite() && policy.min_events >= 0.0) {
        problems
            .push(("min_events", format!("`min_events` is a number of events, 0 or more, not {}", policy.min_events)));
    }
    let valid = problems.is_empty();
    for (key, problem) in problems {
        let (line, col) = keys.get(key).copied().unwrap_or((1, 1));
        diagnostics.push(Diagnostic::error(label, line, col, format!("[slo]: {problem}")));
    }
    valid
}

/// `[oncall]`'s limits: a page rate above zero, and a share of the time above zero and at
/// most all of it — otherwise every responder, or none, would be in breach.
fn check_oncall_policy(label: &str, text: &str, policy: &OncallPolicy, diagnostics: &mut Diagnostics) -> bool {
    let keys = section_keys(text, "oncall");
    let mut problems = Vec::new();
    let pages = policy.max_pages_per_12_hours;
    if !(pages.is_finite() && pages > 0.0) {
        problems.push((
            "max_pages_per_12_hours",
            format!("`max_pages_per_12_hours` is a number of pages above 0 (the SRE book's is 2), not {pages}"),
        ));
    }
    let share = policy.max_on_call_share;
    if !(share > 0.0 && share <= 1.0) {
        problems.push((
            "max_on_call_share",
            format!("`max_on_call_share` is a share of the time, above 0 and at most 1 (0.25 is 25 %), not {share}"),
        ));
    }
    let valid = problems.is_empty();
    for (key, problem) in problems {
        let (line, col) = keys.get(key).copied().unwrap_or((1, 1));
        diagnostics.push(Diagnostic::error(label, line, col, format!("[oncall]: {problem}")));
    }
    valid
}

/// `[tiers.<n>]`: `n` is a tier number like the catalog's `tier`, and a drill cadence of
/// zero days would make every service overdue forever.
fn check_tiers(label: &str, text: &str, tiers: &BTreeMap<String, TierSettings>, diagnostics: &mut Diagnostics) -> bool {
    let headers = table_header_lines(text, "tiers");
    let mut valid = true;
    for (key, settings) in tiers {
        let problem = if key.parse::<u8>().is_err() {
            format!("[tiers.{key}]: a tier is a number like a service's `tier` (1 is the most critical), not `{key}`")
        } else if settings.drill_every_days == Some(0) {
            format!("[tiers.{key}]: `drill_every_days` is a number of days above 0")
        } else {
            continue;
        };
        let line = headers.get(key).copied().unwrap_or(1);
        diagnostics.push(Diagnostic::error(label, line, 1, problem));
        valid = false;
    }
    valid
}

/// The line of each `[<table>.<name>]` header (the name bare or quoted).
fn table_header_lines(text: &str, table: &str) -> std::collections::BTreeMap<String, usize> {
    let prefix = format!("[{table}.");
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let name = line.trim().strip_prefix(prefix.as_str())?.strip_suffix(']')?;
            Some((name.trim_matches('"').to_owned(), index + 1))
        })
        .collect()
}

/// The line of each `key = …` under `[section]`.
fn section_key_lines(text: &str, section: &str) -> std::collections::BTreeMap<String, usize> {
    section_keys(text, section).into_iter().map(|(key, (line, _))| (key, line)).collect()
}

/// The line and the column of the value of each `key = …` under `[section]`.
fn section_keys(text: &str, section: &str) -> std::collections::BTreeMap<String, (usize, usize)> {
    let header = format!("[{section}]");
    let mut inside = false;
    let mut keys = std::collections::BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            inside = trimmed == header;
        } else if inside && let Some((key, value)) = line.split_once('=') {
            let col = line.chars().count() - value.trim_start().chars().count() + 1;
            keys.insert(key.trim().trim_matches('"').to_owned(), (index + 1, col));
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::WeekStart;

    #[test]
    fn tier_settings_override_the_defaults_and_name_a_bad_key() {
        let mut d = Diagnostics::default();
        let config = parse("f.toml", "[tiers.2]\nrto = \"2h\"\ndrill_every_days = 120\n", &mut d).unwrap();
        let two = model::TierTargets::of(2, &config.tiers);
        assert_eq!((two.rto.seconds, two.drill_every_days), (7200, 120));
        let mut d = Diagnostics::default();
        assert_eq!(parse("f.toml", "title = \"x\"\n[tiers.gold]\nrto = \"2h\"\n", &mut d), None);
        let found = &d.sorted()[0];
        assert_eq!(found.line, 2);
        assert!(found.message.contains("[tiers.gold]: a tier is a number"), "{}", found.message);
        let mut d = Diagnostics::default();
        assert_eq!(parse("f.toml", "[oncall]\nsleep_hours = \"23:00\"\n", &mut d), None);
        let found = &d.sorted()[0];
        assert!(found.message.contains("HH:MM-HH:MM"), "{}", found.message);
        assert_eq!(found.line, 2);
    }

    #[test]
    fn empty_file_means_defaults() {
        let mut d = Diagnostics::default();
        assert_eq!(parse("f.toml", "", &mut d), Some(Config::default()));
    }

    #[test]
    fn reads_the_service_catalog() {
        let mut d = Diagnostics::default();
        let c =
            parse("f.toml", "week_start = \"sunday\"\n[services.checkout]\nteam = \"payments\"\ntier = 1\n", &mut d)
                .unwrap();
        assert_eq!(c.week_start, WeekStart::Sunday);
        assert_eq!(c.services["checkout"].team, "payments");
        assert_eq!(c.service_lines["checkout"], 2);
    }

    #[test]
    fn unknown_keys_and_bad_zones_are_located() {
        let mut d = Diagnostics::default();
        assert!(parse("f.toml", "title = \"x\"\ntitel = \"y\"\n", &mut d).is_none());
        assert!(parse("f.toml", "title = \"x\"\ntime_zone = \"Mars/Base\"\n", &mut d).is_none());
        let found = d.sorted();
        assert_eq!((found[0].line, found[0].col), (2, 1));
        assert!(found[0].message.contains("titel"), "{}", found[0].message);
        assert_eq!(found[1].line, 2);
        assert!(found[1].message.contains("Mars/Base"));
    }

    #[test]
    fn people_are_a_team_or_a_table_with_a_time_zone() {
        let mut d = Diagnostics::default();
        let text = "[people]\n\"@tomas\" = \"payments\"\n\n[people.\"@priya\"]\nteam = \"payments\"\ntime_zone = \"Europe/Berlin\"\n";
        let c = parse("f.toml", text, &mut d).unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.people["@tomas"], Person { team: "payments".into(), time_zone: None });
        assert_eq!(c.people["@priya"].time_zone.as_deref(), Some("Europe/Berlin"));
    }

    #[test]
    fn a_persons_unknown_time_zone_is_located_with_the_closest_name() {
        let mut d = Diagnostics::default();
        let text = "[people.\"@priya\"]\nteam = \"payments\"\ntime_zone = \"Europe/Berln\"\n";
        assert!(parse("f.toml", text, &mut d).is_none());
        let found = d.sorted();
        assert_eq!((found[0].line, found[0].col), (3, 13));
        assert_eq!(
            found[0].message,
            "[people.\"@priya\"]: unknown time zone `Europe/Berln`; use an IANA name such as UTC or Europe/Berlin; did you mean `Europe/Berlin`?"
        );
    }

    #[test]
    fn a_person_table_without_a_team_or_with_unknown_keys_is_an_error() {
        for text in
            ["[people.\"@priya\"]\ntime_zone = \"UTC\"\n", "[people.\"@priya\"]\nteam = \"x\"\ntimezone = \"UTC\"\n"]
        {
            let mut d = Diagnostics::default();
            assert!(parse("f.toml", text, &mut d).is_none(), "{text}");
            assert_eq!(d.error_count(), 1);
        }
    }
}

#[cfg(test)]
mod capacity_tests {
    use super::*;
    use model::{Aggregate, Resample};

    #[test]
    fn reads_capacity_settings_with_defaults_and_resampling() {
        let mut d = Diagnostics::default();
        let text = "[capacity.checkout-cpu-cores]\nunit = \"cores\"\nlimit = 64\nresample = \"1h max\"\n";
        let c = parse("f.toml", text, &mut d).unwrap();
        let settings = &c.capacity["checkout-cpu-cores"];
        assert_eq!(settings.limit, Some(64.0));
        assert_eq!(settings.headroom, 0.3);
        assert_eq!(settings.lead_time_days, 30);
        assert_eq!(settings.horizon_days(), 120, "four lead times when longer than 90 days");
        assert_eq!(settings.resample, Some(Resample { seconds: 3600, aggregate: Aggregate::Max }));
    }

    #[test]
    fn bad_capacity_settings_name_the_series_and_line() {
        let mut d = Diagnostics::default();
        assert!(parse("f.toml", "title = \"x\"\n[capacity.disk]\nlimit = 100\nheadroom = 30\n", &mut d).is_none());
        assert!(parse("f.toml", "[capacity.disk]\nresample = \"hourly\"\n", &mut d).is_none());
        let found = d.sorted();
        assert_eq!(found[0].line, 2);
        assert!(found[0].message.contains("capacity of `disk`: `headroom` is a share"), "{}", found[0].message);
        assert!(found[1].message.contains("`hourly` is not a resampling"), "{}", found[1].message);
    }
}

#[cfg(test)]
mod policy_tests {
    use super::*;
    use model::Severity;

    #[test]
    fn reads_people_and_the_action_item_policy() {
        let mut d = Diagnostics::default();
        let text = "[people]\n\"@priya\" = \"payments\"\n[action_items]\ndue_within_days = { SEV1 = 10, SEV3 = 60 }\nmax_per_postmortem = 4\n";
        let c = parse("f.toml", text, &mut d).unwrap();
        assert_eq!(c.people["@priya"].team, "payments");
        assert_eq!(c.action_items.due_within_days[&Severity::Sev1], 10);
        assert_eq!(c.action_items.due_within_days.get(&Severity::Sev2), None, "a given table replaces the default");
        assert_eq!(c.action_items.max_per_postmortem, 4);
        assert_eq!(c.action_items.due_soon_days, 14);
        assert!(parse("f.toml", "[action_items]\ndue_within_days = { SEV9 = 1 }\n", &mut d).is_none());
    }
}

#[cfg(test)]
mod slo_policy_tests {
    use super::*;
    use model::PolicyState;

    #[test]
    fn reads_the_error_budget_policy_with_defaults() {
        let mut d = Diagnostics::default();
        assert_eq!(parse("f.toml", "", &mut d).unwrap().slo, SloPolicy::default());
        let text = "[slo]\ncaution = 0.6\nfreeze_states = [\"warning\", \"exhausted\"]\nmin_events = 20\n";
        let policy = parse("f.toml", text, &mut d).unwrap().slo;
        assert_eq!((policy.caution, policy.warning, policy.exhausted, policy.min_events), (0.6, 0.25, 0.10, 20.0));
        assert_eq!(policy.freeze_states, [PolicyState::Warning, PolicyState::Exhausted]);
        assert!(d.is_empty());
    }

    #[test]
    fn bad_policy_values_are_located_at_their_value() {
        let mut d = Diagnostics::default();
        assert!(parse("a.toml", "title = \"x\"\n[slo]\nwarning = 1.5\n", &mut d).is_none());
        assert!(parse("b.toml", "[slo]\ncaution = 0.2\nwarning =  0.3\n", &mut d).is_none());
        assert!(parse("c.toml", "[slo]\nmin_events = -1\n", &mut d).is_none());
        assert!(parse("d.toml", "[slo]\nfreeze_states = [\"warning\", \"exhaustd\"]\n", &mut d).is_none());
        let found = d.sorted();
        let at = |i: usize| (found[i].path.as_str(), found[i].line, found[i].col, found[i].message.as_str());
        // 1.5 is out of range and also above caution's 0.5: both are said.
        assert_eq!([at(0).0, at(1).0, at(2).0], ["a.toml", "a.toml", "b.toml"]);
        assert_eq!((at(0).1, at(0).2), (3, 11));
        assert!(at(0).3.contains("`warning` is a share of the budget left, from 0 to 1"), "{}", at(0).3);
        assert!(at(1).3.contains("`warning` (1.5) is above `caution` (0.5)"), "{}", at(1).3);
        assert_eq!((at(2).1, at(2).2), (3, 12), "the value, after two spaces");
        assert!(at(2).3.contains("`warning` (0.3) is above `caution` (0.2)"), "{}", at(2).3);
        assert_eq!((at(3).1, at(3).2), (2, 14));
        assert!(at(3).3.contains("`min_events` is a number of events"), "{}", at(3).3);
        assert_eq!((at(4).1, at(4).2), (2, 17));
        assert!(at(4).3.contains("`exhaustd`; did you mean `exhausted`?"), "{}", at(4).3);
    }
}

#[cfg(test)]
mod oncall_policy_tests {
    use super::*;

    #[test]
    fn the_oncall_limits_default_to_the_sre_books() {
        let mut d = Diagnostics::default();
        let policy = parse("f.toml", "", &mut d).unwrap().oncall;
        assert_eq!((policy.max_pages_per_12_hours, policy.max_on_call_share), (2.0, 0.25));
        let policy = parse("f.toml", "[oncall]\nmax_on_call_share = 0.3\n", &mut d).unwrap().oncall;
        assert_eq!((policy.max_pages_per_12_hours, policy.max_on_call_share), (2.0, 0.3));
        assert!(d.is_empty());
    }

    #[test]
    fn limits_that_judge_everyone_or_no_one_are_located_at_their_value() {
        let mut d = Diagnostics::default();
        let text = "[oncall]\nmax_pages_per_12_hours = 0\nmax_on_call_share = 25\n";
        assert!(parse("a.toml", text, &mut d).is_none());
        assert!(parse("b.toml", "[oncall]\nmax_pages = 3\n", &mut d).is_none(), "unknown keys are errors");
        let found: Vec<(&str, usize, usize, &str)> =
            d.iter().map(|d| (d.path.as_str(), d.line, d.col, d.message.as_str())).collect();
        assert_eq!(
            &found[..2],
            [
                (
                    "a.toml",
                    2,
                    26,
                    "[oncall]: `max_pages_per_12_hours` is a number of pages above 0 (the SRE book's is 2), not 0"
                ),
                (
                    "a.toml",
                    3,
                    21,
                    "[oncall]: `max_on_call_share` is a share of the time, above 0 and at most 1 (0.25 is 25 %), not 25"
                ),
            ]
        );
        assert_eq!((found[2].0, found[2].1), ("b.toml", 2));
    }
}
