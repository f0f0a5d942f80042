//! The workshops on this device, on the start page: those it facilitates and those
//! it takes part in, each a link back to where it stands.

use crate::i18n::{k, t, tf, tp};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use maturity_core::workshop::codec::{encode_join, Invitation};

/// Workshops on this device: those it facilitates and those it takes part in.
#[component]
pub fn WorkshopList() -> impl IntoView {
    let state = use_app_state();
    let listed = Memo::new(move |_| {
        state.store.with(|s| {
            let open: Vec<(String, String, usize)> = s
                .workshops
                .iter()
                .filter(|w| !w.is_saved())
                .map(|w| {
                    let team = s.team(&w.team).map(|t| t.name.clone()).unwrap_or_default();
                    (routes::workshop(w.id), team, w.submissions.len())
                })
                .collect();
            let joined: Vec<(String, String, bool)> = s
                .participations
                .iter()
                .map(|p| {
                    let code = encode_join(&Invitation::joined(p));
                    (routes::join(&code), p.team_name.clone(), p.done)
                })
                .collect();
            (open, joined)
        })
    });
    move || {
        let (open, joined) = listed.get();
        (!open.is_empty() || !joined.is_empty()).then(|| view! {
            <section aria-labelledby="workshops-heading" class="card">
                <h2 id="workshops-heading">{t(k::TEAM_WORKSHOPS_HEADING)}</h2>
                <ul>
                    {open.into_iter().map(|(href, team, n)| view! {
                        <li>{t(k::TEAM_FACILITATING)}" "<A href=href>{tf(k::TEAM_WORKSHOP_FOR, &[("team", &team)])}</A>
                            " "{tp(k::TEAM_CODES_COLLECTED, n, &[])}</li>
                    }).collect_view()}
                    {joined.into_iter().map(|(href, team, done)| view! {
                        <li>{t(k::TEAM_TAKING_PART)}" "<A href=href>{tf(k::TEAM_WORKSHOP_FOR, &[("team", &team)])}</A>
                            " "{if done { t(k::TEAM_CODE_READY) } else { t(k::TEAM_ANSWERING) }}</li>
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}
