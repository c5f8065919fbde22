//! Composes drbd.conf configurations from the grammar's parts: global and common sections,
//! 8.4-style two-host resources, DRBD 9 resources with node ids, volumes, connections,
//! paths and meshes, floating and stacked resources, `_this_host`, proxies, every address
//! family and `meta-disk` form, handlers, and layouts over several files with `include`.
//! A [`Fault`] makes the config wrong in one deliberate way.

use std::collections::BTreeSet;

use super::fault::Fault;
use super::options::{self, Block, Ctx, Want};
use super::rng::Rng;

/// Where `-c` and absolute includes point; replaced by the case directory when written.
pub const CASE_DIR: &str = "@CASEDIR@";

/// One generated configuration and what the command generator needs to know about it.
#[derive(Clone, Debug)]
pub struct Config {
    /// Files relative to the case directory, with their text.
    pub files: Vec<(String, String)>,
    /// The `-c` argument (relative to the case directory, or under [`CASE_DIR`]).
    pub main: String,
    /// Host names to run as (`__DRBD_NODE__`), the config's own and one it does not know.
    pub nodes: Vec<String>,
    /// The resources, in file order.
    pub resources: Vec<ResInfo>,
    /// The grammar parts used, for the report and the known-differences selectors.
    pub tags: BTreeSet<&'static str>,
    /// The deliberate mistake, if any.
    pub fault: Option<Fault>,
}

/// What the commands address in a resource.
#[derive(Clone, Debug)]
pub struct ResInfo {
    /// The resource name.
    pub name: String,
    /// Volume numbers (0 for an implicit volume).
    pub vnrs: Vec<u32>,
    /// Stacked on another resource.
    pub stacked: bool,
    /// The host names in its `on` sections.
    pub hosts: Vec<String>,
}

/// Host-name pools: short names, a test suite's, FQDNs.
const HOST_POOLS: &[&[&str]] = &[
    &["alpha", "bravo", "charlie", "delta"],
    &["node1", "node2", "node3", "node4"],
    &["undertest", "peer", "witness", "extra"],
    &[
        "fs-a.example.com",
        "fs-b.example.com",
        "fs-c.example.com",
        "fs-d.example.com",
    ],
];

const RES_NAMES: &[&str] = &[
    "r0", "r1", "data", "web-01", "db_main", "vol.x", "r2", "export",
];

/// The kinds of resource the composer writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `on A {..} on B {..}` without node ids, valid for 8.4 and 9.
    TwoHost,
    /// DRBD 9: node ids, 2-4 hosts, volumes, connections.
    Multi,
    /// `floating ADDR:PORT { .. }` sections.
    Floating,
    /// A lower resource and one stacked on it.
    Stacked,
    /// `drbdsetup show` syntax: `_this_host` and `_remote_host`.
    ThisHost,
}

/// Address families and their spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Af {
    Bare,
    V4,
    V6,
    V6Scope,
    V6Mapped,
    Ssocks,
    Sdp,
}

/// The state of one composition.
pub struct Composer {
    rng: Rng,
    want: Want,
    fault: Option<Fault>,
    hosts: Vec<String>,
    /// Host 0 is 127.0.0.1, which passes upstream's local-IP check.
    local_first: bool,
    next_minor: u32,
    next_port: u16,
    tags: BTreeSet<&'static str>,
    resources: Vec<ResInfo>,
    /// Minors, disks and addresses of the first resource, for the duplicate faults.
    first: Option<FirstRes>,
}

#[derive(Clone, Debug)]
struct FirstRes {
    minor: u32,
    disk: String,
    port: u16,
    meta: Option<(String, u32)>,
}

impl Composer {
    /// A composer for config number `n` of the corpus with seed `rng`.
    pub fn new(rng: Rng, fault: Option<Fault>) -> Composer {
        let mut rng = rng;
        let want = if rng.chance(45) { Want::Both } else { Want::V9 };
        let pool = *rng.pick(HOST_POOLS);
        let hosts = pool.iter().map(|s| s.to_string()).collect();
        let local_first = rng.chance(25);
        let next_minor = *rng.pick(&[0u32, 1, 10, 100]);
        let next_port = *rng.pick(&[7788u16, 7000, 7789]);
        Composer {
            rng,
            want,
            fault,
            hosts,
            local_first,
            next_minor,
            next_port,
            tags: BTreeSet::new(),
            resources: Vec::new(),
            first: None,
        }
    }

    fn tag(&mut self, t: &'static str) {
        self.tags.insert(t);
    }

    fn has_fault(&self, f: Fault) -> bool {
        self.fault == Some(f)
    }

