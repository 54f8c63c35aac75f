// Generated from the engine's Rust types (src/typescript.rs lists the roots). Do not edit: regenerate with
//   cargo run --features ts --example typescript -- npm/types
// (tests/typescript.rs fails while this file differs from what the code generates).

import type { DateString, FilerRole, LegalStatus, LicenceKind, MoneyUnit, OrgType, Patent, PatentType, ProductStatus } from "./input.js";

/** The format tag of a report. */
export type ReportFormat = "patent-intensive/assessment-report@2";
/** The format tag of the catalogue. */
export type CatalogueFormat = "patent-intensive/catalogue@2";
/** A criterion id, in report order (src/rules/catalog.rs). */
export type CriterionId = "G1" | "G2" | "G3" | "G4" | "G5" | "G6" | "G7" | "B1" | "B2" | "B3" | "B4";
/** Finding codes only the npm package gives: the module trapped on this call and was replaced. */
export type PackageFindingCode = "engine_failure";

/** Where a value comes from and how far it can be trusted. */
export type Basis = "official" | "reference" | "public-notice";

/** The form of the recomputed report the bytes are identical to. */
export type ByteForm = "compact" | "pretty";

/**
 * Everything a front end shows about the rules that does not depend on a pack: criteria,
 * indicators and enumeration labels. Thresholds and weights are the pack's (see
 * `crate::rulebook::build`).
 */
export type Catalogue = {
  /** Always `CATALOGUE_FORMAT`. */
  format: CatalogueFormat;
  /** The engine version the texts belong to. */
  engine_version: string;
  /** G1–G7 then B1–B4, in report order. */
  criteria: Array<CatalogueCriterion>;
  /** Benchmark indicators first, then informational ones. */
  indicators: Array<CatalogueIndicator>;
  /** Labels of every enumeration. */
  labels: Labels;
  /**
   * Every input field by JSON pointer pattern, with its label and, for the figures a user
   * enters, what it means (input-format.md, "What each figure means").
   */
  fields: Array<CatalogueField>;
};

/** One criterion of the catalogue, as `crate::rules::catalog::Criterion` holds it. */
export type CatalogueCriterion = {
  /** `G1`…`G7`, `B1`…`B4`. */
  id: CriterionId;
  /** Title. */
  title: Text;
  /** The rule in words. */
  rule: Text;
  /** The basis of the rule itself (benchmark thresholds carry their own, in the pack). */
  basis: Basis;
  /** Where the rule comes from, in both languages. */
  source: Text;
  /** Ids of the benchmark indicators the dimension judges (empty for gates). */
  indicators: Array<string>;
};

/**
 * The fixed texts of one criterion or indicator. A criterion has `citation` and `rule` (a
 * benchmark dimension also `indicators`); an indicator has `formula` and `unit` (a benchmark
 * indicator also `thresholds`).
 */
export type CatalogueEntry = {
  /** Title. */
  title: Text;
  /**
   * Criteria: where the rule comes from and the basis of the rule itself. G4's basis is the
   * pack's for its minimum; a benchmark dimension's is its formulas', while each threshold
   * carries its own basis in the product.
   */
  citation?: Citation;
  /** Criteria: the rule in words. */
  rule?: Text;
  /** Benchmark dimensions: the ids of the indicators they judge. */
  indicators?: Array<string>;
  /** Indicators: the exact formula. */
  formula?: string;
  /** Indicators: the unit of the value. */
  unit?: string;
  /**
   * Benchmark indicators: where the threshold of each of the pack's benchmark rows comes
   * from, keyed by the row's category code (`*` for all categories); a product's
   * `benchmark_category` names its row.
   */
  thresholds?: Record<string, Citation>;
};

/** One input field of the catalogue. */
export type CatalogueField = {
  /** JSON pointer with `*` for an array index (e.g. a product's economics row's `profit`). */
  pointer: string;
  /** The label a form shows. */
  label: Text;
  /** What the figure means; absent for fields that need no definition. */
  definition?: Text;
};

/** One indicator of the catalogue. */
export type CatalogueIndicator = {
  /** e.g. `B3.ip_intensity`, `info.export_share`. */
  id: string;
  /** Title. */
  title: Text;
  /** The exact formula. */
  formula: string;
  /** Unit of the value. */
  unit: string;
};

