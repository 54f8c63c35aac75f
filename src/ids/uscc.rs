//! Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
//! alphabet (digits and upper-case letters without I, O, S, V, Z); the last is a check character.

/// The code's alphabet; a character's value is its position.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of the first 17 characters (3ⁱ mod 31).
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Why a text is not a valid USCC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsccError {
    /// Not 18 characters of the alphabet.
    Malformed,
    /// Well-formed, but the check character is wrong; carries the expected one.
    WrongCheck {
        /// The check character the first 17 call for.
        expected: char,
    },
}

/// Checks a USCC as given (after trimming; lower-case letters are accepted and upper-cased).
/// Returns the canonical upper-case spelling.
pub fn check(text: &str) -> Result<String, UsccError> {
    let code: String = text.trim().to_ascii_uppercase();
    if code.chars().count() != 18 {
        return Err(UsccError::Malformed);
    }
    let mut sum = 0u32;
    let mut given_check = None;
    for (position, c) in code.chars().enumerate() {
        let value = value_of(c).ok_or(UsccError::Malformed)?;
        match WEIGHTS.get(position) {
            Some(weight) => sum += value * weight,
            None => given_check = Some(c),
        }
    }
    let expected_value = (31 - sum % 31) % 31;
    let expected = ALPHABET
        .chars()
        .nth(expected_value as usize)
        .ok_or(UsccError::Malformed)?;
    if given_check == Some(expected) {
        Ok(code)
    } else {
        Err(UsccError::WrongCheck { expected })
    }
}

fn value_of(c: char) -> Option<u32> {
    ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|p| u32::try_from(p).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_codes_pass() {
        for code in [
            "914403001922038216",
            "91350100M000100Y43",
            "11100000000013127D",
        ] {
            assert_eq!(check(code), Ok(code.to_string()), "{code}");
        }
        assert_eq!(
            check(" 91350100m000100y43 "),
            Ok("91350100M000100Y43".to_string())
        );
    }

    #[test]
    fn wrong_check_character_names_the_expected_one() {
        assert_eq!(
            check("914403001922038217"),
            Err(UsccError::WrongCheck { expected: '6' })
        );
    }

    #[test]
    fn malformed_codes_are_rejected() {
        for code in [
            "",
            "91440300192203821",
            "9144030019220382166",
            "91440300192203821I",
            "9144030019220382１6",
        ] {
            assert_eq!(check(code), Err(UsccError::Malformed), "{code}");
        }
    }
}
