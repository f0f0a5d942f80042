//! DORA's industry and size benchmarks as loaded: the data files' anomalies handled
//! (2025's inverted size recovery, rates stored lower-is-better, keys that differ
//! between editions), and a team's chosen peers kept with the team.

use maturity_core::dora::benchmarks::{
    band, group, Band, Kind, Stat, ALL, INDUSTRIES, SIZES, SURVEYS,
};
use maturity_core::dora::clusters::{scores, Delivery};
use maturity_core::error::TeamError;
use maturity_core::{ChangeError, Store, TeamId};

fn close(a: Option<Stat>, b: Option<Stat>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a.mean - b.mean).abs() < 1e-9 && (a.sd - b.sd).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn the_two_all_rows_of_each_survey_agree_after_loading() {
    // The same population: "All industries" and "All organizations" must match.
    // In the 2025 size file recovery is stored inverted (2.6 for 7.4).
    for survey in SURVEYS {
        let industry = group(survey, Kind::Industry, ALL).expect("all industries");
        let size = group(survey, Kind::Size, ALL).expect("all organisations");
        assert!(
            close(industry.lead_time, size.lead_time),
            "{survey} lead time"
        );
        assert!(
            close(industry.deployment_frequency, size.deployment_frequency),
            "{survey} deployment frequency"
        );
        assert!(
            close(industry.recovery_time, size.recovery_time),
            "{survey} recovery: {:?} vs {:?}",
            industry.recovery_time,
            size.recovery_time
        );
        assert!(
            close(industry.change_failure_rate, size.change_failure_rate),
            "{survey} cfr"
        );
        assert!(
            close(industry.rework_rate, size.rework_rate),
            "{survey} rework"
        );
    }
    let size_2025 = group(2025, Kind::Size, ALL).unwrap();
    assert!((size_2025.recovery_time.unwrap().mean - 7.4).abs() < 1e-9);
}

#[test]
fn rates_read_higher_is_better_like_a_team_s_own_scores() {
    // The files store change failure 1.9 (about 19%): shown 8.1, SD kept.
    let all = group(2025, Kind::Industry, ALL).unwrap();
    let cfr = all.change_failure_rate.unwrap();
    assert!((cfr.mean - 8.1).abs() < 1e-9 && (cfr.sd - 2.1).abs() < 1e-9);
    let rework = all.rework_rate.unwrap();
    assert!((rework.mean - 7.8).abs() < 1e-9);
    // Throughput metrics are as published.
    assert!((all.lead_time.unwrap().mean - 5.5).abs() < 1e-9);
    assert!((all.deployment_frequency.unwrap().mean - 4.8).abs() < 1e-9);
    // A team at 19% failures scores 8.1 by the Quick Check's rule: the same scale.
    let team = scores(&Delivery {
        change_failure_rate: Some(19),
        ..Delivery::default()
    });
    assert!((team.change_failure_rate.unwrap() - cfr.mean).abs() < 1e-9);
    // Each metric is looked up by its question, for the team and the group alike.
    use maturity_core::dora::clusters::{CHANGE_FAILURE_RATE, METRICS, REWORK_RATE};
    assert_eq!(team.metric(CHANGE_FAILURE_RATE), team.change_failure_rate);
    assert_eq!(all.metric(CHANGE_FAILURE_RATE), all.change_failure_rate);
    assert_eq!(all.metric(REWORK_RATE), all.rework_rate);
    assert!(
        METRICS.iter().all(|(id, _)| all.metric(id).is_some()),
        "2025 has every metric"
    );
    assert_eq!(all.metric("calms.culture.bad-news"), None);
}

#[test]
fn the_2024_survey_asked_no_rework_rate() {
    for (key, _) in INDUSTRIES {
        let g = group(2024, Kind::Industry, key).expect(key);
        assert_eq!(g.rework_rate, None, "{key}");
        assert!(
            g.lead_time.is_some() && g.change_failure_rate.is_some(),
            "{key}"
        );
    }
}

#[test]
fn every_industry_is_in_both_surveys_and_sizes_follow_each_survey_s_bands() {
    for survey in SURVEYS {
        for (key, _) in INDUSTRIES {
            assert!(
                group(survey, Kind::Industry, key).is_some(),
                "{survey} {key}"
            );
        }
    }
    // Keyed by label: 2024's "fewer_than_00002" and 2025's "solo" are one person.
    let solo_2024 = group(2024, Kind::Size, "1").unwrap();
    let solo_2025 = group(2025, Kind::Size, "1").unwrap();
    assert!(solo_2024.label.starts_with("Just me"));
    assert_eq!(solo_2025.label, "1 employee");
    // 2025 has no 10 to 19 band; 2024 does.
    assert!(group(2024, Kind::Size, "10-19").is_some());
    assert!(group(2025, Kind::Size, "10-19").is_none());
    for (key, ..) in SIZES.iter().filter(|(k, ..)| *k != "10-19") {
        assert!(group(2025, Kind::Size, key).is_some(), "2025 {key}");
        assert!(group(2024, Kind::Size, key).is_some(), "2024 {key}");
    }
    // Every 2025 size row's recovery is corrected, not only the "all" row: all
    // sit near the industries' range (6.5-7.8), none near the stored 2.3-2.8.
    for (key, ..) in SIZES.iter().filter(|(k, ..)| *k != "10-19") {
        let rec = group(2025, Kind::Size, key)
            .unwrap()
            .recovery_time
            .unwrap()
            .mean;
        assert!((7.0..=7.9).contains(&rec), "{key}: {rec}");
    }
    // Unknown keys and surveys give nothing rather than a wrong group.
    assert!(group(2025, Kind::Industry, "astrology").is_none());
    assert!(group(2023, Kind::Industry, ALL).is_none());
}

#[test]
fn a_score_is_placed_against_the_one_standard_deviation_band() {
    let stat = Stat { mean: 5.0, sd: 2.0 };
    assert_eq!(band(2.9, stat), Band::Below);
    assert_eq!(band(3.0, stat), Band::Within);
    assert_eq!(band(7.0, stat), Band::Within);
    assert_eq!(band(7.1, stat), Band::Above);
}

#[test]
fn a_team_keeps_its_industry_and_size() {
    let mut store = Store::new();
    let run = store
        .start_run(
            "Payments",
            vec!["dora".into()],
            TeamId("t".into()),
            maturity_core::RunId("r".into()),
            1,
        )
        .unwrap();
    let team = store.run(&run).unwrap().team.clone();
    store
        .set_peers(&team, Some("financial_services"), Some("1000-4999"), 2)
        .unwrap();
    let read = Store::decode(&store.encode().unwrap()).unwrap();
    let t = read.team(&team).unwrap();
    assert_eq!(t.industry.as_deref(), Some("financial_services"));
    assert_eq!(t.size.as_deref(), Some("1000-4999"));
    // Unknown keys are refused and change nothing.
    let before = store.clone();
    assert_eq!(
        store.set_peers(&team, Some("astrology"), None, 3),
        Err(ChangeError::Team(TeamError::UnknownPeers))
    );
    assert_eq!(store, before);
    // Cleared with None.
    store.set_peers(&team, None, None, 4).unwrap();
    assert_eq!(store.team(&team).unwrap().industry, None);
    // A stored team from before this field reads with none.
    let old = r#"{"id":"x","name":"Old","created_at":1}"#;
    let t: maturity_core::Team = serde_json::from_str(old).unwrap();
    assert_eq!((t.industry, t.size), (None, None));
}
