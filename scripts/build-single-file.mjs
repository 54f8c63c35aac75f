#!/usr/bin/env node
// Builds dist/patent-intensive.html: the self-assessment page as one file that works when opened
// from disk (file://) with no server, for auditors and air-gapped machines. The WebAssembly is
// inlined as base64, the worked example as text, the ES modules are joined into one inline
// module script, and the stylesheet into one inline style; the Content-Security-Policy allows
// exactly those two inline blocks by their SHA-256 and nothing from anywhere else. The
// assessment worker's modules are bundled the same way and carried inside the script as text;
// the page starts the worker from a blob: URL of it (file:// pages cannot start a worker from a
// file; and as a classic worker, since module workers are refused to file:// pages), which the
// policy allows with worker-src blob: and nothing else.
//
// Needs www/pkg/ (scripts/build-wasm.sh). Usage: node scripts/build-single-file.mjs [OUT]

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'patent-intensive.html'));

const wasmPath = join(www, 'pkg', 'patent_intensive_bg.wasm');
const wasm = readFileSync(wasmPath);
const example = readFileSync(join(www, 'example.json'), 'utf8');

// Modules whose job is to fetch something get a stand-in that carries it instead.
const replacements = new Map([
  [
    join(www, 'js', 'wasm-source.js'),
    [
      '// Inlined by scripts/build-single-file.mjs: the engine, base64, so no fetch is needed.',
      `const WASM_BASE64 = '${wasm.toString('base64')}';`,
      'export function wasmSource() {',
      '  const text = atob(WASM_BASE64);',
      '  const bytes = new Uint8Array(text.length);',
      '  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);',
      '  return bytes;',
      '}',
    ].join('\n'),
  ],
  [
    join(www, 'js', 'example-source.js'),
    `export async function exampleText() {\n  return ${JSON.stringify(example)};\n}`,
  ],
]);

// A small bundler for the subset of ES module syntax this page and the wasm-bindgen glue use:
// `import x, { a, b as c } from './m.js'`, `import * as ns from`, `export function|const|let|class`,
// and `export { a, b as default }`. Each module becomes a function scope returning its exports.
const IMPORT = /^import\s+([\s\S]*?)\s+from\s+['"]([^'"]+)['"];?[ \t]*$/gm;
let modules = new Map(); // path -> { name, code }
let order = [];

/** One entry module and everything it imports, as one script. */
function bundle(entry) {
  modules = new Map();
  order = [];
  load(entry);
  return `\n${order.map((m) => m.code).join('\n')}\n`;
}

function load(path, stack = []) {
  if (modules.has(path)) return modules.get(path);
  if (stack.includes(path)) throw new Error(`import cycle: ${[...stack, path].map((p) => relative(root, p)).join(' -> ')}`);
  const source = replacements.get(path) ?? readFileSync(path, 'utf8');
  const entry = { name: `__module${modules.size}`, code: '' };
  modules.set(path, entry);
  const imports = [];
  let code = source.replace(IMPORT, (match, clause, spec) => {
    const target = load(resolve(dirname(path), spec), [...stack, path]);
    imports.push(bindings(clause, target.name));
    return '';
  });
  if (/^\s*import\s/m.test(code)) throw new Error(`${relative(root, path)}: an import form the bundler does not know`);
  const exported = [];
  code = code.replace(/^export\s+((?:async\s+)?function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm, (m, kind, name) => {
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  code = code.replace(/^export\s*\{([^}]*)\};?[ \t]*$/gm, (m, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as] = item.split(/\s+as\s+/);
      exported.push([local.trim(), (as ?? local).trim()]);
    }
    return '';
  });
  if (/^\s*export\s/m.test(code)) throw new Error(`${relative(root, path)}: an export form the bundler does not know`);
  const returned = exported.map(([local, as]) => `${JSON.stringify(as)}: ${local}`).join(', ');
  entry.code = `const ${entry.name} = (() => {\n${imports.join('\n')}\n${code}\nreturn Object.freeze({ ${returned} });\n})();`;
  order.push(entry);
  return entry;
}

function bindings(clause, name) {
  const lines = [];
  const ns = /^\*\s+as\s+([\w$]+)$/.exec(clause.trim());
  if (ns) return `const ${ns[1]} = ${name};`;
  const m = /^(?:([\w$]+)\s*,?\s*)?(?:\{([\s\S]*)\})?$/.exec(clause.trim());
  if (!m) throw new Error(`unsupported import clause: ${clause}`);
  if (m[1]) lines.push(`const ${m[1]} = ${name}.default;`);
  if (m[2]) {
    const parts = m[2].split(',').map((s) => s.trim()).filter(Boolean).map((item) => {
      const [imported, local] = item.split(/\s+as\s+/);
      return local ? `${imported.trim()}: ${local.trim()}` : imported.trim();
    });
    lines.push(`const { ${parts.join(', ')} } = ${name};`);
  }
  return lines.join('\n');
}

// The worker first: the page's bundle carries it as text and starts it from a blob: URL, as a
// classic worker (module workers are refused to file:// pages), so the one `import.meta.url` of
// the glue (a default path the worker never uses: it is handed the compiled module) is replaced.
const workerScript = bundle(join(www, 'js', 'worker.js')).replace(/import\.meta\.url/g, 'self.location.href');
replacements.set(
  join(www, 'js', 'worker-url.js'),
  [
    '// Inlined by scripts/build-single-file.mjs: the assessment worker, bundled, started from a blob.',
    `const WORKER_SOURCE = ${JSON.stringify(workerScript)};`,
    'export function workerUrl() {',
    "  return URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));",
    '}',
    'export function workerOptions() {',
    "  return { name: 'assessor' };",
    '}',
  ].join('\n'),
);
const script = bundle(join(www, 'js', 'main.js'));
const style = `\n${readFileSync(join(www, 'style.css'), 'utf8')}`;
if (/<\/script/i.test(script) || /<\/style/i.test(style)) throw new Error('inline code contains a closing tag');

const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(style)}`,
  "connect-src 'none'",
  'worker-src blob:',
  'img-src data:',
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

let html = readFileSync(join(www, 'index.html'), 'utf8');
const swap = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`index.html: ${pattern} not found`);
  html = html.replace(pattern, () => replacement);
};
swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
// Preloads name files the single file carries inside itself.
html = html.replace(/<!--[^>]*-->\n/g, '').replace(/<link rel="(?:modulepreload|preload)"[^>]*>\n/g, '');
swap(/<link rel="stylesheet" href="style\.css">/, `<style>${style}</style>`);
swap(/<script type="module" src="js\/main\.js"><\/script>/, `<script type="module">${script}</script>`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
const digest = createHash('sha256').update(html, 'utf8').digest('hex');
console.log(`${relative(process.cwd(), out) || out}: ${Buffer.byteLength(html)} bytes, SHA-256 ${digest}`);
