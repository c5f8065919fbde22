//! `drbdsetup status`: the state of every resource from the `DRBD_ADM_GET_*` dumps, as
//! upstream's text (DRBD 9's `status_cmd()`, or the 8.4 tool's, which shows 8.4 states
//! with 9's names), with `--verbose`, `--statistics` and colours, or as upstream's JSON
//! (`--json`; for 8.4 an extension of ours with the same layout).
//!
//! The text goes through [`Wrap`], a faithful copy of upstream's `wrap_printf()`: long
//! lines break before a field that would pass the terminal width (80 columns when stdout
//! is not a terminal), including that function's off-by-one column count.

use std::io::Write;

use conf_parser::options::Dialect;

use crate::address;
use crate::color::Colors;
use crate::consts::{self, cmd, disk_str, role_str};
use crate::events2::{peer_device_statistics, KeySink};
use crate::lists;
use crate::objects::{Connection, Device, Path, PeerDevice, Resource, Stats};
use crate::run::RunError;
use crate::session::Session;

/// Statistics field numbers (`*_statistics` sets).
#[allow(missing_docs)]
pub mod stat {
    pub const WRITE_ORDERING: u16 = 1;

    pub const DEV_SIZE: u16 = 1;
    pub const DEV_READ: u16 = 2;
    pub const DEV_WRITE: u16 = 3;
    pub const DEV_AL_WRITES: u16 = 4;
    pub const DEV_BM_WRITES: u16 = 5;
    pub const DEV_UPPER_PENDING: u16 = 6;
    pub const DEV_LOWER_PENDING: u16 = 7;
    pub const DEV_UPPER_BLOCKED: u16 = 8;
    pub const DEV_LOWER_BLOCKED: u16 = 9;
    pub const DEV_AL_SUSPENDED: u16 = 10;
    pub const DEV_CURRENT_UUID: u16 = 12;
    pub const DEV_DISK_FLAGS: u16 = 13;
    pub const DEV_HISTORY_UUIDS: u16 = 14;

    pub const CONN_CONGESTED: u16 = 1;
    pub const CONN_AP_IN_FLIGHT: u16 = 2;
    pub const CONN_RS_IN_FLIGHT: u16 = 3;

    pub const PD_RECEIVED: u16 = 1;
    pub const PD_SENT: u16 = 2;
    pub const PD_PENDING: u16 = 3;
    pub const PD_UNACKED: u16 = 4;
    pub const PD_OUT_OF_SYNC: u16 = 5;
    pub const PD_RESYNC_FAILED: u16 = 6;
    pub const PD_BITMAP_UUID: u16 = 7;
    pub const PD_FLAGS: u16 = 9;
    pub const PD_RS_TOTAL: u16 = 10;
    pub const PD_OV_START: u16 = 11;
    pub const PD_OV_STOP: u16 = 12;
    pub const PD_OV_POSITION: u16 = 13;
    pub const PD_OV_LEFT: u16 = 14;
    pub const PD_OV_SKIPPED: u16 = 15;
    pub const PD_RS_SAME_CSUM: u16 = 16;
    pub const PD_RS_DT_START: u16 = 17;
    pub const PD_RS_PAUSED: u16 = 18;
    pub const PD_RS_DT0: u16 = 19;
    pub const PD_RS_DB0: u16 = 20;
    pub const PD_RS_DT1: u16 = 21;
    pub const PD_RS_DB1: u16 = 22;
    pub const PD_RS_C_SYNC_RATE: u16 = 23;
}

/// `net_conf`'s `tls` flag (DRBD 9).
const T_TLS: u16 = 38;
/// `DEV_IS_OPEN_UNKNOWN`.
const OPEN_UNKNOWN: u8 = 3;
const ALL_ONES: u64 = u64::MAX;

/// Upstream's `wrap_printf()`: indentation at the start of a line, and a line break
/// before text that would pass `columns`.
#[derive(Debug)]
pub struct Wrap {
    /// What was written.
    pub s: String,
    columns: i64,
    col: i64,
}

impl Wrap {
    /// A writer for a terminal of `columns` (0: not a terminal, 80).
    pub fn new(columns: u16) -> Wrap {
        Wrap {
            s: String::new(),
            columns: if columns == 0 { 80 } else { i64::from(columns) },
            col: 0,
        }
    }

