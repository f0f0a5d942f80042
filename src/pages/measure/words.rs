//! The measured figures in the user's words: a metric's value and what it is made
//! of, why one is unknown, what was not counted, durations as people say them, and
//! how a measurement compares with the team's answer.

use crate::i18n::{k, number, t, tf, tp};
use maturity_core::dora::clusters as dora;
use maturity_core::dora::deploys::Format;
use maturity_core::dora::measure::{self, Agreement, Measured, Skip, Unknown};
use maturity_core::Catalog;

fn platform_name(format: Format) -> &'static str {
    match format {
        Format::GitHub => "GitHub",
        Format::GitLab => "GitLab",
        Format::Csv => "CSV",
    }
}

/// Why a metric could not be measured, in a sentence.
pub fn unknown_text(why: Unknown) -> String {
    match why {
        Unknown::NoDeployments => t(k::MEASURE_UNKNOWN_NO_DEPLOYMENTS),
        Unknown::SpanTooShort => t(k::MEASURE_UNKNOWN_SPAN_TOO_SHORT),
        Unknown::WindowTooShort => t(k::MEASURE_UNKNOWN_WINDOW_TOO_SHORT),
        Unknown::NoCommitTimes(Format::GitHub) => t(k::MEASURE_UNKNOWN_GITHUB_COMMITS),
        Unknown::NoCommitTimes(_) => t(k::MEASURE_UNKNOWN_NO_COMMIT_COLUMN),
        Unknown::NoChangeTimes => t(k::MEASURE_UNKNOWN_NO_CHANGE_TIMES),
        Unknown::NoFailures(Format::Csv) => t(k::MEASURE_UNKNOWN_NO_FAILED_COLUMN),
        Unknown::NoFailures(f) => tf(
            k::MEASURE_UNKNOWN_PLATFORM_FAILURES,
            &[("platform", platform_name(f))],
        ),
        Unknown::NoRestoreTimes => t(k::MEASURE_UNKNOWN_NO_RESTORE_COLUMN),
        Unknown::NothingFailed => t(k::MEASURE_UNKNOWN_NOTHING_FAILED),
        Unknown::NoneRestored => t(k::MEASURE_UNKNOWN_NONE_RESTORED),
        Unknown::NoRework(Format::Csv) => t(k::MEASURE_UNKNOWN_NO_REWORK_COLUMN),
        Unknown::NoRework(f) => tf(
            k::MEASURE_UNKNOWN_PLATFORM_REWORK,
            &[("platform", platform_name(f))],
        ),
    }
}

pub fn skip_text(skip: Skip, n: usize) -> String {
    tp(
        match skip {
            Skip::OtherEnvironment => k::MEASURE_SKIP_OTHER_ENVIRONMENT,
            Skip::OutsideWindow => k::MEASURE_SKIP_OUTSIDE_WINDOW,
            Skip::DidNotSucceed => k::MEASURE_SKIP_DID_NOT_SUCCEED,
            Skip::NoStatus => k::MEASURE_SKIP_NO_STATUS,
            Skip::NoCommitTime => k::MEASURE_SKIP_NO_COMMIT_TIME,
            Skip::CommittedAfterDeployment => k::MEASURE_SKIP_COMMITTED_AFTER,
            Skip::NotRestored => k::MEASURE_SKIP_NOT_RESTORED,
            Skip::RestoredBeforeDeployment => k::MEASURE_SKIP_RESTORED_BEFORE,
        },
        n,
        &[],
    )
}

/// A duration as people say it: minutes under two hours, hours under three days, else days.
fn duration_text(millis: i64) -> String {
    let minutes = millis as f64 / 60_000.0;
    if minutes < 120.0 {
        tp(k::MEASURE_MINUTES, minutes.round() as usize, &[])
    } else if minutes < 72.0 * 60.0 {
        let hours = (minutes / 6.0).round() / 10.0;
        tf(k::MEASURE_HOURS, &[("n", &number(hours, 1))])
    } else {
        let days = (minutes / 144.0).round() / 10.0;
        tf(k::MEASURE_DAYS, &[("n", &number(days, 1))])
    }
}

/// The answer as the questionnaire words it: an option's label, a percentage or "Don't know".
pub fn answer_label(catalog: &Catalog, question: &str, value: u8) -> String {
    catalog
        .question(question)
        .map(|q| crate::i18n::answer_text(q, value))
        .unwrap_or_else(|| value.to_string())
}

/// The measured value of one metric, with what it is made of.
pub fn measured_text(m: &Measured, question: &str) -> Option<String> {
    let q = question;
    if q == dora::DEPLOYMENT_FREQUENCY {
        m.frequency.map(|_| {
            tp(
                k::MEASURE_VALUE_FREQUENCY,
                m.deployments,
                &[("days", &m.window.days().to_string())],
            )
        })
    } else if q == dora::LEAD_TIME {
        m.lead_time.map(|d| {
            tp(
                k::MEASURE_VALUE_LEAD,
                d.count,
                &[("median", &duration_text(d.median))],
            )
        })
    } else if q == dora::RECOVERY_TIME {
        m.recovery_time.map(|d| {
            tp(
                k::MEASURE_VALUE_RECOVERY,
                d.count,
                &[("median", &duration_text(d.median))],
            )
        })
    } else if q == dora::CHANGE_FAILURE_RATE {
        m.change_failure_rate.map(|r| {
            tp(
                k::MEASURE_VALUE_FAILED,
                r.of,
                &[
                    ("count", &r.count.to_string()),
                    ("percent", &r.percent.to_string()),
                ],
            )
        })
    } else if q == dora::REWORK_RATE {
        m.rework_rate.map(|r| {
            tp(
                k::MEASURE_VALUE_REWORK,
                r.of,
                &[
                    ("count", &r.count.to_string()),
                    ("percent", &r.percent.to_string()),
                ],
            )
        })
    } else {
        None
    }
}

pub fn gap_text(question: &str, a: Agreement) -> String {
    let rate = question == dora::CHANGE_FAILURE_RATE || question == dora::REWORK_RATE;
    match (a, rate) {
        (Agreement::Agrees, false) => t(k::MEASURE_GAP_SAME),
        (Agreement::Agrees, true) => tf(
            k::MEASURE_GAP_WITHIN,
            &[("n", &measure::RATE_TOLERANCE.to_string())],
        ),
        (Agreement::AnsweredBetter(n), false) => {
            tp(k::MEASURE_GAP_BETTER_OPTIONS, usize::from(n), &[])
        }
        (Agreement::AnsweredWorse(n), false) => {
            tp(k::MEASURE_GAP_WORSE_OPTIONS, usize::from(n), &[])
        }
        (Agreement::AnsweredBetter(n), true) => {
            tp(k::MEASURE_GAP_BETTER_POINTS, usize::from(n), &[])
        }
        (Agreement::AnsweredWorse(n), true) => tp(k::MEASURE_GAP_WORSE_POINTS, usize::from(n), &[]),
    }
}

pub fn suggestion(a: Agreement) -> String {
    t(match a {
        Agreement::Agrees => k::MEASURE_SUGGEST_AGREES,
        Agreement::AnsweredBetter(_) => k::MEASURE_SUGGEST_BETTER,
        Agreement::AnsweredWorse(_) => k::MEASURE_SUGGEST_WORSE,
    })
}
