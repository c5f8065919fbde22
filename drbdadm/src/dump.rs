//! `drbdadm dump`: the configuration in upstream's canonical format, byte for byte as
//! drbd-utils' `drbdadm_dump.c` prints it (column widths, quoting, header comments).
//! Plain `dump` prints the model as parsed (options already routed to their sections,
//! values verbatim), not expanded.

use std::fmt::Write as _;

use crate::expand::{XConn, XHost, XOpt, XRes};
use conf_parser::model::{
    Address, Config, Connection, Host, HostAddr, HostKind, Mesh, MetaDisk, Options, ProxyInfo,
    Resource, SectionOptions, UsageCount, Volume,
};

const INDENT_WIDTH: i32 = 4;

/// Upstream's `esc()`: values outside `[a-zA-Z0-9/._-]`, or longer than 80 characters, are
/// double-quoted with `"` and `\` escaped; the empty string prints as `""`.
pub fn esc(s: &str) -> String {
    if s.is_empty() {
        return "\"\"".into();
    }
    let plain = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c));
    if plain && s.len() <= 80 {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The printer: an output buffer and the current indent level.
pub struct Dumper {
    pub(crate) out: String,
    pub(crate) indent: i32,
    pub(crate) verbose: bool,
    /// Each written connection's `_name`, once upstream resolved the peers (a resource
    /// looked up by name): it leads the connection's net options.
    pub(crate) conn_names: Vec<Option<String>>,
    /// The resource after `expand_common()` (`-d`, `-v`): host volumes, connections and
    /// the option sections print from it.
    pub(crate) expanded: Option<XRes>,
}

impl Dumper {
    /// A printer; `verbose` shows implicit objects as upstream's `-v` does.
    pub fn new(verbose: bool) -> Dumper {
        Dumper {
            out: String::new(),
            indent: 0,
            verbose,
            conn_names: Vec::new(),
            expanded: None,
        }
    }

    /// The text printed so far.
    pub fn finish(self) -> String {
        self.out
    }

    pub(crate) fn pad(&mut self) {
        let n = (INDENT_WIDTH * self.indent) as usize;
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    // printI(fmt, ...): indent, then the text.
    pub(crate) fn line(&mut self, text: &str) {
        self.pad();
        self.out.push_str(text);
    }

    // printA(name, val): "%*s%*s %3s;\n" with the name in a field of -24+4*indent.
    pub(crate) fn print_a(&mut self, name: &str, val: &str) {
        self.pad();
        let width = -24 + INDENT_WIDTH * self.indent;
        let _ = match width.cmp(&0) {
            std::cmp::Ordering::Less => write!(self.out, "{:<w$}", name, w = (-width) as usize),
            std::cmp::Ordering::Equal => write!(self.out, "{name}"),
            std::cmp::Ordering::Greater => write!(self.out, "{:>w$}", name, w = width as usize),
        };
        let _ = writeln!(self.out, " {val:>3};");
    }

    pub(crate) fn options(&mut self, opts: &Options) {
        for o in opts {
            match &o.value {
                Some(v) => self.print_a(&o.name, &esc(v)),
                None => self.line(&format!("{};\n", o.name)),
            }
        }
    }

    /// dump_options(section, subsection, lists...): nothing if all lists are empty; the
    /// first list directly, the others inside the subsection block if one is named.
    pub(crate) fn section(
        &mut self,
        name: &str,
        sub: Option<&str>,
        first: &Options,
        rest: &[&Options],
    ) {
        if first.is_empty() && rest.iter().all(|l| l.is_empty()) {
            return;
        }
        let subsection = sub.filter(|_| rest.iter().any(|l| !l.is_empty()));
        self.line(&format!("{name} {{\n"));
        self.indent += 1;
        self.options(first);
        if let Some(s) = subsection {
            self.line(&format!("{s} {{\n"));
            self.indent += 1;
        }
        for l in rest {
            self.options(l);
        }
        if subsection.is_some() {
            self.indent -= 1;
            self.line("}\n");
        }
        self.indent -= 1;
        self.line("}\n");
    }

    pub(crate) fn plugin_opts(plugins: &[String]) -> Options {
        plugins
            .iter()
            .map(|p| conf_parser::model::Opt {
                name: p.clone(),
                value: None,
                span: Default::default(),
            })
            .collect()
    }

    fn option_sections(&mut self, o: &SectionOptions) {
        // stacked-timeouts is kept as a flag upstream and appended last (fake_startup_options).
        let mut startup: Options = o
            .startup
            .iter()
            .filter(|x| x.name != "stacked-timeouts")
            .cloned()
            .collect();
        startup.extend(
            o.startup
                .iter()
                .filter(|x| x.name == "stacked-timeouts")
                .cloned(),
        );
        self.section("options", None, &o.res, &[]);
        self.section("net", None, &o.net, &[]);
        self.section("disk", None, &o.device, &[&o.disk, &o.pd]);
        self.section("startup", None, &startup, &[]);
        let plugins = Self::plugin_opts(&o.proxy_plugins);
        self.section("proxy", Some("plugin"), &o.proxy, &[&plugins]);
        self.section("handlers", None, &o.handlers, &[]);
    }

    /// `# FILE`, `global {}` (only when not default) and `common {}`.
    pub fn header(&mut self, cfg: &Config) {
        let main = cfg.main_name().to_string();
        let _ = writeln!(self.out, "# {main}");
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
            if g.usage_count != UsageCount::Ask {
                let v = if g.usage_count == UsageCount::Yes {
                    "yes"
                } else {
                    "no"
                };
                self.line(&format!("usage-count {v};\n"));
            }
            self.indent -= 1;
            self.line("}\n\n");
        }
        if let Some(c) = &cfg.common {
            self.line("common {\n");
            self.indent += 1;
            self.option_sections(&c.opts);
            self.indent -= 1;
            self.out.push_str("}\n\n");
        }
    }

    fn address(&mut self, name: &str, a: &Address, postfix: &str) {
        self.pad();
        if a.af == "ipv6" {
            let _ = write!(
                self.out,
                "{:<16} {} [{}]:{}{}",
                name, a.af, a.addr, a.port, postfix
            );
        } else {
            let _ = write!(
                self.out,
                "{:<16} {} {}:{}{}",
                name, a.af, a.addr, a.port, postfix
            );
        }
    }

    fn proxy(&mut self, prefix: &str, p: &ProxyInfo) {
        self.line(&format!("{prefix}proxy on {} {{\n", p.on_hosts.join(" ")));
        self.indent += 1;
        if let Some(a) = &p.inside {
            self.address("inside", a, ";\n");
        }
        if let Some(a) = &p.outside {
            self.address("outside", a, ";\n");
        }
        let plugins = Self::plugin_opts(&p.plugins);
        self.section("options", Some("plugin"), &p.options, &[&plugins]);
        self.indent -= 1;
        self.line("}\n");
    }

    fn volume(&mut self, has_lower: bool, v: &Volume) {
        if !v.implicit {
            self.line(&format!("volume {} {{\n", v.vnr));
            self.indent += 1;
        }
        self.section("disk", None, &v.device_opts, &[&v.disk_opts, &v.pd_opts]);
        if let Some(d) = &v.device {
            self.pad();
            let w = (-19 + INDENT_WIDTH * self.indent).unsigned_abs() as usize;
            let _ = write!(self.out, "device{:w$}", "");
            if let Some(p) = &d.path {
                let _ = write!(self.out, "{} ", esc(p));
            }
            let minor = d.minor.map_or(-1, i64::from);
            let _ = writeln!(self.out, "minor {minor};");
        }
        if !has_lower {
            if let Some((disk, _)) = &v.disk {
                self.print_a("disk", &esc(disk.as_deref().unwrap_or("none")));
            }
            if let Some((md, _)) = &v.meta_disk {
                match md {
                    MetaDisk::Flexible(dev) => {
                        self.line(&format!("{:<16} {};\n", "meta-disk", esc(dev)))
                    }
                    MetaDisk::Internal => self.print_a("meta-disk", "internal"),
                    MetaDisk::Indexed(dev, i) => {
                        self.line(&format!("{:<16} {} [{}];\n", "meta-disk", esc(dev), i))
                    }
                }
            }
        }
        if let Some(t) = v.tiebreaker {
            self.print_a("tiebreaker", if t { "yes" } else { "no" });
        }
        if !v.implicit {
            self.indent -= 1;
            self.line("}\n");
        }
    }

    fn host(&mut self, cfg: &Config, h: &Host, xh: Option<&XHost>) {
        let has_lower = matches!(h.kind, HostKind::StackedOn(_));
        match &h.kind {
            HostKind::StackedOn(lower) => {
                self.line(&format!("stacked-on-top-of {} {{\n", esc(lower)));
                self.indent += 1;
                // The stacked section runs on every host of the lower resource.
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
                self.address("floating", a, " {\n");
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
        // Upstream prints the pointer with %s; a missing node-id shows as "(null)".
        self.line(&format!(
            "node-id {};\n",
            h.node_id.as_deref().unwrap_or("(null)")
        ));
        self.section("options", None, &h.res_opts, &[]);
        if let Some(xh) = xh {
            self.expanded_volumes(has_lower, h, xh);
        }
        for v in h.volumes.iter().filter(|_| xh.is_none()) {
            // A stacked section's implicit volume only carries what upstream derives
            // (the lower device and internal metadata), which plain `dump` does not show.
            if has_lower && v.implicit && !self.verbose {
                continue;
            }
            if v.device.is_some() || v.disk.is_some() || v.meta_disk.is_some() || self.verbose {
                self.volume(has_lower, v);
            }
        }
        if !matches!(h.kind, HostKind::Floating(_)) {
            if let Some(a) = &h.address {
                self.address("address", a, ";\n");
            }
        }
        if let Some(p) = &h.proxy {
            self.proxy("", p);
        }
        self.indent -= 1;
        self.line("}\n");
    }

    fn host_addrs(&mut self, hosts: &[HostAddr]) {
        for ha in hosts {
            if ha.by_address {
                let postfix = format!(
                    "{}# on {}\n",
                    if ha.proxy.is_some() { " " } else { "; " },
                    ha.name
                );
                if let Some(a) = &ha.address {
                    self.address("address", a, &postfix);
                }
            } else {
                self.line(&format!("host {}", ha.name));
                if let Some(a) = &ha.address {
                    let saved = std::mem::take(&mut self.out);
                    self.address(" address", a, "");
                    let printed = std::mem::replace(&mut self.out, saved);
                    self.out.push_str(&printed);
                } else if let Some(p) = &ha.port {
                    let _ = write!(self.out, " port {p}");
                }
            }
            if let Some(p) = &ha.proxy {
                self.proxy(" via ", p);
            } else if let Some(a) = &ha.outside {
                self.address(" via outside-address", a, ";\n");
            } else if !ha.by_address {
                self.out.push_str(";\n");
            }
        }
    }

    fn connection(&mut self, c: &Connection, name: Option<&str>, xc: Option<&XConn>) {
        self.pad();
        self.out.push_str("connection");
        if let Some(n) = &c.name {
            let _ = write!(self.out, " {}", esc(n));
        }
        self.out.push_str(" {\n");
        self.indent += 1;
        match c.paths.first() {
            Some(p) if p.implicit && !self.verbose => self.host_addrs(&p.hosts),
            _ => {
                for p in &c.paths {
                    self.line("path {\n");
                    self.indent += 1;
                    self.host_addrs(&p.hosts);
                    self.indent -= 1;
                    self.line("}\n");
                }
            }
        }
        let mut net = xc.map_or_else(|| c.net_opts.clone(), |x| model_opts(&x.net_opts));
        if let Some(n) = name.filter(|_| !net.iter().any(|o| o.name == "_name")) {
            net.insert(
                0,
                conf_parser::model::Opt {
                    name: "_name".into(),
                    value: Some(n.to_string()),
                    span: Default::default(),
                },
            );
        }
        self.section("net", None, &net, &[]);
        if let Some(xc) = xc {
            self.section("disk", None, &model_opts(&xc.pd_opts), &[]);
            let verbose = self.verbose;
            for pd in xc.peer_devices.iter().filter(|p| !p.implicit || verbose) {
                self.line(&format!("volume {} {{\n", pd.vnr));
                self.indent += 1;
                self.section("disk", None, &model_opts(&pd.pd_opts), &[]);
                self.indent -= 1;
                self.line("}\n");
            }
            self.indent -= 1;
            self.line("}\n");
            return;
        }
        self.section("disk", None, &c.pd_opts, &[]);
        for pd in &c.peer_devices {
            self.line(&format!("volume {} {{\n", pd.vnr));
            self.indent += 1;
            self.section("disk", None, &pd.pd_opts, &[]);
            self.indent -= 1;
            self.line("}\n");
        }
        self.indent -= 1;
        self.line("}\n");
    }

    fn mesh(&mut self, m: &Mesh) {
        self.line("connection-mesh {\n");
        self.indent += 1;
        self.line("hosts");
        for h in &m.hosts {
            let _ = write!(self.out, " {h}");
        }
        self.out.push_str(";\n");
        self.section("net", None, &m.net_opts, &[]);
        self.indent -= 1;
        self.line("}\n");
    }

    /// One resource with its header comments.
    /// `me` is this node's host section, if any (upstream's `ignored` and `stacked` flags).
    pub fn resource(&mut self, cfg: &Config, res: &Resource, hostname: &str, me: Option<usize>) {
        let ignored = me.is_none();
        let stacked = me.is_some_and(|i| matches!(res.hosts[i].kind, HostKind::StackedOn(_)));
        let line = cfg.sources.locate(res.span).1.line;
        self.line(&format!(
            "# resource {} on {}: {}, {}\n",
            esc(&res.name),
            hostname,
            if ignored { "ignored" } else { "not ignored" },
            if stacked { "stacked" } else { "not stacked" }
        ));
        // The file the resource is written in (an included one names itself).
        let file = &cfg.sources.file(res.span.file).name;
        self.line(&format!("# defined at {file}:{line}\n"));
        self.line(&format!("resource {} {{\n", esc(&res.name)));
        self.indent += 1;
        if let Some(t) = &res.template_file {
            self.line(&format!("template-file {};\n", esc(t)));
        }
        for v in &res.volumes {
            if !self.verbose && (v.device.is_some() || v.disk.is_some() || v.meta_disk.is_some()) {
                self.volume(res.is_stacked(), v);
            }
        }
        let ex = self.expanded.take();
        for (i, h) in res.hosts.iter().enumerate() {
            self.host(cfg, h, ex.as_ref().and_then(|x| x.hosts.get(i)));
        }
        let names = std::mem::take(&mut self.conn_names);
        let xconns: Vec<&XConn> = ex
            .iter()
            .flat_map(|x| x.conns.iter().filter(|c| !c.implicit))
            .collect();
        match &ex {
            // -v shows every connection as expanded, implicit ones too.
            Some(x) if self.verbose => {
                for c in &x.conns {
                    self.xconnection(c);
                }
            }
            _ => {
                for (i, c) in res.connections.iter().enumerate() {
                    let name = names.get(i).and_then(|n| n.as_deref());
                    self.connection(c, name, xconns.get(i).copied());
                }
            }
        }
        if !self.verbose {
            for m in &res.meshes {
                self.mesh(m);
            }
        }
        match &ex {
            Some(x) => self.option_sections(&expanded_sections(x)),
            None => self.option_sections(&res.opts),
        }
        self.indent -= 1;
        self.out.push_str("}\n\n");
    }

    /// A connection as `-v` prints it: every path in a `path {}`, every endpoint with its
    /// address, every peer device.
    fn xconnection(&mut self, c: &XConn) {
        self.line("connection {\n");
        self.indent += 1;
        for p in &c.paths {
            self.line("path {\n");
            self.indent += 1;
            for e in &p.ends {
                if e.faked_hostname {
                    if let Some(a) = &e.address {
                        let sep = if e.proxy.is_some() { " " } else { "; " };
                        self.address("address", a, &format!("{sep}# on {}\n", e.name));
                    }
                } else {
                    self.line(&format!("host {}", e.name));
                    if let Some(a) = &e.address {
                        self.address(" address", a, "");
                    }
                }
                if let Some(px) = &e.proxy {
                    self.proxy(" via ", px);
                } else if let Some(a) = &e.outside {
                    self.address(" via outside-address", a, ";\n");
                } else if !e.faked_hostname {
                    self.out.push_str(";\n");
                }
            }
            self.indent -= 1;
            self.line("}\n");
        }
        self.section("net", None, &model_opts(&c.net_opts), &[]);
        self.section("disk", None, &model_opts(&c.pd_opts), &[]);
        for pd in &c.peer_devices {
            self.line(&format!("volume {} {{\n", pd.vnr));
            self.indent += 1;
            self.section("disk", None, &model_opts(&pd.pd_opts), &[]);
            self.indent -= 1;
            self.line("}\n");
        }
        self.indent -= 1;
        self.line("}\n");
    }

    /// A host section's volumes after `expand_common()`: those it wrote (all with `-v`),
    /// each line only for what it wrote (everything with `-v`), with the inherited options
    /// and the device name made up from the minor.
    fn expanded_volumes(&mut self, has_lower: bool, h: &Host, xh: &XHost) {
        for xv in &xh.volumes {
            let own = h.volumes.iter().find(|v| v.vnr == xv.vnr);
            let verbose = self.verbose;
            let written = |f: &dyn Fn(&Volume) -> bool| verbose || own.is_some_and(f);
            if !written(&|v| v.device.is_some() || v.disk.is_some() || v.meta_disk.is_some()) {
                continue;
            }
            if has_lower && xv.implicit && !self.verbose {
                continue;
            }
            let span = Default::default();
            let mut v = Volume::new(xv.vnr, xv.implicit, span);
            if written(&|v| v.device.is_some()) {
                v.device = Some(conf_parser::model::Device {
                    path: xv.device.clone(),
                    minor: xv.minor,
                    span,
                });
            }
            if written(&|v| v.disk.is_some()) {
                let disk = if xv.disk_none { None } else { xv.disk.clone() };
                v.disk = Some((disk, span));
            }
            // `disk none` drops the meta data.
            if written(&|v| v.meta_disk.is_some()) && !xv.disk_none {
                let md = match (xv.meta_index.as_deref(), &xv.meta_disk) {
                    (Some("internal"), _) => Some(MetaDisk::Internal),
                    (Some("flexible"), Some(d)) => Some(MetaDisk::Flexible(d.clone())),
                    (Some(i), Some(d)) => i.parse().ok().map(|n| MetaDisk::Indexed(d.clone(), n)),
                    _ => None,
                };
                v.meta_disk = md.map(|m| (m, span));
            }
            v.device_opts = model_opts(&xv.device_opts);
            v.disk_opts = model_opts(&xv.disk_opts);
            v.pd_opts = model_opts(&xv.pd_opts);
            v.tiebreaker = own.and_then(|o| o.tiebreaker);
            self.volume(has_lower, &v);
        }
    }
}

/// Expanded options in the model's form, for printing.
fn model_opts(x: &[XOpt]) -> Options {
    x.iter()
        .map(|o| conf_parser::model::Opt {
            name: o.name.clone(),
            value: o.value.clone(),
            span: Default::default(),
        })
        .collect()
}

/// A resource's option sections after `expand_common()`.
fn expanded_sections(x: &XRes) -> SectionOptions {
    let mut startup = model_opts(&x.startup);
    if x.stacked_timeouts && !startup.iter().any(|o| o.name == "stacked-timeouts") {
        startup.push(conf_parser::model::Opt {
            name: "stacked-timeouts".into(),
            value: None,
            span: Default::default(),
        });
    }
    SectionOptions {
        res: model_opts(&x.res_opts),
        net: model_opts(&x.net_opts),
        disk: model_opts(&x.disk_opts),
        pd: model_opts(&x.pd_opts),
        device: model_opts(&x.device_opts),
        startup,
        proxy: model_opts(&x.proxy_opts),
        proxy_plugins: x.proxy_plugins.clone(),
        handlers: model_opts(&x.handlers),
    }
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn esc_quotes_like_upstream() {
        assert_eq!(esc("/dev/sda1"), "/dev/sda1");
        assert_eq!(esc(""), "\"\"");
        assert_eq!(esc("a b"), "\"a b\"");
        assert_eq!(esc("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(esc(&"x".repeat(81)), format!("\"{}\"", "x".repeat(81)));
    }
}
