// Where the assessment worker's script is. Served, it is the module beside this one (allowed by
// script-src 'self'); the single-file build replaces this module with one that makes a blob: URL
// from the bundled worker source it carries (allowed there by worker-src blob:).
export function workerUrl() {
  return new URL('./worker.js', import.meta.url);
}
