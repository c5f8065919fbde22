//! Typed values inside statements: addresses, device names and minors, meta-disk
//! specifications, integers. Each parser takes the statement's argument tokens and reports
//! problems with the token's span and a hint showing the right syntax.

use crate::diag::Diagnostic;
use crate::lexer::{Token, TokenKind};
use crate::model::{Address, Device, MetaDisk};
use crate::source::Span;

/// Result of a value parser: the value, or the diagnostic explaining why not.
pub type VResult<T> = Result<T, Diagnostic>;

/// Keywords of the config language; as host or resource names they must be quoted.
pub const KEYWORDS: &[&str] = &[
    "on",
    "stacked-on-top-of",
    "floating",
    "no",
    "net",
    "yes",
    "ask",
    "via",
    "skip",
    "disk",
    "host",
    "hosts",
    "port",
    "proxy",
    "minor",
    "inside",
    "volume",
    "syncer",
    "device",
    "global",
    "common",
    "options",
    "outside",
    "address",
    "startup",
    "include",
    "handlers",
    "connection",
    "outside-address",
    "connection-mesh",
    "resource",
    "meta-disk",
    "flexible-meta-disk",
    "node-id",
    "template-file",
    "path",
    "tiebreaker",
    "sci",
    "ssocks",
    "sdp",
    "ipv4",
    "ipv6",
    "minor-count",
    "disable-ip-verification",
    "udev-always-use-vnr",
    "dialog-refresh",
    "usage-count",
    "cmd-timeout-short",
    "cmd-timeout-medium",
    "cmd-timeout-long",
    "_this_host",
    "_remote_host",
    "_peer_node_id",
    "_cstate",
    "_unknown",
];

/// True if `word` is a reserved keyword.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// A name (host or resource): an unquoted word or a quoted string. IP addresses, numbers
/// and keywords must be quoted, as upstream's scanner makes them other tokens.
pub fn name(tok: &Token, what: &str) -> VResult<String> {
    match tok.kind {
        TokenKind::Quoted | TokenKind::Word
            if !(tok.kind == TokenKind::Word && is_keyword(&tok.text)) =>
        {
            Ok(tok.text.to_string())
        }
        TokenKind::Word | TokenKind::Ipv4 | TokenKind::Ipv6 | TokenKind::Int => {
            Err(Diagnostic::error(
                tok.span,
                format!("`{}` cannot be used as a {what} without quotes", tok.text),
            )
            .hint("host names that are IP addresses or keywords must be quoted")
            .hint(format!("write `\"{}\"`", tok.text)))
        }
        _ => Err(unexpected(tok, &format!("a {what}"))),
    }
}

/// "expected X, found Y" for a token.
pub fn unexpected(tok: &Token, expected: &str) -> Diagnostic {
    let mut d = Diagnostic::error(
        tok.span,
        format!("expected {expected}, found `{}`", tok.text),
    );
    if let TokenKind::Stray(c) = tok.kind {
        if c == '@' {
            d = d.hint(
                "`@@NAME@@` looks like a template placeholder: replace it with the real value",
            );
        } else {
            d = d.hint(format!(
                "`{c}` is not allowed here; quote values that contain it"
            ));
        }
    }
    d
}

/// A point right after a token, for "missing X after Y" messages.
pub fn after(tok: &Token) -> Span {
    Span {
        file: tok.span.file,
        start: tok.span.end,
        end: tok.span.end,
    }
}

/// A non-negative integer token (upstream's TK_INTEGER: at most 8 digits).
pub fn integer(tok: &Token, what: &str) -> VResult<u32> {
    if tok.kind == TokenKind::Int
        || (tok.kind == TokenKind::Word && tok.text.chars().all(|c| c.is_ascii_digit()))
    {
        if let Ok(n) = tok.text.parse::<u32>() {
            if tok.text.len() <= 8 {
                return Ok(n);
            }
        }
    }
    Err(Diagnostic::error(
        tok.span,
        format!("{what} must be a number, found `{}`", tok.text),
    ))
}

/// An integer within `min..=max`.
pub fn ranged(tok: &Token, what: &str, min: u32, max: u32) -> VResult<u32> {
    let n = integer(tok, what)?;
    if n < min || n > max {
        return Err(Diagnostic::error(
            tok.span,
            format!("{what} {n} is out of range: allowed {min}..{max}"),
        ));
    }
    Ok(n)
}