    /// Writes `text` (already formatted) at `indent`.
    pub fn p(&mut self, indent: usize, text: &str) {
        let mut t = text;
        while let Some(rest) = t.strip_prefix('\n') {
            self.s.push('\n');
            self.col = 0;
            t = rest;
        }
        if t.is_empty() {
            return;
        }
        let n = t.len() as i64;
        if self.col > 0 && self.col + n > self.columns {
            self.s.push('\n');
            self.col = 0;
        }
        if self.col == 0 {
            t = t.trim_start_matches(' ');
            self.s.extend(std::iter::repeat_n(' ', indent));
            // Upstream counts the indentation loop down to -1 and keeps that.
            self.col = -1;
        }
        self.s.push_str(t);
        self.col += t.len() as i64;
        if t.ends_with('\n') {
            self.col = 0;
        }
    }
}

struct WrapKeys<'a> {
    w: &'a mut Wrap,
    indent: usize,
}

impl KeySink for WrapKeys<'_> {
    fn key(&mut self, key: &str, value: &str) {
        self.w.p(self.indent, &format!(" {key}:{value}"));
    }
}

/// Output switches of `status`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Opts {
    /// How often `--verbose` was given.
    pub verbose: u32,
    /// `--statistics`.
    pub statistics: bool,
    /// Colours.
    pub colors: Colors,
    /// stdout is a terminal (hides `client:` of diskless devices).
    pub tty: bool,
    /// Terminal width (0: not a terminal).
    pub columns: u16,
}

/// One resource and everything listed below it.
#[derive(Clone, Debug)]
pub struct StatusResource {
    /// The resource.
    pub resource: Resource,
    /// Its devices, in dump order.
    pub devices: Vec<Device>,
    /// Its connections (sorted by name on DRBD 9).
    pub connections: Vec<Connection>,
    /// Its peer devices (listed only when there are devices and connections).
    pub peer_devices: Vec<PeerDevice>,
    /// Its paths (DRBD 9 modules that implement `DRBD_ADM_GET_PATHS`).
    pub paths: Vec<Path>,
}

impl StatusResource {
    fn device_of(&self, pd: &PeerDevice) -> Option<&Device> {
        self.devices.iter().find(|d| d.ctx.volume == pd.ctx.volume)
    }
}

/// What the dumps said: whether any resource exists at all, and the ones asked for.
#[derive(Clone, Debug, Default)]
pub struct Gathered {
    /// The kernel knows at least one resource.
    pub any: bool,
    /// The resources selected (`only`, or all), sorted by name.
    pub list: Vec<StatusResource>,
    /// Paths can be listed (the JSON then has a `paths` array).
    pub paths_known: bool,
}

/// Lists what `status` shows, for the resource `only` or all.
pub fn gather(
    s: &mut Session<'_>,
    only: Option<&str>,
    err: &mut dyn Write,
) -> Result<Gathered, RunError> {
    let resources = lists::resources(s, err)?;
    let paths_known = s.dialect == Dialect::V9 && s.op_known(cmd::DRBD_ADM_GET_PATHS);
    let mut g = Gathered {
        any: !resources.is_empty(),
        list: Vec::new(),
        paths_known,
    };
    for r in resources {
        if only.is_some_and(|o| o != r.name) {
            continue;
        }
        let devices = lists::devices(s, Some(&r.name), err)?;
        let connections = lists::connections(s, Some(&r.name), err)?;
        let peer_devices = if !devices.is_empty() && !connections.is_empty() {
            lists::peer_devices(s, Some(&r.name), err)?
        } else {
            Vec::new()
        };
        let paths = if !connections.is_empty() && paths_known {
            lists::paths(s, Some(&r.name), err)?
        } else {
            Vec::new()
        };
        g.list.push(StatusResource {
            resource: r,
            devices,
            connections,
            peer_devices,
            paths,
        });
    }
    Ok(g)
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn no_yes_unknown(v: u8) -> &'static str {
    match v {
        0 => "no",
        1 => "yes",
        _ => "unknown",
    }
}

/// `susp_str()` (8.4 has no quorum suspension; its flag is then never set).
fn susp_str(r: &Resource) -> String {
    r.info.susp_str()
}

fn write_ordering(wo: u64) -> Option<&'static str> {
    ["none", "drain", "flush", "barrier"]
        .get(usize::try_from(wo).ok()?)
        .copied()
}

/// 8.4's `drbd_repl_str9()`: its replication states under 9's names.
pub fn repl_str84(s: u32) -> &'static str {
    match s {
        9 => "Off",
        10 => "Established",
        _ => consts::conn_str(Dialect::V84, s),
    }
}

/// 8.4's `drbd_conn_str9()`: its connection states under 9's names.
pub fn conn_str84(s: u32) -> &'static str {
    match s {
        8 => "Connecting",
        9 => "Connected",
        _ => consts::conn_str(Dialect::V84, s),
    }
}

