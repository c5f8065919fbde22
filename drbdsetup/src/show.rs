//! `drbdsetup show` for DRBD 9: the configuration as drbd.conf-like text (the syntax
//! `drbdadm adjust` reads back) or as JSON (`--json`), built from the dump replies of
//! `DRBD_ADM_GET_RESOURCES`, `_DEVICES`, `_CONNECTIONS` and `_PEER_DEVICES`.
//!
//! Options are printed in upstream's field order per section; the text form hides
//! defaults unless `--show-defaults`, the JSON form always shows every field the kernel
//! sent.

use conf_parser::options::{Dialect, OptionDef, Scale, Spec, ValueType, Wire, OPTIONS};

use crate::address;
use crate::codec::{ne_u16, ne_u32, ne_u64, Fields, Message};
use crate::consts::{self, cmd, nla};
use crate::objects::{Connection, Device, PeerDevice, Resource};

/// Upstream's `resource_options_ctx` field order.
const RES_OPTS: &[&str] = &[
    "cpu-mask",
    "on-no-data-accessible",
    "auto-promote",
    "peer-ack-window",
    "peer-ack-delay",
    "twopc-timeout",
    "twopc-retry-timeout",
    "auto-promote-timeout",
    "max-io-depth",
    "quorum",
    "on-no-quorum",
    "quorum-minimum-redundancy",
    "on-suspended-primary-outdated",
    "drbd8-api-compatibility",
];

/// Upstream's `attach_cmd_ctx` field order (`size` and the changeable disk options).
const DISK_OPTS: &[&str] = &[
    "size",
    "on-io-error",
    "disk-barrier",
    "disk-flushes",
    "disk-drain",
    "md-flushes",
    "resync-after",
    "al-extents",
    "al-updates",
    "discard-zeroes-if-aligned",
    "disable-write-same",
    "disk-timeout",
    "read-balancing",
    "rs-discard-granularity",
    "bitmap",
];

/// Upstream's `device_options_ctx` field order.
const DEVICE_OPTS: &[&str] = &[
    "max-bio-size",
    "diskless",
    "block-size",
    "discard-granularity",
];

/// Upstream's `show_net_options_ctx` field order.
const NET_OPTS: &[&str] = &[
    "transport",
    "load-balance-paths",
    "protocol",
    "timeout",
    "max-epoch-size",
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
    "fencing",
    "max-buffers",
    "allow-remote-read",
    "tls",
    "tls-keyring",
    "tls-privkey",
    "tls-certificate",
    "rdma-ctrl-rcvbuf-size",
    "rdma-ctrl-sndbuf-size",
    "_name",
];

/// Upstream's `peer_device_options_ctx` field order.
const PEER_DEVICE_OPTS: &[&str] = &[
    "resync-rate",
    "c-plan-ahead",
    "c-delay-target",
    "c-fill-target",
    "c-max-rate",
    "c-min-rate",
    "bitmap",
    "resync-without-replication",
    "peer-tiebreaker",
];

/// A section's field names (upstream's order) and the netlink set they are sent in.
#[derive(Clone, Copy)]
struct Sect(&'static [&'static str], u16);

/// The option table row of `name` that is sent in set `set` in `dialect`.
fn field_spec(
    name: &str,
    set: u16,
    dialect: Dialect,
) -> Option<(&'static OptionDef, &'static Spec)> {
    OPTIONS.iter().find_map(|o| {
        let spec = o.spec(dialect)?;
        (o.name == name && spec.nl.is_some_and(|nl| nl.set == set)).then_some((o, spec))
    })
}

/// One field's value as upstream's `get` prints it, whether that is the default, and
/// whether it is a boolean (JSON true/false).
pub(crate) struct Shown {
    pub(crate) text: String,
    pub(crate) is_default: bool,
    pub(crate) quote: bool,
    boolean: bool,
    pub(crate) unit: &'static str,
}

fn get_field(name: &str, set: u16, fields: &Fields) -> Option<Option<Shown>> {
    get_field_in(name, set, fields, Dialect::V9)
}

