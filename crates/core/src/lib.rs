//! The pure domain of the DevOps maturity self-assessment: questionnaires, scoring
//! and the stored state, with no IO and no knowledge of the browser.
//!
//! Architecture Invariant: nothing in this crate depends on leptos, web-sys,
//! wasm-bindgen, gloo or charming, and nothing here reads a clock, a random source
//! or storage. The web shell passes time and fresh ids in, and calls these rules.
//!
//! The folders are the subdomains: [`assessment`] (questionnaires, runs, scores,
//! advice), [`dora`] (clusters, benchmarks, measured delivery), [`workshop`] (answer
//! codes, a room's statistics), [`store`] (the versioned envelope and every change
//! to it, backups, CSV export) and [`coach`] (all teams at a glance, experiments).
//! Below them: [`calendar`] (every date rule), [`csv`] (the one CSV writer), limits,
//! words, errors and languages.
//!
//! Architecture Invariant: imports run one way, in the order of the layers below (a
//! module uses only modules of earlier layers, or its own). `tests/architecture.rs`
//! holds this table, reads every `use` (grouped, `super::` and `self::` paths too)
//! and fails on an import against it, and on any cycle between the folders.
//! 1. `limits`, `words`, `sources`, `language`, `calendar`, `csv`
//! 2. `error`, `assessment::model`, `dora::deploys`
//! 3. `assessment::records`, `assessment::validate`
//! 4. `assessment::catalog`
//! 5. `assessment::scoring`, `assessment::topologies`
//! 6. `assessment::recommend`, `assessment::history`, `dora::clusters`, `workshop::codec`, `workshop::stats`
//! 7. `dora::benchmarks`, `dora::measure`, `dora::trend`
//! 8. `store`
//! 9. `store::import`, `store::collect`, `store::export`, `texts`
//! 10. `coach::experiments`
//! 11. `coach::portfolio`
//! 12. `coach::overview`

pub mod assessment;
pub mod calendar;
pub mod coach;
pub mod csv;
pub mod dora;
pub mod error;
pub mod language;
pub mod limits;
pub mod sources;
pub mod store;
pub mod texts;
pub mod words;
pub mod workshop;

pub use assessment::catalog::{Catalog, CatalogError, Step};
pub use assessment::model::{Choice, Dimension, Question, Questionnaire};
pub use assessment::records::{Millis, Run, RunId, Team, TeamId};
pub use assessment::scoring::{score, DimensionScore, QuestionnaireScore};
pub use error::{ChangeError, DecodeError};
pub use store::Store;
