//! One module per route.

pub mod compare;
pub mod home;
pub mod not_found;
pub mod results;
pub mod run;
pub mod team;
