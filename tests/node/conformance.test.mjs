// Every conformance case through the WebAssembly build (pkg/, as integrators get it), asserting
// the report bytes equal the native engine's (written by `cargo run --example native_reports`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Assessor, assess, assessJson } from "../../pkg/node.js";

const dir = new URL("../../target/native-reports/", import.meta.url);
const cases = readdirSync(dir)
  .filter((name) => name.endsWith(".input.json"))
  .map((name) => name.slice(0, -".input.json".length))
  .sort();

const read = (name) => readFileSync(new URL(name, dir), "utf8");
// Cases given as exact text (duplicate members, a BOM, more digits than a double holds): passing
// them as objects would change them before the engine sees them.
const textOnly = (name) => existsSync(new URL(`${name}.text-only`, dir));
const packOf = (name) => {
  try {
    return read(`${name}.pack.json`);
  } catch {
    return undefined;
  }
};

test("the native reports are there", () => {
  assert.ok(cases.length >= 141, `found ${cases.length} cases`);
});

test("WASM report bytes equal the native ones for every case (input as JSON text)", () => {
  const different = [];
  for (const name of cases) {
    const pack = packOf(name);
    const report = assessJson(read(`${name}.input.json`), pack ? { pack } : undefined);
    if (report !== read(`${name}.report.json`)) different.push(name);
  }
  assert.deepEqual(different, []);
});

test("detail: verdicts gives the native bytes for every case too", () => {
  const engine = new Assessor();
  const different = [];
  let compared = 0;
  for (const name of cases) {
    if (!existsSync(new URL(`${name}.verdicts.json`, dir))) continue;
    const pack = packOf(name);
    const expected = read(`${name}.verdicts.json`);
    const options = pack ? { pack, detail: "verdicts" } : { detail: "verdicts" };
    if (assessJson(read(`${name}.input.json`), options) !== expected) different.push(name);
    if (engine.assessJson(read(`${name}.input.json`), options) !== expected) different.push(`${name} (Assessor)`);
    compared += 1;
  }
  engine.free();
  assert.ok(compared >= 100, `compared ${compared}`);
  assert.deepEqual(different, []);
});

test("a prepared Assessor gives the same bytes for every case, twice over", () => {
  const engine = new Assessor();
  const different = [];
  for (const name of cases) {
    const pack = packOf(name);
    const input = read(`${name}.input.json`);
    const expected = read(`${name}.report.json`);
    for (let round = 0; round < 2; round += 1) {
      if (engine.assessJson(input, pack ? { pack } : undefined) !== expected) different.push(name);
    }
    if (
      !textOnly(name) &&
      JSON.stringify(engine.assess(JSON.parse(input))) !== JSON.stringify(assess(JSON.parse(input)))
    ) {
      different.push(`${name} (object)`);
    }
  }
  engine.free();
  assert.deepEqual(different, []);
});

test("the same for every case whose input is passed as an object", () => {
  // JSON.parse reads numbers as doubles: identical bytes are guaranteed for amounts of up to 15
  // significant digits, which is every case here.
  const different = [];
  for (const name of cases.filter((name) => !textOnly(name))) {
    const pack = packOf(name);
    const input = JSON.parse(read(`${name}.input.json`));
    const report = assess(input, pack ? { pack: JSON.parse(pack) } : undefined);
    if (JSON.stringify(report) !== read(`${name}.report.json`)) different.push(name);
  }
  assert.deepEqual(different, []);
});
