//! The app's root: the page frame and the router. State lives in [`crate::state`],
//! paths in [`crate::routes`]; this module only says which page answers which path,
//! and which pages come with the app and which load as their own chunk.
//!
//! A participant's first screen is a question (`/runs/:run`, `/join`): those pages
//! come with the app, and so does the start page's introduction (its forms and lists
//! are a chunk, `pages/home.rs`). Every other page is a lazy route: its code is split
//! off by `tools/wasm-bindgen` into a chunk (one per group of pages) the browser
//! fetches when a page of the group is first opened (see docs/performance.md).

use crate::components::notice::StorageNotice;
use crate::i18n::{k, t, tf};
use crate::pages::{
    collect::CollectPage, compare::ComparePage, home::Home, join::JoinPage, measure::MeasurePage,
    not_found::NotFound, present::PresentPage, results::Results, run::RunPage, team::TeamPage,
    teams::TeamsPage, workshop::WorkshopPage,
};
use crate::state::AppState;
use crate::storage::Loaded;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, Lazy, LazyRoute};

/// The app, on the state `loaded` at start-up. The frame is drawn at once and the
/// page in the next task, so neither holds up the browser for long (see `main.rs`).
#[component]
pub fn App(loaded: Loaded) -> impl IntoView {
    let state = AppState::new(loaded);
    provide_context(state);
    crate::theme::provide();
    let frame_drawn = RwSignal::new(false);
    crate::platform::next_task(move || frame_drawn.set(true));
    // A new language redraws the whole frame; what the pages show lives in the
    // state, so nothing is lost.
    move || {
        crate::i18n::language();
        view! {
        <Router base=crate::platform::base_path()>
            <FocusOnNavigate/>
            <SkipLink/>
            <header class="site-header">
                <A href=crate::routes::home() exact=true attr:class="brand">{t(k::HEADER_BRAND)}</A>
                <span class="privacy">{t(k::HEADER_PRIVACY)}</span>
                <div class="switches">
                    <crate::components::switches::LanguageSwitch/>
                    <crate::components::switches::ThemeSwitch/>
                </div>
            </header>
            <StorageNotice/>
            <p class="sync-status" aria-live="polite">
                {move || state.synced_at.get().map(|at| tf(
                    k::HEADER_SYNCED,
                    &[("time", &crate::platform::format_time(at))],
                ))}
            </p>
            <Flash/>
            <main id="main" tabindex="-1">
                <Show when=move || frame_drawn.get()>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=Home/>
                        <Route path=path!("/runs/:run") view=RunPage/>
                        <Route path=path!("/runs/:run/results") view={Lazy::<ResultsRoute>::new()}/>
                        <Route path=path!("/teams") view={Lazy::<TeamsRoute>::new()}/>
                        <Route path=path!("/teams/:team") view={Lazy::<TeamRoute>::new()}/>
                        <Route path=path!("/teams/:team/compare") view={Lazy::<CompareRoute>::new()}/>
                        <Route path=path!("/teams/:team/measure") view={Lazy::<MeasureRoute>::new()}/>
                        <Route path=path!("/workshops/:workshop") view={Lazy::<WorkshopRoute>::new()}/>
                        <Route path=path!("/workshops/:workshop/present") view={Lazy::<PresentRoute>::new()}/>
                        <Route path=path!("/join") view=JoinPage/>
                        <Route path=path!("/collect") view={Lazy::<CollectRoute>::new()}/>
                    </Routes>
                </Show>
            </main>
        </Router>
        }
    }
}

/// What the change that led here did ("Deleted the team …"), on the page it led
/// to, until the user moves on.
#[component]
fn Flash() -> impl IntoView {
    let state = crate::state::use_app_state();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let stale = state
            .flash
            .with_untracked(|f| f.as_ref().is_some_and(|(at, _)| *at != path));
        if stale {
            state.flash.set(None);
        }
    });
    view! {
        <p class="flash status" role="status">
            {move || state.flash.with(|f| f.as_ref().map(|(_, said)| said.clone()))}
        </p>
    }
}

/// "Skip to content": moves focus to this page's content and stays on the page.
/// It does not follow its `#main`: with the page's `<base>` that would lead to the
/// start page, and rewriting the address would drop a page's query or code.
#[component]
fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        crate::platform::focus_by_id("main");
    };
    view! { <a class="skip-link" href="#main" on:click=skip>{t(k::HEADER_SKIP)}</a> }
}

/// After moving to another page, puts keyboard and screen-reader focus at the start
/// of the new page's content instead of leaving it on a control that is gone: on
/// the question of a question page, else the page's heading, else its content.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            // The new page is drawn in the next task.
            crate::platform::next_task(crate::platform::focus_arrival);
        }
        path
    });
}

/// A page loaded as a chunk: `$route` names it in the router, `$load` fetches its
/// group's chunk and draws it. The pages read their parameters themselves, so a
/// route carries no data.
macro_rules! lazy_page {
    ($route:ident, $load:expr) => {
        struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                $load.await
            }
        }
    };
}

lazy_page!(ResultsRoute, results_page());
lazy_page!(TeamsRoute, history_page(History::Teams));
lazy_page!(TeamRoute, history_page(History::Team));
lazy_page!(CompareRoute, history_page(History::Compare));
lazy_page!(MeasureRoute, history_page(History::Measure));
lazy_page!(WorkshopRoute, facilitation_page(Facilitation::Workshop));
lazy_page!(PresentRoute, facilitation_page(Facilitation::Present));
lazy_page!(CollectRoute, facilitation_page(Facilitation::Collect));

// Three chunks, not one per page (and the start page's own, in `pages/home.rs`):
// pages that share most of their code (a team's trends; workshop codes and
// statistics) load together, so opening a page costs a few requests instead of
// dozens of small shared pieces (see docs/performance.md).

/// An assessment's results: what finishing one opens.
#[lazy]
fn results_page() -> AnyView {
    view! { <Results/> }.into_any()
}

/// The pages that look back over a team's history, DORA measured from its
/// deployment records (opened from the team page, sharing most of its code), and
/// the coach's view across teams (the same scores and tables, for every team).
#[derive(Clone, Copy)]
enum History {
    Teams,
    Team,
    Compare,
    Measure,
}

#[lazy]
fn history_page(page: History) -> AnyView {
    match page {
        History::Teams => view! { <TeamsPage/> }.into_any(),
        History::Team => view! { <TeamPage/> }.into_any(),
        History::Compare => view! { <ComparePage/> }.into_any(),
        History::Measure => view! { <MeasurePage/> }.into_any(),
    }
}

/// The facilitator's workshop pages: the room, the projector, collecting codes.
#[derive(Clone, Copy)]
enum Facilitation {
    Workshop,
    Present,
    Collect,
}

#[lazy]
fn facilitation_page(page: Facilitation) -> AnyView {
    match page {
        Facilitation::Workshop => view! { <WorkshopPage/> }.into_any(),
        Facilitation::Present => view! { <PresentPage/> }.into_any(),
        Facilitation::Collect => view! { <CollectPage/> }.into_any(),
    }
}
