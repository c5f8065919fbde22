//! The checked-in completions parse in their shells (`bash -n`, `zsh -n`,
//! `fish --no-execute`), and drbdadm's complete resources, `RES/VOL` and state-filtered
//! resources in each shell: bash through `_drbdadm_with_resources` with `COMP_WORDS`, zsh
//! through a real completion in a pseudo-terminal (zpty), fish through `complete -C`.
//!
//! drbdadm and drbdsetup are fakes on PATH: `sh-resources` prints r0, r1 and r2 (`from-c`
//! with `-c`, `st` with `-S`), `dump-xml` prints upstream's layout with volumes 0 and 1 of
//! r0, 5 of r1, 0 of r2 and 3 of from-c, and `drbdsetup events2 --now` prints `$EVENTS`
//! (fails without it, like a machine without the kernel module).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn completions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("completions")
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("drbd-man-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Fails the test (never skips it) when a shell is missing.
fn require(shell: &str) {
    let ok = Command::new(shell)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "{shell} is not installed: run tests/setup.sh");
}

fn files_of(shell_dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(completions_dir().join(shell_dir))
        .expect("read completions dir")
        .map(|e| e.expect("dir entry").path())
        .collect();
    v.sort();
    assert_eq!(v.len(), 3, "{shell_dir}: one file per tool: {v:?}");
    v
}

fn syntax_check(shell: &str, args: &[&str], dir: &str) {
    require(shell);
    for file in files_of(dir) {
        let out = Command::new(shell)
            .args(args)
            .arg(&file)
            .output()
            .expect("run shell");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.trim().is_empty(),
            "{shell} {} {}: {}\n{stderr}",
            args.join(" "),
            file.display(),
            out.status
        );
    }
}

#[test]
fn bash_files_parse() {
    syntax_check("bash", &["-n"], "bash");
}

#[test]
fn zsh_files_parse() {
    syntax_check("zsh", &["-n"], "zsh");
}

#[test]
fn fish_files_parse() {
    syntax_check("fish", &["--no-execute"], "fish");
}

const FAKE_DRBDADM: &str = r#"#!/bin/sh
cfg= stacked=
while [ $# -gt 0 ]; do
    case $1 in
        -c) cfg=$2; shift 2 ;;
        -S) stacked=1; shift ;;
        -*) shift ;;
        *) break ;;
    esac
done
cmd=$1
shift
case $cmd in
sh-resources)
    if [ -n "$stacked" ]; then echo st
    elif [ -n "$cfg" ]; then echo from-c
    else printf 'r0\nr1\nr2\n'
    fi ;;
dump-xml)
    echo "<config file=\"${cfg:-/etc/drbd.conf}\">"
    for r; do
        case $r in r0) vols="0 1" ;; r1) vols=5 ;; from-c) vols=3 ;; *) vols=0 ;; esac
        echo "    <resource name=\"$r\" conf-file-line=\"/etc/drbd.d/$r.res:1\">"
        for h in alpha beta; do
            echo "        <host name=\"$h\">"
            for v in $vols; do
                echo "            <volume vnr=\"$v\">"
                echo "                <device minor=\"$v\">/dev/drbd$v</device>"
                echo "                <disk>/dev/vg/$r-$v</disk>"
                echo "                <meta-disk>internal</meta-disk>"
                echo "            </volume>"
            done
            echo "            <address family=\"ipv4\" port=\"7000\">10.0.0.1</address>"
            echo "        </host>"
        done
        echo "    </resource>"
    done
    echo "</config>" ;;
*) exit 1 ;;
esac
"#;

const FAKE_DRBDSETUP: &str = r#"#!/bin/sh
[ "$1" = events2 ] && [ -n "$EVENTS" ] && exec cat "$EVENTS"
echo "Could not connect to 'drbd' generic netlink family" >&2
exit 20
"#;

