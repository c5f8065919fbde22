//! Reading files: the main config (or stdin), and `include "glob";` statements at top
//! level, resolved relative to the including file, matched in sorted order, each file read
//! once (by canonical path). A glob that matches nothing is a warning; a literal path that
//! does not exist is an error, as upstream.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::lexer::lex;
use crate::source::{FileId, SourceMap, Span};
use crate::syntax::{self, Stmt};

/// Top-level statements of the main file with every include spliced in place.
pub struct Loaded {
    /// All files read.
    pub sources: SourceMap,
    /// The main file.
    pub main: FileId,
    /// Top-level statements in reading order (includes already replaced by their files').
    pub stmts: Vec<Stmt>,
    /// Structural errors, lexical errors and include problems.
    pub diagnostics: Diagnostics,
}

/// Where the main configuration comes from.
pub enum Input<'a> {
    /// A file path.
    File(&'a Path),
    /// Text with a display name (`STDIN` for `-c -`); includes are relative to the cwd.
    Text { name: &'a str, text: String },
}

/// Reads the main file and its includes. `seen` lists files to treat as already read
/// (drbdadm's `--config-to-exclude`).
pub fn load(input: Input<'_>, seen: &[PathBuf]) -> Result<Loaded, std::io::Error> {
    let mut sources = SourceMap::default();
    for path in seen {
        if let Ok(c) = std::fs::canonicalize(path) {
            sources.add(path.display().to_string(), Some(c), String::new());
        }
    }
    let id = match input {
        Input::File(path) => {
            let text = std::fs::read_to_string(path)?;
            let canonical = std::fs::canonicalize(path).ok();
            let name = canonical
                .as_ref()
                .map_or_else(|| path.display().to_string(), |c| c.display().to_string());
            sources.add(name, canonical, text)
        }
        Input::Text { name, text } => sources.add(name.to_string(), None, text),
    };
    let mut diagnostics = Diagnostics::default();
    let mut stmts = Vec::new();
    read_file(&mut sources, id, &mut stmts, &mut diagnostics);
    Ok(Loaded {
        sources,
        main: id,
        stmts,
        diagnostics,
    })
}

/// Reads one more file into an existing load (drbdadm's `--config-to-test`).
pub fn load_more(loaded: &mut Loaded, path: &Path) -> Result<(), std::io::Error> {
    let text = std::fs::read_to_string(path)?;
    let canonical = std::fs::canonicalize(path).ok();
    if let Some(c) = &canonical {
        if loaded.sources.contains(c) {
            return Ok(());
        }
    }
    let id = loaded
        .sources
        .add(path.display().to_string(), canonical, text);
    read_file(
        &mut loaded.sources,
        id,
        &mut loaded.stmts,
        &mut loaded.diagnostics,
    );
    Ok(())
}

fn read_file(sources: &mut SourceMap, id: FileId, out: &mut Vec<Stmt>, diags: &mut Diagnostics) {
    let lexed = lex(id, &sources.file(id).text);
    for e in lexed.errors {
        diags.push(e);
    }
    let stmts = syntax::parse(lexed.tokens, diags);
    let base = sources.file(id).include_base();
    for stmt in stmts {
        if stmt.keyword().is_kw("include") && stmt.block.is_none() {
            include(sources, &base, &stmt, out, diags);
        } else {
            out.push(stmt);
        }
    }
}

// include := "include" STRING ";"
fn include(
    sources: &mut SourceMap,
    base: &Path,
    stmt: &Stmt,
    out: &mut Vec<Stmt>,
    diags: &mut Diagnostics,
) {
    let [pattern] = stmt.args() else {
        diags.push(
            Diagnostic::error(stmt.span, "`include` takes one file name or glob")
                .hint("write `include \"drbd.d/*.res\";`"),
        );
        return;
    };
    let text = pattern.text.as_str();
    let magic = text.contains(['*', '?', '[']);
    let full = if Path::new(text).is_absolute() {
        PathBuf::from(text)
    } else {
        base.join(text)
    };
    let mut matches: Vec<PathBuf> = match glob::glob(&full.to_string_lossy()) {
        Ok(paths) => paths.filter_map(Result::ok).collect(),
        Err(e) => {
            diags.push(Diagnostic::error(
                pattern.span,
                format!("bad include pattern `{text}`: {e}"),
            ));
            return;
        }
    };
    matches.sort();
    if matches.is_empty() {
        if magic {
            diags.push(
                Diagnostic::warning(
                    pattern.span,
                    format!("include pattern `{text}` matches no file"),
                )
                .hint(format!(
                    "looked in {}",
                    full.parent()
                        .map_or_else(|| ".".into(), |p| p.display().to_string())
                )),
            );
        } else {
            diags.push(Diagnostic::error(
                pattern.span,
                format!("failed to open include file `{text}`: no such file"),
            ));
        }
        return;
    }
    for path in matches {
        let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if sources.contains(&canonical) {
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(t) => {
                let id = sources.add(path.display().to_string(), Some(canonical), t);
                read_file(sources, id, out, diags);
            }
            Err(e) => diags.push(Diagnostic::error(
                Span { ..pattern.span },
                format!("failed to open include file `{}`: {e}", path.display()),
            )),
        }
    }
}
