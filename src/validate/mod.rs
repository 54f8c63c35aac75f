//! Input findings (errors and warnings) and the checks of rules.md §5 that stand on their own:
//! CN patent numbers and unified social credit codes. Cross-field checks run in [`crate::input`]
//! while the document is read, so that every problem is found in one pass.

pub mod patent_number;
pub mod uscc;

use serde::Serialize;

use crate::text::Text;

/// How serious a finding is: an error stops the rules from running, a warning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input cannot be assessed as it stands.
    Error,
    /// The input can be assessed, but something deserves the user's attention.
    Warning,
}

/// A stable, machine-readable finding code. The string forms (snake_case) are part of the report
/// contract and never change meaning; `tests/cases/README.md` documents each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each variant is documented in tests/cases/README.md, by its string form
pub enum Code {
    InvalidJson,
    WrongType,
    Required,
    UnknownField,
    UnsupportedFormat,
    InvalidEnum,
    InvalidDate,
    InvalidYear,
    InvalidCount,
    EmptyText,
    PatentNumberMalformed,
    PatentNumberCheck,
    PatentNumberCheckLegacy,
    PatentTypeMismatch,
    UsccMalformed,
    UsccCheck,
    DuplicatePatent,
    DuplicateProduct,
    DuplicateLink,
    UnknownPatent,
    GrantBeforeFiling,
    LicenceEndBeforeStart,
    InvalidMoney,
    NegativeMoney,
    MoneyOutOfRange,
    ExportExceedsSales,
    AttributableExceedsSales,
    CoveredExceedsCore,
    FxRateRequired,
    FxRateNotPositive,
    DuplicateEconomicsYear,
    UnknownPack,
    PackOutsideRounds,
    LicenceOrdinary,
    LicenceUnrecorded,
    ReferenceDateBeforeDataYearEnd,
    EconomicsYearNotDataYear,
    NoProducts,
    DuplicateKey,
    NumberNotExact,
    LoneSurrogate,
    ControlCharacter,
    DocumentTooLarge,
    StringTooLong,
    NestingTooDeep,
    NumberTooLong,
    TooManyPatents,
    TooManyProducts,
    TooManyLinks,
    TooManyEconomicsRows,
    MoreFindings,
}

impl Code {
    /// The stable string form of the code, as it appears in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidJson => "invalid_json",
            Code::WrongType => "wrong_type",
            Code::Required => "required",
            Code::UnknownField => "unknown_field",
            Code::UnsupportedFormat => "unsupported_format",
            Code::InvalidEnum => "invalid_enum",
            Code::InvalidDate => "invalid_date",
            Code::InvalidYear => "invalid_year",
            Code::InvalidCount => "invalid_count",
            Code::EmptyText => "empty_text",
            Code::PatentNumberMalformed => "patent_number_malformed",
            Code::PatentNumberCheck => "patent_number_check",
            Code::PatentNumberCheckLegacy => "patent_number_check_legacy",
            Code::PatentTypeMismatch => "patent_type_mismatch",
            Code::UsccMalformed => "uscc_malformed",
            Code::UsccCheck => "uscc_check",
            Code::DuplicatePatent => "duplicate_patent",
            Code::DuplicateProduct => "duplicate_product",
            Code::DuplicateLink => "duplicate_link",
            Code::UnknownPatent => "unknown_patent",
            Code::GrantBeforeFiling => "grant_before_filing",
            Code::LicenceEndBeforeStart => "licence_end_before_start",
            Code::InvalidMoney => "invalid_money",
            Code::NegativeMoney => "negative_money",
            Code::MoneyOutOfRange => "money_out_of_range",
            Code::ExportExceedsSales => "export_exceeds_sales",
            Code::AttributableExceedsSales => "attributable_exceeds_sales",
            Code::CoveredExceedsCore => "covered_exceeds_core",
            Code::FxRateRequired => "fx_rate_required",
            Code::FxRateNotPositive => "fx_rate_not_positive",
            Code::DuplicateEconomicsYear => "duplicate_economics_year",
            Code::UnknownPack => "unknown_pack",
            Code::PackOutsideRounds => "pack_outside_rounds",
            Code::LicenceOrdinary => "licence_ordinary",
            Code::LicenceUnrecorded => "licence_unrecorded",
            Code::ReferenceDateBeforeDataYearEnd => "reference_date_before_data_year_end",
            Code::EconomicsYearNotDataYear => "economics_year_not_data_year",
            Code::NoProducts => "no_products",
            Code::DuplicateKey => "duplicate_key",
            Code::NumberNotExact => "number_not_exact",
            Code::LoneSurrogate => "lone_surrogate",
            Code::ControlCharacter => "control_character",
            Code::DocumentTooLarge => "document_too_large",
            Code::StringTooLong => "string_too_long",
            Code::NestingTooDeep => "nesting_too_deep",
            Code::NumberTooLong => "number_too_long",
            Code::TooManyPatents => "too_many_patents",
            Code::TooManyProducts => "too_many_products",
            Code::TooManyLinks => "too_many_links",
            Code::TooManyEconomicsRows => "too_many_economics_rows",
            Code::MoreFindings => "more_findings",
        }
    }
}

