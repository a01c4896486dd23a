//! The committed generated files must be what the tables give today: adding a row
//! to a catalogue without running the codegen fails here, naming the file.

use std::path::Path;

#[test]
fn generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut stale = Vec::new();
    for (path, expected) in wxnet_codegen::render() {
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if committed != expected {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {}; run `{}` and commit them",
        stale.join(", "),
        wxnet_codegen::COMMAND
    );
}
