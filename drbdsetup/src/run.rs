//! Running a command line against a [`Transport`]: family resolution, the request/reply
//! exchange with upstream's retry on `SS_IN_TRANSIENT_STATE`, `events2`, and the one place
//! where results become messages and exit codes (`check_error()`).

use std::io::Write;
use std::time::Duration;

use conf_parser::options::{parse_number, Dialect, Scale};
use conf_parser::registry::{self, Entry};
use thiserror::Error;

use crate::codec::{Attr, Incoming, Message, Request, Value, NLM_F_DUMP};
use crate::color::Colors;
use crate::commands::{self, Invocation, Kind, LocalOptions, UsageError};
use crate::consts::{
    self, cmd, nla, ERR_CODE_BASE, ERR_RES_NOT_KNOWN, NO_ERROR, SS_IN_TRANSIENT_STATE,
};
use crate::events2::{Events2, Options};
use crate::session::Session;
use crate::transport::{resolve_family, FamilyError, Transport};
use crate::v84::{Target, WaitOpts};

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
    /// The failure was already printed the way upstream prints it; exit with this code.
    #[error("")]
    Reported(i32),
}

impl RunError {
    /// The exit code, as upstream.
    pub fn exit_code(&self) -> i32 {
        match self {
            RunError::Reported(code) => *code,
            RunError::Usage(e) => e.exit_code(),
            _ => 20,
        }
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
    /// The program name as called (for messages that name it).
    pub progname: String,
    /// stdout is a terminal (colours by default, `status` hides `client:`).
    pub stdout_tty: bool,
    /// stderr is a terminal.
    pub stderr_tty: bool,
    /// The terminal width (0: not known, 80 is used).
    pub columns: u16,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            forced: None,
            mandatory_bit: true,
            seq: 1,
            progname: "drbdsetup".into(),
            stdout_tty: false,
            stderr_tty: false,
            columns: 0,
        }
    }
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
        // The 8.4 tool's `print_config_error()` says nothing on success.
        if dialect == Dialect::V9 {
            print_info("warnings from kernel:\n", err);
        }
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

