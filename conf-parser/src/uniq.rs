//! Upstream's uniqueness checks (`check_uniq()`, `check_upr()`): keys such as a resource
//! name, `R:net`, `R: on HOST`, `disk:HOST:DEV` or `HOST:META[IDX]` are recorded while the
//! files are read, in upstream's order and with upstream's `FILE:LINE`; the first key seen
//! twice ends drbdadm (exit 10) with `FILE:LINE: conflicting use of WHAT 'KEY' ...` and
//! `FILE:LINE: WHAT 'KEY' first used here.`.
//!
//! The builder reports duplicates in its own words; this replay exists for the exact text
//! scripts match on, and for the duplicates only upstream's key scheme finds (one backing
//! disk or meta-data slot in two resources, one minor twice on a host). The line upstream
//! prints is its parser's `fline` at the time of the check, which inside `volume {}`
//! blocks and for inherited volumes is stale or 0: that state is kept here as upstream
//! keeps it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::lexer::{Token, TokenKind};
use crate::options::Dialect;
use crate::source::{SourceMap, Span};
use crate::syntax::Stmt;

/// The first key upstream found twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// What kind of thing (`resource section`, `disk`, `meta-disk`, ...).
    pub what: &'static str,
    /// The key (`r0`, `r0:net`, `disk:alpha:/dev/vg0/x`, ...).
    pub key: String,
    /// `FILE:LINE` of the second use.
    pub at: String,
    /// `FILE:LINE` of the first use.
    pub first: String,
    /// The second use, for sorting among other findings.
    pub span: Span,
    /// Upstream's `'...' keyword missing.` lines for the host sections it finished before
    /// it found the duplicate (it goes on after those, not after this).
    pub before: Vec<String>,
}

impl Conflict {
    /// Upstream's two lines.
    pub fn render(&self) -> String {
        let mut out: String = self.before.iter().map(|l| format!("{l}\n")).collect();
        out.push_str(&format!(
            "{}: conflicting use of {} '{}' ...\n{}: {} '{}' first used here.\n",
            self.at, self.what, self.key, self.first, self.what, self.key
        ));
        out
    }
}

/// A volume as upstream's uniqueness checks see it.
#[derive(Clone, Debug, Default)]
struct Vol {
    vnr: u32,
    implicit: bool,
    /// `v_config_file`: the file of the volume's first statement (`(null)` if none set it).
    file: Option<u32>,
    device_line: u32,
    disk_line: u32,
    meta_line: u32,
    disk: Option<String>,
    device: Option<String>,
    minor: Option<i64>,
    meta_disk: Option<String>,
    meta_index: Option<String>,
}

/// A host section: the names its checks use and its volumes.
#[derive(Debug, Default)]
struct Host {
    names: Vec<String>,
    vols: Vec<Vol>,
    /// The line of its `{`.
    line: u32,
    /// Checked for completeness (`on` and `floating` sections).
    require: bool,
    has_address: bool,
    /// `stacked-on-top-of LOWER`.
    lower: Option<String>,
}

impl Host {
    fn new(names: &[String], require: bool) -> Host {
        Host {
            names: names.to_vec(),
            require,
            ..Host::default()
        }
    }
}

/// What the DRBD 9 post-parse checks need of a resource.
#[derive(Debug, Default)]
struct Res {
    name: String,
    /// Its file (upstream's `res->config_file`, named as our messages name it).
    file: u32,
    vols: Vec<Vol>,
    hosts: Vec<Host>,
}

#[derive(Clone, Copy)]
enum Table {
    Global,
    PerResource,
}

/// The replay of upstream's checks over one configuration.
pub struct Uniq {
    dialect: Dialect,
    global: HashMap<u128, Site, Fnv>,
    per_res: HashMap<u128, Site, Fnv>,
    conflict: Option<Conflict>,
    /// Upstream's `fline`.
    fline: u32,
    /// Upstream's `config_file`: the file being read.
    file: u32,
    /// Each file's name in upstream's messages and in ours, by file id.
    names: Vec<(String, String)>,
    span: Span,
    /// DRBD 9's post-parse checks, worked out at each resource's end and run once every
    /// file is read (after all of the parser's own), in upstream's order.
    post: Vec<Post>,
    /// The post-parse keys' text, end to end.
    arena: String,
    /// Stacked sections: the lower resource's name and the section's volumes.
    stacked: Vec<(String, Vec<Vol>)>,
    /// The host names of each resource (the first of a name), for stacked sections.
    plain_names: HashMap<String, Vec<String>>,
    /// `keyword missing` lines upstream printed so far.
    before: Vec<String>,
}

