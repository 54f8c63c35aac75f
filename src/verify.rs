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
//!   with both values and the product, criterion and indicator it belongs to; with the input
//!   digest check and the pack check.

use serde::Serialize;
use serde_json::Value;

use crate::limits::MAX_DOCUMENT_BYTES;
use crate::pack::{self, RulePack};
use crate::report::REPORT_FORMAT;
use crate::text::{text, Text};
use crate::{canonical, json, Detail, Finding, Options, Report};

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
    /// The report is not JSON (or too large to read).
    ReportNotJson,
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
pub enum Form {
    /// One line, as `assess` writes it (a final newline allowed).
    Compact,
    /// Indented, as `assess --pretty` writes it (a final newline allowed).
    Pretty,
}

/// A way two JSON texts of the same document can differ in layout only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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
    pub detail: Option<&'static str>,
}

/// The input digest check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
pub enum PackSource {
    /// One of the packs built into the engine.
    Embedded,
    /// The caller's own pack (`VerifyOptions::pack`), not an embedded one.
    Given,
}

/// A rule pack as a report names it, or as it was used to recompute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
pub struct Difference {
    /// JSON pointer (RFC 6901) of the field.
    pub path: String,
    /// The value in the report; absent when the report lacks the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<Value>,
    /// The recomputed value; absent when the recomputed report lacks the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recomputed: Option<Value>,
    /// The id of the product the field belongs to (under `/products/N`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// The id of the criterion the field belongs to (under `/products/N/criteria/M`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The id of the indicator the field belongs to (a criterion's or a product's indicator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
}

