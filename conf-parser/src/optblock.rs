//! Option blocks (`net {}`, `disk {}`, `options {}`, `startup {}`, `handlers {}`, `proxy {}`,
//! 8.3's `syncer {}`): each statement is looked up in the option table for the block's
//! sections, its value checked against the option's type and range, and the option routed to
//! the section upstream stores it in. Unknown names get a located error with the best hint
//! we can give (a typo, the section the option moved to, the dialect that has it).

use crate::diag::{suggest, Diagnostic, Diagnostics};
use crate::legacy;
use crate::lexer::TokenKind;
use crate::model::Opt;
use crate::options::{self, parse_number, Dialect, OptionDef, Section, Spec, UnitError, ValueType};
use crate::syntax::Stmt;
use crate::values::after;

/// Which block an option statement is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `net {}`.
    Net,
    /// `disk {}` at resource or common level: disk, peer-device, device, and `fencing`.
    ResourceDisk,
    /// `disk {}` inside a volume: disk, peer-device and device options.
    VolumeDisk,
    /// `disk {}` inside a connection or a connection's volume: peer-device options.
    ConnectionDisk,
    /// `options {}`.
    Options,
    /// `startup {}`.
    Startup,
    /// `handlers {}`.
    Handlers,
    /// `proxy {}` or a proxy's `options {}`.
    Proxy,
    /// 8.3's `syncer {}`.
    Syncer,
}

impl BlockKind {
    /// The block's keyword, for messages.
    pub fn keyword(self) -> &'static str {
        match self {
            BlockKind::Net => "net",
            BlockKind::ResourceDisk | BlockKind::VolumeDisk | BlockKind::ConnectionDisk => "disk",
            BlockKind::Options => "options",
            BlockKind::Startup => "startup",
            BlockKind::Handlers => "handlers",
            BlockKind::Proxy => "proxy",
            BlockKind::Syncer => "syncer",
        }
    }

    /// The sections searched, in upstream's order.
    fn sections(self, dialect: Dialect) -> &'static [Section] {
        use Section::*;
        match (self, dialect) {
            (BlockKind::Net, _) => &[Net],
            (BlockKind::ResourceDisk, Dialect::V9) => &[Disk, PeerDevice, Device, Net],
            (BlockKind::VolumeDisk, Dialect::V9) => &[Disk, PeerDevice, Device],
            (BlockKind::ResourceDisk | BlockKind::VolumeDisk, Dialect::V84) => &[Disk],
            (BlockKind::ConnectionDisk, _) => &[PeerDevice],
            (BlockKind::Options, _) => &[Resource],
            (BlockKind::Startup, _) => &[Startup],
            (BlockKind::Handlers, _) => &[Handlers],
            (BlockKind::Proxy, _) => &[Proxy],
            (BlockKind::Syncer, _) => &[Net, Disk, Resource, PeerDevice],
        }
    }
}

/// An option routed to the section it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routed {
    /// Where upstream stores it.
    pub section: Section,
    /// The option.
    pub opt: Opt,
}

/// Finds the option for `name` in the block's sections; `fencing` in a resource-level
/// `disk {}` is the only net option reachable from there.
fn find_in_block(
    name: &str,
    block: BlockKind,
    dialect: Dialect,
) -> Option<(&'static OptionDef, &'static Spec)> {
    block.sections(dialect).iter().find_map(|&section| {
        if block == BlockKind::ResourceDisk && section == Section::Net && name != "fencing" {
            return None;
        }
        options::lookup(name, section, dialect)
    })
}

/// Interprets the statements of an option block.
pub fn parse_block(
    stmts: &[Stmt],
    block: BlockKind,
    dialect: Dialect,
    diags: &mut Diagnostics,
) -> Vec<Routed> {
    parse_block_hoisting(stmts, block, dialect, diags, &[]).0
}

