//! DORA's metrics measured from deployment records: each format read from fixtures in
//! the shapes the platforms publish, every figure checked against a value worked out
//! by hand, refusals naming the row and column or JSON path, and the properties any
//! measurement must keep.

use maturity_core::assessment::model::DONT_KNOW;
use maturity_core::calendar::{DAY, HOUR};
use maturity_core::dora::clusters as dora;
use maturity_core::dora::deploys::{self, Deployment, FileKind, Format, Place, Problem, Reached};
use maturity_core::dora::measure::{
    self, agreement, Agreement, Duration, Rate, Skip, Unknown, Window,
};
use proptest::prelude::*;

const MINUTE: i64 = 60_000;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/deployments/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(files: &[(&str, &str)]) -> deploys::Records {
    deploys::read(files).unwrap_or_else(|e| panic!("{e}"))
}

/// Measures with the default environment and window, as the page first shows it.
fn measure_default(records: &deploys::Records) -> measure::Measured {
    let env = records.default_environment();
    let window = measure::default_window(records, env.as_deref()).expect("a window");
    measure::measure(records, window, env.as_deref())
}

fn unknown_of(m: &measure::Measured, question: &str) -> Option<Unknown> {
    m.unknown
        .iter()
        .find(|(q, _)| *q == question)
        .map(|(_, u)| *u)
}

#[test]
fn github_deployments_with_statuses_and_commits() {
    let (d, s, c) = (
        fixture("github-deployments.json"),
        fixture("github-statuses.json"),
        fixture("github-commits.json"),
    );
    let records = read(&[
        ("deployments.json", &d),
        ("statuses.json", &s),
        ("commits.json", &c),
    ]);
    assert_eq!(records.format, Format::GitHub);
    assert_eq!(
        records.files.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
        [
            FileKind::GitHubDeployments,
            FileKind::GitHubStatuses,
            FileKind::GitHubCommits
        ]
    );
    assert_eq!(records.default_environment().as_deref(), Some("production"));
    let m = measure_default(&records);
    // 101, 103, 105, 106, 107, 108 reached production (104's job failed; 102 is staging),
    // each at its first success status: 1 Sep 09:10 to 29 Sep 14:06, 28 d 4 h 56 min -> 29 days.
    assert_eq!(m.deployments, 6);
    assert_eq!(m.window.days(), 29);
    assert_eq!(m.skipped.get(&Skip::DidNotSucceed), Some(&1));
    assert_eq!(m.skipped.get(&Skip::OtherEnvironment), Some(&1));
    // Six in 29 days: at least weekly, not daily.
    assert_eq!(m.frequency, Some(3));
    // Lead times from each commit's committer date to the success status:
    // 17h10, 23h12, 31h09, 25h08, 24h10; a7 is not in the commits file.
    assert_eq!(
        m.lead_time,
        Some(Duration {
            median: 24 * HOUR + 10 * MINUTE,
            option: 3,
            count: 5
        })
    );
    assert_eq!(m.skipped.get(&Skip::NoCommitTime), Some(&1));
    // GitHub says whether a deployment job succeeded, not whether it failed in production.
    assert_eq!(m.change_failure_rate, None);
    assert_eq!(
        unknown_of(&m, dora::CHANGE_FAILURE_RATE),
        Some(Unknown::NoFailures(Format::GitHub))
    );
    assert_eq!(
        unknown_of(&m, dora::RECOVERY_TIME),
        Some(Unknown::NoFailures(Format::GitHub))
    );
    assert_eq!(
        unknown_of(&m, dora::REWORK_RATE),
        Some(Unknown::NoRework(Format::GitHub))
    );
    let answers = m.answers();
    assert_eq!(answers[dora::DEPLOYMENT_FREQUENCY], 3);
    assert_eq!(answers[dora::LEAD_TIME], 3);
    assert_eq!(
        answers[dora::CHANGE_FAILURE_RATE],
        DONT_KNOW,
        "unknown, never zero"
    );
}

