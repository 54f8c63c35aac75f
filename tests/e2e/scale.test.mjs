// The page at enterprise scale: generated drafts (tests/e2e/drafts.mjs) of hundreds of products
// and thousands of patents. Deterministic checks only (sizes, behaviour); timings are printed by
// scripts/bench-page.mjs, not asserted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { artifact, assessed, axe, fieldSelector as f, openPage, session } from './helpers.mjs';
import { generateDraft, patentNumber } from './drafts.mjs';

const web = session();
const { open, assertClean } = web;

function draftFile(name, doc) {
  const path = artifact(name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

/** Opens the page, then the draft, and waits for the draft's verdicts. */
async function openDraft(path, options = {}) {
  const opened = await open(options);
  const { page } = opened;
  const before = await page.getAttribute('#results', 'data-revision');
  await page.setInputFiles('#draft-file', path);
  await page.waitForFunction((rev) => {
    const r = document.getElementById('results');
    return r.dataset.state === 'ready' && r.dataset.revision !== rev;
  }, before, { timeout: 120000 });
  return opened;
}

const BIG = generateDraft(200, 5000);

/**
 * An init script (runs before the page's own): the worker's answers are held back while
 * `window.__hold` is set (`window.__held` keeps them to release in the test's order), and every
 * message the page posts to the worker is recorded: `__sent` the ids of assessments, `__posts`
 * each message's type, members, JSON size and the time since the last key (`__keyAt`).
 */
function tapWorker() {
  window.__keyAt = -Infinity;
  window.__posts = [];
  window.__sent = [];
  window.__hold = false;
  window.__held = [];
  document.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, true);
  const Native = window.Worker;
  window.Worker = class extends Native {
    set onmessage(handler) {
      super.onmessage = (event) => {
        if (window.__hold && event.data?.type === 'result') window.__held.push(() => handler(event));
        else handler(event);
      };
    }
    get onmessage() {
      return super.onmessage;
    }
    postMessage(message, ...rest) {
      let bytes = -1;
      try {
        bytes = JSON.stringify(message).length;
      } catch {
        // the compiled module (init) is not JSON
      }
      if (message?.type === 'assess') window.__sent.push(message.id);
      window.__posts.push({ type: message?.type, keys: Object.keys(message ?? {}), bytes, sinceKey: performance.now() - window.__keyAt });
      return super.postMessage(message, ...rest);
    }
  };
}

test('200 products × 5,000 patents: the whole draft opens, under 20,000 DOM elements', async () => {
  const opened = await openDraft(draftFile('draft-200x5000.json', BIG));
  const { page } = opened;
  const state = await page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    rows: document.querySelectorAll('#patents-table tr.patent-row').length,
    products: Number(document.getElementById('overview-title').textContent.match(/\d+/)?.[0]),
    counts: Object.fromEntries([...document.querySelectorAll('#verdict-counts li')].map((li) => [li.dataset.verdict, Number(li.dataset.count)])),
    liveHeight: document.getElementById('live-bar').getBoundingClientRect().height,
    pageHeight: document.documentElement.scrollHeight,
  }));
  console.log(`200×5000: ${JSON.stringify(state)}`);
  assert.ok(state.elements < 20000, `${state.elements} DOM elements`);
  assert.equal(state.rows, 25, 'one page of the patent table');
  assert.equal(state.products, 200);
  assert.equal(Object.values(state.counts).reduce((a, b) => a + b, 0), 200, 'every product has a verdict');
  assert.ok(state.liveHeight < 60, `the live strip is one line (${state.liveHeight}px)`);
  // Paging keeps focus on the pager and shows the next rows.
  await page.focus('#patents-next');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#patents-table tr.patent-row')?.id === 'f-patents-25');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'patents-next');
  // Search by number (any spelling) narrows the table to that patent.
  await page.fill('#patent-search', `ZL ${patentNumber(4321).slice(0, 4)} ${patentNumber(4321).slice(4)}`);
  await page.waitForFunction(() => document.querySelectorAll('#patents-table tr.patent-row').length === 1);
  assert.equal(await page.getAttribute('#patents-table tr.patent-row', 'id'), f('/patents/4321').slice(1));
  await page.fill('#patent-search', '');
  await page.waitForFunction(() => document.querySelectorAll('#patents-table tr.patent-row').length === 25);
  // Filter by legal status and sort by number: the first row is the smallest pending number.
  await page.selectOption('#patent-filter-status', 'pending');
  await page.selectOption('#patent-sort', 'number');
  const statuses = await page.$$eval('#patents-table select[data-path$="/legal_status"]', (els) => els.map((el) => el.value));
  assert.ok(statuses.length > 0 && statuses.every((s) => s === 'pending'), statuses.join());
  const numbers = await page.$$eval('#patents-table .patent-row', (els) => els.map((el) => el.querySelector('.feedback').textContent));
  assert.deepEqual([...numbers].sort(), numbers, 'sorted by number');
  await page.click('#patent-sort-dir');
  const descending = await page.$$eval('#patents-table .patent-row', (els) => els.map((el) => el.querySelector('.feedback').textContent));
  assert.deepEqual([...descending].sort().reverse(), descending, 'and the other way');
  assert.ok(descending[0] > numbers[numbers.length - 1], 'the largest pending number first');
  await page.screenshot({ path: artifact('scale-200x5000-zh.png') });
  // A row's details open on demand; selection and the bulk bar; then axe-core on the whole page.
  await page.click('#patent-toggle-' + (await page.getAttribute('#patents-table tr.patent-row', 'data-index')));
  await page.check('#select-page');
  assert.match(await page.textContent('#bulk-count'), new RegExp(`${statuses.length}`));
  await page.click('#products-open-5');
  await page.fill('#link-add-5', '2019');
  await page.waitForSelector('#link-add-5-list:not([hidden])');
  await axe(page, 'scale-200x5000');
  await page.click('#lang-switch');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifact('scale-200x5000-en.png') });
  await page.locator('#results').screenshot({ path: artifact('scale-200x5000-results-en.png') });
  await assertClean(opened);
});

