//! Include cycles: the loader reads each file once, so an `include` that leads back to a
//! file still being read is skipped without a word (as upstream's `was_file_already_seen`).
//! This check walks the include graph and names the cycle. (Globs that match nothing and
//! files that cannot be read are the loader's own findings, DRBD205 and DRBD207.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Ctx;
use crate::lint::finding::{display_path, Finding};
use crate::source::{FileId, Span};

/// All findings of this module.
pub fn check(ctx: &Ctx<'_>) -> Vec<Finding> {
    let sources = &ctx.config.sources;
    // canonical path -> file id
    let mut ids: BTreeMap<PathBuf, FileId> = BTreeMap::new();
    for i in 0..sources.len() {
        let id = FileId(i as u32);
        if let Some(c) = &sources.file(id).canonical {
            ids.insert(c.clone(), id);
        }
    }
    // file -> [(include pattern span, target file)]
    let mut edges: BTreeMap<FileId, Vec<(Span, PathBuf)>> = BTreeMap::new();
    for (id, stmts) in ctx.trees {
        let base = sources.file(*id).include_base();
        for st in stmts {
            if !st.keyword().is_kw("include") || st.block.is_some() {
                continue;
            }
            let [pattern] = st.args() else { continue };
            for target in expand(&base, &pattern.text) {
                edges.entry(*id).or_default().push((pattern.span, target));
            }
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = Vec::new();
    let mut done: Vec<PathBuf> = Vec::new();
    if let Some(main) = sources.file(ctx.config.main_file).canonical.clone() {
        walk(ctx, &main, &ids, &edges, &mut stack, &mut done, &mut out);
    }
    out
}

fn expand(base: &Path, pattern: &str) -> Vec<PathBuf> {
    let full = if Path::new(pattern).is_absolute() {
        PathBuf::from(pattern)
    } else {
        base.join(pattern)
    };
    let Ok(paths) = glob::glob(&full.to_string_lossy()) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = paths
        .filter_map(Result::ok)
        .map(|p| std::fs::canonicalize(&p).unwrap_or(p))
        .collect();
    v.sort();
    v
}

fn walk(
    ctx: &Ctx<'_>,
    file: &Path,
    ids: &BTreeMap<PathBuf, FileId>,
    edges: &BTreeMap<FileId, Vec<(Span, PathBuf)>>,
    stack: &mut Vec<PathBuf>,
    done: &mut Vec<PathBuf>,
    out: &mut Vec<Finding>,
) {
    if done.iter().any(|d| d == file) {
        return;
    }
    stack.push(file.to_path_buf());
    if let Some(list) = ids.get(file).and_then(|id| edges.get(id)) {
        for (span, target) in list {
            if let Some(pos) = stack.iter().position(|s| s == target) {
                let chain: Vec<String> = stack[pos..]
                    .iter()
                    .chain(std::iter::once(target))
                    .map(|p| display_path(&p.display().to_string(), ctx.at.cwd))
                    .collect();
                out.push(
                    Finding::new(
                        "DRBD206",
                        ctx.at.loc(*span),
                        format!(
                            "this include leads back to {}, which is already being read: {}",
                            chain[0],
                            chain.join(" -> ")
                        ),
                    )
                    .hint(
                        "the loader skips the file the second time, so the include has no effect",
                    ),
                );
                continue;
            }
            walk(ctx, target, ids, edges, stack, done, out);
        }
    }
    stack.pop();
    done.push(file.to_path_buf());
}
