// The worked example, examples/fuzhou-bogie-monitor.json, copied to www/example.json (a test
// keeps the two identical). The single-file build replaces this module with the inlined text.
export async function exampleText() {
  const response = await fetch(new URL('../example.json', import.meta.url));
  if (!response.ok) throw new Error(`example.json: HTTP ${response.status}`);
  return response.text();
}
