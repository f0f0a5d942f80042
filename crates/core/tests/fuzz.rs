//! Fuzzing what reads untrusted text: the workshop code decoders, the backup
//! import, questionnaire files of the user's own and deployment records (CSV,
//! GitHub's and GitLab's JSON), each read file also measured. Whatever arrives (pasted, dropped, a hostile link or file), reading it
//! gives a value or a reason and never panics.
//!
//! `cargo test` runs a few thousand inputs per target. The fuzz command runs a
//! million or more: `bash .ci/fuzz` (sets `FUZZ_CASES`). Proptest records any
//! failing input in `fuzz.proptest-regressions` and replays it first on every run;
//! inputs that once failed are also kept in [`REGRESSIONS`] below.

use maturity_core::store::import::{merge, plan_import};
use maturity_core::workshop::codec::{
    decode_answers, decode_join, encode_answers, encode_join, AnswerCode, Invitation, Layout,
};
use maturity_core::{Catalog, RunId, Store, TeamId};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::collections::BTreeMap;
use std::sync::OnceLock;

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

/// Inputs that once broke a decoder (or came close), replayed on every run.
const REGRESSIONS: &[&str] = &[
    // 4n + 1 characters: no encoder makes that length.
    "a1.AAAAA",
    // A length byte pointing past the end of a join code.
    "j1.AAAAAAAAAAD_",
    // Only a prefix; a prefix with a huge format number; a non-ASCII kind.
    "a1.",
    "a4294967296.AAAA",
    "é1.AAAA",
    "#",
    "##a1.",
    // Valid base64 whose checksum matches but which is far too short.
    "a1.AAAAAA",
];

struct Fixture {
    catalog: Catalog,
    layout: Layout,
    code: String,
    join: String,
    /// A small backup (one team, a finished run with notes and an action, an open
    /// workshop with a code, a participation), as the app writes it.
    backup: String,
    /// The store a backup is imported into.
    here: Store,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let catalog = Catalog::builtin();
        let all: Vec<String> = catalog.all().iter().map(|q| q.id.clone()).collect();
        let layout = Layout::new(&catalog, &all);
        let answers: BTreeMap<String, u8> = catalog
            .steps(&all)
            .iter()
            .map(|s| (s.question().id.clone(), 1))
            .collect();
        let code = enc(&layout, 7, 9, &answers);
        let join = encode_join(&Invitation {
            workshop: 7,
            team_name: "Payments".into(),
            questionnaires: all,
            layout: layout.fingerprint(),
        });
        let backup = {
            let mut store = Store::new();
            let run = store
                .start_run(
                    "Payments <b>",
                    vec!["westrum".into()],
                    TeamId("t1".into()),
                    RunId("r1".into()),
                    1,
                )
                .unwrap();
            store.answer(&run, "westrum.messengers", 3, 2).unwrap();
            store.finish(&run, 3).unwrap();
            store
                .set_notes(&run, "", "Notes & <i>things</i>", 4)
                .unwrap();
            let westrum = vec!["westrum".to_string()];
            let small = Layout::new(&catalog, &westrum);
            store
                .start_workshop("Payments <b>", westrum, &small, TeamId("t2".into()), 9, 5)
                .unwrap();
            let answers = [("westrum.team-novelty".to_string(), 2)].into();
            let code = AnswerCode {
                workshop: 9,
                participant: 1,
                edits: 1,
                answers,
            };
            store.add_submission(code, 6).unwrap();
            store.encode().unwrap()
        };
        let mut here = Store::new();
        here.start_run(
            "payments <b>",
            vec!["calms".into()],
            TeamId("t9".into()),
            RunId("r9".into()),
            1,
        )
        .unwrap();
        Fixture {
            catalog,
            layout,
            code,
            join,
            backup,
            here,
        }
    })
}

fn config() -> Config {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    Config {
        cases,
        failure_persistence: Config::default().failure_persistence,
        ..Config::default()
    }
}

/// Decodes `text` both ways; a panic fails the test. A code that decodes must
/// encode back to an equal value (nothing is half-read).
fn decode_everything(text: &str) {
    let f = fixture();
    if let Ok(read) = decode_answers(text, &f.layout, 7) {
        let again = encode_answers(&f.layout, &read);
        assert_eq!(decode_answers(&again, &f.layout, 7), Ok(read));
    }
    if let Ok(invitation) = decode_join(text, &f.catalog) {
        assert_eq!(
            decode_join(&encode_join(&invitation), &f.catalog),
            Ok(invitation)
        );
    }
}

