//! Running sums of an SLO's events: the good and total counts of any span in two bisections,
//! so a figure asked for every day of a 90-day history (the freeze check's daily budget, the
//! burn rates at every step) reads each event once rather than once per question.

use std::ops::Range;

use super::window::Span;
use model::SliEvents;

pub struct Sums<'a> {
    pub at: &'a [i64],
    /// `good[i]` and `total[i]`: the sums over samples `..i`. For whole-number counts (what
    /// exports hold) differences of these sums are exact: what adding the samples up gives.
    good: Vec<f64>,
    total: Vec<f64>,
}

impl<'a> Sums<'a> {
    pub fn new(events: &'a SliEvents) -> Sums<'a> {
        let running = |values: &[f64]| {
            let mut sums = Vec::with_capacity(values.len() + 1);
            sums.push(0.0);
            sums.extend(values.iter().scan(0.0, |sum, v| {
                *sum += v;
                Some(*sum)
            }));
            sums
        };
        Sums { at: &events.at, good: running(&events.good), total: running(&events.total) }
    }

    /// Good and total events of the samples `held`.
    pub fn of(&self, held: Range<usize>) -> (f64, f64) {
        (self.good[held.end] - self.good[held.start], self.total[held.end] - self.total[held.start])
    }

    /// Good and total events of the samples closing intervals inside `span`.
    pub fn within(&self, span: Span) -> (f64, f64) {
        self.of(span.indices(self.at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_sums_the_samples_closing_inside_it() {
        let mut e = SliEvents::default();
        for (at, good, total) in [(10, 1.0, 2.0), (20, 3.0, 4.0), (30, 5.0, 6.0)] {
            e.push(at, good, total);
        }
        let sums = Sums::new(&e);
        assert_eq!(sums.within(Span { start: 10, end: 30 }), (8.0, 10.0), "the sample at 10 closes before the span");
        assert_eq!(sums.within(Span { start: 0, end: 10 }), (1.0, 2.0));
        assert_eq!(sums.within(Span { start: 30, end: 20 }), (0.0, 0.0), "an empty span");
        assert_eq!(sums.of(0..3), (9.0, 12.0));
    }
}
