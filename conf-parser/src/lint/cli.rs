//! The command line of `drbdadm lint [OPTIONS] [FILES...]`: argument parsing, the default
//! configuration file search, output and exit codes (0 clean, 1 warnings with
//! `--deny-warnings`, 2 errors, 3 usage or I/O).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::diag::Severity;
use crate::lint::render::{self, Format};
use crate::lint::{fix, lint_config, Inventory, LintOptions, Report};
use crate::options::Dialect;
use crate::{parse_file, parse_str, ParseOptions};

/// Exit code: no finding that fails the run.
pub const EXIT_CLEAN: i32 = 0;
/// Exit code: warnings and `--deny-warnings`.
pub const EXIT_WARNINGS: i32 = 1;
/// Exit code: errors.
pub const EXIT_ERRORS: i32 = 2;
/// Exit code: bad usage, or a file that cannot be read or written.
pub const EXIT_USAGE: i32 = 3;

/// Upstream's default configuration files, in search order (`conf_file[]` in
/// user/v9/drbdadm_linux.c; the 8.4 drbdadm has the same list without `drbd-90.conf`).
pub const DEFAULT_FILES_V9: &[&str] = &[
    "/etc/drbd-90.conf",
    "/etc/drbd-84.conf",
    "/etc/drbd-83.conf",
    "/etc/drbd-82.conf",
    "/etc/drbd-08.conf",
    "/etc/drbd.conf",
];

const USAGE: &str = "\
usage: drbdadm lint [OPTIONS] [FILE...]

Checks drbd.conf files and reports every finding in one run. Without FILE (or -c FILE)
the first of /etc/drbd-90.conf, /etc/drbd-84.conf, ..., /etc/drbd.conf that exists is read.
Never consults the running kernel, the host name or the network.

options:
  -c, --config-file FILE   lint FILE (may be repeated; `-` reads standard input)
      --target 8.4|9       the DRBD version to check for (default 9)
      --node NAME          check only NAME's view of the configuration
      --all-nodes          check every host's view (the default)
      --inventory FILE     host names that must have sections (`HOST [RESOURCE...]` lines)
      --device-size PATH=SIZE
                           size of a block device, for the meta-data checks (e.g. /dev/vg/md=1G)
      --format FORMAT      human (default), json, sarif or github
      --deny-warnings      exit 1 when there are warnings but no errors
      --fix                print a unified diff that rewrites legacy syntax
      --write              with --fix: write the rewritten files
  -h, --help               show this help

exit status: 0 clean, 1 warnings with --deny-warnings, 2 errors, 3 usage or I/O error.
Rules: see RULES.md (drbdadm lint --format sarif lists them, too).
";

/// Where the command runs: the working directory, the default files to search, and
/// standard input.
pub struct Env<'a> {
    /// Paths below it are shown relative to it.
    pub cwd: PathBuf,
    /// The default configuration files, in search order.
    pub default_files: Vec<PathBuf>,
    /// Standard input (for `-`).
    pub stdin: &'a mut dyn Read,
}

/// `drbdadm lint ARGS...` (`args` is everything after the word `lint`); returns the exit
/// code. Output goes to `stdout`, messages about the run to `stderr`; colour only when
/// `stdout_is_tty`.
pub fn run(
    args: &[String],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    stdout_is_tty: bool,
) -> i32 {
    let mut stdin = std::io::stdin();
    let mut env = Env {
        cwd: std::env::current_dir().unwrap_or_default(),
        default_files: Vec::new(),
        stdin: &mut stdin,
    };
    run_env(args, &mut env, stdout, stderr, stdout_is_tty)
}

/// [`run`] with an explicit environment (tests use it).
pub fn run_env(
    args: &[String],
    env: &mut Env<'_>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    stdout_is_tty: bool,
) -> i32 {
    let opts = match parse_args(args) {
        Ok(Parsed::Help) => {
            let _ = stdout.write_all(USAGE.as_bytes());
            return EXIT_CLEAN;
        }
        Ok(Parsed::Run(o)) => o,
        Err(msg) => {
            let _ = writeln!(stderr, "drbdadm lint: {msg}");
            let _ = writeln!(stderr, "try `drbdadm lint --help`");
            return EXIT_USAGE;
        }
    };
    match execute(opts, env, stdout, stderr, stdout_is_tty) {
        Ok(code) => code,
        Err(msg) => {
            let _ = writeln!(stderr, "drbdadm lint: {msg}");
            EXIT_USAGE
        }
    }
}

