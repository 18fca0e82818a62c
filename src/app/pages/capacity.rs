use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::components::{AnchorLink, ForecastChart, Problem};
use crate::app::data::{Load, now_ms, timed, today, use_document, use_site};
use crate::app::query::query_setter;
use crate::app::route::Route;
use crate::app::shared::Shared;
use analytics::forecast::Forecast;
use analytics::{Calendar, Outlook, Plan, Status, assess, outlook, settings_for, with_growth};
use model::bundle::SERIES_FILE;
use model::{CapacitySettings, Series, SeriesPoint};
use views::format::format_percent;

/// The what-ifs, in the URL so a scenario can be shared. Empty means "as configured".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CapacityQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub growth: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead_time: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub headroom: String,
}

impl CapacityQuery {
    /// A series' plan under these what-ifs.
    fn plan(&self, configured: Plan) -> Plan {
        Plan {
            growth: self.growth.parse().ok().filter(|g: &f64| g.is_finite() && *g >= 0.0).unwrap_or(1.0),
            lead_time_days: self.lead_time.parse().unwrap_or(configured.lead_time_days),
            headroom: self
                .headroom
                .parse::<f64>()
                .ok()
                .filter(|h| (0.0..100.0).contains(h))
                .map_or(configured.headroom, |h| h / 100.0),
            ..configured
        }
    }
}

