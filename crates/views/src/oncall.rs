//! The on-call page (`/oncall`) and `firebreak report`'s on-call lines: the filter read from
//! the page's URL (rotation, team, window), a row per rotation, person and week, and each
//! limit of `[oncall]` a row is over, said with the limit.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use analytics::oncall::{
    AlertQuality, Breaches, Load, OncallData, OncallHealth, ResponderLoad, RotationLoad, Spread, WeekLoad,
};
use analytics::{Distribution, Window};
use model::OncallPolicy;
use model::suggest::did_you_mean;

use crate::alert_quality::AlertRow;
use crate::filter::{FilterError, window};
use crate::format::{format_hours, format_percent};

/// The filter as text, keyed as in the page's URL (`?since=&until=&rotation=&team=`). Empty
/// means "all" (the window: the 90 days ending on the as-of day, as everywhere).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OncallQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub since: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub until: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rotation: String,
    /// A team of `[people]`: its people's rows, and the rotations they are in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    /// `all`: every week's rows in the week-by-week table; empty: the latest [`RECENT_WEEKS`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub weeks: String,
}

/// How many of the latest weeks the week-by-week table shows unless the URL asks for all: a
/// month, the span an on-call review looks back over.
/// A year of a large organisation is hundreds of rows nobody reads at once, and rendering
/// them was most of the page's time (docs/benchmarks.md, On-call); the chart keeps every week.
pub const RECENT_WEEKS: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct OncallFilter {
    pub window: Window,
    pub rotation: Option<String>,
    pub team: Option<String>,
    /// Every week in the table, not only the latest [`RECENT_WEEKS`].
    pub all_weeks: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OncallFilterError {
    Window(FilterError),
    UnknownRotation { rotation: String, rotations: Vec<String> },
    UnknownTeam { team: String, teams: Vec<String> },
    Weeks(String),
}

/// "; did you mean `x`?", else the names there are.
fn known(word: &str, names: &[String]) -> String {
    match did_you_mean(word, names.iter().map(String::as_str)) {
        suggestion if !suggestion.is_empty() => suggestion,
        _ if names.is_empty() => ": there are none".to_owned(),
        _ => format!("; they are {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
    }
}

impl fmt::Display for OncallFilterError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            OncallFilterError::Window(e) => e.fmt(f),
            OncallFilterError::UnknownRotation { rotation, rotations } => {
                write!(f, "no shift of oncall.csv is in rotation `{rotation}`{}", known(rotation, rotations))
            }
            OncallFilterError::UnknownTeam { team, teams } => {
                write!(f, "nobody in [people] is on team `{team}`{}", known(team, teams))
            }
            OncallFilterError::Weeks(weeks) => {
                write!(f, "`weeks` is `all` (every week) or empty (the latest {RECENT_WEEKS}), not `{weeks}`")
            }
        }
    }
}

impl std::error::Error for OncallFilterError {}

/// Each name once, sorted.
fn distinct<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    names.collect::<BTreeSet<_>>().into_iter().cloned().collect()
}

/// Text that is blank means "no filter"; otherwise it must be one of `names`.
fn one_of(
    text: &str,
    names: &[String],
    unknown: impl Fn(String, Vec<String>) -> OncallFilterError,
) -> Result<Option<String>, OncallFilterError> {
    match text.trim() {
        "" => Ok(None),
        name if names.iter().any(|n| n == name) => Ok(Some(name.to_owned())),
        name => Err(unknown(name.to_owned(), names.to_vec())),
    }
}

