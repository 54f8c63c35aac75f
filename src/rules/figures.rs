//! The figures a user enters, named in words (never by their JSON field), and what to enter
//! when one is missing: the gap of a criterion left undetermined by it.

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
