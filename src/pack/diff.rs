//! What a rule pack changes against another: each parameter, weight and threshold whose value,
//! basis or source differs, and the benchmark rows one has and the other lacks. `pack check` (CLI)
//! and the page's pack panel (through `checkPack`) show it, so a person who brings a pack of
//! official values sees exactly what it changes before using it.

use serde::Serialize;

use super::{
    embedded_by_id, embedded_for_round, parse_pack, Basis, Benchmark, IndicatorId, PackInfo,
    RulePack, Sourced, Weights,
};
use crate::exact::plain;
use crate::findings::Finding;
use crate::text::Text;

/// A value of a pack with its basis and source, as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The value in plain notation (weights: `invention 1 · utility_model 0.3 · design 0.1`;
    /// organisation kinds: comma-separated).
    pub value: String,
    /// How far it can be trusted.
    pub basis: Basis,
    /// Where it comes from.
    pub source: String,
}

/// The kind of one difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A gate parameter (`allowed_org_types`, `min_counted_patents`) differs.
    Parameter,
    /// A row's B2 weights differ.
    Weights,
    /// A row's threshold differs, appears (was unknown) or disappears (becomes unknown).
    Threshold,
    /// A benchmark row the other pack does not have.
    RowAdded,
    /// A benchmark row of the other pack that this one does not have.
    RowRemoved,
}

/// One difference between two packs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What differs.
    pub kind: ChangeKind,
    /// The benchmark row's category code (`*` for all); absent for parameters.
    pub category: Option<String>,
    /// The parameter name, `weights`, or the indicator id (`B1.sales_revenue`); absent for rows.
    pub item: Option<String>,
    /// The value in the pack compared with; absent when it had none (unknown threshold, new row).
    pub old: Option<Entry>,
    /// The value in the pack checked; absent when it has none (unknown threshold, removed row).
    pub new: Option<Entry>,
    /// For an added or removed row: its title.
    pub title: Option<Text>,
}

impl Change {
    /// Whether the value itself differs (not only its basis or source).
    pub fn value_changed(&self) -> bool {
        self.old.as_ref().map(|e| &e.value) != self.new.as_ref().map(|e| &e.value)
    }

    /// Whether the basis differs.
    pub fn basis_changed(&self) -> bool {
        self.old.as_ref().map(|e| e.basis) != self.new.as_ref().map(|e| e.basis)
    }

    /// Whether the source differs.
    pub fn source_changed(&self) -> bool {
        self.old.as_ref().map(|e| &e.source) != self.new.as_ref().map(|e| &e.source)
    }
}

/// The outcome of checking a pack document: its identity when valid, its findings when not, and
/// what it changes against the embedded pack it would replace.
#[derive(Clone, Debug, Serialize)]
pub struct PackCheck {
    /// Whether the document is a valid rule pack.
    pub valid: bool,
    /// The pack's identity and threshold counts by basis, when valid.
    pub pack: Option<PackInfo>,
    /// Every problem, each with its JSON pointer in the pack document; empty when valid.
    pub findings: Vec<Finding>,
    /// The embedded pack compared with, when valid.
    pub compared_with: Option<PackInfo>,
    /// Every difference from that pack, parameters first, then rows in the checked pack's order,
    /// then removed rows.
    pub changes: Vec<Change>,
}

/// The embedded pack a pack is compared with: the embedded pack with the same id (a new version
/// of it), else the embedded pack for the pack's first round year (the one it would replace for
/// that round).
pub fn base_for(pack: &RulePack) -> Option<RulePack> {
    embedded_by_id(&pack.id).or_else(|| embedded_for_round(pack.rounds.first))
}

/// Validates a pack document and compares it with the embedded pack it would replace.
pub fn check(json: &str) -> PackCheck {
    match parse_pack(json) {
        Ok(pack) => {
            let base = base_for(&pack);
            let changes = base.as_ref().map(|b| diff(b, &pack)).unwrap_or_default();
            PackCheck {
                valid: true,
                pack: Some(pack.info()),
                findings: Vec::new(),
                compared_with: base.map(|b| b.info()),
                changes,
            }
        }
        Err(findings) => PackCheck {
            valid: false,
            pack: None,
            findings,
            compared_with: None,
            changes: Vec::new(),
        },
    }
}

