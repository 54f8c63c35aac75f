//! The figures a user enters, named in words (never by their JSON field), and what to enter
//! when one is missing: the gap of a criterion left undetermined by it.

use crate::exact::{self, Decimal};
use crate::input::MoneyUnit;
use crate::text::{text, Text};

/// A figure of the input whose absence leaves a criterion undetermined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Figure {
    /// `economics[].export_revenue`.
    ExportRevenue,
    /// `economics[].profit`.
    Profit,
    /// `economics[].ip_investment`.
    IpInvestment,
    /// `economics[].patent_attributable_revenue`.
    PatentAttributableRevenue,
    /// `products[].core_features`.
    CoreFeatures,
    /// `products[].covered_core_features`.
    CoveredCoreFeatures,
}

impl Figure {
    /// The JSON member of an economics row that holds the figure.
    fn member(self) -> &'static str {
        match self {
            Figure::ExportRevenue => "export_revenue",
            Figure::Profit => "profit",
            Figure::IpInvestment => "ip_investment",
            Figure::PatentAttributableRevenue => "patent_attributable_revenue",
            Figure::CoreFeatures => "core_features",
            Figure::CoveredCoreFeatures => "covered_core_features",
        }
    }

    /// Whether the figure is missing from `row` (the product's counts are not in a row).
    fn absent_from(self, row: &crate::input::Economics) -> bool {
        match self {
            Figure::ExportRevenue => row.export_revenue.is_none(),
            Figure::Profit => row.profit.is_none(),
            Figure::IpInvestment => row.ip_investment.is_none(),
            Figure::PatentAttributableRevenue => row.patent_attributable_revenue.is_none(),
            Figure::CoreFeatures | Figure::CoveredCoreFeatures => false,
        }
    }

    /// The figure's label, as the form shows it.
    pub(crate) fn name(self) -> Text {
        let (zh, en) = match self {
            Figure::ExportRevenue => ("出口收入", "export revenue"),
            Figure::Profit => ("利润", "profit"),
            Figure::IpInvestment => ("知识产权投入", "IP investment"),
            Figure::PatentAttributableRevenue => ("专利贡献收入", "patent-attributable revenue"),
            Figure::CoreFeatures => ("核心功能（技术特征）数", "number of core features"),
            Figure::CoveredCoreFeatures => (
                "被专利覆盖的核心功能数",
                "number of core features the patents cover",
            ),
        };
        Text::new(zh, en)
    }

    /// What to enter, for data year `year`: the gap of a criterion this figure's absence leaves
    /// undetermined. Where 0 is a true answer the gap says so, since an empty field is missing.
    pub(crate) fn enter(self, year: i32) -> Text {
        match self {
            Figure::ExportRevenue => text!(
                "填写 {year} 年出口收入（没有则填 0）",
                "enter the {year} export revenue — 0 if none"
            ),
            Figure::Profit => text!(
                "填写 {year} 年利润（利润总额，可为负数）",
                "enter the {year} profit (total profit before income tax; it may be negative)"
            ),
            Figure::IpInvestment => text!(
                "填写 {year} 年知识产权投入（没有则填 0）",
                "enter the {year} IP investment — 0 if none"
            ),
            Figure::PatentAttributableRevenue => text!(
                "填写 {year} 年专利贡献收入（销售收入中可归于专利技术的部分，没有则填 0）",
                "enter the {year} patent-attributable revenue (the part of sales revenue due to the patented technology) — 0 if none"
            ),
            Figure::CoreFeatures => text!(
                "填写产品的核心功能（技术特征）数（至少 1 项）",
                "enter the product's number of core features (at least 1)"
            ),
            Figure::CoveredCoreFeatures => text!(
                "填写被关联专利覆盖的核心功能数（没有则填 0）",
                "enter how many core features the linked patents cover — 0 if none"
            ),
        }
    }
}

/// The gap when the data year's row is missing altogether.
pub(crate) fn enter_data_year(year: i32) -> Text {
    let round = year + 1;
    text!(
        "填写 {year} 年的数据（{round} 年度的数据年度）",
        "enter the {year} figures (data year for round {round})"
    )
}

/// Names in an English list: "a", "a and b", "a, b and c".
pub(crate) fn english_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    }
}

/// A ratio as a percentage, rounded half-to-even to two places: `0.78 %` (the report's value
/// fields keep the exact ratio; only the sentences read it as a percentage).
pub(crate) fn percent(numerator: &Decimal, denominator: &Decimal) -> String {
    let hundred = Decimal::from(100);
    match exact::round_ratio(&(numerator * &hundred), denominator, 2) {
        Some(rounded) => {
            let mut out = exact::format_fixed(&rounded, 2);
            out.push_str(" %");
            out
        }
        None => String::new(),
    }
}

/// A ratio threshold as a percentage, exactly: `0.01` → `1 %`, `0.3` → `30 %`.
pub(crate) fn percent_threshold(value: &Decimal) -> String {
    let mut out = exact::plain(&(value * &Decimal::from(100)));
    out.push_str(" %");
    out
}

