//! Short, checked text codes that carry a workshop to its participants (join codes)
//! and each participant's answers back to the facilitator (answer codes).
//!
//! No server is involved: codes travel as link fragments, QR codes or small files.
//! Both kinds are `<kind><format>.<base64url bytes>` (`j1.…`, `a2.…`) so that a code
//! says what it is and which format wrote it, and both end in a CRC-32 so that a
//! truncated or altered code is refused instead of read wrongly. Answers are packed
//! in the order of the workshop's questions, a few bits each, which is what keeps a
//! full set of every questionnaire under [`MAX_ANSWER_CODE`] characters.
//!
//! Decoding trusts nothing: every input, however hostile, gives a value or a
//! [`CodeError`] that says which kind of wrong it is, never a panic.
//!
//! One cohesive thing, kept in one file on purpose: the two code formats, their
//! bit-level reader and writer, and the errors share every byte-layout decision.

use crate::assessment::catalog::Catalog;
use crate::assessment::model::DONT_KNOW;
use crate::assessment::records::{Participation, Workshop};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::collections::BTreeMap;
use thiserror::Error;

/// The answer-code format this build writes and reads (2: each answer may also be
/// "Don't know").
pub const ANSWER_FORMAT: u32 = 2;
/// The join-code format this build writes and reads.
pub const JOIN_FORMAT: u32 = 1;
/// The most characters an answer code may take (a promise checked by tests and the
/// bench): short enough for a chat message, a QR code any phone reads, a URL.
pub const MAX_ANSWER_CODE: usize = 200;
/// Longest text accepted where a code is expected, before any parsing.
pub const MAX_INPUT: usize = 4096;

/// Why a code could not be used. Each says what it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeError {
    #[error("Nothing to read: paste a code or a link.")]
    Empty,
    #[error("This is not a code from this app (random or unrelated text).")]
    NotACode,
    #[error("This is a join link for participants, not an answer code.")]
    JoinNotAnswer,
    #[error("This is an answer code, not a join link: give it to the facilitator.")]
    AnswerNotJoin,
    #[error("This code is in an old format ({found}) that this version no longer reads: ask for a new one.")]
    OldFormat { found: u32 },
    #[error(
        "This code is from a newer version of the app (format {found}); open it with that version."
    )]
    NewerFormat { found: u32 },
    #[error("This code is incomplete: its end is missing. Copy it again, all of it.")]
    Truncated,
    #[error(
        "This code has been altered or damaged (its checksum does not match); ask for it again."
    )]
    Tampered,
    #[error("This code belongs to another workshop.")]
    OtherWorkshop,
    #[error("This code was made with other questions (a different version of the app); ask the participant to answer again from this workshop's join link.")]
    DifferentQuestions,
    #[error("This join link was made by a version of the app with other questions; ask the facilitator for a new link, and reload this page first so both use the same version.")]
    OtherAppVersion,
    #[error("This workshop uses a questionnaire this version of the app does not have ({0}).")]
    UnknownQuestionnaire(String),
}

/// The questions of a workshop, in order, with how many bits each answer takes.
/// Both ends build it from the same questionnaires; its fingerprint tells them apart
/// when their apps disagree about the questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    slots: Vec<Slot>,
    fingerprint: u32,
}

#[derive(Debug, Clone, PartialEq)]
struct Slot {
    id: String,
    /// Possible answers: choice indices `0..answers`, or percentages `0..=100`.
    /// Packed as states: 0 unanswered, `1..=answers` an answer, `answers + 1`
    /// "Don't know".
    answers: u8,
    bits: u8,
}

impl Layout {
    /// The layout of a workshop of `questionnaires` (ids this catalog lacks are
    /// skipped, as in a run).
    pub fn new(catalog: &Catalog, questionnaires: &[String]) -> Layout {
        let mut description = String::new();
        let slots: Vec<Slot> = catalog
            .steps(questionnaires)
            .iter()
            .map(|step| {
                let question = step.question();
                // The same rule as everywhere: the answers the question accepts.
                let answers = question.answer_count();
                description.push_str(&question.id);
                description.push(':');
                description.push_str(&answers.to_string());
                description.push_str("+dk;");
                // Two more states than answers: "not answered" and "Don't know".
                let bits = (u32::BITS - (u32::from(answers) + 1).leading_zeros()) as u8;
                Slot {
                    id: question.id.clone(),
                    answers,
                    bits,
                }
            })
            .collect();
        Layout {
            slots,
            fingerprint: crc32(description.as_bytes()),
        }
    }

    /// Identifies the questions and their answer ranges, not their wording.
    pub fn fingerprint(&self) -> u32 {
        self.fingerprint
    }

