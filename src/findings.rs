//! Findings (errors and warnings), their stable codes and JSON pointers: the bottom layer. Every
//! reader and check reports through these types, so this module depends on nothing of the crate
//! but [`crate::text`]. (Also re-exported at their former path, `crate::validate`, for users outside the crate.)

use serde::Serialize;

use crate::text::Text;

/// How serious a finding is: an error stops the rules from running, a warning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "FindingCode"))]
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
    /// Every code, in declaration order: for tests and documentation that must cover them all.
    pub const ALL: [Code; 51] = [
        Code::InvalidJson,
        Code::WrongType,
        Code::Required,
        Code::UnknownField,
        Code::UnsupportedFormat,
        Code::InvalidEnum,
        Code::InvalidDate,
        Code::InvalidYear,
        Code::InvalidCount,
        Code::EmptyText,
        Code::PatentNumberMalformed,
        Code::PatentNumberCheck,
        Code::PatentNumberCheckLegacy,
        Code::PatentTypeMismatch,
        Code::UsccMalformed,
        Code::UsccCheck,
        Code::DuplicatePatent,
        Code::DuplicateProduct,
        Code::DuplicateLink,
        Code::UnknownPatent,
        Code::GrantBeforeFiling,
        Code::LicenceEndBeforeStart,
        Code::InvalidMoney,
        Code::NegativeMoney,
        Code::MoneyOutOfRange,
        Code::ExportExceedsSales,
        Code::AttributableExceedsSales,
        Code::CoveredExceedsCore,
        Code::FxRateRequired,
        Code::FxRateNotPositive,
        Code::DuplicateEconomicsYear,
        Code::UnknownPack,
        Code::PackOutsideRounds,
        Code::LicenceOrdinary,
        Code::LicenceUnrecorded,
        Code::ReferenceDateBeforeDataYearEnd,
        Code::EconomicsYearNotDataYear,
        Code::NoProducts,
        Code::DuplicateKey,
        Code::NumberNotExact,
        Code::LoneSurrogate,
        Code::ControlCharacter,
        Code::DocumentTooLarge,
        Code::StringTooLong,
        Code::NestingTooDeep,
        Code::NumberTooLong,
        Code::TooManyPatents,
        Code::TooManyProducts,
        Code::TooManyLinks,
        Code::TooManyEconomicsRows,
        Code::MoreFindings,
    ];

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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// RFC 6901 JSON pointer to the offending value (`""` is the whole document).
    pub path: String,
    /// Stable code.
    #[cfg_attr(feature = "ts", ts(type = "FindingCode | PackageFindingCode"))]
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
            message: message.sentence(),
        }
    }

    /// A warning-level finding.
    pub fn warning(path: impl Into<String>, code: Code, message: Text) -> Finding {
        Finding {
            severity: Severity::Warning,
            path: path.into(),
            code,
            message: message.sentence(),
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

/// What a finding quotes of a text the user wrote: at most its first 60 characters, then `…`, so a
/// hostile input cannot make a report enormous (ARCHITECTURE.md, hostile input).
pub(crate) fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        text.to_string()
    } else {
        let head: String = text.chars().take(LIMIT).collect();
        format!("{head}…")
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
    let token = shorten(written);
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

#[cfg(test)]
mod code_tests {
    use super::Code;

    #[test]
    fn all_holds_every_code_once() {
        // An exhaustive match: a new code does not compile here until it has a position, and
        // then `ALL` must hold it at that position.
        fn position(code: Code) -> usize {
            match code {
                Code::InvalidJson => 0,
                Code::WrongType => 1,
                Code::Required => 2,
                Code::UnknownField => 3,
                Code::UnsupportedFormat => 4,
                Code::InvalidEnum => 5,
                Code::InvalidDate => 6,
                Code::InvalidYear => 7,
                Code::InvalidCount => 8,
                Code::EmptyText => 9,
                Code::PatentNumberMalformed => 10,
                Code::PatentNumberCheck => 11,
                Code::PatentNumberCheckLegacy => 12,
                Code::PatentTypeMismatch => 13,
                Code::UsccMalformed => 14,
                Code::UsccCheck => 15,
                Code::DuplicatePatent => 16,
                Code::DuplicateProduct => 17,
                Code::DuplicateLink => 18,
                Code::UnknownPatent => 19,
                Code::GrantBeforeFiling => 20,
                Code::LicenceEndBeforeStart => 21,
                Code::InvalidMoney => 22,
                Code::NegativeMoney => 23,
                Code::MoneyOutOfRange => 24,
                Code::ExportExceedsSales => 25,
                Code::AttributableExceedsSales => 26,
                Code::CoveredExceedsCore => 27,
                Code::FxRateRequired => 28,
                Code::FxRateNotPositive => 29,
                Code::DuplicateEconomicsYear => 30,
                Code::UnknownPack => 31,
                Code::PackOutsideRounds => 32,
                Code::LicenceOrdinary => 33,
                Code::LicenceUnrecorded => 34,
                Code::ReferenceDateBeforeDataYearEnd => 35,
                Code::EconomicsYearNotDataYear => 36,
                Code::NoProducts => 37,
                Code::DuplicateKey => 38,
                Code::NumberNotExact => 39,
                Code::LoneSurrogate => 40,
                Code::ControlCharacter => 41,
                Code::DocumentTooLarge => 42,
                Code::StringTooLong => 43,
                Code::NestingTooDeep => 44,
                Code::NumberTooLong => 45,
                Code::TooManyPatents => 46,
                Code::TooManyProducts => 47,
                Code::TooManyLinks => 48,
                Code::TooManyEconomicsRows => 49,
                Code::MoreFindings => 50,
            }
        }
        for (index, code) in Code::ALL.iter().enumerate() {
            assert_eq!(position(*code), index, "{}", code.as_str());
        }
        assert_eq!(Code::ALL.len(), 51);
    }
}
