//! Small reusable views shared by the pages.

pub mod actions;
pub mod code_collector;
pub mod compare_form;
pub mod csv;
pub mod dora;
pub mod dora_trend;
pub mod draft;
pub mod findings;
pub mod import;
pub mod notes;
pub mod notice;
pub mod own_questionnaires;
pub mod qr;
pub mod question;
pub mod room;
pub mod room_figures;
pub mod score_table;
pub mod start_form;
pub mod stepper;
pub mod team_admin;
pub mod team_answer;
pub mod team_list;
pub mod timer;
pub mod trends;
pub mod workshop_list;
