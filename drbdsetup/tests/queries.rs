//! `status`, `role`, `cstate`, `dstate`, `get-gi`, `show` (8.4), `events2` (8.4),
//! `wait-*` and `down all` against the scripted fake kernel: the requests sent (byte for
//! byte) and the output, for both genl API versions.

use drbdsetup::codec::{Attr, Request, Value, NLM_F_DUMP};
use drbdsetup::consts::{cmd, nla};
use drbdsetup::run::{run, Setup};
use drbdsetup::transport::ScriptedTransport;

const FAMILY: u16 = 0x1d;
const NO_ERROR: i32 = 101;

fn setup() -> Setup {
    Setup {
        seq: 100,
        ..Setup::default()
    }
}

fn argv(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

/// A reply message of the drbd family.
fn genl(version: u8, command: u8, seq: u32, minor: u32, ret: i32, tlas: Vec<Attr>) -> Vec<u8> {
    let mut r = Request::new(command);
    r.minor = minor;
    r.flags = ret as u32;
    r.tlas = tlas;
    r.nl_flags = 2; // NLM_F_MULTI (our request flag bit 0 comes along; nobody looks)
    r.to_bytes(FAMILY, version, seq, 0)
}

/// `NLMSG_DONE` with `errno`.
fn done(seq: u32, errno: i32) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&20u32.to_ne_bytes());
    v.extend_from_slice(&3u16.to_ne_bytes());
    v.extend_from_slice(&2u16.to_ne_bytes());
    v.extend_from_slice(&seq.to_ne_bytes());
    v.extend_from_slice(&0u32.to_ne_bytes());
    v.extend_from_slice(&errno.to_ne_bytes());
    v
}

/// One datagram holding a whole dump.
fn dump(parts: Vec<Vec<u8>>, seq: u32) -> Vec<u8> {
    let mut v: Vec<u8> = parts.concat();
    v.extend(done(seq, 0));
    v
}

fn f32(nr: u16, v: u32) -> Attr {
    Attr::field(nr, false, Value::U32(v))
}
fn f64(nr: u16, v: u64) -> Attr {
    Attr::field(nr, false, Value::U64(v))
}
fn f8(nr: u16, v: u8) -> Attr {
    Attr::field(nr, false, Value::U8(v))
}
fn fstr(nr: u16, v: &str) -> Attr {
    Attr::field(nr, false, Value::Str(v.into()))
}
fn set(nr: u16, fields: Vec<Attr>) -> Attr {
    Attr::nested(nr, fields)
}

/// A DRBD 9 context set.
fn ctx9(res: &str, peer: Option<u32>, vol: Option<u32>, conn: Option<&str>) -> Attr {
    let mut f = vec![fstr(nla::T_CTX_RESOURCE_NAME, res)];
    if let Some(v) = vol {
        f.push(f32(nla::T_CTX_VOLUME, v));
    }
    if let Some(p) = peer {
        f.push(f32(nla::T_CTX_PEER_NODE_ID, p));
    }
    if let Some(c) = conn {
        f.push(fstr(nla::T_CTX_CONN_NAME, c));
    }
    set(nla::CFG_CONTEXT, f)
}

fn sockaddr(text: &str) -> Vec<u8> {
    drbdsetup::address::sockaddr_from_str(text).unwrap()
}

/// An 8.4 context set (connections are address pairs).
fn ctx84(res: &str, vol: Option<u32>, addrs: bool) -> Attr {
    let mut f = vec![fstr(nla::T_CTX_RESOURCE_NAME, res)];
    if let Some(v) = vol {
        f.push(f32(nla::T_CTX_VOLUME, v));
    }
    if addrs {
        f.push(Attr::field(
            nla::T_CTX_MY_ADDR,
            false,
            Value::Bin(sockaddr("ipv4:127.0.0.1:7788")),
        ));
        f.push(Attr::field(
            nla::T_CTX_PEER_ADDR,
            false,
            Value::Bin(sockaddr("ipv4:127.0.0.1:7789")),
        ));
    }
    set(nla::CFG_CONTEXT, f)
}

