//! The lossless syntax layer: every file becomes a tree of statements. A statement is the
//! words up to `;`, or the words and a `{ ... }` block. This shape covers the whole drbd.conf
//! language of every dialect, so the tree is built before anything is interpreted; the typed
//! layer ([`crate::build`]) then gives each statement its meaning. Every node keeps its span,
//! and together with the comments the file's text is fully accounted for.
//!
//! Errors here are only about structure (stray `;` or `}`, a `{` never closed, a missing `;`
//! before a `}`); the parser recovers from each and goes on, so one run reports them all.

use crate::diag::{Diagnostic, Diagnostics};
use crate::lexer::{Token, TokenKind};
use crate::source::Span;

/// One statement: `words... ;` or `words... { stmts }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stmt {
    /// The tokens before `;` or `{` (including `[`, `]` and `:`).
    pub words: Vec<Token>,
    /// The block, if the statement has one.
    pub block: Option<Block>,
    /// From the first word to the closing `;` or `}`.
    pub span: Span,
}

impl Stmt {
    /// The first word, which names the statement.
    pub fn keyword(&self) -> &Token {
        &self.words[0]
    }

    /// The words after the keyword.
    pub fn args(&self) -> &[Token] {
        &self.words[1..]
    }
}

/// A `{ ... }` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The `{`.
    pub open: Span,
    /// The `}`; `None` if the file ended first.
    pub close: Option<Span>,
    /// The statements inside.
    pub stmts: Vec<Stmt>,
}

/// Builds the statement tree of one file's tokens (moved into the tree, not copied).
pub fn parse(tokens: Vec<Token>, diags: &mut Diagnostics) -> Vec<Stmt> {
    let mut p = Parser {
        tokens,
        pos: 0,
        diags,
    };
    p.stmts(None)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    diags: &'a mut Diagnostics,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    /// stmts := { stmt } ; stops at the `}` closing `open` (not consumed) or at the end.
    fn stmts(&mut self, open: Option<Span>) -> Vec<Stmt> {
        let mut out = Vec::new();
        while let Some(tok) = self.peek() {
            match tok.kind {
                TokenKind::Punct('}') => {
                    if open.is_some() {
                        break;
                    }
                    self.diags.push(
                        Diagnostic::error(tok.span, "unmatched `}`")
                            .hint("remove it, or look for a `{` missing before it"),
                    );
                    self.pos += 1;
                }
                TokenKind::Punct(';') => {
                    self.diags.push(
                        Diagnostic::error(tok.span, "empty statement (a stray `;`)")
                            .hint("remove the extra `;`"),
                    );
                    self.pos += 1;
                }
                TokenKind::Punct('{') => {
                    let span = tok.span;
                    self.diags
                        .push(Diagnostic::error(span, "a block without a keyword").hint(
                            "a block belongs to a statement such as `net {` or `on alpha {`",
                        ));
                    self.pos += 1;
                    // Parse and drop the anonymous block so its contents are still checked
                    // for structure and the braces stay balanced.
                    let _ = self.block(span);
                }
                _ => out.push(self.stmt()),
            }
        }
        out
    }

    // stmt := word { word } ( ";" | block )
    fn stmt(&mut self) -> Stmt {
        let start = self.pos;
        while let Some(tok) = self.peek() {
            match tok.kind {
                TokenKind::Punct(';') => {
                    let end = tok.span;
                    let words = self.take(start);
                    let span = words[0].span.to(end);
                    self.pos += 1;
                    return Stmt {
                        words,
                        block: None,
                        span,
                    };
                }
                TokenKind::Punct('{') => {
                    let open = tok.span;
                    let words = self.take(start);
                    self.pos += 1;
                    let block = self.block(open);
                    let end = block.close.unwrap_or_else(|| self.last_span());
                    let span = words[0].span.to(end);
                    return Stmt {
                        words,
                        block: Some(block),
                        span,
                    };
                }
                TokenKind::Punct('}') => break,
                _ => self.pos += 1,
            }
        }
        // Ended at `}` or at the end of the file without `;`.
        let words = self.take(start);
        let last = words.last().map(|t| t.span).unwrap_or_default();
        let after = Span {
            file: last.file,
            start: last.end,
            end: last.end,
        };
        let what = words
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        self.diags.push(
            Diagnostic::error(after, format!("missing `;` after `{}`", shorten(&what)))
                .hint("every statement ends with `;` unless it has a `{ ... }` block"),
        );
        let span = words[0].span.to(last);
        Stmt {
            words,
            block: None,
            span,
        }
    }

    // block := "{" stmts "}"
    fn block(&mut self, open: Span) -> Block {
        let stmts = self.stmts(Some(open));
        let close = match self.peek() {
            Some(t) if t.is_punct('}') => {
                let s = t.span;
                self.pos += 1;
                Some(s)
            }
            _ => {
                self.diags.push(
                    Diagnostic::error(open, "this `{` is never closed")
                        .hint("add the matching `}`; the file ended inside this block"),
                );
                None
            }
        };
        Block { open, close, stmts }
    }

    /// Moves the tokens `start..pos` out of the stream (each token is used once).
    fn take(&mut self, start: usize) -> Vec<Token> {
        self.tokens[start..self.pos]
            .iter_mut()
            .map(std::mem::take)
            .collect()
    }

    fn last_span(&self) -> Span {
        self.tokens.last().map(|t| t.span).unwrap_or_default()
    }
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
    use crate::lexer::lex;
    use crate::source::FileId;

    fn tree(s: &str) -> (Vec<Stmt>, Diagnostics) {
        let mut d = Diagnostics::default();
        let l = lex(FileId(0), s);
        let t = parse(l.tokens, &mut d);
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
                "this `{` is never closed"
            ]
        );
    }
}