/// DRBD 9: r0 Secondary and connected, volume 0 UpToDate and SyncSource, volume 1
/// Diskless, Established with the resync paused by the user; r1 Primary and StandAlone;
/// r2 not in the kernel.
const EVENTS_9: &str = "\
exists resource name:r0 role:Secondary suspended:no force-io-failures:no may_promote:no promotion_score:10103
exists connection name:r0 peer-node-id:1 conn-name:beta connection:Connected role:Secondary
exists device name:r0 volume:0 minor:0 backing_dev:/dev/vg/r0-0 disk:UpToDate client:no quorum:yes
exists device name:r0 volume:1 minor:1 backing_dev:none disk:Diskless client:no quorum:yes
exists peer-device name:r0 peer-node-id:1 conn-name:beta volume:0 replication:SyncSource peer-disk:Inconsistent resync-suspended:no
exists peer-device name:r0 peer-node-id:1 conn-name:beta volume:1 replication:Established peer-disk:UpToDate resync-suspended:user
exists resource name:r1 role:Primary suspended:no force-io-failures:no may_promote:no promotion_score:10102
exists connection name:r1 peer-node-id:1 conn-name:beta connection:StandAlone role:Unknown
exists device name:r1 volume:5 minor:5 backing_dev:/dev/vg/r1-5 disk:UpToDate client:no quorum:yes
exists peer-device name:r1 peer-node-id:1 conn-name:beta volume:5 replication:Off peer-disk:DUnknown resync-suspended:no
exists -
";

/// DRBD 8.4 as drbdsetup's events2 reports it (r0 waiting for its peer: Connecting), and
/// r1 with the name 8.4's cstate prints (WFConnection); r0 Primary, r1 Secondary.
const EVENTS_84: &str = "\
exists resource name:r0 role:Primary suspended:no
exists connection name:r0 peer-node-id:0 conn-name:peer connection:Connecting role:Unknown
exists device name:r0 volume:0 minor:0 disk:UpToDate
exists device name:r0 volume:1 minor:1 disk:UpToDate
exists peer-device name:r0 peer-node-id:0 conn-name:peer volume:0 minor:0 replication:Off peer-disk:DUnknown resync-suspended:no
exists peer-device name:r0 peer-node-id:0 conn-name:peer volume:1 minor:1 replication:Off peer-disk:DUnknown resync-suspended:no
exists resource name:r1 role:Secondary suspended:no
exists connection name:r1 peer-node-id:0 conn-name:peer connection:WFConnection role:Unknown
exists device name:r1 volume:5 minor:5 disk:Outdated
exists peer-device name:r1 peer-node-id:0 conn-name:peer volume:5 minor:5 replication:Off peer-disk:DUnknown resync-suspended:no
exists -
";

struct Fakes {
    dir: PathBuf,
}

impl Fakes {
    fn new(tag: &str) -> Fakes {
        let dir = temp_dir(tag);
        for (name, text) in [
            ("drbdadm", FAKE_DRBDADM),
            ("drbdsetup", FAKE_DRBDSETUP),
            ("events9", EVENTS_9),
            ("events84", EVENTS_84),
        ] {
            std::fs::write(dir.join(name), text).expect("write fake");
        }
        let status = Command::new("chmod")
            .arg("755")
            .arg(dir.join("drbdadm"))
            .arg(dir.join("drbdsetup"))
            .status()
            .expect("chmod");
        assert!(status.success());
        Fakes { dir }
    }

