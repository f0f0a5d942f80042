//! Join and answer codes: they round-trip exactly, stay short, and anything else is
//! refused with the reason a facilitator needs ("another workshop", "cut short"...).

use maturity_core::assessment::model::DONT_KNOW;
use maturity_core::workshop::codec::{
    codes_in, decode_answers, decode_join, encode_answers, encode_join, tokens, AnswerCode,
    CodeError, Invitation, Layout, MAX_ANSWER_CODE,
};
use maturity_core::Catalog;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// An answer code with no edits counted.
fn enc(layout: &Layout, workshop: u32, participant: u32, answers: &BTreeMap<String, u8>) -> String {
    encode_answers(
        layout,
        &AnswerCode {
            workshop,
            participant,
            edits: 0,
            answers: answers.clone(),
        },
    )
}

fn all_questionnaires(catalog: &Catalog) -> Vec<String> {
    catalog.all().iter().map(|q| q.id.clone()).collect()
}

/// Every question answered with its last (longest-to-encode) possible value.
fn full_answers(catalog: &Catalog, questionnaires: &[String]) -> BTreeMap<String, u8> {
    catalog
        .steps(questionnaires)
        .iter()
        .map(|s| {
            let max = if s.question().choices.is_empty() {
                100
            } else {
                s.question().choices.len() as u8 - 1
            };
            (s.question().id.clone(), max)
        })
        .collect()
}

#[test]
fn a_full_answer_set_of_every_questionnaire_fits_in_200_characters() {
    let catalog = Catalog::builtin();
    let all = all_questionnaires(&catalog);
    let layout = Layout::new(&catalog, &all);
    let answers = full_answers(&catalog, &all);
    let code = enc(&layout, u32::MAX, u32::MAX, &answers);
    assert!(
        code.len() <= MAX_ANSWER_CODE,
        "{} characters: {code}",
        code.len()
    );
    assert!(
        code.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "URL-safe: {code}"
    );
    let read = decode_answers(&code, &layout, u32::MAX).unwrap();
    assert_eq!(read.answers, answers);
    for one in &all {
        let layout = Layout::new(&catalog, std::slice::from_ref(one));
        let code = enc(
            &layout,
            1,
            2,
            &full_answers(&catalog, std::slice::from_ref(one)),
        );
        assert!(code.len() <= MAX_ANSWER_CODE, "{one}: {code}");
    }
}

#[test]
fn a_link_works_as_well_as_the_bare_code() {
    let catalog = Catalog::builtin();
    let qs = vec!["westrum".to_string()];
    let layout = Layout::new(&catalog, &qs);
    let code = enc(&layout, 5, 6, &full_answers(&catalog, &qs));
    let link = format!("  https://example.test/collect#{code}\n");
    assert_eq!(decode_answers(&link, &layout, 5).unwrap().participant, 6);
    let invitation = Invitation {
        workshop: 5,
        team_name: "Payments & <Ops>".into(),
        questionnaires: qs,
        layout: layout.fingerprint(),
    };
    let join = format!("http://127.0.0.1:8080/join#{}", encode_join(&invitation));
    assert_eq!(decode_join(&join, &catalog).unwrap(), invitation);
}

#[test]
fn bad_codes_are_refused_with_the_reason() {
    let catalog = Catalog::builtin();
    let qs = vec!["calms".to_string(), "dora".to_string()];
    let layout = Layout::new(&catalog, &qs);
    let answers = full_answers(&catalog, &qs);
    let good = enc(&layout, 10, 20, &answers);
    let join = encode_join(&Invitation {
        workshop: 10,
        team_name: "T".into(),
        questionnaires: qs.clone(),
        layout: layout.fingerprint(),
    });
    let other_layout = Layout::new(&catalog, &["westrum".to_string()]);
    let body = good.split_once('.').unwrap().1.to_string();
    // Change one character in the middle to another valid one.
    let mut altered = good.clone().into_bytes();
    let middle = altered.len() / 2;
    altered[middle] = if altered[middle] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    let cases: Vec<(String, CodeError)> = vec![
        ("".into(), CodeError::Empty),
        ("   \n".into(), CodeError::Empty),
        ("hello world".into(), CodeError::NotACode),
        ("a1.<script>alert(1)</script>".into(), CodeError::NotACode),
        ("x1.".to_string() + &body, CodeError::NotACode),
        (join.clone(), CodeError::JoinNotAnswer),
        ("a0.".to_string() + &body, CodeError::OldFormat { found: 0 }),
        // Format 1 had no "Don't know": its codes are refused, not misread.
        ("a1.".to_string() + &body, CodeError::OldFormat { found: 1 }),
        (
            "a3.".to_string() + &body,
            CodeError::NewerFormat { found: 3 },
        ),
        (good[..good.len() - 1].to_string(), CodeError::Truncated),
        (good[..good.len() - 6].to_string(), CodeError::Truncated),
        (good[..8].to_string(), CodeError::Truncated),
        (altered, CodeError::Tampered),
        (good.clone() + "AAAA", CodeError::Tampered),
        (enc(&layout, 11, 20, &answers), CodeError::OtherWorkshop),
        (
            enc(&other_layout, 10, 20, &BTreeMap::new()),
            CodeError::DifferentQuestions,
        ),
        ("x".repeat(10_000), CodeError::NotACode),
    ];
    for (text, expected) in cases {
        assert_eq!(
            decode_answers(&text, &layout, 10),
            Err(expected.clone()),
            "{text:?}"
        );
        assert!(!expected.to_string().is_empty());
    }
    assert_eq!(decode_answers(&good, &layout, 10).unwrap().answers, answers);
}

