//! The running configuration as `drbdsetup show` prints it, read for `adjust`.
//!
//! The text uses the drbd.conf grammar with a few words of its own (`_this_host`,
//! `_peer_node_id`, `_remote_host`, `_cstate`, `_unknown`), so it goes through the
//! conf-parser's statement tree, option routing and value readers; this module only adds what
//! the typed model leaves out for a running resource: the connection state and the options
//! the kernel reported as unknown to drbdsetup (upstream's `parse_resource(...,
//! PARSE_FOR_ADJUST)` and the `DRBDSETUP_SHOW` post-parse steps).

use conf_parser::load::{self, Input};
use conf_parser::model::{Address, MetaDisk};
use conf_parser::optblock::{self, BlockKind};
use conf_parser::options::{self, Dialect, Section};
use conf_parser::syntax::Stmt;
use conf_parser::Diagnostics;

/// One option of the running configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ROpt {
    /// Canonical name.
    pub name: String,
    /// Value as printed (`None` for `_unknown NAME;`).
    pub value: Option<String>,
    /// `_unknown NAME;`: the kernel has it, this drbdsetup does not know it.
    pub unknown: bool,
}

/// A volume of the running resource.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunVol {
    /// Volume number.
    pub vnr: u32,
    /// `device minor N;`
    pub minor: Option<u32>,
    /// The backing disk as printed; `none` for an intentionally diskless volume.
    pub disk: Option<String>,
    /// `internal` or the meta-data device.
    pub meta_disk: Option<String>,
    /// `internal`, `flexible` or the index.
    pub meta_index: Option<String>,
    /// Disk options.
    pub disk_opts: Vec<ROpt>,
    /// Device options (`diskless`, `block-size`, ...).
    pub device_opts: Vec<ROpt>,
}

/// A path of a running connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunPath {
    /// `_this_host ADDR;`
    pub my_address: Option<Address>,
    /// `_remote_host ADDR;` (what this node connects to).
    pub connect_to: Option<Address>,
}

/// A running connection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunConn {
    /// `_peer_node_id N;`
    pub peer_node_id: Option<String>,
    /// Paths.
    pub paths: Vec<RunPath>,
    /// `_cstate NAME;` as upstream's number (`-1` for a name it does not know, `0`
    /// (StandAlone) when missing).
    pub cstate: i32,
    /// Net options.
    pub net_opts: Vec<ROpt>,
    /// Peer devices: volume number and options (implicit ones have none).
    pub peer_devices: Vec<(u32, Vec<ROpt>)>,
}

/// A running resource.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunRes {
    /// Name.
    pub name: String,
    /// This node's node id.
    pub node_id: Option<String>,
    /// Resource options.
    pub res_opts: Vec<ROpt>,
    /// This node's volumes, sorted by number.
    pub volumes: Vec<RunVol>,
    /// Connections.
    pub conns: Vec<RunConn>,
}

impl RunRes {
    /// Volume `vnr`.
    pub fn volume(&self, vnr: u32) -> Option<&RunVol> {
        self.volumes.iter().find(|v| v.vnr == vnr)
    }
}

/// DRBD 9's connection state names (`drbd_conn_state_names`), in number order.
pub const CSTATE_NAMES: [&str; 10] = [
    "StandAlone",
    "Disconnecting",
    "Unconnected",
    "Timeout",
    "BrokenPipe",
    "NetworkFailure",
    "ProtocolError",
    "TearDown",
    "Connecting",
    "Connected",
];
/// `C_STANDALONE`.
pub const C_STANDALONE: i32 = 0;
/// `C_CONNECTING`.
pub const C_CONNECTING: i32 = 8;
/// `C_CONNECTED`.
pub const C_CONNECTED: i32 = 9;

