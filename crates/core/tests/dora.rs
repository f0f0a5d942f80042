//! DORA scoring and cluster placement: table-driven cases from the published data,
//! and properties (each published profile places in its own cluster; scores in range).

use maturity_core::dora::clusters::{
    self as dora, editions, place, scores, Delivery, Edition, Grouping, NEWEST_WITH_CLUSTERS,
};
use proptest::prelude::*;

fn edition(year: u16) -> Edition {
    editions()
        .into_iter()
        .find(|e| e.year == year)
        .expect("edition")
}

fn team(df: u8, lt: u8, rec: u8, cfr: u8) -> Delivery {
    Delivery {
        deployment_frequency: Some(df),
        lead_time: Some(lt),
        recovery_time: Some(rec),
        change_failure_rate: Some(cfr),
        rework_rate: None,
    }
}

#[test]
fn quick_check_scores() {
    // (case, answers, df, lt, rec, cfr, rework, throughput, stability)
    type Row = (&'static str, Delivery, [Option<f64>; 7]);
    let rows: Vec<Row> = vec![
        (
            "best everywhere",
            Delivery {
                rework_rate: Some(0),
                ..team(5, 5, 5, 0)
            },
            [
                Some(10.0),
                Some(10.0),
                Some(10.0),
                Some(10.0),
                Some(10.0),
                Some(10.0),
                Some(10.0),
            ],
        ),
        (
            "worst everywhere",
            Delivery {
                rework_rate: Some(100),
                ..team(0, 0, 0, 100)
            },
            [
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
            ],
        ),
        (
            "mixed",
            Delivery {
                rework_rate: Some(10),
                ..team(3, 2, 4, 30)
            },
            [
                Some(6.0),
                Some(4.0),
                Some(8.0),
                Some(7.0),
                Some(9.0),
                Some(6.0),
                Some(8.0),
            ],
        ),
        (
            "rates unanswered",
            Delivery {
                change_failure_rate: None,
                ..team(1, 1, 1, 0)
            },
            [Some(2.0), Some(2.0), Some(2.0), None, None, Some(2.0), None],
        ),
        ("nothing answered", Delivery::default(), [None; 7]),
    ];
    for (name, d, expected) in rows {
        let s = scores(&d);
        let got = [
            s.deployment_frequency,
            s.lead_time,
            s.recovery_time,
            s.change_failure_rate,
            s.rework_rate,
            s.throughput,
            s.stability,
        ];
        for (i, (g, e)) in got.iter().zip(expected).enumerate() {
            match (g, e) {
                (Some(g), Some(e)) => assert!((g - e).abs() < 1e-9, "{name}[{i}]: {g} != {e}"),
                (None, None) => {}
                _ => panic!("{name}[{i}]: {g:?} != {e:?}"),
            }
        }
    }
}

#[test]
fn every_edition_in_the_reference_is_there_and_2024_is_the_default() {
    let years: Vec<u16> = editions().iter().map(|e| e.year).collect();
    assert_eq!(years, [2019, 2021, 2022, 2023, 2024]);
    assert_eq!(NEWEST_WITH_CLUSTERS, 2024);
    let names: Vec<&str> = edition(2022).clusters.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        ["High", "Medium", "Low"],
        "2022 has no elite cluster"
    );
}

#[test]
fn placements_from_the_published_data() {
    // (edition, team answers, expected nearest)
    let rows: Vec<(u16, Delivery, &[&str])> = vec![
        // On-demand deploys, sub-hour restores, 5% failures: elite where elite exists...
        (2024, team(5, 5, 5, 5), &["Elite"]),
        (2023, team(5, 5, 5, 5), &["Elite"]),
        // ...and the top cluster, high, in 2022.
        (2022, team(5, 5, 5, 5), &["High"]),
        // Weekly-to-monthly deploys with a low failure rate: 2024's medium, even though
        // medium's 10% CFR beats high's 20% — per-metric cut-offs would say otherwise.
        (2024, team(2, 2, 4, 10), &["Medium"]),
        // The same throughput with 64% failures and slow recovery is 2023's low cluster,
        // although low and medium share deployment frequency and lead time.
        (2023, team(2, 2, 1, 64), &["Low"]),
        (2023, team(2, 2, 3, 15), &["Medium"]),
        // Almost never deploying is 2021's low.
        (2021, team(0, 0, 0, 25), &["Low"]),
    ];
    for (year, d, expected) in rows {
        let p = place(&d, &edition(year)).expect("placement");
        assert_eq!(
            p.nearest, expected,
            "{year} {d:?}: distances {:?}",
            p.distances
        );
        assert_eq!(p.compared_on, 4);
    }
}