/** Where a rule or value comes from. */
export type Citation = {
  /**
   * The clause or document, in both languages (document titles stay Chinese inside 《》 or
   * beside an English description).
   */
  source: Text;
  /** How far it can be trusted. */
  basis: Basis;
};

/**
 * The result of one criterion (rules.md §4); its title, citation and rule in words are in
 * `Report::catalogue` under its id.
 */
export type CriterionResult = {
  /** `G1`…`G7`, `B1`…`B4`. */
  id: CriterionId;
  /** The verdict. */
  verdict: Verdict;
  /** The values the rule used, exact, with units. */
  values: Array<NamedValue>;
  /**
   * For the benchmark dimensions: each indicator with its threshold and verdict (absent for
   * gates).
   */
  indicators?: Array<IndicatorResult>;
  /** One sentence with the user's numbers in it. */
  explanation: Text;
  /**
   * On a fail: the smallest change that would pass. On an undetermined left so by a
   * missing figure: which figure to enter, in words. Otherwise absent.
   */
  gap: Text | null;
  /**
   * When undetermined for want of input: JSON pointers into the input of the fields to
   * fill (an economics array when the data year's row is missing). Absent otherwise.
   */
  gap_fields?: Array<string>;
};

/** A criterion's verdict and gap alone. */
export type CriterionVerdict = {
  /** `G1`…`G7`, `B1`…`B4`. */
  id: CriterionId;
  /** The verdict. */
  verdict: Verdict;
  /** See `CriterionResult::gap`. */
  gap: Text | null;
};

/** A patent the product's round-Y result hangs on. */
export type CriticalPatent = {
  /** Normalised patent number. */
  patent: string;
  /** `G4` and/or `B2`: the criteria its loss alone would make fail in round Y. */
  criteria: Array<CriterionId>;
  /** Its last day in term. */
  term_ends: DateString | null;
  /**
   * `MM-DD`: the anniversary of its filing date, by which each year's annual fee is due
   * (a 29 February filing gives `02-29`: 1 March in common years, by the anniversary rule).
   */
  annual_fee_due: string | null;
  /** What its lapse would do, with the fee date. */
  message: Text;
};

/**
 * How much a report says (input-format.md, "The report (JSON), version 2"). In JSON, the
 * report's `detail` member: `"full"` or `"verdicts"`.
 */
export type Detail = "full" | "verdicts";

/** One field that differs between the report and the recomputed report. */
export type Difference = {
  /** JSON pointer (RFC 6901) of the field. */
  path: string;
  /** The value in the report; absent when the report lacks the field. */
  report?: unknown;
  /** The recomputed value; absent when the recomputed report lacks the field. */
  recomputed?: unknown;
  /** The id of the product the field belongs to (under `/products/N`). */
  product?: string;
  /** The id of the criterion the field belongs to (under `/products/N/criteria/M`). */
  criterion?: CriterionId;
};

/** The input digest check. */
export type DigestCheck = {
  /** The report's `input_sha256` (`null` when absent or not a string). */
  report: string | null;
  /** SHA-256 of the input's RFC 8785 canonical form (`null` when the input is not JSON). */
  input: string | null;
  /** Whether they are the same. */
  matches: boolean;
};

/** Engine name and version. */
export type Engine = {
  /** `patent-intensive`. */
  name: string;
  /** The crate version. */
  version: string;
};

/** What happens on an event's date. */
export type EventKind = "term_ends" | "licence_ends";

/** One reason a patent does not count. */
export type ExclusionReason = {
  /** `not_cn`, `not_granted_by_data_year_end`, `status_not_valid`, `expired_by_term`, `no_right`. */
  code: string;
  /** The reason with its dates and values. */
  message: Text;
};

/** One problem found in an input (or a rule pack): where, what, and how serious. */
export type Finding = {
  /** Error or warning. */
  severity: Severity;
  /** RFC 6901 JSON pointer to the offending value (`""` is the whole document). */
  path: string;
  /** Stable code. */
  code: FindingCode | PackageFindingCode;
  /** What is wrong, in Chinese and English, quoting the user's value where that helps. */
  message: Text;
};

/**
 * A stable, machine-readable finding code. The string forms (snake_case) are part of the report
 * contract and never change meaning; `tests/cases/README.md` documents each.
 */
