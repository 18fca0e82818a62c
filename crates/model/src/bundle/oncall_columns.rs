//! The on-call exports on the wire: `oncall.bin`, the pages and the worked schedule, which
//! only `/oncall` and the alert pages read, so the app fetches it the first time one is
//! shown.
//!
//! A year of a large organisation is 200,000 pages; as JSON each is eight fields of text,
//! the names repeated on every row. Here every name (alert, service, responder, incident,
//! rotation) is written once and rows hold its index; the flags of a page share one byte;
//! times are gaps between rows. All of it is in the bundle's integer columns (see
//! [`super::columns`]), and the file reads back exactly what was written — except a row's
//! `extra` columns and its place in the export, which no page shows (`check` reports by
//! line before the bundle is written).
//!
//! `oncall.bin`: `FBOC`; format version, pages, shifts and names (u32 each); the names (a
//! column of their lengths in bytes, then their UTF-8 back to back; first those of alerts,
//! services, people and rotations, sorted, then the incidents', sorted); then the pages'
//! columns — their ids (lengths, then text), alert, service and responder (name indexes),
//! incident (name index + 1; 0 when none), flags, triggered, acknowledged and resolved
//! times — and the shifts' columns: rotation and responder (name indexes), level (0
//! primary, 1 secondary), start and end times.
//!
//! A page's flags: 1 low urgency, 2 escalated, 4 actionable is known, 8 actionable, 16
//! auto-resolved.
//!
//! A time series is its encoding (u8) and its values. Encoding 0, when every time is a
//! whole second and each is within 68 years of the one before it: the first time present
//! (i64, unix seconds) and a column with, per row, 0 when the row has no such time, else
//! 1 + the zigzag of the seconds since the previous time present (so the exports' order,
//! sorted or not, costs one or two bytes a row). Encoding 1, for anything else: a column of
//! presence (0 or 1), then each present time as unix seconds (i64) and a column of their
//! nanoseconds.

use chrono::{DateTime, Utc};
use std::collections::{BTreeSet, HashMap};

use super::columns::{Input, put_column, put_words};
use crate::{Page, Shift, ShiftLevel, Urgency};

pub const ONCALL_FILE: &str = "oncall.bin";
const MAGIC: &[u8; 4] = b"FBOC";
const VERSION: u32 = 1;
/// What the errors call the file.
const FILE: &str = "on-call file";
/// A time series' encodings.
const GAPS: u8 = 0;
const EXACT: u8 = 1;

const LOW_URGENCY: u32 = 1;
const ESCALATED: u32 = 2;
const ACTIONABLE_KNOWN: u32 = 4;
const ACTIONABLE: u32 = 8;
const AUTO_RESOLVED: u32 = 16;

/// `oncall.bin` for the pages and shifts, in their order.
pub fn write(pages: &[Page], shifts: &[Shift]) -> Vec<u8> {
    let names = Names::of(pages, shifts);
    let mut out = MAGIC.to_vec();
    for n in [VERSION, pages.len() as u32, shifts.len() as u32, names.all.len() as u32] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    put_strings(&mut out, names.all.iter().map(String::as_str));
    put_strings(&mut out, pages.iter().map(|p| p.page_id.as_str()));
    let columns: [fn(&Page) -> &String; 3] = [|p| &p.alert, |p| &p.service, |p| &p.responder];
    for name in columns {
        put_column(&mut out, &pages.iter().map(|p| names.index(name(p))).collect::<Vec<_>>());
    }
    let incidents: Vec<u32> = pages.iter().map(|p| p.incident_id.as_ref().map_or(0, |i| names.index(i) + 1)).collect();
    put_column(&mut out, &incidents);
    put_column(&mut out, &pages.iter().map(flags).collect::<Vec<_>>());
    put_times(&mut out, &pages.iter().map(|p| Some(p.triggered_at)).collect::<Vec<_>>());
    put_times(&mut out, &pages.iter().map(|p| p.acknowledged_at).collect::<Vec<_>>());
    put_times(&mut out, &pages.iter().map(|p| p.resolved_at).collect::<Vec<_>>());
    put_column(&mut out, &shifts.iter().map(|s| names.index(&s.rotation)).collect::<Vec<_>>());
    put_column(&mut out, &shifts.iter().map(|s| names.index(&s.responder)).collect::<Vec<_>>());
    put_column(&mut out, &shifts.iter().map(|s| u32::from(s.level == ShiftLevel::Secondary)).collect::<Vec<_>>());
    put_times(&mut out, &shifts.iter().map(|s| Some(s.start)).collect::<Vec<_>>());
    put_times(&mut out, &shifts.iter().map(|s| Some(s.end)).collect::<Vec<_>>());
    out
}

