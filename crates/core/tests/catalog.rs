//! Every built-in questionnaire parses and validates; broken files are refused with
//! a message naming the file and the offending id.

use maturity_core::assessment::catalog::{
    parse, BuiltinFile, Catalog, CatalogError, BUILTIN_FILES,
};

#[test]
fn every_builtin_questionnaire_is_valid() {
    for builtin in &BUILTIN_FILES {
        if let Err(e) = parse(builtin.file, builtin.text) {
            panic!("{} is invalid:\n{e}", builtin.file);
        }
    }
    // Listed with the id and question prefix the files have, and no id twice.
    Catalog::check_builtin().expect("built-in files as listed");
    let catalog = Catalog::builtin();
    assert_eq!(catalog.all().len(), BUILTIN_FILES.len());
    let ids: Vec<&str> = catalog.ids().collect();
    let parsed: Vec<String> = catalog.all().iter().map(|q| q.id.clone()).collect();
    assert_eq!(ids, parsed);
}

#[test]
fn a_builtin_listed_under_another_id_or_prefix_is_refused() {
    let wrong_id = BuiltinFile {
        id: "other",
        prefix: "demo",
        file: "demo.json",
        text: VALID,
    };
    assert!(
        matches!(Catalog::check_files(&[wrong_id]), Err(CatalogError::Parse { ref reason, .. }) if reason.contains("listed as \"other\"")),
    );
    let wrong_prefix = BuiltinFile {
        id: "demo",
        prefix: "dm",
        file: "demo.json",
        text: VALID,
    };
    assert!(matches!(
        Catalog::check_files(&[wrong_prefix]),
        Err(CatalogError::QuestionPrefix { ref prefix, .. }) if prefix == "dm"
    ));
}

#[test]
fn a_question_is_found_by_its_prefix_in_every_builtin() {
    let catalog = Catalog::builtin();
    for builtin in &BUILTIN_FILES {
        let q = catalog.get(builtin.id).expect("built in");
        for question in &q.questions {
            assert_eq!(
                catalog.question(&question.id),
                Some(question),
                "{}",
                question.id
            );
        }
    }
    assert_eq!(catalog.question("nobody.knows"), None);
}

#[test]
fn calms_covers_its_five_dimensions_with_four_questions_each() {
    let catalog = Catalog::builtin();
    let calms = catalog.get("calms").expect("CALMS is built in");
    let names: Vec<&str> = calms.dimensions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        ["Culture", "Automation", "Lean", "Measurement", "Sharing"]
    );
    for d in &calms.dimensions {
        let n = calms
            .active_questions()
            .filter(|q| q.dimension == d.id)
            .count();
        assert!(n >= 4, "{} has only {n} questions", d.id);
    }
}

#[test]
fn three_ways_asks_at_least_five_questions_per_way() {
    let catalog = Catalog::builtin();
    let q = catalog.get("three-ways").expect("Three Ways is built in");
    let names: Vec<&str> = q.dimensions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Flow", "Feedback", "Continual learning"]);
    for d in &q.dimensions {
        let n = q.active_questions().filter(|x| x.dimension == d.id).count();
        assert!(n >= 5, "{} has only {n} questions", d.id);
    }
}

#[test]
fn westrum_is_six_statements_on_a_seven_point_agreement_scale() {
    let catalog = Catalog::builtin();
    let q = catalog.get("westrum").expect("Westrum is built in");
    assert_eq!(q.active_questions().count(), 6);
    for question in q.active_questions() {
        let labels: Vec<&str> = question.choices.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels.len(), 7, "{}", question.id);
        assert_eq!(labels[0], "Strongly disagree");
        assert_eq!(labels[3], "Neither agree nor disagree");
        assert_eq!(labels[6], "Strongly agree");
    }
}

#[test]
fn question_ids_are_unique_across_all_questionnaires() {
    let catalog = Catalog::builtin();
    let mut seen = std::collections::BTreeSet::new();
    for q in catalog.all() {
        for question in &q.questions {
            assert!(
                seen.insert(question.id.clone()),
                "{} appears in two questionnaires",
                question.id
            );
        }
    }
}

