//! Questionnaires of the user's own on the start page: load a file (checked, with
//! errors that point at the field), see them listed, remove one nothing uses.

use crate::i18n::{k, t, tf, tp};
use crate::platform::now;
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;

/// Questionnaires of the user's own: load a file (checked, with errors that point
/// at the field), see them listed, remove one nothing uses.
#[component]
pub fn OwnQuestionnaires() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<(bool, String, Option<String>)>);
    let own = Memo::new(move |_| {
        state.store.with(|s| {
            s.questionnaires
                .iter()
                .map(|q| (q.id.clone(), q.title.clone(), q.active_questions().count()))
                .collect::<Vec<_>>()
        })
    });
    let load = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = leptos::prelude::event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        wasm_bindgen_futures::spawn_local(async move {
            message.set(Some(load_file(state, file).await));
        });
    };
    view! {
        <section class="card" aria-labelledby="own-heading">
            <h2 id="own-heading">{t(k::HOME_OWN_HEADING)}</h2>
            <p class="hint">{t(k::HOME_OWN_HINT)}</p>
            <p><a href="examples/psychological-safety.json" download="psychological-safety.json">{t(k::HOME_OWN_EXAMPLE)}</a></p>
            <details class="format">
                <summary>{t(k::HOME_OWN_FORMAT)}</summary>
                <p>{t(k::HOME_OWN_FORMAT_BODY)}</p>
            </details>
            <div class="field">
                <label for="questionnaire-file">{t(k::HOME_OWN_LOAD)}</label>
                <input id="questionnaire-file" type="file" accept=".json,application/json" on:change=load/>
            </div>
            {move || message.get().map(|(ok, text, details)| if ok {
                view! { <p class="status" role="status">{text}</p> }.into_any()
            } else {
                view! { <crate::errors::Refusal text details/> }.into_any()
            })}
            <ul>
                {move || own.get().into_iter().map(|(id, title, count)| {
                    let label = tf(k::HOME_OWN_REMOVE_LABEL, &[("title", &title)]);
                    view! {
                        <li>{format!("{} ", tp(k::HOME_OWN_ITEM, count, &[("title", &title)]))}
                            <button type="button" class="quiet" aria-label=label on:click=move |_| {
                                message.set(Some(match state.change(|s| s.remove_questionnaire(&id, now())) {
                                    Ok(()) => (true, t(k::HOME_OWN_REMOVED), None),
                                    Err(e) => (false, crate::errors::change(&e), None),
                                }));
                            }>{t(k::COMMON_REMOVE)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Reads a questionnaire file of the user's own, checks it and adds it: whether it
/// was taken, what to say, and the file's problems field by field for "Details".
async fn load_file(state: AppState, file: web_sys::File) -> (bool, String, Option<String>) {
    let name = file.name();
    let limit = maturity_core::limits::MAX_CUSTOM_BYTES as f64;
    let text = match crate::platform::read_text(file, limit, &t(k::HOME_OWN_FILE_KIND)).await {
        Ok(text) => text,
        Err(e) => return (false, e, None),
    };
    let builtin = maturity_core::Catalog::builtin();
    // What is wrong in words, the file's problems (field by field) as details.
    let refused = |said: String, details: Option<String>| {
        (
            false,
            tf(k::HOME_OWN_NOT_LOADED, &[("file", &name), ("error", &said)]),
            details,
        )
    };
    let q = match builtin.parse_custom(&name, &text) {
        Ok(q) => q,
        Err(e) => {
            let (said, details) = crate::errors::questionnaire_file(&e);
            return refused(said, details);
        }
    };
    let title = q.title.clone();
    match state.change(|s| s.add_questionnaire(q, &builtin, now())) {
        Ok(false) => (true, tf(k::HOME_OWN_LOADED, &[("title", &title)]), None),
        Ok(true) => (
            true,
            tf(k::HOME_OWN_UPDATED, &[("title", &title), ("file", &name)]),
            None,
        ),
        Err(e) => refused(crate::errors::change(&e), crate::errors::change_details(&e)),
    }
}
