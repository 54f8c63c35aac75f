// Shared by the end-to-end tests: a static server for www/, Debian's Chromium, and a record of
// every request the page makes, so a test can prove nothing left the machine.

import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
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
