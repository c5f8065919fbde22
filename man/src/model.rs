//! clap models of the three tools, built from the code's own tables: drbdadm's command
//! table (`drbdadm::table`), drbdsetup's command table (`drbdsetup::commands`) with the
//! option table's per-command options, and drbdmeta's command table
//! (`drbdmeta::commands::COMMANDS`). The tools parse their own command lines (getopt
//! compatible); these models exist only to render man pages and completions.

use clap::{Arg, ArgAction, Command, ValueHint};
use conf_parser::options::{self, Dialect, ValueType};
use drbdadm::table::{CmdDef, Fields};
use drbdsetup::commands::{Arg as SetupArg, CommandDef, Ctx};

/// The version the pages and `--version` of the models show.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One sentence per drbdadm command (upstream's man page wording, shortened).
pub fn drbdadm_about(name: &str) -> &'static str {
    match name {
        "attach" => "Attaches the backing devices of the resource's volumes (applies the activity log first).",
        "disk-options" => "Changes the disk options of attached volumes to those of the configuration.",
        "detach" => "Detaches the backing devices; the volumes become diskless.",
        "new-peer" => "Creates the connections to the peers (DRBD 9).",
        "del-peer" => "Removes the connections to the peers (DRBD 9).",
        "new-path" => "Adds the configured network paths to the connections (DRBD 9).",
        "del-path" => "Removes network paths from the connections (DRBD 9).",
        "connect" => "Connects the resource to its peers (creating connections and paths as needed).",
        "net-options" => "Changes the net options of the connections to those of the configuration.",
        "disconnect" => "Disconnects the resource from its peers.",
        "resource-options" => "Changes the resource options to those of the configuration.",
        "peer-device-options" => "Changes the peer-device options to those of the configuration (DRBD 9).",
        "up" => "Brings the resource up: new-resource, new-minor, attach, connect.",
        "down" => "Takes the resource down: disconnects, detaches and deletes it from the kernel.",
        "primary" => "Promotes the resource to the primary role.",
        "secondary" => "Demotes the resource to the secondary role.",
        "invalidate" => "Discards the local data and resynchronises it from a peer.",
        "invalidate-remote" => "Makes the peers discard their data and resynchronise it from this node.",
        "outdate" => "Marks the local data as outdated.",
        "resize" => "Grows or shrinks the device after the backing devices changed size.",
        "verify" => "Starts an online verification against the peers.",
        "pause-sync" => "Pauses a running resynchronisation.",
        "resume-sync" => "Resumes a paused resynchronisation.",
        "adjust" => "Makes the kernel's configuration of the resource match the configuration file.",
        "adjust-with-progress" => "Like adjust, with progress output.",
        "wait-connect" => "Waits until the resource is connected to its peers.",
        "wait-sync" => "Waits until the resource is connected and resynchronised.",
        "wait-con-int" => "Waits for the connections of all resources (boot scripts): after ten seconds it shows the wfc-timeout values and stops waiting when the operator types yes; without a terminal it uses /dev/console. Always exits 0.",
        "role" => "Shows the role of the resource.",
        "peer-role" => "Shows the role of the peers (DRBD 9).",
        "cstate" => "Shows the connection state.",
        "dstate" => "Shows the disk state of the backing devices.",
        "status" => "Shows the status of the resource.",
        "dump" => "Prints the configuration of the resource in canonical form.",
        "dump-xml" => "Prints the configuration as XML.",
        "create-md" => "Initialises the meta data of the volumes (runs drbdmeta create-md).",
        "show-gi" => "Shows the generation identifiers of the volumes with explanations.",
        "get-gi" => "Prints the generation identifiers of the volumes.",
        "dump-md" => "Dumps the meta data of the volumes in text form.",
        "wipe-md" => "Destroys the meta data of the volumes.",
        "apply-al" => "Applies the activity log to the bitmap.",
        "dump-superblock" => "Prints the meta data superblock.",
        "hidden-commands" => "Lists the commands not shown in the usage text.",
        "forget-peer" => "Removes a peer's slot from the meta data (DRBD 9).",
        "new-resource" => "Creates the resource in the kernel.",
        "new-minor" => "Creates the resource's devices in the kernel.",
        "del-minor" => "Removes the resource's devices from the kernel.",
        "new-current-uuid" => "Generates a new current UUID (skipping the initial sync with --clear-bitmap).",
        "suspend-io" => "Suspends I/O on the volumes.",
        "resume-io" => "Resumes suspended I/O.",
        "set-gi" => "Sets the generation identifiers in the meta data (expert).",
        "check-resize" => "Records the size of the backing devices for the next resize.",
        "lint" => "Checks the configuration and reports every problem (drbd-rs).",
        "proxy-up" => "Configures drbd-proxy for the connections.",
        "proxy-down" => "Removes the drbd-proxy configuration of the connections.",
        "repair-md" => "Repairs damaged meta data.",
        "sh-nop" => "Parses the configuration and exits; the exit code tells whether it is valid.",
        "sh-resources" => "Prints the names of the resources defined for this host.",
        "sh-resource" => "Prints the name of the resource of a device.",
        "sh-dev" => "Prints the device of each volume.",
        "sh-udev" => "Prints udev environment variables for a volume.",
        "sh-minor" => "Prints the minor number of each volume.",
        "sh-ll-dev" => "Prints the backing device of each volume.",
        "sh-md-dev" => "Prints the meta data device of each volume.",
        "sh-md-idx" => "Prints the meta data index of each volume.",
        "sh-ip" => "Prints this node's address of the resource.",
        "sh-lr-of" => "Prints the lower resource of a stacked resource.",
        "sh-list-config-file" => "Prints the configuration file that defines the resource.",
        "sh-list-adjustable" => "Lists the resources adjust would change.",
        "sh-mod-parms" => "Prints the kernel module parameters for the configuration.",
        "sh-b-pri" => "Promotes resources with become-primary-on (8.4 start-up scripts).",
        "sh-status" => "Prints the status in shell variable form (8.4).",
        "sh-new-minor" => "Creates the resource's devices in the kernel (8.4 spelling of new-minor).",
        _ => "",
    }
}

