//! The app's root: routes, and the state every page shares (the store, the catalog,
//! the storage notice), provided through context.

use crate::components::notice::StorageNotice;
use crate::pages::{home::Home, not_found::NotFound, results::Results, run::RunPage};
use crate::platform::now;
use crate::storage::{self, Mode, Notice};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use maturity_core::{Catalog, CatalogError, ChangeError, Store};
use std::sync::OnceLock;

/// The built-in questionnaires, parsed once.
pub fn catalog() -> Result<&'static Catalog, &'static CatalogError> {
    static CATALOG: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin).as_ref()
}

/// What every page may read or change.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: RwSignal<Store>,
    pub notice: RwSignal<Option<Notice>>,
    mode: StoredValue<Mode>,
}

impl AppState {
    /// Reads the saved state from storage.
    pub fn load() -> AppState {
        let loaded = storage::load(now());
        AppState {
            store: RwSignal::new(loaded.store),
            notice: RwSignal::new(loaded.notice),
            mode: StoredValue::new(loaded.mode),
        }
    }

    /// Applies a change to the store and saves the whole new state at once, so every
    /// answer is kept the moment it is given. A refused change changes nothing; a
    /// failed save keeps the change in this tab and says so.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Store) -> Result<T, ChangeError>,
    ) -> Result<T, ChangeError> {
        let mut next = self.store.get_untracked();
        let result = apply(&mut next)?;
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
        self.store.set(next);
        Ok(result)
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
    provide_context(AppState::load());
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <A href="/" attr:class="brand">"DevOps maturity"</A>
                <span class="privacy">"Private by design: your answers never leave this browser."</span>
            </header>
            <StorageNotice/>
            <main id="main" tabindex="-1">
                {match catalog() {
                    Ok(_) => view! {
                        <Routes fallback=NotFound>
                            <Route path=path!("/") view=Home/>
                            <Route path=path!("/runs/:run") view=RunPage/>
                            <Route path=path!("/runs/:run/results") view=Results/>
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
