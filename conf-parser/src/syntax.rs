//! The lossless syntax layer: every file becomes a tree of statements. A statement is the
//! words up to `;`, or the words and a `{ ... }` block. This shape covers the whole drbd.conf
//! language of every dialect, so a statement's tree is built before anything in it is
//! interpreted; the typed layer ([`crate::build`]) then gives it its meaning. Every node keeps
//! its span, and together with the comments the file's text is fully accounted for. Tokens
//! borrow their text from the file, and [`Parser`] hands out one top-level statement at a
//! time, so a big file's tree never exists all at once.
//!
//! Errors here are only about structure (stray `;` or `}`, a `{` never closed, a missing `;`
//! before a `}`); the parser recovers from each and goes on, so one run reports them all.

use crate::diag::{Diagnostic, Diagnostics};
use crate::lexer::{Lexer, Token, TokenKind};
use crate::source::{FileId, Span};

/// One statement: `words... ;` or `words... { stmts }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stmt<'s> {
    /// The tokens before `;` or `{` (including `[`, `]` and `:`).
    pub words: Vec<Token<'s>>,
    /// The block, if the statement has one.
    pub block: Option<Block<'s>>,
    /// From the first word to the closing `;` or `}`.
    pub span: Span,
}

impl<'s> Stmt<'s> {
    /// The first word, which names the statement.
    pub fn keyword(&self) -> &Token<'s> {
        &self.words[0]
    }

    /// The words after the keyword.
    pub fn args(&self) -> &[Token<'s>] {
        &self.words[1..]
    }
}

/// A `{ ... }` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block<'s> {
    /// The `{`.
    pub open: Span,
    /// The `}`; `None` if the file ended first.
    pub close: Option<Span>,
    /// The statements inside.
    pub stmts: Vec<Stmt<'s>>,
}

/// The statement tree of one whole file.
pub fn parse<'s>(file: FileId, text: &'s str, diags: &mut Diagnostics) -> Vec<Stmt<'s>> {
    let mut p = Parser::new(file, text);
    std::iter::from_fn(|| p.next_stmt(diags)).collect()
}

/// Reads one file a top-level statement at a time, straight from the tokenizer: only the
/// statement being read is ever in memory. Lexical and structural errors go to the
/// diagnostics given to each call, in the order they are found.
pub struct Parser<'s> {
    lexer: Lexer<'s>,
    peeked: Option<Token<'s>>,
    /// The last token read: the file's last token once it has ended.
    last: Span,
    /// Blocks open around the current statement (0: the top level).
    depth: u32,
}

impl<'s> Parser<'s> {
    /// A parser at the start of `text`.
    pub fn new(file: FileId, text: &'s str) -> Parser<'s> {
        Parser {
            lexer: Lexer::new(file, text),
            peeked: None,
            depth: 0,
            last: Span::default(),
        }
    }

    /// The next top-level statement, or `None` at the end of the file.
    pub fn next_stmt(&mut self, diags: &mut Diagnostics) -> Option<Stmt<'s>> {
        self.next_in(None, diags)
    }