#[test]
fn a_team_exactly_between_two_clusters_is_a_tie_not_a_guess() {
    // 2019 high and medium differ only in DF and LT (3 vs 2): a team at 2.5 on both
    // is not expressible in buckets, so use one metric each way: DF 3 (high), LT 2 (medium).
    let d = Delivery {
        deployment_frequency: Some(3),
        lead_time: Some(2),
        recovery_time: None,
        change_failure_rate: None,
        rework_rate: None,
    };
    let p = place(&d, &edition(2019)).expect("placement");
    assert!(p.is_tie(), "{p:?}");
    assert_eq!(p.nearest, ["High", "Medium"]);
    assert_eq!(p.compared_on, 2);
    let (runner_up, _) = p.runner_up.expect("a runner-up");
    assert!(runner_up == "Elite" || runner_up == "Low");
}

#[test]
fn a_high_failure_rate_is_not_hidden_by_fast_throughput() {
    // Elite throughput with every deployment failing: where the change failure rate
    // is a factor of its own (2024) it is not elite. Where it shares the stability
    // factor with recovery time (2019-2023), a perfect recovery time can pull the
    // team nearest elite: then the placement must say the failure rate falls short.
    for e in editions() {
        let p = place(&team(5, 5, 5, 100), &e).expect("placement");
        let said = p.short_of.contains(&dora::CHANGE_FAILURE_RATE);
        if e.grouping == Grouping::RecoveryWithThroughput {
            assert!(
                !p.nearest.contains(&"Elite"),
                "{}: {:?}",
                e.year,
                p.distances
            );
        }
        assert!(
            said || !p.nearest.contains(&"Elite"),
            "{}: nearest {:?} without saying the failure rate falls short",
            e.year,
            p.nearest
        );
        assert!(said, "{}: 100% is short of every cluster: {p:?}", e.year);
    }
    // At 60% failures it is not elite either, where an elite cluster exists.
    let p = place(&team(5, 5, 5, 60), &edition(2024)).expect("placement");
    assert_ne!(p.nearest, ["Elite"], "{:?}", p.distances);
}

#[test]
fn the_runner_up_is_reported_with_its_distance() {
    let p = place(&team(3, 3, 4, 20), &edition(2024)).expect("placement");
    assert_eq!(p.nearest, ["High"]);
    let (name, distance) = p.runner_up.expect("runner-up");
    assert!(distance > p.distance);
    assert_ne!(name, "High");
}

#[test]
fn nothing_answered_places_nowhere_and_rework_alone_cannot_place() {
    assert_eq!(place(&Delivery::default(), &edition(2024)), None);
    let rework_only = Delivery {
        rework_rate: Some(5),
        ..Delivery::default()
    };
    assert_eq!(place(&rework_only, &edition(2024)), None);
}

#[test]
fn each_cluster_s_own_profile_places_in_that_cluster() {
    for e in editions() {
        for c in &e.clusters {
            let p = place(&c.as_delivery(), &e).expect("placement");
            assert_eq!(
                p.nearest,
                [c.name],
                "{} {}: {:?}",
                e.year,
                c.name,
                p.distances
            );
        }
    }
}

proptest! {
    #[test]
    fn scores_stay_in_range(df in 0u8..6, lt in 0u8..6, rec in 0u8..6, cfr in 0u8..=100, rework in 0u8..=100) {
        let s = scores(&Delivery { rework_rate: Some(rework), ..team(df, lt, rec, cfr) });
        for v in [s.deployment_frequency, s.lead_time, s.recovery_time, s.change_failure_rate,
                  s.rework_rate, s.throughput, s.stability].into_iter().flatten() {
            prop_assert!((0.0..=10.0).contains(&v));
        }
    }

    #[test]
    fn a_better_answer_never_lowers_a_score(df in 0u8..5, lt in 0u8..6, rec in 0u8..6, cfr in 1u8..=100) {
        let base = scores(&team(df, lt, rec, cfr));
        prop_assert!(scores(&team(df + 1, lt, rec, cfr)).throughput >= base.throughput);
        prop_assert!(scores(&team(df, lt, rec, cfr - 1)).stability >= base.stability);
    }

    #[test]
    fn every_answer_places_somewhere(df in 0u8..6, lt in 0u8..6, rec in 0u8..6, cfr in 0u8..=100) {
        for e in editions() {
            let p = place(&team(df, lt, rec, cfr), &e).expect("placement");
            prop_assert!(!p.nearest.is_empty());
            prop_assert!(p.runner_up.is_none_or(|(n, d)| !p.nearest.contains(&n) && d > p.distance));
        }
    }

    #[test]
    fn moving_towards_the_best_answer_never_moves_away_from_elite(
        df in 0u8..5, lt in 0u8..6, rec in 0u8..6, cfr in 1u8..=100,
    ) {
        // From answers at or below elite's published profile (deploys on demand; failure
        // rates of 7.5% or more), a better answer cannot increase the distance to elite.
        for e in editions().into_iter().filter(|e| e.clusters.iter().any(|c| c.name == "Elite")) {
            let at = |d: Delivery| {
                let p = place(&d, &e).expect("placement");
                p.distances.iter().find(|(n, _)| *n == "Elite").map(|(_, d)| *d).expect("elite")
            };
            let base = at(team(df, lt, rec, cfr));
            prop_assert!(at(team(df + 1, lt, rec, cfr)) <= base + 1e-12);
            if cfr > 8 {
                prop_assert!(at(team(df, lt, rec, cfr - 1)) <= base + 1e-12);
            }
        }
    }
}

