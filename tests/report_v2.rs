//! Report version 2 (input-format.md, "The report (JSON), version 2"): each thing said once —
//! the criteria's texts in `catalogue`, each linked patent's standing in `patents` — and the
//! `verdicts` detail with only ids, verdicts, gaps, findings and identities.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
// Test code reads the case files and examples from disk.
#![allow(clippy::disallowed_methods)]

use patent_intensive::{assess, Detail, Options};
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../examples/fuzhou-bogie-monitor.json");

fn report(input: &str, detail: Detail) -> (String, Value) {
    let options = Options {
        detail,
        ..Options::default()
    };
    let text = assess(input, &options).to_json();
    let value = serde_json::from_str(&text).unwrap();
    (text, value)
}

#[test]
fn a_patent_linked_by_two_products_is_said_once() {
    let mut input: Value = serde_json::from_str(EXAMPLE).unwrap();
    // P2 also links P1's invention patent.
    input["products"][1]["patents"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "number": "202010566088.9", "statement": "巡检仪的监测算法" }));
    let (text, value) = report(&input.to_string(), Detail::Full);
    assert_eq!(value["findings"], json!([]), "{}", value["findings"]);
    let number = "202010566088.9";
    for product in value["products"].as_array().unwrap() {
        assert!(product["counted_patents"]
            .as_array()
            .unwrap()
            .contains(&json!(number)));
    }
    assert_eq!(value["patents"][number]["counts"], true);
    assert_eq!(value["patents"][number]["type"], "invention");
    assert_eq!(
        value["patents"][number]["high_value"],
        json!(["strategic_emerging_industry"])
    );
    // The standing is written once: its high-value flag appears once in the bytes.
    assert_eq!(text.matches("strategic_emerging_industry").count(), 1);
    // Every linked patent of the input has its standing, and only linked ones.
    assert_eq!(value["patents"].as_object().unwrap().len(), 3);
}

#[test]
fn the_catalogue_says_every_title_once() {
    let (text, value) = report(EXAMPLE, Detail::Full);
    assert_eq!(value["format"], "patent-intensive/assessment-report@2");
    assert!(
        text.starts_with(r#"{"format":"patent-intensive/assessment-report@2","detail":"full","#)
    );
    let catalogue = value["catalogue"].as_object().unwrap();
    for product in value["products"].as_array().unwrap() {
        for c in product["criteria"].as_array().unwrap() {
            let entry = &catalogue[c["id"].as_str().unwrap()];
            assert!(entry["title"]["en"].is_string() && entry["rule"]["zh"].is_string());
            assert!(c.get("title").is_none() && c.get("citation").is_none());
            for i in c["indicators"].as_array().into_iter().flatten() {
                let entry = &catalogue[i["id"].as_str().unwrap()];
                assert!(entry["unit"].is_string(), "{i}");
                let row = product["benchmark_category"].as_str().unwrap();
                assert_eq!(entry["thresholds"][row]["basis"], i["threshold"]["basis"]);
                // Said in the dimension's explanation, not again in the indicator.
                assert!(i.get("explanation").is_none() && i.get("title").is_none());
            }
        }
        for i in product["indicators"].as_array().unwrap() {
            assert!(catalogue[i["id"].as_str().unwrap()]["title"]["zh"].is_string());
            assert!(i["explanation"]["en"].is_string());
        }
    }
    // The G1 title is in the bytes once, however many products there are.
    assert_eq!(text.matches("\"Eligible filer\"").count(), 1);
}

#[test]
fn verdicts_are_the_full_reports_ids_verdicts_gaps_findings_and_identities() {
    let (_, full) = report(EXAMPLE, Detail::Full);
    let (_, short) = report(EXAMPLE, Detail::Verdicts);
    let mut expected = json!({
        "format": full["format"],
        "detail": "verdicts",
        "engine": full["engine"],
        "pack": full["pack"],
        "input_sha256": full["input_sha256"],
        "findings": full["findings"],
    });
    expected["products"] = full["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            json!({
                "id": p["id"],
                "verdict": p["verdict"],
                "criteria": p["criteria"].as_array().unwrap().iter().map(|c| json!({
                    "id": c["id"], "verdict": c["verdict"], "gap": c["gap"],
                })).collect::<Vec<_>>(),
                "outlook": {
                    "holds_through": p["outlook"]["holds_through"],
                    "first_failing_round": p["outlook"]["first_failing_round"],
                    "critical_patents": p["outlook"]["critical_patents"].as_array().unwrap()
                        .iter().map(|c| c["patent"].clone()).collect::<Vec<_>>(),
                },
            })
        })
        .collect();
    assert_eq!(short, expected);
}

