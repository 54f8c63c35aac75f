//! What a user reads: explanations with their numbers, gaps on fails, citations, notices, and the
//! report's identity fields. Verdicts themselves are covered by the conformance cases.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use patent_intensive::{assess, Options};
use serde_json::{json, Value};

fn example() -> Value {
    serde_json::from_str(include_str!("../examples/fuzhou-bogie-monitor.json")).unwrap()
}

fn assessed(input: &Value) -> Value {
    let report = assess(&input.to_string(), &Options::default());
    serde_json::from_str(&report.to_json()).unwrap()
}

fn criterion<'a>(report: &'a Value, product: &str, id: &str) -> &'a Value {
    let product = report["products"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == product)
        .unwrap();
    product["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
}

#[test]
fn every_criterion_carries_what_rules_md_section_4_lists() {
    let report = assessed(&example());
    for product in report["products"].as_array().unwrap() {
        let ids: Vec<&str> = product["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "B1", "B2", "B3", "B4"]
        );
        for c in product["criteria"].as_array().unwrap() {
            for lang in ["zh", "en"] {
                assert!(!c["title"][lang].as_str().unwrap().is_empty());
                assert!(!c["explanation"][lang].as_str().unwrap().is_empty());
            }
            assert!(!c["citation"]["source"].as_str().unwrap().is_empty());
            assert!(["official", "reference", "public-notice"]
                .contains(&c["citation"]["basis"].as_str().unwrap()));
            let failed = c["verdict"] == "fail";
            assert_eq!(
                c["gap"].is_object(),
                failed,
                "gap present exactly on a fail: {c}"
            );
            if c["id"].as_str().unwrap().starts_with('B') {
                for indicator in c["indicators"].as_array().unwrap() {
                    assert_eq!(indicator["threshold"]["citation"]["basis"], "reference");
                    assert_eq!(indicator["threshold"]["comparison"], ">=");
                }
                assert_eq!(c["citation"]["basis"], "reference");
            }
        }
    }
}

#[test]
fn gaps_name_the_smallest_change_in_the_users_numbers() {
    let report = assessed(&example());
    // P2: 420 万元 sales, −12.3 万元 profit, 100 万元 attributable, 3.5 万元 IP investment.
    let b1 = criterion(&report, "P2", "B1");
    assert_eq!(
        b1["gap"]["en"],
        "sales must rise by 800,000 CNY (to 5,000,000 CNY); profit must rise by 123,000 CNY"
    );
    assert_eq!(
        b1["gap"]["zh"],
        "销售收入须增加 800,000 元（达到 5,000,000 元）；利润须增加 123,000 元"
    );
    let b3 = criterion(&report, "P2", "B3");
    // 0.30 × 4,200,000 − 1,000,000 = 260,000; 0.01 × 4,200,000 − 35,000 = 7,000
    assert_eq!(
        b3["gap"]["en"],
        "patent-attributable revenue must rise by 260,000 CNY; IP investment must rise by 7,000 CNY"
    );
    let b4 = criterion(&report, "P2", "B4");
    assert_eq!(
        b4["gap"]["en"],
        "1 more core feature(s) must be covered by the patents"
    );
    let b2 = criterion(&report, "P2", "B2");
    assert!(b2["gap"]["en"]
        .as_str()
        .unwrap()
        .contains("1 more counted invention patent(s) needed"));
    assert!(b2["gap"]["en"]
        .as_str()
        .unwrap()
        .contains("weighted strength must rise by 0.7"));
    assert!(b1["explanation"]["en"]
        .as_str()
        .unwrap()
        .contains("4,200,000 CNY"));
}

#[test]
fn excluded_patents_say_why_with_their_dates() {
    let report = assessed(&example());
    let p2 = &report["products"][1];
    let excluded = &p2["excluded_patents"][0];
    assert_eq!(excluded["number"], "200630161199.2");
    let messages: Vec<&str> = excluded["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"]["en"].as_str().unwrap())
        .collect();
    // Design filed 2006-08-10: 10-year term, out of term from 2016-08-10.
    assert!(
        messages.iter().any(|m| m.contains("expired on 2016-08-10")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`expired`")),
        "{messages:?}"
    );
}

#[test]
fn g4_gap_names_a_patent_that_does_not_count() {
    let mut input = example();
    input["products"][0]["patents"] = json!([{ "number": "200630161199.2", "statement": "外壳" }]);
    let report = assessed(&input);
    let g4 = criterion(&report, "P1", "G4");
    assert_eq!(g4["verdict"], "fail");
    assert!(g4["gap"]["en"]
        .as_str()
        .unwrap()
        .starts_with("1 more patent(s) must count"));
    assert!(g4["gap"]["en"].as_str().unwrap().contains("200630161199.2"));
}

