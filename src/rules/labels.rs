//! Labels of every enumeration a front end shows, in Chinese and English, and the criteria
//! catalogue as one serialisable value ([`catalogue`]), so forms and result views show the
//! engine's words instead of keeping their own copies.
//!
//! Each label comes from an exhaustive `match`: a new variant of an enumeration does not compile
//! until it has its label. The input's enumerations and a rule's basis carry their words where
//! they are defined (the model's `string_enum!`, [`Basis::CHOICES`]), so the readers below the
//! rules name them too; the report's verdicts have theirs here. The Chinese words are the ones
//! the engine's own explanations use (e.g. a legal status reads the same in a form's list and in
//! an exclusion reason).

use serde::Serialize;

use crate::input::labels::FIELD_LABELS;
use crate::input::{
    FilerRole, LegalStatus, LicenceKind, MoneyUnit, OrgType, PatentType, ProductStatus,
};
use crate::pack::Basis;
use crate::read::fields::Choice;
use crate::report::{ProductVerdict, Verdict};
use crate::rules::catalog::{CRITERIA, INDICATORS};
use crate::text::Text;

/// The format tag of [`Catalogue`] in JSON.
pub const CATALOGUE_FORMAT: &str = "patent-intensive/catalogue@2";

/// One value of an enumeration: its wire spelling and its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Label {
    /// The spelling in the input or report, e.g. `utility_model`.
    pub value: &'static str,
    /// What a person reads.
    pub label: Text,
}

/// The labels of every enumeration, each list in the order the format lists its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Labels {
    /// `filer.org_type`.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: OrgType }>"))]
    pub org_type: Vec<Label>,
    /// `patents[].type`.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: PatentType }>"))]
    pub patent_type: Vec<Label>,
    /// `patents[].legal_status`.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: LegalStatus }>"))]
    pub legal_status: Vec<Label>,
    /// `patents[].licences[].kind`.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: LicenceKind }>"))]
    pub licence_kind: Vec<Label>,
    /// `products[].status`.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: ProductStatus }>"))]
    pub product_status: Vec<Label>,
    /// `products[].filer_role`.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: FilerRole }>"))]
    pub filer_role: Vec<Label>,
    /// `economics[].unit`.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: MoneyUnit }>"))]
    pub money_unit: Vec<Label>,
    /// A product's verdict in the report.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: ProductVerdict }>"))]
    pub product_verdict: Vec<Label>,
    /// A criterion's or indicator's verdict in the report.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: Verdict }>"))]
    pub verdict: Vec<Label>,
    /// The basis of a rule, threshold or weight.
    #[cfg_attr(feature = "ts", ts(type = "Array<Label & { value: Basis }>"))]
    pub basis: Vec<Label>,
}

/// One criterion of the catalogue, as [`crate::rules::catalog::Criterion`] holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogueCriterion {
    /// `G1`…`G7`, `B1`…`B4`.
    #[cfg_attr(feature = "ts", ts(type = "CriterionId"))]
    pub id: &'static str,
    /// Title.
    pub title: Text,
    /// The rule in words.
    pub rule: Text,
    /// The basis of the rule itself (benchmark thresholds carry their own, in the pack).
    pub basis: Basis,
    /// Where the rule comes from, in both languages.
    pub source: Text,
    /// Ids of the benchmark indicators the dimension judges (empty for gates).
    pub indicators: Vec<&'static str>,
}

/// One indicator of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogueIndicator {
    /// e.g. `B3.ip_intensity`, `info.export_share`.
    pub id: &'static str,
    /// Title.
    pub title: Text,
    /// The exact formula.
    pub formula: &'static str,
    /// Unit of the value.
    pub unit: &'static str,
}

/// Everything a front end shows about the rules that does not depend on a pack: criteria,
/// indicators and enumeration labels. Thresholds and weights are the pack's (see
/// [`crate::rulebook::build`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Catalogue {
    /// Always [`CATALOGUE_FORMAT`].
    #[cfg_attr(feature = "ts", ts(type = "CatalogueFormat"))]
    pub format: &'static str,
    /// The engine version the texts belong to.
    pub engine_version: &'static str,
    /// G1–G7 then B1–B4, in report order.
    pub criteria: Vec<CatalogueCriterion>,
    /// Benchmark indicators first, then informational ones.
    pub indicators: Vec<CatalogueIndicator>,
    /// Labels of every enumeration.
    pub labels: Labels,
    /// Every input field by JSON pointer pattern, with its label and, for the figures a user
    /// enters, what it means (input-format.md, "What each figure means").
    pub fields: Vec<CatalogueField>,
}

/// One input field of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogueField {
    /// JSON pointer with `*` for an array index (e.g. a product's economics row's `profit`).
    pub pointer: &'static str,
    /// The label a form shows.
    pub label: Text,
    /// What the figure means; absent for fields that need no definition.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub definition: Option<Text>,
}

