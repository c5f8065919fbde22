//! Top-level flow: parse the command line, pick the personality, read the configuration,
//! run the command. All printing happens here and in the command modules; exit codes come
//! from [`crate::error`].

use std::io::Write as _;
use std::path::{Path, PathBuf};

use conf_parser::registry::{self, Entry};
use conf_parser::{Config, Dialect, ParseOptions, Severity};

use crate::cli::{self, Cli};
use crate::driver::Driver;
use crate::dump::Dumper;
use crate::env;
use crate::error::{AdmError, ExitCode};
use crate::hosts;
use crate::table::{self, CmdDef, Func};

/// Runs drbdadm with `args` (argv[0] first); returns the exit code.
pub fn main(args: &[String]) -> i32 {
    let argv0 = args.first().map(String::as_str).unwrap_or("drbdadm");
    // `drbdadm [-c FILE] lint ...`: the linter has its own options.
    if let Some(p) = args.iter().skip(1).position(|a| a == "lint").map(|p| p + 1) {
        if let Ok(before) = cli::parse(&args[1..p], table::is_command) {
            if before.command.is_none() {
                return lint(&args[p + 1..], &before);
            }
        }
    }
    let cli = match cli::parse(&args[1.min(args.len())..], table::is_command) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("drbdadm: {e}");
            eprintln!("try 'drbdadm help'");
            return ExitCode::Usage as i32;
        }
    };
    match run(argv0, &cli) {
        Ok(code) => code,
        Err(e) => {
            if !matches!(e, AdmError::ConfigInvalid | AdmError::Exit(_)) {
                eprintln!("drbdadm: {e}");
            }
            e.code()
        }
    }
}

fn run(argv0: &str, cli: &Cli) -> Result<i32, AdmError> {
    let version = env::driver_version();
    let dialect = env::dialect(argv0, version);
    if cli.version {
        print_version(version);
        return Ok(0);
    }
    let Some(command) = cli.command.as_deref() else {
        print_usage(dialect);
        if cli.help {
            return Ok(0);
        }
        return Err(AdmError::Usage("no command given".into()));
    };
    let command = match command {
        "state" => {
            eprintln!("'drbdadm state' is deprecated, use 'drbdadm role' instead.");
            "role"
        }
        "outdate-peer" => {
            eprintln!("'drbdadm outdate-peer' is deprecated, use 'drbdadm fence-peer' instead.");
            "fence-peer"
        }
        c => c,
    };
    let Some(cmd) = table::find(dialect, command) else {
        let other = match dialect {
            Dialect::V9 => Dialect::V84,
            Dialect::V84 => Dialect::V9,
        };
        return Err(AdmError::Usage(format!(
            "'{command}' is a command of the DRBD {} tools, not of DRBD {} (the running kernel module's version)",
            other.as_str(),
            dialect.as_str()
        )));
    };
    if cmd.func == Func::Hidden {
        let mut names: Vec<&str> = table::table(dialect)
            .iter()
            .filter(|c| c.flags.show >= 2)
            .map(|c| c.name)
            .collect();
        names.sort_unstable();
        println!("{}", names.join(" "));
        return Ok(0);
    }
    if !cli.config_to_test.is_empty() && !cmd.flags.test_config {
        return Err(AdmError::Usage(
            "The --config-to-test (-t) option is only allowed with the dump and sh-nop commands"
                .into(),
        ));
    }
    // Backend options given as `--name` must belong to the command (upstream checks the
    // name exactly; `-W` and words before the command are not checked).
    for b in &cli.backend {
        if cli.unvalidated.contains(b) {
            continue;
        }
        let name = b.trim_start_matches("--");
        let name = name.split('=').next().unwrap_or(name);
        if !cmd.fields.knows(dialect, name) {
            eprintln!("drbdadm: unrecognized option '--{name}'");
            eprintln!("try 'drbdadm help {}'", cmd.name);
            return Ok(ExitCode::Usage as i32);
        }
    }
    let is_dump = matches!(cmd.func, Func::Dump | Func::DumpXml);
    if cli.resources.is_empty() && !is_dump && cmd.flags.res_name_required {
        eprintln!(
            "USAGE: drbdadm {} [OPTION...] {{all|RESOURCE...}}",
            cmd.name
        );
        eprintln!("No resource names specified");
        return Ok(ExitCode::Usage as i32);
    }
    if !cli.resources.is_empty() && !cmd.flags.backend_res_name && !cmd.flags.res_name_required {
        eprintln!("This command will ignore resource names!");
    }
    let (hostname, pretend) = env::hostname();
    if pretend {
        eprint!("{}", env::pretend_banner(&hostname));
    }
    let source = config_source(cli, cmd, dialect)?;
    let cfg = read_config(cli, &source, dialect)?;
    let diags = render_diagnostics(&cfg);
    if !diags.is_empty() {
        eprint!("{diags}");
    }
    if cfg.diagnostics.has_errors() {
        return Err(AdmError::ConfigInvalid);
    }
    check_module_version(&cfg, version)?;
    let ctx = Context {
        cfg: &cfg,
        hostname: &hostname,
        dialect,
    };
    let matcher = crate::expand::Matcher {
        hostname: &hostname,
        dialect,
        have_ip: &hosts::have_ip,
        no_tty: env::no_tty(),
    };
    if cmd.func == Func::ShNop {
        // Only the expansion's errors are wanted, not the expanded resources.
        let errors = crate::expand::check(&cfg, &matcher);
        if !errors.is_empty() {
            for e in &errors {
                eprintln!("{e}");
            }
            return Ok(ExitCode::ConfigInvalid as i32);
        }
        return Ok(0);
    }
    let x = crate::expand::expand_with(
        &cfg,
        &matcher,
        !is_dump || cli.dry_run || cli.verbose > 0,
        !is_dump,
    );
    let mut driver = Driver::new(cli, dialect, &x, &hostname, argv0, &cfg);
    if let ConfigSource::File(path) = &source {
        driver.register_into(canonical_config(path));
    }
    // DRBD 9 runs a command that takes no names once per name given ("all": per resource);
    // 8.4 ignores the names.
    let per_resource =
        cmd.flags.res_name_required || (dialect == Dialect::V9 && !cli.resources.is_empty());
    if per_resource {
        if cfg.resources.is_empty() && !is_dump {
            eprintln!("no resources defined!");
            return Ok(ExitCode::Usage as i32);
        }
        if !x.errors.is_empty() {
            for e in &x.errors {
                eprintln!("{e}");
            }
            return Err(AdmError::ConfigInvalid);
        }
        if cmd.func == Func::DumpXml {
            let expanded = cli.dry_run || cli.verbose > 0;
            let all = cli.resources.is_empty() || cli.resources[0] == "all";
            let mut out = String::new();
            if all {
                if !dump_verify_ips(&ctx, cli.dry_run) {
                    return Err(AdmError::ConfigInvalid);
                }
                crate::dumpxml::header(&cfg, &mut out);
                for r in &x.resources {
                    crate::dumpxml::resource(r, expanded, cli.verbose > 0, &mut out);
                }
                out.push_str("</config>\n");
            } else {
                for name in &cli.resources {
                    let base = name.split(['/', ':']).next().unwrap_or(name);
                    match x.resource(base) {
                        Some(r) => crate::dumpxml::resource(r, expanded, cli.verbose > 0, &mut out),
                        None => {
                            print!("{out}");
                            eprintln!("'{name}' not defined in your config (for this host).");
                            return Ok(ExitCode::Usage as i32);
                        }
                    }
                }
            }
            print!("{out}");
            return Ok(0);
        }
        if is_dump {
            return dump(cli, &ctx).map(|c| c as i32);
        }
        if cli.resources[0] == "all" {
            driver.all(cmd)?;
        } else {
            driver.named(cmd, &cli.resources)?;
        }
    } else {
        driver.no_resource(cmd)?;
    }
    driver.finish()
}

