//! Informational indicators and per-patent high-value flags (rules.md §3.2, last paragraph):
//! reported to help the user, never judged.

use super::{figures, Context, LinkFacts, ProductFacts};
use crate::exact::{self, Decimal};
use crate::input::{Patent, PatentType};
use crate::report::{IndicatorResult, Verdict};
use crate::rules::standing::Standing;
use crate::text::{number, text, Text};

fn info(
    id: &'static str,
    value: Option<String>,
    display: Option<String>,
    explanation: Text,
    patents: Vec<String>,
) -> IndicatorResult {
    IndicatorResult {
        id,
        value,
        display,
        threshold: None,
        verdict: Verdict::NotApplicable,
        explanation: Some(explanation.sentence()),
        gap: None,
        gap_fields: Vec::new(),
        patents,
    }
}

/// A ratio indicator: the exact value and its 4-decimal display in the value fields, and a
/// sentence (`describe`, from numerator and denominator) in words.
fn ratio(
    id: &'static str,
    numerator: Option<&Decimal>,
    denominator: Option<&Decimal>,
    absent: Text,
    describe: &dyn Fn(&Decimal, &Decimal) -> Text,
) -> IndicatorResult {
    match (numerator, denominator.filter(|d| d.is_positive())) {
        (Some(n), Some(d)) => info(
            id,
            Some(exact::ratio_text(n, d)),
            exact::display_ratio(n, d),
            describe(n, d),
            Vec::new(),
        ),
        _ => info(id, None, None, absent, Vec::new()),
    }
}

fn numbers<'a>(links: impl Iterator<Item = &'a LinkFacts<'a>>) -> Vec<String> {
    links
        .map(|l| l.patent.number.as_str().to_string())
        .collect()
}

/// The high-value flags of a counted patent: only valid invention patents can carry them.
pub fn high_value_flags(ctx: &Context, link: &LinkFacts) -> Vec<&'static str> {
    patent_high_value(ctx, link.patent, link.standing)
}

/// A patent's high-value flags: they depend on the patent and its standing only, never on the
/// product that links it.
pub fn patent_high_value(ctx: &Context, patent: &Patent, standing: &Standing) -> Vec<&'static str> {
    if patent.kind != Some(PatentType::Invention) || !standing.counts() {
        return Vec::new();
    }
    let mut flags = Vec::new();
    if patent.strategic_emerging_industry {
        flags.push("strategic_emerging_industry");
    }
    if patent.foreign_family_granted {
        flags.push("foreign_family_granted");
    }
    let tenth_anniversary = patent.filing_date.and_then(|f| f.add_years(10));
    if tenth_anniversary.is_some_and(|anniversary| ctx.reference_date > anniversary) {
        flags.push("maintained_over_10_years");
    }
    if patent.pledged {
        flags.push("pledged");
    }
    if patent.awards.iter().any(|a| !a.trim().is_empty()) {
        flags.push("award");
    }
    flags
}

