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
    fn days_round_trip() {
        assert_eq!(parse_day("1970-01-02"), Some(1));
        assert_eq!(day_text(19_675), "2023-11-14");
        assert_eq!(parse_day(&day_text(19_675)), Some(19_675));
        assert_eq!(day_of(-1), -1);
        assert_eq!(parse_day("2023-02-30"), None);
    }
}