#[test]
fn github_without_commits_or_statuses_says_what_it_cannot_tell() {
    let d = fixture("github-deployments.json");
    let records = read(&[("deployments.json", &d)]);
    assert!(records.without_statuses);
    let m = measure_default(&records);
    // Without statuses, every production deployment counts at its creation, 104 too.
    assert_eq!(m.deployments, 7);
    assert_eq!(m.lead_time, None);
    assert_eq!(
        unknown_of(&m, dora::LEAD_TIME),
        Some(Unknown::NoCommitTimes(Format::GitHub))
    );
    assert!(m.frequency.is_some());
}

#[test]
fn gitlab_deployments() {
    let text = fixture("gitlab-deployments.json");
    let records = read(&[("gitlab.json", &text)]);
    assert_eq!(records.format, Format::GitLab);
    let m = measure_default(&records);
    // 201, 203, 205, 207 succeeded in production; 202 failed and 206 was cancelled.
    assert_eq!(m.deployments, 4);
    assert_eq!(m.skipped.get(&Skip::DidNotSucceed), Some(&2));
    assert_eq!(m.skipped.get(&Skip::OtherEnvironment), Some(&1));
    // 1 Oct 08:20 to 5 Oct 15:45 -> 5 days: too short a span to tell how often.
    assert_eq!(m.window.days(), 5);
    assert_eq!(m.frequency, None);
    assert_eq!(
        unknown_of(&m, dora::DEPLOYMENT_FREQUENCY),
        Some(Unknown::SpanTooShort)
    );
    // Over a chosen week, four deployments are weekly: daily takes five a week.
    let week = Window::of_days(
        maturity_core::calendar::parse_day("2026-09-29").unwrap(),
        maturity_core::calendar::parse_day("2026-10-05").unwrap(),
    );
    assert_eq!(
        measure::measure(&records, week, Some("production")).frequency,
        Some(3)
    );
    // 12h20 (commit written at +02:00), 4h30, 2h15, 1h15: median 3h22m30s.
    assert_eq!(
        m.lead_time,
        Some(Duration {
            median: 3 * HOUR + 22 * MINUTE + 30_000,
            option: 4,
            count: 4
        })
    );
    assert_eq!(
        unknown_of(&m, dora::CHANGE_FAILURE_RATE),
        Some(Unknown::NoFailures(Format::GitLab))
    );
}

#[test]
fn the_example_csv() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../questionnaires/examples/deployments.csv"
    ))
    .unwrap();
    let records = read(&[("deployments.csv", &text)]);
    assert_eq!(records.format, Format::Csv);
    assert_eq!(
        records.deployments.len(),
        71,
        "132 rows, one per change, of 71 deployments"
    );
    let m = measure_default(&records);
    // Worked out apart from this code (by a script over the same rows).
    assert_eq!(m.window.days(), 90);
    assert_eq!(m.deployments, 59);
    assert_eq!(m.skipped.get(&Skip::OutsideWindow), Some(&12));
    assert_eq!(m.frequency, Some(3));
    assert_eq!(
        m.lead_time,
        Some(Duration {
            median: 93_720_000,
            option: 3,
            count: 111
        })
    );
    assert_eq!(
        m.change_failure_rate,
        Some(Rate {
            count: 8,
            of: 59,
            percent: 14
        })
    );
    assert_eq!(
        m.recovery_time,
        Some(Duration {
            median: 90 * MINUTE,
            option: 4,
            count: 5
        })
    );
    assert_eq!(m.skipped.get(&Skip::NotRestored), Some(&3));
    assert_eq!(
        m.rework_rate,
        Some(Rate {
            count: 13,
            of: 59,
            percent: 22
        })
    );
    assert!(m.unknown.is_empty());
}