fn line(sources: &SourceMap, span: Span) -> u32 {
    sources.file(span.file).line_of(span.start)
}

/// Where a key was used: a file (`None`: upstream's `(null)`) and line.
#[derive(Clone, Copy, Debug)]
struct Site {
    file: Option<u32>,
    line: u32,
}

impl Site {
    fn at(file: Option<u32>, line: u32) -> Site {
        Site { file, line }
    }
}

/// FNV-1a: the keys are short and many, and come from the administrator's own files.
#[derive(Default)]
struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Fnv = BuildHasherDefault<FnvHasher>;

/// A key's identity: two independent 64-bit hashes of its text. Keys are many (several
/// per volume and host); their text is only needed for the message, and there the key
/// seen again is the same text.
fn key_id(key: &str) -> u128 {
    let mut a = FnvHasher::default();
    a.write(key.as_bytes());
    let mut b = std::hash::DefaultHasher::new();
    b.write(key.as_bytes());
    (u128::from(a.finish()) << 64) | u128::from(b.finish())
}

/// Upstream's `dt_minor_of_dev()` for names that need no `stat()`.
fn minor_of_dev(dev: &str) -> i64 {
    let digits = dev.strip_prefix("/dev/drbd").unwrap_or(dev);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().unwrap_or(-1)
    } else {
        -1
    }
}

fn insert_sorted(vols: &mut Vec<Vol>, v: Vol) {
    let pos = vols
        .iter()
        .position(|x| x.vnr > v.vnr)
        .unwrap_or(vols.len());
    vols.insert(pos, v);
}

/// The value words of a statement (no punctuation).
fn values<'a, 's>(s: &'a Stmt<'s>) -> impl Iterator<Item = &'a Token<'s>> {
    s.args().iter().filter(|t| t.is_value())
}

impl Uniq {
    /// Nothing recorded yet.
    pub fn new(dialect: Dialect) -> Uniq {
        Uniq {
            dialect,
            global: HashMap::default(),
            per_res: HashMap::default(),
            conflict: None,
            fline: 0,
            file: 0,
            names: Vec::new(),
            span: Span::default(),
            post: Vec::new(),
            arena: String::new(),
            stacked: Vec::new(),
            plain_names: HashMap::new(),
            before: Vec::new(),
        }
    }

    /// The first conflict, once the files are read and the post-parse checks ran.
    pub fn finish(mut self) -> Option<Conflict> {
        if self.dialect == Dialect::V9 {
            self.post_parse();
        }
        self.conflict
    }

    fn site_name(&self, site: Site) -> String {
        match site.file.and_then(|f| self.names.get(f as usize)) {
            Some((given, _)) => format!("{given}:{}", site.line),
            None => format!("(null):{}", site.line),
        }
    }

    fn check(&mut self, table: Table, what: &'static str, key: String, at: Site) {
        let id = key_id(&key);
        self.check_id(table, what, id, &key, at);
    }

    fn check_id(&mut self, table: Table, what: &'static str, id: u128, key: &str, at: Site) {
        if self.conflict.is_some() {
            return;
        }
        let map = match table {
            Table::Global => &mut self.global,
            Table::PerResource => &mut self.per_res,
        };
        match map.get(&id) {
            Some(&first) => {
                self.conflict = Some(Conflict {
                    what,
                    first: self.site_name(first),
                    key: key.to_string(),
                    at: self.site_name(at),
                    span: self.span,
                    before: self.before.clone(),
                });
            }
            None => {
                map.insert(id, at);
            }
        }
    }

    /// `check_uniq()`/`check_upr()` at the current file and `fline`.
    fn here(&mut self, table: Table, what: &'static str, key: String) {
        let at = Site::at(Some(self.file), self.fline);
        self.check(table, what, key, at);
    }

