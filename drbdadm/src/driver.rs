//! Runs one command over its resources the way upstream's `main()` does: `all` or a list
//! of specifiers (`RES`, `RES/VOL`, `RES:PEER`, `minor-N`), the checks each one gets,
//! immediate actions as they are made, deferred ones at the end.

use std::collections::BTreeSet;

use conf_parser::{Config, Dialect};

use crate::cli::Cli;
use crate::error::{AdmError, ExitCode};
use crate::exec::{Executor, Stop};
use crate::expand::{Expanded, XRes};
use crate::gen::{Ctx, Gen, OnError, Tools};
use crate::plan::{Action, Plan};
use crate::spec;
use crate::table::{CmdDef, Func};

/// Drives a command.
pub struct Driver<'a> {
    gen: Gen<'a>,
    exec: Executor,
    plan: Plan,
    cli: &'a Cli,
    cfg: &'a Config,
    rv: i32,
}

impl<'a> Driver<'a> {
    /// Sets up generator and executor from the command line.
    pub fn new(
        cli: &'a Cli,
        dialect: Dialect,
        x: &'a Expanded,
        hostname: &'a str,
        argv0: &str,
        cfg: &'a Config,
    ) -> Driver<'a> {
        let tools = Box::leak(Box::new(tools(cli, dialect, argv0)));
        let backend = cli.backend_options(dialect);
        let g = &cfg.global;
        Driver {
            gen: Gen {
                dialect,
                x,
                tools,
                backend,
                verbose: cli.verbose,
                dry_run: cli.dry_run,
                hostname,
                config_file: cfg.main_name().to_string(),
                udev_always_use_vnr: g.udev_always_use_vnr,
            },
            exec: Executor {
                dry_run: cli.dry_run,
                verbose: cli.verbose > 0,
                sh_varname: cli.sh_varname.clone(),
                timeout_short: g.cmd_timeout_short.unwrap_or(5),
                timeout_medium: g.cmd_timeout_medium.unwrap_or(600),
                timeout_long: g.cmd_timeout_long.unwrap_or(0),
                progress: cli.command.is_some_and(|c| c.func == Func::AdjustWp)
                    && !cli.dry_run
                    && cli.verbose == 0,
                registry: None,
                exported: std::cell::RefCell::new(None),
            },
            plan: Plan::default(),
            cli,
            cfg,
            rv: 0,
        }
    }

    /// Successful `new-minor`/`new-resource` calls point the registry at `config` (not in
    /// a dry run, not for a config read from stdin: upstream's `do_register`).
    pub fn register_into(&mut self, config: Option<std::path::PathBuf>) {
        self.exec.registry = config.filter(|_| !self.cli.dry_run);
    }

    /// `wait-con-int` waits for every resource, whichever it was called for (exit 0).
    fn wait_ci(&self) {
        let calls = crate::waitci::calls(&self.gen, self.cli.stacked);
        let banner = crate::waitci::Banner::of(self.gen.x.resources.first());
        let refresh = self.cfg.global.dialog_refresh;
        crate::waitci::run(&self.exec, &calls, &banner, crate::env::no_tty(), refresh);
    }

    fn run_now(&mut self, cmd: &CmdDef, ctx: &Ctx<'_>, on_error: OnError) -> Result<(), AdmError> {
        if cmd.func == Func::WaitCi {
            self.wait_ci();
            return Ok(());
        }
        let v84 = self.gen.dialect == Dialect::V84;
        if v84 && matches!(cmd.func, Func::Adjust | Func::AdjustWp) {
            let kern = crate::adjust84::running(&self.gen, &ctx.res.name);
            crate::adjust84::schedule(&self.gen, ctx.res, kern.as_ref(), &mut self.plan);
            return Ok(());
        }
        // `sh_nop()` has nothing to do once the configuration is valid.
        if cmd.func == Func::ShNop {
            return Ok(());
        }
        if cmd.func == Func::ShLres {
            return self.sh_lower_resource(ctx);
        }
        // DRBD 9 runs a command that takes no names once per name given anyway, in the
        // named resource's mode.
        if matches!(cmd.func, Func::ShResources | Func::ShModParms) {
            return self.resource_independent(cmd, ctx.res.stacked);
        }
        if cmd.func == Func::Up {
            if v84 {
                self.gen.schedule_up84(ctx.res, &mut self.plan);
            } else {
                self.gen.schedule_up(ctx.res, &mut self.plan);
            }
            return Ok(());
        }
        let action = if v84 {
            self.gen.call_cmd84(cmd, ctx, on_error)
        } else if let Some(a) =
            crate::adjust::hook(&self.gen, cmd, ctx, on_error, self.cli, &mut self.plan)?
        {
            a
        } else {
            self.gen.call_cmd(cmd, ctx, on_error)
        };
        let fatal_fail = on_error == OnError::ExitOnFail && has_fail(&action);
        let r = self
            .exec
            .run_action(&action)
            .map_err(|Stop(c)| AdmError::Exit(c))?;
        if r >= 20 || (fatal_fail && r >= 10) {
            return Err(AdmError::Exit(r));
        }
        self.rv = self.rv.max(r);
        Ok(())
    }

    /// `sh-lr-of`: the resource a stacked one sits on, once per volume as upstream iterates
    /// them. By now the stacked mode is the resource's own (a named resource sets it, `all`
    /// picks the resources of the mode), so upstream's two checks come down to this one; it
    /// ends the run at once.
    fn sh_lower_resource(&mut self, ctx: &Ctx<'_>) -> Result<(), AdmError> {
        let res = ctx.res;
        let me = res.me();
        let lower = me
            .and_then(|h| h.lower)
            .and_then(|i| self.gen.x.resources.get(i));
        let Some(lower) = lower.filter(|_| res.stacked) else {
            eprintln!("sh-lower-resource only available in stacked mode");
            return Err(AdmError::Exit(ExitCode::Usage as i32));
        };
        let times = match ctx.vol {
            Some(_) => 1,
            None => me.map_or(0, |h| h.volumes.len()),
        };
        let line = format!("{}\n", lower.name);
        let r = self
            .exec
            .run_action(&Action::Print(line.repeat(times)))
            .map_err(|Stop(c)| AdmError::Exit(c))?;
        self.rv = self.rv.max(r);
        Ok(())
    }

    fn verify_ips(&self, res: &XRes) -> bool {
        // `adjust --skip-net` (the only command taking it) does not check addresses.
        if self.cfg.global.disable_ip_verification
            || self.gen.backend.iter().any(|b| b == "--skip-net")
        {
            return true;
        }
        if (self.cli.dry_run && crate::env::no_tty()) || res.ignore || res.proxy_only {
            return true;
        }
        if res.stacked && !self.cli.stacked {
            return true;
        }
        let Some(me) = res.me() else { return true };
        let Some(a) = &me.address else { return true };
        if crate::hosts::have_ip(&a.af, &a.addr) {
            return true;
        }
        eprintln!(
            "{}: in resource {}, on {}:\n\tIP {} not found on this host.",
            res.file,
            res.name,
            me.names.join(" "),
            a.addr
        );
        false
    }

    /// `drbdadm CMD all`.
    pub fn all(&mut self, cmd: &CmdDef) -> Result<(), AdmError> {
        let x = self.gen.x;
        let stacked = self.cli.stacked;
        let normal = x
            .resources
            .iter()
            .filter(|r| !self.not_here(cmd, r) && !r.stacked)
            .count();
        let ignored = x.resources.iter().filter(|r| self.not_here(cmd, r)).count();
        let nstacked = x
            .resources
            .iter()
            .filter(|r| !self.not_here(cmd, r) && r.stacked)
            .count();
        let host = self.gen.hostname;
        if !stacked && normal == 0 {
            if ignored > 0 {
                eprintln!(
                    "WARN: no normal resources defined for this host ({host})!?\nMisspelled name of the local machine with the 'on' keyword ?"
                );
                // The 'on' names are no help when proxy sections were looked at.
                if !cmd.flags.is_proxy_cmd {
                    self.list_on_names();
                }
            } else {
                eprintln!("WARN: no normal resources defined for this host ({host})!?");
            }
            return Err(AdmError::Exit(ExitCode::Usage as i32));
        }
        if stacked && nstacked == 0 {
            eprintln!(
                "WARN: nothing stacked for this host ({host}), nothing to do in stacked mode!"
            );
            return Err(AdmError::Exit(ExitCode::Usage as i32));
        }
        if cmd.flags.verify_ips {
            let mut ok = true;
            for r in &x.resources {
                ok &= self.verify_ips(r);
            }
            if !ok {
                return Err(AdmError::ConfigInvalid);
            }
        }
        let is_adjust = matches!(
            cmd.func,
            Func::Adjust | Func::AdjustWp | Func::ShListAdjustable
        );
        for r in &x.resources {
            if self.not_here(cmd, r) || (r.proxy_only && !is_adjust && !cmd.flags.is_proxy_cmd) {
                continue;
            }
            if stacked != r.stacked {
                continue;
            }
            self.run_now(cmd, &Ctx::res(r), OnError::SkipMissingDisk)?;
        }
        Ok(())
    }

    /// Whether `r` is not for this node in this command: upstream finds this node by its
    /// proxy sections for proxy commands (`MATCH_ON_PROXY`), by its host sections otherwise.
    fn not_here(&self, cmd: &CmdDef, r: &XRes) -> bool {
        r.ignore || (cmd.flags.is_proxy_cmd && !self.proxy_here(r))
    }

    /// Whether a proxy section of `r` runs on this node.
    fn proxy_here(&self, r: &XRes) -> bool {
        let me = self.gen.hostname;
        let same = |n: &String| match self.gen.dialect {
            Dialect::V9 => crate::hosts::hostnames_equal(n, me),
            Dialect::V84 => n == me,
        };
        r.conns.iter().flat_map(|c| &c.paths).any(|p| {
            p.ends
                .iter()
                .filter_map(|e| e.proxy.as_ref())
                .chain(p.my_proxy.as_ref())
                .any(|px| px.on_hosts.iter().any(same))
        })
    }

    fn list_on_names(&self) {
        let names: Vec<String> = self
            .gen
            .x
            .resources
            .iter()
            .flat_map(|r| r.hosts.iter().flat_map(|h| h.names.clone()))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if !names.is_empty() {
            eprintln!(
                "   this host is '{}'; the 'on' sections name: {}",
                self.gen.hostname,
                names.join(", ")
            );
        }
    }

    /// `drbdadm CMD RES...`.
    pub fn named(&mut self, cmd: &CmdDef, names: &[String]) -> Result<(), AdmError> {
        let x = self.gen.x;
        let is_adjust = matches!(
            cmd.func,
            Func::Adjust | Func::AdjustWp | Func::ShListAdjustable
        );
        let dialect = self.gen.dialect;
        let (parsed, marked) = if dialect == Dialect::V9 {
            self.check_names(cmd, names)?
        } else {
            Default::default()
        };
        for (i, text) in names.iter().enumerate() {
            let spec = match parsed.get(i) {
                Some(s) => *s,
                None => spec::parse(text, dialect).map_err(number_error)?,
            };
            let first_marked = x
                .resource(spec.res)
                .and_then(|r| (0..r.conns.len()).find(|&c| marked.contains(&(r.name.clone(), c))));
            // A resource not for this node is unknown before anything else is looked at
            // (upstream's `ctx_by_name()` checks `res->ignore` first).
            let lookup = match x.resource(spec.res) {
                Some(r) if self.not_here(cmd, r) => Lookup::Unknown,
                _ => select(x, dialect, text, &spec, first_marked),
            };
            let found = match lookup {
                Lookup::Found(sel) => Some(*sel),
                Lookup::Refused => {
                    eprintln!("'{text}' unexpected ctx_by_* result r=-2");
                    return Err(AdmError::Exit(ExitCode::Usage as i32));
                }
                Lookup::Unknown => match spec::minor(text).map_err(number_error)? {
                    Some(m) => select_minor(x, m),
                    None => None,
                },
            };
            let found = found.filter(|s| !self.not_here(cmd, &s.res));
            let Some(sel) = found else {
                eprintln!("'{text}' not defined in your config (for this host).");
                self.hint_ignored(spec.res);
                // DRBD 9 goes on with the next name; 8.4 stops at once.
                if dialect == Dialect::V84 {
                    return Err(AdmError::Exit(ExitCode::Usage as i32));
                }
                if self.rv == 0 {
                    self.rv = 1;
                }
                continue;
            };
            let spec = text;
            let res_owned = sel.res;
            let res: &XRes = Box::leak(Box::new(res_owned));
            let mut vol = sel.vnr.and_then(|n| res.me().and_then(|m| m.volume(n)));
            if !cmd.flags.vol_id_required
                && !cmd.flags.iterate_volumes
                && vol.is_some()
                && !cmd.flags.vol_id_optional
            {
                if vol.is_some_and(|v| v.implicit) {
                    vol = None;
                } else {
                    eprintln!(
                        "{} operates on whole resources, but you specified a specific volume!",
                        cmd.name
                    );
                    return Err(AdmError::Exit(ExitCode::Usage as i32));
                }
            }
            if cmd.flags.vol_id_required && vol.is_none() {
                if let Some(first) = res.me().and_then(|m| m.volumes.first()) {
                    if first.implicit {
                        vol = Some(first);
                    }
                }
            }
            if cmd.flags.vol_id_required && vol.is_none() {
                eprintln!(
                    "{0} requires a specific volume id, but none is specified.\nTry '{0} minor-<minor_number>' or '{0} {1}/<vnr>'",
                    cmd.name, spec
                );
                return Err(AdmError::Exit(ExitCode::Usage as i32));
            }
            if res.ignore {
                eprintln!(
                    "'{}' ignored, since this host ({}) is not mentioned with an 'on' keyword.",
                    res.name, self.gen.hostname
                );
                let names: Vec<String> = res.hosts.iter().flat_map(|h| h.names.clone()).collect();
                if !names.is_empty() {
                    eprintln!(
                        "   the 'on' sections of '{}' name: {}",
                        res.name,
                        names.join(", ")
                    );
                }
                self.rv = self.rv.max(1);
                continue;
            }
            // 8.4 keeps normal and stacked resources apart by mode; a minor number picks its
            // resource's mode.
            let by_minor = spec.starts_with("minor-") && x.resource(spec).is_none();
            let stacked_mode = if by_minor {
                res.stacked
            } else {
                self.cli.stacked
            };
            if self.gen.dialect == Dialect::V84 && stacked_mode != res.stacked {
                let kind = |s: bool| if s { "stacked" } else { "normal" };
                eprintln!(
                    "'{}' is a {} resource, and not available in {} mode.",
                    res.name,
                    kind(res.stacked),
                    kind(stacked_mode)
                );
                self.rv = self.rv.max(1);
                continue;
            }
            if res.proxy_only && !is_adjust && !cmd.flags.is_proxy_cmd {
                eprintln!(
                    "'{}' ignored, since this host ({}) is a proxy node, not a DRBD node.",
                    res.name, self.gen.hostname
                );
                self.rv = self.rv.max(1);
                continue;
            }
            if cmd.flags.verify_ips && !self.verify_ips(res) {
                return Err(AdmError::ConfigInvalid);
            }
            let ctx = Ctx {
                res,
                vol,
                conn: sel.conn,
                path: None,
            };
            self.run_now(cmd, &ctx, OnError::ExitOnFail)?;
        }
        Ok(())
    }

    /// Upstream's two checking passes over all names before anything runs: each name
    /// parsed (a bad number ends drbdadm), a local node named as peer reported (once per
    /// pass), and no connection enabled twice.
    /// Also gives the connections host specifiers marked (upstream's `on_cmdline`).
    #[allow(clippy::type_complexity)]
    fn check_names<'n>(
        &self,
        cmd: &CmdDef,
        names: &'n [String],
    ) -> Result<(Vec<spec::Spec<'n>>, BTreeSet<(String, usize)>), AdmError> {
        let x = self.gen.x;
        let mut specs = Vec::new();
        for text in names {
            let s = spec::parse(text, Dialect::V9).map_err(number_error)?;
            if x.resource(s.res)
                .is_some_and(|r| !self.not_here(cmd, r) && names_local_node(r, &s))
            {
                say_not_a_peer(text, &s);
            }
            specs.push(s);
        }
        let mut enabled: BTreeSet<(&str, usize)> = BTreeSet::new();
        let mut marked: BTreeSet<(String, usize)> = BTreeSet::new();
        for (text, s) in names.iter().zip(&specs) {
            let Some(r) = x.resource(s.res).filter(|r| !self.not_here(cmd, r)) else {
                continue;
            };
            if names_local_node(r, s) {
                say_not_a_peer(text, s);
                continue;
            }
            let conns: Vec<usize> = match s.peer {
                // A bare name enables all its connections; with a volume, none.
                None if s.vnr.is_none() => {
                    (0..r.conns.len()).filter(|&i| !r.conns[i].ignore).collect()
                }
                None => Vec::new(),
                Some(p) => named_conns(r, p),
            };
            if s.peer.is_some_and(|p| names_host(r, p)) {
                for &c in &conns {
                    marked.insert((r.name.clone(), c));
                }
            }
            for c in conns {
                if !enabled.insert((r.name.as_str(), c)) {
                    eprintln!("USAGE_BUG: {text} would enable an already enabled connection");
                    return Err(AdmError::Exit(ExitCode::Usage as i32));
                }
            }
        }
        Ok((specs, marked))
    }

    /// Our hint after "not defined": the resource exists, but not for this host.
    fn hint_ignored(&self, name: &str) {
        if let Some(r) = self.gen.x.resource(name).filter(|r| r.ignore) {
            let names: Vec<String> = r.hosts.iter().flat_map(|h| h.names.clone()).collect();
            eprintln!(
                "   no section of '{}' matches this host ('{}'); its 'on' sections name: {}",
                r.name,
                self.gen.hostname,
                names.join(", ")
            );
        }
    }

    /// Commands that take no resource (status, sh-resources, ...).
    pub fn no_resource(&mut self, cmd: &CmdDef) -> Result<(), AdmError> {
        self.resource_independent(cmd, self.cli.stacked)
    }

    /// A command that takes no resource, in normal or stacked mode.
    fn resource_independent(&mut self, cmd: &CmdDef, stacked: bool) -> Result<(), AdmError> {
        let x = self.gen.x;
        let action = match cmd.func {
            Func::ShResources => {
                let names: Vec<&str> = x
                    .resources
                    .iter()
                    .filter(|r| !r.ignore && r.stacked == stacked)
                    .map(|r| r.name.as_str())
                    .collect();
                match self.gen.dialect {
                    Dialect::V9 => Action::Print(names.iter().map(|n| format!("{n}\n")).collect()),
                    // 8.4 prints them on one line.
                    Dialect::V84 if names.is_empty() => Action::Print(String::new()),
                    Dialect::V84 => Action::Print(format!("{}\n", names.join(" "))),
                }
            }
            Func::ShModParms => {
                let mut mc = self.cfg.global.minor_count as usize;
                if mc == 0 {
                    let minors: usize = x
                        .resources
                        .iter()
                        .filter_map(|r| r.me())
                        .map(|h| h.volumes.len())
                        .sum();
                    mc = (minors + 3).clamp(32, 255);
                }
                Action::Print(format!("minor_count={mc}\n"))
            }
            Func::WaitCi => {
                self.wait_ci();
                return Ok(());
            }
            Func::Status => {
                let mut a = vec![self.gen.tools.drbdsetup.clone(), "status".to_string()];
                for _ in 0..self.cli.verbose {
                    a.push("--verbose".into());
                }
                a.extend(
                    self.gen
                        .backend
                        .iter()
                        .filter(|o| cmd.fields.accepts(self.gen.dialect, o))
                        .cloned(),
                );
                Action::Run(crate::plan::Invocation::new(
                    a,
                    None,
                    crate::plan::Timeout::Short,
                ))
            }
            _ => Action::Fail {
                message: format!("'{}' is not available in this version yet", cmd.name),
                code: 20,
            },
        };
        let r = self
            .exec
            .run_action(&action)
            .map_err(|Stop(c)| AdmError::Exit(c))?;
        if r >= 10 {
            eprintln!("command {} exited with code {r}", cmd.name);
            return Err(AdmError::Exit(r));
        }
        self.rv = self.rv.max(r);
        Ok(())
    }

    /// Runs the deferred commands; returns the exit code.
    pub fn finish(self) -> Result<i32, AdmError> {
        let r = self
            .exec
            .run_deferred(&self.plan)
            .map_err(|Stop(c)| AdmError::Exit(c))?;
        Ok(self.rv.max(r))
    }
}

