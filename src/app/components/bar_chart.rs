use plotters::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// (label, value) per bar, in order.
    pub bars: Vec<(String, usize)>,
    pub caption: AttrValue,
}

/// The colour of a one-series chart, and of each layer of a stacked one in order.
const COLOURS: [RGBColor; 3] = [RGBColor(194, 65, 12), RGBColor(13, 116, 144), RGBColor(109, 40, 217)];

/// A bar chart drawn by plotters into an SVG string. The SVG is ours (labels are dates and
/// numbers), so it is inserted as-is.
#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let svg = use_memo(props.bars.clone(), |bars| {
        let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
        let values: Vec<usize> = bars.iter().map(|b| b.1).collect();
        draw(&labels, &[values]).unwrap_or_default()
    });
    html! {
        <figure class="chart">
            { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            <figcaption>{ props.caption.clone() }</figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct StackedBarChartProps {
    /// Under each bar, in order.
    pub labels: Vec<String>,
    /// (name, one value per bar), bottom first; at most three.
    pub layers: Vec<(String, Vec<usize>)>,
    pub caption: AttrValue,
}

/// Bars of several layers stacked, with a legend naming each layer's colour.
#[component]
pub fn StackedBarChart(props: &StackedBarChartProps) -> Html {
    let svg = use_memo((props.labels.clone(), props.layers.clone()), |(labels, layers)| {
        let values: Vec<Vec<usize>> = layers.iter().map(|l| l.1.clone()).collect();
        draw(labels, &values).unwrap_or_default()
    });
    let legend = props.layers.iter().zip(COLOURS).map(|((name, _), RGBColor(r, g, b))| {
        let style = format!("background: rgb({r}, {g}, {b})");
        html! { <span class="legend"><span class="swatch" {style}></span>{ name.clone() }</span> }
    });
    html! {
        <figure class="chart">
            { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            <figcaption>{ props.caption.clone() }{ " " }{ for legend }</figcaption>
        </figure>
    }
}

/// Each layer's bars on top of the layers before it.
fn draw(labels: &[String], layers: &[Vec<usize>]) -> Result<String, Box<dyn std::error::Error>> {
    let bars = labels.len();
    let mut bottoms = vec![0u32; bars];
    let tops: Vec<Vec<u32>> = layers
        .iter()
        .map(|layer| {
            bottoms.iter_mut().zip(layer).map(|(bottom, v)| std::mem::replace(bottom, *bottom + *v as u32)).collect()
        })
        .collect();
    let top = bottoms.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 220)).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(28)
            .y_label_area_size(40)
            .build_cartesian_2d((0u32..(bars as u32).saturating_sub(1)).into_segmented(), 0u32..top + top / 10 + 1)?;
        let at = |x: &SegmentValue<u32>| match x {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => Some(*i as usize),
            SegmentValue::Last => None,
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(bars.min(7))
            .x_label_formatter(&|x| at(x).and_then(|i| labels.get(i)).cloned().unwrap_or_default())
            .draw()?;
        for ((layer, bases), colour) in layers.iter().zip(&tops).zip(COLOURS) {
            chart.draw_series(
                Histogram::vertical(&chart)
                    .style(colour.filled())
                    .margin(2)
                    .baseline_func(|x| at(x).and_then(|i| bases.get(i)).copied().unwrap_or(0))
                    .data(layer.iter().zip(bases).enumerate().map(|(i, (v, base))| (i as u32, base + *v as u32))),
            )?;
        }
        root.present()?;
    }
    Ok(svg)
}
