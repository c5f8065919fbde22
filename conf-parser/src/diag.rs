//! Diagnostics: located errors and warnings, collected for a whole run and rendered as
//! `FILE:LINE:COL: error: WHAT` with optional hints.

use std::fmt::Write as _;

use crate::source::{SourceMap, Span};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Advice: syntax upstream accepts silently but a newer form exists (8.3 `syncer {}`).
    /// `drbdadm lint` shows these; the compatible commands stay quiet, as upstream.
    Note,
    /// Accepted, but worth changing (legacy syntax, ignored keywords, empty include globs).
    Warning,
    /// The configuration is invalid (drbdadm exits 10).
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One finding with its location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub span: Span,
    /// What, in one line.
    pub message: String,
    /// What to do about it, one line each.
    pub hints: Vec<String>,
    /// drbdadm stops reading here with this exit code instead of 10 (drbdadm-84 exits 20
    /// from inside its number parser).
    pub exit: Option<i32>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
            hints: Vec::new(),
            exit: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            span,
            message: message.into(),
            hints: Vec::new(),
            exit: None,
        }
    }

    /// A note (advice) at `span`.
    pub fn note(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            span,
            message: message.into(),
            hints: Vec::new(),
            exit: None,
        }
    }

    /// Marks the error as one upstream exits on at once, with `code`.
    pub fn exits(mut self, code: i32) -> Diagnostic {
        self.exit = Some(code);
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    /// `FILE:LINE:COL: error: WHAT`, then one `    hint: ...` line per hint.
    pub fn render(&self, sources: &SourceMap) -> String {
        let (file, lc) = sources.locate(self.span);
        let mut out = format!(
            "{}:{}:{}: {}: {}\n",
            file,
            lc.line,
            lc.col,
            self.severity.as_str(),
            self.message
        );
        for hint in &self.hints {
            let _ = writeln!(out, "    hint: {hint}");
        }
        out
    }
}

/// The findings of one run, in the order they were found.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a finding.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// True if any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// The exit code the first error sets, if it is not the parse error's 10: upstream
    /// stops at its first error, so a later one cannot choose the code.
    pub fn exit_code(&self) -> Option<i32> {
        self.items
            .iter()
            .find(|d| d.severity == Severity::Error)
            .and_then(|d| d.exit)
    }

    /// All findings.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Number of findings.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True if nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Findings sorted by file, position and message (deterministic output).
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| (a.span, &a.message).cmp(&(b.span, &b.message)));
        v.dedup_by(|a, b| a.span == b.span && a.message == b.message);
        v
    }

    /// All findings rendered, sorted by location.
    pub fn render(&self, sources: &SourceMap) -> String {
        self.sorted().iter().map(|d| d.render(sources)).collect()
    }

    /// Warnings and errors rendered (no notes), sorted by location: what drbdadm prints.
    pub fn render_problems(&self, sources: &SourceMap) -> String {
        self.sorted()
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| d.render(sources))
            .collect()
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= limit || (c.len() > 3 && (c.contains(word) && word.len() > 3)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}
