//! Reads and validates a rule pack document, reporting every problem with its JSON pointer.

use crate::read::json::Value;

use super::{Basis, Benchmark, IndicatorId, Rounds, RulePack, Sourced, Weights, PACK_FORMAT};
use crate::canonical::{canonical_json, sha256_hex};
use crate::exact::Decimal;
use crate::findings::shorten;
use crate::findings::{pointer, Code, Finding};
use crate::input::OrgType;
use crate::read::fields::{Field, FieldLabel, Kind};
use crate::read::walk::{Obj, Vocabulary, Walker};
use crate::text::{text, Text};

const fn field(name: &'static str, kind: Kind, required: bool) -> Field {
    Field {
        name,
        kind,
        required,
        doc: "",
        max_items: None,
    }
}

const PACK: &[Field] = &[
    field("format", Kind::Constant(PACK_FORMAT), true),
    field("id", Kind::Text, true),
    field("version", Kind::Text, true),
    field("title", Kind::Object(TEXT), true),
    field("implements", Kind::Text, true),
    field("sources", Kind::TextArray, false),
    field("rounds", Kind::Object(ROUNDS), true),
    field("parameters", Kind::Object(PARAMETERS), true),
    field("benchmarks", Kind::ObjectArray(BENCHMARK), true),
];
const TEXT: &[Field] = &[field("zh", Kind::Text, true), field("en", Kind::Text, true)];
const ROUNDS: &[Field] = &[
    field("first", Kind::Year, true),
    field("last", Kind::Year, false),
];
const PARAMETERS: &[Field] = &[
    field("allowed_org_types", Kind::Object(SOURCED), true),
    field("min_counted_patents", Kind::Object(SOURCED), true),
];
const SOURCED: &[Field] = &[
    field("value", Kind::Text, true),
    field("basis", Kind::Enum(Basis::CHOICES), true),
    field("source", Kind::Text, true),
];
/// A threshold's value may be null: the threshold is then unknown and its indicator undetermined.
const THRESHOLD: &[Field] = &[
    field("value", Kind::Money, false),
    field("basis", Kind::Enum(Basis::CHOICES), true),
    field("source", Kind::Text, true),
];
const BENCHMARK: &[Field] = &[
    field("category", Kind::Text, true),
    field("title", Kind::Object(TEXT), true),
    field("weights", Kind::Object(SOURCED), true),
    field("thresholds", Kind::Object(THRESHOLDS), true),
];
const THRESHOLDS: &[Field] = &[
    field("B1.sales_revenue", Kind::Object(THRESHOLD), false),
    field("B1.profit_margin", Kind::Object(THRESHOLD), false),
    field("B2.invention_patents", Kind::Object(THRESHOLD), false),
    field("B2.weighted_strength", Kind::Object(THRESHOLD), false),
    field("B3.patent_revenue_share", Kind::Object(THRESHOLD), false),
    field("B3.ip_intensity", Kind::Object(THRESHOLD), false),
    field("B4.core_feature_coverage", Kind::Object(THRESHOLD), false),
];
const WEIGHTS: &[Field] = &[
    field("invention", Kind::Money, true),
    field("utility_model", Kind::Money, true),
    field("design", Kind::Money, true),
];

/// The words the walker reads a pack in. A pack's fields are named as written (“first”), its
/// `format` as the input's is; an amount that is not a number gets the input's help (a pack's
/// amounts are in yuan, as an input row's are by default).
static VOCABULARY: Vocabulary = Vocabulary {
    labels: &[FieldLabel::new("/format", "格式", "format")],
    not_a_number: crate::input::labels::not_a_number,
};

/// Most decimal places a threshold or weight may have.
const MAX_PLACES: u64 = 12;

/// Parses a rule pack from JSON. Every problem is reported, each with its JSON pointer.
pub fn parse_pack(json: &str) -> Result<RulePack, Vec<Finding>> {
    let document = crate::read::json::read(json).map_err(|error| match error {
        crate::read::json::ReadError::Syntax(error) => {
            let (line, column) = (error.line(), error.column());
            vec![Finding::error(
                "",
                Code::InvalidJson,
                text!(
                    "规则包不是有效的 JSON（第 {line} 行第 {column} 列）",
                    "the rule pack is not valid JSON (line {line}, column {column})"
                ),
            )]
        }
        other => vec![other.finding()],
    })?;
    let mut walker = Walker::new(document.findings, &VOCABULARY);
    let pack = walker.pack(&document.value);
    match pack {
        Some(pack) if walker.findings.is_empty() => Ok(pack),
        _ => Err(walker.findings.into_vec()),
    }
}

