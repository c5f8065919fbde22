//! The drbdsetup commands of both generations and how their command lines become request
//! messages. Pure: argv in, [`Request`] out. Per-command long options come from the shared
//! option table (`conf_parser::options::for_command`), parsed with getopt_long's rules
//! (`--name=value`, `--name value` for required arguments, optional arguments only after
//! `=`, unique prefixes accepted, options anywhere).

use conf_parser::options::{self, Dialect, OptionDef, Spec, ValueType};
use thiserror::Error;

use crate::address::{sockaddr_from_str, AddressError};
use crate::codec::{Attr, Request, Value, NLM_F_DUMP};
use crate::consts::{cmd, nla, DRBD_GENL_F_SET_DEFAULTS};
use crate::optvalue::{option_attr, NumberError};

/// What the positional arguments before the command's own arguments name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    /// A minor number or `/dev/drbdN`.
    Minor,
    /// A resource name.
    Resource,
    /// A resource name, or `all` / nothing.
    ResourceOrAll,
    /// 8.4: a minor, a resource name, or `all` / nothing (`show`, `sh-status`, `events`).
    MinorResourceOrAll,
    /// 9: resource and peer node id.
    PeerNode,
    /// 9: resource, peer node id and volume.
    PeerDevice,
    /// `new-minor RES MINOR VOL`.
    NewMinor,
    /// 8.4: local and peer address.
    Connection,
    /// 8.4: resource, local and peer address.
    ResourceConnection,
}

