//! The assessment report (input-format.md, "The report (JSON), version 2"): what every consumer
//! reads. Field names and codes are a stable contract; the struct order below is the byte order
//! of the JSON.
//!
//! Version 2 says each thing once: the criteria's fixed texts in [`Report::catalogue`], each
//! linked patent's standing in [`Report::patents`], and per product only what is the product's
//! own. A [`Report`] made with `detail: "full"` holds everything; one made with
//! `detail: "verdicts"` holds only what that detail writes (ids, verdicts, gaps, findings,
//! identities, the outlook's verdict-level fields: the rules do not make the rest, whose fields
//! are left empty). [`Report::verdicts`] is the `detail: "verdicts"` view of either, and
//! [`Report::write_json`] writes the one the report was asked for.

use serde::{Serialize, Serializer};

pub mod catalogue;
pub mod outlook;
mod write;
pub use catalogue::{Catalogue, CatalogueEntry};
pub use outlook::{Outlook, OutlookVerdicts};

use crate::date::Date;
use crate::findings::Finding;
use crate::pack::Basis;
use crate::text::Text;

/// The format tag of a report.
pub const REPORT_FORMAT: &str = "patent-intensive/assessment-report@2";

/// The format tag of the previous report version, which `verify` recognises to say what made it.
pub const REPORT_FORMAT_V1: &str = "patent-intensive/assessment-report@1";

/// A whole assessment report. Made with the full detail and serialised as is, it is the
/// `detail: "full"` report; made with the verdicts detail, only what [`Report::verdicts`] shows is
/// filled in. [`Report::write_json`] honours [`Report::detail`].
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Report {
    /// Always [`REPORT_FORMAT`].
    #[cfg_attr(feature = "ts", ts(type = "ReportFormat"))]
    pub format: &'static str,
    /// How much the JSON says: `full` or `verdicts` (the option the report was made with).
    pub detail: Detail,
    /// The engine that produced the report.
    pub engine: Engine,
    /// The rule pack applied; absent when none could be chosen.
    pub pack: Option<PackRef>,
    /// SHA-256 of the RFC 8785 canonical input; absent when the input is not JSON.
    pub input_sha256: Option<String>,
    /// Certification round (year Y), when readable.
    pub round_year: Option<i32>,
    /// Data year D = Y − 1.
    pub data_year: Option<i32>,
    /// The date rights, status and terms are judged on.
    pub reference_date: Option<Date>,
    /// Plain statements every reader must see: what the result is and is not.
    pub notices: Vec<Text>,
    /// Input errors and warnings.
    pub findings: Vec<Finding>,
    /// The fixed texts of every criterion and indicator (title, citation and basis, rule in
    /// words), keyed by id, said once for all products; empty when no product was assessed.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, CatalogueEntry>"))]
    pub catalogue: Catalogue,
    /// Each linked patent's standing on the reference date, keyed by normalised number (in
    /// input order), said once however many products link it. A JSON object; see
    /// [`Report::patent`].
    #[serde(serialize_with = "as_map")]
    #[cfg_attr(feature = "ts", ts(type = "Record<string, PatentStanding>"))]
    pub patents: Vec<(String, PatentStanding)>,
    /// One result per product, in input order; empty when the input has errors.
    pub products: Vec<ProductResult>,
}

/// The `detail: "verdicts"` report: ids, verdicts, gaps, findings and the identities (engine,
/// pack, input digest), for batch use. Borrowed from a full [`Report`].
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportVerdicts<'a> {
    /// Always [`REPORT_FORMAT`].
    #[cfg_attr(feature = "ts", ts(type = "ReportFormat"))]
    pub format: &'static str,
    /// Always [`Detail::Verdicts`].
    #[cfg_attr(feature = "ts", ts(type = "\"verdicts\""))]
    pub detail: Detail,
    /// The engine that produced the report.
    pub engine: &'a Engine,
    /// The rule pack applied; absent when none could be chosen.
    pub pack: Option<&'a PackRef>,
    /// SHA-256 of the RFC 8785 canonical input; absent when the input is not JSON.
    pub input_sha256: Option<&'a str>,
    /// Input errors and warnings.
    pub findings: &'a [Finding],
    /// One entry per product, in input order.
    pub products: Vec<ProductVerdicts<'a>>,
}