/// The input fields of the catalogue, from [`FIELD_LABELS`].
pub fn fields() -> Vec<CatalogueField> {
    FIELD_LABELS
        .iter()
        .map(|f| CatalogueField {
            pointer: f.pattern,
            label: Text::new(f.zh, f.en),
            definition: f.definition.map(|(zh, en)| Text::new(zh, en)),
        })
        .collect()
}

/// The catalogue of this engine.
pub fn catalogue() -> Catalogue {
    Catalogue {
        format: CATALOGUE_FORMAT,
        engine_version: crate::report::VERSION,
        criteria: CRITERIA
            .iter()
            .map(|c| CatalogueCriterion {
                id: c.id,
                title: Text::new(c.title_zh, c.title_en),
                rule: Text::new(c.rule_zh, c.rule_en),
                basis: c.basis,
                source: c.source(),
                indicators: c.indicators.iter().map(|i| i.as_str()).collect(),
            })
            .collect(),
        indicators: INDICATORS
            .iter()
            .map(|i| CatalogueIndicator {
                id: i.id,
                title: Text::new(i.title_zh, i.title_en),
                formula: i.formula,
                unit: i.unit,
            })
            .collect(),
        labels: labels(),
        fields: fields(),
    }
}

/// The labels of every enumeration.
pub fn labels() -> Labels {
    fn words(choices: &[Choice]) -> Vec<Label> {
        choices
            .iter()
            .map(|c| Label {
                value: c.value,
                label: c.label(),
            })
            .collect()
    }
    fn list<T: Copy>(all: &[T], name: fn(T) -> &'static str, label: fn(T) -> Text) -> Vec<Label> {
        all.iter()
            .map(|&v| Label {
                value: name(v),
                label: label(v),
            })
            .collect()
    }
    Labels {
        org_type: words(OrgType::CHOICES),
        patent_type: words(PatentType::CHOICES),
        legal_status: words(LegalStatus::CHOICES),
        licence_kind: words(LicenceKind::CHOICES),
        product_status: words(ProductStatus::CHOICES),
        filer_role: words(FilerRole::CHOICES),
        money_unit: words(MoneyUnit::CHOICES),
        product_verdict: list(
            &[
                ProductVerdict::Qualifies,
                ProductVerdict::DoesNotQualify,
                ProductVerdict::Undetermined,
            ],
            product_verdict_name,
            product_verdict,
        ),
        verdict: list(
            &[
                Verdict::Pass,
                Verdict::Fail,
                Verdict::Undetermined,
                Verdict::NotApplicable,
            ],
            verdict_name,
            verdict,
        ),
        basis: words(Basis::CHOICES),
    }
}

/// The label of an organisation kind (rules.md G1).
pub fn org_type(kind: OrgType) -> Text {
    kind.label()
}

/// The label of a patent type.
pub fn patent_type(kind: PatentType) -> Text {
    kind.label()
}

/// The label of a legal status (the words of [`crate::rules::standing::status_zh`]).
pub fn legal_status(status: LegalStatus) -> Text {
    status.label()
}

/// The label of a licence kind.
pub fn licence_kind(kind: LicenceKind) -> Text {
    kind.label()
}

/// The label of a product's market status (rules.md G7).
pub fn product_status(status: ProductStatus) -> Text {
    status.label()
}

/// The label of what the filer does with the product (rules.md G2).
pub fn filer_role(role: FilerRole) -> Text {
    role.label()
}

/// The label of a money unit.
pub fn money_unit(unit: MoneyUnit) -> Text {
    unit.label()
}

fn t(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

fn product_verdict_name(verdict: ProductVerdict) -> &'static str {
    match verdict {
        ProductVerdict::Qualifies => "qualifies",
        ProductVerdict::DoesNotQualify => "does_not_qualify",
        ProductVerdict::Undetermined => "undetermined",
    }
}

/// The label of a product's verdict: a pass meets the reference benchmark, it is not a
/// certification.
pub fn product_verdict(verdict: ProductVerdict) -> Text {
    match verdict {
        ProductVerdict::Qualifies => t("达到参考基准", "meets the reference benchmark"),
        ProductVerdict::DoesNotQualify => t("未达到要求", "does not qualify"),
        ProductVerdict::Undetermined => t("无法判断", "undetermined"),
    }
}

fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Pass => "pass",
        Verdict::Fail => "fail",
        Verdict::Undetermined => "undetermined",
        Verdict::NotApplicable => "not_applicable",
    }
}

/// The label of a criterion's or indicator's verdict.
pub fn verdict(verdict: Verdict) -> Text {
    match verdict {
        Verdict::Pass => t("通过", "pass"),
        Verdict::Fail => t("未通过", "fail"),
        Verdict::Undetermined => t("无法判断", "undetermined"),
        Verdict::NotApplicable => t("不适用", "not applicable"),
    }
}

