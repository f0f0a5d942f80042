//! Workshops: statistics per question, the discuss-first order, the default team
//! answer, and the store changes from invitation to saved run.

use maturity_core::assessment::model::Question;
use maturity_core::assessment::records::Action;
use maturity_core::error::*;
use maturity_core::store::Added;
use maturity_core::workshop::codec::{AnswerCode, Invitation, Layout};
use maturity_core::workshop::stats::{
    aggregate, consensus, discuss_first, room as room_rows, stats,
};
use maturity_core::{Catalog, RunId, Store, TeamId};
use std::collections::BTreeMap;

fn question(id: &str) -> Question {
    Catalog::builtin()
        .all()
        .iter()
        .find_map(|q| q.question(id).cloned())
        .unwrap_or_else(|| panic!("no question {id}"))
}

const CHOICE: &str = "calms.culture.shared-goals"; // 5 choices, scored
const PERCENT: &str = "dora.change-failure-rate"; // 0-100, lower is better
const TEAM_TYPE: &str = "tt.team-kind"; // classification, not scored
const RETIRED: &str = "calms.lean.waiting"; // retired, kept for old results
const UNANSWERED: &str = "calms.lean.wip"; // asked, answered by nobody below

#[test]
fn statistics_per_question_table() {
    struct Case {
        name: &'static str,
        question: &'static str,
        scored: bool,
        values: &'static [u8],
        answers: usize,
        mean: Option<f64>,
        range: (Option<u8>, Option<u8>),
        histogram: &'static [usize],
        consensus: Option<u8>,
        disagreement: f64,
    }
    let cases = [
        Case {
            name: "nobody answered",
            question: CHOICE,
            scored: true,
            values: &[],
            answers: 0,
            mean: None,
            range: (None, None),
            histogram: &[0, 0, 0, 0, 0],
            consensus: None,
            disagreement: 0.0,
        },
        Case {
            name: "N = 1",
            question: CHOICE,
            scored: true,
            values: &[3],
            answers: 1,
            mean: Some(3.0),
            range: (Some(3), Some(3)),
            histogram: &[0, 0, 0, 1, 0],
            consensus: Some(3),
            disagreement: 0.0,
        },
        Case {
            name: "all agree",
            question: CHOICE,
            scored: true,
            values: &[2, 2, 2, 2],
            answers: 4,
            mean: Some(2.0),
            range: (Some(2), Some(2)),
            histogram: &[0, 0, 4, 0, 0],
            consensus: Some(2),
            disagreement: 0.0,
        },
        Case {
            name: "bimodal: split between the extremes",
            question: CHOICE,
            scored: true,
            values: &[4, 0, 4, 0],
            answers: 4,
            mean: Some(2.0),
            range: (Some(0), Some(4)),
            histogram: &[2, 0, 0, 0, 2],
            // Even count: the less mature middle answer.
            consensus: Some(0),
            disagreement: 1.0,
        },
        Case {
            name: "odd count: the middle answer",
            question: CHOICE,
            scored: true,
            values: &[4, 1, 3],
            answers: 3,
            mean: Some(8.0 / 3.0),
            range: (Some(1), Some(4)),
            histogram: &[0, 1, 0, 1, 1],
            consensus: Some(3),
            disagreement: 0.0, // checked separately below
        },
        Case {
            name: "percent, even count: the higher (worse) middle value",
            question: PERCENT,
            scored: true,
            values: &[5, 40, 10, 100],
            answers: 4,
            mean: Some(38.75),
            range: (Some(5), Some(100)),
            histogram: &[1, 1, 0, 0, 1, 0, 0, 0, 0, 1],
            consensus: Some(40),
            disagreement: 0.0, // checked separately below
        },
        Case {
            name: "classification: the most common answer, first listed on a tie",
            question: TEAM_TYPE,
            scored: false,
            values: &[2, 1, 2, 1, 0],
            answers: 5,
            mean: Some(1.2),
            range: (Some(0), Some(2)),
            histogram: &[1, 2, 2, 0, 0, 0, 0, 0],
            consensus: Some(1),
            disagreement: 0.6,
        },
    ];
    for case in cases {
        let q = question(case.question);
        let mut values = case.values.to_vec();
        let s = stats(&q, case.scored, &mut values);
        assert_eq!(s.answers, case.answers, "{}", case.name);
        match (s.mean, case.mean) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{}: mean {a}", case.name),
            (a, b) => assert_eq!(a, b, "{}", case.name),
        }
        assert_eq!((s.lowest, s.highest), case.range, "{}", case.name);
        assert_eq!(
            &s.histogram[..case.histogram.len().min(s.histogram.len())],
            case.histogram,
            "{}",
            case.name
        );
        assert_eq!(
            s.histogram.len(),
            case.histogram.len(),
            "{}: bins",
            case.name
        );
        assert_eq!(s.consensus, case.consensus, "{}", case.name);
        if case.disagreement > 0.0 || case.values.len() < 2 || case.name == "all agree" {
            assert!(
                (s.disagreement - case.disagreement).abs() < 1e-9,
                "{}: disagreement {}",
                case.name,
                s.disagreement
            );
        }
        assert_eq!(
            s.mean_score.is_some(),
            case.scored && case.answers > 0,
            "{}",
            case.name
        );
    }
}

