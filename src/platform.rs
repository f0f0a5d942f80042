//! The shell's small window on the browser: clock, randomness, date formatting, file
//! downloads and performance marks.
//!
//! The core never reads a clock or a random source; these values are passed in.

use maturity_core::Millis;

/// Now, in milliseconds since the Unix epoch.
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// A fresh id such as `r-m3k9x2-4fz81q`: time-ordered and unique enough for one browser.
pub fn new_id(prefix: &str) -> String {
    let time = now().max(0) as u64;
    let random = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    format!("{prefix}-{}-{}", base36(time), base36(random))
}

/// A random number for ids that travel in codes (workshops, participants). Taken
/// from the browser's cryptographic source when there is one.
pub fn random_u32() -> u32 {
    let mut bytes = [0u8; 4];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if crypto
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some()
    {
        return u32::from_le_bytes(bytes);
    }
    (js_sys::Math::random() * 4_294_967_296.0) as u32
}

/// The page's fragment without its `#`: where join and answer codes travel, since a
/// fragment is never sent to the server that hosts the app.
pub fn location_hash() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The fragment as a signal that follows `hashchange`: opening a second link to the
/// same page only changes the fragment, and the page must follow it.
pub fn use_hash() -> leptos::prelude::ReadSignal<String> {
    use leptos::prelude::*;
    let (hash, set_hash) = signal(self::location_hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_hash.set(self::location_hash())
    });
    on_cleanup(move || handle.remove());
    hash
}

/// Registers the service worker (`/sw.js`) that keeps the app for offline use, once
/// the page has loaded and the browser is idle: its copies of every file must not
/// compete with what the first question needs. Browsers without service workers (or
/// pages not served securely) just skip it.
pub fn keep_offline() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let register = Closure::once_into_js(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let navigator = window.navigator();
        let supported = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
            .is_ok_and(|s| !s.is_undefined() && !s.is_null());
        if supported {
            // Relative to the page's base: the worker's scope is the app's own path.
            let _ = navigator.service_worker().register("sw.js");
        }
    });
    // requestIdleCallback where there is one (not in Safari), else a short delay.
    let when_idle = Closure::once_into_js(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let scheduled = idle.is_some_and(|f| f.call1(&window, &register).is_ok());
        if !scheduled {
            if let Ok(register) = register.dyn_into::<js_sys::Function>() {
                let _ =
                    window.set_timeout_with_callback_and_timeout_and_arguments_0(&register, 1000);
            }
        }
    });
    let loaded = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if let Ok(when_idle) = when_idle.dyn_into::<js_sys::Function>() {
        if loaded {
            let _ = when_idle.call0(&window);
        } else {
            let _ = window.add_event_listener_with_callback("load", &when_idle);
        }
    }
}

/// Opens the browser's print dialog (which also saves as PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The path the app is served under: `""` at the root of a site, `"/tools/maturity"`
/// under a subpath. Read from the page's `<base href>`, which Trunk writes from
/// `--public-url`; the router, the service worker, every link and the storage key
/// follow it. Read once: the page's address never moves under it.
pub fn base_path() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(read_base_path)
}

fn read_base_path() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let href = window
        .document()
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|base| base.get_attribute("href"));
    let page = window.location().href().unwrap_or_default();
    // No <base>: the app is at the root of its origin.
    href.and_then(|href| web_sys::Url::new_with_base(&href, &page).ok())
        .map(|url| url.pathname().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// The whole address of an app path (`routes::join(..)`, which carries the base
/// path), for links that leave this browser: join links, answer-code links, QR codes.
/// `path` is a route of [`crate::routes`] (which starts with the app's base path).
pub fn app_url(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

/// Copies `text` to the clipboard; `false` when the browser does not allow it (the
/// text is also shown, selectable, wherever it is offered).
pub fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // Only secure pages (https, localhost) have a clipboard; elsewhere the property
    // is missing and calling it would throw.
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !available {
        return false;
    }
    let _ = navigator.clipboard().write_text(text);
    true
}

/// Refuses a file larger than `limit` bytes before any reading, naming `what` the
/// file should have been.
fn check_size(file: &web_sys::File, limit: f64, what: &str) -> Result<(), String> {
    use crate::i18n::{k, number, tf};
    if file.size() > limit {
        return Err(tf(
            k::ERROR_FILE_TOO_LARGE,
            &[
                ("file", &file.name()),
                ("what", what),
                ("size", &number((file.size() / 1024.0).ceil(), 0)),
                ("limit", &number((limit / 1024.0).floor(), 0)),
            ],
        ));
    }
    Ok(())
}

/// Reads a file the user chose or dropped, as text; files larger than `limit` bytes
/// are refused before any reading, naming `what` the file should have been.
pub async fn read_text(file: web_sys::File, limit: f64, what: &str) -> Result<String, String> {
    use crate::i18n::{k, tf};
    check_size(&file, limit, what)?;
    let name = file.name();
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| tf(k::ERROR_FILE_NOT_READ, &[("file", &name)]))?;
    text.as_string()
        .ok_or_else(|| tf(k::ERROR_FILE_NOT_TEXT, &[("file", &name)]))
}

