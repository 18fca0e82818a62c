//! What the page of one SLO (`/slos/<name>`) shows: its definition in words, the headline
//! figures, the budget left day by day, and the tables that join it to the rest of the
//! site — the alerts' backtest against the incidents, the top budget consumers and the
//! deployments that broke a freeze. The burn-rate chart's series are in [`crate::slo_chart`],
//! the compliance history's rows in [`crate::slo_compliance`].

use chrono::{DateTime, NaiveDate};

use super::format::format_percent;
use super::slo::{SloRow, precise_percent};
use super::slo_chart::BurnChart;
use super::slo_compliance::{self, ComplianceRow};
use analytics::IncidentRecord;
use analytics::slo::{AlertReview, Consumer, IncidentAlerting, SloStatus};
use model::bundle::Site;
use model::{AlertSeverity, BudgetingMethod, CalendarPeriod, SliEvents, Slo, SloWindow, paths};

#[derive(Debug, Clone, PartialEq)]
pub struct SloDetail {
    pub row: SloRow,
    /// "99.9 % of events good, over a rolling 28 days, by occurrences".
    pub definition: String,
    /// (label, value) of the headline cards.
    pub cards: Vec<(String, String)>,
    /// The budget left at each local day's end, from 1 at the window's start.
    pub burn_down: Vec<(NaiveDate, f64)>,
    pub chart: BurnChart,
    pub policies: Vec<PolicyRow>,
    pub alerting: Vec<AlertingRow>,
    pub consumers: Vec<ConsumerRow>,
    pub freezes: Vec<FreezeRow>,
    /// Met or missed in each calendar period, newest first.
    pub compliance: Vec<ComplianceRow>,
}

/// One alert policy (every alert of a severity) against the service's incidents.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRow {
    pub severity: &'static str,
    pub precision: String,
    pub recall: String,
    pub missed: usize,
    pub false_alarms: usize,
}

