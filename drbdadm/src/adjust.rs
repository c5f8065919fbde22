//! `drbdadm adjust`, `adjust-with-progress` and `sh-list-adjustable` of the DRBD 9
//! personality, as upstream's user/v9/drbdadm_adjust.c: the running configuration
//! (`drbdsetup show [RES]`, or the file named by `FAKE_DRBDSETUP_SHOW`) is compared with the
//! configured one, and what differs is scheduled into the plan's deferred stages with
//! upstream's dependencies and "schedule once" rules.
//!
//! Scheduling is done in two steps. First every comparison runs and records jobs (command,
//! object, dependency), exactly where upstream calls `schedule_deferred_cmd()`; comparisons
//! may change the configured options (an option the kernel reports as unknown is dropped,
//! `transport` and `load-balance-paths` are left out of `net-options`). Then the jobs become
//! actions, from the configuration as it is after all comparisons, which is what upstream's
//! deferred commands see when they finally run. Cancelled jobs (the wait-connects adjust
//! does not need) are left out, and whatever depended on them has no dependency any more.

pub mod opts;
pub mod report;
pub mod show;

use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::Mutex;

use conf_parser::model::{Address, HostKind};
use conf_parser::options::{Dialect, Section};

use crate::cli::Cli;
use crate::error::AdmError;
use crate::expand::{find_opt, XConn, XHost, XPath, XPeerDev, XRes, XVol};
use crate::gen::{Ctx, Gen, OnError};
use crate::plan::{Action, Invocation, Plan, Stage, Timeout};
use crate::proxy::{self, ProxyConn, Reconf};
use crate::table::{self, CmdDef, Func};

use show::{RunConn, RunRes, RunVol, C_CONNECTED, C_CONNECTING, C_STANDALONE};

/// The plan hook for the commands of this module (DRBD 9 only): `adjust`,
/// `adjust-with-progress`, `sh-list-adjustable`, `proxy-up`, `proxy-down`. Returns the
/// immediate action to run, or `None` for every other command.
pub fn hook(
    gen: &Gen<'_>,
    cmd: &CmdDef,
    ctx: &Ctx<'_>,
    on_error: OnError,
    cli: &Cli,
    plan: &mut Plan,
) -> Result<Option<Action>, AdmError> {
    if gen.dialect != Dialect::V9 {
        return Ok(None);
    }
    match cmd.func {
        Func::Adjust | Func::AdjustWp | Func::ShListAdjustable => {
            // Upstream reads `drbdsetup show` once for all resources when more than one is
            // adjusted, else per resource.
            let multi =
                cli.resources.len() > 1 || cli.resources.first().is_some_and(|r| r == "all");
            let list_only = cmd.func == Func::ShListAdjustable;
            adjust(gen, ctx, multi, list_only, plan)?;
            Ok(Some(Action::Seq(Vec::new())))
        }
        Func::ProxyUp | Func::ProxyDown => Ok(Some(proxy::proxy_cmd(gen, cmd, ctx, on_error))),
        _ => Ok(None),
    }
}

/// What one adjust schedules, in upstream's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Job {
    NewResource,
    /// `resource-options --set-defaults`.
    ResOptions,
    NewMinor(u32),
    Attach(u32),
    /// Of the running volume.
    Detach(u32),
    /// Of the running volume.
    DelMinor(u32),
    /// `disk-options --set-defaults`; early when it re-enables the bitmap.
    DiskOptions {
        vnr: u32,
        early: bool,
    },
    Resize(u32),
    NewPeer(usize),
    /// Of a configured connection.
    DelPeer(usize),
    /// Of a running connection.
    DelPeerRunning(usize),
    /// All paths of a configured connection, or one.
    NewPath {
        conn: usize,
        path: Option<usize>,
    },
    /// A path of a running connection.
    DelPath {
        conn: usize,
        path: usize,
    },
    Disconnect(usize),
    Connect(usize),
    WaitConnect(usize),
    /// `net-options --set-defaults`.
    NetOptions(usize),
    /// `peer-device-options --set-defaults`.
    PeerDeviceOptions {
        conn: usize,
        vnr: u32,
    },
    ProxyDown(usize),
    ProxyUp(usize),
    ProxyPlugins(usize),
    /// `drbd-proxy-ctl -c TEXT`.
    ProxyReconf(String),
}

impl Job {
    fn stage(&self) -> Stage {
        match self {
            Job::NewResource | Job::ProxyReconf(_) => Stage::Prereq,
            Job::ResOptions => Stage::Resource,
            Job::Detach(_) | Job::DelMinor(_) => Stage::DiskPrepDown,
            Job::NewMinor(_) => Stage::DiskPrepUp,
            Job::DiskOptions { early: true, .. } => Stage::DiskPrepUp,
            Job::Attach(_) | Job::DiskOptions { .. } | Job::Resize(_) => Stage::Disk,
            Job::Disconnect(_) => Stage::NetDisconnect,
            Job::DelPeer(_) | Job::DelPeerRunning(_) | Job::DelPath { .. } | Job::ProxyDown(_) => {
                Stage::NetPrepDown
            }
            Job::NewPeer(_) | Job::ProxyUp(_) | Job::ProxyPlugins(_) => Stage::NetPrepUp,
            Job::NewPath { .. } => Stage::NetPath,
            Job::NetOptions(_) => Stage::Net,
            Job::PeerDeviceOptions { .. } => Stage::PeerDevice,
            Job::Connect(_) => Stage::NetConnect,
            Job::WaitConnect(_) => Stage::WaitConnect,
        }
    }
}

