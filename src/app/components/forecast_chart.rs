use chrono::{DateTime, Utc};
use plotters::prelude::*;
use yew::prelude::*;

use crate::app::shared::Shared;
use analytics::forecast::Forecast;
use model::SeriesPoint;

#[derive(Properties, PartialEq)]
pub struct ForecastChartProps {
    /// The history as read (the last four weeks are drawn).
    pub history: Shared<Vec<SeriesPoint>>,
    pub forecast: Shared<Forecast>,
    pub limit: Option<f64>,
    pub effective_limit: Option<f64>,
    pub exhaustion: Option<DateTime<Utc>>,
    pub caption: AttrValue,
}

/// History, the forecast with its 80 % and 95 % bands, the limit and headroom lines and
/// the exhaustion date, drawn by plotters into an SVG of our own (dates and numbers only).
#[component]
pub fn ForecastChart(props: &ForecastChartProps) -> Html {
    let svg = use_memo(
        (
            props.history.clone(),
            props.forecast.clone(),
            props.limit.map(f64::to_bits),
            props.effective_limit.map(f64::to_bits),
            props.exhaustion,
        ),
        |_| draw(props).unwrap_or_default(),
    );
    html! {
        <figure class="chart forecast-chart">
            { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            <figcaption>{ props.caption.clone() }</figcaption>
        </figure>
    }
}

/// Days of history drawn before the forecast.
const HISTORY_DAYS: i64 = 28;
/// Points per line at most: more than the SVG has pixels for only slows the page.
const MAX_POINTS: usize = 700;

fn draw(props: &ForecastChartProps) -> Result<String, Box<dyn std::error::Error>> {
    let f = &props.forecast;
    let origin = f.start.timestamp();
    let day = |t: DateTime<Utc>| (t.timestamp() - origin) as f64 / 86400.0;
    let history: Vec<(f64, f64)> =
        props.history.iter().map(|p| (day(p.at), p.value)).filter(|(d, _)| *d >= -(HISTORY_DAYS as f64)).collect();
    let ahead = |i: usize| day(f.time(i));
    let stride = f.point.len().div_ceil(MAX_POINTS).max(1);
    let steps: Vec<usize> = (0..f.point.len()).step_by(stride).collect();
    let line = |values: &[f64]| -> Vec<(f64, f64)> { steps.iter().map(|&i| (ahead(i), values[i])).collect() };
    let band = |lower: &[f64], upper: &[f64]| -> Vec<(f64, f64)> {
        let mut polygon = line(upper);
        polygon.extend(line(lower).into_iter().rev());
        polygon
    };
    let end = ahead(f.point.len().saturating_sub(1)).max(1.0);
    let start = history.first().map_or(-1.0, |p| p.0).min(-1.0);
    let values = history
        .iter()
        .map(|p| p.1)
        .chain(f.upper95.iter().copied())
        .chain(f.lower95.iter().copied())
        .chain(props.limit);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
    let pad = ((high - low) * 0.05).max(1e-9);
    let (low, high) = (low - pad, high + pad);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (760, 260)).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(26)
            .y_label_area_size(56)
            .build_cartesian_2d(start..end, low..high)?;
        let label = |d: &f64| {
            (f.start + chrono::Duration::seconds((d * 86400.0) as i64)).format(model::dates::MONTH_DAY).to_string()
        };
        chart.configure_mesh().disable_x_mesh().x_labels(8).x_label_formatter(&label).y_labels(5).draw()?;
        let orange = RGBColor(194, 65, 12);
        chart.draw_series(std::iter::once(Polygon::new(band(&f.lower95, &f.upper95), orange.mix(0.15).filled())))?;
        chart.draw_series(std::iter::once(Polygon::new(band(&f.lower80, &f.upper80), orange.mix(0.25).filled())))?;
        let stride = history.len().div_ceil(MAX_POINTS).max(1);
        chart.draw_series(LineSeries::new(
            history.iter().step_by(stride).copied(),
            RGBColor(55, 65, 81).stroke_width(1),
        ))?;
        chart.draw_series(LineSeries::new(line(&f.point), orange.stroke_width(2)))?;
        let red = RGBColor(185, 28, 28);
        if let Some(limit) = props.limit {
            chart.draw_series(LineSeries::new([(start, limit), (end, limit)], red.stroke_width(2)))?;
        }
        if let Some(effective) = props.effective_limit {
            chart.draw_series(DashedLineSeries::new(
                [(start, effective), (end, effective)],
                6,
                4,
                red.stroke_width(1),
            ))?;
        }
        if let Some(at) = props.exhaustion {
            chart.draw_series(LineSeries::new([(day(at), low), (day(at), high)], red.mix(0.8).stroke_width(1)))?;
        }
        root.present()?;
    }
    Ok(svg)
}
