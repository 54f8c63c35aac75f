//! Verifying a report: recompute it from its input with this engine and compare, byte for byte
//! first, then field by field. Every front end (the CLI's `verify`, the package's `verify()`, the
//! page's verify tab) displays this answer and decides nothing of its own.
//!
//! Pure, like the rest of the core: the caller reads the files and hands over their text.
//!
//! What it answers, in order of the checks:
//! - the report is not JSON, or not a report at all; an input given where the report belongs, a
//!   report given where the input belongs, or both swapped — said plainly instead of listing every
//!   field of one document as a difference from the other;
//! - a report of another format than the one this engine writes: which format, which engine
//!   version made it, and that it must be made again with this engine (fields are not compared
//!   across formats);
//! - the report's rule pack not at hand (neither embedded nor given): which pack it needs;
//! - otherwise the comparison: identical bytes (compact or pretty form), identical but for layout
//!   (a byte-order mark, CRLF line endings, white space), or every differing field by JSON pointer
//!   with both values and the product and criterion it belongs to; with the input
//!   digest check and the pack check.

use serde::Serialize;
use serde_json::Value;

use crate::limits::MAX_DOCUMENT_BYTES;
use crate::pack::{self, RulePack};
use crate::read::json;
use crate::report::REPORT_FORMAT;
use crate::text::Text;
use crate::{canonical, Detail, Finding, Options, Report};

/// What every report format tag starts with; the part after `@` is its version.
const REPORT_FORMAT_PREFIX: &str = "patent-intensive/assessment-report@";
/// What every input format tag starts with.
const INPUT_FORMAT_PREFIX: &str = "patent-intensive/assessment-input@";

/// What [`verify`] is given besides the two documents.
#[derive(Clone, Debug, Default)]
pub struct VerifyOptions {
    /// The rule pack to recompute with, when the report's is not embedded (an auditor's own pack).
    pub pack: Option<RulePack>,
}

/// The outcome of a verification: one word a program can branch on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "VerificationStatus"))]
pub enum Status {
    /// The report is the one this engine makes from the input: identical bytes, or identical but
    /// for layout.
    Verified,
    /// The report differs from the one recomputed from the input (see `differences`).
    Mismatch,
    /// The report was made with a rule pack that is neither embedded nor given.
    PackNeeded,
    /// The rule pack given to recompute with is not valid (see `pack_findings`).
    PackInvalid,
    /// The report is in another format than this engine writes: it must be made again.
    OtherFormat,
    /// What was given as the report is an assessment input.
    ReportIsInput,
    /// What was given as the input is an assessment report.
    InputIsReport,
    /// The input and the report were given the other way round.
    Swapped,
    /// The report is JSON but not an assessment report.
    NotAReport,
    /// The report is not JSON.
    ReportNotJson,
    /// The input or the report is over the document limit (64 MiB): it was not read.
    TooLarge,
    /// Never the core's answer: the package's, when the WebAssembly module failed on the call
    /// (the module is then replaced, and the next call answered).
    EngineFailure,
}

impl Status {
    /// Whether the two documents were compared field by field (`verified` or `mismatch`).
    pub fn compared(self) -> bool {
        matches!(self, Status::Verified | Status::Mismatch)
    }
}

/// The form of the recomputed report the bytes are identical to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ByteForm"))]
pub enum Form {
    /// One line, as `assess` writes it (a final newline allowed).
    Compact,
    /// Indented, as `assess --pretty` writes it (a final newline allowed).
    Pretty,
}

/// A way two JSON texts of the same document can differ in layout only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "LayoutDifference"))]
pub enum Layout {
    /// A byte-order mark before the document.
    Bom,
    /// CRLF line endings.
    LineEndings,
    /// Other white space between tokens than either form has.
    Whitespace,
}

/// The report's format, as the report states it, and what it means for the check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormatCheck {
    /// The report's `format` (`null` when absent or not a string).
    pub report: Option<String>,
    /// The format this engine writes.
    pub current: &'static str,
    /// The report's `engine.version`, when it states one.
    pub engine_version: Option<String>,
    /// This engine's version.
    pub current_engine_version: &'static str,
    /// The detail the report was recomputed at (`full` or `verdicts`, from the report's `detail`;
    /// `full` when it states none); `null` when nothing was recomputed.
    #[cfg_attr(feature = "ts", ts(type = "Detail | null"))]
    pub detail: Option<&'static str>,
}

