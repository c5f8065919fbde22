//! The tokenizer, with nom, reproducing drbd-utils' flex scanner
//! (`user/v9/drbdadm_scanner.fl`): longest match wins, ties go to the earlier rule
//! (IPv4, IPv6, number, string), keywords are plain words compared by the parser, a quoted
//! string is never a keyword, `#` starts a comment to the end of the line.

use std::borrow::Cow;

use nom::{
    branch::alt,
    bytes::complete::{tag, take_while, take_while1, take_while_m_n},
    character::complete::{char, one_of},
    combinator::{opt, recognize},
    sequence::{pair, tuple},
    IResult,
};

use crate::diag::Diagnostic;
use crate::source::{FileId, Span};

/// Longest unquoted word upstream accepts (`STRING [a-zA-Z0-9/._-]{1,128}`).
pub const MAX_WORD: usize = 128;
/// Longest quoted string upstream accepts (`DQSTRING ... {0,255}`).
pub const MAX_QUOTED: usize = 255;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// `[a-zA-Z0-9/._-]+`: names, keywords, paths, option values.
    Word,
    /// `[0-9]{1,8}[MKGs]?` (upstream's TK_INTEGER).
    Int,
    /// A dotted IPv4 address.
    Ipv4,
    /// An IPv6 address (with optional `%scope`).
    Ipv6,
    /// A double-quoted string; the token text is unescaped.
    Quoted,
    /// One of `{ } ; [ ] :`.
    Punct(char),
    /// Any other character (a syntax error wherever it appears).
    Stray(char),
}

/// One token with its text (unescaped for quoted strings) and span. The text borrows from
/// the source, except for a quoted string with escapes, whose unescaped text is its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'s> {
    /// Kind.
    pub kind: TokenKind,
    /// Text; for quoted strings without the quotes and with escapes resolved.
    pub text: Cow<'s, str>,
    /// Where it is, including quotes.
    pub span: Span,
}

impl Token<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True for an unquoted word-like token whose text is `kw` (a keyword match).
    pub fn is_kw(&self, kw: &str) -> bool {
        self.kind != TokenKind::Quoted
            && !matches!(self.kind, TokenKind::Punct(_))
            && self.text == kw
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// True for tokens usable as a value (word, number, address or quoted string).
    pub fn is_value(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Word
                | TokenKind::Int
                | TokenKind::Ipv4
                | TokenKind::Ipv6
                | TokenKind::Quoted
        )
    }
}

/// The tokens and comments of one whole file.
#[derive(Debug, Default)]
pub struct Lexed<'s> {
    /// Tokens in order.
    pub tokens: Vec<Token<'s>>,
    /// Spans of `#` comments (kept so rewriting tools can preserve them).
    pub comments: Vec<Span>,
    /// Lexical errors (unterminated or over-long strings, over-long words).
    pub errors: Vec<Diagnostic>,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-')
}

fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}

// IPV4ADDR ({SNUMB}"."){3}{SNUMB}, SNUMB [0-9]{1,3}
fn ipv4(input: &str) -> IResult<&str, &str> {
    let snumb = || take_while_m_n(1, 3, |c: char| c.is_ascii_digit());
    // Three times by hand: `count` would collect into a vector, for every word read.
    let dotted = || pair(snumb(), char('.'));
    recognize(tuple((dotted(), dotted(), dotted(), snumb())))(input)
}

// NUM [0-9]{1,8}[MKGs]?
fn number(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        take_while_m_n(1, 8, |c: char| c.is_ascii_digit()),
        opt(one_of("MKGs")),
    ))(input)
}

// IPV6ADDR: hex groups and colons (at least two colons), an optional embedded IPv4 tail
// and an optional `%scope`; the candidate must be a valid IPv6 address.
fn ipv6(input: &str) -> IResult<&str, &str> {
    let (rest, candidate) = recognize(pair(
        take_while1(|c: char| is_hex(c) || c == ':' || c == '.'),
        opt(pair(tag("%"), take_while1(is_word_char))),
    ))(input)?;
    let addr = candidate.split('%').next().unwrap_or("");
    if addr.matches(':').count() >= 2 && addr.parse::<std::net::Ipv6Addr>().is_ok() {
        Ok((rest, candidate))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )))
    }
}

fn word(input: &str) -> IResult<&str, &str> {
    take_while1(is_word_char)(input)
}

fn blank(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| matches!(c, ' ' | '\t' | '\r' | '\n'))(input)
}

fn comment(input: &str) -> IResult<&str, &str> {
    recognize(pair(char('#'), take_while(|c| c != '\n')))(input)
}

