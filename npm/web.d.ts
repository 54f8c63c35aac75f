// The `patent-intensive/web` entry: the same functions, after an explicit `await init()`.
export * from "./index.js";

/** Where to load the module from: a URL or path, a Response, bytes, or a compiled module. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads and instantiates the WebAssembly module; call (and await) once before anything else.
 * Without an argument it fetches `patent_intensive_bg.wasm` next to this file.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Instantiates the module synchronously from bytes or a compiled module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
