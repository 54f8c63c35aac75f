//! `test DIR|FILE...`: conformance case files (docs/conformance.md), through the same checker as
//! the crate's own suite ([`patent_intensive::conformance::run_case`]).

use std::path::{Path, PathBuf};

use patent_intensive::conformance::{self, CaseOutcome};
use serde_json::Value;

use super::Context;
use crate::args::{Arg, Command};
use crate::io;
use crate::lang::{msg, Exit, Failure};
use crate::Outcome;

const COMMAND: Command = Command {
    name: "test",
    takes: &["--pack", "--verbose"],
};

/// What `test` is given.
struct Args {
    /// Case folders and files.
    roots: Vec<String>,
    /// `--pack ID|FILE`: run the cases under another pack.
    pack: Option<String>,
    /// `--verbose`: list passing cases too.
    verbose: bool,
}

fn parse(tokens: &[String]) -> Result<Args, Failure> {
    let (mut pack, mut verbose, mut roots) = (None, false, Vec::new());
    let mut parser = COMMAND.parser(tokens);
    while let Some(arg) = COMMAND.next(&mut parser)? {
        match arg {
            Arg::Long("pack") => COMMAND.value_once(&mut parser, &mut pack, "--pack")?,
            Arg::Long("verbose") => verbose = true,
            Arg::Value(value) => roots.push(COMMAND.text(value)?),
            other => return Err(COMMAND.error(other.unexpected())),
        }
    }
    Ok(Args {
        roots,
        pack,
        verbose,
    })
}

/// Runs `test`.
pub fn run(tokens: &[String], _context: &Context) -> Outcome {
    let args = parse(tokens)?;
    if args.roots.is_empty() {
        return Err(Failure::usage(msg!(
            "`test` 需要用例目录或文件",
            "`test` needs a folder or file of cases"
        ))
        .help(msg!(
            "例如：patent-intensive test tests/cases",
            "for example: patent-intensive test tests/cases"
        )));
    }
    let pack = match args.pack.as_deref() {
        Some(arg) => Some(io::require_pack(arg)?.0),
        None => None,
    };
    let mut cases = Vec::new();
    for root in &args.roots {
        collect(Path::new(root), &mut cases)?;
    }
    if cases.is_empty() {
        let roots = args.roots.join(", ");
        return Err(Failure::usage(msg!(
            "在 {roots} 中没有找到 *.json 用例文件",
            "no *.json case file in {roots}"
        )));
    }
    let verbose = args.verbose;
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut out = String::new();
    for (shown, path) in &cases {
        let outcome = match std::fs::read(path) {
            Err(error) => CaseOutcome {
                description: String::new(),
                differences: vec![format!("cannot read the case file: {error}")],
            },
            Ok(bytes) => match io::text_of(&bytes) {
                None => CaseOutcome {
                    description: String::new(),
                    differences: vec!["the case file is not UTF-8 text".to_string()],
                },
                Some(text) => run_one(text, pack.as_ref()),
            },
        };
        if outcome.passed() {
            passed += 1;
            if verbose {
                out.push_str(&format!("ok    {shown}\n"));
            }
        } else {
            failed += 1;
            out.push_str(&format!("FAIL  {shown}\n"));
            if !outcome.description.is_empty() {
                out.push_str(&format!("      {}\n", outcome.description));
            }
            for difference in &outcome.differences {
                out.push_str(&format!("      - {difference}\n"));
            }
        }
    }
    if failed > 0 || verbose {
        out.push('\n');
    }
    out.push_str(&format!("{passed} passed, {failed} failed\n"));
    io::write_stdout(out.as_bytes())?;
    Ok(if failed == 0 {
        Exit::Ok
    } else {
        Exit::Mismatch
    })
}

/// Runs one case; a `--pack` fills in for cases that name none of their own.
fn run_one(text: &str, pack: Option<&patent_intensive::pack::RulePack>) -> CaseOutcome {
    let Some(pack) = pack else {
        return conformance::run_case(text);
    };
    let Ok(Value::Object(mut case)) = serde_json::from_str::<Value>(text) else {
        return conformance::run_case(text);
    };
    if case.get("pack").is_none_or(Value::is_null) {
        match serde_json::from_str::<Value>(&pack.canonical) {
            Ok(pack_value) => {
                case.insert("pack".to_string(), pack_value);
            }
            Err(_) => return conformance::run_case(text),
        }
    }
    conformance::run_case(&Value::Object(case).to_string())
}

/// Adds `root` (a case file) or every `*.json` under it (a folder), sorted, with the name shown.
fn collect(root: &Path, cases: &mut Vec<(String, PathBuf)>) -> Result<(), Failure> {
    let shown_root = root.display().to_string();
    let metadata = std::fs::metadata(root).map_err(|e| io::cannot_read(&shown_root, &e))?;
    if metadata.is_file() {
        cases.push((shown_root, root.to_path_buf()));
        return Ok(());
    }
    let mut found = Vec::new();
    walk(root, &mut found)?;
    found.sort();
    for path in found {
        let shown = path
            .strip_prefix(root)
            .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
        cases.push((shown, path));
    }
    Ok(())
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| io::cannot_read(&shown, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io::cannot_read(&shown, &e))?;
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // The entry's own type, so a symbolic link to a folder cannot loop the walk.
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    Ok(())
}
