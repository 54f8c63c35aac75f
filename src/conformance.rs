//! Conformance cases (`tests/cases/README.md`): an input and the outcome the specification
//! requires for it. The same checker serves the crate's own test suite and `patent-intensive test`,
//! so auditors and integrators can run their own cases (e.g. for an official benchmark pack).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::report::Report;
use crate::{assess_value, pack, Options};

/// The outcome of one case: every difference between what was expected and what the engine did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseOutcome {
    /// The case's description.
    pub description: String,
    /// Human-readable differences; empty when the case passes.
    pub differences: Vec<String>,
}

impl CaseOutcome {
    /// Whether the engine met every expectation.
    pub fn passed(&self) -> bool {
        self.differences.is_empty()
    }
}

/// Runs one case file's JSON text.
pub fn run_case(case_json: &str) -> CaseOutcome {
    let case: Value = match serde_json::from_str(case_json) {
        Ok(case) => case,
        Err(error) => return failure(String::new(), format!("the case file is not JSON: {error}")),
    };
    let description = case
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    // `input_text` is the document's exact text, for what a JSON value cannot carry (duplicate
    // member names, a byte-order mark, an escaped lone surrogate, digits as written).
    let input_text = case.get("input_text").and_then(Value::as_str);
    let input = case.get("input");
    if input.is_none() && input_text.is_none() {
        return failure(description, "the case has no `input`".to_string());
    }
    let mut options = Options::default();
    if let Some(pack_value) = case.get("pack").filter(|p| !p.is_null()) {
        match pack::parse_pack(&pack_value.to_string()) {
            Ok(pack) => options.pack = Some(pack),
            Err(findings) => {
                let problems: Vec<String> = findings
                    .iter()
                    .map(|f| format!("{} {}", f.path, f.code.as_str()))
                    .collect();
                return failure(
                    description,
                    format!("the case's pack is invalid: {}", problems.join("; ")),
                );
            }
        }
    }
    let report = match (input_text, input) {
        (Some(text), _) => crate::assess(text, &options),
        (None, Some(input)) => assess_value(input, &options),
        (None, None) => return failure(description, "the case has no `input`".to_string()),
    };
    let expect = case.get("expect").cloned().unwrap_or(Value::Null);
    let differences = compare(&report, &expect);
    CaseOutcome {
        description,
        differences,
    }
}

fn failure(description: String, difference: String) -> CaseOutcome {
    CaseOutcome {
        description,
        differences: vec![difference],
    }
}

