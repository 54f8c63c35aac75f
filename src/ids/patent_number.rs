//! Chinese patent application numbers (rules.md §5): accepted spellings, normalisation, the check
//! character and the type digit.
//!
//! Two forms exist: `YYYYTNNNNNNN.C` (12 digits, used from 2003-10-01) and `YYTNNNNN.C` (8 digits,
//! before). `T` is the type digit, `C` the check character: Σ digitᵢ × wᵢ mod 11 with weights
//! 2,3,4,5,6,7,8,9,2,3,4,5 (the first eight for the old form), where 10 is written `X`.

use crate::findings::{Code, Finding};
use crate::text::text;

/// Weights of the check-character sum, per digit position.
const WEIGHTS: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/// Old-form numbers of this year or earlier predate the check-character rule being applied
/// consistently, so a wrong check character there is only a warning (rules.md §5).
const LAST_TOLERATED_LEGACY_YEAR: i32 = 1992;

/// The kind of patent a number's type digit encodes (1 or 8 invention, 2 or 9 utility model, 3
/// design). The number's own type, so identifiers stand below the input model, which maps it to
/// its `PatentType` (`From<NumberKind>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// Invention (发明).
    Invention,
    /// Utility model (实用新型).
    UtilityModel,
    /// Design (外观设计).
    Design,
}

/// A well-formed CN application number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CnPatentNumber {
    normalised: String,
    filing_year: i32,
    kind: NumberKind,
    /// For old-form numbers of 1992 or earlier only: the check character the digits call for,
    /// when the given one differs (tolerated, reported as a warning).
    pub tolerated_check_mismatch: Option<char>,
}

impl CnPatentNumber {
    /// The canonical spelling, `YYYYTNNNNNNN.C` or `YYTNNNNN.C`.
    pub fn as_str(&self) -> &str {
        &self.normalised
    }

    /// The filing year encoded in the number.
    pub fn filing_year(&self) -> i32 {
        self.filing_year
    }

    /// The kind of patent the type digit encodes.
    pub fn kind(&self) -> NumberKind {
        self.kind
    }
}

/// Why a text is not an acceptable CN application number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not of either form (after removing prefixes, spaces and full-width forms).
    Malformed,
    /// Well-formed, but the check character is wrong.
    WrongCheck {
        /// The normalised digits with the given check character.
        normalised: String,
        /// The check character the digits call for.
        expected: char,
    },
}

impl NumberError {
    /// The finding this error becomes at `path`, quoting the number as `given`. One wording for
    /// the input reader and the live feedback of `normalize_patent_number`.
    pub fn finding(&self, path: impl Into<String>, given: &str) -> Finding {
        match self {
            NumberError::Malformed => {
                let shown = crate::findings::shorten(given);
                Finding::error(
                    path,
                    Code::PatentNumberMalformed,
                    text!(
                        "“{shown}”不是有效的中国专利申请号（应为 YYYYTNNNNNNN.C 或 YYTNNNNN.C）",
                        "“{shown}” is not a Chinese application number (YYYYTNNNNNNN.C or YYTNNNNN.C)"
                    ),
                )
            }
            NumberError::WrongCheck { normalised, expected } => Finding::error(
                path,
                Code::PatentNumberCheck,
                text!(
                    "申请号 {normalised} 的校验位有误（按前面的数字应为 {expected}）",
                    "application number {normalised} has a wrong check character (the digits call for {expected})"
                ),
            ),
        }
    }
}

/// Normalises any accepted spelling: `ZL`/`CN` prefixes, spaces, full-width characters, lower-case
/// `x`, and a missing dot are all accepted.
pub fn normalise(text: &str) -> Result<CnPatentNumber, NumberError> {
    let folded = crate::fold::number_key(text);
    let body = folded
        .strip_prefix("ZL")
        .or_else(|| folded.strip_prefix("CN"))
        .unwrap_or(&folded);
    let (digits, check) = split_check(body).ok_or(NumberError::Malformed)?;
    let (filing_year, type_digit) = match digits.len() {
        12 => (
            parse_u32(digits.get(0..4))? as i32,
            digits.as_bytes().get(4).copied(),
        ),
        8 => {
            let two = parse_u32(digits.get(0..2))? as i32;
            let year = if two >= 85 { 1900 + two } else { 2000 + two };
            (year, digits.as_bytes().get(2).copied())
        }
        _ => return Err(NumberError::Malformed),
    };
    let valid_year = match digits.len() {
        12 => (2003..=2100).contains(&filing_year),
        _ => (1985..=2003).contains(&filing_year),
    };
    if !valid_year {
        return Err(NumberError::Malformed);
    }
    let kind = match type_digit {
        Some(b'1' | b'8') => NumberKind::Invention,
        Some(b'2' | b'9') => NumberKind::UtilityModel,
        Some(b'3') => NumberKind::Design,
        _ => return Err(NumberError::Malformed),
    };
    let expected = check_character(digits).ok_or(NumberError::Malformed)?;
    // Built by hand, not with `format!`: every patent and every link is normalised.
    let mut normalised = String::with_capacity(digits.len() + 2);
    normalised.push_str(digits);
    normalised.push('.');
    normalised.push(check);
    let mut number = CnPatentNumber {
        normalised,
        filing_year,
        kind,
        tolerated_check_mismatch: None,
    };
    if expected != check {
        if digits.len() == 8 && filing_year <= LAST_TOLERATED_LEGACY_YEAR {
            number.tolerated_check_mismatch = Some(expected);
        } else {
            return Err(NumberError::WrongCheck {
                normalised: number.normalised,
                expected,
            });
        }
    }
    Ok(number)
}

