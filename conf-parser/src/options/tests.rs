//! Invariants of the option table, and spot checks of facts everyone relies on.

use std::collections::HashSet;

use super::*;

const DIALECTS: [Dialect; 2] = [Dialect::V84, Dialect::V9];

fn specs(dialect: Dialect) -> impl Iterator<Item = (&'static OptionDef, &'static Spec)> {
    OPTIONS
        .iter()
        .filter_map(move |o| Some((o, o.spec(dialect)?)))
}

#[test]
fn every_row_has_a_dialect_and_a_doc() {
    for o in OPTIONS {
        assert!(
            o.v84.is_some() || o.v9.is_some(),
            "{} has no dialect",
            o.name
        );
        assert!(
            o.doc.ends_with('.'),
            "{}: doc should be one sentence",
            o.name
        );
        assert!(
            !o.name.is_empty() && !o.name.contains(' '),
            "bad name {:?}",
            o.name
        );
    }
}

#[test]
fn names_are_unique_per_section_and_dialect() {
    for dialect in DIALECTS {
        let mut seen = HashSet::new();
        for (o, spec) in specs(dialect) {
            if spec.section == Section::Command {
                continue;
            }
            assert!(
                seen.insert((o.name, spec.section)),
                "{} twice in {:?} for {dialect:?}",
                o.name,
                spec.section
            );
        }
    }
}

#[test]
fn a_command_takes_each_name_once() {
    for dialect in DIALECTS {
        let mut seen = HashSet::new();
        for (o, spec) in specs(dialect) {
            for command in spec.commands {
                assert!(
                    seen.insert((*command, o.name)),
                    "{command} --{} twice for {dialect:?}",
                    o.name
                );
            }
        }
    }
}

#[test]
fn numeric_defaults_are_in_range() {
    for dialect in DIALECTS {
        for (o, spec) in specs(dialect) {
            if let ValueType::Numeric {
                min, max, default, ..
            } = spec.ty
            {
                assert!(min <= max, "{} {dialect:?}: min > max", o.name);
                // discard-granularity's default 0xFFFFFFFF is the kernel's "not configured"
                // sentinel, deliberately outside the settable range.
                if o.name != "discard-granularity" {
                    assert!(
                        (min..=max).contains(&default),
                        "{} {dialect:?}: default {default} outside {min}..={max}",
                        o.name
                    );
                }
            }
        }
    }
}

#[test]
fn enum_defaults_are_values() {
    for dialect in DIALECTS {
        for (o, spec) in specs(dialect) {
            match spec.ty {
                ValueType::Enum {
                    values, default, ..
                }
                | ValueType::EnumNum {
                    values, default, ..
                } => {
                    assert!(
                        values.iter().any(|(k, _)| *k == default),
                        "{} {dialect:?}: default {default} not a value",
                        o.name
                    );
                    let keys: HashSet<_> = values.iter().map(|(k, _)| k).collect();
                    let nrs: HashSet<_> = values.iter().map(|(_, n)| n).collect();
                    assert_eq!(keys.len(), values.len(), "{}: duplicate keyword", o.name);
                    assert_eq!(nrs.len(), values.len(), "{}: duplicate wire value", o.name);
                }
                _ => {}
            }
        }
    }
}

/// The set each config section is sent in, on DRBD 9.
fn v9_set(section: Section) -> Option<u16> {
    match section {
        Section::Disk => Some(3),
        Section::Resource => Some(4),
        Section::Net => Some(5),
        Section::Device => Some(14),
        Section::PeerDevice => Some(27),
        _ => None,
    }
}

#[test]
fn v9_config_options_live_in_their_set() {
    for (o, spec) in specs(Dialect::V9) {
        if let Some(set) = v9_set(spec.section) {
            let nl = spec
                .nl
                .unwrap_or_else(|| panic!("{} has no netlink field", o.name));
            assert_eq!(nl.set, set, "{} is sent in the wrong set", o.name);
            assert!(!spec.commands.is_empty(), "{}: no command takes it", o.name);
        }
    }
}

#[test]
fn v84_config_options_live_in_their_set() {
    for (o, spec) in specs(Dialect::V84) {
        let set = match spec.section {
            Section::Disk => 3,
            Section::Resource => 4,
            Section::Net => 5,
            Section::Device | Section::PeerDevice => panic!("{}: no such section in 8.4", o.name),
            _ => continue,
        };
        assert_eq!(spec.nl.map(|nl| nl.set), Some(set), "{}", o.name);
    }
}

