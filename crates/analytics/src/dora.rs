//! The four DORA keys — and rework rate and recovery time — over a [`Filter`]. Definitions
//! are in docs/metrics.md; the deployments come as a [`DeployLog`], so a million of them
//! are a contiguous range scan.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::levels::{self, Level};
use super::stats::{Distribution, Histogram, MinuteCounts, median_minutes_as_hours};
use super::{Calendar, Filter, IncidentRecord, Window};
use model::DeployLog;

/// One set of figures for one window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub deployments: usize,
    pub deploy_days: usize,
    pub deployments_per_day: f64,
    pub deployments_per_week: f64,
    pub deployments_per_month: f64,
    pub deploy_days_per_week: f64,
    /// Lead time for changes, hours.
    pub lead_time_hours: Distribution,
    /// Distinct failed deployments ÷ deployments; `None` without deployments.
    pub change_failure_rate: Option<f64>,
    pub failed_deployments: usize,
    /// Time to restore service, hours, over incidents that began in the window: an
    /// incident-response figure, and the fourth key only in the 2021 report's levels.
    pub time_to_restore_hours: Distribution,
    /// The fourth key since DORA 2023, failed-deployment recovery time: incident resolved −
    /// the deployment that caused it finished.
    pub failed_deployment_recovery_hours: Distribution,
    /// Deployments that fix an incident ÷ deployments (DORA 2024).
    pub rework_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Levels {
    pub year: String,
    pub deployment_frequency: Level,
    pub lead_time: Option<Level>,
    pub change_failure_rate: Option<Level>,
    /// The fourth key's level: rated from time to restore for the 2021 report, from
    /// failed-deployment recovery time for 2023 and 2024 (see [`crate::ReportYear::rates_time_to_restore`]).
    pub recovery: Option<Level>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekFigures {
    pub week: NaiveDate,
    pub deployments: usize,
    pub failed: usize,
    pub lead_time_median_hours: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceFigures {
    pub service: String,
    pub deployments: usize,
    pub failed: usize,
    pub change_failure_rate: Option<f64>,
    pub lead_time_median_hours: Option<f64>,
}

/// A failed deployment in the window and the incidents it caused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FailedDeployment {
    /// Its row in the log, for looking up its id where the ids load later (the app).
    #[serde(skip)]
    pub row: usize,
    /// Always there in the CLI's report; in the app, only once the ids are loaded.
    pub deploy_id: Option<String>,
    pub service: String,
    pub finished_at: chrono::DateTime<chrono::Utc>,
    pub status: model::DeployStatus,
    pub incidents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dora {
    pub filter: Filter,
    pub current: Figures,
    pub previous: Figures,
    pub levels: Levels,
    pub weekly: Vec<WeekFigures>,
    pub lead_time_histogram: Histogram,
    pub restore_histogram: Histogram,
    pub per_service: Vec<ServiceFigures>,
    pub failed_deployments: Vec<FailedDeployment>,
    /// Rows left out of these figures, by reason — never dropped silently.
    pub excluded: BTreeMap<String, usize>,
}

/// Which rows the filter keeps: decided once per kind of row, not per row.
struct Context<'a> {
    log: &'a DeployLog,
    calendar: &'a Calendar,
    kept_kinds: Vec<bool>,
}

impl Context<'_> {
    fn keeps(&self, row: usize) -> bool {
        self.kept_kinds[self.log.kind[row] as usize]
    }
}

/// Failed deployments without an incident listed on the page, newest first; those an
/// incident names are always listed.
pub const FAILED_WITHOUT_INCIDENT_LISTED: usize = 50;

