//! DORA's industry and organisation-size benchmarks (2024 and 2025 surveys): each
//! metric's mean and standard deviation per group, on DORA's 0-10 scale, so a team
//! sees its scores beside its peers', as DORA's Quick Check shows them.
//!
//! The figures are the Quick Check's own data files as published (listed in
//! `docs/sources.md#dora-benchmarks`), with their known anomalies corrected when
//! loaded, never in the data: the 2025 size file stores recovery time inverted
//! (its "All organizations" row reads 2.6 where "All industries" reads 7.4 for the
//! same people), the rates are stored as "lower is better" tenths of a percent, and
//! the editions key the same size band differently. `tests/benchmarks.rs` checks
//! that both "all" rows of an edition agree after loading.

use crate::dora::clusters as dora;

/// The surveys with benchmarks, newest first.
pub const SURVEYS: [u16; 2] = [2025, 2024];

/// A mean and a standard deviation on the 0-10 scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    pub mean: f64,
    pub sd: f64,
}

const fn s(mean: f64, sd: f64) -> Stat {
    Stat { mean, sd }
}

/// One row of a data file as published: lead time, deployment frequency, recovery
/// time, change failure rate, rework rate (the files' order and scale).
struct RawGroup {
    key: &'static str,
    label: &'static str,
    metrics: [Option<Stat>; 5],
}

const fn g(key: &'static str, label: &'static str, metrics: [Option<Stat>; 5]) -> RawGroup {
    RawGroup {
        key,
        label,
        metrics,
    }
}

/// What a group is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Industry,
    Size,
}

/// One group's figures, corrected and "higher is better" like a team's own scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub survey: u16,
    pub kind: Kind,
    /// The same in every survey ([`INDUSTRIES`], [`SIZES`]); what a team stores.
    pub key: &'static str,
    /// The survey's own name for the group.
    pub label: &'static str,
    pub deployment_frequency: Option<Stat>,
    pub lead_time: Option<Stat>,
    pub recovery_time: Option<Stat>,
    pub change_failure_rate: Option<Stat>,
    pub rework_rate: Option<Stat>,
}

impl Group {
    /// The group's figure for the metric asked by `question` (one of
    /// [`crate::dora::clusters::METRICS`]).
    pub fn metric(&self, question: &str) -> Option<Stat> {
        match question {
            dora::DEPLOYMENT_FREQUENCY => self.deployment_frequency,
            dora::LEAD_TIME => self.lead_time,
            dora::RECOVERY_TIME => self.recovery_time,
            dora::CHANGE_FAILURE_RATE => self.change_failure_rate,
            dora::REWORK_RATE => self.rework_rate,
            _ => None,
        }
    }
}

/// Industries a team can pick: key and our label (the same keys in both surveys).
pub const INDUSTRIES: [(&str, &str); 13] = [
    ("consumer", "Retail, consumer and e-commerce"),
    ("education", "Education"),
    ("energy", "Energy"),
    ("financial_services", "Financial services"),
    ("government", "Government"),
    (
        "healthcare_pharmaceuticals",
        "Healthcare and pharmaceuticals",
    ),
    ("industrials_manufacturing", "Industrials and manufacturing"),
    ("insurance", "Insurance"),
    ("media_entertainment", "Media and entertainment"),
    ("non_profit", "Non-profit"),
    ("technology", "Technology"),
    ("telecommunications", "Telecommunications"),
    ("other", "Other"),
];

