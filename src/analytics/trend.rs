use chrono::{Datelike, Days, NaiveDate};

use crate::model::WeekStart;

/// The first day of the week holding `day`.
pub fn week_of(day: NaiveDate, start: WeekStart) -> NaiveDate {
    let offset = match start {
        WeekStart::Monday => day.weekday().num_days_from_monday(),
        WeekStart::Sunday => day.weekday().num_days_from_sunday(),
    };
    day - Days::new(offset.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, d).unwrap()
    }

    #[test]
    fn weeks_start_on_the_configured_day() {
        // 2026-06-10 is a Wednesday.
        assert_eq!(week_of(day(10), WeekStart::Monday), day(8));
        assert_eq!(week_of(day(10), WeekStart::Sunday), day(7));
        assert_eq!(week_of(day(8), WeekStart::Monday), day(8));
    }
}
