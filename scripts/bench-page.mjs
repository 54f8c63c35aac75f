#!/usr/bin/env node
// Page benchmark (not a test: figures vary by machine and load). Opens the self-assessment page
// in Chromium (playwright-core from tests/e2e/), chooses generated drafts of 20 × 500, 200 × 5,000
// and 1,000 × 10,000 (products × patents; tests/e2e/drafts.mjs) and prints, per size:
//   open      choosing the draft → first verdict on screen (the frame after the result is drawn)
//   dom       DOM elements once shown
//   heap      JS heaps after a garbage collection, once idle (every product's result fetched for
//             printing): the page's main thread + the assessment worker
//   echo      a keypress in a text field → the next frame (median and worst of 8 keys)
//   cpu       the main thread's CPU time per key (thread time from a trace of eight more keys
//             typed within the pause, so less moved by other jobs on the machine than the
//             wall-clock figures; `*` when a result was drawn meanwhile all the same)
//   result    the last key → the next result on screen
//   long      main-thread long tasks (> 50 ms) while opening, and while typing
// Targets (docs/page.md): 200 × 5,000 opens within 2 s, echo within 50 ms with no long task from
// typing, a result within 1 s of the last key, < 10,000 elements, heap < 200 MB; 1,000 × 10,000
// within twice those. Usage: node scripts/bench-page.mjs [SIZES...], e.g. 200x5000.
// Needs www/pkg/ (scripts/build-wasm.sh) and tests/e2e/node_modules (npm ci there).

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, startServer, assessed, ROOT } from '../tests/e2e/helpers.mjs';
import { generateDraft } from '../tests/e2e/drafts.mjs';

const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : ['20x500', '200x5000', '1000x10000']).map((s) => s.split('x').map(Number));
const dir = join(ROOT, 'target', 'bench-page');
mkdirSync(dir, { recursive: true });

const server = await startServer();
const browser = await launch();
const rows = [];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

/**
 * JS heaps after a garbage collection: the page's main thread, and the assessment worker's (which
 * holds its own copy of the document and the last report), reached through the worker's target.
 */
async function heap(page, context) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  let worker = null;
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'worker');
    if (target) {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      let next = 0;
      const waiting = new Map();
      cdp.on('Target.receivedMessageFromTarget', (e) => {
        const message = JSON.parse(e.message);
        waiting.get(message.id)?.(message.result);
      });
      const ask = (method) =>
        new Promise((resolve) => {
          next += 1;
          waiting.set(next, resolve);
          cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: next, method }) });
          setTimeout(() => resolve(null), 5000);
        });
      await ask('HeapProfiler.collectGarbage');
      worker = (await ask('Runtime.getHeapUsage'))?.usedSize ?? null;
    }
  } catch {
    // no worker target reachable: its figure stays unknown
  }
  await cdp.detach();
  return { main: usedSize, worker };
}

/**
 * Milliseconds of CPU the page's main thread spent in tasks (top-level, so nothing counted twice)
 * over a trace: the renderer main thread is the one that dispatched the key events.
 */
function mainThreadCpu(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'EventDispatch'));
  if (!main) return NaN;
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  let end = -1;
  let cpu = 0;
  for (const t of tasks) {
    if (t.ts < end) continue;
    cpu += t.tdur ?? 0;
    end = t.ts + t.dur;
  }
  return cpu / 1000;
}

