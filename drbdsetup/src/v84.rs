//! The read-only commands of the 8.4 tool (genl API 1), as `user/v84/drbdsetup.c` does
//! them: `role`/`state`, `cstate`, `dstate`, `get-gi`/`show-gi` and `show` from
//! `DRBD_ADM_GET_STATUS` (its `state_info` set), `events2` from
//! `DRBD_ADM_GET_INITIAL_STATE` and the notifications, and `wait-connect`/`wait-sync`
//! from `DRBD_ADM_GET_TIMEOUT_TYPE` and the old `DRBD_EVENT` broadcasts.

use std::collections::HashMap;
use std::io::Write;
use std::time::{Duration, Instant};

use conf_parser::options::Dialect;

use crate::address;
use crate::codec::{Incoming, Message, Request};
use crate::consts::{cmd, conn_str, disk_str, nla, notify, role_str, ERR_MINOR_INVALID, NO_ERROR};
use crate::objects::{Context, PeerDeviceInfo, ResourceInfo, Stats};
use crate::run::{check_error, info_texts, RunError};
use crate::session::{dump_request, Get, Session, GET_TIMEOUT};
use crate::show::{double_quote, get_field_in};
use crate::status::{conn_str84, repl_str84, stat};
use crate::uuids;

/// `union drbd_state` of 8.4, decoded (little-endian bit fields).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct State {
    pub role: u32,
    pub peer: u32,
    pub conn: u32,
    pub disk: u32,
    pub pdsk: u32,
    pub susp: bool,
    pub aftr_isp: bool,
    pub peer_isp: bool,
    pub user_isp: bool,
    pub susp_nod: bool,
    pub susp_fen: bool,
}

impl State {
    /// Decodes `state.i`.
    pub fn from_u32(i: u32) -> State {
        let f = |shift: u32, bits: u32| (i >> shift) & ((1 << bits) - 1);
        State {
            role: f(0, 2),
            peer: f(2, 2),
            conn: f(4, 5),
            disk: f(9, 4),
            pdsk: f(13, 4),
            susp: f(17, 1) != 0,
            aftr_isp: f(18, 1) != 0,
            peer_isp: f(19, 1) != 0,
            user_isp: f(20, 1) != 0,
            susp_nod: f(21, 1) != 0,
            susp_fen: f(22, 1) != 0,
        }
    }

    /// StandAlone and Diskless: nothing configured.
    pub fn unconfigured(&self) -> bool {
        self.conn == 0 && self.disk == 0
    }
}

/// `state_info` fields.
#[allow(missing_docs)]
pub mod si {
    pub const SIB_REASON: u16 = 1;
    pub const CURRENT_STATE: u16 = 2;
    pub const UUIDS: u16 = 7;
    pub const DISK_FLAGS: u16 = 8;
    /// `SIB_GET_STATUS_REPLY` and `SIB_STATE_CHANGE` (`drbd_genl_api.h`).
    pub const SIB_GET_STATUS_REPLY: u32 = 1;
    pub const SIB_STATE_CHANGE: u32 = 2;
}

/// 8.4 connection states used in decisions.
const C_UNCONNECTED: u32 = 2;
const C_CONNECTED: u32 = 10;

fn state_of(m: &Message) -> State {
    State::from_u32(
        m.tla(nla::STATE_INFO)
            .and_then(|f| f.u32(si::CURRENT_STATE))
            .unwrap_or(0),
    )
}

/// `DRBD_ADM_GET_STATUS` for one minor (a doit, minor in the header, no attributes).
pub fn get_status_request(minor: u32) -> Request {
    let mut req = Request::new(cmd::DRBD_ADM_GET_STATUS);
    req.minor = minor;
    req
}

/// `DRBD_ADM_GET_TIMEOUT_TYPE` for one minor.
pub fn timeout_type_request(minor: u32) -> Request {
    let mut req = Request::new(cmd::DRBD_ADM_GET_TIMEOUT_TYPE);
    req.minor = minor;
    req
}

fn write_out(out: &mut dyn Write, text: &str) -> Result<(), RunError> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| RunError::Netlink("write".into(), e))
}

