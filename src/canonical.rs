//! RFC 8785 JSON Canonicalization Scheme (JCS) and SHA-256 digests of canonical forms: what ties a
//! report to its input and to its rule pack.
//!
//! Written here rather than taken from a crate because the input is parsed with exact
//! (arbitrary-precision) numbers, which the JCS crates do not accept; the scheme itself is short.
//! It reads the reader's own tree ([`crate::read::json::Value`]), so the input's digest is taken
//! from the tree the model is read from.

use crate::read::json::{Object, Value, SMALL_OBJECT};
use sha2::{Digest, Sha256};

/// The RFC 8785 canonical form of a JSON value.
///
/// Numbers are written as ECMAScript writes the IEEE 754 double nearest to them (RFC 8785 §3.2.2.3),
/// which is what makes the form canonical across implementations; this affects only the digest,
/// never the rules, which read every amount exactly.
pub fn canonical_json(value: &Value) -> String {
    let mut out = Out {
        buf: Vec::new(),
        hasher: None,
    };
    write_value(value, &mut out);
    // Only whole `&str`s and ASCII escapes are ever appended, so the bytes are UTF-8; the empty
    // fallback is unreachable.
    String::from_utf8(out.buf).unwrap_or_default()
}

/// Lower-case hexadecimal SHA-256 of the canonical form of `value`: the same as
/// `sha256_hex(canonical_json(value).as_bytes())`, streamed into the hasher without building the
/// whole form.
pub fn canonical_sha256_hex(value: &Value) -> String {
    let mut hasher = Sha256::new();
    let mut out = Out {
        buf: Vec::with_capacity(FLUSH_AT + 256),
        hasher: Some(&mut hasher),
    };
    write_value(value, &mut out);
    out.flush();
    hex(&hasher.finalize())
}

/// Lower-case hexadecimal SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(bytes);
    hex(&hasher.finalize())
}

fn hex(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(64);
    for byte in digest {
        for nibble in [byte >> 4, byte & 0xf] {
            hex.push(char::from(
                HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    hex
}

/// Bytes buffered before they are handed to the hasher.
const FLUSH_AT: usize = 8192;

/// Where the canonical form goes: a buffer that is either the result or, with a hasher, flushed
/// into it as it fills.
struct Out<'a> {
    buf: Vec<u8>,
    hasher: Option<&'a mut Sha256>,
}

impl Out<'_> {
    fn push_str(&mut self, text: &str) {
        self.push_bytes(text.as_bytes());
    }

    fn push_bytes(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= FLUSH_AT && self.hasher.is_some() {
            self.flush();
        }
    }

    fn push_byte(&mut self, byte: u8) {
        self.buf.push(byte);
    }

    fn flush(&mut self) {
        if let Some(hasher) = self.hasher.as_deref_mut() {
            hasher.update(&self.buf);
            self.buf.clear();
        }
    }
}

fn write_value(value: &Value, out: &mut Out<'_>) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => write_number(number.as_str(), out),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => {
            out.push_byte(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_byte(b',');
                }
                write_value(item, out);
            }
            out.push_byte(b']');
        }
        Value::Object(object) => {
            out.push_byte(b'{');
            write_object(object, out);
            out.push_byte(b'}');
        }
    }
}

/// The members of `object` in RFC 8785 §3.2.3's order: by their names' UTF-16 code units. That is
/// the names' byte order unless a name holds a character above U+FFFF (a surrogate pair sorts
/// below U+E000..U+FFFF in UTF-16), so only then are the names compared as UTF-16.
fn write_object(object: &Object<'_>, out: &mut Out<'_>) {
    let utf16 = object.keys().any(|name| name.bytes().any(|b| b >= 0xF0));
    if object.len() <= SMALL_OBJECT {
        // An insertion sort on the stack: no allocation per object. Larger objects are the ones
        // the reader indexed by name, so their byte order is at hand.
        let mut members: [Option<(&str, &Value)>; SMALL_OBJECT] = [None; SMALL_OBJECT];
        for (slot, member) in members.iter_mut().zip(object.iter()) {
            *slot = Some(member);
        }
        let members = members.get_mut(..object.len()).unwrap_or_default();
        for end in 1..members.len() {
            let mut at = end;
            while at > 0 && entry_before(members, at, at - 1, utf16) {
                members.swap(at, at - 1);
                at -= 1;
            }
        }
        write_members(members.iter().flatten().copied(), out);
    } else if !utf16 {
        // A large object keeps its members' byte order.
        write_members(object.iter_sorted(), out);
    } else {
        let mut members: Vec<Option<(&str, &Value)>> = object.iter().map(Some).collect();
        sort_members(&mut members, utf16);
        write_members(members.into_iter().flatten(), out);
    }
}

fn name_before(a: &str, b: &str, utf16: bool) -> bool {
    if utf16 {
        a.encode_utf16().lt(b.encode_utf16())
    } else {
        a < b
    }
}

/// Whether the member at `a` sorts before the one at `b`.
fn entry_before(members: &[Option<(&str, &Value)>], a: usize, b: usize, utf16: bool) -> bool {
    match (members.get(a), members.get(b)) {
        (Some(Some(a)), Some(Some(b))) => name_before(a.0, b.0, utf16),
        _ => false,
    }
}

