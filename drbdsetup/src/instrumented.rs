//! The `drbdsetup_instrumented` personality used by upstream's `events2-*.test` and
//! `show-*.test`: message names read from stdin (`name [var value]...`) are turned into the
//! same notifications and dump replies upstream's test build fakes, and fed to the real
//! output code. The names, variables and values follow upstream's test program.

use std::io::{self, BufRead, Write};

use crate::codec::{parse_datagram, Attr, Incoming, Message, Request, Value};
use crate::consts::{cmd, nla, notify, NO_ERROR};
use crate::events2::{Events2, Options};

const RESOURCE: &str = "some-resource";
const PEER: &str = "some-peer";
const FAMILY: u16 = 0x1d;

/// The variables a line may set.
#[derive(Clone, Debug)]
struct Vars {
    msg_seq: i64,
    auto_promote: u32,
    on_no_quorum: u32,
    minor: u32,
    volume_number: u32,
    diskless: u32,
    inconsistent: u32,
    has_quorum: u32,
    al_extents: u32,
    read_balancing: u32,
    max_bio_size: u32,
    ping_int: u32,
    two_primaries: u32,
    c_max_rate: u32,
    c_min_rate: u32,
}

impl Default for Vars {
    fn default() -> Self {
        Vars {
            msg_seq: -1,
            auto_promote: 1,
            on_no_quorum: 1,
            minor: 1000,
            volume_number: 0,
            diskless: 0,
            inconsistent: 0,
            has_quorum: 1,
            al_extents: 1237,
            read_balancing: 0,
            max_bio_size: 1 << 20,
            ping_int: 10,
            two_primaries: 0,
            c_max_rate: 102400,
            c_min_rate: 250,
        }
    }
}

fn parse_line(line: &str) -> Result<(String, Vars), String> {
    let mut words = line.split_whitespace();
    let name = words.next().ok_or("Failed to read msg_name")?.to_string();
    let mut v = Vars::default();
    while let Some(var) = words.next() {
        let value = words
            .next()
            .ok_or_else(|| format!("Failed to read value for '{var}'"))?;
        let bad = || format!("Failed to read value for '{var}'");
        if var == "msg_seq" {
            v.msg_seq = value.parse().map_err(|_| bad())?;
            continue;
        }
        let n: u32 = value.parse().map_err(|_| bad())?;
        let slot = match var {
            "auto_promote" => &mut v.auto_promote,
            "on_no_quorum" => &mut v.on_no_quorum,
            "minor" => &mut v.minor,
            "volume_number" => &mut v.volume_number,
            "diskless" => &mut v.diskless,
            "inconsistent" => &mut v.inconsistent,
            "has_quorum" => &mut v.has_quorum,
            "al_extents" => &mut v.al_extents,
            "read_balancing" => &mut v.read_balancing,
            "max_bio_size" => &mut v.max_bio_size,
            "ping_int" => &mut v.ping_int,
            "two_primaries" => &mut v.two_primaries,
            "c_max_rate" => &mut v.c_max_rate,
            "c_min_rate" => &mut v.c_min_rate,
            _ => return Err(format!("Unknown var: '{var}'")),
        };
        *slot = n;
    }
    Ok((name, v))
}

fn f(nr: u16, value: Value) -> Attr {
    Attr::field(nr, false, value)
}

fn u8v(v: u32) -> Value {
    Value::U8(v as u8)
}

fn disk_state(v: &Vars) -> u32 {
    if v.diskless != 0 {
        0
    } else if v.inconsistent != 0 {
        5
    } else {
        9
    }
}

fn backing(v: &Vars) -> String {
    if matches!(disk_state(v), 9 | 5) {
        "/dev/sda"
    } else {
        "none"
    }
    .to_string()
}

fn header(nh: u32) -> Attr {
    Attr::nested(nla::NOTIFICATION_HEADER, vec![f(1, Value::U32(nh))])
}

