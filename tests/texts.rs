//! What a person reads, in both languages: every finding code provoked and its message checked
//! for JSON field names (the list derived from the input format's field tables, so it stays
//! complete), and the worked example's report checked for English and Chinese style.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use patent_intensive::findings::Code;
use patent_intensive::input::fields::DOCUMENT;
use patent_intensive::read::fields::{Field, Kind};
use patent_intensive::{assess, Options};
use serde_json::{json, Value};

fn example() -> Value {
    serde_json::from_str(include_str!("../examples/fuzhou-bogie-monitor.json")).unwrap()
}

fn report_of_text(text: &str) -> Value {
    serde_json::from_str(&assess(text, &Options::default()).to_json()).unwrap()
}

fn report_of(input: &Value) -> Value {
    report_of_text(&input.to_string())
}

/// Every member name of the input format, from its field tables.
fn field_names() -> BTreeSet<&'static str> {
    fn walk(fields: &'static [Field], out: &mut BTreeSet<&'static str>) {
        for field in fields {
            out.insert(field.name);
            if let Kind::Object(inner) | Kind::ObjectArray(inner) = &field.kind {
                walk(inner, out);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(DOCUMENT, &mut out);
    out
}

/// `text` without what is quoted from the user (“…”) and without document titles (《…》).
fn outside_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '“' | '《' => depth += 1,
            '”' | '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// The text without official document numbers, which stay as issued in every language
/// (`国知办函运字〔2022〕985号`): the issuing office's prefix and each `〔year〕number号`.
fn without_document_numbers(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text.replace("国知办函运字", "");
    while let Some(start) = rest.find('〔') {
        let Some(end) = rest[start..].find('号') else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = rest[start + end + '号'.len_utf8()..].to_string();
    }
    out.push_str(&rest);
    out
}

/// The checks every message and report text must pass, in each language.
fn check_text(zh: &str, en: &str, names: &BTreeSet<&str>, context: &str) {
    for (lang, text) in [("zh", zh), ("en", en)] {
        let words = outside_quotes(text);
        for name in names {
            // A compound JSON name is never a word; a one-word name (`name`, `profit`) is an
            // ordinary word too, so only its JSON spellings are refused.
            if name.contains('_') {
                assert!(
                    !words.contains(name),
                    "{context} {lang}: JSON name {name} in {text:?}"
                );
            }
            for quoted in [format!("`{name}`"), format!("\"{name}\"")] {
                assert!(
                    !words.contains(&quoted),
                    "{context} {lang}: {quoted} in {text:?}"
                );
            }
        }
        assert!(
            !text.contains('`'),
            "{context} {lang}: backtick in {text:?}"
        );
    }
    let first = en.chars().next().unwrap();
    assert!(
        !first.is_ascii_lowercase(),
        "{context}: English starts lower-case: {en:?}"
    );
    assert!(!en.contains("(s)"), "{context}: (s) in {en:?}");
    assert!(
        !without_document_numbers(&outside_quotes(en))
            .chars()
            .any(is_cjk),
        "{context}: Chinese in the English outside quotes, titles and document numbers: {en:?}"
    );
    for ascii in [": ", "; ", ", ", "(", ")"] {
        assert!(
            !outside_quotes(zh).contains(ascii),
            "{context}: ASCII {ascii:?} in the Chinese {zh:?}"
        );
    }
}

/// Inputs that between them provoke every finding code.
fn provocations() -> Vec<String> {
    let mut texts = Vec::new();
    let mut push = |value: Value| texts.push(value.to_string());

    // Field checks: types, required, unknown, format, enumerations, dates, years, counts, texts,
    // numbers and credit codes, cross-field checks.
    let mut input = example();
    input["format"] = json!("patent-intensive/assessment-input@9");
    input["filer"]["name"] = json!(" ");
    input["filer"]["uscc"] = json!("91440300192203821");
    input["filer"]["org_type"] = json!("company");
    input["filer"]["colour"] = json!("blue");
    input["patents"][0]["filing_date"] = json!("2020-02-30");
    input["patents"][0]["term_extension_days"] = json!(-3);
    input["patents"][0]["pledged"] = json!("no");
    input["patents"][1]["number"] = json!("202310123456.7");
    input["patents"][2]["grant_date"] = json!("2005-01-01");
    input["patents"][2]["owners"][0]["uscc"] = json!("914403001922038217");
    input["patents"][1]["licences"][0]["end"] = json!("2021-12-31");
    input["patents"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "number": "ZL 2020 1 0566088.9", "legal_status": "valid", "filing_date": "2020-06-18" }));
    input["patents"].as_array_mut().unwrap().push(json!({
        "number": "201510958772.0", "type": "design", "legal_status": "valid", "filing_date": "2015-01-01"
    }));
    input["patents"].as_array_mut().unwrap().push(json!({
        "number": "2015109587", "legal_status": "valid", "filing_date": "2015-01-01"
    }));
    input["patents"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "legal_status": "valid" }));
    input["products"][0]["economics"][1]["year"] = json!(1900);
    input["products"][0]["economics"][0]["sales_revenue"] = json!("3200万");
    input["products"][0]["patents"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "number": "202010566088.9" }));
    input["products"][0]["patents"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "number": "201811564288.X" }));
    input["products"][1]["id"] = json!("P1");
    input["products"][1]["covered_core_features"] = json!(9);
    input["products"][1]["economics"][0]["export_revenue"] = json!("500");
    input["products"][1]["economics"][0]["patent_attributable_revenue"] = json!("500");
    input["products"][1]["economics"][0]["ip_investment"] = json!("-1");
    input["products"][1]["economics"][0]["profit"] = json!("1.1234567");
    input["products"][1]["economics"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "year": 2024, "sales_revenue": "1", "currency": "USD" }));
    input["products"][1]["economics"]
        .as_array_mut()
        .unwrap()
        .push(
            json!({ "year": 2023, "sales_revenue": "1", "currency": "USD", "fx_rate_to_cny": "0" }),
        );
    input["products"][1]["economics"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "year": 2022, "sales_revenue": "10000000", "unit": "yi" }));
    input["products"][1]["core_features"] = json!(1.5);
    input["products"][1]["status"] = json!(true);
    input["pack"] = json!("cn-pip/none");
    push(input);

    // Warnings: an old-form number with a wrong check character, an ordinary unrecorded
    // licence, a reference date inside the data year, figures for another year, a pack outside
    // its rounds.
    let mut input = example();
    input["round_year"] = json!(2022);
    input["reference_date"] = json!("2021-06-30");
    input["patents"][1]["licences"][0]["kind"] = json!("ordinary");
    input["patents"][1]["licences"][0]["recorded"] = json!(false);
    input["patents"][1]["licences"][0]["start"] = json!("2021-03-01");
    input["patents"].as_array_mut().unwrap().push(json!({
        "number": "90101673.1", "legal_status": "expired", "filing_date": "1990-03-01", "type": "invention"
    }));
    push(input);
    let mut input = example();
    input["products"] = json!([]);
    push(input);
    // Cross-field checks on products that are otherwise readable.
    let mut input = example();
    input["products"][1]["id"] = json!("P1");
    input["products"][1]["covered_core_features"] = json!(9);
    input["products"][1]["economics"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "year": 2024, "sales_revenue": "1" }));
    push(input);

    // The JSON reader and the limits.
    texts.push("{\"format\": ".to_string());
    texts.push("{\"a\": 1, \"a\": 2}".to_string());
    texts.push("{\"a\": 37037036703.703703}".to_string());
    texts.push("{\"a\": \"\\ud800\"}".to_string());
    texts.push(json!({ "filer": { "name": "a\u{1}b" } }).to_string());
    texts.push(json!({ "filer": { "name": "x".repeat(10_001) } }).to_string());
    texts.push(format!("{}{}", "[".repeat(65), "]".repeat(65)));
    texts.push(format!("{{\"round_year\": {}}}", "1".repeat(41)));
    texts.push(json!({ "patents": vec![json!(null); 100_001] }).to_string());
    texts.push(json!({ "products": vec![json!(null); 10_001] }).to_string());
    texts.push(
        json!({ "products": [ { "patents": vec![json!(null); 10_001], "economics": vec![json!(null); 101] } ] })
            .to_string(),
    );
    let many: serde_json::Map<String, Value> = (0..1_100)
        .map(|i| (format!("unknown{i}"), json!(1)))
        .collect();
    texts.push(Value::Object(many).to_string());
    texts
}

