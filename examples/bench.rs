//! Native side of scripts/bench.sh: writes the benchmark inputs to a folder (so the WebAssembly
//! side and the plain-JS baseline assess the very same text) and prints the native figures as
//! JSON lines. Every case is timed with a prepared `Assessor` (the embedded packs parsed once),
//! whole (`assess(..).to_json()`) and split into its phases; the worked example also with the free
//! `assess`, which parses the pack it needs on every call. Not a test: nothing is asserted on time.
//!
//! `cargo run --release --example bench -- OUT_DIR` writes the inputs and prints the timings;
//! `cargo run --release --example bench -- --memory FILE [full|verdicts]` assesses FILE once and
//! prints the process's peak resident memory (Linux `VmHWM`), so each case's peak is its own.

// A tool around the core, not the core: it reads and writes files and times runs in milliseconds
// (clippy.toml bans IO, clocks and floats in the core).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::fmt::Write as _;
use std::time::Instant;

use patent_intensive::ids::patent_number::check_character;
use patent_intensive::{assess, Assessor, Detail, Options};

/// The allocator the CLI ships with (cli/src/main.rs), so the native figures are the CLI's: the
/// library sets none of its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The cases: name, products, patents, time budget in ms. `worked` is the worked example
/// (examples/fuzhou-bogie-monitor.json), the others generated portfolios.
const CASES: [(&str, usize, usize, u128); 4] = [
    ("worked", 2, 3, 2000),
    ("portfolio-100x1000", 100, 1000, 3000),
    ("portfolio-1000x10000", 1000, 10000, 5000),
    ("portfolio-5000x50000", 5000, 50000, 5000),
];

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

/// Mean time of `work` in microseconds over enough calls to take about `budget_ms` (at least
/// `min_runs`).
fn time<T>(budget_ms: u128, min_runs: usize, work: impl FnMut() -> T) -> (f64, usize) {
    let (micros, _, runs) = time_cpu(budget_ms, min_runs, work);
    (micros, runs)
}

/// As [`time`], with the CPU time this thread used per call beside the wall-clock time: on a
/// machine shared with other work the wall clock moves by tens of per cent, the CPU time far less.
fn time_cpu<T>(budget_ms: u128, min_runs: usize, mut work: impl FnMut() -> T) -> (f64, f64, usize) {
    let start = Instant::now();
    let cpu_start = thread_cpu_nanos();
    let mut runs = 0;
    while runs < min_runs || start.elapsed().as_millis() < budget_ms {
        std::hint::black_box(work());
        runs += 1;
    }
    let wall = start.elapsed().as_secs_f64() * 1e6 / runs as f64;
    let cpu = match (cpu_start, thread_cpu_nanos()) {
        (Some(a), Some(b)) => b.saturating_sub(a) as f64 / 1e3 / runs as f64,
        _ => f64::NAN,
    };
    (wall, cpu, runs)
}

/// CPU time this thread has run, in nanoseconds (Linux `/proc/thread-self/schedstat`), if known.
fn thread_cpu_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn options(detail: Detail) -> Options {
    Options {
        detail,
        ..Options::default()
    }
}

/// Peak resident memory of this process in KiB (Linux), if known.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[allow(clippy::print_stdout)] // the figures are this tool's output
fn memory(file: &str, detail: &str) -> std::io::Result<()> {
    let input = std::fs::read_to_string(file)?;
    let before = peak_kib();
    let assessor = Assessor::new();
    let detail = Detail::parse(detail).unwrap_or(Detail::Full);
    let bytes = assessor.assess(&input, &options(detail)).to_json().len();
    let peak = peak_kib();
    let show = |v: Option<u64>| v.map_or("null".to_string(), |v| v.to_string());
    println!(
        r#"{{"input_bytes":{},"report_bytes":{bytes},"peak_kib_before":{},"peak_kib":{}}}"#,
        input.len(),
        show(before),
        show(peak)
    );
    Ok(())
}