/// The label of a basis.
pub fn basis(basis: Basis) -> Text {
    basis.label()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::standing::status_zh;

    fn all(labels: &Labels) -> Vec<&Vec<Label>> {
        vec![
            &labels.org_type,
            &labels.patent_type,
            &labels.legal_status,
            &labels.licence_kind,
            &labels.product_status,
            &labels.filer_role,
            &labels.money_unit,
            &labels.product_verdict,
            &labels.verdict,
            &labels.basis,
        ]
    }

    #[test]
    fn every_input_enumeration_value_has_a_label_in_format_order() {
        let labels = labels();
        let values = |list: &[Label]| list.iter().map(|l| l.value).collect::<Vec<_>>();
        assert_eq!(values(&labels.org_type), OrgType::NAMES);
        assert_eq!(values(&labels.patent_type), PatentType::NAMES);
        assert_eq!(values(&labels.legal_status), LegalStatus::NAMES);
        assert_eq!(values(&labels.licence_kind), LicenceKind::NAMES);
        assert_eq!(values(&labels.product_status), ProductStatus::NAMES);
        assert_eq!(values(&labels.filer_role), FilerRole::NAMES);
        assert_eq!(values(&labels.money_unit), MoneyUnit::NAMES);
        for list in all(&labels) {
            for label in list {
                assert!(!label.label.zh.trim().is_empty(), "{}", label.value);
                assert!(!label.label.en.trim().is_empty(), "{}", label.value);
                assert!(label.label.en.is_ascii(), "{}", label.value);
                assert!(!label.label.zh.is_ascii(), "{}", label.value);
            }
        }
    }

    #[test]
    fn report_enumeration_values_are_their_wire_spellings() {
        let labels = labels();
        for label in &labels.product_verdict {
            let verdict = [
                ProductVerdict::Qualifies,
                ProductVerdict::DoesNotQualify,
                ProductVerdict::Undetermined,
            ]
            .into_iter()
            .find(|v| product_verdict_name(*v) == label.value)
            .unwrap();
            assert_eq!(serde_json::to_value(verdict).unwrap(), label.value);
        }
        for label in &labels.verdict {
            let verdict = [
                Verdict::Pass,
                Verdict::Fail,
                Verdict::Undetermined,
                Verdict::NotApplicable,
            ]
            .into_iter()
            .find(|v| verdict_name(*v) == label.value)
            .unwrap();
            assert_eq!(serde_json::to_value(verdict).unwrap(), label.value);
        }
        let wire: Vec<_> = [Basis::Official, Basis::Reference, Basis::PublicNotice]
            .into_iter()
            .map(|b| serde_json::to_value(b).unwrap())
            .collect();
        let listed: Vec<_> = labels.basis.iter().map(|l| l.value).collect();
        assert_eq!(wire, listed);
        assert_eq!(labels.product_verdict.len(), 3);
        assert_eq!(labels.verdict.len(), 4);
    }

    #[test]
    fn legal_status_labels_use_the_words_of_the_explanations() {
        for &status in LegalStatus::ALL {
            assert_eq!(legal_status(status).zh, status_zh(status), "{status:?}");
        }
    }

    #[test]
    fn the_catalogue_holds_every_criterion_and_indicator_of_the_catalog() {
        let catalogue = catalogue();
        assert_eq!(catalogue.format, CATALOGUE_FORMAT);
        assert_eq!(catalogue.engine_version, crate::report::VERSION);
        let ids: Vec<_> = catalogue.criteria.iter().map(|c| c.id).collect();
        assert_eq!(
            ids,
            ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "B1", "B2", "B3", "B4"]
        );
        let b3 = catalogue.criteria.iter().find(|c| c.id == "B3").unwrap();
        assert_eq!(
            b3.indicators,
            ["B3.patent_revenue_share", "B3.ip_intensity"]
        );
        assert!(b3.rule.zh.contains("基准") && b3.rule.en.contains("benchmark"));
        // Every benchmark indicator a criterion names is described.
        for criterion in &catalogue.criteria {
            for id in &criterion.indicators {
                assert!(catalogue.indicators.iter().any(|i| i.id == *id), "{id}");
            }
        }
        assert_eq!(catalogue.indicators.len(), INDICATORS.len());
        let json = serde_json::to_value(&catalogue).unwrap();
        assert_eq!(json["labels"]["legal_status"][1]["value"], "valid");
        assert_eq!(json["labels"]["legal_status"][1]["label"]["zh"], "有效");
        assert_eq!(json["criteria"][0]["basis"], "public-notice");
        assert!(json["criteria"][0]["source"]["en"]
            .as_str()
            .unwrap()
            .is_ascii());
        let profit = catalogue
            .fields
            .iter()
            .find(|f| f.pointer == "/products/*/economics/*/profit")
            .unwrap();
        assert_eq!(profit.label.zh, "利润");
        assert!(profit.definition.as_ref().unwrap().zh.contains("利润总额"));
        assert_eq!(catalogue.fields.len(), FIELD_LABELS.len());
    }
}
