//! Changes to questionnaires of the user's own: adding (checked against the built-in
//! ones and the others kept here), replacing while unused, removing while unused.

use super::{remove_where, Store};
use crate::assessment::catalog::Catalog;
use crate::assessment::model::Questionnaire;
use crate::assessment::records::Millis;
use crate::error::{ChangeError, QuestionnaireError};
use crate::limits::MAX_CUSTOM;

impl Store {
    /// Adds a questionnaire of the user's own (already parsed), or replaces the one
    /// with its id. `builtin` is the app's own catalog: the file is checked against
    /// it and the other questionnaires kept here. Returns whether one was replaced.
    pub fn add_questionnaire(
        &mut self,
        q: Questionnaire,
        builtin: &Catalog,
        now: Millis,
    ) -> Result<bool, ChangeError> {
        let others: Vec<Questionnaire> = self
            .questionnaires
            .iter()
            .filter(|o| o.id != q.id)
            .cloned()
            .collect();
        builtin
            .with_custom(&others)
            .check_custom(&q)
            .map_err(|e| ChangeError::Questionnaire(QuestionnaireError::Invalid(e.to_string())))?;
        let uses = self.uses_of(&q.id);
        let replaced = match self.questionnaires.iter_mut().find(|o| o.id == q.id) {
            Some(existing) if *existing == q => return Ok(true),
            // Old answers would be read against the new questions: a new id is needed.
            Some(_) if uses > 0 => {
                return Err(ChangeError::Questionnaire(QuestionnaireError::InUse(uses)))
            }
            Some(existing) => {
                *existing = q;
                true
            }
            None => {
                if self.questionnaires.len() >= MAX_CUSTOM {
                    return Err(ChangeError::Questionnaire(QuestionnaireError::TooMany));
                }
                self.questionnaires.push(q);
                false
            }
        };
        self.touch(now);
        Ok(replaced)
    }

    /// How many runs, workshops and participations use questionnaire `id`.
    pub fn uses_of(&self, id: &str) -> usize {
        let uses = |list: &[String]| list.iter().any(|q| q == id);
        self.runs.iter().filter(|r| uses(&r.questionnaires)).count()
            + self
                .workshops
                .iter()
                .filter(|w| uses(&w.questionnaires))
                .count()
            + self
                .participations
                .iter()
                .filter(|p| uses(&p.questionnaires))
                .count()
    }

    /// Removes a questionnaire of the user's own that nothing uses.
    pub fn remove_questionnaire(&mut self, id: &str, now: Millis) -> Result<(), ChangeError> {
        let uses = self.uses_of(id);
        if uses > 0 {
            return Err(ChangeError::Questionnaire(QuestionnaireError::InUse(uses)));
        }
        remove_where(
            &mut self.questionnaires,
            |q| q.id == id,
            ChangeError::Questionnaire(QuestionnaireError::Unknown),
        )?;
        self.touch(now);
        Ok(())
    }
}
