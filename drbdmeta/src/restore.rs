//! Reading `dump-md` text back: the scanner (upstream
//! `drbdmeta_scanner.fl`) and the strict, ordered grammar of
//! `verify_dumpfile_or_restore()`.
//!
//! The scanner follows flex semantics: the longest match wins, ties go to
//! the rule listed first.  Errors are reported with upstream's wording and
//! exit code 10.  Unlike upstream, the whole file is parsed before anything
//! is written, so a parse error never leaves a half-restored bitmap behind.

use crate::error::{Error, Result};
use crate::superblock::{Format, MdCpu, DRBD_PEERS_MAX, HISTORY_UUIDS, HISTORY_UUIDS_V08};

/// Keywords in scanner rule order.
const KEYWORDS: &[&str] = &[
    "gc",
    "bm",
    "uuid",
    "version",
    "members",
    "la-size-sect",
    "bm-byte-per-bit",
    "device-uuid",
    "times",
    "flags",
    "al-stripes",
    "al-stripe-size-4k",
    "la-peer-max-bio-size",
    "node-id",
    "current-uuid",
    "bitmap",
    "bitmap-uuid",
    "bitmap-dagtag",
    "history-uuids",
    "peer",
    "hash",
    "max-peers",
    "bitmap-index",
];

/// A token of the dump grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// End of input.
    Eof,
    /// One of `{};[]`.
    Op(u8),
    /// Quoted string (unescaped).
    Str(String),
    /// `0x` + 16 hex digits.
    U64(u64),
    /// `0x` + 8 hex digits.
    U32(u64),
    /// Decimal number, possibly negative (stored as two's complement).
    Num(u64),
    /// A keyword.
    Kw(&'static str),
    /// Scanner error, already reported.
    Invalid,
    /// A character that cannot start any token.
    InvalidChar(u8),
}

/// The scanner state over an in-memory dump.
pub struct Scanner<'a> {
    s: &'a [u8],
    pos: usize,
    /// Current line number (1-based), like flex's `yylineno`.
    pub line: u32,
    /// Messages the scanner reported (bad tokens).
    pub diag: Vec<String>,
}

fn is_tok_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

impl<'a> Scanner<'a> {
    /// Start scanning `s`.
    pub fn new(s: &'a [u8]) -> Self {
        Scanner {
            s,
            pos: 0,
            line: 1,
            diag: Vec::new(),
        }
    }

