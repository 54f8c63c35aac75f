// End-to-end tests of the self-assessment page in Debian's Chromium (playwright-core).
// Run through scripts/test-e2e.sh, which builds www/pkg/ and dist/ first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT,
  artifact,
  assessed,
  axe,
  criterion,
  fieldSelector as f,
  foreignRequests,
  openPage,
  session,
  shoot,
  verdicts,
} from './helpers.mjs';

const SINGLE_FILE = join(ROOT, 'dist', 'patent-intensive.html');
const EXAMPLE = join(ROOT, 'examples', 'fuzhou-bogie-monitor.json');

const web = session();
const { open, assertClean } = web;

/** Fills filer, round and one invention patent from a blank form. */
async function fillFilerRoundAndPatent(page) {
  await page.click('#tool-blank');
  await assessed(page);
  assert.equal(await page.$$eval('#patents-table', (els) => els.length), 0, 'the blank form has no patents');
  await page.fill(f('/filer/name'), '福州示例智能装备有限公司');
  await page.fill(f('/filer/uscc'), '914403001922038216');
  await page.fill(f('/round_year'), '2025');
  await page.fill(f('/reference_date'), '2025-09-30');
  await page.click('#add-patent');
  await page.fill(f('/patents/0/number'), 'ZL 2020 1 0566088.9');
  assert.match(await page.textContent(`${f('/patents/0/number')}-feedback`), /202010566088\.9/);
  await page.fill(f('/patents/0/title'), '一种列车转向架状态监测方法');
  await page.fill(f('/patents/0/filing_date'), '2020-06-18');
  await page.fill(f('/patents/0/grant_date'), '2022-03-01');
  await page.selectOption(f('/patents/0/legal_status'), 'valid');
}

/** Opens a product's form from the products table (one product's form is open at a time). */
async function editProduct(page, p) {
  if (!(await page.$(f(`/products/${p}/name`)))) await page.click(`#products-open-${p}`);
  await page.waitForSelector(f(`/products/${p}/name`));
}

/** Links patents to a product by typing their numbers, as a user does (Enter links). */
async function linkNumbers(page, p, text) {
  await editProduct(page, p);
  await page.fill(`#link-add-${p}`, text);
  await page.press(`#link-add-${p}`, 'Enter');
}

async function fillProduct(page, p, values) {
  await editProduct(page, p);
  await page.fill(f(`/products/${p}/name`), values.name);
  await linkNumbers(page, p, '202010566088.9');
  if (values.statement) await page.fill(f(`/products/${p}/patents/0/statement`), values.statement);
  await page.selectOption(f(`/products/${p}/status`), values.status ?? 'on_market');
  await page.fill(f(`/products/${p}/economics/0/year`), '2024');
  await page.selectOption(f(`/products/${p}/economics/0/unit`), 'wan');
  for (const [name, value] of Object.entries(values.economics)) {
    await page.fill(f(`/products/${p}/economics/0/${name}`), value);
  }
  await page.fill(f(`/products/${p}/core_features`), values.core);
  await page.fill(f(`/products/${p}/covered_core_features`), values.covered);
}

test('www/example.json is the worked example, byte for byte', () => {
  assert.equal(readFileSync(join(ROOT, 'www', 'example.json'), 'utf8'), readFileSync(EXAMPLE, 'utf8'));
});

test('a strict Content-Security-Policy, with hashes for the single file\'s two inline blocks', () => {
  const policy = (html) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.equal(
    policy(readFileSync(join(ROOT, 'www', 'index.html'), 'utf8')),
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'",
  );
  const single = readFileSync(SINGLE_FILE, 'utf8');
  assert.match(
    policy(single),
    /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/]{43}='; connect-src 'none'; worker-src blob:; img-src data:; form-action 'none'; base-uri 'none'$/,
  );
  assert.doesNotMatch(single, /<script[^>]+src=|<link[^>]+stylesheet|https?:\/\//, 'nothing loaded from elsewhere');
  assert.equal((single.match(/<script/g) ?? []).length, 1);
  assert.equal((single.match(/<style/g) ?? []).length, 1);
});

