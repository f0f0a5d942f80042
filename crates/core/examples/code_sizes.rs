//! Prints the length of a participant's answer code (every question answered with
//! the answer that takes the most bits) for all questionnaires together and for each
//! alone, and of a join code: the figures `.ci/bench` reports.

use maturity_core::workshop::codec::{
    encode_answers, encode_join, AnswerCode, Invitation, Layout, MAX_ANSWER_CODE,
};
use maturity_core::Catalog;
use std::collections::BTreeMap;

fn main() {
    if let Err(e) = Catalog::check_builtin() {
        eprintln!("the built-in questionnaires do not load: {e}");
        std::process::exit(1);
    }
    let catalog = Catalog::builtin();
    let all: Vec<String> = catalog.all().iter().map(|q| q.id.clone()).collect();
    let mut sets: Vec<(String, Vec<String>)> =
        vec![("all five questionnaires".into(), all.clone())];
    sets.extend(
        catalog
            .all()
            .iter()
            .map(|q| (q.title.clone(), vec![q.id.clone()])),
    );
    println!("Workshop codes (characters; answer codes must be <= {MAX_ANSWER_CODE}, URL-safe)");
    for (name, ids) in &sets {
        let layout = Layout::new(&catalog, ids);
        let answers: BTreeMap<String, u8> = catalog
            .steps(ids)
            .iter()
            .map(|s| {
                let last = s.question().choices.len().saturating_sub(1) as u8;
                (
                    s.question().id.clone(),
                    if s.question().choices.is_empty() {
                        100
                    } else {
                        last
                    },
                )
            })
            .collect();
        let code = encode_answers(
            &layout,
            &AnswerCode {
                workshop: u32::MAX,
                participant: u32::MAX,
                edits: u32::MAX,
                answers,
            },
        );
        println!(
            "  answer code, {name} ({} questions): {} characters",
            layout.len(),
            code.len()
        );
    }
    let join = encode_join(&Invitation {
        workshop: u32::MAX,
        team_name: "x".repeat(80),
        questionnaires: all.clone(),
        layout: Layout::new(&catalog, &all).fingerprint(),
    });
    println!(
        "  join code, all questionnaires, an 80-character team name: {} characters",
        join.len()
    );
}
