//! `gen-man [--check] DIR`: writes the man pages and completions below DIR (normally
//! `man/`), or with `--check` lists the files whose contents differ and exits 1.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (check, dir) = match args.as_slice() {
        [flag, dir] if flag == "--check" => (true, dir.clone()),
        [dir] if !dir.starts_with('-') => (false, dir.clone()),
        _ => {
            eprintln!("usage: gen-man [--check] DIR");
            return ExitCode::from(1);
        }
    };
    let mut stale = 0;
    for (rel, text) in drbd_man::all_files() {
        let path = Path::new(&dir).join(&rel);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                eprintln!(
                    "{}: differs from the generated text (run `make man`)",
                    path.display()
                );
                stale += 1;
            }
            continue;
        }
        if let Some(parent) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                eprintln!("{}: {e}", parent.display());
                return ExitCode::from(1);
            }
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    if stale > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
