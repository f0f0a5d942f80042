//! Team Topologies' interaction-mode map: how the team works with the teams it
//! depends on, for how long, and which of those relationships are worth discussing.

use crate::assessment::model::{Choice, Questionnaire};
use std::collections::BTreeMap;

/// (who the relationship is with, mode question id, duration question id). Enabling
/// and complicated-subsystem teams are asked about apart: an enabling team helps
/// for a while and steps back, a complicated-subsystem team keeps its specialism and
/// is usually consumed as a service. The last line is the retired question that
/// asked about both at once, shown only for runs that answered it.
pub const RELATIONSHIPS: [(&str, &str, &str); 5] = [
    (
        "The team you depend on most",
        "tt.interaction.mode",
        "tt.interaction.duration",
    ),
    (
        "Your platform team",
        "tt.interaction.platform-mode",
        "tt.interaction.platform-duration",
    ),
    (
        "Enabling teams",
        "tt.interaction.enabling-mode",
        "tt.interaction.enabling-duration",
    ),
    (
        "Complicated-subsystem teams",
        "tt.interaction.subsystem-mode",
        "tt.interaction.subsystem-duration",
    ),
    (
        "Specialist or enabling teams",
        "tt.interaction.specialist-mode",
        "tt.interaction.specialist-duration",
    ),
];

/// Choice indices of the mode questions (checked against the data by tests).
pub const MODE_UNCLEAR: u8 = 0;
pub const MODE_COLLABORATION: u8 = 1;
pub const MODE_FACILITATING: u8 = 3;
/// Duration choices from this index on (six months or more) mean "long", up to
/// [`DURATION_NOT_APPLICABLE`].
pub const DURATION_LONG_FROM: u8 = 3;
pub const DURATION_NOT_APPLICABLE: u8 = 5;

/// One line of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Relationship<'q> {
    pub with: &'static str,
    pub mode: Option<&'q Choice>,
    pub duration: Option<&'q Choice>,
    /// What to consider, when the relationship has no clear mode, or collaboration or
    /// facilitation has gone on for six months or more (both are meant to end).
    pub concern: Option<&'q str>,
}

/// The map for a run's answers; empty when `q` has none of the relationship
/// questions. A relationship whose questions are retired appears only when the run
/// answered one of them.
pub fn interaction_map<'q>(
    q: &'q Questionnaire,
    answers: &BTreeMap<String, u8>,
) -> Vec<Relationship<'q>> {
    RELATIONSHIPS
        .iter()
        .filter_map(|(with, mode_id, duration_id)| {
            let mode_q = q.question(mode_id)?;
            let duration_q = q.question(duration_id)?;
            let mode = answers.get(*mode_id).copied();
            let duration = answers.get(*duration_id).copied();
            if mode_q.retired && mode.is_none() && duration.is_none() {
                return None;
            }
            let long = duration
                .is_some_and(|d| (DURATION_LONG_FROM..DURATION_NOT_APPLICABLE).contains(&d));
            let concern = match mode {
                Some(MODE_UNCLEAR) => Some(mode_q.advice.as_str()),
                Some(MODE_COLLABORATION | MODE_FACILITATING) if long => {
                    Some(duration_q.advice.as_str())
                }
                _ => None,
            };
            Some(Relationship {
                with,
                mode: mode.and_then(|m| mode_q.choices.get(usize::from(m))),
                duration: duration.and_then(|d| duration_q.choices.get(usize::from(d))),
                concern,
            })
        })
        .collect()
}
