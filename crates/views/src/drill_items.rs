//! Drills' action items on the action-items page, each with the drill it came from. They
//! are listed apart from the postmortems' and left out of the page's figures: those are
//! defined over postmortem action items (docs/metrics.md, "Action items"), whose due-date
//! policy and quarters count from the incident's severity and date, which a drill has not.

use chrono::NaiveDate;

use crate::action_items::{Filters, OPEN};
use crate::postmortem::is_overdue;
use analytics::NO_TEAM;
use model::{ActionItem, Config, DrillSummary};

/// One drill action item and its source.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillItemRow {
    pub item: ActionItem,
    pub drill_id: String,
    pub drill_title: String,
    pub drill_date: NaiveDate,
    pub services: Vec<String>,
    /// From the `people` map, else the team owning the drill's first service, as for a
    /// postmortem's items.
    pub team: Option<String>,
    /// Open and due before "as of".
    pub overdue: bool,
}

impl DrillItemRow {
    /// The row's team, or [`NO_TEAM`].
    pub fn team(&self) -> &str {
        self.team.as_deref().unwrap_or(NO_TEAM)
    }

    /// The due date as the table writes it.
    pub fn due_text(&self) -> String {
        self.item.due.map_or("—".to_owned(), |d| d.to_string())
    }
}

/// Every drill's action items as of `as_of`, soonest due first (undated last).
pub fn drill_item_rows(drills: &[DrillSummary], config: &Config, as_of: NaiveDate) -> Vec<DrillItemRow> {
    let mut rows: Vec<DrillItemRow> = drills
        .iter()
        .flat_map(|drill| {
            let m = &drill.meta;
            let service_team = m.services.first().and_then(|s| config.services.get(s)).map(|s| s.team.clone());
            drill.action_items.iter().map(move |item| DrillItemRow {
                drill_id: m.id.clone(),
                drill_title: m.title.clone(),
                drill_date: m.date,
                services: m.services.clone(),
                team: config.people.get(&item.owner).map(|p| p.team.clone()).or_else(|| service_team.clone()),
                overdue: is_overdue(item, as_of),
                item: item.clone(),
            })
        })
        .collect();
    rows.sort_by_key(|r| (r.item.due.is_none(), r.item.due));
    rows
}

/// Whether the page's filters keep a drill's item. A severity filter keeps none: a drill
/// has no severity, and a filtered list showing them would claim one.
pub fn keeps(filters: &Filters, row: &DrillItemRow) -> bool {
    let is = |wanted: &Option<String>, value: &str| wanted.as_deref().is_none_or(|w| w == value);
    let status = match filters.status.as_deref() {
        None => true,
        Some(OPEN) => row.item.status.is_open(),
        Some(label) => row.item.status.label() == label,
    };
    filters.severity.is_none()
        && is(&filters.owner, &row.item.owner)
        && is(&filters.team, row.team())
        && status
        && filters.service.as_ref().is_none_or(|s| row.services.contains(s))
        && (!filters.overdue_only || row.overdue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action_items::ActionItemsQuery;
    use model::{ActionStatus, DrillKind, DrillMeta, DrillStatus, Service};

    fn item(number: &str, owner: &str, due: Option<&str>, status: ActionStatus) -> ActionItem {
        ActionItem {
            number: number.into(),
            text: format!("item {number}"),
            owner: owner.into(),
            due: due.map(|d| d.parse().unwrap()),
            status,
            completed_on: None,
            ticket: None,
            kind: None,
            line: 1,
        }
    }

    fn drills() -> Vec<DrillSummary> {
        let meta = DrillMeta {
            id: "restore".into(),
            title: "Restore the ledger".into(),
            date: "2026-10-14".parse().unwrap(),
            kind: DrillKind::DrTest,
            services: vec!["ledger".into()],
            status: DrillStatus::Done,
            outcome: None,
            measured_rto: None,
            measured_rpo: None,
            facilitator: None,
            participants: Vec::new(),
        };
        let action_items = vec![
            item("1", "@dmitri", Some("2027-01-15"), ActionStatus::InProgress),
            item("2", "@priya", Some("2026-11-01"), ActionStatus::Pending),
            item("3", "@priya", None, ActionStatus::Done),
        ];
        vec![DrillSummary { meta, path: "content/drills/restore.md".into(), action_items }]
    }

    fn config() -> Config {
        let mut config = Config::default();
        config
            .services
            .insert("ledger".into(), Service { team: "payments".into(), tier: 1, description: String::new() });
        config
    }

    fn kept(query: ActionItemsQuery) -> Vec<String> {
        let as_of = "2026-12-01".parse().unwrap();
        let (filters, _) = query.filters(as_of);
        drill_item_rows(&drills(), &config(), as_of)
            .iter()
            .filter(|r| keeps(&filters, r))
            .map(|r| r.item.number.clone())
            .collect()
    }

    #[test]
    fn rows_name_their_drill_and_are_soonest_due_first() {
        let rows = drill_item_rows(&drills(), &config(), "2026-12-01".parse().unwrap());
        let order: Vec<(&str, bool)> = rows.iter().map(|r| (r.item.number.as_str(), r.overdue)).collect();
        assert_eq!(order, [("2", true), ("1", false), ("3", false)]);
        assert_eq!((rows[0].drill_id.as_str(), rows[0].drill_title.as_str()), ("restore", "Restore the ledger"));
        assert_eq!((rows[0].team(), rows[2].due_text().as_str()), ("payments", "—"));
    }

    #[test]
    fn the_page_filters_apply_and_a_severity_keeps_none() {
        let q = ActionItemsQuery::default;
        assert_eq!(kept(q()), ["2", "1", "3"]);
        assert_eq!(kept(ActionItemsQuery { owner: "@priya".into(), ..q() }), ["2", "3"]);
        assert_eq!(kept(ActionItemsQuery { status: OPEN.into(), ..q() }), ["2", "1"]);
        assert_eq!(kept(ActionItemsQuery { overdue: "1".into(), ..q() }), ["2"]);
        assert_eq!(
            kept(ActionItemsQuery { team: "payments".into(), service: "ledger".into(), ..q() }),
            ["2", "1", "3"]
        );
        assert!(kept(ActionItemsQuery { service: "search".into(), ..q() }).is_empty());
        assert!(kept(ActionItemsQuery { severity: "SEV1".into(), ..q() }).is_empty());
    }
}