fn res_ctx() -> Attr {
    Attr::nested(nla::CFG_CONTEXT, vec![f(2, Value::Str(RESOURCE.into()))])
}

fn dev_ctx(v: &Vars) -> Attr {
    Attr::nested(
        nla::CFG_CONTEXT,
        vec![
            f(2, Value::Str(RESOURCE.into())),
            f(1, Value::U32(v.volume_number)),
        ],
    )
}

fn conn_ctx() -> Attr {
    Attr::nested(
        nla::CFG_CONTEXT,
        vec![
            f(2, Value::Str(RESOURCE.into())),
            f(5, Value::Str(PEER.into())),
            f(6, Value::U32(1)),
        ],
    )
}

fn pd_ctx(v: &Vars) -> Attr {
    Attr::nested(
        nla::CFG_CONTEXT,
        vec![
            f(2, Value::Str(RESOURCE.into())),
            f(5, Value::Str(PEER.into())),
            f(6, Value::U32(1)),
            f(1, Value::U32(v.volume_number)),
        ],
    )
}

fn path_ctx() -> Attr {
    let addr = |port: u16, ip: [u8; 4]| {
        let mut a = Vec::new();
        a.extend_from_slice(&2u16.to_ne_bytes());
        a.extend_from_slice(&port.to_be_bytes());
        a.extend_from_slice(&ip);
        a.extend_from_slice(&[0; 8]);
        a
    };
    Attr::nested(
        nla::CFG_CONTEXT,
        vec![
            f(2, Value::Str(RESOURCE.into())),
            f(5, Value::Str(PEER.into())),
            f(6, Value::U32(1)),
            f(3, Value::Bin(addr(7789, [1, 2, 3, 4]))),
            f(4, Value::Bin(addr(7790, [5, 6, 7, 8]))),
        ],
    )
}

fn res_info(role: u32) -> Attr {
    Attr::nested(
        nla::RESOURCE_INFO,
        vec![
            f(1, Value::U32(role)),
            f(2, u8v(0)),
            f(3, u8v(0)),
            f(4, u8v(0)),
            f(5, u8v(0)),
        ],
    )
}

fn res_stats() -> Attr {
    Attr::nested(nla::RESOURCE_STATISTICS, vec![f(1, Value::U32(0))])
}

fn dev_info(v: &Vars) -> Attr {
    Attr::nested(
        nla::DEVICE_INFO,
        vec![
            f(1, Value::U32(disk_state(v))),
            f(2, u8v(0)),
            f(5, u8v(0)),
            f(3, u8v(v.has_quorum)),
            f(4, Value::Str(backing(v))),
        ],
    )
}

fn dev_stats() -> Attr {
    let mut fields: Vec<Attr> = [(1, 10u64), (2, 20), (3, 30), (4, 40), (5, 50)]
        .iter()
        .map(|(n, x)| f(*n, Value::U64(*x)))
        .collect();
    fields.extend([
        f(6, Value::U32(60)),
        f(7, Value::U32(70)),
        f(8, u8v(0)),
        f(9, u8v(0)),
        f(10, u8v(0)),
        f(13, Value::U32(0)),
    ]);
    Attr::nested(nla::DEVICE_STATISTICS, fields)
}

fn conn_info(state: u32, role: u32) -> Attr {
    Attr::nested(
        nla::CONNECTION_INFO,
        vec![f(1, Value::U32(state)), f(2, Value::U32(role))],
    )
}

fn conn_stats() -> Attr {
    Attr::nested(
        nla::CONNECTION_STATISTICS,
        vec![f(1, u8v(0)), f(2, Value::U64(10)), f(3, Value::U64(20))],
    )
}

fn pd_info(repl: u32, disk: u32) -> Attr {
    Attr::nested(
        nla::PEER_DEVICE_INFO,
        vec![
            f(1, Value::U32(repl)),
            f(2, Value::U32(disk)),
            f(3, Value::U32(0)),
            f(4, Value::U32(0)),
            f(5, Value::U32(0)),
            f(6, u8v(0)),
            f(7, Value::U32(0)),
        ],
    )
}

