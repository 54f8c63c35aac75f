// End-to-end tests of the own rule pack on the page (www/js/pack-panel.js): loading a pack
// changes the verdicts and the banner names it; an invalid pack shows its findings and leaves the
// previous pack in use; the benchmark row per product; the pack view; autosave and drafts; the
// verify tab naming the pack a report needs. One product's detailed result is shown at a time: a
// test opens a product (showResult) before reading its benchmark row. Screenshots in zh and en go
// to artifacts/e2e/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, artifact, assessed, axe, criterion, session, shoot, showResult, verdicts } from './helpers.mjs';

const EXAMPLE = join(ROOT, 'examples', 'fuzhou-bogie-monitor.json');
const EMBEDDED = JSON.parse(readFileSync(join(ROOT, 'packs', 't-ppac-402-2022.json'), 'utf8'));
const CATEGORY_PACK = join(ROOT, 'examples', 'packs', 'two-category-rows.example.json');

/**
 * The embedded 2023–2025 pack with the B1 sales threshold raised to 40,000,000 CNY, above the
 * worked example's P1 sales (3,200 万元 = 32,000,000 CNY), marked official for the test.
 */
function raisedPack() {
  const pack = structuredClone(EMBEDDED);
  pack.id = 'test/raised-b1';
  pack.version = '9.9.9';
  const sales = pack.benchmarks[0].thresholds['B1.sales_revenue'];
  sales.value = '40000000';
  sales.basis = 'official';
  sales.source = 'test value, not a real benchmark';
  return pack;
}

const asFile = (name, value) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2), 'utf8') });

const { open, assertClean } = session();

/** Chooses a pack file in the panel and waits for the assessment it causes. */
async function loadPack(page, file) {
  if ((await page.getAttribute('#pack-toggle', 'aria-expanded')) !== 'true') await page.click('#pack-toggle');
  const revision = await page.getAttribute('#results', 'data-revision');
  await page.setInputFiles('#pack-file', file);
  return revision;
}

async function waitForPackInBanner(page, id) {
  await page.waitForFunction((want) => document.getElementById('banner-pack')?.dataset.packId === want, id);
  await assessed(page);
}

test('the pack panel has every word in Chinese and in English', async () => {
  const opened = await open();
  const { page } = opened;
  const problems = await page.evaluate(async () => {
    const { PACK_PANEL_STRINGS } = await import('/js/pack-panel.js');
    return Object.entries(PACK_PANEL_STRINGS)
      .filter(([, v]) => !Array.isArray(v) || v.length !== 2 || !v[0] || !v[1] || !/[\u4e00-\u9fff]/.test(v[0]))
      .map(([k]) => k);
  });
  assert.deepEqual(problems, []);
  await assertClean(opened);
});

