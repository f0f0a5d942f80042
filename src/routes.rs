//! Every path the app links to, built in one place. Pages link through these
//! functions, never by writing paths themselves, so a route changes in one place.
//!
//! Each path is the address the browser shows: it starts with the path the app is
//! served under (`platform::base_path`, empty at the root of a site), so a link
//! (`<A href>`) and a navigation ([`navigate`]) use it as it is. The router's table
//! in `app.rs` lists the same routes without that base.

use leptos_router::NavigateOptions;
use maturity_core::{RunId, TeamId};

/// `route` under the app's base path.
fn at(route: &str) -> String {
    format!("{}{route}", crate::platform::base_path())
}

/// The start page.
pub fn home() -> String {
    at("/")
}

/// The start page with `team` filled in as the team's name (a team page's
/// "Start a new assessment").
pub fn start_for(team: &str) -> String {
    format!(
        "{}?team={}",
        home(),
        String::from(js_sys::encode_uri_component(team))
    )
}

/// A run's questions.
pub fn run(id: &RunId) -> String {
    at(&format!("/runs/{}", id.0))
}

pub fn results(id: &RunId) -> String {
    at(&format!("/runs/{}/results", id.0))
}

/// Every team at a glance: the coach's page.
pub fn teams() -> String {
    at("/teams")
}

pub fn team(id: &TeamId) -> String {
    at(&format!("/teams/{}", id.0))
}

/// Two runs of a team side by side.
pub fn compare(team: &TeamId, from: &RunId, to: &RunId) -> String {
    at(&format!(
        "/teams/{}/compare?from={}&to={}",
        team.0, from.0, to.0
    ))
}

/// A team's DORA metrics measured from its deployment records.
pub fn measure(team: &TeamId) -> String {
    at(&format!("/teams/{}/measure", team.0))
}

/// A facilitator's workshop page; the id is written as 8 hex digits.
pub fn workshop(id: u32) -> String {
    at(&format!("/workshops/{id:08x}"))
}

/// The workshop's presenter view (the projector).
pub fn present(id: u32) -> String {
    format!("{}/present", workshop(id))
}

/// A join link's path, code in the fragment (never sent to the server).
pub fn join(code: &str) -> String {
    at(&format!("/join#{code}"))
}

/// An answer link's path, code in the fragment.
pub fn collect(code: &str) -> String {
    at(&format!("/collect#{code}"))
}

/// A link to the element `id` on the page at `path` (a path the browser shows).
/// Always whole: with the page's `<base>` (the app's address), a bare `#id` would
/// lead to the start page.
pub fn on_page(path: &str, id: &str) -> String {
    format!("{path}#{id}")
}

/// How to navigate to one of these paths: as it is (it carries the base already).
pub fn navigate() -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        ..NavigateOptions::default()
    }
}

/// `1a2b3c4d` -> the workshop id; anything else -> `None`.
pub fn parse_workshop_id(text: &str) -> Option<u32> {
    (text.len() == 8)
        .then(|| u32::from_str_radix(text, 16).ok())
        .flatten()
}
