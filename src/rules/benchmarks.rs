//! The benchmark dimensions B1–B4 (rules.md §3.2). Formulas are this project's; thresholds come
//! from the pack's benchmark row for the product's category, each with its basis. Every ratio is
//! compared exactly by cross-multiplication and shown rounded half-to-even to four decimals.

use std::cmp::Ordering;

use super::figures::{self, Figure};
use super::{criterion_result, Context, ProductFacts};
use crate::exact::{self, Decimal};
use crate::input::PatentType;
use crate::pack::IndicatorId;
use crate::report::{CriterionResult, IndicatorResult, ThresholdRef, Verdict};
use crate::rules::catalog;
use crate::text::{text, Text};

/// What an indicator measured, before it is judged.
enum Measure {
    /// A plain amount or count, compared as is.
    /// `money` amounts are shown with thousands separators and 元 / CNY.
    Amount { value: Decimal, money: bool },
    /// numerator / denominator, denominator positive; `money` when both are amounts.
    Ratio {
        numerator: Decimal,
        denominator: Decimal,
        money: bool,
    },
    /// Cannot be measured, and why; with what to enter when a figure is missing.
    Missing(Text, Option<Text>),
}

/// How far below the threshold a failing measure is, in the user's terms.
type GapWriter<'a> = &'a dyn Fn(&Decimal) -> Text;

/// "the " and an English title set inside a sentence: "Sales revenue" → "the sales revenue",
/// but "IP …" stays.
fn the_title(title: &str) -> String {
    let mut out = ["the ", title].concat();
    let bytes = title.as_bytes();
    // The first letter is lowered when the second is lower case (an ASCII first letter is one
    // byte, so lowering it in place keeps the text valid).
    if bytes.get(1).is_some_and(u8::is_ascii_lowercase) {
        if let Some(first) = out.get_mut(4..5) {
            first.make_ascii_lowercase();
        }
    }
    out
}

