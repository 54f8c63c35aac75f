//! A compact JSON serializer for the engine's own types: the bytes serde_json's compact
//! serializer writes (the same string escaping, integers, `null`s, enum and map layouts,
//! arbitrary-precision numbers as their text), into a byte buffer that cannot fail.
//!
//! Why not serde_json's: every `Serialize` impl is compiled once per serializer, and serde_json's
//! threads an `io::Error` through every write and escapes every field name at run time; the
//! WebAssembly module compiles all of that for each type it returns to JavaScript (findings,
//! packs, the catalogue, the import, the verification), and for the walker's quoting of a
//! value it refuses. This one is smaller (docs/wasm.md, Size). Its string escaping and digits
//! are also what the report's own writer (`report/write.rs`) writes with. It knows nothing of the
//! engine's types, so it sits in the bottom layer, below the reader and the report.
//! That the bytes are the same is tested on the findings of every conformance case
//! (tests/report_v2.rs) and on the values below (unit tests).
//!
//! Floats are refused (the engine has none; exact decimals travel as strings), as are map keys
//! that are not strings: the call then answers `None`.

use std::fmt;

use serde::ser::{self, Serialize};

/// The token serde_json's `arbitrary_precision` feature serialises a number through: a struct of
/// that name with one field of that name holding the number's text, written as it is.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Compact JSON of `value`, or `None` when it holds a float or a map key that is not a string.
// What the bindings (wasm32) return, and the tests' reference.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let mut out = String::new();
    value.serialize(&mut Writer { out: &mut out }).ok()?;
    Some(out)
}

/// Appends the compact JSON of `value` to `out`; `false` (with `out` as far as it got) when it
/// holds a float or a map key that is not a string.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T, out: &mut String) -> bool {
    value.serialize(&mut Writer { out }).is_ok()
}

/// What cannot be written: a float, or a map key that is not a string.
#[derive(Debug)]
pub(crate) struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not serialisable as the engine's JSON")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

type Done = Result<(), Unsupported>;

// Into a `String`, not bytes: everything written is text or ASCII punctuation, so the result
// needs no UTF-8 check at the end (for a report, a pass over megabytes).
struct Writer<'o> {
    out: &'o mut String,
}

impl Writer<'_> {
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// A JSON string, escaped as serde_json escapes it.
    fn string(&mut self, text: &str) {
        escape(self.out, text);
    }

    fn unsigned(&mut self, value: u64) {
        digits(self.out, false, value);
    }

    fn signed(&mut self, value: i64) {
        digits(self.out, value < 0, value.unsigned_abs());
    }

    /// `{"variant":` — the opening of an externally tagged enum's value.
    fn tag(&mut self, variant: &str) {
        self.raw("{");
        self.string(variant);
        self.raw(":");
    }
}

/// An array, an object or a struct being written.
struct Compound<'w, 'o> {
    writer: &'w mut Writer<'o>,
    first: bool,
    /// Whether this is an arbitrary-precision number (its one field written as it is).
    number: bool,
    /// What closes it: `]`, `}` or `}}` (an enum variant's value inside its tag).
    close: &'static str,
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.writer.raw(",");
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.comma();
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        if self.number {
            return value.serialize(NumberText {
                out: &mut *self.writer.out,
            });
        }
        self.comma();
        self.writer.string(key);
        self.writer.raw(":");
        value.serialize(&mut *self.writer)
    }

    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.comma();
        let at = self.writer.out.len();
        key.serialize(&mut *self.writer)?;
        // Only string keys make a JSON object (serde_json quotes numbers; none are used here).
        if self.writer.out.as_bytes().get(at) != Some(&b'"') {
            return Err(Unsupported);
        }
        self.writer.raw(":");
        Ok(())
    }

    fn finish(self) -> Done {
        self.writer.raw(self.close);
        Ok(())
    }
}

