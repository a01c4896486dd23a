//! `wxnet-codegen [ROOT]`: writes the generated files under the repository root
//! (default: the current directory). `node scripts/codegen.mjs` runs it.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    for (path, text) in wxnet_codegen::render() {
        let target = root.join(path);
        let written =
            target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&target, text));
        match written {
            Ok(()) => println!("[codegen] {path}"),
            Err(error) => {
                eprintln!("[codegen] cannot write {}: {error}", target.display());
                std::process::exit(1);
            }
        }
    }
}