/// The `T_info_text`s of a reply.
pub fn info_texts(m: &Message) -> Vec<String> {
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

/// One configuration request: upstream's retry on `SS_IN_TRANSIENT_STATE` (DRBD 9), then
/// `check_error()`; `down` counts an unknown resource as done.
fn config_exchange(
    s: &mut Session<'_>,
    req: &Request,
    kind: Kind,
    objname: &str,
    setup: &Setup,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let mut delay = Duration::from_nanos(62_500_000);
    let reply = loop {
        let reply = s.exchange(req)?;
        if reply.ret_code != SS_IN_TRANSIENT_STATE || s.dialect == Dialect::V84 {
            break reply;
        }
        std::thread::sleep(delay);
        if delay < Duration::from_secs(10) {
            delay *= 2;
        }
    };
    let mut code = reply.ret_code;
    if code == ERR_RES_NOT_KNOWN && kind == Kind::Down {
        if s.dialect == Dialect::V84 && setup.stderr_tty {
            let _ = writeln!(err, "Resource unknown");
        }
        code = NO_ERROR;
    }
    Ok(check_error(
        s.dialect,
        objname,
        code,
        &info_texts(&reply),
        err,
    ))
}

/// The registry entries a successful `down` of `resource` removes.
fn down_entries(minors: Vec<u32>, resource: &str) -> Vec<Entry> {
    let mut v: Vec<Entry> = minors.into_iter().map(Entry::Minor).collect();
    v.push(Entry::Resource(resource.to_string()));
    v
}

/// Removes registry entries (drbdadm's links to the config file); a failure is reported
/// and does not change the exit code, as upstream.
fn unregister(entries: &[Entry], err: &mut dyn Write) {
    for e in entries {
        if let Err(x) = registry::unregister(e) {
            let _ = writeln!(err, "{x}");
        }
    }
}

/// `DRBD_ADM_DOWN` of one resource (context set with its name).
pub fn down_request(resource: &str, mandatory: bool) -> Request {
    let mut req = Request::new(cmd::DRBD_ADM_DOWN);
    req.tlas.push(Attr::nested(
        nla::CFG_CONTEXT,
        vec![Attr::field(
            nla::T_CTX_RESOURCE_NAME,
            mandatory,
            Value::Str(resource.to_string()),
        )],
    ));
    req
}

/// `--wfc-timeout`, `--degr-wfc-timeout`, `--outdated-wfc-timeout` (0..300000 seconds) and
/// `--wait-after-sb`; a bad value is reported here (exit 20).
fn wait_opts(local: &LocalOptions, err: &mut dyn Write) -> Result<WaitOpts, RunError> {
    let mut w = WaitOpts::default();
    for (name, value) in &local.0 {
        let slot = match name.as_str() {
            "wfc-timeout" => &mut w.wfc,
            "degr-wfc-timeout" => &mut w.degr,
            "outdated-wfc-timeout" => &mut w.outdated,
            "wait-after-sb" => {
                w.after_sb = value.as_deref().is_none_or(|v| v == "yes");
                continue;
            }
            _ => continue,
        };
        let text = value.as_deref().unwrap_or("");
        let n = match parse_number(text, Scale::One) {
            Ok(n) => n,
            Err(_) => {
                let _ = writeln!(err, "{text} is not a valid number");
                return Err(RunError::Reported(20));
            }
        };
        if !(0..=300_000).contains(&n) {
            let _ = writeln!(
                err,
                "{} => {n} out of range [0..300000]",
                name.replace('-', "_")
            );
            return Err(RunError::Reported(20));
        }
        *slot = n as u32;
    }
    Ok(w)
}

fn colors(local: &LocalOptions, setup: &Setup, err: &mut dyn Write) -> Result<Colors, RunError> {
    let enabled = match local.value("color") {
        None if local.has("color") => true,
        None | Some("auto") => setup.stdout_tty,
        Some("always") => true,
        Some("never") => false,
        Some(_) => {
            let _ = writeln!(err, "unknown --color argument");
            return Err(RunError::Reported(20));
        }
    };
    Ok(Colors { enabled })
}

fn count(local: &LocalOptions, name: &str) -> u32 {
    local.0.iter().filter(|(n, _)| n == name).count() as u32
}

fn write_all(out: &mut dyn Write, text: &str) -> Result<(), RunError> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| RunError::Netlink("write".into(), e))
}

/// Upstream's compatibility with drbdsetup 8.3, which took the object before the command:
/// `drbdsetup /dev/drbd0 primary` is `drbdsetup primary /dev/drbd0` (with a note of ours).
pub fn reorder_old_syntax(dialect: Dialect, argv: &mut [String], err: &mut dyn Write) {
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
}

/// The command line as a request, checked against the tables before anything is sent.
fn invocation(
    dialect: Dialect,
    argv: &mut [String],
    setup: &Setup,
    err: &mut dyn Write,
) -> Result<Invocation, RunError> {
    reorder_old_syntax(dialect, argv, err);
    let name = argv.first().ok_or(RunError::UnknownCommand)?;
    let def = commands::find(dialect, name).ok_or(RunError::UnknownCommand)?;
    Ok(commands::parse(
        def,
        dialect,
        &argv[1..],
        setup.mandatory_bit,
    )?)
}

