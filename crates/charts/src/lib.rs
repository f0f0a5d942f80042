//! Chart options as pure data: what each chart of the app shows, built with charming
//! as plain values that serialize to ECharts' option JSON. Nothing here touches the
//! browser; the web shell's `charts` module draws these options with ECharts.
//!
//! Scores are drawn rounded by the core's one rule ([`maturity_core::assessment::scoring::rounded`]),
//! so a chart never shows another figure than the table beside it.

use charming::component::{
    Aria, Axis, Decal, DecalItem, Grid, Legend, RadarAxisName, RadarCoordinate, RadarIndicator,
};
use charming::datatype::DataPointItem;
use charming::element::{
    AreaStyle, AxisType, Color, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType,
    MarkArea, MarkAreaData, MarkLine, MarkLineData, MarkLineVariant, NameLocation, Symbol,
};
use charming::element::{AxisLabel, SplitArea, SplitLine, TextStyle};
use charming::series::{Bar, Line, Radar};
pub use charming::Chart;
use maturity_core::assessment::scoring::rounded;

/// A chart's colours, matching the page's theme (`assets/app.css`): text at 4.5:1
/// or more against the page, lines and bands told apart by symbol and pattern too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Whether this is for a dark page (the radar's pale stripes are left out).
    pub dark: bool,
    /// Labels, axis text, action marks.
    pub ink: &'static str,
    /// The earlier run, clusters that are not the nearest.
    pub muted: &'static str,
    /// The team's own series.
    pub brand: &'static str,
    /// Grid and split lines.
    pub grid: &'static str,
    /// Line colours, then symbols, so series differ by more than colour (Okabe-Ito
    /// on light; lighter tones of the same hues on dark).
    pub series: [&'static str; 6],
    /// Cluster bands, best first; faint so the team's line stays in front.
    pub bands: [&'static str; 4],
}

/// For the light theme (and print).
pub const LIGHT: Palette = Palette {
    dark: false,
    ink: "#1a1f24",
    muted: "#8a96a3",
    brand: "#0b4f6c",
    grid: "#e0e6f1",
    series: [
        "#0b4f6c", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9",
    ],
    bands: [
        "rgba(0,158,115,0.16)",
        "rgba(86,180,233,0.18)",
        "rgba(230,159,0,0.18)",
        "rgba(213,94,0,0.16)",
    ],
};

/// For the dark theme: the page's dark card is #161b22.
pub const DARK: Palette = Palette {
    dark: true,
    ink: "#f2f4f6",
    muted: "#8b98a5",
    brand: "#7cc4ff",
    grid: "#3a4450",
    series: [
        "#7cc4ff", "#ff9b5e", "#3fd1a4", "#e89bd0", "#f5c542", "#b9a7ff",
    ],
    bands: [
        "rgba(63,209,164,0.24)",
        "rgba(124,196,255,0.24)",
        "rgba(245,197,66,0.22)",
        "rgba(255,155,94,0.22)",
    ],
};

/// The light theme's brand colour (the page's `--brand`).
pub const BRAND: &str = LIGHT.brand;

/// An axis's text and grid in `p`'s colours.
fn themed(axis: Axis, p: &Palette) -> Axis {
    axis.axis_label(AxisLabel::new().color(p.ink))
        .name_text_style(TextStyle::new().color(p.ink))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(p.grid)))
}

const SYMBOLS: [Symbol; 6] = [
    Symbol::Circle,
    Symbol::Rect,
    Symbol::Triangle,
    Symbol::Diamond,
    Symbol::Pin,
    Symbol::RoundRect,
];
/// Fewest scored dimensions for which a radar says anything.
pub const MIN_RADAR_AXES: usize = 3;

