//! The wide path of the exact arithmetic: unsigned ([`Nat`]) and signed ([`Int`]) integers of any
//! size, in 32-bit limbs, with only the operations [`super::Decimal`] (beyond `i128`) and the
//! ECMAScript number spelling (`src/es_number.rs`, its rare long-decimal path) need.
//!
//! Simple by design: schoolbook multiplication and shift-and-subtract division, whose cost is the
//! quotient's bit length × the operands' length; the quotients taken here are short (a double's
//! 53 bits, a ratio to four decimals). No operation panics: a subtraction below zero gives zero
//! and a division by zero gives zero; callers never ask for either.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, Div, Mul, Rem, Shl, Sub};
use std::str::FromStr;

/// An unsigned integer of any size: little-endian 32-bit limbs, without high zero limbs.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Nat(Vec<u32>);

impl Nat {
    fn trimmed(mut limbs: Vec<u32>) -> Self {
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        Self(limbs)
    }

    /// 1.
    pub(crate) fn one() -> Self {
        Self(vec![1])
    }

    /// Whether this is 0.
    pub(crate) fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of significant bits (0 for 0).
    pub(crate) fn bits(&self) -> u64 {
        match self.0.last() {
            Some(top) => (self.0.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros()),
            None => 0,
        }
    }

    fn bit(&self, index: u64) -> bool {
        let limb = self.0.get((index / 32) as usize).copied().unwrap_or(0);
        limb >> (index % 32) & 1 == 1
    }

    /// self^exponent, by squaring.
    pub(crate) fn pow(&self, mut exponent: u32) -> Self {
        let (mut base, mut result) = (self.clone(), Self::one());
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = mul(&result, &base);
            }
            exponent >>= 1;
            if exponent > 0 {
                base = mul(&base, &base);
            }
        }
        result
    }

    /// `self × factor + addend`, for small factors (parsing).
    fn mul_add_small(&self, factor: u32, addend: u32) -> Self {
        let mut carry = u64::from(addend);
        let mut limbs = Vec::with_capacity(self.0.len() + 1);
        for &limb in &self.0 {
            let t = u64::from(limb) * u64::from(factor) + carry;
            limbs.push(t as u32);
            carry = t >> 32;
        }
        limbs.push(carry as u32);
        Self::trimmed(limbs)
    }

    /// (self / divisor, self % divisor) for a nonzero one-limb divisor.
    pub(crate) fn divrem_small(&self, divisor: u32) -> (Self, u32) {
        if divisor == 0 {
            return (Self::default(), 0);
        }
        let mut limbs = vec![0u32; self.0.len()];
        let mut remainder = 0u64;
        for (out, &limb) in limbs.iter_mut().zip(&self.0).rev() {
            let t = (remainder << 32) | u64::from(limb);
            *out = (t / u64::from(divisor)) as u32;
            remainder = t % u64::from(divisor);
        }
        (Self::trimmed(limbs), remainder as u32)
    }

    /// (self / divisor, self % divisor); (0, 0) for a zero divisor.
    pub(crate) fn divrem(&self, divisor: &Self) -> (Self, Self) {
        match divisor.0.as_slice() {
            [] => return (Self::default(), Self::default()),
            [single] => {
                let (q, r) = self.divrem_small(*single);
                return (q, Self::from(u64::from(r)));
            }
            _ => {}
        }
        if *self < *divisor {
            return (Self::default(), self.clone());
        }
        // Shift and subtract, one quotient bit at a time from the highest possible one.
        let top = self.bits() - divisor.bits();
        let mut remainder = self.clone();
        let mut quotient = vec![0u32; (top / 32 + 1) as usize];
        for index in (0..=top).rev() {
            let shifted = shl(divisor, index);
            if remainder >= shifted {
                remainder = sub(&remainder, &shifted);
                if let Some(limb) = quotient.get_mut((index / 32) as usize) {
                    *limb |= 1 << (index % 32);
                }
            }
        }
        (Self::trimmed(quotient), remainder)
    }

    /// The value as a `u128`, when it fits.
    pub(crate) fn to_u128(&self) -> Option<u128> {
        if self.0.len() > 4 {
            return None;
        }
        Some(
            self.0
                .iter()
                .rev()
                .fold(0u128, |acc, &limb| (acc << 32) | u128::from(limb)),
        )
    }

    /// Whether the value is odd.
    pub(crate) fn is_odd(&self) -> bool {
        self.bit(0)
    }
}

