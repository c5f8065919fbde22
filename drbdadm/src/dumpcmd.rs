//! `drbdadm dump` and `dump-xml` as commands: which resources they print, the header of a
//! whole-config dump, and the address check that comes first (upstream's `main()` for
//! `is_dump`, `verify_ips()`, `ctx_by_name()` and `ctx_by_minor()`).
//!
//! Without names (or with `all`) upstream checks every resource's local address, stops
//! with exit 10 if one is missing, and prints the header before the resources. Named
//! resources print without the header; each one's address is checked but a missing one
//! only warns. DRBD 9 goes on past an unknown name (exit 1 at the end); 8.4 stops there.

use std::io::Write as _;

use conf_parser::options::Dialect;

use crate::cli::Cli;
use crate::dump::Dumper;
use crate::error::{AdmError, ExitCode};
use crate::expand::{Expanded, Matcher, XRes};
use crate::run::Context;
use crate::table::{CmdDef, Func};

/// Runs `dump` or `dump-xml`; returns the exit code.
/// `m` matches host sections again for DRBD 9's named resources, whose peers upstream
/// resolves when it looks a name up (`set_peer_in_resource()` in `ctx_by_name()`).
pub fn run(
    cli: &Cli,
    cmd: &CmdDef,
    ctx: &Context<'_>,
    x: &Expanded,
    m: &Matcher<'_>,
) -> Result<i32, AdmError> {
    let xml = cmd.func == Func::DumpXml;
    let all = cli.resources.is_empty() || cli.resources[0] == "all";
    let mut out = Output::new(cli, ctx, xml);
    let code = if all {
        let mut bad = false;
        for r in &x.resources {
            if !r.ignore && (!r.stacked || cli.stacked) {
                bad |= !verify_ip(ctx, cli, r);
            }
        }
        if bad {
            return Err(AdmError::ConfigInvalid);
        }
        out.header();
        for r in &x.resources {
            out.resource(r, 1);
        }
        if xml {
            out.text.push_str("</config>\n");
        }
        ExitCode::Ok as i32
    } else {
        if ctx.dialect == Dialect::V9 {
            let expand = cli.dry_run || cli.verbose > 0;
            let with_peers = crate::expand::expand_with(ctx.cfg, m, expand, true);
            named(cli, cmd, ctx, &with_peers, &mut out)?
        } else {
            named(cli, cmd, ctx, x, &mut out)?
        }
    };
    out.flush();
    Ok(code)
}

/// Named resources, in the order given.
fn named(
    cli: &Cli,
    cmd: &CmdDef,
    ctx: &Context<'_>,
    x: &Expanded,
    out: &mut Output<'_>,
) -> Result<i32, AdmError> {
    let mut rv = 0;
    for spec in &cli.resources {
        let found = match ctx.dialect {
            Dialect::V9 => {
                let parsed = crate::spec::parse(spec, Dialect::V9).map_err(|e| {
                    eprintln!("{e}");
                    AdmError::Exit(e.exit_code())
                })?;
                match crate::driver::select(x, Dialect::V9, spec, &parsed, None) {
                    crate::driver::Lookup::Found(s) => Some((s.res, s.vnr)),
                    crate::driver::Lookup::Unknown => None,
                    crate::driver::Lookup::Refused => {
                        eprintln!("'{spec}' unexpected ctx_by_* result r=-2");
                        out.flush();
                        return Err(AdmError::Exit(ExitCode::Usage as i32));
                    }
                }
            }
            Dialect::V84 => select84(x, spec),
        };
        let Some((res, vnr)) = found else {
            // DRBD 9 found the resource but not the volume or connection named (and said
            // why): that ends the run.
            let base = spec.split(['/', ':']).next().unwrap_or(spec);
            if ctx.dialect == Dialect::V9 && x.resource(base).is_some_and(|r| !r.ignore) {
                eprintln!("'{spec}' unexpected ctx_by_* result r=-2");
                out.flush();
                return Err(AdmError::Exit(ExitCode::Usage as i32));
            }
            eprintln!("'{spec}' not defined in your config (for this host).");
            if ctx.dialect == Dialect::V84 {
                out.flush();
                return Err(AdmError::Exit(ExitCode::Usage as i32));
            }
            rv = rv.max(ExitCode::Usage as i32);
            continue;
        };
        // A volume may be named only where the command takes one (DRBD 9's `dump`), or
        // when it is the implicit volume.
        if let Some(n) = vnr {
            let implicit = res
                .me()
                .and_then(|m| m.volume(n))
                .is_some_and(|v| v.implicit);
            if !implicit && !cmd.flags.vol_id_optional {
                eprintln!(
                    "{} operates on whole resources, but you specified a specific volume!",
                    cmd.name
                );
                out.flush();
                return Err(AdmError::Exit(ExitCode::Usage as i32));
            }
        }
        verify_ip(ctx, cli, &res);
        let original = x.resource(&res.name).unwrap_or(&res);
        // Looking the name up resolved the peers: the connections show their `_name`.
        let names = res
            .conns
            .iter()
            .filter(|c| !c.implicit)
            .map(|c| {
                c.net_opts
                    .first()
                    .filter(|o| o.name == "_name")
                    .and_then(|o| o.value.clone())
            })
            .collect();
        out.conn_names = names;
        out.resource(original, 0);
    }
    Ok(rv)
}

