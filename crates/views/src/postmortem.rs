//! The postmortem page without its markup: how its times and durations are written, which
//! recurrences and back-links it shows, which of its action items are overdue, and what
//! each section's body is.

use chrono::{DateTime, NaiveDate, Utc};

use crate::format::{format_hours, format_percent};
use analytics::recurring;
use analytics::slo::IncidentBudget;
use model::dates;
use model::{
    ActionItem, Config, Milestones, PostmortemMeta, PostmortemSummary, RunbookSummary, SectionKind, TimelineEntry,
};

/// A moment to the minute, `—` when unknown.
pub fn clock(at: Option<DateTime<Utc>>) -> String {
    at.map_or("—".to_owned(), |t| t.format(dates::DATE_TIME_UTC).to_string())
}

/// A timeline entry's moment (its day is the incident's, so no zone is written).
pub fn timeline_time(entry: &TimelineEntry) -> String {
    entry.at.format(dates::DATE_TIME).to_string()
}

/// The time from `from` to `to`, `—` unless both are known.
pub fn hours_between(from: Option<DateTime<Utc>>, to: Option<DateTime<Utc>>) -> String {
    format_hours(from.zip(to).map(|(a, b)| (b - a).num_seconds() as f64 / 3600.0))
}

/// The start and each time-to of the facts list, label and value.
pub fn milestones(t: &Milestones) -> [(&'static str, String); 5] {
    [
        ("Started", clock(t.started_at)),
        ("Time to detect", hours_between(t.started_at, t.detected_at)),
        ("Time to acknowledge", hours_between(t.detected_at, t.acknowledged_at)),
        ("Time to mitigate", hours_between(t.acknowledged_at, t.mitigated_at)),
        ("Time to resolve", hours_between(t.started_at.or(t.detected_at), t.resolved_at)),
    ]
}

/// Which milestones came from the timeline rather than the front matter, if any.
pub fn from_timeline(t: &Milestones) -> Option<String> {
    (!t.from_timeline.is_empty()).then(|| format!("{} (not in the front matter)", t.from_timeline.join(", ")))
}

/// The line above the title, after the severity badge: " 2026-06-01 · final".
pub fn kicker(meta: &PostmortemMeta) -> String {
    format!(" {} · {}", meta.date, meta.status.label())
}

/// This incident's place in each service's class seen more than once, when it is not the
/// first: "Second occurrence of checkout × disk (of 3 so far). ".
pub fn recurrences(postmortems: &[PostmortemSummary], id: &str) -> Vec<String> {
    recurring(postmortems)
        .iter()
        .filter(|p| p.service.is_some())
        .filter_map(|p| p.occurrence_of(id).map(|n| (p.label(), n, p.occurrences.len())))
        .filter(|(_, n, _)| *n > 1)
        .map(|(label, n, total)| format!("{} occurrence of {label} (of {total} so far). ", ordinal(n)))
        .collect()
}

/// "Second", "Third", then "4th" … "11th", "12th", "13th" … "21st", "22nd", "23rd".
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    match n {
        2 => "Second".to_owned(),
        3 => "Third".to_owned(),
        n => format!("{n}{suffix}"),
    }
}

/// One SLO's share of its budget that the incident spent, for the postmortem's facts.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetRow {
    /// The SLO's name, for the link to its page.
    pub slo: String,
    pub display_name: String,
    /// "62.5 % of the budget", or why there is no figure.
    pub share: String,
}

pub fn budget_rows(spent: &[IncidentBudget]) -> Vec<BudgetRow> {
    spent
        .iter()
        .map(|b| BudgetRow {
            slo: b.slo.clone(),
            display_name: b.display_name.clone(),
            share: match b.share {
                Some(share) => format!("{} of the budget", format_percent(Some(share))),
                None => "no SLI data in its window".to_owned(),
            },
        })
        .collect()
}

/// Links both ways: the postmortems that name `id` as related.
pub fn referenced_by<'a>(postmortems: &'a [PostmortemSummary], id: &str) -> Vec<&'a PostmortemSummary> {
    postmortems.iter().filter(|p| p.meta.related.iter().any(|r| r == id)).collect()
}

/// A service with its team when the config knows it: "checkout (payments)".
pub fn service_label(config: &Config, service: &str) -> String {
    match config.services.get(service) {
        Some(known) => format!("{service} ({})", known.team),
        None => service.to_owned(),
    }
}

/// A linked runbook's title, or its slug when no runbook has it.
pub fn runbook_title(runbooks: &[RunbookSummary], slug: &str) -> String {
    runbooks.iter().find(|r| r.slug == slug).map_or(slug.to_owned(), |r| r.meta.title.clone())
}

/// A related postmortem's title, or its id when no postmortem has it.
pub fn postmortem_title(postmortems: &[PostmortemSummary], id: &str) -> String {
    postmortems.iter().find(|p| p.meta.id == id).map_or(id.to_owned(), |p| p.meta.title.clone())
}

/// Open and due before `as_of`.
pub fn is_overdue(item: &ActionItem, as_of: NaiveDate) -> bool {
    item.status.is_open() && item.due.is_some_and(|d| d < as_of)
}

/// The element id of an action item's row, which `?item=` scrolls to.
pub fn item_anchor(number: &str) -> String {
    format!("item-{number}")
}

/// What a section shows: the parsed timeline or action items when it has them, else its
/// HTML as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionBody {
    Timeline,
    ActionItems,
    Html,
}