fn has_fail(a: &Action) -> bool {
    match a {
        Action::Fail { .. } => true,
        Action::Seq(v) => v.iter().any(has_fail),
        Action::Fallback { first, then, .. } => has_fail(first) || has_fail(then),
        _ => false,
    }
}

/// The helper names: bare when drbdadm was called by a bare name, else next to it
/// (upstream's `assign_command_names_from_argv0()`); `-s`/`-m`/`-p` override.
fn tools(cli: &Cli, dialect: Dialect, argv0: &str) -> Tools {
    let setup_name = match dialect {
        Dialect::V9 => "drbdsetup",
        Dialect::V84 => "drbdsetup-84",
    };
    let dir = std::path::Path::new(argv0)
        .parent()
        .filter(|p| !p.as_os_str().is_empty());
    let pick = |name: &str| -> String {
        if let Some(d) = dir {
            let p = d.join(name);
            if p.exists() {
                return p.display().to_string();
            }
        }
        name.to_string()
    };
    Tools {
        drbdsetup: cli.drbdsetup.clone().unwrap_or_else(|| pick(setup_name)),
        drbdmeta: cli.drbdmeta.clone().unwrap_or_else(|| pick("drbdmeta")),
        proxy_ctl: cli
            .proxy_ctl
            .clone()
            .unwrap_or_else(|| pick("drbd-proxy-ctl")),
    }
}

