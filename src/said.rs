//! The shell's words for what the core judges and notes about history (how a
//! dimension moved, the threshold for "changed", a questionnaire's overall row),
//! in the language shown.

use crate::i18n::{k, number, t, tf};
use maturity_core::assessment::history::{Verdict, CHANGE_THRESHOLD};

/// "improved", "worse", "unchanged", "not comparable".
pub fn verdict(v: Verdict) -> String {
    t(match v {
        Verdict::Improved => k::HISTORY_IMPROVED,
        Verdict::Worse => k::HISTORY_WORSE,
        Verdict::Unchanged => k::HISTORY_UNCHANGED,
        Verdict::NotComparable => k::HISTORY_NOT_COMPARABLE,
    })
}

/// What counts as a change, and why.
pub fn threshold_note() -> String {
    tf(
        k::HISTORY_THRESHOLD,
        &[("threshold", &number(CHANGE_THRESHOLD, 1))],
    )
}

/// The name of a questionnaire's overall row ("CALMS overall").
pub fn overall(title: &str) -> String {
    tf(k::HISTORY_OVERALL, &[("title", title)])
}