#[derive(Clone, Debug)]
struct Entry {
    job: Job,
    depends: Option<usize>,
    cancelled: bool,
}

/// The jobs of one resource.
#[derive(Clone, Debug, Default)]
struct Sched {
    entries: Vec<Entry>,
}

impl Sched {
    /// `schedule_deferred_cmd()`; with `once`, the same job already scheduled is returned
    /// instead (`SCHEDULE_ONCE`).
    fn add(&mut self, job: Job, depends: Option<usize>, once: bool) -> usize {
        if once {
            if let Some(i) = self.entries.iter().position(|e| e.job == job) {
                return i;
            }
        }
        self.entries.push(Entry {
            job,
            depends,
            cancelled: false,
        });
        self.entries.len() - 1
    }

    /// `cancel_deferred_waits()`.
    fn cancel_waits(&mut self) {
        for e in &mut self.entries {
            if matches!(e.job, Job::WaitConnect(_)) {
                e.cancelled = true;
            }
        }
    }
}

/// A volume of this node as adjust sees it: a configured one, or a running one the config
/// no longer has (upstream conjures a minimal volume to detach and delete).
#[derive(Clone, Debug, Default)]
struct AdjVol {
    vnr: u32,
    /// Only running: to be deleted.
    gone: bool,
    new_minor: bool,
    del_minor: bool,
    attach: bool,
    detach: bool,
    resize: bool,
    disk_opts: bool,
}

/// What parts to adjust (`--skip-disk`, `--skip-net`).
#[derive(Clone, Copy, Debug)]
struct Scope {
    disk: bool,
    net: bool,
}

struct Adjust<'g, 'a> {
    gen: &'g Gen<'a>,
    /// The configured resource; comparisons change its options.
    c: XRes,
    /// The running resource.
    run: Option<RunRes>,
    /// The running resource in the configuration's shape, for the commands on running
    /// objects (del-peer, del-path, detach, del-minor).
    rx: Option<XRes>,
    vols: Vec<AdjVol>,
    /// The volume named on the command line.
    only_vnr: Option<u32>,
    /// A connection was named on the command line (`RES:PEER`).
    conn_named: bool,
    scope: Scope,
    s: Sched,
    /// Configured connections already adjusted (`adj_seen`).
    conn_seen: Vec<bool>,
}

fn adjust(
    gen: &Gen<'_>,
    ctx: &Ctx<'_>,
    multi: bool,
    list_only: bool,
    plan: &mut Plan,
) -> Result<(), AdmError> {
    let run = if ctx.res.proxy_only {
        None
    } else {
        running_res(gen, &ctx.res.name, multi)?
    };
    plan_adjust(gen, ctx, run, list_only, plan)
}

/// `_adm_adjust()` with the running resource at hand.
fn plan_adjust(
    gen: &Gen<'_>,
    ctx: &Ctx<'_>,
    run: Option<RunRes>,
    list_only: bool,
    plan: &mut Plan,
) -> Result<(), AdmError> {
    let scope = Scope {
        disk: !gen.backend.iter().any(|b| b == "--skip-disk"),
        net: !gen.backend.iter().any(|b| b == "--skip-net"),
    };
    report::set_level(gen.verbose);
    if run.is_none() && !ctx.res.proxy_only {
        report::differs(format_args!("New resource {}", ctx.res.name));
    }
    let mut a = Adjust {
        gen,
        c: ctx.res.clone(),
        rx: run.as_ref().map(|r| running_as_xres(r, ctx.res)),
        run,
        vols: Vec::new(),
        only_vnr: ctx.vol.map(|v| v.vnr),
        conn_named: ctx.conn.is_some(),
        scope,
        s: Sched::default(),
        conn_seen: Vec::new(),
    };
    if !a.c.proxy_only {
        a.adjust_drbd();
    }
    a.adjust_proxy()?;
    a.flush(list_only, plan);
    Ok(())
}

impl Adjust<'_, '_> {
    fn me_vol(&self, vnr: u32) -> Option<&XVol> {
        self.c.me().and_then(|h| h.volume(vnr))
    }

    fn selected(&self, v: &AdjVol) -> bool {
        match self.only_vnr {
            Some(n) => !v.gone && v.vnr == n,
            None => true,
        }
    }

    /// `compare_volumes()` and `compare_volume()`.
    fn compare_volumes(&mut self) {
        let Some(me) = self.c.me else { return };
        let empty = Vec::new();
        let kern: &[RunVol] = self.run.as_ref().map_or(&empty, |r| &r.volumes);
        let mut out = Vec::new();
        let conf_vnrs: Vec<u32> = self.c.hosts[me].volumes.iter().map(|v| v.vnr).collect();
        let all: BTreeSet<u32> = conf_vnrs
            .iter()
            .copied()
            .chain(kern.iter().map(|k| k.vnr))
            .collect();
        for vnr in all {
            let k = kern.iter().find(|k| k.vnr == vnr);
            let Some(ci) = self.c.hosts[me].volumes.iter().position(|v| v.vnr == vnr) else {
                // Running only: detach (if it has a disk) and delete the minor.
                let Some(k) = k else { continue };
                report::differs(format_args!(
                    "Deleting minor {} (vol:{vnr}) from kernel, not in config",
                    minor(k.minor)
                ));
                out.push(AdjVol {
                    vnr,
                    gone: true,
                    detach: k.disk.as_deref().is_some_and(|d| d != "none"),
                    del_minor: true,
                    ..AdjVol::default()
                });
                continue;
            };
            let conf = &mut self.c.hosts[me].volumes[ci];
            let mut v = AdjVol {
                vnr,
                ..AdjVol::default()
            };
            match k {
                None => {
                    report::differs(format_args!("New minor {} (vol:{vnr})", minor(conf.minor)));
                    v.new_minor = true;
                    v.attach = conf.disk.is_some();
                }
                Some(k) => compare_volume(conf, k, &mut v),
            }
            out.push(v);
        }
        self.vols = out;
    }

