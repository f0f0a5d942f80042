//! The shell's small window on the browser's clock and randomness, and date formatting.
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

/// `2026-11-23 14:05` in the browser's local time zone.
pub fn format_date_time(at: Millis) -> String {
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
