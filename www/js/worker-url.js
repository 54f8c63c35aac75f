// Where the assessment worker's script is, and how to start it. Served, it is the module beside
// this one, started as a module worker (allowed by script-src 'self'). The single-file build
// replaces this module with one that makes a blob: URL from the bundled worker source it carries
// (allowed there by worker-src blob:) and starts it as a classic worker: Chromium refuses module
// workers to pages opened from file://, whose origin is opaque.
export function workerUrl() {
  return new URL('./worker.js', import.meta.url);
}

export function workerOptions() {
  return { type: 'module', name: 'assessor' };
}
