//! The only code that touches localStorage: loading the saved state, saving what a
//! change changed, and keeping anything unreadable under a backup key instead of
//! overwriting it.
//!
//! The state lies in an envelope (the key below) and one entry per team holding its
//! runs ([`maturity_core::store::split`]): a change writes the entries of the teams
//! whose runs it changed, each under a new name, then the envelope naming them,
//! which is the one write that commits it; only then are the entries it replaced
//! removed. A save that fails part-way leaves the envelope, and so the state, as it
//! was.
//!
//! Architecture Invariant: no other module reads or writes browser storage.

use crate::settings::Theme;
use gloo_storage::{LocalStorage, Storage};
use maturity_core::error::DecodeError;
use maturity_core::language::Language;
use maturity_core::store::Store;
use maturity_core::{Millis, Run, TeamId};
use std::cell::RefCell;

/// Where the state lives.
///
/// `devops-maturity` at the root of a site; under a subpath, `devops-maturity@` and
/// the path (`devops-maturity@/tools/maturity`): browser storage belongs to the
/// origin, so two deployments on one origin keep their data apart.
pub fn key() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| match crate::platform::base_path() {
        "" => "devops-maturity".to_string(),
        base => format!("devops-maturity@{base}"),
    })
}

/// Where the chosen theme is kept ("light" or "dark"; absent: follow the system).
/// One per origin, not per deployment: a look, not data. `index.html`'s first
/// script reads the same key before the first paint.
pub const THEME_KEY: &str = "devops-maturity.theme";

/// The theme chosen on this device ([`Theme::System`] when none is kept).
pub fn theme() -> Theme {
    available()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
        .map_or(Theme::System, |code| Theme::from_code(&code))
}

/// Keeps the theme chosen (the system's: nothing kept). Where storage is refused
/// the choice lasts for this page only, which is all a look needs.
pub fn set_theme(theme: Theme) {
    if let Some(storage) = available() {
        let _ = match theme {
            Theme::Light | Theme::Dark => storage.set_item(THEME_KEY, theme.code()),
            Theme::System => storage.remove_item(THEME_KEY),
        };
    }
}

/// Where the language chosen on this device is kept (a tag such as `"de"`): like
/// the theme, a setting of the device, not data, so not in backups.
pub const LANGUAGE_KEY: &str = "devops-maturity.language";

/// The language chosen on this device, if one the app speaks is kept.
pub fn language() -> Option<Language> {
    let kept = available()?.get_item(LANGUAGE_KEY).ok().flatten()?;
    Language::from_tag(&kept)
}

/// Keeps the language chosen. Where storage is refused it lasts for this page.
pub fn set_language(language: Language) {
    if let Some(storage) = available() {
        let _ = storage.set_item(LANGUAGE_KEY, language.code());
    }
}

/// Unreadable values are copied to this prefix + the time of the copy.
pub fn backup_prefix() -> String {
    format!("{}.backup.", key())
}

/// Whether changes reach localStorage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Persistent,
    /// Nothing is written: storage is unavailable, or writing would destroy data
    /// we could not read and could not back up.
    MemoryOnly,
}

/// Why the state could not be read or kept. Storage names the failure; the words a
/// person reads are `crate::errors::storage`'s.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// The browser refuses access to storage (blocked, or none).
    Unavailable,
    /// The site's share of storage is full.
    Full,
    /// The browser refused the write, with the name of its error where it gave one.
    Refused(String),
    /// Written, but what was read back is not what was written.
    NotKept,
    /// The state could not be encoded (serde_json's message).
    NotEncoded(String),
    /// What is stored could not be read.
    Unreadable(DecodeError),
}

/// Something the user must know about their saved data; `crate::errors::notice`
/// words it.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The saved value could not be read; a copy was kept and the app started fresh.
    Recovered {
        reason: DecodeError,
        backup_key: String,
    },
    /// The saved value could not be read nor backed up, so it is left untouched and
    /// nothing will be saved this session.
    Untouched { reason: StorageError },
    /// Storage is blocked or missing: the app works, but nothing will be kept.
    Unavailable,
    /// A save failed; the change is kept in this tab only.
    SaveFailed { reason: StorageError },
    /// Another tab saved while this tab held changes it could not save; this tab
    /// stopped saving so as not to overwrite them.
    Diverged,
}

/// The state read at start-up.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub store: Store,
    pub mode: Mode,
    pub notice: Option<Notice>,
}