/// `require-drbd-module-version-OP X.Y.Z` against the running module.
fn check_module_version(cfg: &Config, version: Option<env::Version>) -> Result<(), AdmError> {
    for (op, want, span) in &cfg.module_version_requirements {
        let Some(want) = env::Version::parse(want) else {
            continue;
        };
        let have = version.unwrap_or(env::Version(0, 0, 0));
        let ok = match op.as_str() {
            "eq" => have == want,
            "ne" => have != want,
            "gt" => have > want,
            "ge" => have >= want,
            "lt" => have < want,
            "le" => have <= want,
            _ => true,
        };
        if !ok {
            let (file, lc) = cfg.sources.locate(*span);
            eprintln!(
                "{file}:{}: DRBD module version {have} does not fulfill the requirement 'require-drbd-module-version-{op} {want}'",
                lc.line
            );
            return Err(AdmError::ConfigInvalid);
        }
    }
    Ok(())
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

/// Where the configuration comes from.
enum ConfigSource {
    /// `-c -`.
    Stdin,
    /// A file: `-c FILE`, the registry entry of a handler's resource, or the default.
    File(PathBuf),
}

/// `-c` wins; handler commands (`use_cached_config`) then look up the file their resource
/// or minor was set up from in the registry; otherwise the default search.
fn config_source(cli: &Cli, cmd: &CmdDef, dialect: Dialect) -> Result<ConfigSource, AdmError> {
    match cli.config.as_deref() {
        Some("-") => return Ok(ConfigSource::Stdin),
        Some(path) => return Ok(ConfigSource::File(PathBuf::from(path))),
        None => {}
    }
    if let (true, Some(arg)) = (cmd.flags.use_cached_config, cli.resources.first()) {
        let minor = arg.strip_prefix("minor-").map(|n| n.parse::<u32>().ok());
        let (entry, what) = match minor {
            Some(Some(m)) => (Entry::Minor(m), format!("minor {m}")),
            Some(None) => (Entry::Minor(u32::MAX), format!("minor {arg}")),
            None => (Entry::Resource(arg.clone()), format!("resource {arg}")),
        };
        match registry::lookup(&entry) {
            Some(f) => match std::fs::File::open(&f) {
                Ok(_) => return Ok(ConfigSource::File(f)),
                Err(e) => eprintln!(
                    "Couldn't open file {} for reading, reason: {e}\ntrying default config file...",
                    f.display()
                ),
            },
            None => {
                eprintln!("Don't know which config file belongs to {what}, trying default ones...")
            }
        }
    }
    env::default_config(dialect)
        .map(ConfigSource::File)
        .ok_or_else(|| {
            AdmError::Usage("no configuration file found (looked for /etc/drbd.conf and its versioned variants); use -c FILE".into())
        })
}

/// Upstream's `canonify_path()`: the directory resolved, the file name kept (a link named
/// as the config stays a link), so the registry points at what the user named.
fn canonical_config(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(name))
}