/// The check character for 8 or 12 ASCII digits.
pub fn check_character(digits: &str) -> Option<char> {
    if !(digits.len() == 8 || digits.len() == 12) {
        return None;
    }
    let mut sum = 0u32;
    for (c, weight) in digits.chars().zip(WEIGHTS) {
        sum += c.to_digit(10)? * weight;
    }
    match sum % 11 {
        10 => Some('X'),
        r => char::from_digit(r, 10),
    }
}

/// Splits `DIGITS.C` or `DIGITSC` into the digits and the check character.
fn split_check(body: &str) -> Option<(&str, char)> {
    let (digits, check) = match body.split_once('.') {
        Some((digits, check)) => (digits, check),
        None => {
            let split = body.len().checked_sub(1)?;
            (body.get(..split)?, body.get(split..)?)
        }
    };
    let mut check_chars = check.chars();
    let check_char = check_chars.next()?;
    if check_chars.next().is_some() || !(check_char.is_ascii_digit() || check_char == 'X') {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits, check_char))
}

fn parse_u32(text: Option<&str>) -> Result<u32, NumberError> {
    text.and_then(|t| t.parse().ok())
        .ok_or(NumberError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_numbers_from_the_spec_are_valid() {
        for (number, kind) in [
            ("202010566088.9", NumberKind::Invention),
            ("201510958772.0", NumberKind::Invention),
            ("201811564288.X", NumberKind::Invention),
            ("200710308494.X", NumberKind::Invention),
            ("200630161199.2", NumberKind::Design),
            ("97101765.4", NumberKind::Invention),
            ("98211883.X", NumberKind::UtilityModel),
            ("90101673.X", NumberKind::Invention),
            ("02216572.X", NumberKind::UtilityModel),
        ] {
            let parsed = normalise(number).unwrap();
            assert_eq!(parsed.as_str(), number);
            assert_eq!(parsed.kind(), kind, "{number}");
            assert_eq!(parsed.tolerated_check_mismatch, None, "{number}");
        }
    }

    #[test]
    fn wrong_check_character_is_an_error_with_the_expected_one() {
        assert_eq!(
            normalise("202310123456.7"),
            Err(NumberError::WrongCheck {
                normalised: "202310123456.7".into(),
                expected: '6'
            })
        );
        assert!(normalise("202310123456.6").is_ok());
    }

    #[test]
    fn accepted_spellings_normalise_to_one_form() {
        for spelling in [
            "ZL 2020 1 0566088.9",
            "CN202010566088.9",
            "zl202010566088.9",
            "２０２０１０５６６０８８．９",
            "ＺＬ２０２０１０５６６０８８．９",
            "2020105660889",
            " 2020 1056 6088 . 9 ",
        ] {
            assert_eq!(
                normalise(spelling).unwrap().as_str(),
                "202010566088.9",
                "{spelling}"
            );
        }
        assert_eq!(
            normalise("201811564288.x").unwrap().as_str(),
            "201811564288.X"
        );
        assert_eq!(normalise("ZL98211883x").unwrap().as_str(), "98211883.X");
    }

    #[test]
    fn legacy_numbers_of_1992_or_earlier_tolerate_a_wrong_check_character() {
        let parsed = normalise("90101673.1").unwrap();
        assert_eq!(parsed.tolerated_check_mismatch, Some('X'));
        assert!(matches!(
            normalise("93101765.0"),
            Err(NumberError::WrongCheck { .. })
        ));
    }

    #[test]
    fn malformed_numbers_are_rejected() {
        for text in [
            "",
            "ZL",
            "2020105660",
            "202010566088.99",
            "202010566088.A",
            "2020A0566088.9",
            "202040566088.9",
            "199910566088.9",
            "50101673.X",
            "CN1234567A",
            "US10000000",
            "2020.10566088.9",
        ] {
            assert_eq!(normalise(text), Err(NumberError::Malformed), "{text:?}");
        }
    }
}
