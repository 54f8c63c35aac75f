//! The committed TypeScript declarations (npm/types/*.d.ts) are what the Rust types generate
//! (src/typescript.rs). Run with `cargo test --features ts --test typescript`; a failure names the
//! stale file, its first differing line and the command that regenerates it.

// A test reads the committed files it compares with; the core's ban on IO is for the library.
#![allow(clippy::disallowed_methods)]

use std::path::Path;

use patent_intensive::typescript::{declarations, REGENERATE};

#[test]
fn the_committed_declarations_are_the_generated_ones() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("npm/types");
    let files = declarations().unwrap_or_else(|problem| panic!("generating: {problem}"));
    let mut stale = Vec::new();
    for file in &files {
        let path = folder.join(file.name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != file.text {
            let line = committed
                .lines()
                .zip(file.text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| committed.lines().count().min(file.text.lines().count()));
            stale.push(format!(
                "npm/types/{} differs from the generated declarations from line {}",
                file.name,
                line + 1
            ));
        }
    }
    let mut committed: Vec<String> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    committed.retain(|name| !files.iter().any(|f| f.name == name));
    for name in committed {
        stale.push(format!("npm/types/{name} is not generated (remove it)"));
    }
    assert!(
        stale.is_empty(),
        "{}\nthe TypeScript declarations are stale; regenerate them with\n  {REGENERATE}",
        stale.join("\n")
    );
}

#[test]
fn every_report_type_is_declared_and_nothing_is_declared_twice() {
    let files = declarations().unwrap_or_else(|problem| panic!("generating: {problem}"));
    let mut names = Vec::new();
    for file in &files {
        for line in file.text.lines() {
            for prefix in ["export type ", "export interface "] {
                if let Some(rest) = line.strip_prefix(prefix) {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    assert!(!names.contains(&name), "{name} is declared twice");
                    names.push(name);
                }
            }
        }
    }
    for expected in [
        "Input",
        "Patent",
        "Economics",
        "Report",
        "ProductResult",
        "CriterionResult",
        "Outlook",
        "Finding",
        "FindingCode",
        "Catalogue",
        "Labels",
        "PackInfo",
        "NormalizedNumber",
        "PatentImport",
        "DateString",
        "CriterionId",
        "ReportFormat",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} is not declared"
        );
    }
}