#[test]
fn disagreement_grows_with_the_spread() {
    let q = question(CHOICE);
    let measure = |values: &[u8]| stats(&q, true, &mut values.to_vec()).disagreement;
    assert!(measure(&[2, 2, 2]) < measure(&[1, 2, 3]));
    assert!(measure(&[1, 2, 3]) < measure(&[0, 2, 4]));
    assert!(
        measure(&[0, 1, 2, 3, 4]) < measure(&[0, 0, 4, 4]),
        "bimodal beats spread-out"
    );
}

#[test]
fn answers_that_are_not_possible_are_left_out() {
    let catalog = Catalog::builtin();
    let steps = catalog.steps(&["calms".to_string()]);
    let mut a = BTreeMap::new();
    a.insert(CHOICE.to_string(), 9); // there are 5 choices
    let mut b = BTreeMap::new();
    b.insert(CHOICE.to_string(), 1);
    let all = aggregate(&steps, &[&a, &b]);
    let s = all.iter().find(|s| s.question == CHOICE).unwrap();
    assert_eq!(s.answers, 1);
    assert_eq!(s.consensus, Some(1));
    // Missing answers: every other question has none, and is not counted as zero.
    assert!(all
        .iter()
        .filter(|s| s.question != CHOICE)
        .all(|s| s.answers == 0 && s.mean.is_none()));
}

#[test]
fn discuss_first_puts_the_widest_split_first_and_the_unanswered_last() {
    let catalog = Catalog::builtin();
    let steps = catalog.steps(&["calms".to_string()]);
    let ids: Vec<&str> = steps.iter().map(|s| s.question().id.as_str()).collect();
    let people: Vec<BTreeMap<String, u8>> = [[0u8, 2, 4], [4, 2, 2], [0, 2, 3], [4, 2, 2]]
        .iter()
        .map(|row| {
            ids.iter()
                .take(3)
                .map(|id| id.to_string())
                .zip(row.iter().copied())
                .collect()
        })
        .collect();
    let refs: Vec<&BTreeMap<String, u8>> = people.iter().collect();
    let all = aggregate(&steps, &refs);
    let order = discuss_first(&all);
    // Question 0 is split 0/4, question 2 spreads 2-4, question 1 is unanimous.
    assert_eq!(&order[..3], &[0, 2, 1]);
    assert!(order[3..].iter().all(|&i| all[i].answers == 0));
    assert_eq!(
        order[3..].to_vec(),
        (3..ids.len()).collect::<Vec<_>>(),
        "then file order"
    );
}

