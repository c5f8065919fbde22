//! The configuration as drbdadm acts on it: upstream's post-parse steps applied to a copy
//! of the parsed model (`post_parse()`, `expand_common()`, `set_me_in_resource()`,
//! `set_peer_in_resource()` in drbdadm_postparse.c).
//!
//! - resource-level volumes are copied into every host section, a missing `meta-disk` means
//!   internal, `disk none` means diskless;
//! - stacked host sections answer to the lower resource's host names and use its device;
//! - implicit connections (two hosts, no `connection`) and `connection-mesh` pairs become
//!   connections, every path endpoint is tied to its host section;
//! - options are inherited common -> resource -> volume / connection / peer device, each
//!   level putting the inherited options, reversed, in front of its own (that is why
//!   upstream's command lines look "scrambled", and ours must look the same);
//! - this node's section ("me"), each connection's peer and each path's addresses are found.
//!
//! Errors use upstream's wording and `FILE:LINE:` prefix, since scripts match on them.

use conf_parser::model::{self, Address, HostKind, MetaDisk, Opt, ProxyInfo};
use conf_parser::Dialect;

/// One option after inheritance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XOpt {
    /// Canonical name.
    pub name: String,
    /// Value as written (`None` for value-less keywords).
    pub value: Option<String>,
    /// True if it came from an outer level.
    pub inherited: bool,
}

/// Options in upstream's order.
pub type XOpts = Vec<XOpt>;

/// Finds an option by name.
pub fn find_opt<'a>(opts: &'a [XOpt], name: &str) -> Option<&'a XOpt> {
    opts.iter().find(|o| o.name == name)
}

/// Options of the parsed model as written (nothing inherited).
pub fn own(opts: &[Opt]) -> XOpts {
    opts.iter()
        .map(|o| XOpt {
            name: o.name.clone(),
            value: o.value.clone(),
            inherited: false,
        })
        .collect()
}

/// A volume of one host.
#[derive(Clone, Debug)]
pub struct XVol {
    /// Volume number.
    pub vnr: u32,
    /// The implicit volume 0.
    pub implicit: bool,
    /// The device path (`/dev/drbdN` when only a minor was given).
    pub device: Option<String>,
    /// The minor.
    pub minor: Option<u32>,
    /// Backing disk (`None` for diskless).
    pub disk: Option<String>,
    /// `internal` or the meta-data device.
    pub meta_disk: Option<String>,
    /// `internal`, `flexible` or the index.
    pub meta_index: Option<String>,
    /// Disk options.
    pub disk_opts: XOpts,
    /// Peer-device options.
    pub pd_opts: XOpts,
    /// Device options.
    pub device_opts: XOpts,
    /// `tiebreaker` (default yes).
    pub tiebreaker: bool,
    /// Line of the volume (or of its host section).
    pub line: u32,
    /// Written as `disk none;` (dump-xml shows it until options are expanded).
    pub disk_none: bool,
    /// The device path was written (not made up from the minor).
    pub device_written: bool,
}

impl XVol {
    /// The minor, or upstream's `-1U` printed as a number.
    pub fn minor_str(&self) -> String {
        match self.minor {
            Some(m) => m.to_string(),
            None => "4294967295".into(),
        }
    }

    /// True if the volume has a backing disk and meta data (upstream's `disk_required`).
    pub fn has_disk(&self) -> bool {
        self.disk.is_some() && self.meta_disk.is_some() && self.meta_index.is_some()
    }

    /// drbdmeta's index argument: `flex-internal`/`flex-external` for `flexible`, else the
    /// index as written (`internal`, `0`, ...).
    pub fn meta_index_arg(&self) -> String {
        let internal = self.meta_disk.as_deref().is_none_or(|m| m == "internal");
        match self.meta_index.as_deref() {
            Some("flexible") if internal => "flex-internal".into(),
            Some("flexible") => "flex-external".into(),
            Some(i) => i.to_string(),
            None => "internal".into(),
        }
    }

    /// The device drbdmeta and attach use for meta data.
    pub fn md_dev(&self) -> &str {
        match self.meta_disk.as_deref() {
            Some("internal") | None => self.disk.as_deref().unwrap_or(""),
            Some(d) => d,
        }
    }
}

/// A host section.
#[derive(Clone, Debug)]
pub struct XHost {
    /// The names it answers to (`on` names; the lower resource's hosts for stacked ones).
    pub names: Vec<String>,
    /// How it was written.
    pub kind: HostKind,
    /// node-id.
    pub node_id: Option<String>,
    /// Its address.
    pub address: Option<Address>,
    /// Volumes, sorted by number.
    pub volumes: Vec<XVol>,
    /// Index of the lower resource, for `stacked-on-top-of`.
    pub lower: Option<usize>,
    /// 8.4-style proxy inside the host.
    pub proxy: Option<Box<ProxyInfo>>,
    /// Line of the section.
    pub line: u32,
    /// Matched as this node.
    pub used_as_me: bool,
}

impl XHost {
    /// The names joined with `sep` (upstream's `names_to_str_c`): `UNKNOWN` for a host
    /// without names, such as the peer a `_peer_node_id` connection implies.
    pub fn joined(&self, sep: &str) -> String {
        if self.names.is_empty() {
            return "UNKNOWN".into();
        }
        self.names.join(sep)
    }

    /// Volume `vnr`.
    pub fn volume(&self, vnr: u32) -> Option<&XVol> {
        self.volumes.iter().find(|v| v.vnr == vnr)
    }
}

/// One endpoint of a path (`hname_address`).
#[derive(Clone, Debug)]
pub struct XEnd {
    /// Host name (or the faked name of an implicit/stacked endpoint).
    pub name: String,
    /// The host section.
    pub host: Option<usize>,
    /// The address used.
    pub address: Option<Address>,
    /// `via outside-address`.
    pub outside: Option<Address>,
    /// Proxy on this endpoint.
    pub proxy: Option<Box<ProxyInfo>>,
    /// True for implicit endpoints with a made-up name.
    pub faked_hostname: bool,
    /// This endpoint is this node.
    pub used_as_me: bool,
    /// Line.
    pub line: u32,
}

/// A path.
#[derive(Clone, Debug)]
pub struct XPath {
    /// Endpoints.
    pub ends: Vec<XEnd>,
    /// Not this node's path (stacked resources).
    pub ignore: bool,
    /// Local address.
    pub my_address: Option<Address>,
    /// Peer's address.
    pub peer_address: Option<Address>,
    /// Where to connect to (a local proxy's inside address, or the peer).
    pub connect_to: Option<Address>,
    /// Local proxy.
    pub my_proxy: Option<Box<ProxyInfo>>,
    /// Peer's proxy.
    pub peer_proxy: Option<Box<ProxyInfo>>,
    /// Written as `host` statements directly in the connection (or made up).
    pub implicit: bool,
}

/// A peer device (`volume N` of a connection).
#[derive(Clone, Debug)]
pub struct XPeerDev {
    /// Volume number.
    pub vnr: u32,
    /// Options.
    pub pd_opts: XOpts,
    /// Created implicitly.
    pub implicit: bool,
}

/// A connection.
#[derive(Clone, Debug)]
pub struct XConn {
    /// Created from two hosts or a mesh.
    pub implicit: bool,
    /// Paths.
    pub paths: Vec<XPath>,
    /// Net options (with `_name` first once the peer is known).
    pub net_opts: XOpts,
    /// Connection-level peer-device options.
    pub pd_opts: XOpts,
    /// Peer devices.
    pub peer_devices: Vec<XPeerDev>,
    /// The peer's host section.
    pub peer: Option<usize>,
    /// Not this node's connection.
    pub ignore: bool,
    /// Line.
    pub line: u32,
}