fn device_statistics(w: &mut Wrap, indent: usize, o: &Opts, s: &Stats) {
    let v = o.verbose > 0;
    if o.statistics {
        if v {
            w.p(indent, &format!(" size:{}", s.get(stat::DEV_SIZE) / 2));
        }
        w.p(indent, &format!(" read:{}", s.get(stat::DEV_READ) / 2));
        w.p(indent, &format!(" written:{}", s.get(stat::DEV_WRITE) / 2));
        if v {
            w.p(
                indent,
                &format!(" al-writes:{}", s.get(stat::DEV_AL_WRITES)),
            );
            w.p(
                indent,
                &format!(" bm-writes:{}", s.get(stat::DEV_BM_WRITES)),
            );
            w.p(
                indent,
                &format!(" upper-pending:{}", s.get(stat::DEV_UPPER_PENDING) as u32),
            );
            w.p(
                indent,
                &format!(" lower-pending:{}", s.get(stat::DEV_LOWER_PENDING) as u32),
            );
            w.p(
                indent,
                &format!(
                    " al-suspended:{}",
                    yes_no(s.get(stat::DEV_AL_SUSPENDED) as u8 != 0)
                ),
            );
        }
    }
    let upper = s.get(stat::DEV_UPPER_BLOCKED) as u8 != 0;
    let lower = s.get(stat::DEV_LOWER_BLOCKED) as u8 != 0;
    if s.get(stat::DEV_SIZE) != ALL_ONES && (v || upper || lower) {
        let text = match (upper, lower) {
            (false, false) => "no",
            (true, false) => "upper",
            (false, true) => "lower",
            (true, true) => "upper,lower",
        };
        w.p(indent, &format!(" blocked:{text}"));
    }
}

fn resource_text(w: &mut Wrap, o: &Opts, dialect: Dialect, r: &Resource) {
    let c = &o.colors;
    let v = o.verbose > 0;
    w.p(0, &r.name);
    if v && dialect == Dialect::V9 {
        if let Some(id) = r.res_opts.u32(consts::nla::T_NODE_ID) {
            w.p(4, &format!(" node-id:{}", id as i32));
        }
    }
    w.p(4, &format!(" role:{}", c.role(r.info.role, true)));
    let i = &r.info;
    if v || i.susp != 0 || i.susp_nod != 0 || i.susp_fen != 0 || i.susp_quorum != 0 {
        w.p(4, &format!(" suspended:{}", susp_str(r)));
    }
    if dialect == Dialect::V9 && (v || i.fail_io != 0) {
        w.p(
            4,
            &format!(
                " force-io-failures:{}",
                c.good_bad(yes_no(i.fail_io != 0), i.fail_io == 0)
            ),
        );
    }
    if o.statistics && v {
        w.p(4, "\n");
        if let Some(wo) = write_ordering(r.stats.get(stat::WRITE_ORDERING)) {
            w.p(4, &format!(" write-ordering:{wo}"));
        }
    }
    w.p(0, "\n");
}

fn device_text(w: &mut Wrap, o: &Opts, dialect: Dialect, d: &Device, single: bool) {
    let c = &o.colors;
    let v = o.verbose > 0;
    let mut indent = 2;
    if v || !(single && d.ctx.volume == 0) {
        w.p(indent, &format!("volume:{}", d.ctx.volume));
        indent = 6;
        if v {
            w.p(indent, &format!(" minor:{}", d.minor));
        }
    }
    let intentional = d.info.is_intentional_diskless == 1;
    w.p(
        indent,
        &format!(
            " disk:{}",
            c.disk(dialect, d.info.disk_state, intentional, true)
        ),
    );
    if dialect == Dialect::V9 {
        if d.info.disk_state == 0 && (v || !o.tty) {
            w.p(
                indent,
                &format!(" client:{}", no_yes_unknown(d.info.is_intentional_diskless)),
            );
        }
        if v {
            w.p(
                indent,
                &format!(" backing_dev:{}", d.info.backing_dev_str()),
            );
        }
        if v || d.info.has_quorum == 0 {
            let q = d.info.has_quorum != 0;
            w.p(indent, &format!(" quorum:{}", c.good_bad(yes_no(q), q)));
        }
        if v || d.info.is_open != OPEN_UNKNOWN {
            w.p(
                indent,
                &format!(
                    " open:{}",
                    c.open(no_yes_unknown(d.info.is_open), d.info.is_open)
                ),
            );
        }
    }
    let indent = 6;
    if d.stats.get(stat::DEV_SIZE) != ALL_ONES {
        if o.statistics {
            w.p(indent, "\n");
        }
        device_statistics(w, indent, o, &d.stats);
    }
    w.p(indent, "\n");
}