fn read_config(cli: &Cli, source: &ConfigSource, dialect: Dialect) -> Result<Config, AdmError> {
    let mut opts = ParseOptions::new(dialect);
    opts.exclude = cli.config_to_exclude.iter().map(PathBuf::from).collect();
    opts.extra = cli.config_to_test.iter().map(PathBuf::from).collect();
    match source {
        ConfigSource::Stdin => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|e| {
                AdmError::ConfigRead {
                    path: "STDIN".into(),
                    source: e,
                }
            })?;
            Ok(conf_parser::parse_str("STDIN", &text, &opts))
        }
        ConfigSource::File(path) => {
            conf_parser::parse_file(path, &opts).map_err(|e| AdmError::ConfigRead {
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
    if (cli.resources.is_empty() || cli.resources[0] == "all") && !dump_verify_ips(ctx, cli.dry_run)
    {
        return Err(AdmError::ConfigInvalid);
    }
    let mut d = Dumper::new(cli.verbose > 0);
    d.header(cfg);
    for res in selected {
        d.resource(cfg, res, ctx.hostname, ctx.me(res));
    }
    let out = d.finish();
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    Ok(ExitCode::Ok)
}

/// Upstream verifies this node's addresses before dumping all resources (`verify_ips()`);
/// naming resources skips the check.
fn dump_verify_ips(ctx: &Context<'_>, dry_run: bool) -> bool {
    let cfg = ctx.cfg;
    if cfg.global.disable_ip_verification || (dry_run && env::no_tty()) {
        return true;
    }
    let selected: Vec<&conf_parser::model::Resource> = cfg.resources.iter().collect();
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
        !bad
    }
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

fn print_usage(dialect: Dialect) {
    eprintln!("USAGE: drbdadm COMMAND [OPTION...] {{all|RESOURCE...}}");
    eprintln!("\nCOMMANDS:");
    let names: Vec<&str> = table::table(dialect)
        .iter()
        .filter(|c| c.flags.show == 1)
        .map(|c| c.name)
        .collect();
    for chunk in names.chunks(4) {
        eprintln!(
            " {}",
            chunk
                .iter()
                .map(|n| format!("{n:<19}"))
                .collect::<String>()
                .trim_end()
        );
    }
    eprintln!("\nGENERAL OPTIONS:\n  --stacked, -S\n  --dry-run, -d\n  --verbose, -v\n  --config-file=..., -c ...\n  --config-to-test=..., -t ...\n  --config-to-exclude=..., -E ...\n  --drbdsetup=..., -s ...\n  --drbdmeta=..., -m ...\n  --sh-varname=..., -n ...\n  --setup-option=..., -W ...\n  --version, -V\n");
}

/// Warnings and errors for stderr. Upstream's post-parse messages (`in resource R, on H
/// { ... }: 'node-id' keyword missing.`) keep upstream's `FILE:LINE: ` form, since scripts
/// and upstream's tests match them; everything else is `FILE:LINE:COL: severity: ...` with
/// hints (`drbdadm lint` shows those with rule ids).
fn render_diagnostics(cfg: &Config) -> String {
    let mut out = String::new();
    for d in cfg.diagnostics.sorted() {
        if d.severity < Severity::Warning {
            continue;
        }
        if d.severity == Severity::Error
            && d.message.starts_with("in resource ")
            && d.message.ends_with("keyword missing.")
        {
            let (file, lc) = cfg.sources.locate(d.span);
            out.push_str(&format!("{file}:{}: {}\n", lc.line, d.message));
        } else {
            out.push_str(&d.render(&cfg.sources));
        }
    }
    out
}

/// `drbdadm lint`: everything after the word `lint` goes to the linter; a `-c FILE` given
/// before it is passed on.
fn lint(after: &[String], cli: &Cli) -> i32 {
    let mut rest: Vec<String> = Vec::new();
    if let Some(c) = &cli.config {
        rest.push("-c".into());
        rest.push(c.clone());
    }
    rest.extend(after.iter().cloned());
    let tty = nix::unistd::isatty(1).unwrap_or(false);
    conf_parser::lint::run(&rest, &mut std::io::stdout(), &mut std::io::stderr(), tty)
}
