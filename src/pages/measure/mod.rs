//! DORA measured from a team's own deployment records: drop a CSV or a GitHub or
//! GitLab export, see each metric measured beside what the team answered, and, if
//! the team confirms, record a DORA assessment filled from the figures. Everything
//! is read in this browser; the records themselves are never kept.
//!
//! One concern a file: reading the files ([`files`]), the window and environment
//! ([`window`]), the figures beside the answers and recording them ([`figures`]),
//! and the figures' wording ([`words`]).

mod figures;
mod files;
mod window;
mod words;

use crate::i18n::{k, t, tf};
use crate::platform::{mark, set_title};
use crate::routes;
use crate::state::use_app_state;
use files::{files_view, read_files, Loaded};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use maturity_core::dora::measure::{self, Measured, Window};
use maturity_core::TeamId;
use std::sync::Arc;

/// What the page holds: the records read, a refusal, whether files are being read,
/// and the environment and window chosen (`None`: the records' defaults).
#[derive(Clone, Copy)]
struct Reading {
    loaded: RwSignal<Option<Arc<Loaded>>>,
    refusal: RwSignal<Option<(String, Option<String>)>>,
    busy: RwSignal<bool>,
    environment: RwSignal<Option<String>>,
    window: RwSignal<Option<Window>>,
    /// Files dropped in quick succession: only the last drop's reading is shown.
    generation: StoredValue<u32>,
}

impl Reading {
    fn new() -> Reading {
        Reading {
            loaded: RwSignal::new(None),
            refusal: RwSignal::new(None),
            busy: RwSignal::new(false),
            environment: RwSignal::new(None),
            window: RwSignal::new(None),
            generation: StoredValue::new(0),
        }
    }

    /// Reads `files` in the background; a refused file changes nothing, so the
    /// records shown before stay.
    fn take(self, files: web_sys::FileList) {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        self.busy.set(true);
        mark("devops-maturity:take:start");
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            let result = read_files(files).await;
            if self.generation.get_value() != mine {
                return;
            }
            self.busy.set(false);
            match result {
                Ok(new) => {
                    self.refusal.set(None);
                    self.environment.set(new.records.default_environment());
                    self.window.set(None);
                    self.loaded.set(Some(Arc::new(new)));
                    mark("devops-maturity:take:end");
                }
                Err(said) => self.refusal.set(Some(said)),
            }
        });
    }

    /// The figures for the window and environment chosen.
    fn measured(self) -> Memo<Option<Measured>> {
        Memo::new(move |_| {
            self.loaded.with(|l| {
                let l = l.as_ref()?;
                let env = self.environment.get();
                let w = self
                    .window
                    .get()
                    .or_else(|| measure::default_window(&l.records, env.as_deref()))?;
                mark("devops-maturity:measure:start");
                let m = measure::measure(&l.records, w, env.as_deref());
                mark("devops-maturity:measure:end");
                Some(m)
            })
        })
    }
}

#[component]
pub fn MeasurePage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let team_id = Memo::new(move |_| TeamId(params.read().get("team").unwrap_or_default()));
    let team = Memo::new(move |_| state.store.with(|s| s.team(&team_id.get()).cloned()));
    let reading = Reading::new();
    let measured = reading.measured();
    move || {
        let Some(team_now) = team.get() else {
            return view! { <crate::components::team_not_found::TeamNotFound/> }.into_any();
        };
        set_title(&tf(k::MEASURE_TITLE, &[("team", &team_now.name)]));
        let back = tf(k::MEASURE_BACK, &[("team", &team_now.name)]);
        let heading = tf(k::MEASURE_HEADING, &[("team", &team_now.name)]);
        view! {
            <p><A href=routes::team(&team_now.id)>{back}</A></p>
            <h1>{heading}</h1>
            <p>{t(k::MEASURE_INTRO)}</p>
            <FilesCard reading=reading/>
            {move || reading.loaded.get().map(|l| {
                let team = team_now.id.clone();
                view! { <figures::Figures loaded=l measured=measured environment=reading.environment window=reading.window team=team/> }
            })}
        }
        .into_any()
    }
}

/// Where files are chosen or dropped, what they were read as, or why not.
#[component]
fn FilesCard(reading: Reading) -> impl IntoView {
    // Relative to the page's <base>, the app's own address: at the root and under a
    // path alike.
    let example = "examples/deployments.csv";
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            reading.take(files);
        }
        input.set_value("");
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            reading.take(files);
        }
    };
    view! {
        <section class="card" aria-labelledby="measure-files-heading">
            <h2 id="measure-files-heading">{t(k::MEASURE_FILES_HEADING)}</h2>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=drop>
                <label for="measure-files">{t(k::MEASURE_FILES_LABEL)}</label>
                <input id="measure-files" type="file" multiple accept=".csv,.json,.txt,text/csv,application/json"
                    on:change=choose aria-describedby="measure-files-hint"/>
                <p id="measure-files-hint" class="hint">{t(k::MEASURE_PRIVATE)}</p>
            </div>
            <details class="formats">
                <summary>{t(k::MEASURE_FORMATS_SUMMARY)}</summary>
                <p>{t(k::MEASURE_FORMAT_CSV)}</p>
                <p><a href=example download="deployments.csv">{t(k::MEASURE_EXAMPLE)}</a></p>
                <p>{t(k::MEASURE_FORMAT_GITHUB)}</p>
                <p>{t(k::MEASURE_FORMAT_GITLAB)}</p>
            </details>
            {move || reading.busy.get().then(|| view! { <p class="status" role="status">{t(k::MEASURE_READING)}</p> })}
            {move || reading.refusal.get().map(|(text, details)| view! { <crate::errors::Refusal text details/> })}
            {move || reading.loaded.get().map(|l| files_view(&l))}
        </section>
    }
}