impl OncallQuery {
    /// The filter these words describe among `choices`, as of `as_of`; names are exact.
    /// (The choices, not the data: the page reads them once, not on every filter change.)
    pub fn filter(&self, choices: &OncallChoices, as_of: NaiveDate) -> Result<OncallFilter, OncallFilterError> {
        let window = window(&self.since, &self.until, as_of).map_err(OncallFilterError::Window)?;
        let rotation = one_of(&self.rotation, &choices.rotations, |rotation, rotations| {
            OncallFilterError::UnknownRotation { rotation, rotations }
        })?;
        let team = one_of(&self.team, &choices.teams, |team, teams| OncallFilterError::UnknownTeam { team, teams })?;
        let all_weeks = match self.weeks.trim() {
            "" => false,
            "all" => true,
            other => return Err(OncallFilterError::Weeks(other.to_owned())),
        };
        Ok(OncallFilter { window, rotation, team, all_weeks })
    }
}

/// What the page's filter form offers: each rotation of `oncall.csv` and team of `[people]`
/// once, sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OncallChoices {
    pub rotations: Vec<String>,
    pub teams: Vec<String>,
}

impl OncallChoices {
    pub fn of(data: &OncallData) -> OncallChoices {
        OncallChoices {
            rotations: distinct(data.shifts.iter().map(|s| &s.rotation)),
            teams: distinct(data.people.values().map(|p| &p.team)),
        }
    }
}

/// A person's figures as a row: over the window, or over their time in one rotation.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponderRow {
    pub responder: String,
    /// "—" for someone `[people]` does not list.
    pub team: String,
    pub time_zone: String,
    pub pages: usize,
    /// "3 page(s) in 2 hour(s)", or "none".
    pub sleep: String,
    /// "0.36", or "—" without time on call.
    pub pages_per_12_hours: String,
    pub hours_on_call: String,
    pub on_call_share: String,
    /// "5 min (p90 9 min)", or "—" when nobody acknowledged.
    pub acknowledge: String,
    pub escalation_rate: String,
    pub false_pages: String,
    pub incident_share: String,
    /// Each limit the row is over, said with the limit; empty: within both.
    pub breaches: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RotationRow {
    pub rotation: String,
    pub pages: usize,
    pub sleep: String,
    pub pages_per_12_hours: String,
    pub hours_on_call: String,
    pub acknowledge: String,
    /// "1.25 (@aiko 5, median 4)"; "—" for the no-shift row.
    pub fairness_pages: String,
    pub fairness_sleep: String,
    pub breaches: Vec<String>,
}

/// A person's week in a rotation, its pages stacked by interruption class.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekRow {
    pub week: NaiveDate,
    pub rotation: String,
    pub responder: String,
    pub business: usize,
    pub off_hours: usize,
    pub sleep: usize,
    pub distinct_sleep_hours: usize,
    pub hours_on_call: String,
    pub pages_per_12_hours: String,
    /// Only the pages-per-12-hours limit: a weekly rotation is all of its week by design.
    pub breaches: Vec<String>,
}

/// Everything `/oncall` shows for one filter.
#[derive(Debug, Clone, PartialEq)]
pub struct OncallView {
    pub window: Window,
    /// "at most 2 pages per 12 h on call, on call at most 25 % of the time".
    pub limits: String,
    pub pages: usize,
    pub no_shift_pages: usize,
    pub rotations: Vec<RotationRow>,
    /// Over the window: everyone's; with a rotation, its people's time in it.
    pub people: Vec<ResponderRow>,
    /// Every week's rows the filter keeps, oldest first (the chart's).
    pub weeks: Vec<WeekRow>,
    /// How many of the oldest of `weeks` the table leaves out (see [`RECENT_WEEKS`]).
    pub weeks_hidden: usize,
}

/// The pages of the view's weeks added up per week, one series per interruption class, for
/// the stacked chart: every week from the first to the last, those without a page at 0.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeeklyLoad {
    /// Each week's Monday, "2026-11-02".
    pub weeks: Vec<String>,
    pub business: Vec<usize>,
    pub off_hours: Vec<usize>,
    pub sleep: Vec<usize>,
}

