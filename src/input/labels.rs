//! Every input field named as a person reads it (销售收入 / sales revenue), keyed by the JSON
//! pointer pattern of the field (`*` for an array index), and the definitions of the figures a
//! user enters (input-format.md, "What each figure means"). Messages name fields through
//! [`field_label`], never by their JSON member name; the catalogue ([`crate::catalogue`]) gives
//! the same table to the form, and the rule book prints the definitions. With the help for an
//! amount that is not a number (`not_a_number`) they are the words the shared walker reads the
//! input in (`VOCABULARY`). The enumerations' words are the model's (`OrgType::label`, …).

use super::model::MoneyUnit;
use crate::read::fields;
pub use crate::read::fields::FieldLabel;
use crate::read::walk::Vocabulary;
use crate::text::Text;

/// The input's words, as the walker uses them.
pub(crate) static VOCABULARY: Vocabulary = Vocabulary {
    labels: FIELD_LABELS,
    not_a_number,
};

const fn label(pattern: &'static str, zh: &'static str, en: &'static str) -> FieldLabel {
    FieldLabel::new(pattern, zh, en)
}

const fn figure(
    pattern: &'static str,
    zh: &'static str,
    en: &'static str,
    definition: (&'static str, &'static str),
) -> FieldLabel {
    FieldLabel {
        pattern,
        zh,
        en,
        definition: Some(definition),
    }
}

/// Every field of the input format (`src/input/fields.rs`), in the order of its tables; a test
/// keeps the two complete against each other.
pub const FIELD_LABELS: &[FieldLabel] = &[
    label("/format", "格式", "format"),
    label("/round_year", "认定年度", "round year"),
    label("/reference_date", "参照日", "reference date"),
    label("/pack", "规则包", "rule pack"),
    label("/filer", "备案主体", "filer"),
    label("/patents", "专利清单", "patent list"),
    label("/products", "产品清单", "product list"),
    label("/filer/name", "备案主体名称", "filer's name"),
    label("/filer/uscc", "备案主体统一社会信用代码", "filer's unified social credit code"),
    label("/filer/org_type", "机构类型", "kind of organisation"),
    label("/filer/independent_legal_person", "是否为独立法人", "independent legal person"),
    label("/patents/*/number", "申请号", "application number"),
    label("/patents/*/type", "专利类型", "patent type"),
    label("/patents/*/jurisdiction", "国家或地区", "jurisdiction"),
    label("/patents/*/title", "专利名称", "patent title"),
    label("/patents/*/filing_date", "申请日", "filing date"),
    label("/patents/*/grant_date", "授权日", "grant date"),
    label("/patents/*/legal_status", "法律状态", "legal status"),
    label("/patents/*/owners", "专利权人", "patentees"),
    label("/patents/*/owners/*/name", "专利权人名称", "patentee's name"),
    label("/patents/*/owners/*/uscc", "专利权人统一社会信用代码", "patentee's credit code"),
    label("/patents/*/licences", "许可", "licences"),
    label("/patents/*/licences/*/licensee", "被许可人", "licensee"),
    label("/patents/*/licences/*/licensee/name", "被许可人名称", "licensee's name"),
    label("/patents/*/licences/*/licensee/uscc", "被许可人统一社会信用代码", "licensee's credit code"),
    label("/patents/*/licences/*/kind", "许可类型", "kind of licence"),
    label("/patents/*/licences/*/start", "许可起始日", "licence start date"),
    label("/patents/*/licences/*/end", "许可终止日", "licence end date"),
    label("/patents/*/licences/*/recorded", "是否已备案", "recorded with CNIPA"),
    label("/patents/*/term_extension_days", "专利权期限补偿天数", "term compensation in days"),
    label("/patents/*/foreign_family_granted", "有国外同族授权", "foreign family member granted"),
    label("/patents/*/strategic_emerging_industry", "属于战略性新兴产业", "strategic emerging industry"),
    label("/patents/*/pledged", "曾质押", "pledged"),
    label("/patents/*/awards", "获奖", "awards"),
    label("/products/*/id", "产品编号", "product id"),
    label("/products/*/name", "产品名称", "product name"),
    label("/products/*/category", "产品类别代码", "product category code"),
    label("/products/*/status", "产品状态", "product status"),
    label("/products/*/filer_role", "备案主体的角色", "filer's role"),
    label("/products/*/patents", "关联专利", "linked patents"),
    label("/products/*/patents/*/number", "关联专利的申请号", "linked patent's number"),
    label("/products/*/patents/*/statement", "实施说明", "statement of use"),
    label("/products/*/patents/*/core", "核心专利", "core patent"),
    label("/products/*/economics", "经济数据", "economic figures"),
    figure(
        "/products/*/economics/*/year",
        "数据年度",
        "year of the figures",
        (
            "要填数据年度 D = 认定年度 − 1 的数据；X 年的数据适用于 X + 1 年度，其他年份的数据不能代替。",
            "Fill in the data year D = round year − 1: figures for year X serve round X + 1, and no other year's figures stand in for them.",
        ),
    ),
    label("/products/*/economics/*/unit", "金额单位", "amount unit"),
    label("/products/*/economics/*/currency", "币种", "currency"),
    label("/products/*/economics/*/fx_rate_to_cny", "对人民币汇率", "exchange rate to CNY"),
    figure(
        "/products/*/economics/*/sales_revenue",
        "销售收入",
        "sales revenue",
        (
            "该产品当年的销售收入，不含增值税，含出口；产品系列包括备案涵盖的全部型号。",
            "Revenue from selling the product in the year, excluding VAT, exports included; for a product line, all models the filing covers.",
        ),
    ),
    figure(
        "/products/*/economics/*/export_revenue",
        "其中出口收入",
        "export revenue",
        (
            "销售收入中来自出口的部分。没有出口请填 0：留空即为缺少数据，G5 无法判断。",
            "The part of sales revenue from exports. Write 0 when there is none: left empty it is missing, and G5 cannot be decided.",
        ),
    ),
    figure(
        "/products/*/economics/*/profit",
        "利润",
        "profit",
        (
            "该产品当年的利润总额（所得税前），可为负数。",
            "The product's total profit before income tax (利润总额) for the year; it may be negative.",
        ),
    ),
    figure(
        "/products/*/economics/*/ip_investment",
        "知识产权投入",
        "IP investment",
        (
            "当年用于该产品知识产权的支出：申请费、审查费、年费，代理和检索费，为产品所用专利支付的许可费，知识产权人员和服务，维权。不含研发支出本身。",
            "The year's spending on the product's intellectual property: application, examination and annual fees, agency and search fees, licence fees paid for patents the product uses, IP staff and services, enforcement. Not the R&D spending itself.",
        ),
    ),
    figure(
        "/products/*/economics/*/patent_attributable_revenue",
        "专利贡献收入",
        "patent-attributable revenue",
        (
            "销售收入中可归于专利技术的部分，由备案主体申报并留有依据的估算（例如实施关联专利的型号或部件的收入）。",
            "The part of sales revenue attributable to the patented technology: the filer's declared, documented estimate (e.g. the revenue of the models or components that implement the linked patents).",
        ),
    ),
    figure(
        "/products/*/core_features",
        "核心功能（技术特征）数",
        "number of core features",
        (
            "使产品具有竞争力的核心功能或技术特征的项数，由备案主体申报。",
            "How many core functions or technical features make the product competitive, as the filer declares them.",
        ),
    ),
    figure(
        "/products/*/covered_core_features",
        "被专利覆盖的核心功能数",
        "number of core features the patents cover",
        (
            "上述核心功能中至少有一件关联专利保护的项数。",
            "How many of those core features at least one linked patent protects.",
        ),
    ),
];

