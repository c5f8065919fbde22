//! `drbdadm dump` of the 8.4 personality (drbd-utils' user/v84 `adm_dump()`): no node ids
//! or connections; every host section shows its volumes with what it inherited from the
//! resource level; `-d`/`-v` first apply 8.4's `expand_common()` (common options, then the
//! resource's disk options, prepended one by one to what each level lacks).

use std::fmt::Write as _;

use conf_parser::model::{
    Address, Config, Host, HostKind, MetaDisk, Opt, Options, ProxyInfo, Resource, SectionOptions,
    UsageCount, Volume,
};

use crate::dump::{esc, Dumper};

/// 8.4's static defaults of the command timeouts: a typo in upstream's initialiser sets the
/// medium timeout to the long default and leaves the long one 0, so both print whenever
/// the global section does.
const TIMEOUT_SHORT: u32 = 5;
const TIMEOUT_MEDIUM: u32 = 600;
const TIMEOUT_LONG: u32 = 0;
const TIMEOUT_SHORT_DEF: u32 = 5;
const TIMEOUT_MEDIUM_DEF: u32 = 121;
const TIMEOUT_LONG_DEF: u32 = 600;

/// The option lists of a resource or `common` as 8.4 keeps them: one disk list, and the
/// two startup keywords drbdadm holds as flags.
#[derive(Clone, Default)]
struct Lists {
    res: Options,
    net: Options,
    disk: Options,
    startup: Options,
    proxy: Options,
    plugins: Vec<String>,
    handlers: Options,
    stacked_timeouts: bool,
    become_primary_on: Option<String>,
}

impl Lists {
    fn of(o: &SectionOptions) -> Lists {
        let mut disk = o.device.clone();
        disk.extend(o.disk.iter().cloned());
        disk.extend(o.pd.iter().cloned());
        let special = |x: &Opt| x.name == "stacked-timeouts" || x.name == "become-primary-on";
        Lists {
            res: o.res.clone(),
            net: o.net.clone(),
            disk,
            startup: o.startup.iter().filter(|x| !special(x)).cloned().collect(),
            proxy: o.proxy.clone(),
            plugins: o.proxy_plugins.clone(),
            handlers: o.handlers.clone(),
            stacked_timeouts: o.startup.iter().any(|x| x.name == "stacked-timeouts"),
            become_primary_on: o
                .startup
                .iter()
                .rev()
                .find(|x| x.name == "become-primary-on")
                .and_then(|x| x.value.clone()),
        }
    }

    /// `expand_common()`'s first step: what `common` has and this resource lacks.
    fn inherit(&mut self, c: &Lists) {
        expand_opts(&c.net, &mut self.net);
        expand_opts(&c.disk, &mut self.disk);
        expand_opts(&c.startup, &mut self.startup);
        expand_opts(&c.proxy, &mut self.proxy);
        expand_opts(&c.handlers, &mut self.handlers);
        expand_opts(&c.res, &mut self.res);
        self.stacked_timeouts |= c.stacked_timeouts;
        if self.become_primary_on.is_none() {
            self.become_primary_on = c.become_primary_on.clone();
        }
        if self.plugins.is_empty() {
            self.plugins = c.plugins.clone();
        }
    }

    /// `fake_startup_options()`: the flags come back as options, last.
    fn startup(&self) -> Options {
        let mut v = self.startup.clone();
        if self.stacked_timeouts {
            v.push(Opt {
                name: "stacked-timeouts".into(),
                value: None,
                span: Default::default(),
            });
        }
        v
    }
}

/// Upstream's `expand_opts()`: each option of `from` that `to` lacks is put in front.
fn expand_opts(from: &Options, to: &mut Options) {
    for o in from {
        if !to.iter().any(|t| t.name == o.name) {
            to.insert(0, o.clone());
        }
    }
}

/// A host's volume as 8.4 prints it.
struct Vol<'a> {
    vnr: u32,
    implicit: bool,
    device: Option<&'a str>,
    minor: Option<u32>,
    disk: Option<Option<&'a str>>,
    meta: Option<&'a MetaDisk>,
    disk_opts: Options,
}

