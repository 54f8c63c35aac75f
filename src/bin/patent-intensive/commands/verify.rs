//! `verify --input INPUT REPORT`: recompute a report and confirm it byte for byte ("identical
//! bytes"), or as identical but for layout (naming which: a BOM, CRLF line endings, white space);
//! on a mismatch,
//! name every differing field, and say plainly when the input digest or the pack digest is not
//! the one the report carries.

use patent_intensive::report::REPORT_FORMAT;
use patent_intensive::{pack, Assessor, Options, Report};
use serde::Serialize;
use serde_json::Value;

use super::Context;
use crate::args::{Arg, Command};
use crate::diff::{self, Difference};
use crate::io::{self, PackSource};
use crate::lang::{msg, Exit, Failure, Lang};
use crate::Outcome;

const COMMAND: Command = Command {
    name: "verify",
    takes: &["--input", "--pack", "--json"],
};

/// What `verify` is given.
struct Args {
    /// The report file, `-` for standard input.
    report: String,
    /// `--input FILE|-`: the input the report claims to be of.
    input: String,
    /// `--pack ID|FILE`: the pack to recompute with, when the report's is not embedded.
    pack: Option<String>,
    /// `--json`: the verdict as JSON.
    json: bool,
}

fn parse(tokens: &[String]) -> Result<Args, Failure> {
    let (mut input, mut pack, mut json, mut positionals) = (None, None, false, Vec::new());
    let mut parser = COMMAND.parser(tokens);
    while let Some(arg) = COMMAND.next(&mut parser)? {
        match arg {
            Arg::Long("input") => COMMAND.value_once(&mut parser, &mut input, "--input")?,
            Arg::Long("pack") => COMMAND.value_once(&mut parser, &mut pack, "--pack")?,
            Arg::Long("json") => json = true,
            Arg::Value(value) => positionals.push(COMMAND.text(value)?),
            other => return Err(COMMAND.error(other.unexpected())),
        }
    }
    let report = COMMAND.one(positionals, "REPORT")?;
    let input = input.ok_or_else(|| {
        Failure::usage(msg!(
            "`verify` 需要 `--input <输入>`",
            "`verify` needs `--input <INPUT>`"
        ))
        .help(msg!(
            "例如：patent-intensive verify --input input.json report.json",
            "for example: patent-intensive verify --input input.json report.json"
        ))
    })?;
    Ok(Args {
        report,
        input,
        pack,
        json,
    })
}

/// A pack as a report names it, or as it was used to recompute.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct PackId {
    id: String,
    version: String,
    sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
}

/// What `verify` found, as `--json` prints it.
#[derive(Debug, Serialize)]
struct Verdict {
    verified: bool,
    /// `compact` or `pretty` when the bytes are identical to that form (a final newline, as
    /// `assess` writes it, allowed).
    byte_identical: Option<&'static str>,
    /// When the bytes differ only in layout: which (`bom`, `line_endings`, `whitespace`).
    identical_but_for_layout: Option<Vec<&'static str>>,
    input_errors: bool,
    input_sha256: DigestCheck,
    pack: PackCheck,
    differences: Vec<Difference>,
}

#[derive(Debug, Serialize)]
struct DigestCheck {
    report: Value,
    input: Option<String>,
    matches: bool,
}

#[derive(Debug, Serialize)]
struct PackCheck {
    report: Option<PackId>,
    used: Option<PackId>,
    matches: bool,
}

