//! Top-level flow: parse the command line, pick the personality, read the configuration,
//! run the command. All printing happens here and in the command modules; exit codes come
//! from [`crate::error`].

use std::path::{Path, PathBuf};

use conf_parser::registry::{self, Entry};
use conf_parser::{Config, Dialect, ParseOptions, Severity};

use crate::cli::{self, Cli};
use crate::driver::Driver;
use crate::env;
use crate::error::{AdmError, ExitCode};
use crate::hosts;
use crate::table::{CmdDef, Func};
use crate::usage;

/// Runs drbdadm with `args` (argv[0] first); returns the exit code.
pub fn main(args: &[String]) -> i32 {
    let argv0 = args.first().map(String::as_str).unwrap_or("drbdadm");
    let progname = Path::new(argv0)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("drbdadm");
    let version = env::driver_version();
    let dialect = env::dialect(argv0, version);
    let rest = &args[1.min(args.len())..];
    // `drbdadm [-c FILE] lint ...`: the linter has its own options.
    if let Some(p) = rest.iter().position(|a| a == "lint") {
        let before = cli::parse(&rest[..p], dialect, progname, &cli::RealFiles);
        if let Ok(before) = before.outcome {
            if before.command.is_none() {
                return lint(&rest[p + 1..], &before);
            }
        }
    }
    // Upstream announces the pretended name before it looks at the command line.
    let (hostname, pretend) = env::hostname();
    if pretend {
        eprint!("{}", env::pretend_banner(&hostname));
    }
    // The DRBD 9 drbdadm runs drbdadm-84 for an 8.4 module with this set, so the helpers
    // see it too.
    if dialect == Dialect::V84
        && !progname.ends_with("-84")
        && std::env::var_os("DRBD_DONT_WARN_ON_VERSION_MISMATCH").is_none()
    {
        std::env::set_var("DRBD_DONT_WARN_ON_VERSION_MISMATCH", "1");
    }
    let parsed = cli::parse(rest, dialect, progname, &cli::RealFiles);
    for n in &parsed.notes {
        eprintln!("{n}");
    }
    let me = Invocation {
        argv0,
        progname,
        dialect,
        version,
        hostname: &hostname,
    };
    let mut cli = match parsed.outcome {
        Ok(c) => c,
        Err(stop) => return stopped(&me, stop),
    };
    match run(&me, &mut cli) {
        Ok(code) => code,
        Err(e) => {
            if !matches!(e, AdmError::ConfigInvalid | AdmError::Exit(_)) {
                eprintln!("{progname}: {e}");
            }
            e.code()
        }
    }
}

/// Who we are in this run.
struct Invocation<'a> {
    /// argv[0] as given (helpers are looked up next to it).
    argv0: &'a str,
    /// Its file name, for messages.
    progname: &'a str,
    /// The personality.
    dialect: Dialect,
    /// The kernel module's version (or the override).
    version: Option<env::Version>,
    /// This node's name.
    hostname: &'a str,
}

/// The early ends of upstream's `parse_options()`, with its messages and exit codes.
fn stopped(me: &Invocation<'_>, stop: cli::Stop) -> i32 {
    let p = me.progname;
    match stop {
        cli::Stop::Getopt(msg) => {
            eprintln!("{p}: {msg}");
            eprintln!("try '{p} help'");
            ExitCode::Usage as i32
        }
        cli::Stop::Version => {
            let kernel = match me.dialect {
                Dialect::V9 => me.version,
                Dialect::V84 => env::proc_drbd_version(),
            };
            print!("{}", usage::version(me.dialect, kernel));
            ExitCode::Ok as i32
        }
        cli::Stop::HiddenCommands => {
            print!("{}", usage::hidden_commands(me.dialect));
            ExitCode::Ok as i32
        }
        cli::Stop::CannotOpen(path) => {
            eprintln!("Can not open '{path}'.");
            ExitCode::Exec as i32
        }
        cli::Stop::NoTool => {
            eprintln!("Can not find command (drbdsetup/drbdmeta)");
            ExitCode::Exec as i32
        }
        cli::Stop::BadResourceName(msg) => {
            eprintln!("{msg}");
            ExitCode::Usage as i32
        }
    }
}

/// Prints the usage on stdout, as upstream, and gives the exit code to end with.
fn usage_exit(
    me: &Invocation<'_>,
    cmd: Option<&CmdDef>,
    addinfo: Option<&str>,
    code: ExitCode,
) -> i32 {
    print!("{}", usage::usage(me.progname, me.dialect, cmd, addinfo));
    code as i32
}