fn pd_stats(resync: bool) -> Attr {
    let r = |a: u64| if resync { a } else { 0 };
    let mut fields = vec![
        f(1, Value::U64(10)),
        f(2, Value::U64(20)),
        f(3, Value::U32(30)),
        f(4, Value::U32(40)),
        f(5, Value::U64(r(5000))),
        f(6, Value::U64(0)),
        f(9, Value::U32(0)),
        f(10, Value::U64(r(8000))),
    ];
    for nr in 11..=20 {
        fields.push(f(nr, Value::U64(0)));
    }
    fields.push(f(21, Value::U64(r(100))));
    fields.push(f(22, Value::U64(r(50))));
    fields.push(f(23, Value::U32(0)));
    fields.push(f(24, Value::U64(1 << 5)));
    Attr::nested(nla::PEER_DEVICE_STATISTICS, fields)
}

/// Builds the message called `name`; `None` for an unknown name.
fn build(name: &str, v: &Vars) -> Option<Request> {
    let msg = |c: u8, minor: u32, tlas: Vec<Attr>| {
        let mut r = Request::new(c);
        r.minor = minor;
        r.flags = NO_ERROR as u32;
        r.tlas = tlas;
        r
    };
    let none = u32::MAX;
    use cmd::*;
    Some(match name {
        "initial_state_done" => msg(DRBD_INITIAL_STATE_DONE, none, vec![header(notify::EXISTS)]),
        "resource_exists" => msg(
            DRBD_RESOURCE_STATE,
            none,
            vec![res_ctx(), header(0), res_info(2), res_stats()],
        ),
        "resource_create" => msg(
            DRBD_RESOURCE_STATE,
            none,
            vec![res_ctx(), header(1), res_info(2), res_stats()],
        ),
        "resource_change_role" => msg(
            DRBD_RESOURCE_STATE,
            none,
            vec![res_ctx(), header(2), res_info(1), res_stats()],
        ),
        "resource_destroy" => msg(DRBD_RESOURCE_STATE, none, vec![res_ctx(), header(3)]),
        "device_exists" | "device_create" | "device_change" => {
            let nh = match name {
                "device_exists" => 0,
                "device_create" => 1,
                _ => 2,
            };
            msg(
                DRBD_DEVICE_STATE,
                v.minor,
                vec![dev_ctx(v), header(nh), dev_info(v), dev_stats()],
            )
        }
        "device_destroy" => msg(DRBD_DEVICE_STATE, none, vec![dev_ctx(v), header(3)]),
        "connection_create" => msg(
            DRBD_CONNECTION_STATE,
            none,
            vec![conn_ctx(), header(1), conn_info(0, 0), conn_stats()],
        ),
        "connection_change_connection" => msg(
            DRBD_CONNECTION_STATE,
            none,
            vec![conn_ctx(), header(2), conn_info(9, 2), conn_stats()],
        ),
        "connection_change_role" => msg(
            DRBD_CONNECTION_STATE,
            none,
            vec![conn_ctx(), header(2), conn_info(9, 1), conn_stats()],
        ),
        "connection_destroy" => msg(DRBD_CONNECTION_STATE, none, vec![conn_ctx(), header(3)]),
        "peer_device_create" => msg(
            DRBD_PEER_DEVICE_STATE,
            none,
            vec![pd_ctx(v), header(1), pd_info(9, 7), pd_stats(false)],
        ),
        "peer_device_change_replication" => msg(
            DRBD_PEER_DEVICE_STATE,
            none,
            vec![pd_ctx(v), header(2), pd_info(10, 9), pd_stats(false)],
        ),
        "peer_device_change_sync" => msg(
            DRBD_PEER_DEVICE_STATE,
            none,
            vec![pd_ctx(v), header(2), pd_info(16, 5), pd_stats(true)],
        ),
        "peer_device_destroy" => msg(DRBD_PEER_DEVICE_STATE, none, vec![pd_ctx(v), header(3)]),
        "path_create" | "path_change_established" => {
            let (nh, est) = if name == "path_create" {
                (1, 0)
            } else {
                (2, 1)
            };
            msg(
                DRBD_PATH_STATE,
                none,
                vec![
                    path_ctx(),
                    header(nh),
                    Attr::nested(nla::PATH_INFO, vec![f(1, u8v(est))]),
                ],
            )
        }
        "path_destroy" => msg(DRBD_PATH_STATE, none, vec![path_ctx(), header(3)]),
        "helper_call" | "helper_response" => {
            let (nh, status) = if name == "helper_call" {
                (4, 0)
            } else {
                (5, 1)
            };
            msg(
                DRBD_HELPER,
                none,
                vec![
                    pd_ctx(v),
                    header(nh),
                    Attr::nested(
                        nla::HELPER,
                        vec![
                            f(1, Value::Str("before-resync-target".into())),
                            f(2, Value::U32(status)),
                        ],
                    ),
                ],
            )
        }
        "get_resource" => msg(
            DRBD_ADM_GET_RESOURCES,
            none,
            vec![
                res_ctx(),
                Attr::nested(
                    nla::RESOURCE_OPTS,
                    vec![
                        f(4, Value::U32(4)),
                        f(3, u8v(v.auto_promote)),
                        f(12, Value::U32(v.on_no_quorum)),
                    ],
                ),
                res_info(2),
                res_stats(),
            ],
        ),
        "get_device" => {
            let bd = backing(v);
            msg(
                DRBD_ADM_GET_DEVICES,
                v.minor,
                vec![
                    dev_ctx(v),
                    Attr::nested(
                        nla::DISK_CONF,
                        vec![
                            f(1, Value::Str(bd.clone())),
                            f(2, Value::Str(bd)),
                            f(3, Value::U32(-3i32 as u32)),
                            f(10, Value::U32(v.al_extents)),
                            f(21, Value::U32(v.read_balancing)),
                        ],
                    ),
                    Attr::nested(nla::DEVICE_CONF, vec![f(1, Value::U32(v.max_bio_size))]),
                    dev_info(v),
                    dev_stats(),
                ],
            )
        }
        "get_connection" => msg(
            DRBD_ADM_GET_CONNECTIONS,
            none,
            vec![
                conn_ctx(),
                Attr::nested(
                    nla::NET_CONF,
                    vec![f(9, Value::U32(v.ping_int)), f(24, u8v(v.two_primaries))],
                ),
                conn_info(9, 1),
                conn_stats(),
            ],
        ),
        "get_peer_device" => msg(
            DRBD_ADM_GET_PEER_DEVICES,
            v.minor,
            vec![
                pd_ctx(v),
                pd_info(10, 9),
                pd_stats(false),
                Attr::nested(
                    nla::PEER_DEVICE_OPTS,
                    vec![
                        f(5, Value::U32(v.c_max_rate)),
                        f(6, Value::U32(v.c_min_rate)),
                    ],
                ),
            ],
        ),
        _ => return None,
    })
}

