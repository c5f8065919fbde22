//! Running a command line against a [`Transport`]: family resolution, the request/reply
//! exchange with upstream's retry on `SS_IN_TRANSIENT_STATE`, `events2`, and the one place
//! where results become messages and exit codes (`check_error()`).

use std::io::Write;
use std::time::Duration;

use conf_parser::options::Dialect;
use thiserror::Error;

use crate::codec::{parse_datagram, Attr, Incoming, Message, Request, Value, NLM_F_DUMP};
use crate::commands::{self, Kind, UsageError};
use crate::consts::{
    self, cmd, nla, ERR_CODE_BASE, ERR_RES_NOT_KNOWN, NO_ERROR, SS_IN_TRANSIENT_STATE,
};
use crate::events2::{Events2, Options};
use crate::transport::{resolve_family, Family, FamilyError, Transport};

/// Everything that ends a run early, each with its exit code.
#[derive(Debug, Error)]
pub enum RunError {
    /// Bad command line (exit 20).
    #[error("{0}")]
    Usage(#[from] UsageError),
    /// Unknown command (exit 20).
    #[error("invalid command")]
    UnknownCommand,
    /// Family trouble; "not loaded" is one clear line (exit 20).
    #[error("{0}")]
    Family(#[from] FamilyError),
    /// The kernel's family does not match what we speak (exit 20).
    #[error("API mismatch!\n\tAPI version drbdsetup: {ours} kernel: {kernel}\n\theader size drbdsetup: 8 kernel: {hdrsize}")]
    ApiMismatch {
        /// Version we speak.
        ours: u32,
        /// Version the kernel has.
        kernel: u32,
        /// Its header size.
        hdrsize: u32,
    },
    /// Socket errors and `NLMSG_ERROR` replies (exit 20).
    #[error("{0}: {1}")]
    Netlink(String, std::io::Error),
    /// A command we do not implement yet (exit 20).
    #[error("{0}: not implemented yet")]
    NotImplemented(String),
}

impl RunError {
    /// The exit code, as upstream.
    pub fn exit_code(&self) -> i32 {
        20
    }
}

/// How a run is set up.
#[derive(Clone, Debug)]
pub struct Setup {
    /// Forced dialect (`drbdsetup-84`), else taken from the family version.
    pub forced: Option<Dialect>,
    /// Send `DRBD_GENLA_F_MANDATORY` on mandatory fields.
    pub mandatory_bit: bool,
    /// First sequence number.
    pub seq: u32,
}

/// Upstream's `check_error()`: prints the result and returns the exit code.
pub fn check_error(
    dialect: Dialect,
    objname: &str,
    code: i32,
    info: &[String],
    err: &mut dyn Write,
) -> i32 {
    let print_info = |hdr: &str, err: &mut dyn Write| {
        if !info.is_empty() {
            let _ = write!(err, "{hdr}");
            for t in info {
                let _ = writeln!(err, "{t}");
            }
        }
    };
    if code == NO_ERROR || code == 1 {
        print_info("warnings from kernel:\n", err);
        return 0;
    }
    let after_err = consts::after_last_err_code(dialect);
    let after_ss = consts::ss_after_last_error(dialect);
    let rv;
    if (code >= after_err || code <= ERR_CODE_BASE) && (code > 4 || code <= after_ss) {
        let _ = writeln!(
            err,
            "{objname}: Error code {code} unknown.\nYou should update the drbd userland tools."
        );
        rv = 20;
    } else if code > ERR_CODE_BASE {
        let _ = writeln!(
            err,
            "{objname}: Failure: ({code}) {}",
            consts::error_to_string(code)
        );
        rv = 10;
    } else if code == 0 {
        let _ = writeln!(
            err,
            "{objname}: State change failed: ({code})unknown error."
        );
        rv = 11;
    } else if code > -1 {
        rv = 0;
    } else {
        let _ = writeln!(
            err,
            "{objname}: State change failed: ({code}) {}",
            consts::state_err_str(dialect, code)
        );
        rv = match code {
            -2 => 17,
            -16 => 5,
            -4 => 16,
            _ => 11,
        };
    }
    print_info("additional info from kernel:\n", err);
    rv
}

fn info_texts(m: &Message) -> Vec<String> {
    m.tlas
        .iter()
        .filter(|(n, _)| *n == nla::CFG_REPLY)
        .flat_map(|(_, f)| {
            f.all(nla::T_INFO_TEXT).map(|v| {
                let end = v.iter().position(|&b| b == 0).unwrap_or(v.len());
                String::from_utf8_lossy(&v[..end]).into_owned()
            })
        })
        .collect()
}

struct Session<'a> {
    t: &'a mut dyn Transport,
    family: Family,
    version: u8,
    seq: u32,
}

impl Session<'_> {
    fn send(&mut self, req: &Request) -> Result<u32, RunError> {
        self.seq = self.seq.wrapping_add(1);
        let bytes = req.to_bytes(self.family.id, self.version, self.seq, self.t.port_id());
        self.t
            .send(&bytes)
            .map_err(|e| RunError::Netlink("error sending config command".into(), e))?;
        Ok(self.seq)
    }

    fn recv(&mut self) -> Result<Vec<Incoming>, RunError> {
        let buf = self
            .t
            .recv()
            .map_err(|e| RunError::Netlink("error receiving config reply".into(), e))?;
        parse_datagram(&buf, self.family.id).map_err(|e| {
            RunError::Netlink(
                "error receiving config reply".into(),
                std::io::Error::other(e),
            )
        })
    }

