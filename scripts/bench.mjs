// WebAssembly side of scripts/bench.sh: times the npm package (pkg/) under Node on the inputs the
// native side wrote, and prints both sides with their ratio. Not a test: numbers vary by machine.
// Each case goes through a prepared `Assessor` (packs parsed once), as on the native side; `one
// unprepared` through the free `assessJson`, which parses the pack it needs on every call.
import { readFileSync } from "node:fs";
import { Assessor, assessJson } from "../pkg/node.js";

const [dir, nativeLines] = process.argv.slice(2);
const native = Object.fromEntries(
  nativeLines
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line))
    .map((row) => [row.name, row]),
);

const engine = new Assessor();
const time = (input, budgetMs, assess) => {
  const start = performance.now();
  let runs = 0;
  let bytes = 0;
  while (runs < 3 || performance.now() - start < budgetMs) {
    bytes = assess(input).length;
    runs += 1;
  }
  return { micros: ((performance.now() - start) * 1000) / runs, runs, bytes };
};

const fmt = (micros) => (micros >= 1000 ? `${(micros / 1000).toFixed(1)} ms` : `${micros.toFixed(0)} µs`);
console.log("case                         native        wasm (Node)   wasm/native   report");
for (const [name, file, budget, assess] of [
  ["one", "one", 2000, (input) => engine.assessJson(input)],
  ["one-unprepared", "one", 2000, assessJson],
  ["portfolio-100x1000", "portfolio-100x1000", 3000, (input) => engine.assessJson(input)],
  ["portfolio-1000x10000", "portfolio-1000x10000", 5000, (input) => engine.assessJson(input)],
]) {
  const input = readFileSync(`${dir}/${file}.json`, "utf8");
  assess(input); // warm-up: compile tiers
  const wasm = time(input, budget, assess);
  const n = native[name];
  const label = `${name} (${n.products}×${n.patents})`.padEnd(28);
  console.log(
    `${label} ${fmt(n.micros).padStart(9)}   ${fmt(wasm.micros).padStart(11)}   ${(wasm.micros / n.micros).toFixed(2).padStart(9)}×   ${(wasm.bytes / 1e6).toFixed(2)} MB`,
  );
}

// The outlook's share (native only: the WASM module has no entry that runs the outlook alone).
const share = Object.values(native).find((row) => row.name.startsWith("outlook-"));
if (share) {
  console.log(
    `outlook (${share.name.slice("outlook-portfolio-".length)}, native): ${fmt(share.micros)} of ${fmt(share.assessment_micros)} per assessment, ` +
      `${share.added_percent.toFixed(1)} % added over the assessment without it (target ≤ 30 %)`,
  );
}
