//! The help texts, generated from the command table ([`crate::commands`]) and the option
//! table (`conf_parser::options`) in upstream's three forms (`print_command_usage()` in
//! `user/v9/drbdsetup.c` and `user/v84/drbdsetup.c`): the full usage of one command
//! (`help CMD`, `CMD --help`), the one-line entries of the command list (`drbdsetup` alone)
//! and the XML that `xml-help CMD` prints for LINSTOR and the man-page build. Each option
//! type is described as upstream's field classes do (`usage()`, `describe_xml()` in
//! `config_flags.c`).

use std::fmt::Write as _;

use conf_parser::options::{self, Dialect, OptionDef, Section, Spec, ValueType, Wire};

use crate::commands::{self, Arg, CommandDef, Ctx};
use crate::wrap::Wrap;

/// The form of a command's help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `help CMD`: the usage with every option.
    Full,
    /// One entry of the command list.
    Brief,
    /// `xml-help CMD`.
    Xml,
}

/// The options a command's help lists, in upstream's order: the command's own
/// command-line options (upstream's getopt `options` array), then the fields it sends
/// (upstream's `context_def`), the command's own parameters before the section's options.
struct HelpOptions {
    local: Vec<(&'static OptionDef, &'static Spec)>,
    fields: Vec<(&'static OptionDef, &'static Spec)>,
}

fn help_options(def: &CommandDef, dialect: Dialect) -> HelpOptions {
    let mut local = Vec::new();
    let mut fields = Vec::new();
    for (o, spec) in options::for_command(def.name, dialect) {
        // `--set-defaults` has its own place (after the local options); extensions of ours
        // are not in upstream's help.
        if spec.extension || o.name == "set-defaults" {
            continue;
        }
        if spec.nl.is_some() {
            fields.push((o, spec));
        } else {
            local.push((o, spec));
        }
    }
    fields.sort_by_key(|(_, spec)| spec.section != Section::Command);
    HelpOptions { local, fields }
}

/// Whether a local option takes an argument (getopt's `required_argument` or
/// `optional_argument`; only flags take none).
fn takes_argument(spec: &Spec) -> bool {
    !matches!(spec.ty, ValueType::Flag)
}

/// The context arguments upstream names in the help: a choice (`{resource|all}`) or a
/// sequence, and, for 8.4, the two endpoint addresses.
struct CtxArgs {
    names: &'static [&'static str],
    choice: bool,
    addresses: bool,
}

fn ctx_args(ctx: Ctx, dialect: Dialect) -> CtxArgs {
    let (names, choice, addresses): (&'static [&'static str], bool, bool) = match ctx {
        Ctx::Minor => (&["minor"], false, false),
        Ctx::Resource => (&["resource"], false, false),
        Ctx::ResourceOrAll => (&["resource", "all"], true, false),
        Ctx::MinorResourceOrAll => (&["resource", "minor", "all"], true, false),
        Ctx::PeerNode => (&["resource", "peer_node_id"], false, false),
        Ctx::PeerDevice => (&["resource", "peer_node_id", "volume"], false, false),
        // 8.4's new-minor has no context; its three arguments are plain arguments.
        Ctx::NewMinor if dialect == Dialect::V84 => (&[], false, false),
        Ctx::NewMinor => (&["resource", "minor", "volume"], false, false),
        Ctx::Connection => (&[], false, true),
        Ctx::ResourceConnection => (&["resource"], false, true),
    };
    CtxArgs {
        names,
        choice,
        addresses,
    }
}

/// The positional arguments after the context, by name.
fn arg_names(def: &CommandDef, dialect: Dialect) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    if def.ctx == Ctx::NewMinor && dialect == Dialect::V84 {
        v.extend(["resource", "minor", "volume"]);
    }
    v.extend(def.args.iter().map(Arg::name));
    v
}

/// The command list (`drbdsetup` alone, `help`, an unknown command), with `addinfo` at
/// the end as upstream's `print_usage_and_exit()`; its exit code is 20.
pub fn usage(dialect: Dialect, progname: &str, columns: u16, addinfo: Option<&str>) -> String {
    let mut w = Wrap::new(columns);
    match dialect {
        Dialect::V9 => w.raw(&format!(
            "drbdsetup - Configure the DRBD kernel module.\n\n\
             USAGE: {progname} command {{arguments}} [options]\n\nCommands:\n"
        )),
        Dialect::V84 => w.raw(&format!(
            "\nUSAGE: {progname} command device arguments options\n\n\
             Device is usually /dev/drbdX or /dev/drbd/X.\n\nCommands are:\n"
        )),
    }
    for def in commands::commands(dialect) {
        command_usage(&mut w, def, dialect, progname, Form::Brief);
    }
    match dialect {
        Dialect::V9 => w.raw("\nUse 'drbdsetup help command' for command-specific help.\n\n"),
        Dialect::V84 => {
            w.raw("\n\nTo get more details about a command issue 'drbdsetup help cmd'.\n\n")
        }
    }
    if let Some(text) = addinfo {
        w.raw(&format!("\n{text}\n"));
    }
    w.into_string()
}

