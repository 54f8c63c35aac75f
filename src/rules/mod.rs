//! The rules (rules.md §3): gates G1–G7, benchmark dimensions B1–B4, and the informational
//! indicators, applied to a validated input with one rule pack. Pure: the same input and pack
//! always give the same results.

pub mod benchmarks;
pub mod catalog;
mod figures;
pub mod gates;
pub mod indicators;
pub mod labels;
pub mod outlook;
pub mod patent_right;
pub mod patent_term;
pub mod standing;

use crate::date::Date;
use crate::findings::{pointer, Code, Finding};
use crate::input::{Economics, Input, LicenceKind, Link, Patent, Product};
use crate::pack::{Basis, Benchmark, RulePack};
use crate::report::{
    CriterionResult, Detail, IndicatorResult, NamedValue, PatentStanding, ProductResult,
    ProductVerdict, Verdict,
};
use crate::text::{text, Text};
use patent_right::{FilerIdentity, Right};
use standing::{Standing, Timeline};

/// What every rule of one assessment shares.
pub struct Context<'a> {
    /// The validated input.
    pub input: &'a Input,
    /// The pack applied.
    pub pack: &'a RulePack,
    /// D = Y − 1.
    pub data_year: i32,
    /// The date rights, status and terms are judged on.
    pub reference_date: Date,
    /// How many products link each patent, by patent index.
    pub link_counts: Vec<u32>,
    /// What the report will say: in the verdicts detail, the texts, values and lists it does not
    /// write are not made (their fields are left empty).
    pub detail: Detail,
}

/// A product's link with its patent and that patent's standing.
pub struct LinkFacts<'a> {
    /// The link as declared.
    pub link: &'a Link,
    /// The patent linked.
    pub patent: &'a Patent,
    /// Whether it counts, and why not.
    pub standing: &'a Standing<'a>,
}

/// What the rules know about one product.
pub struct ProductFacts<'a> {
    /// The product.
    pub product: &'a Product,
    /// Its links, in input order.
    pub links: Vec<LinkFacts<'a>>,
    /// The economics row of the data year.
    pub row: Option<&'a Economics>,
    /// The economics row of the year before the data year.
    pub previous_row: Option<&'a Economics>,
    /// The pack's benchmark row for the product's category.
    pub benchmark: Option<&'a Benchmark>,
    /// Whether the report says everything (`detail: "full"`): otherwise the indicators'
    /// values, shown figures and sentences are not made, only their verdicts and gaps.
    pub full: bool,
}

impl<'a> ProductFacts<'a> {
    /// The links whose patent counts (G4's set).
    pub fn counted(&self) -> impl Iterator<Item = &LinkFacts<'a>> {
        self.links.iter().filter(|l| l.standing.counts())
    }
}

/// Builds a criterion result. Its title, citation and rule in words are the report's catalogue's
/// (`report::catalogue`), said once for every product.
pub(crate) fn criterion_result(
    id: &'static str,
    verdict: Verdict,
    values: Vec<NamedValue>,
    indicators: Vec<IndicatorResult>,
    explanation: Text,
    gap: Option<Text>,
) -> CriterionResult {
    CriterionResult {
        id,
        verdict,
        values,
        indicators,
        explanation: explanation.sentence(),
        // A fail's gap is the smallest change that passes; an undetermined one's, the figure
        // to enter. Nothing else carries a gap.
        gap: if matches!(verdict, Verdict::Fail | Verdict::Undetermined) {
            gap.map(Text::sentence)
        } else {
            None
        },
        gap_fields: Vec::new(),
    }
}

/// What the rules find in one input.
pub struct Evaluation {
    /// One result per product, in input order.
    pub products: Vec<ProductResult>,
    /// Each linked patent's standing on the reference date, by normalised number.
    pub patents: Vec<(String, PatentStanding)>,
    /// The warnings the rules raise about the input (licences relied on that are ordinary or
    /// unrecorded, economics rows for another year).
    pub warnings: Vec<Finding>,
}

/// Applies every rule to every product: everything the full report says.
pub fn evaluate(input: &Input, pack: &RulePack) -> Evaluation {
    evaluate_for(input, pack, Detail::Full)
}