fn hex(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first 28 bytes of a request: header with `len`, `flags`, `seq`, `cmd`, `version`,
/// `minor` (port 0, drbd header flags 0).
fn head(len: u32, flags: u16, seq: u32, command: u8, version: u8, minor: u32) -> String {
    let mut v = Vec::new();
    v.extend_from_slice(&len.to_ne_bytes());
    v.extend_from_slice(&FAMILY.to_ne_bytes());
    v.extend_from_slice(&flags.to_ne_bytes());
    v.extend_from_slice(&seq.to_ne_bytes());
    v.extend_from_slice(&0u32.to_ne_bytes());
    v.extend_from_slice(&[command, version, 0, 0]);
    v.extend_from_slice(&minor.to_ne_bytes());
    v.extend_from_slice(&0u32.to_ne_bytes());
    hex(&v)
}

struct Ran {
    code: i32,
    out: String,
    err: String,
    sent: Vec<Vec<u8>>,
}

fn go(t: &mut ScriptedTransport, args: &str) -> Ran {
    go_with(t, &setup(), args)
}

fn go_with(t: &mut ScriptedTransport, s: &Setup, args: &str) -> Ran {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = match run(t, s, &argv(args), &mut out, &mut err) {
        Ok(c) => c,
        Err(e) => e.exit_code(),
    };
    Ran {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
        sent: t.sent.clone(),
    }
}

// ---- a DRBD 9 resource in the middle of a resync ------------------------------------

fn v9_resource(seq: u32) -> Vec<u8> {
    genl(
        2,
        cmd::DRBD_ADM_GET_RESOURCES,
        seq,
        u32::MAX,
        NO_ERROR,
        vec![
            ctx9("r0", None, None, None),
            set(nla::RESOURCE_OPTS, vec![f32(nla::T_NODE_ID, 1)]),
            set(
                nla::RESOURCE_INFO,
                vec![f32(1, 1), f8(2, 0), f8(3, 0), f8(4, 0), f8(5, 0), f8(6, 0)],
            ),
            set(nla::RESOURCE_STATISTICS, vec![f32(1, 2)]),
        ],
    )
}

fn v9_device(seq: u32) -> Vec<u8> {
    genl(
        2,
        cmd::DRBD_ADM_GET_DEVICES,
        seq,
        0,
        NO_ERROR,
        vec![
            ctx9("r0", None, Some(0), None),
            set(
                nla::DEVICE_INFO,
                vec![f32(1, 9), f8(2, 0), f8(3, 1), fstr(4, "/dev/sdb"), f8(5, 1)],
            ),
            set(
                nla::DEVICE_STATISTICS,
                vec![
                    f64(1, 2_097_152),
                    f64(2, 100),
                    f64(3, 200),
                    f64(4, 3),
                    f64(5, 4),
                    f32(6, 0),
                    f32(7, 0),
                    f8(8, 0),
                    f8(9, 0),
                    f8(10, 0),
                    f64(12, 0xA1B2_C3D4_E5F6_0718),
                    f32(13, 0x91),
                    Attr::field(14, false, Value::Bin(0x55u64.to_ne_bytes().to_vec())),
                ],
            ),
        ],
    )
}

fn v9_connection(seq: u32) -> Vec<u8> {
    genl(
        2,
        cmd::DRBD_ADM_GET_CONNECTIONS,
        seq,
        u32::MAX,
        NO_ERROR,
        vec![
            ctx9("r0", Some(2), None, Some("peer")),
            set(nla::CONNECTION_INFO, vec![f32(1, 9), f32(2, 2)]),
            set(
                nla::CONNECTION_STATISTICS,
                vec![f8(1, 0), f64(2, 0), f64(3, 0)],
            ),
        ],
    )
}

fn v9_peer_device(seq: u32) -> Vec<u8> {
    v9_peer_device_in(seq, 16, 5)
}

/// A peer device in replication state `repl` with the peer's disk in `peer_disk`.
fn v9_peer_device_in(seq: u32, repl: u32, peer_disk: u32) -> Vec<u8> {
    genl(
        2,
        cmd::DRBD_ADM_GET_PEER_DEVICES,
        seq,
        0,
        NO_ERROR,
        vec![
            ctx9("r0", Some(2), Some(0), Some("peer")),
            set(
                nla::PEER_DEVICE_INFO,
                vec![
                    f32(1, repl),
                    f32(2, peer_disk),
                    f32(3, 0),
                    f32(4, 0),
                    f32(5, 0),
                    f8(6, 0),
                    f32(7, 0),
                ],
            ),
            set(
                nla::PEER_DEVICE_STATISTICS,
                vec![
                    f64(1, 0),
                    f64(2, 1000),
                    f32(3, 0),
                    f32(4, 0),
                    f64(5, 1_048_576),
                    f64(6, 0),
                    f64(7, 0x77),
                    f32(9, 0x11),
                    f64(10, 2_097_152),
                    f64(14, 0),
                    f64(17, 10_000),
                    f64(18, 0),
                    f64(19, 1000),
                    f64(20, 20480),
                    f64(21, 1000),
                    f64(22, 20480),
                    f32(23, 0),
                ],
            ),
        ],
    )
}

/// The four dumps of `status r0` (seq 101..104).
fn v9_status_script(t: &mut ScriptedTransport) {
    t.replies.push_back(dump(vec![v9_resource(101)], 101));
    t.replies.push_back(dump(vec![v9_device(102)], 102));
    t.replies.push_back(dump(vec![v9_connection(103)], 103));
    t.replies.push_back(dump(vec![v9_peer_device(104)], 104));
}

#[test]
fn v9_status_text_omits_an_established_replication() {
    // L_ESTABLISHED (10), peer disk UpToDate (9): upstream shows the peer's disk only
    // (and `done:`, as the scripted statistics still count a resync's total).
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_resource(101)], 101));
    t.replies.push_back(dump(vec![v9_device(102)], 102));
    t.replies.push_back(dump(vec![v9_connection(103)], 103));
    t.replies
        .push_back(dump(vec![v9_peer_device_in(104, 10, 9)], 104));
    let r = go(&mut t, "status r0");
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert_eq!(
        r.out,
        "r0 role:Primary\n  disk:UpToDate open:yes\n  peer role:Secondary\n    peer-disk:UpToDate done:50.00\n\n"
    );
}

#[test]
fn v9_status_text_during_a_resync() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    v9_status_script(&mut t);
    let r = go(&mut t, "status r0");
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert_eq!(
        r.out,
        "r0 role:Primary\n  disk:UpToDate open:yes\n  peer role:Secondary\n    \
         replication:SyncSource peer-disk:Inconsistent done:50.00\n\n"
    );
    // The requests: resources (all), then devices, connections, peer devices of r0.
    let ctx_r0 = "0c 00 02 80 07 00 02 40 72 30 00 00";
    assert_eq!(
        hex(&r.sent[0]),
        head(
            28,
            1 | NLM_F_DUMP,
            101,
            cmd::DRBD_ADM_GET_RESOURCES,
            2,
            u32::MAX
        )
    );
    for (i, c) in [
        cmd::DRBD_ADM_GET_DEVICES,
        cmd::DRBD_ADM_GET_CONNECTIONS,
        cmd::DRBD_ADM_GET_PEER_DEVICES,
    ]
    .into_iter()
    .enumerate()
    {
        assert_eq!(
            hex(&r.sent[i + 1]),
            format!(
                "{} {ctx_r0}",
                head(40, 1 | NLM_F_DUMP, 102 + i as u32, c, 2, u32::MAX)
            )
        );
    }
    assert_eq!(r.sent.len(), 4);
}

#[test]
fn v9_status_verbose_statistics_wraps_like_upstream() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    v9_status_script(&mut t);
    let r = go(&mut t, "status r0 --verbose --statistics");
    assert_eq!(r.code, 0);
    assert_eq!(
        r.out,
        concat!(
            "r0 node-id:1 role:Primary suspended:no force-io-failures:no\n",
            "    write-ordering:flush\n",
            "  volume:0 minor:0 disk:UpToDate backing_dev:/dev/sdb quorum:yes open:yes\n",
            "      size:1048576 read:50 written:100 al-writes:3 bm-writes:4 upper-pending:0\n",
            "      lower-pending:0 al-suspended:no blocked:no\n",
            "  peer node-id:2 connection:Connected role:Secondary tls:no congested:no\n",
            "      ap-in-flight:0 rs-in-flight:0\n",
            "    volume:0 replication:SyncSource peer-disk:Inconsistent done:50.00\n",
            "        resync-suspended:no\n",
            "        received:0 sent:500 out-of-sync:524288 pending:0 unacked:0 dbdt1:10.00 eta:51\n",
            "\n",
        )
    );
}

#[test]
fn v9_status_colours_when_asked() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    v9_status_script(&mut t);
    let r = go(&mut t, "status r0 --color=always");
    assert_eq!(
        r.out,
        "r0 role:\x1b[1;36mPrimary\x1b[0m\n  disk:\x1b[1;32mUpToDate\x1b[0m open:\x1b[1;36myes\x1b[0m\n  \
         peer role:Secondary\n    replication:\x1b[31mSyncSource\x1b[0m peer-disk:\x1b[31mInconsistent\x1b[0m done:50.00\n\n"
    );
    // Auto: colours only on a terminal.
    let mut t = ScriptedTransport::new(FAMILY, 2);
    v9_status_script(&mut t);
    let tty = Setup {
        stdout_tty: true,
        ..setup()
    };
    let r = go_with(&mut t, &tty, "status r0");
    assert!(r.out.contains("\x1b[1;36mPrimary\x1b[0m"));
    let mut t = ScriptedTransport::new(FAMILY, 2);
    v9_status_script(&mut t);
    let r = go_with(&mut t, &tty, "status r0 --color=never");
    assert!(!r.out.contains('\x1b'));
}