/// Tokenizes one whole file.
pub fn lex(file: FileId, text: &str) -> Lexed<'_> {
    let mut lexer = Lexer::new(file, text);
    let tokens = lexer.by_ref().collect();
    Lexed {
        tokens,
        comments: lexer.comments,
        errors: lexer.errors,
    }
}

/// The tokenizer over one file: an iterator of tokens, read as they are asked for, so that
/// a file's tokens never all exist at once. Comments and lexical errors are collected on
/// the side, in the order they are met.
pub struct Lexer<'s> {
    file: FileId,
    text: &'s str,
    rest: &'s str,
    last_paste: Option<usize>,
    /// Spans of `#` comments read so far.
    pub comments: Vec<Span>,
    /// Lexical errors found so far (a reader may take them as it goes).
    pub errors: Vec<Diagnostic>,
}

impl<'s> Lexer<'s> {
    /// A tokenizer at the start of `text`.
    pub fn new(file: FileId, text: &'s str) -> Lexer<'s> {
        Lexer {
            file,
            text,
            rest: text,
            last_paste: None,
            comments: Vec::new(),
            errors: Vec::new(),
        }
    }

    fn span(&self, start: usize, len: usize) -> Span {
        Span {
            file: self.file,
            start: start as u32,
            end: (start + len) as u32,
        }
    }

    /// A token of kind `kind` for the next `len` bytes.
    fn token(&mut self, kind: TokenKind, len: usize) -> Token<'s> {
        let pos = self.text.len() - self.rest.len();
        let (text, rest) = self.rest.split_at(len);
        self.rest = rest;
        Token {
            kind,
            text: Cow::Borrowed(text),
            span: self.span(pos, len),
        }
    }

    /// Lexes a double-quoted string at the start of `rest`; `\\` escapes the next
    /// character; a newline or the end of the file before the closing quote is an error.
    fn quoted(&mut self) -> Token<'s> {
        let pos = self.text.len() - self.rest.len();
        let body = &self.rest[1..];
        // The text borrows from the source until the first escape.
        let mut owned: Option<String> = None;
        let mut chars = body.char_indices();
        let mut stop = body.len();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    stop = i;
                    end = Some(i);
                    break;
                }
                '\n' => {
                    stop = i;
                    break;
                }
                '\\' => {
                    let value = owned.get_or_insert_with(|| body[..i].to_string());
                    match chars.next() {
                        Some((_, '\n')) | None => {
                            stop = i;
                            break;
                        }
                        Some((_, n)) => value.push(n),
                    }
                }
                _ => {
                    if let Some(value) = &mut owned {
                        value.push(c);
                    }
                }
            }
        }
        let text = match owned {
            Some(value) => Cow::Owned(value),
            None => Cow::Borrowed(&body[..stop]),
        };
        match end {
            Some(i) => {
                let span = self.span(pos, i + 2);
                let n = text.chars().count();
                if n > MAX_QUOTED {
                    self.errors.push(Diagnostic::error(
                        span,
                        format!(
                            "quoted string is {n} characters long; at most {MAX_QUOTED} are allowed"
                        ),
                    ));
                }
                self.rest = &body[i + 1..];
                Token {
                    kind: TokenKind::Quoted,
                    text,
                    span,
                }
            }
            None => {
                let line_end = body.find('\n').unwrap_or(body.len());
                let span = self.span(pos, 1 + line_end);
                self.errors.push(
                    Diagnostic::error(span, "unterminated double-quoted string")
                        .hint("close the string with `\"` on the same line"),
                );
                self.rest = &body[line_end..];
                Token {
                    kind: TokenKind::Quoted,
                    text,
                    span,
                }
            }
        }
    }
}

impl<'s> Iterator for Lexer<'s> {
    type Item = Token<'s>;