/// One sentence per drbdmeta command.
fn drbdmeta_about(name: &str) -> &'static str {
    match name {
        "get-gi" => "Prints the generation identifiers towards the peer --node-id.",
        "show-gi" => "Prints the generation identifiers with explanations.",
        "dump-md" => "Dumps the meta data in text form (restore-md reads it back).",
        "dump-superblock" => "Prints the superblock (hex, binary or JSON).",
        "hexdump-superblock" => "Prints the superblock as a hex dump.",
        "restore-md" => "Writes meta data from a dump-md text file.",
        "verify-dump" => "Checks a dump-md text file without writing anything.",
        "apply-al" => "Applies the activity log to the bitmap.",
        "wipe-md" => "Destroys the meta data.",
        "outdate" => "Marks the data as outdated.",
        "invalidate" => "Marks the data as inconsistent (a full resync follows).",
        "dstate" => "Prints the disk state recorded in the meta data.",
        "read-dev-uuid" => "Prints the device UUID.",
        "write-dev-uuid" => "Writes the device UUID.",
        "set-gi" => "Sets generation identifiers (expert).",
        "check-resize" => {
            "Records the backing device's size and moves internal meta data after a resize."
        }
        "create-md" => "Creates new meta data for max_peers peers.",
        "forget-peer" => "Clears the slot of peer --node-id.",
        "repair-md" => "Repairs damaged meta data.",
        _ => "",
    }
}

fn value_arg(long: &'static str, value: &'static str, help: &'static str) -> Arg {
    Arg::new(long)
        .long(long)
        .value_name(value)
        .action(ArgAction::Set)
        .help(help)
}

fn flag_arg(long: &'static str, help: &'static str) -> Arg {
    Arg::new(long)
        .long(long)
        .action(ArgAction::SetTrue)
        .help(help)
}

/// A `--name` option of a backend command from the option table (first row of that name
/// that `command` takes in either dialect, else the first row of that name).
fn table_option(name: &'static str, command: &str) -> Arg {
    let row = options::lookup_for_command(name, command, Dialect::V9)
        .or_else(|| options::lookup_for_command(name, command, Dialect::V84))
        .map(|(o, s)| (o.doc, Some(s.ty)))
        .or_else(|| options::find(name).map(|o| (o.doc, o.v9.or(o.v84).map(|s| s.ty))));
    let (doc, ty) = row.unwrap_or(("", None));
    let doc = if doc.is_empty() {
        match name {
            "skip-disk" => "Do not change the disk configuration.",
            "skip-net" => "Do not change the network configuration.",
            "tentative" => "Only show what would be done.",
            "quiet" => "Print less.",
            "statistics" => "Include statistics.",
            "output-format" => "Output format of the superblock dump.",
            _ => "",
        }
    } else {
        doc
    };
    let mut arg = Arg::new(name).long(name).help(doc);
    match ty {
        None | Some(ValueType::Flag) => arg = arg.action(ArgAction::SetTrue),
        Some(ValueType::Bool { .. }) => {
            arg = arg
                .action(ArgAction::Set)
                .num_args(0..=1)
                .require_equals(true)
                .value_parser(["yes", "no"])
        }
        Some(ValueType::Enum { values, .. }) => {
            let v: Vec<&'static str> = values.iter().map(|(n, _)| *n).collect();
            arg = arg.action(ArgAction::Set).value_parser(v)
        }
        Some(t) => {
            arg = arg
                .action(ArgAction::Set)
                .value_name(crate::values::value_name(&t).to_uppercase())
        }
    }
    arg
}