for (const [products, patents] of sizes) {
  const path = join(dir, `draft-${products}x${patents}.json`);
  writeFileSync(path, JSON.stringify(generateDraft(products, patents)));
  const { page, context } = await openPage(browser);
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: e.startTime, ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
    // The frame after each new result is drawn (the page sets data-revision when it draws one).
    window.__results = [];
    document.addEventListener('DOMContentLoaded', () => {
      const results = document.getElementById('results');
      new MutationObserver(() => {
        const revision = results.dataset.revision;
        requestAnimationFrame(() => setTimeout(() => window.__results.push({ revision, at: performance.now(), state: results.dataset.state })));
      }).observe(results, { attributes: true, attributeFilter: ['data-revision'] });
    });
  });
  await page.goto(server.url);
  await assessed(page);
  const revision = await page.getAttribute('#results', 'data-revision');
  await page.evaluate(() => document.getElementById('draft-file').addEventListener('change', () => { window.__chosenAt = performance.now(); }, { capture: true }));
  await page.setInputFiles('#draft-file', path);
  await page.waitForFunction((rev) => document.getElementById('results').dataset.revision !== rev && document.getElementById('results').dataset.state === 'ready' && window.__results.some((r) => r.revision !== rev), revision, { timeout: 600000 });
  const open = await page.evaluate((rev) => {
    const first = window.__results.find((r) => r.revision !== rev);
    return { ms: Math.round(first.at - window.__chosenAt), long: window.__long.filter((l) => l.start >= window.__chosenAt).map((l) => l.ms) };
  }, revision);
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);

  // Typing: eight keys into a product's name, as a person types (about 8 keys a second).
  const field = '#f-products-0-name';
  await page.focus(field);
  await page.keyboard.press('End');
  await page.evaluate((selector) => {
    const el = document.querySelector(selector);
    window.__echo = [];
    window.__typingFrom = performance.now();
    el.addEventListener('keydown', (e) => {
      const start = e.timeStamp;
      el.addEventListener('input', () => requestAnimationFrame(() => setTimeout(() => window.__echo.push(performance.now() - start))), { once: true });
    }, { capture: true });
  }, field);
  const before = await page.getAttribute('#results', 'data-revision');
  for (const key of 'abcdefgh') {
    await page.keyboard.type(key);
    await page.waitForTimeout(120);
  }
  const lastKey = await page.evaluate(() => performance.now());
  await page.waitForFunction((rev) => {
    const r = document.getElementById('results');
    return r.dataset.state === 'ready' && r.dataset.revision !== rev && window.__results.some((x) => x.revision === r.dataset.revision);
  }, before, { timeout: 600000 });
  const typing = await page.evaluate((last) => {
    const r = document.getElementById('results').dataset.revision;
    const shown = window.__results.find((x) => x.revision === r);
    return { echo: window.__echo, result: Math.round(shown.at - last), long: window.__long.filter((l) => l.start >= window.__typingFrom).map((l) => l.ms) };
  }, lastKey);
  // Eight keys more, traced (tracing slows the page, so not while the figures above are taken):
  // the main thread's CPU time (thread time, not wall time) per key, which other jobs on the
  // machine change less than the wall-clock figures. Typed 40 ms apart, within the pause after
  // which the page asks for a result, so the figure is the keys' own cost, not a result's drawing
  // (when a slow machine lets a result in anyway, the figure is marked with `*`).
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  const tracedFrom = await page.getAttribute('#results', 'data-revision');
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await page.keyboard.type('ijklmnop', { delay: 40 });
  await page.waitForTimeout(120);
  await cdp.send('Tracing.end');
  await traced;
  await cdp.detach();
  const cpuPerKey = mainThreadCpu(events) / 8;
  const drawnWhileTraced = (await page.getAttribute('#results', 'data-revision')) !== tracedFrom;
  await page.waitForFunction(() => document.getElementById('results').dataset.state === 'ready', null, { timeout: 600000 });
  // The heap once idle: the page has by then fetched every product's result for printing.
  await page.waitForTimeout(2500 + products * 10);
  const memory = await heap(page, context);
  const row = {
    size: `${products} × ${patents}`,
    open: open.ms,
    dom,
    heap: memory.main,
    workerHeap: memory.worker,
    cpuPerKey: Number(cpuPerKey.toFixed(1)),
    cpuWithResult: drawnWhileTraced,
    echoMedian: Math.round(median(typing.echo)),
    echoMax: Math.round(Math.max(...typing.echo)),
    result: typing.result,
    longOpen: open.long,
    longTyping: typing.long,
  };
  rows.push(row);
  console.log(
    `${row.size.padEnd(14)} open ${String(row.open).padStart(5)} ms   dom ${String(row.dom).padStart(6)}   heap ${mb(row.heap).padStart(7)} + worker ${row.workerHeap === null ? '?' : mb(row.workerHeap)}   ` +
      `echo ${row.echoMedian}/${row.echoMax} ms   cpu ${row.cpuPerKey}${row.cpuWithResult ? '*' : ''} ms/key   result ${row.result} ms after the last key   ` +
      `long tasks: opening [${row.longOpen.join(', ')}] typing [${row.longTyping.join(', ')}]`,
  );
  await context.close();
}

writeFileSync(join(dir, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
await browser.close();
await server.close();
