// Hostile-input fuzzing (docs/hostile-input.md): generates N documents from a seeded generator
// (mutations of the conformance cases, random JSON, byte noise, huge and deep values), runs them
// through the CLI's `batch` and through the npm package, and fails on any abort, trap, line-count
// mismatch, report with both an error and products, or byte difference between native and WASM.
//
//   node scripts/fuzz.mjs N [SEED]      (scripts/fuzz.sh builds what it needs first)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const total = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20261129);
const BATCH = 5000;
const cli = join(root, process.env.PI_CLI ?? "target/release/patent-intensive");
const { Assessor } = await import(join(root, "pkg/node.js"));

// xorshift32: the same documents for the same seed, on any machine.
let state = seed >>> 0 || 1;
function random() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 0x100000000;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];

const cases = readdirSync(join(root, "tests/cases"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => JSON.parse(readFileSync(join(root, "tests/cases", name), "utf8")))
  .map((c) => c.input_text ?? JSON.stringify(c.input));

const hostileNumbers = [
  "37037036703.703703", "37037036703.703704", "1e400", "-1e-400", "9007199254740993",
  "0.1", "1E2", "-0", "123456789012345678901234567890123456789012",
];
const hostileStrings = [
  "\\u0000", "\\ud800", "\\udc00x", "\\u007f", "a\\nb", "\\t", "\u202e", "</script>", "\\ud83d\\ude00",
];

function randomString() {
  const alphabet = 'abcXYZ09 专利-_."\\/\u00e9\u{1f600}';
  let s = "";
  for (let i = int(12); i > 0; i--) {
    const c = pick([...alphabet]);
    s += c === '"' || c === "\\" ? "\\" + c : c;
  }
  if (random() < 0.2) s += pick(hostileStrings);
  return `"${s}"`;
}

function randomJson(depth) {
  const r = random();
  if (depth > 4 || r < 0.3) {
    return pick([
      () => "null", () => "true", () => "false", randomString,
      () => String(int(100000)), () => pick(hostileNumbers),
    ])();
  }
  if (r < 0.65) {
    const items = [];
    for (let i = int(5); i > 0; i--) items.push(randomJson(depth + 1));
    return `[${items.join(",")}]`;
  }
  const members = [];
  const names = ["format", "round_year", "products", "patents", "filer", "id", "x", "a"];
  for (let i = int(5); i > 0; i--) members.push(`${random() < 0.7 ? `"${pick(names)}"` : randomString()}:${randomJson(depth + 1)}`);
  return `{${members.join(",")}}`;
}

/** A large value, rarely: long numbers and strings, deep nesting, many members. */
function huge() {
  const n = 1000 + int(200000);
  return pick([
    () => `{"format":"patent-intensive/assessment-input@1","x":${"7".repeat(n)}}`,
    () => `{"a":"${"专".repeat(n)}"}`,
    () => "[".repeat(n) + "]".repeat(n),
    () => "{\"a\":".repeat(200) + "1" + "}".repeat(200),
    () => `{${Array.from({ length: n / 10 }, (_, i) => `"m${i}":${i}`).join(",")}}`,
    () => `[${"1e400,".repeat(n / 10)}0]`,
    () => `{"a":1,"a":2,${"\"b\":0,".repeat(n / 10)}"c":3}`,
  ])();
}

/** A conformance input, changed in one hostile way. */
function mutate(text) {
  const kind = int(11);
  switch (kind) {
    case 0: return "\ufeff" + text;
    case 1: return text.replace(/"products":/, '"products":[],"products":');
    case 2: return text.replace(/"(sales_revenue|profit|ip_investment)":"?[0-9.]+"?/, `"$1":${pick(hostileNumbers)}`);
    case 3: return text.replace(/"id":"([^"]*)"/, `"id":"$1${pick(hostileStrings)}"`);
    case 4: return text.replace(/"name":"([^"]*)"/, `"name":"$1${pick(hostileStrings)}"`);
    case 5: return text.slice(0, int(text.length));
    case 6: {
      const at = int(text.length);
      return text.slice(0, at) + String.fromCharCode(int(128)) + text.slice(at + 1);
    }
    case 7: return text.replace(/\d/g, (d) => (random() < 0.05 ? String(int(10)) : d));
    case 8: return text.replace(/"economics":\[/, `"economics":[${'{"year":2024,"sales_revenue":"1"},'.repeat(101)}`);
    case 9: return text.replace(/"title":"([^"]*)"/, `"title":"${"长".repeat(10001)}"`);
    default: return text.replace(/\{/g, (b) => (random() < 0.02 ? `{"${randomString().slice(1, -1)}":${randomJson(0)},` : b));
  }
}

