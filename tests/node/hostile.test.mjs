// The hostile corpus through the npm package (pkg/, as integrators get it), each report compared
// byte for byte with the native CLI's; the package's guard (npm/guard.js): arguments over the
// document limit answered without entering the module, and a trapped instance replaced (with a
// module built with the `trap-test` feature, scripts/build-trap-test.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Assessor, assess, assessJson, validate, normalizePatentNumber, importPatentsCsv } from "../../pkg/node.js";
import { guard } from "../../npm/guard.js";

const root = new URL("../../", import.meta.url).pathname;
const example = readFileSync(join(root, "examples/fuzhou-bogie-monitor.json"), "utf8");
const compact = JSON.stringify(JSON.parse(example));
const LIMIT = 64 * 1024 * 1024;

/** The newest build of the CLI (the test suites build one before this runs). */
function cli() {
  const builds = ["target/release/patent-intensive", "target/debug/patent-intensive"]
    .map((path) => join(root, path))
    .filter((path) => existsSync(path))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (builds.length === 0) {
    spawnSync("cargo", ["build", "--quiet", "-p", "patent-intensive-cli"], { cwd: root, stdio: "inherit" });
    return join(root, "target/debug/patent-intensive");
  }
  return builds[0];
}

/** The native report of `text` (or bytes), as `assess -` prints it, without its newline. */
function native(text) {
  const run = spawnSync(cli(), ["assess", "-"], { input: text, maxBuffer: 1 << 30 });
  assert.ok([0, 2].includes(run.status), run.stderr.toString());
  return run.stdout.toString("utf8").replace(/\n$/, "");
}

const withText = (from, to) => {
  assert.ok(compact.includes(from), from);
  return compact.replace(from, to);
};

const corpus = {
  "1. a million-digit amount": withText('"3200"', "7".repeat(1_000_000)),
  "1. the same, quoted": withText('"3200"', `"${"7".repeat(1_000_000)}"`),
  "4. 37037036703.703703": withText('"1900"', "37037036703.703703"),
  "4. 37037036703.703704": withText('"1900"', "37037036703.703704"),
  "5. products twice": withText('"products":[', '"products":[],"products":['),
  "6. a byte-order mark": "\ufeff" + compact,
  "9. NUL in a product id": withText('"id":"P1"', '"id":"P\\u00001"'),
  "an escaped lone surrogate": withText('"id":"P1"', '"id":"P\\ud8001"'),
  "nesting 100,000 deep": "[".repeat(100_000) + "]".repeat(100_000),
  "1,500 numbers beyond a double": `[${Array(1500).fill("1e400").join(",")}]`,
};

test("the hostile corpus gives the native bytes through the package", () => {
  const engine = new Assessor();
  for (const [name, text] of Object.entries(corpus)) {
    const started = performance.now();
    const wasm = assessJson(text);
    const ms = performance.now() - started;
    assert.equal(wasm, native(text), name);
    assert.equal(engine.assessJson(text), wasm, name);
    assert.ok(ms < 5000, `${name}: ${ms} ms`);
    assert.ok(wasm.length < 400_000, `${name}: a report of ${wasm.length} bytes`);
  }
  engine.free();
});

test("4. the two amounts one double apart are refused, quoting them as strings", () => {
  for (const digits of ["703", "704"]) {
    const report = assess(corpus[`4. 37037036703.703${digits}`]);
    assert.deepEqual(report.products, []);
    assert.equal(report.findings[0].code, "number_not_exact");
    assert.ok(report.findings[0].message.en.includes(`"37037036703.703${digits}"`));
  }
});

test("6. a byte-order mark is ignored as natively", () => {
  assert.equal(assessJson(corpus["6. a byte-order mark"]), assessJson(compact));
  assert.equal(validate(corpus["6. a byte-order mark"]).filter((f) => f.severity === "error").length, 0);
});

test("3. a 16 MiB Uint8Array is answered without entering the module, and the next call works", () => {
  const started = performance.now();
  const report = assess(new Uint8Array(16 * 1024 * 1024));
  const ms = performance.now() - started;
  assert.deepEqual(
    report.findings.map((f) => [f.path, f.code]),
    [["", "document_too_large"]],
  );
  assert.ok(ms < 1000, `${ms} ms`);
  assert.equal(assess(compact).products.length, 2);
});