/// address := [ipv4] IPV4 ":" PORT | ipv6 "[" IPV6 "]" ":" PORT | (ssocks|sdp|sci) IPV4 ":" PORT
/// Returns the address and the number of tokens it used.
pub fn address(args: &[Token], stmt_span: Span) -> VResult<(Address, usize)> {
    let Some(first) = args.first() else {
        return Err(Diagnostic::error(stmt_span, "address is missing")
            .hint("write `address 10.0.0.1:7789;`"));
    };
    let (af, mut i) = match first.as_str() {
        "ipv4" | "ipv6" | "ssocks" | "sdp" | "sci" if first.kind == TokenKind::Word => {
            (first.as_str(), 1)
        }
        _ => ("ipv4", 0),
    };
    let af = if af == "sci" { "ssocks" } else { af };
    let tok = |i: usize| args.get(i);
    let missing = |what: &str| {
        Diagnostic::error(
            args.last().map(after).unwrap_or(stmt_span),
            format!("address is missing {what}"),
        )
        .hint("addresses are written `10.0.0.1:7789` or `ipv6 [fd00::1]:7789`")
    };
    let addr_tok;
    if af == "ipv6" {
        match tok(i) {
            Some(t) if t.is_punct('[') => i += 1,
            Some(t) => {
                return Err(unexpected(t, "`[` before the IPv6 address")
                    .hint("IPv6 addresses are written `ipv6 [fd00::1]:7789`"))
            }
            None => return Err(missing("the IPv6 address")),
        }
        addr_tok = tok(i).ok_or_else(|| missing("the IPv6 address"))?;
        if addr_tok.kind != TokenKind::Ipv6 {
            return Err(unexpected(addr_tok, "an IPv6 address"));
        }
        i += 1;
        match tok(i) {
            Some(t) if t.is_punct(']') => i += 1,
            Some(t) => return Err(unexpected(t, "`]`")),
            None => return Err(missing("`]`")),
        }
    } else {
        addr_tok = tok(i).ok_or_else(|| missing("the IP address"))?;
        match addr_tok.kind {
            TokenKind::Ipv4 => {}
            TokenKind::Ipv6 => {
                return Err(Diagnostic::error(
                    addr_tok.span,
                    "IPv6 addresses need the `ipv6` keyword and brackets",
                )
                .hint(format!("write `ipv6 [{}]:PORT`", addr_tok.text)))
            }
            TokenKind::Punct('[') => {
                return Err(Diagnostic::error(
                    addr_tok.span,
                    "a bracketed address needs the `ipv6` keyword",
                )
                .hint("write `ipv6 [fd00::1]:7789`"))
            }
            TokenKind::Word | TokenKind::Quoted => {
                return Err(Diagnostic::error(
                    addr_tok.span,
                    format!(
                        "`{}` is not an IP address; DRBD needs IP addresses here, not host names",
                        addr_tok.text
                    ),
                ))
            }
            _ => return Err(unexpected(addr_tok, "an IP address")),
        }
        i += 1;
    }
    match tok(i) {
        Some(t) if t.is_punct(':') => i += 1,
        Some(t) => return Err(unexpected(t, "`:` and a port")),
        None => {
            return Err(
                Diagnostic::error(after(addr_tok), "address is missing its port")
                    .hint(format!("write `{}:7789`", addr_tok.text)),
            )
        }
    }
    let port_tok = tok(i).ok_or_else(|| missing("its port"))?;
    let port = ranged(port_tok, "port", 1, 65535)?;
    let _ = port;
    i += 1;
    let span = first.span.to(port_tok.span);
    Ok((
        Address {
            af: af.to_string(),
            addr: addr_tok.text.to_string(),
            port: port_tok.text.to_string(),
            span,
        },
        i,
    ))
}

