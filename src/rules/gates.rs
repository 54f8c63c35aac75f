//! The eligibility gates G1–G7 (rules.md §3.1).

use super::figures::{self, english_list, Figure};
use super::{criterion_result, Context, ProductFacts};
use crate::exact;
use crate::input::{FilerRole, ProductStatus};
use crate::report::{CriterionResult, NamedValue, Verdict};
use crate::rules::labels;
use crate::text::{text, Text};

fn value(name: &'static str, value: Option<String>, unit: &'static str) -> NamedValue {
    NamedValue { name, value, unit }
}

/// G1: the filer is an independent legal person of an allowed kind.
pub fn g1_filer(ctx: &Context) -> CriterionResult {
    let filer = &ctx.input.filer;
    let allowed = &ctx.pack.allowed_org_types.value;
    let kind = filer.org_type.map(|k| k.as_str());
    let independent = filer.independent_legal_person;
    let values = vec![
        value("filer.org_type", kind.map(str::to_string), "enum"),
        value(
            "filer.independent_legal_person",
            independent.map(|b| b.to_string()),
            "boolean",
        ),
    ];
    let kind_allowed = filer.org_type.map(|k| allowed.contains(&k));
    let (verdict, explanation, gap) = match (kind_allowed, independent) {
        (Some(false), _) => {
            let kind_zh = filer.org_type.map(labels::org_type).map(|t| t.zh).unwrap_or_default();
            let kind = filer.org_type.map(labels::org_type).map(|t| t.en).unwrap_or_default();
            let names: Vec<Text> = allowed.iter().map(|k| labels::org_type(*k)).collect();
            let zh: Vec<&str> = names.iter().map(|t| t.zh.as_str()).collect();
            let en: Vec<&str> = names.iter().map(|t| t.en.as_str()).collect();
            let (names_zh, names_en) = (zh.join("、"), en.join(", "));
            (
                Verdict::Fail,
                text!("机构类型“{kind_zh}”不在规则包允许的类型之内（{names_zh}）", "the kind of organisation, {kind}, is not one the pack allows ({names_en})"),
                Some(text!("须由允许类型的机构备案：{names_zh}", "the filer must be one of these: {names_en}")),
            )
        }
        (_, Some(false)) => (
            Verdict::Fail,
            text!("备案主体不是独立法人", "the filer is not an independent legal person"),
            Some(text!("须由独立法人（例如母公司或具有法人资格的子公司）备案", "an independent legal person (e.g. the parent or a subsidiary with legal personality) must file")),
        ),
        (Some(true), Some(true)) => {
            let kind = filer.org_type.map(labels::org_type).map(|t| t.en).unwrap_or_default();
            let kind_zh = filer.org_type.map(labels::org_type).map(|t| t.zh).unwrap_or_default();
            (Verdict::Pass, text!("备案主体为独立法人，类型“{kind_zh}”为允许类型", "the filer is an independent legal person of an allowed kind ({kind})"), None)
        }
        _ => (
            Verdict::Undetermined,
            text!("未填写机构类型或是否为独立法人，无法判断", "the kind of organisation or whether the filer is an independent legal person is not given, so this cannot be judged"),
            Some(text!("选择机构类型，并说明备案主体是否为独立法人", "choose the kind of organisation and say whether the filer is an independent legal person")),
        ),
    };
    criterion_result("G1", verdict, values, Vec::new(), explanation, gap)
}

/// G2: the filer makes and/or sells the product.
pub fn g2_role(_ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let role = facts.product.filer_role;
    let values = vec![value(
        "product.filer_role",
        role.map(|r| r.as_str().to_string()),
        "enum",
    )];
    let (verdict, explanation, gap) = match role {
        Some(role) => {
            let (zh, en) = match role {
                FilerRole::Manufacturer => ("生产", "makes"),
                FilerRole::Seller => ("销售", "sells"),
                FilerRole::ManufacturerAndSeller => ("生产并销售", "makes and sells"),
            };
            (
                Verdict::Pass,
                text!("备案主体{zh}该产品", "the filer {en} the product"),
                None,
            )
        }
        None => (
            Verdict::Undetermined,
            text!(
                "未填写备案主体对该产品的角色（生产、销售或两者），无法判断",
                "the filer's role (makes, sells or both) is not given, so this cannot be judged"
            ),
            Some(text!(
                "选择备案主体的角色：生产、销售，或生产并销售",
                "choose the filer's role: makes it, sells it, or makes and sells it"
            )),
        ),
    };
    criterion_result("G2", verdict, values, Vec::new(), explanation, gap)
}