    /// Byte position (to restart the scan later).
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn advance(&mut self, n: usize) -> &'a [u8] {
        let t = &self.s[self.pos..self.pos + n];
        self.line += t.iter().filter(|&&c| c == b'\n').count() as u32;
        self.pos += n;
        t
    }

    fn bad(&mut self, msg: &str, n: usize) -> Tok {
        let t = String::from_utf8_lossy(self.advance(n)).into_owned();
        self.diag
            .push(format!("line {}: {msg}: {t} ...", self.line));
        Tok::Invalid
    }

    /// Next token.
    pub fn next_tok(&mut self) -> Tok {
        loop {
            let rest = &self.s[self.pos..];
            let Some(&c) = rest.first() else {
                return Tok::Eof;
            };
            match c {
                b' ' | b'\t' | b'\r' | b'\n' => {
                    self.advance(1);
                    continue;
                }
                b'#' => {
                    let n = rest.iter().position(|&x| x == b'\n').unwrap_or(rest.len());
                    self.advance(n);
                    continue;
                }
                b'{' | b'}' | b';' | b'[' | b']' => {
                    self.advance(1);
                    return Tok::Op(c);
                }
                b'"' => {
                    let body = rest[1..]
                        .iter()
                        .take_while(|&&x| x != b'"' && x != b'\r' && x != b'\n')
                        .count();
                    let closed = rest.get(1 + body) == Some(&b'"');
                    if (1..=20).contains(&body) && closed {
                        let t = self.advance(body + 2);
                        return Tok::Str(unescape(&t[1..t.len() - 1]));
                    }
                    if body == 0 {
                        let n = if closed { 2 } else { 1 };
                        return self.bad("invalid string", n);
                    }
                    return self.bad("invalid string", 1 + body.min(20));
                }
                _ => {}
            }
            let run = rest.iter().take_while(|&&x| is_tok_char(x)).count();
            if run == 0 {
                self.advance(1);
                return Tok::InvalidChar(c);
            }
            let tok_len = run.min(100);
            // candidates: (len, order, kind)
            let mut best: (usize, u32, u8) = (tok_len, 100, b'T');
            fn consider(best: &mut (usize, u32, u8), len: usize, order: u32, kind: u8) {
                if len > best.0 || (len == best.0 && order < best.1) {
                    *best = (len, order, kind);
                }
            }
            if rest.starts_with(b"0x") {
                let hex = rest[2..]
                    .iter()
                    .take_while(|x| x.is_ascii_hexdigit())
                    .count();
                if hex >= 16 {
                    consider(&mut best, 18, 4, b'Q');
                }
                if hex >= 8 {
                    consider(&mut best, 10, 5, b'D');
                }
                consider(&mut best, 2 + hex.min(17), 90, b'H');
            }
            let neg = usize::from(c == b'-');
            let digits = rest[neg..]
                .iter()
                .take_while(|x| x.is_ascii_digit())
                .count();
            if digits >= 1 {
                consider(&mut best, neg + digits.min(19), 6, b'N');
                if digits >= 2 {
                    consider(&mut best, neg + digits.min(20), 91, b'L');
                }
            }
            let mut kw_hit = None;
            for (k, kw) in KEYWORDS.iter().enumerate() {
                if rest.starts_with(kw.as_bytes()) {
                    let before = best;
                    consider(&mut best, kw.len(), 7 + k as u32, b'K');
                    if best != before {
                        kw_hit = Some(*kw);
                    }
                }
            }
            let (len, _, kind) = best;
            return match kind {
                b'Q' | b'D' => {
                    let t = self.advance(len);
                    let v = u64::from_str_radix(std::str::from_utf8(&t[2..]).unwrap_or("0"), 16)
                        .unwrap_or(0);
                    if kind == b'Q' {
                        Tok::U64(v)
                    } else {
                        Tok::U32(v)
                    }
                }
                b'N' => {
                    let t = self.advance(len);
                    let s = std::str::from_utf8(t).unwrap_or("0");
                    Tok::Num(if let Some(d) = s.strip_prefix('-') {
                        d.parse::<u64>().unwrap_or(u64::MAX).wrapping_neg()
                    } else {
                        s.parse::<u64>().unwrap_or(u64::MAX)
                    })
                }
                b'K' => {
                    self.advance(len);
                    Tok::Kw(kw_hit.unwrap_or("?"))
                }
                b'H' => self.bad("invalid hex number (only 8 or 16 hex digits accepted)", len),
                b'L' => self.bad("number too big", len),
                _ => self.bad("unknown token", len),
            };
        }
    }
}