impl WeeklyLoad {
    pub fn of(weeks: &[WeekRow]) -> WeeklyLoad {
        let mut by_week: BTreeMap<NaiveDate, [usize; 3]> = BTreeMap::new();
        for w in weeks {
            let sums = by_week.entry(w.week).or_default();
            for (sum, pages) in sums.iter_mut().zip([w.business, w.off_hours, w.sleep]) {
                *sum += pages;
            }
        }
        // The quiet weeks between two with pages, so the bars keep to a time scale.
        let known: Vec<NaiveDate> = by_week.keys().copied().collect();
        for pair in known.windows(2) {
            let mut week = pair[0] + chrono::Days::new(7);
            while week < pair[1] {
                by_week.insert(week, [0; 3]);
                week = week + chrono::Days::new(7);
            }
        }
        let mut load = WeeklyLoad::default();
        for (week, [business, off_hours, sleep]) in by_week {
            load.weeks.push(week.to_string());
            load.business.push(business);
            load.off_hours.push(off_hours);
            load.sleep.push(sleep);
        }
        load
    }
}

/// "5 min (p90 9 min)" from minutes.
fn acknowledge(minutes: &Distribution) -> String {
    let text = |m: Option<f64>| format_hours(m.map(|m| m / 60.0));
    match minutes.median {
        None => "—".to_owned(),
        Some(_) => format!("{} (p90 {})", text(minutes.median), text(minutes.p90)),
    }
}

fn sleep(load: &Load) -> String {
    match load.interruptions.sleep {
        0 => "none".to_owned(),
        pages => format!("{pages} page(s) in {} hour(s)", load.distinct_sleep_hours),
    }
}

fn rate(rate: Option<f64>) -> String {
    rate.map_or("—".to_owned(), |rate| format!("{rate:.2}"))
}

fn hours(load: &Load) -> String {
    format!("{:.1} h", load.hours_on_call)
}

/// Each breached limit with its value: "over 2 pages per 12 h on call".
pub fn breaches(breaches: &Breaches, limits: &OncallPolicy) -> Vec<String> {
    let mut said = Vec::new();
    if breaches.pages_per_12_hours {
        said.push(format!("over {} pages per 12 h on call", limits.max_pages_per_12_hours));
    }
    if breaches.on_call_share {
        said.push(format!("on call over {:.0} % of the time", limits.max_on_call_share * 100.0));
    }
    said
}

/// The limits as the page heads its tables with them.
pub fn limits(limits: &OncallPolicy) -> String {
    format!(
        "at most {} pages per 12 h on call, on call at most {:.0} % of the time",
        limits.max_pages_per_12_hours,
        limits.max_on_call_share * 100.0
    )
}

/// "1.25 (@aiko 5, median 4)", or "— (@cara 3, median 0)" where no ratio exists.
fn fairness(spread: Option<&Spread>) -> String {
    let Some(s) = spread else { return "—".to_owned() };
    let ratio = s.max_over_median.map_or("—".to_owned(), |r| format!("{r:.2}"));
    format!("{ratio} ({} {}, median {})", s.most, s.max, s.median)
}

impl ResponderRow {
    /// `who` for their team and zone, `load` for the figures.
    pub fn of(who: &ResponderLoad, load: &Load, limits: &OncallPolicy) -> ResponderRow {
        ResponderRow {
            responder: who.responder.clone(),
            team: who.team.clone().unwrap_or_else(|| "—".to_owned()),
            time_zone: who.time_zone.clone(),
            pages: load.pages,
            sleep: sleep(load),
            pages_per_12_hours: rate(load.pages_per_12_hours),
            hours_on_call: hours(load),
            on_call_share: format_percent(load.on_call_share),
            acknowledge: acknowledge(&load.time_to_acknowledge_minutes),
            escalation_rate: format_percent(load.escalation_rate),
            false_pages: format_percent(load.false_page_rate),
            incident_share: format_percent(load.incident_share),
            breaches: breaches(&load.breaches, limits),
        }
    }
}