/// The parsed command line.
#[derive(Debug, Default)]
struct Args {
    files: Vec<String>,
    dialect: Option<Dialect>,
    node: Option<String>,
    all_nodes: bool,
    inventory: Option<String>,
    sizes: BTreeMap<String, u64>,
    format: Option<Format>,
    deny_warnings: bool,
    fix: bool,
    write: bool,
}

enum Parsed {
    Help,
    Run(Args),
}

/// `1G`, `512M`, `4096`, `2TiB`: bytes (suffixes are powers of 1024).
pub fn parse_size(s: &str) -> Option<u64> {
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n: u64 = s[..digits_end].parse().ok()?;
    let unit = s[digits_end..].trim_end_matches("iB").trim_end_matches('B');
    let shift = match unit {
        "" => 0,
        "K" | "k" => 10,
        "M" | "m" => 20,
        "G" | "g" => 30,
        "T" | "t" => 40,
        "P" | "p" => 50,
        "s" => 9,
        _ => return None,
    };
    n.checked_mul(1u64 << shift)
}

fn parse_target(s: &str) -> Option<Dialect> {
    match s.split('.').next() {
        Some("8") if s.starts_with("8.4") => Some(Dialect::V84),
        Some("84") => Some(Dialect::V84),
        Some("9") => Some(Dialect::V9),
        _ => None,
    }
}

fn parse_args(args: &[String]) -> Result<Parsed, String> {
    let mut a = Args::default();
    let mut i = 0;
    let mut only_files = false;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        if only_files || arg == "-" || !arg.starts_with('-') {
            a.files.push(arg.to_string());
            continue;
        }
        if arg == "--" {
            only_files = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg, None),
        };
        let takes_value = matches!(
            name,
            "-c" | "--config-file"
                | "--target"
                | "--node"
                | "--inventory"
                | "--device-size"
                | "--format"
        );
        let value = if takes_value {
            match inline {
                Some(v) => v,
                None => {
                    let v = args
                        .get(i)
                        .ok_or_else(|| format!("option `{name}` needs a value"))?;
                    i += 1;
                    v.clone()
                }
            }
        } else if inline.is_some() {
            return Err(format!("option `{name}` takes no value"));
        } else {
            String::new()
        };
        match name {
            "-h" | "--help" => return Ok(Parsed::Help),
            "-c" | "--config-file" => a.files.push(value),
            "--target" => {
                a.dialect = Some(
                    parse_target(&value)
                        .ok_or_else(|| format!("--target must be 8.4 or 9, not `{value}`"))?,
                )
            }
            "--node" => a.node = Some(value),
            "--all-nodes" => a.all_nodes = true,
            "--inventory" => a.inventory = Some(value),
            "--device-size" => {
                let (path, size) = value
                    .rsplit_once('=')
                    .ok_or_else(|| format!("--device-size takes PATH=SIZE, not `{value}`"))?;
                let bytes = parse_size(size).ok_or_else(|| {
                    format!("--device-size: `{size}` is not a size (write e.g. 512M, 1G, 2T)")
                })?;
                a.sizes.insert(path.to_string(), bytes);
            }
            "--format" => {
                a.format = Some(Format::parse(&value).ok_or_else(|| {
                    format!("--format must be human, json, sarif or github, not `{value}`")
                })?)
            }
            "--deny-warnings" => a.deny_warnings = true,
            "--fix" => a.fix = true,
            "--write" => a.write = true,
            _ => {
                let known = [
                    "--config-file",
                    "--target",
                    "--node",
                    "--all-nodes",
                    "--inventory",
                    "--device-size",
                    "--format",
                    "--deny-warnings",
                    "--fix",
                    "--write",
                    "--help",
                ];
                let mut msg = format!("unknown option `{name}`");
                if let Some(s) = crate::diag::suggest(name, known) {
                    msg.push_str(&format!(" (did you mean `{s}`?)"));
                }
                return Err(msg);
            }
        }
    }
    if a.node.is_some() && a.all_nodes {
        return Err("--node and --all-nodes exclude each other".into());
    }
    if a.write && !a.fix {
        return Err("--write only goes with --fix".into());
    }
    Ok(Parsed::Run(a))
}