/// The input digest check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DigestCheck {
    /// The report's `input_sha256` (`null` when absent or not a string).
    pub report: Option<String>,
    /// SHA-256 of the input's RFC 8785 canonical form (`null` when the input is not JSON).
    pub input: Option<String>,
    /// Whether they are the same.
    pub matches: bool,
}

/// Where a pack used to recompute came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "VerifiedPackSource"))]
pub enum PackSource {
    /// One of the packs built into the engine.
    Embedded,
    /// The caller's pack (`VerifyOptions::pack`).
    Given,
}

/// A rule pack as a report names it, or as it was used to recompute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "VerifiedPack"))]
pub struct PackId {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// SHA-256 of the pack's canonical form.
    pub sha256: String,
    /// For the pack used: where it came from; `null` for the pack a report names.
    pub source: Option<PackSource>,
}

/// The pack check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "VerifiedPackCheck"))]
pub struct PackCheck {
    /// The pack the report names.
    pub report: Option<PackId>,
    /// The pack used to recompute.
    pub used: Option<PackId>,
    /// Whether they are the same pack (by SHA-256).
    pub matches: bool,
}

/// One field that differs between the report and the recomputed report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Difference {
    /// JSON pointer (RFC 6901) of the field.
    pub path: String,
    /// The value in the report; absent when the report lacks the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub report: Option<Value>,
    /// The recomputed value; absent when the recomputed report lacks the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub recomputed: Option<Value>,
    /// The id of the product the field belongs to (under `/products/N`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub product: Option<String>,
    /// The id of the criterion the field belongs to (under `/products/N/criteria/M`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    #[cfg_attr(feature = "ts", ts(type = "CriterionId"))]
    pub criterion: Option<String>,
}

/// The answer of [`verify`]. Field order is the JSON byte order.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Verification {
    /// The outcome.
    pub status: Status,
    /// Whether the report is the one this engine makes from the input (`status` is `verified`).
    pub verified: bool,
    /// The answer in one sentence, in Chinese and English.
    pub message: Text,
    /// `compact` or `pretty` when the bytes are identical to that form of the recomputed report
    /// (a final newline allowed).
    pub byte_identical: Option<Form>,
    /// When the bytes differ only in layout: which layouts.
    pub identical_but_for_layout: Option<Vec<Layout>>,
    /// Whether the recomputed report has input errors (and so no product verdicts).
    pub input_errors: bool,
    /// The report's format and engine; `null` when the report is not JSON.
    pub format: Option<FormatCheck>,
    /// The input digest check; `null` when the report is not one this engine could check.
    pub input_sha256: Option<DigestCheck>,
    /// The pack check; `null` when nothing was recomputed.
    pub pack: Option<PackCheck>,
    /// Problems of a rule pack given to recompute with (`status` `pack_invalid`).
    pub pack_findings: Vec<Finding>,
    /// Every field that differs, in the recomputed report's order (then fields only the report
    /// has); empty unless `status` is `mismatch`.
    pub differences: Vec<Difference>,
}

impl Verification {
    /// A verification that stopped before comparing anything.
    fn stopped(status: Status, message: Text) -> Verification {
        Verification {
            status,
            verified: false,
            message,
            byte_identical: None,
            identical_but_for_layout: None,
            input_errors: false,
            format: None,
            input_sha256: None,
            pack: None,
            pack_findings: Vec::new(),
            differences: Vec::new(),
        }
    }

    /// The answer when the rule pack given to recompute with is not valid: its findings, and no
    /// comparison (for front ends that receive the pack as text).
    pub fn pack_invalid(findings: Vec<Finding>) -> Verification {
        let mut answer = Verification::stopped(
            Status::PackInvalid,
            Text::new(
                "给出的规则包无效，未重新计算；问题如下。",
                "The rule pack given is not valid, so nothing was recomputed; its problems are listed.",
            ),
        );
        answer.pack_findings = findings;
        answer
    }
}