    /// Composes the whole configuration.
    pub fn compose(mut self) -> Config {
        let global = self.global();
        let common = self.common();
        let nres = 1 + self.rng.below(3) as usize;
        let mut bodies: Vec<(String, String)> = Vec::new();
        let mut used_names = Vec::new();
        for i in 0..nres {
            let mut name =
                RES_NAMES[(i + self.rng.below(3) as usize) % RES_NAMES.len()].to_string();
            while used_names.contains(&name) {
                name.push('x');
            }
            if i == 1 && self.has_fault(Fault::DupResourceName) {
                name = used_names[0].clone();
            }
            used_names.push(name.clone());
            let kind = self.kind(i);
            let text = match kind {
                Kind::TwoHost => self.two_host(&name),
                Kind::Multi => self.multi(&name),
                Kind::Floating => self.floating(&name),
                Kind::Stacked => self.stacked(&name),
                Kind::ThisHost => self.this_host(&name),
            };
            bodies.push((name, text));
        }
        // Faults that need a second resource get one.
        if self.fault.is_some_and(Fault::needs_two) && nres == 1 {
            let name = format!("{}-2", used_names[0]);
            let name = if self.has_fault(Fault::DupResourceName) {
                used_names[0].clone()
            } else {
                name
            };
            let text = self.two_host(&name);
            bodies.push((name, text));
        }
        let (files, main) = self.layout(global, common, bodies);
        let mut nodes: Vec<String> = self.hosts.iter().take(self.used_hosts()).cloned().collect();
        if let Some(h) = nodes.first().cloned() {
            if self.rng.chance(20) {
                // Case and domain variants: DRBD 9 matches them, 8.4 does not.
                let v = match h.split_once('.') {
                    Some((short, _)) => short.to_string(),
                    None => h.to_uppercase(),
                };
                nodes.push(v);
            }
        }
        nodes.push("nosuchhost".into());
        Config {
            files,
            main,
            nodes,
            resources: self.resources,
            tags: self.tags,
            fault: self.fault,
        }
    }

    fn used_hosts(&self) -> usize {
        self.resources
            .iter()
            .flat_map(|r| r.hosts.iter())
            .filter_map(|h| self.hosts.iter().position(|x| x == h))
            .max()
            .map_or(2, |m| m + 1)
    }

    fn kind(&mut self, i: usize) -> Kind {
        if self.want == Want::Both {
            return match self.rng.below(10) {
                0 => Kind::Floating,
                1 if i == 0 => Kind::Stacked,
                _ => Kind::TwoHost,
            };
        }
        match self.rng.below(12) {
            0 => Kind::Floating,
            1 if i == 0 => Kind::Stacked,
            2 => Kind::ThisHost,
            3 | 4 => Kind::TwoHost,
            _ => Kind::Multi,
        }
    }

    // ---- global and common ---------------------------------------------------------------

    fn global(&mut self) -> Option<String> {
        if !self.rng.chance(70) && !self.has_fault(Fault::DupGlobal) {
            return None;
        }
        self.tag("global");
        let mut lines = Vec::new();
        lines.push(format!(
            "usage-count {};",
            self.rng.pick(&["no", "yes", "ask"])
        ));
        if self.rng.chance(30) {
            lines.push(format!("minor-count {};", self.rng.range(1, 255)));
        }
        if self.rng.chance(20) {
            lines.push(format!("dialog-refresh {};", self.rng.range(0, 600)));
        }
        if self.rng.chance(30) {
            self.tag("disable-ip-verification");
            lines.push("disable-ip-verification;".into());
        }
        if self.rng.chance(20) {
            self.tag("udev-always-use-vnr");
            lines.push("udev-always-use-vnr;".into());
        }
        if self.rng.chance(15) {
            let which = self.rng.pick(&["short", "medium", "long"]);
            lines.push(format!("cmd-timeout-{which} {};", self.rng.range(0, 900)));
        }
        self.rng.shuffle(&mut lines);
        let mut text = block("global", &lines, 0);
        if self.has_fault(Fault::DupGlobal) {
            text.push_str("global {\n\tusage-count no;\n}\n");
        }
        Some(text)
    }

    fn common(&mut self) -> Option<String> {
        if !self.rng.chance(60) {
            return None;
        }
        self.tag("common");
        let hosts: Vec<String> = self.hosts.iter().take(2).cloned().collect();
        let ctx = Ctx {
            other_resources: &[],
            hosts: &hosts,
        };
        let mut parts = Vec::new();
        if self.want == Want::Both && self.rng.chance(30) {
            parts.push(format!("protocol {};", self.rng.pick(&["A", "B", "C"])));
        }
        for b in [
            Block::Net,
            Block::Disk,
            Block::Startup,
            Block::Resource,
            Block::Handlers,
        ] {
            if self.rng.chance(45) {
                let n = 1 + self.rng.below(3) as usize;
                let lines = options::lines(&mut self.rng, b, self.want, n, &ctx);
                if !lines.is_empty() {
                    self.tag("common-options");
                    parts.push(block(b.keyword(), &lines, 1));
                }
            }
        }
        if self.want == Want::Both && self.rng.chance(15) {
            self.tag("syncer");
            parts.push(block("syncer", &self.syncer_lines(), 1));
        }
        Some(block_raw("common", &parts, 0))
    }

    // ---- resources ----------------------------------------------------------------------

