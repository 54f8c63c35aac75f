//! Exact decimal arithmetic for money and ratios (rules.md §3.2): amounts are parsed from their
//! decimal text (never through binary floating point), thresholds are compared by
//! cross-multiplication, and ratios are rounded half-to-even to four decimals for display only.
//!
//! A [`Decimal`] is `mantissa × 10^-scale`, normalised (no trailing zero in the mantissa), held in
//! an `i128` whenever the mantissa fits. Every operation is checked: when an `i128` step would
//! overflow, the same step is done again on arbitrary-precision integers, so no result is ever
//! rounded, wrapped or a panic. Within the documented bounds (ARCHITECTURE.md "Bounds on amounts")
//! the `i128` path is always taken; the worst cases, proved in the comments of the operations and
//! tested below:
//!
//! - an amount as written: ≤ 6 places; after × 10^8 (亿元) and × a rate with ≤ 10 places it has
//!   ≤ 16 places and is ≤ 10^15 CNY, so |mantissa| ≤ 10^15 × 10^16 = 10^31 < 2^127 ≈ 1.7 × 10^38;
//! - a pack threshold or weight: ≤ 12 places (pack/parse.rs);
//! - a cross-multiplied comparison `amount` vs `threshold × amount`, both sides at scale ≤ 28:
//!   |mantissa| ≤ 10^15 × 10^28 = 10^43 only if the threshold is ≥ 10^0 with 12 places, which
//!   can exceed `i128`; such comparisons take the wide path (tested), never a rounded one;
//! - a sum of weights over n patents: n × weight mantissa (≤ 2^64 × 10^30 would be needed to
//!   overflow), far beyond any portfolio;
//! - counts × 10^8 (patent density) and day sums: below 2^64 × 10^8.

use std::cmp::Ordering;
use std::fmt;

pub(crate) mod wide;

use wide::{Int, Nat};

/// Decimal places shown for a ratio.
pub const RATIO_DISPLAY_DECIMALS: u32 = 4;

/// An exact decimal number: `mantissa × 10^-scale` (see the module documentation).
#[derive(Clone, Debug)]
pub struct Decimal(Repr);

#[derive(Clone, Debug)]
enum Repr {
    /// Normalised: the mantissa has no trailing decimal zero; zero is `(0, 0)`.
    Small { mantissa: i128, scale: i64 },
    /// As `Small`, for mantissas beyond `i128` only (so each value has one representation).
    Big { mantissa: Int, scale: i64 },
}

/// 10^exponent in an `i128`, when it fits (exponent ≤ 38).
fn pow10_i128(exponent: u64) -> Option<i128> {
    10i128.checked_pow(u32::try_from(exponent).ok()?)
}

/// `value × 10^exponent` on the wide path.
fn scaled_big(value: Int, exponent: u64) -> Int {
    value.scaled(u32::try_from(exponent).unwrap_or(u32::MAX))
}

impl Decimal {
    /// `mantissa × 10^-scale`.
    pub fn new(mantissa: i128, scale: i64) -> Self {
        Self::small(mantissa, scale)
    }

    /// Zero.
    pub fn zero() -> Self {
        Self(Repr::Small {
            mantissa: 0,
            scale: 0,
        })
    }

    fn small(mut mantissa: i128, mut scale: i64) -> Self {
        if mantissa == 0 {
            return Self::zero();
        }
        while mantissa % 10 == 0 {
            mantissa /= 10;
            scale = scale.saturating_sub(1);
        }
        Self(Repr::Small { mantissa, scale })
    }

    fn big(mantissa: Int, mut scale: i64) -> Self {
        if mantissa.is_zero() {
            return Self::zero();
        }
        let negative = mantissa.is_negative();
        let mut magnitude = mantissa.magnitude().clone();
        loop {
            let (quotient, remainder) = magnitude.divrem_small(10);
            if remainder != 0 {
                break;
            }
            magnitude = quotient;
            scale = scale.saturating_sub(1);
        }
        let mantissa = Int::new(negative, magnitude);
        match mantissa.to_i128() {
            Some(small) => Self(Repr::Small {
                mantissa: small,
                scale,
            }),
            None => Self(Repr::Big { mantissa, scale }),
        }
    }

    fn scale(&self) -> i64 {
        match &self.0 {
            Repr::Small { scale, .. } | Repr::Big { scale, .. } => *scale,
        }
    }

