//! The section 8 pages: clap_mangen renders the header, synopsis, description and global
//! options from the clap model; the command list (each command with its own options) and
//! the prose sections are rendered here.

use clap::{Arg, Command};
use clap_mangen::Man;
use conf_parser::options::{self, Dialect};

use crate::model::{self, VERSION};
use crate::roff::{b, i, Page};
use crate::values::per_version;

fn mangen_head(cmd: &Command) -> String {
    let man = Man::new(cmd.clone())
        .section("8")
        .source(format!("drbd-rs {VERSION}"))
        .manual("System Administration");
    let mut buf: Vec<u8> = Vec::new();
    for step in [
        Man::render_title,
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ] {
        step(&man, &mut buf).expect("rendering into memory does not fail");
    }
    let text = String::from_utf8(buf).expect("clap_mangen writes UTF-8");
    // Each render step repeats the `Aq` string definition; keep the first. The title line
    // is ours: clap_mangen drops an empty date, which shifts source and manual left.
    let mut out = String::new();
    for line in text.lines() {
        let aq = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if aq && out.lines().any(|l| l == line) {
            continue;
        }
        if line.starts_with(".TH ") {
            out.push_str(&format!(
                ".TH \"{}\" \"8\" \"\" \"drbd\\-rs {VERSION}\" \"System Administration\"\n",
                cmd.get_name().to_uppercase()
            ));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Value lists longer than this are named `keyword` in the tag and listed in the body (a
/// long unbreakable tag makes groff warn).
const LONG_VALUES: usize = 40;

/// The help of an option, with its values when the tag does not show them.
fn option_help(a: &Arg) -> String {
    let mut help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let pv: Vec<String> = a
        .get_possible_values()
        .iter()
        .map(|v| v.get_name().to_string())
        .collect();
    if pv.join("|").len() > LONG_VALUES {
        help.push_str(&format!(" One of: {}.", pv.join(", ")));
    }
    help
}

fn option_tag(a: &Arg) -> String {
    let mut tag = String::new();
    if let Some(s) = a.get_short() {
        tag.push_str(&b(&format!("-{s}")));
        tag.push_str(", ");
    }
    if let Some(l) = a.get_long() {
        tag.push_str(&b(&format!("--{l}")));
    }
    if a.get_action().takes_values() {
        let pv: Vec<String> = a
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect();
        let value = if !pv.is_empty() && pv.join("|").len() <= LONG_VALUES {
            pv.join("|")
        } else if !pv.is_empty() {
            "keyword".into()
        } else {
            a.get_value_names()
                .and_then(|v| v.first().map(|s| s.to_string()))
                .unwrap_or_else(|| "VALUE".into())
        };
        let optional = a
            .get_num_args()
            .map(|r| r.min_values() == 0)
            .unwrap_or(false);
        if optional {
            tag.push_str(&format!("[={}]", i(&value)));
        } else {
            tag.push_str(&format!("={}", i(&value)));
        }
    }
    tag
}

fn synopsis(tool: &str, sub: &Command) -> String {
    let mut s = format!("{} {}", b(tool), b(sub.get_name()));
    if sub.get_arguments().any(|a| !a.is_positional()) {
        s.push_str(&format!(" [{}]", i("options")));
    }
    for a in sub.get_positionals() {
        let name = a
            .get_value_names()
            .and_then(|v| v.first().map(|s| s.to_string()))
            .unwrap_or_else(|| a.get_id().to_string());
        let many = a
            .get_num_args()
            .map(|r| r.max_values() > 1)
            .unwrap_or(false);
        let mut word = i(&name);
        if many {
            word.push_str("...");
        }
        if a.is_required_set() {
            s.push(' ');
            s.push_str(&word);
        } else {
            s.push_str(&format!(" [{word}]"));
        }
    }
    s
}

/// For drbdsetup: the type, range, default and versions of `--name` of `command`, from the
/// option table.
fn setup_details(command: &str, name: &str) -> Vec<String> {
    let v84 = options::lookup_for_command(name, command, Dialect::V84).map(|(_, s)| s);
    let v9 = options::lookup_for_command(name, command, Dialect::V9).map(|(_, s)| s);
    per_version(v84, v9)
}

fn commands_section(
    p: &mut Page,
    tool: &str,
    cmd: &Command,
    title: &str,
    details: fn(&str, &str) -> Vec<String>,
) {
    p.sh(title);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        p.req(".TP");
        p.raw(&synopsis(tool, sub));
        if let Some(about) = sub.get_about() {
            p.text(&about.to_string());
        }
        let opts: Vec<&Arg> = sub.get_arguments().filter(|a| !a.is_positional()).collect();
        if !opts.is_empty() {
            p.req(".RS");
            for a in opts {
                p.tp(&option_tag(a), &option_help(a));
                for line in details(sub.get_name(), a.get_long().unwrap_or_default()) {
                    p.req(".br");
                    p.text(&line);
                }
            }
            p.req(".RE");
        }
    }
}

fn exit_codes(p: &mut Page, codes: &[(&str, &str)]) {
    p.sh("EXIT STATUS");
    for (code, what) in codes {
        p.tp(&b(code), what);
    }
}

fn see_also(p: &mut Page, pages: &[(&str, &str)]) {
    p.sh("SEE ALSO");
    let refs: Vec<String> = pages
        .iter()
        .map(|(name, sec)| format!("{}({sec})", b(name)))
        .collect();
    p.raw(&refs.join(", "));
}

/// drbdadm(8).
pub fn drbdadm() -> String {
    let cmd = model::drbdadm();
    let mut p = Page::new();
    p.append(&mangen_head(&cmd));
    p.para("Options for drbdsetup and drbdmeta (such as --force or --max-peers=N) may be given after the command; they are checked against what the command passes on (see each command below). Words between -- and the command are passed on unchecked, as in drbdadm -- --overwrite-data-of-peer primary r0; prefer the checked form drbdadm primary --force r0.");
    commands_section(&mut p, "drbdadm", &cmd, "COMMANDS", |_, _| Vec::new());
    p.para("Commands marked expert are hidden from the usage text; drbdadm hidden-commands lists them.");

    p.sh("SHELL HELPERS");
    p.para("The sh-* commands print facts of the configuration for scripts, one item per line; they never change anything. sh-nop only parses the configuration: its exit status tells whether the configuration is valid, which makes drbdadm -t NEW.res -E OLD.res sh-nop the usual way to check a new resource file before it is installed. sh-resources prints the names of the resources of this host (the shell completions use it). sh-dev, sh-minor, sh-ll-dev, sh-md-dev, sh-md-idx and sh-ip print the device, minor, backing device, meta data device, meta data index and address of each volume or resource named.");

    p.sh("HANDLER COMMANDS");
    p.para("The kernel calls drbdadm with these commands when a handler event occurs; each runs the command line configured in the handlers section (see drbd.conf(5)) for the resource, with DRBD_RESOURCE, DRBD_VOLUME, DRBD_MINOR, DRBD_PEER_NODE_ID and related variables set:");
    p.raw(
        &model::drbdadm_handlers()
            .iter()
            .map(|h| b(h))
            .collect::<Vec<_>>()
            .join(", "),
    );

    exit_codes(
        &mut p,
        &[
            ("0", "Success."),
            ("1", "Usage error, or the resource is not defined for this host."),
            ("10", "The configuration is invalid (parse errors, conflicts, missing statements); every problem is reported as FILE:LINE:COL: error: WHAT."),
            ("20", "Executing drbdsetup, drbdmeta or a handler failed, or a command is not available. For commands that run drbdsetup or drbdmeta for each volume, the largest exit code of those calls is returned, and drbdadm stops at the first call that exits with 20 or more."),
        ],
    );

    p.sh("ENVIRONMENT");
    p.tp(
        &b("__DRBD_NODE__"),
        "Use this node name instead of uname -n when matching host sections (for testing configurations of other nodes); drbdadm prints a banner saying so.",
    );
    p.tp(
        &b("DRBD_DRIVER_VERSION_OVERRIDE"),
        "Pretend the loaded DRBD kernel module has this version, e.g. 8.4.11 or 9.2.0. Selects the 8.4 or 9 personality instead of reading /proc/drbd.",
    );
    p.tp(
        &b("FAKE_DRBDSETUP_SHOW"),
        "Test hook: read what drbdsetup show would print from this file instead of asking the kernel (used by adjust).",
    );
    p.tp(
        &b("DRBD_RUN_DIR"),
        "Where the registry links are kept instead of /var/run/drbd (see FILES).",
    );

    p.sh("FILES");
    p.tp(
        &b("/var/run/drbd/drbd-minor-N.conf, /var/run/drbd/drbd-resource-NAME.conf"),
        "The registry: symbolic links to the configuration file a minor or resource was set up from, written after a successful new-minor or new-resource (not in a dry run, not for -c -). The handler commands the kernel starts (fence-peer, split-brain, before-resync-target, ...) take their configuration from here when no -c is given, so a resource brought up with -c FILE finds FILE again. drbdsetup del-minor, del-resource and down remove the links.",
    );

    p.sh("PERSONALITIES");
    p.para("drbdadm follows the DRBD version of the loaded kernel module: DRBD 9 by default, the 8.4 personality (configuration dialect, commands and drbdsetup-84) when the module is 8.4, when DRBD_DRIVER_VERSION_OVERRIDE says 8.4, or when the program is called as drbdadm-84. The installation provides drbdadm-84 and drbdsetup-84 as second names in lib/drbd.");

    p.sh("EXAMPLES");
    p.para("Initialise the meta data of a new resource, bring it up, and make this node the source of the initial synchronisation:");
    p.example("drbdadm create-md r0\ndrbdadm up r0\ndrbdadm primary --force r0");
    p.para(
        "The same with the 8.3 form that older how-tos use (the option is passed on unchecked):",
    );
    p.example("drbdadm -- --overwrite-data-of-peer primary r0");
    p.para("Check a new resource file, and show the configuration as another node reads it:");
    p.example("drbdadm -t /tmp/r1.res sh-nop\n__DRBD_NODE__=bob drbdadm dump r0");
    p.para("Print the calls adjust would make after the configuration was edited:");
    p.example("drbdadm -d adjust all");

    see_also(
        &mut p,
        &[("drbd.conf", "5"), ("drbdsetup", "8"), ("drbdmeta", "8")],
    );
    p.finish()
}

/// drbdsetup(8).
pub fn drbdsetup() -> String {
    let cmd = model::drbdsetup();
    let mut p = Page::new();
    p.append(&mangen_head(&cmd));
    p.para("Each command's options are those of the option table; the values, units, ranges and defaults are described in drbd.conf(5) under the option of the same name. Options may be abbreviated to a unique prefix and written as --name=value or --name value.");
    commands_section(&mut p, "drbdsetup", &cmd, "COMMANDS", setup_details);
    exit_codes(
        &mut p,
        &[
            ("0", "Success."),
            ("5", "The disk is inconsistent (outdate refused)."),
            (
                "10",
                "The kernel refused the configuration; the message gives its error code.",
            ),
            ("11", "A state change failed."),
            ("16", "No local disk."),
            ("17", "No up-to-date disk."),
            (
                "20",
                "Usage error or other failure (unknown option, unreachable kernel module).",
            ),
        ],
    );
    p.sh("ENVIRONMENT");
    p.tp(
        &b("DRBD_DRIVER_VERSION_OVERRIDE"),
        "Pretend the loaded DRBD kernel module has this version; 8.4 selects the 8.4 command set (genl API 1).",
    );
    p.tp(
        &b("DRBD_RUN_DIR"),
        "Where drbdadm's registry links are kept instead of /var/run/drbd; del-minor, del-resource and down remove the links of what they took away (see drbdadm(8), FILES).",
    );
    p.sh("EXAMPLES");
    p.example("drbdsetup status r0 --verbose --statistics\ndrbdsetup show --json r0\ndrbdsetup events2 --now all");
    see_also(
        &mut p,
        &[("drbd.conf", "5"), ("drbdadm", "8"), ("drbdmeta", "8")],
    );
    p.finish()
}

/// drbdmeta(8).
pub fn drbdmeta() -> String {
    let cmd = model::drbdmeta();
    let mut p = Page::new();
    p.append(&mangen_head(&cmd));
    p.para("The arguments are DEVICE FORMAT [FORMAT ARGS...] COMMAND [CMD ARGS...]. DEVICE is the DRBD minor (or - when there is none). FORMAT v06 takes a minor number, v07, v08 and v09 take the meta data device and the index: internal, flex-external, flex-internal or the number of a 128 MiB slot of an indexed external meta data device. DRBD 8.4 uses v08, DRBD 9 v09.");
    commands_section(
        &mut p,
        "drbdmeta DEVICE FORMAT ...",
        &cmd,
        "COMMANDS",
        |_, _| Vec::new(),
    );
    exit_codes(
        &mut p,
        &[
            ("0", "Success."),
            ("1", "Usage error."),
            (
                "10",
                "A sanity check failed (for example, the device is too small).",
            ),
            ("20", "The device could not be opened, or another failure."),
        ],
    );
    p.sh("EXAMPLES");
    p.example("drbdmeta 0 v09 /dev/sdb1 internal create-md 1\ndrbdmeta 0 v09 /dev/sdb1 internal dump-md > md.txt\ndrbdmeta --force 0 v09 /dev/sdb1 internal restore-md md.txt");
    see_also(
        &mut p,
        &[("drbd.conf", "5"), ("drbdadm", "8"), ("drbdsetup", "8")],
    );
    p.finish()
}