/// `role`, `state`, `cstate`, `dstate`, `get-gi` and `show-gi` of one minor.
pub fn query(
    s: &mut Session<'_>,
    name: &str,
    progname: &str,
    minor: u32,
    objname: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let g = Get {
        objname,
        missing_ok: false,
        timeout: Some(GET_TIMEOUT),
    };
    let replies = match s.get(&get_status_request(minor), g, err) {
        Ok(r) => r,
        Err(RunError::Reported(code)) => return Ok(code),
        Err(e) => return Err(e),
    };
    let deprecated = |err: &mut dyn Write| {
        if name == "state" {
            let _ = writeln!(
                err,
                "'{progname} ... state' is deprecated, use '{progname} ... role' instead."
            );
        }
    };
    let mut code = 0;
    for m in &replies {
        deprecated(err);
        let st = state_of(m);
        let text = match name {
            "role" | "state" if st.unconfigured() => "Unconfigured\n".to_string(),
            "role" | "state" => format!("{}/{}\n", role_str(st.role), role_str(st.peer)),
            "cstate" if st.unconfigured() => "Unconfigured\n".to_string(),
            "cstate" => format!("{}\n", conn_str(Dialect::V84, st.conn)),
            "dstate" if st.unconfigured() => "Unconfigured\n".to_string(),
            "dstate" => format!(
                "{}/{}\n",
                disk_str(Dialect::V84, st.disk),
                disk_str(Dialect::V84, st.pdsk)
            ),
            // Upstream prints from whatever the reply carries, configured or not.
            "udev" => {
                let ctx = crate::objects::Context::of(m);
                let backing = m
                    .tla(nla::DISK_CONF)
                    .and_then(|f| f.str(nla::T_BACKING_DEV))
                    .unwrap_or_default();
                crate::v9::udev_lines(minor, &ctx.resource, ctx.volume, &backing)
            }
            _ => {
                code = gi(m, &st, name == "show-gi", out, err)?;
                continue;
            }
        };
        write_out(out, &text)?;
    }
    // Upstream calls the printer once more at the end of the reply; `state` warns again.
    if code == 0 {
        deprecated(err);
    }
    Ok(code)
}

fn gi(
    m: &Message,
    st: &State,
    pretty: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    if st.unconfigured() {
        let _ = writeln!(err, "Device is unconfigured");
        return Ok(1);
    }
    if st.disk == 0 {
        let _ = writeln!(err, "Device has no disk");
        return Ok(1);
    }
    let info = m.tla(nla::STATE_INFO).cloned().unwrap_or_default();
    let Some(raw) = info.raw(si::UUIDS) else {
        let _ = write!(
            err,
            "No uuids found in reply!\nMaybe you need to upgrade your userland tools?\n"
        );
        return Ok(0);
    };
    let mut u = [0u64; 4];
    for (i, slot) in u.iter_mut().enumerate() {
        if let Some(b) = raw.get(i * 8..i * 8 + 8) {
            *slot = u64::from_ne_bytes(b.try_into().unwrap_or([0; 8]));
        }
    }
    let flags = info.u32(si::DISK_FLAGS).unwrap_or(0);
    let text = if pretty {
        uuids::v08_pretty(&u, flags)
    } else {
        uuids::v08(&u, flags)
    };
    write_out(out, &text)?;
    Ok(0)
}

// ---- show -------------------------------------------------------------------------

/// `resource_options_cmd_ctx` of the 8.4 tool.
const RES_OPTS: &[&str] = &["cpu-mask", "on-no-data-accessible"];

/// `CHANGEABLE_NET_OPTIONS` of the 8.4 tool.
const NET_OPTS: &[&str] = &[
    "protocol",
    "timeout",
    "max-epoch-size",
    "max-buffers",
    "unplug-watermark",
    "connect-int",
    "ping-int",
    "sndbuf-size",
    "rcvbuf-size",
    "ko-count",
    "allow-two-primaries",
    "cram-hmac-alg",
    "shared-secret",
    "after-sb-0pri",
    "after-sb-1pri",
    "after-sb-2pri",
    "always-asbp",
    "rr-conflict",
    "ping-timeout",
    "data-integrity-alg",
    "tcp-cork",
    "on-congestion",
    "congestion-fill",
    "congestion-extents",
    "csums-alg",
    "csums-after-crash-only",
    "verify-alg",
    "use-rle",
    "socket-check-timeout",
];

/// `attach_cmd_ctx` of the 8.4 tool: `size`, `max-bio-bvecs`, `CHANGEABLE_DISK_OPTIONS`.
const DISK_OPTS: &[&str] = &[
    "size",
    "max-bio-bvecs",
    "on-io-error",
    "fencing",
    "disk-barrier",
    "disk-flushes",
    "disk-drain",
    "md-flushes",
    "resync-rate",
    "resync-after",
    "al-extents",
    "al-updates",
    "discard-zeroes-if-aligned",
    "disable-write-same",
    "c-plan-ahead",
    "c-delay-target",
    "c-fill-target",
    "c-max-rate",
    "c-min-rate",
    "disk-timeout",
    "read-balancing",
    "rs-discard-granularity",
];

struct ShowOut {
    s: String,
    indent: usize,
    show_defaults: bool,
}

impl ShowOut {
    fn i(&mut self, text: &str) {
        self.s.extend(std::iter::repeat_n(' ', self.indent * 4));
        self.s.push_str(text);
    }

    /// The 8.4 tool's `print_options()`: the section opens at the first field the kernel
    /// sent, even when every field turns out to be a hidden default.
    fn options(&mut self, m: &Message, set: u16, names: &[&str], sect: &str) {
        let Some(fields) = m.tla(set) else { return };
        let mut opened = false;
        for name in names {
            let Some(Some(v)) = get_field_in(name, set, fields, Dialect::V84) else {
                continue;
            };
            if !opened {
                opened = true;
                self.i(&format!("{sect} {{\n"));
                self.indent += 1;
            }
            if v.is_default && !self.show_defaults {
                continue;
            }
            let text = if v.quote {
                double_quote(&v.text)
            } else {
                v.text
            };
            self.i(&format!("{name:<16}\t{text};"));
            if !v.unit.is_empty() || v.is_default {
                self.s.push_str(" # ");
                self.s.push_str(v.unit);
                if !v.unit.is_empty() && v.is_default {
                    self.s.push_str(", ");
                }
                if v.is_default {
                    self.s.push_str("default");
                }
            }
            self.s.push('\n');
        }
        if opened {
            self.indent -= 1;
            self.i("}\n");
        }
    }
}

