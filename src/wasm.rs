//! WebAssembly bindings (wasm32 only): a thin shim over the crate's public API.
//!
//! Values cross as JSON text rather than through serde-wasm-bindgen. Inputs: a JS object is turned
//! into text with `JSON.stringify`, so an amount the caller wrote as a number arrives as its
//! shortest decimal spelling and is then read exactly, as in the native build, instead of through
//! an `f64`; a string is taken as the JSON text itself, so a caller who needs more digits than a
//! double holds can have them. Outputs: the report is serialised once by the same code as natively
//! and parsed with `JSON.parse`, one crossing per call, so its bytes are the native bytes
//! (`assessJson` returns them as they are). serde-wasm-bindgen would also add its own deserializer
//! and the float formatting it links in to a module with a size budget.
//!
//! Nothing here throws or traps on what a caller passes: any value is accepted where a string is
//! expected (a non-string is read as empty text), and every failure comes back as findings.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::findings::Code;
use crate::text::text;
use crate::{pack, Detail, Finding, Options};

/// JSON text for a JS value: strings are taken as JSON text, anything else is stringified
/// (`undefined`, functions and values `JSON.stringify` rejects give empty text, which is then
/// reported as invalid JSON). The size of an argument is measured by the npm package's entries
/// (`npm/guard.js`) before it is copied in; the module itself refuses text over the document
/// limit only after the copy (as the library does).
fn json_text(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Traps (executes `unreachable`), only in a build with the `trap-test` feature: lets the
/// package's tests prove that a trapped module is replaced and the next call answered.
#[cfg(feature = "trap-test")]
#[wasm_bindgen(js_name = forceTrapForTest)]
pub fn force_trap_for_test() {
    core::arch::wasm32::unreachable()
}

/// Grows the module's heap once, up front, by what reading `text` may take, and hands it back to
/// the allocator. Growing a WebAssembly memory can copy all of it (it does in Node here), and
/// the allocator grows it in small steps as a large input is read, which made the time quadratic
/// in the input's size: 1,000,000 unknown members (12 MB) took 15–23 s on a fresh instance and
/// 1.4–2.6 s on one already grown. Eight times the text is what the value tree of such an input
/// takes; if the memory cannot be had, nothing is reserved (and nothing traps).
fn reserve_for(text: &str) {
    let mut block: Vec<u8> = Vec::new();
    if block
        .try_reserve_exact(text.len().saturating_mul(8))
        .is_ok()
    {
        std::hint::black_box(&block);
    }
}

/// A plain string argument; anything else reads as empty text.
fn plain_text(value: &JsValue) -> String {
    value.as_string().unwrap_or_default()
}

/// A value as a JS object: its JSON, by the engine's own compact serializer (`compact_json.rs`,
/// serde_json's bytes at a fraction of the module's size), parsed once.
fn to_js(value: &impl Serialize) -> JsValue {
    match crate::compact_json::to_string(value) {
        Some(text) => js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL),
        None => JsValue::NULL,
    }
}

/// Options from `{ pack, detail }`, where `pack` is a rule pack (object or JSON text) and `detail`
/// is `"full"` (the default) or `"verdicts"`. An invalid pack gives its findings, with paths under
/// `/options/pack`; another detail, an `invalid_enum` finding at `/options/detail`.
fn options(value: &JsValue) -> Result<Options, Vec<Finding>> {
    if !value.is_object() {
        return Ok(Options::default());
    }
    let get = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let detail_value = get("detail");
    let detail = if detail_value.is_undefined() || detail_value.is_null() {
        Detail::Full
    } else {
        let given = detail_value.as_string();
        match given.as_deref().and_then(Detail::parse) {
            Some(detail) => detail,
            None => {
                let shown = crate::findings::shorten(&given.unwrap_or_default());
                return Err(vec![Finding::error(
                    "/options/detail",
                    Code::InvalidEnum,
                    text!(
                        "选项 detail 应为 \"full\" 或 \"verdicts\"，而不是“{shown}”",
                        "option detail must be \"full\" or \"verdicts\", not \"{shown}\""
                    ),
                )]);
            }
        }
    };
    let pack_value = get("pack");
    if pack_value.is_undefined() || pack_value.is_null() {
        return Ok(Options {
            detail,
            ..Options::default()
        });
    }
    match pack::parse_pack(&json_text(&pack_value)) {
        Ok(pack) => Ok(Options {
            pack: Some(pack),
            detail,
        }),
        Err(findings) => Err(findings
            .into_iter()
            .map(|mut finding| {
                finding.path = format!("/options/pack{}", finding.path);
                finding
            })
            .collect()),
    }
}

