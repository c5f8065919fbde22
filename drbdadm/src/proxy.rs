//! drbd-proxy: `proxy-up`, `proxy-down` and the proxy part of `adjust`, as upstream's
//! `adm_proxy_up()`/`adm_proxy_down()`, `do_proxy_conn_{up,down,plugins}()` and
//! `proxy_reconf()` (user/v9/drbdadm_main.c, drbdadm_adjust.c).
//!
//! Which end of a path is "mine" is decided here for proxy work: a node may run the proxies
//! of several host sections (a site proxy for two DRBD nodes), so every host section whose
//! proxy runs on this node counts as this node (upstream's proxy matching in
//! `set_me_in_resource()`), and in each path the first endpoint of such a host is the local
//! one.

use conf_parser::model::{Address, ProxyInfo};

use crate::expand::{XEnd, XRes};
use crate::gen::{Ctx, Gen, OnError};
use crate::hosts::hostnames_equal;
use crate::plan::{Action, Invocation, Timeout};
use crate::table::{CmdDef, Func};

/// Upstream's limit on plugins per connection.
const MAX_PLUGINS: usize = 10;
/// Upstream's limit on a plugin name (including the terminating NUL).
const MAX_PLUGIN_NAME: usize = 16;

fn on_this_node(proxy: &ProxyInfo, hostname: &str) -> bool {
    proxy.on_hosts.iter().any(|h| hostnames_equal(h, hostname))
}

/// Upstream's `test_proxy_on_host()`: the first endpoint of host `h` that has a proxy
/// decides whether that proxy runs on this node.
fn proxy_on_host(res: &XRes, h: usize, hostname: &str) -> bool {
    res.conns
        .iter()
        .flat_map(|c| &c.paths)
        .flat_map(|p| &p.ends)
        .find(|e| e.proxy.is_some() && e.host == Some(h))
        .and_then(|e| e.proxy.as_ref())
        .is_some_and(|p| on_this_node(p, hostname))
}

/// The host sections whose proxy runs on this node.
pub fn proxy_hosts(res: &XRes, hostname: &str) -> Vec<usize> {
    (0..res.hosts.len())
        .filter(|&h| proxy_on_host(res, h, hostname))
        .collect()
}

/// A connection as its proxy sees it (the first path; proxies use one path).
#[derive(Clone, Debug)]
pub struct ProxyConn<'a> {
    /// Index of the connection.
    pub conn: usize,
    /// How many paths the connection has.
    pub paths: usize,
    /// The local endpoint.
    pub mine: Option<&'a XEnd>,
    /// The peer's endpoint.
    pub peer: Option<&'a XEnd>,
}

impl<'a> ProxyConn<'a> {
    /// The connection `ci` of `res`, with the hosts in `me` counting as this node.
    pub fn of(res: &'a XRes, ci: usize, me: &[usize]) -> ProxyConn<'a> {
        let c = &res.conns[ci];
        let first = c.paths.first();
        let mine = first.and_then(|p| {
            p.ends
                .iter()
                .position(|e| e.host.is_some_and(|h| me.contains(&h)))
        });
        let (mine, peer) = match (first, mine) {
            (Some(p), Some(i)) if p.ends.len() == 2 => (Some(&p.ends[i]), Some(&p.ends[1 - i])),
            (Some(p), Some(i)) => (Some(&p.ends[i]), None),
            _ => (None, None),
        };
        ProxyConn {
            conn: ci,
            paths: c.paths.len(),
            mine,
            peer,
        }
    }

    /// The local proxy.
    pub fn my_proxy(&self) -> Option<&'a ProxyInfo> {
        self.mine.and_then(|e| e.proxy.as_deref())
    }

    /// The peer's proxy.
    pub fn peer_proxy(&self) -> Option<&'a ProxyInfo> {
        self.peer.and_then(|e| e.proxy.as_deref())
    }

    fn my_address(&self, res: &'a XRes) -> Option<&'a Address> {
        let e = self.mine?;
        e.address
            .as_ref()
            .or_else(|| e.host.and_then(|h| res.hosts[h].address.as_ref()))
    }
}

fn host_names(res: &XRes, e: Option<&XEnd>) -> String {
    e.and_then(|e| e.host)
        .map(|h| res.hosts[h].joined("_"))
        .unwrap_or_default()
}

/// `RES-PEERHOSTS-MYHOSTS`, the host names of each side joined by `_`
/// (`proxy_connection_name()`).
pub fn conn_name(res: &XRes, pc: &ProxyConn<'_>) -> String {
    format!(
        "{}-{}-{}",
        res.name,
        host_names(res, pc.peer),
        host_names(res, pc.mine)
    )
}

