//! Checks shared by the Node and the Chromium WebAssembly suites: the bindings as JavaScript sees
//! them, and that nothing a caller passes throws or traps.

// Test helpers, not tests, so the test exemptions do not reach them: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use js_sys::{Array, Object, Reflect, JSON};
use patent_intensive::wasm;
use wasm_bindgen::{JsCast, JsValue};

const EXAMPLE: &str = include_str!("../../examples/fuzhou-bogie-monitor.json");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

fn length(value: &JsValue) -> u32 {
    value.dyn_ref::<Array>().map_or(0, Array::length)
}

fn first_error_code(report: &JsValue) -> String {
    let findings = get(report, "findings");
    text(&Array::from(&findings).get(0), "code")
}

pub fn the_example_is_assessed_from_an_object_and_from_text_alike() {
    let object = JSON::parse(EXAMPLE).unwrap();
    let from_object = wasm::assess(object.clone(), JsValue::UNDEFINED);
    let from_text = wasm::assess(JsValue::from_str(EXAMPLE), JsValue::UNDEFINED);
    assert_eq!(length(&get(&from_object, "products")), 2);
    assert_eq!(
        JSON::stringify(&from_object).unwrap(),
        JSON::stringify(&from_text).unwrap()
    );
    let json = wasm::assess_json(object, JsValue::NULL);
    assert_eq!(
        JSON::stringify(&from_object).unwrap().as_string().unwrap(),
        json
    );
    let native = patent_intensive::assess(EXAMPLE, &patent_intensive::Options::default());
    assert_eq!(json, native.to_json());
    let products = Array::from(&get(&from_object, "products"));
    assert_eq!(text(&products.get(0), "verdict"), "qualifies");
    assert_eq!(
        length(&get(&products.get(0), "criteria")),
        11,
        "G1–G7 and B1–B4"
    );
}

