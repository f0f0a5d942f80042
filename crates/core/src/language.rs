//! The languages the app speaks, and which one to use for a browser's preferred
//! languages.
//!
//! Stored data never depends on the language: runs keep answer positions by
//! question id, so switching language shows old runs in the new one.

use serde::{Deserialize, Serialize};

/// A language the whole app is written in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Es,
    De,
    Fr,
}

impl Language {
    /// Every language, English (the one compiled in) first.
    pub const ALL: [Language; 4] = [Language::En, Language::Es, Language::De, Language::Fr];

    /// The BCP 47 tag: `<html lang>`, file names, `Intl`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::De => "de",
            Language::Fr => "fr",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Español",
            Language::De => "Deutsch",
            Language::Fr => "Français",
        }
    }

    /// The language a tag names (`"es"`, `"es-MX"`, `"DE-at"`), if the app speaks it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages the app speaks; English when
    /// none is (or the list is empty).
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Language {
        tags.into_iter()
            .find_map(Language::from_tag)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_spoken_preference_wins() {
        assert_eq!(Language::preferred(["it-IT", "de-AT", "fr"]), Language::De);
        assert_eq!(Language::preferred(["es-419"]), Language::Es);
        assert_eq!(Language::preferred(["FR_ca"]), Language::Fr);
        assert_eq!(Language::preferred(["pt-BR", "ja"]), Language::En);
        assert_eq!(Language::preferred([]), Language::En);
        assert_eq!(Language::preferred([""]), Language::En);
    }

    #[test]
    fn codes_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::from_tag(l.code()), Some(l));
        }
    }
}
