//! What upstream's `main()` of drbdsetup does before a command runs, in its order
//! (`drbdsetup_main()` in `user/v9/drbdsetup.c`, `main()` in `user/v84/drbdsetup.c`): the
//! help forms, which need no kernel; the 8.3 argument order; the module check with
//! `modprobe`; the hand-over to the 8.4 personality when the module is 8.4; then the socket
//! and [`run`](crate::run::run).

use std::io::{self, Write};

use conf_parser::options::Dialect;

use crate::commands;
use crate::help::{self, Form};
use crate::module::{self, Module};
use crate::run::{reorder_old_syntax, run, RunError, Setup};
use crate::transport::Transport;

/// Opens the socket to the kernel (the real one, or a scripted fake in tests).
pub type Connect<'a> = &'a mut dyn FnMut() -> io::Result<Box<dyn Transport>>;

/// Runs drbdsetup's command line `args` (without argv[0]) as upstream's `main()`; returns
/// the exit code. `setup.forced` is the personality the program was called as (`-84`).
pub fn main(
    setup: &Setup,
    args: &[String],
    module: &mut dyn Module,
    connect: Connect<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut args = args.to_vec();
    let mut dialect = setup.forced.unwrap_or(Dialect::V9);
    let print = |out: &mut dyn Write, text: &str| {
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    };
    let usage = |out: &mut dyn Write, dialect: Dialect, addinfo: Option<&str>| {
        print(
            out,
            &help::usage(dialect, &setup.progname, setup.columns, addinfo),
        );
        20
    };

    // `drbdsetup CMD --help` is `drbdsetup --help CMD`.
    if args.len() >= 2 && matches!(args[1].as_str(), "--help" | "-h") {
        args.swap(0, 1);
    }
    if let Some(first) = args.first() {
        if matches!(first.as_str(), "help" | "xml-help" | "--help" | "-h") {
            let form = if first == "xml-help" {
                Form::Xml
            } else {
                Form::Full
            };
            let Some(name) = args.get(1) else {
                return usage(out, dialect, None);
            };
            return match commands::find(dialect, name) {
                Some(def) => {
                    print(
                        out,
                        &help::command_help(def, dialect, &setup.progname, setup.columns, form),
                    );
                    0
                }
                None => usage(out, dialect, Some("unknown command")),
            };
        }
    }
    reorder_old_syntax(dialect, &mut args, err);
    let Some(name) = args.first().cloned() else {
        return usage(out, dialect, None);
    };
    if dialect == Dialect::V84 && commands::find(dialect, &name).is_none() {
        return usage(out, dialect, Some("invalid command"));
    }
    if !module::load(module, dialect, err) {
        // These "succeed" without a module. Upstream's 8.4 tool compares the program
        // name instead of the command here, so there nothing does; so does ours.
        let done_anyway = matches!(
            name.as_str(),
            "down" | "secondary" | "disconnect" | "detach"
        );
        return if dialect == Dialect::V9 && done_anyway {
            0
        } else {
            20
        };
    }
    // Upstream's DRBD 9 tool execs `drbdsetup-84` with the same arguments for an 8.4
    // module; that tool checks the command against its own table first.
    if setup.forced.is_none() && module.driver_version().is_some_and(|v| module::is_84(&v)) {
        dialect = Dialect::V84;
    }
    if commands::find(dialect, &name).is_none() {
        return usage(out, dialect, Some("invalid command"));
    }
    let mut transport = match connect() {
        Ok(t) => t,
        Err(_) => {
            let _ = writeln!(err, "Could not connect to 'drbd' generic netlink family");
            return 20;
        }
    };
    let setup = Setup {
        forced: Some(dialect),
        ..setup.clone()
    };
    match run(transport.as_mut(), &setup, &args, out, err) {
        Ok(code) => code,
        Err(e) => {
            let _ = out.flush();
            if !matches!(e, RunError::Reported(_)) {
                let _ = writeln!(err, "{e}");
            }
            e.exit_code()
        }
    }
}
