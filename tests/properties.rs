//! Properties checked on generated inputs (proptest):
//!
//! 1. Whatever the input — any JSON value, any text, any bytes, or a valid document with parts
//!    replaced by arbitrary values — `assess` returns a report without panicking. A report with
//!    an error has no product results; one without has a result for every product of the input
//!    (so an empty `products` array gives neither products nor an error, only a warning). Every
//!    finding's path points into the input (`""` for input that is not JSON), except that a
//!    missing member (`required`, `fx_rate_required`) is pointed at where it belongs, in an
//!    object that exists.
//! 2. Any well-typed document is assessed in full: no error, one result per product, the 11
//!    criteria in order, a verdict that follows from them, the same bytes every time, and the same
//!    input digest and report whatever the order of the members in the JSON text.
//! 3. Every accepted spelling of a valid CN application number normalises to its one canonical
//!    form.
//! 4. The patent list import never panics, reports only rows the file has, and imports every
//!    well-formed row of a generated export.
//!
//! The engine reads JSON with its own reader; property 1 also checks that it takes as JSON exactly
//! what serde_json takes, and reads the same value.
//!
//! Check characters of generated numbers and credit codes are computed here from the formulas of
//! rules.md §5, not with the library's own functions, so the properties test those as well.

// Test code: a failed unwrap or index is a failed property, reported by proptest with its input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;

use patent_intensive::canonical::{canonical_json, sha256_hex};
use patent_intensive::date::Date;
use patent_intensive::ids::patent_number::normalise;
use patent_intensive::import::import_patents_csv;
use patent_intensive::{assess, Options, Report};
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------------
// Check characters (rules.md §5), computed independently of the library.

const PATENT_WEIGHTS: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

fn patent_check(digits: &str) -> char {
    let sum: u32 = digits
        .chars()
        .zip(PATENT_WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap() * w)
        .sum();
    match sum % 11 {
        10 => 'X',
        r => char::from_digit(r, 10).unwrap(),
    }
}

const USCC_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [usize; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

fn uscc() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..USCC_ALPHABET.len(), 17).prop_map(|values| {
        let sum: usize = values.iter().zip(USCC_WEIGHTS).map(|(v, w)| v * w).sum();
        let check = (31 - sum % 31) % 31;
        values
            .iter()
            .chain(std::iter::once(&check))
            .map(|&v| char::from(USCC_ALPHABET[v]))
            .collect()
    })
}

// ---------------------------------------------------------------------------------------------
// CN application numbers and their spellings.

#[derive(Clone, Debug)]
struct CnNumber {
    canonical: String,
    kind: &'static str,
    filing_year: i32,
}

