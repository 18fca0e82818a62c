//! One set of on-call figures (a [`Load`]) for any group of pages and shifts: a person's
//! week, a person over the window, a rotation.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::clock::Interruption;
use super::paged::Paged;
use crate::Distribution;
use model::OncallPolicy;

/// Pages by interruption class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interruptions {
    pub business: usize,
    pub off_hours: usize,
    pub sleep: usize,
}

/// Which limits of `[oncall]` a load is over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breaches {
    pub pages_per_12_hours: bool,
    pub on_call_share: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Load {
    pub pages: usize,
    pub interruptions: Interruptions,
    /// Distinct local clock hours of sleep that at least one page broke.
    pub distinct_sleep_hours: usize,
    /// Shifts overlapping the period.
    pub shifts: usize,
    /// Pages that fell in a shift ÷ shifts.
    pub pages_per_shift: Option<f64>,
    /// Hours of the shifts inside the period.
    pub hours_on_call: f64,
    /// Hours on call ÷ the period's hours; `None` for a rotation, whose people's hours add up.
    pub on_call_share: Option<f64>,
    /// Pages that fell in a shift ÷ (hours on call ÷ 12).
    pub pages_per_12_hours: Option<f64>,
    /// Acknowledged pages' time to acknowledge, minutes.
    pub time_to_acknowledge_minutes: Distribution,
    pub escalation_rate: Option<f64>,
    pub false_page_rate: Option<f64>,
    pub incident_share: Option<f64>,
    pub breaches: Breaches,
}

/// What a [`Load`] covers, which decides its share of time and whether that share is judged.
#[derive(Debug, Clone, Copy)]
pub enum Over {
    /// A person over the whole window (seconds): the 25 % limit is about this.
    Window(i64),
    /// A person's week, inside the window (seconds): a weekly rotation is all of its week by
    /// design, so the share is shown but not judged.
    Week(i64),
    /// Several people: no share.
    Rotation,
}

/// Pages and shift time added one by one.
#[derive(Default)]
pub struct Tally {
    pages: usize,
    on_shift: usize,
    interruptions: Interruptions,
    /// (responder's number, the hour's start): a rotation's people each have their own nights.
    sleep_hours: BTreeSet<(usize, i64)>,
    acknowledge_minutes: Vec<f64>,
    escalated: usize,
    false_pages: usize,
    with_incident: usize,
    shifts: usize,
    seconds_on_call: i64,
}

impl Tally {
    pub fn add_page(&mut self, paged: &Paged) {
        self.pages += 1;
        self.on_shift += usize::from(paged.shift.is_some());
        match paged.class {
            Interruption::Business => self.interruptions.business += 1,
            Interruption::OffHours => self.interruptions.off_hours += 1,
            Interruption::Sleep => self.interruptions.sleep += 1,
        }
        if let Some(hour) = paged.sleep_hour {
            self.sleep_hours.insert((paged.crew.responder, hour));
        }
        self.acknowledge_minutes.extend(paged.acknowledge_minutes());
        self.escalated += usize::from(paged.page.escalated);
        self.false_pages += usize::from(paged.is_false());
        self.with_incident += usize::from(paged.page.incident_id.is_some());
    }

    /// A shift with `seconds` of it inside the period.
    pub fn add_shift(&mut self, seconds: i64) {
        self.shifts += 1;
        self.seconds_on_call += seconds;
    }

    pub fn finish(self, over: Over, limits: &OncallPolicy) -> Load {
        let of_pages = |n: usize| (self.pages > 0).then(|| n as f64 / self.pages as f64);
        let hours_on_call = self.seconds_on_call as f64 / 3600.0;
        let pages_per_12_hours = (hours_on_call > 0.0).then(|| self.on_shift as f64 / (hours_on_call / 12.0));
        let on_call_share = match over {
            Over::Window(seconds) | Over::Week(seconds) if seconds > 0 => {
                Some(self.seconds_on_call as f64 / seconds as f64)
            }
            _ => None,
        };
        let share_judged = matches!(over, Over::Window(_));
        let breaches = Breaches {
            pages_per_12_hours: pages_per_12_hours.is_some_and(|rate| rate > limits.max_pages_per_12_hours),
            on_call_share: share_judged && on_call_share.is_some_and(|share| share > limits.max_on_call_share),
        };
        Load {
            pages: self.pages,
            interruptions: self.interruptions,
            distinct_sleep_hours: self.sleep_hours.len(),
            shifts: self.shifts,
            pages_per_shift: (self.shifts > 0).then(|| self.on_shift as f64 / self.shifts as f64),
            hours_on_call,
            on_call_share,
            pages_per_12_hours,
            time_to_acknowledge_minutes: Distribution::of(self.acknowledge_minutes),
            escalation_rate: of_pages(self.escalated),
            false_page_rate: of_pages(self.false_pages),
            incident_share: of_pages(self.with_incident),
            breaches,
        }
    }
}