#[test]
fn v9_status_json_is_valid_and_complete() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    v9_status_script(&mut t);
    let r = go(&mut t, "status --json r0");
    assert_eq!(r.code, 0);
    json::validate(&r.out).unwrap_or_else(|e| panic!("{e}\n{}", r.out));
    for want in [
        "  \"name\": \"r0\",\n  \"node-id\": 1,\n  \"role\": \"Primary\",\n",
        "  \"write-ordering\": \"flush\",\n",
        "      \"disk-state\": \"UpToDate\",\n",
        "      \"size\": 1048576,\n",
        "      \"connection-state\": \"Connected\", \n",
        "          \"replication-state\": \"SyncSource\",\n",
        "          \"percent-in-sync\": 50.00,\n",
        "          \"rs-total\": 2097152,\n",
        "          \"estimated-seconds-to-finish\": 51,\n",
        "          \"percent-resync-done\": 50.00\n",
    ] {
        assert!(r.out.contains(want), "missing {want:?} in\n{}", r.out);
    }
    assert!(r.out.starts_with("[\n{\n") && r.out.ends_with("} ]\n}\n]\n\n"));
    // No paths array unless the module lists DRBD_ADM_GET_PATHS.
    assert!(!r.out.contains("\"paths\""));
}

#[test]
fn v9_status_json_lists_paths_when_the_module_has_them() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.ops = vec![u32::from(cmd::DRBD_ADM_GET_PATHS)];
    v9_status_script(&mut t);
    let path = genl(
        2,
        cmd::DRBD_ADM_GET_PATHS,
        105,
        u32::MAX,
        NO_ERROR,
        vec![
            set(
                nla::CFG_CONTEXT,
                vec![
                    fstr(nla::T_CTX_RESOURCE_NAME, "r0"),
                    f32(nla::T_CTX_PEER_NODE_ID, 2),
                    Attr::field(
                        nla::T_CTX_MY_ADDR,
                        false,
                        Value::Bin(sockaddr("ipv4:10.0.0.1:7000")),
                    ),
                    Attr::field(
                        nla::T_CTX_PEER_ADDR,
                        false,
                        Value::Bin(sockaddr("ipv4:10.0.0.2:7000")),
                    ),
                ],
            ),
            set(nla::PATH_INFO, vec![f8(1, 1)]),
        ],
    );
    t.replies.push_back(dump(vec![path], 105));
    let r = go(&mut t, "status r0 --json");
    json::validate(&r.out).unwrap_or_else(|e| panic!("{e}\n{}", r.out));
    assert!(r.out.contains(
        "      \"paths\": [\n        {\n          \"this_host\": {\n            \"address\": \"10.0.0.1\",\n            \"port\": 7000,\n            \"family\": \"ipv4\"\n          },\n"
    ));
    assert!(r
        .out
        .contains("          \"established\": true\n        } ],\n"));
}

#[test]
fn v9_status_without_resources_and_of_an_unknown_one() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![], 101));
    let r = go(&mut t, "status");
    assert_eq!(
        (r.code, r.out.as_str()),
        (0, "# No currently configured DRBD found.\n")
    );
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_resource(101)], 101));
    let r = go(&mut t, "status r9");
    assert_eq!(r.code, 10);
    assert_eq!(r.err, "r9: No such resource\n");
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![], 101));
    let r = go(&mut t, "status --json");
    assert_eq!(r.out, "[\n]\n\n");
    json::validate(&r.out).unwrap();
}

#[test]
fn v9_role_cstate_peer_role_dstate() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_resource(101)], 101));
    let r = go(&mut t, "role r0");
    assert_eq!((r.code, r.out.as_str()), (0, "Primary\n"));
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_resource(101)], 101));
    let r = go(&mut t, "role r7");
    assert_eq!((r.code, r.err.as_str()), (10, "r7: Unknown resource\n"));

    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_connection(101)], 101));
    let r = go(&mut t, "cstate r0 2");
    assert_eq!((r.code, r.out.as_str()), (0, "Connected\n"));
    assert_eq!(
        hex(&r.sent[0]),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 30 00 00",
            head(
                40,
                1 | NLM_F_DUMP,
                101,
                cmd::DRBD_ADM_GET_CONNECTIONS,
                2,
                u32::MAX
            )
        )
    );
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_connection(101)], 101));
    let r = go(&mut t, "peer-role r0 2");
    assert_eq!((r.code, r.out.as_str()), (0, "Secondary\n"));
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_connection(101)], 101));
    let r = go(&mut t, "cstate r0 3");
    assert_eq!((r.code, r.err.as_str()), (10, "r0: No such connection\n"));

    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_device(101)], 101));
    t.replies.push_back(dump(vec![v9_peer_device(102)], 102));
    let r = go(&mut t, "dstate /dev/drbd0");
    assert_eq!((r.code, r.out.as_str()), (0, "UpToDate/Inconsistent\n"));
    // devices of all resources (no context), then the peer devices of r0
    assert_eq!(
        hex(&r.sent[0]),
        head(
            28,
            1 | NLM_F_DUMP,
            101,
            cmd::DRBD_ADM_GET_DEVICES,
            2,
            u32::MAX
        )
    );
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_device(101)], 101));
    let r = go(&mut t, "dstate 5");
    assert_eq!((r.code, r.err.as_str()), (10, "5: No such device\n"));
}

#[test]
fn v9_get_gi_and_show_gi() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_peer_device(101)], 101));
    t.replies.push_back(dump(vec![v9_device(102)], 102));
    let r = go(&mut t, "get-gi r0 2 0");
    assert_eq!(r.code, 0, "{}", r.err);
    // current, bitmap, the one history UUID sent and, like upstream's pre-filled
    // structure, all ones for the second; flags 0x91 = consistent, was-up-to-date,
    // al-clean; peer flags 0x11 = connected, device seen
    assert_eq!(
        r.out,
        "A1B2C3D4E5F60718:0000000000000077:0000000000000055:FFFFFFFFFFFFFFFF:1:1:0:0:1:0:0:1:0:0:0:1\n"
    );
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_peer_device(101)], 101));
    t.replies.push_back(dump(vec![v9_device(102)], 102));
    let r = go(&mut t, "show-gi r0 2 0");
    assert!(r
        .out
        .starts_with("\n       +--<  Current data generation UUID  >-\n"));
    assert!(r.out.contains("\nA1B2C3D4E5F60718:0000000000000077:"));
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_peer_device(101)], 101));
    let r = go(&mut t, "get-gi r0 3 0");
    assert_eq!((r.code, r.err.as_str()), (10, "r0: No such peer device\n"));
}