impl RotationRow {
    pub fn of(r: &RotationLoad, limits: &OncallPolicy) -> RotationRow {
        RotationRow {
            rotation: r.rotation.clone(),
            pages: r.load.pages,
            sleep: sleep(&r.load),
            pages_per_12_hours: rate(r.load.pages_per_12_hours),
            hours_on_call: hours(&r.load),
            acknowledge: acknowledge(&r.load.time_to_acknowledge_minutes),
            fairness_pages: fairness(r.fairness.as_ref().map(|f| &f.pages)),
            fairness_sleep: fairness(r.fairness.as_ref().map(|f| &f.sleep_interruptions)),
            breaches: breaches(&r.load.breaches, limits),
        }
    }
}

impl WeekRow {
    pub fn of(w: &WeekLoad, limits: &OncallPolicy) -> WeekRow {
        let i = w.load.interruptions;
        WeekRow {
            week: w.week,
            rotation: w.rotation.clone(),
            responder: w.responder.clone(),
            business: i.business,
            off_hours: i.off_hours,
            sleep: i.sleep,
            distinct_sleep_hours: w.load.distinct_sleep_hours,
            hours_on_call: hours(&w.load),
            pages_per_12_hours: rate(w.load.pages_per_12_hours),
            breaches: breaches(&w.load.breaches, limits),
        }
    }
}

impl OncallView {
    /// The rows of `health` (computed over `filter.window`) that the filter keeps.
    pub fn of(health: &OncallHealth, filter: &OncallFilter) -> OncallView {
        let limits = &health.limits;
        // Responders are sorted by handle: a binary search, not a walk, for each row kept.
        let who = |responder: &str| {
            let at = health.responders.binary_search_by(|r| r.responder.as_str().cmp(responder));
            at.ok().map(|i| &health.responders[i])
        };
        let in_team = |responder: &str| {
            filter.team.as_deref().is_none_or(|team| who(responder).and_then(|r| r.team.as_deref()) == Some(team))
        };
        let in_rotation = |rotation: &str| filter.rotation.as_deref().is_none_or(|r| r == rotation);
        let rotations: Vec<&RotationLoad> = health
            .rotations
            .iter()
            .filter(|r| in_rotation(&r.rotation) && r.people.iter().any(|p| in_team(&p.responder)))
            .collect();
        let people = match &filter.rotation {
            None => health
                .responders
                .iter()
                .filter(|r| in_team(&r.responder))
                .map(|r| ResponderRow::of(r, &r.load, limits))
                .collect(),
            Some(_) => rotations
                .iter()
                .flat_map(|r| &r.people)
                .filter(|p| in_team(&p.responder))
                .filter_map(|p| Some(ResponderRow::of(who(&p.responder)?, &p.load, limits)))
                .collect(),
        };
        OncallView {
            window: health.window,
            limits: self::limits(limits),
            pages: health.pages,
            no_shift_pages: health.no_shift_pages,
            rotations: rotations.into_iter().map(|r| RotationRow::of(r, limits)).collect(),
            people,
            weeks: health
                .weeks
                .iter()
                .filter(|w| in_rotation(&w.rotation) && in_team(&w.responder))
                .map(|w| WeekRow::of(w, limits))
                .collect(),
            weeks_hidden: 0,
        }
        .with_week_table(filter.all_weeks)
    }

    /// The rows of the week-by-week table: the latest [`RECENT_WEEKS`] weeks', or all.
    pub fn week_table(&self) -> &[WeekRow] {
        &self.weeks[self.weeks_hidden..]
    }

    fn with_week_table(mut self, all_weeks: bool) -> OncallView {
        if !all_weeks {
            let mut recent: Vec<NaiveDate> = self.weeks.iter().map(|w| w.week).collect();
            recent.dedup();
            let first = recent.len().checked_sub(RECENT_WEEKS).map(|i| recent[i]);
            self.weeks_hidden = first.map_or(0, |first| self.weeks.partition_point(|w| w.week < first));
        }
        self
    }
}