/// One command's help in `form`.
pub fn command_help(
    def: &CommandDef,
    dialect: Dialect,
    progname: &str,
    columns: u16,
    form: Form,
) -> String {
    let mut w = Wrap::new(columns);
    command_usage(&mut w, def, dialect, progname, form);
    w.into_string()
}

fn command_usage(w: &mut Wrap, def: &CommandDef, dialect: Dialect, progname: &str, form: Form) {
    match (form, dialect) {
        (Form::Xml, _) => w.raw(&xml(def, dialect)),
        (Form::Brief, Dialect::V9) => {
            w.put(4, &format!("{} - ", def.name));
            if let Some(summary) = def.summary {
                w.put_words(8, summary);
            }
            w.put(4, "\n");
        }
        (Form::Brief, Dialect::V84) => w.put(4, &format!("{:<18}  ", def.name)),
        (Form::Full, Dialect::V9) => full_v9(w, def, progname),
        (Form::Full, Dialect::V84) => full_v84(w, def, progname),
    }
}

fn full_v9(w: &mut Wrap, def: &CommandDef, progname: &str) {
    let dialect = Dialect::V9;
    w.put(0, &format!("{progname} {}", def.name));
    if let Some(summary) = def.summary {
        w.put(4, &format!(" - {summary}"));
    }
    w.put(4, "\n\n");
    w.put(0, &format!("USAGE: {progname} {}", def.name));
    let ctx = ctx_args(def.ctx, dialect);
    // CTX_ALL is the only argument upstream names without braces.
    let braced = |n: &str| {
        if n == "all" {
            n.to_string()
        } else {
            format!("{{{n}}}")
        }
    };
    if ctx.choice {
        w.put(4, " {");
        for (i, n) in ctx.names.iter().enumerate() {
            if i > 0 {
                w.put(4, " |");
            }
            w.put(4, &format!(" {}", braced(n)));
        }
        w.put(4, " }");
    } else {
        for n in ctx.names {
            w.put(4, &format!(" {}", braced(n)));
        }
    }
    for n in arg_names(def, dialect) {
        w.put(4, &format!(" {{{n}}}"));
    }
    let opts = help_options(def, dialect);
    if !opts.local.is_empty() || def.set_defaults || !opts.fields.is_empty() || def.empty_option_set
    {
        w.put(4, "\n");
    }
    option_usages(w, def, &opts);
}

fn full_v84(w: &mut Wrap, def: &CommandDef, progname: &str) {
    let dialect = Dialect::V84;
    w.put(0, "USAGE:\n");
    w.put(1, &format!("{progname} {}", def.name));
    let ctx = ctx_args(def.ctx, dialect);
    if !ctx.names.is_empty() {
        w.put(4, " {");
        for (i, n) in ctx.names.iter().enumerate() {
            w.put(
                4,
                &if i == 0 {
                    n.to_string()
                } else {
                    format!("|{n}")
                },
            );
        }
        w.put(4, "}");
    }
    if ctx.addresses {
        w.put(4, " [{af}:]{local_addr}[:{port}]");
        w.put(4, " [{af}:]{remote_addr}[:{port}]");
    }
    for n in arg_names(def, dialect) {
        w.put(4, &format!(" {{{n}}}"));
    }
    option_usages(w, def, &help_options(def, dialect));
}

/// The option part of a full usage, the same in both generations.
fn option_usages(w: &mut Wrap, def: &CommandDef, opts: &HelpOptions) {
    for (o, spec) in &opts.local {
        let arg = if takes_argument(spec) { "=..." } else { "" };
        w.put(4, &format!(" [--{}{arg}]", o.name));
    }
    if def.set_defaults {
        w.put(4, " [--set-defaults]");
    }
    for (o, spec) in &opts.fields {
        w.put(4, &format!(" {}", field_usage(o.name, spec)));
    }
    w.put(4, "\n");
}