test('a pack raising the B1 sales threshold turns P1 from meets to does not meet; the banner names it', async () => {
  const opened = await open();
  const { page } = opened;
  assert.deepEqual(await verdicts(page), { P1: 'qualifies', P2: 'does_not_qualify' });
  assert.equal((await criterion(page, 'P1', 'B1')).verdict, 'pass');
  assert.equal(await page.isVisible('#pack-file'), false, 'the file control is behind "use my own rule pack"');
  assert.equal(await page.getAttribute('#banner-pack', 'data-own'), 'false');

  await page.click('#pack-toggle');
  assert.equal(await page.isVisible('#pack-file'), true);
  const pack = raisedPack();
  await page.setInputFiles('#pack-file', asFile('raised.json', pack));
  await waitForPackInBanner(page, 'test/raised-b1');
  assert.deepEqual(await verdicts(page), { P1: 'does_not_qualify', P2: 'does_not_qualify' });
  const b1 = await criterion(page, 'P1', 'B1');
  assert.equal(b1.verdict, 'fail');
  assert.match(b1.text, /40,000,000/);

  const banner = await page.textContent('#banner-pack');
  const sha = await page.getAttribute('#banner-pack', 'data-pack-sha');
  assert.equal(sha.length, 64);
  assert.ok(banner.includes('test/raised-b1') && banner.includes('9.9.9'), banner);
  assert.ok(banner.includes(sha.slice(0, 12)), banner);
  assert.match(banner, /官方值 1 个，参考值 6 个/);
  assert.equal(await page.getAttribute('#banner-pack', 'data-own'), 'true');
  assert.equal(await page.textContent('[data-meta="meta.packSha"]'), sha, 'the report carries the pack used');
  await showResult(page, 'P1');
  assert.match(await page.textContent('#report .product-result[data-product="P1"] .benchmark-row'), /\*（全部类别）/);
  assert.match(await page.textContent('#pack-active'), /test\/raised-b1/);
  await shoot(page, '#pack-panel', 'pack-panel-zh.png');

  // The pack view compares with the embedded pack it replaces: only the raised threshold differs.
  await page.click('#pack-view-toggle');
  const marked = await page.$$eval('#pack-view td[data-changed="true"]', (els) => els.map((td) => td.closest('tr').dataset.indicator ?? td.closest('tr').dataset.parameter));
  assert.deepEqual(marked, ['B1.sales_revenue']);
  assert.match(await page.textContent('#pack-view tr[data-indicator="B1.sales_revenue"]'), /≥ 40,000,000.*≥ 5,000,000/s);
  await page.click('#pack-view-toggle');

  // Every later assessment keeps using it.
  await page.fill('#f-products-0-economics-1-sales_revenue', '4100');
  await assessed(page);
  assert.equal((await criterion(page, 'P1', 'B1')).verdict, 'pass', '41,000,000 meets the raised threshold');
  await page.fill('#f-products-0-economics-1-sales_revenue', '3200');
  await assessed(page);
  assert.equal((await criterion(page, 'P1', 'B1')).verdict, 'fail');

  // An invalid pack: its findings with their paths, and the previous pack stays in use.
  const broken = raisedPack();
  broken.id = 'test/broken';
  broken.benchmarks[0].thresholds['B1.sales_revenue'].value = '-5';
  delete broken.benchmarks[0].title;
  await page.setInputFiles('#pack-file', asFile('broken.json', broken));
  await page.waitForFunction(() => !document.getElementById('pack-error-summary')?.hidden);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'pack-error-summary');
  const paths = await page.$$eval('#pack-error-summary li', (els) => els.map((li) => li.dataset.path));
  assert.ok(paths.includes('/benchmarks/0/thresholds/B1.sales_revenue/value'), paths.join(' '));
  assert.ok(paths.includes('/benchmarks/0/title'), paths.join(' '));
  assert.match(await page.textContent('#pack-error-summary'), /仍在使用：test\/raised-b1 9\.9\.9/);
  assert.equal(await page.getAttribute('#banner-pack', 'data-pack-id'), 'test/raised-b1');
  assert.deepEqual(await verdicts(page), { P1: 'does_not_qualify', P2: 'does_not_qualify' });
  await shoot(page, '#pack-panel', 'pack-invalid-zh.png');

  // Not JSON at all.
  await page.setInputFiles('#pack-file', asFile('not.json', '{"format": '));
  await page.waitForFunction(() => document.querySelector('#pack-error-summary li')?.dataset.code === 'invalid_json');
  assert.equal(await page.getAttribute('#banner-pack', 'data-pack-id'), 'test/raised-b1');
  await axe(page, 'pack-invalid');

  // Removed: the embedded pack again.
  await page.click('#pack-remove');
  await page.waitForFunction(() => document.getElementById('banner-pack')?.dataset.own === 'false');
  await assessed(page);
  assert.deepEqual(await verdicts(page), { P1: 'qualifies', P2: 'does_not_qualify' });
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored without autosave');
  await assertClean(opened);
});

