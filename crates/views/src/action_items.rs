//! The action-items page without its markup: the URL query it reads, the filters and sort
//! that query asks for, the rows they keep, and the figures and words shown about them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::format::format_percent;
use analytics::{ActionItemRow, ActionItemStats, GroupStats, NO_TEAM, TrendPoint, action_item_stats, group_by, trend};
use model::dates;
use model::{ActionStatus, PostmortemSummary, Severity};

/// Rows rendered per page of the table: 100,000 table rows would freeze the tab.
pub const PAGE: usize = 200;

/// Filters, sort and "as of" live in the URL: `?owner=@priya` is a person's own view, and
/// any view can be shared. Each field is the URL's text as written; [`Self::filters`]
/// reads it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionItemsQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    /// A status label, or `open` for Pending + In Progress.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub severity: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service: String,
    /// `1` keeps only overdue items.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub overdue: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub as_of: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sort: String,
}

/// The value of `overdue` that keeps only overdue items.
pub const OVERDUE_ONLY: &str = "1";

/// The status filter's value for Pending + In Progress together.
pub const OPEN: &str = "open";

/// The order of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Soonest due first; undated (invalid) items last.
    #[default]
    Due,
    Owner,
    Severity,
    /// Latest incident first.
    Incident,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Due, Sort::Owner, Sort::Severity, Sort::Incident];

    /// The value of `sort` in the URL.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Due => "due",
            Sort::Owner => "owner",
            Sort::Severity => "severity",
            Sort::Incident => "incident",
        }
    }

    fn apply(self, rows: &mut [&ActionItemRow]) {
        match self {
            Sort::Owner => rows.sort_by(|a, b| a.item.owner.cmp(&b.item.owner).then(a.item.due.cmp(&b.item.due))),
            Sort::Severity => rows.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.item.due.cmp(&b.item.due))),
            Sort::Incident => rows.sort_by_key(|r| std::cmp::Reverse(r.incident_date)),
            Sort::Due => rows.sort_by_key(|r| (r.item.due.is_none(), r.item.due)),
        }
    }
}

/// What a query asks for. Text filters are matched exactly, so an owner, team, status,
/// severity or service no row has keeps nothing (and the page says no item matches).
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    pub owner: Option<String>,
    pub team: Option<String>,
    /// A status label, or [`OPEN`].
    pub status: Option<String>,
    pub severity: Option<String>,
    pub service: Option<String>,
    pub overdue_only: bool,
    pub sort: Sort,
    pub as_of: NaiveDate,
}

impl ActionItemsQuery {
    /// The filters this query asks for, as of `today` unless it names a date, and what in
    /// it could not be read: the page shows those, rather than quietly ignore them.
    pub fn filters(&self, today: NaiveDate) -> (Filters, Vec<String>) {
        let mut problems = Vec::new();
        let as_of = match self.as_of.as_str() {
            "" => today,
            text => dates::parse_date(text).unwrap_or_else(|| {
                problems.push(format!("as_of={text} is not a date like 2026-11-22: showing today, {today}."));
                today
            }),
        };
        let sort = match self.sort.as_str() {
            "" => Sort::Due,
            key => Sort::ALL.into_iter().find(|s| s.key() == key).unwrap_or_else(|| {
                let keys: Vec<&str> = Sort::ALL.iter().map(|s| s.key()).collect();
                problems.push(format!("sort={key} is not one of {}: sorting by due date.", keys.join(", ")));
                Sort::Due
            }),
        };
        let overdue_only = match self.overdue.as_str() {
            "" => false,
            OVERDUE_ONLY => true,
            text => {
                problems
                    .push(format!("overdue={text} is not understood (overdue=1 keeps overdue items): showing all."));
                false
            }
        };
        let given = |text: &String| (!text.is_empty()).then(|| text.clone());
        let filters = Filters {
            owner: given(&self.owner),
            team: given(&self.team),
            status: given(&self.status),
            severity: given(&self.severity),
            service: given(&self.service),
            overdue_only,
            sort,
            as_of,
        };
        (filters, problems)
    }

    /// Where an owner's name links: their items, at the same "as of".
    pub fn owner_view(&self, owner: &str) -> ActionItemsQuery {
        ActionItemsQuery { owner: owner.to_owned(), as_of: self.as_of.clone(), ..ActionItemsQuery::default() }
    }
}