/// The DORA view's per-metric scores and the generic question scoring must never
/// disagree: the same answer shows one number everywhere.
#[test]
fn dora_metric_scores_agree_with_the_questionnaire_scoring() {
    use maturity_core::assessment::scoring::question_score;
    use maturity_core::dora::clusters::{
        CHANGE_FAILURE_RATE, DEPLOYMENT_FREQUENCY, LEAD_TIME, RECOVERY_TIME, REWORK_RATE,
    };
    use std::collections::BTreeMap;
    let catalog = maturity_core::Catalog::builtin();
    let q = catalog
        .get(maturity_core::dora::clusters::QUESTIONNAIRE_ID)
        .expect("dora");
    type Pick = fn(&maturity_core::dora::clusters::Scores) -> Option<f64>;
    let metrics: [(&str, u8, Pick); 5] = [
        (DEPLOYMENT_FREQUENCY, 5, |s| s.deployment_frequency),
        (LEAD_TIME, 5, |s| s.lead_time),
        (RECOVERY_TIME, 5, |s| s.recovery_time),
        (CHANGE_FAILURE_RATE, 100, |s| s.change_failure_rate),
        (REWORK_RATE, 100, |s| s.rework_rate),
    ];
    for (id, max, pick) in metrics {
        let question = q.question(id).expect(id);
        for answer in 0..=max {
            let answers = BTreeMap::from([(id.to_string(), answer)]);
            let shown = pick(&scores(&Delivery::from_answers(&answers)));
            assert_eq!(shown, question_score(question, answer), "{id} = {answer}");
        }
    }
}

#[test]
fn every_dora_metric_has_one_name_everywhere() {
    use maturity_core::dora::clusters::{metric_name, METRICS};
    use maturity_core::dora::trend::Metric;
    let catalog = maturity_core::Catalog::builtin();
    let dora = catalog.get("dora").expect("DORA is built in");
    for (id, name) in METRICS {
        assert!(dora.question(id).is_some(), "{id} is a DORA question");
        assert_eq!(
            METRICS.iter().filter(|(_, n)| *n == name).count(),
            1,
            "{name} names one metric"
        );
    }
    // The trend over time uses the same names as the results page.
    for metric in Metric::ALL {
        assert_eq!(Some(metric.name()), metric_name(metric.question()));
    }
    assert_eq!(
        Metric::RecoveryTime.name(),
        "Failed deployment recovery time"
    );
}

#[test]
fn the_dora_overall_is_the_quick_checks_mean_of_every_answered_metric() {
    let catalog = maturity_core::Catalog::builtin();
    let questionnaire = catalog.get("dora").expect("DORA is built in");
    // Throughput 4.0, 4.0, 10.0 and stability 9.0, 9.5: the mean of the two groups
    // would be 7.625; the Quick Check's overall is the mean of the five, 7.3.
    let answers: std::collections::BTreeMap<String, u8> = [
        (maturity_core::dora::clusters::LEAD_TIME, 2),
        (maturity_core::dora::clusters::DEPLOYMENT_FREQUENCY, 2),
        (maturity_core::dora::clusters::RECOVERY_TIME, 5),
        (maturity_core::dora::clusters::CHANGE_FAILURE_RATE, 10),
        (maturity_core::dora::clusters::REWORK_RATE, 5),
    ]
    .into_iter()
    .map(|(id, v)| (id.to_string(), v))
    .collect();
    let result = maturity_core::assessment::scoring::score(questionnaire, &answers);
    let overall = result.overall.expect("answered");
    assert!((overall - 7.3).abs() < 1e-9, "overall {overall}");
    // The groups are still shown apart, as the Quick Check shows them.
    let s = scores(&Delivery::from_answers(&answers));
    assert!((s.throughput.unwrap() - 6.0).abs() < 1e-9);
    assert!((s.stability.unwrap() - 9.25).abs() < 1e-9);
    // With one metric unanswered, the mean of the four answered.
    let mut fewer = answers.clone();
    fewer.remove(maturity_core::dora::clusters::REWORK_RATE);
    let overall = maturity_core::assessment::scoring::score(questionnaire, &fewer)
        .overall
        .unwrap();
    assert!((overall - 27.0 / 4.0).abs() < 1e-9, "overall {overall}");
}

