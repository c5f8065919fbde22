//! The drbdsetup binary: picks the personality from argv[0] and runs.
use std::io::Write;

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    let argv0 = argv.first().cloned().unwrap_or_default();
    if drbdsetup::instrumented::is_instrumented(&argv0) {
        let code = match argv.get(1).map(String::as_str) {
            Some("events2") => {
                let stdout = std::io::stdout();
                let mut out = stdout.lock();
                let code = drbdsetup::instrumented::events2(
                    &argv[2..],
                    &mut drbdsetup::instrumented::stdin_lines(),
                    &mut out,
                );
                let _ = out.flush();
                code
            }
            Some("show") => {
                let stdout = std::io::stdout();
                let mut out = stdout.lock();
                let code = drbdsetup::instrumented::show(
                    &argv[2..],
                    &mut drbdsetup::instrumented::stdin_lines(),
                    &mut out,
                );
                let _ = out.flush();
                code
            }
            _ => {
                eprintln!("USAGE: drbdsetup_instrumented {{events2|show}} [options]");
                1
            }
        };
        std::process::exit(code);
    }
    let forced = argv0
        .rsplit('/')
        .next()
        .filter(|b| b.ends_with("-84"))
        .map(|_| conf_parser::options::Dialect::V84);
    let stdout_tty = rustix::termios::isatty(std::io::stdout());
    let setup = drbdsetup::run::Setup {
        forced,
        mandatory_bit: std::env::var_os("DRBDSETUP_NO_MANDATORY_BIT").is_none(),
        seq: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs() as u32),
        progname: argv0.rsplit('/').next().unwrap_or("drbdsetup").to_string(),
        stdout_tty,
        stderr_tty: rustix::termios::isatty(std::io::stderr()),
        columns: if stdout_tty {
            rustix::termios::tcgetwinsize(std::io::stdout()).map_or(0, |w| w.ws_col)
        } else {
            0
        },
    };
    let mut transport = match drbdsetup::transport::NetlinkTransport::open() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("Could not connect to 'drbd' generic netlink family: {e}");
            std::process::exit(20);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    let code = match drbdsetup::run::run(&mut transport, &setup, &argv[1..], &mut out, &mut err) {
        Ok(code) => code,
        Err(e) => {
            let _ = out.flush();
            if !matches!(e, drbdsetup::run::RunError::Reported(_)) {
                eprintln!("{e}");
            }
            e.exit_code()
        }
    };
    let _ = out.flush();
    std::process::exit(code);
}
