//! The steps before a command runs, in upstream's order, with a stand-in machine: help
//! needs no module and no socket; a missing module is loaded, or reported, before the
//! socket is opened; an 8.4 module hands over to the 8.4 personality.

use std::cell::Cell;
use std::io;

use conf_parser::options::Dialect;
use drbdsetup::cli;
use drbdsetup::codec::Request;
use drbdsetup::help::{self, Form};
use drbdsetup::module::Module;
use drbdsetup::run::Setup;
use drbdsetup::transport::{ScriptedTransport, Transport};

/// A machine with or without the module, of a given version.
struct Machine {
    loaded: bool,
    version: Option<&'static str>,
    modprobes: usize,
}

impl Module for Machine {
    fn stat_proc_drbd(&self) -> io::Result<()> {
        if self.loaded {
            Ok(())
        } else {
            Err(io::Error::from_raw_os_error(2))
        }
    }
    fn modprobe(&mut self) -> bool {
        self.modprobes += 1;
        false
    }
    fn pause(&mut self) {}
    fn driver_version(&self) -> Option<String> {
        self.version.map(String::from)
    }
}

struct Outcome {
    code: i32,
    out: String,
    err: String,
    connects: usize,
    modprobes: usize,
}

fn go(forced: Option<Dialect>, machine: Machine, args: &str, genl_version: u32) -> Outcome {
    let mut machine = machine;
    let connects = Cell::new(0);
    let mut connect = || -> io::Result<Box<dyn Transport>> {
        connects.set(connects.get() + 1);
        let mut t = ScriptedTransport::new(0x1d, genl_version);
        let mut ok = Request::new(0);
        ok.flags = 101;
        t.replies
            .push_back(ok.to_bytes(0x1d, genl_version as u8, 101, 0));
        Ok(Box::new(t))
    };
    let setup = Setup {
        forced,
        seq: 100,
        progname: if forced == Some(Dialect::V84) {
            "drbdsetup-84".into()
        } else {
            "drbdsetup".into()
        },
        ..Setup::default()
    };
    let argv: Vec<String> = args.split_whitespace().map(String::from).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::main(
        &setup,
        &argv,
        &mut machine,
        &mut connect,
        &mut out,
        &mut err,
    );
    Outcome {
        code,
        out: String::from_utf8_lossy(&out).into_owned(),
        err: String::from_utf8_lossy(&err).into_owned(),
        connects: connects.get(),
        modprobes: machine.modprobes,
    }
}

fn missing() -> Machine {
    Machine {
        loaded: false,
        version: None,
        modprobes: 0,
    }
}

fn loaded(version: &'static str) -> Machine {
    Machine {
        loaded: true,
        version: Some(version),
        modprobes: 0,
    }
}

#[test]
fn help_needs_neither_module_nor_socket() {
    let def = drbdsetup::commands::find(Dialect::V9, "attach").expect("attach");
    for args in ["help attach", "attach --help", "attach -h"] {
        let o = go(None, missing(), args, 2);
        assert_eq!(
            (o.code, o.connects, o.modprobes),
            (0, 0, 0),
            "{args}: {}",
            o.err
        );
        assert_eq!(
            o.out,
            help::command_help(def, Dialect::V9, "drbdsetup", 0, Form::Full)
        );
    }
    let o = go(None, missing(), "xml-help attach", 2);
    assert!(o.out.starts_with("<command name=\"attach\">\n"));
    for args in ["", "help", "--help", "xml-help"] {
        let o = go(None, missing(), args, 2);
        assert_eq!((o.code, o.connects, o.modprobes), (20, 0, 0), "{args}");
        assert_eq!(o.out, help::usage(Dialect::V9, "drbdsetup", 0, None));
    }
    let o = go(Some(Dialect::V84), missing(), "help nothing", 1);
    assert_eq!(o.code, 20);
    assert_eq!(
        o.out,
        help::usage(Dialect::V84, "drbdsetup-84", 0, Some("unknown command"))
    );
}

#[test]
fn without_a_module_some_commands_succeed_and_nothing_connects() {
    for (args, code) in [
        ("down r0", 0),
        ("secondary r0", 0),
        ("disconnect r0 1", 0),
        ("detach 0", 0),
        ("r0 down", 0),
        ("primary r0", 20),
        ("no-such-command", 20),
    ] {
        let o = go(None, missing(), args, 2);
        assert_eq!((o.code, o.connects, o.modprobes), (code, 0, 1), "{args}");
        assert!(
            o.err
                .ends_with("Failed to modprobe drbd (No such file or directory)\n"),
            "{args}: {}",
            o.err
        );
    }
    // Upstream's 8.4 tool exits 20 for all of them.
    let o = go(Some(Dialect::V84), missing(), "down r0", 1);
    assert_eq!((o.code, o.connects), (20, 0));
    assert_eq!(
        o.err,
        "Could not stat /proc/drbd: No such file or directory\n\
         Make sure that the DRBD kernel module is installed and can be loaded!\n"
    );
    // ... after it refused an unknown command, without looking for the module.
    let o = go(Some(Dialect::V84), missing(), "no-such-command", 1);
    assert_eq!((o.code, o.modprobes), (20, 0));
    assert!(o.out.ends_with("\ninvalid command\n"));
}

#[test]
fn an_84_module_hands_over_to_the_84_personality() {
    let o = go(None, loaded("8.4.11"), "no-such-command", 1);
    assert_eq!((o.code, o.connects), (20, 0));
    assert_eq!(
        o.out,
        help::usage(Dialect::V84, "drbdsetup", 0, Some("invalid command"))
    );
    // 8.4's syntax, 8.4's genl version.
    let o = go(None, loaded("8.4.11"), "primary 0", 1);
    assert_eq!((o.code, o.connects, o.err.as_str()), (0, 1, ""));
    let o = go(None, loaded("9.2.12"), "primary r0", 2);
    assert_eq!((o.code, o.connects, o.err.as_str()), (0, 1, ""));
}

#[test]
fn a_socket_that_does_not_open_is_upstreams_one_line() {
    let mut machine = loaded("9.2.12");
    let mut connect =
        || -> io::Result<Box<dyn Transport>> { Err(io::Error::from_raw_os_error(93)) };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = vec!["primary".to_string(), "r0".to_string()];
    let code = cli::main(
        &Setup::default(),
        &argv,
        &mut machine,
        &mut connect,
        &mut out,
        &mut err,
    );
    assert_eq!(code, 20);
    assert_eq!(
        String::from_utf8_lossy(&err),
        "Could not connect to 'drbd' generic netlink family\n"
    );
}
