//! The app's words in the chosen language: typed keys over the English catalogue
//! compiled in, the other languages fetched only when chosen, and plurals, numbers
//! and dates by the browser's `Intl` (no locale data shipped).
//!
//! Messages live in `assets/i18n/<language>/*.json` (one file per part of the app,
//! merged into one flat object per language):
//! a key names a message, a message is text with `{placeholders}` or, when it
//! counts something, an object of CLDR plural forms (`"one"`, `"other"`, …, as
//! `Intl.PluralRules` names them for that language). `build.rs` turns the English
//! keys into constants (`k::HEADER_PRIVACY`), so code cannot name a message that
//! does not exist; the build (`assets/i18n.mjs`) and `tests/i18n.test.mjs` refuse a
//! language with a missing or extra key, a placeholder the English lacks or lacks
//! one it has, or plural forms other than its language's own.
//!
//! A language other than English comes as one bundle (`i18n/<code>-<hash>.json`,
//! named in `index.html`'s `<meta name="i18n">` by the build): its messages in
//! key order, the core's own texts by their English (`assets/i18n/core.json`,
//! see [`core`]) and the built-in questionnaires' translations. The service worker
//! keeps the bundles it has fetched, so the chosen language works offline.

use leptos::prelude::*;
use maturity_core::assessment::model::Translation;
use maturity_core::language::Language;
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A message, by its place in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(usize);

