//! Reading files: the main config (or stdin), and `include "glob";` statements at top
//! level, resolved relative to the including file, matched in sorted order, each file read
//! once (by canonical path). A glob that matches nothing is a warning; a literal path that
//! does not exist is an error, as upstream.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::{FileId, SourceMap, Span};
use crate::syntax::{Parser, Stmt};

/// The files of a configuration and the problems found reading them. The statements went
/// to the [`Sink`] as they were read.
pub struct Loaded {
    /// All files read.
    pub sources: SourceMap,
    /// The main file.
    pub main: FileId,
    /// Structural errors, lexical errors and include problems.
    pub diagnostics: Diagnostics,
}

/// Takes each top-level statement in reading order (an `include` already replaced by its
/// files' statements), with the files read so far. A statement borrows from its file's
/// text and lives only for the call, so the whole tree never exists at once.
pub type Sink<'a> = dyn FnMut(Stmt<'_>, &SourceMap, &mut Diagnostics) + 'a;

/// Where the main configuration comes from.
pub enum Input<'a> {
    /// A file path.
    File(&'a Path),
    /// Text with a display name (`STDIN` for `-c -`); includes are relative to the cwd.
    Text { name: &'a str, text: String },
}

/// Reads the main file and its includes, handing every statement to `sink`. `seen` lists
/// files to treat as already read (drbdadm's `--config-to-exclude`).
pub fn load(input: Input<'_>, seen: &[PathBuf], sink: &mut Sink<'_>) -> std::io::Result<Loaded> {
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
            let id = sources.add(name, canonical, text);
            sources.set_given(id, path.display().to_string());
            id
        }
        Input::Text { name, text } => sources.add(name.to_string(), None, text),
    };
    let mut diagnostics = Diagnostics::default();
    read_file(&mut sources, id, sink, &mut diagnostics);
    Ok(Loaded {
        sources,
        main: id,
        diagnostics,
    })
}

/// Reads one more file into an existing load (drbdadm's `--config-to-test`).
pub fn load_more(loaded: &mut Loaded, path: &Path, sink: &mut Sink<'_>) -> std::io::Result<()> {
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
    read_file(&mut loaded.sources, id, sink, &mut loaded.diagnostics);
    Ok(())
}

fn read_file(sources: &mut SourceMap, id: FileId, sink: &mut Sink<'_>, diags: &mut Diagnostics) {
    // A handle of its own on the text: files this one includes are added while it is read.
    let text = Arc::clone(&sources.file(id).text);
    let base = sources.file(id).include_base();
    let mut parser = Parser::new(id, &text);
    while let Some(stmt) = parser.next_stmt(diags) {
        if stmt.keyword().is_kw("include") && stmt.block.is_none() {
            include(sources, &base, &stmt, sink, diags);
        } else {
            sink(stmt, sources, diags);
        }
    }
}

// include := "include" STRING ";"
fn include(
    sources: &mut SourceMap,
    base: &Path,
    stmt: &Stmt<'_>,
    sink: &mut Sink<'_>,
    diags: &mut Diagnostics,
) {
    let [pattern] = stmt.args() else {
        diags.push(
            Diagnostic::error(stmt.span, "`include` takes one file name or glob")
                .hint("write `include \"drbd.d/*.res\";`"),
        );
        return;
    };
    let text = pattern.as_str();
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
                // Upstream globs from the including file's directory: a relative pattern
                // yields names relative to it.
                let given = match path.strip_prefix(base) {
                    Ok(rel) if !Path::new(text).is_absolute() => rel.display().to_string(),
                    _ => path.display().to_string(),
                };
                sources.set_given(id, given);
                read_file(sources, id, sink, diags);
            }
            Err(e) => diags.push(Diagnostic::error(
                Span { ..pattern.span },
                format!("failed to open include file `{}`: {e}", path.display()),
            )),
        }
    }
}