/// Sorts members by their names (UTF-16 code units when `utf16`). A heap sort: the names of an
/// object are unique, so stability cannot matter, and it is O(n log n) like the standard sorts
/// (an object may hold a million members) at a fraction of the code the standard library's
/// stable sort adds to the WebAssembly module (about 4 KB; docs/wasm.md).
fn sort_members(members: &mut [Option<(&str, &Value)>], utf16: bool) {
    let len = members.len();
    for root in (0..len / 2).rev() {
        sift_down(members, root, len, utf16);
    }
    for end in (1..len).rev() {
        members.swap(0, end);
        sift_down(members, 0, end, utf16);
    }
}

/// Moves the member at `root` down the heap `members[..end]` until both its children sort
/// before it.
fn sift_down(members: &mut [Option<(&str, &Value)>], mut root: usize, end: usize, utf16: bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && entry_before(members, child, child + 1, utf16) {
            child += 1;
        }
        if !entry_before(members, root, child, utf16) {
            return;
        }
        members.swap(root, child);
        root = child;
    }
}

fn write_members<'v>(members: impl Iterator<Item = (&'v str, &'v Value<'v>)>, out: &mut Out<'_>) {
    for (i, (name, member)) in members.enumerate() {
        if i > 0 {
            out.push_byte(b',');
        }
        write_string(name, out);
        out.push_byte(b':');
        write_value(member, out);
    }
}

fn write_number(written: &str, out: &mut Out<'_>) {
    // JSON cannot hold NaN or infinities; a number too large for a double becomes infinity, which
    // ECMAScript cannot serialise either: it is written as `null`, as JSON.stringify does.
    match crate::es_number::es_number(written) {
        Some(text) => out.push_str(&text),
        None => out.push_str("null"),
    }
}

fn write_string(text: &str, out: &mut Out<'_>) {
    out.push_byte(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => b"",
            _ => continue,
        };
        out.push_bytes(bytes.get(start..i).unwrap_or_default());
        start = i + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let low = HEX.get(usize::from(byte & 0xf)).copied().unwrap_or(b'0');
            out.push_bytes(&[b'\\', b'u', b'0', b'0', b'0' + (byte >> 4), low]);
        } else {
            out.push_bytes(escape);
        }
    }
    out.push_bytes(bytes.get(start..).unwrap_or_default());
    out.push_byte(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heap_sort_orders_members_as_a_sort_by_utf16_does() {
        let pieces = [
            "a",
            "\u{ffff}",
            "\u{1f600}",
            "\u{e000}",
            "z",
            "\u{10000}",
            "é",
            "",
        ];
        let names: Vec<String> = (0..400)
            .map(|i: usize| {
                let mut name = String::new();
                for k in 0..(i % 4 + 1) {
                    name.push_str(pieces[(i * 7 + k * 3 + i / 5) % pieces.len()]);
                }
                name.push_str(&i.to_string());
                name
            })
            .collect();
        let value = Value::Null;
        for len in [0, 1, 2, 3, 10, 400] {
            let mut ours: Vec<Option<(&str, &Value)>> = names
                .iter()
                .take(len)
                .map(|n| Some((n.as_str(), &value)))
                .collect();
            let mut expected = ours.clone();
            expected.sort_by(|a, b| {
                let (a, b) = (a.unwrap().0, b.unwrap().0);
                a.encode_utf16().cmp(b.encode_utf16())
            });
            sort_members(&mut ours, true);
            let names = |members: &[Option<(&str, &Value)>]| -> Vec<String> {
                members.iter().map(|m| m.unwrap().0.to_string()).collect()
            };
            assert_eq!(names(&ours), names(&expected), "{len} members");
        }
    }

    fn canon(json: &str) -> String {
        canonical_json(&crate::read::json::read(json).unwrap().value)
    }

    #[test]
    fn rfc_8785_examples() {
        // RFC 8785 §3.2.2.3 number examples and §3.2.3 sorting example.
        assert_eq!(
            canon("[1E30, 4.50, 2e-3, 0.000001, 1e-7, -0, 333333333.33333329]"),
            "[1e+30,4.5,0.002,0.000001,1e-7,0,333333333.3333333]"
        );
        assert_eq!(
            canon(r#"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"\u{f6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20ac}\":\"Euro Sign\",\"\u{1f600}\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        );
        assert_eq!(
            canon(r#"{"b": [true, null, "\u001f/"], "a": {}}"#),
            r#"{"a":{},"b":[true,null,"\u001f/"]}"#
        );
    }

    #[test]
    fn streamed_digest_equals_digest_of_the_form() {
        let mut big = String::from(r#"{"\ud83d\ude00":1,"\uffff":2,"z":[""#);
        for i in 0..3000 {
            big.push_str(&format!("专利 {i} \\\"\\u0001\\n"));
        }
        big.push_str(r#""],"a":{"b":1e30,"\u0007":null}}"#);
        for json in [
            big.as_str(),
            "[]",
            "{}",
            r#""x""#,
            r#"{"b":[true,null,"\u001f/"],"a":{}}"#,
        ] {
            let value = crate::read::json::read(json).unwrap().value;
            assert_eq!(
                canonical_sha256_hex(&value),
                sha256_hex(canonical_json(&value).as_bytes()),
                "{json:.80}"
            );
        }
        let value = crate::read::json::read(&big).unwrap().value;
        // UTF-16 order: the surrogate pair of U+1F600 sorts below U+FFFF.
        assert!(canonical_json(&value).ends_with("\"],\"\u{1f600}\":1,\"\u{ffff}\":2}"));
    }

    #[test]
    fn digest_is_lower_hex_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