/// Plans importing `text`; a file that is accepted must merge into a valid store
/// that reads back as written.
fn import_everything(text: &str) {
    let f = fixture();
    // The same text as a part of the store as browser storage keeps it (an envelope,
    // or an entry of one team's runs): refused or read, never a panic.
    let _ = Store::decode_envelope(text);
    let _ = Store::decode_runs(text);
    if let Ok(plan) = plan_import(&f.here, text) {
        let mut merged = f.here.clone();
        merge(&mut merged, plan, 100).unwrap();
        assert!(merged.check().is_ok());
        assert_eq!(Store::decode(&merged.encode().unwrap()).unwrap(), merged);
        // Kept split per team, it joins back into the same store.
        let mut names = Vec::new();
        let mut entries = Vec::new();
        for (i, (_, runs)) in merged.runs_by_team().into_iter().enumerate() {
            names.push(format!("entry-{i}"));
            entries.push(Store::encode_runs(runs.into_iter().cloned().collect()).unwrap());
        }
        let envelope = merged.clone().encode_envelope(names).unwrap();
        let (store, _) = Store::decode_envelope(&envelope).unwrap();
        let runs = entries
            .iter()
            .map(|e| Store::decode_runs(e).unwrap().1)
            .collect();
        let (mut joined, _) = store.joined(runs).unwrap();
        joined.runs.sort_by(|a, b| a.id.cmp(&b.id));
        let mut expected = merged.clone();
        expected.runs.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(joined, expected);
    }
}

/// The documented example of a questionnaire of one's own.
const EXAMPLE: &str = include_str!("../../../questionnaires/examples/psychological-safety.json");

/// Parses `text` as a questionnaire of the user's own; one that is accepted must
/// join the catalog and be asked and scored like any other.
fn load_questionnaire(text: &str) {
    let f = fixture();
    if let Ok(q) = f.catalog.parse_custom("fuzz.json", text) {
        let catalog = f.catalog.with_custom(std::slice::from_ref(&q));
        let steps = catalog.steps(std::slice::from_ref(&q.id));
        assert_eq!(steps.len(), q.active_questions().count());
        let _ = maturity_core::score(&q, &BTreeMap::new());
    }
}

/// Small, valid deployment records of each format: the first rows of the example
/// CSV and the first objects of each platform fixture.
struct Records {
    csv: String,
    github: [String; 3],
    gitlab: String,
}

fn records() -> &'static Records {
    static RECORDS: OnceLock<Records> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/deployments/");
        let first = |name: &str, n: usize| {
            let text = std::fs::read_to_string(format!("{dir}{name}")).unwrap();
            let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
            serde_json::to_string_pretty(&list[..n.min(list.len())]).unwrap()
        };
        let csv = include_str!("../../../questionnaires/examples/deployments.csv");
        Records {
            csv: csv.lines().take(12).collect::<Vec<_>>().join("\n"),
            github: [
                first("github-deployments.json", 3),
                first("github-statuses.json", 4),
                first("github-commits.json", 3),
            ],
            gitlab: first("gitlab-deployments.json", 2),
        }
    })
}

/// Reads deployment records and, when they are read, measures them over their
/// default window: a refusal or figures, never a panic.
fn measure_everything(files: &[(&str, &str)]) {
    use maturity_core::{dora::deploys, dora::measure};
    if let Ok(records) = deploys::read(files) {
        let env = records.default_environment();
        if let Some(window) = measure::default_window(&records, env.as_deref()) {
            let m = measure::measure(&records, window, env.as_deref());
            assert!(m.deployments <= records.deployments.len());
            let _ = m.answers();
        }
    }
}

/// A valid code with some damage done: characters replaced, cut, repeated, inserted.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let len = base.len();
    proptest::collection::vec((0..len + 4, 0u8..4, any::<char>(), 0..len + 4), 1..6).prop_map(
        move |edits| {
            let mut chars: Vec<char> = base.chars().collect();
            for (at, kind, c, other) in edits {
                let at = at.min(chars.len());
                match kind {
                    0 if at < chars.len() => chars[at] = c,
                    1 => chars.truncate(at),
                    2 => chars.insert(at, c),
                    _ => {
                        let from = other.min(chars.len());
                        let piece: Vec<char> = chars[from.min(at)..from.max(at)].to_vec();
                        chars.extend(piece);
                    }
                }
            }
            chars.into_iter().collect()
        },
    )
}

