//! When a page fell in its responder's own day: the interruption classes (docs/metrics.md,
//! "On-call health"), read on the responder's local clock.

use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use model::{ClockSpan, OncallPolicy, Person};

/// PagerDuty's classes: business hours 08:00–18:00 Monday to Friday; sleep hours 22:00–08:00
/// every day; off hours the rest (weekday evenings and weekend days). `[oncall]` may move
/// both spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interruption {
    Business,
    OffHours,
    Sleep,
}

/// The two spans of the clock the classes are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub business: ClockSpan,
    pub sleep: ClockSpan,
}

impl Hours {
    pub fn of(policy: &OncallPolicy) -> Hours {
        Hours { business: policy.business_hours, sleep: policy.sleep_hours }
    }
}

impl Default for Hours {
    fn default() -> Hours {
        Hours::of(&OncallPolicy::default())
    }
}

impl Interruption {
    /// The class of a local wall-clock time; each boundary belongs to the class it opens,
    /// and sleep wins where the spans overlap.
    pub fn at(local: NaiveDateTime, hours: Hours) -> Interruption {
        let minute = local.hour() * 60 + local.minute();
        let weekend = matches!(local.weekday(), Weekday::Sat | Weekday::Sun);
        if hours.sleep.contains(minute) {
            Interruption::Sleep
        } else if weekend || !hours.business.contains(minute) {
            Interruption::OffHours
        } else {
            Interruption::Business
        }
    }
}

/// Each responder's time zone: their `[people]` table's `time_zone`, else the site's
/// `time_zone` (which is also where anyone missing from `[people]` is placed). Teams have no
/// zone of their own, so there is no step between the two.
pub struct Zones<'a> {
    site: Tz,
    own: BTreeMap<&'a str, Tz>,
}