/// 8.4's `ctx_by_name()` (a resource of this host, `RES/VNR` one of its volumes) then
/// `ctx_by_minor()`.
fn select84(x: &Expanded, spec: &str) -> Option<(XRes, Option<u32>)> {
    let (name, vol) = match spec.split_once('/') {
        Some((n, v)) => (n, Some(v)),
        None => (spec, None),
    };
    if let Some(r) = x.resources.iter().find(|r| !r.ignore && r.name == name) {
        let Some(v) = vol else {
            return Some((r.clone(), None));
        };
        let n: u32 = v.parse().ok()?;
        return r.me()?.volume(n).map(|_| (r.clone(), Some(n)));
    }
    let minor: u32 = spec.strip_prefix("minor-")?.parse().ok()?;
    x.resources.iter().filter(|r| !r.ignore).find_map(|r| {
        let v = r.me()?.volumes.iter().find(|v| v.minor == Some(minor))?;
        Some((r.clone(), Some(v.vnr)))
    })
}

/// Upstream's `verify_ips()` for one resource: false (and a message) if this node's
/// address is not configured here.
fn verify_ip(ctx: &Context<'_>, cli: &Cli, r: &XRes) -> bool {
    let g = &ctx.cfg.global;
    let skip_dry = match ctx.dialect {
        Dialect::V9 => cli.dry_run && crate::env::no_tty(),
        Dialect::V84 => cli.dry_run,
    };
    if g.disable_ip_verification || skip_dry || r.ignore {
        return true;
    }
    let Some(me) = r.me() else { return true };
    let Some(a) = &me.address else { return true };
    if crate::hosts::have_ip(&a.af, &a.addr) {
        return true;
    }
    eprintln!(
        "{}: in resource {}, on {}:\n\tIP {} not found on this host.",
        where_ip(ctx, r, a),
        r.name,
        me.names.join(" "),
        a.addr
    );
    false
}

/// The place upstream names for a missing address: 8.4 looks the address up in its table
/// of first uses (`FILE:LINE` of the `address` statement, as the file was named; loopback
/// addresses are kept per host there, so they fall back to the resource's file).
fn where_ip(ctx: &Context<'_>, r: &XRes, a: &conf_parser::model::Address) -> String {
    let loopback = a
        .addr
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback());
    if ctx.dialect == Dialect::V84 && !loopback {
        let f = ctx.cfg.sources.file(a.span.file);
        return format!("{}:{}", f.given, f.line_col(statement_start(ctx, a)).line);
    }
    r.file.clone()
}

/// Where the `address` statement holding `a` starts (upstream records the line of the
/// keyword, which may precede the address on an earlier line).
fn statement_start(ctx: &Context<'_>, a: &conf_parser::model::Address) -> u32 {
    let text = &ctx.cfg.sources.file(a.span.file).text;
    let before = text.get(..a.span.start as usize).unwrap_or("");
    match before.rfind("address") {
        Some(i) => i as u32,
        None => a.span.start,
    }
}

/// What is printed, collected so that an early stop still prints what came before
/// (upstream's buffered stdout is flushed at exit).
struct Output<'a> {
    cli: &'a Cli,
    ctx: &'a Context<'a>,
    xml: bool,
    text: String,
    /// `_name` of each written connection of the next resource (DRBD 9, named).
    conn_names: Vec<Option<String>>,
}

impl<'a> Output<'a> {
    fn new(cli: &'a Cli, ctx: &'a Context<'a>, xml: bool) -> Output<'a> {
        Output {
            cli,
            ctx,
            xml,
            text: String::new(),
            conn_names: Vec::new(),
        }
    }

    fn header(&mut self) {
        if self.xml {
            crate::dumpxml::header(self.ctx.cfg, &mut self.text);
        } else {
            let mut d = Dumper::new(self.cli.verbose > 0);
            match self.ctx.dialect {
                Dialect::V9 => d.header(self.ctx.cfg),
                Dialect::V84 => d.header84(self.ctx.cfg),
            }
            self.text.push_str(&d.finish());
        }
    }

    /// One resource; `indent` is 1 inside a whole-config XML dump.
    fn resource(&mut self, r: &XRes, indent: usize) {
        if self.xml {
            let expanded = self.cli.dry_run || self.cli.verbose > 0;
            let v84 = self.ctx.dialect == Dialect::V84;
            let verbose = self.cli.verbose > 0;
            crate::dumpxml::resource(r, expanded, verbose, v84, indent, &mut self.text);
            return;
        }
        let Some(res) = self.ctx.cfg.resource(&r.name) else {
            return;
        };
        let mut d = Dumper::new(self.cli.verbose > 0);
        d.conn_names = std::mem::take(&mut self.conn_names);
        let me = self.ctx.me(res);
        match self.ctx.dialect {
            Dialect::V9 => {
                if self.cli.dry_run || self.cli.verbose > 0 {
                    d.expanded = Some(r.clone());
                }
                d.resource(self.ctx.cfg, res, self.ctx.hostname, me)
            }
            Dialect::V84 => {
                let expand = self.cli.dry_run || self.cli.verbose > 0;
                d.resource84(self.ctx.cfg, res, self.ctx.hostname, me, expand)
            }
        }
        self.text.push_str(&d.finish());
    }

    fn flush(&mut self) {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(self.text.as_bytes());
        let _ = stdout.flush();
        self.text.clear();
    }
}