export type FindingCode = "invalid_json" | "wrong_type" | "required" | "unknown_field" | "unsupported_format" | "invalid_enum" | "invalid_date" | "invalid_year" | "invalid_count" | "empty_text" | "patent_number_malformed" | "patent_number_check" | "patent_number_check_legacy" | "patent_type_mismatch" | "uscc_malformed" | "uscc_check" | "duplicate_patent" | "duplicate_product" | "duplicate_link" | "unknown_patent" | "grant_before_filing" | "licence_end_before_start" | "invalid_money" | "negative_money" | "money_out_of_range" | "export_exceeds_sales" | "attributable_exceeds_sales" | "covered_exceeds_core" | "fx_rate_required" | "fx_rate_not_positive" | "duplicate_economics_year" | "unknown_pack" | "pack_outside_rounds" | "licence_ordinary" | "licence_unrecorded" | "reference_date_before_data_year_end" | "economics_year_not_data_year" | "no_products" | "duplicate_key" | "number_not_exact" | "lone_surrogate" | "control_character" | "document_too_large" | "string_too_long" | "nesting_too_deep" | "number_too_long" | "too_many_patents" | "too_many_products" | "too_many_links" | "too_many_economics_rows" | "more_findings";

/** The report's format, as the report states it, and what it means for the check. */
export type FormatCheck = {
  /** The report's `format` (`null` when absent or not a string). */
  report: string | null;
  /** The format this engine writes. */
  current: string;
  /** The report's `engine.version`, when it states one. */
  engine_version: string | null;
  /** This engine's version. */
  current_engine_version: string;
  /**
   * The detail the report was recomputed at (`full` or `verdicts`, from the report's `detail`;
   * `full` when it states none); `null` when nothing was recomputed.
   */
  detail: Detail | null;
};

/** A row that could not be imported, or a gap in the whole table, and why. */
export type ImportProblem = {
  /**
   * 1-based line number in the file where the row starts (the header is row 1 unless lines
   * come before it).
   */
  row: number;
  /** The column's header as written in the file, when the problem is in one cell. */
  column: string | null;
  /** What is wrong and what became of the row, in Chinese and English. */
  message: Text;
};

/**
 * An indicator: a benchmark indicator with its threshold, or an informational one. Its title,
 * formula and unit are in `Report::catalogue` under its id.
 */
export type IndicatorResult = {
  /** e.g. `B3.ip_intensity`, `info.export_share`. */
  id: string;
  /** The exact value (a ratio as an exact or 28-digit decimal is not shown; see `display`). */
  value: string | null;
  /** The value as shown: ratios rounded half-to-even to 4 decimals. */
  display: string | null;
  /** The threshold, for benchmark indicators whose threshold is known. */
  threshold: ThresholdRef | null;
  /** The verdict (informational indicators: `not_applicable`). */
  verdict: Verdict;
  /**
   * One sentence with the numbers: informational indicators only (a benchmark indicator's
   * sentence is part of its dimension's explanation, said there once).
   */
  explanation?: Text;
  /**
   * On a fail: the smallest change that would pass. On an undetermined left so by a
   * missing figure: which figure to enter, in words. Otherwise absent.
   */
  gap: Text | null;
  /**
   * When undetermined for want of input: JSON pointers of the fields to fill. Absent
   * otherwise.
   */
  gap_fields?: Array<string>;
  /** Patent numbers the indicator refers to, when it is about patents. */
  patents?: Array<string>;
};

/** One value of an enumeration: its wire spelling and its label. */
export type Label = {
  /** The spelling in the input or report, e.g. `utility_model`. */
  value: string;
  /** What a person reads. */
  label: Text;
};

/** The labels of every enumeration, each list in the order the format lists its values. */
export type Labels = {
  /** `filer.org_type`. */
  org_type: Array<Label & { value: OrgType }>;
  /** `patents[].type`. */
  patent_type: Array<Label & { value: PatentType }>;
  /** `patents[].legal_status`. */
  legal_status: Array<Label & { value: LegalStatus }>;
  /** `patents[].licences[].kind`. */
  licence_kind: Array<Label & { value: LicenceKind }>;
  /** `products[].status`. */
  product_status: Array<Label & { value: ProductStatus }>;
  /** `products[].filer_role`. */
  filer_role: Array<Label & { value: FilerRole }>;
  /** `economics[].unit`. */
  money_unit: Array<Label & { value: MoneyUnit }>;
  /** A product's verdict in the report. */
  product_verdict: Array<Label & { value: ProductVerdict }>;
  /** A criterion's or indicator's verdict in the report. */
  verdict: Array<Label & { value: Verdict }>;
  /** The basis of a rule, threshold or weight. */
  basis: Array<Label & { value: Basis }>;
};

