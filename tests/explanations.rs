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
            // Report version 2: the title, citation and rule are the catalogue's, said once.
            let fixed = &report["catalogue"][c["id"].as_str().unwrap()];
            for lang in ["zh", "en"] {
                assert!(!fixed["title"][lang].as_str().unwrap().is_empty());
                assert!(!fixed["rule"][lang].as_str().unwrap().is_empty());
                assert!(!c["explanation"][lang].as_str().unwrap().is_empty());
            }
            assert!(c.get("title").is_none() && c.get("citation").is_none());
            for lang in ["zh", "en"] {
                assert!(!fixed["citation"]["source"][lang]
                    .as_str()
                    .unwrap()
                    .is_empty());
            }
            assert!(["official", "reference", "public-notice"]
                .contains(&fixed["citation"]["basis"].as_str().unwrap()));
            let failed = c["verdict"] == "fail";
            assert_eq!(
                c["gap"].is_object(),
                failed,
                "the example leaves nothing undetermined: a gap exactly on a fail: {c}"
            );
            if c["id"].as_str().unwrap().starts_with('B') {
                for indicator in c["indicators"].as_array().unwrap() {
                    assert_eq!(indicator["threshold"]["basis"], "reference");
                    assert_eq!(indicator["threshold"]["comparison"], ">=");
                    let id = indicator["id"].as_str().unwrap();
                    let source = &report["catalogue"][id]["thresholds"]["*"];
                    assert_eq!(source["basis"], "reference");
                    assert!(!source["source"]["en"].as_str().unwrap().is_empty());
                }
                assert_eq!(fixed["citation"]["basis"], "reference");
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
        "Sales revenue must rise by 80 wan (800,000 CNY), to 500 wan; profit must rise by 12.3 wan (123,000 CNY)"
    );
    assert_eq!(
        b1["gap"]["zh"],
        "销售收入须增加 80 万元（800,000 元），达到 500 万元；利润须增加 12.3 万元（123,000 元）"
    );
    let b3 = criterion(&report, "P2", "B3");
    // 0.30 × 4,200,000 − 1,000,000 = 260,000; 0.01 × 4,200,000 − 35,000 = 7,000
    assert_eq!(
        b3["gap"]["en"],
        "The patent-attributable revenue must rise by 26 wan (260,000 CNY); the IP investment must rise by 0.7 wan (7,000 CNY)"
    );
    let b4 = criterion(&report, "P2", "B4");
    assert_eq!(
        b4["gap"]["en"],
        "1 more core feature must be covered by the patents"
    );
    let b2 = criterion(&report, "P2", "B2");
    assert!(b2["gap"]["en"]
        .as_str()
        .unwrap()
        .contains("1 more counted invention patent is needed"));
    assert!(b2["gap"]["en"]
        .as_str()
        .unwrap()
        .contains("weighted protection strength must rise by 0.7: 1 more invention patent, 3 more utility models or 7 more designs must count"));
    assert!(b1["explanation"]["en"]
        .as_str()
        .unwrap()
        .contains("4,200,000 CNY"));
}

#[test]
fn excluded_patents_say_why_with_their_dates() {
    let report = assessed(&example());
    let p2 = &report["products"][1];
    assert_eq!(p2["excluded_patents"][0], "200630161199.2");
    let excluded = &report["patents"]["200630161199.2"];
    assert_eq!(excluded["counts"], false);
    let messages: Vec<&str> = excluded["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"]["en"].as_str().unwrap())
        .collect();
    // Design filed 2006-08-10: 10-year term, so its last day in term is 2016-08-09 (the day
    // before the tenth anniversary; rules.md §3.1), and the words give that day.
    assert!(
        messages
            .iter()
            .any(|m| m.contains("term ended on 2016-08-09, its last day in term")),
        "{messages:?}"
    );
    assert!(
        !messages.iter().any(|m| m.contains("2016-08-10")),
        "{messages:?}"
    );
    let zh = excluded["reasons"][0]["message"]["zh"]
        .as_str()
        .unwrap()
        .to_string()
        + excluded["reasons"][1]["message"]["zh"]
            .as_str()
            .unwrap_or("");
    assert!(zh.contains("保护期已于 2016-08-09 届满"), "{zh}");
    // The report field keeps its meaning: the first day out of term.
    assert!(
        messages.iter().any(|m| m
            .contains("legal status on the reference date is “expired (end of term)”, not valid")),
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
        .starts_with("1 more patent must count"));
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
        "Meets the reference benchmark (not a certification)"
    );
    assert_eq!(report["products"][0]["benchmark_basis"], "reference");
}