#[test]
fn consensus_of_nothing_is_nothing() {
    assert_eq!(consensus(&question(CHOICE), true, &[]), None);
}

fn workshop_store() -> (Store, Catalog, Layout, u32) {
    let catalog = Catalog::builtin();
    let questionnaires = vec!["calms".to_string(), "dora".to_string()];
    let layout = Layout::new(&catalog, &questionnaires);
    let mut store = Store::new();
    let id = store
        .start_workshop(
            "Payments",
            questionnaires,
            &layout,
            TeamId("t1".into()),
            0xabc,
            1000,
        )
        .unwrap();
    (store, catalog, layout, id)
}

fn code(workshop: u32, participant: u32, answers: &[(&str, u8)]) -> AnswerCode {
    AnswerCode {
        workshop,
        participant,
        edits: answers.len() as u32,
        answers: answers.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
    }
}

#[test]
fn collecting_codes_counts_each_participant_once() {
    let (mut store, _, _, id) = workshop_store();
    assert_eq!(
        store.add_submission(code(id, 1, &[(CHOICE, 1)]), 2000),
        Ok(Added::New)
    );
    assert_eq!(
        store.add_submission(code(id, 2, &[(CHOICE, 3)]), 2001),
        Ok(Added::New)
    );
    let revision = store.revision;
    assert_eq!(
        store.add_submission(code(id, 1, &[(CHOICE, 1)]), 2002),
        Ok(Added::Duplicate)
    );
    assert_eq!(store.revision, revision, "a duplicate changes nothing");
    assert_eq!(
        store.add_submission(code(id, 1, &[(CHOICE, 2)]), 2003),
        Ok(Added::Replaced)
    );
    // An earlier code of the same participant (an old link opened again) is refused.
    let mut later = code(id, 1, &[(CHOICE, 3), (PERCENT, 50)]);
    assert_eq!(
        store.add_submission(later.clone(), 2004),
        Ok(Added::Replaced)
    );
    let revision = store.revision;
    assert_eq!(
        store.add_submission(code(id, 1, &[(CHOICE, 2)]), 2005),
        Ok(Added::Outdated)
    );
    assert_eq!(store.revision, revision, "an outdated code changes nothing");
    later.answers.remove(PERCENT);
    later.edits += 1;
    assert_eq!(
        store.add_submission(later, 2006),
        Ok(Added::Replaced),
        "a cleared answer is a change too"
    );
    assert_eq!(store.workshop(id).unwrap().submissions[0].answers.len(), 1);
    let w = store.workshop(id).unwrap();
    assert_eq!(w.submissions.len(), 2);
    assert_eq!(w.submissions[0].answers[CHOICE], 3);
    store.drop_submission(id, 2, 2004).unwrap();
    assert_eq!(store.workshop(id).unwrap().submissions.len(), 1);
    assert_eq!(
        store.drop_submission(id, 2, 2005),
        Err(ChangeError::Workshop(WorkshopError::UnknownParticipant))
    );
    assert_eq!(
        store.add_submission(code(0xdead, 3, &[]), 2006),
        Err(ChangeError::Workshop(WorkshopError::Unknown))
    );
}