pub fn section_body(kind: SectionKind, timeline: &[TimelineEntry], items: &[ActionItem]) -> SectionBody {
    match kind {
        SectionKind::Timeline if !timeline.is_empty() => SectionBody::Timeline,
        SectionKind::ActionItems if !items.is_empty() => SectionBody::ActionItems,
        _ => SectionBody::Html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use model::{ActionStatus, Service, Severity};

    fn at(hour: u32, minute: u32) -> Option<DateTime<Utc>> {
        Some(Utc.with_ymd_and_hms(2026, 6, 1, hour, minute, 0).unwrap())
    }

    fn d(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    #[test]
    fn times_and_durations() {
        let t = Milestones {
            started_at: at(10, 0),
            detected_at: at(10, 30),
            acknowledged_at: None,
            mitigated_at: at(13, 0),
            resolved_at: at(14, 0),
            from_timeline: vec!["detected_at".into()],
        };
        let rows = milestones(&t).map(|(label, value)| format!("{label}: {value}"));
        assert_eq!(
            rows,
            [
                "Started: 2026-06-01 10:00 UTC",
                "Time to detect: 30 min",
                "Time to acknowledge: —",
                "Time to mitigate: —",
                "Time to resolve: 4.0 h",
            ]
        );
        assert_eq!(from_timeline(&t).as_deref(), Some("detected_at (not in the front matter)"));
        assert_eq!(from_timeline(&Milestones::default()), None);
        assert_eq!(clock(None), "—");
        let resolved_only = Milestones { detected_at: at(9, 0), resolved_at: at(9, 45), ..Milestones::default() };
        assert_eq!(
            milestones(&resolved_only)[4].1,
            "45 min",
            "resolve counts from detection when the start is unknown"
        );
    }

    fn tagged(id: &str, date: NaiveDate, related: &[&str]) -> PostmortemSummary {
        let mut pm = PostmortemSummary::example(id, date, Severity::Sev2);
        pm.meta.tags = vec!["disk".into()];
        pm.meta.related = related.iter().map(|r| r.to_string()).collect();
        pm
    }

    #[test]
    fn recurrences_and_links_both_ways() {
        let all = [tagged("c", d(6, 1), &["a"]), tagged("b", d(5, 1), &["a"]), tagged("a", d(4, 1), &[])];
        assert_eq!(recurrences(&all, "a"), Vec::<String>::new(), "the first occurrence says nothing");
        assert_eq!(recurrences(&all, "b"), ["Second occurrence of checkout × disk (of 3 so far). "]);
        assert_eq!(recurrences(&all, "c"), ["Third occurrence of checkout × disk (of 3 so far). "]);
        let ids: Vec<&str> = referenced_by(&all, "a").iter().map(|p| p.meta.id.as_str()).collect();
        assert_eq!(ids, ["c", "b"]);
        assert!(referenced_by(&all, "c").is_empty());
        assert_eq!(postmortem_title(&all, "a"), "a");
        assert_eq!(postmortem_title(&all, "gone"), "gone");
        assert_eq!(runbook_title(&[], "disk-full"), "disk-full");
        assert_eq!(ordinal(4), "4th");
        let later: Vec<String> = [11, 12, 13, 21, 22, 23, 101, 111].map(ordinal).into();
        assert_eq!(later, ["11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"]);
        assert_eq!(kicker(&all[0].meta), " 2026-06-01 · final");
    }

    #[test]
    fn services_carry_their_team_when_known() {
        let mut config = Config::default();
        config
            .services
            .insert("checkout".into(), Service { team: "payments".into(), tier: 1, description: String::new() });
        assert_eq!(service_label(&config, "checkout"), "checkout (payments)");
        assert_eq!(service_label(&config, "search"), "search");
    }

    fn item(status: ActionStatus, due: Option<NaiveDate>) -> ActionItem {
        ActionItem { due, ..ActionItem::example("3", status) }
    }

    #[test]
    fn overdue_items_and_section_bodies() {
        assert!(is_overdue(&item(ActionStatus::Pending, Some(d(6, 14))), d(6, 15)));
        assert!(!is_overdue(&item(ActionStatus::Pending, Some(d(6, 15))), d(6, 15)), "due today is not late");
        assert!(!is_overdue(&item(ActionStatus::Done, Some(d(6, 1))), d(6, 15)));
        assert!(!is_overdue(&item(ActionStatus::InProgress, None), d(6, 15)));
        assert_eq!(item_anchor("3"), "item-3");
        let items = [item(ActionStatus::Pending, None)];
        let entry = TimelineEntry { at: at(10, 5).unwrap(), html: String::new(), line: 1 };
        assert_eq!(timeline_time(&entry), "2026-06-01 10:05");
        assert_eq!(section_body(SectionKind::ActionItems, &[], &items), SectionBody::ActionItems);
        assert_eq!(section_body(SectionKind::ActionItems, &[], &[]), SectionBody::Html);
        assert_eq!(section_body(SectionKind::Timeline, &[entry], &[]), SectionBody::Timeline);
        assert_eq!(section_body(SectionKind::Timeline, &[], &items), SectionBody::Html);
        assert_eq!(section_body(SectionKind::Summary, &[], &items), SectionBody::Html);
    }

    #[test]
    fn budget_rows_name_each_slo_and_say_when_there_is_no_figure() {
        let spent = [
            IncidentBudget { slo: "checkout-availability".into(), display_name: "Checkout".into(), share: Some(0.625) },
            IncidentBudget { slo: "checkout-latency".into(), display_name: "Latency".into(), share: None },
        ];
        let rows = budget_rows(&spent);
        assert_eq!(rows[0].slo, "checkout-availability");
        assert_eq!(rows[0].share, "62.5 % of the budget");
        assert_eq!(rows[1].share, "no SLI data in its window");
    }
}
