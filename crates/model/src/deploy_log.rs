//! Deployments and their changes in columns. A million deployments and three million changes
//! ship as a few compact arrays instead of millions of JSON objects, and the analytics scan
//! them without hashing: rows are sorted by time, so a date window is a contiguous range,
//! and each change points at its deployment's row.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

use super::{Change, DeployStatus, Deployment};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeployLog {
    /// Dictionaries the kinds' codes index into.
    pub services: Vec<String>,
    pub environments: Vec<String>,
    /// Every combination of service, environment and status the rows have: a log has few,
    /// so one small `kind` column stands for all three.
    pub kinds: Vec<Kind>,
    /// Rows with `fixes_incident` set (hotfixes), and the incident each fixes; by row.
    pub fixes: Vec<(u32, String)>,
    /// (row, incident id) for every deployment an incident names, by row. Resolved when
    /// the site is compiled, so the browser never searches a million ids.
    pub caused: Vec<(u32, String)>,
    // The columns below travel in their own binary files (`bundle::deploy_columns`), not in
    // `site.json`: decoding varints is a tight loop, where JSON would be a parse per number.
    #[serde(skip)]
    pub ids: TextColumn,
    /// Each row's index into `kinds`.
    #[serde(skip)]
    pub kind: Vec<u32>,
    /// Unix seconds, ascending.
    #[serde(skip)]
    pub finished_at: Vec<i64>,
    /// The changes of row `r` are `change_start[r]..change_start[r + 1]`; one more entry
    /// than rows.
    #[serde(skip)]
    pub change_start: Vec<u32>,
    /// Each change's lead time in whole minutes, rounded up; 0 when the commit is not before
    /// the deploy (no lead time). Minutes keep the column small and make medians exact
    /// integer arithmetic.
    #[serde(skip)]
    pub change_lead_minutes: Vec<i32>,
}

/// A row's service and environment (codes into the log's dictionaries) and status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Kind {
    pub service: u16,
    pub environment: u16,
    /// In `site.json` by name (`"rolled_back"`), so an unknown status fails to parse.
    pub status: DeployStatus,
}

/// Many short strings as one: a million deploy ids without a million allocations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextColumn {
    pub text: String,
    /// Where each string ends in `text`; every end is a char boundary.
    pub ends: Vec<u32>,
}

impl TextColumn {
    pub fn push(&mut self, value: &str) {
        self.text.push_str(value);
        self.ends.push(self.text.len() as u32);
    }

