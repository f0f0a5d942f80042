//! The coach's view across teams and actions run as experiments: the heat map,
//! what teams share, movement, the quarterly trend, experiment outcomes and overdue
//! actions, worked out by hand on small stores; and properties over random ones
//! (a team's outcome never depends on other teams; the order runs are kept in never
//! changes anything).

use maturity_core::assessment::history::Verdict;
use maturity_core::assessment::records::{Action, Direction, Target};
use maturity_core::coach::experiments::{self, Outcome};
use maturity_core::coach::overview::{csv, HeatMapCsvWords, Overview, TeamLine};
use maturity_core::coach::portfolio::{self, letters, sort_rows, Filter, SortBy};
use maturity_core::dora::clusters as dora;
use maturity_core::{Catalog, Run, RunId, Store, Team, TeamId};
use proptest::prelude::*;
use std::collections::BTreeMap;

const DAY: i64 = 86_400_000;
/// 2026-01-01T00:00:00Z.
const JAN_2026: i64 = 1_767_225_600_000;

const DIMENSIONS: [&str; 5] = ["culture", "automation", "lean", "measurement", "sharing"];

fn team(id: &str, name: &str, tags: &[&str]) -> Team {
    Team {
        id: TeamId(id.into()),
        name: name.into(),
        created_at: 0,
        archived: false,
        industry: None,
        size: None,
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

/// A finished CALMS run where every active question of dimension `d` is answered
/// `levels[d]` (0-4).
fn calms(id: &str, team: &str, day: i64, levels: [u8; 5]) -> Run {
    let catalog = Catalog::builtin();
    let q = catalog.get("calms").unwrap();
    let answers: BTreeMap<String, u8> = q
        .active_questions()
        .map(|question| {
            let d = DIMENSIONS
                .iter()
                .position(|d| *d == question.dimension)
                .unwrap();
            (question.id.clone(), levels[d])
        })
        .collect();
    Run {
        id: RunId(id.into()),
        team: TeamId(team.into()),
        questionnaires: vec!["calms".into()],
        started_at: JAN_2026 + day * DAY - 1000,
        finished_at: Some(JAN_2026 + day * DAY),
        answers,
        position: 0,
        notes: String::new(),
        actions: Vec::new(),
        workshop: None,
        measured: None,
    }
}

fn experiment(id: &str, dimension: &str, direction: Direction, due: &str) -> Action {
    Action {
        id: id.into(),
        what: format!("Try {id}"),
        owner: "Sam".into(),
        due: due.into(),
        done: false,
        target: Some(Target {
            questionnaire: "calms".into(),
            dimension: dimension.into(),
            question: String::new(),
            direction,
        }),
    }
}

fn filter() -> Filter {
    Filter {
        questionnaire: "calms".into(),
        ..Filter::default()
    }
}

/// Three teams; measurement is the weakest for two of them.
fn three_teams() -> Store {
    let mut store = Store::new();
    store.teams = vec![
        team("a", "Payments", &["Tribe 1"]),
        team("b", "Search", &["tribe 1", "Client X"]),
        team("c", "Checkout", &["Tribe 2"]),
    ];
    store.runs = vec![
        calms("a1", "a", 10, [2, 2, 2, 1, 3]),
        calms("a2", "a", 100, [3, 3, 3, 1, 4]),
        calms("b1", "b", 20, [4, 4, 4, 0, 4]),
        calms("c1", "c", 30, [1, 3, 3, 3, 3]),
        calms("c2", "c", 120, [0, 3, 3, 3, 3]),
    ];
    store
}

#[test]
fn the_heat_map_holds_each_teams_latest_result_and_what_is_shared() {
    let store = three_teams();
    let catalog = Catalog::builtin();
    let view = portfolio::portfolio(&store, &catalog, &filter(), None, "2026-06-01");
    let names: Vec<&str> = view.rows.iter().map(|r| r.team.name.as_str()).collect();
    assert_eq!(names, ["Checkout", "Payments", "Search"]);
    let dims: Vec<&str> = view.dimensions.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(dims, DIMENSIONS);
    let payments = &view.rows[1];
    assert_eq!(payments.latest.unwrap().id.0, "a2");
    assert_eq!(payments.previous.unwrap().id.0, "a1");
    // Levels 0-4 of five choices score 0, 2.5, 5, 7.5, 10.
    assert_eq!(
        payments.scores,
        [Some(7.5), Some(7.5), Some(7.5), Some(2.5), Some(10.0)]
    );
    assert_eq!(payments.overall, Some(7.0));
    assert_eq!(payments.previous_overall, Some(5.0));
    assert_eq!(payments.movement, Verdict::Improved);
    assert_eq!(view.rows[0].movement, Verdict::Unchanged, "7.0 -> 6.5");
    assert_eq!(
        view.rows[2].movement,
        Verdict::NotComparable,
        "one result only"
    );
    assert_eq!(view.assessed(), 3);
    // Measurement is the weakest for Payments and Search; culture for Checkout.
    assert_eq!(view.shared[0].name, "Measurement");
    assert_eq!(view.shared[0].teams, 2);
    assert_eq!(view.shared[1].dimension, "culture");
    assert_eq!(view.shared[1].teams, 1);
    assert_eq!(view.shared.len(), 2);
    // The lowest questions: the measurement ones for two teams each.
    assert!(view.lowest_questions.len() <= portfolio::LOWEST_QUESTIONS);
    assert!(view.lowest_questions[0]
        .question
        .starts_with("calms.measurement."));
    assert_eq!(view.lowest_questions[0].teams, 2);
    assert_eq!(view.lowest_questions[0].mean, (2.5 + 0.0 + 7.5) / 3.0);
}

#[test]
fn sorting_filters_and_hidden_names() {
    let store = three_teams();
    let catalog = Catalog::builtin();
    let view = portfolio::portfolio(&store, &catalog, &filter(), None, "2026-06-01");
    let order = |rows: &[portfolio::TeamRow]| -> Vec<String> {
        rows.iter().map(|r| r.team.name.clone()).collect()
    };
    let mut rows = view.rows.clone();
    sort_rows(&mut rows, SortBy::Overall, true);
    assert_eq!(order(&rows), ["Search", "Payments", "Checkout"]);
    sort_rows(&mut rows, SortBy::Dimension(0), false);
    assert_eq!(order(&rows), ["Checkout", "Payments", "Search"]);
    sort_rows(&mut rows, SortBy::Dimension(3), false);
    assert_eq!(order(&rows), ["Search", "Payments", "Checkout"]);
    sort_rows(&mut rows, SortBy::Team, true);
    assert_eq!(order(&rows), ["Search", "Payments", "Checkout"]);

    // A tag, ignoring case: "Tribe 1" keeps Payments and Search.
    let tagged = Filter {
        tag: Some("TRIBE 1".into()),
        ..filter()
    };
    let view = portfolio::portfolio(&store, &catalog, &tagged, None, "2026-06-01");
    assert_eq!(order(&view.rows), ["Payments", "Search"]);
    assert_eq!(portfolio::tags(&store), ["Client X", "Tribe 1", "Tribe 2"]);

    // Dates: up to day 50, Payments' result is a1 and Checkout's c1.
    let early = Filter {
        to: Some(JAN_2026 + 50 * DAY),
        ..filter()
    };
    let view = portfolio::portfolio(&store, &catalog, &early, None, "2026-06-01");
    assert_eq!(view.rows[1].latest.unwrap().id.0, "a1");
    assert_eq!(view.rows[0].latest.unwrap().id.0, "c1");
    // From day 50: Search has no result but is listed.
    let late = Filter {
        from: Some(JAN_2026 + 50 * DAY),
        ..filter()
    };
    let view = portfolio::portfolio(&store, &catalog, &late, None, "2026-06-01");
    assert!(view.rows[2].latest.is_none());
    assert_eq!(view.assessed(), 2);

    // Archived teams only when asked.
    let mut archived = store.clone();
    archived.teams[1].archived = true;
    let view = portfolio::portfolio(&archived, &catalog, &filter(), None, "2026-06-01");
    assert_eq!(order(&view.rows), ["Checkout", "Payments"]);
    let all = Filter {
        archived: true,
        ..filter()
    };
    assert_eq!(
        portfolio::portfolio(&archived, &catalog, &all, None, "2026-06-01")
            .rows
            .len(),
        3
    );

    let hidden: Vec<String> = (0..28).map(letters).collect();
    assert_eq!(hidden[..3], ["A", "B", "C"]);
    assert_eq!(hidden[25..], ["Z", "AA", "AB"]);
}

#[test]
fn the_page_and_its_csv_share_one_owned_overview_with_names_hidden_by_letters() {
    let mut store = three_teams();
    store.teams[1].archived = true; // Search
    let mut action = experiment("x1", "measurement", Direction::Up, "2026-01-30");
    action.owner = "Sam".into();
    store.runs[2].actions.push(action); // agreed by Search in b1
    let catalog = Catalog::builtin();
    let all = Filter {
        archived: true,
        ..filter()
    };
    let overview = Overview::of(&store, &catalog, &all, None, "2026-06-01");
    assert_eq!(overview.title, catalog.get("calms").unwrap().title);
    let line = |rows: &[TeamLine]| -> Vec<(String, String, bool)> {
        rows.iter()
            .map(|r| (r.name.clone(), r.letters.clone(), r.archived))
            .collect()
    };
    let by_name = [
        ("Checkout".to_string(), "A".to_string(), false),
        ("Payments".to_string(), "B".to_string(), false),
        ("Search".to_string(), "C".to_string(), true),
    ];
    assert_eq!(line(&overview.rows), by_name);
    // Letters are fixed in name order: sorting by score moves rows, not letters.
    let mut rows = overview.rows.clone();
    sort_rows(&mut rows, SortBy::Overall, true);
    assert_eq!(
        line(&rows),
        [by_name[2].clone(), by_name[1].clone(), by_name[0].clone()]
    );
    assert_eq!(rows[1].change(), Some(7.0 - 5.0));
    // An experiment carries its team's letters.
    assert_eq!(overview.experiments.len(), 1);
    assert_eq!(overview.experiments[0].letters, "C");
    assert_eq!(overview.experiments[0].owner, "Sam");
    // The CSV is written from the rows given, in their order, names as shown.
    let words = HeatMapCsvWords {
        team: "team",
        date: "date",
        overall: "overall",
        previous: "previous",
        movement: "movement",
        overdue: "overdue",
        improved: "up",
        worse: "down",
        unchanged: "same",
        not_comparable: "first",
    };
    let text = csv(
        &overview,
        &rows,
        &words,
        |r| format!("Team {}", r.letters),
        |at| at.to_string(),
    );
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].starts_with("\"team\",\"date\",\"Culture\""),
        "{}",
        lines[0]
    );
    let teams: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(teams, ["\"Team C\"", "\"Team B\"", "\"Team A\""]);
    assert!(
        lines[2].contains("\"up\""),
        "Payments improved: {}",
        lines[2]
    );
    assert!(!text.contains("Payments") && !text.contains("Sam"));
}

