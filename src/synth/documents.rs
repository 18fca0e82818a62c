//! Synthetic postmortems and runbooks: valid, varied enough to exercise lists, search and
//! analytics, and obviously generated.

use chrono::{Duration, NaiveDate};
use model::dates;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use super::exports::{Deploy, Incident};
use super::{Plan, SERVICES};

const PEOPLE: [&str; 10] =
    ["@amara", "@priya", "@tomas", "@lena", "@kofi", "@mei", "@ravi", "@sofia", "@jonas", "@yusuf"];
const FAILURES: [(&str, &str); 8] = [
    ("connection-pool", "connection pool exhaustion"),
    ("config-change", "a configuration change"),
    ("certificate", "an expired TLS certificate"),
    ("disk-full", "a full data volume"),
    ("dependency", "a slow downstream dependency"),
    ("memory-leak", "a memory leak under load"),
    ("dns", "stale DNS records"),
    ("retry-storm", "a retry storm"),
];
const STATUSES: [&str; 4] = ["Done", "Done", "In Progress", "Pending"];

pub fn config() -> String {
    let mut text = String::from("title = \"Synthetic Reliability\"\n");
    for (name, team, tier) in SERVICES {
        let _ = write!(text, "\n[services.{name}]\nteam = \"{team}\"\ntier = {tier}\n");
    }
    text
}

fn runbook_slug(n: usize) -> String {
    let (service, _, _) = SERVICES[n % SERVICES.len()];
    format!("{service}-runbook-{n}")
}

pub fn write_runbooks(rng: &mut ChaCha8Rng, count: usize, dir: &Path) -> io::Result<usize> {
    if count > 0 {
        std::fs::create_dir_all(dir)?;
    }
    for n in 0..count {
        let (service, _, _) = SERVICES[n % SERVICES.len()];
        let (tag, failure) = FAILURES.choose(rng).expect("non-empty");
        let alert = format!("{}{}Alert{n}", capitalise(service), capitalise(&tag.replace('-', "")));
        let reviewed = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid") + Duration::days(rng.random_range(0..300));
        let text = format!(
            "---\ntitle: \"{service}: {failure} ({n})\"\nservice: {service}\nowner: \"{owner}\"\nlast_reviewed: {reviewed}\nreview_every: 90d\nalerts: [{alert}]\n---\n\n\
## Overview\n{alert} fires when {service} shows signs of {failure}.\n\n## Impact\nRequests to {service} slow down or fail.\n\n\
## Prerequisites\n- Production read access to {service}.\n\n## Diagnosis Steps\n1. Check the dashboard.\n   ```bash\n   kubectl -n {service} get pods\n   ```\n2. If pods restart, go to Mitigation.\n\n\
## Mitigation Steps\n1. Roll back the last deploy.\n   ```bash\n   deployctl rollback {service}\n   ```\n\n## Escalation\n- Page the {service} secondary on-call.\n\n## Related\n- {related}\n",
            owner = PEOPLE.choose(rng).expect("non-empty"),
            related = views::paths::runbook(&runbook_slug(n)),
        );
        std::fs::write(dir.join(format!("{}.md", runbook_slug(n))), text)?;
    }
    Ok(count)
}

/// Writes the postmortems and returns their incidents.
pub fn write_postmortems(
    rng: &mut ChaCha8Rng,
    plan: &Plan,
    deploys: &[Deploy],
    dir: &Path,
) -> io::Result<Vec<Incident>> {
    if plan.postmortems > 0 {
        std::fs::create_dir_all(dir)?;
    }
    let mut incidents = Vec::with_capacity(plan.postmortems);
    for n in 0..plan.postmortems {
        let deploy = &deploys[rng.random_range(0..deploys.len().max(1))];
        let service = deploy.service;
        let (tag, failure) = FAILURES.choose(rng).expect("non-empty");
        let severity = *["SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV3", "SEV4"].choose(rng).expect("non-empty");
        let started = deploy.finished_at + Duration::minutes(rng.random_range(2..90));
        let detected = started + Duration::minutes(rng.random_range(1..30));
        let acknowledged = detected + Duration::minutes(rng.random_range(1..15));
        let mitigated = acknowledged + Duration::minutes(rng.random_range(5..180));
        let resolved = mitigated + Duration::minutes(rng.random_range(10..600));
        let date = started.date_naive();
        let id = format!("{date}-{service}-{tag}-{n}");
        let ts = |t: chrono::DateTime<chrono::Utc>| t.format(dates::RFC3339_UTC).to_string();
        let hm = |t: chrono::DateTime<chrono::Utc>| t.format(dates::TIME).to_string();
        let caused = if rng.random_bool(0.5) { format!("caused_by_deploys: [{}]\n", deploy.id) } else { String::new() };
        let runbooks = if plan.runbooks > 0 {
            format!("runbooks: [{}]\n", runbook_slug(rng.random_range(0..plan.runbooks)))
        } else {
            String::new()
        };
        let mut items = String::new();
        // Five items on average: the benchmarks need 100,000 items from 20,000 postmortems.
        for i in 1..=rng.random_range(3..=7) {
            let due = date + Duration::days(rng.random_range(7..60));
            let _ = writeln!(
                items,
                "| {i} | Prevent {failure} in {service} (item {i}) | {} | {due} | {} |",
                PEOPLE.choose(rng).expect("non-empty"),
                STATUSES.choose(rng).expect("non-empty")
            );
        }
        let text = format!(
            "---\ntitle: \"{service}: degraded by {failure} (#{n})\"\ndate: {date}\nstatus: final\nseverity: {severity}\nservices: [{service}]\n\
authors: [\"{author}\"]\nincident_commander: \"{ic}\"\ntags: [{tag}]\nstarted_at: {s}\ndetected_at: {d}\nacknowledged_at: {a}\nmitigated_at: {m}\nresolved_at: {r}\n{caused}{runbooks}---\n\n\
## Summary\n{service} was degraded by {failure}.\n\n## Impact\n- Duration: {minutes} minutes\n- Users affected: {users}\n\n\
## Timeline\nAll times UTC.\n\n- {hs} — Errors begin.\n- {hd} — Alert fires.\n- {ha} — On-call acknowledges.\n- {hm_} — Mitigated.\n- {hr} — Resolved.\n\n\
## Root Cause Analysis (5 Whys)\n1. Why did {service} fail? Because of {failure}.\n2. Why? Because safeguards did not cover it.\n3. Why? Because the load pattern was new.\n4. Why? Because capacity tests lag production.\n5. Why? Because test data is stale.\n\n\
## Contributing Factors\n- Alert thresholds tuned for last year's traffic.\n\n## What Went Well\n- Rollback was quick.\n\n\
## Action Items\n| # | Action Item | Owner | Due Date | Status |\n|---|---|---|---|---|\n{items}\n## Lessons Learned\n- Watch for {failure}.\n",
            author = PEOPLE.choose(rng).expect("non-empty"),
            ic = PEOPLE.choose(rng).expect("non-empty"),
            s = ts(started),
            d = ts(detected),
            a = ts(acknowledged),
            m = ts(mitigated),
            r = ts(resolved),
            minutes = (resolved - started).num_minutes(),
            users = rng.random_range(100..200_000),
            hs = hm(started),
            hd = hm(detected),
            ha = hm(acknowledged),
            hm_ = hm(mitigated),
            hr = hm(resolved),
        );
        std::fs::write(dir.join(format!("{id}.md")), text)?;
        incidents.push(Incident {
            id,
            service: service.to_owned(),
            severity,
            started_at: started,
            mitigated_at: mitigated,
            resolved_at: resolved,
        });
    }
    Ok(incidents)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
