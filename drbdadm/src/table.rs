//! drbdadm's command table, as upstream's `cmds[]` (user/v9/drbdadm_main.c and
//! user/v84/drbdadm_main.c): what each command iterates over, what it needs, which
//! backend options it passes on, and which stage it belongs to when deferred.

use conf_parser::options::{self, Dialect};

use crate::plan::Stage;

/// Which generator makes a command's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    /// attach (repair-md, apply-al, attach).
    Attach,
    /// disk-options.
    DiskOptions,
    /// A plain drbdsetup call.
    Drbdsetup,
    /// new-peer / net-options.
    NewPeer,
    /// new-path / del-path.
    Path,
    /// connect.
    Connect,
    /// up.
    Up,
    /// new-resource / resource-options.
    Resource,
    /// peer-device-options.
    PeerDevice,
    /// role / peer-role.
    Role,
    /// drbdsetup first, drbdmeta when the kernel does not know (dstate, get-gi, show-gi).
    SetupAndMeta,
    /// invalidate.
    Invalidate,
    /// outdate.
    Outdate,
    /// resize.
    Resize,
    /// check-resize.
    ChkResize,
    /// adjust.
    Adjust,
    /// adjust-with-progress.
    AdjustWp,
    /// wait-connect / wait-sync.
    WaitC,
    /// wait-con-int.
    WaitCi,
    /// dump.
    Dump,
    /// dump-xml.
    DumpXml,
    /// create-md.
    CreateMd,
    /// A plain drbdmeta call.
    Drbdmeta,
    /// forget-peer.
    ForgetPeer,
    /// hidden-commands.
    Hidden,
    /// sh-nop.
    ShNop,
    /// sh-resources.
    ShResources,
    /// sh-resource.
    ShResource,
    /// sh-mod-parms.
    ShModParms,
    /// sh-dev.
    ShDev,
    /// sh-udev.
    ShUdev,
    /// sh-minor.
    ShMinor,
    /// sh-ll-dev.
    ShLlDev,
    /// sh-md-dev.
    ShMdDev,
    /// sh-md-idx.
    ShMdIdx,
    /// sh-ip.
    ShIp,
    /// sh-lr-of.
    ShLres,
    /// sh-list-config-file.
    ShLcf,
    /// sh-list-adjustable.
    ShListAdjustable,
    /// sh-b-pri (8.4).
    ShBPri,
    /// sh-status (8.4).
    ShStatus,
    /// proxy-up.
    ProxyUp,
    /// proxy-down.
    ProxyDown,
    /// new-minor.
    NewMinor,
    /// A kernel helper callback (before-resync-target, fence-peer, ...).
    Khelper,
    /// status (8.4: drbdsetup-84 status / sh-status).
    Status,
    /// lint (ours).
    Lint,
}

/// The backend options a command passes on (upstream's `drbdsetup_ctx`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fields {
    /// None.
    None,
    /// The options of this drbdsetup command in the option table.
    Setup(&'static str),
    /// A fixed list (drbdadm-only contexts).
    List(&'static [Field]),
    /// Anything (set-gi's `wildcard_ctx`: an empty context whose options go unchecked).
    Wildcard,
    /// No context, and the options go unchecked (8.4's create-md).
    Unchecked,
}

/// One option of a drbdadm-only context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The long option's name.
    pub name: &'static str,
    /// Upstream's `argument_is_optional`: `--name` alone is complete (flags, booleans).
    pub optional_value: bool,
    /// Newer than drbd-utils 9.34 (its conformance tests use it), so left out of the usage
    /// text that must match 9.34's.
    pub extension: bool,
}

/// A field whose value may be left out (`--force`).
const fn flag(name: &'static str) -> Field {
    Field {
        name,
        optional_value: true,
        extension: false,
    }
}

/// A field that needs a value (`--max-peers=N`).
const fn value(name: &'static str) -> Field {
    Field {
        name,
        optional_value: false,
        extension: false,
    }
}

/// A field drbd-utils 9.34 does not have yet.
const fn newer(f: Field) -> Field {
    Field {
        extension: true,
        ..f
    }
}

// drbdadm's own contexts, as drbd-utils 9.34's user/v9/config_flags.c defines them.

