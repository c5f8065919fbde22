//! The DRBD generic-netlink wire format, as pure functions: building request messages byte by
//! byte and splitting received datagrams into messages and attributes. No I/O here.
//!
//! Layout (all integers host byte order, as the kernel expects): `nlmsghdr` (16 bytes),
//! `genlmsghdr` (4 bytes: cmd, version, reserved), `drbd_genlmsghdr` (8 bytes: minor, flags or
//! ret_code), then top-level attribute sets (`DRBD_NLA_*`), each nested and flagged
//! `NLA_F_NESTED`, holding the fields. Fields declared `DRBD_GENLA_F_MANDATORY` carry bit 14
//! in their type.

use thiserror::Error;

/// `NLA_F_NESTED`: set on every top-level attribute we send.
pub const NLA_F_NESTED: u16 = 0x8000;
/// `DRBD_GENLA_F_MANDATORY`: the kernel must not ignore this field.
pub const DRBD_GENLA_F_MANDATORY: u16 = 0x4000;
/// Masks both flag bits off a received attribute type.
pub const NLA_TYPE_MASK: u16 = 0x3fff;

/// `NLM_F_REQUEST`.
pub const NLM_F_REQUEST: u16 = 0x0001;
/// `NLM_F_MULTI`.
pub const NLM_F_MULTI: u16 = 0x0002;
/// `NLM_F_DUMP` (`NLM_F_ROOT | NLM_F_MATCH`).
pub const NLM_F_DUMP: u16 = 0x0300;
/// `NLMSG_ERROR`.
pub const NLMSG_ERROR: u16 = 2;
/// `NLMSG_DONE`.
pub const NLMSG_DONE: u16 = 3;
/// The size of `nlmsghdr` + `genlmsghdr` + `drbd_genlmsghdr`.
pub const DRBD_HEADERS_LEN: usize = 16 + 4 + 8;

/// One attribute to send: a field or a nested set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attr {
    /// The attribute number without flag bits.
    pub nr: u16,
    /// Send with `DRBD_GENLA_F_MANDATORY`.
    pub mandatory: bool,
    /// The payload.
    pub value: Value,
}

/// The payload of an [`Attr`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `NLA_U8` (flags are one byte, 0 or 1).
    U8(u8),
    /// `NLA_U32` (also used for s32 fields).
    U32(u32),
    /// `NLA_U64`.
    U64(u64),
    /// `NLA_NUL_STRING`; the NUL is added on the wire.
    Str(String),
    /// `NLA_BINARY`.
    Bin(Vec<u8>),
    /// A nested set; sent with `NLA_F_NESTED`.
    Nested(Vec<Attr>),
}

impl Attr {
    /// A nested top-level set.
    pub fn nested(nr: u16, fields: Vec<Attr>) -> Attr {
        Attr {
            nr,
            mandatory: false,
            value: Value::Nested(fields),
        }
    }

    /// A field.
    pub fn field(nr: u16, mandatory: bool, value: Value) -> Attr {
        Attr {
            nr,
            mandatory,
            value,
        }
    }

    fn payload_len(&self) -> usize {
        match &self.value {
            Value::U8(_) => 1,
            Value::U32(_) => 4,
            Value::U64(_) => 8,
            Value::Str(s) => s.len() + 1,
            Value::Bin(b) => b.len(),
            Value::Nested(v) => v.iter().map(Attr::wire_len).sum(),
        }
    }

    /// Length on the wire including header and padding.
    pub fn wire_len(&self) -> usize {
        align4(4 + self.payload_len())
    }

    /// Appends the attribute to `out`.
    pub fn emit(&self, out: &mut Vec<u8>) {
        let len = 4 + self.payload_len();
        let mut kind = self.nr;
        if self.mandatory {
            kind |= DRBD_GENLA_F_MANDATORY;
        }
        if matches!(self.value, Value::Nested(_)) {
            kind |= NLA_F_NESTED;
        }
        out.extend_from_slice(&(len as u16).to_ne_bytes());
        out.extend_from_slice(&kind.to_ne_bytes());
        match &self.value {
            Value::U8(v) => out.push(*v),
            Value::U32(v) => out.extend_from_slice(&v.to_ne_bytes()),
            Value::U64(v) => out.extend_from_slice(&v.to_ne_bytes()),
            Value::Str(s) => {
                out.extend_from_slice(s.as_bytes());
                out.push(0);
            }
            Value::Bin(b) => out.extend_from_slice(b),
            Value::Nested(v) => v.iter().for_each(|a| a.emit(out)),
        }
        pad4(out);
    }
}

fn align4(n: usize) -> usize {
    (n + 3) & !3
}

fn pad4(out: &mut Vec<u8>) {
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
}

/// A DRBD request ready to be serialised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// `DRBD_ADM_*`.
    pub cmd: u8,
    /// `nlmsg_flags` besides `NLM_F_REQUEST` (`NLM_F_DUMP` for dumps).
    pub nl_flags: u16,
    /// `drbd_genlmsghdr.minor`; `u32::MAX` when addressed by name.
    pub minor: u32,
    /// `drbd_genlmsghdr.flags` (`DRBD_GENL_F_SET_DEFAULTS`).
    pub flags: u32,
    /// The top-level attribute sets.
    pub tlas: Vec<Attr>,
}

