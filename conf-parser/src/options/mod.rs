//! The one option table: every drbd.conf option and every drbdsetup command option of
//! DRBD 8.4 (genl API 1) and DRBD 9 (genl API 2), described once.
//!
//! The parser validates against it, drbdadm routes options to drbdsetup commands with it,
//! drbdsetup builds its long options and netlink attributes from it, and the man pages and
//! completions are generated from it. Facts come from drbd-headers' `drbd_limits.h` and
//! `drbd_genl.h` and drbd-utils' `config_flags.c` (v9 and v84 copies).
//!
//! This module owns the types and the look-ups; the rows live in [`table`].

mod table;
#[cfg(test)]
mod tests;
pub mod units;

pub use table::OPTIONS;
pub use units::{parse_number, Scale, UnitError};

/// The dialect (kernel generation) a config is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dialect {
    /// DRBD 8.4: genl family version 1, `drbdadm-84` / `drbdsetup-84`.
    V84,
    /// DRBD 9: genl family version 2.
    V9,
}

impl Dialect {
    /// Upstream's spelling, as used in messages ("8.4", "9").
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::V84 => "8.4",
            Dialect::V9 => "9",
        }
    }
}

/// Where an option is written, and so which drbdsetup object it configures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// `net { }`: connection options (`new-peer`/`net-options` on 9, `connect`/`net-options` on 8.4).
    Net,
    /// `disk { }`: backing-device options (`attach`/`disk-options`).
    Disk,
    /// Peer-device options, written in `disk { }` (`peer-device-options`, DRBD 9 only).
    PeerDevice,
    /// Device options, written in `disk { }` (`new-minor`, DRBD 9 only).
    Device,
    /// `options { }`: resource options (`new-resource`/`resource-options`).
    Resource,
    /// `startup { }`: read by drbdadm for `wait-connect` and friends.
    Startup,
    /// `handlers { }`: scripts the kernel calls through drbdadm.
    Handlers,
    /// `proxy { }`: drbd-proxy settings.
    Proxy,
    /// Options of one drbdsetup/drbdmeta command only (never in drbd.conf), e.g.
    /// `primary --force` or `create-md --max-peers`.
    Command,
}

impl Section {
    /// The keyword of the block this section is written in (`disk` for the peer-device and
    /// device options, as upstream).
    pub fn block_keyword(self) -> &'static str {
        match self {
            Section::Net => "net",
            Section::Disk | Section::PeerDevice | Section::Device => "disk",
            Section::Resource => "options",
            Section::Startup => "startup",
            Section::Handlers => "handlers",
            Section::Proxy => "proxy",
            Section::Command => "command line",
        }
    }
}

/// The value type of an option, with its limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    /// A boolean sent only when true (`--force`, `--discard-my-data`); `name;` in a config.
    Flag,
    /// `yes` or `no`; a bare `name;` means yes and `no-name;` means no.
    Bool {
        /// The kernel's default.
        default: bool,
    },
    /// A number in the field's native unit; see [`Scale`].
    Numeric {
        /// Smallest accepted value (native unit).
        min: i64,
        /// Largest accepted value (native unit).
        max: i64,
        /// The kernel's default (native unit).
        default: i64,
        /// The native unit: what a bare number means and what suffixes convert into.
        scale: Scale,
        /// The unit as drbdsetup's help shows it, e.g. "1/10 seconds"; empty for counts.
        unit: &'static str,
        /// Out-of-range values are accepted and clamped by the kernel (`al-extents`).
        implicit_clamp: bool,
    },
    /// One of a fixed set of keywords, each with its wire value.
    Enum {
        /// Keyword and wire value, in upstream's order.
        values: &'static [(&'static str, u32)],
        /// The default keyword.
        default: &'static str,
        /// Keywords compare case-insensitively (only `protocol`).
        nocase: bool,
    },
    /// A keyword from `values` or a number in `min..=max` (`quorum`).
    EnumNum {
        /// Keyword and wire value.
        values: &'static [(&'static str, u32)],
        /// Smallest number.
        min: i64,
        /// Largest number.
        max: i64,
        /// The default keyword.
        default: &'static str,
    },
    /// A string of at most `max_len - 1` bytes (upstream rejects `strlen >= max_len`).
    /// With [`Wire::Bin`] the string is an address (`[af:]addr[:port]`) that is sent as a
    /// `struct sockaddr` (8.4's `connect --alternate-address`).
    String {
        /// The buffer size including the terminating NUL; 0 means no limit (handlers,
        /// `become-primary-on`, drbdmeta arguments).
        max_len: usize,
    },
    /// A kernel key serial looked up by name (`tls-keyring`); sent as s32.
    KeySerial,
}