    /// One dump exchange: every reply message for `seq` until `NLMSG_DONE`; `resource`
    /// narrows the dump to one resource.
    fn dump(&mut self, command: u8, resource: Option<&str>) -> Result<Vec<Message>, RunError> {
        let mut req = Request::new(command);
        req.nl_flags = NLM_F_DUMP;
        if let Some(r) = resource {
            req.tlas.push(Attr::nested(
                nla::CFG_CONTEXT,
                vec![Attr::field(
                    nla::T_CTX_RESOURCE_NAME,
                    false,
                    Value::Str(r.to_string()),
                )],
            ));
        }
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
    fn exchange(&mut self, req: &Request) -> Result<Message, RunError> {
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
}

/// Runs `argv` (without argv[0]); returns the exit code.
pub fn run(
    t: &mut dyn Transport,
    setup: &Setup,
    argv: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let mut argv = argv.to_vec();
    let family = match resolve_family(t, setup.seq) {
        Ok(f) => f,
        Err(FamilyError::NotLoaded)
            if matches!(
                argv.first().map(String::as_str),
                Some("down" | "secondary" | "disconnect" | "detach")
            ) =>
        {
            return Ok(0)
        }
        Err(e) => return Err(e.into()),
    };
    let dialect = match (setup.forced, family.version) {
        (Some(d), _) => d,
        (None, 1) => Dialect::V84,
        (None, _) => Dialect::V9,
    };
    let ours = if dialect == Dialect::V84 { 1 } else { 2 };
    if family.version != ours || family.hdrsize != 8 {
        return Err(RunError::ApiMismatch {
            ours,
            kernel: family.version,
            hdrsize: family.hdrsize,
        });
    }
    // 8.3 syntax: `drbdsetup /dev/drbd0 primary` is `drbdsetup primary /dev/drbd0`.
    if argv.len() >= 2
        && commands::find(dialect, &argv[0]).is_none()
        && commands::find(dialect, &argv[1]).is_some()
    {
        argv.swap(0, 1);
        let _ = writeln!(
            err,
            "note: the current syntax is: drbdsetup {}",
            argv.join(" ")
        );
    }
    let name = argv.first().ok_or(RunError::UnknownCommand)?;
    let def = commands::find(dialect, name).ok_or(RunError::UnknownCommand)?;
    let inv = commands::parse(def, dialect, &argv[1..], setup.mandatory_bit)?;
    let mut s = Session {
        t,
        family,
        version: ours as u8,
        seq: setup.seq,
    };
    match def.kind {
        Kind::Config | Kind::Down => {
            if def.kind == Kind::Down && inv.resource.is_none() && dialect == Dialect::V9 {
                return Err(RunError::NotImplemented("down all".into()));
            }
            let mut delay = Duration::from_nanos(62_500_000);
            let reply = loop {
                let reply = s.exchange(&inv.request)?;
                if reply.ret_code != SS_IN_TRANSIENT_STATE || dialect == Dialect::V84 {
                    break reply;
                }
                std::thread::sleep(delay);
                if delay < Duration::from_secs(10) {
                    delay *= 2;
                }
            };
            let mut code = reply.ret_code;
            if code == ERR_RES_NOT_KNOWN && def.kind == Kind::Down {
                code = NO_ERROR;
            }
            Ok(check_error(
                dialect,
                &inv.objname,
                code,
                &info_texts(&reply),
                err,
            ))
        }
        Kind::Events if def.name == "events2" && dialect == Dialect::V9 => {
            let now = inv.local.has("now");
            let opts = Options {
                statistics: inv.local.has("statistics") || inv.local.has("full"),
                verbose: u32::from(inv.local.has("statistics")) + u32::from(inv.local.has("full")),
                full: inv.local.has("full"),
                diff: inv.local.has("diff"),
                timestamps: inv.local.has("timestamps"),
                color: match inv.local.value("color") {
                    Some("always") => true,
                    Some("never") => false,
                    _ => {
                        inv.local.has("color")
                            && std::io::IsTerminal::is_terminal(&std::io::stdout())
                    }
                },
                json: inv.local.has("json"),
            };
            if !now {
                if let Some(g) = s.family.events_group {
                    s.t.join_group(g)
                        .map_err(|e| RunError::Netlink("join events".into(), e))?;
                }
            }
            let mut req = inv.request.clone();
            req.cmd = cmd::DRBD_ADM_GET_INITIAL_STATE;
            req.nl_flags = NLM_F_DUMP;
            s.send(&req)?;
            let mut ev = Events2::new(out, opts);
            loop {
                for inc in s.recv()? {
                    match inc {
                        Incoming::Genl(m) => {
                            let code = ev
                                .event(&m)
                                .map_err(|e| RunError::Netlink("write".into(), e))?;
                            if code != 0 && code != consts::ERR_MINOR_INVALID {
                                return Ok(check_error(dialect, &inv.objname, code, &[], err));
                            }
                        }
                        Incoming::Done { .. } if now => return Ok(0),
                        Incoming::Error { errno, .. } if errno != 0 => {
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
        Kind::Query if def.name == "show" && dialect == Dialect::V9 => {
            let only = inv.resource.clone();
            let list = crate::show::collect(|c, r| s.dump(c, r.or(only.as_deref())), None)?;
            let list: Vec<_> = list
                .into_iter()
                .filter(|r| only.as_deref().is_none_or(|o| o == r.resource.name))
                .collect();
            let text =
                crate::show::render(&list, inv.local.has("json"), inv.local.has("show-defaults"));
            out.write_all(text.as_bytes())
                .map_err(|e| RunError::Netlink("write".into(), e))?;
            Ok(0)
        }
        _ => Err(RunError::NotImplemented(def.name.to_string())),
    }
}