/** A way two JSON texts of the same document can differ in layout only. */
export type LayoutDifference = "bom" | "line_endings" | "whitespace";

/** A value a rule used. */
export type NamedValue = {
  /** Input field or derived quantity. */
  name: string;
  /** The exact value as text (`null` when absent). */
  value: string | null;
  /** `CNY`, `patents`, `features`, `date`, `ratio`, … */
  unit: string;
};

/** A normalised CN application number. */
export type NormalizedNumber = {
  /** Canonical spelling. */
  number: string;
  /** Type from the type digit. */
  type: PatentType;
  /** Filing year from the number. */
  filing_year: number;
  /** For old numbers of 1992 or earlier with a wrong check character: the expected one. */
  check_warning: string | null;
};

/** A product's outlook: round Y and the next ten, projected from the calendar only. */
export type Outlook = {
  /**
   * The last round year of the unbroken run from Y in which G3, G4, G6 and B2 all pass;
   * `null` when one of them fails in Y.
   */
  holds_through: number | null;
  /**
   * The first round after `holds_through` in which one of them fails; `null` when they pass
   * through Y+10, or when `holds_through` is `null`.
   */
  first_failing_round: number | null;
  /** Round Y, Y+1, …, Y+10, in order. */
  rounds: Array<OutlookRound>;
  /**
   * The calendar events between round `holds_through` and `first_failing_round` that make it
   * fail (the patents that count in the one and not in the other).
   */
  causes: Array<OutlookEvent>;
  /** Patents counted in round Y whose loss alone would make G4 or B2 fail in round Y. */
  critical_patents: Array<CriticalPatent>;
  /**
   * Every term end and licence end of the product's linked patents from R_0 to R_10
   * (both included), in date order.
   */
  events: Array<OutlookEvent>;
  /** One plain sentence: what is and is not projected. */
  assumptions: Text;
};

/** A dated calendar event of one patent. */
export type OutlookEvent = {
  /** The last day (of the term, or of the licence). */
  date: DateString;
  /** Normalised patent number. */
  patent: string;
  /** `term_ends` or `licence_ends`. */
  event: EventKind;
  /** The event and its consequence, with the numbers and dates. */
  message: Text;
};

/** One round of the outlook. */
export type OutlookRound = {
  /** Y + k. */
  round_year: number;
  /** R_k: the input's reference date with its year moved by k (29 February → 1 March). */
  reference_date: DateString;
  /** `fail` when any of G3, G4, G6, B2 fails in this round. */
  patent_verdict: Verdict;
  /** The ids among G3, G4, G6, B2 that fail, in that order. */
  failing: Array<CriterionId>;
  /** Linked patents that count in this round (G4's set). */
  counted_patents: number;
  /** Of those, invention patents. */
  counted_inventions: number;
  /**
   * Σ weight(type) over the counted patents, exact; `null` when the pack has no benchmark row
   * (and so no weights) for the product's category.
   */
  weighted_strength: string | null;
};

/** The outlook's verdict-level fields alone. */
export type OutlookVerdicts = {
  /** See `Outlook::holds_through`. */
  holds_through: number | null;
  /** See `Outlook::first_failing_round`. */
  first_failing_round: number | null;
  /** The critical patents' numbers. */
  critical_patents: Array<string>;
};

/** What a list of packs shows for each. */
export type PackInfo = {
  /** Pack id. */
  id: string;
  /** Pack version. */
  version: string;
  /** Title. */
  title: Text;
  /** The standard implemented. */
  implements: string;
  /** Round years covered. */
  rounds: Rounds;
  /** SHA-256 of the canonical form. */
  sha256: string;
  /** Number of thresholds with an `official` basis. */
  official_thresholds: number;
  /** Number of thresholds with another basis. */
  reference_thresholds: number;
};

/** Identity of the rule pack applied. */
export type PackRef = {
  /** Pack id. */
  id: string;
  /** Pack version. */
  version: string;
  /** SHA-256 of the pack's canonical form. */
  sha256: string;
};