/// Every difference of `new` from `old`: parameters, then for each row of `new` (in its order)
/// either `row_added` or its differing weights and thresholds, then the rows of `old` that `new`
/// lacks. Rows are matched by category code; values are compared as exact numbers, so `0.30` and
/// `0.3` are the same threshold.
pub fn diff(old: &RulePack, new: &RulePack) -> Vec<Change> {
    let mut changes = Vec::new();
    let org_types = |pack: &RulePack| Sourced {
        value: pack
            .allowed_org_types
            .value
            .iter()
            .map(|kind| kind.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        basis: pack.allowed_org_types.basis,
        source: pack.allowed_org_types.source.clone(),
    };
    let min_counted = |pack: &RulePack| Sourced {
        value: pack.min_counted_patents.value.to_string(),
        basis: pack.min_counted_patents.basis,
        source: pack.min_counted_patents.source.clone(),
    };
    for (name, before, after) in [
        ("allowed_org_types", org_types(old), org_types(new)),
        ("min_counted_patents", min_counted(old), min_counted(new)),
    ] {
        if before != after {
            changes.push(Change {
                kind: ChangeKind::Parameter,
                category: None,
                item: Some(name.to_string()),
                old: Some(entry(before)),
                new: Some(entry(after)),
                title: None,
            });
        }
    }
    for row in &new.benchmarks {
        match old.benchmarks.iter().find(|o| o.category == row.category) {
            Some(before) => row_changes(before, row, &mut changes),
            None => changes.push(row_change(ChangeKind::RowAdded, row)),
        }
    }
    for row in &old.benchmarks {
        if !new.benchmarks.iter().any(|n| n.category == row.category) {
            changes.push(row_change(ChangeKind::RowRemoved, row));
        }
    }
    changes
}

fn entry(sourced: Sourced<String>) -> Entry {
    Entry {
        value: sourced.value,
        basis: sourced.basis,
        source: sourced.source,
    }
}

fn row_change(kind: ChangeKind, row: &Benchmark) -> Change {
    Change {
        kind,
        category: Some(row.category.clone()),
        item: None,
        old: None,
        new: None,
        title: Some(row.title.clone()),
    }
}

/// The weights of a row as one line of text.
pub fn weights_text(weights: &Weights) -> String {
    format!(
        "invention {} · utility_model {} · design {}",
        plain(&weights.invention),
        plain(&weights.utility_model),
        plain(&weights.design)
    )
}

fn threshold_entry(threshold: &Sourced<crate::exact::Decimal>) -> Entry {
    Entry {
        value: plain(&threshold.value),
        basis: threshold.basis,
        source: threshold.source.clone(),
    }
}

fn row_changes(old: &Benchmark, new: &Benchmark, changes: &mut Vec<Change>) {
    if old.weights != new.weights {
        let text = |w: &Sourced<Weights>| Entry {
            value: weights_text(&w.value),
            basis: w.basis,
            source: w.source.clone(),
        };
        changes.push(Change {
            kind: ChangeKind::Weights,
            category: Some(new.category.clone()),
            item: Some("weights".to_string()),
            old: Some(text(&old.weights)),
            new: Some(text(&new.weights)),
            title: None,
        });
    }
    for id in IndicatorId::ALL {
        let (before, after) = (old.threshold(id), new.threshold(id));
        // Decimal equality is numeric: a threshold written `0.30` equals one written `0.3`.
        let same = match (before, after) {
            (Some(b), Some(a)) => b.value == a.value && b.basis == a.basis && b.source == a.source,
            (None, None) => true,
            _ => false,
        };
        if !same {
            changes.push(Change {
                kind: ChangeKind::Threshold,
                category: Some(new.category.clone()),
                item: Some(id.as_str().to_string()),
                old: before.map(threshold_entry),
                new: after.map(threshold_entry),
                title: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn t_ppac() -> RulePack {
        embedded_by_id("cn-pip/t-ppac-402-2022").unwrap()
    }

    fn edited(edit: impl FnOnce(&mut Value)) -> RulePack {
        let mut value: Value = serde_json::from_str(&t_ppac().canonical).unwrap();
        edit(&mut value);
        parse_pack(&value.to_string()).unwrap()
    }

    #[test]
    fn a_pack_has_no_difference_from_itself() {
        assert_eq!(diff(&t_ppac(), &t_ppac()), Vec::new());
    }

    #[test]
    fn a_threshold_written_differently_is_the_same_threshold() {
        let new = edited(|v| {
            v["benchmarks"][0]["thresholds"]["B3.patent_revenue_share"]["value"] = "0.3".into();
        });
        assert_ne!(new.sha256, t_ppac().sha256);
        assert_eq!(diff(&t_ppac(), &new), Vec::new());
    }

    #[test]
    fn value_and_basis_changes_are_named() {
        let new = edited(|v| {
            let sales = &mut v["benchmarks"][0]["thresholds"]["B1.sales_revenue"];
            sales["value"] = "6000000".into();
            sales["basis"] = "official".into();
            v["benchmarks"][0]["thresholds"]["B4.core_feature_coverage"]["value"] = Value::Null;
            v["parameters"]["min_counted_patents"]["value"] = 2.into();
        });
        let changes = diff(&t_ppac(), &new);
        assert_eq!(changes.len(), 3, "{changes:?}");
        assert_eq!(changes[0].kind, ChangeKind::Parameter);
        assert_eq!(changes[0].item.as_deref(), Some("min_counted_patents"));
        assert_eq!(changes[0].old.as_ref().unwrap().value, "1");
        assert_eq!(changes[0].new.as_ref().unwrap().value, "2");
        assert!(!changes[0].basis_changed());
        let sales = &changes[1];
        assert_eq!(sales.item.as_deref(), Some("B1.sales_revenue"));
        assert_eq!(sales.category.as_deref(), Some("*"));
        assert_eq!(sales.old.as_ref().unwrap().value, "5000000");
        assert_eq!(sales.new.as_ref().unwrap().value, "6000000");
        assert_eq!(sales.new.as_ref().unwrap().basis, Basis::Official);
        assert!(sales.value_changed() && sales.basis_changed() && !sales.source_changed());
        assert_eq!(changes[2].item.as_deref(), Some("B4.core_feature_coverage"));
        assert!(changes[2].new.is_none());
    }

    #[test]
    fn rows_added_and_removed_are_listed() {
        let new = edited(|v| {
            let mut row = v["benchmarks"][0].clone();
            row["category"] = "C37".into();
            v["benchmarks"][0]["category"] = "C39".into();
            v["benchmarks"].as_array_mut().unwrap().push(row);
        });
        let changes = diff(&t_ppac(), &new);
        let kinds: Vec<(ChangeKind, Option<&str>)> = changes
            .iter()
            .map(|c| (c.kind, c.category.as_deref()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (ChangeKind::RowAdded, Some("C39")),
                (ChangeKind::RowAdded, Some("C37")),
                (ChangeKind::RowRemoved, Some("*")),
            ]
        );
    }

    #[test]
    fn the_base_is_the_same_id_else_the_pack_of_the_first_round() {
        let renamed = edited(|v| {
            v["id"] = "someone/official-2026".into();
            v["rounds"]["first"] = 2026.into();
            v["rounds"]["last"] = Value::Null;
        });
        assert_eq!(base_for(&renamed).unwrap().id, "cn-pip/gb-t-46961-2025");
        let same_id = edited(|v| {
            v["rounds"]["first"] = 2026.into();
            v["rounds"]["last"] = Value::Null;
        });
        assert_eq!(base_for(&same_id).unwrap().id, "cn-pip/t-ppac-402-2022");
    }

    #[test]
    fn check_gives_findings_or_identity_and_changes() {
        let bad = check(r#"{"format": "patent-intensive/rule-pack@1"}"#);
        assert!(!bad.valid);
        assert!(bad.findings.iter().any(|f| f.path == "/id"));
        let good = check(&t_ppac().canonical);
        assert!(good.valid && good.findings.is_empty() && good.changes.is_empty());
        assert_eq!(good.pack.unwrap().sha256, t_ppac().sha256);
        assert_eq!(good.compared_with.unwrap().id, "cn-pip/t-ppac-402-2022");
    }
}
