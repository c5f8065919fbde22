//! drbdadm's command line, parsed as upstream's `parse_options()` (user/v9/drbdadm_main.c
//! and user/v84/drbdadm_main.c) does with glibc's `getopt_long()`: options may come
//! anywhere (the other words keep their order), long options may be abbreviated to a
//! unique prefix, and `--` ends the options. Of the other words, the first that names a
//! command of the personality is the command, later words are resource names, `help` asks
//! for the usage, and words before the command pass to the backend unvalidated.
//!
//! getopt knows drbdadm's own options ([`GENERAL`]) and the backend options (`--force`,
//! `--max-peers=N`, ...) of every command in the personality's table; whether a backend
//! option belongs to the command given is checked afterwards ([`Cli::unknown_backend`]).

use conf_parser::Dialect;

use crate::table::{self, CmdDef};

/// Whether an option takes a value (getopt's `has_arg`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HasArg {
    /// `--stacked`.
    No,
    /// `--config-file=FILE` or `--config-file FILE`.
    Required,
    /// `--force` or `--force=yes`, never `--force yes`.
    Optional,
}

/// One of drbdadm's own options (upstream's `general_admopt[]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneralOpt {
    /// The long name.
    pub long: &'static str,
    /// The short letter.
    pub short: char,
    /// Whether it takes a value.
    pub arg: HasArg,
    /// The DRBD 9 personality has it.
    pub v9: bool,
    /// The 8.4 personality has it.
    pub v84: bool,
}

const fn general_opt(
    long: &'static str,
    short: char,
    arg: HasArg,
    v9: bool,
    v84: bool,
) -> GeneralOpt {
    GeneralOpt {
        long,
        short,
        arg,
        v9,
        v84,
    }
}

/// drbdadm's own options, in upstream's order (the usage lists them so).
pub const GENERAL: &[GeneralOpt] = &[
    general_opt("stacked", 'S', HasArg::No, true, true),
    general_opt("dry-run", 'd', HasArg::No, true, true),
    general_opt("verbose", 'v', HasArg::No, true, true),
    general_opt("config-file", 'c', HasArg::Required, true, true),
    general_opt("config-to-test", 't', HasArg::Required, true, true),
    general_opt("config-to-exclude", 'E', HasArg::Required, true, false),
    general_opt("drbdsetup", 's', HasArg::Required, true, true),
    general_opt("drbdmeta", 'm', HasArg::Required, true, true),
    general_opt("drbd-proxy-ctl", 'p', HasArg::Required, true, true),
    general_opt("sh-varname", 'n', HasArg::Required, true, true),
    general_opt("peer", 'P', HasArg::Required, false, true),
    general_opt("version", 'V', HasArg::No, true, true),
    general_opt("setup-option", 'W', HasArg::Required, true, true),
    general_opt("help", 'h', HasArg::No, true, true),
];

/// The general options of a personality, in order.
pub fn general(dialect: Dialect) -> impl Iterator<Item = &'static GeneralOpt> {
    GENERAL.iter().filter(move |g| match dialect {
        Dialect::V9 => g.v9,
        Dialect::V84 => g.v84,
    })
}

/// The parsed command line.
#[derive(Clone, Debug, Default)]
pub struct Cli {
    /// `-S`
    pub stacked: bool,
    /// `-d`
    pub dry_run: bool,
    /// `-v` (repeatable)
    pub verbose: u8,
    /// `-c FILE`
    pub config: Option<String>,
    /// `-t FILE`
    pub config_to_test: Vec<String>,
    /// `-E FILE`
    pub config_to_exclude: Vec<String>,
    /// `-s PATH`
    pub drbdsetup: Option<String>,
    /// `-m PATH`
    pub drbdmeta: Option<String>,
    /// `-p PATH`
    pub proxy_ctl: Option<String>,
    /// `-n NAME`
    pub sh_varname: Option<String>,
    /// `-h` or the word `help`
    pub help: bool,
    /// `-P HOST` (8.4)
    pub peer: Option<String>,
    /// Backend options given as `--name[=value]`, checked against the command.
    pub backend: Vec<String>,
    /// Unchecked backend options: `-W OPT` and stray words before the command.
    pub unvalidated: Vec<String>,
    /// Both kinds as they came, `true` for the checked ones (8.4 passes them on so).
    arrival: Vec<bool>,
    /// The first word that is not an option (upstream names it when there is no command).
    pub first_word: Option<String>,
    /// The command.
    pub command: Option<&'static CmdDef>,
    /// Resource specifiers.
    pub resources: Vec<String>,
}

