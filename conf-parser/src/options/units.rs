//! Numbers with unit suffixes, converted as drbd-utils' `new_strtoll()` does
//! (`user/shared/shared_tool.c`): a bare number is in the field's native unit; a suffix
//! `K/k` (KiB), `M/m` (MiB), `G/g` (GiB) or `s` (512-byte sectors) is converted into it,
//! rounding up when the conversion shifts right.

use thiserror::Error;

/// The native unit of a numeric field (`DRBD_*_SCALE` in `drbd_limits.h`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    /// `'1'`: a plain number (bytes, counts, tenths of a second...).
    One,
    /// `'k'`: KiB (KiB/s for rates).
    Kilo,
    /// `'s'`: 512-byte sectors.
    Sector,
}

impl Scale {
    /// log2 of the unit in bytes.
    fn shift(self) -> u32 {
        match self {
            Scale::One => 0,
            Scale::Kilo => 10,
            Scale::Sector => 9,
        }
    }

    /// Upstream's letter for this scale.
    pub fn letter(self) -> char {
        match self {
            Scale::One => '1',
            Scale::Kilo => 'k',
            Scale::Sector => 's',
        }
    }
}

/// Why a number did not parse.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum UnitError {
    /// No digits at the start.
    #[error("'{0}' is not a number")]
    NotANumber(String),
    /// A suffix other than K, M, G or s.
    #[error("'{0}' is not a valid unit (use K, M, G or s)")]
    BadUnit(String),
    /// The value does not fit in 64 bits.
    #[error("'{0}' is too large")]
    Overflow(String),
}

/// Parses `text` (e.g. `10M`, `4194304k`, `-1`) into the native unit of `scale`.
pub fn parse_number(text: &str, scale: Scale) -> Result<i64, UnitError> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits_end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    if digits_end == 0 {
        return Err(UnitError::NotANumber(text.to_string()));
    }
    let value: i128 = body[..digits_end]
        .parse()
        .map_err(|_| UnitError::Overflow(text.to_string()))?;
    let suffix = &body[digits_end..];
    let unit_shift: u32 = match suffix {
        "" => scale.shift(),
        "K" | "k" => 10,
        "M" | "m" => 20,
        "G" | "g" => 30,
        "s" => 9,
        _ => return Err(UnitError::BadUnit(text.to_string())),
    };
    let native = scale.shift();
    let converted = if unit_shift >= native {
        value << (unit_shift - native)
    } else {
        let shift = native - unit_shift;
        (value + (1i128 << shift) - 1) >> shift
    };
    let converted = if negative { -converted } else { converted };
    i64::try_from(converted).map_err(|_| UnitError::Overflow(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_convert_into_the_native_unit() {
        assert_eq!(parse_number("10M", Scale::Kilo), Ok(10240));
        assert_eq!(parse_number("10M", Scale::Sector), Ok(20480));
        assert_eq!(parse_number("4194304k", Scale::Sector), Ok(8388608));
        assert_eq!(parse_number("1G", Scale::One), Ok(1 << 30));
        assert_eq!(parse_number("250", Scale::Kilo), Ok(250));
        assert_eq!(parse_number("-1", Scale::One), Ok(-1));
    }

    #[test]
    fn shifting_right_rounds_up() {
        assert_eq!(parse_number("1s", Scale::Kilo), Ok(1));
        assert_eq!(parse_number("3s", Scale::Kilo), Ok(2));
        assert_eq!(parse_number("513", Scale::Sector), Ok(513));
        assert_eq!(parse_number("1k", Scale::Sector), Ok(2));
    }

    #[test]
    fn bad_input_is_named() {
        assert_eq!(
            parse_number("x", Scale::One),
            Err(UnitError::NotANumber("x".into()))
        );
        assert_eq!(
            parse_number("10T", Scale::One),
            Err(UnitError::BadUnit("10T".into()))
        );
        assert!(matches!(
            parse_number("99999999999999999999999", Scale::One),
            Err(UnitError::Overflow(_))
        ));
    }
}