#[test]
fn dora_asks_the_five_metrics_with_six_options_or_a_percentage() {
    use maturity_core::assessment::model::AnswerKind;
    use maturity_core::dora::clusters as dora;
    let catalog = Catalog::builtin();
    let q = catalog
        .get(dora::QUESTIONNAIRE_ID)
        .expect("DORA is built in");
    for id in [
        dora::DEPLOYMENT_FREQUENCY,
        dora::LEAD_TIME,
        dora::RECOVERY_TIME,
    ] {
        let question = q.question(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(question.choices.len(), usize::from(dora::BUCKETS), "{id}");
    }
    for id in [dora::CHANGE_FAILURE_RATE, dora::REWORK_RATE] {
        let question = q.question(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(question.answer, AnswerKind::Percent, "{id}");
    }
}

#[test]
fn team_topologies_classifies_the_team_type_without_scoring_it() {
    let catalog = Catalog::builtin();
    let q = catalog
        .get("team-topologies")
        .expect("Team Topologies is built in");
    let team_type = q.dimension("team-type").expect("team type");
    assert!(!team_type.scored, "a team type is a classification");
    let types: Vec<&str> = q
        .question("tt.team-kind")
        .expect("question")
        .choices
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    for expected in [
        "Stream-aligned",
        "Platform",
        "Enabling",
        "Complicated subsystem",
        "Functional team",
        "Feature team",
        "Project team",
        "Service team",
    ] {
        assert!(types.contains(&expected), "{expected} missing");
    }
    // Feature teams are long-lived; only project teams disband (the retired
    // question said both "move on when it is done").
    let kind = q.question("tt.team-kind").expect("question");
    let means = |label: &str| {
        kind.choices
            .iter()
            .find(|c| c.label == label)
            .map(|c| c.means.to_lowercase())
            .unwrap_or_default()
    };
    assert!(
        means("Feature team").contains("long-lived"),
        "{}",
        means("Feature team")
    );
    assert!(!means("Feature team").contains("disband"));
    assert!(
        means("Project team").contains("disband"),
        "{}",
        means("Project team")
    );
    assert!(q.question("tt.team-type").expect("kept").retired);
    let modes: Vec<&str> = q
        .question("tt.interaction.mode")
        .expect("modes")
        .choices
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    for expected in ["Collaboration", "X-as-a-Service", "Facilitating"] {
        assert!(modes.contains(&expected), "{expected} missing");
    }
    for load in ["intrinsic", "extraneous", "germane"] {
        assert!(
            q.dimension(load).is_some_and(|d| d.scored),
            "{load} is a scored dimension"
        );
    }
}

#[test]
fn steps_follow_questionnaire_order_and_skip_unknown_ids() {
    let catalog = Catalog::builtin();
    let steps = catalog.steps(&["no-such-thing".into(), "calms".into()]);
    let calms = catalog.get("calms").expect("CALMS");
    assert_eq!(steps.len(), calms.active_questions().count());
    assert_eq!(steps[0].question().id, calms.questions[0].id);
}

/// A small valid questionnaire; each case below breaks one thing in it.
const VALID: &str = r#"{
  "format_version": 1, "id": "demo", "title": "Demo", "summary": "A demo.", "source": "Tests",
  "dimensions": [{"id": "flow", "name": "Flow", "description": "How work flows."}],
  "questions": [{
    "id": "demo.q1", "dimension": "flow", "text": "How?", "source": "Tests", "advice": "Try.",
    "choices": [{"label": "Low", "means": "Little."}, {"label": "High", "means": "Much."}]
  }]
}"#;

fn broken(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "case does not apply: {from}");
    VALID.replacen(from, to, 1)
}

#[test]
fn the_template_itself_is_valid() {
    parse("demo.json", VALID).expect("valid template");
}

