//! The rule book: every criterion with its rule, indicators, formulas, thresholds, basis and
//! source, generated from a rule pack and the criteria catalogue ([`crate::rules::catalog`]).
//! Because it is built from the same data the rules read, the text an auditor reads cannot
//! drift from the code that runs. Pure: no IO, so every front end can offer it.
//!
//! ```
//! use patent_intensive::{pack, rulebook};
//! let pack = pack::embedded_by_id("cn-pip/t-ppac-402-2022").unwrap();
//! let book = rulebook::build(&pack);
//! let markdown = book.to_markdown(rulebook::Lang::En);
//! assert!(markdown.contains(&pack.sha256));
//! ```

use serde::Serialize;

use crate::exact;
use crate::pack::notices::{notices, Reader};
use crate::pack::{Basis, Rounds, RulePack};
use crate::rules::catalog::{self, pack_source, Criterion, Indicator};
use crate::rules::labels::CatalogueField;
use crate::text::Text;

/// The format tag of a rule book in JSON.
pub const RULE_BOOK_FORMAT: &str = "patent-intensive/rule-book@1";

/// A language the rule book (and the CLI's messages) can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Reads `zh` or `en` (case-insensitive; `zh-CN`, `en_GB` and the like also match).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") || lower.starts_with("zh_") {
            Some(Lang::Zh)
        } else if lower == "en" || lower.starts_with("en-") || lower.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// `zh` or `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The one of two strings written in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The side of a bilingual text written in this language.
    pub fn of(self, text: &Text) -> &str {
        self.pick(&text.zh, &text.en)
    }
}

/// A rule book: the data both renderings ([`RuleBook::to_markdown`], [`RuleBook::to_json`]) show.
#[derive(Clone, Debug, Serialize)]
pub struct RuleBook {
    /// Always [`RULE_BOOK_FORMAT`].
    pub format: &'static str,
    /// The pack the book describes.
    pub pack: PackSummary,
    /// The pack's parameters of the gates.
    pub parameters: Vec<Parameter>,
    /// G1–G7 then B1–B4, with the benchmark indicators under their dimension.
    pub criteria: Vec<CriterionEntry>,
    /// The pack's benchmark rows, by product category.
    pub benchmarks: Vec<BenchmarkEntry>,
    /// Indicators reported but not judged.
    pub informational_indicators: Vec<IndicatorEntry>,
    /// The outlook (rules.md §6): what is projected over the rounds ahead, what is not, and why.
    pub outlook: OutlookEntry,
    /// Statements every reader must see: what a result is and is not.
    pub notices: Vec<Text>,
    /// The figures a user enters, with what each means (input-format.md).
    pub figures: Vec<CatalogueField>,
}

/// How the outlook projects the rounds ahead.
#[derive(Clone, Debug, Serialize)]
pub struct OutlookEntry {
    /// Which rounds, on which dates.
    pub rounds: Text,
    /// What the calendar changes, and so is projected.
    pub projected: Vec<Text>,
    /// What is not projected, and why.
    pub not_projected: Vec<Text>,
    /// What the outlook reports.
    pub results: Vec<Text>,
}

