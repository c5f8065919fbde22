//! Resource specifiers as users type them: `RES`, `RES/VNR`, `RES:PEER[/VNR]` (DRBD 9
//! only) and `minor-N`, with upstream's number parsing and its messages.

use conf_parser::Dialect;

/// A specifier taken apart (upstream's `ctx_by_name()` before it looks anything up).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec<'a> {
    /// The resource name part.
    pub res: &'a str,
    /// The part after `:` (a host or connection name), DRBD 9 only.
    pub peer: Option<&'a str>,
    /// The volume number after `/`.
    pub vnr: Option<u32>,
}

/// A number upstream's `m_strtoll()` refuses; it ends drbdadm on the spot.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// Nothing after the separator.
    #[error("missing number argument")]
    Missing,
    /// Not digits.
    #[error("{0} is not a valid number")]
    Invalid(String),
    /// Digits followed by something other than a unit.
    #[error("{0} is not a valid unit")]
    Unit(String),
    /// Too large.
    #[error("{0}: out of range")]
    Range(String),
}

impl NumberError {
    /// The exit code `m_strtoll()` ends with.
    pub fn exit_code(&self) -> i32 {
        match self {
            NumberError::Missing => 100,
            _ => 20,
        }
    }
}

/// Splits `spec` as upstream does: DRBD 9 takes the volume after the last `/` and a peer
/// after the first `:`; 8.4 takes the volume after the first `/` and knows no peers.
pub fn parse(spec: &str, dialect: Dialect) -> Result<Spec<'_>, NumberError> {
    let split = match dialect {
        Dialect::V9 => spec.rsplit_once('/'),
        Dialect::V84 => spec.split_once('/'),
    };
    let (rest, vnr) = match split {
        // The volume number is the low 32 bits of what `m_strtoll()` gives.
        Some((r, v)) => (r, Some(number(v)? as u32)),
        None => (spec, None),
    };
    let (res, peer) = match (dialect, rest.split_once(':')) {
        (Dialect::V9, Some((r, p))) => (r, Some(p)),
        _ => (rest, None),
    };
    Ok(Spec { res, peer, vnr })
}

/// The minor number of a `minor-N` specifier (upstream's `minor_by_id()`).
pub fn minor(spec: &str) -> Result<Option<u32>, NumberError> {
    match spec.strip_prefix("minor-") {
        Some(n) => Ok(Some(number(n)? as u32)),
        None => Ok(None),
    }
}

/// Upstream's `m_strtoll()` without a default unit: digits, optionally one unit letter
/// (k, M, G as powers of 1024, s as 512-byte sectors).
pub fn number(s: &str) -> Result<u64, NumberError> {
    if s.is_empty() {
        return Err(NumberError::Missing);
    }
    // sscanf's %llu skips leading white space and takes a sign.
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Err(NumberError::Invalid(s.to_string()));
    }
    let value: u64 = t[..digits]
        .parse()
        .map_err(|_| NumberError::Range(s.to_string()))?;
    let value = if neg { value.wrapping_neg() } else { value };
    let mut rest = t[digits..].chars();
    let shift = match (rest.next(), rest.next()) {
        (None, _) => return Ok(value),
        (Some(_), Some(_)) => return Err(NumberError::Invalid(s.to_string())),
        (Some('k' | 'K'), None) => 10,
        (Some('m' | 'M'), None) => 20,
        (Some('g' | 'G'), None) => 30,
        (Some('s'), None) => 9,
        (Some(_), None) => return Err(NumberError::Unit(s.to_string())),
    };
    value
        .checked_mul(1 << shift)
        .ok_or_else(|| NumberError::Range(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_splits_volume_last_and_peer_first() {
        let s = parse("r0:alpha/1", Dialect::V9).unwrap();
        assert_eq!((s.res, s.peer, s.vnr), ("r0", Some("alpha"), Some(1)));
        let s = parse("r0", Dialect::V9).unwrap();
        assert_eq!((s.res, s.peer, s.vnr), ("r0", None, None));
    }

    #[test]
    fn eight_four_has_no_peers_and_splits_at_the_first_slash() {
        let s = parse("r0:alpha", Dialect::V84).unwrap();
        assert_eq!((s.res, s.peer), ("r0:alpha", None));
        assert_eq!(
            parse("r0/0/1", Dialect::V84),
            Err(NumberError::Invalid("0/1".into()))
        );
        assert_eq!(parse("r0/0/1", Dialect::V9).unwrap().res, "r0/0");
    }

    #[test]
    fn numbers_fail_with_upstreams_messages_and_codes() {
        assert_eq!(number("12"), Ok(12));
        assert_eq!(number("1k"), Ok(1024));
        let e = number("abc").unwrap_err();
        assert_eq!(
            (e.to_string(), e.exit_code()),
            ("abc is not a valid number".into(), 20)
        );
        let e = number("").unwrap_err();
        assert_eq!(
            (e.to_string(), e.exit_code()),
            ("missing number argument".into(), 100)
        );
        assert_eq!(number("3x"), Err(NumberError::Unit("3x".into())));
        assert_eq!(minor("minor-7"), Ok(Some(7)));
        assert_eq!(minor("r0"), Ok(None));
        assert!(minor("minor-x").is_err());
    }
}
