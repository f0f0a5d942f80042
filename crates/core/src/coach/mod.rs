//! What a coach sees across teams and over time: every team at a glance
//! ([`portfolio`]) and actions agreed as experiments, checked by the next
//! assessment ([`experiments`]).

pub mod experiments;
pub mod portfolio;
