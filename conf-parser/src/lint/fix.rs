//! `--fix`: rewrites the legacy syntax [`checks::legacy::scan`] finds into the current
//! dialect, as text edits on each file, so that everything else (comments, layout, the
//! order of sections) stays as written. The 8.3 `syncer { }` block is distributed into the
//! `disk`, `net` and `options` sections of the same resource (merged into existing ones),
//! resource-level `protocol` (and, for DRBD 9, `fencing` in `disk`) moves into `net`,
//! `no-FLAG;` becomes `FLAG no;`, 8.3 names are renamed, DRBD 8 handler scripts get their
//! `.9.sh` variants, and retired or ignored keywords are commented out with a note.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::lexer::TokenKind;
use crate::lint::checks::legacy::{scan, trees, Item};
use crate::lint::finding::display_path;
use crate::model::Config;
use crate::options::{self, Dialect, Section};
use crate::source::FileId;
use crate::syntax::Stmt;

/// The rewrite of one file.
#[derive(Debug)]
pub struct FileFix {
    /// The file.
    pub file: FileId,
    /// Its name as shown.
    pub display: String,
    /// Where to write it (`None` for standard input).
    pub path: Option<PathBuf>,
    /// The text before.
    pub old: String,
    /// The text after.
    pub new: String,
}

impl FileFix {
    /// A unified diff from the old to the new text.
    pub fn diff(&self) -> String {
        similar::TextDiff::from_lines(&self.old, &self.new)
            .unified_diff()
            .context_radius(3)
            .header(
                &format!("a/{}", self.display),
                &format!("b/{}", self.display),
            )
            .to_string()
    }
}

/// The rewrites of every file of `config` that has legacy syntax.
pub fn fixes(config: &Config, cwd: &std::path::Path) -> Vec<FileFix> {
    let mut out = Vec::new();
    for (id, stmts) in trees(&config.sources) {
        let file = config.sources.file(id);
        let comments = crate::lexer::lex(id, &file.text).comments;
        let mut e = Editor {
            text: &file.text,
            comments: comments
                .iter()
                .map(|c| (c.start as usize, c.end as usize))
                .collect(),
            edits: Vec::new(),
            dialect: config.dialect,
        };
        e.plan(&stmts);
        let new = e.apply();
        if *new != *file.text {
            out.push(FileFix {
                file: id,
                display: display_path(&file.name, cwd),
                path: file.canonical.clone(),
                old: file.text.to_string(),
                new,
            });
        }
    }
    out
}

/// A replacement of `start..end` by `text`; `seq` keeps insertions at one place in order.
struct Edit {
    start: usize,
    end: usize,
    seq: usize,
    text: String,
}

/// Where a moved statement comes from and what it becomes.
struct Moved {
    /// Comment lines that stood in front of it.
    leading: Vec<String>,
    /// The statement in its new form, with a trailing comment if it had one.
    body: String,
}

/// A statement to move: itself, the statement of the body containing it, its target block.
type MoveSrc<'s> = (&'s Stmt<'s>, &'s Stmt<'s>, &'static str);

struct Editor<'t> {
    text: &'t str,
    comments: Vec<(usize, usize)>,
    edits: Vec<Edit>,
    dialect: Dialect,
}

