//! Questionnaire translations: every shipped language covers every built-in
//! questionnaire, and a translation that lacks an id, adds one or changes the
//! number of choices is refused with the field's path, by the same validator.

use maturity_core::assessment::catalog::{parse_translation, Catalog, CatalogError, BUILTIN_FILES};
use maturity_core::assessment::model::{
    DimensionText, QuestionText, Questionnaire, Translation, QUESTIONNAIRE_FORMAT_VERSION,
};
use maturity_core::assessment::scoring::score;
use maturity_core::assessment::validate::{validate_translation, Problem};
use maturity_core::language::Language;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn i18n_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../questionnaires/i18n")
}

fn builtin(id: &str) -> Questionnaire {
    Catalog::builtin().get(id).expect(id).as_ref().clone()
}

/// A translation of `q` into `language` that repeats the English text.
fn identity(q: &Questionnaire, language: &str) -> Translation {
    Translation {
        format_version: QUESTIONNAIRE_FORMAT_VERSION,
        language: language.into(),
        questionnaire: q.id.clone(),
        title: q.title.clone(),
        summary: q.summary.clone(),
        dimensions: q
            .dimensions
            .iter()
            .map(|d| {
                let text = DimensionText {
                    name: d.name.clone(),
                    description: d.description.clone(),
                };
                (d.id.clone(), text)
            })
            .collect(),
        questions: q
            .questions
            .iter()
            .map(|x| {
                let text = QuestionText {
                    text: x.text.clone(),
                    choices: x.choices.clone(),
                    advice: x.advice.clone(),
                    if_unknown: x.if_unknown.clone(),
                };
                (x.id.clone(), text)
            })
            .collect(),
    }
}

