//! What a coach sees across teams and over time: every team at a glance
//! ([`portfolio`] computes it, [`overview`] is the page's owned model and CSV) and
//! actions agreed as experiments, checked by the next assessment
//! ([`experiments`]).

pub mod experiments;
pub mod overview;
pub mod portfolio;
