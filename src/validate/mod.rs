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
    NoProducts,
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
            Code::NoProducts => "no_products",
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

/// Appends one reference token to a JSON pointer, escaping `~` and `/` as RFC 6901 requires.
pub fn pointer(base: &str, token: impl std::fmt::Display) -> String {
    let token = token.to_string().replace('~', "~0").replace('/', "~1");
    format!("{base}/{token}")
}
