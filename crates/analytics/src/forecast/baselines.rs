//! The simple methods: seasonal naive (the benchmark every method must beat), Theta (a
//! strong, cheap trend model), a straight line (Prometheus `predict_linear`), each with the
//! standard deviation of its h-step error for the bands. All work on normalised values.

/// A point forecast with the nominal standard deviation of each step's error.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub point: Vec<f64>,
    pub sd: Vec<f64>,
}

/// Repeats the last period `m`; the error grows with each period ahead.
pub fn seasonal_naive(y: &[f64], m: usize, h: usize) -> Path {
    let n = y.len();
    let m = m.clamp(1, n);
    let errors: Vec<f64> = (m..n).map(|t| y[t] - y[t - m]).collect();
    let s = (errors.iter().map(|e| e * e).sum::<f64>() / errors.len().max(1) as f64).sqrt();
    Path {
        point: (0..h).map(|i| y[n - m + i % m]).collect(),
        sd: (0..h).map(|i| s * ((i / m + 1) as f64).sqrt()).collect(),
    }
}

/// Seasonal naive with period `m` plus the change between the last `d` points and the same
/// points a period earlier, once per period ahead: last week, grown as much as it grew.
pub fn seasonal_naive_drift(y: &[f64], m: usize, d: usize, h: usize) -> Path {
    let n = y.len();
    let mean = |from: usize, to: usize| y[from..to].iter().sum::<f64>() / (to - from) as f64;
    let delta = mean(n - d, n) - mean(n - m - d, n - m);
    let mut path = seasonal_naive(y, m, h);
    for (i, p) in path.point.iter_mut().enumerate() {
        *p += delta * (i / m + 1) as f64;
    }
    // The drift is modelled, so only the seasonal differences' spread about it is error.
    let errors: Vec<f64> = (m..n).map(|t| y[t] - y[t - m]).collect();
    let mean_error = errors.iter().sum::<f64>() / errors.len() as f64;
    let s = (errors.iter().map(|e| (e - mean_error).powi(2)).sum::<f64>() / (errors.len() - 1).max(1) as f64).sqrt();
    for (i, sd) in path.sd.iter_mut().enumerate() {
        *sd = s * ((i / m + 1) as f64).sqrt();
    }
    path
}

/// A least-squares line through `y` against its index.
struct Line {
    intercept: f64,
    slope: f64,
    /// Residual standard deviation.
    sd: f64,
    mean_t: f64,
    sxx: f64,
}

fn line(y: &[f64]) -> Line {
    let n = y.len() as f64;
    let mean_t = (n - 1.0) / 2.0;
    let mean_y = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, v) in y.iter().enumerate() {
        let dt = i as f64 - mean_t;
        sxy += dt * (v - mean_y);
        sxx += dt * dt;
    }
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    let intercept = mean_y - slope * mean_t;
    let rss: f64 = y.iter().enumerate().map(|(i, v)| (v - intercept - slope * i as f64).powi(2)).sum();
    Line { intercept, slope, sd: (rss / (n - 2.0).max(1.0)).sqrt(), mean_t, sxx }
}

/// The residuals of `y` about its least-squares line.
pub fn detrended(y: &[f64]) -> Vec<f64> {
    let fit = line(y);
    y.iter().enumerate().map(|(i, v)| v - fit.intercept - fit.slope * i as f64).collect()
}

pub fn residual_sd(y: &[f64]) -> f64 {
    line(y).sd
}

/// Prometheus's `predict_linear` over the whole history, with a regression's prediction
/// interval.
pub fn linear(y: &[f64], h: usize) -> Path {
    let n = y.len();
    let fit = line(y);
    Path {
        point: (0..h).map(|i| fit.intercept + fit.slope * (n + i) as f64).collect(),
        sd: (0..h)
            .map(|i| {
                let t = (n + i) as f64 - fit.mean_t;
                fit.sd * (1.0 + 1.0 / n as f64 + t * t / fit.sxx.max(1e-12)).sqrt()
            })
            .collect(),
    }
}

/// Simple exponential smoothing: (alpha, last level, one-step error sd), alpha by
/// golden-section search on the one-step squared error.
fn smoothing(y: &[f64]) -> (f64, f64, f64) {
    let run = |alpha: f64| {
        let (mut level, mut sse) = (y[0], 0.0);
        for &v in &y[1..] {
            let e = v - level;
            sse += e * e;
            level += alpha * e;
        }
        (sse, level)
    };
    let golden = 0.618_033_988_75;
    let (mut low, mut high) = (1e-3, 0.999);
    let (mut c, mut d) = (high - golden * (high - low), low + golden * (high - low));
    let (mut fc, mut fd) = (run(c).0, run(d).0);
    for _ in 0..40 {
        if fc < fd {
            (high, d, fd) = (d, c, fc);
            c = high - golden * (high - low);
            fc = run(c).0;
        } else {
            (low, c, fc) = (c, d, fd);
            d = low + golden * (high - low);
            fd = run(d).0;
        }
    }
    let alpha = 0.5 * (low + high);
    let (sse, level) = run(alpha);
    (alpha, level, (sse / (y.len() - 1).max(1) as f64).sqrt())
}

/// The Theta method (Hyndman & Billah 2003, R's `thetaf`): exponential smoothing plus half
/// the least-squares slope; bands from the smoothing model.
pub fn theta(y: &[f64], h: usize) -> Path {
    let n = y.len();
    let slope = line(y).slope;
    let (alpha, level, s) = smoothing(y);
    let k = (1.0 - (1.0 - alpha).powi(n as i32)) / alpha;
    Path {
        point: (0..h).map(|i| level + 0.5 * slope * (i as f64 + k)).collect(),
        sd: (0..h).map(|i| s * (1.0 + alpha * alpha * i as f64).sqrt()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seasonal_naive_repeats_the_last_period() {
        let y = [1.0, 2.0, 3.0, 1.0, 2.0, 3.0];
        let path = seasonal_naive(&y, 3, 5);
        assert_eq!(path.point, [1.0, 2.0, 3.0, 1.0, 2.0]);
        assert_eq!(path.sd, [0.0; 5], "a perfect repeat has no error");
    }

    #[test]
    fn drift_adds_the_growth_of_a_period_per_period() {
        let y: Vec<f64> = (0..8).map(|i| f64::from(i % 4) + if i >= 4 { 10.0 } else { 0.0 }).collect();
        assert_eq!(seasonal_naive_drift(&y, 4, 2, 4).point, [20.0, 21.0, 22.0, 23.0]);
    }

    #[test]
    fn a_line_is_extended_exactly() {
        let y: Vec<f64> = (0..10).map(|i| 2.0 + 0.5 * f64::from(i)).collect();
        let path = linear(&y, 2);
        assert!((path.point[0] - 7.0).abs() < 1e-9 && (path.point[1] - 7.5).abs() < 1e-9, "{:?}", path.point);
        let theta = theta(&y, 3);
        assert!(theta.point.windows(2).all(|w| w[1] > w[0]), "Theta follows the trend: {:?}", theta.point);
    }
}
