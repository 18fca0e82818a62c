//! The monthly digest: what a month added to the team's learning — new postmortems, action
//! items opened and closed, incidents — and how the DORA figures moved against the month
//! before. Months are calendar months in the site's time zone.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Figures, Filter, Prepared, Window, dora};
use model::ActionStatus;
use model::bundle::Site;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// The month's first day.
    pub month: NaiveDate,
    /// The month, ending on the as-of day for the current month.
    pub window: Window,
    /// Postmortems dated in the month, newest first (ids).
    pub postmortems: Vec<String>,
    /// Action items of those postmortems.
    pub opened: Vec<ItemRef>,
    /// Action items completed in the month (by their completion date).
    pub closed: Vec<ItemRef>,
    /// Done items anywhere without a completion date: they cannot be placed in a month.
    pub closed_undated: usize,
    /// Incidents that began in the month (postmortems and `incidents.csv`).
    pub incidents: usize,
    /// The DORA figures of the month before and of this month, production, every service;
    /// `views::headline` picks the headline figures from them.
    pub dora_before: Figures,
    pub dora: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRef {
    pub postmortem: String,
    pub number: String,
    pub text: String,
    pub owner: String,
}

/// The first day of every month from the oldest postmortem's to the as-of day's, newest
/// first; only the as-of month when there are no postmortems.
pub fn digest_months(site: &Site, as_of: NaiveDate) -> Vec<NaiveDate> {
    let last = first_of(as_of);
    let first = site.postmortems.iter().map(|p| first_of(p.meta.date)).min().unwrap_or(last).min(last);
    let mut months = Vec::new();
    let mut month = last;
    while month >= first {
        months.push(month);
        month = month - Months::new(1);
    }
    months
}

pub fn first_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).expect("every month has a first day")
}

/// The digest of the month starting on `month` (a first day), as of `as_of`.
pub fn digest(site: &Site, prepared: &Prepared, month: NaiveDate, as_of: NaiveDate) -> Digest {
    let window = month_window(month, as_of);
    let in_month = |day: NaiveDate| day >= window.since && day <= window.until;
    let item = |pm: &str, i: &model::ActionItem| ItemRef {
        postmortem: pm.to_owned(),
        number: i.number.clone(),
        text: i.text.clone(),
        owner: i.owner.clone(),
    };
    let new: Vec<_> = site.postmortems.iter().filter(|p| in_month(p.meta.date)).collect();
    let opened = new.iter().flat_map(|p| p.action_items.iter().map(|i| item(&p.meta.id, i))).collect();
    let mut closed = Vec::new();
    let mut closed_undated = 0;
    for pm in &site.postmortems {
        for i in pm.action_items.iter().filter(|i| i.status == ActionStatus::Done) {
            match i.completed_on {
                Some(day) if in_month(day) => closed.push(item(&pm.meta.id, i)),
                Some(_) => {}
                None => closed_undated += 1,
            }
        }
    }
    let incidents = prepared
        .incidents
        .iter()
        .filter_map(|i| i.started_at.or(i.detected_at))
        .filter(|t| in_month(prepared.calendar.date_of(*t)))
        .count();
    let figures = |window: Window| {
        let filter = Filter { window, ..Filter::default_for(window.until) };
        dora::compute(&filter, &prepared.calendar, &site.deploys, &prepared.incidents).current
    };
    let previous = month - Months::new(1);
    Digest {
        month,
        window,
        postmortems: new.iter().map(|p| p.meta.id.clone()).collect(),
        opened,
        closed,
        closed_undated,
        incidents,
        dora_before: figures(month_window(previous, as_of)),
        dora: figures(window),
    }
}