test('opens with the worked example assessed; time to first verdict', async () => {
  const times = [];
  let last;
  for (let run = 0; run < 3; run += 1) {
    const opened = await openPage(web.browser);
    const start = Date.now();
    await opened.page.goto(web.server.url);
    await opened.page.waitForSelector('#report .product-result [data-role="verdict"]');
    times.push(Date.now() - start);
    const own = Number(await opened.page.evaluate(() => document.documentElement.dataset.firstVerdictMs));
    times[run] = { wall: times[run], navigationToVerdict: own };
    if (last) await assertClean(last);
    last = opened;
  }
  const { page } = last;
  assert.deepEqual(await verdicts(page), { P1: 'qualifies', P2: 'does_not_qualify' });
  assert.match(await page.textContent('#reference-banner'), /参考值/);
  assert.equal(await page.$$eval('#report-notices li', (els) => els.length) >= 1, true);
  assert.match(await page.textContent('[data-meta="meta.packSha"]'), /^[0-9a-f]{64}$/);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = `time to first verdict: median ${median(times.map((t) => t.navigationToVerdict))} ms from navigation start (page's own measure), median ${median(times.map((t) => t.wall))} ms wall clock from goto(); runs: ${JSON.stringify(times)}`;
  console.log(summary);
  writeFileSync(artifact('time-to-first-verdict.txt'), `${summary}\n`);
  await page.screenshot({ path: artifact('example-page.png'), fullPage: false });
  await axe(page, 'example-zh');
  await assertClean(last);
});

test('fill the form from scratch: a qualifying product', async () => {
  const opened = await open();
  const { page } = opened;
  await fillFilerRoundAndPatent(page);
  await fillProduct(page, 0, {
    name: '智能转向架监测终端',
    statement: '终端固件实现权利要求1-6的监测方法',
    economics: { sales_revenue: '3200', export_revenue: '150', profit: '410.5', ip_investment: '96', patent_attributable_revenue: '1900' },
    core: '5',
    covered: '4',
  });
  await page.check(f('/products/0/patents/0/core'));
  assert.deepEqual(await verdicts(page), { P1: 'qualifies' });
  for (const id of ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'B1', 'B2', 'B3', 'B4']) {
    assert.equal((await criterion(page, 'P1', id)).verdict, 'pass', id);
  }
  assert.match((await criterion(page, 'P1', 'B1')).text, /32,000,000/);
  assert.match(await page.textContent('.live-bar'), /P1/);
  assert.equal(await page.$eval('#error-summary', (el) => el.hidden), true);
  await shoot(page, '#form', 'filled-form.png');
  await shoot(page, '#results', 'report-qualifying.png');
  await assertClean(opened);
});

