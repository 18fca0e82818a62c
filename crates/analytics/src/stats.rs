use serde::{Deserialize, Serialize};

/// The `p`-th percentile (0 ≤ p ≤ 1) of sorted values with linear interpolation between
/// closest ranks — what SQL's `PERCENTILE_CONT` computes. `None` for no values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = p.clamp(0.0, 1.0) * last as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    Some(sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64))
}

/// The same without sorting: two selections, linear time, for millions of values.
pub fn percentile_unsorted(values: &mut [f64], p: f64) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    let rank = p.clamp(0.0, 1.0) * last as f64;
    let low = rank.floor() as usize;
    let (_, low_value, above) = values.select_nth_unstable_by(low, f64::total_cmp);
    let low_value = *low_value;
    let fraction = rank - low as f64;
    if fraction == 0.0 {
        return Some(low_value);
    }
    let high_value = above.iter().copied().min_by(f64::total_cmp).unwrap_or(low_value);
    Some(low_value + (high_value - low_value) * fraction)
}

/// Median and p90 of a skewed distribution: incident and lead-time durations are heavily
/// right-skewed, so a mean alone would mislead and is never reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    pub count: usize,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

impl Distribution {
    pub fn of(mut values: Vec<f64>) -> Distribution {
        let median = percentile_unsorted(&mut values, 0.5);
        // The median's selection leaves everything above it to its right, and p90 lies
        // there: select again in that half only.
        let half = values.len().saturating_sub(1) / 2;
        let p90 = match values.len() {
            0 => None,
            n => {
                let rank = 0.9 * (n - 1) as f64 - half as f64;
                percentile_in(&mut values[half..], rank)
            }
        };
        Distribution { count: values.len(), median, p90 }
    }
}

/// The value at fractional `rank` (0-based) of `values`, interpolated.
fn percentile_in(values: &mut [f64], rank: f64) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    percentile_unsorted(values, if last == 0 { 0.0 } else { rank / last as f64 })
}

/// Whole-minute durations (lead times), counted instead of stored: adding one is an
/// increment, and a percentile is a walk over the counts, where millions of stored values
/// would need copying and selecting. Exact: durations past the dense range are kept as
/// values.
pub struct MinuteCounts {
    dense: Vec<u32>,
    beyond: Vec<i32>,
    count: usize,
}

impl Default for MinuteCounts {
    fn default() -> Self {
        MinuteCounts { dense: vec![0; MinuteCounts::DENSE], beyond: Vec::new(), count: 0 }
    }
}

impl MinuteCounts {
    /// Counted one by one up to 22 days (a small table keeps the walks short); longer lead
    /// times are rare and kept as values.
    const DENSE: usize = 1 << 15;

    pub fn add(&mut self, minutes: i32) {
        match self.dense.get_mut(minutes as usize) {
            Some(slot) if minutes >= 0 => *slot += 1,
            _ => self.beyond.push(minutes),
        }
        self.count += 1;
    }

    /// The `k`-th smallest (0-based) of fewer than `count` values.
    fn nth(&mut self, k: usize) -> i32 {
        let mut seen = 0;
        for (minutes, n) in self.dense.iter().enumerate() {
            seen += *n as usize;
            if seen > k {
                return minutes as i32;
            }
        }
        *self.beyond.select_nth_unstable(k - seen).1
    }

    /// PERCENTILE_CONT in minutes; `None` when empty.
    fn percentile(&mut self, p: f64) -> Option<f64> {
        let rank = p * self.count.checked_sub(1)? as f64;
        let low = self.nth(rank.floor() as usize);
        let fraction = rank - rank.floor();
        let high = if fraction > 0.0 { self.nth(rank.floor() as usize + 1) } else { low };
        Some(f64::from(low) + f64::from(high - low) * fraction)
    }

    pub fn distribution_hours(&mut self) -> Distribution {
        let hours = |m: f64| m / 60.0;
        Distribution {
            count: self.count,
            median: self.percentile(0.5).map(hours),
            p90: self.percentile(0.9).map(hours),
        }
    }

    pub fn histogram_hours(&self) -> Histogram {
        let dense = self.dense.iter().enumerate().filter(|(_, n)| **n > 0).map(|(m, n)| (m as f64 / 60.0, *n as usize));
        Histogram::of_counted_hours(dense.chain(self.beyond.iter().map(|m| (f64::from(*m) / 60.0, 1))))
    }
}

/// The median of whole-minute durations, in hours: for the small groups (weeks, services)
/// where p90 is not shown.
pub fn median_minutes_as_hours(values: &mut [i32]) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    let (_, low, above) = values.select_nth_unstable(last / 2);
    let low = *low;
    let high = if last % 2 == 1 { above.iter().copied().min().unwrap_or(low) } else { low };
    Some((f64::from(low) + f64::from(high)) / 2.0 / 60.0)
}