fn pairs(value: Option<&Value>) -> BTreeSet<(String, String)> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    let field = |name: &str| {
                        item.get(name)
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string()
                    };
                    (field("path"), field("code"))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn strings(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn show(set: &BTreeSet<impl std::fmt::Debug>) -> String {
    format!("{set:?}")
}

/// Every difference between a report and a case's `expect` block.
pub fn compare(report: &Report, expect: &Value) -> Vec<String> {
    let mut differences = Vec::new();
    let errors: BTreeSet<(String, String)> = report
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| (f.path.clone(), f.code.as_str().to_string()))
        .collect();
    let expected_errors = pairs(expect.get("errors"));
    if errors != expected_errors {
        let missing: BTreeSet<_> = expected_errors.difference(&errors).cloned().collect();
        let extra: BTreeSet<_> = errors.difference(&expected_errors).cloned().collect();
        differences.push(format!(
            "errors: missing {} unexpected {}",
            show(&missing),
            show(&extra)
        ));
    }
    let warnings: BTreeSet<(String, String)> = report
        .findings
        .iter()
        .filter(|f| !f.is_error())
        .map(|f| (f.path.clone(), f.code.as_str().to_string()))
        .collect();
    for expected in pairs(expect.get("warnings")) {
        if !warnings.contains(&expected) {
            differences.push(format!(
                "warning {expected:?} missing; warnings were {}",
                show(&warnings)
            ));
        }
    }
    differences.extend(outlook_consistency(report));
    let Some(products) = expect.get("products").and_then(Value::as_object) else {
        return differences;
    };
    for (id, expected) in products {
        let Some(product) = report.products.iter().find(|p| &p.id == id) else {
            differences.push(format!("product {id}: not in the report"));
            continue;
        };
        let product_json = serde_json::to_value(product).unwrap_or(Value::Null);
        if let Some(verdict) = expected.get("verdict").and_then(Value::as_str) {
            let actual = product_json
                .get("verdict")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if actual != verdict {
                differences.push(format!(
                    "product {id}: verdict {actual}, expected {verdict}"
                ));
            }
        }
        if let Some(category) = expected.get("benchmark_category").and_then(Value::as_str) {
            let actual = product.benchmark_category.as_deref().unwrap_or("absent");
            if actual != category {
                differences.push(format!(
                    "product {id}: benchmark row {actual}, expected {category}"
                ));
            }
        }
        if let Some(criteria) = expected.get("criteria").and_then(Value::as_object) {
            for (criterion, verdict) in criteria {
                let actual = product_json
                    .get("criteria")
                    .and_then(Value::as_array)
                    .and_then(|all| {
                        all.iter()
                            .find(|c| c.get("id").and_then(Value::as_str) == Some(criterion))
                    })
                    .and_then(|c| c.get("verdict"))
                    .and_then(Value::as_str)
                    .unwrap_or("absent");
                if Some(actual) != verdict.as_str() {
                    differences.push(format!(
                        "product {id}: {criterion} {actual}, expected {}",
                        verdict.as_str().unwrap_or("?")
                    ));
                }
            }
        }
        if let Some(indicators) = expected.get("indicators").and_then(Value::as_object) {
            let all: Vec<&Value> = product_json
                .get("criteria")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|c| c.get("indicators").and_then(Value::as_array))
                .flatten()
                .chain(
                    product_json
                        .get("indicators")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten(),
                )
                .collect();
            for (indicator, display) in indicators {
                let actual = all
                    .iter()
                    .find(|i| i.get("id").and_then(Value::as_str) == Some(indicator))
                    .and_then(|i| i.get("display"))
                    .and_then(Value::as_str)
                    .unwrap_or("absent");
                if Some(actual) != display.as_str() {
                    differences.push(format!(
                        "product {id}: {indicator} shows {actual}, expected {}",
                        display.as_str().unwrap_or("?")
                    ));
                }
            }
        }
        if let Some(counted) = expected.get("counted") {
            let expected = strings(counted);
            let actual: BTreeSet<String> = product.counted_patents.iter().cloned().collect();
            if actual != expected {
                differences.push(format!(
                    "product {id}: counted {}, expected {}",
                    show(&actual),
                    show(&expected)
                ));
            }
        }
        if let Some(excluded) = expected.get("excluded").and_then(Value::as_object) {
            for (number, reasons) in excluded {
                let expected = strings(reasons);
                // Version 2: the product names its excluded patents; each one's reasons are in
                // the report's `patents`, once.
                let actual: Option<BTreeSet<String>> = product
                    .excluded_patents
                    .iter()
                    .find(|p| *p == number)
                    .and_then(|p| report.patent(p))
                    .map(|p| p.reasons.iter().map(|r| r.code.to_string()).collect());
                match actual {
                    None => differences.push(format!(
                        "product {id}: {number} is not excluded; expected {}",
                        show(&expected)
                    )),
                    Some(actual) if actual != expected => differences.push(format!(
                        "product {id}: {number} excluded for {}, expected {}",
                        show(&actual),
                        show(&expected)
                    )),
                    Some(_) => {}
                }
            }
        }
        if let Some(outlook) = expected.get("outlook") {
            compare_outlook(id, &product_json, outlook, &mut differences);
        }
    }
    differences
}