/// drbdmeta's `forceable_ctx`.
pub const FORCEABLE: Fields = Fields::List(&[flag("force")]);
/// `create_md_ctx`.
pub const CREATE_MD: Fields = Fields::List(&[
    value("max-peers"),
    value("peer-max-bio-size"),
    value("al-stripes"),
    value("al-stripe-size-kB"),
    flag("force"),
    value("effective-size"),
    value("bitmap-block-size"),
    value("diskful-peers"),
    // Pre-provisioning (after 9.34).
    newer(value("initial-current-uuid")),
    newer(flag("consistent")),
    newer(flag("uptodate")),
    newer(flag("peers-outdated")),
    newer(flag("rotate-uuids")),
]);
/// dump-superblock's options (ours: 9.34 has no dump-superblock).
pub const DUMP_SUPERBLOCK: Fields =
    Fields::List(&[flag("force"), value("output-format"), flag("quiet")]);
/// `repair_md_ctx`.
pub const REPAIR_MD: Fields = Fields::List(&[flag("tentative"), flag("force")]);
/// `adjust_ctx`.
pub const ADJUST: Fields = Fields::List(&[
    flag("skip-disk"),
    flag("skip-net"),
    flag("tentative"),
    flag("discard-my-data"),
]);
/// `status_ctx`.
pub const STATUS: Fields = Fields::List(&[flag("statistics")]);
/// `invalidate_adm_ctx`.
pub const INVALIDATE_ADM: Fields = Fields::List(&[
    flag("force"),
    value("sync-from-peer-node-id"),
    flag("reset-bitmap"),
]);
/// `invalidate_ctx` (the drbdsetup half).
pub const INVALIDATE: Fields =
    Fields::List(&[value("sync-from-peer-node-id"), flag("reset-bitmap")]);

/// Options whose place in a personality's contexts differs from the option table's, which
/// keeps each shared row where the other personality has it: (personality, option, the
/// option it follows there), from config_flags.c.
const MOVED: &[(Dialect, &str, &str)] = &[
    // DRBD 9's CHANGEABLE_NET_OPTIONS.
    (Dialect::V9, "max-buffers", "fencing"),
    // 8.4's CHANGEABLE_DISK_OPTIONS.
    (Dialect::V84, "fencing", "on-io-error"),
];

/// Moves the field `name` right behind `after`, if both are there.
fn move_after(v: &mut Vec<Field>, name: &str, after: &str) {
    let Some(from) = v.iter().position(|f| f.name == name) else {
        return;
    };
    let f = v.remove(from);
    match v.iter().position(|f| f.name == after) {
        Some(to) => v.insert(to + 1, f),
        None => v.insert(from, f),
    }
}

/// `path_cmd_ctx`: a context without options.
pub const PATH: Fields = Fields::List(&[]);

impl Fields {
    /// The fields, in upstream's order.
    pub fn fields(self, dialect: Dialect) -> Vec<Field> {
        match self {
            Fields::None | Fields::Wildcard | Fields::Unchecked => Vec::new(),
            Fields::List(l) => l.to_vec(),
            Fields::Setup(cmd) => {
                // drbdsetup adds --set-defaults to its changeable commands itself; drbdadm's
                // contexts do not have it.
                let rows: Vec<_> = options::for_command(cmd, dialect)
                    .filter(|(o, _)| o.name != "set-defaults")
                    .collect();
                // Upstream's contexts list a command's own options before the shared ones.
                let (own, shared): (Vec<_>, Vec<_>) = rows
                    .into_iter()
                    .partition(|(_, spec)| spec.section == options::Section::Command);
                let mut v: Vec<Field> = own
                    .into_iter()
                    .chain(shared)
                    .map(|(o, spec)| Field {
                        name: o.name,
                        // config_flags.c's BOOLEAN and FLAG fields take an optional value.
                        optional_value: matches!(
                            spec.ty,
                            options::ValueType::Flag | options::ValueType::Bool { .. }
                        ),
                        extension: false,
                    })
                    .collect();
                v.dedup_by_key(|f| f.name);
                for (d, name, after) in MOVED {
                    if *d == dialect {
                        move_after(&mut v, name, after);
                    }
                }
                v
            }
        }
    }

