//! The hostile corpus (issue "hostile input"; input-format.md "Interoperability and limits"), run
//! natively: each document is small or generated here, at test time. The same corpus runs
//! through the npm package in tests/node/hostile.test.mjs, and `scripts/fuzz.sh` generates many
//! more.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use patent_intensive::{assess, Options, Report};
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../examples/fuzhou-bogie-monitor.json");
const EXAMPLE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/fuzhou-bogie-monitor.json"
);

fn report(text: &str) -> Report {
    assess(text, &Options::default())
}

fn codes(report: &Report) -> Vec<(String, &'static str)> {
    report
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| (f.path.clone(), f.code.as_str()))
        .collect()
}

/// The example on one line, with `from` replaced by `to` (once, which must happen).
fn example_with(from: &str, to: &str) -> String {
    let compact = serde_json::to_string(&serde_json::from_str::<Value>(EXAMPLE).unwrap()).unwrap();
    assert!(compact.contains(from), "{from}");
    compact.replacen(from, to, 1)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_patent-intensive"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Seconds a test build (unoptimised) may take for what must be linear: generous, and still far
/// below the seconds the quadratic reading of a million digits took in a release build.
const LINEAR: Duration = Duration::from_secs(3);

// 1. A million-digit amount is rejected as fast as it is read, and quoted in at most 60 characters.
#[test]
fn a_million_digit_amount_is_rejected_in_linear_time_quoting_little() {
    let digits = "7".repeat(1_000_000);
    // Unquoted it is a number over 40 characters; quoted, a string over 10,000.
    for (amount, code) in [
        (digits.clone(), "number_too_long"),
        (format!("\"{digits}\""), "string_too_long"),
    ] {
        let text = example_with("\"3200\"", &amount);
        let started = Instant::now();
        let report = report(&text);
        assert!(started.elapsed() < LINEAR, "{:?}", started.elapsed());
        assert_eq!(
            codes(&report),
            vec![("/products/0/economics/1/sales_revenue".to_string(), code)]
        );
        assert!(report.to_json().len() < 4_000, "{}", report.to_json().len());
    }
    let string = format!("\"{}\"", "专".repeat(350_000));
    let started = Instant::now();
    let report = report(&example_with("\"智能转向架监测终端\"", &string));
    assert!(started.elapsed() < LINEAR);
    assert_eq!(
        codes(&report),
        vec![("/products/0/name".to_string(), "string_too_long")]
    );
}

// 2. `batch`: an over-long line gets its own report and is passed over; lines in = lines out.
#[test]
fn batch_reports_an_over_long_line_and_goes_on() {
    let dir = temp_dir("batch");
    let line = example_with("", "");
    let path = dir.join("in.ndjson");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(line.as_bytes()).unwrap();
    file.write_all(b"\n[\"").unwrap();
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..65 {
        file.write_all(&chunk).unwrap();
    }
    file.write_all(b"\"]\r\n\n").unwrap();
    file.write_all(line.as_bytes()).unwrap();
    drop(file);
    let output = cli(&["batch", path.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(2));
    let out = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0], lines[3]);
    let too_long = report_of(lines[1]);
    assert_eq!(too_long["findings"][0]["code"], "document_too_large");
    assert_eq!(too_long["findings"].as_array().unwrap().len(), 1);
    assert_eq!(report_of(lines[2])["findings"][0]["code"], "invalid_json");
    // The same report `assess` gives for a file over the limit.
    let big = dir.join("big.json");
    std::fs::write(&big, vec![b' '; 64 * 1024 * 1024 + 1]).unwrap();
    let single = cli(&["assess", big.to_str().unwrap()], b"");
    assert_eq!(
        String::from_utf8(single.stdout).unwrap().trim_end(),
        lines[1]
    );
}

fn report_of(line: &str) -> Value {
    serde_json::from_str(line).unwrap()
}