    /// The environment of one case: the fakes first on PATH, the kernel version drbdadm's
    /// personality follows, and the events2 output (none: the state cannot be read).
    fn command(&self, shell: &str, version: &str, events: Option<&str>) -> Command {
        let mut c = Command::new(shell);
        c.env(
            "PATH",
            format!(
                "{}:{}",
                self.dir.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("DRBD_DRIVER_VERSION_OVERRIDE", version)
        .env_remove("EVENTS")
        .current_dir(&self.dir);
        if let Some(e) = events {
            c.env("EVENTS", self.dir.join(e));
        }
        c
    }
}

impl Drop for Fakes {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One completion: the line up to the cursor, the kernel version, the events2 output file
/// (`None`: drbdsetup fails) and the words expected.
struct Case {
    line: &'static str,
    version: &'static str,
    events: Option<&'static str>,
    expect: &'static [&'static str],
}

const fn case(
    line: &'static str,
    version: &'static str,
    events: Option<&'static str>,
    expect: &'static [&'static str],
) -> Case {
    Case {
        line,
        version,
        events,
        expect,
    }
}

const NINE: &str = "9.0.0";
const EIGHT: &str = "8.4.0";
const E9: Option<&str> = Some("events9");
const E84: Option<&str> = Some("events84");

const CASES: &[Case] = &[
    // no state: every resource, with RES/VOL where the command takes volumes
    case("drbdadm up ", NINE, None, &["all", "r0", "r1", "r2"]),
    case(
        "drbdadm attach ",
        NINE,
        None,
        &["all", "r0", "r0/0", "r0/1", "r1", "r1/5", "r2", "r2/0"],
    ),
    case("drbdadm connect ", NINE, None, &["all", "r0", "r1", "r2"]),
    case("drbdadm attach r0/", NINE, None, &["r0/0", "r0/1"]),
    case("drbdadm -d up r", NINE, None, &["r0", "r1", "r2"]),
    // the configuration and stacked mode of the command line
    case(
        "drbdadm -c /tmp/other.conf up ",
        NINE,
        None,
        &["all", "from-c"],
    ),
    case(
        "drbdadm -c/tmp/other.conf up ",
        NINE,
        None,
        &["all", "from-c"],
    ),
    case(
        "drbdadm --config-file=/tmp/other.conf verify ",
        NINE,
        None,
        &["all", "from-c", "from-c/3"],
    ),
    case("drbdadm -S down ", NINE, None, &["all", "st"]),
    // an option's value is not a resource
    case(
        "drbdadm attach --on-io-error ",
        NINE,
        None,
        &["pass_on", "call-local-io-error", "detach"],
    ),
    // DRBD 9 states
    case("drbdadm up ", NINE, E9, &["all", "r0", "r1", "r2"]),
    case("drbdadm primary ", NINE, E9, &["all", "r0"]),
    case("drbdadm secondary ", NINE, E9, &["all", "r1"]),
    case("drbdadm connect ", NINE, E9, &["all", "r1", "r2"]),
    case("drbdadm disconnect ", NINE, E9, &["all", "r0"]),
    case(
        "drbdadm attach ",
        NINE,
        E9,
        &["all", "r0", "r0/1", "r2", "r2/0"],
    ),
    case(
        "drbdadm detach ",
        NINE,
        E9,
        &["all", "r0", "r0/0", "r1", "r1/5"],
    ),
    case("drbdadm verify ", NINE, E9, &["all", "r0", "r0/1"]),
    case("drbdadm pause-sync ", NINE, E9, &["all", "r0", "r0/0"]),
    case("drbdadm resume-sync ", NINE, E9, &["all", "r0", "r0/1"]),
    // DRBD 8.4 states and personality (primary and secondary take volumes there)
    case(
        "drbdadm secondary ",
        EIGHT,
        E84,
        &["all", "r0", "r0/0", "r0/1"],
    ),
    case("drbdadm primary ", EIGHT, E84, &["all", "r1", "r1/5"]),
    case("drbdadm disconnect ", EIGHT, E84, &["all", "r0", "r1"]),
    case("drbdadm connect ", EIGHT, E84, &["all", "r2"]),
    case(
        "drbdadm outdate ",
        EIGHT,
        E84,
        &["all", "r0", "r0/0", "r0/1"],
    ),
    case("drbdadm verify ", EIGHT, E84, &[]),
];

fn words_of(stdout: &[u8]) -> BTreeSet<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect()
}

