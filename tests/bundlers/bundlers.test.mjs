// Integrators' bundlers: the npm package as an integrator gets it (`npm pack` of pkg/, installed
// into a fresh project with no registry), imported by name from one small app (app/) that is
// built by Vite, by webpack and by esbuild, each bundle then served from 127.0.0.1 and run in
// Debian's Chromium. Each must give the very report bytes of the package under Node, and ask
// for nothing outside its own origin. Run: `cd tests/bundlers && node --test` (after
// scripts/build-wasm.sh and `npm ci` here).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build as esbuild } from "esbuild";
import { build as vite } from "vite";
import webpack from "webpack";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..", "..");
const pkg = join(root, "pkg");
const exampleText = readFileSync(join(root, "examples/fuzhou-bogie-monitor.json"), "utf8");

// The reference: the same package under Node.
const node = await import(join(pkg, "node.js"));
const expectedJson = node.assessJson(exampleText);

const project = mkdtempSync(join(tmpdir(), "patent-intensive-bundlers-"));
const app = join(project, "app");
let browser;

before(() => {
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", project, pkg], {
    cwd: project,
    encoding: "utf8",
  }).trim();
  assert.equal(tarball, `patent-intensive-${manifest.version}.tgz`);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "integrator", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", `./${tarball}`], {
    cwd: project,
    stdio: ["ignore", "pipe", "pipe"],
  });
  cpSync(join(here, "app"), app, { recursive: true });
  writeFileSync(join(app, "example.js"), `export const exampleText = ${JSON.stringify(exampleText)};\n`);
});

after(async () => {
  await browser?.close();
  rmSync(project, { recursive: true, force: true });
});

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Serves a folder on 127.0.0.1 at a free port. */
async function serve(folder) {
  const server = createServer((req, res) => {
    let file = normalize(join(folder, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!file.startsWith(folder + sep) && file !== folder) return res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Opens the built app in Chromium and returns what it assessed, with every request it made.
 * Requests to any other origin are recorded and refused, so nothing leaves the machine.
 */
async function run(folder) {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const server = await serve(folder);
  const context = await browser.newContext();
  const requests = [];
  const errors = [];
  try {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`) || url.startsWith("data:")) return route.continue();
      return route.abort();
    });
    const page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    // A page error ends the wait at once, with its message, instead of a time-out.
    const failed = new Promise((_, reject) =>
      page.on("pageerror", (error) => {
        errors.push(error.message);
        reject(new Error(`page error: ${error.message}; requests: ${requests.join(" ")}`));
      }),
    );
    failed.catch(() => {});
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${server.origin}/`);
    await Promise.race([
      page.waitForFunction(() => document.documentElement.dataset.result, null, { timeout: 20_000 }),
      failed,
    ]);
    const result = JSON.parse(await page.evaluate(() => document.documentElement.dataset.result));
    return { result, requests, errors, origin: server.origin };
  } finally {
    await context.close();
    await server.close();
  }
}

function check({ result, requests, errors, origin }, bundler) {
  assert.deepEqual(errors, [], `${bundler}: no page or console errors`);
  assert.deepEqual(
    requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:")),
    [],
    `${bundler}: requests to other origins`,
  );
  assert.ok(requests.some((u) => u.endsWith(".wasm")), `${bundler}: the module was loaded from the app's origin`);
  // The worked example: P1 meets the reference benchmark; P2 fails all four benchmark dimensions.
  assert.deepEqual(result.verdicts, [
    ["P1", "qualifies"],
    ["P2", "does_not_qualify"],
  ]);
  assert.deepEqual(result.failed, ["P2 B1", "P2 B2", "P2 B3", "P2 B4"]);
  assert.equal(result.reportJson, expectedJson, `${bundler}: the report bytes of the package under Node`);
  assert.equal(result.version, node.version());
  assert.equal(result.criteria, 11);
  assert.equal(result.key, "202010566088.9");
}

test("Vite: a production build of an app importing the package runs in Chromium", async () => {
  const out = join(project, "out-vite");
  await vite({ root: app, logLevel: "error", configFile: false, build: { outDir: out, emptyOutDir: true } });
  check(await run(out), "vite");
});

test("webpack: a production build of an app importing the package runs in Chromium", async () => {
  const out = join(project, "out-webpack");
  const stats = await new Promise((ok, fail) =>
    webpack(
      {
        mode: "production",
        context: app,
        entry: "./main.js",
        output: { path: out, filename: "main.js", clean: true },
        performance: { hints: false },
        devtool: false,
      },
      (error, result) => (error ? fail(error) : ok(result)),
    ),
  );
  assert.equal(stats.hasErrors(), false, stats.toString("errors-only"));
  writeFileSync(
    join(out, "index.html"),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script src="main.js"></script>\n',
  );
  check(await run(out), "webpack");
});

test("esbuild: a bundle of an app importing the package runs in Chromium", async () => {
  const out = join(project, "out-esbuild");
  mkdirSync(out, { recursive: true });
  await esbuild({
    entryPoints: [join(app, "main.js")],
    bundle: true,
    format: "esm",
    platform: "browser",
    outdir: out,
    logLevel: "error",
  });
  // esbuild leaves `new URL("./patent_intensive_bg.wasm", import.meta.url)` as it is: the
  // integrator puts the module next to the bundle (npm/README.md says so).
  copyFileSync(join(project, "node_modules/patent-intensive/patent_intensive_bg.wasm"), join(out, "patent_intensive_bg.wasm"));
  writeFileSync(
    join(out, "index.html"),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="main.js"></script>\n',
  );
  check(await run(out), "esbuild");
});
