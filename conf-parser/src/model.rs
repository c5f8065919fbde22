//! The typed configuration, as drbd-utils holds it after parsing and before expansion:
//! options already routed to their section (8.3 `syncer {}` distributed, resource-level
//! `disk {}` split into disk, peer-device, device and net options), values verbatim as
//! written, every item with its span. `drbdadm dump` prints this model; drbdadm's
//! expansion (inheritance, implicit connections) works on a copy of it.

use crate::diag::Diagnostics;
use crate::options::Dialect;
use crate::source::{SourceMap, Span};

/// A parsed configuration with all files it read and everything found wrong with it.
#[derive(Debug)]
pub struct Config {
    /// The files read.
    pub sources: SourceMap,
    /// The main file (named in `dump` headers and `defined at` lines, as upstream).
    pub main_file: crate::source::FileId,
    /// The dialect the config was read for.
    pub dialect: Dialect,
    /// The `global {}` section (defaults if absent).
    pub global: Global,
    /// The `common {}` section, if any.
    pub common: Option<Common>,
    /// Resources in file order.
    pub resources: Vec<Resource>,
    /// `require-drbd-module-version-OP X.Y.Z` statements: (OP, version, where).
    pub module_version_requirements: Vec<(String, String, Span)>,
    /// Errors and warnings of the whole run.
    pub diagnostics: Diagnostics,
    /// The first duplicate upstream's uniqueness checks find (drbdadm exits 10 with
    /// upstream's two lines).
    pub conflict: Option<crate::uniq::Conflict>,
}

impl Config {
    /// The main file's name: its canonical path, or `STDIN`.
    pub fn main_name(&self) -> &str {
        &self.sources.file(self.main_file).name
    }

    /// The resource called `name`.
    pub fn resource(&self, name: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.name == name)
    }
}

/// `usage-count yes|no|ask`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UsageCount {
    /// `yes`.
    Yes,
    /// `no`.
    No,
    /// `ask` (upstream's default).
    #[default]
    Ask,
}

/// The `global {}` section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Global {
    /// Where it was written.
    pub span: Option<Span>,
    /// `disable-ip-verification;`
    pub disable_ip_verification: bool,
    /// `udev-always-use-vnr;`
    pub udev_always_use_vnr: bool,
    /// `minor-count N;` (0 when not given).
    pub minor_count: u32,
    /// `dialog-refresh N;` (1 when not given).
    pub dialog_refresh: u32,
    /// `usage-count ...;`
    pub usage_count: UsageCount,
    /// `cmd-timeout-short N;`
    pub cmd_timeout_short: Option<u32>,
    /// `cmd-timeout-medium N;`
    pub cmd_timeout_medium: Option<u32>,
    /// `cmd-timeout-long N;`
    pub cmd_timeout_long: Option<u32>,
}

impl Default for Global {
    fn default() -> Global {
        Global {
            span: None,
            disable_ip_verification: false,
            udev_always_use_vnr: false,
            minor_count: 0,
            dialog_refresh: 1,
            usage_count: UsageCount::Ask,
            cmd_timeout_short: None,
            cmd_timeout_medium: None,
            cmd_timeout_long: None,
        }
    }
}

/// One option as written: canonical name, verbatim value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opt {
    /// The option's canonical name (aliases such as `rate` already resolved).
    pub name: String,
    /// The value as written (`10M` stays `10M`); `name;` gives `yes`, `no-name;` gives
    /// `no`; `None` for value-less keywords such as `stacked-timeouts`.
    pub value: Option<String>,
    /// Where it was written.
    pub span: Span,
}

/// Options of one section, in the order they were written.
pub type Options = Vec<Opt>;

/// The option sections a `resource` or `common` body can hold.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SectionOptions {
    /// `options {}` (and 8.3 `syncer` options routed there).
    pub res: Options,
    /// `net {}`, `protocol`, `fencing` from `disk {}`, net options from `syncer {}`.
    pub net: Options,
    /// Disk options.
    pub disk: Options,
    /// Peer-device options (written in `disk {}` or `syncer {}`).
    pub pd: Options,
    /// Device options (written in `disk {}`).
    pub device: Options,
    /// `startup {}`.
    pub startup: Options,
    /// `proxy {}`.
    pub proxy: Options,
    /// `proxy { plugin { ... } }` lines.
    pub proxy_plugins: Vec<String>,
    /// `handlers {}`.
    pub handlers: Options,
}