impl Request {
    /// A request for `cmd` addressed to no minor.
    pub fn new(cmd: u8) -> Request {
        Request {
            cmd,
            nl_flags: 0,
            minor: u32::MAX,
            flags: 0,
            tlas: Vec::new(),
        }
    }

    /// Serialises the message for family `family_id`, genl `version`, sequence `seq` and
    /// port id `pid`.
    pub fn to_bytes(&self, family_id: u16, version: u8, seq: u32, pid: u32) -> Vec<u8> {
        let mut out = Vec::with_capacity(256);
        out.extend_from_slice(&[0; 4]); // length, patched below
        out.extend_from_slice(&family_id.to_ne_bytes());
        out.extend_from_slice(&(NLM_F_REQUEST | self.nl_flags).to_ne_bytes());
        out.extend_from_slice(&seq.to_ne_bytes());
        out.extend_from_slice(&pid.to_ne_bytes());
        out.extend_from_slice(&[self.cmd, version, 0, 0]);
        out.extend_from_slice(&self.minor.to_ne_bytes());
        out.extend_from_slice(&self.flags.to_ne_bytes());
        for tla in &self.tlas {
            tla.emit(&mut out);
        }
        let len = out.len() as u32;
        out[0..4].copy_from_slice(&len.to_ne_bytes());
        out
    }
}

/// Why received bytes could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ParseError {
    /// A length field points past the end of the buffer.
    #[error("truncated netlink message")]
    Truncated,
}

/// One received netlink message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A message of the drbd family (or any other genl family; check `nl_type`).
    Genl(Message),
    /// `NLMSG_ERROR`: `errno` 0 is an acknowledgement.
    Error {
        /// The negative errno from the kernel.
        errno: i32,
        /// Sequence number of the failed request.
        seq: u32,
    },
    /// `NLMSG_DONE`, ending a dump.
    Done {
        /// The error code carried in the payload (0 normally).
        errno: i32,
    },
    /// Any other control message.
    Other(u16),
}

/// A received generic-netlink message of the drbd family, decoded down to its sets.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Message {
    /// `nlmsg_type` (the family id).
    pub nl_type: u16,
    /// `nlmsg_flags`.
    pub nl_flags: u16,
    /// `nlmsg_seq`.
    pub seq: u32,
    /// `genlmsghdr.cmd`.
    pub cmd: u8,
    /// `drbd_genlmsghdr.minor`.
    pub minor: u32,
    /// `drbd_genlmsghdr.ret_code`.
    pub ret_code: i32,
    /// The top-level sets: number (flags masked) and fields.
    pub tlas: Vec<(u16, Fields)>,
}

impl Message {
    /// The first set with number `nr`.
    pub fn tla(&self, nr: u16) -> Option<&Fields> {
        self.tlas.iter().find(|(n, _)| *n == nr).map(|(_, f)| f)
    }
}

/// The fields of one received set, in wire order (repeats kept).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Fields(pub Vec<(u16, Vec<u8>)>);

impl Fields {
    /// The raw payload of the first field `nr`.
    pub fn raw(&self, nr: u16) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|(n, _)| *n == nr)
            .map(|(_, v)| v.as_slice())
    }

    /// Every payload of field `nr` (path addresses repeat).
    pub fn all(&self, nr: u16) -> impl Iterator<Item = &[u8]> {
        self.0
            .iter()
            .filter(move |(n, _)| *n == nr)
            .map(|(_, v)| v.as_slice())
    }

    /// A u8 field.
    pub fn u8(&self, nr: u16) -> Option<u8> {
        self.raw(nr).and_then(|v| v.first().copied())
    }

    /// A u32 field.
    pub fn u32(&self, nr: u16) -> Option<u32> {
        let v = self.raw(nr)?;
        Some(u32::from_ne_bytes(v.get(..4)?.try_into().ok()?))
    }

    /// A u64 field.
    pub fn u64(&self, nr: u16) -> Option<u64> {
        let v = self.raw(nr)?;
        Some(u64::from_ne_bytes(v.get(..8)?.try_into().ok()?))
    }

    /// A NUL-terminated string field (everything up to the first NUL).
    pub fn str(&self, nr: u16) -> Option<String> {
        let v = self.raw(nr)?;
        let end = v.iter().position(|&b| b == 0).unwrap_or(v.len());
        Some(String::from_utf8_lossy(&v[..end]).into_owned())
    }
}

/// Parses a run of attributes, masking the flag bits and skipping type 0 (u64 padding).
pub fn parse_attrs(mut buf: &[u8]) -> Result<Vec<(u16, Vec<u8>)>, ParseError> {
    let mut out = Vec::new();
    while buf.len() >= 4 {
        let len = u16::from_ne_bytes([buf[0], buf[1]]) as usize;
        let kind = u16::from_ne_bytes([buf[2], buf[3]]) & NLA_TYPE_MASK;
        if len < 4 || len > buf.len() {
            return Err(ParseError::Truncated);
        }
        if kind != 0 {
            out.push((kind, buf[4..len].to_vec()));
        }
        buf = &buf[align4(len).min(buf.len())..];
    }
    Ok(out)
}

