//! `packs` (the embedded rule packs) and `pack export ID` (one pack as JSON).

use patent_intensive::pack;
use serde_json::Value;

use super::{choice, no_positional, one_positional, Context};
use crate::args::{parse, Spec};
use crate::io;
use crate::lang::{msg, Exit, Failure, Lang};
use crate::Outcome;

const LIST: Spec = Spec {
    options: &["--format"],
    flags: &[],
};

/// Runs `packs`.
pub fn list(tokens: &[String], context: &Context) -> Outcome {
    let args = parse(tokens, &LIST)?;
    no_positional(&args, "packs")?;
    let format = choice(&args, "--format", &["text", "json"], "text")?;
    let infos = patent_intensive::packs();
    let out = if format == "json" {
        let mut json = serde_json::to_string_pretty(&infos).map_err(|error| {
            let reason = error.to_string();
            Failure::usage(msg!(
                "无法输出 JSON：{reason}",
                "cannot write JSON: {reason}"
            ))
        })?;
        json.push('\n');
        json
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

const EXPORT: Spec = Spec {
    options: &[],
    flags: &["--compact"],
};

/// Runs `pack export ID`.
pub fn pack(tokens: &[String], _context: &Context) -> Outcome {
    let (sub, rest) = match tokens.split_first() {
        Some((sub, rest)) => (sub.as_str(), rest),
        None => ("", tokens),
    };
    if sub != "export" {
        let given = sub;
        let message = if given.is_empty() {
            msg!("`pack` 缺少子命令", "`pack` needs a subcommand")
        } else {
            msg!(
                "未知子命令 `pack {given}`",
                "unknown subcommand `pack {given}`"
            )
        };
        return Err(Failure::usage(message).help(msg!(
            "用法：patent-intensive pack export <ID>",
            "usage: patent-intensive pack export <ID>"
        )));
    }
    let args = parse(rest, &EXPORT)?;
    let id = one_positional(&args, "ID", "pack export")?;
    let Some(pack) = pack::embedded_by_id(id) else {
        let known = io::embedded_ids();
        return Err(Failure::usage(msg!(
            "没有内置规则包 `{id}`",
            "no embedded rule pack `{id}`"
        ))
        .help(msg!("内置规则包：{known}", "embedded packs: {known}")));
    };
    let out = if args.flag("--compact") {
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