/// Organisation sizes a team can pick: our key and label, and each survey's key
/// for the band (`None`: that survey has no such band).
pub const SIZES: [(&str, &str, Option<&str>, Option<&str>); 9] = [
    // (key, label, 2024 key, 2025 key)
    (
        "1",
        "Just one person",
        Some("fewer_than_00002"),
        Some("solo"),
    ),
    (
        "2-9",
        "2 to 9 employees",
        Some("fewer_than_010"),
        Some("fewer_than_10"),
    ),
    ("10-19", "10 to 19 employees", Some("fewer_than_020"), None),
    (
        "20-99",
        "20 to 99 employees",
        Some("fewer_than_100"),
        Some("fewer_than_100"),
    ),
    (
        "100-499",
        "100 to 499 employees",
        Some("fewer_than_500"),
        Some("fewer_than_500"),
    ),
    (
        "500-999",
        "500 to 999 employees",
        Some("fewer_than_1000"),
        Some("fewer_than_1000"),
    ),
    (
        "1000-4999",
        "1,000 to 4,999 employees",
        Some("fewer_than_5000"),
        Some("fewer_than_5000"),
    ),
    (
        "5000-9999",
        "5,000 to 9,999 employees",
        Some("fewer_than_10000"),
        Some("fewer_than_10000"),
    ),
    (
        "10000+",
        "10,000 or more employees",
        Some("more_than_9999"),
        Some("more_than_9999"),
    ),
];

/// The key of every survey's whole-population row.
pub const ALL: &str = "all";

/// The label of an industry key, `None` for a key this app does not know.
pub fn industry_label(key: &str) -> Option<&'static str> {
    INDUSTRIES.iter().find(|(k, _)| *k == key).map(|(_, l)| *l)
}

/// The label of a size key, `None` for a key this app does not know.
pub fn size_label(key: &str) -> Option<&'static str> {
    SIZES.iter().find(|(k, ..)| *k == key).map(|(_, l, ..)| *l)
}

/// The figures of `survey` for the industry (`Kind::Industry`) or size
/// (`Kind::Size`) `key` (one of [`INDUSTRIES`], [`SIZES`] or [`ALL`]), corrected;
/// `None` when that survey has no such group.
pub fn group(survey: u16, kind: Kind, key: &str) -> Option<Group> {
    let (raw, file_key) = match (survey, kind) {
        (2024, Kind::Industry) => (RAW_2024_INDUSTRY, Some(key)),
        (2025, Kind::Industry) => (RAW_2025_INDUSTRY, Some(key)),
        (2024 | 2025, Kind::Size) => {
            let raw = if survey == 2024 {
                RAW_2024_SIZE
            } else {
                RAW_2025_SIZE
            };
            let file_key = if key == ALL {
                Some(ALL)
            } else {
                SIZES
                    .iter()
                    .find(|(k, ..)| *k == key)
                    .and_then(|(_, _, k2024, k2025)| if survey == 2024 { *k2024 } else { *k2025 })
            };
            (raw, file_key)
        }
        _ => return None,
    };
    let file_key = file_key?;
    let row = raw.iter().find(|r| r.key == file_key)?;
    let [lt, df, rec, cfr, rework] = row.metrics;
    // Anomaly: the 2025 size file stores recovery time inverted (10 - value).
    let rec = if (survey, kind) == (2025, Kind::Size) {
        rec.map(|r| s(10.0 - r.mean, r.sd))
    } else {
        rec
    };
    // Rates are stored as the mean percentage over ten, lower is better: shown as a
    // team's scores are, 10 - mean (the standard deviation is unchanged).
    let higher_is_better = |r: Option<Stat>| r.map(|r| s(10.0 - r.mean, r.sd));
    Some(Group {
        survey,
        kind,
        key: if key == ALL { ALL } else { row_key(kind, key)? },
        label: row.label,
        deployment_frequency: df,
        lead_time: lt,
        recovery_time: rec,
        change_failure_rate: higher_is_better(cfr),
        rework_rate: higher_is_better(rework),
    })
}

/// `key` as a `'static` key of [`INDUSTRIES`] or [`SIZES`].
fn row_key(kind: Kind, key: &str) -> Option<&'static str> {
    match kind {
        Kind::Industry => INDUSTRIES.iter().find(|(k, _)| *k == key).map(|(k, _)| *k),
        Kind::Size => SIZES.iter().find(|(k, ..)| *k == key).map(|(k, ..)| *k),
    }
}

/// Where a score sits against a group, in words: within one standard deviation of
/// the mean, or above or below that band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Below,
    Within,
    Above,
}