fn run(me: &Invocation<'_>, cli: &mut Cli) -> Result<i32, AdmError> {
    let (argv0, dialect, version) = (me.argv0, me.dialect, me.version);
    if cli.help {
        // DRBD 9 fails a bare `help`; 8.4 does not.
        let code = match (dialect, cli.command) {
            (Dialect::V9, None) => ExitCode::Usage,
            _ => ExitCode::Ok,
        };
        return Ok(usage_exit(me, cli.command, None, code));
    }
    let Some(cmd) = cli.command else {
        if let Some(word) = &cli.first_word {
            eprintln!("{}: Unknown command '{word}'", me.progname);
            return Ok(ExitCode::Usage as i32);
        }
        return Ok(usage_exit(
            me,
            None,
            Some("No command specified"),
            ExitCode::Usage,
        ));
    };
    if let Some(opt) = cli.unknown_backend(dialect) {
        eprintln!("{}: unrecognized option '{opt}'", me.progname);
        eprintln!("try '{} help {}'", me.progname, cmd.name);
        return Ok(ExitCode::Usage as i32);
    }
    if !cli.config_to_test.is_empty() && !cmd.flags.test_config {
        eprintln!(
            "The --config-to-test (-t) option is only allowed with the dump and sh-nop commands"
        );
        return Ok(ExitCode::Usage as i32);
    }
    let is_dump = matches!(cmd.func, Func::Dump | Func::DumpXml);
    // 8.4 runs status on all resources when none is named.
    let implicit_all = dialect == Dialect::V84 && cmd.func == Func::Status;
    if cli.resources.is_empty() {
        if implicit_all {
            cli.resources.push("all".into());
        } else if !is_dump && cmd.flags.res_name_required {
            return Ok(usage_exit(
                me,
                Some(cmd),
                Some("No resource names specified"),
                ExitCode::Usage,
            ));
        }
    } else {
        // DRBD 9 passes names to commands that take them; 8.4 has no such commands.
        let takes_names = dialect == Dialect::V9 && cmd.flags.backend_res_name;
        if !takes_names && !cmd.flags.res_name_required {
            eprintln!("This command will ignore resource names!");
        } else if !takes_names && cli.resources.len() > 1 && cmd.flags.use_cached_config {
            eprintln!("You should not use this command with multiple resources!");
        }
    }
    let cli: &Cli = cli;
    let hostname = me.hostname.to_string();
    let source = config_source(cli, cmd, dialect)?;
    let cfg = read_config(cli, &source, dialect)?;
    let diags = render_diagnostics(&cfg);
    if !diags.is_empty() {
        eprint!("{diags}");
    }
    // Upstream's parser stops at the first duplicate it finds (exit 10).
    if let Some(c) = &cfg.conflict {
        eprint!("{}", c.render());
        return Err(AdmError::ConfigInvalid);
    }
    if cfg.diagnostics.has_errors() {
        if dialect == Dialect::V84 {
            for e in crate::check84::reported_before_error(&cfg, &hostname) {
                eprintln!("{e}");
            }
        }
        if let Some(code) = cfg.diagnostics.exit_code() {
            return Err(AdmError::Exit(code));
        }
        // DRBD 9 finds missing keywords after parsing (`post_parse()`); only the commands
        // that work on resources act on that verdict, and sh-nop reports it.
        let takes_resources =
            cmd.flags.res_name_required || (dialect == Dialect::V9 && !cli.resources.is_empty());
        let only_post_parse = dialect == Dialect::V9
            && cfg
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .all(|d| is_post_parse(&d.message));
        if !only_post_parse || takes_resources {
            return Err(AdmError::ConfigInvalid);
        }
        if cmd.func == Func::ShNop {
            eprintln!("command {} exited with code 10", cmd.name);
            return Ok(ExitCode::ConfigInvalid as i32);
        }
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
    // DRBD 9 runs sh-nop over the names given like any other command (so an unknown
    // name fails it); without names, and on 8.4, only the expansion's errors count.
    if cmd.func == Func::ShNop && (dialect == Dialect::V84 || cli.resources.is_empty()) {
        // Only the expansion's errors are wanted, not the expanded resources.
        let errors = crate::expand::check(&cfg, &matcher);
        if !errors.is_empty() {
            for e in &errors {
                eprintln!("{e}");
            }
            // drbdadm-84 finds these while parsing and exits 10 before running sh-nop.
            if dialect == Dialect::V9 {
                eprintln!("command sh-nop exited with code 10");
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
        if is_dump {
            return crate::dumpcmd::run(cli, cmd, &ctx, &x, &matcher);
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
    match env::default_config(dialect) {
        Some(path) => Ok(ConfigSource::File(path)),
        None => {
            // Upstream names the last file it tried and why it failed.
            let last = "/etc/drbd.conf";
            let why = std::fs::File::open(last)
                .err()
                .and_then(|e| e.raw_os_error())
                .map_or("No such file or directory", |n| {
                    nix::errno::Errno::from_raw(n).desc()
                });
            eprintln!("Can not open '{last}': {why}");
            Err(AdmError::ConfigInvalid)
        }
    }
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
        if d.severity == Severity::Error && is_post_parse(&d.message) {
            let (file, lc) = cfg.sources.locate(d.span);
            out.push_str(&format!("{file}:{}: {}\n", lc.line, d.message));
        } else {
            out.push_str(&d.render(&cfg.sources));
        }
    }
    out
}

/// Upstream's post-parse messages (`in resource R, on H { ... }: 'node-id' keyword
/// missing.`), which it reports after the configuration was read.
fn is_post_parse(message: &str) -> bool {
    message.starts_with("in resource ") && message.ends_with("keyword missing.")
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