/// The entry of the input field at the concrete JSON pointer `path`, if it is one.
pub fn field_entry(path: &str) -> Option<&'static FieldLabel> {
    fields::label_entry(FIELD_LABELS, path)
}

/// The field at `path` named in words; a member the format does not define is named as written,
/// in quotes.
pub fn field_label(path: &str) -> Text {
    fields::field_label(FIELD_LABELS, path)
}

/// The unit a suffix written after an amount names: 元, 万 / 万元, 亿 / 亿元, with the power of
/// ten it scales by.
fn suffix_unit(written: &str) -> Option<(&str, &'static str, u32)> {
    [
        ("万元", "wan", 4),
        ("亿元", "yi", 8),
        ("万", "wan", 4),
        ("亿", "yi", 8),
        ("元", "yuan", 0),
    ]
    .into_iter()
    .find_map(|(suffix, unit, power)| {
        written
            .strip_suffix(suffix)
            .map(|rest| (rest.trim_end(), unit, power))
    })
}

/// The power of ten of an economics row's `unit` (元 when absent or not a unit).
fn unit_power(unit: &str) -> u32 {
    match unit {
        "wan" => 4,
        "yi" => 8,
        _ => 0,
    }
}

/// The message of `invalid_money` for the figure named `zh` / `en`, written as `written` in a
/// row whose amount unit is `unit`. The engine reads amounts strictly as decimal numbers (the
/// input format's contract; the page normalises what a person types before it gets here), so
/// where the intent is plain — a unit written after the number ("3200万"), thousands separators
/// ("3,200"), full-width digits — the message gives the exact number to write instead.
pub(crate) fn not_a_number(written: &str, zh: &str, en: &str, unit: Option<&str>) -> Text {
    use crate::exact::{self, Decimal};
    let shown = crate::findings::shorten(written);
    let folded: String = crate::fold::fold(written).collect();
    let (body, suffix) = match suffix_unit(folded.trim()) {
        Some((body, unit, power)) => (body.to_string(), Some((unit, power))),
        None => (folded.trim().to_string(), None),
    };
    let digits: String = body
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    let head = Text::new(
        format!("{zh}“{shown}”不是数字"),
        format!("the {en} “{shown}” is not a number"),
    );
    let Some(amount) = exact::parse_decimal(&digits) else {
        return head;
    };
    let row_unit = MoneyUnit::parse(unit.unwrap_or("yuan")).unwrap_or(MoneyUnit::Yuan);
    let row_name = row_unit.label();
    let fix = match suffix {
        Some((said, power)) if said != row_unit.as_str() => {
            let row_power = unit_power(row_unit.as_str());
            let scale = if power >= row_power {
                Decimal::from(10u64.pow(power - row_power))
            } else {
                Decimal::new(1, i64::from(row_power - power))
            };
            let number = exact::plain(&(&amount * &scale));
            let said_name =
                MoneyUnit::parse(said).map_or_else(|| row_name.clone(), MoneyUnit::label);
            Text::new(
                format!(
                    "只填数字：本行金额单位为{}，写 {number}，或把金额单位改为{}",
                    row_name.zh, said_name.zh
                ),
                format!(
                    "numbers only; the amount unit is {} — write {number}, or set the unit to {}",
                    row_name.en, said_name.en
                ),
            )
        }
        // The row's own unit written after the number, thousands separators, full-width digits.
        _ => {
            let number = exact::plain(&amount);
            Text::new(
                format!("只填半角数字，不加单位或千位分隔符（金额单位为{}）：写 {number}", row_name.zh),
                format!("numbers only, in ASCII digits without a unit or thousands separators (the amount unit is {}): write {number}", row_name.en),
            )
        }
    };
    Text::new(
        format!("{}，{}", head.zh, fix.zh),
        format!("{}: {}", head.en, fix.en),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::fields::DOCUMENT;
    use crate::read::fields::{Field, Kind};

    fn patterns(fields: &[Field], prefix: &str, out: &mut Vec<String>) {
        for field in fields {
            let here = format!("{prefix}/{}", field.name);
            out.push(here.clone());
            match &field.kind {
                Kind::Object(inner) => patterns(inner, &here, out),
                Kind::ObjectArray(inner) => patterns(inner, &format!("{here}/*"), out),
                _ => {}
            }
        }
    }

    #[test]
    fn every_input_field_has_a_label_and_every_label_a_field() {
        let mut all = Vec::new();
        patterns(DOCUMENT, "", &mut all);
        let mut labelled: Vec<String> = FIELD_LABELS.iter().map(|f| f.pattern.into()).collect();
        all.sort();
        labelled.sort();
        assert_eq!(all, labelled);
        for entry in FIELD_LABELS {
            assert!(
                !entry.zh.is_ascii() && entry.en.is_ascii(),
                "{}",
                entry.pattern
            );
        }
    }

    #[test]
    fn concrete_pointers_find_their_pattern() {
        let export = field_label("/products/3/economics/0/export_revenue");
        assert_eq!(
            (export.zh.as_str(), export.en.as_str()),
            ("其中出口收入", "export revenue")
        );
        assert_eq!(field_label("/filer/name").zh, "备案主体名称");
        assert_eq!(field_label("/patents/0/owners/1/name").zh, "专利权人名称");
        assert_eq!(field_label("/products/x/name").en, "“name”");
        assert_eq!(field_label("/rounds/first").en, "“first”");
    }

    #[test]
    fn an_amount_with_a_unit_after_it_gets_the_number_to_write() {
        let m = not_a_number("3200万", "销售收入", "sales revenue", None);
        assert_eq!(
            m.zh,
            "销售收入“3200万”不是数字，只填数字：本行金额单位为元，写 32000000，或把金额单位改为万元"
        );
        assert!(
            m.en.contains("write 32000000, or set the unit to 10,000 yuan (wan)"),
            "{}",
            m.en
        );
        let m = not_a_number("3200万元", "销售收入", "sales revenue", Some("wan"));
        assert!(
            m.en.ends_with("(the amount unit is 10,000 yuan (wan)): write 3200"),
            "{}",
            m.en
        );
        let m = not_a_number("1.5亿", "利润", "profit", Some("wan"));
        assert!(m.zh.ends_with("写 15000，或把金额单位改为亿元"), "{}", m.zh);
        let m = not_a_number("3200元", "利润", "profit", Some("wan"));
        assert!(m.zh.contains("写 0.32，"), "{}", m.zh);
        let m = not_a_number("３，２００", "利润", "profit", None);
        assert!(m.en.ends_with("write 3200"), "{}", m.en);
        let m = not_a_number("3,200.5", "利润", "profit", None);
        assert!(m.en.ends_with("write 3200.5"), "{}", m.en);
        let m = not_a_number("abc", "利润", "profit", None);
        assert_eq!(m.en, "the profit “abc” is not a number");
    }
}
