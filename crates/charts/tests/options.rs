//! The chart options as ECharts receives them (JSON), checked natively: what a
//! person would see drawn, and the option shapes that once broke ECharts.

use maturity_charts::{
    cluster_distance_option, dora_metric_option, or_blank, radar_compare_option, radar_option,
    trend_option, Chart, Palette, DARK, ENGLISH, LIGHT, MIN_RADAR_AXES,
};
use serde_json::Value;

fn json(chart: &Chart) -> Value {
    serde_json::to_value(chart).expect("a chart serializes")
}

fn num(value: &Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

fn scores(values: &[Option<f64>]) -> Vec<(String, Option<f64>)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("Dimension {i}"), *v))
        .collect()
}

#[test]
fn a_radar_draws_only_scored_dimensions_rounded_as_the_table_shows_them() {
    let chart = radar_option(
        "CALMS",
        &scores(&[Some(1.25), None, Some(10.0), Some(6.25)]),
        &LIGHT,
    )
    .expect("three scored dimensions make a radar");
    let option = json(&chart);
    let indicators = option["radar"][0]["indicator"]
        .as_array()
        .or_else(|| option["radar"]["indicator"].as_array())
        .expect("indicators");
    let names: Vec<&str> = indicators
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Dimension 0", "Dimension 2", "Dimension 3"],
        "unanswered left out, never drawn at 0"
    );
    assert!(indicators
        .iter()
        .all(|i| num(&i["max"]) == 10.0 && num(&i["min"]) == 0.0));
    let values = &option["series"][0]["data"][0]["value"];
    assert_eq!(
        values,
        &serde_json::json!([1.3, 10.0, 6.3]),
        "halves round away from zero, as format_score does"
    );
}

#[test]
fn too_few_scored_dimensions_make_no_radar() {
    let two = scores(&[Some(3.0), None, Some(4.0)]);
    assert!(radar_option("Team Topologies", &two, &LIGHT).is_none());
    let pairs = [
        ("A", Some(1.0), Some(2.0)),
        ("B", None, Some(2.0)),
        ("C", Some(1.0), None),
    ];
    assert!(
        radar_compare_option(&pairs, &ENGLISH, &LIGHT).is_none(),
        "only dimensions scored in both runs count"
    );
    assert_eq!(MIN_RADAR_AXES, 3);
    // An empty option, not a radar without indicators (on which ECharts throws).
    assert!(json(&or_blank(None)).get("radar").is_none());
}

#[test]
fn trend_gaps_stay_gaps_and_actions_are_marked_at_their_assessment() {
    let labels = vec![
        "2026-01-05".to_string(),
        "2026-04-02".to_string(),
        "2026-07-01".to_string(),
    ];
    let series = vec![("Culture".to_string(), vec![Some(2.5), None, Some(7.25)])];
    let marks = vec![("2026-04-02".to_string(), "2 actions".to_string())];
    let option = json(&trend_option(&labels, &series, &marks, &ENGLISH, &LIGHT));
    let data = &option["series"][0]["data"];
    assert_eq!(
        data,
        &serde_json::json!([2.5, null, 7.3]),
        "an unanswered point is a gap, not a zero"
    );
    assert_eq!(num(&option["yAxis"]["max"]), 10.0);
    let marked = &option["series"][1]["markLine"]["data"][0];
    assert_eq!(marked["xAxis"], "2026-04-02");
    assert_eq!(marked["name"], "2 actions");
    // No date sits on the chart's edge, where half its label would be cut off.
    assert_eq!(option["xAxis"]["boundaryGap"], true);
    assert_eq!(option["grid"][0]["containLabel"], true);
}

#[test]
fn the_failure_rate_is_drawn_with_zero_at_the_top_and_shared_bands_share_a_label() {
    let labels = vec!["2026-01-05".to_string()];
    let bands = [
        ("Elite", 0.0, 15.0),
        ("High", 0.0, 15.0),
        ("Low", 46.0, 60.0),
    ];
    let option = json(&dora_metric_option(
        &labels,
        &[Some(20.0)],
        &bands,
        true,
        &ENGLISH,
        &LIGHT,
    ));
    assert_eq!(option["grid"][0]["containLabel"], true, "no date cut off");
    assert_eq!(
        option["yAxis"]["inverse"], true,
        "better is up: 0% at the top"
    );
    assert_eq!(num(&option["yAxis"]["max"]), 100.0);
    let names: Vec<&str> = option["series"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Elite, High", "Low"],
        "clusters publishing one range share one band"
    );
    let throughput = json(&dora_metric_option(
        &labels,
        &[Some(3.0)],
        &[("Elite", 5.0, 5.0)],
        false,
        &ENGLISH,
        &LIGHT,
    ));
    assert_eq!(num(&throughput["yAxis"]["max"]), 5.0);
    assert_ne!(throughput["yAxis"]["inverse"], true);
}