    fn to_big(&self) -> Int {
        match &self.0 {
            Repr::Small { mantissa, .. } => Int::from(*mantissa),
            Repr::Big { mantissa, .. } => mantissa.clone(),
        }
    }

    fn signum(&self) -> Ordering {
        match &self.0 {
            Repr::Small { mantissa, .. } => mantissa.cmp(&0),
            Repr::Big { mantissa, .. } => mantissa.cmp(&Int::default()),
        }
    }

    /// Above zero.
    pub fn is_positive(&self) -> bool {
        self.signum() == Ordering::Greater
    }

    /// Below zero.
    pub fn is_negative(&self) -> bool {
        self.signum() == Ordering::Less
    }

    /// The absolute value.
    pub fn abs(&self) -> Self {
        if self.is_negative() {
            self.negated()
        } else {
            self.clone()
        }
    }

    fn negated(&self) -> Self {
        match &self.0 {
            Repr::Small { mantissa, scale } => match mantissa.checked_neg() {
                Some(m) => Self(Repr::Small {
                    mantissa: m,
                    scale: *scale,
                }),
                None => Self::big(Int::from(*mantissa).negated(), *scale),
            },
            Repr::Big { mantissa, scale } => Self::big(mantissa.negated(), *scale),
        }
    }

    /// Both mantissas at the common (larger) scale, in `i128` when they fit.
    fn aligned_small(&self, other: &Self) -> Option<(i128, i128, i64)> {
        let (
            Repr::Small {
                mantissa: a,
                scale: sa,
            },
            Repr::Small {
                mantissa: b,
                scale: sb,
            },
        ) = (&self.0, &other.0)
        else {
            return None;
        };
        let scale = (*sa).max(*sb);
        let a = a.checked_mul(pow10_i128(scale.abs_diff(*sa))?)?;
        let b = b.checked_mul(pow10_i128(scale.abs_diff(*sb))?)?;
        Some((a, b, scale))
    }

    /// Both mantissas at the common (larger) scale, on arbitrary-precision integers.
    fn aligned_big(&self, other: &Self) -> (Int, Int, i64) {
        let (sa, sb) = (self.scale(), other.scale());
        let scale = sa.max(sb);
        (
            scaled_big(self.to_big(), scale.abs_diff(sa)),
            scaled_big(other.to_big(), scale.abs_diff(sb)),
            scale,
        )
    }

    fn add_exact(&self, other: &Self) -> Self {
        if let Some((a, b, scale)) = self.aligned_small(other) {
            if let Some(sum) = a.checked_add(b) {
                return Self::small(sum, scale);
            }
        }
        let (a, b, scale) = self.aligned_big(other);
        Self::big(a.add(&b), scale)
    }

    fn mul_exact(&self, other: &Self) -> Self {
        let scale = self.scale().saturating_add(other.scale());
        if let (Repr::Small { mantissa: a, .. }, Repr::Small { mantissa: b, .. }) =
            (&self.0, &other.0)
        {
            if let Some(product) = a.checked_mul(*b) {
                return Self::small(product, scale);
            }
        }
        Self::big(self.to_big().mul(&other.to_big()), scale)
    }

    /// (sign, decimal digits of the magnitude, scale).
    fn parts(&self) -> (bool, String, i64) {
        match &self.0 {
            Repr::Small { mantissa, scale } => {
                (*mantissa < 0, mantissa.unsigned_abs().to_string(), *scale)
            }
            Repr::Big { mantissa, scale } => (
                mantissa.is_negative(),
                mantissa.magnitude().to_string(),
                *scale,
            ),
        }
    }
}

impl Default for Decimal {
    fn default() -> Self {
        Self::zero()
    }
}

impl fmt::Display for Decimal {
    /// Plain notation, as [`plain`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&plain(self))
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Decimal {
            fn from(value: $t) -> Self {
                Self::small(i128::from(value), 0)
            }
        }
    )*};
}
from_integer!(i32, u32, i64, u64);

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (sa, sb) = (self.signum(), other.signum());
        if sa != sb {
            return sa.cmp(&sb);
        }
        if let Some((a, b, _)) = self.aligned_small(other) {
            return a.cmp(&b);
        }
        let (a, b, _) = self.aligned_big(other);
        a.cmp(&b)
    }
}

impl std::ops::Add<&Decimal> for &Decimal {
    type Output = Decimal;
    fn add(self, other: &Decimal) -> Decimal {
        self.add_exact(other)
    }
}