#[test]
fn a_saved_workshop_becomes_a_run_with_its_spread_notes_and_actions() {
    let (mut store, catalog, _, id) = workshop_store();
    assert_eq!(
        store.save_workshop(id, &catalog, RunId("r".into()), 1),
        Err(ChangeError::Workshop(WorkshopError::NoAnswers))
    );
    store
        .add_submission(code(id, 1, &[(CHOICE, 0), (PERCENT, 10)]), 2000)
        .unwrap();
    store
        .add_submission(code(id, 2, &[(CHOICE, 4), (PERCENT, 30)]), 2001)
        .unwrap();
    store
        .add_submission(code(id, 3, &[(CHOICE, 3)]), 2002)
        .unwrap();
    store.set_revealed(id, CHOICE, true, 2003).unwrap();
    store.agree(id, PERCENT, Some(20), 2004).unwrap();
    store
        .set_discussion(id, CHOICE, "  Ops still has its own targets ", 2005)
        .unwrap();
    let action = Action {
        id: "a1".into(),
        what: " One shared availability goal ".into(),
        owner: "Sam".into(),
        due: "2026-12-01".into(),
        done: false,
        target: None,
    };
    assert_eq!(
        store.add_action(
            id,
            Action {
                due: "next week".into(),
                ..action.clone()
            },
            2006
        ),
        Err(ChangeError::Action(ActionError::BadDate))
    );
    assert_eq!(
        store.add_action(
            id,
            Action {
                what: "  ".into(),
                ..action.clone()
            },
            2006
        ),
        Err(ChangeError::Action(ActionError::Empty))
    );
    store.add_action(id, action, 2006).unwrap();
    let run = store
        .save_workshop(id, &catalog, RunId("r1".into()), 3000)
        .unwrap();
    let run = store.run(&run).unwrap().clone();
    assert_eq!(run.team, TeamId("t1".into()));
    assert_eq!(run.finished_at, Some(3000));
    assert_eq!(run.started_at, 1000);
    assert_eq!(run.answers[CHOICE], 3, "median of 0, 3, 4");
    assert_eq!(run.answers[PERCENT], 20, "what the room agreed");
    assert_eq!(
        run.answers.len(),
        2,
        "questions nobody answered stay unanswered"
    );
    let record = run.workshop.as_ref().unwrap();
    assert_eq!(record.participants, 3);
    assert_eq!(record.spread[CHOICE], vec![0, 3, 4]);
    assert_eq!(record.spread[PERCENT], vec![10, 30]);
    assert_eq!(record.discussion[CHOICE], "Ops still has its own targets");
    assert_eq!(run.actions.len(), 1);
    assert_eq!(run.actions[0].what, "One shared availability goal");
    // The room as the run shows it: every question asked today, with the spread.
    let rows = room_rows(&catalog, &run, record);
    let asked: usize = ["calms", "dora"]
        .iter()
        .map(|q| catalog.get(q).unwrap().active_questions().count())
        .sum();
    assert_eq!(rows.len(), asked, "today's questions, no retired one");
    let choice = rows.iter().find(|r| r.question.id == CHOICE).unwrap();
    assert_eq!(choice.team, Some(3));
    assert_eq!(choice.answers, 3);
    assert_eq!(choice.counts, vec![(0, 1), (3, 1), (4, 1)]);
    assert_eq!(choice.note, "Ops still has its own targets");
    let unanswered = rows.iter().find(|r| r.question.id == UNANSWERED).unwrap();
    assert_eq!((unanswered.team, unanswered.answers), (None, 0));
    // A retired question stays in the room of a workshop that answered it.
    let mut older = record.clone();
    older.spread.insert(RETIRED.into(), vec![1, 1, 2]);
    let rows = room_rows(&catalog, &run, &older);
    assert_eq!(rows.len(), asked + 1);
    let retired = rows.iter().find(|r| r.question.id == RETIRED).unwrap();
    assert!(retired.question.retired);
    assert_eq!(retired.counts, vec![(1, 2), (2, 1)]);
    // Closed: nothing more changes, and the next workshop asks about the actions.
    assert_eq!(
        store.add_submission(code(id, 4, &[]), 4000),
        Err(ChangeError::Workshop(WorkshopError::Saved))
    );
    let saved = store.workshop(id).unwrap();
    assert!(
        saved.submissions.is_empty() && saved.actions.is_empty() && saved.discussion.is_empty(),
        "a saved workshop keeps only a pointer to its run, which holds everything"
    );
    let (last, actions) = store.last_actions(&TeamId("t1".into())).unwrap();
    assert_eq!(last.id, run.id);
    assert_eq!(actions[0].id, "a1");
    store.set_action_done(&run.id, "a1", true, 5000).unwrap();
    assert!(store.run(&run.id).unwrap().actions[0].done);
    // And the store still reads back as written.
    let text = store.encode().unwrap();
    assert_eq!(Store::decode(&text).unwrap(), store);
    // Deleting the run takes the saved workshop's pointer with it.
    store.delete_run(&run.id, 6000).unwrap();
    assert!(store.workshop(id).is_none());
}

