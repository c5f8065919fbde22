//! Source files and locations: every node of the syntax tree carries a [`Span`] that the
//! [`SourceMap`] turns into `file:line:col`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in the [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span covering both `self` and `other` (same file).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
}

/// One loaded file.
#[derive(Debug)]
pub struct SourceFile {
    /// The name used in messages: the path as given or found, or `STDIN`.
    pub name: String,
    /// The path as written on the command line or matched by an `include` pattern (relative
    /// to the including file's directory): 8.4's parse-time messages name files this way.
    pub given: String,
    /// The canonical path, used to read each file once; `None` for stdin.
    pub canonical: Option<PathBuf>,
    /// The file's text (shared: a file is read while files it includes are added).
    pub text: Arc<str>,
    line_starts: Vec<u32>,
}

impl SourceFile {
    fn new(name: String, canonical: Option<PathBuf>, text: String) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i as u32 + 1));
        SourceFile {
            given: name.clone(),
            name,
            canonical,
            text: text.into(),
            line_starts,
        }
    }

    /// Line and column of a byte offset.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_idx] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        LineCol {
            line: line_idx as u32 + 1,
            col: col as u32 + 1,
        }
    }

    /// The text of 1-based line `line`, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let idx = (line.max(1) - 1) as usize;
        let Some(&start) = self.line_starts.get(idx) else {
            return "";
        };
        let end = self
            .line_starts
            .get(idx + 1)
            .map_or(self.text.len(), |&e| e as usize - 1);
        self.text.get(start as usize..end).unwrap_or("")
    }

    /// The directory includes in this file are relative to (the cwd for stdin).
    pub fn include_base(&self) -> PathBuf {
        match &self.canonical {
            Some(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            None => PathBuf::from("."),
        }
    }
}

/// All files read for one configuration, in the order they were read.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, name: String, canonical: Option<PathBuf>, text: String) -> FileId {
        self.files.push(SourceFile::new(name, canonical, text));
        FileId(self.files.len() as u32 - 1)
    }

    /// Records how file `id` was named where it was found (see [`SourceFile::given`]).
    pub fn set_given(&mut self, id: FileId, given: String) {
        if let Some(f) = self.files.get_mut(id.0 as usize) {
            f.given = given;
        }
    }

    /// The file with this id.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Whether a file with this canonical path was already read.
    pub fn contains(&self, canonical: &Path) -> bool {
        self.files
            .iter()
            .any(|f| f.canonical.as_deref() == Some(canonical))
    }

    /// The source text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.file(span.file)
            .text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    /// `file`, line and column of the start of a span.
    pub fn locate(&self, span: Span) -> (&str, LineCol) {
        let f = self.file(span.file);
        (&f.name, f.line_col(span.start))
    }

    /// Like [`SourceMap::locate`], with the file named as given (8.4's `config_file`).
    pub fn locate_given(&self, span: Span) -> (&str, LineCol) {
        let f = self.file(span.file);
        (&f.given, f.line_col(span.start))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True if no file was read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
