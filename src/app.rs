//! The app's root: routes, and the state every page shares (the store, the catalog,
//! the storage notice), provided through context.

use crate::components::notice::StorageNotice;
use crate::pages::{
    collect::CollectPage, compare::ComparePage, home::Home, join::JoinPage, not_found::NotFound,
    present::PresentPage, results::Results, run::RunPage, team::TeamPage, workshop::WorkshopPage,
};
use crate::platform::now;
use crate::storage::{self, Mode, Notice};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use maturity_core::{Catalog, CatalogError, ChangeError, Questionnaire, Store};
use std::sync::OnceLock;

/// The built-in questionnaires, parsed once.
pub fn builtin() -> Result<&'static Catalog, &'static CatalogError> {
    static CATALOG: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin).as_ref()
}

thread_local! {
    /// The built-in questionnaires plus the user's own, for the store as last set,
    /// with the list it was built from. `None` while the user has none.
    static WITH_CUSTOM: std::cell::RefCell<Option<(Vec<Questionnaire>, &'static Catalog)>> =
        const { std::cell::RefCell::new(None) };
}

/// The questionnaires the app offers: the built-in ones and the user's own.
pub fn catalog() -> Result<&'static Catalog, &'static CatalogError> {
    let builtin = builtin()?;
    Ok(WITH_CUSTOM
        .with(|c| c.borrow().as_ref().map(|(_, catalog)| *catalog))
        .unwrap_or(builtin))
}

/// The questions asked for `questionnaires` (ids the catalog lacks are skipped),
/// recomputed when the list changes: the steps of a run, a participation, a workshop.
pub fn steps_of(
    questionnaires: impl Fn() -> Vec<String> + Send + Sync + 'static,
) -> Memo<Vec<maturity_core::Step<'static>>> {
    Memo::new(move |_| {
        let ids = questionnaires();
        catalog().map(|c| c.steps(&ids)).unwrap_or_default()
    })
}

/// Makes [`catalog`] match `store`'s questionnaires of the user's own. Called just
/// before the store signal is set, so everything recomputed from it reads the
/// matching catalog. A new catalog is built (and kept for the page's lifetime) only
/// when those questionnaires change, which is rare.
fn follow_questionnaires(store: &Store) {
    let Ok(builtin) = builtin() else { return };
    WITH_CUSTOM.with(|c| {
        let mut current = c.borrow_mut();
        let unchanged = match current.as_ref() {
            Some((list, _)) => *list == store.questionnaires,
            None => store.questionnaires.is_empty(),
        };
        if unchanged {
            return;
        }
        *current = (!store.questionnaires.is_empty()).then(|| {
            let combined: &'static Catalog =
                Box::leak(Box::new(builtin.with_custom(&store.questionnaires)));
            (store.questionnaires.clone(), combined)
        });
    });
}

/// What every page may read or change.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: RwSignal<Store>,
    pub notice: RwSignal<Option<Notice>>,
    /// When a change saved by another tab was last taken in.
    pub synced_at: RwSignal<Option<maturity_core::Millis>>,
    mode: StoredValue<Mode>,
}

impl AppState {
    /// Reads the saved state from storage, and follows changes other tabs make to it.
    pub fn load() -> AppState {
        let loaded = storage::load(now());
        follow_questionnaires(&loaded.store);
        let state = AppState {
            store: RwSignal::new(loaded.store),
            notice: RwSignal::new(loaded.notice),
            synced_at: RwSignal::new(None),
            mode: StoredValue::new(loaded.mode),
        };
        if loaded.mode == Mode::Persistent {
            storage::on_change_elsewhere(move || {
                if state.mode.get_value() != Mode::Persistent {
                    return;
                }
                if let Ok(Some((stored, seen))) = storage::current() {
                    let unsaved = matches!(
                        state.notice.get_untracked(),
                        Some(Notice::SaveFailed { .. })
                    );
                    if unsaved {
                        // Taking theirs in would silently drop what this tab could not save.
                        state.mode.set_value(Mode::MemoryOnly);
                        state.notice.set(Some(Notice::Diverged));
                    } else if stored.revision >= state.store.get_untracked().revision {
                        follow_questionnaires(&stored);
                        state.store.set(stored);
                        storage::adopt(seen);
                        state.synced_at.set(Some(now()));
                    }
                }
            });
        }
        state
    }