#[test]
fn the_trend_gives_each_quarters_mean_and_range_across_teams() {
    let store = three_teams();
    let catalog = Catalog::builtin();
    let view = portfolio::portfolio(&store, &catalog, &filter(), None, "2026-06-01");
    let overall: Vec<(&str, usize, f64, f64, f64)> = view
        .trend
        .iter()
        .filter(|r| r.dimension.is_empty())
        .map(|r| (r.quarter.as_str(), r.teams, r.mean, r.min, r.max))
        .collect();
    // Q1: a1 5.0, b1 8.0, c1 6.5; Q2: a2 7.0, c2 6.0.
    assert_eq!(
        overall,
        [("2026-Q1", 3, 6.5, 5.0, 8.0), ("2026-Q2", 2, 6.5, 6.0, 7.0)]
    );
    let measurement = view
        .trend
        .iter()
        .find(|r| r.quarter == "2026-Q2" && r.dimension == "measurement")
        .unwrap();
    assert_eq!((measurement.min, measurement.max), (2.5, 7.5));
}

#[test]
fn dora_results_spread_over_the_editions_clusters() {
    let mut store = Store::new();
    store.teams = vec![team("a", "A", &[]), team("b", "B", &[])];
    let dora_run = |id: &str, team: &str, answers: &[(&str, u8)]| Run {
        questionnaires: vec!["dora".into()],
        answers: answers.iter().map(|(q, v)| (q.to_string(), *v)).collect(),
        ..calms(id, team, 5, [0; 5])
    };
    let elite = [
        ("dora.deployment-frequency", 5),
        ("dora.lead-time", 5),
        ("dora.recovery-time", 5),
        ("dora.change-failure-rate", 5),
    ];
    store.runs = vec![dora_run("a1", "a", &elite), dora_run("b1", "b", &[])];
    let catalog = Catalog::builtin();
    let editions = dora::editions();
    let edition = editions
        .iter()
        .find(|e| e.year == dora::NEWEST_WITH_CLUSTERS)
        .unwrap();
    let f = Filter {
        questionnaire: "dora".into(),
        ..Filter::default()
    };
    let view = portfolio::portfolio(&store, &catalog, &f, Some(edition), "2026-06-01");
    let placed = dora::place(
        &dora::Delivery::from_answers(&store.runs[0].answers),
        edition,
    )
    .unwrap()
    .nearest
    .join(" / ");
    let count = |name: &str| view.clusters.iter().find(|(n, _)| n == name).unwrap().1;
    assert_eq!(count(&placed), 1);
    assert_eq!(count(""), 1, "B answered nothing DORA clusters on");
    assert_eq!(view.clusters.iter().map(|(_, n)| n).sum::<usize>(), 2);
}