/// A product's verdicts alone.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProductVerdicts<'a> {
    /// The product id from the input.
    pub id: &'a str,
    /// Overall verdict.
    pub verdict: ProductVerdict,
    /// G1–G7 then B1–B4: id, verdict and gap.
    pub criteria: Vec<CriterionVerdict<'a>>,
    /// The outlook's verdict-level fields (rules.md §6).
    pub outlook: OutlookVerdicts<'a>,
}

/// A criterion's verdict and gap alone.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CriterionVerdict<'a> {
    /// `G1`…`G7`, `B1`…`B4`.
    #[cfg_attr(feature = "ts", ts(type = "CriterionId"))]
    pub id: &'static str,
    /// The verdict.
    pub verdict: Verdict,
    /// See [`CriterionResult::gap`].
    pub gap: Option<&'a Text>,
}

/// Writes `(key, value)` pairs as a JSON object, in their order. A vector rather than a map
/// type: the keys are unique by construction (patent numbers, catalogue ids), and a map would
/// add its own code to the WebAssembly module for nothing.
pub(crate) fn as_map<S: Serializer, K: Serialize, V: Serialize>(
    entries: &[(K, V)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(entries.iter().map(|(k, v)| (k, v)))
}

impl Report {
    /// The compact JSON in the detail the report was made with, written by hand
    /// (`report/write.rs`): the bytes [`Report::write_json`] writes.
    pub(crate) fn compact_json(&self, capacity: usize) -> String {
        write::write(self, capacity)
    }

    /// A linked patent's standing, by normalised number.
    pub fn patent(&self, number: &str) -> Option<&PatentStanding> {
        self.patents
            .iter()
            .find(|(key, _)| key == number)
            .map(|(_, standing)| standing)
    }

    /// The `detail: "verdicts"` view of this report.
    pub fn verdicts(&self) -> ReportVerdicts<'_> {
        ReportVerdicts {
            format: self.format,
            detail: Detail::Verdicts,
            engine: &self.engine,
            pack: self.pack.as_ref(),
            input_sha256: self.input_sha256.as_deref(),
            findings: &self.findings,
            products: self
                .products
                .iter()
                .map(|p| ProductVerdicts {
                    id: &p.id,
                    verdict: p.verdict,
                    criteria: p
                        .criteria
                        .iter()
                        .map(|c| CriterionVerdict {
                            id: c.id,
                            verdict: c.verdict,
                            gap: c.gap.as_ref(),
                        })
                        .collect(),
                    outlook: p.outlook.verdicts(),
                })
                .collect(),
        }
    }

    /// Writes the report as compact JSON straight into `writer`, in the detail it was made with
    /// (no intermediate tree or string): the same bytes on every target for the same input,
    /// pack and detail.
    pub fn write_json<W: std::io::Write>(&self, writer: W) -> serde_json::Result<()> {
        match self.detail {
            Detail::Full => serde_json::to_writer(writer, self),
            Detail::Verdicts => serde_json::to_writer(writer, &self.verdicts()),
        }
    }

    /// Writes the report as indented JSON, for people, in the detail it was made with.
    pub fn write_json_pretty<W: std::io::Write>(&self, writer: W) -> serde_json::Result<()> {
        match self.detail {
            Detail::Full => serde_json::to_writer_pretty(writer, self),
            Detail::Verdicts => serde_json::to_writer_pretty(writer, &self.verdicts()),
        }
    }
}

