//! The WebAssembly bindings under Node (wasm-bindgen-test-runner's default).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn the_example_is_assessed_from_an_object_and_from_text_alike() {
    common::the_example_is_assessed_from_an_object_and_from_text_alike();
}

#[wasm_bindgen_test]
fn validate_packs_normalize_and_version_answer_plain_objects() {
    common::validate_packs_normalize_and_version_answer_plain_objects();
}

#[wasm_bindgen_test]
fn a_caller_supplied_pack_is_applied_or_its_findings_are_reported() {
    common::a_caller_supplied_pack_is_applied_or_its_findings_are_reported();
}

#[wasm_bindgen_test]
fn nothing_a_caller_passes_throws_or_traps() {
    common::nothing_a_caller_passes_throws_or_traps();
}
