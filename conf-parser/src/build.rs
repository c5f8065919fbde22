//! The typed layer: turns the statement tree into the [`Config`] model, as upstream's
//! recursive-descent parser (`user/v9/drbdadm_parser.c`) does, but collecting every error
//! with its location instead of stopping at the first.

use std::collections::HashMap;

use crate::diag::{suggest, Diagnostic, Diagnostics};
use crate::legacy;
use crate::lexer::{Token, TokenKind};
use crate::model::*;
use crate::optblock::{parse_block, BlockKind, Routed};
use crate::options::{Dialect, Section};
use crate::source::{SourceMap, Span};
use crate::syntax::Stmt;
use crate::values::{self, after, unexpected};

/// The model of a configuration, built a top-level statement at a time as the files are
/// read ([`crate::load::Sink`]): a statement's tree is dropped once it is in the model.
pub struct ConfigBuilder {
    dialect: Dialect,
    global: Option<Global>,
    common: Option<Common>,
    resources: Vec<Resource>,
    first_resource: HashMap<String, Span>,
    requirements: Vec<(String, String, Span)>,
    uniq: crate::uniq::Uniq,
}

impl ConfigBuilder {
    /// An empty configuration read for `dialect`.
    pub fn new(dialect: Dialect) -> ConfigBuilder {
        ConfigBuilder {
            dialect,
            global: None,
            common: None,
            resources: Vec::new(),
            first_resource: HashMap::new(),
            requirements: Vec::new(),
            uniq: crate::uniq::Uniq::new(dialect),
        }
    }

    /// Adds one top-level statement; `sources` holds the files read so far.
    pub fn add(&mut self, stmt: &Stmt<'_>, sources: &SourceMap, diags: &mut Diagnostics) {
        let mut b = Builder {
            dialect: self.dialect,
            diags,
            sources,
        };
        self.top_level(&mut b, stmt);
        self.uniq.top_level(stmt, sources);
    }

    fn top_level(&mut self, b: &mut Builder<'_>, stmt: &Stmt<'_>) {
        let kw = stmt.keyword();
        match kw.as_str() {
            "global" if kw.kind == TokenKind::Word => {
                if let Some(g) = &self.global {
                    let (file, lc) = b.sources.locate(g.span.unwrap_or_default());
                    b.diags.push(
                        Diagnostic::error(kw.span, "`global` may appear only once")
                            .hint(format!("the first one is at {file}:{}", lc.line)),
                    );
                } else {
                    if !self.resources.is_empty() {
                        b.diags.push(Diagnostic::warning(
                            kw.span,
                            "put the `global {}` section in front of any `resource {}` section",
                        ));
                    }
                    self.global = Some(b.global(stmt));
                }
                // Sections written inside `global {` after a missing `}` are read as top-level.
                if let Some(block) = &stmt.block {
                    for inner in &block.stmts {
                        if TOP_LEVEL.contains(&inner.keyword().as_str()) && inner.block.is_some() {
                            self.top_level(b, inner);
                        }
                    }
                }
            }
            "common" if kw.kind == TokenKind::Word => {
                if self.common.is_some() {
                    b.diags
                        .push(Diagnostic::error(kw.span, "`common` may appear only once"));
                    return;
                }
                if let Some(block) = b.expect_block(stmt, "common") {
                    b.no_args(stmt, "common");
                    let mut res = b.resource_body("common", stmt, &block.stmts, true);
                    res.span = stmt.span;
                    self.common = Some(Common {
                        span: stmt.span,
                        opts: res.opts,
                    });
                }
            }
            "resource" if kw.kind == TokenKind::Word => {
                let Some(res) = b.resource(stmt) else {
                    return;
                };
                if let Some(prev) = self.first_resource.get(&res.name) {
                    let (file, lc) = b.sources.locate(*prev);
                    b.diags.push(
                        Diagnostic::error(
                            stmt.args().first().map_or(kw.span, |t| t.span),
                            format!("resource `{}` is defined twice", res.name),
                        )
                        .hint(format!("the first definition is at {file}:{}", lc.line)),
                    );
                    return;
                }
                self.first_resource.insert(res.name.clone(), stmt.span);
                self.resources.push(res);
            }
            "skip" if kw.kind == TokenKind::Word => b.skip(stmt),
            w if w.starts_with("require-drbd-module-version-") && kw.kind == TokenKind::Word => {
                b.require(stmt);
                if let [v] = stmt.args() {
                    let op = kw.text.trim_start_matches("require-drbd-module-version-");
                    self.requirements
                        .push((op.to_string(), v.text.to_string(), stmt.span));
                }
            }
            _ => b.unknown_top_level(stmt),
        }
    }

    /// The model, once every file is read.
    pub fn finish(
        mut self,
        sources: SourceMap,
        main_file: crate::source::FileId,
        mut diagnostics: Diagnostics,
    ) -> Config {
        for res in &mut self.resources {
            if self.dialect == Dialect::V9 {
                implicit_node_ids(res);
                for h in &res.hosts {
                    if h.node_id.is_none() && !matches!(h.kind, HostKind::ThisHost) {
                        let names = h.names().join(" ");
                        let hint = if res.hosts.len() == 2
                            && h.address.is_none()
                            && res.connections.is_empty()
                        {
                            "two-host resources get implicit node ids from their addresses: add `address IP:PORT;` (or `node-id N;`) here"
                        } else {
                            "DRBD 9 needs `node-id N;` in every host section unless the resource has exactly two hosts and no `connection`"
                        };
                        diagnostics.push(
                            Diagnostic::error(
                                h.span,
                                format!(
                                    "in resource {}, on {names} {{ ... }}: 'node-id' keyword missing.",
                                    res.name
                                ),
                            )
                            .hint(hint),
                        );
                    }
                }
            }
        }
        Config {
            sources,
            main_file,
            dialect: self.dialect,
            global: self.global.unwrap_or_default(),
            common: self.common,
            resources: self.resources,
            module_version_requirements: self.requirements,
            diagnostics,
            conflict: self.uniq.finish(),
        }
    }
}

const TOP_LEVEL: &[&str] = &["global", "common", "resource", "include", "skip"];
const RESOURCE_BODY: &[&str] = &[
    "protocol",
    "on",
    "stacked-on-top-of",
    "floating",
    "disk",
    "device",
    "meta-disk",
    "flexible-meta-disk",
    "volume",
    "net",
    "syncer",
    "startup",
    "handlers",
    "proxy",
    "options",
    "connection",
    "connection-mesh",
    "template-file",
    "skip",
    "_this_host",
];
const HOST_BODY: &[&str] = &[
    "disk",
    "device",
    "address",
    "meta-disk",
    "flexible-meta-disk",
    "node-id",
    "volume",
    "options",
    "proxy",
    "skip",
];
const VOLUME_BODY: &[&str] = &[
    "device",
    "disk",
    "meta-disk",
    "flexible-meta-disk",
    "tiebreaker",
    "skip",
];
const CONNECTION_BODY: &[&str] = &[
    "host",
    "address",
    "path",
    "net",
    "disk",
    "volume",
    "skip",
    "_peer_node_id",
    "_cstate",
    "_this_host",
    "_remote_host",
];

