//! The npm package's TypeScript declarations, generated (feature `ts`) so they cannot drift from
//! what the engine reads and writes:
//!
//! - `input.d.ts` from the input format's field tables ([`crate::input::fields`]), the same tables
//!   the reader checks against and [`crate::schema`] writes the JSON Schema from;
//! - `output.d.ts` from the Rust types the engine serialises (report, findings, catalogue, packs,
//!   imports), by `ts-rs` deriving from the same fields and serde attributes `serde_json` writes by.
//!
//! Where a report field is a plain `&'static str` whose values come from one of the engine's own
//! tables (criterion ids, patent types, format tags), the field carries a `ts(type = ...)` naming
//! an alias generated here from that table; other strings stay `string`.
//!
//! `examples/typescript.rs` writes the files into `npm/types/`; `tests/typescript.rs` fails when
//! the committed ones differ. The function signatures stay hand-written in `npm/index.d.ts`, which
//! re-exports these types.

use std::any::TypeId;
use std::collections::HashSet;

use ts_rs::{Config, TypeVisitor, TS};

use crate::findings::Code;
use crate::import::PatentImport;
use crate::input::fields;
use crate::input::{
    FilerRole, LegalStatus, LicenceKind, MoneyUnit, OrgType, PatentType, ProductStatus,
    INPUT_FORMAT,
};
use crate::pack::PackInfo;
use crate::read::fields::{Choice, Field, Kind};
use crate::report::{Report, REPORT_FORMAT};
use crate::rules::catalog::CRITERIA;
use crate::rules::labels::{Catalogue, Label, CATALOGUE_FORMAT};
use crate::NormalizedNumber;

/// The command that writes the files, named in their header and in the staleness test's message.
pub const REGENERATE: &str = "cargo run --features ts --example typescript -- npm/types";

/// Finding codes only the npm package gives (`npm/guard.js`): a call on which the module trapped.
pub const PACKAGE_FINDING_CODES: &[&str] = &["engine_failure"];

/// One generated declaration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// The file name, e.g. `input.d.ts`.
    pub name: &'static str,
    /// Its whole text.
    pub text: String,
}

/// Every generated file, in a fixed order; an error names a field table or enumeration that has
/// no TypeScript name yet (add it to the lists below).
pub fn declarations() -> Result<Vec<File>, String> {
    Ok(vec![
        File {
            name: "input.d.ts",
            text: input()?,
        },
        File {
            name: "output.d.ts",
            text: output(),
        },
    ])
}

fn header(source: &str) -> String {
    format!(
        "// Generated from {source}. Do not edit: regenerate with\n//   {REGENERATE}\n// (tests/typescript.rs fails while this file differs from what the code generates).\n\n"
    )
}

fn doc(text: &str, indent: &str) -> String {
    format!("{indent}/** {text} */\n")
}

fn string_union<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values
        .into_iter()
        .map(|value| format!("{value:?}"))
        .collect::<Vec<_>>()
        .join(" | ")
}

// ---------------------------------------------------------------------------------------------
// Input: from the field tables.
// ---------------------------------------------------------------------------------------------

/// The TypeScript name and description of each object the tables describe, by its member names.
/// Tables are told apart by their members because constants have no stable address.
fn object_name(table: &[Field]) -> Option<(&'static str, &'static str)> {
    const NAMED: &[(&[Field], &str, &str)] = &[
        (
            fields::DOCUMENT,
            "Input",
            "The whole assessment input: one filer and its products. Optional members may be absent or null.",
        ),
        (
            fields::FILER,
            "Filer",
            "The organisation that files the products.",
        ),
        (
            fields::PARTY,
            "Party",
            "A patent owner or licensee.",
        ),
        (fields::PATENT, "Patent", "A patent the products link to."),
        (
            fields::LICENCE,
            "Licence",
            "A licence granted under a patent.",
        ),
        (fields::PRODUCT, "Product", "A product to assess."),
        (
            fields::LINK,
            "PatentLink",
            "A product's link to one of `patents`.",
        ),
        (
            fields::ECONOMICS,
            "Economics",
            "A product's economic figures for one year.",
        ),
    ];
    let members = |fields: &[Field]| fields.iter().map(|f| f.name).collect::<Vec<_>>();
    NAMED
        .iter()
        .find(|(known, _, _)| members(known) == members(table))
        .map(|&(_, name, doc)| (name, doc))
}

/// The TypeScript name of each enumeration of the input.
fn enum_name(values: &[Choice]) -> Option<&'static str> {
    let named: [(&[Choice], &str); 7] = [
        (OrgType::CHOICES, "OrgType"),
        (PatentType::CHOICES, "PatentType"),
        (LegalStatus::CHOICES, "LegalStatus"),
        (LicenceKind::CHOICES, "LicenceKind"),
        (ProductStatus::CHOICES, "ProductStatus"),
        (FilerRole::CHOICES, "FilerRole"),
        (MoneyUnit::CHOICES, "MoneyUnit"),
    ];
    named
        .iter()
        .find(|(known, _)| *known == values)
        .map(|&(_, name)| name)
}

