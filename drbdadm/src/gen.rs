//! Plan generators: each drbdadm command of the DRBD 9 personality as the drbdsetup and
//! drbdmeta calls upstream makes (`adm_*()` in user/v9/drbdadm_main.c), with the same
//! argument order, option order and iteration.

use conf_parser::options::{self, Dialect, ValueType};
use conf_parser::registry::Entry;

use crate::expand::{find_opt, Expanded, XConn, XOpt, XRes, XVol};
use crate::plan::{Action, Invocation, Plan, Stage, Stderr, Timeout};
use crate::table::{self, CmdDef, Fields, Func};

/// Names of the helpers as `-d` prints them.
#[derive(Clone, Debug)]
pub struct Tools {
    /// drbdsetup (or drbdsetup-84).
    pub drbdsetup: String,
    /// drbdmeta.
    pub drbdmeta: String,
    /// drbd-proxy-ctl.
    pub proxy_ctl: String,
}

/// What a command acts on (upstream's `struct cfg_ctx`).
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    /// The resource.
    pub res: &'a XRes,
    /// A volume of this node.
    pub vol: Option<&'a XVol>,
    /// A connection (index into `res.conns`).
    pub conn: Option<usize>,
    /// A path of that connection.
    pub path: Option<usize>,
}

impl<'a> Ctx<'a> {
    /// The whole resource.
    pub fn res(res: &'a XRes) -> Ctx<'a> {
        Ctx {
            res,
            vol: None,
            conn: None,
            path: None,
        }
    }

    fn connection(&self) -> Option<&'a XConn> {
        self.conn.map(|c| &self.res.conns[c])
    }

    fn peer_id(&self) -> String {
        self.connection()
            .and_then(|c| self.res.peer_of(c))
            .and_then(|h| h.node_id.clone())
            .unwrap_or_default()
    }
}

/// How a failing step ends the run (upstream's `enum on_error`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnError {
    /// Deferred commands: keep going.
    KeepRunning,
    /// A named resource: stop.
    ExitOnFail,
    /// `all`: skip volumes without a disk.
    SkipMissingDisk,
}

/// Makes plans.
pub struct Gen<'a> {
    /// The personality.
    pub dialect: Dialect,
    /// The expanded configuration.
    pub x: &'a Expanded,
    /// Helper names.
    pub tools: &'a Tools,
    /// Backend options from the command line, in order (`--force`, `--max-peers=3`, ...).
    pub backend: Vec<String>,
    /// `-v` count.
    pub verbose: u8,
    /// `-d`.
    pub dry_run: bool,
    /// This node's name.
    pub hostname: &'a str,
    /// The config file handlers see (`DRBD_CONF`).
    pub config_file: String,
    /// `udev-always-use-vnr` in `global {}`.
    pub udev_always_use_vnr: bool,
}

fn s(v: &str) -> String {
    v.to_string()
}