#[test]
fn report_identity_fields() {
    let input = example();
    let report = assessed(&input);
    assert_eq!(report["format"], "patent-intensive/assessment-report@2");
    assert_eq!(report["detail"], "full");
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
        &Options {
            pack: Some(pack),
            ..Options::default()
        },
    );
    let report: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(report["pack"]["id"], "example/official");
    assert_eq!(report["products"][0]["benchmark_basis"], "official");
    assert!(report["products"][0]["standing"]["en"]
        .as_str()
        .unwrap()
        .starts_with("Meets the official benchmark"));
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

fn warnings_with_code<'a>(report: &'a Value, code: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

/// No message names a JSON field or quotes one in backticks.
fn assert_plain_words(text: &Value) {
    for lang in ["zh", "en"] {
        let s = text[lang].as_str().unwrap();
        for field in [
            "export_revenue",
            "sales_revenue",
            "ip_investment",
            "patent_attributable_revenue",
            "core_features",
            "profit`",
            "economics",
            "`",
        ] {
            assert!(!s.contains(field), "{field} in {s:?}");
        }
    }
}

#[test]
fn a_missing_export_revenue_says_what_to_enter_and_the_summary_names_it() {
    let mut input = example();
    // P1's 2024 row (round 2025) without its export revenue, and one link without a statement
    // so that P1 also fails G6: the summary must still name G5.
    input["products"][0]["economics"][1]
        .as_object_mut()
        .unwrap()
        .remove("export_revenue");
    input["products"][0]["patents"][0]["statement"] = json!("");
    let report = assessed(&input);
    let g5 = criterion(&report, "P1", "G5");
    assert_eq!(g5["verdict"], "undetermined");
    assert_eq!(g5["gap"]["en"], "Enter the 2024 export revenue — 0 if none");
    assert_eq!(g5["gap"]["zh"], "填写 2024 年出口收入（没有则填 0）");
    assert_eq!(
        g5["explanation"]["en"],
        "The 2024 figures lack the export revenue"
    );
    assert_eq!(g5["explanation"]["zh"], "2024 年经济数据缺少出口收入");
    // The gap points at the field to fill, so a form can link to it.
    assert_eq!(
        g5["gap_fields"],
        json!(["/products/0/economics/1/export_revenue"])
    );
    assert_plain_words(&g5["gap"]);
    assert_plain_words(&g5["explanation"]);
    let p1 = &report["products"][0];
    assert_eq!(p1["verdict"], "does_not_qualify");
    assert_eq!(
        p1["summary"]["en"],
        "Product P1 does not qualify: it fails G6, and information is missing to judge G5"
    );
    assert_eq!(
        p1["summary"]["zh"],
        "产品 P1 未通过 G6；G5 缺少信息，无法判断"
    );
}

