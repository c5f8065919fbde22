//! Shell completions from the clap models (clap_complete), plus, for drbdadm, the resources
//! of the configuration after a command that takes them.
//!
//! The resource candidates come from one POSIX sh program shared by the three shells
//! ([`candidates_program`]); each shell only finds the command and the `-c`/`-S`/`-s`
//! options on its command line and passes them on. The program asks
//! - `drbdadm sh-resources` for the resources of this host (`-S`: the stacked ones);
//! - for the commands that take volumes, `drbdadm dump-xml RES...` for each resource's
//!   volume numbers, offered as `RES/VOL` (dump-xml of named resources works even where
//!   `dump all` stops at an address that is not local);
//! - for the commands upstream's completion filters by state, `drbdsetup events2 --now`
//!   once (not one drbdadm call per resource), keeping the resources and volumes in a state
//!   the command makes sense for ([`STATE_FILTERS`]). Without a readable state (no kernel
//!   module, not root) every resource is offered.

use clap::Command;
use clap_complete::{generate, Shell};
use drbdadm::table::CmdDef;

/// The shells completions are generated for, with the file name of each tool's script.
pub const SHELLS: &[(Shell, &str)] = &[
    (Shell::Bash, "bash"),
    (Shell::Zsh, "zsh"),
    (Shell::Fish, "fish"),
];

/// The file a shell's completion for `tool` is installed as.
pub fn file_name(shell: Shell, tool: &str) -> String {
    match shell {
        Shell::Zsh => format!("_{tool}"),
        Shell::Fish => format!("{tool}.fish"),
        _ => tool.to_string(),
    }
}

/// The states (events2 names) of a connection that is up or trying to be: DRBD 9's
/// `enum drbd_conn_state` above StandAlone/Disconnecting, and the names 8.4's `cstate`
/// prints for the same (WFConnection, WFReportParams, and the sync states, which 8.4
/// reports as connection states).
const CONNECTION_UP: &[&str] = &[
    "Unconnected",
    "Timeout",
    "BrokenPipe",
    "NetworkFailure",
    "ProtocolError",
    "Connecting",
    "Connected",
    "WFConnection",
    "WFReportParams",
    "StartingSyncS",
    "StartingSyncT",
    "WFBitMapS",
    "WFBitMapT",
    "WFSyncUUID",
    "SyncSource",
    "SyncTarget",
    "VerifyS",
    "VerifyT",
    "PausedSyncS",
    "PausedSyncT",
    "Ahead",
    "Behind",
];

/// Which resources a command offers, by state.
#[derive(Clone, Copy, Debug)]
pub struct StateFilter {
    /// The drbdadm commands.
    pub commands: &'static [&'static str],
    /// The events2 field looked at: `role` (resource), `connection` (any connection of the
    /// resource), `disk` (device) or `replication` (any peer device of the volume).
    pub field: &'static str,
    /// The states that qualify. `Unconfigured`: the resource (for `disk` and `replication`:
    /// the volume) is not in the kernel. `user-suspended`: a peer device whose resync the
    /// user paused (`resync-suspended:user`).
    pub states: &'static [&'static str],
}

/// Upstream's filters (scripts/drbdadm.bash_completion), with the states DRBD 9 reports
/// (upstream's script still expects DRBD 8's `cstate` names, which 9 never prints). A
/// resource qualifies when its role or one of its connections does, or for `disk` and
/// `replication` when one of its volumes does; `RES/VOL` when that volume does.
pub const STATE_FILTERS: &[StateFilter] = &[
    StateFilter {
        commands: &["primary"],
        field: "role",
        states: &["Secondary"],
    },
    StateFilter {
        commands: &["secondary"],
        field: "role",
        states: &["Primary"],
    },
    StateFilter {
        commands: &["attach", "apply-al", "repair-md"],
        field: "disk",
        states: &["Diskless", "Unconfigured"],
    },
    StateFilter {
        commands: &["detach", "disk-options"],
        field: "disk",
        states: &["Inconsistent", "Outdated", "Consistent", "UpToDate"],
    },
    StateFilter {
        commands: &["outdate"],
        field: "disk",
        states: &["Consistent", "UpToDate"],
    },
    StateFilter {
        commands: &["connect"],
        field: "connection",
        states: &["StandAlone", "Unconfigured"],
    },
    StateFilter {
        commands: &["disconnect", "net-options"],
        field: "connection",
        states: CONNECTION_UP,
    },
    StateFilter {
        commands: &["verify", "invalidate-remote"],
        field: "replication",
        states: &["Established", "Connected"],
    },
    StateFilter {
        commands: &["pause-sync"],
        field: "replication",
        states: &["SyncSource", "SyncTarget"],
    },
    StateFilter {
        commands: &["resume-sync"],
        field: "replication",
        states: &["PausedSyncS", "PausedSyncT", "user-suspended"],
    },
];

