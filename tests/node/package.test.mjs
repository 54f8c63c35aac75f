// The npm package as an integrator gets it: `npm pack` pkg/, install the tarball into a fresh
// project (offline: the package has no dependencies), then use it from ESM and from TypeScript.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = join(root, "pkg");
const tsc = join(root, "tools/node_modules/typescript/bin/tsc");
const run = (command, args, cwd) =>
  {
    try {
      return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      // Say what failed (tsc writes its errors to stdout).
      error.message += `\n${error.stdout ?? ""}${error.stderr ?? ""}`;
      throw error;
    }
  };

const project = mkdtempSync(join(tmpdir(), "patent-intensive-consumer-"));
test.after(() => rmSync(project, { recursive: true, force: true }));

test("npm pack, then npm install of the tarball with no registry", () => {
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
  assert.equal(manifest.name, "patent-intensive");
  assert.equal(manifest.version, /^version = "(.+)"$/m.exec(cargo)[1]);
  const tarball = run("npm", ["pack", "--silent", "--pack-destination", project, pkg], project).trim();
  assert.equal(tarball, `patent-intensive-${manifest.version}.tgz`);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", `./${tarball}`], project);
  const installed = JSON.parse(
    readFileSync(join(project, "node_modules/patent-intensive/package.json"), "utf8"),
  );
  assert.equal(installed.version, manifest.version);
});

test("ESM: import { assess } from 'patent-intensive' works in Node", () => {
  cpSync(join(root, "examples/fuzhou-bogie-monitor.json"), join(project, "input.json"));
  writeFileSync(
    join(project, "consumer.mjs"),
    `import { readFileSync } from "node:fs";
import { Assessor, assess, assessJson, validate, packs, normalizePatentNumber, catalogue, patentKey, nameKey, version } from "patent-intensive";
import * as web from "patent-intensive/web";
const input = JSON.parse(readFileSync("input.json", "utf8"));
const report = assess(input);
const wasm = readFileSync(new URL(import.meta.resolve("patent-intensive/patent_intensive_bg.wasm")));
web.initSync({ module: wasm });
console.log(JSON.stringify({
  verdicts: report.products.map((p) => p.verdict),
  same: assessJson(JSON.stringify(input)) === JSON.stringify(report),
  engine: new Assessor().assessJson(input) === JSON.stringify(report),
  web: web.assessJson(input) === JSON.stringify(report),
  errors: validate(input).filter((f) => f.severity === "error").length,
  packs: packs().length,
  number: normalizePatentNumber("ZL202010566088.9").number,
  version: version(),
  catalogue: catalogue(),
  keys: ["ZL 2020 1 0566088.9", "ＣＮ２０２０１０５６６０８８．９", " us 11223344 b2"].map(patentKey),
  webKey: web.patentKey("ZL202010566088.9"),
  names: nameKey("福州示例（智能） 装备有限公司") === nameKey("福州示例(智能)装备有限公司"),
  schema: import.meta.resolve("patent-intensive/input.schema.json").endsWith("input.schema.json"),
}));
`,
  );
  const out = JSON.parse(run("node", ["consumer.mjs"], project));
  assert.deepEqual(out.verdicts, ["qualifies", "does_not_qualify"]);
  assert.equal(out.same, true);
  assert.equal(out.engine, true);
  assert.equal(out.web, true);
  assert.equal(out.errors, 0);
  assert.equal(out.packs, 2);
  assert.equal(out.number, "202010566088.9");
  assert.match(out.version, /^\d+\.\d+\.\d+/);
  assert.equal(out.schema, true);
  assert.equal(out.catalogue.format, "patent-intensive/catalogue@2");
  assert.equal(out.catalogue.engine_version, out.version);
  assert.deepEqual(
    out.catalogue.criteria.map((c) => c.id),
    ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "B1", "B2", "B3", "B4"],
  );
  assert.deepEqual(
    out.catalogue.labels.legal_status.map((l) => l.value),
    ["pending", "valid", "expired", "lapsed", "invalidated", "abandoned", "rejected"],
  );
  assert.deepEqual(out.catalogue.labels.org_type[0], {
    value: "enterprise",
    label: { zh: "企业", en: "enterprise" },
  });
  assert.deepEqual(out.keys, ["202010566088.9", "202010566088.9", "US11223344B2"]);
  assert.equal(out.webKey, "202010566088.9");
  assert.equal(out.names, true);
});

