//! A step change in the level — a migration, a new customer, a cache removed — bends any
//! trend fitted across it. One shift is looked for in the deseasonalised series; the caller
//! warns, and moves the older history to the new level.

use super::accuracy::quantile;
use super::baselines::residual_sd;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LevelShift {
    /// The first step at the new level.
    pub index: usize,
    /// New level minus old.
    pub delta: f64,
}

/// One step change in `d`, compared over windows of `w` steps (a day). Screening: the
/// difference of the means of the `w` steps after and before each point, as a robust
/// z-score. Confirmation: a line with a step must fit markedly better than a line alone, so
/// a slow ramp or a weekend dip is not taken for a shift. `strict` when a weekly cycle is
/// expected but not modelled (weekend dips then look like steps).
pub fn detect(d: &[f64], w: usize, strict: bool) -> Option<LevelShift> {
    let n = d.len();
    if w < 4 || n < 4 * w {
        return None;
    }
    let mut sums = vec![0.0; n + 1];
    for i in 0..n {
        sums[i + 1] = sums[i] + d[i];
    }
    let mean = |from: usize, to: usize| (sums[to] - sums[from]) / (to - from) as f64;
    let jumps: Vec<f64> = (w..=n - w).map(|t| mean(t, t + w) - mean(t - w, t)).collect();
    let (centre, spread) = robust(&jumps);
    let (at, jump) = jumps.iter().enumerate().max_by(|a, b| (a.1 - centre).abs().total_cmp(&(b.1 - centre).abs()))?;
    if (jump - centre).abs() / spread < 6.0 {
        return None;
    }
    let index = at + w;
    let line_rss = residual_sd(d).powi(2) * (n - 2) as f64;
    let (delta, step_rss, step_spread) = line_and_step(d, index);
    let needed = if strict { 0.4 } else { 0.6 };
    (step_rss / line_rss <= needed && delta.abs() >= 3.0 * step_spread).then_some(LevelShift { index, delta })
}

/// Median and 1.4826 × median absolute deviation (the standard deviation, for normal data).
fn robust(values: &[f64]) -> (f64, f64) {
    let centre = quantile(values, 0.5).unwrap_or(0.0);
    let deviations: Vec<f64> = values.iter().map(|v| (v - centre).abs()).collect();
    (centre, (1.4826 * quantile(&deviations, 0.5).unwrap_or(0.0)).max(1e-12))
}

/// Least squares of `d` on [1, t, step at `k`]: (the step, residual sum of squares, robust
/// spread of the residuals).
fn line_and_step(d: &[f64], k: usize) -> (f64, f64, f64) {
    let n = d.len();
    let row = |i: usize| [1.0, i as f64 / n as f64, if i >= k { 1.0 } else { 0.0 }];
    let mut xtx = [[0.0f64; 3]; 3];
    let mut xty = [0.0f64; 3];
    for (i, &v) in d.iter().enumerate() {
        let x = row(i);
        for r in 0..3 {
            xty[r] += x[r] * v;
            for c in 0..3 {
                xtx[r][c] += x[r] * x[c];
            }
        }
    }
    let beta = solve(xtx, xty);
    let residuals: Vec<f64> =
        d.iter().enumerate().map(|(i, v)| v - row(i).iter().zip(&beta).map(|(x, b)| x * b).sum::<f64>()).collect();
    let rss = residuals.iter().map(|r| r * r).sum();
    (beta[2], rss, robust(&residuals).1)
}

/// Gaussian elimination with partial pivoting for a 3 × 3 system.
fn solve(mut a: [[f64; 3]; 3], mut b: [f64; 3]) -> [f64; 3] {
    for c in 0..3 {
        let pivot = (c..3).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs())).unwrap_or(c);
        a.swap(c, pivot);
        b.swap(c, pivot);
        let pivot_row = a[c];
        for r in c + 1..3 {
            let f = a[r][c] / pivot_row[c];
            for (x, p) in a[r].iter_mut().zip(pivot_row).skip(c) {
                *x -= f * p;
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = [0.0; 3];
    for r in (0..3).rev() {
        x[r] = (b[r] - (r + 1..3).map(|k| a[r][k] * x[k]).sum::<f64>()) / a[r][r];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise(i: usize) -> f64 {
        // Deterministic, zero-mean, irregular.
        ((i as f64 * 12.9898).sin() * 43_758.547).fract() - 0.5
    }

    #[test]
    fn finds_a_step_where_it_is_and_of_its_size() {
        let d: Vec<f64> = (0..400).map(|i| 0.01 * i as f64 + noise(i) + if i >= 250 { 5.0 } else { 0.0 }).collect();
        let shift = detect(&d, 24, false).expect("a shift");
        assert!(shift.index.abs_diff(250) <= 2, "{shift:?}");
        assert!((shift.delta - 5.0).abs() < 0.5, "{shift:?}");
    }

    #[test]
    fn a_ramp_is_not_a_step() {
        let d: Vec<f64> = (0..400).map(|i| 0.05 * i as f64 + noise(i)).collect();
        assert_eq!(detect(&d, 24, false), None);
    }
}
