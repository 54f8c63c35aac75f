// Types of patent-intensive's input and report (input-format.md). Written by hand from the Rust
// types they mirror (src/input/fields.rs, src/report.rs, src/validate/mod.rs) and checked by the
// package tests with `tsc --noEmit` against a consumer file and real reports.

// ---------------------------------------------------------------------------------------------
// Input: patent-intensive/assessment-input@1
// ---------------------------------------------------------------------------------------------

/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;

/**
 * An exact amount: a decimal string (`"12345.67"`) or a JSON number. Strings are read exactly;
 * a number is read from its shortest decimal spelling (`JSON.stringify`), so write amounts with
 * more than 15 significant digits as strings.
 */
export type Amount = string | number;

export type OrgType =
  | "enterprise"
  | "university"
  | "research_institute"
  | "new_rnd_institution"
  | "social_organization";
export type PatentType = "invention" | "utility_model" | "design";
export type LegalStatus =
  | "pending"
  | "valid"
  | "expired"
  | "lapsed"
  | "invalidated"
  | "abandoned"
  | "rejected";
export type LicenceKind = "exclusive" | "sole" | "ordinary" | "open";
export type ProductStatus = "on_market" | "withdrawn";
export type FilerRole = "manufacturer" | "seller" | "manufacturer_and_seller";
export type MoneyUnit = "yuan" | "wan" | "yi";

/** The whole assessment input: one filer and its products. Optional members may be null. */
export interface Input {
  format: "patent-intensive/assessment-input@1";
  /** The certification round (year Y, 1985–2100); the data year is Y − 1. */
  round_year: number;
  /** The date on which rights, legal status and patent terms are judged. */
  reference_date: DateString;
  /** A rule pack id; null or absent chooses the pack by round year. */
  pack?: string | null;
  filer: Filer;
  patents: Patent[];
  products: Product[];
}

export interface Party {
  name: string;
  /** Unified social credit code (18 characters, GB 32100-2015). */
  uscc?: string | null;
}

export interface Filer extends Party {
  org_type?: OrgType | null;
  independent_legal_person?: boolean | null;
}

export interface Patent {
  /** Application number; CN numbers in any usual spelling (ZL/CN prefix, spaces, full-width, no dot). */
  number: string;
  /** Read from the number's type digit when absent. */
  type?: PatentType | null;
  /** Jurisdiction code, `CN` by default; only CN patents count. */
  jurisdiction?: string | null;
  title?: string | null;
  /** Required for CN patents. */
  filing_date?: DateString | null;
  grant_date?: DateString | null;
  legal_status: LegalStatus;
  owners?: Party[] | null;
  licences?: Licence[] | null;
  term_extension_days?: number | null;
  foreign_family_granted?: boolean | null;
  strategic_emerging_industry?: boolean | null;
  pledged?: boolean | null;
  awards?: string[] | null;
}

export interface Licence {
  licensee: Party;
  kind: LicenceKind;
  start?: DateString | null;
  /** Last day of the term, inclusive; open-ended when absent. */
  end?: DateString | null;
  recorded?: boolean | null;
}

export interface Product {
  /** Unique in the document. */
  id: string;
  name?: string | null;
  /** Product category code (industry or product classification). */
  category?: string | null;
  status?: ProductStatus | null;
  filer_role?: FilerRole | null;
  patents: PatentLink[];
  economics: Economics[];
  core_features?: number | null;
  covered_core_features?: number | null;
}

export interface PatentLink {
  /** A number from `patents`, in any accepted spelling. */
  number: string;
  statement?: string | null;
  /** The filer declares the patent core to the product. */
  core?: boolean | null;
}

