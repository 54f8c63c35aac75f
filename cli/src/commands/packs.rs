//! `packs` (the embedded rule packs) and `pack export ID` (one pack as JSON).

use patent_intensive::findings::Code;
use patent_intensive::pack::{self, diff, Basis, RulePack};
use patent_intensive::Finding;
use serde_json::Value;

use super::Context;
use crate::args::{Arg, Command};
use crate::io;
use crate::lang::{msg, Exit, Failure, Lang};
use crate::Outcome;

const LIST: Command = Command {
    name: "packs",
    takes: &["--format"],
};

/// `packs --format`: the list's form.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ListFormat {
    Text,
    Json,
}

/// What `packs` is given.
struct ListArgs {
    /// `--format text|json`.
    format: ListFormat,
}

fn parse_list(tokens: &[String]) -> Result<ListArgs, Failure> {
    let mut format = None;
    let mut parser = LIST.parser(tokens);
    while let Some(arg) = LIST.next(&mut parser)? {
        match arg {
            Arg::Long("format") => {
                let value = LIST.value(&mut parser)?;
                LIST.once(&mut format, "--format", value)?;
            }
            Arg::Value(value) => return Err(LIST.no_positional(&value.to_string_lossy())),
            other => return Err(LIST.error(other.unexpected())),
        }
    }
    let format = LIST.choice(
        "--format",
        format,
        &[("text", ListFormat::Text), ("json", ListFormat::Json)],
        ListFormat::Text,
    )?;
    Ok(ListArgs { format })
}

/// Runs `packs`.
pub fn list(tokens: &[String], context: &Context) -> Outcome {
    let args = parse_list(tokens)?;
    let infos = patent_intensive::packs();
    let out = if args.format == ListFormat::Json {
        io::pretty_json(&infos)?
    } else {
        text(&infos, context.lang)
    };
    io::write_stdout(out.as_bytes())?;
    Ok(Exit::Ok)
}

fn text(infos: &[pack::PackInfo], lang: Lang) -> String {
    let mut out = String::new();
    for info in infos {
        let last = info
            .rounds
            .last
            .map_or_else(|| lang.pick("起", "onwards").to_string(), |l| l.to_string());
        let sep = if info.rounds.last.is_some() {
            "–"
        } else {
            " "
        };
        let (official, reference) = (info.official_thresholds, info.reference_thresholds);
        let basis = match lang {
            Lang::Zh => format!("阈值：官方值 {official} 个，参考值 {reference} 个"),
            Lang::En => format!("thresholds: {official} official, {reference} reference"),
        };
        out.push_str(&format!(
            "{}  {}\n  {}\n  {}{}{sep}{last}\n  {}{}\n  {basis}\n  sha256 {}\n\n",
            info.id,
            info.version,
            lang.of(&info.title),
            lang.pick("适用年度 ", "rounds "),
            info.rounds.first,
            lang.pick("实施 ", "implements "),
            info.implements,
            info.sha256
        ));
    }
    if out.ends_with("\n\n") {
        out.pop();
    }
    out
}

const EXPORT: Command = Command {
    name: "pack export",
    takes: &["--compact"],
};

/// What `pack export` is given.
struct ExportArgs {
    /// The embedded pack's id.
    id: String,
    /// `--compact`: the canonical bytes.
    compact: bool,
}

fn parse_export(tokens: &[String]) -> Result<ExportArgs, Failure> {
    let (id, compact) = EXPORT.one_with_flag(tokens, "compact", "ID")?;
    Ok(ExportArgs { id, compact })
}

/// Runs `pack export ID` and `pack check FILE`.
pub fn pack(tokens: &[String], context: &Context) -> Outcome {
    let (sub, rest) = match tokens.split_first() {
        Some((sub, rest)) => (sub.as_str(), rest),
        None => ("", tokens),
    };
    match sub {
        "export" => export(rest),
        "check" => check(rest, context.lang),
        given => {
            let message = if given.is_empty() {
                msg!("`pack` 缺少子命令", "`pack` needs a subcommand")
            } else {
                msg!(
                    "未知子命令 `pack {given}`",
                    "unknown subcommand `pack {given}`"
                )
            };
            Err(Failure::usage(message).help(msg!(
                "用法：patent-intensive pack export <ID> | pack check <文件>",
                "usage: patent-intensive pack export <ID> | pack check <FILE>"
            )))
        }
    }
}

/// Runs `pack export ID`.
fn export(rest: &[String]) -> Outcome {
    let args = parse_export(rest)?;
    let id = args.id.as_str();
    let Some(pack) = pack::embedded_by_id(id) else {
        let known = io::embedded_ids();
        return Err(Failure::usage(msg!(
            "没有内置规则包 `{id}`",
            "no embedded rule pack `{id}`"
        ))
        .help(msg!("内置规则包：{known}", "embedded packs: {known}")));
    };
    let out = if args.compact {
        // Exactly the bytes the SHA-256 is taken over: no newline added.
        pack.canonical.clone()
    } else {
        // Indented for people to edit; the canonical form is valid JSON, so the fallback to it
        // is never taken in practice.
        serde_json::from_str::<Value>(&pack.canonical)
            .ok()
            .and_then(|value| indented(&value))
            .unwrap_or_else(|| pack.canonical.clone())
    };
    io::write_stdout(out.as_bytes())?;
    Ok(Exit::Ok)
}