    /// Question ids, in the order they are asked and packed.
    pub fn questions(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|s| s.id.as_str())
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn payload_bytes(&self) -> usize {
        let bits: usize = self.slots.iter().map(|s| usize::from(s.bits)).sum();
        bits.div_ceil(8)
    }
}

/// What a join link carries: everything a participant's device needs to ask the
/// right questions and label its answers for the right workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub workshop: u32,
    pub team_name: String,
    pub questionnaires: Vec<String>,
    /// [`Layout::fingerprint`] of the facilitator's questions.
    pub layout: u32,
}

impl Invitation {
    /// The invitation to a facilitator's workshop for the team called `team_name`.
    pub fn to_workshop(workshop: &Workshop, team_name: &str) -> Invitation {
        Invitation {
            workshop: workshop.id,
            team_name: team_name.to_string(),
            questionnaires: workshop.questionnaires.clone(),
            layout: workshop.layout,
        }
    }

    /// The invitation a participant joined with, rebuilt from what their device keeps.
    pub fn joined(participation: &Participation) -> Invitation {
        Invitation {
            workshop: participation.workshop,
            team_name: participation.team_name.clone(),
            questionnaires: participation.questionnaires.clone(),
            layout: participation.layout,
        }
    }
}

/// One participant's answers, as read from their code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerCode {
    pub workshop: u32,
    /// Random, chosen by the participant's device: tells a participant's second code
    /// from someone else's, and nothing about who they are.
    pub participant: u32,
    /// How many changes the participant had made when the code was made: a later
    /// code of the same participant replaces an earlier one, never the reverse.
    pub edits: u32,
    pub answers: BTreeMap<String, u8>,
}

/// Encodes an invitation as a join code.
pub fn encode_join(invitation: &Invitation) -> String {
    let mut bytes = Vec::with_capacity(64);
    bytes.extend_from_slice(&invitation.workshop.to_be_bytes());
    bytes.extend_from_slice(&invitation.layout.to_be_bytes());
    push_text(&mut bytes, &invitation.team_name);
    bytes.push(invitation.questionnaires.len().min(255) as u8);
    for id in invitation.questionnaires.iter().take(255) {
        push_text(&mut bytes, id);
    }
    seal('j', JOIN_FORMAT, bytes)
}

/// Reads a join code (or a link holding one) and checks that this app has the
/// questionnaires it names and asks the same questions.
pub fn decode_join(text: &str, catalog: &Catalog) -> Result<Invitation, CodeError> {
    let opened = open(text, 'j', JOIN_FORMAT)?;
    if !opened.intact {
        // Read what arrived as contents: a code cut short runs out of bytes before
        // its contents and their 4-byte checksum are complete.
        let all = &opened.received;
        return Err(match read_invitation(all) {
            Err(Short) => CodeError::Truncated,
            Ok((_, used)) if used + 4 > all.len() => CodeError::Truncated,
            Ok(_) => CodeError::Tampered,
        });
    }
    let ((workshop, layout, team_name, questionnaires), used) =
        read_invitation(&opened.content).map_err(|_| CodeError::Truncated)?;
    if used != opened.content.len() || questionnaires.is_empty() {
        return Err(CodeError::Tampered);
    }
    if let Some(missing) = questionnaires.iter().find(|id| catalog.get(id).is_none()) {
        // The name comes from the code itself: shown as text, and kept short.
        let shown: String = missing.chars().take(40).collect();
        return Err(CodeError::UnknownQuestionnaire(shown));
    }
    if Layout::new(catalog, &questionnaires).fingerprint() != layout {
        return Err(CodeError::OtherAppVersion);
    }
    Ok(Invitation {
        workshop,
        team_name,
        questionnaires,
        layout,
    })
}

/// Ran out of bytes while reading.
#[derive(Debug)]
struct Short;

type Parts = (u32, u32, String, Vec<String>);

/// The parts of a join code's contents, and how many bytes they took.
fn read_invitation(bytes: &[u8]) -> Result<(Parts, usize), Short> {
    let mut reader = Reader { bytes, at: 0 };
    let workshop = reader.u32()?;
    let layout = reader.u32()?;
    let team_name = reader.text()?;
    let count = reader.u8()?;
    let mut questionnaires = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        questionnaires.push(reader.text()?);
    }
    Ok(((workshop, layout, team_name, questionnaires), reader.at))
}

