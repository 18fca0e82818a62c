//! On-call's practice: a made-up quarter of pages and shifts decoded, judged and laid out as
//! the page's tables, while the real `oncall.bin` downloads (the module's documentation says
//! why). Without it, the first `/oncall` ran its figures in V8's unoptimised code: about
//! 120 ms, against 55–60 ms after practice (docs/benchmarks.md). 2,048 pages a slice made
//! the figures as fast but slowed the download's decoding by 60 ms; 512 do not.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate};

use analytics::Window;
use analytics::oncall::{OncallData, oncall_health};
use model::bundle::{read_oncall_columns, write_oncall_columns};
use model::{Config, Page, Person, RowSource, Shift, ShiftLevel, Urgency};
use views::oncall::{OncallChoices, OncallFilter, OncallView};

use super::in_slices;

/// Pages per slice: enough for V8 to optimise the per-page loops, few enough that a slice
/// takes a few milliseconds unoptimised.
const PAGES: usize = 1 << 9;
/// The made-up quarter: the page's default window.
const DAYS: u64 = analytics::DEFAULT_WINDOW_DAYS;
/// Responders in two rotations, on two clocks, so every path of the interruption classes and
/// the fairness figures is taken.
const PEOPLE: [(&str, &str, &str); 4] = [
    ("@a", "one", "Asia/Tokyo"),
    ("@b", "one", "America/Los_Angeles"),
    ("@c", "two", "Asia/Tokyo"),
    ("@d", "two", "America/Los_Angeles"),
];

/// Decodes a made-up `oncall.bin`, computes the on-call figures and writes the page's tables,
/// once per slice, yielding between slices. Meant to be dropped when the real data is in.
pub async fn practice() {
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid date");
    let config = made_up_config();
    let (pages, shifts) = made_up_quarter(as_of);
    let bytes = write_oncall_columns(&pages, &shifts);
    let filter = OncallFilter { window: Window::ending(as_of, DAYS), rotation: None, team: None, all_weeks: false };
    in_slices(|| {
        let Ok((pages, shifts)) = read_oncall_columns(&bytes) else { return };
        let data = OncallData::new(&pages, &shifts, &config);
        std::hint::black_box(OncallChoices::of(&data));
        let view = OncallView::of(&oncall_health(&data, &filter.window, &config.oncall), &filter);
        for table in [view.rotation_table(), view.people_table(), view.weeks_table()] {
            std::hint::black_box(table.to_html());
        }
    })
    .await;
}

fn made_up_config() -> Config {
    let person = |team: &str, zone: &str| Person { team: team.to_owned(), time_zone: Some(zone.to_owned()) };
    let people: BTreeMap<String, Person> =
        PEOPLE.iter().map(|(name, team, zone)| (name.to_string(), person(team, zone))).collect();
    Config { people, ..Config::default() }
}

/// Twelve-hour shifts taken in turn in each rotation over the `DAYS` before `as_of`, and
/// `PAGES` pages among them: some unacknowledged, escalated, not actionable or tied to an
/// incident, and a few at times nobody was on call.
fn made_up_quarter(as_of: NaiveDate) -> (Vec<Page>, Vec<Shift>) {
    let start = (as_of - Days::new(DAYS)).and_hms_opt(0, 0, 0).expect("midnight").and_utc().timestamp();
    let at = |seconds: i64| DateTime::from_timestamp(seconds, 0).expect("a time in range");
    const HALF_DAY: i64 = 12 * 3_600;
    let shifts = (0..DAYS as i64 * 2)
        .flat_map(|n| {
            [("one", 0), ("two", 2)].map(|(rotation, first)| Shift {
                rotation: rotation.to_owned(),
                responder: PEOPLE[first + (n % 2) as usize].0.to_owned(),
                level: ShiftLevel::Primary,
                start: at(start + n * HALF_DAY),
                end: at(start + (n + 1) * HALF_DAY),
                source: RowSource::default(),
            })
        })
        .collect();
    let step = (DAYS as i64 * 86_400) / PAGES as i64;
    let mut random = 0x2545_f491_u32;
    let pages = (0..PAGES)
        .map(|n| {
            random ^= random << 13;
            random ^= random >> 17;
            random ^= random << 5;
            let triggered = start + n as i64 * step + i64::from(random % 600);
            let acknowledged = (!random.is_multiple_of(7)).then(|| at(triggered + i64::from(random % 1_200)));
            Page {
                page_id: n.to_string(),
                alert: ["Latency", "Errors", "Disk"][(random % 3) as usize].to_owned(),
                service: "made-up".to_owned(),
                responder: PEOPLE[(random / 3 % 4) as usize].0.to_owned(),
                urgency: if random.is_multiple_of(2) { Urgency::High } else { Urgency::Low },
                triggered_at: at(triggered),
                acknowledged_at: acknowledged,
                resolved_at: Some(at(triggered + 3_600)),
                escalated: random.is_multiple_of(11),
                incident_id: random.is_multiple_of(13).then(|| "made-up".to_owned()),
                actionable: Some(!random.is_multiple_of(5)),
                auto_resolved: acknowledged.is_none(),
                extra: Default::default(),
                source: RowSource::default(),
            }
        })
        .collect();
    (pages, shifts)
}
