//! Importing a backup from another browser: choose the file, read what it would
//! add, join or replace, then import or cancel. Nothing changes before "Import".

use crate::platform::{now, read_text};
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::import::{import, plan_import, ImportPlan};
use maturity_core::limits::MAX_IMPORT_BYTES;
use maturity_core::words::{count, noun};

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
    let message = RwSignal::new(None::<(bool, String)>);
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        pending.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            match read_text(file, MAX_IMPORT_BYTES as f64, "a backup of this app").await {
                Err(e) => message.set(Some((false, e))),
                Ok(text) => match state.store.with_untracked(|s| plan_import(s, &text)) {
                    Err(e) => {
                        message.set(Some((false, format!("{name}: {e} Nothing was changed."))))
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
        // Planned again inside the change, against the newest saved state.
        match state.change(|s| import(s, &text, now())) {
            Ok(plan) => message.set(Some((
                true,
                format!(
                    "Imported {name}: {}, {} replaced, {}.",
                    count(plan.new_runs, "new assessment", "new assessments"),
                    plan.replaced_runs,
                    count(plan.new_teams.len(), "new team", "new teams"),
                ),
            ))),
            Err(e) => message.set(Some((false, format!("{e} Nothing was changed.")))),
        }
        pending.set(None);
    };
    view! {
        <div class="import">
            <label for="import-file">"Import a backup"</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=choose aria-describedby="import-hint"/>
            <p id="import-hint" class="hint">"A file from “Download a backup of all data”, made in this or another browser. You see what it adds before anything changes."</p>
            {move || pending.get().map(|Pending { name, plan, .. }| {
                let preview = preview(&plan);
                let nothing = plan.changes_nothing();
                view! {
                    <div class="confirm" role="group" aria-label="Confirm the import">
                        <p><strong>{name}</strong> {format!(
                            " holds {} and {}.",
                            count(plan.incoming.teams.len(), "team", "teams"),
                            count(plan.incoming.runs.len(), "assessment", "assessments"),
                        )}</p>
                        <ul class="import-preview">{preview.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        {(!nothing).then(|| view! { <button type="button" class="primary" on:click=confirm>"Import"</button> })}
                        <button type="button" on:click=move |_| pending.set(None)>{if nothing { "Close" } else { "Cancel" }}</button>
                    </div>
                }
            })}
            {move || message.get().map(|(ok, text)| if ok {
                view! { <p class="status" role="status">{text}</p> }.into_any()
            } else {
                view! { <p class="error" role="alert">{text}</p> }.into_any()
            })}
        </div>
    }
}

/// One line per kind of change the import would make.
fn preview(plan: &ImportPlan) -> Vec<String> {
    let mut lines = Vec::new();
    if plan.changes_nothing() {
        lines.push("Everything in it is already here: there is nothing to import.".to_string());
        return lines;
    }
    if !plan.new_teams.is_empty() {
        let names: Vec<String> = plan.new_teams.iter().map(|n| format!("“{n}”")).collect();
        lines.push(format!(
            "Adds {}: {}.",
            count(plan.new_teams.len(), "team", "teams"),
            names.join(", ")
        ));
    }
    for (theirs, ours) in &plan.joined_teams {
        lines.push(format!(
            "Its team “{theirs}” joins your team “{ours}”: one history for both."
        ));
    }
    if plan.new_runs > 0 {
        lines.push(format!(
            "Adds {}.",
            count(plan.new_runs, "assessment", "assessments")
        ));
    }
    if plan.replaced_runs > 0 {
        lines.push(format!(
            "Replaces {} here with the file's version (same assessment, changed since).",
            count(plan.replaced_runs, "assessment", "assessments")
        ));
    }
    if plan.new_questionnaires > 0 {
        lines.push(format!(
            "Adds {} of your own.",
            count(plan.new_questionnaires, "questionnaire", "questionnaires")
        ));
    }
    if plan.new_workshops > 0 {
        lines.push(format!(
            "Adds {}.",
            count(plan.new_workshops, "workshop", "workshops")
        ));
    }
    if plan.unfit_answers > 0 {
        lines.push(format!(
            "Leaves out {} that {} none of the question's choices (the file was damaged or edited by hand).",
            count(plan.unfit_answers, "answer", "answers"),
            noun(plan.unfit_answers, "fits", "fit"),
        ));
    }
    if plan.unchanged_runs > 0 {
        lines.push(format!(
            "{} already here stay as they are.",
            count(plan.unchanged_runs, "assessment", "assessments")
        ));
    }
    lines
}