#[test]
fn broken_files_are_refused_with_file_and_id_named() {
    let duplicate_question = VALID.replace(
        r#"  }]
}"#,
        r#"  }, {
    "id": "demo.q1", "dimension": "flow", "text": "Again?", "source": "Tests", "advice": "Try.",
    "choices": [{"label": "Low", "means": "Little."}, {"label": "High", "means": "Much."}]
  }]
}"#,
    );
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "duplicate question id",
            duplicate_question,
            &["demo.json", "\"demo.q1\"", "more than once"],
        ),
        (
            "unknown dimension",
            broken(r#""dimension": "flow""#, r#""dimension": "flw""#),
            &["demo.json", "\"demo.q1\"", "\"flw\""],
        ),
        (
            "empty dimension",
            broken(
                r#"{"id": "flow", "name": "Flow", "description": "How work flows."}"#,
                r#"{"id": "flow", "name": "Flow", "description": "How work flows."}, {"id": "lean", "name": "Lean", "description": "Waste."}"#,
            ),
            &["demo.json", "\"lean\"", "no active question"],
        ),
        (
            "one choice only",
            broken(r#"{"label": "Low", "means": "Little."}, "#, ""),
            &["demo.json", "\"demo.q1\"", "1 choices"],
        ),
        (
            "empty choice meaning",
            broken(r#""means": "Much.""#, r#""means": " ""#),
            &["demo.json", "\"demo.q1\"", "choice 1"],
        ),
        (
            "duplicate choice label",
            broken(r#""label": "High""#, r#""label": "Low""#),
            &["demo.json", "\"demo.q1\"", "\"Low\" twice"],
        ),
        (
            "missing source",
            broken(
                r#""text": "How?", "source": "Tests""#,
                r#""text": "How?", "source": """#,
            ),
            &["demo.json", "\"demo.q1\"", "`source`"],
        ),
        (
            "missing advice",
            broken(r#""advice": "Try.""#, r#""advice": """#),
            &["demo.json", "\"demo.q1\"", "`advice`"],
        ),
        (
            "newer format",
            broken(r#""format_version": 1"#, r#""format_version": 2"#),
            &["demo.json", "format_version is 2"],
        ),
        (
            "bad questionnaire id",
            broken(r#""id": "demo""#, r#""id": "Demo Q""#),
            &["demo.json", "\"Demo Q\""],
        ),
        (
            "unknown field",
            broken(r#""title": "Demo""#, r#""title": "Demo", "colour": "red""#),
            &["demo.json", "colour"],
        ),
        (
            "not JSON",
            "{ nope".to_string(),
            &["demo.json", "not a readable questionnaire"],
        ),
    ];
    for (name, text, expected) in cases {
        let message = match parse("demo.json", &text) {
            Ok(_) => panic!("{name}: accepted a broken file"),
            Err(e) => e.to_string(),
        };
        for part in expected {
            assert!(
                message.contains(part),
                "{name}: message {message:?} lacks {part:?}"
            );
        }
    }
}

#[test]
fn a_retired_question_may_leave_its_replacement_as_the_only_active_one() {
    let text = VALID.replace(
        r#"  }]
}"#,
        r#"  }, {
    "id": "demo.q0", "dimension": "flow", "text": "Old?", "source": "Tests", "advice": "Try.",
    "retired": true,
    "choices": [{"label": "Low", "means": "Little."}, {"label": "High", "means": "Much."}]
  }]
}"#,
    );
    let q = parse("demo.json", &text).expect("valid");
    let active: Vec<&str> = q.active_questions().map(|q| q.id.as_str()).collect();
    assert_eq!(active, ["demo.q1"]);
}

#[test]
fn two_files_with_one_questionnaire_id_are_refused() {
    let file = |file| BuiltinFile {
        id: "demo",
        prefix: "demo",
        file,
        text: VALID,
    };
    let err = Catalog::check_files(&[file("a.json"), file("b.json")]).unwrap_err();
    assert!(
        matches!(err, CatalogError::DuplicateQuestionnaire { ref file, ref id } if file == "b.json" && id == "demo")
    );
}

/// Each anti-pattern named in shared/reference/frameworks.md, and the question that probes it.
const ANTI_PATTERNS: &[(&str, &str)] = &[
    (
        "renaming the ops team 'DevOps' without changing how it works",
        "calms.culture.devops-role",
    ),
    ("a separate DevOps team silo", "calms.culture.devops-role"),
    (
        "'just go faster': pressure instead of mechanisms",
        "calms.lean.go-faster",
    ),
    ("skipping code review", "three-ways.feedback.change-review"),
    (
        "handing testing to a separate team",
        "three-ways.feedback.test-ownership",
    ),
    ("big-bang releases", "calms.lean.batch-size"),
    (
        "freezing requirements",
        "three-ways.flow.changing-requirements",
    ),
    (
        "the DevOps team as a ticket queue",
        "calms.automation.requests",
    ),
    (
        "operations as a ticket queue",
        "tt.boundaries.dev-ops-fence",
    ),
    (
        "'works on my machine': no ownership in production",
        "calms.culture.ownership",
    ),
    (
        "customers as the monitoring system",
        "calms.measurement.monitoring",
    ),
    (
        "development and operations fenced apart",
        "tt.boundaries.dev-ops-fence",
    ),
    (
        "misaligned goals and KPIs between dev and ops",
        "calms.culture.shared-goals",
    ),
    // Good practice the reference names, each asked about since the content review.
    (
        "least-privilege access and audit trails",
        "calms.automation.access",
    ),
    (
        "dependency and secret management, security testing in CI",
        "calms.automation.security-checks",
    ),
    ("cost awareness per feature", "calms.measurement.cost"),
    (
        "Lean's wastes beyond waiting: overproduction, over-processing",
        "calms.lean.extra-work",
    ),
    (
        "Lean's wastes beyond waiting: motion and context switching",
        "calms.lean.switching",
    ),
    (
        "product teams owning their infrastructure end to end",
        "tt.boundaries.infrastructure",
    ),
    (
        "a loosely coupled architecture: a team deploys alone",
        "tt.boundaries.deploy-alone",
    ),
    (
        "no-downtime releases: blue/green, canary, feature flags",
        "three-ways.flow.low-risk-release",
    ),
    (
        "a platform run as a product",
        "tt.interactions.platform-product",
    ),
    (
        "team size of 5 to 9, two-pizza teams",
        "tt.boundaries.team-size",
    ),
    ("long-lived, stable teams", "tt.boundaries.stability"),
];

#[test]
fn every_reference_anti_pattern_is_probed_by_an_active_question() {
    let catalog = Catalog::builtin();
    for (anti_pattern, id) in ANTI_PATTERNS {
        let question = catalog
            .question(id)
            .unwrap_or_else(|| panic!("no question {id} probes {anti_pattern}"));
        assert!(
            !question.retired,
            "{id} (probing {anti_pattern}) is retired"
        );
    }
}
