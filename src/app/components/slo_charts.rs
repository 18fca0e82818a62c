//! The SLO page's two charts, drawn by plotters into SVGs of our own (dates and numbers
//! only): the budget left day by day with its 0 % line, and the burn rate with the alert
//! thresholds, the backtested alerts shaded, and incidents and deployments on the time axis.

use chrono::{DateTime, NaiveDate};
use plotters::prelude::*;
use yew::prelude::*;

use crate::app::shared::Shared;
use model::AlertSeverity;
use views::slo_chart::BurnChart;

const SIZE: (u32, u32) = (760, 240);
const INK: RGBColor = RGBColor(55, 65, 81);
const RED: RGBColor = RGBColor(185, 28, 28);
const AMBER: RGBColor = RGBColor(180, 83, 9);
const BLUE: RGBColor = RGBColor(29, 78, 216);

#[derive(Properties, PartialEq)]
pub struct BurnDownProps {
    pub days: Shared<Vec<(NaiveDate, f64)>>,
}

#[component]
pub fn BurnDownChart(props: &BurnDownProps) -> Html {
    let svg = use_memo(props.days.clone(), |days| draw_burn_down(days).unwrap_or_default());
    figure(&svg, "Error budget left at the end of each day; below the 0 % line it is overspent", "burn-down")
}

#[derive(Properties, PartialEq)]
pub struct BurnRateProps {
    pub chart: Shared<BurnChart>,
}

#[component]
pub fn BurnRateChart(props: &BurnRateProps) -> Html {
    let svg = use_memo(props.chart.clone(), |chart| draw_burn_rate(chart).unwrap_or_default());
    let caption = "Burn rate over the last hour; dashed lines are the alerts' thresholds, shaded spans when they \
                   would have fired (red: page, amber: ticket); red ticks mark incidents, blue ticks deployments";
    figure(&svg, caption, "burn-rate")
}

fn figure(svg: &str, caption: &str, class: &str) -> Html {
    html! {
        <figure class={classes!("chart", class.to_owned())}>
            { Html::from_html_unchecked(AttrValue::from(svg.to_owned())) }
            <figcaption>{ caption.to_owned() }</figcaption>
        </figure>
    }
}

fn draw_burn_down(days: &[(NaiveDate, f64)]) -> Result<String, Box<dyn std::error::Error>> {
    let points: Vec<(f64, f64)> = days.iter().enumerate().map(|(i, (_, left))| (i as f64, left * 100.0)).collect();
    let low = points.iter().map(|p| p.1).fold(0.0, f64::min) - 5.0;
    let end = (points.len().max(2) - 1) as f64;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(26)
            .y_label_area_size(48)
            .build_cartesian_2d(0.0..end, low..105.0)?;
        let label = |x: &f64| days.get(*x as usize).map(|d| d.0.format(model::dates::MONTH_DAY).to_string());
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(8)
            .x_label_formatter(&|x| label(x).unwrap_or_default())
            .y_labels(6)
            .y_label_formatter(&|y| format!("{y:.0} %"))
            .draw()?;
        chart.draw_series(LineSeries::new([(0.0, 0.0), (end, 0.0)], RED.stroke_width(1)))?;
        chart.draw_series(LineSeries::new(points, INK.stroke_width(2)))?;
        root.present()?;
    }
    Ok(svg)
}

fn draw_burn_rate(c: &BurnChart) -> Result<String, Box<dyn std::error::Error>> {
    let day = |at: i64| (at - c.start) as f64 / 86400.0;
    let (end, high) = (day(c.end), c.ceiling() * 1.1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(26)
            .y_label_area_size(48)
            .build_cartesian_2d(0.0..end.max(1.0 / 24.0), 0.0..high)?;
        let label = |d: &f64| {
            DateTime::from_timestamp(c.start + (d * 86400.0) as i64, 0)
                .map(|t| t.format(model::dates::MONTH_DAY).to_string())
                .unwrap_or_default()
        };
        chart.configure_mesh().disable_x_mesh().x_labels(8).x_label_formatter(&label).y_labels(6).draw()?;
        for (from, until, severity) in &c.firings {
            let colour = if *severity == AlertSeverity::Page { RED } else { AMBER };
            let area = [(day(*from), 0.0), (day(*until), high)];
            chart.draw_series(std::iter::once(Rectangle::new(area, colour.mix(0.15).filled())))?;
        }
        for (_, factor) in &c.thresholds {
            chart.draw_series(DashedLineSeries::new([(0.0, *factor), (end, *factor)], 6, 4, RED.stroke_width(1)))?;
        }
        let tick = |at: i64, top: f64| PathElement::new([(day(at), 0.0), (day(at), top)], BLUE.stroke_width(1));
        chart.draw_series(c.deploys.iter().map(|at| tick(*at, high * 0.05)))?;
        let incident = |at: i64| PathElement::new([(day(at), 0.0), (day(at), high * 0.12)], RED.stroke_width(2));
        chart.draw_series(c.incidents.iter().map(|(at, _)| incident(*at)))?;
        chart.draw_series(LineSeries::new(c.points.iter().map(|(at, burn)| (day(*at), *burn)), INK.stroke_width(1)))?;
        root.present()?;
    }
    Ok(svg)
}
