//! The command line, driven as a user drives it: the built binary, its stdout, stderr and exit
//! status (docs/cli.md).

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use patent_intensive::canonical::sha256_hex;
use patent_intensive::pack;
use serde_json::Value;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/fuzhou-bogie-monitor.json"
);
const CATEGORY_PACK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/packs/two-category-rows.example.json"
);
const CATEGORY_INPUT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/two-categories.json"
);

/// Runs the binary with `args`, feeding `stdin`, in a neutral locale unless `env` says otherwise.
fn run_with(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_patent-intensive"));
    command
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    run_with(args, b"", &[])
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A fresh folder for one test, under Cargo's temporary folder for integration tests.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The example input on one line.
fn example_line() -> String {
    let value: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    value.to_string()
}

// ---- assess -------------------------------------------------------------------------------

#[test]
fn assess_prints_the_canonical_report_and_exits_0_for_a_valid_input() {
    let output = run(&["assess", EXAMPLE]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let expected = patent_intensive::assess(
        &std::fs::read_to_string(EXAMPLE).unwrap(),
        &patent_intensive::Options::default(),
    );
    assert_eq!(text, format!("{}\n", expected.to_json()));
    assert!(!expected.products.is_empty());

    let pretty = run(&["assess", EXAMPLE, "--pretty"]);
    assert_eq!(stdout(&pretty), format!("{}\n", expected.to_json_pretty()));

    let from_stdin = run_with(&["assess", "-"], &std::fs::read(EXAMPLE).unwrap(), &[]);
    assert_eq!(stdout(&from_stdin), text);
}

#[test]
fn assess_exits_2_for_an_input_with_errors_and_still_prints_the_report() {
    let output = run_with(&["assess", "-"], br#"{"format": "nonsense"}"#, &[]);
    assert_eq!(code(&output), 2);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["path"] == "/format"));
    assert_eq!(report["products"], Value::Array(vec![]));
    assert!(stderr(&output).starts_with("error: the input has"));

    let not_utf8 = run_with(&["assess", "-"], b"{\"a\": \"\xff\"}", &[]);
    assert_eq!(code(&not_utf8), 2);
    assert!(stdout(&not_utf8).contains("invalid_json"));
}

#[test]
fn assess_exits_1_on_usage_errors() {
    let no_file = run(&["assess"]);
    assert_eq!(code(&no_file), 1);
    assert!(stderr(&no_file).contains("`assess` needs FILE|-"));

    let missing = run(&["assess", "/no/such/input.json"]);
    assert_eq!(code(&missing), 1);
    assert!(stderr(&missing).contains("cannot read `/no/such/input.json`"));
    assert!(stdout(&missing).is_empty());

    let unknown_option = run(&["assess", EXAMPLE, "--prety"]);
    assert_eq!(code(&unknown_option), 1);
    assert!(stderr(&unknown_option).contains("unknown option `--prety`"));
}

/// Each command with arguments that are valid but for the option added after them, and a
/// misspelling of one of its own options.
fn commands_and_misspellings() -> Vec<(Vec<&'static str>, &'static str)> {
    vec![
        (vec!["assess", EXAMPLE], "--packk"),
        (vec!["outlook", EXAMPLE], "--packk"),
        (
            vec!["verify", "--input", EXAMPLE, "report.json"],
            "--inputt",
        ),
        (vec!["rules"], "--formatt"),
        (vec!["test", "tests/cases"], "--verbos"),
        (vec!["batch", "-"], "--job"),
        (vec!["packs"], "--fromat"),
        (vec!["pack", "export", "cn-pip/gb-t-46961-2025"], "--compat"),
        (vec!["pack", "check", CATEGORY_PACK], "--jsn"),
    ]
}

#[test]
fn an_unknown_or_misspelt_option_is_a_usage_error_for_every_command() {
    for (args, misspelt) in commands_and_misspellings() {
        let command = if args[0] == "pack" {
            format!("pack {}", args[1])
        } else {
            args[0].to_string()
        };
        for option in ["--frobnicate", "--packk", misspelt, "-q"] {
            let mut given = args.clone();
            given.push(option);
            let output = run(&given);
            assert_eq!(code(&output), 1, "{given:?}: {}", stderr(&output));
            assert!(stdout(&output).is_empty(), "{given:?}");
            let text = stderr(&output);
            assert!(
                text.contains(&format!("unknown option `{option}` for `{command}`")),
                "{given:?}: {text}"
            );
            assert!(
                text.contains(&format!("patent-intensive {command} --help")),
                "{given:?}: {text}"
            );
            // The same in Chinese, naming the option and the help.
            given.push("--lang=zh");
            let zh = stderr(&run(&given));
            assert!(zh.starts_with("错误："), "{given:?}: {zh}");
            assert!(zh.contains(&format!("`{option}`")), "{given:?}: {zh}");
            assert!(
                zh.contains(&format!("patent-intensive {command} --help")),
                "{given:?}: {zh}"
            );
        }
    }
}

#[test]
fn a_value_option_without_its_value_is_a_usage_error() {
    let cases: [(&[&str], &str); 10] = [
        (&["assess", EXAMPLE, "--pack"], "--pack"),
        (&["outlook", EXAMPLE, "--pack"], "--pack"),
        (&["verify", "report.json", "--input"], "--input"),
        (
            &["verify", "--input", EXAMPLE, "report.json", "--pack"],
            "--pack",
        ),
        (&["rules", "--format"], "--format"),
        (&["rules", "--check"], "--check"),
        (&["rules", "--pack"], "--pack"),
        (&["test", "tests/cases", "--pack"], "--pack"),
        (&["batch", "--jobs"], "--jobs"),
        (&["packs", "--format"], "--format"),
    ];
    for (args, option) in cases {
        let output = run(args);
        assert_eq!(code(&output), 1, "{args:?}: {}", stderr(&output));
        assert!(stdout(&output).is_empty(), "{args:?}");
        assert!(
            stderr(&output).contains(&format!("option `{option}` needs a value")),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let lang = run(&["packs", "--lang"]);
    assert_eq!(code(&lang), 1);
    assert!(stderr(&lang).contains("option `--lang` needs a value"));
}

#[test]
fn flags_take_no_value_and_options_are_given_once() {
    let flag = run(&["assess", EXAMPLE, "--pretty=yes"]);
    assert_eq!(code(&flag), 1);
    assert!(stderr(&flag).contains("option `--pretty` takes no value"));
    let twice = run(&["assess", EXAMPLE, "--pack", "a", "--pack=b"]);
    assert_eq!(code(&twice), 1);
    assert!(stderr(&twice).contains("option `--pack` given more than once"));
    // After `--` an option-like token is a file name, not an option.
    let after = run(&["assess", "--", "--pretty"]);
    assert_eq!(code(&after), 1);
    assert!(stderr(&after).contains("cannot read `--pretty`"));
    // Inline and separate values are the same option.
    let inline = run(&["packs", "--format=json"]);
    let separate = run(&["packs", "--format", "json"]);
    assert_eq!(code(&inline), 0);
    assert_eq!(stdout(&inline), stdout(&separate));
}

#[test]
fn unknown_commands_list_the_valid_ones() {
    for args in [&["frobnicate"][..], &[][..]] {
        let output = run(args);
        assert_eq!(code(&output), 1);
        assert!(
            stderr(&output).contains("assess, outlook, verify, rules, test, batch, packs, pack"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn assess_with_an_invalid_pack_file_prints_its_findings_and_exits_2() {
    let dir = temp_dir("invalid-pack");
    let pack_path = dir.join("pack.json");
    std::fs::write(&pack_path, r#"{"format": "patent-intensive/rule-pack@1"}"#).unwrap();
    let output = run(&["assess", EXAMPLE, "--pack", path_str(&pack_path)]);
    assert_eq!(code(&output), 2);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "/id" && f["code"] == "required"));
    assert!(stderr(&output).contains("is invalid"));
}

#[test]
fn errors_follow_the_users_language() {
    let by_option = run(&["--lang", "zh", "assess"]);
    assert!(
        stderr(&by_option).starts_with("错误："),
        "{}",
        stderr(&by_option)
    );
    let by_locale = run_with(&["assess"], b"", &[("LANG", "zh_CN.UTF-8")]);
    assert!(stderr(&by_locale).starts_with("错误："));
    let overridden = run_with(
        &["assess"],
        b"",
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")],
    );
    assert!(stderr(&overridden).starts_with("error: "));
    let option_wins = run_with(&["assess", "--lang=en"], b"", &[("LANG", "zh_CN.UTF-8")]);
    assert!(stderr(&option_wins).starts_with("error: "));
    let unsupported = run(&["--lang", "fr", "packs"]);
    assert_eq!(code(&unsupported), 1);
    assert!(stderr(&unsupported).contains("unsupported language `fr`"));
}

#[test]
fn every_command_has_help_with_examples_and_there_is_a_version() {
    for command in [
        "assess", "outlook", "verify", "rules", "test", "batch", "packs", "pack",
    ] {
        for args in [vec![command, "--help"], vec!["help", command]] {
            let output = run(&args);
            assert_eq!(code(&output), 0, "{args:?}");
            let text = stdout(&output);
            assert!(text.contains("Usage: patent-intensive"), "{args:?}");
            assert!(text.contains("Examples:"), "{args:?}");
        }
        let zh = run(&["--lang", "zh", command, "-h"]);
        assert!(stdout(&zh).contains("示例："), "{command}");
    }
    let general = run(&["--help"]);
    assert_eq!(code(&general), 0);
    assert!(stdout(&general).contains("Commands:"));
    let version = run(&["--version"]);
    assert_eq!(
        stdout(&version),
        format!("patent-intensive {}\n", patent_intensive::VERSION)
    );
}

// ---- outlook ------------------------------------------------------------------------------

#[test]
fn outlook_prints_a_table_per_product_in_either_language() {
    // The worked example: P1's licence to 202120345678.9 ends 2027-12-31, so from round 2028
    // the filer has no right to it (G3); P2 already fails B2 in 2025 (one utility model only).
    let en = run(&["outlook", EXAMPLE, "--lang", "en"]);
    assert_eq!(code(&en), 0, "{}", stderr(&en));
    let text = stdout(&en);
    assert!(text.starts_with("Outlook: rounds 2025–2035"), "{text}");
    assert!(
        text.contains("hold through 2027; first failing round 2028"),
        "{text}"
    );
    assert!(text.contains("2028  2028-09-30  FAIL      G3"), "{text}");
    assert!(
        text.contains("2027-12-31  licence ends  202120345678.9"),
        "{text}"
    );
    assert!(
        text.contains("202010566088.9  B2  annual fee due by 06-18"),
        "{text}"
    );
    assert!(text.contains("already fail in this round"), "{text}");
    let zh = run(&["--lang", "zh", "outlook", EXAMPLE]);
    assert_eq!(code(&zh), 0);
    let text = stdout(&zh);
    assert!(
        text.contains("专利条件维持到 2027 年度，2028 年度起不满足"),
        "{text}"
    );
    assert!(text.contains("年费每年 06-18 前缴纳"), "{text}");
    let from_stdin = run_with(
        &["outlook", "-", "--lang", "en"],
        example_line().as_bytes(),
        &[],
    );
    assert_eq!(stdout(&from_stdin), stdout(&en));
}

#[test]
fn outlook_exits_like_assess() {
    let invalid = run_with(&["outlook", "-"], br#"{"format": "nonsense"}"#, &[]);
    assert_eq!(code(&invalid), 2);
    assert!(
        stdout(&invalid).contains("/format  unsupported_format"),
        "{}",
        stdout(&invalid)
    );
    assert!(stderr(&invalid).starts_with("error: the input has"));
    let no_file = run(&["outlook"]);
    assert_eq!(code(&no_file), 1);
    assert!(stderr(&no_file).contains("`outlook` needs FILE|-"));
    let missing = run(&["outlook", "/no/such/input.json"]);
    assert_eq!(code(&missing), 1);
    let unknown_option = run(&["outlook", EXAMPLE, "--pretty"]);
    assert_eq!(code(&unknown_option), 1);
}

// ---- verify -------------------------------------------------------------------------------

/// Writes the example's report into `dir` and returns its path.
fn saved_report(dir: &Path) -> PathBuf {
    let output = run(&["assess", EXAMPLE]);
    assert_eq!(code(&output), 0);
    let path = dir.join("report.json");
    std::fs::write(&path, &output.stdout).unwrap();
    path
}

#[test]
fn verify_accepts_the_report_assess_wrote() {
    let dir = temp_dir("verify-match");
    let report = saved_report(&dir);
    let output = run(&["verify", "--input", EXAMPLE, path_str(&report)]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).starts_with("verified:"));

    let pretty = dir.join("pretty.json");
    std::fs::write(&pretty, run(&["assess", EXAMPLE, "--pretty"]).stdout).unwrap();
    let output = run(&["verify", "--input", EXAMPLE, path_str(&pretty), "--json"]);
    assert_eq!(code(&output), 0);
    let verdict: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(verdict["verified"], true);
    assert_eq!(verdict["byte_identical"], "pretty");
    assert_eq!(verdict["differences"], Value::Array(vec![]));
}

#[test]
fn verify_names_the_field_of_a_tampered_verdict_and_exits_3() {
    let dir = temp_dir("verify-tampered");
    let report = saved_report(&dir);
    let original = std::fs::read_to_string(&report).unwrap();
    let value: Value = serde_json::from_str(&original).unwrap();
    assert_eq!(value["products"][0]["criteria"][1]["id"], "G2");
    assert_eq!(value["products"][0]["criteria"][1]["verdict"], "pass");
    // Change exactly one verdict, G2's, keeping every other byte.
    let g2 = original.find(r#""id":"G2""#).unwrap();
    let at = g2 + original[g2..].find(r#""verdict":"pass""#).unwrap();
    let tampered = format!(
        "{}\"verdict\":\"fail\"{}",
        &original[..at],
        &original[at + r#""verdict":"pass""#.len()..]
    );
    let tampered_path = dir.join("tampered.json");
    std::fs::write(&tampered_path, tampered).unwrap();

    let output = run(&["verify", "--input", EXAMPLE, path_str(&tampered_path)]);
    assert_eq!(code(&output), 3);
    let text = stdout(&output);
    assert!(text.starts_with("mismatch:"), "{text}");
    assert!(text.contains("1 field differs"), "{text}");
    assert!(
        text.contains("/products/0/criteria/1/verdict (product P1, criterion G2)"),
        "{text}"
    );
    assert!(text.contains(r#"report:     "fail""#), "{text}");
    assert!(text.contains(r#"recomputed: "pass""#), "{text}");
    assert!(text.contains("matches the input"), "{text}");

    let json = run(&[
        "verify",
        "--input",
        EXAMPLE,
        path_str(&tampered_path),
        "--json",
    ]);
    assert_eq!(code(&json), 3);
    let verdict: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(verdict["verified"], false);
    assert_eq!(
        verdict["differences"],
        serde_json::json!([{
            "path": "/products/0/criteria/1/verdict",
            "report": "fail",
            "recomputed": "pass",
            "product": "P1",
            "criterion": "G2"
        }])
    );
}

#[test]
fn verify_flags_a_report_made_from_a_different_input() {
    let dir = temp_dir("verify-other-input");
    let report = saved_report(&dir);
    let mut input: Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    input["filer"]["name"] = Value::String("另一家公司".to_string());
    let other = dir.join("other-input.json");
    std::fs::write(&other, input.to_string()).unwrap();

    let output = run(&["verify", "--input", path_str(&other), path_str(&report)]);
    assert_eq!(code(&output), 3);
    let text = stdout(&output);
    assert!(text.contains("input digest mismatch"), "{text}");
    assert!(text.contains("/input_sha256"), "{text}");

    let json = run(&[
        "verify",
        "--input",
        path_str(&other),
        path_str(&report),
        "--json",
    ]);
    let verdict: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(verdict["input_sha256"]["matches"], false);
}

#[test]
fn verify_flags_a_report_naming_another_pack_digest() {
    let dir = temp_dir("verify-pack");
    let report = saved_report(&dir);
    let original = std::fs::read_to_string(&report).unwrap();
    let embedded = pack::embedded_by_id("cn-pip/t-ppac-402-2022").unwrap();
    let altered = original.replace(&embedded.sha256, &"0".repeat(64));
    let altered_path = dir.join("altered.json");
    std::fs::write(&altered_path, altered).unwrap();
    // The report names a pack by a digest no pack at hand has: verify names the pack it needs
    // (and that the embedded pack of that id is other content) instead of listing the embedded
    // pack's values as differences.
    let output = run(&["verify", "--input", EXAMPLE, path_str(&altered_path)]);
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output), "");
    let text = stderr(&output);
    let zeros = "0".repeat(64);
    assert!(
        text.contains(&format!(
            "the report needs rule pack `cn-pip/t-ppac-402-2022` version 1.0.0 (sha256 {zeros})"
        )),
        "{text}"
    );
    assert!(text.contains(&embedded.sha256), "{text}");
    assert!(text.contains("--pack FILE"), "{text}");

    // A pack file with other values is flagged the same way when given with --pack.
    let mut pack_value: Value = serde_json::from_str(&embedded.canonical).unwrap();
    pack_value["version"] = Value::String("1.0.1-official".to_string());
    let pack_path = dir.join("pack.json");
    std::fs::write(&pack_path, pack_value.to_string()).unwrap();
    let output = run(&[
        "verify",
        "--input",
        EXAMPLE,
        path_str(&report),
        "--pack",
        path_str(&pack_path),
    ]);
    assert_eq!(code(&output), 3);
    assert!(stdout(&output).contains("rule pack mismatch"));
}

#[test]
fn verify_rejects_what_is_not_a_report() {
    let dir = temp_dir("verify-not-report");
    let not_json = dir.join("not.json");
    std::fs::write(&not_json, "hello").unwrap();
    let output = run(&["verify", "--input", EXAMPLE, path_str(&not_json)]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("is not valid JSON"));
    let no_input = run(&["verify", path_str(&not_json)]);
    assert_eq!(code(&no_input), 1);
    assert!(stderr(&no_input).contains("--input"));
}

#[test]
fn verify_of_a_faithful_report_for_an_invalid_input_exits_2() {
    let dir = temp_dir("verify-invalid-input");
    let input = dir.join("input.json");
    std::fs::write(
        &input,
        r#"{"format": "patent-intensive/assessment-input@1"}"#,
    )
    .unwrap();
    let report = dir.join("report.json");
    let assessed = run(&["assess", path_str(&input)]);
    assert_eq!(code(&assessed), 2);
    std::fs::write(&report, &assessed.stdout).unwrap();
    let output = run(&["verify", "--input", path_str(&input), path_str(&report)]);
    assert_eq!(code(&output), 2);
    let text = stdout(&output);
    assert!(text.starts_with("verified:"), "{text}");
    assert!(text.contains("the input has errors"), "{text}");
}

// ---- rules --------------------------------------------------------------------------------

#[test]
fn rules_check_reports_a_stale_rule_book() {
    let dir = temp_dir("rules-stale");
    let id = "cn-pip/t-ppac-402-2022";
    let book = run(&["rules", "--pack", id, "--lang", "en"]);
    assert_eq!(code(&book), 0);
    let text = stdout(&book);
    let sha = pack::embedded_by_id(id).unwrap().sha256;
    assert!(text.contains(&sha));
    let path = dir.join("book.md");
    std::fs::write(&path, &text).unwrap();
    let current = run(&[
        "rules",
        "--pack",
        id,
        "--lang",
        "en",
        "--check",
        path_str(&path),
    ]);
    assert_eq!(code(&current), 0, "{}", stderr(&current));

    // Someone edits a threshold by hand in the saved book.
    let edited = text.replacen("≥ 5,000,000 CNY", "≥ 4,000,000 CNY", 1);
    assert_ne!(edited, text);
    let line = text
        .lines()
        .position(|l| l.contains("≥ 5,000,000 CNY"))
        .unwrap()
        + 1;
    std::fs::write(&path, edited).unwrap();
    let stale = run(&[
        "rules",
        "--pack",
        id,
        "--lang",
        "en",
        "--check",
        path_str(&path),
    ]);
    assert_eq!(code(&stale), 3);
    let message = stderr(&stale);
    assert!(
        message.contains(&format!("is stale: line {line} differs")),
        "{message}"
    );
    assert!(message.contains("4,000,000"), "{message}");
    assert!(
        message.contains("regenerate with: patent-intensive rules"),
        "{message}"
    );
}

#[test]
fn rules_in_json_carry_every_criterion() {
    let output = run(&[
        "rules",
        "--pack",
        "cn-pip/gb-t-46961-2025",
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 0);
    let book: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(book["format"], "patent-intensive/rule-book@1");
    let ids: Vec<&str> = book["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "B1", "B2", "B3", "B4"]
    );
    let unknown = run(&["rules", "--pack", "cn-pip/no-such-pack"]);
    assert_eq!(code(&unknown), 1);
    assert!(stderr(&unknown).contains("embedded packs: cn-pip/t-ppac-402-2022"));
}

/// The file name of a pack's committed rule book in one language.
fn rulebook_name(id: &str, lang: &str) -> String {
    format!("{}.{lang}.md", id.replace('/', "-"))
}

/// The rule books under docs/rulebook/ are what `rules` prints now. Set `UPDATE_RULEBOOK=1` to
/// rewrite them after a pack or the criteria catalogue changed.
#[test]
fn committed_rule_books_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rulebook");
    let update = std::env::var_os("UPDATE_RULEBOOK").is_some();
    let mut expected_files = Vec::new();
    let mut stale = Vec::new();
    for pack in pack::embedded() {
        for lang in ["zh", "en"] {
            let name = rulebook_name(&pack.id, lang);
            let output = run(&["rules", "--pack", &pack.id, "--lang", lang]);
            assert_eq!(code(&output), 0);
            let path = dir.join(&name);
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &output.stdout).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(&output.stdout[..]) {
                stale.push(format!(
                    "docs/rulebook/{name}: regenerate with `cargo run -p patent-intensive-cli -- rules --pack {} --lang {lang} > docs/rulebook/{name}`",
                    pack.id
                ));
            }
            expected_files.push(name);
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") && name != "README.md" && !expected_files.contains(&name) {
            stale.push(format!(
                "docs/rulebook/{name}: no embedded pack has this rule book; delete it"
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "stale rule books (or run `UPDATE_RULEBOOK=1 cargo test -p patent-intensive-cli --test cli committed_rule_books_are_current`):\n{}",
        stale.join("\n")
    );
}

// ---- test ---------------------------------------------------------------------------------

#[test]
fn test_runs_a_folder_of_cases_and_summarises() {
    let dir = temp_dir("conformance");
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases");
    let passing =
        std::fs::read_to_string(cases.join("b1-sales-exactly-5000000-pass.json")).unwrap();
    std::fs::write(dir.join("a-passing.json"), &passing).unwrap();
    let mut failing: Value = serde_json::from_str(&passing).unwrap();
    failing["expect"]["products"]["P1"]["criteria"]["B1"] = Value::String("fail".to_string());
    std::fs::write(dir.join("b-failing.json"), failing.to_string()).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a case").unwrap();

    let output = run(&["test", path_str(&dir)]);
    assert_ne!(code(&output), 0);
    assert_eq!(code(&output), 3);
    let text = stdout(&output);
    assert!(text.ends_with("1 passed, 1 failed\n"), "{text}");
    assert!(text.contains("FAIL  b-failing.json"), "{text}");
    assert!(text.contains("B1 pass, expected fail"), "{text}");
    assert!(!text.contains("a-passing.json"), "{text}");

    let verbose = run(&["test", path_str(&dir), "--verbose"]);
    assert!(stdout(&verbose).contains("ok    a-passing.json"));
}

#[test]
fn test_with_a_pack_of_other_values_shows_the_outcomes_it_changes() {
    let dir = temp_dir("conformance-pack");
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases");
    let case = cases.join("b1-sales-exactly-5000000-pass.json");
    let same = run(&["test", path_str(&case), "--pack", "cn-pip/t-ppac-402-2022"]);
    assert_eq!(code(&same), 0, "{}", stdout(&same));

    let embedded = pack::embedded_by_id("cn-pip/t-ppac-402-2022").unwrap();
    let mut official: Value = serde_json::from_str(&embedded.canonical).unwrap();
    let threshold = &mut official["benchmarks"][0]["thresholds"]["B1.sales_revenue"];
    threshold["value"] = Value::String("6000000".to_string());
    threshold["basis"] = Value::String("official".to_string());
    let pack_path = dir.join("official.json");
    std::fs::write(&pack_path, official.to_string()).unwrap();
    let changed = run(&["test", path_str(&case), "--pack", path_str(&pack_path)]);
    assert_eq!(code(&changed), 3);
    let text = stdout(&changed);
    assert!(text.contains("B1 fail, expected pass"), "{text}");
    assert!(text.ends_with("0 passed, 1 failed\n"), "{text}");
}

#[test]
fn test_passes_the_shipped_cases() {
    let cases = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/cases");
    let output = run(&["test", cases]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).ends_with(" passed, 0 failed\n"));
}

#[test]
fn test_without_cases_is_a_usage_error() {
    let dir = temp_dir("no-cases");
    let output = run(&["test", path_str(&dir)]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("no *.json case file"));
}

// ---- batch --------------------------------------------------------------------------------

#[test]
fn batch_keeps_order_and_reports_a_malformed_line_without_stopping() {
    let line = example_line();
    let input = format!("{line}\n{{\"format\": oops\n{line}\n");
    for jobs in ["1", "3"] {
        let output = run_with(&["batch", "--jobs", jobs], input.as_bytes(), &[]);
        assert_eq!(code(&output), 2, "{}", stderr(&output));
        assert!(
            stderr(&output).is_empty(),
            "no progress bar when stderr is not a terminal"
        );
        let text = stdout(&output);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        let single = stdout(&run(&["assess", EXAMPLE]));
        assert_eq!(format!("{}\n", lines[0]), single);
        assert_eq!(format!("{}\n", lines[2]), single);
        let middle: Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(middle["findings"][0]["code"], "invalid_json");
        assert_eq!(middle["products"], Value::Array(vec![]));
    }
}

#[test]
fn batch_reports_blank_lines_so_line_numbers_match() {
    let line = example_line();
    let dir = temp_dir("batch-blank");
    let path = dir.join("inputs.ndjson");
    // A blank line, a CRLF ending and no final newline.
    std::fs::write(&path, format!("{line}\n\n{line}\r\n{line}")).unwrap();
    let output = run(&["batch", path_str(&path)]);
    assert_eq!(code(&output), 2);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[1].contains("invalid_json"));
    assert_eq!(lines[0], lines[2]);
    assert_eq!(lines[0], lines[3]);
}

#[test]
fn batch_of_valid_lines_exits_0_and_many_lines_stay_in_order() {
    // Distinct inputs, so that any reordering would show.
    let mut input = String::new();
    let mut expected = Vec::new();
    let base: Value = serde_json::from_str(&example_line()).unwrap();
    for n in 0..300 {
        let mut value = base.clone();
        value["products"][0]["id"] = Value::String(format!("item-{n}"));
        input.push_str(&value.to_string());
        input.push('\n');
        expected.push(format!("item-{n}"));
    }
    let output = run_with(&["batch", "-", "--jobs", "4"], input.as_bytes(), &[]);
    assert_eq!(code(&output), 0);
    let ids: Vec<String> = stdout(&output)
        .lines()
        .map(|l| {
            let report: Value = serde_json::from_str(l).unwrap();
            report["products"][0]["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids, expected);
    let zero = run(&["batch", "--jobs", "0"]);
    assert_eq!(code(&zero), 1);
}

// ---- packs --------------------------------------------------------------------------------

#[test]
fn packs_lists_every_embedded_pack_with_its_digest() {
    let output = run(&["packs"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    for pack in pack::embedded() {
        assert!(text.contains(&pack.id));
        assert!(text.contains(&pack.sha256));
    }
    assert!(text.contains("thresholds: 0 official, 7 reference"));
    let json: Value = serde_json::from_str(&stdout(&run(&["packs", "--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), pack::embedded().len());
}

#[test]
fn exported_packs_parse_back_with_the_same_digest() {
    for embedded in pack::embedded() {
        let output = run(&["pack", "export", &embedded.id]);
        assert_eq!(code(&output), 0);
        let parsed = pack::parse_pack(&stdout(&output)).unwrap();
        assert_eq!(parsed.sha256, embedded.sha256);
        assert_eq!(parsed, embedded);

        let compact = run(&["pack", "export", &embedded.id, "--compact"]);
        assert_eq!(sha256_hex(&compact.stdout), embedded.sha256);
    }
    let unknown = run(&["pack", "export", "cn-pip/nope"]);
    assert_eq!(code(&unknown), 1);
    assert!(stderr(&unknown).contains("no embedded rule pack `cn-pip/nope`"));
}

#[test]
fn an_exported_pack_applies_like_the_embedded_one() {
    let dir = temp_dir("export-apply");
    let path = dir.join("pack.json");
    let export = run(&["pack", "export", "cn-pip/t-ppac-402-2022"]);
    std::fs::write(&path, &export.stdout).unwrap();
    let with_file = run(&["assess", EXAMPLE, "--pack", path_str(&path)]);
    let plain = run(&["assess", EXAMPLE]);
    assert_eq!(code(&with_file), 0);
    assert_eq!(with_file.stdout, plain.stdout);
}

// ---- pack check ---------------------------------------------------------------------------

#[test]
fn pack_check_prints_identity_and_the_rows_a_pack_adds() {
    let parsed = pack::parse_pack(&std::fs::read_to_string(CATEGORY_PACK).unwrap()).unwrap();
    let output = run(&["pack", "check", CATEGORY_PACK]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("valid rule pack:"), "{text}");
    assert!(text.contains("example/two-category-rows"), "{text}");
    assert!(text.contains("0.1.0-example"), "{text}");
    assert!(text.contains(&parsed.sha256), "{text}");
    assert!(
        text.contains("thresholds: 0 official, 21 reference"),
        "{text}"
    );
    assert!(
        text.contains("compared with the embedded pack cn-pip/t-ppac-402-2022 1.0.0"),
        "{text}"
    );
    assert!(text.contains("row C37 added"), "{text}");
    assert!(text.contains("row C40 added"), "{text}");
    assert!(
        text.contains("B1.sales_revenue ≥ 30000000 (reference)"),
        "{text}"
    );
    assert!(
        text.contains("B1.profit_margin ≥ -0.05 (reference)"),
        "{text}"
    );
    assert!(!text.contains("removed"), "{text}");

    let zh = run(&["--lang", "zh", "pack", "check", CATEGORY_PACK]);
    assert_eq!(code(&zh), 0);
    assert!(stdout(&zh).contains("新增基准行 C37"), "{}", stdout(&zh));
    assert!(stdout(&zh).contains("阈值：官方值 0 个，参考值 21 个"));
}

#[test]
fn pack_check_names_each_changed_value_and_basis() {
    let dir = temp_dir("pack-check-official");
    let embedded = pack::embedded_by_id("cn-pip/gb-t-46961-2025").unwrap();
    let mut value: Value = serde_json::from_str(&embedded.canonical).unwrap();
    value["id"] = Value::from("association/official-2026");
    let sales = &mut value["benchmarks"][0]["thresholds"]["B1.sales_revenue"];
    sales["value"] = Value::from("8000000");
    sales["basis"] = Value::from("official");
    sales["source"] = Value::from("GB/T 46961-2025 附录 A 表 A.1");
    value["parameters"]["min_counted_patents"]["value"] = Value::from(2);
    let mut removed = value["benchmarks"][0].clone();
    removed["category"] = Value::from("C37");
    value["benchmarks"] = Value::Array(vec![removed]);
    let path = dir.join("official.json");
    std::fs::write(&path, value.to_string()).unwrap();

    let output = run(&["pack", "check", path_str(&path)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    // No embedded pack has this id, so the comparison is with the pack for round 2026.
    assert!(
        text.contains("compared with the embedded pack cn-pip/gb-t-46961-2025"),
        "{text}"
    );
    assert!(
        text.contains("thresholds: 1 official, 6 reference"),
        "{text}"
    );
    assert!(
        text.contains("parameter min_counted_patents: 1 → 2\n"),
        "{text}"
    );
    assert!(text.contains("row * removed"), "{text}");
    assert!(text.contains("row C37 added"), "{text}");
    assert!(
        text.contains("B1.sales_revenue ≥ 8000000 (official)"),
        "{text}"
    );

    // Keeping the `*` row, the change is one threshold: value, basis and source.
    value["benchmarks"][0]["category"] = Value::from("*");
    std::fs::write(&path, value.to_string()).unwrap();
    let output = run(&["pack", "check", path_str(&path), "--json"]);
    assert_eq!(code(&output), 0);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["valid"], true);
    assert_eq!(json["compared_with"]["id"], "cn-pip/gb-t-46961-2025");
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[1]["kind"], "threshold");
    assert_eq!(changes[1]["category"], "*");
    assert_eq!(changes[1]["item"], "B1.sales_revenue");
    assert_eq!(changes[1]["old"]["value"], "5000000");
    assert_eq!(changes[1]["old"]["basis"], "reference");
    assert_eq!(changes[1]["new"]["value"], "8000000");
    assert_eq!(changes[1]["new"]["basis"], "official");
    let text = stdout(&run(&["pack", "check", path_str(&path)]));
    assert!(
        text.contains("row * B1.sales_revenue: 5000000 → 8000000; basis reference → official; source now GB/T 46961-2025 附录 A 表 A.1"),
        "{text}"
    );

    // The embedded pack itself: no difference.
    std::fs::write(&path, &embedded.canonical).unwrap();
    let same = stdout(&run(&["pack", "check", path_str(&path)]));
    assert!(same.contains("no difference"), "{same}");
}

#[test]
fn pack_check_lists_the_problems_of_an_invalid_pack_and_exits_2() {
    let dir = temp_dir("pack-check-invalid");
    let mut value: Value =
        serde_json::from_str(&std::fs::read_to_string(CATEGORY_PACK).unwrap()).unwrap();
    value["benchmarks"][1]["thresholds"]["B1.sales_revenue"]["value"] = Value::from("-1");
    value["benchmarks"][2]["category"] = Value::from("C37");
    let path = dir.join("bad.json");
    std::fs::write(&path, value.to_string()).unwrap();
    let output = run(&["pack", "check", path_str(&path)]);
    assert_eq!(code(&output), 2);
    let text = stdout(&output);
    assert!(text.starts_with("invalid rule pack:"), "{text}");
    assert!(
        text.contains("/benchmarks/1/thresholds/B1.sales_revenue/value  negative_money"),
        "{text}"
    );
    assert!(text.contains("(1 problem)"), "{text}");
    // A second row for the same category is a problem too.
    value["benchmarks"][1]["thresholds"]["B1.sales_revenue"]["value"] = Value::from("1");
    std::fs::write(&path, value.to_string()).unwrap();
    let output = run(&["pack", "check", path_str(&path)]);
    assert_eq!(code(&output), 2);
    assert!(
        stdout(&output).contains("/benchmarks/2/category  duplicate_product"),
        "{}",
        stdout(&output)
    );
    let json: Value =
        serde_json::from_str(&stdout(&run(&["pack", "check", path_str(&path), "--json"]))).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(json["pack"], Value::Null);
    assert_eq!(json["findings"][0]["path"], "/benchmarks/2/category");

    std::fs::write(&path, b"\xff\xfe not text").unwrap();
    let output = run(&["pack", "check", path_str(&path)]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).contains("not UTF-8"));

    assert_eq!(code(&run(&["pack", "check"])), 1);
    assert_eq!(code(&run(&["pack", "check", "/no/such/pack.json"])), 1);
    assert_eq!(code(&run(&["pack", "frobnicate"])), 1);
}

#[test]
fn a_report_made_with_another_pack_verifies_with_it_and_names_it_without() {
    let dir = temp_dir("verify-other-pack");
    let parsed = pack::parse_pack(&std::fs::read_to_string(CATEGORY_PACK).unwrap()).unwrap();
    let output = run(&["assess", CATEGORY_INPUT, "--pack", CATEGORY_PACK]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let report_path = dir.join("report.json");
    std::fs::write(&report_path, &output.stdout).unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["products"][0]["benchmark_category"], "C37");
    assert_eq!(report["products"][1]["benchmark_category"], "C40");

    let with = run(&[
        "verify",
        "--input",
        CATEGORY_INPUT,
        path_str(&report_path),
        "--pack",
        CATEGORY_PACK,
    ]);
    assert_eq!(code(&with), 0, "{}", stdout(&with));
    assert!(stdout(&with).contains("(from a file)"), "{}", stdout(&with));

    let without = run(&["verify", "--input", CATEGORY_INPUT, path_str(&report_path)]);
    assert_eq!(code(&without), 2);
    let text = stderr(&without);
    assert!(
        text.contains(&format!(
            "the report needs rule pack `example/two-category-rows` version 0.1.0-example (sha256 {})",
            parsed.sha256
        )),
        "{text}"
    );
    assert!(text.contains("not embedded"), "{text}");
    let zh = run_with(
        &["verify", "--input", CATEGORY_INPUT, path_str(&report_path)],
        b"",
        &[("LANG", "zh_CN.UTF-8")],
    );
    assert!(
        stderr(&zh).contains("报告所用规则包为 `example/two-category-rows` 版本 0.1.0-example"),
        "{}",
        stderr(&zh)
    );
}

// ---- --detail (report version 2) ------------------------------------------------------------

#[test]
fn assess_detail_verdicts_keeps_only_ids_verdicts_gaps_findings_and_identities() {
    let full: Value = serde_json::from_str(&stdout(&run(&["assess", EXAMPLE]))).unwrap();
    let output = run(&["assess", EXAMPLE, "--detail", "verdicts"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    // `detail` right after `format`, in the bytes.
    assert!(stdout(&output)
        .starts_with(r#"{"format":"patent-intensive/assessment-report@2","detail":"verdicts","#));
    let short: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(short["format"], "patent-intensive/assessment-report@2");
    assert_eq!(full["detail"], "full");
    assert_eq!(short["detail"], "verdicts");
    let keys: Vec<&str> = short
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "detail",
            "engine",
            "findings",
            "format",
            "input_sha256",
            "pack",
            "products"
        ]
    );
    for name in ["engine", "pack", "input_sha256", "findings"] {
        assert_eq!(short[name], full[name], "{name}");
    }
    // P2 fails: the verdicts, and the gaps exactly as the full report words them.
    let (p_full, p_short) = (&full["products"][1], &short["products"][1]);
    assert_eq!(p_short["id"], "P2");
    assert_eq!(p_short["verdict"], p_full["verdict"]);
    for (c_full, c_short) in p_full["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .zip(p_short["criteria"].as_array().unwrap())
    {
        assert_eq!(c_short.as_object().unwrap().len(), 3, "{c_short}");
        for name in ["id", "verdict", "gap"] {
            assert_eq!(c_short[name], c_full[name]);
        }
    }
    assert!(p_short["criteria"][7]["gap"]["en"].is_string());
    assert_eq!(
        p_short["outlook"]["holds_through"],
        p_full["outlook"]["holds_through"]
    );
    assert!(p_short.get("summary").is_none() && short.get("catalogue").is_none());
}

#[test]
fn an_unknown_detail_is_a_usage_error() {
    for args in [
        &["assess", EXAMPLE, "--detail", "brief"][..],
        &["batch", "--detail", "all"][..],
        &["assess", EXAMPLE, "--detail"][..],
        &["assess", EXAMPLE, "--detail", "full", "--detail", "full"][..],
    ] {
        let output = run(args);
        assert_eq!(code(&output), 1, "{args:?}");
        assert!(stdout(&output).is_empty(), "{args:?}");
        assert!(
            stderr(&output).contains("--detail"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn batch_detail_verdicts_gives_what_assess_gives_per_line() {
    let line = example_line();
    let input = format!("{line}\n{line}\n");
    let output = run_with(&["batch", "--detail", "verdicts"], input.as_bytes(), &[]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let single = stdout(&run(&["assess", EXAMPLE, "--detail", "verdicts"]));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        assert_eq!(format!("{line}\n"), single);
    }
}

#[test]
fn verify_checks_a_verdicts_report_too() {
    let dir = temp_dir("verify-verdicts");
    let path = dir.join("verdicts.json");
    let output = run(&["assess", EXAMPLE, "--detail", "verdicts"]);
    std::fs::write(&path, &output.stdout).unwrap();
    let output = run(&["verify", "--input", EXAMPLE, path_str(&path)]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).starts_with("verified:"));

    let original = std::fs::read_to_string(&path).unwrap();
    let tampered = original.replacen(r#""verdict":"qualifies""#, r#""verdict":"undetermined""#, 1);
    assert_ne!(tampered, original);
    std::fs::write(&path, tampered).unwrap();
    let output = run(&["verify", "--input", EXAMPLE, path_str(&path), "--json"]);
    assert_eq!(code(&output), 3);
    let verdict: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(verdict["differences"][0]["path"], "/products/0/verdict");
}