#[test]
fn every_finding_code_speaks_in_plain_words_in_both_languages() {
    let names = field_names();
    assert!(names.contains("export_revenue") && names.contains("covered_core_features"));
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut texts = provocations();
    // The one limit not worth provoking in a test: a 64 MiB document.
    let too_large = patent_intensive::limits::document_too_large("");
    let mut messages = vec![(too_large.code.as_str().to_string(), too_large.message)];
    for text in texts.drain(..) {
        let report = report_of_text(&text);
        for finding in report["findings"].as_array().unwrap() {
            let code = finding["code"].as_str().unwrap().to_string();
            let message = patent_intensive::text::Text::new(
                finding["message"]["zh"].as_str().unwrap(),
                finding["message"]["en"].as_str().unwrap(),
            );
            messages.push((code, message));
        }
    }
    for (code, message) in &messages {
        check_text(&message.zh, &message.en, &names, code);
        seen.insert(
            Code::ALL
                .iter()
                .find(|c| c.as_str() == code)
                .unwrap()
                .as_str(),
        );
    }
    let all: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let missing: Vec<_> = all.difference(&seen).collect();
    assert!(missing.is_empty(), "codes never provoked: {missing:?}");
}

#[test]
fn an_amount_written_with_its_unit_gets_the_number_to_write() {
    let mut input = example();
    input["products"][1]["economics"][0]["unit"] = json!("yuan");
    input["products"][1]["economics"][0]["sales_revenue"] = json!("3200万");
    let report = report_of(&input);
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "invalid_money")
        .unwrap();
    assert_eq!(finding["path"], "/products/1/economics/0/sales_revenue");
    assert_eq!(
        finding["message"]["en"],
        "The sales revenue “3200万” is not a number: numbers only; the amount unit is yuan — write 32000000, or set the unit to 10,000 yuan (wan)"
    );
    assert_eq!(
        finding["message"]["zh"],
        "销售收入“3200万”不是数字，只填数字：本行金额单位为元，写 32000000，或把金额单位改为万元"
    );
}