/// G3's verdict from the number of linked patents and of those the filer has no right to.
pub(crate) fn g3_verdict(linked: usize, without_right: usize) -> Verdict {
    every_one_holds(linked, without_right)
}

/// G4's verdict from the number of counted patents and the pack's minimum.
pub(crate) fn g4_verdict(counted: u64, minimum: u64) -> Verdict {
    if counted >= minimum {
        Verdict::Pass
    } else {
        Verdict::Fail
    }
}

/// G6's verdict from the number of counted links and of those without a statement of use.
pub(crate) fn g6_verdict(counted: usize, without_statement: usize) -> Verdict {
    every_one_holds(counted, without_statement)
}

/// A gate over a set of patents or links that must each meet it (G3, G6): not applicable to an
/// empty set, passed when none of `total` is `lacking`, failed otherwise.
fn every_one_holds(total: usize, lacking: usize) -> Verdict {
    if total == 0 {
        Verdict::NotApplicable
    } else if lacking == 0 {
        Verdict::Pass
    } else {
        Verdict::Fail
    }
}

/// Whether a link lacks a statement of use (G6).
pub(crate) fn lacks_statement(link: &crate::input::Link) -> bool {
    link.statement
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
}

/// G3: the filer has a right to every linked patent on the reference date.
pub fn g3_right(ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let date = ctx.reference_date;
    let without: Vec<&str> = facts
        .links
        .iter()
        .filter(|link| link.standing.reasons.iter().any(|r| r.code == "no_right"))
        .map(|link| link.patent.number.as_str())
        .collect();
    let linked = facts.links.len();
    let values = vec![
        value("linked_patents", Some(linked.to_string()), "patents"),
        value(
            "linked_patents_without_right",
            Some(without.len().to_string()),
            "patents",
        ),
        value("reference_date", Some(date.to_string()), "date"),
    ];
    let (verdict, explanation, gap) = match g3_verdict(linked, without.len()) {
        Verdict::NotApplicable => (
            Verdict::NotApplicable,
            text!("产品未关联任何专利", "the product links no patent"),
            None,
        ),
        Verdict::Pass => (
            Verdict::Pass,
            {
                let all_en = match linked {
                    1 => "the linked patent".to_string(),
                    2 => "both linked patents".to_string(),
                    n => format!("all {n} linked patents"),
                };
                text!(
                    "参照日 {date}，备案主体对全部 {linked} 件关联专利享有专利权或有效许可",
                    "on {date} the filer holds the patent or a covering licence for {all_en}"
                )
            },
            None,
        ),
        _ => {
            let (list_zh, list_en) = (without.join("、"), english_list(&without));
            let count = without.len();
            let count_en = crate::text::plural(&count, "linked patent", "linked patents");
            (
                Verdict::Fail,
                text!(
                    "参照日 {date}，备案主体对 {count} 件关联专利没有权利：{list_zh}",
                    "on {date} the filer has no right to {count_en}: {list_en}"
                ),
                Some(text!(
                "取得以下专利覆盖 {date} 的专利权或许可，或取消关联：{list_zh}",
                "obtain ownership of {list_en} or a licence covering {date}, or remove the link"
            )),
            )
        }
    };
    criterion_result("G3", verdict, values, Vec::new(), explanation, gap)
}

