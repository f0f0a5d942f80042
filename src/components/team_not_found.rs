//! What a page about one team shows when the team does not exist (deleted, or a
//! link from another browser): the reason and the way to the list of teams.

use crate::i18n::{k, t};
use crate::platform::set_title;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TeamNotFound() -> impl IntoView {
    set_title(&t(k::TEAM_NOT_FOUND));
    view! {
        <h1>{t(k::TEAM_NOT_FOUND)}</h1>
        <p>{t(k::TEAM_NOT_FOUND_BODY)}</p>
        <p><A href=routes::home() exact=true>{t(k::TEAM_SEE_TEAMS)}</A></p>
    }
}