/// Every bilingual text of a report, with where it sits.
fn texts_of(value: &Value, path: String, out: &mut Vec<(String, String, String)>) {
    match value {
        Value::Object(map)
            if map.len() == 2 && map.contains_key("zh") && map.contains_key("en") =>
        {
            out.push((
                path,
                map["zh"].as_str().unwrap().to_string(),
                map["en"].as_str().unwrap().to_string(),
            ));
        }
        Value::Object(map) => {
            for (key, item) in map {
                texts_of(item, format!("{path}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                texts_of(item, format!("{path}/{index}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_worked_example_reads_as_plain_english_and_chinese() {
    let names = field_names();
    let mut input = example();
    // One undetermined criterion as well, so that a gap asking for a figure is read too.
    input["products"][0]["economics"][1]
        .as_object_mut()
        .unwrap()
        .remove("export_revenue");
    let mut texts = Vec::new();
    for report in [report_of(&example()), report_of(&input)] {
        texts_of(&report, String::new(), &mut texts);
    }
    assert!(texts.len() > 100, "{}", texts.len());
    for (path, zh, en) in &texts {
        check_text(zh, en, &names, path);
        // Ratios read as percentages, terms in years and days.
        assert!(!en.contains("days of term left on average") || en.contains("years"));
        assert!(!en.contains(".0000"), "{path}: {en}");
    }
    let joined: String = texts.iter().map(|(_, _, en)| en.as_str()).collect();
    assert!(
        joined.contains("0.83 %") && joined.contains("≥ 1 %"),
        "{joined}"
    );
    assert!(joined.contains("420 wan (4,200,000 CNY)"), "{joined}");
    assert!(
        joined.contains("1 linked patent is also linked"),
        "{joined}"
    );
}