/// The host-order number at the start of `b`, if `b` is long enough (kernel replies are
/// read with these, so that a short field is a missing value, never a panic).
pub fn ne_u16(b: &[u8]) -> Option<u16> {
    Some(u16::from_ne_bytes(b.get(..2)?.try_into().ok()?))
}

/// See [`ne_u16`].
pub fn ne_u32(b: &[u8]) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(..4)?.try_into().ok()?))
}

/// See [`ne_u16`].
pub fn ne_i32(b: &[u8]) -> Option<i32> {
    ne_u32(b).map(|v| v as i32)
}

/// See [`ne_u16`].
pub fn ne_u64(b: &[u8]) -> Option<u64> {
    Some(u64::from_ne_bytes(b.get(..8)?.try_into().ok()?))
}

/// Splits one datagram into its netlink messages. Messages of the drbd family are decoded
/// when their type is `family_id`; generic-netlink messages of other families come back as
/// [`Incoming::Other`].
pub fn parse_datagram(mut buf: &[u8], family_id: u16) -> Result<Vec<Incoming>, ParseError> {
    let mut out = Vec::new();
    while buf.len() >= 16 {
        let len = ne_u32(buf).unwrap_or(0) as usize;
        if len < 16 || len > buf.len() {
            return Err(ParseError::Truncated);
        }
        let nl_type = u16::from_ne_bytes([buf[4], buf[5]]);
        let nl_flags = u16::from_ne_bytes([buf[6], buf[7]]);
        let seq = ne_u32(&buf[8..]).unwrap_or(0);
        let body = &buf[16..len];
        let msg = match nl_type {
            NLMSG_ERROR => {
                let errno = ne_i32(body).unwrap_or(0);
                let seq = body.get(12..).and_then(ne_u32).unwrap_or(0);
                Incoming::Error { errno, seq }
            }
            NLMSG_DONE => {
                let errno = ne_i32(body).unwrap_or(0);
                Incoming::Done { errno }
            }
            t if t == family_id && body.len() >= 12 => {
                let minor = ne_u32(&body[4..]).unwrap_or(u32::MAX);
                let ret_code = ne_i32(&body[8..]).unwrap_or(0);
                let mut tlas = Vec::new();
                for (nr, payload) in parse_attrs(&body[12..])? {
                    tlas.push((nr, Fields(parse_attrs(&payload)?)));
                }
                Incoming::Genl(Message {
                    nl_type,
                    nl_flags,
                    seq,
                    cmd: body[0],
                    minor,
                    ret_code,
                    tlas,
                })
            }
            t => Incoming::Other(t),
        };
        out.push(msg);
        buf = &buf[align4(len).min(buf.len())..];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The research note's example (§1.3): DRBD 9 `primary r0 --force`, family 0x1d, seq 42.
    #[test]
    fn primary_force_matches_the_documented_bytes() {
        let mut req = Request::new(14);
        req.tlas.push(Attr::nested(
            2,
            vec![Attr::field(2, true, Value::Str("r0".into()))],
        ));
        req.tlas
            .push(Attr::nested(6, vec![Attr::field(1, true, Value::U8(1))]));
        let bytes = req.to_bytes(0x1d, 2, 42, 0);
        let expected: &[u8] = &[
            0x34, 0, 0, 0, 0x1d, 0, 1, 0, 0x2a, 0, 0, 0, 0, 0, 0, 0, //
            0x0e, 2, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, //
            0x0c, 0, 0x02, 0x80, 7, 0, 0x02, 0x40, b'r', b'0', 0, 0, //
            0x0c, 0, 0x06, 0x80, 5, 0, 0x01, 0x40, 1, 0, 0, 0,
        ];
        // The research note prints the context name without bit 14; drbdsetup's
        // T_ctx_resource_name carries DRBD_GENLA_F_MANDATORY, and so do we.
        assert_eq!(bytes, expected);
    }

    #[test]
    fn a_reply_round_trips() {
        let mut req = Request::new(38);
        req.tlas.push(Attr::nested(
            2,
            vec![Attr::field(2, true, Value::Str("r0".into()))],
        ));
        req.tlas
            .push(Attr::nested(20, vec![Attr::field(1, false, Value::U64(7))]));
        let bytes = req.to_bytes(0x1d, 2, 5, 0);
        let parsed = parse_datagram(&bytes, 0x1d).unwrap();
        let Incoming::Genl(m) = &parsed[0] else {
            panic!("{parsed:?}")
        };
        assert_eq!((m.cmd, m.seq, m.minor), (38, 5, u32::MAX));
        assert_eq!(m.tla(2).unwrap().str(2).as_deref(), Some("r0"));
        assert_eq!(m.tla(20).unwrap().u64(1), Some(7));
    }
}