/// One field of a received set as `show` prints it: `None` when `name` is not a field of
/// `set` in `dialect`, `Some(None)` when the kernel did not send it.
pub(crate) fn get_field_in(
    name: &str,
    set: u16,
    fields: &Fields,
    dialect: Dialect,
) -> Option<Option<Shown>> {
    let (nr, spec) = match field_spec(name, set, dialect) {
        Some((_, spec)) => (spec.nl.map(|n| n.nr)?, Some(spec)),
        // `_name` is not a drbd.conf option: a plain string, field 37 of net_conf.
        None if name == "_name" => (37, None),
        None => return None,
    };
    let Some(raw) = fields.raw(nr) else {
        return Some(None);
    };
    let u32v = || ne_u32(raw).unwrap_or(0);
    let string = || {
        let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
        String::from_utf8_lossy(&raw[..end]).into_owned()
    };
    let mut shown = Shown {
        text: String::new(),
        is_default: false,
        quote: false,
        boolean: false,
        unit: "",
    };
    let Some(spec) = spec else {
        shown.text = string();
        shown.is_default = shown.text.is_empty();
        shown.quote = true;
        return Some(Some(shown));
    };
    match spec.ty {
        ValueType::Flag | ValueType::Bool { .. } => {
            let on = raw.first().copied().unwrap_or(0) != 0;
            shown.text = if on { "yes" } else { "no" }.into();
            shown.is_default = match spec.ty {
                ValueType::Bool { default } => on == default,
                _ => !on,
            };
            shown.boolean = matches!(spec.ty, ValueType::Bool { .. });
        }
        ValueType::Numeric {
            default,
            scale,
            unit,
            ..
        } => {
            let value: i64 = match spec.nl.map(|n| n.wire) {
                Some(Wire::U64) => ne_u64(raw).unwrap_or(0) as i64,
                Some(Wire::S32) => i64::from(u32v() as i32),
                Some(Wire::Flag) => i64::from(raw.first().copied().unwrap_or(0)),
                _ => i64::from(u32v()),
            };
            shown.text = value.to_string();
            if scale != Scale::One {
                shown.text.push(scale.letter());
            }
            shown.is_default = value == default;
            shown.unit = unit;
        }
        ValueType::Enum {
            values, default, ..
        } => {
            let n = u32v();
            shown.text = values
                .iter()
                .find(|(_, v)| *v == n)
                .map_or_else(|| n.to_string(), |(k, _)| (*k).to_string());
            shown.is_default = shown.text == default;
        }
        ValueType::EnumNum {
            values, default, ..
        } => {
            let n = u32v();
            shown.text = values
                .iter()
                .find(|(_, v)| *v == n)
                .map_or_else(|| n.to_string(), |(k, _)| (*k).to_string());
            shown.is_default = shown.text == default;
        }
        ValueType::String { .. } => {
            shown.text = string();
            shown.is_default = shown.text.is_empty();
            shown.quote = true;
        }
        ValueType::KeySerial => {
            shown.text = (u32v() as i32).to_string();
            shown.is_default = u32v() == 0;
            shown.quote = true;
        }
    }
    Some(Some(shown))
}

/// Upstream's `double_quote_string()`.
pub fn double_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '\\' || c == '"' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// One resource and what was listed below it, in upstream's order.
#[derive(Clone, Debug)]
pub struct ShowResource {
    /// The resource (its `res_opts` are used).
    pub resource: Resource,
    /// Devices, in dump order.
    pub devices: Vec<Device>,
    /// Connections, sorted by name.
    pub connections: Vec<Connection>,
    /// Peer devices, in dump order (only listed when there are devices and connections).
    pub peer_devices: Vec<PeerDevice>,
}

/// Collects what `show` and `status` need: `fetch(cmd, resource)` returns the dump replies
/// of one `DRBD_ADM_GET_*` request for one resource (`None`: all).
pub fn collect<E>(
    mut fetch: impl FnMut(u8, Option<&str>) -> Result<Vec<Message>, E>,
    only: Option<&str>,
) -> Result<Vec<ShowResource>, E> {
    let mut resources: Vec<Resource> = fetch(cmd::DRBD_ADM_GET_RESOURCES, only)?
        .iter()
        .map(Resource::from_msg)
        .collect();
    resources.sort_by(|a, b| a.name.cmp(&b.name));
    let mut out = Vec::new();
    for r in resources {
        if only.is_some_and(|o| o != "all" && o != r.name) {
            continue;
        }
        let devices: Vec<Device> = fetch(cmd::DRBD_ADM_GET_DEVICES, Some(&r.name))?
            .iter()
            .map(Device::from_msg)
            .collect();
        let mut connections: Vec<Connection> = fetch(cmd::DRBD_ADM_GET_CONNECTIONS, Some(&r.name))?
            .iter()
            .map(Connection::from_msg)
            .collect();
        connections.sort_by(|a, b| {
            (a.ctx.conn_name.is_empty())
                .cmp(&b.ctx.conn_name.is_empty())
                .reverse()
                .then_with(|| a.ctx.conn_name.cmp(&b.ctx.conn_name))
        });
        let peer_devices = if !devices.is_empty() && !connections.is_empty() {
            fetch(cmd::DRBD_ADM_GET_PEER_DEVICES, Some(&r.name))?
                .iter()
                .map(PeerDevice::from_msg)
                .collect()
        } else {
            Vec::new()
        };
        out.push(ShowResource {
            resource: r,
            devices,
            connections,
            peer_devices,
        });
    }
    Ok(out)
}