/// The candidate program (POSIX sh, sed and awk): `sh -c PROGRAM sh DRBDADM CMD DRBDSETUP
/// STACKED [-c FILE]` prints `all` and the candidates, one per line, or nothing.
/// `@VOLUME_COMMANDS_9@`, `@VOLUME_COMMANDS_84@`, `@FILTERED_COMMANDS@` and `@FILTERS@` are
/// filled in from the command tables and [`STATE_FILTERS`].
const CANDIDATES: &str = r#"set -f
adm=$1 cmd=$2 setup=$3 stacked=$4
shift 4
names=$("$adm" $stacked "$@" sh-resources 2>/dev/null)
[ -n "$names" ] || exit 0
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout 5"
# drbdadm's personality: 8.4 for drbdadm-84 or a loaded 8.4 module, else DRBD 9
version=${DRBD_DRIVER_VERSION_OVERRIDE:-0.0.0}
case $version in 0.0.0|0.0|0) version=$(sed -n 's/^version: *//p' /proc/drbd 2>/dev/null) ;; esac
[ -n "$version" ] || version=$(cat /sys/module/drbd/version 2>/dev/null)
case $adm in *-84) version=8.4 ;; esac
case $version in
    8.*) volume_commands=" @VOLUME_COMMANDS_84@ " ;;
    *) volume_commands=" @VOLUME_COMMANDS_9@ " ;;
esac
{
    for n in $names; do printf 'R %s\n' "$n"; done
    case $volume_commands in *" $cmd "*)
        "$adm" "$@" dump-xml $names 2>/dev/null | sed -n \
            -e 's/^ *<resource name="\([^"]*\)".*/N \1/p' \
            -e 's/^ *<volume vnr="\([0-9]*\)".*/V \1/p' ;;
    esac
    case " @FILTERED_COMMANDS@ " in *" $cmd "*)
        $limit "$setup" events2 --now 2>/dev/null | sed 's/^/E /' ;;
    esac
} | awk -v cmd="$cmd" '
function qualifies(list,   n, a, i) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) if (index(want, " " a[i] " ")) return 1
    return 0
}
function states(r, v,   s, n, a, i) {
    if (!(r in kernel)) return "Unconfigured"
    if (field == "role") return role[r]
    if (field == "connection") return (conn[r] == "") ? "StandAlone" : conn[r]
    if (v != "") return ((r, v) in vstate) ? vstate[r, v] : "Unconfigured"
    s = ""
    n = split(vols[r] " " kvols[r], a, " ")
    for (i = 1; i <= n; i++) s = s " " (((r, a[i]) in vstate) ? vstate[r, a[i]] : "Unconfigured")
    return (s == "") ? "Unconfigured" : s
}
BEGIN {
@FILTERS@
}
$1 == "R" { res[++nres] = $2; next }
$1 == "N" { cur = $2; next }
$1 == "V" {
    if (!((cur, $2) in seen)) { seen[cur, $2] = 1; vols[cur] = vols[cur] " " $2 }
    next
}
$1 == "E" && $2 == "exists" {
    if ($3 == "-") { known = 1; next }
    split("", kv)
    for (i = 4; i <= NF; i++) {
        p = index($i, ":")
        if (p) kv[substr($i, 1, p - 1)] = substr($i, p + 1)
    }
    r = kv["name"]; v = kv["volume"]
    if ($3 == "resource") { kernel[r] = 1; role[r] = kv["role"] }
    else if ($3 == "connection") conn[r] = conn[r] " " kv["connection"]
    else if (($3 == "device" && field == "disk") || ($3 == "peer-device" && field == "replication")) {
        s = ($3 == "device") ? kv["disk"] : kv["replication"]
        if (kv["resync-suspended"] ~ /user/) s = s " user-suspended"
        if (!((r, v) in vstate)) kvols[r] = kvols[r] " " v
        vstate[r, v] = vstate[r, v] " " s
    }
}
END {
    if (!known) field = ""
    for (i = 1; i <= nres; i++) {
        r = res[i]
        if (field == "" || qualifies(states(r, ""))) out[++nout] = r
        n = split(vols[r], a, " ")
        for (j = 1; j <= n; j++)
            if (field == "" || qualifies(states(r, a[j]))) out[++nout] = r "/" a[j]
    }
    if (nout) print "all"
    for (i = 1; i <= nout; i++) print out[i]
}'
"#;

