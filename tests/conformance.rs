//! Runs every case of `tests/cases/` (format: `tests/cases/README.md`).

use std::fs;
use std::path::Path;

#[test]
fn every_conformance_case_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 40,
        "expected at least 40 cases, found {}",
        paths.len()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let outcome = patent_intensive::conformance::run_case(&fs::read_to_string(path).unwrap());
        if !outcome.passed() {
            failures.push(format!(
                "{}\n  {}\n  - {}",
                path.file_name().unwrap().to_string_lossy(),
                outcome.description,
                outcome.differences.join("\n  - ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}
