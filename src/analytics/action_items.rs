use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ActionStatus, PostmortemSummary};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionItemStats {
    pub total: usize,
    pub done: usize,
    pub wont_do: usize,
    pub open: usize,
    /// Open and due before "as of".
    pub overdue: usize,
    /// Rows whose status could not be read; counted, never dropped.
    pub invalid: usize,
    /// done ÷ (all − won't do − invalid); `None` when nothing is countable.
    pub completion_rate: Option<f64>,
}

pub fn compute(postmortems: &[PostmortemSummary], as_of: NaiveDate) -> ActionItemStats {
    let items = postmortems.iter().flat_map(|pm| &pm.action_items);
    let mut s = ActionItemStats {
        total: 0,
        done: 0,
        wont_do: 0,
        open: 0,
        overdue: 0,
        invalid: 0,
        completion_rate: None,
    };
    for item in items {
        s.total += 1;
        match item.status {
            ActionStatus::Done => s.done += 1,
            ActionStatus::WontDo => s.wont_do += 1,
            ActionStatus::Invalid => s.invalid += 1,
            ActionStatus::Pending | ActionStatus::InProgress => {
                s.open += 1;
                if item.due.is_some_and(|due| due < as_of) {
                    s.overdue += 1;
                }
            }
        }
    }
    let countable = s.total - s.wont_do - s.invalid;
    s.completion_rate = (countable > 0).then(|| s.done as f64 / countable as f64);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, PostmortemMeta, PostmortemStatus, Severity};

    fn item(status: ActionStatus, due: Option<NaiveDate>) -> ActionItem {
        ActionItem {
            number: "1".into(),
            text: "x".into(),
            owner: "@a".into(),
            due,
            status,
            line: 1,
        }
    }

    fn summary(items: Vec<ActionItem>) -> PostmortemSummary {
        let date = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let meta = PostmortemMeta {
            id: "p".into(),
            title: "t".into(),
            date,
            status: PostmortemStatus::Final,
            severity: Severity::Sev2,
            services: vec![],
            authors: vec![],
            incident_commander: None,
            tags: vec![],
            started_at: None,
            detected_at: None,
            acknowledged_at: None,
            mitigated_at: None,
            resolved_at: None,
            caused_by_deploys: vec![],
            runbooks: vec![],
            related: vec![],
        };
        PostmortemSummary {
            meta,
            path: "p.md".into(),
            action_items: items,
        }
    }

    #[test]
    fn hand_computed_completion_and_overdue() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 6, day);
        let as_of = d(15).unwrap();
        let pms = [
            summary(vec![
                item(ActionStatus::Done, d(1)),
                item(ActionStatus::Pending, d(14)),
                item(ActionStatus::InProgress, d(15)),
            ]),
            summary(vec![
                item(ActionStatus::WontDo, d(1)),
                item(ActionStatus::Invalid, None),
                item(ActionStatus::Done, d(30)),
            ]),
        ];
        let s = compute(&pms, as_of);
        assert_eq!(
            (s.total, s.done, s.wont_do, s.invalid, s.open),
            (6, 2, 1, 1, 2)
        );
        assert_eq!(
            s.overdue, 1,
            "due the 14th is overdue on the 15th; due the 15th is not"
        );
        assert_eq!(s.completion_rate, Some(2.0 / 4.0));
        assert_eq!(compute(&[], as_of).completion_rate, None);
    }
}
