//! On-call load per responder, rotation and week, over a window (docs/metrics.md,
//! "On-call health").

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::clock::Zones;
use super::fairness::{Fairness, fairness};
use super::paged::{Paged, bounds, paged};
use super::tally::{Load, Over, Tally};
use super::{NO_SHIFT, OncallData};
use crate::{Calendar, Window};
use model::{OncallPolicy, Shift};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OncallHealth {
    pub window: Window,
    pub limits: OncallPolicy,
    pub pages: usize,
    /// Pages no shift of their responder covers, counted under [`NO_SHIFT`].
    pub no_shift_pages: usize,
    /// Each responder over the window, every rotation together.
    pub responders: Vec<ResponderLoad>,
    /// Each rotation over the window, and [`NO_SHIFT`] when a page fell outside every shift.
    pub rotations: Vec<RotationLoad>,
    /// Each responder's load in each rotation and week of the window.
    pub weeks: Vec<WeekLoad>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponderLoad {
    pub responder: String,
    /// From `[people]`; `None` for someone it does not list.
    pub team: Option<String>,
    /// The zone their interruption classes are read in.
    pub time_zone: String,
    pub load: Load,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RotationLoad {
    pub rotation: String,
    pub load: Load,
    /// Each of its people over the window.
    pub people: Vec<PersonLoad>,
    /// `None` for [`NO_SHIFT`], which is nobody's rotation.
    pub fairness: Option<Fairness>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonLoad {
    pub responder: String,
    pub load: Load,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekLoad {
    /// The week's first day, as the site's calendar starts weeks.
    pub week: NaiveDate,
    pub rotation: String,
    pub responder: String,
    pub load: Load,
}

/// The tallies of one window: every page and shift goes into one of each.
#[derive(Default)]
struct Tallies<'a> {
    responders: BTreeMap<&'a str, Tally<'a>>,
    /// By (rotation, responder).
    people: BTreeMap<(&'a str, &'a str), Tally<'a>>,
    rotations: BTreeMap<&'a str, Tally<'a>>,
    weeks: BTreeMap<(NaiveDate, &'a str, &'a str), Tally<'a>>,
}

impl<'a> Tallies<'a> {
    /// Adds to the window's three tallies of the rotation and responder, or with a `week`,
    /// to that week's.
    fn each(&mut self, week: Option<NaiveDate>, rotation: &'a str, responder: &'a str, add: impl Fn(&mut Tally<'a>)) {
        if let Some(week) = week {
            add(self.weeks.entry((week, rotation, responder)).or_default());
            return;
        }
        add(self.responders.entry(responder).or_default());
        add(self.people.entry((rotation, responder)).or_default());
        add(self.rotations.entry(rotation).or_default());
    }
}

/// A week of the window, cut to the window, in unix seconds.
struct Period {
    week: NaiveDate,
    from: i64,
    to: i64,
}

fn weeks(calendar: &Calendar, window: &Window) -> Vec<Period> {
    let (first, last) = calendar.bounds(window);
    let mut periods = Vec::new();
    let mut week = calendar.week_of(window.since);
    while week <= window.until {
        let next = week + Days::new(7);
        let (from, to) = (calendar.start_of(week).max(first), calendar.start_of(next).min(last));
        periods.push(Period { week, from, to });
        week = next;
    }
    periods
}

/// Seconds of `[start, end)` inside `[from, to)`.
fn overlap(start: DateTime<Utc>, end: DateTime<Utc>, from: i64, to: i64) -> i64 {
    (end.timestamp().min(to) - start.timestamp().max(from)).max(0)
}

fn add_shifts<'a>(tallies: &mut Tallies<'a>, shifts: &'a [Shift], window: (i64, i64), periods: &[Period]) {
    for shift in shifts {
        let inside = overlap(shift.start, shift.end, window.0, window.1);
        if inside == 0 {
            continue;
        }
        tallies.each(None, &shift.rotation, &shift.responder, |t| t.add_shift(inside));
        let first = periods.partition_point(|p| p.to <= shift.start.timestamp());
        for period in periods[first..].iter().take_while(|p| p.from < shift.end.timestamp()) {
            let seconds = overlap(shift.start, shift.end, period.from, period.to);
            tallies.each(Some(period.week), &shift.rotation, &shift.responder, |t| t.add_shift(seconds));
        }
    }
}

fn add_pages<'a>(tallies: &mut Tallies<'a>, pages: &[Paged<'a>], calendar: &Calendar) {
    for paged in pages {
        let rotation = paged.shift.map_or(NO_SHIFT, |s| s.rotation.as_str());
        let responder = paged.page.responder.as_str();
        let week = calendar.week_of(calendar.date_of(paged.page.triggered_at));
        for week in [None, Some(week)] {
            tallies.each(week, rotation, responder, |t| t.add_page(paged));
        }
    }
}

/// On-call load over `window`, judged against `limits`.
pub fn oncall_health(data: &OncallData, window: &Window, limits: &OncallPolicy) -> OncallHealth {
    let pages = paged(data, window);
    let (from, to) = bounds(data, window);
    let (from, to) = (from.timestamp(), to.timestamp());
    let periods = weeks(&data.calendar, window);
    let mut tallies = Tallies::default();
    add_shifts(&mut tallies, data.shifts, (from, to), &periods);
    add_pages(&mut tallies, &pages, &data.calendar);
    let zones = Zones::new(data.calendar.zone, data.people);
    let window_seconds = Over::Window(to - from);
    let responders = std::mem::take(&mut tallies.responders)
        .into_iter()
        .map(|(responder, tally)| ResponderLoad {
            responder: responder.to_owned(),
            team: data.people.get(responder).map(|p| p.team.clone()),
            time_zone: zones.of(responder).name().to_owned(),
            load: tally.finish(window_seconds, limits),
        })
        .collect();
    let period_seconds: BTreeMap<NaiveDate, i64> = periods.iter().map(|p| (p.week, p.to - p.from)).collect();
    let weeks = std::mem::take(&mut tallies.weeks)
        .into_iter()
        .map(|((week, rotation, responder), tally)| WeekLoad {
            week,
            rotation: rotation.to_owned(),
            responder: responder.to_owned(),
            load: tally.finish(Over::Week(period_seconds[&week]), limits),
        })
        .collect();
    OncallHealth {
        window: *window,
        limits: limits.clone(),
        pages: pages.len(),
        no_shift_pages: pages.iter().filter(|p| p.shift.is_none()).count(),
        responders,
        rotations: rotations(tallies, window_seconds, limits),
        weeks,
    }
}

fn rotations(tallies: Tallies, window: Over, limits: &OncallPolicy) -> Vec<RotationLoad> {
    let mut people: BTreeMap<&str, Vec<PersonLoad>> = BTreeMap::new();
    for ((rotation, responder), tally) in tallies.people {
        let person = PersonLoad { responder: responder.to_owned(), load: tally.finish(window, limits) };
        people.entry(rotation).or_default().push(person);
    }
    tallies
        .rotations
        .into_iter()
        .map(|(rotation, tally)| {
            let people = people.remove(rotation).unwrap_or_default();
            RotationLoad {
                rotation: rotation.to_owned(),
                load: tally.finish(Over::Rotation, limits),
                fairness: (rotation != NO_SHIFT).then(|| fairness(&people)).flatten(),
                people,
            }
        })
        .collect()
}