impl From<u128> for Nat {
    fn from(mut value: u128) -> Self {
        let mut limbs = Vec::with_capacity(4);
        while value > 0 {
            limbs.push(value as u32);
            value >>= 32;
        }
        Self(limbs)
    }
}

impl From<u64> for Nat {
    fn from(value: u64) -> Self {
        Self::from(u128::from(value))
    }
}

impl From<u32> for Nat {
    fn from(value: u32) -> Self {
        Self::from(u128::from(value))
    }
}

impl TryFrom<&Nat> for u64 {
    type Error = ();
    fn try_from(value: &Nat) -> Result<u64, ()> {
        value
            .to_u128()
            .and_then(|v| u64::try_from(v).ok())
            .ok_or(())
    }
}

impl Ord for Nat {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Nat {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Parses decimal digits only (no sign, no white space).
impl FromStr for Nat {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        Ok(text.bytes().fold(Self::default(), |acc, b| {
            acc.mul_add_small(10, u32::from(b - b'0'))
        }))
    }
}

impl fmt::Display for Nat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_zero() {
            return f.write_str("0");
        }
        // Nine decimal digits at a time, lowest first.
        let mut chunks = Vec::new();
        let mut rest = self.clone();
        while !rest.is_zero() {
            let (q, r) = rest.divrem_small(1_000_000_000);
            chunks.push(r);
            rest = q;
        }
        let mut out = String::with_capacity(chunks.len() * 9);
        for (i, chunk) in chunks.iter().rev().enumerate() {
            if i == 0 {
                out.push_str(&chunk.to_string());
            } else {
                out.push_str(&format!("{chunk:09}"));
            }
        }
        f.write_str(&out)
    }
}

fn add(a: &Nat, b: &Nat) -> Nat {
    let (long, short) = if a.0.len() >= b.0.len() {
        (a, b)
    } else {
        (b, a)
    };
    let mut limbs = Vec::with_capacity(long.0.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in long.0.iter().enumerate() {
        let t = u64::from(x) + u64::from(short.0.get(i).copied().unwrap_or(0)) + carry;
        limbs.push(t as u32);
        carry = t >> 32;
    }
    limbs.push(carry as u32);
    Nat::trimmed(limbs)
}

/// a − b, or 0 when b > a.
fn sub(a: &Nat, b: &Nat) -> Nat {
    if b > a {
        return Nat::default();
    }
    let mut limbs = Vec::with_capacity(a.0.len());
    let mut borrow = 0i64;
    for (i, &x) in a.0.iter().enumerate() {
        let mut t = i64::from(x) - i64::from(b.0.get(i).copied().unwrap_or(0)) - borrow;
        borrow = i64::from(t < 0);
        if t < 0 {
            t += 1 << 32;
        }
        limbs.push(t as u32);
    }
    Nat::trimmed(limbs)
}

fn mul(a: &Nat, b: &Nat) -> Nat {
    if a.is_zero() || b.is_zero() {
        return Nat::default();
    }
    let mut limbs = vec![0u32; a.0.len() + b.0.len()];
    for (i, &x) in a.0.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.0.iter().enumerate() {
            if let Some(slot) = limbs.get_mut(i + j) {
                let t = u64::from(x) * u64::from(y) + u64::from(*slot) + carry;
                *slot = t as u32;
                carry = t >> 32;
            }
        }
        if let Some(slot) = limbs.get_mut(i + b.0.len()) {
            *slot = carry as u32;
        }
    }
    Nat::trimmed(limbs)
}