#[test]
fn bad_join_codes_are_refused_with_the_reason() {
    let catalog = Catalog::builtin();
    let qs = vec!["calms".to_string()];
    let layout = Layout::new(&catalog, &qs);
    let invite = |questionnaires: Vec<String>, layout: u32| {
        encode_join(&Invitation {
            workshop: 1,
            team_name: "Payments".into(),
            questionnaires,
            layout,
        })
    };
    let good = invite(qs.clone(), layout.fingerprint());
    let answer = enc(&layout, 1, 2, &BTreeMap::new());
    let cases: Vec<(String, CodeError)> = vec![
        ("nonsense".into(), CodeError::NotACode),
        (answer, CodeError::AnswerNotJoin),
        (good[..good.len() - 3].to_string(), CodeError::Truncated),
        (
            good.replace("j1.", "j9."),
            CodeError::NewerFormat { found: 9 },
        ),
        (
            invite(vec!["custom-x".into()], 0),
            CodeError::UnknownQuestionnaire("custom-x".into()),
        ),
        (
            invite(qs.clone(), layout.fingerprint() ^ 1),
            CodeError::OtherAppVersion,
        ),
        (invite(vec![], layout.fingerprint()), CodeError::Tampered),
    ];
    for (text, expected) in cases {
        assert_eq!(decode_join(&text, &catalog), Err(expected), "{text:?}");
    }
}

#[test]
fn pasted_text_splits_into_one_token_per_code() {
    assert_eq!(
        tokens(" a1.x \n\n b1.y,c1.z; https://h/collect#a1.w "),
        ["a1.x", "b1.y", "c1.z", "https://h/collect#a1.w"]
    );
    assert!(tokens(" \n\t").is_empty());
    // Chat apps wrap links in punctuation; base64url never ends in any of it.
    assert_eq!(
        tokens("(https://h/collect#a1.Ab-_9).  “a1.Zz”"),
        ["https://h/collect#a1.Ab-_9", "a1.Zz"]
    );
}

#[test]
fn an_answer_file_gives_its_code_and_not_its_sentence() {
    let file = "http://127.0.0.1:8080/collect#a1.AbC\n\nMy answers for the workshop, as an answer code. Give this file to the facilitator.\n";
    assert_eq!(codes_in(file), ["http://127.0.0.1:8080/collect#a1.AbC"]);
    // Text without anything shaped like a code is refused once, as a whole.
    assert_eq!(codes_in("just some words here"), ["just some words here"]);
    assert!(codes_in("  ").is_empty());
}

/// Any answers (valid ones, for any subset of questionnaires) round-trip exactly.
fn answers_strategy() -> impl Strategy<Value = (Vec<String>, BTreeMap<String, u8>, u32, u32)> {
    // (questionnaires, answers, workshop, participant)
    let catalog = Catalog::builtin();
    let ids = all_questionnaires(&catalog);
    (
        proptest::sample::subsequence(ids.clone(), 1..=ids.len()),
        any::<u32>(),
        any::<u32>(),
        proptest::collection::vec(any::<(bool, u8)>(), 250),
    )
        .prop_map(move |(qs, w, p, picks)| {
            let answers = catalog
                .steps(&qs)
                .iter()
                .zip(picks)
                .filter(|(_, (answered, _))| *answered)
                .map(|(s, (_, pick))| {
                    let n = if s.question().choices.is_empty() {
                        101
                    } else {
                        s.question().choices.len() as u16
                    };
                    // One more value than the scale: "Don't know".
                    let value = u16::from(pick) % (n + 1);
                    let value = if value == n { DONT_KNOW } else { value as u8 };
                    (s.question().id.clone(), value)
                })
                .collect();
            (qs, answers, w, p)
        })
}

proptest! {
    #[test]
    fn answer_codes_round_trip_exactly((qs, answers, w, p) in answers_strategy(), edits in any::<u32>()) {
        let catalog = Catalog::builtin();
        let layout = Layout::new(&catalog, &qs);
        let sent = AnswerCode { workshop: w, participant: p, edits, answers };
        let code = encode_answers(&layout, &sent);
        prop_assert!(code.len() <= MAX_ANSWER_CODE);
        prop_assert_eq!(decode_answers(&code, &layout, w).unwrap(), sent);
    }

    #[test]
    fn join_codes_round_trip_exactly(
        qs in proptest::sample::subsequence(all_questionnaires(&Catalog::builtin()), 1..=5),
        workshop in any::<u32>(),
        name in "\\PC{0,80}",
    ) {
        let catalog = Catalog::builtin();
        let invitation = Invitation { workshop, team_name: name, layout: Layout::new(&catalog, &qs).fingerprint(), questionnaires: qs };
        prop_assert_eq!(decode_join(&encode_join(&invitation), &catalog).unwrap(), invitation);
    }
}
