//! Option values against the option table, at the bytes: a refused value sends nothing and
//! gets upstream's message and exit code; accepted boundary values are encoded exactly.
//! The expected attributes are written out by hand here (netlink attribute header: length
//! and type, host order; bit 14 marks a mandatory field, bit 15 a nested set).

use conf_parser::options::Dialect;
use drbdsetup::codec::Request;
use drbdsetup::run::{run, Setup};
use drbdsetup::transport::ScriptedTransport;

const FAMILY: u16 = 0x1d;

fn setup(dialect: Dialect) -> Setup {
    Setup {
        seq: 100,
        forced: Some(dialect),
        ..Setup::default()
    }
}

struct Ran {
    code: i32,
    err: String,
    sent: Vec<Vec<u8>>,
}

fn go(dialect: Dialect, args: &str) -> Ran {
    let version = if dialect == Dialect::V84 { 1 } else { 2 };
    let mut t = ScriptedTransport::new(FAMILY, version);
    // A success reply for the one request an accepted value leads to.
    let mut ok = Request::new(0);
    ok.flags = 101;
    t.replies
        .push_back(ok.to_bytes(FAMILY, version as u8, 101, 0));
    let argv: Vec<String> = args.split_whitespace().map(String::from).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = match run(&mut t, &setup(dialect), &argv, &mut out, &mut err) {
        Ok(c) => c,
        Err(e) => {
            err.extend_from_slice(format!("{e}\n").as_bytes());
            e.exit_code()
        }
    };
    Ran {
        code,
        err: String::from_utf8_lossy(&err).into_owned(),
        sent: t.sent,
    }
}

fn refused(dialect: Dialect, args: &str, code: i32, message: &str) {
    let r = go(dialect, args);
    assert_eq!((r.code, r.err.as_str()), (code, message), "{args}");
    assert!(r.sent.is_empty(), "{args}: something was sent");
}

/// One field attribute: length, type (with the mandatory bit), value, padding.
fn field(nr: u16, mandatory: bool, value: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&(4 + value.len() as u16).to_ne_bytes());
    v.extend_from_slice(&(nr | if mandatory { 0x4000 } else { 0 }).to_ne_bytes());
    v.extend_from_slice(value);
    while v.len() % 4 != 0 {
        v.push(0);
    }
    v
}

/// A nested set holding `fields`.
fn set(nr: u16, fields: &[Vec<u8>]) -> Vec<u8> {
    let body: Vec<u8> = fields.concat();
    let mut v = Vec::new();
    v.extend_from_slice(&(4 + body.len() as u16).to_ne_bytes());
    v.extend_from_slice(&(nr | 0x8000).to_ne_bytes());
    v.extend(body);
    v
}

/// The request sent ends with `tail` (the payload set).
fn sends(dialect: Dialect, args: &str, tail: &[u8]) {
    let r = go(dialect, args);
    assert_eq!((r.code, r.err.as_str()), (0, ""), "{args}");
    assert_eq!(r.sent.len(), 1, "{args}");
    let msg = &r.sent[0];
    assert!(
        msg.ends_with(tail),
        "{args}: {:02x?} does not end with {:02x?}",
        msg,
        tail
    );
    // The header's length is the whole message.
    assert_eq!(
        u32::from_ne_bytes([msg[0], msg[1], msg[2], msg[3]]) as usize,
        msg.len()
    );
}

const DISK_CONF: u16 = 3;
const RESOURCE_OPTS: u16 = 4;
const NET_CONF: u16 = 5;
const RESIZE_PARMS: u16 = 7;

#[test]
fn numbers_outside_the_table_are_refused_before_anything_is_sent() {
    let v9 = Dialect::V9;
    refused(
        v9,
        "disk-options 0 --al-extents=99999999999",
        20,
        "Option --al-extents: invalid argument '99999999999'\n\
         --al-extents: out of range (67 ... 65534)\n",
    );
    refused(
        v9,
        "net-options r0 1 --timeout=601",
        20,
        "Option --timeout: invalid argument '601'\n--timeout: out of range (1 ... 600)\n",
    );
    refused(
        v9,
        "net-options r0 1 --timeout=0",
        20,
        "Option --timeout: invalid argument '0'\n--timeout: out of range (1 ... 600)\n",
    );
    refused(
        v9,
        "resize 0 --size=2199023255553",
        20,
        "Option --size: invalid argument '2199023255553'\n\
         --size: out of range (0 ... 2199023255552)\n",
    );
    refused(
        v9,
        "resource-options r0 --quorum=33",
        20,
        "Option --quorum: invalid argument '33'\n--quorum: out of range (1 ... 32)\n",
    );
    refused(
        Dialect::V84,
        "disk-options 0 --resync-rate=4194305",
        20,
        "Option --resync-rate: invalid argument '4194305'\n\
         --resync-rate: out of range (1 ... 4194304)\n",
    );
}

