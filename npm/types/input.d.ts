// Generated from the input format's field tables (src/input/fields.rs). Do not edit: regenerate with
//   cargo run --features ts --example typescript -- npm/types
// (tests/typescript.rs fails while this file differs from what the code generates).

/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;

/** An exact amount: a decimal string (`"12345.67"`) or a JSON number. Strings are read exactly; a number is read from its shortest decimal spelling (`JSON.stringify`), so write amounts with more than 15 significant digits as strings. */
export type Amount = string | number;

/** The format tag of an input document. */
export type InputFormat = "patent-intensive/assessment-input@1";

/** The values of `Filer.org_type`. */
export type OrgType = "enterprise" | "university" | "research_institute" | "new_rnd_institution" | "social_organization";

/** The values of `Patent.type`. */
export type PatentType = "invention" | "utility_model" | "design";

/** The values of `Patent.legal_status`. */
export type LegalStatus = "pending" | "valid" | "expired" | "lapsed" | "invalidated" | "abandoned" | "rejected";

/** The values of `Licence.kind`. */
export type LicenceKind = "exclusive" | "sole" | "ordinary" | "open";

/** The values of `Product.status`. */
export type ProductStatus = "on_market" | "withdrawn";

/** The values of `Product.filer_role`. */
export type FilerRole = "manufacturer" | "seller" | "manufacturer_and_seller";

/** The values of `Economics.unit`. */
export type MoneyUnit = "yuan" | "wan" | "yi";

/** The whole assessment input: one filer and its products. Optional members may be absent or null. */
export interface Input {
  /** format and version of this document */
  format: InputFormat;
  /** the certification round (year Y); the data year is Y − 1 */
  round_year: number;
  /** the date on which rights, legal status and patent terms are judged */
  reference_date: DateString;
  /** rule pack id; null chooses the pack by round year */
  pack?: string | null;
  /** the organisation that files the products */
  filer: Filer;
  /** every patent the products link to (at most 100000 items) */
  patents: Patent[];
  /** the products to assess (at most 10000 items) */
  products: Product[];
}

/** The organisation that files the products. */
export interface Filer {
  /** registered name */
  name: string;
  /** unified social credit code (18 characters, GB 32100-2015) */
  uscc?: string | null;
  /** kind of organisation */
  org_type?: OrgType | null;
  /** whether the filer is an independent legal person */
  independent_legal_person?: boolean | null;
}

/** A patent the products link to. */
export interface Patent {
  /** application number; CN numbers in any usual spelling (ZL/CN prefix, spaces, full-width, no dot) */
  number: string;
  /** patent type; read from the number's type digit when absent */
  type?: PatentType | null;
  /** jurisdiction code, CN by default; only CN patents count */
  jurisdiction?: string | null;
  /** title of the patent */
  title?: string | null;
  /** filing (application) date; required for CN patents */
  filing_date?: DateString | null;
  /** grant (announcement) date */
  grant_date?: DateString | null;
  /** legal status on the reference date */
  legal_status: LegalStatus;
  /** patentees on the reference date */
  owners?: Party[] | null;
  /** licences granted under the patent */
  licences?: Licence[] | null;
  /** patent term compensation in days */
  term_extension_days?: number | null;
  /** a family member is granted abroad */
  foreign_family_granted?: boolean | null;
  /** belongs to a strategic emerging industry */
  strategic_emerging_industry?: boolean | null;
  /** has been pledged */
  pledged?: boolean | null;
  /** China Patent Awards or national science and technology awards won */
  awards?: string[] | null;
}

/** A patent owner or licensee. */
export interface Party {
  /** registered name */
  name: string;
  /** unified social credit code, when known */
  uscc?: string | null;
}

/** A licence granted under a patent. */
export interface Licence {
  /** who holds the licence */
  licensee: Party;
  /** exclusive (独占), sole (排他), ordinary (普通) or open (开放许可) */
  kind: LicenceKind;
  /** first day of the licence term */
  start?: DateString | null;
  /** last day of the licence term (inclusive); open-ended when absent */
  end?: DateString | null;
  /** recorded with CNIPA */
  recorded?: boolean | null;
}

/** A product to assess. */
export interface Product {
  /** the filer's identifier for the product, unique in the document */
  id: string;
  /** product name */
  name?: string | null;
  /** product category code (industry or product classification) */
  category?: string | null;
  /** on the market or withdrawn */
  status?: ProductStatus | null;
  /** whether the filer makes and/or sells the product */
  filer_role?: FilerRole | null;
  /** the patents the product implements (at most 10000 items) */
  patents: PatentLink[];
  /** economic figures per year (at most 100 items) */
  economics: Economics[];
  /** number of the product's core features (declared) */
  core_features?: number | null;
  /** number of core features the linked patents cover (declared) */
  covered_core_features?: number | null;
}

/** A product's link to one of `patents`. */
export interface PatentLink {
  /** a number from `patents`, in any accepted spelling */
  number: string;
  /** how the product implements the patent */
  statement?: string | null;
  /** the filer declares the patent core to the product */
  core?: boolean | null;
}

/** A product's economic figures for one year. */
export interface Economics {
  /** the calendar year the figures cover */
  year: number;
  /** yuan (default), wan (×10,000) or yi (×100,000,000) */
  unit?: MoneyUnit | null;
  /** ISO 4217 code, CNY by default */
  currency?: string | null;
  /** CNY per unit of the currency; required when it is not CNY */
  fx_rate_to_cny?: Amount | null;
  /** sales revenue of the product */
  sales_revenue: Amount;
  /** export part of the sales revenue */
  export_revenue?: Amount | null;
  /** profit (may be negative) */
  profit?: Amount | null;
  /** investment in intellectual property */
  ip_investment?: Amount | null;
  /** revenue attributable to the patented technology (declared) */
  patent_attributable_revenue?: Amount | null;
}