test('printing: the overview, then every product\'s result in order', async () => {
  const opened = await openDraft(draftFile('draft-20x500.json', generateDraft(20, 500)));
  const { page } = opened;
  // From the browser's own menu (beforeprint only): once the page was left alone, every result
  // has been fetched in the background.
  await page.waitForFunction(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const complete = document.querySelectorAll('#print-all .product-result').length === 20 && !document.querySelector('#print-all .print-missing');
    window.dispatchEvent(new Event('afterprint'));
    return complete;
  }, null, { timeout: 20000, polling: 500 });
  // Headless Chromium has no print dialog: window.print() stands for what it fires.
  await page.evaluate(() => {
    window.print = () => window.dispatchEvent(new Event('beforeprint'));
  });
  await page.click('#tool-print');
  await page.waitForFunction(() => document.querySelectorAll('#print-all .product-result').length === 20);
  const ids = await page.$$eval('#print-all .product-result', (els) => els.map((el) => el.dataset.product));
  assert.deepEqual(ids, Array.from({ length: 20 }, (_, i) => `P${i + 1}`));
  assert.equal(await page.$$eval('#print-all .print-overview tbody tr', (els) => els.length), 20);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#form'), false);
  assert.equal(await page.isVisible('#print-all [data-product="P20"] [data-criterion="B1"]'), true);
  assert.equal(await page.isVisible('#product-detail'), false, 'the open product is printed once, in its place');
  await page.pdf({ path: artifact('scale-20x500.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.$$eval('#print-all > *', (els) => els.length), 0, 'drawn for the print only');
  await assertClean(opened);
});

test('200 × 5,000 at phone width (390 px): patent cards, indicator labels not one character a line', async () => {
  const opened = await openDraft(artifact('draft-200x5000.json'), { viewport: { width: 390, height: 844 } });
  const { page } = opened;
  const card = await page.$eval('#patents-table tr.patent-row', (el) => ({ display: getComputedStyle(el).display, width: el.getBoundingClientRect().width }));
  assert.equal(card.display, 'block', 'a patent row is a card');
  assert.ok(card.width <= 390, `the card fits the screen (${card.width}px)`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 400, `no sideways scrolling of the page (${scrollWidth}px)`);
  await page.click('#overview-open-1');
  await page.waitForSelector('#report .product-result[data-product="P2"]');
  await page.evaluate(() => { for (const d of document.querySelectorAll('#report details')) d.open = true; });
  const labels = await page.$$eval('#report table.indicators th[scope="row"]', (els) =>
    els.map((el) => ({ width: el.getBoundingClientRect().width, font: parseFloat(getComputedStyle(el).fontSize), text: el.textContent })),
  );
  assert.ok(labels.length > 0);
  for (const l of labels) assert.ok(l.width >= 4 * l.font, `"${l.text}" is ${l.width}px wide`);
  await page.screenshot({ path: artifact('scale-200x5000-phone-zh.png') });
  await page.locator('#product-detail').screenshot({ path: artifact('scale-200x5000-phone-detail.png') });
  await page.click('#lang-switch');
  await page.evaluate(() => window.scrollTo(0, document.getElementById('patents-results').offsetTop));
  await page.screenshot({ path: artifact('scale-200x5000-phone-en.png') });
  await assertClean(opened);
});

test('three numbers pasted in mixed spellings become three links; an unknown one is flagged', async () => {
  const doc = generateDraft(20, 500);
  doc.products[3].patents = doc.products[3].patents.slice(0, 2);
  const opened = await openDraft(draftFile('draft-20x500.json', doc));
  const { page } = opened;
  await page.click('#products-open-3');
  await page.waitForSelector('#link-add-3');
  const [a, b, c] = [patentNumber(400), patentNumber(401), patentNumber(402)];
  const pasted = `ZL ${a.slice(0, 4)} ${a.slice(4, 5)} ${a.slice(5)}, CN${b}\n${c.replace('.', '')}  209912345678.9`;
  await page.fill('#link-add-3', pasted);
  // Flagged as entered: the finished unknown number, before anything is linked.
  await page.type('#link-add-3', ',');
  assert.match(await page.textContent('#link-add-3-feedback'), /209912345678\.9/);
  await page.click('#link-add-run-3');
  await assessed(page);
  assert.equal(await page.getAttribute('#link-add-3-feedback', 'data-added'), '3');
  assert.equal(await page.getAttribute('#link-add-3-feedback', 'data-unknown'), '1');
  assert.match(await page.inputValue('#link-add-3'), /209912345678\.9/, 'the unknown number stays to be corrected');
  const links = await page.$$eval('#links-3 > li .link-label', (els) => els.map((el) => el.textContent));
  assert.equal(links.length, 5);
  for (const n of [a, b, c]) assert.ok(links.some((l) => l.startsWith(n)), `${n} linked: ${links.join(' | ')}`);
  for (const l of [2, 3, 4]) assert.equal(await page.$(f(`/products/3/patents/${l}/statement`)) !== null, true);
  // Search-as-you-type: a title fragment offers matching patents; Enter picks the first.
  await page.fill('#link-add-3', '');
  await page.type('#link-add-3', '第 450 号');
  await page.waitForSelector('#link-add-3-list:not([hidden]) [role="option"]');
  await page.press('#link-add-3', 'ArrowDown');
  await page.press('#link-add-3', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#links-3 > li').length === 6);
  assert.match(await page.textContent('#links-3 > li:last-child .link-label'), /第 450 号/);
  await assertClean(opened);
});

test('bulk actions: set the patentee of selected rows, delete them, and their links go too', async () => {
  const doc = generateDraft(20, 500);
  const opened = await openDraft(draftFile('draft-20x500-bulk.json', doc));
  const { page } = opened;
  // P1 links patents 0–24 (drafts.mjs): the three selected are among them.
  for (const i of [0, 1, 2]) await page.check(`#select-patent-${i}`);
  assert.match(await page.textContent('#bulk-count'), /3/);
  await page.fill('#bulk-owner-name', '福建示例轨道研究院');
  await page.fill('#bulk-owner-uscc', '');
  await page.click('#bulk-owner');
  await assessed(page);
  await page.click('#patent-toggle-1');
  assert.equal(await page.inputValue(f('/patents/1/owners/0/name')), '福建示例轨道研究院');
  assert.equal(await page.$(f('/patents/1/owners/1/name')), null, 'the sole patentee');
  const links = async () => Number((await page.textContent(`${f('/products/0/patents')} > legend`)).match(/\d+/)[0]);
  const before = await links();
  await page.click('#bulk-delete');
  await assessed(page);
  assert.match(await page.textContent('#patents-count'), /497/);
  assert.equal(await links(), before - 3, 'links to the deleted patents went with them');
  assert.match(await page.inputValue(f('/patents/0/number')), new RegExp(patentNumber(3).replace('.', '\\.').slice(5)));
  await assertClean(opened);
});

test('an error-summary link reaches a patent on a later page of the table and focuses it', async () => {
  const doc = generateDraft(20, 500);
  const n = patentNumber(321);
  doc.patents[321].number = `${n.slice(0, -1)}${n.endsWith('0') ? '1' : '0'}`;
  const opened = await openDraft(draftFile('draft-20x500-error.json', doc));
  const { page } = opened;
  assert.equal(await page.$(f('/patents/321/number')), null, 'the row is not on the first page');
  const link = page.locator('#error-summary a[data-path="/patents/321/number"]');
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, f('/patents/321/number').slice(1));
  assert.match(await page.textContent('#patents-count'), /301/);
  assert.match(await page.textContent(`${f('/patents/321/number')}-feedback`), /./);
  // Fixing it there clears the error.
  await page.fill(f('/patents/321/number'), n);
  await assessed(page);
  assert.equal(await page.locator('#error-summary a[data-path="/patents/321/number"]').count(), 0);
  await assertClean(opened);
});

test('a newer input supersedes an assessment still running: only the newest result is shown', async () => {
  // The worker's answers are held back by the test, so the order of events is fixed: the answer
  // to "A" arrives after "B" was typed but before "B" was sent (inside the pause after typing).
  const opened = await openPage(web.browser);
  const { page } = opened;
  await page.addInitScript(tapWorker);
  await page.goto(web.server.url);
  await assessed(page);
  await page.evaluate(() => {
    window.__shown = [];
    const results = document.getElementById('results');
    new MutationObserver(() => window.__shown.push(Number(results.dataset.revision))).observe(results, { attributes: true, attributeFilter: ['data-revision'] });
    window.__hold = true;
  });
  const sent = () => page.evaluate(() => window.__sent.length);
  const before = await sent();
  await page.click('#products-open-1');
  await page.focus(f('/products/1/name'));
  await page.keyboard.press('End');
  await page.keyboard.type('A');
  await page.waitForFunction((n) => window.__sent.length === n + 1 && window.__held.length === 1, before);
  await page.keyboard.type('B');
  // "B" is typed and waits for the pause; the answer about "A" arrives now. Released and counted
  // in one task of the page, so the count is the one the answer met; the order holds only while
  // the pause after "B" (250 ms) has not run out, which a loaded machine can exceed between two
  // steps of the test: then the case is "A's answer after B was sent", which the assertion on
  // what is drawn, below, covers as well.
  const met = await page.evaluate(() => {
    const sinceKey = performance.now() - window.__keyAt;
    window.__held.shift()();
    return { sent: window.__sent.length, sinceKey };
  });
  if (met.sinceKey < 200) assert.equal(met.sent, before + 1, '"B" is not sent yet');
  await page.waitForFunction((n) => window.__sent.length === n + 2 && window.__held.length === 1, before);
  await page.evaluate(() => {
    window.__hold = false;
    window.__held.shift()();
  });
  await assessed(page);
  const [idA, idB] = await page.evaluate(() => window.__sent.slice(-2));
  const shown = await page.evaluate(() => window.__shown);
  assert.deepEqual(shown, [idB], `only the newest answer is drawn (answers for A = ${idA}, B = ${idB}; drawn: ${shown.join(', ')})`);
  assert.match(await page.textContent('#overview-table tbody tr[data-product="P2"]'), /便携式轨道巡检仪AB/);
  await assertClean(opened);
});

test('typing never calls the engine on the main thread: the worker assesses', async () => {
  const opened = await openPage(web.browser);
  const { page } = opened;
  // Counts every call into the engine's assessment exports made on the page's main thread.
  await page.addInitScript(() => {
    window.__mainAssessCalls = 0;
    const wrap = (instance) => {
      const exports = {};
      for (const [name, value] of Object.entries(instance.exports)) {
        exports[name] = typeof value === 'function' && /assess|verify/i.test(name)
          ? (...args) => {
              window.__mainAssessCalls += 1;
              return value(...args);
            }
          : value;
      }
      return Object.create(WebAssembly.Instance.prototype, { exports: { value: exports } });
    };
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async (...args) => {
      const result = await instantiate(...args);
      if (result instanceof WebAssembly.Instance) return wrap(result);
      return { ...result, instance: wrap(result.instance) };
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => {
      const result = await streaming(...args);
      return { ...result, instance: wrap(result.instance) };
    };
  });
  await page.goto(web.server.url);
  await assessed(page);
  const wrapped = await page.evaluate(() => typeof window.__mainAssessCalls);
  assert.equal(wrapped, 'number');
  const before = await page.getAttribute('#results', 'data-revision');
  await page.click('#products-open-1');
  for (const [field, key] of [['sales_revenue', '0'], ['profit', '9']]) {
    await page.focus(f(`/products/1/economics/0/${field}`));
    await page.keyboard.press('End');
    await page.keyboard.type(key, { delay: 30 });
  }
  await assessed(page);
  assert.notEqual(await page.getAttribute('#results', 'data-revision'), before, 'a new result arrived');
  assert.match(await page.textContent('#report .product-result[data-product="P2"] [data-criterion="B1"]'), /42,000,000/);
  assert.equal(await page.evaluate(() => window.__mainAssessCalls), 0, 'no assessment on the main thread');
  // The same instrumentation does see a main-thread call (the verify tab runs one), so the zero means something.
  await page.click('#tab-verify');
  await page.fill('#verify-input-text', '{}');
  await page.fill('#verify-report-text', '{}');
  await page.click('#verify-run');
  assert.ok((await page.evaluate(() => window.__mainAssessCalls)) > 0, 'the counter counts');
  await assertClean(opened);
});

test('a key in a product\'s name changes nothing on the page but the field, posts no document, repaints only its region', async () => {
  // What a key makes the browser do, counted rather than timed (timings are the benchmark's): the
  // DOM mutations and worker messages caused while a key is handled, and the paint layers the
  // browser paints again for the frame after it (a paint layer's own content is repainted only
  // when something in it changed; the rest of the page is reused as painted).
  const opened = await openPage(web.browser);
  const { page, context } = opened;
  // Answers are held back while the keys are typed (on a slow machine a pause could let one in
  // between two keys, and its drawing is not a key's work).
  await page.addInitScript(tapWorker);
  await page.addInitScript(() => {
    window.__mutations = [];
  });
  await page.goto(web.server.url);
  await assessed(page);
  const revision = await page.getAttribute('#results', 'data-revision');
  await page.setInputFiles('#draft-file', draftFile('draft-200x5000.json', BIG));
  await page.waitForFunction((rev) => document.getElementById('results').dataset.state === 'ready' && document.getElementById('results').dataset.revision !== rev, revision, { timeout: 120000 });
  const name = f('/products/0/name');
  await page.focus(name);
  await page.keyboard.press('End');
  // A first key and its result: the keys below start from a page at rest with a result shown.
  await page.keyboard.type('X');
  await assessed(page);
  await page.waitForTimeout(400);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await page.evaluate(() => {
    window.__posts.length = 0;
    new MutationObserver((records) => {
      // Called at the end of the task that made the changes: a key's own task, or a timer's.
      const sinceKey = performance.now() - window.__keyAt;
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        window.__mutations.push({ sinceKey, what: `${r.type} ${el?.id ? `#${el.id}` : el?.tagName} ${r.attributeName ?? ''}`.trim() });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const before = await page.getAttribute('#results', 'data-revision');
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await page.evaluate(() => { window.__hold = true; });
  await page.keyboard.type('YZWV', { delay: 40 });
  await page.waitForTimeout(150);
  await page.evaluate(() => {
    window.__hold = false;
    for (const release of window.__held.splice(0)) release();
  });
  await page.waitForFunction((rev) => document.getElementById('results').dataset.state === 'ready' && document.getElementById('results').dataset.revision !== rev, before, { timeout: 120000 });
  await cdp.send('Tracing.end');
  await traced;
  const { mutations, posts } = await page.evaluate(() => ({ mutations: window.__mutations, posts: window.__posts }));

  // Changed while a key was handled (its own task ends within a few ms of the key; the pause's
  // work comes 250 ms after the last key): only the results' pending state, nothing re-rendered.
  const duringKeys = mutations.filter((m) => m.sinceKey < 100).map((m) => m.what);
  assert.deepEqual([...new Set(duringKeys)].filter((w) => w !== 'attributes #results data-state'), [], `a key changed ${duringKeys.join('; ')}`);
  // Once typing pauses, the product's legend and its row in the products table follow the name.
  assert.match(await page.textContent(`${name.replace(/-name$/, '')} > legend h3`), /XYZWV$/);
  assert.match(await page.textContent('#products-table tbody tr[data-index="0"] td'), /XYZWV$/);
  // A key posts at most a small 'cancel'; after the pause, only the edited value goes to the worker.
  const keyPosts = posts.filter((p) => p.sinceKey < 100);
  assert.ok(keyPosts.every((p) => p.type === 'cancel' && p.bytes < 100), JSON.stringify(keyPosts));
  const assessPosts = posts.filter((p) => p.type === 'assess');
  assert.ok(assessPosts.length >= 1, 'the edit was sent');
  for (const p of assessPosts) {
    assert.ok(p.keys.includes('ops') && !p.keys.includes('doc') && !p.keys.includes('text'), `only what changed is sent: ${p.keys.join()}`);
    assert.ok(p.bytes < 2000, `${p.bytes} bytes sent for one edited name`);
  }
  // Paint: the layers painted again within 100 ms of a key (the frame that shows it) are the
  // product editor's, the field's own region, and on the first key the report's, dimmed while its
  // answer is awaited; never the page's root layer (every region at once).
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'EventDispatch'));
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const keydowns = onMain.filter((e) => e.name === 'EventDispatch' && e.args.data.type === 'keydown').map((e) => e.ts);
  assert.equal(keydowns.length, 4, 'four keys traced');
  const painted = onMain
    .filter((e) => e.name === 'Paint' && e.args.data.nodeName !== '#document')
    .filter((e) => keydowns.some((k) => e.ts > k && e.ts - k < 100000))
    .map((e) => e.args.data.nodeName);
  assert.ok(painted.length > 0, 'a frame after a key was traced');
  const allowed = new Set(["DIV id='product-editor' class='product-editor'", "DIV id='report'"]);
  assert.ok(painted.includes("DIV id='product-editor' class='product-editor'"), `the field's region is painted: ${painted.join('; ')}`);
  assert.deepEqual(painted.filter((layer) => !allowed.has(layer)), [], `layers painted again for a key: ${painted.join('; ')}`);
  await assertClean(opened);
});