/// One linked patent's standing on the reference date (the same for every product that links
/// it).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PatentStanding {
    /// Patent type (`unknown` when not given).
    #[serde(rename = "type")]
    #[cfg_attr(feature = "ts", ts(type = "PatentType | \"unknown\""))]
    pub kind: &'static str,
    /// Whether it counts (G4's set) on the reference date.
    pub counts: bool,
    /// The filer's right on the reference date: `patentee`, `licensee` or `none`.
    pub right: &'static str,
    /// First day out of term (its term ends the day before); absent when unknown.
    pub expires_on: Option<Date>,
    /// Every reason it does not count; empty when it counts.
    pub reasons: Vec<ExclusionReason>,
    /// High-value flags (counted invention patents only): `strategic_emerging_industry`,
    /// `foreign_family_granted`, `maintained_over_10_years`, `pledged`, `award`.
    pub high_value: Vec<&'static str>,
}

/// This engine's version (the crate version), the one [`Engine`] carries; re-exported as
/// `patent_intensive::VERSION`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Engine name and version.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Engine {
    /// `patent-intensive`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
}

/// Identity of the rule pack applied.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PackRef {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// SHA-256 of the pack's canonical form.
    pub sha256: String,
}

/// A product's overall verdict (rules.md §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProductVerdict {
    /// Every criterion passes or does not apply.
    Qualifies,
    /// At least one criterion fails.
    DoesNotQualify,
    /// Nothing fails, but at least one criterion is undetermined.
    Undetermined,
}

/// A criterion's or indicator's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Met.
    Pass,
    /// Not met.
    Fail,
    /// An input is missing or the threshold is unknown.
    Undetermined,
    /// Does not apply to this product.
    NotApplicable,
}

impl Verdict {
    /// The verdict of a group: fail if any fails, else undetermined if any is, else pass
    /// (not-applicable members are ignored; an empty or all-not-applicable group passes).
    pub fn combine(verdicts: impl IntoIterator<Item = Verdict>) -> Verdict {
        let mut result = Verdict::Pass;
        for verdict in verdicts {
            match verdict {
                Verdict::Fail => return Verdict::Fail,
                Verdict::Undetermined => result = Verdict::Undetermined,
                Verdict::Pass | Verdict::NotApplicable => {}
            }
        }
        result
    }
}

/// The result for one product.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProductResult {
    /// The product id from the input.
    pub id: String,
    /// The product name, when given.
    pub name: Option<String>,
    /// The category code, when given.
    pub category: Option<String>,
    /// Overall verdict.
    pub verdict: ProductVerdict,
    /// What the verdict may be called: a pass on reference thresholds "meets the reference
    /// benchmark", it is never "certified".
    pub standing: Text,
    /// `official` only when every benchmark value applied is official.
    pub benchmark_basis: Basis,
    /// The benchmark row applied (its category code, `*` for all categories).
    pub benchmark_category: Option<String>,
    /// One sentence: the verdict and why.
    pub summary: Text,
    /// G1–G7 then B1–B4.
    pub criteria: Vec<CriterionResult>,
    /// Informational indicators (reported, not judged).
    pub indicators: Vec<IndicatorResult>,
    /// Numbers of the linked patents that count (G4's set), in link order; their standing is in
    /// [`Report::patents`].
    pub counted_patents: Vec<String>,
    /// Numbers of the linked patents that do not count, in link order; their reasons are in
    /// [`Report::patents`].
    pub excluded_patents: Vec<String>,
    /// Numbers of the linked patents the filer declares core to this product, in link order.
    pub core_patents: Vec<String>,
    /// The rounds ahead (rules.md §6).
    pub outlook: Outlook,
}

/// Where a rule or value comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Citation {
    /// The clause or document, in both languages (document titles stay Chinese inside 《》 or
    /// beside an English description).
    pub source: Text,
    /// How far it can be trusted.
    pub basis: Basis,
}