/// The outlook's round Y must say what the criteria say: the ids among G3, G4, G6 and B2 that
/// fail. Checked for every product of every case, whatever the case expects.
fn outlook_consistency(report: &Report) -> Vec<String> {
    report
        .products
        .iter()
        .filter_map(|product| {
            let criteria: Vec<&str> = product
                .criteria
                .iter()
                .filter(|c| {
                    ["G3", "G4", "G6", "B2"].contains(&c.id)
                        && c.verdict == crate::report::Verdict::Fail
                })
                .map(|c| c.id)
                .collect();
            let first = product.outlook.rounds.first()?;
            (first.failing != criteria).then(|| {
                format!(
                    "product {}: outlook round {} fails {:?} but the criteria fail {:?}",
                    product.id, first.round_year, first.failing, criteria
                )
            })
        })
        .collect()
}

/// The `outlook` section of a product's expectations: only what is given is checked.
fn compare_outlook(id: &str, product: &Value, expected: &Value, differences: &mut Vec<String>) {
    let actual = product.get("outlook").unwrap_or(&Value::Null);
    for field in ["holds_through", "first_failing_round"] {
        if let Some(want) = expected.get(field) {
            let got = actual.get(field).unwrap_or(&Value::Null);
            if got != want {
                differences.push(format!(
                    "product {id}: outlook {field} {got}, expected {want}"
                ));
            }
        }
    }
    if let Some(rounds) = expected.get("rounds").and_then(Value::as_object) {
        for (year, want) in rounds {
            let round = actual
                .get("rounds")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .find(|r| r.get("round_year").map(Value::to_string).as_deref() == Some(year));
            let Some(round) = round else {
                differences.push(format!("product {id}: outlook has no round {year}"));
                continue;
            };
            for (field, want) in want.as_object().into_iter().flatten() {
                let got = round.get(field).unwrap_or(&Value::Null);
                let same = if field == "failing" {
                    strings(got) == strings(want)
                } else {
                    got == want
                };
                if !same {
                    differences.push(format!(
                        "product {id}: outlook round {year} {field} {got}, expected {want}"
                    ));
                }
            }
        }
    }
    if let Some(want) = expected.get("critical_patents").and_then(Value::as_object) {
        let got: Vec<&Value> = actual
            .get("critical_patents")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .collect();
        let number = |v: &Value| v.get("patent").and_then(Value::as_str).map(str::to_string);
        let got_numbers: BTreeSet<String> = got.iter().filter_map(|v| number(v)).collect();
        let want_numbers: BTreeSet<String> = want.keys().cloned().collect();
        if got_numbers != want_numbers {
            differences.push(format!(
                "product {id}: outlook critical patents {}, expected {}",
                show(&got_numbers),
                show(&want_numbers)
            ));
        }
        for (patent, fields) in want {
            let Some(entry) = got.iter().find(|v| number(v).as_deref() == Some(patent)) else {
                continue;
            };
            for (field, want) in fields.as_object().into_iter().flatten() {
                let got = entry.get(field).unwrap_or(&Value::Null);
                let same = if field == "criteria" {
                    strings(got) == strings(want)
                } else {
                    got == want
                };
                if !same {
                    differences.push(format!(
                        "product {id}: outlook critical {patent} {field} {got}, expected {want}"
                    ));
                }
            }
        }
    }
    for list in ["causes", "events"] {
        let Some(want) = expected.get(list) else {
            continue;
        };
        let triples = |value: &Value| -> BTreeSet<(String, String, String)> {
            value
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| {
                    let field = |name: &str| {
                        e.get(name)
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string()
                    };
                    (field("date"), field("patent"), field("event"))
                })
                .collect()
        };
        let got = triples(actual.get(list).unwrap_or(&Value::Null));
        let want = triples(want);
        if got != want {
            differences.push(format!(
                "product {id}: outlook {list} {}, expected {}",
                show(&got),
                show(&want)
            ));
        }
    }
}