pub fn validate_packs_normalize_and_version_answer_plain_objects() {
    let findings = wasm::validate(JsValue::from_str(EXAMPLE));
    assert!(Array::is_array(&findings));
    assert!(Array::from(&findings)
        .iter()
        .all(|f| text(&f, "severity") != "error"));
    let packs = Array::from(&wasm::packs());
    assert_eq!(packs.length(), 2);
    for pack in packs.iter() {
        assert_eq!(text(&pack, "sha256").len(), 64);
        assert!(text(&pack, "id").starts_with("cn-pip/"));
    }
    let number =
        wasm::normalize_patent_number(JsValue::from_str("ＺＬ ２０２０ １ ０５６６０８８．９"));
    assert_eq!(get(&number, "ok"), JsValue::TRUE);
    assert_eq!(text(&number, "number"), "202010566088.9");
    assert_eq!(text(&number, "type"), "invention");
    let wrong = wasm::normalize_patent_number(JsValue::from_str("202310123456.7"));
    assert_eq!(get(&wrong, "ok"), JsValue::FALSE);
    assert_eq!(text(&get(&wrong, "finding"), "code"), "patent_number_check");
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

pub fn a_caller_supplied_pack_is_applied_or_its_findings_are_reported() {
    let pack = JSON::parse(include_str!("../../packs/gb-t-46961-2025.json")).unwrap();
    let options = Object::new();
    Reflect::set(&options, &"pack".into(), &pack).unwrap();
    let report = wasm::assess(JsValue::from_str(EXAMPLE), options.into());
    assert_eq!(text(&get(&report, "pack"), "id"), "cn-pip/gb-t-46961-2025");

    let options = Object::new();
    Reflect::set(
        &options,
        &"pack".into(),
        &JsValue::from_str("{\"format\": 1}"),
    )
    .unwrap();
    let report = wasm::assess(JsValue::from_str(EXAMPLE), options.into());
    assert_eq!(length(&get(&report, "products")), 0);
    let findings = Array::from(&get(&report, "findings"));
    assert!(findings.length() > 0);
    assert!(findings
        .iter()
        .all(|f| text(&f, "path").starts_with("/options/pack")));
}

pub fn nothing_a_caller_passes_throws_or_traps() {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let lone_surrogate = JSON::parse("\"\\ud800\"").unwrap();
    let deep = JsValue::from_str(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
    let huge_number = JsValue::from_str(
        r#"{"format":"patent-intensive/assessment-input@1","round_year":1e999999999,"reference_date":"2025-09-30","filer":{"name":"x"},"patents":[],"products":[{"id":"P","patents":[],"economics":[{"year":2024,"sales_revenue":"9e9999"}]}]}"#,
    );
    let inputs = [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::TRUE,
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(42.0),
        JsValue::from_str(""),
        JsValue::from_str("{"),
        JsValue::from_str("[]"),
        js_sys::BigInt::from(10).into(),
        js_sys::Function::new_no_args("return 1").into(),
        Array::new().into(),
        cyclic.into(),
        lone_surrogate,
        deep,
        huge_number,
    ];
    for input in inputs {
        let report = wasm::assess(input.clone(), input.clone());
        assert!(report.is_object());
        assert_eq!(length(&get(&report, "products")), 0);
        assert!(!first_error_code(&report).is_empty());
        assert!(Array::is_array(&wasm::validate(input.clone())));
        let number = wasm::normalize_patent_number(input.clone());
        assert_eq!(get(&number, "ok"), JsValue::FALSE);
        // Keys are plain strings; a value that is not a string reads as empty text.
        let name = wasm::name_key(input.clone());
        let key = wasm::patent_key(input.clone());
        if input.as_string().is_none() {
            assert_eq!((name.as_str(), key.as_str()), ("", ""));
        }
        let import = wasm::import_patents_csv(input);
        assert!(Array::is_array(&get(&import, "patents")));
    }
    // The module still works after all of that.
    let report = wasm::assess(JsValue::from_str(EXAMPLE), JsValue::UNDEFINED);
    assert_eq!(length(&get(&report, "products")), 2);
}

pub fn a_pack_is_checked_and_an_embedded_pack_read() {
    let example = include_str!("../../examples/packs/two-category-rows.example.json");
    let checked = wasm::check_pack(JsValue::from_str(example));
    assert_eq!(get(&checked, "valid"), JsValue::TRUE);
    let info = get(&checked, "pack");
    assert_eq!(text(&info, "id"), "example/two-category-rows");
    assert_eq!(text(&info, "sha256").len(), 64);
    assert_eq!(get(&info, "reference_thresholds").as_f64(), Some(21.0));
    assert_eq!(length(&get(&checked, "findings")), 0);

    let invalid = wasm::check_pack(JsValue::from_str("{\"format\": 1}"));
    assert_eq!(get(&invalid, "valid"), JsValue::FALSE);
    assert!(get(&invalid, "pack").is_null());
    let findings = Array::from(&get(&invalid, "findings"));
    assert!(findings.iter().any(|f| text(&f, "path") == "/format"));

    let id = "cn-pip/t-ppac-402-2022";
    let json = wasm::pack_json(JsValue::from_str(id)).as_string().unwrap();
    let again = wasm::check_pack(JsValue::from_str(&json));
    let embedded = Array::from(&wasm::packs()).get(0);
    assert_eq!(text(&embedded, "id"), id);
    assert_eq!(
        text(&get(&again, "pack"), "sha256"),
        text(&embedded, "sha256")
    );
    assert!(wasm::pack_json(JsValue::from_str("cn-pip/none")).is_null());
}

pub fn the_catalogue_labels_and_match_keys_come_from_the_engine() {
    let catalogue = wasm::catalogue();
    assert_eq!(text(&catalogue, "format"), "patent-intensive/catalogue@2");
    assert_eq!(
        text(&catalogue, "engine_version"),
        env!("CARGO_PKG_VERSION")
    );
    let criteria = Array::from(&get(&catalogue, "criteria"));
    assert_eq!(criteria.length(), 11, "G1–G7 and B1–B4");
    let g3 = criteria.get(2);
    assert_eq!(text(&g3, "id"), "G3");
    assert_eq!(text(&get(&g3, "title"), "zh"), "专利权利");
    assert!(!text(&get(&g3, "rule"), "en").is_empty());
    // Sources in both languages; every input field with its label, figures with a definition.
    assert!(text(&get(&g3, "source"), "en").starts_with("China Patent Protection Association"));
    let fields = Array::from(&get(&catalogue, "fields"));
    let export = fields
        .iter()
        .find(|f| text(f, "pointer") == "/products/*/economics/*/export_revenue")
        .unwrap();
    assert_eq!(text(&get(&export, "label"), "zh"), "其中出口收入");
    assert!(text(&get(&export, "definition"), "en").contains("Write 0"));
    // The report's catalogue carries the catalogue's titles, once, for every criterion the
    // products list.
    let report = wasm::assess(JsValue::from_str(EXAMPLE), JsValue::UNDEFINED);
    let in_report = get(&report, "catalogue");
    let product = Array::from(&get(&report, "products")).get(0);
    for (index, criterion) in Array::from(&get(&product, "criteria")).iter().enumerate() {
        let entry = criteria.get(u32::try_from(index).unwrap());
        assert_eq!(text(&criterion, "id"), text(&entry, "id"));
        assert_eq!(
            text(
                &get(&get(&in_report, &text(&criterion, "id")), "title"),
                "en"
            ),
            text(&get(&entry, "title"), "en")
        );
    }
    // `{ detail: "verdicts" }`: the short report; another detail is a finding, not a throw.
    let options = Object::new();
    Reflect::set(&options, &"detail".into(), &"verdicts".into()).unwrap();
    let short = wasm::assess(JsValue::from_str(EXAMPLE), options.into());
    assert_eq!(text(&short, "detail"), "verdicts");
    assert!(get(&short, "catalogue").is_undefined());
    assert_eq!(length(&get(&short, "products")), 2);
    let options = Object::new();
    Reflect::set(&options, &"detail".into(), &"brief".into()).unwrap();
    let refused = wasm::assess(JsValue::from_str(EXAMPLE), options.into());
    assert_eq!(first_error_code(&refused), "invalid_enum");
    let findings = Array::from(&get(&refused, "findings"));
    assert_eq!(text(&findings.get(0), "path"), "/options/detail");
    let statuses = Array::from(&get(&get(&catalogue, "labels"), "legal_status"));
    assert_eq!(statuses.length(), 7);
    let valid = statuses.get(1);
    assert_eq!(text(&valid, "value"), "valid");
    assert_eq!(text(&get(&valid, "label"), "zh"), "有效");

    // One key for every spelling the reader accepts as the same patent, as a link resolves.
    for spelling in [
        "202010566088.9",
        "ZL 2020 1 0566088.9",
        "ＣＮ２０２０１０５６６０８８．９",
        "zl202010566088.9",
    ] {
        assert_eq!(
            wasm::patent_key(JsValue::from_str(spelling)),
            "202010566088.9",
            "{spelling}"
        );
    }
    assert_eq!(
        wasm::patent_key(JsValue::from_str(" us 11223344 b2")),
        "US11223344B2"
    );
    assert_eq!(
        wasm::name_key(JsValue::from_str("福州示例（智能） 装备有限公司")),
        wasm::name_key(JsValue::from_str("福州示例(智能)装备有限公司"))
    );
}

/// Declares every shared check above as a `#[wasm_bindgen_test]` of the including suite, so the
/// Node and Chromium suites run the same list and cannot drift apart.
#[macro_export]
macro_rules! shared_wasm_tests {
    () => {
        $crate::shared_wasm_tests!(
            the_example_is_assessed_from_an_object_and_from_text_alike,
            validate_packs_normalize_and_version_answer_plain_objects,
            a_caller_supplied_pack_is_applied_or_its_findings_are_reported,
            nothing_a_caller_passes_throws_or_traps,
            a_pack_is_checked_and_an_embedded_pack_read,
            the_catalogue_labels_and_match_keys_come_from_the_engine,
        );
    };
    ($($name:ident),+ $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            fn $name() {
                common::$name();
            }
        )+
    };
}
