// WebAssembly and baseline side of scripts/bench.sh. Not a test: the numbers vary by machine and
// load, and nothing here asserts on them.
//
// node scripts/bench.mjs DIR NATIVE_LINES NATIVE_BIN
//   times, on the inputs the native side wrote to DIR, the plain-JS baseline
//   (bench/baseline/plain-js.mjs: JSON.parse plus its verdicts), the npm package (pkg/) through a
//   prepared `Assessor` (`assessJson` → text, `assess` → object), and prints them beside the native
//   figures (NATIVE_LINES, JSON lines from examples/bench.rs) with the ratios, the report bytes of
//   both details, every side's peak memory (each case in its own process) and the scaling; then
//   issue 10's targets beside the measured figures, each "met" or "not met" (printed only: nothing
//   fails on time).
// node scripts/bench.mjs --memory KIND FILE [DETAIL]
//   (internal) assesses FILE once with KIND (baseline | wasm-json | wasm-object) and prints the
//   process's peak resident memory.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { assess as baseline } from "../bench/baseline/plain-js.mjs";

const pkg = new URL("../pkg/node.js", import.meta.url);

if (process.argv[2] === "--memory") {
  const [kind, file, detail] = process.argv.slice(3);
  const text = readFileSync(file, "utf8");
  const before = process.resourceUsage().maxRSS;
  let bytes = 0;
  if (kind === "baseline") {
    bytes = JSON.stringify(baseline(JSON.parse(text))).length;
  } else {
    const { Assessor } = await import(pkg);
    const engine = new Assessor();
    const options = detail ? { detail } : undefined;
    bytes =
      kind === "wasm-json"
        ? engine.assessJson(text, options).length
        : JSON.stringify(engine.assess(text, options)).length;
  }
  console.log(JSON.stringify({ kind, bytes, before_kib: before, peak_kib: process.resourceUsage().maxRSS }));
  process.exit(0);
}

const [dir, nativeLines, nativeBin] = process.argv.slice(2);
const native = Object.fromEntries(
  nativeLines
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .map((row) => [row.name, row]),
);
const { Assessor } = await import(pkg);
const engine = new Assessor();

// Mean time per call in µs over enough calls to take about `budgetMs` (at least `minRuns`).
const time = (budgetMs, minRuns, work) => {
  const start = performance.now();
  let runs = 0;
  while (runs < minRuns || performance.now() - start < budgetMs) {
    work();
    runs += 1;
  }
  return ((performance.now() - start) * 1000) / runs;
};
const fmt = (micros) =>
  micros === undefined || Number.isNaN(micros)
    ? "—"
    : micros >= 1e6
      ? `${(micros / 1e6).toFixed(2)} s`
      : micros >= 1000
        ? `${(micros / 1000).toFixed(1)} ms`
        : `${micros.toFixed(0)} µs`;
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : "—");
const mb = (bytes) => (bytes === undefined ? "—" : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);
const mib = (kib) => (kib ? `${(kib / 1024).toFixed(0)} MiB` : "—");

// Peak memory of one assessment in a fresh process (so each case's peak is its own).
const peak = (command, args) => {
  const run = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 20 });
  try {
    return JSON.parse(run.stdout.trim().split("\n").pop());
  } catch {
    return {};
  }
};
const nodePeak = (kind, file, detail) =>
  peak(process.execPath, [fileURLToPath(import.meta.url), "--memory", kind, file, ...(detail ? [detail] : [])]);

// Whether the engine honoured { detail: "verdicts" } (report version 2); before that the
// option is ignored and the full report comes back, which is printed as it is.
const detailOf = (text) => /^\{"format":"[^"]*","detail":"(\w+)"/.exec(text)?.[1] ?? "full (option not read)";

