//! The assessment input after reading and validation: every value typed, every patent number
//! normalised, every amount converted to exact CNY. Rules only ever see this model. Its
//! enumerations carry their wire spellings and their words, the one source of both.

use crate::date::Date;
use crate::exact::Decimal;
use crate::ids::patent_number::NumberKind;
use crate::read::fields::Choice;
use crate::text::Text;

/// The only input format version this engine reads.
pub const INPUT_FORMAT: &str = "patent-intensive/assessment-input@1";

/// A validated assessment input: one filer and its products.
#[derive(Clone, Debug)]
pub struct Input {
    /// The certification round (year Y).
    pub round_year: i32,
    /// The date on which rights, status and terms are judged.
    pub reference_date: Date,
    /// The pack the caller names, if any.
    pub pack: Option<String>,
    /// Who files.
    pub filer: Filer,
    /// Every patent the filer declares, in input order.
    pub patents: Vec<Patent>,
    /// Every product, in input order.
    pub products: Vec<Product>,
}

/// The filing organisation.
#[derive(Clone, Debug)]
pub struct Filer {
    /// Name and credit code.
    pub party: Party,
    /// Kind of organisation, when given.
    pub org_type: Option<OrgType>,
    /// Whether it is an independent legal person, when given.
    pub independent_legal_person: Option<bool>,
}

/// A named organisation, optionally with its unified social credit code.
#[derive(Clone, Debug)]
pub struct Party {
    /// The name as given.
    pub name: String,
    /// The USCC, upper-cased, when given (checked).
    pub uscc: Option<String>,
}

/// An enumeration of the input: each value with its wire spelling and its words, Chinese and
/// English, as forms, messages and explanations name it
/// (`Value = "spelling" ("中文", "English")`). A value cannot be added without its words.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal ($zh:literal, $en:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The wire spellings, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];
            /// The wire spellings with their words, in the same order (the field table's
            /// enumeration).
            pub const CHOICES: &'static [Choice] = &[$($name::$variant.choice()),+];

            /// The wire spelling and the words.
            const fn choice(self) -> Choice {
                match self {
                    $($name::$variant => Choice::new($text, $zh, $en)),+
                }
            }

            /// The wire spelling.
            pub fn as_str(self) -> &'static str {
                self.choice().value
            }

            /// The value in words.
            pub fn label(self) -> Text {
                self.choice().label()
            }

            /// Reads a wire spelling.
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// Kinds of organisation (rules.md G1).
    OrgType {
        /// 企业
        Enterprise = "enterprise" ("企业", "enterprise"),
        /// 高等院校
        University = "university" ("高等院校", "university"),
        /// 科研院所
        ResearchInstitute = "research_institute" ("科研院所", "research institute"),
        /// 新型研发机构
        NewRndInstitution = "new_rnd_institution" ("新型研发机构", "new R&D institution"),
        /// 社会组织
        SocialOrganization = "social_organization" ("社会组织", "social organisation"),
    }
}

string_enum! {
    /// Patent types, each with its own term and benchmark weight.
    PatentType {
        /// 发明
        Invention = "invention" ("发明", "invention"),
        /// 实用新型
        UtilityModel = "utility_model" ("实用新型", "utility model"),
        /// 外观设计
        Design = "design" ("外观设计", "design"),
    }
}

/// The model's type of a patent whose number's type digit says `kind`: the identifier layer has
/// its own kind type, and the input model maps it here.
impl From<NumberKind> for PatentType {
    fn from(kind: NumberKind) -> PatentType {
        match kind {
            NumberKind::Invention => PatentType::Invention,
            NumberKind::UtilityModel => PatentType::UtilityModel,
            NumberKind::Design => PatentType::Design,
        }
    }
}

string_enum! {
    /// Legal status on the reference date.
    LegalStatus {
        /// 审中
        Pending = "pending" ("审中", "pending"),
        /// 有效
        Valid = "valid" ("有效", "valid"),
        /// 期限届满
        Expired = "expired" ("期限届满", "expired (end of term)"),
        /// 失效 (e.g. fees unpaid)
        Lapsed = "lapsed" ("失效", "lapsed (e.g. fees unpaid)"),
        /// 无效宣告
        Invalidated = "invalidated" ("被宣告无效", "invalidated"),
        /// 放弃 / 撤回
        Abandoned = "abandoned" ("放弃/撤回", "abandoned or withdrawn"),
        /// 驳回
        Rejected = "rejected" ("驳回", "rejected"),
    }
}

string_enum! {
    /// Licence kinds (rules.md G3): all count; an ordinary one adds a warning.
    LicenceKind {
        /// 独占许可
        Exclusive = "exclusive" ("独占许可", "exclusive licence"),
        /// 排他许可
        Sole = "sole" ("排他许可", "sole licence"),
        /// 普通许可
        Ordinary = "ordinary" ("普通许可", "ordinary licence"),
        /// 开放许可
        Open = "open" ("开放许可", "open licence"),
    }
}

string_enum! {
    /// Whether a product is on the market (rules.md G7).
    ProductStatus {
        /// 在售
        OnMarket = "on_market" ("在售", "on the market"),
        /// 已撤回
        Withdrawn = "withdrawn" ("已停售或撤回", "withdrawn"),
    }
}