impl Filters {
    pub fn keeps(&self, row: &ActionItemRow) -> bool {
        let is = |wanted: &Option<String>, value: &str| wanted.as_deref().is_none_or(|w| w == value);
        let status = match self.status.as_deref() {
            None => true,
            Some(OPEN) => row.is_open(),
            Some(label) => row.item.status.label() == label,
        };
        is(&self.owner, &row.item.owner)
            && is(&self.team, team_of(row))
            && status
            && is(&self.severity, row.severity.label())
            && self.service.as_ref().is_none_or(|s| row.services.contains(s))
            && (!self.overdue_only || row.overdue)
    }
}

/// The row's team, or [`NO_TEAM`].
pub fn team_of(row: &ActionItemRow) -> &str {
    row.team.as_deref().unwrap_or(NO_TEAM)
}

/// A due date as the table shows it.
pub fn due_text(row: &ActionItemRow) -> String {
    row.item.due.map_or("—".to_owned(), |d| d.to_string())
}

/// The choices of the filter form, from every row (not only those shown), so a filter can
/// always be widened again.
#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    pub owners: Vec<String>,
    pub teams: Vec<String>,
    pub services: Vec<String>,
    pub statuses: Vec<String>,
    pub severities: Vec<String>,
    pub sorts: Vec<String>,
}

impl Choices {
    pub fn of(rows: &[ActionItemRow]) -> Choices {
        Choices {
            owners: rows.iter().map(|r| r.item.owner.clone()).collect(),
            teams: rows.iter().map(|r| team_of(r).to_owned()).collect(),
            services: rows.iter().flat_map(|r| r.services.clone()).collect(),
            statuses: std::iter::once(OPEN.to_owned())
                .chain(ActionStatus::ALL.iter().map(|s| s.label().to_owned()))
                .collect(),
            severities: Severity::ALL.map(|s| s.label().to_owned()).to_vec(),
            sorts: Sort::ALL.map(|s| s.key().to_owned()).to_vec(),
        }
    }
}

/// The rows a query keeps, in its order, and the figures over them.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionItemsView<'a> {
    pub shown: Vec<&'a ActionItemRow>,
    /// Rows before filtering.
    pub total: usize,
    pub as_of: NaiveDate,
    pub stats: ActionItemStats,
    pub by_team: Vec<GroupStats>,
    pub by_quarter: Vec<GroupStats>,
    pub trend: Vec<TrendPoint>,
}

impl<'a> ActionItemsView<'a> {
    /// `rows` are as of `filters.as_of`.
    pub fn of(rows: &'a [ActionItemRow], filters: &Filters) -> ActionItemsView<'a> {
        let as_of = filters.as_of;
        let mut shown: Vec<&ActionItemRow> = rows.iter().filter(|r| filters.keeps(r)).collect();
        filters.sort.apply(&mut shown);
        ActionItemsView {
            stats: action_item_stats(shown.iter().copied(), as_of),
            by_team: group_by(shown.iter().copied(), as_of, |r| vec![team_of(r).to_owned()]),
            by_quarter: group_by(shown.iter().copied(), as_of, |r| vec![r.quarter()]),
            trend: trend(&shown, as_of),
            total: rows.len(),
            shown,
            as_of,
        }
    }

    /// The headline cards, label and value.
    pub fn cards(&self) -> Vec<(&'static str, String)> {
        let s = &self.stats;
        let days = |median: Option<f64>| median.map_or("—".to_owned(), |d| format!("{d:.0}"));
        vec![
            ("Items", s.total.to_string()),
            ("Open", s.open.to_string()),
            ("Overdue", s.overdue.to_string()),
            ("Due soon", s.due_soon.to_string()),
            ("Completion", format_percent(s.completion_rate)),
            ("Median days to close", days(s.days_to_close.median)),
            ("Median age of open items (days)", days(s.open_age_days.median)),
            ("Beyond due-date policy", s.beyond_policy.to_string()),
            ("Invalid", s.invalid.to_string()),
        ]
    }

    /// "12 of 40 items · as of 2026-11-22 · computed in 0.3 ms".
    pub fn summary(&self, computed_ms: f64) -> String {
        format!("{} of {} items · as of {} · computed in {computed_ms:.1} ms", self.shown.len(), self.total, self.as_of)
    }

    /// Completion at each month's end, in whole percent.
    pub fn completion_bars(&self) -> Vec<(String, usize)> {
        let percent = |p: &TrendPoint| (p.completion_rate.unwrap_or(0.0) * 100.0).round() as usize;
        self.trend.iter().map(|p| (month(p), percent(p))).collect()
    }

    /// Overdue items at each month's end.
    pub fn overdue_bars(&self) -> Vec<(String, usize)> {
        self.trend.iter().map(|p| (month(p), p.overdue)).collect()
    }

    /// The "show more" button's label when `limit` rows are on screen and more are hidden.
    pub fn show_more(&self, limit: usize) -> Option<String> {
        let hidden = self.shown.len().checked_sub(limit).filter(|h| *h > 0)?;
        Some(format!("Show {} more of {hidden}", PAGE.min(hidden)))
    }
}

fn month(point: &TrendPoint) -> String {
    point.on.format(dates::MONTH_SHORT).to_string()
}

/// Postmortems with more action items than the policy allows, and the notice about them.
#[derive(Debug, Clone, PartialEq)]
pub struct Oversized {
    pub notice: String,
    pub ids: Vec<String>,
}

/// `None` when every postmortem keeps to `max` items.
pub fn oversized(postmortems: &[PostmortemSummary], max: usize) -> Option<Oversized> {
    let ids: Vec<String> =
        postmortems.iter().filter(|pm| pm.action_items.len() > max).map(|pm| pm.meta.id.clone()).collect();
    let notice = format!(
        "{} postmortem(s) have more than {max} action items — three to five high-impact items beat a dozen aspirational ones: ",
        ids.len()
    );
    (!ids.is_empty()).then_some(Oversized { notice, ids })
}

#[cfg(test)]
mod tests {
    use super::*;
    use analytics::action_item_rows;
    use model::{ActionItem, Config, Service};

