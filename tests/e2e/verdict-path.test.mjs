// The path from a blank form to a verdict (issue: "an IP manager gets from a blank form to a
// clear answer without help"), in Chinese and in English: what an undetermined criterion needs,
// the data-year trap, forgiving amounts, no lost work, print and export naming the filer, CSV
// import counting rows, and quiet-at-first findings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { artifact, assessed, axe, fieldSelector as f, session, shoot } from './helpers.mjs';

const web = session();
const { open, assertClean } = web;

const LANGS = [
  { lang: 'zh', query: '' },
  { lang: 'en', query: '?lang=en' },
];

/** The worked example's P1 row for its data year (2024 in round 2025) is economics row 1. */
const P1_DATA_ROW = '/products/0/economics/1';

/** The engine's catalogue, as the page's main-thread instance gives it (`catalogue()`). */
function engineCatalogue(page) {
  return page.evaluate(async () => (await import(new URL('js/engine.js', location.href).href)).catalogue());
}

/** The catalogue's entry of the field at a concrete pointer (`*` in its pattern is an index). */
function engineField(catalogue, pointer) {
  return catalogue.fields.find((f) => f.pointer === pointer.replace(/\/\d+(?=\/|$)/g, '/*'));
}

for (const { lang, query } of LANGS) {
  test(`${lang}: a missing figure is listed under "needed for a verdict", linked to its field; the product tables name the undetermined criterion`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    assert.equal(await page.isHidden('#needed-summary'), true, 'nothing needed for the worked example');
    await page.fill(f(`${P1_DATA_ROW}/export_revenue`), '');
    await assessed(page);
    assert.equal(await page.isVisible('#needed-summary'), true);
    // Not an error: the error summary stays hidden, the box names product, criterion and figure.
    assert.equal(await page.isHidden('#error-summary'), true, 'a missing figure is not an error');
    const item = page.locator('#needed-summary li[data-product="P1"]');
    assert.equal(await item.getAttribute('data-criterion'), 'G5');
    const text = await item.innerText();
    assert.match(text, lang === 'zh' ? /产品 P1 · G5：.*2024.*出口收入/ : /Product P1 · G5: .*2024 export revenue/);
    if (lang === 'en') assert.match(text, /: [A-Z]/, 'the gap reads as a sentence');
    assert.equal(await page.getAttribute('#needed-summary a', 'data-path'), `${P1_DATA_ROW}/export_revenue`);
    // The link's target is the engine's: G5's gap_fields in the report the page exports.
    assert.equal(await item.getAttribute('data-fields'), `${P1_DATA_ROW}/export_revenue`);
    // The product tables name G5 as undetermined, beside the failing criteria.
    assert.equal(await page.getAttribute('#overview-table tr[data-product="P1"] .undecided', 'data-undecided'), 'G5');
    assert.equal(await page.getAttribute('#products-table tr[data-product="P1"] .undecided', 'data-undecided'), 'G5');
    await shoot(page, '#needed-summary', `needed-${lang}.png`);
    // The link brings the field: from another product's form, it opens P1 and focuses the field.
    await page.click('#products-open-1');
    await page.waitForSelector(f('/products/1/name'));
    await page.click('#needed-summary a');
    assert.equal(await page.evaluate(() => document.activeElement.id), f(`${P1_DATA_ROW}/export_revenue`).slice(1));
    // Filling it in decides G5 and the box goes away.
    await page.fill(f(`${P1_DATA_ROW}/export_revenue`), '0');
    await assessed(page);
    assert.equal(await page.isHidden('#needed-summary'), true);
    await axe(page, `needed-${lang}`);
    await assertClean(opened);
  });

  test(`${lang}: the needed links go where the engine's gap_fields point: the filer's data, and a missing data-year row to "add a year"`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    // The kind of organisation left unset: G1 undetermined for every product, its field the filer's.
    await page.selectOption(f('/filer/org_type'), '');
    await assessed(page);
    const g1 = page.locator('#needed-summary li[data-product="P1"][data-criterion~="G1"]');
    assert.equal(await g1.getAttribute('data-fields'), '/filer/org_type');
    assert.equal(await g1.locator('a').getAttribute('data-path'), '/filer/org_type');
    assert.equal(await g1.locator('a').getAttribute('href'), f('/filer/org_type'));
    await page.click('#products-open-1');
    await page.waitForSelector(f('/products/1/name'));
    await g1.locator('a').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), f('/filer/org_type').slice(1));
    await page.selectOption(f('/filer/org_type'), 'enterprise');
    await assessed(page);
    assert.equal(await page.isHidden('#needed-summary'), true);
    // P1 without its data-year row: the engine points at the product's economics block, and the
    // link focuses its "add a year" button.
    await page.click('#products-open-0');
    await page.click(`#remove-economics-0-${P1_DATA_ROW.split('/').pop()}`);
    await assessed(page);
    const row = page.locator('#needed-summary li[data-product="P1"]').first();
    assert.equal(await row.getAttribute('data-fields'), '/products/0/economics');
    assert.equal(await row.locator('a').getAttribute('data-path'), '/products/0/economics');
    assert.equal(await row.locator('a').getAttribute('href'), '#add-economics-0');
    await page.click('#products-open-1');
    await page.waitForSelector(f('/products/1/name'));
    await row.locator('a').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'add-economics-0');
    await shoot(page, '#needed-summary', `needed-row-${lang}.png`);
    await assertClean(opened);
  });

  test(`${lang}: each figure's definition and a field's name in the lists are the engine's catalogue's`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    const catalogue = await engineCatalogue(page);
    assert.equal(catalogue.format, 'patent-intensive/catalogue@2');
    // Every toggle's text is the engine's definition of the field at that pointer, and every
    // field the engine defines in the open product has one (the data year's too, which only the
    // engine defines).
    const shown = await page.$$eval('#form details.definition', (els) => els.map((d) => ({ id: d.id, path: document.getElementById(d.id.replace(/-definition$/, ''))?.dataset.path, text: d.querySelector('p').textContent })));
    const defined = await page.$$eval('#form :is(input, select, textarea)[data-path]', (els) => els.map((el) => el.dataset.path));
    const expected = defined.filter((p) => engineField(catalogue, p)?.definition);
    assert.deepEqual(shown.map((d) => d.path).sort(), [...new Set(expected)].sort());
    for (const d of shown) assert.equal(d.text, engineField(catalogue, d.path).definition[lang], d.path);
    const year = `${f(`${P1_DATA_ROW}/year`)}-definition`;
    assert.match(await page.textContent(year), lang === 'zh' ? /D = 认定年度 − 1/ : /D = round year − 1/);
    await page.click(`${year} summary`);
    await shoot(page, f(P1_DATA_ROW), `definition-year-${lang}.png`);
    // The error summary and the "to get a result" list name a field by the engine's label.
    await page.click('#tool-blank');
    await assessed(page);
    const name = await page.textContent('#results-blocked a[data-path="/filer/name"]');
    const label = engineField(catalogue, '/filer/name').label[lang];
    assert.ok(name.includes(lang === 'en' ? label[0].toUpperCase() + label.slice(1) : label), `${name} names ${label}`);
    await page.focus(f('/filer/name'));
    await page.focus(f('/filer/uscc'));
    await page.waitForSelector('#error-summary a[data-path="/filer/name"]');
    assert.ok((await page.textContent('#error-summary a[data-path="/filer/name"] .where')).includes(lang === 'en' ? "Filer's name" : '备案主体名称'));
    await assertClean(opened);
  });

  test(`${lang}: the data-year trap: the round the figures serve in one click, the reference date following the round`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    await page.click('#tool-blank');
    await assessed(page);
    const thisYear = Number((await page.inputValue(f('/round_year'))));
    const today = await page.inputValue(f('/reference_date'));
    assert.match(await page.textContent(`${f('/reference_date')}-hint`), new RegExp(today));
    await page.fill(f('/filer/name'), '福州示例智能装备有限公司');
    // Last year's figures entered as a row for the year before the data year.
    await page.fill(f('/products/0/economics/0/year'), String(thisYear - 2));
    await page.fill(f('/products/0/economics/0/sales_revenue'), '3200');
    await page.fill(f('/products/0/economics/0/export_revenue'), '0');
    await page.fill(f('/products/0/economics/0/profit'), '410');
    await page.fill(f('/products/0/economics/0/ip_investment'), '96');
    await assessed(page);
    // Said plainly beside the economics rows, and offered at the top.
    const plain = await page.textContent('#data-year-offer-0');
    assert.match(plain, lang === 'zh' ? new RegExp(`${thisYear} 年度需要 ${thisYear - 1} 年的经济数据`) : new RegExp(`Round ${thisYear} needs the figures for ${thisYear - 1}`));
    assert.match(await page.textContent('#data-year-offer'), new RegExp(String(thisYear - 1)));
    await shoot(page, '#needed-summary', `data-year-${lang}.png`);
    await page.click('#use-round');
    await assessed(page);
    assert.equal(await page.inputValue(f('/round_year')), String(thisYear - 1));
    // The reference date moved with the round, and its hint says which date and why.
    const moved = await page.inputValue(f('/reference_date'));
    assert.equal(moved, `${thisYear - 1}-${today.slice(5) === '02-29' ? '03-01' : today.slice(5)}`);
    const hint = await page.textContent(`${f('/reference_date')}-hint`);
    assert.match(hint, new RegExp(moved));
    assert.match(hint, lang === 'zh' ? new RegExp(`移到 ${thisYear - 1} 年度`) : new RegExp(`in round ${thisYear - 1}`));
    assert.equal(await page.isHidden('#data-year-offer'), true, 'no offer once the round is the figures’ round');
    assert.equal(await page.$('#data-year-offer-0'), null);
    // Set by hand, the date stays when the round changes again.
    await page.fill(f('/reference_date'), `${thisYear - 1}-06-30`);
    await page.fill(f('/round_year'), String(thisYear));
    await assessed(page);
    assert.equal(await page.inputValue(f('/reference_date')), `${thisYear - 1}-06-30`);
    await assertClean(opened);
  });

  test(`${lang}: amounts are read forgivingly and shown as read; a unit other than the field's gets the fix`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    await page.click('#tool-blank');
    await assessed(page);
    const sales = f('/products/0/economics/0/sales_revenue');
    // The blank row is in 万元: "３,２００万" is 3200 万元.
    await page.fill(sales, '３,２００万');
    await page.press(sales, 'Tab');
    assert.equal(await page.inputValue(sales), '3200');
    await page.fill(f('/products/0/economics/0/profit'), '4,105.5');
    await page.press(f('/products/0/economics/0/profit'), 'Tab');
    assert.equal(await page.inputValue(f('/products/0/economics/0/profit')), '4105.5');
    await assessed(page);
    assert.equal(await page.$(`${sales}-error .error-message`), null, 'no finding on an amount read');
    // In a 元 row, "3200万" is not read: the message says what to write instead.
    await page.selectOption(f('/products/0/economics/0/unit'), 'yuan');
    await page.fill(sales, '3200万');
    const note = await page.textContent(`${sales}-feedback`);
    assert.match(note, lang === 'zh' ? /此栏以元为单位.*32,000,000.*万元/ : /This field is in yuan: .*32000000.*10,000 yuan/);
    await shoot(page, `${f('/products/0/economics/0')}`, `amount-unit-${lang}.png`);
    await page.fill(sales, '32000000');
    assert.equal((await page.textContent(`${sales}-feedback`)).trim(), '');
    await assertClean(opened);
  });

  test(`${lang}: no lost work: a warning before leaving with unsaved edits, a confirmation before a draft replaces them`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    page.removeAllListeners('dialog');
    const seen = [];
    let answer = 'dismiss';
    page.on('dialog', (dialog) => {
      seen.push(dialog.type());
      if (dialog.type() === 'beforeunload' || answer === 'dismiss') dialog.dismiss();
      else dialog.accept();
    });
    // Unchanged: opening a draft asks nothing, leaving asks nothing.
    await page.click('#tool-open');
    assert.deepEqual(seen, []);
    await page.fill(f('/filer/name'), '另一家公司');
    await assessed(page);
    // With edits: "Open a draft…" asks first; cancelled, nothing is replaced.
    await page.click('#tool-open');
    assert.deepEqual(seen, ['confirm']);
    assert.equal(await page.inputValue(f('/filer/name')), '另一家公司');
    // Leaving asks (the browser's dialog); dismissed, the page stays with the edits.
    await page.close({ runBeforeUnload: true });
    await page.waitForTimeout(300);
    assert.ok(seen.includes('beforeunload'), `dialogs: ${seen}`);
    assert.equal(page.isClosed(), false);
    assert.equal(await page.inputValue(f('/filer/name')), '另一家公司');
    // Saved as a draft, there is nothing to lose: no question when leaving.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tool-save')]);
    assert.match(download.suggestedFilename(), /^patent-intensive-draft-另一家公司-\d{8}-\d{4}\.json$/);
    seen.length = 0;
    answer = 'accept';
    await page.close({ runBeforeUnload: true });
    await page.waitForEvent('close');
    assert.deepEqual(seen, [], 'a saved draft leaves without a question');
    await opened.context.close();
  });

  test(`${lang}: print names the filer, round and reference date in the page's language and includes the findings; the export's name carries the filer`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tool-export')]);
    assert.match(download.suggestedFilename(), /^patent-intensive-report-福州示例智能装备有限公司-\d{8}-\d{4}\.json$/);
    // A finding to print: a credit code whose check character is wrong.
    await page.fill(f('/filer/uscc'), '91440300192203821X');
    await assessed(page);
    await page.emulateMedia({ media: 'print' });
    const head = await page.innerText('.print-head');
    if (lang === 'zh') {
      assert.match(head, /专利密集型产品自评/);
      assert.match(head, /申报主体：福州示例智能装备有限公司（统一社会信用代码 91440300192203821X）/);
      assert.match(head, /认定年度 2025（数据年度 2024）· 参照日 2025-09-30/);
      assert.match(head, /规则包：cn-pip\//);
    } else {
      assert.match(head, /Patent-intensive product self-assessment/);
      assert.match(head, /Filer: 福州示例智能装备有限公司 \(unified social credit code 91440300192203821X\)/);
      assert.match(head, /Round 2025 \(data year 2024\) · reference date 2025-09-30/);
      assert.match(head, /Rule pack: cn-pip\//);
      assert.doesNotMatch(head.replaceAll('福州示例智能装备有限公司', ''), /[\u4e00-\u9fff]/, 'no Chinese but the filer’s own name');
    }
    assert.equal(await page.isVisible('#error-summary'), true, 'the findings print');
    assert.equal(await page.isVisible('#error-summary a[data-path="/filer/uscc"]'), true);
    assert.equal(await page.isVisible('#form'), false);
    await page.pdf({ path: artifact(`print-findings-${lang}.pdf`), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await assertClean(opened);
  });

  test(`${lang}: CSV import counts rows, names skipped duplicates, keeps the scroll position and its message across a language switch`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    const csv = artifact('import-rows.csv');
    // Three rows: one already listed, one unreadable with two problems, one new.
    writeFileSync(csv, '申请号,申请日,名称,专利权状态\nZL 2020 1 0566088.9,2020-06-18,甲,有效\nXX,2020-13-45,乙,有效\n202121876543.1,2021-08-10,丙,有效\n');
    await page.evaluate(() => document.getElementById('import-csv').scrollIntoView({ block: 'center' }));
    const before = await page.evaluate(() => window.scrollY);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import-csv')]);
    await chooser.setFiles(csv);
    await page.waitForSelector('#import-result p[data-rows]');
    assert.equal(await page.evaluate(() => window.scrollY), before, 'the page did not jump');
    const counts = await page.$eval('#import-result p[data-rows]', (p) => ({ ...p.dataset }));
    assert.deepEqual(counts, { rows: '3', added: '1', skipped: '1', problems: '1' });
    const message = await page.innerText('#import-result');
    assert.match(message, lang === 'zh' ? /共 3 行：导入 1 件专利；1 件已在清单中/ : /3 rows: 1 patent imported; 1 already listed/);
    assert.match(await page.textContent('#import-result [data-role="skipped"]'), /202010566088\.9/);
    assert.equal(await page.$$eval('#import-result .import-problems li', (li) => li.length), 1, 'one row, not two problems');
    // The message is in view, not under the live strip.
    const visible = await page.evaluate(() => {
      const box = document.getElementById('import-result').getBoundingClientRect();
      const strip = document.getElementById('live-bar').getBoundingClientRect();
      return box.bottom <= strip.top && box.top >= 0;
    });
    assert.ok(visible, 'the message is on screen above the live strip');
    await shoot(page, '#import-result', `import-${lang}.png`);
    // Switching language says it again in the other language.
    await page.click('#lang-switch');
    const other = await page.innerText('#import-result');
    assert.match(other, lang === 'zh' ? /3 rows: 1 patent imported/ : /共 3 行：导入 1 件专利/);
    await assertClean(opened);
  });

  test(`${lang}: quiet at first: a blank form shows no error until a field is left or the result asked for; the results say what is missing`, async () => {
    const opened = await open({ query });
    const { page } = opened;
    await page.click('#tool-blank');
    await assessed(page);
    assert.equal(await page.isHidden('#error-summary'), true, 'no error before anything is typed');
    assert.equal(await page.$$eval('#form .error-message', (els) => els.length), 0);
    // The results still say what is missing, as links.
    assert.equal(await page.getAttribute('#results-blocked', 'data-quiet'), '2');
    assert.deepEqual(await page.$$eval('#results-blocked a', (as) => as.map((a) => a.dataset.path)), ['/filer/name', '/products/0/economics/0/sales_revenue']);
    // A new patent row does not at once say its filing date is missing.
    await page.click('#add-patent');
    await page.waitForSelector(f('/patents/0/filing_date'));
    await assessed(page);
    assert.equal(await page.$(`${f('/patents/0/filing_date')}-error .error-message`), null);
    // Leaving the filer's name empty makes its error show; a click that leaves it still lands.
    await page.focus(f('/filer/name'));
    await page.focus(f('/filer/uscc'));
    await page.waitForSelector(`${f('/filer/name')}-error .error-message`);
    await page.focus(f('/products/0/name'));
    await page.click('#add-patent');
    await page.waitForSelector(f('/patents/1/filing_date'));
    assert.equal(await page.isVisible('#error-summary'), true);
    // Asking for every problem shows them all.
    await page.click('#reveal-all');
    await page.waitForSelector(`${f('/patents/0/filing_date')}-error .error-message`);
    await assertClean(opened);
  });
}

test('English texts of the page: real plurals, no "(s)"', async () => {
  const source = readFileSync(new URL('../../www/js/i18n.js', import.meta.url), 'utf8');
  // Outside the verify tab's texts (another module's), no English text writes "(s)".
  const lines = source.split('\n').filter((l) => /\(s\)/.test(l) && !/'verify\./.test(l));
  assert.deepEqual(lines, []);
  const opened = await open({ query: '?lang=en' });
  const { page } = opened;
  // The page's own counts (engine messages are the engine's).
  assert.equal(await page.textContent('#overview-title'), 'Overview: 2 products');
  const summaries = await page.$$eval('#patents-table [id^="patent-toggle-"], #patents-table .standing', (els) => els.map((e) => e.textContent));
  for (const text of summaries) {
    assert.doesNotMatch(text, /\(s\)/);
    assert.doesNotMatch(text, /\b1 (patentees|licences|products)\b/);
  }
  assert.ok(summaries.some((text) => /\b1 patentee\b/.test(text)), `a patent with one patentee: ${summaries.slice(0, 3)}`);
  await assertClean(opened);
});