#[test]
fn the_backup_fixture_imports() {
    let f = fixture();
    let plan = plan_import(&f.here, &f.backup).unwrap();
    assert_eq!(plan.joined_teams.len(), 1);
    import_everything(&f.backup);
}

#[test]
fn known_bad_inputs_are_refused() {
    load_questionnaire(EXAMPLE);
    for input in REGRESSIONS {
        load_questionnaire(input);
        import_everything(input);
        decode_everything(input);
        let f = fixture();
        assert!(decode_answers(input, &f.layout, 7).is_err(), "{input}");
        assert!(decode_join(input, &f.catalog).is_err(), "{input}");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_refused_or_read_never_a_panic(text in any::<String>()) {
        decode_everything(&text);
    }

    #[test]
    fn code_shaped_text_is_refused_or_read(
        kind in prop::sample::select(vec!["a", "j", "a1.", "j1.", "a0.", "https://x/collect#a1.", "#j1."]),
        body in "[A-Za-z0-9_-]{0,120}",
    ) {
        decode_everything(&format!("{kind}{body}"));
    }

    #[test]
    fn damaged_answer_codes_are_refused_or_read(text in mutated(&fixture().code)) {
        decode_everything(&text);
    }

    #[test]
    fn damaged_join_codes_are_refused_or_read(text in mutated(&fixture().join)) {
        decode_everything(&text);
    }

    #[test]
    fn damaged_backups_are_refused_or_imported(text in mutated(&fixture().backup)) {
        import_everything(&text);
    }

    #[test]
    fn any_text_is_refused_as_a_backup_or_imported(text in any::<String>()) {
        import_everything(&text);
    }

    #[test]
    fn damaged_questionnaire_files_are_refused_or_loaded(text in mutated(EXAMPLE)) {
        load_questionnaire(&text);
    }

    #[test]
    fn damaged_deployment_csv_is_refused_or_measured(text in mutated(&records().csv)) {
        measure_everything(&[("deployments.csv", &text)]);
    }

    #[test]
    fn damaged_github_exports_are_refused_or_measured(
        deployments in mutated(&records().github[0]),
        statuses in mutated(&records().github[1]),
        commits in mutated(&records().github[2]),
        damage in 1u8..8,
    ) {
        // Any of the three files damaged, one or more at once.
        let r = records();
        let (d, s, c): (&str, &str, &str) = (
            if damage & 1 != 0 { &deployments } else { &r.github[0] },
            if damage & 2 != 0 { &statuses } else { &r.github[1] },
            if damage & 4 != 0 { &commits } else { &r.github[2] },
        );
        measure_everything(&[("deployments.json", d), ("statuses.json", s), ("commits.json", c)]);
    }

    #[test]
    fn damaged_gitlab_exports_are_refused_or_measured(text in mutated(&records().gitlab)) {
        measure_everything(&[("gitlab.json", &text)]);
    }

    #[test]
    fn any_text_is_refused_as_deployment_records_or_measured(text in any::<String>(), csv_like in "[a-z_ ,;0-9:TZ.\n-]{0,200}") {
        measure_everything(&[("any", &text)]);
        measure_everything(&[("deployments.csv", &format!("deployed_at,committed_at,failed,restored_at,rework\n{csv_like}"))]);
    }

    #[test]
    fn any_text_is_refused_as_a_questionnaire_or_loaded(text in any::<String>()) {
        load_questionnaire(&text);
    }

    /// Arbitrary contents, with and without a checksum that matches them: past the
    /// checksum, the parsers themselves meet hostile lengths and values.
    #[test]
    fn arbitrary_contents_behind_a_valid_prefix_are_refused_or_read(
        kind in prop::sample::select(vec!["a1.", "j1."]),
        mut bytes in proptest::collection::vec(any::<u8>(), 0..120),
        sealed in any::<bool>(),
    ) {
        use base64::Engine;
        if sealed {
            let mut checked = kind.as_bytes().to_vec();
            checked.extend_from_slice(&bytes);
            bytes.extend_from_slice(&crc32fast::hash(&checked).to_be_bytes());
        }
        decode_everything(&format!("{kind}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes)));
    }
}
