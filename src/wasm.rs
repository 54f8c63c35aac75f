//! WebAssembly bindings (wasm32 only): a thin shim over the crate's public API.
//!
//! Inputs cross as JSON text: a JS object is turned into text with `JSON.stringify`, so amounts
//! the caller wrote as numbers keep their shortest decimal spelling and are then read exactly, as
//! in the native build. Reports cross back as JSON text parsed with `JSON.parse`, so the bytes
//! are the native bytes. Nothing here throws: every failure is a report or a finding.

use wasm_bindgen::prelude::*;

use crate::{pack, Options};

/// JSON text for a JS value: strings are taken as JSON text, anything else is stringified.
fn json_text(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn parse_json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// Options from `{ pack }`, where `pack` is a rule pack (object or JSON text). An invalid pack
/// gives its findings, with paths under `/options/pack`.
fn options(value: &JsValue) -> Result<Options, Vec<crate::Finding>> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let pack_value =
        js_sys::Reflect::get(value, &JsValue::from_str("pack")).unwrap_or(JsValue::UNDEFINED);
    if pack_value.is_undefined() || pack_value.is_null() {
        return Ok(Options::default());
    }
    match pack::parse_pack(&json_text(&pack_value)) {
        Ok(pack) => Ok(Options { pack: Some(pack) }),
        Err(findings) => Err(findings
            .into_iter()
            .map(|mut finding| {
                finding.path = format!("/options/pack{}", finding.path);
                finding
            })
            .collect()),
    }
}

/// The report as JSON text (the exact bytes the native engine produces).
#[wasm_bindgen(js_name = assessJson)]
pub fn assess_json(input: JsValue, options_value: JsValue) -> String {
    match options(&options_value) {
        Ok(options) => crate::assess(&json_text(&input), &options).to_json(),
        Err(findings) => crate::report_for_findings(findings).to_json(),
    }
}

/// Assesses an input (object or JSON text) and returns the report object.
#[wasm_bindgen]
pub fn assess(input: JsValue, options_value: JsValue) -> JsValue {
    parse_json(&assess_json(input, options_value))
}

/// Validates an input (object or JSON text): the array of findings.
#[wasm_bindgen]
pub fn validate(input: JsValue) -> JsValue {
    let findings = crate::validate(&json_text(&input));
    parse_json(&serde_json::to_string(&findings).unwrap_or_else(|_| "[]".to_string()))
}

/// The embedded rule packs: id, version, title, rounds, SHA-256, threshold bases.
#[wasm_bindgen]
pub fn packs() -> JsValue {
    parse_json(&serde_json::to_string(&crate::packs()).unwrap_or_else(|_| "[]".to_string()))
}

/// Normalises a CN application number as typed: `{ ok: true, number, type, filing_year,
/// check_warning }` or `{ ok: false, finding }`.
#[wasm_bindgen(js_name = normalizePatentNumber)]
pub fn normalize_patent_number(text: &str) -> JsValue {
    let json = match crate::normalize_patent_number(text) {
        Ok(number) => serde_json::json!({ "ok": true, "number": number.number, "type": number.kind,
            "filing_year": number.filing_year, "check_warning": number.check_warning }),
        Err(finding) => serde_json::json!({ "ok": false, "finding": finding }),
    };
    parse_json(&json.to_string())
}

/// The engine version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Imports a patent list (CSV or tab-separated rows pasted from a spreadsheet): `{ patents,
/// problems }`, where `patents` are `patents[]` objects of the input and `problems` give the row,
/// column and reason of every row not imported.
#[wasm_bindgen(js_name = importPatentsCsv)]
pub fn import_patents_csv(text: &str) -> JsValue {
    let import = crate::import::import_patents_csv(text);
    parse_json(&serde_json::to_string(&import).unwrap_or_else(|_| "null".to_string()))
}