/// A valid number; new-form numbers have filing years in `years` (old-form ones 1985–2003).
fn cn_number(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = CnNumber> {
    let type_digit = || {
        select(vec![
            ('1', "invention"),
            ('8', "invention"),
            ('2', "utility_model"),
            ('9', "utility_model"),
            ('3', "design"),
        ])
    };
    // 12 digits from 2003 on; 8 digits from 1985 to 2003 (two-digit years 85–99 and 00–03).
    let new_form = (years, type_digit(), 0u32..10_000_000)
        .prop_map(|(year, (t, kind), serial)| (format!("{year}{t}{serial:07}"), kind, year));
    let old_form = (
        prop_oneof![85i32..=99, 0i32..=3],
        type_digit(),
        0u32..100_000,
    )
        .prop_map(|(two, (t, kind), serial)| {
            let year = if two >= 85 { 1900 + two } else { 2000 + two };
            (format!("{two:02}{t}{serial:05}"), kind, year)
        });
    prop_oneof![5 => new_form, 1 => old_form].prop_map(|(digits, kind, filing_year)| {
        let check = patent_check(&digits);
        CnNumber {
            canonical: format!("{digits}.{check}"),
            kind,
            filing_year,
        }
    })
}

const PREFIXES: &[&str] = &[
    "", "", "ZL", "CN", "zl", "cn", "Zl", "ZL ", " ZL", "ＺＬ", "ＣＮ", "ｚｌ",
];
// No tab: a control character in a number is refused (input-format.md, "Interoperability and
// limits"); cli/tests/hostile.rs and the conformance cases cover that.
const SPACES: &[&str] = &[" ", "\u{3000}", "\u{a0}", "  "];

/// A spelling of `number` a filer might type or paste: a prefix, spaces, full-width characters,
/// a lower-case x, a missing dot.
fn spelling_of(number: &CnNumber) -> impl Strategy<Value = String> {
    let canonical = number.canonical.clone();
    let length = canonical.chars().count();
    (
        select(PREFIXES),
        proptest::collection::vec((0u8..5, 0u8..8), length),
        any::<bool>(),
    )
        .prop_map(move |(prefix, flags, drop_dot)| {
            let mut out = prefix.to_string();
            for (c, (width, space)) in canonical.chars().zip(flags) {
                if c == '.' && drop_dot {
                    continue;
                }
                let c = match (c, width) {
                    ('X', 2) => 'x',
                    ('X', 3) => 'ｘ',
                    (c, 1 | 3) => char::from_u32(u32::from(c) + 0xFEE0).unwrap(),
                    (c, _) => c,
                };
                out.push(c);
                if let Some(space) = SPACES.get(usize::from(space)) {
                    out.push_str(space);
                }
            }
            out
        })
}

fn number_and_spelling(
    years: std::ops::RangeInclusive<i32>,
) -> impl Strategy<Value = (CnNumber, String)> {
    cn_number(years).prop_flat_map(|number| {
        let spelling = spelling_of(&number);
        (Just(number), spelling)
    })
}

// ---------------------------------------------------------------------------------------------
// Well-typed assessment inputs.

fn date_in(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = Date> {
    (years, 1u8..=12, 1u8..=31).prop_map(|(year, month, day)| {
        Date::new(year, month, day)
            .or_else(|| Date::new(year, month, 28))
            .unwrap()
    })
}

/// Organisations with their credit codes: parties are mostly drawn from here, with the code
/// that belongs to the name or none, so that owners and licensees often are the filer.
const ORGANISATIONS: &[(&str, &str)] = &[
    ("福州示例智能装备有限公司", "914403001922038216"),
    ("福州示例智能装备有限公司 ", "914403001922038216"),
    ("福建示例轨道研究院", "12350000MB0123456W"),
    ("Example Co.", "91350100MA2XYY123X"),
];

/// A party's name and credit code.
fn organisation() -> impl Strategy<Value = (String, Option<String>)> {
    prop_oneof![
        4 => (select(ORGANISATIONS), any::<bool>()).prop_map(|((name, code), with_code)| {
            (name.to_string(), with_code.then(|| code.to_string()))
        }),
        1 => (
            "[A-Za-z\\p{Han}（）][A-Za-z0-9 \\p{Han}()（）]{0,15}",
            proptest::option::of(uscc()),
        ),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,20}", any::<String>()]
}

/// Inserts `value` under `key` when it is `Some`; `Some(Value::Null)` writes an explicit null,
/// which the format reads as absent.
fn put(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        object.insert(key.to_string(), value);
    }
}

fn party() -> impl Strategy<Value = Value> {
    let filer = any::<bool>().prop_map(|with_code| {
        let (name, code) = ORGANISATIONS[0];
        (name.to_string(), with_code.then(|| code.to_string()))
    });
    prop_oneof![1 => filer, 1 => organisation()].prop_map(|(name, uscc)| {
        let mut party = Map::new();
        party.insert("name".into(), json!(name));
        put(&mut party, "uscc", uscc.map(Value::from));
        Value::Object(party)
    })
}

fn licence() -> impl Strategy<Value = Value> {
    (
        party(),
        select(vec!["exclusive", "sole", "ordinary", "open"]),
        proptest::option::of(prop_oneof![4 => date_in(2000..=2030), 1 => date_in(1..=9999)]),
        proptest::option::of(prop_oneof![4 => 0i64..5000, 1 => 0i64..4_000_000]),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(licensee, kind, start, length, recorded)| {
            let mut licence = Map::new();
            licence.insert("licensee".into(), licensee);
            licence.insert("kind".into(), json!(kind));
            let end = match (start, length) {
                (Some(start), Some(days)) => start.add_days(days),
                (None, Some(days)) => Date::new(2020, 1, 1).unwrap().add_days(days),
                _ => None,
            };
            put(&mut licence, "start", start.map(|d| json!(d.to_string())));
            put(&mut licence, "end", end.map(|d| json!(d.to_string())));
            put(&mut licence, "recorded", recorded.map(Value::from));
            Value::Object(licence)
        })
}

const LEGAL_STATUSES: &[&str] = &[
    "pending",
    "valid",
    "expired",
    "lapsed",
    "invalidated",
    "abandoned",
    "rejected",
];

/// The fields every patent may carry besides its number, type, jurisdiction and dates.
fn patent_details() -> impl Strategy<Value = Map<String, Value>> {
    (
        proptest::option::of(text()),
        prop_oneof![3 => Just("valid"), 1 => select(LEGAL_STATUSES)],
        proptest::option::weighted(0.9, proptest::collection::vec(party(), 1..3)),
        proptest::option::of(proptest::collection::vec(licence(), 0..3)),
        proptest::option::of(prop_oneof![4 => 0u32..2000, 1 => any::<u32>(), 1 => Just(u32::MAX)]),
        proptest::collection::vec(proptest::option::of(any::<bool>()), 3),
        proptest::option::of(proptest::collection::vec(text(), 0..2)),
    )
        .prop_map(
            |(title, status, owners, licences, extension, flags, awards)| {
                let mut patent = Map::new();
                put(&mut patent, "title", title.map(Value::from));
                patent.insert("legal_status".into(), json!(status));
                put(&mut patent, "owners", owners.map(Value::from));
                put(&mut patent, "licences", licences.map(Value::from));
                put(
                    &mut patent,
                    "term_extension_days",
                    extension.map(Value::from),
                );
                for (key, flag) in [
                    "foreign_family_granted",
                    "strategic_emerging_industry",
                    "pledged",
                ]
                .into_iter()
                .zip(flags)
                {
                    put(&mut patent, key, flag.map(Value::from));
                }
                put(&mut patent, "awards", awards.map(Value::from));
                patent
            },
        )
}

/// A declared patent and the spellings a product may link it by.
#[derive(Clone, Debug)]
struct GeneratedPatent {
    key: String,
    json: Value,
    link_spellings: Vec<String>,
}

fn cn_patent() -> impl Strategy<Value = GeneratedPatent> {
    number_and_spelling(2012..=2022).prop_flat_map(|(number, spelling)| {
        let year = number.filing_year;
        (
            Just(number.clone()),
            Just(spelling),
            proptest::collection::vec(spelling_of(&number), 1..3),
            any::<bool>(),
            select(vec![None, Some("CN"), Some("cn"), Some(" CN ")]),
            date_in(year..=year),
            proptest::option::weighted(0.85, 0i64..2000),
            patent_details(),
        )
            .prop_map(
                |(
                    number,
                    spelling,
                    links,
                    declare_type,
                    jurisdiction,
                    filed,
                    grant_after,
                    mut json,
                )| {
                    json.insert("number".into(), json!(spelling));
                    if declare_type {
                        json.insert("type".into(), json!(number.kind));
                    }
                    put(&mut json, "jurisdiction", jurisdiction.map(Value::from));
                    json.insert("filing_date".into(), json!(filed.to_string()));
                    let grant = grant_after.and_then(|days| filed.add_days(days));
                    put(&mut json, "grant_date", grant.map(|d| json!(d.to_string())));
                    GeneratedPatent {
                        key: number.canonical,
                        json: Value::Object(json),
                        link_spellings: links,
                    }
                },
            )
    })
}

fn foreign_patent() -> impl Strategy<Value = GeneratedPatent> {
    (
        select(vec!["US", "EP", "JP", "KR"]),
        1_000_000u32..99_999_999,
        proptest::option::of(select(vec!["invention", "utility_model", "design"])),
        proptest::option::of(date_in(1995..=2024)),
        patent_details(),
    )
        .prop_map(|(office, serial, kind, filed, mut json)| {
            let number = format!("{office}{serial}B2");
            json.insert("number".into(), json!(number));
            json.insert("jurisdiction".into(), json!(office));
            put(&mut json, "type", kind.map(Value::from));
            put(
                &mut json,
                "filing_date",
                filed.map(|d| json!(d.to_string())),
            );
            GeneratedPatent {
                key: number.clone(),
                link_spellings: vec![number.clone(), number.to_lowercase()],
                json: Value::Object(json),
            }
        })
}

/// Distinct patents (by the key links resolve by).
fn patents() -> impl Strategy<Value = Vec<GeneratedPatent>> {
    proptest::collection::vec(prop_oneof![5 => cn_patent(), 1 => foreign_patent()], 0..6).prop_map(
        |patents| {
            let mut keys = BTreeSet::new();
            patents
                .into_iter()
                .filter(|p| keys.insert(p.key.clone()))
                .collect()
        },
    )
}

/// An amount in millionths, written in one of the accepted ways: a decimal string (with or
/// without trailing zeros or an exponent) or a JSON number (plain or with an exponent).
fn amount(micros: i128, style: u8) -> Value {
    let negative = micros < 0;
    let magnitude = micros.unsigned_abs();
    let (whole, fraction) = (magnitude / 1_000_000, magnitude % 1_000_000);
    let sign = if negative { "-" } else { "" };
    let padded = format!("{fraction:06}");
    let trimmed = padded.trim_end_matches('0');
    let plain = if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{trimmed}")
    };
    // An unquoted amount must be exactly a double (input-format.md, "Interoperability and
    // limits"): up to 15 significant digits always is; a longer one is written as a string.
    let significant = magnitude.to_string().trim_end_matches('0').len();
    let style = if significant > 15 && style % 5 >= 3 {
        0
    } else {
        style
    };
    match style % 5 {
        0 => json!(plain),
        1 => json!(format!("{sign}{whole}.{padded}")),
        2 => json!(format!("{micros}E-6")),
        3 => serde_json::from_str(&plain).unwrap(),
        _ => serde_json::from_str(&format!("{micros}e-6")).unwrap(),
    }
}

