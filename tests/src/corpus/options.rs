//! Option lines for generated configs, drawn from the option table (names, types, ranges)
//! so that every option the table knows is exercised; whether a value is valid is decided
//! by the reference, not by the table.

use conf_parser::options::{self, Dialect, OptionDef, Scale, Section, Spec, ValueType};

use super::rng::Rng;

/// Which personalities a generated option must exist in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// Options of DRBD 9 only or of both.
    V9,
    /// Options that both DRBD 8.4 and DRBD 9 have, so the config is valid for both.
    Both,
}

/// The config blocks options are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// `net { }`
    Net,
    /// `disk { }` at resource/common level: disk, peer-device and device options.
    Disk,
    /// `disk { }` inside `volume N { }` or a connection: no net-level `fencing`.
    VolumeDisk,
    /// `disk { }` of a connection or its volumes: peer-device options only.
    PeerDisk,
    /// `options { }`
    Resource,
    /// `startup { }`
    Startup,
    /// `handlers { }`
    Handlers,
    /// `proxy { }`
    Proxy,
}

impl Block {
    fn sections(self) -> &'static [Section] {
        match self {
            Block::Net => &[Section::Net],
            Block::Disk | Block::VolumeDisk => {
                &[Section::Disk, Section::PeerDevice, Section::Device]
            }
            Block::PeerDisk => &[Section::PeerDevice],
            Block::Resource => &[Section::Resource],
            Block::Startup => &[Section::Startup],
            Block::Handlers => &[Section::Handlers],
            Block::Proxy => &[Section::Proxy],
        }
    }

    /// The keyword that opens the block.
    pub fn keyword(self) -> &'static str {
        match self {
            Block::Net => "net",
            Block::Disk | Block::VolumeDisk | Block::PeerDisk => "disk",
            Block::Resource => "options",
            Block::Startup => "startup",
            Block::Handlers => "handlers",
            Block::Proxy => "proxy",
        }
    }
}

/// Everything a value generator may refer to: other resources and this config's hosts.
pub struct Ctx<'a> {
    /// Names of resources defined before the one being written.
    pub other_resources: &'a [String],
    /// Host names of the resource (for `discard-node-NAME`, `become-primary-on`).
    pub hosts: &'a [String],
}

/// The spec of option `name` in one of `sections` for `dialect` (some names have one row
/// per place, e.g. `fencing`: a disk option on 8.4, a net option on 9).
fn spec_in(name: &str, sections: &[Section], dialect: Dialect) -> Option<&'static Spec> {
    options::OPTIONS.iter().find_map(|o| {
        let spec = o.spec(dialect)?;
        (o.name == name && sections.contains(&spec.section)).then_some(spec)
    })
}

/// Options the wanted personalities accept in one block, in table order, with the spec
/// that decides their values.
fn candidates(block: Block, want: Want) -> Vec<(&'static OptionDef, &'static Spec)> {
    let sections = block.sections();
    let mut out: Vec<(&'static OptionDef, &'static Spec)> = Vec::new();
    for o in options::OPTIONS {
        // Names drbdadm writes itself or that only `drbdsetup show` prints.
        if o.name.starts_with('_') || out.iter().any(|(x, _)| x.name == o.name) {
            continue;
        }
        let v9 = spec_in(o.name, sections, Dialect::V9).or_else(|| {
            // DRBD 9 moves a resource-level `disk { fencing ...; }` to the net options.
            (block == Block::Disk && o.name == "fencing")
                .then(|| spec_in(o.name, &[Section::Net], Dialect::V9))
                .flatten()
        });
        let Some(v9) = v9 else { continue };
        if want == Want::Both && spec_in(o.name, sections, Dialect::V84).is_none() {
            continue;
        }
        out.push((o, v9));
    }
    out
}

/// Up to `n` distinct option lines for `block` (each `name value;` or `name;`).
pub fn lines(rng: &mut Rng, block: Block, want: Want, n: usize, ctx: &Ctx<'_>) -> Vec<String> {
    let mut pool = candidates(block, want);
    rng.shuffle(&mut pool);
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (o, spec) in pool {
        if out.len() >= n {
            break;
        }
        if seen.contains(&o.name) {
            continue;
        }
        if let Some(v) = value(rng, o, spec, ctx) {
            seen.push(o.name);
            out.push(v);
        }
    }
    out
}

