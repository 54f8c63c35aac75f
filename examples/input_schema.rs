//! Writes the JSON Schema of the assessment input (generated from the reader's field tables) to
//! the path given, or to standard output: `cargo run --example input_schema -- FILE`.

// A tool around the core, not the core: it reads and writes files (clippy.toml bans IO in the core).
#![allow(clippy::disallowed_methods)]

use std::io::Write;

fn main() -> std::io::Result<()> {
    let schema = patent_intensive::schema::input_schema();
    let text = serde_json::to_string_pretty(&schema)? + "\n";
    match std::env::args().nth(1) {
        Some(path) => std::fs::write(path, text),
        None => std::io::stdout().write_all(text.as_bytes()),
    }
}