impl Cli {
    /// The backend options in the order upstream passes them on: DRBD 9 puts the unchecked
    /// ones first, 8.4 keeps the order they came in. Repeats stay.
    pub fn backend_options(&self, dialect: Dialect) -> Vec<String> {
        match dialect {
            Dialect::V9 => self
                .unvalidated
                .iter()
                .chain(&self.backend)
                .cloned()
                .collect(),
            Dialect::V84 => {
                let (mut checked, mut unchecked) = (self.backend.iter(), self.unvalidated.iter());
                self.arrival
                    .iter()
                    .filter_map(|&c| if c { checked.next() } else { unchecked.next() })
                    .cloned()
                    .collect()
            }
        }
    }

    fn push_checked(&mut self, opt: String) {
        self.backend.push(opt);
        self.arrival.push(true);
    }

    fn push_unchecked(&mut self, opt: String) {
        self.unvalidated.push(opt);
        self.arrival.push(false);
    }

    /// The first backend option given as `--name` that the command does not take, cut at
    /// its `=` (upstream compares names exactly here, after getopt's prefix matching).
    pub fn unknown_backend(&self, dialect: Dialect) -> Option<&str> {
        let cmd = self.command?;
        self.backend.iter().find_map(|b| {
            let opt = b.split('=').next().unwrap_or(b);
            let name = opt.strip_prefix("--").unwrap_or(opt);
            (!cmd.fields.knows(dialect, name)).then_some(opt)
        })
    }
}

/// Why parsing ends the run early, as upstream's `parse_options()` exits or returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// getopt refused an option (the message, without the program name).
    Getopt(String),
    /// `-V`: print the version.
    Version,
    /// The word `hidden-commands`: print them.
    HiddenCommands,
    /// `-c FILE` names a file that cannot be opened.
    CannotOpen(String),
    /// `-s`, `-m` or `-p` names a file that is not executable.
    NoTool,
    /// A resource name is empty or holds control characters (the message).
    BadResourceName(&'static str),
}

/// What the parser asks of the file system (upstream opens `-c` and checks `-s`/`-m`/`-p`
/// while parsing).
pub trait Files {
    /// The file can be opened for reading.
    fn opens(&self, path: &str) -> bool;
    /// The file is executable.
    fn executable(&self, path: &str) -> bool;
}

/// The real file system.
pub struct RealFiles;

impl Files for RealFiles {
    fn opens(&self, path: &str) -> bool {
        std::fs::File::open(path).is_ok()
    }

    fn executable(&self, path: &str) -> bool {
        nix::unistd::access(path, nix::unistd::AccessFlags::X_OK).is_ok()
    }
}

/// The outcome of parsing, with the warnings upstream prints on the way.
#[derive(Debug)]
pub struct Parsed {
    /// Lines for stderr, in order (deprecated command names, an ignored `-n`).
    pub notes: Vec<String>,
    /// The command line, or why the run ends here.
    pub outcome: Result<Cli, Stop>,
}

/// A long option getopt knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LongOpt {
    General(&'static GeneralOpt),
    Backend(&'static str, HasArg),
}

impl LongOpt {
    fn name(self) -> &'static str {
        match self {
            LongOpt::General(g) => g.long,
            LongOpt::Backend(n, _) => n,
        }
    }

    fn has_arg(self) -> HasArg {
        match self {
            LongOpt::General(g) => g.arg,
            LongOpt::Backend(_, a) => a,
        }
    }

    /// What getopt returns for it: the short letter, or one value for all backend options.
    fn val(self) -> Option<char> {
        match self {
            LongOpt::General(g) => Some(g.short),
            LongOpt::Backend(..) => None,
        }
    }
}

