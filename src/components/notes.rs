//! A run's notes: free text saved when the field loses focus, which never overwrites
//! notes changed meanwhile in another tab without asking.

use crate::app::use_app_state;
use crate::platform::now;
use leptos::prelude::*;
use maturity_core::store::MAX_NOTES;
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
    // The saved text the user began editing from; `None` while they are not editing.
    let editing_from = RwSignal::new(None::<String>);
    let draft = RwSignal::new(saved.get_untracked());
    let status = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<String>);
    // Follow saves from other tabs, except while the user is typing.
    Effect::new(move |_| {
        let text = saved.get();
        if editing_from.get_untracked().is_none() {
            draft.set(text);
        }
    });
    let save = {
        let run = run.clone();
        move |was: String| {
            let Some(text) = draft.try_get_untracked() else {
                return;
            };
            match state.change(|s| s.set_notes(&run, &was, &text, now())) {
                Ok(()) => {
                    editing_from.set(None);
                    conflict.set(None);
                    status.set(Some("Notes saved.".to_string()));
                }
                Err(ChangeError::EditedElsewhere { theirs }) => conflict.set(Some(theirs)),
                Err(e) => status.set(Some(e.to_string())),
            }
        }
    };
    let save_on_change = save.clone();
    // Leaving the page (closing the tab, reloading, going elsewhere in the app) while
    // the field still has focus fires no `change`: save what was typed then too.
    let save_on_leave = {
        let save = save.clone();
        move || {
            if let Some(Some(was)) = editing_from.try_get_untracked() {
                save(was);
            }
        }
    };
    let leave = save_on_leave.clone();
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| leave());
    on_cleanup(move || {
        pagehide.remove();
        save_on_leave();
    });
    view! {
        <section class="card notes" aria-labelledby="notes-heading">
            <h2 id="notes-heading">"Notes"</h2>
            <label for="run-notes" class="hint">
                {format!("What the team wants to remember about this assessment: context, disagreements, what you agreed to try. Saved when you leave the field; up to {MAX_NOTES} characters.")}
            </label>
            <textarea id="run-notes" rows="4" maxlength=MAX_NOTES.to_string()
                prop:value=move || draft.get()
                on:input:target=move |ev| {
                    if editing_from.get_untracked().is_none() {
                        editing_from.set(Some(saved.get_untracked()));
                    }
                    status.set(None);
                    draft.set(ev.target().value());
                }
                on:change=move |_| {
                    if let Some(was) = editing_from.get_untracked() {
                        save_on_change(was);
                    }
                }
            ></textarea>
            // What a printed report shows in place of the field.
            <p class="print-only notes-print">{move || draft.get()}</p>
            {move || conflict.get().map(|theirs| {
                let mine = save.clone();
                let keep = theirs.clone();
                view! {
                    <div class="conflict" role="alert">
                        <p>"These notes were changed in another tab while you were editing. The other tab saved:"</p>
                        <blockquote>{theirs.clone()}</blockquote>
                        <button type="button" on:click=move |_| mine(theirs.clone())>"Keep my version"</button>
                        <button type="button" on:click=move |_| {
                            draft.set(keep.clone());
                            editing_from.set(None);
                            conflict.set(None);
                        }>"Use the other tab's version"</button>
                    </div>
                }
            })}
            <p class="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