/** Random bytes (no newline): a line that may not even be UTF-8. */
function noise() {
  const bytes = Buffer.alloc(int(200));
  for (let i = 0; i < bytes.length; i++) {
    let b = int(256);
    if (b === 10) b = 32;
    bytes[i] = b;
  }
  return bytes;
}

function documentAt() {
  const r = random();
  let text;
  if (r < 0.001) text = huge();
  else if (r < 0.55) text = mutate(pick(cases));
  else if (r < 0.85) text = randomJson(0);
  else return noise();
  return Buffer.from(text.replace(/\n/g, " ").replace(/\r$/, " "), "utf8");
}

const assessor = new Assessor();
const decoder = new TextDecoder("utf-8", { fatal: true });
const dir = mkdtempSync(join(tmpdir(), "pi-fuzz-"));
const failures = [];
const counts = { documents: 0, compared: 0, not_utf8: 0, with_errors: 0, with_products: 0 };
const started = Date.now();
try {
  for (let done = 0; done < total && failures.length < 20; done += BATCH) {
    const docs = [];
    for (let i = 0; i < Math.min(BATCH, total - done); i++) docs.push(documentAt());
    const file = join(dir, "batch.ndjson");
    writeFileSync(file, Buffer.concat(docs.flatMap((d) => [d, Buffer.from("\n")])));
    const run = spawnSync(cli, ["batch", "--jobs", "1", file], {
      maxBuffer: 1 << 30,
      encoding: "buffer",
    });
    if (run.signal || ![0, 2].includes(run.status)) {
      failures.push(`batch at ${done}: exit ${run.status} signal ${run.signal}: ${run.stderr.toString().slice(0, 500)}`);
      writeFileSync(join(root, "target/fuzz-failing.ndjson"), readFileSync(file));
      continue;
    }
    const lines = run.stdout.toString("utf8").split("\n");
    if (lines.pop() !== "" || lines.length !== docs.length) {
      failures.push(`batch at ${done}: ${docs.length} lines in, ${lines.length} out`);
      continue;
    }
    docs.forEach((doc, i) => {
      counts.documents++;
      const native = lines[i];
      const report = JSON.parse(native);
      const hasError = report.findings.some((f) => f.severity === "error");
      counts.with_errors += hasError;
      counts.with_products += report.products.length > 0;
      if (hasError && report.products.length > 0) failures.push(`document ${done + i}: an error and products`);
      let text;
      try {
        text = decoder.decode(doc);
      } catch {
        counts.not_utf8++;
        return;
      }
      // What `batch` assesses: the line without the `\r` of a CRLF ending.
      if (text.endsWith("\r")) text = text.slice(0, -1);
      const wasm = assessor.assessJson(text);
      counts.compared++;
      if (wasm !== native) {
        failures.push(`document ${done + i}: native and WASM differ: ${JSON.stringify(text.slice(0, 120))}`);
        writeFileSync(join(root, `target/fuzz-diff-${done + i}.json`), doc);
      }
    });
    if (total >= 100000 && (done / BATCH) % 20 === 0) {
      console.error(`fuzz: ${counts.documents} documents, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${counts.documents} documents (seed ${seed}) in ${seconds} s: ${counts.compared} compared native/WASM byte for byte, ${counts.not_utf8} not UTF-8 (native only), ${counts.with_errors} with errors, ${counts.with_products} assessed; ${failures.length} failures`);
for (const failure of failures) console.log("  " + failure);
process.exit(failures.length === 0 ? 0 : 1);