/// Output with upstream's `printI` indentation (4 spaces a level).
struct Out {
    s: String,
    indent: usize,
    show_defaults: bool,
}

impl Out {
    fn i(&mut self) -> &mut String {
        for _ in 0..self.indent * 4 {
            self.s.push(' ');
        }
        &mut self.s
    }

    fn line(&mut self, text: &str) {
        self.i().push_str(text);
        self.s.push('\n');
    }

    /// `__print_options()`.
    fn options(
        &mut self,
        fields: &Fields,
        sect_fields: Sect,
        sect: &str,
        mut opened: bool,
        close: bool,
    ) -> bool {
        let Sect(names, set) = sect_fields;
        for name in names {
            let Some(v) = get_field(name, set, fields) else {
                continue;
            };
            let is_default = v.as_ref().is_some_and(|v| v.is_default);
            if is_default && !self.show_defaults {
                continue;
            }
            if !opened {
                opened = true;
                self.line(&format!("{sect} {{"));
                self.indent += 1;
            }
            match v {
                Some(v) => {
                    let text = if v.quote {
                        double_quote(&v.text)
                    } else {
                        v.text
                    };
                    let l = format!("{name:<16}\t{text};");
                    self.i().push_str(&l);
                    if !v.unit.is_empty() || is_default {
                        self.s.push_str(" # ");
                        self.s.push_str(v.unit);
                        if !v.unit.is_empty() && is_default {
                            self.s.push_str(", ");
                        }
                        if is_default {
                            self.s.push_str("default");
                        }
                    }
                    self.s.push('\n');
                }
                None => self.line(&format!("_unknown {name:<14};\t# not supported by kernel")),
            }
        }
        if opened && close {
            self.indent -= 1;
            self.line("}");
        }
        opened
    }

    /// `__print_options_json()`.
    fn options_json(
        &mut self,
        fields: &Fields,
        sect_fields: Sect,
        sect: &str,
        comma_before: bool,
        mut opened: bool,
        close: bool,
    ) -> bool {
        let mut first = true;
        let Sect(names, set) = sect_fields;
        for name in names {
            let Some(Some(v)) = get_field(name, set, fields) else {
                continue;
            };
            if first && comma_before {
                self.s.push_str(",\n");
            }
            if !opened {
                opened = true;
                self.i().push_str(&format!("\"{sect}\": {{\n"));
                self.indent += 1;
            }
            if !first {
                self.s.push_str(",\n");
            }
            first = false;
            let value = if v.boolean {
                (if v.text == "yes" { "true" } else { "false" }).to_string()
            } else {
                format!("\"{}\"", v.text)
            };
            self.i().push_str(&format!("\"{name}\": {value}"));
        }
        if opened && close {
            self.s.push('\n');
            self.indent -= 1;
            self.i().push('}');
        }
        opened
    }

    fn options_empty(&self, fields: &Fields, Sect(names, set): Sect) -> bool {
        !names.iter().any(|n| match get_field(n, set, fields) {
            None => false,
            Some(None) => true,
            Some(Some(v)) => !v.is_default || self.show_defaults,
        })
    }
}

fn disk_conf_basics(d: &Device) -> (String, String, i32) {
    let f = &d.disk_conf;
    (
        f.str(nla::T_BACKING_DEV).unwrap_or_default(),
        f.str(nla::T_META_DEV).unwrap_or_default(),
        f.u32(nla::T_META_DEV_IDX).map_or(0, |v| v as i32),
    )
}

const MD_INDEX_INTERNAL: i32 = -1;
const MD_INDEX_FLEX_EXT: i32 = -2;
const MD_INDEX_FLEX_INT: i32 = -3;

fn node_id(r: &Resource) -> Option<u32> {
    r.res_opts.u32(nla::T_NODE_ID)
}