    pub fn get(&self, index: usize) -> &str {
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        &self.text[start..self.ends[index] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Rows left out while building the log, by reason, for the "excluded" counts.
pub type Excluded = BTreeMap<String, usize>;

impl DeployLog {
    /// Builds the log. Changes that name no known deployment are left out and counted.
    pub fn build(deployments: &[Deployment], changes: &[Change]) -> (DeployLog, Excluded) {
        let mut order: Vec<&Deployment> = deployments.iter().collect();
        order.sort_by(|a, b| a.finished_at.cmp(&b.finished_at).then_with(|| a.deploy_id.cmp(&b.deploy_id)));
        let mut log = DeployLog::default();
        let mut services: BTreeMap<&str, u16> = BTreeMap::new();
        let mut environments: BTreeMap<&str, u16> = BTreeMap::new();
        for d in &order {
            services.entry(&d.service).or_insert(0);
            environments.entry(&d.environment).or_insert(0);
        }
        for (code, (name, slot)) in services.iter_mut().enumerate() {
            *slot = code as u16;
            log.services.push((*name).to_owned());
        }
        for (code, (name, slot)) in environments.iter_mut().enumerate() {
            *slot = code as u16;
            log.environments.push((*name).to_owned());
        }
        let mut row_of: HashMap<&str, u32> = HashMap::with_capacity(order.len());
        let mut kinds: HashMap<Kind, u32> = HashMap::new();
        for (row, d) in order.iter().enumerate() {
            row_of.insert(&d.deploy_id, row as u32);
            log.ids.push(&d.deploy_id);
            let kind = Kind {
                service: services[d.service.as_str()],
                environment: environments[d.environment.as_str()],
                status: d.status,
            };
            let next = kinds.len() as u32;
            log.kind.push(*kinds.entry(kind).or_insert_with(|| {
                log.kinds.push(kind);
                next
            }));
            log.finished_at.push(d.finished_at.timestamp());
            if let Some(incident) = &d.fixes_incident {
                log.fixes.push((row as u32, incident.clone()));
            }
        }
        let mut excluded = Excluded::new();
        let mut linked: Vec<(u32, i32)> = Vec::with_capacity(changes.len());
        for c in changes {
            match row_of.get(c.deploy_id.as_str()) {
                Some(row) => {
                    let seconds = order[*row as usize].finished_at.timestamp() - c.committed_at.timestamp();
                    // Rounded up, so any positive span counts; a commit not before its deploy
                    // has no lead time and is kept as 0 (it still counts as a change).
                    let minutes = if seconds > 0 { (seconds + 59) / 60 } else { 0 };
                    linked.push((*row, minutes.min(i64::from(i32::MAX)) as i32));
                }
                None => *excluded.entry("changes naming an unknown deployment".into()).or_insert(0) += 1,
            }
        }
        linked.sort_unstable();
        log.change_start = vec![0; order.len() + 1];
        for (row, _) in &linked {
            log.change_start[*row as usize + 1] += 1;
        }
        for row in 0..order.len() {
            log.change_start[row + 1] += log.change_start[row];
        }
        log.change_lead_minutes = linked.into_iter().map(|(_, minutes)| minutes).collect();
        (log, excluded)
    }

    /// Records which deployments the incidents name: `(incident id, deploy ids)` pairs.
    /// Reads every deploy id once, so the compiler does it, not the browser.
    pub fn link_incidents<'a>(&mut self, incidents: impl IntoIterator<Item = (&'a str, &'a [String])>) {
        let mut wanted: HashMap<&str, Vec<&str>> = HashMap::new();
        for (incident, deploys) in incidents {
            for deploy in deploys {
                wanted.entry(deploy.as_str()).or_default().push(incident);
            }
        }
        let mut caused = Vec::new();
        for (row, id) in self.ids.iter().enumerate() {
            for incident in wanted.get(id).into_iter().flatten() {
                caused.push((row as u32, (*incident).to_owned()));
            }
        }
        caused.sort();
        caused.dedup();
        self.caused = caused;
    }

    pub fn len(&self) -> usize {
        self.finished_at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.finished_at.is_empty()
    }

    /// The id of `row`; `None` where the ids are not loaded (the app fetches them only for
    /// pages that list deployments).
    pub fn id(&self, row: usize) -> Option<&str> {
        (!self.ids.is_empty()).then(|| self.ids.get(row))
    }

    pub fn finished(&self, row: usize) -> DateTime<Utc> {
        DateTime::from_timestamp(self.finished_at[row], 0).unwrap_or_default()
    }

    pub fn kind_of(&self, row: usize) -> Kind {
        self.kinds[self.kind[row] as usize]
    }

    pub fn status(&self, row: usize) -> DeployStatus {
        self.kind_of(row).status
    }

    pub fn service_name(&self, row: usize) -> &str {
        &self.services[usize::from(self.kind_of(row).service)]
    }

    pub fn environment_name(&self, row: usize) -> &str {
        &self.environments[usize::from(self.kind_of(row).environment)]
    }

    /// The rows whose `finished_at` lies in `[from, to)` (unix seconds): a contiguous range.
    pub fn rows_between(&self, from: i64, to: i64) -> std::ops::Range<usize> {
        self.finished_at.partition_point(|t| *t < from)..self.finished_at.partition_point(|t| *t < to)
    }

    /// The changes of `row`.
    pub fn changes_of(&self, row: usize) -> std::ops::Range<usize> {
        self.change_start[row] as usize..self.change_start[row + 1] as usize
    }

    /// The incidents that name `row`.
    pub fn incidents_named(&self, row: usize) -> impl Iterator<Item = &str> {
        let start = self.caused.partition_point(|(r, _)| (*r as usize) < row);
        self.caused[start..].iter().take_while(move |(r, _)| *r as usize == row).map(|(_, id)| id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deploy(id: &str, service: &str, hour: u32, status: DeployStatus) -> Deployment {
        Deployment {
            deploy_id: id.into(),
            service: service.into(),
            environment: "production".into(),
            finished_at: chrono::NaiveDate::from_ymd_opt(2026, 6, 1)
                .unwrap()
                .and_hms_opt(hour, 0, 0)
                .unwrap()
                .and_utc(),
            status,
            started_at: None,
            commit_sha: None,
            fixes_incident: None,
            extra: Default::default(),
            source: Default::default(),
        }
    }

    #[test]
    fn builds_sorted_columns_and_links_changes_by_row() {
        let deploys =
            [deploy("late", "search", 12, DeployStatus::Failed), deploy("early", "checkout", 8, DeployStatus::Success)];
        let change = |id: &str, deploy: &str| Change {
            change_id: id.into(),
            service: "s".into(),
            committed_at: deploys[0].finished_at,
            deploy_id: deploy.into(),
            extra: Default::default(),
            source: Default::default(),
        };
        let (log, excluded) =
            DeployLog::build(&deploys, &[change("c1", "late"), change("c2", "early"), change("c3", "ghost")]);
        assert_eq!(log.ids.iter().collect::<Vec<_>>(), ["early", "late"]);
        assert_eq!((log.service_name(0), log.service_name(1)), ("checkout", "search"));
        assert_eq!(log.status(1), DeployStatus::Failed);
        assert_eq!(log.change_start, [0, 1, 2], "one change each; the ghost's is left out");
        assert_eq!(excluded["changes naming an unknown deployment"], 1);
        let start = log.finished_at[0];
        assert_eq!(log.rows_between(start, start + 4 * 3600 + 1), 0..2);
        assert_eq!(log.rows_between(start + 1, start + 10 * 3600), 1..2);
        assert_eq!(log.changes_of(1), 1..2);
    }

    #[test]
    fn incidents_link_to_the_rows_they_name() {
        let (mut log, _) = DeployLog::build(
            &[deploy("a", "s", 8, DeployStatus::Success), deploy("b", "s", 9, DeployStatus::Failed)],
            &[],
        );
        let causes = [("i1", vec!["b".to_owned(), "ghost".to_owned()]), ("i2", vec!["b".to_owned()])];
        log.link_incidents(causes.iter().map(|(i, d)| (*i, d.as_slice())));
        assert_eq!(log.caused, [(1, "i1".to_owned()), (1, "i2".to_owned())]);
        assert_eq!(log.incidents_named(1).collect::<Vec<_>>(), ["i1", "i2"]);
        assert_eq!(log.incidents_named(0).count(), 0);
    }
}
