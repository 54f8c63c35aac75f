//! # patent-intensive
//!
//! Pre-screens products against China's *patent-intensive product* (专利密集型产品) certification
//! rules, exactly and offline. One pure function, [`assess`], takes the assessment input (JSON,
//! `input-format.md`) and returns a [`Report`] that explains every criterion with its citation,
//! the user's numbers, the threshold and, on a fail, the smallest change that would pass.
//!
//! ```
//! let input = include_str!("../examples/fuzhou-bogie-monitor.json");
//! let report = patent_intensive::assess(input, &patent_intensive::Options::default());
//! assert!(report.findings.iter().all(|f| !f.is_error()));
//! assert_eq!(report.products.len(), 2);
//! ```
//!
//! The core does no IO, reads no clock (the reference date is an input) and keeps no global
//! state; the WebAssembly bindings, the CLI and the tests all call the functions below.

// No binary floating point in the library (ARCHITECTURE.md): clippy.toml denies the float types,
// and this the arithmetic on float literals that never names one. The unit tests compare with
// doubles.
#![cfg_attr(not(test), deny(clippy::float_arithmetic))]

pub mod canonical;
mod compact_json;
pub mod conformance;
pub mod date;
mod es_number;
pub mod exact;
pub mod findings;
pub mod fold;
pub mod ids;
pub mod import;
pub mod input;
pub mod limits;
pub mod pack;
pub mod read;
pub mod report;
pub mod rulebook;
pub mod rules;
pub mod schema;
pub mod text;
#[cfg(feature = "ts")]
pub mod typescript;
pub mod validate;
pub mod verify;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use serde_json::Value;

use crate::date::Date;
pub use crate::findings::Finding;
use crate::findings::Severity;
use crate::pack::choose::{choose_pack, Embedded};
use crate::pack::notices::{notices, Reader};
use crate::pack::RulePack;
pub use crate::report::{Detail, Report, VERSION};
use crate::report::{Engine, PackRef, REPORT_FORMAT};
pub use crate::verify::{verify, Verification, VerifyOptions};

/// Options of an assessment.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A pack to apply instead of the embedded ones (e.g. one with official benchmark values).
    /// When absent, the input's `pack` names an embedded pack, or the round year chooses one.
    pub pack: Option<RulePack>,
    /// How much the report says (input-format.md, report version 2): everything, or only ids,
    /// verdicts, gaps, findings and identities.
    pub detail: Detail,
}

/// Assesses an input document. Never panics: invalid input gives a report with findings and no
/// products.
///
/// Only the embedded pack the input needs is parsed, on every call; a caller that assesses many
/// inputs can keep an [`Assessor`], which parses them once.
pub fn assess(input_json: &str, options: &Options) -> Report {
    assess_with(input_json, options, Prepared::default())
}

/// Assesses an already-parsed input document (numbers must have been parsed exactly, i.e. with
/// serde_json's `arbitrary_precision`, as this crate enables).
pub fn assess_value(value: &Value, options: &Options) -> Report {
    assess_value_with(value, options, Prepared::default())
}

/// The engine with the embedded rule packs parsed, validated and hashed once, for callers that
/// assess many inputs: [`Assessor::assess`] gives the same report as [`assess`] without parsing a
/// pack per call. It is plain caller-owned data (the core keeps no global state); create it once
/// and share it freely.
#[derive(Clone, Debug)]
pub struct Assessor {
    packs: Vec<RulePack>,
    /// Each pack's report catalogue, its JSON written once (`report::Catalogue`), by pack index.
    catalogues: Vec<report::Catalogue>,
}

impl Default for Assessor {
    fn default() -> Self {
        Self::new()
    }
}

impl Assessor {
    /// Parses the embedded packs.
    pub fn new() -> Assessor {
        let packs = pack::embedded();
        let catalogues = packs.iter().map(rules::catalog::report_catalogue).collect();
        Assessor { packs, catalogues }
    }

    /// What the free functions are given: the parsed packs and their catalogues.
    fn prepared(&self) -> Prepared<'_> {
        Prepared {
            packs: &self.packs,
            catalogues: &self.catalogues,
        }
    }

    /// The embedded packs, in round order.
    pub fn packs(&self) -> &[RulePack] {
        &self.packs
    }

    /// Assesses an input document: the same report as [`assess`].
    pub fn assess(&self, input_json: &str, options: &Options) -> Report {
        assess_with(input_json, options, self.prepared())
    }

    /// Assesses an already-parsed input document: the same report as [`assess_value`].
    pub fn assess_value(&self, value: &Value, options: &Options) -> Report {
        assess_value_with(value, options, self.prepared())
    }
}

/// The embedded packs an [`Assessor`] prepared, with their report catalogues; empty for the free
/// functions, which parse the pack they need and build its catalogue on every call.
#[derive(Clone, Copy, Default)]
struct Prepared<'a> {
    packs: &'a [RulePack],
    catalogues: &'a [report::Catalogue],
}

