//! The report's `catalogue` (input-format.md, report version 2): every criterion's and
//! indicator's fixed texts, keyed by id, said once at the top of a report instead of in every
//! product. [`crate::rules::catalog::report_catalogue`] fills it from the texts the `catalogue()`
//! binding and the rule book show; the thresholds' sources are the applied pack's.

use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::report::{as_map, Citation};
use crate::text::Text;

/// Criteria and indicators by id (`G1`, `B3`, `B3.ip_intensity`, `info.export_share`, …): G1–G7
/// and B1–B4, then the benchmark indicators, then the informational ones. A JSON object.
///
/// Its compact JSON is written once, when it is made, and shared: an [`crate::Assessor`] makes
/// one per embedded pack and every report it writes copies those bytes (the catalogue's fixed
/// texts are about 9 KB of every full report, the same each time). The entries cannot change
/// after that, so the bytes cannot go stale.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    /// `None` for the empty catalogue (a report whose input was not assessed).
    shared: Option<Arc<Written>>,
}

/// The entries and their compact JSON.
#[derive(PartialEq, Eq)]
struct Written {
    entries: Vec<(&'static str, CatalogueEntry)>,
    json: String,
}

impl std::fmt::Debug for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.entries).finish()
    }
}

impl Catalogue {
    /// A catalogue of `(id, entry)` pairs, in catalogue order; their JSON is written here, once.
    pub fn new(entries: Vec<(&'static str, CatalogueEntry)>) -> Catalogue {
        let json = super::write::catalogue_json(&entries);
        Catalogue {
            shared: Some(Arc::new(Written { entries, json })),
        }
    }

    /// `(id, entry)` pairs, in catalogue order.
    pub fn entries(&self) -> &[(&'static str, CatalogueEntry)] {
        self.shared.as_ref().map_or(&[], |w| w.entries.as_slice())
    }

    /// The compact JSON object, as the report writes it (`{}` when empty).
    pub(crate) fn json(&self) -> &str {
        self.shared.as_ref().map_or("{}", |w| w.json.as_str())
    }

    /// The entry of a criterion or indicator.
    pub fn get(&self, id: &str) -> Option<&CatalogueEntry> {
        self.entries()
            .iter()
            .find(|(key, _)| *key == id)
            .map(|(_, entry)| entry)
    }

    /// Whether it has no entry (a report whose input was not assessed).
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }
}

impl Serialize for Catalogue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        as_map(self.entries(), serializer)
    }
}

/// The fixed texts of one criterion or indicator. A criterion has `citation` and `rule` (a
/// benchmark dimension also `indicators`); an indicator has `formula` and `unit` (a benchmark
/// indicator also `thresholds`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogueEntry {
    /// Title.
    pub title: Text,
    /// Criteria: where the rule comes from and the basis of the rule itself. G4's basis is the
    /// pack's for its minimum; a benchmark dimension's is its formulas', while each threshold
    /// carries its own basis in the product.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub citation: Option<Citation>,
    /// Criteria: the rule in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub rule: Option<Text>,
    /// Benchmark dimensions: the ids of the indicators they judge.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    pub indicators: Vec<&'static str>,
    /// Indicators: the exact formula.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub formula: Option<&'static str>,
    /// Indicators: the unit of the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub unit: Option<&'static str>,
    /// Benchmark indicators: where the threshold of each of the pack's benchmark rows comes
    /// from, keyed by the row's category code (`*` for all categories); a product's
    /// `benchmark_category` names its row.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "as_map")]
    #[cfg_attr(feature = "ts", ts(type = "Record<string, Citation>", optional))]
    pub thresholds: Vec<(String, Citation)>,
}
