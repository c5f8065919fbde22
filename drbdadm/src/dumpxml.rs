//! `drbdadm dump-xml`: the configuration as XML, in upstream's exact layout
//! (`adm_dump_xml()` and friends in user/v9/drbdadm_dump.c; four spaces per level).

use conf_parser::model::{Config, HostKind, SectionOptions};
use conf_parser::options::Dialect;

use crate::expand::{own, plugin_opts, XConn, XHost, XOpt, XRes, XVol};

/// Upstream's `esc_xml()`: entities for `' " < > &` (a backslash alone leaves the text as is).
pub fn esc_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\'' => out.push_str("&apos;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

fn line(out: &mut String, indent: usize, text: &str) {
    out.push_str(&" ".repeat(4 * indent));
    out.push_str(text);
    out.push('\n');
}

fn options(out: &mut String, indent: usize, opts: &[XOpt]) {
    for o in opts {
        match &o.value {
            Some(v) => line(
                out,
                indent,
                &format!("<option name=\"{}\" value=\"{}\"/>", o.name, esc_xml(v)),
            ),
            None => line(out, indent, &format!("<option name=\"{}\"/>", o.name)),
        }
    }
}

/// `dump_options_xml()`: a section from one or more option lists; the later lists go into
/// `sub` (only the proxy's plugins do).
fn section(out: &mut String, indent: usize, name: &str, sub: Option<&str>, lists: &[&[XOpt]]) {
    if lists.iter().all(|l| l.is_empty()) {
        return;
    }
    let subsection = sub.is_some() && lists.iter().skip(1).any(|l| !l.is_empty());
    line(out, indent, &format!("<section name=\"{name}\">"));
    options(out, indent + 1, lists[0]);
    let mut inner = indent + 1;
    if subsection {
        line(
            out,
            inner,
            &format!("<section name=\"{}\">", sub.unwrap_or_default()),
        );
        inner += 1;
    }
    for l in &lists[1..] {
        options(out, inner, l);
    }
    if subsection {
        line(out, indent + 1, "</section>");
    }
    line(out, indent, "</section>");
}

/// `<config file=...>`, `global` and `common`.
pub fn header(cfg: &Config, out: &mut String) {
    out.push_str(&format!("<config file=\"{}\">\n", cfg.main_name()));
    let g = &cfg.global;
    if g.minor_count != 0 || g.disable_ip_verification || g.dialog_refresh != 1 {
        line(out, 1, "<global>");
        if g.disable_ip_verification {
            line(out, 2, "<disable-ip-verification/>");
        }
        if g.minor_count != 0 {
            line(
                out,
                2,
                &format!("<minor-count count=\"{}\"/>", g.minor_count),
            );
        }
        if g.dialog_refresh != 1 {
            line(
                out,
                2,
                &format!("<dialog-refresh refresh=\"{}\"/>", g.dialog_refresh),
            );
        }
        line(out, 1, "</global>");
    }
    if let Some(c) = &cfg.common {
        line(out, 1, "<common>");
        common_sections(out, 2, &c.opts, cfg.dialect == Dialect::V84);
        line(out, 1, "</common>");
    }
}

/// 8.4 holds `stacked-timeouts` and `become-primary-on` as flags and prints them last
/// (`fake_startup_options()`).
fn startup84(opts: &[XOpt]) -> Vec<XOpt> {
    let last = |o: &&XOpt| o.name == "stacked-timeouts" || o.name == "become-primary-on";
    let mut v: Vec<XOpt> = opts.iter().filter(|o| !last(o)).cloned().collect();
    v.extend(
        opts.iter()
            .filter(|o| o.name == "stacked-timeouts")
            .take(1)
            .cloned(),
    );
    v.extend(
        opts.iter()
            .rev()
            .filter(|o| o.name == "become-primary-on")
            .take(1)
            .cloned(),
    );
    v
}

fn common_sections(out: &mut String, i: usize, o: &SectionOptions, v84: bool) {
    section(out, i, "options", None, &[&own(&o.res)]);
    section(out, i, "net", None, &[&own(&o.net)]);
    section(
        out,
        i,
        "disk",
        None,
        &[&own(&o.device), &own(&o.disk), &own(&o.pd)],
    );
    let startup = if v84 {
        startup84(&own(&o.startup))
    } else {
        own(&o.startup)
    };
    section(out, i, "startup", None, &[&startup]);
    section(
        out,
        i,
        "proxy",
        Some("plugin"),
        &[&own(&o.proxy), &plugin_opts(&o.proxy_plugins)],
    );
    section(out, i, "handlers", None, &[&own(&o.handlers)]);
}

fn volume(out: &mut String, i: usize, v: &XVol, expanded: bool) {
    line(out, i, &format!("<volume vnr=\"{}\">", v.vnr));
    section(
        out,
        i + 1,
        "disk",
        None,
        &[&v.device_opts, &v.disk_opts, &v.pd_opts],
    );
    let minor = v.minor.map_or_else(|| "-1".to_string(), |m| m.to_string());
    line(
        out,
        i + 1,
        &format!(
            "<device minor=\"{minor}\">{}</device>",
            esc_xml(if v.device_written || expanded {
                v.device.as_deref().unwrap_or("")
            } else {
                ""
            })
        ),
    );
    let disk = match (&v.disk, v.disk_none && !expanded) {
        (Some(d), _) => d.clone(),
        (None, true) => "none".into(),
        (None, false) => String::new(),
    };
    line(out, i + 1, &format!("<disk>{}</disk>", esc_xml(&disk)));
    let meta = if v.disk_none && expanded {
        (None, None)
    } else {
        (v.meta_index.as_deref(), v.meta_disk.as_deref())
    };
    match meta {
        (Some("flexible"), md) => line(
            out,
            i + 1,
            &format!("<meta-disk>{}</meta-disk>", esc_xml(md.unwrap_or(""))),
        ),
        (Some("internal"), _) => line(out, i + 1, "<meta-disk>internal</meta-disk>"),
        (Some(idx), md) => line(
            out,
            i + 1,
            &format!(
                "<meta-disk index=\"{idx}\">{}</meta-disk>",
                esc_xml(md.unwrap_or(""))
            ),
        ),
        (None, _) => {}
    }
    line(out, i, "</volume>");
}

fn address_xml(a: Option<&conf_parser::model::Address>) -> String {
    match a {
        Some(a) => format!(
            "<address family=\"{}\" port=\"{}\">{}</address>",
            a.af, a.port, a.addr
        ),
        None => "<address family=\"(null)\" port=\"(null)\">(null)</address>".into(),
    }
}

fn host(out: &mut String, i: usize, h: &XHost, expanded: bool) {
    if matches!(h.kind, HostKind::Floating(_)) {
        line(out, i, "<host floating=\"1\">");
    } else {
        line(out, i, &format!("<host name=\"{}\">", h.names.join(" ")));
    }
    for v in &h.volumes {
        volume(out, i + 1, v, expanded);
    }
    line(out, i + 1, &address_xml(h.address.as_ref()));
    line(out, i, "</host>");
}

fn connection(out: &mut String, i: usize, res: &XRes, c: &XConn, verbose: bool) {
    line(out, i, "<connection>");
    let ends = |out: &mut String, ind: usize, p: &crate::expand::XPath| {
        for e in &p.ends {
            let addr = e
                .address
                .as_ref()
                .or_else(|| e.host.and_then(|h| res.hosts[h].address.as_ref()));
            // A floating host goes by its sanitised fake name (`ADDR_PORT`).
            let name = &e.name;
            match &e.proxy {
                None => line(
                    out,
                    ind,
                    &format!("<host name=\"{name}\">{}</host>", address_xml(addr)),
                ),
                Some(px) => {
                    line(out, ind, &format!("<host name=\"{name}\">"));
                    line(out, ind + 1, &address_xml(addr));
                    proxy(out, ind + 1, px);
                    line(out, ind, "</host>");
                }
            }
        }
    };
    if c.paths.first().is_some_and(|p| p.implicit) && !verbose {
        if let Some(p) = c.paths.first() {
            ends(out, i + 1, p);
        }
    } else {
        for p in &c.paths {
            line(out, i + 1, "<path>");
            ends(out, i + 2, p);
            line(out, i + 1, "</path>");
        }
    }
    section(out, i + 1, "net", None, &[&c.net_opts]);
    section(out, i + 1, "disk", None, &[&c.pd_opts]);
    for pd in &c.peer_devices {
        if pd.implicit && !verbose {
            continue;
        }
        line(out, i + 1, &format!("<volume vnr=\"{}\">", pd.vnr));
        section(out, i + 2, "disk", None, &[&pd.pd_opts]);
        line(out, i + 1, "</volume>");
    }
    line(out, i, "</connection>");
}

/// One `<resource>`, at indent `base` (1 inside `<config>`, 0 when named); 8.4 (`v84`)
/// has no connections to show.
pub fn resource(r: &XRes, expanded: bool, verbose: bool, v84: bool, base: usize, out: &mut String) {
    line(
        out,
        base,
        &format!(
            "<resource name=\"{}\" conf-file-line=\"{}:{}\">",
            esc_xml(&r.name),
            esc_xml(&r.file),
            r.line
        ),
    );
    for h in &r.hosts {
        if h.names.is_empty() && !matches!(h.kind, HostKind::Floating(_)) {
            continue;
        }
        host(out, base + 1, h, expanded);
    }
    for c in r.conns.iter().filter(|_| !v84) {
        connection(out, base + 1, r, c, verbose);
    }
    let mut startup = r.startup.clone();
    if r.stacked_timeouts && !startup.iter().any(|o| o.name == "stacked-timeouts") {
        startup.push(XOpt {
            name: "stacked-timeouts".into(),
            value: None,
            inherited: false,
        });
    }
    if v84 {
        startup = startup84(&startup);
    }
    section(out, base + 1, "options", None, &[&r.res_opts]);
    section(out, base + 1, "net", None, &[&r.net_opts]);
    section(
        out,
        base + 1,
        "disk",
        None,
        &[&r.device_opts, &r.disk_opts, &r.pd_opts],
    );
    section(out, base + 1, "startup", None, &[&startup]);
    section(
        out,
        base + 1,
        "proxy",
        Some("plugin"),
        &[&r.proxy_opts, &plugin_opts(&r.proxy_plugins)],
    );
    section(out, base + 1, "handlers", None, &[&r.handlers]);
    line(out, base, "</resource>");
}

fn proxy(out: &mut String, i: usize, p: &conf_parser::model::ProxyInfo) {
    line(
        out,
        i,
        &format!("<proxy hostname=\"{}\">", p.on_hosts.join(" ")),
    );
    let ep = |tag: &str, a: Option<&conf_parser::model::Address>| match a {
        Some(a) => format!(
            "<{tag} family=\"{}\" port=\"{}\">{}</{tag}>",
            a.af, a.port, a.addr
        ),
        None => format!("<{tag} family=\"(null)\" port=\"(null)\">(null)</{tag}>"),
    };
    line(out, i + 1, &ep("inside", p.inside.as_ref()));
    line(out, i + 1, &ep("outside", p.outside.as_ref()));
    section(
        out,
        i + 1,
        "options",
        Some("plugin"),
        &[&own(&p.options), &plugin_opts(&p.plugins)],
    );
    line(out, i, "</proxy>");
}