    /// Resource-level sections (net, disk, options, startup, handlers, proxy), one block
    /// per keyword; a fault's lines join the block they belong to.
    fn sections(&mut self, hosts: &[String]) -> Vec<String> {
        let others: Vec<String> = self.resources.iter().map(|r| r.name.clone()).collect();
        let ctx = Ctx {
            other_resources: &others,
            hosts,
        };
        // (keyword, lines) in output order.
        let mut blocks: Vec<(&'static str, Vec<String>)> = Vec::new();
        let mut kinds = vec![
            Block::Net,
            Block::Disk,
            Block::Resource,
            Block::Startup,
            Block::Handlers,
        ];
        if self.rng.chance(8) {
            kinds.push(Block::Proxy);
        }
        for b in kinds {
            if !self.rng.chance(40) {
                continue;
            }
            let n = 1 + self.rng.below(3) as usize;
            let mut lines = options::lines(&mut self.rng, b, self.want, n, &ctx);
            if b == Block::Proxy {
                self.tag("proxy");
                if self.rng.chance(50) {
                    lines.push(
                        block("plugin", &["zstd level 4;".into()], 2)
                            .trim_end()
                            .to_string(),
                    );
                }
            }
            if lines.is_empty() {
                continue;
            }
            self.tag(match b {
                Block::Net => "net",
                Block::Disk => "disk-options",
                Block::Resource => "resource-options",
                Block::Startup => "startup",
                Block::Handlers => "handlers",
                _ => "proxy",
            });
            blocks.push((b.keyword(), lines));
        }
        let add =
            |blocks: &mut Vec<(&'static str, Vec<String>)>, kw: &'static str, line: String| {
                match blocks.iter_mut().find(|(k, _)| *k == kw) {
                    Some((_, l)) => l.push(line),
                    None => blocks.push((kw, vec![line])),
                }
            };
        match self.fault {
            Some(Fault::DupOption) => {
                let (kw, first) = match blocks.first() {
                    Some((kw, l)) => (*kw, l[0].clone()),
                    None => ("net", "max-buffers 2048;".to_string()),
                };
                add(&mut blocks, kw, first.clone());
                add(&mut blocks, kw, first);
            }
            Some(Fault::OutOfRange) => {
                let (kw, l) = *self.rng.pick(&[
                    ("net", "max-buffers 99999999999;"),
                    ("disk", "al-extents 99999999;"),
                    ("disk", "resync-rate 99G;"),
                    ("disk", "c-plan-ahead 301;"),
                    ("startup", "wfc-timeout -5;"),
                ]);
                add(&mut blocks, kw, l.to_string());
            }
            Some(Fault::BadSuffix) => {
                let l =
                    *self
                        .rng
                        .pick(&["resync-rate 10Q;", "c-max-rate 100MB;", "al-extents 1x;"]);
                add(&mut blocks, "disk", l.to_string());
            }
            Some(Fault::UnknownOption) => {
                let (kw, l) = *self.rng.pick(&[
                    ("net", "no-such-option yes;"),
                    ("net", "protcol C;"),
                    ("disk", "al-extends 257;"),
                ]);
                add(&mut blocks, kw, l.to_string());
            }
            Some(Fault::WrongSection) => {
                let (kw, l) = *self.rng.pick(&[
                    ("disk", "protocol C;"),
                    ("net", "al-extents 257;"),
                    ("options", "wfc-timeout 10;"),
                    ("startup", "on-io-error detach;"),
                ]);
                add(&mut blocks, kw, l.to_string());
            }
            Some(Fault::BadEnum) => add(&mut blocks, "disk", "on-io-error explode;".into()),
            Some(Fault::LongString) => add(
                &mut blocks,
                "net",
                format!("shared-secret {};", "s".repeat(70)),
            ),
            Some(Fault::UnknownResyncAfter) => {
                add(&mut blocks, "disk", "resync-after nosuchres;".into())
            }
            Some(Fault::ThreeErrors) => {
                add(&mut blocks, "net", "protcol C;".into());
                add(&mut blocks, "disk", "al-extents 99999999;".into());
            }
            _ => {}
        }
        let mut parts: Vec<String> = blocks.iter().map(|(kw, l)| block(kw, l, 1)).collect();
        if self.has_fault(Fault::DupSection) {
            let kw = blocks.first().map_or("net", |(k, _)| *k);
            parts.push(block(kw, &[], 1));
        }
        parts
    }

    fn syncer_lines(&mut self) -> Vec<String> {
        let mut v = vec![format!("rate {}M;", self.rng.range(1, 100))];
        if self.rng.chance(50) {
            v.push(format!("al-extents {};", self.rng.range(7, 3833)));
        }
        if self.rng.chance(30) {
            v.push(format!(
                "verify-alg {};",
                self.rng.pick(&["md5", "sha1", "crc32c"])
            ));
        }
        if self.rng.chance(30) {
            v.push("csums-alg md5;".into());
        }
        v
    }

    fn af(&mut self) -> Af {
        match self.rng.below(20) {
            0..=5 => Af::Bare,
            6..=12 => Af::V4,
            13 | 14 => Af::V6,
            15 => Af::V6Scope,
            16 => Af::V6Mapped,
            17 => Af::Ssocks,
            18 => Af::Sdp,
            _ => Af::V4,
        }
    }

    /// The address of host `i` on `port`.
    fn addr(&mut self, af: Af, i: usize, port: u16, second: bool) -> String {
        let net = if second { 2 } else { 1 };
        let v4 = if i == 0 && self.local_first && !second {
            "127.0.0.1".to_string()
        } else {
            format!("10.{net}.1.{}", i + 1)
        };
        match af {
            Af::Bare => {
                self.tag("ipv4");
                format!("{v4}:{port}")
            }
            Af::V4 => {
                self.tag("ipv4");
                format!("ipv4 {v4}:{port}")
            }
            Af::V6 => {
                self.tag("ipv6");
                if i == 0 && self.local_first && !second {
                    format!("ipv6 [::1]:{port}")
                } else {
                    format!("ipv6 [fd00:{net}::{}]:{port}", i + 1)
                }
            }
            Af::V6Scope => {
                self.tag("ipv6-scope");
                format!("ipv6 [fe80::{}%eth{net}]:{port}", i + 1)
            }
            Af::V6Mapped => {
                self.tag("ipv6-mapped");
                format!("ipv6 [::ffff:10.{net}.1.{}]:{port}", i + 1)
            }
            Af::Ssocks => {
                self.tag("ssocks");
                format!("ssocks {v4}:{port}")
            }
            Af::Sdp => {
                self.tag("sdp");
                format!("sdp {v4}:{port}")
            }
        }
    }

    fn port(&mut self) -> u16 {
        let p = self.next_port;
        self.next_port += 1;
        if self.has_fault(Fault::DupAddress) {
            if let Some(f) = &self.first {
                return f.port;
            }
        }
        p
    }

    fn minor(&mut self) -> u32 {
        let m = self.next_minor;
        self.next_minor += 1;
        if self.has_fault(Fault::DupMinor) {
            if let Some(f) = &self.first {
                return f.minor;
            }
        }
        m
    }

    fn device(&mut self, minor: u32) -> String {
        match self.rng.below(10) {
            0..=4 => format!("device /dev/drbd{minor};"),
            5 | 6 => {
                self.tag("device-minor");
                format!("device minor {minor};")
            }
            7 => format!("device /dev/drbd{minor} minor {minor};"),
            8 => {
                self.tag("device-short");
                format!("device drbd{minor};")
            }
            _ => {
                self.tag("device-named");
                format!("device /dev/drbd_v{minor} minor {minor};")
            }
        }
    }

    fn disk_path(&mut self, res: &str, vnr: u32) -> String {
        if self.has_fault(Fault::DupDisk) {
            if let Some(f) = &self.first {
                return f.disk.clone();
            }
        }
        match self.rng.below(6) {
            0 => format!("/dev/disk/by-id/{res}-{vnr}"),
            1 => format!("\"/dev/vg0/{res}_{vnr}\""),
            _ => format!("/dev/vg0/{res}-{vnr}"),
        }
    }

    /// meta-disk statement (or none), and the (device, index) of an indexed one.
    fn meta(&mut self, res: &str, vnr: u32) -> (Option<String>, Option<(String, u32)>) {
        if self.has_fault(Fault::DupMetaIndex) {
            if let Some(FirstRes {
                meta: Some((d, i)), ..
            }) = &self.first
            {
                return (Some(format!("meta-disk {d} [{i}];")), Some((d.clone(), *i)));
            }
            let idx = self.resources.len() as u32;
            self.tag("meta-indexed");
            let _ = idx;
            return (
                Some("meta-disk /dev/vg0/meta [0];".into()),
                Some(("/dev/vg0/meta".into(), 0)),
            );
        }
        match self.rng.below(12) {
            0..=3 => (Some("meta-disk internal;".into()), None),
            4 => (None, None),
            5 | 6 => {
                self.tag("meta-flexible");
                (Some(format!("meta-disk /dev/vg0/{res}-meta{vnr};")), None)
            }
            7 | 8 => {
                self.tag("meta-indexed");
                let idx = self.rng.range(0, 7) as u32;
                let dev = "/dev/vg0/meta".to_string();
                let spacing = self.rng.pick(&["[", " [", " [ "]).to_string();
                let close = if spacing.ends_with(' ') { " ]" } else { "]" };
                (
                    Some(format!("meta-disk {dev}{spacing}{idx}{close};")),
                    Some((dev, idx)),
                )
            }
            9 => {
                self.tag("flexible-meta-disk");
                (
                    Some(format!("flexible-meta-disk /dev/vg0/{res}-fmeta{vnr};")),
                    None,
                )
            }
            10 => {
                self.tag("flexible-meta-disk");
                (Some("flexible-meta-disk internal;".into()), None)
            }
            _ => (Some("meta-disk \"internal\";".into()), None),
        }
    }

    /// The device/disk/meta-disk lines of one volume.
    fn volume_lines(&mut self, res: &str, vnr: u32, minor: u32, diskless: bool) -> Vec<String> {
        let mut v = Vec::new();
        if !(self.has_fault(Fault::MissingDevice) && self.first.is_none()) {
            v.push(self.device(minor));
        }
        let disk = if diskless {
            self.tag("diskless");
            "none".to_string()
        } else {
            self.disk_path(res, vnr)
        };
        if !(self.has_fault(Fault::MissingDisk) && self.first.is_none()) {
            v.push(format!("disk {disk};"));
        }
        let (meta, indexed) = if diskless {
            (None, None)
        } else {
            self.meta(res, vnr)
        };
        if let Some(m) = meta {
            v.push(m);
        }
        if self.first.is_none() {
            self.first = Some(FirstRes {
                minor,
                disk,
                port: 0,
                meta: indexed,
            });
        }
        if self.rng.chance(10) && self.want == Want::V9 {
            self.tag("volume-disk-options");
            let ctx = Ctx {
                other_resources: &[],
                hosts: &[],
            };
            let lines = options::lines(&mut self.rng, Block::VolumeDisk, self.want, 1, &ctx);
            if !lines.is_empty() {
                v.push(block("disk", &lines, 2).trim_end().to_string());
            }
        }
        v
    }

    fn record(&mut self, name: &str, vnrs: Vec<u32>, stacked: bool, hosts: Vec<String>) {
        self.resources.push(ResInfo {
            name: name.to_string(),
            vnrs,
            stacked,
            hosts,
        });
    }

    fn set_first_port(&mut self, port: u16) {
        if let Some(f) = &mut self.first {
            if f.port == 0 {
                f.port = port;
            }
        }
    }

    /// An 8.4-style resource: two `on` sections, device/disk at resource or host level.
    fn two_host(&mut self, name: &str) -> String {
        self.tag("two-host");
        let hosts: Vec<String> = self.hosts[..2].to_vec();
        let af = self.af();
        let port = self.port();
        let mut body = Vec::new();
        if self.rng.chance(40) {
            body.push(format!("protocol {};", self.rng.pick(&["A", "B", "C"])));
        }
        let volumes = self.want == Want::V9 && self.rng.chance(30) || self.rng.chance(10);
        let vnrs: Vec<u32> = if volumes {
            self.tag("volumes");
            let n = 1 + self.rng.below(3) as u32;
            let step = *self.rng.pick(&[1u32, 1, 2, 5]);
            (0..n).map(|i| i * step).collect()
        } else {
            vec![0]
        };
        let minors: Vec<u32> = vnrs.iter().map(|_| self.minor()).collect();
        let res_level = self.rng.chance(50);
        if res_level {
            self.tag("resource-level-volume");
            for (k, &vnr) in vnrs.iter().enumerate() {
                let lines = self.volume_lines(name, vnr, minors[k], false);
                if volumes {
                    body.push(
                        block(&format!("volume {vnr}"), &lines, 1)
                            .trim_end()
                            .to_string(),
                    );
                } else {
                    body.extend(lines);
                }
            }
            if self.has_fault(Fault::MixedVolumes) {
                body.push(
                    block(
                        "volume 9",
                        &["device minor 99;".into(), "disk /dev/vg0/mixed;".into()],
                        1,
                    )
                    .trim_end()
                    .to_string(),
                );
            }
        }
        if self.want == Want::Both && self.rng.chance(20) {
            self.tag("syncer");
            body.push(
                block("syncer", &self.syncer_lines(), 1)
                    .trim_end()
                    .to_string(),
            );
        }
        body.extend(
            self.sections(&hosts)
                .into_iter()
                .map(|s| s.trim_end().to_string()),
        );
        let proxy = self.rng.chance(8);
        let mut dup_host_done = false;
        for (i, h) in hosts.iter().enumerate() {
            let mut hl = Vec::new();
            if !res_level {
                for (k, &vnr) in vnrs.iter().enumerate() {
                    let lines = self.volume_lines(name, vnr, minors[k], false);
                    if volumes {
                        hl.push(
                            block(&format!("volume {vnr}"), &lines, 2)
                                .trim_end()
                                .to_string(),
                        );
                    } else {
                        hl.extend(lines);
                    }
                }
            }
            let skip_addr = self.has_fault(Fault::MissingAddress) && i == 1;
            if !skip_addr {
                let a = self.addr(af, i, port, false);
                hl.push(if self.has_fault(Fault::BadAddress) && i == 0 {
                    self.rng
                        .pick(&[
                            "address 10.0.0.256:7789;",
                            "address 10.1.1.1:99999;",
                            "address 10.1.1.1;",
                            "address ipv6 fd00::1:7789;",
                        ])
                        .to_string()
                } else {
                    format!("address {a};")
                });
            }
            if self.want == Want::V9 && self.rng.chance(30) {
                self.tag("node-id");
                hl.push(format!("node-id {i};"));
            }
            if proxy {
                self.tag("proxy-on");
                hl.push(
                    block(
                        &format!("proxy on {h}-pxy"),
                        &[
                            format!("inside 127.0.0.{}:{};", i + 2, port + 1000),
                            format!("outside 10.9.1.{}:{};", i + 1, port + 1000),
                        ],
                        2,
                    )
                    .trim_end()
                    .to_string(),
                );
            }
            body.push(block(&format!("on {h}"), &hl, 1).trim_end().to_string());
            if self.has_fault(Fault::DupHostSection) && !dup_host_done {
                dup_host_done = true;
                body.push(block(&format!("on {h}"), &hl, 1).trim_end().to_string());
            }
        }
        if self.has_fault(Fault::UnknownHost) {
            body.push(
                block(
                    "connection",
                    &[format!("host {};", hosts[0]), "host zulu;".into()],
                    1,
                )
                .trim_end()
                .to_string(),
            );
        }
        self.set_first_port(port);
        self.record(name, vnrs, false, hosts);
        block_raw(&format!("resource {name}"), &body, 0)
    }

    /// A DRBD 9 resource: node ids, 2-4 hosts, volumes, explicit connections.
    fn multi(&mut self, name: &str) -> String {
        self.tag("multi-host");
        let n = 2 + self.rng.below(3) as usize;
        let hosts: Vec<String> = self.hosts[..n].to_vec();
        let af = self.af();
        let port = self.port();
        let mut body = Vec::new();
        let nvol = 1 + self.rng.below(3) as u32;
        let implicit = nvol == 1 && self.rng.chance(40);
        let vnrs: Vec<u32> = if implicit {
            vec![0]
        } else {
            (0..nvol).collect()
        };
        if !implicit {
            self.tag("volumes");
        }
        let minors: Vec<u32> = vnrs.iter().map(|_| self.minor()).collect();
        let res_level = self.rng.chance(50);
        // One host may be a diskless client.
        let diskless = if n > 2 && self.rng.chance(30) {
            Some(n - 1)
        } else {
            None
        };
        if res_level {
            self.tag("resource-level-volume");
            for (k, &vnr) in vnrs.iter().enumerate() {
                let lines = self.volume_lines(name, vnr, minors[k], false);
                if implicit {
                    body.extend(lines);
                } else {
                    body.push(
                        block(&format!("volume {vnr}"), &lines, 1)
                            .trim_end()
                            .to_string(),
                    );
                }
            }
            if self.has_fault(Fault::MixedVolumes) {
                body.push("device minor 99;".into());
            }
        }
        body.extend(
            self.sections(&hosts)
                .into_iter()
                .map(|s| s.trim_end().to_string()),
        );
        let conn_form = self.rng.below(5);
        let mut dup_host_done = false;
        for (i, h) in hosts.iter().enumerate() {
            let mut hl = Vec::new();
            let id = if self.has_fault(Fault::DupNodeId) && i == 1 {
                0
            } else {
                i
            };
            if !(self.has_fault(Fault::MissingNodeId) && i == 1) {
                hl.push(format!("node-id {id};"));
            }
            if !res_level || diskless == Some(i) {
                for (k, &vnr) in vnrs.iter().enumerate() {
                    let lines = self.volume_lines(name, vnr, minors[k], diskless == Some(i));
                    if implicit {
                        hl.extend(lines);
                    } else {
                        hl.push(
                            block(&format!("volume {vnr}"), &lines, 2)
                                .trim_end()
                                .to_string(),
                        );
                    }
                }
            }
            // Connections with `host X address ...` carry the address themselves.
            if conn_form != 4 && !(self.has_fault(Fault::MissingAddress) && i == 1) {
                let a = self.addr(af, i, port, false);
                hl.push(format!("address {a};"));
            }
            body.push(block(&format!("on {h}"), &hl, 1).trim_end().to_string());
            if self.has_fault(Fault::DupHostSection) && !dup_host_done {
                dup_host_done = true;
                body.push(block(&format!("on {h}"), &hl, 1).trim_end().to_string());
            }
        }
        let unknown = self.has_fault(Fault::UnknownHost);
        match conn_form {
            0 if n == 2 && !unknown => self.tag("implicit-connection"),
            0 | 1 => {
                self.tag("connection-mesh");
                let mut hs = hosts.join(" ");
                if unknown {
                    hs.push_str(" zulu");
                }
                let mut ml = vec![format!("hosts {hs};")];
                if self.rng.chance(40) {
                    ml.push(
                        block(
                            "net",
                            &[format!("protocol {};", self.rng.pick(&["A", "C"]))],
                            2,
                        )
                        .trim_end()
                        .to_string(),
                    );
                }
                body.push(block("connection-mesh", &ml, 1).trim_end().to_string());
            }
            2 | 3 => {
                self.tag("connection");
                for a in 0..n {
                    for b in a + 1..n {
                        let mut cl = Vec::new();
                        if conn_form == 3 {
                            self.tag("path");
                            let paths = 1 + self.rng.below(2);
                            for p in 0..paths {
                                let second = p == 1;
                                let aa = self.addr(af, a, port, second);
                                let ab = self.addr(af, b, port, second);
                                cl.push(
                                    block(
                                        "path",
                                        &[
                                            format!("host {} address {aa};", hosts[a]),
                                            format!("host {} address {ab};", hosts[b]),
                                        ],
                                        2,
                                    )
                                    .trim_end()
                                    .to_string(),
                                );
                            }
                        } else {
                            cl.push(format!("host {};", hosts[a]));
                            let peer = if unknown && a == 0 && b == 1 {
                                "zulu".to_string()
                            } else {
                                hosts[b].clone()
                            };
                            if self.rng.chance(30) {
                                cl.push(format!("host {peer} port {};", port + 100));
                            } else {
                                cl.push(format!("host {peer};"));
                            }
                        }
                        if self.rng.chance(25) {
                            self.tag("connection-options");
                            let ctx = Ctx {
                                other_resources: &[],
                                hosts: &hosts,
                            };
                            let lines =
                                options::lines(&mut self.rng, Block::Net, Want::V9, 1, &ctx);
                            if !lines.is_empty() {
                                cl.push(block("net", &lines, 2).trim_end().to_string());
                            }
                            let pd =
                                options::lines(&mut self.rng, Block::PeerDisk, Want::V9, 1, &ctx);
                            if !pd.is_empty() && self.rng.chance(50) {
                                cl.push(block("disk", &pd, 2).trim_end().to_string());
                            }
                        }
                        let head = if self.rng.chance(5) {
                            self.tag("named-connection");
                            format!("connection c{a}{b}")
                        } else {
                            "connection".to_string()
                        };
                        body.push(block(&head, &cl, 1).trim_end().to_string());
                    }
                }
            }
            _ => {
                self.tag("connection-host-address");
                for a in 0..n {
                    for b in a + 1..n {
                        let aa = self.addr(af, a, port, false);
                        let ab = self.addr(af, b, port, false);
                        body.push(
                            block(
                                "connection",
                                &[
                                    format!("host {} address {aa};", hosts[a]),
                                    format!("host {} address {ab};", hosts[b]),
                                ],
                                1,
                            )
                            .trim_end()
                            .to_string(),
                        );
                    }
                }
            }
        }
        self.set_first_port(port);
        self.record(name, vnrs, false, hosts);
        block_raw(&format!("resource {name}"), &body, 0)
    }

    /// `floating ADDR:PORT { ... }` sections instead of `on` sections.
    fn floating(&mut self, name: &str) -> String {
        self.tag("floating");
        let port = self.port();
        let mut body = Vec::new();
        let minor = self.minor();
        let res_level = self.rng.chance(50);
        if res_level {
            body.extend(self.volume_lines(name, 0, minor, false));
        }
        body.extend(
            self.sections(&[])
                .into_iter()
                .map(|s| s.trim_end().to_string()),
        );
        let af = if self.rng.chance(25) { Af::V6 } else { Af::V4 };
        let mut addrs = Vec::new();
        for i in 0..2 {
            let a = self.addr(af, i, port, false);
            let mut hl = Vec::new();
            if !res_level {
                hl.extend(self.volume_lines(name, 0, minor, false));
            }
            if self.want == Want::V9 {
                hl.push(format!("node-id {i};"));
            }
            addrs.push(a.split_whitespace().last().unwrap_or("").to_string());
            body.push(
                block(&format!("floating {a}"), &hl, 1)
                    .trim_end()
                    .to_string(),
            );
        }
        // Upstream matches floating sections by IP; `__DRBD_NODE__` equal to the address
        // string matches too.
        for a in &addrs {
            let ip = a
                .rsplit_once(':')
                .map(|(ip, _)| ip.trim_matches(['[', ']']))
                .unwrap_or(a);
            if !self.hosts.iter().any(|h| h == ip) {
                self.hosts.push(ip.to_string());
            }
        }
        self.set_first_port(port);
        let names: Vec<String> = addrs.clone();
        self.record(name, vec![0], false, names);
        block_raw(&format!("resource {name}"), &body, 0)
    }

    /// A lower resource on two hosts and an upper one stacked on it, with a third host.
    fn stacked(&mut self, name: &str) -> String {
        self.tag("stacked");
        let lower = self.two_host(name);
        let upper_name = format!("{name}-U");
        let port = self.port();
        let minor = self.minor();
        let af = Af::V4;
        let mut body = Vec::new();
        body.extend(
            self.sections(&[])
                .into_iter()
                .map(|s| s.trim_end().to_string()),
        );
        let sa = format!("address 192.168.42.1:{port};");
        let mut sl = vec![format!("device /dev/drbd{minor};"), sa];
        if self.want == Want::V9 && self.rng.chance(60) {
            sl.push("node-id 0;".into());
        }
        body.push(
            block(&format!("stacked-on-top-of {name}"), &sl, 1)
                .trim_end()
                .to_string(),
        );
        let third = self.hosts[2].clone();
        let mut hl = self.volume_lines(&upper_name, 0, minor, false);
        let a = self.addr(af, 2, port, false);
        hl.push(format!("address {a};"));
        if self.want == Want::V9 && sl.len() == 3 {
            hl.push("node-id 1;".into());
        }
        body.push(block(&format!("on {third}"), &hl, 1).trim_end().to_string());
        let mut hosts = self.hosts[..2].to_vec();
        hosts.push(third);
        self.record(&upper_name, vec![0], true, hosts);
        format!(
            "{lower}\n{}",
            block_raw(&format!("resource {upper_name}"), &body, 0)
        )
    }

    /// `drbdsetup show` syntax used as a config: `_this_host`, `_remote_host`.
    fn this_host(&mut self, name: &str) -> String {
        self.tag("this-host");
        let port = self.port();
        let minor = self.minor();
        let mut vol = vec![format!("device minor {minor};")];
        let disk = self.disk_path(name, 0);
        vol.push(format!("disk {disk};"));
        vol.push("meta-disk internal;".into());
        let me = block("volume 0", &vol, 2).trim_end().to_string();
        let mut body = Vec::new();
        body.extend(
            self.sections(&[])
                .into_iter()
                .map(|s| s.trim_end().to_string()),
        );
        body.push(
            block("_this_host", &["node-id 0;".into(), me], 1)
                .trim_end()
                .to_string(),
        );
        let a = self.addr(Af::V4, 0, port, false);
        let b = self.addr(Af::V4, 1, port, false);
        let path = block(
            "path",
            &[format!("_this_host {a};"), format!("_remote_host {b};")],
            2,
        )
        .trim_end()
        .to_string();
        body.push(
            block("connection", &["_peer_node_id 1;".into(), path], 1)
                .trim_end()
                .to_string(),
        );
        self.record(name, vec![0], false, Vec::new());
        block_raw(&format!("resource {name}"), &body, 0)
    }

    // ---- files ----------------------------------------------------------------------------

    /// Lays the parts out in one file or several, with includes.
    fn layout(
        &mut self,
        global: Option<String>,
        common: Option<String>,
        bodies: Vec<(String, String)>,
    ) -> (Vec<(String, String)>, String) {
        let header = "# generated by tests/src/corpus (drbd-rs differential corpus)\n";
        let mut gc = String::new();
        if let Some(g) = &global {
            gc.push_str(g);
        }
        if let Some(c) = &common {
            gc.push_str(c);
        }
        let style = self.rng.below(10);
        let mut files = Vec::new();
        let main = match style {
            0..=4 => {
                let mut text = header.to_string();
                let late_global = self.rng.chance(5);
                if !late_global {
                    text.push_str(&gc);
                }
                for (_, b) in &bodies {
                    text.push_str(b);
                    if self.rng.chance(20) {
                        text.push_str("# a comment between resources\n");
                    }
                }
                if late_global {
                    self.tag("global-after-resource");
                    text.push_str(&gc);
                }
                if self.rng.chance(5) {
                    self.tag("skip");
                    text.push_str("skip resource old { on x { disk /dev/y; } }\n");
                }
                files.push(("drbd.conf".to_string(), text));
                "drbd.conf".to_string()
            }
            5..=7 => {
                let absolute = style == 7;
                self.tag(if absolute {
                    "include-absolute"
                } else {
                    "include-relative"
                });
                let prefix = if absolute {
                    format!("{CASE_DIR}/")
                } else {
                    String::new()
                };
                let mut text = format!("{header}include \"{prefix}drbd.d/global_common.conf\";\ninclude \"{prefix}drbd.d/*.res\";\n");
                if self.rng.chance(20) {
                    self.tag("include-no-match");
                    text.push_str("include \"drbd.d/*.none\";\n");
                }
                if self.has_fault(Fault::MissingInclude) {
                    text.push_str("include \"drbd.d/missing.conf\";\n");
                }
                files.push(("drbd.conf".to_string(), text));
                files.push(("drbd.d/global_common.conf".to_string(), gc));
                for (name, b) in &bodies {
                    files.push((format!("drbd.d/{name}.res"), b.clone()));
                }
                "drbd.conf".to_string()
            }
            8 => {
                // Nested: the include is relative to the including file's directory.
                self.tag("include-nested");
                files.push((
                    "etc/drbd.conf".to_string(),
                    format!("{header}include \"conf/common.conf\";\ninclude \"conf/res/*.res\";\n"),
                ));
                files.push(("etc/conf/common.conf".to_string(), gc));
                for (name, b) in &bodies {
                    files.push((format!("etc/conf/res/{name}.res"), b.clone()));
                }
                if self.rng.chance(50) {
                    "etc/drbd.conf".to_string()
                } else {
                    format!("{CASE_DIR}/etc/drbd.conf")
                }
            }
            _ => {
                // LINSTOR's layout: -c names one resource file with the common part inside.
                self.tag("single-res-file");
                let mut text = gc;
                for (_, b) in &bodies {
                    text.push_str(b);
                }
                files.push(("r.res".to_string(), text));
                "r.res".to_string()
            }
        };
        (files, main)
    }
}

/// `head {` + indented lines + `}` (lines are option statements or nested blocks).
fn block(head: &str, lines: &[String], depth: usize) -> String {
    let ind = "\t".repeat(depth);
    let inner = "\t".repeat(depth + 1);
    let mut s = format!("{ind}{head} {{\n");
    for l in lines {
        for (k, part) in l.lines().enumerate() {
            // Nested blocks come pre-indented relative to their own depth.
            if k == 0 {
                s.push_str(&format!("{inner}{}\n", part.trim_start()));
            } else {
                s.push_str(&format!("{part}\n"));
            }
        }
    }
    s.push_str(&format!("{ind}}}\n"));
    s
}

/// Like [`block`] for parts that are already blocks or lines.
fn block_raw(head: &str, parts: &[String], depth: usize) -> String {
    block(head, parts, depth)
}