/// What a document's `format` member says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    CurrentReport,
    OtherReport,
    Input,
    Other,
}

/// What a document is, by its `format` member.
fn kind_of(format: Option<&str>) -> Kind {
    match format {
        Some(REPORT_FORMAT) => Kind::CurrentReport,
        Some(format) if format.starts_with(REPORT_FORMAT_PREFIX) => Kind::OtherReport,
        Some(format) if format.starts_with(INPUT_FORMAT_PREFIX) => Kind::Input,
        _ => Kind::Other,
    }
}

/// Verifies `report` (its text exactly as saved) against `input` (the assessment input's text):
/// recomputes the report with this engine, at the report's detail and with the report's pack
/// (embedded, or `options.pack`), and compares. Never panics.
pub fn verify(input: &str, report: &str, options: VerifyOptions) -> Verification {
    // Sizes first, as the reader does, so an oversized document costs nothing.
    for (text, zh, en) in [(input, "输入", "input"), (report, "报告", "report")] {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Verification::stopped(
                Status::TooLarge,
                Text::new(
                    fill("{0}超过 64 MiB 的上限，未读取。", &[zh]),
                    fill(
                        "The {0} is over the limit of 64 MiB; it was not read.",
                        &[en],
                    ),
                ),
            );
        }
    }
    let report_value = match read_report(report) {
        Ok(value) => value,
        Err(message) => return Verification::stopped(Status::ReportNotJson, message),
    };
    // The input is read into the reader's own tree: only its format and digest are needed here.
    let input_value = json::read(input).ok().map(|document| document.value);
    let input_kind = kind_of(
        input_value
            .as_ref()
            .and_then(|value| value.get("format"))
            .and_then(json::Value::as_str),
    );
    let input_is_report = matches!(input_kind, Kind::CurrentReport | Kind::OtherReport);
    let format = format_check(&report_value);
    match (
        kind_of(report_value.get("format").and_then(Value::as_str)),
        input_is_report,
    ) {
        (Kind::Input, true) => return with_format(
            Verification::stopped(
                Status::Swapped,
                Text::new(
                    "输入与报告放反了：输入处是报告，报告处是输入。请交换后再核对。",
                    "The input and the report are the wrong way round; swap them and verify again.",
                ),
            ),
            format,
        ),
        (Kind::Input, false) => {
            return with_format(
                Verification::stopped(
                    Status::ReportIsInput,
                    Text::new(
                        "报告处给出的是评估输入，不是报告。",
                        "The report given is an assessment input, not a report.",
                    ),
                ),
                format,
            )
        }
        (Kind::Other, _) => {
            let found = quote(format.report.as_deref().unwrap_or("null"));
            let message = say(
                "报告处给出的不是评估报告（其 format 为 `{0}`）。",
                "The report given is not an assessment report (its format is `{0}`).",
                &[&found],
            );
            return with_format(Verification::stopped(Status::NotAReport, message), format);
        }
        (Kind::CurrentReport | Kind::OtherReport, true) => {
            return with_format(
                Verification::stopped(
                    Status::InputIsReport,
                    Text::new(
                        "输入处给出的是评估报告，不是输入。",
                        "The input given is an assessment report, not an input.",
                    ),
                ),
                format,
            )
        }
        (Kind::OtherReport, false) => {
            let mut answer = other_format(&format);
            answer.input_sha256 = Some(digest_check(
                &report_value,
                input_value.as_ref().map(canonical::canonical_sha256_hex),
            ));
            return with_format(answer, format);
        }
        (Kind::CurrentReport, false) => {}
    }

    let detail = report_value
        .get("detail")
        .and_then(Value::as_str)
        .and_then(Detail::parse)
        .unwrap_or_default();
    let named = pack_named(&report_value);
    let (recomputed, source) = match recompute(input, named.as_ref(), options, detail) {
        Ok(found) => found,
        Err(message) => {
            let mut answer = Verification::stopped(Status::PackNeeded, message);
            answer.pack = Some(PackCheck {
                report: named,
                used: None,
                matches: false,
            });
            return with_format(answer, format);
        }
    };
    let format = FormatCheck {
        detail: Some(detail.as_str()),
        ..format
    };
    compare(report, report_value, &recomputed, source, named, format)
}