/// A registry directory shared by this file's tests (the variable is process-wide), and
/// links in it pointing at a config file.
fn registry_with(links: &[&str]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("drbdsetup-registry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::env::set_var("DRBD_RUN_DIR", &dir);
    let conf = dir.join("drbd.conf");
    std::fs::write(&conf, "").unwrap();
    for l in links {
        let _ = std::fs::remove_file(dir.join(l));
        std::os::unix::fs::symlink(&conf, dir.join(l)).unwrap();
    }
    dir
}

#[test]
fn v9_down_all_takes_every_resource_down() {
    let reg = registry_with(&[
        "drbd-minor-0.conf",
        "drbd-resource-r0.conf",
        "drbd-resource-r1.conf",
        "drbd-minor-5.conf",
    ]);
    let mut t = ScriptedTransport::new(FAMILY, 2);
    let r1 = {
        let mut b = v9_resource(101);
        // rename the copy: same layout, "r1"
        let at = b.windows(3).position(|w| w == b"r0\0").unwrap();
        b[at + 1] = b'1';
        b
    };
    t.replies.push_back(dump(vec![v9_resource(101), r1], 101));
    // Each resource's devices are listed before it goes down: r0 has minor 0, r1 none.
    t.replies.push_back(dump(vec![v9_device(102)], 102));
    t.replies
        .push_back(genl(2, cmd::DRBD_ADM_DOWN, 103, u32::MAX, NO_ERROR, vec![]));
    t.replies.push_back(done(104, 0));
    t.replies
        .push_back(genl(2, cmd::DRBD_ADM_DOWN, 105, u32::MAX, NO_ERROR, vec![]));
    let r = go(&mut t, "down all");
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    let commands: Vec<u8> = r.sent.iter().map(|m| m[16]).collect();
    assert_eq!(
        commands,
        [
            cmd::DRBD_ADM_GET_RESOURCES,
            cmd::DRBD_ADM_GET_DEVICES,
            cmd::DRBD_ADM_DOWN,
            cmd::DRBD_ADM_GET_DEVICES,
            cmd::DRBD_ADM_DOWN
        ]
    );
    assert_eq!(
        hex(&r.sent[2]),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 30 00 00",
            head(40, 1, 103, cmd::DRBD_ADM_DOWN, 2, u32::MAX)
        )
    );
    assert_eq!(
        hex(&r.sent[4]),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 31 00 00",
            head(40, 1, 105, cmd::DRBD_ADM_DOWN, 2, u32::MAX)
        )
    );
    // The registry forgets what went down, and only that.
    for gone in [
        "drbd-minor-0.conf",
        "drbd-resource-r0.conf",
        "drbd-resource-r1.conf",
    ] {
        assert!(!reg.join(gone).exists(), "{gone} still registered");
    }
    assert!(reg.join("drbd-minor-5.conf").exists());
    // A resource that does not exist is not sent at all.
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_resource(101)], 101));
    let r = go(&mut t, "down r5");
    assert_eq!((r.code, r.sent.len()), (0, 1));
}

fn pd_notification(seq: u32, action: u32, repl: u32) -> Vec<u8> {
    genl(
        2,
        cmd::DRBD_PEER_DEVICE_STATE,
        seq,
        0,
        NO_ERROR,
        vec![
            ctx9("r0", Some(2), Some(0), Some("peer")),
            set(nla::NOTIFICATION_HEADER, vec![f32(nla::T_NH_TYPE, action)]),
            set(nla::PEER_DEVICE_INFO, vec![f32(1, repl), f32(2, 5)]),
        ],
    )
}

fn timeout_reply(version: u8, seq: u32, minor: u32, kind: u32) -> Vec<u8> {
    genl(
        version,
        cmd::DRBD_ADM_GET_TIMEOUT_TYPE,
        seq,
        minor,
        NO_ERROR,
        vec![set(
            nla::TIMEOUT_PARMS,
            vec![f32(nla::T_TIMEOUT_TYPE, kind)],
        )],
    )
}

#[test]
fn v9_wait_connect_resource_until_established() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_peer_device(101)], 101));
    t.replies.push_back(timeout_reply(2, 102, u32::MAX, 0));
    // the initial state: still Off, then a change to Established
    t.replies.push_back(pd_notification(103, 0, 9));
    t.replies.push_back(pd_notification(7, 2, 10));
    let r = go(&mut t, "wait-connect-resource r0");
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert_eq!(t.groups, vec![drbdsetup::transport::FAKE_EVENTS_GROUP]);
    // GET_TIMEOUT_TYPE names the peer device: resource, peer node id, volume
    assert_eq!(
        hex(&r.sent[1]),
        format!(
            "{} 1c 00 02 80 07 00 02 40 72 30 00 00 08 00 06 40 02 00 00 00 08 00 01 40 00 00 00 00",
            head(56, 1, 102, cmd::DRBD_ADM_GET_TIMEOUT_TYPE, 2, u32::MAX)
        )
    );
    assert_eq!(
        hex(&r.sent[2]),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 30 00 00",
            head(
                40,
                1 | NLM_F_DUMP,
                103,
                cmd::DRBD_ADM_GET_INITIAL_STATE,
                2,
                u32::MAX
            )
        )
    );
}

#[test]
fn v9_wait_sync_volume_times_out_with_exit_5() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_peer_device(101)], 101));
    t.replies.push_back(timeout_reply(2, 102, u32::MAX, 0));
    // Connected and resyncing: wait-sync keeps waiting, and nothing else arrives.
    t.replies.push_back(pd_notification(103, 0, 16));
    let r = go(&mut t, "wait-sync-volume r0 2 0 --wfc-timeout=1");
    assert_eq!(r.code, 5);
    assert!(r
        .err
        .contains("degr-wfc-timeout implicitly set to wfc-timeout (1s)"));
    assert_eq!(t.timeouts.len(), 1);
    assert!(t.timeouts[0].unwrap().as_millis() <= 1000);
    // wait-connect is satisfied by the same state
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![v9_peer_device(101)], 101));
    t.replies.push_back(timeout_reply(2, 102, u32::MAX, 0));
    t.replies.push_back(pd_notification(103, 0, 16));
    let r = go(&mut t, "wait-connect-volume r0 2 0 --wfc-timeout=1");
    assert_eq!(r.code, 0);
    // an out-of-range timeout is refused before anything is sent
    let mut t = ScriptedTransport::new(FAMILY, 2);
    let r = go(&mut t, "wait-sync-resource r0 --wfc-timeout=300001");
    assert_eq!(r.code, 20);
    assert_eq!(r.err, "wfc_timeout => 300001 out of range [0..300000]\n");
    assert!(r.sent.is_empty());
}

#[test]
fn v9_wait_without_peer_devices_returns_at_once() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(dump(vec![], 101));
    let r = go(&mut t, "wait-connect-resource r0");
    assert_eq!((r.code, r.sent.len()), (0, 1));
}

// ---- DRBD 8.4 (genl API 1) ----------------------------------------------------------

/// `union drbd_state` bits.
fn state(role: u32, peer: u32, conn: u32, disk: u32, pdsk: u32) -> u32 {
    role | (peer << 2) | (conn << 4) | (disk << 9) | (pdsk << 13)
}

