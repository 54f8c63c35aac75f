//! Writes, for every conformance case, the input text assessed, the pack text (when the case has
//! one) and the native report bytes, full and `detail: "verdicts"` (`.verdicts.json`, for cases
//! whose pack is valid), so the WebAssembly build can be checked byte for byte
//! against them (tests/node/conformance.test.mjs):
//! `cargo run --example native_reports -- [CASES_DIR] [OUT_DIR]`.

// A tool around the core, not the core: it reads and writes files (clippy.toml bans IO in the core).
#![allow(clippy::disallowed_methods)]

use std::fs;
use std::path::PathBuf;

use patent_intensive::{assess, pack, report_for_findings, Detail, Options};
use serde_json::Value;

#[allow(clippy::print_stdout)] // saying what it wrote is this tool's output
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let cases = PathBuf::from(args.next().unwrap_or_else(|| "tests/cases".into()));
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "target/native-reports".into()),
    );
    if out.exists() {
        fs::remove_dir_all(&out)?;
    }
    fs::create_dir_all(&out)?;
    let mut count = 0;
    for entry in fs::read_dir(&cases)? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("case file name")?;
        let case: Value = serde_json::from_str(&fs::read_to_string(&path)?)?;
        // A case's `input_text` is the document's exact text (duplicate members, a BOM, digits
        // as written); such a case is marked `.text-only`: passed as an object, JSON.parse
        // would already have changed it.
        let input_text = match (
            case.get("input_text").and_then(Value::as_str),
            case.get("input"),
        ) {
            (Some(text), _) => {
                fs::write(out.join(format!("{stem}.text-only")), "")?;
                text.to_string()
            }
            // serde_json keeps every number's text (arbitrary_precision), so this is the input
            // as the case wrote it, compact.
            (None, Some(input)) => serde_json::to_string(input)?,
            (None, None) => continue,
        };
        let mut pack_problems = None;
        let mut options = Options::default();
        if let Some(pack_value) = case.get("pack").filter(|p| !p.is_null()) {
            let pack_text = serde_json::to_string(pack_value)?;
            match pack::parse_pack(&pack_text) {
                Ok(pack) => options.pack = Some(pack),
                // As the bindings report an invalid pack passed in the options.
                Err(findings) => pack_problems = Some(findings),
            }
            fs::write(out.join(format!("{stem}.pack.json")), &pack_text)?;
        }
        // The same case with `detail: "verdicts"`, for the byte comparison of the short form.
        let mut verdicts = match &pack_problems {
            Some(_) => None,
            None => Some(assess(&input_text, &options)),
        };
        if let Some(report) = verdicts.as_mut() {
            report.detail = Detail::Verdicts;
        }
        let report = match pack_problems {
            Some(findings) => report_for_findings(
                findings
                    .into_iter()
                    .map(|mut f| {
                        f.path = format!("/options/pack{}", f.path);
                        f
                    })
                    .collect(),
            ),
            None => assess(&input_text, &options),
        }
        .to_json();
        fs::write(out.join(format!("{stem}.input.json")), &input_text)?;
        fs::write(out.join(format!("{stem}.report.json")), report)?;
        if let Some(report) = verdicts {
            fs::write(out.join(format!("{stem}.verdicts.json")), report.to_json())?;
        }
        count += 1;
    }
    println!("{count} native reports in {}", out.display());
    Ok(())
}
