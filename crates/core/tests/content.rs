//! The content a coach trusts: the rules the built-in questionnaires must keep (four
//! questions or more per scored dimension, a source that names a document, no advice
//! given twice), "Don't know" as an answer, Westrum on its own scale, and runs saved
//! before the content review still reading, scoring and charting.

use maturity_core::assessment::history::team_history;
use maturity_core::assessment::model::{AnswerKind, DONT_KNOW};
use maturity_core::assessment::recommend::{recommendations, unknowns, GENERAL_IF_UNKNOWN};
use maturity_core::assessment::scoring::{format_score, next_steps, on_own_scale};
use maturity_core::workshop::stats::aggregate;
use maturity_core::{score, sources, Catalog, Run, Store, TeamId};
use std::collections::{BTreeMap, BTreeSet};

/// Runs saved before the content review (issue 13): every question of that day
/// answered, in two finished runs of all five questionnaires.
const BEFORE_REVIEW: &str = include_str!("fixtures/store-v3-before-content-review.json");

/// The frameworks whose dimensions we write ourselves; DORA's five metrics and
/// Westrum's six statements are fixed by their sources.
const OUR_DIMENSIONS: [&str; 3] = ["calms", "three-ways", "team-topologies"];

/// Fewest active questions a scored dimension of ours may have: fewer is too thin a
/// score for anyone to act on.
const MIN_QUESTIONS_PER_DIMENSION: usize = 4;

#[test]
fn every_scored_dimension_of_ours_has_at_least_four_questions() {
    let catalog = Catalog::builtin();
    for id in OUR_DIMENSIONS {
        let q = catalog.get(id).expect(id);
        for d in q.dimensions.iter().filter(|d| d.scored) {
            let n = q.active_questions().filter(|x| x.dimension == d.id).count();
            assert!(
                n >= MIN_QUESTIONS_PER_DIMENSION,
                "{id}: dimension {:?} has {n} active questions",
                d.id
            );
        }
    }
}

#[test]
fn every_question_names_a_document_listed_in_docs_sources() {
    assert!(
        sources::documents().len() >= 10,
        "docs/sources.md has its table of documents"
    );
    let catalog = Catalog::builtin();
    for q in catalog.all() {
        for question in &q.questions {
            let parts: Vec<&str> = sources::parts(&question.source).collect();
            assert!(!parts.is_empty(), "{}: no source", question.id);
            for part in parts {
                assert!(
                    sources::document(part).is_some(),
                    "{}: source part {part:?} names no document of docs/sources.md",
                    question.id
                );
                assert!(
                    !part.to_lowercase().starts_with("seed article"),
                    "{}: {part:?}",
                    question.id
                );
            }
        }
    }
}

#[test]
fn a_cited_source_carries_its_year() {
    let with_year = sources::documents()
        .iter()
        .find(|d| d.year.is_some())
        .expect("a dated document");
    let cited = sources::cite(&format!("{}: an idea", with_year.short));
    assert_eq!(
        cited,
        format!("{} ({}): an idea", with_year.short, with_year.year.unwrap())
    );
    assert_eq!(sources::cite("Unknown thing"), "Unknown thing");
}

#[test]
fn no_two_questions_give_the_same_advice() {
    let catalog = Catalog::builtin();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for q in catalog.all() {
        for question in q.active_questions() {
            let texts = std::iter::once(&question.advice).chain(question.if_unknown.as_ref());
            for text in texts {
                let key = text.trim().to_lowercase();
                if let Some(other) = seen.insert(key, question.id.clone()) {
                    panic!("{} and {other} give the same advice: {text}", question.id);
                }
            }
        }
    }
}

#[test]
fn every_dora_metric_says_what_to_do_when_nobody_knows_it() {
    let catalog = Catalog::builtin();
    let dora = catalog.get("dora").unwrap();
    for question in dora.active_questions() {
        assert!(
            question
                .if_unknown
                .as_deref()
                .is_some_and(|t| !t.is_empty()),
            "{} has no if_unknown advice",
            question.id
        );
    }
}

