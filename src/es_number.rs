//! ECMAScript's spelling of a JSON number (RFC 8785 §3.2.2.3): the shortest decimal that reads back
//! as the same IEEE 754 double, written as `Number.prototype.toString` writes it.
//!
//! Computed from the number's decimal text with exact integer arithmetic instead of `f64` parsing
//! and a float printer: those two cost about 26 KB gzip in the WebAssembly build (tables for
//! correctly rounded parsing and shortest printing), while the amounts people write (up to 15
//! significant digits) need no arithmetic at all: such a decimal is the only one of its length
//! that reads back as its double, so it is already the shortest spelling. Longer ones take the
//! exact path below, which is slow but rare. The tests compare both paths with the standard
//! library's parser and an independent shortest-float printer on many random numbers.

use crate::exact::wide::Nat as BigUint;

/// Significant digits kept from a longer decimal: more than the 768 that can decide how a decimal
/// rounds to a double; any further nonzero digit is kept as one trailing `1`, which rounds alike.
const MAX_DIGITS: usize = 800;

/// ECMAScript's spelling of the JSON number `text`, or `None` when it is not a JSON number or the
/// nearest double is infinite (JSON.stringify writes such a value as `null`).
pub(crate) fn es_number(text: &str) -> Option<String> {
    let (negative, digits, exponent) = parse(text)?;
    if digits.is_empty() {
        return Some("0".to_string());
    }
    // value = 0.DIGITS × 10^point
    let point = exponent.checked_add(i64::try_from(digits.len()).ok()?)?;
    let (digits, point) = if digits.len() <= 15 && (-306..=308).contains(&point) {
        (digits, point)
    } else {
        if point > 310 {
            return None;
        }
        if point < -325 {
            return Some("0".to_string());
        }
        let (mantissa, binary_exponent) = nearest_double(&digits, point)?;
        if mantissa == 0 {
            return Some("0".to_string());
        }
        shortest(mantissa, binary_exponent)
    };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    write_es(&digits, point, &mut out);
    Some(out)
}

/// Whether the JSON number `text` is exactly the value of its nearest double's shortest spelling
/// (input-format.md, "Interoperability and limits"): then every reader, whether it keeps doubles
/// or decimals, sees the same amount, and RFC 8785 gives it a spelling no other amount shares.
/// Decided on the digits, by exact integer arithmetic; zero of either sign is exact, a number
/// beyond the double range is not.
pub(crate) fn is_exact(text: &str) -> bool {
    let Some((_, digits, exponent)) = parse(text) else {
        return false;
    };
    if digits.is_empty() {
        return true;
    }
    let Some(spelled) = es_number(text) else {
        return false;
    };
    match parse(&spelled) {
        Some((_, shortest, shortest_exponent)) => {
            shortest == digits && shortest_exponent == exponent
        }
        None => false,
    }
}

/// Splits a JSON number into sign, significant digits (no leading or trailing zeros, at most
/// [`MAX_DIGITS`]) and the power of ten they are multiplied by.
fn parse(text: &str) -> Option<(bool, String, i64)> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // A byte search: `str::find` with a set of chars was a tenth of reading a small input in
    // the WebAssembly build (every JSON number of the input passes here, twice).
    let (mantissa, exponent) = match unsigned.bytes().position(|b| b == b'e' || b == b'E') {
        Some(at) => {
            let exponent = unsigned.get(at + 1..)?;
            let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
            (unsigned.get(..at)?, parse_exponent(exponent)?)
        }
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !is_digits(whole) || !is_digits(fraction) {
        return None;
    }
    let mut exponent = exponent.checked_sub(i64::try_from(fraction.len()).ok()?)?;
    let all = whole.bytes().chain(fraction.bytes());
    let mut digits: String = all.skip_while(|&b| b == b'0').map(char::from).collect();
    let significant = digits.trim_end_matches('0').len();
    exponent = exponent.checked_add(i64::try_from(digits.len() - significant).ok()?)?;
    digits.truncate(significant);
    if digits.len() > MAX_DIGITS {
        let dropped = digits.len() - MAX_DIGITS;
        digits.truncate(MAX_DIGITS);
        digits.push('1');
        exponent = exponent.checked_add(i64::try_from(dropped).ok()? - 1)?;
    }
    Some((negative, digits, exponent))
}

/// A decimal exponent; one too long for an `i64` is clamped far beyond the double range, where
/// its only effect (infinity or zero) is the same.
fn parse_exponent(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.parse::<i64>().unwrap_or(1 << 40).min(1 << 40);
    Some(if text.starts_with('-') {
        -magnitude
    } else {
        magnitude
    })
}

