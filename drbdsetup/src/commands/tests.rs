//! Golden request bytes, checked by hand against the layouts of `drbd_genl.h`
//! (family id 0x1d, seq 1, port 0).

use super::*;

fn bytes(dialect: Dialect, argv: &str) -> Vec<u8> {
    let args: Vec<String> = argv.split_whitespace().map(String::from).collect();
    let def = find(dialect, &args[0]).unwrap_or_else(|| panic!("no command {}", args[0]));
    let version = if dialect == Dialect::V84 { 1 } else { 2 };
    parse(def, dialect, &args[1..], true)
        .unwrap()
        .request
        .to_bytes(0x1d, version, 1, 0)
}

fn hex(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// nlmsghdr + genlmsghdr + drbd header for `cmd`, `len`, `version`, `flags`, `minor`.
fn head(len: u8, flags: u16, cmd: u8, version: u8, minor: u32, hdr_flags: u32) -> String {
    let mut v = vec![len, 0, 0, 0, 0x1d, 0];
    v.extend_from_slice(&flags.to_ne_bytes());
    v.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, cmd, version, 0, 0]);
    v.extend_from_slice(&minor.to_ne_bytes());
    v.extend_from_slice(&hdr_flags.to_ne_bytes());
    hex(&v)
}

#[test]
fn v9_primary_force() {
    let b = bytes(Dialect::V9, "primary r0 --force");
    let want = format!(
        "{} 0c 00 02 80 07 00 02 40 72 30 00 00 0c 00 06 80 05 00 01 40 01 00 00 00",
        head(0x34, 1, 14, 2, u32::MAX, 0)
    );
    assert_eq!(hex(&b), want);
    // The alias gives the same bytes.
    assert_eq!(b, bytes(Dialect::V9, "primary --overwrite-data-of-peer r0"));
}