    /// The field names, in upstream's order.
    pub fn names(self, dialect: Dialect) -> Vec<&'static str> {
        self.fields(dialect).iter().map(|f| f.name).collect()
    }

    /// Whether upstream has a context at all (its usage prints "OPTIONS FOR cmd:" then).
    pub fn has_context(self) -> bool {
        !matches!(self, Fields::None | Fields::Unchecked)
    }

    /// Upstream's `is_valid_backend_option()`: the user's `--name[=v]`, up to `=`, is a
    /// prefix of one of the fields.
    pub fn accepts(self, dialect: Dialect, opt: &str) -> bool {
        match self {
            Fields::Wildcard | Fields::Unchecked => true,
            Fields::None => false,
            _ => {
                let Some(name) = opt.strip_prefix("--") else {
                    return false;
                };
                if name.is_empty() {
                    return false;
                }
                let name = name.split('=').next().unwrap_or(name);
                self.names(dialect).iter().any(|f| f.starts_with(name))
            }
        }
    }

    /// Exact-name validation of a command-line backend option (`parse_options()`).
    pub fn knows(self, dialect: Dialect, name: &str) -> bool {
        match self {
            Fields::Wildcard | Fields::Unchecked => true,
            Fields::None => false,
            _ => self.names(dialect).contains(&name),
        }
    }
}

/// Command flags (upstream's `ACF*` macros).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// 1 normal, 2 shell helpers, 3 handlers, 4 expert (0: never shown).
    pub show: u8,
    /// A resource name (or `all`) must be given.
    pub res_name_required: bool,
    /// The resource name goes to the backend.
    pub backend_res_name: bool,
    /// Runs once per volume.
    pub iterate_volumes: bool,
    /// Runs once per connection.
    pub need_peer: bool,
    /// The volume needs a backing disk.
    pub disk_required: bool,
    /// Runs once per path.
    pub iterate_paths: bool,
    /// A volume must be named.
    pub vol_id_required: bool,
    /// A volume may be named.
    pub vol_id_optional: bool,
    /// This node's address must be local.
    pub verify_ips: bool,
    /// Uses the long time limit.
    pub takes_long: bool,
    /// Kernel callback: finds its config through the registry.
    pub use_cached_config: bool,
    /// drbd-proxy command.
    pub is_proxy_cmd: bool,
    /// `-t` is allowed.
    pub test_config: bool,
    /// Ours only: drbd-utils 9.34 has no such command, so the usage texts that must match
    /// upstream's leave it out (the man page documents it).
    pub extension: bool,
}

/// One command.
#[derive(Clone, Copy, Debug)]
pub struct CmdDef {
    /// Its name.
    pub name: &'static str,
    /// Its generator.
    pub func: Func,
    /// The backend options it takes.
    pub fields: Fields,
    /// Its stage when deferred.
    pub stage: Option<Stage>,
    /// Its flags.
    pub flags: Flags,
}

const DEFAULT: Flags = Flags {
    show: 1,
    res_name_required: true,
    backend_res_name: true,
    iterate_volumes: true,
    need_peer: false,
    disk_required: false,
    iterate_paths: false,
    vol_id_required: false,
    vol_id_optional: false,
    verify_ips: false,
    takes_long: false,
    use_cached_config: false,
    is_proxy_cmd: false,
    test_config: false,
    extension: false,
};
const MINOR_ONLY: Flags = Flags {
    backend_res_name: false,
    disk_required: true,
    ..DEFAULT
};
const RESNAME: Flags = Flags {
    iterate_volumes: false,
    ..DEFAULT
};
const RESNAME_VERIFY_IPS: Flags = Flags {
    verify_ips: true,
    ..RESNAME
};
const CONNECT: Flags = Flags {
    iterate_volumes: false,
    verify_ips: true,
    need_peer: true,
    ..DEFAULT
};
const DISCONNECT: Flags = Flags {
    iterate_volumes: false,
    need_peer: true,
    ..DEFAULT
};
const WAIT: Flags = Flags {
    backend_res_name: false,
    iterate_volumes: false,
    vol_id_optional: true,
    verify_ips: true,
    ..DEFAULT
};
const PEER_DEVICE: Flags = Flags {
    need_peer: true,
    ..DEFAULT
};
const RES_HANDLER: Flags = Flags {
    show: 3,
    iterate_volumes: false,
    use_cached_config: true,
    ..DEFAULT
};
const ADVANCED: Flags = Flags { show: 4, ..DEFAULT };
const ADVANCED_NEED_VOL: Flags = Flags {
    vol_id_required: true,
    ..ADVANCED
};
const DUMP: Flags = Flags {
    iterate_volumes: false,
    verify_ips: true,
    test_config: true,
    ..DEFAULT
};
const SHELL: Flags = Flags { show: 2, ..DEFAULT };
const SH_RESNAME: Flags = Flags {
    iterate_volumes: false,
    ..SHELL
};
const PROXY: Flags = Flags {
    iterate_volumes: false,
    need_peer: true,
    is_proxy_cmd: true,
    ..SHELL
};
const HOOK: Flags = Flags {
    iterate_volumes: false,
    use_cached_config: true,
    ..SHELL
};
const GEN_SHELL: Flags = Flags {
    show: 2,
    res_name_required: false,
    backend_res_name: false,
    iterate_volumes: false,
    ..DEFAULT
};

