//! The three tables of `/oncall`: rotations, people and week by week, cell by cell.
//! At a large team's scale they are hundreds of rows, so the page inserts them as HTML in
//! one piece ([`crate::html_table`] says why). Each row carries `data-*` attributes naming
//! what it is about, and the cells a test or a script reads have a class.

use crate::html_table::{Cell, Row, Table};
use crate::oncall::{OncallView, ResponderRow, RotationRow, WeekRow};

impl OncallView {
    pub fn rotation_table(&self) -> Table {
        Table {
            class: "list oncall-rotations",
            headers: &[
                "Rotation",
                "Pages",
                "Sleep interruptions",
                "Per 12 h on call",
                "Hours on call",
                "Time to acknowledge",
                "Fairness: pages",
                "Fairness: sleep",
                "Over a limit",
            ],
            rows: self.rotations.iter().map(rotation_row).collect(),
        }
    }

    pub fn people_table(&self) -> Table {
        Table {
            class: "list oncall-people",
            headers: &[
                "Person",
                "Team",
                "Time zone",
                "Pages",
                "Sleep interruptions",
                "Per 12 h on call",
                "Hours on call",
                "Share on call",
                "Time to acknowledge",
                "Escalated",
                "False pages",
                "Tied to an incident",
                "Over a limit",
            ],
            rows: self.people.iter().map(person_row).collect(),
        }
    }

    /// The rows of [`OncallView::week_table`]: the latest weeks, or all of them.
    pub fn weeks_table(&self) -> Table {
        Table {
            class: "list oncall-weeks",
            headers: &[
                "Week of",
                "Rotation",
                "Person",
                "Business hours",
                "Off hours",
                "Sleep hours",
                "Distinct sleep hours",
                "Hours on call",
                "Per 12 h on call",
                "Over a limit",
            ],
            rows: self.week_table().iter().map(week_row).collect(),
        }
    }
}

/// The limits a row is over, highlighted when there is any.
fn breaches(breaches: &[String]) -> Cell {
    let class = if breaches.is_empty() { "breaches" } else { "breaches breach" };
    Cell::new(class, breaches.join("; "))
}

fn rotation_row(r: &RotationRow) -> Row {
    let cells = vec![
        Cell::plain(&r.rotation),
        Cell::new("pages", r.pages),
        Cell::plain(&r.sleep),
        Cell::new("per-12h", &r.pages_per_12_hours),
        Cell::plain(&r.hours_on_call),
        Cell::plain(&r.acknowledge),
        Cell::new("fairness-pages", &r.fairness_pages),
        Cell::new("fairness-sleep", &r.fairness_sleep),
        breaches(&r.breaches),
    ];
    Row { data: vec![("rotation", r.rotation.clone())], cells }
}

fn person_row(r: &ResponderRow) -> Row {
    let cells = vec![
        Cell::plain(&r.responder),
        Cell::plain(&r.team),
        Cell::plain(&r.time_zone),
        Cell::new("pages", r.pages),
        Cell::new("sleep", &r.sleep),
        Cell::new("per-12h", &r.pages_per_12_hours),
        Cell::plain(&r.hours_on_call),
        Cell::new("share", &r.on_call_share),
        Cell::new("acknowledge", &r.acknowledge),
        Cell::plain(&r.escalation_rate),
        Cell::plain(&r.false_pages),
        Cell::plain(&r.incident_share),
        breaches(&r.breaches),
    ];
    Row { data: vec![("responder", r.responder.clone())], cells }
}