    /// `adjust_drbd()`.
    fn adjust_drbd(&mut self) {
        self.compare_volumes();
        let mut dcmd = None;
        let mut do_res_options = false;
        match &self.run {
            Some(r) => {
                do_res_options =
                    !opts::opts_equal(Section::Resource, &mut self.c.res_opts, &r.res_opts, &[]);
            }
            None => dcmd = Some(self.s.add(Job::NewResource, None, false)),
        }
        if do_res_options {
            dcmd = Some(self.s.add(Job::ResOptions, None, false));
        }
        for i in 0..self.vols.len() {
            let v = self.vols[i].clone();
            if !self.selected(&v) || !v.new_minor {
                continue;
            }
            dcmd = Some(self.s.add(Job::NewMinor(v.vnr), dcmd, false));
            if self.scope.net && self.scope.disk {
                self.pd_options_for_volume(v.vnr, dcmd);
            }
        }
        if self.scope.disk {
            self.adjust_disk(dcmd);
        }
        if self.scope.net {
            self.adjust_net(dcmd);
        }
    }

    /// `schedule_peer_device_options()` for one volume: every connection with options
    /// for it, each once, one after the other.
    fn pd_options_for_volume(&mut self, vnr: u32, mut dep: Option<usize>) {
        for ci in 0..self.c.conns.len() {
            let conn = &self.c.conns[ci];
            let has = conn
                .peer_device(vnr)
                .is_some_and(|pd| !pd.pd_opts.is_empty());
            if !has || conn.peer.is_none() {
                continue;
            }
            dep = Some(
                self.s
                    .add(Job::PeerDeviceOptions { conn: ci, vnr }, dep, true),
            );
        }
    }

    /// `schedule_peer_device_options()` for one connection: every volume with options.
    fn pd_options_for_conn(&mut self, ci: usize, mut dep: Option<usize>) {
        let vnrs: Vec<u32> = self.vols.iter().map(|v| v.vnr).collect();
        for vnr in vnrs {
            let has = self.c.conns[ci]
                .peer_device(vnr)
                .is_some_and(|pd| !pd.pd_opts.is_empty());
            if !has {
                continue;
            }
            dep = Some(
                self.s
                    .add(Job::PeerDeviceOptions { conn: ci, vnr }, dep, true),
            );
        }
    }

    /// `adjust_disk()`.
    fn adjust_disk(&mut self, mut dep: Option<usize>) {
        for i in 0..self.vols.len() {
            let v = self.vols[i].clone();
            if !self.selected(&v) {
                continue;
            }
            if v.detach {
                dep = Some(self.s.add(Job::Detach(v.vnr), dep, false));
            }
            if v.del_minor {
                dep = Some(self.s.add(Job::DelMinor(v.vnr), dep, false));
            }
            if v.attach {
                self.s.add(Job::Attach(v.vnr), dep, false);
            }
            if v.disk_opts {
                let kern = self.run.as_ref().and_then(|r| r.volume(v.vnr));
                let early = match (kern, self.me_vol(v.vnr)) {
                    (Some(k), Some(c)) => bitmap_will_be_enabled(c, k),
                    _ => false,
                };
                self.s
                    .add(Job::DiskOptions { vnr: v.vnr, early }, dep, false);
            }
            if v.resize {
                self.s.add(Job::Resize(v.vnr), dep, false);
            }
        }
    }

    fn peer_node_id(&self, ci: usize) -> Option<String> {
        self.c
            .peer_of(&self.c.conns[ci])
            .and_then(|h| h.node_id.clone())
    }

    /// `adjust_net()`.
    fn adjust_net(&mut self, dcmd: Option<usize>) {
        let one_was_connected = self
            .run
            .as_ref()
            .is_some_and(|r| r.conns.iter().any(|c| c.cstate == C_CONNECTED));
        let mut disconnect = false;
        self.conn_seen = vec![false; self.c.conns.len()];
        let mut dcmd = self.adjust_conns(dcmd, C_CONNECTING, &mut disconnect);
        dcmd = self.adjust_conns(dcmd, C_CONNECTED, &mut disconnect);
        if let (Some(run), false) = (&self.run, self.conn_named) {
            let gone: Vec<usize> = run
                .conns
                .iter()
                .enumerate()
                .filter(|(_, rc)| {
                    !self.c.conns.iter().enumerate().any(|(ci, c)| {
                        !c.ignore
                            && rc.peer_node_id.is_some()
                            && self.peer_node_id(ci) == rc.peer_node_id
                    })
                })
                .map(|(i, _)| i)
                .collect();
            for ri in gone {
                dcmd = Some(self.s.add(Job::DelPeerRunning(ri), dcmd, false));
                disconnect = true;
            }
        }
        if !(disconnect && one_was_connected) {
            self.s.cancel_waits();
        }
        // A final wait-connect is not needed.
        if let Some(d) = dcmd {
            if matches!(self.s.entries[d].job, Job::WaitConnect(_)) {
                self.s.entries[d].cancelled = true;
            }
        }
    }

