//! Browser tests (wasm-bindgen-test in headless Chromium): components mounted on a
//! real DOM, and the storage module against the browser's real localStorage.
#![cfg(target_arch = "wasm32")]

use devops_maturity::charts::RadarChart;
use devops_maturity::components::question::QuestionCard;
use devops_maturity::components::score_table::ScoreTable;
use devops_maturity::state::AppState;
use devops_maturity::storage::{self, Mode, Notice};
use leptos::prelude::*;
use leptos::task::tick;
use maturity_core::{score, Catalog, Store};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into, so tests do not see each other's DOM.
fn host() -> HtmlElement {
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn radios(host: &HtmlElement) -> Vec<HtmlInputElement> {
    let list = host.query_selector_all("input[type=radio]").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
async fn question_card_offers_each_choice_with_its_meaning_and_reports_the_pick() {
    let catalog = Catalog::builtin();
    let calms = catalog.get("calms").unwrap();
    let step = catalog.steps(&["calms".to_string()])[0].clone();
    let chosen = RwSignal::new(None::<u8>);
    let picked = RwSignal::new(Vec::<u8>::new());
    let on_choose = Callback::new(move |i: Option<u8>| picked.update(|p| p.extend(i)));
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <QuestionCard step=step chosen=chosen on_choose=on_choose heading_ref=NodeRef::new()/> }
    });

    let text = host.text_content().unwrap();
    let question = &calms.questions[0];
    assert!(text.contains(&question.text));
    assert!(text.contains("Culture"), "the dimension is named");
    for choice in &question.choices {
        assert!(text.contains(&choice.label) && text.contains(&choice.means));
    }
    let inputs = radios(&host);
    // Every choice, then "Don't know", in one radio group.
    assert_eq!(inputs.len(), question.choices.len() + 1);
    assert_eq!(inputs[question.choices.len()].value(), "dont-know");
    assert!(text.contains("Don't know"));
    assert!(inputs.iter().all(|r| !r.checked()), "nothing chosen yet");

    // Clicking the label (what a person clicks) chooses that answer.
    let label: HtmlElement = host
        .query_selector(&format!("label[for='{}']", inputs[3].id()))
        .unwrap()
        .unwrap()
        .unchecked_into();
    label.click();
    assert_eq!(picked.get_untracked(), vec![3]);

    // The card shows whatever answer the store holds.
    chosen.set(Some(1));
    tick().await;
    let checked: Vec<bool> = radios(&host).iter().map(|r| r.checked()).collect();
    assert_eq!(checked, [false, true, false, false, false, false]);

    // "Don't know" is picked like any answer, and shown when the store holds it.
    let dont_know: HtmlElement = host
        .query_selector("input[value='dont-know']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    dont_know.click();
    assert_eq!(
        picked.get_untracked(),
        vec![3, maturity_core::assessment::model::DONT_KNOW]
    );
    chosen.set(Some(maturity_core::assessment::model::DONT_KNOW));
    tick().await;
    let checked: Vec<bool> = radios(&host).iter().map(|r| r.checked()).collect();
    assert_eq!(checked, [false, false, false, false, false, true]);
}

#[wasm_bindgen_test]
fn score_table_shows_scores_and_says_what_was_not_answered() {
    let catalog = Catalog::builtin();
    let calms = catalog.get("calms").unwrap();
    let first = &calms.questions[0];
    let answers = BTreeMap::from([(first.id.clone(), 2u8)]);
    let result = score(calms, &answers);
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <ScoreTable result=result caption="CALMS scores"/> }
    });
    let asked = |d: &str| {
        calms
            .active_questions()
            .filter(|q| q.dimension == d)
            .count()
    };
    let rows = host.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 5);
    let culture = rows.item(0).unwrap().text_content().unwrap();
    assert_eq!(culture, format!("Culture5.01 of {}", asked("culture")));
    let lean = rows.item(2).unwrap().text_content().unwrap();
    assert_eq!(lean, format!("Leannot answered0 of {}", asked("lean")));
    let overall = host
        .query_selector("tfoot")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    let all = calms.active_questions().count();
    assert_eq!(overall, format!("Overall5.01 of {all}"));
}

