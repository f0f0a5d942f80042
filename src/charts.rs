//! The only code that touches ECharts: loads it lazily from our own origin, builds
//! chart options with charming as pure functions, draws a chart once and then only
//! updates it. Every call into ECharts is caught, so a chart can fail but never take
//! the app down.
//!
//! Architecture Invariant: no other module names ECharts or charming.

use charming::component::{
    Aria, Axis, Decal, DecalItem, Grid, RadarAxisName, RadarCoordinate, RadarIndicator,
};
use charming::datatype::DataPointItem;
use charming::element::{AreaStyle, AxisType, Color, ItemStyle, LineStyle, NameLocation, Symbol};
use charming::series::{Bar, Radar};
use charming::Chart;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where Trunk puts the vendored ECharts build (copied from npm, never a CDN).
pub const ECHARTS_URL: &str = "/vendor/echarts.min.js";

/// The stylesheet's brand and ink colours, so charts match the page.
const BRAND: &str = "#0b4f6c";
const INK: &str = "#1a1f24";
const MUTED: &str = "#8a96a3";

/// Fewest scored dimensions for which a radar says anything.
pub const MIN_RADAR_AXES: usize = 3;

#[wasm_bindgen]
extern "C" {
    /// An ECharts chart instance.
    type EchartsInstance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(dom: &web_sys::HtmlElement) -> Result<EchartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &EchartsInstance, option: &JsValue, not_merge: bool)
        -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn resize(this: &EchartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn dispose(this: &EchartsInstance) -> Result<(), JsValue>;
}

/// Whether the ECharts script is usable yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Library {
    Loading,
    Ready,
    Failed,
}

thread_local! {
    static LIBRARY: RefCell<Option<ArcRwSignal<Library>>> = const { RefCell::new(None) };
}

/// Starts loading ECharts (once per page) and returns its status.
pub fn load_library() -> ArcRwSignal<Library> {
    LIBRARY.with(|slot| {
        if let Some(signal) = slot.borrow().as_ref() {
            return signal.clone();
        }
        let signal = ArcRwSignal::new(inject_script());
        *slot.borrow_mut() = Some(signal.clone());
        signal
    })
}

fn echarts_present() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"echarts".into()).unwrap_or(false)
}

/// Adds the `<script>` for ECharts; its load or error event settles the status.
fn inject_script() -> Library {
    if echarts_present() {
        return Library::Ready;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Library::Failed;
    };
    let Ok(script) = document.create_element("script") else {
        return Library::Failed;
    };
    let Ok(script) = script.dyn_into::<web_sys::HtmlScriptElement>() else {
        return Library::Failed;
    };
    script.set_src(ECHARTS_URL);
    script.set_async(true);
    let settle = |outcome: Library| {
        Closure::once_into_js(move || {
            let outcome = if outcome == Library::Ready && !echarts_present() {
                Library::Failed
            } else {
                outcome
            };
            LIBRARY.with(|slot| {
                if let Some(signal) = slot.borrow().as_ref() {
                    signal.set(outcome);
                }
            });
        })
    };
    script.set_onload(Some(settle(Library::Ready).unchecked_ref()));
    script.set_onerror(Some(settle(Library::Failed).unchecked_ref()));
    match document.head().map(|head| head.append_child(&script)) {
        Some(Ok(_)) => Library::Loading,
        _ => Library::Failed,
    }
}

/// Radar of dimension scores (0-10). Dimensions without a score are left out, since
/// plotting them at zero would show a result nobody gave.
pub fn radar_option(title: &str, data: &[(String, Option<f64>)]) -> Option<Chart> {
    let scored: Vec<(&str, f64)> = data
        .iter()
        .filter_map(|(name, score)| score.map(|s| (name.as_str(), s)))
        .collect();
    if scored.len() < MIN_RADAR_AXES {
        return None;
    }
    let indicators: Vec<RadarIndicator> = scored
        .iter()
        .map(|(name, _)| RadarIndicator::new().name(*name).min(0).max(10))
        .collect();
    let values: Vec<f64> = scored
        .iter()
        .map(|(_, s)| (s * 10.0).round() / 10.0)
        .collect();
    Some(
        Chart::new()
            .aria(accessible())
            .color(vec![Color::from(BRAND)])
            .radar(
                RadarCoordinate::new()
                    .indicator(indicators)
                    // Room around the radar for long dimension names.
                    .radius("58%")
                    // Dark, large axis names: the chart is read off a projector.
                    .axis_name(RadarAxisName::new().color(INK).font_size(15)),
            )
            .series(
                Radar::new()
                    .name(title)
                    .line_style(LineStyle::new().width(3))
                    .area_style(AreaStyle::new().opacity(0.2))
                    .data(vec![DataPointItem::new(values).name(title)]),
            ),
    )
}