/// Hand-computed CSV cases: (what, csv, window days (from, to) or default, expected figures).
#[test]
fn csv_cases_worked_by_hand() {
    // Time zones: the same instants written three ways.
    let zones = "deployed_at,committed_at\n\
        2026-03-02T10:00:00+01:00,2026-03-02T08:30:00Z\n\
        1772445600,2026-03-02T12:00:00-02:00\n\
        2026-03-04T09:00:00Z,2026-03-04 08:00:00\n";
    // Row 1: 09:00Z - 08:30Z = 30 min. Row 2: 1772445600 = 2026-03-02T10:00Z, commit 14:00Z -> after.
    // Row 3: 60 min (the commit time has no zone: read as UTC).
    let r = read(&[("zones.csv", zones)]);
    assert_eq!(r.read_as_utc, 1);
    let m = measure_default(&r);
    assert_eq!(m.deployments, 3);
    assert_eq!(m.skipped.get(&Skip::CommittedAfterDeployment), Some(&1));
    assert_eq!(
        m.lead_time.map(|d| (d.median, d.count)),
        Some((45 * MINUTE, 2))
    );
    assert_eq!(m.lead_time.map(|d| d.option), Some(5));

    // Several changes per deployment, one row each, by deployment id; a failure
    // marked on any row fails the deployment once.
    let changes = "Deployment ID;Deployed At;Commit Time;Failed;Restored At\n\
        d1;2026-05-01T12:00:00Z;2026-05-01T11:00:00Z;no;\n\
        d1;2026-05-01T12:00:00Z;2026-04-30T12:00:00Z;yes;2026-05-01T14:00:00Z\n\
        d2;2026-05-03T12:00:00Z;2026-05-03T10:00:00Z;;\n\
        d3;2026-05-05T12:00:00Z;2026-05-01T12:00:00Z;true;\n";
    let r = read(&[("changes.csv", changes)]);
    assert_eq!(r.deployments.len(), 3);
    let m = measure_default(&r);
    // Lead times 1 h, 24 h, 2 h, 96 h: median (2 h + 24 h) / 2 = 13 h.
    assert_eq!(
        m.lead_time.map(|d| (d.median, d.count, d.option)),
        Some((13 * HOUR, 4, 4))
    );
    // d1 and d3 failed: 2 of 3 = 67 %. d3 has no restore time: recovery is d1's 2 h.
    assert_eq!(
        m.change_failure_rate,
        Some(Rate {
            count: 2,
            of: 3,
            percent: 67
        })
    );
    assert_eq!(
        m.recovery_time,
        Some(Duration {
            median: 2 * HOUR,
            option: 4,
            count: 1
        })
    );
    assert_eq!(m.skipped.get(&Skip::NotRestored), Some(&1));
    assert_eq!(
        unknown_of(&m, dora::REWORK_RATE),
        Some(Unknown::NoRework(Format::Csv))
    );

    // Failures without a single restore time: recovery unknown, the rate still measured.
    let unrestored =
        "deployed_at,failed,restored_at\n2026-01-01T00:00:00Z,yes,\n2026-01-02T00:00:00Z,no,\n";
    let m = measure_default(&read(&[("f.csv", unrestored)]));
    assert_eq!(m.change_failure_rate.map(|r| r.percent), Some(50));
    assert_eq!(
        unknown_of(&m, dora::RECOVERY_TIME),
        Some(Unknown::NoneRestored)
    );
    // No failure at all: nothing to recover from.
    let clean = "deployed_at,failed,restored_at\n2026-01-01T00:00:00Z,no,\n";
    let m = measure_default(&read(&[("c.csv", clean)]));
    assert_eq!(m.change_failure_rate.map(|r| r.percent), Some(0));
    assert_eq!(
        unknown_of(&m, dora::RECOVERY_TIME),
        Some(Unknown::NothingFailed)
    );
    // A failure column but no restore column.
    let m = measure_default(&read(&[(
        "n.csv",
        "deployed_at,failed\n2026-01-01T00:00:00Z,yes\n",
    )]));
    assert_eq!(
        unknown_of(&m, dora::RECOVERY_TIME),
        Some(Unknown::NoRestoreTimes)
    );

    // An empty window: nothing measured, every metric unknown, no frequency guessed
    // from a window too short to tell.
    let r = read(&[("zones.csv", zones)]);
    let day = |t: &str| maturity_core::calendar::parse_day(t).unwrap();
    let empty = Window::of_days(day("2026-06-01"), day("2026-06-30"));
    let m = measure::measure(&r, empty, None);
    assert_eq!(m.deployments, 0);
    assert_eq!(m.skipped.get(&Skip::OutsideWindow), Some(&3));
    assert_eq!(m.frequency, None);
    assert_eq!(
        unknown_of(&m, dora::DEPLOYMENT_FREQUENCY),
        Some(Unknown::WindowTooShort)
    );
    assert_eq!(
        unknown_of(&m, dora::LEAD_TIME),
        Some(Unknown::NoDeployments)
    );
    assert!(m.answers().values().all(|a| *a == DONT_KNOW));
    // A year without a deployment is fewer than one every six months.
    let year = Window::of_days(day("2025-01-01"), day("2025-12-31"));
    assert_eq!(measure::measure(&r, year, None).frequency, Some(0));
    // A chosen window of whole days: 2 and 4 March, 3 days, three deployments.
    let march = Window::of_days(day("2026-03-02"), day("2026-03-04"));
    assert_eq!(march.days(), 3);
    assert_eq!(measure::measure(&r, march, None).deployments, 3);
}

