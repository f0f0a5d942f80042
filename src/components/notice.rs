//! The banner that tells the user, in plain words, about a problem with their saved data.

use crate::app::use_app_state;
use leptos::prelude::*;

#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.notice.get().map(|notice| {
            view! {
                <div class="notice" role="alert">
                    <p>{notice.message()}</p>
                    <button type="button" on:click=move |_| state.notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
