//! Exact decimal arithmetic for money and ratios (rules.md §3.2): amounts are parsed from their
//! decimal text (never through binary floating point), thresholds are compared by
//! cross-multiplication, and ratios are rounded half-to-even to four decimals for display only.
//!
//! Amounts are [`BigDecimal`]s: arbitrary precision, so no product or sum can silently round.

use std::cmp::Ordering;

use bigdecimal::num_bigint::{BigInt, Sign};
pub use bigdecimal::BigDecimal;
use bigdecimal::{One, Signed, Zero};

/// Decimal places shown for a ratio.
pub const RATIO_DISPLAY_DECIMALS: u32 = 4;

/// Parses `-?DIGITS(.DIGITS)?([eE][+-]?DIGITS)?` exactly. Anything else (hex, `NaN`, `∞`, a
/// leading `+`, a bare dot, thousands separators) is rejected.
pub fn parse_decimal(text: &str) -> Option<BigDecimal> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (unsigned.get(..at)?, Some(unsigned.get(at + 1..)?)),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    if let Some(exponent) = exponent {
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        // A bound on the exponent keeps a hostile `1e999999999` from allocating a huge number.
        if !all_digits(digits) || digits.len() > 4 {
            return None;
        }
    }
    text.parse().ok()
}

/// Number of decimal places in the shortest exact form of `value` (0 for integers).
pub fn decimal_places(value: &BigDecimal) -> u64 {
    let (_, scale) = value.normalized().as_bigint_and_exponent();
    u64::try_from(scale.max(0)).unwrap_or(u64::MAX)
}

