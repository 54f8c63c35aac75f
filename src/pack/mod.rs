//! Rule packs (rules.md §2): the parameters and benchmark thresholds the rules apply, as data.
//! Each value carries its basis (`official`, `reference`, `public-notice`) and its source. Packs
//! are embedded at build time and identified by id plus the SHA-256 of their RFC 8785 canonical
//! form; another pack may be supplied at run time and is validated like any input.

pub(crate) mod choose;
pub mod diff;
pub(crate) mod notices;
mod parse;

use serde::Serialize;

use crate::exact::Decimal;
use crate::input::{OrgType, PatentType};
use crate::read::fields::Choice;
use crate::text::Text;

pub use parse::parse_pack;

/// The format tag of a rule pack document.
pub const PACK_FORMAT: &str = "patent-intensive/rule-pack@1";

/// The pack files compiled into the library, in round order.
const EMBEDDED: &[&str] = &[
    include_str!("../../packs/t-ppac-402-2022.json"),
    include_str!("../../packs/gb-t-46961-2025.json"),
];

/// Where a value comes from and how far it can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Basis {
    /// Taken from the standard's own text.
    #[serde(rename = "official")]
    Official,
    /// This project's documented default, to be replaced by an official value.
    #[serde(rename = "reference")]
    Reference,
    /// Taken from public notices and guides about the scheme.
    #[serde(rename = "public-notice")]
    PublicNotice,
}

impl Basis {
    /// Every basis: its wire spelling and its words, in the order the format lists them (the
    /// pack's field tables' enumeration).
    pub const CHOICES: &'static [Choice] = &[
        Basis::Official.choice(),
        Basis::Reference.choice(),
        Basis::PublicNotice.choice(),
    ];

    /// The wire spelling and the words (exhaustive: a new basis has words or does not compile).
    const fn choice(self) -> Choice {
        match self {
            Basis::Official => Choice::new("official", "官方", "official"),
            Basis::Reference => Choice::new("reference", "参考", "reference"),
            Basis::PublicNotice => Choice::new("public-notice", "公开通知", "public notice"),
        }
    }

    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        self.choice().value
    }

    /// The basis in words.
    pub fn label(self) -> Text {
        self.choice().label()
    }

    fn parse(text: &str) -> Option<Basis> {
        match text {
            "official" => Some(Basis::Official),
            "reference" => Some(Basis::Reference),
            "public-notice" => Some(Basis::PublicNotice),
            _ => None,
        }
    }
}

/// A value with its basis and source.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// How far it can be trusted.
    pub basis: Basis,
    /// The clause or document it comes from.
    pub source: String,
}

/// The rounds (year Y) a pack applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rounds {
    /// First round year.
    pub first: i32,
    /// Last round year; open-ended when absent.
    pub last: Option<i32>,
}

impl Rounds {
    /// Whether round year `year` is covered.
    pub fn contains(self, year: i32) -> bool {
        year >= self.first && self.last.is_none_or(|last| year <= last)
    }
}

/// A benchmark indicator that has a threshold (rules.md §3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum IndicatorId {
    /// Sales revenue of year D.
    #[serde(rename = "B1.sales_revenue")]
    SalesRevenue,
    /// profit / sales_revenue.
    #[serde(rename = "B1.profit_margin")]
    ProfitMargin,
    /// Counted invention patents.
    #[serde(rename = "B2.invention_patents")]
    InventionPatents,
    /// Σ weight(type) over counted patents.
    #[serde(rename = "B2.weighted_strength")]
    WeightedStrength,
    /// patent_attributable_revenue / sales_revenue.
    #[serde(rename = "B3.patent_revenue_share")]
    PatentRevenueShare,
    /// ip_investment / sales_revenue.
    #[serde(rename = "B3.ip_intensity")]
    IpIntensity,
    /// covered_core_features / core_features.
    #[serde(rename = "B4.core_feature_coverage")]
    CoreFeatureCoverage,
}

impl IndicatorId {
    /// Every indicator with a threshold, in report order.
    pub const ALL: [IndicatorId; 7] = [
        IndicatorId::SalesRevenue,
        IndicatorId::ProfitMargin,
        IndicatorId::InventionPatents,
        IndicatorId::WeightedStrength,
        IndicatorId::PatentRevenueShare,
        IndicatorId::IpIntensity,
        IndicatorId::CoreFeatureCoverage,
    ];

    /// The id as written in packs and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorId::SalesRevenue => "B1.sales_revenue",
            IndicatorId::ProfitMargin => "B1.profit_margin",
            IndicatorId::InventionPatents => "B2.invention_patents",
            IndicatorId::WeightedStrength => "B2.weighted_strength",
            IndicatorId::PatentRevenueShare => "B3.patent_revenue_share",
            IndicatorId::IpIntensity => "B3.ip_intensity",
            IndicatorId::CoreFeatureCoverage => "B4.core_feature_coverage",
        }
    }
}