impl Gen<'_> {
    fn setup_options(&self, fields: Fields) -> Vec<String> {
        self.backend
            .iter()
            .filter(|o| fields.accepts(self.dialect, o))
            .cloned()
            .collect()
    }

    fn has_backend(&self, prefix: &str) -> Option<&String> {
        self.backend.iter().find(|b| b.starts_with(prefix))
    }

    /// Upstream's `make_option()`: `--name=value` unless the command line gives an option
    /// this name is a prefix of (the command line wins).
    pub(crate) fn make_options(&self, opts: &[XOpt], setup_cmd: &str) -> Vec<String> {
        let mut out = Vec::new();
        for o in opts {
            if self.backend.iter().any(|b| {
                b.strip_prefix("--")
                    .is_some_and(|n| n.starts_with(o.name.as_str()))
            }) {
                continue;
            }
            match &o.value {
                Some(v) => {
                    let max = options::lookup_for_command(&o.name, setup_cmd, self.dialect)
                        .and_then(|(_, spec)| match spec.ty {
                            ValueType::String { max_len } => Some(max_len),
                            _ => None,
                        })
                        .unwrap_or(512);
                    let v: String = v.chars().take(max).collect();
                    out.push(format!("--{}={}", o.name, v));
                }
                None => out.push(format!("--{}", o.name)),
            }
        }
        out
    }

    fn setup(&self, words: Vec<String>) -> Vec<String> {
        let mut v = vec![self.tools.drbdsetup.clone()];
        v.extend(words);
        v
    }

    fn run(&self, argv: Vec<String>, res: &XRes, t: Timeout) -> Action {
        Action::Run(Invocation::new(argv, Some(&res.name), t))
    }

    /// A call of upstream's `__adm_drbdsetup()`, which exports `DRBD_RESOURCE`.
    fn run_generic(&self, argv: Vec<String>, res: &XRes, t: Timeout) -> Action {
        Action::Run(Invocation::new(argv, Some(&res.name), t).exporting_resource())
    }

    /// Upstream's `__adm_drbdsetup()`: `drbdsetup CMD [RES] [PEER] [VNR|MINOR] [opts]`.
    fn drbdsetup_generic(&self, cmd: &CmdDef, ctx: &Ctx<'_>, extra: Vec<String>) -> Vec<String> {
        let mut a = vec![s(cmd.name)];
        if cmd.flags.backend_res_name {
            a.push(ctx.res.name.clone());
        }
        if cmd.flags.need_peer {
            a.push(ctx.peer_id());
        }
        if let Some(vol) = ctx.vol {
            if cmd.name == "detach" && vol.device.is_none() {
                a.push(s("--diskless"));
            }
            if cmd.flags.need_peer && cmd.flags.iterate_volumes {
                a.push(vol.vnr.to_string());
            } else {
                a.push(vol.minor_str());
            }
        }
        if cmd.func == Func::Status {
            for _ in 0..self.verbose {
                a.push(s("--verbose"));
            }
        }
        a.extend(self.setup_options(cmd.fields));
        a.extend(extra);
        self.setup(a)
    }

    /// Upstream's `_adm_drbdmeta()`.
    fn drbdmeta(&self, cmd: &CmdDef, ctx: &Ctx<'_>, argument: Option<String>) -> Vec<String> {
        let vol = ctx.vol.expect("drbdmeta commands iterate volumes");
        let mut a = vec![self.tools.drbdmeta.clone(), vol.minor_str()];
        a.push(s(match self.dialect {
            Dialect::V9 => "v09",
            Dialect::V84 => "v08",
        }));
        a.push(vol.md_dev().to_string());
        a.push(vol.meta_index_arg());
        if cmd.flags.need_peer && self.dialect == Dialect::V9 {
            let single = cmd.name == "set-gi" && ctx.res.hosts.len() == 1;
            let id = if single {
                ctx.res
                    .me()
                    .and_then(|h| h.node_id.clone())
                    .unwrap_or_default()
            } else {
                ctx.peer_id()
            };
            a.push(format!("--node-id={id}"));
        }
        a.push(s(cmd.name));
        if let Some(arg) = argument {
            a.push(arg);
        }
        if cmd.name == "dump-superblock" && self.has_backend("--output-format").is_none() {
            a.push(s("--output-format=json"));
        }
        a.extend(
            self.setup_options(cmd.fields)
                .into_iter()
                .filter(|o| !(cmd.name == "create-md" && o.starts_with("--max-peers="))),
        );
        if cmd.name == "create-md"
            && self.has_backend("--effective-size").is_some()
            && self.has_backend("--diskful-peers").is_none()
        {
            let ids: Vec<String> = ctx
                .res
                .active_conns()
                .filter_map(|c| {
                    let pd = c.peer_device(vol.vnr)?;
                    let peer = ctx.res.peer_of(c)?;
                    let diskless = peer.volume(pd.vnr).is_some_and(|v| v.disk.is_none());
                    (!diskless).then(|| peer.node_id.clone().unwrap_or_default())
                })
                .collect();
            if !ids.is_empty() {
                a.push(format!("--diskful-peers={}", ids.join(",")));
            }
        }
        a
    }

    fn meta_action(&self, cmd: &CmdDef, ctx: &Ctx<'_>) -> Action {
        self.run(self.drbdmeta(cmd, ctx, None), ctx.res, Timeout::VeryLong)
    }

    /// Upstream's `__call_cmd_fn()`: the disk check, then once per path or once.
    pub fn call_fn(&self, cmd: &CmdDef, ctx: &Ctx<'_>, on_error: OnError) -> Action {
        if cmd.flags.disk_required && !ctx.vol.is_some_and(|v| v.has_disk()) {
            if on_error == OnError::SkipMissingDisk {
                return Action::Seq(Vec::new());
            }
            return Action::Fail {
                message: format!(
                    "The {} command requires a local disk, but the configuration gives none.",
                    cmd.name
                ),
                code: 10,
            };
        }
        if cmd.flags.iterate_paths && ctx.path.is_none() {
            let Some(c) = ctx.connection() else {
                return Action::Seq(Vec::new());
            };
            let mut v = Vec::new();
            for (i, p) in c.paths.iter().enumerate() {
                if p.ignore {
                    continue;
                }
                let mut t = *ctx;
                t.path = Some(i);
                v.push(self.function(cmd, &t));
            }
            // Paths keep going on failures below 20, as upstream.
            return Action::Seq(v);
        }
        self.function(cmd, ctx)
    }

    /// Upstream's `call_cmd()`: iterate volumes and/or connections unless given.
    pub fn call_cmd(&self, cmd: &CmdDef, ctx: &Ctx<'_>, on_error: OnError) -> Action {
        let res = ctx.res;
        let Some(me) = res.me() else {
            return self.call_fn(cmd, ctx, on_error);
        };
        let iter_vols = ctx.vol.is_none() && cmd.flags.iterate_volumes;
        let iter_conns = ctx.conn.is_none() && cmd.flags.need_peer;
        let conns: Vec<usize> = res
            .conns
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.ignore)
            .map(|(i, _)| i)
            .collect();
        let mut v = Vec::new();
        if iter_vols && iter_conns {
            for vol in &me.volumes {
                for &c in &conns {
                    let mut t = *ctx;
                    t.vol = Some(vol);
                    t.conn = Some(c);
                    v.push(self.call_fn(cmd, &t, on_error));
                }
            }
        } else if iter_vols {
            for vol in &me.volumes {
                let mut t = *ctx;
                t.vol = Some(vol);
                v.push(self.call_fn(cmd, &t, on_error));
            }
        } else if iter_conns {
            if cmd.name == "set-gi" && res.hosts.len() == 1 {
                v.push(self.call_fn(cmd, ctx, on_error));
            } else {
                for &c in &conns {
                    let mut t = *ctx;
                    t.conn = Some(c);
                    v.push(self.call_fn(cmd, &t, on_error));
                }
            }
        } else {
            return self.call_fn(cmd, ctx, on_error);
        }
        Action::Seq(v)
    }

    fn cmd(&self, name: &str) -> &'static CmdDef {
        table::find(self.dialect, name).expect("command in table")
    }

    /// The command's own function (`cmd->function(ctx)`).
    pub fn function(&self, cmd: &CmdDef, ctx: &Ctx<'_>) -> Action {
        let res = ctx.res;
        let long = if cmd.flags.takes_long {
            Timeout::Long
        } else {
            Timeout::Short
        };
        match cmd.func {
            Func::Drbdsetup | Func::Status => {
                let mut extra = Vec::new();
                if cmd.name == "primary" && self.dialect == Dialect::V9 {
                    extra = self.overwrite_data_of_peer();
                }
                self.run_generic(self.drbdsetup_generic(cmd, ctx, extra), res, long)
            }
            Func::Role => {
                if ctx.conn.is_some() {
                    let pr = self.cmd("peer-role");
                    self.run_generic(
                        self.drbdsetup_generic(pr, ctx, Vec::new()),
                        res,
                        Timeout::Short,
                    )
                } else {
                    self.run_generic(self.drbdsetup_generic(cmd, ctx, Vec::new()), res, long)
                }
            }
            Func::Attach | Func::DiskOptions => self.attach(cmd, ctx, false),
            Func::NewPeer => self.new_peer(cmd, ctx, false),
            Func::Path => {
                let p = ctx.connection().and_then(|c| ctx.path.map(|i| &c.paths[i]));
                let addr = |a: Option<&conf_parser::model::Address>| {
                    a.map(|a| a.to_setup_arg()).unwrap_or_default()
                };
                let mut a = vec![s(cmd.name), res.name.clone(), ctx.peer_id()];
                a.push(addr(p.and_then(|p| p.my_address.as_ref())));
                a.push(addr(p.and_then(|p| p.connect_to.as_ref())));
                a.extend(self.setup_options(cmd.fields));
                self.run(self.setup(a), res, Timeout::Short)
            }
            Func::Connect => {
                let mut a = vec![s(cmd.name), res.name.clone(), ctx.peer_id()];
                a.extend(self.setup_options(cmd.fields));
                self.run(self.setup(a), res, Timeout::Short)
            }
            Func::Resource => self.resource(cmd, ctx, false),
            Func::PeerDevice => self.peer_device(cmd, ctx, false),
            Func::NewMinor => {
                let vol = ctx.vol.expect("new-minor iterates volumes");
                let mut a = vec![
                    s("new-minor"),
                    res.name.clone(),
                    vol.minor_str(),
                    vol.vnr.to_string(),
                ];
                if vol.disk.is_none() {
                    a.push(s("--diskless"));
                }
                a.extend(self.make_options(&vol.device_opts, "new-minor"));
                self.run(self.setup(a), res, Timeout::Short)
                    .registering(vol.minor.map(Entry::Minor))
            }
            Func::SetupAndMeta => {
                let first = Action::Run(
                    Invocation::new(
                        self.drbdsetup_generic(
                            &CmdDef {
                                fields: Fields::None,
                                ..*cmd
                            },
                            ctx,
                            Vec::new(),
                        ),
                        Some(&res.name),
                        Timeout::Short,
                    )
                    .exporting_resource()
                    .with_stderr(Stderr::Silent),
                );
                if !ctx
                    .vol
                    .is_some_and(|v| v.disk.is_some() && v.meta_disk.is_some())
                {
                    return first;
                }
                Action::Fallback {
                    first: Box::new(first),
                    keep: vec![11, 17],
                    then: Box::new(self.meta_action(cmd, ctx)),
                    in_dry_run: true,
                    remap: None,
                }
            }
            Func::Invalidate => {
                let setup = CmdDef {
                    fields: table::INVALIDATE,
                    ..*cmd
                };
                let mut extra = Vec::new();
                if ctx.conn.is_some() {
                    extra.push(format!("--sync-from-peer-node-id={}", ctx.peer_id()));
                }
                let first = Action::Run(
                    Invocation::new(
                        self.drbdsetup_generic(&setup, ctx, extra),
                        Some(&res.name),
                        Timeout::Short,
                    )
                    .exporting_resource()
                    .with_stderr(Stderr::Silent),
                );
                let meta = CmdDef {
                    fields: table::FORCEABLE,
                    ..*cmd
                };
                Action::Fallback {
                    first: Box::new(first),
                    keep: vec![11, 17],
                    then: Box::new(self.meta_action(&meta, ctx)),
                    in_dry_run: true,
                    remap: None,
                }
            }
            Func::ForgetPeer => {
                let first = Action::Run(
                    Invocation::new(
                        self.drbdsetup_generic(
                            &CmdDef {
                                fields: Fields::None,
                                ..*cmd
                            },
                            ctx,
                            Vec::new(),
                        ),
                        Some(&res.name),
                        Timeout::Short,
                    )
                    .exporting_resource()
                    .with_stderr(Stderr::Silent),
                );
                let meta = CmdDef {
                    func: Func::Drbdmeta,
                    fields: table::FORCEABLE,
                    flags: crate::table::Flags {
                        iterate_volumes: true,
                        disk_required: true,
                        ..cmd.flags
                    },
                    ..*cmd
                };
                Action::Fallback {
                    first: Box::new(first),
                    keep: vec![11, 17],
                    then: Box::new(self.call_cmd(&meta, ctx, OnError::KeepRunning)),
                    in_dry_run: true,
                    remap: None,
                }
            }
            Func::Outdate => {
                let first = Action::Run(
                    Invocation::new(
                        self.drbdsetup_generic(cmd, ctx, Vec::new()),
                        Some(&res.name),
                        Timeout::Short,
                    )
                    .exporting_resource()
                    .with_stderr(Stderr::Suppress),
                );
                Action::Fallback {
                    first: Box::new(first),
                    keep: vec![17],
                    then: Box::new(self.meta_action(cmd, ctx)),
                    in_dry_run: true,
                    remap: Some((5, 5)),
                }
            }
            Func::Resize | Func::ChkResize => {
                let vol = ctx.vol.expect("resize iterates volumes");
                let mut a = vec![s("resize"), vol.minor_str()];
                if let Some(o) =
                    find_opt(&vol.disk_opts, "size").or_else(|| find_opt(&res.disk_opts, "size"))
                {
                    a.push(format!("--size={}", o.value.clone().unwrap_or_default()));
                }
                a.extend(self.setup_options(cmd.fields));
                let quiet = if cmd.func == Func::ChkResize {
                    Stderr::Suppress
                } else {
                    Stderr::Show
                };
                let resize = Action::Run(
                    Invocation::new(self.setup(a), Some(&res.name), Timeout::Long)
                        .with_stderr(quiet),
                );
                let check = Action::Run(
                    Invocation::new(
                        self.setup(vec![s("check-resize"), vol.minor_str()]),
                        Some(&res.name),
                        Timeout::Short,
                    )
                    .with_stderr(quiet),
                );
                let both = Action::Seq(vec![resize, check]);
                if cmd.func == Func::Resize {
                    return both;
                }
                if !(vol.disk.is_some() && vol.meta_disk.is_some()) {
                    return both;
                }
                Action::Fallback {
                    first: Box::new(both),
                    keep: Vec::new(),
                    then: Box::new(self.meta_action(cmd, ctx)),
                    in_dry_run: false,
                    remap: None,
                }
            }
            Func::CreateMd => {
                let max_peers = match self.has_backend("--max-peers=") {
                    Some(o) => o["--max-peers=".len()..].to_string(),
                    None => {
                        let n = res
                            .active_conns()
                            .filter(|c| {
                                res.peer_of(c)
                                    .is_some_and(|p| p.volumes.iter().any(|v| v.disk.is_some()))
                            })
                            .count();
                        n.max(1).to_string()
                    }
                };
                let arg = (self.dialect == Dialect::V9).then_some(max_peers);
                self.run(self.drbdmeta(cmd, ctx, arg), res, Timeout::VeryLong)
            }
            Func::Drbdmeta => self.meta_action(cmd, ctx),
            Func::WaitC => self.wait_c(cmd, ctx, false),
            // `up` only schedules deferred commands: see [`Gen::schedule_up`].
            Func::Up => Action::Seq(Vec::new()),
            Func::Khelper => self.khelper(cmd, ctx),
            Func::ShResource => Action::Print(format!("{}\n", res.name)),
            Func::ShLcf => Action::Print(format!("{}:{}:{}\n", res.file, res.line, res.name)),
            Func::ShDev => Action::Print(format!(
                "/dev/drbd{}\n",
                ctx.vol.map(|v| v.minor_str()).unwrap_or_default()
            )),
            Func::ShMinor => Action::Print(format!(
                "{}\n",
                ctx.vol.map(|v| v.minor_str()).unwrap_or_default()
            )),
            Func::ShLlDev => Action::Print(format!(
                "{}\n",
                ctx.vol
                    .and_then(|v| v.disk.clone())
                    .unwrap_or_else(|| s("none"))
            )),
            Func::ShMdDev => Action::Print(format!(
                "{}\n",
                ctx.vol.map(|v| v.md_dev().to_string()).unwrap_or_default()
            )),
            Func::ShMdIdx => Action::Print(format!(
                "{}\n",
                ctx.vol
                    .and_then(|v| v.meta_index.clone())
                    .unwrap_or_default()
            )),
            Func::ShIp => {
                let ip = ctx
                    .connection()
                    .and_then(|c| ctx.path.map(|i| &c.paths[i]))
                    .and_then(|p| p.my_address.as_ref())
                    .map(|a| a.addr.clone())
                    .unwrap_or_default();
                Action::Print(format!("{ip}\n"))
            }
            Func::ShUdev => self.sh_udev(ctx),
            _ => Action::Fail {
                message: format!("'{}' is not available in this version yet", cmd.name),
                code: 20,
            },
        }
    }

    /// `drbdadm -- --overwrite-data-of-peer primary`: upstream 9 drops the option silently
    /// and the promotion fails; we pass `--force`, which is what the user meant.
    fn overwrite_data_of_peer(&self) -> Vec<String> {
        let asked = self.backend.iter().any(|b| b == "--overwrite-data-of-peer");
        let forced = self.backend.iter().any(|b| b.starts_with("--f"));
        if asked && !forced {
            eprintln!(
                "drbdadm: --overwrite-data-of-peer is the DRBD 8.4 spelling; passing --force (DRBD 9)"
            );
            return vec![s("--force")];
        }
        Vec::new()
    }

    pub(crate) fn attach(&self, cmd: &CmdDef, ctx: &Ctx<'_>, reset: bool) -> Action {
        let res = ctx.res;
        let vol = ctx.vol.expect("attach iterates volumes");
        let do_attach = cmd.name == "attach";
        let mut a = vec![s(cmd.name), vol.minor_str()];
        if do_attach {
            a.push(vol.disk.clone().unwrap_or_default());
            a.push(vol.md_dev().to_string());
            a.push(vol.meta_index.clone().unwrap_or_default());
        }
        if reset {
            a.push(s("--set-defaults"));
        }
        a.extend(self.make_options(&vol.disk_opts, cmd.name));
        a.extend(self.setup_options(cmd.fields));
        let attach = self.run(self.setup(a), res, Timeout::Long);
        if !do_attach {
            return attach;
        }
        let mut steps = Vec::new();
        if self.dialect == Dialect::V9 {
            steps.push(self.call_fn(self.cmd("repair-md"), ctx, OnError::KeepRunning));
        }
        steps.push(self.call_fn(self.cmd("apply-al"), ctx, OnError::KeepRunning));
        steps.push(attach);
        Action::Seq(steps)
    }

    pub(crate) fn new_peer(&self, cmd: &CmdDef, ctx: &Ctx<'_>, reset: bool) -> Action {
        let res = ctx.res;
        let Some(c) = ctx.connection() else {
            return Action::Seq(Vec::new());
        };
        let mut a = vec![s(cmd.name), res.name.clone(), ctx.peer_id()];
        if reset {
            a.push(s("--set-defaults"));
        }
        let opts: Vec<XOpt> = if cmd.name == "net-options" {
            c.net_opts
                .iter()
                .filter(|o| o.name != "transport")
                .cloned()
                .collect()
        } else {
            c.net_opts.clone()
        };
        a.extend(self.make_options(&opts, cmd.name));
        a.extend(self.setup_options(cmd.fields));
        self.run(self.setup(a), res, Timeout::Short)
    }

    pub(crate) fn resource(&self, cmd: &CmdDef, ctx: &Ctx<'_>, reset: bool) -> Action {
        let res = ctx.res;
        let new = cmd.name == "new-resource";
        let mut a = vec![s(cmd.name), res.name.clone()];
        if new {
            a.push(res.me().and_then(|h| h.node_id.clone()).unwrap_or_default());
        }
        if reset {
            a.push(s("--set-defaults"));
        }
        if reset || new {
            a.extend(self.make_options(&res.res_opts, cmd.name));
        }
        a.extend(self.setup_options(cmd.fields));
        self.run(self.setup(a), res, Timeout::Short)
            .registering(new.then(|| Entry::Resource(res.name.clone())))
    }

    pub(crate) fn peer_device(&self, cmd: &CmdDef, ctx: &Ctx<'_>, reset: bool) -> Action {
        let res = ctx.res;
        let (Some(c), Some(vol)) = (ctx.connection(), ctx.vol) else {
            return Action::Fail {
                message: s("No volume?!"),
                code: 0,
            };
        };
        let Some(pd) = c.peer_device(vol.vnr) else {
            return Action::Fail {
                message: s("Could not find peer_device object!"),
                code: 42,
            };
        };
        let mut a = vec![
            s(cmd.name),
            res.name.clone(),
            ctx.peer_id(),
            vol.vnr.to_string(),
        ];
        if reset {
            a.push(s("--set-defaults"));
        }
        a.extend(self.make_options(&pd.pd_opts, "peer-device-options"));
        a.extend(self.setup_options(cmd.fields));
        self.run(self.setup(a), res, Timeout::Short)
    }

    pub(crate) fn wait_c(&self, cmd: &CmdDef, ctx: &Ctx<'_>, adjust_run: bool) -> Action {
        let res = ctx.res;
        let mut a = Vec::new();
        match (ctx.vol, ctx.conn) {
            (Some(v), Some(_)) => {
                a.push(format!("{}-volume", cmd.name));
                a.push(res.name.clone());
                a.push(ctx.peer_id());
                a.push(v.vnr.to_string());
            }
            (None, Some(_)) => {
                a.push(format!("{}-connection", cmd.name));
                a.push(res.name.clone());
                a.push(ctx.peer_id());
            }
            _ => {
                a.push(format!("{}-resource", cmd.name));
                a.push(res.name.clone());
            }
        }
        if adjust_run {
            let t = find_opt(&res.net_opts, "socket-check-timeout")
                .or_else(|| find_opt(&res.net_opts, "ping-timeout"))
                .and_then(|o| o.value.as_deref())
                .and_then(|v| v.parse::<u64>().ok())
                .map(|v| (v * 2 / 10).max(1))
                .unwrap_or(1)
                .to_string();
            for o in [
                "--wfc-timeout",
                "--degr-wfc-timeout",
                "--outdated-wfc-timeout",
            ] {
                a.push(s(o));
                a.push(t.clone());
            }
        } else if res.stacked && !res.stacked_timeouts {
            let t = find_opt(&res.net_opts, "connect-int")
                .and_then(|o| o.value.as_deref())
                .and_then(|v| v.parse::<u64>().ok())
                .map(|v| v * 2)
                .unwrap_or(20);
            a.push(s("--wfc-timeout"));
            a.push(t.to_string());
        } else {
            let startup: Vec<XOpt> = res
                .startup
                .iter()
                .filter(|o| {
                    [
                        "wfc-timeout",
                        "degr-wfc-timeout",
                        "outdated-wfc-timeout",
                        "wait-after-sb",
                    ]
                    .contains(&o.name.as_str())
                })
                .cloned()
                .collect();
            a.extend(self.make_options(&startup, "wait-connect-resource"));
        }
        self.run(self.setup(a), res, Timeout::Forever)
    }

    /// Schedules the deferred commands of `up` for `res` into `plan`.
    pub fn schedule_up(&self, res: &XRes, plan: &mut Plan) {
        let Some(me) = res.me() else { return };
        let ctx = Ctx::res(res);
        let new_res = plan.defer(
            Stage::Prereq,
            &res.name,
            self.call_fn(self.cmd("new-resource"), &ctx, OnError::KeepRunning),
            None,
            None,
        );
        for vol in &me.volumes {
            let mut t = ctx;
            t.vol = Some(vol);
            let nm = plan.defer(
                Stage::DiskPrepUp,
                &res.name,
                self.call_fn(self.cmd("new-minor"), &t, OnError::KeepRunning),
                Some(new_res),
                None,
            );
            if vol.disk.is_some() {
                plan.defer(
                    Stage::Disk,
                    &res.name,
                    self.call_fn(self.cmd("attach"), &t, OnError::KeepRunning),
                    Some(nm),
                    None,
                );
            }
        }
        for (ci, c) in res.conns.iter().enumerate() {
            if c.ignore {
                continue;
            }
            let mut t = ctx;
            t.conn = Some(ci);
            let np = plan.defer(
                Stage::NetPrepUp,
                &res.name,
                self.call_fn(self.cmd("new-peer"), &t, OnError::KeepRunning),
                Some(new_res),
                None,
            );
            plan.defer(
                Stage::NetPath,
                &res.name,
                self.call_fn(self.cmd("new-path"), &t, OnError::KeepRunning),
                Some(np),
                None,
            );
            plan.defer(
                Stage::NetConnect,
                &res.name,
                self.call_fn(self.cmd("connect"), &t, OnError::KeepRunning),
                Some(np),
                None,
            );
            let Some(peer) = res.peer_of(c) else { continue };
            for pd in &c.peer_devices {
                if pd.pd_opts.is_empty() {
                    continue;
                }
                let Some(pvol) = peer.volume(pd.vnr) else {
                    continue;
                };
                let mut t2 = t;
                t2.vol = Some(pvol);
                plan.defer(
                    Stage::PeerDevice,
                    &res.name,
                    self.call_fn(self.cmd("peer-device-options"), &t2, OnError::KeepRunning),
                    Some(np),
                    None,
                );
            }
        }
    }

    fn khelper(&self, cmd: &CmdDef, ctx: &Ctx<'_>) -> Action {
        let res = ctx.res;
        let Some(sh) = find_opt(&res.handlers, cmd.name).and_then(|o| o.value.clone()) else {
            return Action::Seq(Vec::new());
        };
        let mut inv = Invocation::new(
            vec![s("/bin/sh"), s("-c"), sh],
            Some(&res.name),
            Timeout::VeryLong,
        );
        let mut env = vec![
            (s("DRBD_CONF"), self.config_file.clone()),
            (s("DRBD_RESOURCE"), res.name.clone()),
        ];
        for h in &res.hosts {
            if let Some(id) = &h.node_id {
                env.push((format!("DRBD_NODE_ID_{id}"), h.names.join(" ")));
            }
        }
        if std::env::var_os("DRBD_MY_NODE_ID").is_none() {
            if let Some(id) = res.me().and_then(|h| h.node_id.clone()) {
                env.push((s("DRBD_MY_NODE_ID"), id));
            }
        }
        let vols: Vec<&XVol> = match ctx.vol {
            Some(v) => vec![v],
            None => res
                .me()
                .map(|h| h.volumes.iter().collect())
                .unwrap_or_default(),
        };
        let join =
            |f: &dyn Fn(&XVol) -> String| vols.iter().map(|v| f(v)).collect::<Vec<_>>().join(" ");
        env.push((s("DRBD_MINOR"), join(&|v| v.minor_str())));
        env.push((s("DRBD_VOLUME"), join(&|v| v.vnr.to_string())));
        env.push((
            s("DRBD_LL_DISK"),
            join(&|v| crate::plan::shell_escape(v.disk.as_deref().unwrap_or("none"))),
        ));
        inv.env = env;
        Action::Run(inv)
    }

    fn sh_udev(&self, ctx: &Ctx<'_>) -> Action {
        let res = ctx.res;
        let Some(vol) = ctx.vol else {
            return Action::Fail {
                message: s("volume not specified"),
                code: 1,
            };
        };
        let mut out = String::new();
        match vol.device.as_deref().and_then(|d| d.strip_prefix("/dev/")) {
            Some(d) if d.starts_with("drbd") => out.push_str(&format!("DEVICE={d}\n")),
            _ => out.push_str(&format!("DEVICE=drbd{}\n", vol.minor_str())),
        }
        let link = if vol.implicit && !self.udev_always_use_vnr {
            format!("drbd/by-res/{}", res.name)
        } else {
            format!("drbd/by-res/{}/{}", res.name, vol.vnr)
        };
        out.push_str(&format!("SYMLINK={link}\nSYMLINK_BY_RES={link}\n"));
        if let Some(d) = &vol.disk {
            out.push_str(&format!(
                "SYMLINK_BY_DISK=drbd/by-disk/{}\n",
                d.strip_prefix("/dev/").unwrap_or(d)
            ));
        }
        Action::Print(out)
    }
}