/// The name of the older scheme, from the hosts the proxies run on
/// (`old_proxy_connection_name()`).
pub fn old_conn_name(res: &XRes, pc: &ProxyConn<'_>) -> String {
    let on = |p: Option<&ProxyInfo>| p.map(|p| p.on_hosts.join("_")).unwrap_or_default();
    format!("{}-{}-{}", res.name, on(pc.peer_proxy()), on(pc.my_proxy()))
}

fn addr(a: Option<&Address>) -> String {
    a.map(|a| format!("{}:{}", a.addr, a.port))
        .unwrap_or_else(|| ":".into())
}

fn ctl(gen: &Gen<'_>, res: &XRes, words: Vec<String>) -> Action {
    let mut argv = vec![gen.tools.proxy_ctl.clone()];
    argv.extend(words);
    Action::Run(Invocation::new(argv, Some(&res.name), Timeout::Short))
}

/// `do_proxy_conn_up()`: `add connection NAME MYINSIDE PEEROUTSIDE MYOUTSIDE MYADDR
/// [--opt=val...]`.
pub fn conn_up(gen: &Gen<'_>, res: &XRes, pc: &ProxyConn<'_>) -> Action {
    let (Some(my), Some(peer)) = (pc.my_proxy(), pc.peer_proxy()) else {
        return Action::Seq(Vec::new());
    };
    let mut line = format!(
        "add connection {} {} {} {} {}",
        conn_name(res, pc),
        addr(my.inside.as_ref()),
        addr(peer.outside.as_ref()),
        addr(my.outside.as_ref()),
        addr(pc.my_address(res))
    );
    for o in &my.options {
        line.push_str(&format!(
            " --{}={}",
            o.name,
            o.value.as_deref().unwrap_or("(null)")
        ));
    }
    ctl(gen, res, vec!["-c".into(), line])
}

/// `do_proxy_conn_plugins()`: `set OPT NAME VALUE` for each option, `set plugin NAME N
/// LINE` for each plugin and a final `set plugin NAME N END`; nothing when there is
/// nothing to set.
pub fn conn_plugins(gen: &Gen<'_>, res: &XRes, pc: &ProxyConn<'_>) -> Action {
    let (Some(my), Some(_)) = (pc.my_proxy(), pc.peer_proxy()) else {
        return Action::Seq(Vec::new());
    };
    let name = conn_name(res, pc);
    let mut words = Vec::new();
    for o in &my.options {
        words.push("-c".to_string());
        words.push(format!(
            "set {} {} {}",
            o.name,
            name,
            o.value.as_deref().unwrap_or("(null)")
        ));
    }
    // Inherited from common and the resource by the expansion.
    let pl = &my.plugins;
    if !pl.is_empty() {
        for (i, p) in pl.iter().enumerate() {
            words.push("-c".into());
            words.push(format!("set plugin {name} {i} {p}"));
        }
        words.push("-c".into());
        words.push(format!("set plugin {name} {} END", pl.len()));
    }
    if words.is_empty() {
        return Action::Seq(Vec::new());
    }
    ctl(gen, res, words)
}

/// `do_proxy_conn_down()`: `del connection NAME`, and the name of the older scheme too
/// when it differs.
pub fn conn_down(gen: &Gen<'_>, res: &XRes, pc: &ProxyConn<'_>) -> Action {
    if pc.my_proxy().is_none() || pc.peer_proxy().is_none() {
        return Action::Seq(Vec::new());
    }
    let name = conn_name(res, pc);
    let old = old_conn_name(res, pc);
    let del = |n: &str| ctl(gen, res, vec!["-c".into(), format!("del connection {n}")]);
    if old == name {
        return del(&name);
    }
    // Upstream also deletes the old name; its result does not count.
    Action::Fallback {
        first: Box::new(del(&name)),
        keep: Vec::new(),
        then: Box::new(del(&old)),
        in_dry_run: true,
        remap: None,
    }
}