/// The 8.4 tool's `sprint_address()`: `ipv4 10.0.0.1:7788`, `ipv6 [::1]:7788`.
pub fn address84(raw: &[u8]) -> String {
    match address::split(raw) {
        Some((family, port, address::Ip::V4(ip))) => {
            format!("{} {ip}:{port}", address::af_str(family))
        }
        Some((family, port, address::Ip::V6(ip))) => {
            format!("{} [{ip}]:{port}", address::af_str(family))
        }
        None => {
            let family = raw.get(..2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
            format!("[unknown af={family}, len={}]", raw.len())
        }
    }
}

/// Renders `show` from the `DRBD_ADM_GET_STATUS` replies (`show_scmd()`).
pub fn render_show(replies: &[Message], show_defaults: bool) -> String {
    let mut o = ShowOut {
        s: String::new(),
        indent: 0,
        show_defaults,
    };
    let mut last = String::new();
    for m in replies {
        let ctx = Context::of(m);
        if last != ctx.resource {
            if !last.is_empty() {
                o.indent = o.indent.saturating_sub(1);
                o.i("}\n");
                o.indent = o.indent.saturating_sub(1);
                o.i("}\n\n");
            }
            last.clone_from(&ctx.resource);
            o.i(&format!("resource {} {{\n", ctx.resource));
            o.indent += 1;
            o.options(m, nla::RESOURCE_OPTS, RES_OPTS, "options");
            o.options(m, nla::NET_CONF, NET_OPTS, "net");
            if !ctx.peer_addr.is_empty() {
                o.i("_remote_host {\n");
                o.indent += 1;
                o.i(&format!("address\t\t\t{};\n", address84(&ctx.peer_addr)));
                o.indent -= 1;
                o.i("}\n");
            }
            o.i("_this_host {\n");
            o.indent += 1;
            if !ctx.my_addr.is_empty() {
                o.i(&format!("address\t\t\t{};\n", address84(&ctx.my_addr)));
            }
        }
        if ctx.volume != u32::MAX {
            o.i(&format!("volume {} {{\n", ctx.volume as i32));
            o.indent += 1;
            o.i(&format!("device\t\t\tminor {};\n", m.minor as i32));
            if let Some(dc) = m.tla(nla::DISK_CONF) {
                let backing = dc.str(nla::T_BACKING_DEV).unwrap_or_default();
                if !backing.is_empty() {
                    o.i(&format!("disk\t\t\t\"{backing}\";\n"));
                    o.i("meta-disk\t\t\t");
                    let meta = dc.str(nla::T_META_DEV).unwrap_or_default();
                    match dc.u32(nla::T_META_DEV_IDX).map_or(0, |v| v as i32) {
                        -1 | -3 => o.s.push_str("internal;\n"),
                        -2 => o.s.push_str(&format!("{};\n", double_quote(&meta))),
                        idx => {
                            o.s.push_str(&format!("{} [ {idx} ];\n", double_quote(&meta)))
                        }
                    }
                }
            }
            o.options(m, nla::DISK_CONF, DISK_OPTS, "disk");
            o.indent -= 1;
            o.i("}\n");
        }
    }
    if !replies.is_empty() {
        o.indent = o.indent.saturating_sub(1);
        o.i("}\n");
        o.indent = o.indent.saturating_sub(1);
        o.i("}\n");
    }
    o.s
}

/// What `show` (and `events2`, `status`) name: a minor, a resource, or everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A minor number.
    Minor(u32),
    /// A resource.
    Resource(String),
    /// `all`.
    All,
}

/// `drbdsetup-84 show [MINOR|RES|all]`.
pub fn show(
    s: &mut Session<'_>,
    target: &Target,
    objname: &str,
    show_defaults: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let req = match target {
        Target::Minor(m) => get_status_request(*m),
        Target::Resource(r) => dump_request(cmd::DRBD_ADM_GET_STATUS, Some(r), s.mandatory),
        Target::All => dump_request(cmd::DRBD_ADM_GET_STATUS, None, s.mandatory),
    };
    let g = Get {
        objname,
        missing_ok: false,
        timeout: Some(GET_TIMEOUT),
    };
    match s.get(&req, g, err) {
        Ok(replies) => {
            write_out(out, &render_show(&replies, show_defaults))?;
            Ok(0)
        }
        Err(RunError::Reported(code)) => Ok(code),
        Err(e) => Err(e),
    }
}