/// Every active question of every questionnaire answered with its lowest answer.
fn lowest_run(catalog: &Catalog) -> Run {
    let ids: Vec<String> = catalog.all().iter().map(|q| q.id.clone()).collect();
    let mut answers = BTreeMap::new();
    for q in catalog.all() {
        for question in q.active_questions() {
            let lowest = match question.answer {
                AnswerKind::Choice => 0,
                AnswerKind::Percent => 100,
            };
            answers.insert(question.id.clone(), lowest);
        }
    }
    let mut run: Run =
        serde_json::from_str(r#"{"id":"r","team":"t","questionnaires":[],"started_at":1}"#)
            .unwrap();
    run.questionnaires = ids;
    run.finished_at = Some(2);
    run.answers = answers;
    run
}

#[test]
fn one_run_never_recommends_the_same_thing_twice() {
    let catalog = Catalog::builtin();
    let run = lowest_run(&catalog);
    // Everything the results page offers: "Where to start" and each questionnaire's
    // "What to try next" for its weakest dimensions.
    let mut given: Vec<&str> = Vec::new();
    for r in recommendations(&catalog, &run, usize::MAX) {
        given.extend(r.steps.iter().map(|q| q.advice.as_str()));
    }
    let overview: BTreeSet<&str> = given.iter().copied().collect();
    assert_eq!(overview.len(), given.len(), "the overview repeats advice");
    let mut sections: Vec<String> = Vec::new();
    for q in catalog.all() {
        let result = score(&q, &run.answers);
        let weakest: Vec<&str> = result
            .weakest()
            .iter()
            .map(|d| d.dimension.as_str())
            .collect();
        sections.extend(
            next_steps(&q, &run.answers, &weakest, usize::MAX)
                .iter()
                .map(|x| x.advice.clone()),
        );
    }
    let unique: BTreeSet<&String> = sections.iter().collect();
    assert_eq!(
        unique.len(),
        sections.len(),
        "two questionnaires give the same advice"
    );
}

#[test]
fn dont_know_is_counted_apart_never_scored() {
    let catalog = Catalog::builtin();
    let calms = catalog.get("calms").unwrap();
    let culture: Vec<_> = calms
        .active_questions()
        .filter(|q| q.dimension == "culture")
        .collect();
    let top = |q: &maturity_core::Question| (q.choices.len() - 1) as u8;
    let mut answers = BTreeMap::from([
        (culture[0].id.clone(), top(culture[0])),
        (culture[1].id.clone(), DONT_KNOW),
    ]);
    let result = score(calms, &answers);
    let d = result
        .dimensions
        .iter()
        .find(|d| d.dimension == "culture")
        .unwrap();
    assert_eq!(d.score, Some(10.0), "not a zero: left out of the mean");
    assert_eq!((d.answered, d.unknown), (1, 1));
    assert_eq!(result.unknown, 1);
    // Only "Don't know": no score, but counted.
    answers.remove(&culture[0].id);
    let result = score(calms, &answers);
    assert_eq!(result.overall, None);
    assert_eq!(result.unknown, 1);
    // A percentage question too: "Don't know" is not 0% (which would score 10) nor
    // 100% (which would score 0).
    let dora = catalog.get("dora").unwrap();
    let answers = BTreeMap::from([(
        maturity_core::dora::clusters::CHANGE_FAILURE_RATE.to_string(),
        DONT_KNOW,
    )]);
    let result = score(dora, &answers);
    assert_eq!((result.overall, result.unknown), (None, 1));
    assert_eq!(
        maturity_core::dora::clusters::Delivery::from_answers(&answers).change_failure_rate,
        None
    );
}

#[test]
fn dont_know_is_advised_with_the_question_s_own_advice() {
    let catalog = Catalog::builtin();
    let mut run = lowest_run(&catalog);
    run.answers.insert(
        maturity_core::dora::clusters::LEAD_TIME.to_string(),
        DONT_KNOW,
    );
    let found = unknowns(&catalog, &run);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].question.id,
        maturity_core::dora::clusters::LEAD_TIME
    );
    assert_eq!(
        Some(found[0].advice),
        found[0].question.if_unknown.as_deref()
    );
    assert_ne!(found[0].advice, GENERAL_IF_UNKNOWN);
    // A question without its own gets the general suggestion.
    let plain = catalog
        .all()
        .iter()
        .flat_map(|q| q.active_questions().cloned().collect::<Vec<_>>())
        .find(|q| q.if_unknown.is_none())
        .expect("some question has no if_unknown");
    run.answers.insert(plain.id.clone(), DONT_KNOW);
    let found = unknowns(&catalog, &run);
    let general = found.iter().find(|u| u.question.id == plain.id).unwrap();
    assert_eq!(general.advice, GENERAL_IF_UNKNOWN);
}