    /// `adjust_conn()`: the configured connections whose running state is at most
    /// `max_cstate` (Connecting ones first, so that connected peers are touched last).
    fn adjust_conns(
        &mut self,
        mut dcmd: Option<usize>,
        max_cstate: i32,
        disconnect: &mut bool,
    ) -> Option<usize> {
        for ci in 0..self.c.conns.len() {
            if self.c.conns[ci].ignore || self.conn_seen[ci] {
                continue;
            }
            let peer = self.peer_node_id(ci);
            let running = self.run.as_ref().and_then(|r| {
                r.conns
                    .iter()
                    .position(|rc| peer.is_some() && rc.peer_node_id == peer)
            });
            let mut connect = false;
            match running {
                None => {
                    dcmd = Some(self.s.add(Job::NewPeer(ci), dcmd, false));
                    self.s.add(
                        Job::NewPath {
                            conn: ci,
                            path: None,
                        },
                        dcmd,
                        false,
                    );
                    self.pd_options_for_conn(ci, dcmd);
                    connect = true;
                }
                Some(ri) => {
                    let rc: RunConn = match &self.run {
                        Some(r) => r.conns[ri].clone(),
                        None => continue,
                    };
                    if rc.cstate > max_cstate {
                        continue;
                    }
                    if rc.cstate == C_STANDALONE {
                        connect = true;
                    }
                    let mut new_path = false;
                    let net = &mut self.c.conns[ci].net_opts;
                    if !opts::opts_equal(Section::Net, net, &rc.net_opts, &[]) {
                        // Options the kernel cannot change on a live connection: re-create it.
                        let immutable_changed =
                            !opts::opt_equal(Section::Net, "load-balance-paths", net, &rc.net_opts)
                                || !opts::opt_equal(Section::Net, "transport", net, &rc.net_opts);
                        if immutable_changed {
                            dcmd = Some(self.s.add(Job::DelPeer(ci), dcmd, false));
                            dcmd = Some(self.s.add(Job::NewPeer(ci), dcmd, false));
                            new_path = true;
                            connect = true;
                            *disconnect = true;
                            self.pd_options_for_conn(ci, dcmd);
                        } else {
                            net.retain(|o| o.name != "transport" && o.name != "load-balance-paths");
                            self.s.add(Job::NetOptions(ci), dcmd, false);
                        }
                    }
                    self.adjust_peer_devices(ci, &rc, dcmd);
                    if new_path {
                        dcmd = Some(self.s.add(
                            Job::NewPath {
                                conn: ci,
                                path: None,
                            },
                            dcmd,
                            false,
                        ));
                    } else {
                        let dc = self.adjust_paths(ci, ri, &rc, dcmd);
                        *disconnect |= dc;
                        connect |= dc;
                    }
                }
            }
            self.conn_seen[ci] = true;
            if connect {
                dcmd = Some(self.s.add(Job::Connect(ci), dcmd, false));
                dcmd = Some(self.s.add(Job::WaitConnect(ci), dcmd, false));
            }
        }
        dcmd
    }

    /// `adjust_peer_devices()`.
    fn adjust_peer_devices(&mut self, ci: usize, rc: &RunConn, dep: Option<usize>) {
        for pi in 0..self.c.conns[ci].peer_devices.len() {
            let vnr = self.c.conns[ci].peer_devices[pi].vnr;
            let job = Job::PeerDeviceOptions { conn: ci, vnr };
            let Some((_, run_opts)) = rc.peer_devices.iter().find(|(n, _)| *n == vnr) else {
                self.s.add(job, dep, true);
                continue;
            };
            let pd = &mut self.c.conns[ci].peer_devices[pi];
            if !opts::opts_equal(Section::PeerDevice, &mut pd.pd_opts, run_opts, &[]) {
                self.s.add(job, dep, false);
            }
        }
    }