pub fn compute(filter: &Filter, calendar: &Calendar, log: &DeployLog, incidents: &[IncidentRecord]) -> Dora {
    let kept_kinds = log
        .kinds
        .iter()
        .map(|k| {
            log.environments[usize::from(k.environment)] == filter.environment
                && filter.keeps_service(&log.services[usize::from(k.service)])
        })
        .collect();
    let context = Context { log, calendar, kept_kinds };
    let by_id: HashMap<&str, &IncidentRecord> = incidents.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut excluded = BTreeMap::new();
    let mut now = tally(&context, &filter.window, true);
    let mut before = tally(&context, &filter.window.previous(), false);
    let restore = restore_times(filter, calendar, &filter.window, incidents, &mut excluded);
    let restore_before = restore_times(filter, calendar, &filter.window.previous(), incidents, &mut BTreeMap::new());
    let failed_deployments = listed_failures(log, &now.failed_rows);
    let restore_histogram = Histogram::of_hours(&restore);
    let current = now.figures(&context, &filter.window, restore, &by_id);
    let previous = before.figures(&context, &filter.window.previous(), restore_before, &by_id);
    Dora {
        levels: levels_of(filter, &current),
        weekly: std::mem::take(&mut now.weeks),
        lead_time_histogram: now.leads.histogram_hours(),
        restore_histogram,
        per_service: now
            .services
            .iter_mut()
            .enumerate()
            .filter(|(_, s)| s.deployments > 0)
            .map(|(code, s)| ServiceFigures {
                service: log.services[code].clone(),
                deployments: s.deployments,
                failed: s.failed,
                change_failure_rate: Some(s.failed as f64 / s.deployments as f64),
                lead_time_median_hours: median_minutes_as_hours(&mut s.leads),
            })
            .collect(),
        failed_deployments,
        filter: filter.clone(),
        current,
        previous,
        excluded,
    }
}

/// Every failed deployment an incident names, and the latest others, oldest first.
fn listed_failures(log: &DeployLog, failed_rows: &[usize]) -> Vec<FailedDeployment> {
    let mut without_incident = 0;
    let mut listed: Vec<FailedDeployment> = failed_rows
        .iter()
        .rev()
        .filter(|row| {
            let named = log.incidents_named(**row).next().is_some();
            without_incident += usize::from(!named);
            named || without_incident <= FAILED_WITHOUT_INCIDENT_LISTED
        })
        .map(|row| FailedDeployment {
            row: *row,
            deploy_id: log.id(*row).map(str::to_owned),
            service: log.service_name(*row).to_owned(),
            finished_at: log.finished(*row),
            status: log.status(*row),
            incidents: log.incidents_named(*row).map(str::to_owned).collect(),
        })
        .collect();
    listed.reverse();
    listed
}

/// Everything one window needs, gathered in one pass over its deployments and their
/// changes: a million rows are read once, not once per figure.
struct Tally {
    rows: Range<usize>,
    deployments: usize,
    deploy_days: usize,
    failed: usize,
    reworked: usize,
    leads: MinuteCounts,
    failed_rows: Vec<usize>,
    /// Only for the current window (`detailed`): per week, per service.
    weeks: Vec<WeekFigures>,
    services: Vec<ServiceTally>,
}

#[derive(Clone, Default)]
struct ServiceTally {
    deployments: usize,
    failed: usize,
    leads: Vec<i32>,
}

fn tally(context: &Context, window: &Window, detailed: bool) -> Tally {
    let log = context.log;
    let day_starts = context.calendar.day_starts(window);
    let rows = log.rows_between(day_starts[0], day_starts[day_starts.len() - 1]);
    let first_week = context.calendar.week_of(window.since);
    let week_offset = (window.since - first_week).num_days() as usize;
    let week_count = if detailed { (week_offset + window.days() as usize).div_ceil(7) } else { 0 };
    let mut t = Tally {
        rows: rows.clone(),
        deployments: 0,
        deploy_days: 0,
        failed: 0,
        reworked: 0,
        leads: MinuteCounts::default(),
        failed_rows: Vec::new(),
        weeks: (0..week_count as u64)
            .map(|i| WeekFigures {
                week: first_week + Days::new(7 * i),
                deployments: 0,
                failed: 0,
                lead_time_median_hours: None,
            })
            .collect(),
        services: if detailed { vec![ServiceTally::default(); log.services.len()] } else { Vec::new() },
    };
    let mut place = Place { day: 0, last_deploy_day: None, caused: 0, fixes: 0, week: 0, week_leads: Vec::new() };
    let scan = Scan { context, day_starts: &day_starts, week_offset, detailed };
    // A chunk per call: V8 runs wasm unoptimised at first and switches to optimised code
    // only between calls, so a single call over a million rows would stay slow throughout.
    for start in rows.clone().step_by(SCAN_CHUNK) {
        scan.rows(&mut t, &mut place, start..(start + SCAN_CHUNK).min(rows.end));
    }
    if let Some(last) = t.weeks.get_mut(place.week) {
        last.lead_time_median_hours = median_minutes_as_hours(&mut place.week_leads);
    }
    t
}