/// `/capacity`: every series forecast in the browser, one after another so the page stays
/// responsive, with what-ifs (growth, lead time, headroom) applied at once.
#[component]
pub fn CapacityPage() -> Html {
    let (series, retry) = use_document::<Vec<Series>>(SERIES_FILE.to_owned());
    match &*series {
        Load::Loading => html! { <p class="loading" aria-busy="true">{ "Loading the metric series…" }</p> },
        Load::Failed(message) => {
            html! { <Problem title="The metric series could not be loaded" message={message.clone()} {retry} /> }
        }
        Load::Ready(series) => html! { <CapacityView series={Shared(series.clone())} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    series: Shared<Vec<Series>>,
}

/// One series, forecast.
struct Computed {
    /// How long its forecast took, in milliseconds (for the benchmark).
    ms: f64,
    series: String,
    settings: CapacitySettings,
    problems: Vec<String>,
    history: Shared<Vec<SeriesPoint>>,
    /// Shared with the charts, never copied: 90 days of 5-minute steps are 26,000 of each figure.
    forecast: Result<Shared<Forecast>, String>,
}

/// A series under the page's what-ifs.
struct Row {
    computed: Rc<Computed>,
    plan: Plan,
    outlook: Option<Outlook>,
    /// With the growth what-if applied.
    forecast: Option<Shared<Forecast>>,
}

#[derive(Clone, Default)]
struct Progress {
    done: Rc<Vec<Rc<Computed>>>,
    /// Milliseconds for all of them, once finished.
    elapsed: Option<f64>,
}

/// Milliseconds of forecasting between two yields to the browser: under the 50 ms after
/// which input feels late (a "long task").
const SLICE_MS: f64 = 40.0;

/// Forecasts the series one after another, yielding to the browser every [`SLICE_MS`].
#[hook]
fn use_forecasts(series: Shared<Vec<Series>>) -> Progress {
    let site = use_site();
    let state = use_state(Progress::default);
    {
        let state = state.clone();
        use_effect_with(series, move |series| {
            let series = series.clone();
            let calendar = Calendar::of(&site.config);
            let day = today(&site);
            wasm_bindgen_futures::spawn_local(async move {
                let started = now_ms();
                let mut slice = started;
                let mut done = Vec::with_capacity(series.len());
                for s in series.iter() {
                    let settings = settings_for(s, &site.config.capacity);
                    let (assessment, ms) = timed(|| assess(s, &settings, &calendar, day));
                    done.push(Rc::new(Computed {
                        ms,
                        history: Shared::new(assessment.history),
                        forecast: assessment.forecast.map(Shared::new),
                        series: assessment.series,
                        settings: assessment.settings,
                        problems: assessment.problems,
                    }));
                    // Show what is ready and let the browser take input every SLICE_MS, not
                    // after every series: each render of the page costs more than a forecast.
                    if now_ms() - slice >= SLICE_MS {
                        state.set(Progress { done: Rc::new(done.clone()), elapsed: None });
                        gloo_timers::future::TimeoutFuture::new(0).await;
                        slice = now_ms();
                    }
                }
                state.set(Progress { done: Rc::new(done), elapsed: Some(now_ms() - started) });
            });
        });
    }
    (*state).clone()
}

#[component]
fn CapacityView(props: &ViewProps) -> Html {
    let site = use_site();
    let progress = use_forecasts(props.series.clone());
    let query: CapacityQuery = use_location().and_then(|l| l.query::<CapacityQuery>().ok()).unwrap_or_default();
    let navigator = use_navigator();
    let calendar = Calendar::of(&site.config);
    let day = today(&site);
    let total = props.series.0.len();

    // Each series under the what-ifs, soonest order-by date first; again only when a
    // forecast arrives or a what-if changes.
    let rows = use_memo((Shared(progress.done.clone()), query.clone(), day), move |(done, query, day)| {
        let mut rows: Vec<Row> =
            done.iter()
                .map(|c| {
                    let plan = query.plan(Plan::of(&c.settings));
                    let forecast =
                        c.forecast.as_ref().ok().map(|f| {
                            if plan.growth == 1.0 { f.clone() } else { Shared::new(with_growth(f, plan.growth)) }
                        });
                    let outlook = forecast.as_ref().map(|f| outlook(&c.history, f, &plan, &calendar, *day));
                    Row { computed: c.clone(), plan, outlook, forecast }
                })
                .collect();
        rows.sort_by_key(|Row { computed: c, outlook: o, .. }| {
            (
                o.as_ref().and_then(|o| o.order_by).is_none(),
                o.as_ref().and_then(|o| o.order_by),
                o.as_ref().map_or(Status::NoLimit, |o| o.status),
                c.series.clone(),
            )
        });
        rows
    });

    let set = |update: fn(&mut CapacityQuery, String)| query_setter(navigator.clone(), Route::Capacity, &query, update);
    let input = |callback: Callback<String>| {
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                callback.emit(input.value());
            }
        })
    };
    let status_text = match progress.elapsed {
        Some(ms) => format!("{total} series forecast in your browser in {ms:.0} ms"),
        None => format!("Forecasting… {} of {total}", progress.done.len()),
    };
    html! {
        <article class="capacity" data-series={total.to_string()} data-done={progress.done.len().to_string()}
            data-forecast-ms={progress.elapsed.map(|ms| format!("{ms:.1}")).unwrap_or_default()}>
            <h1>{ "Capacity" }</h1>
            <p class="muted" aria-live="polite">{ status_text }</p>
            if total == 0 {
                <p class="empty">{ "No metric series yet: add content/metrics/series/<name>.csv (see docs/formats.md)." }</p>
            }
            <form class="what-if" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label>{ "Growth × " }<input name="growth" type="number" min="0" step="0.1" placeholder="1.0" value={query.growth.clone()} onchange={input(set(|q, v| q.growth = v))} /></label>
                <label>{ "Lead time (days) " }<input name="lead_time" type="number" min="0" step="1" placeholder="as configured" value={query.lead_time.clone()} onchange={input(set(|q, v| q.lead_time = v))} /></label>
                <label>{ "Headroom (%) " }<input name="headroom" type="number" min="0" max="99" step="1" placeholder="as configured" value={query.headroom.clone()} onchange={input(set(|q, v| q.headroom = v))} /></label>
            </form>
            if !rows.is_empty() {
                <table class="capacity-table">
                    <thead><tr>
                        <th>{ "Series" }</th><th>{ "Status" }</th><th>{ "Order by" }</th><th>{ "Exhaustion" }</th><th>{ "Conservative" }</th>
                        <th>{ "Current (24 h peak)" }</th><th>{ "Headroom line" }</th><th>{ "Utilisation" }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| table_row(&r.computed, r.outlook.as_ref())) }
                    </tbody>
                </table>
            }
            { for rows.iter().map(|row| series_section(row, day)) }
        </article>
    }
}

