//! Exact decimal arithmetic for money and ratios (rules.md §3.2): amounts are parsed from their
//! decimal text (never through binary floating point), thresholds are compared by
//! cross-multiplication, and ratios are rounded half-to-even to four decimals for display only.
//!
//! A [`Decimal`] is `mantissa × 10^-scale`, normalised (no trailing zero in the mantissa), held in
//! an `i128` whenever the mantissa fits. Every operation is checked: when an `i128` step would
//! overflow, the same step is done again on the crate's own integers of any size (`exact/wide.rs`), so no
//! result is ever rounded, wrapped or a panic, and nothing goes through `f64`.
//!
//! When the `i128` path is taken (ARCHITECTURE.md "Bounds on amounts"; i128::MAX ≈ 1.7 × 10^38),
//! with `|x|` the value and `m(x)`, `s(x)` its mantissa and scale:
//!
//! - **Amounts.** ≤ 6 places as written; × 10^4 (万元) or 10^8 (亿元) only lowers the places; × a
//!   rate with ≤ 10 places gives ≤ 16 places. Accepted amounts are ≤ 10^15 CNY, so
//!   |m| ≤ 10^15 × 10^16 = 10^31. (A written amount far beyond the range may overflow while it is
//!   converted: the wide path computes it exactly, and the reader then rejects it.)
//! - **Sums and differences** of two amounts: the common scale is ≤ 16, |m| ≤ 2 × 10^31.
//! - **Cross-multiplied comparisons** `n` against `t × d` (rules.md §3.2) and **gaps**
//!   `t × d − n` ("profit must rise by"): `m(t × d) = m(t) × m(d) ≤ m(t) × 10^31`, and aligning
//!   the two sides multiplies one by 10^k to the common scale `s(t) + s(d)` or `s(n)`, giving
//!   |n| × 10^(s(t)+s(d)) or |t × d| × 10^s(n). The embedded packs' thresholds are at most
//!   5,000,000 with at most 2 places, so all three are ≤ 5 × 10^37 (|n| × 10^18 ≤ 10^33;
//!   5 × 10^6 × 10^31). A pack threshold may have 12 places and any length, so an own pack can
//!   exceed `i128` here: that comparison takes the wide path (tested below, and against a
//!   reference on random inputs).
//! - **Ratios to four places, half to even**: the dividend is `|n| × 10^(s(d)+4)` ≤ 10^15 × 10^20
//!   = 10^35 and the divisor `|d| × 10^s(n)` ≤ 10^31, both integers; the remainder is compared
//!   with `divisor − remainder`, which cannot overflow.
//! - **Indicators**: export share and growth are ratios of amounts (above); patent density is
//!   `count × 10^8 / sales`, whose dividend `count × 10^8 × 10^20` fits while count < 10^10;
//!   the mean remaining term is a sum of day counts (an `i64`) over a count, scale 0.
//! - **Weighted strength**: a sum of n weights of ≤ 12 places (all at one scale ≤ 12), |m| ≤
//!   n × m(weight); the embedded weights are ≤ 1 with ≤ 1 place, so n < 10^37. The count of
//!   patents still needed is `⌈deficit / weight⌉`, a ratio as above.
//!
//! Anything beyond these (hostile input, an own pack's long thresholds) is exact on the wide path.

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
    let (mantissa, exponent) = match unsigned.bytes().position(|b| b == b'e' || b == b'E') {
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
    let mut out = String::new();
    push_plain(&mut out, value);
    out
}

/// Appends `value` in plain notation ([`plain`]) to `out`: every amount, threshold and gap of a
/// report passes here, often several times per criterion, so the digits are made on the stack
/// and written once, without the formatting machinery.
pub fn push_plain(out: &mut String, value: &Decimal) {
    with_parts(value, |negative, digits, scale| {
        let plain = Layout::of(digits, scale);
        out.reserve(plain.whole.len() + plain.trailing + plain.leading + plain.fraction.len() + 2);
        if negative {
            out.push('-');
        }
        out.push_str(plain.whole);
        out.extend(std::iter::repeat_n('0', plain.trailing));
        plain.push_fraction(out);
    });
}

