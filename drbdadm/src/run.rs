//! Top-level flow: parse the command line, pick the personality, read the configuration,
//! run the command. All printing happens here and in the command modules; exit codes come
//! from [`crate::error`].

use std::io::Write as _;
use std::path::{Path, PathBuf};

use conf_parser::{Config, Dialect, ParseOptions, Severity};

use crate::cli::{self, Cli};
use crate::dump::Dumper;
use crate::env;
use crate::error::{AdmError, ExitCode};
use crate::hosts;

/// Every command name upstream knows (v9 and v84), so the command line is split the same way.
pub const COMMANDS: &[&str] = &[
    "attach",
    "disk-options",
    "detach",
    "connect",
    "net-options",
    "disconnect",
    "up",
    "resource-options",
    "down",
    "primary",
    "secondary",
    "invalidate",
    "invalidate-remote",
    "outdate",
    "resize",
    "verify",
    "pause-sync",
    "resume-sync",
    "adjust",
    "adjust-with-progress",
    "wait-connect",
    "wait-sync",
    "wait-con-int",
    "role",
    "cstate",
    "dstate",
    "status",
    "dump",
    "dump-xml",
    "create-md",
    "show-gi",
    "get-gi",
    "dump-md",
    "wipe-md",
    "apply-al",
    "hidden-commands",
    "sh-nop",
    "sh-resources",
    "sh-resource",
    "sh-mod-parms",
    "sh-dev",
    "sh-udev",
    "sh-minor",
    "sh-ll-dev",
    "sh-md-dev",
    "sh-md-idx",
    "sh-ip",
    "sh-lr-of",
    "sh-b-pri",
    "sh-status",
    "sh-list-config-file",
    "sh-list-adjustable",
    "proxy-up",
    "proxy-down",
    "new-resource",
    "new-minor",
    "del-minor",
    "new-peer",
    "del-peer",
    "new-path",
    "del-path",
    "peer-device-options",
    "forget-peer",
    "set-gi",
    "new-current-uuid",
    "check-resize",
    "suspend-io",
    "resume-io",
    "repair-md",
    "dump-superblock",
    "state",
    "outdate-peer",
    "fence-peer",
    "before-resync-target",
    "after-resync-target",
    "before-resync-source",
    "pri-on-incon-degr",
    "pri-lost-after-sb",
    "local-io-error",
    "pri-lost",
    "initial-split-brain",
    "split-brain",
    "out-of-sync",
    "unfence-peer",
    "quorum-lost",
    "disconnected",
];

/// Runs drbdadm with `args` (argv[0] first); returns the exit code.
pub fn main(args: &[String]) -> i32 {
    let argv0 = args.first().map(String::as_str).unwrap_or("drbdadm");
    let cli = match cli::parse(&args[1.min(args.len())..], |w| COMMANDS.contains(&w)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("drbdadm: {e}");
            eprintln!("try 'drbdadm help'");
            return ExitCode::Usage as i32;
        }
    };
    match run(argv0, &cli) {
        Ok(code) => code as i32,
        Err(e) => {
            if !matches!(e, AdmError::ConfigInvalid) {
                eprintln!("drbdadm: {e}");
            }
            e.exit_code() as i32
        }
    }
}

fn run(argv0: &str, cli: &Cli) -> Result<ExitCode, AdmError> {
    let version = env::driver_version();
    let dialect = env::dialect(argv0, version);
    if cli.version {
        print_version(version);
        return Ok(ExitCode::Ok);
    }
    let Some(command) = cli.command.as_deref() else {
        if cli.help {
            print_usage();
            return Ok(ExitCode::Ok);
        }
        print_usage();
        return Err(AdmError::Usage("no command given".into()));
    };
    let command = match command {
        "state" => {
            eprintln!("'state' is deprecated, use 'role' instead.");
            "role"
        }
        "outdate-peer" => {
            eprintln!("'outdate-peer' is deprecated, use 'fence-peer' instead.");
            "fence-peer"
        }
        c => c,
    };
    if command == "hidden-commands" {
        for c in COMMANDS.iter().filter(|c| c.starts_with("sh-")) {
            println!("{c}");
        }
        return Ok(ExitCode::Ok);
    }
    let (hostname, pretend) = env::hostname();
    if pretend {
        eprint!("{}", env::pretend_banner(&hostname));
    }
    let cfg = read_config(cli, dialect)?;
    let diags = cfg.diagnostics.render_problems(&cfg.sources);
    if !diags.is_empty() {
        eprint!("{diags}");
    }
    if cfg.diagnostics.has_errors() {
        return Err(AdmError::ConfigInvalid);
    }
    let ctx = Context {
        cfg: &cfg,
        hostname: &hostname,
        dialect,
    };
    match command {
        "dump" => dump(cli, &ctx),
        "sh-nop" => Ok(ExitCode::Ok),
        "sh-resources" => {
            let names: Vec<&str> = cfg
                .resources
                .iter()
                .filter(|r| ctx.me(r).is_some() && r.is_stacked() == cli.stacked)
                .map(|r| r.name.as_str())
                .collect();
            println!("{}", names.join(" "));
            Ok(ExitCode::Ok)
        }
        other => Err(AdmError::Unsupported(format!(
            "'{other}' is not available in this version yet (see README: what works)"
        ))),
    }
}