/// Weights of patent types in the weighted protection strength (B2).
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    /// Weight of an invention patent.
    pub invention: Decimal,
    /// Weight of a utility model.
    pub utility_model: Decimal,
    /// Weight of a design.
    pub design: Decimal,
}

impl Weights {
    /// The weight of one patent of `kind`.
    pub fn of(&self, kind: PatentType) -> &Decimal {
        match kind {
            PatentType::Invention => &self.invention,
            PatentType::UtilityModel => &self.utility_model,
            PatentType::Design => &self.design,
        }
    }
}

/// The benchmark of one product category.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    /// Category code this row applies to (a prefix of the product's code), or `*` for all.
    pub category: String,
    /// What the row covers.
    pub title: Text,
    /// Patent type weights for B2.
    pub weights: Sourced<Weights>,
    /// Threshold per indicator; `None` when unknown (the indicator is then undetermined).
    pub thresholds: Vec<(IndicatorId, Option<Sourced<Decimal>>)>,
}

impl Benchmark {
    /// The threshold of `indicator`, when the row knows it.
    pub fn threshold(&self, indicator: IndicatorId) -> Option<&Sourced<Decimal>> {
        self.thresholds
            .iter()
            .find(|(id, _)| *id == indicator)
            .and_then(|(_, threshold)| threshold.as_ref())
    }

    /// The least trusted basis among the row's weights and known thresholds.
    pub fn basis(&self) -> Basis {
        let all_official = self.weights.basis == Basis::Official
            && self
                .thresholds
                .iter()
                .all(|(_, t)| t.as_ref().is_none_or(|t| t.basis == Basis::Official));
        if all_official {
            Basis::Official
        } else {
            Basis::Reference
        }
    }
}

/// A validated rule pack.
#[derive(Clone, Debug, PartialEq)]
pub struct RulePack {
    /// Stable id, e.g. `cn-pip/t-ppac-402-2022`.
    pub id: String,
    /// Version of the pack's content.
    pub version: String,
    /// Human title.
    pub title: Text,
    /// The standard the pack implements.
    pub implements: String,
    /// Public documents the pack draws on.
    pub sources: Vec<String>,
    /// The rounds it applies to.
    pub rounds: Rounds,
    /// Organisation kinds allowed to file (G1).
    pub allowed_org_types: Sourced<Vec<OrgType>>,
    /// Minimum number of counted patents (G4).
    pub min_counted_patents: Sourced<u64>,
    /// Benchmarks by product category.
    pub benchmarks: Vec<Benchmark>,
    /// SHA-256 of the pack's RFC 8785 canonical form.
    pub sha256: String,
    /// The RFC 8785 canonical form itself.
    pub canonical: String,
}

impl RulePack {
    /// The benchmark row for a product category: the longest row code that is a prefix of the
    /// product's code, else the `*` row.
    pub fn benchmark_for(&self, category: Option<&str>) -> Option<&Benchmark> {
        let category = category.map(str::trim).unwrap_or("");
        self.benchmarks
            .iter()
            .filter(|row| {
                row.category != "*"
                    && !row.category.is_empty()
                    && category.starts_with(&row.category)
            })
            .max_by_key(|row| row.category.len())
            .or_else(|| self.benchmarks.iter().find(|row| row.category == "*"))
    }

    /// The summary an index of packs shows.
    pub fn info(&self) -> PackInfo {
        let mut reference = 0;
        let mut official = 0;
        for row in &self.benchmarks {
            for (_, threshold) in &row.thresholds {
                match threshold.as_ref().map(|t| t.basis) {
                    Some(Basis::Official) => official += 1,
                    Some(_) => reference += 1,
                    None => {}
                }
            }
        }
        PackInfo {
            id: self.id.clone(),
            version: self.version.clone(),
            title: self.title.clone(),
            implements: self.implements.clone(),
            rounds: self.rounds,
            sha256: self.sha256.clone(),
            official_thresholds: official,
            reference_thresholds: reference,
        }
    }
}

/// What a list of packs shows for each.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PackInfo {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Title.
    pub title: Text,
    /// The standard implemented.
    pub implements: String,
    /// Round years covered.
    pub rounds: Rounds,
    /// SHA-256 of the canonical form.
    pub sha256: String,
    /// Number of thresholds with an `official` basis.
    pub official_thresholds: usize,
    /// Number of thresholds with another basis.
    pub reference_thresholds: usize,
}

