//! Shown for an address the app does not know.

use crate::platform::set_title;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address. Your saved assessments are safe."</p>
        <p><A href=routes::home() exact=true>"Go to your teams and assessments"</A></p>
    }
}