/// Radar of dimension scores (0-10). Dimensions without a score are left out, since
/// plotting them at zero would show a result nobody gave.
pub fn radar_option(title: &str, data: &[(String, Option<f64>)], p: &Palette) -> Option<Chart> {
    let scored: Vec<(&str, f64)> = data
        .iter()
        .filter_map(|(name, score)| score.map(|s| (name.as_str(), s)))
        .collect();
    if scored.len() < MIN_RADAR_AXES {
        return None;
    }
    let indicators: Vec<RadarIndicator> = scored
        .iter()
        .map(|(name, _)| RadarIndicator::new().name(*name).min(0).max(10))
        .collect();
    let values: Vec<f64> = scored.iter().map(|(_, s)| rounded(*s)).collect();
    Some(
        Chart::new()
            .aria(accessible())
            .color(vec![Color::from(p.brand)])
            .radar(
                radar_grid(p)
                    .indicator(indicators)
                    // Room around the radar for long dimension names.
                    .radius("58%")
                    // Strong, large axis names: the chart is read off a projector.
                    .axis_name(RadarAxisName::new().color(p.ink).font_size(15)),
            )
            .series(
                Radar::new()
                    .name(title)
                    .line_style(LineStyle::new().width(3))
                    .area_style(AreaStyle::new().opacity(0.2))
                    .data(vec![DataPointItem::new(values).name(title)]),
            ),
    )
}

/// The words a chart writes itself (legends, series and axis names), in the
/// language shown; `{year}` stands for the edition. [`ENGLISH`] is the default.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    pub previous_run: &'a str,
    pub latest_run: &'a str,
    pub actions_agreed: &'a str,
    pub your_team: &'a str,
    /// The distance chart's axis: "Distance from each {year} cluster (0 = same profile)".
    pub distance_axis: &'a str,
    /// The distance chart's series: "{year} clusters".
    pub clusters_of: &'a str,
}

/// The charts' words in English.
pub const ENGLISH: Words<'static> = Words {
    previous_run: "Previous run",
    latest_run: "Latest run",
    actions_agreed: "Actions agreed",
    your_team: "Your team",
    distance_axis: "Distance from each {year} cluster (0 = same profile)",
    clusters_of: "{year} clusters",
};

/// A radar of the latest run over the previous one (dashed). Only dimensions scored
/// in both runs are drawn; `None` when fewer than [`MIN_RADAR_AXES`] are.
pub fn radar_compare_option(
    data: &[(&str, Option<f64>, Option<f64>)],
    words: &Words,
    p: &Palette,
) -> Option<Chart> {
    let both: Vec<(&str, f64, f64)> = data
        .iter()
        .filter_map(|(name, previous, latest)| Some((*name, (*previous)?, (*latest)?)))
        .collect();
    if both.len() < MIN_RADAR_AXES {
        return None;
    }
    let indicators: Vec<RadarIndicator> = both
        .iter()
        .map(|(name, _, _)| RadarIndicator::new().name(*name).min(0).max(10))
        .collect();
    let round = rounded;
    let previous: Vec<f64> = both.iter().map(|(_, p, _)| round(*p)).collect();
    let latest: Vec<f64> = both.iter().map(|(_, _, l)| round(*l)).collect();
    Some(
        Chart::new()
            .aria(accessible())
            .color(vec![Color::from(p.muted), Color::from(p.brand)])
            .legend(
                Legend::new()
                    .bottom(0)
                    .text_style(TextStyle::new().color(p.ink))
                    .data(vec![words.previous_run, words.latest_run]),
            )
            .radar(
                radar_grid(p)
                    .indicator(indicators)
                    .radius("55%")
                    .axis_name(RadarAxisName::new().color(p.ink).font_size(15)),
            )
            .series(
                Radar::new()
                    .name(words.previous_run)
                    .symbol(Symbol::Rect)
                    .line_style(LineStyle::new().width(2).type_(LineStyleType::Dashed))
                    .data(vec![DataPointItem::new(previous).name(words.previous_run)]),
            )
            .series(
                Radar::new()
                    .name(words.latest_run)
                    .line_style(LineStyle::new().width(3))
                    .area_style(AreaStyle::new().opacity(0.2))
                    .data(vec![DataPointItem::new(latest).name(words.latest_run)]),
            ),
    )
}

