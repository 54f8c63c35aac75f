// The outlook on the page (rules.md §6; www/js/outlook.js): the figure, the table, the overview
// and the iCalendar download, for the worked example, in both languages. Expected values are
// derived by hand from the example and the spec:
//   P1 links 202010566088.9 (own invention, filed 2020-06-18) and 202120345678.9 (utility model
//   under a licence ending 2027-12-31, filed 2021-02-08, term to 2031-02-07). From round 2028
//   (2028-09-30) the licence no longer covers the reference date: G3 fails. P1 holds through 2027.
//   202010566088.9 is P1's only invention patent: critical to B2, fee due 06-18.
//   P2 links only the licensed utility model: B2 fails already in 2025; the utility model is
//   critical to G4, fee due 02-08.
// One product's detailed result is shown at a time: a test opens a product (showResult) before
// reading its outlook. The overview lists the products from the summary; the .ics needs every
// product's full outlook, fetched from the worker when it is asked for.
// Run through scripts/test-e2e.sh (or `node --test outlook.test.mjs` with www/pkg/ built).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { artifact, assessed, session, shoot, showResult } from './helpers.mjs';

const { open, assertClean } = session();

test('the worked example: an SVG per product with the rounds, events and critical patents', async () => {
  const opened = await open();
  const { page } = opened;
  const p1 = '#report .product-result[data-product="P1"] .outlook';
  await showResult(page, 'P1');
  const rounds = await page.$$eval(`${p1} svg.outlook-svg g.outlook-round`, (els) =>
    els.map((g) => [g.dataset.round, g.dataset.verdict]),
  );
  assert.deepEqual(rounds, [
    ['2025', 'pass'], ['2026', 'pass'], ['2027', 'pass'], ['2028', 'fail'], ['2029', 'fail'], ['2030', 'fail'],
    ['2031', 'fail'], ['2032', 'fail'], ['2033', 'fail'], ['2034', 'fail'], ['2035', 'fail'],
  ]);
  assert.equal(await page.$eval(`${p1} svg.outlook-svg`, (svg) => svg.getAttribute('role')), 'img');
  assert.match(await page.$eval(`${p1} svg.outlook-svg title`, (t) => t.textContent), /2027/);
  const events = await page.$$eval(`${p1} svg g.outlook-event`, (els) => els.map((g) => [g.dataset.date, g.dataset.event, g.dataset.patent]));
  assert.deepEqual(events, [
    ['2027-12-31', 'licence_ends', '202120345678.9'],
    ['2031-02-07', 'term_ends', '202120345678.9'],
  ]);
  const critical = await page.$$eval(`${p1} svg g.outlook-critical`, (els) => els.map((g) => g.dataset.patent));
  assert.deepEqual(critical, ['202010566088.9']);
  // Fee ticks: 06-18 of 2026 … 2035, all within R_0 2025-09-30 … R_10 2035-09-30.
  const fees = await page.$$eval(`${p1} svg g.outlook-critical line.outlook-fee`, (els) => els.map((l) => l.dataset.date));
  assert.deepEqual(fees, Array.from({ length: 10 }, (_, i) => `${2026 + i}-06-18`));
  // The figure draws with presentation attributes only: no style attribute anywhere.
  assert.equal(await page.$$eval('.outlook [style]', (els) => els.length), 0);
  await assertClean(opened);
});

test('a table with the same content, for screen readers and print', async () => {
  const opened = await open();
  const { page } = opened;
  await showResult(page, 'P1');
  const rows = await page.$$eval('#report .product-result[data-product="P1"] table.outlook-table tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.round, tr.dataset.verdict, tr.cells[3].textContent]),
  );
  assert.equal(rows.length, 11);
  assert.deepEqual(rows[2], ['2027', 'pass', '—']);
  assert.deepEqual(rows[3], ['2028', 'fail', 'G3']);
  await showResult(page, 'P2');
  const p2 = await page.$$eval('#report .product-result[data-product="P2"] table.outlook-table tbody tr', (trs) =>
    trs.map((tr) => tr.cells[3].textContent),
  );
  assert.equal(p2[0], 'B2');
  assert.equal(p2[3], 'G3, G4, B2');
  await showResult(page, 'P1');
  assert.match(await page.textContent('#report .product-result[data-product="P1"] .outlook-critical-table'), /202010566088\.9.*B2.*2040-06-17.*06-18/s);
  // The overview: both products fail within Y … Y+3 (P2 in 2025, P1 from 2028).
  const overview = await page.$$eval('#outlook-overview li', (lis) => lis.map((li) => li.dataset.product));
  assert.deepEqual(overview, ['P1', 'P2']);
  assert.match(await page.textContent('#outlook-overview li[data-product="P2"]'), /P2：2025 年度即不满足（B2）/);
  assert.match(await page.textContent('#outlook-overview li[data-product="P1"]'), /P1：维持到 2027 年度，2028 年度起不满足（G3）/);
  // A product in the overview opens its result at the outlook.
  await page.click('#outlook-overview li[data-product="P2"] a');
  await page.waitForSelector('#report .product-result[data-product="P2"] .outlook');
  await page.waitForFunction(() => document.activeElement?.closest('.outlook')?.dataset.product === 'P2');
  await showResult(page, 'P1');
  await shoot(page, '#outlook-overview', 'outlook-overview-zh.png');
  await shoot(page, '#report .product-result[data-product="P1"] .outlook', 'outlook-p1-zh.png');
  await assertClean(opened);
});

