//! Every path the app links to, built in one place, and the router's table of
//! which page answers which path. Pages link through these functions, never by
//! writing paths themselves, so a route changes in one place.

use maturity_core::{RunId, TeamId};

pub const HOME: &str = "/";

/// A run's questions.
pub fn run(id: &RunId) -> String {
    format!("/runs/{}", id.0)
}

pub fn results(id: &RunId) -> String {
    format!("/runs/{}/results", id.0)
}

pub fn team(id: &TeamId) -> String {
    format!("/teams/{}", id.0)
}

/// Two runs of a team side by side.
pub fn compare(team: &TeamId, from: &RunId, to: &RunId) -> String {
    format!("/teams/{}/compare?from={}&to={}", team.0, from.0, to.0)
}

/// A facilitator's workshop page; the id is written as 8 hex digits.
pub fn workshop(id: u32) -> String {
    format!("/workshops/{id:08x}")
}

/// The workshop's presenter view (the projector).
pub fn present(id: u32) -> String {
    format!("{}/present", workshop(id))
}

/// A join link's path, code in the fragment (never sent to the server).
pub fn join(code: &str) -> String {
    format!("/join#{code}")
}

/// An answer link's path, code in the fragment.
pub fn collect(code: &str) -> String {
    format!("/collect#{code}")
}

/// `1a2b3c4d` -> the workshop id; anything else -> `None`.
pub fn parse_workshop_id(text: &str) -> Option<u32> {
    (text.len() == 8)
        .then(|| u32::from_str_radix(text, 16).ok())
        .flatten()
}