fn status84_reply(seq: u32, minor: u32, st: u32, reason: u32) -> Vec<u8> {
    let uuids: Vec<u8> = [0x1111u64, 0x2222, 0x3333, 0x4444]
        .iter()
        .flat_map(|u| u.to_ne_bytes())
        .collect();
    genl(
        1,
        cmd::DRBD_ADM_GET_STATUS,
        seq,
        minor,
        NO_ERROR,
        vec![
            ctx84("r0", Some(0), true),
            set(nla::RESOURCE_OPTS, vec![fstr(1, ""), f32(2, 0)]),
            set(
                nla::DISK_CONF,
                vec![
                    fstr(1, "/dev/loop0"),
                    fstr(2, "/dev/loop0"),
                    f32(3, (-3i32) as u32),
                    f64(4, 0),
                    f32(10, 257),
                    f32(8, 250),
                ],
            ),
            set(nla::NET_CONF, vec![f32(6, 3), f32(14, 8000)]),
            set(
                nla::STATE_INFO,
                vec![
                    f32(1, reason),
                    f32(2, st),
                    Attr::field(7, false, Value::Bin(uuids)),
                    f32(8, 0x15),
                ],
            ),
        ],
    )
}

#[test]
fn v84_role_cstate_dstate_from_get_status() {
    let st = state(1, 2, 16, 8, 4);
    for (args, want) in [
        ("role 0", "Primary/Secondary\n"),
        ("cstate 0", "SyncSource\n"),
        ("dstate /dev/drbd0", "UpToDate/Inconsistent\n"),
        (
            "get-gi 0",
            "0000000000001111:0000000000002222:0000000000003333:0000000000004444:1:1:0:1:0:0:0\n",
        ),
    ] {
        let mut t = ScriptedTransport::new(FAMILY, 1);
        t.replies.push_back(status84_reply(101, 0, st, 1));
        let r = go(&mut t, args);
        assert_eq!((r.code, r.out.as_str()), (0, want), "{args}: {}", r.err);
        // a doit GET_STATUS with the minor in the header, nothing else
        assert_eq!(
            hex(&r.sent[0]),
            head(28, 1, 101, cmd::DRBD_ADM_GET_STATUS, 1, 0)
        );
    }
    // StandAlone and Diskless: "Unconfigured"; get-gi refuses
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies
        .push_back(status84_reply(101, 0, state(2, 0, 0, 0, 6), 1));
    let r = go(&mut t, "role 0");
    assert_eq!(r.out, "Unconfigured\n");
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies
        .push_back(status84_reply(101, 0, state(2, 0, 0, 0, 6), 1));
    let r = go(&mut t, "get-gi 0");
    assert_eq!((r.code, r.err.as_str()), (1, "Device is unconfigured\n"));
    // an unknown minor
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(genl(
        1,
        cmd::DRBD_ADM_GET_STATUS,
        101,
        7,
        127,
        vec![set(nla::CFG_REPLY, vec![fstr(1, "unknown minor")])],
    ));
    let r = go(&mut t, "cstate 7");
    assert_eq!(r.code, 10);
    assert_eq!(
        r.err,
        "7: Failure: (127) Device minor not allocated\nadditional info from kernel:\nunknown minor\n"
    );
    // `state` is `role` with a warning (twice, as upstream's printer runs twice)
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(status84_reply(101, 0, st, 1));
    let s = Setup {
        progname: "drbdsetup-84".into(),
        ..setup()
    };
    let r = go_with(&mut t, &s, "state 0");
    assert_eq!(r.out, "Primary/Secondary\n");
    assert_eq!(
        r.err,
        "'drbdsetup-84 ... state' is deprecated, use 'drbdsetup-84 ... role' instead.\n".repeat(2)
    );
}

#[test]
fn v84_show_from_get_status() {
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(dump(
        vec![status84_reply(101, 0, state(1, 2, 10, 8, 8), 1)],
        101,
    ));
    let r = go(&mut t, "show r0");
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(
        r.out,
        concat!(
            "resource r0 {\n",
            "    options {\n",
            "    }\n",
            "    net {\n",
            "        max-buffers     \t8000;\n",
            "    }\n",
            "    _remote_host {\n",
            "        address\t\t\tipv4 127.0.0.1:7789;\n",
            "    }\n",
            "    _this_host {\n",
            "        address\t\t\tipv4 127.0.0.1:7788;\n",
            "        volume 0 {\n",
            "            device\t\t\tminor 0;\n",
            "            disk\t\t\t\"/dev/loop0\";\n",
            "            meta-disk\t\t\tinternal;\n",
            "            disk {\n",
            "                al-extents      \t257;\n",
            "            }\n",
            "        }\n",
            "    }\n",
            "}\n",
        )
    );
    // a dump of one resource: GET_STATUS with NLM_F_DUMP and the name
    assert_eq!(
        hex(&r.sent[0]),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 30 00 00",
            head(
                40,
                1 | NLM_F_DUMP,
                101,
                cmd::DRBD_ADM_GET_STATUS,
                1,
                u32::MAX
            )
        )
    );
    // a minor: the doit form
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies
        .push_back(status84_reply(101, 0, state(1, 2, 10, 8, 8), 1));
    let r = go(&mut t, "show 0 --show-defaults");
    assert_eq!(
        hex(&r.sent[0]),
        head(28, 1, 101, cmd::DRBD_ADM_GET_STATUS, 1, 0)
    );
    assert!(r.out.contains("        protocol        \tC; # default\n"));
    assert!(r
        .out
        .contains("                resync-rate     \t250k; # bytes/second, default\n"));
    assert!(r
        .out
        .contains("                size            \t0s; # bytes, default\n"));
}

fn v84_status_script(t: &mut ScriptedTransport, repl: u32, pdisk: u32, oos: u64) {
    let res = genl(
        1,
        cmd::DRBD_ADM_GET_RESOURCES,
        101,
        u32::MAX,
        NO_ERROR,
        vec![
            ctx84("r0", None, false),
            set(
                nla::RESOURCE_INFO,
                vec![f32(1, 1), f8(2, 0), f8(3, 0), f8(4, 0)],
            ),
            set(nla::RESOURCE_STATISTICS, vec![f32(1, 2)]),
        ],
    );
    let dev = genl(
        1,
        cmd::DRBD_ADM_GET_DEVICES,
        102,
        0,
        NO_ERROR,
        vec![
            ctx84("r0", Some(0), false),
            set(nla::DEVICE_INFO, vec![f32(1, 8)]),
            set(
                nla::DEVICE_STATISTICS,
                vec![f64(1, 65456), f64(2, 0), f64(3, 0), f8(8, 0), f8(9, 0)],
            ),
        ],
    );
    let conn = genl(
        1,
        cmd::DRBD_ADM_GET_CONNECTIONS,
        103,
        u32::MAX,
        NO_ERROR,
        vec![
            ctx84("r0", None, true),
            set(nla::CONNECTION_INFO, vec![f32(1, 9), f32(2, 2)]),
            set(nla::CONNECTION_STATISTICS, vec![f8(1, 0)]),
        ],
    );
    let pd = genl(
        1,
        cmd::DRBD_ADM_GET_PEER_DEVICES,
        104,
        u32::MAX,
        NO_ERROR,
        vec![
            ctx84("r0", Some(0), true),
            set(
                nla::PEER_DEVICE_INFO,
                vec![f32(1, repl), f32(2, pdisk), f32(3, 0), f32(4, 0), f32(5, 0)],
            ),
            set(
                nla::PEER_DEVICE_STATISTICS,
                vec![f64(1, 0), f64(2, 65456), f32(3, 0), f32(4, 0), f64(5, oos)],
            ),
        ],
    );
    t.replies.push_back(dump(vec![res], 101));
    t.replies.push_back(dump(vec![dev], 102));
    t.replies.push_back(dump(vec![conn], 103));
    t.replies.push_back(dump(vec![pd], 104));
}

