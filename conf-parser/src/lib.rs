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
pub mod uniq;
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
    let mut config = build::ConfigBuilder::new(opts.dialect);
    let sink: &mut load::Sink<'_> = &mut |stmt, sources, diags| config.add(&stmt, sources, diags);
    let mut loaded = load::load(load::Input::File(path), &opts.exclude, sink)?;
    for extra in &opts.extra {
        load::load_more(&mut loaded, extra, sink)?;
    }
    Ok(config.finish(loaded.sources, loaded.main, loaded.diagnostics))
}

/// Parses configuration text (`name` is used in messages, e.g. `STDIN`).
pub fn parse_str(name: &str, text: &str, opts: &ParseOptions) -> Config {
    let mut config = build::ConfigBuilder::new(opts.dialect);
    let input = load::Input::Text {
        name,
        text: text.to_string(),
    };
    let sink: &mut load::Sink<'_> = &mut |stmt, sources, diags| config.add(&stmt, sources, diags);
    // Loading from text does no I/O for the main file, so it cannot fail; includes report
    // their own errors as diagnostics.
    let (sources, main, diagnostics) = match load::load(input, &opts.exclude, sink) {
        Ok(l) => (l.sources, l.main, l.diagnostics),
        Err(_) => (
            source::SourceMap::default(),
            source::FileId(0),
            Diagnostics::default(),
        ),
    };
    config.finish(sources, main, diagnostics)
}