// 3. Millions of unknown members: a bounded report (1,000 findings and a count), in linear time.
#[test]
fn many_unknown_members_give_a_bounded_report() {
    let members: Vec<String> = (0..400_000).map(|i| format!("\"u{i}\":0")).collect();
    let text = format!("{{{}}}", members.join(","));
    let started = Instant::now();
    let report = report(&text);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(report.findings.len(), 1001);
    let last = report.findings.last().unwrap();
    assert_eq!(last.code.as_str(), "more_findings");
    assert!(last.is_error());
    // 400,000 unknown members and the 6 required members missing, less the 1,000 listed.
    assert!(
        last.message.en.starts_with("399006 more findings"),
        "{}",
        last.message.en
    );
    assert!(report.to_json().len() < 1_000_000);
}

// 4. Two amounts one double apart can no longer share a digest and differ in verdict.
#[test]
fn amounts_beyond_a_double_are_refused_not_digested_alike() {
    // Sales of 50,000,000,000 万元 (5 × 10^14 CNY, within range) so the amount is not above them.
    let large_sales = |attributable: &str| {
        example_with("\"1900\"", attributable).replacen("\"3200\"", "\"50000000000\"", 1)
    };
    for amount in ["37037036703.703703", "37037036703.703704"] {
        let report = report(&large_sales(amount));
        assert_eq!(
            codes(&report),
            vec![(
                "/products/0/economics/1/patent_attributable_revenue".to_string(),
                "number_not_exact"
            )]
        );
        assert!(report.products.is_empty());
        let message = &report.findings[0].message;
        assert!(
            message.en.contains(&format!("\"{amount}\"")),
            "{}",
            message.en
        );
        assert!(message.zh.contains(&format!("\"{amount}\"")));
    }
    // Written as strings, each is read exactly and both are valid (and differ in digest).
    let a = report(&large_sales("\"37037036703.703703\""));
    let b = report(&large_sales("\"37037036703.703704\""));
    assert!(!a.has_errors() && !b.has_errors());
    assert_ne!(a.input_sha256, b.input_sha256);
}

// 5. Duplicate member names.
#[test]
fn a_duplicate_member_is_an_error_at_its_object() {
    let text = example_with("\"products\":[", "\"products\":[],\"products\":[");
    let report = report(&text);
    assert_eq!(codes(&report), vec![(String::new(), "duplicate_key")]);
    assert!(report.findings[0].message.en.contains("“products”"));
    assert!(report.products.is_empty());
}

// 6. A byte-order mark: ignored by the library and the CLI alike.
#[test]
fn a_byte_order_mark_is_ignored() {
    let plain = report(EXAMPLE);
    let with_bom = report(&format!("\u{feff}{EXAMPLE}"));
    assert_eq!(plain.to_json(), with_bom.to_json());
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(EXAMPLE.as_bytes());
    let output = cli(&["assess", "-"], &bytes);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        plain.to_json() + "\n"
    );
}

// 7. A closed or full standard output is exit 1 with a message.
#[test]
fn a_closed_or_full_stdout_is_exit_1_with_a_message() {
    let binary = env!("CARGO_BIN_EXE_patent-intensive");
    let batch_input = format!("{}\n", example_with("", ""));
    for (command, redirect) in [
        ("assess", ">&-"),
        ("assess", ">/dev/full"),
        ("batch", ">&-"),
        ("batch", ">/dev/full"),
    ] {
        let script = match command {
            "assess" => format!("exec \"$0\" assess \"$1\" {redirect}"),
            _ => format!("exec \"$0\" batch - {redirect}"),
        };
        let mut child = Command::new("sh")
            .args(["-c", &script, binary, EXAMPLE_PATH])
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `assess` of a file does not read its stdin: a broken pipe here is expected.
        let _ = child
            .stdin
            .take()
            .unwrap()
            .write_all(batch_input.as_bytes());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{command} {redirect}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("standard output"),
            "{command} {redirect}: {stderr}"
        );
    }
}

