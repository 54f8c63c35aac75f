//! The layers of ARCHITECTURE.md ("Layers"), kept: every module of `src/` uses only modules of its
//! own layer or lower ones. The layer table and its exceptions are written once, in
//! ARCHITECTURE.md; this test reads them from there, reads every `src/**/*.rs`, and fails when
//!
//! - a module uses (`crate::…`, outside its `#[cfg(test)] mod tests`) a module of a higher layer
//!   that is not a listed exception;
//! - a module of `src/` has no row in the table, or a row names no module of `src/`;
//! - a listed exception no longer occurs (the list stays true as moves are done).
//!
//! A re-export is followed to where the item lives (`crate::validate::Finding` is a use of
//! `findings`), and a `#[macro_export]` macro belongs to the module that defines it. Items of the
//! crate root (`crate::assess`) belong to `lib`, the top layer.

// Test code: reading the sources and the architecture document is what it is for, and a failed
// unwrap is a failed test.
#![allow(clippy::disallowed_methods)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layer table and the exceptions, as ARCHITECTURE.md writes them.
#[derive(Debug, Default)]
struct Layers {
    /// Module → layer number.
    layer_of: BTreeMap<String, u32>,
    /// (module, module it uses) → why it is still allowed.
    exceptions: BTreeMap<(String, String), String>,
}

/// The cells of a Markdown table row, trimmed; `None` for any other line.
fn cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(str::trim).collect())
}

/// The names in backticks of a cell (`` `text`, `fold` `` → text, fold).
fn ticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Reads the "Layers" section: its first table gives each module's layer (rows whose first cell
/// is a number), the table under "Exceptions" the allowed uses of a higher layer.
fn parse_layers(markdown: &str) -> Layers {
    let mut layers = Layers::default();
    let mut in_section = false;
    let mut in_exceptions = false;
    for line in markdown.lines() {
        if line.starts_with("## ") {
            in_section = line.trim() == "## Layers";
            in_exceptions = false;
            continue;
        }
        if !in_section {
            continue;
        }
        if line.starts_with("### ") {
            in_exceptions = line.contains("Exceptions");
            continue;
        }
        let Some(row) = cells(line) else { continue };
        if in_exceptions {
            let (Some(from), Some(to), Some(why)) = (row.first(), row.get(1), row.get(2)) else {
                continue;
            };
            if let ([from], [to]) = (&ticked(from)[..], &ticked(to)[..]) {
                layers
                    .exceptions
                    .insert((from.clone(), to.clone()), why.to_string());
            }
        } else if let (Some(Ok(layer)), Some(modules)) =
            (row.first().map(|c| c.parse::<u32>()), row.get(1))
        {
            for module in ticked(modules) {
                let before = layers.layer_of.insert(module.clone(), layer);
                assert!(
                    before.is_none(),
                    "`{module}` has two rows in the layer table"
                );
            }
        }
    }
    layers
}

/// The module a source file belongs to: `lib` for the crate root, else the top-level module
/// (`input/read.rs` → `input`).
fn module_of(relative: &str) -> String {
    let first = relative.split('/').next().unwrap_or(relative);
    first.strip_suffix(".rs").unwrap_or(first).to_string()
}

/// Whether a file is the root file of its module (`walk.rs`, `input/mod.rs`), where the
/// module's re-exports are written.
fn is_module_root(relative: &str) -> bool {
    !relative.contains('/') || relative.matches('/').count() == 1 && relative.ends_with("/mod.rs")
}

/// The code of a file without its unit tests (a `#[cfg(test)] mod tests { … }`, skipped to its
/// closing brace) and without comment lines (doc links such as [`crate::input`] are not uses).
fn code_of(source: &str) -> String {
    let mut kept = String::new();
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim().starts_with("mod tests"))
        {
            // Braces in the tests' strings come in pairs ("{x}"); a lone one would only make the
            // rest of the file count as tests.
            let mut depth = 0i64;
            let mut opened = false;
            for line in lines.by_ref() {
                for c in line.chars() {
                    match c {
                        '{' => {
                            depth += 1;
                            opened = true;
                        }
                        '}' => depth -= 1,
                        _ => {}
                    }
                }
                if opened && depth <= 0 {
                    break;
                }
            }
            continue;
        }
        if !trimmed.starts_with("//") {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

/// One path a `crate::` use names, at most two segments deep, with the name it is bound to when
/// imported with `as`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct UsePath {
    segments: Vec<String>,
    alias: Option<String>,
}

