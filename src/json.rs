//! A strict JSON (RFC 8259) reader into [`serde_json::Value`], keeping every number's text exactly
//! as written (the crate enables serde_json's `arbitrary_precision`).
//!
//! Why not `serde_json::from_str`: its generic deserializer, together with the float formatting
//! its error messages link in, is about 17 KB gzip of the WebAssembly module, an eighth of the
//! size budget, to read one tree-shaped value. Reports are still written with serde_json. The
//! tests check that both readers accept and reject the same documents and build equal values.

use serde_json::{Map, Number, Value};

/// Deepest nesting of arrays and objects accepted, as with serde_json: bounded recursion
/// keeps a hostile document from exhausting the stack (which would trap the WebAssembly module).
const MAX_DEPTH: usize = 127;

/// Where a document stops being JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    line: usize,
    column: usize,
}

impl ParseError {
    /// One-based line of the offending character.
    pub fn line(&self) -> usize {
        self.line
    }

    /// One-based column (in bytes) of the offending character.
    pub fn column(&self) -> usize {
        self.column
    }
}

/// Parses a whole JSON document (white space around it allowed, nothing else).
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let parsed = reader.value(0).and_then(|value| {
        reader.skip_space();
        if reader.at == reader.bytes.len() {
            Ok(value)
        } else {
            Err(())
        }
    });
    parsed.map_err(|()| reader.error())
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
}

type Step<T> = Result<T, ()>;

impl Reader<'_> {
    fn error(&self) -> ParseError {
        let at = self.at.min(self.bytes.len());
        let before = self.bytes.get(..at).unwrap_or_default();
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = if at == self.bytes.len() {
            at - line_start
        } else {
            at - line_start + 1
        };
        ParseError { line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Step<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(())
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Step<Value> {
        for &byte in word.as_bytes() {
            self.expect(byte)?;
        }
        Ok(value)
    }

    fn value(&mut self, depth: usize) -> Step<Value> {
        self.skip_space();
        match self.peek().ok_or(())? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(Value::String),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(()),
        }
    }

    fn array(&mut self, depth: usize) -> Step<Value> {
        if depth > MAX_DEPTH {
            return Err(());
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Step<Value> {
        if depth > MAX_DEPTH {
            return Err(());
        }
        self.at += 1;
        let mut map = Map::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(());
            }
            let key = self.string()?;
            self.skip_space();
            self.expect(b':')?;
            let value = self.value(depth)?;
            // A repeated member replaces the earlier one, as in serde_json.
            map.insert(key, value);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(()),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Step<Value> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(()),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(());
            }
        }
        let text = self.text.get(start..self.at).ok_or(())?;
        text.parse::<Number>().map(Value::Number).map_err(|_| ())
    }

    fn hex4(&mut self) -> Step<u32> {
        let digits = self.text.get(self.at..self.at + 4).ok_or(())?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(());
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| ())
    }

    fn string(&mut self) -> Step<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The input is a &str and the run stops only at ASCII bytes, so it is whole UTF-8.
            out.push_str(self.text.get(start..self.at).ok_or(())?);
            match self.peek().ok_or(())? {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = self.peek().ok_or(())?;
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => {
                            self.at -= 1;
                            return Err(());
                        }
                    };
                    out.push(c);
                }
                // A control character must be escaped.
                _ => return Err(()),
            }
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` read), joining a surrogate pair; a lone
    /// surrogate is an error, as in serde_json.
    fn unicode_escape(&mut self) -> Step<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                self.expect(b'\\')?;
                self.expect(b'u')?;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(());
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(()),
            other => other,
        };
        char::from_u32(code).ok_or(())
    }
}

// Native only: the references compared with (and proptest) are native dev-dependencies.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same_as_serde_json(text: &str) {
        let ours = parse(text).ok();
        let theirs = serde_json::from_str::<Value>(text).ok();
        assert_eq!(ours, theirs, "{text:?}");
    }

    #[test]
    fn agrees_with_serde_json_on_valid_and_invalid_documents() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "-0.0e-0",
            "12.50",
            "1E400",
            "123456789012345678901234567890.123456789",
            r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#,
            r#"{"a":1,"a":2}"#,
            r#"{"b":[1,{"c":null}],"a":"x"}"#,
            "[]",
            "{}",
            "[1,2,]",
            "{,}",
            r#"{"a":1,}"#,
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "-",
            "NaN",
            "Infinity",
            "\"\u{1}\"",
            r#""\ud800""#,
            r#""\udc00x""#,
            r#""\x""#,
            "[1] 2",
            "",
            "   ",
            "tru",
            "nul",
            "{\"a\" 1}",
            "\"unterminated",
            "\u{feff}{}",
        ] {
            same_as_serde_json(text);
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(127)).is_ok());
        assert!(parse(&deep(128)).is_err());
        assert!(parse(&deep(100_000)).is_err());
        same_as_serde_json(&deep(128));
        same_as_serde_json(&deep(127));
    }

    #[test]
    fn reports_line_and_column_of_the_offending_character() {
        let error = parse("{\n  \"a\": 1,\n  \"b\": ?\n}").unwrap_err();
        assert_eq!((error.line(), error.column()), (3, 8));
        let error = parse("[1,").unwrap_err();
        assert_eq!((error.line(), error.column()), (1, 3));
    }

    #[test]
    fn every_example_and_case_file_reads_the_same() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["examples", "tests/cases", "packs"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    same_as_serde_json(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn agrees_with_serde_json_on_random_text(text in r#"[\[\]{}",:0-9eE.+\-a-z\\ ]{0,24}"#) {
            let ours = parse(&text).ok();
            let theirs = serde_json::from_str::<Value>(&text).ok();
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }

        #[test]
        fn agrees_with_serde_json_on_random_values(value in arbitrary_json()) {
            let text = serde_json::to_string_pretty(&value).unwrap();
            prop_assert_eq!(parse(&text).ok(), Some(value));
        }
    }

    fn arbitrary_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,12})?([eE][+-]?[0-9]{1,3})?"
                .prop_map(|n| Value::Number(n.parse().unwrap())),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