/// What the drbdadm completion needs from the command table and the clap model.
struct DrbdadmLists {
    /// Commands that take resource names.
    resource_commands: Vec<&'static str>,
    /// Of those, the ones that take `RES/VOL` in the DRBD 9 personality.
    volume_commands_v9: Vec<&'static str>,
    /// Of those, the ones that take `RES/VOL` in the DRBD 8.4 personality.
    volume_commands_v84: Vec<&'static str>,
    /// drbdadm's own options that take a separate value (`-c FILE`), short and long.
    global_value_options: Vec<String>,
    /// The commands' long options that take a separate value (`--on-io-error detach`).
    command_value_options: Vec<String>,
}

fn drbdadm_lists(cmd: &Command) -> DrbdadmLists {
    let resource_commands: Vec<&'static str> = crate::model::drbdadm_commands()
        .into_iter()
        .filter(|(def, _)| def.flags.res_name_required)
        .map(|(def, _)| def.name)
        .collect();
    let takes_volumes = |table: &[CmdDef]| -> Vec<&'static str> {
        table
            .iter()
            .filter(|d| resource_commands.contains(&d.name) && d.flags.res_name_required)
            .filter(|d| {
                d.flags.iterate_volumes || d.flags.vol_id_optional || d.flags.vol_id_required
            })
            .map(|d| d.name)
            .collect()
    };
    let volume_commands_v9 = takes_volumes(drbdadm::table::V9);
    let volume_commands_v84 = takes_volumes(drbdadm::table::V84);
    let separate_value = |a: &clap::Arg| {
        !a.is_positional() && a.get_action().takes_values() && !a.is_require_equals_set()
    };
    let mut global_value_options = Vec::new();
    // -c and -s are read, not skipped
    let read = |a: &&clap::Arg| !matches!(a.get_long(), Some("config-file" | "drbdsetup"));
    for a in cmd
        .get_arguments()
        .filter(|a| separate_value(a))
        .filter(read)
    {
        global_value_options.extend(a.get_short().map(|c| format!("-{c}")));
        global_value_options.extend(a.get_long().map(|l| format!("--{l}")));
    }
    let mut command_value_options: Vec<String> = Vec::new();
    for sub in cmd.get_subcommands() {
        for a in sub.get_arguments().filter(|a| separate_value(a)) {
            if let Some(l) = a.get_long().map(|l| format!("--{l}")) {
                if !command_value_options.contains(&l) {
                    command_value_options.push(l);
                }
            }
        }
    }
    command_value_options.sort();
    DrbdadmLists {
        resource_commands,
        volume_commands_v9,
        volume_commands_v84,
        global_value_options,
        command_value_options,
    }
}

/// The candidate program with the command lists and filters filled in.
pub fn candidates_program() -> String {
    let lists = drbdadm_lists(&crate::model::drbdadm());
    let filtered: Vec<&str> = STATE_FILTERS
        .iter()
        .flat_map(|f| f.commands.iter().copied())
        .collect();
    let mut filters = String::new();
    for (i, f) in STATE_FILTERS.iter().enumerate() {
        let cond: Vec<String> = f
            .commands
            .iter()
            .map(|c| format!("cmd == \"{c}\""))
            .collect();
        filters.push_str(&format!(
            "    {}if ({}) {{ field = \"{}\"; want = \" {} \" }}\n",
            if i == 0 { "" } else { "else " },
            cond.join(" || "),
            f.field,
            f.states.join(" ")
        ));
    }
    CANDIDATES
        .replace("@VOLUME_COMMANDS_9@", &lists.volume_commands_v9.join(" "))
        .replace("@VOLUME_COMMANDS_84@", &lists.volume_commands_v84.join(" "))
        .replace("@FILTERED_COMMANDS@", &filtered.join(" "))
        .replace("@FILTERS@\n", &filters)
}