    /// `adjust_paths()`: new paths are added, gone ones deleted (after a disconnect when
    /// the last path goes, which the kernel refuses while connecting). True if the
    /// connection is disconnected.
    fn adjust_paths(&mut self, ci: usize, ri: usize, rc: &RunConn, mut dep: Option<usize>) -> bool {
        let mut seen = vec![false; rc.paths.len()];
        let conf_paths: Vec<(usize, Option<Address>, Option<Address>)> = self.c.conns[ci]
            .paths
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.ignore)
            .map(|(i, p)| (i, p.my_address.clone(), p.connect_to.clone()))
            .collect();
        for (pi, mine, to) in conf_paths {
            let found = rc.paths.iter().position(|rp| {
                addresses_equal(rp.my_address.as_ref(), mine.as_ref())
                    && addresses_equal(rp.connect_to.as_ref(), to.as_ref())
            });
            match found {
                Some(j) => seen[j] = true,
                None => {
                    self.s.add(
                        Job::NewPath {
                            conn: ci,
                            path: Some(pi),
                        },
                        dep,
                        false,
                    );
                }
            }
        }
        let del_path = seen.iter().any(|s| !s);
        let mut rv = false;
        if rc.paths.len() == 1 && del_path {
            if rc.cstate != C_STANDALONE {
                dep = Some(self.s.add(Job::Disconnect(ci), dep, false));
            }
            rv = true;
        }
        for (j, s) in seen.iter().enumerate() {
            if !s {
                self.s.add(Job::DelPath { conn: ri, path: j }, dep, false);
            }
        }
        rv
    }

    /// `adjust_proxy()`: every connection whose local proxy runs on this node.
    fn adjust_proxy(&mut self) -> Result<(), AdmError> {
        let hostname = self.gen.hostname;
        let mut me: Vec<usize> = self.c.me.into_iter().collect();
        me.extend(proxy::proxy_hosts(&self.c, hostname));
        let fake = std::env::var("FAKE_DRBD_PROXY_CTL").ok();
        let fake_old = std::env::var("FAKE_DRBD_PROXY_CTL_OLD").ok();
        for ci in 0..self.c.conns.len() {
            let pc = ProxyConn::of(&self.c, ci, &me);
            let Some(my) = pc.my_proxy() else { continue };
            if !my
                .on_hosts
                .iter()
                .any(|h| crate::hosts::hostnames_equal(h, hostname))
            {
                continue;
            }
            let mut name = proxy::conn_name(&self.c, &pc);
            let (mut up, mut running) = query_proxy(self.gen, &name, fake.as_deref())?;
            if !up {
                let old = proxy::old_conn_name(&self.c, &pc);
                let (up_old, running_old) = query_proxy(self.gen, &old, fake_old.as_deref())?;
                if up_old {
                    name = old;
                    up = true;
                }
                if let Some(r) = running_old {
                    running = Some(r);
                }
            }
            let my_opts: Vec<(String, Option<String>)> = my
                .options
                .iter()
                .map(|o| (o.name.clone(), o.value.clone()))
                .collect();
            let my_plugins = my.plugins.clone();
            let decision = proxy::reconf(
                &my_opts,
                &my_plugins,
                &running.unwrap_or_default(),
                up,
                &name,
            )
            .map_err(|m| {
                eprint!("{m}");
                AdmError::Exit(10)
            })?;
            match decision {
                Reconf::Redo => {
                    let d = self.s.add(Job::ProxyDown(ci), None, false);
                    let d = self.s.add(Job::ProxyUp(ci), Some(d), false);
                    self.s.add(Job::ProxyPlugins(ci), Some(d), false);
                }
                Reconf::Up => {
                    let d = self.s.add(Job::ProxyUp(ci), None, false);
                    self.s.add(Job::ProxyPlugins(ci), Some(d), false);
                }
                Reconf::Changes(v) => {
                    for t in v {
                        self.s.add(Job::ProxyReconf(t), None, false);
                    }
                }
            }
        }
        Ok(())
    }

    fn cmd(&self, name: &str) -> Option<&'static CmdDef> {
        table::find(self.gen.dialect, name)
    }

    fn call(&self, name: &str, ctx: &Ctx<'_>) -> Action {
        match self.cmd(name) {
            Some(c) => self.gen.call_fn(c, ctx, OnError::KeepRunning),
            None => missing(name),
        }
    }

    fn conn_ctx(&self, ci: usize, path: Option<usize>) -> Ctx<'_> {
        Ctx {
            res: &self.c,
            vol: None,
            conn: Some(ci),
            path,
        }
    }

    fn vol_ctx(&self, vnr: u32) -> Option<Ctx<'_>> {
        Some(Ctx {
            res: &self.c,
            vol: Some(self.me_vol(vnr)?),
            conn: None,
            path: None,
        })
    }

    fn kern_ctx(&self, vnr: u32) -> Option<Ctx<'_>> {
        let kv = self.rx.as_ref()?.me()?.volume(vnr)?;
        Some(Ctx {
            res: &self.c,
            vol: Some(kv),
            conn: None,
            path: None,
        })
    }

    fn proxy_conn(&self, ci: usize) -> ProxyConn<'_> {
        let mut me: Vec<usize> = self.c.me.into_iter().collect();
        me.extend(proxy::proxy_hosts(&self.c, self.gen.hostname));
        ProxyConn::of(&self.c, ci, &me)
    }

    /// The command of a job, made from the configuration as it is now.
    fn action(&self, job: &Job) -> Action {
        let g = self.gen;
        let res = Ctx::res(&self.c);
        let vol = |vnr: u32, f: &dyn Fn(&Ctx<'_>) -> Action| match self.vol_ctx(vnr) {
            Some(ctx) => f(&ctx),
            None => Action::Seq(Vec::new()),
        };
        let with = |name: &str, f: &dyn Fn(&CmdDef) -> Action| match self.cmd(name) {
            Some(c) => f(c),
            None => missing(name),
        };
        match job {
            Job::NewResource => self.call("new-resource", &res),
            Job::ResOptions => with("resource-options", &|c| g.resource(c, &res, true)),
            Job::NewMinor(n) => vol(*n, &|ctx| self.call("new-minor", ctx)),
            Job::Attach(n) => vol(*n, &|ctx| self.call("attach", ctx)),
            Job::DiskOptions { vnr, .. } => vol(*vnr, &|ctx| {
                with("disk-options", &|c| g.attach(c, ctx, true))
            }),
            Job::Resize(n) => vol(*n, &|ctx| self.call("resize", ctx)),
            Job::Detach(n) | Job::DelMinor(n) => match self.kern_ctx(*n) {
                Some(ctx) => {
                    let name = if matches!(job, Job::Detach(_)) {
                        "detach"
                    } else {
                        "del-minor"
                    };
                    self.call(name, &ctx)
                }
                None => Action::Seq(Vec::new()),
            },
            Job::NewPeer(ci) => self.call("new-peer", &self.conn_ctx(*ci, None)),
            Job::DelPeer(ci) => self.call("del-peer", &self.conn_ctx(*ci, None)),
            Job::DelPeerRunning(ri) | Job::DelPath { conn: ri, .. } => {
                let Some(rx) = &self.rx else {
                    return Action::Seq(Vec::new());
                };
                let (name, path) = match job {
                    Job::DelPath { path, .. } => ("del-path", Some(*path)),
                    _ => ("del-peer", None),
                };
                let ctx = Ctx {
                    res: rx,
                    vol: None,
                    conn: Some(*ri),
                    path,
                };
                self.call(name, &ctx)
            }
            Job::NewPath { conn, path } => self.call("new-path", &self.conn_ctx(*conn, *path)),
            Job::Disconnect(ci) => self.call("disconnect", &self.conn_ctx(*ci, None)),
            Job::Connect(ci) => self.call("connect", &self.conn_ctx(*ci, None)),
            Job::WaitConnect(ci) => with("wait-connect", &|c| {
                wait_timeout_is_ok(g.wait_c(c, &self.conn_ctx(*ci, None), true))
            }),
            Job::NetOptions(ci) => with("net-options", &|c| {
                g.new_peer(c, &self.conn_ctx(*ci, None), true)
            }),
            Job::PeerDeviceOptions { conn, vnr } => {
                let peer_vol = self
                    .c
                    .peer_of(&self.c.conns[*conn])
                    .and_then(|h| h.volume(*vnr));
                let ctx = Ctx {
                    res: &self.c,
                    vol: peer_vol.or_else(|| self.me_vol(*vnr)),
                    conn: Some(*conn),
                    path: None,
                };
                with("peer-device-options", &|c| g.peer_device(c, &ctx, true))
            }
            Job::ProxyDown(ci) => proxy::conn_down(g, &self.c, &self.proxy_conn(*ci)),
            Job::ProxyUp(ci) => proxy::conn_up(g, &self.c, &self.proxy_conn(*ci)),
            Job::ProxyPlugins(ci) => proxy::conn_plugins(g, &self.c, &self.proxy_conn(*ci)),
            Job::ProxyReconf(text) => Action::Run(Invocation::new(
                vec![g.tools.proxy_ctl.clone(), "-c".into(), text.clone()],
                Some(&self.c.name),
                Timeout::Short,
            )),
        }
    }

    /// Puts the jobs into the plan. `sh-list-adjustable` prints the resource's name once
    /// instead (upstream replaces every command by one that does).
    fn flush(&self, list_only: bool, plan: &mut Plan) {
        let name = &self.c.name;
        if list_only {
            if !self.s.entries.is_empty() {
                plan.defer(
                    Stage::Prereq,
                    name,
                    Action::Print(format!("{name}\n")),
                    None,
                    Some(format!("sh-list-adjustable {name}")),
                );
            }
            return;
        }
        let mut index: Vec<Option<usize>> = Vec::with_capacity(self.s.entries.len());
        for e in &self.s.entries {
            if e.cancelled {
                index.push(None);
                continue;
            }
            let dep = e.depends.and_then(|d| index.get(d).copied().flatten());
            let i = plan.defer(e.job.stage(), name, self.action(&e.job), dep, None);
            index.push(Some(i));
        }
    }
}

