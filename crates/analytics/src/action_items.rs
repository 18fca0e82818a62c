//! Action items across every postmortem: one flat row per item, then aggregates over any
//! subset of rows, so the page's filters and `report --json` run the same code.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::Distribution;
use model::{ActionItem, ActionStatus, Config, PostmortemSummary, Severity};

/// An action item with its postmortem's facts and what "as of" makes of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionItemRow {
    pub postmortem_id: String,
    pub postmortem_title: String,
    pub incident_date: NaiveDate,
    pub severity: Severity,
    pub services: Vec<String>,
    /// From the `people` map, else the team owning the postmortem's first service.
    pub team: Option<String>,
    pub item: ActionItem,
    /// Open and due before "as of".
    pub overdue: bool,
    /// Open and due within `due_soon_days` from "as of" (today included).
    pub due_soon: bool,
    /// Due later after the incident than the severity's policy allows.
    pub beyond_policy: bool,
}

impl ActionItemRow {
    pub fn is_open(&self) -> bool {
        self.item.status.is_open()
    }

    /// Quarter of the incident, e.g. `2026-Q3`.
    pub fn quarter(&self) -> String {
        format!("{}-Q{}", self.incident_date.year(), self.incident_date.month0() / 3 + 1)
    }

    /// When a done item counts as done: its completion date, else (unknown) its due date,
    /// else the incident date. Documented in docs/metrics.md.
    fn done_on(&self) -> Option<NaiveDate> {
        (self.item.status == ActionStatus::Done)
            .then(|| self.item.completed_on.or(self.item.due).unwrap_or(self.incident_date))
    }
}

pub fn rows(postmortems: &[PostmortemSummary], config: &Config, as_of: NaiveDate) -> Vec<ActionItemRow> {
    let policy = &config.action_items;
    let soon = as_of + Days::new(policy.due_soon_days.into());
    postmortems
        .iter()
        .flat_map(|pm| {
            let m = &pm.meta;
            let service_team = m.services.first().and_then(|s| config.services.get(s)).map(|s| s.team.clone());
            let limit = policy.due_within_days.get(&m.severity).map(|days| m.date + Days::new((*days).into()));
            pm.action_items.iter().map(move |item| {
                let open = item.status.is_open();
                ActionItemRow {
                    postmortem_id: m.id.clone(),
                    postmortem_title: m.title.clone(),
                    incident_date: m.date,
                    severity: m.severity,
                    services: m.services.clone(),
                    team: config.people.get(&item.owner).map(|p| p.team.clone()).or_else(|| service_team.clone()),
                    overdue: open && item.due.is_some_and(|due| due < as_of),
                    due_soon: open && item.due.is_some_and(|due| due >= as_of && due <= soon),
                    beyond_policy: limit.zip(item.due).is_some_and(|(limit, due)| due > limit),
                    item: item.clone(),
                }
            })
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionItemStats {
    pub total: usize,
    pub done: usize,
    pub wont_do: usize,
    pub open: usize,
    pub overdue: usize,
    pub due_soon: usize,
    /// Rows whose status could not be read; counted, never dropped.
    pub invalid: usize,
    pub beyond_policy: usize,
    /// done ÷ (all − won't do − invalid); `None` when nothing is countable.
    pub completion_rate: Option<f64>,
    /// Days since the incident, over open items.
    pub open_age_days: Distribution,
    /// Days from incident to completion, over done items with a completion date.
    pub days_to_close: Distribution,
}

pub fn stats<'a>(rows: impl IntoIterator<Item = &'a ActionItemRow>, as_of: NaiveDate) -> ActionItemStats {
    let mut s = ActionItemStats {
        total: 0,
        done: 0,
        wont_do: 0,
        open: 0,
        overdue: 0,
        due_soon: 0,
        invalid: 0,
        beyond_policy: 0,
        completion_rate: None,
        open_age_days: Distribution::of(Vec::new()),
        days_to_close: Distribution::of(Vec::new()),
    };
    let (mut ages, mut closes) = (Vec::new(), Vec::new());
    for row in rows {
        s.total += 1;
        s.overdue += usize::from(row.overdue);
        s.due_soon += usize::from(row.due_soon);
        s.beyond_policy += usize::from(row.beyond_policy);
        match row.item.status {
            ActionStatus::Done => {
                s.done += 1;
                if let Some(done) = row.item.completed_on {
                    closes.push((done - row.incident_date).num_days() as f64);
                }
            }
            ActionStatus::WontDo => s.wont_do += 1,
            ActionStatus::Invalid => s.invalid += 1,
            ActionStatus::Pending | ActionStatus::InProgress => {
                s.open += 1;
                ages.push((as_of - row.incident_date).num_days() as f64);
            }
        }
    }
    let countable = s.total - s.wont_do - s.invalid;
    s.completion_rate = (countable > 0).then(|| s.done as f64 / countable as f64);
    s.open_age_days = Distribution::of(ages);
    s.days_to_close = Distribution::of(closes);
    s
}

/// Counts for one owner, team, severity, service or quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupStats {
    pub key: String,
    pub total: usize,
    pub done: usize,
    pub open: usize,
    pub overdue: usize,
    pub completion_rate: Option<f64>,
}

/// Groups rows by `keys` (a row may have several, e.g. services) and counts each group.
pub fn group_by<'a>(
    rows: impl IntoIterator<Item = &'a ActionItemRow>,
    as_of: NaiveDate,
    keys: impl Fn(&ActionItemRow) -> Vec<String>,
) -> Vec<GroupStats> {
    let mut groups: BTreeMap<String, Vec<&ActionItemRow>> = BTreeMap::new();
    for row in rows {
        for key in keys(row) {
            groups.entry(key).or_default().push(row);
        }
    }
    groups
        .into_iter()
        .map(|(key, rows)| {
            let s = stats(rows.iter().copied(), as_of);
            GroupStats {
                key,
                total: s.total,
                done: s.done,
                open: s.open,
                overdue: s.overdue,
                completion_rate: s.completion_rate,
            }
        })
        .collect()
}

