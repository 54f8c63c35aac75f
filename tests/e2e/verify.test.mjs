// The verify tab in Chromium: it shows the engine's answer (src/verify.rs) in the page's language,
// draws it again on a language switch, names the product and criterion of each difference, and
// says plainly when a report is given where the input belongs (or the reverse).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, artifact, axe, session, shoot } from './helpers.mjs';

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'fuzhou-bogie-monitor.json'), 'utf8');

const web = session();
const { open, assertClean } = web;

/** The report the page exports for the worked example, as text. */
async function exportedReport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tool-export')]);
  const path = artifact('verify-tab-report.json');
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

async function compare(page, input, report) {
  await page.click('#tab-verify');
  await page.fill('#verify-input-text', input);
  await page.fill('#verify-report-text', report);
  await page.click('#verify-run');
  return page.getAttribute('#verify-result', 'data-status');
}

const message = (page) => page.textContent('#verify-message');
const switchLanguage = (page) => page.click('#lang-switch');

test('a match, then a tampered report named by product and criterion, in Chinese and in English', async () => {
  const opened = await open();
  const { page } = opened;
  const report = await exportedReport(page);

  assert.equal(await compare(page, EXAMPLE, report), 'verified');
  assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'match');
  assert.match(await message(page), /^✓ 已核实：/);
  assert.equal(await page.getAttribute('#verify-digest', 'data-matches'), 'true');
  await switchLanguage(page);
  assert.match(await message(page), /^✓ Verified: /, 'the answer follows the language switch');
  assert.match(await page.textContent('#verify-digest'), /Input digest/);
  await switchLanguage(page);
  assert.match(await message(page), /^✓ 已核实：/);

  const tampered = JSON.parse(report);
  // P2 does not qualify in the worked example; B1 is its eighth criterion (G1–G7, then B1).
  tampered.products[1].verdict = 'qualifies';
  tampered.products[1].criteria[7].indicators[0].value = '5000000';
  assert.equal(await compare(page, EXAMPLE, JSON.stringify(tampered, null, 2)), 'mismatch');
  assert.match(await message(page), /^✗ 不一致：2 个字段/);
  const rows = () =>
    page.$$eval('#verify-differences tbody tr', (trs) =>
      trs.map((tr) => ({
        pointer: tr.querySelector('[data-pointer]').dataset.pointer,
        product: tr.dataset.product,
        criterion: tr.dataset.criterion,
        where: tr.querySelector('th').textContent,
      })),
    );
  const zh = await rows();
  assert.deepEqual(
    zh.map(({ pointer, product, criterion }) => [pointer, product, criterion]),
    [
      ['/products/1/criteria/7/indicators/0/value', 'P2', 'B1'],
      ['/products/1/verdict', 'P2', ''],
    ],
  );
  assert.match(zh[0].where, /^产品 P2（.+），准则 B1 /);
  assert.match(zh[1].where, /^产品 P2（.+）$/);
  await axe(page, 'verify-tab-mismatch-zh');
  await shoot(page, '#verify-result', 'verify-tab-mismatch-zh.png');

  await switchLanguage(page);
  assert.match(await message(page), /^✗ Mismatch: 2 fields differ/);
  const en = await rows();
  assert.match(en[0].where, /^Product P2 \(.+\), criterion B1 /);
  assert.doesNotMatch(en[0].where, /[产准]/, 'no Chinese words of the tab left in English');
  await shoot(page, '#verify-result', 'verify-tab-mismatch-en.png');
  await assertClean(opened);
});

test('a report where the input belongs, and the reverse, are said to be; one click swaps them', async () => {
  const opened = await open({ query: '?lang=en' });
  const { page } = opened;
  const report = await exportedReport(page);

  assert.equal(await compare(page, report, EXAMPLE), 'swapped');
  assert.equal(await page.$('#verify-differences'), null, 'no list of differences between unlike documents');
  assert.match(await message(page), /wrong way round/);
  await shoot(page, '#verify-result', 'verify-tab-swapped-en.png');
  await switchLanguage(page);
  assert.match(await message(page), /放反了/);
  await shoot(page, '#verify-result', 'verify-tab-swapped-zh.png');
  await page.click('#verify-swap');
  assert.equal(await page.getAttribute('#verify-result', 'data-status'), 'verified');
  assert.equal(await page.inputValue('#verify-input-text'), EXAMPLE);

  assert.equal(await compare(page, EXAMPLE, EXAMPLE), 'report_is_input');
  assert.match(await message(page), /报告处给出的是评估输入/);
  assert.equal(await compare(page, report, report), 'input_is_report');
  assert.match(await message(page), /输入处给出的是评估报告/);
  await switchLanguage(page);
  assert.match(await message(page), /The input given is an assessment report, not an input/);
  await assertClean(opened);
});

test('a report of another format names the format and engine that made it', async () => {
  const opened = await open({ query: '?lang=en' });
  const { page } = opened;
  const older = JSON.parse(await exportedReport(page));
  older.format = 'patent-intensive/assessment-report@0';
  older.engine.version = '0.0.1';
  assert.equal(await compare(page, EXAMPLE, JSON.stringify(older)), 'other_format');
  const text = await message(page);
  assert.match(text, /patent-intensive\/assessment-report@0/);
  assert.match(text, /0\.0\.1/);
  assert.match(await page.textContent('#verify-result'), /Make the report again/);
  await shoot(page, '#verify-result', 'verify-tab-other-format-en.png');
  await switchLanguage(page);
  assert.match(await message(page), /重新生成报告/);
  await assertClean(opened);
});