/// Text form of the paths (`print_paths()` without JSON).
fn paths_text(o: &mut Out, c: &Connection) {
    for (nr, raw) in &c.path_parms.0 {
        let Some(addr) = address::address_str(raw) else {
            continue;
        };
        let addr = addr.replacen(':', " ", 1);
        if *nr == nla::T_MY_ADDR {
            o.line("path {");
            o.indent += 1;
            o.line(&format!("_this_host {addr};"));
        }
        if *nr == nla::T_PEER_ADDR {
            o.line(&format!("_remote_host {addr};"));
            o.indent = o.indent.saturating_sub(1);
            o.line("}");
        }
    }
}

fn address_json(o: &mut Out, raw: &[u8]) {
    o.indent += 1;
    if let Some((family, port, ip)) = address::split(raw) {
        let ip = match ip {
            address::Ip::V4(a) => a.to_string(),
            address::Ip::V6(a) => a.to_string(),
        };
        o.line(&format!("\"address\": \"{ip}\","));
        o.line(&format!("\"port\": {port},"));
        o.line(&format!("\"family\": \"{}\"", address::af_str(family)));
    } else {
        let family = ne_u16(raw).unwrap_or(0);
        o.line(&format!("\"family\": \"{}\"", address::af_str(family)));
    }
    o.indent -= 1;
}

fn paths_json(o: &mut Out, c: &Connection) {
    o.line("\"paths\": [");
    let list = &c.path_parms.0;
    for (i, (nr, raw)) in list.iter().enumerate() {
        if address::address_str(raw).is_none() {
            continue;
        }
        if *nr == nla::T_MY_ADDR {
            o.line("{");
            o.indent += 1;
            o.line("\"this_host\": {");
            address_json(o, raw);
            o.line("},");
            o.indent -= 1;
        }
        if *nr == nla::T_PEER_ADDR {
            o.indent += 1;
            o.line("\"remote_host\": {");
            address_json(o, raw);
            o.line("}");
            o.indent -= 1;
            o.line(if i + 1 < list.len() { "}," } else { "}" });
        }
    }
    o.line("],");
}

fn conn_str(c: &Connection) -> &'static str {
    consts::conn_str(Dialect::V9, c.cstate)
}

fn same_peer(c: &Connection, pd: &PeerDevice) -> bool {
    c.ctx.peer_node_id == pd.ctx.peer_node_id
}

fn text(o: &mut Out, list: &[ShowResource]) {
    if list.is_empty() {
        o.s.push_str("# No currently configured DRBD found.\n");
    }
    for sr in list {
        let r = &sr.resource;
        o.line(&format!("resource \"{}\" {{", r.name));
        o.indent += 1;
        let compat = r.res_opts.u8(nla::T_DRBD8_COMPAT_MODE).unwrap_or(0) != 0;
        if compat {
            o.line("# This resource is in drbd-8.4 compatibility mode!");
        }
        o.options(
            &r.res_opts,
            Sect(RES_OPTS, nla::RESOURCE_OPTS),
            "options",
            false,
            true,
        );
        o.line("_this_host {");
        o.indent += 1;
        if let Some(id) = node_id(r) {
            o.line(&format!("node-id\t\t\t{};", id as i32));
        }
        for d in &sr.devices {
            o.line(&format!("volume {} {{", d.ctx.volume as i32));
            o.indent += 1;
            o.line(&format!("device\t\t\tminor {};", d.minor as i32));
            let (bd, md, idx) = disk_conf_basics(d);
            if !bd.is_empty() {
                o.line(&format!("disk\t\t\t{};", double_quote(&bd)));
                let meta = match idx {
                    MD_INDEX_INTERNAL | MD_INDEX_FLEX_INT => "internal;".to_string(),
                    MD_INDEX_FLEX_EXT => format!("{};", double_quote(&md)),
                    _ => format!("{} [ {idx} ];", double_quote(&md)),
                };
                o.line(&format!("meta-disk\t\t\t{meta}"));
            } else if d.info.is_intentional_diskless == 1 {
                o.line("disk\t\t\tnone;");
            }
            let opened = o.options(
                &d.disk_conf,
                Sect(DISK_OPTS, nla::DISK_CONF),
                "disk",
                false,
                false,
            );
            o.options(
                &d.device_conf,
                Sect(DEVICE_OPTS, nla::DEVICE_CONF),
                "disk",
                opened,
                true,
            );
            o.indent -= 1;
            o.line("}");
        }
        o.indent -= 1;
        o.line("}");
        for c in &sr.connections {
            o.line("connection {");
            o.indent += 1;
            o.line(&format!("_peer_node_id {};", c.ctx.peer_node_id as i32));
            paths_text(o, c);
            o.line(&format!("_cstate {};", conn_str(c)));
            o.options(
                &c.net_conf,
                Sect(NET_OPTS, nla::NET_CONF),
                "net",
                false,
                true,
            );
            for pd in sr.peer_devices.iter().filter(|pd| same_peer(c, pd)) {
                if o.options_empty(&pd.conf, Sect(PEER_DEVICE_OPTS, nla::PEER_DEVICE_OPTS)) {
                    continue;
                }
                o.line(&format!("volume {} {{", pd.ctx.volume as i32));
                o.indent += 1;
                o.options(
                    &pd.conf,
                    Sect(PEER_DEVICE_OPTS, nla::PEER_DEVICE_OPTS),
                    "disk",
                    false,
                    true,
                );
                o.indent -= 1;
                o.line("}");
            }
            o.indent -= 1;
            o.line("}");
        }
        o.indent -= 1;
        o.line("}");
        o.s.push('\n');
    }
}

