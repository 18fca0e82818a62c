//! On-call load per responder, rotation and week, over a window (docs/metrics.md,
//! "On-call health").

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::clock::Zones;
use super::fairness::{Fairness, fairness};
use super::paged::{Paged, Paging, bounds, paged};
use super::roster::{Crew, Roster};
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
    /// Each responder over the window, every rotation together, by handle.
    pub responders: Vec<ResponderLoad>,
    /// Each rotation over the window, and [`NO_SHIFT`] when a page fell outside every shift;
    /// by name.
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

/// The tallies of one window, by numbers into its roster: every page and shift goes into
/// one of each.
#[derive(Default)]
struct Tallies {
    responders: BTreeMap<usize, Tally>,
    people: BTreeMap<Crew, Tally>,
    rotations: BTreeMap<usize, Tally>,
    /// By the week's index among the window's periods, then crew.
    weeks: BTreeMap<(usize, Crew), Tally>,
}

impl Tallies {
    /// Adds to the window's three tallies of the crew (its rotation, its responder and the
    /// two together), or with a `week`, to that week's.
    fn each(&mut self, week: Option<usize>, crew: Crew, add: impl Fn(&mut Tally)) {
        if let Some(week) = week {
            add(self.weeks.entry((week, crew)).or_default());
            return;
        }
        add(self.responders.entry(crew.responder).or_default());
        add(self.people.entry(crew).or_default());
        add(self.rotations.entry(crew.rotation).or_default());
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

/// The index of the period holding `t` (unix seconds) — its week in the site's calendar,
/// found among the window's week boundaries instead of converting `t` to a local date.
fn period_of(periods: &[Period], t: i64) -> usize {
    periods.partition_point(|p| p.to <= t)
}

/// Seconds of `[start, end)` inside `[from, to)`.
fn overlap(start: DateTime<Utc>, end: DateTime<Utc>, from: i64, to: i64) -> i64 {
    (end.timestamp().min(to) - start.timestamp().max(from)).max(0)
}

fn add_shifts(tallies: &mut Tallies, shifts: &[Shift], crews: &[Crew], window: (i64, i64), periods: &[Period]) {
    for (shift, &crew) in shifts.iter().zip(crews) {
        let inside = overlap(shift.start, shift.end, window.0, window.1);
        if inside == 0 {
            continue;
        }
        tallies.each(None, crew, |t| t.add_shift(inside));
        let first = period_of(periods, shift.start.timestamp());
        for (i, period) in periods.iter().enumerate().skip(first) {
            if period.from >= shift.end.timestamp() {
                break;
            }
            let seconds = overlap(shift.start, shift.end, period.from, period.to);
            tallies.each(Some(i), crew, |t| t.add_shift(seconds));
        }
    }
}

fn add_pages(tallies: &mut Tallies, pages: &[Paged], periods: &[Period]) {
    for paged in pages {
        let week = period_of(periods, paged.page.triggered_at.timestamp());
        for week in [None, Some(week)] {
            tallies.each(week, paged.crew, |t| t.add_page(paged));
        }
    }
}

/// On-call load over `window`, judged against `limits`.
pub fn oncall_health(data: &OncallData, window: &Window, limits: &OncallPolicy) -> OncallHealth {
    let Paging { pages, roster } = paged(data, window);
    let (from, to) = bounds(data, window);
    let (from, to) = (from.timestamp(), to.timestamp());
    let periods = weeks(&data.calendar, window);
    let mut tallies = Tallies::default();
    add_shifts(&mut tallies, data.shifts, &roster.of_shift, (from, to), &periods);
    add_pages(&mut tallies, &pages, &periods);
    let zones = Zones::new(data.calendar.zone, data.people);
    let window_seconds = Over::Window(to - from);
    let mut responders: Vec<ResponderLoad> = std::mem::take(&mut tallies.responders)
        .into_iter()
        .map(|(id, tally)| {
            let responder = roster.responders.name(id);
            ResponderLoad {
                responder: responder.to_owned(),
                team: data.people.get(responder).map(|p| p.team.clone()),
                time_zone: zones.of(responder).name().to_owned(),
                load: tally.finish(window_seconds, limits),
            }
        })
        .collect();
    responders.sort_by(|a, b| a.responder.cmp(&b.responder));
    OncallHealth {
        window: *window,
        limits: limits.clone(),
        pages: pages.len(),
        no_shift_pages: pages.iter().filter(|p| p.shift.is_none()).count(),
        responders,
        weeks: week_loads(std::mem::take(&mut tallies.weeks), &roster, &periods, limits),
        rotations: rotations(tallies, &roster, window_seconds, limits),
    }
}

/// Each responder's weeks, by week, rotation and responder.
fn week_loads(
    tallies: BTreeMap<(usize, Crew), Tally>,
    roster: &Roster,
    periods: &[Period],
    limits: &OncallPolicy,
) -> Vec<WeekLoad> {
    let mut weeks: Vec<WeekLoad> = tallies
        .into_iter()
        .map(|((i, crew), tally)| WeekLoad {
            week: periods[i].week,
            rotation: roster.rotations.name(crew.rotation).to_owned(),
            responder: roster.responders.name(crew.responder).to_owned(),
            load: tally.finish(Over::Week(periods[i].to - periods[i].from), limits),
        })
        .collect();
    weeks.sort_by(|a, b| (a.week, &a.rotation, &a.responder).cmp(&(b.week, &b.rotation, &b.responder)));
    weeks
}

/// Each rotation by name, its people by handle (fairness names the first of equals).
fn rotations(tallies: Tallies, roster: &Roster, window: Over, limits: &OncallPolicy) -> Vec<RotationLoad> {
    let mut people: BTreeMap<usize, Vec<PersonLoad>> = BTreeMap::new();
    for (crew, tally) in tallies.people {
        let responder = roster.responders.name(crew.responder).to_owned();
        people.entry(crew.rotation).or_default().push(PersonLoad { responder, load: tally.finish(window, limits) });
    }
    let mut rotations: Vec<RotationLoad> = tallies
        .rotations
        .into_iter()
        .map(|(id, tally)| {
            let mut people = people.remove(&id).unwrap_or_default();
            people.sort_by(|a, b| a.responder.cmp(&b.responder));
            let rotation = roster.rotations.name(id);
            RotationLoad {
                rotation: rotation.to_owned(),
                load: tally.finish(Over::Rotation, limits),
                fairness: (rotation != NO_SHIFT).then(|| fairness(&people)).flatten(),
                people,
            }
        })
        .collect();
    rotations.sort_by(|a, b| a.rotation.cmp(&b.rotation));
    rotations
}