/// Judges one indicator against its threshold in the product's benchmark row.
fn judge(
    facts: &ProductFacts,
    id: IndicatorId,
    measure: Measure,
    gap: GapWriter,
) -> IndicatorResult {
    let meta = catalog::indicator(id.as_str());
    let (title_zh, title_en, unit) =
        meta.map_or(("", "", ""), |m| (m.title_zh, m.title_en, m.unit));
    let threshold = facts.benchmark.and_then(|row| row.threshold(id));
    if !facts.full {
        return judge_verdict(id, &measure, threshold.map(|t| &t.value), gap);
    }
    let threshold_ref = threshold.map(|t| ThresholdRef {
        comparison: ">=",
        value: exact::plain(&t.value),
        basis: t.basis,
    });
    let basis_zh = |b: crate::pack::Basis| match b {
        crate::pack::Basis::Official => "官方",
        crate::pack::Basis::Reference => "参考",
        crate::pack::Basis::PublicNotice => "公开通知",
    };
    let (value, display, ordering) = match &measure {
        Measure::Amount { value, .. } => (
            Some(exact::plain(value)),
            Some(exact::plain(value)),
            threshold.map(|t| value.cmp(&t.value)),
        ),
        Measure::Ratio {
            numerator,
            denominator,
            ..
        } => (
            Some(exact::ratio_text(numerator, denominator)),
            exact::display_ratio(numerator, denominator),
            threshold.and_then(|t| exact::compare_ratio(numerator, denominator, &t.value)),
        ),
        Measure::Missing(..) => (None, None, None),
    };
    let unit_of_row = facts.row.and_then(|r| r.unit);
    let (shown_zh, shown_en) = match &measure {
        Measure::Amount { value, money: true } => {
            let amount = figures::amount(value, unit_of_row);
            (amount.zh, amount.en)
        }
        Measure::Amount {
            value,
            money: false,
        } => (exact::plain(value), exact::plain(value)),
        Measure::Ratio {
            numerator,
            denominator,
            money,
        } => {
            // Ratios read as percentages; the report's value fields keep the exact ratio.
            let p = figures::percent(numerator, denominator);
            let (n, d) = if *money {
                (
                    figures::amount_short(numerator, unit_of_row),
                    figures::amount_short(denominator, unit_of_row),
                )
            } else {
                let (n, d) = (exact::grouped(numerator), exact::grouped(denominator));
                (Text::new(n.clone(), n), Text::new(d.clone(), d))
            };
            (
                [&p, "（", &n.zh, " / ", &d.zh, "）"].concat(),
                [&p, " (", &n.en, " / ", &d.en, ")"].concat(),
            )
        }
        Measure::Missing(..) => (String::new(), String::new()),
    };
    // The threshold with its unit: a percentage beside a percentage, money in the user's unit.
    let threshold_text = |value: &Decimal| -> Text {
        match unit {
            "ratio" => {
                let p = figures::percent_threshold(value);
                Text::new(p.clone(), p)
            }
            "CNY" => figures::amount_short(value, unit_of_row),
            "patents" => {
                let n = exact::plain(value);
                Text::new(
                    [&n, " 件"].concat(),
                    crate::text::plural(&n, "patent", "patents"),
                )
            }
            _ => {
                let n = exact::plain(value);
                Text::new(n.clone(), n)
            }
        }
    };
    let subject_en = if id == IndicatorId::InventionPatents {
        "the number of counted invention patents".to_string()
    } else {
        the_title(title_en)
    };
    let (verdict, explanation, gap_text) = match (&measure, threshold, ordering) {
        (Measure::Missing(why, enter), _, _) => (
            Verdict::Undetermined,
            Text::new(
                [title_zh, "无法计算：", &why.zh].concat(),
                [&subject_en, " cannot be computed: ", &why.en].concat(),
            ),
            enter.clone(),
        ),
        (_, None, _) | (_, _, None) => (
            Verdict::Undetermined,
            text!(
                "{title_zh}为 {shown_zh}，但规则包未给出该类别的阈值",
                "{subject_en} is {shown_en}, but the pack has no threshold for this category"
            ),
            None,
        ),
        (_, Some(t), Some(ordering)) => {
            let tv = threshold_text(&t.value);
            let (tz, te, bz) = (&tv.zh, &tv.en, basis_zh(t.basis));
            let be = crate::rules::labels::basis(t.basis).en;
            // The sentence's pieces joined once (`[..].concat()`), not through `format!`: one of these
            // for every benchmark indicator of every product.
            if ordering != Ordering::Less {
                (
                    Verdict::Pass,
                    Text::new(
                        [title_zh, "为 ", &shown_zh, "，达到", bz, "阈值 ≥ ", tz].concat(),
                        [
                            &subject_en,
                            " is ",
                            &shown_en,
                            ", which meets the ",
                            &be,
                            " threshold of ≥ ",
                            te,
                        ]
                        .concat(),
                    ),
                    None,
                )
            } else {
                (
                    Verdict::Fail,
                    Text::new(
                        [title_zh, "为 ", &shown_zh, "，低于", bz, "阈值 ≥ ", tz].concat(),
                        [
                            &subject_en,
                            " is ",
                            &shown_en,
                            ", below the ",
                            &be,
                            " threshold of ≥ ",
                            te,
                        ]
                        .concat(),
                    ),
                    Some(gap(&t.value)),
                )
            }
        }
    };
    IndicatorResult {
        id: id.as_str(),
        value,
        display,
        threshold: threshold_ref,
        verdict,
        explanation: Some(explanation),
        gap: gap_text,
        gap_fields: Vec::new(),
        patents: Vec::new(),
    }
}

/// [`judge`] for the verdicts detail: the same verdict and gap, nothing the detail does not
/// write (value, display, threshold, sentence).
fn judge_verdict(
    id: IndicatorId,
    measure: &Measure,
    threshold: Option<&Decimal>,
    gap: GapWriter,
) -> IndicatorResult {
    let ordering = match (measure, threshold) {
        (Measure::Amount { value, .. }, Some(t)) => Some(value.cmp(t)),
        (
            Measure::Ratio {
                numerator,
                denominator,
                ..
            },
            Some(t),
        ) => exact::compare_ratio(numerator, denominator, t),
        _ => None,
    };
    let (verdict, gap) = match (measure, threshold, ordering) {
        (Measure::Missing(_, enter), _, _) => (Verdict::Undetermined, enter.clone()),
        (_, Some(t), Some(Ordering::Less)) => (Verdict::Fail, Some(gap(t))),
        (_, Some(_), Some(_)) => (Verdict::Pass, None),
        _ => (Verdict::Undetermined, None),
    };
    IndicatorResult {
        id: id.as_str(),
        value: None,
        display: None,
        threshold: None,
        verdict,
        explanation: None,
        gap,
        gap_fields: Vec::new(),
        patents: Vec::new(),
    }
}

