//! The criteria's own metadata (rules.md §3): id, title, source and the rule in words. Reports and
//! the generated rule book both read it from here, so the text an auditor reads is the text the
//! code carries.

use crate::pack::{Basis, IndicatorId};
use crate::report::{Catalogue, CatalogueEntry, Citation};
use crate::text::Text;

/// Metadata of one criterion.
#[derive(Debug)]
pub struct Criterion {
    /// `G1`…`G7`, `B1`…`B4`.
    pub id: &'static str,
    /// Title in Chinese.
    pub title_zh: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    /// Where the rule comes from, in Chinese (the text of version 1 reports' `citation.source`).
    pub source: &'static str,
    /// Where the rule comes from, in English: Chinese document titles stay inside 《》 and
    /// notice numbers as issued, beside an English description.
    pub source_en: &'static str,
    /// The basis of the rule itself (benchmark thresholds carry their own, from the pack).
    pub basis: Basis,
    /// The rule in Chinese.
    pub rule_zh: &'static str,
    /// The rule in English.
    pub rule_en: &'static str,
    /// Benchmark indicators that belong to it.
    pub indicators: &'static [IndicatorId],
}

/// Metadata of a benchmark or informational indicator.
#[derive(Debug)]
pub struct Indicator {
    /// e.g. `B3.ip_intensity`.
    pub id: &'static str,
    /// Title in Chinese.
    pub title_zh: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    /// The exact formula.
    pub formula: &'static str,
    /// Unit of the value.
    pub unit: &'static str,
}

const BASIS_GATE: Basis = Basis::PublicNotice;
const BENCHMARK_SOURCE: &str = "T/PPAC 402-2022 / GB/T 46961-2025 四个基准维度（中国专利保护协会 2024 年度通知，2024-08-14）；指标公式为本项目所定";
const BENCHMARK_SOURCE_EN: &str = "the four benchmark dimensions of T/PPAC 402-2022 and GB/T 46961-2025 《专利密集型产品评价方法》 (evaluation method for patent-intensive products), as the China Patent Protection Association's notice on the 2024 round (2024-08-14) lists them; the indicator formulas are this project's";