#[test]
fn a_participant_joins_once_and_keeps_their_answers() {
    let catalog = Catalog::builtin();
    let questionnaires = vec!["westrum".to_string()];
    let invitation = Invitation {
        workshop: 7,
        team_name: "Payments".into(),
        layout: Layout::new(&catalog, &questionnaires).fingerprint(),
        questionnaires,
    };
    let mut store = Store::new();
    assert_eq!(store.join(&invitation, 42, 1), 42);
    store
        .participant_answer(7, "westrum.seeks-information", Some(5), 2)
        .unwrap();
    store.participant_done(7, true, 3).unwrap();
    assert_eq!(
        store.join(&invitation, 99, 4),
        42,
        "opening the link again resumes"
    );
    let p = store.participation(7).unwrap();
    assert!(p.done);
    assert_eq!(p.answers["westrum.seeks-information"], 5);
    store
        .participant_answer(7, "westrum.seeks-information", Some(4), 5)
        .unwrap();
    assert!(
        !store.participation(7).unwrap().done,
        "a changed answer needs a new code"
    );
    assert_eq!(
        store.participation(7).unwrap().edits,
        2,
        "each change counts"
    );
    assert_eq!(Store::decode(&store.encode().unwrap()).unwrap(), store);
    // Someone else on the same device: a new participant, nothing of the first kept.
    store.rejoin(7, 43, 6).unwrap();
    let p = store.participation(7).unwrap();
    assert_eq!(
        (p.participant, p.answers.len(), p.edits, p.done),
        (43, 0, 0, false)
    );
    store.leave(7, 7).unwrap();
    assert!(store.participation(7).is_none());
}

#[test]
fn damaged_workshop_records_are_dropped_not_the_whole_store() {
    let (store, _, _, id) = workshop_store();
    let mut value: serde_json::Value = serde_json::from_str(&store.encode().unwrap()).unwrap();
    // A workshop of a team that does not exist, a workshop id twice, a participation twice.
    let mut orphan = value["workshops"][0].clone();
    orphan["team"] = "gone".into();
    orphan["id"] = 99.into();
    let twin = value["workshops"][0].clone();
    value["workshops"]
        .as_array_mut()
        .unwrap()
        .extend([orphan, twin]);
    let joined = serde_json::json!({"workshop": 5, "participant": 1, "team_name": "T", "questionnaires": ["calms"], "layout": 0, "joined_at": 0});
    value["participations"] = serde_json::json!([joined.clone(), joined]);
    let read = Store::decode(&value.to_string()).expect("the store still reads");
    assert_eq!(read.teams, store.teams);
    assert_eq!(read.workshops.len(), 1);
    assert_eq!(read.workshops[0].id, id);
    assert_eq!(read.participations.len(), 1);
}

#[test]
fn deleting_a_team_deletes_its_workshops() {
    let (mut store, _, _, id) = workshop_store();
    store.delete_team(&TeamId("t1".into()), 5).unwrap();
    assert!(store.workshop(id).is_none());
    assert!(store.check().is_ok());
}

// Properties of the room's statistics, over real built-in questions and rooms of any
// size and any mix of answers.

use maturity_core::assessment::scoring::question_score;
use maturity_core::workshop::stats::{Agreement, QuestionStats};
use maturity_core::Step;
use proptest::prelude::*;

/// Built-in questions of every kind a room answers: choices of scored dimensions
/// (5, 6 and 7 choices), classifications (Team Topologies, not scored) and DORA's
/// percentage.
const PICKED: [&str; 6] = [
    CHOICE,
    "dora.lead-time",
    "westrum.messengers",
    TEAM_TYPE,
    "tt.interaction.duration",
    PERCENT,
];