fn execute(
    a: Args,
    env: &mut Env<'_>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    tty: bool,
) -> Result<i32, String> {
    let dialect = a.dialect.unwrap_or(Dialect::V9);
    let mut opts = LintOptions::new(env.cwd.clone());
    opts.dialect = dialect;
    opts.node = a.node.clone();
    opts.device_sizes = a.sizes.clone();
    if let Some(inv) = &a.inventory {
        let path = env.cwd.join(inv);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read inventory {inv}: {e}"))?;
        opts.inventory = Some(Inventory::parse(inv, &text));
    }
    let mut files = a.files.clone();
    if files.is_empty() {
        let defaults: Vec<PathBuf> = if env.default_files.is_empty() {
            DEFAULT_FILES_V9
                .iter()
                .filter(|f| dialect == Dialect::V9 || !f.contains("-90"))
                .map(PathBuf::from)
                .collect()
        } else {
            env.default_files.clone()
        };
        match defaults.iter().find(|p| p.is_file()) {
            Some(p) => files.push(p.display().to_string()),
            None => {
                return Err(format!(
                    "no configuration file found (looked for {}); name one, or use -c FILE",
                    defaults
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            }
        }
    }
    let popts = ParseOptions::new(dialect);
    let mut report = Report {
        dialect,
        files: Vec::new(),
        findings: Vec::new(),
    };
    let mut fixes = Vec::new();
    let mut refused = false;
    let mut stdin_read = false;
    for f in &files {
        let config = if f == "-" {
            if stdin_read {
                return Err("standard input can be linted only once".into());
            }
            stdin_read = true;
            let mut text = String::new();
            env.stdin
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            parse_str("STDIN", &text, &popts)
        } else {
            let path = resolve(&env.cwd, f);
            parse_file(&path, &popts).map_err(|e| format!("cannot read {f}: {e}"))?
        };
        report.files.push(if f == "-" {
            "STDIN".into()
        } else {
            crate::lint::finding::display_path(config.main_name(), &env.cwd)
        });
        let findings = lint_config(&config, &opts);
        if a.fix {
            if findings
                .iter()
                .any(|x| x.rule.id == "DRBD001" && x.severity == Severity::Error)
            {
                let _ = writeln!(
                    stderr,
                    "drbdadm lint: not fixing {}: it has syntax errors (DRBD001); correct those first",
                    report.files.last().map_or("", String::as_str)
                );
                report.findings.extend(findings);
                refused = true;
                continue;
            }
            fixes.extend(fix::fixes(&config, &env.cwd));
        }
        report.findings.extend(findings);
    }
    crate::lint::finding::sort(&mut report.findings);
    if a.fix {
        let code = write_fixes(&fixes, a.write, stdout, stderr)?;
        return Ok(if refused && code == EXIT_CLEAN {
            EXIT_ERRORS
        } else {
            code
        });
    }
    render::write(&report, a.format.unwrap_or(Format::Human), tty, stdout)
        .map_err(|e| format!("cannot write output: {e}"))?;
    let s = report.summary();
    Ok(if s.errors > 0 {
        EXIT_ERRORS
    } else if s.warnings > 0 && a.deny_warnings {
        EXIT_WARNINGS
    } else {
        EXIT_CLEAN
    })
}

fn resolve(cwd: &Path, f: &str) -> PathBuf {
    let p = Path::new(f);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    }
}

fn write_fixes(
    fixes: &[fix::FileFix],
    write: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<i32, String> {
    for f in fixes {
        stdout
            .write_all(f.diff().as_bytes())
            .map_err(|e| format!("cannot write output: {e}"))?;
    }
    let mut code = EXIT_CLEAN;
    if write {
        for f in fixes {
            match &f.path {
                Some(p) => {
                    std::fs::write(p, &f.new)
                        .map_err(|e| format!("cannot write {}: {e}", f.display))?;
                    let _ = writeln!(stderr, "drbdadm lint: rewrote {}", f.display);
                }
                None => {
                    let _ = writeln!(stderr, "drbdadm lint: cannot write {} back", f.display);
                    code = EXIT_USAGE;
                }
            }
        }
    } else if !fixes.is_empty() {
        let _ = writeln!(
            stderr,
            "drbdadm lint: {} file{} would change; run with --fix --write to apply",
            fixes.len(),
            if fixes.len() == 1 { "" } else { "s" }
        );
    } else {
        let _ = writeln!(stderr, "drbdadm lint: nothing to fix");
    }
    Ok(code)
}