const SCAN_CHUNK: usize = 1 << 14;

/// What a scan over the window's rows needs.
struct Scan<'a> {
    context: &'a Context<'a>,
    /// Where each local day of the window starts (and where the day after it starts).
    day_starts: &'a [i64],
    /// Days from the first week's start to the window's.
    week_offset: usize,
    detailed: bool,
}

/// Where a scan is: rows are sorted by time, so local days, incident links and hotfixes
/// are all walked forward alongside them, with no per-row date conversion or search.
struct Place {
    day: usize,
    last_deploy_day: Option<usize>,
    /// Positions in the log's `caused` and `fixes`.
    caused: usize,
    fixes: usize,
    week: usize,
    week_leads: Vec<i32>,
}

impl Scan<'_> {
    #[inline(never)]
    fn rows(&self, t: &mut Tally, at: &mut Place, rows: Range<usize>) {
        let log = self.context.log;
        for row in rows {
            let named = advance_to(&log.caused, &mut at.caused, row);
            let fixes_incident = advance_to(&log.fixes, &mut at.fixes, row);
            if !self.context.keeps(row) {
                continue;
            }
            while log.finished_at[row] >= self.day_starts[at.day + 1] {
                at.day += 1;
            }
            t.deployments += 1;
            t.deploy_days += usize::from(at.last_deploy_day.replace(at.day) != Some(at.day));
            let kind = log.kind_of(row);
            let failed = kind.status.is_failure() || named;
            t.failed += usize::from(failed);
            t.reworked += usize::from(fixes_incident);
            let leads = log.change_lead_minutes[log.changes_of(row)].iter().copied().filter(|m| *m > 0);
            if !self.detailed {
                leads.for_each(|m| t.leads.add(m));
                continue;
            }
            if failed {
                t.failed_rows.push(row);
            }
            let week = (self.week_offset + at.day) / 7;
            if week != at.week {
                t.weeks[at.week].lead_time_median_hours = median_minutes_as_hours(&mut at.week_leads);
                at.week_leads.clear();
                at.week = week;
            }
            t.weeks[week].deployments += 1;
            t.weeks[week].failed += usize::from(failed);
            let service = &mut t.services[usize::from(kind.service)];
            service.deployments += 1;
            service.failed += usize::from(failed);
            for m in leads {
                t.leads.add(m);
                at.week_leads.push(m);
                service.leads.push(m);
            }
        }
    }
}

/// Moves `position` in `pairs` (sorted by row) past `row`; whether any pair names it.
fn advance_to<T>(pairs: &[(u32, T)], position: &mut usize, row: usize) -> bool {
    let mut found = false;
    while let Some((r, _)) = pairs.get(*position) {
        match (*r as usize).cmp(&row) {
            std::cmp::Ordering::Less => {}
            std::cmp::Ordering::Equal => found = true,
            std::cmp::Ordering::Greater => break,
        }
        *position += 1;
    }
    found
}

impl Tally {
    fn figures(
        &mut self,
        context: &Context,
        window: &Window,
        restore: Vec<f64>,
        incidents: &HashMap<&str, &IncidentRecord>,
    ) -> Figures {
        let log = context.log;
        let days = window.days() as f64;
        let deployments = self.deployments;
        let rate = |count: usize| (deployments > 0).then(|| count as f64 / deployments as f64);
        // Recovery: few deployments cause incidents, so walk the incident links, not the rows.
        let recovery = log
            .caused
            .iter()
            .map(|(row, id)| (*row as usize, id))
            .filter(|(row, _)| self.rows.contains(row) && context.keeps(*row))
            .filter_map(|(row, id)| {
                let hours =
                    (incidents.get(id.as_str())?.resolved_at?.timestamp() - log.finished_at[row]) as f64 / 3600.0;
                (hours >= 0.0).then_some(hours)
            })
            .collect();
        Figures {
            deployments,
            deploy_days: self.deploy_days,
            deployments_per_day: deployments as f64 / days,
            deployments_per_week: deployments as f64 / window.weeks(),
            deployments_per_month: deployments as f64 / days * 30.0,
            deploy_days_per_week: self.deploy_days as f64 / window.weeks(),
            lead_time_hours: self.leads.distribution_hours(),
            change_failure_rate: rate(self.failed),
            failed_deployments: self.failed,
            time_to_restore_hours: Distribution::of(restore),
            failed_deployment_recovery_hours: Distribution::of(recovery),
            rework_rate: rate(self.reworked),
        }
    }
}