/// Like [`parse_block`], but statements with a block whose keyword is in `hoist` are handed
/// back instead of reported: they were written after a missing `}` and belong to the
/// enclosing section, where the caller interprets them (error recovery).
pub fn parse_block_hoisting<'a, 's>(
    stmts: &'a [Stmt<'s>],
    block: BlockKind,
    dialect: Dialect,
    diags: &mut Diagnostics,
    hoist: &[&str],
) -> (Vec<Routed>, Vec<&'a Stmt<'s>>) {
    let mut out = Vec::new();
    let mut hoisted = Vec::new();
    for stmt in stmts {
        if stmt.block.is_some() && hoist.contains(&stmt.keyword().as_str()) {
            hoisted.push(stmt);
            continue;
        }
        if let Some(r) = parse_option(stmt, block, dialect, diags) {
            out.push(r);
        }
    }
    (out, hoisted)
}

fn parse_option(
    stmt: &Stmt,
    block: BlockKind,
    dialect: Dialect,
    diags: &mut Diagnostics,
) -> Option<Routed> {
    let kw = stmt.keyword();
    if stmt.block.is_some() {
        diags.push(
            Diagnostic::error(
                kw.span,
                format!(
                    "`{}` cannot have a block inside `{} {{ }}`",
                    kw.text,
                    block.keyword()
                ),
            )
            .hint("is a `}` missing before this line?"),
        );
        return None;
    }
    if kw.kind == TokenKind::Quoted || !matches!(kw.kind, TokenKind::Word) {
        diags.push(Diagnostic::error(
            kw.span,
            format!("expected an option name, found `{}`", kw.text),
        ));
        return None;
    }
    // `_unknown NAME;` comes from `drbdsetup show`: an option this drbdsetup did not know.
    if kw.text == "_unknown" {
        return None;
    }
    let written = kw.as_str();
    if block == BlockKind::Startup
        && (written == "become-primary-on" || written == "stacked-timeouts")
    {
        return startup_special(stmt, dialect, diags);
    }
    let (no_prefix, bare) = match written.strip_prefix("no-") {
        Some(rest) => (true, rest),
        None => (false, written),
    };
    // 8.4's scanner knows the `no-` form of five flags only; any other is a parse error.
    const NO_FLAGS84: &[&str] = &[
        "disk-barrier",
        "disk-flushes",
        "disk-drain",
        "md-flushes",
        "tcp-cork",
    ];
    if no_prefix && dialect == Dialect::V84 && !NO_FLAGS84.contains(&bare) {
        diags.push(
            Diagnostic::error(
                kw.span,
                format!("`{written}` is not an option keyword of DRBD 8.4"),
            )
            .hint(format!(
                "8.4 has `no-` forms only for {}; write `{bare} no;`",
                NO_FLAGS84.join(", ")
            )),
        );
        return None;
    }
    let mut name = bare;
    if block == BlockKind::Syncer {
        if let Some(new) = legacy::syncer_alias(name) {
            name = new;
        }
    }
    let found = find_in_block(name, block, dialect).or_else(|| {
        // A handler or option literally named `no-...` (none today) would land here.
        find_in_block(written, block, dialect)
    });
    let Some((def, spec)) = found else {
        report_unknown(stmt, written, bare, block, dialect, diags);
        return None;
    };
    let args = stmt.args();
    let value = match args {
        [] => Some(if no_prefix { "no" } else { "yes" }.to_string()),
        [v] if v.is_value() => {
            // `resync-after` names a resource (RES[/VNR]); drbdadm checks it after parsing.
            let checked_later = def.name == "resync-after";
            // 8.4's drbdadm range-checks numbers (and the protocol) only: keywords and a
            // string's length are drbdsetup's and the kernel's concern.
            let unchecked84 = dialect == Dialect::V84
                && match spec.ty {
                    ValueType::String { .. } => true,
                    ValueType::Enum { .. } => def.name != "protocol",
                    _ => false,
                };
            if checked_later || unchecked84 {
            } else if let Err(d) = check_value(def, spec, &v.text, v.span) {
                diags.push(d);
            }
            Some(v.text.to_string())
        }
        [v] => {
            diags.push(crate::values::unexpected(
                v,
                &format!("a value for `{}`", def.name),
            ));
            return None;
        }
        [first, second, ..] => {
            let mut d = Diagnostic::error(
                second.span,
                format!(
                    "`{}` takes one value, found `{}` after `{}`",
                    def.name, second.text, first.text
                ),
            );
            if second.span.file == first.span.file {
                d = d.hint(format!("is a `;` missing after `{}`?", first.text));
            }
            let _ = after(first);
            diags.push(d);
            return None;
        }
    };
    // 8.4 keeps the handler under its new name (`check_and_change_deprecated_alias()`);
    // DRBD 9 keeps the name as written.
    let name = match (dialect, def.name) {
        (Dialect::V84, "outdate-peer") => "fence-peer",
        (_, n) => n,
    };
    Some(Routed {
        section: spec.section,
        opt: Opt {
            name: name.to_string(),
            value,
            span: stmt.span,
        },
    })
}