/// A positional argument of a command, after its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    /// A string field (no mandatory bit).
    Str(&'static str, u16),
    /// A string field with the mandatory bit.
    StrM(&'static str, u16),
    /// The meta-data index: `internal` (-3), `flexible` (-2) or a number.
    MdIdx(&'static str, u16),
    /// A u32 field (no mandatory bit).
    U32(&'static str, u16),
    /// A u32 field with the mandatory bit.
    U32M(&'static str, u16),
    /// An address field (mandatory bit).
    Addr(&'static str, u16),
    /// `new-resource`'s node id: optional; without it, 8.4 compatibility mode.
    NodeId,
}

impl Arg {
    /// The argument's name, as the help shows it.
    pub fn name(&self) -> &'static str {
        match *self {
            Arg::Str(n, _)
            | Arg::StrM(n, _)
            | Arg::MdIdx(n, _)
            | Arg::U32(n, _)
            | Arg::U32M(n, _)
            | Arg::Addr(n, _) => n,
            Arg::NodeId => "node_id",
        }
    }
}

/// How a command is carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One request, one reply with a return code.
    Config,
    /// `down`: like Config, `ERR_RES_NOT_KNOWN` is success.
    Down,
    /// A read-only command answered from dumps.
    Query,
    /// `events2` and the `wait-*` commands.
    Events,
}

/// One drbdsetup command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommandDef {
    /// Its name.
    pub name: &'static str,
    /// What its first arguments name.
    pub ctx: Ctx,
    /// The genl command sent (0 for queries built elsewhere).
    pub cmd: u8,
    /// The set its options and positional arguments go into (0: none).
    pub tla: u16,
    /// Positional arguments after the context.
    pub args: &'static [Arg],
    /// How it is carried out.
    pub kind: Kind,
    /// Takes `--set-defaults`.
    pub set_defaults: bool,
    /// The one-line summary upstream's help shows (DRBD 9 only; 8.4's tool has none).
    pub summary: Option<&'static str>,
    /// Upstream gives it a set of options that is empty (`new-path`, `del-path`); its help
    /// then has the line break before the (absent) options.
    pub empty_option_set: bool,
}

const fn config(name: &'static str, ctx: Ctx, cmd: u8, tla: u16) -> CommandDef {
    CommandDef {
        name,
        ctx,
        cmd,
        tla,
        args: &[],
        kind: Kind::Config,
        set_defaults: false,
        summary: None,
        empty_option_set: false,
    }
}

const fn changer(name: &'static str, ctx: Ctx, cmd: u8, tla: u16) -> CommandDef {
    CommandDef {
        name,
        ctx,
        cmd,
        tla,
        args: &[],
        kind: Kind::Config,
        set_defaults: true,
        summary: None,
        empty_option_set: false,
    }
}

const fn with_args(mut c: CommandDef, args: &'static [Arg]) -> CommandDef {
    c.args = args;
    c
}

/// Gives a command upstream's help summary.
const fn about(mut c: CommandDef, summary: &'static str) -> CommandDef {
    c.summary = Some(summary);
    c
}

const fn with_empty_option_set(mut c: CommandDef) -> CommandDef {
    c.empty_option_set = true;
    c
}

const fn query(name: &'static str, ctx: Ctx) -> CommandDef {
    CommandDef {
        name,
        ctx,
        cmd: 0,
        tla: 0,
        args: &[],
        kind: Kind::Query,
        set_defaults: false,
        summary: None,
        empty_option_set: false,
    }
}

const fn down(name: &'static str, ctx: Ctx) -> CommandDef {
    CommandDef {
        name,
        ctx,
        cmd: cmd::DRBD_ADM_DOWN,
        tla: 0,
        args: &[],
        kind: Kind::Down,
        set_defaults: false,
        summary: None,
        empty_option_set: false,
    }
}

const fn events(name: &'static str, ctx: Ctx) -> CommandDef {
    CommandDef {
        name,
        ctx,
        cmd: cmd::DRBD_ADM_GET_INITIAL_STATE,
        tla: 0,
        args: &[],
        kind: Kind::Events,
        set_defaults: false,
        summary: None,
        empty_option_set: false,
    }
}

const ATTACH_ARGS: &[Arg] = &[
    Arg::Str("lower_dev", nla::T_BACKING_DEV),
    Arg::Str("meta_data_dev", nla::T_META_DEV),
    Arg::MdIdx("meta_data_index", nla::T_META_DEV_IDX),
];
const PATH_ARGS: &[Arg] = &[
    Arg::Addr("local-addr", nla::T_MY_ADDR),
    Arg::Addr("remote-addr", nla::T_PEER_ADDR),
];

/// The commands of DRBD 9's drbdsetup, in upstream's order.
pub static COMMANDS_V9: &[CommandDef] = &[
    about(
        config(
            "primary",
            Ctx::Resource,
            cmd::DRBD_ADM_PRIMARY,
            nla::SET_ROLE_PARMS,
        ),
        "Change the role of a node in a resource to primary.",
    ),
    about(
        config(
            "secondary",
            Ctx::Resource,
            cmd::DRBD_ADM_SECONDARY,
            nla::SET_ROLE_PARMS,
        ),
        "Change the role of a node in a resource to secondary.",
    ),
    about(
        with_args(
            config("attach", Ctx::Minor, cmd::DRBD_ADM_ATTACH, nla::DISK_CONF),
            ATTACH_ARGS,
        ),
        "Attach a lower-level device to an existing replicated device.",
    ),
    about(
        changer(
            "disk-options",
            Ctx::Minor,
            cmd::DRBD_ADM_CHG_DISK_OPTS,
            nla::DISK_CONF,
        ),
        "Change the disk options of an attached lower-level device.",
    ),
    about(
        config(
            "detach",
            Ctx::Minor,
            cmd::DRBD_ADM_DETACH,
            nla::DETACH_PARMS,
        ),
        "Detach the lower-level device of a replicated device.",
    ),
    about(
        config(
            "connect",
            Ctx::PeerNode,
            cmd::DRBD_ADM_CONNECT,
            nla::CONNECT_PARMS,
        ),
        "Attempt to (re)establish a replication link to a peer host.",
    ),
    about(
        config(
            "new-peer",
            Ctx::PeerNode,
            cmd::DRBD_ADM_NEW_PEER,
            nla::NET_CONF,
        ),
        "Make a peer host known to a resource.",
    ),
    about(
        config(
            "del-peer",
            Ctx::PeerNode,
            cmd::DRBD_ADM_DEL_PEER,
            nla::DISCONNECT_PARMS,
        ),
        "Remove a connection to a peer host.",
    ),
    about(
        with_empty_option_set(with_args(
            config(
                "new-path",
                Ctx::PeerNode,
                cmd::DRBD_ADM_NEW_PATH,
                nla::PATH_PARMS,
            ),
            PATH_ARGS,
        )),
        "Add a path (endpoint address pair) where a peer host should be reachable.",
    ),
    about(
        with_empty_option_set(with_args(
            config(
                "del-path",
                Ctx::PeerNode,
                cmd::DRBD_ADM_DEL_PATH,
                nla::PATH_PARMS,
            ),
            PATH_ARGS,
        )),
        "Remove a path (endpoint address pair) from a connection to a peer host.",
    ),
    about(
        changer(
            "net-options",
            Ctx::PeerNode,
            cmd::DRBD_ADM_CHG_NET_OPTS,
            nla::NET_CONF,
        ),
        "Change the network options of a connection.",
    ),
    about(
        config(
            "disconnect",
            Ctx::PeerNode,
            cmd::DRBD_ADM_DISCONNECT,
            nla::DISCONNECT_PARMS,
        ),
        "Unconnect from a peer host.",
    ),
    about(
        config(
            "resize",
            Ctx::Minor,
            cmd::DRBD_ADM_RESIZE,
            nla::RESIZE_PARMS,
        ),
        "Reexamine the lower-level device sizes to resize a replicated device.",
    ),
    about(
        changer(
            "resource-options",
            Ctx::Resource,
            cmd::DRBD_ADM_RESOURCE_OPTS,
            nla::RESOURCE_OPTS,
        ),
        "Change the resource options of an existing resource.",
    ),
    about(
        changer(
            "peer-device-options",
            Ctx::PeerDevice,
            cmd::DRBD_ADM_CHG_PEER_DEVICE_OPTS,
            nla::PEER_DEVICE_OPTS,
        ),
        "Change peer-device options.",
    ),
    about(
        config(
            "new-current-uuid",
            Ctx::Minor,
            cmd::DRBD_ADM_NEW_C_UUID,
            nla::NEW_C_UUID_PARMS,
        ),
        "Generate a new current UUID.",
    ),
    about(
        config(
            "invalidate",
            Ctx::Minor,
            cmd::DRBD_ADM_INVALIDATE,
            nla::INVALIDATE_PARMS,
        ),
        "Replace the local data of a volume with that of a peer.",
    ),
    about(
        config(
            "invalidate-remote",
            Ctx::PeerDevice,
            cmd::DRBD_ADM_INVAL_PEER,
            nla::INVAL_PEER_PARAMS,
        ),
        "Replace a peer's data of a volume with the local data.",
    ),
    about(
        config("pause-sync", Ctx::PeerDevice, cmd::DRBD_ADM_PAUSE_SYNC, 0),
        "Stop resynchronizing between a local and a peer device.",
    ),
    about(
        config("resume-sync", Ctx::PeerDevice, cmd::DRBD_ADM_RESUME_SYNC, 0),
        "Allow resynchronization to resume on a replicated device.",
    ),
    about(
        config(
            "suspend-io",
            Ctx::Minor,
            cmd::DRBD_ADM_SUSPEND_IO,
            nla::SUSPEND_IO_PARAMS,
        ),
        "Suspend I/O on a replicated device.",
    ),
    about(
        config("resume-io", Ctx::Minor, cmd::DRBD_ADM_RESUME_IO, 0),
        "Resume I/O on a replicated device.",
    ),
    about(
        config("outdate", Ctx::Minor, cmd::DRBD_ADM_OUTDATE, 0),
        "Mark the data on a lower-level device as outdated.",
    ),
    about(
        config(
            "verify",
            Ctx::PeerDevice,
            cmd::DRBD_ADM_START_OV,
            nla::START_OV_PARMS,
        ),
        "Verify the data on a lower-level device against a peer device.",
    ),
    about(down("down", Ctx::ResourceOrAll), "Take a resource down."),
    about(
        query("role", Ctx::Resource),
        "Show the current role of a resource.",
    ),
    about(
        query("peer-role", Ctx::PeerNode),
        "Show the current role of a peer.",
    ),
    about(
        query("cstate", Ctx::PeerNode),
        "Show the current state of a connection.",
    ),
    about(
        query("dstate", Ctx::Minor),
        "Show the current disk state of a lower-level device.",
    ),
    about(
        query("show-gi", Ctx::PeerDevice),
        "Show the data generation identifiers for a device on a particular connection, with \
         explanations.",
    ),
    about(
        query("get-gi", Ctx::PeerDevice),
        "Show the data generation identifiers for a device on a particular connection.",
    ),
    about(
        query("show", Ctx::ResourceOrAll),
        "Show the current configuration of a resource, or of all resources.",
    ),
    about(
        query("status", Ctx::ResourceOrAll),
        "Show the state of a resource, or of all resources.",
    ),
    about(
        query("check-resize", Ctx::Minor),
        "Remember the current size of a lower-level device.",
    ),
    about(
        events("events2", Ctx::ResourceOrAll),
        "Show the current state and all state changes of a resource, or of all resources.",
    ),
    about(
        events("wait-sync-volume", Ctx::PeerDevice),
        "Wait until resync finished on a volume.",
    ),
    about(
        events("wait-sync-connection", Ctx::PeerNode),
        "Wait until resync finished on all volumes of a connection.",
    ),
    about(
        events("wait-sync-resource", Ctx::Resource),
        "Wait until resync finished on all volumes.",
    ),
    about(
        events("wait-connect-volume", Ctx::PeerDevice),
        "Wait until a device on a peer is visible.",
    ),
    about(
        events("wait-connect-connection", Ctx::PeerNode),
        "Wait until all peer volumes of connection are visible.",
    ),
    // Upstream's spelling.
    about(
        events("wait-connect-resource", Ctx::Resource),
        "Wait until all connections are establised.",
    ),
    about(
        with_args(
            config(
                "new-resource",
                Ctx::Resource,
                cmd::DRBD_ADM_NEW_RESOURCE,
                nla::RESOURCE_OPTS,
            ),
            &[Arg::NodeId],
        ),
        "Create a new resource.",
    ),
    about(
        config(
            "new-minor",
            Ctx::NewMinor,
            cmd::DRBD_ADM_NEW_MINOR,
            nla::DEVICE_CONF,
        ),
        "Create a new replicated device within a resource.",
    ),
    about(
        config("del-minor", Ctx::Minor, cmd::DRBD_ADM_DEL_MINOR, 0),
        "Remove a replicated device.",
    ),
    about(
        config("del-resource", Ctx::Resource, cmd::DRBD_ADM_DEL_RESOURCE, 0),
        "Remove a resource.",
    ),
    about(
        with_args(
            config(
                "forget-peer",
                Ctx::Resource,
                cmd::DRBD_ADM_FORGET_PEER,
                nla::FORGET_PEER_PARMS,
            ),
            &[Arg::U32M("peer_node_id", nla::T_FORGET_PEER_NODE_ID)],
        ),
        "Completely remove any reference to an unconnected peer from meta-data.",
    ),
    about(
        with_args(
            config(
                "rename-resource",
                Ctx::Resource,
                cmd::DRBD_ADM_RENAME_RESOURCE,
                nla::RENAME_RESOURCE_PARMS,
            ),
            &[Arg::StrM("new_name", nla::T_NEW_RESOURCE_NAME)],
        ),
        "Rename a resource.",
    ),
    about(query("udev", Ctx::Minor), "Generate output for udev rules."),
];

/// The commands of the 8.4 drbdsetup (`drbdsetup-84`), in upstream's order.
pub static COMMANDS_V84: &[CommandDef] = &[
    config(
        "primary",
        Ctx::Minor,
        cmd::DRBD_ADM_PRIMARY,
        nla::SET_ROLE_PARMS,
    ),
    config("secondary", Ctx::Minor, cmd::DRBD_ADM_SECONDARY, 0),
    with_args(
        config("attach", Ctx::Minor, cmd::DRBD_ADM_ATTACH, nla::DISK_CONF),
        ATTACH_ARGS,
    ),
    changer(
        "disk-options",
        Ctx::Minor,
        cmd::DRBD_ADM_CHG_DISK_OPTS,
        nla::DISK_CONF,
    ),
    config(
        "detach",
        Ctx::Minor,
        cmd::DRBD_ADM_DETACH,
        nla::DETACH_PARMS,
    ),
    config(
        "connect",
        Ctx::ResourceConnection,
        cmd::DRBD_ADM_CONNECT,
        nla::NET_CONF,
    ),
    changer(
        "net-options",
        Ctx::Connection,
        cmd::DRBD_ADM_CHG_NET_OPTS,
        nla::NET_CONF,
    ),
    config(
        "disconnect",
        Ctx::Connection,
        cmd::DRBD_ADM_DISCONNECT,
        nla::DISCONNECT_PARMS,
    ),
    config(
        "resize",
        Ctx::Minor,
        cmd::DRBD_ADM_RESIZE,
        nla::RESIZE_PARMS,
    ),
    changer(
        "resource-options",
        Ctx::Resource,
        cmd::DRBD_ADM_RESOURCE_OPTS,
        nla::RESOURCE_OPTS,
    ),
    config(
        "new-current-uuid",
        Ctx::Minor,
        cmd::DRBD_ADM_NEW_C_UUID,
        nla::NEW_C_UUID_PARMS,
    ),
    config("invalidate", Ctx::Minor, cmd::DRBD_ADM_INVALIDATE, 0),
    config("invalidate-remote", Ctx::Minor, cmd::DRBD_ADM_INVAL_PEER, 0),
    config("pause-sync", Ctx::Minor, cmd::DRBD_ADM_PAUSE_SYNC, 0),
    config("resume-sync", Ctx::Minor, cmd::DRBD_ADM_RESUME_SYNC, 0),
    config("suspend-io", Ctx::Minor, cmd::DRBD_ADM_SUSPEND_IO, 0),
    config("resume-io", Ctx::Minor, cmd::DRBD_ADM_RESUME_IO, 0),
    config("outdate", Ctx::Minor, cmd::DRBD_ADM_OUTDATE, 0),
    config(
        "verify",
        Ctx::Minor,
        cmd::DRBD_ADM_START_OV,
        nla::START_OV_PARMS,
    ),
    down("down", Ctx::Resource),
    query("state", Ctx::Minor),
    query("role", Ctx::Minor),
    query("sh-status", Ctx::MinorResourceOrAll),
    query("cstate", Ctx::Minor),
    query("dstate", Ctx::Minor),
    query("show-gi", Ctx::Minor),
    query("get-gi", Ctx::Minor),
    query("show", Ctx::MinorResourceOrAll),
    query("status", Ctx::ResourceOrAll),
    query("check-resize", Ctx::Minor),
    query("events", Ctx::MinorResourceOrAll),
    events("events2", Ctx::ResourceOrAll),
    query("wait-connect", Ctx::Minor),
    query("wait-sync", Ctx::Minor),
    config(
        "new-resource",
        Ctx::Resource,
        cmd::DRBD_ADM_NEW_RESOURCE,
        nla::RESOURCE_OPTS,
    ),
    config(
        "new-minor",
        Ctx::NewMinor,
        cmd::DRBD_ADM_NEW_MINOR,
        nla::CFG_CONTEXT,
    ),
    config("del-minor", Ctx::Minor, cmd::DRBD_ADM_DEL_MINOR, 0),
    config("del-resource", Ctx::Resource, cmd::DRBD_ADM_DEL_RESOURCE, 0),
    query("udev", Ctx::Minor),
];

/// The command table of a dialect.
pub fn commands(dialect: Dialect) -> &'static [CommandDef] {
    match dialect {
        Dialect::V84 => COMMANDS_V84,
        Dialect::V9 => COMMANDS_V9,
    }
}

/// The command `name` of a dialect.
pub fn find(dialect: Dialect, name: &str) -> Option<&'static CommandDef> {
    commands(dialect).iter().find(|c| c.name == name)
}

