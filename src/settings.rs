//! The device's settings: the theme and the language a person chose. They are a
//! look and a way of speaking, not data: `storage` keeps them under keys of their
//! own (never in backups), `i18n` speaks the language, `theme` shows the theme, and
//! the header's menus (`components::switches`) change them. At the bottom of the
//! shell, so every module may read them without reaching up.

use maturity_core::language::Language;

/// The theme chosen on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system's preference.
    System,
    Light,
    Dark,
}

impl Theme {
    /// How it is kept and set on `<html data-theme>` (`index.html`'s first script
    /// reads the same words before the first paint).
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme a kept or chosen word names; anything else follows the system.
    pub fn from_code(code: &str) -> Theme {
        match code {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// The language to start in: the one kept on this device, else the first of the
/// browser's preferred languages the app speaks, else English.
pub fn initial_language(kept: Option<Language>) -> Language {
    if let Some(kept) = kept {
        return kept;
    }
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Language::En;
    };
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .collect();
    Language::preferred(tags.iter().map(String::as_str))
}
