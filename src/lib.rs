//! The Leptos web shell of the DevOps maturity self-assessment (compiled to wasm32).
//!
//! It translates browser events into calls on the pure core (`maturity-core`) and
//! core values into views. Rules live in the core; this crate holds no scoring or
//! storage-format logic of its own.
//!
//! The crate is empty on other targets, so a native `cargo test` stays fast.
#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod charts;
pub mod components;
pub mod errors;
pub mod i18n;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod said;
pub mod settings;
pub mod state;
pub mod storage;
pub mod theme;