#[test]
fn no_two_options_share_a_field() {
    for dialect in DIALECTS {
        let mut seen = HashSet::new();
        for (o, spec) in specs(dialect) {
            if let Some(nl) = spec.nl {
                assert!(
                    seen.insert((nl.set, nl.nr)),
                    "{} {dialect:?}: field {}/{} used twice",
                    o.name,
                    nl.set,
                    nl.nr
                );
            }
        }
    }
}

#[test]
fn v84_uses_only_sets_of_api_1() {
    for (o, spec) in specs(Dialect::V84) {
        if let Some(nl) = spec.nl {
            assert!(
                nl.set != 14 && !(25..=34).contains(&nl.set),
                "{}: set {} does not exist in 8.4",
                o.name,
                nl.set
            );
        }
    }
}

#[test]
fn wire_types_fit_value_types() {
    for dialect in DIALECTS {
        for (o, spec) in specs(dialect) {
            let Some(nl) = spec.nl else { continue };
            let ok = match spec.ty {
                ValueType::Flag | ValueType::Bool { .. } => nl.wire == Wire::Flag,
                ValueType::Numeric { min, max, .. } => match nl.wire {
                    Wire::U32 => min >= 0 && max <= u32::MAX as i64,
                    Wire::S32 => min >= i32::MIN as i64 && max <= i32::MAX as i64,
                    Wire::U64 => min >= 0,
                    _ => false,
                },
                ValueType::Enum { .. } => nl.wire == Wire::U32,
                ValueType::EnumNum { .. } | ValueType::KeySerial => nl.wire == Wire::S32,
                ValueType::String { max_len } => match nl.wire {
                    Wire::Str(n) => usize::from(n) == max_len,
                    Wire::Bin(n) => usize::from(n) == max_len,
                    _ => false,
                },
            };
            assert!(
                ok,
                "{} {dialect:?}: {:?} sent as {:?}",
                o.name, spec.ty, nl.wire
            );
        }
    }
}

#[test]
fn userland_sections_have_no_netlink_field() {
    for dialect in DIALECTS {
        for (o, spec) in specs(dialect) {
            if matches!(
                spec.section,
                Section::Startup | Section::Handlers | Section::Proxy
            ) {
                assert!(spec.nl.is_none(), "{} {dialect:?}", o.name);
            }
        }
    }
}

fn numeric(spec: &Spec) -> (i64, i64, i64, Scale) {
    match spec.ty {
        ValueType::Numeric {
            min,
            max,
            default,
            scale,
            ..
        } => (min, max, default, scale),
        other => panic!("not numeric: {other:?}"),
    }
}

#[test]
fn al_extents() {
    let (_, spec) = lookup("al-extents", Section::Disk, Dialect::V9).unwrap();
    assert_eq!(numeric(spec), (67, 65534, 1237, Scale::One));
    let nl = spec.nl.unwrap();
    assert_eq!(
        (nl.set, nl.nr, nl.wire, nl.mandatory),
        (3, 10, Wire::U32, true)
    );
    assert!(matches!(
        spec.ty,
        ValueType::Numeric {
            implicit_clamp: true,
            ..
        }
    ));
}

#[test]
fn resync_rate_moved_from_disk_to_peer_device() {
    let (_, v84) = lookup("resync-rate", Section::Disk, Dialect::V84).unwrap();
    let (_, v9) = lookup("resync-rate", Section::PeerDevice, Dialect::V9).unwrap();
    assert_eq!((v84.nl.unwrap().set, v84.nl.unwrap().nr), (3, 8));
    assert_eq!((v9.nl.unwrap().set, v9.nl.unwrap().nr), (27, 1));
    assert_eq!(numeric(v84), (1, 4194304, 250, Scale::Kilo));
    assert_eq!(numeric(v9), (1, 8388608, 250, Scale::Kilo));
    assert!(lookup("resync-rate", Section::Disk, Dialect::V9).is_none());
}

#[test]
fn sndbuf_size_limits_differ() {
    let (_, v84) = lookup("sndbuf-size", Section::Net, Dialect::V84).unwrap();
    let (_, v9) = lookup("sndbuf-size", Section::Net, Dialect::V9).unwrap();
    assert_eq!(numeric(v84).1, 10485760);
    assert_eq!(numeric(v9).1, 134217728);
    // The proxy copy is a second row, found by section; `find` returns the net one.
    let (_, proxy) = lookup("sndbuf-size", Section::Proxy, Dialect::V9).unwrap();
    assert!(proxy.nl.is_none());
    assert_eq!(
        find("sndbuf-size").unwrap().v9.unwrap().section,
        Section::Net
    );
}