string_enum! {
    /// What the filer does with the product (rules.md G2).
    FilerRole {
        /// 生产
        Manufacturer = "manufacturer" ("生产", "makes it"),
        /// 销售
        Seller = "seller" ("销售", "sells it"),
        /// 生产和销售
        ManufacturerAndSeller = "manufacturer_and_seller" ("生产并销售", "makes and sells it"),
    }
}

string_enum! {
    /// The scale of a money amount as written.
    MoneyUnit {
        /// 元, × 1
        Yuan = "yuan" ("元", "yuan"),
        /// 万元, × 10,000
        Wan = "wan" ("万元", "10,000 yuan (wan)"),
        /// 亿元, × 100,000,000
        Yi = "yi" ("亿元", "100,000,000 yuan (yi)"),
    }
}

/// The number a patent is known by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatentNumber {
    /// A CN application number in canonical form.
    Cn(String),
    /// Any other jurisdiction's number, trimmed, as given.
    Other(String),
}

impl PatentNumber {
    /// The canonical (CN) or given (other) spelling.
    pub fn as_str(&self) -> &str {
        match self {
            PatentNumber::Cn(text) | PatentNumber::Other(text) => text,
        }
    }
}

/// A declared patent.
#[derive(Clone, Debug)]
pub struct Patent {
    /// Position in `patents`, for JSON pointers.
    pub index: usize,
    /// The number.
    pub number: PatentNumber,
    /// Declared type, or the type digit's; `None` only for a non-CN patent without a type.
    pub kind: Option<PatentType>,
    /// Jurisdiction code, upper-cased (`CN` by default).
    pub jurisdiction: String,
    /// Title, when given.
    pub title: Option<String>,
    /// Filing date (required for CN patents).
    pub filing_date: Option<Date>,
    /// Grant date, when granted.
    pub grant_date: Option<Date>,
    /// Legal status on the reference date.
    pub legal_status: LegalStatus,
    /// Patentees on the reference date.
    pub owners: Vec<Party>,
    /// Licences granted under the patent.
    pub licences: Vec<Licence>,
    /// Term compensation in days (Patent Law 2020 art. 42).
    pub term_extension_days: u32,
    /// A family member is granted abroad.
    pub foreign_family_granted: bool,
    /// Belongs to a strategic emerging industry (declared).
    pub strategic_emerging_industry: bool,
    /// Has been pledged.
    pub pledged: bool,
    /// China Patent Awards or national science and technology awards won.
    pub awards: Vec<String>,
}

impl Patent {
    /// Whether this is a Chinese (mainland) patent.
    pub fn is_cn(&self) -> bool {
        matches!(self.number, PatentNumber::Cn(_))
    }
}

/// A licence under a patent.
#[derive(Clone, Debug)]
pub struct Licence {
    /// Position in the patent's `licences`, for JSON pointers.
    pub index: usize,
    /// Who holds the licence.
    pub licensee: Party,
    /// Exclusive, sole, ordinary or open.
    pub kind: LicenceKind,
    /// First day of the term (from grant when absent).
    pub start: Option<Date>,
    /// Last day of the term, inclusive (open-ended when absent).
    pub end: Option<Date>,
    /// Recorded with CNIPA.
    pub recorded: bool,
}

/// A product to assess.
#[derive(Clone, Debug)]
pub struct Product {
    /// Position in `products`, for JSON pointers.
    pub index: usize,
    /// The filer's identifier, unique in the input.
    pub id: String,
    /// Product name.
    pub name: Option<String>,
    /// Product category code.
    pub category: Option<String>,
    /// On the market or withdrawn.
    pub status: Option<ProductStatus>,
    /// What the filer does with it.
    pub filer_role: Option<FilerRole>,
    /// Linked patents, resolved.
    pub links: Vec<Link>,
    /// Economic figures per year, converted to CNY.
    pub economics: Vec<Economics>,
    /// Declared number of core features.
    pub core_features: Option<u64>,
    /// Declared number of core features the patents cover.
    pub covered_core_features: Option<u64>,
}

/// A product's link to one of the declared patents.
#[derive(Clone, Debug)]
pub struct Link {
    /// Position in the product's `patents`, for JSON pointers.
    pub index: usize,
    /// Index into [`Input::patents`].
    pub patent: usize,
    /// How the product implements the patent.
    pub statement: Option<String>,
    /// Declared core to the product.
    pub core: bool,
}

/// One year's economic figures, all in exact CNY.
#[derive(Clone, Debug)]
pub struct Economics {
    /// Position in the product's `economics`, for JSON pointers.
    pub index: usize,
    /// The calendar year the figures cover.
    pub year: i32,
    /// 销售收入
    pub sales_revenue: Decimal,
    /// 出口收入
    pub export_revenue: Option<Decimal>,
    /// 利润 (may be negative)
    pub profit: Option<Decimal>,
    /// 知识产权投入
    pub ip_investment: Option<Decimal>,
    /// Revenue attributable to the patented technology (declared).
    pub patent_attributable_revenue: Option<Decimal>,
    /// The unit the amounts were written in, for showing them that way (`None` for a row in
    /// another currency, shown in 元 after conversion).
    pub unit: Option<MoneyUnit>,
}