/// Hours to restore, over incidents of the filter's services that began in the window.
fn restore_times(
    filter: &Filter,
    calendar: &Calendar,
    window: &Window,
    incidents: &[IncidentRecord],
    excluded: &mut BTreeMap<String, usize>,
) -> Vec<f64> {
    let mut hours = Vec::new();
    for incident in incidents {
        let in_scope = incident.began().is_some_and(|t| calendar.contains(window, t))
            && (filter.services.is_empty() || incident.services.iter().any(|s| filter.keeps_service(s)));
        if !in_scope {
            continue;
        }
        match incident.restore_hours() {
            Some(h) if h >= 0.0 => hours.push(h),
            Some(_) => *excluded.entry("incidents resolved before they started".into()).or_insert(0) += 1,
            None => *excluded.entry("incidents not yet resolved (no time to restore)".into()).or_insert(0) += 1,
        }
    }
    hours
}

fn levels_of(filter: &Filter, f: &Figures) -> Levels {
    let year = filter.year;
    let recovery = if year.rates_time_to_restore() {
        f.time_to_restore_hours.median
    } else {
        f.failed_deployment_recovery_hours.median
    };
    Levels {
        year: year.label().to_owned(),
        deployment_frequency: levels::deployment_frequency(year, f.deployments_per_day),
        lead_time: f.lead_time_hours.median.map(|h| levels::lead_time(year, h)),
        change_failure_rate: f.change_failure_rate.map(|r| levels::change_failure_rate(year, r)),
        recovery: recovery.map(|h| levels::time_to_restore(year, h)),
    }
}