/// Upstream's `admopt[]`: the general options, then every backend field of every command
/// in table order (`recognize_all_drbdsetup_options()`), repeats included.
fn long_options(dialect: Dialect) -> Vec<LongOpt> {
    let mut v: Vec<LongOpt> = general(dialect).map(LongOpt::General).collect();
    for cmd in table::table(dialect) {
        for f in cmd.fields.fields(dialect) {
            let arg = if f.optional_value {
                HasArg::Optional
            } else {
                HasArg::Required
            };
            v.push(LongOpt::Backend(f.name, arg));
        }
    }
    v
}

/// glibc's long option look-up: an exact name wins; otherwise a prefix of one option, or of
/// several that all behave the same (same `has_arg` and value), picks the first of them.
fn find_long(opts: &[LongOpt], body: &str) -> Result<LongOpt, String> {
    let name = body.split('=').next().unwrap_or(body);
    if let Some(o) = opts.iter().find(|o| o.name() == name) {
        return Ok(*o);
    }
    let matches: Vec<LongOpt> = opts
        .iter()
        .copied()
        .filter(|o| o.name().starts_with(name))
        .collect();
    let Some(first) = matches.first().copied() else {
        return Err(format!("unrecognized option '--{body}'"));
    };
    let differ = |o: &LongOpt| o.has_arg() != first.has_arg() || o.val() != first.val();
    if matches.iter().any(differ) {
        let listed: Vec<String> = std::iter::once(first)
            .chain(matches.iter().copied().skip(1).filter(differ))
            .map(|o| format!("'--{}'", o.name()))
            .collect();
        return Err(format!(
            "option '--{body}' is ambiguous; possibilities: {}",
            listed.join(" ")
        ));
    }
    Ok(first)
}

/// Upstream's `ensure_sanity_of_res_name()`.
fn check_resource_name(name: &str) -> Result<(), Stop> {
    if name.is_empty() {
        return Err(Stop::BadResourceName("Resource name is empty."));
    }
    if name.bytes().any(|b| b < b' ' || b == 0x7f) {
        return Err(Stop::BadResourceName(
            "Resource name is invalid - please don't use control characters.",
        ));
    }
    Ok(())
}

/// Parses `args` (without argv[0]) for a personality; `progname` appears in warnings.
pub fn parse(args: &[String], dialect: Dialect, progname: &str, files: &dyn Files) -> Parsed {
    let mut notes = Vec::new();
    let outcome = parse_inner(args, dialect, progname, files, &mut notes);
    Parsed { notes, outcome }
}

fn parse_inner(
    args: &[String],
    dialect: Dialect,
    progname: &str,
    files: &dyn Files,
    notes: &mut Vec<String>,
) -> Result<Cli, Stop> {
    let opts = long_options(dialect);
    let mut cli = Cli::default();
    let mut words: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if a == "--" {
            words.extend(args[i..].iter().cloned());
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
            let opt = find_long(&opts, body).map_err(Stop::Getopt)?;
            let inline = body.split_once('=').map(|(_, v)| v.to_string());
            let value = match (opt.has_arg(), inline) {
                (HasArg::No, Some(_)) => {
                    return Err(Stop::Getopt(format!(
                        "option '--{}' doesn't allow an argument",
                        opt.name()
                    )))
                }
                (HasArg::Required, None) => {
                    let v = args.get(i).cloned().ok_or_else(|| {
                        Stop::Getopt(format!("option '--{}' requires an argument", opt.name()))
                    })?;
                    i += 1;
                    Some(v)
                }
                (_, v) => v,
            };
            match opt {
                LongOpt::General(g) => general_option(&mut cli, g.short, value, files, notes)?,
                LongOpt::Backend(name, _) => cli.push_checked(match value {
                    Some(v) => format!("--{name}={v}"),
                    None => format!("--{name}"),
                }),
            }
            continue;
        }
        if a.len() > 1 && a.starts_with('-') {
            let mut rest = &a[1..];
            while let Some(c) = rest.chars().next() {
                rest = &rest[c.len_utf8()..];
                let Some(g) = general(dialect).find(|g| g.short == c) else {
                    return Err(Stop::Getopt(format!("invalid option -- '{c}'")));
                };
                if g.arg == HasArg::No {
                    general_option(&mut cli, c, None, files, notes)?;
                    continue;
                }
                let value = if !rest.is_empty() {
                    rest.to_string()
                } else {
                    let v = args.get(i).cloned().ok_or_else(|| {
                        Stop::Getopt(format!("option requires an argument -- '{c}'"))
                    })?;
                    i += 1;
                    v
                };
                general_option(&mut cli, c, Some(value), files, notes)?;
                break;
            }
            continue;
        }
        words.push(a.clone());
    }
    cli.first_word = words.first().cloned();
    for w in words {
        if cli.command.is_some() {
            check_resource_name(&w)?;
            cli.resources.push(w);
        } else if w == "help" {
            cli.help = true;
        } else if w == "hidden-commands" {
            return Err(Stop::HiddenCommands);
        } else {
            let name = match table::deprecated(&w) {
                Some(new) => {
                    notes.push(format!(
                        "'{progname} {w}' is deprecated, use '{progname} {new}' instead."
                    ));
                    new
                }
                None => w.as_str(),
            };
            match table::find(dialect, name) {
                Some(cmd) => cli.command = Some(cmd),
                // Passing drbdsetup options like this is discouraged, but works.
                None => cli.push_unchecked(w),
            }
        }
    }
    Ok(cli)
}

