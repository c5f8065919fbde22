//! One conversation with the kernel over a [`Transport`]: sending requests, receiving with
//! an optional time limit, and upstream's `generic_get()`/`generic_recv()` rules for the
//! read-only requests (which return codes are fatal, what `NLMSG_DONE`'s error means, the
//! 120 s reply limit).

use std::io::Write;
use std::time::{Duration, Instant};

use conf_parser::options::Dialect;

use crate::codec::{parse_datagram, Attr, Incoming, Message, Request, Value, NLM_F_DUMP};
use crate::consts::{nla, ERR_MINOR_INVALID, NO_ERROR};
use crate::run::{check_error, info_texts, RunError};
use crate::transport::{Family, Transport};

/// `ENODEV`: a dump filtered by an unknown resource name.
pub const ENODEV: i32 = 19;

/// How long upstream waits for the reply of a read-only request.
pub const GET_TIMEOUT: Duration = Duration::from_secs(120);

/// `strerror()`: the C library's text of an errno, without Rust's "(os error N)".
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The rules of one read-only request.
#[derive(Clone, Copy, Debug)]
pub struct Get<'a> {
    /// The name errors are reported under.
    pub objname: &'a str,
    /// `ERR_MINOR_INVALID` replies and `ENODEV` at the end of a dump are not errors.
    pub missing_ok: bool,
    /// Give up (exit 5) when nothing arrives for this long.
    pub timeout: Option<Duration>,
}

/// The kernel side of a run: transport, family, dialect and the sequence counter.
pub struct Session<'a> {
    /// The transport.
    pub t: &'a mut dyn Transport,
    /// The resolved `drbd` family.
    pub family: Family,
    /// The genl version we send (1 or 2).
    pub version: u8,
    /// The last sequence number used.
    pub seq: u32,
    /// The dialect spoken.
    pub dialect: Dialect,
    /// Send `DRBD_GENLA_F_MANDATORY` where upstream does.
    pub mandatory: bool,
}