impl<'a> Prepared<'a> {
    fn embedded(self) -> Embedded<'a> {
        if self.packs.is_empty() {
            Embedded::OnDemand
        } else {
            Embedded::Parsed(self.packs)
        }
    }

    /// The report catalogue of `pack`: the prepared one when `pack` is one of the prepared
    /// packs (the very same value, not an equal one), else built now.
    fn catalogue(self, pack: &RulePack) -> report::Catalogue {
        self.packs
            .iter()
            .position(|p| std::ptr::eq(p, pack))
            .and_then(|index| self.catalogues.get(index))
            .cloned()
            .unwrap_or_else(|| rules::catalog::report_catalogue(pack))
    }
}

fn assess_with(input_json: &str, options: &Options, prepared: Prepared<'_>) -> Report {
    match read::json::read(input_json) {
        Ok(document) => assess_checked(&document.value, document.findings, options, prepared),
        Err(error) => {
            let mut report = empty_report(None, None, None, vec![error.finding()]);
            report.detail = options.detail;
            report
        }
    }
}

fn assess_value_with(value: &Value, options: &Options, prepared: Prepared<'_>) -> Report {
    // The reader's tree borrows the caller's strings and numbers.
    let value = read::json::Value::from_serde(value);
    assess_checked(&value, read::json::check_value(&value), options, prepared)
}

/// Assesses a document whose reading produced `read_findings` (I-JSON problems and limits).
fn assess_checked(
    value: &read::json::Value<'_>,
    read_findings: findings::Findings,
    options: &Options,
    prepared: Prepared<'_>,
) -> Report {
    let input_sha256 = canonical::canonical_sha256_hex(value);
    let (input, mut findings) = input::read_with(value, read_findings);
    let round_year = value
        .get("round_year")
        .and_then(read::json::Value::as_i64)
        .and_then(|y| i32::try_from(y).ok());
    let named_pack = value.get("pack").and_then(read::json::Value::as_str);
    let mut pack_findings = Vec::new();
    let pack = choose_pack(
        options.pack.as_ref(),
        prepared.embedded(),
        named_pack,
        round_year,
        &mut pack_findings,
    );
    findings.extend(pack_findings);
    let pack = pack.as_deref();
    let has_error = findings.has_error();
    let (Some(input), Some(pack), false) = (input, pack, has_error) else {
        let reference_date = value
            .get("reference_date")
            .and_then(read::json::Value::as_str)
            .and_then(Date::parse);
        let mut report = empty_report(
            pack,
            Some(input_sha256),
            reference_date,
            findings.into_vec(),
        );
        report.detail = options.detail;
        report.round_year = round_year;
        report.data_year = round_year.map(|y| y - 1);
        return report;
    };
    let evaluation = rules::evaluate_for(&input, pack, options.detail);
    findings.extend(evaluation.warnings);
    // Errors first, then warnings, each in the order found: a stable partition rather than
    // `sort_by_key`, whose general stable sort would add about 4 KB to the WebAssembly module.
    let list = findings.list_mut();
    let (errors, warnings): (Vec<Finding>, Vec<Finding>) = std::mem::take(list)
        .into_iter()
        .partition(|f| f.severity != Severity::Warning);
    *list = errors;
    list.extend(warnings);
    Report {
        format: REPORT_FORMAT,
        detail: options.detail,
        engine: engine(),
        pack: Some(pack_ref(pack)),
        input_sha256: Some(input_sha256),
        round_year: Some(input.round_year),
        data_year: Some(input.round_year - 1),
        reference_date: Some(input.reference_date),
        notices: notices(pack, Reader::Report),
        findings: findings.into_vec(),
        // The verdicts detail does not write the catalogue, so it is not made for it.
        catalogue: match options.detail {
            Detail::Full => prepared.catalogue(pack),
            Detail::Verdicts => report::Catalogue::default(),
        },
        patents: evaluation.patents,
        products: evaluation.products,
    }
}

/// Validates an input document without assessing it: every finding, errors and warnings.
pub fn validate(input_json: &str) -> Vec<Finding> {
    assess(input_json, &Options::default()).findings
}

/// The embedded rule packs, in round order.
pub fn packs() -> Vec<pack::PackInfo> {
    pack::embedded().iter().map(RulePack::info).collect()
}

/// Normalises a CN patent application number as typed (for live form feedback): the canonical
/// spelling and type, or a finding that says what is wrong.
pub fn normalize_patent_number(text: &str) -> Result<NormalizedNumber, Finding> {
    use crate::ids::patent_number::normalise;
    match normalise(text) {
        Ok(number) => Ok(NormalizedNumber {
            number: number.as_str().to_string(),
            kind: input::PatentType::from(number.kind()).as_str(),
            filing_year: number.filing_year(),
            check_warning: number.tolerated_check_mismatch.map(|c| c.to_string()),
        }),
        Err(error) => Err(error.finding("", text)),
    }
}