/// Every criterion, in report order.
pub const CRITERIA: &[Criterion] = &[
    Criterion {
        id: "G1",
        title_zh: "备案主体资格",
        title_en: "Eligible filer",
        source: "备案平台规则，经代理机构指南转述（二手来源）",
        source_en: "the filing platform's rules, as agency guides relay them (a secondary source)",
        basis: BASIS_GATE,
        rule_zh: "备案主体为独立法人，且属于规则包允许的类型：企业、高等院校、科研院所、新型研发机构、社会组织",
        rule_en: "the filer is an independent legal person of a kind the pack allows: enterprise, university, research institute, new R&D institution, social organisation",
        indicators: &[],
    },
    Criterion {
        id: "G2",
        title_zh: "生产或销售产品",
        title_en: "Makes or sells the product",
        source: "上海市知识产权局政策解读（2025-07-04）",
        source_en: "Shanghai Intellectual Property Administration, policy explainer (2025-07-04)",
        basis: BASIS_GATE,
        rule_zh: "备案主体生产和/或销售该产品",
        rule_en: "the filer makes and/or sells the product",
        indicators: &[],
    },
    Criterion {
        id: "G3",
        title_zh: "专利权利",
        title_en: "Right to the linked patents",
        source: "中国专利保护协会 2024 年度认定通知（2024-08-14）；上海市知识产权局政策解读（2025-07-04）",
        source_en: "China Patent Protection Association, notice on the 2024 certification round (2024-08-14); Shanghai Intellectual Property Administration, policy explainer (2025-07-04)",
        basis: BASIS_GATE,
        rule_zh: "参照日当天，备案主体是每件关联专利的专利权人之一（有统一社会信用代码时按代码、否则按规范化名称匹配），或持有许可期覆盖参照日的许可；转让取得的专利以参照日的专利权人为准",
        rule_en: "on the reference date the filer is a patentee of every linked patent (matched by USCC when given, else by normalised name) or holds a licence whose term covers that date; transferred-in patents count when the filer is patentee on that date",
        indicators: &[],
    },
    Criterion {
        id: "G4",
        title_zh: "有效专利",
        title_en: "Valid patents",
        source: "国知办函运字〔2022〕985号、〔2023〕584号；备案规则（关联专利全部失效的备案予以撤销）",
        source_en: "CNIPA notices 国知办函运字〔2022〕985号 and 〔2023〕584号; the filing rules (a filing whose linked patents have all lapsed is revoked)",
        basis: BASIS_GATE,
        rule_zh: "至少有规则包规定件数的关联专利计入：中国专利，数据年度 12 月 31 日前授权，参照日法律状态有效且在保护期内，且备案主体有权利（G3）",
        rule_en: "at least the pack's minimum number of linked patents count: CN, granted by 31 December of the data year, valid and in term on the reference date, with the filer's right (G3)",
        indicators: &[],
    },
    Criterion {
        id: "G5",
        title_zh: "数据年度经济数据",
        title_en: "Data-year economics",
        source: "国知办函运字〔2023〕584号；中国专利保护协会 2024 年度认定通知",
        source_en: "CNIPA notice 国知办函运字〔2023〕584号; China Patent Protection Association, notice on the 2024 certification round",
        basis: BASIS_GATE,
        rule_zh: "有数据年度 D 的经济数据，销售收入大于 0，0 ≤ 出口收入 ≤ 销售收入，已填利润（可为负）和知识产权投入（≥ 0）",
        rule_en: "an economics row exists for data year D with sales revenue above 0, 0 ≤ export revenue ≤ sales revenue, a profit (may be negative) and an IP investment ≥ 0",
        indicators: &[],
    },
    Criterion {
        id: "G6",
        title_zh: "专利实施说明",
        title_en: "Statement of patent use",
        source: "备案规则（专利实施声明）",
        source_en: "the filing rules (declaration of patent use)",
        basis: BASIS_GATE,
        rule_zh: "每件计入的关联专利都附有非空的实施说明（产品如何使用该专利）",
        rule_en: "every counted link carries a non-empty statement of how the product implements the patent",
        indicators: &[],
    },
    Criterion {
        id: "G7",
        title_zh: "产品在售",
        title_en: "Product on the market",
        source: "备案规则（撤回的产品予以撤销）",
        source_en: "the filing rules (a withdrawn product's filing is revoked)",
        basis: BASIS_GATE,
        rule_zh: "产品状态为在售",
        rule_en: "the product's status is on the market",
        indicators: &[],
    },
    Criterion {
        id: "B1",
        title_zh: "经济效益",
        title_en: "Economic benefit",
        source: BENCHMARK_SOURCE,
        source_en: BENCHMARK_SOURCE_EN,
        basis: Basis::Reference,
        rule_zh: "数据年度销售收入与利润率均达到基准",
        rule_en: "sales revenue and profit margin of the data year both meet the benchmark",
        indicators: &[IndicatorId::SalesRevenue, IndicatorId::ProfitMargin],
    },
    Criterion {
        id: "B2",
        title_zh: "专利保护强度",
        title_en: "Patent protection strength",
        source: BENCHMARK_SOURCE,
        source_en: BENCHMARK_SOURCE_EN,
        basis: Basis::Reference,
        rule_zh: "计入的发明专利件数与加权保护强度均达到基准",
        rule_en: "the counted invention patents and the weighted protection strength both meet the benchmark",
        indicators: &[IndicatorId::InventionPatents, IndicatorId::WeightedStrength],
    },
    Criterion {
        id: "B3",
        title_zh: "专利价值贡献",
        title_en: "Patent value contribution",
        source: BENCHMARK_SOURCE,
        source_en: BENCHMARK_SOURCE_EN,
        basis: Basis::Reference,
        rule_zh: "专利贡献收入占比与知识产权投入强度均达到基准",
        rule_en: "the patent revenue share and the IP investment intensity both meet the benchmark",
        indicators: &[IndicatorId::PatentRevenueShare, IndicatorId::IpIntensity],
    },
    Criterion {
        id: "B4",
        title_zh: "竞争力对专利依赖度",
        title_en: "Dependence of competitiveness on patents",
        source: BENCHMARK_SOURCE,
        source_en: BENCHMARK_SOURCE_EN,
        basis: Basis::Reference,
        rule_zh: "专利覆盖的核心功能占比达到基准",
        rule_en: "the share of core features the patents cover meets the benchmark",
        indicators: &[IndicatorId::CoreFeatureCoverage],
    },
];

