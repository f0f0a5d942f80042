//! Small reusable views shared by the pages.

pub mod dora;
pub mod findings;
pub mod notes;
pub mod notice;
pub mod question;
pub mod score_table;
