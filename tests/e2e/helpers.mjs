// Shared by the end-to-end tests: a static server for www/, Debian's Chromium, and a record of
// every request the page makes, so a test can prove nothing left the machine; and the steps every
// test file repeats (a server and browser per file, opening the page, the clean-page checks,
// screenshots without the live strip, axe-core), so a check added to them runs everywhere.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
};

/** Serves a folder on 127.0.0.1 at a free port; `served` lists every path asked for. */
export async function startServer(folder = WWW) {
  const served = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    served.push(path);
    let file = normalize(join(folder, path));
    if (!file.startsWith(folder + sep) && file !== folder) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, served, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium; Playwright gives each launch a fresh, temporary user-data-dir. */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/**
 * A page in a fresh context (own storage), with every request, console error, page error and
 * CSP violation recorded.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: options.locale ?? 'zh-CN' });
  const page = await context.newPage();
  const log = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.message));
  page.on('dialog', (dialog) => dialog.accept());
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page, log };
}

/** Waits until the page has assessed its current document. */
export async function assessed(page) {
  await page.waitForFunction(() => {
    const results = document.getElementById('results');
    return document.documentElement.dataset.ready === 'true' && results?.dataset.state === 'ready';
  });
}

/** The verdict of each product as shown in the results overview, keyed by product id. */
export async function verdicts(page) {
  await assessed(page);
  return page.$$eval('#overview-table tbody tr[data-product]', (els) => Object.fromEntries(els.map((el) => [el.dataset.product, el.dataset.verdict])));
}

/** A product's detailed result is shown on demand: opens it from the overview when it is not. */
export async function showResult(page, product) {
  await assessed(page);
  const selector = `#report .product-result[data-product="${product}"]`;
  if (!(await page.$(selector))) {
    await page.click(`#overview-table tbody tr[data-product="${product}"] button`);
    await page.waitForSelector(selector);
  }
}

export async function criterion(page, product, id) {
  await showResult(page, product);
  return page.$eval(`#report .product-result[data-product="${product}"] [data-criterion="${id}"]`, (el) => ({
    verdict: el.dataset.verdict,
    text: el.innerText,
  }));
}

/** Every URL a page asked for that is neither the local server nor data inside the page. */
export function foreignRequests(urls, origin) {
  return urls.filter((u) => !(origin && u.startsWith(`${origin}/`)) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('file:'));
}

export function artifact(name) {
  return join(ARTIFACTS, name);
}

/** Types into a field found by its JSON pointer (the page's id scheme). */
export function fieldSelector(pointer) {
  return `#f${pointer.replace(/[^A-Za-z0-9_~]/g, '-')}`;
}

/**
 * One local server and one browser for a test file: started before its first test and closed
 * after its last. `server` and `browser` are set once the tests run (read them inside a test).
 * - `open(options)`: the page in a fresh context (`openPage` options: `locale`; also `query`, the
 *   URL's query string, and `viewport`), once it has assessed its document;
 * - `assertClean(opened, origin)`: the page asked nothing of another origin than `origin` (the
 *   local server unless told; `null` for a page opened from a file), broke no CSP rule and logged
 *   no error; then closes its context. Every request it checked is kept in `requests`, so a file
 *   can check what its pages asked for across all its tests.
 */
export function session() {
  const s = {
    server: undefined,
    browser: undefined,
    requests: [],
    async open(options = {}) {
      const opened = await openPage(s.browser, options);
      if (options.viewport) await opened.page.setViewportSize(options.viewport);
      await opened.page.goto(s.server.url + (options.query ?? ''));
      await assessed(opened.page);
      return opened;
    },
    async assertClean({ page, log, context }, origin = s.server.origin) {
      s.requests.push(...log.requests);
      assert.deepEqual(foreignRequests(log.requests, origin), [], 'requests to other origins');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
      assert.deepEqual(log.pageErrors, [], 'uncaught page errors');
      assert.deepEqual(log.consoleErrors, [], 'console errors');
      await context.close();
    },
  };
  before(async () => {
    s.server = await startServer();
    s.browser = await launch();
  });
  after(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}

/** An element screenshot without the fixed verdict strip stitched into it; the strip comes back after. */
export async function shoot(page, selector, name) {
  await page.evaluate(() => { document.getElementById('live-bar').hidden = true; });
  await page.locator(selector).screenshot({ path: artifact(name) });
  await page.evaluate(() => { document.getElementById('live-bar').hidden = false; });
}

let axeSource;

/**
 * Runs axe-core (WCAG 2.1 A and AA, best practice) on the whole page and fails on any serious or
 * critical violation; every violation is written to artifacts/e2e/axe-LABEL.json.
 */
export async function axe(page, label) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  writeFileSync(artifact(`axe-${label}.json`), JSON.stringify(result.violations, null, 2));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`),
    [],
    `axe-core: serious or critical violations (${label})`,
  );
  return result;
}