    fn next(&mut self) -> Option<Token<'s>> {
        while !self.rest.is_empty() {
            let pos = self.text.len() - self.rest.len();
            if let Ok((r, _)) = alt((blank, comment))(self.rest) {
                if self.rest.starts_with('#') {
                    let len = self.rest.len() - r.len();
                    self.comments.push(self.span(pos, len));
                }
                self.rest = r;
                continue;
            }
            let c = self.rest.chars().next().unwrap_or(' ');
            if c == '\u{a0}' || c == '\u{feff}' {
                // Pasted from a web page: report it once per line, then read on as if it
                // were a space so the rest of the file is still checked.
                let what = if c == '\u{a0}' {
                    "non-breaking spaces (U+00A0) are"
                } else {
                    "a byte-order mark (U+FEFF) is"
                };
                let text = self.text;
                let same_line = self
                    .last_paste
                    .is_some_and(|at: usize| !text[at..pos].contains('\n'));
                if !same_line {
                    self.errors.push(
                        Diagnostic::error(
                            self.span(pos, c.len_utf8()),
                            format!("{what} not allowed in drbd.conf"),
                        )
                        .hint("probably copied from a web page: replace them with plain spaces"),
                    );
                }
                self.last_paste = Some(pos);
                self.rest = &self.rest[c.len_utf8()..];
                continue;
            }
            // An address that starts with `::` is one token (flex takes the longest match).
            if c == ':' {
                if let Ok((_, m)) = ipv6(self.rest) {
                    return Some(self.token(TokenKind::Ipv6, m.len()));
                }
            }
            if matches!(c, '{' | '}' | ';' | '[' | ']' | ':') {
                return Some(self.token(TokenKind::Punct(c), 1));
            }
            if c == '"' {
                return Some(self.quoted());
            }
            // Longest match among the word-like rules; ties go to the earlier rule.
            let rest = self.rest;
            let candidates: [(TokenKind, Option<&str>); 4] = [
                (TokenKind::Ipv4, ipv4(rest).ok().map(|(_, m)| m)),
                (TokenKind::Ipv6, ipv6(rest).ok().map(|(_, m)| m)),
                (TokenKind::Int, number(rest).ok().map(|(_, m)| m)),
                (TokenKind::Word, word(rest).ok().map(|(_, m)| m)),
            ];
            let best = candidates
                .iter()
                .filter_map(|(k, m)| m.map(|m| (*k, m)))
                .fold(None::<(TokenKind, &str)>, |best, cur| match best {
                    Some(b) if b.1.len() >= cur.1.len() => Some(b),
                    _ => Some(cur),
                });
            return Some(match best {
                Some((kind, m)) => {
                    if kind == TokenKind::Word && m.len() > MAX_WORD {
                        self.errors.push(
                            Diagnostic::error(
                                self.span(pos, m.len()),
                                format!(
                                    "word is {} characters long; at most {MAX_WORD} are allowed",
                                    m.len()
                                ),
                            )
                            .hint("put long values in double quotes (up to 255 characters)"),
                        );
                    }
                    self.token(kind, m.len())
                }
                None => self.token(TokenKind::Stray(c), c.len_utf8()),
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(TokenKind, String)> {
        lex(FileId(0), s)
            .tokens
            .into_iter()
            .map(|t| (t.kind, t.text.into_owned()))
            .collect()
    }

    #[test]
    fn flex_longest_match_rules() {
        use TokenKind::*;
        assert_eq!(
            kinds("10.1.1.31:7000"),
            vec![
                (Ipv4, "10.1.1.31".into()),
                (Punct(':'), ":".into()),
                (Int, "7000".into())
            ]
        );
        assert_eq!(kinds("10M"), vec![(Int, "10M".into())]);
        assert_eq!(kinds("10m"), vec![(Word, "10m".into())]);
        assert_eq!(kinds("134217728"), vec![(Word, "134217728".into())]);
        assert_eq!(kinds("1M-striping"), vec![(Word, "1M-striping".into())]);
        assert_eq!(kinds("online"), vec![(Word, "online".into())]);
        assert_eq!(
            kinds("[fe80::1%eth0]:7788"),
            vec![
                (Punct('['), "[".into()),
                (Ipv6, "fe80::1%eth0".into()),
                (Punct(']'), "]".into()),
                (Punct(':'), ":".into()),
                (Int, "7788".into())
            ]
        );
        // An address starting with `::` is an address, not a colon.
        assert_eq!(
            kinds("[::1]:7789"),
            vec![
                (Punct('['), "[".into()),
                (Ipv6, "::1".into()),
                (Punct(']'), "]".into()),
                (Punct(':'), ":".into()),
                (Int, "7789".into())
            ]
        );
    }

    #[test]
    fn quoted_strings_unescape_and_comments_are_kept() {
        let l = lex(FileId(0), "x \"a\\\"b\" # c\ny");
        assert_eq!(l.tokens[1].text, "a\"b");
        assert_eq!(l.tokens[1].kind, TokenKind::Quoted);
        // Only the unescaped string has text of its own; the rest borrow from the source.
        assert!(matches!(l.tokens[1].text, Cow::Owned(_)));
        assert!(matches!(l.tokens[0].text, Cow::Borrowed("x")));
        assert!(matches!(
            lex(FileId(0), "\"a b\"").tokens[0].text,
            Cow::Borrowed("a b")
        ));
        assert_eq!(l.comments.len(), 1);
        assert_eq!(l.tokens[2].text, "y");
    }

    #[test]
    fn unterminated_string_is_an_error() {
        let l = lex(FileId(0), "\"abc\nx;");
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.tokens.last().map(|t| t.as_str()), Some(";"));
    }
}