/// The order a person reads a pack in; the canonical form sorts keys instead.
const READING_ORDER: &[&str] = &[
    "format",
    "id",
    "version",
    "title",
    "implements",
    "sources",
    "rounds",
    "parameters",
    "benchmarks",
];

/// Indented JSON with the pack's top-level fields in reading order, ending in a newline. Key order
/// does not change the SHA-256, which is taken over the canonical form.
fn indented(pack: &Value) -> Option<String> {
    let fields = pack.as_object()?;
    let mut keys: Vec<&String> = Vec::with_capacity(fields.len());
    for name in READING_ORDER {
        keys.extend(fields.keys().filter(|k| k.as_str() == *name));
    }
    keys.extend(
        fields
            .keys()
            .filter(|k| !READING_ORDER.contains(&k.as_str())),
    );
    let mut out = String::from("{\n");
    for (n, key) in keys.iter().enumerate() {
        let value = serde_json::to_string_pretty(fields.get(key.as_str())?).ok()?;
        let name = serde_json::to_string(key).ok()?;
        let comma = if n + 1 < keys.len() { "," } else { "" };
        out.push_str(&format!(
            "  {name}: {}{comma}\n",
            value.replace('\n', "\n  ")
        ));
    }
    out.push_str("}\n");
    Some(out)
}

const CHECK: Command = Command {
    name: "pack check",
    takes: &["--json"],
};

/// What `pack check` is given.
struct CheckArgs {
    /// The pack file, `-` for standard input.
    path: String,
    /// `--json`: the outcome as JSON.
    json: bool,
}

fn parse_check(tokens: &[String]) -> Result<CheckArgs, Failure> {
    let (path, json) = CHECK.one_with_flag(tokens, "json", "FILE")?;
    Ok(CheckArgs { path, json })
}

/// Runs `pack check FILE`: validates a pack file, prints its identity and what it changes against
/// the embedded pack it would replace. Exit 0 valid, 2 invalid, 1 usage or unreadable file.
fn check(rest: &[String], lang: Lang) -> Outcome {
    let args = parse_check(rest)?;
    let path = args.path.as_str();
    let bytes = io::read_source(path)?;
    let outcome = match io::text_of(&bytes) {
        Some(text) => diff::check(text),
        None => diff::PackCheck {
            valid: false,
            pack: None,
            findings: vec![Finding::error(
                "",
                Code::InvalidJson,
                patent_intensive::text::Text::new(
                    "规则包不是 UTF-8 编码的文本",
                    "the rule pack is not UTF-8 encoded text",
                ),
            )],
            compared_with: None,
            changes: Vec::new(),
        },
    };
    let out = if args.json {
        io::pretty_json(&outcome)?
    } else {
        // The pack itself is needed to list the values of rows it adds; parsing it again is
        // cheap next to reading the file.
        let parsed = io::text_of(&bytes).and_then(|text| pack::parse_pack(text).ok());
        check_text(&outcome, parsed.as_ref(), path, lang)
    };
    io::write_stdout(out.as_bytes())?;
    Ok(if outcome.valid {
        Exit::Ok
    } else {
        Exit::Invalid
    })
}

fn basis_name(basis: Basis, lang: Lang) -> &'static str {
    match (basis, lang) {
        (Basis::Official, Lang::Zh) => "官方值",
        (Basis::Reference, Lang::Zh) => "参考值",
        (Basis::PublicNotice, Lang::Zh) => "公开通知",
        (basis, Lang::En) => basis.as_str(),
    }
}

fn entry_text(entry: Option<&diff::Entry>, lang: Lang) -> String {
    match entry {
        Some(entry) => entry.value.clone(),
        None => lang.pick("（未知）", "(unknown)").to_string(),
    }
}

