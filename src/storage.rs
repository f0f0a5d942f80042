//! The only code that touches localStorage: loading the saved state, saving it whole,
//! and keeping anything unreadable under a backup key instead of overwriting it.
//!
//! Architecture Invariant: no other module reads or writes browser storage.

use crate::i18n::{k, t, tf};
use gloo_storage::{LocalStorage, Storage};
use maturity_core::error::DecodeError;
use maturity_core::store::Store;
use maturity_core::Millis;

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

/// The theme chosen on this device: `Some("light" | "dark")`, `None` for the system's.
pub fn theme() -> Option<String> {
    available()?
        .get_item(THEME_KEY)
        .ok()
        .flatten()
        .filter(|t| t == "light" || t == "dark")
}

/// Keeps the theme chosen (`None`: follow the system). Where storage is refused
/// the choice lasts for this page only, which is all a look needs.
pub fn set_theme(theme: Option<&str>) {
    if let Some(storage) = available() {
        let _ = match theme {
            Some(t) => storage.set_item(THEME_KEY, t),
            None => storage.remove_item(THEME_KEY),
        };
    }
}

/// Where the language chosen on this device is kept (a tag such as `"de"`): like
/// the theme, a setting of the device, not data, so not in backups.
pub const LANGUAGE_KEY: &str = "devops-maturity.language";

/// The language chosen on this device, if one was.
pub fn language() -> Option<String> {
    available()?.get_item(LANGUAGE_KEY).ok().flatten()
}

/// Keeps the language chosen. Where storage is refused it lasts for this page.
pub fn set_language(code: &str) {
    if let Some(storage) = available() {
        let _ = storage.set_item(LANGUAGE_KEY, code);
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

/// Something the user must know about their saved data.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The saved value could not be read; a copy was kept and the app started fresh.
    Recovered { reason: String, backup_key: String },
    /// The saved value could not be read nor backed up, so it is left untouched and
    /// nothing will be saved this session.
    Untouched { reason: String },
    /// Storage is blocked or missing: the app works, but nothing will be kept.
    Unavailable,
    /// A save failed; the change is kept in this tab only.
    SaveFailed { reason: String },
    /// Another tab saved while this tab held changes it could not save; this tab
    /// stopped saving so as not to overwrite them.
    Diverged,
}

impl Notice {
    /// Plain words for the banner.
    pub fn message(&self) -> String {
        match self {
            Notice::Recovered { reason, backup_key } => tf(
                k::COMMON_NOTICE_RECOVERED,
                &[("reason", reason), ("backup_key", backup_key)],
            ),
            Notice::Untouched { reason } => tf(k::COMMON_NOTICE_UNTOUCHED, &[("reason", reason)]),
            Notice::Unavailable => t(k::COMMON_NOTICE_UNAVAILABLE),
            Notice::Diverged => t(k::COMMON_NOTICE_DIVERGED),
            Notice::SaveFailed { reason } => {
                tf(k::COMMON_NOTICE_SAVE_FAILED, &[("reason", reason)])
            }
        }
    }
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
    let decoded = Store::decode(&raw);
    crate::platform::mark("devops-maturity:decode:end");
    match decoded {
        Ok(store) => {
            remember(raw);
            Loaded {
                store,
                mode: Mode::Persistent,
                notice: None,
            }
        }
        // Data from a newer version is valid data: never replace it, only read around it.
        Err(error @ DecodeError::Newer { .. }) => Loaded {
            store: Store::new(),
            mode: Mode::MemoryOnly,
            notice: Some(Notice::Untouched {
                reason: crate::errors::decode(&error),
            }),
        },
        Err(error) => {
            let backup_key = format!("{}{now}", backup_prefix());
            let reason = crate::errors::decode(&error);
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
                    notice: Some(Notice::Untouched { reason }),
                }
            }
        }
    }
}

thread_local! {
    /// The stored text this tab last read or wrote. While storage still holds exactly
    /// this, nothing changed elsewhere and there is nothing to decode, which keeps
    /// every save cheap however long the history grows.
    static SEEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn remember(text: String) {
    SEEN.with(|seen| *seen.borrow_mut() = Some(text));
}

/// The stored text behind a state read by [`current`]. Pass it to [`adopt`] once this
/// tab's state is built on that state; until then the text counts as unseen.
#[derive(Debug, PartialEq)]
pub struct Seen(String);

/// Records that this tab's state now includes the stored state `seen` came with.
pub fn adopt(seen: Seen) {
    remember(seen.0);
}

/// The state as stored right now, if another tab has changed it since this tab last
/// read or wrote it: `Ok(None)` when nothing is stored or nothing changed, `Err` with
/// the reason when it cannot be read, in which case nothing may be written over it.
pub fn current() -> Result<Option<(Store, Seen)>, String> {
    let storage = available().ok_or_else(|| t(k::COMMON_STORAGE_UNAVAILABLE))?;
    match storage.get_item(key()) {
        Ok(None) => Ok(None),
        Ok(Some(raw)) if SEEN.with(|seen| seen.borrow().as_deref() == Some(raw.as_str())) => {
            Ok(None)
        }
        Ok(Some(raw)) => {
            crate::platform::mark("devops-maturity:redecode:start");
            let decoded = Store::decode(&raw);
            crate::platform::mark("devops-maturity:redecode:end");
            let store = decoded.map_err(|e| crate::errors::decode(&e))?;
            Ok(Some((store, Seen(raw))))
        }
        Err(_) => Err(t(k::COMMON_STORAGE_UNAVAILABLE)),
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

/// Writes the whole state and reads it back. On failure the previous value stays.
pub fn save(store: &Store) -> Result<(), String> {
    let storage = available().ok_or_else(|| t(k::COMMON_STORAGE_UNAVAILABLE))?;
    let text = store
        .encode()
        .map_err(|e| tf(k::COMMON_STORAGE_NOT_ENCODED, &[("error", &e.to_string())]))?;
    storage
        .set_item(key(), &text)
        .map_err(|error| describe(&error))?;
    match storage.get_item(key()) {
        Ok(Some(back)) if back == text => {
            remember(text);
            Ok(())
        }
        _ => Err(t(k::COMMON_STORAGE_NOT_KEPT)),
    }
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

fn describe(error: &wasm_bindgen::JsValue) -> String {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        t(k::COMMON_STORAGE_FULL)
    } else if name.is_empty() {
        t(k::COMMON_STORAGE_REFUSED)
    } else {
        tf(k::COMMON_STORAGE_REFUSED_NAMED, &[("name", &name)])
    }
}