impl Walker {
    fn pack(&mut self, value: &Value) -> Option<RulePack> {
        let doc = self.object(value, "", PACK)?;
        if let Some(format) = self.text(&doc, "format") {
            if format != PACK_FORMAT {
                let shown = shorten(&format);
                self.error(
                    doc.at("format"),
                    Code::UnsupportedFormat,
                    text!(
                        "不支持的规则包格式“{shown}”",
                        "unsupported rule pack format “{shown}”"
                    ),
                );
            }
        }
        let id = self.non_empty_text(&doc, "id");
        let version = self.non_empty_text(&doc, "version");
        let title = doc
            .get("title")
            .and_then(|v| self.bilingual(v, &doc.at("title")));
        let implements = self.non_empty_text(&doc, "implements");
        let sources = self.text_list(&doc, "sources");
        let rounds = doc
            .get("rounds")
            .and_then(|v| self.rounds(v, &doc.at("rounds")));
        let parameters = doc
            .get("parameters")
            .and_then(|v| self.object(v, &doc.at("parameters"), PARAMETERS));
        let (allowed_org_types, min_counted_patents) = match &parameters {
            Some(parameters) => (self.org_types(parameters), self.min_counted(parameters)),
            None => (None, None),
        };
        let benchmarks = self.benchmarks(&doc);
        let canonical = canonical_json(value);
        Some(RulePack {
            id: id?,
            version: version?,
            title: title?,
            implements: implements?,
            sources: sources?,
            rounds: rounds?,
            allowed_org_types: allowed_org_types?,
            min_counted_patents: min_counted_patents?,
            benchmarks: benchmarks?,
            sha256: sha256_hex(canonical.as_bytes()),
            canonical,
        })
    }

    fn bilingual(&mut self, value: &Value, path: &str) -> Option<Text> {
        let obj = self.object(value, path, TEXT)?;
        let zh = self.non_empty_text(&obj, "zh");
        let en = self.non_empty_text(&obj, "en");
        Some(Text::new(zh?, en?))
    }

    fn rounds(&mut self, value: &Value, path: &str) -> Option<Rounds> {
        let obj = self.object(value, path, ROUNDS)?;
        let first = self.year(&obj, "first");
        let last = self.year(&obj, "last");
        if let (Some(first), Some(last)) = (first, last) {
            if last < first {
                self.error(
                    obj.at("last"),
                    Code::InvalidYear,
                    text!(
                        "末轮年度 {last} 早于首轮年度 {first}",
                        "last round {last} is before first round {first}"
                    ),
                );
            }
        }
        Some(Rounds {
            first: first?,
            last,
        })
    }

    fn basis_and_source(&mut self, obj: &Obj) -> Option<(Basis, String)> {
        let basis = self.enumeration(obj, "basis", Basis::parse, Basis::CHOICES);
        let source = self.non_empty_text(obj, "source");
        Some((basis?, source?))
    }

    fn org_types(&mut self, parameters: &Obj) -> Option<Sourced<Vec<OrgType>>> {
        let path = parameters.at("allowed_org_types");
        let obj = self.object(parameters.get("allowed_org_types")?, &path, SOURCED)?;
        let kinds = self.list(&obj, "value", |walker, value, path, _| match value {
            Value::String(s) => {
                let kind = OrgType::parse(s);
                if kind.is_none() {
                    let (shown, allowed) = (shorten(s), OrgType::NAMES.join(", "));
                    walker.error(
                        path,
                        Code::InvalidEnum,
                        text!(
                            "“{shown}”不是允许的值（可选：{allowed}）",
                            "“{shown}” is not one of: {allowed}"
                        ),
                    );
                }
                kind
            }
            other => {
                walker.wrong_type(path, other, "字符串", "a string");
                None
            }
        });
        let (basis, source) = self.basis_and_source(&obj)?;
        Some(Sourced {
            value: kinds?,
            basis,
            source,
        })
    }

    fn min_counted(&mut self, parameters: &Obj) -> Option<Sourced<u64>> {
        let path = parameters.at("min_counted_patents");
        let obj = self.object(parameters.get("min_counted_patents")?, &path, SOURCED)?;
        let value = self.count(&obj, "value");
        let (basis, source) = self.basis_and_source(&obj)?;
        Some(Sourced {
            value: value?,
            basis,
            source,
        })
    }

    fn benchmarks(&mut self, doc: &Obj) -> Option<Vec<Benchmark>> {
        let rows = self.list(doc, "benchmarks", |walker, value, path, _| {
            walker.benchmark(value, path)
        })?;
        let mut seen: Vec<&str> = Vec::new();
        for (index, row) in rows.iter().enumerate() {
            if seen.contains(&row.category.as_str()) {
                let shown = shorten(&row.category);
                self.error(
                    pointer(&pointer(&doc.at("benchmarks"), index), "category"),
                    Code::DuplicateProduct,
                    text!(
                        "基准类别“{shown}”重复",
                        "benchmark category “{shown}” is listed twice"
                    ),
                );
            }
            seen.push(&row.category);
        }
        Some(rows)
    }

    fn benchmark(&mut self, value: &Value, path: &str) -> Option<Benchmark> {
        let obj = self.object(value, path, BENCHMARK)?;
        let category = self
            .non_empty_text(&obj, "category")
            .map(|c| c.trim().to_string());
        let title = obj
            .get("title")
            .and_then(|v| self.bilingual(v, &obj.at("title")));
        let weights = obj
            .get("weights")
            .and_then(|v| self.weights(v, &obj.at("weights")));
        let thresholds = obj
            .get("thresholds")
            .and_then(|v| self.thresholds(v, &obj.at("thresholds")));
        Some(Benchmark {
            category: category?,
            title: title?,
            weights: weights?,
            thresholds: thresholds?,
        })
    }

