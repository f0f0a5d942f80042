//! DORA metrics over time: each clustered metric as a team answered it at every
//! finished assessment, and where each cluster of an edition sits on that metric
//! (the bands drawn behind a team's line).

use crate::assessment::records::{chronological, Millis, Run, RunId};
use crate::dora::clusters::{self as dora, Delivery, Edition, Placement};

/// The DORA answers of a team's finished runs that covered DORA, oldest first:
/// what [`place_each`] places and a team's page draws over time.
pub fn answered_over_time(runs: &[&Run]) -> Vec<(RunId, Millis, Delivery)> {
    let mut finished: Vec<&Run> = runs
        .iter()
        .copied()
        .filter(|r| r.is_finished() && r.covers(dora::QUESTIONNAIRE_ID))
        .collect();
    chronological(&mut finished);
    finished
        .into_iter()
        .map(|r| {
            (
                r.id.clone(),
                r.held_at(),
                Delivery::from_answers(&r.answers),
            )
        })
        .collect()
}

/// The four clustered DORA metrics, in the order charts show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    DeploymentFrequency,
    LeadTime,
    RecoveryTime,
    ChangeFailureRate,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::DeploymentFrequency,
        Metric::LeadTime,
        Metric::RecoveryTime,
        Metric::ChangeFailureRate,
    ];

    /// Its one name ([`dora::METRICS`]).
    pub fn name(self) -> &'static str {
        dora::metric_name(self.question()).unwrap_or_default()
    }

    /// The DORA question this metric is read from.
    pub fn question(self) -> &'static str {
        match self {
            Metric::DeploymentFrequency => dora::DEPLOYMENT_FREQUENCY,
            Metric::LeadTime => dora::LEAD_TIME,
            Metric::RecoveryTime => dora::RECOVERY_TIME,
            Metric::ChangeFailureRate => dora::CHANGE_FAILURE_RATE,
        }
    }

    /// Whether the metric is a percentage (lower is better) rather than a position
    /// on DORA's six options (0 worst to 5 best).
    pub fn is_percent(self) -> bool {
        self == Metric::ChangeFailureRate
    }

    /// The answered value: option position 0-5, or percentage.
    pub fn value(self, d: &Delivery) -> Option<u8> {
        match self {
            Metric::DeploymentFrequency => d.deployment_frequency,
            Metric::LeadTime => d.lead_time,
            Metric::RecoveryTime => d.recovery_time,
            Metric::ChangeFailureRate => d.change_failure_rate,
        }
    }
}

/// Where one cluster of an edition sits on one metric, in the metric's own units:
/// option positions for throughput (a range when the published range spans two
/// options), the published percentage range for the change failure rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub cluster: &'static str,
    pub low: f64,
    pub high: f64,
}

/// The bands of every cluster of `edition` on `metric`, in the edition's order.
pub fn bands(edition: &Edition, metric: Metric) -> Vec<Band> {
    edition
        .clusters
        .iter()
        .map(|c| {
            let (low, high) = match metric {
                Metric::DeploymentFrequency => span(c.deployment_frequency),
                Metric::LeadTime => span(c.lead_time),
                Metric::RecoveryTime => span(c.recovery_time),
                Metric::ChangeFailureRate => {
                    (c.change_failure_rate.low, c.change_failure_rate.high)
                }
            };
            Band {
                cluster: c.name,
                low,
                high,
            }
        })
        .collect()
}

/// A half position (a published range across two options) covers both options.
fn span(position: f64) -> (f64, f64) {
    (position.floor(), position.ceil())
}

/// One finished run's DORA answers and placement.
#[derive(Debug, Clone, PartialEq)]
pub struct DoraPoint {
    pub run: RunId,
    pub at: Millis,
    pub delivery: Delivery,
    pub placement: Option<Placement>,
}

/// Places each run's DORA answers (from [`TeamHistory::dora`]) in `edition`.
pub fn place_each(answers: &[(RunId, Millis, Delivery)], edition: &Edition) -> Vec<DoraPoint> {
    answers
        .iter()
        .map(|(run, at, delivery)| DoraPoint {
            run: run.clone(),
            at: *at,
            placement: dora::place(delivery, edition),
            delivery: *delivery,
        })
        .collect()
}