/// A host section's volumes with what it takes from the resource level (`inherit_volumes()`,
/// which runs when the host section is parsed: resource-level statements written after
/// it are not inherited).
pub fn host_volumes<'a>(res: &'a Resource, h: &'a Host) -> Vec<HostVol<'a>> {
    let mut v: Vec<HostVol<'a>> = h.volumes.iter().map(HostVol::from).collect();
    v.sort_by_key(|x| x.vnr);
    let before =
        |span: conf_parser::source::Span| span.file != h.span.file || span.start < h.span.start;
    for s in &res.volumes {
        let pos = match v.iter().position(|x| x.vnr == s.vnr) {
            Some(p) => p,
            None => {
                let p = v.partition_point(|x| x.vnr < s.vnr);
                v.insert(p, HostVol::empty(s.vnr, s.implicit));
                p
            }
        };
        let t = &mut v[pos];
        if let Some((d, sp)) = &s.disk {
            if t.disk.is_none() && before(*sp) {
                t.disk = Some(d.as_deref());
            }
        }
        if let Some(d) = &s.device {
            if before(d.span) {
                if t.device.is_none() {
                    t.device = d.path.as_deref();
                }
                if t.minor.is_none() {
                    t.minor = d.minor;
                }
            }
        }
        if let Some((m, sp)) = &s.meta_disk {
            if t.meta.is_none() && before(*sp) {
                t.meta = Some(m);
            }
        }
        t.res_disk_opts = &s.disk_opts;
    }
    v
}

/// One volume of a host section after inheritance (see [`host_volumes`]).
pub struct HostVol<'a> {
    /// Volume number.
    pub vnr: u32,
    /// Written outside a `volume` section.
    pub implicit: bool,
    /// The device name, if written.
    pub device: Option<&'a str>,
    /// The minor.
    pub minor: Option<u32>,
    /// `disk PATH;` (`Some(None)`: `disk none;`).
    pub disk: Option<Option<&'a str>>,
    /// The meta-disk.
    pub meta: Option<&'a MetaDisk>,
    /// The volume's own disk options.
    pub disk_opts: &'a [Opt],
    /// The disk options of the resource-level volume of the same number.
    pub res_disk_opts: &'a [Opt],
}

impl<'a> HostVol<'a> {
    fn from(v: &'a Volume) -> HostVol<'a> {
        HostVol {
            vnr: v.vnr,
            implicit: v.implicit,
            device: v.device.as_ref().and_then(|d| d.path.as_deref()),
            minor: v.device.as_ref().and_then(|d| d.minor),
            disk: v.disk.as_ref().map(|(d, _)| d.as_deref()),
            meta: v.meta_disk.as_ref().map(|(m, _)| m),
            disk_opts: &v.disk_opts,
            res_disk_opts: &[],
        }
    }

    fn empty(vnr: u32, implicit: bool) -> HostVol<'a> {
        HostVol {
            vnr,
            implicit,
            device: None,
            minor: None,
            disk: None,
            meta: None,
            disk_opts: &[],
            res_disk_opts: &[],
        }
    }
}

impl Dumper {
    /// `# FILE`, `global {}` and `common {}` as 8.4 prints them.
    pub fn header84(&mut self, cfg: &Config) {
        let _ = writeln!(self.out, "# {}", cfg.main_name());
        let g = &cfg.global;
        let default = g.minor_count == 0
            && !g.disable_ip_verification
            && g.dialog_refresh == 1
            && g.usage_count == UsageCount::Ask;
        if !default || self.verbose {
            self.line("global {\n");
            self.indent += 1;
            if g.disable_ip_verification {
                self.line("disable-ip-verification;\n");
            }
            if g.minor_count != 0 {
                self.line(&format!("minor-count {};\n", g.minor_count));
            }
            if g.dialog_refresh != 1 {
                self.line(&format!("dialog-refresh {};\n", g.dialog_refresh));
            }
            match g.usage_count {
                UsageCount::Yes => self.line("usage-count yes;\n"),
                UsageCount::No => self.line("usage-count no;\n"),
                UsageCount::Ask => {}
            }
            let timeouts = [
                (
                    "short",
                    g.cmd_timeout_short,
                    TIMEOUT_SHORT,
                    TIMEOUT_SHORT_DEF,
                ),
                (
                    "medium",
                    g.cmd_timeout_medium,
                    TIMEOUT_MEDIUM,
                    TIMEOUT_MEDIUM_DEF,
                ),
                ("long", g.cmd_timeout_long, TIMEOUT_LONG, TIMEOUT_LONG_DEF),
            ];
            for (what, set, unset, def) in timeouts {
                let t = set.unwrap_or(unset);
                if t != def {
                    self.line(&format!("cmd-timeout-{what} {t};\n"));
                }
            }
            self.indent -= 1;
            self.line("}\n\n");
        }
        if let Some(c) = &cfg.common {
            self.line("common {\n");
            self.indent += 1;
            self.lists84(&Lists::of(&c.opts));
            self.indent -= 1;
            self.out.push_str("}\n\n");
        }
    }