/// Reads a use tree (`a::b`, `a::{b, c::d}`, `a as b`, `self`) from `text`, appending the paths it
/// names (after `prefix`) to `out`; returns what follows the tree.
fn use_tree<'a>(text: &'a str, prefix: &[String], out: &mut Vec<UsePath>) -> &'a str {
    let text = text.trim_start();
    if let Some(group) = text.strip_prefix('{') {
        let mut rest = group;
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('}') {
                return after;
            }
            if rest.is_empty() {
                return rest;
            }
            rest = use_tree(rest, prefix, out);
            rest = rest.trim_start();
            rest = rest.strip_prefix(',').unwrap_or(rest);
        }
    }
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    let (name, rest) = text.split_at(end);
    if name.is_empty() {
        return rest;
    }
    let mut segments = prefix.to_vec();
    if name != "self" {
        segments.push(name.to_string());
    }
    if let Some(after) = rest.strip_prefix("::") {
        return use_tree(after, &segments, out);
    }
    let mut alias = None;
    let mut rest = rest;
    if let Some(after) = rest.trim_start().strip_prefix("as ") {
        let after = after.trim_start();
        let end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        alias = Some(after[..end].to_string());
        rest = &after[end..];
    }
    segments.truncate(2);
    out.push(UsePath { segments, alias });
    rest
}

/// Every `crate::` path in `code`.
fn crate_paths(code: &str) -> Vec<UsePath> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        // `$crate::` (in a macro) and `crate::` are the same crate; `foo_crate::` is not.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        use_tree(&code[at + "crate::".len()..], &[], &mut out);
    }
    out
}

/// The sources of the crate: (path below `src/`, text).
fn sources(root: &Path) -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy();
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((relative.replace('\\', "/"), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out
}

/// One use of a higher layer: the file, the module using, the module used.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Violation {
    file: String,
    from: String,
    to: String,
}

/// The module-level uses of every file: (file, module, module used), each once.
fn uses(sources: &[(String, String)]) -> BTreeSet<(String, String, String)> {
    let modules: BTreeSet<String> = sources.iter().map(|(f, _)| module_of(f)).collect();
    let codes: Vec<(String, String, String)> = sources
        .iter()
        .map(|(file, text)| (file.clone(), module_of(file), code_of(text)))
        .collect();
    // Where an item re-exported or defined as an exported macro lives: (module, name) → module.
    let mut lives_in: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut macros: BTreeMap<String, String> = BTreeMap::new();
    for (file, module, code) in &codes {
        let mut exported = false;
        for line in code.lines() {
            let line = line.trim();
            if line == "#[macro_export]" {
                exported = true;
            } else if let Some(name) = line.strip_prefix("macro_rules! ") {
                if exported {
                    let name: String = name
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    macros.insert(name, module.clone());
                }
                exported = false;
            } else if !line.starts_with("#[") {
                exported = false;
            }
        }
        if !is_module_root(file) {
            continue;
        }
        for statement in code.split(';') {
            let statement = statement.trim();
            let Some(tree) = ["pub use crate::", "pub(crate) use crate::"]
                .iter()
                .find_map(|p| statement.strip_prefix(p))
            else {
                continue;
            };
            let mut paths = Vec::new();
            use_tree(tree, &[], &mut paths);
            for path in paths {
                let Some(name) = path.alias.clone().or_else(|| path.segments.last().cloned())
                else {
                    continue;
                };
                if let Some(first) = path.segments.first() {
                    lives_in.insert((module.clone(), name), first.clone());
                }
            }
        }
    }
    let resolve = |segments: &[String]| -> Option<String> {
        let first = segments.first()?;
        if modules.contains(first) && first != "lib" {
            let through = segments
                .get(1)
                .and_then(|second| lives_in.get(&(first.clone(), second.clone())));
            return Some(match through {
                // A re-export of a macro or of a module: follow it one step further.
                Some(to) if !modules.contains(to) => macros.get(to).cloned().unwrap_or(to.clone()),
                Some(to) => to.clone(),
                None => first.clone(),
            });
        }
        Some(
            macros
                .get(first)
                .cloned()
                .unwrap_or_else(|| "lib".to_string()),
        )
    };
    let mut found = BTreeSet::new();
    for (file, module, code) in &codes {
        for path in crate_paths(code) {
            if let Some(to) = resolve(&path.segments) {
                if &to != module {
                    found.insert((file.clone(), module.clone(), to));
                }
            }
        }
    }
    found
}

/// Every use of a higher layer, exceptions included.
fn violations(layers: &Layers, sources: &[(String, String)]) -> Vec<Violation> {
    let mut out = Vec::new();
    for (file, from, to) in uses(sources) {
        let (Some(low), Some(high)) = (layers.layer_of.get(&from), layers.layer_of.get(&to)) else {
            continue;
        };
        if high > low {
            out.push(Violation { file, from, to });
        }
    }
    out
}

fn architecture() -> Layers {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md");
    parse_layers(&std::fs::read_to_string(path).unwrap())
}