/// A line for one option; `None` when the option needs context that is missing.
fn value(rng: &mut Rng, o: &OptionDef, spec: &Spec, ctx: &Ctx<'_>) -> Option<String> {
    let name = o.name;
    if let Some(v) = special(rng, name, ctx) {
        return v.map(|v| format!("{name} {v};"));
    }
    Some(match spec.ty {
        ValueType::Flag => format!("{name};"),
        ValueType::Bool { default } => match rng.below(4) {
            0 => format!("{name};"),
            1 => format!("no-{name};"),
            _ => format!("{name} {};", if default { "no" } else { "yes" }),
        },
        ValueType::Numeric {
            min, max, scale, ..
        } => {
            format!("{name} {};", number(rng, min, max, scale))
        }
        ValueType::Enum { values, .. } => {
            format!("{name} {};", rng.pick(values).0)
        }
        ValueType::EnumNum {
            values, min, max, ..
        } => {
            if rng.chance(50) {
                format!("{name} {};", rng.pick(values).0)
            } else {
                format!("{name} {};", rng.range(min, max))
            }
        }
        ValueType::String { .. } => format!("{name} {};", string_value(rng, name)),
        ValueType::KeySerial => format!("{name} .drbd;"),
    })
}

/// A number in range, sometimes with a unit suffix that converts into the native unit.
fn number(rng: &mut Rng, min: i64, max: i64, scale: Scale) -> String {
    let hi = max.min(min.saturating_add(1 << 20)).max(min);
    let v = rng.range(min, hi);
    // A suffix only where the value stays exact and in range.
    let shift = match scale {
        Scale::One => 0,
        Scale::Kilo => 10,
        Scale::Sector => 9,
    };
    if v > 0 && rng.chance(30) {
        for (suffix, unit) in [("G", 30), ("M", 20), ("K", 10)] {
            if unit >= shift {
                let per = 1i64 << (unit - shift);
                if v % per == 0 && v / per > 0 {
                    return format!("{}{suffix}", v / per);
                }
            }
        }
    }
    v.to_string()
}

/// Values that only make sense with context (`Some(None)`: skip the option).
fn special(rng: &mut Rng, name: &str, ctx: &Ctx<'_>) -> Option<Option<String>> {
    Some(match name {
        "resync-after" => ctx.other_resources.last().cloned(),
        "become-primary-on" => ctx.hosts.first().cloned(),
        "after-sb-0pri" if rng.chance(20) => ctx.hosts.first().map(|h| format!("discard-node-{h}")),
        "transport" => Some("tcp".into()),
        // Length and key-ring checks depend on the running kernel; keep them plain.
        "tls-keyring" | "tls-privkey" | "tls-certificate" => None,
        _ => return None,
    })
}

/// A string value of the kind the option expects.
fn string_value(rng: &mut Rng, name: &str) -> String {
    match name {
        "cram-hmac-alg" => rng.pick(&["sha1", "sha256", "md5"]).to_string(),
        "verify-alg" | "csums-alg" | "integrity-alg" => {
            rng.pick(&["md5", "sha1", "crc32c"]).to_string()
        }
        "shared-secret" => rng
            .pick(&["FooFunFactory", "\"s3cr3t with space\"", "x"])
            .to_string(),
        "cpu-mask" => rng.pick(&["0", "ff", "3"]).to_string(),
        n if is_handler(n) => handler(rng, n),
        _ => rng
            .pick(&["plain", "\"quoted value\"", "a.b-c_d"])
            .to_string(),
    }
}

fn is_handler(name: &str) -> bool {
    matches!(
        name,
        "pri-on-incon-degr"
            | "pri-lost-after-sb"
            | "pri-lost"
            | "fence-peer"
            | "unfence-peer"
            | "local-io-error"
            | "split-brain"
            | "initial-split-brain"
            | "before-resync-target"
            | "after-resync-target"
            | "before-resync-source"
            | "out-of-sync"
            | "quorum-lost"
            | "disconnected"
    )
}

/// A handler that is safe to run: the stub helper records it (tests/src/corpus/sandbox.rs).
fn handler(rng: &mut Rng, name: &str) -> String {
    match rng.below(3) {
        0 => format!("\"drbd-stub-handler {name}\""),
        1 => format!("\"drbd-stub-handler {name} ; echo done\""),
        _ => "drbd-stub-handler".into(),
    }
}