/// A resource specifier resolved: a copy of the resource with the connections it names.
pub struct Selection {
    /// The resource (connections not named are marked ignored).
    pub res: XRes,
    /// The volume number given.
    pub vnr: Option<u32>,
    /// The connection named.
    pub conn: Option<usize>,
}

/// `m_strtoll()` refused a number in a specifier: its message, its exit code.
fn number_error(e: spec::NumberError) -> AdmError {
    eprintln!("{e}");
    AdmError::Exit(e.exit_code())
}

/// What a specifier's resource name found.
pub enum Lookup {
    /// The resource, with what the specifier narrows it to.
    Found(Box<Selection>),
    /// No resource of that name for this host.
    Unknown,
    /// The resource exists but the rest of the specifier does not fit it; the reason was
    /// printed (upstream then stops as its `ctx_by_name()` result is unexpected).
    Refused,
}

/// The host the part after `:` names, if it is the local node: upstream refuses that in
/// each of its passes over the names, as long as the resource has connections.
fn names_local_node(res: &XRes, spec: &spec::Spec<'_>) -> bool {
    let Some(p) = spec.peer else { return false };
    let host = res
        .hosts
        .iter()
        .position(|h| h.names.iter().any(|n| n == p));
    !res.conns.is_empty() && host.is_some() && host == res.me
}

