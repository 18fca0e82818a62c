//! The deployment log's columns on the wire: `deploys.bin` (the numbers every metric needs)
//! and `deploy-ids.bin` (the ids, which only tables of a few rows show, so the app fetches
//! them on demand).
//!
//! A million deployments and three million changes are tens of megabytes of numbers. As
//! JSON the browser parses every one of them (over a second in wasm). Here each column is
//! one of the bundle's integer columns (see [`super::columns`]: 1, 2 or 4 bytes a value,
//! the few wider ones after the column with their positions): times as gaps between
//! sorted rows and changes as a count per deployment keep the values small, so most columns
//! are one or two bytes a value.
//!
//! `deploys.bin`: `FBDL`; format version, rows and changes (u32 each); the first
//! `finished_at` (i64, unix seconds); then the columns, one value per row — seconds since
//! the previous row, kind (which service, environment and status: an index into the log's
//! `kinds` in `site.json`), changes — and each change's lead time in minutes (0 when not
//! positive).
//!
//! `deploy-ids.bin`: `FBID`; format version and rows (u32); a column of each id's length in
//! bytes; then the ids' UTF-8, back to back.

use super::columns::{Input, put_column};
use crate::{DeployLog, Kind, TextColumn};

pub const DEPLOYS_FILE: &str = "deploys.bin";
pub const DEPLOY_IDS_FILE: &str = "deploy-ids.bin";
const COLUMNS_MAGIC: &[u8; 4] = b"FBDL";
const IDS_MAGIC: &[u8; 4] = b"FBID";
const VERSION: u32 = 4;
/// What the errors call either file.
const FILE: &str = "deployment log";

/// Why a log cannot be written: only gaps no real history has.
#[derive(Debug, PartialEq)]
pub struct TooFarApart {
    pub row: usize,
}

impl std::fmt::Display for TooFarApart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "deployment row {} finished more than 136 years after the one before it", self.row)
    }
}

impl std::error::Error for TooFarApart {}

/// `deploys.bin` for `log`.
pub fn write(log: &DeployLog) -> Result<Vec<u8>, TooFarApart> {
    let mut out = COLUMNS_MAGIC.to_vec();
    let first = log.finished_at.first().copied().unwrap_or(0);
    for n in [VERSION, log.len() as u32, log.change_lead_minutes.len() as u32] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(&first.to_le_bytes());
    let mut previous = first;
    let mut gaps = Vec::with_capacity(log.len());
    for (row, t) in log.finished_at.iter().enumerate() {
        gaps.push(u32::try_from(t - previous).map_err(|_| TooFarApart { row })?);
        previous = *t;
    }
    put_column(&mut out, &gaps);
    put_column(&mut out, &log.kind);
    put_column(&mut out, &log.change_start.windows(2).map(|w| w[1] - w[0]).collect::<Vec<_>>());
    put_column(&mut out, &log.change_lead_minutes.iter().map(|m| (*m).max(0) as u32).collect::<Vec<_>>());
    Ok(out)
}

/// `deploy-ids.bin` for `log`.
pub fn write_ids(log: &DeployLog) -> Vec<u8> {
    let mut out = IDS_MAGIC.to_vec();
    for n in [VERSION, log.ids.len() as u32] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    let lengths: Vec<u32> =
        std::iter::once(0).chain(log.ids.ends.iter().copied()).zip(&log.ids.ends).map(|(s, e)| e - s).collect();
    put_column(&mut out, &lengths);
    out.extend_from_slice(log.ids.text.as_bytes());
    out
}

/// Fills the columns of `log` (whose dictionaries came from `site.json`) from `bytes`,
/// checking every code and length: a damaged or mismatched file is an error, never a
/// silently shorter history.
pub fn read(log: &mut DeployLog, bytes: &[u8]) -> Result<(), String> {
    let mut input = Input::open(bytes, COLUMNS_MAGIC, VERSION, FILE)?;
    let rows = input.u32()? as usize;
    let changes = input.u32()? as usize;
    let mut t = input.i64()?;
    let gaps: Vec<u32> = input.column(rows)?;
    log.finished_at = gaps
        .into_iter()
        .map(|gap| {
            t += i64::from(gap);
            t
        })
        .collect();
    log.kind = input.column(rows)?;
    log.change_start = prefix_sums(&input.column::<u32>(rows)?);
    log.change_lead_minutes = input.column(changes)?;
    input.end()?;

    let bad_kind =
        |k: &Kind| usize::from(k.service) >= log.services.len() || usize::from(k.environment) >= log.environments.len();
    if log.kinds.iter().any(bad_kind) || log.kind.iter().any(|k| *k as usize >= log.kinds.len()) {
        return Err("a row's service or environment is not in the site's dictionaries".into());
    }
    if log.change_start[rows] as usize != changes {
        return Err(format!("the rows name {} changes, but the log holds {changes}", log.change_start[rows]));
    }
    if log.fixes.iter().chain(&log.caused).any(|(row, _)| *row as usize >= rows) {
        return Err("site.json names deployment rows this log does not have; rebuild the site".into());
    }
    Ok(())
}

