//! Collecting participants' answer codes into a facilitator's workshop: every code
//! found in pasted text, a dropped file or an opened link is read, the valid ones
//! are added in one change, and each code gets one outcome in the facilitator's
//! words (added, updated, ignored, or refused with the reason).

use crate::assessment::catalog::Catalog;
use crate::assessment::records::Millis;
use crate::error::ChangeError;
use crate::store::{Added, Store};
use crate::workshop::codec::{codes_in, decode_answers, AnswerCode, CodeError, Layout};

/// What happened to one code, said to the facilitator: `said` for a shell to word
/// in its language, `message` the same in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub ok: bool,
    pub said: Said,
    pub message: String,
}

/// What happened to one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// The workshop is no longer on this device.
    NoWorkshop,
    /// This app asks other questions than the one that started the workshop.
    OtherQuestions,
    /// No code in the text.
    NothingFound,
    /// The code (its first characters) was refused, for `reason`.
    Refused { code: String, reason: CodeError },
    /// A valid code that was not added.
    NotAdded,
    /// Participant number `n`'s code, and what adding it did.
    Participant { n: usize, added: Added },
    /// A sentence of the caller's own (already worded).
    Other,
}

impl Outcome {
    fn refused(said: Said, message: impl Into<String>) -> Outcome {
        Outcome {
            ok: false,
            said,
            message: message.into(),
        }
    }

    /// An outcome the caller words itself.
    pub fn other(ok: bool, message: impl Into<String>) -> Outcome {
        Outcome {
            ok,
            said: Said::Other,
            message: message.into(),
        }
    }
}

/// Adds every code found in `text` to workshop `id`. Refused codes change nothing
/// and say why; duplicates and outdated codes are ignored with a notice. The valid
/// codes are added together: if one cannot be (the workshop is full), the error is
/// returned and the caller keeps the store as it was.
pub fn collect_codes(
    store: &mut Store,
    catalog: &Catalog,
    id: u32,
    text: &str,
    now: Millis,
) -> Result<Vec<Outcome>, ChangeError> {
    let Some(workshop) = store.workshop(id) else {
        return Ok(vec![Outcome::refused(
            Said::NoWorkshop,
            "This workshop is no longer on this device.",
        )]);
    };
    let layout = Layout::new(catalog, &workshop.questionnaires);
    if layout.fingerprint() != workshop.layout {
        return Ok(vec![Outcome::refused(
            Said::OtherQuestions,
            "This version of the app asks different questions from the one that started the workshop, so its codes cannot be read here.",
        )]);
    }
    let found = codes_in(text);
    if found.is_empty() {
        return Ok(vec![Outcome::refused(
            Said::NothingFound,
            "Nothing to add: paste answer codes or links, one per line.",
        )]);
    }
    let read: Vec<(&str, Result<AnswerCode, CodeError>)> = found
        .into_iter()
        .map(|token| (token, decode_answers(token, &layout, id)))
        .collect();
    // All the valid codes go in together, or none does.
    let mut next = store.clone();
    let mut added = Vec::new();
    for code in read.iter().filter_map(|(_, r)| r.as_ref().ok()) {
        let participant = code.participant;
        added.push((participant, next.add_submission(code.clone(), now)?));
    }
    *store = next;
    let number = |participant: u32| {
        store
            .workshop(id)
            .and_then(|w| {
                w.submissions
                    .iter()
                    .position(|x| x.participant == participant)
            })
            .map_or(0, |i| i + 1)
    };
    let mut added = added.into_iter();
    Ok(read
        .into_iter()
        .map(|(token, result)| match result {
            Err(reason) => Outcome::refused(
                Said::Refused {
                    code: shorten(token),
                    reason: reason.clone(),
                },
                format!("Refused “{}”: {reason}", shorten(token)),
            ),
            Ok(_) => match added.next() {
                None => Outcome::refused(Said::NotAdded, "Not added."),
                Some((participant, how)) => said(how, number(participant)),
            },
        })
        .collect())
}

/// The open workshop on this device that `code` belongs to, if any.
pub fn workshop_for_code(store: &Store, catalog: &Catalog, code: &str) -> Option<u32> {
    store.workshops.iter().map(|w| w.id).find(|&id| {
        store.workshop(id).is_some_and(|w| {
            let layout = Layout::new(catalog, &w.questionnaires);
            decode_answers(code, &layout, id).err() != Some(CodeError::OtherWorkshop)
        })
    })
}

fn said(how: Added, n: usize) -> Outcome {
    Outcome {
        ok: how != Added::Outdated,
        said: Said::Participant { n, added: how },
        message: match how {
            Added::New => format!("Added: participant {n}'s answers."),
            Added::Replaced => format!("Updated: participant {n} sent changed answers; their latest replace the earlier ones."),
            Added::Duplicate => format!("Ignored: participant {n}'s code was already collected."),
            Added::Outdated => format!("Ignored: an earlier code of participant {n}, whose later answers are already collected."),
        },
    }
}

/// The first characters of a pasted token, to say which one a message is about.
fn shorten(token: &str) -> String {
    let short: String = token.chars().take(24).collect();
    if short.len() < token.len() {
        format!("{short}…")
    } else {
        short
    }
}