/// Plain notation without exponent or trailing zeros: `32000000`, `0.3`, `-12.5`.
pub fn plain(value: &BigDecimal) -> String {
    let (mantissa, scale) = value.normalized().as_bigint_and_exponent();
    if mantissa.is_zero() {
        return "0".to_string();
    }
    let negative = mantissa.sign() == Sign::Minus;
    let digits = mantissa.magnitude().to_string();
    let body = if scale <= 0 {
        let zeros = usize::try_from(-scale).unwrap_or(0);
        format!("{digits}{}", "0".repeat(zeros))
    } else {
        let scale = usize::try_from(scale).unwrap_or(0);
        if digits.len() > scale {
            let (whole, fraction) = digits.split_at(digits.len() - scale);
            format!("{whole}.{fraction}")
        } else {
            format!("0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    };
    if negative {
        format!("-{body}")
    } else {
        body
    }
}

/// Plain notation with thousands separators in the whole part: `1,250,000`, `-3,200.5`.
pub fn grouped(value: &BigDecimal) -> String {
    let text = plain(value);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// Compares `numerator / denominator` with `threshold` exactly, by cross-multiplication.
/// `None` when the denominator is not positive (the ratio is undefined).
pub fn compare_ratio(
    numerator: &BigDecimal,
    denominator: &BigDecimal,
    threshold: &BigDecimal,
) -> Option<Ordering> {
    if !denominator.is_positive() {
        return None;
    }
    Some(numerator.cmp(&(threshold * denominator)))
}

/// `numerator / denominator` rounded half-to-even to four decimals, always written with four
/// decimals (`0.3000`). Computed on integers, so the rounding is exact. `None` when the
/// denominator is not positive.
pub fn display_ratio(numerator: &BigDecimal, denominator: &BigDecimal) -> Option<String> {
    let rounded = round_ratio(numerator, denominator, RATIO_DISPLAY_DECIMALS)?;
    Some(format_fixed(&rounded, RATIO_DISPLAY_DECIMALS))
}

/// `numerator / denominator` rounded half-to-even to `decimals` places, exactly.
pub fn round_ratio(
    numerator: &BigDecimal,
    denominator: &BigDecimal,
    decimals: u32,
) -> Option<BigDecimal> {
    if !denominator.is_positive() {
        return None;
    }
    // numerator / denominator = (n · 10^-a) / (d · 10^-b) = n · 10^b / (d · 10^a)
    let (n, a) = numerator.as_bigint_and_exponent();
    let (d, b) = denominator.as_bigint_and_exponent();
    let shift = |x: BigInt, places: i64| -> Option<BigInt> {
        if places >= 0 {
            Some(x * pow10(u32::try_from(places).ok()?))
        } else {
            None
        }
    };
    // Scale everything to non-negative powers of ten.
    let (top_power, bottom_power) = (b + i64::from(decimals), a);
    let min = top_power.min(bottom_power).min(0);
    let top = shift(n, top_power - min)?;
    let bottom = shift(d, bottom_power - min)?;
    let (quotient, remainder) = div_floor(&top, &bottom);
    let twice = remainder * 2u8;
    let rounded = match twice.cmp(&bottom) {
        Ordering::Less => quotient,
        Ordering::Greater => quotient + 1u8,
        Ordering::Equal if is_even(&quotient) => quotient,
        Ordering::Equal => quotient + 1u8,
    };
    Some(BigDecimal::new(rounded, i64::from(decimals)))
}

/// Fixed notation with exactly `decimals` places, rounding half-to-even if `value` has more.
pub fn format_fixed(value: &BigDecimal, decimals: u32) -> String {
    let rounded = value.with_scale_round(i64::from(decimals), bigdecimal::RoundingMode::HalfEven);
    let (mantissa, _) = rounded.as_bigint_and_exponent();
    let negative = mantissa.sign() == Sign::Minus;
    let digits = mantissa.magnitude().to_string();
    let places = decimals as usize;
    let padded = if digits.len() <= places {
        format!("{}{digits}", "0".repeat(places + 1 - digits.len()))
    } else {
        digits
    };
    let (whole, fraction) = padded.split_at(padded.len() - places);
    let sign = if negative { "-" } else { "" };
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// The smallest integer ≥ `value`.
pub fn ceil_integer(value: &BigDecimal) -> BigInt {
    let (mantissa, scale) = value.as_bigint_and_exponent();
    if scale <= 0 {
        return mantissa * pow10(u32::try_from(-scale).unwrap_or(0));
    }
    let divisor = pow10(u32::try_from(scale).unwrap_or(0));
    let (quotient, remainder) = div_floor(&mantissa, &divisor);
    if remainder.is_zero() {
        quotient
    } else {
        quotient + 1u8
    }
}

fn pow10(exponent: u32) -> BigInt {
    let mut result = BigInt::one();
    let ten = BigInt::from(10u8);
    for _ in 0..exponent {
        result *= &ten;
    }
    result
}

/// Floor division with a non-negative remainder, for a positive divisor.
fn div_floor(top: &BigInt, bottom: &BigInt) -> (BigInt, BigInt) {
    let quotient = top / bottom;
    let remainder = top - &quotient * bottom;
    if remainder.is_negative() {
        (quotient - 1u8, remainder + bottom)
    } else {
        (quotient, remainder)
    }
}

fn is_even(value: &BigInt) -> bool {
    (value % 2u8).is_zero()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> BigDecimal {
        parse_decimal(text).unwrap()
    }

    #[test]
    fn parses_only_plain_decimals() {
        assert_eq!(plain(&dec("3200")), "3200");
        assert_eq!(plain(&dec("410.50")), "410.5");
        assert_eq!(plain(&dec("-0.000")), "0");
        assert_eq!(plain(&dec("1e3")), "1000");
        assert_eq!(plain(&dec("1.5E-3")), "0.0015");
        for bad in [
            "", "-", ".5", "5.", "+5", "1,000", "0x10", "NaN", "inf", "1e", "1e99999", "１",
        ] {
            assert!(parse_decimal(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn plain_and_grouped_notation() {
        assert_eq!(plain(&(dec("3200") * dec("10000"))), "32000000");
        assert_eq!(grouped(&dec("1250000")), "1,250,000");
        assert_eq!(grouped(&dec("-3200.5")), "-3,200.5");
        assert_eq!(grouped(&dec("999")), "999");
        assert_eq!(grouped(&dec("0.001")), "0.001");
    }

    #[test]
    fn ratios_compare_exactly_where_floating_point_does_not() {
        // 50000.34 / 5000034 is exactly 0.01; in f64 the quotient is 0.009999999999999998.
        let ratio = 50000.34_f64 / 5000034.0_f64;
        assert!(ratio < 0.01);
        assert_eq!(
            compare_ratio(&dec("50000.34"), &dec("5000034"), &dec("0.01")),
            Some(Ordering::Equal)
        );
        assert_eq!(compare_ratio(&dec("1"), &dec("0"), &dec("0.01")), None);
    }

    #[test]
    fn display_rounding_is_half_to_even() {
        assert_eq!(
            display_ratio(&dec("12345"), &dec("100000")).unwrap(),
            "0.1234"
        );
        assert_eq!(
            display_ratio(&dec("12355"), &dec("100000")).unwrap(),
            "0.1236"
        );
        assert_eq!(
            display_ratio(&dec("123451"), &dec("1000000")).unwrap(),
            "0.1235"
        );
        assert_eq!(display_ratio(&dec("1"), &dec("3")).unwrap(), "0.3333");
        assert_eq!(display_ratio(&dec("2"), &dec("3")).unwrap(), "0.6667");
        assert_eq!(display_ratio(&dec("3"), &dec("10")).unwrap(), "0.3000");
        assert_eq!(display_ratio(&dec("-1"), &dec("8")).unwrap(), "-0.1250");
        assert_eq!(display_ratio(&dec("-3"), &dec("16")).unwrap(), "-0.1875");
        assert_eq!(display_ratio(&dec("5"), &dec("2")).unwrap(), "2.5000");
        assert_eq!(
            display_ratio(&dec("0.5"), &dec("0.0001")).unwrap(),
            "5000.0000"
        );
    }

    #[test]
    fn ceiling() {
        assert_eq!(ceil_integer(&dec("2.1")), BigInt::from(3));
        assert_eq!(ceil_integer(&dec("2")), BigInt::from(2));
        assert_eq!(ceil_integer(&dec("-2.5")), BigInt::from(-2));
        assert_eq!(ceil_integer(&dec("3e2")), BigInt::from(300));
    }
}
