//! Every configuration from the seed how-tos (tests/fixtures/seeds, extracted from
//! ../shared/seeds) parses, or reports every error with its location. The rendered
//! diagnostics are snapshot-tested for both dialects.

use std::path::{Path, PathBuf};

use conf_parser::{parse_file, Dialect, ParseOptions};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seeds")
}

fn diagnostics(file: &str, dialect: Dialect) -> (String, bool) {
    let path = fixtures().join(file);
    let cfg = parse_file(&path, &ParseOptions::new(dialect)).expect("fixture is readable");
    let dir = format!(
        "{}/",
        fixtures().canonicalize().expect("fixtures dir").display()
    );
    (
        cfg.diagnostics.render(&cfg.sources).replace(&dir, ""),
        cfg.diagnostics.has_errors(),
    )
}

#[test]
fn the_seed_configs_that_are_intact_parse_for_both_dialects() {
    for f in [
        "000-amazon-template-filled.res",
        "001-drbd.conf",
        "002-heartbeat.conf",
        "003-drbd.conf",
    ] {
        for d in [Dialect::V84, Dialect::V9] {
            let (text, errors) = diagnostics(f, d);
            assert!(!errors, "{f} ({d:?}) must parse, got:\n{text}");
        }
    }
}

#[test]
fn seed_diagnostics() {
    let mut all = String::new();
    for f in [
        "000-amazon-template-as-published.res",
        "000-amazon-template-filled.res",
        "001-drbd.conf",
        "002-heartbeat.conf",
        "003-drbd.conf",
        "004-iscsi-nfs-mangled.conf",
    ] {
        for d in [Dialect::V84, Dialect::V9] {
            let (text, _) = diagnostics(f, d);
            all.push_str(&format!("=== {f} (DRBD {})\n{text}", d.as_str()));
        }
    }
    insta::assert_snapshot!(all);
}

#[test]
fn the_mangled_seed_reports_every_unclosed_block_and_the_retired_keywords() {
    let (text, errors) = diagnostics("004-iscsi-nfs-mangled.conf", Dialect::V9);
    assert!(errors);
    assert_eq!(
        text.matches("this `{` is never closed").count(),
        8,
        "{text}"
    );
    assert!(text.contains(
        "004-iscsi-nfs-mangled.conf:6:3: warning: `incon-degr-cmd` was removed in DRBD 8.0"
    ));
    assert!(text.contains(
        "004-iscsi-nfs-mangled.conf:13:5: warning: `on-disconnect` was removed in DRBD 8.0"
    ));
}

#[test]
fn syntax_tree_of_a_small_config() {
    let text =
        "# c\nresource r0 {\n  on alpha { address 10.0.0.1:7789; }\n  net { protocol C; }\n}\n";
    let mut diags = conf_parser::Diagnostics::default();
    let lexed = conf_parser::lexer::lex(conf_parser::source::FileId(0), text);
    assert_eq!(lexed.comments.len(), 1);
    let tree = conf_parser::syntax::parse(conf_parser::source::FileId(0), text, &mut diags);
    assert!(diags.is_empty());
    insta::assert_debug_snapshot!(tree);
}