#[test]
fn recovery_time_is_grouped_as_each_edition_grouped_it() {
    // The reports: 2019-2023 counted recovery time as stability, 2024 as throughput.
    for e in editions() {
        let expected = if e.year >= 2024 {
            Grouping::RecoveryWithThroughput
        } else {
            Grouping::RecoveryWithStability
        };
        assert_eq!(e.grouping, expected, "{}", e.year);
    }
    // The grouping changes the distance. Two teams differing only in recovery time:
    // in 2023 that difference is half of the stability factor (with the failure
    // rate); in 2024 it is a third of throughput. A team that answered only
    // recovery time and deployment frequency shows it: each factor has one metric
    // in 2023, so the distance to Elite is the root of the mean of both squares.
    let d = Delivery {
        deployment_frequency: Some(5),
        recovery_time: Some(0),
        ..Delivery::default()
    };
    let p2023 = place(&d, &edition(2023)).expect("placement");
    let elite = |p: &dora::Placement| p.distances.iter().find(|(n, _)| *n == "Elite").unwrap().1;
    // 2023: throughput (DF 5 vs 5) = 0; stability (REC 0 vs 5) = 1 -> sqrt(1/2).
    assert!((elite(&p2023) - 0.5_f64.sqrt()).abs() < 1e-9, "{p2023:?}");
    // 2024: both in throughput, one factor: mean of 0 and 1 -> sqrt(1/2) as well,
    // but with the failure rate answered the factors split differently.
    let with_cfr = Delivery {
        change_failure_rate: Some(5),
        ..d
    };
    let a = elite(&place(&with_cfr, &edition(2023)).unwrap());
    let b = elite(&place(&with_cfr, &edition(2024)).unwrap());
    // 2023: throughput 0; stability (1 + 0) / 2 -> sqrt(0.25) = 0.5.
    assert!((a - 0.5).abs() < 1e-9, "2023: {a}");
    // 2024: throughput (0 + 1) / 2 = 0.5; instability 0 -> sqrt(0.25) = 0.5 too,
    // and with lead time answered at the best the two editions part.
    assert!((b - 0.5).abs() < 1e-9, "2024: {b}");
    let with_lt = Delivery {
        lead_time: Some(5),
        ..with_cfr
    };
    let a = elite(&place(&with_lt, &edition(2023)).unwrap());
    let b = elite(&place(&with_lt, &edition(2024)).unwrap());
    // 2023: throughput (DF, LT) = (0 + 0.01) / 2; stability (1 + 0) / 2.
    // 2024: throughput (0 + 0.01 + 1) / 3; instability 0.
    let lt = (5.0 - 4.5) / 5.0_f64;
    let expected_2023 = (((lt * lt) / 2.0 + 0.5) / 2.0).sqrt();
    let expected_2024 = (((lt * lt + 1.0) / 3.0) / 2.0).sqrt();
    assert!(
        (a - expected_2023).abs() < 1e-9,
        "2023: {a} vs {expected_2023}"
    );
    assert!(
        (b - expected_2024).abs() < 1e-9,
        "2024: {b} vs {expected_2024}"
    );
}

#[test]
fn a_team_that_beats_a_better_cluster_on_every_metric_is_told_so() {
    // 2024: medium's failure rate (10%) is lower than high's (20%). A team at high's
    // throughput with no failures is nearer medium by distance, yet meets or beats
    // high on every metric: the placement says so.
    let d = team(3, 3, 4, 0);
    let p = place(&d, &edition(2024)).expect("placement");
    assert_eq!(p.nearest, ["Medium"], "{:?}", p.distances);
    assert_eq!(p.meets_or_beats, ["High"]);
    // Not said for clusters below the nearest, nor when placed in the best one.
    let p = place(&team(5, 5, 5, 0), &edition(2024)).expect("placement");
    assert_eq!(p.nearest, ["Elite"]);
    assert!(p.meets_or_beats.is_empty());
    // Nor for a cluster the team falls short of on one metric (lead time).
    let p = place(&team(3, 2, 4, 0), &edition(2024)).expect("placement");
    assert!(!p.meets_or_beats.contains(&"High"), "{p:?}");
}

#[test]
fn every_cluster_s_profile_meets_itself_and_falls_short_of_nothing() {
    for e in editions() {
        for c in &e.clusters {
            let p = place(&c.as_delivery(), &e).expect("placement");
            assert!(
                p.short_of.is_empty(),
                "{} {}: {:?}",
                e.year,
                c.name,
                p.short_of
            );
        }
    }
}

#[test]
fn the_2019_to_2022_editions_warn_that_they_asked_about_any_incident() {
    for e in editions() {
        let warns = e.caveat.contains("after any incident");
        assert_eq!(warns, e.year <= 2022, "{}: {}", e.year, e.caveat);
    }
}