    fn lists84(&mut self, l: &Lists) {
        self.section("options", None, &l.res, &[]);
        self.section("net", None, &l.net, &[]);
        self.section("disk", None, &l.disk, &[]);
        let startup = l.startup();
        if !startup.is_empty() || l.become_primary_on.is_some() {
            self.line("startup {\n");
            self.indent += 1;
            self.options(&startup);
            // The host names print as parsed, unquoted.
            if let Some(hosts) = &l.become_primary_on {
                self.print_a("become-primary-on", hosts);
            }
            self.indent -= 1;
            self.line("}\n");
        }
        let plugins = Dumper::plugin_opts(&l.plugins);
        self.section("proxy", Some("plugin"), &l.proxy, &[&plugins]);
        self.section("handlers", None, &l.handlers, &[]);
    }

    /// One resource; `expand` applies 8.4's `expand_common()` first (`-d`, `-v`).
    pub fn resource84(
        &mut self,
        cfg: &Config,
        res: &Resource,
        hostname: &str,
        me: Option<usize>,
        expand: bool,
    ) {
        let stacked = me.is_some_and(|i| matches!(res.hosts[i].kind, HostKind::StackedOn(_)));
        let line = cfg.sources.locate(res.span).1.line;
        self.line(&format!(
            "# resource {} on {}: {}, {}\n",
            esc(&res.name),
            hostname,
            if me.is_none() {
                "ignored"
            } else {
                "not ignored"
            },
            if stacked { "stacked" } else { "not stacked" }
        ));
        self.line(&format!(
            "# defined at {}:{line}\n",
            cfg.sources.file(res.span.file).name
        ));
        self.line(&format!("resource {} {{\n", esc(&res.name)));
        self.indent += 1;
        let mut lists = Lists::of(&res.opts);
        if expand {
            if let Some(c) = &cfg.common {
                lists.inherit(&Lists::of(&c.opts));
            }
        }
        for h in &res.hosts {
            self.host84(cfg, res, h, &lists, expand);
        }
        self.lists84(&lists);
        self.indent -= 1;
        self.out.push_str("}\n\n");
    }

