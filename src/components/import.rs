//! Importing a backup from another browser: choose the file, read what it would
//! add, join or replace, then import or cancel. Nothing changes before "Import".

use crate::i18n::{k, t, tf, tp};
use crate::platform::{now, read_text};
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;
use maturity_core::limits::MAX_IMPORT_BYTES;
use maturity_core::store::import::{import, plan_import, ImportPlan};

/// The file chosen, and what importing it would do here.
#[derive(Clone)]
struct Pending {
    name: String,
    text: String,
    plan: ImportPlan,
}

#[component]
pub fn ImportBackup() -> impl IntoView {
    let state = use_app_state();
    let pending = RwSignal::new(None::<Pending>);
    // (done, what to say, details of a refusal).
    let message = RwSignal::new(None::<(bool, String, Option<String>)>);
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        pending.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            match read_text(file, MAX_IMPORT_BYTES as f64, &t(k::HOME_IMPORT_FILE_KIND)).await {
                Err(e) => message.set(Some((false, e, None))),
                Ok(text) => match state.store.with_untracked(|s| plan_import(s, &text)) {
                    Err(e) => {
                        let (said, details) = crate::errors::import(&e);
                        message.set(Some((
                            false,
                            tf(k::HOME_IMPORT_REFUSED, &[("file", &name), ("error", &said)]),
                            details,
                        )))
                    }
                    Ok(plan) => {
                        message.set(None);
                        pending.set(Some(Pending { name, text, plan }));
                    }
                },
            }
        });
    };
    let confirm = move |_| {
        let Some(Pending { name, text, .. }) = pending.get_untracked() else {
            return;
        };
        message.set(Some(imported(state, &name, &text)));
        pending.set(None);
    };
    view! {
        <div class="import">
            <label for="import-file">{t(k::HOME_IMPORT_LABEL)}</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=choose aria-describedby="import-hint"/>
            <p id="import-hint" class="hint">{t(k::HOME_IMPORT_HINT)}</p>
            {move || pending.get().map(|Pending { name, plan, .. }| {
                let preview = preview(&plan);
                let nothing = plan.changes_nothing();
                let holds = holds_view(name, &plan);
                view! {
                    <div class="confirm" role="group" aria-label=t(k::HOME_IMPORT_CONFIRM_LABEL)>
                        <p>{holds}</p>
                        <ul class="import-preview">{preview.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        {(!nothing).then(|| view! { <button type="button" class="primary" on:click=confirm>{t(k::HOME_IMPORT)}</button> })}
                        <button type="button" on:click=move |_| pending.set(None)>{if nothing { t(k::COMMON_CLOSE) } else { t(k::COMMON_CANCEL) }}</button>
                    </div>
                }
            })}
            {move || message.get().map(|(ok, text, details)| if ok {
                view! { <p class="status" role="status">{text}</p> }.into_any()
            } else {
                view! { <crate::errors::Refusal text details/> }.into_any()
            })}
        </div>
    }
}

/// Imports the backup `text` (planned again inside the change, against the newest
/// saved state): whether it was taken, what to say, and a refusal's details.
fn imported(state: AppState, name: &str, text: &str) -> (bool, String, Option<String>) {
    match state.change(|s| import(s, text, now())) {
        Ok(plan) => (
            true,
            tf(
                k::HOME_IMPORTED,
                &[
                    ("file", name),
                    ("new_runs", &tp(k::HOME_NEW_ASSESSMENTS, plan.new_runs, &[])),
                    ("replaced", &plan.replaced_runs.to_string()),
                    (
                        "new_teams",
                        &tp(k::HOME_NEW_TEAMS, plan.new_teams.len(), &[]),
                    ),
                ],
            ),
            None,
        ),
        Err(e) => (
            false,
            tf(
                k::HOME_IMPORT_FAILED,
                &[("error", &crate::errors::change(&e))],
            ),
            crate::errors::change_details(&e),
        ),
    }
}

/// "<file> holds 2 teams and 5 assessments.", the file's name in bold wherever
/// the language puts it.
fn holds_view(name: String, plan: &ImportPlan) -> impl IntoView {
    let (before, after) = crate::i18n::around(
        &tf(
            k::HOME_IMPORT_HOLDS,
            &[
                (
                    "teams",
                    &tp(k::COMMON_TEAMS, plan.incoming.teams.len(), &[]),
                ),
                (
                    "assessments",
                    &tp(k::COMMON_ASSESSMENTS, plan.incoming.runs.len(), &[]),
                ),
            ],
        ),
        "file",
    );
    view! { {before}<strong>{name}</strong>{after} }
}

/// One line per kind of change the import would make.
fn preview(plan: &ImportPlan) -> Vec<String> {
    let mut lines = Vec::new();
    if plan.changes_nothing() {
        lines.push(t(k::HOME_IMPORT_NOTHING));
        return lines;
    }
    let quoted = |name: &str| tf(k::COMMON_QUOTED, &[("text", name)]);
    if !plan.new_teams.is_empty() {
        let names: Vec<String> = plan.new_teams.iter().map(|n| quoted(n)).collect();
        lines.push(tp(
            k::HOME_IMPORT_ADDS_TEAMS,
            plan.new_teams.len(),
            &[("names", &names.join(", "))],
        ));
    }
    for (theirs, ours) in &plan.joined_teams {
        lines.push(tf(
            k::HOME_IMPORT_JOINS,
            &[("theirs", theirs), ("ours", ours)],
        ));
    }
    let counted = [
        (plan.new_runs, k::HOME_IMPORT_ADDS_ASSESSMENTS),
        (plan.replaced_runs, k::HOME_IMPORT_REPLACES),
        (plan.new_questionnaires, k::HOME_IMPORT_ADDS_QUESTIONNAIRES),
        (plan.new_workshops, k::HOME_IMPORT_ADDS_WORKSHOPS),
        (plan.unfit_answers, k::HOME_IMPORT_LEAVES_OUT),
        (plan.unchanged_runs, k::HOME_IMPORT_UNCHANGED),
    ];
    for (n, key) in counted {
        if n > 0 {
            lines.push(tp(key, n, &[]));
        }
    }
    lines
}