fn with_format(mut answer: Verification, format: FormatCheck) -> Verification {
    answer.format = Some(format);
    answer
}

/// A document's value as the engine reads its input (numbers kept as written, a BOM allowed); one
/// call site for the reader, which would otherwise be inlined at each.
#[inline(never)]
fn read(text: &str) -> Result<Value, json::ReadError> {
    json::read(text).map(|document| document.value.to_serde())
}

/// Reads the report's text; a byte-order mark is allowed (it is then a layout difference).
fn read_report(report: &str) -> Result<Value, Text> {
    match read(report) {
        Ok(value) => Ok(value),
        // Over the limit is answered before reading (see `verify`).
        Err(json::ReadError::TooLarge(_)) => Err(Text::new("", "")),
        Err(json::ReadError::Syntax(error)) => {
            let (line, column) = (error.line().to_string(), error.column().to_string());
            Err(say(
                "报告不是有效的 JSON（第 {0} 行第 {1} 列）。",
                "The report is not valid JSON (line {0}, column {1}).",
                &[&line, &column],
            ))
        }
    }
}

fn format_check(report: &Value) -> FormatCheck {
    let string = |value: Option<&Value>| value.and_then(Value::as_str).map(str::to_string);
    FormatCheck {
        report: string(report.get("format")),
        current: REPORT_FORMAT,
        engine_version: string(report.get("engine").and_then(|e| e.get("version"))),
        current_engine_version: crate::report::VERSION,
        detail: None,
    }
}

/// A report of another format: its fields mean other things, so they are not compared; the
/// answer says which format and engine made it and that it must be made again.
fn other_format(format: &FormatCheck) -> Verification {
    let found = quote(format.report.as_deref().unwrap_or_default());
    let (current, version) = (format.current, format.current_engine_version);
    let (made_by_zh, made_by_en) = match &format.engine_version {
        Some(made_by) => {
            let made_by = quote(made_by);
            (
                fill("由 patent-intensive {0} 生成", &[&made_by]),
                fill(", made by patent-intensive {0}", &[&made_by]),
            )
        }
        None => (
            "未注明引擎版本".to_string(),
            " with no engine version".to_string(),
        ),
    };
    let message = Text::new(
        fill(
            "此报告为 `{0}` 格式，{1}；本引擎（版本 {2}）生成 `{3}` 格式，无法逐项核对。请用本引擎由同一份输入重新生成报告。",
            &[&found, &made_by_zh, version, current],
        ),
        fill(
            "This report is in format `{0}`{1}; this engine (version {2}) makes `{3}` reports and cannot compare it field by field. Make the report again with this engine from the same input.",
            &[&found, &made_by_en, version, current],
        ),
    );
    Verification::stopped(Status::OtherFormat, message)
}

fn digest_check(report: &Value, input: Option<String>) -> DigestCheck {
    let reported = report
        .get("input_sha256")
        .and_then(Value::as_str)
        .map(str::to_string);
    DigestCheck {
        matches: reported.is_some() && reported == input,
        report: reported,
        input,
    }
}

/// The pack a report names, when it names one.
fn pack_named(report: &Value) -> Option<PackId> {
    let pack = report.get("pack")?;
    let field = |name: &str| pack.get(name).and_then(Value::as_str).map(str::to_string);
    Some(PackId {
        id: field("id")?,
        version: field("version").unwrap_or_default(),
        sha256: field("sha256").unwrap_or_default(),
        source: None,
    })
}

