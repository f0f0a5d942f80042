//! A run's notes: free text saved when the field loses focus (or the page is left),
//! which never overwrites notes changed meanwhile in another tab without asking.

use crate::components::draft::Draft;
use crate::i18n::{k, t, tf};
use crate::platform::now;
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::limits::MAX_NOTES;
use maturity_core::{ChangeError, RunId};

#[component]
pub fn RunNotes(run: RunId) -> impl IntoView {
    let state = use_app_state();
    let saved = {
        let run = run.clone();
        Memo::new(move |_| {
            state
                .store
                .with(|s| s.run(&run).map(|r| r.notes.clone()).unwrap_or_default())
        })
    };
    let draft = Draft::new(saved);
    let status = RwSignal::new(None::<String>);
    let report = move |result: Option<Result<(), ChangeError>>| match result {
        Some(Ok(())) => status.set(Some(t(k::RESULTS_NOTES_SAVED))),
        Some(Err(ChangeError::EditedElsewhere { .. })) | None => {}
        Some(Err(e)) => status.set(Some(crate::errors::change(&e))),
    };
    let apply = {
        let run = run.clone();
        move |was: &str, text: &str| state.change(|s| s.set_notes(&run, was, text, now()))
    };
    let save = {
        let apply = apply.clone();
        move || report(draft.save(apply.clone()))
    };
    // Leaving the page (closing the tab, reloading, going elsewhere in the app) while
    // the field still has focus fires no `change`: save what was typed then too.
    let on_leave = save.clone();
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| on_leave());
    let on_cleanup_save = save.clone();
    on_cleanup(move || {
        pagehide.remove();
        on_cleanup_save();
    });
    view! {
        <section class="card notes" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{t(k::RESULTS_NOTES_HEADING)}</h2>
            <label for="run-notes" class="hint">
                {tf(k::RESULTS_NOTES_HINT, &[("max", &MAX_NOTES.to_string())])}
            </label>
            <textarea id="run-notes" rows="4" maxlength=MAX_NOTES.to_string()
                prop:value=move || draft.text()
                on:input:target=move |ev| {
                    status.set(None);
                    draft.input(ev.target().value());
                }
                on:change=move |_| save()
            ></textarea>
            // What a printed report shows in place of the field.
            <p class="print-only notes-print">{move || draft.text()}</p>
            {move || draft.conflict.get().map(|theirs| {
                let apply = apply.clone();
                view! {
                    <div class="conflict" role="alert">
                        <p>{t(k::RESULTS_NOTES_CONFLICT)}</p>
                        <blockquote>{theirs}</blockquote>
                        <button type="button" on:click=move |_| report(draft.keep_mine(apply.clone()))>{t(k::RESULTS_NOTES_KEEP_MINE)}</button>
                        <button type="button" on:click=move |_| draft.take_theirs()>{t(k::RESULTS_NOTES_TAKE_THEIRS)}</button>
                    </div>
                }
            })}
            <p class="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
