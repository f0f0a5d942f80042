//! Action items: one line each, ticked off when the team did it.

use crate::i18n::{k, tf};
use crate::platform::now;
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::assessment::records::Action;
use maturity_core::{Catalog, RunId};

/// " · Sam · due 2026-12-01" for an action's owner and due date; for an
/// experiment, " · aim: CALMS · Measurement rises · Sam · check by 2026-12-01".
pub fn detail_of(catalog: &Catalog, action: &Action) -> String {
    let mut parts = Vec::new();
    if let Some(target) = &action.target {
        parts.push(crate::components::experiments::aim(catalog, target));
    }
    if !action.owner.is_empty() {
        parts.push(action.owner.clone());
    }
    if !action.due.is_empty() {
        let key = match action.target {
            Some(_) => k::EXPERIMENT_CHECK_BY_DATE,
            None => k::RESULTS_ACTION_DUE,
        };
        parts.push(tf(key, &[("date", &action.due)]));
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
    let detail = state.catalog.with_untracked(|c| detail_of(c, &action));
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
    // An experiment says what the team's assessments made of it so far.
    let outcome = action.target.is_some().then(|| {
        let (run, id) = (run.clone(), action.id.clone());
        Memo::new(move |_| {
            let today = crate::platform::today();
            state.catalog.with(|catalog| {
                state.store.with(|s| {
                    let team = s.run(&run)?.team.clone();
                    let runs = s.runs_of(&team);
                    maturity_core::coach::experiments::experiments(catalog, &runs, &today)
                        .into_iter()
                        .find(|e| e.agreed_in.id == run && e.action.id == id)
                        .map(|e| e.outcome)
                })
            })
        })
    });
    let badge = move || {
        outcome
            .and_then(|o| o.get())
            .map(|o| view! { " " {crate::components::experiments::outcome_badge(o)} })
    };
    view! {
        <li>
            <input type="checkbox" id=input_id.clone() prop:checked=move || done.get()
                on:change:target=move |ev| {
                    let done = ev.target().checked();
                    let _ = state.change(|s| s.set_action_done(&run, &action_id, done, now()));
                }/>
            <label for=input_id>{action.what.clone()} <span class="hint">{detail}</span></label>
            {badge}
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