#[test]
fn rows_pages_and_redeployments() {
    // Dates alone, no id: each row is a deployment of its own (not merged by day).
    let days = "deployed_at,failed\n2026-01-05,no\n2026-01-05,yes\n2026-01-06,no\n";
    let r = read(&[("days.csv", days)]);
    assert_eq!(r.deployments.len(), 3);
    assert_eq!(r.read_as_utc, 0, "a date alone is not a time read as UTC");
    // An empty commit-time cell is a change without a time, counted as skipped.
    let gaps = "deployed_at,committed_at\n2026-01-05T10:00:00Z,2026-01-05T09:00:00Z\n2026-01-06T10:00:00Z,\n";
    let m = measure_default(&read(&[("gaps.csv", gaps)]));
    assert_eq!(m.lead_time.map(|d| d.count), Some(1));
    assert_eq!(m.skipped.get(&Skip::NoCommitTime), Some(&1));
    // GitHub's export in pages: two files of deployments read as one.
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&fixture("github-deployments.json")).unwrap();
    let (a, b) = all.split_at(3);
    let (a, b) = (
        serde_json::to_string(a).unwrap(),
        serde_json::to_string(b).unwrap(),
    );
    let (s, c) = (
        fixture("github-statuses.json"),
        fixture("github-commits.json"),
    );
    let paged = measure_default(&read(&[
        ("p1.json", &a),
        ("p2.json", &b),
        ("s.json", &s),
        ("c.json", &c),
    ]));
    let whole = measure_default(&read(&[
        ("d.json", &fixture("github-deployments.json")),
        ("s.json", &s),
        ("c.json", &c),
    ]));
    assert_eq!(paged, whole);
    // A commit deployed again later (a redeployment, a rollback) counts once, at its
    // first deployment, even when that one is outside the window.
    let mut list = vec![
        deployment(10 * DAY, HOUR, false),
        deployment(40 * DAY, HOUR, false),
    ];
    list[0].changes[0].commit = Some("abc".into());
    list[1].changes[0] = deploys::Change {
        committed_at: Some(10 * DAY - HOUR),
        commit: Some("abc".into()),
    };
    let later = Window {
        from: 30 * DAY,
        to: 50 * DAY,
    };
    let m = measure::measure(&records_of(list), later, None);
    assert_eq!(m.deployments, 1);
    assert_eq!(
        m.lead_time, None,
        "the redeployed commit is not a new change"
    );
    assert_eq!(
        unknown_of(&m, dora::LEAD_TIME),
        Some(Unknown::NoChangeTimes)
    );
    // Refusals: an empty export, two CSVs, too many files.
    assert_eq!(
        deploys::read(&[("empty.json", "[ ]")]).unwrap_err().problem,
        Problem::Empty
    );
    let many: Vec<(&str, &str)> = (0..13).map(|_| ("d.json", a.as_str())).collect();
    assert_eq!(
        deploys::read(&many).unwrap_err().problem,
        Problem::TooManyFiles { limit: 12 }
    );
    let g = fixture("gitlab-deployments.json");
    assert_eq!(
        deploys::read(&[("d.json", &a), ("g.json", &g)])
            .unwrap_err()
            .problem,
        Problem::TwoDeploymentFiles
    );
}

