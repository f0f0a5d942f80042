//! DORA's five delivery metrics computed from a team's deployment records over a
//! window, each placed on the DORA questionnaire's own answer options so a measured
//! run scores, clusters and benchmarks exactly as answers do.
//!
//! Definitions (DORA, "DORA's software delivery metrics", dora.dev/guides, and the
//! 2024 State of DevOps report): deployment frequency is how often changes reach
//! production; lead time for changes is the time from a change being committed to it
//! running in production; change failure rate is the share of deployments that cause
//! a failure in production needing immediate attention; failed deployment recovery
//! time is how long it takes to recover from such a failure; rework rate is the share
//! of deployments that were unplanned, made to fix a problem users saw.
//! Source: docs/sources.md#dora-metrics-measured-from-deployment-records

use crate::assessment::model::DONT_KNOW;
use crate::assessment::records::{MeasuredFile, Measurement, Run, MAX_FILE_NAME};
use crate::calendar::{DAY, HOUR};
use crate::dora::clusters as dora;
use crate::dora::deploys::{Deployment, Format, Reached, Records};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The default window's length: the last 90 days of the records.
pub const DEFAULT_DAYS: i64 = 90;
/// The shortest window whose deployment frequency is measured: a week, so one busy
/// day is not taken for the team's habit.
pub const MIN_FREQUENCY_DAYS: i64 = 7;
/// Rates answered within this many percentage points of the measured rate agree.
pub const RATE_TOLERANCE: i32 = 5;

/// The span of time measured, both ends included, in milliseconds since 1970 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: i64,
    pub to: i64,
}

impl Window {
    /// Whole UTC days, `from_day` to `to_day` included (days since 1970-01-01).
    pub fn of_days(from_day: i64, to_day: i64) -> Window {
        Window {
            from: from_day.saturating_mul(DAY),
            to: to_day.saturating_add(1).saturating_mul(DAY) - 1,
        }
    }

    /// Its length in days, rounded up, at least one.
    pub fn days(&self) -> i64 {
        ((self.to.saturating_sub(self.from))
            .max(0)
            .saturating_add(DAY - 1)
            / DAY)
            .max(1)
    }

    fn holds(&self, at: i64) -> bool {
        self.from <= at && at <= self.to
    }
}

/// The last [`DEFAULT_DAYS`] of the deployments that reached `environment` (all
/// environments when None), from the last one back, never before the first. When
/// none reached it, the same over every deployment listed (then nothing is counted,
/// and the page says why).
pub fn default_window(records: &Records, environment: Option<&str>) -> Option<Window> {
    let span = |times: &mut dyn Iterator<Item = i64>| {
        times.fold(None, |span: Option<(i64, i64)>, at| {
            Some(span.map_or((at, at), |(a, b)| (a.min(at), b.max(at))))
        })
    };
    let mut reached = records
        .deployments
        .iter()
        .filter(|d| d.reached == Reached::Yes)
        .filter(|d| d.goes_to(environment))
        .map(|d| d.at);
    let (first, last) =
        span(&mut reached).or_else(|| span(&mut records.deployments.iter().map(|d| d.at)))?;
    Some(Window {
        from: first.max(last.saturating_sub(DEFAULT_DAYS * DAY)),
        to: last,
    })
}

/// A duration metric: the median and where it falls among the answer options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub median: i64,
    pub option: u8,
    /// How many durations the median is of.
    pub count: usize,
}

/// A rate metric: `count` of `of` deployments, as a whole percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: usize,
    pub of: usize,
    pub percent: u8,
}

/// Why a metric could not be measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// No deployment in the window.
    NoDeployments,
    /// A window shorter than [`MIN_FREQUENCY_DAYS`]: too short to tell how often.
    SpanTooShort,
    /// No deployment in a window shorter than six months: fewer than one every six
    /// months and one every few months cannot be told apart.
    WindowTooShort,
    /// The records have no commit times (GitHub without a commits file; a CSV
    /// without the column).
    NoCommitTimes(Format),
    /// No change in the window has a usable commit time.
    NoChangeTimes,
    /// The records do not say which deployments failed in production.
    NoFailures(Format),
    /// The records say which failed, but not when service was restored.
    NoRestoreTimes,
    /// No deployment in the window failed, so there was nothing to recover from.
    NothingFailed,
    /// None of the failures has a restore time.
    NoneRestored,
    /// The records do not say which deployments were unplanned fixes.
    NoRework(Format),
}

