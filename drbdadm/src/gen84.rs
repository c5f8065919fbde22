//! Plan generators of the DRBD 8.4 personality (user/v84/drbdadm_main.c): helpers are
//! `drbdsetup-84` and `drbdmeta ... v08`; per-volume commands address the minor, the
//! network commands the two addresses; every command-line backend option is passed on
//! (so `drbdadm -- --overwrite-data-of-peer primary r0` reaches drbdsetup-84).

use conf_parser::registry::Entry;

use crate::expand::{XOpt, XRes};
use crate::gen::{Ctx, Gen, OnError};
use crate::plan::{Action, Invocation, Plan, Stage, Stderr, Timeout};
use crate::table::{CmdDef, Func};

fn s(v: &str) -> String {
    v.to_string()
}

impl Gen<'_> {
    /// 8.4 passes every backend option on, unfiltered (`add_setup_options()`).
    fn setup84(&self) -> Vec<String> {
        self.backend.clone()
    }

    pub(crate) fn opts84(opts: &[XOpt]) -> Vec<String> {
        opts.iter()
            .map(|o| match &o.value {
                Some(v) => format!("--{}={}", o.name, v),
                None => format!("--{}", o.name),
            })
            .collect()
    }

    fn run84(&self, words: Vec<String>, res: &XRes, t: Timeout) -> Action {
        let mut argv = vec![self.tools.drbdsetup.clone()];
        argv.extend(words);
        Action::Run(Invocation::new(argv, Some(&res.name), t))
    }

    /// A call of upstream's `_adm_generic()`, which exports `DRBD_RESOURCE`.
    fn run84_generic(&self, words: Vec<String>, res: &XRes, t: Timeout) -> Action {
        let mut argv = vec![self.tools.drbdsetup.clone()];
        argv.extend(words);
        Action::Run(Invocation::new(argv, Some(&res.name), t).exporting_resource())
    }

    /// `_adm_generic()`: `drbdsetup-84 CMD MINOR|RES <options>`.
    fn generic84(&self, name: &str, ctx: &Ctx<'_>) -> Vec<String> {
        let mut a = vec![s(name)];
        match ctx.vol {
            Some(v) => a.push(v.minor_str()),
            None => a.push(ctx.res.name.clone()),
        }
        a.extend(self.setup84());
        a
    }

    /// `_admm_generic()`: `drbdmeta MINOR v08 MD IDX CMD <options>`.
    fn meta84(&self, name: &str, ctx: &Ctx<'_>) -> Action {
        let vol = ctx.vol.expect("drbdmeta commands iterate volumes");
        let mut a = vec![self.tools.drbdmeta.clone(), vol.minor_str(), s("v08")];
        a.push(vol.md_dev().to_string());
        a.push(vol.meta_index_arg());
        a.push(s(name));
        a.extend(self.setup84());
        Action::Run(Invocation::new(a, Some(&ctx.res.name), Timeout::VeryLong))
    }

    /// `add_connection_endpoints()`: my address, then the peer's (or my proxy's inside).
    fn endpoints84(&self, res: &XRes) -> Result<Vec<String>, Action> {
        let mut a = Vec::new();
        let me = res.me();
        a.push(
            me.and_then(|h| h.address.as_ref())
                .map(|x| x.to_setup_arg())
                .unwrap_or_default(),
        );
        let peer = res
            .conns
            .iter()
            .find(|c| !c.ignore)
            .and_then(|c| res.peer_of(c));
        if let Some(inside) = me
            .and_then(|h| h.proxy.as_ref())
            .and_then(|p| p.inside.as_ref())
        {
            a.push(inside.to_setup_arg());
        } else if let Some(addr) = peer.and_then(|p| p.address.as_ref()) {
            a.push(addr.to_setup_arg());
        } else if self.dry_run {
            a.push(s("N/A"));
        } else {
            return Err(Action::Fail {
                message: format!(
                    "resource {}: cannot configure network without knowing my peer.",
                    res.name
                ),
                code: 20,
            });
        }
        Ok(a)
    }

    /// 8.4's `call_cmd()`: once per volume for per-volume commands.
    pub fn call_cmd84(&self, cmd: &CmdDef, ctx: &Ctx<'_>, on_error: OnError) -> Action {
        let Some(me) = ctx.res.me() else {
            return self.function84(cmd, ctx);
        };
        if cmd.flags.iterate_volumes && ctx.vol.is_none() {
            let mut v = Vec::new();
            for vol in &me.volumes {
                if on_error == OnError::SkipMissingDisk
                    && matches!(cmd.func, Func::Attach | Func::CreateMd | Func::Drbdmeta)
                    && !vol.has_disk()
                {
                    continue;
                }
                let mut t = *ctx;
                t.vol = Some(vol);
                v.push(self.function84(cmd, &t));
            }
            return Action::Seq(v);
        }
        self.function84(cmd, ctx)
    }

    /// One 8.4 command for one context.
    pub fn function84(&self, cmd: &CmdDef, ctx: &Ctx<'_>) -> Action {
        let res = ctx.res;
        let needs_disk = matches!(
            cmd.func,
            Func::Attach | Func::CreateMd | Func::Drbdmeta | Func::ShMdDev | Func::ShMdIdx
        );
        if needs_disk && !ctx.vol.is_some_and(|v| v.has_disk()) {
            return Action::Fail {
                message: format!(
                    "The {} command requires a local disk, but the configuration gives none.",
                    cmd.name
                ),
                code: 10,
            };
        }
        match cmd.func {
            // `adm_disconnect()`: addressed by the two endpoints.
            Func::Drbdsetup if cmd.name == "disconnect" => {
                let mut a = vec![s("disconnect")];
                match self.endpoints84(res) {
                    Ok(e) => a.extend(e),
                    Err(fail) => return fail,
                }
                a.extend(self.setup84());
                self.run84(a, res, Timeout::Short)
            }
            Func::Drbdsetup | Func::Status | Func::Role => {
                let t = if cmd.flags.takes_long {
                    Timeout::Long
                } else {
                    Timeout::Short
                };
                self.run84_generic(self.generic84(cmd.name, ctx), res, t)
            }
            Func::Attach => {
                let vol = ctx.vol.expect("checked above");
                let mut a = vec![
                    s("attach"),
                    vol.minor_str(),
                    vol.disk.clone().unwrap_or_default(),
                    vol.md_dev().to_string(),
                    vol.meta_index.clone().unwrap_or_default(),
                ];
                a.extend(Self::opts84(&vol.disk_opts));
                a.extend(self.setup84());
                Action::Seq(vec![
                    self.meta84("apply-al", ctx),
                    self.run84(a, res, Timeout::Long),
                ])
            }
            Func::DiskOptions => {
                let vol = ctx.vol.expect("disk-options iterates volumes");
                let mut a = vec![s("disk-options"), vol.minor_str()];
                a.extend(self.setup84());
                self.run84(a, res, Timeout::Long)
            }
            Func::Connect | Func::NewPeer => {
                let connect = cmd.func == Func::Connect;
                let mut a = vec![s(if connect { "connect" } else { "net-options" })];
                if connect {
                    a.push(res.name.clone());
                }
                match self.endpoints84(res) {
                    Ok(e) => a.extend(e),
                    Err(fail) => return fail,
                }
                if connect {
                    a.extend(Self::opts84(&res.net_opts));
                }
                a.extend(self.setup84());
                self.run84(a, res, Timeout::Short)
            }
            Func::Resource => {
                let new = cmd.name == "new-resource";
                let mut a = vec![s(cmd.name), res.name.clone()];
                if new {
                    a.extend(Self::opts84(&res.res_opts));
                }
                a.extend(self.setup84());
                self.run84(a, res, Timeout::Short)
                    .registering(new.then(|| Entry::Resource(res.name.clone())))
            }
            Func::NewMinor => {
                let vol = ctx.vol.expect("new-minor iterates volumes");
                self.run84(
                    vec![
                        s("new-minor"),
                        res.name.clone(),
                        vol.minor_str(),
                        vol.vnr.to_string(),
                    ],
                    res,
                    Timeout::Short,
                )
                .registering(vol.minor.map(Entry::Minor))
            }
            Func::SetupAndMeta => {
                let first = Action::Run(
                    Invocation::new(
                        {
                            let mut v = vec![self.tools.drbdsetup.clone()];
                            v.extend(self.generic84(cmd.name, ctx));
                            v
                        },
                        Some(&res.name),
                        Timeout::Short,
                    )
                    .exporting_resource()
                    .with_stderr(Stderr::Silent),
                );
                if !ctx.vol.is_some_and(|v| v.has_disk()) {
                    return first;
                }
                Action::Fallback {
                    first: Box::new(first),
                    keep: vec![11, 17],
                    then: Box::new(self.meta84(cmd.name, ctx)),
                    in_dry_run: true,
                    remap: None,
                }
            }
            Func::Outdate => {
                let first = Action::Run(
                    Invocation::new(
                        {
                            let mut v = vec![self.tools.drbdsetup.clone()];
                            v.extend(self.generic84("outdate", ctx));
                            v
                        },
                        Some(&res.name),
                        Timeout::Short,
                    )
                    .exporting_resource()
                    .with_stderr(Stderr::Suppress),
                );
                Action::Fallback {
                    first: Box::new(first),
                    keep: vec![17],
                    then: Box::new(self.meta84("outdate", ctx)),
                    in_dry_run: true,
                    remap: Some((5, 5)),
                }
            }
            Func::Resize | Func::ChkResize => {
                let vol = ctx.vol.expect("resize iterates volumes");
                let mut a = vec![s("resize"), vol.minor_str()];
                if let Some(o) = crate::expand::find_opt(&vol.disk_opts, "size")
                    .or_else(|| crate::expand::find_opt(&res.disk_opts, "size"))
                {
                    a.push(format!("--size={}", o.value.clone().unwrap_or_default()));
                }
                a.extend(self.setup84());
                let quiet = if cmd.func == Func::ChkResize {
                    Stderr::Suppress
                } else {
                    Stderr::Show
                };
                let mut argv = vec![self.tools.drbdsetup.clone()];
                argv.extend(a);
                let both = Action::Seq(vec![
                    Action::Run(
                        Invocation::new(argv, Some(&res.name), Timeout::Short).with_stderr(quiet),
                    ),
                    Action::Run(
                        Invocation::new(
                            vec![
                                self.tools.drbdsetup.clone(),
                                s("check-resize"),
                                vol.minor_str(),
                            ],
                            Some(&res.name),
                            Timeout::Short,
                        )
                        .with_stderr(quiet),
                    ),
                ]);
                if cmd.func == Func::Resize {
                    return both;
                }
                Action::Fallback {
                    first: Box::new(both),
                    keep: Vec::new(),
                    then: Box::new(self.meta84("check-resize", ctx)),
                    in_dry_run: false,
                    remap: None,
                }
            }
            Func::CreateMd | Func::Drbdmeta => self.meta84(cmd.name, ctx),
            Func::WaitC => {
                let vol = ctx.vol.expect("wait-connect iterates volumes");
                let mut a = vec![s("wait-connect"), vol.minor_str()];
                if res.stacked && !res.stacked_timeouts {
                    let t = crate::expand::find_opt(&res.net_opts, "connect-int")
                        .and_then(|o| o.value.as_deref())
                        .and_then(|v| v.parse::<u64>().ok())
                        .map(|v| v * 2)
                        .unwrap_or(20);
                    a.push(s("--wfc-timeout"));
                    a.push(t.to_string());
                } else {
                    a.extend(Self::opts84(&res.startup));
                }
                self.run84(a, res, Timeout::Forever)
            }
            // 8.4's sh-ip: this node's address, once per volume.
            Func::ShIp => Action::Print(format!(
                "{}\n",
                res.me()
                    .and_then(|h| h.address.as_ref())
                    .map(|a| a.addr.clone())
                    .unwrap_or_default()
            )),
            // `up` only schedules deferred commands: see [`Gen::schedule_up84`].
            Func::Up => Action::Seq(Vec::new()),
            // Shell helpers and handlers behave as in DRBD 9.
            _ => self.function(cmd, ctx),
        }
    }

    /// 8.4's `up`: new-resource and new-minors, then attach, then connect.
    pub fn schedule_up84(&self, res: &XRes, plan: &mut Plan) {
        let Some(me) = res.me() else { return };
        let ctx = Ctx::res(res);
        let find = |n: &str| crate::table::find(self.dialect, n).expect("command in table");
        plan.defer(
            Stage::Prereq,
            &res.name,
            self.function84(find("new-resource"), &ctx),
            None,
            None,
        );
        for vol in &me.volumes {
            let mut t = ctx;
            t.vol = Some(vol);
            plan.defer(
                Stage::Prereq,
                &res.name,
                self.function84(find("new-minor"), &t),
                None,
                None,
            );
            if vol.has_disk() {
                plan.defer(
                    Stage::Disk,
                    &res.name,
                    self.function84(find("attach"), &t),
                    None,
                    None,
                );
            }
        }
        // 8.4 stages: the network comes last (`CFG_NET`).
        plan.defer(
            Stage::WaitConnect,
            &res.name,
            self.function84(find("connect"), &ctx),
            None,
            None,
        );
    }
}
