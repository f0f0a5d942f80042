//! Free text being edited (a run's notes, a team's name) that remembers the saved
//! text it started from: a change saved meanwhile in another tab is noticed, and
//! the user chooses which to keep instead of one silently overwriting the other.

use leptos::prelude::*;
use maturity_core::ChangeError;

/// The text of one field while someone edits it.
#[derive(Clone, Copy)]
pub struct Draft {
    saved: Signal<String>,
    /// (the saved text when typing began, the text typed); `None` while not editing.
    typed: RwSignal<Option<(String, String)>>,
    /// What another tab saved meanwhile, while the user chooses.
    pub conflict: RwSignal<Option<String>>,
}

impl Draft {
    pub fn new(saved: impl Into<Signal<String>>) -> Draft {
        Draft {
            saved: saved.into(),
            typed: RwSignal::new(None),
            conflict: RwSignal::new(None),
        }
    }

    /// What the field shows: the typed text while editing, else the saved text,
    /// which follows saves made in other tabs.
    pub fn text(&self) -> String {
        self.typed
            .with(|t| t.as_ref().map(|(_, text)| text.clone()))
            .unwrap_or_else(|| self.saved.get())
    }

    /// Takes what the user typed.
    pub fn input(&self, text: String) {
        let saved = self.saved.get_untracked();
        self.typed.update(|typed| match typed {
            Some((_, current)) => *current = text,
            None => *typed = Some((saved, text)),
        });
    }

    /// Saves what was typed with `apply(was, text)`, where `was` is the saved text
    /// typing began from. `None` when nothing was typed (or the view is gone).
    /// When another tab changed it meanwhile, the typed text stays and the other
    /// tab's text is kept in [`Draft::conflict`] for the user to choose.
    pub fn save(
        &self,
        apply: impl FnOnce(&str, &str) -> Result<(), ChangeError>,
    ) -> Option<Result<(), ChangeError>> {
        let (was, text) = self.typed.try_get_untracked().flatten()?;
        Some(self.commit(&was, &text, apply))
    }

    /// Saves the typed text over what the other tab saved.
    pub fn keep_mine(
        &self,
        apply: impl FnOnce(&str, &str) -> Result<(), ChangeError>,
    ) -> Option<Result<(), ChangeError>> {
        let theirs = self.conflict.get_untracked()?;
        let (_, text) = self.typed.get_untracked()?;
        Some(self.commit(&theirs, &text, apply))
    }

    /// Drops the typed text for what the other tab saved.
    pub fn take_theirs(&self) {
        self.typed.set(None);
        self.conflict.set(None);
    }

    fn commit(
        &self,
        was: &str,
        text: &str,
        apply: impl FnOnce(&str, &str) -> Result<(), ChangeError>,
    ) -> Result<(), ChangeError> {
        match apply(was, text) {
            Ok(()) => {
                self.take_theirs();
                Ok(())
            }
            Err(ChangeError::EditedElsewhere { theirs }) => {
                self.conflict.set(Some(theirs.clone()));
                Err(ChangeError::EditedElsewhere { theirs })
            }
            Err(e) => Err(e),
        }
    }
}