fn resource_arg(def: &CmdDef) -> Option<Arg> {
    if !def.flags.res_name_required {
        return None;
    }
    let (value, help) = if def.flags.need_peer {
        (
            "RES[:PEER][/VOL]",
            "The resources (or all), optionally one peer and one volume.",
        )
    } else if def.flags.iterate_volumes || def.flags.vol_id_optional || def.flags.vol_id_required {
        (
            "RES[/VOL]",
            "The resources (or all), optionally one volume.",
        )
    } else {
        ("RES", "The resources, or all.")
    };
    Some(
        Arg::new("resources")
            .value_name(value)
            .help(help)
            .num_args(1..)
            .required(true)
            .value_hint(ValueHint::Other),
    )
}

/// drbdadm's commands of both personalities: DRBD 9's in upstream's order, then those only
/// 8.4 has. Handlers (show 3) and commands never shown (show 0) are left out; the page lists
/// the handlers in prose.
pub fn drbdadm_commands() -> Vec<(&'static CmdDef, bool)> {
    let mut v: Vec<(&'static CmdDef, bool)> = drbdadm::table::V9
        .iter()
        .filter(|c| matches!(c.flags.show, 1 | 2 | 4))
        .map(|c| (c, false))
        .collect();
    for c in drbdadm::table::V84
        .iter()
        .filter(|c| matches!(c.flags.show, 1 | 2 | 4))
    {
        if !v.iter().any(|(d, _)| d.name == c.name) {
            v.push((c, true));
        }
    }
    v
}

/// The handler commands (show 3), names only.
pub fn drbdadm_handlers() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    for c in drbdadm::table::V9.iter().chain(drbdadm::table::V84) {
        if c.flags.show == 3 && !v.contains(&c.name) {
            v.push(c.name);
        }
    }
    v
}

fn fields_of(def: &CmdDef, only84: bool) -> Vec<&'static str> {
    let mut names = Vec::new();
    let dialects: &[Dialect] = if only84 {
        &[Dialect::V84]
    } else {
        &[Dialect::V9, Dialect::V84]
    };
    for d in dialects {
        let f = if *d == Dialect::V84 && !only84 {
            // the same command of the 8.4 table, if any
            drbdadm::table::V84
                .iter()
                .find(|c| c.name == def.name)
                .map(|c| c.fields)
                .unwrap_or(Fields::None)
        } else {
            def.fields
        };
        for n in f.names(*d) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}

fn backend_command(def: &CmdDef) -> &'static str {
    match def.fields {
        Fields::Setup(c) => c,
        _ => def.name,
    }
}