#[test]
fn v84_primary_force_is_minor_addressed() {
    let b = bytes(Dialect::V84, "primary /dev/drbd3 --force");
    let want = format!(
        "{} 0c 00 06 80 05 00 01 40 01 00 00 00",
        head(0x28, 1, 14, 1, 3, 0)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn v9_secondary_without_options_sends_only_the_context() {
    let b = bytes(Dialect::V9, "secondary r0");
    assert_eq!(
        hex(&b),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 30 00 00",
            head(0x28, 1, 15, 2, u32::MAX, 0)
        )
    );
}

#[test]
fn v9_new_resource_with_and_without_node_id() {
    let b = bytes(Dialect::V9, "new-resource r0 1 --quorum=majority");
    let want = format!(
        "{} 0c 00 02 80 07 00 02 40 72 30 00 00 14 00 04 80 08 00 0b 00 00 04 00 00 08 00 04 00 01 00 00 00",
        head(0x3c, 1, 7, 2, u32::MAX, 0)
    );
    assert_eq!(hex(&b), want);
    let b = bytes(Dialect::V9, "new-resource r0");
    let want = format!(
        "{} 0c 00 02 80 07 00 02 40 72 30 00 00 14 00 04 80 08 00 04 00 ff ff ff ff 05 00 0f 00 01 00 00 00",
        head(0x3c, 1, 7, 2, u32::MAX, 0)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn v9_attach_puts_options_before_positional_fields() {
    let b = bytes(
        Dialect::V9,
        "attach 0 /dev/a /dev/a internal --al-extents=6001",
    );
    let want = format!(
        "{} 2c 00 03 80 08 00 0a 40 71 17 00 00 0b 00 01 00 2f 64 65 76 2f 61 00 00 \
         0b 00 02 00 2f 64 65 76 2f 61 00 00 08 00 03 00 fd ff ff ff",
        head(0x48, 1, 12, 2, 0, 0)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn v9_disk_options_set_defaults_and_booleans() {
    let b = bytes(
        Dialect::V9,
        "disk-options 5 --set-defaults --disk-flushes=no --md-flushes",
    );
    let want = format!(
        "{} 14 00 03 80 05 00 11 40 00 00 00 00 05 00 13 40 01 00 00 00",
        head(0x30, 1, 28, 2, 5, 1)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn v9_peer_device_options_resync_rate_with_unit() {
    let b = bytes(Dialect::V9, "peer-device-options r0 1 0 --resync-rate=100M");
    let want = format!(
        "{} 1c 00 02 80 07 00 02 40 72 30 00 00 08 00 06 40 01 00 00 00 08 00 01 40 00 00 00 00 \
         0c 00 1b 80 08 00 01 40 00 90 01 00",
        head(0x44, 1, 43, 2, u32::MAX, 0)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn v9_new_path_sends_sockaddrs() {
    let b = bytes(
        Dialect::V9,
        "new-path r0 1 ipv4:10.0.0.1:7789 10.0.0.2:7789",
    );
    let want = format!(
        "{} 14 00 02 80 07 00 02 40 72 30 00 00 08 00 06 40 01 00 00 00 \
         2c 00 1c 80 14 00 01 40 02 00 1e 6d 0a 00 00 01 00 00 00 00 00 00 00 00 \
         14 00 02 40 02 00 1e 6d 0a 00 00 02 00 00 00 00 00 00 00 00",
        head(0x5c, 1, 45, 2, u32::MAX, 0)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn v84_connect_puts_addresses_in_the_context_and_flags_in_net_conf() {
    let b = bytes(
        Dialect::V84,
        "connect r0 10.0.0.1 10.0.0.2:7790 --protocol=b --tentative",
    );
    let want = format!(
        "{} 34 00 02 80 07 00 02 40 72 30 00 00 14 00 03 40 02 00 1e 6c 0a 00 00 01 00 00 00 00 00 00 00 00 \
         14 00 04 40 02 00 1e 6e 0a 00 00 02 00 00 00 00 00 00 00 00 \
         14 00 05 80 08 00 06 40 02 00 00 00 05 00 1c 40 01 00 00 00",
        head(0x64, 1, 10, 1, u32::MAX, 0)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn v84_new_minor_payload_is_the_context() {
    let b = bytes(Dialect::V84, "new-minor r0 7 0");
    let want = format!(
        "{} 14 00 02 80 07 00 02 40 72 30 00 00 08 00 01 40 00 00 00 00",
        head(0x30, 1, 5, 1, 7, 0)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn v9_resize_size_in_sectors_as_u64() {
    let b = bytes(Dialect::V9, "resize 0 --size=1G --assume-clean");
    let want = format!(
        "{} 18 00 07 80 0c 00 01 40 00 00 20 00 00 00 00 00 05 00 03 40 01 00 00 00",
        head(0x34, 1, 13, 2, 0, 0)
    );
    assert_eq!(hex(&b), want);
}

#[test]
fn payloadless_commands_send_just_the_address() {
    assert_eq!(
        hex(&bytes(Dialect::V9, "resume-io 2")),
        head(0x1c, 1, 24, 2, 2, 0)
    );
    assert_eq!(
        hex(&bytes(Dialect::V84, "invalidate 2")),
        head(0x1c, 1, 19, 1, 2, 0)
    );
}

#[test]
fn events2_is_a_dump() {
    let b = bytes(Dialect::V9, "events2 --now");
    assert_eq!(hex(&b), head(0x1c, 0x301, 38, 2, u32::MAX, 0));
}

#[test]
fn every_config_command_of_both_generations_encodes() {
    let samples: &[(Dialect, &str)] = &[
        (Dialect::V9, "secondary r0 --force"),
        (Dialect::V9, "detach 0 --force --diskless"),
        (Dialect::V9, "connect r0 1 --tentative --discard-my-data"),
        (Dialect::V9, "connect r0 1 --dry-run"),
        (
            Dialect::V9,
            "new-peer r0 1 --_name=peer --transport=tcp --protocol=C",
        ),
        (Dialect::V9, "del-peer r0 1 --force"),
        (Dialect::V9, "del-path r0 1 1.2.3.4 ipv6:[::1]:7000"),
        (
            Dialect::V9,
            "net-options r0 1 --set-defaults --max-buffers=8k",
        ),
        (Dialect::V9, "disconnect r0 1 --force"),
        (
            Dialect::V9,
            "resource-options r0 --on-no-quorum=io-error --cpu-mask=ff",
        ),
        (
            Dialect::V9,
            "new-current-uuid 0 --clear-bitmap --force-resync",
        ),
        (
            Dialect::V9,
            "invalidate 0 --sync-from-peer-node-id=2 --reset-bitmap=no",
        ),
        (Dialect::V9, "invalidate-remote r0 1 0 --reset-bitmap=no"),
        (Dialect::V9, "pause-sync r0 1 0"),
        (Dialect::V9, "resume-sync r0 1 0"),
        (Dialect::V9, "suspend-io 0 --bdev-freeze=no"),
        (Dialect::V9, "outdate 0"),
        (Dialect::V9, "verify r0 1 0 --start=0 --stop=1G"),
        (Dialect::V9, "down r0"),
        (
            Dialect::V9,
            "new-minor r0 0 0 --max-bio-size=4096 --diskless",
        ),
        (Dialect::V9, "del-minor 0"),
        (Dialect::V9, "del-resource r0"),
        (Dialect::V9, "forget-peer r0 2"),
        (Dialect::V9, "rename-resource r0 r1"),
        (Dialect::V84, "secondary 0"),
        (
            Dialect::V84,
            "attach 0 /dev/a /dev/b 0 --fencing=resource-only --resync-rate=40M",
        ),
        (Dialect::V84, "disk-options 0 --c-plan-ahead=0"),
        (Dialect::V84, "detach 0 --force"),
        (
            Dialect::V84,
            "net-options 1.2.3.4 5.6.7.8 --unplug-watermark=512",
        ),
        (Dialect::V84, "disconnect 1.2.3.4 5.6.7.8 --force"),
        (Dialect::V84, "resize 0 --size=10G"),
        (
            Dialect::V84,
            "resource-options r0 --on-no-data-accessible=suspend-io",
        ),
        (Dialect::V84, "new-current-uuid 0 --clear-bitmap"),
        (Dialect::V84, "verify 0 --start=1M"),
        (Dialect::V84, "down r0"),
        (Dialect::V84, "new-resource r0 --cpu-mask=1"),
        (Dialect::V84, "del-minor 0"),
        (Dialect::V84, "del-resource r0"),
    ];
    for (dialect, argv) in samples {
        let b = bytes(*dialect, argv);
        let len = u32::from_ne_bytes(b[0..4].try_into().unwrap()) as usize;
        assert_eq!(len, b.len(), "{argv}");
        let parsed = crate::codec::parse_datagram(&b, 0x1d).unwrap();
        let crate::codec::Incoming::Genl(m) = &parsed[0] else {
            panic!("{argv}")
        };
        for (set, _) in &m.tlas {
            assert!(
                *dialect == Dialect::V9 || *set <= 24,
                "{argv}: set {set} on 8.4"
            );
        }
    }
}

#[test]
fn bad_command_lines_are_refused() {
    let def = find(Dialect::V9, "primary").unwrap();
    let args = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        parse(def, Dialect::V9, &args("r0 --bogus"), true).unwrap_err(),
        UsageError::UnknownOption("bogus".into())
    );
    assert_eq!(
        parse(def, Dialect::V9, &args("r0 extra"), true).unwrap_err(),
        UsageError::Excess(" extra".into())
    );
    let def = find(Dialect::V9, "net-options").unwrap();
    assert!(matches!(
        parse(def, Dialect::V9, &args("r0 1 --protocol=D"), true),
        Err(UsageError::InvalidValue(..))
    ));
}

#[test]
fn local_options_are_found_by_unique_prefix_once() {
    // They were listed twice (table and a list of extras): every prefix was ambiguous.
    let def = find(Dialect::V9, "wait-connect-resource").unwrap();
    let inv = parse(def, Dialect::V9, &argv("r0 --wfc=5 --wait-after"), true).unwrap();
    assert_eq!(
        inv.local.0,
        vec![
            ("wfc-timeout".to_string(), Some("5".to_string())),
            ("wait-after-sb".to_string(), None)
        ]
    );
    let def = find(Dialect::V9, "resource-options").unwrap();
    let inv = parse(def, Dialect::V9, &argv("r0 --set-def"), true).unwrap();
    assert_eq!(inv.request.flags, crate::consts::DRBD_GENL_F_SET_DEFAULTS);
}

#[test]
fn set_defaults_of_the_command_table_and_of_the_option_table_agree() {
    for dialect in [Dialect::V84, Dialect::V9] {
        for def in commands(dialect) {
            let in_table = options::lookup_for_command("set-defaults", def.name, dialect).is_some();
            assert_eq!(def.set_defaults, in_table, "{} ({dialect:?})", def.name);
        }
    }
}

fn argv(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}
