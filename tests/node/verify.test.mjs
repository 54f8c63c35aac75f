// The package's verify(): the core's answer (src/verify.rs) through the WebAssembly module, equal
// to the native CLI's `verify --json`, and the guard's answers for what never enters the module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assessJson, verify, packJson } from "../../pkg/node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLE = readFileSync(join(root, "examples/fuzhou-bogie-monitor.json"), "utf8");
const CATEGORY_INPUT = readFileSync(join(root, "examples/two-categories.json"), "utf8");
const CATEGORY_PACK = readFileSync(join(root, "examples/packs/two-category-rows.example.json"), "utf8");
const report = assessJson(EXAMPLE);
const dir = mkdtempSync(join(tmpdir(), "patent-intensive-verify-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** The native CLI's `verify --json` answer for the same files. */
function native(input, reportText, extra = []) {
  writeFileSync(join(dir, "input.json"), input);
  writeFileSync(join(dir, "report.json"), reportText);
  let out;
  try {
    out = execFileSync(
      "cargo",
      ["run", "--quiet", "-p", "patent-intensive-cli", "--", "verify", "--input", join(dir, "input.json"), join(dir, "report.json"), "--json", ...extra],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (error) {
    out = error.stdout; // a mismatch exits 3, an unusable report 2; the answer is on stdout
  }
  return JSON.parse(out);
}

test("the report assess wrote is verified, byte for byte", () => {
  const answer = verify(EXAMPLE, report);
  assert.equal(answer.status, "verified");
  assert.equal(answer.verified, true);
  assert.equal(answer.byte_identical, "compact");
  assert.deepEqual(answer.differences, []);
  assert.equal(answer.input_sha256.matches, true);
  assert.equal(answer.pack.matches, true);
  assert.match(answer.message.en, /^Verified: /);
  assert.match(answer.message.zh, /^已核实：/);
  // An object input is read as its JSON text, which has the same canonical digest.
  assert.equal(verify(JSON.parse(EXAMPLE), report).status, "verified");
});

test("layout only: pretty with CRLF line endings is verified and says so", () => {
  const pretty = JSON.stringify(JSON.parse(report), null, 2).replace(/\n/g, "\r\n");
  const answer = verify(EXAMPLE, pretty);
  assert.equal(answer.status, "verified");
  assert.equal(answer.byte_identical, null);
  assert.deepEqual(answer.identical_but_for_layout, ["line_endings"]);
});

test("a changed verdict is named with its product and criterion, as the CLI names it", () => {
  const tampered = JSON.parse(report);
  tampered.products[0].criteria[1].verdict = "fail"; // P1's G2 passes in the worked example
  const text = JSON.stringify(tampered);
  const answer = verify(EXAMPLE, text);
  assert.equal(answer.status, "mismatch");
  assert.deepEqual(answer.differences, [
    { path: "/products/0/criteria/1/verdict", report: "fail", recomputed: "pass", product: "P1", criterion: "G2" },
  ]);
  assert.deepEqual(answer, native(EXAMPLE, text));
});

test("a report from another input fails the digest check", () => {
  const other = JSON.parse(EXAMPLE);
  other.filer.name = "另一家公司";
  const answer = verify(other, report);
  assert.equal(answer.status, "mismatch");
  assert.equal(answer.input_sha256.matches, false);
  assert.equal(answer.input_sha256.report, JSON.parse(report).input_sha256);
});

test("swapped documents, two inputs, two reports: said plainly, nothing listed", () => {
  const swapped = verify(report, EXAMPLE);
  assert.equal(swapped.status, "swapped");
  assert.deepEqual(swapped.differences, []);
  assert.match(swapped.message.en, /wrong way round/);
  assert.equal(verify(EXAMPLE, EXAMPLE).status, "report_is_input");
  assert.equal(verify(report, report).status, "input_is_report");
  assert.equal(verify(EXAMPLE, "hello").status, "report_not_json");
  assert.equal(verify(EXAMPLE, "{}").status, "not_a_report");
});

test("a report of another format: which format and engine made it, and that it must be made again", () => {
  const older = JSON.parse(report);
  older.format = "patent-intensive/assessment-report@0";
  older.engine.version = "0.0.1";
  const answer = verify(EXAMPLE, JSON.stringify(older));
  assert.equal(answer.status, "other_format");
  assert.equal(answer.format.report, "patent-intensive/assessment-report@0");
  assert.equal(answer.format.engine_version, "0.0.1");
  assert.notEqual(answer.format.current, answer.format.report);
  for (const text of [answer.message.zh, answer.message.en]) {
    assert.ok(text.includes("patent-intensive/assessment-report@0") && text.includes("0.0.1"), text);
  }
  assert.deepEqual(answer.differences, []);
});

test("the pack: needed when not at hand, used when given, its problems when invalid", () => {
  const own = assessJson(CATEGORY_INPUT, { pack: CATEGORY_PACK });
  const needed = verify(CATEGORY_INPUT, own);
  assert.equal(needed.status, "pack_needed");
  assert.match(needed.message.en, /the report needs rule pack `example\/two-category-rows`/);
  assert.deepEqual(needed, native(CATEGORY_INPUT, own));
  const given = verify(CATEGORY_INPUT, own, { pack: CATEGORY_PACK });
  assert.equal(given.status, "verified");
  assert.equal(given.pack.used.source, "given");
  const invalid = verify(CATEGORY_INPUT, own, { pack: "{}" });
  assert.equal(invalid.status, "pack_invalid");
  assert.ok(invalid.pack_findings.length > 0);
  assert.ok(invalid.pack_findings.every((f) => f.path.startsWith("/options/pack")));
  // An embedded pack given as its text is the embedded pack.
  const embedded = verify(EXAMPLE, report, { pack: packJson("cn-pip/t-ppac-402-2022") });
  assert.equal(embedded.status, "verified");
});

test("oversized arguments are answered without entering the module", () => {
  const huge = " ".repeat(64 * 1024 * 1024 + 1);
  const input = verify(huge, report);
  assert.equal(input.status, "too_large");
  assert.match(input.message.en, /The input is over the limit of 64 MiB/);
  const big = verify(EXAMPLE, huge);
  assert.equal(big.status, "too_large");
  assert.match(big.message.zh, /^报告超过 64 MiB/);
  const pack = verify(EXAMPLE, report, { pack: huge });
  assert.equal(pack.status, "pack_invalid");
  assert.equal(pack.pack_findings[0].code, "document_too_large");
  assert.equal(verify(EXAMPLE, report).status, "verified", "the module still answers");
});
