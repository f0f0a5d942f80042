//! Every date rule of the app, once: times in deployment records (ISO 8601 with an
//! offset, or without one and read as UTC; a date alone; Unix time in seconds or
//! milliseconds), whole UTC days for windows, `YYYY-MM-DD` dates as date inputs
//! write them (strict: no 2023-02-31), calendar quarters, and a local day's bounds.
//!
//! Nothing here reads a clock or a time zone: the shell passes the device's UTC
//! offset in ([`local_day`]), so the rules are tested natively, daylight-saving
//! days included.
//!
//! Read by hand, not by a date-time library: the forms accepted are few, and jiff
//! (which the tests use as the oracle: every form agrees with it) cost the page that
//! reads records about 50 KB gzip of code.

/// Milliseconds in an hour and a day.
pub const HOUR: i64 = 3_600_000;
pub const DAY: i64 = 24 * HOUR;

/// A time read from a record, in milliseconds since 1970 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    pub millis: i64,
    /// False when the text gave no offset and it was read as UTC.
    pub zoned: bool,
    /// A date alone, with no time of day.
    pub date_only: bool,
}

/// Reads a time, or None if the text is not one of the accepted forms:
/// `2026-03-01`, `2026-03-01T14:30`, `2026-03-01T14:30:00`, `2026-03-01 14:30:00.250`,
/// each optionally followed by `Z`, `+02:00`, `+0200` or `+02`; or Unix seconds
/// (`1772375400`, `1772375400.25`) or milliseconds (more than 11 digits).
pub fn parse(text: &str) -> Option<Read> {
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit()) || unix_with_fraction(text) {
        return unix(text);
    }
    iso(text.as_bytes())
}

