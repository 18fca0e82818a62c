//! DORA performance levels, by the State of DevOps report that defined them. The reports
//! describe clusters of teams; the bounds below are their published descriptions, and
//! docs/metrics.md quotes them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Elite,
    High,
    Medium,
    Low,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Elite => "Elite",
            Level::High => "High",
            Level::Medium => "Medium",
            Level::Low => "Low",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportYear {
    #[serde(rename = "2021")]
    Y2021,
    #[serde(rename = "2023")]
    Y2023,
    #[serde(rename = "2024")]
    Y2024,
}

impl ReportYear {
    pub const ALL: [ReportYear; 3] = [ReportYear::Y2021, ReportYear::Y2023, ReportYear::Y2024];

    pub fn label(self) -> &'static str {
        match self {
            ReportYear::Y2021 => "2021",
            ReportYear::Y2023 => "2023",
            ReportYear::Y2024 => "2024",
        }
    }

    pub fn parse(text: &str) -> Option<ReportYear> {
        ReportYear::ALL.into_iter().find(|y| y.label() == text.trim())
    }

    /// The 2021 report rated time to restore service; from 2023 on, the fourth key is
    /// failed-deployment recovery time, and time to restore rates nothing.
    pub fn rates_time_to_restore(self) -> bool {
        self == ReportYear::Y2021
    }
}

const HOUR: f64 = 1.0;
const DAY: f64 = 24.0 * HOUR;
const WEEK: f64 = 7.0 * DAY;
const MONTH: f64 = 30.0 * DAY;

/// Deployment frequency: deployments per day at or above which each level starts
/// (on demand = more than one a day; daily; weekly; monthly).
fn frequency_floors(year: ReportYear) -> [f64; 3] {
    match year {
        // 2021: elite on demand; high weekly–monthly; medium monthly–six-monthly.
        ReportYear::Y2021 => [1.0, 1.0 / 30.0, 1.0 / 182.0],
        // 2023 and 2024: elite on demand; high daily–weekly; medium weekly–monthly.
        ReportYear::Y2023 | ReportYear::Y2024 => [1.0, 1.0 / 7.0, 1.0 / 30.0],
    }
}

/// Lead time for changes: the most hours each level allows.
fn lead_time_ceilings(year: ReportYear) -> [f64; 3] {
    match year {
        // 2021: elite < 1 hour; high < 1 week; medium < 6 months.
        ReportYear::Y2021 => [HOUR, WEEK, 6.0 * MONTH],
        // 2023 and 2024: elite < 1 day; high < 1 week; medium < 1 month.
        ReportYear::Y2023 | ReportYear::Y2024 => [DAY, WEEK, MONTH],
    }
}

/// Time to restore (2021) / failed-deployment recovery time (2023, 2024): the most hours.
fn restore_ceilings(year: ReportYear) -> [f64; 3] {
    match year {
        ReportYear::Y2021 => [HOUR, DAY, WEEK],
        ReportYear::Y2023 => [HOUR, DAY, WEEK],
        // 2024 puts high and medium both under a day, low at a week to a month.
        ReportYear::Y2024 => [HOUR, DAY, DAY],
    }
}

/// Change failure rate: each level's typical rate. The reports give cluster values, not
/// bounds (2024's medium is even below its high), so a rate takes the nearest level.
fn failure_rate_centres(year: ReportYear) -> [(Level, f64); 4] {
    match year {
        ReportYear::Y2021 => [(Level::Elite, 0.075), (Level::High, 0.23), (Level::Medium, 0.23), (Level::Low, 0.23)],
        ReportYear::Y2023 => [(Level::Elite, 0.05), (Level::High, 0.10), (Level::Medium, 0.15), (Level::Low, 0.64)],
        ReportYear::Y2024 => [(Level::Elite, 0.05), (Level::High, 0.20), (Level::Medium, 0.10), (Level::Low, 0.40)],
    }
}

const LEVELS: [Level; 3] = [Level::Elite, Level::High, Level::Medium];

pub fn deployment_frequency(year: ReportYear, per_day: f64) -> Level {
    LEVELS.into_iter().zip(frequency_floors(year)).find(|(_, floor)| per_day >= *floor).map_or(Level::Low, |(l, _)| l)
}

pub fn lead_time(year: ReportYear, median_hours: f64) -> Level {
    LEVELS
        .into_iter()
        .zip(lead_time_ceilings(year))
        .find(|(_, ceiling)| median_hours < *ceiling)
        .map_or(Level::Low, |(l, _)| l)
}

pub fn time_to_restore(year: ReportYear, median_hours: f64) -> Level {
    LEVELS
        .into_iter()
        .zip(restore_ceilings(year))
        .find(|(_, ceiling)| median_hours < *ceiling)
        .map_or(Level::Low, |(l, _)| l)
}

pub fn change_failure_rate(year: ReportYear, rate: f64) -> Level {
    failure_rate_centres(year)
        .into_iter()
        .min_by(|a, b| (a.1 - rate).abs().total_cmp(&(b.1 - rate).abs()))
        .map_or(Level::Low, |(l, _)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_levels_per_report() {
        assert_eq!(deployment_frequency(ReportYear::Y2023, 3.0), Level::Elite);
        assert_eq!(
            deployment_frequency(ReportYear::Y2023, 0.5),
            Level::High,
            "every other day is between daily and weekly"
        );
        assert_eq!(deployment_frequency(ReportYear::Y2023, 1.0 / 10.0), Level::Medium);
        assert_eq!(deployment_frequency(ReportYear::Y2023, 1.0 / 60.0), Level::Low);
        assert_eq!(
            deployment_frequency(ReportYear::Y2021, 1.0 / 10.0),
            Level::High,
            "2021's high reached down to monthly"
        );
    }

    #[test]
    fn time_levels_are_strict_upper_bounds() {
        assert_eq!(lead_time(ReportYear::Y2023, 23.9), Level::Elite);
        assert_eq!(lead_time(ReportYear::Y2023, 24.0), Level::High);
        assert_eq!(lead_time(ReportYear::Y2021, 23.9), Level::High, "2021's elite was under an hour");
        assert_eq!(lead_time(ReportYear::Y2023, 40.0 * 24.0), Level::Low);
        assert_eq!(time_to_restore(ReportYear::Y2023, 0.5), Level::Elite);
        assert_eq!(time_to_restore(ReportYear::Y2024, 30.0), Level::Low);
        assert_eq!(time_to_restore(ReportYear::Y2023, 30.0), Level::Medium);
    }

    #[test]
    fn failure_rates_take_the_nearest_cluster() {
        assert_eq!(change_failure_rate(ReportYear::Y2023, 0.06), Level::Elite);
        assert_eq!(change_failure_rate(ReportYear::Y2023, 0.30), Level::Medium);
        assert_eq!(change_failure_rate(ReportYear::Y2024, 0.11), Level::Medium, "2024's medium cluster sits at 10 %");
        assert_eq!(change_failure_rate(ReportYear::Y2021, 0.5), Level::High, "2021 lumped everyone else at 16–30 %");
    }
}