    fn peek(&mut self, diags: &mut Diagnostics) -> Option<&Token<'s>> {
        if self.peeked.is_none() {
            self.peeked = self.lexer.next();
            if let Some(t) = &self.peeked {
                self.last = t.span;
            }
            for e in self.lexer.errors.drain(..) {
                diags.push(e);
            }
        }
        self.peeked.as_ref()
    }

    /// Consumes the token `peek` returned.
    fn bump(&mut self) -> Option<Token<'s>> {
        self.peeked.take()
    }

    /// The next statement of the block opened at `open` (`None`: the top level), after
    /// reporting stray `;`, `}` and blocks without a keyword; `None` at the `}` closing
    /// `open` (not consumed) or at the end of the file.
    fn next_in(&mut self, open: Option<Span>, diags: &mut Diagnostics) -> Option<Stmt<'s>> {
        while let Some(tok) = self.peek(diags) {
            match tok.kind {
                TokenKind::Punct('}') => {
                    if open.is_some() {
                        return None;
                    }
                    diags.push(
                        Diagnostic::error(tok.span, "unmatched `}`")
                            .hint("remove it, or look for a `{` missing before it"),
                    );
                    self.bump();
                }
                TokenKind::Punct(';') => {
                    diags.push(
                        Diagnostic::error(tok.span, "empty statement (a stray `;`)")
                            .hint("remove the extra `;`"),
                    );
                    self.bump();
                }
                TokenKind::Punct('{') => {
                    let span = tok.span;
                    diags
                        .push(Diagnostic::error(span, "a block without a keyword").hint(
                            "a block belongs to a statement such as `net {` or `on alpha {`",
                        ));
                    self.bump();
                    // Parse and drop the anonymous block so its contents are still checked
                    // for structure and the braces stay balanced.
                    let _ = self.block(span, diags);
                }
                _ => return Some(self.stmt(diags)),
            }
        }
        None
    }

    // stmt := word { word } ( ";" | block )
    fn stmt(&mut self, diags: &mut Diagnostics) -> Stmt<'s> {
        let mut words = Vec::new();
        while let Some(tok) = self.peek(diags) {
            match tok.kind {
                TokenKind::Punct(';') => {
                    let span = words_span(&words, tok.span);
                    self.bump();
                    return Stmt {
                        words,
                        block: None,
                        span,
                    };
                }
                TokenKind::Punct('{') => {
                    let open = tok.span;
                    self.bump();
                    // drbdadm's parser (both personalities) ends a `resource` or `common`
                    // section at the end of the input as at its `}`.
                    let ends_with_file = self.depth == 0
                        && words
                            .first()
                            .is_some_and(|w| w.is_kw("resource") || w.is_kw("common"));
                    let block = self.block_until(open, ends_with_file, diags);
                    let span = words_span(&words, block.close.unwrap_or(self.last));
                    return Stmt {
                        words,
                        block: Some(block),
                        span,
                    };
                }
                TokenKind::Punct('}') => break,
                _ => words.extend(self.bump()),
            }
        }
        // Ended at `}` or at the end of the file without `;`.
        let last = words.last().map(|t| t.span).unwrap_or_default();
        let after = Span {
            file: last.file,
            start: last.end,
            end: last.end,
        };
        let what = words
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        diags.push(
            Diagnostic::error(after, format!("missing `;` after `{}`", shorten(&what)))
                .hint("every statement ends with `;` unless it has a `{ ... }` block"),
        );
        let span = words_span(&words, last);
        Stmt {
            words,
            block: None,
            span,
        }
    }

    // block := "{" stmts "}"
    fn block(&mut self, open: Span, diags: &mut Diagnostics) -> Block<'s> {
        self.block_until(open, false, diags)
    }

    // A block; `ends_with_file`: the end of the file closes it too, with a warning.
    fn block_until(
        &mut self,
        open: Span,
        ends_with_file: bool,
        diags: &mut Diagnostics,
    ) -> Block<'s> {
        self.depth += 1;
        let stmts = std::iter::from_fn(|| self.next_in(Some(open), diags)).collect();
        self.depth -= 1;
        let close = match self.peek(diags) {
            Some(t) if t.is_punct('}') => {
                let s = t.span;
                self.bump();
                Some(s)
            }
            _ if ends_with_file => {
                diags.push(
                    Diagnostic::warning(open, "this `{` is closed by the end of the file")
                        .hint("add the matching `}`"),
                );
                None
            }
            _ => {
                diags.push(
                    Diagnostic::error(open, "this `{` is never closed")
                        .hint("add the matching `}`; the file ended inside this block"),
                );
                None
            }
        };
        Block { open, close, stmts }
    }
}

/// From the first word to `end`.
fn words_span(words: &[Token<'_>], end: Span) -> Span {
    words[0].span.to(end)
}

/// At most 40 characters of `s`, for quoting source in messages.
pub(crate) fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}...", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(s: &str) -> (Vec<Stmt<'_>>, Diagnostics) {
        let mut d = Diagnostics::default();
        let t = parse(FileId(0), s, &mut d);
        (t, d)
    }

    #[test]
    fn statements_and_blocks() {
        let (t, d) = tree("resource r0 { on a { disk /dev/x; } net { protocol C; } }");
        assert!(d.is_empty());
        assert_eq!(t.len(), 1);
        let b = t[0].block.as_ref().map(|b| b.stmts.len());
        assert_eq!(b, Some(2));
    }

    #[test]
    fn recovers_and_reports_every_structural_error() {
        let (t, d) = tree("global { ;; }\nresource r0 { disk /dev/x }\n}\nresource r1 {");
        assert_eq!(t.len(), 3);
        let msgs: Vec<_> = d.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            msgs,
            vec![
                "empty statement (a stray `;`)",
                "empty statement (a stray `;`)",
                "missing `;` after `disk /dev/x`",
                "unmatched `}`",
                "this `{` is closed by the end of the file"
            ]
        );
        assert!(d
            .iter()
            .last()
            .is_some_and(|d| d.severity != crate::diag::Severity::Error));
    }

    #[test]
    fn only_a_top_level_section_ends_with_its_file() {
        let (_, d) = tree("resource r0 { on a { disk /dev/x;");
        let msgs: Vec<_> = d
            .iter()
            .map(|d| {
                (
                    d.message.clone(),
                    d.severity == crate::diag::Severity::Error,
                )
            })
            .collect();
        assert_eq!(
            msgs,
            vec![
                ("this `{` is never closed".to_string(), true),
                (
                    "this `{` is closed by the end of the file".to_string(),
                    false
                )
            ]
        );
    }
}
