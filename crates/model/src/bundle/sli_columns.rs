//! The SLOs' events on the wire: `sli.bin`, which only the SLO pages read, so the app
//! fetches it the first time one is shown.
//!
//! A year of five-minute steps is a hundred thousand rows an SLO; as JSON each is a
//! timestamp and two counts in text. Here the times are gaps between rows (an export's
//! step, the same every row: one or two bytes) and the counts are all events and bad events
//! (mostly 0: one byte), each in one of the bundle's integer columns (see
//! [`super::columns`]). Counter increases can be fractional, so a series that is not whole
//! numbers falls back to 8-byte values, and every file reads back exactly what was written.
//!
//! `sli.bin`: `FBSL`; format version and SLO count (u32 each); then each SLO, in the order
//! of `site.json`'s `slos`: its rows (u32) and three series of that many values — times,
//! all events, good events. A series is its encoding (u8) and its values:
//!
//! - times: encoding 0 is the first time (i64, unix seconds) and a column of seconds since
//!   the previous row (the first row's 0); encoding 1, for times out of order or more than
//!   136 years apart, is each time as an i64.
//! - all events: encoding 0 is a column of the counts; encoding 1, when a count is not a
//!   whole number from 0 to 2³² − 1, is each count as an f64.
//! - good events: encoding 0 is a column of the bad events (all − good); encoding 1, when a
//!   row's bad events are not such a whole number or do not give its good events back
//!   exactly, is each good count as an f64.

use super::columns::{Input, put_column, put_words};
use crate::SliEvents;

pub const SLI_FILE: &str = "sli.bin";
const MAGIC: &[u8; 4] = b"FBSL";
const VERSION: u32 = 1;
/// What the errors call the file.
const FILE: &str = "SLI event file";
/// A series' encodings.
const COLUMN: u8 = 0;
const WORDS: u8 = 1;

/// `sli.bin` for each SLO's events, in the order of the site's SLOs.
pub fn write(slos: &[SliEvents]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for n in [VERSION, slos.len() as u32] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    for events in slos {
        assert!(
            events.good.len() == events.len() && events.total.len() == events.len(),
            "an SLI has as many good and total counts as times"
        );
        out.extend_from_slice(&(events.len() as u32).to_le_bytes());
        put_times(&mut out, &events.at);
        put_counts(&mut out, events.total.iter().map(|total| whole(*total)).collect(), &events.total);
        let bad = events.good.iter().zip(&events.total).map(|(good, total)| {
            whole(total - good).filter(|bad| (total - f64::from(*bad)).to_bits() == good.to_bits())
        });
        put_counts(&mut out, bad.collect(), &events.good);
    }
    out
}