/// One of drbdadm's own options, by its letter.
fn general_option(
    cli: &mut Cli,
    letter: char,
    value: Option<String>,
    files: &dyn Files,
    notes: &mut Vec<String>,
) -> Result<(), Stop> {
    let v = value.unwrap_or_default();
    match letter {
        'S' => cli.stacked = true,
        'd' => cli.dry_run = true,
        'v' => cli.verbose = cli.verbose.saturating_add(1),
        'c' => {
            if v != "-" && !files.opens(&v) {
                return Err(Stop::CannotOpen(v));
            }
            cli.config = Some(v);
        }
        't' => cli.config_to_test.push(v),
        'E' => cli.config_to_exclude.push(v),
        's' | 'm' | 'p' => {
            if !files.executable(&v) {
                return Err(Stop::NoTool);
            }
            match letter {
                's' => cli.drbdsetup = Some(v),
                'm' => cli.drbdmeta = Some(v),
                _ => cli.proxy_ctl = Some(v),
            }
        }
        'n' => {
            if v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                cli.sh_varname = Some(v);
            } else {
                notes.push(format!(
                    "ignored --sh-varname={v}: contains suspect characters, allowed set is [a-zA-Z0-9_]"
                ));
            }
        }
        'P' => cli.peer = Some(v),
        'V' => return Err(Stop::Version),
        'W' => cli.push_unchecked(v),
        _ => cli.help = true,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoFiles;

    impl Files for NoFiles {
        fn opens(&self, path: &str) -> bool {
            path != "missing.conf"
        }
        fn executable(&self, path: &str) -> bool {
            path != "/nonexistent"
        }
    }

    fn run(dialect: Dialect, s: &str) -> Result<Cli, Stop> {
        let v: Vec<String> = s.split_whitespace().map(String::from).collect();
        parse(&v, dialect, "drbdadm", &NoFiles).outcome
    }

    fn p(s: &str) -> Cli {
        run(Dialect::V9, s).expect("parses")
    }

    #[test]
    fn options_anywhere_words_in_order() {
        let c = p("-c ./man.res up -d r0");
        assert_eq!(c.config.as_deref(), Some("./man.res"));
        assert!(c.dry_run);
        assert_eq!(c.command.map(|c| c.name), Some("up"));
        assert_eq!(c.resources, vec!["r0"]);
        let c = p("-- --overwrite-data-of-peer primary r0");
        assert_eq!(c.unvalidated, vec!["--overwrite-data-of-peer"]);
        assert_eq!(c.command.map(|c| c.name), Some("primary"));
        let c = p("-d create-md --force --max-peers 7 r0/0");
        assert_eq!(c.backend, vec!["--force", "--max-peers=7"]);
        let c = p("r0 up");
        assert_eq!(c.unvalidated, vec!["r0"]);
        assert!(c.resources.is_empty());
        assert_eq!(c.first_word.as_deref(), Some("r0"));
    }

    #[test]
    fn long_options_by_unique_prefix() {
        let c = p("--dry up r0");
        assert!(c.dry_run);
        // Several backend options of the same kind: the first in table order.
        let c = p("primary --forc r0");
        assert_eq!(c.backend, vec!["--force"]);
        let e = run(Dialect::V9, "--s up r0").unwrap_err();
        assert!(
            matches!(&e, Stop::Getopt(m) if m.starts_with("option '--s' is ambiguous; possibilities: '--stacked' '--sh-varname'")),
            "{e:?}"
        );
        let e = run(Dialect::V9, "--bogus=1 up r0").unwrap_err();
        assert_eq!(e, Stop::Getopt("unrecognized option '--bogus=1'".into()));
        let e = run(Dialect::V9, "--stacked=1 up r0").unwrap_err();
        assert_eq!(
            e,
            Stop::Getopt("option '--stacked' doesn't allow an argument".into())
        );
    }

    #[test]
    fn personalities_have_their_own_options() {
        assert_eq!(
            run(Dialect::V9, "-P bravo up r0").unwrap_err(),
            Stop::Getopt("invalid option -- 'P'".into())
        );
        assert_eq!(
            run(Dialect::V84, "-E x.res up r0").unwrap_err(),
            Stop::Getopt("invalid option -- 'E'".into())
        );
        assert_eq!(
            run(Dialect::V84, "-P bravo up r0")
                .expect("parses")
                .peer
                .as_deref(),
            Some("bravo")
        );
        // A command of the other personality is a stray word.
        let c = run(Dialect::V84, "new-peer r0").expect("parses");
        assert!(c.command.is_none());
        assert_eq!(c.unvalidated, vec!["new-peer", "r0"]);
    }

    #[test]
    fn early_stops_in_order() {
        assert_eq!(run(Dialect::V9, "-V --bogus").unwrap_err(), Stop::Version);
        assert!(matches!(
            run(Dialect::V9, "--bogus -V").unwrap_err(),
            Stop::Getopt(_)
        ));
        assert_eq!(
            run(Dialect::V9, "-c missing.conf -V").unwrap_err(),
            Stop::CannotOpen("missing.conf".into())
        );
        assert_eq!(
            run(Dialect::V9, "-s /nonexistent up r0").unwrap_err(),
            Stop::NoTool
        );
        assert_eq!(
            run(Dialect::V9, "x hidden-commands").unwrap_err(),
            Stop::HiddenCommands
        );
        // After the command, hidden-commands is a resource name.
        assert_eq!(p("up hidden-commands").resources, vec!["hidden-commands"]);
    }

    #[test]
    fn words_help_and_deprecated_names() {
        let c = p("help up");
        assert!(c.help);
        assert_eq!(c.command.map(|c| c.name), Some("up"));
        let v = vec!["state".to_string(), "r0".to_string()];
        let parsed = parse(&v, Dialect::V9, "drbdadm", &NoFiles);
        assert_eq!(
            parsed.notes,
            vec!["'drbdadm state' is deprecated, use 'drbdadm role' instead."]
        );
        assert_eq!(
            parsed.outcome.expect("parses").command.map(|c| c.name),
            Some("role")
        );
        let c = p("-n bad-name sh-nop");
        assert_eq!(c.sh_varname, None);
    }

    #[test]
    fn backend_options_in_upstreams_order() {
        // getopt takes the options first, the stray word "x" after them.
        let c = p("-W--a x primary --force -W--b r0");
        assert_eq!(c.resources, vec!["r0"]);
        assert_eq!(
            c.backend_options(Dialect::V9),
            vec!["--a", "--b", "x", "--force"]
        );
        let c = run(Dialect::V84, "-W--a x primary --force -W--b r0").expect("parses");
        assert_eq!(
            c.backend_options(Dialect::V84),
            vec!["--a", "--force", "--b", "x"]
        );
    }

    #[test]
    fn backend_options_checked_against_the_command() {
        let c = p("primary --force --size=1G r0");
        assert_eq!(c.unknown_backend(Dialect::V9), Some("--size"));
        let c = p("primary --force r0");
        assert_eq!(c.unknown_backend(Dialect::V9), None);
        let c = run(Dialect::V84, "resize --size=1G r0").expect("parses");
        assert_eq!(c.unknown_backend(Dialect::V84), Some("--size"));
    }
}