fn input() -> Result<String, String> {
    let mut text = header("the input format's field tables (src/input/fields.rs)");
    text.push_str(&doc("A calendar date, `YYYY-MM-DD`.", ""));
    text.push_str("export type DateString = string;\n\n");
    text.push_str(&doc(
        "An exact amount: a decimal string (`\"12345.67\"`) or a JSON number. Strings are read exactly; a number is read from its shortest decimal spelling (`JSON.stringify`), so write amounts with more than 15 significant digits as strings.",
        "",
    ));
    text.push_str("export type Amount = string | number;\n\n");
    text.push_str(&doc("The format tag of an input document.", ""));
    text.push_str(&format!(
        "export type InputFormat = {};\n\n",
        string_union([INPUT_FORMAT])
    ));

    let mut enums: Vec<(&str, String, &[Choice])> = Vec::new();
    let mut objects = String::new();
    let mut seen: Vec<&str> = Vec::new();
    object(fields::DOCUMENT, &mut objects, &mut enums, &mut seen)?;
    for (name, member, values) in enums {
        text.push_str(&doc(&format!("The values of `{member}`."), ""));
        text.push_str(&format!(
            "export type {name} = {};\n\n",
            string_union(values.iter().map(|c| c.value))
        ));
    }
    text.push_str(&objects);
    Ok(text)
}

/// Declares the interface of `table`, then of the objects it holds, depth first.
fn object<'t>(
    table: &'t [Field],
    out: &mut String,
    enums: &mut Vec<(&'static str, String, &'t [Choice])>,
    seen: &mut Vec<&'static str>,
) -> Result<&'static str, String> {
    let members = || table.iter().map(|f| f.name).collect::<Vec<_>>().join(", ");
    let (name, description) = object_name(table)
        .ok_or_else(|| format!("no TypeScript name for the object {{ {} }}", members()))?;
    if seen.contains(&name) {
        return Ok(name);
    }
    seen.push(name);
    let mut body = doc(description, "");
    body.push_str(&format!("export interface {name} {{\n"));
    let mut nested: Vec<&[Field]> = Vec::new();
    for field in table {
        let ty = match &field.kind {
            Kind::Text => "string".to_string(),
            Kind::Constant(value) if *value == INPUT_FORMAT => "InputFormat".to_string(),
            Kind::Constant(value) => string_union([*value]),
            Kind::Enum(values) => {
                let alias = enum_name(values).ok_or_else(|| {
                    format!(
                        "no TypeScript name for the enumeration {}",
                        values
                            .iter()
                            .map(|c| c.value)
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                })?;
                if !enums.iter().any(|(known, _, _)| *known == alias) {
                    enums.push((alias, format!("{name}.{}", field.name), values));
                }
                alias.to_string()
            }
            Kind::Bool => "boolean".to_string(),
            Kind::Year | Kind::Count => "number".to_string(),
            Kind::Date => "DateString".to_string(),
            Kind::Money => "Amount".to_string(),
            Kind::Object(inner) => {
                nested.push(inner);
                object_name(inner)
                    .map(|(n, _)| n)
                    .unwrap_or("unknown")
                    .to_string()
            }
            Kind::ObjectArray(inner) => {
                nested.push(inner);
                format!(
                    "{}[]",
                    object_name(inner).map(|(n, _)| n).unwrap_or("unknown")
                )
            }
            Kind::TextArray => "string[]".to_string(),
        };
        let mut description = field.doc.to_string();
        if let Some(limit) = field.max_items {
            description.push_str(&format!(" (at most {limit} items)"));
        }
        body.push_str(&doc(&description, "  "));
        if field.required {
            body.push_str(&format!("  {}: {ty};\n", field.name));
        } else {
            body.push_str(&format!("  {}?: {ty} | null;\n", field.name));
        }
    }
    body.push_str("}\n\n");
    out.push_str(&body);
    for inner in nested {
        object(inner, out, enums, seen)?;
    }
    Ok(name)
}

// ---------------------------------------------------------------------------------------------
// Output: from the Rust types, by ts-rs.
// ---------------------------------------------------------------------------------------------

/// Names `output.d.ts` takes from `input.d.ts` (the input types a report or import refers to).
const FROM_INPUT: &[&str] = &[
    "DateString",
    "FilerRole",
    "LegalStatus",
    "LicenceKind",
    "MoneyUnit",
    "OrgType",
    "Patent",
    "PatentType",
    "ProductStatus",
];

/// Collects each declarable type once, from the roots through their dependencies. ts-rs visits a
/// type's dependencies in an order that changes from one compilation to the next (it keeps them
/// in a hash set), so the declarations are written sorted by name.
struct Collect<'a> {
    config: &'a Config,
    seen: HashSet<TypeId>,
    declarations: Vec<(String, String)>,
}

impl Collect<'_> {
    fn add<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let name = T::name(self.config);
        if !FROM_INPUT.contains(&name.as_str()) {
            let mut text = comment(&T::docs().unwrap_or_default(), "");
            text.push_str("export ");
            text.push_str(&pretty(&T::decl(self.config)));
            text.push('\n');
            self.declarations.push((name, text));
        }
        T::visit_dependencies(self);
    }
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        self.add::<T>();
    }
}