/// `Number.prototype.toString` for the value 0.DIGITS × 10^point (ECMA-262 Number::toString).
fn write_es(digits: &str, point: i64, out: &mut String) {
    let k = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    let zeros = |count: i64, out: &mut String| {
        for _ in 0..count {
            out.push('0');
        }
    };
    if k <= point && point <= 21 {
        out.push_str(digits);
        zeros(point - k, out);
    } else if 0 < point && point <= 21 {
        let split = usize::try_from(point).unwrap_or(0);
        out.push_str(digits.get(..split).unwrap_or(digits));
        out.push('.');
        out.push_str(digits.get(split..).unwrap_or(""));
    } else if -6 < point && point <= 0 {
        out.push_str("0.");
        zeros(-point, out);
        out.push_str(digits);
    } else {
        out.push_str(digits.get(..1).unwrap_or("0"));
        if k > 1 {
            out.push('.');
            out.push_str(digits.get(1..).unwrap_or(""));
        }
        let exponent = point - 1;
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        out.push_str(&exponent.unsigned_abs().to_string());
    }
}

fn pow10(exponent: u64) -> BigUint {
    BigUint::from(10u32).pow(u32::try_from(exponent).unwrap_or(u32::MAX))
}

fn bits(value: &BigUint) -> i64 {
    i64::try_from(value.bits()).unwrap_or(i64::MAX)
}

/// The double nearest to 0.DIGITS × 10^point (ties to even) as mantissa × 2^exponent, with the
/// mantissa below 2^53; `None` when it overflows to infinity.
fn nearest_double(digits: &str, point: i64) -> Option<(u64, i64)> {
    let scaled: BigUint = digits.parse().ok()?;
    let exponent = point - i64::try_from(digits.len()).ok()?;
    let (numerator, denominator) = if exponent >= 0 {
        (scaled * pow10(exponent.unsigned_abs()), BigUint::one())
    } else {
        (scaled, pow10(exponent.unsigned_abs()))
    };
    // Choose e so that numerator / (denominator × 2^e) lies in [2^52, 2^53), or the subnormal
    // exponent when the value is smaller than that allows.
    let mut e = (bits(&numerator) - bits(&denominator) - 53).max(-1074);
    loop {
        let (n, d) = if e >= 0 {
            (numerator.clone(), &denominator << e.unsigned_abs())
        } else {
            (&numerator << e.unsigned_abs(), denominator.clone())
        };
        let quotient = &n / &d;
        let remainder = &n - &quotient * &d;
        if quotient.bits() > 53 {
            e += 1;
            continue;
        }
        if quotient.bits() < 53 && e > -1074 {
            e -= 1;
            continue;
        }
        let mut mantissa = u64::try_from(&quotient).ok()?;
        let twice = remainder << 1u32;
        if twice > d || (twice == d && mantissa % 2 == 1) {
            mantissa += 1;
        }
        if mantissa == 1 << 53 {
            mantissa = 1 << 52;
            e += 1;
        }
        return (e <= 971).then_some((mantissa, e));
    }
}

/// The shortest decimal that reads back as mantissa × 2^exponent, closest to it among those of
/// that length (ties to an even last digit), as DIGITS and point with value 0.DIGITS × 10^point.
fn shortest(mantissa: u64, exponent: i64) -> (String, i64) {
    // Work in units of 2^(exponent − 2) so that the value and both rounding boundaries (half-way
    // to each neighbour) are integers; below a power of two the lower neighbour is closer.
    let value = BigUint::from(mantissa) << 2u32;
    let lower_gap = if mantissa == 1 << 52 && exponent > -1074 {
        1u32
    } else {
        2u32
    };
    let low = &value - BigUint::from(lower_gap);
    let high = &value + BigUint::from(2u32);
    let inclusive = mantissa % 2 == 0;
    let unit = exponent - 2;
    let (scale_up, denominator) = if unit >= 0 {
        (BigUint::one() << unit.unsigned_abs(), BigUint::one())
    } else {
        (BigUint::one(), BigUint::one() << unit.unsigned_abs())
    };
    let (value, low, high) = (value * &scale_up, low * &scale_up, high * scale_up);
    // point such that 10^(point−1) ≤ value/denominator < 10^point.
    let mut point = ((bits(&value) - bits(&denominator)) * 30103) / 100_000;
    let below = |p: i64| {
        // value/denominator < 10^p
        if p >= 0 {
            value < &denominator * pow10(p.unsigned_abs())
        } else {
            &value * pow10(p.unsigned_abs()) < denominator
        }
    };
    while !below(point) {
        point += 1;
    }
    while below(point - 1) {
        point -= 1;
    }
    for k in 1..=17i64 {
        let p = point - k;
        // Compare s × 10^p with x/denominator as s × a against x × m.
        let (a, m) = if p >= 0 {
            (&denominator * pow10(p.unsigned_abs()), BigUint::one())
        } else {
            (denominator.clone(), pow10(p.unsigned_abs()))
        };
        let (v, l, h) = (&value * &m, &low * &m, &high * &m);
        let floor = &v / &a;
        let ceil = if (&floor * &a) == v {
            floor.clone()
        } else {
            &floor + BigUint::one()
        };
        let inside = |s: &BigUint| {
            let x = s * &a;
            if inclusive {
                l <= x && x <= h
            } else {
                l < x && x < h
            }
        };
        let below_distance = &v - &floor * &a;
        let above_distance = &ceil * &a - &v;
        let chosen = match (inside(&floor), inside(&ceil)) {
            (true, true) if below_distance < above_distance => Some(floor),
            (true, true) if above_distance < below_distance => Some(ceil),
            (true, true) => Some(if (&floor % 2u32).is_zero() {
                floor
            } else {
                ceil
            }),
            (true, false) => Some(floor),
            (false, true) => Some(ceil),
            (false, false) => None,
        };
        if let Some(s) = chosen {
            let text = s.to_string();
            let significant = text.trim_end_matches('0');
            let point = p + i64::try_from(text.len()).unwrap_or(0);
            return (significant.to_string(), point);
        }
    }
    // Seventeen digits always suffice for a double; this is not reached.
    (mantissa.to_string(), point)
}

