//! Findings: a rule, a severity, a location that is already resolved to a display file name,
//! line and column (so that findings from the inventory file and from the configuration sort
//! and render alike), the message, hints, a one-line fix and related locations.

use std::path::{Path, PathBuf};

use crate::diag::Severity;
use crate::lint::rules::{rule_by_id, Rule};
use crate::source::{SourceMap, Span};

/// A resolved location: `file:line:col` up to `end_line:end_col` (1-based, columns in
/// characters, the end exclusive).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Loc {
    /// The file as shown to the user (relative to the working directory when below it).
    pub file: String,
    /// First line.
    pub line: u32,
    /// First column.
    pub col: u32,
    /// Last line.
    pub end_line: u32,
    /// Column after the last character.
    pub end_col: u32,
    /// The text of the first line, for the caret display.
    pub source_line: String,
}

/// Another place a finding refers to ("first used here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// Where.
    pub loc: Loc,
    /// What is there.
    pub message: String,
}

/// One finding of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: &'static Rule,
    /// Its severity (the rule's).
    pub severity: Severity,
    /// Where.
    pub loc: Loc,
    /// What, in one line.
    pub message: String,
    /// More detail, one line each.
    pub hints: Vec<String>,
    /// What to do, in one line.
    pub fix: String,
    /// Other places involved.
    pub related: Vec<Related>,
}

impl Finding {
    /// A finding of rule `id` at `loc`, with the rule's generic fix.
    pub fn new(id: &str, loc: Loc, message: impl Into<String>) -> Finding {
        let rule = rule_by_id(id);
        Finding {
            rule,
            severity: rule.severity,
            loc,
            message: message.into(),
            hints: Vec::new(),
            fix: rule.fix.to_string(),
            related: Vec::new(),
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, h: impl Into<String>) -> Finding {
        self.hints.push(h.into());
        self
    }

    /// Replaces the generic fix with a specific one.
    pub fn fix(mut self, f: impl Into<String>) -> Finding {
        self.fix = f.into();
        self
    }

    /// Adds a related location.
    pub fn related(mut self, loc: Loc, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            loc,
            message: message.into(),
        });
        self
    }

    /// The sort key: file, position, rule, message.
    fn key(&self) -> (&str, u32, u32, &str, &str) {
        (
            &self.loc.file,
            self.loc.line,
            self.loc.col,
            self.rule.id,
            &self.message,
        )
    }
}

/// Sorts findings by file, line, column, rule and message, and drops exact repeats.
pub fn sort(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| a.key().cmp(&b.key()));
    findings.dedup_by(|a, b| a.key() == b.key());
}

/// Turns spans into display locations.
pub struct Locator<'a> {
    /// The configuration's files.
    pub sources: &'a SourceMap,
    /// The directory paths are shown relative to.
    pub cwd: &'a Path,
}

impl Locator<'_> {
    /// The location of a span.
    pub fn loc(&self, span: Span) -> Loc {
        let f = self.sources.file(span.file);
        let start = f.line_col(span.start);
        let end = f.line_col(span.end.max(span.start));
        Loc {
            file: display_path(&f.name, self.cwd),
            line: start.line,
            col: start.col,
            end_line: end.line,
            end_col: end.col,
            source_line: f.line_text(start.line).to_string(),
        }
    }

    /// Line 1, column 1 of a file (findings about a whole file).
    pub fn file_start(&self, file: crate::source::FileId) -> Loc {
        self.loc(Span {
            file,
            start: 0,
            end: 0,
        })
    }
}

/// `name` relative to `cwd` when it lies below it, else unchanged.
pub fn display_path(name: &str, cwd: &Path) -> String {
    let p = PathBuf::from(name);
    match p.strip_prefix(cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
        _ => name.to_string(),
    }
}

/// A location in a file that is not part of the configuration (the inventory).
pub fn text_loc(file: &str, text: &str, line: u32, col: u32, len: u32) -> Loc {
    let source_line = text
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("")
        .to_string();
    Loc {
        file: file.to_string(),
        line,
        col,
        end_line: line,
        end_col: col + len,
        source_line,
    }
}
