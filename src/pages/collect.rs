//! Where an answer link lands: on the facilitator's device it adds the code to the
//! workshop it belongs to; anywhere else it says where the link should go.

use crate::components::code_collector::{collect, Outcomes};
use crate::i18n::{k, t};
use crate::platform::{set_title, use_hash};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use maturity_core::store::collect::workshop_for_code;

#[component]
pub fn CollectPage() -> impl IntoView {
    set_title(&t(k::COLLECT_TITLE));
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
                        <h1>{t(k::COLLECT_TITLE)}</h1>
                        <Outcomes outcomes=Signal::stored(outcomes)/>
                        <p><A href=routes::workshop(id) attr:class="button primary">{t(k::WORKSHOP_BACK)}</A></p>
                    }
                    .into_any()
                }
                None => view! {
                    <h1>{t(k::COLLECT_ELSEWHERE)}</h1>
                    <p>{t(k::COLLECT_ELSEWHERE_TEXT)}</p>
                    <p>{t(k::COLLECT_ELSEWHERE_HINT)}</p>
                    <p><A href=routes::home() exact=true>{t(k::WORKSHOP_START_PAGE)}</A></p>
                }
                .into_any(),
            }
        })
    }
}
