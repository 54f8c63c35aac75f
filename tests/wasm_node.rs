//! The WebAssembly bindings under Node (wasm-bindgen-test-runner's default).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
#[macro_use]
mod common;

shared_wasm_tests!();