#[test]
fn v84_status_texts() {
    // connected and in sync: what drbdadm-84 status shows
    let mut t = ScriptedTransport::new(FAMILY, 1);
    v84_status_script(&mut t, 10, 8, 0);
    let r = go(&mut t, "status r0");
    assert_eq!(r.code, 0);
    assert_eq!(
        r.out,
        "r0 role:Primary\n  disk:UpToDate\n  peer role:Secondary\n    replication:Established peer-disk:UpToDate\n\n"
    );
    // the same four dumps as 9's, in genl version 1
    assert_eq!(
        hex(&r.sent[0]),
        head(
            28,
            1 | NLM_F_DUMP,
            101,
            cmd::DRBD_ADM_GET_RESOURCES,
            1,
            u32::MAX
        )
    );
    assert_eq!(
        hex(&r.sent[3]),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 30 00 00",
            head(
                40,
                1 | NLM_F_DUMP,
                104,
                cmd::DRBD_ADM_GET_PEER_DEVICES,
                1,
                u32::MAX
            )
        )
    );
    // resyncing: done: comes from out-of-sync / size
    let mut t = ScriptedTransport::new(FAMILY, 1);
    v84_status_script(&mut t, 16, 4, 16364);
    let r = go(&mut t, "status r0 --statistics");
    assert_eq!(
        r.out,
        concat!(
            "r0 role:Primary\n",
            "  disk:UpToDate\n",
            "      read:0 written:0\n",
            "  peer role:Secondary\n",
            "    replication:SyncSource peer-disk:Inconsistent done:75.00\n",
            "        received:0 sent:32728 out-of-sync:8182\n",
            "\n",
        )
    );
    // 8.4 has no "# No currently configured DRBD found."
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(dump(vec![], 101));
    let r = go(&mut t, "status");
    assert_eq!((r.code, r.out.as_str()), (0, ""));
    // --json (an extension for 8.4): valid, with 8.4's stand-ins for the peer
    let mut t = ScriptedTransport::new(FAMILY, 1);
    v84_status_script(&mut t, 10, 8, 0);
    let r = go(&mut t, "status r0 --json");
    json::validate(&r.out).unwrap_or_else(|e| panic!("{e}\n{}", r.out));
    assert!(r
        .out
        .contains("      \"peer-node-id\": 0,\n      \"name\": \"peer\",\n"));
    assert!(r.out.contains("\"replication-state\": \"Established\""));
}

fn note84(command: u8, seq: u32, minor: u32, action: u32, tlas: Vec<Attr>) -> Vec<u8> {
    let mut all = vec![set(
        nla::NOTIFICATION_HEADER,
        vec![f32(nla::T_NH_TYPE, action)],
    )];
    all.extend(tlas);
    genl(1, command, seq, minor, NO_ERROR, all)
}

#[test]
fn v84_events2_now() {
    let mut t = ScriptedTransport::new(FAMILY, 1);
    let msgs = [
        note84(
            cmd::DRBD_RESOURCE_STATE,
            101,
            u32::MAX,
            0,
            vec![
                ctx84("r0", None, false),
                set(
                    nla::RESOURCE_INFO,
                    vec![f32(1, 2), f8(2, 0), f8(3, 0), f8(4, 0)],
                ),
            ],
        ),
        note84(
            cmd::DRBD_CONNECTION_STATE,
            101,
            u32::MAX,
            0,
            vec![
                ctx84("r0", None, true),
                set(nla::CONNECTION_INFO, vec![f32(1, 8), f32(2, 0)]),
            ],
        ),
        note84(
            cmd::DRBD_DEVICE_STATE,
            101,
            0,
            0,
            vec![
                ctx84("r0", Some(0), false),
                set(nla::DEVICE_INFO, vec![f32(1, 4)]),
            ],
        ),
        note84(
            cmd::DRBD_PEER_DEVICE_STATE,
            101,
            u32::MAX,
            0,
            vec![
                ctx84("r0", Some(0), true),
                set(nla::PEER_DEVICE_INFO, vec![f32(1, 9), f32(2, 6), f32(3, 0)]),
            ],
        ),
        note84(cmd::DRBD_INITIAL_STATE_DONE, 101, u32::MAX, 0, vec![]),
    ];
    t.replies.push_back(msgs.concat());
    let r = go(&mut t, "events2 --now all");
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(
        r.out,
        concat!(
            "exists resource name:r0 role:Secondary suspended:no\n",
            "exists connection name:r0 peer-node-id:0 conn-name:peer connection:Connecting role:Unknown\n",
            "exists device name:r0 volume:0 minor:0 disk:Inconsistent\n",
            "exists peer-device name:r0 peer-node-id:0 conn-name:peer volume:0 replication:Off peer-disk:DUnknown resync-suspended:no\n",
            "exists -\n",
        )
    );
    assert_eq!(
        hex(&r.sent[0]),
        head(
            28,
            1 | NLM_F_DUMP,
            101,
            cmd::DRBD_ADM_GET_INITIAL_STATE,
            1,
            u32::MAX
        )
    );
    // --json: the same, one object a line
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(msgs.concat());
    let r = go(&mut t, "events2 --now --json");
    let lines: Vec<&str> = r.out.lines().collect();
    assert_eq!(lines.len(), 5);
    for l in &lines {
        json::validate(l).unwrap_or_else(|e| panic!("{e}: {l}"));
    }
    assert_eq!(
        lines[2],
        "{\"action\":\"exists\",\"object\":\"device\",\"name\":\"r0\",\"volume\":\"0\",\"minor\":\"0\",\"disk\":\"Inconsistent\"}"
    );
}