    fn d(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn item(number: &str, owner: &str, status: ActionStatus, due: Option<NaiveDate>) -> ActionItem {
        ActionItem { owner: owner.into(), due, ..ActionItem::example(number, status) }
    }

    /// A SEV1 of checkout (team payments) on June 1st and a SEV3 of search on May 1st; as
    /// of June 15th items 2 and 4 are overdue.
    fn rows() -> Vec<ActionItemRow> {
        let mut config = Config::default();
        config
            .services
            .insert("checkout".into(), Service { team: "payments".into(), tier: 1, description: String::new() });
        config.people.insert("@lena".into(), "platform".into());
        let a = PostmortemSummary {
            action_items: vec![
                item("1", "@priya", ActionStatus::Done, Some(d(6, 10))),
                item("2", "@priya", ActionStatus::Pending, Some(d(6, 14))),
                item("3", "@lena", ActionStatus::InProgress, Some(d(6, 20))),
            ],
            ..PostmortemSummary::example("a", d(6, 1), Severity::Sev1)
        };
        let mut b = PostmortemSummary {
            action_items: vec![
                item("4", "@tomas", ActionStatus::Pending, Some(d(5, 9))),
                item("5", "@tomas", ActionStatus::Invalid, None),
            ],
            ..PostmortemSummary::example("b", d(5, 1), Severity::Sev3)
        };
        b.meta.services = vec!["search".into()];
        action_item_rows(&[a, b], &config, d(6, 15))
    }

    /// The item numbers `query` shows, in order, and the problems it reports.
    fn shown(query: ActionItemsQuery) -> (Vec<String>, Vec<String>) {
        let rows = rows();
        let (filters, problems) = query.filters(d(6, 15));
        let view = ActionItemsView::of(&rows, &filters);
        (view.shown.iter().map(|r| r.item.number.clone()).collect(), problems)
    }

    #[test]
    fn an_empty_query_shows_everything_soonest_due_first_undated_last() {
        let (filters, problems) = ActionItemsQuery::default().filters(d(6, 15));
        assert_eq!((filters.sort, filters.as_of, filters.overdue_only), (Sort::Due, d(6, 15), false));
        assert!(problems.is_empty());
        assert_eq!(shown(ActionItemsQuery::default()).0, ["4", "1", "2", "3", "5"]);
    }

    #[test]
    fn filters_combine() {
        let q = |f: fn(&mut ActionItemsQuery)| {
            let mut query = ActionItemsQuery::default();
            f(&mut query);
            shown(query).0
        };
        assert_eq!(q(|q| (q.owner, q.overdue) = ("@priya".into(), "1".into())), ["2"]);
        assert_eq!(q(|q| q.overdue = "1".into()), ["4", "2"]);
        assert_eq!(q(|q| (q.team, q.status) = ("payments".into(), "open".into())), ["2"]);
        assert_eq!(q(|q| q.team = NO_TEAM.into()), ["4", "5"], "search has no team in the config");
        assert_eq!(q(|q| q.status = "In Progress".into()), ["3"]);
        assert_eq!(q(|q| (q.severity, q.status) = ("SEV3".into(), "Invalid".into())), ["5"]);
        assert_eq!(q(|q| (q.service, q.sort) = ("checkout".into(), "owner".into())), ["3", "1", "2"]);
    }

    #[test]
    fn sorts() {
        let by = |key: &str| shown(ActionItemsQuery { sort: key.into(), ..ActionItemsQuery::default() }).0;
        assert_eq!(by("due"), ["4", "1", "2", "3", "5"]);
        // Ties by due date, where (unlike the due sort) an undated item comes first.
        assert_eq!(by("owner"), ["3", "1", "2", "5", "4"]);
        assert_eq!(by("severity"), ["1", "2", "3", "5", "4"]);
        assert_eq!(by("incident")[..3], ["1", "2", "3"], "latest incident first");
    }

    #[test]
    fn values_no_row_has_keep_nothing_without_a_problem() {
        for query in [
            ActionItemsQuery { owner: "@nobody".into(), ..ActionItemsQuery::default() },
            ActionItemsQuery { status: "Closed".into(), ..ActionItemsQuery::default() },
            ActionItemsQuery { severity: "SEV9".into(), ..ActionItemsQuery::default() },
        ] {
            assert_eq!(shown(query), (vec![], vec![]));
        }
    }

    #[test]
    fn unreadable_values_fall_back_and_say_so() {
        let query = ActionItemsQuery {
            as_of: "2026-13-01".into(),
            sort: "newest".into(),
            overdue: "yes".into(),
            ..ActionItemsQuery::default()
        };
        let (filters, problems) = query.filters(d(6, 15));
        assert_eq!((filters.as_of, filters.sort, filters.overdue_only), (d(6, 15), Sort::Due, false));
        assert_eq!(
            problems,
            [
                "as_of=2026-13-01 is not a date like 2026-11-22: showing today, 2026-06-15.",
                "sort=newest is not one of due, owner, severity, incident: sorting by due date.",
                "overdue=yes is not understood (overdue=1 keeps overdue items): showing all.",
            ]
        );
        let (filters, problems) = ActionItemsQuery { as_of: "2026-06-01".into(), ..query }.filters(d(6, 15));
        assert_eq!((filters.as_of, problems.len()), (d(6, 1), 2));
    }

    #[test]
    fn the_url_keeps_todays_keys_and_only_those_set() {
        let query = ActionItemsQuery { owner: "@priya".into(), overdue: "1".into(), ..ActionItemsQuery::default() };
        let json = serde_json::to_string(&query).unwrap();
        assert_eq!(json, r#"{"owner":"@priya","overdue":"1"}"#);
        let owner_view = ActionItemsQuery { as_of: "2026-06-01".into(), ..query }.owner_view("@lena");
        assert_eq!(
            owner_view,
            ActionItemsQuery { owner: "@lena".into(), as_of: "2026-06-01".into(), ..ActionItemsQuery::default() }
        );
    }

    #[test]
    fn figures_and_words() {
        let rows = rows();
        let (filters, _) =
            ActionItemsQuery { service: "checkout".into(), ..ActionItemsQuery::default() }.filters(d(6, 15));
        let view = ActionItemsView::of(&rows, &filters);
        let cards = view.cards();
        assert_eq!(cards[0], ("Items", "3".to_owned()));
        assert_eq!(cards[4], ("Completion", "33.3 %".to_owned()));
        assert_eq!(cards[5], ("Median days to close", "—".to_owned()));
        assert_eq!(view.summary(0.25), "3 of 5 items · as of 2026-06-15 · computed in 0.2 ms");
        assert_eq!(view.completion_bars(), [("Jun 2026".to_owned(), 33)]);
        assert_eq!(view.overdue_bars(), [("Jun 2026".to_owned(), 1)]);
        let teams: Vec<&str> = view.by_team.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(teams, ["payments", "platform"]);
        assert_eq!(view.show_more(3), None);
        assert_eq!(view.show_more(1).as_deref(), Some("Show 2 more of 2"));
        assert_eq!(due_text(&rows[4]), "—");
    }

    #[test]
    fn choices_come_from_every_row() {
        let choices = Choices::of(&rows());
        assert!(choices.teams.contains(&NO_TEAM.to_owned()));
        assert_eq!(choices.statuses[0], OPEN);
        assert_eq!(choices.sorts, ["due", "owner", "severity", "incident"]);
    }

    #[test]
    fn oversized_postmortems_get_a_notice() {
        let many = (0..3).map(|n| item(&n.to_string(), "@a", ActionStatus::Pending, None)).collect();
        let big =
            PostmortemSummary { action_items: many, ..PostmortemSummary::example("big", d(6, 1), Severity::Sev2) };
        let small = PostmortemSummary::example("small", d(6, 1), Severity::Sev2);
        let found = oversized(&[big, small.clone()], 2).unwrap();
        assert_eq!(found.ids, ["big"]);
        assert!(found.notice.starts_with("1 postmortem(s) have more than 2 action items"));
        assert_eq!(oversized(&[small], 2), None);
    }
}