#[test]
fn frequency_and_duration_options_at_their_edges() {
    assert_eq!(
        measure::frequency_option(10, 7),
        5,
        "ten a week: several a working day"
    );
    assert_eq!(measure::frequency_option(9, 7), 4);
    assert_eq!(measure::frequency_option(5, 7), 4, "every working day");
    assert_eq!(measure::frequency_option(4, 7), 3);
    assert_eq!(measure::frequency_option(1, 7), 3, "weekly");
    assert_eq!(measure::frequency_option(1, 8), 2);
    assert_eq!(measure::frequency_option(1, 30), 2, "monthly");
    assert_eq!(measure::frequency_option(1, 31), 1);
    assert_eq!(measure::frequency_option(1, 182), 1);
    assert_eq!(measure::frequency_option(1, 183), 0);
    assert_eq!(measure::duration_option(HOUR - 1), 5);
    assert_eq!(measure::duration_option(HOUR), 4);
    assert_eq!(
        measure::duration_option(DAY),
        3,
        "exactly a day is between a day and a week"
    );
    assert_eq!(measure::duration_option(7 * DAY), 2);
    assert_eq!(measure::duration_option(30 * DAY), 1);
    assert_eq!(measure::duration_option(182 * DAY), 0);
}

#[test]
fn answers_and_measured_values_compared() {
    use Agreement::*;
    let f = dora::DEPLOYMENT_FREQUENCY;
    assert_eq!(agreement(f, 3, 3), Some(Agrees));
    assert_eq!(agreement(f, 2, 4), Some(AnsweredBetter(2)));
    assert_eq!(agreement(f, 4, 3), Some(AnsweredWorse(1)));
    let cfr = dora::CHANGE_FAILURE_RATE;
    assert_eq!(agreement(cfr, 14, 10), Some(Agrees), "within 5 points");
    assert_eq!(
        agreement(cfr, 30, 5),
        Some(AnsweredBetter(25)),
        "a lower rate answered is better"
    );
    assert_eq!(agreement(cfr, 5, 20), Some(AnsweredWorse(15)));
    assert_eq!(agreement(cfr, DONT_KNOW, 20), None);
    assert_eq!(agreement(f, 2, DONT_KNOW), None);
}

#[test]
fn refusals_name_the_file_and_the_row_and_column_or_path() {
    let err = |files: &[(&str, &str)]| deploys::read(files).expect_err("refused");
    let e = err(&[(
        "d.csv",
        "deployed_at,failed\n2026-01-01T00:00:00Z,no\n2026-13-01,no\n",
    )]);
    assert_eq!(e.file, "d.csv");
    assert_eq!(
        e.place,
        Place::Cell {
            row: 3,
            column: "deployed_at".into()
        }
    );
    assert_eq!(
        e.problem,
        Problem::BadTime {
            value: "2026-13-01".into()
        }
    );
    let e = err(&[(
        "d.csv",
        "Deployed At,Failed\n2026-01-01T00:00:00Z,perhaps\n",
    )]);
    assert_eq!(
        e.place,
        Place::Cell {
            row: 2,
            column: "Failed".into()
        }
    );
    assert_eq!(
        e.problem,
        Problem::BadYesNo {
            value: "perhaps".into()
        }
    );
    assert_eq!(
        err(&[("d.csv", "when,what\n1,2\n")]).problem,
        Problem::NoTimeColumn
    );
    assert_eq!(err(&[("d.csv", "deployed_at\n")]).problem, Problem::Empty);
    assert_eq!(err(&[("d.csv", "  \n")]).problem, Problem::Empty);

    // JSON: the path of what is wrong.
    let d = fixture("github-deployments.json").replacen(
        "\"created_at\": \"2026-09-29T14:00:00Z\"",
        "\"created_at\": 5",
        1,
    );
    let e = err(&[("deployments.json", &d)]);
    assert_eq!(e.place, Place::Path("[0].created_at".into()), "{e}");
    assert!(matches!(e.problem, Problem::BadJson { .. }));
    let g = fixture("gitlab-deployments.json").replace(
        "\"finished_at\": \"2026-10-05T15:45:00.000Z\"",
        "\"finished_at\": \"last tuesday\"",
    );
    let e = err(&[("gitlab.json", &g)]);
    assert!(
        matches!(e.place, Place::Path(ref p) if p.starts_with("[6].")),
        "{e}"
    );
    assert!(matches!(e.problem, Problem::BadTime { .. }), "{e}");
    assert_eq!(
        err(&[("x.json", "[{\"name\": 1}]")]).problem,
        Problem::NotRecognised
    );
    // A companion file needs the deployments it belongs to; one deployments file at a time.
    let s = fixture("github-statuses.json");
    assert_eq!(
        err(&[("statuses.json", &s)]).problem,
        Problem::CompanionAlone
    );
    let csv = "deployed_at\n2026-01-01T00:00:00Z\n";
    assert_eq!(
        err(&[("a.csv", csv), ("b.csv", csv)]).problem,
        Problem::TwoDeploymentFiles
    );
    assert_eq!(
        err(&[("a.csv", csv), ("statuses.json", &s)]).problem,
        Problem::CompanionAlone
    );
    // Size limit, named.
    let big = "deployed_at\n".to_string() + &"2026-01-01T00:00:00Z\n".repeat(1_000_000);
    assert_eq!(
        err(&[("big.csv", &big)]).problem,
        Problem::TooLarge {
            limit: maturity_core::limits::MAX_DEPLOY_FILE_BYTES
        }
    );
}

