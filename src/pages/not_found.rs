//! Shown for an address the app does not know.

use crate::i18n::{k, t};
use crate::platform::set_title;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title(&t(k::COMMON_NOT_FOUND_TITLE));
    view! {
        <h1>{t(k::COMMON_NOT_FOUND_HEADING)}</h1>
        <p>{t(k::COMMON_NOT_FOUND_TEXT)}</p>
        <p><A href=routes::home() exact=true>{t(k::COMMON_NOT_FOUND_LINK)}</A></p>
    }
}