#[test]
fn the_nearest_cluster_is_highlighted() {
    let option = json(&cluster_distance_option(
        2024,
        &[("Elite", 0.51), ("High", 0.123)],
        &["High"],
        &ENGLISH,
        &LIGHT,
    ));
    let bars = option["series"][0]["data"].as_array().unwrap();
    let colour = |i: usize| bars[i]["itemStyle"]["color"].as_str().unwrap().to_string();
    assert_ne!(colour(0), colour(1));
    assert_eq!(colour(1), maturity_charts::BRAND);
    assert_eq!(num(&bars[1]["value"]), 0.12);
}

#[test]
fn every_chart_has_aria_and_an_explicit_decal_list() {
    // charming 0.6 serializes an unset decal list as `[]`, on which ECharts 5 throws.
    let labels = vec!["2026-01-05".to_string()];
    let charts = [
        radar_option("X", &scores(&[Some(1.0), Some(2.0), Some(3.0)]), &LIGHT).unwrap(),
        trend_option(&labels, &[], &[], &ENGLISH, &LIGHT),
        dora_metric_option(&labels, &[None], &[], false, &ENGLISH, &LIGHT),
        cluster_distance_option(2023, &[("Elite", 0.0)], &["Elite"], &ENGLISH, &LIGHT),
    ];
    for chart in &charts {
        let option = json(chart);
        assert_eq!(option["aria"]["enabled"], true);
        let decals = option["aria"]["decal"]["decals"]
            .as_array()
            .expect("decals listed");
        assert!(!decals.is_empty());
    }
}

/// WCAG contrast ratio of two `#rrggbb` colours.
fn contrast(a: &str, b: &str) -> f64 {
    let lum = |hex: &str| {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn each_palette_s_text_and_lines_read_on_its_page() {
    // The page's card colour in each theme (assets/app.css: --paper).
    for (palette, paper) in [(LIGHT, "#ffffff"), (DARK, "#161b22")] {
        let p: Palette = palette;
        assert!(contrast(p.ink, paper) >= 4.5, "{paper}: text {}", p.ink);
        // Lines and bars are graphics: 3:1 (WCAG 1.4.11), and differ by symbol too.
        assert!(
            contrast(p.brand, paper) >= 3.0,
            "{paper}: brand {}",
            p.brand
        );
        assert!(
            contrast(p.muted, paper) >= 2.5,
            "{paper}: muted {}",
            p.muted
        );
    }
    for colour in DARK.series {
        assert!(contrast(colour, "#161b22") >= 3.0, "dark series {colour}");
    }
}

#[test]
fn a_dark_chart_is_drawn_in_the_dark_palette_everywhere() {
    let labels = vec!["2026-01-01".to_string(), "2026-02-01".to_string()];
    let trend = json(&trend_option(
        &labels,
        &[("Culture".to_string(), vec![Some(1.0), Some(2.0)])],
        &[("2026-01-01".to_string(), "1 action".to_string())],
        &ENGLISH,
        &DARK,
    ));
    let text = trend.to_string();
    assert!(
        text.contains(DARK.ink) && text.contains(DARK.series[0]),
        "{text}"
    );
    for light in [LIGHT.ink, LIGHT.brand, LIGHT.series[1]] {
        assert!(
            !text.contains(light),
            "a light colour {light} in a dark chart"
        );
    }
    // One component serializes as an object, several as a list.
    let one = |v: &Value| {
        if v.is_array() {
            v[0].clone()
        } else {
            v.clone()
        }
    };
    assert_eq!(
        one(&trend["xAxis"])["axisLabel"]["color"],
        DARK.ink,
        "{trend}"
    );
    assert_eq!(one(&trend["yAxis"])["axisLabel"]["color"], DARK.ink);
    assert_eq!(one(&trend["legend"])["textStyle"]["color"], DARK.ink);
    let radar =
        json(&radar_option("X", &scores(&[Some(1.0), Some(2.0), Some(3.0)]), &DARK).unwrap());
    assert_eq!(
        one(&radar["radar"])["axisName"]["color"],
        DARK.ink,
        "{radar}"
    );
    assert_eq!(one(&radar["radar"])["splitArea"]["show"], false);
    let bars = json(&cluster_distance_option(
        2024,
        &[("Elite", 0.1), ("High", 0.2)],
        &["Elite"],
        &ENGLISH,
        &DARK,
    ));
    assert!(!bars.to_string().contains(LIGHT.brand));
}
