//! Calendar dates (proleptic Gregorian) and the two date operations the rules need: ordering and
//! "add whole years keeping month and day".
//!
//! Hand-written rather than a date crate because the rules need one specific anniversary rule
//! (29 February rolls to 1 March in a common year, Patent Law practice) that general-purpose crates
//! resolve differently (most clamp to 28 February), and because the whole type is a few dozen lines
//! where a crate would add tens of kilobytes to the WebAssembly build.

use std::fmt;

/// A calendar date, `YYYY-MM-DD`. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(type = "string", rename = "DateString")
)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date if `year-month-day` exists in the calendar (years 1 to 9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (ten characters, ASCII digits).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = i32::try_from(number(0..4)?).ok()?;
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// 31 December of `year`.
    pub fn end_of_year(year: i32) -> Option<Date> {
        Date::new(year, 12, 31)
    }

    /// The same month and day `years` later; 29 February becomes 1 March in a common year.
    pub fn add_years(self, years: i32) -> Option<Date> {
        let year = self.year.checked_add(years)?;
        Date::new(year, self.month, self.day).or_else(|| Date::new(year, 3, 1))
    }

    /// `days` days later (or earlier, when negative).
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(days)?)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn day_number(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    fn from_day_number(number: i64) -> Option<Date> {
        let z = number + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// `YYYY-MM-DD` as ASCII bytes: every date has a four-digit year (`new` admits 1 to 9999),
    /// so the spelling is always ten bytes, written without the formatting machinery (every
    /// report writes dates by the thousand).
    pub(crate) fn ascii(self) -> [u8; 10] {
        let digit = |value: u32, unit: u32| b'0' + ((value / unit) % 10) as u8;
        let year = u32::try_from(self.year).unwrap_or(0);
        let (month, day) = (u32::from(self.month), u32::from(self.day));
        [
            digit(year, 1000),
            digit(year, 100),
            digit(year, 10),
            digit(year, 1),
            b'-',
            digit(month, 10),
            digit(month, 1),
            b'-',
            digit(day, 10),
            digit(day, 1),
        ]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.ascii()).unwrap_or_default())
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2025-02-30").is_none());
        assert!(Date::parse("2025-13-01").is_none());
        assert!(Date::parse("2025-1-01").is_none());
        assert!(Date::parse("2025/01/01").is_none());
        assert!(Date::parse("+025-01-01").is_none());
        assert!(Date::parse("２０２５-01-01").is_none());
    }

    #[test]
    fn anniversary_keeps_month_and_day_and_rolls_leap_day_to_march() {
        assert_eq!(d("1999-09-06").add_years(10), Some(d("2009-09-06")));
        assert_eq!(d("2020-02-29").add_years(1), Some(d("2021-03-01")));
        assert_eq!(d("2020-02-29").add_years(4), Some(d("2024-02-29")));
    }

    #[test]
    fn day_arithmetic_round_trips() {
        assert_eq!(d("2024-12-31").add_days(1), Some(d("2025-01-01")));
        assert_eq!(d("2024-03-01").add_days(-1), Some(d("2024-02-29")));
        assert_eq!(d("1970-01-01").days_until(d("2000-03-01")), 11_017);
        let mut day = d("1899-12-25");
        for _ in 0..80_000 {
            let next = day.add_days(1).unwrap();
            assert_eq!(day.days_until(next), 1);
            assert!(next > day);
            day = next;
        }
    }
}
