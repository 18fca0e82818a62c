//! Durations as the formats write them: a whole number of minutes, hours, days or weeks
//! (`5m`, `1h`, `28d`, `2w`), the form OpenSLO uses for windows and drills use for a measured
//! recovery time. One grammar, so an SLO's window and a drill's RTO cannot be read apart.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How a duration must be written, for error messages.
pub const DURATION_FORM: &str = "a whole number of m, h, d or w, such as 5m or 28d";

/// `text` in seconds; `None` when it is not of [`DURATION_FORM`]. Zero (`0m`) is a duration:
/// a recovery point that lost no data.
pub fn seconds(text: &str) -> Option<i64> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let count: i64 = text[..text.len() - unit.len_utf8()].parse().ok().filter(|n| *n >= 0)?;
    let unit = match unit {
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        'w' => 7 * 86_400,
        _ => return None,
    };
    count.checked_mul(unit)
}

/// A duration read from front matter: written `45m`, kept in seconds, written back in the
/// largest unit that divides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Duration {
    pub seconds: i64,
}

impl TryFrom<String> for Duration {
    type Error = String;

    fn try_from(text: String) -> Result<Duration, String> {
        seconds(&text).map(|seconds| Duration { seconds }).ok_or_else(|| format!("`{text}` is not {DURATION_FORM}"))
    }
}

impl From<Duration> for String {
    fn from(duration: Duration) -> String {
        duration.to_string()
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let units = [(7 * 86_400, 'w'), (86_400, 'd'), (3600, 'h')];
        let (size, unit) =
            units.into_iter().find(|(size, _)| self.seconds % size == 0 && self.seconds > 0).unwrap_or((60, 'm'));
        write!(f, "{}{unit}", self.seconds / size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_unit_and_zero() {
        assert_eq!(seconds("5m"), Some(300));
        assert_eq!(seconds("2h"), Some(7200));
        assert_eq!(seconds("28d"), Some(28 * 86_400));
        assert_eq!(seconds("2w"), Some(14 * 86_400));
        assert_eq!(seconds("0m"), Some(0));
    }

    #[test]
    fn rejects_other_forms() {
        for text in ["", "m", "5", "5s", "-5m", "1.5h", "4 weeks"] {
            assert_eq!(seconds(text), None, "{text}");
        }
    }

    #[test]
    fn writes_back_in_the_largest_whole_unit() {
        let shown: Vec<String> =
            [90 * 60, 7200, 86_400, 14 * 86_400, 0].map(|s| Duration { seconds: s }.to_string()).into();
        assert_eq!(shown, ["90m", "2h", "1d", "2w", "0m"]);
        assert_eq!(Duration::try_from("45m".to_owned()), Ok(Duration { seconds: 2700 }));
        assert!(Duration::try_from("soon".to_owned()).unwrap_err().contains("such as 5m"));
    }
}