fn check_text(
    outcome: &diff::PackCheck,
    parsed: Option<&RulePack>,
    path: &str,
    lang: Lang,
) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let Some(info) = &outcome.pack else {
        let count = outcome.findings.len();
        out.push_str(&match (zh, count) {
            (true, _) => format!("无效的规则包：`{path}`（{count} 个问题）\n"),
            (false, 1) => format!("invalid rule pack: `{path}` (1 problem)\n"),
            (false, _) => format!("invalid rule pack: `{path}` ({count} problems)\n"),
        });
        for finding in &outcome.findings {
            let at = if finding.path.is_empty() {
                "/"
            } else {
                &finding.path
            };
            out.push_str(&format!(
                "  {at}  {}  {}\n",
                finding.code.as_str(),
                lang.of(&finding.message)
            ));
        }
        return out;
    };
    let rounds = match info.rounds.last {
        Some(last) => format!("{}–{last}", info.rounds.first),
        None => format!("{}{}", info.rounds.first, lang.pick(" 起", " onwards")),
    };
    let (official, reference) = (info.official_thresholds, info.reference_thresholds);
    out.push_str(&if zh {
        format!("有效的规则包：`{path}`\n")
    } else {
        format!("valid rule pack: `{path}`\n")
    });
    for (label, value) in [
        ("id      ", info.id.clone()),
        (lang.pick("版本    ", "version "), info.version.clone()),
        ("sha256  ", info.sha256.clone()),
        (
            lang.pick("标题    ", "title   "),
            lang.of(&info.title).to_string(),
        ),
        (lang.pick("适用年度", "rounds  "), rounds),
    ] {
        out.push_str(&format!("  {label} {value}\n"));
    }
    out.push_str(&if zh {
        format!("  阈值：官方值 {official} 个，参考值 {reference} 个\n")
    } else {
        format!("  thresholds: {official} official, {reference} reference\n")
    });
    let Some(base) = &outcome.compared_with else {
        return out;
    };
    let count = outcome.changes.len();
    let (id, version, sha) = (&base.id, &base.version, &base.sha256);
    out.push_str(&match (zh, count) {
        (true, 0) => format!("与内置规则包 {id} {version}（sha256 {sha}）相比：没有不同\n"),
        (true, _) => format!("与内置规则包 {id} {version}（sha256 {sha}）相比，{count} 处不同：\n"),
        (false, 0) => format!(
            "compared with the embedded pack {id} {version} (sha256 {sha}): no difference\n"
        ),
        (false, 1) => {
            format!(
                "compared with the embedded pack {id} {version} (sha256 {sha}), 1 difference:\n"
            )
        }
        (false, _) => format!(
            "compared with the embedded pack {id} {version} (sha256 {sha}), {count} differences:\n"
        ),
    });
    for change in &outcome.changes {
        out.push_str(&change_text(change, parsed, lang));
    }
    out
}

fn change_text(change: &diff::Change, parsed: Option<&RulePack>, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let category = change.category.as_deref().unwrap_or("");
    let item = change.item.as_deref().unwrap_or("");
    let title = change.title.as_ref().map_or("", |t| lang.of(t));
    match change.kind {
        diff::ChangeKind::RowAdded => {
            let mut out = if zh {
                format!("  新增基准行 {category}：{title}\n")
            } else {
                format!("  row {category} added: {title}\n")
            };
            let row = parsed.and_then(|p| p.benchmarks.iter().find(|r| r.category == category));
            if let Some(row) = row {
                let weights = diff::weights_text(&row.weights.value);
                let basis = basis_name(row.weights.basis, lang);
                out.push_str(&if zh {
                    format!("    权重 {weights}（{basis}）\n")
                } else {
                    format!("    weights {weights} ({basis})\n")
                });
                for (id, threshold) in &row.thresholds {
                    let value = threshold.as_ref().map_or_else(
                        || lang.pick("（未知）", "(unknown)").to_string(),
                        |t| {
                            let value = patent_intensive::exact::plain(&t.value);
                            let basis = basis_name(t.basis, lang);
                            if zh {
                                format!("≥ {value}（{basis}）")
                            } else {
                                format!("≥ {value} ({basis})")
                            }
                        },
                    );
                    out.push_str(&format!("    {} {value}\n", id.as_str()));
                }
            }
            out
        }
        diff::ChangeKind::RowRemoved => {
            if zh {
                format!("  删除基准行 {category}：{title}\n")
            } else {
                format!("  row {category} removed: {title}\n")
            }
        }
        diff::ChangeKind::Parameter | diff::ChangeKind::Weights | diff::ChangeKind::Threshold => {
            let place = match change.kind {
                diff::ChangeKind::Parameter => {
                    format!("{}{item}", lang.pick("参数 ", "parameter "))
                }
                _ => format!("{}{category} {item}", lang.pick("基准行 ", "row ")),
            };
            let mut parts = Vec::new();
            if change.value_changed() {
                parts.push(format!(
                    "{} → {}",
                    entry_text(change.old.as_ref(), lang),
                    entry_text(change.new.as_ref(), lang)
                ));
            }
            let basis = |e: Option<&diff::Entry>| {
                e.map_or(lang.pick("（无）", "(none)"), |e| {
                    basis_name(e.basis, lang)
                })
            };
            if change.basis_changed() {
                parts.push(format!(
                    "{}{} → {}",
                    lang.pick("依据 ", "basis "),
                    basis(change.old.as_ref()),
                    basis(change.new.as_ref())
                ));
            }
            if change.source_changed() {
                let source = change
                    .new
                    .as_ref()
                    .map_or(lang.pick("（无）", "(none)"), |e| e.source.as_str());
                parts.push(format!("{}{source}", lang.pick("来源改为 ", "source now ")));
            }
            if zh {
                format!("  {place}：{}\n", parts.join("；"))
            } else {
                format!("  {place}: {}\n", parts.join("; "))
            }
        }
    }
}
