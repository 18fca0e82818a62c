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