/// G4: at least the pack's minimum number of linked patents count.
pub fn g4_valid_patents(ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let minimum = ctx.pack.min_counted_patents.value;
    let counted = facts.counted().count() as u64;
    let year_end = format!("{}-12-31", ctx.data_year);
    let date = ctx.reference_date;
    let values = vec![
        value("counted_patents", Some(counted.to_string()), "patents"),
        value("min_counted_patents", Some(minimum.to_string()), "patents"),
        value("data_year_end", Some(year_end.clone()), "date"),
        value("reference_date", Some(date.to_string()), "date"),
    ];
    let (verdict, explanation, gap) = if g4_verdict(counted, minimum) == Verdict::Pass {
        (
            Verdict::Pass,
            {
                let en =
                    crate::text::plural(&counted, "linked patent counts", "linked patents count");
                text!(
                    "{counted} 件关联专利计入（至少须 {minimum} 件）",
                    "{en} (at least {minimum} needed)"
                )
            },
            None,
        )
    } else {
        let missing = minimum - counted;
        let missing_en = crate::text::plural(&missing, "more patent", "more patents");
        let why = facts
            .links
            .iter()
            .find(|link| !link.standing.counts())
            .and_then(|link| link.standing.reasons.first())
            .map(|reason| reason.message.clone());
        let gap = match why {
            Some(why) => Text::new(
                format!("还需 {missing} 件计入的专利（{year_end} 前授权、参照日有效且在保护期内、备案主体有权利的中国专利）；例如：{}", why.zh),
                format!("{missing_en} must count (Chinese, granted by {year_end}, valid and in term on {date}, with the filer's right); for example, {}", why.en),
            ),
            None => text!(
                "还需 {missing} 件计入的专利（{year_end} 前授权、参照日有效且在保护期内、备案主体有权利的中国专利）",
                "{missing_en} must count (Chinese, granted by {year_end}, valid and in term on {date}, with the filer's right)"
            ),
        };
        (
            Verdict::Fail,
            {
                let en =
                    crate::text::plural(&counted, "linked patent counts", "linked patents count");
                text!(
                    "只有 {counted} 件关联专利计入，少于要求的 {minimum} 件",
                    "only {en}, fewer than the {minimum} required"
                )
            },
            Some(gap),
        )
    };
    criterion_result("G4", verdict, values, Vec::new(), explanation, gap)
}

/// G5: an economics row exists for data year D with usable figures. A missing row or figure is
/// missing input: undetermined (input-format.md, "What each figure means"), with the figure to
/// enter as the gap.
pub fn g5_data_year(ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let year = ctx.data_year;
    let Some(row) = facts.row else {
        return criterion_result(
            "G5",
            Verdict::Undetermined,
            vec![value("economics.year", None, "year")],
            Vec::new(),
            text!(
                "没有数据年度 {year} 年的经济数据",
                "there are no figures for {year}, the data year"
            ),
            Some(figures::enter_data_year(year)),
        );
    };
    let money = |v: &Option<crate::exact::Decimal>| v.as_ref().map(exact::plain);
    let values = vec![
        value("economics.year", Some(year.to_string()), "year"),
        value(
            "sales_revenue",
            Some(exact::plain(&row.sales_revenue)),
            "CNY",
        ),
        value("export_revenue", money(&row.export_revenue), "CNY"),
        value("profit", money(&row.profit), "CNY"),
        value("ip_investment", money(&row.ip_investment), "CNY"),
    ];
    let (verdict, explanation, gap) = if !row.sales_revenue.is_positive() {
        (
            Verdict::Fail,
            text!("{year} 年销售收入为 0", "the {year} sales revenue is 0"),
            Some(text!(
                "数据年度 {year} 须有大于 0 的销售收入",
                "data year {year} must show sales revenue above 0"
            )),
        )
    } else {
        let missing: Vec<Figure> = [
            (Figure::ExportRevenue, row.export_revenue.is_none()),
            (Figure::Profit, row.profit.is_none()),
            (Figure::IpInvestment, row.ip_investment.is_none()),
        ]
        .into_iter()
        .filter_map(|(figure, absent)| absent.then_some(figure))
        .collect();
        if missing.is_empty() {
            let sales = figures::amount(&row.sales_revenue, row.unit);
            let (sz, se) = (&sales.zh, &sales.en);
            (
                Verdict::Pass,
                text!(
                    "{year} 年经济数据完整，销售收入 {sz}",
                    "the {year} figures are complete, with a sales revenue of {se}"
                ),
                None,
            )
        } else {
            let names: Vec<Text> = missing.iter().map(|f| f.name()).collect();
            let zh: Vec<&str> = names.iter().map(|t| t.zh.as_str()).collect();
            let en: Vec<&str> = names.iter().map(|t| t.en.as_str()).collect();
            let (zh, en) = (zh.join("、"), english_list(&en));
            let enter: Vec<Text> = missing.iter().map(|f| f.enter(year)).collect();
            (
                Verdict::Undetermined,
                text!(
                    "{year} 年经济数据缺少{zh}",
                    "the {year} figures lack the {en}"
                ),
                Some(Text::join(&enter)),
            )
        }
    };
    criterion_result("G5", verdict, values, Vec::new(), explanation, gap)
}