/// One case: the whole assessment, its phases, and the report bytes of both details.
#[allow(clippy::print_stdout)] // the figures are this tool's output
fn case(name: &str, input: &str, products: usize, patents: usize, budget_ms: u128) {
    let assessor = Assessor::new();
    let full = assessor.assess(input, &Options::default());
    if full.has_errors() || full.products.len() != products {
        println!(
            r#"{{"name":"{name}","error":"the input was not assessed: {}"}}"#,
            full.findings
                .first()
                .map_or(String::new(), |f| f.code.as_str().to_string())
        );
        return;
    }
    let full_bytes = full.to_json().len();
    let verdicts_bytes = assessor
        .assess(input, &options(Detail::Verdicts))
        .to_json()
        .len();
    let min_runs = if patents >= 50_000 { 1 } else { 3 };
    let (micros, cpu_micros, runs) = time_cpu(budget_ms, min_runs, || {
        assessor.assess(input, &Options::default()).to_json()
    });
    let (verdicts_micros, _) = time(budget_ms / 2, min_runs, || {
        assessor.assess(input, &options(Detail::Verdicts)).to_json()
    });

    // Phases, each timed on its own (the same calls `assess` makes, through the public modules).
    let phase_budget = budget_ms / 4;
    let (read_micros, _) = time(phase_budget, min_runs, || {
        patent_intensive::read::json::read(input)
    });
    let (model_micros, _) = time(phase_budget, min_runs, || {
        patent_intensive::input::read(input)
    });
    let (digest_micros, _) = match patent_intensive::read::json::read(input) {
        Ok(document) => time(phase_budget, min_runs, || {
            patent_intensive::canonical::canonical_sha256_hex(&document.value)
        }),
        Err(_) => (0.0, 0),
    };
    let outcome = patent_intensive::input::read(input);
    let pack = outcome
        .input
        .as_ref()
        .and_then(|model| patent_intensive::pack::embedded_for_round(model.round_year));
    let (rules_micros, _) = match (&outcome.input, &pack) {
        (Some(model), Some(pack)) => time(phase_budget, min_runs, || {
            patent_intensive::rules::evaluate(model, pack)
        }),
        _ => (0.0, 0),
    };
    // The outlook (rules.md §6) alone, part of `rules`: every product's, computed.
    let (outlook_micros, _) = match (&outcome.input, &pack) {
        (Some(model), Some(pack)) => time(phase_budget, min_runs, || {
            patent_intensive::rules::outlook::outlooks(model, pack)
        }),
        _ => (0.0, 0),
    };
    let (write_micros, _) = time(phase_budget, min_runs, || full.to_json());
    println!(
        r#"{{"name":"{name}","products":{products},"patents":{patents},"input_bytes":{},"micros":{micros:.1},"cpu_micros":{cpu_micros:.1},"runs":{runs},"verdicts_micros":{verdicts_micros:.1},"report_bytes":{full_bytes},"verdicts_report_bytes":{verdicts_bytes},"phases":{{"json":{read_micros:.1},"model":{:.1},"digest":{digest_micros:.1},"rules":{rules_micros:.1},"outlook":{outlook_micros:.1},"write":{write_micros:.1}}}}}"#,
        input.len(),
        (model_micros - read_micros).max(0.0),
    );
    if name == "worked" {
        let (micros, runs) = time(budget_ms, 3, || {
            assess(input, &Options::default()).to_json()
        });
        println!(
            r#"{{"name":"worked-unprepared","products":{products},"patents":{patents},"micros":{micros:.1},"runs":{runs}}}"#
        );
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--memory") {
        let file = args.get(1).map_or("", String::as_str);
        let detail = args.get(2).map_or("full", String::as_str);
        return memory(file, detail);
    }
    let out = args
        .first()
        .cloned()
        .unwrap_or_else(|| "target/bench".into());
    // Only these cases (names containing any of the words), when given: for profiling.
    let only: Vec<&String> = args.iter().skip(1).collect();
    std::fs::create_dir_all(&out)?;
    for (name, products, patents, budget_ms) in CASES {
        if !only.is_empty() && !only.iter().any(|w| name.contains(w.as_str())) {
            continue;
        }
        let input = if name == "worked" {
            std::fs::read_to_string("examples/fuzhou-bogie-monitor.json")?
        } else {
            portfolio(products, patents)
        };
        std::fs::write(format!("{out}/{name}.json"), &input)?;
        case(name, &input, products, patents, budget_ms);
    }
    Ok(())
}
