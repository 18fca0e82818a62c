//! Hand-computed on-call figures: a responder in Tokyo, one in Los Angeles, one without a
//! zone of their own (the site's, UTC), over two weeks of June 2026.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

use super::*;
use crate::{Calendar, Window};
use model::{OncallPolicy, Page, Person, RowSource, Shift, ShiftLevel, Urgency};

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// An unacknowledged page with nothing else known, to adjust.
pub fn page(id: &str, responder: &str, triggered_at: &str) -> Page {
    Page {
        page_id: id.into(),
        alert: "CheckoutHighErrorRate".into(),
        service: "checkout".into(),
        responder: responder.into(),
        urgency: Urgency::High,
        triggered_at: at(triggered_at),
        acknowledged_at: None,
        resolved_at: None,
        escalated: false,
        incident_id: None,
        actionable: None,
        auto_resolved: false,
        extra: BTreeMap::new(),
        source: RowSource { path: "pages.csv".into(), line: 2 },
    }
}

pub fn acknowledged(mut page: Page, minutes: i64) -> Page {
    page.acknowledged_at = Some(page.triggered_at + chrono::Duration::minutes(minutes));
    page
}

fn shift(rotation: &str, responder: &str, start: &str, end: &str) -> Shift {
    Shift {
        rotation: rotation.into(),
        responder: responder.into(),
        level: ShiftLevel::Primary,
        start: at(start),
        end: at(end),
        source: RowSource { path: "oncall.csv".into(), line: 2 },
    }
}

pub fn people() -> BTreeMap<String, Person> {
    let person = |zone: &str| Person { team: "payments".into(), time_zone: Some(zone.into()) };
    BTreeMap::from([("@aiko".into(), person("Asia/Tokyo")), ("@ben".into(), person("America/Los_Angeles"))])
}

fn pages() -> Vec<Page> {
    let mut a1 = acknowledged(page("a1", "@aiko", "2026-06-01T13:00:00Z"), 4); // Mon 22:00 Tokyo: sleep
    a1.actionable = Some(true);
    a1.incident_id = Some("INC-1".into());
    let mut a2 = acknowledged(page("a2", "@aiko", "2026-06-01T23:00:00Z"), 2); // Tue 08:00: business
    a2.actionable = Some(true);
    let mut a3 = acknowledged(page("a3", "@aiko", "2026-06-02T17:10:00Z"), 10); // Wed 02:10: sleep
    a3.actionable = Some(false);
    let mut a4 = page("a4", "@aiko", "2026-06-02T17:50:00Z"); // Wed 02:50: the same hour of sleep
    a4.auto_resolved = true;
    let mut a5 = acknowledged(page("a5", "@aiko", "2026-06-03T09:00:00Z"), 6); // Wed 18:00: off hours
    a5.escalated = true;
    vec![
        a1,
        a2,
        a3,
        a4,
        a5,
        page("b1", "@ben", "2026-06-09T05:00:00Z"), // Mon 22:00 in Los Angeles (PDT): sleep
        page("b2", "@ben", "2026-06-09T15:00:00Z"), // Tue 08:00: business
        page("b3", "@ben", "2026-06-13T17:00:00Z"), // Sat 10:00: off hours
        page("b4", "@ben", "2026-06-15T00:00:00Z"), // the first instant after the window
        page("c1", "@cara", "2026-06-05T12:00:00Z"), // Fri 12:00 UTC: business
        page("c2", "@cara", "2026-06-05T19:00:00Z"), // off hours
        page("c3", "@cara", "2026-06-05T23:30:00Z"), // sleep
        page("c4", "@cara", "2026-06-10T03:00:00Z"), // on no shift
    ]
}

fn shifts() -> Vec<Shift> {
    vec![
        shift("payments", "@ben", "2026-05-25T00:00:00Z", "2026-06-01T00:00:00Z"), // ends as the window begins
        shift("payments", "@aiko", "2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z"),
        shift("payments", "@ben", "2026-06-08T00:00:00Z", "2026-06-15T00:00:00Z"),
        shift("ledger", "@cara", "2026-06-05T12:00:00Z", "2026-06-06T00:00:00Z"),
    ]
}

const WINDOW: (&str, &str) = ("2026-06-01", "2026-06-14");