    fn upr(&mut self, what: &'static str, key: String) {
        self.here(Table::PerResource, what, key);
    }

    /// One top-level statement, as upstream's `my_parse()` reads it.
    pub fn top_level(&mut self, stmt: &Stmt<'_>, sources: &SourceMap) {
        if self.conflict.is_some() {
            return;
        }
        let kw = stmt.keyword();
        if kw.kind != TokenKind::Word {
            return;
        }
        self.file = kw.span.file.0;
        while self.names.len() <= self.file as usize {
            let f = sources.file(crate::source::FileId(self.names.len() as u32));
            self.names.push((f.given.clone(), f.name.clone()));
        }
        self.fline = line(sources, kw.span);
        self.span = kw.span;
        match kw.as_str() {
            "global" => self.here(Table::Global, "global section", "global".into()),
            "common" if stmt.block.is_some() => {
                let _ = self.resource("common", stmt, sources);
            }
            "resource" => {
                let Some(name) = stmt.args().first().filter(|t| t.is_value()) else {
                    return;
                };
                if stmt.block.is_none() {
                    return;
                }
                let name = name.as_str().to_string();
                let res = self.resource(&name, stmt, sources);
                if self.dialect == Dialect::V9 {
                    self.post_resource(res);
                }
            }
            _ => {}
        }
    }

