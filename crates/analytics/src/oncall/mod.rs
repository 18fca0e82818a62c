//! On-call health and alert quality: what paged whom, at what hour of their own day, on
//! which shift, against the limits of a sustainable on-call. Definitions are in
//! docs/metrics.md ("On-call health", "Alert quality"). Pure: the window is passed in.

mod alerts;
mod assign;
mod clock;
mod fairness;
mod health;
mod paged;
mod roster;
mod tally;

pub use alerts::{AlertFigures, AlertQuality, alert_quality};
pub use clock::{Hours, Interruption};
pub use fairness::{Fairness, Spread};
pub use health::{OncallHealth, PersonLoad, ResponderLoad, RotationLoad, WeekLoad, oncall_health};
pub use tally::{Breaches, Interruptions, Load};

use std::collections::BTreeMap;

use super::Calendar;
use model::{Config, Page, Person, Shift};

/// Where pages that fell in no shift of their responder are counted, in place of a rotation.
pub const NO_SHIFT: &str = "(no shift)";

/// What every on-call figure reads: the exports, who is who, and the site's calendar (its
/// weeks, and the zone of anyone without one of their own).
#[derive(Clone, Copy)]
pub struct OncallData<'a> {
    pub pages: &'a [Page],
    pub shifts: &'a [Shift],
    pub people: &'a BTreeMap<String, Person>,
    pub calendar: Calendar,
    /// `[oncall]`'s business and sleep hours.
    pub hours: Hours,
}

impl<'a> OncallData<'a> {
    pub fn new(pages: &'a [Page], shifts: &'a [Shift], config: &'a Config) -> OncallData<'a> {
        OncallData {
            pages,
            shifts,
            people: &config.people,
            calendar: Calendar::of(config),
            hours: Hours::of(&config.oncall),
        }
    }
}

#[cfg(test)]
mod tests;