/// ECharts' aria (a generated description on the chart) and decals (patterns, so
/// series differ by more than colour). The patterns are listed explicitly: charming
/// 0.6 serializes an unset list as `"decals": []`, on which ECharts 5 throws.
fn accessible() -> Aria {
    Aria::new()
        .enabled(true)
        .decal(Decal::new().show(true).decals(vec![
        DecalItem::new().symbol(Symbol::Circle).symbol_size(0.4),
        DecalItem::new().symbol(Symbol::Rect).symbol_size(0.4).rotation(0.785),
        DecalItem::new().symbol(Symbol::Triangle).symbol_size(0.4),
    ]))
}

/// Converts a charming chart into the object ECharts expects.
fn to_js(chart: &Chart) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(chart).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// A radar chart of `data`, beside which the caller shows the same figures as a table.
#[component]
pub fn RadarChart(#[prop(into)] title: String, data: Vec<(String, Option<f64>)>) -> impl IntoView {
    let caption = "Radar of the scores in the table (0 at the centre, 10 at the edge).";
    match radar_option(&title, &data) {
        Some(option) => view! { <EChart option=Signal::stored(option) caption=caption/> }.into_any(),
        None => view! {
            <p class="chart-empty">
                {format!("A chart needs at least {MIN_RADAR_AXES} scored dimensions; the table has every figure.")}
            </p>
        }
        .into_any(),
    }
}

/// Horizontal bars: how far the team's answers are from each cluster's published
/// profile (0 = the same), nearest highlighted.
pub fn cluster_distance_option(year: u16, distances: &[(&str, f64)], nearest: &[&str]) -> Chart {
    let names: Vec<String> = distances.iter().map(|(n, _)| n.to_string()).collect();
    let bars: Vec<DataPointItem> = distances
        .iter()
        .map(|(name, d)| {
            let colour = if nearest.contains(name) { BRAND } else { MUTED };
            DataPointItem::new((d * 100.0).round() / 100.0)
                .name(*name)
                .item_style(ItemStyle::new().color(colour))
        })
        .collect();
    Chart::new()
        .aria(accessible())
        .grid(Grid::new().left(90).right(30).top(20).bottom(40))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .name(format!(
                    "Distance from each {year} cluster (0 = same profile)"
                ))
                .name_location(NameLocation::Middle)
                .name_gap(28),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(names)
                .inverse(true),
        )
        .series(Bar::new().name(format!("{year} clusters")).data(bars))
}

/// An ECharts chart of `option`: drawn once the library has loaded, then updated in
/// place whenever `option` changes, never re-created.
#[component]
pub fn EChart(#[prop(into)] option: Signal<Chart>, #[prop(into)] caption: String) -> impl IntoView {
    let library = load_library();
    let container = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<EchartsInstance>);
    let failed = RwSignal::new(false);
    let status = library.clone();
    Effect::new(move |_| {
        let option = option.get();
        match status.get() {
            Library::Loading => return,
            Library::Failed => {
                failed.set(true);
                return;
            }
            Library::Ready => {}
        }
        let Some(element) = container.get() else {
            return;
        };
        let outcome = (|| -> Result<(), JsValue> {
            let js = to_js(&option)?;
            if instance.with_value(|i| i.is_none()) {
                let chart = echarts_init(&element)?;
                instance.set_value(Some(chart));
            }
            instance.with_value(|i| match i {
                Some(chart) => chart.set_option(&js, true),
                None => Ok(()),
            })
        })();
        if let Err(error) = outcome {
            // A warning, not an error: the page stays fully usable through the table.
            web_sys::console::warn_2(&"The chart could not be drawn:".into(), &error);
            failed.set(true);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|i| {
            if let Some(chart) = i {
                let _ = chart.resize();
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        instance.with_value(|i| {
            if let Some(chart) = i {
                let _ = chart.dispose();
            }
        });
    });
    let loading = move || library.get() == Library::Loading;
    view! {
        <figure class="chart-figure">
            <div class="chart" node_ref=container data-testid="chart"></div>
            <figcaption>
                {move || {
                    if failed.get() {
                        "The chart could not be drawn; the table has every figure.".to_string()
                    } else if loading() {
                        "Loading the chart…".to_string()
                    } else {
                        caption.clone()
                    }
                }}
            </figcaption>
        </figure>
    }
}