    // parse_resource(): the per-resource keys start afresh.
    fn resource(&mut self, name: &str, stmt: &Stmt<'_>, sources: &SourceMap) -> Res {
        let mut res = Res {
            name: name.to_string(),
            file: stmt.span.file.0,
            ..Res::default()
        };
        self.per_res.clear();
        self.here(Table::Global, "resource section", name.to_string());
        let Some(block) = &stmt.block else {
            return res;
        };
        for s in &block.stmts {
            let kw = s.keyword();
            if kw.kind != TokenKind::Word {
                continue;
            }
            self.fline = line(sources, kw.span);
            self.span = kw.span;
            let section = |u: &mut Uniq, what: &'static str, suffix: &str| {
                u.upr(what, format!("{name}:{suffix}"));
                // __parse_options() sets fline at its `{`.
                if let Some(b) = &s.block {
                    u.fline = line(sources, b.open);
                }
            };
            match kw.as_str() {
                "protocol" => self.upr("protocol statement", format!("{name}: protocol")),
                "on" => {
                    let names: Vec<String> = values(s).map(|t| t.as_str().to_string()).collect();
                    let host = self.host(
                        name,
                        &names,
                        Host::new(&names, true),
                        s,
                        sources,
                        &mut res.vols,
                    );
                    res.hosts.push(host);
                }
                "_this_host" => {
                    let names = vec!["_this_host".to_string()];
                    let host = self.host(
                        name,
                        &names,
                        Host::new(&names, false),
                        s,
                        sources,
                        &mut res.vols,
                    );
                    res.hosts.push(host);
                }
                "floating" => {
                    let host = self.floating(name, s, sources, &mut res.vols);
                    res.hosts.push(host);
                }
                "stacked-on-top-of" => {
                    if let Some(lower) = values(s).next() {
                        let key = format!("stacked:{}", lower.as_str());
                        self.here(Table::Global, "stacked-on-top-of", key);
                    }
                    let host = self.stacked(name, s);
                    res.hosts.push(host);
                }
                "disk" if s.block.is_some() => section(self, "disk section", "disk"),
                "disk" => {
                    // Open-coded: neither the volume's file nor its line is set.
                    if let Some(d) = values(s).next() {
                        let v = volume0(&mut res.vols);
                        v.disk = Some(d.as_str().to_string());
                    }
                }
                "net" => section(self, "net section", "net"),
                "syncer" => section(self, "syncer section", "syncer"),
                "startup" => section(self, "startup section", "startup"),
                "handlers" => section(self, "handlers section", "handlers"),
                "proxy" => section(self, "proxy section", "proxy"),
                "options" => section(self, "resource options section", "res_options"),
                "device" => {
                    self.upr("device statement", format!("{name}:device"));
                    self.volume_stmt(volume0(&mut res.vols), None, s, sources);
                }
                "meta-disk" | "flexible-meta-disk" => {
                    self.volume_stmt(volume0(&mut res.vols), None, s, sources);
                }
                "volume" => {
                    if let Some(v) = self.volume(None, s, sources) {
                        insert_sorted(&mut res.vols, v);
                    }
                }
                _ => {}
            }
            if self.conflict.is_some() {
                break;
            }
        }
        res
    }

    // parse_host_section(): `checked` are the names its checks use, `names` the host's.
    fn host(
        &mut self,
        res: &str,
        checked: &[String],
        mut host: Host,
        s: &Stmt<'_>,
        sources: &SourceMap,
        res_vols: &mut [Vol],
    ) -> Host {
        let Some(block) = &s.block else {
            return host;
        };
        self.fline = line(sources, block.open);
        host.line = self.fline;
        for h in checked {
            self.upr("host section", format!("{res}: on {h}"));
        }
        for st in &block.stmts {
            let kw = st.keyword();
            if kw.kind != TokenKind::Word {
                continue;
            }
            self.fline = line(sources, kw.span);
            self.span = kw.span;
            let each = |u: &mut Uniq, what: &'static str, suffix: &str| {
                for h in checked {
                    u.upr(what, format!("{res}:{h}:{suffix}"));
                }
            };
            match kw.as_str() {
                "disk" => {
                    each(self, "disk statement", "disk");
                    self.volume_stmt(volume0(&mut host.vols), Some(checked), st, sources);
                }
                "device" => {
                    each(self, "device statement", "device");
                    self.volume_stmt(volume0(&mut host.vols), Some(checked), st, sources);
                }
                "meta-disk" | "flexible-meta-disk" => {
                    each(self, "meta-disk statement", "meta-disk");
                    self.volume_stmt(volume0(&mut host.vols), Some(checked), st, sources);
                }
                "address" => {
                    host.has_address = true;
                    each(self, "address statement", "address");
                    if self.dialect == Dialect::V84 {
                        self.ip_84(checked, st);
                    }
                }
                "alt-address" if self.dialect == Dialect::V84 => {
                    each(self, "alt-address statement", "alt-address");
                    self.ip_84(checked, st);
                }
                "volume" => {
                    if let Some(v) = self.volume(Some(checked), st, sources) {
                        insert_sorted(&mut host.vols, v);
                    }
                }
                "node-id" => {
                    each(self, "node-id statement", "node-id");
                    if let Some(id) = values(st).next() {
                        self.upr("node-id", format!("{res}:{}", id.as_str()));
                    }
                }
                _ => {}
            }
            if self.conflict.is_some() {
                return host;
            }
        }
        if self.dialect == Dialect::V84 {
            // 8.4 inherits and checks meta-data at the host section's `}`.
            if let Some(close) = block.close {
                self.fline = line(sources, close);
            }
            let at = Site::at(Some(self.file), self.fline);
            let mut sites = Vec::new();
            inherit(res_vols, &mut host, self.dialect, &mut |_, _, w, k| {
                sites.push((w, k));
            });
            for v in &host.vols {
                sites.extend(meta_keys(v, &host.names).map(|k| ("meta-disk", k)));
            }
            for (w, k) in sites {
                self.check(Table::Global, w, k, at);
            }
            if host.require {
                let mut missing = Vec::new();
                if !host.has_address {
                    missing.push("address");
                }
                for v in &host.vols {
                    missing.extend(missing_84(v));
                }
                let file = self.names[self.file as usize].0.clone();
                self.missing(&file, host.line, res, &host.names, &missing);
            }
        }
        host
    }

    /// Upstream's `derror()` lines, kept for a conflict found after them.
    fn missing(&mut self, file: &str, line: u32, res: &str, names: &[String], what: &[&str]) {
        let lines = missing_lines(file, line, res, names, what);
        self.before.extend(lines);
    }

    // floating [AF] ADDR:PORT { ... }
    fn floating(
        &mut self,
        res: &str,
        s: &Stmt<'_>,
        sources: &SourceMap,
        res_vols: &mut [Vol],
    ) -> Host {
        let (af, addr, port) = address(s);
        if addr.is_empty() || port.is_empty() {
            return Host::default();
        }
        match self.dialect {
            Dialect::V9 => {
                // Upstream's checks iterate the (empty) list it was given; the host is
                // named after the address, with non-name characters as `_`.
                let fake: String = format!("{addr}:{port}")
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || "+-._".contains(c) {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                let mut host = Host::new(&[fake], true);
                host.has_address = true;
                self.host(res, &[], host, s, sources, res_vols)
            }
            Dialect::V84 => {
                self.here(Table::Global, "IP", format!("{addr}:{port}"));
                let fake = if af == "ipv6" {
                    format!("ipv6 [{addr}]:{port}")
                } else {
                    format!("{addr}:{port}")
                };
                let names = [fake];
                let mut host = Host::new(&names, true);
                host.has_address = true;
                self.host(res, &names, host, s, sources, res_vols)
            }
        }
    }

    // 8.4's parse_address(): loopback addresses per host, others once.
    fn ip_84(&mut self, hosts: &[String], st: &Stmt<'_>) {
        let (_, addr, port) = address(st);
        // The builder reports an address it cannot read; it has no key.
        if addr.is_empty() || port.is_empty() {
            return;
        }
        if is_loopback(&addr) {
            for h in hosts {
                self.here(Table::Global, "IP", format!("{h}:{addr}:{port}"));
            }
        } else {
            self.here(Table::Global, "IP", format!("{addr}:{port}"));
        }
    }

    // parse_stacked_section(): fline stays at its keyword.
    // Its names come from the lower resource after the checks that would use them; its
    // devices are recorded without a file or line.
    fn stacked(&mut self, res: &str, s: &Stmt<'_>) -> Host {
        let mut host = Host {
            lower: values(s).next().map(|t| t.as_str().to_string()),
            ..Host::default()
        };
        let Some(block) = &s.block else { return host };
        let section = self.fline;
        for st in &block.stmts {
            let kw = st.keyword();
            if self.dialect == Dialect::V84 && (kw.is_kw("address") || kw.is_kw("alt-address")) {
                // 8.4 checks a stacked section's addresses once, at its keyword's line.
                host.has_address |= kw.is_kw("address");
                let (_, addr, port) = address(st);
                if !addr.is_empty() && !port.is_empty() && !is_loopback(&addr) {
                    self.here(Table::Global, "IP", format!("{addr}:{port}"));
                }
            } else if kw.is_kw("node-id") {
                if let Some(id) = values(st).next() {
                    self.upr("node-id", format!("{res}:{}", id.as_str()));
                }
            } else if kw.is_kw("device") {
                let (device, minor) = device_of(st);
                let v = volume0(&mut host.vols);
                v.device = device;
                v.minor = Some(minor);
            } else if kw.is_kw("volume") {
                let Some(vnr) = values(st).next().and_then(|t| t.as_str().parse().ok()) else {
                    continue;
                };
                let mut v = Vol {
                    vnr,
                    minor: Some(-1),
                    ..Vol::default()
                };
                let inner = st.block.iter().flat_map(|b| &b.stmts);
                for d in inner.filter(|d| d.keyword().is_kw("device")) {
                    let (device, minor) = device_of(d);
                    v.device = device;
                    v.minor = Some(minor);
                }
                insert_sorted(&mut host.vols, v);
            }
        }
        if self.dialect == Dialect::V84 && !host.has_address {
            let file = self.names[self.file as usize].0.clone();
            self.missing(&file, section, res, &[], &["address"]);
        }
        host
    }

    // volume N { ... }: fline is not updated inside.
    fn volume(
        &mut self,
        hosts: Option<&[String]>,
        s: &Stmt<'_>,
        sources: &SourceMap,
    ) -> Option<Vol> {
        let vnr = values(s).next()?.as_str().parse().ok()?;
        let mut v = Vol {
            vnr,
            ..Vol::default()
        };
        let block = s.block.as_ref()?;
        for st in &block.stmts {
            self.span = st.keyword().span;
            self.volume_stmt(&mut v, hosts, st, sources);
        }
        Some(v)
    }

    // parse_volume_stmt()
    fn volume_stmt(
        &mut self,
        v: &mut Vol,
        hosts: Option<&[String]>,
        st: &Stmt<'_>,
        sources: &SourceMap,
    ) {
        if v.file.is_none() {
            v.file = Some(self.file);
        }
        let mut vals = values(st);
        match st.keyword().as_str() {
            "disk" => {
                if let Some(b) = &st.block {
                    self.fline = line(sources, b.open);
                } else if let Some(d) = vals.next() {
                    v.disk = Some(d.as_str().to_string());
                }
                v.disk_line = self.fline;
            }
            "device" => {
                let (device, minor) = device_of(st);
                v.device.clone_from(&device);
                v.minor = Some(minor);
                if let Some(hosts) = hosts {
                    // DRBD 9 checks at the volume's recorded line (set only after this
                    // statement); 8.4 at the current one.
                    let at = match self.dialect {
                        Dialect::V9 => Site::at(v.file, v.device_line),
                        Dialect::V84 => Site::at(Some(self.file), self.fline),
                    };
                    for h in hosts {
                        let m = minor as u32;
                        self.check(
                            Table::Global,
                            "device-minor",
                            format!("device-minor:{h}:{m}"),
                            at,
                        );
                        if let Some(d) = &device {
                            self.check(Table::Global, "device", format!("device:{h}:{d}"), at);
                        }
                    }
                }
                v.device_line = self.fline;
            }
            "meta-disk" => {
                if let Some(md) = vals.next() {
                    let md = md.as_str().to_string();
                    v.meta_index = Some(if md == "internal" {
                        "internal".to_string()
                    } else {
                        vals.next()
                            .map_or_else(|| "flexible".to_string(), |i| i.as_str().to_string())
                    });
                    v.meta_disk = Some(md);
                }
                v.meta_line = self.fline;
            }
            "flexible-meta-disk" => {
                if let Some(md) = vals.next() {
                    let md = md.as_str().to_string();
                    v.meta_index = Some(
                        if md == "internal" {
                            "internal"
                        } else {
                            "flexible"
                        }
                        .into(),
                    );
                    v.meta_disk = Some(md);
                }
                v.meta_line = self.fline;
            }
            _ => {}
        }
    }

    // post_parse(): volumes inherited into each host section, then external meta-data.
    /// Upstream's first post-parse loop for one resource (inherited volumes, external
    /// meta data, then completeness, host by host), kept as events for [`Uniq::finish`].
    fn post_resource(&mut self, mut res: Res) {
        let plain = res.hosts.iter().filter(|h| h.lower.is_none());
        let names: Vec<String> = plain.flat_map(|h| h.names.iter().cloned()).collect();
        if !self.plain_names.contains_key(&res.name) {
            self.plain_names.insert(res.name.clone(), names);
        }
        for host in &mut res.hosts {
            let mut sites = Vec::new();
            inherit(&res.vols, host, self.dialect, &mut |file, l, w, k| {
                sites.push((Site::at(file, l), w, k));
            });
            for v in &host.vols {
                let at = Site::at(v.file, v.meta_line);
                sites.extend(meta_keys(v, &host.names).map(|k| (at, "meta-disk", k)));
            }
            for (site, what, key) in sites {
                let start = self.arena.len() as u32;
                self.arena.push_str(&key);
                self.post.push(Post::Check {
                    id: key_id(&key),
                    site,
                    what,
                    key: (start, self.arena.len() as u32),
                });
            }
            if host.require {
                let missing: Vec<&str> = host.vols.iter().flat_map(missing_9).collect();
                if !missing.is_empty() {
                    let file = &self.names[res.file as usize].1;
                    let lines = missing_lines(file, host.line, &res.name, &host.names, &missing);
                    self.post.push(Post::Missing(lines));
                }
            }
        }
        for host in res.hosts {
            if let Some(l) = host.lower {
                self.stacked.push((l, host.vols));
            }
        }
    }

    fn post_parse(&mut self) {
        for e in std::mem::take(&mut self.post) {
            match e {
                Post::Check {
                    id,
                    site,
                    what,
                    key: (a, b),
                } => {
                    let key = self.arena[a as usize..b as usize].to_string();
                    self.check_id(Table::Global, what, id, &key, site);
                }
                Post::Missing(lines) => self.before.extend(lines),
            }
            if self.conflict.is_some() {
                return;
            }
        }
        // set_on_hosts_in_res(): a stacked section's devices on the lower resource's hosts.
        for (lower, vols) in std::mem::take(&mut self.stacked) {
            let Some(names) = self.plain_names.get(&lower).cloned() else {
                continue;
            };
            for h in &names {
                for v in &vols {
                    let m = v.minor.unwrap_or(-1) as u32;
                    let key = format!("device-minor:{h}:{m}");
                    let at = Site::at(v.file, v.device_line);
                    self.check(Table::Global, "device-minor", key, at);
                }
                for v in &vols {
                    if let Some(d) = &v.device {
                        let at = Site::at(v.file, v.device_line);
                        self.check(Table::Global, "device", format!("device:{h}:{d}"), at);
                    }
                }
            }
        }
    }
}

