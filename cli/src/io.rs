//! Reading files and standard input, writing standard output, and finding rule packs: the IO the
//! library deliberately does not do.

use std::io::{Read, Write};
use std::path::Path;

use patent_intensive::findings::Code;
use patent_intensive::pack::{self, RulePack};
use patent_intensive::text::Text;
use patent_intensive::{Assessor, Finding, Options, Report};

use crate::lang::{msg, Failure};

/// Reads a file, or standard input for `-`.
pub fn read_source(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut file| file.read_to_end(&mut bytes).map(|_| ()))
    };
    match result {
        Ok(()) => Ok(bytes),
        Err(error) => Err(cannot_read(path, &error)),
    }
}

/// The failure for a file that could not be read.
pub fn cannot_read(path: &str, error: &std::io::Error) -> Failure {
    let shown = if path == "-" { "standard input" } else { path };
    let reason = error_reason(error);
    Failure::usage(msg!(
        "无法读取 `{shown}`：{reason}",
        "cannot read `{shown}`: {reason}"
    ))
}

/// The operating system's reason, without the "(os error N)" tail users do not need.
fn error_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.split_once(" (os error") {
        Some((reason, _)) => reason.to_lowercase(),
        None => text.to_lowercase(),
    }
}

/// The text of an input, with a leading UTF-8 byte-order mark removed (editors on Windows add
/// one; it is not part of the JSON). `None` when the bytes are not UTF-8.
pub fn text_of(bytes: &[u8]) -> Option<&str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).ok()
}

/// Assesses the bytes of one input. Bytes that are not UTF-8 give a report with an
/// `invalid_json` finding, as any other text that is not JSON does: replacing the bad bytes
/// could turn them into a different, valid input.
pub fn assess_bytes(assessor: &Assessor, bytes: &[u8], options: &Options) -> Report {
    match text_of(bytes) {
        Some(text) => assessor.assess(text, options),
        None => patent_intensive::report_for_findings(vec![Finding::error(
            "",
            Code::InvalidJson,
            Text::new(
                "输入不是 UTF-8 编码的文本",
                "the input is not UTF-8 encoded text",
            ),
        )]),
    }
}

/// `value` as pretty-printed JSON ending in a newline: the output of the commands' JSON formats.
/// Serialising fails only for a value JSON cannot hold; it is a failure then, never an empty or
/// partial document on standard output.
pub fn pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Failure> {
    let mut json = serde_json::to_string_pretty(value).map_err(|error| {
        let reason = error.to_string();
        Failure::usage(msg!(
            "无法输出 JSON：{reason}",
            "cannot write JSON: {reason}"
        ))
    })?;
    json.push('\n');
    Ok(json)
}

/// Fails when standard output was closed when the program started (`>&-`). The Rust runtime
/// then opens /dev/null in its place, read-write, so every write would "succeed" into nothing;
/// a redirection to /dev/null by the shell opens it write-only, and stays allowed. Linux only
/// (elsewhere the check passes).
pub fn check_stdout() -> Result<(), Failure> {
    let target = std::fs::read_link("/proc/self/fd/1");
    let closed = target.is_ok_and(|t| t == Path::new("/dev/null"))
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        });
    if closed {
        return Err(Failure::usage(msg!(
            "标准输出已关闭，无处写出报告",
            "standard output is closed; there is nowhere to write the report"
        )));
    }
    Ok(())
}

/// Writes to standard output, turning a write error (a closed pipe, a full disk) into a failure
/// with exit status 1.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    check_stdout()?;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|error| cannot_write(&error))
}

/// The failure for standard output that could not be written.
pub fn cannot_write(error: &std::io::Error) -> Failure {
    let reason = error_reason(error);
    Failure::usage(msg!(
        "无法写入标准输出：{reason}",
        "cannot write to standard output: {reason}"
    ))
}

/// Where a pack came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackSource {
    /// Compiled into this program.
    Embedded,
    /// Read from a file.
    File,
}

/// A `--pack` argument that could not be used.
pub enum PackProblem {
    /// Neither an embedded id nor a readable file.
    Failure(Failure),
    /// A file that is not a valid pack: every problem.
    Invalid(Vec<Finding>),
}

/// Resolves `--pack ID|FILE`: an embedded pack's id first, else a pack file.
pub fn resolve_pack(arg: &str) -> Result<(RulePack, PackSource), PackProblem> {
    if let Some(pack) = pack::embedded_by_id(arg) {
        return Ok((pack, PackSource::Embedded));
    }
    if arg != "-" && !Path::new(arg).exists() {
        let known = embedded_ids();
        return Err(PackProblem::Failure(
            Failure::usage(msg!(
                "`{arg}` 既不是内置规则包，也不是文件",
                "`{arg}` is neither an embedded rule pack nor a file"
            ))
            .help(msg!("内置规则包：{known}", "embedded packs: {known}")),
        ));
    }
    let bytes = read_source(arg).map_err(PackProblem::Failure)?;
    let Some(text) = text_of(&bytes) else {
        return Err(PackProblem::Invalid(vec![Finding::error(
            "",
            Code::InvalidJson,
            Text::new(
                "规则包不是 UTF-8 编码的文本",
                "the rule pack is not UTF-8 encoded text",
            ),
        )]));
    };
    pack::parse_pack(text)
        .map(|pack| (pack, PackSource::File))
        .map_err(PackProblem::Invalid)
}

/// Resolves `--pack` for commands that cannot go on without it: an invalid pack file is a
/// failure listing each of its problems.
pub fn require_pack(arg: &str) -> Result<(RulePack, PackSource), Failure> {
    resolve_pack(arg).map_err(|problem| match problem {
        PackProblem::Failure(failure) => failure,
        PackProblem::Invalid(findings) => invalid_pack(arg, &findings),
    })
}

/// The failure for an invalid pack file, one detail line per problem.
pub fn invalid_pack(arg: &str, findings: &[Finding]) -> Failure {
    let count = findings.len();
    Failure::invalid(msg!(
        "规则包 `{arg}` 无效（{count} 个问题）",
        "rule pack `{arg}` is invalid ({count} problems)"
    ))
    .details(
        findings
            .iter()
            .map(|f| {
                let path = if f.path.is_empty() { "/" } else { &f.path };
                let code = f.code.as_str();
                Text::new(
                    format!("{path}  {code}  {}", f.message.zh),
                    format!("{path}  {code}  {}", f.message.en),
                )
            })
            .collect(),
    )
}

/// The ids of the embedded packs, comma-separated.
pub fn embedded_ids() -> String {
    pack::embedded()
        .into_iter()
        .map(|p| p.id)
        .collect::<Vec<_>>()
        .join(", ")
}