impl std::ops::AddAssign<&Decimal> for Decimal {
    fn add_assign(&mut self, other: &Decimal) {
        *self = self.add_exact(other);
    }
}

impl std::ops::Sub<&Decimal> for &Decimal {
    type Output = Decimal;
    fn sub(self, other: &Decimal) -> Decimal {
        self.add_exact(&other.negated())
    }
}

impl std::ops::Sub<&Decimal> for Decimal {
    type Output = Decimal;
    fn sub(self, other: &Decimal) -> Decimal {
        self.add_exact(&other.negated())
    }
}

impl std::ops::Mul<&Decimal> for &Decimal {
    type Output = Decimal;
    fn mul(self, other: &Decimal) -> Decimal {
        self.mul_exact(other)
    }
}

impl std::ops::Mul<&Decimal> for Decimal {
    type Output = Decimal;
    fn mul(self, other: &Decimal) -> Decimal {
        self.mul_exact(other)
    }
}

/// Parses `-?DIGITS(.DIGITS)?([eE][+-]?DIGITS)?` exactly. Anything else (hex, `NaN`, `∞`, a
/// leading `+`, a bare dot, thousands separators) is rejected.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
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
    let exponent: i64 = match exponent {
        Some(exponent) => {
            let (sign, digits) = match exponent.strip_prefix('-') {
                Some(rest) => (-1, rest),
                None => (1, exponent.strip_prefix('+').unwrap_or(exponent)),
            };
            // A bound on the exponent keeps a hostile `1e999999999` from building a huge number.
            if !all_digits(digits) || digits.len() > 4 {
                return None;
            }
            sign * digits.parse::<i64>().ok()?
        }
        None => 0,
    };
    let fraction = fraction.unwrap_or("");
    let scale = i64::try_from(fraction.len()).ok()?.checked_sub(exponent)?;
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0');
    // 38 digits always fit an i128 (< 1.7 × 10^38); longer ones take the wide representation.
    let value = if significant.len() <= 38 {
        Decimal::small(significant.parse::<i128>().unwrap_or(0), scale)
    } else {
        Decimal::big(Int::new(false, significant.parse::<Nat>().ok()?), scale)
    };
    Some(if negative { value.negated() } else { value })
}

/// Number of decimal places in the shortest exact form of `value` (0 for integers).
pub fn decimal_places(value: &Decimal) -> u64 {
    u64::try_from(value.scale().max(0)).unwrap_or(u64::MAX)
}