/// `proxy-up` / `proxy-down` for one resource (`check_proxy()` per connection).
pub fn proxy_cmd(gen: &Gen<'_>, cmd: &CmdDef, ctx: &Ctx<'_>, on_error: OnError) -> Action {
    let res = ctx.res;
    let me = proxy_hosts(res, gen.hostname);
    if me.is_empty() {
        // Upstream matches host sections on their proxies for these commands: without one
        // on this node the resource is not this node's.
        if on_error == OnError::SkipMissingDisk {
            return Action::Seq(Vec::new());
        }
        return Action::Fail {
            message: format!("'{}' not defined in your config (for this host).", res.name),
            code: 1,
        };
    }
    let conns: Vec<usize> = match ctx.conn {
        Some(c) => vec![c],
        None => (0..res.conns.len())
            .filter(|&i| {
                // Connections without a path end of "mine" are not this node's.
                ProxyConn::of(res, i, &me).mine.is_some()
            })
            .collect(),
    };
    let on_cmdline = ctx.conn.is_some();
    let up = cmd.func == Func::ProxyUp;
    let mut steps = Vec::new();
    for ci in conns {
        let pc = ProxyConn::of(res, ci, &me);
        if pc.paths > 1 {
            steps.push(Action::Fail {
                message: "Multiple paths in connection within proxy setup not allowed".into(),
                code: 10,
            });
            break;
        }
        let fail = |message: String| Action::Fail { message, code: 10 };
        let Some(my) = pc.my_proxy() else {
            if on_cmdline {
                let peer = res
                    .peer_of(&res.conns[ci])
                    .map(|h| h.names.join(" "))
                    .unwrap_or_default();
                steps.push(fail(format!(
                    "{}:{}: In resource '{}', no proxy config for connection from '{}' to '{}'.",
                    res.file, res.conns[ci].line, res.name, gen.hostname, peer
                )));
                break;
            }
            continue;
        };
        if !on_this_node(my, gen.hostname) {
            if on_cmdline {
                steps.push(fail(format!(
                    "The proxy config in resource {} is not for {}.",
                    res.name, gen.hostname
                )));
                break;
            }
            continue;
        }
        if pc.peer_proxy().is_none() {
            if on_cmdline {
                steps.push(fail(format!(
                    "There is no proxy config for the peer in resource {}.",
                    res.name
                )));
                break;
            }
            continue;
        }
        if up {
            steps.push(Action::Seq(vec![
                conn_up(gen, res, &pc),
                conn_plugins(gen, res, &pc),
            ]));
        } else {
            steps.push(conn_down(gen, res, &pc));
        }
    }
    Action::Seq(steps)
}

/// What a running proxy reports for a connection (`show proxy-settings NAME`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Running {
    /// Options (`memlimit 128M;`).
    pub options: Vec<(String, Option<String>)>,
    /// Plugin lines.
    pub plugins: Vec<String>,
}

/// Reads `proxy { OPTS; plugin { LINES; } }`; `None` when the text does not start with
/// `proxy` (the connection is not up).
pub fn parse_settings(text: &str) -> Option<Running> {
    let mut first: Option<Option<Running>> = None;
    conf_parser::load::load(
        conf_parser::load::Input::Text {
            name: "drbd-proxy-ctl",
            text: text.to_string(),
        },
        &[],
        &mut |st, _, _| {
            if first.is_none() {
                first = Some(settings(&st));
            }
        },
    )
    .ok()?;
    first.flatten()
}

fn settings(st: &conf_parser::syntax::Stmt<'_>) -> Option<Running> {
    if !st.keyword().is_kw("proxy") {
        return None;
    }
    let mut r = Running::default();
    let Some(block) = &st.block else {
        return Some(r);
    };
    for s in &block.stmts {
        match (&s.block, s.keyword().is_kw("plugin")) {
            (Some(b), true) => {
                for line in &b.stmts {
                    let words: Vec<&str> = line.words.iter().map(|t| t.as_str()).collect();
                    r.plugins.push(words.join(" "));
                }
            }
            (None, _) => r.options.push((
                s.keyword().text.to_string(),
                s.args().first().map(|t| t.text.to_string()),
            )),
            _ => {}
        }
    }
    Some(r)
}

/// What adjust does about one proxy connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reconf {
    /// Take the connection down and up again (memory limit or plugin order changed).
    Redo,
    /// Bring it up (it is not running).
    Up,
    /// Send these `set plugin ...` commands (possibly none).
    Changes(Vec<String>),
}

fn first_word(s: &str) -> &str {
    s.split(|c: char| c.is_ascii_whitespace())
        .next()
        .unwrap_or("")
}

/// Upstream's `_is_plugin_in_list()`: records the first word of `line` as `mine[n]` and
/// tells whether it is among `theirs[..n]`.
fn plugin_in_list(
    line: &str,
    theirs: &[String],
    mine: &mut Vec<String>,
    n: usize,
) -> Result<bool, String> {
    let word = first_word(line);
    if word.len() + 1 >= MAX_PLUGIN_NAME {
        return Err(format!("Wrong proxy plugin name {word}"));
    }
    if mine.len() <= n {
        mine.resize(n + 1, String::new());
    }
    mine[n] = word.to_string();
    if theirs.iter().take(n).any(|t| t == word) {
        return Ok(true);
    }
    if n >= MAX_PLUGINS {
        return Err("Too many proxy plugins.".into());
    }
    Ok(false)
}