fn crate_sources() -> Vec<(String, String)> {
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn every_module_has_one_layer_and_every_row_a_module() {
    let layers = architecture();
    assert!(
        layers.layer_of.len() >= 10,
        "the layer table of ARCHITECTURE.md was not read: {layers:?}"
    );
    let modules: BTreeSet<String> = crate_sources().iter().map(|(f, _)| module_of(f)).collect();
    let without: Vec<_> = modules
        .iter()
        .filter(|m| !layers.layer_of.contains_key(*m))
        .collect();
    assert!(
        without.is_empty(),
        "modules without a row in ARCHITECTURE.md's layer table: {without:?}"
    );
    let unknown: Vec<_> = layers
        .layer_of
        .keys()
        .filter(|m| !modules.contains(*m))
        .collect();
    assert!(
        unknown.is_empty(),
        "rows of the layer table that name no module of src/: {unknown:?}"
    );
}

#[test]
fn no_module_uses_a_higher_layer() {
    let layers = architecture();
    let broken: Vec<String> = violations(&layers, &crate_sources())
        .into_iter()
        .filter(|v| {
            !layers
                .exceptions
                .contains_key(&(v.from.clone(), v.to.clone()))
        })
        .map(|v| {
            format!(
                "src/{}: `{}` (layer {}) uses `{}` (layer {})",
                v.file, v.from, layers.layer_of[&v.from], v.to, layers.layer_of[&v.to]
            )
        })
        .collect();
    assert!(
        broken.is_empty(),
        "lower layers must not use higher ones (ARCHITECTURE.md, Layers):\n{}",
        broken.join("\n")
    );
}

#[test]
fn every_exception_still_occurs() {
    let layers = architecture();
    let occurring: BTreeSet<(String, String)> = violations(&layers, &crate_sources())
        .into_iter()
        .map(|v| (v.from, v.to))
        .collect();
    let stale: Vec<_> = layers
        .exceptions
        .keys()
        .filter(|pair| !occurring.contains(*pair))
        .collect();
    assert!(
        stale.is_empty(),
        "exceptions in ARCHITECTURE.md that no longer occur (delete their rows): {stale:?}"
    );
}

/// The checker itself: it sees uses in every spelling, follows re-exports and macros, ignores
/// comments and unit tests, and reads the tables.
#[test]
fn the_checker_sees_each_kind_of_use() {
    let layers = parse_layers(
        "## Layers\n\n| layer | modules | what |\n|---|---|---|\n\
         | 0 | `low`, `base` | x |\n| 1 | `high` | y |\n| 2 | `lib` | z |\n\n\
         ### Exceptions\n\n| module | uses | why |\n|---|---|---|\n| `base` | `high` | later |\n\
         ## Next\n| 7 | `other` | not in the section |\n",
    );
    assert_eq!(layers.layer_of.len(), 4);
    assert_eq!(layers.layer_of["high"], 1);
    assert!(layers
        .exceptions
        .contains_key(&("base".to_string(), "high".to_string())));

    let file = |name: &str, text: &str| (name.to_string(), text.to_string());
    let sources = vec![
        file("lib.rs", "pub fn assess() {}\n"),
        file(
            "high/mod.rs",
            "pub use crate::low::Thing;\n#[macro_export]\nmacro_rules! shout { () => {} }\n",
        ),
        file("high/inner.rs", "use crate::low::Other;\n"),
        file(
            "low.rs",
            "// crate::high is only a comment here\nuse crate::{base::X, high::{self, Y}};\n",
        ),
        file("base/mod.rs", "fn f() { crate::assess(); }\n"),
        file("base/x.rs", "use crate::high::Thing;\nuse crate::shout;\n"),
        file(
            "base/y.rs",
            "fn g() {}\n#[cfg(test)]\nmod tests {\n    use crate::high::Z;\n    fn h() { let _ = format!(\"{}\", 1); }\n}\nuse crate::lib_item;\n",
        ),
    ];
    let found: Vec<(String, String, String)> = uses(&sources).into_iter().collect();
    let expect = |f: &str, a: &str, b: &str| (f.to_string(), a.to_string(), b.to_string());
    assert_eq!(
        found,
        vec![
            // Calls an item of the crate root.
            expect("base/mod.rs", "base", "lib"),
            // `high::Thing` is a re-export of `low`: a use of `low`. The macro lives in `high`.
            expect("base/x.rs", "base", "high"),
            expect("base/x.rs", "base", "low"),
            // The unit tests' use is not counted; code after them is.
            expect("base/y.rs", "base", "lib"),
            expect("high/inner.rs", "high", "low"),
            expect("high/mod.rs", "high", "low"),
            // A grouped use, nested; the comment is not a use.
            expect("low.rs", "low", "base"),
            expect("low.rs", "low", "high"),
        ]
    );
    let broken = violations(&layers, &sources);
    assert_eq!(
        broken
            .iter()
            .map(|v| (v.file.as_str(), v.from.as_str(), v.to.as_str()))
            .collect::<Vec<_>>(),
        vec![
            ("base/mod.rs", "base", "lib"),
            ("base/x.rs", "base", "high"),
            ("base/y.rs", "base", "lib"),
            ("low.rs", "low", "high"),
        ]
    );
}