/// The minors of `resource` (a `DRBD_ADM_GET_STATUS` dump filtered by name); none when
/// the resource does not exist or the dump fails.
pub fn minors_of(
    s: &mut Session<'_>,
    resource: &str,
    err: &mut dyn Write,
) -> Result<Vec<u32>, RunError> {
    let req = dump_request(cmd::DRBD_ADM_GET_STATUS, Some(resource), s.mandatory);
    let g = Get {
        objname: resource,
        missing_ok: true,
        timeout: Some(GET_TIMEOUT),
    };
    match s.get(&req, g, err) {
        Ok(replies) => Ok(replies
            .iter()
            .filter(|m| m.minor != u32::MAX)
            .map(|m| m.minor)
            .collect()),
        Err(RunError::Reported(_)) => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

// ---- events2 ------------------------------------------------------------------------

/// Output switches of the 8.4 `events2`.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventOpts {
    /// `--statistics` (also makes the statistics verbose).
    pub statistics: bool,
    /// `--timestamps`.
    pub timestamps: bool,
    /// `--now`: only the existing objects, then exit.
    pub now: bool,
    /// `--json`: one JSON object a line (an extension of ours).
    pub json: bool,
}

#[derive(Clone, Debug)]
enum Known {
    Resource(ResourceInfo, Stats),
    Device(u32, Stats),
    Connection(u32, u32, Stats),
    PeerDevice(PeerDeviceInfo, Stats),
}

/// What to do after a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Keep reading.
    Continue,
    /// `--now` reached the end of the initial state.
    Done,
    /// The kernel answered with an error return code.
    Failed(i32),
}

/// The 8.4 tool's `print_notifications()`: one line per notification, fields printed
/// when they differ from the last line of the same object.
pub struct Events84 {
    opts: EventOpts,
    known: HashMap<String, Known>,
    last_seq: Option<u32>,
    stamp: Option<String>,
    keep_stamp: bool,
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn susp_str84(i: &ResourceInfo) -> String {
    let parts: Vec<&str> = [
        (i.susp, "user"),
        (i.susp_nod, "no-data"),
        (i.susp_fen, "fencing"),
    ]
    .iter()
    .filter(|(on, _)| *on != 0)
    .map(|(_, n)| *n)
    .collect();
    if parts.is_empty() {
        "no".into()
    } else {
        parts.join(",")
    }
}

fn resync_susp_str84(i: &PeerDeviceInfo) -> String {
    let parts: Vec<&str> = [
        (i.susp_user, "user"),
        (i.susp_peer, "peer"),
        (i.susp_dependency, "dependency"),
    ]
    .iter()
    .filter(|(on, _)| *on != 0)
    .map(|(_, n)| *n)
    .collect();
    if parts.is_empty() {
        "no".into()
    } else {
        parts.join(",")
    }
}

/// The 8.4 tool's `event_key()`.
fn event_key(object: &str, minor: u32, ctx: &Context) -> String {
    let mut k = format!("{object} name:{}", ctx.resource);
    if matches!(object, "connection" | "peer-device" | "helper") {
        k.push_str(" peer-node-id:0");
    }
    if !ctx.peer_addr.is_empty() {
        k.push_str(" conn-name:peer");
    }
    if ctx.volume != u32::MAX {
        k.push_str(&format!(" volume:{}", ctx.volume));
    }
    if minor != u32::MAX {
        k.push_str(&format!(" minor:{minor}"));
    }
    k
}

fn stats_of(m: &Message, set: u16) -> (Stats, bool) {
    match m.tla(set) {
        Some(_) => (Stats::from_msg(m, set), true),
        None => (Stats::default(), false),
    }
}

impl Events84 {
    /// A fresh printer.
    pub fn new(opts: EventOpts) -> Events84 {
        Events84 {
            opts,
            known: HashMap::new(),
            last_seq: None,
            stamp: None,
            keep_stamp: false,
        }
    }

