//! The drbdsetup binary: picks the personality from argv[0] and runs.
use std::io::Write;

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    let argv0 = argv.first().cloned().unwrap_or_default();
    if matches!(argv.get(1).map(String::as_str), Some("--version" | "-V")) {
        print_version(&argv0);
        return;
    }
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
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut connect = || {
        drbdsetup::transport::NetlinkTransport::open()
            .map(|t| Box::new(t) as Box<dyn drbdsetup::transport::Transport>)
    };
    let code = drbdsetup::cli::main(
        &setup,
        argv.get(1..).unwrap_or_default(),
        &mut drbdsetup::module::System,
        &mut connect,
        &mut out,
        &mut std::io::stderr(),
    );
    let _ = out.flush();
    std::process::exit(code);
}

/// `drbdsetup --version`: `KEY=value` lines like drbdadm's, which tools parse (upstream's
/// drbdsetup has no such option).
fn print_version(argv0: &str) {
    let api = if argv0.ends_with("-84") { 1 } else { 2 };
    let kernel = std::fs::read_to_string("/proc/drbd")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("version:").map(|v| v.trim().to_string()))
        })
        .or_else(|| std::fs::read_to_string("/sys/module/drbd/version").ok())
        .map(|v| v.split_whitespace().next().unwrap_or("").to_string())
        .unwrap_or_default();
    let code = |v: &str| {
        let n: Vec<u32> = v.split('.').map(|p| p.parse().unwrap_or(0)).collect();
        (n.first().copied().unwrap_or(0) << 16)
            | (n.get(1).copied().unwrap_or(0) << 8)
            | n.get(2).copied().unwrap_or(0)
    };
    let ours = "9.34.0";
    let kv = if kernel.is_empty() {
        "0.0.0"
    } else {
        kernel.as_str()
    };
    println!("DRBDSETUP_BUILDTAG=drbd-rs\\ {}", env!("CARGO_PKG_VERSION"));
    println!("DRBDSETUP_API_VERSION={api}");
    println!("DRBD_KERNEL_VERSION_CODE=0x{:06x}", code(kv));
    println!("DRBD_KERNEL_VERSION={kv}");
    println!("DRBDSETUP_VERSION_CODE=0x{:06x}", code(ours));
    println!("DRBDSETUP_VERSION={ours}");
}
