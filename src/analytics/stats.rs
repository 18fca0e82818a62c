use serde::{Deserialize, Serialize};

/// The `p`-th percentile (0 ≤ p ≤ 1) of sorted values with linear interpolation between
/// closest ranks — what SQL's `PERCENTILE_CONT` computes. `None` for no values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = p.clamp(0.0, 1.0) * last as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    Some(sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64))
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
        values.sort_by(f64::total_cmp);
        Distribution { count: values.len(), median: percentile(&values, 0.5), p90: percentile(&values, 0.9) }
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
    fn distribution_sorts_its_input() {
        let d = Distribution::of(vec![3.0, 1.0, 2.0]);
        assert_eq!((d.count, d.median, d.p90), (3, Some(2.0), Some(2.8)));
    }
}