/// The result of one criterion (rules.md §4); its title, citation and rule in words are in
/// [`Report::catalogue`] under its id.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CriterionResult {
    /// `G1`…`G7`, `B1`…`B4`.
    #[cfg_attr(feature = "ts", ts(type = "CriterionId"))]
    pub id: &'static str,
    /// The verdict.
    pub verdict: Verdict,
    /// The values the rule used, exact, with units.
    pub values: Vec<NamedValue>,
    /// For the benchmark dimensions: each indicator with its threshold and verdict (absent for
    /// gates).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<IndicatorResult>>", optional))]
    pub indicators: Vec<IndicatorResult>,
    /// One sentence with the user's numbers in it.
    pub explanation: Text,
    /// On a fail: the smallest change that would pass. On an undetermined left so by a
    /// missing figure: which figure to enter, in words. Otherwise absent.
    pub gap: Option<Text>,
    /// When undetermined for want of input: JSON pointers into the input of the fields to
    /// fill (an economics array when the data year's row is missing). Absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    pub gap_fields: Vec<String>,
}

/// A value a rule used.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NamedValue {
    /// Input field or derived quantity.
    pub name: &'static str,
    /// The exact value as text (`null` when absent).
    pub value: Option<String>,
    /// `CNY`, `patents`, `features`, `date`, `ratio`, …
    pub unit: &'static str,
}

/// A threshold applied to an indicator; its source is in [`Report::catalogue`], under the
/// indicator's id and the product's benchmark row.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ThresholdRef {
    /// Always `>=` in the shipped rules.
    pub comparison: &'static str,
    /// The exact threshold.
    pub value: String,
    /// How far it can be trusted.
    pub basis: Basis,
}

/// An indicator: a benchmark indicator with its threshold, or an informational one. Its title,
/// formula and unit are in [`Report::catalogue`] under its id.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IndicatorResult {
    /// e.g. `B3.ip_intensity`, `info.export_share`.
    pub id: &'static str,
    /// The exact value (a ratio as an exact or 28-digit decimal is not shown; see `display`).
    pub value: Option<String>,
    /// The value as shown: ratios rounded half-to-even to 4 decimals.
    pub display: Option<String>,
    /// The threshold, for benchmark indicators whose threshold is known.
    pub threshold: Option<ThresholdRef>,
    /// The verdict (informational indicators: `not_applicable`).
    pub verdict: Verdict,
    /// One sentence with the numbers: informational indicators only (a benchmark indicator's
    /// sentence is part of its dimension's explanation, said there once).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub explanation: Option<Text>,
    /// On a fail: the smallest change that would pass. On an undetermined left so by a
    /// missing figure: which figure to enter, in words. Otherwise absent.
    pub gap: Option<Text>,
    /// When undetermined for want of input: JSON pointers of the fields to fill. Absent
    /// otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    pub gap_fields: Vec<String>,
    /// Patent numbers the indicator refers to, when it is about patents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    pub patents: Vec<String>,
}

/// One reason a patent does not count.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExclusionReason {
    /// `not_cn`, `not_granted_by_data_year_end`, `status_not_valid`, `expired_by_term`, `no_right`.
    pub code: &'static str,
    /// The reason with its dates and values.
    pub message: Text,
}

/// How much a report says (input-format.md, "The report (JSON), version 2"). In JSON, the
/// report's `detail` member: `"full"` or `"verdicts"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Detail {
    /// Every text, value and threshold (the default).
    #[default]
    Full,
    /// Ids, verdicts, gaps, findings and the identities (engine, pack, input digest), for batch use.
    Verdicts,
}

impl Detail {
    /// The option's value as written in JSON and on the command line: `full` or `verdicts`.
    pub fn as_str(self) -> &'static str {
        match self {
            Detail::Full => "full",
            Detail::Verdicts => "verdicts",
        }
    }

    /// Reads `full` or `verdicts`; anything else is `None`.
    pub fn parse(text: &str) -> Option<Detail> {
        match text {
            "full" => Some(Detail::Full),
            "verdicts" => Some(Detail::Verdicts),
            _ => None,
        }
    }
}