fn unescape(t: &[u8]) -> String {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i] == b'"' {
            i += 1;
            continue;
        }
        if t[i] == b'\\' {
            i += 1;
            if i >= t.len() {
                break;
            }
        }
        out.push(t[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a token is called in "... expected" messages (`md_parse_error()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// End of file.
    Eof,
    /// An operator character.
    Op(u8),
    /// A keyword.
    Kw(&'static str),
    /// A decimal number.
    Num,
    /// A quoted string.
    Str,
    /// 8 hex digits.
    U32,
    /// 16 hex digits.
    U64,
}

fn expect_text(e: Expect) -> String {
    match e {
        Expect::Eof => "end of file".into(),
        Expect::Op(b';') => "semicolon (;)".into(),
        Expect::Op(b'{') => "opening brace ({)".into(),
        Expect::Op(b'}') => "closing brace (})".into(),
        Expect::Op(b'[') => "opening bracket ([)".into(),
        Expect::Op(b']') => "closing bracket (])".into(),
        Expect::Op(_) => " invalid/unexpected token!".into(),
        Expect::Kw(k) => match k {
            "bm" | "bitmap" | "bm-byte-per-bit" | "device-uuid" | "flags" | "gc"
            | "la-size-sect" | "times" | "uuid" | "version" | "node-id" | "current-uuid"
            | "bitmap-uuid" | "bitmap-dagtag" | "peer" | "hash" | "max-peers" => {
                format!("keyword '{k}'")
            }
            _ => " invalid/unexpected token!".into(),
        },
        Expect::Num => "number ([0-9], up to 20 digits)".into(),
        Expect::Str => "short quoted string (\"..up to 20 characters, no newline..\")".into(),
        Expect::U32 => "an 8-digit hex number".into(),
        Expect::U64 => "a 16-digit hex number".into(),
    }
}

/// Build the `Parse error in line N: ...` text.
pub fn parse_error(line: u32, etext: &str, seen: &Tok) -> String {
    let mut s = format!(
        "Parse error in line {line}: {etext}{}",
        if etext.starts_with(' ') {
            ":"
        } else {
            " expected"
        }
    );
    match seen {
        Tok::Eof => s.push_str(", but end of file encountered"),
        Tok::InvalidChar(c) => s.push_str(&format!(
            "; got invalid input character '\\x{c:02x}' [{}]",
            *c as char
        )),
        Tok::Op(c @ (b';' | b'{' | b'}')) => s.push_str(&format!(", not '{}'", *c as char)),
        Tok::Op(c) => s.push_str(&format!(
            "; got token value {c} (this should never happen!)"
        )),
        Tok::Num(_) | Tok::U32(_) | Tok::U64(_) => s.push_str(", not some number"),
        Tok::Invalid => {}
        Tok::Kw(k) => s.push_str(&format!(", not '{k}'")),
        Tok::Str(t) => s.push_str(&format!(", not '{t}'")),
    }
    s
}

/// A bitmap slot as parsed: runs of (count, 64 bit value).
pub type Runs = Vec<(u64, u64)>;

/// Everything a dump file holds.
#[derive(Debug, Clone)]
pub struct Dump {
    /// Superblock fields (magic/offsets are filled in by the caller's layout).
    pub md: MdCpu,
    /// `max-peers` (v09), 1 otherwise.
    pub max_peers: u32,
    /// Bitmap runs per slot.
    pub slots: Vec<Runs>,
    /// Line of the `max-peers` statement (for messages).
    pub max_peers_line: u32,
}

/// Parser with upstream's `EXP()` behaviour.
pub struct Parser<'a> {
    sc: Scanner<'a>,
}

impl<'a> Parser<'a> {
    /// Parser over a dump.
    pub fn new(text: &'a [u8]) -> Self {
        Parser {
            sc: Scanner::new(text),
        }
    }

    fn fail(&mut self, etext: &str, seen: &Tok) -> Error {
        let mut msg = String::new();
        for d in self.sc.diag.drain(..) {
            msg.push_str(&d);
            msg.push('\n');
        }
        msg.push_str(&parse_error(self.sc.line, etext, seen));
        Error::sanity(msg)
    }

    fn lex(&mut self) -> Tok {
        self.sc.next_tok()
    }

    fn exp(&mut self, e: Expect) -> Result<Tok> {
        let t = self.lex();
        let ok = match (&t, e) {
            (Tok::Eof, Expect::Eof) => true,
            (Tok::Op(c), Expect::Op(x)) => *c == x,
            (Tok::Kw(k), Expect::Kw(x)) => *k == x,
            (Tok::Num(_), Expect::Num) => true,
            (Tok::Str(_), Expect::Str) => true,
            (Tok::U32(_), Expect::U32) => true,
            (Tok::U64(_), Expect::U64) => true,
            _ => false,
        };
        if ok {
            Ok(t)
        } else {
            Err(self.fail(&expect_text(e), &t))
        }
    }

    fn num(&mut self) -> Result<u64> {
        match self.exp(Expect::Num)? {
            Tok::Num(v) => Ok(v),
            _ => unreachable!("exp checked the kind"),
        }
    }

    fn hex64(&mut self) -> Result<u64> {
        match self.exp(Expect::U64)? {
            Tok::U64(v) => Ok(v),
            _ => unreachable!("exp checked the kind"),
        }
    }

    fn hex32(&mut self) -> Result<u32> {
        match self.exp(Expect::U32)? {
            Tok::U32(v) => Ok(v as u32),
            _ => unreachable!("exp checked the kind"),
        }
    }

    fn semi(&mut self) -> Result<()> {
        self.exp(Expect::Op(b';')).map(|_| ())
    }

    /// `version "vXX";` and, for v09, `max-peers N;`.
    pub fn header(&mut self, requested: Format) -> Result<u32> {
        self.exp(Expect::Kw("version"))?;
        let v = match self.exp(Expect::Str)? {
            Tok::Str(s) => s,
            _ => unreachable!("exp checked the kind"),
        };
        if v != requested.name() {
            return Err(Error::sanity(format!(
                "dump is '{v}' you requested '{}'.",
                requested.name()
            )));
        }
        self.semi()?;
        if requested == Format::V09 {
            self.exp(Expect::Kw("max-peers"))?;
            let n = self.num()?;
            self.semi()?;
            return Ok(n as i32 as u32);
        }
        Ok(1)
    }

    /// Everything after the header, up to and including EOF.
    pub fn body(&mut self, f: Format, md: &mut MdCpu, max_peers: u32) -> Result<Vec<Runs>> {
        if f < Format::V08 {
            self.exp(Expect::Kw("gc"))?;
            self.exp(Expect::Op(b'{'))?;
            for i in 0..5 {
                md.gc[i] = self.num()? as u32;
                self.semi()?;
            }
            self.exp(Expect::Op(b'}'))?;
        } else if f == Format::V08 {
            self.exp(Expect::Kw("uuid"))?;
            self.exp(Expect::Op(b'{'))?;
            md.current_uuid = self.hex64()?;
            self.semi()?;
            md.peers[0].bitmap_uuid = self.hex64()?;
            self.semi()?;
            for i in 0..HISTORY_UUIDS_V08 {
                md.history_uuids[i] = self.hex64()?;
                self.semi()?;
            }
            self.exp(Expect::Kw("flags"))?;
            md.flags = self.hex32()?;
            self.semi()?;
            self.exp(Expect::Op(b'}'))?;
        } else {
            self.exp(Expect::Kw("node-id"))?;
            md.node_id = self.num()? as i32;
            self.semi()?;
            self.exp(Expect::Kw("current-uuid"))?;
            md.current_uuid = self.hex64()?;
            self.semi()?;
            self.exp(Expect::Kw("flags"))?;
            md.flags = self.hex32()?;
            self.semi()?;
            let mut token = self.lex();
            if token == Tok::Kw("members") {
                md.members = self.hex64()?;
                self.semi()?;
            } else {
                md.members = 0;
            }
            let mut seen = [false; DRBD_PEERS_MAX];
            for _ in 0..DRBD_PEERS_MAX {
                if token != Tok::Kw("peer") {
                    self.exp(Expect::Kw("peer"))?;
                }
                token = Tok::Eof;
                self.exp(Expect::Op(b'['))?;
                let slot = self.num()? as i32;
                self.exp(Expect::Op(b']'))?;
                if !(0..DRBD_PEERS_MAX as i32).contains(&slot) {
                    return Err(Error::sanity(format!(
                        "Parse error in line {}: Slot {slot} out of range",
                        self.sc.line
                    )));
                }
                let s = slot as usize;
                if seen[s] {
                    return Err(Error::sanity(format!(
                        "Parse error in line {}: Peer slot {slot} defined multiple times",
                        self.sc.line
                    )));
                }
                seen[s] = true;
                self.exp(Expect::Op(b'{'))?;
                self.exp(Expect::Kw("bitmap-index"))?;
                md.peers[s].bitmap_index = self.num()? as i32;
                self.semi()?;
                self.exp(Expect::Kw("bitmap-uuid"))?;
                md.peers[s].bitmap_uuid = self.hex64()?;
                self.semi()?;
                self.exp(Expect::Kw("bitmap-dagtag"))?;
                md.peers[s].bitmap_dagtag = self.hex64()?;
                self.semi()?;
                self.exp(Expect::Kw("flags"))?;
                md.peers[s].flags = self.hex32()?;
                self.semi()?;
                self.exp(Expect::Op(b'}'))?;
            }
            self.exp(Expect::Kw("history-uuids"))?;
            self.exp(Expect::Op(b'{'))?;
            for i in 0..HISTORY_UUIDS {
                md.history_uuids[i] = self.hex64()?;
                self.semi()?;
            }
            self.exp(Expect::Op(b'}'))?;
        }
        self.exp(Expect::Kw("la-size-sect"))?;
        md.effective_size = self.num()?;
        self.semi()?;
        if f >= Format::V08 {
            self.exp(Expect::Kw("bm-byte-per-bit"))?;
            let v = self.num()?;
            self.semi()?;
            if !v.is_power_of_two() || !(4096..=1 << 20).contains(&v) {
                return Err(Error::sanity(
                    "Invalid value for bm-byte-per-bit: value must be a power-of-two in [4k .. 1M]",
                ));
            }
            md.bm_bytes_per_bit = v as u32;
            self.exp(Expect::Kw("device-uuid"))?;
            md.device_uuid = self.hex64()?;
            self.semi()?;
            self.exp(Expect::Kw("la-peer-max-bio-size"))?;
            md.la_peer_max_bio_size = self.num()? as u32;
            self.semi()?;
            self.exp(Expect::Kw("al-stripes"))?;
            md.al_stripes = self.num()? as u32;
            self.semi()?;
            self.exp(Expect::Kw("al-stripe-size-4k"))?;
            md.al_stripe_size_4k = self.num()? as u32;
            self.semi()?;
        } else {
            md.bm_bytes_per_bit = 4096;
        }
        let mut slots = Vec::new();
        let n = if f < Format::V09 { 1 } else { max_peers.max(1) };
        for p in 0..n {
            slots.push(self.bitmap_slot(f, p)?);
        }
        self.exp(Expect::Eof)?;
        Ok(slots)
    }

    fn bitmap_slot(&mut self, f: Format, peer: u32) -> Result<Runs> {
        if f < Format::V09 {
            self.exp(Expect::Kw("bm"))?;
        } else {
            self.exp(Expect::Kw("bitmap"))?;
            self.exp(Expect::Op(b'['))?;
            let n = self.num()?;
            self.exp(Expect::Op(b']'))?;
            if n != u64::from(peer) {
                return Err(Error::sanity(format!(
                    "Parse error in line {}: Expected peer slot {peer} but found {}",
                    self.sc.line, n as i32
                )));
            }
        }
        self.exp(Expect::Op(b'{'))?;
        let mut runs: Runs = Vec::new();
        loop {
            let t = self.lex();
            match t {
                Tok::U64(v) => {
                    self.semi()?;
                    push_run(&mut runs, 1, v);
                }
                Tok::Num(times) => {
                    self.exp(Expect::Kw("times"))?;
                    let v = self.hex64()?;
                    self.semi()?;
                    // upstream keeps the count in an int
                    let times = (times as i32).max(0) as u64;
                    push_run(&mut runs, times, v);
                }
                Tok::Op(b'}') => break,
                other => {
                    return Err(self.fail(
                        "repeat count, 16-digit hex number, or closing brace (})",
                        &other,
                    ))
                }
            }
        }
        Ok(runs)
    }
}

fn push_run(runs: &mut Runs, n: u64, v: u64) {
    if n == 0 {
        return;
    }
    match runs.last_mut() {
        Some((c, lv)) if *lv == v => *c += n,
        _ => runs.push((n, v)),
    }
}

/// Number of 32-bit words a slot's runs describe.
pub fn slot_words(runs: &Runs) -> u64 {
    runs.iter().map(|(n, _)| 2 * n).sum()
}

/// Fill `window` (32-bit words, little endian bytes) with slot `p`'s words whose
/// global word index lies in `[w0, w0 + window.len()/4)`.  Word `k` of the slot
/// lives at global index `k * mp + p`; even `k` hold the low half of a value.
pub fn fill_window(window: &mut [u8], w0: u64, runs: &Runs, mp: u64, p: u64) {
    let w1 = w0 + (window.len() / 4) as u64;
    let kmin = if w0 > p { (w0 - p).div_ceil(mp) } else { 0 };
    let kmax = if w1 > p { (w1 - p).div_ceil(mp) } else { 0 };
    let mut k0 = 0u64;
    for &(n, v) in runs {
        let k1 = k0 + 2 * n;
        let (a, b) = (k0.max(kmin), k1.min(kmax));
        let mut k = a;
        while k < b {
            let word = if k % 2 == 0 {
                v as u32
            } else {
                (v >> 32) as u32
            };
            let g = k * mp + p;
            let o = ((g - w0) * 4) as usize;
            window[o..o + 4].copy_from_slice(&word.to_le_bytes());
            k += 1;
        }
        k0 = k1;
        if k0 >= kmax {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let mut sc = Scanner::new(s.as_bytes());
        let mut v = Vec::new();
        loop {
            let t = sc.next_tok();
            if t == Tok::Eof {
                return v;
            }
            v.push(t);
        }
    }

    #[test]
    fn scanner_longest_match_and_ties() {
        assert_eq!(
            toks("bitmap-index bitmap[0] bm-byte-per-bit bm"),
            vec![
                Tok::Kw("bitmap-index"),
                Tok::Kw("bitmap"),
                Tok::Op(b'['),
                Tok::Num(0),
                Tok::Op(b']'),
                Tok::Kw("bm-byte-per-bit"),
                Tok::Kw("bm")
            ]
        );
        assert_eq!(
            toks("0x0000000000000004; 0x00000080; -1 # comment\n\"v09\""),
            vec![
                Tok::U64(4),
                Tok::Op(b';'),
                Tok::U32(0x80),
                Tok::Op(b';'),
                Tok::Num(u64::MAX),
                Tok::Str("v09".into())
            ]
        );
        assert_eq!(toks("0x123"), vec![Tok::Invalid]);
        assert_eq!(toks("peers"), vec![Tok::Invalid]);
        assert_eq!(toks("12345678901234567890"), vec![Tok::Invalid]);
        assert_eq!(toks("@"), vec![Tok::InvalidChar(b'@')]);
    }

    #[test]
    fn error_texts() {
        assert_eq!(
            parse_error(3, &expect_text(Expect::Op(b';')), &Tok::Op(b'}')),
            "Parse error in line 3: semicolon (;) expected, not '}'"
        );
        assert_eq!(
            parse_error(1, &expect_text(Expect::Kw("version")), &Tok::Eof),
            "Parse error in line 1: keyword 'version' expected, but end of file encountered"
        );
    }

    #[test]
    fn parse_v08_dump() {
        let d = "version \"v08\";\nuuid {\n    0x0000000000000004; 0x0000000000000000; 0x0000000000000000; 0x0000000000000000;\n    flags 0x00000080;\n}\nla-size-sect 0;\nbm-byte-per-bit 4096;\ndevice-uuid 0x0000000000000000;\nla-peer-max-bio-size 0;\nal-stripes 1;\nal-stripe-size-4k 8;\nbm {\n    2 times 0x0000000000000001; 0xFFFFFFFF00000000;\n}\n";
        let mut p = Parser::new(d.as_bytes());
        assert_eq!(p.header(Format::V08).unwrap(), 1);
        let mut md = MdCpu::default();
        let slots = p.body(Format::V08, &mut md, 1).unwrap();
        assert_eq!(md.current_uuid, 4);
        assert_eq!(md.flags, 0x80);
        assert_eq!(slots[0], vec![(2, 1), (1, 0xFFFF_FFFF_0000_0000)]);
        let mut w = vec![0u8; 24];
        fill_window(&mut w, 0, &slots[0], 1, 0);
        assert_eq!(&w[0..4], &1u32.to_le_bytes());
        assert_eq!(&w[4..8], &0u32.to_le_bytes());
        assert_eq!(&w[20..24], &0xFFFF_FFFFu32.to_le_bytes());
    }

    #[test]
    fn wrong_version_and_trailing_garbage() {
        let mut p = Parser::new(b"version \"v08\";");
        assert!(p.header(Format::V09).is_err());
        let d = "version \"v07\";\ngc {\n    1; 2; 3; 4; 5;\n}\nla-size-sect 0;\nbm {\n}\nxyz";
        let mut p = Parser::new(d.as_bytes());
        p.header(Format::V07).unwrap();
        let mut md = MdCpu::default();
        let e = p.body(Format::V07, &mut md, 1).unwrap_err();
        assert_eq!(e.exit_code(), 10);
        assert!(e.to_string().contains("end of file expected"), "{e}");
    }

    #[test]
    fn window_interleaving() {
        let runs = vec![(1u64, 0x2222_2222_1111_1111u64)];
        let mut w = vec![0u8; 16];
        fill_window(&mut w, 0, &runs, 2, 1);
        assert_eq!(&w[4..8], &0x1111_1111u32.to_le_bytes());
        assert_eq!(&w[12..16], &0x2222_2222u32.to_le_bytes());
        assert_eq!(&w[0..4], &[0; 4]);
    }
}