#[test]
fn c_max_rate_minimum_differs() {
    let (_, v84) = lookup("c-max-rate", Section::Disk, Dialect::V84).unwrap();
    let (_, v9) = lookup("c-max-rate", Section::PeerDevice, Dialect::V9).unwrap();
    assert_eq!(numeric(v84).0, 250);
    assert_eq!(numeric(v9).0, 0);
}

#[test]
fn cpu_mask_length_differs() {
    let (_, v84) = lookup("cpu-mask", Section::Resource, Dialect::V84).unwrap();
    let (_, v9) = lookup("cpu-mask", Section::Resource, Dialect::V9).unwrap();
    assert_eq!(v84.ty, ValueType::String { max_len: 32 });
    assert_eq!(v9.ty, ValueType::String { max_len: 256 });
}

#[test]
fn protocol_is_a_case_insensitive_enum() {
    let (_, spec) = lookup("protocol", Section::Net, Dialect::V84).unwrap();
    assert_eq!(
        spec.ty,
        ValueType::Enum {
            values: &[("A", 1), ("B", 2), ("C", 3)],
            default: "C",
            nocase: true
        }
    );
}

#[test]
fn quorum_takes_keywords_or_numbers() {
    let (_, spec) = lookup("quorum", Section::Resource, Dialect::V9).unwrap();
    assert_eq!(
        spec.ty,
        ValueType::EnumNum {
            values: &[("off", 0), ("majority", 1024), ("all", 1025)],
            min: 1,
            max: 32,
            default: "off",
        }
    );
    assert_eq!(spec.nl.unwrap().wire, Wire::S32);
    assert!(lookup("quorum", Section::Resource, Dialect::V84).is_none());
}

#[test]
fn fencing_moved_from_disk_to_net() {
    assert_eq!(
        lookup("fencing", Section::Disk, Dialect::V84)
            .unwrap()
            .1
            .nl
            .unwrap()
            .nr,
        7
    );
    assert_eq!(
        lookup("fencing", Section::Net, Dialect::V9)
            .unwrap()
            .1
            .nl
            .unwrap()
            .nr,
        30
    );
}

#[test]
fn command_options_pick_the_right_field() {
    let field = |name, command, dialect| {
        let (_, spec) = lookup_for_command(name, command, dialect).unwrap();
        spec.nl.map(|nl| (nl.set, nl.nr))
    };
    assert_eq!(field("force", "primary", Dialect::V9), Some((6, 1)));
    assert_eq!(field("force", "detach", Dialect::V9), Some((13, 1)));
    assert_eq!(field("force", "disconnect", Dialect::V84), Some((12, 1)));
    assert_eq!(field("force", "create-md", Dialect::V9), None);
    assert_eq!(field("size", "attach", Dialect::V9), Some((3, 4)));
    assert_eq!(field("size", "resize", Dialect::V84), Some((7, 1)));
    assert_eq!(field("tentative", "connect", Dialect::V84), Some((5, 28)));
    assert_eq!(
        field("discard-my-data", "connect", Dialect::V9),
        Some((29, 2))
    );
    assert_eq!(
        field("reset-bitmap", "invalidate-remote", Dialect::V9),
        Some((33, 1))
    );
    assert_eq!(field("diskless", "new-minor", Dialect::V9), Some((14, 2)));
    assert_eq!(field("diskless", "detach", Dialect::V9), Some((13, 2)));
    assert!(lookup_for_command("force", "secondary", Dialect::V84).is_none());
}

#[test]
fn net_options_go_to_the_right_commands() {
    let v84: Vec<_> = for_command("connect", Dialect::V84)
        .map(|(o, _)| o.name)
        .collect();
    assert!(v84.contains(&"protocol") && v84.contains(&"tentative"));
    let v9: Vec<_> = for_command("new-peer", Dialect::V9)
        .map(|(o, _)| o.name)
        .collect();
    assert!(v9.contains(&"transport") && v9.contains(&"_name") && !v9.contains(&"tentative"));
    let change: Vec<_> = for_command("net-options", Dialect::V9)
        .map(|(o, _)| o.name)
        .collect();
    assert!(!change.contains(&"transport") && change.contains(&"set-defaults"));
}

#[test]
fn handlers_and_startup_are_userland_only() {
    let handlers: Vec<_> = in_section(Section::Handlers, Dialect::V9).collect();
    assert_eq!(handlers.len(), 15);
    assert_eq!(in_section(Section::Handlers, Dialect::V84).count(), 13);
    let (_, wfc) = lookup("wfc-timeout", Section::Startup, Dialect::V9).unwrap();
    assert!(wfc.nl.is_none());
    assert!(wfc.commands.contains(&"wait-connect-resource"));
}
