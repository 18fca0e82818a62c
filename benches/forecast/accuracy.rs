//! Forecast accuracy on synthetic series: MASE and sMAPE of the automatic choice against
//! seasonal naive and a straight line, and how often the bands held the actual values.

use analytics::forecast::{Method, accuracy, forecast, forecast_with};
use chrono::DateTime;
use model::SeriesPoint;

use crate::series::{observe, settings, truth};

pub const SEEDS: u64 = 20;

/// Pooled figures of one kind of series.
#[derive(Default)]
pub struct Figures {
    pub mase: Vec<f64>,
    pub smape: Vec<f64>,
    pub covered80: Vec<f64>,
    pub covered95: Vec<f64>,
}

pub struct Row {
    pub label: String,
    pub chosen: Figures,
    pub seasonal_naive: Figures,
    pub linear: Figures,
}

fn points(samples: &[(i64, f64)]) -> Vec<SeriesPoint> {
    samples.iter().map(|(t, v)| SeriesPoint { at: DateTime::from_timestamp(*t, 0).unwrap(), value: *v }).collect()
}

fn score(into: &mut Figures, train: &[f64], test: &[f64], f: &analytics::forecast::Forecast, lag: usize) {
    let h = test.len();
    into.mase.push(accuracy::mase(train, test, &f.point[..h], lag));
    into.smape.push(accuracy::smape(test, &f.point[..h]));
    into.covered80.push(accuracy::coverage(test, &f.lower80[..h], &f.upper80[..h]));
    into.covered95.push(accuracy::coverage(test, &f.lower95[..h], &f.upper95[..h]));
}

/// `history` steps observed, the next `test` steps scored, over every setting and seed.
pub fn evaluate(label: &str, step: i64, history: usize, test: usize) -> Row {
    let lag = (86400 / step) as usize;
    let mut row = Row {
        label: label.to_owned(),
        chosen: Figures::default(),
        seasonal_naive: Figures::default(),
        linear: Figures::default(),
    };
    for spec in settings(step, history + test) {
        for seed in 0..SEEDS {
            let values = truth(&spec, seed);
            let observed = points(&observe(&spec, &values, history, seed));
            let (train, actual) = (&values[..history], &values[history..]);
            let horizon = test as i64 * step;
            let run = |methods: Option<&[Method]>| match methods {
                None => forecast(&observed, horizon),
                Some(m) => forecast_with(&observed, horizon, m),
            };
            let describe = |e: String| format!("{} seed {seed}: {e}", spec.name);
            score(&mut row.chosen, train, actual, &run(None).map_err(describe).unwrap(), lag);
            score(
                &mut row.seasonal_naive,
                train,
                actual,
                &run(Some(&[Method::SeasonalNaiveDay])).map_err(describe).unwrap(),
                lag,
            );
            score(&mut row.linear, train, actual, &run(Some(&[Method::Linear])).map_err(describe).unwrap(), lag);
        }
    }
    row
}

pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}