/// The `common {}` section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Common {
    /// Where it was written.
    pub span: Span,
    /// Its options.
    pub opts: SectionOptions,
}

/// A resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    /// Its name.
    pub name: String,
    /// The whole `resource NAME { ... }` statement.
    pub span: Span,
    /// `template-file FILE;`
    pub template_file: Option<String>,
    /// Resource-level volumes (including the implicit volume 0 of `device`/`disk`/`meta-disk`
    /// written directly in the resource).
    pub volumes: Vec<Volume>,
    /// Host sections (`on`, `floating`, `stacked-on-top-of`, `_this_host`).
    pub hosts: Vec<Host>,
    /// Explicit `connection {}` sections.
    pub connections: Vec<Connection>,
    /// `connection-mesh {}` sections.
    pub meshes: Vec<Mesh>,
    /// The option sections.
    pub opts: SectionOptions,
}

impl Resource {
    /// True if the resource is stacked on another one.
    pub fn is_stacked(&self) -> bool {
        self.hosts
            .iter()
            .any(|h| matches!(h.kind, HostKind::StackedOn(_)))
    }
}

/// `device ...;`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    /// `/dev/drbdN` or another name; `None` for `device minor N;`.
    pub path: Option<String>,
    /// The minor, explicit or taken from the name.
    pub minor: Option<u32>,
    /// Where.
    pub span: Span,
}

/// Where a volume keeps its metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetaDisk {
    /// `meta-disk internal;` (flexible internal for v08/v09).
    Internal,
    /// `meta-disk /dev/X;`: flexible external, the whole device.
    Flexible(String),
    /// `meta-disk /dev/X[N];`: indexed external, 128 MiB slot N.
    Indexed(String, u32),
}

impl MetaDisk {
    /// Upstream's `meta_index` string: `internal`, `flexible` or the index.
    pub fn index_str(&self) -> String {
        match self {
            MetaDisk::Internal => "internal".into(),
            MetaDisk::Flexible(_) => "flexible".into(),
            MetaDisk::Indexed(_, n) => n.to_string(),
        }
    }
}

/// A volume: in a resource, in a host section, or the implicit volume 0.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volume {
    /// Volume number.
    pub vnr: u32,
    /// True for the implicit volume 0 (statements written outside `volume N {}`).
    pub implicit: bool,
    /// Where.
    pub span: Span,
    /// `device`.
    pub device: Option<Device>,
    /// `disk PATH;` (`Some(None)` for `disk none;`) with its span.
    pub disk: Option<(Option<String>, Span)>,
    /// `meta-disk` / `flexible-meta-disk` with its span.
    pub meta_disk: Option<(MetaDisk, Span)>,
    /// Disk options of `disk {}` inside the volume.
    pub disk_opts: Options,
    /// Peer-device options of `disk {}` inside the volume.
    pub pd_opts: Options,
    /// Device options of `disk {}` inside the volume.
    pub device_opts: Options,
    /// `tiebreaker yes|no;`
    pub tiebreaker: Option<bool>,
}

impl Volume {
    /// An empty volume.
    pub fn new(vnr: u32, implicit: bool, span: Span) -> Volume {
        Volume {
            vnr,
            implicit,
            span,
            device: None,
            disk: None,
            meta_disk: None,
            disk_opts: Vec::new(),
            pd_opts: Vec::new(),
            device_opts: Vec::new(),
            tiebreaker: None,
        }
    }
}

/// `[af] ADDR:PORT`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// `ipv4`, `ipv6`, `ssocks` or `sdp` (`sci` is stored as `ssocks`, as upstream).
    pub af: String,
    /// The address, without brackets.
    pub addr: String,
    /// The port, as written.
    pub port: String,
    /// Where.
    pub span: Span,
}

impl Address {
    /// `af:addr:port` with IPv6 in brackets, as drbdsetup takes it.
    pub fn to_setup_arg(&self) -> String {
        if self.af == "ipv6" {
            format!("{}:[{}]:{}", self.af, self.addr, self.port)
        } else {
            format!("{}:{}:{}", self.af, self.addr, self.port)
        }
    }
}