fn line_start(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// The end of the line containing `pos`, before its newline.
fn line_end(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text[pos..].find('\n').map_or(text.len(), |i| pos + i)
}

fn indent_at(text: &str, pos: usize) -> String {
    let ls = line_start(text, pos);
    text[ls..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

impl<'t> Editor<'t> {
    fn edit(&mut self, start: usize, end: usize, text: impl Into<String>) {
        let seq = self.edits.len();
        self.edits.push(Edit {
            start,
            end,
            seq,
            text: text.into(),
        });
    }

    fn apply(mut self) -> String {
        self.edits
            .sort_by_key(|e| (e.start, e.end > e.start, e.seq));
        let mut out = String::with_capacity(self.text.len());
        let mut pos = 0;
        for e in &self.edits {
            if e.start < pos {
                continue; // overlapping edit: keep the first
            }
            out.push_str(&self.text[pos..e.start]);
            out.push_str(&e.text);
            pos = e.end;
        }
        out.push_str(&self.text[pos..]);
        out
    }

    fn span(&self, s: &Stmt) -> (usize, usize) {
        (s.span.start as usize, s.span.end as usize)
    }

    /// The trailing `# comment` on the statement's last line, if only that follows it.
    fn trailing_comment(&self, end: usize) -> Option<&'t str> {
        let rest = &self.text[end..line_end(self.text, end)];
        let t = rest.trim_start();
        t.starts_with('#').then_some(t.trim_end())
    }

    /// True if the statement stands alone on its lines (a trailing comment allowed).
    fn whole_lines(&self, start: usize, end: usize) -> bool {
        self.text[line_start(self.text, start)..start]
            .trim()
            .is_empty()
            && (self.text[end..line_end(self.text, end)].trim().is_empty()
                || self.trailing_comment(end).is_some())
    }

    /// The range to delete for a statement: its whole lines when it stands alone.
    fn deletion(&self, start: usize, end: usize) -> (usize, usize) {
        if self.whole_lines(start, end) {
            let le = line_end(self.text, end);
            (line_start(self.text, start), (le + 1).min(self.text.len()))
        } else {
            let mut e = end;
            if self.text[e..].starts_with(' ') {
                e += 1;
            }
            (start, e)
        }
    }

    /// The statement's text from `from` (e.g. after the keyword) to its end, with its
    /// trailing comment.
    fn stmt_tail(&self, s: &Stmt, from: usize) -> String {
        let (_, end) = self.span(s);
        let mut t = self.text[from..end].to_string();
        if let Some(c) = self.trailing_comment(end) {
            t.push(' ');
            t.push_str(c);
        }
        t
    }

    /// One level of indentation as this file writes it: the first block (in `body`, or
    /// `body` itself) whose statements are indented further than its keyword.
    fn indent_unit(&self, body: &Stmt) -> String {
        let step = |st: &Stmt| -> Option<String> {
            let outer = indent_at(self.text, st.span.start as usize);
            let first = st.block.as_ref()?.stmts.first()?;
            if self.text
                [line_start(self.text, first.span.start as usize)..first.span.start as usize]
                .trim()
                .is_empty()
            {
                let inner = indent_at(self.text, first.span.start as usize);
                if inner.len() > outer.len() && inner.starts_with(&outer) {
                    return Some(inner[outer.len()..].to_string());
                }
            }
            None
        };
        body.block
            .iter()
            .flat_map(|b| b.stmts.iter())
            .find_map(step)
            .or_else(|| step(body))
            .unwrap_or_else(|| "    ".into())
    }

    /// Comments out a statement with a note in front.
    fn comment_out(&mut self, s: &Stmt, note: &str) {
        let (start, end) = self.span(s);
        let indent = indent_at(self.text, start);
        let mut lines = vec![format!("{indent}# drbdadm lint --fix: {note}:")];
        for l in self.text[start..end].lines() {
            lines.push(format!("{indent}# {}", l.trim_start()));
        }
        if self.whole_lines(start, end) {
            let (ds, de) = self.deletion(start, end);
            let trail = self
                .trailing_comment(end)
                .map(|c| format!(" {c}"))
                .unwrap_or_default();
            let mut text = lines.join("\n");
            text.push_str(&trail);
            text.push('\n');
            self.edit(ds, de, text);
        } else {
            let (ds, de) = self.deletion(start, end);
            self.edit(ds, de, "");
            let ls = line_start(self.text, start);
            self.edit(ls, ls, lines.join("\n") + "\n");
        }
    }

    fn plan(&mut self, stmts: &[Stmt]) {
        let items = scan(stmts, self.dialect);
        // Moves are grouped by the resource or common body they happen in.
        let mut moves: BTreeMap<u32, (&Stmt, Vec<MoveSrc<'_>>)> = BTreeMap::new();
        let mut syncers: BTreeMap<u32, Vec<&Stmt>> = BTreeMap::new();
        for item in &items {
            match item {
                Item::NoFlag { stmt, bare } => {
                    let (s, e) = self.span(stmt);
                    self.edit(s, e, format!("{bare} no;"));
                }
                Item::FlexibleMetaDisk { kw } => {
                    self.edit(kw.span.start as usize, kw.span.end as usize, "meta-disk")
                }
                Item::Renamed { kw, new } => {
                    self.edit(kw.span.start as usize, kw.span.end as usize, *new)
                }
                Item::Handler9 { value, old, new } => {
                    if let Some(n) = new {
                        let (s, e) = (value.span.start as usize, value.span.end as usize);
                        let raw = self.text[s..e].replace(old, n);
                        self.edit(s, e, raw);
                    }
                }
                Item::Retired { stmt, entry } => self.comment_out(
                    stmt,
                    &format!(
                        "removed in DRBD {}, use {}",
                        entry.dropped_in, entry.replacement
                    ),
                ),
                Item::BecomePrimary { stmt } => self.comment_out(
                    stmt,
                    "ignored by DRBD 9; let the cluster manager promote, or use `options { auto-promote yes; }`",
                ),
                Item::Move {
                    stmt,
                    body,
                    outer,
                    to,
                } => moves
                    .entry(body.span.start)
                    .or_insert_with(|| (body, Vec::new()))
                    .1
                    .push((stmt, outer, to)),
                Item::Syncer { stmt, body } => {
                    moves
                        .entry(body.span.start)
                        .or_insert_with(|| (body, Vec::new()));
                    syncers.entry(body.span.start).or_default().push(stmt);
                }
            }
        }
        for (key, (body, list)) in moves {
            let syncer = syncers.remove(&key).unwrap_or_default();
            self.plan_moves(body, &list, &syncer);
        }
    }

    /// The options of a `syncer` block as moved statements, by target block, in order.
    fn syncer_items(
        &self,
        syncer: &Stmt,
        targets: &mut Vec<(&'static str, Vec<Moved>)>,
    ) -> Vec<String> {
        let Some(block) = &syncer.block else {
            return Vec::new();
        };
        let open_end = block.open.end as usize;
        let close_start = block
            .close
            .map_or(syncer.span.end as usize, |c| c.start as usize);
        // Own-line comments inside the block, in order; trailing ones go with their option.
        let mut loose: Vec<(usize, String)> = self
            .comments
            .iter()
            .filter(|(s, _)| *s >= open_end && *s < close_start)
            .filter(|(s, _)| {
                !block.stmts.iter().any(|st| {
                    let e = st.span.end as usize;
                    *s >= e && *s <= line_end(self.text, e) && self.trailing_comment(e).is_some()
                })
            })
            .map(|(s, e)| (*s, self.text[*s..*e].trim_end().to_string()))
            .collect();
        loose.reverse();
        let mut last_target: Option<usize> = None;
        for st in &block.stmts {
            let mut leading = Vec::new();
            while loose
                .last()
                .is_some_and(|(p, _)| *p < st.span.start as usize)
            {
                if let Some((_, c)) = loose.pop() {
                    leading.push(c);
                }
            }
            let kw = st.keyword();
            let written = kw.as_str();
            let (neg, bare) = match written.strip_prefix("no-") {
                Some(b) if st.args().is_empty() => (true, b),
                _ => (false, written),
            };
            if let Some(r) = crate::legacy::retired(bare) {
                leading.push(format!(
                    "# drbdadm lint --fix: removed in DRBD {}, use {}: {}",
                    r.dropped_in,
                    r.replacement,
                    self.text[st.span.start as usize..st.span.end as usize].trim()
                ));
                let i = last_target.unwrap_or(0);
                if targets.is_empty() {
                    targets.push(("disk", Vec::new()));
                }
                targets[i].1.push(Moved {
                    leading,
                    body: String::new(),
                });
                continue;
            }
            let name = crate::legacy::syncer_alias(bare).unwrap_or(bare);
            let to = [
                Section::Net,
                Section::Disk,
                Section::Resource,
                Section::PeerDevice,
            ]
            .iter()
            .find_map(|&s| options::lookup(name, s, self.dialect).map(|(_, spec)| spec.section))
            .map_or("disk", Section::block_keyword);
            let body = if neg && kw.kind == TokenKind::Word {
                format!("{name} no;{}", self.stmt_tail(st, st.span.end as usize))
            } else {
                format!("{name}{}", self.stmt_tail(st, kw.span.end as usize))
            };
            let i = match targets.iter().position(|(t, _)| *t == to) {
                Some(i) => i,
                None => {
                    targets.push((to, Vec::new()));
                    targets.len() - 1
                }
            };
            targets[i].1.push(Moved { leading, body });
            last_target = Some(i);
        }
        loose.into_iter().rev().map(|(_, c)| c).collect()
    }

    fn plan_moves(
        &mut self,
        body: &Stmt,
        list: &[(&Stmt, &Stmt, &'static str)],
        syncers: &[&Stmt],
    ) {
        let unit = self.indent_unit(body);
        let mut targets: Vec<(&'static str, Vec<Moved>)> = Vec::new();
        // Where a new block goes: (position, replaces a deleted statement there).
        let mut anchor: Option<usize> = None;
        let mut deleted_at: Vec<(usize, usize)> = Vec::new();
        for (stmt, outer, to) in list {
            let (s, e) = self.span(stmt);
            let moved = Moved {
                leading: Vec::new(),
                body: self.stmt_tail(stmt, s),
            };
            match targets.iter_mut().find(|(t, _)| t == to) {
                Some((_, v)) => v.push(moved),
                None => targets.push((to, vec![moved])),
            }
            let del = self.deletion(s, e);
            deleted_at.push(del);
            if anchor.is_none() {
                anchor = Some(if std::ptr::eq(*stmt, *outer) {
                    del.0
                } else {
                    (line_end(self.text, outer.span.end as usize) + 1).min(self.text.len())
                });
            }
        }
        let mut leftover_comments = Vec::new();
        for syncer in syncers {
            leftover_comments.extend(self.syncer_items(syncer, &mut targets));
            let (s, e) = self.span(syncer);
            let del = self.deletion(s, e);
            deleted_at.push(del);
            if anchor.is_none() {
                anchor = Some(del.0);
            }
        }
        for (s, e) in &deleted_at {
            self.edit(*s, *e, "");
        }
        let anchor = anchor.unwrap_or(body.span.end as usize);
        // New blocks are indented like the statement they replace (or follow).
        let level_from = list
            .first()
            .map(|(_, outer, _)| outer.span.start as usize)
            .or_else(|| syncers.first().map(|s| s.span.start as usize))
            .unwrap_or(body.span.start as usize);
        let inner_indent = indent_at(self.text, level_from);
        let mut new_blocks = String::new();
        for (to, moved) in &targets {
            let existing = body.block.as_ref().and_then(|b| {
                b.stmts.iter().find(|s| {
                    s.keyword().is_kw(to)
                        && s.block.as_ref().is_some_and(|bl| bl.close.is_some())
                        && !deleted_at.iter().any(|(ds, de)| {
                            (s.span.start as usize) >= *ds && (s.span.end as usize) <= *de
                        })
                })
            });
            match existing {
                Some(target) => self.insert_into(target, moved, &unit),
                None => {
                    new_blocks.push_str(&format!("{inner_indent}{to} {{\n"));
                    for m in moved {
                        for l in &m.leading {
                            new_blocks.push_str(&format!("{inner_indent}{unit}{l}\n"));
                        }
                        if !m.body.is_empty() {
                            new_blocks.push_str(&format!("{inner_indent}{unit}{}\n", m.body));
                        }
                    }
                    new_blocks.push_str(&format!("{inner_indent}}}\n"));
                }
            }
        }
        for c in leftover_comments {
            new_blocks.push_str(&format!("{inner_indent}{c}\n"));
        }
        if !new_blocks.is_empty() {
            // At the start of a line; if the anchor is mid-line, open a new line first.
            if anchor > 0 && !self.text[..anchor].ends_with('\n') {
                new_blocks.insert(0, '\n');
            }
            self.edit(anchor, anchor, new_blocks);
        }
    }

    /// Inserts moved statements before the closing brace of `target`.
    fn insert_into(&mut self, target: &Stmt, moved: &[Moved], unit: &str) {
        let Some(close) = target.block.as_ref().and_then(|b| b.close) else {
            return;
        };
        let c = close.start as usize;
        let ls = line_start(self.text, c);
        let multi_line = moved
            .iter()
            .any(|m| !m.leading.is_empty() || m.body.contains('#'));
        if self.text[ls..c].trim().is_empty() {
            let close_indent = &self.text[ls..c];
            let inner = target
                .block
                .as_ref()
                .and_then(|b| b.stmts.first())
                .map(|s| indent_at(self.text, s.span.start as usize))
                .unwrap_or_else(|| format!("{close_indent}{unit}"));
            let mut t = String::new();
            for m in moved {
                for l in &m.leading {
                    t.push_str(&format!("{inner}{l}\n"));
                }
                if !m.body.is_empty() {
                    t.push_str(&format!("{inner}{}\n", m.body));
                }
            }
            self.edit(ls, ls, t);
        } else if !multi_line {
            let mut t = String::new();
            let before = &self.text[..c];
            if !before.ends_with(' ') || before.ends_with('{') {
                t.push(' ');
            }
            let bodies: Vec<&str> = moved
                .iter()
                .map(|m| m.body.as_str())
                .filter(|b| !b.is_empty())
                .collect();
            t.push_str(&bodies.join(" "));
            t.push(' ');
            self.edit(c, c, t);
        } else {
            let outer = indent_at(self.text, target.span.start as usize);
            let mut t = String::from("\n");
            for m in moved {
                for l in &m.leading {
                    t.push_str(&format!("{outer}{unit}{l}\n"));
                }
                if !m.body.is_empty() {
                    t.push_str(&format!("{outer}{unit}{}\n", m.body));
                }
            }
            t.push_str(&outer);
            self.edit(c, c, t);
        }
    }
}