/// Why a record or a change was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// A deployment to another environment.
    OtherEnvironment,
    /// A deployment outside the window.
    OutsideWindow,
    /// A deployment job that failed, was cancelled or never finished.
    DidNotSucceed,
    /// A GitHub deployment with no status in the statuses file.
    NoStatus,
    /// A change whose commit time is missing (a GitHub commit not in the commits file).
    NoCommitTime,
    /// A change committed after the deployment that carried it.
    CommittedAfterDeployment,
    /// A failure with no restore time.
    NotRestored,
    /// A failure restored before its deployment.
    RestoredBeforeDeployment,
}

/// The five metrics measured over a window.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub window: Window,
    pub environment: Option<String>,
    /// Deployments counted: reached the environment within the window.
    pub deployments: usize,
    /// Deployment frequency's answer option, 0 (fewer than once every six months) to 5.
    pub frequency: Option<u8>,
    pub lead_time: Option<Duration>,
    pub change_failure_rate: Option<Rate>,
    pub recovery_time: Option<Duration>,
    pub rework_rate: Option<Rate>,
    /// Each metric that could not be measured, by question id, and why.
    pub unknown: Vec<(&'static str, Unknown)>,
    /// What was not counted, and how many of each.
    pub skipped: BTreeMap<Skip, usize>,
}

/// Deployment frequency's answer option for `count` deployments in `days` days.
/// Several a day means at least two per working day (ten a week); daily, at least
/// one per working day (five a week); then at least weekly, monthly (30 days), or
/// every six months (182 days).
pub fn frequency_option(count: usize, days: i64) -> u8 {
    let n = count as i64;
    let days = days.max(1);
    if n * 7 >= 10 * days {
        5
    } else if n * 7 >= 5 * days {
        4
    } else if n * 7 >= days {
        3
    } else if n * 30 >= days {
        2
    } else if n * 182 >= days {
        1
    } else {
        0
    }
}

/// The answer option of a lead or recovery time: under an hour (5), a day, a week,
/// a month (30 days), six months (182 days), or longer (0).
pub fn duration_option(millis: i64) -> u8 {
    match millis {
        m if m < HOUR => 5,
        m if m < DAY => 4,
        m if m < 7 * DAY => 3,
        m if m < 30 * DAY => 2,
        m if m < 182 * DAY => 1,
        _ => 0,
    }
}

fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        // The mean of the two middle values, without overflow.
        values[mid - 1] + (values[mid] - values[mid - 1]) / 2
    })
}

fn rate(count: usize, of: usize) -> Rate {
    let percent = ((200 * count + of) / (2 * of.max(1))).min(100) as u8;
    Rate { count, of, percent }
}

/// Measures the records within `window`, for one environment (all when None).
pub fn measure(records: &Records, window: Window, environment: Option<&str>) -> Measured {
    let mut gaps = Gaps::default();
    let counted = counted(records, window, environment, &mut gaps);
    let columns = records.columns;
    let format = records.format;
    let none = counted.is_empty();

    let frequency = if window.days() < MIN_FREQUENCY_DAYS {
        gaps.unknown(dora::DEPLOYMENT_FREQUENCY, Unknown::SpanTooShort)
    } else if none && window.days() < 182 {
        gaps.unknown(dora::DEPLOYMENT_FREQUENCY, Unknown::WindowTooShort)
    } else {
        Some(frequency_option(counted.len(), window.days()))
    };

    let mut leads = lead_times(records, environment, &counted, &mut gaps);
    let lead_time = if !columns.commit_times {
        gaps.unknown(dora::LEAD_TIME, Unknown::NoCommitTimes(format))
    } else if none {
        gaps.unknown(dora::LEAD_TIME, Unknown::NoDeployments)
    } else {
        duration(&mut leads).or_else(|| gaps.unknown(dora::LEAD_TIME, Unknown::NoChangeTimes))
    };

    let failed: Vec<&Deployment> = counted
        .iter()
        .copied()
        .filter(|d| d.failed == Some(true))
        .collect();
    let change_failure_rate = if !columns.failures {
        gaps.unknown(dora::CHANGE_FAILURE_RATE, Unknown::NoFailures(format))
    } else if none {
        gaps.unknown(dora::CHANGE_FAILURE_RATE, Unknown::NoDeployments)
    } else {
        Some(rate(failed.len(), counted.len()))
    };

    let recovery_time = recovery_time(records, none, &failed, &mut gaps);

    let rework_rate = if !columns.rework {
        gaps.unknown(dora::REWORK_RATE, Unknown::NoRework(format))
    } else if none {
        gaps.unknown(dora::REWORK_RATE, Unknown::NoDeployments)
    } else {
        let count = counted.iter().filter(|d| d.rework == Some(true)).count();
        Some(rate(count, counted.len()))
    };

    let Gaps {
        mut unknown,
        skipped,
    } = gaps;
    // Unknowns in the order DORA lists the metrics.
    unknown.sort_by_key(|(q, _)| dora::METRICS.iter().position(|(id, _)| id == q));
    Measured {
        window,
        environment: environment.map(str::to_string),
        deployments: counted.len(),
        frequency,
        lead_time,
        change_failure_rate,
        recovery_time,
        rework_rate,
        unknown,
        skipped,
    }
}