#[wasm_bindgen_test]
async fn a_chart_without_echarts_says_so_instead_of_crashing() {
    // This test page has no `echarts` global and no vendored copy to load.
    let host = host();
    let data = vec![
        ("Culture".to_string(), Some(7.0)),
        ("Automation".to_string(), Some(4.0)),
        ("Lean".to_string(), Some(2.5)),
    ];
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <RadarChart title="CALMS" data=data/> }
    });
    let caption = || {
        host.query_selector("figcaption")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    for _ in 0..100 {
        if caption().contains("could not be drawn") {
            return;
        }
        gloo_timers_sleep(20).await;
    }
    panic!("caption still says {:?}", caption());
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn unreadable_storage_is_backed_up_and_the_app_starts_empty() {
    let storage = local_storage();
    storage.clear().unwrap();
    storage.set_item(storage::key(), "not json at all").unwrap();
    let loaded = storage::load(1234);
    assert_eq!(loaded.store, Store::new());
    assert_eq!(loaded.mode, Mode::Persistent);
    let Some(Notice::Recovered { backup_key, .. }) = loaded.notice else {
        panic!("expected a recovery notice, got {:?}", loaded.notice);
    };
    assert_eq!(backup_key, format!("{}1234", storage::backup_prefix()));
    assert_eq!(
        storage.get_item(&backup_key).unwrap().as_deref(),
        Some("not json at all")
    );
    assert_eq!(
        storage.get_item(storage::key()).unwrap(),
        None,
        "cleared once the copy is verified"
    );
    storage.clear().unwrap();
}

/// Starts a CALMS run for the team "Payments" through the app state, as the start
/// page does.
fn start_payments_run(state: &AppState) -> maturity_core::RunId {
    state
        .change(|s| {
            s.start_run(
                "Payments",
                vec!["calms".into()],
                maturity_core::TeamId("t".into()),
                maturity_core::RunId("r".into()),
                5,
            )
        })
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_refused_change_changes_nothing_and_wakes_nothing() {
    local_storage().clear().unwrap();
    let owner = Owner::new();
    owner.set();
    let state = AppState::load();
    let run = start_payments_run(&state);
    let woken = RwSignal::new(0usize);
    Effect::new(move |_| {
        state.store.track();
        woken.update_untracked(|n| *n += 1);
    });
    tick().await;
    let before = (
        woken.get_untracked(),
        state.store.get_untracked(),
        storage::current(),
    );
    // The fifth choice of a five-choice question exists; a sixth does not.
    let refused = state.change(|s| s.answer(&run, "calms.lean.wip", 5, 6));
    tick().await;
    assert_eq!(refused, Err(maturity_core::ChangeError::NotAnAnswer));
    assert_eq!(
        woken.get_untracked(),
        before.0,
        "nothing recomputed for a refused change"
    );
    assert_eq!(state.store.get_untracked(), before.1);
    assert_eq!(storage::current(), before.2);
    // An accepted change wakes the views once, and is saved.
    state
        .change(|s| s.answer(&run, "calms.lean.wip", 4, 7))
        .unwrap();
    tick().await;
    assert_eq!(woken.get_untracked(), before.0 + 1);
    assert_eq!(
        storage::load(8)
            .store
            .run(&run)
            .unwrap()
            .answers
            .get("calms.lean.wip"),
        Some(&4)
    );
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn every_change_is_saved_and_reads_back_the_same() {
    local_storage().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::load();
        let run = start_payments_run(&state);
        state
            .change(|s| s.answer(&run, "calms.lean.wip", 3, 6))
            .unwrap();
        let again = storage::load(7);
        assert!(again.notice.is_none());
        assert_eq!(again.store, state.store.get_untracked());
        assert_eq!(
            again.store.run(&run).unwrap().answers.get("calms.lean.wip"),
            Some(&3)
        );
    });
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_save_by_another_tab_is_built_on_and_never_overwritten() {
    local_storage().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::load();
        let run = start_payments_run(&state);
        assert_eq!(
            storage::current(),
            Ok(None),
            "nothing changed since this tab saved"
        );
        // Another tab (the same origin's storage) adds notes and saves.
        let mut theirs = storage::load(6).store;
        theirs.set_notes(&run, "", "From the other tab", 6).unwrap();
        local_storage()
            .set_item(storage::key(), &theirs.encode().unwrap())
            .unwrap();
        assert_eq!(storage::current().unwrap().unwrap().0, theirs);
        assert!(
            storage::current().unwrap().is_some(),
            "read but not adopted: still news to this tab"
        );
        // This tab's next change keeps their notes, and refuses to overwrite them
        // with an edit that began before they were saved.
        state
            .change(|s| s.answer(&run, "calms.lean.wip", 2, 7))
            .unwrap();
        let saved = storage::load(8).store;
        assert_eq!(saved.run(&run).unwrap().notes, "From the other tab");
        assert_eq!(saved.run(&run).unwrap().answers.len(), 1);
        assert_eq!(
            state.change(|s| s.set_notes(&run, "", "Mine", 9)),
            Err(maturity_core::ChangeError::EditedElsewhere {
                theirs: "From the other tab".into()
            })
        );
        assert_eq!(
            storage::load(10).store.run(&run).unwrap().notes,
            "From the other tab"
        );
    });
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_change_rewrites_only_the_team_whose_runs_it_changed() {
    local_storage().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let state = AppState::load();
        let payments = start_payments_run(&state);
        state
            .change(|s| {
                s.start_run(
                    "Search",
                    vec!["calms".into()],
                    maturity_core::TeamId("u".into()),
                    maturity_core::RunId("q".into()),
                    6,
                )
            })
            .unwrap();
        let entries = || {
            let storage = local_storage();
            let prefix = format!("{}.runs.", storage::key());
            let mut names: Vec<String> = (0..storage.length().unwrap())
                .filter_map(|i| storage.key(i).unwrap())
                .filter(|k| k.starts_with(&prefix))
                .collect();
            names.sort();
            names
        };
        let before = entries();
        assert_eq!(before.len(), 2, "one entry per team: {before:?}");
        state
            .change(|s| s.answer(&payments, "calms.lean.wip", 3, 7))
            .unwrap();
        let after = entries();
        assert_eq!(after.len(), 2, "the replaced entry is removed: {after:?}");
        let search = |names: &[String]| names.iter().find(|n| n.ends_with(".u")).cloned();
        let of_payments = |names: &[String]| names.iter().find(|n| n.ends_with(".t")).cloned();
        assert_eq!(
            search(&after),
            search(&before),
            "Search's runs not rewritten"
        );
        assert_ne!(of_payments(&after), of_payments(&before));
        // The envelope holds no run, and a fresh read joins everything back.
        let envelope = local_storage().get_item(storage::key()).unwrap().unwrap();
        assert!(envelope.contains("\"runs\":[]"), "{envelope}");
        let again = storage::load(8);
        assert!(again.notice.is_none());
        assert_eq!(again.store, state.store.get_untracked());
        // A team's entry gone missing is damage: kept aside, never read as no runs.
        local_storage()
            .remove_item(&search(&after).unwrap())
            .unwrap();
        let damaged = storage::load(9);
        assert!(
            matches!(damaged.notice, Some(Notice::Recovered { .. })),
            "{:?}",
            damaged.notice
        );
    });
    local_storage().clear().unwrap();
}

