//! drbd.conf parser: a lossless, located syntax tree over every dialect drbd-utils 8.4 and 9
//! accept (with 8.3 and older keywords routed or warned about), and the one option table.
//!
//! Layers: [`lexer`] (nom) -> [`syntax`] (statement tree, structure errors, recovery) ->
//! [`build`] (typed [`model`], option validation against [`options`]). The library never
//! prints and never exits; binaries own presentation and exit codes.

pub mod build;
pub mod crc32c;
pub mod diag;
pub mod legacy;
pub mod lexer;
pub mod lint;
pub mod load;
pub mod model;
pub mod optblock;
pub mod options;
pub mod registry;
pub mod source;
pub mod syntax;
pub mod values;

use std::path::{Path, PathBuf};

pub use diag::{Diagnostic, Diagnostics, Severity};
pub use model::Config;
pub use options::Dialect;

/// How to read a configuration.
#[derive(Clone, Debug)]
pub struct ParseOptions {
    /// The dialect to validate for.
    pub dialect: Dialect,
    /// Files to treat as already read (`--config-to-exclude`).
    pub exclude: Vec<PathBuf>,
    /// Files read after the main one (`--config-to-test`).
    pub extra: Vec<PathBuf>,
}

impl ParseOptions {
    /// Defaults for a dialect.
    pub fn new(dialect: Dialect) -> ParseOptions {
        ParseOptions {
            dialect,
            exclude: Vec::new(),
            extra: Vec::new(),
        }
    }
}

/// Parses a configuration file and everything it includes.
pub fn parse_file(path: &Path, opts: &ParseOptions) -> std::io::Result<Config> {
    let mut loaded = load::load(load::Input::File(path), &opts.exclude)?;
    for extra in &opts.extra {
        load::load_more(&mut loaded, extra)?;
    }
    Ok(build::build(
        loaded.sources,
        loaded.main,
        &loaded.stmts,
        opts.dialect,
        loaded.diagnostics,
    ))
}

/// Parses configuration text (`name` is used in messages, e.g. `STDIN`).
pub fn parse_str(name: &str, text: &str, opts: &ParseOptions) -> Config {
    let loaded = match load::load(
        load::Input::Text {
            name,
            text: text.to_string(),
        },
        &opts.exclude,
    ) {
        Ok(l) => l,
        Err(_) => unreachable_text(),
    };
    build::build(
        loaded.sources,
        loaded.main,
        &loaded.stmts,
        opts.dialect,
        loaded.diagnostics,
    )
}

// Loading from text does no I/O for the main file, so it cannot fail; includes report
// their own errors as diagnostics.
fn unreachable_text() -> load::Loaded {
    load::Loaded {
        sources: source::SourceMap::default(),
        main: source::FileId(0),
        stmts: Vec::new(),
        diagnostics: Diagnostics::default(),
    }
}