/// The month from its first day to its last, or to `as_of` if that comes first.
fn month_window(month: NaiveDate, as_of: NaiveDate) -> Window {
    let last = month + Months::new(1) - chrono::Days::new(1);
    Window::new(month, last.min(as_of.max(month)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{ActionItem, DeployLog, PostmortemSummary, Severity};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn item(number: &str, status: ActionStatus, completed: Option<&str>) -> ActionItem {
        ActionItem { completed_on: completed.map(day), ..ActionItem::example(number, status) }
    }

    /// Two production deployments in October; three in November, one rolled back.
    fn deploys() -> DeployLog {
        let deploy = |id: &str, at: &str, status: &str| -> model::Deployment {
            serde_json::from_value(serde_json::json!({
                "deploy_id": id, "service": "checkout", "environment": "production", "finished_at": at, "status": status
            }))
            .unwrap()
        };
        let deployments = [
            deploy("o1", "2026-10-02T10:00:00Z", "success"),
            deploy("o2", "2026-10-20T10:00:00Z", "success"),
            deploy("n1", "2026-11-02T10:00:00Z", "success"),
            deploy("n2", "2026-11-10T10:00:00Z", "rolled_back"),
            deploy("n3", "2026-11-30T23:00:00Z", "success"),
        ];
        DeployLog::build(&deployments, &[]).0
    }

    fn site() -> Site {
        let mut site = Site { deploys: deploys(), ..Site::default() };
        let mut october = PostmortemSummary::example("oct", day("2026-10-05"), Severity::Sev2);
        october.action_items = vec![
            item("1", ActionStatus::Done, Some("2026-11-03")),
            item("2", ActionStatus::Pending, None),
            item("3", ActionStatus::Done, None),
        ];
        let mut november = PostmortemSummary::example("nov", day("2026-11-20"), Severity::Sev1);
        november.action_items = vec![item("1", ActionStatus::Done, Some("2026-11-30"))];
        let december = PostmortemSummary::example("dec", day("2026-12-01"), Severity::Sev3);
        site.postmortems = vec![december, november, october];
        site
    }

    #[test]
    fn months_run_from_the_oldest_postmortem_to_the_as_of_month() {
        let months = digest_months(&site(), day("2026-12-02"));
        assert_eq!(months, [day("2026-12-01"), day("2026-11-01"), day("2026-10-01")]);
        assert_eq!(digest_months(&Site::default(), day("2026-12-02")), [day("2026-12-01")]);
    }

    #[test]
    fn a_month_gathers_its_postmortems_and_the_items_opened_and_closed_in_it() {
        let site = site();
        let prepared = Prepared::new(&site);
        let november = digest(&site, &prepared, day("2026-11-01"), day("2026-12-02"));
        assert_eq!(november.window, Window::new(day("2026-11-01"), day("2026-11-30")));
        assert_eq!(november.postmortems, ["nov"]);
        assert_eq!(november.opened.len(), 1);
        let closed: Vec<(&str, &str)> =
            november.closed.iter().map(|i| (i.postmortem.as_str(), i.number.as_str())).collect();
        assert_eq!(closed, [("nov", "1"), ("oct", "1")], "by completion date, whichever incident they came from");
        assert_eq!(november.closed_undated, 1);
        assert_eq!(november.incidents, 0, "no start times recorded");
        // Deployments a week: 2 in October's 31 days, 3 in November's 30; failures 0 → 1 of 3.
        let (before, after) = (november.dora_before.deployments_per_week, november.dora.deployments_per_week);
        assert!((before - 2.0 / (31.0 / 7.0)).abs() < 1e-9, "{before:?}");
        assert!((after - 3.0 / (30.0 / 7.0)).abs() < 1e-9, "{after:?}");
        assert_eq!(november.dora_before.change_failure_rate, Some(0.0));
        assert_eq!(november.dora.change_failure_rate, Some(1.0 / 3.0));

        let october = digest(&site, &prepared, day("2026-10-01"), day("2026-12-02"));
        assert_eq!(october.opened.len(), 3);
        assert!(october.closed.is_empty());
        // The current month ends on the as-of day.
        let december = digest(&site, &prepared, day("2026-12-01"), day("2026-12-02"));
        assert_eq!(december.window.until, day("2026-12-02"));
        assert_eq!(december.postmortems, ["dec"]);
    }
}