/// Reads the saved state. Never fails: a problem becomes a [`Notice`].
pub fn load(now: Millis) -> Loaded {
    let Some(storage) = available() else {
        return Loaded {
            store: Store::new(),
            mode: Mode::MemoryOnly,
            notice: Some(Notice::Unavailable),
        };
    };
    let raw = match storage.get_item(key()) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                store: Store::new(),
                mode: Mode::Persistent,
                notice: None,
            }
        }
        Err(_) => {
            return Loaded {
                store: Store::new(),
                mode: Mode::MemoryOnly,
                notice: Some(Notice::Unavailable),
            }
        }
    };
    crate::platform::mark("devops-maturity:decode:start");
    let decoded = read(&storage, &raw, &Kept::default());
    crate::platform::mark("devops-maturity:decode:end");
    match decoded {
        Ok((store, seen)) => {
            adopt(seen);
            Loaded {
                store,
                mode: Mode::Persistent,
                notice: None,
            }
        }
        // Data from a newer version is valid data: never replace it, only read around it.
        Err((error @ DecodeError::Newer { .. }, _)) => Loaded {
            store: Store::new(),
            mode: Mode::MemoryOnly,
            notice: Some(Notice::Untouched {
                reason: StorageError::Unreadable(error),
            }),
        },
        Err((error, raw)) => {
            let backup_key = format!("{}{now}", backup_prefix());
            let reason = error;
            // Only once a verified copy exists is the unreadable value cleared, so
            // that the next change can be saved in its place.
            if storage.set_item(&backup_key, &raw).is_ok()
                && storage.get_item(&backup_key).ok().flatten().as_deref() == Some(raw.as_str())
                && storage.remove_item(key()).is_ok()
            {
                Loaded {
                    store: Store::new(),
                    mode: Mode::Persistent,
                    notice: Some(Notice::Recovered { reason, backup_key }),
                }
            } else {
                Loaded {
                    store: Store::new(),
                    mode: Mode::MemoryOnly,
                    notice: Some(Notice::Untouched {
                        reason: StorageError::Unreadable(reason),
                    }),
                }
            }
        }
    }
}

/// What this tab last read or wrote: the envelope's text and, per team, the entry
/// that holds its runs with those runs. While storage still holds exactly this
/// envelope, nothing changed elsewhere and there is nothing to decode; an entry
/// whose name is unchanged holds the same runs (names are never reused), so neither
/// reading another tab's change nor saving this tab's touches the other teams.
#[derive(Debug, Default, PartialEq)]
struct Kept {
    envelope: Option<String>,
    /// (team, entry name, its runs).
    entries: Vec<(TeamId, String, Vec<Run>)>,
}

impl Kept {
    fn entry(&self, team: &TeamId) -> Option<&(TeamId, String, Vec<Run>)> {
        self.entries.iter().find(|(t, _, _)| t == team)
    }
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

/// A stored state read by [`current`]. Pass it to [`adopt`] once this tab's state
/// is built on it; until then it counts as unseen.
#[derive(Debug, PartialEq)]
pub struct Seen(Kept);

/// Records that this tab's state now includes the stored state `seen` came with.
pub fn adopt(seen: Seen) {
    KEPT.with(|kept| *kept.borrow_mut() = seen.0);
}

/// Reads the envelope `raw` and every entry it names (reusing the runs of entries
/// `known` already holds). On failure, the error and the text to keep as a backup:
/// the envelope, with the entries it names when it could be read.
fn read(
    storage: &web_sys::Storage,
    raw: &str,
    known: &Kept,
) -> Result<(Store, Seen), (DecodeError, String)> {
    let (envelope, runs_in) = Store::decode_envelope(raw).map_err(|e| (e, raw.to_string()))?;
    let mut entries = Vec::new();
    // Each entry read from storage: (name, its text), kept for a backup.
    let mut texts: Vec<(String, Option<String>)> = Vec::new();
    let mut failed = None;
    for name in runs_in {
        if let Some((team, _, runs)) = known.entries.iter().find(|(_, n, _)| *n == name) {
            entries.push((team.clone(), name, runs.clone()));
            continue;
        }
        let text = storage.get_item(&name).ok().flatten();
        let read = match &text {
            Some(text) => Store::decode_runs(text),
            None => Err(DecodeError::Damaged(
                "a team's assessments are missing from this browser's storage".into(),
            )),
        };
        texts.push((name.clone(), text));
        match read {
            Ok((team, runs)) => entries.push((team, name, runs)),
            Err(error) => failed = failed.or(Some(error)),
        }
    }
    // The backup of a split state: the envelope and the entries it names.
    let backup = || {
        if texts.is_empty() {
            raw.to_string()
        } else {
            maturity_core::store::split::damaged_backup(raw, &texts)
        }
    };
    if let Some(error) = failed {
        return Err((error, backup()));
    }
    let runs = entries.iter().map(|(_, _, runs)| runs.clone()).collect();
    let (store, _) = envelope.joined(runs).map_err(|e| (e, backup()))?;
    Ok((
        store,
        Seen(Kept {
            envelope: Some(raw.to_string()),
            entries,
        }),
    ))
}

/// The state as stored right now, if another tab has changed it since this tab last
/// read or wrote it: `Ok(None)` when nothing is stored or nothing changed, `Err` with
/// the reason when it cannot be read, in which case nothing may be written over it.
pub fn current() -> Result<Option<(Store, Seen)>, StorageError> {
    let storage = available().ok_or(StorageError::Unavailable)?;
    match storage.get_item(key()) {
        Ok(None) => Ok(None),
        Ok(Some(raw))
            if KEPT.with(|kept| kept.borrow().envelope.as_deref() == Some(raw.as_str())) =>
        {
            Ok(None)
        }
        Ok(Some(raw)) => {
            crate::platform::mark("devops-maturity:redecode:start");
            let decoded = KEPT.with(|kept| read(&storage, &raw, &kept.borrow()));
            crate::platform::mark("devops-maturity:redecode:end");
            decoded
                .map(Some)
                .map_err(|(e, _)| StorageError::Unreadable(e))
        }
        Err(_) => Err(StorageError::Unavailable),
    }
}

/// Calls `changed` whenever another tab writes the state.
pub fn on_change_elsewhere(changed: impl Fn() + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(key()) {
            changed();
        }
    });
    // Lives as long as the page: the app state it feeds does too.
    std::mem::forget(handle);
}