    /// Applies a change and saves the whole new state at once, so every answer is
    /// kept the moment it is given. The change builds on the newest saved state, so
    /// a change made in another tab is never overwritten. A refused change changes
    /// nothing; a failed save keeps the change in this tab and says so; stored data
    /// that has become unreadable (say, written by a newer version) is never
    /// overwritten: the app stops saving and says why.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Store) -> Result<T, ChangeError>,
    ) -> Result<T, ChangeError> {
        let mut next = self.store.get_untracked();
        let persistent = self.mode.get_value() == Mode::Persistent;
        if persistent {
            match storage::current() {
                // Newer or equal revision on disk: another tab wrote it; build on it.
                Ok(Some((stored, seen))) if stored.revision >= next.revision => {
                    next = stored;
                    storage::adopt(seen);
                }
                // Another tab saved while this tab held changes it could not save:
                // writing now would throw theirs away. Stop saving and say so.
                Ok(Some(_)) => {
                    self.mode.set_value(Mode::MemoryOnly);
                    self.notice.set(Some(Notice::Diverged));
                }
                Ok(None) => {}
                Err(reason) => {
                    self.mode.set_value(Mode::MemoryOnly);
                    self.notice.set(Some(Notice::Untouched { reason }));
                }
            }
        }
        let result = apply(&mut next);
        if result.is_err() {
            // Still show what other tabs saved, even though this change was refused.
            follow_questionnaires(&next);
            self.store.set(next);
            return result;
        }
        if self.mode.get_value() == Mode::Persistent {
            match storage::save(&next) {
                Ok(()) => {
                    if matches!(self.notice.get_untracked(), Some(Notice::SaveFailed { .. })) {
                        self.notice.set(None);
                    }
                }
                Err(reason) => self.notice.set(Some(Notice::SaveFailed { reason })),
            }
        }
        follow_questionnaires(&next);
        self.store.set(next);
        result
    }
}

/// Fetches the shared state; every page is mounted under [`App`] or a test harness
/// that provides it.
pub fn use_app_state() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| {
        let state = AppState::load();
        provide_context(state);
        state
    })
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    view! {
        <Router>
            <FocusOnNavigate/>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <A href="/" attr:class="brand">"DevOps maturity"</A>
                <span class="privacy">"Private by design: your answers never leave this browser."</span>
            </header>
            <StorageNotice/>
            <p class="sync-status" aria-live="polite">
                {move || state.synced_at.get().map(|at| format!(
                    "Updated at {} with changes saved in another tab.",
                    &crate::platform::format_date_time(at)[11..]
                ))}
            </p>
            <main id="main" tabindex="-1">
                {match builtin() {
                    Ok(_) => view! {
                        <Routes fallback=NotFound>
                            <Route path=path!("/") view=Home/>
                            <Route path=path!("/runs/:run") view=RunPage/>
                            <Route path=path!("/runs/:run/results") view=Results/>
                            <Route path=path!("/teams/:team") view=TeamPage/>
                            <Route path=path!("/teams/:team/compare") view=ComparePage/>
                            <Route path=path!("/workshops/:workshop") view=WorkshopPage/>
                            <Route path=path!("/workshops/:workshop/present") view=PresentPage/>
                            <Route path=path!("/join") view=JoinPage/>
                            <Route path=path!("/collect") view=CollectPage/>
                        </Routes>
                    }.into_any(),
                    Err(error) => view! {
                        <h1>"The questionnaires could not be loaded"</h1>
                        <p>"This build of the app contains a broken questionnaire file. Please report this:"</p>
                        <pre>{error.to_string()}</pre>
                    }.into_any(),
                }}
            </main>
        </Router>
    }
}

/// After moving to another page, puts keyboard and screen-reader focus at the start
/// of the new page's content instead of leaving it on a control that is gone.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            let main = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main"));
            if let Some(main) =
                main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
            {
                let _ = main.focus();
            }
        }
        path
    });
}