/// What a host section is keyed by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostKind {
    /// `on NAME [NAME...]`.
    On(Vec<String>),
    /// `floating [af] ADDR:PORT`: matched by local IP address.
    Floating(Address),
    /// `stacked-on-top-of LOWER`.
    StackedOn(String),
    /// `_this_host` (drbdsetup show syntax): always this node.
    ThisHost,
}

/// drbd-proxy settings of a host or path (`proxy on HOST { inside ...; outside ...; }`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProxyInfo {
    /// The hosts the proxy runs on.
    pub on_hosts: Vec<String>,
    /// `inside` address.
    pub inside: Option<Address>,
    /// `outside` address.
    pub outside: Option<Address>,
    /// `options {}`.
    pub options: Options,
    /// `options { plugin {} }` lines.
    pub plugins: Vec<String>,
    /// Where.
    pub span: Span,
}

/// A host section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Host {
    /// How it is keyed.
    pub kind: HostKind,
    /// The whole section.
    pub span: Span,
    /// `node-id N;` as written, or generated for 8.4-style configs.
    pub node_id: Option<String>,
    /// True if `node_id` was generated (implicit node ids of 8.4-style configs).
    pub node_id_implicit: bool,
    /// `address ...;`
    pub address: Option<Address>,
    /// Volumes (including an implicit volume 0).
    pub volumes: Vec<Volume>,
    /// `options {}` inside the host.
    pub res_opts: Options,
    /// 8.4-compatible `proxy on ... {}` inside the host (boxed: rare, and large).
    pub proxy: Option<Box<ProxyInfo>>,
}

impl Host {
    /// The names this section answers to (`on` names, the stacked resource's name, or the
    /// floating address sanitised as upstream).
    pub fn names(&self) -> Vec<String> {
        match &self.kind {
            HostKind::On(names) => names.clone(),
            HostKind::StackedOn(lower) => vec![lower.clone()],
            HostKind::Floating(a) => vec![floating_name(a)],
            HostKind::ThisHost => vec!["_this_host".into()],
        }
    }
}

/// Upstream's fake host name for a floating section: `ADDR:PORT` with every character
/// outside `[0-9A-Za-z+-._]` replaced by `_`.
pub fn floating_name(a: &Address) -> String {
    format!("{}:{}", a.addr, a.port)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "+-._".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// `host NAME [address ...|port N] [via ...];` in a connection or path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostAddr {
    /// The host name (for an anonymous `address` statement, the address).
    pub name: String,
    /// True for an anonymous `address ...;` endpoint.
    pub by_address: bool,
    /// `address ...`.
    pub address: Option<Address>,
    /// `port N`.
    pub port: Option<String>,
    /// `via outside-address ...`.
    pub outside: Option<Address>,
    /// `via proxy on ... {}` (boxed: rare, and large).
    pub proxy: Option<Box<ProxyInfo>>,
    /// Where.
    pub span: Span,
}

/// A path: two endpoints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// Where (the connection itself for the implicit path).
    pub span: Span,
    /// True for `host` statements written directly in the connection.
    pub implicit: bool,
    /// The endpoints.
    pub hosts: Vec<HostAddr>,
}

/// A `connection [NAME] {}` section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    /// The (deprecated, ignored) name.
    pub name: Option<String>,
    /// Where.
    pub span: Span,
    /// Paths.
    pub paths: Vec<Path>,
    /// `net {}`.
    pub net_opts: Options,
    /// `disk {}` (peer-device options).
    pub pd_opts: Options,
    /// `volume N { disk {} }`.
    pub peer_devices: Vec<PeerDevice>,
    /// `_peer_node_id N;` (drbdsetup show syntax): the peer, known only by its node id.
    pub peer_node_id: Option<String>,
}

/// `volume N { disk { ... } }` in a connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerDevice {
    /// Volume number.
    pub vnr: u32,
    /// Peer-device options.
    pub pd_opts: Options,
    /// Where.
    pub span: Span,
}

/// `connection-mesh { hosts A B C; net {} }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mesh {
    /// The hosts.
    pub hosts: Vec<String>,
    /// `net {}`.
    pub net_opts: Options,
    /// Where.
    pub span: Span,
}