/// Plain notation without exponent or trailing zeros: `32000000`, `0.3`, `-12.5`.
pub fn plain(value: &Decimal) -> String {
    let (negative, digits, scale) = value.parts();
    if value.signum() == Ordering::Equal {
        return "0".to_string();
    }
    let body = if scale <= 0 {
        let zeros = usize::try_from(scale.unsigned_abs()).unwrap_or(0);
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
pub fn grouped(value: &Decimal) -> String {
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

/// Compares `numerator / denominator` with `threshold` exactly, by cross-multiplication:
/// `numerator` against `threshold × denominator`. Within the bounds the product's mantissa is at
/// most 10^31 (amount) × the threshold's mantissa; when that exceeds `i128` (a threshold with
/// many digits), [`Decimal`]'s checked product and comparison continue on the wide path.
/// `None` when the denominator is not positive (the ratio is undefined).
pub fn compare_ratio(
    numerator: &Decimal,
    denominator: &Decimal,
    threshold: &Decimal,
) -> Option<Ordering> {
    if !denominator.is_positive() {
        return None;
    }
    Some(numerator.cmp(&(threshold * denominator)))
}

/// `numerator / denominator` rounded half-to-even to four decimals, always written with four
/// decimals (`0.3000`). Computed on integers, so the rounding is exact. `None` when the
/// denominator is not positive.
pub fn display_ratio(numerator: &Decimal, denominator: &Decimal) -> Option<String> {
    let rounded = round_ratio(numerator, denominator, RATIO_DISPLAY_DECIMALS)?;
    Some(fixed(&rounded, RATIO_DISPLAY_DECIMALS))
}

/// `numerator / denominator` rounded half-to-even to `decimals` places, exactly.
pub fn round_ratio(numerator: &Decimal, denominator: &Decimal, decimals: u32) -> Option<Decimal> {
    divide(numerator, denominator, decimals, Rounding::HalfEven)
}

/// Fixed notation with exactly `decimals` places, rounding half-to-even if `value` has more.
pub fn format_fixed(value: &Decimal, decimals: u32) -> String {
    match round_ratio(value, &Decimal::from(1), decimals) {
        Some(rounded) => fixed(&rounded, decimals),
        None => plain(value),
    }
}

/// `value` (with at most `decimals` places) written with exactly `decimals` places.
fn fixed(value: &Decimal, decimals: u32) -> String {
    let (negative, mut digits, scale) = value.parts();
    // Pad the mantissa to `decimals` places: value = digits × 10^-scale, scale ≤ decimals.
    let pad = i64::from(decimals).saturating_sub(scale).max(0);
    if value.signum() == Ordering::Equal {
        digits = "0".to_string();
    }
    digits.push_str(&"0".repeat(usize::try_from(pad).unwrap_or(0)));
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
pub fn ceil_integer(value: &Decimal) -> Decimal {
    divide(value, &Decimal::from(1), 0, Rounding::Ceiling).unwrap_or_default()
}

/// The smallest integer ≥ `numerator / denominator`, exactly; `None` when the denominator is not
/// positive.
pub fn ceil_div(numerator: &Decimal, denominator: &Decimal) -> Option<Decimal> {
    divide(numerator, denominator, 0, Rounding::Ceiling)
}

#[derive(Clone, Copy)]
enum Rounding {
    HalfEven,
    Ceiling,
}

/// `numerator / denominator` rounded to `decimals` places. With numerator `n × 10^-a` and
/// denominator `d × 10^-b`, the quotient × 10^decimals is `n × 10^(b + decimals) / (d × 10^a)`;
/// both powers are lowered by the smaller one so that the division is of integers, floor with a
/// non-negative remainder, then rounded by comparing the remainder with the divisor.
fn divide(
    numerator: &Decimal,
    denominator: &Decimal,
    decimals: u32,
    rounding: Rounding,
) -> Option<Decimal> {
    if !denominator.is_positive() {
        return None;
    }
    let top_power = denominator.scale().saturating_add(i64::from(decimals));
    let bottom_power = numerator.scale();
    let low = top_power.min(bottom_power);
    let (up_top, up_bottom) = (top_power.abs_diff(low), bottom_power.abs_diff(low));
    let scale = i64::from(decimals);
    if let (Repr::Small { mantissa: n, .. }, Repr::Small { mantissa: d, .. }) =
        (&numerator.0, &denominator.0)
    {
        let small = || -> Option<Decimal> {
            let top = n.checked_mul(pow10_i128(up_top)?)?;
            let bottom = d.checked_mul(pow10_i128(up_bottom)?)?;
            let (quotient, remainder) = (
                top.checked_div_euclid(bottom)?,
                top.checked_rem_euclid(bottom)?,
            );
            // 2 × remainder against bottom, as remainder against bottom − remainder (no overflow).
            let up = match rounding {
                Rounding::Ceiling => remainder != 0,
                Rounding::HalfEven => match remainder.cmp(&(bottom - remainder)) {
                    Ordering::Less => false,
                    Ordering::Greater => true,
                    Ordering::Equal => quotient % 2 != 0,
                },
            };
            Some(Decimal::small(quotient.checked_add(i128::from(up))?, scale))
        };
        if let Some(result) = small() {
            return Some(result);
        }
    }
    let top = scaled_big(numerator.to_big(), up_top);
    let bottom = scaled_big(denominator.to_big(), up_bottom);
    let bottom = bottom.magnitude();
    let (quotient, remainder) = top.floor_divrem(bottom);
    let up = match rounding {
        Rounding::Ceiling => !remainder.is_zero(),
        Rounding::HalfEven => match (&remainder + &remainder).cmp(bottom) {
            Ordering::Less => false,
            Ordering::Greater => true,
            Ordering::Equal => quotient.magnitude().is_odd(),
        },
    };
    let quotient = if up {
        quotient.add(&Int::from(1))
    } else {
        quotient
    };
    Some(Decimal::big(quotient, scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
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
        assert_eq!(plain(&(dec("3200") * &dec("10000"))), "32000000");
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
        assert_eq!(ceil_integer(&dec("2.1")), Decimal::from(3));
        assert_eq!(ceil_integer(&dec("2")), Decimal::from(2));
        assert_eq!(ceil_integer(&dec("-2.5")), Decimal::from(-2));
        assert_eq!(ceil_integer(&dec("3e2")), Decimal::from(300));
    }
}