/// Upstream's `proxy_reconf()`: compares the configured proxy of a connection with the
/// running one. `Err` carries the message of a configuration upstream refuses (exit 10).
pub fn reconf(
    my_options: &[(String, Option<String>)],
    my_plugins: &[String],
    running: &Running,
    up: bool,
    name: &str,
) -> Result<Reconf, String> {
    if !up {
        return Ok(Reconf::Up);
    }
    let mem = |opts: &[(String, Option<String>)]| {
        opts.iter()
            .find(|(n, _)| n == "memlimit")
            .map(|(_, v)| v.clone().unwrap_or_default())
    };
    if let Some(conf) = mem(my_options) {
        let num = |v: &str| {
            conf_parser::options::parse_number(v, conf_parser::options::Scale::One).unwrap_or(0)
        };
        let v1 = num(&conf) as f64;
        match mem(&running.options) {
            None => return Ok(Reconf::Redo),
            Some(run) => {
                let v2 = num(&run) as f64;
                let minimum = v1.min(v2);
                // Two percent of slack, so rounding does not rebuild the connection.
                if (v1 - v2).abs() / minimum > 0.02 {
                    return Ok(Reconf::Redo);
                }
            }
        }
    }
    let mut p_res: Vec<String> = Vec::new();
    let mut p_run: Vec<String> = Vec::new();
    let mut changes = Vec::new();
    for i in 0..MAX_PLUGINS {
        match (my_plugins.get(i), running.plugins.get(i)) {
            (None, Some(_)) => {
                // More running than configured: stop after this one.
                changes.push(format!("set plugin {name} {i} end"));
                break;
            }
            (None, None) => break,
            (Some(conf), None) => {
                if p_run.len() <= i {
                    p_run.resize(i + 1, String::new());
                }
                p_run[i].clear();
                if plugin_in_list(conf, &p_run, &mut p_res, i)? {
                    // Already active at another position.
                    return Ok(Reconf::Redo);
                }
                changes.push(format!("set plugin {name} {i} {conf}"));
            }
            (Some(conf), Some(run)) => {
                let moved = plugin_in_list(conf, &p_run, &mut p_res, i)?
                    || plugin_in_list(run, &p_res, &mut p_run, i)?;
                if moved {
                    return Ok(Reconf::Redo);
                }
                if conf != run {
                    changes.push(format!("set plugin {name} {i} {conf}"));
                }
            }
        }
    }
    Ok(Reconf::Changes(changes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(m: &str) -> Vec<(String, Option<String>)> {
        vec![("memlimit".into(), Some(m.into()))]
    }

    #[test]
    fn settings_text_is_read() {
        let r = parse_settings(
            "proxy {\n    memlimit 128M;\n    plugin {\n        zstd level 4;\n    }\n}\n",
        )
        .unwrap();
        assert_eq!(r.options, opts("128M"));
        assert_eq!(r.plugins, ["zstd level 4"]);
        assert_eq!(parse_settings(""), None);
        assert_eq!(parse_settings("error: no such connection\n"), None);
    }

    #[test]
    fn reconf_decides_like_upstream() {
        let run = Running {
            options: opts("128M"),
            plugins: vec!["zstd level 4".into()],
        };
        let pl = vec!["zstd level 4".to_string()];
        assert_eq!(
            reconf(&opts("128M"), &pl, &run, true, "c"),
            Ok(Reconf::Changes(vec![]))
        );
        assert_eq!(reconf(&opts("128M"), &pl, &run, false, "c"), Ok(Reconf::Up));
        assert_eq!(reconf(&opts("64M"), &pl, &run, true, "c"), Ok(Reconf::Redo));
        // Within two percent: no rebuild.
        assert_eq!(
            reconf(&opts("133000000"), &pl, &run, true, "c"),
            Ok(Reconf::Changes(vec![]))
        );
        assert_eq!(
            reconf(&opts("128M"), &["zstd level 9".into()], &run, true, "c"),
            Ok(Reconf::Changes(vec!["set plugin c 0 zstd level 9".into()]))
        );
        assert_eq!(
            reconf(&opts("128M"), &[], &run, true, "c"),
            Ok(Reconf::Changes(vec!["set plugin c 0 end".into()]))
        );
        // A plugin that moved position rebuilds the connection.
        assert_eq!(
            reconf(
                &opts("128M"),
                &["lz4 x".into(), "zstd level 4".into()],
                &run,
                true,
                "c"
            ),
            Ok(Reconf::Redo)
        );
        assert!(reconf(
            &opts("128M"),
            &["averyveryverylongname".into()],
            &run,
            true,
            "c"
        )
        .is_err());
    }
}