/// Encodes a participant's answers. Answers to questions outside the layout, and
/// values no question allows, are left out (they cannot be typed in the app).
pub fn encode_answers(layout: &Layout, code: &AnswerCode) -> String {
    let AnswerCode {
        workshop,
        participant,
        edits,
        answers,
    } = code;
    let mut bytes = Vec::with_capacity(HEADER + layout.payload_bytes());
    bytes.extend_from_slice(&workshop.to_be_bytes());
    bytes.extend_from_slice(&participant.to_be_bytes());
    bytes.extend_from_slice(&edits.to_be_bytes());
    bytes.extend_from_slice(&layout.fingerprint.to_be_bytes());
    let mut bits = BitWriter::default();
    for slot in &layout.slots {
        let state = match answers.get(&slot.id) {
            Some(&value) if value < slot.answers => u32::from(value) + 1,
            Some(&DONT_KNOW) => u32::from(slot.answers) + 1,
            _ => 0,
        };
        bits.push(state, slot.bits);
    }
    bytes.extend_from_slice(&bits.finish());
    seal('a', ANSWER_FORMAT, bytes)
}

/// Reads an answer code (or a link holding one) for the workshop `workshop` asking
/// the questions of `layout`.
pub fn decode_answers(text: &str, layout: &Layout, workshop: u32) -> Result<AnswerCode, CodeError> {
    let opened = open(text, 'a', ANSWER_FORMAT)?;
    if !opened.intact {
        let complete = HEADER + layout.payload_bytes() + 4;
        return Err(if opened.received.len() < complete {
            CodeError::Truncated
        } else {
            CodeError::Tampered
        });
    }
    let bytes = opened.content;
    let mut reader = Reader {
        bytes: &bytes,
        at: 0,
    };
    let header = (reader.u32(), reader.u32(), reader.u32(), reader.u32());
    let (Ok(code_workshop), Ok(participant), Ok(edits), Ok(fingerprint)) = header else {
        return Err(CodeError::Tampered);
    };
    if code_workshop != workshop {
        return Err(CodeError::OtherWorkshop);
    }
    if fingerprint != layout.fingerprint {
        return Err(CodeError::DifferentQuestions);
    }
    let payload = &bytes[reader.at..];
    if payload.len() != layout.payload_bytes() {
        return Err(CodeError::Tampered);
    }
    let mut bits = BitReader {
        bytes: payload,
        at: 0,
    };
    let mut answers = BTreeMap::new();
    for slot in &layout.slots {
        let state = bits.take(slot.bits).ok_or(CodeError::Tampered)?;
        let dont_know = u32::from(slot.answers) + 1;
        if state > dont_know {
            return Err(CodeError::Tampered);
        }
        if state == dont_know {
            answers.insert(slot.id.clone(), DONT_KNOW);
        } else if state > 0 {
            answers.insert(slot.id.clone(), (state - 1) as u8);
        }
    }
    if !bits.rest_is_zero() {
        return Err(CodeError::Tampered);
    }
    Ok(AnswerCode {
        workshop,
        participant,
        edits,
        answers,
    })
}

/// Bytes before an answer code's answers: workshop, participant, edits, layout.
const HEADER: usize = 16;

/// The words of pasted text or a file, split at white space, commas and semicolons,
/// with the punctuation a chat message wraps a link in trimmed off.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|t| t.trim_matches(|c: char| "()[]{}<>\"'“”‘’.:!?".contains(c)))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The codes in pasted text or a file (an answer file is a link and a sentence):
/// every word shaped like a code or a link holding one. When no word is, the whole
/// text, so that it is refused once with a reason rather than word by word.
pub fn codes_in(text: &str) -> Vec<&str> {
    let codes: Vec<&str> = tokens(text)
        .into_iter()
        .filter(|t| kind_of(t).is_some())
        .collect();
    if codes.is_empty() && !text.trim().is_empty() {
        return vec![text.trim()];
    }
    codes
}

/// `kind` + `format` + "." + base64url(`bytes` + CRC-32 of everything before it).
fn seal(kind: char, format: u32, mut bytes: Vec<u8>) -> String {
    let prefix = format!("{kind}{format}.");
    let mut checked = prefix.as_bytes().to_vec();
    checked.extend_from_slice(&bytes);
    let crc = crc32(&checked);
    bytes.extend_from_slice(&crc.to_be_bytes());
    prefix + &URL_SAFE_NO_PAD.encode(bytes)
}

/// The code in `text` (a bare code, or a link whose fragment is the code).
fn code_part(text: &str) -> &str {
    let text = text.trim();
    let text = match text.rfind('#') {
        Some(at) => &text[at + 1..],
        None => text,
    };
    text.trim()
}

/// The kind letter of something shaped like a code, if it is one.
fn kind_of(text: &str) -> Option<char> {
    let code = code_part(text);
    let (head, _) = code.split_once('.')?;
    let mut chars = head.chars();
    let kind = chars.next()?;
    let digits = chars.as_str();
    (!digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(kind)
}

/// A code's bytes after its kind, format and alphabet were checked: `intact` says
/// whether its checksum matched. A code that fails the checksum was either cut short
/// or altered; only the reader of its contents can tell which.
struct Opened {
    content: Vec<u8>,
    /// Every byte as received, the checksum included.
    received: Vec<u8>,
    intact: bool,
}

/// Reads trailing bits leniently: the checksum, not the base64 padding, guards the bytes.
const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireNone),
);

