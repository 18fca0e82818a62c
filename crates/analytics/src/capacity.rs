//! When a resource crosses its headroom line, and by when capacity must be ordered: a
//! forecast read against `[capacity.<series>]`. Pure; "today" is passed in.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Calendar;
use super::forecast::{Forecast, forecast, periods};
use model::{Aggregate, CapacitySettings, Resample, Series, SeriesPoint};

/// The what-ifs of the capacity page, over a series' settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub limit: Option<f64>,
    /// Share of the limit kept free.
    pub headroom: f64,
    pub lead_time_days: u32,
    /// Multiplies the forecast's growth: 1.5 grows half as fast again as forecast.
    pub growth: f64,
}

impl Plan {
    pub fn of(settings: &CapacitySettings) -> Plan {
        Plan {
            limit: settings.limit,
            headroom: settings.headroom,
            lead_time_days: settings.lead_time_days,
            growth: 1.0,
        }
    }

    /// `limit × (1 − headroom)`: where the series counts as out of capacity.
    pub fn effective_limit(&self) -> Option<f64> {
        self.limit.map(|l| l * (1.0 - self.headroom))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The order-by date has come (or the effective limit is already crossed).
    ActNow,
    /// The 95 % band crosses the effective limit within the horizon.
    Plan,
    Ok,
    /// No `limit` is set: forecast only.
    NoLimit,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::ActNow => "act now",
            Status::Plan => "plan",
            Status::Ok => "ok",
            Status::NoLimit => "no limit set",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outlook {
    /// The highest value of the last day of history: capacity must hold the peak.
    pub current: f64,
    pub effective_limit: Option<f64>,
    /// `current ÷ limit`.
    pub utilisation: Option<f64>,
    /// `1 − current ÷ limit`.
    pub headroom_left: Option<f64>,
    /// When the forecast median first reaches the effective limit.
    pub exhaustion: Option<DateTime<Utc>>,
    /// When the upper 95 % band first does.
    pub conservative: Option<DateTime<Utc>>,
    /// Exhaustion less the lead time.
    pub order_by: Option<NaiveDate>,
    pub status: Status,
}

/// The outlook of a forecast under a plan, as of `today`.
pub fn outlook(
    history: &[SeriesPoint],
    forecast: &Forecast,
    plan: &Plan,
    calendar: &Calendar,
    today: NaiveDate,
) -> Outlook {
    let last = history.iter().map(|p| p.at).max();
    let current = last.map_or(f64::NAN, |last| {
        let day_before = last - chrono::Duration::days(1);
        history.iter().filter(|p| p.at > day_before).map(|p| p.value).fold(f64::NEG_INFINITY, f64::max)
    });
    let effective = plan.effective_limit();
    let crossing = |values: &[f64]| {
        let limit = effective?;
        values.iter().position(|v| *v >= limit).map(|i| forecast.time(i))
    };
    let exhaustion = crossing(&forecast.point);
    let conservative = crossing(&forecast.upper95);
    let order_by = exhaustion.map(|t| calendar.date_of(t) - Days::new(u64::from(plan.lead_time_days)));
    let status = match effective {
        None => Status::NoLimit,
        Some(limit) if current >= limit || order_by.is_some_and(|d| d <= today) => Status::ActNow,
        Some(_) if conservative.is_some() => Status::Plan,
        Some(_) => Status::Ok,
    };
    Outlook {
        current,
        effective_limit: effective,
        utilisation: plan.limit.map(|l| current / l),
        headroom_left: plan.limit.map(|l| 1.0 - current / l),
        exhaustion,
        conservative,
        order_by,
        status,
    }
}

/// The forecast with its growth multiplied by `factor`: the trend (the forecast smoothed
/// over its longest cycle, so the cycles are not scaled) is stretched about its start, and
/// the bands move with the median.
pub fn with_growth(forecast: &Forecast, factor: f64) -> Forecast {
    if factor == 1.0 || forecast.point.is_empty() {
        return forecast.clone();
    }
    let n = forecast.point.len();
    let window = periods(forecast.step_seconds).into_iter().filter(|p| *p <= n).max().unwrap_or(1);
    let trend = moving_mean(&forecast.point, window);
    let shift: Vec<f64> = trend.iter().map(|t| (factor - 1.0) * (t - trend[0])).collect();
    let moved = |values: &[f64]| values.iter().zip(&shift).map(|(v, s)| v + s).collect();
    Forecast {
        point: moved(&forecast.point),
        lower80: moved(&forecast.lower80),
        upper80: moved(&forecast.upper80),
        lower95: moved(&forecast.lower95),
        upper95: moved(&forecast.upper95),
        ..forecast.clone()
    }
}

/// Centred mean over `window` steps, the window shrinking at the ends.
fn moving_mean(values: &[f64], window: usize) -> Vec<f64> {
    let mut sums = vec![0.0; values.len() + 1];
    for (i, v) in values.iter().enumerate() {
        sums[i + 1] = sums[i] + v;
    }
    let half = window / 2;
    (0..values.len())
        .map(|i| {
            let (from, to) = (i.saturating_sub(half), (i + half + 1).min(values.len()));
            (sums[to] - sums[from]) / (to - from) as f64
        })
        .collect()
}

/// The series resampled to `resample` (buckets aligned to the epoch, as Prometheus steps are).
pub fn resampled(points: &[SeriesPoint], resample: &Resample) -> Vec<SeriesPoint> {
    let mut sorted = points.to_vec();
    sorted.sort_by_key(|p| p.at);
    let mut out: Vec<(i64, Vec<f64>)> = Vec::new();
    for p in &sorted {
        let bucket = p.at.timestamp().div_euclid(resample.seconds) * resample.seconds;
        match out.last_mut() {
            Some((b, values)) if *b == bucket => values.push(p.value),
            _ => out.push((bucket, vec![p.value])),
        }
    }
    out.into_iter()
        .filter_map(|(bucket, values)| {
            let value = match resample.aggregate {
                Aggregate::Mean => values.iter().sum::<f64>() / values.len() as f64,
                Aggregate::Max => values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                Aggregate::Min => values.iter().copied().fold(f64::INFINITY, f64::min),
                Aggregate::Last => *values.last()?,
            };
            Some(SeriesPoint { at: DateTime::from_timestamp(bucket, 0)?, value })
        })
        .collect()
}

/// A series forecast under its settings and read against them: what the capacity page,
/// `report --json` and `forecast` show. A forecast that cannot be made (too little data)
/// says why, and the series is still listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub series: String,
    pub settings: CapacitySettings,
    /// The rows' problems, from reading the file.
    pub problems: Vec<String>,
    pub forecast: Result<Forecast, String>,
    /// Under the settings, without what-ifs; none when the forecast failed.
    pub outlook: Option<Outlook>,
    /// The points forecast from (resampled when the settings say so), for the page's chart
    /// and what-ifs.
    #[serde(skip)]
    pub history: Vec<SeriesPoint>,
}

/// The points a series is forecast from: resampled when its settings say so.
fn history(series: &Series, settings: &CapacitySettings) -> Vec<SeriesPoint> {
    match &settings.resample {
        Some(r) => resampled(&series.points, r),
        None => series.points.clone(),
    }
}

/// Forecasts `series` under `settings` and reads it against them as of `today`.
pub fn assess(series: &Series, settings: &CapacitySettings, calendar: &Calendar, today: NaiveDate) -> Assessment {
    let points = history(series, settings);
    let horizon = i64::from(settings.horizon_days()) * 86400;
    let forecast = forecast(&points, horizon);
    let outlook = forecast.as_ref().ok().map(|f| outlook(&points, f, &Plan::of(settings), calendar, today));
    Assessment {
        series: series.name.clone(),
        settings: settings.clone(),
        problems: series.problems.clone(),
        forecast,
        outlook,
        history: points,
    }
}

/// The settings of a series: its own `[capacity.<name>]`, else its file's, else defaults.
pub fn settings_for(
    series: &Series,
    configured: &std::collections::BTreeMap<String, CapacitySettings>,
) -> CapacitySettings {
    configured
        .get(&series.name)
        .or_else(|| series.file_stem().and_then(|f| configured.get(f)))
        .cloned()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_767_571_200 + hours * 3600, 0).unwrap()
    }

    /// A forecast from hour 100, rising 1 an hour from 60 with bands ±10 (95 %).
    fn rising() -> Forecast {
        let point: Vec<f64> = (0..48).map(|i| 60.0 + f64::from(i)).collect();
        Forecast {
            method: crate::forecast::Method::Linear,
            step_seconds: 3600,
            start: at(100),
            lower80: point.iter().map(|p| p - 5.0).collect(),
            upper80: point.iter().map(|p| p + 5.0).collect(),
            lower95: point.iter().map(|p| p - 10.0).collect(),
            upper95: point.iter().map(|p| p + 10.0).collect(),
            point,
            scores: vec![],
            level_shift: None,
            warnings: vec![],
        }
    }

    fn history(peak: f64) -> Vec<SeriesPoint> {
        vec![SeriesPoint { at: at(90), value: peak }, SeriesPoint { at: at(99), value: 55.0 }]
    }

    #[test]
    fn exhaustion_conservative_and_order_by_dates() {
        // Limit 100, headroom 30 %: effective 70, reached at step 10 (hour 110); the upper
        // band reaches it at step 0.
        let plan = Plan { limit: Some(100.0), headroom: 0.3, lead_time_days: 2, growth: 1.0 };
        let today = at(0).date_naive();
        let o = outlook(&history(58.0), &rising(), &plan, &Calendar::utc(), today);
        assert_eq!(o.effective_limit, Some(70.0));
        assert_eq!(o.current, 58.0, "the peak of the last day");
        assert_eq!(o.utilisation, Some(0.58));
        assert_eq!(o.exhaustion, Some(at(110)));
        assert_eq!(o.conservative, Some(at(100)));
        assert_eq!(o.order_by, Some(at(110).date_naive() - Days::new(2)));
        assert_eq!(o.status, Status::Plan);
        // Once the order-by day comes, act now.
        let late = outlook(&history(58.0), &rising(), &plan, &Calendar::utc(), at(110).date_naive());
        assert_eq!(late.status, Status::ActNow);
        // Already over the effective limit: act now whatever the dates.
        assert_eq!(outlook(&history(75.0), &rising(), &plan, &Calendar::utc(), today).status, Status::ActNow);
        // A limit far above: ok; none at all: no limit.
        let roomy = Plan { limit: Some(1000.0), ..plan };
        assert_eq!(outlook(&history(58.0), &rising(), &roomy, &Calendar::utc(), today).status, Status::Ok);
        let unset = Plan { limit: None, ..plan };
        let o = outlook(&history(58.0), &rising(), &unset, &Calendar::utc(), today);
        assert_eq!((o.status, o.exhaustion), (Status::NoLimit, None));
    }

    #[test]
    fn growth_what_if_stretches_the_trend_only() {
        let doubled = with_growth(&rising(), 2.0);
        // The trend is the 24-hour moving mean: 90 at step 30, and 66 at the start (the mean
        // of the first 13 steps, the window cut short). Doubling the growth adds 90 − 66.
        let plain = rising();
        assert_eq!(doubled.point[30] - plain.point[30], 24.0);
        assert_eq!(doubled.upper95[30] - doubled.point[30], 10.0, "bands move with the median");
        assert_eq!(with_growth(&plain, 1.0), plain);
    }

    #[test]
    fn resampling_keeps_the_peak_of_each_bucket() {
        let points: Vec<SeriesPoint> = [(0, 1.0), (1, 5.0), (2, 3.0), (3, 2.0)]
            .iter()
            .map(|(m, v)| SeriesPoint { at: DateTime::from_timestamp(m * 1800, 0).unwrap(), value: *v })
            .collect();
        let hourly = resampled(&points, &Resample { seconds: 3600, aggregate: Aggregate::Max });
        assert_eq!(hourly.iter().map(|p| p.value).collect::<Vec<_>>(), [5.0, 3.0]);
    }
}
