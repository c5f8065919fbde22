//! The texts drbdadm prints about itself, laid out as upstream's (user/v9/drbdadm_main.c
//! and user/v84/drbdadm_main.c): the usage (`print_usage_and_exit()`), the hidden
//! commands (`hidden_cmds()`) and `--version`. The options and commands listed come from
//! [`crate::cli::GENERAL`] and the command table.

use conf_parser::Dialect;

use crate::cli::{self, HasArg};
use crate::env::Version;
use crate::table::{self, CmdDef};

/// The drbd-utils release whose behaviour we follow (upstream's `PACKAGE_VERSION`).
pub const UTILS_VERSION: Version = Version(9, 34, 0);

/// Upstream's `API_VERSION`: the genl API of the personality.
pub fn api_version(dialect: Dialect) -> u32 {
    match dialect {
        Dialect::V9 => 2,
        Dialect::V84 => 1,
    }
}

/// Upstream's `drbd_buildtag()`: which build this is. Ours has no git hash baked in, so it
/// names the drbd-rs release instead.
pub fn build_tag() -> String {
    format!("GIT-hash: drbd-rs {}", env!("CARGO_PKG_VERSION"))
}

/// One option line: `  --name=..., -c ...`, `  --name[=...]` or `  --name, -c`.
fn option_line(out: &mut String, name: &str, short: Option<char>, arg: HasArg) {
    let (value, short_value) = match arg {
        HasArg::Required => ("=...", " ..."),
        HasArg::Optional => ("[=...]", "..."),
        HasArg::No => ("", ""),
    };
    out.push_str(&format!("  --{name}{value}"));
    if let Some(c) = short {
        out.push_str(&format!(", -{c}{short_value}"));
    }
    out.push('\n');
}

/// The usage: for one command (its own options) or for none (the command list), with a
/// closing remark such as "No resource names specified".
pub fn usage(
    progname: &str,
    dialect: Dialect,
    cmd: Option<&CmdDef>,
    addinfo: Option<&str>,
) -> String {
    let mut out = format!(
        "\nUSAGE: {progname} {} [OPTION...] {{all|RESOURCE...}}\n\nGENERAL OPTIONS:\n",
        cmd.map_or("COMMAND", |c| c.name)
    );
    for g in cli::general(dialect) {
        option_line(&mut out, g.long, Some(g.short), g.arg);
    }
    match cmd {
        Some(c) if c.fields.has_context() => {
            out.push_str(&format!("\nOPTIONS FOR {}:\n", c.name));
            for f in c.fields.fields(dialect).iter().filter(|f| !f.extension) {
                let arg = if f.optional_value {
                    HasArg::Optional
                } else {
                    HasArg::Required
                };
                option_line(&mut out, f.name, None, arg);
            }
        }
        Some(_) => {}
        None => {
            out.push_str("\nCOMMANDS:\n");
            command_columns(&mut out, dialect, 1);
        }
    }
    out.push_str(&format!(
        "\nVersion: {UTILS_VERSION} (api:{})\n{}\n",
        api_version(dialect),
        build_tag()
    ));
    if let Some(a) = addinfo {
        out.push_str(&format!("\n{a}\n"));
    }
    out
}

/// `drbdadm hidden-commands`: the shell helpers, the handlers and the expert commands.
pub fn hidden_commands(dialect: Dialect) -> String {
    let mut out = String::from(
        "\nThese additional commands might be useful for writing\nnifty shell scripts around drbdadm:\n\n",
    );
    command_columns(&mut out, dialect, 2);
    out.push_str(
        "\nThese commands are used by the kernel part of DRBD to\ninvoke user mode helper programs:\n\n",
    );
    command_columns(&mut out, dialect, 3);
    out.push_str("\nThese commands ought to be used by experts and developers:\n\n");
    command_columns(&mut out, dialect, 4);
    out.push('\n');
    out
}

