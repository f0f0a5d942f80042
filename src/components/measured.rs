//! What a DORA run filled from deployment records says about where its figures came
//! from: the files (name and checksum), the window and the environment.

use crate::i18n::{k, t, tp};
use crate::platform::format_date;

/// The line a measured run's results show: from which files, over which window.
pub fn measured_from(m: &maturity_core::assessment::records::Measurement) -> String {
    let files: Vec<String> = m
        .files
        .iter()
        .map(|f| {
            if f.sha256.is_empty() {
                f.name.clone()
            } else {
                format!(
                    "{} (SHA-256 {}…)",
                    f.name,
                    &f.sha256[..12.min(f.sha256.len())]
                )
            }
        })
        .collect();
    let env = m
        .environment
        .clone()
        .unwrap_or_else(|| t(k::MEASURE_ENVIRONMENT_ALL));
    tp(
        k::MEASURE_RESULTS_FROM,
        m.deployments as usize,
        &[
            ("files", &crate::i18n::list(&files)),
            ("from", &format_date(m.from)),
            ("to", &format_date(m.to)),
            ("environment", &env),
        ],
    )
}