fn to_message(req: &Request, seq: u32) -> Message {
    let bytes = req.to_bytes(FAMILY, 2, seq, 0);
    match parse_datagram(&bytes, FAMILY)
        .ok()
        .and_then(|mut v| v.pop())
    {
        Some(Incoming::Genl(m)) => m,
        _ => Message::default(),
    }
}

/// `drbdsetup_instrumented events2 [options]`: returns the exit code.
pub fn events2(args: &[String], input: &mut dyn BufRead, out: &mut dyn Write) -> i32 {
    let mut opts = Options::default();
    for a in args {
        match a.as_str() {
            "--now" | "-n" => {}
            "--statistics" | "-s" => {
                opts.verbose += 1;
                opts.statistics = true;
            }
            "--timestamps" | "-T" => opts.timestamps = true,
            "--full" | "-f" => {
                opts.verbose += 1;
                opts.statistics = true;
                opts.full = true;
            }
            "--color" | "-c" => opts.color = true,
            "--json" => opts.json = true,
            a if a == "--diff" || a.starts_with("--diff=") || a == "-i" => opts.diff = true,
            _ => {
                eprintln!("drbdsetup_instrumented events2 - Fake drbdsetup events2 from messages on stdin");
                return 1;
            }
        }
    }
    let mut ev = Events2::new(out, opts);
    let mut next_seq: u32 = 0;
    let mut line = String::new();
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let (name, vars) = match parse_line(&line) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("{e}");
                return 1;
            }
        };
        if vars.msg_seq != -1 {
            next_seq = vars.msg_seq as u32;
        }
        let Some(req) = build(&name, &vars) else {
            eprintln!("unknown message '{name}'");
            return 1;
        };
        match ev.event(&to_message(&req, next_seq)) {
            Ok(0) => {}
            Ok(code) => return code,
            Err(_) => return 20,
        }
        next_seq = next_seq.wrapping_add(1);
    }
    0
}