/// The outlook's description; the same for every pack (the pack of round Y applies throughout).
fn outlook_entry() -> OutlookEntry {
    OutlookEntry {
        rounds: Text::new(
            "评估年度 Y 及以后十个年度 Y+1…Y+10。第 Y+k 年度的参照日为输入参照日的年份加 k（周年规则：2 月 29 日在平年为 3 月 1 日），数据年度末为 Y+k−1 年 12 月 31 日；各年度均适用 Y 年度的规则包与类别基准。",
            "Round Y and the ten after it, Y+1 … Y+10. Round Y+k's reference date is the input's with its year moved by k (anniversary rule: 29 February becomes 1 March in a common year), its data-year end 31 December of Y+k−1; every round applies round Y's pack and category benchmark.",
        ),
        projected: vec![
            Text::new(
                "保护期：参照日在保护期届满后第一日或之后，专利不再计入（保护期自申请日起算，含补偿天数）。",
                "Terms: a patent stops counting once the round's reference date is on or after the first day out of its term (from the filing date, compensation days included).",
            ),
            Text::new(
                "许可：参照日晚于许可的终止日，许可不再覆盖，备案主体对该专利没有权利（G3）。",
                "Licences: a licence stops covering once the reference date is after its end, and the filer then has no right to that patent (G3).",
            ),
            Text::new(
                "授权：数据年度末之后授权的专利，自数据年度末不早于授权日的第一个年度起计入；没有授权日的审中专利永不计入。",
                "Grants: a patent granted after the data year's end counts from the first round whose data-year end is on or after its grant date; a pending patent (no grant date) never counts.",
            ),
            Text::new(
                "G3、G4、G6 和 B2 逐年度按与 Y 年度相同的规则重算（计入专利件数、发明专利件数、加权保护强度）。",
                "G3, G4, G6 and B2 are recomputed for every round with the same rules as round Y (counted patents, counted invention patents, weighted strength).",
            ),
        ],
        not_projected: vec![
            Text::new(
                "法律状态、权利人、许可和关联保持录入时的状态：转让、无效、新的许可无法预知。年费视为按期缴纳，因此另列关键专利及其年费缴纳日。",
                "Legal status, owners, licences and links stay as entered: transfers, invalidations and new licences cannot be foreseen. Annual fees are assumed paid, which is why the critical patents and their fee dates are listed.",
            ),
            Text::new(
                "G1、G2、G5、G7、B1、B3、B4 不作推算，沿用 Y 年度的结论：以后年度的经济数据和申报内容未知，猜测会让展望看起来比实际更确定。",
                "G1, G2, G5, G7, B1, B3 and B4 are not projected and keep their round-Y verdicts: later years' figures and declarations are unknown, and guessing them would make the outlook look surer than it is.",
            ),
        ],
        results: vec![
            Text::new(
                "`holds_through`：自 Y 起 G3、G4、G6、B2 连续全部满足的最后一个年度（Y 年度即不满足时为 null）；`first_failing_round`：其后第一个不满足的年度。",
                "`holds_through`: the last round of the unbroken run from Y in which G3, G4, G6 and B2 all pass (null when one fails in Y); `first_failing_round`: the round after it, when one fails.",
            ),
            Text::new(
                "`causes`：导致该年度不满足的保护期届满或许可到期；`events`：参照日 R_0 至 R_10（含）之间全部关联专利的保护期届满与备案主体许可到期。",
                "`causes`: the term or licence ends that make that round fail; `events`: every term end of a linked patent and every end of a licence the filer holds, from R_0 to R_10 inclusive.",
            ),
            Text::new(
                "`critical_patents`：Y 年度计入、一旦单独失效即令 G4 或 B2 在 Y 年度不满足的专利，附保护期最后一天和年费缴纳日（申请日对应日，另有六个月滞纳期）。",
                "`critical_patents`: patents counted in round Y whose loss alone would make G4 or B2 fail in round Y, with their last day in term and annual-fee date (the filing date's anniversary, with six months' grace and a surcharge).",
            ),
        ],
    }
}

/// Identity and provenance of the pack.
#[derive(Clone, Debug, Serialize)]
pub struct PackSummary {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// SHA-256 of the pack's RFC 8785 canonical form.
    pub sha256: String,
    /// Human title.
    pub title: Text,
    /// The standard the pack implements.
    pub implements: String,
    /// The rounds (year Y) it applies to.
    pub rounds: Rounds,
    /// Public documents the pack draws on.
    pub sources: Vec<String>,
}

/// A gate parameter of the pack.
#[derive(Clone, Debug, Serialize)]
pub struct Parameter {
    /// Parameter name as written in the pack.
    pub id: &'static str,
    /// The criterion that applies it.
    pub criterion: &'static str,
    /// What it is.
    pub title: Text,
    /// The value, as text.
    pub value: String,
    /// How far it can be trusted.
    pub basis: Basis,
    /// Where it comes from.
    pub source: String,
}

/// One criterion.
#[derive(Clone, Debug, Serialize)]
pub struct CriterionEntry {
    /// `G1`…`G7`, `B1`…`B4`.
    pub id: &'static str,
    /// Title.
    pub title: Text,
    /// The rule in words.
    pub rule: Text,
    /// The basis of the rule itself (thresholds carry their own).
    pub basis: Basis,
    /// Where the rule comes from, in both languages.
    pub source: Text,
    /// The benchmark indicators the dimension judges (empty for gates).
    pub indicators: Vec<IndicatorEntry>,
}

