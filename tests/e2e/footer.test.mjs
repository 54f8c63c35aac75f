// The page's footer names the engine version and the SHA-256 of the WebAssembly module the page
// actually instantiated, served and as the single file, so an auditor can compare it with a
// reproduced build (docs/reproduce.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, WWW, assessed, foreignRequests, openPage, session } from './helpers.mjs';

const wasm = readFileSync(join(WWW, 'pkg', 'patent_intensive_bg.wasm'));
const expected = createHash('sha256').update(wasm).digest('hex');
const version = /^version = "(.+)"$/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];

const web = session();

async function footer(url) {
  const { context, page, log } = await openPage(web.browser);
  try {
    await page.goto(url);
    await assessed(page);
    await page.waitForFunction(() => /^[0-9a-f]{64}$/.test(document.getElementById('engine-sha256')?.textContent ?? ''));
    return {
      version: await page.textContent('#engine-version'),
      sha256: await page.textContent('#engine-sha256'),
      requests: log.requests,
      errors: [...log.consoleErrors, ...log.pageErrors],
    };
  } finally {
    await context.close();
  }
}

test('served: the footer shows the engine version and the SHA-256 of the loaded module', async () => {
  const shown = await footer(web.server.url);
  assert.equal(shown.version, `patent-intensive ${version}`);
  assert.equal(shown.sha256, expected);
  assert.deepEqual(shown.errors, []);
  assert.deepEqual(foreignRequests(shown.requests, web.server.origin), []);
  assert.equal(shown.requests.filter((u) => u.endsWith('.wasm')).length, 1, 'the module is fetched once');
});

test('single file: the footer shows the SHA-256 of the module inlined in the file', async () => {
  const shown = await footer(pathToFileURL(join(ROOT, 'dist', 'patent-intensive.html')).href);
  assert.equal(shown.version, `patent-intensive ${version}`);
  assert.equal(shown.sha256, expected);
  assert.deepEqual(shown.errors, []);
});