    /// Feeds one message; returns the text to print and what to do next.
    pub fn event(&mut self, m: &Message) -> (String, Step) {
        let mut line = String::new();
        if m.ret_code == ERR_MINOR_INVALID {
            return (line, Step::Continue);
        }
        if m.ret_code != NO_ERROR {
            return (line, Step::Failed(m.ret_code));
        }
        let Some(nh) = m
            .tla(nla::NOTIFICATION_HEADER)
            .and_then(|f| f.u32(nla::T_NH_TYPE))
        else {
            return (line, Step::Continue);
        };
        let action = nh & !notify::FLAGS;
        let done = m.cmd == cmd::DRBD_INITIAL_STATE_DONE;
        let now = self.opts.now;
        let finish = move |line: String| {
            let step = if now && done {
                Step::Done
            } else {
                Step::Continue
            };
            (line, step)
        };
        let action_name = match action {
            notify::EXISTS => "exists",
            notify::CREATE => "create",
            notify::CHANGE => "change",
            notify::DESTROY => "destroy",
            notify::CALL => "call",
            notify::RESPONSE => "response",
            _ => return finish(line),
        };
        if self.opts.now && action != notify::EXISTS {
            return (line, Step::Continue);
        }
        let object = if done {
            None
        } else {
            if m.tla(nla::CFG_CONTEXT).is_none() {
                return (line, Step::Continue);
            }
            match m.cmd {
                cmd::DRBD_RESOURCE_STATE => Some("resource"),
                cmd::DRBD_DEVICE_STATE => Some("device"),
                cmd::DRBD_CONNECTION_STATE => Some("connection"),
                cmd::DRBD_PEER_DEVICE_STATE => Some("peer-device"),
                cmd::DRBD_HELPER => Some("helper"),
                _ => return finish(line),
            }
        };
        if action != notify::EXISTS {
            if let Some(last) = self.last_seq {
                let skipped = m.seq.wrapping_sub(last.wrapping_add(1)) as i32;
                if skipped != 0 {
                    line.push_str(&format!("- skipped {skipped}\n"));
                }
            }
            self.last_seq = Some(m.seq);
        }
        if self.opts.timestamps {
            if !self.keep_stamp || self.stamp.is_none() {
                self.stamp = Some(
                    chrono::Local::now()
                        .format("%Y-%m-%dT%H:%M:%S%.6f%:z ")
                        .to_string(),
                );
            }
            self.keep_stamp = nh & notify::CONTINUES != 0;
            line.push_str(self.stamp.as_deref().unwrap_or(""));
        }
        let ctx = Context::of(m);
        let key = object.map(|o| event_key(o, m.minor, &ctx));
        line.push_str(&format!("{action_name} {}", key.as_deref().unwrap_or("-")));
        if let Some(key) = key {
            self.fields(m, action, key, &mut line);
        }
        line.push('\n');
        if self.opts.json {
            line = json_lines(&line, self.opts.timestamps);
        }
        finish(line)
    }

