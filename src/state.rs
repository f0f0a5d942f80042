//! The app state every page shares, provided through context: the saved store, the
//! questionnaires on offer (derived from the store), and what the user must know
//! about their saved data.
//!
//! Every change goes through [`AppState::change`]: it builds on the newest saved
//! state, applies a core rule, and saves what it changed (`storage::save`).

use crate::platform::now;
use crate::storage::{self, Mode, Notice};
use leptos::prelude::*;
use maturity_core::{Catalog, ChangeError, Millis, Step, Store};

/// What every page may read or change.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: RwSignal<Store>,
    /// The questionnaires offered: the built-in ones and the user's own kept in the
    /// store. Loading or removing one updates every view that reads this.
    pub catalog: Memo<Catalog>,
    pub notice: RwSignal<Option<Notice>>,
    /// When a change saved by another tab was last taken in.
    pub synced_at: RwSignal<Option<Millis>>,
    /// What a change that led to another page did (say, a team deleted), shown on
    /// that page until the next page: (that page's path, the sentence).
    pub flash: RwSignal<Option<(String, String)>>,
    mode: StoredValue<Mode>,
}

impl AppState {
    /// Reads the saved state from storage, and follows changes other tabs make to it.
    pub fn load() -> AppState {
        AppState::new(storage::load(now()))
    }

    /// The state of what [`storage::load`] read, following changes other tabs make.
    pub fn new(loaded: storage::Loaded) -> AppState {
        // Each built-in questionnaire is parsed when a page first uses it.
        let builtin = Catalog::builtin();
        let store = RwSignal::new(loaded.store);
        // Only the user's own questionnaires shape the catalog: other changes to the
        // store leave it (and everything derived from it) untouched.
        let own = Memo::new(move |_| store.with(|s| s.questionnaires.clone()));
        // In the language shown: built-in questionnaires with their translations,
        // the user's own with those they carry.
        let catalog = Memo::new(move |_| {
            let language = crate::i18n::language();
            own.with(|own| {
                builtin
                    .with_custom(own)
                    .in_language(language.code(), &crate::i18n::translations())
            })
        });
        let state = AppState {
            store,
            catalog,
            notice: RwSignal::new(loaded.notice),
            synced_at: RwSignal::new(None),
            flash: RwSignal::new(None),
            mode: StoredValue::new(loaded.mode),
        };
        if loaded.mode == Mode::Persistent {
            storage::on_change_elsewhere(move || state.take_in_other_tabs_change());
        }
        state
    }

    /// Another tab saved: show its state, unless this tab holds a change it could
    /// not save (taking theirs in would silently drop it).
    fn take_in_other_tabs_change(&self) {
        if self.mode.get_value() != Mode::Persistent {
            return;
        }
        if let Ok(Some((stored, seen))) = storage::current() {
            let unsaved = matches!(self.notice.get_untracked(), Some(Notice::SaveFailed { .. }));
            if unsaved {
                self.mode.set_value(Mode::MemoryOnly);
                self.notice.set(Some(Notice::Diverged));
            } else if stored.revision >= self.store.with_untracked(|s| s.revision) {
                self.store.set(stored);
                storage::adopt(seen);
                self.synced_at.set(Some(now()));
            }
        }
    }

    /// Applies a change and saves what it changed (`storage::save`), so every answer is
    /// kept the moment it is given. The change builds on the newest saved state, so
    /// a change made in another tab is never overwritten. A refused change changes
    /// nothing; a failed save keeps the change in this tab and says so; stored data
    /// that has become unreadable (say, written by a newer version) is never
    /// overwritten: the app stops saving and says why.
    ///
    /// The core's changes apply whole or not at all (its state-machine property test
    /// checks that a refused change leaves the store equal), so the store is changed
    /// in place: no copy of it per change, and nothing is woken for a refused one.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Store) -> Result<T, ChangeError>,
    ) -> Result<T, ChangeError> {
        crate::platform::mark("devops-maturity:change:start");
        if let Some(theirs) = self.saved_elsewhere() {
            self.store.set(theirs);
        }
        let result = self
            .store
            .try_update_untracked(apply)
            .unwrap_or(Err(ChangeError::Closed))?;
        if self.mode.get_value() == Mode::Persistent {
            let saved = self.store.try_update_untracked(storage::save);
            match saved.unwrap_or(Err(storage::StorageError::NotKept)) {
                Ok(()) => {
                    if matches!(self.notice.get_untracked(), Some(Notice::SaveFailed { .. })) {
                        self.notice.set(None);
                    }
                }
                Err(reason) => self.notice.set(Some(Notice::SaveFailed { reason })),
            }
        }
        crate::platform::mark("devops-maturity:change:saved");
        self.store.notify();
        crate::platform::mark("devops-maturity:change:end");
        Ok(result)
    }

    /// The stored state, when another tab saved one newer than this tab's.
    fn saved_elsewhere(&self) -> Option<Store> {
        if self.mode.get_value() != Mode::Persistent {
            return None;
        }
        let mine = self.store.with_untracked(|s| s.revision);
        match storage::current() {
            // Newer or equal revision on disk: another tab wrote it; build on it.
            Ok(Some((stored, seen))) if stored.revision >= mine => {
                storage::adopt(seen);
                Some(stored)
            }
            // Another tab saved while this tab held changes it could not save:
            // writing now would throw theirs away. Stop saving and say so.
            Ok(Some(_)) => {
                self.mode.set_value(Mode::MemoryOnly);
                self.notice.set(Some(Notice::Diverged));
                None
            }
            Ok(None) => None,
            Err(reason) => {
                self.mode.set_value(Mode::MemoryOnly);
                self.notice.set(Some(Notice::Untouched { reason }));
                None
            }
        }
    }

    /// The questions asked for `questionnaires` (ids the catalog lacks are skipped),
    /// recomputed when the list or the catalog changes: the steps of a run, a
    /// participation, a workshop.
    pub fn steps_of(
        &self,
        questionnaires: impl Fn() -> Vec<String> + Send + Sync + 'static,
    ) -> Memo<Vec<Step>> {
        let catalog = self.catalog;
        Memo::new(move |_| {
            let ids = questionnaires();
            catalog.with(|c| c.steps(&ids))
        })
    }
}

/// The shared state. Every page is mounted under [`crate::app::App`] (or a test
/// harness) that provides it; a view mounted without it is a programming error, so
/// this fails loudly rather than quietly making a second, unsynchronised state.
pub fn use_app_state() -> AppState {
    use_context::<AppState>()
        .expect("AppState is provided by App (or the test harness) before any page is mounted")
}