/// The configured name, with the series' labels when the name was set for its whole
/// Prometheus export (several series share it).
fn title(c: &Computed) -> String {
    let series = &c.series;
    match (c.settings.name.as_str(), series.find('{')) {
        ("", _) => series.clone(),
        (name, Some(labels)) => format!("{name} {}", &series[labels..]),
        (name, None) => name.to_owned(),
    }
}

fn amount(value: Option<f64>, unit: &str) -> String {
    value
        .filter(|v| v.is_finite())
        .map_or("—".to_owned(), |v| format!("{} {unit}", significant(v)).trim_end().to_owned())
}

/// Three significant figures, without exponent notation.
fn significant(v: f64) -> String {
    let decimals = (2 - v.abs().max(1e-9).log10().floor() as i32).clamp(0, 6) as usize;
    format!("{v:.decimals$}")
}

fn date(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map_or("—".to_owned(), |t| t.format(model::dates::DATE).to_string())
}

fn table_row(c: &Computed, o: Option<&Outlook>) -> Html {
    let unit = &c.settings.unit;
    let status = o.map_or("no forecast", |o| o.status.label());
    html! {
        <tr key={c.series.clone()} data-series={c.series.clone()}>
            <th scope="row"><AnchorLink anchor={format!("series-{}", c.series)}>{ html! { title(c) } }</AnchorLink></th>
            <td><span class={classes!("status", status.replace(' ', "-"))}>{ status }</span></td>
            <td class="order-by">{ o.and_then(|o| o.order_by).map_or("—".to_owned(), |d| d.to_string()) }</td>
            <td class="exhaustion">{ date(o.and_then(|o| o.exhaustion)) }</td>
            <td>{ date(o.and_then(|o| o.conservative)) }</td>
            <td>{ amount(o.map(|o| o.current), unit) }</td>
            <td>{ amount(o.and_then(|o| o.effective_limit), unit) }</td>
            <td>{ format_percent(o.and_then(|o| o.utilisation)) }</td>
        </tr>
    }
}

fn series_section(row: &Row, day: NaiveDate) -> Html {
    let (c, plan, o, forecast) = (&row.computed, &row.plan, row.outlook.as_ref(), row.forecast.as_ref());
    let unit = &c.settings.unit;
    html! {
        <section key={c.series.clone()} class="series" id={format!("series-{}", c.series)} data-ms={format!("{:.2}", c.ms)}>
            <h2>{ title(c) }</h2>
            if let (Some(f), Some(o)) = (forecast, o) {
                <ForecastChart history={c.history.clone()} forecast={f.clone()} limit={plan.limit} effective_limit={o.effective_limit} exhaustion={o.exhaustion}
                    caption={format!("Last four weeks and the next {} days: forecast with 80 % and 95 % bands{}", c.settings.horizon_days(),
                        plan.limit.map(|l| format!("; limit {} and headroom line {} ({:.0} % kept free)", amount(Some(l), unit), amount(o.effective_limit, unit), plan.headroom * 100.0)).unwrap_or_default())} />
                <p class="method muted">{ format!("Method: {} (hold-out MASE {}); lead time {} days{}.", f.method.label(),
                    f.scores.iter().map(|(m, s)| format!("{} {s:.2}", m.label())).collect::<Vec<_>>().join(", "),
                    plan.lead_time_days, if plan.growth == 1.0 { String::new() } else { format!("; growth × {}", plan.growth) }) }</p>
                if !f.warnings.is_empty() {
                    <ul class="warnings">{ for f.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                }
            }
            if let Some(days) = c.history.iter().map(|p| p.at).max().map(|last| (day - last.date_naive()).num_days()).filter(|d| *d > 2) {
                <p class="notice">{ format!("The data ends {days} days before today: export it again for a forecast from now.") }</p>
            }
            if let Err(reason) = &c.forecast {
                <p class="notice">{ format!("No forecast: {reason}.") }</p>
            }
            if !c.problems.is_empty() {
                <details class="problems" open=true>
                    <summary>{ format!("{} problem(s) in the data", c.problems.len()) }</summary>
                    <ul>{ for c.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                </details>
            }
        </section>
    }
}