impl<'a> Zones<'a> {
    /// The config reader rejects unknown zone names, so one that does not parse here (a
    /// hand-edited bundle) falls back to the site's as if it were absent.
    pub fn new(site: Tz, people: &'a BTreeMap<String, Person>) -> Zones<'a> {
        let own = people
            .iter()
            .filter_map(|(handle, person)| Some((handle.as_str(), person.time_zone.as_deref()?.parse().ok()?)))
            .collect();
        Zones { site, own }
    }

    pub fn of(&self, responder: &str) -> Tz {
        self.own.get(responder).copied().unwrap_or(self.site)
    }
}

/// The instant the local clock hour holding `t` began, in unix seconds, from `t` and its
/// local time: one number per hour a person lived through, so the hour repeated when clocks
/// fall back is two hours, and zones half an hour off UTC still get their own hours. (`t`
/// less the local minutes and seconds: the local HH:00 taken back through the offset in
/// force at `t`, without a second look-up in the zone.)
pub fn hour_started(t: DateTime<Utc>, local: NaiveDateTime) -> i64 {
    t.timestamp() - i64::from(local.minute() * 60 + local.second())
}

/// The local wall-clock time of `t` in `zone`.
pub fn local(t: DateTime<Utc>, zone: Tz) -> NaiveDateTime {
    zone.from_utc_datetime(&t.naive_utc()).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn class(text: &str, zone: Tz) -> Interruption {
        Interruption::at(local(utc(text), zone), Hours::default())
    }

    #[test]
    fn each_boundary_opens_its_class() {
        // 2026-06-10 is a Wednesday, 2026-06-13 a Saturday.
        let at = |text| class(text, Tz::UTC);
        assert_eq!(at("2026-06-10T07:59:59Z"), Interruption::Sleep);
        assert_eq!(at("2026-06-10T08:00:00Z"), Interruption::Business);
        assert_eq!(at("2026-06-10T17:59:59Z"), Interruption::Business);
        assert_eq!(at("2026-06-10T18:00:00Z"), Interruption::OffHours);
        assert_eq!(at("2026-06-10T21:59:59Z"), Interruption::OffHours);
        assert_eq!(at("2026-06-10T22:00:00Z"), Interruption::Sleep);
        assert_eq!(at("2026-06-13T08:00:00Z"), Interruption::OffHours, "a weekend morning");
        assert_eq!(at("2026-06-13T22:00:00Z"), Interruption::Sleep, "a weekend night");
    }

    #[test]
    fn configured_hours_move_the_boundaries() {
        // A team that sleeps 23:30–07:00 and works 09:00–17:30.
        let hours = Hours {
            business: "09:00-17:30".to_owned().try_into().unwrap(),
            sleep: "23:30-07:00".to_owned().try_into().unwrap(),
        };
        let at = |text| Interruption::at(local(utc(text), Tz::UTC), hours);
        assert_eq!(at("2026-06-10T23:29:00Z"), Interruption::OffHours);
        assert_eq!(at("2026-06-10T23:30:00Z"), Interruption::Sleep);
        assert_eq!(at("2026-06-10T07:00:00Z"), Interruption::OffHours, "awake, not yet at work");
        assert_eq!(at("2026-06-10T09:00:00Z"), Interruption::Business);
        assert_eq!(at("2026-06-10T17:30:00Z"), Interruption::OffHours);
    }

    #[test]
    fn classes_follow_the_responders_own_clock() {
        // 2026-06-10T00:30Z is Wednesday 09:30 in Tokyo (UTC+9) and Tuesday 17:30 in Los
        // Angeles (UTC−7, daylight time).
        assert_eq!(class("2026-06-10T00:30:00Z", chrono_tz::Asia::Tokyo), Interruption::Business);
        assert_eq!(class("2026-06-10T00:30:00Z", chrono_tz::America::Los_Angeles), Interruption::Business);
        // 14:00Z: 23:00 in Tokyo, 07:00 in Los Angeles.
        assert_eq!(class("2026-06-10T14:00:00Z", chrono_tz::Asia::Tokyo), Interruption::Sleep);
        assert_eq!(class("2026-06-10T14:00:00Z", chrono_tz::America::Los_Angeles), Interruption::Sleep);
        // Friday 2026-06-12T01:30Z: 10:30 Friday in Tokyo, 18:30 Thursday in Los Angeles.
        assert_eq!(class("2026-06-12T01:30:00Z", chrono_tz::Asia::Tokyo), Interruption::Business);
        assert_eq!(class("2026-06-12T01:30:00Z", chrono_tz::America::Los_Angeles), Interruption::OffHours);
    }

    #[test]
    fn the_same_utc_time_changes_class_when_los_angeles_springs_forward() {
        // Clocks go from 02:00 PST to 03:00 PDT on Sunday 2026-03-08: 15:30Z is 07:30 PST
        // on Friday, 08:30 PDT on Monday.
        let la = chrono_tz::America::Los_Angeles;
        assert_eq!(class("2026-03-06T15:30:00Z", la), Interruption::Sleep);
        assert_eq!(class("2026-03-09T15:30:00Z", la), Interruption::Business);
        assert_eq!(class("2026-03-08T10:30:00Z", la), Interruption::Sleep, "03:30 PDT");
    }

    #[test]
    fn the_hour_repeated_when_clocks_fall_back_is_two_hours() {
        // Los Angeles, 2026-11-01: 01:00–02:00 happens first in PDT (08:00Z), then in PST (09:00Z).
        let la = chrono_tz::America::Los_Angeles;
        let started = |text: &str, zone: Tz| hour_started(utc(text), local(utc(text), zone));
        let first = started("2026-11-01T08:20:00Z", la);
        let again = started("2026-11-01T09:20:00Z", la);
        assert_eq!((first, again), (utc("2026-11-01T08:00:00Z").timestamp(), utc("2026-11-01T09:00:00Z").timestamp()));
        assert_eq!(started("2026-11-01T08:59:00Z", la), first, "01:59 PDT is the same hour");
        // Kolkata is UTC+5:30: 02:10 and 02:50 local are one hour, which began at 20:30Z.
        let kolkata = chrono_tz::Asia::Kolkata;
        assert_eq!(started("2026-06-09T20:40:00Z", kolkata), utc("2026-06-09T20:30:00Z").timestamp());
        assert_eq!(started("2026-06-09T21:20:00Z", kolkata), utc("2026-06-09T20:30:00Z").timestamp());
    }

    #[test]
    fn a_persons_zone_falls_back_to_the_sites() {
        let people = BTreeMap::from([
            ("@aiko".to_owned(), Person { team: "t".into(), time_zone: Some("Asia/Tokyo".into()) }),
            ("@ben".to_owned(), Person::from("t")),
        ]);
        let zones = Zones::new(chrono_tz::Europe::Berlin, &people);
        assert_eq!(zones.of("@aiko"), chrono_tz::Asia::Tokyo);
        assert_eq!(zones.of("@ben"), chrono_tz::Europe::Berlin);
        assert_eq!(zones.of("@stranger"), chrono_tz::Europe::Berlin);
    }
}