fn missing(name: &str) -> Action {
    Action::Fail {
        message: format!("internal error: no command '{name}'"),
        code: 42,
    }
}

/// Adjust's wait-connect may time out (exit 5) without failing the adjust.
fn wait_timeout_is_ok(a: Action) -> Action {
    Action::Fallback {
        first: Box::new(a),
        keep: (1..=255).filter(|&c| c != 5).collect(),
        then: Box::new(Action::Seq(Vec::new())),
        in_dry_run: false,
        remap: None,
    }
}

/// A minor as upstream prints it (`-1U` when unset).
fn minor(m: Option<u32>) -> u32 {
    m.unwrap_or(u32::MAX)
}

/// `compare_volume()`: a configured volume against the running one of the same number.
fn compare_volume(conf: &mut XVol, kern: &RunVol, v: &mut AdjVol) {
    v.new_minor = conf.minor != kern.minor;
    v.del_minor = v.new_minor;
    if v.new_minor {
        report::compare(
            true,
            format_args!(
                "vol:{} minor differs: r={} c={}",
                conf.vnr,
                minor(kern.minor),
                minor(conf.minor)
            ),
        );
    }
    if !disk_equal(conf, kern) || v.new_minor {
        v.attach = conf.disk.is_some();
        v.detach = kern.disk.as_deref().is_some_and(|d| d != "none");
    }
    // Attaching anyway, or no local disk: the size does not matter.
    if !v.attach && !v.detach && conf.disk.is_some() {
        v.resize = size_differs(conf, kern);
        v.disk_opts = !opts::opts_equal(
            Section::Disk,
            &mut conf.disk_opts,
            &kern.disk_opts,
            &["size"],
        );
    }
}