/// Upstream's `derror()` lines.
fn missing_lines(file: &str, line: u32, res: &str, names: &[String], what: &[&str]) -> Vec<String> {
    // names_to_str() of no names.
    let unknown = ["UNKNOWN".to_string()];
    let names = if names.is_empty() {
        &unknown[..]
    } else {
        names
    };
    what.iter()
        .map(|w| {
            format!(
                "{file}:{line}: in resource {res}, on {} {{ ... }}: '{w}' keyword missing.",
                names.join(" ")
            )
        })
        .collect()
}

/// One of DRBD 9's post-parse steps.
enum Post {
    /// A key to check: its identity, site, kind and text (a range of the arena).
    Check {
        id: u128,
        site: Site,
        what: &'static str,
        key: (u32, u32),
    },
    /// `keyword missing` lines.
    Missing(Vec<String>),
}

/// The device name and minor of a `device` statement (minor -1 if it has none).
fn device_of(st: &Stmt<'_>) -> (Option<String>, i64) {
    let mut device = None;
    let mut minor = None;
    let words = st.args();
    let mut i = 0;
    while i < words.len() {
        if words[i].is_kw("minor") {
            minor = words
                .get(i + 1)
                .and_then(|t| t.as_str().parse::<i64>().ok());
            i += 2;
            continue;
        }
        if device.is_none() && words[i].is_value() {
            let d = words[i].as_str();
            device = Some(if d.starts_with("drbd") {
                format!("/dev/{d}")
            } else {
                d.to_string()
            });
        }
        i += 1;
    }
    let minor = minor
        .or_else(|| device.as_deref().map(minor_of_dev))
        .unwrap_or(-1);
    (device, minor)
}