/// Runs `verify`.
pub fn run(tokens: &[String], context: &Context) -> Outcome {
    let args = parse(tokens)?;
    let (report_path, input_path) = (args.report.as_str(), args.input.as_str());
    if input_path == "-" && report_path == "-" {
        return Err(Failure::usage(msg!(
            "输入和报告不能都来自标准输入",
            "the input and the report cannot both be standard input"
        )));
    }
    let input = io::read_source(input_path)?;
    let report_bytes = io::read_source(report_path)?;
    let report_text = io::text_of(&report_bytes).ok_or_else(|| {
        Failure::invalid(msg!(
            "报告 `{report_path}` 不是 UTF-8 编码的文本",
            "the report `{report_path}` is not UTF-8 encoded text"
        ))
    })?;
    let report: Value = serde_json::from_str(report_text).map_err(|error| {
        let (line, column) = (error.line(), error.column());
        Failure::invalid(msg!(
            "报告 `{report_path}` 不是有效的 JSON（第 {line} 行第 {column} 列）",
            "the report `{report_path}` is not valid JSON (line {line}, column {column})"
        ))
    })?;
    if report.get("format").and_then(Value::as_str) != Some(REPORT_FORMAT) {
        return Err(Failure::invalid(msg!(
            "`{report_path}` 不是评估报告（`format` 应为 `{REPORT_FORMAT}`）",
            "`{report_path}` is not an assessment report (`format` must be `{REPORT_FORMAT}`)"
        )));
    }
    let named = pack_named(&report);
    let (recomputed, source) = recompute(&input, named.as_ref(), args.pack.as_deref())?;

    let compact = recomputed.to_json();
    let recomputed_value: Value = serde_json::from_str(&compact).unwrap_or(Value::Null);
    let pretty = recomputed.to_json_pretty();
    let exact =
        |form: &str| report_bytes.strip_suffix(b"\n").unwrap_or(&report_bytes) == form.as_bytes();
    let byte_identical = if exact(&compact) {
        Some("compact")
    } else if exact(&pretty) {
        Some("pretty")
    } else {
        None
    };
    let identical_but_for_layout = byte_identical
        .is_none()
        .then(|| layout_differences(&report_bytes, report_text, &compact, &pretty))
        .flatten();
    let reported_digest = report.get("input_sha256").cloned().unwrap_or(Value::Null);
    let input_digest = recomputed.input_sha256.clone();
    let digest_matches = reported_digest.as_str() == input_digest.as_deref();
    let used = recomputed.pack.as_ref().map(|p| PackId {
        id: p.id.clone(),
        version: p.version.clone(),
        sha256: p.sha256.clone(),
        source: Some(match source {
            PackSource::Embedded => "embedded",
            PackSource::File => "file",
        }),
    });
    let pack_matches = named.as_ref().map(|p| &p.sha256) == used.as_ref().map(|p| &p.sha256);
    let verdict = Verdict {
        verified: byte_identical.is_some() || identical_but_for_layout.is_some(),
        byte_identical,
        identical_but_for_layout,
        input_errors: recomputed.has_errors(),
        input_sha256: DigestCheck {
            report: reported_digest,
            input: input_digest,
            matches: digest_matches,
        },
        pack: PackCheck {
            report: named,
            used,
            matches: pack_matches,
        },
        differences: diff::differences(&report, &recomputed_value),
    };
    let out = if args.json {
        io::pretty_json(&verdict)?
    } else {
        text(&verdict, report_path, input_path, context.lang)
    };
    io::write_stdout(out.as_bytes())?;
    Ok(match (verdict.verified, verdict.input_errors) {
        (false, _) => Exit::Mismatch,
        (true, true) => Exit::Invalid,
        (true, false) => Exit::Ok,
    })
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

/// Recomputes the report the way `assess` would have made it with the pack the report names:
/// plainly when the input's own choice of pack is that pack, else with that pack applied.
fn recompute(
    input: &[u8],
    named: Option<&PackId>,
    pack_arg: Option<&str>,
) -> Result<(Report, PackSource), Failure> {
    if let Some(arg) = pack_arg {
        let (pack, source) = io::require_pack(arg)?;
        let options = Options {
            pack: Some(pack),
            ..Options::default()
        };
        return Ok((io::assess_bytes(&Assessor::new(), input, &options), source));
    }
    let plain = io::assess_bytes(&Assessor::new(), input, &Options::default());
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
        Some(pack) if pack.sha256 == named.sha256 => {
            let options = Options {
                pack: Some(pack),
                ..Options::default()
            };
            Ok((
                io::assess_bytes(&Assessor::new(), input, &options),
                PackSource::Embedded,
            ))
        }
        other => Err(pack_needed(named, other.as_ref())),
    }
}

