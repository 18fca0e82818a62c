//! Which postmortems a new hire should read first: an impact score from what the postmortem
//! records, with the reasons shown so the ranking can be argued with. The formula is in
//! docs/metrics.md ("Impact score").

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use super::patterns::recurring;
use model::{PostmortemSummary, Severity};

/// Words a minute for technical prose read with care (not skimmed).
pub const READING_WORDS_PER_MINUTE: usize = 200;

/// Whole minutes to read `words`, at least one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(READING_WORDS_PER_MINUTE).max(1)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImpactScore {
    pub id: String,
    /// 0 to 120: the sum of the reasons' points.
    pub score: f64,
    /// What the points came from, largest part first.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub why: Why,
    pub points: f64,
}

/// What a reason's points were given for; the words are the views' (`views::format`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Why {
    Severity(Severity),
    Lasted { hours: f64 },
    UsersAffected(u64),
    ErrorBudget { percent: f64 },
    RecurredWith { others: usize },
}

/// The `n` postmortems of highest impact, highest first; ties go to the newer, then by id.
pub fn most_impactful(postmortems: &[PostmortemSummary], n: usize) -> Vec<ImpactScore> {
    let recurrences = recurrences(postmortems);
    let mut scored: Vec<(ImpactScore, &PostmortemSummary)> = postmortems
        .iter()
        .map(|pm| (score(pm, recurrences.get(pm.meta.id.as_str()).map_or(0, BTreeSet::len)), pm))
        .collect();
    scored.sort_by(|(a, pa), (b, pb)| {
        b.score.total_cmp(&a.score).then(pb.meta.date.cmp(&pa.meta.date)).then_with(|| a.id.cmp(&b.id))
    });
    scored.into_iter().take(n).map(|(s, _)| s).collect()
}

/// For each postmortem, the others it shares a recurring service × tag class with (see
/// [`recurring`]).
fn recurrences(postmortems: &[PostmortemSummary]) -> BTreeMap<String, BTreeSet<String>> {
    let mut others: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for pattern in recurring(postmortems).into_iter().filter(|p| p.service.is_some()) {
        for (id, _) in &pattern.occurrences {
            let entry = others.entry(id.clone()).or_default();
            entry.extend(pattern.occurrences.iter().map(|(o, _)| o.clone()).filter(|o| o != id));
        }
    }
    others
}

/// One postmortem's score, given how many others it recurs with.
pub fn score(pm: &PostmortemSummary, recurrences: usize) -> ImpactScore {
    let mut reasons = Vec::new();
    let severity = match pm.meta.severity {
        Severity::Sev1 => 40.0,
        Severity::Sev2 => 25.0,
        Severity::Sev3 => 10.0,
        Severity::Sev4 => 5.0,
    };
    reasons.push(Reason { why: Why::Severity(pm.meta.severity), points: severity });
    let t = &pm.times;
    if let Some((start, end)) = t.started_at.or(t.detected_at).zip(t.resolved_at) {
        let hours = (end - start).num_seconds() as f64 / 3600.0;
        if hours > 0.0 {
            let points = (5.0 * (1.0 + hours).log2()).min(20.0);
            reasons.push(Reason { why: Why::Lasted { hours }, points });
        }
    }
    if let Some(users) = pm.impact.users_affected_count.filter(|u| *u > 0) {
        let points = (4.0 * (1.0 + users as f64).log10()).min(20.0);
        reasons.push(Reason { why: Why::UsersAffected(users), points });
    }
    if let Some(percent) = pm.impact.error_budget_percent.filter(|p| *p > 0.0) {
        let points = (percent / 5.0).min(20.0);
        reasons.push(Reason { why: Why::ErrorBudget { percent }, points });
    }
    if recurrences > 0 {
        let points = (5.0 * recurrences as f64).min(20.0);
        reasons.push(Reason { why: Why::RecurredWith { others: recurrences }, points });
    }
    reasons.sort_by(|a, b| b.points.total_cmp(&a.points));
    let score = reasons.iter().map(|r| r.points).sum();
    ImpactScore { id: pm.meta.id.clone(), score, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn pm(
        id: &str,
        severity: Severity,
        hours: Option<i64>,
        users: Option<u64>,
        budget: Option<f64>,
    ) -> PostmortemSummary {
        let mut pm = PostmortemSummary::example(id, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), severity);
        pm.meta.services = vec!["ledger".into()];
        let start = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        pm.times.started_at = hours.map(|_| start);
        pm.times.resolved_at = hours.map(|h| start + chrono::Duration::hours(h));
        pm.impact.users_affected_count = users;
        pm.impact.error_budget_percent = budget;
        pm
    }

    #[test]
    fn scores_each_part_by_the_documented_formula() {
        // SEV1 40 + 3 h: 5·log2(4) = 10 + 9,999 users: 4·log10(10,000) = 16 + 50 %: 10.
        let s = score(&pm("a", Severity::Sev1, Some(3), Some(9_999), Some(50.0)), 0);
        assert_eq!(s.score, 76.0);
        let whys: Vec<&Why> = s.reasons.iter().map(|r| &r.why).collect();
        let expected = [
            Why::Severity(Severity::Sev1),
            Why::UsersAffected(9_999),
            Why::Lasted { hours: 3.0 },
            Why::ErrorBudget { percent: 50.0 },
        ];
        assert_eq!(whys, expected.iter().collect::<Vec<_>>());
        // Caps: a week-long outage of millions that burnt 300 % of the budget, recurring 9 times.
        let capped = score(&pm("b", Severity::Sev4, Some(24 * 7), Some(5_000_000), Some(300.0)), 9);
        assert_eq!(capped.score, 5.0 + 20.0 + 20.0 + 20.0 + 20.0);
        // Only the severity when nothing else is known.
        assert_eq!(score(&pm("c", Severity::Sev3, None, None, None), 0).score, 10.0);
    }

    #[test]
    fn ranks_highest_first_with_recurrence_counted_and_ties_to_the_newer() {
        let mut a = pm("a", Severity::Sev2, None, None, None);
        let mut b = pm("b", Severity::Sev2, None, None, None);
        let mut c = pm("c", Severity::Sev2, None, None, None);
        let d = pm("d", Severity::Sev1, None, None, None);
        b.meta.date = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        // a and c recur (ledger × disk); b does not.
        a.meta.tags = vec!["disk".into()];
        c.meta.tags = vec!["disk".into()];
        let ranked: Vec<String> = most_impactful(&[a, b, c, d], 3).into_iter().map(|s| s.id).collect();
        assert_eq!(ranked, ["d", "a", "c"]);
    }

    #[test]
    fn reading_time_rounds_up_to_whole_minutes() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
    }
}
