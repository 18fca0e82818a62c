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
    /// Dictionaries the `service` and `environment` columns index into.
    pub services: Vec<String>,
    pub environments: Vec<String>,
    pub id: Vec<String>,
    pub service: Vec<u16>,
    pub environment: Vec<u16>,
    /// Unix seconds, ascending; stored as differences, which compress far better.
    #[serde(with = "deltas")]
    pub finished_at: Vec<i64>,
    /// 0 success, 1 failed, 2 rolled back.
    pub status: Vec<u8>,
    /// Rows with `fixes_incident` set (hotfixes), and the incident each fixes.
    pub fixes: Vec<(u32, String)>,
    /// For each change, its deployment's row; ascending.
    #[serde(with = "deltas_u32")]
    pub change_deploy: Vec<u32>,
    /// Each change's lead time in whole minutes (rounded up; zero or less when the commit
    /// is not before the deploy), in the same order. Minutes keep the column small.
    pub change_lead_minutes: Vec<i32>,
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
        for (row, d) in order.iter().enumerate() {
            row_of.insert(&d.deploy_id, row as u32);
            log.id.push(d.deploy_id.clone());
            log.service.push(services[d.service.as_str()]);
            log.environment.push(environments[d.environment.as_str()]);
            log.finished_at.push(d.finished_at.timestamp());
            log.status.push(match d.status {
                DeployStatus::Success => 0,
                DeployStatus::Failed => 1,
                DeployStatus::RolledBack => 2,
            });
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
                    let minutes = if seconds > 0 { (seconds + 59) / 60 } else { seconds.div_euclid(60) };
                    linked.push((*row, minutes.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32));
                }
                None => *excluded.entry("changes naming an unknown deployment".into()).or_insert(0) += 1,
            }
        }
        linked.sort_unstable();
        (log.change_deploy, log.change_lead_minutes) = linked.into_iter().unzip();
        (log, excluded)
    }

    pub fn len(&self) -> usize {
        self.id.len()
    }

    /// Lead time of change `c` in hours, when positive.
    pub fn lead_hours(&self, c: usize) -> Option<f64> {
        let minutes = self.change_lead_minutes[c];
        (minutes > 0).then(|| f64::from(minutes) / 60.0)
    }

    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }

    pub fn finished(&self, row: usize) -> DateTime<Utc> {
        DateTime::from_timestamp(self.finished_at[row], 0).unwrap_or_default()
    }

    pub fn status(&self, row: usize) -> DeployStatus {
        match self.status[row] {
            1 => DeployStatus::Failed,
            2 => DeployStatus::RolledBack,
            _ => DeployStatus::Success,
        }
    }

    pub fn service_name(&self, row: usize) -> &str {
        &self.services[usize::from(self.service[row])]
    }

    pub fn environment_name(&self, row: usize) -> &str {
        &self.environments[usize::from(self.environment[row])]
    }

    /// The rows whose `finished_at` lies in `[from, to)` (unix seconds): a contiguous range.
    pub fn rows_between(&self, from: i64, to: i64) -> std::ops::Range<usize> {
        self.finished_at.partition_point(|t| *t < from)..self.finished_at.partition_point(|t| *t < to)
    }

    /// The changes of rows `rows`: a contiguous range, as changes are sorted by row.
    pub fn changes_of(&self, rows: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let (start, end) = (rows.start as u32, rows.end as u32);
        self.change_deploy.partition_point(|r| *r < start)..self.change_deploy.partition_point(|r| *r < end)
    }

    /// The row of each deploy id in `ids`, for the few lookups by name (incident causes).
    pub fn rows_of<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
        let wanted: std::collections::HashSet<&str> = ids.into_iter().collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        self.id.iter().enumerate().filter(|(_, id)| wanted.contains(id.as_str())).map(|(row, _)| row).collect()
    }
}

/// A `Vec<i64>` written as its first value and the differences that follow.
mod deltas {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(values: &[i64], s: S) -> Result<S::Ok, S::Error> {
        let mut previous = 0;
        let diffs: Vec<i64> =
            values.iter().map(|v| std::mem::replace(&mut previous, *v)).zip(values).map(|(p, v)| v - p).collect();
        diffs.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
        let mut sum = 0i64;
        Ok(Vec::<i64>::deserialize(d)?
            .into_iter()
            .map(|diff| {
                sum += diff;
                sum
            })
            .collect())
    }
}

/// The same for ascending row numbers.
mod deltas_u32 {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(values: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let wide: Vec<i64> = values.iter().map(|v| i64::from(*v)).collect();
        super::deltas::serialize(&wide, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        Ok(super::deltas::deserialize(d)?.into_iter().map(|v| v as u32).collect())
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
        assert_eq!(log.id, ["early", "late"]);
        assert_eq!((log.service_name(0), log.service_name(1)), ("checkout", "search"));
        assert_eq!(log.status(1), DeployStatus::Failed);
        assert_eq!(log.change_deploy, [0, 1]);
        assert_eq!(excluded["changes naming an unknown deployment"], 1);
        let start = log.finished_at[0];
        assert_eq!(log.rows_between(start, start + 4 * 3600 + 1), 0..2);
        assert_eq!(log.rows_between(start + 1, start + 10 * 3600), 1..2);
        assert_eq!(log.changes_of(1..2), 1..2);
    }

    #[test]
    fn times_round_trip_through_their_deltas() {
        let (log, _) = DeployLog::build(
            &[deploy("a", "s", 8, DeployStatus::Success), deploy("b", "s", 9, DeployStatus::Success)],
            &[],
        );
        let json = serde_json::to_string(&log).unwrap();
        assert!(json.contains("\"finished_at\":[1780300800,3600]"), "{json}");
        assert_eq!(serde_json::from_str::<DeployLog>(&json).unwrap(), log);
    }
}
