use plotters::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// (label, value) per bar, in order.
    pub bars: Vec<(String, usize)>,
    pub caption: AttrValue,
}

/// A bar chart drawn by plotters into an SVG string. The SVG is ours (labels are dates and
/// numbers), so it is inserted as-is.
#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let svg = use_memo(props.bars.clone(), |bars| draw(bars).unwrap_or_default());
    html! {
        <figure class="chart">
            { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            <figcaption>{ props.caption.clone() }</figcaption>
        </figure>
    }
}

fn draw(bars: &[(String, usize)]) -> Result<String, Box<dyn std::error::Error>> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 220)).into_drawing_area();
        let top = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1) as u32;
        let mut chart =
            ChartBuilder::on(&root).margin(8).x_label_area_size(28).y_label_area_size(40).build_cartesian_2d(
                (0u32..(bars.len() as u32).saturating_sub(1)).into_segmented(),
                0u32..top + top / 10 + 1,
            )?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(bars.len().min(7))
            .x_label_formatter(&|x| match x {
                SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                    bars.get(*i as usize).map(|b| b.0.clone()).unwrap_or_default()
                }
                SegmentValue::Last => String::new(),
            })
            .draw()?;
        chart.draw_series(
            Histogram::vertical(&chart)
                .style(RGBColor(194, 65, 12).filled())
                .margin(2)
                .data(bars.iter().enumerate().map(|(i, b)| (i as u32, b.1 as u32))),
        )?;
        root.present()?;
    }
    Ok(svg)
}