/// G6: every counted link carries a non-empty statement of use.
pub fn g6_association(_ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let counted: Vec<_> = facts.counted().collect();
    let blank: Vec<&str> = counted
        .iter()
        .filter(|link| lacks_statement(link.link))
        .map(|link| link.patent.number.as_str())
        .collect();
    let total = counted.len();
    let values = vec![
        value("counted_links", Some(total.to_string()), "links"),
        value(
            "counted_links_without_statement",
            Some(blank.len().to_string()),
            "links",
        ),
    ];
    let verdict = g6_verdict(total, blank.len());
    let (verdict, explanation, gap) = if verdict == Verdict::NotApplicable {
        (
            Verdict::NotApplicable,
            text!("没有计入的关联专利", "no linked patent counts"),
            None,
        )
    } else if verdict == Verdict::Pass {
        (
            Verdict::Pass,
            {
                let en = match total {
                    1 => "the counted link carries a statement of use".to_string(),
                    2 => "both counted links carry a statement of use".to_string(),
                    n => format!("all {n} counted links carry a statement of use"),
                };
                text!("全部 {total} 件计入的关联专利均有实施说明", "{en}")
            },
            None,
        )
    } else {
        let (list_zh, list_en) = (blank.join("、"), english_list(&blank));
        let lack_en = if blank.len() == 1 {
            "a counted link lacks a statement of use"
        } else {
            "these counted links lack a statement of use"
        };
        (
            Verdict::Fail,
            text!(
                "以下计入的关联专利缺少实施说明：{list_zh}",
                "{lack_en}: {list_en}"
            ),
            Some(text!(
                "为以下专利填写产品如何实施该专利：{list_zh}",
                "state how the product implements {list_en}"
            )),
        )
    };
    criterion_result("G6", verdict, values, Vec::new(), explanation, gap)
}

/// G7: the product is on the market.
pub fn g7_on_market(_ctx: &Context, facts: &ProductFacts) -> CriterionResult {
    let status = facts.product.status;
    let values = vec![value(
        "product.status",
        status.map(|s| s.as_str().to_string()),
        "enum",
    )];
    let (verdict, explanation, gap) = match status {
        Some(ProductStatus::OnMarket) => (
            Verdict::Pass,
            text!("产品在售", "the product is on the market"),
            None,
        ),
        Some(ProductStatus::Withdrawn) => (
            Verdict::Fail,
            text!(
                "产品已撤回，不在售",
                "the product is withdrawn, not on the market"
            ),
            Some(text!(
                "只有在售产品可以备案和认定",
                "only a product on the market can be filed and certified"
            )),
        ),
        None => (
            Verdict::Undetermined,
            text!(
                "未填写产品状态，无法判断",
                "the product's status is not given, so this cannot be judged"
            ),
            Some(text!(
                "选择产品状态：在售或已停售",
                "choose the product's status: on the market or withdrawn"
            )),
        ),
    };
    criterion_result("G7", verdict, values, Vec::new(), explanation, gap)
}