/// Applies every rule to every product, making what a report of `detail` says: the verdicts
/// detail gets the same verdicts, gaps and warnings, without the explanations, values,
/// indicators, patent standings and outlook texts it does not write (left empty).
pub fn evaluate_for(input: &Input, pack: &RulePack, detail: Detail) -> Evaluation {
    let data_year = input.round_year - 1;
    let filer = FilerIdentity::new(&input.filer);
    let mut link_counts = vec![0u32; input.patents.len()];
    for product in &input.products {
        for link in &product.links {
            if let Some(count) = link_counts.get_mut(link.patent) {
                *count += 1;
            }
        }
    }
    // Each linked patent is judged once, however many products link it: on the reference date,
    // and over the outlook's rounds.
    let timelines: Vec<Option<Timeline>> = input
        .patents
        .iter()
        .zip(&link_counts)
        .map(|(patent, count)| (*count > 0).then(|| Timeline::new(patent, &filer)))
        .collect();
    let standings: Vec<Option<Standing>> = timelines
        .iter()
        .map(|timeline| {
            timeline
                .as_ref()
                .map(|t| t.standing(data_year, input.reference_date))
        })
        .collect();
    let projection = outlook::Projection::new(input, pack, &timelines);
    let mut warnings = licence_warnings(input, &standings);
    warnings.extend(economics_year_warnings(input, data_year));
    let ctx = Context {
        input,
        pack,
        data_year,
        reference_date: input.reference_date,
        link_counts,
        detail,
    };
    // G1 judges the filer alone: one sentence for every product, built once.
    let g1 = gates::g1_filer(&ctx);
    let products = input
        .products
        .iter()
        .map(|product| evaluate_product(&ctx, product, &standings, &projection, &g1))
        .collect();
    // Each linked patent's standing, once: a report says it here, not in every product. The
    // verdicts detail does not say it.
    if detail == Detail::Verdicts {
        return Evaluation {
            products,
            patents: Vec::new(),
            warnings,
        };
    }
    let patents = input
        .patents
        .iter()
        .zip(&standings)
        .filter_map(|(patent, standing)| {
            let standing = standing.as_ref()?;
            Some((
                patent.number.as_str().to_string(),
                PatentStanding {
                    kind: patent.kind.map_or("unknown", |k| k.as_str()),
                    counts: standing.counts(),
                    right: standing.right.as_str(),
                    expires_on: standing.expires_on,
                    reasons: standing.reasons.clone(),
                    high_value: indicators::patent_high_value(&ctx, patent, standing),
                },
            ))
        })
        .collect();
    Evaluation {
        products,
        patents,
        warnings,
    }
}

fn licence_warnings(input: &Input, standings: &[Option<Standing>]) -> Vec<Finding> {
    let mut warnings = Vec::new();
    for (patent, standing) in input.patents.iter().zip(standings) {
        let Some(Standing {
            right: Right::Licensee(licence),
            ..
        }) = standing
        else {
            continue;
        };
        let path = pointer(&pointer(&pointer("", "patents"), patent.index), "licences");
        let path = pointer(&path, licence.index);
        let number = patent.number.as_str();
        if licence.kind == LicenceKind::Ordinary {
            warnings.push(Finding::warning(
                path.clone(),
                Code::LicenceOrdinary,
                text!(
                    "{number} 依据普通许可计入；普通许可不排除他人实施，认定时可能被要求补充说明",
                    "{number} counts through an ordinary licence, which does not exclude others; the certifier may ask for more"
                ),
            ));
        }
        if !licence.recorded {
            warnings.push(Finding::warning(
                path,
                Code::LicenceUnrecorded,
                text!(
                    "{number} 依据的许可未在国家知识产权局备案",
                    "{number} counts through a licence not recorded with CNIPA"
                ),
            ));
        }
    }
    warnings
}