/// An English message as compiled in.
pub enum Msg {
    Text(&'static str),
    /// Plural forms by CLDR category.
    Plural(&'static [(&'static str, &'static str)]),
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A fetched message: text, or plural forms by category.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Message {
    Text(String),
    Plural(BTreeMap<String, String>),
}

/// One language's bundle as the build writes it.
#[derive(Debug, Deserialize)]
struct Bundle {
    messages: Vec<Message>,
    /// The core's own texts, by their English (see [`core`]).
    core: BTreeMap<String, String>,
    questionnaires: Vec<Translation>,
}

/// The language shown and, for any but English, its bundle.
struct Active {
    language: Language,
    bundle: Option<Rc<Bundle>>,
}

thread_local! {
    static ACTIVE: RefCell<Active> = const {
        RefCell::new(Active { language: Language::En, bundle: None })
    };
    /// Bumped when the language changes, so the frame and the catalog redraw.
    static SHOWN: RwSignal<Language> = RwSignal::new(Language::En);
}

/// The language shown; a view or memo that calls this redraws when it changes.
pub fn language() -> Language {
    SHOWN.with(|s| s.get())
}

/// The language shown, without subscribing.
pub fn language_now() -> Language {
    ACTIVE.with(|a| a.borrow().language)
}

/// The built-in questionnaires' translations into the language shown (none for
/// English).
pub fn translations() -> Vec<Translation> {
    ACTIVE.with(|a| {
        a.borrow()
            .bundle
            .as_ref()
            .map(|b| b.questionnaires.clone())
            .unwrap_or_default()
    })
}

/// The message `key` in the language shown.
pub fn t(key: Key) -> String {
    text(key, None)
}

/// The message `key` with its `{placeholders}` left for its receiver to fill (a
/// chart's `{year}`, filled by `crates/charts`).
pub fn template(key: Key) -> String {
    text(key, None)
}

/// The message `key` with its `{placeholders}` filled from `args`.
pub fn tf(key: Key, args: &[(&str, &str)]) -> String {
    fill(&text(key, None), args)
}

/// The message `key` in the plural form the language uses for `n`, with `{n}`
/// written as the language writes numbers, and the other `args` filled in.
pub fn tp(key: Key, n: usize, args: &[(&str, &str)]) -> String {
    let category = plural_category(n as f64);
    let number = number(n as f64, 0);
    let mut all: Vec<(&str, &str)> = vec![("n", number.as_str())];
    all.extend_from_slice(args);
    fill(&text(key, Some(&category)), &all)
}

fn text(key: Key, category: Option<&str>) -> String {
    let fetched = ACTIVE.with(|a| {
        let a = a.borrow();
        let message = a.bundle.as_ref()?.messages.get(key.0)?;
        Some(match (message, category) {
            (Message::Text(s), _) => s.clone(),
            (Message::Plural(forms), Some(c)) => {
                forms.get(c).or_else(|| forms.get("other"))?.clone()
            }
            (Message::Plural(forms), None) => forms.get("other")?.clone(),
        })
    });
    fetched.unwrap_or_else(|| match &ENGLISH[key.0] {
        Msg::Text(s) => (*s).to_string(),
        Msg::Plural(forms) => {
            let wanted = category.unwrap_or("other");
            forms
                .iter()
                .find(|(c, _)| *c == wanted)
                .or_else(|| forms.iter().find(|(c, _)| *c == "other"))
                .map_or_else(String::new, |(_, s)| (*s).to_string())
        }
    })
}

/// A text the core wrote (a DORA cluster's name, an edition's caveat, …; see
/// `maturity_core::texts`) in the language shown: looked up by its English.
pub fn core(english: &str) -> String {
    ACTIVE.with(|a| {
        a.borrow()
            .bundle
            .as_ref()
            .and_then(|b| b.core.get(english).cloned())
            .unwrap_or_else(|| english.to_string())
    })
}

/// How `question` was answered, in words: its choice's label (already in the
/// language shown, from the catalog), a percentage the language's way, or "Don't
/// know".
pub fn answer_text(question: &maturity_core::Question, value: u8) -> String {
    if value == maturity_core::assessment::model::DONT_KNOW {
        t(k::COMMON_DONT_KNOW)
    } else if question.answer == maturity_core::assessment::model::AnswerKind::Percent {
        tf(
            k::COMMON_PERCENT,
            &[("value", &number(f64::from(value), 0))],
        )
    } else {
        question.answer_text(value)
    }
}

/// `name` (a label written to start a line, "Change failure rate") as it reads
/// inside a sentence: with a lower-case first letter, except in German, where
/// nouns keep their capital.
pub fn in_sentence(name: &str) -> String {
    if language_now() == Language::De {
        return name.to_string();
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A message split around its placeholder `{name}`: the text before and after
/// it, wherever the language puts it, for a view that shows the value in an
/// element of its own (bold, a citation); the whole message first when it lacks
/// the placeholder.
pub fn around(message: &str, name: &str) -> (String, String) {
    let mark = format!("{{{name}}}");
    message
        .split_once(&mark)
        .map_or((message.to_string(), String::new()), |(a, b)| {
            (a.to_string(), b.to_string())
        })
}

/// `text` with each `{name}` replaced by its value in `args`.
fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The CLDR plural category of `n` in the language shown (`Intl.PluralRules`).
fn plural_category(n: f64) -> String {
    let locales = js_sys::Array::of1(&language_now().code().into());
    js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new())
        .select(n)
        .as_string()
        .unwrap_or_else(|| "other".into())
}

/// `n` as the language shown writes it, with `digits` after the decimal sign
/// (`7.5` in English, `7,5` in German).
pub fn number(n: f64, digits: u8) -> String {
    let options = js_sys::Object::new();
    let digits = wasm_bindgen::JsValue::from(digits);
    let _ = js_sys::Reflect::set(&options, &"minimumFractionDigits".into(), &digits);
    let _ = js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &digits);
    let locales = js_sys::Array::of1(&language_now().code().into());
    js_sys::Intl::NumberFormat::new(&locales, &options)
        .format()
        .call1(&wasm_bindgen::JsValue::NULL, &n.into())
        .ok()
        .and_then(|s| s.as_string())
        // (Rust's own float formatting would add 11 KB to the first download.)
        .unwrap_or_else(|| {
            js_sys::Number::from(n)
                .to_fixed(digits.as_f64().unwrap_or(0.0) as u8)
                .map(String::from)
                .unwrap_or_default()
        })
}

/// "A, B and C" as the language shown joins a list (`Intl.ListFormat`).
pub fn list(items: &[String]) -> String {
    let locales = js_sys::Array::of1(&language_now().code().into());
    let array: js_sys::Array = items
        .iter()
        .map(|s| wasm_bindgen::JsValue::from(s.as_str()))
        .collect();
    js_sys::Intl::ListFormat::new(&locales, &js_sys::Object::new())
        .format(&array)
        .into()
}

/// Switches to `language`: fetches its bundle when it is not English (keeping the
/// current language if that fails), sets `<html lang>` and redraws. Returns whether
/// the language is now shown.
pub async fn show(language: Language) -> bool {
    let bundle = if language == Language::En {
        None
    } else {
        match fetch_bundle(language).await {
            Some(bundle) => Some(Rc::new(bundle)),
            None => return false,
        }
    };
    ACTIVE.with(|a| *a.borrow_mut() = Active { language, bundle });
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", language.code());
    }
    SHOWN.with(|s| s.set(language));
    true
}

/// The bundle of `language`, from the address the build wrote into the page; the
/// service worker is asked to keep it, so the language works offline.
async fn fetch_bundle(language: Language) -> Option<Bundle> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let document = window.document()?;
    let listing = document
        .query_selector("meta[name=\"i18n\"]")
        .ok()??
        .get_attribute("content")?;
    let path = listing.split_whitespace().find_map(|entry| {
        let (code, path) = entry.split_once('=')?;
        (code == language.code()).then(|| path.to_string())
    })?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&path))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    let bundle = parse_bundle(text).await?;
    if bundle.messages.len() != ENGLISH.len() {
        return None;
    }
    wasm_bindgen_futures::spawn_local(keep_offline(response.url()));
    Some(bundle)
}

/// Reads a bundle. Split off into its own chunk: a page shown in English never
/// downloads the code that reads other languages (the JSON of messages and of
/// questionnaire translations).
#[lazy]
fn parse_bundle(text: String) -> Option<Bundle> {
    serde_json::from_str(&text).ok()
}

/// Asks the service worker (once one is active) to keep the language file at
/// `url`: on a first visit the page fetched it before the worker was there.
async fn keep_offline(url: String) {
    use js_sys::Reflect;
    let Some(window) = web_sys::window() else {
        return;
    };
    let workers = Reflect::get(&window.navigator(), &"serviceWorker".into()).unwrap_or_default();
    if workers.is_undefined() || workers.is_null() {
        return;
    }
    let Ok(ready) = Reflect::get(&workers, &"ready".into()) else {
        return;
    };
    let Ok(registration) =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&ready)).await
    else {
        return;
    };
    let active = Reflect::get(&registration, &"active".into()).unwrap_or_default();
    let message = js_sys::Object::new();
    let _ = Reflect::set(&message, &"keep".into(), &url.into());
    if let Ok(post) = Reflect::get(&active, &"postMessage".into()) {
        if let Ok(post) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(post) {
            let _ = post.call1(&active, &message);
        }
    }
}