fn done_percent(oos: u64, dev_size: u64) -> f64 {
    100.0 * (1.0 - oos as f64 / dev_size as f64)
}

fn peer_device_text(
    w: &mut Wrap,
    o: &Opts,
    dialect: Dialect,
    sr: &StatusResource,
    pd: &PeerDevice,
    single: bool,
) {
    let c = &o.colors;
    let v = o.verbose > 0;
    let s = &pd.stats;
    let repl = pd.info.repl_state;
    let dev_size = sr
        .device_of(pd)
        .map_or(ALL_ONES, |d| d.stats.get(stat::DEV_SIZE));
    let mut indent = 4;
    if v || !(single && pd.ctx.volume == 0) {
        w.p(indent, &format!("volume:{}", pd.ctx.volume as i32));
        indent = 8;
    }
    let (off, unknown_disk) = match dialect {
        Dialect::V84 => (9, 6),
        Dialect::V9 => (consts::repl::OFF, consts::disk9::UNKNOWN),
    };
    // The replication state is shown once it is more than a plain link: above
    // L_ESTABLISHED on 9; 8.4's drbdsetup tests `> C_WF_REPORT_PARAMS`, so it shows
    // its Connected (as `Established`) too.
    let quiet_up_to = match dialect {
        Dialect::V84 => 9,
        Dialect::V9 => consts::repl::ESTABLISHED,
    };
    if v || repl > quiet_up_to {
        let name = match dialect {
            Dialect::V84 => repl_str84(repl),
            Dialect::V9 => consts::repl_str(repl),
        };
        w.p(
            indent,
            &format!(" replication:{}", c.repl_named(name, repl)),
        );
        indent = 8;
    }
    if v || o.statistics || repl != off || pd.info.disk_state != unknown_disk {
        let intentional = pd.info.is_intentional_diskless == 1;
        let disk = pd.info.disk_state;
        w.p(
            indent,
            &format!(
                " peer-disk:{}",
                c.disk(dialect, disk, dialect == Dialect::V9 && intentional, false)
            ),
        );
        indent = 8;
        let rs_total = s.get(stat::PD_RS_TOTAL);
        match dialect {
            Dialect::V84 => {
                if (16..=21).contains(&repl) {
                    w.p(
                        indent,
                        &format!(
                            " done:{:.2}",
                            done_percent(s.get(stat::PD_OUT_OF_SYNC), dev_size)
                        ),
                    );
                }
            }
            Dialect::V9 => {
                if disk == 0 && (v || !o.tty) {
                    w.p(
                        indent,
                        &format!(
                            " peer-client:{}",
                            no_yes_unknown(pd.info.is_intentional_diskless)
                        ),
                    );
                }
                let sync_details = rs_total != 0 && rs_total != ALL_ONES;
                if rs_total == ALL_ONES && in_resync(repl) {
                    w.p(
                        indent,
                        &format!(
                            " done:{:.2}",
                            done_percent(s.get(stat::PD_OUT_OF_SYNC), dev_size)
                        ),
                    );
                } else if sync_details {
                    let to_go = sectors_to_go(s);
                    w.p(
                        indent,
                        &format!(
                            " done:{:.2}",
                            100.0 * rs_total.wrapping_sub(to_go) as f64 / rs_total as f64
                        ),
                    );
                }
            }
        }
        let i = &pd.info;
        let max_parallel = dialect == Dialect::V9 && i.susp_max_parallel != 0;
        if v || i.susp_user != 0 || i.susp_peer != 0 || i.susp_dependency != 0 || max_parallel {
            w.p(
                indent,
                &format!(" resync-suspended:{}", i.resync_susp_str()),
            );
        }
        if o.statistics && s.get(stat::PD_RECEIVED) != ALL_ONES {
            w.p(indent, "\n");
            let mut keys = WrapKeys { w, indent };
            peer_device_statistics(&mut keys, s, true, o.verbose, false);
        }
    }
    w.p(0, "\n");
}

/// Replication states of a resync (verify excluded).
fn in_resync(repl: u32) -> bool {
    (consts::repl::SYNC_SOURCE..=consts::repl::PAUSED_SYNC_T).contains(&repl)
        && repl != consts::repl::VERIFY_S
        && repl != consts::repl::VERIFY_T
}