#[test]
fn an_invalid_input_keeps_the_detail_asked_for() {
    for detail in [Detail::Full, Detail::Verdicts] {
        let (_, value) = report("{", detail);
        assert_eq!(value["detail"], detail.as_str());
        assert_eq!(value["findings"][0]["code"], "invalid_json");
        assert_eq!(value["products"], json!([]));
    }
}

#[test]
fn written_straight_to_a_writer_it_is_the_same_bytes() {
    for detail in [Detail::Full, Detail::Verdicts] {
        let options = Options {
            detail,
            ..Options::default()
        };
        let report = assess(EXAMPLE, &options);
        let mut out = Vec::new();
        report.write_json(&mut out).unwrap();
        assert_eq!(out, report.to_json().into_bytes());
        let mut pretty = Vec::new();
        report.write_json_pretty(&mut pretty).unwrap();
        assert_eq!(pretty, report.to_json_pretty().into_bytes());
    }
}

/// The compact JSON is written by hand (src/report/write.rs) for the WebAssembly module's size;
/// it must be exactly what serde_json writes from the report types' `Serialize` derives (which
/// the indented form and the CLI's streaming writer use), for every conformance case and
/// example, in both details, with each case's pack, and for a report about an invalid pack.
#[test]
fn hand_written_json_is_serde_json() {
    use patent_intensive::{pack, report_for_findings};
    let mut inputs: Vec<(String, Option<String>)> = Vec::new();
    for dir in ["tests/cases", "examples"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let case: Value = serde_json::from_str(&text).unwrap();
            let input = match (
                case.get("input_text").and_then(Value::as_str),
                case.get("input"),
            ) {
                (Some(text), _) => text.to_string(),
                (None, Some(input)) => serde_json::to_string(input).unwrap(),
                // An example is the input itself.
                (None, None) => text,
            };
            let pack = case
                .get("pack")
                .filter(|p| !p.is_null())
                .map(|p| serde_json::to_string(p).unwrap());
            inputs.push((input, pack));
        }
    }
    assert!(inputs.len() > 150, "{} inputs", inputs.len());
    let mut compared = 0;
    let assessor = patent_intensive::Assessor::new();
    for (input, pack_text) in &inputs {
        let mut options = Options::default();
        if let Some(pack_text) = pack_text {
            match pack::parse_pack(pack_text) {
                Ok(pack) => options.pack = Some(pack),
                Err(findings) => {
                    let report = report_for_findings(findings);
                    assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
                    compared += 1;
                    continue;
                }
            }
        }
        let mut report = assess(input, &options);
        assert_eq!(
            report.to_json(),
            serde_json::to_string(&report).unwrap(),
            "{input}"
        );
        report.detail = Detail::Verdicts;
        assert_eq!(
            report.to_json(),
            serde_json::to_string(&report.verdicts()).unwrap(),
            "{input}"
        );
        // A report made in the verdicts detail (which builds only what it writes), and the
        // reports of a prepared engine (whose catalogue's bytes are written once per pack): the
        // same bytes as the free function's full report seen in that detail.
        let short = assess(
            input,
            &Options {
                detail: Detail::Verdicts,
                ..options.clone()
            },
        );
        assert_eq!(short.to_json(), report.to_json(), "{input}");
        assert_eq!(
            serde_json::to_string(&short.verdicts()).unwrap(),
            report.to_json(),
            "{input}"
        );
        for detail in [Detail::Full, Detail::Verdicts] {
            let options = Options {
                detail,
                ..options.clone()
            };
            assert_eq!(
                assessor.assess(input, &options).to_json(),
                assess(input, &options).to_json(),
                "{input}"
            );
        }
        compared += 2;
    }
    assert!(compared > 300, "{compared} reports compared");
}

/// Strings are escaped as serde_json escapes them: quotes, backslashes and every control
/// character, named or as `\u00xx`; nothing else.
#[test]
fn hand_written_json_escapes_as_serde_json() {
    let awkward: String = (0u8..0x20)
        .map(char::from)
        .chain("\"\\/\u{7f}专利 é \u{2028}".chars())
        .collect();
    let mut report = assess(EXAMPLE, &Options::default());
    report.products[0].name = Some(awkward.clone());
    report.products[1].id = awkward.clone();
    report.notices[0].en = awkward.clone();
    report.products[0].criteria[0].gap = Some(patent_intensive::text::Text::new(&awkward, "x"));
    for detail in [Detail::Full, Detail::Verdicts] {
        report.detail = detail;
        let expected = match detail {
            Detail::Full => serde_json::to_string(&report).unwrap(),
            Detail::Verdicts => serde_json::to_string(&report.verdicts()).unwrap(),
        };
        assert!(expected.contains("\\u001f\\\"\\\\/\u{7f}"), "{expected}");
        assert!(expected.contains("\\b\\t\\n\\u000b\\f\\r"), "{expected}");
        assert_eq!(report.to_json(), expected);
    }
}