const cases = [
  ["worked", 2000, 3],
  ["portfolio-100x1000", 2000, 3],
  ["portfolio-1000x10000", 3000, 3],
  ["portfolio-5000x50000", 3000, 1],
];
const rows = [];
for (const [name, budget, minRuns] of cases) {
  const n = native[name];
  if (!n) continue; // not run (a subset was asked for)
  if (n.error) {
    console.log(`${name}: not assessed (${n.error})`);
    continue;
  }
  const file = `${dir}/${name}.json`;
  const text = readFileSync(file, "utf8");
  // Warm-up (compile tiers), and the figures that do not need timing.
  baseline(JSON.parse(text));
  const json = engine.assessJson(text);
  engine.assess(text);
  const verdictsText = engine.assessJson(text, { detail: "verdicts" });
  const row = {
    name,
    products: n.products,
    patents: n.patents,
    baseline: time(budget, minRuns, () => baseline(JSON.parse(text))),
    native: n.micros,
    nativeCpu: n.cpu_micros,
    nativeVerdicts: n.verdicts_micros,
    wasmJson: time(budget, minRuns, () => engine.assessJson(text)),
    wasmObject: time(budget, minRuns, () => engine.assess(text)),
    // The other way to make the object: the text through the JS side's JSON.parse.
    wasmParse: time(budget / 2, minRuns, () => JSON.parse(engine.assessJson(text))),
    wasmVerdicts: time(budget / 2, minRuns, () => engine.assessJson(text, { detail: "verdicts" })),
    fullBytes: json.length,
    verdictsBytes: verdictsText.length,
    verdictsDetail: detailOf(verdictsText),
    nativeFullBytes: n.report_bytes,
    nativeVerdictsBytes: n.verdicts_report_bytes,
    phases: n.phases,
    memBaseline: nodePeak("baseline", file).peak_kib,
    memWasmJson: nodePeak("wasm-json", file).peak_kib,
    memWasmObject: nodePeak("wasm-object", file).peak_kib,
    memNative: nativeBin ? peak(nativeBin, ["--memory", file]).peak_kib : undefined,
    inputBytes: text.length,
  };
  rows.push(row);
}

const pad = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i])).join("  ");
console.log("\ntime per assessment (× = against the plain-JS baseline, same input text, JSON.parse included)");
const w1 = [30, 10, 18, 18, 18, 18];
console.log(pad(["case (products × patents)", "plain JS", "native", "WASM assessJson", "WASM assess→obj", "JSON.parse(Json)"], w1));
for (const r of rows) {
  console.log(
    pad(
      [
        `${r.name} (${r.products}×${r.patents})`,
        fmt(r.baseline),
        `${fmt(r.native)} ${ratio(r.native, r.baseline)}`,
        `${fmt(r.wasmJson)} ${ratio(r.wasmJson, r.baseline)}`,
        `${fmt(r.wasmObject)} ${ratio(r.wasmObject, r.baseline)}`,
        `${fmt(r.wasmParse)} ${ratio(r.wasmParse, r.baseline)}`,
      ],
      w1,
    ),
  );
}
console.log(`unprepared (free assess, pack parsed per call), worked example: native ${fmt(native["worked-unprepared"]?.micros)}`);
console.log(
  `native CPU time of the same calls (this thread; steadier than the wall clock on a shared machine): ` +
    rows.map((r) => `${r.name} ${fmt(r.nativeCpu)}`).join(", "),
);

console.log("\nreport and detail verdicts ({ detail: \"verdicts\" } / Detail::Verdicts)");
const w2 = [30, 12, 12, 20, 18, 18];
console.log(pad(["case", "input", "report full", "report verdicts", "native verdicts", "WASM verdicts"], w2));
for (const r of rows) {
  console.log(
    pad(
      [
        r.name,
        mb(r.inputBytes),
        mb(r.fullBytes),
        `${mb(r.verdictsBytes)}${r.verdictsBytes === r.fullBytes ? "*" : ""}`,
        fmt(r.nativeVerdicts),
        fmt(r.wasmVerdicts),
      ],
      w2,
    ),
  );
}
if (rows.some((r) => r.verdictsBytes === r.fullBytes)) {
  console.log(`* the engine returned detail ${rows[0]?.verdictsDetail}: the same report as full`);
}

console.log("\npeak memory (max RSS of a fresh process assessing once; Node's own start is about 40–50 MiB)");
const w3 = [30, 12, 12, 16, 16];
console.log(pad(["case", "plain JS", "native", "WASM assessJson", "WASM assess→obj"], w3));
for (const r of rows) {
  console.log(pad([r.name, mib(r.memBaseline), mib(r.memNative), mib(r.memWasmJson), mib(r.memWasmObject)], w3));
}