/// Every informational indicator of one product, in catalogue order.
pub fn informational(ctx: &Context, facts: &ProductFacts) -> Vec<IndicatorResult> {
    let row = facts.row;
    let sales = row.map(|r| &r.sales_revenue);
    let mut out = Vec::with_capacity(7);
    out.push(ratio(
        "info.export_share",
        row.and_then(|r| r.export_revenue.as_ref()),
        sales,
        text!(
            "缺少出口收入或销售收入",
            "the export or sales revenue is missing"
        ),
        &|n, d| {
            let p = figures::percent(n, d);
            Text::new(
                ["出口收入占销售收入的 ", &p].concat(),
                ["exports are ", &p, " of the sales revenue"].concat(),
            )
        },
    ));
    out.push(ratio(
        "info.sales_growth",
        match (row, facts.previous_row) {
            (Some(now), Some(before)) => Some(&now.sales_revenue - &before.sales_revenue),
            _ => None,
        }
        .as_ref(),
        facts.previous_row.map(|r| &r.sales_revenue),
        text!(
            "缺少上一年（数据年度前一年）的销售收入",
            "there is no sales revenue for the year before the data year"
        ),
        &|n, d| {
            let p = figures::percent(n, d);
            Text::new(
                ["销售收入较上一年变化 ", &p].concat(),
                ["the sales revenue changed by ", &p, " on the year before"].concat(),
            )
        },
    ));
    let counted: Vec<&LinkFacts> = facts.counted().collect();
    let counted_count = Decimal::from(counted.len() as u64);
    out.push(ratio(
        "info.patent_density",
        Some(&(&counted_count * &Decimal::from(100_000_000))),
        sales,
        text!("缺少销售收入", "the sales revenue is missing"),
        &|n, d| {
            let per = exact::round_ratio(n, d, 2)
                .map_or_else(String::new, |r| exact::format_fixed(&r, 2));
            Text::new(
                ["每亿元销售收入 ", &per, " 件计入专利"].concat(),
                [
                    &per,
                    " counted patents per 100,000,000 CNY of sales revenue",
                ]
                .concat(),
            )
        },
    ));
    let remaining: Option<Vec<i64>> = counted
        .iter()
        .map(|l| {
            l.standing
                .expires_on
                .map(|e| ctx.reference_date.days_until(e) - 1)
        })
        .collect();
    out.push(match remaining.filter(|r| !r.is_empty()) {
        Some(days) => {
            let total = Decimal::from(days.iter().sum::<i64>());
            let count = Decimal::from(days.len() as u64);
            let display = exact::display_ratio(&total, &count);
            let n = days.len();
            // Whole days, rounded half up: every patent counted is in term, so none is negative.
            let (sum, n64) = (days.iter().sum::<i64>().max(0).unsigned_abs(), n as u64);
            let span = figures::years_and_days((2 * sum + n64) / (2 * n64).max(1));
            let (sz, se) = (&span.zh, &span.en);
            let explanation = if n == 1 {
                text!(
                    "1 件计入专利的剩余保护期{sz}",
                    "the 1 counted patent has {se} of term left"
                )
            } else {
                text!(
                    "{n} 件计入专利的平均剩余保护期{sz}",
                    "the {n} counted patents have {se} of term left on average"
                )
            };
            info(
                "info.mean_remaining_term_days",
                Some(format!("{}/{}", exact::plain(&total), n)),
                display,
                explanation,
                Vec::new(),
            )
        }
        None => info(
            "info.mean_remaining_term_days",
            None,
            None,
            text!("没有计入的专利", "no patent counts"),
            Vec::new(),
        ),
    });
    let shared = numbers(
        facts
            .links
            .iter()
            .filter(|l| ctx.link_counts.get(l.patent.index).is_some_and(|c| *c > 1)),
    );
    let n = number(shared.len() as i64);
    let en = crate::text::plural(&n, "linked patent is", "linked patents are");
    out.push(info(
        "info.shared_patents",
        Some(n.clone()),
        Some(n.clone()),
        Text::new(
            [&n, " 件关联专利也被其他产品关联"].concat(),
            [&en, " also linked by another product"].concat(),
        ),
        shared,
    ));
    let core = numbers(counted.iter().copied().filter(|l| l.link.core));
    let n = number(core.len() as i64);
    let en = crate::text::plural(
        &n,
        "patent declared core counts",
        "patents declared core count",
    );
    out.push(info(
        "info.core_patents_counted",
        Some(n.clone()),
        Some(n.clone()),
        Text::new([&n, " 件声明为核心的专利计入"].concat(), en),
        core,
    ));
    let high_value = numbers(
        counted
            .iter()
            .copied()
            .filter(|l| !high_value_flags(ctx, l).is_empty()),
    );
    let n = number(high_value.len() as i64);
    let en = crate::text::plural(
        &n,
        "counted invention patent is high-value",
        "counted invention patents are high-value",
    );
    out.push(info(
        "info.high_value_patents",
        Some(n.clone()),
        Some(n.clone()),
        Text::new([&n, " 件计入的发明专利属于高价值发明专利"].concat(), en),
        high_value,
    ));
    out
}
