//! Days, weeks and months where the team lives. "Deployed on Tuesday" and "this week" mean
//! the configured time zone and week start (`time_zone`, `week_start` in firebreak.toml),
//! not UTC: a 23:30 deploy in Berlin is Tuesday's, even though it is 21:30 UTC.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::Window;
use model::{Config, WeekStart};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calendar {
    pub zone: Tz,
    pub week_start: WeekStart,
}

impl Calendar {
    /// The site's calendar. The compiler rejects unknown zones, so the fallback to UTC only
    /// covers a hand-edited bundle.
    pub fn of(config: &Config) -> Calendar {
        Calendar { zone: config.time_zone.parse().unwrap_or(Tz::UTC), week_start: config.week_start }
    }

    pub fn utc() -> Calendar {
        Calendar { zone: Tz::UTC, week_start: WeekStart::Monday }
    }

    /// The local date of an instant.
    pub fn date_of(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.zone).date_naive()
    }

    /// The first instant of a local day, in unix seconds. Where a daylight-saving jump skips
    /// midnight, the day starts when the clocks resume.
    pub fn start_of(&self, day: NaiveDate) -> i64 {
        let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
        (0..=24 * 4)
            .find_map(|quarter| {
                let local = midnight + chrono::Duration::minutes(15 * quarter);
                self.zone.from_local_datetime(&local).earliest()
            })
            .map_or_else(|| midnight.and_utc().timestamp(), |t| t.timestamp())
    }

    /// Where each day of `window` starts, plus where the day after it starts: `days + 1`
    /// instants, so row times can be bucketed by walking forward instead of converting each.
    pub fn day_starts(&self, window: &Window) -> Vec<i64> {
        (0..=window.days() as u64).map(|i| self.start_of(window.since + Days::new(i))).collect()
    }

    /// `[start, end)` of the window in unix seconds.
    pub fn bounds(&self, window: &Window) -> (i64, i64) {
        (self.start_of(window.since), self.start_of(window.until + Days::new(1)))
    }

    pub fn contains(&self, window: &Window, t: DateTime<Utc>) -> bool {
        (window.since..=window.until).contains(&self.date_of(t))
    }

    /// The first day of the week holding `day`.
    pub fn week_of(&self, day: NaiveDate) -> NaiveDate {
        let offset = match self.week_start {
            WeekStart::Monday => day.weekday().num_days_from_monday(),
            WeekStart::Sunday => day.weekday().num_days_from_sunday(),
        };
        day - Days::new(offset.into())
    }

    /// The first day of the month holding `t`, locally.
    pub fn month_of(&self, t: DateTime<Utc>) -> NaiveDate {
        self.date_of(t).with_day(1).expect("day 1 exists")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn berlin() -> Calendar {
        Calendar { zone: chrono_tz::Europe::Berlin, week_start: WeekStart::Sunday }
    }

    #[test]
    fn weeks_start_on_the_configured_day() {
        // 2026-06-10 is a Wednesday.
        assert_eq!(Calendar::utc().week_of(day(6, 10)), day(6, 8));
        assert_eq!(berlin().week_of(day(6, 10)), day(6, 7));
        assert_eq!(Calendar::utc().week_of(day(6, 8)), day(6, 8));
    }

    #[test]
    fn days_follow_the_local_clock() {
        let late = day(6, 9).and_hms_opt(22, 30, 0).unwrap().and_utc();
        assert_eq!(Calendar::utc().date_of(late), day(6, 9));
        assert_eq!(berlin().date_of(late), day(6, 10), "00:30 in Berlin (UTC+2)");
        assert_eq!(berlin().start_of(day(6, 10)), day(6, 9).and_hms_opt(22, 0, 0).unwrap().and_utc().timestamp());
    }

    #[test]
    fn daylight_saving_days_are_23_and_25_hours() {
        // Berlin springs forward on 2026-03-29 and falls back on 2026-10-25.
        let starts = berlin().day_starts(&Window::new(day(3, 29), day(3, 29)));
        assert_eq!(starts[1] - starts[0], 23 * 3600);
        let starts = berlin().day_starts(&Window::new(day(10, 25), day(10, 25)));
        assert_eq!(starts[1] - starts[0], 25 * 3600);
        let (from, to) = berlin().bounds(&Window::new(day(10, 25), day(10, 26)));
        assert_eq!(to - from, 49 * 3600);
    }

    #[test]
    fn a_day_whose_midnight_is_skipped_starts_when_clocks_resume() {
        // Santiago sprang forward at midnight on 2026-09-06: 00:00 became 01:00.
        let santiago = Calendar { zone: chrono_tz::America::Santiago, week_start: WeekStart::Monday };
        let start = santiago.start_of(day(9, 6));
        assert_eq!(santiago.date_of(DateTime::from_timestamp(start, 0).unwrap()), day(9, 6));
        assert_ne!(santiago.date_of(DateTime::from_timestamp(start - 1, 0).unwrap()), day(9, 6));
    }
}
