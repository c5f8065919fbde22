//! The tokenizer, with nom, reproducing drbd-utils' flex scanner
//! (`user/v9/drbdadm_scanner.fl`): longest match wins, ties go to the earlier rule
//! (IPv4, IPv6, number, string), keywords are plain words compared by the parser, a quoted
//! string is never a keyword, `#` starts a comment to the end of the line.

use nom::{
    branch::alt,
    bytes::complete::{tag, take_while, take_while1, take_while_m_n},
    character::complete::{char, one_of},
    combinator::{opt, recognize},
    multi::count,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TokenKind {
    /// `[a-zA-Z0-9/._-]+`: names, keywords, paths, option values.
    #[default]
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

/// One token with its text (unescaped for quoted strings) and span.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Token {
    /// Kind.
    pub kind: TokenKind,
    /// Text; for quoted strings without the quotes and with escapes resolved.
    pub text: String,
    /// Where it is, including quotes.
    pub span: Span,
}

impl Token {
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

/// The tokens and comments of one file.
#[derive(Debug, Default)]
pub struct Lexed {
    /// Tokens in order.
    pub tokens: Vec<Token>,
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
    recognize(tuple((count(pair(snumb(), char('.')), 3), snumb())))(input)
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

/// Tokenizes one file.
pub fn lex(file: FileId, text: &str) -> Lexed {
    let mut out = Lexed::default();
    let mut rest = text;
    let mut last_paste: Option<usize> = None;
    let span_of = |start: usize, len: usize| Span {
        file,
        start: start as u32,
        end: (start + len) as u32,
    };
    while !rest.is_empty() {
        let pos = text.len() - rest.len();
        if let Ok((r, _)) = alt((blank, comment))(rest) {
            if rest.starts_with('#') {
                out.comments.push(span_of(pos, rest.len() - r.len()));
            }
            rest = r;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c == '\u{a0}' || c == '\u{feff}' {
            // Pasted from a web page: report it once per line, then read on as if it were a
            // space so the rest of the file is still checked.
            let what = if c == '\u{a0}' {
                "non-breaking spaces (U+00A0) are"
            } else {
                "a byte-order mark (U+FEFF) is"
            };
            let same_line = last_paste.is_some_and(|at: usize| !text[at..pos].contains('\n'));
            if !same_line {
                out.errors.push(
                    Diagnostic::error(
                        span_of(pos, c.len_utf8()),
                        format!("{what} not allowed in drbd.conf"),
                    )
                    .hint("probably copied from a web page: replace them with plain spaces"),
                );
            }
            last_paste = Some(pos);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if matches!(c, '{' | '}' | ';' | '[' | ']' | ':') {
            out.tokens.push(Token {
                kind: TokenKind::Punct(c),
                text: c.to_string(),
                span: span_of(pos, 1),
            });
            rest = &rest[1..];
            continue;
        }
        if c == '"' {
            rest = lex_quoted(&mut out, file, text, pos);
            continue;
        }
        // Longest match among the word-like rules; ties go to the earlier rule.
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
        match best {
            Some((kind, m)) => {
                let span = span_of(pos, m.len());
                if kind == TokenKind::Word && m.len() > MAX_WORD {
                    out.errors.push(
                        Diagnostic::error(
                            span,
                            format!(
                                "word is {} characters long; at most {MAX_WORD} are allowed",
                                m.len()
                            ),
                        )
                        .hint("put long values in double quotes (up to 255 characters)"),
                    );
                }
                out.tokens.push(Token {
                    kind,
                    text: m.to_string(),
                    span,
                });
                rest = &rest[m.len()..];
            }
            None => {
                let len = c.len_utf8();
                out.tokens.push(Token {
                    kind: TokenKind::Stray(c),
                    text: c.to_string(),
                    span: span_of(pos, len),
                });
                rest = &rest[len..];
            }
        }
    }
    out
}

/// Lexes a double-quoted string starting at `pos`; `\` escapes the next character; a
/// newline or the end of the file before the closing quote is an error.
fn lex_quoted<'t>(out: &mut Lexed, file: FileId, text: &'t str, pos: usize) -> &'t str {
    let body = &text[pos + 1..];
    let mut value = String::new();
    let mut chars = body.char_indices();
    let mut end = None;
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                end = Some(i);
                break;
            }
            '\n' => break,
            '\\' => match chars.next() {
                Some((_, '\n')) | None => break,
                Some((_, n)) => value.push(n),
            },
            _ => value.push(c),
        }
    }
    match end {
        Some(i) => {
            let span = Span {
                file,
                start: pos as u32,
                end: (pos + i + 2) as u32,
            };
            if value.chars().count() > MAX_QUOTED {
                out.errors.push(Diagnostic::error(
                    span,
                    format!(
                        "quoted string is {} characters long; at most {MAX_QUOTED} are allowed",
                        value.chars().count()
                    ),
                ));
            }
            out.tokens.push(Token {
                kind: TokenKind::Quoted,
                text: value,
                span,
            });
            &body[i + 1..]
        }
        None => {
            let line_end = body.find('\n').unwrap_or(body.len());
            let span = Span {
                file,
                start: pos as u32,
                end: (pos + 1 + line_end) as u32,
            };
            out.errors.push(
                Diagnostic::error(span, "unterminated double-quoted string")
                    .hint("close the string with `\"` on the same line"),
            );
            out.tokens.push(Token {
                kind: TokenKind::Quoted,
                text: value,
                span,
            });
            &body[line_end..]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(TokenKind, String)> {
        lex(FileId(0), s)
            .tokens
            .into_iter()
            .map(|t| (t.kind, t.text))
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
    }

    #[test]
    fn quoted_strings_unescape_and_comments_are_kept() {
        let l = lex(FileId(0), "x \"a\\\"b\" # c\ny");
        assert_eq!(l.tokens[1].text, "a\"b");
        assert_eq!(l.tokens[1].kind, TokenKind::Quoted);
        assert_eq!(l.comments.len(), 1);
        assert_eq!(l.tokens[2].text, "y");
    }

    #[test]
    fn unterminated_string_is_an_error() {
        let l = lex(FileId(0), "\"abc\nx;");
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.tokens.last().map(|t| t.text.as_str()), Some(";"));
    }
}