test("TypeScript: a typed consumer and the real reports pass tsc --noEmit; a wrong one does not", () => {
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  writeFileSync(
    join(project, "consumer.ts"),
    `import { Assessor, assess, normalizePatentNumber, catalogue, patentKey, nameKey, verify, packs, checkPack,
  importPatentsCsv, type Input, type Report, type ProductResult, type CriterionResult,
  type Finding, type Verdict, type Catalogue, type LegalStatus, type CriterionId, type PackInfo,
  type PackCheck, type PatentImport, type Patent, type FindingCode, type VerdictsReport,
  type Verification } from "patent-intensive";

const input: Input = {
  format: "patent-intensive/assessment-input@1",
  round_year: 2025,
  reference_date: "2025-09-30",
  filer: { name: "福州示例智能装备有限公司", uscc: "914403001922038216", org_type: "enterprise" },
  patents: [{ number: "ZL 2020 1 0566088.9", legal_status: "valid", filing_date: "2020-06-18" }],
  products: [{ id: "P1", patents: [{ number: "202010566088.9", core: true }],
    economics: [{ year: 2024, unit: "wan", sales_revenue: "3200", profit: 410.5 }] }],
};
const report: Report = assess(input, { pack: null });
const short: VerdictsReport = assess(input, { detail: "verdicts" });
const firstGap: string | undefined = short.products[0]?.criteria[0]?.gap?.zh;
const title: string | undefined = report.catalogue["G1"]?.title.en;
const counts: boolean | undefined = report.patents[report.products[0]?.counted_patents[0] ?? ""]?.counts;
const engine = new Assessor();
const again: string = engine.assessJson(input);
engine.free();
const errors: Finding[] = report.findings.filter((f) => f.severity === "error");
const product: ProductResult | undefined = report.products[0];
const criteria: CriterionResult[] = product?.criteria ?? [];
const verdicts: Verdict[] = criteria.map((c) => c.verdict);
const gap: string | undefined = criteria[0]?.gap?.en;
const n = normalizePatentNumber("202010566088.9");
const canonical: string = n.ok ? n.number : n.finding.code;
const book: Catalogue = catalogue();
const statuses: LegalStatus[] = book.labels.legal_status.map((l) => l.value);
const g3: string | undefined = book.criteria.find((c) => c.id === "G3")?.rule.zh;
const key: string = patentKey("ZL 2020 1 0566088.9") + nameKey("示例");
console.log(errors.length, verdicts, gap, canonical, report.pack?.sha256, again.length, statuses, g3, key, firstGap, title, counts);
// The generated shapes: optional members, narrowed ids, the binding-only answers.
const ids: CriterionId[] = criteria.map((c) => c.id);
const cited: string[] = (product?.criteria[3]?.indicators ?? []).flatMap((i) => i.patents ?? []);
const failing: CriterionId[] = product?.outlook.rounds.flatMap((r) => r.failing) ?? [];
const packList: PackInfo[] = packs();
const last: number | null = packList[0]?.rounds.last ?? null;
const check: PackCheck = checkPack("{}");
const imported: PatentImport = importPatentsCsv("number,legal_status\\n202010566088.9,valid\\n");
const first: Patent | undefined = imported.patents[0];
const row: number | undefined = imported.problems[0]?.row;
const code: FindingCode | "engine_failure" | undefined = check.findings[0]?.code;
console.log(ids, cited, failing, last, first?.number, row, code);
const checked: Verification = verify(input, JSON.stringify(report), { pack: null });
const named: (string | undefined)[] = checked.verified ? [] : checked.differences.map((d) => d.criterion);
console.log(named);
`,
  );
  run("node", [tsc, "-p", "."], project);

  // The declarations describe the real data: every native report as a Report, every example and
  // valid case input as an Input.
  const reports = join(root, "target/native-reports");
  const reportTexts = readdirSync(reports)
    .filter((name) => name.endsWith(".report.json"))
    .map((name) => readFileSync(join(reports, name), "utf8"));
  const verdictsTexts = readdirSync(reports)
    .filter((name) => name.endsWith(".verdicts.json"))
    .map((name) => readFileSync(join(reports, name), "utf8"));
  const inputTexts = [readFileSync(join(root, "examples/fuzhou-bogie-monitor.json"), "utf8")];
  for (const name of readdirSync(join(root, "tests/cases")).filter((n) => n.endsWith(".json"))) {
    const testCase = JSON.parse(readFileSync(join(root, "tests/cases", name), "utf8"));
    if (testCase.input && (testCase.expect?.errors ?? []).length === 0) {
      inputTexts.push(JSON.stringify(testCase.input));
    }
  }
  assert.ok(reportTexts.length >= 141 && verdictsTexts.length >= 100 && inputTexts.length > 100);
  writeFileSync(
    join(project, "data.ts"),
    `import type { Input, Report, VerdictsReport } from "patent-intensive";
export const reports: Report[] = [${reportTexts.join(",\n")}];
export const verdicts: VerdictsReport[] = [${verdictsTexts.join(",\n")}];
export const inputs: Input[] = [${inputTexts.join(",\n")}];
`,
  );
  const config = JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8"));
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ ...config, files: ["data.ts"] }));
  run("node", [tsc, "-p", "."], project);
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify(config));

  writeFileSync(
    join(project, "consumer.ts"),
    `import { assess } from "patent-intensive";
const report = assess({ format: "patent-intensive/assessment-input@1", round_year: "2025" });
const verdict: "certified" = report.products[0].verdict;
const misspelt = report.products[0].criteria.filter((c) => c.id === "G8");
`,
  );
  assert.throws(
    () => run("node", [tsc, "-p", "."], project),
    (error) =>
      /error TS2322/.test(error.stdout) &&
      /"certified"/.test(error.stdout) &&
      /error TS2367/.test(error.stdout) &&
      /"G8"/.test(error.stdout),
  );
});
