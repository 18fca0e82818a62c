//! Reading the template's structured parts: the Impact list, the 5 whys, the other lists,
//! and milestones the front matter leaves out, found in the timeline.

use std::ops::Range;

use super::markdown::list_items;
use model::{Facts, Impact, Milestones, PostmortemMeta, SectionKind, TimelineEntry};

use super::markdown::RawSection;

pub fn facts(body: &str, body_line: usize, sections: &[RawSection]) -> Facts {
    let list = |kind: SectionKind| -> Vec<String> {
        sections
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| list_items(body, s.content.clone(), body_line).into_iter().map(|(_, text)| plain(&text)).collect())
            .unwrap_or_default()
    };
    let impact = sections
        .iter()
        .find(|s| s.kind == SectionKind::Impact)
        .map(|s| impact(body, s.content.clone()))
        .unwrap_or_default();
    Facts {
        impact,
        whys: list(SectionKind::RootCause),
        contributing_factors: list(SectionKind::ContributingFactors),
        went_well: list(SectionKind::WhatWentWell),
        lessons: list(SectionKind::LessonsLearned),
    }
}

/// `- **Users affected:** 2,140 …` → users_affected. Keys are matched by their first word.
fn impact(body: &str, range: Range<usize>) -> Impact {
    let mut impact = Impact::default();
    for (_, item) in list_items(body, range, 1) {
        let text = plain(&item);
        let Some((key, value)) = text.split_once(':') else { continue };
        let key = key.trim().to_lowercase();
        let value = Some(value.trim().to_owned());
        let first = key.split_whitespace().next().unwrap_or("");
        match first {
            "duration" => impact.duration = value,
            "users" | "customers" => impact.users_affected = value,
            "revenue" => impact.revenue = value,
            "slo" | "error" => impact.slo = value,
            "support" | "tickets" => impact.support_tickets = value,
            "data" => impact.data = value,
            _ => {}
        }
    }
    impact.users_affected_count = impact.users_affected.as_deref().and_then(first_number).map(|n| n as u64);
    impact.error_budget_percent = impact.slo.as_deref().and_then(budget_percent);
    impact
}