/// Reads `drbdsetup show` output: every `resource "NAME" { ... }` up to the first statement
/// that is not one (as upstream, which stops there).
pub fn parse(text: &str) -> Vec<RunRes> {
    let mut out = Vec::new();
    let mut stopped = false;
    let loaded = load::load(
        Input::Text {
            name: "drbdsetup show",
            text: text.to_string(),
        },
        &[],
        &mut |st, _, _| {
            if stopped {
                return;
            }
            match (st.keyword().is_kw("resource"), st.args().first(), &st.block) {
                (true, Some(name), Some(block)) => out.push(resource(&name.text, &block.stmts)),
                _ => stopped = true,
            }
        },
    );
    match loaded {
        Ok(_) => out,
        Err(_) => Vec::new(),
    }
}

fn resource(name: &str, stmts: &[Stmt]) -> RunRes {
    let mut r = RunRes {
        name: name.to_string(),
        ..RunRes::default()
    };
    for st in stmts {
        let Some(block) = &st.block else { continue };
        match st.keyword().as_str() {
            "options" => {
                r.res_opts = options_of(&block.stmts, BlockKind::Options)
                    .into_iter()
                    .map(|(_, o)| o)
                    .collect();
            }
            "_this_host" => this_host(&mut r, &block.stmts),
            "connection" => r.conns.push(connection(&block.stmts)),
            _ => {}
        }
    }
    r.volumes.sort_by_key(|v| v.vnr);
    // fixup_peer_devices(): a connection with a path gets a peer device for each volume of
    // the host named first in it (`_this_host`).
    let vnrs: Vec<u32> = r.volumes.iter().map(|v| v.vnr).collect();
    for c in &mut r.conns {
        if c.paths.is_empty() {
            continue;
        }
        for &vnr in &vnrs {
            if !c.peer_devices.iter().any(|(n, _)| *n == vnr) {
                c.peer_devices.push((vnr, Vec::new()));
            }
        }
    }
    r
}

fn this_host(r: &mut RunRes, stmts: &[Stmt]) {
    for st in stmts {
        match st.keyword().as_str() {
            "node-id" => {
                if let Some(v) = st.args().first() {
                    r.node_id = Some(v.text.to_string());
                }
            }
            "volume" => {
                let Some(vnr) = st.args().first().and_then(|t| t.text.parse::<u32>().ok()) else {
                    continue;
                };
                let Some(block) = &st.block else { continue };
                let v = volume(vnr, &block.stmts);
                match r.volumes.iter_mut().find(|x| x.vnr == vnr) {
                    Some(x) => *x = v,
                    None => r.volumes.push(v),
                }
            }
            _ => {}
        }
    }
}