/// The state of all items at the end of one month (or at "as of" for the current month).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub on: NaiveDate,
    pub items: usize,
    pub done: usize,
    pub open: usize,
    pub overdue: usize,
    pub completion_rate: Option<f64>,
}

/// Month by month from the first incident to "as of": items of incidents so far, how many
/// were done by then, open, and overdue. Won't-do and invalid items are left out.
pub fn trend(rows: &[&ActionItemRow], as_of: NaiveDate) -> Vec<TrendPoint> {
    let Some(first) = rows.iter().map(|r| r.incident_date).min() else { return Vec::new() };
    let mut points = Vec::new();
    let mut month = first.with_day(1).expect("day 1 exists");
    while month <= as_of {
        let next = month.checked_add_months(chrono::Months::new(1)).expect("in range");
        let on = (next - Days::new(1)).min(as_of);
        let (mut items, mut done, mut overdue) = (0, 0, 0);
        let counted =
            |r: &&&ActionItemRow| r.incident_date <= on && (r.item.status == ActionStatus::Done || r.is_open());
        for row in rows.iter().filter(counted) {
            items += 1;
            if row.done_on().is_some_and(|d| d <= on) {
                done += 1;
            } else if row.item.due.is_some_and(|due| due < on) {
                overdue += 1;
            }
        }
        points.push(TrendPoint {
            on,
            items,
            done,
            open: items - done,
            overdue,
            completion_rate: (items > 0).then(|| done as f64 / items as f64),
        });
        month = next;
    }
    points
}

/// Everything the action-items page and `report --json` show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionItemReport {
    pub stats: ActionItemStats,
    pub by_owner: Vec<GroupStats>,
    pub by_team: Vec<GroupStats>,
    pub by_severity: Vec<GroupStats>,
    pub by_service: Vec<GroupStats>,
    pub by_quarter: Vec<GroupStats>,
    pub trend: Vec<TrendPoint>,
    /// Postmortems with more items than `max_per_postmortem`.
    pub oversized_postmortems: Vec<String>,
}

pub const NO_TEAM: &str = "(no team)";

