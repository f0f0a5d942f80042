//! The spreadsheet export: one row per assessment and scored dimension, scores as
//! the app shows them, text that cannot run as a formula.

use maturity_core::assessment::history::run_scores;
use maturity_core::csv::safe;
use maturity_core::store::export::{runs_csv, COLUMNS, ENGLISH};
use maturity_core::{Catalog, Store, TeamId};

const V3: &str = include_str!("fixtures/store-v3.json");

fn rows(csv_text: &str) -> Vec<Vec<String>> {
    let body = csv_text
        .strip_prefix('\u{feff}')
        .expect("starts with a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(String::from).collect())
        .collect()
}

#[test]
fn one_row_per_run_and_scored_dimension_with_the_scores_shown_in_the_app() {
    let store = Store::decode(V3).unwrap();
    let catalog = Catalog::builtin();
    let table = rows(&runs_csv(&store, &catalog, None, &ENGLISH, |ms| {
        format!("t{ms}")
    }));
    assert_eq!(table[0], COLUMNS);
    let expected: usize = store
        .runs
        .iter()
        .map(|r| {
            run_scores(&catalog, r)
                .iter()
                .map(|q| q.dimensions.len())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(table.len() - 1, expected);
    // The workshop run: Westrum's one dimension, scored from the agreed answers.
    let ws: Vec<&Vec<String>> = table.iter().filter(|r| r[1] == "r-pay-ws").collect();
    let westrum = ws.iter().find(|r| r[4] == "Westrum culture").unwrap();
    let score = run_scores(
        &catalog,
        store.run(&maturity_core::RunId("r-pay-ws".into())).unwrap(),
    )
    .into_iter()
    .find(|q| q.questionnaire == "westrum")
    .unwrap()
    .dimensions[0]
        .score
        .unwrap();
    assert_eq!(westrum[6], format!("{score:.1}"));
    // Westrum also on its statements' own scale, as DORA reports it (1 to 7).
    let own = (1.0 + score * 6.0 / 10.0 + 1e-9) * 10.0;
    assert_eq!(westrum[7], format!("{:.1}", own.round() / 10.0));
    assert_eq!(westrum[8], "1 to 7");
    // Other questionnaires have no own scale.
    assert!(table
        .iter()
        .skip(1)
        .filter(|r| r[4] != "Westrum culture")
        .all(|r| r[7].is_empty() && r[8].is_empty()));
    assert_eq!(westrum[10], "0", "no \"Don't know\" in this run");
    assert_eq!(westrum[12], "3", "workshop participants");
    assert_eq!(westrum[3], "yes");
    // Oldest first, and one team only when asked.
    let search = rows(&runs_csv(
        &store,
        &catalog,
        Some(&TeamId("t-search".into())),
        &ENGLISH,
        |ms| ms.to_string(),
    ));
    assert!(search[1..].iter().all(|r| r[0] == "Search & Discovery <b>"));
    assert_eq!(search[1][3], "no", "unfinished runs are listed as such");
}

#[test]
fn text_a_spreadsheet_would_run_is_made_inert_and_everything_else_kept() {
    let cases = [
        (
            "=HYPERLINK(\"http://evil\",\"x\")",
            "'=HYPERLINK(\"http://evil\",\"x\")",
        ),
        ("+1+1", "'+1+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Payments", "Payments"),
        ("a=b", "a=b"),
        ("", ""),
    ];
    for (text, shown) in cases {
        assert_eq!(safe(text), shown);
    }
    let mut store = Store::decode(V3).unwrap();
    store.teams[0].name = "=cmd|' /C calc'!A0".into();
    // Questionnaires of one's own name their dimensions: those are made inert too.
    let builtin = Catalog::builtin();
    let mut own: serde_json::Value = serde_json::from_str(include_str!(
        "../../../questionnaires/examples/psychological-safety.json"
    ))
    .unwrap();
    own["title"] = "=1+1".into();
    own["dimensions"][0]["name"] = "@SUM(1)".into();
    let own = builtin.parse_custom("own", &own.to_string()).unwrap();
    store.add_questionnaire(own, &builtin, 1).unwrap();
    let run = store
        .start_run(
            "Other",
            vec!["psych-safety".into()],
            TeamId("o".into()),
            maturity_core::RunId("ro".into()),
            2,
        )
        .unwrap();
    store
        .answer(&run, "psych-safety.speaking-up.mistakes", 1, 3)
        .unwrap();
    let catalog = builtin.with_custom(&store.questionnaires);
    let table = rows(&runs_csv(
        &store,
        &catalog,
        Some(&TeamId("o".into())),
        &ENGLISH,
        |ms| ms.to_string(),
    ));
    assert_eq!(
        (table[1][4].as_str(), table[1][5].as_str()),
        ("'=1+1", "'@SUM(1)")
    );
    store.runs[0].notes = "Line one, \"quoted\"\nline two".into();
    let catalog = Catalog::builtin();
    let table = rows(&runs_csv(&store, &catalog, None, &ENGLISH, |ms| {
        ms.to_string()
    }));
    let first = table.iter().find(|r| r[1] == "r-pay-0").unwrap();
    assert_eq!(first[0], "'=cmd|' /C calc'!A0");
    assert_eq!(
        first[13], "Line one, \"quoted\"\nline two",
        "commas, quotes and newlines survive"
    );
}

#[test]
fn the_header_and_the_words_of_the_export_follow_the_language_given() {
    let catalog = Catalog::builtin();
    let mut store = Store::default();
    store
        .start_run(
            "Pagos",
            vec!["westrum".into()],
            TeamId("t".into()),
            maturity_core::RunId("r".into()),
            2,
        )
        .unwrap();
    let words = maturity_core::store::export::AssessmentCsvWords {
        columns: [
            "equipo",
            "evaluación",
            "fecha",
            "terminada",
            "cuestionario",
            "dimensión",
            "puntuación (0-10)",
            "puntuación en su escala",
            "su escala",
            "respondidas",
            "no sé",
            "preguntadas",
            "participantes del taller",
            "notas",
        ],
        yes: "sí",
        no: "no",
        own_scale: "de 1 a {n}",
    };
    let table = rows(&maturity_core::store::export::runs_csv(
        &store,
        &catalog,
        None,
        &words,
        |ms| ms.to_string(),
    ));
    assert_eq!(table[0][0], "equipo");
    assert_eq!(table[0][13], "notas");
    assert_eq!(table[1][3], "no", "not finished");
    assert_eq!(table.len(), 2, "one scored dimension");
}