/// `economics_year_not_data_year` (input-format.md, "What each figure means"): a product with
/// economics rows, none of them for the data year D, leaves G5 undetermined with no word on why
/// its figures were not used. The warning names the round each given year would serve (a row
/// for year X is the data year of round X + 1), so the user can move the round or the row.
fn economics_year_warnings(input: &Input, data_year: i32) -> Vec<Finding> {
    let round = data_year + 1;
    let mut warnings = Vec::new();
    for product in &input.products {
        if product.economics.is_empty() || product.economics.iter().any(|r| r.year == data_year) {
            continue;
        }
        // Year order by insertion: smaller in the WebAssembly module than a sort.
        let mut years: Vec<i32> = Vec::new();
        for row in &product.economics {
            let at = years
                .iter()
                .position(|y| *y > row.year)
                .unwrap_or(years.len());
            years.insert(at, row.year);
        }
        let (mut given, mut serves, mut zh_years, mut zh_rounds) =
            (String::new(), String::new(), String::new(), String::new());
        for (i, year) in years.iter().enumerate() {
            // "2023, 2024 and 2025" in English, "2023、2024、2025" in Chinese.
            let en_sep = match i {
                0 => "",
                _ if i + 1 == years.len() => " and ",
                _ => ", ",
            };
            let zh_sep = if i == 0 { "" } else { "、" };
            let round = year + 1;
            given.push_str(&format!("{en_sep}{year}"));
            serves.push_str(&format!("{en_sep}{round}"));
            zh_years.push_str(&format!("{zh_sep}{year}"));
            zh_rounds.push_str(&format!("{zh_sep}{round}"));
        }
        let rounds_word = if years.len() == 1 { "round" } else { "rounds" };
        let (or_zh, or_en) = if years.len() == 1 {
            (
                format!("或改为 {zh_rounds} 年度"),
                format!("or assess round {serves} instead"),
            )
        } else {
            (
                "或改为其中一个年度".to_string(),
                "or assess one of those rounds instead".to_string(),
            )
        };
        let id = product.id.as_str();
        let path = pointer(
            &pointer(&pointer("", "products"), product.index),
            "economics",
        );
        warnings.push(Finding::warning(
            path,
            Code::EconomicsYearNotDataYear,
            text!(
                "产品 {id} 没有 {data_year} 年的经济数据，{round} 年度需要的正是这一年的数据；已填写的 {zh_years} 年数据适用于 {zh_rounds} 年度。请填写 {data_year} 年的数据，{or_zh}。",
                "Product {id} has no figures for {data_year}, the year round {round} needs; the figures given for {given} would serve {rounds_word} {serves}. Enter the {data_year} figures, {or_en}."
            ),
        ));
    }
    warnings
}

fn evaluate_product<'a>(
    ctx: &Context<'a>,
    product: &'a Product,
    standings: &'a [Option<Standing<'a>>],
    projection: &outlook::Projection,
    g1: &CriterionResult,
) -> ProductResult {
    let links = product
        .links
        .iter()
        .filter_map(|link| {
            let patent = ctx.input.patents.get(link.patent)?;
            let standing = standings.get(link.patent)?.as_ref()?;
            Some(LinkFacts {
                link,
                patent,
                standing,
            })
        })
        .collect();
    let facts = ProductFacts {
        product,
        links,
        row: product.economics.iter().find(|r| r.year == ctx.data_year),
        previous_row: product
            .economics
            .iter()
            .find(|r| r.year == ctx.data_year - 1),
        benchmark: ctx.pack.benchmark_for(product.category.as_deref()),
        full: ctx.detail == Detail::Full,
    };
    let mut criteria = vec![
        g1.clone(),
        gates::g2_role(ctx, &facts),
        gates::g3_right(ctx, &facts),
        gates::g4_valid_patents(ctx, &facts),
        gates::g5_data_year(ctx, &facts),
        gates::g6_association(ctx, &facts),
        gates::g7_on_market(ctx, &facts),
        benchmarks::b1_economic_benefit(ctx, &facts),
        benchmarks::b2_protection_strength(ctx, &facts),
        benchmarks::b3_value_contribution(ctx, &facts),
        benchmarks::b4_dependence(ctx, &facts),
    ];
    let verdict = match Verdict::combine(criteria.iter().map(|c| c.verdict)) {
        Verdict::Fail => ProductVerdict::DoesNotQualify,
        Verdict::Undetermined => ProductVerdict::Undetermined,
        Verdict::Pass | Verdict::NotApplicable => ProductVerdict::Qualifies,
    };
    let benchmark_basis = facts.benchmark.map_or(Basis::Reference, Benchmark::basis);
    if !facts.full {
        // The verdicts detail writes the id, the verdict, each criterion's id, verdict and gap,
        // and the outlook's verdict-level fields: nothing else is made.
        return ProductResult {
            id: product.id.clone(),
            name: None,
            category: None,
            verdict,
            standing: Text::new(String::new(), String::new()),
            benchmark_basis,
            benchmark_category: None,
            summary: Text::new(String::new(), String::new()),
            indicators: Vec::new(),
            criteria,
            counted_patents: Vec::new(),
            excluded_patents: Vec::new(),
            core_patents: Vec::new(),
            outlook: projection.outlook_for(product, facts.benchmark, false),
        };
    }
    // Each undetermined criterion and indicator points at the input fields its gap asks for,
    // so that a form can link "needed for a verdict" to them.
    for criterion in &mut criteria {
        if criterion.verdict == Verdict::Undetermined {
            criterion.gap_fields = figures::missing_fields(ctx, &facts, criterion.id);
        }
        for indicator in &mut criterion.indicators {
            if indicator.verdict == Verdict::Undetermined {
                indicator.gap_fields = figures::missing_fields(ctx, &facts, indicator.id);
            }
        }
    }
    let standing = standing_text(verdict, benchmark_basis);
    let summary = summary(&product.id, verdict, &criteria);
    let number = |l: &LinkFacts| l.patent.number.as_str().to_string();
    let counted_patents = facts.counted().map(number).collect();
    let excluded_patents = facts
        .links
        .iter()
        .filter(|l| !l.standing.counts())
        .map(number)
        .collect();
    let core_patents = facts
        .links
        .iter()
        .filter(|l| l.link.core)
        .map(number)
        .collect();
    ProductResult {
        id: product.id.clone(),
        name: product.name.clone(),
        category: product.category.clone(),
        verdict,
        standing,
        benchmark_basis,
        benchmark_category: facts.benchmark.map(|b| b.category.clone()),
        summary,
        indicators: indicators::informational(ctx, &facts),
        criteria,
        counted_patents,
        excluded_patents,
        core_patents,
        outlook: projection.outlook(product, facts.benchmark),
    }
}

