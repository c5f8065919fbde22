//! The drbdadm command lines run on each config: every command of upstream's table (v9 and
//! v84 `cmds[]`, `user/v9/drbdadm_main.c` and `user/v84/drbdadm_main.c`), a few option
//! variants users type, and the resource forms (`all`, `RES`, `RES/VNR`, two resources, an
//! unknown one, `RES:PEER`, `-S`, `-v`, `-d`).

use super::compose::{Config, ResInfo};
use super::rng::Rng;

/// How a command may be run without a kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Reads the config and prints; never runs a helper.
    ReadOnly,
    /// Runs drbdsetup/drbdmeta/handlers: with `-d` it prints them; without, the stub
    /// helpers record them.
    Exec,
    /// Waits on a terminal: dry-run only.
    DryOnly,
}

/// One command of the table (possibly with options).
#[derive(Clone, Copy, Debug)]
pub struct Cmd {
    /// The words, e.g. `primary --force` or `-- --discard-my-data connect`.
    pub words: &'static str,
    /// How it may run.
    pub class: Class,
    /// Personalities that have it: 9, 8.4, or both.
    pub v9: bool,
    /// 8.4 has it.
    pub v84: bool,
}

const fn c(words: &'static str, class: Class, v9: bool, v84: bool) -> Cmd {
    Cmd {
        words,
        class,
        v9,
        v84,
    }
}

use Class::{DryOnly, Exec, ReadOnly};

/// Upstream's commands (both tables; a command the other personality lacks is run there
/// too, for the error path) and the option variants.
pub const COMMANDS: &[Cmd] = &[
    c("attach", Exec, true, true),
    c("disk-options", Exec, true, true),
    c("disk-options --al-extents=1000", Exec, true, true),
    c("detach", Exec, true, true),
    c("detach --force", Exec, true, true),
    c("new-peer", Exec, true, false),
    c("del-peer", Exec, true, false),
    c("new-path", Exec, true, false),
    c("del-path", Exec, true, false),
    c("connect", Exec, true, true),
    c("-- --discard-my-data connect", Exec, true, true),
    c("net-options", Exec, true, true),
    c("net-options --protocol=A", Exec, true, true),
    c("disconnect", Exec, true, true),
    c("disconnect --force", Exec, true, true),
    c("up", Exec, true, true),
    c("resource-options", Exec, true, true),
    c("peer-device-options", Exec, true, false),
    c("down", Exec, true, true),
    c("primary", Exec, true, true),
    c("primary --force", Exec, true, true),
    c("-- --overwrite-data-of-peer primary", Exec, true, true),
    c("secondary", Exec, true, true),
    c("invalidate", Exec, true, true),
    c("invalidate-remote", Exec, true, true),
    c("outdate", Exec, true, true),
    c("resize", Exec, true, true),
    c("resize --size=1G", Exec, true, true),
    c("verify", Exec, true, true),
    c("pause-sync", Exec, true, true),
    c("resume-sync", Exec, true, true),
    c("adjust", Exec, true, true),
    c("adjust --skip-net", Exec, true, false),
    c("adjust --skip-disk", Exec, true, false),
    c("adjust-with-progress", Exec, true, true),
    c("wait-connect", Exec, true, true),
    c("wait-sync", Exec, true, false),
    c("wait-con-int", DryOnly, true, true),
    c("role", Exec, true, true),
    c("peer-role", Exec, true, false),
    c("cstate", Exec, true, true),
    c("dstate", Exec, true, true),
    c("status", Exec, true, true),
    c("dump", ReadOnly, true, true),
    c("dump-xml", ReadOnly, true, true),
    c("create-md", Exec, true, true),
    c("create-md --force", Exec, true, true),
    c("create-md --max-peers=3", Exec, true, false),
    c("show-gi", Exec, true, true),
    c("get-gi", Exec, true, true),
    c("dump-md", Exec, true, true),
    c("wipe-md", Exec, true, true),
    c("apply-al", Exec, true, true),
    c("forget-peer", Exec, true, false),
    c("repair-md", Exec, true, false),
    c("hidden-commands", ReadOnly, true, true),
    c("sh-nop", ReadOnly, true, true),
    c("sh-resources", ReadOnly, true, true),
    c("sh-resource", ReadOnly, true, true),
    c("sh-mod-parms", ReadOnly, true, true),
    c("sh-dev", ReadOnly, true, true),
    c("sh-udev", ReadOnly, true, true),
    c("sh-minor", ReadOnly, true, true),
    c("sh-ll-dev", ReadOnly, true, true),
    c("sh-md-dev", ReadOnly, true, true),
    c("sh-md-idx", ReadOnly, true, true),
    c("sh-ip", ReadOnly, true, true),
    c("sh-lr-of", ReadOnly, true, true),
    c("sh-b-pri", ReadOnly, false, true),
    c("sh-status", Exec, false, true),
    c("sh-new-minor", Exec, false, true),
    c("sh-list-config-file", ReadOnly, true, false),
    c("sh-list-adjustable", Exec, true, false),
    c("proxy-up", Exec, true, true),
    c("proxy-down", Exec, true, true),
    c("new-resource", Exec, true, true),
    c("new-minor", Exec, true, true),
    c("del-minor", Exec, true, false),
    c("before-resync-target", Exec, true, true),
    c("after-resync-target", Exec, true, true),
    c("before-resync-source", Exec, true, true),
    c("pri-on-incon-degr", Exec, true, true),
    c("pri-lost-after-sb", Exec, true, true),
    c("fence-peer", Exec, true, true),
    c("local-io-error", Exec, true, true),
    c("pri-lost", Exec, true, true),
    c("initial-split-brain", Exec, true, true),
    c("split-brain", Exec, true, true),
    c("out-of-sync", Exec, true, true),
    c("unfence-peer", Exec, true, true),
    c("quorum-lost", Exec, true, false),
    c("disconnected", Exec, true, false),
    c("suspend-io", Exec, true, true),
    c("resume-io", Exec, true, true),
    c("set-gi", Exec, true, true),
    c("new-current-uuid", Exec, true, true),
    c("check-resize", Exec, true, true),
];