test("text over the document limit: the CLI's report, the same bytes", () => {
  const dir = mkdtempSync(join(tmpdir(), "pi-hostile-"));
  try {
    const file = join(dir, "big.json");
    writeFileSync(file, Buffer.alloc(LIMIT + 1, 32));
    const run = spawnSync(cli(), ["assess", file], { maxBuffer: 1 << 20 });
    const expected = run.stdout.toString("utf8").replace(/\n$/, "");
    assert.equal(JSON.parse(expected).findings[0].code, "document_too_large");
    // Over in UTF-16 units already; and over only in UTF-8 bytes (3 bytes a character).
    assert.equal(assessJson(" ".repeat(LIMIT + 1)), expected);
    assert.equal(assessJson("专".repeat(Math.ceil((LIMIT + 1) / 3))), expected);
    // Exactly at the limit is read (and is not JSON).
    assert.equal(assess(" ".repeat(LIMIT - 1) + "x").findings[0].code, "invalid_json");
    const pack = assess(compact, { pack: " ".repeat(LIMIT + 1) });
    assert.deepEqual(
      pack.findings.map((f) => [f.path, f.code]),
      [["/options/pack", "document_too_large"]],
    );
    assert.equal(validate(" ".repeat(LIMIT + 1))[0].code, "document_too_large");
    assert.equal(normalizePatentNumber(" ".repeat(LIMIT + 1)).finding.code, "document_too_large");
    assert.equal(importPatentsCsv(" ".repeat(LIMIT + 1)).problems.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("3. unknown members by the hundred thousand: a bounded report, the native bytes", () => {
  // 400,000 here to keep the suite quick; docs/hostile-input.md has the 4,000,000 figures.
  const members = [];
  for (let i = 0; i < 400_000; i++) members.push(`"u${i}":0`);
  const text = `{${members.join(",")}}`;
  const report = assessJson(text);
  const parsed = JSON.parse(report);
  assert.equal(parsed.findings.length, 1001);
  assert.equal(parsed.findings[1000].code, "more_findings");
  assert.equal(report, native(text));
});

test("a trap is answered with a structured error and the instance is replaced", () => {
  const build = spawnSync(join(root, "scripts/build-trap-test.sh"), { cwd: root, stdio: "inherit" });
  assert.equal(build.status, 0, "scripts/build-trap-test.sh");
  return import(join(root, "target/trap-test/glue/patent_intensive.js")).then((glue) => {
    glue.initSync({ module: readFileSync(join(root, "target/trap-test/glue/patent_intensive_bg.wasm")) });
    // A glue whose next assessJson traps inside the module first, as a real fault would.
    let trapNext = false;
    const faulty = new Proxy(glue, {
      get(target, name) {
        if (name === "assessJson") {
          return (...args) => {
            if (trapNext) {
              trapNext = false;
              target.forceTrapForTest();
            }
            return target.assessJson(...args);
          };
        }
        return target[name];
      },
    });
    const api = guard(faulty);
    const expected = api.assessJson(compact);
    const engine = new api.Assessor();
    assert.equal(engine.assessJson(compact), expected);

    // The trap itself, through the test-only export: a structured error, then a working module.
    assert.throws(() => api.forceTrapForTest(), (error) => error.code === "engine_failure");
    assert.equal(api.assessJson(compact), expected);
    assert.equal(engine.assessJson(compact), expected, "an Assessor made before is rebuilt");

    // A trap inside an assessment: that call gets an engine_failure report, the next works.
    trapNext = true;
    const failed = JSON.parse(api.assessJson(compact));
    assert.deepEqual(
      failed.findings.map((f) => [f.severity, f.path, f.code]),
      [["error", "", "engine_failure"]],
    );
    assert.deepEqual(failed.products, []);
    assert.ok(failed.findings[0].message.zh.length > 0);
    assert.equal(api.assessJson(compact), expected);
    assert.equal(api.assess(compact).products.length, 2);
    assert.equal(engine.assess(compact).products.length, 2);
  });
});