/// Each SLO's events from `bytes`, checking every length: a damaged file is an error naming
/// the SLO and what is wrong, never a silently shorter history.
pub fn read(bytes: &[u8]) -> Result<Vec<SliEvents>, String> {
    let mut input = Input::open(bytes, MAGIC, VERSION, FILE)?;
    let count = input.u32()?;
    let slos = (1..=count)
        .map(|slo| read_slo(&mut input).map_err(|e| format!("SLO {slo} of {count}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    input.end()?;
    Ok(slos)
}

fn read_slo(input: &mut Input) -> Result<SliEvents, String> {
    let rows = input.u32()? as usize;
    let at = match input.u8()? {
        COLUMN => {
            let mut t = input.i64()?;
            let gaps = input.column::<u32>(rows)?;
            gaps.into_iter()
                .map(|gap| {
                    t = t.checked_add(i64::from(gap))?;
                    Some(t)
                })
                .collect::<Option<Vec<_>>>()
                .ok_or("its times run past the largest time")?
        }
        WORDS => input.words(rows)?.into_iter().map(|word| word as i64).collect(),
        other => return Err(unknown_encoding("times", other)),
    };
    let total: Vec<f64> = match input.u8()? {
        COLUMN => input.column::<u32>(rows)?.into_iter().map(f64::from).collect(),
        WORDS => input.words(rows)?.into_iter().map(f64::from_bits).collect(),
        other => return Err(unknown_encoding("all events", other)),
    };
    let good = match input.u8()? {
        COLUMN => {
            input.column::<u32>(rows)?.into_iter().zip(&total).map(|(bad, total)| total - f64::from(bad)).collect()
        }
        WORDS => input.words(rows)?.into_iter().map(f64::from_bits).collect(),
        other => return Err(unknown_encoding("good events", other)),
    };
    Ok(SliEvents { at, good, total })
}

fn unknown_encoding(series: &str, encoding: u8) -> String {
    format!("its {series} have encoding {encoding}, which this app does not know; rebuild the site")
}

/// Times as gaps after the first when every gap is one a column holds, else as words.
fn put_times(out: &mut Vec<u8>, at: &[i64]) {
    let first = at.first().copied().unwrap_or(0);
    let gaps: Option<Vec<u32>> = std::iter::once(first)
        .chain(at.iter().copied())
        .zip(at)
        .map(|(previous, t)| t.checked_sub(previous).and_then(|gap| u32::try_from(gap).ok()))
        .collect();
    match gaps {
        Some(gaps) => {
            out.push(COLUMN);
            out.extend_from_slice(&first.to_le_bytes());
            put_column(out, &gaps);
        }
        None => {
            out.push(WORDS);
            put_words(out, at.iter().map(|t| *t as u64));
        }
    }
}

/// A series of counts: the `integers` when every row has one, else `exact`, bit for bit.
fn put_counts(out: &mut Vec<u8>, integers: Option<Vec<u32>>, exact: &[f64]) {
    match integers {
        Some(integers) => {
            out.push(COLUMN);
            put_column(out, &integers);
        }
        None => {
            out.push(WORDS);
            put_words(out, exact.iter().map(|v| v.to_bits()));
        }
    }
}

/// `value` as a column's integer, when it is exactly one (not -0.0, NaN or 0.5).
fn whole(value: f64) -> Option<u32> {
    let n = value as u32;
    (f64::from(n).to_bits() == value.to_bits()).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hourly counts, as an export gives them: `bad(i)` of 9,000-odd requests failed.
    fn hourly(rows: i64, bad: impl Fn(i64) -> f64) -> SliEvents {
        let mut events = SliEvents::default();
        for i in 0..rows {
            let total = 9_000.0 + (i % 500) as f64;
            events.push(1_777_593_600 + 3600 * i, total - bad(i), total);
        }
        events
    }

    /// Every value's bits, so NaN equals NaN and -0.0 differs from 0.0.
    fn bits(slos: &[SliEvents]) -> Vec<(Vec<i64>, Vec<u64>, Vec<u64>)> {
        let of = |values: &[f64]| values.iter().map(|v| v.to_bits()).collect();
        slos.iter().map(|e| (e.at.clone(), of(&e.good), of(&e.total))).collect()
    }

    fn round_trip(slos: &[SliEvents]) {
        assert_eq!(bits(&read(&write(slos)).unwrap()), bits(slos));
    }

    /// A deterministic xorshift: the same "random" SLOs on every run and platform.
    struct Draws(u64);

    impl Draws {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn pick<T: Copy>(&mut self, from: &[T]) -> T {
            from[(self.next() % from.len() as u64) as usize]
        }
    }

    #[test]
    fn regular_whole_counts_take_five_bytes_a_row() {
        let slos = [hourly(1000, |i| if i % 100 == 7 { 300.0 } else { 0.0 }), SliEvents::default()];
        let bytes = write(&slos);
        let header = 4 + 4 + 4;
        let slo =
            |rows: usize, wide: usize| 4 + (2 + 8 + 2 * rows + 4) + (2 + 2 * rows + 4) + (2 + rows + 4 + 8 * wide);
        assert_eq!(bytes.len(), header + slo(1000, 10) + slo(0, 0), "gaps and totals in 2 bytes, bad in 1");
        round_trip(&slos);
    }

    #[test]
    fn fractional_huge_zero_and_empty_slos_round_trip_exactly() {
        let fractional = hourly(50, |i| i as f64 / 7.0);
        let zero = SliEvents { at: vec![0, 0, 0], good: vec![0.0; 3], total: vec![0.0; 3] };
        let mut huge = SliEvents::default();
        huge.push(i64::MIN, 0.0, f64::MAX);
        huge.push(i64::MAX, 4_294_967_295.0, 4_294_967_296.0);
        huge.push(0, 1e300, 1e300);
        huge.push(-5, 2f64.powi(53) + 2.0, 2f64.powi(53) + 2.0);
        let mut odd = SliEvents::default();
        odd.push(10, -0.0, 0.0);
        odd.push(5, f64::NAN, f64::INFINITY);
        odd.push(7, 3.0, 2.0);
        round_trip(&[fractional, zero, huge, odd, SliEvents::default()]);
        round_trip(&[]);
    }

    #[test]
    fn random_slos_round_trip_exactly() {
        let values = [
            0.0,
            -0.0,
            0.5,
            1.0,
            2.0,
            255.0,
            256.0,
            65_535.0,
            65_536.0,
            1e-300,
            4_294_967_295.0,
            4_294_967_296.0,
            9_007_199_254_740_993.0,
            1e300,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
            -1.0,
        ];
        let steps = [0, 1, 60, 300, 3600, 86_400 * 365 * 200, -1];
        let mut draws = Draws(0x9E37_79B9_7F4A_7C15);
        for _ in 0..200 {
            let slos: Vec<SliEvents> = (0..draws.next() % 4)
                .map(|_| {
                    let mut events = SliEvents::default();
                    let (mut t, step) = (draws.pick(&[0, 1_777_593_600, i64::MIN / 2]), draws.pick(&steps));
                    for _ in 0..draws.next() % 40 {
                        // Mostly a regular step; now and then an odd value of each kind.
                        t = t.wrapping_add(if draws.next().is_multiple_of(8) { draws.pick(&steps) } else { step });
                        let whole = (draws.next() % 20_000) as f64;
                        let odd = |draws: &mut Draws| draws.next().is_multiple_of(10);
                        let total = if odd(&mut draws) { draws.pick(&values) } else { whole };
                        let good =
                            if odd(&mut draws) { draws.pick(&values) } else { total - (draws.next() % 3) as f64 };
                        events.push(t, good, total);
                    }
                    events
                })
                .collect();
            round_trip(&slos);
        }
    }

    #[test]
    fn damaged_files_are_errors_naming_what_is_wrong() {
        let bytes = write(&[hourly(20, |i| (i % 3) as f64), hourly(5, |i| i as f64 / 3.0)]);
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(
            read(&bytes[..bytes.len() - 1]).unwrap_err().starts_with("SLO 2 of 2: the SLI event file is truncated")
        );
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).unwrap_err().contains("1 bytes after the end of the SLI event file"));
        let mut unknown = bytes.clone();
        unknown[16] = 7; // the first SLO's times' encoding
        assert!(read(&unknown).unwrap_err().contains("SLO 1 of 2: its times have encoding 7"));
        assert!(read(b"FBSL\x09\0\0\0").unwrap_err().contains("SLI event file format 9"));
        assert!(read(b"FBDL\x01\0\0\0").unwrap_err().contains("not a firebreak SLI event file"));
        let mut late =
            write(&[SliEvents { at: vec![i64::MAX - 1, i64::MAX], good: vec![0.0; 2], total: vec![0.0; 2] }]);
        late[27] = 2; // the second gap, now past the largest time
        assert!(read(&late).unwrap_err().contains("past the largest time"));
        let many = [b"FBSL\x01\0\0\0".as_slice(), &u32::MAX.to_le_bytes()].concat();
        assert!(read(&many).unwrap_err().contains("SLO 1 of 4294967295: the SLI event file is truncated"));
    }
}