/// What a measurement could not tell or count, noted metric by metric.
#[derive(Default)]
struct Gaps {
    /// Each metric that could not be measured, by question id, and why.
    unknown: Vec<(&'static str, Unknown)>,
    /// What was not counted, and how many of each.
    skipped: BTreeMap<Skip, usize>,
}

impl Gaps {
    fn skip(&mut self, why: Skip) {
        *self.skipped.entry(why).or_default() += 1;
    }

    /// Notes that `question` could not be measured, and why; its value is None.
    fn unknown<T>(&mut self, question: &'static str, why: Unknown) -> Option<T> {
        self.unknown.push((question, why));
        None
    }
}

/// The deployments counted: those that reached the environment (all when None)
/// within the window, oldest first. Every other one is noted as skipped.
fn counted<'r>(
    records: &'r Records,
    window: Window,
    environment: Option<&str>,
    gaps: &mut Gaps,
) -> Vec<&'r Deployment> {
    let mut counted = Vec::new();
    for d in &records.deployments {
        if !d.goes_to(environment) {
            gaps.skip(Skip::OtherEnvironment);
        } else if !window.holds(d.at) {
            gaps.skip(Skip::OutsideWindow);
        } else {
            match d.reached {
                Reached::Yes => counted.push(d),
                Reached::DidNotSucceed => gaps.skip(Skip::DidNotSucceed),
                Reached::NoStatus => gaps.skip(Skip::NoStatus),
            }
        }
    }
    // Oldest first, so a commit deployed twice counts at its first deployment
    // whatever order the file lists them in.
    counted.sort_by_key(|d| d.at);
    counted
}

/// Each commit's first deployment to the environment over all the records, so a
/// redeployment or a rollback to an older commit (inside the window or not) does
/// not count its change again.
fn first_deployments<'r>(records: &'r Records, environment: Option<&str>) -> HashMap<&'r str, i64> {
    let mut first_deployed: HashMap<&str, i64> = HashMap::new();
    for d in records
        .deployments
        .iter()
        .filter(|d| d.reached == Reached::Yes)
    {
        if !d.goes_to(environment) {
            continue;
        }
        for commit in d.changes.iter().filter_map(|c| c.commit.as_deref()) {
            let first = first_deployed.entry(commit).or_insert(d.at);
            *first = (*first).min(d.at);
        }
    }
    first_deployed
}

/// The lead time of each change the `counted` deployments carried, a commit at
/// its first deployment only; changes without a usable commit time are noted as
/// skipped.
fn lead_times(
    records: &Records,
    environment: Option<&str>,
    counted: &[&Deployment],
    gaps: &mut Gaps,
) -> Vec<i64> {
    let first_deployed = first_deployments(records, environment);
    let mut leads = Vec::new();
    let mut counted_commits: HashSet<&str> = HashSet::new();
    for d in counted {
        for change in &d.changes {
            if let Some(commit) = &change.commit {
                let first = first_deployed.get(commit.as_str()).copied().unwrap_or(d.at);
                if first < d.at || !counted_commits.insert(commit.as_str()) {
                    continue;
                }
            }
            match change.committed_at {
                // Without commit times at all, the lead time is unknown as a whole.
                None if !records.columns.commit_times => {}
                None => gaps.skip(Skip::NoCommitTime),
                Some(t) if t > d.at => gaps.skip(Skip::CommittedAfterDeployment),
                Some(t) => leads.push(d.at - t),
            }
        }
    }
    leads
}

/// Failed deployment recovery time: the median from each `failed` deployment to
/// service restored, when the records tell failures and restore times. `none`:
/// no deployment was counted.
fn recovery_time(
    records: &Records,
    none: bool,
    failed: &[&Deployment],
    gaps: &mut Gaps,
) -> Option<Duration> {
    if !records.columns.failures {
        gaps.unknown(dora::RECOVERY_TIME, Unknown::NoFailures(records.format))
    } else if !records.columns.restore_times {
        gaps.unknown(dora::RECOVERY_TIME, Unknown::NoRestoreTimes)
    } else if none {
        gaps.unknown(dora::RECOVERY_TIME, Unknown::NoDeployments)
    } else if failed.is_empty() {
        gaps.unknown(dora::RECOVERY_TIME, Unknown::NothingFailed)
    } else {
        let mut times = Vec::new();
        for d in failed {
            match d.restored_at {
                None => gaps.skip(Skip::NotRestored),
                Some(r) if r < d.at => gaps.skip(Skip::RestoredBeforeDeployment),
                Some(r) => times.push(r - d.at),
            }
        }
        duration(&mut times).or_else(|| gaps.unknown(dora::RECOVERY_TIME, Unknown::NoneRestored))
    }
}

