//! The pure domain of the DevOps maturity self-assessment: questionnaires, scoring
//! and the stored state, with no IO and no knowledge of the browser.
//!
//! Architecture Invariant: nothing in this crate depends on leptos, web-sys,
//! wasm-bindgen, gloo or charming, and nothing here reads a clock, a random source
//! or storage. The web shell passes time and fresh ids in, and calls these rules.

pub mod catalog;
pub mod codec;
pub mod dora;
pub mod export;
pub mod history;
pub mod import;
pub mod model;
pub mod recommend;
pub mod scoring;
pub mod store;
pub mod topologies;
pub mod validate;
pub mod workshop;

pub use catalog::{Catalog, CatalogError, Step};
pub use model::{Choice, Dimension, Millis, Question, Questionnaire, Run, RunId, Team, TeamId};
pub use scoring::{score, DimensionScore, QuestionnaireScore};
pub use store::{ChangeError, DecodeError, Store};