#[test]
fn a_room_counts_dont_know_apart_and_defaults_to_it_only_when_nobody_knew() {
    let catalog = Catalog::builtin();
    let steps = catalog.steps(&["calms".to_string()]);
    let id = steps[0].question().id.clone();
    let person = |v: u8| BTreeMap::from([(id.clone(), v)]);
    let (a, b, c) = (person(DONT_KNOW), person(DONT_KNOW), person(3));
    let stats = aggregate(&steps[..1], &[&a, &b, &c]);
    assert_eq!((stats[0].answers, stats[0].dont_know), (1, 2));
    assert_eq!(stats[0].consensus, Some(3), "the one who knew");
    assert_eq!(stats[0].mean, Some(3.0), "no 255 in the mean");
    let stats = aggregate(&steps[..1], &[&a, &b]);
    assert_eq!((stats[0].answers, stats[0].dont_know), (0, 2));
    assert_eq!(stats[0].consensus, Some(DONT_KNOW));
}

#[test]
fn westrum_is_also_shown_on_its_one_to_seven_scale() {
    let catalog = Catalog::builtin();
    let westrum = catalog.get("westrum").unwrap();
    assert_eq!(westrum.own_scale(), Some(7));
    // 7.5 / 10 is 5.5 of 7: the mean agreement DORA reports.
    assert!((on_own_scale(7.5, 7) - 5.5).abs() < 1e-12);
    assert_eq!(on_own_scale(0.0, 7), 1.0);
    assert_eq!(on_own_scale(10.0, 7), 7.0);
    // Answers averaging position 4.5 (counted from 1) read "4.5 of 7".
    let ids: Vec<String> = westrum.active_questions().map(|q| q.id.clone()).collect();
    let answers: BTreeMap<String, u8> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), if i % 2 == 0 { 3 } else { 4 }))
        .collect();
    let result = score(westrum, &answers);
    assert_eq!(westrum.own_scale(), Some(7));
    assert_eq!(
        format_score(result.overall.map(|s| on_own_scale(s, 7))),
        "4.5"
    );
    // Only questionnaires that ask for it.
    let calms = catalog.get("calms").unwrap();
    assert_eq!(calms.own_scale(), None);
}

#[test]
fn runs_saved_before_the_content_review_still_read_score_and_chart() {
    let catalog = Catalog::builtin();
    let (store, dropped) = Store::decode_reporting(BEFORE_REVIEW).expect("reads");
    assert_eq!(dropped, 0, "no saved answer is dropped");
    let raw: serde_json::Value = serde_json::from_str(BEFORE_REVIEW).unwrap();
    let saved: usize = raw["runs"][0]["answers"]
        .as_object()
        .unwrap()
        .values()
        .map(|g| g.as_object().unwrap().len())
        .sum();
    let run = &store.runs[0];
    assert_eq!(run.answers.len(), saved);
    // Every answered question is still known, retired or not, and takes its answer.
    for (id, &value) in &run.answers {
        let question = catalog
            .question(id)
            .unwrap_or_else(|| panic!("{id} is gone"));
        assert!(question.accepts(value), "{id}: {value}");
    }
    // Every questionnaire scores from every one of its saved answers.
    for q in catalog.all() {
        let result = score(&q, &run.answers);
        let answered_here = run
            .answers
            .keys()
            .filter(|id| {
                q.question(id)
                    .is_some_and(|x| q.dimension(&x.dimension).is_some_and(|d| d.scored))
            })
            .count();
        assert_eq!(result.answered, answered_here, "{}", q.id);
        assert!(result.overall.is_some(), "{}", q.id);
    }
    // And the team's history charts both runs for every questionnaire.
    let history = team_history(&store.runs_of(&TeamId("t-before".into())), &catalog);
    assert_eq!(history.finished, 2);
    assert_eq!(history.trends.len(), 5);
    for trend in &history.trends {
        assert_eq!(trend.at.len(), 2, "{}", trend.questionnaire);
        assert!(
            trend.overall.iter().all(Option::is_some),
            "{}",
            trend.questionnaire
        );
    }
}