/// Checks a code's kind, format and checksum, and returns the bytes it carries.
fn open(text: &str, kind: char, format: u32) -> Result<Opened, CodeError> {
    if text.trim().is_empty() {
        return Err(CodeError::Empty);
    }
    if text.len() > MAX_INPUT {
        return Err(CodeError::NotACode);
    }
    let code = code_part(text);
    let found_kind = kind_of(code).ok_or(CodeError::NotACode)?;
    if found_kind != kind {
        return Err(match found_kind {
            'a' => CodeError::AnswerNotJoin,
            'j' => CodeError::JoinNotAnswer,
            _ => CodeError::NotACode,
        });
    }
    let (head, body) = code.split_once('.').ok_or(CodeError::NotACode)?;
    let found: u32 = head[kind.len_utf8()..]
        .parse()
        .map_err(|_| CodeError::NotACode)?;
    if !body
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(CodeError::NotACode);
    }
    if found < format {
        return Err(CodeError::OldFormat { found });
    }
    if found > format {
        return Err(CodeError::NewerFormat { found });
    }
    // 4n + 1 characters is a length no encoder makes: the last one is a fragment.
    let body = if body.len() % 4 == 1 {
        &body[..body.len() - 1]
    } else {
        body
    };
    let bytes = LENIENT.decode(body).map_err(|_| CodeError::Tampered)?;
    if bytes.len() < 5 {
        return Err(CodeError::Truncated);
    }
    let (content, crc) = bytes.split_at(bytes.len() - 4);
    let mut checked = head.as_bytes().to_vec();
    checked.push(b'.');
    checked.extend_from_slice(content);
    let intact = crc32(&checked).to_be_bytes() == crc;
    Ok(Opened {
        content: content.to_vec(),
        intact,
        received: bytes,
    })
}

fn push_text(bytes: &mut Vec<u8>, text: &str) {
    // Cut at a character boundary so the code always holds valid UTF-8.
    let mut end = text.len().min(255);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    bytes.push(end as u8);
    bytes.extend_from_slice(&text.as_bytes()[..end]);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], Short> {
        let end = self.at.checked_add(n).ok_or(Short)?;
        let slice = self.bytes.get(self.at..end).ok_or(Short)?;
        self.at = end;
        Ok(slice)
    }

    fn u8(&mut self) -> Result<u8, Short> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, Short> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Text whose bytes are not UTF-8 reads as U+FFFD: the checksum has already
    /// refused altered codes, and a name is only ever shown as text.
    fn text(&mut self) -> Result<String, Short> {
        let len = self.u8()?;
        let bytes = self.take(usize::from(len))?;
        Ok(String::from_utf8_lossy(bytes).into_owned())
    }
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    fn push(&mut self, value: u32, width: u8) {
        for i in 0..width {
            if self.bits.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if value >> i & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 1 << (self.bits % 8);
            }
            self.bits += 1;
        }
    }

    fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    fn take(&mut self, width: u8) -> Option<u32> {
        let mut value = 0u32;
        for i in 0..width {
            let byte = *self.bytes.get(self.at / 8)?;
            if byte >> (self.at % 8) & 1 == 1 {
                value |= 1 << i;
            }
            self.at += 1;
        }
        Some(value)
    }

    /// The padding after the last answer must be zero: one code per answer set.
    fn rest_is_zero(&mut self) -> bool {
        while self.at < self.bytes.len() * 8 {
            match self.take(1) {
                Some(0) => {}
                _ => return false,
            }
        }
        true
    }
}
/// CRC-32 as zlib, PNG and crc32fast compute it (IEEE 802.3, reflected), bit by
/// bit: a code is a few dozen bytes, so a lookup table (crc32fast's is 16 KB, in the
/// module every participant downloads first) would cost more than it saves.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let low_bit = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & low_bit);
        }
    }
    !crc
}

#[cfg(test)]
mod crc_tests {
    use super::crc32;

    #[test]
    fn crc32_is_the_standard_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926, "the standard check value");
        assert_eq!(crc32(b""), 0);
        // Against crc32fast, the crate it replaces, for every length up to 2000.
        let bytes: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
        for len in 0..=bytes.len() {
            assert_eq!(
                crc32(&bytes[..len]),
                crc32fast::hash(&bytes[..len]),
                "{len} bytes"
            );
        }
    }
}
