//! Each page of the window with what every figure asks of it: its shift, its interruption
//! class and, at night, the hour of sleep it broke.

use chrono::{DateTime, Utc};

use chrono_tz::Tz;

use super::assign::ShiftIndex;
use super::clock::{Interruption, Zones, hour_started, local};
use super::roster::{Crew, Roster};
use super::{NO_SHIFT, OncallData};
use crate::Window;
use model::{Page, Shift};

pub struct Paged<'a> {
    pub page: &'a Page,
    /// `None`: no shift of the responder covers the trigger time.
    pub shift: Option<&'a Shift>,
    /// The rotation of its shift, or [`NO_SHIFT`], and its responder.
    pub crew: Crew,
    pub class: Interruption,
    /// For a sleep-hour page, the instant its local clock hour began (see [`hour_started`]).
    pub sleep_hour: Option<i64>,
}

impl Paged<'_> {
    pub fn acknowledge_minutes(&self) -> Option<f64> {
        let acknowledged = self.page.acknowledged_at?;
        Some((acknowledged - self.page.triggered_at).num_seconds() as f64 / 60.0)
    }

    /// A false page: the responder said there was nothing to do, or it resolved on its own
    /// before anyone acknowledged it.
    pub fn is_false(&self) -> bool {
        self.page.actionable == Some(false) || (self.page.auto_resolved && self.page.acknowledged_at.is_none())
    }

    /// Whether there was something to do: `false` for a false page, even one the export
    /// calls actionable, so an alert that only flaps counts as noise; `None` when nothing
    /// says either way.
    pub fn actionable(&self) -> Option<bool> {
        if self.is_false() { Some(false) } else { self.page.actionable }
    }
}

/// `[start, end)` of the window in the site's calendar.
pub fn bounds(data: &OncallData, window: &Window) -> (DateTime<Utc>, DateTime<Utc>) {
    let (from, to) = data.calendar.bounds(window);
    let instant = |t: i64| DateTime::from_timestamp(t, 0).expect("a day of the calendar is a time");
    (instant(from), instant(to))
}

/// The pages of a window and the names of everyone they and the shifts count for.
pub struct Paging<'a> {
    pub pages: Vec<Paged<'a>>,
    pub roster: Roster<'a>,
}

/// The pages triggered in the window (by the site's calendar), in the order of the export.
pub fn paged<'a>(data: &OncallData<'a>, window: &Window) -> Paging<'a> {
    let (from, to) = bounds(data, window);
    let zones = Zones::new(data.calendar.zone, data.people);
    let mut roster = Roster::new(data.shifts);
    let index = ShiftIndex::new(data.shifts, &roster);
    // Each responder's zone, by their number: one name look-up per page, not one per figure.
    let mut zone_of: Vec<Tz> = Vec::new();
    let pages = data
        .pages
        .iter()
        .filter(|page| (from..to).contains(&page.triggered_at))
        .map(|page| {
            let responder = roster.responders.id(&page.responder);
            while zone_of.len() < roster.responders.len() {
                zone_of.push(zones.of(roster.responders.name(zone_of.len())));
            }
            let shift = index.covering(responder, page.triggered_at);
            let rotation = shift.map_or_else(|| roster.rotations.id(NO_SHIFT), |i| roster.of_shift[i].rotation);
            let clock = local(page.triggered_at, zone_of[responder]);
            let class = Interruption::at(clock, data.hours);
            Paged {
                page,
                shift: shift.map(|i| &data.shifts[i]),
                crew: Crew { rotation, responder },
                class,
                sleep_hour: (class == Interruption::Sleep).then(|| hour_started(page.triggered_at, clock)),
            }
        })
        .collect();
    Paging { pages, roster }
}