fn volume(vnr: u32, stmts: &[Stmt]) -> RunVol {
    let mut v = RunVol {
        vnr,
        ..RunVol::default()
    };
    for st in stmts {
        match (st.keyword().as_str(), &st.block) {
            ("device", None) => {
                if let Ok((d, _)) = conf_parser::values::device(st.args(), st.span) {
                    v.minor = d.minor;
                } else if let Some(m) = st
                    .args()
                    .iter()
                    .rev()
                    .find_map(|t| t.text.parse::<u32>().ok())
                {
                    v.minor = Some(m);
                }
            }
            ("disk", None) => v.disk = st.args().first().map(|t| t.text.to_string()),
            ("disk", Some(b)) => {
                for (section, o) in options_of(&b.stmts, BlockKind::VolumeDisk) {
                    match section {
                        Section::Device => v.device_opts.push(o),
                        Section::PeerDevice => {}
                        _ => v.disk_opts.push(o),
                    }
                }
            }
            ("meta-disk" | "flexible-meta-disk", None) => {
                match conf_parser::values::meta_disk(st.args(), st.span, "meta-disk") {
                    Ok(MetaDisk::Internal) => {
                        v.meta_disk = Some("internal".into());
                        v.meta_index = Some("internal".into());
                    }
                    Ok(m @ (MetaDisk::Flexible(_) | MetaDisk::Indexed(..))) => {
                        let dev = match &m {
                            MetaDisk::Flexible(d) | MetaDisk::Indexed(d, _) => d.clone(),
                            MetaDisk::Internal => String::new(),
                        };
                        v.meta_index = Some(m.index_str());
                        v.meta_disk = Some(dev);
                    }
                    Err(_) => {
                        v.meta_disk = st.args().first().map(|t| t.text.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    v
}

fn connection(stmts: &[Stmt]) -> RunConn {
    let mut c = RunConn::default();
    let mut path0: Option<RunPath> = None;
    for st in stmts {
        match (st.keyword().as_str(), &st.block) {
            ("_peer_node_id", None) => {
                c.peer_node_id = st.args().first().map(|t| t.text.to_string())
            }
            ("_cstate", None) => {
                c.cstate = st
                    .args()
                    .first()
                    .and_then(|t| CSTATE_NAMES.iter().position(|n| *n == t.text))
                    .map_or(-1, |i| i as i32);
            }
            ("path", Some(b)) => {
                let mut p = RunPath {
                    my_address: None,
                    connect_to: None,
                };
                for s in &b.stmts {
                    endpoint(&mut p, s);
                }
                c.paths.push(p);
            }
            ("_this_host" | "_remote_host", None) => {
                let p = path0.get_or_insert(RunPath {
                    my_address: None,
                    connect_to: None,
                });
                endpoint(p, st);
            }
            ("net", Some(b)) => {
                c.net_opts = options_of(&b.stmts, BlockKind::Net)
                    .into_iter()
                    .map(|(_, o)| o)
                    .filter(|o| o.name != "discard-my-data")
                    .collect();
            }
            ("volume", Some(b)) => {
                let Some(vnr) = st.args().first().and_then(|t| t.text.parse::<u32>().ok()) else {
                    continue;
                };
                let mut opts = Vec::new();
                for s in &b.stmts {
                    if let (true, Some(d)) = (s.keyword().is_kw("disk"), &s.block) {
                        opts.extend(
                            options_of(&d.stmts, BlockKind::ConnectionDisk)
                                .into_iter()
                                .map(|(_, o)| o),
                        );
                    }
                }
                c.peer_devices.push((vnr, opts));
            }
            _ => {}
        }
    }
    if let Some(p) = path0 {
        c.paths.insert(0, p);
    }
    c
}

fn endpoint(p: &mut RunPath, st: &Stmt) {
    let addr = address(st);
    match st.keyword().as_str() {
        "_this_host" => p.my_address = addr,
        "_remote_host" => p.connect_to = addr,
        _ => {}
    }
}

/// `[af] ADDR:PORT` through the config's address reader; a form it refuses (a port 0 of an
/// unset address, say) is taken apart by hand, as upstream's lexer would still read it.
fn address(st: &Stmt) -> Option<Address> {
    if let Ok((a, _)) = conf_parser::values::address(st.args(), st.span) {
        return Some(a);
    }
    let words: Vec<&str> = st
        .args()
        .iter()
        .map(|t| t.as_str())
        .filter(|w| !matches!(*w, "[" | "]"))
        .collect();
    let (af, rest) = match words.first().copied() {
        Some(w @ ("ipv4" | "ipv6" | "ssocks" | "sdp")) => (w.to_string(), &words[1..]),
        _ => ("ipv4".to_string(), &words[..]),
    };
    let colon = rest.iter().rposition(|w| *w == ":")?;
    Some(Address {
        af,
        addr: rest[..colon].concat(),
        port: rest.get(colon + 1)?.to_string(),
        span: st.span,
    })
}

/// The sections an option block's `_unknown NAME;` may belong to (the block's sections in
/// upstream's search order).
fn sections(kind: BlockKind) -> &'static [Section] {
    match kind {
        BlockKind::Options => &[Section::Resource],
        BlockKind::Net => &[Section::Net],
        BlockKind::VolumeDisk => &[Section::Disk, Section::PeerDevice, Section::Device],
        BlockKind::ConnectionDisk => &[Section::PeerDevice],
        _ => &[],
    }
}

/// The options of a block in order, each with its section; `_unknown NAME;` becomes an
/// option without a value, marked unknown. Options this drbdsetup does not know are left
/// out.
fn options_of(stmts: &[Stmt], kind: BlockKind) -> Vec<(Section, ROpt)> {
    let mut out = Vec::new();
    let mut diags = Diagnostics::default();
    for st in stmts {
        if st.keyword().is_kw("_unknown") {
            let Some(name) = st.args().first().map(|t| t.text.to_string()) else {
                continue;
            };
            let section = sections(kind)
                .iter()
                .copied()
                .find(|&s| options::lookup(&name, s, Dialect::V9).is_some())
                .or_else(|| sections(kind).first().copied());
            if let Some(section) = section {
                out.push((
                    section,
                    ROpt {
                        name,
                        value: None,
                        unknown: true,
                    },
                ));
            }
            continue;
        }
        for r in optblock::parse_block(std::slice::from_ref(st), kind, Dialect::V9, &mut diags) {
            out.push((
                r.section,
                ROpt {
                    name: r.opt.name,
                    value: r.opt.value,
                    unknown: false,
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOW: &str = r#"resource "r0" {
    options {
        quorum          	majority;
    }
    _this_host {
        node-id			2;
        volume 0 {
            device			minor 10;
            disk			none;
            disk {
                diskless        	yes;
                block-size      	4096;
                disk-flushes		no;
                _unknown bitmap;
            }
        }
        volume 1 {
            device			minor 11;
            disk			"/dev/vg/r0_1";
            meta-disk			"/dev/vg/md" [ 3 ];
        }
    }
    connection {
        _peer_node_id 0;
        path {
            _this_host ipv4 192.168.122.49:7000;
            _remote_host ipv4 192.168.122.47:7000;
        }
	_cstate Connecting;
        net {
            verify-alg      	"md5";
            _name           	"n1.ryzen9.home";
        }
        volume 1 {
            disk {
                resync-rate	10240k; # bytes/second
            }
        }
    }
    connection {
        _peer_node_id 1;
        _cstate Bogus;
    }
}
"#;

    #[test]
    fn reads_a_running_resource() {
        let all = parse(SHOW);
        assert_eq!(all.len(), 1);
        let r = &all[0];
        assert_eq!(r.name, "r0");
        assert_eq!(r.node_id.as_deref(), Some("2"));
        assert_eq!(r.res_opts[0].name, "quorum");
        let v0 = r.volume(0).unwrap();
        assert_eq!(v0.minor, Some(10));
        assert_eq!(v0.disk.as_deref(), Some("none"));
        assert_eq!(
            v0.disk_opts
                .iter()
                .map(|o| (o.name.as_str(), o.unknown))
                .collect::<Vec<_>>(),
            [("disk-flushes", false), ("bitmap", true)]
        );
        assert_eq!(v0.device_opts.len(), 2);
        let v1 = r.volume(1).unwrap();
        assert_eq!(v1.meta_disk.as_deref(), Some("/dev/vg/md"));
        assert_eq!(v1.meta_index.as_deref(), Some("3"));
        let c = &r.conns[0];
        assert_eq!(c.peer_node_id.as_deref(), Some("0"));
        assert_eq!(c.cstate, C_CONNECTING);
        assert_eq!(c.paths.len(), 1);
        assert_eq!(
            c.paths[0].connect_to.as_ref().map(|a| a.addr.as_str()),
            Some("192.168.122.47")
        );
        assert_eq!(c.net_opts[1].value.as_deref(), Some("n1.ryzen9.home"));
        // Volume 1 as printed, volume 0 added as an implicit peer device.
        assert_eq!(c.peer_devices[0].0, 1);
        assert_eq!(c.peer_devices[0].1[0].name, "resync-rate");
        assert_eq!(c.peer_devices[1], (0, Vec::new()));
        // No path: no implicit peer devices; an unknown state is -1.
        assert_eq!(r.conns[1].cstate, -1);
        assert!(r.conns[1].peer_devices.is_empty());
    }

    #[test]
    fn empty_and_comment_only_output_has_no_resources() {
        assert!(parse("").is_empty());
        assert!(parse("# No currently configured DRBD found.\n").is_empty());
    }
}
