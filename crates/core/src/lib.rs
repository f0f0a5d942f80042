//! The pure domain of the DevOps maturity self-assessment: questionnaires, scoring
//! and the stored state, with no IO and no knowledge of the browser.
//!
//! Architecture Invariant: nothing in this crate depends on leptos, web-sys,
//! wasm-bindgen, gloo or charming, and nothing here reads a clock, a random source
//! or storage. The web shell passes time and fresh ids in, and calls these rules.
//!
//! Architecture Invariant: imports between modules run one way, in the order of the
//! layers below (a module uses only modules of earlier layers); `tests/architecture.rs`
//! reads every `use crate::…` line and fails on an import against the grain.
//! 1. `limits`, `words`, `sources`, `language`
//! 2. `error`, `model`, `deploys`
//! 3. `records`, `validate`
//! 4. `catalog`
//! 5. `scoring`, `topologies`
//! 6. `dora`, `recommend`, `codec`, `workshop`
//! 7. `benchmarks`, `measure`
//! 8. `store`, `texts`
//! 9. `history`, `import`, `collect`, `dora_trend`
//! 10. `experiments`
//! 11. `export`
//! 12. `portfolio`

pub mod benchmarks;
pub mod catalog;
pub mod codec;
pub mod collect;
pub mod deploys;
pub mod dora;
pub mod dora_trend;
pub mod error;
pub mod experiments;
pub mod export;
pub mod history;
pub mod import;
pub mod language;
pub mod limits;
pub mod measure;
pub mod model;
pub mod portfolio;
pub mod recommend;
pub mod records;
pub mod scoring;
pub mod sources;
pub mod store;
pub mod texts;
pub mod topologies;
pub mod validate;
pub mod words;
pub mod workshop;

pub use catalog::{Catalog, CatalogError, Step};
pub use error::{ChangeError, DecodeError};
pub use model::{Choice, Dimension, Question, Questionnaire};
pub use records::{Millis, Run, RunId, Team, TeamId};
pub use scoring::{score, DimensionScore, QuestionnaireScore};
pub use store::Store;