#[test]
fn missing_profit_and_ip_investment_each_have_their_gap() {
    let mut input = example();
    let row = input["products"][0]["economics"][1]
        .as_object_mut()
        .unwrap();
    row.remove("profit");
    row.remove("ip_investment");
    let report = assessed(&input);
    let g5 = criterion(&report, "P1", "G5");
    assert_eq!(
        g5["explanation"]["en"],
        "The 2024 figures lack the profit and IP investment"
    );
    assert_eq!(
        g5["explanation"]["zh"],
        "2024 年经济数据缺少利润、知识产权投入"
    );
    assert_eq!(
        g5["gap"]["en"],
        "Enter the 2024 profit (total profit before income tax; it may be negative); enter the 2024 IP investment — 0 if none"
    );
    // B1's margin and B3's intensity are undetermined by the same figures, and say so.
    let b1 = criterion(&report, "P1", "B1");
    assert_eq!(b1["verdict"], "undetermined");
    assert_eq!(
        b1["gap"]["en"],
        "Enter the 2024 profit (total profit before income tax; it may be negative)"
    );
    let b3 = criterion(&report, "P1", "B3");
    assert_eq!(b3["verdict"], "undetermined");
    assert_eq!(b3["gap"]["zh"], "填写 2024 年知识产权投入（没有则填 0）");
    for c in [g5, b1, b3] {
        assert_plain_words(&c["gap"]);
        assert_plain_words(&c["explanation"]);
    }
}

#[test]
fn b3_and_b4_name_the_missing_figure_in_words() {
    let mut input = example();
    input["products"][0]["economics"][1]
        .as_object_mut()
        .unwrap()
        .remove("patent_attributable_revenue");
    input["products"][0]
        .as_object_mut()
        .unwrap()
        .remove("covered_core_features");
    let report = assessed(&input);
    let b3 = criterion(&report, "P1", "B3");
    assert_eq!(b3["verdict"], "undetermined");
    assert!(b3["gap"]["en"]
        .as_str()
        .unwrap()
        .starts_with("Enter the 2024 patent-attributable revenue"));
    assert!(b3["gap"]["zh"]
        .as_str()
        .unwrap()
        .starts_with("填写 2024 年专利贡献收入"));
    let b4 = criterion(&report, "P1", "B4");
    assert_eq!(b4["verdict"], "undetermined");
    assert_eq!(
        b4["gap"]["en"],
        "Enter how many core features the linked patents cover — 0 if none"
    );
    assert_eq!(
        b4["gap"]["zh"],
        "填写被关联专利覆盖的核心功能数（没有则填 0）"
    );
    for c in [b3, b4] {
        assert_plain_words(&c["gap"]);
        assert_plain_words(&c["explanation"]);
    }
    assert_eq!(
        b3["gap_fields"],
        json!(["/products/0/economics/1/patent_attributable_revenue"])
    );
    assert_eq!(
        b3["indicators"][0]["gap_fields"],
        json!(["/products/0/economics/1/patent_attributable_revenue"])
    );
    // The indicator that is judged has nothing to fill.
    assert!(b3["indicators"][1].get("gap_fields").is_none());
    assert_eq!(
        b4["gap_fields"],
        json!(["/products/0/covered_core_features"])
    );

    let mut input = example();
    // 0 core features, so 0 covered (more covered than core is an input error).
    input["products"][0]["core_features"] = json!(0);
    input["products"][0]["covered_core_features"] = json!(0);
    let report = assessed(&input);
    let b4 = criterion(&report, "P1", "B4");
    assert_eq!(b4["verdict"], "undetermined");
    assert_eq!(
        b4["gap"]["en"],
        "Enter the product's number of core features (at least 1)"
    );
    assert_plain_words(&b4["explanation"]);
}