/// Every indicator, benchmark ones first, then informational ones.
pub const INDICATORS: &[Indicator] = &[
    Indicator {
        id: "B1.sales_revenue",
        title_zh: "销售收入",
        title_en: "Sales revenue",
        formula: "sales_revenue(D)",
        unit: "CNY",
    },
    Indicator {
        id: "B1.profit_margin",
        title_zh: "利润率",
        title_en: "Profit margin",
        formula: "profit / sales_revenue",
        unit: "ratio",
    },
    Indicator {
        id: "B2.invention_patents",
        title_zh: "计入的发明专利",
        title_en: "Counted invention patents",
        formula: "count(counted patents of type invention)",
        unit: "patents",
    },
    Indicator {
        id: "B2.weighted_strength",
        title_zh: "加权保护强度",
        title_en: "Weighted protection strength",
        formula: "Σ weight(type) over counted patents",
        unit: "weighted patents",
    },
    Indicator {
        id: "B3.patent_revenue_share",
        title_zh: "专利贡献收入占比",
        title_en: "Patent revenue share",
        formula: "patent_attributable_revenue / sales_revenue",
        unit: "ratio",
    },
    Indicator {
        id: "B3.ip_intensity",
        title_zh: "知识产权投入强度",
        title_en: "IP investment intensity",
        formula: "ip_investment / sales_revenue",
        unit: "ratio",
    },
    Indicator {
        id: "B4.core_feature_coverage",
        title_zh: "核心功能专利覆盖率",
        title_en: "Core feature coverage",
        formula: "covered_core_features / core_features",
        unit: "ratio",
    },
    Indicator {
        id: "info.export_share",
        title_zh: "出口占比",
        title_en: "Export share",
        formula: "export_revenue / sales_revenue",
        unit: "ratio",
    },
    Indicator {
        id: "info.sales_growth",
        title_zh: "销售收入增长率",
        title_en: "Sales growth",
        formula: "(sales_revenue(D) − sales_revenue(D−1)) / sales_revenue(D−1)",
        unit: "ratio",
    },
    Indicator {
        id: "info.patent_density",
        title_zh: "专利密度",
        title_en: "Patent density",
        formula: "counted patents × 100,000,000 / sales_revenue",
        unit: "patents per 100,000,000 CNY",
    },
    Indicator {
        id: "info.mean_remaining_term_days",
        title_zh: "平均剩余保护期",
        title_en: "Mean remaining term",
        formula: "mean over counted patents of (last day in term − reference date)",
        unit: "days",
    },
    Indicator {
        id: "info.shared_patents",
        title_zh: "与其他产品共用的专利",
        title_en: "Patents shared with other products",
        formula: "count(linked patents also linked by another product)",
        unit: "patents",
    },
    Indicator {
        id: "info.core_patents_counted",
        title_zh: "计入的核心专利",
        title_en: "Core patents that count",
        formula: "count(links marked core whose patent counts)",
        unit: "patents",
    },
    Indicator {
        id: "info.high_value_patents",
        title_zh: "高价值发明专利",
        title_en: "High-value invention patents",
        formula: "count(counted invention patents with a high-value flag)",
        unit: "patents",
    },
];

