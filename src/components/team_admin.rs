//! Looking after a team: renaming it (without overwriting a rename made in another
//! tab), archiving or restoring it, deleting it with everything it has (asks first
//! and says what goes).

use crate::components::draft::Draft;
use crate::platform::now;
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use maturity_core::history::TeamHistory;
use maturity_core::words::count;
use maturity_core::{ChangeError, Team};

/// Rename, archive or delete the team. Deleting asks first and says what goes.
#[component]
pub fn TeamAdmin(team: Memo<Option<Team>>, history: Memo<Option<TeamHistory>>) -> impl IntoView {
    let state = use_app_state();
    let counts = Memo::new(move |_| {
        history.with(|h| h.as_ref().map_or((0, 0), |h| (h.runs.len(), h.finished)))
    });
    let saved_name =
        Memo::new(move |_| team.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default()));
    let draft = Draft::new(saved_name);
    let message = RwSignal::new(None::<String>);
    let apply = move |was: &str, name: &str| {
        let id = team
            .get_untracked()
            .map(|t| t.id)
            .ok_or(ChangeError::Team(maturity_core::error::TeamError::Unknown))?;
        state.change(|s| s.rename_team(&id, was, name, now()))
    };
    let report = move |result: Option<Result<(), ChangeError>>| match result {
        Some(Ok(())) => message.set(Some("Renamed.".to_string())),
        Some(Err(ChangeError::EditedElsewhere { .. })) | None => {}
        Some(Err(e)) => message.set(Some(e.to_string())),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        report(draft.save(apply));
    };
    let toggle_archive = move |_| {
        let Some(t) = team.get_untracked() else {
            return;
        };
        let result = state.change(|s| s.set_archived(&t.id, !t.archived, now()));
        message.set(Some(match result {
            Ok(()) if t.archived => {
                "Restored: the team is listed with the others again.".to_string()
            }
            Ok(()) => "Archived: the team is listed apart on the start page; nothing was deleted."
                .to_string(),
            Err(e) => e.to_string(),
        }));
    };
    view! {
        <section class="card" aria-labelledby="admin-heading">
            <h2 id="admin-heading">"Team settings"</h2>
            <form class="rename" on:submit=submit>
                <div class="field">
                    <label for="rename-team">"Team name"</label>
                    <input id="rename-team" type="text" maxlength="80" autocomplete="off"
                        prop:value=move || draft.text()
                        on:input:target=move |ev| draft.input(ev.target().value())/>
                </div>
                <button type="submit">"Rename"</button>
            </form>
            {move || draft.conflict.get().map(|theirs| view! {
                <div class="conflict" role="alert">
                    <p>{format!("While you were typing, this team was renamed to \"{theirs}\" in another tab.")}</p>
                    <button type="button" on:click=move |_| report(draft.keep_mine(apply))>"Use my name anyway"</button>
                    <button type="button" on:click=move |_| draft.take_theirs()>"Keep the other tab's name"</button>
                </div>
            })}
            <p>
                <button type="button" on:click=toggle_archive>
                    {move || if team.with(|t| t.as_ref().is_some_and(|t| t.archived)) { "Restore team" } else { "Archive team" }}
                </button>
                <span class="hint">" Archived teams keep every assessment and are listed apart."</span>
            </p>
            <DeleteTeam team=team counts=counts message=message/>
            <p aria-live="polite" class="status">{move || message.get()}</p>
        </section>
    }
}

/// Deleting the team with everything it has: asks first and says what goes.
#[component]
fn DeleteTeam(
    team: Memo<Option<Team>>,
    counts: Memo<(usize, usize)>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let delete = move |_| {
        let Some(t) = team.get_untracked() else {
            return;
        };
        match state.change(|s| s.delete_team(&t.id, now())) {
            Ok(_) => navigate(&routes::home(), routes::navigate()),
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    let open_workshops = move || {
        team.with(|t| {
            t.as_ref().map_or(0, |t| {
                state.store.with(|s| {
                    s.workshops
                        .iter()
                        .filter(|w| w.team == t.id && !w.is_saved())
                        .count()
                })
            })
        })
    };
    view! {
        <p>
            <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete team…"</button>
        </p>
        {move || confirming.get().then(|| {
            let delete = delete.clone();
            let (runs, finished) = counts.get();
            let name = team.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
            let workshops = match open_workshops() {
                0 => String::new(),
                1 => ", and its open workshop with the answer codes collected".to_string(),
                n => format!(", and its {n} open workshops with the answer codes collected"),
            };
            view! {
                <div class="confirm" role="group" aria-label="Confirm deleting the team">
                    <p>{format!(
                        "Delete \"{name}\" and its {} ({finished} finished), with all answers, notes and actions{workshops}? This cannot be undone; download a backup from the start page first if you may want them.",
                        count(runs, "assessment", "assessments")
                    )}</p>
                    <button type="button" class="danger" on:click=delete>
                        {format!("Delete team and {}", count(runs, "assessment", "assessments"))}
                    </button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Keep team"</button>
                </div>
            }
        })}
    }
}