/// One indicator with its exact formula and, for benchmark indicators, the thresholds.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorEntry {
    /// e.g. `B3.ip_intensity`.
    pub id: &'static str,
    /// Title.
    pub title: Text,
    /// The exact formula.
    pub formula: &'static str,
    /// Unit of the value.
    pub unit: &'static str,
    /// Threshold per benchmark row (benchmark indicators only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<ThresholdEntry>,
}

/// The threshold of an indicator in one benchmark row.
#[derive(Clone, Debug, Serialize)]
pub struct ThresholdEntry {
    /// The row's category code (`*` for all).
    pub category: String,
    /// Always `>=`: the indicator passes at or above the value.
    pub comparison: &'static str,
    /// The exact value; `None` when the pack does not know it (the indicator is then undetermined).
    pub value: Option<String>,
    /// How far it can be trusted (absent when the value is unknown).
    pub basis: Option<Basis>,
    /// Where it comes from (absent when the value is unknown).
    pub source: Option<String>,
}

/// One benchmark row of the pack.
#[derive(Clone, Debug, Serialize)]
pub struct BenchmarkEntry {
    /// Category code prefix, `*` for all categories.
    pub category: String,
    /// What the row covers.
    pub title: Text,
    /// `official` only when the weights and every known threshold are.
    pub basis: Basis,
    /// Patent type weights for B2.
    pub weights: WeightsEntry,
}

/// The B2 weights of a benchmark row.
#[derive(Clone, Debug, Serialize)]
pub struct WeightsEntry {
    /// Weight of an invention patent.
    pub invention: String,
    /// Weight of a utility model.
    pub utility_model: String,
    /// Weight of a design.
    pub design: String,
    /// How far they can be trusted.
    pub basis: Basis,
    /// Where they come from.
    pub source: String,
}

/// Builds the rule book of `pack`.
pub fn build(pack: &RulePack) -> RuleBook {
    let org_types: Vec<&str> = pack
        .allowed_org_types
        .value
        .iter()
        .map(|kind| kind.as_str())
        .collect();
    let parameters = vec![
        Parameter {
            id: "allowed_org_types",
            criterion: "G1",
            title: Text::new("允许备案的主体类型", "Kinds of filer allowed"),
            value: org_types.join(", "),
            basis: pack.allowed_org_types.basis,
            source: pack.allowed_org_types.source.clone(),
        },
        Parameter {
            id: "min_counted_patents",
            criterion: "G4",
            title: Text::new("最少计入专利件数", "Minimum number of counted patents"),
            value: pack.min_counted_patents.value.to_string(),
            basis: pack.min_counted_patents.basis,
            source: pack.min_counted_patents.source.clone(),
        },
    ];
    let criteria = catalog::CRITERIA
        .iter()
        .map(|criterion| criterion_entry(criterion, pack))
        .collect();
    let benchmarks = pack
        .benchmarks
        .iter()
        .map(|row| BenchmarkEntry {
            category: row.category.clone(),
            title: row.title.clone(),
            basis: row.basis(),
            weights: WeightsEntry {
                invention: exact::plain(&row.weights.value.invention),
                utility_model: exact::plain(&row.weights.value.utility_model),
                design: exact::plain(&row.weights.value.design),
                basis: row.weights.basis,
                source: row.weights.source.clone(),
            },
        })
        .collect();
    let informational_indicators = catalog::INDICATORS
        .iter()
        .filter(|indicator| indicator.id.starts_with("info."))
        .map(|indicator| indicator_entry(indicator, Vec::new()))
        .collect();
    RuleBook {
        format: RULE_BOOK_FORMAT,
        pack: PackSummary {
            id: pack.id.clone(),
            version: pack.version.clone(),
            sha256: pack.sha256.clone(),
            title: pack.title.clone(),
            implements: pack.implements.clone(),
            rounds: pack.rounds,
            sources: pack.sources.clone(),
        },
        parameters,
        criteria,
        benchmarks,
        informational_indicators,
        outlook: outlook_entry(),
        notices: notices(pack, Reader::RuleBook),
        figures: crate::rules::labels::fields()
            .into_iter()
            .filter(|f| f.definition.is_some())
            .collect(),
    }
}

