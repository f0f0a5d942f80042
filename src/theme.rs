//! The theme as shown: the choice ([`crate::settings::Theme`]) applied as
//! `data-theme` on `<html>`, which the stylesheet's `light-dark()` colours follow
//! (`index.html` applies a kept choice before the first paint, so the page never
//! flashes the other theme). Charts follow through [`palette`]: the page's scheme
//! as it is shown (the choice, else the system's), and light whenever the page is
//! printed.

use crate::settings::Theme;
use leptos::prelude::*;
use maturity_charts::{Palette, DARK, LIGHT};
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

/// What shows a chosen theme: sets `data-theme` on `<html>` (removed for the
/// system's, so its preference applies), and charts follow. Take it while a view
/// is built, where the frame's scheme is in context.
pub fn chooser() -> impl Fn(Theme) + Clone + 'static {
    let scheme = use_context::<Scheme>();
    move |theme: Theme| {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let _ = match theme {
            Theme::Light | Theme::Dark => root.set_attribute("data-theme", theme.code()),
            Theme::System => root.remove_attribute("data-theme"),
        };
        if let Some(scheme) = scheme {
            scheme.dark.set(resolve());
        }
    }
}