/// Reads the scripted dump replies of one `DRBD_ADM_GET_*` request: the first line must
/// name the command, then messages until a line `-`.
pub fn dump(cmd_name: &str, input: &mut dyn BufRead) -> Result<Vec<Message>, String> {
    let mut line = String::new();
    if input.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
        return Err(format!("Unexpected generic_get() cmd_id={cmd_name}"));
    }
    if line.trim_end() != cmd_name {
        return Err(format!(
            "Command '{cmd_name}' does not match expected '{}'",
            line.trim_end()
        ));
    }
    let mut out = Vec::new();
    loop {
        line.clear();
        if input.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
            return Ok(out);
        }
        let (name, vars) = parse_line(&line)?;
        if name == "-" {
            return Ok(out);
        }
        let req = build(&name, &vars).ok_or_else(|| format!("unknown message '{name}'"))?;
        out.push(to_message(&req, 0));
    }
}

/// Whether the argv[0] basename asks for the instrumented personality.
pub fn is_instrumented(argv0: &str) -> bool {
    argv0.rsplit('/').next() == Some("drbdsetup_instrumented")
}

/// Errors reading stdin count as "no more messages".
pub fn stdin_lines() -> io::StdinLock<'static> {
    io::stdin().lock()
}

/// `drbdsetup_instrumented show [--json] [--show-defaults] [resource]`: the dump replies
/// come from stdin, one `DRBD_ADM_GET_*` block per request, in the order `show` asks.
pub fn show(args: &[String], input: &mut dyn BufRead, out: &mut dyn Write) -> i32 {
    let mut json = false;
    let mut defaults = false;
    let mut only: Option<String> = None;
    for a in args {
        match a.as_str() {
            "--json" | "-j" => json = true,
            "--show-defaults" | "-D" => defaults = true,
            a if !a.starts_with('-') && only.is_none() => only = Some(a.to_string()),
            _ => {
                eprintln!(
                    "drbdsetup_instrumented show - Fake drbdsetup show from messages on stdin"
                );
                return 1;
            }
        }
    }
    let name = |c: u8| match c {
        cmd::DRBD_ADM_GET_RESOURCES => "DRBD_ADM_GET_RESOURCES",
        cmd::DRBD_ADM_GET_DEVICES => "DRBD_ADM_GET_DEVICES",
        cmd::DRBD_ADM_GET_CONNECTIONS => "DRBD_ADM_GET_CONNECTIONS",
        _ => "DRBD_ADM_GET_PEER_DEVICES",
    };
    let list = crate::show::collect(|c, _| dump(name(c), input), only.as_deref());
    match list {
        Ok(list) => {
            let text = crate::show::render(&list, json, defaults);
            if out.write_all(text.as_bytes()).is_err() {
                return 20;
            }
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}