fn json(o: &mut Out, list: &[ShowResource]) {
    o.line("[");
    o.indent += 1;
    for (ri, sr) in list.iter().enumerate() {
        let r = &sr.resource;
        o.line("{");
        o.indent += 1;
        o.line(&format!("\"resource\": \"{}\",", r.name));
        if o.options_json(
            &r.res_opts,
            Sect(RES_OPTS, nla::RESOURCE_OPTS),
            "options",
            false,
            false,
            true,
        ) {
            o.s.push_str(",\n");
        }
        o.line("\"_this_host\": {");
        o.indent += 1;
        if let Some(id) = node_id(r) {
            o.line(&format!("\"node-id\": {},", id as i32));
        }
        o.line("\"volumes\": [");
        o.indent += 1;
        for (di, d) in sr.devices.iter().enumerate() {
            o.line("{");
            o.indent += 1;
            o.line(&format!("\"volume_nr\": {},", d.ctx.volume as i32));
            o.i()
                .push_str(&format!("\"device_minor\": {}", d.minor as i32));
            let (bd, md, idx) = disk_conf_basics(d);
            if !bd.is_empty() {
                o.s.push_str(",\n");
                o.line(&format!("\"backing-disk\": {},", double_quote(&bd)));
                match idx {
                    MD_INDEX_INTERNAL | MD_INDEX_FLEX_INT => {
                        o.i().push_str("\"meta-disk\": \"internal\"");
                    }
                    MD_INDEX_FLEX_EXT => {
                        let t = format!("\"meta-disk\": {}", double_quote(&md));
                        o.i().push_str(&t);
                    }
                    _ => {
                        o.line(&format!("\"meta-disk\": {},", double_quote(&md)));
                        o.line(&format!("\"meta-disk-index\": {idx}"));
                    }
                }
            } else if d.info.is_intentional_diskless == 1 {
                o.s.push_str(",\n");
                o.i().push_str("\"disk\": \"none\"");
            }
            let opened = o.options_json(
                &d.disk_conf,
                Sect(DISK_OPTS, nla::DISK_CONF),
                "disk",
                true,
                false,
                false,
            );
            o.options_json(
                &d.device_conf,
                Sect(DEVICE_OPTS, nla::DEVICE_CONF),
                "disk",
                true,
                opened,
                true,
            );
            o.s.push('\n');
            o.indent -= 1;
            let comma = if di + 1 < sr.devices.len() { "," } else { "" };
            o.line(&format!("}}{comma}"));
        }
        o.indent -= 1;
        o.line("]");
        o.indent -= 1;
        o.i().push('}');
        if !sr.connections.is_empty() {
            o.s.push(',');
        }
        o.s.push('\n');
        if !sr.connections.is_empty() {
            o.line("\"connections\": [");
            o.indent += 1;
            for (ci, c) in sr.connections.iter().enumerate() {
                o.line("{");
                o.indent += 1;
                connection_json(o, c, &sr.peer_devices);
                o.indent -= 1;
                o.i().push('}');
                if ci + 1 < sr.connections.len() {
                    o.s.push(',');
                }
                o.s.push('\n');
            }
            o.indent -= 1;
            o.line("]");
        }
        o.indent -= 1;
        let comma = if ri + 1 < list.len() { "," } else { "" };
        o.line(&format!("}}{comma}"));
    }
    o.indent -= 1;
    o.line("]");
}

