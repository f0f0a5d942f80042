//! Every label and sentence the core writes itself (beyond questionnaire files and
//! error messages): DORA's metric and cluster names, each edition's caveat and
//! published ranges, benchmark groups, the interaction map's rows, the room's
//! agreement. The web shell shows them in the chosen language by looking each up
//! in `assets/i18n/core.json`; a test checks that file translates exactly these.

use crate::assessment::recommend::GENERAL_IF_UNKNOWN;
use crate::assessment::topologies::RELATIONSHIPS;
use crate::dora::benchmarks::{group, Kind, INDUSTRIES, SIZES, SURVEYS};
use crate::dora::clusters::{editions, Grouping, METRICS};
use crate::workshop::stats::Agreement;
use std::collections::BTreeSet;

/// The texts, each once.
pub fn all() -> BTreeSet<&'static str> {
    let mut texts = BTreeSet::new();
    texts.extend(METRICS.iter().map(|(_, name)| *name));
    for edition in editions() {
        texts.insert(edition.caveat);
        for cluster in &edition.clusters {
            texts.insert(cluster.name);
            texts.extend(cluster.described);
        }
    }
    texts.extend(
        [
            Grouping::RecoveryWithStability,
            Grouping::RecoveryWithThroughput,
        ]
        .map(Grouping::describe),
    );
    texts.extend(INDUSTRIES.iter().map(|(_, label)| *label));
    texts.extend(SIZES.iter().map(|(_, label, ..)| *label));
    for survey in SURVEYS {
        for (kind, keys) in [
            (
                Kind::Industry,
                INDUSTRIES.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            ),
            (Kind::Size, SIZES.iter().map(|(k, ..)| *k).collect()),
        ] {
            for key in keys.into_iter().chain([crate::dora::benchmarks::ALL]) {
                if let Some(g) = group(survey, kind, key) {
                    texts.insert(g.label);
                }
            }
        }
    }
    texts.extend(RELATIONSHIPS.iter().map(|(name, ..)| *name));
    texts.extend([Agreement::Split, Agreement::Some, Agreement::Mostly].map(Agreement::describe));
    texts.insert(GENERAL_IF_UNKNOWN);
    texts
}
