//! Questionnaires of the user's own on the start page: load a file (checked, with
//! errors that point at the field), see them listed, remove one nothing uses.

use crate::platform::now;
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::error::QuestionnaireError;
use maturity_core::ChangeError;

/// Questionnaires of the user's own: load a file (checked, with errors that point
/// at the field), see them listed, remove one nothing uses.
#[component]
pub fn OwnQuestionnaires() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<(bool, String)>);
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
            let name = file.name();
            let limit = maturity_core::limits::MAX_CUSTOM_BYTES as f64;
            let text = match crate::platform::read_text(file, limit, "a questionnaire file").await {
                Ok(text) => text,
                Err(e) => return message.set(Some((false, e))),
            };
            let builtin = maturity_core::Catalog::builtin();
            let result = builtin
                .parse_custom(&name, &text)
                .map_err(|e| ChangeError::Questionnaire(QuestionnaireError::Invalid(e.to_string())))
                .and_then(|q| {
                    let title = q.title.clone();
                    state
                        .change(|s| s.add_questionnaire(q, &builtin, now()))
                        .map(|replaced| (title, replaced))
                });
            message.set(Some(match result {
                Ok((title, false)) => (
                    true,
                    format!("Loaded “{title}”: it is offered with the others above."),
                ),
                Ok((title, true)) => (true, format!("Updated “{title}” from {name}.")),
                Err(e) => (false, format!("{name} was not loaded:\n{e}")),
            }));
        });
    };
    view! {
        <section class="card" aria-labelledby="own-heading">
            <h2 id="own-heading">"Questionnaires of your own"</h2>
            <p class="hint">"A JSON file in the same format as the built-in questionnaires (see the README and questionnaires/examples/). It is checked, kept in this browser, included in backups, and used like the others."</p>
            <div class="field">
                <label for="questionnaire-file">"Load a questionnaire file"</label>
                <input id="questionnaire-file" type="file" accept=".json,application/json" on:change=load/>
            </div>
            {move || message.get().map(|(ok, text)| if ok {
                view! { <p class="status" role="status">{text}</p> }.into_any()
            } else {
                view! { <p class="error problems" role="alert">{text}</p> }.into_any()
            })}
            <ul>
                {move || own.get().into_iter().map(|(id, title, count)| {
                    let label = format!("Remove {title}");
                    view! {
                        <li>{format!("{title} ({count} questions) ")}
                            <button type="button" class="quiet" aria-label=label on:click=move |_| {
                                message.set(Some(match state.change(|s| s.remove_questionnaire(&id, now())) {
                                    Ok(()) => (true, "Removed.".to_string()),
                                    Err(e) => (false, e.to_string()),
                                }));
                            }>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
