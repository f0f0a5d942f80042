//! The only code that touches ECharts: loads it lazily from our own origin, draws a
//! chart once and then only updates it. Every call into ECharts is caught, so a
//! chart can fail but never take the app down. What each chart shows is built as
//! plain data by the `maturity-charts` crate (tested natively) and re-exported here.
//!
//! Architecture Invariant: no other module of the shell names ECharts or charming.

use crate::i18n::{k, t, template, tp};
use leptos::prelude::*;
pub use maturity_charts::{
    cluster_distance_option, dora_metric_option, or_blank, radar_compare_option, radar_option,
    trend_option, Chart, Palette, Words, DARK, LIGHT, MIN_RADAR_AXES,
};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The words charts write themselves, in the language shown.
pub struct ChartWords([String; 6]);

impl ChartWords {
    pub fn new() -> ChartWords {
        ChartWords([
            t(k::CHART_PREVIOUS_RUN),
            t(k::CHART_LATEST_RUN),
            t(k::CHART_ACTIONS_AGREED),
            t(k::CHART_YOUR_TEAM),
            template(k::CHART_DISTANCE_AXIS),
            template(k::CHART_CLUSTERS_OF),
        ])
    }

    pub fn words(&self) -> Words<'_> {
        let [previous_run, latest_run, actions_agreed, your_team, distance_axis, clusters_of] =
            &self.0;
        Words {
            previous_run,
            latest_run,
            actions_agreed,
            your_team,
            distance_axis,
            clusters_of,
        }
    }
}

impl Default for ChartWords {
    fn default() -> Self {
        ChartWords::new()
    }
}

/// Where Trunk puts the vendored ECharts build (copied from npm, never a CDN),
/// relative to the app's address (the page's `<base href>`), so it loads under a
/// subpath too.
pub const ECHARTS_URL: &str = "vendor/echarts.min.js";

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

/// Converts a charming chart into the object ECharts expects.
fn to_js(chart: &Chart) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(chart).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// `option` with `description` as what ECharts gives assistive technology
/// (`aria.label.description`).
fn described(option: JsValue, description: &str) -> JsValue {
    use js_sys::{Object, Reflect};
    let get_or_add = |parent: &JsValue, key: &str| -> JsValue {
        match Reflect::get(parent, &key.into()) {
            Ok(v) if v.is_object() => v,
            _ => {
                let child: JsValue = Object::new().into();
                let _ = Reflect::set(parent, &key.into(), &child);
                child
            }
        }
    };
    let label = get_or_add(&get_or_add(&option, "aria"), "label");
    let _ = Reflect::set(&label, &"enabled".into(), &true.into());
    let _ = Reflect::set(&label, &"description".into(), &description.into());
    option
}

/// A radar chart of `data`, beside which the caller shows the same figures as a table.
#[component]
pub fn RadarChart(#[prop(into)] title: String, data: Vec<(String, Option<f64>)>) -> impl IntoView {
    let caption = t(k::TREND_RADAR_SCORES_CAPTION);
    if radar_option(&title, &data, &LIGHT).is_some() {
        let option =
            Signal::derive(move || or_blank(radar_option(&title, &data, &crate::theme::palette())));
        view! { <EChart option=option caption=caption/> }.into_any()
    } else {
        view! {
            <p class="chart-empty">
                {tp(k::TREND_CHART_NEEDS, MIN_RADAR_AXES, &[])}
            </p>
        }
        .into_any()
    }
}

/// Refits the chart to its box (`fit`) when the window resizes, before printing (to
/// the page's width) and after; `dispose` frees it with the view.
fn follow_window(
    fit: impl Fn() + Copy + Send + Sync + 'static,
    dispose: impl Fn() + Send + Sync + 'static,
) {
    let resize = window_event_listener(leptos::ev::resize, move |_| fit());
    let before_print = window_event_listener(leptos::ev::beforeprint, move |_| fit());
    let after_print = window_event_listener(leptos::ev::afterprint, move |_| fit());
    on_cleanup(move || {
        resize.remove();
        before_print.remove();
        after_print.remove();
        dispose();
    });
}

/// An ECharts chart of `option`: drawn once the library has loaded, then updated in
/// place whenever `option` changes, never re-created.
#[component]
pub fn EChart(
    #[prop(into)] option: Signal<Chart>,
    #[prop(into)] caption: Signal<String>,
) -> impl IntoView {
    let library = load_library();
    let container = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<EchartsInstance>);
    let failed = RwSignal::new(false);
    let status = library.clone();
    Effect::new(move |_| {
        // Serialized straight from the signal: a chart is never cloned. What a
        // screen reader hears is the caption, in the language shown (ECharts'
        // own generated description is English only).
        let js = option.with(to_js).map(|js| described(js, &caption.get()));
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
            let js = js?;
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
    let each = move |act: fn(&EchartsInstance)| {
        instance.with_value(|i| {
            if let Some(chart) = i {
                act(chart);
            }
        })
    };
    follow_window(
        move || each(|c| drop(c.resize())),
        move || each(|c| drop(c.dispose())),
    );
    let loading = move || library.get() == Library::Loading;
    view! {
        <figure class="chart-figure">
            <div class="chart" node_ref=container data-testid="chart"></div>
            <figcaption>
                {move || {
                    if failed.get() {
                        t(k::TREND_CHART_FAILED)
                    } else if loading() {
                        t(k::TREND_CHART_LOADING)
                    } else {
                        caption.get()
                    }
                }}
            </figcaption>
        </figure>
    }
}