/// Where the digits of a decimal go in its plain notation: `whole` then `trailing` zeros before
/// the point; after it `leading` zeros then `fraction` (no point when `fraction` is empty).
/// [`push_plain`] and [`push_grouped`] share it, so the two spellings cannot disagree.
struct Layout<'d> {
    whole: &'d str,
    trailing: usize,
    leading: usize,
    fraction: &'d str,
}

impl<'d> Layout<'d> {
    /// The layout of `digits × 10^-scale` (digits without leading zeros, `0` for zero).
    fn of(digits: &'d str, scale: i64) -> Layout<'d> {
        let zeros = usize::try_from(scale.unsigned_abs()).unwrap_or(0);
        if scale <= 0 {
            Layout {
                whole: digits,
                trailing: zeros,
                leading: 0,
                fraction: "",
            }
        } else if digits.len() > zeros {
            let (whole, fraction) = digits.split_at(digits.len() - zeros);
            Layout {
                whole,
                trailing: 0,
                leading: 0,
                fraction,
            }
        } else {
            Layout {
                whole: "0",
                trailing: 0,
                leading: zeros - digits.len(),
                fraction: digits,
            }
        }
    }

    /// The point and the fraction, if there is one.
    fn push_fraction(&self, out: &mut String) {
        if !self.fraction.is_empty() {
            out.push('.');
            out.extend(std::iter::repeat_n('0', self.leading));
            out.push_str(self.fraction);
        }
    }
}

/// Calls `write` with the sign, the decimal digits of the magnitude (`0` for zero) and the
/// scale of `value`; the digits of an `i128` mantissa (every amount within the bounds) are made
/// on the stack.
fn with_parts<R>(value: &Decimal, write: impl FnOnce(bool, &str, i64) -> R) -> R {
    match &value.0 {
        Repr::Small { mantissa, scale } => {
            let mut buffer = [b'0'; 39];
            let digits = digits_into(mantissa.unsigned_abs(), &mut buffer);
            write(*mantissa < 0, digits, *scale)
        }
        Repr::Big { mantissa, scale } => write(
            mantissa.is_negative(),
            &mantissa.magnitude().to_string(),
            *scale,
        ),
    }
}

/// The decimal digits of `n` (no sign), written at the end of `buffer` (39 digits hold any
/// `u128`), without the formatting machinery; 64-bit division while the value fits (amounts
/// do), which is cheaper than 128-bit on every target.
fn digits_into(n: u128, buffer: &mut [u8; 39]) -> &str {
    let mut start = buffer.len();
    let mut push = |digit: u8| {
        if let Some(slot) = start.checked_sub(1).and_then(|i| buffer.get_mut(i)) {
            *slot = b'0' + digit;
            start -= 1;
        }
    };
    let mut wide = n;
    while u64::try_from(wide).is_err() {
        // The remainder is below 10.
        push(u8::try_from(wide % 10).unwrap_or(0));
        wide /= 10;
    }
    let mut narrow = u64::try_from(wide).unwrap_or(0);
    loop {
        push(u8::try_from(narrow % 10).unwrap_or(0));
        narrow /= 10;
        if narrow == 0 {
            break;
        }
    }
    buffer
        .get(start..)
        .and_then(|d| std::str::from_utf8(d).ok())
        .unwrap_or("0")
}

/// Plain notation with thousands separators in the whole part: `1,250,000`, `-3,200.5`.
pub fn grouped(value: &Decimal) -> String {
    let mut out = String::new();
    push_grouped(&mut out, value);
    out
}

/// Appends `value` with thousands separators ([`grouped`]) to `out`.
pub fn push_grouped(out: &mut String, value: &Decimal) {
    with_parts(value, |negative, digits, scale| {
        let plain = Layout::of(digits, scale);
        let length = plain.whole.len() + plain.trailing;
        out.reserve(length + length / 3 + plain.leading + plain.fraction.len() + 2);
        if negative {
            out.push('-');
        }
        let mut whole_digits = plain
            .whole
            .chars()
            .chain(std::iter::repeat_n('0', plain.trailing));
        for i in 0..length {
            if i > 0 && (length - i) % 3 == 0 {
                out.push(',');
            }
            out.push(whole_digits.next().unwrap_or('0'));
        }
        plain.push_fraction(out);
    });
}

/// `numerator/denominator` in plain notation: the exact value of a ratio indicator.
pub fn ratio_text(numerator: &Decimal, denominator: &Decimal) -> String {
    let mut out = String::with_capacity(24);
    push_plain(&mut out, numerator);
    out.push('/');
    push_plain(&mut out, denominator);
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
    with_parts(value, |negative, digits, scale| {
        // value = digits × 10^-scale, scale ≤ decimals: pad the mantissa to `decimals` places,
        // then with leading zeros to at least one whole digit.
        let places = decimals as usize;
        let pad = usize::try_from(i64::from(decimals).saturating_sub(scale).max(0)).unwrap_or(0);
        let length = digits.len() + pad;
        let lead = (places + 1).saturating_sub(length);
        let mut padded = String::with_capacity(lead + length + 2);
        if negative {
            padded.push('-');
        }
        let sign = padded.len();
        padded.extend(std::iter::repeat_n('0', lead));
        padded.push_str(digits);
        padded.extend(std::iter::repeat_n('0', pad));
        if places > 0 {
            let at = padded.len() - places;
            if at > sign && padded.is_char_boundary(at) {
                padded.insert(at, '.');
            }
        }
        padded
    })
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
    fn digits_are_the_integers_spelling() {
        let edges = [u128::from(u64::MAX), u128::from(u64::MAX) + 1, u128::MAX];
        for n in [0, 1, 9, 10, 99, 100, 1_234_567_890]
            .into_iter()
            .chain(edges)
        {
            assert_eq!(digits_into(n, &mut [b'0'; 39]), n.to_string());
        }
        assert_eq!(plain(&dec("-0.000120")), "-0.00012");
        assert_eq!(plain(&dec("1.2e3")), "1200");
        assert_eq!(plain(&dec("-98.76")), "-98.76");
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
        assert_eq!(grouped(&dec("1e5")), "100,000");
        assert_eq!(grouped(&dec("-1234567.000123")), "-1,234,567.000123");
        // Every layout (whole, trailing zeros, fraction, leading zeros; the wide path) against
        // the plain form grouped by the simplest reading of "thousands separators".
        let naive = |value: &Decimal| {
            let text = plain(value);
            let (sign, unsigned) = text
                .strip_prefix('-')
                .map_or(("", text.as_str()), |rest| ("-", rest));
            let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
            let mut out = sign.to_string();
            for (i, c) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            if !fraction.is_empty() {
                out.push('.');
                out.push_str(fraction);
            }
            out
        };
        for text in [
            "0",
            "7",
            "-7",
            "12",
            "123",
            "1234",
            "-12345",
            "0.5",
            "-0.05",
            "1e3",
            "12e4",
            "1.5e2",
            "123456789012345678901234567890123456789012345",
            "-1e40",
            "0.000001",
            "98765.4321",
        ] {
            let value = dec(text);
            assert_eq!(grouped(&value), naive(&value), "{text}");
        }
        for (text, places, expected) in [
            ("0", 2, "0.00"),
            ("1.5", 2, "1.50"),
            ("-0.05", 2, "-0.05"),
            ("-0.5", 4, "-0.5000"),
            ("12", 0, "12"),
            ("0.001", 4, "0.0010"),
        ] {
            assert_eq!(fixed(&dec(text), places), expected, "{text}");
        }
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

    #[test]
    fn ceiling_of_a_quotient() {
        assert_eq!(ceil_div(&dec("1.5"), &dec("0.5")), Some(Decimal::from(3)));
        assert_eq!(ceil_div(&dec("1.6"), &dec("0.5")), Some(Decimal::from(4)));
        assert_eq!(ceil_div(&dec("7"), &dec("3")), Some(Decimal::from(3)));
        assert_eq!(ceil_div(&dec("1"), &dec("0")), None);
    }

    /// The largest mantissas the bounds allow stay on the `i128` path: 10^15 CNY written with 6
    /// places in 亿元 (× 10^8) and converted at a rate with 10 places has 16 places, so its
    /// mantissa is below 10^31; sums of two such amounts, and that amount times 10^4 (the ratio's
    /// four display places) still fit (2 × 10^31, 10^35 < 1.7 × 10^38).
    #[test]
    fn documented_worst_cases_fit_an_i128() {
        // 6 places × 10 places: 16 places just below 10^15, a 31-digit mantissa.
        let written = dec("99999.999999");
        let rate = dec("9999999999.9999999999");
        let cny = written * &rate;
        assert_eq!(plain(&cny), "999999999989999.9999900000000001");
        assert!(matches!(cny.0, Repr::Small { .. }));
        // 亿元 multiply by 10^8, which only lowers the places.
        let yi = dec("9999999.999999") * &Decimal::from(100_000_000);
        assert_eq!(plain(&yi), "999999999999900");
        let widest = dec("999999999999999.9999999999999999");
        // The embedded packs' largest threshold times the widest amount, and the alignment of
        // the widest numerator to that product's scale (see the module documentation).
        for threshold in ["5000000", "0.30", "0.01", "1.0"] {
            let product = &dec(threshold) * &widest;
            assert!(matches!(product.0, Repr::Small { .. }), "{threshold}");
            assert!(widest.aligned_small(&product).is_some(), "{threshold}");
            assert!(dec("1e15").aligned_small(&product).is_some(), "{threshold}");
        }
        assert!(matches!((&widest + &widest).0, Repr::Small { .. }));
        assert!(matches!(
            (&widest * &Decimal::from(10_000)).0,
            Repr::Small { .. }
        ));
        assert!(rate.is_positive());
    }

    /// Beyond `i128` every operation continues exactly on the wide path, never rounding.
    #[test]
    fn products_beyond_i128_stay_exact() {
        // threshold × denominator has 52 digits; the numerator equal to it compares Equal, one
        // unit in its last place more compares Greater.
        let threshold = dec("1234567890.123456789012");
        let denominator = dec("123456789012345.6789012345678901");
        let product = "152415787532388367504910.8392184621249233290657035812";
        assert!(matches!((&threshold * &denominator).0, Repr::Big { .. }));
        assert_eq!(plain(&(&threshold * &denominator)), product);
        assert_eq!(
            compare_ratio(&dec(product), &denominator, &threshold),
            Some(Ordering::Equal)
        );
        let above = format!("{product}1");
        assert_eq!(
            compare_ratio(&dec(&above), &denominator, &threshold),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_ratio(&dec(&format!("-{product}")), &denominator, &threshold),
            Some(Ordering::Less)
        );
        // A quotient whose scaled numerator overflows i128 (35 digits × 10^20).
        assert_eq!(
            display_ratio(&dec(&"9".repeat(35)), &dec("0.0000000000000003")).unwrap(),
            "333333333333333333333333333333333330000000000000000.0000"
        );
        assert_eq!(
            display_ratio(&dec("999999999999999.9999999999999999"), &dec("1e-16")).unwrap(),
            "9999999999999999999999999999999.0000"
        );
        // Written numbers longer than 38 digits, and far exponents, round-trip exactly.
        let long = format!("-{}.5", "7".repeat(45));
        assert_eq!(plain(&dec(&long)), long);
        let far = dec("1e9999");
        assert_eq!(plain(&far).len(), 10_000);
        assert_eq!(plain(&(&far - &far)), "0");
        assert!(far > dec(&"9".repeat(9_999)));
        assert_eq!(
            plain(&(&(&far + &Decimal::from(1)) - &far)),
            "1",
            "1e9999 + 1 − 1e9999"
        );
        assert_eq!(
            ceil_integer(&dec(&format!("{}.1", "9".repeat(40)))),
            dec(&format!("1{}", "0".repeat(40)))
        );
        // The widest quotient an own pack can ask for (an exponent has at most 4 digits): about
        // 33,000 quotient bits by shift and subtract (a fraction of a second).
        let n = ceil_div(&far, &dec("0.333333333333")).unwrap();
        assert_eq!(plain(&n).len(), 10_000);
        assert!(plain(&n).starts_with("3000000000003000000000003"));
        // i128::MIN has no i128 negation.
        let min = Decimal::new(i128::MIN, 0);
        assert_eq!(plain(&min.abs()), "170141183460469231731687303715884105728");
        assert_eq!(
            plain(&(&min - &Decimal::from(1))),
            "-170141183460469231731687303715884105729"
        );
    }
}

/// The fast and the wide path against a reference on integers of any size: random mantissas up
/// to 32 digits with the scales the bounds allow (amounts 16, thresholds 12), so that both paths
/// are taken.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::wide::{Int, Nat};
    use super::*;
    use proptest::prelude::*;

    /// `(mantissa, scale)` of `digits × 10^-scale`, as integers of any size.
    fn reference(negative: bool, digits: &str, scale: u32) -> (Int, u32) {
        (Int::new(negative, digits.parse::<Nat>().unwrap()), scale)
    }

    fn text(negative: bool, digits: &str, scale: u32) -> String {
        let scale = scale as usize;
        let padded = format!(
            "{}{digits}",
            "0".repeat((scale + 1).saturating_sub(digits.len()))
        );
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        let sign = if negative { "-" } else { "" };
        if scale == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{fraction}")
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn comparisons_and_roundings_match_the_reference(
            n_neg in any::<bool>(), n in "[0-9]{1,32}", n_scale in 0u32..=16,
            d in "[1-9][0-9]{0,31}", d_scale in 0u32..=16,
            t in "[0-9]{1,24}", t_scale in 0u32..=12,
        ) {
            let (nr, ns) = reference(n_neg, &n, n_scale);
            let (dr, ds) = reference(false, &d, d_scale);
            let (tr, ts) = reference(false, &t, t_scale);
            let (nd, dd, td) = (
                dec(&text(n_neg, &n, n_scale)),
                dec(&text(false, &d, d_scale)),
                dec(&text(false, &t, t_scale)),
            );
            // n / d against t: n × 10^(ds+ts) against t × d × 10^ns, all at scale ns+ds+ts.
            let left = nr.scaled(ds + ts);
            let right = tr.mul(&dr).scaled(ns);
            prop_assert_eq!(compare_ratio(&nd, &dd, &td), Some(left.cmp(&right)));
            // n / d to four places, half to even: n × 10^(ds+4) / (d × 10^ns).
            let top = nr.scaled(ds + 4);
            let bottom = dr.scaled(ns);
            let (q, r) = top.floor_divrem(bottom.magnitude());
            let twice = &r + &r;
            let up = twice > *bottom.magnitude()
                || (twice == *bottom.magnitude() && q.magnitude().is_odd());
            let q = if up { q.add(&Int::from(1)) } else { q };
            let digits = q.magnitude().to_string();
            let expected = text(q.is_negative(), &digits, 4);
            prop_assert_eq!(display_ratio(&nd, &dd), Some(expected));
            // Sums and products agree with the reference.
            let sum = nr.scaled(ts).add(&tr.scaled(ns));
            prop_assert_eq!(
                plain(&(&nd + &td)),
                plain(&Decimal::big(sum, i64::from(ns + ts)))
            );
            prop_assert_eq!(
                plain(&(&nd * &td)),
                plain(&Decimal::big(nr.mul(&tr), i64::from(ns + ts)))
            );
        }
    }

    fn dec(text: &str) -> Decimal {
        parse_decimal(text).unwrap()
    }
}