    fn fields(&mut self, m: &Message, action: u32, key: String, line: &mut String) {
        let st = self.opts.statistics;
        if action == notify::DESTROY && m.cmd != cmd::DRBD_HELPER {
            self.known.remove(&key);
            return;
        }
        match m.cmd {
            cmd::DRBD_RESOURCE_STATE => {
                if m.tla(nla::RESOURCE_INFO).is_none() {
                    return;
                }
                let mut info = ResourceInfo::default();
                info.update(m);
                let (stats, have) = stats_of(m, nla::RESOURCE_STATISTICS);
                let old = self.known.insert(key, Known::Resource(info, stats.clone()));
                let old = match old {
                    Some(Known::Resource(i, s)) => Some((i, s)),
                    _ => None,
                };
                let shown = if have {
                    stats
                } else {
                    old.as_ref().map(|o| o.1.clone()).unwrap_or_default()
                };
                if old.as_ref().is_none_or(|o| o.0.role != info.role) {
                    line.push_str(&format!(" role:{}", role_str(info.role)));
                }
                if old.as_ref().is_none_or(|o| {
                    (o.0.susp, o.0.susp_nod, o.0.susp_fen)
                        != (info.susp, info.susp_nod, info.susp_fen)
                }) {
                    line.push_str(&format!(" suspended:{}", susp_str84(&info)));
                }
                if st && have {
                    let wo = shown.get(stat::WRITE_ORDERING);
                    if old
                        .as_ref()
                        .is_none_or(|o| o.1.get(stat::WRITE_ORDERING) != wo)
                    {
                        if let Some(name) = ["none", "drain", "flush", "barrier"]
                            .get(usize::try_from(wo).unwrap_or(usize::MAX))
                        {
                            line.push_str(&format!(" write-ordering:{name}"));
                        }
                    }
                }
            }
            cmd::DRBD_DEVICE_STATE => {
                let Some(disk) = m.tla(nla::DEVICE_INFO).map(|f| f.u32(1).unwrap_or(0)) else {
                    return;
                };
                let (stats, have) = stats_of(m, nla::DEVICE_STATISTICS);
                let old = match self.known.insert(key, Known::Device(disk, stats.clone())) {
                    Some(Known::Device(d, s)) => Some((d, s)),
                    _ => None,
                };
                if old.as_ref().is_none_or(|o| o.0 != disk) {
                    line.push_str(&format!(" disk:{}", disk_str(Dialect::V84, disk)));
                }
                if st && have {
                    device_stats(line, old.as_ref().map(|o| &o.1), &stats);
                }
            }
            cmd::DRBD_CONNECTION_STATE => {
                let Some(ci) = m.tla(nla::CONNECTION_INFO) else {
                    return;
                };
                let cstate = ci.u32(1).unwrap_or(0);
                let role = ci.u32(2).unwrap_or(0);
                let (stats, have) = stats_of(m, nla::CONNECTION_STATISTICS);
                let old = match self
                    .known
                    .insert(key, Known::Connection(cstate, role, stats.clone()))
                {
                    Some(Known::Connection(c, r, s)) => Some((c, r, s)),
                    _ => None,
                };
                if old.as_ref().is_none_or(|o| o.0 != cstate) {
                    line.push_str(&format!(" connection:{}", conn_str84(cstate)));
                }
                if old.as_ref().is_none_or(|o| o.1 != role) {
                    line.push_str(&format!(" role:{}", role_str(role)));
                }
                if st && have {
                    let c = stats.get(stat::CONN_CONGESTED) as u8;
                    if old
                        .as_ref()
                        .is_none_or(|o| o.2.get(stat::CONN_CONGESTED) as u8 != c)
                    {
                        line.push_str(&format!(" congested:{}", yes_no(c != 0)));
                    }
                }
            }
            cmd::DRBD_PEER_DEVICE_STATE => {
                if m.tla(nla::PEER_DEVICE_INFO).is_none() {
                    return;
                }
                let info = PeerDeviceInfo::from_msg(m);
                let (stats, have) = stats_of(m, nla::PEER_DEVICE_STATISTICS);
                let old = match self
                    .known
                    .insert(key, Known::PeerDevice(info, stats.clone()))
                {
                    Some(Known::PeerDevice(i, s)) => Some((i, s)),
                    _ => None,
                };
                if old
                    .as_ref()
                    .is_none_or(|o| o.0.repl_state != info.repl_state)
                {
                    line.push_str(&format!(" replication:{}", repl_str84(info.repl_state)));
                }
                if old
                    .as_ref()
                    .is_none_or(|o| o.0.disk_state != info.disk_state)
                {
                    line.push_str(&format!(
                        " peer-disk:{}",
                        disk_str(Dialect::V84, info.disk_state)
                    ));
                }
                if old.as_ref().is_none_or(|o| {
                    (o.0.susp_user, o.0.susp_peer, o.0.susp_dependency)
                        != (info.susp_user, info.susp_peer, info.susp_dependency)
                }) {
                    line.push_str(&format!(" resync-suspended:{}", resync_susp_str84(&info)));
                }
                if st && have {
                    line.push_str(&format!(" received:{}", stats.get(stat::PD_RECEIVED) / 2));
                    line.push_str(&format!(" sent:{}", stats.get(stat::PD_SENT) / 2));
                    line.push_str(&format!(
                        " out-of-sync:{}",
                        stats.get(stat::PD_OUT_OF_SYNC) / 2
                    ));
                    line.push_str(&format!(" pending:{}", stats.get(stat::PD_PENDING) as u32));
                    line.push_str(&format!(" unacked:{}", stats.get(stat::PD_UNACKED) as u32));
                }
            }
            cmd::DRBD_HELPER => {
                let Some(h) = m.tla(nla::HELPER) else { return };
                line.push_str(&format!(
                    " helper:{}",
                    h.str(nla::T_HELPER_NAME).unwrap_or_default()
                ));
                if action == notify::RESPONSE {
                    line.push_str(&format!(
                        " status:{}",
                        h.u32(nla::T_HELPER_STATUS).unwrap_or(0)
                    ));
                }
            }
            _ => {}
        }
    }
}

/// The text lines as JSON objects: `{"action":..,"object":..,"key":"value"...}`; a
/// "- skipped N" line becomes `{"skipped":N}`.
fn json_lines(text: &str, timestamps: bool) -> String {
    let mut out = String::new();
    for l in text.lines() {
        if let Some(n) = l.strip_prefix("- skipped ") {
            out.push_str(&format!("{{\"skipped\":{n}}}\n"));
            continue;
        }
        let mut words = l.split(' ');
        let stamp = if timestamps { words.next() } else { None };
        let action = words.next().unwrap_or("");
        let object = words.next().unwrap_or("-");
        let mut o = format!(
            "{{\"action\":{},\"object\":{}",
            crate::json::string(action),
            crate::json::string(object)
        );
        if let Some(t) = stamp {
            o.push_str(&format!(",\"timestamp\":{}", crate::json::string(t)));
        }
        for w in words {
            if let Some((k, v)) = w.split_once(':') {
                o.push_str(&format!(
                    ",{}:{}",
                    crate::json::string(k),
                    crate::json::string(v)
                ));
            }
        }
        o.push_str("}\n");
        out.push_str(&o);
    }
    out
}

/// `print_device_statistics()` as the 8.4 `events2 --statistics` calls it (verbose).
fn device_stats(line: &mut String, old: Option<&Stats>, s: &Stats) {
    line.push_str(&format!(" size:{}", s.get(stat::DEV_SIZE) / 2));
    line.push_str(&format!(" read:{}", s.get(stat::DEV_READ) / 2));
    line.push_str(&format!(" written:{}", s.get(stat::DEV_WRITE) / 2));
    line.push_str(&format!(" al-writes:{}", s.get(stat::DEV_AL_WRITES)));
    line.push_str(&format!(" bm-writes:{}", s.get(stat::DEV_BM_WRITES)));
    line.push_str(&format!(
        " upper-pending:{}",
        s.get(stat::DEV_UPPER_PENDING) as u32
    ));
    line.push_str(&format!(
        " lower-pending:{}",
        s.get(stat::DEV_LOWER_PENDING) as u32
    ));
    let flag = |st: &Stats, nr| st.get(nr) as u8;
    if old.is_none_or(|o| flag(o, stat::DEV_AL_SUSPENDED) != flag(s, stat::DEV_AL_SUSPENDED)) {
        line.push_str(&format!(
            " al-suspended:{}",
            yes_no(flag(s, stat::DEV_AL_SUSPENDED) != 0)
        ));
    }
    let upper = flag(s, stat::DEV_UPPER_BLOCKED) != 0;
    let lower = flag(s, stat::DEV_LOWER_BLOCKED) != 0;
    let changed = old.is_none_or(|o| {
        flag(o, stat::DEV_UPPER_BLOCKED) != flag(s, stat::DEV_UPPER_BLOCKED)
            || flag(o, stat::DEV_LOWER_BLOCKED) != flag(s, stat::DEV_LOWER_BLOCKED)
    });
    if changed && s.get(stat::DEV_SIZE) != u64::MAX {
        let text = match (upper, lower) {
            (false, false) => "no",
            (true, false) => "upper",
            (false, true) => "lower",
            (true, true) => "upper,lower",
        };
        line.push_str(&format!(" blocked:{text}"));
    }
}

/// `drbdsetup-84 events2 [RES|all]`: follows the notifications until stopped (or, with
/// `--now`, until the initial state is complete).
pub fn events2(
    s: &mut Session<'_>,
    only: Option<&str>,
    opts: EventOpts,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    if let Some(g) = s.family.events_group {
        s.t.join_group(g).map_err(|e| {
            RunError::Netlink("unable to join drbd events multicast group".into(), e)
        })?;
    }
    let req = dump_request(cmd::DRBD_ADM_GET_INITIAL_STATE, only, s.mandatory);
    s.send(&req)?;
    let mut ev = Events84::new(opts);
    loop {
        for inc in s.recv()? {
            match inc {
                Incoming::Genl(m) => {
                    if let Some(o) = only {
                        if m.tla(nla::CFG_CONTEXT).is_some() && Context::of(&m).resource != o {
                            continue;
                        }
                    }
                    let (text, step) = ev.event(&m);
                    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                        Ok(()) => {}
                        // The reader went away: done, like upstream's POLLHUP on stdout.
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(0),
                        Err(e) => return Err(RunError::Netlink("write".into(), e)),
                    }
                    match step {
                        Step::Continue => {}
                        Step::Done => return Ok(0),
                        Step::Failed(code) => {
                            return Ok(check_error(
                                Dialect::V84,
                                only.unwrap_or("all"),
                                code,
                                &info_texts(&m),
                                err,
                            ))
                        }
                    }
                }
                Incoming::Error { errno, .. } if errno != 0 => {
                    let _ = writeln!(
                        err,
                        "received netlink error reply: {}",
                        crate::session::strerror(-errno)
                    );
                    return Ok(20);
                }
                _ => {}
            }
        }
    }
}