fn economics_row(year: i32) -> impl Strategy<Value = Value> {
    let unit = select(vec![None, Some("yuan"), Some("wan"), Some("yi")]);
    let currency = prop_oneof![
        Just((None, None)),
        Just((Some("CNY"), None)),
        (1u64..=100_000_000_000).prop_map(|rate| (Some("USD"), Some(rate))),
    ];
    (unit, currency).prop_flat_map(move |(unit, (currency, rate))| {
        // Keeps every amount under the accepted 10^15 CNY whatever its unit and rate (< 10).
        let limit: i128 = match unit {
            Some("yi") => 1_000_000,
            Some("wan") => 100_000_000,
            _ => 10_000_000_000,
        } * 1_000_000;
        (
            Just((unit, currency, rate)),
            0..limit,
            proptest::option::weighted(0.8, 0u32..=100),
            proptest::option::weighted(0.9, -limit + 1..limit),
            proptest::option::weighted(0.9, 0..limit),
            proptest::option::weighted(0.9, 0u32..=100),
            proptest::collection::vec(0u8..5, 5),
        )
            .prop_map(
                move |((unit, currency, rate), sales, export, profit, ip, attributable, styles)| {
                    let part = |percent: u32| sales * i128::from(percent) / 100;
                    let mut row = Map::new();
                    row.insert("year".into(), json!(year));
                    put(&mut row, "unit", unit.map(Value::from));
                    put(&mut row, "currency", currency.map(Value::from));
                    if let Some(rate) = rate {
                        let rate =
                            format!("{}.{:010}", rate / 10_000_000_000, rate % 10_000_000_000);
                        row.insert("fx_rate_to_cny".into(), json!(rate));
                    }
                    row.insert("sales_revenue".into(), amount(sales, styles[0]));
                    put(
                        &mut row,
                        "export_revenue",
                        export.map(|p| amount(part(p), styles[1])),
                    );
                    put(&mut row, "profit", profit.map(|p| amount(p, styles[2])));
                    put(&mut row, "ip_investment", ip.map(|p| amount(p, styles[3])));
                    put(
                        &mut row,
                        "patent_attributable_revenue",
                        attributable.map(|p| amount(part(p), styles[4])),
                    );
                    Value::Object(row)
                },
            )
    })
}

