// The package's guard around the WebAssembly bindings (input-format.md, "Interoperability and
// limits"; docs/hostile-input.md):
// - an argument's size is measured before it is copied into the module: JSON text over the
//   document limit (64 MiB of UTF-8) is answered with the `document_too_large` report the CLI
//   gives, without entering the module;
// - should the module ever trap (a RuntimeError, running out of memory), that call is answered
//   with a structured `engine_failure` finding and the instance is replaced, so the next call
//   works; Assessor objects made before it are rebuilt on their next call.
// `verify` answers the same way: an oversized input, report or pack is answered as the module
// would (`too_large`, `pack_invalid`), a trap with the status `engine_failure`.

/** Largest document, in UTF-8 bytes (src/limits.rs MAX_DOCUMENT_BYTES). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

const TOO_LARGE = Symbol("too large");

/** Whether `text`'s UTF-8 form is over the limit, counting bytes only when the length in UTF-16
 * units cannot decide (each unit is one to three bytes; a pair is four). */
function overLimit(text) {
  if (text.length > MAX_DOCUMENT_BYTES) return true;
  if (text.length * 3 <= MAX_DOCUMENT_BYTES) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3; // a lone surrogate is copied as U+FFFD, three bytes
    if (bytes > MAX_DOCUMENT_BYTES) return true;
  }
  return false;
}

/** The argument as it will cross into the module: a string as it is, anything else as its JSON
 * text (what the module would make of it), or TOO_LARGE. A value JSON.stringify refuses for
 * another reason than size is passed on unchanged, for the module to report as before. */
function prepare(value) {
  let text = value;
  // Lower bounds of the JSON text's length, so a huge array is refused without stringifying it
  // (16 Mi typed-array elements would take JSON.stringify half a minute): a typed array becomes
  // an object of `"i":v,` members (at least 6 characters each), an array at least `v,` each.
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && value.length * 6 > MAX_DOCUMENT_BYTES) {
    return TOO_LARGE;
  }
  if (Array.isArray(value) && value.length * 2 > MAX_DOCUMENT_BYTES) return TOO_LARGE;
  if (typeof value !== "string") {
    try {
      text = JSON.stringify(value);
    } catch (error) {
      if (error instanceof RangeError) return TOO_LARGE; // "Invalid string length"
      return value;
    }
    if (typeof text !== "string") return value;
  }
  return overLimit(text) ? TOO_LARGE : text;
}

/** Wraps the wasm-bindgen glue module `glue` (instantiated, or to be instantiated before the
 * first call). `glue.__wbg_reset_state` re-instantiates the module (built with wasm-bindgen's
 * --experimental-reset-state-function). */