impl Session<'_> {
    /// Sends `req`; returns its sequence number.
    pub fn send(&mut self, req: &Request) -> Result<u32, RunError> {
        self.seq = self.seq.wrapping_add(1);
        let bytes = req.to_bytes(self.family.id, self.version, self.seq, self.t.port_id());
        self.t
            .send(&bytes)
            .map_err(|e| RunError::Netlink("error sending config command".into(), e))?;
        Ok(self.seq)
    }

    /// Receives one datagram and splits it into messages.
    pub fn recv(&mut self) -> Result<Vec<Incoming>, RunError> {
        loop {
            if let Some(m) = self.recv_timeout(None)? {
                return Ok(m);
            }
        }
    }

    /// Receives one datagram, waiting at most `timeout`; `None` when the time ran out.
    pub fn recv_timeout(
        &mut self,
        timeout: Option<Duration>,
    ) -> Result<Option<Vec<Incoming>>, RunError> {
        let Some(buf) = self
            .t
            .recv_timeout(timeout)
            .map_err(|e| RunError::Netlink("error receiving config reply".into(), e))?
        else {
            return Ok(None);
        };
        parse_datagram(&buf, self.family.id).map(Some).map_err(|e| {
            RunError::Netlink(
                "error receiving config reply".into(),
                std::io::Error::other(e),
            )
        })
    }

    /// Whether the module implements operation `op` (`genl_op_known()`).
    pub fn op_known(&self, op: u8) -> bool {
        self.family.ops.contains(&u32::from(op))
    }

    /// One dump exchange: every reply message for `seq` until `NLMSG_DONE`; `resource`
    /// narrows the dump to one resource.
    pub fn dump(&mut self, command: u8, resource: Option<&str>) -> Result<Vec<Message>, RunError> {
        let req = dump_request(command, resource, self.mandatory);
        let seq = self.send(&req)?;
        let mut out = Vec::new();
        loop {
            for inc in self.recv()? {
                match inc {
                    // Replies without an object (e.g. "resource not known") carry only a
                    // return code.
                    Incoming::Genl(m) if m.seq == seq && m.tla(nla::CFG_CONTEXT).is_some() => {
                        out.push(m);
                    }
                    Incoming::Done { .. } => return Ok(out),
                    Incoming::Error { errno, seq: s } if s == seq && errno != 0 => {
                        return Err(RunError::Netlink(
                            "received netlink error reply".into(),
                            std::io::Error::from_raw_os_error(-errno),
                        ))
                    }
                    _ => {}
                }
            }
        }
    }

    /// One doit exchange: the reply message for `seq`.
    pub fn exchange(&mut self, req: &Request) -> Result<Message, RunError> {
        let seq = self.send(req)?;
        loop {
            for inc in self.recv()? {
                match inc {
                    Incoming::Genl(m) if m.seq == seq => return Ok(m),
                    Incoming::Error { errno, seq: s } if s == seq && errno != 0 => {
                        return Err(RunError::Netlink(
                            String::new(),
                            std::io::Error::from_raw_os_error(-errno),
                        ))
                    }
                    _ => {}
                }
            }
        }
    }

    /// One doit exchange with a time limit: the reply, or `None` when none came in time
    /// (netlink error replies count as no reply, as upstream's `choose_timeout()` sees it).
    pub fn exchange_timeout(
        &mut self,
        req: &Request,
        timeout: Duration,
    ) -> Result<Option<Message>, RunError> {
        let seq = self.send(req)?;
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(batch) = self.recv_timeout(Some(left))? else {
                return Ok(None);
            };
            for inc in batch {
                match inc {
                    Incoming::Genl(m) if m.seq == seq => return Ok(Some(m)),
                    Incoming::Error { errno, seq: s } if s == seq && errno != 0 => return Ok(None),
                    _ => {}
                }
            }
        }
    }

    /// Upstream's `generic_get()` for one request: the replies (all of a dump, the one of
    /// a doit), or `RunError::Reported` once the failure was printed like upstream does
    /// (a kernel return code through `check_error()`, a netlink error, exit 5 on timeout).
    pub fn get(
        &mut self,
        req: &Request,
        g: Get<'_>,
        err: &mut dyn Write,
    ) -> Result<Vec<Message>, RunError> {
        let seq = self.send(req)?;
        let is_dump = req.nl_flags & NLM_F_DUMP == NLM_F_DUMP;
        let deadline = g.timeout.map(|t| Instant::now() + t);
        let mut out = Vec::new();
        loop {
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            let Some(batch) = self.recv_timeout(left)? else {
                return Err(RunError::Reported(5));
            };
            for inc in batch {
                match inc {
                    Incoming::Genl(m) if m.seq == seq => {
                        let mut rv = m.ret_code;
                        if rv == ERR_MINOR_INVALID && g.missing_ok {
                            rv = NO_ERROR;
                        }
                        if rv != NO_ERROR {
                            let code =
                                check_error(self.dialect, g.objname, rv, &info_texts(&m), err);
                            if code != 0 {
                                return Err(RunError::Reported(code));
                            }
                            return Ok(out);
                        }
                        out.push(m);
                        if !is_dump {
                            return Ok(out);
                        }
                    }
                    Incoming::Done { errno } => {
                        let e = errno.checked_neg().unwrap_or(0);
                        if e != 0 && (e != ENODEV || !g.missing_ok) {
                            let _ = writeln!(err, "received netlink error reply: {}", strerror(e));
                            return Err(RunError::Reported(20));
                        }
                        return Ok(out);
                    }
                    Incoming::Error { errno, seq: s } if s == seq && errno != 0 => {
                        let e = errno.checked_neg().unwrap_or(0);
                        let _ = writeln!(err, "received netlink error reply: {}", strerror(e));
                        return Err(RunError::Reported(20));
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A dump request of `command` (`NLM_F_DUMP`, minor -1), narrowed to `resource` by a
/// context set holding only its name (`T_ctx_resource_name` with the mandatory bit).
pub fn dump_request(command: u8, resource: Option<&str>, mandatory: bool) -> Request {
    let mut req = Request::new(command);
    req.nl_flags = NLM_F_DUMP;
    if let Some(r) = resource {
        req.tlas.push(Attr::nested(
            nla::CFG_CONTEXT,
            vec![Attr::field(
                nla::T_CTX_RESOURCE_NAME,
                mandatory,
                Value::Str(r.to_string()),
            )],
        ));
    }
    req
}