/// Why a command line was refused (exit 20, upstream's `OTHER_ERROR`, but for an empty
/// number, see [`NumberError::exit_code`]).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum UsageError {
    /// `--name` is not an option of this command.
    #[error("unrecognized option '--{0}'")]
    UnknownOption(String),
    /// `--name` is a prefix of several options.
    #[error("option '--{0}' is ambiguous")]
    Ambiguous(String),
    /// `--name` needs a value.
    #[error("option '--{0}' requires an argument")]
    MissingValue(String),
    /// The value did not convert.
    #[error("Option --{0}: invalid argument '{1}'")]
    InvalidValue(String, String),
    /// The value converted but the table does not allow it (range, length): upstream's
    /// line, then why.
    #[error("Option --{0}: invalid argument '{1}'\n--{0}: {2}")]
    Refused(String, String, String),
    /// A number that `m_strtoll()` refuses.
    #[error(transparent)]
    Number(#[from] NumberError),
    /// A positional argument is missing.
    #[error("Missing argument '{0}'")]
    MissingArgument(&'static str),
    /// More positional arguments than the command takes.
    #[error("Excess arguments:{0}")]
    Excess(String),
    /// A minor that is neither a number nor `/dev/drbdN`.
    #[error("Cannot determine minor device number of device '{0}'")]
    BadMinor(String),
    /// A number argument that is not a number.
    #[error("{0} is not a valid number")]
    BadNumber(String),
    /// An address argument that did not parse.
    #[error(transparent)]
    Address(#[from] AddressError),
}

impl UsageError {
    /// Upstream's exit code.
    pub fn exit_code(&self) -> i32 {
        match self {
            UsageError::Number(e) => e.exit_code(),
            _ => 20,
        }
    }
}

/// A long option a command accepts besides the table's: output flags, wait timeouts...
/// handled by the command itself rather than sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalOptions(pub Vec<(String, Option<String>)>);

impl LocalOptions {
    /// Whether `--name` was given.
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    /// The last value of `--name=value`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invocation {
    /// The command.
    pub def: &'static CommandDef,
    /// The first positional argument as upstream prints it in messages (`objname`).
    pub objname: String,
    /// The resource named, if any (`None` for `all`).
    pub resource: Option<String>,
    /// The minor named, if any.
    pub minor: Option<u32>,
    /// The peer node id named (9).
    pub peer_node_id: Option<u32>,
    /// The volume named.
    pub volume: Option<u32>,
    /// The request message (for Config/Down commands).
    pub request: Request,
    /// Options the command itself handles.
    pub local: LocalOptions,
}

/// Parses a minor: a number or `/dev/drbdN` (`dt_minor_of_dev`).
pub fn minor_of(text: &str) -> Option<u32> {
    let digits = text.strip_prefix("/dev/drbd").unwrap_or(text);
    digits.parse().ok()
}

/// An option of the command: its row of the option table.
struct Found(&'static OptionDef, &'static Spec);

fn lookup_option(def: &CommandDef, dialect: Dialect, given: &str) -> Result<Found, UsageError> {
    let mut candidates: Vec<Found> = Vec::new();
    let mut exact = None;
    for (o, spec) in options::for_command(def.name, dialect) {
        if o.name == given {
            exact = Some(Found(o, spec));
        } else if o.name.starts_with(given) {
            candidates.push(Found(o, spec));
        }
    }
    // Upstream's aliases: primary --overwrite-data-of-peer, connect --dry-run.
    let alias = match (def.name, given) {
        ("primary", "overwrite-data-of-peer") => Some("force"),
        ("connect", "dry-run") if dialect == Dialect::V9 => Some("tentative"),
        _ => None,
    };
    if let Some(target) = alias {
        if let Some((o, spec)) = options::lookup_for_command(target, def.name, dialect) {
            return Ok(Found(o, spec));
        }
    }
    if let Some(found) = exact {
        return Ok(found);
    }
    match (candidates.pop(), candidates.is_empty()) {
        (None, _) => Err(UsageError::UnknownOption(given.to_string())),
        (Some(found), true) => Ok(found),
        (Some(_), false) => Err(UsageError::Ambiguous(given.to_string())),
    }
}

fn takes_required_argument(ty: &ValueType) -> bool {
    !matches!(ty, ValueType::Flag | ValueType::Bool { .. })
}

/// Options in command-line order, and the positional arguments.
type SplitArgv = (Vec<(Found, Option<String>)>, Vec<String>);

/// Splits argv (after the command name) into options, in order, and positional arguments.
fn split_argv(
    def: &CommandDef,
    dialect: Dialect,
    argv: &[String],
) -> Result<SplitArgv, UsageError> {
    let mut opts = Vec::new();
    let mut positional = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if a == "--" {
            positional.extend(argv[i..].iter().cloned());
            break;
        }
        let Some(body) = a.strip_prefix("--") else {
            positional.push(a.clone());
            continue;
        };
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        let found = lookup_option(def, dialect, name)?;
        // `--color` takes its argument only after `=` (getopt's optional_argument).
        let required = found.0.name != "color" && takes_required_argument(&found.1.ty);
        let value = if inline.is_some() || !required {
            inline
        } else if i < argv.len() {
            i += 1;
            Some(argv[i - 1].clone())
        } else {
            return Err(UsageError::MissingValue(name.to_string()));
        };
        opts.push((found, value));
    }
    Ok((opts, positional))
}

/// Parses a command line (argv after the command name) into an [`Invocation`].
pub fn parse(
    def: &'static CommandDef,
    dialect: Dialect,
    argv: &[String],
    mandatory_bit: bool,
) -> Result<Invocation, UsageError> {
    let (opts, positional) = split_argv(def, dialect, argv)?;
    let mut pos = positional.into_iter();
    fn need_from(
        pos: &mut std::vec::IntoIter<String>,
        name: &'static str,
    ) -> Result<String, UsageError> {
        pos.next().ok_or(UsageError::MissingArgument(name))
    }
    macro_rules! need {
        ($name:expr) => {
            need_from(&mut pos, $name)
        };
    }
    let number = |s: &str| {
        s.parse::<u32>()
            .map_err(|_| UsageError::BadNumber(s.to_string()))
    };

    let mut inv = Invocation {
        def,
        objname: String::new(),
        resource: None,
        minor: None,
        peer_node_id: None,
        volume: None,
        request: Request::new(def.cmd),
        local: LocalOptions::default(),
    };
    let mut ctx_fields: Vec<Attr> = Vec::new();
    let m = mandatory_bit;
    match def.ctx {
        Ctx::Minor => {
            let text = need!("minor")?;
            inv.minor = Some(minor_of(&text).ok_or_else(|| UsageError::BadMinor(text.clone()))?);
            inv.objname = text;
        }
        Ctx::Resource | Ctx::PeerNode | Ctx::PeerDevice | Ctx::ResourceConnection => {
            let name = need!("resource")?;
            inv.objname.clone_from(&name);
            inv.resource = Some(name);
        }
        Ctx::ResourceOrAll | Ctx::MinorResourceOrAll => {
            let name = pos.next().unwrap_or_else(|| "all".to_string());
            inv.objname.clone_from(&name);
            if name != "all" {
                inv.resource = Some(name);
            }
        }
        Ctx::NewMinor => {
            let name = need!("resource")?;
            let minor_text = need!("minor")?;
            let volume = need!("volume")?;
            inv.minor = Some(minor_of(&minor_text).ok_or(UsageError::BadMinor(minor_text))?);
            inv.volume = Some(number(&volume)?);
            // The 8.4 tool's new-minor has no context key: its errors name "??".
            if dialect == Dialect::V84 {
                inv.objname = "??".to_string();
            } else {
                inv.objname.clone_from(&name);
            }
            inv.resource = Some(name);
        }
        Ctx::Connection => inv.objname = "??".to_string(),
    }
    if let Some(name) = &inv.resource {
        ctx_fields.push(Attr::field(
            nla::T_CTX_RESOURCE_NAME,
            m,
            Value::Str(name.clone()),
        ));
    }
    if matches!(def.ctx, Ctx::PeerNode | Ctx::PeerDevice) {
        let id = number(&need!("peer_node_id")?)?;
        inv.peer_node_id = Some(id);
        ctx_fields.push(Attr::field(nla::T_CTX_PEER_NODE_ID, m, Value::U32(id)));
    }
    if def.ctx == Ctx::PeerDevice {
        let vol = number(&need!("volume")?)?;
        inv.volume = Some(vol);
        ctx_fields.push(Attr::field(nla::T_CTX_VOLUME, m, Value::U32(vol)));
    }
    if matches!(def.ctx, Ctx::Connection | Ctx::ResourceConnection) {
        let local = sockaddr_from_str(&need!("local_addr")?)?;
        let peer = sockaddr_from_str(&need!("remote_addr")?)?;
        ctx_fields.push(Attr::field(nla::T_CTX_MY_ADDR, m, Value::Bin(local)));
        ctx_fields.push(Attr::field(nla::T_CTX_PEER_ADDR, m, Value::Bin(peer)));
    }

    let mut payload: Vec<Attr> = Vec::new();
    let mut payload_opened = false;
    for (found, value) in opts {
        let Found(o, spec) = found;
        if o.name == "set-defaults" {
            inv.request.flags |= DRBD_GENL_F_SET_DEFAULTS;
            continue;
        }
        if spec.nl.is_none() {
            inv.local.0.push((o.name.to_string(), value));
            continue;
        }
        payload_opened = true;
        if let Some(attr) = option_attr(o, spec, value.as_deref(), m)? {
            payload.push(attr);
        }
    }

    for arg in def.args {
        let (name, attr) = match *arg {
            Arg::NodeId => match pos.next() {
                Some(text) => (
                    "node_id",
                    Attr::field(nla::T_NODE_ID, false, Value::U32(number(&text)?)),
                ),
                None => {
                    payload.push(Attr::field(nla::T_NODE_ID, false, Value::U32(u32::MAX)));
                    payload.push(Attr::field(nla::T_DRBD8_COMPAT_MODE, false, Value::U8(1)));
                    payload_opened = true;
                    continue;
                }
            },
            Arg::Str(name, nr) => (name, Attr::field(nr, false, Value::Str(need!(name)?))),
            Arg::StrM(name, nr) => (name, Attr::field(nr, m, Value::Str(need!(name)?))),
            Arg::U32(name, nr) => (
                name,
                Attr::field(nr, false, Value::U32(number(&need!(name)?)?)),
            ),
            Arg::U32M(name, nr) => (name, Attr::field(nr, m, Value::U32(number(&need!(name)?)?))),
            Arg::Addr(name, nr) => (
                name,
                Attr::field(nr, m, Value::Bin(sockaddr_from_str(&need!(name)?)?)),
            ),
            Arg::MdIdx(name, nr) => {
                let text = need!(name)?;
                let idx: i32 = match text.as_str() {
                    "internal" => -3,
                    "flexible" => -2,
                    t => t
                        .parse()
                        .map_err(|_| UsageError::BadNumber(t.to_string()))?,
                };
                (name, Attr::field(nr, false, Value::U32(idx as u32)))
            }
        };
        let _ = name;
        payload.push(attr);
        payload_opened = true;
    }
    let rest: Vec<String> = pos.collect();
    if !rest.is_empty() {
        return Err(UsageError::Excess(
            rest.iter().map(|a| format!(" {a}")).collect(),
        ));
    }

    // Assemble: header minor or context set, then the payload set.
    let req = &mut inv.request;
    match (dialect, def.ctx) {
        (Dialect::V84, Ctx::NewMinor) => {
            req.minor = inv.minor.unwrap_or(u32::MAX);
            let mut fields = ctx_fields;
            fields.push(Attr::field(
                nla::T_CTX_VOLUME,
                m,
                Value::U32(inv.volume.unwrap_or(0)),
            ));
            req.tlas.push(Attr::nested(nla::CFG_CONTEXT, fields));
            payload_opened = false;
        }
        (_, Ctx::NewMinor) => {
            req.minor = inv.minor.unwrap_or(u32::MAX);
            ctx_fields.push(Attr::field(
                nla::T_CTX_VOLUME,
                m,
                Value::U32(inv.volume.unwrap_or(0)),
            ));
            req.tlas.push(Attr::nested(nla::CFG_CONTEXT, ctx_fields));
        }
        (_, Ctx::Minor) => req.minor = inv.minor.unwrap_or(u32::MAX),
        _ if ctx_fields.is_empty() => {}
        _ => req.tlas.push(Attr::nested(nla::CFG_CONTEXT, ctx_fields)),
    }
    if payload_opened && def.tla != 0 {
        req.tlas.push(Attr::nested(def.tla, payload));
    }
    if def.kind == Kind::Events {
        req.nl_flags = NLM_F_DUMP;
    }
    Ok(inv)
}

#[cfg(test)]
mod tests;