/// Recomputes the report as `assess` would have made it with the pack the report names: with the
/// caller's pack when given; else plainly when the input's own choice is that pack; else with the
/// embedded pack of that id and digest. A pack neither embedded nor given is not replaced by
/// another: that would only list the other pack's values as differences.
fn recompute(
    input: &str,
    named: Option<&PackId>,
    options: VerifyOptions,
    detail: Detail,
) -> Result<(Report, PackSource), Text> {
    // Options may gain members (report version 2 and after): those keep their defaults.
    #[allow(clippy::needless_update)]
    let with = |pack: Option<RulePack>| {
        crate::assess(
            input,
            &Options {
                pack,
                detail,
                ..Options::default()
            },
        )
    };
    if let Some(given) = options.pack {
        return Ok((with(Some(given)), PackSource::Given));
    }
    let plain = with(None);
    let Some(named) = named else {
        return Ok((plain, PackSource::Embedded));
    };
    if plain
        .pack
        .as_ref()
        .is_some_and(|p| p.id == named.id && p.sha256 == named.sha256)
    {
        return Ok((plain, PackSource::Embedded));
    }
    match pack::embedded_by_id(&named.id) {
        Some(embedded) if embedded.sha256 == named.sha256 => {
            Ok((with(Some(embedded)), PackSource::Embedded))
        }
        other => Err(pack_needed(named, other.as_ref())),
    }
}

fn pack_needed(named: &PackId, same_id: Option<&RulePack>) -> Text {
    let (id, version, sha) = (
        quote(&named.id),
        quote(&named.version),
        quote(&named.sha256),
    );
    match same_id {
        Some(embedded) => {
            let (ev, es) = (&embedded.version, &embedded.sha256);
            say(
                "无法重新计算：报告所用规则包为 `{0}` 版本 {1}（sha256 {2}），不在手边：内置的 `{0}` 是版本 {3}（sha256 {4}），内容不同。请给出该规则包；若无此规则包，则报告已被改动。",
                "Cannot recompute: the report needs rule pack `{0}` version {1} (sha256 {2}), which is not at hand: the embedded `{0}` is version {3} (sha256 {4}), other content. Give that pack; if none exists, the report was altered.",
                &[&id, &version, &sha, ev, es],
            )
        }
        None => say(
            "无法重新计算：报告所用规则包为 `{0}` 版本 {1}（sha256 {2}），不是内置规则包。请给出该规则包；若无此规则包，则报告已被改动。",
            "Cannot recompute: the report needs rule pack `{0}` version {1} (sha256 {2}), which is not embedded. Give that pack; if none exists, the report was altered.",
            &[&id, &version, &sha],
        ),
    }
}

/// Compares the report's text and value with the recomputed report.
fn compare(
    report_text: &str,
    report_value: Value,
    recomputed: &Report,
    source: PackSource,
    named: Option<PackId>,
    format: FormatCheck,
) -> Verification {
    let compact = recomputed.to_json();
    // The pretty form from the compact text rather than `to_json_pretty`: a second serialiser for
    // every report type would cost the WebAssembly module about 10 KB gzip.
    let pretty = pretty_of(&compact);
    let exact = |form: &str| report_text.strip_suffix('\n').unwrap_or(report_text) == form;
    let byte_identical = if exact(&compact) {
        Some(Form::Compact)
    } else if exact(&pretty) {
        Some(Form::Pretty)
    } else {
        None
    };
    let identical_but_for_layout = byte_identical
        .is_none()
        .then(|| layout_differences(report_text, &compact, &pretty))
        .flatten();
    let verified = byte_identical.is_some() || identical_but_for_layout.is_some();
    let input_sha256 = digest_check(&report_value, recomputed.input_sha256.clone());
    let used = recomputed.pack.as_ref().map(|p| PackId {
        id: p.id.clone(),
        version: p.version.clone(),
        sha256: p.sha256.clone(),
        source: Some(source),
    });
    let pack = PackCheck {
        matches: named.as_ref().map(|p| &p.sha256) == used.as_ref().map(|p| &p.sha256),
        report: named,
        used,
    };
    let differences = if verified {
        Vec::new()
    } else {
        // The recomputed report read back with the same reader as the report, so both sides hold
        // numbers as written and compare alike.
        match read(&compact) {
            Ok(value) => differences(&report_value, &value),
            Err(_) => Vec::new(),
        }
    };
    let input_errors = recomputed.has_errors();
    Verification {
        status: if verified {
            Status::Verified
        } else {
            Status::Mismatch
        },
        verified,
        message: headline(
            byte_identical,
            identical_but_for_layout.as_deref(),
            &differences,
        ),
        byte_identical,
        identical_but_for_layout,
        input_errors,
        format: Some(format),
        input_sha256: Some(input_sha256),
        pack: Some(pack),
        pack_findings: Vec::new(),
        differences,
    }
}