fn standing_text(verdict: ProductVerdict, basis: Basis) -> Text {
    match (verdict, basis) {
        (ProductVerdict::Qualifies, Basis::Official) => Text::new(
            "达到官方基准（预审结果；产业性评价须由行业专家进行）",
            "Meets the official benchmark (a pre-screen; the industry evaluation is by sector experts)",
        ),
        (ProductVerdict::Qualifies, _) => Text::new(
            "达到参考基准（非官方认定）",
            "Meets the reference benchmark (not a certification)",
        ),
        (ProductVerdict::DoesNotQualify, _) => Text::new("未达到要求", "Does not qualify"),
        (ProductVerdict::Undetermined, _) => Text::new("无法判定（信息不足）", "Undetermined (information missing)"),
    }
}

fn summary(id: &str, verdict: ProductVerdict, criteria: &[CriterionResult]) -> Text {
    // The ids in each language's list form: "B1、B2、B3" and "B1, B2 and B3".
    let ids = |wanted: Verdict| -> (String, String) {
        let ids: Vec<&str> = criteria
            .iter()
            .filter(|c| c.verdict == wanted)
            .map(|c| c.id)
            .collect();
        (ids.join("、"), figures::english_list(&ids))
    };
    let (open_zh, open_en) = ids(Verdict::Undetermined);
    let (failed_zh, failed_en) = ids(Verdict::Fail);
    // One for every product: joined without `format!`.
    let text = match verdict {
        ProductVerdict::Qualifies => Text::new(
            ["产品 ", id, " 满足全部预审条件"].concat(),
            ["product ", id, " meets every pre-screening criterion"].concat(),
        ),
        // The undetermined criteria are named beside the failing ones: fixing only the fails
        // would otherwise leave the user facing more criteria they were never told about.
        ProductVerdict::DoesNotQualify if !open_zh.is_empty() => Text::new(
            [
                "产品 ",
                id,
                " 未通过 ",
                &failed_zh,
                "；",
                &open_zh,
                " 缺少信息，无法判断",
            ]
            .concat(),
            [
                "product ",
                id,
                " does not qualify: it fails ",
                &failed_en,
                ", and information is missing to judge ",
                &open_en,
            ]
            .concat(),
        ),
        ProductVerdict::DoesNotQualify => Text::new(
            ["产品 ", id, " 未通过 ", &failed_zh].concat(),
            ["product ", id, " does not qualify: it fails ", &failed_en].concat(),
        ),
        ProductVerdict::Undetermined => Text::new(
            ["产品 ", id, " 暂无法判定：", &open_zh, " 缺少信息"].concat(),
            [
                "product ",
                id,
                " is undetermined: information is missing to judge ",
                &open_en,
            ]
            .concat(),
        ),
    };
    text.sentence()
}