#[test]
fn v84_events2_follows_changes_and_reports_gaps() {
    let mut t = ScriptedTransport::new(FAMILY, 1);
    let res = |seq, role, action| {
        note84(
            cmd::DRBD_RESOURCE_STATE,
            seq,
            u32::MAX,
            action,
            vec![
                ctx84("r0", None, false),
                set(
                    nla::RESOURCE_INFO,
                    vec![f32(1, role), f8(2, 0), f8(3, 0), f8(4, 0)],
                ),
            ],
        )
    };
    t.replies.push_back(
        [
            res(101, 2, 0),
            note84(cmd::DRBD_INITIAL_STATE_DONE, 101, u32::MAX, 0, vec![]),
        ]
        .concat(),
    );
    t.replies.push_back(res(5, 1, 2));
    t.replies.push_back(res(6, 1, 2));
    t.replies.push_back(res(9, 2, 2));
    t.replies.push_back(res(10, 2, 3));
    let r = go(&mut t, "events2 r0");
    // The script runs out: the run ends with a receive error after the lines.
    assert_eq!(r.code, 20);
    assert_eq!(
        r.out,
        concat!(
            "exists resource name:r0 role:Secondary suspended:no\n",
            "exists -\n",
            "change resource name:r0 role:Primary\n",
            "change resource name:r0\n",
            "- skipped 2\n",
            "change resource name:r0 role:Secondary\n",
            "destroy resource name:r0\n",
        )
    );
    assert_eq!(t.groups, vec![drbdsetup::transport::FAKE_EVENTS_GROUP]);
}

#[test]
fn v84_wait_connect_and_wait_sync() {
    // GET_TIMEOUT_TYPE, then GET_STATUS (doit) and the broadcasts of that minor
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(timeout_reply(1, 101, 0, 0));
    t.replies
        .push_back(status84_reply(102, 0, state(2, 0, 8, 4, 6), 1));
    t.replies
        .push_back(status84_reply(0, 1, state(2, 2, 10, 4, 4), 2));
    t.replies
        .push_back(status84_reply(0, 0, state(2, 2, 10, 4, 4), 2));
    let r = go(&mut t, "wait-connect 0");
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert_eq!(
        hex(&r.sent[0]),
        head(28, 1, 101, cmd::DRBD_ADM_GET_TIMEOUT_TYPE, 1, 0)
    );
    assert_eq!(
        hex(&r.sent[1]),
        head(28, 1, 102, cmd::DRBD_ADM_GET_STATUS, 1, 0)
    );
    // all three broadcasts were needed (minor 1's does not count)
    assert!(t.replies.is_empty());

    // wait-sync: SyncTarget is not enough; the time runs out (exit 5)
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(timeout_reply(1, 101, 0, 1));
    t.replies
        .push_back(status84_reply(102, 0, state(2, 1, 17, 4, 8), 1));
    let r = go(&mut t, "wait-sync 0 --wfc-timeout=3 --degr-wfc-timeout=2");
    assert_eq!(r.code, 5);
    // UT_DEGRADED picks degr-wfc-timeout
    assert_eq!(t.timeouts, vec![Some(std::time::Duration::from_secs(2))]);

    // a StandAlone minor ends wait-connect unless --wait-after-sb
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(timeout_reply(1, 101, 0, 0));
    t.replies
        .push_back(status84_reply(102, 0, state(2, 0, 0, 8, 6), 1));
    let r = go(&mut t, "wait-connect 0 --wait-after-sb --wfc-timeout=1");
    assert_eq!(r.code, 5);
    assert_eq!(
        r.err.lines().last().unwrap(),
        "drbd0 (r0[0]) is StandAlone, but I'm configured to wait anways (--wait-after-sb)"
    );
    // an unknown minor: GET_TIMEOUT_TYPE says so
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies
        .push_back(genl(1, cmd::DRBD_ADM_GET_TIMEOUT_TYPE, 101, 9, 127, vec![]));
    let r = go(&mut t, "wait-connect 9");
    assert_eq!(r.code, 20);
    assert_eq!(
        r.err,
        "error determining which timeout to use: minor not available\n"
    );
}

#[test]
fn v84_down_of_an_unknown_resource_is_quietly_done() {
    let reg = registry_with(&["drbd-resource-r7.conf"]);
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(done(101, 0));
    t.replies.push_back(genl(
        1,
        cmd::DRBD_ADM_DOWN,
        102,
        u32::MAX,
        158,
        vec![set(nla::CFG_REPLY, vec![fstr(1, "unknown resource")])],
    ));
    let r = go(&mut t, "down r7");
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert_eq!(r.sent[0][16], cmd::DRBD_ADM_GET_STATUS);
    assert_eq!(
        hex(&r.sent[1]),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 37 00 00",
            head(40, 1, 102, cmd::DRBD_ADM_DOWN, 1, u32::MAX)
        )
    );
    assert!(!reg.join("drbd-resource-r7.conf").exists());
}

#[test]
fn v84_down_forgets_the_resources_minors() {
    let reg = registry_with(&[
        "drbd-resource-r8.conf",
        "drbd-minor-8.conf",
        "drbd-minor-9.conf",
    ]);
    let mut t = ScriptedTransport::new(FAMILY, 1);
    let status = genl(
        1,
        cmd::DRBD_ADM_GET_STATUS,
        101,
        8,
        NO_ERROR,
        vec![set(nla::CFG_CONTEXT, vec![fstr(2, "r8")])],
    );
    t.replies.push_back(dump(vec![status], 101));
    t.replies
        .push_back(genl(1, cmd::DRBD_ADM_DOWN, 102, u32::MAX, NO_ERROR, vec![]));
    let r = go(&mut t, "down r8");
    assert_eq!((r.code, r.err.as_str()), (0, ""));
    assert!(!reg.join("drbd-resource-r8.conf").exists());
    assert!(!reg.join("drbd-minor-8.conf").exists());
    assert!(reg.join("drbd-minor-9.conf").exists());
    // A failed down keeps the entries.
    let reg = registry_with(&["drbd-resource-r8.conf"]);
    let mut t = ScriptedTransport::new(FAMILY, 1);
    t.replies.push_back(done(101, 0));
    t.replies
        .push_back(genl(1, cmd::DRBD_ADM_DOWN, 102, u32::MAX, -12, vec![]));
    let r = go(&mut t, "down r8");
    assert_ne!(r.code, 0);
    assert!(reg.join("drbd-resource-r8.conf").exists());
}

/// A small strict JSON checker (RFC 8259 grammar), enough to prove the output parses.
mod json {
    pub fn validate(s: &str) -> Result<(), String> {
        let b = s.as_bytes();
        let mut i = 0;
        value(b, &mut i)?;
        ws(b, &mut i);
        if i != b.len() {
            return Err(format!("trailing text at {i}"));
        }
        Ok(())
    }

    fn ws(b: &[u8], i: &mut usize) {
        while *i < b.len() && matches!(b[*i], b' ' | b'\n' | b'\t' | b'\r') {
            *i += 1;
        }
    }

    fn expect(b: &[u8], i: &mut usize, c: u8) -> Result<(), String> {
        ws(b, i);
        if b.get(*i) == Some(&c) {
            *i += 1;
            Ok(())
        } else {
            Err(format!("expected {:?} at {i}", c as char))
        }
    }

