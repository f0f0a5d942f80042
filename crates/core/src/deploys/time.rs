//! Times in deployment records: ISO 8601 (with an offset, or without one and read as
//! UTC), a date alone (midnight UTC), or Unix time in seconds or milliseconds; and
//! whole UTC days for windows, written as the date inputs of a page write them.

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use jiff::Timestamp;

/// Milliseconds in an hour and a day.
pub const HOUR: i64 = 3_600_000;
pub const DAY: i64 = 24 * HOUR;

/// A time read from a record, in milliseconds since 1970 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    pub millis: i64,
    /// False when the text gave no offset and it was read as UTC.
    pub zoned: bool,
}

/// Reads a time, or None if the text is not one of the accepted forms.
pub fn parse(text: &str) -> Option<Read> {
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit()) || unix_with_fraction(text) {
        return unix(text);
    }
    if let Some(millis) = utc_fast(text) {
        return Some(Read { millis, zoned: true });
    }
    if let Ok(at) = text.parse::<Timestamp>() {
        return Some(Read {
            millis: at.as_millisecond(),
            zoned: true,
        });
    }
    let utc = |dt: DateTime| {
        Offset::UTC.to_timestamp(dt).ok().map(|t| Read {
            millis: t.as_millisecond(),
            zoned: false,
        })
    };
    if let Ok(dt) = text.parse::<DateTime>() {
        return utc(dt);
    }
    if let Ok(date) = text.parse::<Date>() {
        return utc(date.to_datetime(jiff::civil::Time::midnight()));
    }
    None
}

/// The form most exports write, `2026-03-01T14:30:00Z` (optionally with milliseconds,
/// `.000Z`), read without the general parser: a file of 100,000 deployments holds
/// hundreds of thousands of them. Anything else (and any out-of-range field) is left
/// to jiff; the two agree on every time (tested).
fn utc_fast(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let ms_digits = match b.len() {
        20 => 0,
        24 if b[19] == b'.' => 3,
        _ => return None,
    };
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' || !matches!(b[b.len() - 1], b'Z' | b'z') {
        return None;
    }
    let num = |from: usize, len: usize| -> Option<i64> {
        b[from..from + len].iter().try_fold(0i64, |n, d| d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    let millis = if ms_digits == 3 { num(20, 3)? } else { 0 };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month[(month - 1) as usize] || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    // Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis)
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
        let frac: i64 = format!("{:0<3}", &fraction[..fraction.len().min(3)])
            .parse()
            .unwrap_or(0);
        number.checked_mul(1000)?.checked_add(frac)?
    };
    Timestamp::from_millisecond(millis).ok()?;
    Some(Read {
        millis,
        zoned: true,
    })
}

/// The UTC day of a time, as days since 1970-01-01.
pub fn day_of(millis: i64) -> i64 {
    millis.div_euclid(DAY)
}

/// A day as `YYYY-MM-DD` (what a date input holds).
pub fn day_text(day: i64) -> String {
    Timestamp::from_millisecond(day.saturating_mul(DAY))
        .map(|t| Offset::UTC.to_datetime(t).date().to_string())
        .unwrap_or_default()
}

/// Reads a `YYYY-MM-DD` date as a UTC day.
pub fn parse_day(text: &str) -> Option<i64> {
    let date: Date = text.trim().parse().ok()?;
    let t = Offset::UTC.to_timestamp(date.to_datetime(jiff::civil::Time::midnight())).ok()?;
    Some(day_of(t.as_millisecond()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_accepted_forms() {
        let at = |t: &str| parse(t).map(|r| (r.millis, r.zoned));
        let noon = 1_700_000_000_000;
        assert_eq!(at("1700000000"), Some((noon, true)));
        assert_eq!(at("1700000000000"), Some((noon, true)));
        assert_eq!(at("1700000000.5"), Some((noon + 500, true)));
        assert_eq!(at("2023-11-14T22:13:20Z"), Some((noon, true)));
        assert_eq!(at("2023-11-15T00:13:20+02:00"), Some((noon, true)));
        assert_eq!(at("2023-11-14T22:13:20.000Z"), Some((noon, true)));
        assert_eq!(at("2023-11-14 22:13:20"), Some((noon, false)));
        assert_eq!(at("2023-11-14T22:13:20"), Some((noon, false)));
        assert_eq!(at("2023-11-14").map(|r| r.0), Some(noon - (22 * 3600 + 13 * 60 + 20) * 1000));
        for bad in ["", "yesterday", "2023-13-01", "14/11/2023", "99999999999999999999", "1e9"] {
            assert_eq!(at(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_fast_path_agrees_with_jiff() {
        // Every 7,919 minutes (and a few milliseconds) from 1600 to 2400.
        let mut at = Timestamp::from_second(-11_676_096_000).unwrap().as_millisecond();
        let end = Timestamp::from_second(13_569_465_600).unwrap().as_millisecond();
        while at < end {
            let t = Timestamp::from_millisecond(at).unwrap();
            let text = format!("{}", Offset::UTC.to_datetime(t).strftime("%Y-%m-%dT%H:%M:%SZ"));
            let whole = at.div_euclid(1000) * 1000;
            assert_eq!(utc_fast(&text), Some(whole), "{text}");
            assert_eq!(text.parse::<Timestamp>().unwrap().as_millisecond(), whole);
            let with_ms = format!("{}.{:03}Z", &text[..19], at.rem_euclid(1000));
            assert_eq!(utc_fast(&with_ms), Some(at), "{with_ms}");
            at += 7_919 * 60_000 + 7;
        }
        for odd in ["2023-02-29T00:00:00Z", "2023-13-01T00:00:00Z", "2023-01-01T24:00:00Z", "2023-01-01T00:00:60Z", "2023-01-01 00:00:00Z", "2023-01-01T00:00:00+00:00"] {
            assert_eq!(utc_fast(odd), None, "{odd}");
        }
        assert_eq!(utc_fast("2024-02-29T12:00:00Z"), "2024-02-29T12:00:00Z".parse::<Timestamp>().ok().map(|t| t.as_millisecond()));
    }

    #[test]
    fn days_round_trip() {
        assert_eq!(parse_day("1970-01-02"), Some(1));
        assert_eq!(day_text(19_675), "2023-11-14");
        assert_eq!(parse_day(&day_text(19_675)), Some(19_675));
        assert_eq!(day_of(-1), -1);
        assert_eq!(parse_day("2023-02-30"), None);
    }
}
