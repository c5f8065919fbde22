//! The differential corpus's stand-in for drbdsetup, drbdsetup-84, drbdmeta,
//! drbd-proxy-ctl and handler scripts: appends its name, arguments and the `DRBD_*`
//! environment it was given to `$DRBD_STUB_LOG`, prints nothing, and exits with
//! `$DRBD_STUB_RC` (default 0). Installed under those names as symlinks.

use std::io::Write as _;

fn main() {
    let mut args = std::env::args();
    let argv0 = args.next().unwrap_or_default();
    let name = argv0.rsplit('/').next().unwrap_or(&argv0).to_string();
    let mut line = name;
    for a in args {
        line.push_str(&format!(" [{a}]"));
    }
    line.push('\n');
    let mut env: Vec<(String, String)> = std::env::vars()
        .filter(|(k, _)| {
            k.starts_with("DRBD_")
                && !k.starts_with("DRBD_STUB_")
                && k != "DRBD_DRIVER_VERSION_OVERRIDE"
        })
        .collect();
    env.sort();
    for (k, v) in env {
        line.push_str(&format!("    env {k}={v}\n"));
    }
    if let Some(log) = std::env::var_os("DRBD_STUB_LOG") {
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
        {
            let _ = f.write_all(line.as_bytes());
        }
    }
    let rc = std::env::var("DRBD_STUB_RC")
        .ok()
        .and_then(|v| v.parse::<i32>().ok())
        .unwrap_or(0);
    std::process::exit(rc);
}