/// Assesses an input (object or JSON text) and returns the report as JSON text: the exact bytes
/// the native engine produces for the same input and pack.
#[wasm_bindgen(js_name = assessJson)]
pub fn assess_json(input: JsValue, options_value: JsValue) -> String {
    match options(&options_value) {
        Ok(options) => {
            let text = json_text(&input);
            reserve_for(&text);
            crate::assess(&text, &options).to_json()
        }
        Err(findings) => crate::report_for_findings(findings).to_json(),
    }
}

/// Assesses an input (object or JSON text) and returns the report object.
#[wasm_bindgen]
pub fn assess(input: JsValue, options_value: JsValue) -> JsValue {
    js_sys::JSON::parse(&assess_json(input, options_value)).unwrap_or(JsValue::NULL)
}

/// The engine with the embedded rule packs parsed once (`new Assessor()`), for callers that
/// assess many inputs: its `assess` and `assessJson` give what the free functions give, without
/// parsing a pack per call. Owned by the caller; `free()` releases it early.
#[wasm_bindgen(js_name = Assessor)]
pub struct Assessor {
    inner: crate::Assessor,
}

#[wasm_bindgen(js_class = Assessor)]
impl Assessor {
    /// Parses the embedded packs.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // a JS constructor; Default means nothing to JS
    pub fn new() -> Assessor {
        Assessor {
            inner: crate::Assessor::new(),
        }
    }

    /// As the free `assessJson`.
    #[wasm_bindgen(js_name = assessJson)]
    pub fn assess_json(&self, input: JsValue, options_value: JsValue) -> String {
        match options(&options_value) {
            Ok(options) => {
                let text = json_text(&input);
                reserve_for(&text);
                self.inner.assess(&text, &options).to_json()
            }
            Err(findings) => crate::report_for_findings(findings).to_json(),
        }
    }

    /// As the free `assess`.
    pub fn assess(&self, input: JsValue, options_value: JsValue) -> JsValue {
        js_sys::JSON::parse(&self.assess_json(input, options_value)).unwrap_or(JsValue::NULL)
    }
}

/// Validates an input (object or JSON text): the array of findings, errors then warnings.
#[wasm_bindgen]
pub fn validate(input: JsValue) -> JsValue {
    let text = json_text(&input);
    reserve_for(&text);
    to_js(&crate::validate(&text))
}

/// The embedded rule packs: id, version, title, rounds, SHA-256, threshold bases.
#[wasm_bindgen]
pub fn packs() -> JsValue {
    to_js(&crate::packs())
}

/// What `checkPack` answers: the CLI's `pack check --json` without the comparison with the
/// embedded pack, which would cost the module about 2 KB gzip (docs/wasm.md).
#[derive(Serialize)]
struct CheckedPack {
    valid: bool,
    pack: Option<pack::PackInfo>,
    findings: Vec<Finding>,
}

/// Checks a rule pack (object or JSON text) without assessing anything: `{ valid, pack,
/// findings }`, the pack's identity and threshold counts by basis when it is valid, else every
/// problem with its JSON pointer into the pack document (`/benchmarks/0/...`).
#[wasm_bindgen(js_name = checkPack)]
pub fn check_pack(pack_value: JsValue) -> JsValue {
    let checked = match pack::parse_pack(&json_text(&pack_value)) {
        Ok(parsed) => CheckedPack {
            valid: true,
            pack: Some(parsed.info()),
            findings: Vec::new(),
        },
        Err(findings) => CheckedPack {
            valid: false,
            pack: None,
            findings,
        },
    };
    to_js(&checked)
}