/** The outcome of an import: the patents read and every problem met. */
export type PatentImport = {
  /** The patents read, in file order, each an object of the input format's `patents[]`. */
  patents: Array<Patent>;
  /** Every row not imported and every gap in the whole table, in file order. */
  problems: Array<ImportProblem>;
};

/**
 * One linked patent's standing on the reference date (the same for every product that links
 * it).
 */
export type PatentStanding = {
  /** Patent type (`unknown` when not given). */
  type: PatentType | "unknown";
  /** Whether it counts (G4's set) on the reference date. */
  counts: boolean;
  /** The filer's right on the reference date: `patentee`, `licensee` or `none`. */
  right: string;
  /** First day out of term (its term ends the day before); absent when unknown. */
  expires_on: DateString | null;
  /** Every reason it does not count; empty when it counts. */
  reasons: Array<ExclusionReason>;
  /**
   * High-value flags (counted invention patents only): `strategic_emerging_industry`,
   * `foreign_family_granted`, `maintained_over_10_years`, `pledged`, `award`.
   */
  high_value: Array<string>;
};

/** The result for one product. */
export type ProductResult = {
  /** The product id from the input. */
  id: string;
  /** The product name, when given. */
  name: string | null;
  /** The category code, when given. */
  category: string | null;
  /** Overall verdict. */
  verdict: ProductVerdict;
  /**
   * What the verdict may be called: a pass on reference thresholds "meets the reference
   * benchmark", it is never "certified".
   */
  standing: Text;
  /** `official` only when every benchmark value applied is official. */
  benchmark_basis: Basis;
  /** The benchmark row applied (its category code, `*` for all categories). */
  benchmark_category: string | null;
  /** One sentence: the verdict and why. */
  summary: Text;
  /** G1–G7 then B1–B4. */
  criteria: Array<CriterionResult>;
  /** Informational indicators (reported, not judged). */
  indicators: Array<IndicatorResult>;
  /**
   * Numbers of the linked patents that count (G4's set), in link order; their standing is in
   * `Report::patents`.
   */
  counted_patents: Array<string>;
  /**
   * Numbers of the linked patents that do not count, in link order; their reasons are in
   * `Report::patents`.
   */
  excluded_patents: Array<string>;
  /** Numbers of the linked patents the filer declares core to this product, in link order. */
  core_patents: Array<string>;
  /** The rounds ahead (rules.md §6). */
  outlook: Outlook;
};

/** A product's overall verdict (rules.md §3). */
export type ProductVerdict = "qualifies" | "does_not_qualify" | "undetermined";

/** A product's verdicts alone. */
export type ProductVerdicts = {
  /** The product id from the input. */
  id: string;
  /** Overall verdict. */
  verdict: ProductVerdict;
  /** G1–G7 then B1–B4: id, verdict and gap. */
  criteria: Array<CriterionVerdict>;
  /** The outlook's verdict-level fields (rules.md §6). */
  outlook: OutlookVerdicts;
};

/**
 * A whole assessment report. Made with the full detail and serialised as is, it is the
 * `detail: "full"` report; made with the verdicts detail, only what `Report::verdicts` shows is
 * filled in. `Report::write_json` honours `Report::detail`.
 */
export type Report = {
  /** Always `REPORT_FORMAT`. */
  format: ReportFormat;
  /** How much the JSON says: `full` or `verdicts` (the option the report was made with). */
  detail: Detail;
  /** The engine that produced the report. */
  engine: Engine;
  /** The rule pack applied; absent when none could be chosen. */
  pack: PackRef | null;
  /** SHA-256 of the RFC 8785 canonical input; absent when the input is not JSON. */
  input_sha256: string | null;
  /** Certification round (year Y), when readable. */
  round_year: number | null;
  /** Data year D = Y − 1. */
  data_year: number | null;
  /** The date rights, status and terms are judged on. */
  reference_date: DateString | null;
  /** Plain statements every reader must see: what the result is and is not. */
  notices: Array<Text>;
  /** Input errors and warnings. */
  findings: Array<Finding>;
  /**
   * The fixed texts of every criterion and indicator (title, citation and basis, rule in
   * words), keyed by id, said once for all products; empty when no product was assessed.
   */
  catalogue: Record<string, CatalogueEntry>;
  /**
   * Each linked patent's standing on the reference date, keyed by normalised number (in
   * input order), said once however many products link it. A JSON object; see
   * `Report::patent`.
   */
  patents: Record<string, PatentStanding>;
  /** One result per product, in input order; empty when the input has errors. */
  products: Array<ProductResult>;
};

