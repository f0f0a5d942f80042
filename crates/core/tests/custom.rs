//! Questionnaires of the user's own: the documented example loads, errors point at
//! the field, collisions with built-in ids are refused, and the store keeps them.

use maturity_core::assessment::catalog::{Catalog, CatalogError};
use maturity_core::error::*;
use maturity_core::store::import::merge;
use maturity_core::{RunId, Store, TeamId};

const EXAMPLE: &str = include_str!("../../../questionnaires/examples/psychological-safety.json");

#[test]
fn the_documented_example_loads_and_is_used_like_a_built_in_one() {
    let builtin = Catalog::builtin();
    let q = builtin
        .parse_custom("psychological-safety.json", EXAMPLE)
        .unwrap();
    let mut store = Store::new();
    assert_eq!(store.add_questionnaire(q.clone(), &builtin, 1), Ok(false));
    let catalog = builtin.with_custom(&store.questionnaires);
    assert_eq!(catalog.all().len(), builtin.all().len() + 1);
    let run = store
        .start_run(
            "Team",
            vec!["psych-safety".into()],
            TeamId("t".into()),
            RunId("r".into()),
            2,
        )
        .unwrap();
    store
        .answer(&run, "psych-safety.speaking-up.mistakes", 4, 3)
        .unwrap();
    let steps = catalog.steps(&store.run(&run).unwrap().questionnaires);
    assert_eq!(steps.len(), 4);
    let score = maturity_core::score(
        catalog.get("psych-safety").unwrap(),
        &store.run(&run).unwrap().answers,
    );
    assert_eq!(score.dimensions[0].score, Some(10.0));
    // Kept in the store, and read back.
    assert_eq!(Store::decode(&store.encode().unwrap()).unwrap(), store);
    // Loading it again replaces it; in use, it cannot be removed.
    assert_eq!(store.add_questionnaire(q, &builtin, 4), Ok(true));
    assert_eq!(
        store.remove_questionnaire("psych-safety", 5),
        Err(ChangeError::Questionnaire(QuestionnaireError::InUse(1)))
    );
}

#[test]
fn a_mistyped_value_names_its_field_and_line_apart_for_the_headline() {
    let builtin = Catalog::builtin();
    let text = EXAMPLE.replacen("\"label\": \"Never\"", "\"label\": 7", 1);
    let line = text
        .lines()
        .position(|l| l.contains("\"label\": 7"))
        .unwrap()
        + 1;
    match builtin.parse_custom("mine.json", &text) {
        Err(CatalogError::Parse { path, line: at, .. }) => {
            assert_eq!(path, "questions[1].choices[0].label");
            assert_eq!(at, line, "the line of the mistyped value");
        }
        other => panic!("{other:?}"),
    }
    // Not JSON at all: about the whole file, no field.
    match builtin.parse_custom("mine.json", "not json") {
        Err(CatalogError::Parse { path, line, .. }) => assert_eq!((path.as_str(), line), ("", 1)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn errors_point_at_the_field() {
    let builtin = Catalog::builtin();
    let cases: Vec<(String, &str)> = vec![
        (
            EXAMPLE.replacen("\"label\": \"Never\"", "\"label\": 7", 1),
            "at questions[1].choices[0].label: invalid type: integer `7`, expected a string",
        ),
        (
            EXAMPLE.replacen("\"text\": \"Can people", "\"txt\": \"Can people", 1),
            "at questions[1].txt: unknown field `txt`",
        ),
        (
            EXAMPLE.replacen("\"format_version\": 1", "\"format_version\": 2", 1),
            "format_version is 2",
        ),
        (
            EXAMPLE.replacen(
                "\"dimension\": \"learning\"",
                "\"dimension\": \"learnin\"",
                1,
            ),
            "learnin",
        ),
        (
            // The id and the questionnaire its translation names.
            EXAMPLE.replace("\"psych-safety\"", "\"calms\""),
            "\"calms\" is already used",
        ),
        (
            EXAMPLE.replace("\"psych-safety.", "\"other."),
            "start with its own id",
        ),
        (EXAMPLE[..300].to_string(), "EOF while parsing"),
        ("x".repeat(300 * 1024), "larger than 256 KB"),
    ];
    for (text, says) in cases {
        let error = builtin.parse_custom("mine.json", &text).expect_err(says);
        assert!(
            error.to_string().contains(says),
            "{error}\n should say: {says}"
        );
        assert!(
            error.to_string().starts_with("mine.json")
                || matches!(
                    error,
                    CatalogError::DuplicateQuestionnaire { .. }
                        | CatalogError::QuestionPrefix { .. }
                ),
            "{error}"
        );
    }
}

#[test]
fn a_backup_carries_them_to_another_browser() {
    let builtin = Catalog::builtin();
    let mut store = Store::new();
    store
        .add_questionnaire(builtin.parse_custom("f", EXAMPLE).unwrap(), &builtin, 1)
        .unwrap();
    let mut other = Store::new();
    let plan = maturity_core::store::import::plan_import(&other, &store.encode().unwrap()).unwrap();
    assert_eq!(plan.new_questionnaires, 1);
    merge(&mut other, plan, 2).unwrap();
    assert_eq!(other.questionnaires, store.questionnaires);
}

#[test]
fn an_id_whose_answers_would_mix_with_another_questionnaire_is_refused() {
    let builtin = Catalog::builtin();
    // Team Topologies' questions are stored under "tt.": a questionnaire "tt" would
    // share their answers.
    let clash = EXAMPLE.replace("psych-safety", "tt");
    let error = builtin.parse_custom("tt.json", &clash).unwrap_err();
    assert!(
        error.to_string().contains("\"tt\" is already used"),
        "{error}"
    );
}

#[test]
fn a_questionnaire_in_use_is_not_changed_under_its_answers() {
    let builtin = Catalog::builtin();
    let q = builtin.parse_custom("f", EXAMPLE).unwrap();
    let mut store = Store::new();
    store.add_questionnaire(q.clone(), &builtin, 1).unwrap();
    store
        .start_run(
            "T",
            vec!["psych-safety".into()],
            TeamId("t".into()),
            RunId("r".into()),
            2,
        )
        .unwrap();
    assert_eq!(
        store.add_questionnaire(q.clone(), &builtin, 3),
        Ok(true),
        "the same file again is fine"
    );
    let mut changed = q;
    let gone = changed.questions.pop().unwrap();
    for t in &mut changed.translations {
        t.questions.remove(&gone.id);
    }
    assert_eq!(
        store.add_questionnaire(changed, &builtin, 4),
        Err(ChangeError::Questionnaire(QuestionnaireError::InUse(1)))
    );
    assert_eq!(store.questionnaires[0].questions.len(), 4);
}