test('print: every product\'s outlook, after its result, with ids apart from the one on screen', async () => {
  const opened = await open({ query: '?lang=en' });
  const { page } = opened;
  // Headless Chromium has no print dialog: window.print() stands for what it fires.
  await page.evaluate(() => {
    window.print = () => window.dispatchEvent(new Event('beforeprint'));
  });
  await page.click('#tool-print');
  await page.waitForFunction(() => document.querySelectorAll('#print-all .product-result').length === 2);
  const printed = await page.$$eval('#print-all .product-result .outlook', (els) => els.map((el) => [el.dataset.product, el.querySelectorAll('g.outlook-round').length]));
  assert.deepEqual(printed, [['P1', 11], ['P2', 11]]);
  const ids = await page.$$eval('[id]', (els) => els.map((el) => el.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id twice');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#print-all .product-result[data-product="P2"] .outlook-figure'), true);
  assert.equal(await page.isVisible('#outlook-overview'), true, 'the overview prints');
  assert.equal(await page.isVisible('#outlook-overview .outlook-ics'), false, 'not the download button');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await assertClean(opened);
});

test('the overview lists twenty products failing soon until asked for all', async () => {
  const opened = await open({ query: '?lang=en' });
  const { page } = opened;
  // The worked example with P2 (fails in 2025, B2) copied 24 times: 26 products fail soon.
  const doc = JSON.parse(readFileSync(new URL('../../examples/fuzhou-bogie-monitor.json', import.meta.url), 'utf8'));
  const p2 = doc.products.find((p) => p.id === 'P2');
  for (let i = 3; i <= 26; i += 1) doc.products.push({ ...structuredClone(p2), id: `P${i}` });
  await page.setInputFiles('#draft-file', { name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc), 'utf8') });
  await page.waitForFunction(() => document.querySelectorAll('#overview-table tbody tr').length > 2);
  await assessed(page);
  const listed = await page.$$eval('#outlook-overview li', (lis) => lis.map((li) => li.dataset.product));
  assert.deepEqual(listed, ['P1', 'P2', ...Array.from({ length: 18 }, (_, i) => `P${i + 3}`)]);
  assert.match(await page.textContent('#outlook-overview-all'), /Show all 26 products/);
  await page.click('#outlook-overview-all');
  assert.equal(await page.$$eval('#outlook-overview li', (lis) => lis.length), 26);
  assert.equal(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.product), 'P21', 'focus on the first product added');
  assert.equal(await page.$('#outlook-overview-all'), null);
  await assertClean(opened);
});

/** Lines of an .ics text, unfolded (RFC 5545 §3.1). */
function unfold(text) {
  return text.replace(/\r\n /g, '').split('\r\n');
}

test('the .ics download: RFC 5545 lines, one all-day event per date, in the page language', async () => {
  for (const lang of ['en', 'zh']) {
    const opened = await open({ query: lang === 'en' ? '?lang=en' : '' });
    const { page } = opened;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#outlook-overview .outlook-ics')]);
    assert.match(download.suggestedFilename(), /^patent-outlook-[0-9a-f]{8}\.ics$/);
    const path = artifact(`outlook-${lang}.ics`);
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
    for (const line of text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `folded at 75 octets: ${line}`);
    }
    const lines = unfold(text);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.ok(lines.includes('VERSION:2.0'));
    assert.equal(lines.at(-2), 'END:VCALENDAR');
    const starts = lines.filter((l) => l.startsWith('DTSTART')).map((l) => l.slice('DTSTART;VALUE=DATE:'.length));
    assert.ok(lines.filter((l) => l.startsWith('DTSTART')).every((l) => l.startsWith('DTSTART;VALUE=DATE:')));
    // Hand-derived dates: the licence end, the utility model's term end, P1's fee dates 06-18
    // (2026–2035) and P2's fee dates 02-08 while the utility model is in term (2026–2030).
    const expected = [
      '20271231',
      '20310207',
      ...Array.from({ length: 10 }, (_, i) => `${2026 + i}0618`),
      ...Array.from({ length: 5 }, (_, i) => `${2026 + i}0208`),
    ].sort();
    assert.deepEqual([...starts].sort(), expected, 'one event per date');
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 17);
    const uids = lines.filter((l) => l.startsWith('UID:'));
    assert.equal(new Set(uids).size, 17);
    assert.ok(lines.filter((l) => l.startsWith('DTSTAMP:')).every((l) => l === 'DTSTAMP:20250930T000000Z'));
    // TEXT values escape commas and semicolons (RFC 5545 §3.3.11).
    for (const line of lines.filter((l) => /^(SUMMARY|DESCRIPTION)/.test(l))) {
      const value = line.slice(line.indexOf(':') + 1);
      assert.ok(!/(^|[^\\])[,;]/.test(value.replace(/\\\\/g, '')), `escaped: ${line}`);
    }
    const summaries = lines.filter((l) => l.startsWith('SUMMARY')).join('\n');
    if (lang === 'en') assert.match(summaries, /licence ends: 202120345678\.9/);
    else assert.match(summaries, /许可到期: 202120345678\.9/);
    // The same report gives the same file.
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('#outlook-overview .outlook-ics')]);
    await again.saveAs(artifact(`outlook-${lang}-again.ics`));
    assert.equal(readFileSync(artifact(`outlook-${lang}-again.ics`), 'utf8'), text);
    if (lang === 'en') {
      await shoot(page, '#outlook-overview', 'outlook-overview-en.png');
      await showResult(page, 'P1');
      await shoot(page, '#report .product-result[data-product="P1"] .outlook', 'outlook-p1-en.png');
      await showResult(page, 'P2');
      await shoot(page, '#report .product-result[data-product="P2"] .outlook', 'outlook-p2-en.png');
    }
    await assertClean(opened);
  }
});