fn check(shell: &str, c: &Case, out: &Output, got: BTreeSet<String>) {
    let want: BTreeSet<String> = c.expect.iter().map(|s| s.to_string()).collect();
    assert!(
        out.status.success() && got == want,
        "{shell}: `{}` (kernel {}, events {:?}) offered {got:?}, expected {want:?}; {}; stderr:\n{}",
        c.line,
        c.version,
        c.events,
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// bash's words of `line` (COMP_WORDBREAKS splits `--name=value` at the `=`), the last
/// one the word being completed.
fn bash_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    for w in line.split(' ') {
        match w.split_once('=') {
            Some((a, b)) => words.extend([a.to_string(), "=".to_string(), b.to_string()]),
            None => words.push(w.to_string()),
        }
    }
    words
}

#[test]
fn bash_completes_resources_volumes_and_states() {
    require("bash");
    let fakes = Fakes::new("bashcomp");
    let script = completions_dir().join("bash/drbdadm");
    for c in CASES {
        let words = bash_words(c.line);
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let cword = words.len() - 1;
        let probe = format!(
            "source '{}' || exit 1; COMP_WORDS=({}); COMP_CWORD={cword}; COMP_LINE='{}'; \
             COMP_POINT=${{#COMP_LINE}}; _drbdadm_with_resources drbdadm '{}' '{}'; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            quoted.join(" "),
            c.line,
            words[cword],
            words[cword - 1],
        );
        let out = fakes
            .command("bash", c.version, c.events)
            .arg("-c")
            .arg(&probe)
            .output()
            .expect("run bash");
        check("bash", c, &out, words_of(&out.stdout));
    }
}

#[test]
fn fish_completes_resources_volumes_and_states() {
    require("fish");
    let fakes = Fakes::new("fishcomp");
    let script = completions_dir().join("fish/drbdadm.fish");
    for c in CASES {
        let probe = format!(
            "source '{}'; or exit 1; complete -C '{}'",
            script.display(),
            c.line
        );
        let out = fakes
            .command("fish", c.version, c.events)
            .args(["--no-config", "-c", &probe])
            .output()
            .expect("run fish");
        check("fish", c, &out, words_of(&out.stdout));
    }
}

/// Runs one real completion in an interactive zsh in a pseudo-terminal: loads the
/// completions of `$1` with compinit, records every match added (a compadd wrapper) in
/// `$2`, types `$3` and a TAB, and waits for the completion to finish.
const ZSH_CAPTURE: &str = r#"zmodload zsh/zpty || exit 2
dir=$1 out=$2 line=$3
: >$out
zpty z zsh -f -i
zpty -w z "fpath=(${(q)dir} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "compadd() { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"\$@\"; return; fi; local -a hits; builtin compadd -A hits \"\$@\"; (( \$#hits )) && print -rl -- \$hits >>${(q)out}; builtin compadd \"\$@\"; }"
zpty -w z "_capture_done() { print -r -- '<done>' >>${(q)out}; }; comppostfuncs=(_capture_done)"
zpty -w z "bindkey '^I' complete-word"
zpty -w -n z "$line"$'\t'
for i in {1..200}; do
    grep -qx '<done>' $out && break
    sleep 0.05
done
zpty -d z
grep -qx '<done>' $out || { print -u2 "the completion did not finish"; exit 1; }
"#;

#[test]
fn zsh_completes_resources_volumes_and_states() {
    require("zsh");
    let fakes = Fakes::new("zshcomp");
    let capture = fakes.dir.join("capture.zsh");
    std::fs::write(&capture, ZSH_CAPTURE).expect("write capture script");
    let out_file = fakes.dir.join("matches");
    for c in CASES {
        let out = fakes
            .command("zsh", c.version, c.events)
            .arg("-f")
            .arg(&capture)
            .arg(completions_dir().join("zsh"))
            .arg(&out_file)
            .arg(c.line)
            .output()
            .expect("run zsh");
        let matches = std::fs::read(&out_file).unwrap_or_default();
        let mut got = words_of(&matches);
        got.remove("<done>");
        check("zsh", c, &out, got);
    }
}

#[test]
fn state_filters_name_drbdadm_commands() {
    let names: Vec<&str> = drbd_man::model::drbdadm_commands()
        .iter()
        .map(|(d, _)| d.name)
        .collect();
    for f in drbd_man::completions::STATE_FILTERS {
        for c in f.commands {
            assert!(names.contains(c), "state filter for unknown command {c}");
        }
    }
    let program = drbd_man::completions::candidates_program();
    for placeholder in [
        "@VOLUME_COMMANDS_9@",
        "@VOLUME_COMMANDS_84@",
        "@FILTERED_COMMANDS@",
        "@FILTERS@",
    ] {
        assert!(
            !program.contains(placeholder),
            "{placeholder} left in:\n{program}"
        );
    }
}