/// The pages and shifts of `bytes`, checking every index, code and length: a damaged file
/// is an error naming what is wrong, never a silently shorter history.
pub fn read(bytes: &[u8]) -> Result<(Vec<Page>, Vec<Shift>), String> {
    let mut input = Input::open(bytes, MAGIC, VERSION, FILE)?;
    let (pages, shifts, names) = (input.u32()? as usize, input.u32()? as usize, input.u32()? as usize);
    let names = read_strings(&mut input, names)?;
    let pages = read_pages(&mut input, pages, &names).map_err(|e| format!("pages: {e}"))?;
    let shifts = read_shifts(&mut input, shifts, &names).map_err(|e| format!("shifts: {e}"))?;
    input.end()?;
    Ok((pages, shifts))
}

fn read_pages(input: &mut Input, rows: usize, names: &[String]) -> Result<Vec<Page>, String> {
    let ids = read_strings(input, rows)?;
    let alerts = read_names(input, rows, names)?;
    let services = read_names(input, rows, names)?;
    let responders = read_names(input, rows, names)?;
    let incidents: Vec<u32> = input.column(rows)?;
    let flags: Vec<u32> = input.column(rows)?;
    let triggered = read_times(input, rows)?;
    let acknowledged = read_times(input, rows)?;
    let resolved = read_times(input, rows)?;
    let mut pages = Vec::with_capacity(rows);
    for (row, page_id) in ids.into_iter().enumerate() {
        let incident_id = match incidents[row] {
            0 => None,
            n => Some(name(names, n - 1)?),
        };
        let flags = flags[row];
        pages.push(Page {
            page_id,
            alert: alerts[row].clone(),
            service: services[row].clone(),
            responder: responders[row].clone(),
            urgency: if flags & LOW_URGENCY == 0 { Urgency::High } else { Urgency::Low },
            triggered_at: triggered[row].ok_or_else(|| format!("page {} has no trigger time", row + 1))?,
            acknowledged_at: acknowledged[row],
            resolved_at: resolved[row],
            escalated: flags & ESCALATED != 0,
            incident_id,
            actionable: (flags & ACTIONABLE_KNOWN != 0).then_some(flags & ACTIONABLE != 0),
            auto_resolved: flags & AUTO_RESOLVED != 0,
            extra: Default::default(),
            source: Default::default(),
        });
    }
    Ok(pages)
}

fn read_shifts(input: &mut Input, rows: usize, names: &[String]) -> Result<Vec<Shift>, String> {
    let rotations = read_names(input, rows, names)?;
    let responders = read_names(input, rows, names)?;
    let levels: Vec<u32> = input.column(rows)?;
    let starts = read_times(input, rows)?;
    let ends = read_times(input, rows)?;
    (0..rows)
        .map(|row| {
            let missing = |what: &str| format!("shift {} has no {what}", row + 1);
            Ok(Shift {
                rotation: rotations[row].clone(),
                responder: responders[row].clone(),
                level: match levels[row] {
                    0 => ShiftLevel::Primary,
                    1 => ShiftLevel::Secondary,
                    other => return Err(format!("shift {} has level code {other}", row + 1)),
                },
                start: starts[row].ok_or_else(|| missing("start"))?,
                end: ends[row].ok_or_else(|| missing("end"))?,
                source: Default::default(),
            })
        })
        .collect()
}

/// Every name the rows use, each once: the alerts, services, people and rotations sorted,
/// then the incidents sorted — the few names most rows use first, so their columns stay
/// one byte a row however many incidents there are — and the same on every build.
struct Names {
    all: Vec<String>,
    index: HashMap<String, u32>,
}

impl Names {
    fn of(pages: &[Page], shifts: &[Shift]) -> Names {
        let mut common = BTreeSet::new();
        for page in pages {
            common.extend([&page.alert, &page.service, &page.responder]);
        }
        for shift in shifts {
            common.extend([&shift.rotation, &shift.responder]);
        }
        let incidents: BTreeSet<_> = pages.iter().filter_map(|p| p.incident_id.as_ref()).collect();
        let mut all: Vec<String> = common.iter().map(|n| (*n).clone()).collect();
        all.extend(incidents.into_iter().filter(|i| !common.contains(i)).cloned());
        let index = all.iter().enumerate().map(|(i, name)| (name.clone(), i as u32)).collect();
        Names { all, index }
    }