#[test]
fn a_workshops_result_counts_once_and_no_participant_answer_is_read() {
    use maturity_core::assessment::records::WorkshopRecord;
    let mut store = three_teams();
    let catalog = Catalog::builtin();
    let before = portfolio::portfolio(&store, &catalog, &filter(), None, "2026-06-01");
    let before = format!(
        "{:?}",
        before
            .rows
            .iter()
            .map(|r| (&r.scores, r.overall))
            .collect::<Vec<_>>()
    );
    // The room's spread of answers, very different from the agreed ones, must not
    // change anything.
    store.runs[1].workshop = Some(WorkshopRecord {
        participants: 9,
        spread: store.runs[1]
            .answers
            .keys()
            .map(|q| (q.clone(), vec![0, 0, 0, 0, 0, 0, 0, 0, 0]))
            .collect(),
        discussion: BTreeMap::new(),
    });
    let after = portfolio::portfolio(&store, &catalog, &filter(), None, "2026-06-01");
    let after = format!(
        "{:?}",
        after
            .rows
            .iter()
            .map(|r| (&r.scores, r.overall))
            .collect::<Vec<_>>()
    );
    assert_eq!(before, after);
}

#[test]
fn experiments_are_checked_by_the_next_assessment_of_their_questionnaire() {
    let catalog = Catalog::builtin();
    let mut first = calms("r1", "a", 10, [2, 2, 2, 1, 2]);
    first.actions = vec![
        experiment("up", "measurement", Direction::Up, "2026-03-01"),
        experiment("flat", "culture", Direction::Up, ""),
        experiment("down", "lean", Direction::Down, ""),
        experiment("wrong", "automation", Direction::Up, ""),
        Action {
            target: Some(Target {
                questionnaire: "calms".into(),
                dimension: String::new(),
                question: "calms.measurement.delivery".into(),
                direction: Direction::Up,
            }),
            ..experiment("question", "", Direction::Up, "")
        },
    ];
    // A DORA run in between does not check CALMS experiments.
    let between = Run {
        questionnaires: vec!["dora".into()],
        answers: BTreeMap::new(),
        ..calms("r2", "a", 20, [0; 5])
    };
    let next = calms("r3", "a", 40, [2, 1, 3, 3, 2]);
    let runs = [&first, &between, &next];
    let found = experiments::experiments(&catalog, &runs, "2026-06-01");
    let outcome = |id: &str| {
        let e = found.iter().find(|e| e.action.id == id).unwrap();
        (
            e.before,
            e.after,
            e.outcome,
            e.checked_by.map(|r| r.id.0.as_str()),
        )
    };
    assert_eq!(
        outcome("up"),
        (Some(2.5), Some(7.5), Outcome::AsExpected, Some("r3"))
    );
    assert_eq!(
        outcome("flat"),
        (Some(5.0), Some(5.0), Outcome::NoChange, Some("r3"))
    );
    // Expected down, went up: the other way.
    assert_eq!(outcome("down").2, Outcome::Opposite);
    assert_eq!(
        outcome("wrong"),
        (Some(5.0), Some(2.5), Outcome::Opposite, Some("r3"))
    );
    assert_eq!(
        outcome("question"),
        (Some(2.5), Some(7.5), Outcome::AsExpected, Some("r3"))
    );
    let checked: Vec<_> = experiments::checked_by(&catalog, &runs, &next, "2026-06-01")
        .iter()
        .map(|e| e.action.id.clone())
        .collect();
    assert_eq!(checked.len(), 5);
    assert!(experiments::checked_by(&catalog, &runs, &between, "2026-06-01").is_empty());

    // Before the next assessment: waiting, then overdue once its date passed.
    let runs = [&first, &between];
    let found = experiments::experiments(&catalog, &runs, "2026-02-01");
    assert!(found.iter().all(|e| e.outcome == Outcome::Waiting));
    let found = experiments::experiments(&catalog, &runs, "2026-03-02");
    let up = found.iter().find(|e| e.action.id == "up").unwrap();
    assert_eq!(up.outcome, Outcome::Overdue);
    let overdue = experiments::overdue(&runs, "2026-03-02");
    assert_eq!(overdue.len(), 1, "only the dated one");
    assert_eq!(overdue[0].1.id, "up");
    assert!(
        experiments::overdue(&runs, "2026-03-01").is_empty(),
        "due today is not late"
    );
}