fn headline(form: Option<Form>, layout: Option<&[Layout]>, differences: &[Difference]) -> Text {
    if let Some(form) = form {
        let (zh, en) = match form {
            Form::Compact => ("紧凑", "compact"),
            Form::Pretty => ("缩进", "pretty"),
        };
        return Text::new(
            fill(
                "已核实：与由输入重新计算的报告字节完全相同（{0}形式）。",
                &[zh],
            ),
            fill(
                "Verified: identical bytes to the report recomputed from the input ({0} form).",
                &[en],
            ),
        );
    }
    if let Some(kinds) = layout {
        let (zh, en): (Vec<&str>, Vec<&str>) = kinds.iter().map(|kind| layout_words(*kind)).unzip();
        let (zh, en) = (zh.join("、"), en.join(", "));
        return Text::new(
            fill("已核实：与由输入重新计算的报告除排版外相同（不同之处：{0}）。", &[&zh]),
            fill(
                "Verified: identical but for layout to the report recomputed from the input (differs in {0}).",
                &[&en],
            ),
        );
    }
    match differences.len() {
        0 => Text::new(
            "不一致：字段都相同，但字节不同：报告被重新格式化过（键顺序或转义）。",
            "Mismatch: no field differs, but the bytes do: the report was re-formatted (key order or escapes).",
        ),
        1 => Text::new(
            "不一致：1 个字段与重新计算的报告不同。",
            "Mismatch: 1 field differs from the recomputed report.",
        ),
        count => say(
            "不一致：{0} 个字段与重新计算的报告不同。",
            "Mismatch: {0} fields differ from the recomputed report.",
            &[&count.to_string()],
        ),
    }
}

/// A layout difference in words (Chinese, English).
pub fn layout_words(kind: Layout) -> (&'static str, &'static str) {
    match kind {
        Layout::Bom => ("字节顺序标记（BOM）", "a byte-order mark (BOM)"),
        Layout::LineEndings => ("换行符（CRLF）", "line endings (CRLF)"),
        Layout::Whitespace => ("空白", "white space"),
    }
}

/// When the report's text is not a form of the recomputed report but differs from one only in
/// layout: which layout (a byte-order mark, CRLF line endings, white space between tokens).
/// `None` when anything else differs.
fn layout_differences(text: &str, compact: &str, pretty: &str) -> Option<Vec<Layout>> {
    let (bom, text) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if without_whitespace(text) != compact {
        return None;
    }
    let mut kinds = Vec::new();
    if bom {
        kinds.push(Layout::Bom);
    }
    // On the bytes: `str::contains` with a char pattern links its own searcher (about 2 KB of
    // the WebAssembly module) for this and two other calls.
    if text.as_bytes().contains(&b'\r') {
        kinds.push(Layout::LineEndings);
    }
    // CRLF as LF: the only `\r` a layout difference can hold is outside strings (inside one it
    // would be escaped), and `without_whitespace` above already showed there is nothing else.
    let lf: Vec<u8> = text.bytes().filter(|b| *b != b'\r').collect();
    let body = lf.strip_suffix(b"\n").unwrap_or(&lf);
    if body != compact.as_bytes() && body != pretty.as_bytes() {
        kinds.push(Layout::Whitespace);
    }
    Some(kinds)
}