    fn value(b: &[u8], i: &mut usize) -> Result<(), String> {
        ws(b, i);
        match b.get(*i) {
            Some(b'{') => {
                *i += 1;
                ws(b, i);
                if b.get(*i) == Some(&b'}') {
                    *i += 1;
                    return Ok(());
                }
                loop {
                    ws(b, i);
                    string(b, i)?;
                    expect(b, i, b':')?;
                    value(b, i)?;
                    ws(b, i);
                    match b.get(*i) {
                        Some(b',') => *i += 1,
                        Some(b'}') => {
                            *i += 1;
                            return Ok(());
                        }
                        _ => return Err(format!("bad object at {i}")),
                    }
                }
            }
            Some(b'[') => {
                *i += 1;
                ws(b, i);
                if b.get(*i) == Some(&b']') {
                    *i += 1;
                    return Ok(());
                }
                loop {
                    value(b, i)?;
                    ws(b, i);
                    match b.get(*i) {
                        Some(b',') => *i += 1,
                        Some(b']') => {
                            *i += 1;
                            return Ok(());
                        }
                        _ => return Err(format!("bad array at {i}")),
                    }
                }
            }
            Some(b'"') => string(b, i),
            Some(b't') => word(b, i, "true"),
            Some(b'f') => word(b, i, "false"),
            Some(b'n') => word(b, i, "null"),
            Some(c) if *c == b'-' || c.is_ascii_digit() => number(b, i),
            _ => Err(format!("unexpected at {i}")),
        }
    }

    fn word(b: &[u8], i: &mut usize, w: &str) -> Result<(), String> {
        if b[*i..].starts_with(w.as_bytes()) {
            *i += w.len();
            Ok(())
        } else {
            Err(format!("bad literal at {i}"))
        }
    }

    fn number(b: &[u8], i: &mut usize) -> Result<(), String> {
        let start = *i;
        if b[*i] == b'-' {
            *i += 1;
        }
        let digits = |i: &mut usize| {
            let s = *i;
            while *i < b.len() && b[*i].is_ascii_digit() {
                *i += 1;
            }
            *i > s
        };
        if !digits(i) {
            return Err(format!("bad number at {start}"));
        }
        if b.get(*i) == Some(&b'.') {
            *i += 1;
            if !digits(i) {
                return Err(format!("bad fraction at {start}"));
            }
        }
        Ok(())
    }

    fn string(b: &[u8], i: &mut usize) -> Result<(), String> {
        if b.get(*i) != Some(&b'"') {
            return Err(format!("expected string at {i}"));
        }
        *i += 1;
        while let Some(&c) = b.get(*i) {
            *i += 1;
            match c {
                b'"' => return Ok(()),
                b'\\' => *i += 1,
                c if c < 0x20 => return Err(format!("control character in string at {i}")),
                _ => {}
            }
        }
        Err("unterminated string".into())
    }
}

#[test]
fn v9_events2_now_asks_for_the_initial_state_of_one_resource() {
    let mut t = ScriptedTransport::new(FAMILY, 2);
    t.replies.push_back(
        [
            genl(
                2,
                cmd::DRBD_INITIAL_STATE_DONE,
                101,
                u32::MAX,
                NO_ERROR,
                vec![set(nla::NOTIFICATION_HEADER, vec![f32(nla::T_NH_TYPE, 0)])],
            ),
            done(101, 0),
        ]
        .concat(),
    );
    let r = go(&mut t, "events2 --now r0");
    assert_eq!((r.code, r.out.as_str()), (0, "exists -\n"));
    assert_eq!(
        hex(&r.sent[0]),
        format!(
            "{} 0c 00 02 80 07 00 02 40 72 30 00 00",
            head(
                40,
                1 | NLM_F_DUMP,
                101,
                cmd::DRBD_ADM_GET_INITIAL_STATE,
                2,
                u32::MAX
            )
        )
    );
    // --now does not join the multicast group
    assert!(t.groups.is_empty());
}

struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn events2_ends_quietly_when_the_reader_goes_away() {
    for version in [1u8, 2] {
        let mut t = ScriptedTransport::new(FAMILY, u32::from(version));
        t.replies.push_back(genl(
            version,
            cmd::DRBD_INITIAL_STATE_DONE,
            101,
            u32::MAX,
            NO_ERROR,
            vec![set(nla::NOTIFICATION_HEADER, vec![f32(nla::T_NH_TYPE, 0)])],
        ));
        let mut err = Vec::new();
        let code = run(
            &mut t,
            &setup(),
            &argv("events2"),
            &mut ClosedPipe,
            &mut err,
        )
        .unwrap();
        assert_eq!(code, 0, "API {version}");
        assert!(err.is_empty());
    }
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    // a truncated reply datagram
    let mut t = ScriptedTransport::new(FAMILY, 2);
    let mut bad = v9_resource(101);
    bad.truncate(30);
    t.replies.push_back(bad);
    let r = go(&mut t, "status");
    assert_eq!(r.code, 20);
    // replies whose sets lack every field
    let mut t = ScriptedTransport::new(FAMILY, 2);
    let empty = genl(
        2,
        cmd::DRBD_ADM_GET_RESOURCES,
        101,
        u32::MAX,
        NO_ERROR,
        vec![ctx9("r0", None, None, None)],
    );
    t.replies.push_back(dump(vec![empty], 101));
    t.replies.push_back(dump(vec![], 102));
    t.replies.push_back(dump(vec![], 103));
    let r = go(&mut t, "status --verbose --statistics");
    assert_eq!(r.code, 0);
    // the statistics line break comes, a write ordering does not: an empty line
    assert_eq!(
        r.out,
        "r0 role:Unknown suspended:no force-io-failures:no\n\n\n"
    );
    // an unknown --color
    let mut t = ScriptedTransport::new(FAMILY, 2);
    let r = go(&mut t, "status --color=purple");
    assert_eq!((r.code, r.err.as_str()), (20, "unknown --color argument\n"));
}

#[test]
fn del_minor_and_del_resource_forget_their_registry_entries() {
    let reg = registry_with(&["drbd-minor-4.conf", "drbd-resource-r4.conf"]);
    for (version, args, link) in [
        (2u8, "del-minor 4", "drbd-minor-4.conf"),
        (1, "del-resource r4", "drbd-resource-r4.conf"),
    ] {
        let mut t = ScriptedTransport::new(FAMILY, u32::from(version));
        let command = if args.starts_with("del-minor") {
            cmd::DRBD_ADM_DEL_MINOR
        } else {
            cmd::DRBD_ADM_DEL_RESOURCE
        };
        t.replies
            .push_back(genl(version, command, 101, u32::MAX, NO_ERROR, vec![]));
        let r = go(&mut t, args);
        assert_eq!((r.code, r.err.as_str()), (0, ""), "{args}");
        assert!(!reg.join(link).exists(), "{link} still registered");
    }
}