/// What 8.4's `check_volume_complete()` finds missing in a host's volume.
fn missing_84(v: &Vol) -> Vec<&'static str> {
    let mut m = Vec::new();
    if v.device.is_none() && v.minor.is_none_or(|m| m == -1) {
        m.push("device");
    }
    if v.disk.is_none() {
        m.push("disk");
    }
    if v.meta_disk.is_none() {
        m.push("meta-disk");
    }
    if v.meta_index.is_none() {
        m.push("meta-index");
    }
    m
}

/// What DRBD 9's `check_volume_complete()` finds missing in a host's volume.
fn missing_9(v: &Vol) -> Vec<&'static str> {
    let mut m = Vec::new();
    if v.device.is_none() && v.minor.is_none_or(|m| m == -1) {
        m.push("device");
    }
    let any = v.disk.is_some() || v.meta_disk.is_some() || v.meta_index.is_some();
    if any && v.disk.as_deref() != Some("none") {
        if v.disk.is_none() {
            m.push("disk");
        }
        match (&v.meta_disk, &v.meta_index) {
            (None, None) | (Some(_), Some(_)) => {}
            (None, Some(_)) => m.push("meta-disk"),
            (Some(_), None) => m.push("meta-index"),
        }
    }
    m
}

/// Upstream's `volume0()`: the implicit volume, made on first use.
fn volume0(vols: &mut Vec<Vol>) -> &mut Vol {
    if vols.is_empty() {
        vols.push(Vol {
            implicit: true,
            ..Vol::default()
        });
    }
    &mut vols[0]
}

