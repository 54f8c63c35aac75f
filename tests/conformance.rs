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

/// A prepared `Assessor` gives the very bytes of the free `assess` for every case and example,
/// with and without the case's own pack.
#[test]
fn a_prepared_assessor_gives_the_same_report_bytes() {
    use patent_intensive::{assess, pack, Assessor, Options};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let assessor = Assessor::new();
    assert_eq!(assessor.packs(), pack::embedded().as_slice());
    let mut checked = 0;
    for dir in ["tests/cases", "examples"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let document: serde_json::Value = serde_json::from_str(&text).unwrap();
            let (input, pack) = match document.get("input") {
                Some(input) => (input.to_string(), document.get("pack").cloned()),
                None => (text.clone(), None),
            };
            let mut options = Options::default();
            if let Some(pack) = pack.filter(|p| !p.is_null()) {
                options.pack = pack::parse_pack(&pack.to_string()).ok();
            }
            for options in [&Options::default(), &options] {
                assert_eq!(
                    assessor.assess(&input, options).to_json(),
                    assess(&input, options).to_json(),
                    "{}",
                    path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked}");
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
