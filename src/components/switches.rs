//! The header's two menus: the language and the theme, each a setting of this
//! device ([`crate::settings`]) that `storage` keeps.

use crate::i18n::{self, k, t};
use crate::settings::Theme;
use crate::storage;
use crate::theme;
use leptos::prelude::*;
use maturity_core::language::Language;

/// The language menu, on every page: each language named in itself. A choice is
/// kept on this device.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let shown = i18n::language_now();
    let choose = move |code: String| {
        if let Some(language) = Language::from_tag(&code) {
            storage::set_language(language);
            wasm_bindgen_futures::spawn_local(async move {
                i18n::show(language).await;
            });
        }
    };
    view! {
        <p class="language-switch">
            <label for="language">{t(k::HEADER_LANGUAGE)}</label>
            <select id="language" on:change:target=move |ev| choose(ev.target().value())>
                {Language::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() lang=l.code() selected=l == shown>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </p>
    }
}

/// The theme menu: System, Light or Dark, kept on this device.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let kept = storage::theme();
    let show = theme::chooser();
    let choose = move |code: String| {
        let theme = Theme::from_code(&code);
        show(theme);
        storage::set_theme(theme);
    };
    view! {
        <p class="theme-switch">
            <label for="theme">{t(k::COMMON_THEME)}</label>
            <select id="theme" on:change:target=move |ev| choose(ev.target().value())>
                <option value="system">{t(k::COMMON_THEME_SYSTEM)}</option>
                <option value="light" selected=kept == Theme::Light>{t(k::COMMON_THEME_LIGHT)}</option>
                <option value="dark" selected=kept == Theme::Dark>{t(k::COMMON_THEME_DARK)}</option>
            </select>
        </p>
    }
}