/// `disk_equal()`.
fn disk_equal(conf: &XVol, kern: &RunVol) -> bool {
    let (rm, cm) = (minor(kern.minor), minor(conf.minor));
    match (conf.disk.as_deref(), kern.disk.as_deref()) {
        (None, None) => true,
        (None, Some("none")) => true,
        (None, Some(d)) => {
            let vnr = kern.vnr;
            report::compare(
                true,
                format_args!("minor {rm} (vol:{vnr}) {d} missing from config"),
            );
            false
        }
        (Some(c), None) => {
            let vnr = conf.vnr;
            report::compare(
                true,
                format_args!("minor {cm} (vol:{vnr}) {c} missing from kernel"),
            );
            false
        }
        (Some(c), Some(k)) => {
            let vnr = kern.vnr;
            let mut eq = c == k;
            report::compare(
                !eq,
                format_args!("minor {rm} (vol:{vnr}) disk: r={k} c={c}"),
            );
            let cmd = conf.meta_disk.as_deref().unwrap_or("");
            let kmd = kern.meta_disk.as_deref().unwrap_or("");
            if eq {
                eq =
                    (cmd == "internal") == (kmd == "internal") && (cmd == "internal" || cmd == kmd);
            }
            report::compare(
                !eq,
                format_args!(
                    "minor {rm} (vol:{vnr}) meta-disk: r={} c={}",
                    report::value(kern.meta_disk.as_deref()),
                    report::value(conf.meta_disk.as_deref())
                ),
            );
            eq
        }
    }
}

/// `compare_size()`: the configured `size` against the running one (a running default is
/// no size).
fn size_differs(conf: &XVol, kern: &RunVol) -> bool {
    let c = find_opt(&conf.disk_opts, "size");
    let k = kern
        .disk_opts
        .iter()
        .find(|o| o.name == "size" && !o.unknown)
        .filter(|k| !opts::is_default(Section::Disk, "size", k.value.as_deref()));
    let differs = match (c, k) {
        (Some(c), Some(k)) => !opts::is_equal(
            Section::Disk,
            "size",
            c.value.as_deref(),
            k.value.as_deref(),
        ),
        (None, None) => false,
        _ => true,
    };
    let shown = |v: Option<&str>| v.unwrap_or("-").to_string();
    report::compare(
        differs,
        format_args!(
            "minor {} (vol:{}) size: r={} c={}",
            minor(conf.minor),
            conf.vnr,
            shown(k.and_then(|k| k.value.as_deref())),
            shown(c.and_then(|c| c.value.as_deref()))
        ),
    );
    differs
}

/// `bitmap_will_be_enabled()`: the running volume has no bitmap and the config wants one.
fn bitmap_will_be_enabled(conf: &XVol, kern: &RunVol) -> bool {
    let kern_no = kern
        .disk_opts
        .iter()
        .find(|o| o.name == "bitmap")
        .is_some_and(|o| o.value.as_deref() == Some("no"));
    let conf_yes = match find_opt(&conf.disk_opts, "bitmap") {
        None => true,
        Some(o) => o.value.as_deref() == Some("yes"),
    };
    kern_no && conf_yes
}

/// `addresses_equal()`: IPv4/IPv6 addresses compare as addresses, others as text; then the
/// port and the family as text.
fn addresses_equal(a: Option<&Address>, b: Option<&Address>) -> bool {
    let (a, b) = match (a, b) {
        (Some(a), Some(b)) => (a, b),
        (None, None) => return true,
        _ => return false,
    };
    let v4 = |x: &Address| x.af.eq_ignore_ascii_case("ipv4");
    let v6 = |x: &Address| x.af.eq_ignore_ascii_case("ipv6");
    let ips_match = if v4(a) && v4(b) {
        match (
            a.addr.parse::<std::net::Ipv4Addr>(),
            b.addr.parse::<std::net::Ipv4Addr>(),
        ) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    } else if v6(a) && v6(b) {
        let strip = |s: &str| s.split('%').next().unwrap_or(s).to_string();
        match (
            strip(&a.addr).parse::<std::net::Ipv6Addr>(),
            strip(&b.addr).parse::<std::net::Ipv6Addr>(),
        ) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    } else {
        false
    };
    (ips_match || a.addr == b.addr) && a.port == b.port && a.af == b.af
}