// 8. `verify`: identical bytes only for identical bytes; otherwise it names the layout.
#[test]
fn verify_names_what_differs_in_layout() {
    let dir = temp_dir("verify");
    let compact = report(EXAMPLE).to_json() + "\n";
    let pretty = report(EXAMPLE).to_json_pretty() + "\n";
    let cases: [(&str, Vec<u8>, Option<&str>); 5] = [
        ("compact", compact.clone().into_bytes(), None),
        ("pretty", pretty.clone().into_bytes(), None),
        (
            "bom",
            [b"\xEF\xBB\xBF".as_slice(), compact.as_bytes()].concat(),
            Some("bom"),
        ),
        (
            "crlf",
            pretty.replace('\n', "\r\n").into_bytes(),
            Some("line_endings"),
        ),
        (
            "spaces",
            compact.replacen(",\"", ", \"", 1).into_bytes(),
            Some("whitespace"),
        ),
    ];
    for (name, bytes, layout) in cases {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, bytes).unwrap();
        let args = ["verify", "--input", EXAMPLE_PATH, path.to_str().unwrap()];
        let text = String::from_utf8(cli(&args, b"").stdout).unwrap();
        let json: Value =
            serde_json::from_slice(&cli(&[&args[..], &["--json"]].concat(), b"").stdout).unwrap();
        match layout {
            None => {
                assert!(text.contains("has identical bytes"), "{name}: {text}");
                assert!(json["identical_but_for_layout"].is_null());
            }
            Some(kind) => {
                assert!(text.contains("identical but for layout"), "{name}: {text}");
                assert!(!text.contains("identical bytes"), "{name}: {text}");
                assert_eq!(
                    json["identical_but_for_layout"],
                    serde_json::json!([kind]),
                    "{name}"
                );
                assert!(json["byte_identical"].is_null());
            }
        }
    }
}

// 9. A NUL character in a product id (and other control characters where text is an id, name,
// number, title or code).
#[test]
fn control_characters_are_refused_in_ids_names_and_codes() {
    let report = report(&example_with("\"id\":\"P1\"", "\"id\":\"P\\u00001\""));
    assert_eq!(
        codes(&report),
        vec![("/products/0/id".to_string(), "control_character")]
    );
    assert!(report.findings[0].message.en.contains("U+0000"));
}

// The array limits, generated here: each over by one is its own error, and the items are not read.
#[test]
fn array_limits_each_have_their_code_and_path() {
    let document = |patents: &str, products: &str| {
        format!(
            r#"{{"format":"patent-intensive/assessment-input@1","round_year":2025,"reference_date":"2025-09-30","filer":{{"name":"F"}},"patents":[{patents}],"products":[{products}]}}"#
        )
    };
    let links = vec![r#"{"number":"202010566088.9"}"#; 10_001].join(",");
    let product = format!(r#"{{"id":"P","patents":[{links}],"economics":[]}}"#);
    assert_eq!(
        codes(&report(&document("", &product))),
        vec![("/products/0/patents".to_string(), "too_many_links")]
    );
    let products = vec![r#"{"id":"P"}"#; 10_001].join(",");
    assert_eq!(
        codes(&report(&document("", &products))),
        vec![("/products".to_string(), "too_many_products")]
    );
    let patents = vec!["{}"; 100_001].join(",");
    assert_eq!(
        codes(&report(&document(&patents, ""))),
        vec![("/patents".to_string(), "too_many_patents")]
    );
}

// A finding quotes at most 60 characters of what the user wrote, even where the engine spells a
// value out (an exponent of 9999 is 10,000 digits in plain notation).
#[test]
fn messages_quote_at_most_60_characters() {
    let long = "x".repeat(5_000);
    let texts = [
        example_with("\"3200\"", "\"-1e9999\""),
        example_with("\"410.5\"", "\"-1e9999\""),
        example_with("\"currency\":\"CNY\"", &format!("\"currency\":\"{long}\"")),
        example_with(
            "\"currency\":\"CNY\"",
            "\"currency\":\"USD\",\"fx_rate_to_cny\":\"-1e9999\"",
        ),
        example_with("\"pack\":null", &format!("\"pack\":\"{long}\"")),
        example_with(
            "\"round_year\":2025",
            &format!("\"round_year\":2025,\"{long}\":1"),
        ),
        example_with(
            "\"id\":\"P1\"",
            &format!("\"id\":\"P1\",\"{long}\":1,\"{long}\":2"),
        ),
    ];
    for text in texts {
        let report = report(&text);
        assert!(report.has_errors());
        for finding in &report.findings {
            let quoted = finding.message.en.len() + finding.path.len();
            assert!(
                quoted < 400,
                "{} {}: {}",
                finding.code.as_str(),
                finding.path,
                finding.message.en
            );
        }
    }
}
