// CPU-time comparison of two builds of the npm package on one input, for a before/after on a
// loaded machine (docs/wasm.md, "Measured"): wall-clock figures move by tens of per cent with
// other work on the cores, the process's CPU time far less. Not a test; nothing is asserted.
//
// node scripts/bench-cpu.mjs FILE CALLS PKG_DIR...
//   for each package folder (a built pkg/, e.g. one copied aside before a change), the lowest of
//   five rounds of CALLS calls through one prepared `Assessor`: `assessJson`, `assess` → object
//   and `assessJson` with `{ detail: "verdicts" }`, in CPU µs per call (`process.cpuUsage`), the
//   builds run alternately; the plain-JS baseline beside them, and every figure's ratio to it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { assess as baseline } from "../bench/baseline/plain-js.mjs";

const [file, calls, ...dirs] = process.argv.slice(2);
const n = Number(calls);
if (!file || !(n > 0) || dirs.length === 0) {
  console.error("usage: node scripts/bench-cpu.mjs FILE CALLS PKG_DIR...");
  process.exit(1);
}
const text = readFileSync(file, "utf8");
const engines = [];
for (const dir of dirs) {
  const { Assessor } = await import(pathToFileURL(resolve(dir, "node.js")).href);
  engines.push([dir, new Assessor()]);
}
const cpu = (work) => {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
};
const best = new Map();
const keep = (name, micros) => best.set(name, Math.min(best.get(name) ?? Infinity, micros));
// Warm-up (compile tiers).
for (let i = 0; i < 3; i++) {
  baseline(JSON.parse(text));
  for (const [, engine] of engines) {
    engine.assessJson(text);
    engine.assess(text);
  }
}
const verdicts = { detail: "verdicts" };
for (let round = 0; round < 5; round++) {
  keep("plain-JS baseline", cpu(() => baseline(JSON.parse(text))));
  for (const [dir, engine] of engines) {
    keep(`${dir} assessJson`, cpu(() => engine.assessJson(text)));
    keep(`${dir} assess → object`, cpu(() => engine.assess(text)));
    keep(`${dir} verdicts`, cpu(() => engine.assessJson(text, verdicts)));
  }
}
const base = best.get("plain-JS baseline");
const shown = (micros) => (micros >= 1000 ? `${(micros / 1000).toFixed(1)} ms` : `${micros.toFixed(0)} µs`);
for (const [name, micros] of best) {
  console.log(`${name.padEnd(48)} ${shown(micros).padStart(10)} ${(micros / base).toFixed(1).padStart(6)}×`);
}