/// The running resource as an `XRes`: this node's section with its volumes, one peer
/// section per connection, and the connections with their paths, so that the generators
/// can address running objects.
fn running_as_xres(r: &RunRes, conf: &XRes) -> XRes {
    let vol = |v: &RunVol| XVol {
        vnr: v.vnr,
        implicit: false,
        device: None,
        minor: v.minor,
        disk: v.disk.clone().filter(|d| d != "none"),
        meta_disk: v.meta_disk.clone(),
        meta_index: v.meta_index.clone(),
        disk_opts: Vec::new(),
        pd_opts: Vec::new(),
        device_opts: Vec::new(),
        tiebreaker: true,
        line: 0,
        disk_none: false,
        device_written: true,
    };
    let host = |names: Vec<String>, node_id: Option<String>, volumes: Vec<XVol>| XHost {
        names,
        kind: HostKind::ThisHost,
        node_id,
        address: None,
        volumes,
        lower: None,
        proxy: None,
        line: 0,
        used_as_me: false,
    };
    let mut hosts = vec![host(
        vec!["_this_host".into()],
        r.node_id.clone(),
        r.volumes.iter().map(vol).collect(),
    )];
    let mut conns = Vec::new();
    for (i, c) in r.conns.iter().enumerate() {
        hosts.push(host(
            vec![format!("_peer_{}", c.peer_node_id.as_deref().unwrap_or(""))],
            c.peer_node_id.clone(),
            Vec::new(),
        ));
        conns.push(XConn {
            implicit: false,
            paths: c
                .paths
                .iter()
                .map(|p| XPath {
                    ends: Vec::new(),
                    ignore: false,
                    my_address: p.my_address.clone(),
                    peer_address: p.connect_to.clone(),
                    connect_to: p.connect_to.clone(),
                    my_proxy: None,
                    peer_proxy: None,
                    implicit: false,
                })
                .collect(),
            net_opts: Vec::new(),
            pd_opts: Vec::new(),
            peer_devices: c
                .peer_devices
                .iter()
                .map(|(vnr, _)| XPeerDev {
                    vnr: *vnr,
                    pd_opts: Vec::new(),
                    implicit: true,
                })
                .collect(),
            peer: Some(i + 1),
            ignore: false,
            line: 0,
        });
    }
    let mut x = conf.clone();
    x.file = "drbdsetup show".into();
    x.hosts = hosts;
    x.conns = conns;
    x.me = Some(0);
    x
}

/// Running configurations read so far (upstream's `running_config`).
struct ShowCache {
    all_read: bool,
    list: Vec<RunRes>,
}

static SHOW_CACHE: Mutex<ShowCache> = Mutex::new(ShowCache {
    all_read: false,
    list: Vec::new(),
});

/// `running_res_by_name()`: with several resources to adjust, `drbdsetup show` runs once
/// for all; for one, `drbdsetup show RES` runs and its (last) resource is taken.
fn running_res(gen: &Gen<'_>, name: &str, multi: bool) -> Result<Option<RunRes>, AdmError> {
    let mut cache = SHOW_CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if multi && !cache.all_read {
        let all = read_show(gen, None)?;
        cache.list.extend(all);
        cache.all_read = true;
    }
    if let Some(r) = cache.list.iter().find(|r| r.name == name) {
        return Ok(Some(r.clone()));
    }
    if multi {
        return Ok(None);
    }
    let got = read_show(gen, Some(name))?;
    let last = got.last().cloned();
    cache.list.extend(got);
    Ok(last)
}

fn read_show(gen: &Gen<'_>, name: Option<&str>) -> Result<Vec<RunRes>, AdmError> {
    let text = match std::env::var_os("FAKE_DRBDSETUP_SHOW") {
        Some(f) => std::fs::read_to_string(&f).map_err(|_| {
            eprintln!("Failed to open FAKE_DRBDSETUP_SHOW {}", f.to_string_lossy());
            AdmError::Exit(1)
        })?,
        None => {
            let mut args = vec!["show".to_string()];
            args.extend(name.map(str::to_string));
            capture(&gen.tools.drbdsetup, &args).1
        }
    };
    Ok(show::parse(&text))
}

/// Runs a read-only helper (also in a dry run), stderr discarded; returns whether it
/// exited 0 and its output. A helper that cannot run gives no output.
fn capture(program: &str, args: &[String]) -> (bool, String) {
    let spawn = |p: &std::path::Path| {
        Command::new(p)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
    };
    let mut child = match spawn(std::path::Path::new(program)) {
        Ok(c) => c,
        Err(_) => {
            // A bare name not on PATH: try next to drbdadm, as upstream adds its folder.
            let beside = std::env::current_exe()
                .ok()
                .and_then(|e| e.parent().map(|d| d.join(program)))
                .filter(|_| !program.contains('/'));
            match beside.map(|p| spawn(&p)) {
                Some(Ok(c)) => c,
                _ => return (false, String::new()),
            }
        }
    };
    let mut out = String::new();
    if let Some(mut so) = child.stdout.take() {
        let mut buf = Vec::new();
        let _ = so.read_to_end(&mut buf);
        out = String::from_utf8_lossy(&buf).into_owned();
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, out)
}

/// `parse_proxy_settings()`: asks the proxy (or reads the fake file) for a connection's
/// settings; returns whether the connection is up and what was read.
fn query_proxy(
    gen: &Gen<'_>,
    name: &str,
    fake: Option<&str>,
) -> Result<(bool, Option<proxy::Running>), AdmError> {
    let (ok, text) = match fake {
        Some(f) => match std::fs::read_to_string(f) {
            Ok(t) => (true, t),
            Err(_) => {
                eprintln!("Failed to open FAKE_DRBD_PROXY_CTL{{,_OLD}} {f}");
                return Err(AdmError::Exit(1));
            }
        },
        None => capture(
            &gen.tools.proxy_ctl,
            &["-c".to_string(), format!("show proxy-settings {name}")],
        ),
    };
    let parsed = proxy::parse_settings(&text);
    Ok((ok && parsed.is_some(), parsed))
}

#[cfg(test)]
mod tests;