/// `become-primary-on` (8.4 startup option, ignored by DRBD 9) and `stacked-timeouts`.
fn startup_special(stmt: &Stmt, dialect: Dialect, diags: &mut Diagnostics) -> Option<Routed> {
    let kw = stmt.keyword();
    if kw.text == "stacked-timeouts" {
        return Some(Routed {
            section: Section::Startup,
            opt: Opt {
                name: kw.text.to_string(),
                value: None,
                span: stmt.span,
            },
        });
    }
    if dialect == Dialect::V9 {
        diags.push(
            Diagnostic::warning(kw.span, "`become-primary-on` is ignored by DRBD 9")
                .hint("let the cluster manager promote, or use `options { auto-promote yes; }`"),
        );
        return None;
    }
    let value = stmt
        .args()
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Routed {
        section: Section::Startup,
        opt: Opt {
            name: kw.text.to_string(),
            value: Some(value),
            span: stmt.span,
        },
    })
}

fn report_unknown(
    stmt: &Stmt,
    written: &str,
    bare: &str,
    block: BlockKind,
    dialect: Dialect,
    diags: &mut Diagnostics,
) {
    let span = stmt.keyword().span;
    let here = block.keyword();
    if let Some(r) = legacy::retired(bare) {
        diags.push(
            Diagnostic::warning(
                span,
                format!("`{bare}` was removed in DRBD {}; ignoring it", r.dropped_in),
            )
            .hint(format!("use {}", r.replacement)),
        );
        return;
    }
    if let Some(new) = legacy::syncer_alias(bare) {
        let sec = find_in_block(new, BlockKind::Syncer, dialect)
            .map(|(_, s)| s.section.block_keyword())
            .unwrap_or("disk");
        diags.push(
            Diagnostic::error(span, format!("unknown option `{written}` in `{here} {{ }}`"))
                .hint(format!("`{bare}` moved from `syncer` to `{sec}` as `{new}` in 8.4: write `{new}` in `{sec} {{ }}`")),
        );
        return;
    }
    let mut d = Diagnostic::error(
        span,
        format!("unknown option `{written}` in `{here} {{ }}`"),
    );
    // The option exists, but in another section or only in the other dialect.
    let rows: Vec<&OptionDef> = options::OPTIONS.iter().filter(|o| o.name == bare).collect();
    if let Some(spec) = rows
        .iter()
        .find_map(|o| o.spec(dialect))
        .filter(|s| s.section != Section::Command)
    {
        d = d.hint(format!(
            "`{bare}` belongs in `{} {{ }}`, not in `{here} {{ }}`",
            spec.section.block_keyword()
        ));
    } else if let Some(other) = rows.iter().find_map(|o| {
        let other = if dialect == Dialect::V9 {
            Dialect::V84
        } else {
            Dialect::V9
        };
        o.spec(other)
            .filter(|s| s.section != Section::Command)
            .map(|s| (other, s))
    }) {
        d = d.hint(format!(
            "`{bare}` is a DRBD {} option (in `{} {{ }}`); this configuration is read for DRBD {}",
            other.0.as_str(),
            other.1.section.block_keyword(),
            dialect.as_str()
        ));
    } else {
        let mut names: Vec<&str> = Vec::new();
        for &section in block.sections(dialect) {
            names.extend(options::in_section(section, dialect).map(|(o, _)| o.name));
        }
        if let Some(s) = suggest(bare, names.iter().copied()) {
            d = d.hint(format!("did you mean `{s}`?"));
        } else if let Some(s) = suggest(
            bare,
            options::OPTIONS
                .iter()
                .filter(|o| o.spec(dialect).is_some())
                .map(|o| o.name),
        ) {
            let sec = options::OPTIONS
                .iter()
                .find(|o| o.name == s)
                .and_then(|o| o.spec(dialect))
                .map(|s| s.section.block_keyword())
                .unwrap_or(here);
            d = d.hint(format!("did you mean `{s}` (in `{sec} {{ }}`)?"));
        }
    }
    diags.push(d);
}