fn criterion_entry(criterion: &Criterion, pack: &RulePack) -> CriterionEntry {
    let indicators = criterion
        .indicators
        .iter()
        .filter_map(|id| {
            let meta = catalog::indicator(id.as_str())?;
            let thresholds = pack
                .benchmarks
                .iter()
                .map(|row| {
                    let threshold = row.threshold(*id);
                    ThresholdEntry {
                        category: row.category.clone(),
                        comparison: ">=",
                        value: threshold.map(|t| exact::plain(&t.value)),
                        basis: threshold.map(|t| t.basis),
                        source: threshold.map(|t| t.source.clone()),
                    }
                })
                .collect();
            Some(indicator_entry(meta, thresholds))
        })
        .collect();
    CriterionEntry {
        id: criterion.id,
        title: Text::new(criterion.title_zh, criterion.title_en),
        rule: Text::new(criterion.rule_zh, criterion.rule_en),
        basis: criterion.basis,
        source: criterion.source(),
        indicators,
    }
}

fn indicator_entry(indicator: &Indicator, thresholds: Vec<ThresholdEntry>) -> IndicatorEntry {
    IndicatorEntry {
        id: indicator.id,
        title: Text::new(indicator.title_zh, indicator.title_en),
        formula: indicator.formula,
        unit: indicator.unit,
        thresholds,
    }
}

impl RuleBook {
    /// The book as indented JSON (both languages).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| {
            // The book's types hold only strings, integers and enums: this cannot fail.
            format!(r#"{{"format":"{RULE_BOOK_FORMAT}","error":"serialisation failed"}}"#)
        })
    }

    /// The book as Markdown in one language. The same pack always gives the same bytes.
    pub fn to_markdown(&self, lang: Lang) -> String {
        let mut md = Markdown {
            lang,
            out: String::with_capacity(16 * 1024),
        };
        md.render(self);
        md.out
    }
}

struct Markdown {
    lang: Lang,
    out: String,
}

impl Markdown {
    fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(zh, en)
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn render(&mut self, book: &RuleBook) {
        let lang = self.lang;
        let pack = &book.pack;
        let (id, sha) = (&pack.id, &pack.sha256);
        self.line(&format!(
            "<!-- {} -->",
            self.t(
                "由 `patent-intensive rules` 从规则包与引擎的准则目录生成，请勿手工编辑",
                "generated by `patent-intensive rules` from the rule pack and the engine's criteria catalogue; do not edit by hand"
            )
        ));
        self.blank();
        self.line(&format!(
            "# {}{}",
            self.t("规则手册：", "Rule book: "),
            lang.of(&pack.title)
        ));
        self.blank();
        self.line("| | |\n|---|---|");
        self.line(&format!("| {} | `{id}` |", self.t("规则包", "Pack")));
        self.line(&format!(
            "| {} | {} |",
            self.t("版本", "Version"),
            cell(&pack.version)
        ));
        self.line(&format!("| SHA-256 | `{sha}` |"));
        self.line(&format!(
            "| {} | {} |",
            self.t("实施标准", "Implements"),
            cell(&pack.implements)
        ));
        let last = pack
            .rounds
            .last
            .map_or_else(|| self.t("起", "onwards").to_string(), |l| l.to_string());
        let sep = if pack.rounds.last.is_some() {
            "–"
        } else {
            " "
        };
        self.line(&format!(
            "| {} | {}{sep}{last}{} |",
            self.t("适用年度 Y", "Rounds (year Y)"),
            pack.rounds.first,
            self.t("（数据年度 D = Y − 1）", " (data year D = Y − 1)")
        ));
        self.blank();
        self.line(self.t(
            "本手册由上述规则包（以其 SHA-256 标识）与引擎自带的准则元数据生成：所写即所算。报告中的 `pack.sha256` 与上表一致时，本手册描述的就是产生该报告的规则。",
            "This book is generated from the rule pack above (identified by its SHA-256) and the criteria metadata the engine carries: what it says is what runs. When a report's `pack.sha256` equals the one above, this book describes the rules that produced it.",
        ));
        self.blank();
        for notice in &book.notices {
            self.line(&format!("> {}", lang.of(notice)));
            self.line(">");
        }
        if !book.notices.is_empty() {
            self.out.truncate(self.out.len().saturating_sub(2));
            self.blank();
        }
        self.verdicts();
        self.figures(book);
        self.parameters(book);
        self.criteria(book, "G", self.t("资格条件（G1–G7）", "Gates (G1–G7)"));
        self.criteria(
            book,
            "B",
            self.t("基准维度（B1–B4）", "Benchmark dimensions (B1–B4)"),
        );
        self.benchmarks(book);
        self.informational(book);
        self.outlook(book);
        self.sources(book);
    }

