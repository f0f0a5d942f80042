//! Reading stored text: the current format in one typed pass, older formats migrated,
//! anything else refused with a [`DecodeError`] that says which kind of wrong it is.
//! Never a panic, whatever the input.

use super::{Store, APP_MARKER, STORE_SCHEMA};
use crate::assessment::records::Run;
use crate::error::DecodeError;
use serde::Deserialize;

impl Store {
    /// Reads a stored value, migrating older formats and refusing anything else.
    ///
    /// The text is parsed straight into typed structs of its own format (never into a
    /// generic JSON tree), so a store of hundreds of runs reads in milliseconds.
    pub fn decode(text: &str) -> Result<Store, DecodeError> {
        Store::decode_reporting(text).map(|(store, _)| store)
    }

    /// [`Store::decode_reporting`], refusing a store whose runs are kept in other
    /// entries of browser storage (read those with [`Store::decode_root`]).
    fn whole(read: (Store, usize)) -> Result<(Store, usize), DecodeError> {
        if read.0.runs_in.is_empty() {
            Ok(read)
        } else {
            Err(DecodeError::Damaged(
                "its assessments are kept apart, in the browser that wrote it".into(),
            ))
        }
    }

    /// [`Store::decode`], also saying how many answers were left out because their
    /// question does not take them (a damaged or hand-edited file).
    pub fn decode_reporting(text: &str) -> Result<(Store, usize), DecodeError> {
        Store::decode_any(text).and_then(Store::whole)
    }

    /// Reads the text of a whole store or of a split store's envelope.
    pub(crate) fn decode_any(text: &str) -> Result<(Store, usize), DecodeError> {
        // The usual case, a store in the current format: one typed pass.
        if let Ok(store) = serde_json::from_str::<Store>(text) {
            if store.app == APP_MARKER && store.schema == STORE_SCHEMA {
                return store.checked();
            }
        }
        // Anything else: find out whose it is and which format, then read or refuse.
        if !text.trim_start().starts_with('{') {
            // Not an object: someone else's JSON, or not JSON at all.
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => DecodeError::Foreign,
                Err(e) => DecodeError::NotJson(e.to_string()),
            });
        }
        let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => DecodeError::Foreign,
            _ => DecodeError::NotJson(e.to_string()),
        })?;
        if header.app.as_ref().and_then(|a| a.as_str()) != Some(APP_MARKER) {
            return Err(DecodeError::Foreign);
        }
        let schema = header
            .schema
            .as_ref()
            .and_then(|s| s.as_u64())
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| DecodeError::Damaged("the format version is missing".into()))?;
        let damaged = |e: serde_json::Error| DecodeError::Damaged(format!("{e} (format {schema})"));
        let store = match schema {
            STORE_SCHEMA => serde_json::from_str::<Store>(text).map_err(damaged)?,
            // Schema 4 only added optional parts (team tags, action targets): a
            // schema 3 store reads as one.
            3 => Store {
                schema: STORE_SCHEMA,
                ..serde_json::from_str::<Store>(text).map_err(damaged)?
            },
            // Schema 3 only added optional parts: a schema 2 store reads as one.
            2 => Store {
                schema: STORE_SCHEMA,
                ..serde_json::from_str::<v2::Store>(text).map_err(damaged)?.0
            },
            1 => Store::from(serde_json::from_str::<v1::Store>(text).map_err(damaged)?),
            newer if newer > STORE_SCHEMA => {
                return Err(DecodeError::Newer {
                    found: newer,
                    supported: STORE_SCHEMA,
                })
            }
            older => return Err(DecodeError::Unsupported(older)),
        };
        store.checked()
    }

    /// A store just read, checked and repaired, with how many unfit answers it lost.
    pub(crate) fn checked(mut self) -> Result<(Store, usize), DecodeError> {
        self.check().map_err(DecodeError::Damaged)?;
        self.repair();
        let dropped = self.drop_unfit_answers(&self.catalog());
        Ok((self, dropped))
    }
}

/// Just enough of a stored value to tell whose it is and which format it uses.
#[derive(Deserialize)]
struct Header {
    app: Option<serde_json::Value>,
    schema: Option<serde_json::Value>,
}

/// Schema 1, the first shipped format: answers stored flat (`"calms.lean.wip": 2`),
/// no team archiving, no run notes. Read only, to migrate.
mod v1 {
    use crate::assessment::records::{Millis, RunId, Team, TeamId};
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Store {
        #[allow(dead_code)]
        pub app: String,
        #[allow(dead_code)]
        pub schema: u32,
        pub revision: u64,
        pub updated_at: Millis,
        pub teams: Vec<Team>,
        pub runs: Vec<Run>,
    }

    #[derive(Deserialize)]
    pub struct Run {
        pub id: RunId,
        pub team: TeamId,
        pub questionnaires: Vec<String>,
        pub started_at: Millis,
        #[serde(default)]
        pub finished_at: Option<Millis>,
        #[serde(default)]
        pub answers: BTreeMap<String, u8>,
        #[serde(default)]
        pub position: usize,
    }
}

/// Schema 2: schema 3 without workshops, participations, actions or workshop
/// records. Read only, to migrate; refuses anything schema 3 added.
mod v2 {
    use serde::{Deserialize, Deserializer};

    pub struct Store(pub super::Store);

    impl<'de> Deserialize<'de> for Store {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Store, D::Error> {
            let store = super::Store::deserialize(d)?;
            let added = !store.workshops.is_empty()
                || !store.participations.is_empty()
                || store
                    .runs
                    .iter()
                    .any(|r| !r.actions.is_empty() || r.workshop.is_some());
            if added {
                return Err(serde::de::Error::custom(
                    "it holds workshop data, which format 2 cannot",
                ));
            }
            Ok(Store(store))
        }
    }
}

/// Schema 1 to the current one: the same teams, runs, answers and dates; the new
/// fields take their defaults (not archived, no notes).
impl From<v1::Store> for Store {
    fn from(old: v1::Store) -> Store {
        Store {
            app: APP_MARKER.to_string(),
            schema: STORE_SCHEMA,
            revision: old.revision,
            updated_at: old.updated_at,
            teams: old.teams,
            runs: old
                .runs
                .into_iter()
                .map(|r| Run {
                    id: r.id,
                    team: r.team,
                    questionnaires: r.questionnaires,
                    started_at: r.started_at,
                    finished_at: r.finished_at,
                    answers: r.answers,
                    position: r.position,
                    notes: String::new(),
                    actions: Vec::new(),
                    workshop: None,
                    measured: None,
                })
                .collect(),
            workshops: Vec::new(),
            participations: Vec::new(),
            questionnaires: Vec::new(),
            runs_in: Vec::new(),
        }
    }
}