#[test]
fn more_deployments_than_the_limit_are_refused() {
    let mut text = String::from("deployed_at\n");
    for i in 0..=maturity_core::limits::MAX_DEPLOYMENTS {
        text.push_str(&format!("{}\n", 1_600_000_000 + i * 60));
    }
    let e = deploys::read(&[("many.csv", &text)]).expect_err("refused");
    assert_eq!(
        e.problem,
        Problem::TooMany {
            limit: maturity_core::limits::MAX_DEPLOYMENTS
        }
    );
}

#[test]
fn a_measurement_keeps_figures_never_records() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../questionnaires/examples/deployments.csv"
    ))
    .unwrap();
    let m = measure_default(&read(&[("deployments.csv", &text)]));
    let kept = m.record(vec![maturity_core::assessment::records::MeasuredFile {
        name: "deployments.csv".into(),
        sha256: "ab".repeat(32),
    }]);
    assert_eq!(kept.deployments, 59);
    assert_eq!(kept.lead_time_minutes, Some(1562));
    assert_eq!(kept.failed, Some(8));
    assert_eq!(kept.recovery_minutes, Some(90));
    assert_eq!(kept.rework, Some(13));
    let json = serde_json::to_string(&kept).unwrap();
    assert!(
        !json.contains("deploy-0"),
        "no record of the file is kept: {json}"
    );
}

fn deployment(at: i64, lead: i64, failed: bool) -> Deployment {
    Deployment {
        at,
        reached: Reached::Yes,
        environment: Some("production".into()),
        changes: vec![deploys::Change {
            committed_at: Some(at - lead),
            commit: None,
        }],
        failed: Some(failed),
        restored_at: failed.then_some(at + lead / 2),
        rework: Some(failed),
    }
}

fn records_of(deployments: Vec<Deployment>) -> deploys::Records {
    deploys::Records {
        format: Format::Csv,
        deployments,
        columns: deploys::Columns {
            commit_times: true,
            failures: true,
            restore_times: true,
            rework: true,
        },
        without_statuses: false,
        read_as_utc: 0,
        files: Vec::new(),
    }
}

fn any_deployments() -> impl Strategy<Value = Vec<Deployment>> {
    prop::collection::vec(
        (0i64..200 * DAY, 1i64..40 * DAY, any::<bool>())
            .prop_map(|(at, lead, f)| deployment(1_700_000_000_000 + at, lead, f)),
        1..60,
    )
}

