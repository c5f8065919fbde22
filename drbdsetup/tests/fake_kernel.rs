//! Whole commands against the scripted fake kernel: requests sent, replies mapped to
//! upstream's messages and exit codes.

use drbdsetup::codec::{Attr, Request, Value};
use drbdsetup::run::{run, RunError, Setup};
use drbdsetup::transport::ScriptedTransport;

fn setup() -> Setup {
    Setup {
        seq: 100,
        ..Setup::default()
    }
}

fn reply(cmd: u8, ret_code: i32, seq: u32, info: Option<&str>) -> Vec<u8> {
    let mut r = Request::new(cmd);
    r.flags = ret_code as u32;
    if let Some(text) = info {
        r.tlas.push(Attr::nested(
            1,
            vec![Attr::field(1, true, Value::Str(text.into()))],
        ));
    }
    r.to_bytes(0x1d, 2, seq, 0)
}

fn argv(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

#[test]
fn primary_failure_maps_to_exit_17() {
    let mut t = ScriptedTransport::new(0x1d, 2);
    t.replies
        .push_back(reply(14, -2, 101, Some("no up-to-date disk")));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&mut t, &setup(), &argv("primary r0"), &mut out, &mut err).unwrap();
    assert_eq!(code, 17);
    assert_eq!(
        String::from_utf8(err).unwrap(),
        "r0: State change failed: (-2) Need access to UpToDate data\n\
         additional info from kernel:\nno up-to-date disk\n"
    );
    assert_eq!(t.sent.len(), 1);
    assert_eq!(t.sent[0][16], 14);
}

#[test]
fn success_and_err_codes() {
    let mut t = ScriptedTransport::new(0x1d, 2);
    t.replies.push_back(reply(7, 101, 101, None));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        run(
            &mut t,
            &setup(),
            &argv("new-resource r0 0"),
            &mut out,
            &mut err
        )
        .unwrap(),
        0
    );

    let mut t = ScriptedTransport::new(0x1d, 2);
    t.replies.push_back(reply(8, 158, 101, None));
    let mut err = Vec::new();
    assert_eq!(
        run(
            &mut t,
            &setup(),
            &argv("del-resource r0"),
            &mut out,
            &mut err
        )
        .unwrap(),
        10
    );
    assert_eq!(
        String::from_utf8(err).unwrap(),
        "r0: Failure: (158) Unknown resource\n"
    );

    // down (9) lists the resources first; an unknown one is not sent, and is success.
    let mut t = ScriptedTransport::new(0x1d, 2);
    let mut done = Vec::new();
    done.extend_from_slice(&20u32.to_ne_bytes());
    done.extend_from_slice(&3u16.to_ne_bytes());
    done.extend_from_slice(&[2, 0]);
    done.extend_from_slice(&101u32.to_ne_bytes());
    done.extend_from_slice(&[0; 8]);
    t.replies.push_back(done);
    let mut err = Vec::new();
    assert_eq!(
        run(&mut t, &setup(), &argv("down r0"), &mut out, &mut err).unwrap(),
        0
    );
    assert_eq!((t.sent.len(), t.sent[0][16]), (1, 30));
    assert!(err.is_empty());
}

#[test]
fn family_version_1_speaks_8_4() {
    let mut t = ScriptedTransport::new(0x1d, 1);
    let mut r = Request::new(14);
    r.flags = (-16i32) as u32;
    t.replies.push_back(r.to_bytes(0x1d, 1, 101, 0));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&mut t, &setup(), &argv("primary 0"), &mut out, &mut err).unwrap();
    assert_eq!(code, 5);
    // genl version byte 1, minor 0 in the header.
    assert_eq!(t.sent[0][17], 1);
    assert_eq!(&t.sent[0][20..24], &0u32.to_ne_bytes());
}

#[test]
fn old_positional_syntax_is_answered_with_the_current_one() {
    let mut t = ScriptedTransport::new(0x1d, 1);
    t.replies.push_back(reply(14, 101, 101, None));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(
        &mut t,
        &setup(),
        &argv("/dev/drbd0 primary"),
        &mut out,
        &mut err,
    )
    .unwrap();
    assert_eq!(code, 0);
    assert!(String::from_utf8(err)
        .unwrap()
        .contains("drbdsetup primary /dev/drbd0"));
}

#[test]
fn no_module_is_one_clear_line() {
    let mut t = ScriptedTransport::default();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let e = run(&mut t, &setup(), &argv("primary r0"), &mut out, &mut err).unwrap_err();
    assert!(matches!(e, RunError::Family(_)));
    assert_eq!(e.to_string(), "DRBD kernel module not loaded");
    assert_eq!(e.exit_code(), 20);
    let mut t = ScriptedTransport::default();
    assert_eq!(
        run(&mut t, &setup(), &argv("down r0"), &mut out, &mut err).unwrap(),
        0
    );
}