    fn verdicts(&mut self) {
        self.line(&format!(
            "## {}",
            self.t("结论如何得出", "How verdicts are reached")
        ));
        self.blank();
        let items = [
            (
                "每条准则的结论：`pass`（通过）、`fail`（未通过）、`undetermined`（缺少输入或阈值未知）、`not_applicable`（不适用）。",
                "Each criterion: `pass`, `fail`, `undetermined` (an input is missing or the threshold is unknown) or `not_applicable`.",
            ),
            (
                "产品结论：全部准则通过（或不适用）为 `qualifies`；任一准则未通过为 `does_not_qualify`；否则为 `undetermined`。",
                "Product: `qualifies` when every criterion passes or does not apply; `does_not_qualify` when any fails; otherwise `undetermined`.",
            ),
            (
                "基准维度的全部指标通过则该维度通过，任一指标未通过则未通过，否则待定；所需输入缺失的指标为待定，绝不视为通过。",
                "A dimension passes when all its indicators pass, fails when any fails, and is otherwise undetermined; an indicator whose input is absent is undetermined, never a pass.",
            ),
            (
                "金额为精确十进制人民币；比率以交叉相乘精确比较，不经二进制浮点；显示值按银行家舍入保留 4 位小数，仅用于显示。",
                "Money is exact decimal CNY; ratios are compared exactly by cross-multiplication, never in binary floating point; displayed ratios are rounded half-to-even to 4 decimals, for display only.",
            ),
            (
                "阈值比较一律为“不低于”（≥）。",
                "Every threshold comparison is \"at least\" (≥).",
            ),
            (
                "输入有任何错误时规则不运行：报告只列出问题，不给产品结论。",
                "An input with any error is not assessed: the report lists the problems and gives no product verdict.",
            ),
        ];
        for (zh, en) in items {
            self.line(&format!("- {}", self.t(zh, en)));
        }
        self.blank();
    }

    fn figures(&mut self, book: &RuleBook) {
        self.line(&format!(
            "## {}",
            self.t("各项数据的含义", "What each figure means")
        ));
        self.blank();
        self.line(self.t(
            "官方定义载于未公开的标准；以下是本项目的说明，与通常的企业管理会计口径一致。表单在每个数据旁显示同样的说明。",
            "The official definitions sit in the standards, which are not public; these are this project's guidance, consistent with ordinary Chinese management accounts. The form shows each one beside its field.",
        ));
        self.blank();
        for figure in &book.figures {
            let Some(definition) = &figure.definition else {
                continue;
            };
            let label = figure.label.clone().sentence();
            self.line(&format!(
                "- **{}** (`{}`){}{}",
                self.lang.of(&label),
                figure.pointer,
                self.t("：", ": "),
                self.lang.of(definition)
            ));
        }
        self.blank();
    }

    fn parameters(&mut self, book: &RuleBook) {
        self.line(&format!("## {}", self.t("参数", "Parameters")));
        self.blank();
        self.line(&format!(
            "| {} | {} | {} | {} | {} |",
            self.t("参数", "Parameter"),
            self.t("准则", "Criterion"),
            self.t("取值", "Value"),
            self.t("依据", "Basis"),
            self.t("来源", "Source")
        ));
        self.line("|---|---|---|---|---|");
        for p in &book.parameters {
            self.line(&format!(
                "| `{}` {} | {} | {} | `{}` | {} |",
                p.id,
                cell(self.lang.of(&p.title)),
                p.criterion,
                cell(&p.value),
                p.basis.as_str(),
                cell(self.lang.of(&pack_source(&p.source)))
            ));
        }
        self.blank();
    }