const fn c(name: &'static str, func: Func, fields: Fields, flags: Flags) -> CmdDef {
    CmdDef {
        name,
        func,
        fields,
        stage: None,
        flags,
    }
}

const fn s(name: &'static str, func: Func, fields: Fields, stage: Stage, flags: Flags) -> CmdDef {
    CmdDef {
        name,
        func,
        fields,
        stage: Some(stage),
        flags,
    }
}

const LONG: Flags = Flags {
    takes_long: true,
    ..DEFAULT
};

/// The DRBD 9 personality's commands, in upstream's order.
pub const V9: &[CmdDef] = &[
    s(
        "attach",
        Func::Attach,
        Fields::Setup("attach"),
        Stage::Disk,
        MINOR_ONLY,
    ),
    // Upstream's disk-options takes attach's options (`attach_cmd_ctx`), --size too.
    s(
        "disk-options",
        Func::DiskOptions,
        Fields::Setup("attach"),
        Stage::Disk,
        MINOR_ONLY,
    ),
    s(
        "detach",
        Func::Drbdsetup,
        Fields::Setup("detach"),
        Stage::DiskPrepDown,
        Flags {
            takes_long: true,
            ..MINOR_ONLY
        },
    ),
    s(
        "new-peer",
        Func::NewPeer,
        Fields::Setup("new-peer"),
        Stage::NetPrepUp,
        CONNECT,
    ),
    s(
        "del-peer",
        Func::Drbdsetup,
        Fields::Setup("del-peer"),
        Stage::NetPrepDown,
        CONNECT,
    ),
    s(
        "new-path",
        Func::Path,
        PATH,
        Stage::NetPath,
        Flags {
            iterate_paths: true,
            ..CONNECT
        },
    ),
    s(
        "del-path",
        Func::Path,
        PATH,
        Stage::NetPrepDown,
        Flags {
            iterate_paths: true,
            ..CONNECT
        },
    ),
    s(
        "connect",
        Func::Connect,
        Fields::Setup("connect"),
        Stage::NetConnect,
        CONNECT,
    ),
    s(
        "net-options",
        Func::NewPeer,
        Fields::Setup("net-options"),
        Stage::NetPrepUp,
        CONNECT,
    ),
    s(
        "disconnect",
        Func::Drbdsetup,
        Fields::Setup("disconnect"),
        Stage::NetDisconnect,
        DISCONNECT,
    ),
    c("up", Func::Up, Fields::None, RESNAME_VERIFY_IPS),
    s(
        "resource-options",
        Func::Resource,
        Fields::Setup("resource-options"),
        Stage::Resource,
        RESNAME,
    ),
    s(
        "peer-device-options",
        Func::PeerDevice,
        Fields::Setup("peer-device-options"),
        Stage::PeerDevice,
        PEER_DEVICE,
    ),
    c(
        "down",
        Func::Drbdsetup,
        Fields::None,
        Flags {
            takes_long: true,
            ..RESNAME
        },
    ),
    c(
        "primary",
        Func::Drbdsetup,
        Fields::Setup("primary"),
        Flags {
            takes_long: true,
            ..RESNAME
        },
    ),
    c(
        "secondary",
        Func::Drbdsetup,
        Fields::Setup("secondary"),
        Flags {
            takes_long: true,
            ..RESNAME
        },
    ),
    c("invalidate", Func::Invalidate, INVALIDATE_ADM, MINOR_ONLY),
    c(
        "invalidate-remote",
        Func::Drbdsetup,
        Fields::Setup("invalidate-remote"),
        Flags {
            takes_long: true,
            ..PEER_DEVICE
        },
    ),
    c("outdate", Func::Outdate, Fields::None, DEFAULT),
    s(
        "resize",
        Func::Resize,
        Fields::Setup("resize"),
        Stage::Disk,
        Flags {
            disk_required: true,
            ..DEFAULT
        },
    ),
    c(
        "verify",
        Func::Drbdsetup,
        Fields::Setup("verify"),
        PEER_DEVICE,
    ),
    c("pause-sync", Func::Drbdsetup, Fields::None, PEER_DEVICE),
    c("resume-sync", Func::Drbdsetup, Fields::None, PEER_DEVICE),
    c(
        "adjust",
        Func::Adjust,
        ADJUST,
        Flags {
            vol_id_optional: true,
            ..RESNAME_VERIFY_IPS
        },
    ),
    c(
        "adjust-with-progress",
        Func::AdjustWp,
        Fields::None,
        RESNAME_VERIFY_IPS,
    ),
    c("wait-connect", Func::WaitC, Fields::None, WAIT),
    c("wait-sync", Func::WaitC, Fields::None, WAIT),
    c(
        "wait-con-int",
        Func::WaitCi,
        Fields::None,
        Flags {
            show: 1,
            verify_ips: true,
            ..Flags::EMPTY
        },
    ),
    c("role", Func::Role, Fields::None, RESNAME),
    c(
        "peer-role",
        Func::Drbdsetup,
        Fields::None,
        Flags {
            show: 0,
            ..DISCONNECT
        },
    ),
    c("cstate", Func::Drbdsetup, Fields::None, DISCONNECT),
    c(
        "dstate",
        Func::SetupAndMeta,
        FORCEABLE,
        Flags {
            disk_required: false,
            ..MINOR_ONLY
        },
    ),
    c(
        "status",
        Func::Status,
        STATUS,
        Flags {
            show: 1,
            backend_res_name: true,
            ..Flags::EMPTY
        },
    ),
    c(
        "dump",
        Func::Dump,
        Fields::None,
        Flags {
            vol_id_optional: true,
            ..DUMP
        },
    ),
    c("dump-xml", Func::DumpXml, Fields::None, DUMP),
    c("create-md", Func::CreateMd, CREATE_MD, MINOR_ONLY),
    c(
        "show-gi",
        Func::SetupAndMeta,
        FORCEABLE,
        Flags {
            disk_required: true,
            ..PEER_DEVICE
        },
    ),
    c(
        "get-gi",
        Func::SetupAndMeta,
        FORCEABLE,
        Flags {
            disk_required: true,
            ..PEER_DEVICE
        },
    ),
    c("dump-md", Func::Drbdmeta, FORCEABLE, MINOR_ONLY),
    c(
        "dump-superblock",
        Func::Drbdmeta,
        DUMP_SUPERBLOCK,
        Flags {
            extension: true,
            ..MINOR_ONLY
        },
    ),
    c("wipe-md", Func::Drbdmeta, FORCEABLE, MINOR_ONLY),
    c("apply-al", Func::Drbdmeta, FORCEABLE, MINOR_ONLY),
    c("forget-peer", Func::ForgetPeer, FORCEABLE, DISCONNECT),
    c("repair-md", Func::Drbdmeta, REPAIR_MD, MINOR_ONLY),
    c(
        "hidden-commands",
        Func::Hidden,
        Fields::None,
        Flags {
            show: 1,
            ..Flags::EMPTY
        },
    ),
    c(
        "sh-nop",
        Func::ShNop,
        Fields::None,
        Flags {
            test_config: true,
            ..GEN_SHELL
        },
    ),
    c("sh-resources", Func::ShResources, Fields::None, GEN_SHELL),
    c(
        "sh-resource",
        Func::ShResource,
        Fields::None,
        Flags {
            vol_id_optional: true,
            ..SH_RESNAME
        },
    ),
    c("sh-mod-parms", Func::ShModParms, Fields::None, GEN_SHELL),
    c("sh-dev", Func::ShDev, Fields::None, SHELL),
    c(
        "sh-udev",
        Func::ShUdev,
        Fields::None,
        Flags {
            vol_id_required: true,
            ..HOOK
        },
    ),
    c("sh-minor", Func::ShMinor, Fields::None, SHELL),
    c("sh-ll-dev", Func::ShLlDev, Fields::None, SHELL),
    c(
        "sh-md-dev",
        Func::ShMdDev,
        Fields::None,
        Flags {
            disk_required: true,
            ..SHELL
        },
    ),
    c(
        "sh-md-idx",
        Func::ShMdIdx,
        Fields::None,
        Flags {
            disk_required: true,
            ..SHELL
        },
    ),
    c(
        "sh-ip",
        Func::ShIp,
        Fields::None,
        Flags {
            need_peer: true,
            iterate_paths: true,
            ..SHELL
        },
    ),
    c("sh-lr-of", Func::ShLres, Fields::None, SHELL),
    c(
        "sh-list-config-file",
        Func::ShLcf,
        Fields::None,
        Flags {
            vol_id_optional: true,
            ..SH_RESNAME
        },
    ),
    c(
        "sh-list-adjustable",
        Func::ShListAdjustable,
        ADJUST,
        Flags {
            vol_id_optional: true,
            ..SH_RESNAME
        },
    ),
    c("proxy-up", Func::ProxyUp, Fields::None, PROXY),
    c("proxy-down", Func::ProxyDown, Fields::None, PROXY),
    s(
        "new-resource",
        Func::Resource,
        Fields::Setup("new-resource"),
        Stage::Prereq,
        SH_RESNAME,
    ),
    s(
        "new-minor",
        Func::NewMinor,
        Fields::Setup("new-minor"),
        Stage::DiskPrepUp,
        ADVANCED,
    ),
    s(
        "del-minor",
        Func::Drbdsetup,
        Fields::None,
        Stage::DiskPrepDown,
        Flags {
            show: 4,
            disk_required: false,
            ..MINOR_ONLY
        },
    ),
    c(
        "before-resync-target",
        Func::Khelper,
        Fields::None,
        RES_HANDLER,
    ),
    c(
        "after-resync-target",
        Func::Khelper,
        Fields::None,
        RES_HANDLER,
    ),
    c(
        "before-resync-source",
        Func::Khelper,
        Fields::None,
        RES_HANDLER,
    ),
    c(
        "pri-on-incon-degr",
        Func::Khelper,
        Fields::None,
        RES_HANDLER,
    ),
    c(
        "pri-lost-after-sb",
        Func::Khelper,
        Fields::None,
        RES_HANDLER,
    ),
    c("fence-peer", Func::Khelper, Fields::None, RES_HANDLER),
    c("local-io-error", Func::Khelper, Fields::None, RES_HANDLER),
    c("pri-lost", Func::Khelper, Fields::None, RES_HANDLER),
    c(
        "initial-split-brain",
        Func::Khelper,
        Fields::None,
        RES_HANDLER,
    ),
    c("split-brain", Func::Khelper, Fields::None, RES_HANDLER),
    c("out-of-sync", Func::Khelper, Fields::None, RES_HANDLER),
    c("unfence-peer", Func::Khelper, Fields::None, RES_HANDLER),
    c("quorum-lost", Func::Khelper, Fields::None, RES_HANDLER),
    c("disconnected", Func::Khelper, Fields::None, RES_HANDLER),
    c(
        "suspend-io",
        Func::Drbdsetup,
        Fields::Setup("suspend-io"),
        Flags {
            backend_res_name: false,
            ..ADVANCED
        },
    ),
    c(
        "resume-io",
        Func::Drbdsetup,
        Fields::None,
        Flags {
            backend_res_name: false,
            ..ADVANCED
        },
    ),
    c(
        "set-gi",
        Func::Drbdmeta,
        Fields::Wildcard,
        Flags {
            disk_required: true,
            need_peer: true,
            ..ADVANCED_NEED_VOL
        },
    ),
    c(
        "new-current-uuid",
        Func::Drbdsetup,
        Fields::Setup("new-current-uuid"),
        Flags {
            backend_res_name: false,
            ..ADVANCED_NEED_VOL
        },
    ),
    c("check-resize", Func::ChkResize, Fields::None, ADVANCED),
    c(
        "lint",
        Func::Lint,
        Fields::None,
        Flags {
            show: 1,
            extension: true,
            ..Flags::EMPTY
        },
    ),
];