/// Counts of values per bucket; `bounds` are the buckets' exclusive upper ends, and one
/// more bucket takes everything above the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    pub labels: Vec<String>,
    pub counts: Vec<usize>,
}

/// Hour buckets for durations: under 15 minutes up to over four weeks.
pub const HOUR_BOUNDS: [(f64, &str); 7] = [
    (0.25, "< 15 min"),
    (1.0, "15–60 min"),
    (4.0, "1–4 h"),
    (24.0, "4–24 h"),
    (72.0, "1–3 d"),
    (168.0, "3–7 d"),
    (672.0, "1–4 w"),
];

impl Histogram {
    pub fn of_hours(values: &[f64]) -> Histogram {
        Histogram::of_counted_hours(values.iter().map(|v| (*v, 1)))
    }

    /// From `(hours, how many)` pairs.
    pub fn of_counted_hours(values: impl Iterator<Item = (f64, usize)>) -> Histogram {
        let mut counts = vec![0; HOUR_BOUNDS.len() + 1];
        for (v, n) in values {
            counts[HOUR_BOUNDS.partition_point(|(bound, _)| v >= *bound)] += n;
        }
        let mut labels: Vec<String> = HOUR_BOUNDS.iter().map(|(_, l)| (*l).to_owned()).collect();
        labels.push("> 4 w".to_owned());
        Histogram { labels, counts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_interpolates_like_percentile_cont() {
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.5));
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 100.0], 0.5), Some(3.0));
        // rank 0.9 * 4 = 3.6 → 4 + 0.6 * (100 - 4)
        assert!((percentile(&[1.0, 2.0, 3.0, 4.0, 100.0], 0.9).unwrap() - 61.6).abs() < 1e-9);
        assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    #[test]
    fn selection_agrees_with_sorting() {
        let values: Vec<f64> = (0..1001).map(|i| ((i * 7919) % 1009) as f64 / 3.0).collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        for p in [0.0, 0.1, 0.5, 0.9, 0.99, 1.0] {
            assert_eq!(percentile_unsorted(&mut values.clone(), p), percentile(&sorted, p), "p = {p}");
        }
        assert_eq!(percentile_unsorted(&mut [2.0, 1.0], 0.5), Some(1.5), "ties and pairs interpolate");
    }

    #[test]
    fn distribution_needs_no_sorted_input() {
        let d = Distribution::of(vec![3.0, 1.0, 2.0]);
        assert_eq!((d.count, d.median, d.p90), (3, Some(2.0), Some(2.8)));
    }

    #[test]
    fn distribution_agrees_with_sorting_for_every_size() {
        for n in 0..60 {
            let values: Vec<f64> = (0..n).map(|i| ((i * 37 + 11) % 23) as f64).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let d = Distribution::of(values.clone());
            let close = |a: Option<f64>, b: Option<f64>| {
                a.zip(b).is_none_or(|(a, b)| (a - b).abs() < 1e-9) && a.is_some() == b.is_some()
            };
            assert!(close(d.median, percentile(&sorted, 0.5)), "n = {n}");
            assert!(close(d.p90, percentile(&sorted, 0.9)), "n = {n}: {:?} vs {:?}", d.p90, percentile(&sorted, 0.9));
        }
    }

    #[test]
    fn minute_counts_agree_with_sorting() {
        // Includes values past the dense range and ties.
        for n in [1usize, 2, 3, 10, 101, 1000] {
            let minutes: Vec<i32> = (0..n).map(|i| ((i * 7919) % 200_003) as i32 + 1).collect();
            let mut counts = MinuteCounts::default();
            minutes.iter().for_each(|m| counts.add(*m));
            let mut hours: Vec<f64> = minutes.iter().map(|m| f64::from(*m) / 60.0).collect();
            hours.sort_by(f64::total_cmp);
            let d = counts.distribution_hours();
            let close = |a: Option<f64>, b: Option<f64>| (a.unwrap() - b.unwrap()).abs() < 1e-9;
            assert!(close(d.median, percentile(&hours, 0.5)), "n = {n}");
            assert!(close(d.p90, percentile(&hours, 0.9)), "n = {n}");
            assert_eq!(d.count, n);
            assert_eq!(counts.histogram_hours(), Histogram::of_hours(&hours));
            let mut values = minutes.clone();
            assert!(close(median_minutes_as_hours(&mut values), percentile(&hours, 0.5)));
        }
        assert_eq!(MinuteCounts::default().distribution_hours().median, None);
        assert_eq!(median_minutes_as_hours(&mut []), None);
    }

    #[test]
    fn histogram_buckets_by_upper_bound() {
        let h = Histogram::of_hours(&[0.1, 0.25, 3.9, 4.0, 1000.0]);
        assert_eq!(h.counts, [1, 1, 1, 1, 0, 0, 0, 1]);
        assert_eq!(h.labels.len(), h.counts.len());
    }
}