/// The ids of every built-in questionnaire.
fn every_questionnaire() -> Vec<String> {
    let catalog = Catalog::builtin();
    catalog.all().iter().map(|q| q.id.clone()).collect()
}

/// The built-in question `id` as a run asks it.
fn step(id: &str) -> Step {
    Catalog::builtin()
        .steps(&every_questionnaire())
        .into_iter()
        .find(|s| s.question().id == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn the_picked_questions_are_of_the_kinds_the_properties_need() {
    let kinds: Vec<(bool, u8)> = PICKED
        .iter()
        .map(|id| {
            let s = step(id);
            (s.is_scored(), s.question().answer_count())
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (true, 5),
            (true, 6),
            (true, 7),
            (false, 8),
            (false, 6),
            (true, 101)
        ]
    );
}

/// One picked question (its id, so that a failure reads short) and the valid
/// answers of a room of 0-39 participants.
fn room() -> impl Strategy<Value = (&'static str, Vec<u8>)> {
    prop::sample::select(&PICKED[..]).prop_flat_map(|id| {
        let count = step(id).question().answer_count();
        (Just(id), prop::collection::vec(0..count, 0..40))
    })
}

/// The statistics of `step` for a room where participant `i` answered `values[i]`,
/// as the workshop pages compute them.
fn room_stats(step: &Step, values: &[u8]) -> QuestionStats {
    let id = &step.question().id;
    let people: Vec<BTreeMap<String, u8>> = values
        .iter()
        .map(|&v| BTreeMap::from([(id.clone(), v)]))
        .collect();
    let refs: Vec<&BTreeMap<String, u8>> = people.iter().collect();
    let mut all = aggregate(std::slice::from_ref(step), &refs);
    assert_eq!(all.len(), 1);
    all.remove(0)
}

/// Some built-in questionnaires (in catalog order) and a room's answers to all of
/// their questions: one row of bytes per participant, one byte per question asked
/// (read by [`answer_maps`]).
fn questionnaire_room() -> impl Strategy<Value = (Vec<String>, Vec<Vec<u8>>)> {
    prop::sample::subsequence(every_questionnaire(), 1..=5).prop_flat_map(|questionnaires| {
        let asked = Catalog::builtin().steps(&questionnaires).len();
        let row = prop::collection::vec(any::<u8>(), asked);
        (Just(questionnaires), prop::collection::vec(row, 0..40))
    })
}

/// The participants' answer maps for `rows` of bytes, one per question of `steps`:
/// mostly a valid answer, sometimes none, now and then a value no question accepts
/// (from a damaged code).
fn answer_maps(steps: &[Step], rows: &[Vec<u8>]) -> Vec<BTreeMap<String, u8>> {
    rows.iter()
        .map(|row| {
            steps
                .iter()
                .zip(row)
                .filter_map(|(s, &byte)| {
                    let answer = match byte {
                        0..=39 => return None,
                        240.. => byte,
                        _ => byte % s.question().answer_count(),
                    };
                    Some((s.question().id.clone(), answer))
                })
                .collect()
        })
        .collect()
}

proptest! {
    #[test]
    fn the_default_team_answer_is_one_the_room_gave((id, values) in room()) {
        let step = step(id);
        let s = room_stats(&step, &values);
        prop_assert_eq!(s.answers, values.len());
        let count = |answer: u8| values.iter().filter(|&&v| v == answer).count();
        match s.consensus {
            None => prop_assert!(values.is_empty(), "nobody's answer was taken: {:?}", s),
            Some(c) => {
                prop_assert!(values.contains(&c), "{} was nobody's answer: {:?}", c, s);
                if step.is_scored() {
                    // A middle answer: at least half the room on each side of it.
                    let below = values.iter().filter(|&&v| v <= c).count();
                    let above = values.iter().filter(|&&v| v >= c).count();
                    prop_assert!(2 * below >= values.len() && 2 * above >= values.len(), "{} is not a median: {:?}", c, s);
                } else {
                    let most = values.iter().map(|&v| count(v)).max().unwrap_or(0);
                    prop_assert_eq!(count(c), most, "a classification defaults to its most common answer");
                }
            }
        }
    }

    #[test]
    fn disagreement_stays_between_0_and_1_and_is_0_when_everyone_agrees((id, values) in room()) {
        let step = step(id);
        let s = room_stats(&step, &values);
        prop_assert!((0.0..=1.0).contains(&s.disagreement), "disagreement {} out of [0, 1]: {:?}", s.disagreement, s);
        if let Some(&first) = values.first() {
            let unanimous = vec![first; values.len()];
            let s = room_stats(&step, &unanimous);
            // 0 as every page shows it: no disagreement, first among the agreed.
            // (Exactly 0.0 is not promised: the standard deviation of 25 equal
            // scores of 10/6 comes out at 4e-17.)
            prop_assert!(s.disagreement < 1e-9, "everyone answered {}: {:?}", first, s);
            prop_assert_eq!(Agreement::of(s.disagreement), Agreement::Mostly);
        }
    }

    #[test]
    fn the_mean_score_lies_between_the_lowest_and_highest_answers_scores((id, values) in room()) {
        let step = step(id);
        let s = room_stats(&step, &values);
        let q = step.question();
        match s.mean_score {
            None => prop_assert!(!step.is_scored() || values.is_empty(), "a scored question answered by {} has no mean score", values.len()),
            Some(mean) => {
                prop_assert!(step.is_scored(), "a classification has no score: {:?}", s);
                prop_assert!((0.0..=10.0).contains(&mean), "mean score {} out of [0, 10]", mean);
                let lowest = question_score(q, s.lowest.unwrap()).unwrap();
                let highest = question_score(q, s.highest.unwrap()).unwrap();
                let (min, max) = (lowest.min(highest), lowest.max(highest));
                prop_assert!(min - 1e-9 <= mean && mean <= max + 1e-9, "mean score {} outside [{}, {}]: {:?}", mean, min, max, s);
            }
        }
        prop_assert_eq!(s.lowest, values.iter().copied().min());
        prop_assert_eq!(s.highest, values.iter().copied().max());
    }

    #[test]
    fn the_order_of_participants_never_changes_the_statistics(
        (questionnaires, rows, shuffled) in questionnaire_room().prop_flat_map(|(q, rows)| {
            (Just(q), Just(rows.clone()), Just(rows).prop_shuffle())
        })
    ) {
        let steps = Catalog::builtin().steps(&questionnaires);
        let a = answer_maps(&steps, &rows);
        let b = answer_maps(&steps, &shuffled);
        let stats = aggregate(&steps, &a.iter().collect::<Vec<_>>());
        let reordered = aggregate(&steps, &b.iter().collect::<Vec<_>>());
        prop_assert_eq!(stats, reordered);
    }

    #[test]
    fn discuss_first_lists_every_question_once_split_first_unanswered_last(
        (questionnaires, rows) in questionnaire_room()
    ) {
        let steps = Catalog::builtin().steps(&questionnaires);
        let people = answer_maps(&steps, &rows);
        let stats = aggregate(&steps, &people.iter().collect::<Vec<_>>());
        prop_assert_eq!(stats.len(), steps.len());
        let order = discuss_first(&stats);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, (0..stats.len()).collect::<Vec<_>>(), "not a permutation: {:?}", order);
        for pair in order.windows(2) {
            let (x, y) = (&stats[pair[0]], &stats[pair[1]]);
            prop_assert!(x.answers > 0 || y.answers == 0, "an unanswered question before an answered one: {:?}", order);
            if y.answers > 0 {
                prop_assert!(x.disagreement >= y.disagreement - 1e-6, "{} ({}) before {} ({})", x.question, x.disagreement, y.question, y.disagreement);
            }
        }
    }
}