fn output() -> String {
    let config = Config::new();
    let mut collect = Collect {
        config: &config,
        seen: HashSet::new(),
        declarations: Vec::new(),
    };
    collect.add::<Report>();
    collect.add::<crate::verify::Verification>();
    // Written as JSON objects from (key, value) lists, so named here rather than reached.
    collect.add::<crate::report::PatentStanding>();
    collect.add::<crate::report::catalogue::CatalogueEntry>();
    collect.add::<crate::report::ReportVerdicts<'static>>();
    // Named by a `ts(type = ...)` on `Finding::code`, so not met as a dependency.
    collect.add::<Code>();
    collect.add::<Catalogue>();
    collect.add::<Label>();
    collect.add::<PackInfo>();
    collect.add::<NormalizedNumber>();
    collect.add::<PatentImport>();

    let mut text = header("the engine's Rust types (src/typescript.rs lists the roots)");
    text.push_str(&format!(
        "import type {{ {} }} from \"./input.js\";\n\n",
        FROM_INPUT.join(", ")
    ));
    text.push_str(&doc("The format tag of a report.", ""));
    text.push_str(&format!(
        "export type ReportFormat = {};\n",
        string_union([REPORT_FORMAT])
    ));
    text.push_str(&doc("The format tag of the catalogue.", ""));
    text.push_str(&format!(
        "export type CatalogueFormat = {};\n",
        string_union([CATALOGUE_FORMAT])
    ));
    text.push_str(&doc(
        "A criterion id, in report order (src/rules/catalog.rs).",
        "",
    ));
    text.push_str(&format!(
        "export type CriterionId = {};\n",
        string_union(CRITERIA.iter().map(|c| c.id))
    ));
    text.push_str(&doc(
        "Finding codes only the npm package gives: the module trapped on this call and was replaced.",
        "",
    ));
    text.push_str(&format!(
        "export type PackageFindingCode = {};\n\n",
        string_union(PACKAGE_FINDING_CODES.iter().copied())
    ));
    collect.declarations.sort();
    let declarations: Vec<String> = collect.declarations.into_iter().map(|(_, d)| d).collect();
    text.push_str(&declarations.join("\n"));
    text
}

/// A ts-rs doc comment (`/**\n * line\n */\n`), indented, on one line when it has one line, with
/// rustdoc's link brackets (`` [`X`] ``) dropped.
fn comment(docs: &str, indent: &str) -> String {
    let lines: Vec<&str> = docs
        .lines()
        .map(str::trim)
        .filter(|line| *line != "/**" && *line != "*/")
        .map(|line| line.strip_prefix('*').unwrap_or(line).trim())
        .collect();
    let lines: Vec<String> = lines
        .iter()
        .map(|line| line.replace("[`", "`").replace("`]", "`"))
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        several => {
            let mut text = format!("{indent}/**\n");
            for line in several {
                text.push_str(&format!("{indent} * {line}\n").replace(" * \n", " *\n"));
            }
            text.push_str(&format!("{indent} */\n"));
            text
        }
    }
}

/// ts-rs writes an object type on a few long lines (`type X = { a: A, b: B, };`, each member's
/// doc comment before it); this lays it out one member a line, as the rest of the package's
/// declarations are. Anything else (a union, an alias) is returned as it is.
fn pretty(decl: &str) -> String {
    let Some((head, rest)) = decl.split_once(" = { ") else {
        return decl.to_string();
    };
    let Some(body) = rest.trim_end().strip_suffix("};") else {
        return decl.to_string();
    };
    let mut text = format!("{head} = {{\n");
    for member in members(body) {
        let member = member.trim();
        if member.is_empty() {
            continue;
        }
        let (docs, field) = match member.rfind("*/") {
            Some(end) if member.starts_with("/**") => member.split_at(end + 2),
            _ => ("", member),
        };
        text.push_str(&comment(docs, "  "));
        text.push_str(&format!("  {};\n", field.trim()));
    }
    text.push_str("};");
    text
}

/// The members of an object type's body: split at the commas outside comments, strings and
/// brackets.
fn members(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start, mut in_comment, mut in_string) = (0usize, 0usize, false, false);
    let bytes = body.as_bytes();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let next = bytes.get(i + 1).copied();
        if in_comment {
            if byte == b'*' && next == Some(b'/') {
                in_comment = false;
                i += 1;
            }
        } else if in_string {
            if byte == b'\\' {
                i += 1;
            } else if byte == b'"' {
                in_string = false;
            }
        } else {
            match byte {
                b'/' if next == Some(b'*') => in_comment = true,
                b'"' => in_string = true,
                b'{' | b'<' | b'(' | b'[' => depth += 1,
                b'}' | b'>' | b')' | b']' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    parts.push(body.get(start..i).unwrap_or_default());
                    start = i + 1;
                }
                _ => {}
            }
        }
        i += 1;
    }
    parts.push(body.get(start..).unwrap_or_default());
    parts
}
