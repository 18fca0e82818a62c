//! Capacity forecasts of infrastructure metrics: daily and weekly cycles, a trend, noise,
//! gaps and the odd level shift. The pipeline:
//!
//! 1. [`grid`]: samples onto a regular grid; gaps filled, irregular sampling reported.
//! 2. Values normalised (MSTL runs in f32; smoothing prefers values near 1).
//! 3. The cycles the step allows — a day and a week — kept when they fit twice.
//! 4. [`level_shift`]: one step change looked for; the older history moved to the new level.
//! 5. [`candidates`]: MSTL + ETS and MSTL + Theta against seasonal-naive baselines, chosen
//!    by MASE on two rolling hold-outs; the winner's bands widened to what the hold-outs
//!    erred by. Too short a history falls back to Theta or a line, and says so.
//!
//! Pure: no clock, no I/O. The browser, the CLI and the benchmark run the same code.

pub mod accuracy;
mod baselines;
mod candidates;
mod grid;
mod level_shift;
mod seasonal;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use candidates::Method;
pub use grid::duration;
pub use level_shift::LevelShift;

use candidates::{History, choose, run};
use model::SeriesPoint;

const Z80: f64 = 1.281_551_565_545;
const Z95: f64 = 1.959_963_984_540;

/// The methods tried, best first when the hold-outs tie.
pub const METHODS: [Method; 5] = [
    Method::MstlEts,
    Method::MstlTheta,
    Method::SeasonalNaiveDay,
    Method::SeasonalNaiveWeek,
    Method::SeasonalNaiveWeekDrift,
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub method: Method,
    /// Seconds between steps (of the history as regularised, and of the forecast).
    pub step_seconds: i64,
    /// The first forecast step; each next one is `step_seconds` later.
    pub start: DateTime<Utc>,
    pub point: Vec<f64>,
    pub lower80: Vec<f64>,
    pub upper80: Vec<f64>,
    pub lower95: Vec<f64>,
    pub upper95: Vec<f64>,
    /// Every candidate's mean hold-out MASE (lower is better; 1 is seasonal naive's).
    pub scores: Vec<(Method, f64)>,
    /// A level shift found in the history, in the series' units.
    pub level_shift: Option<(DateTime<Utc>, f64)>,
    /// What was repaired or could not be done, for the reader.
    pub warnings: Vec<String>,
}

impl Forecast {
    /// The time of step `i`.
    pub fn time(&self, i: usize) -> DateTime<Utc> {
        self.start + chrono::Duration::seconds(self.step_seconds * i as i64)
    }
}

/// Forecasts `horizon_seconds` past the last sample with the methods of [`METHODS`].
pub fn forecast(points: &[SeriesPoint], horizon_seconds: i64) -> Result<Forecast, String> {
    forecast_with(points, horizon_seconds, &METHODS)
}

/// The same with a chosen set of methods (the benchmark scores each alone). The stages are
/// those of the module's comment, one function each.
pub fn forecast_with(points: &[SeriesPoint], horizon_seconds: i64, methods: &[Method]) -> Result<Forecast, String> {
    let samples: Vec<(i64, f64)> = points.iter().map(|p| (p.at.timestamp(), p.value)).collect();
    let grid = grid::regularise(&samples)?;
    let step = grid.step;
    let h = usize::try_from(horizon_seconds.div_euclid(step)).unwrap_or(0).max(1);
    let mut warnings = grid.warnings.clone();
    let mut scaled = Scaled::of(&grid.values);
    let cycles = Cycles::of(step, grid.values.len());
    warnings.extend(history_warnings(&cycles, grid.values.len(), h, step));

    let mut decomposition =
        if cycles.fitting.is_empty() { None } else { Some(seasonal::decompose(&scaled.z, &cycles.fitting)?) };
    let adjusted = decomposition.as_ref().map_or_else(|| scaled.z.clone(), |d| d.adjusted.clone());
    let level_shift = remove_level_shift(&mut scaled, &adjusted, &grid, &cycles, &mut warnings);
    if level_shift.is_some() {
        decomposition = None; // The history changed: decompose it again.
    }

    let candidates = candidates_for(methods, &adjusted, &cycles, &mut warnings);
    let full = History { values: &scaled.z, periods: &cycles.all };
    let checked = checked_choice(&full, &candidates, &cycles, step, &mut warnings);
    let (method, path) = final_fit(&full, checked.best, &candidates, h, decomposition.as_ref(), &mut warnings)?;
    let unscale = |v: f64| v * scaled.spread + scaled.mean;
    let band = |z: f64, sign: f64| -> Vec<f64> {
        path.point.iter().zip(&path.sd).map(|(p, s)| unscale(p + sign * z * s)).collect()
    };
    let last = grid.start + step * (grid.values.len() as i64 - 1);
    Ok(Forecast {
        method,
        step_seconds: step,
        start: DateTime::from_timestamp(last + step, 0).unwrap_or_default(),
        lower80: band(Z80 * checked.widen80, -1.0),
        upper80: band(Z80 * checked.widen80, 1.0),
        lower95: band(Z95 * checked.widen95, -1.0),
        upper95: band(Z95 * checked.widen95, 1.0),
        point: path.point.iter().map(|p| unscale(*p)).collect(),
        scores: checked.scores,
        level_shift,
        warnings,
    })
}