#[test]
fn plain_actions_are_overdue_until_any_assessment_or_ticked_done() {
    let mut first = calms("r1", "a", 10, [2; 5]);
    first.actions = vec![Action {
        target: None,
        ..experiment("plain", "", Direction::Up, "2026-02-01")
    }];
    assert_eq!(experiments::overdue(&[&first], "2026-02-02").len(), 1);
    let mut done = first.clone();
    done.actions[0].done = true;
    assert!(experiments::overdue(&[&done], "2026-02-02").is_empty());
    let mut dora_run = calms("r2", "a", 40, [0; 5]);
    dora_run.questionnaires = vec!["dora".into()];
    assert!(experiments::overdue(&[&first, &dora_run], "2026-03-02").is_empty());
    // An unfinished run checks nothing.
    let mut open = calms("r3", "a", 40, [0; 5]);
    open.finished_at = None;
    assert_eq!(
        experiments::overdue(&[&first, &open], "2026-03-02").len(),
        1
    );
}

#[test]
fn a_target_is_one_dimension_or_one_question() {
    use maturity_core::error::{ActionError, ChangeError};
    let both = Action {
        target: Some(Target {
            questionnaire: "calms".into(),
            dimension: "lean".into(),
            question: "calms.lean.wip".into(),
            direction: Direction::Up,
        }),
        ..experiment("x", "lean", Direction::Up, "")
    };
    assert_eq!(both.clone().checked(), Err(ActionError::BadTarget));
    let neither = Action {
        target: Some(Target {
            questionnaire: "calms".into(),
            dimension: String::new(),
            question: String::new(),
            direction: Direction::Up,
        }),
        ..both.clone()
    };
    assert_eq!(neither.checked(), Err(ActionError::BadTarget));
    assert!(experiment("ok", "lean", Direction::Down, "2026-01-01")
        .checked()
        .is_ok());
    // Tags: trimmed, distinct, bounded.
    let mut store = three_teams();
    let id = TeamId("a".into());
    store
        .set_tags(
            &id,
            &[
                " Tribe 1 ".into(),
                "tribe 1".into(),
                "".into(),
                "Client".into(),
            ],
            5,
        )
        .unwrap();
    assert_eq!(store.team(&id).unwrap().tags, ["Tribe 1", "Client"]);
    let many: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    let before = store.clone();
    assert!(matches!(
        store.set_tags(&id, &many, 6),
        Err(ChangeError::Team(_))
    ));
    assert_eq!(store, before, "a refused change changes nothing");
}

