//! Looking after a team: renaming it (without overwriting a rename made in another
//! tab), archiving or restoring it, deleting it with everything it has (asks first
//! and says what goes).

use crate::components::draft::Draft;
use crate::i18n::{k, t, tf, tp};
use crate::platform::now;
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use maturity_core::assessment::history::TeamHistory;
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
        Some(Ok(())) => message.set(Some(t(k::TEAM_RENAMED))),
        Some(Err(ChangeError::EditedElsewhere { .. })) | None => {}
        Some(Err(e)) => message.set(Some(crate::errors::change(&e))),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        report(draft.save(apply));
    };
    let toggle_archive = move |_| {
        let Some(team) = team.get_untracked() else {
            return;
        };
        let result = state.change(|s| s.set_archived(&team.id, !team.archived, now()));
        message.set(Some(match result {
            Ok(()) if team.archived => t(k::TEAM_RESTORED),
            Ok(()) => t(k::TEAM_ARCHIVED_DONE),
            Err(e) => crate::errors::change(&e),
        }));
    };
    view! {
        <section class="card" aria-labelledby="admin-heading">
            <h2 id="admin-heading">{t(k::TEAM_SETTINGS)}</h2>
            <form class="rename" on:submit=submit>
                <div class="field">
                    <label for="rename-team">{t(k::TEAM_NAME_LABEL)}</label>
                    <input id="rename-team" type="text" maxlength="80" autocomplete="off"
                        prop:value=move || draft.text()
                        on:input:target=move |ev| draft.input(ev.target().value())/>
                </div>
                <button type="submit">{t(k::TEAM_RENAME)}</button>
            </form>
            {move || draft.conflict.get().map(|theirs| view! {
                <div class="conflict" role="alert">
                    <p>{tf(k::TEAM_RENAME_CONFLICT, &[("name", &theirs)])}</p>
                    <button type="button" on:click=move |_| report(draft.keep_mine(apply))>{t(k::TEAM_USE_MINE)}</button>
                    <button type="button" on:click=move |_| draft.take_theirs()>{t(k::TEAM_TAKE_THEIRS)}</button>
                </div>
            })}
            <TeamTags team=team message=message/>
            <p>
                <button type="button" on:click=toggle_archive>
                    {move || if team.with(|t| t.as_ref().is_some_and(|t| t.archived)) { t(k::TEAM_RESTORE) } else { t(k::TEAM_ARCHIVE) }}
                </button>
                <span class="hint">" "{t(k::TEAM_ARCHIVE_HINT)}</span>
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
        let Some(team) = team.get_untracked() else {
            return;
        };
        match state.change(|s| s.delete_team(&team.id, now())) {
            Ok(runs) => {
                let said = tp(k::TEAM_DELETED_TEAM, runs, &[("team", &team.name)]);
                state.flash.set(Some((routes::home(), said)));
                navigate(&routes::home(), routes::navigate());
            }
            Err(e) => message.set(Some(crate::errors::change(&e))),
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
            <button type="button" class="danger" on:click=move |_| confirming.set(true)>{t(k::TEAM_DELETE_TEAM_ASK)}</button>
        </p>
        {move || confirming.get().then(|| {
            let delete = delete.clone();
            let (runs, finished) = counts.get();
            let name = team.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
            let assessments = tp(k::TEAM_ASSESSMENTS, runs, &[]);
            let finished = finished.to_string();
            let question = match open_workshops() {
                0 => tf(
                    k::TEAM_DELETE_TEAM_QUESTION,
                    &[("team", &name), ("assessments", &assessments), ("finished", &finished)],
                ),
                n => tf(
                    k::TEAM_DELETE_TEAM_QUESTION_WORKSHOPS,
                    &[
                        ("team", &name),
                        ("assessments", &assessments),
                        ("finished", &finished),
                        ("workshops", &tp(k::TEAM_OPEN_WORKSHOPS, n, &[])),
                    ],
                ),
            };
            view! {
                <div class="confirm" role="group" aria-label=t(k::TEAM_CONFIRM_DELETE_TEAM)>
                    <p>{question}</p>
                    <button type="button" class="danger" on:click=delete>
                        {tp(k::TEAM_DELETE_TEAM_CONFIRM, runs, &[])}
                    </button>
                    <button type="button" on:click=move |_| confirming.set(false)>{t(k::TEAM_KEEP_TEAM)}</button>
                </div>
            }
        })}
    }
}

/// A coach's tags on the team (tribe, department, client), typed comma-separated;
/// the view across teams filters by them.
#[component]
fn TeamTags(team: Memo<Option<Team>>, message: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let saved = Memo::new(move |_| {
        team.with(|t| t.as_ref().map(|t| t.tags.join(", ")).unwrap_or_default())
    });
    let text = RwSignal::new(saved.get_untracked());
    // Another tab's change (or an import) shows here unless the user is typing.
    Effect::new(move |_| text.set(saved.get()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(team) = team.get_untracked() else {
            return;
        };
        let tags: Vec<String> = text
            .get_untracked()
            .split(',')
            .map(str::to_string)
            .collect();
        message.set(Some(
            match state.change(|s| s.set_tags(&team.id, &tags, now())) {
                Ok(()) => t(k::TEAM_TAGS_SAVED),
                Err(e) => crate::errors::change(&e),
            },
        ));
    };
    view! {
        <form class="rename tags-form" on:submit=submit>
            <div class="field">
                <label for="team-tags">{t(k::TEAM_TAGS)}</label>
                <input id="team-tags" type="text" autocomplete="off" bind:value=text/>
            </div>
            <button type="submit">{t(k::TEAM_TAGS_SAVE)}</button>
        </form>
    }
}