/// Saves the state: the runs of each team whose runs changed since this tab last
/// read or wrote them, each under a new entry, then the envelope naming every
/// team's entry (the write that commits), each read back; then removes the entries
/// replaced. On failure the state stored stays as it was, and what was written for
/// it is removed again.
pub fn save(store: &mut Store) -> Result<(), StorageError> {
    let storage = available().ok_or(StorageError::Unavailable)?;
    let not_encoded = |e: serde_json::Error| StorageError::NotEncoded(e.to_string());
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let mut runs_in: Vec<String> = Vec::new();
        let mut written: Vec<(TeamId, String, Vec<Run>)> = Vec::new();
        let undo = |written: &[(TeamId, String, Vec<Run>)]| {
            for (_, name, _) in written {
                let _ = storage.remove_item(name);
            }
        };
        for (team, runs) in store.runs_by_team() {
            let same = kept.entry(team).filter(|(_, _, old)| {
                old.len() == runs.len() && old.iter().zip(&runs).all(|(a, b)| a == *b)
            });
            if let Some((_, name, _)) = same {
                runs_in.push(name.clone());
                continue;
            }
            let name = format!(
                "{}.runs.{}.{}.{}",
                key(),
                store.revision,
                tab_mark(),
                team.0
            );
            let runs: Vec<Run> = runs.into_iter().cloned().collect();
            let text = match Store::encode_runs(runs.clone()) {
                Ok(text) => text,
                Err(e) => {
                    undo(&written);
                    return Err(not_encoded(e));
                }
            };
            if let Err(reason) = write(&storage, &name, &text) {
                let _ = storage.remove_item(&name);
                undo(&written);
                return Err(reason);
            }
            runs_in.push(name.clone());
            written.push((team.clone(), name, runs));
        }
        let envelope = match store.encode_envelope(runs_in.clone()) {
            Ok(text) => text,
            Err(e) => {
                undo(&written);
                return Err(not_encoded(e));
            }
        };
        if let Err(reason) = write(&storage, key(), &envelope) {
            undo(&written);
            return Err(reason);
        }
        // Committed: the entries no longer named are this tab's to remove.
        let named = |name: &str| runs_in.iter().any(|n| n == name);
        for (_, name, _) in &kept.entries {
            if !named(name) {
                let _ = storage.remove_item(name);
            }
        }
        kept.entries.retain(|(_, name, _)| named(name));
        kept.entries.extend(written);
        kept.envelope = Some(envelope);
        Ok(())
    })
}

/// Writes `text` under `name` and reads it back.
fn write(storage: &web_sys::Storage, name: &str, text: &str) -> Result<(), StorageError> {
    storage
        .set_item(name, text)
        .map_err(|error| describe(&error))?;
    match storage.get_item(name) {
        Ok(Some(back)) if back == text => Ok(()),
        _ => Err(StorageError::NotKept),
    }
}

/// This tab's mark in the names of the entries it writes, so two tabs saving at
/// the same revision never write the same name.
fn tab_mark() -> &'static str {
    static MARK: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    MARK.get_or_init(|| crate::platform::new_id("w"))
}

/// The text kept under a backup key, for the user to download.
pub fn backup(key: &str) -> Option<String> {
    if !key.starts_with(&backup_prefix()) {
        return None;
    }
    available()?.get_item(key).ok().flatten()
}

/// The storage handle, or `None` when the browser refuses access.
fn available() -> Option<web_sys::Storage> {
    // Touching `window.localStorage` throws where site data is blocked, and gloo's
    // accessor would turn that into a panic; so ask web-sys first.
    let window = web_sys::window()?;
    match window.local_storage() {
        Ok(Some(_)) => Some(LocalStorage::raw()),
        _ => None,
    }
}

/// The failure a refused write names: a full quota, or the browser's error name.
fn describe(error: &wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        StorageError::Full
    } else {
        StorageError::Refused(name)
    }
}
