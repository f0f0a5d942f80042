//! Where an answer link lands: on the facilitator's device it adds the code to the
//! workshop it belongs to; anywhere else it says where the link should go.

use crate::app::use_app_state;
use crate::pages::workshop::{collect_codes, workshop_href, Outcome};
use crate::platform::{set_title, use_hash};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CollectPage() -> impl IntoView {
    set_title("Add answers");
    let state = use_app_state();
    let hash = use_hash();
    move || {
        let code = hash.get();
        untrack(|| collect_link(state, &code))
    }
}

/// Adds the code of an answer link to the open workshop it belongs to.
fn collect_link(state: crate::app::AppState, code: &str) -> AnyView {
    let code = code.to_string();
    // Workshops on this device (a saved one says so); the code names its own.
    let open: Vec<u32> = state
        .store
        .with_untracked(|s| s.workshops.iter().map(|w| w.id).collect());
    let target = open.iter().copied().find(|&id| {
        state.store.with_untracked(|s| {
            s.workshop(id).is_some_and(|_| {
                let outcome = collect_codes_dry(id, &code);
                outcome != Some(maturity_core::codec::CodeError::OtherWorkshop)
            })
        })
    });
    match target {
        Some(id) => {
            let outcomes = collect_codes(state, id, &code);
            view! {
                <h1>"Add answers"</h1>
                <ul class="outcomes" role="status">
                    {outcomes.into_iter().map(|Outcome { ok, message }| view! {
                        <li class=if ok { "ok" } else { "error" }>{message}</li>
                    }).collect_view()}
                </ul>
                <p><A href=workshop_href(id) attr:class="button primary">"Back to the workshop"</A></p>
            }
            .into_any()
        }
        None => view! {
            <h1>"These answers belong to a workshop on another device"</h1>
            <p>"An answer link adds a participant's answers to a workshop on the facilitator's device. No open workshop on this device matches it."</p>
            <p>"If you took part, give the link (or your answer file) to the facilitator. If you are the facilitator, open it in the browser where you started the workshop."</p>
            <p><A href="/">"Start page"</A></p>
        }
        .into_any(),
    }
}

/// Decodes without adding, to find the workshop a code is meant for; `None` when it
/// reads, else why not.
fn collect_codes_dry(id: u32, code: &str) -> Option<maturity_core::codec::CodeError> {
    let state = use_app_state();
    let catalog = crate::app::catalog().ok()?;
    let layout = state.store.with_untracked(|s| {
        s.workshop(id)
            .map(|w| maturity_core::codec::Layout::new(catalog, &w.questionnaires))
    })?;
    maturity_core::codec::decode_answers(code, &layout, id).err()
}
