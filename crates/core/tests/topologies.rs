//! The interaction-mode map: read from the data, with concerns where a mode is unclear
//! or collaboration has gone on too long.

use maturity_core::assessment::topologies::*;
use maturity_core::Catalog;
use std::collections::BTreeMap;

#[test]
fn the_indices_the_rules_use_match_the_data() {
    let catalog = Catalog::builtin();
    let q = catalog.get("team-topologies").expect("tt");
    for (_, mode, duration) in RELATIONSHIPS {
        let labels: Vec<&str> = q
            .question(mode)
            .expect(mode)
            .choices
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(labels[usize::from(MODE_UNCLEAR)], "No clear way", "{mode}");
        assert_eq!(
            labels[usize::from(MODE_COLLABORATION)],
            "Collaboration",
            "{mode}"
        );
        assert_eq!(
            labels[usize::from(MODE_FACILITATING)],
            "Facilitating",
            "{mode}"
        );
        let d: Vec<&str> = q
            .question(duration)
            .expect(duration)
            .choices
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(
            d[usize::from(DURATION_LONG_FROM)],
            "Six to twelve months",
            "{duration}"
        );
        assert_eq!(
            d[usize::from(DURATION_NOT_APPLICABLE)],
            "Not applicable",
            "{duration}"
        );
    }
}

#[test]
fn concerns_flag_unclear_modes_and_collaboration_that_does_not_end() {
    let catalog = Catalog::builtin();
    let q = catalog.get("team-topologies").expect("tt");
    let answers: BTreeMap<String, u8> = [
        ("tt.interaction.mode", 1u8),          // collaboration...
        ("tt.interaction.duration", 4),        // ...for over a year
        ("tt.interaction.platform-mode", 0),   // no clear way
        ("tt.interaction.specialist-mode", 1), // collaboration, recently
        ("tt.interaction.specialist-duration", 0),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let map = interaction_map(q, &answers);
    let shown: Vec<(&str, Option<&str>, Option<&str>, bool)> = map
        .iter()
        .map(|r| {
            (
                r.with,
                r.mode.map(|c| c.label.as_str()),
                r.duration.map(|c| c.label.as_str()),
                r.concern.is_some(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "The team you depend on most",
                Some("Collaboration"),
                Some("Over a year"),
                true
            ),
            ("Your platform team", Some("No clear way"), None, true),
            ("Enabling teams", None, None, false),
            ("Complicated-subsystem teams", None, None, false),
            // Retired, shown because this (older) run answered it.
            (
                "Specialist or enabling teams",
                Some("Collaboration"),
                Some("Under a month"),
                false
            ),
        ]
    );
    assert_eq!(
        map[0].concern,
        Some(
            q.question("tt.interaction.duration")
                .expect("q")
                .advice
                .as_str()
        )
    );
}

#[test]
fn other_questionnaires_have_no_map() {
    let catalog = Catalog::builtin();
    assert!(interaction_map(catalog.get("calms").expect("calms"), &BTreeMap::new()).is_empty());
}

#[test]
fn enabling_and_complicated_subsystem_teams_are_asked_about_apart() {
    let catalog = Catalog::builtin();
    let q = catalog.get("team-topologies").expect("tt");
    // The question that mixed the two is retired, and not shown to a run that
    // never answered it.
    assert!(
        q.question("tt.interaction.specialist-mode")
            .expect("kept")
            .retired
    );
    let answers: BTreeMap<String, u8> = [
        ("tt.interaction.enabling-mode", 3u8),   // facilitating...
        ("tt.interaction.enabling-duration", 4), // ...for over a year: step back
        ("tt.interaction.subsystem-mode", 2),    // X-as-a-Service, as usual
        ("tt.interaction.subsystem-duration", 4),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let map = interaction_map(q, &answers);
    let withs: Vec<&str> = map.iter().map(|r| r.with).collect();
    assert_eq!(
        withs,
        [
            "The team you depend on most",
            "Your platform team",
            "Enabling teams",
            "Complicated-subsystem teams"
        ]
    );
    assert_eq!(
        map[2].concern,
        Some(
            q.question("tt.interaction.enabling-duration")
                .unwrap()
                .advice
                .as_str()
        )
    );
    assert_eq!(
        map[3].concern, None,
        "a long X-as-a-Service is how it should be"
    );
    // Their advice differs: one hands over, the other keeps the specialism.
    assert_ne!(
        q.question("tt.interaction.enabling-mode").unwrap().advice,
        q.question("tt.interaction.subsystem-mode").unwrap().advice
    );
}