export function guard(glue) {
  let generation = 0;

  /** Runs `call`; on a trap, replaces the instance and returns `onTrap()` (which uses the new
   * one). */
  function guarded(call, onTrap) {
    try {
      return call();
    } catch (error) {
      glue.__wbg_reset_state();
      generation++;
      return onTrap(error);
    }
  }

  /** A report carrying only `finding`, as the engine writes one (its skeleton is taken from the
   * module's report for empty text, so engine name and version are the module's own). */
  function reportWith(finding) {
    const report = JSON.parse(glue.assessJson("", undefined));
    report.findings = [finding];
    return JSON.stringify(report);
  }
  // The same words as src/limits.rs document_too_large (the package tests compare the bytes with
  // the CLI's report for an oversized file).
  const tooLarge = (path) => ({
    severity: "error",
    path,
    code: "document_too_large",
    message: {
      zh: `文档超过 ${MAX_DOCUMENT_BYTES} 字节（64 MiB）的上限，未读取`,
      en: `The document is over the limit of ${MAX_DOCUMENT_BYTES} bytes (64 MiB); it was not read`,
    },
  });
  const failure = () => ({
    severity: "error",
    path: "",
    code: "engine_failure",
    message: {
      zh: "评估引擎在处理此输入时失败，已重新启动；请报告此问题",
      en: "The engine failed on this input and has been restarted; please report the problem",
    },
  });
  const failureReport = () => reportWith(failure());
  const failureFinding = failure;
  const oversized = (path) => reportWith(tooLarge(path));

  /** The options with `pack` as JSON text, or the report for a pack over the limit. */
  function prepareOptions(options) {
    if (options === null || typeof options !== "object") return { options };
    const pack = options.pack;
    if (pack === undefined || pack === null) return { options };
    const text = prepare(pack);
    if (text === TOO_LARGE) return { report: oversized("/options/pack") };
    return { options: { ...options, pack: text } };
  }

  function assessJsonWith(assessJson, input, options) {
    const prepared = prepareOptions(options);
    if (prepared.report !== undefined) return prepared.report;
    const text = prepare(input);
    if (text === TOO_LARGE) return oversized("");
    return guarded(() => assessJson(text, prepared.options), failureReport);
  }

  function assessJson(input, options) {
    return assessJsonWith((i, o) => glue.assessJson(i, o), input, options);
  }

  function assess(input, options) {
    return JSON.parse(assessJson(input, options));
  }

  function validate(input) {
    const text = prepare(input);
    if (text === TOO_LARGE) return JSON.parse(oversized("")).findings;
    return guarded(
      () => glue.validate(text),
      () => [failureFinding()],
    );
  }

  function normalizePatentNumber(text) {
    if (typeof text === "string" && overLimit(text)) {
      return { ok: false, finding: JSON.parse(oversized("")).findings[0] };
    }
    return guarded(
      () => glue.normalizePatentNumber(text),
      () => ({ ok: false, finding: failureFinding() }),
    );
  }

  function importPatentsCsv(text) {
    const problem = (report) => {
      const finding = JSON.parse(report).findings[0];
      return { patents: [], problems: [{ row: 0, column: null, message: finding.message }] };
    };
    if (typeof text === "string" && overLimit(text)) return problem(oversized(""));
    return guarded(
      () => glue.importPatentsCsv(text),
      () => problem(failureReport()),
    );
  }

  /** Calls that take no input: a trap is still survived, and reported by throwing. */
  function rethrowing(call) {
    return () =>
      guarded(call, (error) => {
        const failure = new Error(failureFinding().message.en, { cause: error });
        failure.code = "engine_failure";
        throw failure;
      });
  }

  function checkPack(pack) {
    const text = prepare(pack);
    if (text === TOO_LARGE) {
      return { valid: false, pack: null, findings: JSON.parse(oversized("")).findings };
    }
    return guarded(
      () => glue.checkPack(text),
      () => ({ valid: false, pack: null, findings: [failureFinding()] }),
    );
  }

  /** An embedded pack's canonical text, or null (no pack has that id). */
  function packJson(id) {
    if (typeof id === "string" && overLimit(id)) return null;
    return guarded(
      () => glue.packJson(id),
      () => null,
    );
  }

  /** A key of a plain string argument (`patentKey`, `nameKey`); an oversized one has no key. */
  function keyOf(name) {
    return (text) => {
      if (typeof text === "string" && overLimit(text)) return "";
      return guarded(
        () => glue[name](text),
        () => "",
      );
    };
  }

  /** An answer of `verify` that compared nothing, shaped as the module's (src/verify.rs). */
  const stoppedVerification = (status, message, packFindings = []) => ({
    status,
    verified: false,
    message,
    byte_identical: null,
    identical_but_for_layout: null,
    input_errors: false,
    format: null,
    input_sha256: null,
    pack: null,
    pack_findings: packFindings,
    differences: [],
  });
  // The same words as src/verify.rs for a document over the limit.
  const verifyTooLarge = (zh, en) =>
    stoppedVerification("too_large", {
      zh: `${zh}超过 64 MiB 的上限，未读取。`,
      en: `The ${en} is over the limit of 64 MiB; it was not read.`,
    });

  /** Verifies a report (its text, for the bytes to be checked) against its input: the module's
   * answer (src/verify.rs). Sizes are measured before anything is copied in. */
  function verify(input, report, options) {
    const inputText = prepare(input);
    if (inputText === TOO_LARGE) return verifyTooLarge("输入", "input");
    const reportText = prepare(report);
    if (reportText === TOO_LARGE) return verifyTooLarge("报告", "report");
    const prepared = prepareOptions(options);
    if (prepared.report !== undefined) {
      return stoppedVerification(
        "pack_invalid",
        {
          zh: "给出的规则包无效，未重新计算；问题如下。",
          en: "The rule pack given is not valid, so nothing was recomputed; its problems are listed.",
        },
        [tooLarge("/options/pack")],
      );
    }
    return guarded(
      () => glue.verify(inputText, reportText, prepared.options),
      () => stoppedVerification("engine_failure", failureFinding().message, []),
    );
  }

  class Assessor {
    #inner = null;
    #generation = -1;

    /** The module's Assessor for the current instance, made again after a trap. */
    #current() {
      if (this.#inner === null || this.#generation !== generation) {
        this.#generation = generation;
        this.#inner = null;
        this.#inner = new glue.Assessor();
      }
      return this.#inner;
    }

    constructor() {
      guarded(
        () => this.#current(),
        () => null,
      );
    }

    assessJson(input, options) {
      return assessJsonWith((i, o) => this.#current().assessJson(i, o), input, options);
    }

    assess(input, options) {
      return JSON.parse(this.assessJson(input, options));
    }

    /** Releases the module's memory for this engine early (it is made again if used). */
    free() {
      if (this.#inner !== null && this.#generation === generation) this.#inner.free();
      this.#inner = null;
    }
  }

  const api = {
    Assessor,
    assess,
    assessJson,
    validate,
    packs: rethrowing(() => glue.packs()),
    checkPack,
    packJson,
    verify,
    catalogue: rethrowing(() => glue.catalogue()),
    patentKey: keyOf("patentKey"),
    nameKey: keyOf("nameKey"),
    normalizePatentNumber,
    importPatentsCsv,
    version: rethrowing(() => glue.version()),
  };
  // Test builds only (the `trap-test` feature): a call that traps inside the module.
  if (typeof glue.forceTrapForTest === "function") {
    api.forceTrapForTest = rethrowing(() => glue.forceTrapForTest());
  }
  return api;
}