#[test]
fn every_report_says_what_it_is_not() {
    let report = assessed(&example());
    let notices: Vec<&str> = report["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["en"].as_str().unwrap())
        .collect();
    assert!(notices
        .iter()
        .any(|n| n.contains("industry evaluation") && n.contains("cannot be computed")));
    assert!(notices
        .iter()
        .any(|n| n.contains("reference values, not official")));
    assert_eq!(
        report["products"][0]["standing"]["en"],
        "meets the reference benchmark (not a certification)"
    );
    assert_eq!(report["products"][0]["benchmark_basis"], "reference");
}

#[test]
fn report_identity_fields() {
    let input = example();
    let report = assessed(&input);
    assert_eq!(report["format"], "patent-intensive/assessment-report@1");
    assert_eq!(report["engine"]["name"], "patent-intensive");
    assert_eq!(report["engine"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["pack"]["id"], "cn-pip/t-ppac-402-2022");
    assert_eq!(report["pack"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(report["round_year"], 2025);
    assert_eq!(report["data_year"], 2024);
    assert_eq!(report["reference_date"], "2025-09-30");
    // Reordering members or re-spacing leaves the canonical input, hence the digest, unchanged.
    let text = serde_json::to_string_pretty(&input).unwrap();
    let respaced = assess(&text, &Options::default());
    assert_eq!(
        respaced.input_sha256.as_deref(),
        report["input_sha256"].as_str()
    );
    let mut changed = input.clone();
    changed["reference_date"] = json!("2025-10-01");
    assert_ne!(
        assess(&changed.to_string(), &Options::default())
            .input_sha256
            .as_deref(),
        report["input_sha256"].as_str()
    );
}

#[test]
fn same_input_same_bytes() {
    let text = include_str!("../examples/fuzhou-bogie-monitor.json");
    assert_eq!(
        assess(text, &Options::default()).to_json(),
        assess(text, &Options::default()).to_json()
    );
}

#[test]
fn a_pack_outside_its_rounds_warns_and_a_named_pack_is_used() {
    let mut input = example();
    input["round_year"] = json!(2026);
    input["pack"] = json!("cn-pip/t-ppac-402-2022");
    for row in input["products"][0]["economics"].as_array_mut().unwrap() {
        row["year"] = json!(row["year"].as_i64().unwrap() + 1);
    }
    input["reference_date"] = json!("2026-09-30");
    let report = assessed(&input);
    assert_eq!(report["pack"]["id"], "cn-pip/t-ppac-402-2022");
    let warning = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "pack_outside_rounds")
        .unwrap();
    assert_eq!(warning["path"], "/round_year");
    assert_eq!(warning["severity"], "warning");
    assert_eq!(report["products"][0]["verdict"], "qualifies");

    input["pack"] = json!("cn-pip/nonexistent");
    let report = assessed(&input);
    assert_eq!(report["products"], json!([]));
    assert!(report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "unknown_pack" && f["path"] == "/pack"));
}

#[test]
fn a_supplied_official_pack_turns_the_standing_official() {
    let mut pack: Value =
        serde_json::from_str(include_str!("../packs/gb-t-46961-2025.json")).unwrap();
    pack["id"] = json!("example/official");
    let row = &mut pack["benchmarks"][0];
    row["weights"]["basis"] = json!("official");
    for (_, threshold) in row["thresholds"].as_object_mut().unwrap() {
        threshold["basis"] = json!("official");
    }
    let pack = patent_intensive::pack::parse_pack(&pack.to_string()).unwrap();
    let report = assess(
        include_str!("../examples/fuzhou-bogie-monitor.json"),
        &Options { pack: Some(pack) },
    );
    let report: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(report["pack"]["id"], "example/official");
    assert_eq!(report["products"][0]["benchmark_basis"], "official");
    assert!(report["products"][0]["standing"]["en"]
        .as_str()
        .unwrap()
        .starts_with("meets the official benchmark"));
    assert!(!report["notices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["en"].as_str().unwrap().contains("reference values")));
}

#[test]
fn invalid_json_is_one_finding_at_the_root() {
    let report = assess("{\"format\": ", &Options::default());
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].path, "");
    assert_eq!(report.findings[0].code.as_str(), "invalid_json");
    assert!(report.products.is_empty());
    assert!(report.input_sha256.is_none());
}