export interface Economics {
  year: number;
  /** `yuan` (default), `wan` (×10,000) or `yi` (×100,000,000). */
  unit?: MoneyUnit | null;
  /** ISO 4217 code, CNY by default. */
  currency?: string | null;
  /** CNY per unit of the currency; required when it is not CNY. */
  fx_rate_to_cny?: Amount | null;
  sales_revenue: Amount;
  export_revenue?: Amount | null;
  /** May be negative. */
  profit?: Amount | null;
  ip_investment?: Amount | null;
  patent_attributable_revenue?: Amount | null;
}

// ---------------------------------------------------------------------------------------------
// Report: patent-intensive/assessment-report@1
// ---------------------------------------------------------------------------------------------

/** A sentence in Simplified Chinese and in English, carrying the same facts. */
export interface Text {
  zh: string;
  en: string;
}

export type Severity = "error" | "warning";

/** Stable finding codes (tests/cases/README.md documents each). */
export type FindingCode =
  | "invalid_json"
  | "wrong_type"
  | "required"
  | "unknown_field"
  | "unsupported_format"
  | "invalid_enum"
  | "invalid_date"
  | "invalid_year"
  | "invalid_count"
  | "empty_text"
  | "patent_number_malformed"
  | "patent_number_check"
  | "patent_number_check_legacy"
  | "patent_type_mismatch"
  | "uscc_malformed"
  | "uscc_check"
  | "duplicate_patent"
  | "duplicate_product"
  | "duplicate_link"
  | "unknown_patent"
  | "grant_before_filing"
  | "licence_end_before_start"
  | "invalid_money"
  | "negative_money"
  | "money_out_of_range"
  | "export_exceeds_sales"
  | "attributable_exceeds_sales"
  | "covered_exceeds_core"
  | "fx_rate_required"
  | "fx_rate_not_positive"
  | "duplicate_economics_year"
  | "unknown_pack"
  | "pack_outside_rounds"
  | "licence_ordinary"
  | "licence_unrecorded"
  | "reference_date_before_data_year_end"
  | "economics_year_not_data_year"
  | "no_products"
  // Interoperability and limits (input-format.md; docs/hostile-input.md).
  | "duplicate_key"
  | "number_not_exact"
  | "lone_surrogate"
  | "control_character"
  | "document_too_large"
  | "string_too_long"
  | "nesting_too_deep"
  | "number_too_long"
  | "too_many_patents"
  | "too_many_products"
  | "too_many_links"
  | "too_many_economics_rows"
  | "more_findings"
  // Only from the package: the module trapped on this call and was replaced.
  | "engine_failure";

/** One problem in an input (or a rule pack): where, what, and how serious. */
export interface Finding {
  severity: Severity;
  /** RFC 6901 JSON pointer to the offending value (`""` is the whole document). */
  path: string;
  code: FindingCode;
  message: Text;
}

export type Basis = "official" | "reference" | "public-notice";
export type ProductVerdict = "qualifies" | "does_not_qualify" | "undetermined";
export type Verdict = "pass" | "fail" | "undetermined" | "not_applicable";
export type CriterionId =
  | "G1" | "G2" | "G3" | "G4" | "G5" | "G6" | "G7"
  | "B1" | "B2" | "B3" | "B4";
export type ExclusionCode =
  | "not_cn"
  | "not_granted_by_data_year_end"
  | "status_not_valid"
  | "expired_by_term"
  | "no_right";
export type HighValueFlag =
  | "strategic_emerging_industry"
  | "foreign_family_granted"
  | "maintained_over_10_years"
  | "pledged"
  | "award";

export interface Report {
  format: "patent-intensive/assessment-report@1";
  engine: { name: "patent-intensive"; version: string };
  /** The rule pack applied; null when none could be chosen. */
  pack: PackRef | null;
  /** SHA-256 of the RFC 8785 canonical input; null when the input is not JSON. */
  input_sha256: string | null;
  round_year: number | null;
  /** Data year D = Y − 1. */
  data_year: number | null;
  reference_date: DateString | null;
  /** Statements every reader must see: what the result is and is not. */
  notices: Text[];
  /** Errors first, then warnings. Any error means no product was assessed. */
  findings: Finding[];
  /** One result per product, in input order; empty when the input has errors. */
  products: ProductResult[];
}

