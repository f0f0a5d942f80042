//! A wide table's scrolling box: on a narrow screen the table scrolls inside it,
//! never the page. The box is a focusable region named after its table, so a
//! keyboard user can scroll it and a screen reader says what it holds.

use leptos::prelude::*;

/// Wraps a table that may be wider than a phone; `label` names the region (the
/// table's caption, usually).
#[component]
pub fn ScrollTable(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}
