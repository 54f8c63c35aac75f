//! The JSON Schema (draft 2020-12) of the assessment input, generated from the field tables the
//! reader validates against ([`crate::input::fields`]), so the two cannot disagree on which fields
//! exist, which are required, what type each holds and what it means. It ships in the npm package
//! as `input.schema.json` for editors and form generators.
//!
//! The schema states the structure (members, types, enumerations, ranges, the shape of dates and
//! amounts) and the documented limits (`maxLength` of strings and decimal strings, `maxItems` of
//! the bounded arrays; [`crate::limits`]). What needs more than one field or real arithmetic (a date that does not exist, a
//! check character, export revenue above sales, a link to an unknown patent) is left to
//! [`crate::validate`], whose findings are authoritative.

use serde_json::{json, Map, Value};

use crate::input::fields;
use crate::input::INPUT_FORMAT;
use crate::limits::{MAX_NUMBER_CHARS, MAX_STRING_CHARS};
use crate::read::fields::{Field, Kind};

/// The dialect the schema is written in.
pub const SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// An exact decimal as text: what [`crate::exact::parse_decimal`] accepts, white space around it
/// allowed (the reader trims it).
const DECIMAL_PATTERN: &str = r"^\s*-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]{1,4})?\s*$";

/// `YYYY-MM-DD`; whether the day exists is checked by the reader.
const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The JSON Schema of the assessment input format.
pub fn input_schema() -> Value {
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(SCHEMA_DIALECT));
    schema.insert(
        "$id".into(),
        json!(format!("urn:{}", INPUT_FORMAT.replace('/', ":"))),
    );
    schema.insert(
        "title".into(),
        json!("patent-intensive assessment input, version 1"),
    );
    schema.insert(
        "description".into(),
        json!("One filer and its products, to be pre-screened against the patent-intensive product rules. Optional members may be absent or null. Amounts are decimal strings or JSON numbers, read exactly."),
    );
    if let Value::Object(body) = object(fields::DOCUMENT) {
        schema.extend(body);
    }
    Value::Object(schema)
}

/// The schema of an object with exactly these members.
fn object(fields: &[Field]) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|field| (field.name.to_string(), member(field)))
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|field| field.required)
        .map(|field| field.name)
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn member(field: &Field) -> Value {
    let mut schema = match kind(&field.kind) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    if let Some(limit) = field.max_items {
        schema.insert("maxItems".into(), json!(limit));
    }
    if !field.required {
        allow_null(&mut schema);
    }
    schema.insert("description".into(), json!(field.doc));
    Value::Object(schema)
}

/// An optional member may be null: add `null` to its type or enumeration.
fn allow_null(schema: &mut Map<String, Value>) {
    if let Some(Value::Array(values)) = schema.get_mut("enum") {
        values.push(Value::Null);
        return;
    }
    match schema.remove("type") {
        Some(Value::String(single)) => {
            schema.insert("type".into(), json!([single, "null"]));
        }
        Some(Value::Array(mut several)) => {
            several.push(json!("null"));
            schema.insert("type".into(), Value::Array(several));
        }
        Some(other) => {
            schema.insert("type".into(), other);
        }
        None => {}
    }
}