fn levels() -> impl Strategy<Value = [u8; 5]> {
    prop::array::uniform5(0u8..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Reordering the store's runs never changes an outcome, a score or a trend.
    #[test]
    fn the_order_runs_are_kept_in_changes_nothing(
        plan in prop::collection::vec((0usize..3, 0i64..200, levels(), any::<bool>()), 1..12),
        seed in any::<u64>(),
    ) {
        let catalog = Catalog::builtin();
        let mut store = three_teams();
        store.runs.clear();
        for (i, (t, day, l, with_action)) in plan.iter().enumerate() {
            let mut run = calms(&format!("r{i}"), ["a", "b", "c"][*t], *day, *l);
            if *with_action {
                run.actions.push(experiment(&format!("x{i}"), DIMENSIONS[i % 5], Direction::Up, "2026-03-01"));
            }
            store.runs.push(run);
        }
        let summary = |s: &Store| {
            let view = portfolio::portfolio(s, &catalog, &filter(), None, "2026-05-01");
            let mut experiments: Vec<String> = view
                .experiments
                .iter()
                .map(|e| format!("{} {:?}", e.experiment.action.id, e.experiment.outcome))
                .collect();
            experiments.sort();
            format!("{:?} {:?} {:?} {experiments:?}",
                view.rows.iter().map(|r| (&r.scores, r.movement, r.overdue)).collect::<Vec<_>>(),
                view.shared, view.trend)
        };
        let before = summary(&store);
        // A permutation from the seed.
        let n = store.runs.len();
        let mut state = seed;
        for i in (1..n).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            store.runs.swap(i, (state >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(before, summary(&store));
    }

    /// A team's experiment outcomes and movement never depend on another team's runs.
    #[test]
    fn a_teams_outcome_never_depends_on_other_teams(
        own in prop::collection::vec((0i64..200, levels()), 1..5),
        others in prop::collection::vec((1usize..3, 0i64..200, levels()), 0..8),
    ) {
        let catalog = Catalog::builtin();
        let mut store = three_teams();
        store.runs.clear();
        for (i, (day, l)) in own.iter().enumerate() {
            let mut run = calms(&format!("a{i}"), "a", *day, *l);
            run.actions.push(experiment(&format!("x{i}"), DIMENSIONS[i % 5], Direction::Up, "2026-03-01"));
            store.runs.push(run);
        }
        let of_a = |s: &Store| {
            let view = portfolio::portfolio(s, &catalog, &filter(), None, "2026-05-01");
            let row = view.rows.iter().find(|r| r.team.id.0 == "a").unwrap();
            let mut experiments: Vec<String> = view
                .experiments
                .iter()
                .filter(|e| e.team.id.0 == "a")
                .map(|e| format!("{} {:?} {:?} {:?}", e.experiment.action.id, e.experiment.before, e.experiment.after, e.experiment.outcome))
                .collect();
            experiments.sort();
            format!("{:?} {:?} {:?} {} {experiments:?}", row.scores, row.overall, row.movement, row.overdue)
        };
        let alone = of_a(&store);
        for (i, (t, day, l)) in others.iter().enumerate() {
            let mut run = calms(&format!("o{i}"), ["a", "b", "c"][*t], *day, *l);
            run.actions.push(experiment(&format!("y{i}"), "lean", Direction::Down, "2026-02-01"));
            store.runs.push(run);
        }
        prop_assert_eq!(alone, of_a(&store));
    }
}

#[test]
fn tags_the_app_would_not_keep_are_cut_when_read() {
    let mut store = three_teams();
    store.teams[0].tags = (0..30)
        .map(|i| format!(" {} ", "x".repeat(i % 3 + 50)))
        .chain(["A".to_string(), "a".to_string()])
        .collect();
    store.teams[0].tags.push("B".into());
    let text = store.encode().unwrap();
    let read = Store::decode(&text).unwrap();
    let tags = &read.teams[0].tags;
    assert_eq!(tags.len(), 10, "{tags:?}: at most ten kept");
    assert!(tags.iter().all(|t| t.chars().count() <= 40));
}
