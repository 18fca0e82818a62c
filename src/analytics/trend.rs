use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Window;
use crate::model::{Deployment, WeekStart};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekCount {
    /// First day of the week.
    pub week: NaiveDate,
    pub count: usize,
}

/// The first day of the week holding `day`.
pub fn week_of(day: NaiveDate, start: WeekStart) -> NaiveDate {
    let offset = match start {
        WeekStart::Monday => day.weekday().num_days_from_monday(),
        WeekStart::Sunday => day.weekday().num_days_from_sunday(),
    };
    day - Days::new(offset.into())
}

/// Deployments per week over the window (UTC days), every week present even when empty, so a
/// chart shows quiet weeks as zero rather than skipping them.
pub fn deployments_by_week(
    window: &Window,
    start: WeekStart,
    environment: &str,
    deployments: &[Deployment],
) -> Vec<WeekCount> {
    let first = week_of(window.since, start);
    let weeks = ((window.until - first).num_days() / 7 + 1) as usize;
    let mut counts: Vec<WeekCount> =
        (0..weeks).map(|i| WeekCount { week: first + Days::new(7 * i as u64), count: 0 }).collect();
    for d in deployments.iter().filter(|d| d.environment == environment && window.contains(d.finished_at)) {
        let index = (week_of(d.finished_at.date_naive(), start) - first).num_days() / 7;
        counts[index as usize].count += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeployStatus;

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

    #[test]
    fn counts_every_week_including_empty_ones() {
        let deploy = |d: u32, env: &str| Deployment {
            deploy_id: format!("d{d}{env}"),
            service: "s".into(),
            environment: env.into(),
            finished_at: day(d).and_hms_opt(12, 0, 0).unwrap().and_utc(),
            status: DeployStatus::Success,
            started_at: None,
            commit_sha: None,
            fixes_incident: None,
            extra: Default::default(),
        };
        let deploys =
            [deploy(2, "production"), deploy(3, "production"), deploy(3, "staging"), deploy(18, "production")];
        let window = Window::new(day(1), day(21));
        let weeks = deployments_by_week(&window, WeekStart::Monday, "production", &deploys);
        let counts: Vec<(NaiveDate, usize)> = weeks.iter().map(|w| (w.week, w.count)).collect();
        assert_eq!(counts, [(day(1), 2), (day(8), 0), (day(15), 1)]);
    }
}