/// drbdadm.
pub fn drbdadm() -> Command {
    let mut cmd = Command::new("drbdadm")
        .version(VERSION)
        .about("Administration tool for DRBD")
        .long_about("drbdadm is the high-level tool of the DRBD suite: it reads the configuration (drbd.conf(5)) and calls drbdsetup and drbdmeta with the right arguments for each resource, volume and connection. It is a drop-in replacement for LINBIT's drbdadm with both personalities: DRBD 9 and, when the loaded module is 8.4 or it is called as drbdadm-84, DRBD 8.4.")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .subcommand_value_name("COMMAND")
        .subcommand_help_heading("Commands")
        .arg(Arg::new("dry-run").short('d').long("dry-run").action(ArgAction::SetTrue).help("Print the drbdsetup and drbdmeta calls instead of running them."))
        .arg(Arg::new("verbose").short('v').long("verbose").action(ArgAction::Count).help("Print each call before running it."))
        .arg(Arg::new("config-file").short('c').long("config-file").value_name("FILE").value_hint(ValueHint::FilePath).help("Read FILE instead of the default configuration file; - reads standard input."))
        .arg(Arg::new("config-to-test").short('t').long("config-to-test").value_name("FILE").value_hint(ValueHint::FilePath).action(ArgAction::Append).help("Also read FILE, a configuration to check (with sh-nop or dump)."))
        .arg(Arg::new("config-to-exclude").short('E').long("config-to-exclude").value_name("FILE").value_hint(ValueHint::FilePath).action(ArgAction::Append).help("Skip FILE when reading the configuration (used with -t)."))
        .arg(Arg::new("stacked").short('S').long("stacked").action(ArgAction::SetTrue).help("Operate on the stacked resources on top of the named resources."))
        .arg(Arg::new("drbdsetup").short('s').long("drbdsetup").value_name("FILE").value_hint(ValueHint::ExecutablePath).help("The drbdsetup program to call."))
        .arg(Arg::new("drbdmeta").short('m').long("drbdmeta").value_name("FILE").value_hint(ValueHint::ExecutablePath).help("The drbdmeta program to call."))
        .arg(Arg::new("drbd-proxy-ctl").short('p').long("drbd-proxy-ctl").value_name("FILE").value_hint(ValueHint::ExecutablePath).help("The drbd-proxy-ctl program to call."))
        .arg(Arg::new("sh-varname").short('n').long("sh-varname").value_name("NAME").help("The variable name the sh-* commands print."))
        .arg(Arg::new("setup-option").short('W').long("setup-option").value_name("OPTION").action(ArgAction::Append).help("Pass OPTION to drbdsetup unchecked."))
        .arg(Arg::new("peer").short('P').long("peer").value_name("HOST").help("8.4: the peer to operate on."))
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::SetTrue).help("Print the version as KEY=value lines and exit."))
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::SetTrue).help("Print the usage and exit."));
    for (def, only84) in drbdadm_commands() {
        let mut about = drbdadm_about(def.name).to_string();
        if only84 {
            about.push_str(" (8.4 personality only.)");
        }
        if def.flags.show == 4 {
            about.push_str(" (Expert command, not in the usage text.)");
        }
        let about = about.trim_start().to_string();
        let mut sub = Command::new(def.name).about(about);
        let backend = backend_command(def);
        for name in fields_of(def, only84) {
            sub = sub.arg(table_option(name, backend));
        }
        if let Some(a) = resource_arg(def) {
            sub = sub.arg(a);
        }
        cmd = cmd.subcommand(sub);
    }
    cmd
}

fn ctx_args(ctx: Ctx) -> Vec<(&'static str, &'static str)> {
    match ctx {
        Ctx::Minor => vec![("MINOR", "A minor number or /dev/drbdN.")],
        Ctx::Resource => vec![("RESOURCE", "A resource name.")],
        Ctx::ResourceOrAll => vec![("RESOURCE", "A resource name, or all; nothing means all.")],
        Ctx::MinorResourceOrAll => vec![(
            "RESOURCE",
            "A minor, a resource name, or all; nothing means all.",
        )],
        Ctx::PeerNode => vec![
            ("RESOURCE", "A resource name."),
            ("PEER_NODE_ID", "The node id of the peer."),
        ],
        Ctx::PeerDevice => vec![
            ("RESOURCE", "A resource name."),
            ("PEER_NODE_ID", "The node id of the peer."),
            ("VOLUME", "The volume number."),
        ],
        Ctx::NewMinor => vec![
            ("RESOURCE", "A resource name."),
            ("MINOR", "The minor number of the new device."),
            ("VOLUME", "The volume number."),
        ],
        Ctx::Connection => vec![
            ("LOCAL_ADDR", "This node's address, [af:]addr:port."),
            ("REMOTE_ADDR", "The peer's address, [af:]addr:port."),
        ],
        Ctx::ResourceConnection => vec![
            ("RESOURCE", "A resource name."),
            ("LOCAL_ADDR", "This node's address, [af:]addr:port."),
            ("REMOTE_ADDR", "The peer's address, [af:]addr:port."),
        ],
    }
}

fn positional_name(a: &SetupArg) -> &'static str {
    match a {
        SetupArg::Str(n, _)
        | SetupArg::StrM(n, _)
        | SetupArg::MdIdx(n, _)
        | SetupArg::U32(n, _)
        | SetupArg::U32M(n, _)
        | SetupArg::Addr(n, _) => n,
        SetupArg::NodeId => "node_id",
    }
}