/// A radar's rings in `p`'s colours (no pale stripes on a dark page).
fn radar_grid(p: &Palette) -> RadarCoordinate {
    RadarCoordinate::new()
        .split_line(SplitLine::new().line_style(LineStyle::new().color(p.grid)))
        .split_area(SplitArea::new().show(!p.dark))
}

/// `option`, or an empty chart where there is nothing to draw.
pub fn or_blank(option: Option<Chart>) -> Chart {
    option.unwrap_or_default()
}

/// Scores over time: one line per series on 0-10, one point per run (`labels` are
/// the runs' dates). Unanswered points are gaps, never zeros.
/// The grid of a chart over time: its axis labels inside the chart's box, so no
/// date is cut off at either end.
fn timeline_grid() -> Grid {
    Grid::new().contain_label(true)
}

/// The dates of assessments along the bottom of a chart, each point in the middle
/// of its own band: a date at the chart's very edge would have half its label cut
/// off.
fn timeline(labels: &[String]) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .boundary_gap(true)
        .data(labels.to_vec())
}

/// `marks` are (x label, text) pairs drawn as dashed vertical lines: the
/// assessments at which the team agreed actions, so their effect can be looked for
/// in the points that follow.
pub fn trend_option(
    labels: &[String],
    series: &[(String, Vec<Option<f64>>)],
    marks: &[(String, String)],
    words: &Words,
    p: &Palette,
) -> Chart {
    let mut chart = Chart::new()
        .aria(accessible())
        .color(p.series.iter().map(|c| Color::from(*c)).collect())
        .legend(
            Legend::new()
                .bottom(0)
                .text_style(TextStyle::new().color(p.ink)),
        )
        // The axes' labels inside the chart's box, room at the top for action labels
        // and at the bottom for the legend.
        .grid(timeline_grid().left(8).right(16).top(30).bottom(36))
        .x_axis(themed(timeline(labels), p))
        .y_axis(themed(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .max(10)
                .interval(2),
            p,
        ));
    for (i, (name, values)) in series.iter().enumerate() {
        let values: Vec<Option<f64>> = values.iter().map(|v| v.map(rounded)).collect();
        chart = chart.series(
            Line::new()
                .name(name.as_str())
                .symbol(SYMBOLS[i % SYMBOLS.len()].clone())
                .symbol_size(9)
                .line_style(LineStyle::new().width(2))
                .data(values),
        );
    }
    if !marks.is_empty() {
        chart = chart.series(
            Line::new()
                .name(words.actions_agreed)
                .silent(true)
                .item_style(ItemStyle::new().color(p.ink))
                .data(Vec::<Option<f64>>::new())
                .mark_line(
                    MarkLine::new()
                        .silent(true)
                        .symbol(vec![Symbol::None, Symbol::None])
                        .line_style(
                            LineStyle::new()
                                .color(p.ink)
                                .type_(LineStyleType::Dashed)
                                .width(1),
                        )
                        .label(Label::new().formatter("{b}").color(p.ink))
                        .data(
                            marks
                                .iter()
                                .map(|(x, text)| {
                                    MarkLineVariant::Simple(
                                        MarkLineData::new().name(text.as_str()).x_axis(x.as_str()),
                                    )
                                })
                                .collect(),
                        ),
                ),
        );
    }
    chart
}