fn product(
    index: usize,
    patents: &[GeneratedPatent],
    round_year: i32,
) -> impl Strategy<Value = Value> {
    let linkable: Vec<(usize, Vec<String>)> = patents
        .iter()
        .map(|p| p.link_spellings.clone())
        .enumerate()
        .collect();
    let count = linkable.len();
    let links = subsequence(linkable, 0..=count).prop_flat_map(|chosen| {
        chosen
            .into_iter()
            .map(|(_, spellings)| {
                (
                    select(spellings),
                    proptest::option::weighted(0.9, text()),
                    proptest::option::of(any::<bool>()),
                )
                    .prop_map(|(number, statement, core)| {
                        let mut link = Map::new();
                        link.insert("number".into(), json!(number));
                        put(&mut link, "statement", statement.map(Value::from));
                        put(&mut link, "core", core.map(Value::from));
                        Value::Object(link)
                    })
            })
            .collect::<Vec<_>>()
    });
    // The data year D = Y − 1 mostly, and other years around it.
    let others: Vec<i32> = [round_year - 3, round_year - 2, round_year]
        .into_iter()
        .filter(|year| (1985..=2100).contains(year))
        .collect();
    let most = others.len().min(2);
    let economics = (
        subsequence(others, 0..=most),
        proptest::bool::weighted(0.85),
    )
        .prop_flat_map(move |(mut years, data_year)| {
            if data_year && round_year > 1985 {
                years.push(round_year - 1);
            }
            years.into_iter().map(economics_row).collect::<Vec<_>>()
        });
    let features = proptest::option::weighted(0.9, 0u64..12).prop_flat_map(|core| {
        let covered = match core {
            Some(core) => (0..=core).boxed(),
            None => (0u64..12).boxed(),
        };
        (Just(core), proptest::option::of(covered))
    });
    (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::weighted(0.9, select(vec!["on_market", "on_market", "withdrawn"])),
        proptest::option::weighted(
            0.9,
            select(vec!["manufacturer", "seller", "manufacturer_and_seller"]),
        ),
        links,
        economics,
        features,
    )
        .prop_map(
            move |(name, category, status, role, links, economics, (core, covered))| {
                let mut product = Map::new();
                product.insert("id".into(), json!(format!("P{index}")));
                put(&mut product, "name", name.map(Value::from));
                put(&mut product, "category", category.map(Value::from));
                put(&mut product, "status", status.map(Value::from));
                put(&mut product, "filer_role", role.map(Value::from));
                product.insert("patents".into(), Value::Array(links));
                product.insert("economics".into(), Value::Array(economics));
                put(&mut product, "core_features", core.map(Value::from));
                put(
                    &mut product,
                    "covered_core_features",
                    covered.map(Value::from),
                );
                Value::Object(product)
            },
        )
}

fn filer() -> impl Strategy<Value = Value> {
    // Mostly the organisation that most patents belong to, so that many patents count.
    let filer = prop_oneof![
        4 => any::<bool>().prop_map(|with_code| {
            let (name, code) = ORGANISATIONS[0];
            (name.to_string(), with_code.then(|| code.to_string()))
        }),
        1 => organisation(),
    ];
    (
        filer,
        proptest::option::weighted(
            0.9,
            select(vec![
                "enterprise",
                "university",
                "research_institute",
                "new_rnd_institution",
                "social_organization",
            ]),
        ),
        proptest::option::weighted(0.9, proptest::bool::weighted(0.9)),
    )
        .prop_map(|((name, uscc), org_type, independent)| {
            let mut filer = Map::new();
            filer.insert("name".into(), json!(name));
            put(&mut filer, "uscc", uscc.map(Value::from));
            put(&mut filer, "org_type", org_type.map(Value::from));
            put(
                &mut filer,
                "independent_legal_person",
                independent.map(Value::from),
            );
            Value::Object(filer)
        })
}

/// A well-typed assessment input: every value of the right type and within the checks of
/// rules.md §5, so that the document has no error-level finding.
fn document() -> impl Strategy<Value = Value> {
    let round_years = prop_oneof![4 => 2023i32..=2027, 1 => 1986i32..=2100];
    (round_years, patents(), 1usize..4).prop_flat_map(|(round_year, patents, products)| {
        let product_strategies: Vec<_> = (1..=products)
            .map(|i| product(i, &patents, round_year))
            .collect();
        let patent_json: Vec<Value> = patents.iter().map(|p| p.json.clone()).collect();
        (
            Just(round_year),
            prop_oneof![4 => date_in(round_year - 1..=round_year + 1), 1 => date_in(1..=9999)],
            select(vec![
                None,
                Some(Value::Null),
                Some(json!("cn-pip/t-ppac-402-2022")),
                Some(json!("cn-pip/gb-t-46961-2025")),
            ]),
            filer(),
            Just(patent_json),
            product_strategies,
        )
            .prop_map(
                |(round_year, reference_date, pack, filer, patents, products)| {
                    let mut doc = Map::new();
                    doc.insert(
                        "format".into(),
                        json!("patent-intensive/assessment-input@1"),
                    );
                    doc.insert("round_year".into(), json!(round_year));
                    doc.insert("reference_date".into(), json!(reference_date.to_string()));
                    put(&mut doc, "pack", pack);
                    doc.insert("filer".into(), filer);
                    doc.insert("patents".into(), Value::Array(patents));
                    doc.insert("products".into(), Value::Array(products));
                    Value::Object(doc)
                },
            )
    })
}