fn setup_subcommand(def: &CommandDef, dialect: Dialect, note: &str) -> Command {
    // The command table's summary (upstream's help text) where it has one.
    let mut about = match def.summary.or_else(|| setup_about(def.name)) {
        Some(a) => a.to_string(),
        None => format!("drbdsetup {}.", def.name),
    };
    about.push_str(note);
    let mut sub = Command::new(def.name).about(about);
    let mut seen: Vec<&str> = Vec::new();
    for (o, _) in options::for_command(def.name, dialect) {
        if seen.contains(&o.name) {
            continue;
        }
        seen.push(o.name);
        sub = sub.arg(table_option(o.name, def.name));
    }
    if def.set_defaults && !seen.contains(&"set-defaults") {
        sub = sub.arg(flag_arg(
            "set-defaults",
            "Reset every option not given to its default.",
        ));
    }
    let mut pos: Vec<(&'static str, &'static str, bool)> = ctx_args(def.ctx)
        .into_iter()
        .map(|(n, h)| {
            (
                n,
                h,
                !matches!(def.ctx, Ctx::ResourceOrAll | Ctx::MinorResourceOrAll),
            )
        })
        .collect();
    for a in def.args {
        let n = positional_name(a);
        let required = !matches!(a, SetupArg::NodeId);
        pos.push((n, "", required));
    }
    for (idx, (n, h, required)) in pos.into_iter().enumerate() {
        let id = format!("arg{idx}");
        sub = sub.arg(
            Arg::new(id)
                .value_name(n.to_uppercase().replace('-', "_"))
                .help(h)
                .required(required),
        );
    }
    sub
}

fn setup_about(name: &str) -> Option<&'static str> {
    let a = match name {
        "new-resource" => "Creates a resource.",
        "new-minor" => "Creates a device (volume) of a resource.",
        "del-minor" => "Removes a device.",
        "del-resource" => "Removes a resource.",
        "new-peer" => "Creates a connection to a peer.",
        "del-peer" => "Removes a connection.",
        "new-path" => "Adds a network path to a connection.",
        "del-path" => "Removes a network path.",
        "forget-peer" => "Removes a peer's slot from the meta data.",
        "rename-resource" => "Renames a resource.",
        "state" => "Shows the role (8.4 alias of role).",
        "events2" => "Prints the state and every state change as event lines.",
        "show" => "Prints the kernel's configuration in drbd.conf syntax (or JSON).",
        "wait-connect"
        | "wait-connect-volume"
        | "wait-connect-connection"
        | "wait-connect-resource" => "Waits until connected.",
        "wait-sync" | "wait-sync-volume" | "wait-sync-connection" | "wait-sync-resource" => {
            "Waits until connected and in sync."
        }
        "new-current-uuid" => "Generates a new current UUID.",
        other => {
            let a = drbdadm_about(other);
            if a.is_empty() {
                return None;
            }
            a
        }
    };
    Some(a)
}

/// drbdsetup: DRBD 9's commands, then those only 8.4 has.
pub fn drbdsetup() -> Command {
    let mut cmd = Command::new("drbdsetup")
        .version(VERSION)
        .about("Configure the DRBD kernel module")
        .long_about("drbdsetup configures the DRBD kernel module over generic netlink: it creates resources, devices, connections and paths, sets their options and reports their state. drbdadm calls it with the values of the configuration file; it is rarely used directly. The DRBD 8.4 command set (genl API 1) is used when the loaded module is 8.4 or the program is called as drbdsetup-84.")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .subcommand_value_name("COMMAND")
        .subcommand_help_heading("Commands")
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::SetTrue).help("Print the version as KEY=value lines and exit."))
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::SetTrue).help("Print the usage and exit."));
    for def in drbdsetup::commands::COMMANDS_V9 {
        cmd = cmd.subcommand(setup_subcommand(def, Dialect::V9, ""));
    }
    for def in drbdsetup::commands::COMMANDS_V84 {
        if drbdsetup::commands::COMMANDS_V9
            .iter()
            .any(|d| d.name == def.name)
        {
            continue;
        }
        cmd = cmd.subcommand(setup_subcommand(def, Dialect::V84, " (8.4 only.)"));
    }
    cmd
}

