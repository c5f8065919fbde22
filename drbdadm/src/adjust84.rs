//! `drbdadm adjust` of the DRBD 8.4 personality (user/v84/drbdadm_adjust.c): the running
//! configuration (`drbdsetup-84 show RES`, or the file named by `FAKE_DRBDSETUP_SHOW`) is
//! compared with the configured one and only the differences are scheduled: new-resource,
//! resource-options, detach/del-minor, new-minor, attach, disk-options, resize, disconnect,
//! connect, net-options (the `--set-defaults` forms, as upstream).

use conf_parser::load::{self, Input};
use conf_parser::model::Address;
use conf_parser::optblock::{self, BlockKind};
use conf_parser::options::{Dialect, Section};
use conf_parser::syntax::Stmt;
use conf_parser::Diagnostics;

use crate::adjust::opts::{is_default, is_equal};
use crate::adjust::report;
use crate::expand::{XOpt, XRes, XVol};
use crate::gen::{Ctx, Gen};
use crate::plan::{Action, Invocation, Plan, Stage, Timeout};

type Opts = Vec<(String, Option<String>)>;

/// A volume as the kernel runs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KVol {
    /// Volume number.
    pub vnr: u32,
    /// Minor.
    pub minor: Option<u32>,
    /// Backing disk.
    pub disk: Option<String>,
    /// `internal` or the meta device.
    pub meta_disk: Option<String>,
    /// Index.
    pub meta_index: Option<String>,
    /// Disk options.
    pub disk_opts: Opts,
}

/// A resource as the kernel runs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KRes {
    /// `options {}`.
    pub res_opts: Opts,
    /// `net {}`.
    pub net_opts: Opts,
    /// Local address.
    pub me: Option<Address>,
    /// Peer address.
    pub peer: Option<Address>,
    /// Volumes.
    pub volumes: Vec<KVol>,
}

/// Parses 8.4's `drbdsetup show RES` output; `None` when the resource is not running.
pub fn parse(text: &str) -> Option<KRes> {
    let mut first: Option<Option<KRes>> = None;
    load::load(
        Input::Text {
            name: "drbdsetup show",
            text: text.to_string(),
        },
        &[],
        &mut |st, _, _| {
            if first.is_none() && st.keyword().is_kw("resource") {
                first = Some(resource(&st));
            }
        },
    )
    .ok()?;
    first.flatten()
}

