//! A span of the local clock, `22:00-08:00`: how `[oncall]` writes business and sleep hours.
//! A span whose end is before its start runs past midnight.

use serde::{Deserialize, Serialize};
use std::fmt;

/// `[from, until)` in minutes after local midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockSpan {
    pub from: u32,
    pub until: u32,
}

impl ClockSpan {
    pub const fn hours(from: u32, until: u32) -> ClockSpan {
        ClockSpan { from: from * 60, until: until * 60 }
    }

    /// Whether the local time `minute` (after midnight) is in the span; its start is, its end
    /// is not, so a boundary belongs to the span it opens.
    pub fn contains(&self, minute: u32) -> bool {
        if self.from < self.until {
            (self.from..self.until).contains(&minute)
        } else {
            minute >= self.from || minute < self.until
        }
    }
}

fn minute_of_day(text: &str) -> Option<u32> {
    let (hour, minute) = text.trim().split_once(':')?;
    let all_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(hour) && all_digits(minute)) {
        return None;
    }
    let (hour, minute): (u32, u32) = (hour.parse().ok()?, minute.parse().ok()?);
    (hour < 24 && minute < 60).then_some(hour * 60 + minute)
}

impl TryFrom<String> for ClockSpan {
    type Error = String;

    fn try_from(text: String) -> Result<ClockSpan, String> {
        let bad = || format!("`{text}` is not a span of the clock: write `HH:MM-HH:MM`, such as `22:00-08:00`");
        let (from, until) = text.split_once('-').ok_or_else(bad)?;
        let (from, until) = (minute_of_day(from).ok_or_else(bad)?, minute_of_day(until).ok_or_else(bad)?);
        if from == until {
            return Err(format!("`{text}` starts where it ends: a span of the clock needs two different times"));
        }
        Ok(ClockSpan { from, until })
    }
}

impl From<ClockSpan> for String {
    fn from(span: ClockSpan) -> String {
        span.to_string()
    }
}

impl fmt::Display for ClockSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (from, until) = (self.from, self.until);
        write!(f, "{:02}:{:02}-{:02}:{:02}", from / 60, from % 60, until / 60, until % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> Result<ClockSpan, String> {
        ClockSpan::try_from(text.to_owned())
    }

    #[test]
    fn reads_a_day_span_and_one_past_midnight() {
        assert_eq!(span("08:00-18:00"), Ok(ClockSpan::hours(8, 18)));
        assert_eq!(span("22:30-07:00"), Ok(ClockSpan { from: 22 * 60 + 30, until: 7 * 60 }));
        assert_eq!(span("22:30-07:00").unwrap().to_string(), "22:30-07:00");
    }

    #[test]
    fn the_start_is_inside_and_the_end_is_not() {
        let night = ClockSpan::hours(22, 8);
        assert!(night.contains(22 * 60) && night.contains(0) && night.contains(8 * 60 - 1));
        assert!(!night.contains(8 * 60) && !night.contains(22 * 60 - 1));
        let day = ClockSpan::hours(8, 18);
        assert!(day.contains(8 * 60) && !day.contains(18 * 60));
    }

    #[test]
    fn rejects_other_forms() {
        for text in ["", "8-18", "08:00", "8:00-18:00", "24:00-08:00", "08:60-09:00", "08:00-08:00"] {
            assert!(span(text).is_err(), "{text}");
        }
    }
}