/// Digits `from..from + len` of `b` as a number.
fn number(b: &[u8], from: usize, len: usize) -> Option<i64> {
    b.get(from..from + len)?.iter().try_fold(0i64, |n, d| {
        d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0'))
    })
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days from 1970-01-01 to a valid date of the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01 (Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// `YYYY-MM-DD` at the start of `b`, as days since 1970-01-01.
fn date(b: &[u8]) -> Option<i64> {
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (number(b, 0, 4)?, number(b, 5, 2)?, number(b, 8, 2)?);
    let days_in_month = [
        31,
        if is_leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month[(month - 1) as usize] {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// An ISO 8601 date, or date and time with an optional offset.
fn iso(b: &[u8]) -> Option<Read> {
    let days = date(b)?;
    if b.len() == 10 {
        return Some(Read {
            millis: days * DAY,
            zoned: false,
            date_only: true,
        });
    }
    if !matches!(b[10], b'T' | b't' | b' ') || b.get(13) != Some(&b':') {
        return None;
    }
    let (hour, minute) = (number(b, 11, 2)?, number(b, 14, 2)?);
    let mut at = 16;
    let mut second = 0;
    let mut millis = 0;
    if b.get(at) == Some(&b':') {
        second = number(b, at + 1, 2)?;
        at += 3;
        if matches!(b.get(at), Some(b'.') | Some(b',')) {
            let digits = b[at + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if digits == 0 || digits > 9 {
                return None;
            }
            // Milliseconds: the first three digits of the fraction, the rest dropped.
            let kept = digits.min(3);
            millis = number(b, at + 1, kept)? * 10i64.pow(3 - kept as u32);
            at += 1 + digits;
        }
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let (offset, zoned) = match &b[at..] {
        [] => (0, false),
        [b'Z' | b'z'] => (0, true),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, m) = match rest {
                [_, _] => (number(rest, 0, 2)?, 0),
                [_, _, b':', _, _] => (number(rest, 0, 2)?, number(rest, 3, 2)?),
                [_, _, _, _] => (number(rest, 0, 2)?, number(rest, 2, 2)?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = h * 60 + m;
            (if *sign == b'-' { -minutes } else { minutes }, true)
        }
        _ => return None,
    };
    let local = days * DAY + hour * HOUR + minute * 60_000 + second * 1000 + millis;
    Some(Read {
        millis: local - offset * 60_000,
        zoned,
        date_only: false,
    })
}

fn unix_with_fraction(text: &str) -> bool {
    let mut parts = text.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next().unwrap_or_default();
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// The latest time accepted: the end of the year 9999 (as ISO 8601's four-digit years).
const LATEST: i64 = 253_402_300_799_999;

/// Unix time: seconds, or milliseconds when the number is too large to be seconds
/// of the years 1973-5138 (more than 11 digits).
fn unix(text: &str) -> Option<Read> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.len() > 15 {
        return None;
    }
    let number: i64 = whole.parse().ok()?;
    let millis = if whole.len() > 11 {
        number
    } else {
        let kept = &fraction[..fraction.len().min(3)];
        let frac: i64 = format!("{kept:0<3}").parse().unwrap_or(0);
        number.checked_mul(1000)?.checked_add(frac)?
    };
    (millis <= LATEST).then_some(Read {
        millis,
        zoned: true,
        date_only: false,
    })
}

/// The UTC day of a time, as days since 1970-01-01.
pub fn day_of(millis: i64) -> i64 {
    millis.div_euclid(DAY)
}

/// A day as `YYYY-MM-DD` (what a date input holds).
pub fn day_text(day: i64) -> String {
    let (year, month, day) = civil_from_days(day);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Reads a `YYYY-MM-DD` date as a UTC day.
pub fn parse_day(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    if b.len() != 10 {
        return None;
    }
    date(b)
}

/// Whether `text` is exactly a `YYYY-MM-DD` date that exists (what a date input
/// writes, and what an action's date is kept as).
pub fn is_date(text: &str) -> bool {
    text.len() == 10 && parse_day(text).is_some()
}

/// The calendar quarter (UTC) of a time: `2026-Q3`.
pub fn quarter_of(at: i64) -> String {
    let (year, month, _) = civil_from_days(day_of(at));
    format!("{year:04}-Q{}", (month - 1) / 3 + 1)
}

/// The first and the last millisecond of the local day a date input holds
/// (`YYYY-MM-DD`), or `None` for anything else. `offset_at` gives the device's
/// offset from UTC, in minutes east, at an instant: a day on which clocks change
/// is 23 or 25 hours long, and its bounds say so.
pub fn local_day(text: &str, offset_at: impl Fn(i64) -> i64) -> Option<(i64, i64)> {
    if !is_date(text) {
        return None;
    }
    let day = parse_day(text)?;
    let midnight = |day: i64| {
        let wall = day.checked_mul(DAY)?;
        // The offset at local midnight can differ from the offset at UTC midnight:
        // a second look at the offset of the first guess settles it.
        let guess = wall - offset_at(wall) * 60_000;
        Some(wall - offset_at(guess) * 60_000)
    };
    Some((midnight(day)?, midnight(day + 1)? - 1))
}

/// Today's date in the device's time zone, given the time and the offset then
/// (minutes east): what an action's date is compared with, and file names carry.
pub fn local_today(now: i64, offset_minutes: i64) -> String {
    day_text(day_of(now + offset_minutes * 60_000))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{Date, DateTime};
    use jiff::tz::Offset;
    use jiff::Timestamp;

    #[test]
    fn dates_are_days_that_exist() {
        for good in ["2026-12-01", "2026-01-31", "2024-02-29", "2000-02-29"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-12-01",
            "2026-12-32",
            "2023-02-31",
            "2023-02-29",
            "1900-02-29",
            "2026-04-31",
            " 2026-12-01",
            "2026/12/01",
            "２０２６-12-01",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn quarters_are_calendar_quarters_in_utc() {
        let jan_2026 = 1_767_225_600_000; // 2026-01-01T00:00Z
        assert_eq!(quarter_of(jan_2026 - 1), "2025-Q4");
        assert_eq!(quarter_of(jan_2026), "2026-Q1");
        assert_eq!(quarter_of(jan_2026 + 90 * DAY), "2026-Q2");
    }

    /// Berlin: +01:00 until 2026-03-29 01:00 UTC, then +02:00 until 2026-10-25 01:00 UTC.
    fn berlin(at: i64) -> i64 {
        let spring = 1_774_746_000_000; // 2026-03-29T01:00Z
        let autumn = 1_792_890_000_000; // 2026-10-25T01:00Z
        if (spring..autumn).contains(&at) {
            120
        } else {
            60
        }
    }

    #[test]
    fn a_local_day_on_which_clocks_change_is_23_or_25_hours_long() {
        let (start, end) = local_day("2026-03-29", berlin).unwrap();
        assert_eq!(start, 1_774_738_800_000, "2026-03-28T23:00Z");
        assert_eq!(end + 1, 1_774_821_600_000, "2026-03-29T22:00Z");
        assert_eq!(end + 1 - start, 23 * HOUR);
        let (start, end) = local_day("2026-10-25", berlin).unwrap();
        assert_eq!(start, 1_792_879_200_000, "2026-10-24T22:00Z");
        assert_eq!(end + 1 - start, 25 * HOUR);
        let (start, end) = local_day("2026-06-01", berlin).unwrap();
        assert_eq!(end + 1 - start, DAY);
        assert_eq!(start, parse_day("2026-06-01").unwrap() * DAY - 2 * HOUR);
        // West of UTC, and no offset at all.
        let (start, _) = local_day("2026-06-01", |_| -300).unwrap();
        assert_eq!(start, parse_day("2026-06-01").unwrap() * DAY + 5 * HOUR);
        assert_eq!(
            local_day("2026-06-01", |_| 0),
            Some((
                parse_day("2026-06-01").unwrap() * DAY,
                parse_day("2026-06-02").unwrap() * DAY - 1
            ))
        );
        assert_eq!(local_day("2026-02-30", berlin), None);
        assert_eq!(local_day("tomorrow", berlin), None);
    }

    #[test]
    fn today_is_the_local_date() {
        let late_utc = parse_day("2026-06-01").unwrap() * DAY + 23 * HOUR;
        assert_eq!(local_today(late_utc, 0), "2026-06-01");
        assert_eq!(local_today(late_utc, 120), "2026-06-02");
        assert_eq!(local_today(late_utc + 2 * HOUR, -300), "2026-06-01");
    }

    #[test]
    fn reads_the_accepted_forms() {
        let at = |t: &str| parse(t).map(|r| (r.millis, r.zoned));
        let noon = 1_700_000_000_000;
        assert_eq!(at("1700000000"), Some((noon, true)));
        assert_eq!(at("1700000000000"), Some((noon, true)));
        assert_eq!(at("1700000000.5"), Some((noon + 500, true)));
        assert_eq!(at("2023-11-14T22:13:20Z"), Some((noon, true)));
        assert_eq!(at("2023-11-15T00:13:20+02:00"), Some((noon, true)));
        assert_eq!(at("2023-11-15T00:13:20+0200"), Some((noon, true)));
        assert_eq!(at("2023-11-14T20:13:20-02"), Some((noon, true)));
        assert_eq!(at("2023-11-14T22:13:20.000Z"), Some((noon, true)));
        assert_eq!(
            at("2023-11-14T22:13:20.123456789Z"),
            Some((noon + 123, true))
        );
        assert_eq!(at("2023-11-14 22:13:20"), Some((noon, false)));
        assert_eq!(at("2023-11-14T22:13:20"), Some((noon, false)));
        assert_eq!(at("2023-11-14T22:13Z"), Some((noon - 20_000, true)));
        assert_eq!(
            at("2023-11-14").map(|r| r.0),
            Some(noon - (22 * 3600 + 13 * 60 + 20) * 1000)
        );
        for bad in [
            "",
            "yesterday",
            "2023-13-01",
            "2023-02-29",
            "14/11/2023",
            "99999999999999999999",
            "1e9",
            "2023-11-14T24:00:00Z",
            "2023-11-14T22:60Z",
            "2023-11-14T22:13:20+24:00",
            "2023-11-14T22",
            "2023-11-14T22:13:20.Z",
            "2023-11-14T22:13:20ZZ",
            "2023-11-14T22:13:20 Z",
            "2023-1-14",
            "２０２３-11-14",
            "2023-11-14T22:13:20+02:0",
            "999999999999999",
        ] {
            assert_eq!(at(bad), None, "{bad}");
        }
    }

    /// jiff, the oracle: every accepted form reads as jiff reads it, from 1600 to 2400.
    #[test]
    fn agrees_with_jiff() {
        let mut at = Timestamp::from_second(-11_676_096_000)
            .unwrap()
            .as_millisecond();
        let end = Timestamp::from_second(13_569_465_600)
            .unwrap()
            .as_millisecond();
        let offsets = [0, 60, -300, 330, 845, -720];
        let mut k = 0;
        while at < end {
            let t = Timestamp::from_millisecond(at).unwrap();
            let offset = Offset::from_seconds(offsets[k % offsets.len()] * 60).unwrap();
            let local = offset.to_datetime(t);
            let zone = offset.to_string();
            for text in [
                format!("{}", local.strftime("%Y-%m-%dT%H:%M:%S%.3f")) + &zone,
                format!("{}", local.strftime("%Y-%m-%dT%H:%M:%S")) + &zone,
                format!(
                    "{}Z",
                    Offset::UTC.to_datetime(t).strftime("%Y-%m-%dT%H:%M:%S")
                ),
            ] {
                let ours = parse(&text).map(|r| r.millis);
                let theirs = text.parse::<Timestamp>().ok().map(|t| t.as_millisecond());
                assert_eq!(ours, theirs, "{text}");
            }
            let civil = format!("{}", local.strftime("%Y-%m-%d %H:%M:%S"));
            let theirs = civil
                .parse::<DateTime>()
                .ok()
                .and_then(|dt| Offset::UTC.to_timestamp(dt).ok());
            assert_eq!(
                parse(&civil).map(|r| r.millis),
                theirs.map(|t| t.as_millisecond()),
                "{civil}"
            );
            let day = format!("{}", local.date());
            let midnight = day.parse::<Date>().ok().and_then(|d| {
                Offset::UTC
                    .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                    .ok()
            });
            assert_eq!(
                parse(&day).map(|r| r.millis),
                midnight.map(|t| t.as_millisecond()),
                "{day}"
            );
            assert_eq!(
                parse_day(&day).map(|d| d * DAY),
                midnight.map(|t| t.as_millisecond())
            );
            assert_eq!(day_text(day_of(midnight.unwrap().as_millisecond())), day);
            at += 7_919 * 60_000 + 7;
            k += 1;
        }
    }

    #[test]
    fn days_round_trip() {
        assert_eq!(parse_day("1970-01-02"), Some(1));
        assert_eq!(day_text(19_675), "2023-11-14");
        assert_eq!(parse_day(&day_text(19_675)), Some(19_675));
        assert_eq!(day_of(-1), -1);
        assert_eq!(day_text(-1), "1969-12-31");
        assert_eq!(parse_day("2023-02-30"), None);
    }
}
