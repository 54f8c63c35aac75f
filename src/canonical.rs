//! RFC 8785 JSON Canonicalization Scheme (JCS) and SHA-256 digests of canonical forms: what ties a
//! report to its input and to its rule pack.
//!
//! Written here rather than taken from a crate because the input is parsed with exact
//! (arbitrary-precision) numbers, which the JCS crates do not accept; the scheme itself is short.

use std::fmt::Write as _;

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The RFC 8785 canonical form of a JSON value.
///
/// Numbers are written as ECMAScript writes the IEEE 754 double nearest to them (RFC 8785 §3.2.2.3),
/// which is what makes the form canonical across implementations; this affects only the digest,
/// never the rules, which read every amount exactly.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

/// Lower-case hexadecimal SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => write_number(&number.to_string(), out),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            // RFC 8785 §3.2.3: members sorted by their names' UTF-16 code units.
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            out.push('{');
            for (i, (name, member)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(name, out);
                out.push(':');
                write_value(member, out);
            }
            out.push('}');
        }
    }
}

fn write_number(written: &str, out: &mut String) {
    // JSON cannot hold NaN or infinities; a number too large for a double becomes infinity, which
    // ECMAScript cannot serialise either: it is written as `null`, as JSON.stringify does.
    match crate::es_number::es_number(written) {
        Some(text) => out.push_str(&text),
        None => out.push_str("null"),
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(json: &str) -> String {
        canonical_json(&serde_json::from_str(json).unwrap())
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
    fn digest_is_lower_hex_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
