//! The report's `catalogue` (input-format.md, report version 2): every criterion's and
//! indicator's fixed texts, keyed by id, said once at the top of a report instead of in every
//! product. The texts are those of [`crate::rules::catalog`], the same the `catalogue()` binding
//! and the rule book show; the thresholds' sources are the applied pack's.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::pack::RulePack;
use crate::report::Citation;
use crate::rules::catalog::{CRITERIA, INDICATORS};
use crate::text::Text;

/// Criteria and indicators by id (`G1`, `B3`, `B3.ip_intensity`, `info.export_share`, …).
pub type Catalogue = BTreeMap<&'static str, CatalogueEntry>;

/// The fixed texts of one criterion or indicator. A criterion has `citation` and `rule` (a
/// benchmark dimension also `indicators`); an indicator has `formula` and `unit` (a benchmark
/// indicator also `thresholds`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogueEntry {
    /// Title.
    pub title: Text,
    /// Criteria: where the rule comes from and the basis of the rule itself. G4's basis is the
    /// pack's for its minimum; a benchmark dimension's is its formulas', while each threshold
    /// carries its own basis in the product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// Criteria: the rule in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Text>,
    /// Benchmark dimensions: the ids of the indicators they judge.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<&'static str>,
    /// Indicators: the exact formula.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<&'static str>,
    /// Indicators: the unit of the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// Benchmark indicators: where the threshold of each of the pack's benchmark rows comes
    /// from, keyed by the row's category code (`*` for all categories); a product's
    /// `benchmark_category` names its row.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub thresholds: BTreeMap<String, Citation>,
}

/// The catalogue of a report assessed with `pack`.
pub fn for_pack(pack: &RulePack) -> Catalogue {
    let mut catalogue = Catalogue::new();
    for c in CRITERIA {
        let basis = if c.id == "G4" {
            pack.min_counted_patents.basis
        } else {
            c.basis
        };
        catalogue.insert(
            c.id,
            CatalogueEntry {
                title: Text::new(c.title_zh, c.title_en),
                citation: Some(Citation {
                    source: c.source.to_string(),
                    basis,
                }),
                rule: Some(Text::new(c.rule_zh, c.rule_en)),
                indicators: c.indicators.iter().map(|i| i.as_str()).collect(),
                formula: None,
                unit: None,
                thresholds: BTreeMap::new(),
            },
        );
    }
    for i in INDICATORS {
        let mut thresholds = BTreeMap::new();
        for row in &pack.benchmarks {
            let threshold = row
                .thresholds
                .iter()
                .find(|(id, _)| id.as_str() == i.id)
                .and_then(|(_, t)| t.as_ref());
            if let Some(t) = threshold {
                thresholds.insert(
                    row.category.clone(),
                    Citation {
                        source: t.source.clone(),
                        basis: t.basis,
                    },
                );
            }
        }
        catalogue.insert(
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
        );
    }
    catalogue
}
