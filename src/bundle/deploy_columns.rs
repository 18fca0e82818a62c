//! `deploys.bin`: the deployment log's columns as little-endian arrays, one after another.
//!
//! A million deployments and three million changes are about 40 MB of numbers. As JSON the
//! browser parses every one of them (over a second in wasm); as arrays it copies them
//! (milliseconds). Times are stored as gaps between sorted rows, and changes as a count per
//! deployment, because small repeating numbers compress well: the file gzips to a quarter.
//!
//! Layout (all little-endian):
//!
//! | field | type |
//! |---|---|
//! | magic `FBDL`, version | 4 bytes, u32 |
//! | rows, changes, id bytes | u32 × 3 |
//! | first `finished_at` (unix seconds) | i64 |
//! | seconds since the previous row | u32 × rows |
//! | service code, environment code | u16 × rows, u16 × rows |
//! | status (0 success, 1 failed, 2 rolled back) | u8 × rows |
//! | changes per row | u32 × rows |
//! | id length in bytes | u32 × rows |
//! | lead time of each change, minutes | i32 × changes |
//! | the ids, UTF-8, back to back | id bytes |

use crate::model::{DeployLog, TextColumn};

pub const DEPLOYS_FILE: &str = "deploys.bin";
const MAGIC: &[u8; 4] = b"FBDL";
const VERSION: u32 = 1;

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

/// The columns of `log`, in the layout above.
pub fn write(log: &DeployLog) -> Result<Vec<u8>, TooFarApart> {
    let rows = log.len();
    let mut out = Vec::with_capacity(32 + rows * 17 + log.change_lead_minutes.len() * 4 + log.ids.text.len());
    out.extend_from_slice(MAGIC);
    for n in [VERSION, rows as u32, log.change_lead_minutes.len() as u32, log.ids.text.len() as u32] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    let first = log.finished_at.first().copied().unwrap_or(0);
    out.extend_from_slice(&first.to_le_bytes());
    let mut previous = first;
    for (row, t) in log.finished_at.iter().enumerate() {
        let gap = u32::try_from(t - previous).map_err(|_| TooFarApart { row })?;
        out.extend_from_slice(&gap.to_le_bytes());
        previous = *t;
    }
    log.service.iter().chain(&log.environment).for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    out.extend_from_slice(&log.status);
    for row in 0..rows {
        out.extend_from_slice(&(log.change_start[row + 1] - log.change_start[row]).to_le_bytes());
    }
    let mut start = 0;
    for end in &log.ids.ends {
        out.extend_from_slice(&(end - start).to_le_bytes());
        start = *end;
    }
    log.change_lead_minutes.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    out.extend_from_slice(log.ids.text.as_bytes());
    Ok(out)
}

/// Fills the columns of `log` (whose dictionaries came from `site.json`) from `bytes`,
/// checking every code and length: a truncated or mismatched file is an error, never a
/// silently shorter history.
pub fn read(log: &mut DeployLog, bytes: &[u8]) -> Result<(), String> {
    let mut input = Input { bytes, at: 0 };
    if input.take(4)? != MAGIC {
        return Err("not a firebreak deployment log".into());
    }
    let version = input.u32s(1)?[0];
    if version != VERSION {
        return Err(format!("deployment log format {version}, but this app reads format {VERSION}; rebuild the site"));
    }
    let counts = input.u32s(3)?;
    let (rows, changes, id_bytes) = (counts[0] as usize, counts[1] as usize, counts[2] as usize);
    let first = i64::from_le_bytes(input.take(8)?.try_into().expect("8 bytes"));
    let mut t = first;
    log.finished_at = input
        .u32s(rows)?
        .into_iter()
        .map(|gap| {
            t += i64::from(gap);
            t
        })
        .collect();
    log.service = input.u16s(rows)?;
    log.environment = input.u16s(rows)?;
    log.status = input.take(rows)?.to_vec();
    let per_row = input.u32s(rows)?;
    let id_lengths = input.u32s(rows)?;
    log.change_lead_minutes = input.u32s(changes)?.into_iter().map(|v| v as i32).collect();
    let text = std::str::from_utf8(input.take(id_bytes)?).map_err(|e| format!("deploy ids are not UTF-8: {e}"))?;
    if input.at != bytes.len() {
        return Err(format!("{} bytes after the end of the log", bytes.len() - input.at));
    }

    log.change_start = prefix_sums(&per_row);
    if log.change_start[rows] as usize != changes {
        return Err(format!("the rows name {} changes, but the log holds {changes}", log.change_start[rows]));
    }
    let ends = prefix_sums(&id_lengths);
    if ends[rows] as usize != id_bytes || !ends.iter().all(|e| text.is_char_boundary(*e as usize)) {
        return Err("deploy id lengths do not match the id text".into());
    }
    log.ids = TextColumn { text: text.to_owned(), ends: ends[1..].to_vec() };
    let code_out_of_range = |codes: &[u16], names: &[String]| codes.iter().any(|c| usize::from(*c) >= names.len());
    if code_out_of_range(&log.service, &log.services) || code_out_of_range(&log.environment, &log.environments) {
        return Err("a service or environment code is not in the site's dictionary".into());
    }
    if log.status.iter().any(|s| *s > 2) {
        return Err("unknown deployment status code".into());
    }
    if log.fixes.iter().chain(&log.caused).any(|(row, _)| *row as usize >= rows) {
        return Err("site.json names deployment rows this log does not have; rebuild the site".into());
    }
    Ok(())
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

struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Input<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.bytes.len()).ok_or_else(|| {
            format!("the log is truncated: {} bytes, more expected after byte {}", self.bytes.len(), self.at)
        })?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
        let bytes = self.take(n.checked_mul(4).ok_or("the log's counts overflow")?)?;
        Ok(bytes.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))).collect())
    }

    fn u16s(&mut self, n: usize) -> Result<Vec<u16>, String> {
        let bytes = self.take(n.checked_mul(2).ok_or("the log's counts overflow")?)?;
        Ok(bytes.chunks_exact(2).map(|c| u16::from_le_bytes(c.try_into().expect("2 bytes"))).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, DeployStatus, Deployment};

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
        assert_eq!(reload(&log, &write(&log).unwrap()).unwrap(), log);
        assert_eq!(log.change_lead_minutes, [420, -60, 60, 600], "by row, then by minutes");
        let empty = DeployLog { change_start: vec![0], ..DeployLog::default() };
        assert_eq!(reload(&empty, &write(&empty).unwrap()).unwrap(), empty);
    }

    #[test]
    fn damaged_files_are_errors() {
        let log = log();
        let bytes = write(&log).unwrap();
        for cut in [0, 3, 10, 30, bytes.len() - 1] {
            assert!(reload(&log, &bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(reload(&log, &longer).unwrap_err().contains("after the end"));
        let mut bad_code = bytes.clone();
        bad_code[28 + 3 * 4] = 9; // the first service code
        assert!(reload(&log, &bad_code).unwrap_err().contains("dictionary"));
        let mut fewer = log.clone();
        fewer.services.pop();
        assert!(reload(&fewer, &bytes).is_err());
        assert!(reload(&log, b"JUNKJUNK").unwrap_err().contains("not a firebreak"));
    }
}