/// [`read_text`], with the SHA-256 of the file's bytes in hex, computed by the
/// browser (empty where the page is not a secure context and the browser offers
/// no digest).
pub async fn read_text_and_digest(
    file: web_sys::File,
    limit: f64,
    what: &str,
) -> Result<(String, String), String> {
    use crate::i18n::{k, tf};
    use wasm_bindgen::JsCast;
    check_size(&file, limit, what)?;
    let name = file.name();
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| tf(k::ERROR_FILE_NOT_READ, &[("file", &name)]))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let subtle = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .filter(|s| !s.is_undefined());
    let mut sha256 = String::new();
    if let Some(digest) = subtle.and_then(|s| {
        s.digest_with_str_and_buffer_source("SHA-256", buffer.unchecked_ref::<js_sys::Object>())
            .ok()
    }) {
        if let Ok(hash) = wasm_bindgen_futures::JsFuture::from(digest).await {
            for byte in js_sys::Uint8Array::new(&hash).to_vec() {
                sha256.push_str(&format!("{byte:02x}"));
            }
        }
    }
    let text =
        String::from_utf8(bytes).map_err(|_| tf(k::ERROR_FILE_NOT_TEXT, &[("file", &name)]))?;
    Ok((text, sha256))
}

/// A date and time as the language shown writes it, in the browser's time zone
/// ("30 Nov 2026, 14:05", "30.11.2026, 14:05").
pub fn format_date_time(at: Millis) -> String {
    intl_date(at, &[("dateStyle", "medium"), ("timeStyle", "short")])
}

/// Labels for several moments (a team's assessments), each distinct: as
/// [`format_date_time`], with the seconds where two fall in the same minute, and
/// a number after any that still match ("…, 14:05:09 (2)").
pub fn format_date_times(ats: &[Millis]) -> Vec<String> {
    let short: Vec<String> = ats.iter().map(|at| format_date_time(*at)).collect();
    let labels: Vec<String> = ats
        .iter()
        .zip(&short)
        .map(|(at, label)| {
            if short.iter().filter(|s| *s == label).count() > 1 {
                intl_date(*at, &[("dateStyle", "medium"), ("timeStyle", "medium")])
            } else {
                label.clone()
            }
        })
        .collect();
    labels
        .iter()
        .enumerate()
        .map(
            |(i, label)| match labels[..i].iter().filter(|l| *l == label).count() {
                0 => label.clone(),
                before => format!("{label} ({})", before + 1),
            },
        )
        .collect()
}

/// Short labels for several moments (a chart's axis): the date alone where it is
/// the only one that day, else as [`format_date_times`] gives it, so no two are
/// the same.
pub fn format_dates(ats: &[Millis]) -> Vec<String> {
    let dates: Vec<String> = ats.iter().map(|at| format_date(*at)).collect();
    let full = format_date_times(ats);
    dates
        .iter()
        .zip(full)
        .map(|(date, full)| {
            if dates.iter().filter(|d| *d == date).count() > 1 {
                full
            } else {
                date.clone()
            }
        })
        .collect()
}

/// A time of day as the language shown writes it ("14:05", "2:05 PM").
pub fn format_time(at: Millis) -> String {
    intl_date(at, &[("timeStyle", "short")])
}

fn intl_date(at: Millis, style: &[(&str, &str)]) -> String {
    let options = js_sys::Object::new();
    for (name, value) in style {
        let _ = js_sys::Reflect::set(&options, &(*name).into(), &(*value).into());
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    date.to_locale_string(crate::i18n::language_now().code(), &options)
        .into()
}

/// `2026-11-23 14:05` in the browser's local time zone: for file names and
/// anything read by machines rather than people.
pub fn iso_date_time(at: Millis) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Moves focus to where a page begins: the element marked `data-arrival` (a
/// question), else the page's first heading, else `#main`.
pub fn focus_arrival() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = document
        .query_selector("main [data-arrival]")
        .ok()
        .flatten()
        .or_else(|| document.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        Some(element) => {
            if !element.has_attribute("tabindex") {
                let _ = element.set_attribute("tabindex", "-1");
            }
            let _ = element.focus();
        }
        None => focus_by_id("main"),
    }
}

/// Moves keyboard focus to the element with `id`, if it is on the page.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// A date as the language shown writes it ("30 Nov 2026", "30.11.2026").
pub fn format_date(at: Millis) -> String {
    intl_date(at, &[("dateStyle", "medium")])
}

/// Offers `text` as a file called `filename`, made in the page: nothing is uploaded.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |what: &str| format!("The download could not be prepared ({what}).");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| fail("link"))?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // Some browsers (Safari on iOS) read the file after the click returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Runs `f` as a task of its own, so the browser may paint and handle input first.
/// Start-up is cut into such tasks (see `main.rs`): on a slow phone one long task
/// would hold the page unresponsive while the wasm compiles the code it first runs.
pub fn next_task(f: impl FnOnce() + 'static) {
    leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
}

/// Records a User Timing mark, which the benchmark reads to time work done in wasm.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Today's date in the device's time zone (`2026-11-23`): what an action's date
/// is compared with, and what file names carry.
pub fn today() -> String {
    let now = now();
    maturity_core::calendar::local_today(now, offset_at(now))
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{title} · DevOps maturity"));
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// The first and the last millisecond of the local day a date input holds
/// (`YYYY-MM-DD`), in the device's time zone, days on which clocks change included;
/// `None` for anything else.
pub fn local_day(text: &str) -> Option<(Millis, Millis)> {
    maturity_core::calendar::local_day(text, offset_at)
}

/// The device's offset from UTC at `at`, in minutes east.
fn offset_at(at: Millis) -> i64 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    -(date.get_timezone_offset() as i64)
}