/// The power of ten a money unit scales by, and its short name in both languages.
fn unit_scale(unit: MoneyUnit) -> (Decimal, &'static str, &'static str) {
    match unit {
        MoneyUnit::Yuan => (Decimal::from(1), "元", "CNY"),
        MoneyUnit::Wan => (Decimal::new(1, 4), "万元", "wan"),
        MoneyUnit::Yi => (Decimal::new(1, 8), "亿元", "yi"),
    }
}

/// An amount of CNY in the unit the user wrote it in (`unit`, `None` for 元), without the 元
/// figure: `3,200 万元` / `3,200 wan` — for the two sides of a ratio.
pub(crate) fn amount_short(cny: &Decimal, unit: Option<MoneyUnit>) -> Text {
    let (scale, zh, en) = unit_scale(unit.unwrap_or(MoneyUnit::Yuan));
    let shown = exact::grouped(&(cny * &scale));
    Text::new([&shown, " ", zh].concat(), [&shown, " ", en].concat())
}

/// An amount of CNY in the user's own unit first, with the exact 元 figure beside it:
/// `3,200 万元（32,000,000 元）` / `3,200 wan (32,000,000 CNY)`; in 元 only when that is the unit.
pub(crate) fn amount(cny: &Decimal, unit: Option<MoneyUnit>) -> Text {
    let yuan = exact::grouped(cny);
    match unit {
        None | Some(MoneyUnit::Yuan) => {
            Text::new([&yuan, " 元"].concat(), [&yuan, " CNY"].concat())
        }
        Some(unit) => {
            let short = amount_short(cny, Some(unit));
            Text::new(
                [&short.zh, "（", &yuan, " 元）"].concat(),
                [&short.en, " (", &yuan, " CNY)"].concat(),
            )
        }
    }
}

/// A number of whole days in years and days, with the days in full: `about 10 years 15 days
/// (3,665 days)`. Years are counted as 365 days: the value is a mean over patents, not a span
/// between two dates, so "about" says it is approximate.
pub(crate) fn years_and_days(days: u64) -> Text {
    let (years, rest) = (days / 365, days % 365);
    let grouped = exact::grouped(&Decimal::from(days));
    let en_years = crate::text::plural(&years, "year", "years");
    let en_days = crate::text::plural(&rest, "day", "days");
    let en_total = crate::text::plural(&grouped, "day", "days");
    Text::new(
        format!("约 {years} 年 {rest} 天（{grouped} 天）"),
        format!("about {en_years} {en_days} ({en_total})"),
    )
}

/// The data year's figures each criterion or indicator needs, by id; an empty list means the
/// row itself (its absence is what leaves the criterion undetermined).
const ROW_FIGURES: &[(&str, &[Figure])] = &[
    (
        "G5",
        &[Figure::ExportRevenue, Figure::Profit, Figure::IpInvestment],
    ),
    ("B1", &[Figure::Profit]),
    ("B1.profit_margin", &[Figure::Profit]),
    ("B1.sales_revenue", &[]),
    (
        "B3",
        &[Figure::PatentAttributableRevenue, Figure::IpInvestment],
    ),
    (
        "B3.patent_revenue_share",
        &[Figure::PatentAttributableRevenue],
    ),
    ("B3.ip_intensity", &[Figure::IpInvestment]),
];

/// JSON pointers of the input fields whose absence leaves criterion or indicator `id`
/// undetermined: what its gap asks the user to fill. Empty when nothing is missing (an
/// undetermined left so by an unknown threshold, or a sales revenue of 0).
pub(crate) fn missing_fields(
    ctx: &super::Context,
    facts: &super::ProductFacts,
    id: &str,
) -> Vec<String> {
    let product = facts.product;
    let at = |name: &str| format!("/products/{}/{name}", product.index);
    let mut fields = Vec::new();
    if let Some((_, figures)) = ROW_FIGURES.iter().find(|(of, _)| *of == id) {
        match facts.row {
            None => fields.push(at("economics")),
            Some(row) => {
                for figure in figures.iter().filter(|f| f.absent_from(row)) {
                    fields.push(at(&format!("economics/{}/{}", row.index, figure.member())));
                }
            }
        }
    }
    // The other fields a gate or B4 asks for, formatted only when missing. An indicator
    // answers to its dimension's (`B4.core_feature_coverage` → B4).
    let of = |criterion: &str| {
        id == criterion
            || id
                .strip_prefix(criterion)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    let filer = &ctx.input.filer;
    if of("G1") && filer.org_type.is_none() {
        fields.push("/filer/org_type".to_string());
    }
    if of("G1") && filer.independent_legal_person.is_none() {
        fields.push("/filer/independent_legal_person".to_string());
    }
    let product_fields = [
        ("G2", product.filer_role.is_none(), "filer_role"),
        ("G7", product.status.is_none(), "status"),
        (
            "B4",
            matches!(product.core_features, None | Some(0)),
            "core_features",
        ),
        (
            "B4",
            product.covered_core_features.is_none(),
            "covered_core_features",
        ),
    ];
    for (criterion, missing, name) in product_fields {
        if missing && of(criterion) {
            fields.push(at(name));
        }
    }
    fields
}
