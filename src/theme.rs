//! Light, dark or the system's: the switch in the page header. The choice is kept
//! (`storage::set_theme`) and applied as `data-theme` on `<html>`, which the
//! stylesheet's `light-dark()` colours follow; `index.html` applies a kept choice
//! before the first paint, so the page never flashes the other theme. Charts follow
//! through [`palette`]: the page's scheme as it is shown (the choice, else the
//! system's), and light whenever the page is printed.

use crate::charts::{Palette, DARK, LIGHT};
use crate::i18n::{k, t};
use crate::storage;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Whether the page is shown dark right now; charts redraw when it changes.
#[derive(Clone, Copy)]
struct Scheme {
    dark: RwSignal<bool>,
}

/// A media query's list, `None` where the browser has none.
fn media(query: &str) -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media(query).ok().flatten()
}

/// Dark as shown: not while printing, and the choice on `<html>` or else the system's.
fn resolve() -> bool {
    let matches = |q: &str| media(q).is_some_and(|m| m.matches());
    if matches("print") {
        return false;
    }
    let chosen = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some(_) => false,
        None => matches("(prefers-color-scheme: dark)"),
    }
}

/// Follows the scheme from here on: the system's preference and printing. Called
/// once, by the app's frame.
pub fn provide() {
    let scheme = Scheme {
        dark: RwSignal::new(resolve()),
    };
    provide_context(scheme);
    for query in ["(prefers-color-scheme: dark)", "print"] {
        if let Some(list) = media(query) {
            let changed = Closure::<dyn Fn()>::new(move || scheme.dark.set(resolve()));
            let _ =
                list.add_event_listener_with_callback("change", changed.as_ref().unchecked_ref());
            // Lives as long as the page, as the frame does.
            changed.forget();
        }
    }
}

/// The charts' colours for the scheme shown (reactive: read it where an option is
/// built, and the chart redraws when the scheme changes). Light without a frame.
pub fn palette() -> Palette {
    match use_context::<Scheme>() {
        Some(scheme) if scheme.dark.get() => DARK,
        _ => LIGHT,
    }
}

/// Sets `data-theme` on `<html>` for `choice` ("light", "dark"; anything else
/// removes it, so the system's preference applies).
fn apply(choice: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match choice {
        "light" | "dark" => root.set_attribute("data-theme", choice),
        _ => root.remove_attribute("data-theme"),
    };
}

/// The theme switch: System, Light or Dark, kept on this device.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let kept = storage::theme().unwrap_or_else(|| "system".to_string());
    let scheme = use_context::<Scheme>();
    let choose = move |value: String| {
        apply(&value);
        if let Some(scheme) = scheme {
            scheme.dark.set(resolve());
        }
        storage::set_theme(matches!(value.as_str(), "light" | "dark").then_some(value.as_str()));
    };
    view! {
        <p class="theme-switch">
            <label for="theme">{t(k::COMMON_THEME)}</label>
            <select id="theme" on:change:target=move |ev| choose(ev.target().value())>
                <option value="system">{t(k::COMMON_THEME_SYSTEM)}</option>
                <option value="light" selected=kept == "light">{t(k::COMMON_THEME_LIGHT)}</option>
                <option value="dark" selected=kept == "dark">{t(k::COMMON_THEME_DARK)}</option>
            </select>
        </p>
    }
}