/// Types `text` into `input` as a person would end up with it, firing the events the
/// browser fires: `input` while typing, then `change` when the field is committed.
fn type_and_commit(input: &HtmlInputElement, text: &str, commit: bool) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let fire = |name: &str| {
        let event = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
        input.dispatch_event(&event).unwrap();
    };
    fire("input");
    if commit {
        fire("change");
    }
}

#[wasm_bindgen_test]
async fn percentage_field_reports_only_committed_valid_values() {
    let catalog = Catalog::builtin();
    let step = catalog
        .steps(&["dora".to_string()])
        .into_iter()
        .find(|s| s.question().id == "dora.change-failure-rate")
        .unwrap();
    let chosen = RwSignal::new(None::<u8>);
    let reported = RwSignal::new(Vec::<Option<u8>>::new());
    let on_choose = Callback::new(move |v: Option<u8>| reported.update(|r| r.push(v)));
    let host = host();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <QuestionCard step=step chosen=chosen on_choose=on_choose heading_ref=NodeRef::new()/> }
    });
    let input: HtmlInputElement = host
        .query_selector("input[type=number]")
        .unwrap()
        .unwrap()
        .unchecked_into();

    // Typing, not yet committed: nothing is reported.
    type_and_commit(&input, "1", false);
    type_and_commit(&input, "15", false);
    assert!(reported.get_untracked().is_empty());
    // An impossible value is flagged and never reported, even when committed.
    type_and_commit(&input, "150", true);
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(reported.get_untracked().is_empty());
    // A valid value is reported once committed; clearing reports "no answer".
    type_and_commit(&input, "15", true);
    type_and_commit(&input, "", true);
    tick().await;
    assert_eq!(reported.get_untracked(), vec![Some(15), None]);
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}
