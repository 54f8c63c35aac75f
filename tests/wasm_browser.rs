//! The WebAssembly bindings in headless Chromium (through chromedriver).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
#[macro_use]
mod common;

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

shared_wasm_tests!();