fn health() -> OncallHealth {
    let (pages, shifts, people) = (pages(), shifts(), people());
    let data = OncallData {
        pages: &pages,
        shifts: &shifts,
        people: &people,
        calendar: Calendar::utc(),
        hours: Hours::default(),
    };
    oncall_health(&data, &Window::new(day(WINDOW.0), day(WINDOW.1)), &OncallPolicy::default())
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn a_responder_in_tokyo_over_the_window() {
    let health = health();
    assert_eq!((health.pages, health.no_shift_pages), (12, 1), "b4 is after the window");
    let aiko = &health.responders[0];
    assert_eq!(
        (aiko.responder.as_str(), aiko.team.as_deref(), aiko.time_zone.as_str()),
        ("@aiko", Some("payments"), "Asia/Tokyo")
    );
    let load = &aiko.load;
    assert_eq!(load.pages, 5);
    assert_eq!(load.interruptions, Interruptions { business: 1, off_hours: 1, sleep: 3 });
    assert_eq!(load.distinct_sleep_hours, 2, "22:00 Monday, and 02:00 Wednesday twice");
    assert_eq!((load.shifts, load.hours_on_call), (1, 168.0));
    assert!(close(load.pages_per_shift, 5.0));
    assert!(close(load.on_call_share, 0.5), "168 of the window's 336 hours");
    assert!(close(load.pages_per_12_hours, 5.0 / 14.0));
    // Acknowledged after 4, 2, 10 and 6 minutes: sorted 2, 4, 6, 10.
    let tta = &load.time_to_acknowledge_minutes;
    assert_eq!(tta.count, 4);
    assert!(close(tta.median, 5.0));
    assert!(close(tta.p90, 8.8), "rank 0.9 × 3 = 2.7: 6 + 0.7 × 4");
    assert!(close(load.escalation_rate, 0.2));
    assert!(close(load.false_page_rate, 0.4), "a3 not actionable, a4 resolved on its own unacknowledged");
    assert!(close(load.incident_share, 0.2));
    assert_eq!(load.breaches, Breaches { pages_per_12_hours: false, on_call_share: true });
}

#[test]
fn a_responder_in_los_angeles_and_one_in_the_sites_zone() {
    let health = health();
    let ben = &health.responders[1].load;
    assert_eq!(health.responders[1].time_zone, "America/Los_Angeles");
    assert_eq!(ben.interruptions, Interruptions { business: 1, off_hours: 1, sleep: 1 });
    assert_eq!((ben.shifts, ben.hours_on_call), (1, 168.0), "the shift ending as the window begins is not in it");
    assert_eq!(ben.time_to_acknowledge_minutes.median, None);
    assert_eq!((ben.escalation_rate, ben.false_page_rate), (Some(0.0), Some(0.0)));
    let cara = &health.responders[2];
    assert_eq!((cara.team.as_deref(), cara.time_zone.as_str()), (None, "UTC"));
    assert_eq!(cara.load.pages, 4);
    assert_eq!(cara.load.interruptions, Interruptions { business: 1, off_hours: 1, sleep: 2 });
    // Three of the four pages fell in the 12-hour shift: three per 12 hours, over the two.
    assert!(close(cara.load.pages_per_12_hours, 3.0));
    assert!(close(cara.load.pages_per_shift, 3.0));
    assert_eq!(cara.load.breaches, Breaches { pages_per_12_hours: true, on_call_share: false });
}

#[test]
fn a_page_on_no_shift_is_counted_under_no_shift() {
    let health = health();
    let names: Vec<&str> = health.rotations.iter().map(|r| r.rotation.as_str()).collect();
    assert_eq!(names, [NO_SHIFT, "ledger", "payments"]);
    let none = &health.rotations[0];
    assert_eq!((none.load.pages, none.load.shifts, none.load.pages_per_12_hours), (1, 0, None));
    assert_eq!(none.people.iter().map(|p| p.responder.as_str()).collect::<Vec<_>>(), ["@cara"]);
    assert_eq!(none.fairness, None);
    let week = health.weeks.iter().find(|w| w.rotation == NO_SHIFT).unwrap();
    assert_eq!((week.week, week.responder.as_str(), week.load.pages), (day("2026-06-08"), "@cara", 1));
}

#[test]
fn a_rotation_adds_its_people_up_and_weighs_their_fairness() {
    let payments = &health().rotations[2];
    assert_eq!(payments.load.pages, 8);
    assert_eq!(payments.load.distinct_sleep_hours, 3, "Aiko's two and Ben's one");
    assert_eq!((payments.load.shifts, payments.load.hours_on_call, payments.load.on_call_share), (2, 336.0, None));
    assert!(close(payments.load.pages_per_12_hours, 8.0 / 28.0));
    let fairness = payments.fairness.as_ref().unwrap();
    // Pages 5 and 3: median 4; sleep interruptions 3 and 1: median 2.
    assert_eq!((fairness.pages.max, fairness.pages.most.as_str(), fairness.pages.median), (5, "@aiko", 4.0));
    assert!(close(fairness.pages.max_over_median, 1.25));
    assert!(close(fairness.sleep_interruptions.max_over_median, 1.5));
}

#[test]
fn weeks_start_on_the_sites_week_start_and_their_share_is_not_judged() {
    let health = health();
    let rows: Vec<(NaiveDate, &str, &str, usize, f64)> = health
        .weeks
        .iter()
        .map(|w| (w.week, w.rotation.as_str(), w.responder.as_str(), w.load.pages, w.load.hours_on_call))
        .collect();
    assert_eq!(
        rows,
        [
            (day("2026-06-01"), "ledger", "@cara", 3, 12.0),
            (day("2026-06-01"), "payments", "@aiko", 5, 168.0),
            (day("2026-06-08"), NO_SHIFT, "@cara", 1, 0.0),
            (day("2026-06-08"), "payments", "@ben", 3, 168.0),
        ]
    );
    let aiko = &health.weeks[1].load;
    assert!(close(aiko.on_call_share, 1.0));
    assert!(!aiko.breaches.on_call_share, "a weekly rotation is all of its week");
    assert!(health.weeks[0].load.breaches.pages_per_12_hours);
}

#[test]
fn a_week_cut_by_the_window_has_only_the_windows_hours() {
    let (pages, shifts, people) = (pages(), shifts(), people());
    let data = OncallData {
        pages: &pages,
        shifts: &shifts,
        people: &people,
        calendar: Calendar::utc(),
        hours: Hours::default(),
    };
    // Wednesday 2026-06-03 to Tuesday 2026-06-09: two partial weeks.
    let health = oncall_health(&data, &Window::new(day("2026-06-03"), day("2026-06-09")), &OncallPolicy::default());
    let aiko = health.weeks.iter().find(|w| w.responder == "@aiko").unwrap();
    assert_eq!((aiko.week, aiko.load.hours_on_call, aiko.load.pages), (day("2026-06-01"), 120.0, 1));
    assert!(close(aiko.load.on_call_share, 1.0), "the five days of the week inside the window");
    let ben = health.weeks.iter().find(|w| w.responder == "@ben").unwrap();
    assert_eq!((ben.week, ben.load.hours_on_call), (day("2026-06-08"), 48.0));
    assert!(close(
        health.responders.iter().find(|r| r.responder == "@aiko").unwrap().load.on_call_share,
        120.0 / 168.0
    ));
}

#[test]
fn the_night_los_angeles_falls_back_has_25_hours_and_two_one_oclocks() {
    // Sunday 2026-11-01 runs from 00:00 PDT (07:00Z) to 00:00 PST on Monday (08:00Z the next day).
    let shifts = [shift("payments", "@ben", "2026-11-01T07:00:00Z", "2026-11-02T08:00:00Z")];
    let pages = [
        page("p1", "@ben", "2026-11-01T08:20:00Z"), // 01:20 PDT
        page("p2", "@ben", "2026-11-01T09:20:00Z"), // 01:20 PST: the clock hour again, an hour later
        page("p3", "@ben", "2026-11-01T09:50:00Z"), // 01:50 PST
        page("p4", "@ben", "2026-11-02T07:30:00Z"), // Sunday 23:30 PST
    ];
    let people = people();
    let data = OncallData {
        pages: &pages,
        shifts: &shifts,
        people: &people,
        calendar: Calendar::utc(),
        hours: Hours::default(),
    };
    let health = oncall_health(&data, &Window::new(day("2026-10-26"), day("2026-11-08")), &OncallPolicy::default());
    let ben = &health.responders[0].load;
    assert_eq!(ben.hours_on_call, 25.0);
    assert_eq!((ben.interruptions.sleep, ben.distinct_sleep_hours), (4, 3));
    assert!(close(ben.pages_per_12_hours, 4.0 / (25.0 / 12.0)));
    assert!(!ben.breaches.pages_per_12_hours, "4 in 25 hours is 1.92 per 12 hours, under 2: the extra hour counts");
}