/// `firebreak report`'s on-call lines: the load, the alerts, then each person over the window.
pub fn report_lines(health: &OncallHealth, quality: &AlertQuality) -> Vec<String> {
    let sleep: usize = health.responders.iter().map(|r| r.load.interruptions.sleep).sum();
    let over: Vec<&str> = health
        .responders
        .iter()
        .filter(|r| r.load.breaches.pages_per_12_hours || r.load.breaches.on_call_share)
        .map(|r| r.responder.as_str())
        .collect();
    let over =
        if over.is_empty() { "nobody over a limit".to_owned() } else { format!("over a limit: {}", over.join(", ")) };
    let noisiest = quality
        .alerts
        .first()
        .map(|a| format!(", noisiest {} ({} page(s), {} actionable)", a.alert, a.pages, AlertRow::of(a).actionable))
        .unwrap_or_default();
    let mut lines = vec![
        format!(
            "on-call: {} page(s), {sleep} in sleep hours, {} on no shift; {over}",
            health.pages, health.no_shift_pages
        ),
        format!(
            "alerts: {} paged{noisiest}; {} quiet, {} without a runbook",
            quality.alerts.len(),
            quality.quiet.len(),
            quality.uncovered.len()
        ),
    ];
    for r in &health.responders {
        let row = ResponderRow::of(r, &r.load, &health.limits);
        let over = if row.breaches.is_empty() { String::new() } else { format!("; {}", row.breaches.join(", ")) };
        lines.push(format!(
            "oncall {}: {} page(s), {} per 12 h on call, {} of the window on call, sleep {}, acknowledged {}{over}",
            row.responder, row.pages, row.pages_per_12_hours, row.on_call_share, row.sleep, row.acknowledge
        ));
    }
    lines
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use analytics::oncall::{alert_quality, oncall_health};
    use model::{Alert, Config, Page, Person, RunbookSummary, Shift};
    use serde_json::json;

    fn page(id: &str, alert: &str, responder: &str, at: &str, acknowledged: Option<&str>) -> Page {
        serde_json::from_value(json!({
            "page_id": id, "alert": alert, "service": "checkout", "responder": responder, "urgency": "high",
            "triggered_at": at, "acknowledged_at": acknowledged, "actionable": id != "p1",
        }))
        .unwrap()
    }

    fn shift(rotation: &str, responder: &str, start: &str, end: &str) -> Shift {
        serde_json::from_value(json!({
            "rotation": rotation, "responder": responder, "level": "primary", "start": start, "end": end,
        }))
        .unwrap()
    }

    fn config() -> Config {
        let mut config = Config::default();
        config.people.insert("@aiko".into(), Person { team: "payments".into(), time_zone: Some("Asia/Tokyo".into()) });
        config.people.insert("@cara".into(), Person::from("ledger"));
        config
    }

    fn pages() -> Vec<Page> {
        vec![
            // 23:10 and 23:40 on Monday in Tokyo: one hour of sleep broken twice; p1 not actionable.
            page("p1", "Noisy", "@aiko", "2026-06-01T14:10:00Z", Some("2026-06-01T14:14:00Z")),
            page("p2", "Noisy", "@aiko", "2026-06-01T14:40:00Z", Some("2026-06-01T14:50:00Z")),
            // Tuesday 10:00 UTC (Ben has no zone of his own): business hours.
            page("p3", "Covered", "@ben", "2026-06-02T10:00:00Z", None),
            // Wednesday 19:00 UTC: off hours.
            page("p4", "Covered", "@cara", "2026-06-03T19:00:00Z", Some("2026-06-03T19:03:00Z")),
        ]
    }

    fn shifts() -> Vec<Shift> {
        vec![
            // 84 hours: half of the week.
            shift("payments", "@aiko", "2026-06-01T00:00:00Z", "2026-06-04T12:00:00Z"),
            shift("payments", "@ben", "2026-06-02T09:30:00Z", "2026-06-02T10:30:00Z"),
            shift("ledger", "@cara", "2026-06-03T12:00:00Z", "2026-06-04T00:00:00Z"),
        ]
    }

    const AS_OF: &str = "2026-06-07";

    fn query(text: &str) -> OncallQuery {
        serde_json::from_value(serde_json::from_str::<serde_json::Value>(text).unwrap()).unwrap()
    }

    fn filtered(q: &str) -> Result<OncallFilter, OncallFilterError> {
        let (config, pages, shifts) = (config(), pages(), shifts());
        query(q).filter(&OncallChoices::of(&OncallData::new(&pages, &shifts, &config)), AS_OF.parse().unwrap())
    }

    /// The week of 2026-06-01, as the page computes it.
    pub(crate) fn figures() -> (OncallHealth, AlertQuality) {
        let (config, pages, shifts) = (config(), pages(), shifts());
        let data = OncallData::new(&pages, &shifts, &config);
        let window = Window::new("2026-06-01".parse().unwrap(), AS_OF.parse().unwrap());
        let alerts = [Alert { name: "Quiet".into(), service: None, source: Default::default() }];
        let runbooks: Vec<RunbookSummary> = vec![
            serde_json::from_value(json!({
                "slug": "checkout-errors", "path": "content/runbooks/checkout-errors.md", "words": 10,
                "meta": {"title": "T", "service": "checkout", "owner": "@aiko", "last_reviewed": "2026-05-01", "alerts": ["Covered"]},
            }))
            .unwrap(),
        ];
        (oncall_health(&data, &window, &config.oncall), alert_quality(&data, &window, &alerts, &runbooks))
    }

    fn view(rotation: Option<&str>, team: Option<&str>) -> OncallView {
        let (health, _) = figures();
        let filter = OncallFilter {
            window: health.window,
            rotation: rotation.map(str::to_owned),
            team: team.map(str::to_owned),
            all_weeks: false,
        };
        OncallView::of(&health, &filter)
    }

    #[test]
    fn a_responder_row_says_their_nights_and_their_breaches_with_the_limits() {
        let view = view(None, None);
        let aiko = &view.people[0];
        assert_eq!((aiko.team.as_str(), aiko.time_zone.as_str(), aiko.pages), ("payments", "Asia/Tokyo", 2));
        assert_eq!(aiko.sleep, "2 page(s) in 1 hour(s)");
        // 2 pages in 84 hours: 2 ÷ 7 per 12 hours; 84 of the week's 168 hours.
        assert_eq!(
            (aiko.pages_per_12_hours.as_str(), aiko.hours_on_call.as_str(), aiko.on_call_share.as_str()),
            ("0.29", "84.0 h", "50.0 %")
        );
        // 4 and 10 minutes: median 7, p90 4 + 0.9 × 6 = 9.4.
        assert_eq!(aiko.acknowledge, "7 min (p90 9 min)");
        assert_eq!((aiko.false_pages.as_str(), aiko.escalation_rate.as_str()), ("50.0 %", "0.0 %"));
        assert_eq!(aiko.breaches, ["on call over 25 % of the time"]);
        let ben = &view.people[1];
        assert_eq!((ben.team.as_str(), ben.time_zone.as_str(), ben.sleep.as_str()), ("—", "UTC", "none"));
        // One page in one hour on call: 12 per 12 hours.
        assert_eq!((ben.acknowledge.as_str(), ben.pages_per_12_hours.as_str()), ("—", "12.00"));
        assert_eq!(ben.breaches, ["over 2 pages per 12 h on call"]);
        assert!(view.people[2].breaches.is_empty(), "Cara: 1 page in 12 hours, 12 of 168 hours");
        assert_eq!(view.limits, "at most 2 pages per 12 h on call, on call at most 25 % of the time");
    }

    #[test]
    fn rotation_rows_weigh_fairness_across_their_people() {
        let view = view(None, None);
        let rows: Vec<(&str, &str, &str)> = view
            .rotations
            .iter()
            .map(|r| (r.rotation.as_str(), r.fairness_pages.as_str(), r.fairness_sleep.as_str()))
            .collect();
        // Payments: pages 2 and 1 (median 1.5), sleep 2 and 0 (median 1); ledger: Cara alone.
        assert_eq!(
            rows,
            [
                ("ledger", "1.00 (@cara 1, median 1)", "— (@cara 0, median 0)"),
                ("payments", "1.33 (@aiko 2, median 1.5)", "2.00 (@aiko 2, median 1)"),
            ]
        );
        // 3 pages in 85 hours.
        assert_eq!(
            (view.rotations[1].pages_per_12_hours.as_str(), view.rotations[1].hours_on_call.as_str()),
            ("0.42", "85.0 h")
        );
    }

    #[test]
    fn week_rows_stack_each_persons_pages_by_class() {
        let view = view(None, None);
        let rows: Vec<(&str, &str, [usize; 4], &str)> = view
            .weeks
            .iter()
            .map(|w| {
                (
                    w.rotation.as_str(),
                    w.responder.as_str(),
                    [w.business, w.off_hours, w.sleep, w.distinct_sleep_hours],
                    w.pages_per_12_hours.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("ledger", "@cara", [0, 1, 0, 0], "1.00"),
                ("payments", "@aiko", [0, 0, 2, 1], "0.29"),
                ("payments", "@ben", [1, 0, 0, 0], "12.00")
            ]
        );
        assert!(view.weeks.iter().all(|w| w.week == "2026-06-01".parse::<NaiveDate>().unwrap()));
        // A week's share is not judged: Aiko's 50 % is no breach there.
        assert!(view.weeks[1].breaches.is_empty());
        assert_eq!(view.weeks[2].breaches, ["over 2 pages per 12 h on call"]);
    }

    #[test]
    fn a_rotation_shows_its_people_in_it_and_a_team_its_own_people() {
        let payments = view(Some("payments"), None);
        assert_eq!(payments.rotations.iter().map(|r| r.rotation.as_str()).collect::<Vec<_>>(), ["payments"]);
        assert_eq!(payments.people.iter().map(|p| p.responder.as_str()).collect::<Vec<_>>(), ["@aiko", "@ben"]);
        assert_eq!(payments.weeks.len(), 2);
        let team = view(None, Some("payments"));
        assert_eq!(
            team.people.iter().map(|p| p.responder.as_str()).collect::<Vec<_>>(),
            ["@aiko"],
            "Ben is on no team"
        );
        assert_eq!(team.rotations.iter().map(|r| r.rotation.as_str()).collect::<Vec<_>>(), ["payments"]);
        assert_eq!(team.weeks.iter().map(|w| w.responder.as_str()).collect::<Vec<_>>(), ["@aiko"]);
        let neither = view(Some("payments"), Some("ledger"));
        assert!(neither.rotations.is_empty() && neither.people.is_empty() && neither.weeks.is_empty());
        assert_eq!((neither.pages, neither.no_shift_pages), (4, 0), "the totals stay the window's");
    }

    #[test]
    fn the_weekly_load_adds_up_each_class_and_keeps_quiet_weeks_between() {
        let week = |day: &str, business, off_hours, sleep| WeekRow {
            week: day.parse().unwrap(),
            business,
            off_hours,
            sleep,
            ..view(None, None).weeks[0].clone()
        };
        let rows = [week("2026-06-15", 1, 0, 2), week("2026-06-01", 0, 3, 0), week("2026-06-15", 2, 1, 0)];
        let load = WeeklyLoad::of(&rows);
        assert_eq!(load.weeks, ["2026-06-01", "2026-06-08", "2026-06-15"]);
        assert_eq!((load.business, load.off_hours, load.sleep), (vec![0, 0, 3], vec![3, 0, 1], vec![0, 0, 2]));
        assert_eq!(WeeklyLoad::of(&[]), WeeklyLoad::default());
        let all = WeeklyLoad::of(&view(None, None).weeks);
        assert_eq!((all.weeks.len(), all.business[0] + all.off_hours[0] + all.sleep[0]), (1, 4));
    }

    #[test]
    fn the_filter_reads_the_window_and_knows_the_rotations_and_teams() {
        let all = filtered("{}").unwrap();
        assert_eq!((all.window, all.rotation, all.team), (Window::ending(AS_OF.parse().unwrap(), 90), None, None));
        let (pages, shifts, config) = (pages(), shifts(), config());
        let choices = OncallChoices::of(&OncallData::new(&pages, &shifts, &config));
        assert_eq!(
            (choices.rotations, choices.teams),
            (vec!["ledger".into(), "payments".into()], vec!["ledger".into(), "payments".into()])
        );
        let some = filtered(r#"{"since": "2026-06-01", "rotation": " ledger ", "team": "payments"}"#).unwrap();
        assert_eq!(
            (some.window.days(), some.rotation.as_deref(), some.team.as_deref()),
            (7, Some("ledger"), Some("payments"))
        );
        let said = |q: &str| filtered(q).unwrap_err().to_string();
        assert_eq!(
            said(r#"{"rotation": "paymnts"}"#),
            "no shift of oncall.csv is in rotation `paymnts`; did you mean `payments`?"
        );
        assert_eq!(
            said(r#"{"rotation": "search"}"#),
            "no shift of oncall.csv is in rotation `search`; they are `ledger`, `payments`"
        );
        assert_eq!(
            said(r#"{"team": "Identity"}"#),
            "nobody in [people] is on team `Identity`; they are `ledger`, `payments`"
        );
        assert_eq!(said(r#"{"since": "2026-06-09"}"#), "the window starts on 2026-06-09, after it ends on 2026-06-07");
        assert!(filtered(r#"{"weeks": "all"}"#).unwrap().all_weeks && !all.all_weeks);
        assert_eq!(said(r#"{"weeks": "12"}"#), "`weeks` is `all` (every week) or empty (the latest 4), not `12`");
    }

    #[test]
    fn the_week_table_keeps_the_latest_weeks_unless_all_are_asked_for() {
        let row = view(None, None).weeks[0].clone();
        let monday: NaiveDate = "2026-01-05".parse().unwrap();
        // Ten weeks, two rows in each: the table keeps the last four weeks' eight rows.
        let weeks = (0..10u64)
            .flat_map(|n| [n, n].map(|n| WeekRow { week: monday + chrono::Days::new(7 * n), ..row.clone() }))
            .collect();
        let ten_weeks = OncallView { weeks, ..view(None, None) };
        let recent = ten_weeks.clone().with_week_table(false);
        assert_eq!((recent.weeks_hidden, recent.week_table().len(), recent.weeks.len()), (12, 8, 20));
        assert_eq!(recent.week_table()[0].week, monday + chrono::Days::new(42));
        assert_eq!(ten_weeks.with_week_table(true).week_table().len(), 20);
        // Fewer weeks than that: nothing is left out.
        assert_eq!(view(None, None).weeks_hidden, 0);
    }

    #[test]
    fn the_report_says_the_load_and_the_alerts_then_each_person() {
        let (health, quality) = figures();
        assert_eq!(
            report_lines(&health, &quality),
            [
                "on-call: 4 page(s), 2 in sleep hours, 0 on no shift; over a limit: @aiko, @ben",
                "alerts: 2 paged, noisiest Noisy (2 page(s), 50.0 % actionable); 1 quiet, 1 without a runbook",
                "oncall @aiko: 2 page(s), 0.29 per 12 h on call, 50.0 % of the window on call, sleep 2 page(s) in 1 hour(s), acknowledged 7 min (p90 9 min); on call over 25 % of the time",
                "oncall @ben: 1 page(s), 12.00 per 12 h on call, 0.6 % of the window on call, sleep none, acknowledged —; over 2 pages per 12 h on call",
                "oncall @cara: 1 page(s), 1.00 per 12 h on call, 7.1 % of the window on call, sleep none, acknowledged 3 min (p90 3 min)",
            ]
        );
    }
}