/// Why a measure is missing, and what to enter (none when the figure is given but unusable).
type Missing = (Text, Option<Text>);

/// The data-year row's sales revenue, when it can divide (positive), else why not.
fn sales(ctx: &Context, facts: &ProductFacts) -> Result<Decimal, Missing> {
    let year = ctx.data_year;
    match facts.row {
        None => Err((
            text!(
                "没有 {year} 年（数据年度）的经济数据",
                "there are no figures for {year}, the data year"
            ),
            Some(figures::enter_data_year(year)),
        )),
        Some(row) if !row.sales_revenue.is_positive() => Err((
            text!("{year} 年销售收入为 0", "the {year} sales revenue is 0"),
            None,
        )),
        Some(row) => Ok(row.sales_revenue.clone()),
    }
}

fn ratio_of(
    numerator: Option<&Decimal>,
    figure: Figure,
    year: i32,
    denominator: &Result<Decimal, Missing>,
) -> Measure {
    match (numerator, denominator) {
        (_, Err((why, enter))) => Measure::Missing(why.clone(), enter.clone()),
        (None, _) => {
            let name = figure.name();
            let (zh, en) = (name.zh.as_str(), name.en.as_str());
            Measure::Missing(
                text!("未填写 {year} 年{zh}", "the {year} {en} is not given"),
                Some(figure.enter(year)),
            )
        }
        (Some(n), Ok(d)) => Measure::Ratio {
            numerator: n.clone(),
            denominator: d.clone(),
            money: true,
        },
    }
}

/// The amount by which `current` must rise to reach `threshold × base` (never negative).
fn shortfall(threshold: &Decimal, base: &Decimal, current: &Decimal) -> Decimal {
    let needed = threshold * base - current;
    if needed.is_negative() {
        Decimal::zero()
    } else {
        needed
    }
}

fn dimension(id: &'static str, mut indicators: Vec<IndicatorResult>) -> CriterionResult {
    let verdict = Verdict::combine(indicators.iter().map(|i| i.verdict));
    let explanation = Text::join(indicators.iter().filter_map(|i| i.explanation.as_ref()));
    // The indicators' sentences are the dimension's explanation: the report says them there once.
    for indicator in &mut indicators {
        indicator.explanation = None;
    }
    // Only the gaps of the indicators that decide the dimension: a fail's changes, or an
    // undetermined dimension's figures to enter.
    let mut gaps: Vec<&Text> = Vec::new();
    for gap in indicators
        .iter()
        .filter(|i| i.verdict == verdict)
        .filter_map(|i| i.gap.as_ref())
    {
        // Two indicators missing the same row ask for the same thing: say it once.
        if !gaps.contains(&gap) {
            gaps.push(gap);
        }
    }
    let gap = (!gaps.is_empty()).then(|| Text::join(gaps));
    // Joined, the indicators' gaps go on in lower case after the first; alone, each starts
    // with a capital. (Their explanations were moved into the dimension's above.)
    let indicators = indicators
        .into_iter()
        .map(|mut i| {
            i.gap = i.gap.map(Text::sentence);
            i
        })
        .collect();
    criterion_result(id, verdict, Vec::new(), indicators, explanation, gap)
}

/// B1 economic benefit: sales revenue of D and profit margin.
pub fn b1_economic_benefit(ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let sales = sales(ctx, facts);
    let revenue = match (&sales, facts.row) {
        (_, Some(row)) => Measure::Amount {
            value: row.sales_revenue.clone(),
            money: true,
        },
        (Err((why, enter)), None) => Measure::Missing(why.clone(), enter.clone()),
        (Ok(_), None) => Measure::Missing(
            text!("没有经济数据", "there are no figures"),
            Some(figures::enter_data_year(ctx.data_year)),
        ),
    };
    let current = facts
        .row
        .map(|r| r.sales_revenue.clone())
        .unwrap_or_default();
    let unit = facts.row.and_then(|r| r.unit);
    let revenue = judge(facts, IndicatorId::SalesRevenue, revenue, &|threshold| {
        let rise = figures::amount(&shortfall(threshold, &Decimal::from(1), &current), unit);
        let target = figures::amount_short(threshold, unit);
        let (rz, re, tz, te) = (&rise.zh, &rise.en, &target.zh, &target.en);
        text!(
            "销售收入须增加 {rz}，达到 {tz}",
            "sales revenue must rise by {re}, to {te}"
        )
    });
    let profit = facts.row.and_then(|r| r.profit.as_ref());
    let margin_measure = ratio_of(profit, Figure::Profit, ctx.data_year, &sales);
    let base = sales.clone().unwrap_or_default();
    let profit_now = profit.cloned().unwrap_or_default();
    let margin = judge(
        facts,
        IndicatorId::ProfitMargin,
        margin_measure,
        &|threshold| {
            let rise = figures::amount(&shortfall(threshold, &base, &profit_now), unit);
            let (rz, re) = (&rise.zh, &rise.en);
            text!("利润须增加 {rz}", "profit must rise by {re}")
        },
    );
    dimension("B1", vec![revenue, margin])
}

