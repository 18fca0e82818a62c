//! Samples onto a regular grid: exporters skip scrapes, jitter timestamps and leave gaps,
//! while every method below needs one value per step. What had to be repaired is reported.

const NICE_STEPS: [i64; 17] = [1, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 86400];

#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// Unix seconds of `values[0]`.
    pub start: i64,
    /// Seconds between values.
    pub step: i64,
    /// One value per step, gaps filled.
    pub values: Vec<f64>,
    /// Steps with no sample, filled in.
    pub missing: usize,
    pub warnings: Vec<String>,
}

/// Sorts the samples, finds the step (the median interval, snapped to a usual scrape
/// interval), averages samples sharing a slot and fills gaps.
pub fn regularise(samples: &[(i64, f64)]) -> Result<Grid, String> {
    let mut samples: Vec<(i64, f64)> = samples.iter().copied().filter(|s| s.1.is_finite()).collect();
    if samples.len() < 3 {
        return Err(format!("{} usable sample(s): a forecast needs at least 3", samples.len()));
    }
    samples.sort_by_key(|s| s.0);
    let mut intervals: Vec<i64> = samples.windows(2).map(|w| w[1].0 - w[0].0).filter(|d| *d > 0).collect();
    if intervals.is_empty() {
        return Err("every sample has the same timestamp".into());
    }
    intervals.sort_unstable();
    let median = intervals[intervals.len() / 2] as f64;
    let distance = |step: i64| (step as f64 / median).ln().abs();
    let step = NICE_STEPS
        .into_iter()
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
        .filter(|s| distance(*s) < 0.2f64.ln_1p())
        .unwrap_or(median.round().max(1.0) as i64);

    let irregular = samples
        .windows(2)
        .filter(|w| {
            let steps = (w[1].0 - w[0].0) as f64 / step as f64;
            steps < 0.5 || (steps - steps.round()).abs() > 0.1
        })
        .count();
    let start = samples[0].0;
    let slot = |t: i64| ((t - start) as f64 / step as f64).round() as usize;
    let len = slot(samples[samples.len() - 1].0) + 1;
    let mut sums = vec![0.0; len];
    let mut counts = vec![0u32; len];
    for &(t, v) in &samples {
        let i = slot(t).min(len - 1);
        sums[i] += v;
        counts[i] += 1;
    }
    let shared: usize = counts.iter().map(|c| c.saturating_sub(1) as usize).sum();
    let mut values: Vec<f64> =
        sums.iter().zip(&counts).map(|(s, c)| if *c > 0 { s / f64::from(*c) } else { f64::NAN }).collect();
    let day = (86400 % step == 0 && 86400 / step >= 2).then_some((86400 / step) as usize);
    let (missing, longest) = fill_gaps(&mut values, day);

    let mut warnings = Vec::new();
    if missing as f64 > 0.005 * len as f64 {
        warnings.push(format!(
            "{missing} of {len} points ({:.1} %) were missing, the longest gap {}; filled in",
            100.0 * missing as f64 / len as f64,
            duration(longest as i64 * step)
        ));
    }
    if irregular as f64 > 0.05 * (samples.len() - 1) as f64 {
        warnings.push(format!(
            "irregular sampling: {:.0} % of intervals are not a whole number of {} steps; resampled",
            100.0 * irregular as f64 / (samples.len() - 1) as f64,
            duration(step)
        ));
    }
    if shared as f64 > 0.05 * len as f64 {
        warnings.push(format!("{shared} samples shared a {} slot and were averaged", duration(step)));
    }
    Ok(Grid { start, step, values, missing, warnings })
}

/// Fills NaN runs in place: short runs on a straight line; runs longer than two hours
/// (a twelfth of a day) with the day before, offset to meet both edges, so a long gap keeps
/// the daily shape. Returns (points filled, longest run).
fn fill_gaps(values: &mut [f64], day: Option<usize>) -> (usize, usize) {
    let (mut missing, mut longest) = (0, 0);
    let mut i = 0;
    while i < values.len() {
        if !values[i].is_nan() {
            i += 1;
            continue;
        }
        // The first and last values are samples, so a run has a value on each side.
        let from = i;
        while values[i].is_nan() {
            i += 1;
        }
        let run = i - from;
        missing += run;
        longest = longest.max(run);
        let (left, right) = (values[from - 1], values[i]);
        let fraction = |j: usize| (j - from + 1) as f64 / (run + 1) as f64;
        match day {
            Some(p) if run > (p / 12).max(2) && from > p => {
                let offset_left = left - values[from - 1 - p];
                let offset_right = if i >= p && i - p < from { right - values[i - p] } else { offset_left };
                for j in from..i {
                    values[j] = values[j - p] + offset_left + (offset_right - offset_left) * fraction(j);
                }
            }
            _ => {
                for (j, value) in values.iter_mut().enumerate().take(i).skip(from) {
                    *value = left + (right - left) * fraction(j);
                }
            }
        }
    }
    (missing, longest)
}

/// `3 h`, `2 d`, `5 min`.
pub fn duration(seconds: i64) -> String {
    match seconds {
        s if s % 86400 == 0 => format!("{} d", s / 86400),
        s if s % 3600 == 0 => format!("{} h", s / 3600),
        s if s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_step_and_fills_short_gaps_on_a_line() {
        // Hourly with jitter and one missing hour.
        let samples = [(0, 1.0), (3590, 2.0), (10_810, 4.0), (14_400, 5.0)];
        let grid = regularise(&samples).unwrap();
        assert_eq!(grid.step, 3600);
        assert_eq!(grid.values, [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(grid.missing, 1);
        assert!(grid.warnings.iter().any(|w| w.contains("1 of 5 points")), "{:?}", grid.warnings);
    }

    #[test]
    fn a_long_gap_keeps_the_daily_shape() {
        // Hourly, a square daily pattern (0 by night, 10 by day), day 3 missing from 06:00 to 18:00.
        let shape = |h: i64| if (8..20).contains(&(h % 24)) { 10.0 } else { 0.0 };
        let samples: Vec<(i64, f64)> =
            (0..96).filter(|h| !(54..66).contains(h)).map(|h| (h * 3600, shape(h))).collect();
        let grid = regularise(&samples).unwrap();
        for h in 54..66 {
            assert!((grid.values[h as usize] - shape(h)).abs() < 1e-9, "hour {h}: {}", grid.values[h as usize]);
        }
    }

    #[test]
    fn too_few_samples_is_an_error() {
        assert!(regularise(&[(0, 1.0), (60, f64::NAN), (120, 2.0)]).unwrap_err().contains("2 usable"));
        assert!(regularise(&[(5, 1.0), (5, 2.0), (5, 3.0)]).unwrap_err().contains("same timestamp"));
    }
}
