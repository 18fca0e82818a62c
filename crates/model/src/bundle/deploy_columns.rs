//! The deployment log's columns on the wire: `deploys.bin` (the numbers every metric needs)
//! and `deploy-ids.bin` (the ids, which only tables of a few rows show, so the app fetches
//! them on demand).
//!
//! A million deployments and three million changes are tens of megabytes of numbers. As
//! JSON the browser parses every one of them (over a second in wasm). Here each column is
//! an array of little-endian integers, as narrow as most of its values allow (1, 2 or 4
//! bytes; the few wider ones follow the column with their positions): times as gaps between
//! sorted rows and changes as a count per deployment keep the values small, so most columns
//! are one or two bytes a value, and decoding is a copy that needs no parsing and no
//! branches. (Varints came out slightly smaller but decoded five times slower in wasm.)
//!
//! `deploys.bin`: `FBDL`; format version, rows and changes (u32 each); the first
//! `finished_at` (i64, unix seconds); then the columns, one value per row — seconds since
//! the previous row, kind (which service, environment and status: an index into the log's
//! `kinds` in `site.json`), changes — and each change's lead time in minutes (0 when not
//! positive). A column is its width in bytes (u8), its values at that width, and then the
//! values too wide for it: their count (u32) and (position, value) pairs of u32s.
//!
//! `deploy-ids.bin`: `FBID`; format version and rows (u32); a column of each id's length in
//! bytes; then the ids' UTF-8, back to back.

use crate::{DeployLog, Kind, TextColumn};

pub const DEPLOYS_FILE: &str = "deploys.bin";
pub const DEPLOY_IDS_FILE: &str = "deploy-ids.bin";
const COLUMNS_MAGIC: &[u8; 4] = b"FBDL";
const IDS_MAGIC: &[u8; 4] = b"FBID";
const VERSION: u32 = 4;

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
    let mut input = Input::open(bytes, COLUMNS_MAGIC)?;
    let rows = input.u32()? as usize;
    let changes = input.u32()? as usize;
    let mut t = i64::from_le_bytes(input.take(8)?.try_into().expect("8 bytes"));
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
    let mut input = Input::open(bytes, IDS_MAGIC)?;
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

/// A column: its width, its values at that width, and the values too wide for it as
/// (position, value) pairs. The width is the one that makes the column smallest, so a few
/// outliers (a quiet night between deployments) do not widen a million values.
fn put_column(out: &mut Vec<u8>, values: &[u32]) {
    let fits = |width: u8, v: u32| width == 4 || v >> (8 * width) == 0;
    let size = |width: u8| values.len() * usize::from(width) + 8 * values.iter().filter(|v| !fits(width, **v)).count();
    let width = [1, 2, 4].into_iter().min_by_key(|w| size(*w)).expect("three widths");
    out.push(width);
    let mut wide = Vec::new();
    for (at, v) in values.iter().enumerate() {
        let narrow = fits(width, *v);
        out.extend_from_slice(&(if narrow { *v } else { 0 }).to_le_bytes()[..usize::from(width)]);
        if !narrow {
            wide.push((at as u32, *v));
        }
    }
    out.extend_from_slice(&(wide.len() as u32).to_le_bytes());
    for (at, v) in wide {
        out.extend_from_slice(&at.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
    }
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

/// Appends `bytes` (values of `width` bytes) to `out`, or says none fits `T`. Called a chunk
/// at a time: V8 first runs wasm unoptimised and swaps in optimised code only between
/// calls, so one call over three million values would never run the fast version.
#[inline(never)]
fn widen<T: TryFrom<u32>>(bytes: &[u8], width: usize, out: &mut Vec<T>) -> Result<(), ()> {
    let start = out.len();
    match width {
        1 => out.extend(bytes.iter().filter_map(|b| T::try_from(u32::from(*b)).ok())),
        2 => out.extend(
            bytes.chunks_exact(2).filter_map(|c| T::try_from(u32::from(u16::from_le_bytes([c[0], c[1]]))).ok()),
        ),
        _ => out.extend(
            bytes.chunks_exact(4).filter_map(|c| T::try_from(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).ok()),
        ),
    }
    if out.len() - start == bytes.len() / width { Ok(()) } else { Err(()) }
}

struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Input<'a> {
    /// Checks the magic and the format version.
    fn open(bytes: &'a [u8], magic: &[u8; 4]) -> Result<Input<'a>, String> {
        if !bytes.starts_with(magic) {
            return Err("not a firebreak deployment log".into());
        }
        let mut input = Input { bytes, at: magic.len() };
        let version = input.u32()?;
        if version != VERSION {
            return Err(format!(
                "deployment log format {version}, but this app reads format {VERSION}; rebuild the site"
            ));
        }
        Ok(input)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.bytes.len()).ok_or_else(|| {
            format!("the log is truncated: {} bytes, more expected after byte {}", self.bytes.len(), self.at)
        })?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    /// A column of `n` values, each checked to fit `T`.
    fn column<T: TryFrom<u32>>(&mut self, n: usize) -> Result<Vec<T>, String> {
        const CHUNK: usize = 1 << 14;
        let at = self.at;
        let width = usize::from(self.take(1)?[0]);
        if ![1, 2, 4].contains(&width) {
            return Err(format!("a column of width {width} at byte {at}"));
        }
        let bytes = self.take(n.checked_mul(width).ok_or("the log's counts overflow")?)?;
        let too_large = || format!("a value too large for its column in the column at byte {at}");
        let mut values = Vec::with_capacity(n);
        for chunk in bytes.chunks(CHUNK * width) {
            widen(chunk, width, &mut values).map_err(|()| too_large())?;
        }
        for _ in 0..self.u32()? {
            let (position, value) = (self.u32()? as usize, self.u32()?);
            let slot = values
                .get_mut(position)
                .ok_or_else(|| format!("a wide value at position {position} of a column of {n}"))?;
            *slot = T::try_from(value).map_err(|_| too_large())?;
        }
        Ok(values)
    }

    fn rest(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.at..];
        self.at = self.bytes.len();
        rest
    }

    fn end(&self) -> Result<(), String> {
        match self.bytes.len() - self.at {
            0 => Ok(()),
            extra => Err(format!("{extra} bytes after the end of the log")),
        }
    }
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
    fn a_few_wide_values_keep_a_column_narrow() {
        let mut values = vec![7u32; 100];
        (values[3], values[99]) = (70_000, 300);
        let mut bytes = Vec::new();
        put_column(&mut bytes, &values);
        assert_eq!((bytes[0], bytes.len()), (1, 1 + 100 + 4 + 2 * 8), "a byte a value, and two wide ones");
        assert_eq!(Input { bytes: &bytes, at: 0 }.column::<u32>(100).unwrap(), values);
        bytes[105] = 100; // the first wide value's position, now past the column's end
        assert!(
            Input { bytes: &bytes, at: 0 }.column::<u32>(100).unwrap_err().contains("position 100 of a column of 100")
        );
        let mut huge = Vec::new();
        put_column(&mut huge, &[[1; 20].as_slice(), &[u32::MAX]].concat());
        assert_eq!(huge[0], 1);
        assert!(Input { bytes: &huge, at: 0 }.column::<i32>(21).unwrap_err().contains("too large"));
        assert!(Input { bytes: &huge[..huge.len() - 1], at: 0 }.column::<u32>(21).unwrap_err().contains("truncated"));
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