/// Σ weight(type) over the types of the counted patents (B2), weights from the pack's row.
/// (A trait object rather than a generic: one copy in the WebAssembly module for its three callers.)
pub(crate) fn weighted_strength(
    weights: &crate::pack::Weights,
    kinds: &mut dyn Iterator<Item = Option<PatentType>>,
) -> Decimal {
    let mut total = Decimal::zero();
    for kind in kinds.flatten() {
        total += weights.of(kind);
    }
    total
}

/// An amount indicator's verdict against its threshold in `row`, as [`judge`] gives it: pass at
/// or above, fail below, undetermined without a value or a threshold.
fn amount_verdict(
    row: Option<&crate::pack::Benchmark>,
    id: IndicatorId,
    value: Option<&Decimal>,
) -> Verdict {
    match (value, row.and_then(|row| row.threshold(id))) {
        (Some(value), Some(threshold)) if *value >= threshold.value => Verdict::Pass,
        (Some(_), Some(_)) => Verdict::Fail,
        _ => Verdict::Undetermined,
    }
}

/// B2's verdict from the counted invention patents and the weighted strength (absent when the
/// product has no benchmark row), without the explanations: the outlook's rounds use it.
pub(crate) fn b2_verdict(
    row: Option<&crate::pack::Benchmark>,
    inventions: u64,
    strength: Option<&Decimal>,
) -> Verdict {
    let inventions = Decimal::from(inventions);
    Verdict::combine([
        amount_verdict(row, IndicatorId::InventionPatents, Some(&inventions)),
        amount_verdict(row, IndicatorId::WeightedStrength, strength),
    ])
}

/// B2 protection strength: counted invention patents and weighted strength.
pub fn b2_protection_strength(_ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let weights = facts.benchmark.map(|row| &row.weights.value);
    let inventions = facts
        .counted()
        .filter(|l| l.patent.kind == Some(PatentType::Invention))
        .count();
    let invention_count = Decimal::from(inventions as u64);
    let mut count_result = judge(
        facts,
        IndicatorId::InventionPatents,
        Measure::Amount {
            value: invention_count.clone(),
            money: false,
        },
        &|threshold| {
            let more = exact::ceil_integer(&(threshold - &invention_count));
            let en = crate::text::plural(
                &more,
                "more counted invention patent is",
                "more counted invention patents are",
            );
            text!("还需 {more} 件计入的发明专利", "{en} needed")
        },
    );
    count_result.patents = facts
        .counted()
        .filter(|l| l.patent.kind == Some(PatentType::Invention))
        .map(|l| l.patent.number.as_str().to_string())
        .collect();
    let strength_measure = match weights {
        Some(weights) => Measure::Amount {
            value: weighted_strength(weights, &mut facts.counted().map(|l| l.patent.kind)),
            money: false,
        },
        None => Measure::Missing(
            text!(
                "规则包没有该类别的基准",
                "the pack has no benchmark for this category"
            ),
            None,
        ),
    };
    let current = match &strength_measure {
        Measure::Amount { value, .. } => value.clone(),
        _ => Decimal::zero(),
    };
    let strength = judge(
        facts,
        IndicatorId::WeightedStrength,
        strength_measure,
        &|threshold| {
            let deficit = threshold - &current;
            let shown = exact::plain(&deficit);
            let options: Vec<(String, String)> = weights
                .map(|w| {
                    [
                        (
                            PatentType::Invention,
                            "件发明专利",
                            "invention patent",
                            "invention patents",
                        ),
                        (
                            PatentType::UtilityModel,
                            "件实用新型",
                            "utility model",
                            "utility models",
                        ),
                        (PatentType::Design, "件外观设计", "design", "designs"),
                    ]
                    .into_iter()
                    .filter(|(kind, ..)| w.of(*kind).is_positive())
                    .map(|(kind, zh, one, many)| {
                        let n = exact::ceil_div(&deficit, w.of(kind)).unwrap_or_default();
                        let n = exact::plain(&n);
                        let more = crate::text::plural(
                            &n,
                            &format!("more {one}"),
                            &format!("more {many}"),
                        );
                        (format!("{n} {zh}"), more)
                    })
                    .collect()
                })
                .unwrap_or_default();
            let zh: Vec<&str> = options.iter().map(|o| o.0.as_str()).collect();
            let en: Vec<&str> = options.iter().map(|o| o.1.as_str()).collect();
            let zh = zh.join("，或 ");
            let en = match en.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                _ => en.join(""),
            };
            text!(
                "加权保护强度须增加 {shown}：再计入 {zh}",
                "the weighted protection strength must rise by {shown}: {en} must count"
            )
        },
    );
    dimension("B2", vec![count_result, strength])
}