fn shl(a: &Nat, bits: u64) -> Nat {
    if a.is_zero() {
        return Nat::default();
    }
    let (limbs_shift, bit_shift) = ((bits / 32) as usize, (bits % 32) as u32);
    let mut limbs = vec![0u32; limbs_shift];
    limbs.reserve(a.0.len() + 1);
    let mut carry = 0u32;
    for &x in &a.0 {
        if bit_shift == 0 {
            limbs.push(x);
        } else {
            limbs.push((x << bit_shift) | carry);
            carry = x >> (32 - bit_shift);
        }
    }
    limbs.push(carry);
    Nat::trimmed(limbs)
}

/// Implements a binary operator for the four combinations of owned and borrowed operands.
macro_rules! operator {
    ($trait:ident, $method:ident, $body:expr) => {
        impl $trait<&Nat> for &Nat {
            type Output = Nat;
            fn $method(self, other: &Nat) -> Nat {
                $body(self, other)
            }
        }
        impl $trait<Nat> for &Nat {
            type Output = Nat;
            fn $method(self, other: Nat) -> Nat {
                $body(self, &other)
            }
        }
        impl $trait<&Nat> for Nat {
            type Output = Nat;
            fn $method(self, other: &Nat) -> Nat {
                $body(&self, other)
            }
        }
        impl $trait<Nat> for Nat {
            type Output = Nat;
            fn $method(self, other: Nat) -> Nat {
                $body(&self, &other)
            }
        }
    };
}

operator!(Add, add, add);
operator!(Sub, sub, sub);
operator!(Mul, mul, mul);
operator!(Div, div, |a: &Nat, b: &Nat| a.divrem(b).0);

impl Rem<u32> for &Nat {
    type Output = Nat;
    fn rem(self, divisor: u32) -> Nat {
        Nat::from(self.divrem_small(divisor).1)
    }
}

impl Shl<u64> for &Nat {
    type Output = Nat;
    fn shl(self, bits: u64) -> Nat {
        shl(self, bits)
    }
}

impl Shl<u64> for Nat {
    type Output = Nat;
    fn shl(self, bits: u64) -> Nat {
        shl(&self, bits)
    }
}

impl Shl<u32> for Nat {
    type Output = Nat;
    fn shl(self, bits: u32) -> Nat {
        shl(&self, u64::from(bits))
    }
}

/// A signed integer of any size: a sign and a magnitude; zero is never negative.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Int {
    negative: bool,
    magnitude: Nat,
}

impl Int {
    /// `±magnitude`.
    pub(crate) fn new(negative: bool, magnitude: Nat) -> Self {
        Self {
            negative: negative && !magnitude.is_zero(),
            magnitude,
        }
    }

    /// Below zero.
    pub(crate) fn is_negative(&self) -> bool {
        self.negative
    }

    /// Zero.
    pub(crate) fn is_zero(&self) -> bool {
        self.magnitude.is_zero()
    }

    /// The absolute value.
    pub(crate) fn magnitude(&self) -> &Nat {
        &self.magnitude
    }

    /// −self.
    pub(crate) fn negated(&self) -> Self {
        Self::new(!self.negative, self.magnitude.clone())
    }

    /// The value as an `i128`, when it fits.
    pub(crate) fn to_i128(&self) -> Option<i128> {
        let magnitude = self.magnitude.to_u128()?;
        if self.negative {
            0i128.checked_sub_unsigned(magnitude)
        } else {
            i128::try_from(magnitude).ok()
        }
    }

    /// self + other.
    pub(crate) fn add(&self, other: &Self) -> Self {
        if self.negative == other.negative {
            return Self::new(self.negative, add(&self.magnitude, &other.magnitude));
        }
        match self.magnitude.cmp(&other.magnitude) {
            Ordering::Less => Self::new(other.negative, sub(&other.magnitude, &self.magnitude)),
            _ => Self::new(self.negative, sub(&self.magnitude, &other.magnitude)),
        }
    }

    /// self × other.
    pub(crate) fn mul(&self, other: &Self) -> Self {
        Self::new(
            self.negative != other.negative,
            mul(&self.magnitude, &other.magnitude),
        )
    }