test('a pack with category rows: each product names its row; the pack view, in zh and en, prints on its own', async () => {
  const opened = await open();
  const { page } = opened;
  await loadPack(page, CATEGORY_PACK);
  await waitForPackInBanner(page, 'example/two-category-rows');
  // Row C37: P1's IP intensity 96 / 3,200 = 0.03 is below the example's 0.035 (B1 passes: 32,000,000 >= 30,000,000).
  assert.equal((await criterion(page, 'P1', 'B3')).verdict, 'fail');
  assert.equal((await criterion(page, 'P1', 'B1')).verdict, 'pass');
  assert.equal(await page.getAttribute('#report .product-result[data-product="P1"] .benchmark-row', 'data-benchmark-category'), 'C37');
  // The row sits right under the product's summary line.
  assert.equal(await page.$eval('#report .product-result[data-product="P1"] .benchmark-row', (el) => el.previousElementSibling?.classList.contains('summary')), true);
  await showResult(page, 'P2');
  assert.equal(await page.getAttribute('#report .product-result[data-product="P2"] .benchmark-row', 'data-benchmark-category'), 'C40');
  assert.match(await page.textContent('#report .product-result[data-product="P2"] .benchmark-row'), /C40 — 示例：C40 仪器仪表制造业/);
  assert.match(await page.textContent('#banner-pack'), /官方值 0 个，参考值 21 个/);
  await shoot(page, '#report .banner', 'pack-banner-zh.png');
  await shoot(page, '#report .product-result[data-product="P2"]', 'pack-detail-zh.png');

  await page.click('#pack-view-toggle');
  assert.equal(await page.isVisible('#pack-view'), true);
  const categories = await page.$$eval('#pack-view table.pack-table[data-category]', (els) => els.map((t) => t.dataset.category));
  assert.deepEqual(categories, ['*', 'C37', 'C40']);
  const c37 = await page.textContent('#pack-view table[data-category="C37"] tr[data-indicator="B1.sales_revenue"]');
  assert.match(c37, /≥ 30,000,000/);
  assert.match(c37, /参考值/);
  assert.match(c37, /示例值（虚构/);
  assert.match(await page.textContent('#pack-parameters'), /G4 最少计入专利件数/);
  assert.match(await page.textContent('#pack-view table[data-category="C37"] tr[data-indicator="B3.ip_intensity"]'), /内置规则包没有此行/);
  assert.equal(await page.$('#pack-view td[data-changed="true"]'), null, 'the * row keeps the embedded values (only their source differs)');
  await shoot(page, '#pack-view', 'pack-view-zh.png');
  await axe(page, 'pack-view');

  await page.click('#lang-switch');
  await assessed(page);
  assert.match(await page.textContent('#pack-view'), /Benchmark row C40: Example: C40 instruments/);
  await showResult(page, 'P1');
  assert.match(await page.textContent('#report .product-result[data-product="P1"] .benchmark-row'), /Benchmark row applied: C37/);
  assert.match(await page.textContent('#banner-pack'), /Thresholds by basis: 0 official, 21 reference/);
  await shoot(page, '#pack-view', 'pack-view-en.png');
  await shoot(page, '#report .banner', 'pack-banner-en.png');

  // A printed report names each product's row too.
  await page.evaluate(() => {
    window.print = () => window.dispatchEvent(new Event('beforeprint'));
  });
  await page.click('#tool-print');
  await page.waitForFunction(() => document.querySelectorAll('#print-all .product-result').length === 2);
  assert.deepEqual(await page.$$eval('#print-all .product-result .benchmark-row', (els) => els.map((el) => el.dataset.benchmarkCategory)), ['C37', 'C40']);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // Printing the pack shows the pack view and not the report.
  await page.evaluate(() => { document.body.dataset.print = 'pack'; });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#pack-view'), true);
  assert.equal(await page.isVisible('#results'), false);
  assert.equal(await page.isVisible('#form'), false);
  await page.pdf({ path: artifact('pack-view.pdf'), format: 'A4' });
  await page.evaluate(() => { delete document.body.dataset.print; });
  assert.equal(await page.isVisible('#pack-panel'), false, 'a printed report leaves the pack panel out');
  assert.equal(await page.isVisible('#results'), true);
  await assertClean(opened);
});