/// The report was made with a pack (by SHA-256) that is neither embedded nor given: recomputing
/// with another pack would only list the other pack's values as differences, so `verify` names
/// the pack the report needs instead.
fn pack_needed(named: &PackId, same_id: Option<&pack::RulePack>) -> Failure {
    let (id, version, sha) = (&named.id, &named.version, &named.sha256);
    let message = match same_id {
        Some(embedded) => {
            let (ev, es) = (&embedded.version, &embedded.sha256);
            msg!(
                "报告所用规则包为 `{id}` 版本 {version}（sha256 {sha}），不在手边：内置的 `{id}` 是版本 {ev}（sha256 {es}），内容不同，无法用它核对",
                "the report needs rule pack `{id}` version {version} (sha256 {sha}), which is not at hand: the embedded `{id}` is version {ev} (sha256 {es}), other content, so it cannot verify the report"
            )
        }
        None => msg!(
            "报告所用规则包为 `{id}` 版本 {version}（sha256 {sha}），它不是内置规则包，无法重新计算",
            "the report needs rule pack `{id}` version {version} (sha256 {sha}), which is not embedded, so it cannot be recomputed"
        ),
    };
    Failure::invalid(message).help(msg!(
        "用 `--pack 文件` 给出该规则包（`patent-intensive pack check 文件` 显示文件的 sha256）；若不存在这样的规则包，则报告已被改动",
        "give that pack with `--pack FILE` (`patent-intensive pack check FILE` shows a file's sha256); if no such pack exists, the report was altered"
    ))
}