/// What a command needs to know about this node.
pub struct Context<'a> {
    /// The configuration.
    pub cfg: &'a Config,
    /// This node's name.
    pub hostname: &'a str,
    /// The personality.
    pub dialect: Dialect,
}

impl Context<'_> {
    /// This node's host section in `res`.
    pub fn me(&self, res: &conf_parser::model::Resource) -> Option<usize> {
        let lower_has_me = |lower: &str| {
            self.cfg.resource(lower).is_some_and(|l| {
                hosts::find_me(l, self.hostname, self.dialect, &hosts::have_ip, &|_| false)
                    .is_some()
            })
        };
        hosts::find_me(
            res,
            self.hostname,
            self.dialect,
            &hosts::have_ip,
            &lower_has_me,
        )
    }
}

fn read_config(cli: &Cli, dialect: Dialect) -> Result<Config, AdmError> {
    let mut opts = ParseOptions::new(dialect);
    opts.exclude = cli.config_to_exclude.iter().map(PathBuf::from).collect();
    opts.extra = cli.config_to_test.iter().map(PathBuf::from).collect();
    match cli.config.as_deref() {
        Some("-") => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| {
                AdmError::ConfigRead {
                    path: "STDIN".into(),
                    source: e,
                }
            })?;
            Ok(conf_parser::parse_str("STDIN", &text, &opts))
        }
        Some(path) => {
            conf_parser::parse_file(Path::new(path), &opts).map_err(|e| AdmError::ConfigRead {
                path: path.to_string(),
                source: e,
            })
        }
        None => {
            let path = env::default_config(dialect).ok_or_else(|| {
                AdmError::Usage("no configuration file found (looked for /etc/drbd.conf and its versioned variants); use -c FILE".into())
            })?;
            conf_parser::parse_file(&path, &opts).map_err(|e| AdmError::ConfigRead {
                path: path.display().to_string(),
                source: e,
            })
        }
    }
}

fn dump(cli: &Cli, ctx: &Context<'_>) -> Result<ExitCode, AdmError> {
    let cfg = ctx.cfg;
    let selected: Vec<&conf_parser::model::Resource> =
        if cli.resources.is_empty() || cli.resources[0] == "all" {
            cfg.resources.iter().collect()
        } else {
            let mut v = Vec::new();
            for name in &cli.resources {
                let base = name.split(['/', ':']).next().unwrap_or(name);
                match cfg.resource(base) {
                    Some(r) => v.push(r),
                    None => {
                        eprintln!("'{name}' not defined in your config (for this host).");
                        return Err(AdmError::Usage(format!("no resource named '{name}'")));
                    }
                }
            }
            v
        };
    // Upstream verifies this node's addresses before dumping all resources
    // (`verify_ips()`); naming resources skips the check.
    if (cli.resources.is_empty() || cli.resources[0] == "all")
        && !cfg.global.disable_ip_verification
    {
        let mut bad = false;
        for res in &selected {
            let Some(me) = ctx.me(res) else { continue };
            let host = &res.hosts[me];
            if let Some(a) = &host.address {
                if !hosts::have_ip(&a.af, &a.addr) {
                    eprintln!(
                        "{}: in resource {}, on {}:\n\tIP {} not found on this host.",
                        cfg.main_name(),
                        res.name,
                        host.names().join(" "),
                        a.addr
                    );
                    bad = true;
                }
            }
        }
        if bad {
            return Err(AdmError::ConfigInvalid);
        }
    }
    let mut d = Dumper::new(cli.verbose > 0);
    d.header(cfg);
    for res in selected {
        d.resource(cfg, res, ctx.hostname, ctx.me(res));
    }
    let out = d.finish();
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    let _ = Severity::Error;
    Ok(ExitCode::Ok)
}

fn print_version(version: Option<env::Version>) {
    let ours = env::Version(9, 34, 0);
    println!("DRBDADM_BUILDTAG=drbd-rs\\ {}", env!("CARGO_PKG_VERSION"));
    println!("DRBDADM_API_VERSION=2");
    let k = version.unwrap_or(env::Version(0, 0, 0));
    println!("DRBD_KERNEL_VERSION_CODE=0x{:06x}", k.code());
    println!("DRBD_KERNEL_VERSION={k}");
    println!("DRBDADM_VERSION_CODE=0x{:06x}", ours.code());
    println!("DRBDADM_VERSION={ours}");
}

fn print_usage() {
    eprintln!("USAGE: drbdadm COMMAND [OPTION...] {{all|RESOURCE...}}");
    eprintln!("\nGENERAL OPTIONS:\n  --stacked, -S\n  --dry-run, -d\n  --verbose, -v\n  --config-file=..., -c ...\n  --config-to-test=..., -t ...\n  --config-to-exclude=..., -E ...\n  --drbdsetup=..., -s ...\n  --drbdmeta=..., -m ...\n  --sh-varname=..., -n ...\n  --setup-option=..., -W ...\n  --version, -V\n");
}