    fn host84(&mut self, cfg: &Config, res: &Resource, h: &Host, lists: &Lists, expand: bool) {
        let has_lower = matches!(h.kind, HostKind::StackedOn(_));
        match &h.kind {
            HostKind::StackedOn(lower) => {
                self.line(&format!("stacked-on-top-of {} {{\n", esc(lower)));
                self.indent += 1;
                let on: Vec<String> = cfg
                    .resource(lower)
                    .map(|l| {
                        l.hosts
                            .iter()
                            .filter(|x| matches!(x.kind, HostKind::On(_)))
                            .flat_map(|x| x.names())
                            .collect()
                    })
                    .unwrap_or_default();
                self.line(&format!("# on {} \n", on.join(" ")));
            }
            HostKind::Floating(a) => {
                if a.af == "ipv6" {
                    self.line(&format!("floating ipv6 [{}]:{} {{\n", a.addr, a.port));
                } else {
                    self.line(&format!("floating {} {}:{} {{\n", a.af, a.addr, a.port));
                }
                self.indent += 1;
            }
            HostKind::On(names) => {
                self.line(&format!("on {} {{\n", names.join(" ")));
                self.indent += 1;
            }
            HostKind::ThisHost => {
                self.line("on _this_host {\n");
                self.indent += 1;
            }
        }
        self.section("options", None, &h.res_opts, &[]);
        for v in host_volumes(res, h) {
            let mut disk_opts: Options = v.disk_opts.to_vec();
            let mut device = v.device.map(str::to_string);
            if expand {
                expand_opts(&lists.disk, &mut disk_opts);
                expand_opts(&v.res_disk_opts.to_vec(), &mut disk_opts);
                if device.is_none() {
                    // Upstream prints the unsigned "no minor" as -1 here too.
                    let m = v.minor.map_or(u32::MAX, |m| m);
                    device = Some(format!("/dev/drbd{m}"));
                }
            }
            let vol = Vol {
                vnr: v.vnr,
                implicit: v.implicit,
                device: device.as_deref(),
                minor: v.minor,
                disk: v.disk,
                meta: v.meta,
                disk_opts,
            };
            self.volume84(has_lower, &vol);
        }
        if !matches!(h.kind, HostKind::Floating(_)) {
            self.address84("address", h.address.as_ref());
        }
        if let Some(p) = &h.proxy {
            let mut p = (**p).clone();
            if expand {
                expand_opts(&lists.proxy, &mut p.options);
                if p.plugins.is_empty() {
                    p.plugins = lists.plugins.clone();
                }
            }
            self.proxy84(&p);
        }
        self.indent -= 1;
        self.line("}\n");
    }

    fn volume84(&mut self, has_lower: bool, v: &Vol<'_>) {
        if !v.implicit {
            self.line(&format!("volume {} {{\n", v.vnr));
            self.indent += 1;
        }
        // A section that names nothing (`_remote_host` of drbdsetup show) closes at once;
        // upstream closes it even for the implicit volume.
        if v.minor.is_none() && v.device.is_none() && v.disk.is_none() && v.meta.is_none() {
            self.indent -= 1;
            self.line("}\n");
            return;
        }
        self.section("disk", None, &v.disk_opts, &[]);
        self.pad();
        let w = (-19 + 4 * self.indent).unsigned_abs() as usize;
        let _ = write!(self.out, "device{:w$}", "");
        if let Some(d) = v.device {
            let _ = write!(self.out, "{} ", esc(d));
        }
        let minor = v.minor.map_or(-1, i64::from);
        let _ = writeln!(self.out, "minor {minor};");
        if !has_lower {
            let disk = match v.disk {
                Some(Some(d)) => esc(d),
                Some(None) => "none".into(),
                None => esc(""),
            };
            self.print_a("disk", &disk);
            match v.meta {
                Some(MetaDisk::Flexible(dev)) => {
                    self.line(&format!("{:<16} {};\n", "meta-disk", esc(dev)))
                }
                Some(MetaDisk::Internal) => self.print_a("meta-disk", "internal"),
                Some(MetaDisk::Indexed(dev, i)) => {
                    self.line(&format!("{:<16} {} [{}];\n", "meta-disk", esc(dev), i))
                }
                None => self.line(&format!("{:<16} \"\" [(null)];\n", "meta-disk")),
            }
        }
        if !v.implicit {
            self.indent -= 1;
            self.line("}\n");
        }
    }

    fn address84(&mut self, name: &str, a: Option<&Address>) {
        match a {
            Some(a) if a.af == "ipv6" => {
                self.line(&format!("{name:<16} {} [{}]:{};\n", a.af, a.addr, a.port))
            }
            Some(a) => self.line(&format!("{name:<16} {} {}:{};\n", a.af, a.addr, a.port)),
            None => self.line(&format!("{name:<16} (null) (null):(null);\n")),
        }
    }

    fn proxy84(&mut self, p: &ProxyInfo) {
        self.line(&format!("proxy on {} {{\n", p.on_hosts.join(" ")));
        self.indent += 1;
        self.address84("inside", p.inside.as_ref());
        self.address84("outside", p.outside.as_ref());
        let plugins = Dumper::plugin_opts(&p.plugins);
        self.section("options", Some("plugin"), &p.options, &[&plugins]);
        self.indent -= 1;
        self.line("}\n");
    }
}