/// Compact JSON text laid out as `serde_json::to_string_pretty` lays it out: two spaces per
/// level, `": "` after a member name, empty arrays and objects kept as `[]` and `{}`.
///
/// Works on bytes: every byte JSON structure uses is ASCII, and no byte of a multi-byte UTF-8
/// sequence is, so strings pass through whole (and decoding each character would cost the
/// WebAssembly module code for nothing).
fn pretty_of(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() * 2);
    let mut depth = 0usize;
    let mut string = StringScan::default();
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        for _ in 0..depth {
            out.extend_from_slice(b"  ");
        }
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        if string.inside(b) {
            out.push(b);
            continue;
        }
        match b {
            b'{' | b'[' => {
                out.push(b);
                match bytes.get(i) {
                    Some(&close @ (b'}' | b']')) => {
                        out.push(close);
                        i += 1;
                    }
                    _ => {
                        depth += 1;
                        newline(&mut out, depth);
                    }
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// JSON text without the white space between its tokens (strings kept whole), byte by byte as
/// [`pretty_of`] reads.
fn without_whitespace(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut string = StringScan::default();
    for &b in text.as_bytes() {
        if string.inside(b) || !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            out.push(b);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Where a byte-by-byte reader of JSON text stands with respect to strings, so that the two
/// layout readers above treat a string's bytes alike (kept whole, escapes included).
#[derive(Default)]
struct StringScan {
    in_string: bool,
    escaped: bool,
}

impl StringScan {
    /// Takes the next byte; true when it belongs to a string, its opening and closing quotes
    /// included.
    fn inside(&mut self, b: u8) -> bool {
        if !self.in_string {
            self.in_string = b == b'"';
            return self.in_string;
        }
        if self.escaped {
            self.escaped = false;
        } else if b == b'\\' {
            self.escaped = true;
        } else if b == b'"' {
            self.in_string = false;
        }
        true
    }
}

/// Every difference between `report` and `recomputed`, each named by its JSON pointer and by the
/// product and criterion it belongs to (their ids in the recomputed report, else in the
/// report for an element only it has), in the recomputed report's order, then members only the
/// report has. Reported at the deepest level where both sides are still objects or arrays.
pub fn differences(report: &Value, recomputed: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut path = String::new();
    walk(&mut path, Place::default(), report, recomputed, &mut out);
    out
}

/// Where in a report a value lies: the ids of the enclosing product and criterion, and
/// which array of them the next level is.
#[derive(Clone, Default)]
struct Place {
    product: Option<String>,
    criterion: Option<String>,
    /// The array just entered (`products`, `criteria`), at a level where its items name a
    /// product or criterion.
    entering: Option<&'static str>,
    depth: usize,
}

impl Place {
    /// The place of member `key` (in an object) at this one's depth plus one.
    fn member(&self, key: &str) -> Place {
        let entering = match (self.depth, key) {
            (0, "products") => Some("products"),
            (2, "criteria") => Some("criteria"),
            _ => None,
        };
        Place {
            entering,
            depth: self.depth + 1,
            ..self.clone()
        }
    }

    /// The place of an array item, named by `item`'s `id` when the array is one of products,
    /// criteria.
    fn item(&self, item: Option<&Value>) -> Place {
        let mut place = Place {
            entering: None,
            depth: self.depth + 1,
            ..self.clone()
        };
        let id = item
            .and_then(|v| v.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string);
        match self.entering {
            Some("products") => place.product = id,
            Some("criteria") => place.criterion = id,
            _ => {}
        }
        place
    }

    fn difference(
        &self,
        path: &str,
        report: Option<&Value>,
        recomputed: Option<&Value>,
    ) -> Difference {
        Difference {
            path: path.to_string(),
            report: report.cloned(),
            recomputed: recomputed.cloned(),
            product: self.product.clone(),
            criterion: self.criterion.clone(),
        }
    }
}

fn walk(
    path: &mut String,
    place: Place,
    report: &Value,
    recomputed: &Value,
    out: &mut Vec<Difference>,
) {
    let base = path.len();
    match (report, recomputed) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, b_value) in b {
                push_token(path, key);
                let here = place.member(key);
                match a.get(key) {
                    Some(a_value) => walk(path, here, a_value, b_value, out),
                    None => out.push(here.difference(path, None, Some(b_value))),
                }
                path.truncate(base);
            }
            for (key, a_value) in a {
                if !b.contains_key(key) {
                    push_token(path, key);
                    out.push(place.member(key).difference(path, Some(a_value), None));
                    path.truncate(base);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for index in 0..a.len().max(b.len()) {
                push_token(path, &index.to_string());
                let (x, y) = (a.get(index), b.get(index));
                let here = place.item(y.or(x));
                match (x, y) {
                    (Some(x), Some(y)) => walk(path, here, x, y, out),
                    (x, y) => out.push(here.difference(path, x, y)),
                }
                path.truncate(base);
            }
        }
        (a, b) => {
            if a != b {
                out.push(place.difference(path, Some(a), Some(b)));
            }
        }
    }
}

/// Appends a reference token, escaped as RFC 6901 requires.
fn push_token(path: &mut String, token: &str) {
    path.push('/');
    for c in token.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// A message whose `{0}`, `{1}`… are `args` in both languages. One routine fills every message:
/// a `format!` per message costs the WebAssembly module about 2 KB gzip more.
fn say(zh: &str, en: &str, args: &[&str]) -> Text {
    Text::new(fill(zh, args), fill(en, args))
}

/// `template` with each `{N}` (one digit) replaced by `args[N]`; any other brace kept.
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 80);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        match tail.as_bytes().get(1..3) {
            Some([digit @ b'0'..=b'9', b'}']) => {
                let index = usize::from(digit - b'0');
                out.push_str(args.get(index).copied().unwrap_or_default());
                rest = tail.get(3..).unwrap_or_default();
            }
            _ => {
                out.push('{');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a message quotes of a report's own text: a SHA-256 whole, anything longer cut to 60
/// characters as findings quote, so a hostile report cannot make the answer long.
fn quote(text: &str) -> String {
    if text.len() <= 64 {
        text.to_string()
    } else {
        crate::findings::shorten(text)
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_each_changed_field_by_pointer() {
        let report = json!({"a": 1, "p": [{"v": "pass"}, {"v": "fail"}], "x/y": 1, "gone": true});
        let recomputed = json!({"a": 1, "p": [{"v": "pass"}, {"v": "pass"}], "x/y": 2, "new": 0});
        let found = differences(&report, &recomputed);
        let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["/new", "/p/1/v", "/x~1y", "/gone"]);
        assert_eq!(found[1].report, Some(json!("fail")));
        assert_eq!(found[1].recomputed, Some(json!("pass")));
        assert_eq!(found[0].report, None);
        assert_eq!(found[3].recomputed, None);
    }

    #[test]
    fn equal_documents_have_no_difference() {
        let doc = json!({"a": [1, {"b": null}]});
        assert!(differences(&doc, &doc).is_empty());
    }

    #[test]
    fn a_product_only_the_report_has_is_named_from_the_report() {
        let report = json!({"products": [{"id": "P1"}, {"id": "P9", "verdict": "qualifies"}]});
        let recomputed = json!({"products": [{"id": "P1"}]});
        let found = differences(&report, &recomputed);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "/products/1");
        assert_eq!(found[0].product.as_deref(), Some("P9"));
        assert_eq!(found[0].criterion, None);
    }

    #[test]
    fn messages_are_filled_in_place() {
        assert_eq!(fill("{1} {0} {0}", &["a", "b"]), "b a a");
        assert_eq!(fill("{x} {9} {", &["a"]), "{x}  {");
    }

    #[test]
    fn the_pretty_form_is_serde_json_s() {
        let value = json!({"a": [], "b": {}, "c": [1, {"d": "x,y:{[\\\"]}"}], "e": null});
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            pretty_of(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
        let report = crate::assess(
            include_str!("../examples/fuzhou-bogie-monitor.json"),
            &Options::default(),
        );
        assert_eq!(pretty_of(&report.to_json()), report.to_json_pretty());
        let invalid = crate::assess("{}", &Options::default());
        assert_eq!(pretty_of(&invalid.to_json()), invalid.to_json_pretty());
    }

    #[test]
    fn layout_is_told_apart_from_content() {
        let compact = r#"{"a":"x y","b":[1,2]}"#;
        let pretty = "{\n  \"a\": \"x y\",\n  \"b\": [\n    1,\n    2\n  ]\n}";
        assert_eq!(
            layout_differences("{ \"a\" : \"x y\", \"b\": [1, 2] }", compact, pretty),
            Some(vec![Layout::Whitespace])
        );
        assert_eq!(
            layout_differences(&format!("\u{feff}{pretty}"), compact, pretty),
            Some(vec![Layout::Bom])
        );
        // White space inside a string is content.
        assert_eq!(
            layout_differences(r#"{"a":"xy","b":[1,2]}"#, compact, pretty),
            None
        );
    }
}