fn week_row(w: &WeekRow) -> Row {
    let cells = vec![
        Cell::plain(w.week),
        Cell::plain(&w.rotation),
        Cell::plain(&w.responder),
        Cell::new("business", w.business),
        Cell::new("off-hours", w.off_hours),
        Cell::new("sleep", w.sleep),
        Cell::plain(w.distinct_sleep_hours),
        Cell::plain(&w.hours_on_call),
        Cell::new("per-12h", &w.pages_per_12_hours),
        breaches(&w.breaches),
    ];
    let data = vec![("week", w.week.to_string()), ("rotation", w.rotation.clone()), ("responder", w.responder.clone())];
    Row { data, cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use analytics::Window;
    use chrono::NaiveDate;

    fn week(day: &str, breaches: &[&str]) -> WeekRow {
        WeekRow {
            week: day.parse().unwrap(),
            rotation: "payments".into(),
            responder: "@ben".into(),
            business: 1,
            off_hours: 2,
            sleep: 3,
            distinct_sleep_hours: 2,
            hours_on_call: "12".into(),
            pages_per_12_hours: "6.00".into(),
            breaches: breaches.iter().map(|b| b.to_string()).collect(),
        }
    }

    fn view(weeks: Vec<WeekRow>, weeks_hidden: usize) -> OncallView {
        let day: NaiveDate = "2026-06-07".parse().unwrap();
        let (window, limits) = (Window::ending(day, 90), String::new());
        OncallView {
            window,
            limits,
            pages: 6,
            no_shift_pages: 0,
            rotations: vec![],
            people: vec![],
            weeks,
            weeks_hidden,
        }
    }

    #[test]
    fn a_week_row_says_its_week_rotation_and_person_and_each_class() {
        let table = view(vec![week("2026-06-01", &["over 2 pages per 12 h on call"])], 0).weeks_table();
        assert_eq!(
            table.texts(),
            [["2026-06-01", "payments", "@ben", "1", "2", "3", "2", "12", "6.00", "over 2 pages per 12 h on call"]]
        );
        assert_eq!(
            table.rows[0].data,
            [("week", "2026-06-01".into()), ("rotation", "payments".into()), ("responder", "@ben".into())]
        );
        assert_eq!(table.rows[0].cells[9].class, "breaches breach");
        assert_eq!(table.headers.len(), table.rows[0].cells.len());
    }

    #[test]
    fn the_weeks_table_holds_only_the_weeks_the_view_shows() {
        let table = view(vec![week("2026-05-25", &[]), week("2026-06-01", &[])], 1).weeks_table();
        assert_eq!(table.texts().iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["2026-06-01"]);
        assert_eq!(table.rows[0].cells[9].class, "breaches", "no limit broken, no highlight");
    }

    #[test]
    fn every_row_has_a_cell_per_header() {
        let person = ResponderRow {
            responder: "@aiko".into(),
            team: "payments".into(),
            time_zone: "Asia/Tokyo".into(),
            pages: 2,
            sleep: "2 page(s) in 1 hour(s)".into(),
            pages_per_12_hours: "0.29".into(),
            hours_on_call: "84".into(),
            on_call_share: "50.0 %".into(),
            acknowledge: "7 min (p90 9 min)".into(),
            escalation_rate: "0.0 %".into(),
            false_pages: "50.0 %".into(),
            incident_share: "0.0 %".into(),
            breaches: vec![],
        };
        let rotation = RotationRow {
            rotation: "payments".into(),
            pages: 3,
            sleep: "none".into(),
            pages_per_12_hours: "0.5".into(),
            hours_on_call: "96".into(),
            acknowledge: "—".into(),
            fairness_pages: "—".into(),
            fairness_sleep: "—".into(),
            breaches: vec![],
        };
        let view = OncallView { rotations: vec![rotation], people: vec![person], ..view(vec![], 0) };
        for table in [view.rotation_table(), view.people_table()] {
            assert_eq!(table.rows.len(), 1, "{}", table.class);
            assert_eq!(table.rows[0].cells.len(), table.headers.len(), "{}", table.class);
        }
        assert_eq!(view.people_table().texts()[0][..4], ["@aiko", "payments", "Asia/Tokyo", "2"]);
        assert_eq!(view.rotation_table().rows[0].data, [("rotation", "payments".into())]);
    }
}