// Native only: the references compared with (and proptest) are native dev-dependencies. The
// tests compare with the double the text spells, so they, unlike the module, use `f64`.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_types)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the standard library's correctly rounded parser and an independent shortest-float
    /// printer (the ECMAScript flavour of Ryū) give.
    fn reference(text: &str) -> Option<String> {
        let number: f64 = text.parse().ok()?;
        number
            .is_finite()
            .then(|| ryu_js::Buffer::new().format_finite(number).to_string())
    }

    #[test]
    fn exact_numbers_are_those_a_double_spells_back() {
        for exact in [
            "0",
            "-0",
            "0.0",
            "1",
            "2025",
            "0.1",
            "2750.5",
            "1234567.891",
            "1E2",
            "12.50",
            "9007199254740992",
            "1e21",
            "5e-324",
            "333333333.3333333",
        ] {
            assert!(is_exact(exact), "{exact}");
        }
        for inexact in [
            "37037036703.703703",
            "37037036703.703704",
            "9007199254740993",
            "0.10000000000000001",
            "1e400",
            "1e-400",
            "333333333.33333329",
            "-123456789012345678",
        ] {
            assert!(!is_exact(inexact), "{inexact}");
        }
    }

    #[test]
    fn rfc_8785_and_ecmascript_examples() {
        for (text, expected) in [
            ("1E30", "1e+30"),
            ("4.50", "4.5"),
            ("2e-3", "0.002"),
            ("0.000001", "0.000001"),
            ("1e-7", "1e-7"),
            ("-0", "0"),
            ("-0.0e5", "0"),
            ("333333333.33333329", "333333333.3333333"),
            ("100000000000000000000", "100000000000000000000"),
            ("1e21", "1e+21"),
            ("123456789012345678901234", "1.2345678901234569e+23"),
            ("0.1", "0.1"),
            ("5e-324", "5e-324"),
            ("2e-324", "0"),
            ("3e-324", "5e-324"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("9007199254740993", "9007199254740992"),
            ("295147905179352825856", "295147905179352830000"),
            ("3200", "3200"),
            ("410.5", "410.5"),
            ("-12.000", "-12"),
        ] {
            assert_eq!(es_number(text).as_deref(), Some(expected), "{text}");
            assert_eq!(reference(text).as_deref(), Some(expected), "{text}");
        }
        assert_eq!(es_number("1e309"), None);
        assert_eq!(es_number("1.8e308"), None);
        assert_eq!(es_number("1e999999999999"), None);
        assert_eq!(es_number("1e-999999999999").as_deref(), Some("0"));
        assert_eq!(
            es_number("1e-99999999999999999999999").as_deref(),
            Some("0")
        );
        assert_eq!(es_number("1e99999999999999999999999"), None);
    }

    #[test]
    fn boundaries_of_the_double_range_and_powers_of_two() {
        let mut texts = vec![
            "2.2250738585072014e-308".to_string(),
            "2.2250738585072011e-308".to_string(),
            "4.9406564584124654e-324".to_string(),
            "2.4703282292062327e-324".to_string(),
            "2.4703282292062328e-324".to_string(),
            "1.7976931348623158e308".to_string(),
            "1.7976931348623159e308".to_string(),
        ];
        for exponent in -1074..=1023i32 {
            let value = 2f64.powi(exponent);
            texts.push(format!("{value:e}"));
            texts.push(format!("{:e}", value * (1.0 + f64::EPSILON)));
            texts.push(format!("{:e}", value * (1.0 - f64::EPSILON / 2.0)));
        }
        for text in texts {
            assert_eq!(es_number(&text), reference(&text), "{text}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn matches_the_reference_on_random_decimals(
            negative in any::<bool>(),
            whole in "[0-9]{1,25}",
            fraction in proptest::option::of("[0-9]{1,25}"),
            exponent in proptest::option::of(-340i32..340),
        ) {
            let mut text = String::new();
            if negative {
                text.push('-');
            }
            text.push_str(&whole);
            if let Some(fraction) = &fraction {
                text.push('.');
                text.push_str(fraction);
            }
            if let Some(exponent) = exponent {
                text.push_str(&format!("e{exponent}"));
            }
            prop_assert_eq!(es_number(&text), reference(&text), "{}", text);
        }

        #[test]
        fn matches_the_reference_on_random_doubles(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            prop_assume!(value.is_finite());
            for text in [format!("{value:e}"), format!("{value:.17e}"), format!("{value}")] {
                prop_assert_eq!(es_number(&text), reference(&text), "{}", text);
            }
        }
    }
}
