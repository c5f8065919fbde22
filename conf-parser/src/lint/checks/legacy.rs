//! Legacy syntax, found on the statement tree of each file (the typed model no longer knows
//! how an option was spelled). [`scan`] lists every legacy item with what `--fix` does about
//! it; [`check`] turns the items the parser does not already report into findings.

use super::Ctx;
use crate::legacy;
use crate::lexer::{Token, TokenKind};
use crate::lint::finding::Finding;
use crate::options::{self, Dialect, Section, ValueType};
use crate::source::{FileId, SourceMap, Span};
use crate::syntax::Stmt;

/// One piece of legacy syntax.
#[derive(Debug)]
pub enum Item<'a> {
    /// `no-NAME;` for a yes/no option: write `NAME no;`.
    NoFlag {
        /// The statement.
        stmt: &'a Stmt<'a>,
        /// `NAME`.
        bare: String,
    },
    /// `flexible-meta-disk X;`: write `meta-disk X;`.
    FlexibleMetaDisk {
        /// The keyword.
        kw: &'a Token<'a>,
    },
    /// An option that belongs in another block of the same resource (`protocol` at resource
    /// level, `fencing` in `disk { }` for DRBD 9): move it.
    Move {
        /// The statement.
        stmt: &'a Stmt<'a>,
        /// The resource or common body it is in.
        body: &'a Stmt<'a>,
        /// The statement of `body` that contains it (itself when written directly in it).
        outer: &'a Stmt<'a>,
        /// Where it belongs (`net`).
        to: &'static str,
    },
    /// An 8.3 `syncer { }` block: distribute its options.
    Syncer {
        /// The `syncer` statement.
        stmt: &'a Stmt<'a>,
        /// The resource or common body it is in.
        body: &'a Stmt<'a>,
    },
    /// A handler calling a DRBD 8 script under DRBD 9.
    Handler9 {
        /// The value token.
        value: &'a Token<'a>,
        /// The script name as written.
        old: &'static str,
        /// The DRBD 9 script, if there is a direct replacement.
        new: Option<&'static str>,
    },
    /// A retired keyword (0.7/8.0/8.3): comment it out.
    Retired {
        /// The statement.
        stmt: &'a Stmt<'a>,
        /// The table entry.
        entry: &'static legacy::Retired,
    },
    /// `become-primary-on` under DRBD 9: comment it out.
    BecomePrimary {
        /// The statement.
        stmt: &'a Stmt<'a>,
    },
    /// An 8.3 option name outside `syncer { }` (`rate`, `after`, `outdate-peer`): rename.
    Renamed {
        /// The keyword.
        kw: &'a Token<'a>,
        /// The current name.
        new: &'static str,
    },
}

/// Handler scripts of DRBD 8 and what DRBD 9 uses instead.
const SCRIPTS_8: &[(&str, Option<&str>)] = &[
    ("crm-fence-peer.sh", Some("crm-fence-peer.9.sh")),
    ("crm-unfence-peer.sh", Some("crm-unfence-peer.9.sh")),
    ("drbd-peer-outdater", None),
];

/// True if `name` is a yes/no option of `dialect` in any section.
fn is_bool_option(name: &str, dialect: Dialect) -> bool {
    options::OPTIONS.iter().any(|o| {
        o.name == name
            && o.spec(dialect).is_some_and(|s| {
                s.section != Section::Command
                    && matches!(s.ty, ValueType::Bool { .. } | ValueType::Flag)
            })
    })
}

/// Every legacy item of one file's statements.
pub fn scan<'a>(stmts: &'a [Stmt], dialect: Dialect) -> Vec<Item<'a>> {
    let mut s = Scanner {
        dialect,
        items: Vec::new(),
    };
    for st in stmts {
        let kw = st.keyword();
        if (kw.is_kw("resource") || kw.is_kw("common")) && st.block.is_some() {
            s.body(st);
        }
    }
    s.items
}

struct Scanner<'a> {
    dialect: Dialect,
    items: Vec<Item<'a>>,
}

fn inner<'a>(st: &'a Stmt<'a>) -> &'a [Stmt<'a>] {
    st.block.as_ref().map_or(&[], |b| b.stmts.as_slice())
}

impl<'a> Scanner<'a> {
    fn retired(&mut self, st: &'a Stmt<'a>) -> bool {
        let kw = st.keyword();
        if kw.kind != TokenKind::Word {
            return false;
        }
        let bare = kw.text.strip_prefix("no-").unwrap_or(&kw.text);
        if let Some(entry) = legacy::retired(bare) {
            self.items.push(Item::Retired { stmt: st, entry });
            return true;
        }
        false
    }

