//! Seasonal decomposition and the trend models on its remainder: MSTL (Bandara et al.,
//! as `augurs-mstl` runs it, through its `stlrs`) splits off the daily and weekly cycles;
//! exponential smoothing (`augurs-ets`'s AutoETS) or Theta forecasts what is left; the
//! cycles are added back.

use augurs_core::{Fit, Predict};
use augurs_ets::AutoETS;
use augurs_mstl::stlrs;

use super::baselines::Path;
use super::{Z95, baselines};

pub struct Decomposition {
    pub periods: Vec<usize>,
    pub seasonal: Vec<Vec<f64>>,
    /// The series without its cycles: trend plus remainder.
    pub adjusted: Vec<f64>,
}

/// MSTL with these periods (each must fit twice in `y`). stlrs works in f32, which is why
/// the series is normalised before it gets here.
pub fn decompose(y: &[f64], periods: &[usize]) -> Result<Decomposition, String> {
    let y32: Vec<f32> = y.iter().map(|v| *v as f32).collect();
    let fit = stlrs::MstlParams::new().fit(&y32, periods).map_err(|e| format!("MSTL: {e}"))?;
    let seasonal: Vec<Vec<f64>> = fit.seasonal().iter().map(|s| s.iter().map(|v| f64::from(*v)).collect()).collect();
    let adjusted = (0..y.len()).map(|i| y[i] - seasonal.iter().map(|s| s[i]).sum::<f64>()).collect();
    Ok(Decomposition { periods: periods.to_vec(), seasonal, adjusted })
}

impl Decomposition {
    /// The cycles carried on for `h` steps: the last full period of each, repeated.
    fn future(&self, h: usize) -> Vec<f64> {
        let mut out = vec![0.0; h];
        for (p, s) in self.periods.iter().zip(&self.seasonal) {
            let base = s.len() - p;
            for (i, o) in out.iter_mut().enumerate() {
                *o += s[base + i % p];
            }
        }
        out
    }

    /// A trend model's forecast of the adjusted series, the cycles added back.
    pub fn forecast(&self, h: usize, trend: Trend) -> Result<Path, String> {
        let mut path = on_means(&self.adjusted, h, TREND_POINTS, |x, steps| trend.forecast(x, steps))?;
        for (p, s) in path.point.iter_mut().zip(self.future(h)) {
            *p += s;
        }
        Ok(path)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Ets,
    Theta,
}

impl Trend {
    pub fn forecast(self, x: &[f64], h: usize) -> Result<Path, String> {
        match self {
            Trend::Ets => ets(x, h),
            Trend::Theta => Ok(baselines::theta(x, h)),
        }
    }
}

/// AutoETS over additive-error models (no, additive or damped trend; no season — MSTL took
/// it). Multiplicative-error models would draw thousands of random paths for their bands:
/// slow, and not the same twice.
fn ets(x: &[f64], h: usize) -> Result<Path, String> {
    let fit = AutoETS::new(1, "AZN").map_err(|e| format!("ETS: {e}"))?.fit(x).map_err(|e| format!("ETS: {e}"))?;
    let forecast = fit.predict(h, 0.95).map_err(|e| format!("ETS: {e}"))?;
    let bands = forecast.intervals.ok_or("ETS gave no intervals")?;
    let sd = bands.upper.iter().zip(&bands.lower).map(|(u, l)| (u - l) / (2.0 * Z95)).collect();
    Ok(Path { point: forecast.point, sd })
}

/// Trend models see at most this many points: means of consecutive steps. Ten times faster
/// than full resolution, and more accurate (a trend is not in the minute-to-minute noise).
const TREND_POINTS: usize = 250;

/// Runs `model` on means of `k` consecutive points (aligned to the end, `k` so that at most
/// `max_points` remain) and maps its forecast back onto the steps, interpolating between
/// bucket centres; each step's sd adds the spread within a bucket.
fn on_means(
    x: &[f64],
    h: usize,
    max_points: usize,
    model: impl Fn(&[f64], usize) -> Result<Path, String>,
) -> Result<Path, String> {
    let k = x.len().div_ceil(max_points).max(1);
    if k == 1 {
        return model(x, h);
    }
    let buckets = x.len() / k;
    let skip = x.len() - buckets * k;
    let means: Vec<f64> =
        (0..buckets).map(|b| x[skip + b * k..skip + (b + 1) * k].iter().sum::<f64>() / k as f64).collect();
    let within = (0..buckets * k).map(|i| (x[skip + i] - means[i / k]).powi(2)).sum::<f64>() / (buckets * k) as f64;
    let ahead = h.div_ceil(k) + 1;
    let coarse = model(&means, ahead)?;
    let centre = (k as f64 - 1.0) / 2.0;
    let (mut point, mut sd) = (Vec::with_capacity(h), Vec::with_capacity(h));
    for j in 0..h {
        let at = (j as f64 - centre) / k as f64;
        let i = (at.floor().max(0.0) as usize).min(ahead - 2);
        let t = at - i as f64;
        point.push(coarse.point[i] + (coarse.point[i + 1] - coarse.point[i]) * t);
        let s = coarse.sd[(j / k).min(ahead - 1)];
        sd.push((s * s + within).sqrt());
    }
    Ok(Path { point, sd })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycles_and_the_trend_are_recovered() {
        // Hourly: a daily sine of amplitude 1 on a line rising 0.01 a step, no noise.
        let y: Vec<f64> =
            (0..24 * 21).map(|i| 0.01 * f64::from(i) + (std::f64::consts::TAU * f64::from(i) / 24.0).sin()).collect();
        let decomposition = decompose(&y, &[24]).unwrap();
        let path = decomposition.forecast(48, Trend::Ets).unwrap();
        for (i, p) in path.point.iter().enumerate() {
            let t = (24 * 21 + i) as f64;
            let truth = 0.01 * t + (std::f64::consts::TAU * t / 24.0).sin();
            assert!((p - truth).abs() < 0.1, "step {i}: {p} against {truth}");
        }
    }
}
