//! Light, dark or the system's: the switch in the page header. The choice is kept
//! (`storage::set_theme`) and applied as `data-theme` on `<html>`, which the
//! stylesheet's `light-dark()` colours follow; `index.html` applies a kept choice
//! before the first paint, so the page never flashes the other theme.

use crate::storage;
use leptos::prelude::*;

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
    let choose = move |value: String| {
        apply(&value);
        storage::set_theme(matches!(value.as_str(), "light" | "dark").then_some(value.as_str()));
    };
    view! {
        <p class="theme-switch">
            <label for="theme">"Theme"</label>
            <select id="theme" on:change:target=move |ev| choose(ev.target().value())>
                <option value="system">"System"</option>
                <option value="light" selected=kept == "light">"Light"</option>
                <option value="dark" selected=kept == "dark">"Dark"</option>
            </select>
        </p>
    }
}
