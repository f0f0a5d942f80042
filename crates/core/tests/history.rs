//! A team's history: trend series, DORA over time, and comparing two runs.

use maturity_core::assessment::history::{
    answered, compare, run_scores, team_history, verdict, Verdict, CHANGE_THRESHOLD,
};
use maturity_core::dora::clusters::{editions, Delivery};
use maturity_core::dora::trend::{answered_over_time, bands, place_each, Band, Metric};
use maturity_core::{Catalog, RunId, Store, TeamId};

/// One run: (day, questionnaires, answers, finished).
type Plan<'a> = (i64, &'a [&'a str], &'a [(&'a str, u8)], bool);

/// A store with one team and the given runs.
fn store_with(runs: &[Plan]) -> Store {
    let mut store = Store::new();
    for (i, (day, questionnaires, answers, finished)) in runs.iter().enumerate() {
        let at = day * 86_400_000;
        let run = store
            .start_run(
                "Payments",
                questionnaires.iter().map(|q| q.to_string()).collect(),
                TeamId("t".into()),
                RunId(format!("r{i}")),
                at,
            )
            .unwrap();
        for (q, v) in *answers {
            store.answer(&run, q, *v, at).unwrap();
        }
        if *finished {
            store.finish(&run, at + 1).unwrap();
        }
    }
    store
}

/// Every CALMS culture question answered with `v` (0-4 on five options).
fn culture(v: u8) -> Vec<(&'static str, u8)> {
    [
        "calms.culture.bad-news",
        "calms.culture.devops-role",
        "calms.culture.ownership",
        "calms.culture.shared-goals",
    ]
    .iter()
    .map(|q| (*q, v))
    .collect()
}

#[test]
fn trends_have_one_point_per_finished_run_oldest_first() {
    let catalog = Catalog::builtin();
    let (a, b, c, d) = (culture(1), culture(4), culture(2), culture(0));
    // Out of date order on purpose; the unfinished run must not appear.
    let store = store_with(&[
        (30, &["calms"], &b, true),
        (0, &["calms"], &a, true),
        (60, &["calms", "westrum"], &c, true),
        (90, &["calms"], &d, false),
    ]);
    let trends = team_history(&store.runs_of(&TeamId("t".into())), &catalog).trends;
    let titles: Vec<&str> = trends.iter().map(|t| t.questionnaire.as_str()).collect();
    assert_eq!(
        titles,
        ["calms", "westrum"],
        "catalog order, covered ones only"
    );
    let calms = &trends[0];
    assert_eq!(
        calms.runs,
        [RunId("r1".into()), RunId("r0".into()), RunId("r2".into())]
    );
    assert_eq!(calms.at, [1, 30 * 86_400_000 + 1, 60 * 86_400_000 + 1]);
    let culture = calms
        .dimensions
        .iter()
        .find(|s| s.dimension == "culture")
        .unwrap();
    assert_eq!(culture.values, [Some(2.5), Some(10.0), Some(5.0)]);
    let lean = calms
        .dimensions
        .iter()
        .find(|s| s.dimension == "lean")
        .unwrap();
    assert_eq!(
        lean.values,
        [None, None, None],
        "unanswered stays a gap, not a zero"
    );
    assert_eq!(calms.overall, [Some(2.5), Some(10.0), Some(5.0)]);
    assert_eq!(trends[1].at.len(), 1, "westrum was taken once");
    let pairs = calms.latest_and_previous();
    let culture_pair = pairs.iter().find(|p| p.0 == "Culture").unwrap();
    assert_eq!((culture_pair.1, culture_pair.2), (Some(10.0), Some(5.0)));
}

#[test]
fn no_finished_runs_means_no_trends() {
    let catalog = Catalog::builtin();
    let store = store_with(&[(0, &["calms"], &[], false)]);
    let history = team_history(&store.runs_of(&TeamId("t".into())), &catalog);
    assert!(history.trends.is_empty());
    assert_eq!(
        history.runs.len(),
        1,
        "the history still lists the unfinished run"
    );
    assert_eq!(history.runs[0].scores[0].overall, None);
}

#[test]
fn verdicts_use_the_stated_threshold() {
    let cases = [
        (Some(5.0), Some(5.0 + CHANGE_THRESHOLD), Verdict::Improved),
        (
            Some(5.0),
            Some(5.0 + CHANGE_THRESHOLD - 0.06),
            Verdict::Unchanged,
        ),
        // Judged as shown: 0.96 shows as +1.0, so it is a change.
        (Some(5.0), Some(5.96), Verdict::Improved),
        (Some(0.1 + 0.2), Some(1.3), Verdict::Improved),
        (Some(5.96), Some(5.0), Verdict::Worse),
        (Some(5.0), Some(5.0 - CHANGE_THRESHOLD), Verdict::Worse),
        (Some(5.0), Some(4.5), Verdict::Unchanged),
        (Some(0.0), Some(10.0), Verdict::Improved),
        (None, Some(3.0), Verdict::NotComparable),
        (Some(3.0), None, Verdict::NotComparable),
        (None, None, Verdict::NotComparable),
    ];
    for (before, after, expected) in cases {
        assert_eq!(verdict(before, after), expected, "{before:?} -> {after:?}");
    }
}

#[test]
fn comparing_two_runs_gives_each_dimension_its_delta() {
    let catalog = Catalog::builtin();
    let mut before = culture(1);
    before.push(("calms.lean.wip", 2));
    let mut after = culture(3);
    after.push(("calms.lean.wip", 2));
    let store = store_with(&[
        (0, &["calms"], &before, true),
        (30, &["calms", "westrum"], &after, true),
    ]);
    let rows = compare(&catalog, &store.runs[0], &store.runs[1]);
    let row = |q: &str, d: &str| {
        rows.iter()
            .find(|r| r.questionnaire == q && r.dimension == d)
            .unwrap_or_else(|| panic!("no row {q}/{d}"))
    };
    let culture = row("calms", "culture");
    assert_eq!(
        (culture.before, culture.after, culture.change),
        (Some(2.5), Some(7.5), Some(5.0))
    );
    assert_eq!(culture.verdict, Verdict::Improved);
    let lean = row("calms", "lean");
    assert_eq!((lean.change, lean.verdict), (Some(0.0), Verdict::Unchanged));
    assert_eq!(row("calms", "sharing").verdict, Verdict::NotComparable);
    let overall = row("calms", "");
    assert_eq!(
        overall.name, "CALMS",
        "the overall row is named by its questionnaire"
    );
    assert_eq!(overall.before, Some((2.5 + 5.0) / 2.0));
    assert_eq!(
        row("westrum", "").verdict,
        Verdict::NotComparable,
        "only one run took it"
    );
    assert_eq!(rows[0].dimension, "", "overall row first");
    assert!(rows
        .iter()
        .all(|r| r.questionnaire == "calms" || r.questionnaire == "westrum"));
    // Swapping the runs flips every verdict.
    let back = compare(&catalog, &store.runs[1], &store.runs[0]);
    assert_eq!(
        back.iter()
            .find(|r| r.dimension == "culture")
            .unwrap()
            .verdict,
        Verdict::Worse
    );
}

#[test]
fn cluster_bands_follow_the_published_ranges() {
    let editions = editions();
    let year = |y| editions.iter().find(|e| e.year == y).unwrap();
    let band = |y, m, c: &str| -> Band {
        bands(year(y), m)
            .into_iter()
            .find(|b| b.cluster == c)
            .unwrap()
    };
    let cases = [
        (2024, Metric::LeadTime, "Elite", 4.0, 5.0),
        (2024, Metric::DeploymentFrequency, "Elite", 5.0, 5.0),
        (2024, Metric::ChangeFailureRate, "Medium", 10.0, 10.0),
        (2021, Metric::ChangeFailureRate, "High", 16.0, 30.0),
        (2019, Metric::ChangeFailureRate, "Elite", 0.0, 15.0),
        (2019, Metric::RecoveryTime, "High", 4.0, 5.0),
    ];
    for (y, metric, cluster, low, high) in cases {
        let b = band(y, metric, cluster);
        assert_eq!((b.low, b.high), (low, high), "{y} {metric:?} {cluster}");
    }
    for edition in &editions {
        for metric in Metric::ALL {
            let all = bands(edition, metric);
            assert_eq!(all.len(), edition.clusters.len());
            for b in all {
                assert!(b.low <= b.high);
                let top = if metric.is_percent() { 100.0 } else { 5.0 };
                assert!((0.0..=top).contains(&b.low) && b.high <= top, "{b:?}");
            }
        }
    }
}

#[test]
fn dora_over_time_keeps_answers_and_places_each_run() {
    let elite = [
        ("dora.deployment-frequency", 5),
        ("dora.lead-time", 5),
        ("dora.recovery-time", 5),
        ("dora.change-failure-rate", 5),
    ];
    let low = [
        ("dora.deployment-frequency", 1),
        ("dora.lead-time", 1),
        ("dora.recovery-time", 2),
        ("dora.change-failure-rate", 40),
    ];
    let store = store_with(&[
        (0, &["dora"], &low, true),
        (10, &["calms"], &[], true),
        (20, &["dora"], &elite, true),
    ]);
    let answered = answered_over_time(&store.runs_of(&TeamId("t".into())));
    let edition = editions().into_iter().find(|e| e.year == 2024).unwrap();
    let points = place_each(&answered, &edition);
    assert_eq!(points.len(), 2, "only runs that covered DORA");
    assert_eq!(points[0].delivery.lead_time, Some(1));
    assert_eq!(
        Metric::ChangeFailureRate.value(&points[0].delivery),
        Some(40)
    );
    let nearest: Vec<&str> = points
        .iter()
        .map(|p| p.placement.as_ref().unwrap().nearest[0])
        .collect();
    assert_eq!(nearest, ["Low", "Elite"]);
    assert_eq!(Metric::LeadTime.value(&Delivery::default()), None);
}

#[test]
fn the_team_history_lists_every_run_newest_first_with_its_own_scores() {
    let catalog = Catalog::builtin();
    let (a, b) = (culture(1), culture(3));
    let dora = [("dora.lead-time", 3), ("dora.change-failure-rate", 12)];
    let store = store_with(&[
        (20, &["calms", "dora"], &dora, true),
        (0, &["calms"], &a, true),
        (40, &["calms"], &b, false),
        (30, &["westrum", "calms"], &b, true),
    ]);
    let team = TeamId("t".into());
    let whole = team_history(&store.runs_of(&team), &catalog);
    assert_eq!(whole.finished, 3);
    assert_eq!(
        answered_over_time(&store.runs_of(&team)).len(),
        1,
        "one finished run covered DORA"
    );
    assert_eq!(whole.trends[0].runs.len(), 3, "finished runs only");
    let listed: Vec<&str> = whole.runs.iter().map(|s| s.run.0.as_str()).collect();
    assert_eq!(listed, ["r2", "r3", "r0", "r1"], "newest first");
    for summary in &whole.runs {
        let run = store.run(&summary.run).unwrap();
        assert_eq!(summary.scores, run_scores(&catalog, run));
        assert_eq!(summary.answered, answered(&catalog, run));
        assert_eq!(summary.finished, run.is_finished());
    }
}