/// Keywords in upstream's order: the index of its map, which is the wire value.
fn by_value(values: &[(&'static str, u32)]) -> Vec<&'static str> {
    let mut v = values.to_vec();
    v.sort_by_key(|(_, n)| *n);
    v.into_iter().map(|(k, _)| k).collect()
}

/// A field's `usage()`.
fn field_usage(name: &str, spec: &Spec) -> String {
    match spec.ty {
        ValueType::Flag | ValueType::Bool { .. } => format!("[--{name}={{yes|no}}]"),
        ValueType::Numeric { min, max, .. } => format!("[--{name}=({min} ... {max})]"),
        ValueType::Enum { values, .. } => {
            format!("[--{name}={{{}}}]", by_value(values).join("|"))
        }
        ValueType::EnumNum {
            values, min, max, ..
        } => {
            let names: Vec<&str> = values.iter().map(|(k, _)| *k).collect();
            format!("[--{name}={{{}}}|({min} ... {max})]", names.join("|"))
        }
        ValueType::String { .. } if is_address(spec) => {
            // Upstream's text, `local_addr` also for the peer's address.
            format!("[--{name}=[{{af}}:]{{local_addr}}[:{{port}}]]")
        }
        ValueType::String { .. } => format!("[--{name}=<str>]"),
        ValueType::KeySerial => format!("[--{name}=<key-description>]"),
    }
}

fn is_address(spec: &Spec) -> bool {
    matches!(spec.nl.map(|nl| nl.wire), Some(Wire::Bin(_)))
}

fn xml(def: &CommandDef, dialect: Dialect) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "<command name=\"{}\">", def.name);
    if dialect == Dialect::V9 {
        if let Some(summary) = def.summary {
            let _ = writeln!(s, "\t<summary>{summary}</summary>");
        }
    }
    let ctx = ctx_args(def.ctx, dialect);
    let group = ctx.choice && ctx.names.len() > 1;
    if group {
        s.push_str("\t<group>\n");
    }
    for n in ctx.names {
        let indent = if group { "\t\t" } else { "\t" };
        let _ = writeln!(s, "{indent}<argument>{n}</argument>");
    }
    if group {
        s.push_str("\t</group>\n");
    }
    if ctx.addresses {
        s.push_str("\t<argument>local_addr</argument>\n\t<argument>remote_addr</argument>\n");
    }
    for n in arg_names(def, dialect) {
        let _ = writeln!(s, "\t<argument>{n}</argument>");
    }
    let opts = help_options(def, dialect);
    for (o, spec) in &opts.local {
        let ty = if takes_argument(spec) {
            "string"
        } else {
            "flag"
        };
        let _ = write!(
            s,
            "\t<option name=\"{}\" type=\"{ty}\">\n\t</option>\n",
            o.name
        );
    }
    if def.set_defaults {
        s.push_str("\t<option name=\"set-defaults\" type=\"flag\">\n\t</option>\n");
    }
    for (o, spec) in &opts.fields {
        field_xml(&mut s, o.name, spec);
    }
    s.push_str("</command>\n");
    s
}

/// A field's `describe_xml()`.
fn field_xml(s: &mut String, name: &str, spec: &Spec) {
    let open = |s: &mut String, ty: &str| {
        let _ = writeln!(s, "\t<option name=\"{name}\" type=\"{ty}\">");
    };
    match spec.ty {
        ValueType::Flag | ValueType::Bool { .. } => {
            let default = matches!(spec.ty, ValueType::Bool { default: true });
            open(s, "boolean");
            let _ = writeln!(s, "\t\t<default>{}</default>", yes_no(default));
        }
        ValueType::Numeric {
            min,
            max,
            default,
            scale,
            unit,
            ..
        } => {
            open(s, "numeric");
            let _ = writeln!(s, "\t\t<min>{min}</min>");
            let _ = writeln!(s, "\t\t<max>{max}</max>");
            let _ = writeln!(s, "\t\t<default>{default}</default>");
            let _ = writeln!(s, "\t\t<unit_prefix>{}</unit_prefix>", scale.letter());
            if !unit.is_empty() {
                let _ = writeln!(s, "\t\t<unit>{unit}</unit>");
            }
        }
        ValueType::Enum { values, .. } => {
            open(s, "handler");
            for k in by_value(values) {
                let _ = writeln!(s, "\t\t<handler>{k}</handler>");
            }
        }
        ValueType::EnumNum {
            values,
            min,
            max,
            default,
        } => {
            open(s, "numeric-or-symbol");
            let _ = writeln!(s, "\t\t<min>{min}</min>");
            let _ = writeln!(s, "\t\t<max>{max}</max>");
            let _ = writeln!(s, "\t\t<default>{default}</default>");
            for (k, _) in values {
                let _ = writeln!(s, "\t\t<symbol>{k}</symbol>");
            }
        }
        ValueType::String { .. } if is_address(spec) => open(s, "address"),
        ValueType::String { .. } | ValueType::KeySerial => open(s, "string"),
    }
    s.push_str("\t</option>\n");
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

#[cfg(test)]
mod tests;
