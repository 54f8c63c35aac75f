//! Reading a JSON document against its format, the one reader the input and the rule packs
//! share: the strict JSON reader ([`json`]), a format described as data ([`fields`]: field
//! tables, enumerations with their words, field labels), and the walker that checks a document
//! against those tables and collects every finding instead of stopping at the first. What is
//! particular to a format (its tables, its words, its cross-field checks) lives with that format's
//! reader, in `input/` and `pack/`.

pub mod fields;
pub mod json;
pub(crate) mod walk;