// ---- wait-connect / wait-sync -------------------------------------------------------

/// The three `*-wfc-timeout` values and `--wait-after-sb`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WaitOpts {
    /// `--wfc-timeout` (seconds, 0: forever).
    pub wfc: u32,
    /// `--degr-wfc-timeout`.
    pub degr: u32,
    /// `--outdated-wfc-timeout`.
    pub outdated: u32,
    /// `--wait-after-sb`.
    pub after_sb: bool,
}

/// Upstream's `choose_timeout()` fix-ups of the three values (messages on stderr); runs
/// before each `DRBD_ADM_GET_TIMEOUT_TYPE` request.
pub fn fix_timeouts(w: &mut WaitOpts, err: &mut dyn Write) {
    if 0 < w.wfc && (w.wfc < w.degr || w.degr == 0) {
        w.degr = w.wfc;
        let _ = writeln!(
            err,
            "degr-wfc-timeout has to be shorter than wfc-timeout\ndegr-wfc-timeout implicitly set to wfc-timeout ({}s)",
            w.degr
        );
    }
    if 0 < w.degr && (w.degr < w.outdated || w.outdated == 0) {
        // Upstream assigns wfc-timeout here, while its message names degr-wfc-timeout.
        w.outdated = w.wfc;
        let _ = writeln!(
            err,
            "outdated-wfc-timeout has to be shorter than degr-wfc-timeout\noutdated-wfc-timeout implicitly set to degr-wfc-timeout ({}s)",
            w.degr
        );
    }
}

/// `UT_DEGRADED`, `UT_PEER_OUTDATED`: which of the timeouts applies.
pub fn pick_timeout(w: &WaitOpts, timeout_type: u32) -> u32 {
    match timeout_type {
        1 => w.degr,
        2 => w.outdated,
        _ => w.wfc,
    }
}