pub fn report(postmortems: &[PostmortemSummary], config: &Config, as_of: NaiveDate) -> ActionItemReport {
    let rows = rows(postmortems, config, as_of);
    ActionItemReport {
        stats: stats(&rows, as_of),
        by_owner: group_by(&rows, as_of, |r| vec![r.item.owner.clone()]),
        by_team: group_by(&rows, as_of, |r| vec![r.team.clone().unwrap_or_else(|| NO_TEAM.to_owned())]),
        by_severity: group_by(&rows, as_of, |r| vec![r.severity.label().to_owned()]),
        by_service: group_by(&rows, as_of, |r| r.services.clone()),
        by_quarter: group_by(&rows, as_of, |r| vec![r.quarter()]),
        trend: trend(&rows.iter().collect::<Vec<_>>(), as_of),
        oversized_postmortems: postmortems
            .iter()
            .filter(|pm| pm.action_items.len() > config.action_items.max_per_postmortem)
            .map(|pm| pm.meta.id.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Service;

    fn d(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn item(owner: &str, status: ActionStatus, due: Option<NaiveDate>, completed_on: Option<NaiveDate>) -> ActionItem {
        ActionItem { owner: owner.into(), due, completed_on, ..ActionItem::example("1", status) }
    }

    fn summary(id: &str, date: NaiveDate, severity: Severity, items: Vec<ActionItem>) -> PostmortemSummary {
        PostmortemSummary { action_items: items, ..PostmortemSummary::example(id, date, severity) }
    }

    fn config() -> Config {
        let mut c = Config::default();
        c.services.insert("checkout".into(), Service { team: "payments".into(), tier: 1, description: String::new() });
        c.people.insert("@lena".into(), "platform".into());
        c
    }

    /// Two postmortems, hand-computed as of 2026-06-15.
    fn example() -> Vec<PostmortemSummary> {
        vec![
            summary(
                "a",
                d(6, 1),
                Severity::Sev1,
                vec![
                    item("@priya", ActionStatus::Done, Some(d(6, 10)), Some(d(6, 8))),
                    item("@priya", ActionStatus::Pending, Some(d(6, 14)), None),
                    item("@lena", ActionStatus::InProgress, Some(d(6, 20)), None),
                ],
            ),
            summary(
                "b",
                d(5, 1),
                Severity::Sev3,
                vec![
                    item("@tomas", ActionStatus::WontDo, Some(d(5, 9)), None),
                    item("@tomas", ActionStatus::Invalid, None, None),
                    item("@tomas", ActionStatus::Done, Some(d(6, 30)), None),
                ],
            ),
        ]
    }

    #[test]
    fn hand_computed_stats() {
        let as_of = d(6, 15);
        let r = report(&example(), &config(), as_of);
        let s = &r.stats;
        assert_eq!((s.total, s.done, s.wont_do, s.invalid, s.open), (6, 2, 1, 1, 2));
        assert_eq!(s.overdue, 1, "due the 14th is overdue on the 15th");
        assert_eq!(s.due_soon, 1, "due the 20th is within 14 days");
        assert_eq!(s.completion_rate, Some(2.0 / 4.0));
        assert_eq!(s.open_age_days.median, Some(14.0), "both open items are from June 1st");
        assert_eq!(s.days_to_close.count, 1, "only one done item has a completion date");
        assert_eq!(s.days_to_close.median, Some(7.0));
        // SEV1 policy: due within 15 days of June 1st → June 20th is beyond it.
        assert_eq!(s.beyond_policy, 1);
    }

    #[test]
    fn groups_resolve_teams_from_people_then_services() {
        let r = report(&example(), &config(), d(6, 15));
        let teams: Vec<(&str, usize)> = r.by_team.iter().map(|g| (g.key.as_str(), g.total)).collect();
        assert_eq!(teams, [("payments", 5), ("platform", 1)]);
        let owners: Vec<(&str, usize, usize)> =
            r.by_owner.iter().map(|g| (g.key.as_str(), g.open, g.overdue)).collect();
        assert_eq!(owners, [("@lena", 1, 0), ("@priya", 1, 1), ("@tomas", 0, 0)]);
        let quarters: Vec<&str> = r.by_quarter.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(quarters, ["2026-Q2"]);
    }

    #[test]
    fn trend_counts_month_ends() {
        let all = rows(&example(), &config(), d(6, 15));
        let t = trend(&all.iter().collect::<Vec<_>>(), d(6, 15));
        let points: Vec<(NaiveDate, usize, usize, usize)> =
            t.iter().map(|p| (p.on, p.items, p.done, p.overdue)).collect();
        // May 31: only b's done item exists, counted done from its due date (June 30) → open.
        // June 15: a's three items join; a's first is done (June 8); b's is still not due.
        assert_eq!(points, [(d(5, 31), 1, 0, 0), (d(6, 15), 4, 1, 1)]);
    }

    #[test]
    fn oversized_postmortems_are_flagged() {
        let many = (0..6).map(|_| item("@a", ActionStatus::Pending, Some(d(6, 2)), None)).collect();
        let r = report(&[summary("big", d(6, 1), Severity::Sev2, many)], &config(), d(6, 15));
        assert_eq!(r.oversized_postmortems, ["big"]);
        assert!(report(&[], &config(), d(6, 15)).trend.is_empty());
    }
}
