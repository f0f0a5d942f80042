//! One module per route.

pub mod collect;
pub mod compare;
pub mod home;
pub mod join;
pub mod measure;
pub mod not_found;
pub mod present;
pub mod results;
pub mod run;
pub mod team;
pub mod teams;
pub mod workshop;