#[test]
fn figures_for_another_year_warn_and_name_the_round_they_serve() {
    let mut input = example();
    // Round 2026 needs 2025 figures; P2 has only a 2024 row, the data year of round 2025. P1
    // keeps its 2023 and 2024 rows: no 2025 row either.
    input["round_year"] = json!(2026);
    input["reference_date"] = json!("2026-03-31");
    let report = assessed(&input);
    let warnings = warnings_with_code(&report, "economics_year_not_data_year");
    let paths: Vec<&str> = warnings
        .iter()
        .map(|w| w["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["/products/0/economics", "/products/1/economics"]);
    let p2 = &warnings[1];
    assert_eq!(p2["severity"], "warning");
    assert_eq!(
        p2["message"]["en"],
        "Product P2 has no figures for 2025, the year round 2026 needs; the figures given for 2024 would serve round 2025. Enter the 2025 figures, or assess round 2025 instead."
    );
    assert_eq!(
        p2["message"]["zh"],
        "产品 P2 没有 2025 年的经济数据，2026 年度需要的正是这一年的数据；已填写的 2024 年数据适用于 2025 年度。请填写 2025 年的数据，或改为 2025 年度。"
    );
    let p1 = &warnings[0];
    assert_eq!(
        p1["message"]["en"],
        "Product P1 has no figures for 2025, the year round 2026 needs; the figures given for 2023 and 2024 would serve rounds 2024 and 2025. Enter the 2025 figures, or assess one of those rounds instead."
    );
    assert!(p1["message"]["zh"]
        .as_str()
        .unwrap()
        .contains("已填写的 2023、2024 年数据适用于 2024、2025 年度"));
    for w in &warnings {
        assert_plain_words(&w["message"]);
    }
    let g5 = criterion(&report, "P2", "G5");
    assert_eq!(g5["verdict"], "undetermined");
    assert_eq!(
        g5["gap"]["en"],
        "Enter the 2025 figures (data year for round 2026)"
    );
    assert_eq!(g5["gap"]["zh"], "填写 2025 年的数据（2026 年度的数据年度）");
    // B1's two indicators miss the same row: the gap asks once.
    let b1 = criterion(&report, "P2", "B1");
    assert_eq!(
        b1["gap"]["en"],
        "Enter the 2025 figures (data year for round 2026)"
    );
}

#[test]
fn no_year_warning_when_the_data_year_row_is_there_or_there_are_no_rows() {
    let report = assessed(&example());
    assert!(warnings_with_code(&report, "economics_year_not_data_year").is_empty());
    let mut input = example();
    input["products"][1]["economics"] = json!([]);
    let report = assessed(&input);
    assert!(warnings_with_code(&report, "economics_year_not_data_year").is_empty());
    assert_eq!(criterion(&report, "P2", "G5")["verdict"], "undetermined");
    // P2 without figures: G5, B1 and B3 wait for them; B2 and B4 still fail (the example's P2
    // fails B1–B4), so the summary names both sets.
    assert_eq!(
        report["products"][1]["summary"]["en"],
        "Product P2 does not qualify: it fails B2 and B4, and information is missing to judge G5, B1 and B3"
    );
}

#[test]
fn an_undetermined_summary_names_the_criteria_waiting_for_figures() {
    let mut input = example();
    input["products"][0]["economics"][1]
        .as_object_mut()
        .unwrap()
        .remove("export_revenue");
    let report = assessed(&input);
    let p1 = &report["products"][0];
    assert_eq!(p1["verdict"], "undetermined");
    assert_eq!(
        p1["summary"]["en"],
        "Product P1 is undetermined: information is missing to judge G5"
    );
    assert_eq!(p1["summary"]["zh"], "产品 P1 暂无法判定：G5 缺少信息");
}

/// An invention filed 2006-09-30: its 20-year term runs to 2026-09-29 (the day before the
/// twentieth anniversary; rules.md §3.1, §6), the issue's own example.
fn with_invention_filed_2006_09_30(reference_date: &str, round_year: i32) -> Value {
    let mut input = example();
    let filer = input["filer"].clone();
    input["round_year"] = json!(round_year);
    input["reference_date"] = json!(reference_date);
    input["patents"].as_array_mut().unwrap().push(json!({
        "number": "200610000001.1",
        "type": "invention",
        "jurisdiction": "CN",
        "title": "一种监测方法",
        "filing_date": "2006-09-30",
        "grant_date": "2009-01-07",
        "legal_status": "valid",
        "owners": [{ "name": filer["name"], "uscc": filer["uscc"] }],
        "licences": []
    }));
    input["products"][0]["patents"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "number": "200610000001.1", "statement": "方法" }));
    input
}