/// One incident of the service, as each alert policy met it (in the order of `policies`).
#[derive(Debug, Clone, PartialEq)]
pub struct AlertingRow {
    pub incident: String,
    pub path: Option<String>,
    pub policies: Vec<Alerted>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alerted {
    /// "12 min after it began", or "missed".
    pub alerted: String,
    /// "12 min before detection", "3 min after detection", or "".
    pub against_detection: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerRow {
    pub incident: String,
    pub path: Option<String>,
    /// Of the window's budget: "31.4 %".
    pub share: String,
    pub caused_by_deploys: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FreezeRow {
    pub deploy: String,
    pub day: NaiveDate,
    pub state: &'static str,
    pub remaining: String,
}

impl SloDetail {
    pub fn of(site: &Site, records: &[IncidentRecord], slo: &Slo, status: &SloStatus, events: &SliEvents) -> SloDetail {
        let page_of =
            |id: &str| records.iter().find(|r| r.id == id).filter(|r| r.has_postmortem).map(|_| paths::postmortem(id));
        let freezes = status.freeze_violations.iter().map(|v| FreezeRow {
            deploy: v.deploy_id.clone().unwrap_or_else(|| "—".to_owned()),
            day: v.day,
            state: v.state.label(),
            remaining: super::slo::remaining(v.remaining),
        });
        SloDetail {
            row: SloRow::of(status),
            definition: definition(slo),
            cards: cards(status),
            burn_down: status.burn_down.clone(),
            chart: BurnChart::of(site, records, slo, status, events),
            policies: status.alert_reviews.iter().map(PolicyRow::of).collect(),
            alerting: alerting_rows(&status.alert_reviews, &page_of),
            consumers: status.top_consumers.incidents.iter().map(|c| ConsumerRow::of(c, &page_of)).collect(),
            freezes: freezes.collect(),
            compliance: slo_compliance::rows(&status.compliance),
        }
    }
}

/// The headline cards: label and value.
pub fn cards(status: &SloStatus) -> Vec<(String, String)> {
    let row = SloRow::of(status);
    let b = &status.budget;
    let unit = if status.method == BudgetingMethod::Occurrences { "bad events" } else { "bad slices" };
    let day = |at: i64| DateTime::from_timestamp(at, 0).map(|t| t.format(model::dates::MONTH_DAY).to_string());
    let burn = status.burn_rate_1h.map_or("—".to_owned(), |b| format!("{b:.1}×"));
    vec![
        (format!("Attainment (target {})", row.target), row.attainment),
        ("Error budget".to_owned(), row.remaining),
        ("Policy".to_owned(), row.state.to_owned()),
        ("Burn rate (last hour)".to_owned(), burn),
        (format!("{unit} spent of the budget"), format!("{} of {}", count(b.spent), count(b.budget))),
        (
            "Window".to_owned(),
            format!("{} – {}", day(b.span.start).unwrap_or_default(), day(b.span.end - 1).unwrap_or_default()),
        ),
    ]
}

/// Events in thousands print whole with separators; a few ratio slices keep a decimal, so
/// 0.4 spent never reads as nothing.
fn count(value: f64) -> String {
    if value.fract() != 0.0 && value.abs() < 100.0 {
        format!("{value:.1}")
    } else {
        super::format::thousands(value.round().max(0.0) as u64)
    }
}

/// The objective in words.
pub fn definition(slo: &Slo) -> String {
    let o = &slo.objective;
    let good = match o.threshold {
        Some(t) => format!("samples {} {}", op_word(t.op), t.value),
        None => "events good".to_owned(),
    };
    let method = match slo.method {
        BudgetingMethod::Occurrences => "by occurrences".to_owned(),
        method => {
            let kind = if method == BudgetingMethod::Timeslices { "time slices" } else { "ratio time slices" };
            let seconds = o.time_slice_seconds.unwrap_or(60);
            let slice_target = o.time_slice_target.map(|t| format!(", good at ≥ {} %", precise_percent(t)));
            format!("by {kind} of {}{}", duration(seconds), slice_target.unwrap_or_default())
        }
    };
    format!("{} % of {good}, over {}, {method}", precise_percent(o.target), window_words(&slo.window))
}

fn op_word(op: model::ThresholdOp) -> &'static str {
    match op {
        model::ThresholdOp::Lt => "<",
        model::ThresholdOp::Lte => "≤",
        model::ThresholdOp::Gt => ">",
        model::ThresholdOp::Gte => "≥",
    }
}

fn window_words(window: &SloWindow) -> String {
    match window {
        SloWindow::Rolling { seconds } => format!("a rolling {}", duration(*seconds)),
        SloWindow::Calendar { period, time_zone, .. } => {
            let period = match period {
                CalendarPeriod::Month => "month",
                CalendarPeriod::Quarter => "quarter",
                CalendarPeriod::Year => "year",
            };
            let zone = time_zone.as_ref().map(|z| format!(" ({z})")).unwrap_or_default();
            format!("each calendar {period}{zone}")
        }
    }
}

/// Seconds in the largest whole unit: "28 days", "6 hours", "5 min".
fn duration(seconds: i64) -> String {
    let plural = |n: i64, unit: &str| if n == 1 { format!("1 {unit}") } else { format!("{n} {unit}s") };
    match seconds {
        s if s % 86400 == 0 => plural(s / 86400, "day"),
        s if s % 3600 == 0 => plural(s / 3600, "hour"),
        s if s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}

fn severity(severity: AlertSeverity) -> &'static str {
    match severity {
        AlertSeverity::Page => "page",
        AlertSeverity::Ticket => "ticket",
    }
}

impl PolicyRow {
    pub fn of(review: &AlertReview) -> PolicyRow {
        PolicyRow {
            severity: severity(review.severity),
            precision: format_percent(review.precision),
            recall: format_percent(review.recall),
            missed: review.missed.len(),
            false_alarms: review.false_alarms.len(),
        }
    }
}

/// Every policy reviews the same incidents in the same order: one row each, a cell per policy.
fn alerting_rows(reviews: &[AlertReview], page_of: &dyn Fn(&str) -> Option<String>) -> Vec<AlertingRow> {
    let Some(first) = reviews.first() else { return Vec::new() };
    (0..first.incidents.len())
        .map(|i| AlertingRow {
            incident: first.incidents[i].incident.clone(),
            path: page_of(&first.incidents[i].incident),
            policies: reviews.iter().filter_map(|r| r.incidents.get(i)).map(Alerted::of).collect(),
        })
        .collect()
}

impl Alerted {
    fn of(i: &IncidentAlerting) -> Alerted {
        let minutes = |m: f64| format!("{:.0} min", m.abs());
        Alerted {
            alerted: match i.minutes_after_start {
                None => "missed".to_owned(),
                Some(m) if m < 0.0 => format!("already firing {} before it began", minutes(m)),
                Some(m) => format!("{} after it began", minutes(m)),
            },
            against_detection: match i.minutes_before_detection {
                None => String::new(),
                Some(m) if m >= 0.0 => format!("{} before detection", minutes(m)),
                Some(m) => format!("{} after detection", minutes(m)),
            },
        }
    }
}

impl ConsumerRow {
    pub fn of(consumer: &Consumer, page_of: &dyn Fn(&str) -> Option<String>) -> ConsumerRow {
        ConsumerRow {
            incident: consumer.incident.clone(),
            path: page_of(&consumer.incident),
            share: format_percent(Some(consumer.share)),
            caused_by_deploys: consumer.caused_by_deploys.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Objective, Threshold, ThresholdOp};

    #[test]
    fn definitions_read_as_sentences() {
        let slo = Slo::example("checkout-availability", 28, 0.999);
        assert_eq!(definition(&slo), "99.9 % of events good, over a rolling 28 days, by occurrences");
        let latency = Slo {
            method: BudgetingMethod::Timeslices,
            window: SloWindow::Calendar {
                period: CalendarPeriod::Month,
                start_month: 1,
                time_zone: Some("Europe/Berlin".into()),
            },
            objective: Objective {
                target: 0.99,
                time_slice_target: Some(0.95),
                time_slice_seconds: Some(300),
                threshold: Some(Threshold { op: ThresholdOp::Lte, value: 300.0 }),
                ..slo.objective.clone()
            },
            ..slo.clone()
        };
        assert_eq!(
            definition(&latency),
            "99 % of samples ≤ 300, over each calendar month (Europe/Berlin), by time slices of 5 min, good at ≥ 95 %"
        );
        let hourly = Slo { window: SloWindow::Rolling { seconds: 6 * 3600 }, ..slo };
        assert_eq!(definition(&hourly), "99.9 % of events good, over a rolling 6 hours, by occurrences");
    }

    #[test]
    fn counts_print_whole_with_separators() {
        assert_eq!(count(312.0), "312");
        assert_eq!(count(12446.8), "12,447");
        assert_eq!(count(0.4), "0.4");
    }

    #[test]
    fn alerting_says_when_the_alert_came_against_detection() {
        let review = AlertReview {
            severity: AlertSeverity::Page,
            incidents: vec![
                IncidentAlerting {
                    incident: "pm-1".into(),
                    alerted_at: Some(0),
                    minutes_after_start: Some(4.0),
                    minutes_before_detection: Some(12.0),
                },
                IncidentAlerting {
                    incident: "inc-2".into(),
                    alerted_at: Some(0),
                    minutes_after_start: Some(-10.0),
                    minutes_before_detection: Some(-3.0),
                },
                IncidentAlerting {
                    incident: "pm-3".into(),
                    alerted_at: None,
                    minutes_after_start: None,
                    minutes_before_detection: None,
                },
            ],
            missed: vec!["pm-3".into()],
            false_alarms: Vec::new(),
            precision: Some(1.0),
            recall: Some(2.0 / 3.0),
        };
        let page_of = |id: &str| id.starts_with("pm").then(|| paths::postmortem(id));
        let rows = alerting_rows(std::slice::from_ref(&review), &page_of);
        let said: Vec<(&str, &str)> =
            rows.iter().map(|r| (r.policies[0].alerted.as_str(), r.policies[0].against_detection.as_str())).collect();
        assert_eq!(
            said,
            [
                ("4 min after it began", "12 min before detection"),
                ("already firing 10 min before it began", "3 min after detection"),
                ("missed", ""),
            ]
        );
        assert_eq!(rows[1].path, None, "an incident without a postmortem has no page");
        let policy = PolicyRow::of(&review);
        assert_eq!((policy.precision.as_str(), policy.recall.as_str(), policy.missed), ("100.0 %", "66.7 %", 1));
    }
}