console.log("\nnative time by phase (each timed on its own; model = checks and model without the JSON read)");
const w4 = [30, 10, 10, 10, 10, 10, 10];
console.log(pad(["case", "JSON read", "model", "digest", "rules", "(outlook)", "write"], w4));
for (const r of rows) {
  const p = r.phases ?? {};
  console.log(pad([r.name, fmt(p.json), fmt(p.model), fmt(p.digest), fmt(p.rules), fmt(p.outlook), fmt(p.write)], w4));
}

console.log("\nscaling (time and peak-memory ratio for the input ratio; linear = the input ratio)");
for (let i = 1; i < rows.length; i += 1) {
  const [a, b] = [rows[i - 1], rows[i]];
  if (a.name === "worked") continue;
  const factor = b.patents / a.patents;
  const memRatio = (x, y) => (x && y ? `${(y / x).toFixed(1)}×` : "—");
  console.log(
    `${a.name} → ${b.name} (×${factor} input): time plain JS ${ratio(b.baseline, a.baseline)}, native ${ratio(b.native, a.native)}, ` +
      `WASM assessJson ${ratio(b.wasmJson, a.wasmJson)}, assess ${ratio(b.wasmObject, a.wasmObject)}; ` +
      `memory native ${memRatio(a.memNative, b.memNative)}, WASM ${memRatio(a.memWasmJson, b.memWasmJson)}`,
  );
}

// Issue 10's targets beside what was just measured. Not a test: a loaded machine moves the times,
// so nothing fails here; "met" / "not met" only say how this run compares.
console.log("\ntargets (issue 10; this run's figures, nothing asserted)");
const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
const verdict = (ok) => (ok === undefined ? "not measured" : ok ? "met" : "not met");
const within = (value, limit) => (value === undefined || Number.isNaN(value) ? undefined : value <= limit);
const times = (a, b) => (a && b ? a / b : undefined);
const shown = (x) => (x === undefined ? "—" : `${x.toFixed(1)}×`);
const target = (what, measured, limit, ok) =>
  console.log(`  ${what.padEnd(56)} ${measured.padStart(24)}  (target ${limit})  ${verdict(ok)}`);
const worked = byName.worked;
if (worked) {
  const object = times(worked.wasmObject, worked.baseline);
  const json = times(worked.wasmJson, worked.baseline);
  target("worked example, WASM assess → object / plain JS", shown(object), "≤ 6×", within(object, 6));
  target("worked example, WASM assessJson / plain JS", shown(json), "≤ 6×", within(json, 6));
}
const mid = byName["portfolio-1000x10000"];
if (mid) {
  const nat = times(mid.native, mid.baseline);
  const json = times(mid.wasmJson, mid.baseline);
  const object = times(mid.wasmObject, mid.baseline);
  target("1,000 × 10,000, native / plain JS", shown(nat), "≤ 1×", within(nat, 1));
  target("1,000 × 10,000, WASM assessJson / plain JS", shown(json), "≤ 2×", within(json, 2));
  target("1,000 × 10,000, WASM assess → object / plain JS", shown(object), "≤ 2×", within(object, 2));
  target("1,000 × 10,000, report (detail full)", mb(mid.fullBytes), "< 4 MB", mid.fullBytes === undefined ? undefined : mid.fullBytes < 4e6);
}
// Linear: the input ×k, the time and the peak memory at most ×1.1k (×10 input, at most ×11).
for (let i = 1; i < rows.length; i += 1) {
  const [a, b] = [rows[i - 1], rows[i]];
  if (a.name === "worked") continue;
  const factor = b.patents / a.patents;
  const limit = factor * 1.1;
  const step = `${a.products}×${a.patents} → ${b.products}×${b.patents} (input ×${factor})`;
  for (const [side, x, y] of [
    ["native time", a.native, b.native],
    ["WASM assessJson time", a.wasmJson, b.wasmJson],
    ["native peak memory", a.memNative, b.memNative],
    ["WASM peak memory", a.memWasmJson, b.memWasmJson],
  ]) {
    const r = times(y, x);
    target(`${step}, ${side}`, shown(r), `≤ ×${limit.toFixed(1)}`, within(r, limit));
  }
}