/// One command line to run with both tools.
#[derive(Clone, Debug)]
pub struct Invocation {
    /// drbdadm's arguments after `-c FILE`.
    pub args: Vec<String>,
    /// The command's table entry.
    pub cmd: &'static str,
    /// The resource form, for the report: `all`, `res`, `res/vnr`, ...
    pub form: &'static str,
    /// `-d` given.
    pub dry_run: bool,
}

/// The resource forms, with the words they add.
fn form(rng: &mut Rng, cfg: &Config, peer_ok: bool) -> (&'static str, Vec<String>) {
    let plain: Vec<&ResInfo> = cfg.resources.iter().filter(|r| !r.stacked).collect();
    let any = rng.pick(&cfg.resources).clone();
    match rng.below(20) {
        0..=5 => ("all", vec!["all".into()]),
        6..=10 => ("res", vec![any.name.clone()]),
        11 | 12 => {
            let vnr = *rng.pick(&any.vnrs);
            ("res/vnr", vec![format!("{}/{vnr}", any.name)])
        }
        13 => ("res/badvnr", vec![format!("{}/99", any.name)]),
        14 if cfg.resources.len() > 1 => (
            "two",
            vec![cfg.resources[0].name.clone(), cfg.resources[1].name.clone()],
        ),
        15 => ("unknown", vec!["nosuchres".into()]),
        16 if peer_ok && any.hosts.len() > 1 => {
            ("res:peer", vec![format!("{}:{}", any.name, any.hosts[1])])
        }
        17 => ("minor", vec!["minor-1".into()]),
        18 if !plain.is_empty() => ("none", vec![]),
        _ => ("all", vec!["all".into()]),
    }
}