/// The answer of [`verify`]. Field order is the JSON byte order.
#[derive(Clone, Debug, Serialize)]
pub struct Verification {
    /// The outcome.
    pub status: Status,
    /// Whether the report is the one this engine makes from the input (`status` is `verified`).
    pub verified: bool,
    /// The answer in one sentence, in Chinese and English.
    pub message: Text,
    /// Further statements, each one sentence: the input digest, the pack, an input with errors.
    pub notes: Vec<Text>,
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
            notes: Vec::new(),
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
                "给出的规则包无效，无法用它重新计算；问题如下。",
                "The rule pack given is not valid, so nothing was recomputed with it; its problems are listed.",
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

fn kind_of(value: &Value) -> Kind {
    match value.get("format").and_then(Value::as_str) {
        Some(REPORT_FORMAT) => Kind::CurrentReport,
        Some(format) if format.starts_with(REPORT_FORMAT_PREFIX) => Kind::OtherReport,
        Some(format) if format.starts_with(INPUT_FORMAT_PREFIX) => Kind::Input,
        _ => Kind::Other,
    }
}

/// Verifies `report` (its text exactly as saved) against `input` (the assessment input's text):
/// recomputes the report with this engine, at the report's detail and with the report's pack
/// (embedded, or `options.pack`), and compares. Never panics.
pub fn verify(input: &str, report: &str, options: &VerifyOptions) -> Verification {
    let report_value = match read_report(report) {
        Ok(value) => value,
        Err(message) => return Verification::stopped(Status::ReportNotJson, message),
    };
    let input_value = (input.len() <= MAX_DOCUMENT_BYTES)
        .then(|| json::read(input).ok())
        .flatten()
        .map(|document| document.value);
    let input_kind = input_value.as_ref().map_or(Kind::Other, kind_of);
    let input_is_report = matches!(input_kind, Kind::CurrentReport | Kind::OtherReport);
    let format = format_check(&report_value);
    match (kind_of(&report_value), input_is_report) {
        (Kind::Input, true) => {
            return with_format(
                Verification::stopped(
                    Status::Swapped,
                    Text::new(
                        "输入和报告放反了：作为输入给出的是评估报告，作为报告给出的是评估输入。请交换两者后再核对。",
                        "The input and the report are the wrong way round: what was given as the input is an assessment report, and what was given as the report is an assessment input. Swap them and verify again.",
                    ),
                ),
                format,
            )
        }
        (Kind::Input, false) => {
            return with_format(
                Verification::stopped(
                    Status::ReportIsInput,
                    Text::new(
                        "作为报告给出的是评估输入，不是评估报告。请给出由该输入生成的报告。",
                        "What was given as the report is an assessment input, not a report. Give the report made from the input.",
                    ),
                ),
                format,
            )
        }
        (Kind::Other, _) => {
            let message = match &format.report {
                Some(found) => {
                    let found = quote(found);
                    text!(
                        "作为报告给出的不是评估报告：其 format 为 `{found}`，而评估报告的 format 为 `{REPORT_FORMAT}`。",
                        "What was given as the report is not an assessment report: its format is `{found}`, where a report's is `{REPORT_FORMAT}`."
                    )
                }
                None => text!(
                    "作为报告给出的不是评估报告：它没有 format `{REPORT_FORMAT}`。",
                    "What was given as the report is not an assessment report: it has no format `{REPORT_FORMAT}`."
                ),
            };
            return with_format(Verification::stopped(Status::NotAReport, message), format);
        }
        (Kind::CurrentReport | Kind::OtherReport, true) => {
            return with_format(
                Verification::stopped(
                    Status::InputIsReport,
                    Text::new(
                        "作为输入给出的是评估报告，不是评估输入。请给出生成该报告所用的输入。",
                        "What was given as the input is an assessment report, not an input. Give the input the report was made from.",
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
    compare(report, &report_value, &recomputed, source, named, format)
}

fn with_format(mut answer: Verification, format: FormatCheck) -> Verification {
    answer.format = Some(format);
    answer
}

/// Reads the report's text; a byte-order mark is allowed (it is then a layout difference).
fn read_report(report: &str) -> Result<Value, Text> {
    match json::read(report) {
        Ok(document) => Ok(document.value),
        Err(json::ReadError::TooLarge(_)) => Err(text!(
            "报告超过 {MAX_DOCUMENT_BYTES} 字节（64 MiB）的上限，未读取。",
            "The report is over the limit of {MAX_DOCUMENT_BYTES} bytes (64 MiB); it was not read."
        )),
        Err(json::ReadError::Syntax(error)) => {
            let (line, column) = (error.line(), error.column());
            Err(text!(
                "报告不是有效的 JSON（第 {line} 行第 {column} 列）。",
                "The report is not valid JSON (line {line}, column {column})."
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
        current_engine_version: crate::VERSION,
        detail: None,
    }
}

/// A report of another format: its fields mean other things, so they are not compared; the
/// answer says which format and engine made it and that it must be made again.
fn other_format(format: &FormatCheck) -> Verification {
    let found = quote(format.report.as_deref().unwrap_or_default());
    let (current, version) = (format.current, format.current_engine_version);
    let message = match &format.engine_version {
        Some(made_by) => {
            let made_by = quote(made_by);
            text!(
                "此报告的格式为 `{found}`，由 patent-intensive {made_by} 生成；本引擎（版本 {version}）生成的是 `{current}` 格式，无法逐项核对。请用本引擎由同一份输入重新生成报告。",
                "This report is in format `{found}`, made by patent-intensive {made_by}; this engine (version {version}) makes `{current}` reports, so it cannot check it field by field. Make the report again with this engine from the same input."
            )
        }
        None => text!(
            "此报告的格式为 `{found}`，未注明生成它的引擎版本；本引擎（版本 {version}）生成的是 `{current}` 格式，无法逐项核对。请用本引擎由同一份输入重新生成报告。",
            "This report is in format `{found}` and does not name the engine version that made it; this engine (version {version}) makes `{current}` reports, so it cannot check it field by field. Make the report again with this engine from the same input."
        ),
    };
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
    options: &VerifyOptions,
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
    if let Some(given) = &options.pack {
        let source = match pack::embedded_by_id(&given.id) {
            Some(embedded) if embedded.sha256 == given.sha256 => PackSource::Embedded,
            _ => PackSource::Given,
        };
        return Ok((with(Some(given.clone())), source));
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
            text!(
                "无法重新计算：报告所用规则包为 `{id}` 版本 {version}（sha256 {sha}），不在手边：内置的 `{id}` 是版本 {ev}（sha256 {es}），内容不同，无法用它核对。请给出该规则包；若不存在这样的规则包，则报告已被改动。",
                "Cannot recompute: the report needs rule pack `{id}` version {version} (sha256 {sha}), which is not at hand: the embedded `{id}` is version {ev} (sha256 {es}), other content, so it cannot verify the report. Give that pack; if no such pack exists, the report was altered."
            )
        }
        None => text!(
            "无法重新计算：报告所用规则包为 `{id}` 版本 {version}（sha256 {sha}），它不是内置规则包。请给出该规则包；若不存在这样的规则包，则报告已被改动。",
            "Cannot recompute: the report needs rule pack `{id}` version {version} (sha256 {sha}), which is not embedded. Give that pack; if no such pack exists, the report was altered."
        ),
    }
}

/// Compares the report's text and value with the recomputed report.
fn compare(
    report_text: &str,
    report_value: &Value,
    recomputed: &Report,
    source: PackSource,
    named: Option<PackId>,
    format: FormatCheck,
) -> Verification {
    let compact = recomputed.to_json();
    let pretty = recomputed.to_json_pretty();
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
    let input_sha256 = digest_check(report_value, recomputed.input_sha256.clone());
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
        match json::read(&compact) {
            Ok(document) => differences(report_value, &document.value),
            Err(_) => Vec::new(),
        }
    };
    let input_errors = recomputed.has_errors();
    let mut notes = vec![digest_note(&input_sha256)];
    notes.extend(pack_note(&pack));
    if verified && input_errors {
        notes.push(Text::new(
            "注意：输入有错误，报告只列出问题，没有产品结论。",
            "Note: the input has errors, so the report lists findings and no product verdict.",
        ));
    }
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
        notes,
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
        return text!(
            "已核实：报告与由输入重新计算的报告字节完全相同（{zh}形式）。",
            "Verified: the report has identical bytes to the report recomputed from the input ({en} form)."
        );
    }
    if let Some(kinds) = layout {
        let (zh, en): (Vec<&str>, Vec<&str>) = kinds.iter().map(|kind| layout_words(*kind)).unzip();
        let (zh, en) = (zh.join("、"), en.join(", "));
        return text!(
            "已核实：报告与由输入重新计算的报告除排版外相同（不同之处：{zh}）。",
            "Verified: the report is identical but for layout to the report recomputed from the input (it differs in {en})."
        );
    }
    match differences.len() {
        0 => Text::new(
            "不一致：没有字段不同，但字节不同：报告被重新格式化过（键顺序或转义）。",
            "Mismatch: no field differs, but the bytes do: the report was re-formatted (key order or escapes).",
        ),
        1 => Text::new(
            "不一致：报告不是由输入重新计算所得的报告，1 个字段不同。",
            "Mismatch: the report is not the one recomputed from the input; 1 field differs.",
        ),
        count => text!(
            "不一致：报告不是由输入重新计算所得的报告，{count} 个字段不同。",
            "Mismatch: the report is not the one recomputed from the input; {count} fields differ."
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

fn digest_note(check: &DigestCheck) -> Text {
    let input = check.input.as_deref().unwrap_or("null");
    if check.matches {
        return text!(
            "输入摘要：input_sha256 {input} 与输入一致。",
            "Input digest: input_sha256 {input} matches the input."
        );
    }
    let reported = check
        .report
        .as_deref()
        .map_or_else(|| "null".to_string(), quote);
    text!(
        "输入摘要不符：报告的 input_sha256 为 {reported}，而输入的摘要为 {input}：报告出自另一份输入，或输入已被改动。",
        "Input digest does not match: the report's input_sha256 is {reported}, but the input's is {input}: the report was made from a different input, or the input was changed."
    )
}

fn pack_note(check: &PackCheck) -> Option<Text> {
    match (&check.report, &check.used) {
        (_, Some(used)) if check.matches => {
            let (zh, en) = match used.source {
                Some(PackSource::Given) => ("给出的规则包", "the pack given"),
                _ => ("内置", "embedded"),
            };
            let (id, version, sha) = (&used.id, &used.version, &used.sha256);
            Some(text!(
                "规则包：{id} {version} sha256 {sha}（{zh}）。",
                "Rule pack: {id} {version} sha256 {sha} ({en})."
            ))
        }
        (Some(named), used) if !check.matches => {
            let used = used.as_ref().map_or("null", |u| u.sha256.as_str());
            let (id, version, sha) = (
                quote(&named.id),
                quote(&named.version),
                quote(&named.sha256),
            );
            Some(text!(
                "规则包不符：报告写的是 `{id}` {version} sha256 {sha}，而重新计算所用规则包的 sha256 为 {used}：规则包版本不同，或报告已被改动。",
                "Rule pack does not match: the report names `{id}` {version} sha256 {sha}, but the pack used to recompute has sha256 {used}: a different version of the pack, or an altered report."
            ))
        }
        _ => None,
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
    if text.contains('\r') {
        kinds.push(Layout::LineEndings);
    }
    let lf = text.replace("\r\n", "\n");
    let body = lf.strip_suffix('\n').unwrap_or(&lf);
    if body != compact && body != pretty {
        kinds.push(Layout::Whitespace);
    }
    Some(kinds)
}

/// JSON text without the white space between its tokens (strings kept whole).
fn without_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// Every difference between `report` and `recomputed`, each named by its JSON pointer and by the
/// product, criterion and indicator it belongs to. Reported at the deepest level where both sides
/// are still objects or arrays.
pub fn differences(report: &Value, recomputed: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk("", report, recomputed, &mut out);
    for difference in &mut out {
        locate(difference, recomputed, report);
    }
    out
}

fn walk(path: &str, report: &Value, recomputed: &Value, out: &mut Vec<Difference>) {
    let difference =
        |path: String, report: Option<&Value>, recomputed: Option<&Value>| Difference {
            path,
            report: report.cloned(),
            recomputed: recomputed.cloned(),
            product: None,
            criterion: None,
            indicator: None,
        };
    match (report, recomputed) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, b_value) in b {
                let here = pointer(path, key);
                match a.get(key) {
                    Some(a_value) => walk(&here, a_value, b_value, out),
                    None => out.push(difference(here, None, Some(b_value))),
                }
            }
            for (key, a_value) in a {
                if !b.contains_key(key) {
                    out.push(difference(pointer(path, key), Some(a_value), None));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for index in 0..a.len().max(b.len()) {
                let here = pointer(path, &index.to_string());
                match (a.get(index), b.get(index)) {
                    (Some(x), Some(y)) => walk(&here, x, y, out),
                    (x, y) => out.push(difference(here, x, y)),
                }
            }
        }
        (a, b) => {
            if a != b {
                out.push(difference(path.to_string(), Some(a), Some(b)));
            }
        }
    }
}

/// Names the product, criterion and indicator a difference's path lies under, by their ids in the
/// recomputed report (else in the report, for an element only the report has).
fn locate(difference: &mut Difference, recomputed: &Value, report: &Value) {
    let tokens: Vec<&str> = difference.path.split('/').skip(1).collect();
    let id = |prefix: &[&str]| {
        let at = format!("/{}/id", prefix.join("/"));
        [recomputed, report]
            .iter()
            .find_map(|doc| doc.pointer(&at).and_then(Value::as_str))
            .map(str::to_string)
    };
    let index = |at: usize| {
        tokens
            .get(at)
            .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
    };
    if tokens.first() != Some(&"products") || index(1).is_none() {
        return;
    }
    difference.product = tokens.get(..2).and_then(&id);
    match tokens.get(2) {
        Some(&"criteria") if index(3).is_some() => {
            difference.criterion = tokens.get(..4).and_then(&id);
            if tokens.get(4) == Some(&"indicators") && index(5).is_some() {
                difference.indicator = tokens.get(..6).and_then(&id);
            }
        }
        Some(&"indicators") if index(3).is_some() => {
            difference.indicator = tokens.get(..4).and_then(&id);
        }
        _ => {}
    }
}

/// Appends a reference token, escaped as RFC 6901 requires.
fn pointer(base: &str, token: &str) -> String {
    format!("{base}/{}", token.replace('~', "~0").replace('/', "~1"))
}

/// What a message quotes of a report's own text: at most 100 characters (a SHA-256 whole), so a
/// hostile report cannot make the answer long.
fn quote(text: &str) -> String {
    const LIMIT: usize = 100;
    if text.chars().count() <= LIMIT {
        text.to_string()
    } else {
        let head: String = text.chars().take(LIMIT).collect();
        format!("{head}…")
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