test('fill the form from scratch: a failing product, with errors beside fields and in the summary', async () => {
  const opened = await open();
  const { page } = opened;
  await fillFilerRoundAndPatent(page);
  // A wrong check character: live feedback beside the field, then the GOV.UK error summary.
  await page.fill(f('/filer/uscc'), '914403001922038217');
  await assessed(page);
  const link = page.locator('#error-summary a[data-path="/filer/uscc"]');
  assert.match(await link.textContent(), /校验码/);
  // The field named by the engine's label (catalogue `fields`), not the form's ("统一社会信用代码").
  assert.match(await link.locator('.where').textContent(), /备案主体统一社会信用代码/);
  assert.match(await page.textContent(`${f('/filer/uscc')}-error`), /校验码/);
  assert.equal(await page.getAttribute(f('/filer/uscc'), 'aria-invalid'), 'true');
  assert.match(await page.textContent('#results-blocked'), /错误/);
  await link.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), f('/filer/uscc').slice(1));
  await page.fill(f('/filer/uscc'), '914403001922038216');
  await assessed(page);
  assert.equal(await page.locator('#error-summary a[data-path="/filer/uscc"]').count(), 0, 'the fixed field leaves the summary');
  assert.equal(await page.$(`${f('/filer/uscc')}-error:not([hidden])`), null);

  // A patent number with a wrong check character is caught as it is typed.
  await page.fill(f('/patents/0/number'), '202310123456.7');
  assert.match(await page.textContent(`${f('/patents/0/number')}-feedback`), /6/);
  await page.fill(f('/patents/0/number'), '202010566088.9');

  await fillProduct(page, 0, {
    name: '便携式轨道巡检仪',
    statement: '',
    status: 'withdrawn',
    economics: { sales_revenue: '420', export_revenue: '0', profit: '-12.3', ip_investment: '3.5', patent_attributable_revenue: '100' },
    core: '4',
    covered: '1',
  });
  assert.deepEqual(await verdicts(page), { P1: 'does_not_qualify' });
  const b1 = await criterion(page, 'P1', 'B1');
  assert.equal(b1.verdict, 'fail');
  assert.match(b1.text, /800,000/, 'B1 names the gap in sales');
  assert.equal((await criterion(page, 'P1', 'G6')).verdict, 'fail', 'no statement of use');
  assert.equal((await criterion(page, 'P1', 'G7')).verdict, 'fail', 'withdrawn');
  assert.equal((await criterion(page, 'P1', 'B4')).verdict, 'fail');
  assert.equal((await criterion(page, 'P1', 'G4')).verdict, 'pass');
  await shoot(page, '#results', 'report-failing.png');
  await assertClean(opened);
});

test('switch to English and back', async () => {
  const opened = await open();
  const { page } = opened;
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.click('#lang-switch');
  await assessed(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /self-assessment/);
  assert.equal(await page.textContent(`label[for="${f('/filer/name').slice(1)}"]`), 'Registered name');
  assert.match(await page.textContent('#report .product-result[data-product="P1"] [data-role="verdict"]'), /^✓ Meets the reference benchmark \(not a certification\)$/, 'the engine’s words, capitalised once');
  assert.match(await page.textContent('#report [data-criterion="B1"]'), /Economic benefit/);
  // The citation's source is the engine's bilingual text, in the page's language.
  const source = await page.textContent('#report .product-result[data-product="P1"] [data-criterion="G1"] .citation');
  assert.match(source, /^Source: [A-Za-z]/);
  assert.doesNotMatch(source, /object Object/);
  assert.match(await page.textContent('#reference-banner'), /not official/);
  assert.deepEqual(await verdicts(page), { P1: 'qualifies', P2: 'does_not_qualify' });
  await axe(page, 'example-en');
  await page.screenshot({ path: artifact('english.png') });
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.textContent('h1'), /专利密集型产品自评/);
  await assertClean(opened);
});

test('save a draft, reload, open it again: the same result', async () => {
  const opened = await open();
  const { page } = opened;
  // An edit that changes the result, so loading the draft visibly brings it back.
  await editProduct(page, 1);
  await page.fill(f('/products/1/economics/0/sales_revenue'), '600');
  await page.fill(f('/products/1/economics/0/patent_attributable_revenue'), '300');
  await assessed(page);
  const before = { verdicts: await verdicts(page), sha: await page.textContent('[data-meta="meta.inputSha"]'), b1: (await criterion(page, 'P2', 'B1')).text };
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tool-save')]);
  const path = artifact('draft.json');
  await download.saveAs(path);
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(saved.format, 'patent-intensive/assessment-input@1');
  assert.equal(saved.products[1].economics[0].sales_revenue, '600');

  await page.reload();
  await assessed(page);
  assert.notEqual(await page.textContent('[data-meta="meta.inputSha"]'), before.sha, 'the reload shows the example again');
  await page.setInputFiles('#draft-file', path);
  await page.waitForFunction((sha) => document.querySelector('[data-meta="meta.inputSha"]')?.textContent === sha, before.sha);
  assert.deepEqual(await verdicts(page), before.verdicts);
  assert.equal((await criterion(page, 'P2', 'B1')).text, before.b1);
  await editProduct(page, 1);
  assert.equal(await page.inputValue(f('/products/1/economics/0/sales_revenue')), '600');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored without asking');
  await assertClean(opened);
});