/// The key under which a patent number is matched (a link to `patents[]`, a duplicate): the
/// canonical CN form when the text parses as a CN application number (even with a wrong check
/// character), otherwise the text folded as [`fold`] does, white space removed and upper-cased.
/// The jurisdiction does not enter the key, exactly as the reader matches links.
///
/// ```
/// use patent_intensive::patent_key;
/// assert_eq!(patent_key("ZL 2020 1 0566088.9"), "202010566088.9");
/// assert_eq!(patent_key("ＣＮ２０２０１０５６６０８８．９"), "202010566088.9");
/// assert_eq!(patent_key(" us 11,223,344 b2 "), "US11,223,344B2");
/// ```
pub fn patent_key(number: &str) -> String {
    input::patent_key(number)
}

/// The key under which a filer, patentee or licensee name is matched when no USCC decides
/// (rules.md G3): folded as [`fold`] does, white space removed, full-width and CJK brackets as
/// ASCII ones.
///
/// ```
/// use patent_intensive::name_key;
/// assert_eq!(name_key("福州示例（智能）装备 有限公司"), name_key("福州示例(智能)装备有限公司"));
/// assert_eq!(name_key("【示例】公司"), "[示例]公司");
/// ```
pub fn name_key(name: &str) -> String {
    input::normalise_name(name)
}

/// Everything a front end shows about the rules that does not depend on a pack: each criterion's
/// title, rule, basis and source, each indicator's formula and unit, and the labels of every
/// enumeration, in Chinese and English.
pub fn catalogue() -> rules::labels::Catalogue {
    rules::labels::catalogue()
}

/// A normalised CN application number.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NormalizedNumber {
    /// Canonical spelling.
    pub number: String,
    /// Type from the type digit.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "ts", ts(type = "PatentType"))]
    pub kind: &'static str,
    /// Filing year from the number.
    pub filing_year: i32,
    /// For old numbers of 1992 or earlier with a wrong check character: the expected one.
    pub check_warning: Option<String>,
}

impl Report {
    /// The report as compact JSON, in the detail it was made with: the same bytes on every
    /// target for the same input, pack and detail (what [`Report::write_json`] writes).
    pub fn to_json(&self) -> String {
        // The hand-written writer rather than serde's derived code: the same bytes (tested on
        // every case), a fraction of the WebAssembly module's size (docs/wasm.md, Size).
        self.compact_json(self.json_capacity())
    }

    /// The report as indented JSON, for people, in the detail it was made with.
    pub fn to_json_pretty(&self) -> String {
        let written = match self.detail {
            Detail::Full => serde_json::to_string_pretty(self),
            Detail::Verdicts => serde_json::to_string_pretty(&self.verdicts()),
        };
        written.unwrap_or_else(|_| serialisation_failure())
    }

    /// A first guess at the compact report's length, so the buffer seldom grows.
    fn json_capacity(&self) -> usize {
        // Measured on the worked example and generated portfolios: a full product is 11–14 KB
        // (its outlook most of it), a patent's standing about 150 B, a product's verdicts about
        // 1 KB. Room left unused is never touched, so a guess on the high side costs little.
        let (per_product, per_patent, catalogue) = match self.detail {
            Detail::Full => (12 * 1024, 160, self.catalogue.json().len()),
            Detail::Verdicts => (1024, 0, 0),
        };
        4096 + catalogue + self.products.len() * per_product + self.patents.len() * per_patent
    }

    /// Whether the input had any error (and so no product was assessed).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// Report types serialise infallibly (maps only with string keys, no floats, writing into memory
/// cannot fail); this keeps the promise of never panicking even so.
fn serialisation_failure() -> String {
    format!(r#"{{"format":"{REPORT_FORMAT}","error":"serialisation failed"}}"#)
}

fn engine() -> Engine {
    Engine {
        name: "patent-intensive",
        version: VERSION,
    }
}

fn pack_ref(pack: &RulePack) -> PackRef {
    PackRef {
        id: pack.id.clone(),
        version: pack.version.clone(),
        sha256: pack.sha256.clone(),
    }
}

fn empty_report(
    pack: Option<&RulePack>,
    input_sha256: Option<String>,
    reference_date: Option<Date>,
    findings: Vec<Finding>,
) -> Report {
    Report {
        format: REPORT_FORMAT,
        detail: Detail::Full,
        engine: engine(),
        pack: pack.map(pack_ref),
        input_sha256,
        round_year: None,
        data_year: None,
        reference_date,
        notices: pack
            .map(|pack| notices(pack, Reader::Report))
            .unwrap_or_default(),
        findings,
        catalogue: report::Catalogue::default(),
        patents: Vec::new(),
        products: Vec::new(),
    }
}

/// A report that carries only `findings` (e.g. those of an invalid rule pack supplied by the
/// caller): no pack, no input digest, no products.
pub fn report_for_findings(findings: Vec<Finding>) -> Report {
    empty_report(None, None, None, findings)
}