/**
 * The `detail: "verdicts"` report: ids, verdicts, gaps, findings and the identities (engine,
 * pack, input digest), for batch use. Borrowed from a full `Report`.
 */
export type ReportVerdicts = {
  /** Always `REPORT_FORMAT`. */
  format: ReportFormat;
  /** Always `Detail::Verdicts`. */
  detail: "verdicts";
  /** The engine that produced the report. */
  engine: Engine;
  /** The rule pack applied; absent when none could be chosen. */
  pack: PackRef | null;
  /** SHA-256 of the RFC 8785 canonical input; absent when the input is not JSON. */
  input_sha256: string | null;
  /** Input errors and warnings. */
  findings: Array<Finding>;
  /** One entry per product, in input order. */
  products: Array<ProductVerdicts>;
};

/** The rounds (year Y) a pack applies to. */
export type Rounds = {
  /** First round year. */
  first: number;
  /** Last round year; open-ended when absent. */
  last: number | null;
};

/** How serious a finding is: an error stops the rules from running, a warning does not. */
export type Severity = "error" | "warning";

/** A sentence in Simplified Chinese and in English, carrying the same facts. */
export type Text = {
  /** Simplified Chinese. */
  zh: string;
  /** English. */
  en: string;
};

/**
 * A threshold applied to an indicator; its source is in `Report::catalogue`, under the
 * indicator's id and the product's benchmark row.
 */
export type ThresholdRef = {
  /** Always `>=` in the shipped rules. */
  comparison: string;
  /** The exact threshold. */
  value: string;
  /** How far it can be trusted. */
  basis: Basis;
};

/** A criterion's or indicator's verdict. */
export type Verdict = "pass" | "fail" | "undetermined" | "not_applicable";

/** The answer of `verify`. Field order is the JSON byte order. */
export type Verification = {
  /** The outcome. */
  status: VerificationStatus;
  /** Whether the report is the one this engine makes from the input (`status` is `verified`). */
  verified: boolean;
  /** The answer in one sentence, in Chinese and English. */
  message: Text;
  /**
   * `compact` or `pretty` when the bytes are identical to that form of the recomputed report
   * (a final newline allowed).
   */
  byte_identical: ByteForm | null;
  /** When the bytes differ only in layout: which layouts. */
  identical_but_for_layout: Array<LayoutDifference> | null;
  /** Whether the recomputed report has input errors (and so no product verdicts). */
  input_errors: boolean;
  /** The report's format and engine; `null` when the report is not JSON. */
  format: FormatCheck | null;
  /** The input digest check; `null` when the report is not one this engine could check. */
  input_sha256: DigestCheck | null;
  /** The pack check; `null` when nothing was recomputed. */
  pack: VerifiedPackCheck | null;
  /** Problems of a rule pack given to recompute with (`status` `pack_invalid`). */
  pack_findings: Array<Finding>;
  /**
   * Every field that differs, in the recomputed report's order (then fields only the report
   * has); empty unless `status` is `mismatch`.
   */
  differences: Array<Difference>;
};

/** The outcome of a verification: one word a program can branch on. */
export type VerificationStatus = "verified" | "mismatch" | "pack_needed" | "pack_invalid" | "other_format" | "report_is_input" | "input_is_report" | "swapped" | "not_a_report" | "report_not_json" | "too_large" | "engine_failure";

/** A rule pack as a report names it, or as it was used to recompute. */
export type VerifiedPack = {
  /** Pack id. */
  id: string;
  /** Pack version. */
  version: string;
  /** SHA-256 of the pack's canonical form. */
  sha256: string;
  /** For the pack used: where it came from; `null` for the pack a report names. */
  source: VerifiedPackSource | null;
};

/** The pack check. */
export type VerifiedPackCheck = {
  /** The pack the report names. */
  report: VerifiedPack | null;
  /** The pack used to recompute. */
  used: VerifiedPack | null;
  /** Whether they are the same pack (by SHA-256). */
  matches: boolean;
};

/** Where a pack used to recompute came from. */
export type VerifiedPackSource = "embedded" | "given";