/// The history standardised (stage 2): MSTL runs in f32 and smoothing prefers values near 1.
struct Scaled {
    mean: f64,
    spread: f64,
    z: Vec<f64>,
}

impl Scaled {
    fn of(y: &[f64]) -> Scaled {
        let n = y.len() as f64;
        let mean = y.iter().sum::<f64>() / n;
        let spread = (y.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
        let spread = if spread > 0.0 && spread.is_finite() { spread } else { 1.0 };
        Scaled { mean, spread, z: y.iter().map(|v| (v - mean) / spread).collect() }
    }
}

/// The cycles the step allows (stage 3), and those the history holds twice.
struct Cycles {
    all: Vec<usize>,
    fitting: Vec<usize>,
    /// A day in steps, where the step divides it.
    day: Option<usize>,
}

impl Cycles {
    fn of(step: i64, n: usize) -> Cycles {
        let all = periods(step);
        let fitting = all.iter().copied().filter(|&p| n >= 2 * p).collect();
        Cycles { all, fitting, day: (86400 % step == 0).then_some((86400 / step) as usize) }
    }

    /// Fewer cycles fit than the step allows (the weekly one is missing).
    fn partial(&self) -> bool {
        self.fitting.len() < self.all.len()
    }
}

fn history_warnings(cycles: &Cycles, n: usize, h: usize, step: i64) -> Vec<String> {
    let mut warnings = Vec::new();
    let history = duration(n as i64 * step);
    if cycles.fitting.is_empty() {
        warnings.push(format!("{history} of history is less than two days: no daily cycle can be seen, so a trend method without cycles is used"));
    } else if cycles.partial() {
        warnings.push(format!("{history} of history is less than two weeks: the weekly cycle is not modelled"));
    }
    if h > 3 * n {
        warnings.push(format!("the horizon is {:.0} times the history: trust its far end less", h as f64 / n as f64));
    }
    warnings
}

/// Stage 4: a level shift, looked for without the cycles; the history before it is moved to
/// the new level. The shift's time and size in the series' units.
fn remove_level_shift(
    scaled: &mut Scaled,
    adjusted: &[f64],
    grid: &grid::Grid,
    cycles: &Cycles,
    warnings: &mut Vec<String>,
) -> Option<(DateTime<Utc>, f64)> {
    let n = adjusted.len();
    let window = cycles.day.unwrap_or((n / 20).max(4)).min(n / 4);
    let shift = level_shift::detect(adjusted, window, cycles.partial())?;
    let at = DateTime::from_timestamp(grid.start + grid.step * shift.index as i64, 0).unwrap_or_default();
    let delta = shift.delta * scaled.spread;
    warnings.push(format!(
        "the level shifted by {delta:+.3} ({:+.0} %) at {}; the history before it is read at the new level",
        100.0 * delta / scaled.mean.abs().max(1e-12),
        at.format(model::dates::DATE_TIME_UTC)
    ));
    for v in &mut scaled.z[..shift.index] {
        *v += shift.delta;
    }
    Some((at, delta))
}

/// The methods the history can support, of those asked for.
fn candidates_for(methods: &[Method], adjusted: &[f64], cycles: &Cycles, warnings: &mut Vec<String>) -> Vec<Method> {
    let mut candidates: Vec<Method> = methods.to_vec();
    if cycles.fitting.is_empty() {
        candidates.retain(|m| !m.needs_cycles());
        if candidates.is_empty() {
            candidates = vec![Method::Theta, Method::Linear];
        }
    }
    if let Some(note) = weekly_without_two_weeks(adjusted, &cycles.all, &cycles.fitting, &mut candidates) {
        warnings.push(note);
    }
    candidates
}

/// Stage 5's outcome: the best method on the hold-outs and how far to widen its bands.
struct Checked {
    best: Method,
    scores: Vec<(Method, f64)>,
    widen80: f64,
    widen95: f64,
}

fn checked_choice(
    full: &History,
    candidates: &[Method],
    cycles: &Cycles,
    step: i64,
    warnings: &mut Vec<String>,
) -> Checked {
    let n = full.values.len();
    let scale_lag = cycles.fitting.first().copied().unwrap_or(1);
    let holdout = match cycles.day {
        Some(d) if step >= 3600 => 7 * d,
        Some(d) => 2 * d,
        None => n / 5,
    }
    .min(n / 4);
    match choose(full, candidates, holdout, 2, scale_lag) {
        Some(c) => Checked { best: c.best, scores: c.scores, widen80: c.widen80, widen95: c.widen95 },
        None => {
            warnings.push(format!(
                "the history is too short to check methods on a hold-out; {} is used unchecked",
                candidates[0].label()
            ));
            Checked { best: candidates[0], scores: Vec::new(), widen80: 1.0, widen95: 1.0 }
        }
    }
}

/// The final fit on the whole history, falling back down the list if a method fails.
fn final_fit(
    full: &History,
    best: Method,
    candidates: &[Method],
    h: usize,
    decomposition: Option<&seasonal::Decomposition>,
    warnings: &mut Vec<String>,
) -> Result<(Method, baselines::Path), String> {
    let mut order = vec![best];
    order.extend(candidates.iter().copied().filter(|m| *m != best));
    order.push(Method::Linear);
    for method in order {
        match run(full, &[method], h, decomposition).pop().map(|(_, path)| path) {
            Some(Ok(path)) => return Ok((method, path)),
            Some(Err(e)) => warnings.push(format!("{} failed ({e}); falling back", method.label())),
            None => {}
        }
    }
    Err("no method could forecast this series".to_owned())
}

/// A day and a week in steps, where the step divides them (one step per value at least).
pub fn periods(step: i64) -> Vec<usize> {
    let (day, week) = (86400, 7 * 86400);
    [day, week]
        .into_iter()
        .filter(|p| step > 0 && p % step == 0 && p / step >= 2)
        .map(|p| (p / step) as usize)
        .collect()
}

/// With 8 to 14 days of history a weekly cycle cannot be decomposed, and a short hold-out
/// cannot reveal that a daily-only model misses it. When the week-ago correlation shows
/// one, only the weekly seasonal-naive methods stay in the running.
fn weekly_without_two_weeks(
    adjusted: &[f64],
    all: &[usize],
    fitting: &[usize],
    candidates: &mut Vec<Method>,
) -> Option<String> {
    let (&week, &day) = (all.get(1)?, fitting.first()?);
    let n = adjusted.len();
    if fitting.len() != 1 || n < week + day {
        return None;
    }
    let r = baselines::detrended(adjusted);
    let variance = r.iter().map(|x| x * x).sum::<f64>() / n as f64;
    let correlation = (week..n).map(|t| r[t] * r[t - week]).sum::<f64>() / (n - week) as f64 / variance.max(1e-12);
    let weekly = [Method::SeasonalNaiveWeekDrift, Method::SeasonalNaiveWeek];
    if correlation <= 0.3 || !candidates.iter().any(|m| weekly.contains(m)) {
        return None;
    }
    candidates.retain(|m| weekly.contains(m));
    Some(format!(
        "a weekly cycle shows (week-ago correlation {correlation:.2}) but the history is shorter than two weeks: last week's shape is repeated"
    ))
}

#[cfg(test)]
mod tests;
