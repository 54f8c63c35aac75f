//! The documented limits of an input (input-format.md, "Interoperability and limits"), in one
//! place for the reader, the JSON Schema, the CLI and the WebAssembly bindings.
//!
//! Each limit bounds the work and the memory one document can demand, so that reading and
//! checking stay linear in the input's size and the WebAssembly module never runs out of memory
//! on a document within them. Every limit exceeded is an error with its own code and path.

use crate::findings::{Code, Finding};
use crate::text::text;

/// Largest document, in UTF-8 bytes (a byte-order mark included): 64 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;
/// Longest string (member names included), in Unicode characters.
pub const MAX_STRING_CHARS: usize = 10_000;
/// Deepest nesting of arrays and objects; the document's own value is level 1.
pub const MAX_NESTING: usize = 64;
/// Most entries of `patents`.
pub const MAX_PATENTS: usize = 100_000;
/// Most entries of `products`.
pub const MAX_PRODUCTS: usize = 10_000;
/// Most entries of a product's `patents` (links).
pub const MAX_LINKS: usize = 10_000;
/// Most entries of a product's `economics`.
pub const MAX_ECONOMICS_ROWS: usize = 100;
/// Longest number as written, or decimal string (after trimming white space), in characters.
pub const MAX_NUMBER_CHARS: usize = 40;

/// `document_too_large`: what the CLI, the library and the package all answer for a document over
/// [`MAX_DOCUMENT_BYTES`], before reading any of it. The message names the limit, not the size,
/// so that the package can give the same bytes as the CLI without measuring a huge argument
/// exactly.
pub fn document_too_large(path: &str) -> Finding {
    let limit = MAX_DOCUMENT_BYTES;
    Finding::error(
        path,
        Code::DocumentTooLarge,
        text!(
            "文档超过 {limit} 字节（64 MiB）的上限，未读取",
            "the document is over the limit of {limit} bytes (64 MiB); it was not read"
        ),
    )
}

/// `string_too_long` for a string of `chars` characters.
pub(crate) fn string_too_long(path: String, chars: usize) -> Finding {
    let limit = MAX_STRING_CHARS;
    Finding::error(
        path,
        Code::StringTooLong,
        text!(
            "字符串有 {chars} 个字符，超过上限 {limit}",
            "the string has {chars} characters, over the limit of {limit}"
        ),
    )
}

/// `number_too_long` for a number or decimal string of `chars` characters.
pub(crate) fn number_too_long(path: String, chars: usize) -> Finding {
    let limit = MAX_NUMBER_CHARS;
    Finding::error(
        path,
        Code::NumberTooLong,
        text!(
            "数字有 {chars} 个字符，超过上限 {limit}",
            "the number has {chars} characters, over the limit of {limit}"
        ),
    )
}

/// The error for an array over its limit: its code, and what it holds in both languages.
pub(crate) fn too_many(
    path: String,
    code: Code,
    count: usize,
    limit: usize,
    zh_what: &str,
    en_what: &str,
) -> Finding {
    Finding::error(
        path,
        code,
        text!(
            "{zh_what}有 {count} 项，超过上限 {limit}",
            "{count} {en_what}, over the limit of {limit}"
        ),
    )
}