    fn criteria(&mut self, book: &RuleBook, prefix: &str, heading: &str) {
        self.line(&format!("## {heading}"));
        self.blank();
        for c in book.criteria.iter().filter(|c| c.id.starts_with(prefix)) {
            self.line(&format!("### {} {}", c.id, self.lang.of(&c.title)));
            self.blank();
            self.line(&format!(
                "- {}{}",
                self.t("规则：", "Rule: "),
                self.lang.of(&c.rule)
            ));
            self.line(&format!(
                "- {}`{}`",
                self.t("规则依据：", "Basis of the rule: "),
                c.basis.as_str()
            ));
            self.line(&format!(
                "- {}{}",
                self.t("来源：", "Source: "),
                self.lang.of(&c.source)
            ));
            self.blank();
            if c.indicators.is_empty() {
                continue;
            }
            self.line(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |",
                self.t("指标", "Indicator"),
                self.t("公式", "Formula"),
                self.t("单位", "Unit"),
                self.t("类别", "Category"),
                self.t("阈值", "Threshold"),
                self.t("依据", "Basis"),
                self.t("来源", "Source")
            ));
            self.line("|---|---|---|---|---|---|---|");
            for indicator in &c.indicators {
                for threshold in &indicator.thresholds {
                    let value = match &threshold.value {
                        Some(value) => format!("≥ {}", shown(value, indicator.unit)),
                        None => self
                            .t("未知（指标待定）", "unknown (undetermined)")
                            .to_string(),
                    };
                    self.line(&format!(
                        "| `{}` {} | `{}` | {} | `{}` | {} | {} | {} |",
                        indicator.id,
                        cell(self.lang.of(&indicator.title)),
                        cell(indicator.formula),
                        cell(indicator.unit),
                        cell(&threshold.category),
                        value,
                        threshold
                            .basis
                            .map_or_else(|| "—".to_string(), |b| format!("`{}`", b.as_str())),
                        threshold
                            .source
                            .as_deref()
                            .map_or("—".to_string(), |s| cell(self.lang.of(&pack_source(s))))
                    ));
                }
            }
            self.blank();
        }
    }

    fn benchmarks(&mut self, book: &RuleBook) {
        self.line(&format!(
            "## {}",
            self.t(
                "基准行（按产品类别）",
                "Benchmark rows (by product category)"
            )
        ));
        self.blank();
        self.line(self.t(
            "产品类别代码以最长前缀匹配基准行；无匹配时用 `*` 行。",
            "A product's category code selects the row whose code is its longest prefix; the `*` row applies otherwise.",
        ));
        self.blank();
        for row in &book.benchmarks {
            self.line(&format!(
                "### `{}` {}",
                row.category,
                self.lang.of(&row.title)
            ));
            self.blank();
            self.line(&format!(
                "- {}`{}`",
                self.t("本行依据：", "Basis of the row: "),
                row.basis.as_str()
            ));
            let w = &row.weights;
            let weights = match self.lang {
                Lang::Zh => format!(
                    "- B2 权重：发明 {}，实用新型 {}，外观设计 {}（`{}`；{}）",
                    w.invention,
                    w.utility_model,
                    w.design,
                    w.basis.as_str(),
                    pack_source(&w.source).zh
                ),
                Lang::En => format!(
                    "- B2 weights: invention {}, utility model {}, design {} (`{}`; {})",
                    w.invention,
                    w.utility_model,
                    w.design,
                    w.basis.as_str(),
                    pack_source(&w.source).en
                ),
            };
            self.line(&weights);
            self.blank();
        }
    }

    fn informational(&mut self, book: &RuleBook) {
        self.line(&format!(
            "## {}",
            self.t(
                "参考性指标（报告但不评判）",
                "Informational indicators (reported, not judged)"
            )
        ));
        self.blank();
        self.line(&format!(
            "| {} | {} | {} |",
            self.t("指标", "Indicator"),
            self.t("公式", "Formula"),
            self.t("单位", "Unit")
        ));
        self.line("|---|---|---|");
        for indicator in &book.informational_indicators {
            self.line(&format!(
                "| `{}` {} | `{}` | {} |",
                indicator.id,
                cell(self.lang.of(&indicator.title)),
                cell(indicator.formula),
                cell(indicator.unit)
            ));
        }
        self.blank();
        self.line(self.t(
            "高价值发明专利（仅计入的发明专利）：属于战略性新兴产业（申报）、有已授权的国外同族专利、维持年限超过 10 年、曾质押融资、获中国专利奖或国家科学技术奖。",
            "High-value invention patents (counted invention patents only): in a strategic emerging industry (declared), a granted foreign family member, maintained over 10 years, pledged, or a China Patent Award or national S&T award.",
        ));
        self.blank();
    }

    fn outlook(&mut self, book: &RuleBook) {
        let lang = self.lang;
        let outlook = &book.outlook;
        self.line(&format!(
            "## {}",
            self.t("展望：以后各年度", "Outlook: the rounds ahead")
        ));
        self.blank();
        self.line(lang.of(&outlook.rounds));
        self.blank();
        for (heading, items) in [
            (
                self.t("推算的内容", "What is projected"),
                &outlook.projected,
            ),
            (
                self.t("不推算的内容及原因", "What is not projected, and why"),
                &outlook.not_projected,
            ),
            (self.t("报告的内容", "What it reports"), &outlook.results),
        ] {
            self.line(&format!("### {heading}"));
            self.blank();
            for item in items {
                self.line(&format!("- {}", lang.of(item)));
            }
            self.blank();
        }
    }

    fn sources(&mut self, book: &RuleBook) {
        self.line(&format!(
            "## {}",
            self.t("规则包的来源", "Sources of the pack")
        ));
        self.blank();
        if book.pack.sources.is_empty() {
            self.line(self.t("（规则包未列出来源）", "(the pack lists no sources)"));
        }
        for (n, source) in book.pack.sources.iter().enumerate() {
            self.line(&format!(
                "{}. {}",
                n + 1,
                self.lang.of(&pack_source(source))
            ));
        }
    }
}