impl Criterion {
    /// Where the rule comes from, in both languages.
    pub fn source(&self) -> Text {
        Text::new(self.source, self.source_en)
    }
}

/// A source text of a rule pack (a parameter's, a threshold's, the weights') in both
/// languages. The shipped packs' texts are Chinese; their English is rendered here rather than
/// written into the packs, whose SHA-256 identifies them in every report. A text this
/// function does not know (an auditor's own pack) is shown as written in both.
pub fn pack_source(source: &str) -> Text {
    let known = [
        (
            "国知办函运字〔2022〕985号、〔2023〕584号；备案规则：关联专利全部失效的备案予以撤销",
            "CNIPA notices 国知办函运字〔2022〕985号 and 〔2023〕584号; the filing rules: a filing whose linked patents have all lapsed is revoked",
        ),
        (
            "备案平台规则（经代理机构指南转述，二手来源）",
            "the filing platform's rules (as agency guides relay them; a secondary source)",
        ),
        // The documents the shipped packs list as their sources.
        (
            "国知办函运字〔2022〕985号：专利产品备案与专利密集型产品认定两步模式",
            "CNIPA notice 国知办函运字〔2022〕985号: the two-step model, patent product filing and then patent-intensive product certification",
        ),
        (
            "国知办函运字〔2023〕584号（2023-07-21）：自 2023 年起按年度开展认定；以 T/PPAC 402-2022 为基准；产品须达到所属类别基准",
            "CNIPA notice 国知办函运字〔2023〕584号 (2023-07-21): yearly certification rounds from 2023; T/PPAC 402-2022 as the benchmark; a product must meet the benchmark of its category",
        ),
        (
            "中国专利保护协会 2024 年度认定工作通知（2024-08-14）：数据年度 2023；四个基准维度；许可或转让取得的专利可计入",
            "China Patent Protection Association, notice on the 2024 certification round (2024-08-14): data year 2023; four benchmark dimensions; patents obtained by licence or transfer count",
        ),
        (
            "上海市知识产权局政策解读（2025-07-04）：备案主体须为专利权人或生产、销售产品的被许可人",
            "Shanghai Intellectual Property Administration, policy explainer (2025-07-04): the filer must be the patentee, or a licensee that makes or sells the product",
        ),
        (
            "2025 年度认定（二手报道）：截止 2025-09-15，数据年度 2024；专利性评价在前、产业性评价在后；本工具仅预审专利性评价",
            "The 2025 round (secondary reports): cut-off 2025-09-15, data year 2024; the patent evaluation first, then the industry evaluation; this tool pre-screens only the patent evaluation",
        ),
        (
            "GB/T 46961-2025《专利密集型产品评价方法》：国家标准，2025-12-31 发布并实施",
            "GB/T 46961-2025 《专利密集型产品评价方法》 (evaluation method for patent-intensive products): national standard, issued and in force on 2025-12-31",
        ),
        (
            "2025 年度认定（二手报道）：专利性评价在前、产业性评价在后；本工具仅预审专利性评价",
            "The 2025 round (secondary reports): the patent evaluation first, then the industry evaluation; this tool pre-screens only the patent evaluation",
        ),
    ];
    if let Some((_, en)) = known.iter().find(|(zh, _)| *zh == source) {
        return Text::new(source, *en);
    }
    // "patent-intensive 参考值（STANDARD 分类基准值未公开）" and "… 参考权重（STANDARD 指标公式未公开）".
    let shapes = [
        (
            "patent-intensive 参考值（",
            " 分类基准值未公开）",
            "this project's reference value (the per-category benchmark values of ",
            " are not public)",
        ),
        (
            "patent-intensive 参考权重（",
            " 指标公式未公开）",
            "this project's reference weights (the indicator formulas of ",
            " are not public)",
        ),
    ];
    for (head, tail, en_head, en_tail) in shapes {
        if let Some(standard) = source.strip_prefix(head).and_then(|r| r.strip_suffix(tail)) {
            if standard.is_ascii() {
                return Text::new(source, format!("{en_head}{standard}{en_tail}"));
            }
        }
    }
    Text::new(source, source)
}