export interface PackRef {
  id: string;
  version: string;
  sha256: string;
}

export interface ProductResult {
  id: string;
  name: string | null;
  category: string | null;
  verdict: ProductVerdict;
  /** What the verdict may be called: a pass on reference thresholds is never "certified". */
  standing: Text;
  /** `official` only when every benchmark value applied is official. */
  benchmark_basis: Basis;
  /** The benchmark row applied (its category code, `*` for all categories). */
  benchmark_category: string | null;
  summary: Text;
  /** G1–G7 then B1–B4. */
  criteria: CriterionResult[];
  /** Informational indicators (reported, not judged). */
  indicators: IndicatorResult[];
  counted_patents: CountedPatent[];
  excluded_patents: ExcludedPatent[];
  /** The rounds ahead (rules.md §6). */
  outlook: Outlook;
}

/** The patent criteria the outlook projects. */
export type PatentCriterionId = "G3" | "G4" | "G6" | "B2";

/**
 * A product's outlook: round Y and the next ten, projected from the calendar only (terms,
 * licence ends, grants after the data year). The verdict-level fields are `holds_through`,
 * `first_failing_round` and `critical_patents[].patent`.
 */
export interface Outlook {
  /** Last round of the unbroken run from Y in which G3, G4, G6 and B2 all pass; null when one fails in Y. */
  holds_through: number | null;
  /** The round after `holds_through`, when one of them fails there; null otherwise. */
  first_failing_round: number | null;
  /** Rounds Y … Y+10, in order. */
  rounds: OutlookRound[];
  /** The term or licence ends between round `holds_through` and `first_failing_round` that make it fail. */
  causes: OutlookEvent[];
  /** Patents counted in round Y whose loss alone would make G4 or B2 fail in round Y. */
  critical_patents: CriticalPatent[];
  /** Every term end and licence end of the product's linked patents from R_0 to R_10 inclusive, by date. */
  events: OutlookEvent[];
  /** What is and is not projected. */
  assumptions: Text;
}

export interface OutlookRound {
  round_year: number;
  /** The input's reference date with its year moved (29 February → 1 March in a common year). */
  reference_date: DateString;
  patent_verdict: "pass" | "fail";
  /** The ids among G3, G4, G6, B2 that fail, in that order. */
  failing: PatentCriterionId[];
  counted_patents: number;
  counted_inventions: number;
  /** Σ weight(type) over the counted patents, exact; null when the pack has no row for the category. */
  weighted_strength: string | null;
}

export interface OutlookEvent {
  /** The last day of the term, or of the licence. */
  date: DateString;
  /** Normalised patent number. */
  patent: string;
  event: "term_ends" | "licence_ends";
  message: Text;
}

export interface CriticalPatent {
  patent: string;
  criteria: ("G4" | "B2")[];
  /** The last day in term. */
  term_ends: DateString | null;
  /** `MM-DD`, the filing date's anniversary: each year's annual fee is due by then (`02-29` falls on 03-01 in common years). */
  annual_fee_due: string | null;
  message: Text;
}

export interface Citation {
  source: string;
  basis: Basis;
}

export interface CriterionResult {
  id: CriterionId;
  title: Text;
  citation: Citation;
  verdict: Verdict;
  /** The values the rule used, exact, with units. */
  values: NamedValue[];
  /** For the benchmark dimensions: each indicator with its threshold and verdict. */
  indicators: IndicatorResult[];
  /** One sentence with the user's numbers in it. */
  explanation: Text;
  /** On a fail: the smallest change that would pass; on an undetermined left so by a missing
   * figure: which figure to enter, in words. Otherwise null. */
  gap: Text | null;
  /** When undetermined for want of input: JSON pointers of the input fields to fill (an
   * `economics` array when the data year's row is missing). Absent otherwise. */
  gap_fields?: string[];
}