/// The band of `score` against `stat` (the band's edges count as within).
pub fn band(score: f64, stat: Stat) -> Band {
    if score < stat.mean - stat.sd {
        Band::Below
    } else if score > stat.mean + stat.sd {
        Band::Above
    } else {
        Band::Within
    }
}

/// DORA 2024 survey, by industry: lead time, deployment frequency, recovery time,
/// change failure rate (raw), rework rate (raw), as the Quick Check's data file has them.
#[rustfmt::skip]
const RAW_2024_INDUSTRY: &[RawGroup] = &[
    g("all", "All industries", [Some(s(5.1, 2.6)), Some(s(5.3, 2.9)), Some(s(7.5, 2.3)), Some(s(1.7, 2.0)), None]),
    g("education", "Education", [Some(s(4.8, 3.1)), Some(s(5.1, 3.2)), Some(s(6.6, 3.0)), Some(s(1.6, 2.1)), None]),
    g("energy", "Energy", [Some(s(4.6, 2.5)), Some(s(4.9, 3.1)), Some(s(6.6, 2.9)), Some(s(2.7, 2.7)), None]),
    g("financial_services", "Financial Services", [Some(s(4.9, 2.4)), Some(s(5.2, 2.7)), Some(s(7.9, 1.9)), Some(s(1.6, 1.8)), None]),
    g("government", "Government", [Some(s(4.6, 2.6)), Some(s(4.4, 2.6)), Some(s(6.8, 2.1)), Some(s(2.4, 2.3)), None]),
    g("healthcare_pharmaceuticals", "Healthcare & Pharmaceuticals", [Some(s(4.6, 2.6)), Some(s(4.4, 2.6)), Some(s(7.4, 2.5)), Some(s(1.4, 1.5)), None]),
    g("industrials_manufacturing", "Industrials & Manufacturing", [Some(s(4.8, 2.4)), Some(s(4.9, 2.9)), Some(s(6.6, 2.6)), Some(s(1.7, 1.9)), None]),
    g("insurance", "Insurance", [Some(s(4.4, 2.5)), Some(s(4.9, 3.0)), Some(s(6.9, 2.6)), Some(s(1.8, 2.2)), None]),
    g("media_entertainment", "Media/Entertainment", [Some(s(5.7, 2.7)), Some(s(5.7, 2.7)), Some(s(7.9, 2.4)), Some(s(1.5, 1.9)), None]),
    g("non_profit", "Non-profit", [Some(s(5.6, 3.1)), Some(s(4.9, 2.5)), Some(s(7.6, 2.0)), Some(s(1.5, 2.3)), None]),
    g("consumer", "Retail/Consumer/e-Commerce", [Some(s(5.8, 2.6)), Some(s(6.3, 3.0)), Some(s(8.0, 1.9)), Some(s(1.5, 1.6)), None]),
    g("technology", "Technology", [Some(s(5.4, 2.5)), Some(s(5.5, 2.9)), Some(s(7.7, 2.1)), Some(s(1.6, 1.9)), None]),
    g("telecommunications", "Telecommunications", [Some(s(4.8, 2.5)), Some(s(4.9, 2.7)), Some(s(7.2, 2.3)), Some(s(1.9, 2.0)), None]),
    g("other", "Other", [Some(s(5.5, 2.4)), Some(s(5.6, 2.9)), Some(s(7.8, 2.1)), Some(s(1.7, 1.9)), None]),
];