fn sectors_to_go(s: &Stats) -> u64 {
    match s.get(stat::PD_OV_LEFT) {
        0 => s
            .get(stat::PD_OUT_OF_SYNC)
            .wrapping_sub(s.get(stat::PD_RESYNC_FAILED)),
        left => left,
    }
}

fn tls_of(c: &Connection) -> bool {
    c.net_conf.u8(T_TLS).unwrap_or(0) != 0
}

/// Whether a peer device belongs to a connection: by peer node id (9) or by the address
/// pair (8.4's `endpoints_equal()`).
fn belongs(dialect: Dialect, c: &Connection, pd: &PeerDevice) -> bool {
    match dialect {
        Dialect::V9 => c.ctx.peer_node_id == pd.ctx.peer_node_id,
        Dialect::V84 => c.ctx.my_addr == pd.ctx.my_addr && c.ctx.peer_addr == pd.ctx.peer_addr,
    }
}

fn connection_text(
    w: &mut Wrap,
    o: &Opts,
    dialect: Dialect,
    sr: &StatusResource,
    conn: &Connection,
    single: bool,
) {
    let c = &o.colors;
    let v = o.verbose > 0;
    let connected = 9;
    match dialect {
        Dialect::V84 => {
            w.p(2, "peer");
            if v || conn.cstate < connected {
                w.p(
                    6,
                    &format!(
                        " connection:{}",
                        c.cstate_named(conn_str84(conn.cstate), conn.cstate)
                    ),
                );
            }
            if v || conn.cstate == connected {
                w.p(6, &format!(" role:{}", c.role(conn.role, false)));
            }
            let congested = conn.stats.get(stat::CONN_CONGESTED) as u8;
            if v || congested > 0 {
                w.p(6, &format!(" congested:{}", yes_no(congested != 0)));
            }
        }
        Dialect::V9 => {
            let named = !conn.ctx.conn_name.is_empty();
            if named {
                w.p(2, &conn.ctx.conn_name);
            }
            if v || !named {
                let indent = if named { 6 } else { 2 };
                w.p(
                    indent,
                    &format!(" node-id:{}", conn.ctx.peer_node_id as i32),
                );
            }
            if v || conn.cstate != connected {
                w.p(6, &format!(" connection:{}", c.cstate(conn.cstate)));
            }
            if v || conn.cstate == connected {
                w.p(6, &format!(" role:{}", c.role(conn.role, false)));
                if v || tls_of(conn) {
                    w.p(6, &format!(" tls:{}", yes_no(tls_of(conn))));
                }
            }
            let congested = conn.stats.get(stat::CONN_CONGESTED) as u8;
            if v || congested > 0 {
                w.p(6, &format!(" congested:{}", yes_no(congested != 0)));
                if conn.stats.get(stat::CONN_AP_IN_FLIGHT) != ALL_ONES {
                    w.p(
                        6,
                        &format!(" ap-in-flight:{}", conn.stats.get(stat::CONN_AP_IN_FLIGHT)),
                    );
                    w.p(
                        6,
                        &format!(" rs-in-flight:{}", conn.stats.get(stat::CONN_RS_IN_FLIGHT)),
                    );
                }
            }
        }
    }
    w.p(0, "\n");
    if v || o.statistics || conn.cstate == connected {
        for pd in sr
            .peer_devices
            .iter()
            .filter(|pd| belongs(dialect, conn, pd))
        {
            peer_device_text(w, o, dialect, sr, pd, single);
        }
    }
}

/// The text of `status`.
pub fn text(g: &Gathered, dialect: Dialect, o: &Opts) -> String {
    let mut w = Wrap::new(o.columns);
    if !g.any && dialect == Dialect::V9 {
        w.s.push_str("# No currently configured DRBD found.\n");
    }
    for sr in &g.list {
        resource_text(&mut w, o, dialect, &sr.resource);
        let single = sr.devices.len() == 1;
        for d in &sr.devices {
            device_text(&mut w, o, dialect, d, single);
        }
        for c in &sr.connections {
            connection_text(&mut w, o, dialect, sr, c, single);
        }
        w.p(0, "\n");
    }
    w.s
}

fn b(v: bool) -> &'static str {
    if v {
        "true"
    } else {
        "false"
    }
}