/// The median of `values` (sorted in place) as a duration metric; None when empty.
fn duration(values: &mut [i64]) -> Option<Duration> {
    let count = values.len();
    median(values).map(|m| Duration {
        median: m,
        option: duration_option(m),
        count,
    })
}

impl Measured {
    /// The measured value of one DORA question as its answer (option index or
    /// percentage), or None when it could not be measured.
    pub fn answer(&self, question: &str) -> Option<u8> {
        match question {
            q if q == dora::DEPLOYMENT_FREQUENCY => self.frequency,
            q if q == dora::LEAD_TIME => self.lead_time.map(|d| d.option),
            q if q == dora::RECOVERY_TIME => self.recovery_time.map(|d| d.option),
            q if q == dora::CHANGE_FAILURE_RATE => self.change_failure_rate.map(|r| r.percent),
            q if q == dora::REWORK_RATE => self.rework_rate.map(|r| r.percent),
            _ => None,
        }
    }

    /// The DORA questionnaire's answers from these figures: every metric measured,
    /// and "Don't know" for each one the records cannot tell.
    pub fn answers(&self) -> BTreeMap<String, u8> {
        dora::METRICS
            .iter()
            .map(|(q, _)| (q.to_string(), self.answer(q).unwrap_or(DONT_KNOW)))
            .collect()
    }

    /// What a run filled from these figures keeps: the figures, the window and each
    /// file's name and checksum, never the records themselves.
    /// Names longer than [`MAX_FILE_NAME`] characters are cut to it.
    pub fn record(&self, files: Vec<MeasuredFile>) -> Measurement {
        let minutes = |d: &Duration| (d.median / 60_000).max(0) as u64;
        let cut = |name: &str| name.chars().take(MAX_FILE_NAME).collect::<String>();
        Measurement {
            files: files
                .into_iter()
                .map(|f| MeasuredFile {
                    name: cut(&f.name),
                    sha256: f.sha256,
                })
                .collect(),
            from: self.window.from,
            to: self.window.to,
            environment: self.environment.as_deref().map(cut),
            deployments: self.deployments as u32,
            lead_time_minutes: self.lead_time.as_ref().map(minutes),
            failed: self.change_failure_rate.map(|r| r.count as u32),
            recovery_minutes: self.recovery_time.as_ref().map(minutes),
            rework: self.rework_rate.map(|r| r.count as u32),
        }
    }
}

/// How an answer compares with the measured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// The same option (rates: within [`RATE_TOLERANCE`] points).
    Agrees,
    /// The answer is better than the records by this many options (rates: points).
    AnsweredBetter(u8),
    /// The answer is worse than the records by this many options (rates: points).
    AnsweredWorse(u8),
}

/// The team's latest finished DORA assessment that was answered, not measured:
/// what a measurement is set beside.
pub fn latest_answered<'r>(runs: &[&'r Run]) -> Option<&'r Run> {
    runs.iter()
        .copied()
        .filter(|r| r.is_finished() && r.measured.is_none())
        .filter(|r| r.covers(dora::QUESTIONNAIRE_ID))
        .max_by_key(|r| r.finished_at)
}

/// Compares the team's answer to a DORA question with the measured one. Options run
/// worst (0) to best; rates, lower is better.
pub fn agreement(question: &str, measured: u8, answered: u8) -> Option<Agreement> {
    if measured == DONT_KNOW || answered == DONT_KNOW {
        return None;
    }
    let is_rate = question == dora::CHANGE_FAILURE_RATE || question == dora::REWORK_RATE;
    let (better, tolerance) = if is_rate {
        (i32::from(measured) - i32::from(answered), RATE_TOLERANCE)
    } else {
        (i32::from(answered) - i32::from(measured), 0)
    };
    let by = better.unsigned_abs().min(255) as u8;
    Some(if better.abs() <= tolerance {
        Agreement::Agrees
    } else if better > 0 {
        Agreement::AnsweredBetter(by)
    } else {
        Agreement::AnsweredWorse(by)
    })
}
