//! Small reusable views shared by the pages.

pub mod actions;
pub mod csv;
pub mod dora;
pub mod findings;
pub mod import;
pub mod notes;
pub mod notice;
pub mod qr;
pub mod question;
pub mod score_table;
pub mod stepper;