/// The drbd family; `Ok(None)` when the module is missing and the command counts that as
/// done (`down`, `secondary`, `disconnect`, `detach`).
fn family_of(
    t: &mut dyn Transport,
    setup: &Setup,
    argv: &[String],
) -> Result<Option<crate::transport::Family>, RunError> {
    match resolve_family(t, setup.seq) {
        Ok(f) => Ok(Some(f)),
        Err(FamilyError::NotLoaded)
            if matches!(
                argv.first().map(String::as_str),
                Some("down" | "secondary" | "disconnect" | "detach")
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs `argv` (without argv[0]); returns the exit code.
///
/// With a known dialect (`setup.forced`, which the binary always sets) the command line is
/// parsed and its values checked before the kernel is asked anything; without one the
/// family's version decides the dialect first.
pub fn run(
    t: &mut dyn Transport,
    setup: &Setup,
    argv: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let mut argv = argv.to_vec();
    let (family, dialect, inv) = match setup.forced {
        Some(dialect) => {
            let inv = invocation(dialect, &mut argv, setup, err)?;
            let Some(family) = family_of(t, setup, &argv)? else {
                return Ok(0);
            };
            (family, dialect, inv)
        }
        None => {
            let Some(family) = family_of(t, setup, &argv)? else {
                return Ok(0);
            };
            let dialect = if family.version == 1 {
                Dialect::V84
            } else {
                Dialect::V9
            };
            let inv = invocation(dialect, &mut argv, setup, err)?;
            (family, dialect, inv)
        }
    };
    let ours = if dialect == Dialect::V84 { 1 } else { 2 };
    if family.version != ours || family.hdrsize != 8 {
        return Err(RunError::ApiMismatch {
            ours,
            kernel: family.version,
            hdrsize: family.hdrsize,
        });
    }
    let mut s = Session {
        t,
        family,
        version: ours as u8,
        seq: setup.seq,
        dialect,
        mandatory: setup.mandatory_bit,
    };
    dispatch(&mut s, setup, &inv, out, err)
}

fn dispatch(
    s: &mut Session<'_>,
    setup: &Setup,
    inv: &Invocation,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let def = inv.def;
    let dialect = s.dialect;
    let local = &inv.local;
    let res = inv.resource.as_deref();
    let res_name = res.unwrap_or("");
    let minor = inv.minor.unwrap_or(u32::MAX);
    let peer = inv.peer_node_id.unwrap_or(u32::MAX);
    let volume = inv.volume.unwrap_or(u32::MAX);
    let reported = |r: Result<i32, RunError>| match r {
        Err(RunError::Reported(code)) => Ok(code),
        other => other,
    };
    match (def.kind, def.name, dialect) {
        (Kind::Config, ..) => {
            let code = config_exchange(s, &inv.request, def.kind, &inv.objname, setup, err)?;
            if code == 0 {
                match (def.name, inv.minor) {
                    ("del-minor", Some(m)) => unregister(&[Entry::Minor(m)], err),
                    ("del-resource", _) => unregister(&[Entry::Resource(res_name.into())], err),
                    _ => {}
                }
            }
            Ok(code)
        }
        (Kind::Down, _, Dialect::V84) => {
            // Upstream forgets every minor of the machine here; ours only the resource's.
            let minors = crate::v84::minors_of(s, res_name, err)?;
            let code = config_exchange(s, &inv.request, def.kind, &inv.objname, setup, err)?;
            if code == 0 {
                unregister(&down_entries(minors, res_name), err);
            }
            Ok(code)
        }
        (Kind::Down, _, Dialect::V9) => {
            let mut rv = 0;
            for r in crate::v9::down_targets(s, res, err)? {
                let minors: Vec<u32> = crate::lists::devices(s, Some(&r), err)?
                    .iter()
                    .map(|d| d.minor)
                    .collect();
                let code =
                    config_exchange(s, &down_request(&r, s.mandatory), def.kind, &r, setup, err)?;
                if code == 0 {
                    unregister(&down_entries(minors, &r), err);
                }
                if rv == 0 {
                    rv = code;
                }
            }
            Ok(rv)
        }
        (Kind::Events, "events2", Dialect::V9) => events2_v9(s, setup, inv, out, err),
        (Kind::Events, "events2", Dialect::V84) => {
            let opts = crate::v84::EventOpts {
                statistics: local.has("statistics"),
                timestamps: local.has("timestamps"),
                now: local.has("now"),
                json: local.has("json"),
            };
            crate::v84::events2(s, res, opts, out, err)
        }
        (Kind::Events, wait, Dialect::V9) => {
            let w = match wait_opts(local, err) {
                Ok(w) => w,
                Err(e) => return reported(Err(e)),
            };
            let scope = crate::v9::WaitScope {
                sync: wait.starts_with("wait-sync"),
                resource: res_name.to_string(),
                peer: inv.peer_node_id,
                volume: (def.ctx == commands::Ctx::PeerDevice).then_some(volume),
            };
            crate::v9::wait(s, &scope, w, err)
        }
        (_, "wait-connect" | "wait-sync", Dialect::V84) => {
            let w = match wait_opts(local, err) {
                Ok(w) => w,
                Err(e) => return reported(Err(e)),
            };
            crate::v84::wait(s, def.name == "wait-sync", minor, &inv.objname, w, err)
        }
        (_, "status", _) => {
            let opts = crate::status::Opts {
                verbose: count(local, "verbose"),
                statistics: local.has("statistics"),
                colors: colors(local, setup, err)?,
                tty: setup.stdout_tty,
                columns: setup.columns,
            };
            crate::status::run(s, res, local.has("json"), &opts, out, err)
        }
        (_, "show", Dialect::V84) => {
            let target = match res {
                None => Target::All,
                Some(r) => match commands::minor_of(r) {
                    Some(m) => Target::Minor(m),
                    None => Target::Resource(r.to_string()),
                },
            };
            crate::v84::show(
                s,
                &target,
                &inv.objname,
                local.has("show-defaults"),
                out,
                err,
            )
        }
        (_, "show", Dialect::V9) => {
            let only = inv.resource.clone();
            let list = crate::show::collect(|c, r| s.dump(c, r.or(only.as_deref())), None)?;
            let list: Vec<_> = list
                .into_iter()
                .filter(|r| only.as_deref().is_none_or(|o| o == r.resource.name))
                .collect();
            let text = crate::show::render(&list, local.has("json"), local.has("show-defaults"));
            write_all(out, &text)?;
            Ok(0)
        }
        (
            _,
            "role" | "state" | "cstate" | "dstate" | "get-gi" | "show-gi" | "udev",
            Dialect::V84,
        ) => crate::v84::query(s, def.name, &setup.progname, minor, &inv.objname, out, err),
        (_, "role", Dialect::V9) => crate::v9::role(s, res_name, out, err),
        (_, "peer-role", Dialect::V9) => {
            crate::v9::connection_query(s, res_name, peer, false, out, err)
        }
        (_, "cstate", Dialect::V9) => {
            crate::v9::connection_query(s, res_name, peer, true, out, err)
        }
        (_, "dstate", Dialect::V9) => crate::v9::dstate(s, minor, &inv.objname, out, err),
        (_, "udev", Dialect::V9) => crate::v9::udev(s, minor, &inv.objname, out, err),
        (_, "get-gi" | "show-gi", Dialect::V9) => {
            crate::v9::gi(s, res_name, peer, volume, def.name == "show-gi", out, err)
        }
        _ => Err(RunError::NotImplemented(def.name.to_string())),
    }
    .or_else(|e| reported(Err(e)))
}

fn events2_v9(
    s: &mut Session<'_>,
    setup: &Setup,
    inv: &Invocation,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let local = &inv.local;
    let dialect = s.dialect;
    let now = local.has("now");
    let opts = Options {
        statistics: local.has("statistics") || local.has("full"),
        verbose: u32::from(local.has("statistics")) + u32::from(local.has("full")),
        full: local.has("full"),
        diff: local.has("diff"),
        timestamps: local.has("timestamps"),
        color: colors(local, setup, err)?.enabled,
        json: local.has("json"),
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
                    let code = match ev.event(&m) {
                        Ok(c) => c,
                        // The reader went away: done, like upstream's POLLHUP on stdout.
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(0),
                        Err(e) => return Err(RunError::Netlink("write".into(), e)),
                    };
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
