// The JSON Schema shipped in the package (generated from the Rust field tables) against every
// example and every case input, checked with an independent validator (ajv, draft 2020-12).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const Ajv2020 = require("../../tools/node_modules/ajv/dist/2020.js").default;
const root = new URL("../../", import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, root), "utf8"));

const schema = json("pkg/input.schema.json");
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
const valid = ajv.compile(schema);
const problems = () => ajv.errorsText(valid.errors);

const files = (dir) =>
  readdirSync(new URL(dir, root))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `${dir}${name}`);

test("the schema is draft 2020-12 and compiles strictly", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
});

test("every example validates", () => {
  const examples = files("examples/");
  assert.ok(examples.length > 0);
  for (const path of examples) assert.ok(valid(json(path)), `${path}: ${problems()}`);
});

test("every case input the engine accepts validates", () => {
  let checked = 0;
  for (const path of files("tests/cases/")) {
    const testCase = json(path);
    if (!testCase.input || (testCase.expect?.errors ?? []).length > 0) continue;
    assert.ok(valid(testCase.input), `${path}: ${problems()}`);
    checked += 1;
  }
  assert.ok(checked >= 100, `only ${checked} valid cases`);
});

test("inputs with structural errors are rejected by the schema too", () => {
  const structural = new Set(["unknown_field", "wrong_type", "invalid_enum", "unsupported_format"]);
  let checked = 0;
  for (const path of files("tests/cases/")) {
    const testCase = json(path);
    const errors = testCase.expect?.errors ?? [];
    if (!testCase.input || !errors.some((e) => structural.has(e.code))) continue;
    assert.equal(valid(testCase.input), false, `${path} should not validate`);
    checked += 1;
  }
  assert.ok(checked > 0);
});