/// An invention patent of the filer, granted by the end of any data year generated and valid:
/// one that counts.
fn counting_patent() -> impl Strategy<Value = GeneratedPatent> {
    (
        select(vec!['1', '8']),
        2012i32..=2019,
        0u32..10_000_000,
        1u8..=12,
        1u8..=28,
        200i64..1000,
        any::<bool>(),
    )
        .prop_flat_map(|(t, year, serial, month, day, grant_after, with_code)| {
            let digits = format!("{year}{t}{serial:07}");
            let number = CnNumber {
                canonical: format!("{digits}.{}", patent_check(&digits)),
                kind: "invention",
                filing_year: year,
            };
            let filed = Date::new(year, month, day).unwrap();
            let granted = filed.add_days(grant_after).unwrap();
            let (owner, code) = ORGANISATIONS[0];
            let mut owner_json = json!({ "name": owner });
            if with_code {
                owner_json["uscc"] = json!(code);
            }
            let json = json!({
                "type": "invention",
                "filing_date": filed.to_string(),
                "grant_date": granted.to_string(),
                "legal_status": "valid",
                "owners": [owner_json],
            });
            (
                Just(number.canonical.clone()),
                Just(json),
                spelling_of(&number),
                proptest::collection::vec(spelling_of(&number), 1..3),
            )
        })
        .prop_map(|(key, mut json, spelling, links)| {
            json["number"] = json!(spelling);
            GeneratedPatent {
                key,
                json,
                link_spellings: links,
            }
        })
}

/// A product that links only counting patents and declares everything the gates ask for, so
/// that its verdict turns on the benchmark figures.
fn promising_product(
    index: usize,
    patents: &[GeneratedPatent],
    round_year: i32,
) -> impl Strategy<Value = Value> {
    let links: Vec<_> = patents
        .iter()
        .map(|p| {
            (
                select(p.link_spellings.clone()),
                "\\PC{1,20}",
                any::<bool>(),
            )
        })
        .collect();
    (
        links,
        economics_row(round_year - 1),
        proptest::option::of(economics_row(round_year - 2)),
        proptest::option::weighted(0.9, 1u64..12),
        0u64..12,
    )
        .prop_map(move |(links, data_year, year_before, core, covered)| {
            let links: Vec<Value> = links
                .into_iter()
                .map(|(number, statement, core)| {
                    json!({ "number": number, "statement": statement, "core": core })
                })
                .collect();
            let mut product = json!({
                "id": format!("P{index}"),
                "status": "on_market",
                "filer_role": "manufacturer_and_seller",
                "patents": links,
                "economics": [data_year],
            });
            if let Some(row) = year_before {
                product["economics"].as_array_mut().unwrap().push(row);
            }
            if let Some(core) = core {
                product["core_features"] = json!(core);
                product["covered_core_features"] = json!(covered.min(core));
            }
            product
        })
}

/// A document whose products may well qualify: the filer an independent enterprise, the linked
/// patents its granted, valid inventions, and other patents declared but not linked.
fn promising_document() -> impl Strategy<Value = Value> {
    (
        2023i32..=2027,
        proptest::collection::vec(counting_patent(), 1..4),
        patents(),
        1usize..3,
    )
        .prop_flat_map(|(round_year, counting, others, products)| {
            let mut keys = BTreeSet::new();
            let counting: Vec<_> = counting
                .into_iter()
                .filter(|p| keys.insert(p.key.clone()))
                .collect();
            let others: Vec<_> = others
                .into_iter()
                .filter(|p| keys.insert(p.key.clone()))
                .collect();
            let product_strategies: Vec<_> = (1..=products)
                .map(|i| promising_product(i, &counting, round_year))
                .collect();
            let patents: Vec<Value> = counting
                .iter()
                .chain(&others)
                .map(|p| p.json.clone())
                .collect();
            (
                Just(round_year),
                date_in(round_year..=round_year),
                any::<bool>(),
                Just(patents),
                product_strategies,
            )
                .prop_map(
                    |(round_year, reference_date, with_code, patents, products)| {
                        let (name, code) = ORGANISATIONS[0];
                        let mut filer = json!({
                            "name": name,
                            "org_type": "enterprise",
                            "independent_legal_person": true,
                        });
                        if with_code {
                            filer["uscc"] = json!(code);
                        }
                        json!({
                            "format": "patent-intensive/assessment-input@1",
                            "round_year": round_year,
                            "reference_date": reference_date.to_string(),
                            "filer": filer,
                            "patents": patents,
                            "products": products,
                        })
                    },
                )
        })
}

