// Served from a web server, the glue fetches the .wasm beside it (connect-src 'self'). The
// single-file build replaces this module with one that returns the inlined bytes.
export function wasmSource() {
  return undefined;
}