    /// self × 10^exponent.
    pub(crate) fn scaled(&self, exponent: u32) -> Self {
        Self::new(
            self.negative,
            mul(&self.magnitude, &Nat::from(10u32).pow(exponent)),
        )
    }

    /// Floor division by a positive divisor: (quotient, remainder) with 0 ≤ remainder < divisor.
    pub(crate) fn floor_divrem(&self, divisor: &Nat) -> (Self, Nat) {
        let (q, r) = self.magnitude.divrem(divisor);
        if self.negative && !r.is_zero() {
            (Self::new(true, add(&q, &Nat::one())), sub(divisor, &r))
        } else {
            (Self::new(self.negative, q), r)
        }
    }
}

impl From<i128> for Int {
    fn from(value: i128) -> Self {
        Self::new(value < 0, Nat::from(value.unsigned_abs()))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.magnitude.cmp(&other.magnitude),
            (true, true) => other.magnitude.cmp(&self.magnitude),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nat(text: &str) -> Nat {
        text.parse().unwrap()
    }

    #[test]
    fn arithmetic_matches_u128() {
        let samples: [u128; 9] = [
            0,
            1,
            9,
            4_294_967_295,
            4_294_967_296,
            1_000_000_007,
            u64::MAX as u128,
            (u64::MAX as u128) * 3 + 12345,
            10u128.pow(30) + 7,
        ];
        for &a in &samples {
            assert_eq!(Nat::from(a).to_string(), a.to_string());
            assert_eq!(nat(&a.to_string()), Nat::from(a));
            for &b in &samples {
                let (x, y) = (Nat::from(a), Nat::from(b));
                assert_eq!((&x + &y).to_u128(), a.checked_add(b), "{a}+{b}");
                assert_eq!((&x - &y).to_u128(), Some(a.saturating_sub(b)), "{a}-{b}");
                if let Some(p) = a.checked_mul(b) {
                    assert_eq!((&x * &y).to_u128(), Some(p), "{a}*{b}");
                }
                let (q, r) = x.divrem(&y);
                let expected = match (a.checked_div(b), a.checked_rem(b)) {
                    (Some(q), Some(r)) => (q, r),
                    // Division by zero gives zero (documented above), never a panic.
                    _ => (0, 0),
                };
                assert_eq!(
                    (q.to_u128(), r.to_u128()),
                    (Some(expected.0), Some(expected.1)),
                    "{a}/{b}"
                );
                assert_eq!(x.cmp(&y), a.cmp(&b));
            }
        }
    }

    #[test]
    fn wide_values() {
        // (10^40 + 1) × (10^40 − 1) = 10^80 − 1, and back.
        let a = nat(&format!("1{}1", "0".repeat(39)));
        let b = nat(&"9".repeat(40));
        let p = &a * &b;
        assert_eq!(p.to_string(), "9".repeat(80));
        let (q, r) = p.divrem(&a);
        assert_eq!((q, r.is_zero()), (b.clone(), true));
        assert_eq!(
            Nat::from(10u32).pow(50).to_string(),
            format!("1{}", "0".repeat(50))
        );
        assert_eq!((Nat::one() << 130u64).bits(), 131);
        assert_eq!(
            (Nat::one() << 100u64).to_string(),
            "1267650600228229401496703205376"
        );
        let minus = Int::new(true, a.clone());
        let (q, r) = minus.floor_divrem(&Nat::from(3u32));
        // −(10^40 + 1) = 3 × q + r with 0 ≤ r < 3.
        assert_eq!(q.mul(&Int::from(3)).add(&Int::new(false, r.clone())), minus);
        assert!(r < Nat::from(3u32));
        assert_eq!(Int::from(i128::MIN).to_i128(), Some(i128::MIN));
        assert_eq!(Int::from(i128::MAX).add(&Int::from(1)).to_i128(), None);
        assert!(Int::from(-5) < Int::from(2));
        assert!(Int::from(-5) < Int::from(-2));
        assert!("".parse::<Nat>().is_err());
        assert!("1a".parse::<Nat>().is_err());
    }
}