test('autosave keeps the pack with the draft; a saved draft records the pack and asks for it when opened', async () => {
  const opened = await open();
  const { page } = opened;
  const pack = raisedPack();
  await loadPack(page, asFile('raised.json', pack));
  await waitForPackInBanner(page, 'test/raised-b1');
  const sha = await page.getAttribute('#banner-pack', 'data-pack-sha');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'no storage before autosave');

  await page.check('#autosave');
  assert.deepEqual((await page.evaluate(() => Object.keys(localStorage))).sort(), ['patent-intensive.autosave', 'patent-intensive.draft', 'patent-intensive.pack']);
  await page.reload();
  await waitForPackInBanner(page, 'test/raised-b1');
  assert.equal((await criterion(page, 'P1', 'B1')).verdict, 'fail', 'the pack came back with the draft');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tool-save')]);
  const path = artifact('draft-with-pack.json');
  await download.saveAs(path);
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(saved.pack, `test/raised-b1@sha256:${sha}`);

  await page.uncheck('#autosave');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'autosave off forgets the pack too');
  await page.reload();
  await assessed(page);
  assert.equal(await page.getAttribute('#banner-pack', 'data-own'), 'false');

  // Opening the draft without its pack: the panel asks for the pack file, naming id and SHA-256.
  await page.setInputFiles('#draft-file', path);
  await page.waitForSelector('#pack-needed');
  assert.equal(await page.getAttribute('#pack-needed', 'data-pack-sha'), sha);
  assert.match(await page.textContent('#pack-needed'), /test\/raised-b1/);
  assert.equal(await page.isVisible('#pack-file'), true);
  await assessed(page);
  // Until then the input cannot be assessed: the error summary (which takes focus, as for any
  // opened draft with errors) names the pack the draft asks for — its first 60 characters, as
  // every finding quotes what the user wrote (input-format.md, "Interoperability and limits");
  // the panel above carries the whole SHA-256.
  const reference = `test/raised-b1@sha256:${sha}`;
  assert.match(await page.textContent('#error-summary [data-path="/pack"]'), new RegExp(`${reference.slice(0, 60)}…`));
  assert.equal(await page.$$eval('#report .product-result', (els) => els.length), 0);
  await shoot(page, '#pack-panel', 'pack-needed-zh.png');

  await page.setInputFiles('#pack-file', asFile('raised.json', pack));
  await waitForPackInBanner(page, 'test/raised-b1');
  assert.equal(await page.$('#pack-needed'), null);
  assert.deepEqual(await verdicts(page), { P1: 'does_not_qualify', P2: 'does_not_qualify' });
  await assertClean(opened);
});

test('verify: a report made with an own pack names the pack it needs, and verifies with it', async () => {
  const opened = await open({ query: '?lang=en' });
  const { page } = opened;
  const pack = raisedPack();
  await loadPack(page, asFile('raised.json', pack));
  await waitForPackInBanner(page, 'test/raised-b1');
  const sha = await page.getAttribute('#banner-pack', 'data-pack-sha');
  const [report] = await Promise.all([page.waitForEvent('download'), page.click('#tool-export')]);
  const reportPath = artifact('report-own-pack.json');
  await report.saveAs(reportPath);
  const [draft] = await Promise.all([page.waitForEvent('download'), page.click('#tool-save')]);
  const draftPath = artifact('draft-own-pack.json');
  await draft.saveAs(draftPath);

  await page.click('#tab-verify');
  await page.setInputFiles('#verify-input-file', draftPath);
  await page.setInputFiles('#verify-report-file', reportPath);
  await page.waitForFunction(() => document.getElementById('verify-report-text').value.length > 0 && document.getElementById('verify-input-text').value.length > 0);
  await page.click('#verify-run');
  assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'pack');
  const needed = await page.textContent('#verify-pack-needed');
  assert.ok(needed.includes(`the report needs rule pack \`test/raised-b1\` version 9.9.9 (sha256 ${sha})`), needed);
  assert.equal(await page.$('#verify-differences'), null, 'no list of differences made with another pack');

  await page.setInputFiles('#verify-pack-file', asFile('raised.json', pack));
  await page.waitForFunction(() => document.getElementById('verify-pack-text').value.length > 0);
  await page.click('#verify-run');
  assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'match');
  await page.screenshot({ path: artifact('verify-own-pack-en.png') });

  // Another pack given: the report's pack is named beside the differences.
  await page.setInputFiles('#verify-pack-file', CATEGORY_PACK);
  await page.waitForFunction(() => document.getElementById('verify-pack-text').value.includes('two-category-rows'));
  await page.click('#verify-run');
  assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'mismatch');
  assert.match(await page.textContent('#verify-pack-other'), /but the report needs test\/raised-b1 9\.9\.9/);
  await assertClean(opened);
});
