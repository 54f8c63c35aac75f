// The figures of docs/hostile-input.md: the hostile inputs natively (release CLI) and
// through the package (pkg/), each report compared byte for byte. Run after
// `cargo build --release -p patent-intensive-cli` and scripts/build-wasm.sh: `node scripts/hostile-figures.mjs`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const root = new URL("../", import.meta.url).pathname;
const { assessJson, assess } = await import(join(root, "pkg/node.js"));
const dir = mkdtempSync(join(tmpdir(), "pi-figures-"));
const compact = JSON.stringify(JSON.parse(readFileSync(root + "examples/fuzhou-bogie-monitor.json", "utf8")));
const members = []; for (let i = 0; i < 4_000_000; i++) members.push(`"u${i}":0`);
const cases = {
  "1,000,000-digit amount": compact.replace('"3200"', "7".repeat(1_000_000)),
  "1,000,000-digit amount, quoted": compact.replace('"3200"', `"${"7".repeat(1_000_000)}"`),
  "2,000,000-digit amount": compact.replace('"3200"', "7".repeat(2_000_000)),
  "1 MB string (product name)": compact.replace('"智能转向架监测终端"', `"${"x".repeat(1_000_000)}"`),
  "4,000,000 unknown members": `{${members.join(",")}}`,
};
const best = (f, n = 3) => { let b = Infinity, r; for (let i = 0; i < n; i++) { const t = performance.now(); r = f(); b = Math.min(b, performance.now() - t); } return [b, r]; };
for (const [name, text] of Object.entries(cases)) {
  const file = join(dir, `${name.replace(/[^a-z0-9]/gi, "_")}.json`);
  writeFileSync(file, text);
  const [nms, run] = best(() => spawnSync(root + "target/release/patent-intensive", ["assess", file], { maxBuffer: 1 << 30 }), name.startsWith("4,000") ? 1 : 3);
  const [wms, rep] = best(() => assessJson(text), name.startsWith("4,000") ? 1 : 3);
  console.log(`| ${name} | ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB | ${nms.toFixed(0)} ms | ${wms.toFixed(0)} ms | ${rep.length.toLocaleString("en")} B | ${rep === run.stdout.toString().replace(/\n$/, "") ? "same" : "DIFFERENT"} |`);
}
const [ums, r] = best(() => assess(new Uint8Array(16 * 1024 * 1024)));
console.log(`| assess(new Uint8Array(16 MiB)) | — | — | ${ums.toFixed(1)} ms | ${r.findings[0].code} |`);
const big = " ".repeat(64 * 1024 * 1024 + 1);
const [bms, br] = best(() => assessJson(big));
console.log(`| 64 MiB + 1 string | — | — | ${bms.toFixed(1)} ms | ${JSON.parse(br).findings[0].code} |`);
rmSync(dir, { recursive: true, force: true });