/// The canonical JSON text of an embedded pack (the bytes its SHA-256 is taken over), or `null`
/// for an id no embedded pack has: what the page's pack view reads for the pack in use when the
/// user brought none.
#[wasm_bindgen(js_name = packJson)]
pub fn pack_json(id: JsValue) -> JsValue {
    match pack::embedded_by_id(&plain_text(&id)) {
        Some(found) => JsValue::from_str(&found.canonical),
        None => JsValue::NULL,
    }
}

/// The answer of `normalizePatentNumber`: the normalised number, or the finding.
#[derive(Serialize)]
#[serde(untagged)]
enum Normalized {
    Number {
        ok: bool,
        number: String,
        #[serde(rename = "type")]
        kind: &'static str,
        filing_year: i32,
        check_warning: Option<String>,
    },
    Problem {
        ok: bool,
        finding: Finding,
    },
}

/// Normalises a CN application number as typed: `{ ok: true, number, type, filing_year,
/// check_warning }` or `{ ok: false, finding }`.
#[wasm_bindgen(js_name = normalizePatentNumber)]
pub fn normalize_patent_number(text: JsValue) -> JsValue {
    let answer = match crate::normalize_patent_number(&plain_text(&text)) {
        Ok(number) => Normalized::Number {
            ok: true,
            number: number.number,
            kind: number.kind,
            filing_year: number.filing_year,
            check_warning: number.check_warning,
        },
        Err(finding) => Normalized::Problem { ok: false, finding },
    };
    to_js(&answer)
}

/// The engine version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::report::VERSION.to_string()
}

/// Imports a patent list (CSV or tab-separated rows pasted from a spreadsheet): `{ patents,
/// problems }`, where `patents` are `patents[]` objects of the input and `problems` give the row,
/// column and reason of every row not imported.
#[wasm_bindgen(js_name = importPatentsCsv)]
pub fn import_patents_csv(text: JsValue) -> JsValue {
    to_js(&crate::import::import_patents_csv(&plain_text(&text)))
}

/// The criteria catalogue and the labels of every enumeration, in Chinese and English: what a
/// front end shows about the rules, from the engine rather than a copy of its own.
#[wasm_bindgen]
pub fn catalogue() -> JsValue {
    to_js(&crate::catalogue())
}

/// The key a patent number is matched on (links to `patents[]`, duplicates): the canonical CN
/// form when it parses, else the folded text, white space removed, upper-cased.
#[wasm_bindgen(js_name = patentKey)]
pub fn patent_key(number: JsValue) -> String {
    crate::patent_key(&plain_text(&number))
}

/// The key a filer, patentee or licensee name is matched on when no USCC decides (rules.md G3).
#[wasm_bindgen(js_name = nameKey)]
pub fn name_key(name: JsValue) -> String {
    crate::name_key(&plain_text(&name))
}

/// Verifies a report against its input (`verify(input, report, { pack })`): recomputes the report
/// with this engine, at the report's detail and with its pack (embedded, or `pack` given as an
/// object or JSON text), and answers as [`crate::verify::Verification`]: the status, whether the
/// bytes are identical (or identical but for layout), the input digest and pack checks, and every
/// differing field by JSON pointer with its product and criterion. The report should be given as
/// its text, for its bytes to be checked; an object is compared as its `JSON.stringify` text.
#[wasm_bindgen]
pub fn verify(input: JsValue, report: JsValue, options_value: JsValue) -> JsValue {
    let answer = match options(&options_value) {
        Ok(options) => {
            let input = json_text(&input);
            let report = json_text(&report);
            reserve_for(&input);
            let options = crate::VerifyOptions { pack: options.pack };
            crate::verify(&input, &report, options)
        }
        Err(findings) => crate::Verification::pack_invalid(findings),
    };
    to_js(&answer)
}
