//! Forecast accuracy, as the M4 competition defines it: for choosing a method on a hold-out,
//! for calibrating its bands, and for the benchmark.

pub fn mae(actual: &[f64], predicted: &[f64]) -> f64 {
    actual.iter().zip(predicted).map(|(a, p)| (a - p).abs()).sum::<f64>() / actual.len().max(1) as f64
}

/// The in-sample mean absolute difference at lag `m` (M4: the seasonal period, 24 hourly):
/// what a seasonal-naive forecast errs by, so MASE 1 means "as good as that".
pub fn mase_scale(train: &[f64], m: usize) -> f64 {
    let m = m.min(train.len().saturating_sub(1)).max(1);
    let count = train.len().saturating_sub(m).max(1);
    let scale = (m..train.len()).map(|t| (train[t] - train[t - m]).abs()).sum::<f64>() / count as f64;
    if scale > 0.0 { scale } else { 1e-12 }
}

pub fn mase(train: &[f64], actual: &[f64], predicted: &[f64], m: usize) -> f64 {
    mae(actual, predicted) / mase_scale(train, m)
}

/// Symmetric MAPE in percent: 200/h Σ |a − p| / (|a| + |p|).
pub fn smape(actual: &[f64], predicted: &[f64]) -> f64 {
    let sum: f64 = actual
        .iter()
        .zip(predicted)
        .map(|(a, p)| {
            let d = a.abs() + p.abs();
            if d > 0.0 { (a - p).abs() / d } else { 0.0 }
        })
        .sum();
    200.0 * sum / actual.len().max(1) as f64
}

/// The share of `actual` inside [`lower`, `upper`].
pub fn coverage(actual: &[f64], lower: &[f64], upper: &[f64]) -> f64 {
    let inside = actual.iter().zip(lower).zip(upper).filter(|((a, l), u)| **a >= **l && **a <= **u).count();
    inside as f64 / actual.len().max(1) as f64
}

/// Linear interpolation between closest ranks; `None` when empty.
pub fn quantile(values: &[f64], q: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    sorted.sort_by(f64::total_cmp);
    crate::percentile(&sorted, q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_by_their_definitions() {
        assert_eq!(mae(&[1.0, 2.0], &[2.0, 4.0]), 1.5);
        // Lag-1 differences of 1, 3, 6 are 2 and 3: scale 2.5.
        assert_eq!(mase_scale(&[1.0, 3.0, 6.0], 1), 2.5);
        assert_eq!(mase(&[1.0, 3.0, 6.0], &[8.0], &[10.5], 1), 1.0);
        assert!((smape(&[100.0], &[50.0]) - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(coverage(&[1.0, 5.0], &[0.0, 0.0], &[2.0, 2.0]), 0.5);
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.5));
    }
}
