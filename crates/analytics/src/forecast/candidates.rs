//! Runs the candidate methods on one history, and scores them on hold-outs.

use serde::{Deserialize, Serialize};

use super::accuracy::{mae, mase_scale, quantile};
use super::baselines::{self, Path};
use super::seasonal::{Decomposition, Trend, decompose};
use super::{Z80, Z95};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// MSTL (daily, and weekly with two weeks of history) with exponential smoothing.
    MstlEts,
    /// MSTL with Theta.
    MstlTheta,
    SeasonalNaiveDay,
    SeasonalNaiveWeek,
    /// Last week plus its growth over the week before: the only weekly-aware method with
    /// 8 to 14 days of history.
    SeasonalNaiveWeekDrift,
    /// Without a day of history to see a cycle in.
    Theta,
    /// Prometheus `predict_linear`.
    Linear,
}

impl Method {
    pub fn label(self) -> &'static str {
        match self {
            Method::MstlEts => "MSTL + ETS",
            Method::MstlTheta => "MSTL + Theta",
            Method::SeasonalNaiveDay => "seasonal naive (day)",
            Method::SeasonalNaiveWeek => "seasonal naive (week)",
            Method::SeasonalNaiveWeekDrift => "seasonal naive (week) with drift",
            Method::Theta => "Theta",
            Method::Linear => "linear",
        }
    }

    /// Whether the method needs a cycle in the history.
    pub fn needs_cycles(self) -> bool {
        !matches!(self, Method::Theta | Method::Linear)
    }
}

/// The history a method runs on: normalised values and the cycles its step allows.
pub struct History<'a> {
    pub values: &'a [f64],
    /// Day and week, in steps, as the step divides them (see [`super::periods`]).
    pub periods: &'a [usize],
}

impl History<'_> {
    /// The periods that fit twice: MSTL needs two cycles of each.
    fn usable(&self) -> Vec<usize> {
        self.periods.iter().copied().filter(|p| self.values.len() >= 2 * p).collect()
    }
}

/// Each method's forecast of `h` steps; a decomposition is shared by the MSTL methods.
pub fn run(
    history: &History,
    methods: &[Method],
    h: usize,
    known: Option<&Decomposition>,
) -> Vec<(Method, Result<Path, String>)> {
    let y = history.values;
    let usable = history.usable();
    let needs_mstl = methods.iter().any(|m| matches!(m, Method::MstlEts | Method::MstlTheta));
    let decomposition = match known {
        Some(d) if d.periods == usable && d.adjusted.len() == y.len() => None,
        _ if needs_mstl && !usable.is_empty() => Some(decompose(y, &usable)),
        _ => None,
    };
    let decomposition: Option<Result<&Decomposition, String>> = match &decomposition {
        Some(Ok(d)) => Some(Ok(d)),
        Some(Err(e)) => Some(Err(e.clone())),
        None => known.filter(|d| d.periods == usable && d.adjusted.len() == y.len()).map(Ok),
    };
    methods
        .iter()
        .map(|&method| {
            let path = match method {
                Method::MstlEts | Method::MstlTheta => {
                    let trend = if method == Method::MstlEts { Trend::Ets } else { Trend::Theta };
                    match &decomposition {
                        Some(Ok(d)) => d.forecast(h, trend),
                        Some(Err(e)) => Err(e.clone()),
                        None => Err("no cycle fits twice in the history".into()),
                    }
                }
                Method::SeasonalNaiveDay | Method::SeasonalNaiveWeek => {
                    let index = usize::from(method == Method::SeasonalNaiveWeek);
                    match history.periods.get(index) {
                        Some(&p) if y.len() >= p => Ok(baselines::seasonal_naive(y, p, h)),
                        _ => Err("the history is shorter than the period".into()),
                    }
                }
                Method::SeasonalNaiveWeekDrift => match history.periods {
                    [day, week, ..] if y.len() >= week + day => Ok(baselines::seasonal_naive_drift(y, *week, *day, h)),
                    _ => Err("the history is shorter than a week and a day".into()),
                },
                Method::Theta => Ok(baselines::theta(y, h)),
                Method::Linear => Ok(baselines::linear(y, h)),
            };
            (method, path)
        })
        .collect()
}

/// What the hold-outs said: each method's mean MASE, the winner, and how much its bands
/// must widen to hold 80 % and 95 % of the hold-out errors.
pub struct Choice {
    pub scores: Vec<(Method, f64)>,
    pub best: Method,
    pub widen80: f64,
    pub widen95: f64,
}

/// Scores `methods` on `origins` consecutive hold-outs of `window` steps at the end of the
/// history (fitted on what came before each), by MASE scaled with lag `scale_lag`. Only a
/// method that ran on every hold-out can win: one that needs more history would otherwise
/// be judged on the easiest window alone. `None` when the history is too short.
pub fn choose(
    history: &History,
    methods: &[Method],
    window: usize,
    origins: usize,
    scale_lag: usize,
) -> Option<Choice> {
    let y = history.values;
    let n = y.len();
    let min_fit = 2 * scale_lag.max(4);
    let cuts: Vec<usize> =
        (1..=origins).map(|k| n.saturating_sub(k * window)).filter(|&cut| window >= 2 && cut >= min_fit).collect();
    if cuts.is_empty() {
        return None;
    }
    // Per method: summed MASE, hold-outs scored, |error| / sd of every step.
    let mut tally: Vec<(Method, f64, usize, Vec<f64>)> = methods.iter().map(|&m| (m, 0.0, 0, Vec::new())).collect();
    for &cut in &cuts {
        let (train, test) = (&y[..cut], &y[cut..cut + window]);
        let scale = mase_scale(train, scale_lag);
        let past = History { values: train, periods: history.periods };
        for (method, path) in run(&past, methods, window, None) {
            let Ok(path) = path else { continue };
            let Some(entry) = tally.iter_mut().find(|e| e.0 == method) else { continue };
            entry.1 += mae(test, &path.point) / scale;
            entry.2 += 1;
            entry.3.extend(test.iter().zip(&path.point).zip(&path.sd).map(|((a, p), s)| (a - p).abs() / s.max(1e-12)));
        }
    }
    let mut scores = Vec::new();
    let mut best: Option<(Method, f64, Vec<f64>)> = None;
    for (method, sum, count, ratios) in tally.into_iter().filter(|t| t.2 > 0) {
        let score = sum / count as f64;
        scores.push((method, score));
        if count == cuts.len() && best.as_ref().is_none_or(|b| score < b.1) {
            best = Some((method, score, ratios));
        }
    }
    let (best, _, ratios) = best?;
    // Split-conformal widening: the error quantiles over the nominal sd. Hold-outs are short
    // and their errors correlated, so the bands are only ever widened, never narrowed.
    let widen = |q: f64, z: f64| quantile(&ratios, q).map_or(1.0, |r| (r / z).clamp(1.0, 5.0));
    Some(Choice { scores, best, widen80: widen(0.80, Z80), widen95: widen(0.95, Z95) })
}
