//! `verify --input INPUT REPORT`: the core's [`patent_intensive::verify`] recomputes the report
//! and compares; this command reads the files, and shows the answer: as JSON (`--json`), or as
//! lines naming the files, the checks and every differing field with its product and criterion.

use patent_intensive::verify::{layout_words, PackSource as UsedPack};
use patent_intensive::verify::{Form, Status, Verification, VerifyOptions};
use serde_json::Value;

use super::Context;
use crate::args::{Arg, Command};
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
    let input_bytes = io::read_source(input_path)?;
    let report_bytes = io::read_source(report_path)?;
    let input = io::text_of(&input_bytes).ok_or_else(|| {
        Failure::invalid(msg!(
            "输入 `{input_path}` 不是 UTF-8 编码的文本",
            "the input `{input_path}` is not UTF-8 encoded text"
        ))
    })?;
    // The report's bytes as they are (a BOM included): the core tells a layout difference apart.
    let report = std::str::from_utf8(&report_bytes).map_err(|_| {
        Failure::invalid(msg!(
            "报告 `{report_path}` 不是 UTF-8 编码的文本",
            "the report `{report_path}` is not UTF-8 encoded text"
        ))
    })?;
    let (pack, pack_source) = match args.pack.as_deref() {
        Some(arg) => {
            let (pack, source) = io::require_pack(arg)?;
            (Some(pack), Some(source))
        }
        None => (None, None),
    };
    let answer = patent_intensive::verify(input, report, VerifyOptions { pack });
    let exit = match (answer.status, answer.input_errors) {
        (Status::Verified, false) => Exit::Ok,
        (Status::Mismatch, _) => Exit::Mismatch,
        _ => Exit::Invalid,
    };
    if args.json {
        io::write_stdout(io::pretty_json(&answer)?.as_bytes())?;
        return Ok(exit);
    }
    if !answer.status.compared() {
        return Err(stopped(&answer, report_path, input_path));
    }
    let out = text(&answer, report_path, input_path, pack_source, context.lang);
    io::write_stdout(out.as_bytes())?;
    Ok(exit)
}

/// The failure for an answer that compared nothing: the core's message, the file it is about,
/// and what to do on the command line.
fn stopped(answer: &Verification, report: &str, input: &str) -> Failure {
    let failure = Failure::invalid(answer.message.clone());
    match answer.status {
        Status::PackNeeded => failure.help(msg!(
            "用 `--pack 文件` 给出该规则包（`patent-intensive pack check 文件` 显示文件的 sha256）",
            "give that pack with `--pack FILE` (`patent-intensive pack check FILE` shows a file's sha256)"
        )),
        Status::Swapped => failure.help(msg!(
            "例如：patent-intensive verify --input {report} {input}",
            "for example: patent-intensive verify --input {report} {input}"
        )),
        Status::InputIsReport | Status::ReportIsInput | Status::NotAReport | Status::ReportNotJson => {
            failure.help(msg!("输入：`{input}`；报告：`{report}`", "input: `{input}`; report: `{report}`"))
        }
        _ => failure,
    }
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

fn text(
    answer: &Verification,
    report: &str,
    input: &str,
    pack_source: Option<PackSource>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let zh = lang == Lang::Zh;
    if let Some(form) = answer.byte_identical {
        out.push_str(&if zh {
            let form = if form == Form::Compact { "紧凑" } else { "缩进" };
            format!("已核实：`{report}` 与由 `{input}` 重新计算的报告字节完全相同（{form}形式）\n")
        } else {
            let form = if form == Form::Compact { "compact" } else { "pretty" };
            format!("verified: `{report}` has identical bytes to the report recomputed from `{input}` ({form} form)\n")
        });
    } else if let Some(kinds) = &answer.identical_but_for_layout {
        let (zh_kinds, en_kinds): (Vec<&str>, Vec<&str>) =
            kinds.iter().map(|kind| layout_words(*kind)).unzip();
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
    if let Some(digest) = &answer.input_sha256 {
        let input_digest = digest.input.as_deref().unwrap_or("null");
        if digest.matches {
            out.push_str(&if zh {
                format!("  输入摘要：input_sha256 {input_digest} 与输入一致\n")
            } else {
                format!("  input digest: input_sha256 {input_digest} matches the input\n")
            });
        } else {
            let reported = digest.report.as_deref().unwrap_or("null");
            out.push_str(&if zh {
                format!("  输入摘要不符：报告的 input_sha256 为 {reported}，而输入的摘要为 {input_digest}：报告出自另一份输入，或输入已被改动\n")
            } else {
                format!("  input digest mismatch: the report's input_sha256 is {reported}, but the input's is {input_digest}: the report was made from a different input, or the input was changed\n")
            });
        }
    }
    if let Some(pack) = &answer.pack {
        match (&pack.report, &pack.used) {
            (_, Some(used)) if pack.matches => {
                let from_file =
                    used.source == Some(UsedPack::Given) || pack_source == Some(PackSource::File);
                let source = match (from_file, zh) {
                    (true, true) => "文件",
                    (true, false) => "from a file",
                    (false, true) => "内置",
                    (false, false) => "embedded",
                };
                let (id, version, sha) = (&used.id, &used.version, &used.sha256);
                out.push_str(&if zh {
                    format!("  规则包：{id} {version} sha256 {sha}（{source}）\n")
                } else {
                    format!("  rule pack: {id} {version} sha256 {sha} ({source})\n")
                });
            }
            (Some(named), used) if !pack.matches => {
                let used_sha = used.as_ref().map_or("null", |u| u.sha256.as_str());
                out.push_str(&if zh {
                    format!("  规则包不符：报告写的是 `{}` {} sha256 {}，而重新计算所用规则包的 sha256 为 {used_sha}：规则包版本不同，或报告已被改动\n", named.id, named.version, named.sha256)
                } else {
                    format!("  rule pack mismatch: the report names `{}` {} sha256 {}, but the pack used to recompute has sha256 {used_sha}: a different version of the pack, or an altered report\n", named.id, named.version, named.sha256)
                });
            }
            _ => {}
        }
    }
    if answer.verified && answer.input_errors {
        out.push_str(lang.pick(
            "  注意：输入有错误，报告只列出问题，没有产品结论\n",
            "  note: the input has errors, so the report lists findings and no product verdict\n",
        ));
    }
    if answer.verified {
        return out;
    }
    let count = answer.differences.len();
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
    for difference in &answer.differences {
        let path = if difference.path.is_empty() {
            "/"
        } else {
            &difference.path
        };
        let mut place = Vec::new();
        if let Some(product) = &difference.product {
            place.push(if zh {
                format!("产品 {product}")
            } else {
                format!("product {product}")
            });
        }
        if let Some(criterion) = &difference.criterion {
            place.push(if zh {
                format!("准则 {criterion}")
            } else {
                format!("criterion {criterion}")
            });
        }
        let place = match (place.is_empty(), zh) {
            (true, _) => String::new(),
            (false, true) => format!("（{}）", place.join("，")),
            (false, false) => format!(" ({})", place.join(", ")),
        };
        out.push_str(&format!(
            "  {path}{place}\n    {}{}\n    {}{}\n",
            lang.pick("报告：    ", "report:     "),
            shown(difference.report.as_ref(), lang),
            lang.pick("重新计算：", "recomputed: "),
            shown(difference.recomputed.as_ref(), lang)
        ));
    }
    out
}