    fn non_negative(&mut self, obj: &Obj, name: &str) -> Option<Decimal> {
        let value = self.decimal(obj, name, MAX_PLACES)?;
        if value.is_negative() {
            self.error(
                obj.at(name),
                Code::NegativeMoney,
                text!("“{name}”不能为负数", "“{name}” must not be negative"),
            );
            return None;
        }
        Some(value)
    }

    fn weights(&mut self, value: &Value, path: &str) -> Option<Sourced<Weights>> {
        let obj = self.object(value, path, SOURCED)?;
        let weights = obj
            .get("value")
            .and_then(|v| self.object(v, &obj.at("value"), WEIGHTS))
            .and_then(|w| {
                let invention = self.non_negative(&w, "invention");
                let utility_model = self.non_negative(&w, "utility_model");
                let design = self.non_negative(&w, "design");
                Some(Weights {
                    invention: invention?,
                    utility_model: utility_model?,
                    design: design?,
                })
            });
        let (basis, source) = self.basis_and_source(&obj)?;
        Some(Sourced {
            value: weights?,
            basis,
            source,
        })
    }

    fn thresholds(
        &mut self,
        value: &Value,
        path: &str,
    ) -> Option<Vec<(IndicatorId, Option<Sourced<Decimal>>)>> {
        let obj = self.object(value, path, THRESHOLDS)?;
        let mut thresholds = Vec::with_capacity(IndicatorId::ALL.len());
        let mut complete = true;
        for id in IndicatorId::ALL {
            let Some(value) = obj.get(id.as_str()) else {
                thresholds.push((id, None));
                continue;
            };
            let Some(threshold) = self.object(value, &obj.at(id.as_str()), THRESHOLD) else {
                complete = false;
                continue;
            };
            let amount = self.decimal(&threshold, "value", MAX_PLACES);
            let negative_allowed = id == IndicatorId::ProfitMargin;
            if amount
                .as_ref()
                .is_some_and(|a| a.is_negative() && !negative_allowed)
            {
                self.error(
                    threshold.at("value"),
                    Code::NegativeMoney,
                    text!("阈值不能为负数", "the threshold must not be negative"),
                );
                complete = false;
            }
            match self.basis_and_source(&threshold) {
                Some((basis, source)) => {
                    thresholds.push((
                        id,
                        amount.map(|value| Sourced {
                            value,
                            basis,
                            source,
                        }),
                    ));
                }
                None => complete = false,
            }
        }
        complete.then_some(thresholds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_problem_with_its_path() {
        let json = r#"{
            "format": "patent-intensive/rule-pack@1",
            "id": "",
            "version": "1",
            "title": {"zh": "测试"},
            "implements": "x",
            "rounds": {"first": 2026, "last": 2024},
            "parameters": {
                "allowed_org_types": {"value": ["enterprise", "company"], "basis": "official", "source": "s"},
                "min_counted_patents": {"value": -1, "basis": "guess", "source": "s"}
            },
            "benchmarks": [{"category": "*", "title": {"zh": "全部", "en": "all"},
                "weights": {"value": {"invention": "1", "utility_model": "0.3", "design": "-0.1"}, "basis": "reference", "source": "s"},
                "thresholds": {"B1.sales_revenue": {"value": "abc", "basis": "official", "source": "s"}, "B9.x": {}}}],
            "extra": true
        }"#;
        let findings = parse_pack(json).unwrap_err();
        let paths: Vec<(&str, &str)> = findings
            .iter()
            .map(|f| (f.path.as_str(), f.code.as_str()))
            .collect();
        for expected in [
            ("/extra", "unknown_field"),
            ("/id", "empty_text"),
            ("/title/en", "required"),
            ("/rounds/last", "invalid_year"),
            ("/parameters/allowed_org_types/value/1", "invalid_enum"),
            ("/parameters/min_counted_patents/value", "invalid_count"),
            ("/parameters/min_counted_patents/basis", "invalid_enum"),
            ("/benchmarks/0/weights/value/design", "negative_money"),
            (
                "/benchmarks/0/thresholds/B1.sales_revenue/value",
                "invalid_money",
            ),
            ("/benchmarks/0/thresholds/B9.x", "unknown_field"),
        ] {
            assert!(
                paths.contains(&expected),
                "missing {expected:?} in {paths:?}"
            );
        }
    }

    #[test]
    fn a_null_threshold_is_unknown_not_an_error() {
        let mut value: serde_json::Value = serde_json::from_str(super::super::EMBEDDED[0]).unwrap();
        value["benchmarks"][0]["thresholds"]["B4.core_feature_coverage"]["value"] =
            serde_json::Value::Null;
        let pack = parse_pack(&value.to_string()).unwrap();
        let row = pack.benchmark_for(None).unwrap();
        assert!(row.threshold(IndicatorId::CoreFeatureCoverage).is_none());
        assert!(row.threshold(IndicatorId::IpIntensity).is_some());
    }
}