/// The commands shown at `level`, in two columns 35 wide (`print_cmds()`): DRBD 9 sorts
/// them and fills the left column first; 8.4 keeps table order and fills row by row.
fn command_columns(out: &mut String, dialect: Dialect, level: u8) {
    let mut names: Vec<&str> = table::table(dialect)
        .iter()
        .filter(|c| c.flags.show == level && !c.flags.extension)
        .map(|c| c.name)
        .collect();
    match dialect {
        Dialect::V9 => {
            names.sort_unstable();
            let half = names.len().div_ceil(2);
            for (i, left) in names[..half].iter().enumerate() {
                match names.get(i + half) {
                    Some(right) => out.push_str(&format!(" {left:<35} {right:<35}\n")),
                    None => out.push_str(&format!(" {left:<35}\n")),
                }
            }
        }
        Dialect::V84 => {
            for pair in names.chunks(2) {
                out.push_str(&format!(" {:<35}", pair[0]));
                if let Some(right) = pair.get(1) {
                    out.push_str(&format!("{right:<35}"));
                }
                out.push('\n');
            }
        }
    }
}

/// `drbdadm --version`, as `KEY=value` lines. DRBD 9 names the module's version as the
/// driver reports it (`0` without a module); 8.4 reads only `/proc/drbd` and gives the code.
pub fn version(dialect: Dialect, kernel: Option<Version>) -> String {
    let code = kernel.map_or(0, Version::code);
    let mut out = format!(
        "DRBDADM_BUILDTAG={}\nDRBDADM_API_VERSION={}\nDRBD_KERNEL_VERSION_CODE=0x{code:06x}\n",
        crate::plan::shell_escape(&build_tag()),
        api_version(dialect)
    );
    if dialect == Dialect::V9 {
        match kernel {
            Some(k) => out.push_str(&format!("DRBD_KERNEL_VERSION={k}\n")),
            None => out.push_str("DRBD_KERNEL_VERSION=0\n"),
        }
    }
    out.push_str(&format!(
        "DRBDADM_VERSION_CODE=0x{:06x}\nDRBDADM_VERSION={UTILS_VERSION}\n",
        UTILS_VERSION.code()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_usage_lists_the_context() {
        let up = table::find(Dialect::V9, "primary").expect("primary");
        let u = usage(
            "drbdadm",
            Dialect::V9,
            Some(up),
            Some("No resource names specified"),
        );
        assert!(u.starts_with("\nUSAGE: drbdadm primary [OPTION...] {all|RESOURCE...}\n\nGENERAL OPTIONS:\n  --stacked, -S\n"));
        assert!(u.contains("  --config-file=..., -c ...\n"));
        assert!(u.contains("\nOPTIONS FOR primary:\n  --force[=...]\n"));
        assert!(u.ends_with("\nNo resource names specified\n"));
        assert!(!u.contains("--peer="));
        let u84 = usage("drbdadm", Dialect::V84, Some(up), None);
        assert!(u84.contains("  --peer=..., -P ...\n"));
        assert!(!u84.contains("config-to-exclude"));
        assert!(u84.contains("(api:1)"));
        // No context: no options section.
        let down = table::find(Dialect::V9, "down").expect("down");
        assert!(!usage("drbdadm", Dialect::V9, Some(down), None).contains("OPTIONS FOR"));
    }

    #[test]
    fn columns_as_upstream() {
        let h = hidden_commands(Dialect::V9);
        // Sorted, left column first: the first row pairs the first and the middle name.
        let first = h.lines().nth(4).expect("a row");
        assert!(first.starts_with(" new-resource"), "{first:?}");
        assert_eq!(first.len(), 72);
        let h84 = hidden_commands(Dialect::V84);
        let first = h84.lines().nth(4).expect("a row");
        assert!(
            first.starts_with(" sh-nop                             sh-resources"),
            "{first:?}"
        );
        assert!(!usage("drbdadm", Dialect::V9, None, None).contains(" lint"));
    }

    #[test]
    fn version_lines_per_personality() {
        let v = version(Dialect::V9, None);
        assert!(v.contains("\nDRBD_KERNEL_VERSION_CODE=0x000000\nDRBD_KERNEL_VERSION=0\n"));
        assert!(v.ends_with("DRBDADM_VERSION_CODE=0x092200\nDRBDADM_VERSION=9.34.0\n"));
        let v = version(Dialect::V84, Some(Version(8, 4, 11)));
        assert!(v.contains(
            "DRBDADM_API_VERSION=1\nDRBD_KERNEL_VERSION_CODE=0x08040b\nDRBDADM_VERSION_CODE="
        ));
    }
}