/// `n` invocations for one config, node and personality.
pub fn sample(rng: &mut Rng, cfg: &Config, v9: bool, n: usize) -> Vec<Invocation> {
    let pool: Vec<&Cmd> = COMMANDS
        .iter()
        .filter(|c| if v9 { c.v9 } else { c.v84 } || rng.chance(3))
        .collect();
    let mut out = Vec::new();
    for _ in 0..n {
        let cmd = *rng.pick(&pool);
        let peer_ok = v9 && cmd.class == Exec;
        let (form, words) = form(rng, cfg, peer_ok);
        let dry_run = match cmd.class {
            DryOnly => true,
            Exec => rng.chance(60),
            ReadOnly => rng.chance(25),
        };
        let mut args = Vec::new();
        if dry_run {
            args.push("-d".to_string());
        }
        if rng.chance(15) {
            args.push("-v".to_string());
        }
        let stacked = cfg.resources.iter().any(|r| r.stacked) && rng.chance(40);
        if stacked {
            args.push("-S".to_string());
        }
        // Options before the command, the command, then the resources; sometimes the
        // resources first, as getopt permutes.
        let cmd_words: Vec<String> = cmd.words.split_whitespace().map(String::from).collect();
        if !words.is_empty() && rng.chance(10) && !cmd.words.starts_with("--") {
            args.extend(words);
            args.extend(cmd_words);
        } else {
            args.extend(cmd_words);
            args.extend(words);
        }
        out.push(Invocation {
            args,
            cmd: cmd.words,
            form: if stacked { stacked_form(form) } else { form },
            dry_run,
        });
    }
    out
}

fn stacked_form(form: &'static str) -> &'static str {
    match form {
        "all" => "-S all",
        "res" => "-S res",
        "res/vnr" => "-S res/vnr",
        _ => "-S other",
    }
}

/// The fixed invocations every broken config gets: the ones that must refuse.
pub fn for_broken(cfg: &Config) -> Vec<Invocation> {
    let res = cfg
        .resources
        .first()
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let lines: &[(&[&str], &'static str, &'static str)] = &[
        (&["sh-nop"], "sh-nop", "none"),
        (&["-d", "up", "all"], "up", "all"),
        (&["dump", "all"], "dump", "all"),
        (&["dump-xml"], "dump-xml", "none"),
        (&["-d", "adjust", "all"], "adjust", "all"),
        (&["sh-resources"], "sh-resources", "none"),
    ];
    let mut out: Vec<Invocation> = lines
        .iter()
        .map(|(a, cmd, form)| Invocation {
            args: a.iter().map(|s| s.to_string()).collect(),
            cmd,
            form,
            dry_run: a.contains(&"-d"),
        })
        .collect();
    for (a, cmd) in [
        (vec!["-d", "up"], "up"),
        (vec!["sh-dev"], "sh-dev"),
        (vec!["dump"], "dump"),
    ] {
        let mut args: Vec<String> = a.iter().map(|s| s.to_string()).collect();
        args.push(res.clone());
        out.push(Invocation {
            dry_run: args.iter().any(|x| x == "-d"),
            args,
            cmd,
            form: "res",
        });
    }
    out
}

/// `dump` and `dump-xml`, plain, with `-d` and with `-v` (the fixtures get all six).
pub fn dumps() -> Vec<Invocation> {
    let mut out = Vec::new();
    for (flags, dry) in [(&[][..], false), (&["-d"][..], true), (&["-v"][..], false)] {
        for cmd in ["dump", "dump-xml"] {
            let mut args: Vec<String> = flags.iter().map(|s| s.to_string()).collect();
            args.push(cmd.into());
            out.push(Invocation {
                args,
                cmd,
                form: "none",
                dry_run: dry,
            });
        }
    }
    out
}