const DEFNET84: Flags = Flags {
    need_peer: true,
    verify_ips: true,
    ..DEFAULT
};
const CONNECT84: Flags = Flags {
    iterate_volumes: false,
    need_peer: true,
    verify_ips: true,
    ..DEFAULT
};
const UP84: Flags = Flags {
    iterate_volumes: false,
    need_peer: true,
    verify_ips: true,
    ..DEFAULT
};
const HANDLER84: Flags = Flags {
    show: 3,
    iterate_volumes: false,
    vol_id_required: true,
    use_cached_config: true,
    ..DEFAULT
};

/// The DRBD 8.4 personality's commands (user/v84/drbdadm_main.c), in upstream's order.
pub const V84: &[CmdDef] = &[
    c("attach", Func::Attach, Fields::Setup("attach"), DEFAULT),
    c("status", Func::Status, Fields::None, RESNAME),
    c(
        "disk-options",
        Func::DiskOptions,
        Fields::Setup("disk-options"),
        DEFAULT,
    ),
    c("detach", Func::Drbdsetup, Fields::Setup("detach"), LONG),
    c(
        "connect",
        Func::Connect,
        Fields::Setup("connect"),
        CONNECT84,
    ),
    c(
        "net-options",
        Func::NewPeer,
        Fields::Setup("net-options"),
        CONNECT84,
    ),
    c(
        "disconnect",
        Func::Drbdsetup,
        Fields::Setup("disconnect"),
        RESNAME,
    ),
    c("up", Func::Up, Fields::None, UP84),
    c(
        "resource-options",
        Func::Resource,
        Fields::Setup("resource-options"),
        RESNAME,
    ),
    c(
        "down",
        Func::Drbdsetup,
        Fields::None,
        Flags {
            takes_long: true,
            ..RESNAME
        },
    ),
    c("primary", Func::Drbdsetup, Fields::Setup("primary"), LONG),
    c("secondary", Func::Drbdsetup, Fields::None, LONG),
    c("invalidate", Func::SetupAndMeta, Fields::None, DEFAULT),
    c(
        "invalidate-remote",
        Func::Drbdsetup,
        Fields::None,
        Flags {
            takes_long: true,
            ..DEFNET84
        },
    ),
    c("outdate", Func::Outdate, Fields::None, DEFAULT),
    c("resize", Func::Resize, Fields::None, DEFNET84),
    c("verify", Func::Drbdsetup, Fields::None, DEFNET84),
    c("pause-sync", Func::Drbdsetup, Fields::None, DEFNET84),
    c("resume-sync", Func::Drbdsetup, Fields::None, DEFNET84),
    c("adjust", Func::Adjust, Fields::None, CONNECT84),
    c(
        "adjust-with-progress",
        Func::AdjustWp,
        Fields::None,
        CONNECT84,
    ),
    c("wait-connect", Func::WaitC, Fields::None, DEFNET84),
    c(
        "wait-con-int",
        Func::WaitCi,
        Fields::None,
        Flags {
            show: 1,
            verify_ips: true,
            ..Flags::EMPTY
        },
    ),
    c("role", Func::Drbdsetup, Fields::None, DEFAULT),
    c("cstate", Func::Drbdsetup, Fields::None, DEFAULT),
    c("dstate", Func::SetupAndMeta, Fields::None, DEFAULT),
    c("dump", Func::Dump, Fields::None, DUMP),
    c("dump-xml", Func::DumpXml, Fields::None, DUMP),
    // No context, but upstream lets every option through (`is_create_md`).
    c("create-md", Func::CreateMd, Fields::Unchecked, DEFAULT),
    c("show-gi", Func::SetupAndMeta, Fields::None, DEFAULT),
    c("get-gi", Func::SetupAndMeta, Fields::None, DEFAULT),
    c("dump-md", Func::Drbdmeta, Fields::None, DEFAULT),
    c("wipe-md", Func::Drbdmeta, Fields::None, DEFAULT),
    c("apply-al", Func::Drbdmeta, Fields::None, DEFAULT),
    c(
        "hidden-commands",
        Func::Hidden,
        Fields::None,
        Flags {
            show: 1,
            ..Flags::EMPTY
        },
    ),
    c(
        "sh-nop",
        Func::ShNop,
        Fields::None,
        Flags {
            test_config: true,
            ..GEN_SHELL
        },
    ),
    c("sh-resources", Func::ShResources, Fields::None, GEN_SHELL),
    c("sh-resource", Func::ShResource, Fields::None, SH_RESNAME),
    c("sh-mod-parms", Func::ShModParms, Fields::None, GEN_SHELL),
    c("sh-dev", Func::ShDev, Fields::None, SHELL),
    c(
        "sh-udev",
        Func::ShUdev,
        Fields::None,
        Flags {
            vol_id_required: true,
            ..HOOK
        },
    ),
    c("sh-minor", Func::ShMinor, Fields::None, SHELL),
    c("sh-ll-dev", Func::ShLlDev, Fields::None, SHELL),
    c("sh-md-dev", Func::ShMdDev, Fields::None, SHELL),
    c("sh-md-idx", Func::ShMdIdx, Fields::None, SHELL),
    c("sh-ip", Func::ShIp, Fields::None, SHELL),
    c("sh-lr-of", Func::ShLres, Fields::None, SHELL),
    c("sh-b-pri", Func::ShBPri, Fields::None, SHELL),
    c("sh-status", Func::ShStatus, Fields::None, GEN_SHELL),
    c("proxy-up", Func::ProxyUp, Fields::None, PROXY),
    c("proxy-down", Func::ProxyDown, Fields::None, PROXY),
    c("new-resource", Func::Resource, Fields::None, SH_RESNAME),
    c("sh-new-minor", Func::NewMinor, Fields::None, ADVANCED),
    c("new-minor", Func::NewMinor, Fields::None, ADVANCED),
    c(
        "before-resync-target",
        Func::Khelper,
        Fields::None,
        HANDLER84,
    ),
    c(
        "after-resync-target",
        Func::Khelper,
        Fields::None,
        HANDLER84,
    ),
    c(
        "before-resync-source",
        Func::Khelper,
        Fields::None,
        HANDLER84,
    ),
    c("pri-on-incon-degr", Func::Khelper, Fields::None, HANDLER84),
    c("pri-lost-after-sb", Func::Khelper, Fields::None, HANDLER84),
    c("fence-peer", Func::Khelper, Fields::None, RES_HANDLER),
    c("unfence-peer", Func::Khelper, Fields::None, RES_HANDLER),
    c("local-io-error", Func::Khelper, Fields::None, HANDLER84),
    c("pri-lost", Func::Khelper, Fields::None, HANDLER84),
    c(
        "initial-split-brain",
        Func::Khelper,
        Fields::None,
        HANDLER84,
    ),
    c("split-brain", Func::Khelper, Fields::None, HANDLER84),
    c("out-of-sync", Func::Khelper, Fields::None, HANDLER84),
    c("suspend-io", Func::Drbdsetup, Fields::None, ADVANCED),
    c("resume-io", Func::Drbdsetup, Fields::None, ADVANCED),
    c("set-gi", Func::Drbdmeta, Fields::None, ADVANCED_NEED_VOL),
    c(
        "new-current-uuid",
        Func::Drbdsetup,
        Fields::Setup("new-current-uuid"),
        ADVANCED_NEED_VOL,
    ),
    c("check-resize", Func::ChkResize, Fields::None, ADVANCED),
    c(
        "lint",
        Func::Lint,
        Fields::None,
        Flags {
            show: 1,
            extension: true,
            ..Flags::EMPTY
        },
    ),
];

impl Flags {
    /// No flags.
    pub const EMPTY: Flags = Flags {
        show: 0,
        res_name_required: false,
        backend_res_name: false,
        iterate_volumes: false,
        need_peer: false,
        disk_required: false,
        iterate_paths: false,
        vol_id_required: false,
        vol_id_optional: false,
        verify_ips: false,
        takes_long: false,
        use_cached_config: false,
        is_proxy_cmd: false,
        test_config: false,
        extension: false,
    };
}

/// The command table of a personality.
pub fn table(dialect: Dialect) -> &'static [CmdDef] {
    match dialect {
        Dialect::V9 => V9,
        Dialect::V84 => V84,
    }
}

/// A command by name.
pub fn find(dialect: Dialect, name: &str) -> Option<&'static CmdDef> {
    table(dialect).iter().find(|c| c.name == name)
}

/// Upstream's `substitute_deprecated_cmd()`: the new name of a renamed command.
pub fn deprecated(name: &str) -> Option<&'static str> {
    match name {
        "state" => Some("role"),
        "outdate-peer" => Some("fence-peer"),
        _ => None,
    }
}
