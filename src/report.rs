//! The assessment report (input-format.md, "The report"): what every consumer reads. Field names
//! and codes are a stable contract; the struct order below is the byte order of the JSON.

use serde::Serialize;

pub mod outlook;
pub use outlook::Outlook;

use crate::date::Date;
use crate::pack::Basis;
use crate::text::Text;
use crate::validate::Finding;

/// The format tag of a report.
pub const REPORT_FORMAT: &str = "patent-intensive/assessment-report@1";

/// A whole assessment report.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Always [`REPORT_FORMAT`].
    pub format: &'static str,
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
    /// One result per product, in input order; empty when the input has errors.
    pub products: Vec<ProductResult>,
}

/// Engine name and version.
#[derive(Clone, Debug, Serialize)]
pub struct Engine {
    /// `patent-intensive`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
}

/// Identity of the rule pack applied.
#[derive(Clone, Debug, Serialize)]
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
    /// Linked patents that count (G4's set), with their high-value flags.
    pub counted_patents: Vec<CountedPatent>,
    /// Linked patents that do not count, each with every reason.
    pub excluded_patents: Vec<ExcludedPatent>,
    /// The rounds ahead (rules.md §6).
    pub outlook: Outlook,
}

/// Where a rule or value comes from.
#[derive(Clone, Debug, Serialize)]
pub struct Citation {
    /// The clause or document.
    pub source: String,
    /// How far it can be trusted.
    pub basis: Basis,
}

/// The result of one criterion (rules.md §4).
#[derive(Clone, Debug, Serialize)]
pub struct CriterionResult {
    /// `G1`…`G7`, `B1`…`B4`.
    pub id: &'static str,
    /// Title in both languages.
    pub title: Text,
    /// Where the rule comes from.
    pub citation: Citation,
    /// The verdict.
    pub verdict: Verdict,
    /// The values the rule used, exact, with units.
    pub values: Vec<NamedValue>,
    /// For the benchmark dimensions: each indicator with its threshold and verdict.
    pub indicators: Vec<IndicatorResult>,
    /// One sentence with the user's numbers in it.
    pub explanation: Text,
    /// On a fail: the smallest change that would pass. On an undetermined left so by a
    /// missing figure: which figure to enter, in words. Otherwise absent.
    pub gap: Option<Text>,
    /// When undetermined for want of input: JSON pointers into the input of the fields to
    /// fill (an economics array when the data year's row is missing). Absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gap_fields: Vec<String>,
}

/// A value a rule used.
#[derive(Clone, Debug, Serialize)]
pub struct NamedValue {
    /// Input field or derived quantity.
    pub name: &'static str,
    /// The exact value as text (`null` when absent).
    pub value: Option<String>,
    /// `CNY`, `patents`, `features`, `date`, `ratio`, …
    pub unit: &'static str,
}

/// A threshold applied to an indicator.
#[derive(Clone, Debug, Serialize)]
pub struct ThresholdRef {
    /// Always `>=` in the shipped rules.
    pub comparison: &'static str,
    /// The exact threshold.
    pub value: String,
    /// Where it comes from.
    pub citation: Citation,
}

/// An indicator: a benchmark indicator with its threshold, or an informational one.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorResult {
    /// e.g. `B3.ip_intensity`, `info.export_share`.
    pub id: &'static str,
    /// Title in both languages.
    pub title: Text,
    /// The exact value (a ratio as an exact or 28-digit decimal is not shown; see `display`).
    pub value: Option<String>,
    /// The value as shown: ratios rounded half-to-even to 4 decimals.
    pub display: Option<String>,
    /// Unit of the value.
    pub unit: &'static str,
    /// The threshold, for benchmark indicators whose threshold is known.
    pub threshold: Option<ThresholdRef>,
    /// The verdict (informational indicators: `not_applicable`).
    pub verdict: Verdict,
    /// One sentence with the numbers.
    pub explanation: Text,
    /// On a fail: the smallest change that would pass. On an undetermined left so by a
    /// missing figure: which figure to enter, in words. Otherwise absent.
    pub gap: Option<Text>,
    /// When undetermined for want of input: JSON pointers of the fields to fill. Absent
    /// otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gap_fields: Vec<String>,
    /// Patent numbers the indicator refers to, when it is about patents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub patents: Vec<String>,
}

/// A linked patent that counts.
#[derive(Clone, Debug, Serialize)]
pub struct CountedPatent {
    /// Normalised number.
    pub number: String,
    /// Patent type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `patentee` or `licensee`.
    pub right: &'static str,
    /// First day out of term.
    pub expires_on: Option<Date>,
    /// Declared core to the product.
    pub core: bool,
    /// High-value flags (invention patents only): `strategic_emerging_industry`,
    /// `foreign_family_granted`, `maintained_over_10_years`, `pledged`, `award`.
    pub high_value: Vec<&'static str>,
}

/// A linked patent that does not count.
#[derive(Clone, Debug, Serialize)]
pub struct ExcludedPatent {
    /// Normalised (CN) or given number.
    pub number: String,
    /// Every reason that applies.
    pub reasons: Vec<ExclusionReason>,
}

/// One reason a patent does not count.
#[derive(Clone, Debug, Serialize)]
pub struct ExclusionReason {
    /// `not_cn`, `not_granted_by_data_year_end`, `status_not_valid`, `expired_by_term`, `no_right`.
    pub code: &'static str,
    /// The reason with its dates and values.
    pub message: Text,
}
