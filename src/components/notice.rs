//! The banner that tells the user, in plain words, about a problem with their saved
//! data, and offers the data itself as a download so nothing is ever out of reach.

use crate::i18n::{k, t};
use crate::platform::{download, today};
use crate::state::use_app_state;
use crate::storage::{self, Notice};
use leptos::prelude::*;

#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = use_app_state();
    let failed = RwSignal::new(None::<String>);
    move || {
        state.notice.get().map(|notice| {
            // What the user can take away: the unreadable text as it was stored, or
            // everything this tab holds (which includes a change that could not be saved).
            let (label, backup_key) = match &notice {
                Notice::Recovered { backup_key, .. } => {
                    (t(k::COMMON_NOTICE_DOWNLOAD_UNREADABLE), Some(backup_key.clone()))
                }
                _ => (t(k::COMMON_NOTICE_DOWNLOAD_BACKUP), None),
            };
            let offer = move |_| {
                let file = match &backup_key {
                    Some(key) => storage::backup(key)
                        .map(|text| (format!("devops-maturity-unreadable-{}.txt", today()), text)),
                    None => state.store.with_untracked(|s| s.encode().ok()).map(|text| {
                        (format!("devops-maturity-backup-{}.json", today()), text)
                    }),
                };
                let outcome = match file {
                    Some((name, text)) => download(&name, "application/json", &text),
                    None => Err(t(k::COMMON_NOTICE_NOTHING_TO_DOWNLOAD)),
                };
                failed.set(outcome.err());
            };
            view! {
                <div class="notice" role="alert">
                    <p>{crate::errors::notice(&notice)}</p>
                    <div class="notice-actions">
                        <button type="button" on:click=offer>{label}</button>
                        <button type="button" on:click=move |_| state.notice.set(None)>{t(k::COMMON_DISMISS)}</button>
                    </div>
                    {move || failed.get().map(|e| view! { <p class="error">{e}</p> })}
                </div>
            }
        })
    }
}
