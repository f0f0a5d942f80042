//! The start page: begin an assessment or a workshop for a team, the user's own
//! questionnaires, the workshops on this device, and every team's runs.
//!
//! Its heading and what the app is for come with the app (they are the page's
//! largest text, so a first visit sees them as soon as the app runs); the forms and
//! lists below load as a chunk of their own.

use crate::components::own_questionnaires::OwnQuestionnaires;
use crate::components::start_form::StartForm;
use crate::components::team_list::TeamList;
use crate::components::workshop_list::WorkshopList;
use crate::i18n::{k, t, tf};
use crate::platform::set_title;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    set_title(&t(k::HOME_TITLE));
    let state = use_app_state();
    // Follows the questionnaires on offer, the user's own included.
    let titles = move || {
        state.catalog.with(|c| {
            let titles: Vec<String> = c.all().iter().map(|q| q.title.clone()).collect();
            if titles.is_empty() {
                t(k::HOME_LEDE_ANY)
            } else {
                crate::i18n::list(&titles)
            }
        })
    };
    view! {
        <h1>{t(k::HOME_HEADING)}</h1>
        <p class="lede">
            {move || format!("{} ", tf(k::HOME_LEDE, &[("questionnaires", &titles())]))}
            {t(k::HOME_LEDE_PRIVATE)}
        </p>
        {Suspend::new(async { sections().await })}
    }
}

/// Everything below the introduction, split off into the start page's chunk.
#[lazy]
fn sections() -> AnyView {
    view! {
        <StartForm/>
        <OwnQuestionnaires/>
        <WorkshopList/>
        <TeamList/>
    }
    .into_any()
}