/// Used by the week chart's labels.
pub fn week_label(week: NaiveDate) -> String {
    week.format(model::dates::MONTH_DAY).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ReportYear;
    use chrono::{DateTime, Utc};
    use model::{Change, DeployStatus, Deployment, Severity};

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2026, 6, day).unwrap().and_hms_opt(hour, 0, 0).unwrap().and_utc()
    }

    fn deploy(id: &str, service: &str, day: u32, status: DeployStatus) -> Deployment {
        Deployment {
            deploy_id: id.into(),
            service: service.into(),
            environment: "production".into(),
            finished_at: at(day, 12),
            status,
            started_at: None,
            commit_sha: None,
            fixes_incident: None,
            extra: Default::default(),
            source: Default::default(),
        }
    }

    fn change(id: &str, deploy: &str, day: u32, hour: u32) -> Change {
        Change {
            change_id: id.into(),
            service: "s".into(),
            committed_at: at(day, hour),
            deploy_id: deploy.into(),
            extra: Default::default(),
            source: Default::default(),
        }
    }

    fn incident(id: &str, caused_by: &[&str], start: DateTime<Utc>, hours: i64) -> IncidentRecord {
        IncidentRecord {
            id: id.into(),
            services: vec!["checkout".into()],
            severity: Severity::Sev2,
            started_at: Some(start),
            detected_at: None,
            acknowledged_at: None,
            mitigated_at: None,
            resolved_at: Some(start + chrono::Duration::hours(hours)),
            caused_by_deploys: caused_by.iter().map(|s| s.to_string()).collect(),
            has_postmortem: true,
        }
    }

    fn june(services: &[&str]) -> Filter {
        Filter {
            window: Window::new(
                NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 6, 28).unwrap(),
            ),
            services: services.iter().map(|s| s.to_string()).collect(),
            environment: "production".into(),
            year: ReportYear::Y2023,
        }
    }

    fn example() -> (DeployLog, Vec<IncidentRecord>) {
        let mut staging = deploy("s1", "checkout", 3, DeployStatus::Failed);
        staging.environment = "staging".into();
        let mut hotfix = deploy("d4", "checkout", 5, DeployStatus::Success);
        hotfix.fixes_incident = Some("i1".into());
        let deploys = [
            deploy("d1", "checkout", 2, DeployStatus::Success),
            deploy("d2", "checkout", 3, DeployStatus::RolledBack),
            deploy("d3", "checkout", 4, DeployStatus::Success),
            hotfix,
            deploy("old", "search", 1, DeployStatus::Failed), // June 1st noon is in the window
            deploy("may", "checkout", 20, DeployStatus::Success),
            staging,
        ];
        let mut deploys = deploys.to_vec();
        deploys[5].finished_at = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap().and_hms_opt(12, 0, 0).unwrap().and_utc();
        let changes = [
            change("c1", "d1", 2, 10), // 2 h
            change("c2", "d1", 1, 12), // 24 h
            change("c3", "d3", 4, 12), // 0 h: not a lead time
            change("c4", "d3", 4, 6),  // 6 h
            change("c5", "nope", 4, 6),
        ];
        let (mut log, excluded) = DeployLog::build(&deploys, &changes);
        assert_eq!(excluded.values().sum::<usize>(), 1, "c5 names no deployment");
        // Two incidents name d3: it counts once. i1 began 1 h after d3 and took 3 h.
        let incidents = vec![incident("i1", &["d3"], at(4, 13), 3), incident("i2", &["d3"], at(4, 14), 1)];
        log.link_incidents(incidents.iter().map(|i| (i.id.as_str(), i.caused_by_deploys.as_slice())));
        (log, incidents)
    }

    #[test]
    fn hand_computed_figures() {
        let (log, incidents) = example();
        let dora = compute(&june(&[]), &Calendar::utc(), &log, &incidents);
        let f = &dora.current;
        assert_eq!(f.deployments, 5);
        assert_eq!(f.deploy_days, 5);
        assert_eq!(f.deployments_per_week, 5.0 / 4.0);
        assert_eq!(f.lead_time_hours.count, 3);
        assert_eq!(f.lead_time_hours.median, Some(6.0));
        assert_eq!(f.failed_deployments, 3, "d2 rolled back, old failed, d3 named twice counts once");
        assert_eq!(f.change_failure_rate, Some(3.0 / 5.0));
        assert_eq!(f.time_to_restore_hours.median, Some(2.0));
        assert_eq!(f.failed_deployment_recovery_hours.median, Some(3.5), "resolved − d3 finished: 4 h and 3 h");
        assert_eq!(f.rework_rate, Some(1.0 / 5.0));
        assert_eq!(dora.previous.deployments, 1, "the May 20th deploy is in the previous 28 days");
        assert_eq!(
            dora.failed_deployments.iter().map(|d| d.deploy_id.as_deref().unwrap()).collect::<Vec<_>>(),
            ["old", "d2", "d3"]
        );
        assert_eq!(dora.failed_deployments[2].incidents, ["i1", "i2"]);
        assert_eq!(dora.levels.deployment_frequency, Level::High, "5 in 4 weeks is between daily and weekly");
        assert_eq!(dora.weekly.iter().map(|w| w.deployments).collect::<Vec<_>>(), [5, 0, 0, 0]);
    }

    #[test]
    fn the_fourth_keys_level_follows_the_report_year_without_substitutes() {
        let (log, incidents) = example();
        let mut filter = june(&[]);
        // 2023: failed-deployment recovery, median 3.5 h (High); time to restore rates nothing.
        assert_eq!(compute(&filter, &Calendar::utc(), &log, &incidents).levels.recovery, Some(Level::High));
        filter.year = ReportYear::Y2021;
        // 2021: time to restore, median 2 h (High too, but from the other figure).
        let dora = compute(&filter, &Calendar::utc(), &log, &incidents);
        assert_eq!(dora.levels.recovery, Some(Level::High));
        // The search service's incidents name no deployment: 2023 has no recovery level, and
        // time to restore does not stand in for it.
        let mut filter = june(&["search"]);
        let unnamed: Vec<IncidentRecord> = incidents
            .iter()
            .cloned()
            .map(|i| IncidentRecord { services: vec!["search".into()], caused_by_deploys: Vec::new(), ..i })
            .collect();
        let mut unlinked = log.clone();
        unlinked.caused.clear();
        let dora = compute(&filter, &Calendar::utc(), &unlinked, &unnamed);
        assert!(dora.current.time_to_restore_hours.median.is_some());
        assert_eq!(dora.levels.recovery, None);
        filter.year = ReportYear::Y2021;
        assert!(compute(&filter, &Calendar::utc(), &unlinked, &unnamed).levels.recovery.is_some());
    }

    #[test]
    fn a_service_filter_narrows_everything() {
        let (log, incidents) = example();
        let dora = compute(&june(&["search"]), &Calendar::utc(), &log, &incidents);
        assert_eq!((dora.current.deployments, dora.current.failed_deployments), (1, 1));
        assert_eq!(dora.current.change_failure_rate, Some(1.0), "all failed");
        assert_eq!(dora.current.lead_time_hours.median, None);
        assert_eq!(dora.current.time_to_restore_hours.count, 0, "the incidents are checkout's");
        assert_eq!(dora.per_service.len(), 1);
    }

    #[test]
    fn empty_windows_have_no_rates() {
        let (log, incidents) = example();
        let mut filter = june(&[]);
        filter.window =
            Window::new(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2025, 1, 7).unwrap());
        let f = compute(&filter, &Calendar::utc(), &log, &incidents).current;
        assert_eq!(
            (f.deployments, f.change_failure_rate, f.lead_time_hours.median, f.rework_rate),
            (0, None, None, None)
        );
    }

    #[test]
    fn a_single_deployment_and_ties() {
        let deploys = [deploy("only", "checkout", 10, DeployStatus::Success)];
        let changes = [change("a", "only", 10, 10), change("b", "only", 10, 10), change("c", "only", 10, 8)];
        let (log, _) = DeployLog::build(&deploys, &changes);
        let f = compute(&june(&[]), &Calendar::utc(), &log, &[]).current;
        assert_eq!(f.deployments, 1);
        assert_eq!(f.lead_time_hours.median, Some(2.0), "2, 2, 4 hours");
        assert_eq!(f.lead_time_hours.p90, Some(3.6));
        assert_eq!(f.change_failure_rate, Some(0.0));
    }

    #[test]
    fn unresolved_and_backwards_incidents_are_excluded_and_counted() {
        let (log, mut incidents) = example();
        incidents.push(incident("i3", &[], at(6, 10), -2));
        let mut open = incident("i4", &[], at(6, 10), 1);
        open.resolved_at = None;
        incidents.push(open);
        let dora = compute(&june(&[]), &Calendar::utc(), &log, &incidents);
        assert_eq!(dora.excluded["incidents resolved before they started"], 1);
        assert_eq!(dora.excluded["incidents not yet resolved (no time to restore)"], 1);
        assert_eq!(dora.current.time_to_restore_hours.count, 2);
    }

    #[test]
    fn days_and_weeks_are_the_configured_time_zones() {
        let utc = |m, d, h, min| NaiveDate::from_ymd_opt(2026, m, d).unwrap().and_hms_opt(h, min, 0).unwrap().and_utc();
        let mut deploys = vec![
            deploy("sunday-night", "checkout", 7, DeployStatus::Success),
            deploy("monday", "checkout", 8, DeployStatus::Success),
            deploy("may-31", "checkout", 1, DeployStatus::Success),
        ];
        deploys[0].finished_at = utc(6, 7, 23, 30); // Monday 01:30 in Berlin
        deploys[2].finished_at = utc(5, 31, 22, 30); // June 1st 00:30 in Berlin
        let (log, _) = DeployLog::build(&deploys, &[]);
        let berlin = Calendar { zone: chrono_tz::Europe::Berlin, week_start: model::WeekStart::Monday };
        let in_utc = compute(&june(&[]), &Calendar::utc(), &log, &[]);
        let in_berlin = compute(&june(&[]), &berlin, &log, &[]);
        assert_eq!((in_utc.current.deployments, in_berlin.current.deployments), (2, 3), "May 31st 22:30 UTC is June");
        assert_eq!((in_utc.current.deploy_days, in_berlin.current.deploy_days), (2, 2));
        let weekly = |d: &Dora| d.weekly.iter().map(|w| w.deployments).collect::<Vec<_>>();
        assert_eq!(weekly(&in_utc), [1, 1, 0, 0]);
        assert_eq!(weekly(&in_berlin), [1, 2, 0, 0], "Sunday 23:30 UTC is Monday in Berlin");
    }
}