proptest! {
    #[test]
    fn adding_a_successful_deployment_never_raises_the_failure_rate(list in any_deployments(), at in 0i64..200 * DAY) {
        let window = Window { from: 1_700_000_000_000, to: 1_700_000_000_000 + 200 * DAY };
        let before = measure::measure(&records_of(list.clone()), window, None);
        let mut more = list;
        more.push(deployment(1_700_000_000_000 + at, HOUR, false));
        let after = measure::measure(&records_of(more), window, None);
        let pct = |m: &measure::Measured| m.change_failure_rate.map(|r| r.count as f64 / r.of as f64);
        prop_assert!(pct(&after) <= pct(&before));
        prop_assert!(after.change_failure_rate.unwrap().percent <= before.change_failure_rate.unwrap().percent);
    }

    #[test]
    fn shifting_every_time_by_a_constant_changes_nothing(list in any_deployments(), shift in -5000 * DAY..5000 * DAY) {
        let shifted: Vec<Deployment> = list.iter().cloned().map(|mut d| {
            d.at += shift;
            for c in &mut d.changes { c.committed_at = c.committed_at.map(|t| t + shift); }
            d.restored_at = d.restored_at.map(|t| t + shift);
            d
        }).collect();
        let a = measure_default(&records_of(list));
        let b = measure_default(&records_of(shifted));
        prop_assert_eq!(a.answers(), b.answers());
        prop_assert_eq!(a.deployments, b.deployments);
        prop_assert_eq!(a.lead_time, b.lead_time);
        prop_assert_eq!(a.recovery_time, b.recovery_time);
        prop_assert_eq!(a.window.days(), b.window.days());
    }

    #[test]
    fn the_order_of_the_records_changes_nothing(list in any_deployments(), seed in any::<u64>()) {
        let mut shuffled = list.clone();
        let n = shuffled.len();
        for i in 0..n { shuffled.swap(i, (seed as usize).wrapping_mul(i + 7) % n); }
        prop_assert_eq!(measure_default(&records_of(list)).answers(), measure_default(&records_of(shuffled)).answers());
    }
}

#[test]
fn a_measured_run_is_kept_read_back_and_checked() {
    use maturity_core::assessment::records::MeasuredFile;
    use maturity_core::{RunId, Store, TeamId};
    let text = fixture("gitlab-deployments.json");
    let m = measure_default(&read(&[("gitlab.json", &text)]));
    let mut store = Store::new();
    let team = TeamId("t-shop".into());
    store
        .start_run(
            "Shop",
            vec![dora::QUESTIONNAIRE_ID.into()],
            team.clone(),
            RunId("r-1".into()),
            1,
        )
        .unwrap();
    let kept = m.record(vec![MeasuredFile {
        name: "gitlab.json".into(),
        sha256: "0a".repeat(32),
    }]);
    let run = store
        .record_measured(&team, m.answers(), kept.clone(), RunId("r-m".into()), 5)
        .unwrap();
    let stored = store.run(&run).unwrap();
    assert!(stored.finished_at.is_some());
    assert_eq!(stored.questionnaires, [dora::QUESTIONNAIRE_ID]);
    assert_eq!(stored.answers[dora::CHANGE_FAILURE_RATE], DONT_KNOW);
    assert_eq!(
        stored.measured.as_ref().and_then(|m| m.read()),
        Some(kept.clone())
    );
    // Set beside a measurement is the latest finished DORA run that was answered:
    // not the measured one, not an unfinished one.
    assert_eq!(measure::latest_answered(&store.runs_of(&team)), None);
    let mut answered = store.clone();
    answered.runs[0].finished_at = Some(2);
    let latest = measure::latest_answered(&answered.runs_of(&team)).map(|r| r.id.0.as_str());
    assert_eq!(
        latest,
        Some("r-1"),
        "the measured run r-m is newer but not answered"
    );
    // Written and read back whole.
    let written = store.encode().unwrap();
    assert_eq!(Store::decode(&written).unwrap(), store);
    // A team that does not exist, or a checksum that is not one, is refused.
    let mut other = store.clone();
    assert!(other
        .record_measured(
            &TeamId("nobody".into()),
            m.answers(),
            kept.clone(),
            RunId("r-x".into()),
            6
        )
        .is_err());
    let mut bad = kept.clone();
    bad.files[0].sha256 = "not a checksum".into();
    assert!(other
        .record_measured(&team, m.answers(), bad, RunId("r-y".into()), 6)
        .is_err());
    assert_eq!(other, store, "a refused change changes nothing");
    // A stored measurement too long to be one this app wrote is refused on reading;
    // one of the wrong shape is read as no measurement at all.
    let hostile = written.replace(&"0a".repeat(32), &"x".repeat(20_000));
    assert!(Store::decode(&hostile).is_err());
    let odd = Store::decode(&written.replace(&"0a".repeat(32), "not a checksum")).unwrap();
    assert!(odd.run(&run).unwrap().measured.is_some());
    assert_eq!(
        odd.run(&run)
            .unwrap()
            .measured
            .as_ref()
            .and_then(|m| m.read()),
        None
    );
}