/// DORA 2024 survey, by organization size: lead time, deployment frequency, recovery time,
/// change failure rate (raw), rework rate (raw), as the Quick Check's data file has them.
#[rustfmt::skip]
const RAW_2024_SIZE: &[RawGroup] = &[
    g("all", "All organizations", [Some(s(5.1, 2.6)), Some(s(5.3, 2.9)), Some(s(7.5, 2.3)), Some(s(1.7, 2.0)), None]),
    g("fewer_than_00002", "Just me - I am a freelancer or sole proprietor", [Some(s(5.2, 3.5)), Some(s(4.8, 3.6)), Some(s(5.3, 3.6)), Some(s(3.7, 3.3)), None]),
    g("fewer_than_010", "2 to 9 employees", [Some(s(5.32, 2.8)), Some(s(5.1, 2.9)), Some(s(7.1, 2.6)), Some(s(1.8, 1.9)), None]),
    g("fewer_than_020", "10 to 19 employees", [Some(s(6.3, 2.5)), Some(s(6.1, 2.6)), Some(s(8.0, 2.4)), Some(s(1.9, 2.0)), None]),
    g("fewer_than_100", "20 to 99 employees", [Some(s(5.4, 2.6)), Some(s(5.4, 2.8)), Some(s(7.9, 1.9)), Some(s(1.6, 1.9)), None]),
    g("fewer_than_500", "100 to 499 employees", [Some(s(5.6, 2.5)), Some(s(6.0, 2.9)), Some(s(7.82, 2.1)), Some(s(1.6, 1.8)), None]),
    g("fewer_than_1000", "500 to 999 employees", [Some(s(5.0, 2.6)), Some(s(5.4, 3.0)), Some(s(7.5, 2.4)), Some(s(1.8, 2.1)), None]),
    g("fewer_than_5000", "1000 to 4999 employees", [Some(s(5.1, 2.5)), Some(s(5.3, 2.9)), Some(s(7.6, 2.0)), Some(s(1.6, 1.8)), None]),
    g("fewer_than_10000", "5000 to 9999 employees", [Some(s(4.9, 2.5)), Some(s(5.2, 3.0)), Some(s(7.4, 2.5)), Some(s(1.7, 2.0)), None]),
    g("more_than_9999", "10000 or more employees", [Some(s(4.8, 2.5)), Some(s(4.8, 2.8)), Some(s(7.5, 2.0)), Some(s(1.6, 1.8)), None]),
];

/// DORA 2025 survey, by industry: lead time, deployment frequency, recovery time,
/// change failure rate (raw), rework rate (raw), as the Quick Check's data file has them.
#[rustfmt::skip]
const RAW_2025_INDUSTRY: &[RawGroup] = &[
    g("all", "All industries", [Some(s(5.5, 2.4)), Some(s(4.8, 2.8)), Some(s(7.4, 2.1)), Some(s(1.9, 2.1)), Some(s(2.2, 2.2))]),
    g("consumer", "Retail/Consumer/e-Commerce", [Some(s(5.9, 2.3)), Some(s(5.3, 2.7)), Some(s(7.8, 1.8)), Some(s(1.7, 2.0)), Some(s(2.0, 1.9))]),
    g("media_entertainment", "Media & Entertainment", [Some(s(5.8, 2.4)), Some(s(5.2, 2.7)), Some(s(7.6, 2.1)), Some(s(1.8, 1.8)), Some(s(1.8, 1.7))]),
    g("non_profit", "Non-profit", [Some(s(5.9, 2.7)), Some(s(4.5, 2.6)), Some(s(7.5, 1.8)), Some(s(2.2, 2.8)), Some(s(2.1, 2.5))]),
    g("technology", "Technology", [Some(s(5.7, 2.4)), Some(s(4.9, 2.8)), Some(s(7.4, 2.1)), Some(s(1.9, 2.0)), Some(s(2.3, 2.2))]),
    g("telecommunications", "Telecommunications", [Some(s(5.2, 2.4)), Some(s(4.7, 2.6)), Some(s(7.2, 2.3)), Some(s(2.4, 2.5)), Some(s(2.6, 2.5))]),
    g("other", "Other", [Some(s(5.7, 2.4)), Some(s(5.0, 2.7)), Some(s(7.6, 2.0)), Some(s(1.6, 1.9)), Some(s(2.0, 2.0))]),
    g("education", "Education", [Some(s(5.5, 2.6)), Some(s(4.5, 2.9)), Some(s(6.6, 2.6)), Some(s(2.7, 2.4)), Some(s(2.9, 2.3))]),
    g("financial_services", "Financial Services", [Some(s(5.4, 2.3)), Some(s(5.1, 2.6)), Some(s(7.7, 1.9)), Some(s(1.7, 2.1)), Some(s(1.9, 1.9))]),
    g("healthcare_pharmaceuticals", "Healthcare & Pharmaceuticals", [Some(s(5.0, 2.6)), Some(s(4.3, 2.8)), Some(s(7.1, 2.2)), Some(s(2.5, 2.3)), Some(s(2.6, 2.4))]),
    g("energy", "Energy", [Some(s(5.4, 2.5)), Some(s(4.5, 2.7)), Some(s(7.2, 1.9)), Some(s(1.8, 1.8)), Some(s(2.1, 1.9))]),
    g("government", "Government", [Some(s(4.8, 2.6)), Some(s(4.3, 3.0)), Some(s(7.0, 2.1)), Some(s(2.1, 2.2)), Some(s(2.4, 2.2))]),
    g("insurance", "Insurance", [Some(s(4.8, 2.2)), Some(s(4.4, 2.5)), Some(s(7.5, 1.8)), Some(s(1.7, 2.0)), Some(s(1.8, 1.9))]),
    g("industrials_manufacturing", "Industrials & Manufacturing", [Some(s(4.9, 2.6)), Some(s(3.7, 2.7)), Some(s(6.5, 2.3)), Some(s(2.0, 1.9)), Some(s(2.4, 2.3))]),
];

