//! drbdadm's command line, parsed like upstream's getopt loop (`parse_options()`,
//! `user/v9/drbdadm_main.c`): general options anywhere, the first word naming a command is
//! the command, later words are resource specifiers, `--` ends option parsing, and words
//! before the command that are not commands pass to the backend unvalidated.
//! Backend options (`--force`, `--max-peers=N`, ...) are every option the option table
//! knows for drbdsetup/drbdmeta commands.

use conf_parser::options::{self, ValueType};

/// The parsed command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    /// `-V`
    pub version: bool,
    /// `-h`
    pub help: bool,
    /// `-P HOST` (8.4)
    pub peer: Option<String>,
    /// Backend options given as `--name[=value]`, validated later against the command.
    pub backend: Vec<String>,
    /// Unvalidated backend options: `-W OPT` and stray words before the command.
    pub unvalidated: Vec<String>,
    /// The command.
    pub command: Option<String>,
    /// Resource specifiers.
    pub resources: Vec<String>,
}

/// A usage error (exit code 1).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn needs_arg(name: &str) -> Option<bool> {
    // drbdadm's own adjust options (upstream's `adjust_ctx`), not in the option table.
    if matches!(name, "skip-disk" | "skip-net") {
        return Some(false);
    }
    let rows: Vec<_> = options::OPTIONS.iter().filter(|o| o.name == name).collect();
    if rows.is_empty() {
        return None;
    }
    let flaglike = rows.iter().all(|o| {
        [o.v9, o.v84]
            .iter()
            .flatten()
            .all(|s| matches!(s.ty, ValueType::Flag | ValueType::Bool { .. }))
    });
    Some(!flaglike)
}

/// Parses `args` (without argv[0]); `is_command` says which words are commands.
pub fn parse(args: &[String], is_command: impl Fn(&str) -> bool) -> Result<Cli, UsageError> {
    let mut cli = Cli::default();
    let mut i = 0;
    let mut options_done = false;
    let short_with_arg = |c: char| matches!(c, 'c' | 't' | 'E' | 's' | 'm' | 'p' | 'n' | 'W' | 'P');
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if !options_done && a == "--" {
            options_done = true;
            continue;
        }
        if !options_done && a.starts_with("--") && a.len() > 2 {
            let body = &a[2..];
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            let mut take = |what: &str| -> Result<String, UsageError> {
                if let Some(v) = &inline {
                    return Ok(v.clone());
                }
                let v = args
                    .get(i)
                    .cloned()
                    .ok_or_else(|| UsageError(format!("option '--{what}' requires an argument")))?;
                i += 1;
                Ok(v)
            };
            match name {
                "stacked" => cli.stacked = true,
                "dry-run" => cli.dry_run = true,
                "verbose" => cli.verbose += 1,
                "config-file" => cli.config = Some(take(name)?),
                "config-to-test" => cli.config_to_test.push(take(name)?),
                "config-to-exclude" => cli.config_to_exclude.push(take(name)?),
                "drbdsetup" => cli.drbdsetup = Some(take(name)?),
                "drbdmeta" => cli.drbdmeta = Some(take(name)?),
                "drbd-proxy-ctl" => cli.proxy_ctl = Some(take(name)?),
                "sh-varname" => cli.sh_varname = Some(take(name)?),
                "setup-option" => cli.unvalidated.push(take(name)?),
                "peer" => cli.peer = Some(take(name)?),
                "version" => cli.version = true,
                "help" => cli.help = true,
                _ => match needs_arg(name) {
                    Some(true) => {
                        let v = take(name)?;
                        cli.backend.push(format!("--{name}={v}"));
                    }
                    Some(false) => cli.backend.push(a.clone()),
                    None => return Err(UsageError(format!("unrecognized option '--{name}'"))),
                },
            }
            continue;
        }
        if !options_done && a.starts_with('-') && a.len() > 1 {
            let chars: Vec<char> = a[1..].chars().collect();
            let mut k = 0;
            while k < chars.len() {
                let c = chars[k];
                k += 1;
                if short_with_arg(c) {
                    let rest: String = chars[k..].iter().collect();
                    let v = if !rest.is_empty() {
                        rest
                    } else {
                        let v = args.get(i).cloned().ok_or_else(|| {
                            UsageError(format!("option requires an argument -- '{c}'"))
                        })?;
                        i += 1;
                        v
                    };
                    match c {
                        'c' => cli.config = Some(v),
                        't' => cli.config_to_test.push(v),
                        'E' => cli.config_to_exclude.push(v),
                        's' => cli.drbdsetup = Some(v),
                        'm' => cli.drbdmeta = Some(v),
                        'p' => cli.proxy_ctl = Some(v),
                        'n' => cli.sh_varname = Some(v),
                        'W' => cli.unvalidated.push(v),
                        _ => cli.peer = Some(v),
                    }
                    break;
                }
                match c {
                    'S' => cli.stacked = true,
                    'd' => cli.dry_run = true,
                    'v' => cli.verbose += 1,
                    'V' => cli.version = true,
                    'h' => cli.help = true,
                    _ => return Err(UsageError(format!("invalid option -- '{c}'"))),
                }
            }
            continue;
        }
        // A non-option word.
        if cli.command.is_none() {
            if is_command(a) {
                cli.command = Some(a.clone());
            } else if a == "help" {
                cli.help = true;
            } else {
                cli.unvalidated.push(a.clone());
            }
        } else {
            cli.resources.push(a.clone());
        }
    }
    if let Some(v) = &cli.sh_varname {
        if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(UsageError(format!(
                "'{v}' is not a valid shell variable name"
            )));
        }
    }
    Ok(cli)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Cli {
        let v: Vec<String> = s.split_whitespace().map(String::from).collect();
        parse(&v, |w| ["up", "primary", "dump", "create-md"].contains(&w)).expect("parses")
    }

    #[test]
    fn getopt_like_parsing() {
        let c = p("-c ./man.res up -d r0");
        assert_eq!(c.config.as_deref(), Some("./man.res"));
        assert!(c.dry_run);
        assert_eq!(c.command.as_deref(), Some("up"));
        assert_eq!(c.resources, vec!["r0"]);
        let c = p("-- --overwrite-data-of-peer primary r0");
        assert_eq!(c.unvalidated, vec!["--overwrite-data-of-peer"]);
        assert_eq!(c.command.as_deref(), Some("primary"));
        let c = p("-d -c ./man.res create-md --force --initial-current-uuid=deadbeef r0/0");
        assert_eq!(
            c.backend,
            vec!["--force", "--initial-current-uuid=deadbeef"]
        );
    }
}