/// The ids of a log of `rows` rows from `bytes`.
pub fn read_ids(bytes: &[u8], rows: usize) -> Result<TextColumn, String> {
    let mut input = Input::open(bytes, IDS_MAGIC, VERSION, FILE)?;
    let count = input.u32()? as usize;
    if count != rows {
        return Err(format!("{count} ids for {rows} deployments; rebuild the site"));
    }
    let ends = prefix_sums(&input.column::<u32>(rows)?);
    let text = std::str::from_utf8(input.rest()).map_err(|e| format!("deploy ids are not UTF-8: {e}"))?;
    if ends[rows] as usize != text.len() || !ends.iter().all(|e| text.is_char_boundary(*e as usize)) {
        return Err("deploy id lengths do not match the id text".into());
    }
    Ok(TextColumn { text: text.to_owned(), ends: ends[1..].to_vec() })
}

/// `[0, v0, v0 + v1, …]`, saturating rather than wrapping on hostile input (the totals are
/// checked afterwards).
fn prefix_sums(values: &[u32]) -> Vec<u32> {
    let mut sums = Vec::with_capacity(values.len() + 1);
    sums.push(0u32);
    let mut total = 0u32;
    for v in values {
        total = total.saturating_add(*v);
        sums.push(total);
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Change, DeployStatus, Deployment};

    fn log() -> DeployLog {
        let at = |hour| chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap().and_hms_opt(hour, 0, 0).unwrap().and_utc();
        let deploy = |id: &str, service: &str, hour, status| Deployment {
            deploy_id: id.into(),
            service: service.into(),
            environment: "production".into(),
            finished_at: at(hour),
            status,
            started_at: None,
            commit_sha: None,
            fixes_incident: (id == "b").then(|| "i1".into()),
            extra: Default::default(),
            source: Default::default(),
        };
        let change = |deploy: &str, hour| Change {
            change_id: format!("c{hour}"),
            service: "s".into(),
            committed_at: at(hour),
            deploy_id: deploy.into(),
            extra: Default::default(),
            source: Default::default(),
        };
        let (mut log, _) = DeployLog::build(
            &[
                deploy("a", "search", 8, DeployStatus::Success),
                deploy("b-é", "checkout", 9, DeployStatus::RolledBack),
                deploy("c", "search", 12, DeployStatus::Failed),
            ],
            &[change("a", 1), change("c", 2), change("c", 11), change("c", 13)],
        );
        log.link_incidents([("i9", ["c".to_owned()].as_slice())]);
        log
    }

    /// What the app does: the dictionaries from `site.json`, the columns from the file.
    fn reload(log: &DeployLog, bytes: &[u8]) -> Result<DeployLog, String> {
        let mut loaded: DeployLog = serde_json::from_str(&serde_json::to_string(log).unwrap()).unwrap();
        read(&mut loaded, bytes)?;
        Ok(loaded)
    }

    #[test]
    fn columns_round_trip() {
        let log = log();
        let mut loaded = reload(&log, &write(&log).unwrap()).unwrap();
        assert_eq!(loaded.id(0), None, "ids come separately");
        loaded.ids = read_ids(&write_ids(&log), loaded.len()).unwrap();
        assert_eq!(loaded, log);
        assert_eq!(loaded.id(1), Some("b-é"));
        assert_eq!(log.change_lead_minutes, [420, 0, 60, 600], "by row, then by minutes; none below zero");
        let empty = DeployLog { change_start: vec![0], ..DeployLog::default() };
        assert_eq!(reload(&empty, &write(&empty).unwrap()).unwrap(), empty);
    }

    #[test]
    fn damaged_files_are_errors() {
        let log = log();
        let bytes = write(&log).unwrap();
        for cut in [0, 3, 5, 10, 30, bytes.len() - 1] {
            assert!(reload(&log, &bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(reload(&log, &longer).unwrap_err().contains("after the end"));
        let mut fewer = log.clone();
        fewer.services.pop();
        assert!(reload(&fewer, &bytes).unwrap_err().contains("dictionaries"));
        assert!(reload(&log, b"FBDL\x09\0\0\0").unwrap_err().contains("format 9"));
        assert!(reload(&log, b"JUNK").unwrap_err().contains("not a firebreak"));
        let ids = write_ids(&log);
        assert!(read_ids(&ids, 2).unwrap_err().contains("3 ids for 2"));
        assert!(read_ids(&ids[..ids.len() - 1], 3).is_err());
    }
}
