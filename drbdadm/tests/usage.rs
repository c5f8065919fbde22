//! drbdadm's command-line layer as a script sees it: which stream the usage goes to, the
//! exit codes of `help`, unknown commands and refused options, and which of these come
//! before the configuration is read. The binary runs with `DRBD_DRIVER_VERSION_OVERRIDE`
//! and a configuration file that does not exist, so a check made after reading it would
//! show up as a different error.

use std::process::Command;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn drbdadm(version: &str, args: &str) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_drbdadm"))
        .args(args.split_whitespace())
        .env("DRBD_DRIVER_VERSION_OVERRIDE", version)
        .env_remove("__DRBD_NODE__")
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("drbdadm runs");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn missing_resource_names_print_the_command_usage_on_stdout() {
    for v in ["9.2.0", "8.4.11"] {
        let o = drbdadm(v, "-c /dev/null primary");
        assert_eq!(o.code, 1, "{v}: {}", o.stderr);
        assert!(
            o.stdout
                .starts_with("\nUSAGE: drbdadm primary [OPTION...] {all|RESOURCE...}\n"),
            "{v}: {}",
            o.stdout
        );
        assert!(o
            .stdout
            .contains("\nOPTIONS FOR primary:\n  --force[=...]\n"));
        assert!(o.stdout.ends_with("\nNo resource names specified\n"));
        assert!(o.stdout.lines().any(|l| l.starts_with("GIT-hash: ")));
        assert!(o.stderr.is_empty(), "{v}: {}", o.stderr);
    }
}

#[test]
fn help_exit_codes_per_personality() {
    // DRBD 9 fails a bare help, 8.4 does not; help for a command succeeds on both.
    let o = drbdadm("9.2.0", "help");
    assert_eq!(o.code, 1);
    assert!(o.stdout.contains("\nCOMMANDS:\n"));
    assert_eq!(drbdadm("8.4.11", "help").code, 0);
    assert_eq!(drbdadm("9.2.0", "-h up").code, 0);
    let o = drbdadm("9.2.0", "");
    assert_eq!(o.code, 1);
    assert!(o.stdout.ends_with("\nNo command specified\n"));
}

#[test]
fn hidden_commands_before_anything_else() {
    let o = drbdadm("9.2.0", "-c /nonexistent.conf stray hidden-commands");
    assert_eq!(o.code, 20, "-c is opened while parsing: {}", o.stderr);
    let o = drbdadm("9.2.0", "stray hidden-commands");
    assert_eq!(o.code, 0);
    assert!(o.stdout.starts_with(
        "\nThese additional commands might be useful for writing\nnifty shell scripts around drbdadm:\n\n"
    ));
    assert!(!o.stdout.contains("lint"), "ours only: {}", o.stdout);
}

#[test]
fn unknown_commands_and_refused_options_before_the_config() {
    let o = drbdadm("9.2.0", "frobnicate r0");
    assert_eq!(o.code, 1);
    assert_eq!(o.stderr, "drbdadm: Unknown command 'frobnicate'\n");
    // A command of the other personality is unknown too.
    assert_eq!(drbdadm("8.4.11", "new-peer r0").code, 1);
    // 8.4's resize has no --size, and says so before looking for a configuration.
    let o = drbdadm("8.4.11", "resize --size=1G all");
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("unrecognized option '--size'"),
        "{}",
        o.stderr
    );
    // Options of one personality only.
    let o = drbdadm("9.2.0", "-P bravo up r0");
    assert_eq!(
        (o.code, o.stderr.lines().next()),
        (1, Some("drbdadm: invalid option -- 'P'"))
    );
    let o = drbdadm("8.4.11", "--config-to-exclude=x.res up r0");
    assert_eq!(o.code, 1, "{}", o.stderr);
}

#[test]
fn version_lines_per_personality() {
    let o = drbdadm("9.2.0", "--version");
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains(
        "\nDRBDADM_API_VERSION=2\nDRBD_KERNEL_VERSION_CODE=0x090200\nDRBD_KERNEL_VERSION=9.2.0\n"
    ));
    // 8.4 reads only /proc/drbd, and has no DRBD_KERNEL_VERSION line.
    let o = drbdadm("8.4.11", "-V");
    assert!(o
        .stdout
        .contains("\nDRBDADM_API_VERSION=1\nDRBD_KERNEL_VERSION_CODE=0x"));
    assert!(!o.stdout.contains("DRBD_KERNEL_VERSION="), "{}", o.stdout);
    assert!(o.stdout.ends_with("DRBDADM_VERSION=9.34.0\n"));
}