/// xorshift64: deterministic, and enough to scramble an order.
fn next_random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// JSON text of `value` with every object's members in an order given by `seed` and varied
/// white space: the same document, spelled differently.
fn respell(value: &Value, seed: &mut u64, out: &mut String) {
    let space = if next_random(seed) % 3 == 0 {
        "\n  "
    } else {
        ""
    };
    match value {
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            for i in (1..members.len()).rev() {
                let j = (next_random(seed) % (i as u64 + 1)) as usize;
                members.swap(i, j);
            }
            out.push('{');
            for (i, (key, member)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(space);
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push_str(": ");
                respell(member, seed, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                respell(item, seed, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

// ---------------------------------------------------------------------------------------------
// Arbitrary JSON.

/// Member names: mostly the format's own, so arbitrary documents reach deep into the reader.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(vec![
            "format", "round_year", "reference_date", "pack", "filer", "name", "uscc", "org_type",
            "independent_legal_person", "patents", "number", "type", "jurisdiction", "title",
            "filing_date", "grant_date", "legal_status", "owners", "licences", "licensee", "kind",
            "start", "end", "recorded", "term_extension_days", "awards", "products", "id",
            "status", "filer_role", "statement", "core", "economics", "year", "unit", "currency",
            "fx_rate_to_cny", "sales_revenue", "export_revenue", "profit", "ip_investment",
            "patent_attributable_revenue", "core_features", "covered_core_features",
        ])
        .prop_map(str::to_string),
        1 => any::<String>(),
        1 => Just("a/b~c".to_string()),
    ]
}

/// Number spellings JSON allows, including exponents far beyond any float and long mantissas.
#[allow(clippy::disallowed_types)] // doubles spelled as JSON numbers: inputs, not arithmetic
fn json_number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,40})?([eE][+-]?[0-9]{1,12})?",
        select(vec![
            "1e999999999",
            "-1E-999999999",
            "0e9999",
            "1e400",
            "2025.0",
            "2025e0",
            "0.1e1",
            "-0",
            "18446744073709551616",
            "1e-7",
        ])
        .prop_map(str::to_string),
    ]
}

fn json_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        select(vec![
            "patent-intensive/assessment-input@1",
            "2025-09-30",
            "2024-02-29",
            "2023-02-29",
            "ZL 2020 1 0566088.9",
            "202310123456.7",
            "914403001922038216",
            "valid",
            "invention",
            "on_market",
            "wan",
            "USD",
            "1e9999",
            "-5",
            "",
            " ",
            "\u{0}",
            "\u{feff}",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "ＺＬ２０２０１０５６６０８８．９",
            "e\u{301}",
        ])
        .prop_map(str::to_string),
    ]
}