/// `assess` ends its output with a newline; a saved report may or may not keep it.
/// When the report's bytes are not a form of the recomputed report but differ from one only in
/// layout: which layout (a byte-order mark, CRLF line endings, white space between tokens).
/// `text` is the report with a BOM already removed. `None` when anything else differs.
fn layout_differences(
    bytes: &[u8],
    text: &str,
    compact: &str,
    pretty: &str,
) -> Option<Vec<&'static str>> {
    if without_whitespace(text) != compact {
        return None;
    }
    let mut kinds = Vec::new();
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        kinds.push("bom");
    }
    if text.contains('\r') {
        kinds.push("line_endings");
    }
    let lf = text.replace("\r\n", "\n");
    let body = lf.strip_suffix('\n').unwrap_or(&lf);
    if body != compact && body != pretty {
        kinds.push("whitespace");
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

/// Longest value shown in the text output; `--json` always shows all of it.
const SHOWN_CHARS: usize = 240;

fn shown(value: Option<&Value>, lang: Lang) -> String {
    let Some(value) = value else {
        return lang.pick("（无此字段）", "(absent)").to_string();
    };
    let text = value.to_string();
    let total = text.chars().count();
    if total <= SHOWN_CHARS {
        return text;
    }
    let head: String = text.chars().take(SHOWN_CHARS).collect();
    let more = total - SHOWN_CHARS;
    match lang {
        Lang::Zh => format!("{head}…（另有 {more} 个字符，--json 可显示全部）"),
        Lang::En => format!("{head}… ({more} more characters; --json shows all)"),
    }
}

fn text(verdict: &Verdict, report: &str, input: &str, lang: Lang) -> String {
    let mut out = String::new();
    let zh = lang == Lang::Zh;
    if let Some(form) = verdict.byte_identical {
        out.push_str(&if zh {
            let form = if form == "compact" { "紧凑" } else { "缩进" };
            format!("已核实：`{report}` 与由 `{input}` 重新计算的报告字节完全相同（{form}形式）\n")
        } else {
            format!("verified: `{report}` has identical bytes to the report recomputed from `{input}` ({form} form)\n")
        });
    } else if let Some(kinds) = &verdict.identical_but_for_layout {
        let (zh_kinds, en_kinds): (Vec<&str>, Vec<&str>) = kinds
            .iter()
            .map(|kind| match *kind {
                "bom" => ("字节顺序标记（BOM）", "a byte-order mark (BOM)"),
                "line_endings" => ("换行符（CRLF）", "line endings (CRLF)"),
                _ => ("空白", "white space"),
            })
            .unzip();
        out.push_str(&if zh {
            let kinds = zh_kinds.join("、");
            format!("已核实：`{report}` 与由 `{input}` 重新计算的报告除排版外相同（不同之处：{kinds}）\n")
        } else {
            let kinds = en_kinds.join(", ");
            format!("verified: `{report}` is identical but for layout to the report recomputed from `{input}` (differs in: {kinds})\n")
        });
    } else {
        out.push_str(&if zh {
            format!("不一致：`{report}` 不是由 `{input}` 重新计算所得的报告\n")
        } else {
            format!("mismatch: `{report}` is not the report recomputed from `{input}`\n")
        });
    }
    let digest = &verdict.input_sha256;
    let input_digest = digest.input.as_deref().unwrap_or("null");
    if digest.matches {
        out.push_str(&if zh {
            format!("  输入摘要：input_sha256 {input_digest} 与输入一致\n")
        } else {
            format!("  input digest: input_sha256 {input_digest} matches the input\n")
        });
    } else {
        let reported = digest
            .report
            .as_str()
            .map_or_else(|| digest.report.to_string(), str::to_string);
        out.push_str(&if zh {
            format!("  输入摘要不符：报告的 input_sha256 为 {reported}，而输入的摘要为 {input_digest}：报告出自另一份输入，或输入已被改动\n")
        } else {
            format!("  input digest mismatch: the report's input_sha256 is {reported}, but the input's is {input_digest}: the report was made from a different input, or the input was changed\n")
        });
    }
    match (&verdict.pack.report, &verdict.pack.used) {
        (_, Some(used)) if verdict.pack.matches => {
            let source = match (used.source, zh) {
                (Some("file"), true) => "文件",
                (Some("file"), false) => "from a file",
                (_, true) => "内置",
                (_, false) => "embedded",
            };
            let (id, version, sha) = (&used.id, &used.version, &used.sha256);
            out.push_str(&if zh {
                format!("  规则包：{id} {version} sha256 {sha}（{source}）\n")
            } else {
                format!("  rule pack: {id} {version} sha256 {sha} ({source})\n")
            });
        }
        (Some(named), used) if !verdict.pack.matches => {
            let used_sha = used.as_ref().map_or("null", |u| u.sha256.as_str());
            out.push_str(&if zh {
                format!("  规则包不符：报告写的是 `{}` {} sha256 {}，而重新计算所用规则包的 sha256 为 {used_sha}：规则包版本不同，或报告已被改动\n", named.id, named.version, named.sha256)
            } else {
                format!("  rule pack mismatch: the report names `{}` {} sha256 {}, but the pack used to recompute has sha256 {used_sha}: a different version of the pack, or an altered report\n", named.id, named.version, named.sha256)
            });
        }
        _ => {}
    }
    if verdict.verified && verdict.input_errors {
        out.push_str(lang.pick(
            "  注意：输入有错误，报告只列出问题，没有产品结论\n",
            "  note: the input has errors, so the report lists findings and no product verdict\n",
        ));
    }
    if verdict.verified {
        return out;
    }
    let count = verdict.differences.len();
    if count == 0 {
        out.push_str(lang.pick(
            "  没有字段不同，但字节不同：报告被重新格式化过（空白、键顺序或转义）\n",
            "  no field differs, but the bytes do: the report was re-formatted (spacing, key order or escapes)\n",
        ));
        return out;
    }
    out.push_str(&if zh {
        format!("  {count} 个字段不同：\n")
    } else if count == 1 {
        "  1 field differs:\n".to_string()
    } else {
        format!("  {count} fields differ:\n")
    });
    for difference in &verdict.differences {
        let path = if difference.path.is_empty() {
            "/"
        } else {
            &difference.path
        };
        out.push_str(&format!(
            "  {path}\n    {}{}\n    {}{}\n",
            lang.pick("报告：    ", "report:     "),
            shown(difference.report.as_ref(), lang),
            lang.pick("重新计算：", "recomputed: "),
            shown(difference.recomputed.as_ref(), lang)
        ));
    }
    out
}