#[test]
fn environments_are_one_whatever_their_case_and_shown_as_first_written() {
    let text = "deployed_at,environment\n\
                2026-03-02T10:00:00Z,Production\n\
                2026-03-03T10:00:00Z,production\n\
                2026-03-04T10:00:00Z,PRODUCTION\n\
                2026-03-05T10:00:00Z,staging\n";
    let records = read(&[("deploys.csv", text)]);
    assert_eq!(
        records.environments(),
        [("Production".to_string(), 3), ("staging".to_string(), 1)]
    );
    assert_eq!(records.default_environment().as_deref(), Some("Production"));
    let window = measure::default_window(&records, Some("production")).unwrap();
    let m = measure::measure(&records, window, Some("production"));
    assert_eq!(m.deployments, 3, "every spelling of production counted");
    assert!(maturity_core::dora::deploys::same_environment(
        "Prod", "pROD"
    ));
    assert!(!maturity_core::dora::deploys::same_environment(
        "prod",
        "production"
    ));
}

/// Where a CSV is refused: (row, column) as a spreadsheet shows them.
fn refused_at(text: &str) -> (u64, String) {
    match deploys::read(&[("d.csv", text)])
        .expect_err("refused")
        .place
    {
        Place::Cell { row, column } => (row, column),
        other => panic!("refused at {other:?}"),
    }
}

#[test]
fn refusals_name_the_row_a_spreadsheet_shows_whatever_the_line_endings() {
    let bad = "2026-13-01";
    let good = "2026-01-01T00:00:00Z";
    // The bad cell is on spreadsheet row 4 in each: header, a good row, then a
    // blank line, a multi-line note or nothing, as each case says.
    let cases = [
        (
            format!("deployed_at,note\n{good},a\n{good},b\n{bad},c\n"),
            "LF",
        ),
        (
            format!("deployed_at,note\r\n{good},a\r\n{good},b\r\n{bad},c\r\n"),
            "CRLF (Excel)",
        ),
        (
            format!("deployed_at,note\r{good},a\r{good},b\r{bad},c\r"),
            "CR (old Mac)",
        ),
        (
            format!("deployed_at,note\r\n{good},a\r\n\r\n{bad},c\r\n"),
            "a blank line, CRLF",
        ),
        (
            format!("\r\ndeployed_at,note\r\n{good},a\r\n{bad},c\r\n"),
            "a blank first line",
        ),
        (
            format!("deployed_at,note\r\n{good},\"two\r\nlines\"\r\n{good},b\r\n{bad},c\r\n"),
            "a cell of two lines (one row)",
        ),
        (
            format!("deployed_at,note\n{good},\"say \"\"hi\"\"\r\n,x\"\n{good},b\n{bad},c\n"),
            "quotes and a delimiter in a quoted cell",
        ),
    ];
    for (text, case) in cases {
        assert_eq!(refused_at(&text), (4, "deployed_at".to_string()), "{case}");
    }
    // A blank first line does not hide the header's separator.
    let records = deploys::read(&[(
        "d.csv",
        &format!("\r\ndeployed_at;environment\r\n{good};prod\r\n"),
    )])
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(records.deployments.len(), 1);
    assert_eq!(records.deployments[0].environment.as_deref(), Some("prod"));
}