export interface NamedValue {
  name: string;
  /** The exact value as text; null when absent. */
  value: string | null;
  /** `CNY`, `patents`, `features`, `date`, `ratio`, … */
  unit: string;
}

export interface ThresholdRef {
  comparison: ">=";
  /** The exact threshold. */
  value: string;
  citation: Citation;
}

export interface IndicatorResult {
  /** e.g. `B3.ip_intensity`, `info.export_share`. */
  id: string;
  title: Text;
  value: string | null;
  /** The value as shown: ratios rounded half-to-even to 4 decimals. */
  display: string | null;
  unit: string;
  threshold: ThresholdRef | null;
  /** Informational indicators: `not_applicable`. */
  verdict: Verdict;
  explanation: Text;
  /** As the criterion's: a fail's smallest change, or the missing figure to enter. */
  gap: Text | null;
  /** As the criterion's: the input fields to fill when undetermined for want of input. */
  gap_fields?: string[];
  /** Patent numbers the indicator refers to; absent when none. */
  patents?: string[];
}

export interface CountedPatent {
  number: string;
  type: PatentType;
  right: "patentee" | "licensee";
  /** First day out of term. */
  expires_on: DateString | null;
  core: boolean;
  high_value: HighValueFlag[];
}

export interface ExcludedPatent {
  number: string;
  reasons: { code: ExclusionCode; message: Text }[];
}

// ---------------------------------------------------------------------------------------------
// Other answers
// ---------------------------------------------------------------------------------------------

/** An embedded rule pack. */
export interface PackInfo {
  id: string;
  version: string;
  title: Text;
  /** The standard implemented. */
  implements: string;
  /** Round years covered; `last` null when open-ended. */
  rounds: { first: number; last: number | null };
  /** SHA-256 of the pack's RFC 8785 canonical form. */
  sha256: string;
  official_thresholds: number;
  reference_thresholds: number;
}

export type NormalizedPatentNumber =
  | {
      ok: true;
      /** Canonical spelling, `YYYYTNNNNNNN.C` or `YYTNNNNN.C`. */
      number: string;
      type: PatentType;
      filing_year: number;
      /** For old numbers of 1992 or earlier with a wrong check character: the expected one. */
      check_warning: string | null;
    }
  | { ok: false; finding: Finding };

/** What a patent list import gives: `patents[]` objects of the input, and every row not read. */
export interface PatentImport {
  patents: Patent[];
  problems: { row: number; column: string | null; message: Text }[];
}

/** What `checkPack` answers. */
export interface PackCheck {
  valid: boolean;
  /** The pack's identity and threshold counts by basis, when valid. */
  pack: PackInfo | null;
  /** Every problem, with JSON pointers into the pack document; empty when valid. */
  findings: Finding[];
}

/** A value of an enumeration and what a person reads for it. */
export interface Label<V extends string = string> {
  value: V;
  label: Text;
}

/** The labels of every enumeration, each list in the order the format lists its values. */
export interface Labels {
  org_type: Label<OrgType>[];
  patent_type: Label<PatentType>[];
  legal_status: Label<LegalStatus>[];
  licence_kind: Label<LicenceKind>[];
  product_status: Label<ProductStatus>[];
  filer_role: Label<FilerRole>[];
  money_unit: Label<MoneyUnit>[];
  product_verdict: Label<ProductVerdict>[];
  verdict: Label<Verdict>[];
  basis: Label<Basis>[];
}

/** A criterion as the engine describes it (thresholds and weights are the pack's). */
export interface CatalogueCriterion {
  id: CriterionId;
  title: Text;
  /** The rule in words. */
  rule: Text;
  /** The basis of the rule itself. */
  basis: Basis;
  /** Where the rule comes from; Chinese document titles stay inside 《》 in the English. */
  source: Text;
  /** Ids of the benchmark indicators the dimension judges (empty for gates). */
  indicators: string[];
}