/// `HOST:META[IDX]` for external meta data.
fn meta_keys<'a>(v: &'a Vol, names: &'a [String]) -> impl Iterator<Item = String> + 'a {
    let md = v.meta_disk.as_deref().filter(|m| *m != "internal");
    names.iter().filter_map(move |h| {
        md.map(|m| format!("{h}:{m}[{}]", v.meta_index.as_deref().unwrap_or("(null)")))
    })
}

/// Where a check of [`inherit`] goes: (file, line, what, key).
type SiteFn<'a> = dyn FnMut(Option<u32>, u32, &'static str, String) + 'a;

/// Upstream's `inherit_volumes()`: each check goes to `site` as (file, line, what, key).
fn inherit(from: &[Vol], host: &mut Host, dialect: Dialect, site: &mut SiteFn<'_>) {
    for s in from {
        let pos = match host.vols.iter().position(|t| t.vnr == s.vnr) {
            Some(p) => p,
            None => {
                let t = Vol {
                    vnr: s.vnr,
                    implicit: s.implicit,
                    file: s.file,
                    device_line: s.device_line,
                    disk_line: s.disk_line,
                    meta_line: s.meta_line,
                    ..Vol::default()
                };
                insert_sorted(&mut host.vols, t);
                host.vols.iter().position(|t| t.vnr == s.vnr).unwrap_or(0)
            }
        };
        let t = &mut host.vols[pos];
        if t.disk.is_none() && s.disk.is_some() {
            t.disk.clone_from(&s.disk);
            for h in &host.names {
                let key = format!("disk:{h}:{}", s.disk.as_deref().unwrap_or_default());
                site(t.file, t.disk_line, "disk", key);
            }
        }
        if t.device.is_none() && s.device.is_some() {
            t.device.clone_from(&s.device);
        }
        if t.minor.is_none_or(|m| m == -1) && s.minor.is_some_and(|m| m != -1) {
            t.minor = s.minor;
            let m = s.minor.unwrap_or(-1);
            for h in &host.names {
                let key = match dialect {
                    Dialect::V9 => format!("device-minor:{h}:{}", m as u32),
                    Dialect::V84 => format!("device-minor:{h}:{m}"),
                };
                site(t.file, t.device_line, "device-minor", key);
                if dialect == Dialect::V9 {
                    if let Some(d) = &t.device {
                        site(t.file, t.device_line, "device", format!("device:{h}:{d}"));
                    }
                }
            }
        }
        if t.meta_disk.is_none() && s.meta_disk.is_some() {
            t.meta_disk.clone_from(&s.meta_disk);
            if s.meta_index.is_some() {
                t.meta_index.clone_from(&s.meta_index);
            }
        }
    }
}

/// The address family, address and port of an `address` or `floating` statement.
fn address(s: &Stmt<'_>) -> (String, String, String) {
    let mut af = "ipv4".to_string();
    let mut addr = String::new();
    let mut port = String::new();
    let mut after_colon = false;
    for t in s.args() {
        match t.kind {
            TokenKind::Ipv4 | TokenKind::Ipv6 if addr.is_empty() => {
                if t.kind == TokenKind::Ipv6 {
                    af = "ipv6".into();
                }
                addr = t.as_str().to_string();
            }
            TokenKind::Word if addr.is_empty() && !after_colon => {
                if ["ipv4", "ipv6", "ssocks", "sdp", "sci"].contains(&t.as_str()) {
                    af = t.as_str().to_string();
                } else {
                    addr = t.as_str().to_string();
                }
            }
            TokenKind::Punct(':') => after_colon = true,
            TokenKind::Int if after_colon && port.is_empty() => port = t.as_str().to_string(),
            _ => {}
        }
    }
    (af, addr, port)
}

/// Upstream's `addr_scope_local()`.
fn is_loopback(addr: &str) -> bool {
    match addr.parse::<std::net::IpAddr>() {
        Ok(a) => a.is_loopback(),
        Err(_) => false,
    }
}