/// `s` as one single-quoted bash/zsh word.
fn quote_posix(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// `s` as one single-quoted fish word.
fn quote_fish(s: &str) -> String {
    format!("'{}'", s.replace('\\', r"\\").replace('\'', r"\'"))
}

fn bash_resources(lists: &DrbdadmLists, program: &str) -> String {
    format!(
        r#"
# Resources from the configuration (drbd-rs): after a command that takes resources, offer
# `all`, the resources and, where the command takes volumes, RES/VOL; filtered by state
# where upstream's completion does (see _drbdadm_candidates).
_drbdadm_candidates() {{
    sh -c {program} sh "$@"
}}

# Prints the candidates for the command on the line, with its -c/--config-file, -S/--stacked
# and -s/--drbdsetup; returns 1 before a command or after one without resources.
_drbdadm_resources() {{
    local i word cmd= setup=drbdsetup stacked= adm="${{COMP_WORDS[0]}}" cfg=()
    case "$adm" in ''|'~'*) adm=drbdadm ;; esac
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${{COMP_WORDS[i]}}"
        # with = in COMP_WORDBREAKS, bash splits --name=value into three words
        if [[ "${{COMP_WORDS[i+1]}}" == = ]]; then
            case "$word" in
                --config-file) cfg=(-c "${{COMP_WORDS[i+2]}}") ;;
                --drbdsetup) setup="${{COMP_WORDS[i+2]}}" ;;
            esac
            ((i += 2))
            continue
        fi
        case "$word" in
            -c|--config-file) cfg=(-c "${{COMP_WORDS[i+1]}}"); ((i++)) ;;
            --config-file=*) cfg=(-c "${{word#*=}}") ;;
            -c?*) cfg=(-c "${{word#-c}}") ;;
            -s|--drbdsetup) setup="${{COMP_WORDS[i+1]}}"; ((i++)) ;;
            --drbdsetup=*) setup="${{word#*=}}" ;;
            -s?*) setup="${{word#-s}}" ;;
            -S|--stacked) stacked=-S ;;
            {global}) ((i++)) ;;
            -*) ;;
            *) cmd="$word"; break ;;
        esac
    done
    case " {resource_commands} " in
        *" $cmd "*) ;;
        *) return 1 ;;
    esac
    _drbdadm_candidates "$adm" "$cmd" "$setup" "$stacked" "${{cfg[@]}}"
}}

_drbdadm_with_resources() {{
    _drbdadm "$@"
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" words
    case "$cur" in -*) return 0 ;; esac
    # the value of an option: keep what _drbdadm offered
    case "$prev" in ={command_value}) return 0 ;; esac
    words="$(_drbdadm_resources)" || return 0
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    return 0
}}

if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _drbdadm_with_resources -o nosort -o bashdefault -o default drbdadm
else
    complete -F _drbdadm_with_resources -o bashdefault -o default drbdadm
fi
"#,
        program = quote_posix(program),
        global = lists.global_value_options.join("|"),
        resource_commands = lists.resource_commands.join(" "),
        command_value = lists
            .command_value_options
            .iter()
            .map(|o| format!("|{o}"))
            .collect::<String>(),
    )
}

fn zsh_resources(lists: &DrbdadmLists, program: &str) -> String {
    format!(
        r#"
# Resources from the configuration (drbd-rs): `all`, the resources and, where the command
# takes volumes, RES/VOL; filtered by state where upstream's completion does. The words
# before the cursor come from _drbdadm (_drbdadm_words), with its -c/--config-file,
# -S/--stacked and -s/--drbdsetup.
(( $+functions[_drbdadm_candidates] )) ||
_drbdadm_candidates() {{
    sh -c {program} sh "$@"
}}

(( $+functions[_drbdadm_resources] )) ||
_drbdadm_resources() {{
    local i word cmd= setup=drbdsetup stacked= adm="${{_drbdadm_words[1]}}"
    local -a cfg res
    case "$adm" in ''|'~'*) adm=drbdadm ;; esac
    for ((i = 2; i <= ${{#_drbdadm_words}}; i++)); do
        word="${{_drbdadm_words[i]}}"
        case "$word" in
            -c|--config-file) cfg=(-c "${{_drbdadm_words[i+1]}}"); ((i++)) ;;
            --config-file=*) cfg=(-c "${{word#*=}}") ;;
            -c?*) cfg=(-c "${{word#-c}}") ;;
            -s|--drbdsetup) setup="${{_drbdadm_words[i+1]}}"; ((i++)) ;;
            --drbdsetup=*) setup="${{word#*=}}" ;;
            -s?*) setup="${{word#-s}}" ;;
            -S|--stacked) stacked=-S ;;
            {global}) ((i++)) ;;
            -*) ;;
            *) cmd="$word"; break ;;
        esac
    done
    [[ -n "$cmd" ]] || return 1
    res=(${{(f)"$(_drbdadm_candidates "$adm" "$cmd" "$setup" "$stacked" "${{cfg[@]}}")"}})
    compadd -a res
}}
"#,
        program = quote_posix(program),
        global = lists.global_value_options.join("|"),
    )
}

