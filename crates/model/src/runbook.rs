use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A runbook's YAML front matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunbookMeta {
    pub title: String,
    pub service: String,
    pub owner: String,
    pub last_reviewed: NaiveDate,
    #[serde(default)]
    pub review_every: ReviewPeriod,
    #[serde(default)]
    pub alerts: Vec<String>,
}

impl RunbookMeta {
    /// Days since the last review, as of `as_of`.
    pub fn days_since_review(&self, as_of: NaiveDate) -> i64 {
        (as_of - self.last_reviewed).num_days()
    }

    /// Past its review period: reviewed longer ago than `review_every` (the day the period
    /// ends is still within it).
    pub fn review_overdue(&self, as_of: NaiveDate) -> bool {
        self.days_since_review(as_of) > i64::from(self.review_every.days)
    }
}

/// How often a runbook must be reviewed, written `90d` or `12w`. Defaults to 90 days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewPeriod {
    pub days: u32,
}

impl Default for ReviewPeriod {
    fn default() -> Self {
        ReviewPeriod { days: 90 }
    }
}

impl ReviewPeriod {
    pub fn parse(text: &str) -> Result<ReviewPeriod, String> {
        let text = text.trim();
        let invalid =
            || format!("invalid review period `{text}`: write a number of days or weeks, such as `90d` or `12w`");
        let split = text.len().checked_sub(1).ok_or_else(invalid)?;
        let (number, unit) = text.split_at(split);
        let number: u32 = number.parse().map_err(|_| invalid())?;
        let days = match unit {
            "d" => number,
            "w" => number * 7,
            _ => return Err(invalid()),
        };
        if days == 0 {
            return Err(invalid());
        }
        Ok(ReviewPeriod { days })
    }
}

impl Serialize for ReviewPeriod {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{}d", self.days))
    }
}

impl<'de> Deserialize<'de> for ReviewPeriod {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ReviewPeriod::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_weeks() {
        assert_eq!(ReviewPeriod::parse("90d").unwrap().days, 90);
        assert_eq!(ReviewPeriod::parse("12w").unwrap().days, 84);
    }

    #[test]
    fn rejects_other_units_and_zero() {
        for bad in ["", "d", "90", "3m", "0d", "-1d", "ninety days"] {
            assert!(ReviewPeriod::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
