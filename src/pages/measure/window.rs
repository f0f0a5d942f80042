//! The window and the environment the figures are measured over: the records'
//! environments to choose from, the first and last day (whole UTC days, as the core
//! counts them), and the way back to the default window.

use super::files::Loaded;
use crate::i18n::{k, t, tf, tp};
use leptos::prelude::*;
use maturity_core::calendar::{day_of, day_text, parse_day};
use maturity_core::dora::measure::{self, Measured, Window};

/// The environment menu, the two days, and "the last N days" again.
#[component]
pub fn WindowControls(
    loaded: std::sync::Arc<Loaded>,
    measured: Memo<Option<Measured>>,
    environment: RwSignal<Option<String>>,
    window: RwSignal<Option<Window>>,
) -> impl IntoView {
    let environments = loaded.records.environments();
    let env_picker = (!environments.is_empty()).then(|| {
        let options = environments
            .iter()
            .map(|(name, n)| {
                let value = name.clone();
                let selected = environment.get_untracked().as_deref() == Some(name.as_str());
                view! { <option value=value selected=selected>{tp(k::MEASURE_ENVIRONMENT_OPTION, *n, &[("environment", name)])}</option> }
            })
            .collect_view();
        view! {
            <p class="field">
                <label for="measure-environment">{t(k::MEASURE_ENVIRONMENT_LABEL)}</label>
                <select id="measure-environment" on:change:target=move |ev| {
                    let value = ev.target().value();
                    environment.set((!value.is_empty()).then_some(value));
                    window.set(None);
                }>
                    {options}
                    <option value="" selected=environment.get_untracked().is_none()>{t(k::MEASURE_ENVIRONMENT_ALL)}</option>
                </select>
            </p>
        }
    });
    let day_of_window = move |end: bool| {
        measured.with(|m| {
            m.as_ref()
                .map(|m| day_text(day_of(if end { m.window.to } else { m.window.from })))
                .unwrap_or_default()
        })
    };
    let set_day = move |end: bool, text: String| {
        let Some(current) = measured.with_untracked(|m| m.as_ref().map(|m| m.window)) else {
            return;
        };
        if let Some(chosen) = with_day(current, end, &text) {
            window.set(Some(chosen));
        }
    };
    view! {
        <div class="measure-window">
            {env_picker}
            <p class="field">
                <label for="measure-from">{t(k::MEASURE_FROM)}</label>
                <input id="measure-from" type="date" prop:value=move || day_of_window(false)
                    on:change:target=move |ev| set_day(false, ev.target().value())/>
            </p>
            <p class="field">
                <label for="measure-to">{t(k::MEASURE_TO)}</label>
                <input id="measure-to" type="date" prop:value=move || day_of_window(true)
                    on:change:target=move |ev| set_day(true, ev.target().value())/>
            </p>
            <p><button type="button" on:click=move |_| window.set(None)>{tf(k::MEASURE_WINDOW_RESET, &[("days", &measure::DEFAULT_DAYS.to_string())])}</button></p>
        </div>
    }
}

/// `current` with its first (or last, `end`) day set to the date `text`; the two
/// days swap when they would cross. `None` for a text that is not a date.
fn with_day(current: Window, end: bool, text: &str) -> Option<Window> {
    let day = parse_day(text)?;
    let (mut from, mut to) = (day_of(current.from), day_of(current.to));
    if end {
        to = day;
    } else {
        from = day;
    }
    if from > to {
        std::mem::swap(&mut from, &mut to);
    }
    Some(Window::of_days(from, to))
}