fn fish_resources(lists: &DrbdadmLists, program: &str) -> String {
    format!(
        r#"
# Resources from the configuration (drbd-rs): after a command that takes resources, `all`,
# the resources and, where the command takes volumes, RES/VOL; filtered by state where
# upstream's completion does. Honours -c/--config-file, -S/--stacked and -s/--drbdsetup.
function __fish_drbdadm_candidates
    sh -c {program} sh $argv
end

function __fish_drbdadm_resources
    set -l words (commandline -opc)
    set -l adm $words[1]
    set -e words[1]
    string match -q -- '~*' "$adm"; or test -z "$adm"; and set adm drbdadm
    set -l cmd
    set -l setup drbdsetup
    set -l stacked ''
    set -l cfg
    while set -q words[1]
        set -l word $words[1]
        set -e words[1]
        switch $word
            case -c --config-file
                set cfg -c $words[1]
                set -e words[1]
            case '--config-file=*'
                set cfg -c (string replace -- '--config-file=' '' $word)
            case '-c*'
                set cfg -c (string sub -s 3 -- $word)
            case -s --drbdsetup
                set setup $words[1]
                set -e words[1]
            case '--drbdsetup=*'
                set setup (string replace -- '--drbdsetup=' '' $word)
            case '-s*'
                set setup (string sub -s 3 -- $word)
            case -S --stacked
                set stacked -S
            case {global}
                set -e words[1]
            case '-*'
            case '*'
                set cmd $word
                break
        end
    end
    test -n "$cmd"; or return
    __fish_drbdadm_candidates $adm $cmd $setup "$stacked" $cfg
end

complete -c drbdadm -n "__fish_drbdadm_using_subcommand {resource_commands}" -f -a "(__fish_drbdadm_resources)" -d resource
"#,
        program = quote_fish(program),
        global = lists.global_value_options.join(" "),
        resource_commands = lists.resource_commands.join(" "),
    )
}

/// The completion script of `tool` for `shell`.
pub fn script(shell: Shell, mut cmd: Command) -> String {
    let name = cmd.get_name().to_string();
    let lists = (name == "drbdadm").then(|| drbdadm_lists(&cmd));
    let mut buf: Vec<u8> = Vec::new();
    generate(shell, &mut cmd, name.clone(), &mut buf);
    let mut s = String::from_utf8(buf).expect("clap_complete writes UTF-8");
    let Some(lists) = lists else {
        return s;
    };
    let program = candidates_program();
    match shell {
        Shell::Bash => s.push_str(&bash_resources(&lists, &program)),
        Shell::Fish => s.push_str(&fish_resources(&lists, &program)),
        Shell::Zsh => {
            // The resource arguments complete with _drbdadm_resources instead of files.
            s = s
                .lines()
                .map(
                    |l| match l.strip_suffix("' \\").and_then(|h| h.rsplit_once(':')) {
                        Some((head, _)) if l.contains("::resources -- ") => {
                            format!("{head}:_drbdadm_resources' \\")
                        }
                        _ => l.to_string(),
                    },
                )
                .collect::<Vec<_>>()
                .join("\n");
            s.push('\n');
            // _drbdadm_resources reads the words before the cursor from here: the
            // argument specs below narrow `words` to the command's own arguments.
            let head = "_drbdadm() {\n";
            if let Some(at) = s.find(head) {
                s.insert_str(
                    at + head.len(),
                    "    local -a _drbdadm_words\n    _drbdadm_words=(\"${(@)words[1,CURRENT-1]}\")\n",
                );
            }
            // Defined before the autoload trailer calls `_drbdadm`.
            let extra = zsh_resources(&lists, &program);
            let trailer = "if [ \"$funcstack[1]\" = \"_drbdadm\" ]; then";
            match s.find(trailer) {
                Some(at) => s.insert_str(at, &format!("{}\n", extra.trim_start())),
                None => s.push_str(&extra),
            }
        }
        _ => {}
    }
    s
}