/// Markdown emphasis and code marks dropped, lines joined.
fn plain(markdown: &str) -> String {
    markdown.replace(['*', '`'], "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first number, with thousands separators: "about 61,000 customers" → 61000.
fn first_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    digits.trim_end_matches('.').parse().ok()
}

/// The share of the error budget used: the percentage that reads "N% of … budget" within
/// one clause ("used 38% of its 30-day error budget"), not the SLO's own target ("(99.9%
/// over 30 days)", "(99% of queries under 800 ms)"); else the only percentage there is.
fn budget_percent(text: &str) -> Option<f64> {
    let percentages: Vec<(f64, &str)> = text
        .match_indices('%')
        .filter_map(|(at, _)| {
            let before = &text[..at];
            let start = before.rfind(|c: char| !(c.is_ascii_digit() || c == '.')).map_or(0, |i| i + 1);
            Some((before[start..].parse().ok()?, &text[at + 1..]))
        })
        .collect();
    let of_the_budget = |after: &str| {
        let clause_end = [after.find(')'), after.find(". ")].into_iter().flatten().min().unwrap_or(after.len());
        after.trim_start().starts_with("of ") && after[..clause_end].to_lowercase().contains("budget")
    };
    match percentages.iter().find(|(_, after)| of_the_budget(after)) {
        Some((value, _)) => Some(*value),
        None if percentages.len() == 1 => Some(percentages[0].0),
        None => None,
    }
}

/// Words that mark a milestone in a timeline entry, checked in this order; an explicit
/// `[detected]`-style marker wins over words.
const MILESTONE_WORDS: [(&str, &[&str]); 4] = [
    ("detected_at", &["alert", "detected", "paged", "pages", "noticed", "reported"]),
    ("acknowledged_at", &["acknowledg", " acks", "ack "]),
    ("mitigated_at", &["mitigat", "rolled back", "rollback complete", "restored", "recovered"]),
    ("resolved_at", &["resolved", "all clear", "closed the incident"]),
];

pub fn milestones(meta: &PostmortemMeta, timeline: &[TimelineEntry]) -> Milestones {
    let mut m = Milestones {
        started_at: meta.started_at,
        detected_at: meta.detected_at,
        acknowledged_at: meta.acknowledged_at,
        mitigated_at: meta.mitigated_at,
        resolved_at: meta.resolved_at,
        from_timeline: Vec::new(),
    };
    if timeline.is_empty() {
        return m;
    }
    let text = |e: &TimelineEntry| e.html.to_lowercase();
    let marked = |name: &str| {
        let marker = format!("[{}]", name.trim_end_matches("_at"));
        timeline.iter().find(|e| text(e).contains(&marker)).map(|e| e.at)
    };
    let worded = |words: &[&str]| timeline.iter().find(|e| words.iter().any(|w| text(e).contains(w))).map(|e| e.at);
    if m.started_at.is_none() {
        m.started_at = marked("started_at").or(Some(timeline[0].at));
        m.from_timeline.push("started_at".into());
    }
    for (name, words) in MILESTONE_WORDS {
        let slot = match name {
            "detected_at" => &mut m.detected_at,
            "acknowledged_at" => &mut m.acknowledged_at,
            "mitigated_at" => &mut m.mitigated_at,
            _ => &mut m.resolved_at,
        };
        if slot.is_none()
            && let Some(at) = marked(name).or_else(|| worded(words))
        {
            *slot = Some(at);
            m.from_timeline.push(name.to_owned());
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::super::markdown::sections;
    use super::*;

    #[test]
    fn reads_the_impact_list_and_its_numbers() {
        let body = "## Impact\n- **Duration:** 39 minutes\n- **Users affected:** 2,140 failed payments from 1,480 customers\n- **SLO:** used **38%** of the 30-day error budget\n- **Data and security:** none\n## Root Cause Analysis (5 Whys)\n1. Why? Because a.\n2. Why? Because `b`.\n";
        let f = facts(body, 1, &sections(body, 1));
        assert_eq!(f.impact.duration.as_deref(), Some("39 minutes"));
        assert_eq!(f.impact.users_affected_count, Some(2140));
        assert_eq!(f.impact.error_budget_percent, Some(38.0));
        assert_eq!(f.impact.data.as_deref(), Some("none"));
        assert_eq!(f.whys, ["Why? Because a.", "Why? Because b."]);
    }

    #[test]
    fn the_budget_used_is_told_apart_from_the_slo_target() {
        let cases = [
            ("checkout availability (99.9% over 30 days) used 132% of its error budget. Ledger 530%.", Some(132.0)),
            ("auth availability (99.95% over 30 days, 21.6 min budget) used 640% of its error budget.", Some(640.0)),
            ("the latency SLO (99% of queries under 800 ms over 30 days) used 38% of its error budget.", Some(38.0)),
            (
                "the SLO (99.5% over 30 days) counted them as good. Recomputed, it used 17.6% of the error budget.",
                Some(17.6),
            ),
            ("auth availability SLO used 0%, because every login succeeded.", Some(0.0)),
            ("12%", Some(12.0)),
            ("the SLO (99.9% over 30 days) was fine, 3% of requests slow", None),
            ("none recorded.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(budget_percent(text), expected, "{text}");
        }
    }

    fn entry(hour: u32, minute: u32, text: &str) -> TimelineEntry {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap().and_hms_opt(hour, minute, 0).unwrap().and_utc();
        TimelineEntry { at, html: text.into(), line: 1 }
    }

    #[test]
    fn milestones_fall_back_to_the_timeline() {
        let meta: PostmortemMeta = serde_json::from_value(serde_json::json!({
            "title": "t", "date": "2026-06-01", "severity": "SEV2", "resolved_at": "2026-06-01T12:00:00Z"
        }))
        .unwrap();
        let timeline = [
            entry(10, 0, "Deploy finishes"),
            entry(10, 5, "CheckoutHighErrorRate alert fires"),
            entry(10, 9, "On-call acknowledges"),
            entry(10, 30, "Traffic shifted away [mitigated]"),
            entry(10, 40, "Rollback complete"),
        ];
        let m = milestones(&meta, &timeline);
        let hm = |t: Option<chrono::DateTime<chrono::Utc>>| t.unwrap().format(model::dates::TIME).to_string();
        assert_eq!(hm(m.started_at), "10:00");
        assert_eq!(hm(m.detected_at), "10:05");
        assert_eq!(hm(m.acknowledged_at), "10:09");
        assert_eq!(hm(m.mitigated_at), "10:30", "an explicit marker wins over words");
        assert_eq!(hm(m.resolved_at), "12:00", "the front matter wins over the timeline");
        assert_eq!(m.from_timeline, ["started_at", "detected_at", "acknowledged_at", "mitigated_at"]);
    }
}
