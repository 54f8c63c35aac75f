//! `patent_intensive::verify`: the answer every front end displays. Reports are made with `assess`
//! here, so these tests hold whatever report format the engine writes; expected product and
//! criterion ids are read by hand from the worked example (P1, P2; G1–G7 then B1–B4).

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use patent_intensive::report::REPORT_FORMAT;
use patent_intensive::verify::{Form, Layout, PackSource, Status};
use patent_intensive::{assess, pack, verify, Detail, Options, VerifyOptions};
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../examples/fuzhou-bogie-monitor.json");
const CATEGORY_INPUT: &str = include_str!("../examples/two-categories.json");
const CATEGORY_PACK: &str = include_str!("../examples/packs/two-category-rows.example.json");

fn report() -> String {
    assess(EXAMPLE, &Options::default()).to_json()
}

fn plain() -> VerifyOptions {
    VerifyOptions::default()
}

/// The report text with the first `from` after `anchor` replaced by `to`, every other byte kept.
fn replace_after(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let start = text.find(anchor).unwrap();
    let at = start + text[start..].find(from).unwrap();
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

#[test]
fn the_report_assess_wrote_is_verified_in_either_form() {
    let compact = report();
    let answer = verify(EXAMPLE, &compact, plain());
    assert_eq!(answer.status, Status::Verified);
    assert!(answer.verified);
    assert_eq!(answer.byte_identical, Some(Form::Compact));
    assert!(answer.differences.is_empty());
    assert!(answer.input_sha256.as_ref().unwrap().matches);
    let pack = answer.pack.as_ref().unwrap();
    assert!(pack.matches);
    assert_eq!(
        pack.used.as_ref().unwrap().source,
        Some(PackSource::Embedded)
    );
    assert!(
        answer.message.en.starts_with("Verified: "),
        "{}",
        answer.message.en
    );
    assert!(
        answer.message.zh.starts_with("已核实："),
        "{}",
        answer.message.zh
    );

    let pretty = format!(
        "{}\n",
        assess(EXAMPLE, &Options::default()).to_json_pretty()
    );
    let answer = verify(EXAMPLE, &pretty, plain());
    assert_eq!(answer.status, Status::Verified);
    assert_eq!(answer.byte_identical, Some(Form::Pretty));
}

#[test]
fn layout_only_differences_are_named() {
    let pretty = assess(EXAMPLE, &Options::default()).to_json_pretty();
    let windows = format!("\u{feff}{}\r\n", pretty.replace('\n', "\r\n"));
    let answer = verify(EXAMPLE, &windows, plain());
    assert_eq!(answer.status, Status::Verified);
    assert_eq!(answer.byte_identical, None);
    assert_eq!(
        answer.identical_but_for_layout,
        Some(vec![Layout::Bom, Layout::LineEndings])
    );
    assert!(answer
        .message
        .en
        .contains("a byte-order mark (BOM), line endings (CRLF)"));

    let spaced = report().replacen(",", " ,\t", 3);
    let answer = verify(EXAMPLE, &spaced, plain());
    assert_eq!(
        answer.identical_but_for_layout,
        Some(vec![Layout::Whitespace])
    );
}

#[test]
fn a_changed_verdict_is_named_with_its_product_and_criterion() {
    let original = report();
    // P1's G2 passes in the worked example; the report is made to say it fails.
    let tampered = replace_after(
        &original,
        r#""id":"G2""#,
        r#""verdict":"pass""#,
        r#""verdict":"fail""#,
    );
    let answer = verify(EXAMPLE, &tampered, plain());
    assert_eq!(answer.status, Status::Mismatch);
    assert!(!answer.verified);
    assert_eq!(answer.differences.len(), 1);
    let difference = &answer.differences[0];
    assert_eq!(difference.path, "/products/0/criteria/1/verdict");
    assert_eq!(difference.report, Some(json!("fail")));
    assert_eq!(difference.recomputed, Some(json!("pass")));
    assert_eq!(difference.product.as_deref(), Some("P1"));
    assert_eq!(difference.criterion.as_deref(), Some("G2"));
    // The digest and pack still match: only the verdict was changed.
    assert!(answer.input_sha256.as_ref().unwrap().matches);
    assert!(answer.pack.as_ref().unwrap().matches);
    assert!(
        answer.message.en.contains("1 field differs"),
        "{}",
        answer.message.en
    );

    // An indicator's value under P2's B1, and P2's verdict.
    let mut value: Value = serde_json::from_str(&original).unwrap();
    value["products"][1]["criteria"][7]["indicators"][0]["value"] = json!("5000000");
    value["products"][1]["verdict"] = json!("qualifies");
    let answer = verify(EXAMPLE, &value.to_string(), plain());
    assert_eq!(answer.status, Status::Mismatch);
    type Named<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
    let named: Vec<Named> = answer
        .differences
        .iter()
        .map(|d| {
            (
                d.path.as_str(),
                d.product.as_deref(),
                d.criterion.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            (
                "/products/1/criteria/7/indicators/0/value",
                Some("P2"),
                Some("B1")
            ),
            ("/products/1/verdict", Some("P2"), None),
        ]
    );
}

#[test]
fn a_report_naming_a_pack_not_at_hand_names_the_pack_it_needs() {
    let original = report();
    let embedded = pack::embedded_by_id("cn-pip/t-ppac-402-2022").unwrap();
    let zeros = "0".repeat(64);
    let altered = original.replace(&embedded.sha256, &zeros);
    let answer = verify(EXAMPLE, &altered, plain());
    assert_eq!(answer.status, Status::PackNeeded);
    assert!(
        answer.differences.is_empty(),
        "no other pack's values listed"
    );
    assert!(answer.message.en.contains(&format!(
        "the report needs rule pack `cn-pip/t-ppac-402-2022` version 1.0.0 (sha256 {zeros})"
    )));
    assert!(answer.message.en.contains(&embedded.sha256));
    assert!(answer.message.zh.contains(&zeros));
    assert_eq!(
        answer
            .pack
            .as_ref()
            .unwrap()
            .report
            .as_ref()
            .unwrap()
            .sha256,
        zeros
    );

    // Another pack given: recomputed with it, and the pack check says they differ.
    let other = pack::parse_pack(CATEGORY_PACK).unwrap();
    let answer = verify(
        EXAMPLE,
        &original,
        VerifyOptions {
            pack: Some(other.clone()),
        },
    );
    assert_eq!(answer.status, Status::Mismatch);
    let check = answer.pack.as_ref().unwrap();
    assert!(!check.matches);
    assert_eq!(check.used.as_ref().unwrap().sha256, other.sha256);
    assert_eq!(check.used.as_ref().unwrap().source, Some(PackSource::Given));
}

#[test]
fn a_report_made_with_an_own_pack_verifies_with_that_pack() {
    let own = pack::parse_pack(CATEGORY_PACK).unwrap();
    let options = Options {
        pack: Some(own.clone()),
        ..Options::default()
    };
    let made = assess(CATEGORY_INPUT, &options).to_json();
    let without = verify(CATEGORY_INPUT, &made, plain());
    assert_eq!(without.status, Status::PackNeeded);
    assert!(
        without.message.en.contains("not embedded"),
        "{}",
        without.message.en
    );
    let with = verify(CATEGORY_INPUT, &made, VerifyOptions { pack: Some(own) });
    assert_eq!(with.status, Status::Verified);
}

#[test]
fn a_report_from_another_input_fails_the_digest_check() {
    let original = report();
    let mut input: Value = serde_json::from_str(EXAMPLE).unwrap();
    input["filer"]["name"] = json!("另一家公司");
    let answer = verify(&input.to_string(), &original, plain());
    assert_eq!(answer.status, Status::Mismatch);
    let digest = answer.input_sha256.as_ref().unwrap();
    assert!(!digest.matches);
    let reported: Value = serde_json::from_str(&original).unwrap();
    assert_eq!(digest.report.as_deref(), reported["input_sha256"].as_str());
    assert_ne!(digest.input, digest.report);
    assert!(answer.differences.iter().any(|d| d.path == "/input_sha256"));
}

#[test]
fn an_input_and_a_report_given_the_wrong_way_round_are_said_to_be() {
    let report = report();
    let swapped = verify(&report, EXAMPLE, plain());
    assert_eq!(swapped.status, Status::Swapped);
    assert!(swapped.differences.is_empty());
    assert!(swapped.message.en.contains("wrong way round"));
    assert!(swapped.message.zh.contains("放反了"));

    let two_inputs = verify(EXAMPLE, EXAMPLE, plain());
    assert_eq!(two_inputs.status, Status::ReportIsInput);
    assert!(two_inputs
        .message
        .en
        .contains("is an assessment input, not a report"));

    let two_reports = verify(&report, &report, plain());
    assert_eq!(two_reports.status, Status::InputIsReport);
    assert!(two_reports
        .message
        .en
        .contains("is an assessment report, not an input"));
}

#[test]
fn a_report_of_another_format_is_not_compared_but_must_be_made_again() {
    let older_format = "patent-intensive/assessment-report@0";
    assert_ne!(older_format, REPORT_FORMAT);
    let mut value: Value = serde_json::from_str(&report()).unwrap();
    value["format"] = json!(older_format);
    value["engine"]["version"] = json!("0.0.1");
    value["products"][0]["verdict"] = json!("qualifies");
    let answer = verify(EXAMPLE, &value.to_string(), plain());
    assert_eq!(answer.status, Status::OtherFormat);
    assert!(
        answer.differences.is_empty(),
        "fields of another format are not compared"
    );
    let format = answer.format.as_ref().unwrap();
    assert_eq!(format.report.as_deref(), Some(older_format));
    assert_eq!(format.engine_version.as_deref(), Some("0.0.1"));
    assert_eq!(format.current, REPORT_FORMAT);
    for text in [&answer.message.en, &answer.message.zh] {
        assert!(text.contains(older_format), "{text}");
        assert!(text.contains("0.0.1"), "{text}");
        assert!(text.contains(REPORT_FORMAT), "{text}");
    }
    assert!(answer
        .message
        .en
        .contains("Make the report again with this engine"));
    assert!(answer.message.zh.contains("重新生成报告"));
    // Still made from this input: the digest is checked.
    assert!(answer.input_sha256.as_ref().unwrap().matches);
}

#[test]
fn what_is_not_a_report_says_so() {
    let not_json = verify(EXAMPLE, "hello", plain());
    assert_eq!(not_json.status, Status::ReportNotJson);
    assert!(not_json
        .message
        .en
        .contains("is not valid JSON (line 1, column 1)"));
    let other = verify(EXAMPLE, r#"{"format": "something/else@1"}"#, plain());
    assert_eq!(other.status, Status::NotAReport);
    assert!(other.message.en.contains("`something/else@1`"));
    let empty = verify("{}", "{}", plain());
    assert_eq!(empty.status, Status::NotAReport);
}

#[test]
fn a_faithful_report_for_an_invalid_input_is_verified_and_says_the_input_has_errors() {
    let input = r#"{"format": "patent-intensive/assessment-input@1"}"#;
    let made = assess(input, &Options::default()).to_json();
    let answer = verify(input, &made, plain());
    assert_eq!(answer.status, Status::Verified);
    assert!(answer.input_errors);
}

#[test]
fn the_report_is_recomputed_at_its_own_detail() {
    // Whatever the engine writes for each detail, verify recomputes at the one the report states
    // (a report without `detail` is recomputed in full).
    for detail in [Detail::Full, Detail::Verdicts] {
        let made = assess(
            EXAMPLE,
            &Options {
                detail,
                ..Options::default()
            },
        )
        .to_json();
        let stated: Value = serde_json::from_str(&made).unwrap();
        let expected = stated["detail"].as_str().unwrap_or("full");
        let answer = verify(EXAMPLE, &made, plain());
        assert_eq!(
            answer.status,
            Status::Verified,
            "{detail:?}: {:?}",
            answer.differences
        );
        assert_eq!(answer.format.as_ref().unwrap().detail, Some(expected));
    }
}

#[test]
fn the_answer_serialises_with_stable_names() {
    let tampered = replace_after(
        &report(),
        r#""id":"G2""#,
        r#""verdict":"pass""#,
        r#""verdict":"fail""#,
    );
    let answer: Value = serde_json::to_value(verify(EXAMPLE, &tampered, plain())).unwrap();
    assert_eq!(answer["status"], "mismatch");
    assert_eq!(answer["verified"], false);
    assert_eq!(answer["byte_identical"], Value::Null);
    assert_eq!(answer["pack"]["used"]["source"], "embedded");
    assert_eq!(
        answer["differences"],
        json!([{
            "path": "/products/0/criteria/1/verdict",
            "report": "fail",
            "recomputed": "pass",
            "product": "P1",
            "criterion": "G2"
        }])
    );
}