#[test]
fn a_term_ends_on_its_last_day_in_term_in_every_message() {
    // On 2026-09-30, the first day out of term, the patent does not count: the words give the
    // last day in term, 2026-09-29, never 2026-09-30.
    let report = assessed(&with_invention_filed_2006_09_30("2026-09-30", 2026));
    assert!(report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["severity"] != "error"));
    assert!(report["products"][0]["excluded_patents"]
        .as_array()
        .unwrap()
        .contains(&json!("200610000001.1")));
    let excluded = &report["patents"]["200610000001.1"];
    let reason = excluded["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "expired_by_term")
        .unwrap();
    assert_eq!(
        reason["message"]["en"],
        "200610000001.1's term ended on 2026-09-29, its last day in term (reference date 2026-09-30)"
    );
    assert_eq!(
        reason["message"]["zh"],
        "200610000001.1 的保护期已于 2026-09-29 届满（保护期最后一天；参照日 2026-09-30）"
    );

    // On its last day it is in term and counts; `expires_on` keeps its meaning, the first day
    // out of term.
    let report = assessed(&with_invention_filed_2006_09_30("2026-09-29", 2026));
    assert!(report["products"][0]["counted_patents"]
        .as_array()
        .unwrap()
        .contains(&json!("200610000001.1")));
    assert_eq!(report["patents"]["200610000001.1"]["counts"], true);
    assert_eq!(
        report["patents"]["200610000001.1"]["expires_on"],
        "2026-09-30"
    );

    // A year earlier the outlook's event names the same last day.
    let report = assessed(&with_invention_filed_2006_09_30("2025-09-30", 2025));
    let events = report["products"][0]["outlook"]["events"]
        .as_array()
        .unwrap();
    let event = events
        .iter()
        .find(|e| e["patent"] == "200610000001.1")
        .unwrap();
    assert_eq!(event["date"], "2026-09-29");
    assert!(event["message"]["en"]
        .as_str()
        .unwrap()
        .starts_with("200610000001.1's term ends on 2026-09-29"));
    assert!(event["message"]["zh"]
        .as_str()
        .unwrap()
        .starts_with("200610000001.1 的保护期最后一天为 2026-09-29"));
}

#[test]
fn undetermined_gates_say_what_to_choose_and_point_at_the_field() {
    let mut input = example();
    input["filer"].as_object_mut().unwrap().remove("org_type");
    input["products"][1]
        .as_object_mut()
        .unwrap()
        .remove("filer_role");
    input["products"][1]
        .as_object_mut()
        .unwrap()
        .remove("status");
    // P2 has no data-year row at all: G5 points at the array to add it to.
    input["products"][1]["economics"][0]["year"] = json!(2020);
    let report = assessed(&input);
    let g1 = criterion(&report, "P1", "G1");
    assert_eq!(g1["verdict"], "undetermined");
    assert_eq!(g1["gap_fields"], json!(["/filer/org_type"]));
    assert!(g1["gap"]["en"]
        .as_str()
        .unwrap()
        .starts_with("Choose the kind of organisation"));
    let g2 = criterion(&report, "P2", "G2");
    assert_eq!(g2["gap_fields"], json!(["/products/1/filer_role"]));
    assert_eq!(
        g2["gap"]["zh"],
        "选择备案主体的角色：生产、销售，或生产并销售"
    );
    let g7 = criterion(&report, "P2", "G7");
    assert_eq!(g7["gap_fields"], json!(["/products/1/status"]));
    let g5 = criterion(&report, "P2", "G5");
    assert_eq!(g5["gap_fields"], json!(["/products/1/economics"]));
    assert_eq!(
        g5["gap"]["en"],
        "Enter the 2024 figures (data year for round 2025)"
    );
    // Criteria that are decided carry no pointer.
    assert!(criterion(&report, "P1", "G3").get("gap_fields").is_none());
    for c in [g1, g2, g5, g7] {
        assert_plain_words(&c["gap"]);
        assert_plain_words(&c["explanation"]);
    }
}