/** An indicator as the engine describes it. */
export interface CatalogueIndicator {
  /** e.g. `B3.ip_intensity`, `info.export_share`. */
  id: string;
  title: Text;
  /** The exact formula. */
  formula: string;
  unit: string;
}

/** What a front end shows about the rules, from the engine: criteria, indicators, labels. */
export interface Catalogue {
  format: "patent-intensive/catalogue@2";
  engine_version: string;
  /** G1–G7 then B1–B4, in report order. */
  criteria: CatalogueCriterion[];
  /** Benchmark indicators first, then informational ones. */
  indicators: CatalogueIndicator[];
  labels: Labels;
  /** Every input field, by JSON pointer pattern (`*` for an array index). */
  fields: CatalogueField[];
}

/** An input field: the label a form shows, and what a figure means. */
export interface CatalogueField {
  /** A JSON pointer with `*` for each array index, e.g. the export revenue's: products, `*`,
   * economics, `*`, export_revenue. */
  pointer: string;
  label: Text;
  /** For the figures a user enters (input-format.md, "What each figure means"); absent otherwise. */
  definition?: Text;
}

/** Options of an assessment. */
export interface Options {
  /**
   * A rule pack (object or JSON text) to apply instead of the embedded ones, e.g. one with
   * official benchmark values. An invalid pack gives a report whose findings point under
   * `/options/pack`.
   */
  pack?: object | string | null;
}

// ---------------------------------------------------------------------------------------------
// Functions. None throws: problems come back as findings.
// ---------------------------------------------------------------------------------------------

/** Assesses an input (object or JSON text) and returns the report. */
export function assess(input: Input | string, options?: Options | null): Report;
/** The report as JSON text: the exact bytes the native engine writes for the same input. */
export function assessJson(input: Input | string, options?: Options | null): string;
/** Every finding of an input (object or JSON text), errors then warnings, without assessing. */
export function validate(input: Input | string): Finding[];
/** The embedded rule packs, in round order. */
export function packs(): PackInfo[];
/** Checks a rule pack (object or JSON text): its identity when valid, else its findings. */
export function checkPack(pack: object | string): PackCheck;
/** The canonical JSON text of an embedded pack (the bytes of its SHA-256); null for another id. */
export function packJson(id: string): string | null;
/** Normalises a CN application number as typed, for live form feedback. */
export function normalizePatentNumber(text: string): NormalizedPatentNumber;
/** Imports a patent list (CSV, or tab-separated rows pasted from a spreadsheet). */
export function importPatentsCsv(text: string): PatentImport;
/** The criteria catalogue and the labels of every enumeration, in Chinese and English. */
export function catalogue(): Catalogue;
/**
 * The key a patent number is matched on, exactly as the engine resolves links and duplicates:
 * the canonical CN form when the text parses as a CN application number, else the text folded
 * (full-width forms and the like), white space removed, upper-cased. Never throws.
 */
export function patentKey(number: string): string;
/**
 * The key a filer, patentee or licensee name is matched on when no USCC decides (rules.md G3):
 * folded, white space removed, full-width and CJK brackets as ASCII ones. Never throws.
 */
export function nameKey(name: string): string;
/** The engine version. */
export function version(): string;

/**
 * The engine with the embedded rule packs parsed once, for assessing many inputs:
 * `const engine = new Assessor(); engine.assess(input)` gives what `assess(input)` gives, without
 * parsing a pack per call. `free()` releases its memory in the module early; otherwise it is
 * released when garbage-collected.
 */
export class Assessor {
  constructor();
  /** As {@link assess}. */
  assess(input: Input | string, options?: Options | null): Report;
  /** As {@link assessJson}. */
  assessJson(input: Input | string, options?: Options | null): string;
  /** Releases the engine's memory in the module; it must not be used afterwards. */
  free(): void;
}