fn connection_json(o: &mut Out, c: &Connection, peer_devices: &[PeerDevice]) {
    paths_json(o, c);
    if c.cstate == 0 {
        o.line("\"_is_standalone\": true,");
    }
    o.line(&format!("\"_cstate\": {},", double_quote(conn_str(c))));
    if o.options_json(
        &c.net_conf,
        Sect(NET_OPTS, nla::NET_CONF),
        "net",
        false,
        false,
        true,
    ) {
        o.s.push_str(",\n");
    }
    let shown: Vec<&PeerDevice> = peer_devices
        .iter()
        .filter(|pd| {
            same_peer(c, pd)
                && !o.options_empty(&pd.conf, Sect(PEER_DEVICE_OPTS, nla::PEER_DEVICE_OPTS))
        })
        .collect();
    if !shown.is_empty() {
        o.line("\"volumes\": [");
        for (i, pd) in shown.iter().enumerate() {
            o.indent += 1;
            o.line("{");
            o.indent += 1;
            o.i()
                .push_str(&format!("\"volume_nr\": {}", pd.ctx.volume as i32));
            o.options_json(
                &pd.conf,
                Sect(PEER_DEVICE_OPTS, nla::PEER_DEVICE_OPTS),
                "disk",
                true,
                false,
                true,
            );
            o.s.push('\n');
            o.indent -= 1;
            let comma = if i + 1 < shown.len() { "," } else { "" };
            o.line(&format!("}}{comma}"));
            o.indent -= 1;
        }
        o.line("],");
    }
    o.line(&format!("\"_peer_node_id\": {}", c.ctx.peer_node_id as i32));
}

/// Renders `show` (text, or JSON with `json`); JSON always shows defaults.
pub fn render(list: &[ShowResource], json_output: bool, show_defaults: bool) -> String {
    let mut o = Out {
        s: String::new(),
        indent: 0,
        show_defaults: show_defaults || json_output,
    };
    if json_output {
        json(&mut o, list);
    } else {
        text(&mut o, list);
    }
    o.s
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    fn run(script: &str, args: &[&str]) -> (i32, String) {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let mut out = Vec::new();
        let code = crate::instrumented::show(&args, &mut Cursor::new(script), &mut out);
        (code, String::from_utf8(out).unwrap())
    }

    const SCRIPT: &str = "DRBD_ADM_GET_RESOURCES\nget_resource auto_promote 0\n-\n\
        DRBD_ADM_GET_DEVICES\nget_device al_extents 100 read_balancing 5\n-\n\
        DRBD_ADM_GET_CONNECTIONS\nget_connection ping_int 3\n-\n\
        DRBD_ADM_GET_PEER_DEVICES\nget_peer_device c_max_rate 2048\n-\n";

    #[test]
    fn json_shows_sent_fields_in_upstream_order() {
        let (code, out) = run(SCRIPT, &["--json"]);
        assert_eq!(code, 0);
        assert!(out.contains("\"auto-promote\": false,\n"));
        assert!(out.contains("\"al-extents\": \"100\",\n"));
        assert!(out.contains("\"read-balancing\": \"32K-striping\",\n"));
        assert!(out.contains("\"ping-int\": \"3\",\n"));
        assert!(out.contains("\"c-max-rate\": \"2048k\",\n"));
        assert!(out.contains("\"_peer_node_id\": 1\n"));
    }

    #[test]
    fn text_hides_defaults() {
        let (code, out) = run(SCRIPT, &[]);
        assert_eq!(code, 0);
        assert!(out.starts_with("resource \"some-resource\" {\n    options {\n"));
        assert!(out.contains("        auto-promote    \tno;\n"));
        assert!(!out.contains("on-no-quorum"));
        assert!(out.contains("        ping-int        \t3; # seconds\n"));
        assert!(out.contains("            device\t\t\tminor 1000;\n"));
        assert!(out.contains("            meta-disk\t\t\tinternal;\n"));
        assert!(out.ends_with("}\n\n"));
    }

    #[test]
    fn nothing_configured() {
        let (code, out) = run("DRBD_ADM_GET_RESOURCES\n-\n", &[]);
        assert_eq!(code, 0);
        assert_eq!(out, "# No currently configured DRBD found.\n");
        let (_, out) = run("DRBD_ADM_GET_RESOURCES\n-\n", &["--json"]);
        assert_eq!(out, "[\n]\n");
    }
}