/// A threshold as an auditor reads it: money grouped, other values plain.
fn shown(value: &str, unit: &str) -> String {
    match (unit, exact::parse_decimal(value)) {
        ("CNY", Some(amount)) => format!("{} CNY", exact::grouped(&amount)),
        _ => value.to_string(),
    }
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack;

    #[test]
    fn book_documents_the_outlook_in_both_languages() {
        let packs = pack::embedded();
        let book = build(packs.first().unwrap());
        let en = book.to_markdown(Lang::En);
        let zh = book.to_markdown(Lang::Zh);
        assert!(en.contains("## Outlook: the rounds ahead"));
        assert!(en.contains("### What is not projected, and why"));
        assert!(en.contains("G1, G2, G5, G7, B1, B3 and B4 are not projected"));
        assert!(zh.contains("## 展望：以后各年度"));
        assert!(zh.contains("### 不推算的内容及原因"));
        let json: serde_json::Value = serde_json::from_str(&book.to_json()).unwrap();
        assert_eq!(
            json["outlook"]["not_projected"].as_array().unwrap().len(),
            2
        );
    }

    #[test]
    fn book_names_the_pack_and_every_criterion_and_indicator() {
        for pack in pack::embedded() {
            let book = build(&pack);
            for lang in [Lang::Zh, Lang::En] {
                let md = book.to_markdown(lang);
                assert!(md.contains(&pack.sha256));
                assert!(md.contains(&pack.id));
                for c in catalog::CRITERIA {
                    assert!(md.contains(&format!("### {} ", c.id)), "{}", c.id);
                }
                for i in catalog::INDICATORS {
                    assert!(md.contains(&format!("`{}`", i.id)), "{}", i.id);
                }
                assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
            }
            let json: serde_json::Value = serde_json::from_str(&book.to_json()).unwrap();
            assert_eq!(json["pack"]["sha256"], pack.sha256.as_str());
            assert_eq!(json["criteria"].as_array().unwrap().len(), 11);
        }
    }

    #[test]
    fn thresholds_come_from_the_pack() {
        let pack = pack::embedded_by_id("cn-pip/t-ppac-402-2022").unwrap();
        let md = build(&pack).to_markdown(Lang::En);
        assert!(md.contains("≥ 5,000,000 CNY"));
        assert!(md.contains("≥ 0.3 "));
    }

    #[test]
    fn lang_reads_locale_forms() {
        assert_eq!(Lang::parse("zh_CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
