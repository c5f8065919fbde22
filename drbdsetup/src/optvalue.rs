//! One option value from the command line, checked against its row of the option table
//! and encoded as its netlink attribute. Nothing is sent for a value that fails.
//!
//! Upstream's drbdsetup converts values with its field classes' `put()` (`config_flags.c`)
//! and `m_strtoll()` (`user/shared/shared_tool.c`), whose messages and exit codes are kept:
//! `X is not a valid number`, `X is not a valid unit`, `X: out of range` (20),
//! `missing number argument` (100), `Option --NAME: invalid argument 'X'` (20). Its `put()`
//! does not check ranges or lengths (only drbdadm's parser does, with `check()`), and so
//! sends an out-of-range number cut to 32 bits; ours refuses such values with upstream's
//! "invalid argument" line and a second line that says why. A field the kernel clamps
//! itself (`al-extents`) keeps upstream's behaviour for every value that fits its wire
//! type.

use conf_parser::options::{
    self, parse_number, OptionDef, Scale, Spec, UnitError, ValueType, Wire,
};
use thiserror::Error;

use crate::address::sockaddr_from_str;
use crate::codec::{Attr, Value};
use crate::commands::UsageError;

/// Why `m_strtoll()` refused a number, with its text.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum NumberError {
    /// An empty argument (`--al-extents=`); upstream exits 100 here.
    #[error("missing number argument")]
    Missing,
    /// No number, or more than one character after it.
    #[error("{0} is not a valid number")]
    NotANumber(String),
    /// One character after the number that is not K, M, G or s.
    #[error("{0} is not a valid unit")]
    BadUnit(String),
    /// The unit's multiplication overflows.
    #[error("{0}: out of range")]
    OutOfRange(String),
}

impl NumberError {
    /// Upstream's exit code (`print_strtoll_error_and_exit()`).
    pub fn exit_code(&self) -> i32 {
        match self {
            NumberError::Missing => 100,
            _ => 20,
        }
    }
}

/// `m_strtoll(text, scale)`: a number in the field's native unit.
pub fn number(text: &str, scale: Scale) -> Result<i64, NumberError> {
    if text.is_empty() {
        return Err(NumberError::Missing);
    }
    parse_number(text, scale).map_err(|e| match e {
        UnitError::NotANumber(t) => NumberError::NotANumber(t),
        // sscanf("%llu%c%c") sees a unit in exactly one trailing character.
        UnitError::BadUnit(t) => {
            let digits = t
                .trim_start_matches('-')
                .trim_start_matches(|c: char| c.is_ascii_digit());
            if digits.chars().count() == 1 {
                NumberError::BadUnit(t)
            } else {
                NumberError::NotANumber(t)
            }
        }
        UnitError::Overflow(t) => NumberError::OutOfRange(t),
    })
}

/// The values a wire type can carry.
fn wire_range(wire: Wire) -> (i64, i64) {
    match wire {
        Wire::U32 => (0, i64::from(u32::MAX)),
        Wire::S32 => (i64::from(i32::MIN), i64::from(i32::MAX)),
        _ => (0, i64::MAX),
    }
}

/// Converts one option value into its attribute (`None`: nothing to send, e.g.
/// `--flag=no`), or says why it is refused.
pub fn option_attr(
    o: &OptionDef,
    spec: &Spec,
    value: Option<&str>,
    mandatory_bit: bool,
) -> Result<Option<Attr>, UsageError> {
    let Some(nl) = spec.nl else { return Ok(None) };
    let given = value.unwrap_or("");
    let invalid = || UsageError::InvalidValue(o.name.to_string(), given.to_string());
    let refused = |why: String| UsageError::Refused(o.name.to_string(), given.to_string(), why);
    let required = || value.ok_or_else(|| UsageError::MissingValue(o.name.to_string()));
    let yes_no = || match value {
        None | Some("yes") => Ok(true),
        Some("no") => Ok(false),
        Some(_) => Err(invalid()),
    };
    let v = match spec.ty {
        ValueType::Flag => {
            if !yes_no()? {
                return Ok(None);
            }
            Value::U8(1)
        }
        ValueType::Bool { .. } => Value::U8(u8::from(yes_no()?)),
        ValueType::Numeric {
            min,
            max,
            scale,
            implicit_clamp,
            ..
        } => {
            let n = number(required()?, scale)?;
            let (lo, hi) = if implicit_clamp {
                wire_range(nl.wire)
            } else {
                (min, max)
            };
            if n < lo || n > hi {
                return Err(refused(format!("out of range ({min} ... {max})")));
            }
            match nl.wire {
                Wire::U64 => Value::U64(n as u64),
                // In range, so it fits: a signed field is sent as its two's complement.
                _ => Value::U32(n as u32),
            }
        }
        ValueType::Enum { values, nocase, .. } => {
            let text = required()?;
            let hit = values.iter().find(|(k, _)| {
                if nocase {
                    k.eq_ignore_ascii_case(text)
                } else {
                    *k == text
                }
            });
            Value::U32(hit.ok_or_else(invalid)?.1)
        }
        ValueType::EnumNum {
            values, min, max, ..
        } => {
            let text = required()?;
            match values.iter().find(|(k, _)| *k == text) {
                Some((_, n)) => Value::U32(*n),
                None => {
                    let n = number(text, options::Scale::One).map_err(|_| invalid())?;
                    if n < min || n > max {
                        return Err(refused(format!("out of range ({min} ... {max})")));
                    }
                    Value::U32(n as u32)
                }
            }
        }
        ValueType::String { max_len } => {
            let text = required()?;
            if max_len > 0 && text.len() >= max_len {
                return Err(refused(format!("longer than {} bytes", max_len - 1)));
            }
            match nl.wire {
                Wire::Bin(_) => Value::Bin(sockaddr_from_str(text)?),
                _ => Value::Str(text.to_string()),
            }
        }
        ValueType::KeySerial => {
            // Without a keyring lookup we accept the key serial number itself.
            let n: i32 = required()?.parse().map_err(|_| invalid())?;
            Value::U32(n as u32)
        }
    };
    Ok(Some(Attr::field(nl.nr, nl.mandatory && mandatory_bit, v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_fail_with_upstreams_words() {
        assert_eq!(number("", Scale::One), Err(NumberError::Missing));
        assert_eq!(
            number("abc", Scale::One).map_err(|e| e.to_string()),
            Err("abc is not a valid number".into())
        );
        assert_eq!(
            number("10x", Scale::One).map_err(|e| e.to_string()),
            Err("10x is not a valid unit".into())
        );
        assert_eq!(
            number("10kB", Scale::One).map_err(|e| e.to_string()),
            Err("10kB is not a valid number".into())
        );
        assert_eq!(
            number("99999999999999999999G", Scale::One).map_err(|e| e.to_string()),
            Err("99999999999999999999G: out of range".into())
        );
        assert_eq!(number("", Scale::One).map_err(|e| e.exit_code()), Err(100));
        assert_eq!(number("1M", Scale::Kilo), Ok(1024));
    }
}