/// B3 patent value contribution: patent revenue share and IP intensity.
pub fn b3_value_contribution(ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let sales = sales(ctx, facts);
    let unit = facts.row.and_then(|r| r.unit);
    let base = sales.clone().unwrap_or_default();
    let attributable = facts
        .row
        .and_then(|r| r.patent_attributable_revenue.as_ref());
    let attributable_now = attributable.cloned().unwrap_or_default();
    let share = judge(
        facts,
        IndicatorId::PatentRevenueShare,
        ratio_of(
            attributable,
            Figure::PatentAttributableRevenue,
            ctx.data_year,
            &sales,
        ),
        &|threshold| {
            let rise = figures::amount(&shortfall(threshold, &base, &attributable_now), unit);
            let (rz, re) = (&rise.zh, &rise.en);
            text!(
                "专利贡献收入须增加 {rz}",
                "the patent-attributable revenue must rise by {re}"
            )
        },
    );
    let investment = facts.row.and_then(|r| r.ip_investment.as_ref());
    let investment_now = investment.cloned().unwrap_or_default();
    let intensity = judge(
        facts,
        IndicatorId::IpIntensity,
        ratio_of(investment, Figure::IpInvestment, ctx.data_year, &sales),
        &|threshold| {
            let rise = figures::amount(&shortfall(threshold, &base, &investment_now), unit);
            let (rz, re) = (&rise.zh, &rise.en);
            text!(
                "知识产权投入须增加 {rz}",
                "the IP investment must rise by {re}"
            )
        },
    );
    dimension("B3", vec![share, intensity])
}

/// B4 dependence: share of core features the patents cover.
pub fn b4_dependence(ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let product = facts.product;
    let measure = match (product.core_features, product.covered_core_features) {
        (None, _) => Measure::Missing(
            text!(
                "未填写核心功能（技术特征）数",
                "the number of core features is not given"
            ),
            Some(Figure::CoreFeatures.enter(ctx.data_year)),
        ),
        (Some(0), _) => Measure::Missing(
            text!(
                "核心功能（技术特征）数为 0，覆盖率无法计算",
                "the number of core features is 0, so coverage has no meaning"
            ),
            Some(Figure::CoreFeatures.enter(ctx.data_year)),
        ),
        (_, None) => Measure::Missing(
            text!(
                "未填写被专利覆盖的核心功能数",
                "the number of core features the patents cover is not given"
            ),
            Some(Figure::CoveredCoreFeatures.enter(ctx.data_year)),
        ),
        (Some(core), Some(covered)) => Measure::Ratio {
            numerator: Decimal::from(covered),
            denominator: Decimal::from(core),
            money: false,
        },
    };
    let core = Decimal::from(product.core_features.unwrap_or(0));
    let covered = Decimal::from(product.covered_core_features.unwrap_or(0));
    let coverage = judge(
        facts,
        IndicatorId::CoreFeatureCoverage,
        measure,
        &|threshold| {
            let more = exact::ceil_integer(&shortfall(threshold, &core, &covered));
            let en = crate::text::plural(
                &more,
                "more core feature must be",
                "more core features must be",
            );
            text!(
                "还需 {more} 项核心功能被专利覆盖",
                "{en} covered by the patents"
            )
        },
    );
    dimension("B4", vec![coverage])
}
