//! Small reusable views shared by the pages.

pub mod actions;
pub mod compare_form;
pub mod code_collector;
pub mod csv;
pub mod draft;
pub mod dora;
pub mod dora_trend;
pub mod findings;
pub mod import;
pub mod notes;
pub mod notice;
pub mod qr;
pub mod question;
pub mod score_table;
pub mod stepper;
pub mod team_admin;
pub mod trends;