    fn index(&self, name: &str) -> u32 {
        self.index[name]
    }
}

fn flags(page: &Page) -> u32 {
    let set = |on: bool, flag: u32| if on { flag } else { 0 };
    set(page.urgency == Urgency::Low, LOW_URGENCY)
        | set(page.escalated, ESCALATED)
        | set(page.actionable.is_some(), ACTIONABLE_KNOWN)
        | set(page.actionable == Some(true), ACTIONABLE)
        | set(page.auto_resolved, AUTO_RESOLVED)
}

fn name(names: &[String], index: u32) -> Result<String, String> {
    names.get(index as usize).cloned().ok_or_else(|| format!("name {index} of {}", names.len()))
}

fn read_names(input: &mut Input, rows: usize, names: &[String]) -> Result<Vec<String>, String> {
    input.column::<u32>(rows)?.into_iter().map(|i| name(names, i)).collect()
}

/// A column of the strings' lengths in bytes, then their UTF-8 back to back.
fn put_strings<'a>(out: &mut Vec<u8>, strings: impl Iterator<Item = &'a str> + Clone) {
    put_column(out, &strings.clone().map(|s| s.len() as u32).collect::<Vec<_>>());
    strings.for_each(|s| out.extend_from_slice(s.as_bytes()));
}

fn read_strings(input: &mut Input, n: usize) -> Result<Vec<String>, String> {
    let lengths: Vec<u32> = input.column(n)?;
    lengths
        .into_iter()
        .map(|len| {
            let bytes = input.take(len as usize)?;
            String::from_utf8(bytes.to_vec()).map_err(|e| format!("a name that is not UTF-8: {e}"))
        })
        .collect()
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// One time series: gaps when every time allows it, else each time exactly.
fn put_times(out: &mut Vec<u8>, times: &[Option<DateTime<Utc>>]) {
    let present = || times.iter().flatten();
    let first = present().next().map_or(0, |t| t.timestamp());
    let mut previous = first;
    let gaps: Option<Vec<u32>> = times
        .iter()
        .map(|t| match t {
            None => Some(0),
            Some(t) if t.timestamp_subsec_nanos() == 0 => {
                let gap = t.timestamp().checked_sub(previous).map(zigzag)?;
                previous = t.timestamp();
                u32::try_from(gap).ok()?.checked_add(1)
            }
            Some(_) => None,
        })
        .collect();
    match gaps {
        Some(gaps) => {
            out.push(GAPS);
            out.extend_from_slice(&first.to_le_bytes());
            put_column(out, &gaps);
        }
        None => {
            out.push(EXACT);
            put_column(out, &times.iter().map(|t| u32::from(t.is_some())).collect::<Vec<_>>());
            put_words(out, present().map(|t| t.timestamp() as u64));
            put_column(out, &present().map(|t| t.timestamp_subsec_nanos()).collect::<Vec<_>>());
        }
    }
}

fn read_times(input: &mut Input, rows: usize) -> Result<Vec<Option<DateTime<Utc>>>, String> {
    let out_of_range = || "a time out of range".to_owned();
    match input.u8()? {
        GAPS => {
            let mut t = input.i64()?;
            let gaps: Vec<u32> = input.column(rows)?;
            gaps.into_iter()
                .map(|gap| match gap {
                    0 => Ok(None),
                    gap => {
                        t = t.checked_add(unzigzag(u64::from(gap - 1))).ok_or_else(out_of_range)?;
                        DateTime::from_timestamp(t, 0).map(Some).ok_or_else(out_of_range)
                    }
                })
                .collect()
        }
        EXACT => {
            let present: Vec<u32> = input.column(rows)?;
            let count = present.iter().filter(|p| **p != 0).count();
            let seconds = input.words(count)?;
            let nanos: Vec<u32> = input.column(count)?;
            let mut exact = seconds.into_iter().zip(nanos).map(|(s, n)| DateTime::from_timestamp(s as i64, n));
            present
                .into_iter()
                .map(|p| match p {
                    0 => Ok(None),
                    1 => exact.next().flatten().map(Some).ok_or_else(out_of_range),
                    other => Err(format!("presence code {other}")),
                })
                .collect()
        }
        other => Err(format!("times of encoding {other}, which this app does not know; rebuild the site")),
    }
}

#[cfg(test)]
mod tests;