/// DORA 2025 survey, by organization size: lead time, deployment frequency, recovery time,
/// change failure rate (raw), rework rate (raw), as the Quick Check's data file has them.
#[rustfmt::skip]
const RAW_2025_SIZE: &[RawGroup] = &[
    g("all", "All organizations", [Some(s(5.5, 2.4)), Some(s(4.8, 2.8)), Some(s(2.6, 2.1)), Some(s(1.9, 2.1)), Some(s(2.2, 2.2))]),
    g("solo", "1 employee", [Some(s(6.4, 2.7)), Some(s(5.1, 3.4)), Some(s(2.8, 2.6)), Some(s(3.0, 3.1)), Some(s(3.3, 3.1))]),
    g("fewer_than_10", "2 to 9 employees", [Some(s(6.4, 2.7)), Some(s(4.8, 2.9)), Some(s(2.3, 2.2)), Some(s(1.9, 2.2)), Some(s(2.3, 2.3))]),
    g("fewer_than_100", "20 to 99 employees", [Some(s(5.8, 2.3)), Some(s(4.4, 2.4)), Some(s(2.4, 1.9)), Some(s(1.7, 1.8)), Some(s(2.3, 2.1))]),
    g("fewer_than_500", "100 to 499 employees", [Some(s(5.6, 2.4)), Some(s(4.8, 2.7)), Some(s(2.6, 2.1)), Some(s(1.9, 2.0)), Some(s(2.3, 2.2))]),
    g("fewer_than_1000", "500 to 999 employees", [Some(s(5.5, 2.4)), Some(s(4.7, 2.6)), Some(s(2.7, 2.1)), Some(s(1.8, 2.1)), Some(s(2.2, 2.2))]),
    g("fewer_than_5000", "1,000 to 4,999 employees", [Some(s(5.3, 2.4)), Some(s(4.7, 2.7)), Some(s(2.6, 2.2)), Some(s(1.9, 2.1)), Some(s(2.1, 2.1))]),
    g("fewer_than_10000", "5,000 to 9,999 employees", [Some(s(5.4, 2.4)), Some(s(4.8, 2.8)), Some(s(2.5, 1.9)), Some(s(1.8, 2.1)), Some(s(2.0, 1.9))]),
    g("more_than_9999", "10,000 or more employees", [Some(s(5.2, 2.5)), Some(s(4.9, 2.8)), Some(s(2.8, 2.2)), Some(s(1.9, 2.2)), Some(s(2.1, 2.2))]),
];