fn problems(q: &Questionnaire, t: &Translation) -> Vec<String> {
    match validate_translation("es/calms.json", q, t) {
        Ok(()) => Vec::new(),
        Err(found) => found.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn every_language_translates_every_builtin_questionnaire() {
    for language in Language::ALL.into_iter().filter(|l| *l != Language::En) {
        let dir = i18n_dir().join(language.code());
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut expected: Vec<String> = BUILTIN_FILES.iter().map(|b| b.file.to_string()).collect();
        expected.sort();
        assert_eq!(
            files,
            expected,
            "{}: one file per built-in questionnaire, no others",
            dir.display()
        );
        for builtin in &BUILTIN_FILES {
            let file = format!("{}/{}", language.code(), builtin.file);
            let text = std::fs::read_to_string(dir.join(builtin.file)).unwrap();
            let t = parse_translation(&file, &text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(t.language, language.code(), "{file}");
            assert_eq!(t.questionnaire, builtin.id, "{file}");
            // Translated, not copied: the question texts differ from English.
            let q = builtin_q(builtin.id);
            let same = q
                .questions
                .iter()
                .filter(|x| t.questions[&x.id].text == x.text)
                .count();
            assert_eq!(
                same, 0,
                "{file}: {same} question texts are still in English"
            );
        }
    }
}

fn builtin_q(id: &str) -> Questionnaire {
    builtin(id)
}

#[test]
fn a_missing_an_unknown_and_a_miscounted_entry_are_refused_with_their_paths() {
    let q = builtin("calms");
    let mut t = identity(&q, "es");
    let first = q.questions[0].id.clone();
    let second = q.questions[1].id.clone();
    t.questions.remove(&first);
    t.questions
        .insert("calms.made-up".into(), t.questions[&second].clone());
    t.questions.get_mut(&second).unwrap().choices.pop();
    t.dimensions.remove(&q.dimensions[0].id);
    let found = problems(&q, &t);
    let expect = [
        format!("questions[{first:?}] is missing"),
        "questions[\"calms.made-up\"] is not in the questionnaire".to_string(),
        format!("questions[{second:?}].choices has"),
        format!("dimensions[{:?}] is missing", q.dimensions[0].id),
    ];
    for e in &expect {
        assert!(
            found
                .iter()
                .any(|p| p.contains(e) && p.starts_with("es/calms.json: ")),
            "{e:?} not in {found:#?}"
        );
    }
    assert_eq!(found.len(), expect.len(), "{found:#?}");
}

#[test]
fn empty_text_a_wrong_header_and_unmatched_dont_know_advice_are_refused() {
    let q = builtin("dora");
    let mut t = identity(&q, "tlh");
    t.questionnaire = "calms".into();
    t.format_version = 9;
    let id = q.questions[0].id.clone();
    t.questions.get_mut(&id).unwrap().choices[2].label = "  ".into();
    t.questions.get_mut(&id).unwrap().if_unknown = None;
    let found = problems(&q, &t);
    for e in [
        "format_version is 9".to_string(),
        "\"tlh\" is not one this app speaks".to_string(),
        "`questionnaire` is \"calms\"".to_string(),
        format!("questions[{id:?}].choices[2].label is empty"),
        format!("questions[{id:?}].if_unknown is missing"),
    ] {
        assert!(
            found.iter().any(|p| p.contains(&e)),
            "{e:?} not in {found:#?}"
        );
    }
    // A language tag must be the app's own spelling, not a regional variant.
    assert!(problems(&q, &identity(&q, "es-MX"))
        .iter()
        .any(|p| p.contains("not one this app speaks")));
    assert!(problems(&q, &identity(&q, "de")).is_empty());
}

#[test]
fn a_translation_file_with_a_bad_field_names_it() {
    let err = parse_translation("fr/dora.json", r#"{"format_version": 1, "language": "fr", "questionnaire": "dora", "title": "t", "summary": "s", "dimensions": {}, "questions": {"dora.lead-time": {"text": 3}}}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("fr/dora.json: ") && err.contains("questions.dora.lead-time.text"),
        "{err}"
    );
    let err = parse_translation("fr/x.json", r#"{"format_version": 1, "language": "fr", "questionnaire": "nope", "title": "t", "summary": "s", "dimensions": {}, "questions": {}}"#)
        .unwrap_err();
    assert!(
        matches!(err, CatalogError::Parse { .. }) && err.to_string().contains("\"nope\""),
        "{err}"
    );
}

#[test]
fn a_catalog_in_another_language_scores_the_same_runs_the_same() {
    let q = builtin("calms");
    let mut t = identity(&q, "de");
    t.title = "CALMS (de)".into();
    for (i, text) in t.questions.values_mut().enumerate() {
        text.text = format!("Frage {i}");
    }
    let german = Catalog::builtin().in_language("de", std::slice::from_ref(&t));
    let translated = german.get("calms").unwrap();
    assert_eq!(translated.title, "CALMS (de)");
    assert!(translated
        .questions
        .iter()
        .all(|x| x.text.starts_with("Frage ")));
    // Ids, scales and sources are the original's.
    for (a, b) in translated.questions.iter().zip(&q.questions) {
        assert_eq!(
            (&a.id, &a.dimension, a.choices.len(), &a.source, a.retired),
            (&b.id, &b.dimension, b.choices.len(), &b.source, b.retired)
        );
    }
    // Another language of the same catalog falls back to the original.
    assert_eq!(
        Catalog::builtin()
            .in_language("fr", &[t.clone()])
            .get("calms")
            .unwrap()
            .title,
        q.title
    );
    // Back to English from German.
    assert_eq!(
        german.in_language("en", &[]).get("calms").unwrap().title,
        q.title
    );
    let answers: BTreeMap<String, u8> = q
        .active_questions()
        .enumerate()
        .map(|(i, x)| (x.id.clone(), (i % x.choices.len()) as u8))
        .collect();
    assert_eq!(score(translated, &answers), score(&q, &answers));
}

#[test]
fn a_file_of_ones_own_may_carry_translations_checked_like_the_rest() {
    let text = include_str!("../../../questionnaires/examples/psychological-safety.json");
    let catalog = Catalog::builtin();
    let mut q = catalog.parse_custom("mine.json", text).unwrap();
    assert!(
        !q.translations.is_empty(),
        "the example shows how to carry a translation"
    );
    let language = q.translations[0].language.clone();
    let shown = catalog
        .with_custom(std::slice::from_ref(&q))
        .in_language(&language, &[]);
    let mine = shown.get(&q.id).unwrap();
    assert_eq!(mine.title, q.translations[0].title);
    assert_ne!(mine.questions[0].text, q.questions[0].text);
    // Lacking a question: refused with the path, as a questionnaire's own fields are.
    let id = q.questions[0].id.clone();
    q.translations[0].questions.remove(&id);
    let err = catalog.check_custom(&q).unwrap_err().to_string();
    assert!(
        err.contains(&format!("translations[0]: questions[{id:?}] is missing")),
        "{err}"
    );
    let doubled = {
        let mut q = catalog.parse_custom("mine.json", text).unwrap();
        q.translations.push(q.translations[0].clone());
        q
    };
    assert!(
        matches!(catalog.check_custom(&doubled), Err(CatalogError::Invalid(p)) if p.iter().any(|p| matches!(p, Problem::TranslationTwice { .. })))
    );
}