/// How a value is laid out in its netlink attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wire {
    /// NLA_U8 holding 0 or 1 (`__flg_field`).
    Flag,
    /// NLA_U32 (`__u32_field`).
    U32,
    /// NLA_U32 carrying a signed value (`__s32_field`).
    S32,
    /// NLA_U64 (`__u64_field`).
    U64,
    /// NLA_NUL_STRING with a maximum length including the NUL (`__str_field`).
    Str(u16),
    /// NLA_BINARY with a maximum length (`__bin_field`).
    Bin(u16),
}

/// A netlink attribute: the top-level set (`DRBD_NLA_*`) and the field number in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NlField {
    /// The top-level nested attribute, e.g. 3 for `DRBD_NLA_DISK_CONF`.
    pub set: u16,
    /// The field's attribute number inside the set, e.g. 10 for `al_extents`.
    pub nr: u16,
    /// The field's encoding.
    pub wire: Wire,
    /// `DRBD_GENLA_F_MANDATORY` is set on the wire for this field.
    pub mandatory: bool,
    /// `DRBD_F_INVARIANT`: may be given on create, refused on change.
    pub invariant: bool,
}

/// What one dialect says about an option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Where it is written and what it configures.
    pub section: Section,
    /// Type and limits.
    pub ty: ValueType,
    /// The netlink field it is sent in; `None` for options drbdadm keeps to itself
    /// (startup, handlers, proxy) or passes to drbdmeta.
    pub nl: Option<NlField>,
    /// The drbdsetup (or drbdmeta) commands that take it as `--name`, in upstream's terms.
    pub commands: &'static [&'static str],
    /// Ours only: upstream's tools do not take it (`events2 --json`). It is accepted, and
    /// left out of the help and `xml-help` that must be upstream's byte for byte.
    pub extension: bool,
}

/// One option, described once for every dialect that has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionDef {
    /// The name as written in drbd.conf and as a drbdsetup long option.
    pub name: &'static str,
    /// One sentence for man pages and `--help`.
    pub doc: &'static str,
    /// DRBD 8.4 (genl API 1); `None` if 8.4 lacks it.
    pub v84: Option<Spec>,
    /// DRBD 9 (genl API 2); `None` if 9 lacks it.
    pub v9: Option<Spec>,
}

impl OptionDef {
    /// The spec for a dialect.
    pub fn spec(&self, dialect: Dialect) -> Option<&Spec> {
        match dialect {
            Dialect::V84 => self.v84.as_ref(),
            Dialect::V9 => self.v9.as_ref(),
        }
    }
}

/// The first row with this name.
///
/// Most names have one row that knows both dialects. A few names have one row per place they
/// are used (`size` of `attach` and of `resize`, `force` of several commands, `bitmap` of a
/// disk and of a peer device, the `proxy` copies of three net options); use [`lookup`] or
/// [`lookup_for_command`] to pick among those.
pub fn find(name: &str) -> Option<&'static OptionDef> {
    OPTIONS.iter().find(|o| o.name == name)
}

/// The option `name` as written in a `section` block for `dialect`, if it exists there
/// (the first such row; for [`Section::Command`] prefer [`lookup_for_command`]).
pub fn lookup(
    name: &str,
    section: Section,
    dialect: Dialect,
) -> Option<(&'static OptionDef, &'static Spec)> {
    OPTIONS.iter().find_map(|o| {
        let spec = o.spec(dialect)?;
        (o.name == name && spec.section == section).then_some((o, spec))
    })
}

/// The option `--name` of the drbdsetup/drbdmeta `command` in `dialect`, whatever its
/// section (`attach --size` is the disk option, `resize --size` the command option).
pub fn lookup_for_command(
    name: &str,
    command: &str,
    dialect: Dialect,
) -> Option<(&'static OptionDef, &'static Spec)> {
    for_command(command, dialect).find(|(o, _)| o.name == name)
}

/// Every option of `dialect` that lives in `section`, in table order.
pub fn in_section(
    section: Section,
    dialect: Dialect,
) -> impl Iterator<Item = (&'static OptionDef, &'static Spec)> {
    OPTIONS.iter().filter_map(move |o| {
        let spec = o.spec(dialect)?;
        (spec.section == section).then_some((o, spec))
    })
}

/// Every option a drbdsetup/drbdmeta `command` takes in `dialect`, in table order.
pub fn for_command(
    command: &str,
    dialect: Dialect,
) -> impl Iterator<Item = (&'static OptionDef, &'static Spec)> + '_ {
    OPTIONS.iter().filter_map(move |o| {
        let spec = o.spec(dialect)?;
        spec.commands.contains(&command).then_some((o, spec))
    })
}
