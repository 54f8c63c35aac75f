//! Native side of scripts/bench.sh: writes the benchmark inputs to a folder (so the WebAssembly
//! side assesses the very same text) and prints the native timings as JSON lines. Every case is
//! timed with a prepared `Assessor` (the embedded packs parsed once); the one-assessment case also
//! with the free `assess`, which parses the pack it needs on every call.
//! `cargo run --release --example bench -- OUT_DIR`

// A tool around the core, not the core: it reads and writes files and times runs in milliseconds
// (clippy.toml bans IO, clocks and floats in the core).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::fmt::Write as _;
use std::time::Instant;

use patent_intensive::validate::patent_number::check_character;
use patent_intensive::{assess, Assessor, Options, Report};

/// An input with `products` products and `patents` patents, each product linking its share.
fn portfolio(products: usize, patents: usize) -> String {
    let mut out = String::from(
        r#"{"format":"patent-intensive/assessment-input@1","round_year":2025,"reference_date":"2025-09-30","pack":null,"filer":{"name":"福州示例智能装备有限公司","uscc":"914403001922038216","org_type":"enterprise","independent_legal_person":true},"patents":["#,
    );
    let numbers: Vec<String> = (0..patents)
        .map(|i| {
            let digits = format!("{}1{:07}", 2015 + i % 6, 100_000 + i);
            let check = check_character(&digits).unwrap_or('0');
            format!("{digits}.{check}")
        })
        .collect();
    for (i, number) in numbers.iter().enumerate() {
        let comma = if i == 0 { "" } else { "," };
        let year = 2015 + i % 6;
        let _ = write!(
            out,
            r#"{comma}{{"number":"ZL {number}","type":"invention","title":"一种状态监测方法 {i}","filing_date":"{year}-03-01","grant_date":"{}-06-01","legal_status":"valid","owners":[{{"name":"福州示例智能装备有限公司"}}],"strategic_emerging_industry":{}}}"#,
            year + 2,
            i % 3 == 0
        );
    }
    out.push_str(r#"],"products":["#);
    let per_product = (patents / products.max(1)).max(1);
    for p in 0..products {
        let comma = if p == 0 { "" } else { "," };
        let _ = write!(
            out,
            r#"{comma}{{"id":"P{p}","name":"智能终端 {p}","category":"C3720","status":"on_market","filer_role":"manufacturer_and_seller","patents":["#
        );
        for k in 0..per_product {
            let index = (p * per_product + k) % numbers.len();
            let number = numbers.get(index).map_or("", String::as_str);
            let comma = if k == 0 { "" } else { "," };
            let _ = write!(out, r#"{comma}{{"number":"{number}","core":{}}}"#, k == 0);
        }
        let _ = write!(
            out,
            r#"],"economics":[{{"year":2024,"unit":"wan","sales_revenue":"{}","export_revenue":"150","profit":"410.5","ip_investment":"96","patent_attributable_revenue":"1900"}},{{"year":2023,"unit":"wan","sales_revenue":"2900"}}],"core_features":5,"covered_core_features":4}}"#,
            3200 + p
        );
    }
    out.push_str("]}");
    out
}

/// Mean time per call in microseconds over enough calls to take about `budget_ms`.
fn time(input: &str, budget_ms: u128, assess: impl Fn(&str, &Options) -> Report) -> (f64, usize) {
    let options = Options::default();
    let start = Instant::now();
    let mut runs = 0;
    while runs < 3 || start.elapsed().as_millis() < budget_ms {
        std::hint::black_box(assess(std::hint::black_box(input), &options).to_json());
        runs += 1;
    }
    (start.elapsed().as_secs_f64() * 1e6 / runs as f64, runs)
}

/// The outlook alone (every product's, computed and written as JSON) against the whole
/// assessment that includes it: the outlook's share is what it adds to the assessment without it.
#[allow(clippy::print_stdout)] // the timings are this tool's output
fn outlook_share(name: &str, input: &str, assessment_micros: f64) {
    let outcome = patent_intensive::input::read(input);
    let (Some(input), Some(pack)) = (
        outcome.input,
        patent_intensive::pack::embedded_for_round(2025),
    ) else {
        return;
    };
    let start = Instant::now();
    let mut runs = 0;
    while runs < 3 || start.elapsed().as_millis() < 3000 {
        let outlooks = patent_intensive::rules::outlook::outlooks(&input, &pack);
        std::hint::black_box(serde_json::to_string(&outlooks).unwrap_or_default());
        runs += 1;
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / runs as f64;
    let without = assessment_micros - micros;
    let added = 100.0 * micros / without;
    println!(
        r#"{{"name":"outlook-{name}","micros":{micros:.1},"runs":{runs},"assessment_micros":{assessment_micros:.1},"added_percent":{added:.1}}}"#
    );
}

#[allow(clippy::print_stdout)] // the timings are this tool's output
fn main() -> std::io::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench".into());
    std::fs::create_dir_all(&out)?;
    for (name, products, patents, budget_ms) in [
        ("one", 1, 5, 2000),
        ("portfolio-100x1000", 100, 1000, 3000),
        ("portfolio-1000x10000", 1000, 10000, 5000),
    ] {
        let input = portfolio(products, patents);
        std::fs::write(format!("{out}/{name}.json"), &input)?;
        let report = assess(&input, &Options::default());
        assert!(
            !report.has_errors(),
            "{name}: {:?}",
            report.findings.first()
        );
        assert_eq!(report.products.len(), products);
        let assessor = Assessor::new();
        let (micros, runs) = time(&input, budget_ms, |input, options| {
            assessor.assess(input, options)
        });
        println!(
            r#"{{"name":"{name}","products":{products},"patents":{patents},"micros":{micros:.1},"runs":{runs},"bytes":{}}}"#,
            input.len()
        );
        if name == "portfolio-1000x10000" {
            outlook_share(name, &input, micros);
        }
        if name == "one" {
            let (micros, runs) = time(&input, budget_ms, assess);
            println!(
                r#"{{"name":"one-unprepared","products":{products},"patents":{patents},"micros":{micros:.1},"runs":{runs},"bytes":{}}}"#,
                input.len()
            );
        }
    }
    Ok(())
}