/// One DORA metric over time, with each cluster of the chosen edition drawn behind
/// as a labelled band. Throughput metrics are option positions (0 worst to 5 best);
/// the change failure rate is a percentage, drawn with 0% at the top so that better
/// is up on every chart.
pub fn dora_metric_option(
    labels: &[String],
    values: &[Option<f64>],
    bands: &[(&str, f64, f64)],
    percent: bool,
    words: &Words,
    p: &Palette,
) -> Chart {
    // A band published as one value still needs some height to be seen.
    let pad = if percent { 1.5 } else { 0.15 };
    let (max, interval) = if percent { (100, 20) } else { (5, 1) };
    // Clusters that publish the same range share one band and one label.
    let mut merged: Vec<(String, f64, f64)> = Vec::new();
    for (cluster, low, high) in bands {
        match merged.iter_mut().find(|(_, l, h)| l == low && h == high) {
            Some((names, _, _)) => {
                names.push_str(", ");
                names.push_str(cluster);
            }
            None => merged.push((cluster.to_string(), *low, *high)),
        }
    }
    let mut chart = Chart::new()
        .aria(accessible())
        .color(vec![Color::from(p.brand)])
        // Room on the right for the clusters' names beside their bands.
        .grid(timeline_grid().left(8).right(110).top(20).bottom(8))
        .x_axis(themed(timeline(labels), p))
        .y_axis(themed(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .max(max)
                .interval(interval)
                .inverse(percent),
            p,
        ))
        .series(
            Line::new()
                .name(words.your_team)
                .symbol(Symbol::Circle)
                .symbol_size(10)
                .z(5)
                .line_style(LineStyle::new().width(3))
                .data(values.to_vec()),
        );
    for (i, (cluster, low, high)) in merged.iter().enumerate() {
        let top = f64::from(max);
        let low = (low - pad).max(0.0);
        let high = (high + pad).min(top);
        chart = chart.series(
            Line::new()
                .name(cluster.as_str())
                .silent(true)
                .data(Vec::<Option<f64>>::new())
                .mark_area(
                    MarkArea::new()
                        .silent(true)
                        .item_style(ItemStyle::new().color(p.bands[i % p.bands.len()]))
                        .label(
                            Label::new()
                                .show(true)
                                .position(LabelPosition::Right)
                                .color(p.ink),
                        )
                        .data(vec![(
                            MarkAreaData::new()
                                .name(cluster.as_str())
                                .y_axis(format!("{low}")),
                            MarkAreaData::new().y_axis(format!("{high}")),
                        )]),
                ),
        );
    }
    chart
}

/// ECharts' aria (a generated description on the chart) and decals (patterns, so
/// series differ by more than colour). The patterns are listed explicitly: charming
/// 0.6 serializes an unset list as `"decals": []`, on which ECharts 5 throws.
fn accessible() -> Aria {
    Aria::new()
        .enabled(true)
        .decal(Decal::new().show(true).decals(vec![
        DecalItem::new().symbol(Symbol::Circle).symbol_size(0.4),
        DecalItem::new().symbol(Symbol::Rect).symbol_size(0.4).rotation(0.785),
        DecalItem::new().symbol(Symbol::Triangle).symbol_size(0.4),
    ]))
}

/// Horizontal bars: how far the team's answers are from each cluster's published
/// profile (0 = the same), nearest highlighted.
pub fn cluster_distance_option(
    year: u16,
    distances: &[(&str, f64)],
    nearest: &[&str],
    words: &Words,
    p: &Palette,
) -> Chart {
    let names: Vec<String> = distances.iter().map(|(n, _)| n.to_string()).collect();
    let bars: Vec<DataPointItem> = distances
        .iter()
        .map(|(name, d)| {
            let colour = if nearest.contains(name) {
                p.brand
            } else {
                p.muted
            };
            DataPointItem::new((d * 100.0).round() / 100.0)
                .name(*name)
                .item_style(ItemStyle::new().color(colour))
        })
        .collect();
    Chart::new()
        .aria(accessible())
        .grid(Grid::new().left(90).right(30).top(20).bottom(40))
        .x_axis(themed(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .name(words.distance_axis.replace("{year}", &year.to_string()))
                .name_location(NameLocation::Middle)
                .name_gap(28),
            p,
        ))
        .y_axis(themed(
            Axis::new()
                .type_(AxisType::Category)
                .data(names)
                .inverse(true),
            p,
        ))
        .series(
            Bar::new()
                .name(words.clusters_of.replace("{year}", &year.to_string()))
                .data(bars),
        )
}
