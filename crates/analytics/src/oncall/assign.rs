//! Which shift a page belongs to: the row of `oncall.csv` that covers its trigger time for
//! its responder (`start <= t < end`).

use chrono::{DateTime, Utc};

use super::roster::Roster;
use model::Shift;

/// Each responder's shifts by start, with how far the shifts so far reach, so a lookup is a
/// binary search and a short walk back.
pub struct ShiftIndex<'a> {
    shifts: &'a [Shift],
    /// By the responder's number in the roster; pages' responders without a shift are
    /// numbered past its end.
    by_person: Vec<Own>,
}

#[derive(Default)]
struct Own {
    /// Indexes into the shifts, by start (then by their order in the export).
    order: Vec<usize>,
    /// The latest end among `order[..=i]`: no shift at or before `i` covers a time past it.
    reach: Vec<DateTime<Utc>>,
}

impl<'a> ShiftIndex<'a> {
    pub fn new(shifts: &'a [Shift], roster: &Roster) -> ShiftIndex<'a> {
        let mut by_person: Vec<Own> = (0..roster.responders.len()).map(|_| Own::default()).collect();
        for (i, crew) in roster.of_shift.iter().enumerate() {
            by_person[crew.responder].order.push(i);
        }
        for own in &mut by_person {
            // Stable: of equal starts, the one earlier in the export first. (Not by line:
            // the app's shifts come from the bundle, which keeps their order only.)
            own.order.sort_by_key(|&i| shifts[i].start);
            own.reach = own
                .order
                .iter()
                .scan(None, |furthest: &mut Option<DateTime<Utc>>, &i| {
                    let end = furthest.map_or(shifts[i].end, |f| f.max(shifts[i].end));
                    *furthest = Some(end);
                    Some(end)
                })
                .collect();
        }
        ShiftIndex { shifts, by_person }
    }

    /// The index of the shift of `responder` (their number in the roster) covering `t`.
    /// Where shifts overlap (a `shift-overlap` warning), the one that started last — an
    /// override is written over the regular shift — and of equal starts the one later in
    /// the export.
    pub fn covering(&self, responder: usize, t: DateTime<Utc>) -> Option<usize> {
        let own = self.by_person.get(responder)?;
        let started = own.order.partition_point(|&i| self.shifts[i].start <= t);
        (0..started).rev().take_while(|&j| own.reach[j] > t).map(|j| own.order[j]).find(|&i| self.shifts[i].end > t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{RowSource, ShiftLevel};

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn shift(responder: &str, start: &str, end: &str, line: usize) -> Shift {
        Shift {
            rotation: "payments".into(),
            responder: responder.into(),
            level: ShiftLevel::Primary,
            start: at(start),
            end: at(end),
            source: RowSource { path: "oncall.csv".into(), line },
        }
    }

    #[test]
    fn a_shift_covers_its_start_but_not_its_end() {
        let shifts = [
            shift("@priya", "2026-06-01T09:00:00Z", "2026-06-08T09:00:00Z", 2),
            shift("@priya", "2026-06-08T09:00:00Z", "2026-06-15T09:00:00Z", 3),
            shift("@tomas", "2026-06-01T09:00:00Z", "2026-06-08T09:00:00Z", 4),
        ];
        let mut roster = Roster::new(&shifts);
        let index = ShiftIndex::new(&shifts, &roster);
        let mut line = |who: &'static str, t: &str| {
            index.covering(roster.responders.id(who), at(t)).map(|i| shifts[i].source.line)
        };
        assert_eq!(line("@priya", "2026-06-01T09:00:00Z"), Some(2));
        assert_eq!(line("@priya", "2026-06-08T09:00:00Z"), Some(3), "the end belongs to the next shift");
        assert_eq!(line("@priya", "2026-06-15T09:00:00Z"), None);
        assert_eq!(line("@priya", "2026-06-01T08:59:59Z"), None);
        assert_eq!(line("@tomas", "2026-06-09T00:00:00Z"), None, "someone else's shift does not count");
        assert_eq!(line("@ghost", "2026-06-02T00:00:00Z"), None);
    }

    #[test]
    fn overlapping_shifts_give_the_page_to_the_one_that_started_last() {
        let shifts = [
            // A long shift, a short override inside it, and one starting after the override ends.
            shift("@priya", "2026-06-01T00:00:00Z", "2026-06-30T00:00:00Z", 2),
            shift("@priya", "2026-06-10T00:00:00Z", "2026-06-11T00:00:00Z", 3),
            shift("@priya", "2026-06-20T00:00:00Z", "2026-06-21T00:00:00Z", 4),
        ];
        let roster = Roster::new(&shifts);
        let index = ShiftIndex::new(&shifts, &roster);
        let line = |t: &str| index.covering(0, at(t)).map(|i| shifts[i].source.line);
        assert_eq!(line("2026-06-10T12:00:00Z"), Some(3));
        assert_eq!(line("2026-06-15T12:00:00Z"), Some(2), "found behind a later, shorter shift");
        assert_eq!(line("2026-06-20T12:00:00Z"), Some(4));
        assert_eq!(line("2026-06-30T00:00:00Z"), None);
    }
}
