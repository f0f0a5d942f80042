//! Collecting answer codes on the facilitator's device: pasted (one or many), or
//! dropped as answer files; each code's outcome in words; the answers collected so
//! far, numbered, each of which can be dropped.

use crate::components::scroll_table::ScrollTable;
use crate::i18n::{k, t, tf};
use crate::platform::{format_date_time, now, read_text};
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;
use maturity_core::assessment::records::Workshop;
use maturity_core::store::collect::{collect_codes, Outcome};

/// Largest answer file accepted: an answer file is a few hundred bytes.
const MAX_ANSWER_FILE: f64 = 64.0 * 1024.0;

/// Adds every code in `text` to workshop `id`, in one change, and says what
/// happened to each.
pub fn collect(state: AppState, id: u32, text: &str) -> Vec<Outcome> {
    let catalog = state.catalog.get_untracked();
    match state.change(|s| collect_codes(s, &catalog, id, text, now())) {
        Ok(outcomes) => outcomes,
        Err(e) => vec![Outcome::other(
            false,
            tf(
                k::COLLECT_NOT_ADDED,
                &[("reason", &crate::errors::change(&e))],
            ),
        )],
    }
}

/// What happened to each code, as a live list.
#[component]
pub fn Outcomes(#[prop(into)] outcomes: Signal<Vec<Outcome>>) -> impl IntoView {
    view! {
        // The live region holds the list (a list given the status role would no
        // longer be a list to assistive technology).
        <div role="status" aria-live="polite">
            <ul class="outcomes">
                {move || outcomes.get().into_iter().map(|o| view! {
                    <li class=if o.ok { "ok" } else { "error" }>{crate::errors::outcome(&o)}</li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub fn CodeCollector(id: u32, workshop: Memo<Option<Workshop>>) -> impl IntoView {
    let state = use_app_state();
    let pasted = RwSignal::new(String::new());
    let outcomes = RwSignal::new(Vec::<Outcome>::new());
    let add_text = move |text: String| outcomes.set(collect(state, id, &text));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add_text(pasted.get_untracked());
        if outcomes.with_untracked(|o| o.iter().all(|o| o.ok)) {
            pasted.set(String::new());
        }
    };
    let read_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        wasm_bindgen_futures::spawn_local(async move {
            let mut all = Vec::new();
            for file in files {
                match read_text(file, MAX_ANSWER_FILE, &t(k::COLLECT_ANSWER_FILE_KIND)).await {
                    Ok(text) => all.extend(collect(state, id, &text)),
                    Err(message) => all.push(Outcome::other(false, message)),
                }
            }
            outcomes.set(all);
        });
    };
    let dragging = RwSignal::new(false);
    view! {
        <section class="card collect" aria-labelledby="collect-heading">
            <h2 id="collect-heading">{t(k::COLLECT_HEADING)}</h2>
            <form on:submit=add>
                <div class="field">
                    <label for="codes">{t(k::COLLECT_PASTE)}</label>
                    <textarea id="codes" rows="3" bind:value=pasted></textarea>
                </div>
                <button type="submit" class="primary">{t(k::COLLECT_ADD)}</button>
            </form>
            <div
                class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    read_files(ev.data_transfer().and_then(|d| d.files()));
                }
            >
                <label for="answer-files">{t(k::COLLECT_FILES)}</label>
                <input id="answer-files" type="file" multiple accept=".txt,text/plain"
                    on:change:target=move |ev| {
                        read_files(ev.target().files());
                        ev.target().set_value("");
                    }/>
                <span class="hint">" "{t(k::COLLECT_DROP_HERE)}</span>
            </div>
            <Outcomes outcomes=outcomes/>
            <Submissions id=id workshop=workshop outcomes=outcomes/>
        </section>
    }
}

/// The answers collected so far, numbered (no names), each of which can be dropped.
#[component]
fn Submissions(
    id: u32,
    workshop: Memo<Option<Workshop>>,
    outcomes: RwSignal<Vec<Outcome>>,
) -> impl IntoView {
    let state = use_app_state();
    let rows = move || {
        workshop.with(|w| {
            let Some(w) = w else { return Vec::new() };
            let asked = state.catalog.with(|c| c.steps(&w.questionnaires).len());
            w.submissions
                .iter()
                .enumerate()
                .map(|(i, s)| (i + 1, s.participant, s.received_at, s.answers.len(), asked))
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || {
            let rows = rows();
            if rows.is_empty() {
                return view! { <p class="empty">{t(k::COLLECT_NONE)}</p> }.into_any();
            }
            view! {
                <ScrollTable label=t(k::COLLECT_CAPTION)>
                <table class="scores submissions">
                    <caption>{t(k::COLLECT_CAPTION)}</caption>
                    <thead><tr><th scope="col">{t(k::COLLECT_PARTICIPANT)}</th><th scope="col">{t(k::COLLECT_RECEIVED)}</th><th scope="col">{t(k::COLLECT_ANSWERED)}</th><th scope="col"><span class="visually-hidden">{t(k::COLLECT_DROP)}</span></th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(number, participant, at, answered, asked)| view! {
                            <tr>
                                <th scope="row">{tf(k::COLLECT_PARTICIPANT_N, &[("number", &number.to_string())])}</th>
                                <td>{format_date_time(at)}</td>
                                <td>{tf(k::COLLECT_ANSWERED_OF, &[("answered", &answered.to_string()), ("asked", &asked.to_string())])}</td>
                                <td><button type="button" class="quiet" aria-label=tf(k::COLLECT_DROP_LABEL, &[("number", &number.to_string())])
                                    on:click=move |_| {
                                        let result = state.change(|s| s.drop_submission(id, participant, now()));
                                        outcomes.set(vec![match result {
                                            Ok(()) => Outcome::other(true, tf(k::COLLECT_DROPPED, &[("number", &number.to_string())])),
                                            Err(e) => Outcome::other(false, crate::errors::change(&e)),
                                        }]);
                                    }>{t(k::COLLECT_DROP)}</button></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </ScrollTable>
            }.into_any()
        }}
    }
}