test('a draft with errors: the summary takes focus, and an unknown field can be dropped', async () => {
  const opened = await open();
  const { page } = opened;
  const draft = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  draft.products[0].sales_revenu = '3200';
  draft.patents[1].number = '202120345678.8';
  const path = artifact('draft-with-errors.json');
  writeFileSync(path, JSON.stringify(draft, null, 2));
  await page.setInputFiles('#draft-file', path);
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  const paths = await page.$$eval('#error-summary a', (els) => els.map((a) => a.dataset.path));
  assert.ok(paths.includes('/products/0/sales_revenu'), paths.join(' '));
  assert.ok(paths.includes('/patents/1/number'), paths.join(' '));
  assert.equal(await page.$$eval('#report .product-result', (els) => els.length), 0, 'no verdict on invalid input');
  await page.click('[data-remove-field="/products/0/sales_revenu"]');
  await page.fill(f('/patents/1/number'), 'CN202120345678.9');
  assert.deepEqual(await verdicts(page), { P1: 'qualifies', P2: 'does_not_qualify' });
  await assertClean(opened);
});

test('autosave is off by default, keeps the draft in this browser when on, and forgets it when off', async () => {
  const opened = await open();
  const { page } = opened;
  assert.equal(await page.isChecked('#autosave'), false);
  await page.fill(f('/filer/name'), '自动保存测试有限公司');
  await assessed(page);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await page.check('#autosave');
  await page.reload();
  await assessed(page);
  assert.equal(await page.inputValue(f('/filer/name')), '自动保存测试有限公司');
  assert.equal(await page.isChecked('#autosave'), true);
  await page.uncheck('#autosave');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await page.reload();
  await assessed(page);
  assert.equal(await page.inputValue(f('/filer/name')), '福州示例智能装备有限公司');
  await assertClean(opened);
});

const CNIPA_CSV =
  '\ufeff申请号,申请日,公开（公告）号,公开（公告）日,名称,申请（专利权）人,发明（设计）人,分类号,专利权状态,最新法律状态\r\n' +
  'CN201510958772.0,2015.12.18,CN105412345B,2017.05.10,一种轨道检测装置,福州示例智能装备有限公司,张三,B61K9/08,有权,授权\r\n' +
  'CN201811564288.X,2018.12.20,CN109512345B,2021.01.05,一种轴承温度预警方法,福州示例智能装备有限公司；福建示例轨道研究院,李四,G01K1/00,有权,授权\r\n' +
  'CN202010566088.9,2020.06.18,CN111723456B,2022.03.01,一种列车转向架状态监测方法,福州示例智能装备有限公司,张三,G01M17/08,有权,授权\r\n' +
  'CN202310123456.7,2023.01.05,CN115987654A,2023.04.11,一种监测数据处理方法,福州示例智能装备有限公司,张三,G06F17/00,审中,实质审查的生效\r\n';

