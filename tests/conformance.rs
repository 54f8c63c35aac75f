//! Runs every case of `tests/cases/` and its subfolders (format: `tests/cases/README.md`), one
//! test per case named by its file name (with its subfolder, if any), so `cargo test --test conformance g3-licence-ends` runs the cases whose name
//! holds that text and a failure names its case. Built on libtest-mimic (`harness = false` in
//! Cargo.toml): the usual filters and options (`--exact`, `--list`, `--skip`) work.
//!
//! Tests:
//! - `<case>`: the case's expectations hold (`patent_intensive::conformance::run_case`);
//! - `prepared_assessor/<case or example>`: a prepared `Assessor` gives the very bytes of the free
//!   `assess`, with and without the case's own pack;
//! - `case_folder_holds_at_least_40_cases`: the folder was read, not silently empty.

// A tool around the core, not the core: it reads and writes files (clippy.toml bans IO in the core).
#![allow(clippy::disallowed_methods)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use libtest_mimic::{Arguments, Failed, Trial};
use patent_intensive::{assess, pack, Assessor, Options};

/// The folders of case files the suite runs, relative to the crate root.
const CASE_DIRS: &[&str] = &["tests/cases"];
/// Folders of plain input documents checked by the prepared-assessor test along with the cases.
const EXAMPLE_DIRS: &[&str] = &["examples"];
/// A floor on the number of cases, so a misplaced folder cannot pass as "no case failed".
const MIN_CASES: usize = 40;

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = match json_files(root, CASE_DIRS) {
        Ok(paths) => paths,
        Err(error) => {
            eprintln!("conformance: cannot list the case folders: {error}");
            return ExitCode::FAILURE;
        }
    };
    let examples = match json_files(root, EXAMPLE_DIRS) {
        Ok(paths) => paths,
        Err(error) => {
            eprintln!("conformance: cannot list the example folders: {error}");
            return ExitCode::FAILURE;
        }
    };

    let mut trials = Vec::with_capacity(cases.len() * 2 + examples.len() + 1);
    let count = cases.len();
    trials.push(Trial::test(
        "case_folder_holds_at_least_40_cases",
        move || {
            if count >= MIN_CASES {
                Ok(())
            } else {
                Err(format!("expected at least {MIN_CASES} cases, found {count}").into())
            }
        },
    ));
    for (name, path) in &cases {
        let case = path.clone();
        trials.push(Trial::test(name.clone(), move || run_case(&case)));
    }
    // One prepared engine shared by every trial, as a caller would keep it.
    let prepared = Arc::new(Assessor::new());
    for (name, path) in cases.iter().chain(&examples) {
        let path = path.clone();
        let assessor = Arc::clone(&prepared);
        trials.push(Trial::test(
            format!("prepared_assessor/{name}"),
            move || same_bytes_prepared(&assessor, &path),
        ));
    }
    libtest_mimic::run(&args, trials).exit_code()
}

/// The `*.json` files in each folder and its subfolders, as `patent-intensive test` finds them
/// (hidden entries skipped), with their test names: the path below the folder without `.json`.
fn json_files(root: &Path, dirs: &[&str]) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    for dir in dirs {
        let base = root.join(dir);
        let mut paths = Vec::new();
        walk(&base, &mut paths)?;
        for path in paths {
            let relative = path.strip_prefix(&base).unwrap_or(&path).with_extension("");
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            found.push((name, path));
        }
    }
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // The entry's own type, so a symbolic link to a folder cannot loop the walk.
        if entry.file_type()?.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, Failed> {
    fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()).into())
}

/// The case's expectations hold; the failure message names the file, its description and every
/// difference.
fn run_case(path: &Path) -> Result<(), Failed> {
    let outcome = patent_intensive::conformance::run_case(&read(path)?);
    if outcome.passed() {
        return Ok(());
    }
    Err(format!(
        "{}\n  {}\n  - {}",
        path.display(),
        outcome.description,
        outcome.differences.join("\n  - ")
    )
    .into())
}

/// A prepared `Assessor` gives the very bytes of the free `assess` for a case (with and without
/// its own pack) or an example input.
fn same_bytes_prepared(assessor: &Assessor, path: &Path) -> Result<(), Failed> {
    if assessor.packs() != pack::embedded().as_slice() {
        return Err("a prepared Assessor does not hold the embedded packs".into());
    }
    let text = read(path)?;
    let document: serde_json::Value = serde_json::from_str(&text)
        .map_err(|error| format!("{} is not JSON: {error}", path.display()))?;
    let (input, pack) = match document.get("input") {
        Some(input) => (input.to_string(), document.get("pack").cloned()),
        None => (text.clone(), None),
    };
    let mut options = Options::default();
    if let Some(pack) = pack.filter(|p| !p.is_null()) {
        options.pack = pack::parse_pack(&pack.to_string()).ok();
    }
    for options in [&Options::default(), &options] {
        let prepared = assessor.assess(&input, options).to_json();
        let free = assess(&input, options).to_json();
        if prepared != free {
            return Err(format!(
                "{}: the prepared Assessor's report differs from assess's\n  prepared: {prepared}\n  free:     {free}",
                path.display()
            )
            .into());
        }
    }
    Ok(())
}

/// The `cat-*` cases carry the example category pack; their copies must be that very pack, so the
/// outcomes they check are the outcomes of the file people are pointed to.
#[test]
fn category_cases_carry_the_example_pack() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root.join("examples/packs/two-category-rows.example.json")).unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for entry in fs::read_dir(root.join("tests/cases")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("cat-") {
            continue;
        }
        let case: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(case["pack"], example, "{name}");
        checked += 1;
    }
    assert!(checked >= 4, "{checked}");
}