/// The minor in a device name `/dev/drbdN`, `drbdN` or `N` (upstream's `dt_minor_of_dev`).
pub fn minor_of_name(name: &str) -> Option<u32> {
    let digits = name
        .strip_prefix("/dev/drbd")
        .or_else(|| name.strip_prefix("drbd"))
        .unwrap_or(name);
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

/// device := "/dev/drbdN" | "minor" N | "/dev/drbd_NAME" "minor" N
pub fn device(args: &[Token], stmt_span: Span) -> Result<(Device, Vec<Diagnostic>), Diagnostic> {
    let mut warnings = Vec::new();
    let usage = "write `device /dev/drbd0;`, `device minor 0;` or `device /dev/drbd0 minor 0;`";
    let (path, rest) = match args.first() {
        None => return Err(Diagnostic::error(stmt_span, "device is missing").hint(usage)),
        Some(t) if t.is_kw("minor") => (None, args),
        Some(t) if t.is_value() => {
            let mut p = t.text.to_string();
            if p.starts_with("drbd") {
                p = format!("/dev/{p}");
            }
            (Some((p, t)), &args[1..])
        }
        Some(t) => return Err(unexpected(t, "a device name or `minor`").hint(usage)),
    };
    let explicit = match rest {
        [] => None,
        [m, n] if m.is_kw("minor") => Some(ranged(n, "minor", 0, 1048575)?),
        [m] if m.is_kw("minor") => {
            return Err(Diagnostic::error(after(m), "`minor` needs a number").hint(usage))
        }
        [t, ..] => return Err(unexpected(t, "`minor` or `;`").hint(usage)),
    };
    let span = stmt_span;
    let minor = match (&path, explicit) {
        (None, m) => m,
        (Some((p, tok)), None) => match minor_of_name(p) {
            Some(m) => Some(m),
            None => {
                return Err(Diagnostic::error(
                    tok.span,
                    format!("no minor given, and `{p}` contains no minor number"),
                )
                .hint(format!(
                    "write `device {p} minor N;` or `device /dev/drbdN;`"
                )))
            }
        },
        (Some((p, tok)), Some(m)) => {
            if let Some(from_name) = minor_of_name(p) {
                if from_name != m {
                    return Err(Diagnostic::error(
                        tok.span,
                        format!("explicit minor {m} does not match the device name `{p}`"),
                    )
                    .hint(format!("write `device /dev/drbd{m} minor {m};`, or leave off either the name or the minor")));
                }
            } else if p.starts_with("/dev/drbd_") {
                warnings.push(
                    Diagnostic::warning(
                        tok.span,
                        format!("udev no longer creates arbitrary device names such as `{p}`"),
                    )
                    .hint(format!(
                        "use `device /dev/drbd{m} minor {m};` (or `mknod {p} b 147 {m}`)"
                    )),
                );
            } else {
                return Err(Diagnostic::error(
                    tok.span,
                    "explicit device names should be of the form /dev/drbd<minor>",
                )
                .hint("arbitrary names must start with `/dev/drbd_`"));
            }
            Some(m)
        }
    };
    Ok((
        Device {
            path: path.map(|(p, _)| p),
            minor,
            span,
        },
        warnings,
    ))
}

/// meta-disk := "internal" | DEV | DEV "[" N "]"
pub fn meta_disk(args: &[Token], stmt_span: Span, keyword: &str) -> VResult<MetaDisk> {
    let usage =
        format!("write `{keyword} internal;`, `{keyword} /dev/sdb1;` or `{keyword} /dev/sdb1[0];`");
    let dev = match args.first() {
        None => {
            return Err(
                Diagnostic::error(stmt_span, format!("{keyword} is missing its device"))
                    .hint(usage),
            )
        }
        Some(t) if t.is_value() => t,
        Some(t) => return Err(unexpected(t, "a device or `internal`").hint(usage)),
    };
    if dev.text == "internal" {
        if let Some(extra) = args.get(1) {
            return Err(unexpected(extra, "`;` after `internal`"));
        }
        return Ok(MetaDisk::Internal);
    }
    match &args[1..] {
        [] => Ok(MetaDisk::Flexible(dev.text.to_string())),
        [open, n, close] if open.is_punct('[') && close.is_punct(']') => {
            let idx = ranged(n, "meta-disk index", 0, 255)?;
            Ok(MetaDisk::Indexed(dev.text.to_string(), idx))
        }
        [open, ..] if open.is_punct('[') => {
            Err(Diagnostic::error(open.span, "malformed meta-disk index")
                .hint(format!("index syntax is `{}[0]`", dev.text)))
        }
        [n, ..] if n.kind == TokenKind::Int => Err(Diagnostic::error(
            n.span,
            format!("meta-disk index `{}` must be in brackets", n.text),
        )
        .hint(format!("index syntax is `{}[{}]`", dev.text, n.text))),
        [t, ..] => Err(unexpected(t, "`[` or `;`").hint(usage)),
    }
}