impl XConn {
    /// Peer device `vnr`.
    pub fn peer_device(&self, vnr: u32) -> Option<&XPeerDev> {
        self.peer_devices.iter().find(|p| p.vnr == vnr)
    }
}

/// A resource as drbdadm acts on it.
#[derive(Clone, Debug)]
pub struct XRes {
    /// Name.
    pub name: String,
    /// File it was defined in.
    pub file: String,
    /// Line of `resource`.
    pub line: u32,
    /// Host sections.
    pub hosts: Vec<XHost>,
    /// Connections.
    pub conns: Vec<XConn>,
    /// `options {}`.
    pub res_opts: XOpts,
    /// `net {}`.
    pub net_opts: XOpts,
    /// Disk options.
    pub disk_opts: XOpts,
    /// Peer-device options.
    pub pd_opts: XOpts,
    /// Device options.
    pub device_opts: XOpts,
    /// `startup {}`.
    pub startup: XOpts,
    /// `handlers {}`.
    pub handlers: XOpts,
    /// `proxy {}`.
    pub proxy_opts: XOpts,
    /// `proxy { plugin { ... } }` lines.
    pub proxy_plugins: Vec<String>,
    /// `stacked-timeouts` was given.
    pub stacked_timeouts: bool,
    /// This node's host section.
    pub me: Option<usize>,
    /// Stacked on this node.
    pub stacked: bool,
    /// Defined with stacked-on-top-of sections.
    pub stacked_on_one: bool,
    /// Not for this node.
    pub ignore: bool,
    /// This node only runs a proxy for it.
    pub proxy_only: bool,
}

impl XRes {
    /// This node's host section.
    pub fn me(&self) -> Option<&XHost> {
        self.me.map(|i| &self.hosts[i])
    }

    /// The connections this node uses.
    pub fn active_conns(&self) -> impl Iterator<Item = &XConn> {
        self.conns.iter().filter(|c| !c.ignore)
    }

    /// The peer host of a connection.
    pub fn peer_of(&self, c: &XConn) -> Option<&XHost> {
        c.peer.map(|i| &self.hosts[i])
    }

    /// `--_name=` value of a connection.
    pub fn conn_name(&self, c: &XConn) -> Option<String> {
        find_opt(&c.net_opts, "_name").and_then(|o| o.value.clone())
    }
}

/// Everything drbdadm knows after expansion.
#[derive(Debug)]
pub struct Expanded {
    /// Resources in config order.
    pub resources: Vec<XRes>,
    /// Upstream-style error lines (each without the trailing newline).
    pub errors: Vec<String>,
}

impl Expanded {
    /// Resource by name.
    pub fn resource(&self, name: &str) -> Option<&XRes> {
        self.resources.iter().find(|r| r.name == name)
    }

    /// Index of a resource.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.resources.iter().position(|r| r.name == name)
    }
}

/// How to match host sections.
pub struct Matcher<'a> {
    /// This node's name.
    pub hostname: &'a str,
    /// The personality.
    pub dialect: Dialect,
    /// Is this address local?
    pub have_ip: &'a dyn Fn(&str, &str) -> bool,
    /// stdin or stdout is not a terminal (scripts, Pacemaker): an unknown `resync-after`
    /// target is dropped instead of making the config invalid.
    pub no_tty: bool,
}

impl Matcher<'_> {
    fn name_matches(&self, names: &[String]) -> bool {
        names.iter().any(|n| self.eq(n, self.hostname))
    }

    fn eq(&self, a: &str, b: &str) -> bool {
        match self.dialect {
            Dialect::V9 => crate::hosts::hostnames_equal(a, b),
            Dialect::V84 => a == b,
        }
    }
}

/// Runs upstream's post-parse and expansion steps.
pub fn expand(cfg: &model::Config, m: &Matcher<'_>, expand_opts_too: bool) -> Expanded {
    expand_with(cfg, m, expand_opts_too, true)
}

/// [`expand`], optionally without resolving peers (`dump` and `dump-xml` show no `_name`
/// and no `bitmap no`, as upstream, where only commands that need a peer resolve it).
pub fn expand_with(
    cfg: &model::Config,
    m: &Matcher<'_>,
    expand_opts_too: bool,
    peers: bool,
) -> Expanded {
    if self_contained(cfg) {
        expand_each(cfg, m, expand_opts_too, peers, true)
    } else {
        expand_together(cfg, m, expand_opts_too, peers)
    }
}

/// The errors of [`expand`] with options, as `sh-nop` reports them. Where every resource
/// can be expanded on its own, each is dropped once checked: a big configuration is never
/// held expanded.
pub fn check(cfg: &model::Config, m: &Matcher<'_>) -> Vec<String> {
    if self_contained(cfg) {
        expand_each(cfg, m, true, true, false).errors
    } else {
        expand_together(cfg, m, true, true).errors
    }
}

/// True if no resource needs another one to be expanded: none is stacked (a stacked
/// resource takes host names, "me" and devices from the one below) and no `resync-after`
/// names another resource (it becomes that resource's minor on this node).
fn self_contained(cfg: &model::Config) -> bool {
    let after = |opts: &[Opt]| opts.iter().any(|o| o.name == "resync-after");
    let common = cfg.common.as_ref().is_some_and(|c| after(&c.opts.disk));
    !common
        && cfg.resources.iter().all(|r| {
            let mut volumes = r
                .volumes
                .iter()
                .chain(r.hosts.iter().flat_map(|h| &h.volumes));
            !r.is_stacked() && !after(&r.opts.disk) && !volumes.any(|v| after(&v.disk_opts))
        })
}

/// [`expand_with`] for self-contained configurations: every step for one resource, then
/// the next resource. Each step's errors still come in resource order, all of a step's
/// before the next step's, as when each step goes over all resources ([`expand_together`]).
/// Without `keep`, only the errors are kept.
fn expand_each(
    cfg: &model::Config,
    m: &Matcher<'_>,
    expand_opts_too: bool,
    peers: bool,
    keep: bool,
) -> Expanded {
    let mut resources = Vec::with_capacity(if keep { cfg.resources.len() } else { 0 });
    let mut steps: [Vec<String>; 6] = Default::default();
    let [converting, connecting, addresses, peer_devices, inheriting, peering] = &mut steps;
    let common = CommonOpts::of(cfg);
    let mut addrs = crate::addrs::AddrCheck::default();
    for res in &cfg.resources {
        let mut r = convert(cfg, res, m.dialect, converting);
        build_connections(cfg, res, &mut r, connecting);
        if m.dialect == Dialect::V9 {
            addrs.add(&r);
        }
        set_me(&mut r, m, &[]);
        fixup_peer_devices(&mut r, peer_devices);
        if expand_opts_too {
            expand_common(common.as_ref(), res, &mut r, m.dialect, inheriting);
            convert_discard(&mut r, m);
        }
        if peers {
            set_peers(&mut r, peering);
            if expand_opts_too {
                add_no_bitmap(&mut r);
                apply_tiebreaker(&mut r);
            }
        }
        if keep {
            shrink(&mut r);
            resources.push(r);
        }
    }
    // Upstream compares addresses only in an otherwise valid configuration.
    if converting.is_empty() && connecting.is_empty() {
        *addresses = addrs.finish();
    }
    Expanded {
        resources,
        errors: steps.concat(),
    }
}

