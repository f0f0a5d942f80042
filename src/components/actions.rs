//! Action items: one line each, ticked off when the team did it.

use crate::i18n::{k, tf};
use crate::platform::now;
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::records::Action;
use maturity_core::RunId;

/// " · Sam · due 2026-12-01" for an action's owner and due date.
pub fn detail_of(action: &Action) -> String {
    let mut parts = Vec::new();
    if !action.owner.is_empty() {
        parts.push(action.owner.clone());
    }
    if !action.due.is_empty() {
        parts.push(tf(k::RESULTS_ACTION_DUE, &[("date", &action.due)]));
    }
    parts.iter().map(|p| format!(" · {p}")).collect()
}

/// One action of `run` with a checkbox that records whether it was done. The box
/// follows the store (another tab may tick it), and ticking it rebuilds nothing, so
/// keyboard focus stays on it.
#[component]
pub fn ActionCheck(run: RunId, action: Action) -> impl IntoView {
    let state = use_app_state();
    let input_id = format!("done-{}", action.id);
    let action_id = action.id.clone();
    let detail = detail_of(&action);
    let done = {
        let (run, id) = (run.clone(), action.id.clone());
        Memo::new(move |_| {
            state.store.with(|s| {
                s.run(&run)
                    .and_then(|r| r.actions.iter().find(|a| a.id == id))
                    .is_some_and(|a| a.done)
            })
        })
    };
    view! {
        <li>
            <input type="checkbox" id=input_id.clone() prop:checked=move || done.get()
                on:change:target=move |ev| {
                    let done = ev.target().checked();
                    let _ = state.change(|s| s.set_action_done(&run, &action_id, done, now()));
                }/>
            <label for=input_id>{action.what.clone()} <span class="hint">{detail}</span></label>
        </li>
    }
}

/// The actions of a run as a list that changes only when actions are added,
/// removed or reworded, not when one is ticked.
pub fn without_done(actions: &[Action]) -> Vec<Action> {
    actions
        .iter()
        .map(|a| Action {
            done: false,
            ..a.clone()
        })
        .collect()
}