/// Every embedded pack, parsed. An embedded pack that fails validation is a build defect that the
/// test suite catches; it is skipped here rather than allowed to panic.
pub fn embedded() -> Vec<RulePack> {
    EMBEDDED
        .iter()
        .filter_map(|json| parse_pack(json).ok())
        .collect()
}

/// The id and rounds of an embedded pack, read without validating, canonicalising or hashing it:
/// enough to choose one, so that only the chosen pack is parsed in full.
struct Head<'a> {
    json: &'a str,
    id: String,
    rounds: Rounds,
}

fn heads() -> Vec<Head<'static>> {
    EMBEDDED
        .iter()
        .filter_map(|json| {
            let value = crate::read::json::parse(json).ok()?;
            let rounds = value.get("rounds")?;
            let year = |name: &str| {
                rounds
                    .get(name)
                    .and_then(crate::read::json::Value::as_i64)
                    .and_then(|y| i32::try_from(y).ok())
            };
            Some(Head {
                json,
                id: value.get("id")?.as_str()?.to_string(),
                rounds: Rounds {
                    first: year("first")?,
                    last: year("last"),
                },
            })
        })
        .collect()
}

/// The ids of the embedded packs, in round order.
pub fn embedded_ids() -> Vec<String> {
    heads().into_iter().map(|head| head.id).collect()
}

/// The embedded pack with this id.
pub fn embedded_by_id(id: &str) -> Option<RulePack> {
    heads()
        .into_iter()
        .filter(|head| head.id == id)
        .find_map(|head| parse_pack(head.json).ok())
}

/// The embedded pack for round year `year`: the one whose rounds contain it, else the nearest
/// (the earliest pack before the first round, the latest after the last).
pub fn embedded_for_round(year: i32) -> Option<RulePack> {
    let heads = heads();
    let rounds: Vec<Rounds> = heads.iter().map(|head| head.rounds).collect();
    let head = heads.get(index_for_round(&rounds, year)?)?;
    parse_pack(head.json).ok()
}

/// Among packs with these rounds, the index of the one for round year `year`: the first whose
/// rounds contain it, else the nearest (the earliest before the first round, the latest after the
/// last).
pub fn index_for_round(rounds: &[Rounds], year: i32) -> Option<usize> {
    if let Some(position) = rounds.iter().position(|r| r.contains(year)) {
        return Some(position);
    }
    let indexed = rounds.iter().enumerate();
    let nearest = if rounds.iter().all(|r| year < r.first) {
        indexed.min_by_key(|(_, r)| r.first)
    } else {
        indexed.max_by_key(|(_, r)| r.first)
    };
    nearest.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_pack_is_valid_and_distinct() {
        assert_eq!(embedded().len(), EMBEDDED.len());
        for json in EMBEDDED {
            parse_pack(json).unwrap();
        }
        let packs = embedded();
        assert_ne!(packs[0].sha256, packs[1].sha256);
    }

    #[test]
    fn round_year_selects_the_pack() {
        assert_eq!(
            embedded_for_round(2023).unwrap().id,
            "cn-pip/t-ppac-402-2022"
        );
        assert_eq!(
            embedded_for_round(2025).unwrap().id,
            "cn-pip/t-ppac-402-2022"
        );
        assert_eq!(
            embedded_for_round(2026).unwrap().id,
            "cn-pip/gb-t-46961-2025"
        );
        assert_eq!(
            embedded_for_round(2040).unwrap().id,
            "cn-pip/gb-t-46961-2025"
        );
        assert_eq!(
            embedded_for_round(2019).unwrap().id,
            "cn-pip/t-ppac-402-2022"
        );
    }

    #[test]
    fn heads_agree_with_the_parsed_packs() {
        let packs = embedded();
        let heads = heads();
        assert_eq!(heads.len(), packs.len());
        for (head, pack) in heads.iter().zip(&packs) {
            assert_eq!(head.id, pack.id);
            assert_eq!(head.rounds, pack.rounds);
            assert_eq!(embedded_by_id(&pack.id).as_ref(), Some(pack));
        }
        let rounds: Vec<Rounds> = packs.iter().map(|p| p.rounds).collect();
        for year in 1990..2060 {
            let chosen = index_for_round(&rounds, year).map(|i| &packs[i]);
            assert_eq!(embedded_for_round(year).as_ref(), chosen, "{year}");
        }
    }

    #[test]
    fn shipped_benchmarks_are_reference_values() {
        for pack in embedded() {
            let row = pack.benchmark_for(Some("C3720")).unwrap();
            assert_eq!(row.basis(), Basis::Reference);
            assert_eq!(row.thresholds.len(), IndicatorId::ALL.len());
            assert_eq!(pack.info().official_thresholds, 0);
        }
    }
}