impl<'w, 'o> ser::Serializer for &'w mut Writer<'o> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'w, 'o>;
    type SerializeTuple = Compound<'w, 'o>;
    type SerializeTupleStruct = Compound<'w, 'o>;
    type SerializeTupleVariant = Compound<'w, 'o>;
    type SerializeMap = Compound<'w, 'o>;
    type SerializeStruct = Compound<'w, 'o>;
    type SerializeStructVariant = Compound<'w, 'o>;

    fn serialize_bool(self, v: bool) -> Done {
        self.raw(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.unsigned(v);
        Ok(())
    }
    // The trait has them; floats are refused (clippy.toml bans them in the core).
    #[allow(clippy::disallowed_types)]
    fn serialize_f32(self, _: f32) -> Done {
        Err(Unsupported)
    }
    #[allow(clippy::disallowed_types)]
    fn serialize_f64(self, _: f64) -> Done {
        Err(Unsupported)
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Done {
        self.raw("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.tag(variant);
        value.serialize(&mut *self)?;
        self.raw("}");
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w, 'o>, Unsupported> {
        self.raw("[");
        Ok(Compound {
            writer: self,
            first: true,
            number: false,
            close: "]",
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'o>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'o>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'o>, Unsupported> {
        self.tag(variant);
        self.raw("[");
        Ok(Compound {
            writer: self,
            first: true,
            number: false,
            close: "]}",
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'w, 'o>, Unsupported> {
        self.raw("{");
        Ok(Compound {
            writer: self,
            first: true,
            number: false,
            close: "}",
        })
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'o>, Unsupported> {
        if name == NUMBER_TOKEN {
            return Ok(Compound {
                writer: self,
                first: true,
                number: true,
                close: "",
            });
        }
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'o>, Unsupported> {
        self.tag(variant);
        self.raw("{");
        Ok(Compound {
            writer: self,
            first: true,
            number: false,
            close: "}}",
        })
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.key(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        self.finish()
    }
}

/// Writes the text of an arbitrary-precision number as it is: the one field of serde_json's
/// number token is that text. Anything else is refused.
struct NumberText<'o> {
    out: &'o mut String,
}

impl ser::Serializer for NumberText<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Done {
        self.out.push_str(v);
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Done {
        Err(Unsupported)
    }
    fn serialize_i64(self, _: i64) -> Done {
        Err(Unsupported)
    }
    fn serialize_u64(self, _: u64) -> Done {
        Err(Unsupported)
    }
    fn serialize_i8(self, _: i8) -> Done {
        Err(Unsupported)
    }
    fn serialize_i16(self, _: i16) -> Done {
        Err(Unsupported)
    }
    fn serialize_i32(self, _: i32) -> Done {
        Err(Unsupported)
    }
    fn serialize_u8(self, _: u8) -> Done {
        Err(Unsupported)
    }
    fn serialize_u16(self, _: u16) -> Done {
        Err(Unsupported)
    }
    fn serialize_u32(self, _: u32) -> Done {
        Err(Unsupported)
    }
    // The trait has them; floats are refused (clippy.toml bans them in the core).
    #[allow(clippy::disallowed_types)]
    fn serialize_f32(self, _: f32) -> Done {
        Err(Unsupported)
    }
    #[allow(clippy::disallowed_types)]
    fn serialize_f64(self, _: f64) -> Done {
        Err(Unsupported)
    }
    fn serialize_char(self, _: char) -> Done {
        Err(Unsupported)
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Done {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Done {
        Err(Unsupported)
    }
    fn serialize_unit(self) -> Done {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Err(Unsupported)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Err(Unsupported)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Done {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Done {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the control
/// characters (`\b \t \n \f \r` by name, the rest as `\u00xx` in lower-case hex), nothing else.
#[inline(never)]
pub(crate) fn escape(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push('"');
    // Runs of bytes that need no escape (nearly all of a report) are found eight at a time and
    // copied in one go: the byte-by-byte scan was the largest single cost of writing a report.
    // Every byte escaped is ASCII, so the runs between them are whole characters.
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let word = bytes
            .get(at..at + 8)
            .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok());
        match word {
            Some(word) if clean(u64::from_le_bytes(word)) => at += 8,
            Some(_) => {
                for _ in 0..8 {
                    escape_byte(out, text, &mut start, at);
                    at += 1;
                }
            }
            None => {
                // The last few bytes, padded with spaces (which need no escape) to a word.
                let rest = bytes.get(at..).unwrap_or_default();
                let mut word = [b' '; 8];
                for (slot, byte) in word.iter_mut().zip(rest) {
                    *slot = *byte;
                }
                if !clean(u64::from_le_bytes(word)) {
                    for at in at..bytes.len() {
                        escape_byte(out, text, &mut start, at);
                    }
                }
                break;
            }
        }
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

/// Whether none of the eight bytes of `word` needs an escape: no control character, `"` or
/// `\` (the classic "has a byte less than n" and "has a zero byte" tests, exact as a yes/no).
#[inline]
fn clean(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let quote = zero(word ^ (ONES * u64::from(b'"')));
    let backslash = zero(word ^ (ONES * u64::from(b'\\')));
    control | quote | backslash == 0
}

/// Escapes the byte at `at` if it needs it: the text since `start` is copied first, and `start`
/// moves past the byte.
#[inline]
fn escape_byte(out: &mut String, text: &str, start: &mut usize, at: usize) {
    let Some(&byte) = text.as_bytes().get(at) else {
        return;
    };
    let named = match byte {
        b'"' => '"',
        b'\\' => '\\',
        0x08 => 'b',
        0x09 => 't',
        0x0a => 'n',
        0x0c => 'f',
        0x0d => 'r',
        0x00..=0x1f => '0',
        _ => return,
    };
    out.push_str(text.get(*start..at).unwrap_or_default());
    *start = at + 1;
    out.push('\\');
    if named == '0' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push_str("u00");
        out.push(if byte >= 0x10 { '1' } else { '0' });
        out.push(char::from(
            HEX.get(usize::from(byte & 0x0f)).copied().unwrap_or(b'0'),
        ));
    } else {
        out.push(named);
    }
}

/// Appends a whole number in decimal, as itoa writes it: `-` when `negative`, then the digits
/// of `magnitude`.
#[inline(never)]
pub(crate) fn digits(out: &mut String, negative: bool, mut magnitude: u64) {
    if negative {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(digit) = digits.get_mut(at) {
            *digit = b'0' + (magnitude % 10) as u8;
        }
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    let digits = digits.get(at..).unwrap_or_default();
    out.push_str(std::str::from_utf8(digits).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn same(value: &impl Serialize) {
        assert_eq!(to_string(value), serde_json::to_string(value).ok());
    }

    #[test]
    fn escapes_at_every_position_of_a_word() {
        // The eight-at-a-time scan: every escaped byte, before, inside and after a clean word,
        // beside multi-byte characters.
        for special in [
            "\"",
            "\\",
            "\n",
            "\u{1}",
            "\u{1f}",
            "\u{7f}",
            " ",
            "专",
            "\u{10000}",
        ] {
            for before in 0..18 {
                let text = format!("{}{special}{}", "a".repeat(before), "é".repeat(before % 5));
                let mut out = String::new();
                escape(&mut out, &text);
                assert_eq!(Some(out), serde_json::to_string(&text).ok());
            }
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let awkward: String = (0u8..0x20)
            .map(char::from)
            .chain("\"\\/\u{7f}专利 é".chars())
            .collect();
        same(&json!({
            "a": [1, -2, 0, 18446744073709551615u64, -9223372036854775808i64],
            "n": serde_json::Number::from_string_unchecked("123.4500000000000000001".into()),
            "s": awkward,
            "e": [],
            "o": {},
            "t": true,
            "f": false,
            "z": null,
        }));
        same(&(1u8, 'x', Some("y"), None::<i32>, ()));
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            Newtype(u32),
            Tuple(i8, i16),
            Struct { a: u16 },
        }
        same(&[E::Unit, E::Newtype(7), E::Tuple(-1, 2), E::Struct { a: 3 }]);
        let mut map = std::collections::BTreeMap::new();
        map.insert("k\"ey", vec![i32::MIN, i32::MAX]);
        same(&map);
        same(&crate::validate("{\"products\": 1}"));
        same(&crate::catalogue());
        same(&crate::packs());
        same(&crate::import::import_patents_csv(
            "申请号,申请日,名称,法律状态\n202010566088.9,2020-06-18,A \"B\",授权\nx,y,z,w\n",
        ));
        let example = include_str!("../examples/fuzhou-bogie-monitor.json");
        let report = crate::assess(example, &crate::Options::default()).to_json();
        let changed = report.replacen("\"qualifies\"", "\"undetermined\"", 1);
        for answer in [
            crate::verify(example, &report, crate::VerifyOptions::default()),
            crate::verify(example, &changed, crate::VerifyOptions::default()),
        ] {
            same(&answer);
        }
    }

    #[test]
    fn refuses_floats_and_keys_that_are_not_strings() {
        #[allow(clippy::disallowed_types)]
        let float: f64 = 1.5;
        assert_eq!(to_string(&float), None);
        let mut map = std::collections::BTreeMap::new();
        map.insert(1, 2);
        assert_eq!(to_string(&map), None);
    }
}
