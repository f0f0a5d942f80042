//! A countdown that paces one discussion: start, pause, reset, and the minutes per
//! question; over time it counts on, marked.

use crate::i18n::{k, t, tf};
use crate::platform::now;
use leptos::prelude::*;
use std::time::Duration;

/// A countdown for one discussion; it starts afresh for every question, with the
/// length last chosen.
#[component]
pub fn Timer(minutes: RwSignal<u32>) -> impl IntoView {
    let started = RwSignal::new(None::<f64>);
    let before = RwSignal::new(0.0f64);
    let tick = RwSignal::new(0.0f64);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if started.get_untracked().is_some() {
                tick.set(now() as f64);
            }
        },
        Duration::from_millis(250),
    ) {
        on_cleanup(move || handle.clear());
    }
    let elapsed = move || {
        tick.track();
        before.get() + started.get().map_or(0.0, |at| (now() as f64 - at).max(0.0))
    };
    let left = move || f64::from(minutes.get()) * 60_000.0 - elapsed();
    let shown = move || {
        let ms = left();
        let seconds = (ms.abs() / 1000.0).ceil() as u64;
        let clock = format!("{}:{:02}", seconds / 60, seconds % 60);
        if ms >= 0.0 {
            tf(k::PRESENT_TIMER_LEFT, &[("clock", &clock)])
        } else {
            tf(k::PRESENT_TIMER_OVER, &[("clock", &clock)])
        }
    };
    let start_stop = move |_| match started.get_untracked() {
        Some(at) => {
            before.update(|b| *b += now() as f64 - at);
            started.set(None);
        }
        None => started.set(Some(now() as f64)),
    };
    let reset = move |_| {
        started.set(None);
        before.set(0.0);
    };
    view! {
        <div class="timer">
            <p role="timer" class=move || if left() < 0.0 { "clock over" } else { "clock" }>{shown}</p>
            <button type="button" on:click=start_stop>{move || if started.get().is_some() { t(k::PRESENT_TIMER_PAUSE) } else { t(k::PRESENT_TIMER_START) }}</button>
            <button type="button" on:click=reset>{t(k::PRESENT_TIMER_RESET)}</button>
            <label for="timer-minutes">" "{t(k::PRESENT_TIMER_MINUTES)}" "</label>
            <select id="timer-minutes" on:change:target=move |ev| {
                if let Ok(m) = ev.target().value().parse() { minutes.set(m) }
            }>
                {[2u32, 3, 5, 8, 10].into_iter().map(|m| view! {
                    <option value=m.to_string() selected=m == minutes.get_untracked()>{m.to_string()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
