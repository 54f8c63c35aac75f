//! Writes the npm package's generated TypeScript declarations (src/typescript.rs) into the folder
//! given: `cargo run --features ts --example typescript -- npm/types`.

// A tool around the core, not the core: it writes files (clippy.toml bans IO in the core).
#![allow(clippy::disallowed_methods)]

fn main() -> Result<(), String> {
    let folder = std::env::args()
        .nth(1)
        .ok_or("usage: cargo run --features ts --example typescript -- FOLDER")?;
    let files = patent_intensive::typescript::declarations()?;
    std::fs::create_dir_all(&folder).map_err(|e| format!("{folder}: {e}"))?;
    for file in files {
        let path = std::path::Path::new(&folder).join(file.name);
        std::fs::write(&path, file.text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
