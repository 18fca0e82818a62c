//! Numbers for the names of a window: the per-page work compares and indexes integers, not
//! strings. Ordered maps keyed by responder and rotation names made string comparison the
//! largest cost of a year of pages (a sixth of the on-call benchmark's native profile, more
//! in wasm, whose `memcmp` is a byte loop); names come back only for the rows shown.

use std::collections::HashMap;

use model::Shift;

/// Each distinct name once, numbered in the order first seen.
#[derive(Default)]
pub struct Names<'a> {
    ids: HashMap<&'a str, usize>,
    names: Vec<&'a str>,
}

impl<'a> Names<'a> {
    pub fn id(&mut self, name: &'a str) -> usize {
        *self.ids.entry(name).or_insert_with(|| {
            self.names.push(name);
            self.names.len() - 1
        })
    }

    pub fn name(&self, id: usize) -> &'a str {
        self.names[id]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// Who a shift or a page is counted for: numbers into a [`Roster`]'s names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Crew {
    pub rotation: usize,
    pub responder: usize,
}

/// The responders and rotations of the shifts (and, once pages are read, of the pages).
pub struct Roster<'a> {
    pub responders: Names<'a>,
    pub rotations: Names<'a>,
    /// Each shift's crew, by its index in the export.
    pub of_shift: Vec<Crew>,
}

impl<'a> Roster<'a> {
    pub fn new(shifts: &'a [Shift]) -> Roster<'a> {
        let (mut responders, mut rotations) = (Names::default(), Names::default());
        let of_shift = shifts
            .iter()
            .map(|s| Crew { rotation: rotations.id(&s.rotation), responder: responders.id(&s.responder) })
            .collect();
        Roster { responders, rotations, of_shift }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_keeps_the_number_it_was_first_given() {
        let mut names = Names::default();
        assert_eq!([names.id("@b"), names.id("@a"), names.id("@b")], [0, 1, 0]);
        assert_eq!((names.name(1), names.len()), ("@a", 2));
    }
}