fn kind(kind: &Kind) -> Value {
    match kind {
        Kind::Text => json!({ "type": "string", "maxLength": MAX_STRING_CHARS }),
        Kind::Constant(value) => json!({ "type": "string", "const": value }),
        Kind::Enum(choices) => {
            json!({ "enum": choices.iter().map(|c| c.value).collect::<Vec<_>>() })
        }
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Year => json!({ "type": "integer", "minimum": 1985, "maximum": 2100 }),
        Kind::Count => json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX }),
        Kind::Date => json!({ "type": "string", "format": "date", "pattern": DATE_PATTERN }),
        // `maxLength` and `pattern` apply to the string form only; a number's length is the
        // reader's to check (JSON Schema has no keyword for it).
        Kind::Money => json!({
            "type": ["string", "number"],
            "pattern": DECIMAL_PATTERN,
            "maxLength": MAX_NUMBER_CHARS,
        }),
        Kind::Object(fields) => object(fields),
        Kind::ObjectArray(fields) => json!({ "type": "array", "items": object(fields) }),
        Kind::TextArray => json!({
            "type": "array",
            "items": { "type": "string", "maxLength": MAX_STRING_CHARS },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(fields: &[Field]) -> Vec<&str> {
        fields.iter().map(|f| f.name).collect()
    }

    #[test]
    fn every_field_of_the_tables_is_in_the_schema() {
        let schema = input_schema();
        assert_eq!(schema["$schema"], SCHEMA_DIALECT);
        let top: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = names(fields::DOCUMENT);
        expected.sort_unstable();
        assert_eq!(top, expected);
        assert_eq!(
            schema["required"],
            json!([
                "format",
                "round_year",
                "reference_date",
                "filer",
                "patents",
                "products"
            ])
        );
        let patent = &schema["properties"]["patents"]["items"];
        assert_eq!(patent["additionalProperties"], false);
        assert_eq!(patent["required"], json!(["number", "legal_status"]));
        assert_eq!(
            patent["properties"]["legal_status"]["enum"],
            json!([
                "pending",
                "valid",
                "expired",
                "lapsed",
                "invalidated",
                "abandoned",
                "rejected"
            ])
        );
        let licence = &patent["properties"]["licences"]["items"];
        assert_eq!(
            licence["properties"]["licensee"]["required"],
            json!(["name"])
        );
        let economics = &schema["properties"]["products"]["items"]["properties"]["economics"];
        assert_eq!(
            economics["items"]["properties"]["unit"]["enum"],
            json!(["yuan", "wan", "yi", null])
        );
        assert_eq!(
            economics["items"]["properties"]["profit"]["type"],
            json!(["string", "number", "null"])
        );
        assert_eq!(schema["properties"]["format"]["const"], INPUT_FORMAT);
        assert_eq!(
            schema["properties"]["pack"]["type"],
            json!(["string", "null"])
        );
    }

    #[test]
    fn the_limits_are_in_the_schema() {
        let schema = input_schema();
        let products = &schema["properties"]["products"];
        assert_eq!(schema["properties"]["patents"]["maxItems"], 100_000);
        assert_eq!(products["maxItems"], 10_000);
        let product = &products["items"]["properties"];
        assert_eq!(product["patents"]["maxItems"], 10_000);
        assert_eq!(product["economics"]["maxItems"], 100);
        assert_eq!(product["id"]["maxLength"], 10_000);
        assert_eq!(
            schema["properties"]["filer"]["properties"]["name"]["maxLength"],
            10_000
        );
        let economics = &product["economics"]["items"]["properties"];
        assert_eq!(economics["sales_revenue"]["maxLength"], 40);
        assert_eq!(
            schema["properties"]["patents"]["items"]["properties"]["awards"]["items"]["maxLength"],
            10_000
        );
        assert_eq!(crate::limits::MAX_PATENTS, 100_000);
    }

    #[test]
    fn the_decimal_pattern_is_the_readers_grammar() {
        // The pattern is a regular expression for JSON Schema validators; here its grammar is
        // spot-checked against the reader's own parser on the same strings.
        for (text, accepted) in [
            ("3200", true),
            ("-410.5", true),
            ("1e3", true),
            (" 12 ", true),
            ("1,000", false),
            ("+1", false),
            (".5", false),
            ("0x10", false),
        ] {
            assert_eq!(
                crate::exact::parse_decimal(text.trim()).is_some(),
                accepted,
                "{text}"
            );
        }
        assert!(DECIMAL_PATTERN.starts_with('^') && DECIMAL_PATTERN.ends_with('$'));
    }
}