fn resource(st: &Stmt<'_>) -> Option<KRes> {
    let block = st.block.as_ref()?;
    let mut k = KRes::default();
    for st in &block.stmts {
        let Some(b) = &st.block else { continue };
        match st.keyword().as_str() {
            "options" => k.res_opts = opts(&b.stmts, BlockKind::Options),
            "net" => k.net_opts = opts(&b.stmts, BlockKind::Net),
            "_remote_host" => k.peer = b.stmts.iter().find_map(address),
            "_this_host" => {
                k.me = b.stmts.iter().find_map(address);
                for v in &b.stmts {
                    if v.keyword().is_kw("volume") {
                        if let Some(kv) = volume(v) {
                            k.volumes.push(kv);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    k.volumes.sort_by_key(|v| v.vnr);
    Some(k)
}

fn opts(stmts: &[Stmt], kind: BlockKind) -> Opts {
    let mut diags = Diagnostics::default();
    optblock::parse_block(stmts, kind, Dialect::V84, &mut diags)
        .into_iter()
        .map(|r| (r.opt.name, r.opt.value))
        .collect()
}

fn words(st: &Stmt) -> Vec<String> {
    st.args()
        .iter()
        .map(|t| t.text.trim_matches('"').to_string())
        .collect()
}

fn address(st: &Stmt) -> Option<Address> {
    if !st.keyword().is_kw("address") {
        return None;
    }
    let w = words(st);
    let (af, rest) = match w.first().map(String::as_str) {
        Some(af @ ("ipv4" | "ipv6" | "ssocks" | "sdp" | "sci")) => {
            (af.to_string(), w[1..].join(""))
        }
        _ => ("ipv4".to_string(), w.join("")),
    };
    let (addr, port) = rest.rsplit_once(':')?;
    Some(Address {
        af,
        addr: addr
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port: port.to_string(),
        span: st.span,
    })
}

fn volume(st: &Stmt) -> Option<KVol> {
    let vnr = st.args().first()?.text.parse().ok()?;
    let mut v = KVol {
        vnr,
        ..KVol::default()
    };
    for s in &st.block.as_ref()?.stmts {
        let w = words(s);
        match s.keyword().as_str() {
            "device" => {
                v.minor = w
                    .iter()
                    .skip_while(|x| *x != "minor")
                    .nth(1)
                    .and_then(|m| m.parse().ok())
                    .or_else(|| {
                        w.first()
                            .and_then(|d| d.trim_start_matches("/dev/drbd").parse().ok())
                    });
            }
            "disk" if s.block.is_some() => {
                if let Some(b) = &s.block {
                    v.disk_opts = opts(&b.stmts, BlockKind::VolumeDisk);
                }
            }
            "disk" => v.disk = w.first().filter(|d| *d != "none").cloned(),
            "meta-disk" => match w.first().map(String::as_str) {
                Some("internal") => {
                    v.meta_disk = Some("internal".into());
                    v.meta_index = Some("internal".into());
                }
                Some(d) => {
                    v.meta_disk = Some(d.to_string());
                    v.meta_index = Some(
                        w.get(1)
                            .map(|i| i.trim_matches(['[', ']']).to_string())
                            .unwrap_or_else(|| "flexible".into()),
                    );
                }
                None => {}
            },
            _ => {}
        }
    }
    Some(v)
}

/// The section the comparison looks the option up in: 8.4's disk options such as
/// `resync-rate` are peer-device options in the (DRBD 9) table the comparison reads.
fn sec(section: Section, name: &str) -> Section {
    if conf_parser::options::lookup(name, section, Dialect::V9).is_some() {
        return section;
    }
    conf_parser::options::find(name)
        .and_then(|o| o.v9.map(|s| s.section))
        .unwrap_or(section)
}

fn is_equal84(section: Section, name: &str, a: Option<&str>, b: Option<&str>) -> bool {
    is_equal(sec(section, name), name, a, b)
}

fn is_default84(section: Section, name: &str, v: Option<&str>) -> bool {
    is_default(sec(section, name), name, v)
}

/// Upstream's `opts_equal()`: every running option equals the configured one or is the
/// default; every configured option not running is the default.
fn opts_equal(section: Section, conf: &[XOpt], run: &Opts, skip: &[&str]) -> bool {
    let is_equal = is_equal84;
    let is_default = is_default84;
    for (name, value) in run.iter().filter(|(n, _)| !skip.contains(&n.as_str())) {
        let rv = report::value(value.as_deref());
        match conf.iter().find(|c| &c.name == name) {
            Some(c) => {
                let cv = report::value(c.value.as_deref());
                if !is_equal(section, name, value.as_deref(), c.value.as_deref()) {
                    report::differs(format_args!("Value of '{name}' differs: r={rv} c={cv}"));
                    return false;
                }
                report::equal(format_args!("Value of '{name}' equal: r={rv} c={cv}"));
            }
            None => {
                if !is_default(section, name, value.as_deref()) {
                    report::differs(format_args!("Only in running config {name}: {rv}"));
                    return false;
                }
                report::equal(format_args!("Is default: '{name}' equal: r={rv}"));
            }
        }
    }
    let extra = conf
        .iter()
        .filter(|c| !skip.contains(&c.name.as_str()))
        .filter(|c| !run.iter().any(|(n, _)| *n == c.name))
        .find(|c| !is_default(section, &c.name, c.value.as_deref()));
    if let Some(c) = extra {
        let cv = report::value(c.value.as_deref());
        report::differs(format_args!("Only in config file {}: {cv}", c.name));
        return false;
    }
    true
}

/// `-vvv`: upstream's "Network addresses differ" lines, `(null)` for a missing side.
fn report_addresses(
    run: (Option<&Address>, Option<&Address>),
    conf: (Option<&Address>, Option<&Address>),
) {
    let part = |a: Option<&Address>| match a {
        Some(a) => format!("{}:{}:{}", a.af, a.addr, a.port),
        None => "(null):(null):(null)".into(),
    };
    report::differs(format_args!(
        "Network addresses differ:\n\trunning: {} -- {}\n\t config: {} -- {}",
        part(run.0),
        part(run.1),
        part(conf.0),
        part(conf.1)
    ));
}

fn disk_equal(conf: &XVol, k: &KVol) -> bool {
    match (&conf.disk, &k.disk) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let ci = conf.meta_disk.as_deref() == Some("internal");
            let ki = k.meta_disk.as_deref() == Some("internal");
            a == b && ci == ki && (ci || conf.meta_disk == k.meta_disk)
        }
        _ => false,
    }
}

fn addr_eq(a: Option<&Address>, b: Option<&Address>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.af == b.af
                && a.port == b.port
                && match (
                    a.addr.parse::<std::net::IpAddr>(),
                    b.addr.parse::<std::net::IpAddr>(),
                ) {
                    (Ok(x), Ok(y)) => x == y,
                    _ => a.addr == b.addr,
                }
        }
        (None, None) => true,
        _ => false,
    }
}

/// What `drbdsetup-84 show RES` says (or `FAKE_DRBDSETUP_SHOW`).
pub fn running(gen: &Gen<'_>, res: &str) -> Option<KRes> {
    let text = match std::env::var_os("FAKE_DRBDSETUP_SHOW") {
        Some(f) => std::fs::read_to_string(f).unwrap_or_default(),
        None => {
            let out = std::process::Command::new(crate::exec::resolve(&gen.tools.drbdsetup))
                .args(["show", res])
                .stderr(std::process::Stdio::null())
                .output()
                .ok()?;
            String::from_utf8_lossy(&out.stdout).into_owned()
        }
    };
    parse(&text)
}

/// Schedules what `adjust` must change for `res`.
pub fn schedule(gen: &Gen<'_>, res: &XRes, kern: Option<&KRes>, plan: &mut Plan) {
    report::set_level(gen.verbose);
    let (is_equal, is_default) = (is_equal84, is_default84);
    let Some(me) = res.me() else { return };
    let find = |n: &str| crate::table::find(Dialect::V84, n).expect("command in table");
    let ctx = Ctx::res(res);
    let setup = |words: Vec<String>| {
        let mut a = vec![gen.tools.drbdsetup.clone()];
        a.extend(words);
        Action::Run(Invocation::new(a, Some(&res.name), Timeout::Short))
    };
    // detach and del-minor go through upstream's `_adm_generic()`, which exports
    // `DRBD_RESOURCE`.
    let generic = |words: Vec<String>| {
        let mut a = vec![gen.tools.drbdsetup.clone()];
        a.extend(words);
        Action::Run(Invocation::new(a, Some(&res.name), Timeout::Short).exporting_resource())
    };
    let opts84 = |opts: &[XOpt], skip: &[&str]| -> Vec<String> {
        let kept: Vec<XOpt> = opts
            .iter()
            .filter(|o| !skip.contains(&o.name.as_str()))
            .cloned()
            .collect();
        Gen::opts84(&kept)
    };
    let peer_addr = res
        .conns
        .iter()
        .find(|c| !c.ignore)
        .and_then(|c| res.peer_of(c))
        .and_then(|p| p.address.clone());
    let do_connect;
    let (mut do_net, mut do_res) = (false, false);
    match kern {
        None => {
            do_connect = true;
            plan.defer(
                Stage::Prereq,
                &res.name,
                gen.function84(find("new-resource"), &ctx),
                None,
                None,
            );
        }
        Some(k) => {
            do_connect = !(match &k.peer {
                Some(_) => {
                    let want_peer = me
                        .proxy
                        .as_ref()
                        .and_then(|p| p.inside.clone())
                        .or(peer_addr.clone());
                    let same = peer_addr.is_some()
                        && addr_eq(me.address.as_ref(), k.me.as_ref())
                        && addr_eq(want_peer.as_ref(), k.peer.as_ref());
                    if !same {
                        report_addresses(
                            (k.me.as_ref(), k.peer.as_ref()),
                            (me.address.as_ref(), want_peer.as_ref()),
                        );
                    }
                    same
                }
                None => peer_addr.is_none(),
            });
            do_net = !opts_equal(Section::Net, &res.net_opts, &k.net_opts, &[]);
            do_res = !opts_equal(Section::Resource, &res.res_opts, &k.res_opts, &[]);
        }
    }
    let do_disconnect =
        do_connect && kern.is_some_and(|k| k.peer.is_some() || !k.net_opts.is_empty());
    if do_res {
        let mut a = vec![
            "resource-options".into(),
            res.name.clone(),
            "--set-defaults".into(),
        ];
        a.extend(opts84(&res.res_opts, &[]));
        plan.defer(Stage::Resource, &res.name, setup(a), None, None);
    }
    let kvols: Vec<KVol> = kern.map(|k| k.volumes.clone()).unwrap_or_default();
    // Volumes running but no longer configured: detach and delete.
    for kv in kvols.iter().filter(|kv| me.volume(kv.vnr).is_none()) {
        let m = kv.minor.map(|m| m.to_string()).unwrap_or_default();
        if kv.disk.is_some() {
            plan.defer(
                Stage::Prereq,
                &res.name,
                generic(vec!["detach".into(), m.clone()]),
                None,
                None,
            );
        }
        plan.defer(
            Stage::Prereq,
            &res.name,
            generic(vec!["del-minor".into(), m]),
            None,
            None,
        );
    }
    for vol in &me.volumes {
        let mut t = ctx;
        t.vol = Some(vol);
        let add_minor;
        let (mut attach, mut detach, mut disk_opts, mut resize) = (false, false, false, false);
        match kvols.iter().find(|k| k.vnr == vol.vnr) {
            None => {
                add_minor = true;
                attach = vol.disk.is_some();
            }
            Some(k) => {
                add_minor = vol.minor != k.minor;
                let del_minor = add_minor;
                if !disk_equal(vol, k) || add_minor {
                    attach = vol.disk.is_some();
                    detach = k.disk.is_some();
                }
                let opt = |o: &[XOpt], n: &str| {
                    o.iter().find(|x| x.name == n).and_then(|x| x.value.clone())
                };
                let kopt = |n: &str| {
                    k.disk_opts
                        .iter()
                        .find(|(x, _)| x == n)
                        .and_then(|(_, v)| v.clone())
                };
                let nd = |v: Option<String>, n: &str| {
                    v.filter(|v| !is_default(Section::Disk, n, Some(v)))
                };
                let (cb, kb) = (
                    opt(&vol.disk_opts, "max-bio-bvecs"),
                    nd(kopt("max-bio-bvecs"), "max-bio-bvecs"),
                );
                if cb.is_some() != kb.is_some()
                    || matches!((&cb, &kb), (Some(a), Some(b)) if !is_equal(Section::Disk, "max-bio-bvecs", Some(a), Some(b)))
                {
                    attach = true;
                }
                if !attach {
                    let (cs, ks) = (opt(&vol.disk_opts, "size"), nd(kopt("size"), "size"));
                    resize = cs.is_some() != ks.is_some()
                        || matches!((&cs, &ks), (Some(a), Some(b)) if !is_equal(Section::Disk, "size", Some(a), Some(b)));
                    disk_opts = !opts_equal(
                        Section::Disk,
                        &vol.disk_opts,
                        &k.disk_opts,
                        &["size", "max-bio-bvecs"],
                    );
                }
                if attach && k.disk.is_some() {
                    detach = true;
                }
                if detach || del_minor {
                    let m = k.minor.map(|m| m.to_string()).unwrap_or_default();
                    if detach {
                        plan.defer(
                            Stage::Prereq,
                            &res.name,
                            generic(vec!["detach".into(), m.clone()]),
                            None,
                            None,
                        );
                    }
                    if del_minor {
                        plan.defer(
                            Stage::Prereq,
                            &res.name,
                            generic(vec!["del-minor".into(), m]),
                            None,
                            None,
                        );
                    }
                }
            }
        }
        if add_minor {
            plan.defer(
                Stage::DiskPrepUp,
                &res.name,
                gen.function84(find("new-minor"), &t),
                None,
                None,
            );
        }
        if attach {
            plan.defer(
                Stage::Disk,
                &res.name,
                gen.function84(find("attach"), &t),
                None,
                None,
            );
        }
        if disk_opts {
            let mut a = vec![
                "disk-options".into(),
                vol.minor_str(),
                "--set-defaults".into(),
            ];
            a.extend(opts84(&vol.disk_opts, &["size", "max-bio-bvecs"]));
            plan.defer(Stage::Disk, &res.name, setup(a), None, None);
        }
        if resize {
            plan.defer(
                Stage::Disk,
                &res.name,
                gen.function84(find("resize"), &t),
                None,
                None,
            );
        }
    }
    if do_connect {
        if do_disconnect {
            if let Some(k) = kern {
                let addr =
                    |a: &Option<Address>| a.as_ref().map(|a| a.to_setup_arg()).unwrap_or_default();
                plan.defer(
                    Stage::NetPrepDown,
                    &res.name,
                    setup(vec!["disconnect".into(), addr(&k.me), addr(&k.peer)]),
                    None,
                    None,
                );
            }
        }
        plan.defer(
            Stage::WaitConnect,
            &res.name,
            gen.function84(find("connect"), &ctx),
            None,
            None,
        );
        do_net = false;
    }
    if do_net {
        let mut a = vec!["net-options".to_string()];
        a.push(
            me.address
                .as_ref()
                .map(|a| a.to_setup_arg())
                .unwrap_or_default(),
        );
        a.push(
            peer_addr
                .as_ref()
                .map(|a| a.to_setup_arg())
                .unwrap_or_else(|| "N/A".into()),
        );
        a.push("--set-defaults".into());
        a.extend(opts84(&res.net_opts, &[]));
        plan.defer(Stage::WaitConnect, &res.name, setup(a), None, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOW: &str = r#"resource r0 {
    options {
    }
    net {
        max-buffers         8000;
        cram-hmac-alg       "sha1";
        shared-secret       "s3cret";
    }
    _remote_host {
        address			ipv4 10.0.0.2:7789;
    }
    _this_host {
        address			ipv4 10.0.0.1:7789;
        volume 0 {
            device			minor 0;
            disk			"/dev/loop0";
            meta-disk			internal;
            disk {
                resync-rate     	40960k; # bytes/second
            }
        }
    }
}
"#;

    #[test]
    fn reads_84_show_output() {
        let k = parse(SHOW).expect("parses");
        assert_eq!(
            k.me.as_ref().map(|a| a.to_setup_arg()).as_deref(),
            Some("ipv4:10.0.0.1:7789")
        );
        assert_eq!(k.peer.as_ref().map(|a| a.addr.as_str()), Some("10.0.0.2"));
        assert_eq!(k.volumes.len(), 1);
        assert_eq!(k.volumes[0].minor, Some(0));
        assert_eq!(k.volumes[0].disk.as_deref(), Some("/dev/loop0"));
        assert_eq!(k.volumes[0].meta_index.as_deref(), Some("internal"));
        assert!(k.volumes[0]
            .disk_opts
            .iter()
            .any(|(n, v)| n == "resync-rate" && v.as_deref() == Some("40960k")));
        assert!(k
            .net_opts
            .iter()
            .any(|(n, v)| n == "max-buffers" && v.as_deref() == Some("8000")));
    }

    #[test]
    fn units_and_defaults_compare_like_upstream() {
        let conf = vec![XOpt {
            name: "resync-rate".into(),
            value: Some("40M".into()),
            inherited: false,
        }];
        let run: Opts = vec![("resync-rate".into(), Some("40960k".into()))];
        assert!(opts_equal(Section::Disk, &conf, &run, &[]));
        let run2: Opts = vec![("resync-rate".into(), Some("10240k".into()))];
        assert!(!opts_equal(Section::Disk, &conf, &run2, &[]));
        assert!(parse("").is_none());
    }
}