test('import a CSV of patents with CNIPA headers, and paste spreadsheet rows', async () => {
  const opened = await open();
  const { page } = opened;
  const rows = () => page.$$eval('#patents-table tr.patent-row', (els) => els.length);
  assert.equal(await rows(), 3);
  await page.setInputFiles('#csv-file', { name: 'cnipa-export.csv', mimeType: 'text/csv', buffer: Buffer.from(CNIPA_CSV, 'utf8') });
  await page.waitForSelector('#import-result p[data-added]');
  const result = await page.$eval('#import-result p[data-added]', (el) => ({ ...el.dataset }));
  // Two new patents; 202010566088.9 is already listed; the bad check character is reported.
  assert.deepEqual(result, { rows: '4', added: '2', skipped: '1', problems: '1' });
  assert.match(await page.textContent('#import-result .import-problems'), /5/);
  assert.equal(await rows(), 5);
  assert.match(await page.inputValue(f('/patents/3/number')), /201510958772\.0/);
  assert.match(await page.textContent(`${f('/patents/4/number')}-feedback`), /201811564288\.X/);
  await assessed(page);
  assert.deepEqual(await verdicts(page), { P1: 'qualifies', P2: 'does_not_qualify' });
  // The imported patents can be linked to a product by their number.
  await linkNumbers(page, 1, 'CN201510958772.0');
  await page.fill(f('/products/1/patents/2/statement'), '巡检仪采用该检测装置');
  await assessed(page);
  assert.equal((await criterion(page, 'P2', 'B2')).verdict, 'pass', 'an invention patent now counts for P2');

  // Excel in a Chinese locale saves CSV as GBK: it is read as GB18030 rather than garbled.
  const gbk = Buffer.from(
    'c9eac7ebbac52cc9eac7ebc8d52cc3fbb3c62cc9eac7eba3a8d7a8c0fbc8a8a3a9c8cb2cd7a8c0fbc8a8d7b4ccac0d0a434e3230313531303935383737322e302c323031352e31322e31382cd2bbd6d6b9ecb5c0bcecb2e2d7b0d6c32cb8a3d6ddcabec0fdd6c7c4dcd7b0b1b8d3d0cfdeb9abcbbe2cd3d0c8a80d0a',
    'hex',
  );
  await page.setInputFiles('#csv-file', { name: 'excel-gbk.csv', mimeType: 'text/csv', buffer: gbk });
  await page.waitForFunction(() => document.querySelector('#import-result p[data-added]')?.dataset.skipped === '1');
  assert.equal(await page.$eval('#import-result p[data-added]', (el) => el.dataset.problems), '0', 'GBK headers are recognised');

  await page.click('#paste-rows');
  await page.fill('#paste-text', '申请号\t申请日\t名称\t专利权状态\n200710308494.X\t2007.12.29\t一种车载检测装置\t无权\n');
  await page.click('#paste-run');
  await page.waitForFunction(() => document.querySelector('#import-result p[data-added]')?.dataset.added === '1');
  assert.equal(await rows(), 6);
  await shoot(page, '#form', 'imported-patents.png');
  await assertClean(opened);
});

test('verify a report: a match, and a tampered report with its differing fields', async () => {
  const opened = await open();
  const { page } = opened;
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tool-export')]);
  const reportPath = artifact('report.json');
  await download.saveAs(reportPath);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  assert.equal(report.format, 'patent-intensive/assessment-report@2');
  assert.equal(report.detail, 'full');

  await page.click('#tab-verify');
  assert.equal(await page.isVisible('#panel-assess'), false);
  await page.setInputFiles('#verify-input-file', EXAMPLE);
  await page.setInputFiles('#verify-report-file', reportPath);
  await page.waitForFunction(() => document.getElementById('verify-report-text').value.length > 0);
  await page.click('#verify-run');
  assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'match');
  assert.match(await page.textContent('#verify-result'), /已核实/);

  const tampered = structuredClone(report);
  tampered.products[1].verdict = 'qualifies';
  tampered.products[1].criteria[7].indicators[0].value = '5000000';
  await page.fill('#verify-report-text', JSON.stringify(tampered, null, 2));
  await page.click('#verify-run');
  assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'mismatch');
  const pointers = await page.$$eval('#verify-differences tbody [data-pointer]', (els) => els.map((el) => el.dataset.pointer));
  assert.deepEqual(pointers.sort(), ['/products/1/criteria/7/indicators/0/value', '/products/1/verdict']);
  await axe(page, 'verify');
  await page.screenshot({ path: artifact('verify.png') });
  await assertClean(opened);
});

