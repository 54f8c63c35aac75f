//! The input format's fields, as data: the single source from which the reader learns which fields
//! exist and which are required, and from which the JSON Schema of the format is generated
//! ([`crate::schema`]). A field added here is known to both at once. The table types are the
//! shared reader's ([`crate::read::fields`]); an enumeration's values and their words are the
//! model's (`CHOICES`).

use crate::limits;
use crate::read::fields::{Field, Kind};

use super::model::{
    FilerRole, LegalStatus, LicenceKind, MoneyUnit, OrgType, PatentType, ProductStatus,
};

const fn field(name: &'static str, kind: Kind, required: bool, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required,
        // The docs serve the JSON Schema and the documentation, both made natively; left out of
        // the WebAssembly module they save about 1 KB gzip (the form's words come from
        // `labels.rs`).
        doc: if cfg!(target_arch = "wasm32") {
            ""
        } else {
            doc
        },
        max_items: None,
    }
}

/// Fields of the whole document.
pub const DOCUMENT: &[Field] = &[
    field(
        "format",
        Kind::Constant(super::model::INPUT_FORMAT),
        true,
        "format and version of this document",
    ),
    field(
        "round_year",
        Kind::Year,
        true,
        "the certification round (year Y); the data year is Y − 1",
    ),
    field(
        "reference_date",
        Kind::Date,
        true,
        "the date on which rights, legal status and patent terms are judged",
    ),
    field(
        "pack",
        Kind::Text,
        false,
        "rule pack id; null chooses the pack by round year",
    ),
    field(
        "filer",
        Kind::Object(FILER),
        true,
        "the organisation that files the products",
    ),
    field(
        "patents",
        Kind::ObjectArray(PATENT),
        true,
        "every patent the products link to",
    )
    .at_most(limits::MAX_PATENTS),
    field(
        "products",
        Kind::ObjectArray(PRODUCT),
        true,
        "the products to assess",
    )
    .at_most(limits::MAX_PRODUCTS),
];

/// Fields of `filer`.
pub const FILER: &[Field] = &[
    field("name", Kind::Text, true, "registered name"),
    field(
        "uscc",
        Kind::Text,
        false,
        "unified social credit code (18 characters, GB 32100-2015)",
    ),
    field(
        "org_type",
        Kind::Enum(OrgType::CHOICES),
        false,
        "kind of organisation",
    ),
    field(
        "independent_legal_person",
        Kind::Bool,
        false,
        "whether the filer is an independent legal person",
    ),
];

/// Fields of a patent owner or licensee.
pub const PARTY: &[Field] = &[
    field("name", Kind::Text, true, "registered name"),
    field(
        "uscc",
        Kind::Text,
        false,
        "unified social credit code, when known",
    ),
];

/// Fields of `patents[]`.
pub const PATENT: &[Field] = &[
    field("number", Kind::Text, true, "application number; CN numbers in any usual spelling (ZL/CN prefix, spaces, full-width, no dot)"),
    field("type", Kind::Enum(PatentType::CHOICES), false, "patent type; read from the number's type digit when absent"),
    field("jurisdiction", Kind::Text, false, "jurisdiction code, CN by default; only CN patents count"),
    field("title", Kind::Text, false, "title of the patent"),
    field("filing_date", Kind::Date, false, "filing (application) date; required for CN patents"),
    field("grant_date", Kind::Date, false, "grant (announcement) date"),
    field("legal_status", Kind::Enum(LegalStatus::CHOICES), true, "legal status on the reference date"),
    field("owners", Kind::ObjectArray(PARTY), false, "patentees on the reference date"),
    field("licences", Kind::ObjectArray(LICENCE), false, "licences granted under the patent"),
    field("term_extension_days", Kind::Count, false, "patent term compensation in days"),
    field("foreign_family_granted", Kind::Bool, false, "a family member is granted abroad"),
    field("strategic_emerging_industry", Kind::Bool, false, "belongs to a strategic emerging industry"),
    field("pledged", Kind::Bool, false, "has been pledged"),
    field("awards", Kind::TextArray, false, "China Patent Awards or national science and technology awards won"),
];

/// Fields of `patents[].licences[]`.
pub const LICENCE: &[Field] = &[
    field(
        "licensee",
        Kind::Object(PARTY),
        true,
        "who holds the licence",
    ),
    field(
        "kind",
        Kind::Enum(LicenceKind::CHOICES),
        true,
        "exclusive (独占), sole (排他), ordinary (普通) or open (开放许可)",
    ),
    field("start", Kind::Date, false, "first day of the licence term"),
    field(
        "end",
        Kind::Date,
        false,
        "last day of the licence term (inclusive); open-ended when absent",
    ),
    field("recorded", Kind::Bool, false, "recorded with CNIPA"),
];

/// Fields of `products[]`.
pub const PRODUCT: &[Field] = &[
    field(
        "id",
        Kind::Text,
        true,
        "the filer's identifier for the product, unique in the document",
    ),
    field("name", Kind::Text, false, "product name"),
    field(
        "category",
        Kind::Text,
        false,
        "product category code (industry or product classification)",
    ),
    field(
        "status",
        Kind::Enum(ProductStatus::CHOICES),
        false,
        "on the market or withdrawn",
    ),
    field(
        "filer_role",
        Kind::Enum(FilerRole::CHOICES),
        false,
        "whether the filer makes and/or sells the product",
    ),
    field(
        "patents",
        Kind::ObjectArray(LINK),
        true,
        "the patents the product implements",
    )
    .at_most(limits::MAX_LINKS),
    field(
        "economics",
        Kind::ObjectArray(ECONOMICS),
        true,
        "economic figures per year",
    )
    .at_most(limits::MAX_ECONOMICS_ROWS),
    field(
        "core_features",
        Kind::Count,
        false,
        "number of the product's core features (declared)",
    ),
    field(
        "covered_core_features",
        Kind::Count,
        false,
        "number of core features the linked patents cover (declared)",
    ),
];

/// Fields of `products[].patents[]`.
pub const LINK: &[Field] = &[
    field(
        "number",
        Kind::Text,
        true,
        "a number from `patents`, in any accepted spelling",
    ),
    field(
        "statement",
        Kind::Text,
        false,
        "how the product implements the patent",
    ),
    field(
        "core",
        Kind::Bool,
        false,
        "the filer declares the patent core to the product",
    ),
];

/// Fields of `products[].economics[]`.
pub const ECONOMICS: &[Field] = &[
    field(
        "year",
        Kind::Year,
        true,
        "the calendar year the figures cover",
    ),
    field(
        "unit",
        Kind::Enum(MoneyUnit::CHOICES),
        false,
        "yuan (default), wan (×10,000) or yi (×100,000,000)",
    ),
    field(
        "currency",
        Kind::Text,
        false,
        "ISO 4217 code, CNY by default",
    ),
    field(
        "fx_rate_to_cny",
        Kind::Money,
        false,
        "CNY per unit of the currency; required when it is not CNY",
    ),
    field(
        "sales_revenue",
        Kind::Money,
        true,
        "sales revenue of the product",
    ),
    field(
        "export_revenue",
        Kind::Money,
        false,
        "export part of the sales revenue",
    ),
    field("profit", Kind::Money, false, "profit (may be negative)"),
    field(
        "ip_investment",
        Kind::Money,
        false,
        "investment in intellectual property",
    ),
    field(
        "patent_attributable_revenue",
        Kind::Money,
        false,
        "revenue attributable to the patented technology (declared)",
    ),
];