/// The metadata of criterion `id`.
pub fn criterion(id: &str) -> Option<&'static Criterion> {
    CRITERIA.iter().find(|c| c.id == id)
}

/// The metadata of indicator `id`.
pub fn indicator(id: &str) -> Option<&'static Indicator> {
    INDICATORS.iter().find(|i| i.id == id)
}

/// The catalogue of a report assessed with `pack`.
pub fn report_catalogue(pack: &crate::pack::RulePack) -> Catalogue {
    let mut entries = Vec::with_capacity(CRITERIA.len() + INDICATORS.len());
    for c in CRITERIA {
        let basis = if c.id == "G4" {
            pack.min_counted_patents.basis
        } else {
            c.basis
        };
        entries.push((
            c.id,
            CatalogueEntry {
                title: Text::new(c.title_zh, c.title_en),
                citation: Some(Citation {
                    source: c.source().sentence(),
                    basis,
                }),
                rule: Some(Text::new(c.rule_zh, c.rule_en).sentence()),
                indicators: c.indicators.iter().map(|i| i.as_str()).collect(),
                formula: None,
                unit: None,
                thresholds: Vec::new(),
            },
        ));
    }
    for i in INDICATORS {
        let mut thresholds = Vec::new();
        for row in &pack.benchmarks {
            let threshold = row
                .thresholds
                .iter()
                .find(|(id, _)| id.as_str() == i.id)
                .and_then(|(_, t)| t.as_ref());
            if let Some(t) = threshold {
                thresholds.push((
                    row.category.clone(),
                    Citation {
                        source: pack_source(&t.source).sentence(),
                        basis: t.basis,
                    },
                ));
            }
        }
        entries.push((
            i.id,
            CatalogueEntry {
                title: Text::new(i.title_zh, i.title_en),
                citation: None,
                rule: None,
                indicators: Vec::new(),
                formula: Some(i.formula),
                unit: Some(i.unit),
                thresholds,
            },
        ));
    }
    Catalogue::new(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English of a source outside 《》 titles and the notice numbers, which stay as issued.
    fn outside_titles(en: &str) -> String {
        let outside: String = en
            .split('《')
            .map(|part| part.split_once('》').map_or(part, |(_, rest)| rest))
            .collect();
        outside
            .replace("国知办函运字", "")
            .replace("〔2022〕985号", "")
            .replace("〔2023〕584号", "")
    }

    #[test]
    fn every_source_of_the_shipped_packs_reads_in_english() {
        for pack in crate::pack::embedded() {
            let mut sources = vec![
                pack.allowed_org_types.source.clone(),
                pack.min_counted_patents.source.clone(),
            ];
            sources.extend(pack.sources.iter().cloned());
            for row in &pack.benchmarks {
                sources.push(row.weights.source.clone());
                for id in IndicatorId::ALL {
                    if let Some(t) = row.threshold(id) {
                        sources.push(t.source.clone());
                    }
                }
            }
            for source in sources {
                let text = pack_source(&source);
                assert_eq!(text.zh, source);
                assert!(
                    outside_titles(&text.en).is_ascii(),
                    "{source} → {}",
                    text.en
                );
            }
        }
        assert_eq!(pack_source("own text").en, "own text");
    }

    #[test]
    fn every_criterion_source_has_its_english() {
        for c in CRITERIA {
            assert!(outside_titles(c.source_en).is_ascii(), "{}", c.id);
            assert!(!c.source.is_ascii(), "{}", c.id);
        }
    }
}