#[test]
fn numbers_that_do_not_parse_get_m_strtolls_words() {
    let v9 = Dialect::V9;
    refused(
        v9,
        "net-options r0 1 --timeout=abc",
        20,
        "abc is not a valid number\n",
    );
    refused(
        v9,
        "net-options r0 1 --timeout=5x",
        20,
        "5x is not a valid unit\n",
    );
    refused(
        v9,
        "net-options r0 1 --timeout=",
        100,
        "missing number argument\n",
    );
}

#[test]
fn keywords_and_strings_outside_the_table_are_refused() {
    let v9 = Dialect::V9;
    refused(
        v9,
        "net-options r0 1 --protocol=D",
        20,
        "Option --protocol: invalid argument 'D'\n",
    );
    refused(
        v9,
        "disk-options 0 --disk-flushes=maybe",
        20,
        "Option --disk-flushes: invalid argument 'maybe'\n",
    );
    let secret = "s".repeat(64);
    refused(
        v9,
        &format!("net-options r0 1 --shared-secret={secret}"),
        20,
        &format!(
            "Option --shared-secret: invalid argument '{secret}'\n\
             --shared-secret: longer than 63 bytes\n"
        ),
    );
}

#[test]
fn boundary_values_are_encoded_exactly() {
    let v9 = Dialect::V9;
    for (text, n) in [("67", 67u32), ("65534", 65534)] {
        sends(
            v9,
            &format!("disk-options 0 --al-extents={text}"),
            &set(DISK_CONF, &[field(10, true, &n.to_ne_bytes())]),
        );
    }
    // The kernel clamps al-extents itself: any value that fits its 32 bits goes as is.
    sends(
        v9,
        "disk-options 0 --al-extents=4294967295",
        &set(DISK_CONF, &[field(10, true, &u32::MAX.to_ne_bytes())]),
    );
    refused(
        v9,
        "disk-options 0 --al-extents=4294967296",
        20,
        "Option --al-extents: invalid argument '4294967296'\n\
         --al-extents: out of range (67 ... 65534)\n",
    );
    // A signed field: -1 is all ones.
    sends(
        v9,
        "disk-options 0 --resync-after=-1",
        &set(DISK_CONF, &[field(9, true, &u32::MAX.to_ne_bytes())]),
    );
    // Sizes are sectors, 64 bits: 1G and the largest.
    sends(
        v9,
        "resize 0 --size=1G",
        &set(RESIZE_PARMS, &[field(1, true, &2097152u64.to_ne_bytes())]),
    );
    sends(
        v9,
        "resize 0 --size=2199023255552",
        &set(
            RESIZE_PARMS,
            &[field(1, true, &2199023255552u64.to_ne_bytes())],
        ),
    );
    sends(
        v9,
        "net-options r0 1 --timeout=600 --protocol=a",
        &set(
            NET_CONF,
            &[
                field(8, true, &600u32.to_ne_bytes()),
                field(6, true, &1u32.to_ne_bytes()),
            ],
        ),
    );
    sends(
        v9,
        "resource-options r0 --quorum=32 --quorum-minimum-redundancy=majority",
        &set(
            RESOURCE_OPTS,
            &[
                field(11, false, &32u32.to_ne_bytes()),
                field(13, false, &1024u32.to_ne_bytes()),
            ],
        ),
    );
    let secret = "s".repeat(63);
    let mut text = secret.clone().into_bytes();
    text.push(0);
    sends(
        v9,
        &format!("net-options r0 1 --shared-secret={secret}"),
        &set(NET_CONF, &[field(1, true, &text)]),
    );
    // 8.4: the unit converts into KiB.
    sends(
        Dialect::V84,
        "disk-options 0 --resync-rate=4G",
        &set(DISK_CONF, &[field(8, true, &4194304u32.to_ne_bytes())]),
    );
}