test('keyboard only: skip link, tabs, a patent row\'s details, visible focus', async () => {
  const opened = await open();
  const { page } = opened;
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  const focusStyle = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
    });
  assert.equal(await focusStyle(), true, 'focus is visible');
  await page.focus('#tab-assess');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-verify');
  assert.equal(await page.isVisible('#panel-verify'), true);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.isVisible('#panel-assess'), true);
  await page.focus('#patent-toggle-0');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#patent-toggle-0', 'aria-expanded'), 'true');
  assert.equal(await page.isVisible(f('/patents/0/owners/0/uscc')), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BUTTON');
  assert.equal(await focusStyle(), true, 'focus is visible on a button');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'INPUT');
  assert.equal(await focusStyle(), true, 'focus is visible on a field');
  await axe(page, 'details-open');
  await assertClean(opened);
});

test('print shows the report with the pack id and hashes, not the form', async () => {
  const opened = await open();
  const { page } = opened;
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#form'), false);
  assert.equal(await page.isVisible('#report-meta'), true);
  assert.match(await page.textContent('[data-meta="meta.pack"]'), /cn-pip\//);
  assert.equal(await page.isVisible('#report [data-criterion="G1"] .citation'), true, 'closed criteria print open');
  // The report's expires_on (2040-06-18) is the first day out of term: the page shows the last
  // day in term (rules.md §3.1).
  const printed = await page.textContent('#report');
  assert.match(printed, /保护期至 2040-06-17/);
  assert.doesNotMatch(printed, /保护期至 2040-06-18/);
  await page.screenshot({ path: artifact('print.png'), fullPage: true });
  await page.pdf({ path: artifact('report.pdf'), format: 'A4' });
  await assertClean(opened);
});

test('the single-file build works from file:// with no server', async () => {
  assert.ok(existsSync(SINGLE_FILE), 'dist/patent-intensive.html exists (scripts/build-single-file.mjs)');
  const opened = await openPage(web.browser);
  const { page, log } = opened;
  const start = Date.now();
  await page.goto(pathToFileURL(SINGLE_FILE).href);
  await assessed(page);
  const elapsed = Date.now() - start;
  console.log(`single file from file://: first verdict after ${elapsed} ms`);
  assert.deepEqual(await verdicts(page), { P1: 'qualifies', P2: 'does_not_qualify' });
  await editProduct(page, 1);
  await page.fill(f('/products/1/economics/0/sales_revenue'), '99999');
  await page.fill(f('/products/1/economics/0/patent_attributable_revenue'), '50000');
  await page.fill(f('/products/1/covered_core_features'), '4');
  await assessed(page);
  assert.equal((await criterion(page, 'P2', 'B1')).verdict, 'fail', 'still fails on profit');
  assert.equal((await criterion(page, 'P2', 'B4')).verdict, 'pass');
  // The outlook and the own rule pack are in the file too.
  assert.equal(await page.$$eval('#report .product-result[data-product="P2"] .outlook g.outlook-round', (els) => els.length), 11);
  assert.deepEqual(await page.$$eval('#outlook-overview li', (els) => els.map((li) => li.dataset.product)), ['P1', 'P2']);
  await page.click('#pack-toggle');
  await page.setInputFiles('#pack-file', join(ROOT, 'examples', 'packs', 'two-category-rows.example.json'));
  await page.waitForFunction(() => document.getElementById('banner-pack')?.dataset.own === 'true');
  await assessed(page);
  assert.equal(await page.getAttribute('#report .product-result[data-product="P2"] .benchmark-row', 'data-benchmark-category'), 'C40');
  // The worker is started from a blob: URL of the source the file carries: not a request elsewhere.
  assert.ok(log.requests.every((u) => u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:null/')), `only the file itself: ${log.requests}`);
  await assertClean(opened, null);
});

test('no request ever went to another origin', () => {
  assert.ok(web.requests.length > 0);
  assert.deepEqual(foreignRequests(web.requests, web.server.origin), []);
  const served = new Set(web.server.served);
  for (const path of ['/', '/style.css', '/js/main.js', '/pkg/patent_intensive_bg.wasm', '/example.json']) assert.ok(served.has(path), path);
});
