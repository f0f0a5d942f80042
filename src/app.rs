//! The app's root: the page frame and the router. State lives in [`crate::state`],
//! paths in [`crate::routes`]; this module only says which page answers which path,
//! and which pages come with the app and which load as their own chunk.
//!
//! A participant's first screen is a question (`/runs/:run`, `/join`): those pages
//! come with the app. Every other page is a lazy route: its code is split off by
//! `tools/wasm-bindgen` into a chunk the browser fetches when the page is first
//! opened (see the README's performance section).

use crate::components::notice::StorageNotice;
use crate::pages::{
    collect::CollectPage, compare::ComparePage, home::Home, join::JoinPage, not_found::NotFound,
    present::PresentPage, results::Results, run::RunPage, team::TeamPage, workshop::WorkshopPage,
};
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{lazy_route, path, Lazy, LazyRoute};
use maturity_core::Catalog;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    view! {
        <Router>
            <FocusOnNavigate/>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <A href=crate::routes::HOME attr:class="brand">"DevOps maturity"</A>
                <span class="privacy">"Private by design: your answers never leave this browser."</span>
            </header>
            <StorageNotice/>
            <p class="sync-status" aria-live="polite">
                {move || state.synced_at.get().map(|at| format!(
                    "Updated at {} with changes saved in another tab.",
                    crate::platform::format_time(at)
                ))}
            </p>
            <main id="main" tabindex="-1">
                {match Catalog::builtin() {
                    Ok(_) => view! {
                        <Routes fallback=NotFound>
                            <Route path=path!("/") view={Lazy::<HomeRoute>::new()}/>
                            <Route path=path!("/runs/:run") view=RunPage/>
                            <Route path=path!("/runs/:run/results") view={Lazy::<ResultsRoute>::new()}/>
                            <Route path=path!("/teams/:team") view={Lazy::<TeamRoute>::new()}/>
                            <Route path=path!("/teams/:team/compare") view={Lazy::<CompareRoute>::new()}/>
                            <Route path=path!("/workshops/:workshop") view={Lazy::<WorkshopRoute>::new()}/>
                            <Route path=path!("/workshops/:workshop/present") view={Lazy::<PresentRoute>::new()}/>
                            <Route path=path!("/join") view=JoinPage/>
                            <Route path=path!("/collect") view={Lazy::<CollectRoute>::new()}/>
                        </Routes>
                    }.into_any(),
                    Err(error) => view! {
                        <h1>"The questionnaires could not be loaded"</h1>
                        <p>"This build of the app contains a broken questionnaire file. Please report this:"</p>
                        <pre>{error.to_string()}</pre>
                    }.into_any(),
                }}
            </main>
        </Router>
    }
}

/// After moving to another page, puts keyboard and screen-reader focus at the start
/// of the new page's content instead of leaving it on a control that is gone.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            crate::platform::focus_by_id("main");
        }
        path
    });
}

/// A page loaded as its own chunk: `$route` names it in the router, `$page` is its
/// component. The pages read their parameters themselves, so a route carries no data.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(HomeRoute, Home);
lazy_page!(ResultsRoute, Results);
lazy_page!(TeamRoute, TeamPage);
lazy_page!(CompareRoute, ComparePage);
lazy_page!(WorkshopRoute, WorkshopPage);
lazy_page!(PresentRoute, PresentPage);
lazy_page!(CollectRoute, CollectPage);