/// The connections the part after `:` names: those to that host, or with that `_name`.
fn named_conns(res: &XRes, peer: &str) -> Vec<usize> {
    let host = res
        .hosts
        .iter()
        .position(|h| h.names.iter().any(|n| n == peer));
    (0..res.conns.len())
        .filter(|&i| {
            let c = &res.conns[i];
            match host {
                Some(h) => c.peer == Some(h),
                None => {
                    crate::expand::find_opt(&c.net_opts, "_name").and_then(|o| o.value.as_deref())
                        == Some(peer)
                }
            }
        })
        .collect()
}

/// Whether the part after `:` is a host name of the resource.
fn names_host(res: &XRes, peer: &str) -> bool {
    res.hosts.iter().any(|h| h.names.iter().any(|n| n == peer))
}

fn say_not_a_peer(text: &str, spec: &spec::Spec<'_>) {
    eprintln!(
        "Host name '{}' (from '{text}') is not a peer, but the local node",
        spec.peer.unwrap_or_default()
    );
}

/// Upstream's `ctx_by_name()` in its set-up pass; `minor-N` is looked up separately.
///
/// `first_marked` is the first connection of the resource a host specifier named.
pub fn select(
    x: &Expanded,
    dialect: Dialect,
    text: &str,
    spec: &spec::Spec<'_>,
    first_marked: Option<usize>,
) -> Lookup {
    let Some(r) = x.resource(spec.res).filter(|r| !r.ignore) else {
        return Lookup::Unknown;
    };
    let mut res = r.clone();
    let mut conn = None;
    if let Some(p) = spec.peer {
        if names_local_node(&res, spec) {
            say_not_a_peer(text, spec);
            return Lookup::Refused;
        }
        let hits = named_conns(&res, p);
        let mut valid = false;
        for (i, c) in res.conns.iter_mut().enumerate() {
            if hits.contains(&i) && !c.ignore {
                valid = true;
            } else {
                c.ignore = true;
            }
        }
        if !valid {
            eprintln!("Not a valid connection ({text}) for this host");
            return Lookup::Refused;
        }
        // Upstream takes the first connection any host specifier marked (in any of its
        // passes over all names), which need not be this one's: a second `RES:PEER` of
        // the same resource then finds the first one's connection disabled.
        if hits.len() == 1 {
            let c = first_marked.unwrap_or(hits[0]);
            if res.conns[c].ignore {
                eprintln!("Connection '{p}' has the ignore flag set");
                return Lookup::Refused;
            }
            conn = Some(c);
        }
    }
    if let Some(n) = spec.vnr {
        if res.me().and_then(|m| m.volume(n)).is_none() {
            // 8.4 then tries the name as a minor, silently.
            if dialect == Dialect::V84 {
                return Lookup::Unknown;
            }
            eprintln!("Resource '{}' has no volume {n}", spec.res);
            return Lookup::Refused;
        }
    }
    Lookup::Found(Box::new(Selection {
        res,
        vnr: spec.vnr,
        conn,
    }))
}

/// Upstream's `ctx_by_minor()`: the volume with that minor on this host.
pub fn select_minor(x: &Expanded, minor: u32) -> Option<Selection> {
    x.resources.iter().filter(|r| !r.ignore).find_map(|r| {
        let v = r
            .me()
            .and_then(|h| h.volumes.iter().find(|v| v.minor == Some(minor)))?;
        Some(Selection {
            res: r.clone(),
            vnr: Some(v.vnr),
            conn: None,
        })
    })
}
