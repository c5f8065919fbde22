//! Shell completions from the clap models (clap_complete), plus resource names from the
//! configuration for drbdadm: each shell asks `drbdadm sh-resources`, which prints the
//! resources defined for this host (honouring a `-c FILE` on the command line in bash).

use clap::Command;
use clap_complete::{generate, Shell};

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

const BASH_RESOURCES: &str = r#"
# Resource names from the configuration (drbd-rs): after a drbdadm command, offer `all` and
# the resources `drbdadm sh-resources` prints (with the -c/--config-file given, if any),
# besides what the generated function above offers.
_drbdadm_resources() {
    local i cfg=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            -c|--config-file) cfg=(-c "${COMP_WORDS[i+1]}") ;;
            --config-file=*) cfg=(-c "${COMP_WORDS[i]#--config-file=}") ;;
        esac
    done
    drbdadm "${cfg[@]}" sh-resources 2>/dev/null | tr ' ' '\n'
}

_drbdadm_with_resources() {
    _drbdadm "$@"
    local cur="${COMP_WORDS[COMP_CWORD]}" i word have_cmd=
    case "$cur" in -*) return 0 ;; esac
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            -c|-t|-E|-s|-m|-p|-n|-W|-P) ((i++)) ;;
            -*) ;;
            *) have_cmd=1; break ;;
        esac
    done
    [ -n "$have_cmd" ] || return 0
    local res
    res="$(_drbdadm_resources)"
    COMPREPLY+=($(compgen -W "all ${res}" -- "$cur"))
    return 0
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _drbdadm_with_resources -o nosort -o bashdefault -o default drbdadm
else
    complete -F _drbdadm_with_resources -o bashdefault -o default drbdadm
fi
"#;

const FISH_RESOURCES: &str = r#"
# Resource names from the configuration (drbd-rs), after a command.
complete -c drbdadm -n "not __fish_use_subcommand" -f -a "all (drbdadm sh-resources 2>/dev/null | string split ' ')" -d resource
"#;

const ZSH_RESOURCES_FN: &str = r#"
# Resource names from the configuration (drbd-rs).
(( $+functions[_drbdadm_resources] )) ||
_drbdadm_resources() {
    local -a res
    res=(all ${(f)"$(drbdadm sh-resources 2>/dev/null | tr ' ' '\n')"})
    compadd -a res
}
"#;

/// The completion script of `tool` for `shell`.
pub fn script(shell: Shell, mut cmd: Command) -> String {
    let name = cmd.get_name().to_string();
    let mut buf: Vec<u8> = Vec::new();
    generate(shell, &mut cmd, name.clone(), &mut buf);
    let mut s = String::from_utf8(buf).expect("clap_complete writes UTF-8");
    if name == "drbdadm" {
        match shell {
            Shell::Bash => s.push_str(BASH_RESOURCES),
            Shell::Fish => s.push_str(FISH_RESOURCES),
            Shell::Zsh => {
                // The resource arguments complete with the function below instead of files.
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
                // Defined before the autoload trailer calls `_drbdadm`.
                let trailer = "if [ \"$funcstack[1]\" = \"_drbdadm\" ]; then";
                match s.find(trailer) {
                    Some(at) => s.insert_str(at, &format!("{}\n", ZSH_RESOURCES_FN.trim_start())),
                    None => s.push_str(ZSH_RESOURCES_FN),
                }
            }
            _ => {}
        }
    }
    s
}
