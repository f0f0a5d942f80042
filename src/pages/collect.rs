//! Where an answer link lands: on the facilitator's device it adds the code to the
//! workshop it belongs to; anywhere else it says where the link should go.

use crate::components::code_collector::{collect, Outcomes};
use crate::platform::{set_title, use_hash};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use maturity_core::collect::workshop_for_code;

#[component]
pub fn CollectPage() -> impl IntoView {
    set_title("Add answers");
    let state = use_app_state();
    let hash = use_hash();
    move || {
        let code = hash.get();
        untrack(|| {
            let catalog = state.catalog.get_untracked();
            let target = state
                .store
                .with_untracked(|s| workshop_for_code(s, &catalog, &code));
            match target {
                Some(id) => {
                    let outcomes = collect(state, id, &code);
                    view! {
                        <h1>"Add answers"</h1>
                        <Outcomes outcomes=Signal::stored(outcomes)/>
                        <p><A href=routes::workshop(id) attr:class="button primary">"Back to the workshop"</A></p>
                    }
                    .into_any()
                }
                None => view! {
                    <h1>"These answers belong to a workshop on another device"</h1>
                    <p>"An answer link adds a participant's answers to a workshop on the facilitator's device. No open workshop on this device matches it."</p>
                    <p>"If you took part, give the link (or your answer file) to the facilitator. If you are the facilitator, open it in the browser where you started the workshop."</p>
                    <p><A href=routes::home() exact=true>"Start page"</A></p>
                }
                .into_any(),
            }
        })
    }
}