/// Checks a value against the option's type; the value itself is kept verbatim.
pub fn check_value(
    def: &OptionDef,
    spec: &Spec,
    value: &str,
    span: crate::source::Span,
) -> Result<(), Diagnostic> {
    let name = def.name;
    match spec.ty {
        ValueType::Flag | ValueType::Bool { .. } => {
            if value != "yes" && value != "no" {
                return Err(Diagnostic::error(
                    span,
                    format!("`{name}` takes `yes` or `no`, not `{value}`"),
                ));
            }
        }
        ValueType::Numeric {
            min,
            max,
            scale,
            unit,
            implicit_clamp,
            ..
        } => {
            let n = parse_number(value, scale).map_err(|e| match e {
                UnitError::BadUnit(_) => {
                    Diagnostic::error(span, format!("`{value}` has an unknown unit for `{name}`"))
                        .hint("units are K, M, G (powers of 1024) and s (512-byte sectors)")
                }
                e => Diagnostic::error(span, format!("`{name}`: {e}")),
            })?;
            if !implicit_clamp && (n < min || n > max) {
                let unit_note = describe_unit(scale, unit);
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "value `{value}` for `{name}` is too {}: allowed {min}..{max}{unit_note}",
                        if n < min { "small" } else { "big" }
                    ),
                ));
            }
        }
        ValueType::Enum { values, nocase, .. } => {
            let ok = values.iter().any(|(v, _)| {
                if nocase {
                    v.eq_ignore_ascii_case(value)
                } else {
                    *v == value
                }
            });
            if !ok {
                let allowed: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
                let mut d =
                    Diagnostic::error(span, format!("`{value}` is not a valid value for `{name}`"))
                        .hint(format!("allowed values are: {}", allowed.join(" | ")));
                if let Some(s) = suggest(value, allowed.iter().copied()) {
                    d = d.hint(format!("did you mean `{s}`?"));
                }
                return Err(d);
            }
        }
        ValueType::EnumNum {
            values, min, max, ..
        } => {
            let ok = values.iter().any(|(v, _)| *v == value)
                || value
                    .parse::<i64>()
                    .map(|n| n >= min && n <= max)
                    .unwrap_or(false);
            if !ok {
                let allowed: Vec<&str> = values.iter().map(|(v, _)| *v).collect();
                return Err(Diagnostic::error(
                    span,
                    format!("`{value}` is not a valid value for `{name}`"),
                )
                .hint(format!(
                    "allowed values are: {} or a number {min}..{max}",
                    allowed.join(" | ")
                )));
            }
        }
        ValueType::String { max_len } => {
            if max_len > 0 && value.len() >= max_len {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "value for `{name}` is too long: at most {} characters",
                        max_len - 1
                    ),
                ));
            }
        }
        ValueType::KeySerial => {}
    }
    Ok(())
}

fn describe_unit(scale: options::Scale, unit: &str) -> String {
    let native = match scale {
        options::Scale::One => "",
        options::Scale::Kilo => "KiB",
        options::Scale::Sector => "512-byte sectors",
    };
    match (native.is_empty(), unit.is_empty()) {
        (true, true) => String::new(),
        (true, false) => format!(" ({unit})"),
        (false, _) => format!(" {native} (a bare number is in {native}; K, M, G suffixes convert)"),
    }
}
