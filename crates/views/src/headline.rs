//! The headline figures: the one list the home page, the DORA page, the monthly digest,
//! `firebreak diff` and `firebreak report` all show, in this order and with these names, so
//! no two places can sum up the same window differently.

use serde::{Deserialize, Serialize};

use crate::format::format_figure;
use analytics::{ActionItemStats, DoraLevel, Figures, Levels, ReportYear};

/// How a figure is written (see [`format_figure`](crate::format::format_figure)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    PerWeek,
    Hours,
    /// A ratio, shown as a percentage.
    Ratio,
    Count,
}

/// Every figure that heads a page, a digest or a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    DeploymentFrequency,
    LeadTime,
    ChangeFailureRate,
    /// DORA's fourth key since 2023.
    FailedDeploymentRecovery,
    /// Shown beside the four keys; it rates the fourth key only for the 2021 report.
    TimeToRestore,
    ActionItemCompletion,
    OpenActionItems,
    OverdueActionItems,
}

impl Measure {
    /// The name every page, `diff`, the digest and `report` print; docs/metrics.md uses it too.
    pub fn name(self) -> &'static str {
        match self {
            Measure::DeploymentFrequency => "Deployments / week",
            Measure::LeadTime => "Lead time (median)",
            Measure::ChangeFailureRate => "Change failure rate",
            Measure::FailedDeploymentRecovery => "Failed-deployment recovery time (median)",
            Measure::TimeToRestore => "Time to restore (median)",
            Measure::ActionItemCompletion => "Action-item completion",
            Measure::OpenActionItems => "Open action items",
            Measure::OverdueActionItems => "Overdue action items",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Measure::DeploymentFrequency => Unit::PerWeek,
            Measure::LeadTime | Measure::FailedDeploymentRecovery | Measure::TimeToRestore => Unit::Hours,
            Measure::ChangeFailureRate | Measure::ActionItemCompletion => Unit::Ratio,
            Measure::OpenActionItems | Measure::OverdueActionItems => Unit::Count,
        }
    }

    /// The DORA level this figure carries under `levels`, if it is the one the report year
    /// rates: the fourth key's level sits on time to restore for 2021 and on failed-deployment
    /// recovery time from 2023 on.
    pub fn level(self, levels: &Levels, year: ReportYear) -> Option<DoraLevel> {
        match self {
            Measure::DeploymentFrequency => Some(levels.deployment_frequency),
            Measure::LeadTime => levels.lead_time,
            Measure::ChangeFailureRate => levels.change_failure_rate,
            Measure::FailedDeploymentRecovery if !year.rates_time_to_restore() => levels.recovery,
            Measure::TimeToRestore if year.rates_time_to_restore() => levels.recovery,
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    pub measure: Measure,
    pub name: String,
    pub value: Option<f64>,
    pub unit: Unit,
    /// As people read it: "4.2", "3.5 h", "12.5 %", "—".
    pub text: String,
}

impl Headline {
    pub fn of(measure: Measure, value: Option<f64>) -> Headline {
        let unit = measure.unit();
        Headline { measure, name: measure.name().to_owned(), value, unit, text: format_figure(value, unit) }
    }
}

/// The four keys, then time to restore.
pub fn delivery(f: &Figures) -> Vec<Headline> {
    vec![
        Headline::of(Measure::DeploymentFrequency, Some(f.deployments_per_week)),
        Headline::of(Measure::LeadTime, f.lead_time_hours.median),
        Headline::of(Measure::ChangeFailureRate, f.change_failure_rate),
        Headline::of(Measure::FailedDeploymentRecovery, f.failed_deployment_recovery_hours.median),
        Headline::of(Measure::TimeToRestore, f.time_to_restore_hours.median),
    ]
}

/// Completion, open and overdue action items.
pub fn action_items(s: &ActionItemStats) -> Vec<Headline> {
    vec![
        Headline::of(Measure::ActionItemCompletion, s.completion_rate),
        Headline::of(Measure::OpenActionItems, Some(s.open as f64)),
        Headline::of(Measure::OverdueActionItems, Some(s.overdue as f64)),
    ]
}

/// One headline figure over two periods or two versions of a repo, as text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    pub name: String,
    pub before: String,
    pub after: String,
    /// `after − before` with its sign, in the figure's unit; empty when nothing changed.
    pub change: String,
}

/// `before` and `after` must be the same list (of [`delivery`], [`action_items`] or [`all`]).
pub fn compare(before: &[Headline], after: &[Headline]) -> Vec<Compared> {
    before
        .iter()
        .zip(after)
        .map(|(b, a)| Compared {
            name: a.name.clone(),
            before: b.text.clone(),
            after: a.text.clone(),
            change: crate::format::format_change(b.value, a.value, a.unit),
        })
        .collect()
}

/// Delivery, then action items: what `diff` and `report` head with.
pub fn all(f: &Figures, s: &ActionItemStats) -> Vec<Headline> {
    let mut all = delivery(f);
    all.extend(action_items(s));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use analytics::Distribution;

    fn figures() -> Figures {
        let hours = |median: f64| Distribution::of(vec![median]);
        Figures {
            deployments: 12,
            deploy_days: 6,
            deployments_per_day: 12.0 / 28.0,
            deployments_per_week: 3.0,
            deployments_per_month: 12.0 / 28.0 * 30.0,
            deploy_days_per_week: 1.5,
            lead_time_hours: hours(5.0),
            change_failure_rate: Some(0.25),
            failed_deployments: 3,
            time_to_restore_hours: hours(1.6),
            failed_deployment_recovery_hours: hours(7.7),
            rework_rate: None,
        }
    }

    #[test]
    fn the_fourth_key_is_failed_deployment_recovery_and_time_to_restore_stands_apart() {
        let names: Vec<String> = delivery(&figures()).into_iter().map(|h| format!("{}: {}", h.name, h.text)).collect();
        assert_eq!(
            names,
            [
                "Deployments / week: 3.0",
                "Lead time (median): 5.0 h",
                "Change failure rate: 25.0 %",
                "Failed-deployment recovery time (median): 7.7 h",
                "Time to restore (median): 1.6 h",
            ]
        );
    }

    #[test]
    fn the_recovery_level_sits_on_the_figure_the_report_year_rates() {
        let levels = Levels {
            year: "2023".into(),
            deployment_frequency: DoraLevel::High,
            lead_time: Some(DoraLevel::Elite),
            change_failure_rate: None,
            recovery: Some(DoraLevel::Medium),
        };
        let level = |m: Measure, y| m.level(&levels, y);
        assert_eq!(level(Measure::FailedDeploymentRecovery, ReportYear::Y2023), Some(DoraLevel::Medium));
        assert_eq!(level(Measure::TimeToRestore, ReportYear::Y2023), None);
        assert_eq!(level(Measure::TimeToRestore, ReportYear::Y2021), Some(DoraLevel::Medium));
        assert_eq!(level(Measure::FailedDeploymentRecovery, ReportYear::Y2021), None);
        assert_eq!(level(Measure::OpenActionItems, ReportYear::Y2024), None);
    }
}