/// JSON text of an arbitrary value, nested a few levels.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        json_number(),
        json_string().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6)
                .prop_map(|items| format!("[{}]", items.join(","))),
            proptest::collection::vec((key(), inner), 0..6).prop_map(|members| {
                let members: Vec<String> = members
                    .into_iter()
                    .map(|(k, v)| format!("{}:{v}", serde_json::to_string(&k).unwrap()))
                    .collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

/// Text at the edges of JSON: nesting around the reader's depth limit, and tokens that are
/// almost JSON (a BOM, a trailing comma, a leading zero, a lone surrogate escape, …).
fn json_edge_text() -> impl Strategy<Value = String> {
    let token = select(vec![
        "\u{feff}",
        "\"\\ud800\"",
        "\"\\udc00\\ud800\"",
        "\"\\ud83d\\ude00\"",
        "\"\\u0000\"",
        "\"\t\"",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "+1",
        "-0.0e-0",
        "NaN",
        "Infinity",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "[1 2]",
        "tru",
        "nul",
        "\"\\x41\"",
        "\"\\/\"",
        " ",
        "\n",
        "\r\n",
        "\u{a0}",
        "{}",
        "[]",
        "\"",
        ",",
        ":",
        "{\"a\":1,\"a\":2}",
        "123456789012345678901234567890e-999999999",
    ]);
    prop_oneof![
        (100usize..140, any::<bool>(), json_text()).prop_map(|(depth, objects, inner)| {
            let (open, close) = if objects {
                ("{\"a\":", "}")
            } else {
                ("[", "]")
            };
            format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
        }),
        proptest::collection::vec(
            prop_oneof![token.prop_map(str::to_string), json_text()],
            1..5
        )
        .prop_map(|parts| parts.concat()),
    ]
}

/// Every JSON pointer into `value`, the whole document included.
fn pointers(value: &Value, base: &str, out: &mut Vec<String>) {
    out.push(base.to_string());
    match value {
        Value::Object(map) => {
            for (key, member) in map {
                let token = key.replace('~', "~0").replace('/', "~1");
                pointers(member, &format!("{base}/{token}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, &format!("{base}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Splits a pointer into its parent and its last token (unescaped).
fn parent_and_token(pointer: &str) -> Option<(&str, String)> {
    let at = pointer.rfind('/')?;
    let token = pointer[at + 1..].replace("~1", "/").replace("~0", "~");
    Some((&pointer[..at], token))
}

/// One damage to a valid document: its value at a chosen place replaced by an arbitrary one, the
/// member or item removed, or an unknown member added.
#[derive(Clone, Debug)]
struct Mutation {
    at: Index,
    operation: u8,
    value: String,
    name: String,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Mostly a single string or number, which reaches the checks of each field's content.
    let value = prop_oneof![
        2 => json_string().prop_map(|s| serde_json::to_string(&s).unwrap()),
        1 => json_number(),
        2 => json_text(),
    ];
    (any::<Index>(), 0u8..3, value, key()).prop_map(|(at, operation, value, name)| Mutation {
        at,
        operation,
        value,
        name,
    })
}

fn mutate(document: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    pointers(document, "", &mut all);
    let pointer = mutation.at.get(&all).clone();
    let replacement: Value = serde_json::from_str(&mutation.value).unwrap();
    match mutation.operation {
        0 => *document.pointer_mut(&pointer).unwrap() = replacement,
        1 => {
            let Some((parent, token)) = parent_and_token(&pointer) else {
                return;
            };
            match document.pointer_mut(parent).unwrap() {
                Value::Object(map) => {
                    map.remove(&token);
                }
                Value::Array(items) => {
                    items.remove(token.parse::<usize>().unwrap());
                }
                _ => unreachable!("a parent is a container"),
            }
        }
        _ => {
            if let Value::Object(map) = document.pointer_mut(&pointer).unwrap() {
                map.insert(mutation.name.clone(), replacement);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The properties.

/// The report invariants that hold for any input text.
fn check_any_input(input: &str) -> Result<(), TestCaseError> {
    let report = assess(input, &Options::default());
    let json = report.to_json();
    prop_assert!(serde_json::from_str::<Value>(&json).is_ok());
    // The engine has its own JSON reader: it must take as JSON exactly what serde_json takes, and
    // read the same value (the input digest is that of serde_json's reading).
    let has = |code: &str| report.findings.iter().any(|f| f.code.as_str() == code);
    let invalid_json = has("invalid_json");
    let parsed = serde_json::from_str::<Value>(input);
    // Where I-JSON asks more than RFC 8259 the readers part ways, by design: a leading BOM is
    // ignored, an escaped lone surrogate is reported (serde_json refuses the text), and a value
    // nested more than 64 levels is reported and read as null (serde_json stops at 128).
    let i_json = input.starts_with('\u{feff}') || has("lone_surrogate") || has("nesting_too_deep");
    if !i_json {
        prop_assert_eq!(invalid_json, parsed.is_err(), "{:?}", input);
        if let Ok(document) = &parsed {
            let digest = sha256_hex(
                canonical_json(&patent_intensive::read::json::Value::from_serde(document))
                    .as_bytes(),
            );
            prop_assert_eq!(report.input_sha256.as_deref(), Some(digest.as_str()));
        }
    }
    match parsed {
        Err(_) if i_json => prop_assert!(report.has_errors() || !invalid_json),
        Err(_) => {
            prop_assert!(report.has_errors());
            prop_assert!(report.products.is_empty());
            for finding in &report.findings {
                prop_assert_eq!(&finding.path, "");
            }
        }
        Ok(document) => {
            if report.has_errors() {
                prop_assert!(report.products.is_empty());
            } else {
                let products = document["products"].as_array().map(Vec::len);
                prop_assert_eq!(Some(report.products.len()), products);
            }
            // A finding inside the duplicate member that was not kept, or under a member name
            // cut to 60 characters, has a path the kept value does not resolve.
            let unresolvable = has("duplicate_key") || has("nesting_too_deep");
            for finding in report.findings.iter().filter(|f| !f.path.contains('…')) {
                if !unresolvable {
                    check_path(&document, &report, finding)?;
                }
            }
        }
    }
    Ok(())
}

/// A finding's path resolves in the document, except that a missing required member (or a
/// missing exchange rate) is pointed at where it belongs: in an object that exists.
fn check_path(
    document: &Value,
    report: &Report,
    finding: &patent_intensive::Finding,
) -> Result<(), TestCaseError> {
    let path = &finding.path;
    prop_assert!(
        path.is_empty() || path.starts_with('/'),
        "not a JSON pointer: {:?}",
        path
    );
    if document.pointer(path).is_some() {
        return Ok(());
    }
    let code = finding.code.as_str();
    prop_assert!(
        code == "required" || code == "fx_rate_required",
        "path {:?} of `{}` does not resolve in the input\n{}",
        path,
        code,
        report.to_json_pretty()
    );
    let (parent, _) = parent_and_token(path).unwrap();
    prop_assert!(
        document.pointer(parent).is_some_and(Value::is_object),
        "the parent of {:?} (`{}`) is not an object of the input",
        path,
        code
    );
    Ok(())
}

/// The invariants of a well-typed document's report.
fn check_well_typed(document: &Value, seed: u64) -> Result<(), TestCaseError> {
    let text = serde_json::to_string(document).unwrap();
    let report = assess(&text, &Options::default());
    let errors: Vec<_> = report.findings.iter().filter(|f| f.is_error()).collect();
    prop_assert!(
        errors.is_empty(),
        "errors in a well-typed input: {:#?}",
        errors
    );
    let ids: Vec<&str> = document["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let result_ids: Vec<&str> = report.products.iter().map(|p| p.id.as_str()).collect();
    prop_assert_eq!(result_ids, ids);
    let value: Value = serde_json::from_str(&report.to_json()).unwrap();
    for product in value["products"].as_array().unwrap() {
        let criteria = product["criteria"].as_array().unwrap();
        let criterion_ids: Vec<&str> = criteria.iter().map(|c| c["id"].as_str().unwrap()).collect();
        prop_assert_eq!(
            criterion_ids,
            ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "B1", "B2", "B3", "B4"]
        );
        let verdicts: Vec<&str> = criteria
            .iter()
            .map(|c| c["verdict"].as_str().unwrap())
            .collect();
        let any_fail = verdicts.contains(&"fail");
        let all_pass = verdicts
            .iter()
            .all(|v| *v == "pass" || *v == "not_applicable");
        let expected = if any_fail {
            "does_not_qualify"
        } else if all_pass {
            "qualifies"
        } else {
            "undetermined"
        };
        prop_assert_eq!(product["verdict"].as_str().unwrap(), expected);
    }
    let json = report.to_json();
    prop_assert_eq!(&report.to_json(), &json);
    prop_assert_eq!(&assess(&text, &Options::default()).to_json(), &json);
    let mut respelled = String::new();
    let mut seed = seed | 1;
    respell(document, &mut seed, &mut respelled);
    let reordered = assess(&respelled, &Options::default());
    prop_assert!(report.input_sha256.is_some());
    prop_assert_eq!(&reordered.input_sha256, &report.input_sha256);
    prop_assert_eq!(&reordered.to_json(), &json);
    Ok(())
}

/// `cases` per property; a failing case is saved beside this file
/// (`properties.proptest-regressions`) and replayed first on the next run.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_json_value_is_assessed_without_panic(text in json_text()) {
        check_any_input(&text)?;
    }

    #[test]
    fn text_at_the_edges_of_json_is_read_as_serde_json_reads_it(text in json_edge_text()) {
        check_any_input(&text)?;
    }

    #[test]
    fn any_text_is_assessed_without_panic(text in any::<String>()) {
        check_any_input(&text)?;
    }

    #[test]
    fn any_bytes_are_assessed_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_any_input(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn every_spelling_of_a_valid_number_normalises_to_one_form(
        (number, spelling) in number_and_spelling(2003..=2100)
    ) {
        let parsed = normalise(&spelling);
        prop_assert!(parsed.is_ok(), "{:?} rejected: {:?}", spelling, parsed);
        let parsed = parsed.unwrap();
        prop_assert_eq!(parsed.as_str(), number.canonical.as_str(), "{:?}", spelling);
        prop_assert_eq!(patent_intensive::input::PatentType::from(parsed.kind()).as_str(), number.kind);
        prop_assert_eq!(parsed.filing_year(), number.filing_year);
        prop_assert_eq!(parsed.tolerated_check_mismatch, None);
        prop_assert_eq!(normalise(&number.canonical), Ok(parsed));
    }

    #[test]
    fn import_never_panics_and_reports_only_rows_of_the_file(
        text in prop_oneof![
            any::<String>(),
            "(申请号|申请日|专利权状态|名称|\"|,|\t|\r|\n|\r\n|2020\\.06\\.18|CN202010566088\\.9|有权|无权|；| ){0,40}",
        ]
    ) {
        let import = import_patents_csv(&text);
        let lines = text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).count().max(1);
        for problem in &import.problems {
            prop_assert!((1..=lines).contains(&problem.row), "{:?} of {} lines", problem, lines);
        }
        for patent in &import.patents {
            prop_assert!(patent["number"].is_string());
        }
    }
}

proptest! {
    // Each case generates and assesses whole documents: fewer cases keep the suite quick.
    #![proptest_config(config(96))]

    #[test]
    fn well_typed_documents_are_assessed_in_full(
        document in prop_oneof![document(), promising_document()],
        seed in any::<u64>(),
    ) {
        check_well_typed(&document, seed)?;
    }

    #[test]
    fn damaged_documents_are_assessed_without_panic(
        document in document(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let mut document = document;
        for mutation in &mutations {
            mutate(&mut document, mutation);
        }
        check_any_input(&serde_json::to_string(&document).unwrap())?;
    }

    #[test]
    fn a_generated_export_imports_every_row(
        rows in proptest::collection::vec(
            (number_and_spelling(2003..=2100), date_in(2003..=2024), select(vec!["有权", "审中", "无权"])),
            1..8,
        ),
        tab in any::<bool>(),
        crlf in any::<bool>(),
        reversed in any::<bool>(),
    ) {
        let mut keys = BTreeSet::new();
        let rows: Vec<_> = rows.into_iter().filter(|((n, _), _, _)| keys.insert(n.canonical.clone())).collect();
        let (separator, newline) = (if tab { "\t" } else { "," }, if crlf { "\r\n" } else { "\n" });
        let mut columns = ["申请号", "申请日", "专利权状态", "申请（专利权）人"];
        if reversed {
            columns.reverse();
        }
        let mut csv = format!("\u{feff}{}{newline}", columns.join(separator));
        for ((_, spelling), filed, status) in &rows {
            let cells: Vec<String> = columns
                .iter()
                .map(|column| match *column {
                    "申请号" => format!("\"{}\"", spelling.replace('"', "\"\"")),
                    "申请日" => filed.to_string().replace('-', "."),
                    "专利权状态" => status.to_string(),
                    _ => "甲公司；乙公司".to_string(),
                })
                .collect();
            csv.push_str(&cells.join(separator));
            csv.push_str(newline);
        }
        let import = import_patents_csv(&csv);
        prop_assert!(import.problems.is_empty(), "{:#?}\n{}", import.problems, csv);
        let numbers: Vec<&str> = import.patents.iter().map(|p| p["number"].as_str().unwrap()).collect();
        let expected: Vec<&str> = rows.iter().map(|((n, _), _, _)| n.canonical.as_str()).collect();
        prop_assert_eq!(numbers, expected);
        for (patent, ((number, _), filed, _)) in import.patents.iter().zip(&rows) {
            prop_assert_eq!(patent["type"].as_str().unwrap(), number.kind);
            prop_assert_eq!(patent["filing_date"].as_str().unwrap(), filed.to_string());
            prop_assert_eq!(patent["owners"].as_array().unwrap().len(), 2);
        }
    }
}