/// One problem found in an input (or a rule pack): where, what, and how serious.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// RFC 6901 JSON pointer to the offending value (`""` is the whole document).
    pub path: String,
    /// Stable code.
    pub code: Code,
    /// What is wrong, in Chinese and English, quoting the user's value where that helps.
    pub message: Text,
}

impl Finding {
    /// An error-level finding.
    pub fn error(path: impl Into<String>, code: Code, message: Text) -> Finding {
        Finding {
            severity: Severity::Error,
            path: path.into(),
            code,
            message,
        }
    }

    /// A warning-level finding.
    pub fn warning(path: impl Into<String>, code: Code, message: Text) -> Finding {
        Finding {
            severity: Severity::Warning,
            path: path.into(),
            code,
            message,
        }
    }

    /// Whether this finding stops the rules from running.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Most findings a report lists; the rest are counted in one last `more_findings` finding, so
/// that a hostile input with millions of problems gives a report of bounded size.
pub const MAX_FINDINGS: usize = 1000;

/// Findings as they are collected: the first [`MAX_FINDINGS`] kept, the rest only counted (so
/// memory stays bounded however many problems a document holds).
#[derive(Clone, Debug, Default)]
pub struct Findings {
    list: Vec<Finding>,
    more: usize,
    more_errors: bool,
}

impl Findings {
    /// Records a finding, or counts it when the list is full.
    pub fn push(&mut self, finding: Finding) {
        if self.list.len() < MAX_FINDINGS {
            self.list.push(finding);
        } else {
            self.more += 1;
            self.more_errors |= finding.is_error();
        }
    }

    /// Records every finding of `findings`.
    pub fn extend(&mut self, findings: impl IntoIterator<Item = Finding>) {
        for finding in findings {
            self.push(finding);
        }
    }

    /// Whether the list is full, so a caller can skip composing a message only to count it.
    pub fn is_full(&self) -> bool {
        self.list.len() >= MAX_FINDINGS
    }

    /// Counts a finding that was not composed (the list being full).
    pub fn count_more(&mut self, severity: Severity) {
        self.more += 1;
        self.more_errors |= severity == Severity::Error;
    }

    /// Whether any finding, listed or counted, is an error.
    pub fn has_error(&self) -> bool {
        self.more_errors || self.list.iter().any(Finding::is_error)
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.more == 0
    }

    /// The listed findings, for reordering before they are reported.
    pub fn list_mut(&mut self) -> &mut Vec<Finding> {
        &mut self.list
    }

    /// The listed findings, then, when some were only counted, one `more_findings` finding that
    /// says how many (an error when any of them is one, so the count is never mistaken for a
    /// warning-only tail).
    pub fn into_vec(self) -> Vec<Finding> {
        let mut list = self.list;
        let more = self.more;
        if more > 0 {
            let message = crate::text::text!(
                "另有 {more} 个问题未列出（最多列出 {MAX_FINDINGS} 个）",
                "{more} more findings are not listed (at most {MAX_FINDINGS} are)"
            );
            list.push(if self.more_errors {
                Finding::error("", Code::MoreFindings, message)
            } else {
                Finding::warning("", Code::MoreFindings, message)
            });
        }
        list
    }
}

/// Appends one reference token to a JSON pointer, escaping `~` and `/` as RFC 6901 requires.
///
/// A member name of more than 60 characters is cut to its first 60 and `…` (only an unknown
/// member can have such a name): a finding quotes at most 60 characters of what the user wrote
/// per name, so a hostile name cannot make every path, and the report, enormous.
pub fn pointer(base: &str, token: impl std::fmt::Display) -> String {
    use std::fmt::Write as _;
    // One allocation in the common case (a short member name or an index, nothing to escape):
    // paths are built for every member read, so this is on the reader's hot path.
    let mut out = String::with_capacity(base.len() + 16);
    out.push_str(base);
    out.push('/');
    let start = out.len();
    let _ = write!(out, "{token}");
    let written = out.get(start..).unwrap_or_default();
    if written.len() <= 60 && !written.contains(['~', '/']) {
        return out;
    }
    let token = crate::walk::shorten(written);
    out.truncate(start);
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pointer;

    #[test]
    fn pointer_escapes_and_shortens_tokens() {
        assert_eq!(pointer("", "products"), "/products");
        assert_eq!(pointer("/products", 12), "/products/12");
        assert_eq!(pointer("/a", "x~y/z"), "/a/x~0y~1z");
        assert_eq!(pointer("/a", "~/"), "/a/~0~1");
        let long = "名".repeat(61);
        assert_eq!(pointer("", &long), format!("/{}…", "名".repeat(60)));
        // 60 characters of more than 60 bytes are kept whole.
        let sixty = "名".repeat(60);
        assert_eq!(pointer("", &sixty), format!("/{sixty}"));
        let long_escaped = format!("{}/", "a".repeat(70));
        assert_eq!(pointer("", &long_escaped), format!("/{}…", "a".repeat(60)));
    }
}
