// The functions of patent-intensive. The types of the input and of every answer are generated
// from the engine's Rust types and field tables into types/input.d.ts and types/output.d.ts
// (src/typescript.rs; `cargo run --features ts --example typescript -- npm/types` rewrites them,
// tests/typescript.rs fails while they are stale); only the shapes the bindings themselves add
// (src/wasm.rs) and the signatures are written here. The package tests check all of it with
// `tsc --noEmit` against a consumer file and every conformance case's report.

import type { Input } from "./types/input.js";
import type {
  Catalogue,
  Finding,
  NormalizedNumber,
  PackInfo,
  PatentImport,
  Report,
  Detail,
  ReportVerdicts,
  Verification,
} from "./types/output.js";

// `export *` rather than `export type *` (TypeScript 5.0+): the files hold types only.
export * from "./types/input.js";
export * from "./types/output.js";

/** What `normalizePatentNumber` answers: the normalised number, or the finding. */
export type NormalizedPatentNumber =
  | ({ ok: true } & NormalizedNumber)
  | { ok: false; finding: Finding };

/** What `checkPack` answers. */
export interface PackCheck {
  valid: boolean;
  /** The pack's identity and threshold counts by basis, when valid. */
  pack: PackInfo | null;
  /** Every problem, with JSON pointers into the pack document; empty when valid. */
  findings: Finding[];
}

/** Options of an assessment. */
export interface Options {
  /**
   * A rule pack (object or JSON text) to apply instead of the embedded ones, e.g. one with
   * official benchmark values. An invalid pack gives a report whose findings point under
   * `/options/pack`.
   */
  pack?: object | string | null;
  /**
   * How much the report says: `"full"` (the default) or `"verdicts"` (ids, verdicts, gaps,
   * findings and the identities only, for batch use). Another value gives a finding at
   * `/options/detail`.
   */
  detail?: Detail | null;
}

/** Options of `verify`. */
export interface VerifyOptions {
  /**
   * The rule pack (object or JSON text) the report was made with, when it is not one of the
   * embedded packs.
   */
  pack?: object | string | null;
}

/** The `detail: "verdicts"` report (input-format.md, report version 2). */
export type VerdictsReport = ReportVerdicts;

/** What `assess` returns for these options: a `VerdictsReport` with `detail: "verdicts"`. */
export type ReportFor<O> = O extends { detail: "verdicts" } ? VerdictsReport : Report;

// ---------------------------------------------------------------------------------------------
// Functions. None throws: problems come back as findings.
// ---------------------------------------------------------------------------------------------

/** Assesses an input (object or JSON text) and returns the report. */
export function assess<O extends Options | null | undefined = undefined>(input: Input | string, options?: O): ReportFor<O>;
/** The report as JSON text: the exact bytes the native engine writes for the same input. */
export function assessJson(input: Input | string, options?: Options | null): string;
/**
 * Re-runs the assessment from the input with the report's own detail and pack and compares:
 * whether the report is the one this engine makes (identical bytes, or identical but for layout),
 * the input-digest and pack checks, and every difference by JSON pointer with both values and the
 * product and criterion it belongs to. A report of another format, a report given as the input (or
 * the reverse) are answered as such. Never throws.
 */
export function verify(input: Input | string, report: string | object, options?: VerifyOptions | null): Verification;
/** Every finding of an input (object or JSON text), errors then warnings, without assessing. */
export function validate(input: Input | string): Finding[];
/** The embedded rule packs, in round order. */
export function packs(): PackInfo[];
/** Checks a rule pack (object or JSON text): its identity when valid, else its findings. */
export function checkPack(pack: object | string): PackCheck;
/**
 * Verifies a report against the input it claims to be of: recomputes the report with this engine
 * (at the report's detail, with its pack: embedded, or `options.pack`) and compares, bytes first,
 * then field by field. Give the report as its text for its bytes to be checked (an object is
 * compared as its `JSON.stringify` text). Never throws.
 */
export function verify(
  input: Input | string,
  report: string | object,
  options?: VerifyOptions | null,
): Verification;
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
  assess<O extends Options | null | undefined = undefined>(input: Input | string, options?: O): ReportFor<O>;
  /** As {@link assessJson}. */
  assessJson(input: Input | string, options?: Options | null): string;
  /** Releases the engine's memory in the module; it must not be used afterwards. */
  free(): void;
}