fn address_json(s: &mut String, raw: &[u8], indent: &str) {
    if let Some((_, port, ip)) = address::split(raw) {
        let ip = match ip {
            address::Ip::V4(a) => a.to_string(),
            address::Ip::V6(a) => a.to_string(),
        };
        s.push_str(&format!("{indent}\"address\": \"{ip}\",\n"));
        s.push_str(&format!("{indent}\"port\": {port},\n"));
    }
    let family = raw.get(..2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    s.push_str(&format!(
        "{indent}\"family\": \"{}\"\n",
        address::af_str(family)
    ));
}

fn path_json(s: &mut String, p: &Path) {
    s.push_str("        {\n          \"this_host\": {\n");
    address_json(s, &p.ctx.my_addr, "            ");
    s.push_str("          },\n          \"remote_host\": {\n");
    address_json(s, &p.ctx.peer_addr, "            ");
    s.push_str("          },\n");
    s.push_str(&format!(
        "          \"established\": {}\n        }}",
        b(p.established != 0)
    ));
}

fn peer_device_json(s: &mut String, dialect: Dialect, sr: &StatusResource, pd: &PeerDevice) {
    let st = &pd.stats;
    let repl = pd.info.repl_state;
    let rs_total = st.get(stat::PD_RS_TOTAL);
    let sync_details = rs_total != 0 && rs_total != ALL_ONES;
    let without_details = rs_total == ALL_ONES && in_resync(repl);
    let dev_size = sr
        .device_of(pd)
        .map_or(ALL_ONES, |d| d.stats.get(stat::DEV_SIZE));
    let in_sync = if dev_size == 0 {
        0.0
    } else {
        done_percent(st.get(stat::PD_OUT_OF_SYNC), dev_size)
    };
    let repl_name = match dialect {
        Dialect::V84 => repl_str84(repl),
        Dialect::V9 => consts::repl_str(repl),
    };
    let ov_left = st.get(stat::PD_OV_LEFT);
    s.push_str(&format!(
        "        {{\n          \"volume\": {},\n          \"replication-state\": \"{repl_name}\",\n          \"peer-disk-state\": \"{}\",\n          \"peer-client\": {},\n          \"resync-suspended\": \"{}\",\n          \"received\": {},\n          \"sent\": {},\n          \"out-of-sync\": {},\n          \"pending\": {},\n          \"unacked\": {},\n          \"has-sync-details\": {},\n          \"has-online-verify-details\": {},\n          \"percent-in-sync\": {in_sync:.2}{}\n",
        pd.ctx.volume as i32,
        disk_str(dialect, pd.info.disk_state),
        b(pd.info.is_intentional_diskless == 1),
        pd.info.resync_susp_str(),
        st.get(stat::PD_RECEIVED) / 2,
        st.get(stat::PD_SENT) / 2,
        st.get(stat::PD_OUT_OF_SYNC) / 2,
        st.get(stat::PD_PENDING) as u32,
        st.get(stat::PD_UNACKED) as u32,
        b(sync_details),
        b(sync_details && ov_left != 0),
        if sync_details || without_details { "," } else { "" },
    ));
    if sync_details {
        let d64 = |nr| st.get(nr) as i64;
        s.push_str(&format!(
            "          \"rs-total\": {rs_total},\n          \"rs-dt-start-ms\": {},\n          \"rs-paused-ms\": {},\n          \"rs-dt0-ms\": {},\n          \"rs-db0-sectors\": {},\n          \"rs-dt1-ms\": {},\n          \"rs-db1-sectors\": {},\n",
            d64(stat::PD_RS_DT_START),
            d64(stat::PD_RS_PAUSED),
            d64(stat::PD_RS_DT0),
            d64(stat::PD_RS_DB0),
            d64(stat::PD_RS_DT1),
            d64(stat::PD_RS_DB1),
        ));
        if ov_left != 0 {
            s.push_str(&format!(
                "          \"ov-start-sector\": {},\n          \"ov-stop-sector\": {},\n          \"ov-position\": {},\n          \"ov-left\": {ov_left},\n          \"ov-skipped\": {},\n",
                st.get(stat::PD_OV_START),
                d64(stat::PD_OV_STOP),
                d64(stat::PD_OV_POSITION),
                st.get(stat::PD_OV_SKIPPED),
            ));
        } else {
            s.push_str(&format!(
                "          \"rs-failed\": {},\n          \"rs-same-csum\": {},\n",
                st.get(stat::PD_RESYNC_FAILED),
                st.get(stat::PD_RS_SAME_CSUM),
            ));
        }
        let rate = st.get(stat::PD_RS_C_SYNC_RATE) as u32;
        let want = if rate != 0 {
            f64::from(rate) / 1024.0
        } else {
            0.0
        };
        s.push_str(&format!("          \"want\": {want:.2},\n"));
        let db0 = d64(stat::PD_RS_DB0) as f64;
        let dt0 = match st.get(stat::PD_RS_DT0) {
            0 => 1.0,
            v => v as f64,
        };
        s.push_str(&format!(
            "          \"db0/dt0 [MiB/s]\": {:.2},\n",
            db0 / dt0 * 1000.0 / 2048.0
        ));
        let db1 = d64(stat::PD_RS_DB1) as f64;
        let dt1 = match st.get(stat::PD_RS_DT1) {
            0 => 1.0,
            v => v as f64,
        };
        s.push_str(&format!(
            "          \"db1/dt1 [MiB/s]\": {:.2},\n",
            db1 / dt1 * 1000.0 / 2048.0
        ));
        let to_go = sectors_to_go(st);
        let eta = if db1 <= 0.0 {
            987_654_321.0
        } else {
            dt1 * 1e-3 * to_go as f64 / db1
        };
        s.push_str(&format!(
            "          \"estimated-seconds-to-finish\": {eta:.0},\n"
        ));
        let db = rs_total.wrapping_sub(to_go) as f64;
        let dt = st
            .get(stat::PD_RS_DT_START)
            .wrapping_sub(st.get(stat::PD_RS_PAUSED));
        let dt = if dt == 0 { 1.0 } else { dt as f64 };
        s.push_str(&format!(
            "          \"db/dt [MiB/s]\": {:.2},\n",
            db / dt * 1000.0 / 2048.0
        ));
        s.push_str(&format!(
            "          \"percent-resync-done\": {:.2}\n",
            100.0 * db / rs_total as f64
        ));
    } else if without_details {
        s.push_str(&format!(
            "          \"percent-resync-done\": {:.2}\n",
            done_percent(st.get(stat::PD_OUT_OF_SYNC), dev_size)
        ));
    }
    s.push_str("        }");
}

fn connection_json(
    s: &mut String,
    dialect: Dialect,
    paths_known: bool,
    sr: &StatusResource,
    c: &Connection,
) {
    let (peer_node_id, name, cstate) = match dialect {
        // 8.4 connections have neither: the same stand-ins as the 8.4 tool's events2.
        Dialect::V84 => (0, "peer".to_string(), conn_str84(c.cstate)),
        Dialect::V9 => (
            c.ctx.peer_node_id as i32,
            c.ctx.conn_name.clone(),
            consts::conn_str(Dialect::V9, c.cstate),
        ),
    };
    s.push_str(&format!(
        "    {{\n      \"peer-node-id\": {peer_node_id},\n      \"name\": {},\n      \"connection-state\": \"{cstate}\", \n      \"congested\": {},\n      \"peer-role\": \"{}\",\n      \"tls\": {},\n",
        crate::json::string(&name),
        b(c.stats.get(stat::CONN_CONGESTED) as u8 != 0),
        role_str(c.role),
        b(tls_of(c)),
    ));
    if c.stats.get(stat::CONN_AP_IN_FLIGHT) != ALL_ONES {
        s.push_str(&format!(
            "      \"ap-in-flight\": {},\n      \"rs-in-flight\": {},\n",
            c.stats.get(stat::CONN_AP_IN_FLIGHT),
            c.stats.get(stat::CONN_RS_IN_FLIGHT)
        ));
    }
    if paths_known {
        s.push_str("      \"paths\": [\n");
        let mut first = true;
        for p in sr
            .paths
            .iter()
            .filter(|p| p.ctx.peer_node_id == c.ctx.peer_node_id)
        {
            if !first {
                s.push_str(",\n");
            }
            first = false;
            path_json(s, p);
        }
        s.push_str(" ],\n");
    }
    s.push_str("      \"peer_devices\": [\n");
    let mut first = true;
    for pd in sr.peer_devices.iter().filter(|pd| belongs(dialect, c, pd)) {
        if !first {
            s.push_str(",\n");
        }
        first = false;
        peer_device_json(s, dialect, sr, pd);
    }
    s.push_str(" ]\n    }");
}

fn device_json(s: &mut String, dialect: Dialect, d: &Device) {
    let has_stats = d.stats.get(stat::DEV_SIZE) != ALL_ONES;
    s.push_str(&format!(
        "    {{\n      \"volume\": {},\n      \"minor\": {},\n      \"disk-state\": \"{}\",\n      \"client\": {},\n      \"open\": {},\n      \"quorum\": {}{}\n",
        d.ctx.volume as i32,
        d.minor as i32,
        disk_str(dialect, d.info.disk_state),
        b(d.info.is_intentional_diskless == 1),
        b(d.info.is_open == 1),
        b(d.info.has_quorum != 0),
        if has_stats { "," } else { "" },
    ));
    if has_stats {
        let st = &d.stats;
        s.push_str(&format!(
            "      \"size\": {},\n      \"read\": {},\n      \"written\": {},\n      \"al-writes\": {},\n      \"bm-writes\": {},\n      \"upper-pending\": {},\n      \"lower-pending\": {}\n",
            st.get(stat::DEV_SIZE) / 2,
            st.get(stat::DEV_READ) / 2,
            st.get(stat::DEV_WRITE) / 2,
            st.get(stat::DEV_AL_WRITES),
            st.get(stat::DEV_BM_WRITES),
            st.get(stat::DEV_UPPER_PENDING) as u32,
            st.get(stat::DEV_LOWER_PENDING) as u32,
        ));
    }
    s.push_str("    }");
}

fn resource_json(s: &mut String, r: &Resource) {
    let i = &r.info;
    let node_id = r
        .res_opts
        .u32(consts::nla::T_NODE_ID)
        .map_or(-1, |v| v as i32);
    let suspended = i.susp != 0 || i.susp_nod != 0 || i.susp_fen != 0 || i.susp_quorum != 0;
    // Upstream indexes its table with whatever arrives; an unknown value is "unknown" here.
    let wo = write_ordering(r.stats.get(stat::WRITE_ORDERING)).unwrap_or("unknown");
    s.push_str(&format!(
        "{{\n  \"name\": {},\n  \"node-id\": {node_id},\n  \"role\": \"{}\",\n  \"suspended\": {},\n  \"suspended-user\": {},\n  \"suspended-no-data\": {},\n  \"suspended-fencing\": {},\n  \"suspended-quorum\": {},\n  \"force-io-failures\": {},\n  \"write-ordering\": \"{wo}\",\n  \"devices\": [\n",
        crate::json::string(&r.name),
        role_str(i.role),
        b(suspended),
        b(i.susp != 0),
        b(i.susp_nod != 0),
        b(i.susp_fen != 0),
        b(i.susp_quorum != 0),
        b(i.fail_io != 0),
    ));
}

/// The JSON of `status --json`.
pub fn json(g: &Gathered, dialect: Dialect) -> String {
    let mut s = String::from("[\n");
    for (ri, sr) in g.list.iter().enumerate() {
        if ri > 0 {
            s.push_str(",\n");
        }
        resource_json(&mut s, &sr.resource);
        for (i, d) in sr.devices.iter().enumerate() {
            device_json(&mut s, dialect, d);
            if i + 1 < sr.devices.len() {
                s.push_str(",\n");
            }
        }
        s.push_str(" ],\n  \"connections\": [\n");
        for (i, c) in sr.connections.iter().enumerate() {
            connection_json(&mut s, dialect, g.paths_known, sr, c);
            if i + 1 < sr.connections.len() {
                s.push_str(",\n");
            }
        }
        s.push_str(" ]\n}\n");
    }
    s.push_str("]\n\n");
    s
}

/// `drbdsetup status [RES|all]`: prints and returns the exit code.
pub fn run(
    s: &mut Session<'_>,
    only: Option<&str>,
    json_output: bool,
    o: &Opts,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, RunError> {
    let g = gather(s, only, err)?;
    let text = if json_output {
        json(&g, s.dialect)
    } else {
        text(&g, s.dialect, o)
    };
    out.write_all(text.as_bytes())
        .map_err(|e| RunError::Netlink("write".into(), e))?;
    if let Some(name) = only {
        if g.list.is_empty() {
            let _ = out.flush();
            let _ = writeln!(err, "{name}: No such resource");
            return Ok(10);
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::Wrap;

    #[test]
    fn wrap_breaks_before_a_field_that_passes_the_width() {
        let mut w = Wrap::new(20);
        w.p(0, "r0");
        w.p(4, " role:Secondary");
        // the column is 16 (upstream counts from -1): 16 + 13 > 20 breaks
        w.p(4, " suspended:no");
        w.p(0, "\n");
        w.p(2, " disk:UpToDate");
        w.p(2, "\n");
        assert_eq!(
            w.s,
            "r0 role:Secondary\n    suspended:no\n  disk:UpToDate\n"
        );
        // not a terminal: 80 columns
        let mut w = Wrap::new(0);
        for _ in 0..8 {
            w.p(2, " abcdefghi");
        }
        assert_eq!(w.s.lines().count(), 1);
        w.p(2, " abcdefghi");
        assert_eq!(w.s.lines().count(), 2);
    }
}