/// Reads a `DRBD_ADM_GET_TIMEOUT_TYPE` reply: the timeout type, or the exit code after
/// upstream's "error determining which timeout to use" message.
pub fn timeout_type(m: Option<&Message>, err: &mut dyn Write) -> Result<u32, i32> {
    let fail = |desc: &str, err: &mut dyn Write| {
        let _ = writeln!(err, "error determining which timeout to use: {desc}");
        Err(20)
    };
    let Some(m) = m else {
        return fail("error receiving netlink reply", err);
    };
    if m.ret_code == ERR_MINOR_INVALID {
        return fail("minor not available", err);
    }
    if m.ret_code != NO_ERROR {
        return fail("error receiving netlink reply", err);
    }
    match m
        .tla(nla::TIMEOUT_PARMS)
        .and_then(|f| f.u32(nla::T_TIMEOUT_TYPE))
    {
        Some(t) => Ok(t),
        None => fail(
            "reply did not validate - do you need to upgrade your userland tools?",
            err,
        ),
    }
}

/// `wait-connect` / `wait-sync MINOR`: waits on the state broadcasts of one minor.
pub fn wait(
    s: &mut Session<'_>,
    sync: bool,
    minor: u32,
    objname: &str,
    mut w: WaitOpts,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    fix_timeouts(&mut w, err);
    let reply = s.exchange_timeout(&timeout_type_request(minor), GET_TIMEOUT)?;
    let t = match timeout_type(reply.as_ref(), err) {
        Ok(t) => t,
        Err(code) => return Ok(code),
    };
    let seconds = pick_timeout(&w, t);
    let limit = (seconds != 0).then(|| Duration::from_secs(u64::from(seconds)));
    if let Some(g) = s.family.events_group {
        s.t.join_group(g).map_err(|e| {
            RunError::Netlink("unable to join drbd events multicast group".into(), e)
        })?;
    }
    s.send(&get_status_request(minor))?;
    loop {
        // Like upstream, each wait for a message gets the whole time again.
        let t0 = Instant::now();
        let Some(batch) = s.recv_timeout(limit)? else {
            return Ok(5);
        };
        if limit.is_some_and(|l| t0.elapsed() >= l) {
            return Ok(5);
        }
        for inc in batch {
            let Incoming::Genl(m) = inc else { continue };
            if m.tla(nla::CFG_CONTEXT).is_some() && m.minor != minor {
                continue;
            }
            if m.ret_code != NO_ERROR {
                return Ok(check_error(
                    Dialect::V84,
                    objname,
                    m.ret_code,
                    &info_texts(&m),
                    err,
                ));
            }
            if state_reached(&m, sync, w.after_sb, err) {
                return Ok(0);
            }
        }
    }
}

/// `w_connected_state()` / `w_synced_state()`.
fn state_reached(m: &Message, sync: bool, after_sb: bool, err: &mut dyn Write) -> bool {
    let Some(info) = m.tla(nla::STATE_INFO) else {
        return false;
    };
    let reason = info.u32(si::SIB_REASON).unwrap_or(0);
    if reason != si::SIB_STATE_CHANGE && reason != si::SIB_GET_STATUS_REPLY {
        return false;
    }
    let st = State::from_u32(info.u32(si::CURRENT_STATE).unwrap_or(0));
    if sync {
        return st.conn == C_CONNECTED || (!after_sb && st.conn < C_UNCONNECTED);
    }
    if st.conn >= C_CONNECTED {
        return true;
    }
    if st.conn < C_UNCONNECTED {
        if !after_sb {
            return true;
        }
        let ctx = Context::of(m);
        let _ = writeln!(
            err,
            "\ndrbd{} ({}[{}]) is {}, but I'm configured to wait anways (--wait-after-sb)",
            m.minor,
            ctx.resource,
            ctx.volume,
            conn_str(Dialect::V84, st.conn)
        );
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_bits() {
        // role Primary(1), peer Secondary(2), conn SyncSource(16), disk UpToDate(8),
        // pdsk Inconsistent(4), user_isp.
        let i = 1 | (2 << 2) | (16 << 4) | (8 << 9) | (4 << 13) | (1 << 20);
        let s = State::from_u32(i);
        assert_eq!((s.role, s.peer, s.conn, s.disk, s.pdsk), (1, 2, 16, 8, 4));
        assert!(s.user_isp && !s.susp && !s.aftr_isp);
        assert!(State::from_u32(0).unconfigured());
    }

    #[test]
    fn timeouts_are_fixed_up_like_upstream() {
        let mut w = WaitOpts {
            wfc: 10,
            degr: 0,
            outdated: 0,
            after_sb: false,
        };
        let mut err = Vec::new();
        fix_timeouts(&mut w, &mut err);
        assert_eq!((w.wfc, w.degr, w.outdated), (10, 10, 10));
        let text = String::from_utf8(err).unwrap();
        assert!(text.starts_with("degr-wfc-timeout has to be shorter than wfc-timeout\n"));
        assert!(text.contains("outdated-wfc-timeout implicitly set to degr-wfc-timeout (10s)\n"));
        // Nothing to fix: no message.
        let mut err = Vec::new();
        fix_timeouts(&mut w, &mut err);
        assert!(err.is_empty());
        assert_eq!(pick_timeout(&w, 1), 10);
    }

    #[test]
    fn addresses_in_84_show_form() {
        let raw = crate::address::sockaddr_from_str("ipv4:127.0.0.1:7788").unwrap();
        assert_eq!(address84(&raw), "ipv4 127.0.0.1:7788");
    }
}