/// drbdmeta.
pub fn drbdmeta() -> Command {
    let mut cmd = Command::new("drbdmeta")
        .version(VERSION)
        .about("Manipulate the meta data of DRBD devices")
        .long_about("drbdmeta creates, displays, checks and modifies the meta data of DRBD volumes: the superblock with the generation identifiers, the activity log and the bitmap. drbdadm calls it for create-md, dump-md, apply-al and the other meta data commands. It refuses to modify the meta data of a device that is attached, unless forced.")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .subcommand_value_name("COMMAND")
        .subcommand_help_heading("Commands")
        .arg(Arg::new("force").short('f').long("force").action(ArgAction::SetTrue).help("Do not ask for confirmation; also allows modifying the meta data of an attached device."))
        .arg(Arg::new("quiet").short('q').long("quiet").action(ArgAction::SetTrue).help("Print less."))
        .arg(Arg::new("verbose").short('v').long("verbose").action(ArgAction::Count).help("Print more."))
        .arg(flag_arg("ignore-sanity-checks", "Skip the checks against the size of the device."))
        .arg(Arg::new("dry-run").long("dry-run").visible_alias("tentative").action(ArgAction::SetTrue).help("Do not write anything."))
        .arg(Arg::new("node-id").short('i').long("node-id").value_name("ID").help("The peer's node id (get-gi, show-gi, set-gi, forget-peer)."))
        .arg(Arg::new("peer-max-bio-size").short('p').long("peer-max-bio-size").value_name("SIZE").help("create-md: the largest request the peers may send, for a device without peer information."))
        .arg(Arg::new("effective-size").short('Z').long("effective-size").value_name("SIZE").help("create-md: the usable size of the device to record."))
        .arg(Arg::new("diskful-peers").short('D').long("diskful-peers").value_name("MASK").help("create-md: which peers have a disk."))
        .arg(Arg::new("al-stripes").short('s').long("al-stripes").value_name("N").help("create-md: the number of activity log stripes."))
        .arg(Arg::new("al-stripe-size-kB").short('z').long("al-stripe-size-kB").value_name("KIB").help("create-md: the size of each activity log stripe in KiB."))
        .arg(Arg::new("bitmap-block-size").short('B').long("bitmap-block-size").value_name("SIZE").help("create-md: the bytes of data one bitmap bit covers."))
        .arg(Arg::new("initialize-bitmap").short('b').long("initialize-bitmap").value_parser(["automatic", "zeroout", "pwrite", "set-all", "skip"]).help("create-md: how to initialise the bitmap."))
        .arg(Arg::new("output-format").short('o').long("output-format").value_parser(["auto", "hex", "binary", "json"]).help("dump-superblock: the output format."))
        .arg(value_arg("initial-current-uuid", "UUID", "create-md: the current UUID to write."))
        .arg(flag_arg("consistent", "create-md: mark the data consistent."))
        .arg(flag_arg("uptodate", "create-md: mark the data up to date."))
        .arg(flag_arg("peers-outdated", "create-md: mark the peers outdated."))
        .arg(flag_arg("rotate-uuids", "create-md: keep the old UUIDs in the history."))
        .arg(Arg::new("var-lib-drbd").long("var-lib-drbd").value_name("DIR").value_hint(ValueHint::DirPath).help("Where the last-known-size files are kept (default /var/lib/drbd)."))
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::SetTrue).help("Print the version and exit."))
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::SetTrue).help("Print the usage and exit."))
        .arg(Arg::new("device").value_name("DEVICE").help("The DRBD device (minor number or /dev/drbdN), or - for none.").required(true))
        .arg(Arg::new("format").value_name("FORMAT").value_parser(["v06", "v07", "v08", "v09"]).help("The meta data format.").required(true))
        .arg(Arg::new("md_device").value_name("MD_DEVICE").value_hint(ValueHint::FilePath).help("The meta data device (v07, v08, v09)."))
        .arg(Arg::new("md_index").value_name("INDEX").help("internal, flex-external, flex-internal or a slot number (v07, v08, v09)."));
    for c in drbdmeta::commands::COMMANDS {
        let mut about = drbdmeta_about(c.name).to_string();
        if c.node_id_required {
            about.push_str(" Needs --node-id.");
        }
        let mut sub = Command::new(c.name).about(about);
        let mut n = 0;
        for word in c.args.split_whitespace() {
            if word.starts_with('[') || word.starts_with('{') && word != "{max_peers}" {
                continue;
            }
            let name = word.trim_matches(|ch| ch == '{' || ch == '}');
            sub = sub.arg(
                Arg::new(format!("arg{n}"))
                    .value_name(name.to_uppercase())
                    .required(true),
            );
            n += 1;
        }
        cmd = cmd.subcommand(sub);
    }
    cmd
}