    /// A `resource` or `common` body.
    fn body(&mut self, body: &'a Stmt<'a>) {
        for st in inner(body) {
            if self.retired(st) {
                continue;
            }
            let kw = st.keyword();
            match kw.as_str() {
                "protocol" if st.block.is_none() => self.items.push(Item::Move {
                    stmt: st,
                    body,
                    outer: st,
                    to: "net",
                }),
                "syncer" if st.block.is_some() => {
                    self.items.push(Item::Syncer { stmt: st, body });
                }
                "disk" if st.block.is_some() => {
                    for o in inner(st) {
                        if o.keyword().is_kw("fencing") && self.dialect == Dialect::V9 {
                            self.items.push(Item::Move {
                                stmt: o,
                                body,
                                outer: st,
                                to: "net",
                            });
                        } else {
                            self.option(o, "disk");
                        }
                    }
                }
                "net" | "options" | "startup" | "handlers" if st.block.is_some() => {
                    for o in inner(st) {
                        self.option(o, &kw.text);
                    }
                }
                "flexible-meta-disk" => self.items.push(Item::FlexibleMetaDisk { kw }),
                "on" | "floating" | "stacked-on-top-of" | "_this_host" | "volume" => {
                    self.host_or_volume(st)
                }
                "connection" | "connection-mesh" => {
                    for c in inner(st) {
                        match c.keyword().as_str() {
                            "net" | "disk" => {
                                for o in inner(c) {
                                    self.option(o, &c.keyword().text);
                                }
                            }
                            "volume" => {
                                for d in inner(c) {
                                    for o in inner(d) {
                                        self.option(o, "disk");
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn host_or_volume(&mut self, st: &'a Stmt<'a>) {
        for s in inner(st) {
            if self.retired(s) {
                continue;
            }
            let kw = s.keyword();
            match kw.as_str() {
                "flexible-meta-disk" => self.items.push(Item::FlexibleMetaDisk { kw }),
                "volume" => self.host_or_volume(s),
                "disk" | "options" if s.block.is_some() => {
                    for o in inner(s) {
                        self.option(o, &kw.text);
                    }
                }
                _ => {}
            }
        }
    }

    /// One statement inside an option block called `block`.
    fn option(&mut self, st: &'a Stmt<'a>, block: &str) {
        if self.retired(st) {
            return;
        }
        let kw = st.keyword();
        if kw.kind != TokenKind::Word {
            return;
        }
        if block == "startup" && kw.text == "become-primary-on" && self.dialect == Dialect::V9 {
            self.items.push(Item::BecomePrimary { stmt: st });
            return;
        }
        let renamed = match (block, kw.as_str()) {
            ("handlers", "outdate-peer") => Some("fence-peer"),
            ("disk", "rate") => Some("resync-rate"),
            ("disk", "after") => Some("resync-after"),
            _ => None,
        };
        if let Some(new) = renamed {
            self.items.push(Item::Renamed { kw, new });
        }
        if block == "handlers" && self.dialect == Dialect::V9 {
            if let [value] = st.args() {
                for (old, new) in SCRIPTS_8 {
                    if value.text.contains(old) {
                        self.items.push(Item::Handler9 {
                            value,
                            old,
                            new: *new,
                        });
                        break;
                    }
                }
            }
        }
        if let Some(bare) = kw.text.strip_prefix("no-") {
            if st.args().is_empty() && is_bool_option(bare, self.dialect) {
                self.items.push(Item::NoFlag {
                    stmt: st,
                    bare: bare.to_string(),
                });
            }
        }
    }
}

/// The statement trees of every file of the configuration, each file parsed on its own.
pub fn trees(sources: &SourceMap) -> Vec<(FileId, Vec<Stmt<'_>>)> {
    (0..sources.len())
        .map(|i| {
            let id = FileId(i as u32);
            let mut ignored = crate::diag::Diagnostics::default();
            (
                id,
                crate::syntax::parse(id, &sources.file(id).text, &mut ignored),
            )
        })
        .collect()
}

/// Findings for the legacy items the parser does not report itself.
pub fn check(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, stmts) in ctx.trees {
        for item in scan(stmts, ctx.dialect()) {
            if let Some(f) = finding(ctx, &item) {
                out.push(f);
            }
        }
    }
    out
}

fn finding(ctx: &Ctx<'_>, item: &Item<'_>) -> Option<Finding> {
    let span_of = |s: Span| ctx.at.loc(s);
    Some(match item {
        Item::NoFlag { stmt, bare } => Finding::new(
            "DRBD405",
            span_of(stmt.span),
            format!("`{}` is the 8.3 form of `{bare} no`", stmt.keyword().text),
        )
        .fix(format!("write `{bare} no;`")),
        Item::FlexibleMetaDisk { kw } => Finding::new(
            "DRBD405",
            span_of(kw.span),
            "`flexible-meta-disk` is the 8.3 spelling of `meta-disk`",
        )
        .fix("write `meta-disk`"),
        Item::Move { stmt, to, .. } => {
            let what = &stmt.keyword().text;
            let since = if what == "protocol" {
                "since DRBD 8.4"
            } else {
                "in DRBD 9"
            };
            Finding::new(
                "DRBD405",
                span_of(stmt.span),
                format!("`{what}` belongs in `{to} {{ }}` {since}"),
            )
            .fix(format!("move it into the resource's `{to} {{ }}` section"))
        }
        Item::Handler9 { value, old, new } => {
            let f = Finding::new(
                "DRBD403",
                span_of(value.span),
                format!("handler script `{old}` is for DRBD 8; it does not work with DRBD 9"),
            );
            match new {
                Some(n) => f.fix(format!("use `{n}`")),
                None => {
                    f.fix("use `crm-fence-peer.9.sh` with Pacemaker (dopd does not support DRBD 9)")
                }
            }
        }
        // Reported by the parser (DRBD401, DRBD402, DRBD404, DRBD408).
        Item::Syncer { .. }
        | Item::Retired { .. }
        | Item::BecomePrimary { .. }
        | Item::Renamed { .. } => return None,
    })
}