/// A word drbdadm-84's scanner reads as a keyword (a section, statement or option name),
/// so that it cannot be the text after `skip`.
fn is_keyword_84(w: &str) -> bool {
    const SECTIONS: &[&str] = &[
        "global",
        "common",
        "resource",
        "on",
        "floating",
        "stacked-on-top-of",
        "net",
        "disk",
        "syncer",
        "startup",
        "handlers",
        "options",
        "volume",
        "device",
        "address",
        "meta-disk",
        "flexible-meta-disk",
        "include",
        "skip",
        "protocol",
        "proxy",
        "minor",
        "ignore-on",
        "yes",
        "no",
    ];
    SECTIONS.contains(&w) || crate::options::OPTIONS.iter().any(|o| o.name == w)
}

/// Where each statement that may appear only once in a section was first written.
type Seen<'k> = Vec<(&'k str, Span)>;

struct Builder<'a> {
    dialect: Dialect,
    diags: &'a mut Diagnostics,
    sources: &'a SourceMap,
}

impl Builder<'_> {
    fn err(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    // skip := "skip" [ WORD ] "{" ... "}". DRBD 9's drbdadm skips any words up to the
    // block; drbdadm-84 takes at most one word, and not one of its keywords.
    fn skip(&mut self, st: &Stmt<'_>) {
        if self.dialect != Dialect::V84 {
            return;
        }
        let args = st.args();
        let bad = args
            .iter()
            .enumerate()
            .find(|(i, w)| *i > 0 || is_keyword_84(w.as_str()))
            .map(|(_, w)| w);
        if let Some(w) = bad {
            self.err(
                Diagnostic::error(
                    w.span,
                    format!("`skip` takes at most one name before `{{`, found `{}`", w.text),
                )
                .hint("drbdadm for DRBD 8.4 reads `skip [NAME] { ... }`: quote the text, or remove it"),
            );
        }
    }

    fn expect_block<'a, 's>(
        &mut self,
        stmt: &'a Stmt<'s>,
        what: &str,
    ) -> Option<&'a crate::syntax::Block<'s>> {
        match &stmt.block {
            Some(b) => Some(b),
            None => {
                let at = stmt.words.last().map(after).unwrap_or(stmt.span);
                self.err(Diagnostic::error(
                    at,
                    format!("`{what}` needs a `{{ ... }}` block"),
                ));
                None
            }
        }
    }

    fn no_args(&mut self, stmt: &Stmt, what: &str) {
        if let Some(t) = stmt.args().first() {
            self.err(unexpected(t, &format!("`{{` after `{what}`")));
        }
    }

    fn no_block(&mut self, stmt: &Stmt, what: &str) -> bool {
        if let Some(b) = &stmt.block {
            self.err(
                Diagnostic::error(b.open, format!("`{what}` does not take a block"))
                    .hint("is a `;` missing, or a `}` missing before this line?"),
            );
            return false;
        }
        true
    }

    fn unknown_in(&mut self, stmt: &Stmt, context: &str, allowed: &[&str]) {
        let kw = stmt.keyword();
        if let Some(r) = legacy::retired(&kw.text) {
            self.err(
                Diagnostic::warning(
                    kw.span,
                    format!(
                        "`{}` was removed in DRBD {}; ignoring it",
                        kw.text, r.dropped_in
                    ),
                )
                .hint(format!("use {}", r.replacement)),
            );
            return;
        }
        let mut d = match kw.kind {
            TokenKind::Stray(_) => unexpected(kw, &format!("a keyword in {context}")),
            _ => Diagnostic::error(
                kw.span,
                format!(
                    "`{}` is not allowed in {context}",
                    crate::syntax::shorten(&kw.text)
                ),
            ),
        };
        if let Some(s) = suggest(&kw.text, allowed.iter().copied()) {
            d = d.hint(format!("did you mean `{s}`?"));
        } else if TOP_LEVEL.contains(&kw.as_str()) || RESOURCE_BODY.contains(&kw.as_str()) {
            d = d.hint("is a `}` missing before this line?");
        } else {
            d = d.hint(format!("allowed here: {}", allowed.join(", ")));
        }
        self.err(d);
    }

    fn unknown_top_level(&mut self, stmt: &Stmt) {
        let kw = stmt.keyword();
        if RESOURCE_BODY.contains(&kw.as_str()) {
            self.err(
                Diagnostic::error(
                    kw.span,
                    format!(
                        "`{}` is only allowed inside a `resource` or `common` section",
                        kw.text
                    ),
                )
                .hint("is a `{` missing, or a `}` closing the resource too early?"),
            );
            return;
        }
        self.unknown_in(stmt, "the top level", TOP_LEVEL);
    }

    // require := "require-drbd-module-version-"(eq|ne|gt|ge|lt|le) X.Y.Z ";"
    fn require(&mut self, stmt: &Stmt) {
        let kw = stmt.keyword();
        let op = kw.text.trim_start_matches("require-drbd-module-version-");
        if !["eq", "ne", "gt", "ge", "lt", "le"].contains(&op) {
            self.err(
                Diagnostic::error(kw.span, format!("unknown comparison `{op}`"))
                    .hint("use eq, ne, gt, ge, lt or le"),
            );
        }
        if self.dialect == Dialect::V84 {
            self.err(Diagnostic::error(
                kw.span,
                format!(
                    "`{}` needs DRBD 9; this configuration is read for DRBD 8.4",
                    kw.text
                ),
            ));
        }
        match stmt.args() {
            [v] if v.text.split('.').count() == 3
                && v.text.split('.').all(|p| p.parse::<u32>().is_ok()) => {}
            [v, ..] => self.err(
                Diagnostic::error(v.span, format!("`{}` is not a version", v.text))
                    .hint("write a version as X.Y.Z, e.g. 9.0.0"),
            ),
            [] => self.err(
                Diagnostic::error(after(kw), "missing version")
                    .hint("write a version as X.Y.Z, e.g. 9.0.0"),
            ),
        }
    }

    // global := "global" "{" { gopt ";" } "}"
    fn global(&mut self, stmt: &Stmt) -> Global {
        let mut g = Global {
            span: Some(stmt.span),
            ..Global::default()
        };
        let Some(block) = self.expect_block(stmt, "global") else {
            return g;
        };
        self.no_args(stmt, "global");
        for s in &block.stmts {
            let kw = s.keyword();
            if TOP_LEVEL.contains(&kw.as_str()) && s.block.is_some() {
                // Read at top level by the caller; this `global {` lacks its `}`.
                continue;
            }
            if !self.no_block(s, &kw.text) {
                continue;
            }
            let args = s.args();
            let num = |b: &mut Self, min: u32, max: u32| -> Option<u32> {
                match args {
                    [v] => values::ranged(v, &kw.text, min, max)
                        .map_err(|d| b.err(d))
                        .ok(),
                    [] => {
                        b.err(Diagnostic::error(
                            after(kw),
                            format!("`{}` needs a number", kw.text),
                        ));
                        None
                    }
                    [_, extra, ..] => {
                        b.err(unexpected(extra, "`;`"));
                        None
                    }
                }
            };
            match kw.as_str() {
                "disable-ip-verification" | "udev-always-use-vnr" => {
                    if let Some(extra) = args.first() {
                        self.err(unexpected(extra, "`;`"));
                    }
                    if kw.text == "disable-ip-verification" {
                        g.disable_ip_verification = true;
                    } else {
                        g.udev_always_use_vnr = true;
                    }
                }
                "minor-count" => g.minor_count = num(self, 1, 255).unwrap_or(g.minor_count),
                "dialog-refresh" => {
                    g.dialog_refresh = num(self, 0, 600).unwrap_or(g.dialog_refresh)
                }
                "cmd-timeout-short" => g.cmd_timeout_short = num(self, 0, 900),
                "cmd-timeout-medium" => g.cmd_timeout_medium = num(self, 0, 900),
                "cmd-timeout-long" => g.cmd_timeout_long = num(self, 0, 900),
                "usage-count" => match args {
                    [v] if v.is_kw("yes") => g.usage_count = UsageCount::Yes,
                    [v] if v.is_kw("no") => g.usage_count = UsageCount::No,
                    [v] if v.is_kw("ask") => g.usage_count = UsageCount::Ask,
                    [v, ..] => self.err(unexpected(v, "`yes`, `no` or `ask`")),
                    [] => self.err(Diagnostic::error(
                        after(kw),
                        "`usage-count` needs `yes`, `no` or `ask`",
                    )),
                },
                _ => self.unknown_in(
                    s,
                    "`global { }`",
                    &[
                        "disable-ip-verification",
                        "udev-always-use-vnr",
                        "minor-count",
                        "dialog-refresh",
                        "usage-count",
                        "cmd-timeout-short",
                        "cmd-timeout-medium",
                        "cmd-timeout-long",
                    ],
                ),
            }
        }
        g
    }

    // resource := "resource" NAME "{" resource-body "}"
    fn resource(&mut self, stmt: &Stmt) -> Option<Resource> {
        let kw = stmt.keyword();
        let name = match stmt.args() {
            [n] => match values::name(n, "resource name") {
                Ok(n) => n,
                Err(d) => {
                    self.err(d);
                    n.text.to_string()
                }
            },
            [] => {
                self.err(
                    Diagnostic::error(after(kw), "`resource` needs a name")
                        .hint("write `resource r0 { ... }`"),
                );
                return None;
            }
            [n, extra, ..] => {
                self.err(unexpected(
                    extra,
                    &format!("`{{` after `resource {}`", n.text),
                ));
                n.text.to_string()
            }
        };
        if name.chars().any(|c| c.is_control()) {
            self.err(Diagnostic::error(
                stmt.span,
                "resource names must not contain control characters",
            ));
        }
        let block = self.expect_block(stmt, "resource")?;
        let mut res = self.resource_body(&name, stmt, &block.stmts, false);
        res.span = stmt.span;
        shrink(&mut res);
        Some(res)
    }

    fn once<'k>(&mut self, seen: &mut Seen<'k>, key: &'k str, tok: &Token, res: &str) -> bool {
        if let Some((_, prev)) = seen.iter().find(|(k, _)| *k == key) {
            let (file, lc) = self.sources.locate(*prev);
            self.err(
                Diagnostic::error(
                    tok.span,
                    format!("`{key}` may appear only once in resource `{res}`"),
                )
                .hint(format!("the first one is at {file}:{}:{}", lc.line, lc.col)),
            );
            return false;
        }
        seen.push((key, tok.span));
        true
    }

    fn route(&mut self, into: &mut SectionOptions, routed: Vec<Routed>) {
        for r in routed {
            let list = match r.section {
                Section::Net => &mut into.net,
                Section::Disk => &mut into.disk,
                Section::PeerDevice => &mut into.pd,
                Section::Device => &mut into.device,
                Section::Resource => &mut into.res,
                Section::Startup => &mut into.startup,
                Section::Handlers => &mut into.handlers,
                Section::Proxy => &mut into.proxy,
                Section::Command => continue,
            };
            list.push(r.opt);
        }
    }

    fn v9_only(&mut self, tok: &Token, what: &str) -> bool {
        if self.dialect == Dialect::V84 {
            self.err(
                Diagnostic::error(tok.span, format!("{what} needs DRBD 9; this configuration is read for DRBD 8.4"))
                    .hint("the loaded kernel module (or DRBD_DRIVER_VERSION_OVERRIDE) is 8.4; load DRBD 9 or use 8.4 syntax"),
            );
            return false;
        }
        true
    }

    fn resource_body(
        &mut self,
        name: &str,
        stmt: &Stmt,
        body: &[Stmt],
        is_common: bool,
    ) -> Resource {
        // Room for the host sections written here (a host is large; growing would copy).
        let hosts = body
            .iter()
            .filter(|s| s.keyword().kind == TokenKind::Word && is_host_section(s.keyword()))
            .count();
        let mut res = Resource {
            name: name.to_string(),
            span: stmt.span,
            template_file: None,
            volumes: Vec::new(),
            hosts: Vec::with_capacity(hosts),
            connections: Vec::new(),
            meshes: Vec::new(),
            opts: SectionOptions::default(),
        };
        let mut seen = Seen::new();
        // For messages only.
        let context = || {
            if is_common {
                "`common { }`".to_string()
            } else {
                format!("resource `{name}`")
            }
        };
        let mut queue: std::collections::VecDeque<&Stmt> = body.iter().collect();
        while let Some(s) = queue.pop_front() {
            let kw = s.keyword();
            if kw.kind != TokenKind::Word {
                self.unknown_in(s, &context(), RESOURCE_BODY);
                continue;
            }
            let word = kw.as_str();
            let is_host = is_host_section(kw);
            if is_common && is_host {
                self.err(
                    Diagnostic::error(kw.span, "host sections are not allowed in `common { }`")
                        .hint("move it into a `resource` section"),
                );
                continue;
            }
            match word {
                "protocol" => {
                    if self.no_block(s, "protocol") && self.once(&mut seen, "protocol", kw, name) {
                        let routed = parse_block(
                            std::slice::from_ref(s),
                            BlockKind::Net,
                            self.dialect,
                            self.diags,
                        );
                        self.route(&mut res.opts, routed);
                    }
                }
                "on" | "floating" | "_this_host" => {
                    if let Some((h, hoisted)) = self.host_section(s, name) {
                        res.hosts.push(h);
                        for st in hoisted.into_iter().rev() {
                            queue.push_front(st);
                        }
                    }
                }
                "stacked-on-top-of" => {
                    if let Some(h) = self.stacked_section(s, &res.hosts) {
                        res.hosts.push(h);
                    }
                }
                "disk" if s.block.is_none() => {
                    let Some(vol) = self.volume0(&mut res.volumes, kw) else {
                        continue;
                    };
                    self.volume_stmt(vol, s);
                }
                "device" | "meta-disk" | "flexible-meta-disk" => {
                    if !self.no_block(s, word) {
                        continue;
                    }
                    let Some(vol) = self.volume0(&mut res.volumes, kw) else {
                        continue;
                    };
                    self.volume_stmt(vol, s);
                }
                "disk" | "net" | "syncer" | "startup" | "handlers" | "options" | "proxy" => {
                    let section = if word == "options" { "options" } else { word };
                    if !self.once(&mut seen, section, kw, name) {
                        continue;
                    }
                    let Some(block) = self.expect_block(s, word) else {
                        continue;
                    };
                    self.no_args(s, word);
                    if word == "proxy" {
                        let (opts, plugins) = self.proxy_options(&block.stmts);
                        res.opts.proxy.extend(opts);
                        res.opts.proxy_plugins.extend(plugins);
                        continue;
                    }
                    if word == "syncer" {
                        self.err(
                            Diagnostic::note(kw.span, "`syncer { }` is 8.3 syntax; its options moved to `disk { }`, `net { }` and `options { }` in 8.4")
                                .hint("`drbdadm dump` prints the section each option belongs in now"),
                        );
                    }
                    let kind = match word {
                        "disk" => BlockKind::ResourceDisk,
                        "net" => BlockKind::Net,
                        "syncer" => BlockKind::Syncer,
                        "startup" => BlockKind::Startup,
                        "handlers" => BlockKind::Handlers,
                        _ => BlockKind::Options,
                    };
                    // Sections after a missing `}` are read as part of the resource.
                    let (routed, hoisted) = crate::optblock::parse_block_hoisting(
                        &block.stmts,
                        kind,
                        self.dialect,
                        self.diags,
                        RESOURCE_BODY,
                    );
                    self.route(&mut res.opts, routed);
                    for st in hoisted.into_iter().rev() {
                        queue.push_front(st);
                    }
                }
                "volume" => {
                    if let Some(v) = self.volume(s, false) {
                        self.insert_volume(&mut res.volumes, v);
                    }
                }
                "connection" => {
                    if self.v9_only(kw, "`connection`") {
                        if let Some(c) = self.connection(s) {
                            res.connections.push(c);
                        }
                    }
                }
                "connection-mesh" => {
                    if self.v9_only(kw, "`connection-mesh`") {
                        if let Some(m) = self.mesh(s) {
                            res.meshes.push(m);
                        }
                    }
                }
                "template-file" => {
                    if self.v9_only(kw, "`template-file`") && self.no_block(s, word) {
                        match s.args() {
                            [f] if f.is_value() => res.template_file = Some(f.text.to_string()),
                            _ => self.err(Diagnostic::error(
                                s.span,
                                "`template-file` takes one file name",
                            )),
                        }
                    }
                }
                "skip" => self.skip(s),
                "address" | "node-id" if !is_common => self.err(
                    Diagnostic::error(
                        kw.span,
                        format!("`{word}` is not allowed directly in resource `{name}`"),
                    )
                    .hint(format!(
                        "`{word}` belongs in a host section: `on HOSTNAME {{ {word} ...; }}`"
                    )),
                ),
                _ => self.unknown_in(s, &context(), RESOURCE_BODY),
            }
        }
        res
    }

    /// The implicit volume 0 of a statement list; an error when explicit volumes exist.
    fn volume0<'v>(&mut self, volumes: &'v mut Vec<Volume>, at: &Token) -> Option<&'v mut Volume> {
        if volumes.is_empty() {
            volumes.push(Volume::new(0, true, at.span));
        }
        if volumes.len() == 1 && volumes[0].implicit {
            return volumes.first_mut();
        }
        self.err(
            Diagnostic::error(
                at.span,
                "mixing explicit and implicit volumes is not allowed",
            )
            .hint("put this statement inside a `volume N { ... }` section"),
        );
        None
    }

    fn insert_volume(&mut self, volumes: &mut Vec<Volume>, v: Volume) {
        // 8.4 takes a `volume` after implicit statements and objects per host section
        // once the volumes are inherited (drbdadm's expansion reports it there).
        let v84_later = self.dialect == Dialect::V84 && v.vnr != 0;
        if volumes.iter().any(|x| x.implicit) && !v84_later {
            self.err(
                Diagnostic::error(v.span, "mixing explicit and implicit volumes is not allowed")
                    .hint("move `device`/`disk`/`meta-disk` written outside volumes into `volume 0 { ... }`"),
            );
            return;
        }
        if let Some(prev) = volumes.iter().find(|x| x.vnr == v.vnr) {
            let (file, lc) = self.sources.locate(prev.span);
            self.err(
                Diagnostic::error(v.span, format!("volume {} is defined twice", v.vnr))
                    .hint(format!("the first one is at {file}:{}", lc.line)),
            );
            return;
        }
        let pos = volumes
            .iter()
            .position(|x| x.vnr > v.vnr)
            .unwrap_or(volumes.len());
        volumes.insert(pos, v);
    }

    // volume := "volume" INT "{" volume-body "}"
    fn volume(&mut self, s: &Stmt, in_stacked: bool) -> Option<Volume> {
        let kw = s.keyword();
        let vnr = match s.args() {
            [n] => match values::ranged(n, "volume number", 0, 65534) {
                Ok(v) => v,
                Err(d) => {
                    self.err(d);
                    return None;
                }
            },
            [] => {
                self.err(
                    Diagnostic::error(after(kw), "`volume` needs a number")
                        .hint("write `volume 0 { ... }`"),
                );
                return None;
            }
            [_, extra, ..] => {
                self.err(unexpected(extra, "`{`"));
                return None;
            }
        };
        let block = self.expect_block(s, "volume")?;
        let mut vol = Volume::new(vnr, false, s.span);
        for st in &block.stmts {
            let w = st.keyword().as_str();
            if in_stacked && !matches!(w, "device" | "disk") {
                self.unknown_in(st, "a stacked volume", &["device", "disk"]);
                continue;
            }
            if VOLUME_BODY.contains(&w) && st.keyword().kind == TokenKind::Word {
                if w != "disk" && !self.no_block(st, w) {
                    continue;
                }
                self.volume_stmt(&mut vol, st);
            } else {
                self.unknown_in(st, &format!("`volume {vnr} {{ }}`"), VOLUME_BODY);
            }
        }
        Some(vol)
    }

    /// device, disk, meta-disk, flexible-meta-disk, tiebreaker inside a volume.
    fn volume_stmt(&mut self, vol: &mut Volume, s: &Stmt) {
        let kw = s.keyword();
        let args = s.args();
        match kw.as_str() {
            "device" => {
                if vol.device.is_some() {
                    self.err(Diagnostic::error(
                        kw.span,
                        "`device` is given twice for this volume",
                    ));
                    return;
                }
                match values::device(args, s.span) {
                    Ok((d, warnings)) => {
                        for w in warnings {
                            self.err(w);
                        }
                        vol.device = Some(d);
                    }
                    Err(d) => self.err(d),
                }
            }
            "disk" => {
                if let Some(block) = &s.block {
                    self.no_args(s, "disk");
                    let routed = parse_block(
                        &block.stmts,
                        BlockKind::VolumeDisk,
                        self.dialect,
                        self.diags,
                    );
                    for r in routed {
                        match r.section {
                            Section::PeerDevice => vol.pd_opts.push(r.opt),
                            Section::Device => vol.device_opts.push(r.opt),
                            _ => vol.disk_opts.push(r.opt),
                        }
                    }
                    return;
                }
                if vol.disk.is_some() {
                    self.err(Diagnostic::error(
                        kw.span,
                        "`disk` is given twice for this volume",
                    ));
                    return;
                }
                match args {
                    [d] if d.is_kw("none") => vol.disk = Some((None, s.span)),
                    [d] if d.is_value() => vol.disk = Some((Some(d.text.to_string()), s.span)),
                    [d] => self.err(unexpected(d, "a disk device")),
                    [] => self.err(
                        Diagnostic::error(after(kw), "`disk` needs a device or `none`")
                            .hint("write `disk /dev/sdb1;`"),
                    ),
                    [d, extra, ..] => self.err(
                        Diagnostic::error(
                            extra.span,
                            format!(
                                "`disk` takes one device, found `{}` after `{}`",
                                extra.text, d.text
                            ),
                        )
                        .hint(format!("is a `;` missing after `{}`?", d.text)),
                    ),
                }
            }
            "meta-disk" | "flexible-meta-disk" => {
                if vol.meta_disk.is_some() {
                    self.err(Diagnostic::error(
                        kw.span,
                        "`meta-disk` is given twice for this volume",
                    ));
                    return;
                }
                match values::meta_disk(args, s.span, &kw.text) {
                    Ok(m) => {
                        if kw.text == "flexible-meta-disk" {
                            if let MetaDisk::Indexed(..) = m {
                                self.err(Diagnostic::error(
                                    s.span,
                                    "`flexible-meta-disk` takes no index",
                                ));
                                return;
                            }
                        }
                        vol.meta_disk = Some((m, s.span));
                    }
                    Err(d) => self.err(d),
                }
            }
            "tiebreaker" => {
                if !self.v9_only(kw, "`tiebreaker`") {
                    return;
                }
                match args {
                    [v] if v.is_kw("yes") => vol.tiebreaker = Some(true),
                    [v] if v.is_kw("no") => vol.tiebreaker = Some(false),
                    [] => vol.tiebreaker = Some(true),
                    [v, ..] => self.err(unexpected(v, "`yes` or `no`")),
                }
            }
            _ => {}
        }
    }

    // on := "on" HOST+ "{" host-body "}" | "floating" address ("{" host-body "}" | ";") | "_this_host" "{" ... "}"
    fn host_section<'a, 's>(
        &mut self,
        s: &'a Stmt<'s>,
        res: &str,
    ) -> Option<(Host, Vec<&'a Stmt<'s>>)> {
        let kw = s.keyword();
        let kind = match kw.as_str() {
            "on" => {
                if s.args().is_empty() {
                    self.err(
                        Diagnostic::error(after(kw), "`on` needs a host name")
                            .hint("write `on alpha { ... }`"),
                    );
                    return None;
                }
                let mut names = Vec::with_capacity(s.args().len());
                for t in s.args() {
                    match values::name(t, "host name") {
                        Ok(n) => names.push(n),
                        Err(d) => {
                            self.err(d);
                            names.push(t.text.to_string());
                        }
                    }
                }
                HostKind::On(names)
            }
            "floating" => match values::address(s.args(), s.span) {
                Ok((a, used)) => {
                    if let Some(extra) = s.args().get(used) {
                        self.err(unexpected(extra, "`{` or `;`"));
                    }
                    HostKind::Floating(a)
                }
                Err(d) => {
                    self.err(d);
                    return None;
                }
            },
            _ => {
                self.no_args(s, "_this_host");
                HostKind::ThisHost
            }
        };
        let mut host = Host {
            kind,
            span: s.span,
            node_id: None,
            node_id_implicit: false,
            address: None,
            volumes: Vec::new(),
            res_opts: Vec::new(),
            proxy: None,
        };
        let mut hoisted = Vec::new();
        let Some(block) = &s.block else {
            if kw.text == "floating" {
                return Some((host, hoisted));
            }
            self.err(Diagnostic::error(
                s.words.last().map(after).unwrap_or(s.span),
                format!("`{}` needs a `{{ ... }}` block", kw.text),
            ));
            return None;
        };
        let mut seen = Seen::new();
        // For messages only.
        let context = || {
            format!(
                "`{} {{ }}`",
                crate::syntax::shorten(
                    &s.words
                        .iter()
                        .map(|t| t.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            )
        };
        for st in &block.stmts {
            let k = st.keyword();
            let w = k.as_str();
            if k.kind != TokenKind::Word {
                self.unknown_in(st, &context(), HOST_BODY);
                continue;
            }
            if matches!(
                w,
                "on" | "floating"
                    | "stacked-on-top-of"
                    | "net"
                    | "syncer"
                    | "startup"
                    | "handlers"
                    | "connection"
                    | "connection-mesh"
            ) && st.block.is_some()
            {
                // Written after this section's missing `}`: it belongs to the resource.
                hoisted.push(st);
                continue;
            }
            match w {
                "disk" if st.block.is_none() => {
                    if !self.once(&mut seen, "disk", k, res) {
                        continue;
                    }
                    if let Some(v) = self.volume0(&mut host.volumes, k) {
                        self.volume_stmt(v, st);
                    }
                }
                "device" | "meta-disk" | "flexible-meta-disk" => {
                    let key = if w == "device" { "device" } else { "meta-disk" };
                    if !self.no_block(st, w) || !self.once(&mut seen, key, k, res) {
                        continue;
                    }
                    if let Some(v) = self.volume0(&mut host.volumes, k) {
                        self.volume_stmt(v, st);
                    }
                }
                "address" => {
                    if matches!(host.kind, HostKind::Floating(_)) {
                        self.err(
                            Diagnostic::error(
                                k.span,
                                "`address` is not allowed in a `floating` section",
                            )
                            .hint("the floating section's address is written after `floating`"),
                        );
                        continue;
                    }
                    if !self.no_block(st, w) || !self.once(&mut seen, "address", k, res) {
                        continue;
                    }
                    match values::address(st.args(), st.span) {
                        Ok((a, used)) => {
                            if let Some(extra) = st.args().get(used) {
                                self.err(
                                    Diagnostic::error(
                                        extra.span,
                                        format!("unexpected `{}` after the address", extra.text),
                                    )
                                    .hint("is a `;` missing?"),
                                );
                            }
                            host.address = Some(a);
                        }
                        Err(d) => self.err(d),
                    }
                }
                "node-id" => {
                    if !self.v9_only(k, "`node-id`")
                        || !self.no_block(st, w)
                        || !self.once(&mut seen, "node-id", k, res)
                    {
                        continue;
                    }
                    match st.args() {
                        [n] => match values::ranged(n, "node-id", 0, 31) {
                            Ok(_) => host.node_id = Some(n.text.to_string()),
                            Err(d) => self.err(d),
                        },
                        _ => self.err(
                            Diagnostic::error(st.span, "`node-id` takes one number")
                                .hint("write `node-id 0;`"),
                        ),
                    }
                }
                "volume" => {
                    if let Some(v) = self.volume(st, false) {
                        self.insert_volume(&mut host.volumes, v);
                    }
                }
                "options" => {
                    if let Some(b) = self.expect_block(st, "options") {
                        let routed =
                            parse_block(&b.stmts, BlockKind::Options, self.dialect, self.diags);
                        host.res_opts.extend(routed.into_iter().map(|r| r.opt));
                    }
                }
                "proxy" => host.proxy = self.proxy_section(st).map(Box::new),
                "skip" => self.skip(st),
                _ => self.unknown_in(st, &context(), HOST_BODY),
            }
        }
        Some((host, hoisted))
    }

    // stacked := "stacked-on-top-of" LOWER "{" stacked-body "}"
    fn stacked_section(&mut self, s: &Stmt, existing: &[Host]) -> Option<Host> {
        let kw = s.keyword();
        let lower = match s.args() {
            [n] => values::name(n, "resource name")
                .map_err(|d| self.err(d))
                .ok()?,
            _ => {
                self.err(
                    Diagnostic::error(
                        s.span,
                        "`stacked-on-top-of` takes the lower resource's name",
                    )
                    .hint("write `stacked-on-top-of r0 { ... }`"),
                );
                return None;
            }
        };
        if existing
            .iter()
            .any(|h| h.kind == HostKind::StackedOn(lower.clone()))
        {
            self.err(Diagnostic::error(
                kw.span,
                format!("`stacked-on-top-of {lower}` is given twice"),
            ));
            return None;
        }
        let block = self.expect_block(s, "stacked-on-top-of")?;
        let mut host = Host {
            kind: HostKind::StackedOn(lower),
            span: s.span,
            node_id: None,
            node_id_implicit: false,
            address: None,
            volumes: Vec::new(),
            res_opts: Vec::new(),
            proxy: None,
        };
        for st in &block.stmts {
            let k = st.keyword();
            match k.as_str() {
                "device" => {
                    if let Some(v) = self.volume0(&mut host.volumes, k) {
                        self.volume_stmt(v, st);
                        v.meta_disk = Some((MetaDisk::Internal, st.span));
                    }
                }
                "address" => match values::address(st.args(), st.span) {
                    Ok((a, _)) => host.address = Some(a),
                    Err(d) => self.err(d),
                },
                "proxy" => host.proxy = self.proxy_section(st).map(Box::new),
                "volume" => {
                    if let Some(v) = self.volume(st, true) {
                        self.insert_volume(&mut host.volumes, v);
                    }
                }
                "node-id" => match st.args() {
                    [n] => match values::ranged(n, "node-id", 0, 31) {
                        Ok(_) => host.node_id = Some(n.text.to_string()),
                        Err(d) => self.err(d),
                    },
                    _ => self.err(Diagnostic::error(st.span, "`node-id` takes one number")),
                },
                _ => self.unknown_in(
                    st,
                    "`stacked-on-top-of { }`",
                    &["device", "address", "proxy", "volume", "node-id"],
                ),
            }
        }
        Some(host)
    }

    // proxy-section := "proxy" "on" HOST+ "{" ("inside" address ";" | "outside" address ";" | "options" "{" ... "}")* "}"
    fn proxy_section(&mut self, s: &Stmt) -> Option<ProxyInfo> {
        self.proxy_from(&s.words[1..], s.block.as_ref(), s.span)
    }

    fn proxy_from(
        &mut self,
        words: &[Token],
        block: Option<&crate::syntax::Block>,
        span: Span,
    ) -> Option<ProxyInfo> {
        let Some(on) = words.first().filter(|t| t.is_kw("on")) else {
            self.err(Diagnostic::error(
                span,
                "`proxy` here needs `on HOST { inside ...; outside ...; }`",
            ));
            return None;
        };
        let hosts: Vec<String> = words[1..]
            .iter()
            .filter_map(|t| values::name(t, "host name").map_err(|d| self.err(d)).ok())
            .collect();
        if hosts.is_empty() {
            self.err(Diagnostic::error(after(on), "`proxy on` needs a host name"));
        }
        let Some(block) = block else {
            self.err(Diagnostic::error(
                span,
                "`proxy on HOST` needs a `{ ... }` block",
            ));
            return None;
        };
        let mut p = ProxyInfo {
            on_hosts: hosts,
            inside: None,
            outside: None,
            options: Vec::new(),
            plugins: Vec::new(),
            span,
        };
        for st in &block.stmts {
            match st.keyword().as_str() {
                "inside" | "outside" => match values::address(st.args(), st.span) {
                    Ok((a, _)) => {
                        if st.keyword().text == "inside" {
                            p.inside = Some(a);
                        } else {
                            p.outside = Some(a);
                        }
                    }
                    Err(d) => self.err(d),
                },
                "options" => {
                    if let Some(b) = &st.block {
                        let (o, pl) = self.proxy_options(&b.stmts);
                        p.options = o;
                        p.plugins = pl;
                    }
                }
                _ => self.unknown_in(st, "`proxy on ... { }`", &["inside", "outside", "options"]),
            }
        }
        if p.inside.is_none() {
            self.err(Diagnostic::error(
                span,
                "proxy section without `inside` address",
            ));
        }
        if p.outside.is_none() {
            self.err(Diagnostic::error(
                span,
                "proxy section without `outside` address",
            ));
        }
        Some(p)
    }

    fn proxy_options(&mut self, stmts: &[Stmt]) -> (Options, Vec<String>) {
        let mut plugins = Vec::new();
        let mut rest = Vec::new();
        for st in stmts {
            if st.keyword().is_kw("plugin") {
                if let Some(b) = &st.block {
                    for line in &b.stmts {
                        plugins.push(
                            line.words
                                .iter()
                                .map(|t| t.as_str())
                                .collect::<Vec<_>>()
                                .join(" "),
                        );
                    }
                }
            } else {
                rest.push(st.clone());
            }
        }
        let routed = parse_block(&rest, BlockKind::Proxy, self.dialect, self.diags);
        (routed.into_iter().map(|r| r.opt).collect(), plugins)
    }

    // connection := "connection" [NAME] "{" connection-body "}"
    fn connection(&mut self, s: &Stmt) -> Option<Connection> {
        let kw = s.keyword();
        let name = match s.args() {
            [] => None,
            [n] => {
                self.err(
                    Diagnostic::warning(
                        n.span,
                        format!(
                            "explicitly named connections are deprecated; the name `{}` is ignored",
                            n.text
                        ),
                    )
                    .hint("set `net { _name NAME; }` if you need a connection name"),
                );
                Some(n.text.to_string())
            }
            [_, extra, ..] => {
                self.err(unexpected(extra, "`{`"));
                None
            }
        };
        let block = self.expect_block(s, "connection")?;
        let mut c = Connection {
            name,
            span: s.span,
            paths: Vec::new(),
            net_opts: Vec::new(),
            pd_opts: Vec::new(),
            peer_devices: Vec::new(),
            peer_node_id: None,
        };
        let mut implicit = Path {
            span: s.span,
            implicit: true,
            hosts: Vec::new(),
        };
        let mut seen = Seen::new();
        for st in &block.stmts {
            let k = st.keyword();
            match k.as_str() {
                "host" | "address" | "_this_host" | "_remote_host" => {
                    if let Some(h) = self.host_addr(st) {
                        implicit.hosts.push(h);
                    }
                }
                "path" => {
                    if let Some(b) = self.expect_block(st, "path") {
                        let mut p = Path {
                            span: st.span,
                            implicit: false,
                            hosts: Vec::new(),
                        };
                        for hs in &b.stmts {
                            if matches!(
                                hs.keyword().as_str(),
                                "host" | "address" | "_this_host" | "_remote_host"
                            ) {
                                if let Some(h) = self.host_addr(hs) {
                                    p.hosts.push(h);
                                }
                            } else {
                                self.unknown_in(hs, "`path { }`", &["host", "address"]);
                            }
                        }
                        if p.hosts.len() > 2 {
                            self.err(Diagnostic::error(
                                st.span,
                                format!(
                                    "a path connects two hosts; this one names {}",
                                    p.hosts.len()
                                ),
                            ));
                        }
                        c.paths.push(p);
                    }
                }
                "net" => {
                    if !self.once(&mut seen, "connection net", k, "") {
                        continue;
                    }
                    if let Some(b) = self.expect_block(st, "net") {
                        c.net_opts =
                            parse_block(&b.stmts, BlockKind::Net, self.dialect, self.diags)
                                .into_iter()
                                .map(|r| r.opt)
                                .collect();
                    }
                }
                "disk" => {
                    if let Some(b) = self.expect_block(st, "disk") {
                        c.pd_opts.extend(
                            parse_block(
                                &b.stmts,
                                BlockKind::ConnectionDisk,
                                self.dialect,
                                self.diags,
                            )
                            .into_iter()
                            .map(|r| r.opt),
                        );
                    }
                }
                "volume" => {
                    let vnr = st.args().first().and_then(|t| {
                        values::ranged(t, "volume number", 0, 65534)
                            .map_err(|d| self.err(d))
                            .ok()
                    });
                    if let (Some(vnr), Some(b)) = (vnr, self.expect_block(st, "volume")) {
                        let mut pd = PeerDevice {
                            vnr,
                            pd_opts: Vec::new(),
                            span: st.span,
                        };
                        for vs in &b.stmts {
                            if vs.keyword().is_kw("disk") {
                                if let Some(db) = &vs.block {
                                    pd.pd_opts.extend(
                                        parse_block(
                                            &db.stmts,
                                            BlockKind::ConnectionDisk,
                                            self.dialect,
                                            self.diags,
                                        )
                                        .into_iter()
                                        .map(|r| r.opt),
                                    );
                                }
                            } else {
                                self.unknown_in(vs, "a connection's `volume { }`", &["disk"]);
                            }
                        }
                        c.peer_devices.push(pd);
                    }
                }
                "_peer_node_id" => {
                    if let [v] = st.args() {
                        c.peer_node_id = Some(v.text.to_string());
                    }
                }
                "_cstate" | "skip" => {}
                _ => self.unknown_in(st, "`connection { }`", CONNECTION_BODY),
            }
        }
        if !implicit.hosts.is_empty() {
            if !c.paths.is_empty() {
                self.err(
                    Diagnostic::error(
                        kw.span,
                        "explicit and implicit paths are not allowed together",
                    )
                    .hint("move the `host` statements into `path { ... }` sections"),
                );
            }
            if implicit.hosts.len() > 2 {
                self.err(
                    Diagnostic::error(
                        kw.span,
                        format!(
                            "a connection names two hosts; this one names {}",
                            implicit.hosts.len()
                        ),
                    )
                    .hint("use `connection-mesh` or one connection per pair"),
                );
            }
            c.paths.insert(0, implicit);
        }
        if c.paths.is_empty() {
            self.err(
                Diagnostic::error(kw.span, "connection without a path")
                    .hint("name both ends: `host alpha; host bravo;` or `path { ... }`"),
            );
        }
        Some(c)
    }

    // host-stmt := "host" NAME ["address" address | "port" INT] ["via" ...] ";" | "address" address ";"
    fn host_addr(&mut self, st: &Stmt) -> Option<HostAddr> {
        let k = st.keyword();
        let args = st.args();
        let mut h = HostAddr {
            name: String::new(),
            by_address: false,
            address: None,
            port: None,
            outside: None,
            proxy: None,
            span: st.span,
        };
        let mut i;
        match k.as_str() {
            "address" | "_this_host" | "_remote_host" => {
                let (a, used) = values::address(args, st.span)
                    .map_err(|d| self.err(d))
                    .ok()?;
                h.name = if k.text == "address" {
                    a.addr.clone()
                } else {
                    k.text.to_string()
                };
                h.by_address = k.text == "address";
                h.address = Some(a);
                i = used;
            }
            _ => {
                let Some(n) = args.first() else {
                    self.err(Diagnostic::error(after(k), "`host` needs a host name"));
                    return None;
                };
                h.name = values::name(n, "host name")
                    .map_err(|d| self.err(d))
                    .unwrap_or_else(|_| n.text.to_string());
                i = 1;
                match args.get(i) {
                    Some(t) if t.is_kw("address") => {
                        let (a, used) = values::address(&args[i + 1..], st.span)
                            .map_err(|d| self.err(d))
                            .ok()?;
                        h.address = Some(a);
                        i += 1 + used;
                    }
                    Some(t) if t.is_kw("port") => {
                        let p = args.get(i + 1).and_then(|p| {
                            values::ranged(p, "port", 1, 65535)
                                .map_err(|d| self.err(d))
                                .ok()
                                .map(|_| p.text.to_string())
                        });
                        h.port = p;
                        i += 2;
                    }
                    _ => {}
                }
            }
        }
        if let Some(t) = args.get(i) {
            if t.is_kw("via") {
                match args.get(i + 1) {
                    Some(v) if v.is_kw("outside-address") => {
                        match values::address(&args[i + 2..], st.span) {
                            Ok((a, _)) => h.outside = Some(a),
                            Err(d) => self.err(d),
                        }
                    }
                    Some(v) if v.is_kw("proxy") => {
                        h.proxy = self
                            .proxy_from(&args[i + 2..], st.block.as_ref(), st.span)
                            .map(Box::new)
                    }
                    Some(v) => self.err(unexpected(v, "`proxy` or `outside-address`")),
                    None => self.err(Diagnostic::error(
                        after(t),
                        "`via` needs `proxy on ...` or `outside-address ...`",
                    )),
                }
            } else {
                self.err(unexpected(t, "`address`, `port`, `via` or `;`"));
            }
        }
        Some(h)
    }

    // mesh := "connection-mesh" "{" "hosts" HOST+ ";" [ "net" "{" ... "}" ] "}"
    fn mesh(&mut self, s: &Stmt) -> Option<Mesh> {
        let block = self.expect_block(s, "connection-mesh")?;
        let mut m = Mesh {
            hosts: Vec::new(),
            net_opts: Vec::new(),
            span: s.span,
        };
        for st in &block.stmts {
            match st.keyword().as_str() {
                "hosts" => {
                    for t in st.args() {
                        match values::name(t, "host name") {
                            Ok(n) => m.hosts.push(n),
                            Err(d) => self.err(d),
                        }
                    }
                }
                "net" => {
                    if let Some(b) = &st.block {
                        m.net_opts =
                            parse_block(&b.stmts, BlockKind::Net, self.dialect, self.diags)
                                .into_iter()
                                .map(|r| r.opt)
                                .collect();
                    }
                }
                _ => self.unknown_in(st, "`connection-mesh { }`", &["hosts", "net"]),
            }
        }
        if m.hosts.is_empty() {
            self.err(
                Diagnostic::error(s.span, "`connection-mesh` without `hosts`")
                    .hint("write `hosts alpha bravo charlie;`"),
            );
        }
        Some(m)
    }
}

/// `on`, `stacked-on-top-of`, `floating` or `_this_host`.
fn is_host_section(kw: &Token) -> bool {
    matches!(
        kw.as_str(),
        "on" | "stacked-on-top-of" | "floating" | "_this_host"
    )
}

/// Gives back the spare room of a finished resource's lists. They grow by pushing, and
/// the slack (room for four hosts where two are written) would be most of a big model.
fn shrink(res: &mut Resource) {
    fn options(list: &mut Options) {
        list.shrink_to_fit();
    }
    fn volumes(list: &mut Vec<Volume>) {
        list.shrink_to_fit();
        for v in list {
            options(&mut v.disk_opts);
            options(&mut v.pd_opts);
            options(&mut v.device_opts);
        }
    }
    fn proxy(p: &mut Option<Box<ProxyInfo>>) {
        if let Some(p) = p {
            p.on_hosts.shrink_to_fit();
            options(&mut p.options);
            p.plugins.shrink_to_fit();
        }
    }
    let o = &mut res.opts;
    for list in [
        &mut o.res,
        &mut o.net,
        &mut o.disk,
        &mut o.pd,
        &mut o.device,
        &mut o.startup,
        &mut o.proxy,
        &mut o.handlers,
    ] {
        options(list);
    }
    o.proxy_plugins.shrink_to_fit();
    volumes(&mut res.volumes);
    res.hosts.shrink_to_fit();
    for h in &mut res.hosts {
        if let HostKind::On(names) = &mut h.kind {
            names.shrink_to_fit();
        }
        volumes(&mut h.volumes);
        options(&mut h.res_opts);
        proxy(&mut h.proxy);
    }
    res.connections.shrink_to_fit();
    for c in &mut res.connections {
        c.paths.shrink_to_fit();
        for p in &mut c.paths {
            p.hosts.shrink_to_fit();
            for ha in &mut p.hosts {
                proxy(&mut ha.proxy);
            }
        }
        options(&mut c.net_opts);
        options(&mut c.pd_opts);
        c.peer_devices.shrink_to_fit();
        for pd in &mut c.peer_devices {
            options(&mut pd.pd_opts);
        }
    }
    res.meshes.shrink_to_fit();
    for m in &mut res.meshes {
        m.hosts.shrink_to_fit();
        options(&mut m.net_opts);
    }
}

/// Upstream's implicit node ids for 8.4-style two-host configs (no `node-id`, no
/// `connection`): crc32c (seed 0x1a656f21) of each host's address, compared as signed
/// ints; the larger gets node id 0 (`generate_implicit_node_id`, drbdadm_postparse.c).
fn implicit_node_ids(res: &mut Resource) {
    if !res.connections.is_empty()
        || !res.meshes.is_empty()
        || res.hosts.iter().any(|h| h.node_id.is_some())
    {
        return;
    }
    let idx: Vec<usize> = res
        .hosts
        .iter()
        .enumerate()
        .filter(|(_, h)| !matches!(h.kind, HostKind::ThisHost))
        .map(|(i, _)| i)
        .collect();
    if idx.len() != 2 {
        return;
    }
    let hash = |h: &Host| -> Option<i32> {
        let a = match &h.kind {
            HostKind::Floating(a) => a,
            _ => h.address.as_ref()?,
        };
        Some(crate::crc32c::crc32c(0x1a65_6f21, a.addr.as_bytes()) as i32)
    };
    let (Some(h0), Some(h1)) = (hash(&res.hosts[idx[0]]), hash(&res.hosts[idx[1]])) else {
        return;
    };
    let (id0, id1) = match h0.cmp(&h1) {
        std::cmp::Ordering::Greater => ("0", "1"),
        std::cmp::Ordering::Less => ("1", "0"),
        std::cmp::Ordering::Equal => return,
    };
    res.hosts[idx[0]].node_id = Some(id0.into());
    res.hosts[idx[0]].node_id_implicit = true;
    res.hosts[idx[1]].node_id = Some(id1.into());
    res.hosts[idx[1]].node_id_implicit = true;
}
