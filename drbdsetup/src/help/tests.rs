//! Spot checks of the generated help against texts upstream's drbdsetup 9.34 prints
//! (`tests/help.rs` compares every command with the reference binaries when they exist).

use super::*;

fn v9(name: &str) -> &'static CommandDef {
    commands::find(Dialect::V9, name).expect("a DRBD 9 command")
}

fn v84(name: &str) -> &'static CommandDef {
    commands::find(Dialect::V84, name).expect("an 8.4 command")
}

#[test]
fn a_choice_of_arguments_is_a_group() {
    assert_eq!(
        command_help(v9("down"), Dialect::V9, "drbdsetup", 0, Form::Full),
        "drbdsetup down - Take a resource down.\n\nUSAGE: drbdsetup down { {resource} | all }\n"
    );
    assert_eq!(
        command_help(v9("down"), Dialect::V9, "drbdsetup", 0, Form::Xml),
        "<command name=\"down\">\n\t<summary>Take a resource down.</summary>\n\t<group>\n\
         \t\t<argument>resource</argument>\n\t\t<argument>all</argument>\n\t</group>\n\
         </command>\n"
    );
}

#[test]
fn an_empty_option_set_still_breaks_the_line() {
    assert!(
        command_help(v9("new-path"), Dialect::V9, "drbdsetup", 0, Form::Full)
            .ends_with("{local-addr} {remote-addr}\n\n")
    );
}

#[test]
fn numbers_carry_range_default_scale_and_unit() {
    let xml = command_help(v9("disk-options"), Dialect::V9, "drbdsetup", 0, Form::Xml);
    assert!(xml.contains(
        "\t<option name=\"disk-timeout\" type=\"numeric\">\n\t\t<min>0</min>\n\
         \t\t<max>6000</max>\n\t\t<default>0</default>\n\t\t<unit_prefix>1</unit_prefix>\n\
         \t\t<unit>1/10 seconds</unit>\n\t</option>\n"
    ));
    assert!(xml.starts_with(
        "<command name=\"disk-options\">\n\t<summary>Change the disk options of an attached \
         lower-level device.</summary>\n\t<argument>minor</argument>\n\
         \t<option name=\"set-defaults\" type=\"flag\">\n\t</option>\n"
    ));
}

#[test]
fn extensions_of_ours_are_not_listed() {
    let full = command_help(v9("events2"), Dialect::V9, "drbdsetup", 0, Form::Full);
    assert!(!full.contains("--json"), "{full}");
    assert!(full.contains("[--diff=...] [--rcvbuf=...]"), "{full}");
}

#[test]
fn the_84_usage_puts_four_commands_on_a_line() {
    let text = usage(Dialect::V84, "drbdsetup-84", 0, None);
    assert!(text.contains(
        "Commands are:\n    primary             secondary           attach              \
         disk-options        \n    detach  "
    ));
    assert_eq!(
        command_help(
            v84("disconnect"),
            Dialect::V84,
            "drbdsetup-84",
            0,
            Form::Full
        ),
        "USAGE:\n drbdsetup-84 disconnect [{af}:]{local_addr}[:{port}]\n    \
         [{af}:]{remote_addr}[:{port}] [--force={yes|no}]\n"
    );
}

#[test]
fn the_9_usage_wraps_summaries_word_by_word() {
    let text = usage(Dialect::V9, "drbdsetup", 0, Some("unknown command"));
    assert!(text.contains(
        "    new-path - Add a path (endpoint address pair) where a peer host should be\n        \
         reachable.\n"
    ));
    assert!(text.ends_with("command-specific help.\n\n\nunknown command\n"));
}