/// [`expand_with`] one step at a time over all resources, for configurations where a
/// resource depends on others.
fn expand_together(
    cfg: &model::Config,
    m: &Matcher<'_>,
    expand_opts_too: bool,
    peers: bool,
) -> Expanded {
    let mut x = Expanded {
        resources: Vec::new(),
        errors: Vec::new(),
    };
    for res in &cfg.resources {
        let r = convert(cfg, res, m.dialect, &mut x.errors);
        x.resources.push(r);
    }
    // Stacked sections answer to the lower resource's host names.
    for i in 0..x.resources.len() {
        for h in 0..x.resources[i].hosts.len() {
            let HostKind::StackedOn(lower) = x.resources[i].hosts[h].kind.clone() else {
                continue;
            };
            match x.index(&lower) {
                Some(li) => {
                    let names: Vec<String> = x.resources[li]
                        .hosts
                        .iter()
                        .filter(|lh| !matches!(lh.kind, HostKind::StackedOn(_)))
                        .flat_map(|lh| lh.names.clone())
                        .collect();
                    let host = &mut x.resources[i].hosts[h];
                    host.names = names;
                    host.lower = Some(li);
                }
                None => {
                    let r = &x.resources[i];
                    x.errors.push(format!(
                        "{}:{}: in resource {}, referenced resource '{}' not defined.",
                        r.file, r.line, r.name, lower
                    ));
                }
            }
        }
    }
    for (i, res) in cfg.resources.iter().enumerate() {
        build_connections(cfg, res, &mut x.resources[i], &mut x.errors);
    }
    if m.dialect == Dialect::V9 && x.errors.is_empty() {
        let mut addrs = crate::addrs::AddrCheck::default();
        for r in &x.resources {
            addrs.add(r);
        }
        x.errors = addrs.finish();
    }
    // "me": plain resources first, then stacked ones (they need the lower's "me").
    for pass in [false, true] {
        for i in 0..x.resources.len() {
            if x.resources[i].stacked_on_one != pass {
                continue;
            }
            // The "me" names of the resources this one is stacked on, as they are now
            // (`None`: not on this node).
            let lower_me: Vec<(usize, Option<Vec<String>>)> = x.resources[i]
                .hosts
                .iter()
                .filter_map(|h| h.lower)
                .map(|l| (l, x.resources[l].me().map(|h| h.names.clone())))
                .collect();
            set_me(&mut x.resources[i], m, &lower_me);
        }
    }
    // Stacked volumes sit on the lower resource's device.
    for i in 0..x.resources.len() {
        if !x.resources[i].stacked_on_one || x.resources[i].ignore {
            continue;
        }
        for h in 0..x.resources[i].hosts.len() {
            let Some(li) = x.resources[i].hosts[h].lower else {
                continue;
            };
            let lower_vols: Vec<(u32, String)> = x.resources[li]
                .hosts
                .iter()
                .find(|lh| lh.lower.is_none())
                .map(|lh| {
                    lh.volumes
                        .iter()
                        .map(|v| {
                            (
                                v.vnr,
                                v.device
                                    .clone()
                                    .unwrap_or_else(|| format!("/dev/drbd{}", v.minor_str())),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            for v in &mut x.resources[i].hosts[h].volumes {
                if let Some((_, dev)) = lower_vols.iter().find(|(n, _)| *n == v.vnr) {
                    v.disk = Some(dev.clone());
                    if v.meta_disk.is_none() {
                        v.meta_disk = Some("internal".into());
                    }
                    if v.meta_index.is_none() {
                        v.meta_index = Some("internal".into());
                    }
                }
            }
        }
    }
    for r in &mut x.resources {
        fixup_peer_devices(r, &mut x.errors);
    }
    if expand_opts_too {
        let common = CommonOpts::of(cfg);
        for (i, res) in cfg.resources.iter().enumerate() {
            expand_common(
                common.as_ref(),
                res,
                &mut x.resources[i],
                m.dialect,
                &mut x.errors,
            );
            convert_discard(&mut x.resources[i], m);
        }
    }
    // Not for dump: upstream converts `resync-after` only when it validates for a command.
    if expand_opts_too && peers {
        convert_after(&mut x, m.no_tty);
    }
    // The peer (and with it `_name`, put first) is found after inheritance, as upstream.
    for r in &mut x.resources {
        if !peers {
            continue;
        }
        set_peers(r, &mut x.errors);
        if expand_opts_too {
            add_no_bitmap(r);
            apply_tiebreaker(r);
        }
    }
    for r in &mut x.resources {
        shrink(r);
    }
    x
}

/// Gives back the spare room of an expanded resource's lists (they grow by pushing and
/// inserting; with many resources the slack would be most of the memory).
fn shrink(x: &mut XRes) {
    for list in [
        &mut x.res_opts,
        &mut x.net_opts,
        &mut x.disk_opts,
        &mut x.pd_opts,
        &mut x.device_opts,
        &mut x.startup,
        &mut x.handlers,
        &mut x.proxy_opts,
    ] {
        list.shrink_to_fit();
    }
    x.proxy_plugins.shrink_to_fit();
    x.hosts.shrink_to_fit();
    for h in &mut x.hosts {
        h.names.shrink_to_fit();
        h.volumes.shrink_to_fit();
        for v in &mut h.volumes {
            v.disk_opts.shrink_to_fit();
            v.pd_opts.shrink_to_fit();
            v.device_opts.shrink_to_fit();
        }
    }
    x.conns.shrink_to_fit();
    for c in &mut x.conns {
        c.paths.shrink_to_fit();
        for p in &mut c.paths {
            p.ends.shrink_to_fit();
        }
        c.net_opts.shrink_to_fit();
        c.pd_opts.shrink_to_fit();
        c.peer_devices.shrink_to_fit();
        for pd in &mut c.peer_devices {
            pd.pd_opts.shrink_to_fit();
        }
    }
}

fn line_of(cfg: &model::Config, span: conf_parser::source::Span) -> u32 {
    cfg.sources.locate(span).1.line
}

fn xvol(cfg: &model::Config, v: &model::Volume) -> XVol {
    let (meta_disk, meta_index) = match v.meta_disk.as_ref().map(|(m, _)| m) {
        Some(MetaDisk::Internal) => (Some("internal".to_string()), Some("internal".to_string())),
        Some(MetaDisk::Flexible(d)) => (Some(d.clone()), Some("flexible".to_string())),
        Some(MetaDisk::Indexed(d, n)) => (Some(d.clone()), Some(n.to_string())),
        None => (None, None),
    };
    XVol {
        vnr: v.vnr,
        implicit: v.implicit,
        device: v.device.as_ref().and_then(|d| d.path.clone()),
        minor: v.device.as_ref().and_then(|d| d.minor),
        disk: v
            .disk
            .as_ref()
            .map(|(d, _)| d.clone().unwrap_or_else(|| "none".into())),
        meta_disk,
        meta_index,
        disk_opts: own(&v.disk_opts),
        pd_opts: own(&v.pd_opts),
        device_opts: own(&v.device_opts),
        tiebreaker: v.tiebreaker.unwrap_or(true),
        line: line_of(cfg, v.span),
        disk_none: false,
        device_written: v.device.as_ref().is_some_and(|d| d.path.is_some()),
    }
}

fn convert(
    cfg: &model::Config,
    res: &model::Resource,
    dialect: Dialect,
    errors: &mut Vec<String>,
) -> XRes {
    let (file, lc) = cfg.sources.locate(res.span);
    let file = file.to_string();
    let resource_volumes: Vec<XVol> = res.volumes.iter().map(|v| xvol(cfg, v)).collect();
    let mut hosts = Vec::with_capacity(res.hosts.len());
    for h in &res.hosts {
        let line = line_of(cfg, h.span);
        let mut volumes = Vec::with_capacity(h.volumes.len() + res.volumes.len());
        volumes.extend(h.volumes.iter().map(|v| xvol(cfg, v)));
        volumes.sort_by_key(|v| v.vnr);
        // inherit_volumes(): resource-level volumes fill in what the host lacks. 8.4 does
        // it while parsing the host section, so it takes only what was written before.
        let before = |sp: Option<conf_parser::source::Span>| {
            dialect != Dialect::V84
                || sp.is_none_or(|sp| sp.file != h.span.file || sp.start < h.span.start)
        };
        for (s, ms) in resource_volumes.iter().zip(&res.volumes) {
            let t = match volumes.iter().position(|v| v.vnr == s.vnr) {
                Some(i) => &mut volumes[i],
                None => {
                    let pos = volumes.partition_point(|v| v.vnr < s.vnr);
                    volumes.insert(
                        pos,
                        XVol {
                            vnr: s.vnr,
                            implicit: s.implicit,
                            device: None,
                            minor: None,
                            disk: None,
                            meta_disk: None,
                            meta_index: None,
                            disk_opts: Vec::new(),
                            pd_opts: Vec::new(),
                            device_opts: Vec::new(),
                            tiebreaker: s.tiebreaker,
                            line: s.line,
                            disk_none: s.disk_none,
                            device_written: s.device_written,
                        },
                    );
                    &mut volumes[pos]
                }
            };
            let device_before = before(ms.device.as_ref().map(|d| d.span));
            if t.disk.is_none() && before(ms.disk.as_ref().map(|d| d.1)) {
                t.disk = s.disk.clone();
                t.disk_none |= s.disk_none;
            }
            if t.device.is_none() && device_before {
                t.device = s.device.clone();
                t.device_written |= s.device_written;
            }
            if t.minor.is_none() && device_before {
                t.minor = s.minor;
            }
            if t.meta_disk.is_none()
                && s.meta_disk.is_some()
                && before(ms.meta_disk.as_ref().map(|m| m.1))
            {
                t.meta_disk = s.meta_disk.clone();
                t.meta_index = s.meta_index.clone();
            }
        }
        let names = h.names();
        // 8.4 reports what a host section lacks while parsing it: named as the file was
        // given, at the line of the section (or of the last block opened inside it), and
        // a floating section by its address as written.
        let (file84, line84, names84) = if dialect == Dialect::V84 {
            let f = cfg.sources.file(h.span.file);
            let shown = match &h.kind {
                HostKind::Floating(a) if a.af == "ipv6" => {
                    vec![format!("ipv6 [{}]:{}", a.addr, a.port)]
                }
                HostKind::Floating(a) => vec![format!("{}:{}", a.addr, a.port)],
                _ => names.clone(),
            };
            (f.given.clone(), section_line84(cfg, h), shown)
        } else {
            (file.clone(), line, names.clone())
        };
        // Floating sections are their address; `_this_host` need not have one.
        let requires_address = matches!(h.kind, HostKind::On(_) | HostKind::StackedOn(_));
        if dialect == Dialect::V84 && requires_address && h.address.is_none() {
            errors.push(format!(
                "{file84}:{line84}: in resource {}, on {} {{ ... }}: 'address' keyword missing.",
                res.name,
                names84.join(" ")
            ));
        }
        // Stacked sections get their disk from the lower resource later.
        let require_minor = !matches!(h.kind, HostKind::ThisHost | HostKind::StackedOn(_));
        for v in &mut volumes {
            if require_minor && dialect == Dialect::V84 {
                // 8.4 wants everything spelled out, even for `disk none`.
                for (what, missing) in [
                    ("device", v.device.is_none() && v.minor.is_none()),
                    ("disk", v.disk.is_none()),
                    ("meta-disk", v.meta_disk.is_none()),
                    ("meta-index", v.meta_index.is_none()),
                ] {
                    if missing {
                        errors.push(format!(
                            "{file84}:{line84}: in resource {}, on {} {{ ... }}: '{what}' keyword missing.",
                            res.name,
                            names84.join(" ")
                        ));
                    }
                }
            } else if require_minor {
                check_volume_complete(&file, line, &res.name, &names, v, errors);
            } else if v.meta_disk.is_none() && v.disk.as_deref().is_some_and(|d| d != "none") {
                v.meta_disk = Some("internal".into());
                v.meta_index = Some("internal".into());
            }
            // expand_common(): `disk none` means no disk and no meta data.
            // (The meta-disk stays for dump-xml; nothing uses it without a disk.)
            if v.disk.as_deref() == Some("none") {
                v.disk_none = true;
                v.disk = None;
            }
            if v.device.is_none() {
                if let Some(m) = v.minor {
                    v.device = Some(format!("/dev/drbd{m}"));
                }
            }
        }
        // 8.4 checks each host section's volumes as it ends (at its closing line).
        if dialect == Dialect::V84
            && require_minor
            && volumes.iter().any(|v| v.implicit)
            && volumes.iter().any(|v| v.vnr != 0)
        {
            let end = h.span.end.saturating_sub(1);
            let end_line = cfg.sources.file(h.span.file).line_col(end).line;
            errors.push(format!(
                "{file84}:{end_line}: in resource {}: you must not mix implicit and explicit volumes",
                res.name
            ));
        }
        hosts.push(XHost {
            names,
            kind: h.kind.clone(),
            node_id: h.node_id.clone(),
            address: match &h.kind {
                HostKind::Floating(a) => Some(a.clone()),
                _ => h.address.clone(),
            },
            volumes,
            lower: None,
            proxy: h.proxy.clone(),
            line,
            used_as_me: false,
        });
    }
    let any_implicit = hosts.iter().flat_map(|h| &h.volumes).any(|v| v.implicit);
    let any_nonzero = hosts.iter().flat_map(|h| &h.volumes).any(|v| v.vnr != 0);
    if any_implicit && any_nonzero && dialect != Dialect::V84 {
        errors.push(format!(
            "{}:{}: in resource {}: you must not mix implicit and explicit volumes",
            file, lc.line, res.name
        ));
    }
    XRes {
        name: res.name.clone(),
        file,
        line: lc.line,
        stacked_on_one: res.is_stacked(),
        hosts,
        conns: Vec::new(),
        res_opts: own(&res.opts.res),
        net_opts: own(&res.opts.net),
        disk_opts: own(&res.opts.disk),
        pd_opts: own(&res.opts.pd),
        device_opts: own(&res.opts.device),
        startup: own(&res.opts.startup),
        handlers: own(&res.opts.handlers),
        proxy_opts: own(&res.opts.proxy),
        proxy_plugins: res.opts.proxy_plugins.clone(),
        stacked_timeouts: res
            .opts
            .startup
            .iter()
            .any(|o| o.name == "stacked-timeouts"),
        me: None,
        stacked: false,
        ignore: false,
        proxy_only: false,
    }
}

/// 8.4's `c_section_start` when a host section ends: the line of the section, or of the
/// last option block opened inside it (`options {`, a volume's `disk {`, a proxy's
/// `options {`), since parsing those blocks moves it.
fn section_line84(cfg: &model::Config, h: &model::Host) -> u32 {
    let text = &cfg.sources.file(h.span.file).text;
    // The `{` before a block's first option.
    let open = |o: &Opt| text.get(..o.span.start as usize).and_then(|t| t.rfind('{'));
    let mut at = h.span.start as usize;
    let mut take = |p: Option<usize>| {
        if let Some(p) = p {
            at = at.max(p);
        }
    };
    take(h.res_opts.first().and_then(open));
    for v in &h.volumes {
        let first = [&v.disk_opts, &v.pd_opts, &v.device_opts]
            .iter()
            .filter_map(|l| l.first())
            .min_by_key(|o| o.span.start);
        take(first.and_then(open));
    }
    if let Some(p) = &h.proxy {
        take(p.options.first().and_then(open));
    }
    cfg.sources.file(h.span.file).line_col(at as u32).line
}

fn check_volume_complete(
    file: &str,
    line: u32,
    res: &str,
    names: &[String],
    v: &mut XVol,
    errors: &mut Vec<String>,
) {
    let mut missing = |what: &str| {
        errors.push(format!(
            "{file}:{line}: in resource {res}, on {} {{ ... }}: '{what}' keyword missing.",
            names.join(" ")
        ))
    };
    if v.device.is_none() && v.minor.is_none() {
        missing("device");
    }
    if (v.disk.is_some() || v.meta_disk.is_some()) && v.disk.as_deref() != Some("none") {
        if v.disk.is_none() {
            missing("disk");
        }
        if v.meta_disk.is_none() {
            v.meta_disk = Some("internal".into());
            v.meta_index = Some("internal".into());
        }
    }
}

/// Upstream's `find_host_info_by_name()` (`hostname_in_list()`: DRBD 9's name rules).
fn host_by_name(names: &[Vec<String>], name: &str) -> Option<usize> {
    names
        .iter()
        .position(|ns| ns.iter().any(|n| crate::hosts::hostnames_equal(n, name)))
}

fn build_connections(
    cfg: &model::Config,
    res: &model::Resource,
    x: &mut XRes,
    errors: &mut Vec<String>,
) {
    // The host sections' names before `_peer_node_id` adds one; only explicit connections
    // and meshes look hosts up by name.
    let names: Vec<Vec<String>> = if res.connections.is_empty() && res.meshes.is_empty() {
        Vec::new()
    } else {
        x.hosts.iter().map(|h| h.names.clone()).collect()
    };
    let names = names.as_slice();
    let file = x.file.clone();
    // Explicit connections.
    for c in &res.connections {
        let line = line_of(cfg, c.span);
        // `_peer_node_id N` (drbdsetup show syntax) stands for a host section of its own.
        let show_peer = c.peer_node_id.as_ref().map(|id| {
            x.hosts.push(XHost {
                names: Vec::new(),
                kind: HostKind::On(Vec::new()),
                node_id: Some(id.clone()),
                address: None,
                volumes: Vec::new(),
                lower: None,
                proxy: None,
                line,
                used_as_me: false,
            });
            x.hosts.len() - 1
        });
        let mut paths = Vec::new();
        for p in &c.paths {
            let mut ends = Vec::new();
            for ha in &p.hosts {
                let hline = line_of(cfg, ha.span);
                let host = if ha.by_address {
                    ha.address.as_ref().and_then(|a| {
                        x.hosts
                            .iter()
                            .position(|h| h.address.as_ref().is_some_and(|b| b.addr == a.addr))
                    })
                } else {
                    host_by_name(names, &ha.name).or_else(|| {
                        // A faked name: the host's names joined by '_'.
                        x.hosts.iter().position(|h| h.joined("_") == ha.name)
                    })
                };
                let name = match (ha.by_address, host) {
                    (true, Some(h)) => x.hosts[h].joined("_"),
                    _ => ha.name.clone(),
                };
                let host = host.or(if ha.name == "_remote_host" {
                    show_peer
                } else {
                    None
                });
                let Some(hi) = host else {
                    if ha.name == "_remote_host" {
                        ends.push(XEnd {
                            name,
                            host: None,
                            address: ha.address.clone(),
                            outside: ha.outside.clone(),
                            proxy: ha.proxy.clone(),
                            faked_hostname: false,
                            used_as_me: false,
                            line: hline,
                        });
                        continue;
                    }
                    errors.push(format!(
                        "{file}:{hline}: in resource {} a hostname (\"{}\") is given\nwith a \"host\" keyword, has no \"address\" keyword, and no matching\nhost section (\"on\" keyword)",
                        x.name, ha.name
                    ));
                    return;
                };
                let mut address = ha.address.clone();
                let hinfo = &x.hosts[hi];
                let mut have_address = true;
                let mut have_port = true;
                match (&mut address, &hinfo.address) {
                    (Some(_), _) => {}
                    (None, Some(ha_addr)) => {
                        let mut a = ha_addr.clone();
                        if let Some(p) = &ha.port {
                            a.port = p.clone();
                        }
                        address = Some(a);
                    }
                    (None, None) => {
                        have_address = false;
                        have_port = ha.port.is_some();
                    }
                }
                if !(have_address && have_port) {
                    errors.push(format!(
                        "{file}:{hline}: Resource {}, host {}: cannot determine which {}{}{} to use",
                        x.name,
                        name,
                        if have_address { "" } else { "address" },
                        if have_address != have_port { "" } else { " and " },
                        if have_port { "" } else { "port" }
                    ));
                }
                ends.push(XEnd {
                    name,
                    host: Some(hi),
                    address,
                    outside: ha.outside.clone(),
                    proxy: ha.proxy.clone(),
                    faked_hostname: false,
                    used_as_me: false,
                    line: hline,
                });
            }
            if ends.len() < 2 && !ends.iter().any(|e| e.name == "_remote_host") {
                errors.push(format!(
                    "{file}:{}: in resource {}:\n\tMissing statement 'host <PEER> '.",
                    line, x.name
                ));
            }
            paths.push(XPath {
                ends,
                ignore: false,
                my_address: None,
                peer_address: None,
                connect_to: None,
                my_proxy: None,
                peer_proxy: None,
                implicit: p.implicit,
            });
        }
        x.conns.push(XConn {
            implicit: false,
            paths,
            net_opts: own(&c.net_opts),
            pd_opts: own(&c.pd_opts),
            peer_devices: c
                .peer_devices
                .iter()
                .map(|p| XPeerDev {
                    vnr: p.vnr,
                    pd_opts: own(&p.pd_opts),
                    implicit: false,
                })
                .collect(),
            peer: show_peer,
            ignore: false,
            line,
        });
    }
    // Meshes: one implicit connection per pair.
    for mesh in &res.meshes {
        let mut idx = Vec::new();
        for n in &mesh.hosts {
            match host_by_name(names, n) {
                Some(i) => idx.push(i),
                None => {
                    errors.push(format!(
                        "{}:{}: in resource {}:\n\tThere is no 'on' section for hostname '{}' named in the connection-mesh",
                        file, x.line, x.name, n
                    ));
                    return;
                }
            }
        }
        for a in 0..idx.len() {
            for b in a + 1..idx.len() {
                if idx[a] == idx[b] {
                    continue;
                }
                // set_host_info_in_host_address_pairs(): a path needs both addresses; the
                // first host of the pair without one is reported, once per pair.
                if let Some(&h) = [idx[a], idx[b]]
                    .iter()
                    .find(|&&h| x.hosts[h].address.is_none())
                {
                    let n = if h == idx[a] { a } else { b };
                    errors.push(format!(
                        "\"connection-mesh\" (for \"{}\") with a host (\"{}\") that has no \"address\" defined",
                        x.name, mesh.hosts[n]
                    ));
                    continue;
                }
                let mut net = Vec::new();
                let mut errs = Vec::new();
                expand_opts(
                    &own(&mesh.net_opts),
                    &mut net,
                    false,
                    &x.name,
                    &file,
                    x.line,
                    &mut errs,
                );
                errors.extend(errs);
                let ends = [idx[a], idx[b]]
                    .iter()
                    .map(|&h| {
                        let host = &x.hosts[h];
                        XEnd {
                            name: host.names.first().cloned().unwrap_or_default(),
                            host: Some(h),
                            address: host.address.clone(),
                            outside: None,
                            proxy: None,
                            faked_hostname: false,
                            used_as_me: false,
                            line: host.line,
                        }
                    })
                    .collect();
                x.conns.push(XConn {
                    implicit: true,
                    paths: vec![XPath {
                        ends,
                        ignore: false,
                        my_address: None,
                        peer_address: None,
                        connect_to: None,
                        my_proxy: None,
                        peer_proxy: None,
                        implicit: true,
                    }],
                    net_opts: net,
                    pd_opts: Vec::new(),
                    peer_devices: Vec::new(),
                    peer: None,
                    ignore: false,
                    line: x.line,
                });
            }
        }
    }
    // Two hosts and no connection: the implicit connection.
    if x.conns.is_empty() {
        if x.hosts.len() > 2 {
            errors.push(format!(
                "Resource {}:\n\tUse explicit 'connection' sections (or a 'connection-mesh' section) with more than two 'on' sections.",
                x.name
            ));
            return;
        }
        let mut ends = Vec::new();
        for (i, h) in x.hosts.iter().enumerate() {
            let Some(a) = &h.address else { continue };
            let stacked = h.lower.is_some();
            ends.push(XEnd {
                name: if stacked {
                    h.joined("_")
                } else {
                    h.names.first().cloned().unwrap_or_default()
                },
                host: Some(i),
                address: Some(a.clone()),
                outside: None,
                proxy: h.proxy.clone(),
                faked_hostname: stacked,
                used_as_me: false,
                line: h.line,
            });
        }
        if x.hosts.len() == 2 {
            x.conns.push(XConn {
                implicit: true,
                paths: vec![XPath {
                    ends,
                    ignore: false,
                    my_address: None,
                    peer_address: None,
                    connect_to: None,
                    my_proxy: None,
                    peer_proxy: None,
                    implicit: true,
                }],
                net_opts: Vec::new(),
                pd_opts: Vec::new(),
                peer_devices: Vec::new(),
                peer: None,
                ignore: false,
                line: x.line,
            });
        }
    }
}

fn set_me(x: &mut XRes, m: &Matcher<'_>, lower_me: &[(usize, Option<Vec<String>>)]) {
    let lower_me_names = |l: usize| {
        lower_me
            .iter()
            .find(|(i, _)| *i == l)
            .and_then(|(_, names)| names.as_deref())
    };
    let mut me = None;
    for (i, h) in x.hosts.iter().enumerate() {
        let matched = match &h.kind {
            HostKind::Floating(a) => (m.have_ip)(&a.af, &a.addr) || a.addr == m.hostname,
            HostKind::StackedOn(_) => h.lower.is_some_and(|l| lower_me_names(l).is_some()),
            HostKind::ThisHost => true,
            HostKind::On(_) => m.name_matches(&h.names),
        };
        if matched && me.is_none() {
            me = Some(i);
        }
    }
    if me.is_none() {
        // A node that only runs a proxy for this resource.
        for c in &x.conns {
            for p in &c.paths {
                for e in &p.ends {
                    if let (Some(proxy), Some(h)) = (&e.proxy, e.host) {
                        if m.name_matches(&proxy.on_hosts) && me.is_none() {
                            me = Some(h);
                            x.proxy_only = true;
                        }
                    }
                }
            }
        }
    }
    let Some(me) = me else {
        x.ignore = true;
        return;
    };
    x.me = Some(me);
    x.hosts[me].used_as_me = true;
    if x.hosts[me].lower.is_some() {
        x.stacked = true;
    }
    let me_addr = &x.hosts[me].address;
    for c in &mut x.conns {
        let mut any_mine = false;
        for p in &mut c.paths {
            let Some(e) = p.ends.iter_mut().find(|e| e.host == Some(me)) else {
                continue;
            };
            any_mine = true;
            // A stacked resource's path that belongs to the other node of the lower resource.
            if !e.faked_hostname {
                if let Some(l) = x.hosts[me].lower {
                    if lower_me_names(l).is_some_and(|names| !names.contains(&e.name)) {
                        p.ignore = true;
                    }
                }
            }
            e.used_as_me = true;
            p.my_address = e.address.as_ref().or(me_addr.as_ref()).cloned();
            p.my_proxy = e.proxy.clone();
        }
        if !any_mine {
            c.ignore = true;
        }
    }
}

fn set_peers(x: &mut XRes, errors: &mut Vec<String>) {
    if x.ignore {
        return;
    }
    for c in &mut x.conns {
        if c.ignore {
            continue;
        }
        for p in &mut c.paths {
            let others: Vec<&XEnd> = p.ends.iter().filter(|e| !e.used_as_me).collect();
            if p.ends.len() < 2 {
                break;
            }
            if others.len() == 1 && p.ends.len() == 2 {
                let cand = others[0];
                if c.peer.is_none() {
                    c.peer = cand.host;
                }
                let peer_addr = c.peer.and_then(|h| x.hosts[h].address.as_ref());
                p.peer_address = cand
                    .outside
                    .as_ref()
                    .or(cand.address.as_ref())
                    .or(peer_addr)
                    .cloned();
                p.peer_proxy = cand.proxy.clone();
                p.connect_to = match &p.my_proxy {
                    Some(proxy) => proxy.inside.clone(),
                    None => p.peer_address.clone(),
                };
            } else {
                errors.push(format!(
                    "{}:{}: in connection in resource {}:\n\tBug in set_peer_in_connection()",
                    x.file, c.line, x.name
                ));
                break;
            }
        }
        // create_implicit_net_options(): `_name` first.
        if find_opt(&c.net_opts, "_name").is_none() {
            if let Some(peer) = c.peer {
                c.net_opts.insert(
                    0,
                    XOpt {
                        name: "_name".into(),
                        // names_to_str_c() of a host without names (drbdsetup show's
                        // peer) says UNKNOWN.
                        value: Some(match x.hosts[peer].joined("_") {
                            n if n.is_empty() => "UNKNOWN".into(),
                            n => n,
                        }),
                        inherited: false,
                    },
                );
            }
        }
    }
}

fn fixup_peer_devices(x: &mut XRes, errors: &mut Vec<String>) {
    for c in &mut x.conns {
        let Some(first) = c.paths.first() else {
            continue;
        };
        for pd in &c.peer_devices {
            for e in &first.ends {
                // drbdsetup show has no host section for the peer.
                if e.name == "_remote_host" {
                    continue;
                }
                let Some(h) = e.host else { continue };
                if x.hosts[h].volume(pd.vnr).is_none() {
                    errors.push(format!(
                        "{}:{}: Resource {}: There is a reference to a volume {} that is not known in this resource on host {}",
                        x.file, c.line, x.name, pd.vnr, e.name
                    ));
                }
            }
        }
        let Some(some_host) = first.ends.first().and_then(|e| e.host) else {
            continue;
        };
        for v in &x.hosts[some_host].volumes {
            if c.peer_device(v.vnr).is_none() {
                c.peer_devices.push(XPeerDev {
                    vnr: v.vnr,
                    pd_opts: Vec::new(),
                    implicit: true,
                });
            }
        }
    }
}

/// Upstream's `expand_opts()`: each option of `from` that `to` lacks goes to the front, so
/// the inherited ones end up reversed before the own ones. Conflicting inherited values are
/// an error.
#[allow(clippy::too_many_arguments)]
/// Proxy plugin lines as options without value (upstream keeps them so and inherits
/// them with the wildcard context).
pub(crate) fn plugin_opts(lines: &[String]) -> XOpts {
    lines
        .iter()
        .map(|l| XOpt {
            name: l.clone(),
            value: None,
            inherited: false,
        })
        .collect()
}

fn expand_opts(
    from: &[XOpt],
    to: &mut XOpts,
    wildcard: bool,
    res: &str,
    file: &str,
    line: u32,
    errors: &mut Vec<String>,
) {
    for o in from {
        match to.iter().find(|t| t.name == o.name) {
            None => to.insert(
                0,
                XOpt {
                    name: o.name.clone(),
                    value: o.value.clone(),
                    inherited: true,
                },
            ),
            Some(existing) if existing.inherited && !wildcard => {
                if !values_equal(&existing.value, &o.value) {
                    errors.push(format!(
                        "{file}:{line}: in resource {res}, ambiguous inheritance for option \"{}\".\nshould be \"{}\" and \"{}\" at the same time.",
                        o.name,
                        existing.value.as_deref().unwrap_or("(null)"),
                        o.value.as_deref().unwrap_or("(null)")
                    ));
                }
            }
            Some(_) => {}
        }
    }
}

fn values_equal(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.eq_ignore_ascii_case(b)
                || matches!(
                    (
                        conf_parser::options::parse_number(a, conf_parser::options::Scale::One),
                        conf_parser::options::parse_number(b, conf_parser::options::Scale::One)
                    ),
                    (Ok(x), Ok(y)) if x == y
                )
        }
        (None, None) => true,
        _ => false,
    }
}

/// `common {}` as every resource inherits it: its option lists converted once.
struct CommonOpts {
    net: XOpts,
    device: XOpts,
    disk: XOpts,
    pd: XOpts,
    startup: XOpts,
    proxy: XOpts,
    plugins: XOpts,
    handlers: XOpts,
    res: XOpts,
    stacked_timeouts: bool,
}

impl CommonOpts {
    fn of(cfg: &model::Config) -> Option<CommonOpts> {
        let c = &cfg.common.as_ref()?.opts;
        Some(CommonOpts {
            net: own(&c.net),
            device: own(&c.device),
            disk: own(&c.disk),
            pd: own(&c.pd),
            startup: own(&c.startup),
            proxy: own(&c.proxy),
            plugins: plugin_opts(&c.proxy_plugins),
            handlers: own(&c.handlers),
            res: own(&c.res),
            stacked_timeouts: c.startup.iter().any(|o| o.name == "stacked-timeouts"),
        })
    }
}

fn expand_common(
    common: Option<&CommonOpts>,
    res: &model::Resource,
    x: &mut XRes,
    dialect: Dialect,
    errors: &mut Vec<String>,
) {
    // drbdadm-84 lets the first inherited value win without asking whether two differ.
    let ambiguity = dialect == Dialect::V9;
    let XRes {
        name,
        file,
        line,
        hosts,
        conns,
        res_opts,
        net_opts,
        disk_opts,
        pd_opts,
        device_opts,
        startup,
        handlers,
        proxy_opts,
        proxy_plugins,
        stacked_timeouts,
        ..
    } = x;
    let mut ex = |from: &[XOpt], to: &mut XOpts, wildcard: bool| {
        expand_opts(from, to, wildcard || !ambiguity, name, file, *line, errors)
    };
    if let Some(c) = common {
        ex(&c.net, net_opts, false);
        ex(&c.device, device_opts, false);
        ex(&c.disk, disk_opts, false);
        ex(&c.pd, pd_opts, false);
        ex(&c.startup, startup, false);
        ex(&c.proxy, proxy_opts, false);
        let mut plugins = plugin_opts(proxy_plugins);
        ex(&c.plugins, &mut plugins, true);
        *proxy_plugins = plugins.into_iter().map(|o| o.name).collect();
        ex(&c.handlers, handlers, false);
        ex(&c.res, res_opts, false);
        if c.stacked_timeouts {
            *stacked_timeouts = true;
        }
    }
    for h in hosts.iter_mut() {
        for v in &mut h.volumes {
            ex(device_opts, &mut v.device_opts, false);
            ex(disk_opts, &mut v.disk_opts, false);
            ex(pd_opts, &mut v.pd_opts, false);
        }
    }
    for rv in &res.volumes {
        let (dev, disk, pd) = (own(&rv.device_opts), own(&rv.disk_opts), own(&rv.pd_opts));
        for h in hosts.iter_mut() {
            if let Some(v) = h.volumes.iter_mut().find(|v| v.vnr == rv.vnr) {
                ex(&dev, &mut v.device_opts, false);
                ex(&disk, &mut v.disk_opts, false);
                ex(&pd, &mut v.pd_opts, false);
            }
        }
    }
    for c in conns.iter_mut() {
        ex(net_opts, &mut c.net_opts, false);
    }
    let plugins = plugin_opts(proxy_plugins);
    for c in conns.iter_mut() {
        for p in &mut c.paths {
            for e in &mut p.ends {
                if let Some(px) = &mut e.proxy {
                    let mut pl = plugin_opts(&px.plugins);
                    ex(&plugins, &mut pl, true);
                    px.plugins = pl.into_iter().map(|o| o.name).collect();
                    let mut o = own(&px.options);
                    ex(proxy_opts, &mut o, false);
                    px.options = o
                        .into_iter()
                        .map(|o| Opt {
                            name: o.name,
                            value: o.value,
                            span: px.span,
                        })
                        .collect();
                }
            }
        }
    }
    for c in conns.iter_mut() {
        let XConn {
            paths,
            pd_opts,
            peer_devices,
            ..
        } = c;
        for pd in peer_devices.iter_mut() {
            ex(pd_opts, &mut pd.pd_opts, false);
        }
        let Some(first) = paths.first() else {
            continue;
        };
        for h in first.ends.iter().filter_map(|e| e.host) {
            for v in &hosts[h].volumes {
                if let Some(pd) = peer_devices.iter_mut().find(|p| p.vnr == v.vnr) {
                    ex(&v.pd_opts, &mut pd.pd_opts, false);
                }
            }
        }
    }
}

fn convert_discard(x: &mut XRes, m: &Matcher<'_>) {
    let fix = |opts: &mut XOpts| {
        if let Some(o) = opts.iter_mut().find(|o| o.name == "after-sb-0pri") {
            if let Some(node) = o
                .value
                .as_deref()
                .and_then(|v| v.strip_prefix("discard-node-"))
            {
                o.value = Some(if node == m.hostname {
                    "discard-local".into()
                } else {
                    "discard-remote".into()
                });
            }
        }
    };
    fix(&mut x.net_opts);
    for c in &mut x.conns {
        fix(&mut c.net_opts);
    }
}

fn add_no_bitmap(x: &mut XRes) {
    for ci in 0..x.conns.len() {
        if x.conns[ci].ignore {
            continue;
        }
        let Some(peer) = x.conns[ci].peer else {
            continue;
        };
        let diskless: Vec<u32> = x.hosts[peer]
            .volumes
            .iter()
            .filter(|v| v.disk.is_none())
            .map(|v| v.vnr)
            .collect();
        for pd in &mut x.conns[ci].peer_devices {
            if diskless.contains(&pd.vnr) {
                pd.pd_opts.push(XOpt {
                    name: "bitmap".into(),
                    value: Some("no".into()),
                    inherited: false,
                });
            }
        }
    }
}

fn apply_tiebreaker(x: &mut XRes) {
    for ci in 0..x.conns.len() {
        if x.conns[ci].ignore {
            continue;
        }
        let Some(peer) = x.conns[ci].peer else {
            continue;
        };
        let no_tb: Vec<u32> = x.hosts[peer]
            .volumes
            .iter()
            .filter(|v| !v.tiebreaker)
            .map(|v| v.vnr)
            .collect();
        for pd in &mut x.conns[ci].peer_devices {
            if no_tb.contains(&pd.vnr) && find_opt(&pd.pd_opts, "peer-tiebreaker").is_none() {
                pd.pd_opts.push(XOpt {
                    name: "peer-tiebreaker".into(),
                    value: Some("no".into()),
                    inherited: false,
                });
            }
        }
    }
}

/// Upstream's `convert_after_option()`: `resync-after RES[/VOL]` becomes the minor of that
/// volume, for this node's volumes.
fn convert_after(x: &mut Expanded, no_tty: bool) {
    // (name, ignored, this node's volumes as (vnr, minor))
    type Known = (String, bool, Vec<(u32, String)>);
    let index: Vec<Known> = x
        .resources
        .iter()
        .map(|r| {
            let vols = r
                .me()
                .map(|h| h.volumes.iter().map(|v| (v.vnr, v.minor_str())).collect())
                .unwrap_or_default();
            (r.name.clone(), r.ignore, vols)
        })
        .collect();
    let mut errors = Vec::new();
    for r in &mut x.resources {
        let Some(me) = r.me else { continue };
        let (file, line, name) = (r.file.clone(), r.line, r.name.clone());
        for v in &mut r.hosts[me].volumes {
            let mut keep = Vec::new();
            for mut o in std::mem::take(&mut v.disk_opts) {
                if o.name != "resync-after" {
                    keep.push(o);
                    continue;
                }
                let target = o.value.clone().unwrap_or_default();
                let (rname, vnr) = match target.rsplit_once('/') {
                    Some((a, b)) => (a, b.parse::<u32>().ok()),
                    None => (target.as_str(), None),
                };
                let found = index.iter().find(|(n, _, _)| n == rname);
                let minor = found.and_then(|(_, ignore, vols)| {
                    if *ignore {
                        return None;
                    }
                    match vnr {
                        Some(n) => vols.iter().find(|(vn, _)| *vn == n).map(|(_, m)| m.clone()),
                        None if vols.len() == 1 => Some(vols[0].1.clone()),
                        None => None,
                    }
                });
                if let (None, Some((_, false, vols))) = (&minor, found) {
                    if vnr.is_none() && vols.len() > 1 {
                        errors.push(format!(
                            "{file}:{line}: in resource {name}:\n\tresync-after contains '{target}', which is ambiguous, since it contains {} volumes",
                            vols.len()
                        ));
                        keep.push(o);
                        continue;
                    }
                }
                match minor {
                    Some(m) => {
                        o.value = Some(m);
                        keep.push(o);
                    }
                    None => {
                        let msg = format!(
                            "{file}:{line}: in resource {name}:\n\tresource '{target}' mentioned in 'resync-after' option is not known{}.",
                            if found.is_some() { " on this host" } else { "" }
                        );
                        if no_tty {
                            // Pacemaker runs drbdadm without a terminal: a stale reference
                            // must not stop every resource (upstream drops it, too).
                            eprintln!("{msg}");
                        } else {
                            errors.push(msg);
                            keep.push(o);
                        }
                    }
                }
            }
            v.disk_opts = keep;
        }
    }
    x.errors.extend(errors);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every configuration of the repository's fixtures (seeds and lint rules), and of
    /// drbd-utils' tests when `DRBD_UTILS_TESTS_DIR` names them.
    fn fixtures() -> Vec<std::path::PathBuf> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "res" || x == "conf") {
                    out.push(p);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
        let mut out = Vec::new();
        walk(&root, &mut out);
        if let Some(dir) = std::env::var_os("DRBD_UTILS_TESTS_DIR") {
            walk(std::path::Path::new(&dir), &mut out);
        }
        out.sort();
        out
    }

    const ERRORS: &str = r#"
common { net { protocol C; } disk { resync-rate 10M; c-max-rate 1M; } }
resource ok {
  net { protocol A; }
  on alpha { device /dev/drbd1; disk /dev/a; meta-disk internal; address 10.0.0.1:7000; }
  on bravo { device /dev/drbd1; disk /dev/a; meta-disk internal; address 10.0.0.2:7000; }
}
resource nodevice {
  on alpha { disk /dev/b; meta-disk internal; address 10.0.0.1:7001; }
  on bravo { device minor 2; disk /dev/b; address 10.0.0.2:7001; }
}
resource three {
  device minor 3; disk /dev/c; meta-disk internal;
  on alpha { node-id 0; address 10.0.0.1:7002; }
  on bravo { node-id 1; address 10.0.0.2:7002; }
  on charlie { node-id 2; address 10.0.0.3:7002; }
}
resource stranger {
  device minor 4; disk /dev/d; meta-disk internal;
  on alpha { node-id 0; address 10.0.0.1:7003; }
  on bravo { node-id 1; address 10.0.0.2:7003; }
  connection { host alpha; host zulu; }
}
resource volumes {
  disk { c-max-rate 2M; }
  volume 0 { device minor 5; disk /dev/e; meta-disk internal; }
  on alpha { node-id 0; address 10.0.0.1:7004; }
  on bravo { node-id 1; address 10.0.0.2:7004; }
  connection { host alpha; host bravo; volume 7 { disk { resync-rate 1M; } } }
}
resource mesh {
  device minor 6; disk /dev/f; meta-disk internal;
  on alpha { node-id 0; address 10.0.0.1:7005; }
  on bravo { node-id 1; address 10.0.0.2:7005; }
  on charlie { node-id 2; address 10.0.0.3:7005; }
  connection-mesh { hosts alpha bravo charlie delta; }
}
resource diskless {
  on alpha { device minor 7; disk none; address 10.0.0.1:7006; }
  on bravo { device minor 7; disk /dev/g; meta-disk internal; address 10.0.0.2:7006; }
}
resource ambiguous {
  on alpha {
    volume 0 { device minor 8; disk /dev/h; meta-disk internal; disk { c-max-rate 1M; } }
    address 10.0.0.1:7007;
  }
  on bravo {
    volume 0 { device minor 8; disk /dev/h; meta-disk internal; disk { c-max-rate 2M; } }
    address 10.0.0.2:7007;
  }
}
"#;

    /// Expanding resource by resource gives what expanding step by step over all resources
    /// gives, errors in the same order, for every fixture, node and mode.
    #[test]
    fn each_resource_on_its_own_is_the_same_as_all_together() {
        let mut configs: Vec<(String, String)> = fixtures()
            .iter()
            .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?)))
            .collect();
        configs.push(("errors".into(), ERRORS.into()));
        let mut compared = 0;
        for (name, text) in &configs {
            for dialect in [Dialect::V9, Dialect::V84] {
                let cfg =
                    conf_parser::parse_str(name, text, &conf_parser::ParseOptions::new(dialect));
                if !self_contained(&cfg) {
                    continue;
                }
                let mut nodes: Vec<String> = cfg
                    .resources
                    .iter()
                    .flat_map(|r| &r.hosts)
                    .flat_map(|h| h.names())
                    .collect();
                nodes.push("nobody".into());
                for node in &nodes {
                    let m = Matcher {
                        hostname: node,
                        dialect,
                        have_ip: &|_, _| false,
                        no_tty: true,
                    };
                    for (opts, peers) in
                        [(true, true), (true, false), (false, true), (false, false)]
                    {
                        let together = expand_together(&cfg, &m, opts, peers);
                        let each = expand_each(&cfg, &m, opts, peers, true);
                        assert_eq!(
                            format!("{each:?}"),
                            format!("{together:?}"),
                            "{name} on {node}"
                        );
                        let errors = expand_each(&cfg, &m, opts, peers, false).errors;
                        assert_eq!(errors, together.errors, "{name} on {node}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 200, "only {compared} comparisons");
        let cfg = conf_parser::parse_str(
            "errors",
            ERRORS,
            &conf_parser::ParseOptions::new(Dialect::V9),
        );
        let m = Matcher {
            hostname: "alpha",
            dialect: Dialect::V9,
            have_ip: &|_, _| false,
            no_tty: true,
        };
        assert!(check(&cfg, &m).len() >= 5, "{:?}", check(&cfg, &m));
    }
}
